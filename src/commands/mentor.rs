//! `mentee mentor add | list | end`: the people who mentor you.

use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::commitment;
use crate::model::dates::{Direction, Span};
use crate::model::ledger::Ledger;
use crate::model::mentor::{Mentor, NameError, Role, check_name, normalize_name, unique_slug};
use crate::model::overview;
use crate::render::{json, listing};
use crate::workspace::{resolve_mentor, say};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Register a mentor, coach or sponsor
    #[command(
        after_long_help = "Examples:\n  mentee mentor add \"Alex Kim\" --every 2w\n  mentee mentor add \"Priya Natarajan\" --role sponsor --email priya@example.com"
    )]
    Add(AddArgs),
    /// List mentors with their cadence, meetings and open commitments
    #[command(
        after_long_help = "Examples:\n  mentee mentor list\n  mentee mentor list --all --json"
    )]
    List(ListArgs),
    /// End a mentoring relationship; its history is kept
    #[command(after_long_help = "Example:\n  mentee mentor end \"Alex Kim\" --on 2026-12-31")]
    End(EndArgs),
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// Their name, as you write it
    pub name: String,
    /// What they do for you
    #[arg(long, value_enum, default_value_t = Role::Mentor)]
    pub role: Role,
    /// Their email address, for your reference
    #[arg(long, value_name = "ADDR")]
    pub email: Option<String>,
    /// How often you meet, such as 1w, 2w or 1m
    #[arg(long, value_name = "SPAN")]
    pub every: Option<Span>,
    /// When the relationship started
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// When it ends, if agreed
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub until: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Include relationships that have ended
    #[arg(long)]
    pub all: bool,
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct EndArgs {
    /// The mentor's name, slug or a unique prefix
    #[arg(add = crate::complete::mentors())]
    pub name: String,
    /// The last day of the relationship [default: today]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub on: Option<String>,
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::Add(args) => add(ctx, &args),
        Command::List(args) => list(ctx, &args),
        Command::End(args) => end(ctx, &args),
    }
}

fn add(ctx: &Context, args: &AddArgs) -> Result<()> {
    let name = check_name(&args.name).map_err(|err| {
        let hint = match err {
            NameError::Empty => "mentee mentor add \"Alex Kim\"",
            NameError::Shape => {
                "use the name you call them by; a role or note goes in --role or the journal"
            }
        };
        Error::user_with_hint(err.to_string(), hint)
    })?;
    let since = ctx.optional_date("--since", args.since.as_deref(), Direction::Past)?;
    let until = ctx.optional_date("--until", args.until.as_deref(), Direction::Future)?;
    if let (Some(since), Some(until)) = (since, until)
        && until < since
    {
        return Err(Error::user_with_hint(
            format!("--until {until} is before --since {since}"),
            "--since is when the mentorship began, --until when it ends or ended",
        ));
    }
    let lock = ctx.store.lock()?;
    let mut mentors = ctx.store.mentors()?;
    if let Some(same) = mentors
        .iter()
        .find(|m| normalize_name(&m.name).to_lowercase() == name.to_lowercase())
    {
        return Err(Error::user_with_hint(
            format!("{} is already a mentor", same.name),
            "use a different name to tell two people apart",
        ));
    }
    let slug = unique_slug(
        &name,
        &mentors.iter().map(|m| m.slug.as_str()).collect::<Vec<_>>(),
    );
    let email = args
        .email
        .as_deref()
        .map(|e| e.trim().to_string())
        .filter(|e| !e.is_empty());
    let mentor = Mentor {
        name,
        slug,
        role: args.role,
        email,
        every: args.every,
        since,
        until,
        silence: Vec::new(),
    };
    mentors.push(mentor.clone());
    ctx.store.save_mentors(&lock, &mentors)?;
    if let Some(until) = until.filter(|until| *until <= ctx.today) {
        say(&format!(
            "Note: with --until {until}, this relationship has already ended."
        ));
    }
    say(&format!(
        "Added {} ({}, -m {}). Plan your first meeting: mentee agenda \"TOPIC\" -m {}",
        mentor.name, mentor.role, mentor.slug, mentor.slug
    ));
    Ok(())
}

fn list(ctx: &Context, args: &ListArgs) -> Result<()> {
    let records = Ledger::load(&ctx.store)?;
    let commitments = commitment::all(&records.meetings, &records.unattached, ctx.today);
    let rows: Vec<_> = records
        .mentors
        .iter()
        .filter(|m| args.all || m.is_active(ctx.today))
        .map(|m| overview::build(m, &records.meetings, &commitments, ctx.today))
        .collect();
    if args.json {
        outln!("{}", json::document("mentors", &rows));
    } else if rows.is_empty() {
        let hint = if records.mentors.is_empty() {
            "No mentors yet. Add one: mentee mentor add \"NAME\""
        } else {
            "No active mentors. See all of them with: mentee mentor list --all"
        };
        say(hint);
    } else {
        outln!("{}", listing::mentors(&rows, ctx.width));
    }
    Ok(())
}

fn end(ctx: &Context, args: &EndArgs) -> Result<()> {
    let on = ctx
        .optional_date("--on", args.on.as_deref(), Direction::Past)?
        .unwrap_or(ctx.today);
    let lock = ctx.store.lock()?;
    let mut mentors = ctx.store.mentors()?;
    let slug = resolve_mentor(ctx, &mentors, Some(&args.name))?.slug;
    let mentor = mentors
        .iter_mut()
        .find(|m| m.slug == slug)
        .ok_or_else(|| Error::user("mentor vanished"))?;
    if let Some(since) = mentor.since.filter(|since| on < *since) {
        return Err(Error::user_with_hint(
            format!("{on} is before the relationship started on {since}"),
            format!("give a later day: mentee mentor end {slug} --on DATE"),
        ));
    }
    let before = mentor.until.replace(on);
    let name = mentor.name.clone();
    ctx.store.save_mentors(&lock, &mentors)?;
    drop(lock);
    match before {
        Some(before) if before != on => {
            let was = if before <= ctx.today {
                "had ended"
            } else {
                "was to end"
            };
            say(&format!(
                "The mentorship with {name} {was} on {before}; it now ends on {on}."
            ));
        }
        _ => say(&format!(
            "Ended the mentorship with {name} on {on}. Its history stays; a thank-you note is a good way to close: mentee thanks \"...\" -m {slug}"
        )),
    }
    let records = Ledger::load(&ctx.store)?;
    let open = records.open_with(&slug, ctx.today).len();
    if open > 0 {
        let (is, them) = if open == 1 {
            ("is", "it")
        } else {
            ("are", "them")
        };
        say(&format!(
            "{} to {name} {is} still open: close {them} with mentee action done|drop ID, or keep {them} (see mentee action list -m {slug}).",
            crate::render::text::plural(open, "commitment", "commitments")
        ));
    }
    Ok(())
}
