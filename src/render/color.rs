//! Colour, decided once per run (see `Context::color`): overdue dates in red
//! and each status in its own colour. With colour off, text comes back
//! exactly as it went in.

use crate::model::meeting::Status;
use comfy_table::{Attribute, Cell, Color, Table};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    Red,
    Green,
    Yellow,
    Dim,
    /// What a search found: bold red, as grep shows it.
    Match,
}

/// The colour of a commitment's status: done green, in progress yellow,
/// blocked red, dropped dim, open plain.
pub fn of_status(status: Status) -> Option<Paint> {
    match status {
        Status::Open => None,
        Status::InProgress => Some(Paint::Yellow),
        Status::Blocked => Some(Paint::Red),
        Status::Done => Some(Paint::Green),
        Status::Dropped => Some(Paint::Dim),
    }
}

/// Text wrapped in ANSI colour codes when `on`.
pub fn paint(text: &str, paint: Option<Paint>, on: bool) -> String {
    let code = match paint.filter(|_| on) {
        None => return text.to_string(),
        Some(Paint::Red) => "31",
        Some(Paint::Green) => "32",
        Some(Paint::Yellow) => "33",
        Some(Paint::Dim) => "2",
        Some(Paint::Match) => "1;31",
    };
    format!("\u{1b}[{code}m{text}\u{1b}[0m")
}

/// A table cell, coloured when `on`.
pub fn cell(text: String, paint: Option<Paint>, on: bool) -> Cell {
    let cell = Cell::new(text);
    match paint.filter(|_| on) {
        None => cell,
        Some(Paint::Red) => cell.fg(Color::Red),
        Some(Paint::Green) => cell.fg(Color::Green),
        Some(Paint::Yellow) => cell.fg(Color::Yellow),
        Some(Paint::Dim) => cell.add_attribute(Attribute::Dim),
        Some(Paint::Match) => cell.fg(Color::Red).add_attribute(Attribute::Bold),
    }
}

/// Lets a table show its cells' colours even when stdout is not a terminal
/// or NO_COLOR is set: that was weighed when colour was decided.
pub fn enable(table: &mut Table, on: bool) {
    if on {
        table.enforce_styling();
        crossterm::style::force_color_output(true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_off_leaves_text_alone() {
        assert_eq!(paint("late", Some(Paint::Red), false), "late");
        assert_eq!(paint("late", None, true), "late");
        assert_eq!(
            paint("late", Some(Paint::Red), true),
            "\u{1b}[31mlate\u{1b}[0m"
        );
    }
}
