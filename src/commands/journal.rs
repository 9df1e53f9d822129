//! `mentee update`, `thanks`, `note` and `giveback`: the journal between
//! meetings. Each writes its entry through [`crate::workspace::record`].

use crate::commands::MentorArg;
use crate::context::Context;
use crate::error::Result;
use crate::model::journal::Kind;
use crate::workspace::say;
use crate::workspace::{Details, record};

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
    #[arg(short, long, add = crate::complete::mentors())]
    pub mentor: Option<String>,
    /// The commitment this update is about
    #[arg(long, value_name = "ID", add = crate::complete::any_commitment())]
    pub action: Option<String>,
    /// The goal this update moves forward (see mentee goal list)
    #[arg(long, value_name = "ID", add = crate::complete::active_goals())]
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
    #[command(flatten)]
    pub mentor: MentorArg,
    /// The commitment it is about (its ID or a unique prefix)
    #[arg(long, value_name = "ID", add = crate::complete::any_commitment())]
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
    #[command(flatten)]
    pub mentor: MentorArg,
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
    #[command(flatten)]
    pub mentor: MentorArg,
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
        args.mentor.typed(),
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
        args.mentor.typed(),
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
        args.mentor.typed(),
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
