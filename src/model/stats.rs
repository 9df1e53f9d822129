//! The numbers behind the practice, for `mentee stats`: how many meetings
//! were held and prepared, how commitments were kept, how soon they were
//! reported on, and how many were kept each month of the last year.

use crate::model::commitment::Commitment;
use crate::model::meeting::{Meeting, Status};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// Months in the chart of commitments kept, this month included.
pub const MONTHS: usize = 12;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// The mentor's slug, or `None` for every mentor together.
    pub mentor: Option<String>,
    /// Meetings held up to today.
    pub meetings_held: usize,
    /// Held meetings that had at least one topic prepared.
    pub meetings_with_agenda: usize,
    pub commitments: Kept,
    /// Average days from making a commitment to its first report, to one
    /// decimal; `None` before any report.
    pub average_days_to_report: Option<f64>,
    /// Commitments done in each of the last [`MONTHS`] months, oldest first,
    /// from the month of the first record on.
    pub kept_per_month: Vec<Month>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Kept {
    pub made: usize,
    pub open: usize,
    pub done: usize,
    pub dropped: usize,
    /// Done or dropped, with a due date (and a known day it was closed).
    pub closed_with_due_date: usize,
    /// Of those, done on or before the due date.
    pub done_on_time: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Month {
    /// `YYYY-MM`.
    pub month: String,
    pub done: usize,
}

/// The day a closed commitment was closed: its last change, when that
/// change is what it is now. A status typed into a file by hand has none.
fn closed_on(c: &Commitment) -> Option<NaiveDate> {
    c.history
        .last()
        .filter(|change| change.status == c.status && !c.status.is_open())
        .map(|change| change.on)
}

/// `(year, month)` of `today` and the [`MONTHS`]` - 1` before it, oldest
/// first; none before the month of `first` (the first record), so a new
/// journal's chart does not open with months that had nothing to record.
fn last_months(today: NaiveDate, first: Option<NaiveDate>) -> Vec<(i32, u32)> {
    let index = today.year() * 12 + today.month0() as i32;
    let since = first.map_or(index, |first| first.year() * 12 + first.month0() as i32);
    let back = (index - since).clamp(0, MONTHS as i32 - 1);
    (0..=back)
        .rev()
        .map(|back| {
            let i = index - back;
            (i.div_euclid(12), i.rem_euclid(12) as u32 + 1)
        })
        .collect()
}

/// The stats of these meetings and commitments (already limited to one
/// mentor, or not).
pub fn build(
    mentor: Option<&str>,
    meetings: &[Meeting],
    commitments: &[Commitment],
    today: NaiveDate,
) -> Stats {
    let held: Vec<&Meeting> = meetings
        .iter()
        .filter(|m| m.held && m.date.is_some_and(|d| d <= today))
        .collect();
    let mut kept = Kept {
        made: commitments.len(),
        ..Kept::default()
    };
    let mut report_days: Vec<i64> = Vec::new();
    let first = held
        .iter()
        .filter_map(|m| m.date)
        .chain(commitments.iter().map(|c| c.created))
        .min();
    let months = last_months(today, first);
    let mut per_month = vec![0usize; months.len()];
    for c in commitments {
        match c.status {
            Status::Done => kept.done += 1,
            Status::Dropped => kept.dropped += 1,
            _ => kept.open += 1,
        }
        if let (Some(due), Some(closed)) = (c.due, closed_on(c)) {
            kept.closed_with_due_date += 1;
            if c.status == Status::Done && closed <= due {
                kept.done_on_time += 1;
            }
        }
        if let Some(first) = c.history.first() {
            report_days.push((first.on - c.created).num_days().max(0));
        }
        if let Some(closed) = closed_on(c).filter(|_| c.status == Status::Done)
            && let Some(i) = months
                .iter()
                .position(|&(y, m)| closed.year() == y && closed.month() == m)
        {
            per_month[i] += 1;
        }
    }
    let average_days_to_report = (!report_days.is_empty()).then(|| {
        let total: i64 = report_days.iter().sum();
        (total as f64 / report_days.len() as f64 * 10.0).round() / 10.0
    });
    Stats {
        mentor: mentor.map(str::to_string),
        meetings_held: held.len(),
        meetings_with_agenda: held.iter().filter(|m| !m.topics.is_empty()).count(),
        commitments: kept,
        average_days_to_report,
        kept_per_month: months
            .iter()
            .zip(per_month)
            .map(|(&(y, m), done)| Month {
                month: format!("{y:04}-{m:02}"),
                done,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::commitment;
    use crate::model::id::Id;
    use crate::model::meeting::Action;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn the_last_twelve_months_wrap_around_the_year() {
        let months = last_months(day("2026-03-15"), Some(day("2024-01-01")));
        assert_eq!(months.len(), 12);
        assert_eq!(months[0], (2025, 4));
        assert_eq!(months[9], (2026, 1));
        assert_eq!(months[11], (2026, 3));
    }

    #[test]
    fn the_chart_starts_at_the_first_records_month() {
        let today = day("2027-01-28");
        assert_eq!(
            last_months(today, Some(day("2026-11-10"))),
            [(2026, 11), (2026, 12), (2027, 1)]
        );
        // Nothing recorded yet: this month only.
        assert_eq!(last_months(today, None), [(2027, 1)]);
        assert_eq!(last_months(today, Some(today)), [(2027, 1)]);
    }

    #[test]
    fn commitments_kept_on_time_at_all_and_per_month() {
        let action = |id: &str, created: &str, due: Option<&str>| {
            Action::new(Id::from(id), id.into(), day(created), due.map(day))
        };
        let mut on_time = action("aaaaaa", "2026-10-01", Some("2026-10-10"));
        on_time.set_status(Status::InProgress, day("2026-10-03"), None);
        on_time.set_status(Status::Done, day("2026-10-09"), None);
        let mut late = action("bbbbbb", "2026-10-01", Some("2026-10-05"));
        late.set_status(Status::Done, day("2026-11-02"), None);
        let mut dropped = action("cccccc", "2026-10-01", Some("2026-10-05"));
        dropped.set_status(Status::Dropped, day("2026-10-08"), None);
        let open = action("dddddd", "2026-10-15", None);
        // Done by hand in the file: counted as done, but not on a day.
        let mut by_hand = action("eeeeee", "2026-10-15", Some("2026-10-20"));
        by_hand.status = Status::Done;
        let mut prepared = Meeting::planned(
            Id::from("m1"),
            "alex",
            Some(day("2026-10-01")),
            vec!["Q?".into()],
        );
        prepared.held = true;
        prepared.actions = vec![on_time, late, dropped, open, by_hand];
        let mut bare = Meeting::planned(Id::from("m2"), "alex", Some(day("2026-10-15")), vec![]);
        bare.held = true;
        let planned = Meeting::planned(
            Id::from("m3"),
            "alex",
            Some(day("2026-12-01")),
            vec!["Q".into()],
        );
        let meetings = vec![prepared, bare, planned];
        let today = day("2026-11-22");
        let commitments = commitment::all(&meetings, &[], today);
        let stats = build(Some("alex"), &meetings, &commitments, today);
        assert_eq!(stats.meetings_held, 2);
        assert_eq!(stats.meetings_with_agenda, 1);
        assert_eq!(
            stats.commitments,
            Kept {
                made: 5,
                open: 1,
                done: 3,
                dropped: 1,
                closed_with_due_date: 3,
                done_on_time: 1,
            }
        );
        // First reports after 2, 32 and 7 days.
        assert_eq!(stats.average_days_to_report, Some(13.7));
        let done: Vec<(&str, usize)> = stats
            .kept_per_month
            .iter()
            .map(|m| (m.month.as_str(), m.done))
            .filter(|(_, n)| *n > 0)
            .collect();
        assert_eq!(done, [("2026-10", 1), ("2026-11", 1)]);
        assert_eq!(stats.kept_per_month[0].month, "2026-10");

        let empty = build(None, &[], &[], today);
        assert_eq!(empty.average_days_to_report, None);
        assert_eq!(empty.commitments, Kept::default());
    }
}
