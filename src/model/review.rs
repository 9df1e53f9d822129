//! The review of a whole mentorship, at mid-term or when it closes: what the
//! mentee set out to do and how far they got, what they committed to and
//! kept, what the mentor's advice led to, and what went back the other way.
//! Unlike the summary, which covers the time since the last meeting, it
//! covers the whole term.

use crate::model::commitment::Commitment;
use crate::model::goal::{self, Goal, GoalView};
use crate::model::id::Id;
use crate::model::journal::{Entry, Kind};
use crate::model::meeting::{Meeting, Status};
use crate::model::mentor::Mentor;
use crate::model::progress::{self, Charts};
use crate::model::summary::AdviceOutcomes;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Review {
    /// The mentor's name.
    pub mentor: String,
    pub stage: Stage,
    /// First day of the term; `None` when nothing says when it began.
    pub since: Option<NaiveDate>,
    /// Last day reviewed: the end of the term, or today while it goes on.
    pub until: NaiveDate,
    /// When the term ends or ended, if that is set.
    pub term_ends: Option<NaiveDate>,
    /// Meetings held in the period.
    pub meetings: usize,
    /// Goals with this mentor, then goals with no mentor in particular, as
    /// they stood at the end of the period; done and dropped ones included.
    pub goals: Vec<GoalView>,
    pub commitments: Tally,
    /// The same commitments themselves, by what became of them.
    pub commitments_by_outcome: ByOutcome,
    /// Wins, oldest first (those meant for every mentor included when they
    /// were logged while the relationship was on).
    pub wins: Vec<Entry>,
    /// Every piece of advice from the period with its outcomes, oldest
    /// first; the outcomes are empty for advice not reported on yet.
    pub advice: Vec<AdviceOutcomes>,
    pub thanks: Vec<Entry>,
    /// Opportunities, articles and introductions shared with the mentor.
    pub given_back: Vec<Entry>,
}

impl Review {
    /// The pictures of the HTML page: its goals' ratings, and the
    /// commitments kept, per month of the term.
    pub fn charts(&self) -> Charts {
        let kept: Vec<NaiveDate> = self
            .commitments_by_outcome
            .kept
            .iter()
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
}

/// Halfway through the term, or at its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    MidTerm,
    Closing,
}

/// What became of the commitments made in the period, as they stood at its end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub made: usize,
    /// Done.
    pub kept: usize,
    pub dropped: usize,
    /// Open, in progress or blocked.
    pub open: usize,
    /// Kept as a share of those closed (kept or dropped), in whole percent;
    /// `None` when none is closed yet.
    pub kept_percent: Option<u32>,
}

impl Tally {
    pub fn of<'a>(commitments: impl IntoIterator<Item = &'a Commitment>) -> Tally {
        let mut tally = Tally::default();
        for c in commitments {
            tally.made += 1;
            match c.status {
                Status::Done => tally.kept += 1,
                Status::Dropped => tally.dropped += 1,
                _ => tally.open += 1,
            }
        }
        let closed = tally.kept + tally.dropped;
        // Rounded half up, in integers: 2 of 3 is 67.
        tally.kept_percent =
            (closed > 0).then(|| ((tally.kept * 200 + closed) / (closed * 2)) as u32);
        tally
    }
}

/// The commitments made in the period, grouped by what became of them at
/// its end; each group oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ByOutcome {
    /// Done.
    pub kept: Vec<Commitment>,
    pub dropped: Vec<Commitment>,
    /// Open, in progress or blocked.
    pub open: Vec<Commitment>,
}

impl ByOutcome {
    pub fn of(commitments: &[Commitment]) -> ByOutcome {
        let mut by = ByOutcome::default();
        for c in commitments {
            match c.status {
                Status::Done => by.kept.push(c.clone()),
                Status::Dropped => by.dropped.push(c.clone()),
                _ => by.open.push(c.clone()),
            }
        }
        for list in [&mut by.kept, &mut by.dropped, &mut by.open] {
            list.sort_by_key(|c| c.created);
        }
        by
    }
}

