//! The progress summary a mentee sends to a mentor (SPEC §4).

use crate::model::commitment::{self, Commitment};
use crate::model::goal::{self, Goal, GoalView};
use crate::model::id::Id;
use crate::model::journal::{Entry, Kind};
use crate::model::meeting::{Meeting, last_held, planned};
use crate::model::mentor::Mentor;
use crate::model::progress::{self, Charts};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub mentor: String,
    /// First day of the period; `None` means from the very beginning.
    pub since: Option<NaiveDate>,
    pub until: NaiveDate,
    /// The meeting whose commitments are reported.
    pub last_meeting: Option<NaiveDate>,
    /// Done first, then in progress, blocked, dropped and not started.
    pub commitments: Vec<Commitment>,
    /// Commitments from earlier meetings whose status changed in the period
    /// (one closed between meetings, say), but not reported at the last
    /// meeting itself, where the mentor heard it. In the same order.
    pub earlier_commitments: Vec<Commitment>,
    /// Every other commitment to this mentor still open at the end of the
    /// period: those the two sections above do not already show, so each
    /// commitment appears once. Overdue first, then by due date, then
    /// oldest first; `carried` counts the meetings held up to the end of
    /// the period since it was made.
    pub still_open: Vec<Commitment>,
    /// Active goals that concern this mentor, with their latest rating and
    /// trend (see [`Goal::concerns`]).
    pub goals: Vec<GoalView>,
    /// Updates and wins, oldest first.
    pub progress: Vec<Entry>,
    /// How the mentor's advice worked out: outcomes recorded in the period,
    /// under the advice they are about.
    pub outcomes: Vec<AdviceOutcomes>,
    pub thanks: Vec<Entry>,
    pub next_meeting: Option<NextMeeting>,
}

/// A piece of advice and what came of it when it was tried.
#[derive(Debug, Clone, Serialize)]
pub struct AdviceOutcomes {
    /// `None` when the advice is no longer in the journal.
    pub advice: Option<Entry>,
    /// Oldest first; empty when nothing was reported yet.
    pub outcomes: Vec<Entry>,
}

/// Outcomes grouped under the advice they are about (found in `advice` by
/// ID), in the order the first outcome of each was recorded.
pub fn group_outcomes<'a>(
    outcomes: impl IntoIterator<Item = &'a Entry>,
    advice: &[Entry],
) -> Vec<AdviceOutcomes> {
    let mut groups: Vec<(Option<&Id>, AdviceOutcomes)> = Vec::new();
    for outcome in outcomes {
        let about = outcome.about.as_ref();
        match groups.iter_mut().find(|(id, _)| *id == about) {
            Some((_, group)) => group.outcomes.push(outcome.clone()),
            None => groups.push((
                about,
                AdviceOutcomes {
                    advice: about
                        .and_then(|id| {
                            advice
                                .iter()
                                .find(|a| a.kind == Kind::Advice && a.id == *id)
                        })
                        .cloned(),
                    outcomes: vec![outcome.clone()],
                },
            )),
        }
    }
    groups.into_iter().map(|(_, group)| group).collect()
}

#[derive(Debug, Clone, Serialize)]
pub struct NextMeeting {
    pub date: Option<NaiveDate>,
    /// The local time it starts at, when planned for a time of day.
    pub time: Option<chrono::NaiveTime>,
    /// How many minutes it lasts, when it has a time.
    pub minutes: Option<u32>,
    pub topics: Vec<String>,
}

/// The period a summary covers, as its title names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// From the first day to the last.
    Between(NaiveDate, NaiveDate),
    /// From the very beginning.
    Until(NaiveDate),
    /// One day that is the day of the last meeting: what happened since it.
    SinceMeeting(NaiveDate),
    /// One day with no meeting on it.
    Day(NaiveDate),
}

impl Summary {
    /// The pictures of the HTML page: its goals' ratings, and the
    /// commitments it reports kept, per month of the period.
    pub fn charts(&self) -> Charts {
        let kept: Vec<NaiveDate> = self
            .commitments
            .iter()
            .chain(&self.earlier_commitments)
            .filter_map(progress::kept_on)
            .collect();
        progress::charts(
            self.goals
                .iter()
                .map(|g| (&g.id, g.text.as_str(), g.ratings.as_slice())),
            &kept,
            self.since,
            self.until,
        )
    }

