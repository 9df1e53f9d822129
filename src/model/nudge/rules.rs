//! The rules of the nudges about commitments, meetings and keeping in
//! touch: when each shows, from the records and today's date.

use crate::model::commitment::Commitment;
use crate::model::id::Id;
use crate::model::journal::LatestEntries;
use crate::model::meeting::{Meeting, last_held, planned};
use crate::model::mentor::Mentor;
use crate::model::nudge::kinds::Kind;
use crate::model::nudge::silence::is_silenced;
use crate::model::nudge::{
    About, CADENCE_AHEAD, CARRIED, CLOSING_AHEAD, Due, KEEP_IN_TOUCH, MID_TERM, Nudge, Open,
    QUIET_DEFAULT, Searched, Silent,
};
use chrono::NaiveDate;
use std::collections::HashMap;

/// How long a mentor can go without an entry before the `quiet` nudge.
pub fn quiet_days(mentor: &Mentor) -> i64 {
    mentor
        .every
        .map_or(QUIET_DEFAULT, |every| 2 * every.approx_days())
}

/// How far back the journal must be read to decide the `quiet` and
/// `keep-in-touch` nudges: twice the longest cadence (or [`QUIET_DEFAULT`])
/// plus [`KEEP_IN_TOUCH`] days. A relationship that ended before that is
/// judged on that stretch of the journal alone.
pub fn lookback(mentors: &[Mentor], today: NaiveDate) -> NaiveDate {
    let longest = mentors
        .iter()
        .filter(|m| m.is_active(today))
        .map(quiet_days)
        .max()
        .unwrap_or(QUIET_DEFAULT)
        .max(QUIET_DEFAULT);
    today
        .checked_sub_signed(chrono::Duration::days(longest + KEEP_IN_TOUCH))
        .unwrap_or(NaiveDate::MIN)
}

/// The mentors whose latest journal entry can decide a nudge: active ones
/// (for `quiet`) and those whose relationship ended long enough ago with no
/// meeting since (for `keep-in-touch`), leaving out silenced kinds.
pub fn wanted_contacts(
    mentors: &[Mentor],
    meetings: &[Meeting],
    everywhere: &[String],
    today: NaiveDate,
) -> Vec<String> {
    mentors
        .iter()
        .filter(|m| {
            let quiet = m.is_active(today) && !is_silenced(Kind::Quiet, Some(m), everywhere);
            let ended = ended_long_ago(m, today).is_some_and(|until| {
                !met_after(meetings, &m.slug, until, today)
                    && !is_silenced(Kind::KeepInTouch, Some(m), everywhere)
            });
            quiet || ended
        })
        .map(|m| m.slug.clone())
        .collect()
}