/// What a review is built from: every record about the mentor, up to today.
pub struct Sources<'a> {
    pub mentor: &'a Mentor,
    pub meetings: &'a [Meeting],
    pub commitments: &'a [Commitment],
    pub entries: &'a [Entry],
    pub goals: &'a [Goal],
}

/// The period a review covers: from the start of the term (the mentor's
/// `since`, else the first record with them) to its end, or to `today`
/// while it goes on.
pub fn period(
    mentor: &Mentor,
    first_record: Option<NaiveDate>,
    today: NaiveDate,
) -> (Option<NaiveDate>, NaiveDate) {
    let until = mentor.until.map_or(today, |end| end.min(today));
    (mentor.since.or(first_record), until)
}

pub fn build(
    sources: &Sources<'_>,
    stage: Stage,
    since: Option<NaiveDate>,
    until: NaiveDate,
) -> Review {
    let slug = sources.mentor.slug.as_str();
    let in_period = |date: NaiveDate| since.is_none_or(|d| date >= d) && date <= until;
    let meetings = sources
        .meetings
        .iter()
        .filter(|m| m.held && m.mentor == slug && m.date.is_some_and(in_period))
        .count();
    let made: Vec<Commitment> = sources
        .commitments
        .iter()
        .filter(|c| c.mentor == slug && in_period(c.created))
        .map(|c| {
            let mut then = c.as_of(until);
            if then.status.is_open() {
                then.carried = then.carried_as_of(sources.meetings, until);
            }
            then
        })
        .collect();
    // Entries and goals meant for every mentor concern this one when they
    // were logged, set or rated while the relationship was on.
    let on = |day: NaiveDate| in_period(day) && sources.mentor.is_active(day);
    let linked: Vec<Id> = sources
        .commitments
        .iter()
        .filter(|c| c.mentor == slug && c.created <= until)
        .filter_map(|c| c.goal.clone())
        .chain(
            sources
                .entries
                .iter()
                .filter(|e| e.mentor.as_deref() == Some(slug) && e.date <= until)
                .filter_map(|e| e.goal.clone()),
        )
        .collect();
    // A closing thank-you or give-back often comes after the last day.
    let closing_words = |date: NaiveDate| {
        in_period(date) || (stage == Stage::Closing && since.is_none_or(|d| date >= d))
    };
    let entries = |kind: Kind, for_everyone: bool| -> Vec<Entry> {
        let when: &dyn Fn(NaiveDate) -> bool = match kind {
            Kind::Thanks | Kind::Giveback => &closing_words,
            _ => &in_period,
        };
        sources
            .entries
            .iter()
            .filter(|e| e.kind == kind && when(e.date))
            .filter(|e| match e.mentor.as_deref() {
                Some(mentor) => mentor == slug,
                None => for_everyone && on(e.date),
            })
            .cloned()
            .collect()
    };
    let advice = entries(Kind::Advice, false)
        .into_iter()
        .map(|advice| AdviceOutcomes {
            outcomes: sources
                .entries
                .iter()
                .filter(|e| e.kind == Kind::Outcome && e.about.as_ref() == Some(&advice.id))
                .cloned()
                .collect(),
            advice: Some(advice),
        })
        .collect();
    Review {
        mentor: sources.mentor.name.clone(),
        stage,
        since,
        until,
        term_ends: sources.mentor.until,
        meetings,
        goals: goals(sources.goals, slug, until, on, &linked),
        commitments: Tally::of(&made),
        commitments_by_outcome: ByOutcome::of(&made),
        wins: entries(Kind::Win, true),
        advice,
        thanks: entries(Kind::Thanks, false),
        given_back: entries(Kind::Giveback, false),
    }
}

