//! The agenda of a meeting and the reminder that opens it.

use crate::model::commitment::{Commitment, Made};
use crate::model::meeting::{Meeting, TopicChanges};
use crate::model::mentor::Mentor;
use crate::render::text::{at_time, clean, indented, one_line, plural};
use std::fmt::Write;

/// The agenda, ready to paste into a message: it opens with the report on
/// open commitments whenever there are any.
pub fn agenda(mentor: &Mentor, meeting: Option<&Meeting>, open: &[Commitment]) -> String {
    let mut out = match meeting.and_then(|m| m.date.map(|date| (date, m))) {
        Some((date, m)) => format!(
            "Agenda for the meeting with {} on {date}{}\n\n",
            clean(&mentor.name),
            at_time(m.time, m.length())
        ),
        None => format!(
            "Agenda for the next meeting with {}\n\n",
            clean(&mentor.name)
        ),
    };
    let mut number = 0;
    let mut item = |out: &mut String, text: &str| {
        number += 1;
        let _ = writeln!(out, "{number}. {}", indented(text, "   "));
    };
    if !open.is_empty() {
        item(&mut out, "Report on last meeting's commitments:");
        for c in open {
            let _ = writeln!(out, "   - {}{}", indented(&c.text, "     "), remark(c));
        }
    }
    for topic in meeting.map(|m| m.topics.as_slice()).unwrap_or_default() {
        item(&mut out, topic);
    }
    if meeting.is_none_or(|m| m.topics.is_empty()) {
        out.push_str("(no topics prepared)\n");
    }
    out
}

/// The reminder at the start of a meeting: every open commitment.
pub fn reminder(mentor: &Mentor, open: &[Commitment]) -> String {
    let mut out = format!(
        "First, report on your {} to {}:\n\n",
        plural(open.len(), "open commitment", "open commitments"),
        clean(&mentor.name)
    );
    for c in open {
        let _ = writeln!(
            out,
            "  [{}] {}{}",
            c.id,
            indented(&c.text, "           "),
            remark(c)
        );
    }
    out
}

/// The shell commands that record a report without a terminal.
pub fn record_commands(open: &[Commitment]) -> String {
    let mut out = String::from("Record what became of each one (add --note \"...\" to explain):\n");
    for c in open {
        let _ = writeln!(
            out,
            "  mentee action set {} done|in-progress|blocked|dropped",
            c.id
        );
    }
    out
}

/// Where a commitment came from, in a few words: "from 2027-01-08" (its
/// meeting's day) or "added 2027-01-12" (a day between meetings).
pub fn made_short(c: &Commitment) -> String {
    match c.made() {
        Made::AtMeeting(day) => format!("from {day}"),
        Made::AfterMeeting { added, .. } | Made::Alone(added) => format!("added {added}"),
    }
}

/// Where a commitment came from, in full: "from the meeting on 2027-01-08",
/// "added 2027-01-12, after the meeting on 2027-01-08", or "added
/// 2027-01-02, before any meeting".
pub fn made_long(c: &Commitment) -> String {
    match c.made() {
        Made::AtMeeting(day) => format!("from the meeting on {day}"),
        Made::AfterMeeting { added, meeting } => {
            format!("added {added}, after the meeting on {meeting}")
        }
        Made::Alone(added) => format!("added {added}, before any meeting"),
    }
}

/// "(from 2026-11-10, due 2026-11-20, overdue, carried over 2 meetings)"
fn remark(c: &Commitment) -> String {
    let mut parts = Vec::new();
    if c.meeting.is_some() {
        parts.push(made_short(c));
    }
    if let Some(due) = c.due {
        parts.push(format!("due {due}"));
    }
    if c.overdue {
        parts.push("overdue".to_string());
    }
    if c.status != crate::model::meeting::Status::Open {
        parts.push(c.status.label().to_string());
    }
    if c.carried > 0 {
        parts.push(format!(
            "carried over {}",
            plural(c.carried, "meeting", "meetings")
        ));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

/// What planning again changed, e.g. "Replanned the topics: kept How do I
/// plan?; added Who decides?; removed Old question?." When none was kept,
/// "Replaced the topics planned before: Old question?".
pub fn topic_changes(changes: &TopicChanges) -> String {
    if changes.kept.is_empty() {
        let removed: Vec<String> = changes.removed.iter().map(|t| one_line(t)).collect();
        return format!(
            "Replaced the topics planned before: {}",
            removed.join(" / ")
        );
    }
    let mut parts = Vec::new();
    for (what, topics) in [
        ("kept", &changes.kept),
        ("added", &changes.added),
        ("removed", &changes.removed),
    ] {
        if !topics.is_empty() {
            let topics: Vec<String> = topics.iter().map(|t| one_line(t)).collect();
            parts.push(format!("{what} {}", topics.join(" / ")));
        }
    }
    format!("Replanned the topics: {}.", parts.join("; "))
}
