//! `mentee stats` as text: the numbers, then a chart of commitments kept per
//! month drawn with plain characters, readable without colour.

use crate::model::stats::{Month, Stats};
use crate::render::text::clean;
use std::fmt::Write;

/// The longest bar of the chart, in characters.
pub const BAR_WIDTH: usize = 30;
/// What bars are made of.
pub const BLOCK: char = '█';

fn share(part: usize, whole: usize) -> String {
    (part * 100 + whole / 2)
        .checked_div(whole)
        .map(|percent| format!(" ({percent}%)"))
        .unwrap_or_default()
}

/// The stats, for `who` ("Alex Kim" or "all your mentors").
pub fn text(stats: &Stats, who: &str) -> String {
    let k = &stats.commitments;
    let closed = k.done + k.dropped;
    let rows: Vec<(&str, String)> = vec![
        ("Meetings held", stats.meetings_held.to_string()),
        (
            "  with a prepared agenda",
            format!(
                "{}{}",
                stats.meetings_with_agenda,
                share(stats.meetings_with_agenda, stats.meetings_held)
            ),
        ),
        ("Commitments made", k.made.to_string()),
        ("  done", k.done.to_string()),
        ("  dropped", k.dropped.to_string()),
        ("  still open", k.open.to_string()),
        (
            "Kept",
            if closed == 0 {
                "none closed yet".to_string()
            } else {
                format!("{} of {closed} closed{}", k.done, share(k.done, closed))
            },
        ),
        (
            "Kept on time",
            if k.closed_with_due_date == 0 {
                "none closed with a due date yet".to_string()
            } else {
                format!(
                    "{} of {} closed with a due date{}",
                    k.done_on_time,
                    k.closed_with_due_date,
                    share(k.done_on_time, k.closed_with_due_date)
                )
            },
        ),
        (
            "Days to first report",
            match stats.average_days_to_report {
                Some(days) => format!("{days:.1} on average"),
                None => "no reports yet".to_string(),
            },
        ),
    ];
    let label_width = rows.iter().map(|(label, _)| label.len()).max().unwrap_or(0);
    let mut out = format!("Stats for {}\n\n", clean(who));
    for (label, value) in rows {
        let _ = writeln!(out, "{label:<label_width$}  {value}");
    }
    let _ = write!(
        out,
        "\nCommitments kept per month\n{}",
        chart(&stats.kept_per_month)
    );
    out
}

/// One line per month: `2026-06 ████ 4`. Bars have one block per
/// commitment, scaled down to [`BAR_WIDTH`] when a month has more; a month
/// with any kept keeps at least one block.
pub fn chart(months: &[Month]) -> String {
    let most = months.iter().map(|m| m.done).max().unwrap_or(0);
    let mut out = String::new();
    for m in months {
        let blocks = if most <= BAR_WIDTH {
            m.done
        } else if m.done == 0 {
            0
        } else {
            ((m.done * BAR_WIDTH + most / 2) / most).max(1)
        };
        let bar: String = std::iter::repeat_n(BLOCK, blocks).collect();
        let gap = if bar.is_empty() { "" } else { " " };
        let _ = writeln!(out, "{} {bar}{gap}{}", m.month, m.done);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn months(counts: &[usize]) -> Vec<Month> {
        counts
            .iter()
            .enumerate()
            .map(|(i, &done)| Month {
                month: format!("2026-{:02}", i + 1),
                done,
            })
            .collect()
    }

    #[test]
    fn bars_have_one_block_per_commitment() {
        assert_eq!(
            chart(&months(&[4, 0, 1])),
            "2026-01 ████ 4\n2026-02 0\n2026-03 █ 1\n"
        );
    }

    #[test]
    fn long_bars_are_scaled_and_small_ones_stay_visible() {
        let out = chart(&months(&[60, 30, 1]));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], format!("2026-01 {} 60", "█".repeat(30)));
        assert_eq!(lines[1], format!("2026-02 {} 30", "█".repeat(15)));
        assert_eq!(lines[2], "2026-03 █ 1");
    }

    #[test]
    fn shares_round_to_the_nearest_percent() {
        assert_eq!(share(2, 3), " (67%)");
        assert_eq!(share(1, 8), " (13%)");
        assert_eq!(share(0, 0), "");
    }
}
