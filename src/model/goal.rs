//! Goals with a measurable target and a date, re-rated over time.

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
    pub score: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
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
}
