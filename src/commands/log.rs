//! `mentee log`: the timeline of everything, newest last.

use crate::context::Context;
use crate::error::Result;
use crate::model::dates::Direction;
use crate::model::ledger::Ledger;
use crate::model::search::Record;
use crate::model::timeline;
use crate::render::{json, listing};
use crate::workspace::search::tag_key;
use crate::workspace::{resolve_mentor, say};

/// Show the timeline of everything, newest last
///
/// Meetings, commitments and every report on them, and journal entries, in
/// date order. --since and --until take any date form, such as 1m or mon.
#[derive(Debug, clap::Args)]
#[command(
    after_long_help = "Examples:\n  mentee log --since 1m\n  mentee log -m alex --since 2026-01-01 --until 2026-06-30 --json\n  mentee log --tag career"
)]
pub struct Args {
    /// Only what concerns this mentor (entries for everyone included)
    #[arg(short, long, add = crate::complete::mentors())]
    pub mentor: Option<String>,
    /// From this day on, such as 2026-09-01, mon or 2w (two weeks ago)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// Up to and including this day
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub until: Option<String>,
    /// Only what uses this #tag (the # is optional)
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let since = ctx.optional_date("--since", args.since.as_deref(), Direction::Past)?;
    let until = ctx.optional_date("--until", args.until.as_deref(), Direction::Past)?;
    crate::workspace::check_period(since, until)?;
    let records = Ledger::load(&ctx.store)?;
    let slug = match &args.mentor {
        Some(typed) => Some(resolve_mentor(ctx, &records.mentors, Some(typed))?.slug),
        None => None,
    };
    let tag = args.tag.as_deref().map(tag_key).transpose()?;
    let mut entries = ctx.store.entries(since, until)?;
    let mut meetings = records.meetings.clone();
    let mut commitments = records.commitments(ctx.today);
    if let Some(key) = &tag {
        let has = |record: Record| record.tag_keys().contains(key);
        entries.retain(|e| has(Record::entry(e)));
        meetings.retain(|m| has(Record::meeting(m)));
        commitments.retain(|c| has(Record::commitment(c)));
    }
    let mut events = timeline::build(&meetings, &commitments, &entries, since, until);
    if let Some(slug) = slug {
        events.retain(|e| e.mentor.as_ref().is_none_or(|m| *m == slug));
    }
    if args.json {
        outln!("{}", json::document("events", &events));
    } else if events.is_empty() {
        say(if tag.is_some() {
            "Nothing logged with that tag."
        } else if args.since.is_some() || args.until.is_some() {
            "Nothing logged in that period."
        } else {
            "Nothing logged yet."
        });
    } else {
        out!("{}", listing::timeline(&events, &records.mentors));
    }
    Ok(())
}
