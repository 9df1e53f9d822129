//! What needs attention soon, for `mentee remind` (a reminder from cron or a
//! timer) and `mentee prompt` (a line in the shell prompt): the meetings
//! coming up, whether each has an agenda and what to report at it, and the
//! commitments due or overdue.
//!
//! Only the living relationships count: a meeting or a commitment with a
//! mentor whose mentorship has ended is history, not a reminder.

use crate::model::commitment::{self, Commitment};
use crate::model::ledger::Ledger;
use crate::model::meeting::Meeting;
use crate::model::times::{self, TimeError};
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// The longest window in whole days: a month ahead.
pub const MAX_DAYS: u32 = 31;

/// How far ahead to look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Within {
    /// Today and the next N days, whole days (`1d`: today and tomorrow).
    Days(u32),
    /// From now on, for this many minutes (`2h`, `1h30m`).
    Minutes(u32),
}

impl Within {
    /// `1d`, `3d` (whole days, up to [`MAX_DAYS`]; `0d` is today alone),
    /// or a span of hours and minutes such as `2h` or `1h30m` (up to a
    /// week).
    pub fn parse(typed: &str) -> Result<Within, TimeError> {
        let text = typed.trim().to_ascii_lowercase();
        if let Some(days) = text.strip_suffix('d')
            && !days.is_empty()
            && days.len() <= 2
            && days.bytes().all(|b| b.is_ascii_digit())
        {
            return match days.parse() {
                Ok(days) if days <= MAX_DAYS => Ok(Within::Days(days)),
                _ => Err(TimeError::Length(typed.trim().to_string())),
            };
        }
        times::parse_length(&text)
            .map(Within::Minutes)
            .map_err(|_| TimeError::Length(typed.trim().to_string()))
    }

    /// The last moment inside the window that starts at `now`.
    fn end(self, now: NaiveDateTime) -> NaiveDateTime {
        match self {
            Within::Days(days) => {
                (now.date() + Duration::days(i64::from(days))).and_time(NaiveTime::MIN)
                    + Duration::days(1)
                    - Duration::seconds(1)
            }
            Within::Minutes(minutes) => now + Duration::minutes(i64::from(minutes)),
        }
    }
}

/// A planned meeting inside the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upcoming {
    /// The mentor's slug.
    pub mentor: String,
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub minutes: Option<u32>,
    /// How many topics are on its agenda: none means it is not prepared.
    pub topics: usize,
    /// The open commitments to report on there, in reminder order.
    pub to_report: Vec<Commitment>,
}

impl Upcoming {
    pub fn prepared(&self) -> bool {
        self.topics > 0
    }
}

/// Everything that needs attention inside a window.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reminders {
    /// Planned meetings, soonest first.
    pub meetings: Vec<Upcoming>,
    /// Open commitments overdue or due inside the window that no meeting
    /// above asks about, overdue first, then by due date.
    pub due: Vec<Commitment>,
}

impl Reminders {
    pub fn is_empty(&self) -> bool {
        self.meetings.is_empty() && self.due.is_empty()
    }

    /// How many open commitments are overdue, wherever they are listed.
    pub fn overdue(&self) -> usize {
        self.meetings
            .iter()
            .flat_map(|m| &m.to_report)
            .chain(&self.due)
            .filter(|c| c.overdue)
            .count()
    }
}

/// What needs attention from `now` to the end of `within`: planned meetings
/// that start inside it (a timed meeting still going on counts; an all-day
/// one counts from the start of its day), each with the commitments to
/// report at it; and the open commitments overdue or due by the last day of
/// the window. A commitment shown under its meeting is not shown again.
pub fn select(ledger: &Ledger, now: NaiveDateTime, within: Within) -> Reminders {
    let today = now.date();
    let end = within.end(now);
    let living = |slug: &str| {
        ledger
            .mentors
            .iter()
            .find(|m| m.slug == slug)
            .is_none_or(|m| m.is_active(today))
    };
    let inside = |m: &Meeting| {
        let Some(date) = m.date else { return false };
        match m.slot() {
            Some((start, minutes)) => {
                start <= end && start + Duration::minutes(i64::from(minutes)) > now
            }
            None => date >= today && date <= end.date(),
        }
    };
    // One planned meeting per mentor, the one every command means (a
    // second is a copy made by hand).
    let the_planned = |m: &Meeting| {
        ledger
            .planned(&m.mentor)
            .is_some_and(|planned| std::ptr::eq(planned, m))
    };
    let mut planned: Vec<&Meeting> = ledger
        .meetings
        .iter()
        .filter(|m| the_planned(m) && living(&m.mentor) && inside(m))
        .collect();
    planned.sort_by_key(|m| (m.date, m.time.is_some(), m.time, m.mentor.clone()));
    let meetings: Vec<Upcoming> = planned
        .into_iter()
        .filter_map(|m| {
            let date = m.date?;
            Some(Upcoming {
                mentor: m.mentor.clone(),
                date,
                time: m.time,
                minutes: m.length(),
                topics: m.topics.len(),
                to_report: ledger.to_report_at(&m.mentor, date, today),
            })
        })
        .collect();
    let listed = |c: &Commitment| {
        meetings
            .iter()
            .any(|m| m.to_report.iter().any(|r| r.id == c.id))
    };
    let mut due: Vec<Commitment> = ledger
        .commitments(today)
        .into_iter()
        .filter(|c| c.status.is_open() && living(&c.mentor))
        .filter(|c| c.due.is_some_and(|due| due <= end.date()))
        .filter(|c| !listed(c))
        .collect();
    commitment::sort_for_listing(&mut due);
    Reminders { meetings, due }
}

