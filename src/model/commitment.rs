//! Commitments as the user sees them: wherever they are stored, with the
//! meeting they came from and how many meetings they have been carried over.

use crate::model::correction::Correction;
use crate::model::id::Id;
use crate::model::meeting::{Action, Meeting, Status, StatusChange};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Commitment {
    pub id: Id,
    pub text: String,
    /// The mentor's slug.
    pub mentor: String,
    /// The meeting it was made at; `None` when made between meetings.
    pub meeting: Option<MeetingRef>,
    pub created: NaiveDate,
    pub due: Option<NaiveDate>,
    pub status: Status,
    pub overdue: bool,
    /// How many meetings with this mentor were held after the one it was
    /// made at while it was still open (up to the day it was closed).
    pub carried: usize,
    pub history: Vec<StatusChange>,
    /// The goal it serves, if it names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goal: Option<Id>,
    /// Fixes made to its text, due date or goal, oldest first.
    pub corrections: Vec<Correction>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingRef {
    pub id: Id,
    pub date: Option<NaiveDate>,
}

/// Where a commitment came from, as its label tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Made {
    /// Committed on the day of the meeting it belongs to.
    AtMeeting(NaiveDate),
    /// Added on a later day, between that meeting and the next one.
    AfterMeeting {
        added: NaiveDate,
        meeting: NaiveDate,
    },
    /// Added before any meeting was held.
    Alone(NaiveDate),
}

impl Commitment {
    /// Where it came from: its meeting when it was made that day, else the
    /// day it was added (and the meeting it followed).
    pub fn made(&self) -> Made {
        match self.meeting.as_ref().and_then(|m| m.date) {
            Some(meeting) if meeting == self.created => Made::AtMeeting(meeting),
            Some(meeting) => Made::AfterMeeting {
                added: self.created,
                meeting,
            },
            None if self.meeting.is_some() => Made::AtMeeting(self.created),
            None => Made::Alone(self.created),
        }
    }

    /// The note given with the current status, if any: an older note
    /// belongs to an older status.
    pub fn status_note(&self) -> Option<&str> {
        self.history
            .last()
            .and_then(|change| change.note.as_deref())
    }

    /// The commitment as it stood at the end of `day`: later reports are
    /// left out.
    pub fn as_of(&self, day: NaiveDate) -> Commitment {
        let mut then = self.clone();
        then.history.retain(|change| change.on <= day);
        then.status = then
            .history
            .last()
            .map_or(Status::Open, |change| change.status);
        then.overdue = then.status.is_open() && then.due.is_some_and(|due| due < day);
        then
    }

    /// How many meetings with its mentor were held after the one it was made
    /// at (or the day it was made), up to the end of `day`: the carried
    /// count of a commitment still open on that day.
    pub fn carried_as_of(&self, meetings: &[Meeting], day: NaiveDate) -> usize {
        let origin = self
            .meeting
            .as_ref()
            .and_then(|m| m.date)
            .unwrap_or(self.created);
        meetings
            .iter()
            .filter(|m| m.held && m.mentor == self.mentor)
            .filter(|m| m.date.is_some_and(|date| date > origin && date <= day))
            .count()
    }

    /// How many meetings with its mentor were held after the one it was made
    /// at (or the day it was made) and before `day`: its carried count at
    /// the meeting held on `day`, which does not count itself.
    pub fn carried_before(&self, meetings: &[Meeting], day: NaiveDate) -> usize {
        day.pred_opt()
            .map_or(0, |before| self.carried_as_of(meetings, before))
    }

    /// Has the mentee said anything about it since it was made?
    pub fn reported(&self) -> bool {
        !self.history.is_empty()
    }
}