fn days(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// Is the next meeting with this mentor near: planned within
/// [`CADENCE_AHEAD`] days (or for a day that has passed), or, with no day
/// planned, due by the cadence by then?
pub fn next_meeting_near(mentor: &Mentor, meetings: &[Meeting], today: NaiveDate) -> bool {
    let near = |day: NaiveDate| days(today, day) <= CADENCE_AHEAD;
    if let Some(day) = planned(meetings, &mentor.slug).and_then(|m| m.date) {
        return near(day);
    }
    last_held(meetings, &mentor.slug, today)
        .and_then(|m| m.date)
        .and_then(|last| mentor.due_by_cadence(last))
        .is_some_and(near)
}

/// The nudges about commitments: carried, overdue and unreported, every
/// candidate (see [`to_show`](crate::model::nudge::to_show) for the one
/// kept per commitment).
///
/// A carried commitment given a due date still to come was carried on
/// purpose: no nudge until that day passes. An unreported one waits until
/// it matters: the next meeting is near (see [`next_meeting_near`]), or the
/// commitment is due.
pub fn about_commitments(
    mentors: &[Mentor],
    meetings: &[Meeting],
    commitments: &[Commitment],
    today: NaiveDate,
) -> Vec<Nudge> {
    // The last meeting held (up to today) with each mentor.
    let mut last: HashMap<&str, (NaiveDate, &Id)> = HashMap::new();
    for m in meetings.iter().filter(|m| m.held) {
        let Some(date) = m.date.filter(|d| *d <= today) else {
            continue;
        };
        let slot = last.entry(m.mentor.as_str()).or_insert((date, &m.id));
        if date > slot.0 {
            *slot = (date, &m.id);
        }
    }
    // Active mentors, and whether the next meeting with each is near.
    let near: HashMap<&str, bool> = mentors
        .iter()
        .filter(|m| m.is_active(today))
        .map(|m| (m.slug.as_str(), next_meeting_near(m, meetings, today)))
        .collect();
    let mut out = Vec::new();
    for c in commitments.iter().filter(|c| c.status.is_open()) {
        let nudge = |about: About| Nudge {
            mentor: c.mentor.clone(),
            about,
        };
        let commitment = || Open {
            id: c.id.clone(),
            text: c.text.clone(),
        };
        let due_ahead = c.due.is_some_and(|due| due >= today);
        if c.carried >= CARRIED && !due_ahead {
            out.push(nudge(About::Carried {
                commitment: commitment(),
                times: c.carried,
            }));
        }
        if let Some(due) = c.due.filter(|_| c.overdue) {
            out.push(nudge(About::Overdue {
                commitment: commitment(),
                due,
            }));
        }
        let Some(&near) = near.get(c.mentor.as_str()) else {
            continue;
        };
        let from_last = match (&c.meeting, last.get(c.mentor.as_str())) {
            (Some(made_at), Some((date, id))) => made_at.id == **id && *date < today,
            _ => false,
        };
        let matters = near || c.due.is_some_and(|due| due <= today);
        if from_last && matters && !c.reported() && c.created < today {
            out.push(nudge(About::Unreported {
                commitment: commitment(),
                met_on: c.meeting.as_ref().and_then(|m| m.date),
            }));
        }
    }
    out
}

/// No meeting planned while the cadence says one is due (or soon will be),
/// unless the mentor is on a break.
pub fn cadence(mentor: &Mentor, meetings: &[Meeting], today: NaiveDate) -> Option<Nudge> {
    let every = mentor
        .every
        .filter(|_| mentor.is_active(today) && !mentor.is_paused(today))?;
    if planned(meetings, &mentor.slug).is_some() {
        return None;
    }
    let last = last_held(meetings, &mentor.slug, today)?.date?;
    // Never on or after the end of the term: the closing review is due then.
    let due = mentor.due_by_cadence(last)?;
    if days(today, due) > CADENCE_AHEAD {
        return None;
    }
    let due = if due < today {
        Due::Was(due)
    } else if due == today {
        Due::Today
    } else {
        Due::On(due)
    };
    Some(Nudge {
        mentor: mentor.slug.clone(),
        about: About::Cadence { due, every },
    })
}

/// Nothing logged for an active mentor for more than twice the cadence.
pub fn quiet(
    mentor: &Mentor,
    meetings: &[Meeting],
    contact: &LatestEntries,
    today: NaiveDate,
) -> Option<Nudge> {
    if !mentor.is_active(today) || mentor.is_paused(today) {
        return None;
    }
    let limit = quiet_days(mentor);
    // A meeting is contact too: the nudge is about going silent.
    let last_met = last_held(meetings, &mentor.slug, today).and_then(|m| m.date);
    let entry = [contact.latest.get(&mentor.slug).copied(), contact.everyone]
        .into_iter()
        .flatten()
        .filter(|d| *d <= today)
        .max();
    // When the relationship started: its `since`, else the first meeting.
    let first_meeting = meetings
        .iter()
        .filter(|m| m.held && m.mentor == mentor.slug)
        .filter_map(|m| m.date)
        .min();
    let start = mentor.since.or(first_meeting).filter(|d| *d <= today)?;
    let since = match entry {
        Some(entry) => Some(entry.max(start)),
        // Nothing found in the part of the journal that was read.
        None if start >= contact.searched_from => Some(start),
        None if days(contact.searched_from, today) >= limit => None,
        None => return None,
    };
    // A meeting is contact too: the nudge is about going silent.
    let since = since.into_iter().chain(last_met).max();
    let (silent_for, silent) = match since {
        Some(date) => (days(date, today), Silent::Since(date)),
        None => (limit + 1, Silent::MoreThan(limit)),
    };
    if silent_for <= limit {
        return None;
    }
    Some(Nudge {
        mentor: mentor.slug.clone(),
        about: About::Quiet { silent },
    })
}

/// The end of a relationship that ended more than [`KEEP_IN_TOUCH`] days ago.
fn ended_long_ago(mentor: &Mentor, today: NaiveDate) -> Option<NaiveDate> {
    mentor
        .until
        .filter(|until| !mentor.is_active(today) && days(*until, today) > KEEP_IN_TOUCH)
}

/// Was a meeting held with `slug` after `after` (and by `today`)?
fn met_after(meetings: &[Meeting], slug: &str, after: NaiveDate, today: NaiveDate) -> bool {
    last_held(meetings, slug, today)
        .and_then(|m| m.date)
        .is_some_and(|d| d > after)
}

/// A relationship that ended more than [`KEEP_IN_TOUCH`] days ago, with nothing since.
pub fn keep_in_touch(
    mentor: &Mentor,
    meetings: &[Meeting],
    contact: &LatestEntries,
    today: NaiveDate,
) -> Option<Nudge> {
    let until = ended_long_ago(mentor, today)?;
    if last_held(meetings, &mentor.slug, today)
        .and_then(|m| m.date)
        .is_some_and(|d| d > until)
    {
        return None;
    }
    // An entry for them. One meant for every mentor went to those still
    // active when it was written, not to them.
    let after_end = |d: &NaiveDate| *d > until && *d <= today;
    if contact.latest.get(&mentor.slug).is_some_and(after_end) {
        return None;
    }
    let searched = if until >= contact.searched_from {
        Searched::SinceEnd
    } else if days(contact.searched_from, today) >= KEEP_IN_TOUCH {
        Searched::LastDays(days(contact.searched_from, today))
    } else {
        // The journal could not be read far enough back to know.
        return None;
    };
    Some(Nudge {
        mentor: mentor.slug.clone(),
        about: About::KeepInTouch {
            ended: until,
            searched,
        },
    })
}

/// Halfway through a relationship that has a start and an end.
pub fn mid_term(mentor: &Mentor, today: NaiveDate) -> Option<Nudge> {
    let (since, until) = (mentor.since?, mentor.until?);
    if until <= since || !mentor.is_active(today) {
        return None;
    }
    let middle = since + chrono::Duration::days(days(since, until) / 2);
    if today < middle || days(middle, today) >= MID_TERM {
        return None;
    }
    Some(Nudge {
        mentor: mentor.slug.clone(),
        about: About::MidTerm { since, until },
    })
}

/// The end of a relationship is near, or just passed: time to look back on
/// the whole of it with the mentor.
pub fn closing(mentor: &Mentor, today: NaiveDate) -> Option<Nudge> {
    let until = mentor.until?;
    let from_end = days(until, today);
    if !(-CLOSING_AHEAD..MID_TERM).contains(&from_end) {
        return None;
    }
    Some(Nudge {
        mentor: mentor.slug.clone(),
        about: About::Closing {
            until,
            ended: until <= today,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::commitment;
    use crate::model::meeting::Status;
    use crate::model::nudge::fixtures::{action, day, held, mentor};

    #[test]
    fn reported_and_closed_commitments_get_no_nudge() {
        let mut meeting = held(
            "m00001",
            "alex",
            "2026-11-01",
            vec![
                action("aaaaaa", "2026-11-01", Some("2026-11-05")),
                action("bbbbbb", "2026-11-01", None),
            ],
        );
        meeting.actions[0].set_status(Status::Done, day("2026-11-04"), None);
        meeting.actions[1].set_status(Status::InProgress, day("2026-11-04"), None);
        let meetings = vec![meeting];
        let today = day("2026-11-20");
        let commitments = commitment::all(&meetings, &[], today);
        let mentors = vec![mentor("alex", None)];
        assert!(about_commitments(&mentors, &meetings, &commitments, today).is_empty());
    }

    fn unreported(mentors: &[Mentor], meetings: &[Meeting], today: &str) -> Vec<String> {
        let today = day(today);
        let commitments = commitment::all(meetings, &[], today);
        about_commitments(mentors, meetings, &commitments, today)
            .into_iter()
            .filter(|n| n.kind() == Kind::Unreported)
            .filter_map(|n| n.commitment().map(ToString::to_string))
            .collect()
    }

    #[test]
    fn no_report_yet_matters_when_the_next_meeting_is_near_or_the_commitment_is_due() {
        let alex = vec![mentor("alex", Some("4w"))];
        let mut meetings = vec![held(
            "m00001",
            "alex",
            "2026-11-01",
            vec![
                action("later1", "2026-11-01", Some("2026-12-20")),
                action("soon01", "2026-11-01", Some("2026-11-10")),
            ],
        )];
        // The day after the meeting: nothing is near.
        assert!(unreported(&alex, &meetings, "2026-11-02").is_empty());
        // Due today: time to say where it stands.
        assert_eq!(unreported(&alex, &meetings, "2026-11-10"), ["soon01"]);
        // Two days before the meeting the cadence says (2026-11-29).
        assert_eq!(
            unreported(&alex, &meetings, "2026-11-27"),
            ["later1", "soon01"]
        );
        // A planned meeting decides instead: on 2026-11-20, so near on 11-18.
        meetings.push(Meeting::planned(
            Id::from("m00002"),
            "alex",
            Some(day("2026-11-20")),
            vec![],
        ));
        assert_eq!(unreported(&alex, &meetings, "2026-11-17"), ["soon01"]);
        assert_eq!(
            unreported(&alex, &meetings, "2026-11-18"),
            ["later1", "soon01"]
        );
        // Without a cadence or a planned day, only the due date counts.
        let priya = vec![mentor("alex", None)];
        assert_eq!(unreported(&priya, &meetings[..1], "2026-11-27"), ["soon01"]);
    }

    #[test]
    fn a_carried_commitment_given_a_new_date_is_carried_on_purpose() {
        let alex = vec![mentor("alex", None)];
        let mut meetings = vec![held(
            "m00001",
            "alex",
            "2026-10-01",
            vec![action("old001", "2026-10-01", None)],
        )];
        for (i, date) in ["2026-10-15", "2026-10-29", "2026-11-12"]
            .iter()
            .enumerate()
        {
            meetings.push(held(&format!("m0000{}", i + 2), "alex", date, vec![]));
        }
        let kinds = |meetings: &[Meeting], today: &str| {
            let today = day(today);
            let commitments = commitment::all(meetings, &[], today);
            about_commitments(&alex, meetings, &commitments, today)
                .iter()
                .map(Nudge::kind)
                .collect::<Vec<_>>()
        };
        assert_eq!(kinds(&meetings, "2026-11-20"), [Kind::Carried]);
        meetings[0].actions[0].due = Some(day("2026-12-01"));
        assert!(kinds(&meetings, "2026-11-20").is_empty());
        assert_eq!(
            kinds(&meetings, "2026-12-02"),
            [Kind::Carried, Kind::Overdue]
        );
    }

    #[test]
    fn a_paused_mentor_gets_no_cadence_or_quiet_nudge_until_the_day() {
        let mut alex = mentor("alex", Some("2w"));
        alex.since = Some(day("2026-06-01"));
        alex.paused_until = Some(day("2026-12-15"));
        let meetings = vec![held("m00001", "alex", "2026-10-01", vec![])];
        let seen = LatestEntries {
            latest: HashMap::new(),
            everyone: None,
            searched_from: day("2026-06-01"),
        };
        for today in ["2026-11-20", "2026-12-14"] {
            assert_eq!(cadence(&alex, &meetings, day(today)), None);
            assert_eq!(quiet(&alex, &meetings, &seen, day(today)), None);
        }
        assert!(cadence(&alex, &meetings, day("2026-12-15")).is_some());
        assert!(quiet(&alex, &meetings, &seen, day("2026-12-15")).is_some());
    }

    #[test]
    fn the_cadence_ignores_a_meeting_due_after_the_term() {
        let mut coach = mentor("coach", Some("30d"));
        coach.until = Some(day("2027-04-30"));
        let meetings = vec![held("m00001", "coach", "2027-04-08", vec![])];
        assert_eq!(cadence(&coach, &meetings, day("2027-04-29")), None);
        coach.until = None;
        assert!(cadence(&coach, &meetings, day("2027-05-08")).is_some());
    }

    #[test]
    fn the_journal_is_read_back_twice_the_longest_cadence_and_ninety_days() {
        let today = day("2026-11-22");
        let mentors = vec![mentor("a", Some("2w")), mentor("b", Some("1m"))];
        assert_eq!(lookback(&mentors, today), day("2026-06-25"));
        assert_eq!(lookback(&[], today), today - chrono::Duration::days(120));
        let mut ended = mentor("c", None);
        ended.until = Some(day("2026-01-01"));
        let mut silenced = mentor("d", None);
        silenced.silence = vec!["quiet".into()];
        let all = vec![mentor("a", None), ended, silenced];
        assert_eq!(wanted_contacts(&all, &[], &[], today), ["a", "c"]);
        assert_eq!(
            wanted_contacts(&all, &[], &["keep-in-touch".into()], today),
            ["a"]
        );
    }
}
