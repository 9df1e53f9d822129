//! The adversarial suite: mentee must never lose or corrupt a journal, under
//! concurrent writers, killed processes, full disks, hostile input and hand
//! edits. Slower than the `cli` suite; CI runs both.

#[allow(dead_code)]
#[path = "../cli/support.rs"]
mod support;

mod content;
mod processes;
mod properties;