/// Goals with this mentor first, then those with no mentor that concern
/// them (see [`Goal::concerns`]), each group in listing order; goals set
/// after the period are left out, and so are ratings given after it.
fn goals(
    goals: &[Goal],
    slug: &str,
    until: NaiveDate,
    on: impl Fn(NaiveDate) -> bool,
    linked: &[Id],
) -> Vec<GoalView> {
    let group = |mine: bool| {
        let mut list: Vec<GoalView> = goals
            .iter()
            .filter(|g| g.created <= until && g.mentor.is_some() == mine)
            .filter(|g| g.concerns(slug, &on, linked))
            .map(|g| g.view(until))
            .collect();
        goal::sort_for_listing(&mut list);
        list
    };
    let mut list = group(true);
    list.extend(group(false));
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::commitment;
    use crate::model::goal::Rating;
    use crate::model::id::Id;
    use crate::model::meeting::Action;
    use crate::model::mentor::Role;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn mentor(since: Option<&str>, until: Option<&str>) -> Mentor {
        Mentor {
            name: "Alex Kim".into(),
            slug: "alex".into(),
            role: Role::Mentor,
            email: None,
            every: None,
            since: since.map(day),
            until: until.map(day),
            silence: Vec::new(),
            paused_until: None,
        }
    }

    fn entry(id: &str, date: &str, kind: Kind, mentor: Option<&str>) -> Entry {
        Entry::new(
            Id::from(id),
            day(date),
            kind,
            mentor.map(str::to_string),
            id.to_string(),
        )
    }

    #[track_caller]
    fn tally(statuses: &[Status], expected: (usize, usize, usize, usize, Option<u32>)) {
        let meeting = Meeting::planned(Id::from("meet01"), "alex", Some(day("2026-09-01")), vec![]);
        let mut held = meeting;
        held.held = true;
        held.actions = statuses
            .iter()
            .enumerate()
            .map(|(i, status)| {
                let mut a = Action::new(
                    Id::from(format!("act{i:03}").as_str()),
                    "x".into(),
                    day("2026-09-01"),
                    None,
                );
                if *status != Status::Open {
                    a.set_status(*status, day("2026-09-02"), None);
                }
                a
            })
            .collect();
        let all = commitment::all(&[held], &[], day("2026-12-01"));
        let t = Tally::of(&all);
        assert_eq!(
            (t.made, t.kept, t.dropped, t.open, t.kept_percent),
            expected
        );
    }

    #[test]
    fn the_tally_counts_kept_as_a_share_of_those_closed() {
        use Status::*;
        tally(&[], (0, 0, 0, 0, None));
        tally(&[Open, InProgress, Blocked], (3, 0, 0, 3, None));
        tally(&[Done], (1, 1, 0, 0, Some(100)));
        tally(&[Dropped], (1, 0, 1, 0, Some(0)));
        tally(&[Done, Done, Dropped, Open], (4, 2, 1, 1, Some(67)));
        tally(&[Done, Dropped, Dropped], (3, 1, 2, 0, Some(33)));
        tally(&[Done, Dropped], (2, 1, 1, 0, Some(50)));
    }

    #[test]
    fn the_period_is_the_term_up_to_today() {
        let today = day("2026-11-22");
        let first = Some(day("2026-08-25"));
        assert_eq!(
            period(&mentor(Some("2026-08-24"), None), first, today),
            (Some(day("2026-08-24")), today)
        );
        assert_eq!(
            period(&mentor(None, Some("2026-09-30")), first, today),
            (first, day("2026-09-30"))
        );
        // A term that ends later is reviewed up to today.
        assert_eq!(
            period(&mentor(None, Some("2027-02-28")), None, today),
            (None, today)
        );
    }

    #[test]
    fn the_review_covers_the_term_and_only_this_mentor() {
        let alex = mentor(Some("2026-09-01"), Some("2026-11-30"));
        let mut meetings = Vec::new();
        for (id, date, who) in [
            ("meet00", "2026-08-20", "alex"),
            ("meet01", "2026-09-08", "alex"),
            ("meet02", "2026-10-08", "alex"),
            ("meet03", "2026-10-09", "priya"),
        ] {
            let mut m = Meeting::planned(Id::from(id), who, Some(day(date)), vec![]);
            m.held = true;
            meetings.push(m);
        }
        meetings.push(Meeting::planned(
            Id::from("next01"),
            "alex",
            Some(day("2026-11-20")),
            vec![],
        ));
        let mut kept = Action::new(Id::from("kept01"), "k".into(), day("2026-09-08"), None);
        kept.set_status(Status::Done, day("2026-09-20"), None);
        // Closed after the period: still open at its end.
        let mut late = Action::new(Id::from("late01"), "l".into(), day("2026-10-08"), None);
        late.set_status(Status::Done, day("2026-12-05"), None);
        meetings[1].actions = vec![kept];
        meetings[2].actions = vec![late];
        let commitments = commitment::all(&meetings, &[], day("2026-12-10"));
        let mut outcome = entry("out001", "2026-12-02", Kind::Outcome, Some("alex"));
        outcome.about = Some(Id::from("adv001"));
        let entries = vec![
            entry("win000", "2026-08-30", Kind::Win, Some("alex")),
            entry("win001", "2026-09-10", Kind::Win, None),
            entry("win002", "2026-09-11", Kind::Win, Some("priya")),
            entry("adv001", "2026-09-08", Kind::Advice, Some("alex")),
            entry("adv002", "2026-10-08", Kind::Advice, Some("alex")),
            entry("adv003", "2026-10-09", Kind::Advice, Some("priya")),
            outcome,
            entry("thx001", "2026-09-21", Kind::Thanks, Some("alex")),
            entry("thx002", "2026-09-21", Kind::Thanks, None),
            entry("gb0001", "2026-10-01", Kind::Giveback, Some("alex")),
            entry("gb0002", "2026-12-01", Kind::Giveback, Some("alex")),
        ];
        let rating = |on: &str, score| Rating {
            on: day(on),
            score,
            note: None,
        };
        let mut shared = Goal::new(
            Id::from("goal01"),
            "Speak at a meetup".into(),
            day("2026-08-01"),
            day("2027-01-31"),
        );
        shared.ratings = vec![rating("2026-09-01", 1)];
        let mut mine = Goal::new(
            Id::from("goal02"),
            "Lead a design".into(),
            day("2026-09-08"),
            day("2026-12-31"),
        );
        mine.mentor = Some("alex".into());
        mine.ratings = vec![
            rating("2026-09-08", 2),
            rating("2026-10-08", 3),
            rating("2026-11-20", 4),
            rating("2026-12-05", 5),
        ];
        let mut other = mine.clone();
        other.id = Id::from("goal03");
        other.mentor = Some("priya".into());
        let later = Goal::new(
            Id::from("goal04"),
            "Later".into(),
            day("2026-12-02"),
            day("2027-06-30"),
        );
        let goals = vec![shared, mine, other, later];
        let sources = Sources {
            mentor: &alex,
            meetings: &meetings,
            commitments: &commitments,
            entries: &entries,
            goals: &goals,
        };
        let (since, until) = period(&alex, None, day("2026-12-10"));
        let review = build(&sources, Stage::Closing, since, until);
        let ids = |list: &[Entry]| list.iter().map(|e| e.id.to_string()).collect::<Vec<_>>();
        assert_eq!(review.meetings, 2);
        assert_eq!(review.term_ends, Some(day("2026-11-30")));
        assert_eq!((review.commitments.made, review.commitments.kept), (2, 1));
        assert_eq!(review.commitments.open, 1);
        assert_eq!(ids(&review.wins), ["win001"]);
        assert_eq!(ids(&review.thanks), ["thx001"]);
        // Sent after the last day: part of the closing words.
        assert_eq!(ids(&review.given_back), ["gb0001", "gb0002"]);
        let advice: Vec<(String, Vec<String>)> = review
            .advice
            .iter()
            .map(|a| {
                (
                    a.advice
                        .as_ref()
                        .map(|e| e.id.to_string())
                        .unwrap_or_default(),
                    ids(&a.outcomes),
                )
            })
            .collect();
        assert_eq!(
            advice,
            [
                ("adv001".to_string(), vec!["out001".to_string()]),
                ("adv002".to_string(), vec![])
            ]
        );
        let goals: Vec<(&str, Option<u8>, Option<u8>, usize)> = review
            .goals
            .iter()
            .map(|g| {
                (
                    g.id.as_str(),
                    g.ratings.first().map(|r| r.score),
                    g.latest.as_ref().map(|r| r.score),
                    g.ratings.len(),
                )
            })
            .collect();
        assert_eq!(
            goals,
            [
                ("goal02", Some(2), Some(4), 3),
                ("goal01", Some(1), Some(1), 1)
            ]
        );
    }
}
