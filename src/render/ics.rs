//! The planned meeting as an iCalendar (RFC 5545) event, for
//! `mentee agenda --ics`: an all-day event on the planned date whose
//! description is the agenda, the report on open commitments first.
//!
//! Written by hand: it is a dozen lines of text, and the rules that matter
//! are few: CRLF line endings, TEXT values escaped (§3.3.11) and lines
//! folded at 75 octets without splitting a character (§3.1).

use crate::model::commitment::Commitment;
use crate::model::meeting::Meeting;
use crate::model::mentor::Mentor;
use crate::render::text::{clean, plural};
use chrono::{NaiveDate, NaiveDateTime};
use std::fmt::Write;

/// One planned meeting to put in the calendar.
pub struct Event<'a> {
    pub mentor: &'a Mentor,
    pub meeting: &'a Meeting,
    /// The day it is planned for.
    pub date: NaiveDate,
    /// Open commitments with this mentor, in reminder order.
    pub open: &'a [Commitment],
}

/// A calendar with one event per planned meeting. `stamp` (UTC) is when
/// the calendar was made: its DTSTAMP.
pub fn calendar(events: &[Event<'_>], stamp: NaiveDateTime) -> String {
    let mut out = String::new();
    let mut line = |text: &str| out.push_str(&fold(text));
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!(
        "PRODID:-//mentee//mentee {}//EN",
        env!("CARGO_PKG_VERSION")
    ));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    for event in events {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", uid(event)));
        line(&format!("DTSTAMP:{}", stamp.format("%Y%m%dT%H%M%SZ")));
        line(&format!("DTSTART;VALUE=DATE:{}", ics_date(event.date)));
        if let Some(next) = event.date.succ_opt() {
            line(&format!("DTEND;VALUE=DATE:{}", ics_date(next)));
        }
        line(&format!(
            "SUMMARY:{}",
            escape(&format!("Mentoring: {}", event.mentor.name))
        ));
        line(&format!("DESCRIPTION:{}", escape(&description(event))));
        // An all-day reminder should not mark the whole day as busy.
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// Stable across runs and machines: the meeting keeps its ID when it is
/// replanned and when it is held, so a calendar updates the same event.
fn uid(event: &Event<'_>) -> String {
    escape(&format!(
        "{}.{}@mentee",
        event.meeting.id, event.meeting.mentor
    ))
}

fn ics_date(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

/// The agenda, as `mentee agenda` prints it, without the title line (the
/// event's summary says it).
fn description(event: &Event<'_>) -> String {
    let mut out = String::new();
    let mut number = 0;
    if !event.open.is_empty() {
        number += 1;
        let _ = writeln!(out, "{number}. Report on last meeting's commitments:");
        for c in event.open {
            let mut remark = Vec::new();
            if let Some(due) = c.due {
                remark.push(format!("due {due}"));
            }
            if c.overdue {
                remark.push("overdue".to_string());
            }
            if c.carried > 0 {
                remark.push(format!(
                    "carried over {}",
                    plural(c.carried, "meeting", "meetings")
                ));
            }
            let remark = if remark.is_empty() {
                String::new()
            } else {
                format!(" ({})", remark.join(", "))
            };
            let _ = writeln!(out, "   - {}{remark}", c.text.trim());
        }
    }
    for topic in &event.meeting.topics {
        number += 1;
        let _ = writeln!(out, "{number}. {}", topic.trim());
    }
    if event.meeting.topics.is_empty() {
        out.push_str("(no topics prepared)\n");
    }
    out.trim_end().to_string()
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma are
/// escaped, line breaks become `\n`, and other control characters are made
/// visible rather than sent to a calendar.
pub fn escape(text: &str) -> String {
    let text = clean(&text.replace("\r\n", "\n").replace('\r', "\n"));
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so that no line is longer than 75 octets
/// (continuation lines start with a space, which counts), never inside a
/// character, and ended with CRLF.
pub fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / LIMIT * 3 + 2);
    let mut used = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        // An escape such as `\,` stays on one line, for lenient readers.
        let mut unit = String::from(c);
        if c == '\\'
            && let Some(next) = chars.next()
        {
            unit.push(next);
        }
        if used + unit.len() > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push_str(&unit);
        used += unit.len();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a, b; c\\d\r\ne\nf"), "a\\, b\\; c\\\\d\\ne\\nf");
        // A control character is shown, not sent; its backslash is escaped.
        assert_eq!(escape("bell\u{7}"), "bell\\\\u{7}");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let line = format!("DESCRIPTION:{}", "é".repeat(100));
        let folded = fold(&line);
        assert!(folded.ends_with("\r\n"));
        for part in folded.trim_end_matches("\r\n").split("\r\n") {
            assert!(part.len() <= 75, "{} octets: {part:?}", part.len());
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
        assert_eq!(fold("SHORT:x"), "SHORT:x\r\n");
        let escapes = fold(&format!("X:{}", "\\,".repeat(60)));
        assert!(!escapes.contains("\\\r\n"), "{escapes:?}");
    }
}
