//! The adversarial suite: mentee must never lose or corrupt a journal, under
//! concurrent writers, killed processes, full disks, hostile input and hand
//! edits. Slower than the `cli` suite; CI runs both.

// Tests report skipped checks on standard error.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[allow(dead_code)]
#[path = "../cli/support.rs"]
mod support;

mod cache;
mod content;
mod data_folder;
mod git_state;
mod import;
mod paths;
mod processes;
mod properties;
