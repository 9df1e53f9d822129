//! The progress summary as Markdown or plain text. Both read well pasted
//! into an email: the Markdown adds only headings and list markers.

use crate::model::commitment::Commitment;
use crate::model::goal::GoalView;
use crate::model::journal::Kind;
use crate::model::summary::{AdviceOutcomes, Period, Summary};
use crate::render::goals;
use crate::render::text::{at_time, capitalise, clean, indented, one_line, plural};
use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Markdown,
    Text,
}

pub fn render(summary: &Summary, style: Style) -> String {
    let heading = |level: usize, text: &str| match style {
        Style::Markdown => format!("{} {text}\n\n", "#".repeat(level)),
        Style::Text => format!("{text}\n\n"),
    };
    let mut out = heading(1, &title(summary));
    let title = match summary.last_meeting {
        Some(date) => format!("Commitments from our last meeting on {date}"),
        None => "My commitments".to_string(),
    };
    for (title, list, origin) in [
        (title.as_str(), &summary.commitments, false),
        ("Earlier commitments", &summary.earlier_commitments, false),
        ("Still open", &summary.still_open, true),
    ] {
        if list.is_empty() {
            continue;
        }
        out.push_str(&heading(2, title));
        for c in list {
            let mut line = format!(
                "- {}: {}",
                capitalise(c.status.label()),
                indented(&c.text, "  ")
            );
            // A still-open commitment's note was news when it was given:
            // it shows with the report, not again in every summary.
            if let Some(note) = c.status_note().filter(|_| !origin) {
                let _ = write!(line, "\n  {}", indented(note, "  "));
            }
            if let Some(facts) = open_facts(c, origin) {
                let _ = write!(line, "\n  {facts}");
            }
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    if !summary.goals.is_empty() {
        out.push_str(&heading(2, "Goals"));
        for goal in &summary.goals {
            let _ = writeln!(out, "{}", goal_item(goal));
        }
        out.push('\n');
    }
    if !summary.progress.is_empty() {
        out.push_str(&heading(2, "Progress"));
        for e in &summary.progress {
            let win = if e.kind == Kind::Win { "Win: " } else { "" };
            let _ = writeln!(out, "- {}: {win}{}", e.date, indented(&e.text, "  "));
        }
        out.push('\n');
    }
    if !summary.outcomes.is_empty() {
        out.push_str(&heading(2, "How your advice worked out"));
        for group in &summary.outcomes {
            let _ = writeln!(out, "{}", advice_item(group));
        }
        out.push('\n');
    }
    if !summary.thanks.is_empty() {
        out.push_str(&heading(2, "Thank you"));
        for e in &summary.thanks {
            let _ = writeln!(out, "- {}", indented(&e.text, "  "));
        }
        out.push('\n');
    }
    if let Some(next) = &summary.next_meeting {
        let when = next
            .date
            .map(|d| format!(" on {d}{}", at_time(next.time, next.minutes)))
            .unwrap_or_default();
        out.push_str(&heading(2, &format!("For our next meeting{when}")));
        for (i, topic) in next.topics.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, indented(topic, "   "));
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// What a mentor needs to know about an open commitment, on a line of its
/// own under it: "From 2027-01-06, due 2027-01-15, overdue, carried over 1
/// meeting", where "From" appears only when `origin` is asked for; `None`
/// for a closed commitment or an open one with nothing to add.
pub fn open_facts(c: &Commitment, origin: bool) -> Option<String> {
    if !c.status.is_open() {
        return None;
    }
    let mut parts = Vec::new();
    if origin {
        parts.push(crate::render::agenda::made_short(c));
    }
    if let Some(due) = c.due {
        parts.push(format!("due {due}"));
    }
    if c.overdue {
        parts.push("overdue".to_string());
    }
    if c.carried > 0 {
        parts.push(format!(
            "carried over {}",
            plural(c.carried, "meeting", "meetings")
        ));
    }
    (!parts.is_empty()).then(|| capitalise(&parts.join(", ")))
}

/// The first line: "Progress update for Alex Kim, 2026-11-10 to 2026-11-24",
/// which is also the subject of the email it is sent in.
pub fn title(summary: &Summary) -> String {
    let period = match summary.period() {
        Period::Between(since, until) => format!("{since} to {until}"),
        Period::Until(until) => format!("until {until}"),
        Period::SinceMeeting(day) => format!("since our meeting on {day}"),
        Period::Day(day) => format!("on {day}"),
    };
    format!("Progress update for {}, {period}", clean(&summary.mentor))
}

/// A piece of advice and how it went each time it was tried, as a list item:
/// "- Your advice (DATE): ..." then "  How it went (DATE): ..." lines.
pub fn advice_item(group: &AdviceOutcomes) -> String {
    let mut item = match &group.advice {
        Some(advice) => format!(
            "- Your advice ({}): {}",
            advice.date,
            indented(&advice.text, "  ")
        ),
        None => "- Your advice (no longer in my journal)".to_string(),
    };
    for outcome in &group.outcomes {
        let _ = write!(
            item,
            "\n  How it went ({}): {}",
            outcome.date,
            indented(&outcome.text, "  ")
        );
    }
    item
}

/// A goal as a list item: "- TEXT, by DATE: 3/5, up from 2", then its
/// measure and the note of its latest rating on lines of their own.
fn goal_item(goal: &GoalView) -> String {
    let late = if goal.overdue { " (overdue)" } else { "" };
    let mut item = format!(
        "- {}, by {}{late}: {}",
        indented(&goal.text, "  "),
        goal.by,
        goals::rating(goal)
    );
    if let Some(measure) = &goal.measure {
        let _ = write!(item, "\n  Measure: {}", indented(measure, "  "));
    }
    if let Some(note) = goal.latest.as_ref().and_then(|r| r.note.as_deref()) {
        let _ = write!(item, "\n  {}", indented(note, "  "));
    }
    item
}

/// The summary with a signature as its last line: "— Sam".
pub fn signed(text: &str, name: &str) -> String {
    let mut out = text.trim_end().to_string();
    out.push_str(&format!("\n\n— {}\n", one_line(name)));
    out
}
