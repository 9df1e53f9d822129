//! `mentee advice` and `mentee outcome`: a mentor's advice, and how it
//! worked out when you tried it. Outcomes show in the summary and the review.

use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::id::{self, Lookup};
use crate::model::journal::{Entry, Kind};
use crate::render::text;
use crate::workspace::say;
use crate::workspace::{Details, record};

/// Record a piece of advice a mentor gave you
///
/// Prints the advice's ID on stdout: pass it to `mentee outcome` once you
/// have tried the advice, and the next summary tells your mentor how it went.
#[derive(Debug, clap::Args)]
#[command(
    after_long_help = "Examples:\n  mentee advice \"Escalate with a date, not with urgency\" -m alex\n  mentee outcome k3f9x2 \"Asked for an answer by Friday; got it the same day\""
)]
pub struct AdviceArgs {
    /// The advice (- reads it from standard input; left out on a terminal, your editor opens)
    pub text: Option<String>,
    /// The mentor who gave it (name, slug or unique prefix); optional with one active mentor
    #[arg(short, long, add = crate::complete::mentors())]
    pub mentor: Option<String>,
}

/// Record how a piece of advice worked out
///
/// The outcome belongs to the advice's mentor. It appears in the next
/// summary ("How your advice worked out") and in the review of the
/// mentorship. Find advice IDs with `mentee log`.
#[derive(Debug, clap::Args)]
#[command(
    after_long_help = "Example:\n  mentee outcome k3f9x2 \"Asked for an answer by Friday; got it the same day\""
)]
pub struct OutcomeArgs {
    /// The advice's ID (a unique prefix is enough)
    #[arg(add = crate::complete::advice())]
    pub id: String,
    /// What happened when you tried it (- reads it from standard input; left out on a terminal, your editor opens)
    pub text: Option<String>,
    /// The commitment you made to try it (its ID or a unique prefix): links
    /// the advice to what you did, for mentee brag
    #[arg(long, value_name = "ID", add = crate::complete::any_commitment())]
    pub action: Option<String>,
}

pub fn advice(ctx: &Context, args: &AdviceArgs) -> Result<()> {
    let text = ctx.long_text(
        args.text.as_deref(),
        "advice",
        "mentee advice \"What your mentor advised\"",
    )?;
    let (entry, mentor) = record(
        ctx,
        Kind::Advice,
        &text,
        args.mentor.as_deref(),
        None,
        Details::default(),
    )?;
    let from = mentor
        .map(|m| format!(" from {}", m.name))
        .unwrap_or_default();
    say(&format!(
        "Logged the advice{from} [{id}]. Once you have tried it: mentee outcome {id} \"How it went\"",
        id = entry.id
    ));
    outln!("{}", entry.id);
    Ok(())
}

pub fn outcome(ctx: &Context, args: &OutcomeArgs) -> Result<()> {
    let advice = find_advice(ctx, &args.id)?;
    let text = ctx.long_text(
        args.text.as_deref(),
        "outcome",
        &format!("mentee outcome {} \"How it went\"", advice.id),
    )?;
    let details = Details {
        about: Some((advice.id.clone(), advice.mentor.clone())),
        ..Details::default()
    };
    let (entry, mentor) = record(
        ctx,
        Kind::Outcome,
        &text,
        None,
        args.action.as_deref(),
        details,
    )?;
    let whose = mentor
        .map(|m| format!("{}'s", m.name))
        .unwrap_or_else(|| "the".to_string());
    say(&format!(
        "Logged how {whose} advice [{}] worked out [{}]. It will be in your next summary.",
        advice.id, entry.id
    ));
    Ok(())
}

/// The advice entry with the ID (or unique prefix) the user typed. Only the
/// month files that use a matching ID are read (see
/// [`crate::store::Store::entries_with_id`]).
fn find_advice(ctx: &Context, typed: &str) -> Result<Entry> {
    let found = ctx.store.entries_with_id(typed)?;
    let advice = found.iter().filter(|e| e.kind == Kind::Advice);
    match id::lookup(typed, advice.map(|e| (&e.id, e))) {
        Lookup::Found(entry) => Ok(entry.clone()),
        Lookup::Ambiguous(entries) => Err(Error::ambiguous_id(
            typed,
            "advice",
            entries.iter().map(|e| &e.id),
        )),
        Lookup::Missing => {
            let other = found.iter().find(|e| e.id.matches_prefix(typed));
            Err(Error::user_with_hint(
                match other {
                    Some(e) => format!("[{}] is {}, not advice", e.id, text::a_kind(&e.kind)),
                    None => format!("no advice has the ID `{}`", typed.trim()),
                },
                "find the advice and its ID with: mentee log; record advice with: mentee advice \"...\"",
            ))
        }
    }
}
