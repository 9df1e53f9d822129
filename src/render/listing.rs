//! Tables for the listing commands.

use crate::model::commitment::{Commitment, Made};
use crate::model::mentor::Mentor;
use crate::model::overview::Overview;
use crate::model::timeline::Event;
use crate::render::color::{self, Paint};
use crate::render::table;
use crate::render::text::{at_time, mentor_name, one_line};
use comfy_table::Cell;
use std::fmt::Write;

pub fn commitments(
    list: &[Commitment],
    mentors: &[Mentor],
    width: Option<u16>,
    color: bool,
) -> String {
    let mut t = table::new(
        width,
        &["ID", "Commitment", "Mentor", "From", "Due", "Status"],
    );
    color::enable(&mut t, color);
    for c in list {
        let from = match c.made() {
            Made::AtMeeting(day) => day.to_string(),
            Made::AfterMeeting { added, .. } => format!("{added} (after a meeting)"),
            Made::Alone(added) => format!("{added} (no meeting)"),
        };
        let due = match (c.due, c.overdue) {
            (Some(due), true) => format!("{due} overdue"),
            (Some(due), false) => due.to_string(),
            (None, _) => String::new(),
        };
        let mut status = c.status.label().to_string();
        if c.carried > 0 && c.status.is_open() {
            status.push_str(&format!(", carried {}x", c.carried));
        }
        let late = c.overdue.then_some(Paint::Red);
        t.add_row(vec![
            color::cell(c.id.to_string(), late, color),
            Cell::new(one_line(&c.text)),
            Cell::new(one_line(mentor_name(mentors, &c.mentor))),
            Cell::new(from),
            color::cell(due, late, color),
            color::cell(status, color::of_status(c.status), color),
        ]);
    }
    t.to_string()
}

pub fn mentors(rows: &[Overview], width: Option<u16>) -> String {
    let mut t = table::new(
        width,
        &[
            "Name",
            "Role",
            "Every",
            "Last meeting",
            "Next meeting",
            "Open",
        ],
    );
    for row in rows {
        let mut name = one_line(&row.mentor.name);
        if let Some(until) = row.mentor.until {
            let term = if row.active { "until" } else { "ended" };
            name.push_str(&format!(" ({term} {until})"));
        }
        let next = match (&row.next_meeting, row.due_by_cadence) {
            (Some(next), _) => next.date.map_or("planned, no date".to_string(), |d| {
                format!("{d}{}", at_time(next.time, next.minutes))
            }),
            (None, Some(due)) => format!("due {due}"),
            (None, None) => String::new(),
        };
        t.add_row(vec![
            name,
            row.mentor.role.to_string(),
            every(row),
            row.last_meeting.map(|d| d.to_string()).unwrap_or_default(),
            next,
            row.open_commitments.to_string(),
        ]);
    }
    t.to_string()
}

/// The cadence, and a break when the mentor is on one.
fn every(row: &Overview) -> String {
    let every = row.mentor.every.map(|e| e.to_string()).unwrap_or_default();
    match row.paused {
        Some(until) if every.is_empty() => format!("paused until {until}"),
        Some(until) => format!("{every}, paused until {until}"),
        None => every,
    }
}

/// The timeline as aligned lines rather than a table: a log of years is
/// long, and lines can be written without holding every cell in memory.
pub fn timeline(events: &[Event], mentors: &[Mentor]) -> String {
    let name = |e: &Event| {
        e.mentor
            .as_deref()
            .map(|m| one_line(mentor_name(mentors, m)))
    };
    let width = events
        .iter()
        .filter_map(name)
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(0);
    let width = width.max("MENTOR".len());
    let mut out = String::with_capacity(events.len() * 80);
    let mut line = |date: &str, kind: &str, mentor: &str, id: &str, text: &str| {
        let _ = writeln!(
            out,
            "{date:<10}  {kind:<11} {mentor:<width$}  {id:<6}  {text}"
        );
    };
    line("DATE", "WHAT", "MENTOR", "ID", "TEXT");
    for e in events {
        let id = e.id.as_ref().map(|id| id.to_string()).unwrap_or_default();
        line(
            &e.date.to_string(),
            &e.kind,
            &name(e).unwrap_or_default(),
            &id,
            &one_line(&e.text),
        );
    }
    out
}
