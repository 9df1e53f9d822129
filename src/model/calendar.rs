//! What goes in the calendar feed (`mentee calendar`, the `calendar_file`
//! setting, `agenda --ics`): every planned meeting that has a day, with its
//! time and length when known and a reminder before it, and every open
//! commitment with a due date. Held meetings and closed commitments leave
//! the feed, so a calendar that re-reads it drops them.
//!
//! How an event's revision is counted is here too: a calendar updates an
//! event it already has when the SEQUENCE is higher, so the sequence rises
//! exactly when what the event says changes. The memory of what it said is
//! the previous feed itself (see [`Seen`]): the file a calendar imported or
//! subscribed to is the version it knows.

use crate::model::commitment::{self, Commitment};
use crate::model::ledger::Ledger;
use crate::model::meeting::Meeting;
use crate::model::mentor::Mentor;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// When reminders go off, from the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alarms {
    /// Minutes before a meeting with a time; `None`: no reminder.
    pub before_timed: Option<u32>,
    /// The time on the day before an all-day meeting; `None`: no reminder.
    pub day_before_at: Option<NaiveTime>,
}

impl Default for Alarms {
    /// An hour before a meeting with a time; the evening before (18:00) a
    /// meeting planned for a day.
    fn default() -> Alarms {
        Alarms {
            before_timed: Some(60),
            day_before_at: NaiveTime::from_hms_opt(18, 0, 0),
        }
    }
}

/// When an event happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// All day.
    Day(NaiveDate),
    /// From a local time (floating: no time zone), for some minutes.
    Slot { start: NaiveDateTime, minutes: u32 },
}

/// A planned meeting in the feed.
#[derive(Debug, Clone)]
pub struct PlannedMeeting {
    pub mentor: Mentor,
    pub meeting: Meeting,
    pub when: When,
    /// The reminder, in minutes before the start (of the day, for an
    /// all-day meeting).
    pub alarm: Option<u32>,
    /// Open commitments with this mentor, in reminder order: the report the
    /// meeting opens with.
    pub open: Vec<Commitment>,
}

/// An open commitment with a due date, in the feed.
#[derive(Debug, Clone)]
pub struct Due {
    pub commitment: Commitment,
    pub mentor: Mentor,
    pub due: NaiveDate,
}

#[derive(Debug, Clone, Default)]
pub struct Feed {
    pub meetings: Vec<PlannedMeeting>,
    pub due: Vec<Due>,
    /// Planned meetings left out because they have no day yet.
    pub undated: Vec<Mentor>,
}

/// The feed for the mentors in `mentors` (every mentor, or the one `-m`
/// named): their planned meetings that have a day, and their open
/// commitments that have a due date, each in date order.
pub fn feed(ledger: &Ledger, mentors: &[Mentor], today: NaiveDate, alarms: Alarms) -> Feed {
    let mut feed = Feed::default();
    for mentor in mentors {
        let Some(meeting) = ledger.planned(&mentor.slug) else {
            continue;
        };
        let Some(day) = meeting.date else {
            feed.undated.push(mentor.clone());
            continue;
        };
        let (when, alarm) = match meeting.slot() {
            Some((start, minutes)) => (When::Slot { start, minutes }, alarms.before_timed),
            None => (When::Day(day), alarms.day_before_at.map(before_midnight)),
        };
        feed.meetings.push(PlannedMeeting {
            mentor: mentor.clone(),
            meeting: meeting.clone(),
            when,
            alarm,
            open: ledger.open_with(&mentor.slug, today),
        });
    }
    feed.meetings.sort_by_key(|m| start_of(m.when));
    let mut open: Vec<Commitment> = ledger
        .commitments(today)
        .into_iter()
        .filter(|c| c.status.is_open() && c.due.is_some())
        .collect();
    commitment::sort_for_listing(&mut open);
    for c in open {
        let (Some(due), Some(mentor)) = (c.due, mentors.iter().find(|m| m.slug == c.mentor)) else {
            continue;
        };
        feed.due.push(Due {
            mentor: mentor.clone(),
            commitment: c,
            due,
        });
    }
    feed.due.sort_by_key(|d| d.due);
    feed
}

fn start_of(when: When) -> NaiveDateTime {
    match when {
        When::Day(day) => day.and_time(NaiveTime::MIN),
        When::Slot { start, .. } => start,
    }
}

/// Minutes from `at` on the day before to the midnight that starts the day.
fn before_midnight(at: NaiveTime) -> u32 {
    24 * 60 - (at.hour() * 60 + at.minute())
}

