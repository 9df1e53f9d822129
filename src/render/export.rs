//! `mentee export`: the journal as one JSON document (everything, for
//! programs and `mentee import`) or as a Markdown archive (for people).

use crate::model::archive::{Archive, Filter, Wire, commitment_texts};
use crate::model::goal::Goal;
use crate::model::id::Id;
use crate::model::journal::Entry;
use crate::model::meeting::{Action, Meeting};
use crate::model::mentor::Mentor;
use crate::render::json;
use crate::render::text::{capitalise, clean, indented, mentor_name};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::fmt::Write;

/// `{"version": 1, "export": {...}}`: see docs/json.md.
pub fn json(archive: &Archive, exported: NaiveDate, filter: &Filter) -> String {
    json::document("export", &Wire::new(archive, exported, filter))
}

/// A readable archive: the goals with their ratings; per mentor, the
/// meetings in date order with their
/// topics, check-ins and commitments, the commitments made between
/// meetings, the queued topics and the journal; then the entries meant for
/// every mentor.
pub fn markdown(archive: &Archive, exported: NaiveDate, filter: &Filter) -> String {
    let texts = commitment_texts(archive);
    let mut out = String::from("# Mentoring journal\n\n");
    let mut scope = format!("Exported on {exported}");
    if let Some(since) = filter.since {
        let _ = write!(scope, ", from {since} on");
    }
    if let Some(slug) = &filter.mentor {
        let _ = write!(
            scope,
            ", only {}",
            clean(mentor_name(&archive.mentors, slug))
        );
    }
    let _ = writeln!(out, "{scope}.");
    if !archive.goals.is_empty() {
        out.push_str("\n## Goals\n\n");
        for goal in &archive.goals {
            goal_item(&mut out, goal, &archive.mentors);
        }
    }
    if archive.mentors.is_empty() {
        out.push_str("\nNo mentors yet.\n");
    }
    for mentor in &archive.mentors {
        mentor_section(&mut out, archive, mentor, &texts);
    }
    let everyone: Vec<&Entry> = archive
        .entries
        .iter()
        .filter(|e| e.mentor.is_none())
        .collect();
    if !everyone.is_empty() {
        out.push_str("\n## For all mentors\n\n");
        for entry in everyone {
            entry_line(&mut out, entry, &texts);
        }
    }
    out
}

fn mentor_section(out: &mut String, archive: &Archive, mentor: &Mentor, texts: &Texts<'_>) {
    let slug = mentor.slug.as_str();
    let _ = writeln!(out, "\n## {}\n", clean(&mentor.name));
    let mut about = capitalise(&mentor.role.to_string());
    match (mentor.since, mentor.until) {
        (Some(since), Some(until)) => {
            let _ = write!(about, ", {since} to {until}");
        }
        (Some(since), None) => {
            let _ = write!(about, " since {since}");
        }
        (None, Some(until)) => {
            let _ = write!(about, " until {until}");
        }
        (None, None) => {}
    }
    if let Some(every) = mentor.every {
        let _ = write!(about, ", meeting every {every}");
    }
    if let Some(email) = &mentor.email {
        let _ = write!(about, ", {}", clean(email));
    }
    let _ = writeln!(out, "{about}.");

    for meeting in archive.meetings.iter().filter(|m| m.mentor == slug) {
        meeting_section(out, meeting, texts);
    }
    let unattached: Vec<&Action> = archive
        .unattached
        .iter()
        .filter(|a| a.mentor.as_deref() == Some(slug))
        .collect();
    if !unattached.is_empty() {
        out.push_str("\n### Commitments made between meetings\n\n");
        for action in unattached {
            action_item(out, action);
        }
    }
    let queued: Vec<_> = archive.later.iter().filter(|q| q.mentor == slug).collect();
    if !queued.is_empty() {
        out.push_str("\n### Queued for a later meeting\n\n");
        for topic in queued {
            let _ = writeln!(
                out,
                "- {} (queued on {})",
                indented(&topic.text, "  "),
                topic.added
            );
        }
    }
    let entries: Vec<&Entry> = archive
        .entries
        .iter()
        .filter(|e| e.mentor.as_deref() == Some(slug))
        .collect();
    if !entries.is_empty() {
        out.push_str("\n### Journal\n\n");
        for entry in entries {
            entry_line(out, entry, texts);
        }
    }
}

