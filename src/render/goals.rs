//! Goals in words: the latest rating and which way it moved, readable
//! without colour ("3/5, up from 2"), and the table of `goal list`.

use crate::model::goal::{GoalStatus, GoalView, Standing, Trend};
use crate::model::mentor::Mentor;
use crate::render::color::{self, Paint};
use crate::render::table;
use crate::render::text::{mentor_name, one_line};
use comfy_table::Cell;

/// "not rated yet", "2/5", "3/5, up from 2", "3/5, down from 4" or
/// "3/5, same as before" while a goal is active; "reached" once done, and
/// "2/5 when dropped" once dropped.
pub fn rating(goal: &GoalView) -> String {
    match goal.standing() {
        Standing::Reached => "reached".to_string(),
        Standing::Dropped { last: Some(score) } => format!("{score}/5 when dropped"),
        Standing::Dropped { last: None } | Standing::NotRated => "not rated yet".to_string(),
        Standing::Rated {
            score,
            before,
            trend,
        } => match (trend, before) {
            (Some(Trend::Up), Some(before)) => format!("{score}/5, up from {before}"),
            (Some(Trend::Down), Some(before)) => format!("{score}/5, down from {before}"),
            (Some(Trend::Flat), _) => format!("{score}/5, same as before"),
            _ => format!("{score}/5"),
        },
    }
}

/// "2027-03-31", or "2026-11-01 overdue" once an active goal's date passed.
pub fn by(goal: &GoalView) -> String {
    if goal.overdue {
        format!("{} overdue", goal.by)
    } else {
        goal.by.to_string()
    }
}

pub fn table(list: &[GoalView], mentors: &[Mentor], width: Option<u16>, color: bool) -> String {
    let mut t = table::new(
        width,
        &["ID", "Goal", "Mentor", "Measure", "By", "Rating", "Status"],
    );
    color::enable(&mut t, color);
    for goal in list {
        let late = goal.overdue.then_some(Paint::Red);
        let status = match goal.status {
            GoalStatus::Active => None,
            GoalStatus::Done => Some(Paint::Green),
            GoalStatus::Dropped => Some(Paint::Dim),
        };
        let mentor = goal.mentor.as_deref().map_or_else(
            || "all".to_string(),
            |slug| one_line(mentor_name(mentors, slug)),
        );
        t.add_row(vec![
            color::cell(goal.id.to_string(), late, color),
            Cell::new(one_line(&goal.text)),
            Cell::new(mentor),
            Cell::new(goal.measure.as_deref().map(one_line).unwrap_or_default()),
            color::cell(by(goal), late, color),
            Cell::new(rating(goal)),
            color::cell(goal.status.as_str().to_string(), status, color),
        ]);
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::goal::Goal;
    use crate::model::id::Id;
    use chrono::NaiveDate;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[track_caller]
    fn case(scores: &[u8], expected: &str) {
        closed(scores, GoalStatus::Active, expected);
    }

    #[track_caller]
    fn closed(scores: &[u8], status: GoalStatus, expected: &str) {
        let mut goal = Goal::new(
            Id::from("goal01"),
            "g".into(),
            day("2026-01-01"),
            day("2027-01-01"),
        );
        for (i, score) in scores.iter().enumerate() {
            let on = day("2026-02-01") + chrono::Days::new(i as u64);
            goal.rate(on, *score, None);
        }
        goal.status = status;
        assert_eq!(rating(&goal.view(day("2026-12-01"))), expected);
    }

    #[test]
    fn ratings_read_as_words() {
        case(&[], "not rated yet");
        case(&[2], "2/5");
        case(&[2, 3], "3/5, up from 2");
        case(&[4, 1], "1/5, down from 4");
        case(&[1, 3, 3], "3/5, same as before");
        closed(&[4, 4], GoalStatus::Done, "reached");
        closed(&[], GoalStatus::Done, "reached");
        closed(&[3, 2], GoalStatus::Dropped, "2/5 when dropped");
        closed(&[], GoalStatus::Dropped, "not rated yet");
    }
}