    pub fn period(&self) -> Period {
        match self.since {
            None => Period::Until(self.until),
            Some(since) if since == self.until && self.last_meeting == Some(since) => {
                Period::SinceMeeting(since)
            }
            Some(since) if since == self.until => Period::Day(since),
            Some(since) => Period::Between(since, self.until),
        }
    }

    /// Nothing to tell: never while a commitment is still open.
    pub fn is_empty(&self) -> bool {
        self.commitments.is_empty()
            && self.earlier_commitments.is_empty()
            && self.still_open.is_empty()
            && self.goals.is_empty()
            && self.progress.is_empty()
            && self.outcomes.is_empty()
            && self.thanks.is_empty()
            && self.next_meeting.is_none()
    }
}

/// What a summary is built from: one mentor's records.
pub struct Sources<'a> {
    pub mentor: &'a Mentor,
    pub meetings: &'a [Meeting],
    pub commitments: &'a [Commitment],
    /// Entries already limited to the period.
    pub entries: &'a [Entry],
    /// The advice that the period's outcomes are about, wherever it is in
    /// the journal (it may be older than the period).
    pub advice: &'a [Entry],
    pub goals: &'a [Goal],
    /// The first meeting or commitment with the mentor: when the
    /// relationship began if the mentor has no `since`.
    pub first_record: Option<NaiveDate>,
}

/// Where a summary starts when `--since` is not given: the day of the last
/// meeting held with the mentor up to `until`; before any, the day the
/// relationship began; failing that, the day of the first record with the
/// mentor (`first_record`), if it is not after `until`. `None`: from the
/// very beginning.
pub fn default_since(
    meetings: &[Meeting],
    mentor: &Mentor,
    first_record: Option<NaiveDate>,
    until: NaiveDate,
) -> Option<NaiveDate> {
    last_held(meetings, &mentor.slug, until)
        .and_then(|m| m.date)
        .or(mentor.since)
        .or_else(|| first_record.filter(|day| *day <= until))
}

