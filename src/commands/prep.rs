//! `mentee prep`: the next agenda drafted from the record, each suggestion
//! a specific question citing the record it came from (see docs/prep.md).

use crate::commands::MentorArg;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::ledger::Ledger;
use crate::model::meeting::{MAX_TOPICS, check_topics};
use crate::model::prep::{self, Sources};
use crate::prompt;
use crate::render::{self, json};
use crate::workspace::agenda::plan;
use crate::workspace::{resolve_mentor, say};

const EXAMPLES: &str = "\
Examples:
  mentee prep                  pick up to two suggestions and plan the agenda
  mentee prep -m alex --all    every suggestion, not only the first 8
  mentee prep -m alex | cat    the suggestions and the command that plans each
  mentee prep --json";

/// Draft the next agenda from your record
///
/// Suggests topics for the next meeting with a mentor, each worded as a
/// specific question that cites the ID of the record it came from:
/// commitments blocked or carried over two or more meetings, topics queued
/// for later, goals whose rating fell or that have not been rated for a
/// month, advice with no outcome two weeks on, decisions made with the
/// mentor's input over three months ago, and what you discussed a year ago.
/// The most pressing come first; the first 8 are shown unless --all.
///
/// On a terminal, pick up to two and the agenda is planned with them (as
/// mentee agenda would: it replaces the topics planned before, and a queued
/// topic picked leaves the queue). Otherwise (or with the output piped),
/// prints each suggestion with
/// the mentee agenda command that plans it. Nothing is written by a model:
/// each suggestion is a fixed sentence around your own words.
#[derive(Debug, clap::Args)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    #[command(flatten)]
    pub mentor: MentorArg,
    /// Show every suggestion, not only the first 8
    #[arg(long)]
    pub all: bool,
    /// Print every suggestion as JSON instead (see docs/json.md)
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let records = Ledger::load(&ctx.store)?;
    let mentor = resolve_mentor(ctx, &records.mentors, args.mentor.typed())?;
    let commitments = records.commitments(ctx.today);
    let entries = ctx.store.entries(None, Some(ctx.today))?;
    let goals = ctx.store.goals()?;
    let queued = ctx.store.later()?;
    let all = prep::suggest(&Sources {
        mentor: &mentor.slug,
        today: ctx.today,
        commitments: &commitments,
        meetings: &records.meetings,
        entries: &entries,
        goals: &goals,
        queued: &queued,
    });
    if args.json {
        outln!(
            "{}",
            json::document("suggestions", &render::prep::items(&mentor, &all))
        );
        return Ok(());
    }
    if all.is_empty() {
        say(&format!(
            "Nothing in your record to suggest for the next meeting with {}: no blocked or \
             long-carried commitment, queued topic, goal to look at, advice to follow up, \
             decision to look back on or meeting a year ago. Plan your own: \
             mentee agenda \"TOPIC\" -m {}",
            mentor.name, mentor.slug
        ));
        return Ok(());
    }
    let shown = if args.all {
        &all[..]
    } else {
        &all[..all.len().min(prep::SHOWN)]
    };
    let more = all.len() - shown.len();
    // Piped into another program, the list is what is wanted: no menu.
    if !(ctx.interactive && ctx.stdout_terminal) {
        out!("{}", render::prep::listing(&mentor, shown, more));
        if let [first, second, ..] = shown {
            let both = [render::prep::topic(first), render::prep::topic(second)];
            say(&format!(
                "Each command replaces the topics planned before; to plan two, give both to one: {}",
                render::prep::agenda_command(&both, &mentor.slug)
            ));
        }
        return Ok(());
    }
    let topics: Vec<String> = shown.iter().map(render::prep::topic).collect();
    if more > 0 {
        say(&format!(
            "Showing the first {}; {more} more with: mentee prep -m {} --all",
            shown.len(),
            mentor.slug
        ));
    }
    let picked = prompt::pick_topics(
        &format!(
            "Topics for {} (space to pick, enter to confirm, up to {MAX_TOPICS})",
            mentor.name
        ),
        &topics,
        MAX_TOPICS,
    )?;
    if picked.is_empty() {
        say("Nothing picked, so nothing was planned.");
        return Ok(());
    }
    let picked: Vec<String> = picked.iter().map(|&i| topics[i].clone()).collect();
    let picked = check_topics(&picked).map_err(|err| {
        Error::user_with_hint(
            format!("{err}; nothing was planned"),
            "pick one or two different topics",
        )
    })?;
    plan(ctx, Some(&mentor.slug), picked, None, None, &|_, _| Ok(()))
}
