//! Turns model values into text for people and JSON for programs. Nothing
//! here reads files or writes to stdout; handlers print what it returns.

pub mod agenda;
pub mod brag;
pub mod color;
pub mod commit;
pub mod decisions;
pub mod export;
pub mod goals;
pub mod html;
pub mod ics;
pub mod json;
pub mod listing;
pub mod mail;
pub mod nudge;
pub mod prep;
pub mod remind;
pub mod review;
pub mod search;
pub mod shell;
pub mod stats;
pub mod status;
pub mod summary;
pub mod table;
pub mod text;
pub mod undo;

/// How a summary or review is written out: chosen by `--format`/`--json`,
/// else by the configuration (see [`crate::context::Context::summary_format`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Markdown,
    Text,
    Json,
    // One self-contained page with charts (see `render::html`).
    Html,
}
