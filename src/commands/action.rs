//! `mentee action`: commitments made to a mentor, and what became of them.

use crate::commands::MentorArg;
use crate::context::Context;
use crate::error::Result;
use crate::model::commitment::{self, Commitment};
use crate::model::dates::Direction;
use crate::model::ledger::{Holder, Ledger, Origin};
use crate::model::meeting::{Action, Status, last_held};
use crate::model::nudge;
use crate::render::{json, listing};
use crate::workspace::link_goal;
use crate::workspace::{checked_text, resolve_mentor, say};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add a commitment, attached to the latest meeting with the mentor
    #[command(
        after_long_help = "Example:\n  mentee action add \"Draft the billing split proposal\" --due fri"
    )]
    Add(AddArgs),
    /// List open commitments (--all for every one), overdue first
    #[command(
        after_long_help = "Examples:\n  mentee action list\n  mentee action list -m alex --all --json"
    )]
    List(ListArgs),
    /// Mark a commitment done
    #[command(
        after_long_help = "Example:\n  mentee action done k3f9x2 --note \"merged on Friday\""
    )]
    Done(CloseArgs),
    /// Drop a commitment you decided not to do
    #[command(
        after_long_help = "Example:\n  mentee action drop k3f9x2 --note \"the team chose another approach\""
    )]
    Drop(CloseArgs),
    /// Open a done or dropped commitment again
    #[command(after_long_help = "Example:\n  mentee action reopen k3f9x2")]
    Reopen(ReopenArgs),
    /// Record any status: open, in-progress, blocked, done or dropped
    #[command(
        after_long_help = "Example:\n  mentee action set k3f9x2 blocked --note \"waiting for the staging database\""
    )]
    Set(SetArgs),
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// What you commit to do (- reads it from standard input)
    pub text: String,
    #[command(flatten)]
    pub mentor: MentorArg,
    /// When it is due, such as 2026-12-01, fri or +2w
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub due: Option<String>,
    /// The goal it serves (its ID or a unique prefix; see mentee goal list)
    #[arg(long, value_name = "ID", add = crate::complete::active_goals())]
    pub goal: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only commitments to this mentor
    #[arg(short, long, add = crate::complete::mentors())]
    pub mentor: Option<String>,
    /// Include done and dropped commitments
    #[arg(long)]
    pub all: bool,
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct CloseArgs {
    /// The commitment's ID (a unique prefix is enough)
    #[arg(add = crate::complete::open_commitments())]
    pub id: String,
    /// What happened, kept in its history
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct ReopenArgs {
    /// The commitment's ID (a unique prefix is enough)
    #[arg(add = crate::complete::closed_commitments())]
    pub id: String,
}

#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// The commitment's ID (a unique prefix is enough)
    #[arg(add = crate::complete::any_commitment())]
    pub id: String,
    #[arg(value_enum)]
    pub status: StatusArg,
    /// What happened, kept in its history
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum StatusArg {
    Open,
    InProgress,
    Blocked,
    Done,
    Dropped,
}

impl From<StatusArg> for Status {
    fn from(arg: StatusArg) -> Status {
        match arg {
            StatusArg::Open => Status::Open,
            StatusArg::InProgress => Status::InProgress,
            StatusArg::Blocked => Status::Blocked,
            StatusArg::Done => Status::Done,
            StatusArg::Dropped => Status::Dropped,
        }
    }
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::Add(args) => add(ctx, &args),
        Command::List(args) => list(ctx, &args),
        Command::Done(args) => set(ctx, &args.id, Status::Done, args.note),
        Command::Drop(args) => set(ctx, &args.id, Status::Dropped, args.note),
        Command::Reopen(args) => set(ctx, &args.id, Status::Open, None),
        Command::Set(args) => set(ctx, &args.id, args.status.into(), args.note),
    }
}

