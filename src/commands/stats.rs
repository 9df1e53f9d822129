//! `mentee stats`: how the practice is going, in numbers and a small chart.

use crate::context::Context;
use crate::error::Result;
use crate::model::commitment::Commitment;
use crate::model::ledger::Ledger;
use crate::model::meeting::Meeting;
use crate::model::stats;
use crate::render::{self, json};
use crate::workspace::{resolve_mentor, say};

/// Meetings held, agendas prepared, commitments kept, and a chart per month
///
/// Counts the meetings held and how many had a prepared agenda; the
/// commitments made, done, dropped and still open; how many were kept on
/// time (done on or before the due date, among those closed with one); the
/// average number of days from making a commitment to its first report; and
/// draws the commitments done in each of the last twelve months (from the
/// month of the first record on). Without -m,
/// every mentor together.
#[derive(Debug, clap::Args)]
#[command(after_long_help = "Examples:\n  mentee stats\n  mentee stats -m alex --json")]
pub struct Args {
    /// Only this mentor (name, slug or unique prefix); without it, every mentor together
    #[arg(short, long, add = crate::complete::mentors())]
    pub mentor: Option<String>,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let records = Ledger::load(&ctx.store)?;
    if records.mentors.is_empty() && !args.json {
        say("No mentors yet. Add one: mentee mentor add \"NAME\"");
        return Ok(());
    }
    let mentor = match args.mentor.as_deref() {
        Some(typed) => Some(resolve_mentor(ctx, &records.mentors, Some(typed))?),
        None => None,
    };
    let slug = mentor.as_ref().map(|m| m.slug.as_str());
    let mine = |of: &str| slug.is_none_or(|s| s == of);
    let meetings: Vec<Meeting> = records
        .meetings
        .iter()
        .filter(|m| mine(&m.mentor))
        .cloned()
        .collect();
    let commitments: Vec<Commitment> = records
        .commitments(ctx.today)
        .into_iter()
        .filter(|c| mine(&c.mentor))
        .collect();
    let stats = stats::build(slug, &meetings, &commitments, ctx.today);
    if args.json {
        outln!("{}", json::document("stats", &stats));
    } else {
        let who = mentor
            .as_ref()
            .map_or("all your mentors", |m| m.name.as_str());
        out!("{}", render::stats::text(&stats, who));
    }
    Ok(())
}
