//! Corrections: fixing what was recorded wrongly (a due date, a mistyped
//! text, the wrong goal) without pretending that anything happened.
//!
//! A correction is not a report. A commitment's status history says what
//! became of it, and the summary, the check-in and the kept share are made
//! of that history; so a correction goes into a list of its own beside it
//! (`[[action.correction]]`, `[[goal.correction]]`), one item per field
//! changed, each saying what the field was and what it is now. Journal
//! entries have no history: an entry corrected only gets an `edited` date.
//! A mentor's details are their current details: nothing is kept of the
//! old ones.

use crate::model::dates::Span;
use crate::model::dates::toml_date;
use crate::model::goal::Goal;
use crate::model::id::Id;
use crate::model::journal::{Entry, Kind};
use crate::model::meeting::Action;
use crate::model::mentor::{Mentor, Role};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One field of a record changed by hand from the command line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    #[serde(deserialize_with = "toml_date::deserialize")]
    pub on: NaiveDate,
    /// What changed, from what to what: `due 2027-02-01 → 2027-02-10`.
    pub change: String,
    /// Why, when the person said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How a correction names a value that is not set.
const NONE: &str = "none";

/// The line a correction keeps: the field, its old value and its new one.
/// Texts are quoted so that where one ends is plain.
pub fn change_line(field: &str, from: Option<&str>, to: Option<&str>, quoted: bool) -> String {
    let show = |value: Option<&str>| match value {
        Some(value) if quoted => format!("\"{value}\""),
        Some(value) => value.to_string(),
        None => NONE.to_string(),
    };
    format!("{field} {} → {}", show(from), show(to))
}

/// A change asked for one optional field: leave it, set it, or clear it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Edit<T> {
    #[default]
    Keep,
    Set(T),
    Clear,
}

impl<T: Clone + PartialEq> Edit<T> {
    /// From a `--flag VALUE` and its `--no-flag` twin (clap keeps them apart).
    pub fn from_flags(set: Option<T>, clear: bool) -> Edit<T> {
        match (set, clear) {
            (Some(value), _) => Edit::Set(value),
            (None, true) => Edit::Clear,
            (None, false) => Edit::Keep,
        }
    }

    pub fn is_keep(&self) -> bool {
        matches!(self, Edit::Keep)
    }

    /// The new value of `current`, if this edit changes it.
    fn applied(&self, current: &Option<T>) -> Option<Option<T>> {
        let new = match self {
            Edit::Keep => return None,
            Edit::Set(value) => Some(value.clone()),
            Edit::Clear => None,
        };
        (new != *current).then_some(new)
    }
}

/// What `action set` may correct on a commitment besides its status.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionFix {
    pub due: Edit<NaiveDate>,
    pub text: Option<String>,
    pub goal: Edit<Id>,
}

impl ActionFix {
    /// Nothing was asked.
    pub fn is_empty(&self) -> bool {
        self.due.is_keep() && self.text.is_none() && self.goal.is_keep()
    }
}

impl Action {
    /// Applies the corrections that change something, each kept as a
    /// [`Correction`] dated `on` (with the note, if any). Returns what
    /// changed; nothing when every value was already so.
    pub fn correct(&mut self, fix: &ActionFix, on: NaiveDate, note: Option<&str>) -> Vec<String> {
        let mut changes = Vec::new();
        if let Some(text) = fix.text.as_ref().filter(|text| **text != self.text) {
            changes.push(change_line("text", Some(&self.text), Some(text), true));
            self.text = text.clone();
        }
        if let Some(due) = fix.due.applied(&self.due) {
            let show = |d: Option<NaiveDate>| d.map(|d| d.to_string());
            changes.push(change_line(
                "due",
                show(self.due).as_deref(),
                show(due).as_deref(),
                false,
            ));
            self.due = due;
        }
        if let Some(goal) = fix.goal.applied(&self.goal) {
            changes.push(change_line(
                "goal",
                self.goal.as_ref().map(Id::as_str),
                goal.as_ref().map(Id::as_str),
                false,
            ));
            self.goal = goal;
        }
        self.corrections.extend(keep(&changes, on, note));
        changes
    }
}

/// What `goal set` may correct.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoalFix {
    pub text: Option<String>,
    pub by: Option<NaiveDate>,
    pub measure: Option<String>,
}

impl GoalFix {
    pub fn is_empty(&self) -> bool {
        self.text.is_none() && self.by.is_none() && self.measure.is_none()
    }
}

