//! End-to-end tests through the real `mentee` binary: one test binary, one
//! private data folder and a pinned clock per test (see `support`).

mod action;
mod agenda;
mod dates;
mod index;
mod interactive;
mod journal;
mod meet;
mod mentor;
mod sample;
mod status;
mod storage;
mod summary;
mod support;
