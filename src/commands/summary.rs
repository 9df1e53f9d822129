//! `mentee summary`: the progress summary to send a mentor (SPEC §4).

use crate::commands::MentorArg;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::dates::Direction;
use crate::model::ledger::Ledger;
use crate::model::search::Record;
use crate::model::summary::{self, Sources};
use crate::render::summary::{Style, render};
use crate::render::{Format, json};
use crate::workspace::behind_outcomes;
use crate::workspace::search::tag_key;
use crate::workspace::{resolve_mentor, say};

const EXAMPLES: &str = "\
Examples:
  mentee summary                        since the last meeting, as Markdown
  mentee summary -m alex --format text | mail -s \"Progress\" alex@example.com
  mentee summary --since 2026-09-01 --json
  mentee summary --tag career --since 2026-01-01";

/// Print the progress summary to send your mentor
///
/// What you did since the last meeting, ready to paste into an email.
///
/// Sections: the commitments from the last meeting and what became of them,
/// your active goals with their latest rating, progress updates and wins,
/// how the mentor's advice worked out, thank-you notes, and the topics
/// planned for the next meeting. Empty sections are left out.
#[derive(Debug, clap::Args)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    #[command(flatten)]
    pub mentor: MentorArg,
    /// Start of the period: a date, or last-meeting [default: last-meeting]
    #[arg(long, value_name = "DATE|last-meeting", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// End of the period [default: today]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub until: Option<String>,
    /// Markdown (headings and lists), plain text, or JSON [default: markdown,
    /// or $MENTEE_SUMMARY_FORMAT, or summary_format in config.toml]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Same as --format json
    #[arg(long)]
    pub json: bool,
    /// End the summary with "— NAME" [default: $MENTEE_NAME, or name in config.toml]
    #[arg(long, value_name = "NAME", conflicts_with = "no_sign")]
    pub sign: Option<String>,
    /// Leave the signature out, even when a name is configured
    #[arg(long)]
    pub no_sign: bool,
    /// Only the commitments, goals and entries that use this #tag (the #
    /// is optional); the next meeting's topics are shown as they are
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let until = ctx
        .optional_date("--until", args.until.as_deref(), Direction::Past)?
        .unwrap_or(ctx.today);
    if until > ctx.today {
        return Err(Error::not_come_yet(
            format_args!("--until {until}"),
            ": a summary tells what has happened",
            "leave out --until for a summary up to today",
        ));
    }
    let records = Ledger::load(&ctx.store)?;
    let mentor = resolve_mentor(ctx, &records.mentors, args.mentor.typed())?;
    let since = match args.since.as_deref().map(str::trim) {
        Some(text) if !text.eq_ignore_ascii_case("last-meeting") => {
            Some(ctx.date("--since", text, Direction::Past)?)
        }
        _ => summary::default_since(
            &records.meetings,
            &mentor,
            records.first_day_with(&mentor.slug),
            until,
        ),
    };
    crate::workspace::check_period(since, Some(until))?;
    let tag = args.tag.as_deref().map(tag_key).transpose()?;
    let has = |record: Record| {
        tag.as_ref()
            .is_none_or(|key| record.tag_keys().contains(key))
    };
    let mut entries = ctx.store.entries(since, Some(until))?;
    entries.retain(|e| has(Record::entry(e)));
    let mut commitments = records.commitments(ctx.today);
    commitments.retain(|c| has(Record::commitment(c)));
    let advice = behind_outcomes(ctx, &entries)?;
    let sources = Sources {
        mentor: &mentor,
        meetings: &records.meetings,
        commitments: &commitments,
        entries: &entries,
        advice: &advice,
    };
    let mut goals = ctx.store.goals()?;
    goals.retain(|g| has(Record::goal(g)));
    let summary = summary::build(&sources, since, until).with_goals(&goals, &mentor.slug);
    let format = ctx.summary_format(args.json, args.format);
    let signature = match (&args.sign, args.no_sign) {
        (_, true) => None,
        (Some(name), _) => Some(name.as_str()),
        (None, _) => ctx.settings.name.as_deref(),
    }
    .map(str::trim)
    .filter(|name| !name.is_empty());
    let signed = |text: String| match signature {
        Some(name) => crate::render::summary::signed(&text, name),
        None => text,
    };
    match format {
        Format::Json => outln!("{}", json::document("summary", &summary)),
        Format::Markdown => out!("{}", signed(render(&summary, Style::Markdown))),
        Format::Text => out!("{}", signed(render(&summary, Style::Text))),
    }
    if summary.is_empty() && format != Format::Json {
        say("Nothing to report for this period yet: log progress with mentee update \"...\"");
    }
    Ok(())
}
