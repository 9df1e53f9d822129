//! `mentee prep`: the next agenda drafted from the record. Each suggestion
//! comes from one record, cites its ID, and carries only what its fixed
//! template needs (the wording is in `render/prep.rs`): nothing is made up.
//!
//! The sources, in the order they matter:
//! - commitments blocked, then those carried over two or more meetings;
//! - topics queued for later with this mentor (the user's own words);
//! - goals whose latest rating fell;
//! - advice with no outcome recorded two weeks after it was given;
//! - goals not rated for a month;
//! - decisions made with this mentor's input more than three months ago;
//! - what was discussed with this mentor a year ago (meetings held 11 to 13
//!   months ago).
//!
//! A record already cited on the planned agenda is not suggested again; a
//! decision or a meeting a year ago already cited on any agenda with this
//! mentor has been looked back on, so it is not suggested again either.

use crate::model::commitment::Commitment;
use crate::model::goal::{Goal, GoalStatus, Trend};
use crate::model::id::Id;
use crate::model::journal::{Entry, Kind};
use crate::model::meeting::{Meeting, QueuedTopic, Status};
use chrono::{Days, Months, NaiveDate};
use serde::Serialize;

/// How many suggestions are shown unless all are asked for.
pub const SHOWN: usize = 8;
/// Meetings a commitment has been carried over before it is worth a question.
pub const CARRIED_AT_LEAST: usize = 2;
/// Days after advice was given when its outcome is worth asking about.
pub const ADVICE_DAYS: u64 = 14;
/// Months without a rating before a goal is worth asking about.
pub const UNRATED_MONTHS: u32 = 1;
/// Months after a decision when it is worth looking back on.
pub const DECISION_MONTHS: u32 = 3;
/// How far back "a year ago" reaches: meetings held 11 to 13 months ago.
pub const YEAR_AGO_MONTHS: std::ops::RangeInclusive<u32> = 11..=13;

/// What the record holds for one mentor.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    /// The mentor's slug.
    pub mentor: &'a str,
    pub today: NaiveDate,
    /// Every commitment (any mentor, any status).
    pub commitments: &'a [Commitment],
    /// Every meeting, held or planned.
    pub meetings: &'a [Meeting],
    /// The journal entries up to today.
    pub entries: &'a [Entry],
    pub goals: &'a [Goal],
    /// Every queued topic, in the order of later.toml.
    pub queued: &'a [QueuedTopic],
}

/// Where a suggestion came from, and what its template needs. The order of
/// the variants is the order of the suggestions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "source", rename_all = "snake_case")]
pub enum About {
    /// A commitment marked blocked.
    Blocked { text: String },
    /// An open commitment carried over `meetings` meetings.
    Carried { text: String, meetings: usize },
    /// A topic queued for later.
    Queued { text: String },
    /// A goal whose latest rating is lower than the one before.
    GoalFell { text: String, from: u8, to: u8 },
    /// Advice given on `on` with no outcome recorded.
    Advice { text: String, on: NaiveDate },
    /// A goal not rated since `since` (its last rating, or the day it was
    /// set when `rated` is false).
    GoalUnrated {
        text: String,
        since: NaiveDate,
        rated: bool,
    },
    /// A decision made on `on` with the mentor's input.
    Decision { text: String, on: NaiveDate },
    /// A meeting held on `on` and the topics discussed there.
    YearAgo { topics: Vec<String>, on: NaiveDate },
}

impl About {
    fn rank(&self) -> u8 {
        match self {
            About::Blocked { .. } => 0,
            About::Carried { .. } => 1,
            About::Queued { .. } => 2,
            About::GoalFell { .. } => 3,
            About::Advice { .. } => 4,
            About::GoalUnrated { .. } => 5,
            About::Decision { .. } => 6,
            About::YearAgo { .. } => 7,
        }
    }
}

/// One suggested topic: the record it comes from and what it says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub id: Id,
    #[serde(flatten)]
    pub about: About,
}

