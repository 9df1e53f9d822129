//! `mentee brag`: a brag document for a performance review, across every
//! mentor, each result traced to what led to it.

use crate::context::Context;
use crate::error::Result;
use crate::model::brag::{self, Sources};
use crate::model::dates::Direction;
use crate::model::ledger::Ledger;
use crate::render::brag::{render, title};
use crate::render::summary::Style;
use crate::render::{Format, html, json};
use crate::workspace::{check_period, say, write_document};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  mentee brag                                   the last twelve months, as Markdown
  mentee brag --since 2026-01-01 --until 2026-12-31 --format html -o brag.html
  mentee brag --json | jq '.brag.wins'
  mentee brag --include-notes --format text";

/// Write a brag document for a performance review
///
/// A year of results across all your mentors: wins, goals reached and
/// rated (with the path of their ratings, such as 2 → 3 → 5), commitments
/// kept with their notes, how advice worked out, and decisions. Under each
/// result, the chain that led to it, where your records link one: the
/// advice an outcome is about → the commitment it reports on → how it
/// worked out → the thanks for it, and the goal it served.
///
/// Your private notes (mentee note) stay out unless you add
/// --include-notes. See docs/brag.md.
#[derive(Debug, clap::Args)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    /// Start of the period, such as 2026-01-01 or 6m [default: twelve months before --until]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// End of the period [default: today]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub until: Option<String>,
    /// Markdown (headings and lists), plain text, JSON, or one self-contained
    /// HTML page with charts
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    pub format: Format,
    /// Same as --format json
    #[arg(long)]
    pub json: bool,
    /// Add your private notes from meetings (mentee note)
    #[arg(long)]
    pub include_notes: bool,
    /// Write to this file instead of standard output (- for standard output)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let until = ctx.until_today(args.until.as_deref(), "a brag document")?;
    let since = match args.since.as_deref() {
        Some(text) => ctx.date("--since", text, Direction::Past)?,
        None => brag::default_since(until),
    };
    check_period(Some(since), Some(until))?;
    let records = Ledger::load(&ctx.store)?;
    let commitments = records.commitments(ctx.today);
    // Earlier records too: the advice behind a result may be older than it.
    let entries = ctx.store.entries(None, Some(until))?;
    let goals = ctx.store.goals()?;
    let sources = Sources {
        mentors: &records.mentors,
        commitments: &commitments,
        entries: &entries,
        goals: &goals,
    };
    let brag = brag::build(&sources, since, until, args.include_notes);
    let format = if args.json { Format::Json } else { args.format };
    let text = match format {
        Format::Json => format!("{}\n", json::document("brag", &brag)),
        Format::Markdown => render(&brag, Style::Markdown),
        Format::Text => render(&brag, Style::Text),
        Format::Html => html::page(
            &title(&brag),
            &render(&brag, Style::Markdown),
            &brag.charts(),
        ),
    };
    let mut text = text;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    if let Some(path) = write_document(args.output.as_deref(), text.as_bytes())? {
        say(&format!(
            "Wrote the brag document for {since} to {until} to {}.",
            path.display()
        ));
    }
    if brag.is_empty() && format != Format::Json {
        say("Nothing to brag about in this period yet: log wins with mentee update \"...\" --win");
    }
    Ok(())
}
