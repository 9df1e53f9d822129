//! Nudges as people read them: a section of the dashboard, a line on
//! stderr after a command, and the table of `mentee nudge list`.

use crate::model::nudge::{Kind, Nudge};
use crate::render::table;
use crate::render::text::one_line;
use comfy_table::Cell;
use std::fmt::Write;

/// One nudge on one line, with the command that acts on it.
pub fn line(nudge: &Nudge) -> String {
    format!(
        "{} (run: {})",
        one_line(&nudge.message),
        one_line(&nudge.command)
    )
}

/// The "Nudges" section of the dashboard; empty when there are none.
pub fn section(nudges: &[Nudge]) -> String {
    if nudges.is_empty() {
        return String::new();
    }
    let mut out = String::from("\nNudges\n");
    for nudge in nudges {
        let _ = writeln!(out, "  {}", line(nudge));
    }
    out
}

/// What `mentee nudge list` shows for one kind.
pub struct KindRow {
    pub kind: Kind,
    /// "everyone", or the names of the mentors it is silenced for.
    pub silenced: Vec<String>,
}

/// Every kind, when it shows, and where it is silenced.
pub fn kinds(rows: &[KindRow], width: Option<u16>) -> String {
    let mut t = table::new(width, &["Kind", "Shows when", "Silenced for"]);
    for row in rows {
        t.add_row(vec![
            Cell::new(row.kind.as_str()),
            Cell::new(row.kind.describe()),
            Cell::new(one_line(&row.silenced.join(", "))),
        ]);
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nudge_is_one_line_with_its_command() {
        let nudge = Nudge {
            kind: Kind::Quiet,
            mentor: "alex".into(),
            commitment: None,
            message: "Nothing logged for\nAlex \u{1b}[31m".into(),
            command: "mentee update \"...\" -m alex".into(),
        };
        assert_eq!(
            line(&nudge),
            "Nothing logged for Alex \\u{1b}[31m (run: mentee update \"...\" -m alex)"
        );
        assert_eq!(section(&[]), "");
        assert!(section(&[nudge]).starts_with("\nNudges\n  Nothing logged"));
    }
}
