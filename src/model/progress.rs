//! What the charts of an HTML page show: each goal's ratings over time and
//! how many commitments were kept each month. Brag, review and summary
//! each pick their goals and commitments; the counting rules live here.

use crate::model::commitment::Commitment;
use crate::model::goal::Rating;
use crate::model::id::Id;
use crate::model::meeting::Status;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// The pictures of one page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Charts {
    /// One small line chart each: goals rated at least twice (one point
    /// makes no line).
    pub goals: Vec<GoalLine>,
    /// One bar a month, empty months included; empty when the period is
    /// shorter than two months or nothing was kept in it.
    pub kept_per_month: Vec<MonthCount>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalLine {
    pub id: Id,
    pub text: String,
    /// Oldest first.
    pub ratings: Vec<Rating>,
}

/// Commitments kept in one calendar month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    pub kept: usize,
}

/// The day a commitment was kept: the last report that marked it done,
/// while it is still done.
pub fn kept_on(c: &Commitment) -> Option<NaiveDate> {
    if c.status != Status::Done {
        return None;
    }
    c.history
        .iter()
        .rev()
        .find(|change| change.status == Status::Done)
        .map(|change| change.on)
}

/// The months from `since` to `until`, each with how many of `days` fall in
/// it (days outside the period are not counted).
pub fn per_month(days: &[NaiveDate], since: NaiveDate, until: NaiveDate) -> Vec<MonthCount> {
    let mut months = Vec::new();
    let mut month = since.with_day(1).unwrap_or(since);
    while month <= until {
        let count = days
            .iter()
            .filter(|day| **day >= since && **day <= until)
            .filter(|day| day.year() == month.year() && day.month() == month.month())
            .count();
        months.push(MonthCount {
            month: month.format("%Y-%m").to_string(),
            kept: count,
        });
        month = match month.checked_add_months(chrono::Months::new(1)) {
            Some(next) => next,
            None => break,
        };
    }
    months
}

/// The charts, where they help: a line for each goal rated at least twice,
/// and bars for the commitments kept per month when the period spans two
/// months or more and something was kept.
pub fn charts<'a>(
    goals: impl IntoIterator<Item = (&'a Id, &'a str, &'a [Rating])>,
    kept: &[NaiveDate],
    since: Option<NaiveDate>,
    until: NaiveDate,
) -> Charts {
    let goals = goals
        .into_iter()
        .filter(|(_, _, ratings)| ratings.len() >= 2)
        .map(|(id, text, ratings)| GoalLine {
            id: id.clone(),
            text: text.to_string(),
            ratings: ratings.to_vec(),
        })
        .collect();
    // Without a start, the period starts with the first commitment kept.
    let since = since.or_else(|| kept.iter().min().copied());
    let months = match since {
        Some(since) if since <= until => per_month(kept, since, until),
        _ => Vec::new(),
    };
    let helps = months.len() >= 2 && months.iter().any(|m| m.kept > 0);
    Charts {
        goals,
        kept_per_month: if helps { months } else { Vec::new() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn rating(on: &str, score: u8) -> Rating {
        Rating {
            on: day(on),
            score,
            note: None,
        }
    }

    #[test]
    fn every_month_of_the_period_gets_a_bar_empty_ones_too() {
        let kept = [day("2026-11-03"), day("2026-11-30"), day("2027-01-10")];
        let months = per_month(&kept, day("2026-11-02"), day("2027-01-28"));
        let counts: Vec<(&str, usize)> =
            months.iter().map(|m| (m.month.as_str(), m.kept)).collect();
        assert_eq!(counts, vec![("2026-11", 2), ("2026-12", 0), ("2027-01", 1)]);
    }

    #[test]
    fn days_outside_the_period_are_not_counted() {
        let kept = [day("2026-11-01"), day("2026-11-02"), day("2026-12-01")];
        let months = per_month(&kept, day("2026-11-02"), day("2026-11-30"));
        assert_eq!(months.len(), 1);
        assert_eq!(months[0].kept, 1);
    }

    #[test]
    fn charts_show_only_where_they_help() {
        let id = Id::from("goal01");
        let once = [rating("2026-11-01", 2)];
        let twice = [rating("2026-11-01", 2), rating("2026-12-01", 4)];
        // A goal rated once makes no line; one month makes no bar chart.
        let c = charts(
            [(&id, "Once", &once[..]), (&id, "Twice", &twice[..])],
            &[day("2026-11-05")],
            Some(day("2026-11-01")),
            day("2026-11-20"),
        );
        assert_eq!(c.goals.len(), 1);
        assert_eq!(c.goals[0].text, "Twice");
        assert!(c.kept_per_month.is_empty());
        // Two months with something kept: bars, from the first kept when
        // the period has no start.
        let c = charts([], &[day("2026-11-05")], None, day("2026-12-20"));
        assert_eq!(c.kept_per_month.len(), 2);
        // Nothing kept: no bars.
        let c = charts([], &[], Some(day("2026-01-01")), day("2026-12-20"));
        assert!(c.kept_per_month.is_empty());
    }
}
