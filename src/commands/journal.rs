//! `mentee update`, `thanks`, `note` and `giveback`: the journal between
//! meetings. [`record`] is how every journal command writes an entry.

use crate::commands::{Records, checked_text, goal, resolve_mentor, say};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::id::Id;
use crate::model::journal::{Entry, Kind};
use crate::model::meeting::last_held;
use crate::model::mentor::Mentor;

/// Log progress between meetings; --win for a milestone
///
/// With several active mentors and no -m, the update is for all of them and
/// appears in every mentor's summary.
#[derive(Debug, clap::Args)]
#[command(
    after_long_help = "Examples:\n  mentee update \"Split the invoices module out of billing\" --action k3f9x2\n  mentee update \"My design was approved\" --win"
)]
pub struct UpdateArgs {
    /// What happened (- reads it from standard input; left out on a terminal, your editor opens)
    pub text: Option<String>,
    /// The mentor it is for; without it, with several mentors, it is for all of them
    #[arg(short, long)]
    pub mentor: Option<String>,
    /// The commitment this update is about
    #[arg(long, value_name = "ID")]
    pub action: Option<String>,
    /// The goal this update moves forward (see mentee goal list)
    #[arg(long, value_name = "ID")]
    pub goal: Option<String>,
    /// A milestone worth celebrating
    #[arg(long)]
    pub win: bool,
}

/// Log a thank-you note for what helped
///
/// Thanks are most useful when they name what helped; --action ties them to
/// a commitment. They appear in the summary for that mentor.
#[derive(Debug, clap::Args)]
#[command(
    after_long_help = "Example:\n  mentee thanks \"Your tip on small PRs got my first review through in a day\" --action k3f9x2"
)]
pub struct ThanksArgs {
    /// What you are thankful for (- reads it from standard input; left out on a terminal, your editor opens)
    pub text: Option<String>,
    /// The mentor (name, slug or unique prefix); optional with one active mentor
    #[arg(short, long)]
    pub mentor: Option<String>,
    /// The commitment it is about (its ID or a unique prefix)
    #[arg(long, value_name = "ID")]
    pub action: Option<String>,
}

/// Log something you gave back to a mentor
///
/// An opportunity, an article, an introduction: mentorship runs both ways.
/// What you gave back appears in the review of the mentorship.
#[derive(Debug, clap::Args)]
#[command(
    after_long_help = "Examples:\n  mentee giveback \"Sent Alex the call for speakers of the platform meetup\"\n  mentee giveback \"Introduced Priya to Sam, who runs the data guild\" -m priya"
)]
pub struct GivebackArgs {
    /// What you shared or did (- reads it from standard input; left out on a terminal, your editor opens)
    pub text: Option<String>,
    /// The mentor (name, slug or unique prefix); optional with one active mentor
    #[arg(short, long)]
    pub mentor: Option<String>,
}

/// Record a note or piece of advice from the latest meeting
///
/// The note is attached to the latest meeting held with the mentor.
#[derive(Debug, clap::Args)]
#[command(
    after_long_help = "Example:\n  mentee note \"Read 'A Philosophy of Software Design', chapter 4\""
)]
pub struct NoteArgs {
    /// The note (- reads it from standard input; left out on a terminal, your editor opens)
    pub text: Option<String>,
    /// The mentor (name, slug or unique prefix); optional with one active mentor
    #[arg(short, long)]
    pub mentor: Option<String>,
}

pub fn update(ctx: &Context, args: &UpdateArgs) -> Result<()> {
    let kind = if args.win { Kind::Win } else { Kind::Update };
    let text = ctx.long_text(
        args.text.as_deref(),
        kind.as_str(),
        "mentee update \"What happened\"",
    )?;
    add(
        ctx,
        kind,
        &text,
        args.mentor.as_deref(),
        args.action.as_deref(),
        Details {
            goal: args.goal.clone(),
            ..Details::default()
        },
    )
}

pub fn thanks(ctx: &Context, args: &ThanksArgs) -> Result<()> {
    let text = ctx.long_text(
        args.text.as_deref(),
        "thank-you note",
        "mentee thanks \"What helped\"",
    )?;
    add(
        ctx,
        Kind::Thanks,
        &text,
        args.mentor.as_deref(),
        args.action.as_deref(),
        Details::default(),
    )
}

pub fn note(ctx: &Context, args: &NoteArgs) -> Result<()> {
    let text = ctx.long_text(
        args.text.as_deref(),
        "note",
        "mentee note \"What was said\"",
    )?;
    add(
        ctx,
        Kind::Note,
        &text,
        args.mentor.as_deref(),
        None,
        Details::default(),
    )
}

