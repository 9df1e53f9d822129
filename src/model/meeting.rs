//! Meetings and the commitments (action items) made at them.

use crate::model::correction::Correction;
use crate::model::dates::toml_date;
use crate::model::id::Id;
use crate::model::text::{self, TextError};
use crate::model::times::{DEFAULT_MINUTES, toml_time};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};
use std::fmt;

/// At most this many topics on one agenda: a mentee brings one or two.
pub const MAX_TOPICS: usize = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: Id,
    /// The mentor's slug.
    pub mentor: String,
    pub held: bool,
    /// When it was held, or when it is planned (a planned meeting may have no date yet).
    #[serde(default, deserialize_with = "toml_date::option::deserialize")]
    pub date: Option<NaiveDate>,
    /// The local time it starts at; `None` for a meeting planned for a day
    /// (an all-day meeting).
    #[serde(
        default,
        deserialize_with = "toml_time::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub time: Option<NaiveTime>,
    /// How long it lasts, in minutes, when it has a time (else
    /// [`DEFAULT_MINUTES`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    pub topics: Vec<String>,
    /// The report on earlier commitments, given at the start of this meeting.
    pub checkins: Vec<CheckIn>,
    /// Commitments made at this meeting.
    pub actions: Vec<Action>,
}

impl Meeting {
    pub fn planned(id: Id, mentor: &str, date: Option<NaiveDate>, topics: Vec<String>) -> Meeting {
        Meeting {
            id,
            mentor: mentor.to_string(),
            held: false,
            date,
            time: None,
            minutes: None,
            topics,
            checkins: Vec::new(),
            actions: Vec::new(),
        }
    }

    /// When it starts and how many minutes it lasts, if it has a day and a
    /// time; a meeting with a day only is an all-day meeting.
    pub fn slot(&self) -> Option<(NaiveDateTime, u32)> {
        let start = self.date?.and_time(self.time?);
        Some((start, self.length().unwrap_or(DEFAULT_MINUTES)))
    }

    /// Its length in minutes, when it has a time.
    pub fn length(&self) -> Option<u32> {
        self.time.map(|_| self.minutes.unwrap_or(DEFAULT_MINUTES))
    }

    /// Is this a planned copy of `held` left behind when the meeting was
    /// held (written to its dated file, then the planned file removed, and
    /// the run stopped between the two)? The held meeting is the truth. A
    /// planned file made by hand from a held one (the same ID, other
    /// topics) is a person's work, not such a copy.
    pub fn is_left_behind_by(&self, held: &Meeting) -> bool {
        !self.held
            && held.held
            && self.id == held.id
            && self.mentor == held.mentor
            && self.topics == held.topics
    }

    /// What of it can still call for attention, if anything: a planned
    /// meeting whole; of a held one, the commitments still open, without
    /// its topics, check-in or closed commitments. A held meeting whose
    /// commitments are all done or dropped is history: `None`.
    pub fn pending_part(&self) -> Option<Meeting> {
        if !self.held {
            return Some(self.clone());
        }
        let open: Vec<Action> = self
            .actions
            .iter()
            .filter(|a| a.status.is_open())
            .cloned()
            .collect();
        (!open.is_empty()).then(|| Meeting {
            id: self.id.clone(),
            mentor: self.mentor.clone(),
            held: self.held,
            date: self.date,
            time: self.time,
            minutes: self.minutes,
            topics: Vec::new(),
            checkins: Vec::new(),
            actions: open,
        })
    }
}

/// One line of the check-in report: what became of an earlier commitment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    pub action: Id,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A commitment the mentee made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub id: Id,
    pub text: String,
    #[serde(deserialize_with = "toml_date::deserialize")]
    pub created: NaiveDate,
    #[serde(
        default,
        deserialize_with = "toml_date::option::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub due: Option<NaiveDate>,
    pub status: Status,
    /// Set only on commitments made outside any meeting; otherwise the
    /// meeting's mentor is meant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentor: Option<String>,
    /// The goal this commitment serves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<Id>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<StatusChange>,
    /// Fixes to its text, due date or goal (see `model::correction`): not
    /// part of the status history, so they report nothing.
    #[serde(default, rename = "correction", skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
}

