//! `mentee search`: find words, a pattern or a #tag in everything written.

use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::dates::Direction;
use crate::model::ledger::Ledger;
use crate::model::search::{self, KINDS, PatternError, Query};
use crate::render::{self, json};
use crate::workspace::search::{Scope, each_record, tag_key};
use crate::workspace::{resolve_mentor, say};
use clap::builder::PossibleValuesParser;

const EXAMPLES: &str = "\
Examples:
  mentee search resume                 finds Résumé, résumé and RESUME
  mentee search billing split -m alex  records with both words
  mentee search --regex 'split(ting)? (the )?billing' --kind commitment
  mentee search --tag career --since 2026-01-01
  mentee search review --json";

/// Find words, a pattern or a #tag in everything you wrote
///
/// Looks through meeting topics and check-in notes, commitments and the
/// notes on their progress, every journal entry (with a decision's options,
/// input and reason), goals with their measures and rating notes, and topics
/// queued for later. As in a search box, case and accents do not count and
/// a record is shown when it holds every word; each line that holds one is
/// shown, oldest first. See docs/search.md.
#[derive(Debug, clap::Args)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    /// The words to find (every one must occur), or with --regex a pattern
    #[arg(value_name = "WORDS", required_unless_present = "tag")]
    pub words: Vec<String>,
    /// Only what concerns this mentor (entries for everyone included)
    #[arg(short, long, add = crate::complete::mentors())]
    pub mentor: Option<String>,
    /// From this day on, such as 2026-09-01, mon or 2w (two weeks ago)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// Up to and including this day
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub until: Option<String>,
    /// Only records of this kind; repeat it for more than one
    #[arg(long, value_name = "KIND", value_parser = PossibleValuesParser::new(KINDS))]
    pub kind: Vec<String>,
    /// Read WORDS as one regular expression, matched line by line without
    /// regard to case ((?-i) makes it count)
    #[arg(long)]
    pub regex: bool,
    /// Only records that use this #tag (the # is optional)
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
    /// Print JSON instead of lines
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let since = ctx.optional_date("--since", args.since.as_deref(), Direction::Past)?;
    let until = ctx.optional_date("--until", args.until.as_deref(), Direction::Past)?;
    crate::workspace::check_period(since, until)?;
    let query = if args.regex {
        let pattern = args.words.join(" ");
        Query::regex(&pattern).map_err(|err| {
            let hint = match err {
                PatternError::Syntax { .. } => {
                    "put a backslash before a character that has a meaning in a pattern \
                     (such as \\( \\[ \\. \\* \\+ \\?), or leave out --regex to search for the words"
                }
                PatternError::TooBig(_) => {
                    "ask for fewer repetitions (a smaller count in {N}) or a shorter pattern"
                }
            };
            Error::user_with_hint(
                format!("the pattern {pattern:?} does not compile: {err}"),
                hint,
            )
        })?
    } else {
        Query::words(&args.words)
    };
    let query = query.with_tag(args.tag.as_deref().map(tag_key).transpose()?);
    if query.is_empty() {
        return Err(Error::missing(
            "there is no word to look for",
            "give at least one word, such as `mentee search billing`, or a tag with --tag",
        ));
    }
    let ledger = Ledger::load_where(&ctx.store, &|raw| query.may_match(raw))?;
    let slug = match &args.mentor {
        Some(typed) => Some(resolve_mentor(ctx, &ledger.mentors, Some(typed))?.slug),
        None => None,
    };
    let scope = Scope {
        kinds: &args.kind,
        since,
        until,
    };
    let mut hits = Vec::new();
    each_record(
        ctx,
        &ledger,
        &scope,
        &|raw| query.may_match(raw),
        &mut |record| {
            if slug
                .as_deref()
                .is_some_and(|s| record.mentor.is_some_and(|m| m != s))
            {
                return;
            }
            hits.extend(query.hit(record));
        },
    )?;
    search::sort(&mut hits);
    if args.json {
        outln!("{}", json::document("hits", &hits));
    } else if hits.is_empty() {
        say("Nothing found.");
    } else {
        out!(
            "{}",
            render::search::hits(&hits, &ledger.mentors, ctx.color)
        );
    }
    Ok(())
}
