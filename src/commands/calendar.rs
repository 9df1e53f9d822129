//! `mentee calendar`: every planned meeting and every open commitment with
//! a due date, as one iCalendar feed to import or subscribe to.

use crate::commands::MentorArg;
use crate::context::Context;
use crate::error::Result;
use crate::model::ledger::Ledger;
use crate::render::text::plural;
use crate::workspace::calendar::{CalendarOptions, calendar_text, write_calendar};
use crate::workspace::{output_file, resolve_mentor, say};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  mentee calendar -o ~/mentoring.ics    import this file into your calendar
  mentee calendar -m alex --todos       one mentor; due dates as to-dos
  mentee agenda \"TOPIC\" --on fri --at 15:00 --for 45m

To keep a calendar current, set calendar_file = \"/path/to/mentoring.ics\" in
config.toml and subscribe to that file: every command that writes refreshes it.";

/// Write your meetings and due dates as an iCalendar feed
///
/// One event per planned meeting that has a day (at its time and for its
/// length when it has one, else all day), with the agenda as its
/// description and a reminder before it (an hour before, or at 18:00 the
/// day before an all-day meeting; see calendar_alarm in config.toml); and
/// one all-day event per open commitment with a due date. Held meetings
/// and closed commitments leave the feed. Events keep their IDs, so a
/// calendar that reads the file again updates them instead of adding
/// copies.
#[derive(Debug, clap::Args)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    /// Write to FILE (readable by you alone) instead of standard output
    /// (- is standard output); a calendar mentee wrote there before is
    /// replaced
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub mentor: MentorArg,
    /// Write due dates as to-dos (VTODO) rather than all-day events
    #[arg(long)]
    pub todos: bool,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let ledger = Ledger::load(&ctx.store)?;
    let mentors = match args.mentor.typed() {
        Some(typed) => vec![resolve_mentor(ctx, &ledger.mentors, Some(typed))?],
        None => ledger.mentors.clone(),
    };
    let options = CalendarOptions {
        todos: args.todos,
        meetings_only: false,
    };
    let Some(path) = output_file(args.output.as_deref()) else {
        let (_, text) = calendar_text(ctx, &ledger, &mentors, options, None)?;
        crate::output::bytes(text.as_bytes());
        return Ok(());
    };
    let feed = write_calendar(ctx, &ledger, &mentors, options, path)?;
    let due = if args.todos { "to-do" } else { "due date" };
    say(&format!(
        "Wrote {} and {} to {}.",
        plural(feed.meetings.len(), "planned meeting", "planned meetings"),
        plural(feed.due.len(), due, &format!("{due}s")),
        path.display()
    ));
    for mentor in &feed.undated {
        say(&format!(
            "Left out the meeting planned with {}: it has no date yet (set one with: \
             mentee agenda --on DATE -m {}).",
            mentor.name, mentor.slug
        ));
    }
    Ok(())
}
