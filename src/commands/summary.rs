//! `mentee summary`: the progress summary to send a mentor (SPEC §4).

use crate::commands::{MentorArg, ShareArgs};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::dates::Direction;
use crate::model::ledger::Ledger;
use crate::model::search::Record;
use crate::model::summary::{self, Sources};
use crate::render::summary::{Style, render, title};
use crate::render::{Format, html, json};
use crate::workspace::behind_outcomes;
use crate::workspace::search::tag_key;
use crate::workspace::share::{self, Letter, Share};
use crate::workspace::{resolve_mentor, say};

const EXAMPLES: &str = "\
Examples:
  mentee summary                        since the last meeting, as Markdown
  mentee summary -m alex --format text | mail -s \"Progress\" alex@example.com
  mentee summary --since 2026-09-01 --json
  mentee summary -m alex --eml update.eml     a draft email to open in your mail client
  mentee summary -m alex --send               email it through sendmail (asks first)
  mentee summary --copy                       onto the clipboard, over SSH too
  mentee summary --tag career --since 2026-01-01";

/// Print the progress summary to send your mentor
///
/// What you did since the last meeting, ready to paste into an email.
///
/// Sections: the commitments from the last meeting and what became of them,
/// every other commitment to the mentor still open (Still open: due date,
/// overdue, meetings carried over; each commitment shows once), your active
/// goals with their latest rating, progress updates and wins, how the
/// mentor's advice worked out, thank-you notes, and the topics planned for
/// the next meeting. Empty sections are left out.
///
/// An update, win or goal logged for every mentor (without -m) shows only
/// if it was logged, set or rated while this relationship was on (from the
/// mentor's --since, else the first meeting or commitment, to its end), or
/// something with this mentor names the goal. See docs/summary.md.
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
    /// Markdown (headings and lists), plain text, JSON, or one
    /// self-contained HTML page with charts [default: markdown, or
    /// $MENTEE_SUMMARY_FORMAT, or summary_format in config.toml]
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
    #[command(flatten)]
    pub share: ShareArgs,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let how = args.share.how();
    let format = share::format(ctx, args.json, args.format, how)?;
    let until = ctx.until_today(args.until.as_deref(), "a summary")?;
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
    let mut goals = ctx.store.goals()?;
    goals.retain(|g| has(Record::goal(g)));
    let sources = Sources {
        mentor: &mentor,
        meetings: &records.meetings,
        commitments: &commitments,
        entries: &entries,
        advice: &advice,
        goals: &goals,
        first_record: records.first_day_with(&mentor.slug),
    };
    let summary = summary::build(&sources, since, until);
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
    let markdown = signed(render(&summary, Style::Markdown));
    let text = match format {
        Format::Json => format!("{}\n", json::document("summary", &summary)),
        Format::Markdown => markdown.clone(),
        Format::Text => signed(render(&summary, Style::Text)),
        Format::Html => html::page(&title(&summary), &markdown, &summary.charts()),
    };
    match how {
        None => out!("{text}"),
        Some(Share::Send { .. }) if summary.is_empty() => {
            return Err(Error::user_with_hint(
                "the summary has nothing to report for this period yet, so nothing was sent",
                "log progress with mentee update \"...\" first, or choose another --since",
            ));
        }
        Some(how) => {
            let letter = Letter {
                what: "summary",
                mentor: &mentor,
                title: title(&summary),
                text,
                markdown,
            };
            share::share(ctx, &letter, how)?;
        }
    }
    if summary.is_empty() && !matches!(format, Format::Json | Format::Html) {
        say("Nothing to report for this period yet: log progress with mentee update \"...\"");
    }
    Ok(())
}