fn add(ctx: &Context, args: &AddArgs) -> Result<()> {
    let text = checked_text(
        "the commitment",
        &ctx.text_arg(&args.text)?,
        "say what you will do, in quotes",
    )?;
    let due = ctx.optional_date("--due", args.due.as_deref(), Direction::Future)?;
    let lock = ctx.store.lock()?;
    let mut records = Ledger::load(&ctx.store)?;
    let mentor = resolve_mentor(ctx, &records.mentors, args.mentor.typed())?;
    let goal = link_goal(&ctx.store, args.goal.as_deref())?;
    if let Some(due) = due.filter(|due| *due < ctx.today) {
        say(&format!(
            "Note: {due} has passed, so this commitment starts out overdue."
        ));
    }
    let id = ctx.store.new_id(&[])?;
    let mut action = Action::new(id.clone(), text, ctx.today, due);
    let serves = goal
        .as_ref()
        .map(|goal| format!(" It serves the goal [{goal}]."))
        .unwrap_or_default();
    action.goal = goal;
    let latest = last_held(&records.meetings, &mentor.slug, ctx.today)
        .and_then(|last| records.meetings.iter().position(|m| m.id == last.id));
    let file = match latest {
        Some(i) => {
            records.meetings[i].actions.push(action);
            Holder::Meeting(i)
        }
        None => {
            action.mentor = Some(mentor.slug.clone());
            records.unattached.push(action);
            Holder::Unattached
        }
    };
    records.save(&ctx.store, &lock, file)?;
    let from = match latest.and_then(|i| records.meetings[i].date) {
        Some(date) => format!("from the meeting on {date}"),
        None => "no meeting held yet".to_string(),
    };
    say(&format!(
        "Committed [{id}] to {} ({from}).{serves}",
        mentor.name
    ));
    outln!("{id}");
    if due.is_some_and(|due| due < ctx.today) {
        let overdue = nudge::about_commitments(
            &records.mentors,
            &records.meetings,
            &records.commitments(ctx.today),
            ctx.today,
        )
        .into_iter()
        .filter(|n| n.kind() == nudge::Kind::Overdue && n.commitment() == Some(&id))
        .collect();
        crate::workspace::show_triggered_nudges(ctx, &records.mentors, overdue);
    }
    Ok(())
}

fn list(ctx: &Context, args: &ListArgs) -> Result<()> {
    let records = Ledger::load(&ctx.store)?;
    let slug = match &args.mentor {
        Some(typed) => Some(resolve_mentor(ctx, &records.mentors, Some(typed))?.slug),
        None => None,
    };
    let mut list: Vec<Commitment> = records
        .commitments(ctx.today)
        .into_iter()
        .filter(|c| args.all || c.status.is_open())
        .filter(|c| slug.as_ref().is_none_or(|s| *s == c.mentor))
        .collect();
    commitment::sort_for_listing(&mut list);
    if args.json {
        outln!("{}", json::document("commitments", &list));
    } else if list.is_empty() {
        say(if args.all {
            "No commitments yet."
        } else {
            "No open commitments."
        });
    } else {
        outln!(
            "{}",
            listing::commitments(&list, &records.mentors, ctx.width, ctx.color)
        );
    }
    Ok(())
}

fn set(ctx: &Context, typed: &str, status: Status, note: Option<String>) -> Result<()> {
    let note = note.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    let lock = ctx.store.lock()?;
    let mut records = Ledger::load(&ctx.store)?;
    let origin: Origin = records.find_action(&ctx.store, typed)?;
    let action = records.action(origin);
    if action.status == status && note.is_none() {
        say(&format!("[{}] is already {}.", action.id, status.label()));
        return Ok(());
    }
    let (id, text) = (action.id.clone(), action.text.clone());
    let files = records.report(origin, status, note, ctx.today);
    records.save_all(&ctx.store, &lock, &files)?;
    say(&format!("[{id}] {text}: {}.", status.label()));
    Ok(())
}