impl Action {
    pub fn new(id: Id, text: String, created: NaiveDate, due: Option<NaiveDate>) -> Action {
        Action {
            id,
            text,
            created,
            due,
            status: Status::Open,
            mentor: None,
            goal: None,
            history: Vec::new(),
            corrections: Vec::new(),
        }
    }

    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.due.is_some_and(|due| due < today)
    }

    /// Records a new status, keeping the old one and the note in the history.
    pub fn set_status(&mut self, status: Status, on: NaiveDate, note: Option<String>) {
        self.status = status;
        self.history.push(StatusChange { on, status, note });
    }

    /// Whether reporting `status` again would move the day the commitment
    /// was closed: a second "done" (or "dropped") is not news, and the day
    /// it was done is what the summary, the review and the kept share use.
    /// An open status may be reported again with a new note ("still
    /// blocked: …").
    pub fn would_reclose(&self, status: Status) -> bool {
        self.status == status && !status.is_open()
    }

    /// The latest note given with a status change, if any.
    pub fn latest_note(&self) -> Option<&str> {
        self.history
            .iter()
            .rev()
            .find_map(|change| change.note.as_deref())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    #[serde(deserialize_with = "toml_date::deserialize")]
    pub on: NaiveDate,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Open,
    InProgress,
    Blocked,
    Done,
    Dropped,
}

impl Status {
    /// Still something the mentee owes: not done and not dropped.
    pub fn is_open(self) -> bool {
        matches!(self, Status::Open | Status::InProgress | Status::Blocked)
    }

    /// The order a report lists commitments in: done first, open last.
    pub fn report_rank(self) -> u8 {
        match self {
            Status::Done => 0,
            Status::InProgress => 1,
            Status::Blocked => 2,
            Status::Dropped => 3,
            Status::Open => 4,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::InProgress => "in-progress",
            Status::Blocked => "blocked",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }

    /// How a person reads it in a sentence or a summary.
    pub fn label(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::InProgress => "in progress",
            Status::Blocked => "blocked",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The last meeting held with `mentor` on or before `until`.
pub fn last_held<'a>(
    meetings: &'a [Meeting],
    mentor: &str,
    until: NaiveDate,
) -> Option<&'a Meeting> {
    meetings
        .iter()
        .filter(|m| m.held && m.mentor == mentor && m.date.is_some_and(|d| d <= until))
        .max_by_key(|m| m.date)
}

/// Held meetings by date, then planned ones (by date, undated first); the
/// ID breaks ties. The order every command sees the meetings in.
pub fn sort(meetings: &mut [Meeting]) {
    meetings.sort_by(|a, b| (!a.held, a.date, &a.id).cmp(&(!b.held, b.date, &b.id)));
}

/// The meeting planned with `mentor`, if any.
pub fn planned<'a>(meetings: &'a [Meeting], mentor: &str) -> Option<&'a Meeting> {
    meetings.iter().find(|m| !m.held && m.mentor == mentor)
}

/// A topic queued with `agenda --later` for some future meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedTopic {
    pub id: Id,
    pub mentor: String,
    pub text: String,
    #[serde(deserialize_with = "toml_date::deserialize")]
    pub added: NaiveDate,
}

/// Why topics cannot go on an agenda.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum TopicError {
    #[error("a topic {0}")]
    Text(#[from] TextError),
    #[error("an agenda holds at most {MAX_TOPICS} topics, and {0} were given")]
    TooMany(usize),
    #[error("the same topic was given twice")]
    Twice,
}

/// Checks the topics for one agenda and returns them trimmed.
pub fn check_topics(topics: &[String]) -> Result<Vec<String>, TopicError> {
    if topics.len() > MAX_TOPICS {
        return Err(TopicError::TooMany(topics.len()));
    }
    let topics: Vec<String> = topics
        .iter()
        .map(|topic| text::check(topic))
        .collect::<Result<_, _>>()?;
    if topics.len() == 2 && topics[0].eq_ignore_ascii_case(&topics[1]) {
        return Err(TopicError::Twice);
    }
    Ok(topics)
}

/// Why one planned topic could not be replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReplaceError {
    /// There is no topic with that number; `count` are planned.
    NoSuchTopic { count: usize },
    /// The new topic is already the other planned topic.
    Twice,
}

/// The planned topics with topic number `n` (from 1) replaced by `new`,
/// the others kept in place.
pub fn replace_topic(planned: &[String], n: usize, new: &str) -> Result<Vec<String>, ReplaceError> {
    if n == 0 || n > planned.len() {
        return Err(ReplaceError::NoSuchTopic {
            count: planned.len(),
        });
    }
    let twice = planned
        .iter()
        .enumerate()
        .any(|(i, t)| i != n - 1 && same_topic(t, new));
    if twice {
        return Err(ReplaceError::Twice);
    }
    let mut topics = planned.to_vec();
    topics[n - 1] = new.to_string();
    Ok(topics)
}