impl Goal {
    /// Applies the corrections that change something, each kept as a
    /// [`Correction`]; returns what changed. A new date makes no rating:
    /// the trend is the person's, not the calendar's.
    pub fn correct(&mut self, fix: &GoalFix, on: NaiveDate) -> Vec<String> {
        let mut changes = Vec::new();
        if let Some(text) = fix.text.as_ref().filter(|text| **text != self.text) {
            changes.push(change_line("text", Some(&self.text), Some(text), true));
            self.text = text.clone();
        }
        if let Some(by) = fix.by.filter(|by| *by != self.by) {
            let (from, to) = (self.by.to_string(), by.to_string());
            changes.push(change_line("by", Some(&from), Some(&to), false));
            self.by = by;
        }
        if let Some(measure) = fix
            .measure
            .as_ref()
            .filter(|measure| self.measure.as_ref() != Some(*measure))
        {
            changes.push(change_line(
                "measure",
                self.measure.as_deref(),
                Some(measure),
                true,
            ));
            self.measure = Some(measure.clone());
        }
        self.corrections.extend(keep(&changes, on, None));
        changes
    }
}

/// What `mentor set` may correct. The slug never changes: meeting files
/// and every record name the mentor by it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MentorFix {
    pub name: Option<String>,
    pub role: Option<Role>,
    pub email: Edit<String>,
    pub every: Edit<Span>,
    pub since: Option<NaiveDate>,
    pub until: Edit<NaiveDate>,
}

impl MentorFix {
    pub fn is_empty(&self) -> bool {
        *self == MentorFix::default()
    }
}

/// Why a mentor's details cannot be set so.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MentorFixError {
    #[error("the term would end on {until}, before it starts on {since}")]
    EndsBeforeStart { since: NaiveDate, until: NaiveDate },
}

impl Mentor {
    /// Applies the corrections that change something; returns the names
    /// of the fields that changed. Refused, with nothing changed, when the
    /// term would end before it starts.
    pub fn correct(&mut self, fix: &MentorFix) -> Result<Vec<&'static str>, MentorFixError> {
        let since = fix.since.or(self.since);
        let until = fix.until.applied(&self.until).unwrap_or(self.until);
        if let (Some(since), Some(until)) = (since, until)
            && until < since
        {
            return Err(MentorFixError::EndsBeforeStart { since, until });
        }
        let mut changed = Vec::new();
        if let Some(name) = fix.name.as_ref().filter(|name| **name != self.name) {
            self.name = name.clone();
            changed.push("name");
        }
        if let Some(role) = fix.role.filter(|role| *role != self.role) {
            self.role = role;
            changed.push("role");
        }
        if let Some(email) = fix.email.applied(&self.email) {
            self.email = email;
            changed.push("email");
        }
        if let Some(every) = fix.every.applied(&self.every) {
            self.every = every;
            changed.push("cadence");
        }
        if let Some(new) = fix.since.filter(|new| Some(*new) != self.since) {
            self.since = Some(new);
            changed.push("start");
        }
        if let Some(until) = fix.until.applied(&self.until) {
            self.until = until;
            changed.push("end");
        }
        Ok(changed)
    }
}

/// What `entry set` may correct on a journal entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntryFix {
    pub text: Option<String>,
    /// For a decision: why it was chosen.
    pub why: Option<String>,
    /// For a decision: the mentor's input.
    pub input: Edit<String>,
}

impl EntryFix {
    pub fn is_empty(&self) -> bool {
        self.text.is_none() && self.why.is_none() && self.input.is_keep()
    }
}

/// Why an entry cannot be corrected so.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryFixError {
    #[error("only a decision has {0}")]
    NotADecision(&'static str),
}

impl Entry {
    /// Applies the corrections that change something and dates the entry
    /// `edited` on `on` when any did; returns the names of the fields that
    /// changed. `--why` and `--input` belong to decisions only.
    pub fn correct(
        &mut self,
        fix: &EntryFix,
        on: NaiveDate,
    ) -> Result<Vec<&'static str>, EntryFixError> {
        if self.kind != Kind::Decision {
            if fix.why.is_some() {
                return Err(EntryFixError::NotADecision("a why"));
            }
            if !fix.input.is_keep() {
                return Err(EntryFixError::NotADecision("a mentor's input"));
            }
        }
        let mut changed = Vec::new();
        if let Some(text) = fix.text.as_ref().filter(|text| **text != self.text) {
            self.text = text.clone();
            changed.push("text");
        }
        if let Some(why) = fix
            .why
            .as_ref()
            .filter(|why| self.why.as_ref() != Some(*why))
        {
            self.why = Some(why.clone());
            changed.push("why");
        }
        if let Some(input) = fix.input.applied(&self.input) {
            self.input = input;
            changed.push("input");
        }
        if !changed.is_empty() {
            self.edited = Some(on);
        }
        Ok(changed)
    }
}

