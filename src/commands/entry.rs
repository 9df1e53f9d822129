//! `mentee entry set`: correct a journal entry (an update, a win, a thank-you,
//! a note, advice, an outcome, a decision or a give-back) that was mistyped.

use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::correction::{Edit, EntryFix};
use crate::model::id::{self, Lookup};
use crate::model::journal::Entry;
use crate::render::text::a_kind;
use crate::workspace::{checked_text, say};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Correct the text of a journal entry, or a decision's why and input
    ///
    /// The entry keeps its ID, date, kind and links; it is marked with the
    /// day it was edited (`edited` in its file).
    #[command(
        after_long_help = "Examples:\n  mentee entry set k3f9x2 --text \"Shipped the billing split\"\n  mentee entry set d4e5f6 --why \"it keeps both teams unblocked\""
    )]
    Set(SetArgs),
}

#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// The entry's ID (a unique prefix is enough)
    #[arg(add = crate::complete::any_id())]
    pub id: String,
    /// What the entry now says (- reads it from standard input)
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,
    /// For a decision: why you chose it
    #[arg(long, value_name = "TEXT")]
    pub why: Option<String>,
    /// For a decision: what your mentor said ("" takes it away)
    #[arg(long, value_name = "TEXT")]
    pub input: Option<String>,
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::Set(args) => set(ctx, &args),
    }
}

fn set(ctx: &Context, args: &SetArgs) -> Result<()> {
    let text = match &args.text {
        Some(text) => Some(checked_text(
            "the entry",
            &ctx.text_arg(text)?,
            "write what happened, in quotes",
        )?),
        None => None,
    };
    let why = match &args.why {
        Some(why) => Some(checked_text("the why", why, "say why you chose it")?),
        None => None,
    };
    let input = match args.input.as_deref().map(str::trim) {
        Some("") => Edit::Clear,
        Some(input) => Edit::Set(checked_text("the input", input, "")?),
        None => Edit::Keep,
    };
    let fix = EntryFix { text, why, input };
    if fix.is_empty() {
        return Err(Error::user_with_hint(
            "nothing to change",
            "give --text TEXT (for a decision also --why TEXT or --input TEXT)",
        ));
    }
    let lock = ctx.store.lock()?;
    let found = ctx.store.entries_with_id(&args.id)?;
    let mut entry = find_entry(found, &args.id)?;
    let changed = entry.correct(&fix, ctx.today).map_err(|err| {
        Error::user_with_hint(
            format!("[{}] is {}: {err}", entry.id, a_kind(&entry.kind)),
            "correct its text with --text",
        )
    })?;
    if changed.is_empty() {
        say(&format!("[{}] is already so; nothing changed.", entry.id));
        return Ok(());
    }
    ctx.store
        .rewrite_entries(&lock, std::slice::from_ref(&entry), &[])?;
    say(&format!(
        "Corrected the {} of {} [{}] from {}.",
        changed.join(", "),
        a_kind(&entry.kind),
        entry.id,
        entry.date
    ));
    Ok(())
}

/// The one entry with this ID or unique prefix.
fn find_entry(found: Vec<Entry>, typed: &str) -> Result<Entry> {
    let ids: Vec<_> = found.iter().map(|e| e.id.clone()).collect();
    match id::lookup(typed, ids.iter().zip(found)) {
        Lookup::Found(entry) => Ok(entry),
        Lookup::Missing => Err(Error::unknown_id(
            typed,
            "journal entry",
            "see your entries and their IDs with: mentee log; a commitment is corrected with: mentee action set ID",
        )),
        Lookup::Ambiguous(found) => Err(Error::ambiguous_id(
            typed,
            "journal entry",
            found.iter().map(|e| &e.id),
        )),
    }
}
