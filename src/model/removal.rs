//! Removing a record made by mistake (`mentee rm`): what goes with it, and
//! what becomes of the records that point at it.
//!
//! The rules:
//! - a commitment, a journal entry, a goal, a queued topic or a planned
//!   meeting goes alone;
//! - a held meeting takes with it the commitments made there and its
//!   check-in report (so it needs `--yes` even on a terminal);
//! - a record that points at one that goes keeps everything else and loses
//!   only that link: an outcome about removed advice stays an outcome, a
//!   thank-you for a removed commitment stays a thank-you, a commitment
//!   serving a removed goal stays a commitment. A check-in line about a
//!   removed commitment goes, since it says nothing without it. Nothing is
//!   refused for being pointed at: the person is told what lost its link.

use crate::model::id::Id;
use crate::model::journal::Entry;
use crate::model::ledger::{Holder, Ledger, Origin};
use crate::model::meeting::{Action, Meeting};

/// A record `rm` can take away, as found by its ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Commitment(Origin),
    /// A journal entry (its ID and the month it is in come with it).
    Entry(Box<Entry>),
    /// A goal, by its place in the goals file.
    Goal(usize),
    /// A queued topic, by its place in the queue.
    Topic(usize),
    /// A meeting, planned or held, by its place in the ledger.
    Meeting(usize),
}

/// Every ID that goes when `target` does: its own, and for a held meeting
/// those of the commitments made there.
pub fn gone_with(ledger: &Ledger, target: &Target, own: &Id) -> Vec<Id> {
    let mut gone = vec![own.clone()];
    if let Target::Meeting(i) = target {
        gone.extend(ledger.meetings[*i].actions.iter().map(|a| a.id.clone()));
    }
    gone
}

/// Which link a record lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// The commitment an update or a thank-you was about.
    Commitment,
    /// The advice an outcome told of.
    Advice,
    Goal,
    /// The meeting a note was taken at.
    Meeting,
    /// A line of a meeting's check-in report (the line goes).
    CheckIn,
}

/// A record that pointed at one that goes, and the link it lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unlinked {
    pub record: Id,
    pub link: Link,
}

/// Takes the links to `gone` out of journal entries. Returns the entries
/// that changed (as they are now) and what each lost.
pub fn unlink_entries(entries: &[Entry], gone: &[Id]) -> (Vec<Entry>, Vec<Unlinked>) {
    let mut changed = Vec::new();
    let mut lost = Vec::new();
    for entry in entries.iter().filter(|e| !gone.contains(&e.id)) {
        let mut entry = entry.clone();
        let mut links = Vec::new();
        for (slot, link) in [
            (&mut entry.action, Link::Commitment),
            (&mut entry.about, Link::Advice),
            (&mut entry.goal, Link::Goal),
            (&mut entry.meeting, Link::Meeting),
        ] {
            if slot.as_ref().is_some_and(|id| gone.contains(id)) {
                *slot = None;
                links.push(link);
            }
        }
        if !links.is_empty() {
            lost.extend(links.into_iter().map(|link| Unlinked {
                record: entry.id.clone(),
                link,
            }));
            changed.push(entry);
        }
    }
    (changed, lost)
}

impl Ledger {
    /// Takes the links to `gone` out of the commitments (the goal they
    /// serve) and the check-ins (lines about a removed commitment go), in
    /// every meeting but those that go themselves. Returns the files to
    /// save and what lost its link.
    pub fn unlink(&mut self, gone: &[Id]) -> (Vec<Holder>, Vec<Unlinked>) {
        let mut files = Vec::new();
        let mut lost = Vec::new();
        let cut_goal = |action: &mut Action, lost: &mut Vec<Unlinked>| {
            if action.goal.as_ref().is_some_and(|id| gone.contains(id)) {
                action.goal = None;
                lost.push(Unlinked {
                    record: action.id.clone(),
                    link: Link::Goal,
                });
                return true;
            }
            false
        };
        for (i, meeting) in self.meetings.iter_mut().enumerate() {
            if gone.contains(&meeting.id) {
                continue;
            }
            let mut touched = false;
            for action in &mut meeting.actions {
                touched |= cut_goal(action, &mut lost);
            }
            let before = meeting.checkins.len();
            meeting.checkins.retain(|c| {
                let keep = !gone.contains(&c.action);
                if !keep {
                    lost.push(Unlinked {
                        record: meeting.id.clone(),
                        link: Link::CheckIn,
                    });
                }
                keep
            });
            touched |= meeting.checkins.len() != before;
            if touched {
                files.push(Holder::Meeting(i));
            }
        }
        let mut touched = false;
        for action in &mut self.unattached {
            touched |= cut_goal(action, &mut lost);
        }
        if touched {
            files.push(Holder::Unattached);
        }
        (files, lost)
    }