/// What is pressing enough for a shell prompt: a meeting today or
/// tomorrow, overdue commitments, and commitments to report at a meeting
/// today.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pressing {
    /// The soonest meeting today or tomorrow.
    pub next: Option<Upcoming>,
    /// How many more meetings there are today and tomorrow.
    pub more_meetings: usize,
    pub overdue: usize,
    /// Open commitments to report on at today's meetings.
    pub to_report_today: usize,
}

impl Pressing {
    pub fn is_empty(&self) -> bool {
        self.next.is_none() && self.overdue == 0 && self.to_report_today == 0
    }
}

pub fn pressing(ledger: &Ledger, now: NaiveDateTime) -> Pressing {
    let today = now.date();
    let soon = select(ledger, now, Within::Days(1));
    let to_report_today = soon
        .meetings
        .iter()
        .filter(|m| m.date == today)
        .map(|m| m.to_report.len())
        .sum();
    let overdue = soon.overdue();
    let mut meetings = soon.meetings.into_iter();
    let next = meetings.next();
    Pressing {
        next,
        more_meetings: meetings.count(),
        overdue,
        to_report_today,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::id::Id;
    use crate::model::meeting::{Action, Status};
    use crate::model::mentor::Mentor;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn at(date: &str, time: &str) -> NaiveDateTime {
        day(date).and_time(NaiveTime::parse_from_str(time, "%H:%M").expect("time"))
    }

    fn action(id: &str, created: &str, due: Option<&str>) -> Action {
        Action::new(Id::from(id), format!("do {id}"), day(created), due.map(day))
    }

    /// Alex: a meeting held on the 20th with two commitments, the next one
    /// planned for the 29th at 15:00 with one topic. Priya: a meeting
    /// planned for the 28th (all day) with no agenda.
    fn ledger() -> Ledger {
        let mut held =
            Meeting::planned(Id::from("m00001"), "alex", Some(day("2027-01-20")), vec![]);
        held.held = true;
        held.actions = vec![
            action("a00001", "2027-01-20", None),
            action("a00002", "2027-01-20", Some("2027-01-25")),
        ];
        let mut next = Meeting::planned(
            Id::from("m00002"),
            "alex",
            Some(day("2027-01-29")),
            vec!["Promotion?".into()],
        );
        next.time = NaiveTime::from_hms_opt(15, 0, 0);
        next.minutes = Some(45);
        let priya = Meeting::planned(Id::from("m00003"), "priya", Some(day("2027-01-28")), vec![]);
        let mut unattached = action("u00001", "2027-01-10", Some("2027-01-28"));
        unattached.mentor = Some("priya".into());
        Ledger {
            mentors: vec![
                Mentor::new("Alex Kim", "alex"),
                Mentor::new("Priya", "priya"),
            ],
            meetings: vec![held, next, priya],
            unattached: vec![unattached],
        }
    }

    fn summary(r: &Reminders) -> (Vec<(String, Vec<String>)>, Vec<String>) {
        let ids = |list: &[Commitment]| list.iter().map(|c| c.id.to_string()).collect();
        (
            r.meetings
                .iter()
                .map(|m| (m.mentor.clone(), ids(&m.to_report)))
                .collect(),
            ids(&r.due),
        )
    }

    #[test]
    fn a_window_in_days_runs_to_the_end_of_its_last_day_and_hours_from_now() {
        let now = at("2027-01-28", "08:00");
        assert_eq!(
            Within::Days(1).end(now),
            at("2027-01-29", "23:59") + Duration::seconds(59)
        );
        assert_eq!(Within::Days(0).end(now).date(), day("2027-01-28"));
        assert_eq!(Within::Minutes(120).end(now), at("2027-01-28", "10:00"));
    }

    #[test]
    fn within_takes_whole_days_or_hours_and_minutes() {
        let parse = |s: &str| Within::parse(s).ok();
        assert_eq!(parse("1d"), Some(Within::Days(1)));
        assert_eq!(parse("0d"), Some(Within::Days(0)));
        assert_eq!(parse("14D"), Some(Within::Days(14)));
        assert_eq!(parse("2h"), Some(Within::Minutes(120)));
        assert_eq!(parse("1h30m"), Some(Within::Minutes(90)));
        assert_eq!(parse("1d12h"), Some(Within::Minutes(36 * 60)));
        for wrong in ["", "d", "32d", "2", "1w", "-1d", "0h", "1.5d"] {
            assert_eq!(parse(wrong), None, "{wrong:?}");
        }
    }

    #[test]
    fn the_next_days_bring_their_meetings_what_to_report_and_what_is_due() {
        let ledger = ledger();
        // Today and tomorrow: both meetings, Priya's first; Alex's asks
        // about both commitments, the overdue one among them; Priya's asks
        // about the one made for her, so nothing is left to list as due.
        let soon = select(&ledger, at("2027-01-28", "08:00"), Within::Days(1));
        assert_eq!(
            summary(&soon),
            (
                vec![
                    ("priya".into(), vec!["u00001".into()]),
                    ("alex".into(), vec!["a00001".into(), "a00002".into()]),
                ],
                vec![]
            )
        );
        assert!(!soon.meetings[0].prepared());
        assert!(soon.meetings[1].prepared());
        assert_eq!(soon.meetings[1].minutes, Some(45));
        assert_eq!(soon.overdue(), 1);

        // Today alone: Priya's meeting; Alex's overdue commitment is listed
        // on its own, his other one is not due.
        let today = select(&ledger, at("2027-01-28", "08:00"), Within::Days(0));
        assert_eq!(
            summary(&today),
            (
                vec![("priya".into(), vec!["u00001".into()])],
                vec!["a00002".into()]
            )
        );
    }

    #[test]
    fn a_window_in_hours_starts_now() {
        let ledger = ledger();
        // The evening before: Alex's meeting is 19 hours away; Priya's
        // all-day meeting is today, so it is inside any window.
        let evening = at("2027-01-28", "20:00");
        let mentors = |within: u32| -> Vec<String> {
            let (meetings, _) = summary(&select(&ledger, evening, Within::Minutes(within)));
            meetings.into_iter().map(|(mentor, _)| mentor).collect()
        };
        assert_eq!(mentors(12 * 60), ["priya"]);
        assert_eq!(mentors(20 * 60), ["priya", "alex"]);
        // During the meeting it still counts; once over it does not.
        let during = select(&ledger, at("2027-01-29", "15:30"), Within::Minutes(60));
        assert_eq!(during.meetings.len(), 1);
        let after = select(&ledger, at("2027-01-29", "15:45"), Within::Minutes(60));
        assert!(after.meetings.is_empty(), "{after:?}");
    }

    #[test]
    fn closed_commitments_and_ended_mentorships_need_nothing() {
        let mut ledger = ledger();
        ledger.meetings[0].actions[1].set_status(Status::Done, day("2027-01-26"), None);
        ledger.mentors[1].until = Some(day("2027-01-27"));
        let soon = select(&ledger, at("2027-01-28", "08:00"), Within::Days(1));
        assert_eq!(
            summary(&soon),
            (vec![("alex".into(), vec!["a00001".into()])], vec![])
        );
        ledger.meetings[1].held = true;
        let nothing = select(&ledger, at("2027-01-28", "08:00"), Within::Days(1));
        assert!(nothing.is_empty(), "{nothing:?}");
    }

    /// A second planned meeting with one mentor (a file copied by hand)
    /// is not a second reminder, nor are its commitments counted twice.
    #[test]
    fn a_copied_planned_meeting_is_one_reminder() {
        let now = at("2027-01-28", "08:00");
        let without = select(&ledger(), now, Within::Days(1));
        let mut ledger = ledger();
        let mut copy = ledger.meetings[1].clone();
        copy.id = Id::from("m00004");
        ledger.meetings.push(copy);
        let with = select(&ledger, now, Within::Days(1));
        assert_eq!(summary(&with), summary(&without));
        assert_eq!(with.overdue(), 1);
    }

    #[test]
    fn pressing_is_a_meeting_today_or_tomorrow_overdue_work_and_reports_due_today() {
        let ledger = ledger();
        let now = pressing(&ledger, at("2027-01-28", "08:00"));
        assert_eq!(now.next.as_ref().map(|m| m.mentor.as_str()), Some("priya"));
        assert_eq!(
            (now.more_meetings, now.overdue, now.to_report_today),
            (1, 1, 1)
        );
        // A week before: nothing presses.
        assert!(pressing(&ledger, at("2027-01-21", "08:00")).is_empty());
        // The day after the first meeting was due: the overdue commitment.
        let later = pressing(&ledger, at("2027-01-26", "08:00"));
        assert_eq!((later.next.is_none(), later.overdue), (true, 1));
    }
}