pub fn build(sources: &Sources<'_>, since: Option<NaiveDate>, until: NaiveDate) -> Summary {
    let slug = sources.mentor.slug.as_str();
    let last = last_held(sources.meetings, slug, until);
    // Made at the last meeting, or between meetings within the period; as
    // they stood at the end of the period.
    let made_between = |c: &Commitment| {
        c.meeting.is_none()
            && c.mentor == slug
            && since.is_none_or(|d| c.created >= d)
            && c.created <= until
    };
    // As it stood at the end of the period, carried over the meetings held
    // up to then while it was open.
    let then = |c: &Commitment| {
        let mut then = c.as_of(until);
        if then.status.is_open() {
            then.carried = then.carried_as_of(sources.meetings, until);
        }
        then
    };
    let reported = |c: &Commitment| {
        last.is_some_and(|m| c.meeting.as_ref().is_some_and(|r| r.id == m.id)) || made_between(c)
    };
    let mut commitments: Vec<Commitment> = sources
        .commitments
        .iter()
        .filter(|c| reported(c))
        .map(then)
        .collect();
    commitments.sort_by_key(|c| (c.status.report_rank(), c.created));
    // A report given at the last meeting's check-in was heard there.
    let heard_at_last = |c: &Commitment, on: NaiveDate| {
        last.is_some_and(|m| m.date == Some(on) && m.checkins.iter().any(|r| r.action == c.id))
    };
    let mut earlier_commitments: Vec<Commitment> = sources
        .commitments
        .iter()
        .filter(|c| c.mentor == slug && !reported(c))
        .filter(|c| {
            c.history.iter().any(|change| {
                since.is_none_or(|d| change.on >= d)
                    && change.on <= until
                    && !heard_at_last(c, change.on)
            })
        })
        .map(then)
        .collect();
    earlier_commitments.sort_by_key(|c| (c.status.report_rank(), c.created));
    let shown = |c: &Commitment| {
        commitments
            .iter()
            .chain(&earlier_commitments)
            .any(|s| s.id == c.id)
    };
    let mut still_open: Vec<Commitment> = sources
        .commitments
        .iter()
        .filter(|c| c.mentor == slug && c.created <= until && !shown(c))
        .map(then)
        .filter(|c| c.status.is_open())
        .collect();
    commitment::sort_for_listing(&mut still_open);
    // An entry meant for every mentor went to those whose relationship was
    // on when it was written: not to one that had ended or not yet begun.
    let on = |day: NaiveDate| sources.mentor.was_on(day, sources.first_record);
    let for_mentor = |e: &&Entry| match e.mentor.as_deref() {
        Some(mentor) => mentor == slug,
        None => on(e.date),
    };
    let in_period = |e: &&Entry| since.is_none_or(|d| e.date >= d) && e.date <= until;
    let progress = sources
        .entries
        .iter()
        .filter(for_mentor)
        .filter(in_period)
        .filter(|e| e.kind.is_progress())
        .cloned()
        .collect();
    let outcomes = group_outcomes(
        sources
            .entries
            .iter()
            .filter(for_mentor)
            .filter(in_period)
            .filter(|e| e.kind == Kind::Outcome),
        sources.advice,
    );
    let thanks = sources
        .entries
        .iter()
        .filter(|e| e.kind == Kind::Thanks && e.mentor.as_deref() == Some(slug))
        .filter(in_period)
        .cloned()
        .collect();
    let next_meeting = planned(sources.meetings, slug)
        .filter(|m| !m.topics.is_empty())
        .map(|m| NextMeeting {
            date: m.date,
            time: m.time,
            minutes: m.length(),
            topics: m.topics.clone(),
        });
    // Goals for every mentor that something with this mentor serves.
    let linked: Vec<Id> = sources
        .commitments
        .iter()
        .filter(|c| c.mentor == slug)
        .filter_map(|c| c.goal.clone())
        .chain(
            sources
                .entries
                .iter()
                .filter(|e| e.mentor.as_deref() == Some(slug))
                .filter_map(|e| e.goal.clone()),
        )
        .collect();
    Summary {
        mentor: sources.mentor.name.clone(),
        since,
        until,
        last_meeting: last.and_then(|m| m.date),
        commitments,
        earlier_commitments,
        still_open,
        goals: goal::for_summary(sources.goals, slug, until, on, &linked),
        progress,
        outcomes,
        thanks,
        next_meeting,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::commitment;
    use crate::model::id::Id;
    use crate::model::meeting::{Action, Status};

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn a_summary_starts_at_the_last_meeting_else_the_start_else_the_first_record() {
        let mut alex = Mentor::new("Alex", "alex");
        let held = |date: &str| {
            let mut m = Meeting::planned(Id::from("m00001"), "alex", Some(day(date)), vec![]);
            m.held = true;
            m
        };
        let until = day("2026-11-30");
        // Nothing yet: from the very beginning, or from the first record.
        assert_eq!(default_since(&[], &alex, None, until), None);
        let first = Some(day("2026-10-02"));
        assert_eq!(default_since(&[], &alex, first, until), first);
        // A first record after the period is no start.
        assert_eq!(
            default_since(&[], &alex, Some(day("2026-12-05")), until),
            None
        );
        // The start of the relationship comes before the first record...
        alex.since = Some(day("2026-09-01"));
        assert_eq!(default_since(&[], &alex, first, until), alex.since);
        // ...and the last meeting held up to the end of the period before both.
        let meetings = [held("2026-11-03"), held("2026-11-17"), held("2026-12-01")];
        assert_eq!(
            default_since(&meetings, &alex, first, until),
            Some(day("2026-11-17"))
        );
    }

    fn entry(id: &str, date: &str, kind: Kind, mentor: Option<&str>) -> Entry {
        Entry {
            id: Id::from(id),
            date: day(date),
            kind,
            mentor: mentor.map(str::to_string),
            action: None,
            meeting: None,
            text: id.to_string(),
            goal: None,
            about: None,
            options: Vec::new(),
            input: None,
            why: None,
            edited: None,
        }
    }

    #[test]
    fn sections_follow_the_spec() {
        let mentor = Mentor::new("Alex Kim", "alex");
        let mut done = Action::new(Id::from("done01"), "finish".into(), day("2026-11-10"), None);
        done.set_status(Status::Done, day("2026-11-12"), Some("shipped".into()));
        let open = Action::new(Id::from("open01"), "start".into(), day("2026-11-10"), None);
        let mut blocked = Action::new(Id::from("blck01"), "wait".into(), day("2026-11-10"), None);
        blocked.set_status(Status::Blocked, day("2026-11-11"), None);
        let mut last =
            Meeting::planned(Id::from("meet01"), "alex", Some(day("2026-11-10")), vec![]);
        last.held = true;
        last.actions = vec![open, blocked, done];
        let next = Meeting::planned(Id::from("meet02"), "alex", None, vec!["Q?".into()]);
        let meetings = vec![last, next];
        let commitments = commitment::all(&meetings, &[], day("2026-11-22"));
        let entries = vec![
            entry("before", "2026-11-01", Kind::Update, Some("alex")),
            entry("upd", "2026-11-12", Kind::Update, None),
            entry("win", "2026-11-13", Kind::Win, Some("alex")),
            entry("other", "2026-11-13", Kind::Update, Some("priya")),
            entry("thx", "2026-11-14", Kind::Thanks, Some("alex")),
        ];
        let sources = Sources {
            mentor: &mentor,
            meetings: &meetings,
            commitments: &commitments,
            entries: &entries,
            advice: &[],
            goals: &[],
            first_record: None,
        };
        let summary = build(&sources, Some(day("2026-11-10")), day("2026-11-22"));
        let ids = |list: &[Entry]| list.iter().map(|e| e.id.to_string()).collect::<Vec<_>>();
        let order: Vec<Status> = summary.commitments.iter().map(|c| c.status).collect();
        assert_eq!(order, vec![Status::Done, Status::Blocked, Status::Open]);
        assert_eq!(ids(&summary.progress), vec!["upd", "win"]);
        assert_eq!(ids(&summary.thanks), vec!["thx"]);
        assert!(summary.outcomes.is_empty());
        assert_eq!(summary.last_meeting, Some(day("2026-11-10")));
        assert_eq!(
            summary.next_meeting.map(|n| n.topics),
            Some(vec!["Q?".to_string()])
        );
    }

    #[test]
    fn every_open_commitment_shows_once() {
        let mentor = Mentor::new("Alex Kim", "alex");
        let held = |id: &str, date: &str, actions: Vec<Action>| {
            let mut m = Meeting::planned(Id::from(id), "alex", Some(day(date)), vec![]);
            m.held = true;
            m.actions = actions;
            m
        };
        let runbook = Action::new(
            Id::from("runbk1"),
            "Write the runbook".into(),
            day("2027-01-06"),
            Some(day("2027-01-15")),
        );
        let mut done = Action::new(Id::from("done01"), "d".into(), day("2027-01-06"), None);
        done.set_status(Status::Done, day("2027-01-10"), None);
        let retro = Action::new(
            Id::from("retro1"),
            "Book the retro".into(),
            day("2027-01-20"),
            None,
        );
        let meetings = vec![
            held("meet01", "2027-01-06", vec![runbook, done]),
            held("meet02", "2027-01-20", vec![retro]),
        ];
        let commitments = commitment::all(&meetings, &[], day("2027-01-28"));
        let sources = Sources {
            mentor: &mentor,
            meetings: &meetings,
            commitments: &commitments,
            entries: &[],
            advice: &[],
            goals: &[],
            first_record: None,
        };
        let ids = |list: &[Commitment]| list.iter().map(|c| c.id.to_string()).collect::<Vec<_>>();
        // Since the last meeting: its commitment above, the older one below.
        let summary = build(&sources, Some(day("2027-01-20")), day("2027-01-28"));
        assert_eq!(ids(&summary.commitments), ["retro1"]);
        assert_eq!(ids(&summary.still_open), ["runbk1"]);
        assert!(summary.still_open[0].overdue);
        assert_eq!(summary.still_open[0].carried, 1);
        assert!(!summary.is_empty());
        // Up to the day before the second meeting: not yet carried or late,
        // and the retro was not made yet.
        let summary = build(&sources, Some(day("2027-01-06")), day("2027-01-12"));
        assert_eq!(ids(&summary.commitments), ["done01", "runbk1"]);
        assert!(summary.still_open.is_empty());
        // A closed commitment is not still open.
        let summary = build(&sources, Some(day("2027-01-28")), day("2027-01-28"));
        assert!(summary.still_open.iter().all(|c| c.id.as_str() != "done01"));
    }

    #[test]
    fn a_one_day_period_is_named_for_a_person() {
        let mut summary = build(
            &Sources {
                mentor: &Mentor::new("Alex Kim", "alex"),
                meetings: &[],
                commitments: &[],
                entries: &[],
                advice: &[],
                goals: &[],
                first_record: None,
            },
            Some(day("2027-02-03")),
            day("2027-02-03"),
        );
        assert_eq!(summary.period(), Period::Day(day("2027-02-03")));
        summary.last_meeting = Some(day("2027-02-03"));
        assert_eq!(summary.period(), Period::SinceMeeting(day("2027-02-03")));
        summary.until = day("2027-02-05");
        assert_eq!(
            summary.period(),
            Period::Between(day("2027-02-03"), day("2027-02-05"))
        );
        summary.since = None;
        assert_eq!(summary.period(), Period::Until(day("2027-02-05")));
    }

    #[test]
    fn entries_for_everyone_go_to_mentors_whose_relationship_was_on() {
        let mut coach = Mentor::new("Jordan", "jordan");
        coach.until = Some(day("2027-03-31"));
        let entries = vec![
            entry("before", "2027-01-10", Kind::Win, None),
            entry("mine01", "2027-01-10", Kind::Update, Some("jordan")),
            entry("during", "2027-02-10", Kind::Win, None),
            entry("after1", "2027-04-02", Kind::Win, None),
        ];
        let sources = Sources {
            mentor: &coach,
            meetings: &[],
            commitments: &[],
            entries: &entries,
            advice: &[],
            goals: &[],
            // The first meeting with the coach.
            first_record: Some(day("2027-02-01")),
        };
        let summary = build(&sources, None, day("2027-04-30"));
        let ids: Vec<&str> = summary.progress.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["mine01", "during"]);
    }

    #[test]
    fn outcomes_in_the_period_come_under_their_advice() {
        let mentor = Mentor::new("Alex Kim", "alex");
        let outcome = |id: &str, date: &str, about: &str, mentor: &str| {
            let mut e = entry(id, date, Kind::Outcome, Some(mentor));
            e.about = Some(Id::from(about));
            e
        };
        // Advice from long before the period, found by the caller.
        let advice = vec![entry("adv001", "2026-08-01", Kind::Advice, Some("alex"))];
        let entries = vec![
            outcome("early1", "2026-11-01", "adv001", "alex"),
            outcome("out001", "2026-11-12", "adv001", "alex"),
            outcome("lost01", "2026-11-13", "gone00", "alex"),
            outcome("out002", "2026-11-14", "adv001", "alex"),
            outcome("priya1", "2026-11-14", "adv002", "priya"),
        ];
        let sources = Sources {
            mentor: &mentor,
            meetings: &[],
            commitments: &[],
            entries: &entries,
            advice: &advice,
            goals: &[],
            first_record: None,
        };
        let summary = build(&sources, Some(day("2026-11-10")), day("2026-11-22"));
        let groups: Vec<(Option<String>, Vec<String>)> = summary
            .outcomes
            .iter()
            .map(|g| {
                (
                    g.advice.as_ref().map(|a| a.id.to_string()),
                    g.outcomes.iter().map(|o| o.id.to_string()).collect(),
                )
            })
            .collect();
        assert_eq!(
            groups,
            vec![
                (
                    Some("adv001".into()),
                    vec!["out001".into(), "out002".into()]
                ),
                (None, vec!["lost01".into()]),
            ]
        );
        assert!(!summary.is_empty());
    }
}