/// Every suggestion for the next meeting with `sources.mentor`, most
/// important first.
pub fn suggest(sources: &Sources<'_>) -> Vec<Suggestion> {
    let slug = sources.mentor;
    let today = sources.today;
    let cited_on = |meeting: &Meeting, id: &Id| {
        meeting.mentor == slug
            && meeting
                .topics
                .iter()
                .any(|topic| topic.contains(&format!("[{id}]")))
    };
    let planned = sources
        .meetings
        .iter()
        .find(|m| m.mentor == slug && !m.held);
    let on_the_agenda = |id: &Id| planned.is_some_and(|m| cited_on(m, id));
    let ever_cited = |id: &Id| sources.meetings.iter().any(|m| cited_on(m, id));
    let months_ago = |months: u32| today.checked_sub_months(Months::new(months));
    let mut found: Vec<(Suggestion, (u8, i64, NaiveDate))> = Vec::new();
    let mut add = |id: &Id, about: About, order: i64, day: NaiveDate| {
        let key = (about.rank(), order, day);
        found.push((
            Suggestion {
                id: id.clone(),
                about,
            },
            key,
        ));
    };

    for c in sources
        .commitments
        .iter()
        .filter(|c| c.mentor == slug && c.status.is_open() && !on_the_agenda(&c.id))
    {
        if c.status == Status::Blocked {
            let text = c.text.clone();
            add(&c.id, About::Blocked { text }, 0, c.created);
        } else if c.carried >= CARRIED_AT_LEAST {
            let about = About::Carried {
                text: c.text.clone(),
                meetings: c.carried,
            };
            // Carried longest first.
            add(&c.id, about, -(c.carried as i64), c.created);
        }
    }

    for (i, q) in sources
        .queued
        .iter()
        .filter(|q| q.mentor == slug)
        .enumerate()
    {
        let text = q.text.clone();
        add(&q.id, About::Queued { text }, i as i64, q.added);
    }

    let unrated_since = months_ago(UNRATED_MONTHS);
    for goal in sources
        .goals
        .iter()
        .filter(|g| g.status == GoalStatus::Active && g.is_for(slug) && !on_the_agenda(&g.id))
    {
        let text = goal.text.clone();
        let latest = goal.latest();
        match (goal.trend(), latest) {
            (Some(Trend::Down), Some(last)) => {
                let from = goal.ratings[goal.ratings.len() - 2].score;
                let about = About::GoalFell {
                    text,
                    from,
                    to: last.score,
                };
                add(&goal.id, about, 0, last.on);
            }
            _ => {
                let (since, rated) = latest.map_or((goal.created, false), |r| (r.on, true));
                if unrated_since.is_some_and(|limit| since <= limit) {
                    let about = About::GoalUnrated { text, since, rated };
                    add(&goal.id, about, 0, since);
                }
            }
        }
    }

    let advice_limit = today.checked_sub_days(Days::new(ADVICE_DAYS));
    let decision_limit = months_ago(DECISION_MONTHS);
    let tried: Vec<&Id> = sources
        .entries
        .iter()
        .filter(|e| e.kind == Kind::Outcome)
        .filter_map(|e| e.about.as_ref())
        .collect();
    for entry in sources
        .entries
        .iter()
        .filter(|e| e.mentor.as_deref() == Some(slug))
    {
        let text = entry.text.clone();
        match entry.kind {
            Kind::Advice
                if advice_limit.is_some_and(|limit| entry.date <= limit)
                    && !tried.contains(&&entry.id)
                    && !on_the_agenda(&entry.id) =>
            {
                let about = About::Advice {
                    text,
                    on: entry.date,
                };
                add(&entry.id, about, 0, entry.date);
            }
            Kind::Decision
                if entry.input.as_deref().is_some_and(|i| !i.trim().is_empty())
                    && decision_limit.is_some_and(|limit| entry.date <= limit)
                    && !ever_cited(&entry.id) =>
            {
                let about = About::Decision {
                    text,
                    on: entry.date,
                };
                add(&entry.id, about, 0, entry.date);
            }
            _ => {}
        }
    }

    let (newest, oldest) = (
        months_ago(*YEAR_AGO_MONTHS.start()),
        months_ago(*YEAR_AGO_MONTHS.end()),
    );
    for meeting in sources
        .meetings
        .iter()
        .filter(|m| m.held && m.mentor == slug && !m.topics.is_empty() && !ever_cited(&m.id))
    {
        let Some(on) = meeting.date else { continue };
        if oldest.is_some_and(|o| on >= o) && newest.is_some_and(|n| on <= n) {
            let topics = meeting.topics.clone();
            add(&meeting.id, About::YearAgo { topics, on }, 0, on);
        }
    }

    found.sort_by_key(|(_, key)| *key);
    found.into_iter().map(|(s, _)| s).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::commitment;
    use crate::model::goal::Rating;
    use crate::model::meeting::Action;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    const TODAY: &str = "2027-01-28";

    fn held(id: &str, on: &str, topics: &[&str]) -> Meeting {
        let mut m = Meeting::planned(
            Id::from(id),
            "alex",
            Some(day(on)),
            topics.iter().map(|t| t.to_string()).collect(),
        );
        m.held = true;
        m
    }

    fn entry(id: &str, on: &str, kind: Kind, text: &str) -> Entry {
        Entry::new(
            Id::from(id),
            day(on),
            kind,
            Some("alex".into()),
            text.into(),
        )
    }

    fn goal(id: &str, created: &str, ratings: &[(&str, u8)]) -> Goal {
        let mut g = Goal::new(
            Id::from(id),
            format!("Goal {id}"),
            day(created),
            day("2027-12-31"),
        );
        g.ratings = ratings
            .iter()
            .map(|(on, score)| Rating {
                on: day(on),
                score: *score,
                note: None,
            })
            .collect();
        g
    }

    struct Record {
        meetings: Vec<Meeting>,
        entries: Vec<Entry>,
        goals: Vec<Goal>,
        queued: Vec<QueuedTopic>,
    }

    impl Record {
        fn new() -> Record {
            Record {
                meetings: Vec::new(),
                entries: Vec::new(),
                goals: Vec::new(),
                queued: Vec::new(),
            }
        }

        fn suggest(&self) -> Vec<(String, u8)> {
            let commitments = commitment::all(&self.meetings, &[], day(TODAY));
            suggest(&Sources {
                mentor: "alex",
                today: day(TODAY),
                commitments: &commitments,
                meetings: &self.meetings,
                entries: &self.entries,
                goals: &self.goals,
                queued: &self.queued,
            })
            .into_iter()
            .map(|s| (s.id.to_string(), s.about.rank()))
            .collect()
        }
    }

    fn ids(found: &[(String, u8)]) -> Vec<&str> {
        found.iter().map(|(id, _)| id.as_str()).collect()
    }

    /// A commitment made at the meeting `at`, with `status`.
    fn commit(at: &mut Meeting, id: &str, status: Status) {
        let mut action = Action::new(
            Id::from(id),
            format!("Do {id}"),
            at.date.expect("a date"),
            None,
        );
        if status != Status::Open {
            action.set_status(status, day("2027-01-20"), None);
        }
        at.actions.push(action);
    }

    #[test]
    fn blocked_and_long_carried_commitments_come_first() {
        let mut r = Record::new();
        let mut first = held("m00001", "2026-12-01", &[]);
        commit(&mut first, "carry3", Status::Open);
        let mut second = held("m00002", "2026-12-15", &[]);
        commit(&mut second, "carry2", Status::InProgress);
        commit(&mut second, "block1", Status::Blocked);
        let mut third = held("m00003", "2027-01-05", &[]);
        commit(&mut third, "carry1", Status::Open);
        commit(&mut third, "done01", Status::Done);
        let fourth = held("m00004", "2027-01-26", &[]);
        r.meetings = vec![first, second, third, fourth];
        r.queued.push(QueuedTopic {
            id: Id::from("queue1"),
            mentor: "alex".into(),
            text: "How do I ask for a promotion?".into(),
            added: day("2027-01-02"),
        });
        // Blocked first, then carried longest (3, then 2 meetings); carried
        // once is not enough, a done one is not open; queued topics next.
        assert_eq!(ids(&r.suggest()), ["block1", "carry3", "carry2", "queue1"]);
    }

    #[test]
    fn advice_without_an_outcome_after_two_weeks() {
        let mut r = Record::new();
        r.entries = vec![
            entry("adv001", "2027-01-14", Kind::Advice, "Two weeks ago today"),
            entry("adv002", "2027-01-15", Kind::Advice, "Thirteen days ago"),
            entry(
                "adv003",
                "2026-12-01",
                Kind::Advice,
                "Tried, with an outcome",
            ),
            entry("out003", "2026-12-20", Kind::Outcome, "It worked"),
        ];
        r.entries[3].about = Some(Id::from("adv003"));
        assert_eq!(ids(&r.suggest()), ["adv001"]);
    }

    #[test]
    fn goals_that_fell_or_went_unrated_for_a_month() {
        let mut r = Record::new();
        r.goals = vec![
            goal(
                "fell01",
                "2026-09-01",
                &[("2027-01-01", 4), ("2027-01-20", 2)],
            ),
            goal(
                "rose01",
                "2026-09-01",
                &[("2027-01-01", 2), ("2027-01-20", 4)],
            ),
            goal("stale1", "2026-09-01", &[("2026-12-28", 3)]),
            goal("never1", "2026-12-01", &[]),
            goal("new001", "2027-01-10", &[]),
        ];
        let mut other = goal("other1", "2026-01-01", &[]);
        other.mentor = Some("jordan".into());
        let mut done = goal("done01", "2026-01-01", &[]);
        done.status = GoalStatus::Done;
        r.goals.extend([other, done]);
        // A fall matters more than silence, the longest silence first; a
        // month to the day is a month.
        assert_eq!(ids(&r.suggest()), ["fell01", "never1", "stale1"]);
    }

    #[test]
    fn decisions_with_input_looked_back_on_after_three_months_once() {
        let mut r = Record::new();
        let mut with_input = entry("dec001", "2026-10-28", Kind::Decision, "Took the lead");
        with_input.input = Some("Go for it".into());
        let mut recent = entry("dec002", "2026-10-29", Kind::Decision, "Too recent");
        recent.input = Some("Wait".into());
        let alone = entry("dec003", "2026-01-01", Kind::Decision, "Without input");
        let mut looked = entry("dec004", "2026-01-01", Kind::Decision, "Already asked");
        looked.input = Some("Yes".into());
        r.entries = vec![with_input, recent, alone, looked];
        r.meetings = vec![held(
            "m00001",
            "2026-06-01",
            &["Looking back at [dec004] Already asked: was it the right call?"],
        )];
        assert_eq!(ids(&r.suggest()), ["dec001"]);
    }

    #[test]
    fn meetings_held_eleven_to_thirteen_months_ago() {
        let mut r = Record::new();
        r.meetings = vec![
            held("m00001", "2025-12-27", &["Thirteen months and a day ago?"]),
            held("m00002", "2025-12-28", &["How should I split billing?"]),
            held("m00003", "2026-02-28", &["Eleven months ago to the day?"]),
            held("m00004", "2026-03-01", &["Less than eleven months ago?"]),
            held("m00005", "2026-01-15", &[]),
        ];
        assert_eq!(ids(&r.suggest()), ["m00002", "m00003"]);
    }

    #[test]
    fn what_the_planned_agenda_already_cites_is_not_suggested_again() {
        let mut r = Record::new();
        r.entries = vec![
            entry("adv001", "2026-12-01", Kind::Advice, "Escalate with a date"),
            entry(
                "adv002",
                "2026-12-01",
                Kind::Advice,
                "Ask for the review early",
            ),
        ];
        let next = Meeting::planned(
            Id::from("next01"),
            "alex",
            None,
            vec!["How did [adv001] Escalate with a date work out?".into()],
        );
        r.meetings = vec![next];
        assert_eq!(ids(&r.suggest()), ["adv002"]);
    }

    #[test]
    fn every_source_in_its_order() {
        let mut r = Record::new();
        let mut year_ago = held("m00001", "2026-01-20", &["How should I split billing?"]);
        commit(&mut year_ago, "block1", Status::Blocked);
        r.meetings = vec![year_ago];
        r.queued.push(QueuedTopic {
            id: Id::from("queue1"),
            mentor: "alex".into(),
            text: "How do I ask for a promotion?".into(),
            added: day("2027-01-02"),
        });
        r.goals = vec![
            goal("stale1", "2026-09-01", &[]),
            goal(
                "fell01",
                "2026-09-01",
                &[("2027-01-01", 4), ("2027-01-20", 2)],
            ),
        ];
        let mut decision = entry("dec001", "2026-06-01", Kind::Decision, "Took the lead");
        decision.input = Some("Go for it".into());
        r.entries = vec![
            decision,
            entry("adv001", "2026-12-01", Kind::Advice, "Escalate with a date"),
        ];
        let ranks: Vec<u8> = r.suggest().iter().map(|(_, rank)| *rank).collect();
        assert_eq!(ranks, [0, 2, 3, 4, 5, 6, 7]);
    }
}
