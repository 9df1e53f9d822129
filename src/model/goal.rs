//! Goals with a measurable target and a date, re-rated over time.

use crate::model::correction::Correction;
use crate::model::dates::toml_date;
use crate::model::id::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub id: Id,
    pub text: String,
    /// The mentor helping with it, if one is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentor: Option<String>,
    /// How you will know it is reached ("two services designed end to end").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    #[serde(deserialize_with = "toml_date::deserialize")]
    pub created: NaiveDate,
    /// The date to reach it by.
    #[serde(deserialize_with = "toml_date::deserialize")]
    pub by: NaiveDate,
    pub status: GoalStatus,
    /// How it is going, 1 to 5, oldest first.
    #[serde(default, rename = "rating", skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<Rating>,
    /// Fixes to its text, date or measure (see `model::correction`).
    #[serde(default, rename = "correction", skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GoalStatus {
    Active,
    Done,
    Dropped,
}

impl GoalStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            GoalStatus::Active => "active",
            GoalStatus::Done => "done",
            GoalStatus::Dropped => "dropped",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    #[serde(deserialize_with = "toml_date::deserialize")]
    pub on: NaiveDate,
    /// 1 (far off) to 5 (there).
    #[serde(deserialize_with = "score")]
    pub score: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A score as written in a file or an export: one of [`SCORES`], so that a
/// hand edit cannot show a goal as 9/5.
pub fn score<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    let score = i64::deserialize(d)?;
    u8::try_from(score)
        .ok()
        .filter(|score| SCORES.contains(score))
        .ok_or_else(|| {
            serde::de::Error::custom(format!(
                "a rating is a whole number from 1 to 5, not {score}"
            ))
        })
}

/// Which way the ratings are going.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    Up,
    Down,
    Flat,
}

impl Goal {
    pub fn new(id: Id, text: String, created: NaiveDate, by: NaiveDate) -> Goal {
        Goal {
            id,
            text,
            mentor: None,
            measure: None,
            created,
            by,
            status: GoalStatus::Active,
            ratings: Vec::new(),
            corrections: Vec::new(),
        }
    }

    pub fn latest(&self) -> Option<&Rating> {
        self.ratings.last()
    }

    /// The latest rating against the one before it; `None` with fewer than two.
    pub fn trend(&self) -> Option<Trend> {
        let [.., before, last] = self.ratings.as_slice() else {
            return None;
        };
        Some(match last.score.cmp(&before.score) {
            std::cmp::Ordering::Greater => Trend::Up,
            std::cmp::Ordering::Less => Trend::Down,
            std::cmp::Ordering::Equal => Trend::Flat,
        })
    }
}

/// The lowest and highest rating: 1 is far off, 5 is there.
pub const SCORES: std::ops::RangeInclusive<u8> = 1..=5;

/// A rating typed by the user: a whole number from 1 to 5.
pub fn parse_score(text: &str) -> Option<u8> {
    text.trim()
        .parse()
        .ok()
        .filter(|score| SCORES.contains(score))
}

/// What [`Goal::rate`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rated {
    /// A new rating was added.
    Added,
    /// A rating given earlier the same day was replaced: a correction, not
    /// a change of trend.
    Replaced,
}

impl Goal {
    /// Records how it is going today. A second rating on one day replaces
    /// the first, so fixing a typo does not make a trend.
    pub fn rate(&mut self, on: NaiveDate, score: u8, note: Option<String>) -> Rated {
        let rating = Rating { on, score, note };
        match self.ratings.last_mut() {
            Some(last) if last.on == on => {
                *last = rating;
                Rated::Replaced
            }
            _ => {
                self.ratings.push(rating);
                Rated::Added
            }
        }
    }

    /// Is it a goal to show with this mentor? Goals with no mentor are shown
    /// with every mentor.
    pub fn is_for(&self, slug: &str) -> bool {
        self.mentor.as_deref().is_none_or(|mentor| mentor == slug)
    }