type Texts<'a> = HashMap<&'a Id, &'a str>;

fn meeting_section(out: &mut String, meeting: &Meeting, texts: &Texts<'_>) {
    let title = match (meeting.held, meeting.date) {
        (true, Some(date)) => format!("Meeting on {date}"),
        (true, None) => "Meeting (no date)".to_string(),
        (false, Some(date)) => format!("Planned meeting on {date}"),
        (false, None) => "Planned meeting (no date yet)".to_string(),
    };
    let _ = writeln!(out, "\n### {title}\n");
    if meeting.topics.is_empty() {
        out.push_str("No agenda was prepared.\n");
    } else {
        out.push_str("Topics:\n\n");
        for (n, topic) in meeting.topics.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", n + 1, indented(topic, "   "));
        }
    }
    if !meeting.checkins.is_empty() {
        out.push_str("\nReport on earlier commitments:\n\n");
        for checkin in &meeting.checkins {
            let text = texts
                .get(&checkin.action)
                .map_or_else(|| checkin.action.to_string(), |t| indented(t, "  "));
            let _ = writeln!(
                out,
                "- {}: {text} [{}]",
                capitalise(checkin.status.label()),
                checkin.action
            );
            if let Some(note) = &checkin.note {
                let _ = writeln!(out, "  {}", indented(note, "  "));
            }
        }
    }
    if !meeting.actions.is_empty() {
        out.push_str("\nCommitments:\n\n");
        for action in &meeting.actions {
            action_item(out, action);
        }
    }
}

/// "- [id] text (due 2026-11-20): done", then its history.
fn action_item(out: &mut String, action: &Action) {
    let due = action
        .due
        .map(|due| format!(" (due {due})"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "- [{}] {}{due}: {}",
        action.id,
        indented(&action.text, "  "),
        action.status.label()
    );
    for change in &action.history {
        let note = change
            .note
            .as_deref()
            .map(|note| format!(": {}", indented(note, "    ")))
            .unwrap_or_default();
        let _ = writeln!(out, "  - {} {}{note}", change.on, change.status.label());
    }
}

/// "- [id] text, by 2027-03-31, with Alex Kim: active", its measure, then
/// every rating.
fn goal_item(out: &mut String, goal: &Goal, mentors: &[Mentor]) {
    let with = goal
        .mentor
        .as_deref()
        .map(|slug| format!(", with {}", clean(mentor_name(mentors, slug))))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "- [{}] {}, by {}{with}: {}",
        goal.id,
        indented(&goal.text, "  "),
        goal.by,
        goal.status.as_str()
    );
    if let Some(measure) = &goal.measure {
        let _ = writeln!(out, "  Measure: {}", indented(measure, "  "));
    }
    for rating in &goal.ratings {
        let note = rating
            .note
            .as_deref()
            .map(|note| format!(": {}", indented(note, "    ")))
            .unwrap_or_default();
        let _ = writeln!(out, "  - {} rated {}/5{note}", rating.on, rating.score);
    }
}

/// "- 2026-11-20, win: text (about: commitment text)"
fn entry_line(out: &mut String, entry: &Entry, texts: &Texts<'_>) {
    let kind = entry.kind.as_str();
    let about = entry
        .action
        .as_ref()
        .map(|id| {
            let text = texts.get(id).copied().unwrap_or(id.as_str());
            format!("\n  About: {}", indented(text, "  "))
        })
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "- {}, {}: {}{about}{}",
        entry.date,
        clean(kind),
        indented(&entry.text, "  "),
        practice_lines(entry)
    );
}

/// A decision's options, input and reason, and the advice an outcome is
/// about, as indented lines under the entry.
fn practice_lines(entry: &Entry) -> String {
    let mut lines = String::new();
    for option in &entry.options {
        let _ = write!(lines, "\n  Option: {}", indented(option, "  "));
    }
    if let Some(input) = &entry.input {
        let _ = write!(lines, "\n  Input: {}", indented(input, "  "));
    }
    if let Some(why) = &entry.why {
        let _ = write!(lines, "\n  Why: {}", indented(why, "  "));
    }
    if let Some(advice) = &entry.about {
        let _ = write!(lines, "\n  Advice: [{}]", clean(advice.as_str()));
    }
    lines
}
