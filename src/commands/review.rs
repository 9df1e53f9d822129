//! `mentee review`: the mid-term or closing review of a whole mentorship.
//! It reads every record about one mentor; it is run a few times a year.

use crate::commands::{MentorArg, ShareArgs};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::ledger::Ledger;
use crate::model::review::{self, Sources, Stage};
use crate::render::review::{render, title};
use crate::render::summary::Style;
use crate::render::{Format, html, json};
use crate::workspace::share::{self, Letter};
use crate::workspace::{resolve_mentor, say};

const EXAMPLES: &str = "\
Examples:
  mentee review -m alex --mid           halfway through the term
  mentee review -m jordan --format text | mail -s \"Looking back\" jordan@example.com
  mentee review -m alex --json
  mentee review -m alex --eml review.eml      a draft email to open in your mail client
  mentee review -m alex --send                email it through sendmail (asks first)";

/// Print a review of the whole mentorship, ready to share
///
/// Covers the term: from the mentor's --since (or the first record with
/// them) to its --until, or to today while it goes on. Sections: how often
/// you met, your goals and their ratings from first to latest, the
/// commitments you kept, dropped and still have open (counted, then listed
/// in those three groups), wins, how the mentor's advice worked out (and
/// which advice you have not reported on), thank-you notes, and what you
/// shared with the mentor. Empty sections are left out.
///
/// Wins and goals logged for every mentor (without -m) show only if they
/// were logged, set or rated while this relationship was on, or something
/// with this mentor names the goal. See docs/summary.md.
#[derive(Debug, clap::Args)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    #[command(flatten)]
    pub mentor: MentorArg,
    /// A mid-term review, while the relationship goes on
    #[arg(long)]
    pub mid: bool,
    /// Markdown (headings and lists), plain text, JSON, or one
    /// self-contained HTML page with charts [default: markdown, or
    /// $MENTEE_SUMMARY_FORMAT, or summary_format in config.toml]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Same as --format json
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub share: ShareArgs,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let how = args.share.how();
    let format = share::format(ctx, args.json, args.format, how)?;
    let records = Ledger::load(&ctx.store)?;
    let mentor = resolve_mentor(ctx, &records.mentors, args.mentor.typed())?;
    let entries = ctx.store.entries(None, Some(ctx.today))?;
    let first_entry = entries
        .iter()
        .find(|e| e.mentor.as_deref() == Some(mentor.slug.as_str()))
        .map(|e| e.date);
    let first_record = [records.first_day_with(&mentor.slug), first_entry]
        .into_iter()
        .flatten()
        .min();
    let (since, until) = review::period(&mentor, first_record, ctx.today);
    if let Some(since) = since.filter(|since| *since > until) {
        return Err(Error::user_with_hint(
            format!(
                "the mentorship with {} starts on {since}, after the review would end on {until}",
                mentor.name
            ),
            format!(
                "review it once it has begun, or correct its dates: mentee mentor set {} \
                 --since DATE --until DATE (or mentee mentor reopen {})",
                mentor.slug, mentor.slug
            ),
        ));
    }
    let goals = ctx.store.goals()?;
    let commitments = records.commitments(ctx.today);
    let sources = Sources {
        mentor: &mentor,
        meetings: &records.meetings,
        commitments: &commitments,
        entries: &entries,
        goals: &goals,
    };
    let stage = if args.mid {
        Stage::MidTerm
    } else {
        Stage::Closing
    };
    let review = review::build(&sources, stage, since, until);
    let markdown = render(&review, Style::Markdown);
    let text = match format {
        Format::Json => format!("{}\n", json::document("review", &review)),
        Format::Markdown => markdown.clone(),
        Format::Text => render(&review, Style::Text),
        Format::Html => html::page(&title(&review), &markdown, &review.charts()),
    };
    match how {
        None => out!("{text}"),
        Some(how) => {
            let letter = Letter {
                what: "review",
                mentor: &mentor,
                title: title(&review),
                text,
                markdown,
            };
            share::share(ctx, &letter, how)?;
        }
    }
    match (args.mid, mentor.until) {
        (false, None) if mentor.is_active(ctx.today) => say(&format!(
            "A closing review, though {} has no end date: add --mid for a mid-term one, or end it with mentee mentor end {}",
            mentor.name, mentor.slug
        )),
        (false, Some(until)) if until > ctx.today => say(&format!(
            "A closing review, though the mentorship with {} runs until {until}: add --mid for a mid-term one",
            mentor.name
        )),
        (true, Some(until)) if until <= ctx.today => say(&format!(
            "A mid-term review, though the mentorship with {} ended on {until}: leave out --mid for the closing review",
            mentor.name
        )),
        (true, None) => say(&format!(
            "A mid-term review, though the mentorship with {} has no end date to be halfway to",
            mentor.name
        )),
        _ => {}
    }
    Ok(())
}
