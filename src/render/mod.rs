//! Turns model values into text for people and JSON for programs. Nothing
//! here reads files or writes to stdout; handlers print what it returns.

pub mod agenda;
pub mod color;
pub mod decisions;
pub mod export;
pub mod goals;
pub mod ics;
pub mod json;
pub mod listing;
pub mod nudge;
pub mod review;
pub mod shell;
pub mod stats;
pub mod status;
pub mod summary;
pub mod table;
pub mod text;
