//! `mentee decide` and `mentee decisions`: the decision log. Each decision
//! keeps the options weighed, what the mentor said and, always, why.

use crate::commands::MentorArg;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::dates::Direction;
use crate::model::journal::Kind;
use crate::render::{decisions, json};
use crate::workspace::{Details, record};
use crate::workspace::{checked_text, resolve_mentor, say};

/// Record a decision: the options you weighed, your mentor's input and why
///
/// --why is required: the reason is what you will want to read again. With
/// several active mentors and no -m, the decision is your own and no
/// mentor's; --input (what a mentor said about it) needs its mentor.
#[derive(Debug, clap::Args)]
#[command(
    after_long_help = "Example:\n  mentee decide \"Stay on billing until the split ships\" \\\n    --option \"Move to the platform team now\" --option \"Stay on billing\" \\\n    --input \"Finish what you started; platform will still be there\" \\\n    --why \"Leading the split is the design experience I am missing\" -m alex"
)]
pub struct DecideArgs {
    /// What you decided (- reads it from standard input; left out on a terminal, your editor opens)
    pub text: Option<String>,
    /// Why you chose it (required)
    #[arg(long, value_name = "TEXT")]
    pub why: Option<String>,
    /// An option you weighed; repeat for each one
    #[arg(long = "option", value_name = "TEXT")]
    pub options: Vec<String>,
    /// What your mentor said about it
    #[arg(long, value_name = "TEXT")]
    pub input: Option<String>,
    #[command(flatten)]
    pub mentor: MentorArg,
}

/// List your decisions, with options, your mentor's input and why
#[derive(Debug, clap::Args)]
#[command(
    after_long_help = "Examples:\n  mentee decisions\n  mentee decisions -m alex --since 3m --json"
)]
pub struct DecisionsArgs {
    /// Only the decisions with this mentor (and those with no mentor)
    #[arg(short, long, add = crate::complete::mentors())]
    pub mentor: Option<String>,
    /// From this day on, such as 2026-09-01, mon or 2w (two weeks ago)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

const USAGE: &str = "mentee decide \"What you decided\" --why \"Why you chose it\"";

pub fn decide(ctx: &Context, args: &DecideArgs) -> Result<()> {
    // The reason is checked before the editor opens for the text.
    let why = match args.why.as_deref() {
        Some(why) => part("--why", why)?,
        None => {
            return Err(Error::missing(
                "a decision needs its reason (--why)",
                format!("say why you chose it: {USAGE}"),
            ));
        }
    };
    let options = args
        .options
        .iter()
        .map(|option| part("--option", option))
        .collect::<Result<Vec<_>>>()?;
    let input = args
        .input
        .as_deref()
        .map(|input| part("--input", input))
        .transpose()?;
    let text = ctx.long_text(args.text.as_deref(), "decision", USAGE)?;
    let details = Details {
        options,
        input,
        why: Some(why),
        ..Details::default()
    };
    let (entry, mentor) = record(
        ctx,
        Kind::Decision,
        &text,
        args.mentor.typed(),
        None,
        details,
    )?;
    let with = mentor
        .map(|m| format!(" with {}", m.name))
        .unwrap_or_default();
    say(&format!("Logged the decision{with} [{}].", entry.id));
    Ok(())
}

/// A flag's text, trimmed; empty or far too long is refused, naming the flag.
fn part(flag: &str, value: &str) -> Result<String> {
    checked_text(flag, value, &format!("write it in quotes after {flag}"))
}

pub fn list(ctx: &Context, args: &DecisionsArgs) -> Result<()> {
    let since = ctx.optional_date("--since", args.since.as_deref(), Direction::Past)?;
    let mentors = ctx.store.mentors()?;
    let slug = match &args.mentor {
        Some(typed) => Some(resolve_mentor(ctx, &mentors, Some(typed))?.slug),
        None => None,
    };
    let mut list = ctx.store.entries(since, None)?;
    list.retain(|e| {
        e.kind == Kind::Decision
            && slug
                .as_deref()
                .is_none_or(|slug| e.mentor.as_deref().is_none_or(|m| m == slug))
    });
    if args.json {
        outln!("{}", json::document("decisions", &list));
    } else if list.is_empty() {
        say(&format!(
            "No decisions logged{}. Log one with: {USAGE}",
            if since.is_some() {
                " in that period"
            } else {
                ""
            }
        ));
    } else {
        out!("{}", decisions::decisions(&list, &mentors));
    }
    Ok(())
}
