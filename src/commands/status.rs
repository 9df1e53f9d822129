//! `mentee` / `mentee status`: the dashboard.

use crate::context::Context;
use crate::error::Result;
use crate::model::commitment;
use crate::model::ledger::Ledger;
use crate::model::nudge::Kind;
use crate::model::overview::{self, Overview};
use crate::render::status::Shown;
use crate::render::{self, json};
use crate::workspace::say;
use std::collections::HashSet;

/// The dashboard: next meetings, open commitments, what to report
///
/// For each active mentor, the planned meeting and its topics (or when the
/// cadence says one is due); the commitments from the last meeting that
/// still have no report; every open commitment, overdue ones first; and the
/// nudges, each with the command that acts on it (silence them with
/// mentee nudge off KIND). Each section shows what matters most, overdue
/// first, and says how many more there are; --all shows everything.
#[derive(Debug, Default, clap::Args)]
#[command(after_long_help = "Examples:\n  mentee\n  mentee status --all\n  mentee status --json")]
pub struct Args {
    /// Show every open commitment and every nudge, however many
    #[arg(long)]
    pub all: bool,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let records = Ledger::load(&ctx.store)?;
    for (slug, ids) in records.unknown_mentors() {
        say(&render::status::unknown_mentor(
            slug,
            &ids,
            &records.mentors,
        ));
    }
    if records.mentors.is_empty() && !args.json {
        say(
            "Welcome to mentee. Start by adding the person who mentors you:\n  mentee mentor add \"NAME\" --every 2w\nThen plan your first meeting: mentee agenda \"A specific question\"",
        );
        return Ok(());
    }
    let commitments = records.commitments(ctx.today);
    let nudges: Vec<_> = crate::workspace::nudges_now(ctx, &records, &commitments)?
        .iter()
        .map(|n| render::nudge::worded(n, &records.mentors))
        .collect();
    let overviews: Vec<Overview> = records
        .mentors
        .iter()
        .map(|m| overview::build(m, &records.meetings, &commitments, ctx.today))
        .collect();
    let mut open: Vec<_> = commitments
        .into_iter()
        .filter(|c| c.status.is_open())
        .collect();
    commitment::sort_for_listing(&mut open);
    if args.json {
        let payload = serde_json::json!({
            "mentors": overviews,
            "open_commitments": open,
            "nudges": nudges,
        });
        outln!("{}", json::document("status", &payload));
    } else {
        // The "Report first" section already names these commitments: the
        // nudges about them only say that the meeting is near.
        let near: HashSet<&str> = nudges
            .iter()
            .filter(|n| n.kind == Kind::Unreported)
            .map(|n| n.mentor.as_str())
            .collect();
        let shown = Shown {
            near: &near,
            all: args.all,
        };
        out!(
            "{}",
            render::status::dashboard(
                &overviews,
                &open,
                &records.mentors,
                ctx.today,
                &shown,
                ctx.width,
                ctx.color,
            )
        );
        let rest: Vec<_> = nudges
            .iter()
            .filter(|n| n.kind != Kind::Unreported)
            .cloned()
            .collect();
        let per_kind = (!args.all).then_some(render::status::SAME_KIND);
        out!("{}", render::nudge::section(&rest, per_kind, ctx.width));
    }
    Ok(())
}