    /// Does the goal concern the mentor `slug`, for their summary and
    /// review? Their own goals do, and no other mentor's. A goal for every
    /// mentor does when it was set or rated on a day the relationship was on
    /// (`on`), or when something with that mentor serves it (`linked`: the
    /// goals named by commitments to them or entries for them). One set
    /// before the relationship began and left untouched while it went on
    /// was never theirs to hear about.
    pub fn concerns(&self, slug: &str, on: impl Fn(NaiveDate) -> bool, linked: &[Id]) -> bool {
        match self.mentor.as_deref() {
            Some(mentor) => mentor == slug,
            None => {
                linked.contains(&self.id)
                    || on(self.created)
                    || self.ratings.iter().any(|r| on(r.on))
            }
        }
    }

    /// The goal as it stood at the end of `day`: later ratings are left out.
    pub fn view(&self, day: NaiveDate) -> GoalView {
        let mut then = self.clone();
        then.ratings.retain(|rating| rating.on <= day);
        GoalView {
            overdue: then.status == GoalStatus::Active && then.by < day,
            latest: then.latest().cloned(),
            trend: then.trend(),
            id: then.id,
            text: then.text,
            mentor: then.mentor,
            measure: then.measure,
            created: then.created,
            by: then.by,
            status: then.status,
            ratings: then.ratings,
        }
    }
}

/// A goal as the listings and the summary show it, on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoalView {
    pub id: Id,
    pub text: String,
    /// The mentor's slug; `None` for a goal shown with every mentor.
    pub mentor: Option<String>,
    pub measure: Option<String>,
    pub created: NaiveDate,
    pub by: NaiveDate,
    pub status: GoalStatus,
    /// Still active and its date has passed.
    pub overdue: bool,
    pub latest: Option<Rating>,
    pub trend: Option<Trend>,
    /// Oldest first.
    pub ratings: Vec<Rating>,
}

impl GoalView {
    /// The score before the latest one, for "up from 2".
    pub fn previous_score(&self) -> Option<u8> {
        let [.., before, _] = self.ratings.as_slice() else {
            return None;
        };
        Some(before.score)
    }
}

/// Where a goal stands, as the Rating column of `goal list` says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Marked done: reached, whatever its last rating said.
    Reached,
    /// Dropped, with the last rating it had.
    Dropped { last: Option<u8> },
    /// Active and not rated yet.
    NotRated,
    /// Active: the latest score, and the one before it with the trend.
    Rated {
        score: u8,
        before: Option<u8>,
        trend: Option<Trend>,
    },
}

impl GoalView {
    /// A closed goal stands where it was closed: a done one is reached
    /// even when its last rating was 4/5 twice.
    pub fn standing(&self) -> Standing {
        match (self.status, &self.latest) {
            (GoalStatus::Done, _) => Standing::Reached,
            (GoalStatus::Dropped, latest) => Standing::Dropped {
                last: latest.as_ref().map(|r| r.score),
            },
            (GoalStatus::Active, None) => Standing::NotRated,
            (GoalStatus::Active, Some(latest)) => Standing::Rated {
                score: latest.score,
                before: self.previous_score(),
                trend: self.trend,
            },
        }
    }
}

/// Active goals first, then done, then dropped; each by its date, then
/// oldest first.
pub fn sort_for_listing(list: &mut [GoalView]) {
    let rank = |status: GoalStatus| match status {
        GoalStatus::Active => 0,
        GoalStatus::Done => 1,
        GoalStatus::Dropped => 2,
    };
    list.sort_by_key(|g| (rank(g.status), g.by, g.created));
}

/// The goals a summary for `slug` shows: the active ones that concern the
/// mentor (see [`Goal::concerns`]; `on` is whether the relationship was on,
/// up to the end of the summary), as they stood on `until`, soonest date
/// first.
pub fn for_summary(
    goals: &[Goal],
    slug: &str,
    until: NaiveDate,
    on: impl Fn(NaiveDate) -> bool,
    linked: &[Id],
) -> Vec<GoalView> {
    let mut list: Vec<GoalView> = goals
        .iter()
        .filter(|g| g.status == GoalStatus::Active && g.created <= until)
        .filter(|g| g.concerns(slug, |day| day <= until && on(day), linked))
        .map(|g| g.view(until))
        .collect();
    sort_for_listing(&mut list);
    list
}