/// Every commitment, with the meetings (held or not) and the commitments made outside any meeting.
pub fn all(meetings: &[Meeting], unattached: &[Action], today: NaiveDate) -> Vec<Commitment> {
    // Held meeting dates per mentor, sorted, so counting those in a range
    // is two binary searches rather than a walk through years of meetings.
    let mut held: HashMap<&str, Vec<NaiveDate>> = HashMap::new();
    for meeting in meetings.iter().filter(|m| m.held) {
        if let Some(date) = meeting.date {
            held.entry(meeting.mentor.as_str()).or_default().push(date);
        }
    }
    held.values_mut().for_each(|dates| dates.sort_unstable());
    let carried = |mentor: &str, since: NaiveDate, until: NaiveDate| {
        held.get(mentor).map_or(0, |dates| {
            let after = dates.partition_point(|date| *date <= since);
            let upto = dates.partition_point(|date| *date <= until);
            upto.saturating_sub(after)
        })
    };
    let view = |action: &Action, mentor: &str, meeting: Option<&Meeting>| {
        let origin = meeting.and_then(|m| m.date).unwrap_or(action.created);
        // A closed commitment stopped being carried the day it was closed.
        let until = match action.history.last() {
            Some(change) if !action.status.is_open() => change.on.min(today),
            _ => today,
        };
        Commitment {
            id: action.id.clone(),
            text: action.text.clone(),
            mentor: mentor.to_string(),
            meeting: meeting.map(|m| MeetingRef {
                id: m.id.clone(),
                date: m.date,
            }),
            created: action.created,
            due: action.due,
            status: action.status,
            overdue: action.is_overdue(today),
            carried: carried(mentor, origin, until),
            history: action.history.clone(),
            goal: action.goal.clone(),
            corrections: action.corrections.clone(),
        }
    };
    let mut list: Vec<Commitment> = meetings
        .iter()
        .flat_map(|m| m.actions.iter().map(move |a| (a, m)))
        .map(|(action, meeting)| view(action, &meeting.mentor, Some(meeting)))
        .collect();
    list.extend(
        unattached
            .iter()
            .map(|a| view(a, a.mentor.as_deref().unwrap_or_default(), None)),
    );
    list
}

/// Overdue first, then by due date, then oldest first.
/// The sort is stable: commitments made together keep the order they were made in.
pub fn sort_for_listing(list: &mut [Commitment]) {
    list.sort_by_key(|c| (!c.overdue, c.due.is_none(), c.due, c.created));
}

/// The order of the reminder at the start of a meeting: last meeting's
/// commitments first, then the ones carried over longest.
pub fn sort_for_reminder(list: &mut [Commitment]) {
    list.sort_by_key(|c| (c.carried, c.created));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn held(id: &str, date: &str, actions: Vec<Action>) -> Meeting {
        let mut m = Meeting::planned(Id::from(id), "alex", Some(day(date)), vec![]);
        m.held = true;
        m.actions = actions;
        m
    }

    #[test]
    fn a_commitment_added_days_after_a_meeting_is_made_on_its_own_day() {
        let at = Action::new(Id::from("aaaaaa"), "at".into(), day("2027-01-08"), None);
        let after = Action::new(Id::from("bbbbbb"), "after".into(), day("2027-01-12"), None);
        let mut alone = Action::new(Id::from("cccccc"), "alone".into(), day("2027-01-02"), None);
        alone.mentor = Some("alex".into());
        let meetings = vec![held("m1", "2027-01-08", vec![at, after])];
        let list = all(&meetings, &[alone], day("2027-01-20"));
        let made: Vec<Made> = list.iter().map(Commitment::made).collect();
        assert_eq!(
            made,
            [
                Made::AtMeeting(day("2027-01-08")),
                Made::AfterMeeting {
                    added: day("2027-01-12"),
                    meeting: day("2027-01-08")
                },
                Made::Alone(day("2027-01-02")),
            ]
        );
    }

    #[test]
    fn carried_counts_meetings_held_since() {
        let a = Action::new(Id::from("aaaaaa"), "old".into(), day("2026-10-01"), None);
        let b = Action::new(
            Id::from("bbbbbb"),
            "new".into(),
            day("2026-11-01"),
            Some(day("2026-11-10")),
        );
        let meetings = vec![
            held("m1", "2026-10-01", vec![a]),
            held("m2", "2026-10-15", vec![]),
            held("m3", "2026-11-01", vec![b]),
        ];
        let mut list = all(&meetings, &[], day("2026-11-22"));
        sort_for_reminder(&mut list);
        let summary: Vec<(&str, usize, bool)> = list
            .iter()
            .map(|c| (c.text.as_str(), c.carried, c.overdue))
            .collect();
        assert_eq!(summary, vec![("new", 0, true), ("old", 2, false)]);

        // Closed at the second meeting: carried once, and no more after.
        let mut meetings = meetings;
        meetings[0].actions[0].set_status(Status::Done, day("2026-10-15"), None);
        let list = all(&meetings, &[], day("2026-11-22"));
        let old = list.iter().find(|c| c.text == "old").expect("old");
        assert_eq!(old.carried, 1);

        // Open on a given day: the meetings held after it up to that day.
        let new = list.iter().find(|c| c.text == "new").expect("new");
        assert_eq!(new.carried_as_of(&meetings, day("2026-11-22")), 0);
        let old = list.iter().find(|c| c.text == "old").expect("old");
        assert_eq!(old.carried_as_of(&meetings, day("2026-10-20")), 1);
        // At the meeting of 2026-11-01 itself: carried over the one before.
        assert_eq!(old.carried_before(&meetings, day("2026-11-01")), 1);
        assert_eq!(old.carried_as_of(&meetings, day("2026-11-22")), 2);
    }
}