/// What the previous feed said about one event: its revision and a
/// fingerprint of its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub sequence: u32,
    pub fingerprint: String,
    pub modified: Option<NaiveDateTime>,
}

/// An event's SEQUENCE and LAST-MODIFIED.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Revision {
    pub sequence: u32,
    /// In UTC.
    pub modified: NaiveDateTime,
}

/// A new event starts at 0; an event that says the same as before keeps its
/// revision; one whose content changed goes up by one, modified `now`.
pub fn revise(seen: Option<&Seen>, fingerprint: &str, now: NaiveDateTime) -> Revision {
    match seen {
        None => Revision {
            sequence: 0,
            modified: now,
        },
        Some(seen) if seen.fingerprint == fingerprint => Revision {
            sequence: seen.sequence,
            modified: seen.modified.unwrap_or(now),
        },
        Some(seen) => Revision {
            sequence: seen.sequence.saturating_add(1),
            modified: now,
        },
    }
}

/// A short fingerprint of an event's content that is the same on every
/// machine and every version of Rust (64-bit FNV-1a, in hex).
pub fn fingerprint(content: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in content.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::id::Id;
    use crate::model::meeting::{Action, Status};

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("date")
    }

    fn mentor(name: &str, slug: &str) -> Mentor {
        Mentor::new(name, slug)
    }

    #[test]
    fn planned_meetings_with_a_day_and_open_commitments_with_a_due_date_are_in_the_feed() {
        let today = day("2026-11-20");
        let alex = mentor("Alex Kim", "alex");
        let mut held =
            Meeting::planned(Id::from("held01"), "alex", Some(day("2026-11-10")), vec![]);
        held.held = true;
        let mut done = Action::new(Id::from("done01"), "Done".into(), today, Some(today));
        done.set_status(Status::Done, today, None);
        held.actions = vec![
            Action::new(
                Id::from("due001"),
                "Write it".into(),
                today,
                Some(day("2026-11-27")),
            ),
            Action::new(Id::from("nodue1"), "Someday".into(), today, None),
            done,
        ];
        let mut planned =
            Meeting::planned(Id::from("plan01"), "alex", Some(day("2026-12-01")), vec![]);
        planned.time = NaiveTime::from_hms_opt(15, 0, 0);
        let ledger = Ledger {
            mentors: vec![alex.clone()],
            meetings: vec![held, planned],
            unattached: vec![],
        };
        let feed = feed(
            &ledger,
            std::slice::from_ref(&alex),
            today,
            Alarms::default(),
        );
        assert_eq!(
            feed.meetings.len(),
            1,
            "the held meeting is not in the feed"
        );
        assert_eq!(
            feed.meetings[0].when,
            When::Slot {
                start: day("2026-12-01").and_hms_opt(15, 0, 0).expect("time"),
                minutes: 60
            }
        );
        assert_eq!(feed.meetings[0].alarm, Some(60));
        let due: Vec<&str> = feed.due.iter().map(|d| d.commitment.id.as_str()).collect();
        assert_eq!(due, ["due001"], "only open commitments with a due date");

        // A meeting planned for a day: reminded the evening before, at 18:00.
        let mut ledger = ledger;
        ledger.meetings[1].time = None;
        let feed = super::feed(&ledger, &[alex], today, Alarms::default());
        assert_eq!(feed.meetings[0].when, When::Day(day("2026-12-01")));
        assert_eq!(feed.meetings[0].alarm, Some(6 * 60));
    }

    #[test]
    fn the_sequence_rises_only_when_the_content_changes() {
        let then = day("2026-11-01").and_hms_opt(0, 0, 0).expect("time");
        let now = day("2026-11-20").and_hms_opt(0, 0, 0).expect("time");
        assert_eq!(
            revise(None, "a", now),
            Revision {
                sequence: 0,
                modified: now
            }
        );
        let seen = Seen {
            sequence: 2,
            fingerprint: "a".into(),
            modified: Some(then),
        };
        assert_eq!(
            revise(Some(&seen), "a", now),
            Revision {
                sequence: 2,
                modified: then
            }
        );
        assert_eq!(
            revise(Some(&seen), "b", now),
            Revision {
                sequence: 3,
                modified: now
            }
        );
        assert_eq!(fingerprint("a"), fingerprint("a"));
        assert_ne!(fingerprint("a"), fingerprint("b"));
        assert_eq!(fingerprint(""), "cbf29ce484222325");
    }
}
