//! The dashboard shown by `mentee` and `mentee status`.

use crate::model::commitment::Commitment;
use crate::model::mentor::Mentor;
use crate::model::overview::Overview;
use crate::render::color::{Paint, paint};
use crate::render::listing;
use crate::render::text::{at_time, clean, indented, plural};
use chrono::NaiveDate;
use std::fmt::Write;

pub fn dashboard(
    overviews: &[Overview],
    open: &[Commitment],
    mentors: &[Mentor],
    today: NaiveDate,
    width: Option<u16>,
    color: bool,
) -> String {
    let mut out = String::from("Next meetings\n");
    if !overviews.iter().any(|o| o.active) {
        out.push_str("  No active mentor; add one with: mentee mentor add \"NAME\"\n");
    }
    // Soonest first: a planned date, else the day the cadence says; the
    // rest as listed.
    let mut next: Vec<&Overview> = overviews.iter().filter(|o| o.active).collect();
    next.sort_by_key(|o| {
        let day = o
            .next_meeting
            .as_ref()
            .and_then(|m| m.date)
            .or(o.due_by_cadence);
        (day.is_none(), day)
    });
    for o in next {
        let name = clean(&o.mentor.name);
        match &o.next_meeting {
            Some(next) => {
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
                let _ = writeln!(out, "  {name}: {when}");
                for (i, topic) in next.topics.iter().enumerate() {
                    let _ = writeln!(out, "    {}. {}", i + 1, indented(topic, "       "));
                }
            }
            None => {
                let due = o
                    .due_by_cadence
                    .map(|d| format!(" (due {d} by your cadence)"))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "  {name}: nothing planned{due}; plan it with: mentee agenda \"TOPIC\" -m {}",
                    o.mentor.slug
                );
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
            let _ = writeln!(
                out,
                "  {}: {}{since} with no report yet",
                clean(&o.mentor.name),
                plural(o.unreported, "commitment", "commitments")
            );
        }
    }
    if open.is_empty() {
        out.push_str("\nNo open commitments.\n");
    } else {
        let _ = write!(
            out,
            "\nOpen commitments\n{}\n",
            listing::commitments(open, mentors, width, color)
        );
    }
    out
}