/// The text of the journal entry that tells the mentor a goal was closed.
pub fn closing_text(goal: &Goal, status: GoalStatus, note: Option<&str>) -> String {
    let verb = match status {
        GoalStatus::Done => "Reached",
        GoalStatus::Dropped => "Dropped",
        GoalStatus::Active => "Reopened",
    };
    let mut text = format!("{verb} my goal \"{}\"", goal.text.trim());
    match note.map(str::trim).filter(|n| !n.is_empty()) {
        Some(note) => {
            text.push_str(": ");
            text.push_str(note);
        }
        None => text.push('.'),
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trend_compares_the_last_two_ratings() {
        let day: NaiveDate = "2026-11-22".parse().expect("date");
        let mut goal = Goal::new(Id::from("goal01"), "Lead a design".into(), day, day);
        assert_eq!(goal.trend(), None);
        for (score, trend) in [
            (2, None),
            (3, Some(Trend::Up)),
            (3, Some(Trend::Flat)),
            (1, Some(Trend::Down)),
        ] {
            goal.ratings.push(Rating {
                on: day,
                score,
                note: None,
            });
            assert_eq!(goal.trend(), trend);
        }
        assert_eq!(goal.latest().map(|r| r.score), Some(1));
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn goal(id: &str, mentor: Option<&str>, by: &str) -> Goal {
        let mut goal = Goal::new(Id::from(id), id.into(), day("2026-09-01"), day(by));
        goal.mentor = mentor.map(str::to_string);
        goal
    }

    #[track_caller]
    fn score(text: &str, expected: Option<u8>) {
        assert_eq!(parse_score(text), expected, "{text:?}");
    }

    #[test]
    fn scores_are_whole_numbers_from_one_to_five() {
        score("1", Some(1));
        score(" 5 ", Some(5));
        score("0", None);
        score("6", None);
        score("-1", None);
        score("3.5", None);
        score("three", None);
        score("", None);
    }

    #[test]
    fn a_second_rating_on_one_day_replaces_the_first() {
        let mut g = goal("goal01", None, "2027-03-31");
        assert_eq!(g.rate(day("2026-10-01"), 2, None), Rated::Added);
        assert_eq!(g.rate(day("2026-11-01"), 4, None), Rated::Added);
        assert_eq!(
            g.rate(day("2026-11-01"), 3, Some("typo".into())),
            Rated::Replaced
        );
        let scores: Vec<u8> = g.ratings.iter().map(|r| r.score).collect();
        assert_eq!(scores, vec![2, 3]);
        assert_eq!(g.trend(), Some(Trend::Up));
        assert_eq!(g.latest().and_then(|r| r.note.as_deref()), Some("typo"));
    }

    #[test]
    fn a_view_is_the_goal_as_it_stood_that_day() {
        let mut g = goal("goal01", Some("alex"), "2026-12-31");
        g.rate(day("2026-10-01"), 2, None);
        g.rate(day("2026-11-01"), 4, None);
        g.rate(day("2026-12-01"), 3, None);
        let then = g.view(day("2026-11-15"));
        assert_eq!(then.latest.as_ref().map(|r| r.score), Some(4));
        assert_eq!(then.trend, Some(Trend::Up));
        assert_eq!(then.previous_score(), Some(2));
        assert!(!then.overdue);
        let now = g.view(day("2027-01-05"));
        assert_eq!(
            (now.trend, now.previous_score()),
            (Some(Trend::Down), Some(4))
        );
        assert!(now.overdue);
        g.status = GoalStatus::Done;
        assert!(
            !g.view(day("2027-01-05")).overdue,
            "a done goal is never late"
        );
    }

    #[test]
    fn the_summary_shows_active_goals_of_the_mentor_or_of_nobody() {
        let mut done = goal("done01", Some("alex"), "2026-12-01");
        done.status = GoalStatus::Done;
        let mut future = goal("late01", Some("alex"), "2026-12-01");
        future.created = day("2026-12-01");
        let goals = vec![
            goal("alex02", Some("alex"), "2027-06-30"),
            goal("mine01", None, "2027-01-31"),
            goal("priya1", Some("priya"), "2027-01-31"),
            done,
            future,
        ];
        let ids: Vec<String> = for_summary(&goals, "alex", day("2026-11-22"), |_| true, &[])
            .iter()
            .map(|g| g.id.to_string())
            .collect();
        assert_eq!(ids, vec!["mine01", "alex02"]);
    }

    #[test]
    fn a_goal_for_everyone_concerns_a_mentor_it_was_shared_with() {
        // The coach's relationship ran from 2026-10-01.
        let on = |d: NaiveDate| d >= day("2026-10-01");
        let mut old = goal("old001", None, "2027-01-31");
        assert!(!old.concerns("coach", on, &[]), "set before, never touched");
        assert!(old.concerns("coach", on, &[Id::from("old001")]), "linked");
        old.rate(day("2026-09-15"), 2, None);
        assert!(!old.concerns("coach", on, &[]), "rated before only");
        old.rate(day("2026-10-15"), 3, None);
        assert!(old.concerns("coach", on, &[]), "rated while on");
        let mut new = goal("new001", None, "2027-01-31");
        new.created = day("2026-10-02");
        assert!(new.concerns("coach", on, &[]), "set while on");
        // A mentor's own goal concerns that mentor only.
        let alex = goal("alex01", Some("alex"), "2027-01-31");
        assert!(alex.concerns("alex", |_| false, &[]));
        assert!(!alex.concerns("coach", |_| true, &[Id::from("alex01")]));
    }

    #[test]
    fn a_closed_goal_stands_where_it_was_closed() {
        let mut g = goal("goal01", None, "2027-03-31");
        let at = day("2026-12-01");
        assert_eq!(g.view(at).standing(), Standing::NotRated);
        g.rate(day("2026-10-01"), 4, None);
        g.rate(day("2026-11-01"), 4, None);
        assert_eq!(
            g.view(at).standing(),
            Standing::Rated {
                score: 4,
                before: Some(4),
                trend: Some(Trend::Flat)
            }
        );
        g.status = GoalStatus::Done;
        assert_eq!(g.view(at).standing(), Standing::Reached);
        g.status = GoalStatus::Dropped;
        assert_eq!(g.view(at).standing(), Standing::Dropped { last: Some(4) });
    }

    #[test]
    fn listing_puts_active_goals_first_then_by_date() {
        let mut dropped = goal("drop01", None, "2026-10-01");
        dropped.status = GoalStatus::Dropped;
        let mut done = goal("done01", None, "2026-10-01");
        done.status = GoalStatus::Done;
        let mut list: Vec<GoalView> = [
            dropped,
            done,
            goal("late01", None, "2027-06-30"),
            goal("soon01", None, "2026-12-31"),
        ]
        .iter()
        .map(|g| g.view(day("2026-11-22")))
        .collect();
        sort_for_listing(&mut list);
        let ids: Vec<&str> = list.iter().map(|g| g.id.as_str()).collect();
        assert_eq!(ids, vec!["soon01", "late01", "done01", "drop01"]);
    }

    #[test]
    fn closing_a_goal_tells_which_one() {
        let g = goal("goal01", None, "2027-03-31");
        assert_eq!(
            closing_text(&g, GoalStatus::Done, Some(" Shipped in March ")),
            "Reached my goal \"goal01\": Shipped in March"
        );
        assert_eq!(
            closing_text(&g, GoalStatus::Dropped, None),
            "Dropped my goal \"goal01\"."
        );
    }
}