    /// Takes a commitment out of the record that holds it; returns that
    /// record, to save.
    pub fn remove_action(&mut self, origin: Origin) -> Holder {
        match origin {
            Origin::Meeting(i, j) => {
                self.meetings[i].actions.remove(j);
            }
            Origin::Unattached(j) => {
                self.unattached.remove(j);
            }
        }
        origin.holder()
    }
}

/// What a held meeting takes with it: the commitments made there and the
/// lines of its check-in report.
pub fn held_meeting_takes(meeting: &Meeting) -> (usize, usize) {
    (meeting.actions.len(), meeting.checkins.len())
}

/// How many characters of an ID `rm` wants at least (the whole ID when
/// it is shorter): elsewhere any unique prefix will do.
pub const MIN_TYPED: usize = 4;

/// Whether `typed` names `id` fully enough to remove it: the whole ID, or
/// at least [`MIN_TYPED`] of its characters.
pub fn typed_enough(typed: &str, id: &str) -> bool {
    let typed = typed.trim();
    typed.eq_ignore_ascii_case(id) || typed.chars().count() >= MIN_TYPED
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_removal_wants_four_characters_of_the_id_or_all_of_it() {
        assert!(!typed_enough("9", "9abcde"));
        assert!(!typed_enough("9ab", "9abcde"));
        assert!(typed_enough("9abc", "9abcde"));
        assert!(typed_enough(" 9ABCDE ", "9abcde"));
        // An ID written by hand shorter than four characters, typed whole.
        assert!(typed_enough("t1", "t1"));
    }
    use crate::model::journal::Kind;
    use crate::model::meeting::{CheckIn, Status};
    use crate::model::mentor::Mentor;
    use chrono::NaiveDate;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn held(id: &str, date: &str, actions: &[&str]) -> Meeting {
        let mut meeting = Meeting::planned(Id::from(id), "alex", Some(day(date)), vec![]);
        meeting.held = true;
        meeting.actions = actions
            .iter()
            .map(|a| Action::new(Id::from(*a), "x".into(), day(date), None))
            .collect();
        meeting
    }

    fn ledger() -> Ledger {
        let mut second = held("m00002", "2027-01-20", &["a00002"]);
        second.checkins.push(CheckIn {
            action: Id::from("a00001"),
            status: Status::Done,
            note: None,
        });
        second.actions[0].goal = Some(Id::from("g00001"));
        Ledger {
            mentors: vec![Mentor::new("Alex", "alex")],
            meetings: vec![held("m00001", "2027-01-06", &["a00001"]), second],
            unattached: Vec::new(),
        }
    }

    #[test]
    fn a_held_meeting_takes_its_commitments_with_it() {
        let ledger = ledger();
        let target = Target::Meeting(0);
        let gone = gone_with(&ledger, &target, &Id::from("m00001"));
        assert_eq!(gone, [Id::from("m00001"), Id::from("a00001")]);
        assert_eq!(held_meeting_takes(&ledger.meetings[1]), (1, 1));
    }

    #[test]
    fn a_removed_commitment_leaves_no_check_in_line_behind() {
        let mut ledger = ledger();
        let (files, lost) = ledger.unlink(&[Id::from("a00001")]);
        assert_eq!(files, [Holder::Meeting(1)]);
        assert!(ledger.meetings[1].checkins.is_empty());
        assert_eq!(lost[0].link, Link::CheckIn);
    }

    #[test]
    fn a_commitment_serving_a_removed_goal_stays_and_loses_the_link() {
        let mut ledger = ledger();
        let (files, lost) = ledger.unlink(&[Id::from("g00001")]);
        assert_eq!(files, [Holder::Meeting(1)]);
        assert_eq!(ledger.meetings[1].actions[0].goal, None);
        assert_eq!(
            lost,
            [Unlinked {
                record: Id::from("a00002"),
                link: Link::Goal
            }]
        );
    }

    #[test]
    fn an_outcome_about_removed_advice_stays_an_outcome() {
        let advice = Entry::new(
            Id::from("e00001"),
            day("2027-01-06"),
            Kind::Advice,
            Some("alex".into()),
            "Write it down".into(),
        );
        let mut outcome = Entry::new(
            Id::from("e00002"),
            day("2027-01-20"),
            Kind::Outcome,
            Some("alex".into()),
            "It worked".into(),
        );
        outcome.about = Some(advice.id.clone());
        let (changed, lost) = unlink_entries(&[advice.clone(), outcome], &[advice.id]);
        assert_eq!(changed.len(), 1);
        assert_eq!(changed[0].about, None);
        assert_eq!(changed[0].text, "It worked");
        assert_eq!(
            lost,
            [Unlinked {
                record: Id::from("e00002"),
                link: Link::Advice
            }]
        );
    }
}
