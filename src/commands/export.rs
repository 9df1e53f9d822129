//! `mentee export`: the whole journal, or part of it, as one document.

use crate::context::Context;
use crate::error::Result;
use crate::model::archive::{Archive, Filter};
use crate::model::dates::Direction;
use crate::model::ledger::Ledger;
use crate::render::export;
use crate::workspace::{resolve_mentor, say, write_document};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  mentee export --format json -o journal.json     everything, for mentee import or a program
  mentee export --format markdown > journal.md    a readable archive
  mentee export -m alex --since 2026-09-01";

/// Write the journal as one document: a Markdown archive, or JSON for import
///
/// JSON holds the mentors, every meeting with its topics, check-in and
/// commitments (each with its history), the commitments made between
/// meetings, the journal entries, the queued topics and the goals with
/// their ratings. Its shape is
/// documented in docs/json.md. Comments and keys that you added to the
/// files by hand are not part of it.
#[derive(Debug, clap::Args)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    /// markdown (for people) or json (everything, for mentee import)
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    pub format: Format,
    /// Only records dated on or after this day (mentors are always included)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// Only this mentor's records, plus entries meant for every mentor
    #[arg(short, long, add = crate::complete::mentors())]
    pub mentor: Option<String>,
    /// Write to this file instead of standard output (- for standard output)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Markdown,
    Json,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let since = ctx.optional_date("--since", args.since.as_deref(), Direction::Past)?;
    let records = Ledger::load(&ctx.store)?;
    let mentor = match &args.mentor {
        Some(typed) => Some(resolve_mentor(ctx, &records.mentors, Some(typed))?.slug),
        None => None,
    };
    let archive = Archive {
        mentors: records.mentors,
        meetings: records.meetings,
        unattached: records.unattached,
        entries: ctx.store.entries(None, None)?,
        later: ctx.store.later()?,
        goals: ctx.store.goals()?,
        silence: ctx.store.silenced()?,
    };
    let whole = since.is_none() && mentor.is_none();
    if whole && args.format == Format::Json {
        warn_unless_importable(&archive);
    }
    let filter = Filter { since, mentor };
    let archive = archive.filtered(&filter);
    let mut text = match args.format {
        Format::Json => export::json(&archive, ctx.today, &filter),
        Format::Markdown => export::markdown(&archive, ctx.today, &filter),
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    if let Some(path) = write_document(args.output.as_deref(), text.as_bytes())? {
        say(&format!(
            "Exported {} meetings, {} commitments and {} journal entries to {}.",
            archive.meetings.len(),
            archive.commitments().count(),
            archive.entries.len(),
            path.display()
        ));
    }
    Ok(())
}

/// The files may say what import refuses (a mentor slug no mentor has,
/// after a hand edit): the export is still written, as it is the person's
/// data, but they hear now, not on the day they need the import.
fn warn_unless_importable(archive: &Archive) {
    let problems = crate::workspace::archive_problems(archive);
    if problems.is_empty() {
        return;
    }
    say(&format!(
        "warning: mentee import would refuse this export until the files are fixed; {}",
        crate::render::text::listed(&problems)
    ));
}
