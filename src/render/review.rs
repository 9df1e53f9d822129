//! The review of a mentorship as Markdown or plain text, written to be sent
//! to the mentor as it is, like the summary.

use crate::model::commitment::Commitment;
use crate::model::goal::{GoalStatus, GoalView};
use crate::model::journal::Entry;
use crate::model::meeting::Status;
use crate::model::review::{Review, Stage, Tally};
use crate::render::summary::{Style, advice_item, open_facts};
use crate::render::text::{capitalise, clean, indented, plural};
use std::fmt::Write;

/// The first line: "Mid-term review of my mentorship with Alex Kim,
/// 2026-08-24 to 2026-11-22", which is also the subject of its email.
pub fn title(review: &Review) -> String {
    let stage = match review.stage {
        Stage::MidTerm => "Mid-term review",
        Stage::Closing => "Closing review",
    };
    let period = match review.since {
        Some(since) => format!("{since} to {}", review.until),
        None => format!("until {}", review.until),
    };
    format!(
        "{stage} of my mentorship with {}, {period}",
        clean(&review.mentor)
    )
}

pub fn render(review: &Review, style: Style) -> String {
    let heading = |level: usize, text: &str| match style {
        Style::Markdown => format!("{} {text}\n\n", "#".repeat(level)),
        Style::Text => format!("{text}\n\n"),
    };
    let mut out = heading(1, &title(review));
    let _ = writeln!(out, "{}\n", opening(review));
    if !review.goals.is_empty() {
        out.push_str(&heading(2, "Goals"));
        for goal in &review.goals {
            let _ = writeln!(out, "{}", goal_item(goal));
        }
        out.push('\n');
    }
    if review.commitments.made > 0 {
        out.push_str(&heading(2, "Commitments"));
        let _ = writeln!(out, "{}\n", commitments(&review.commitments));
        let by = &review.commitments_by_outcome;
        for (title, list) in [
            ("Kept", &by.kept),
            ("Dropped", &by.dropped),
            ("Still open", &by.open),
        ] {
            if list.is_empty() {
                continue;
            }
            out.push_str(&heading(3, title));
            for c in list {
                let _ = writeln!(out, "{}", commitment_item(c));
            }
            out.push('\n');
        }
    }
    list(&mut out, &heading(2, "Wins"), &review.wins);
    let tried: Vec<_> = review
        .advice
        .iter()
        .filter(|a| !a.outcomes.is_empty())
        .collect();
    if !tried.is_empty() {
        out.push_str(&heading(2, "How your advice worked out"));
        for group in tried {
            let _ = writeln!(out, "{}", advice_item(group));
        }
        out.push('\n');
    }
    let untried: Vec<&Entry> = review
        .advice
        .iter()
        .filter(|a| a.outcomes.is_empty())
        .filter_map(|a| a.advice.as_ref())
        .collect();
    if !untried.is_empty() {
        out.push_str(&heading(2, "Advice I have not reported on yet"));
        for advice in untried {
            let _ = writeln!(out, "- {}: {}", advice.date, indented(&advice.text, "  "));
        }
        out.push('\n');
    }
    list(&mut out, &heading(2, "Thank you"), &review.thanks);
    list(
        &mut out,
        &heading(2, "What I shared with you"),
        &review.given_back,
    );
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// "We met 7 times. The term runs until 2027-02-26."
fn opening(review: &Review) -> String {
    let mut text = match review.meetings {
        0 => "We have not met yet.".to_string(),
        1 => "We met once.".to_string(),
        2 => "We met twice.".to_string(),
        n => format!("We met {n} times."),
    };
    match review.term_ends {
        Some(end) if end > review.until => {
            let _ = write!(text, " The term runs until {end}.");
        }
        Some(end) => {
            let _ = write!(text, " The term ended on {end}.");
        }
        None => {}
    }
    text
}

/// "- Lead a design (by 2026-12-31, reached): rated 2/5 → 4/5 over 3 ratings"
fn goal_item(goal: &GoalView) -> String {
    let status = match goal.status {
        GoalStatus::Active if goal.overdue => ", past its date",
        GoalStatus::Active => "",
        GoalStatus::Done => ", reached",
        GoalStatus::Dropped => ", dropped",
    };
    let rated = match (goal.ratings.first(), goal.ratings.last()) {
        (Some(first), Some(latest)) if goal.ratings.len() > 1 => format!(
            "rated {}/5 at first, {}/5 on {} ({})",
            first.score,
            latest.score,
            latest.on,
            plural(goal.ratings.len(), "rating", "ratings")
        ),
        (_, Some(latest)) => format!("rated {}/5 on {}", latest.score, latest.on),
        _ => "not rated yet".to_string(),
    };
    let mut item = format!(
        "- {} (by {}{status}): {rated}",
        indented(&goal.text, "  "),
        goal.by
    );
    if let Some(measure) = &goal.measure {
        let _ = write!(item, "\n  Measure: {}", indented(measure, "  "));
    }
    item
}

/// "I made 12 commitments: 8 kept, 2 dropped, 2 still open. Of those I
/// closed, I kept 80%."
fn commitments(tally: &Tally) -> String {
    let mut text = format!(
        "I made {}: {} kept, {} dropped, {} still open.",
        plural(tally.made, "commitment", "commitments"),
        tally.kept,
        tally.dropped,
        tally.open
    );
    if let Some(percent) = tally.kept_percent {
        let _ = write!(text, " Of those I closed, I kept {percent}%.");
    }
    text
}

/// "- Write the runbook (done on 2027-01-25)" with its note below;
/// "- Blocked: Book the retro" while still open, with what a mentor needs
/// to know about it on a line below.
fn commitment_item(c: &Commitment) -> String {
    let closed = c.history.last().map(|change| change.on);
    let mut item = match (c.status, closed) {
        (Status::Done | Status::Dropped, Some(on)) => format!(
            "- {} ({} on {on})",
            indented(&c.text, "  "),
            c.status.label()
        ),
        _ => format!(
            "- {}: {}",
            capitalise(c.status.label()),
            indented(&c.text, "  ")
        ),
    };
    if let Some(note) = c.status_note() {
        let _ = write!(item, "\n  {}", indented(note, "  "));
    }
    if let Some(facts) = open_facts(c, true) {
        let _ = write!(item, "\n  {facts}");
    }
    item
}

/// A dated list under its heading; nothing at all when it is empty.
fn list(out: &mut String, heading: &str, entries: &[Entry]) {
    if entries.is_empty() {
        return;
    }
    out.push_str(heading);
    for e in entries {
        let _ = writeln!(out, "- {}: {}", e.date, indented(&e.text, "  "));
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::goal::{Goal, Rating};
    use crate::model::id::Id;
    use crate::model::journal::Kind;
    use crate::model::summary::AdviceOutcomes;
    use chrono::NaiveDate;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn entry(id: &str, date: &str, kind: Kind, text: &str) -> Entry {
        Entry::new(
            Id::from(id),
            day(date),
            kind,
            Some("alex".into()),
            text.into(),
        )
    }

    fn goal() -> Goal {
        let mut goal = Goal::new(
            Id::from("goal01"),
            "Lead the design of one service".into(),
            day("2026-09-01"),
            day("2026-12-31"),
        );
        goal.measure = Some("Design doc approved".into());
        for (on, score) in [("2026-09-01", 2), ("2026-10-01", 3), ("2026-11-20", 4)] {
            goal.ratings.push(Rating {
                on: day(on),
                score,
                note: None,
            });
        }
        goal
    }

    fn review() -> Review {
        Review {
            mentor: "Alex Kim".into(),
            stage: Stage::MidTerm,
            since: Some(day("2026-08-24")),
            until: day("2026-11-22"),
            term_ends: Some(day("2027-02-26")),
            meetings: 7,
            goals: vec![goal().view(day("2026-11-22"))],
            commitments: Tally {
                made: 12,
                kept: 8,
                dropped: 2,
                open: 2,
                kept_percent: Some(80),
            },
            commitments_by_outcome: Default::default(),
            wins: vec![entry("win001", "2026-10-13", Kind::Win, "ADR signed")],
            advice: vec![
                AdviceOutcomes {
                    advice: Some(entry(
                        "adv001",
                        "2026-09-08",
                        Kind::Advice,
                        "Escalate with a date",
                    )),
                    outcomes: vec![entry(
                        "out001",
                        "2026-09-20",
                        Kind::Outcome,
                        "Same-day answer",
                    )],
                },
                AdviceOutcomes {
                    advice: Some(entry(
                        "adv002",
                        "2026-11-17",
                        Kind::Advice,
                        "Pair with Nadia",
                    )),
                    outcomes: vec![],
                },
            ],
            thanks: vec![entry("thx001", "2026-09-21", Kind::Thanks, "Thank you")],
            given_back: vec![entry("gb0001", "2026-10-01", Kind::Giveback, "Meetup slot")],
        }
    }

    #[test]
    fn the_review_reads_as_a_letter() {
        let text = render(&review(), Style::Markdown);
        assert_eq!(
            text,
            "# Mid-term review of my mentorship with Alex Kim, 2026-08-24 to 2026-11-22

We met 7 times. The term runs until 2027-02-26.

## Goals

- Lead the design of one service (by 2026-12-31): rated 2/5 at first, 4/5 on 2026-11-20 (3 ratings)
  Measure: Design doc approved

## Commitments

I made 12 commitments: 8 kept, 2 dropped, 2 still open. Of those I closed, I kept 80%.

## Wins

- 2026-10-13: ADR signed

## How your advice worked out

- Your advice (2026-09-08): Escalate with a date
  How it went (2026-09-20): Same-day answer

## Advice I have not reported on yet

- 2026-11-17: Pair with Nadia

## Thank you

- 2026-09-21: Thank you

## What I shared with you

- 2026-10-01: Meetup slot
"
        );
    }

    #[test]
    fn empty_sections_are_left_out_and_text_has_no_markup() {
        let mut empty = review();
        empty.stage = Stage::Closing;
        empty.term_ends = Some(day("2026-11-22"));
        empty.meetings = 1;
        empty.goals.clear();
        empty.commitments = Tally::default();
        empty.wins.clear();
        empty.advice.clear();
        empty.thanks.clear();
        let text = render(&empty, Style::Text);
        assert_eq!(
            text,
            "Closing review of my mentorship with Alex Kim, 2026-08-24 to 2026-11-22

We met once. The term ended on 2026-11-22.

What I shared with you

- 2026-10-01: Meetup slot
"
        );
    }

    #[test]
    fn a_goal_shows_its_ratings_from_first_to_latest() {
        let until = day("2026-11-22");
        let mut done = goal();
        done.status = GoalStatus::Done;
        done.measure = None;
        done.ratings.truncate(1);
        let mut dropped = done.clone();
        dropped.status = GoalStatus::Dropped;
        dropped.ratings.clear();
        let items: Vec<String> = [goal(), done, dropped]
            .iter()
            .map(|g| goal_item(&g.view(until)))
            .collect();
        assert_eq!(
            items,
            [
                "- Lead the design of one service (by 2026-12-31): rated 2/5 at first, 4/5 on 2026-11-20 (3 ratings)\n  Measure: Design doc approved",
                "- Lead the design of one service (by 2026-12-31, reached): rated 2/5 on 2026-09-01",
                "- Lead the design of one service (by 2026-12-31, dropped): not rated yet",
            ]
        );
        // Still open when its day has gone by.
        assert!(
            goal_item(&goal().view(day("2027-01-04")))
                .starts_with("- Lead the design of one service (by 2026-12-31, past its date): ")
        );
    }
}