/// The corrections that record `changes`, the note kept with each.
fn keep(changes: &[String], on: NaiveDate, note: Option<&str>) -> Vec<Correction> {
    changes
        .iter()
        .map(|change| Correction {
            on,
            change: change.clone(),
            note: note.map(str::to_string),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::meeting::Status;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn commitment() -> Action {
        Action::new(
            Id::from("a00001"),
            "Write the runbok".into(),
            day("2027-01-20"),
            Some(day("2027-02-01")),
        )
    }

    #[test]
    fn a_corrected_commitment_keeps_each_change_and_its_status_history_untouched() {
        let mut action = commitment();
        let fix = ActionFix {
            due: Edit::Set(day("2027-02-10")),
            text: Some("Write the runbook".into()),
            goal: Edit::Keep,
        };
        let changes = action.correct(&fix, day("2027-01-28"), Some("typo"));
        assert_eq!(
            changes,
            [
                "text \"Write the runbok\" → \"Write the runbook\"",
                "due 2027-02-01 → 2027-02-10"
            ]
        );
        assert_eq!(action.text, "Write the runbook");
        assert_eq!(action.due, Some(day("2027-02-10")));
        assert_eq!(action.corrections.len(), 2);
        assert_eq!(action.corrections[1].note.as_deref(), Some("typo"));
        // A correction is not a report: the status and its history stay.
        assert_eq!(action.status, Status::Open);
        assert!(action.history.is_empty());
    }

    #[test]
    fn a_correction_to_what_is_already_so_records_nothing() {
        let mut action = commitment();
        let fix = ActionFix {
            due: Edit::Set(day("2027-02-01")),
            text: Some("Write the runbok".into()),
            goal: Edit::Clear,
        };
        assert!(action.correct(&fix, day("2027-01-28"), None).is_empty());
        assert!(action.corrections.is_empty());
    }

    #[test]
    fn a_due_date_or_a_goal_can_be_taken_away() {
        let mut action = commitment();
        action.goal = Some(Id::from("g00001"));
        let fix = ActionFix {
            due: Edit::Clear,
            text: None,
            goal: Edit::Clear,
        };
        let changes = action.correct(&fix, day("2027-01-28"), None);
        assert_eq!(changes, ["due 2027-02-01 → none", "goal g00001 → none"]);
        assert_eq!((action.due, action.goal), (None, None));
    }

    #[test]
    fn a_goal_keeps_its_corrections_and_its_ratings() {
        let mut goal = Goal::new(
            Id::from("g00001"),
            "Lead a design".into(),
            day("2027-01-01"),
            day("2027-03-31"),
        );
        goal.rate(day("2027-01-10"), 2, None);
        let fix = GoalFix {
            text: None,
            by: Some(day("2027-04-30")),
            measure: Some("doc approved".into()),
        };
        let changes = goal.correct(&fix, day("2027-01-28"));
        assert_eq!(
            changes,
            [
                "by 2027-03-31 → 2027-04-30",
                "measure none → \"doc approved\""
            ]
        );
        assert_eq!(goal.ratings.len(), 1);
        assert_eq!(goal.corrections.len(), 2);
    }

    #[test]
    fn a_mentors_term_cannot_end_before_it_starts() {
        let mut mentor = Mentor::new("Alex Kim", "alex-kim");
        mentor.since = Some(day("2026-09-01"));
        let fix = MentorFix {
            until: Edit::Set(day("2026-08-01")),
            ..MentorFix::default()
        };
        assert!(mentor.correct(&fix).is_err());
        assert_eq!(mentor.until, None);
        let fix = MentorFix {
            name: Some("Alex Kimura".into()),
            every: Edit::Set("2w".parse().expect("span")),
            until: Edit::Clear,
            ..MentorFix::default()
        };
        assert_eq!(mentor.correct(&fix), Ok(vec!["name", "cadence"]));
        // The slug stays: files and records name the mentor by it.
        assert_eq!(mentor.slug, "alex-kim");
    }

    #[test]
    fn an_entry_is_dated_edited_and_only_a_decision_has_a_why() {
        let mut update = Entry::new(
            Id::from("e00001"),
            day("2027-01-20"),
            Kind::Update,
            None,
            "Shiped it".into(),
        );
        let why = EntryFix {
            why: Some("because".into()),
            ..EntryFix::default()
        };
        assert_eq!(
            update.correct(&why, day("2027-01-28")),
            Err(EntryFixError::NotADecision("a why"))
        );
        let text = EntryFix {
            text: Some("Shipped it".into()),
            ..EntryFix::default()
        };
        assert_eq!(update.correct(&text, day("2027-01-28")), Ok(vec!["text"]));
        assert_eq!(update.edited, Some(day("2027-01-28")));
        // The same text again changes nothing, and the date stays.
        assert_eq!(update.correct(&text, day("2027-01-29")), Ok(vec![]));
        assert_eq!(update.edited, Some(day("2027-01-28")));
    }
}
