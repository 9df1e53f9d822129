//! End-to-end tests through the real `mentee` binary: one test binary, one
//! private data folder and a pinned clock per test (see `support`).

mod action;
mod agenda;
mod brag;
mod calendar;
mod corrections;
mod dates;
mod docs;
mod export;
mod goals;
mod index;
mod interactive;
mod journal;
mod json_docs;
mod meet;
mod mentor;
mod nudges;
mod practice;
mod prep;
mod prompt;
mod remind;
mod sample;
mod search;
mod send;
mod shell;
mod status;
mod storage;
mod summary;
mod support;
mod sync;
mod undo;
