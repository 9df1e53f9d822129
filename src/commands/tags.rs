//! `mentee tags`: the #tags used in the journal, with how often and when.

use crate::context::Context;
use crate::error::Result;
use crate::model::ledger::Ledger;
use crate::model::search::TagCounter;
use crate::model::tags;
use crate::render::{self, json};
use crate::workspace::say;
use crate::workspace::search::{Scope, each_record};

/// List the #tags you use, with how often and when
///
/// A tag is a word after # in any text (see docs/search.md): no need to
/// declare it. Each is counted once per record that uses it, with the
/// first and last day it was used; the most used come first. Find what a
/// tag marks with mentee search --tag TAG, mentee log --tag TAG or mentee
/// summary --tag TAG.
#[derive(Debug, clap::Args)]
#[command(after_long_help = "Examples:\n  mentee tags\n  mentee tags --json")]
pub struct Args {
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let ledger = Ledger::load(&ctx.store)?;
    let mut counter = TagCounter::default();
    each_record(
        ctx,
        &ledger,
        &Scope::default(),
        &tags::may_hold_tags,
        &mut |record| counter.add(record),
    )?;
    let counts = counter.into_counts();
    if args.json {
        outln!("{}", json::document("tags", &counts));
    } else if counts.is_empty() {
        say(
            "No tags yet: write #word in any text, such as mentee update \"Sent the proposal #career\"",
        );
    } else {
        outln!("{}", render::search::tags(&counts, ctx.width));
    }
    Ok(())
}