pub fn giveback(ctx: &Context, args: &GivebackArgs) -> Result<()> {
    let text = ctx.long_text(
        args.text.as_deref(),
        "give-back",
        "mentee giveback \"What you shared\"",
    )?;
    let (entry, mentor) = record(
        ctx,
        Kind::Giveback,
        &text,
        args.mentor.as_deref(),
        None,
        Details::default(),
    )?;
    let to = mentor
        .map(|m| format!(" with {}", m.name))
        .unwrap_or_default();
    say(&format!("Logged what you shared{to} [{}].", entry.id));
    Ok(())
}

fn add(
    ctx: &Context,
    kind: Kind,
    text: &str,
    mentor: Option<&str>,
    action: Option<&str>,
    details: Details,
) -> Result<()> {
    let (entry, mentor) = record(ctx, kind, text, mentor, action, details)?;
    let to = match mentor {
        Some(mentor) => format!(" for {}", mentor.name),
        None if entry.kind.is_progress() => " for all your mentors".to_string(),
        None => String::new(),
    };
    let cheer = if entry.kind == Kind::Win {
        " Well done!"
    } else {
        ""
    };
    say(&format!(
        "Logged the {}{to} [{}].{cheer}",
        entry.kind, entry.id
    ));
    Ok(())
}

/// What some kinds of entry carry besides their text.
#[derive(Debug, Default)]
pub struct Details {
    /// For an outcome: the advice it is about, and that advice's mentor.
    pub about: Option<(Id, Option<String>)>,
    /// For a decision: the options weighed, the mentor's input, the reason.
    pub options: Vec<String>,
    pub input: Option<String>,
    pub why: Option<String>,
    /// The goal the entry moves forward, as typed (an ID or a prefix).
    pub goal: Option<String>,
}

/// Checks a new entry, finds its mentor and writes it to its month's file:
/// the one way every journal command records something. Returns the entry
/// and its mentor (`None` for an entry meant for every mentor).
pub fn record(
    ctx: &Context,
    kind: Kind,
    text: &str,
    mentor: Option<&str>,
    action: Option<&str>,
    details: Details,
) -> Result<(Entry, Option<Mentor>)> {
    let text = checked_text(
        &format!("the {kind}"),
        text,
        "write what happened, in quotes",
    )?;
    let lock = ctx.store.lock()?;
    // Meetings are read only when needed: a plain update touches none.
    let records = if action.is_some() || kind == Kind::Note {
        Records::load(&ctx.store)?
    } else {
        Records::mentors_only(&ctx.store)?
    };
    let action = match action {
        Some(typed) => {
            let origin = records.find_action(&ctx.store, typed)?;
            Some((
                records.action(origin).id.clone(),
                records.mentor_of(origin).to_string(),
            ))
        }
        None => None,
    };
    // A linked record (a commitment, a piece of advice) implies its mentor.
    let implied = match (&action, &details.about) {
        (Some((_, owner)), _) => Some(owner.as_str()),
        (None, Some((_, owner))) => owner.as_deref(),
        (None, None) => None,
    };
    // Updates, and decisions without a mentor's input, may be for everyone.
    let for_all = kind.is_progress() || (kind == Kind::Decision && details.input.is_none());
    let mentor = who(ctx, &records, for_all, mentor, implied)?;
    if let (Some(mentor), Some((id, owner))) = (&mentor, &action)
        && mentor.slug != *owner
    {
        return Err(Error::user_with_hint(
            format!(
                "[{id}] is a commitment to {}, not to {}",
                records.mentor_name(owner),
                mentor.name
            ),
            "leave out -m, or name the mentor the commitment was made to",
        ));
    }
    let meeting = match (&kind, &mentor) {
        (Kind::Note, Some(m)) => {
            last_held(&records.meetings, &m.slug, ctx.today).map(|m| m.id.clone())
        }
        _ => None,
    };
    let mut entry = Entry::new(
        ctx.store.new_id(&[])?,
        ctx.today,
        kind,
        mentor.as_ref().map(|m| m.slug.clone()),
        text,
    );
    entry.action = action.map(|(id, _)| id);
    entry.meeting = meeting;
    entry.about = details.about.map(|(id, _)| id);
    entry.options = details.options;
    entry.input = details.input;
    entry.why = details.why;
    entry.goal = goal::link(&ctx.store, details.goal.as_deref())?;
    ctx.store.add_entry(&lock, &entry)?;
    Ok((entry, mentor))
}

/// The mentor an entry is for. Entries that may be `for_all` (updates) are
/// for everyone when several mentors are active and none is named; thanks
/// and notes need one.
fn who(
    ctx: &Context,
    records: &Records,
    for_all: bool,
    typed: Option<&str>,
    implied: Option<&str>,
) -> Result<Option<Mentor>> {
    if typed.is_none() {
        if let Some(slug) = implied {
            return Ok(records.mentors.iter().find(|m| m.slug == slug).cloned());
        }
        let active = records
            .mentors
            .iter()
            .filter(|m| m.is_active(ctx.today))
            .count();
        if for_all && active != 1 {
            return Ok(None);
        }
    }
    resolve_mentor(ctx, &records.mentors, typed).map(Some)
}
