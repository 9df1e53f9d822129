//! The dashboard shown by `mentee` and `mentee status`.

use crate::model::commitment::Commitment;
use crate::model::id::Id;
use crate::model::mentor::Mentor;
use crate::model::overview::Overview;
use crate::render::color::{Paint, paint};
use crate::render::listing;
use crate::render::text::{at_time, clean, indented, plural, wrap};
use chrono::NaiveDate;
use std::collections::HashSet;
use std::fmt::Write;

/// Open commitments the dashboard shows, overdue first: a screenful.
pub const SCREENFUL: usize = 10;
/// Nudges of one kind shown before the rest are one line with a count.
pub const SAME_KIND: usize = 3;

/// What the dashboard shows beyond the records.
pub struct Shown<'a> {
    /// Mentors whose next meeting is near while commitments from the last
    /// one have no report yet.
    pub near: &'a HashSet<&'a str>,
    /// Everything, with no section cut to a screenful.
    pub all: bool,
}

/// A warning for the records (`ids`, at least one) that name a mentor the
/// mentors file does not have, with how to mend them.
pub fn unknown_mentor(slug: &str, ids: &[&Id], mentors: &[Mentor]) -> String {
    let slug = clean(slug);
    let Some(first) = ids.first() else {
        return String::new();
    };
    let known: Vec<&str> = mentors.iter().map(|m| m.slug.as_str()).collect();
    let (records, them) = match ids.len() {
        1 => (format!("[{first}] names"), "it"),
        n => (format!("{n} records (such as [{first}]) name"), "them"),
    };
    let fix = match known.as_slice() {
        [] => format!(
            "add the mentor with: mentee mentor add \"NAME\" (a name whose short form is \
             {slug}), or correct {them} with: mentee edit {first}"
        ),
        known => format!(
            "make it one of {} with: mentee edit {first}",
            clean(&known.join(", "))
        ),
    };
    format!(
        "warning: {records} the mentor `{slug}`, who is not in mentors.toml, so no \
         mentor's dashboard shows {them}; {fix}"
    )
}

pub fn dashboard(
    overviews: &[Overview],
    open: &[Commitment],
    mentors: &[Mentor],
    today: NaiveDate,
    shown: &Shown<'_>,
    width: Option<u16>,
    color: bool,
) -> String {
    let mut out = String::from("Next meetings\n");
    if !overviews.iter().any(|o| o.active) {
        out.push_str("  No active mentor; add one with: mentee mentor add \"NAME\"\n");
    }
    // Soonest first: a planned date, else the day the cadence says; the
    // rest as listed. A meeting planned after the end of the term still
    // shows once the term ended, so that it is not forgotten.
    let planned_past_end = |o: &Overview| {
        let day = o.next_meeting.as_ref().and_then(|m| m.date);
        matches!((day, o.mentor.until), (Some(day), Some(until)) if day >= until)
    };
    // No cadence and nothing planned: nothing to remind of.
    let quiet = |o: &Overview| o.next_meeting.is_none() && o.mentor.every.is_none();
    let mut next: Vec<&Overview> = overviews
        .iter()
        .filter(|o| o.active || planned_past_end(o))
        .collect();
    let without_cadence: Vec<&str> = next
        .iter()
        .filter(|o| quiet(o))
        .map(|o| o.mentor.slug.as_str())
        .collect();
    if !next.is_empty() && without_cadence.len() == next.len() {
        let _ = writeln!(
            out,
            "  Nothing planned; plan a meeting with: mentee agenda \"TOPIC\" -m {}",
            if next.len() == 1 {
                next[0].mentor.slug.as_str()
            } else {
                "NAME"
            }
        );
    }
    next.retain(|o| !quiet(o));
    next.sort_by_key(|o| {
        let day = o
            .next_meeting
            .as_ref()
            .and_then(|m| m.date)
            .or(o.due_by_cadence);
        (day.is_none(), day)
    });
    for o in next {
        let name = match o.mentor.until.filter(|until| *until <= today) {
            Some(until) => format!(
                "{} (the mentorship ended on {until})",
                clean(&o.mentor.name)
            ),
            None => clean(&o.mentor.name),
        };
        match (&o.next_meeting, o.paused) {
            (Some(next), _) => {
                let when = match next.date {
                    Some(date) if date < today => format!(
                        "{}: record it with mentee meet --on {date} -m {slug}, \
                         or move it with mentee agenda --on DATE -m {slug}",
                        paint(
                            &format!("{date}, which has passed"),
                            Some(Paint::Red),
                            color
                        ),
                        slug = o.mentor.slug
                    ),
                    Some(date) => format!("{date}{}", at_time(next.time, next.minutes)),
                    None => "date not set".to_string(),
                };
                let _ = writeln!(out, "{}", wrap(&format!("  {name}: {when}"), width, 2));
                for (i, topic) in next.topics.iter().enumerate() {
                    let _ = writeln!(out, "    {}. {}", i + 1, indented(topic, "       "));
                }
            }
            (None, Some(until)) => {
                let _ = writeln!(out, "  {name}: paused until {until}");
            }
            (None, None) => {
                let due = o
                    .due_by_cadence
                    .map(|d| format!(" (due {d} by your cadence)"))
                    .unwrap_or_default();
                let line = format!(
                    "  {name}: nothing planned{due}; plan it with: mentee agenda \"TOPIC\" -m {}",
                    o.mentor.slug
                );
                let _ = writeln!(out, "{}", wrap(&line, width, 2));
            }
        }
    }
    let unreported: Vec<&Overview> = overviews.iter().filter(|o| o.unreported > 0).collect();
    if !unreported.is_empty() {
        out.push_str("\nReport first at your next meeting\n");
        for o in unreported {
            let since = o
                .last_meeting
                .map(|d| format!(" from {d}"))
                .unwrap_or_default();
            let near = if shown.near.contains(o.mentor.slug.as_str()) {
                "; your meeting is near: say where each stands with \
                 mentee action set ID done|in-progress|blocked|dropped"
                    .to_string()
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "  {}: {}{since} with no report yet{near}",
                clean(&o.mentor.name),
                plural(o.unreported, "commitment", "commitments")
            );
        }
    }
    if open.is_empty() {
        out.push_str("\nNo open commitments.\n");
    } else {
        let cut = if shown.all {
            open.len()
        } else {
            SCREENFUL.min(open.len())
        };
        let _ = write!(
            out,
            "\nOpen commitments\n{}\n",
            listing::commitments(&open[..cut], mentors, width, color)
        );
        let hidden = &open[cut..];
        if !hidden.is_empty() {
            let overdue = hidden.iter().filter(|c| c.overdue).count();
            let _ = if overdue > 0 {
                writeln!(
                    out,
                    "  \u{2026} and {} more, {overdue} of them overdue: mentee action list --overdue (all: mentee action list)",
                    hidden.len()
                )
            } else {
                writeln!(
                    out,
                    "  \u{2026} and {} more: mentee action list",
                    hidden.len()
                )
            };
        }
    }
    out
}
