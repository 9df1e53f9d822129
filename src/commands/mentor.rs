//! `mentee mentor add | list | end | set | reopen`: the people who mentor you.

use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::commitment;
use crate::model::correction::{Edit, MentorFix};
use crate::model::dates::{Direction, Span};
use crate::model::ledger::Ledger;
use crate::model::mentor::{
    EndRefused, Ending, Mentor, NameError, Role, check_end, check_name, email_address,
    normalize_name, unique_slug,
};
use crate::model::overview;
use crate::prompt;
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
    ///
    /// The end cannot be before the term started or before the first
    /// meeting. A day still ahead is a planned end: the mentor stays active
    /// until then. Moving the end of a relationship that already ended asks
    /// first (or needs --yes).
    #[command(after_long_help = "Example:\n  mentee mentor end \"Alex Kim\" --on 2026-12-31")]
    End(EndArgs),
    /// Correct a mentor's name, role, email, cadence or term
    ///
    /// The mentor's short name (the slug, as in -m alex-kim) never changes:
    /// meeting files and records use it.
    #[command(
        after_long_help = "Examples:\n  mentee mentor set alex --every 3w --email alex@example.com\n  mentee mentor set alex --name \"Alex Kimura\" --no-until"
    )]
    Set(SetArgs),
    /// Make an ended mentorship active again (clears its end date)
    #[command(after_long_help = "Example:\n  mentee mentor reopen alex")]
    Reopen(ReopenArgs),
    /// Take a break (leave, holidays): no cadence or quiet nudges until DATE
    #[command(
        after_long_help = "Examples:\n  mentee mentor pause alex --until 2027-03-01\n  mentee mentor pause alex --until today     ends the break"
    )]
    Pause(PauseArgs),
    /// End a break taken with mentor pause
    #[command(after_long_help = "Example:\n  mentee mentor resume alex")]
    Resume(ResumeArgs),
}

#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// The mentor's name, slug or a unique prefix
    #[arg(add = crate::complete::mentors())]
    pub mentor: String,
    /// Their name, as you write it (the slug stays)
    #[arg(long)]
    pub name: Option<String>,
    /// What they do for you
    #[arg(long, value_enum)]
    pub role: Option<Role>,
    /// Their email address
    #[arg(long, value_name = "ADDR")]
    pub email: Option<String>,
    /// How often you meet, such as 1w, 2w or 1m
    #[arg(long, value_name = "SPAN", conflicts_with = "no_cadence")]
    pub every: Option<Span>,
    /// No set cadence
    #[arg(long)]
    pub no_cadence: bool,
    /// When the relationship started
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// When it ends or ended
    #[arg(
        long,
        value_name = "DATE",
        allow_hyphen_values = true,
        conflicts_with = "no_until"
    )]
    pub until: Option<String>,
    /// No end date: the relationship goes on
    #[arg(long)]
    pub no_until: bool,
}

#[derive(Debug, clap::Args)]
pub struct ReopenArgs {
    /// The mentor's name, slug or a unique prefix
    #[arg(add = crate::complete::mentors())]
    pub name: String,
}

#[derive(Debug, clap::Args)]
pub struct PauseArgs {
    /// The mentor's name, slug or a unique prefix
    #[arg(add = crate::complete::mentors())]
    pub name: String,
    /// The day the nudges come back, such as 2027-03-01 or +3w (today or a
    /// past day ends the break)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub until: String,
}

