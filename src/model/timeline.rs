//! Everything that happened, as one list of dated events (`mentee log`).

use crate::model::commitment::Commitment;
use crate::model::id::Id;
use crate::model::journal::Entry;
use crate::model::meeting::{Meeting, Status};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub date: NaiveDate,
    /// meeting, planned, commitment, done, in-progress, blocked, dropped,
    /// open (reopened), or an entry kind: update, win, thanks, note.
    pub kind: String,
    /// The mentor's slug, when the event concerns one.
    pub mentor: Option<String>,
    pub id: Option<Id>,
    pub text: String,
}

/// Events between `from` and `to` (inclusive, either end open), oldest first.
pub fn build(
    meetings: &[Meeting],
    commitments: &[Commitment],
    entries: &[Entry],
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Vec<Event> {
    let mut events = Vec::new();
    for meeting in meetings {
        let Some(date) = meeting.date else { continue };
        let text = if meeting.topics.is_empty() {
            "no agenda".to_string()
        } else {
            meeting.topics.join(" / ")
        };
        events.push(Event {
            date,
            kind: if meeting.held { "meeting" } else { "planned" }.to_string(),
            mentor: Some(meeting.mentor.clone()),
            id: Some(meeting.id.clone()),
            text,
        });
    }
    for c in commitments {
        let event = |date, kind: &str, text: String| Event {
            date,
            kind: kind.to_string(),
            mentor: Some(c.mentor.clone()),
            id: Some(c.id.clone()),
            text,
        };
        events.push(event(c.created, "commitment", c.text.clone()));
        for change in &c.history {
            let text = match &change.note {
                Some(note) => format!("{}: {}", c.text, note),
                None => c.text.clone(),
            };
            events.push(event(change.on, change.status.as_str(), text));
        }
    }
    for e in entries {
        events.push(Event {
            date: e.date,
            kind: e.kind.to_string(),
            mentor: e.mentor.clone(),
            id: Some(e.id.clone()),
            text: e.text.clone(),
        });
    }
    events.retain(|e| from.is_none_or(|d| e.date >= d) && to.is_none_or(|d| e.date <= d));
    // Same day: the meeting first, then what was committed and reported there.
    let rank = |kind: &str| match kind {
        "meeting" | "planned" => 0,
        "commitment" => 1,
        k if Status::Done.as_str() == k => 2,
        _ => 3,
    };
    events.sort_by_key(|e| (e.date, rank(&e.kind)));
    events
}