/// Two topics are the same when they differ only in case or surrounding
/// spaces.
pub fn same_topic(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// What planning again did to the topics: those kept, added and removed,
/// each in the order it was planned.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct TopicChanges {
    pub kept: Vec<String>,
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

impl TopicChanges {
    /// Nothing added or removed (the order may have changed).
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }
}

/// The topics planned `before` against those planned now (`after`).
pub fn topic_changes(before: &[String], after: &[String]) -> TopicChanges {
    let among = |list: &[String], t: &String| list.iter().any(|o| same_topic(o, t));
    TopicChanges {
        kept: after.iter().filter(|t| among(before, t)).cloned().collect(),
        added: after
            .iter()
            .filter(|t| !among(before, t))
            .cloned()
            .collect(),
        removed: before
            .iter()
            .filter(|t| !among(after, t))
            .cloned()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_topic_is_replaced_in_place() {
        let planned = ["DevOps".to_string(), "Career".to_string()];
        assert_eq!(
            replace_topic(&planned, 2, "How do I grow?"),
            Ok(vec!["DevOps".to_string(), "How do I grow?".to_string()])
        );
        assert_eq!(
            replace_topic(&planned, 3, "Q?"),
            Err(ReplaceError::NoSuchTopic { count: 2 })
        );
        assert_eq!(
            replace_topic(&planned, 0, "Q?"),
            Err(ReplaceError::NoSuchTopic { count: 2 })
        );
        assert_eq!(
            replace_topic(&planned, 1, "career"),
            Err(ReplaceError::Twice)
        );
        // The same topic in its own place is no change, not a duplicate.
        assert_eq!(
            replace_topic(&planned, 1, "devops"),
            Ok(vec!["devops".into(), "Career".into()])
        );
    }

    #[test]
    fn planning_again_keeps_adds_and_removes_topics() {
        let list = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let changes = topic_changes(&list(&["Old?", "Kept?"]), &list(&["kept?", "New?"]));
        assert_eq!(changes.kept, ["kept?"]);
        assert_eq!(changes.added, ["New?"]);
        assert_eq!(changes.removed, ["Old?"]);
        assert!(!changes.is_empty());
        let same = topic_changes(&list(&["A?", "B?"]), &list(&["B?", "A?"]));
        assert!(same.is_empty());
    }

    #[test]
    fn topics_are_one_or_two_and_not_blank() {
        let ok = check_topics(&["  Split billing? ".into()]).expect("one topic");
        assert_eq!(ok, vec!["Split billing?".to_string()]);
        assert_eq!(
            check_topics(&["a".into(), " \t".into()]),
            Err(TopicError::Text(TextError::Empty))
        );
        let three = vec!["a".to_string(), "b".into(), "c".into()];
        assert_eq!(check_topics(&three), Err(TopicError::TooMany(3)));
    }

    #[test]
    fn a_closed_commitment_is_not_closed_again_but_an_open_one_may_be_reported_again() {
        let day = "2027-01-15".parse().expect("date");
        let mut action = Action::new(Id::from("abc123"), "Write doc".into(), day, None);
        action.set_status(Status::Blocked, day, Some("waiting".into()));
        assert!(!action.would_reclose(Status::Blocked));
        assert!(!action.would_reclose(Status::Done));
        action.set_status(Status::Done, day, None);
        assert!(action.would_reclose(Status::Done));
        assert!(!action.would_reclose(Status::Dropped));
        assert!(!action.would_reclose(Status::Open));
    }

    #[test]
    fn status_changes_keep_history() {
        let day = "2026-11-22".parse().expect("date");
        let mut action = Action::new(Id::from("abc123"), "Write doc".into(), day, Some(day));
        assert!(!action.is_overdue(day));
        assert!(action.is_overdue(day.succ_opt().expect("date")));
        action.set_status(Status::Blocked, day, Some("waiting on review".into()));
        action.set_status(Status::Done, day, None);
        assert_eq!(action.history.len(), 2);
        assert_eq!(action.latest_note(), Some("waiting on review"));
        assert!(!action.is_overdue(day.succ_opt().expect("date")));
    }
}