#[derive(Debug, clap::Args)]
pub struct ResumeArgs {
    /// The mentor's name, slug or a unique prefix
    #[arg(add = crate::complete::mentors())]
    pub name: String,
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
    /// Move the end of a relationship that already ended without asking
    #[arg(long)]
    pub yes: bool,
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::Add(args) => add(ctx, &args),
        Command::List(args) => list(ctx, &args),
        Command::End(args) => end(ctx, &args),
        Command::Set(args) => set(ctx, &args),
        Command::Reopen(args) => reopen(ctx, &args),
        Command::Pause(args) => {
            let until = ctx.date("--until", &args.until, Direction::Future)?;
            pause(ctx, &args.name, Some(until).filter(|d| *d > ctx.today))
        }
        Command::Resume(args) => pause(ctx, &args.name, None),
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
    let email = match args.email.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(typed) => Some(checked_email(typed)?),
    };
    let mentor = Mentor {
        name,
        slug,
        role: args.role,
        email,
        every: args.every,
        since,
        until,
        silence: Vec::new(),
        paused_until: None,
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
    let records = Ledger::load(&ctx.store)?;
    let mut mentors = records.mentors.clone();
    let slug = resolve_mentor(ctx, &mentors, Some(&args.name))?.slug;
    let i = mentors
        .iter()
        .position(|m| m.slug == slug)
        .ok_or_else(|| Error::user("mentor vanished"))?;
    let first = records.first_meeting_with(&slug);
    let ending = check_end(&mentors[i], on, first, ctx.today).map_err(|why| match why {
        EndRefused::BeforeStart { since } => Error::user_with_hint(
            format!("{on} is before the relationship started on {since}"),
            format!("give a later day: mentee mentor end {slug} --on DATE"),
        ),
        EndRefused::BeforeFirstMeeting { first } => Error::user_with_hint(
            format!("{on} is before your first meeting with them, on {first}"),
            format!(
                "give a day on or after {first}: mentee mentor end {slug} --on DATE; \
                 a meeting recorded by mistake can go with: mentee rm ID"
            ),
        ),
    })?;
    let name = mentors[i].name.clone();
    match ending {
        Ending::Same => {
            say(&format!("The mentorship with {name} already ends on {on}."));
            return Ok(());
        }
        Ending::Moves { from } if !args.yes => {
            let question = format!(
                "The mentorship with {name} already ended on {from}. Move its end to {on}?"
            );
            if !ctx.interactive {
                return Err(Error::user_with_hint(
                    format!("the mentorship with {name} already ended on {from}"),
                    format!(
                        "to move its end to {on}, add --yes: mentee mentor end {slug} --on {on} --yes"
                    ),
                ));
            }
            if !prompt::confirm(&question, false)? {
                say("Nothing changed.");
                return Ok(());
            }
        }
        _ => {}
    }
    let before = mentors[i].until.replace(on);
    ctx.store.save_mentors(&lock, &mentors)?;
    drop(lock);
    match (ending, before) {
        (Ending::Planned, Some(before)) => say(&format!(
            "The mentorship with {name} was to end on {before}; it is now planned to end on {on}. \
             It stays active until then."
        )),
        (Ending::Planned, None) => say(&format!(
            "The mentorship with {name} is planned to end on {on}; it stays active until then."
        )),
        (_, Some(before)) => {
            let was = if before <= ctx.today {
                "had ended"
            } else {
                "was to end"
            };
            say(&format!(
                "The mentorship with {name} {was} on {before}; it now ends on {on}."
            ));
        }
        (_, None) => say(&format!(
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

fn set(ctx: &Context, args: &SetArgs) -> Result<()> {
    let name = match &args.name {
        Some(name) => Some(check_name(name).map_err(|err| {
            Error::user_with_hint(
                err.to_string(),
                "mentee mentor set alex --name \"Alex Kim\"",
            )
        })?),
        None => None,
    };
    let email = args.email.as_deref().map(str::trim);
    let fix = MentorFix {
        name,
        role: args.role,
        email: match email {
            Some("") => Edit::Clear,
            Some(email) => Edit::Set(checked_email(email)?),
            None => Edit::Keep,
        },
        every: Edit::from_flags(args.every, args.no_cadence),
        since: ctx.optional_date("--since", args.since.as_deref(), Direction::Past)?,
        until: Edit::from_flags(
            ctx.optional_date("--until", args.until.as_deref(), Direction::Future)?,
            args.no_until,
        ),
    };
    if fix.is_empty() {
        return Err(Error::user_with_hint(
            "nothing to change",
            "give --name, --role, --email, --every or --no-cadence, --since, --until or --no-until",
        ));
    }
    let lock = ctx.store.lock()?;
    let mut mentors = ctx.store.mentors()?;
    let slug = resolve_mentor(ctx, &mentors, Some(&args.mentor))?.slug;
    if let Some(new) = &fix.name
        && let Some(other) = mentors.iter().find(|m| {
            m.slug != slug && normalize_name(&m.name).to_lowercase() == new.to_lowercase()
        })
    {
        return Err(Error::user_with_hint(
            format!("{} is already a mentor", other.name),
            "use a different name to tell two people apart",
        ));
    }
    let mentor = mentors
        .iter_mut()
        .find(|m| m.slug == slug)
        .ok_or_else(|| Error::user("mentor vanished"))?;
    let changed = mentor.correct(&fix).map_err(|err| {
        Error::user_with_hint(
            err.to_string(),
            "--since is when the mentorship began, --until when it ends or ended",
        )
    })?;
    let name = mentor.name.clone();
    if changed.is_empty() {
        say(&format!("{name} is already so; nothing changed."));
        return Ok(());
    }
    ctx.store.save_mentors(&lock, &mentors)?;
    say(&format!(
        "Corrected {name} (-m {slug}): {}.",
        changed.join(", ")
    ));
    Ok(())
}

fn reopen(ctx: &Context, args: &ReopenArgs) -> Result<()> {
    let lock = ctx.store.lock()?;
    let mut mentors = ctx.store.mentors()?;
    let slug = resolve_mentor(ctx, &mentors, Some(&args.name))?.slug;
    let mentor = mentors
        .iter_mut()
        .find(|m| m.slug == slug)
        .ok_or_else(|| Error::user("mentor vanished"))?;
    let name = mentor.name.clone();
    let Some(until) = mentor.until.take() else {
        say(&format!(
            "The mentorship with {name} has no end date; it is active."
        ));
        return Ok(());
    };
    ctx.store.save_mentors(&lock, &mentors)?;
    let was = if until <= ctx.today {
        "ended"
    } else {
        "was to end"
    };
    say(&format!(
        "The mentorship with {name} is active again (it {was} on {until}); set a new end with: mentee mentor end {slug} --on DATE"
    ));
    Ok(())
}

/// Pauses a mentor until a day still to come, or (`None`) ends the break.
fn pause(ctx: &Context, typed: &str, until: Option<chrono::NaiveDate>) -> Result<()> {
    let lock = ctx.store.lock()?;
    let mut mentors = ctx.store.mentors()?;
    let slug = resolve_mentor(ctx, &mentors, Some(typed))?.slug;
    let mentor = mentors
        .iter_mut()
        .find(|m| m.slug == slug)
        .ok_or_else(|| Error::user("mentor vanished"))?;
    let was = mentor.paused_until.filter(|d| *d > ctx.today);
    let name = mentor.name.clone();
    if was == until {
        say(&match until {
            Some(until) => format!("{name} is already paused until {until}."),
            None => format!("{name} is not paused."),
        });
        return Ok(());
    }
    mentor.paused_until = until;
    ctx.store.save_mentors(&lock, &mentors)?;
    drop(lock);
    say(&match until {
        Some(until) => format!(
            "Paused {name} until {until}: no cadence or quiet nudges before then. \
             End the break sooner with: mentee mentor resume {slug}"
        ),
        None => format!("{name} is back: the cadence and quiet nudges apply again."),
    });
    Ok(())
}

/// The address given with --email, if it is one address an email can be
/// sent to (see [`email_address`]); refused now rather than at the first
/// `summary --send`.
fn checked_email(typed: &str) -> Result<String> {
    email_address(typed).map(str::to_string).ok_or_else(|| {
        Error::user_with_hint(
            format!("--email {typed:?} is not one address like name@example.com"),
            "give the address alone, such as --email alex@example.com (no name around it, \
             no second address); nothing was changed",
        )
    })
}
