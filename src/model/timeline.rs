//! Everything that happened, as one list of dated events (`mentee log`).

use crate::model::commitment::Commitment;
use crate::model::id::Id;
use crate::model::journal::{Entry, Kind};
use crate::model::meeting::{Meeting, Status};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub date: NaiveDate,
    /// meeting, planned, commitment, done, in-progress, blocked, dropped,
    /// open (reopened), or an entry kind: update, win, thanks, note,
    /// decision, advice, outcome, giveback.
    pub kind: String,
    /// The mentor's slug, when the event concerns one.
    pub mentor: Option<String>,
    pub id: Option<Id>,
    pub text: String,
}

/// An entry's text with what it links to: a decision's reason, the advice
/// an outcome is about.
fn entry_text(e: &Entry) -> String {
    match (&e.kind, &e.why, &e.about) {
        (Kind::Decision, Some(why), _) => format!("{} (why: {why})", e.text),
        (Kind::Outcome, _, Some(about)) => format!("{} (about advice {about})", e.text),
        _ => e.text.clone(),
    }
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
            text: entry_text(e),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_show_why_and_outcomes_their_advice() {
        let day = "2026-11-20".parse().expect("date");
        let entry =
            |kind: Kind| Entry::new(Id::from("ent001"), day, kind, None, "Text".to_string());
        let mut decision = entry(Kind::Decision);
        decision.why = Some("Because".into());
        let mut outcome = entry(Kind::Outcome);
        outcome.about = Some(Id::from("adv001"));
        let texts: Vec<String> = build(
            &[],
            &[],
            &[decision, outcome, entry(Kind::Advice)],
            None,
            None,
        )
        .into_iter()
        .map(|e| format!("{} {}", e.kind, e.text))
        .collect();
        assert_eq!(
            texts,
            [
                "decision Text (why: Because)",
                "outcome Text (about advice adv001)",
                "advice Text"
            ]
        );
    }
}
