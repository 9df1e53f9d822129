//! `mentee action`: commitments made to a mentor, and what became of them.

use crate::commands::MentorArg;
use crate::context::Context;
use crate::error::Error;
use crate::error::Result;
use crate::model::commitment::{self, Commitment};
use crate::model::correction::{ActionFix, Edit};
use crate::model::dates::Direction;
use crate::model::ledger::{Holder, Ledger, Origin};
use crate::model::meeting::{Action, Status, last_held};
use crate::model::nudge;
use crate::render::{self, json, listing};
use crate::workspace::link_goal;
use crate::workspace::{checked_text, resolve_mentor, resolve_mentor_today, say};

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
    /// Record any status, or correct the due date, text or goal
    ///
    /// A status is a report (it shows in the summary and the check-in). A
    /// correction (--due, --no-due, --text, --goal, --no-goal) fixes what was
    /// recorded wrongly: it is kept in the commitment's list of corrections,
    /// with the old and new value, and reports nothing.
    #[command(
        after_long_help = "Examples:\n  mentee action set k3f9x2 blocked --note \"waiting for the staging database\"\n  mentee action set k3f9x2 --due 2027-02-10 --note \"agreed a later date\"\n  mentee action set k3f9x2 --text \"Write the runbook\" --no-goal"
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
    #[arg(long, conflicts_with = "overdue")]
    pub all: bool,
    /// Only commitments past their due date
    #[arg(long)]
    pub overdue: bool,
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
    /// The new status; optional when a correction is given
    #[arg(value_enum)]
    pub status: Option<StatusArg>,
    /// Correct the due date, such as 2027-02-10, fri or +1w
    #[arg(
        long,
        value_name = "DATE",
        allow_hyphen_values = true,
        conflicts_with = "no_due"
    )]
    pub due: Option<String>,
    /// Take the due date away
    #[arg(long)]
    pub no_due: bool,
    /// Correct what it says (- reads it from standard input)
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,
    /// Correct the goal it serves (its ID or a unique prefix)
    #[arg(long, value_name = "ID", conflicts_with = "no_goal", add = crate::complete::active_goals())]
    pub goal: Option<String>,
    /// It serves no goal
    #[arg(long)]
    pub no_goal: bool,
    /// What happened or why, kept with the status change or the correction
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
        Command::Set(args) => set_or_correct(ctx, args),
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
    let mentor = resolve_mentor_today(ctx, &records, args.mentor.typed())?;
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
    let made = records
        .commitments(ctx.today)
        .into_iter()
        .find(|c| c.id == id);
    let from = match made {
        Some(c) if latest.is_some() => render::agenda::made_long(&c),
        _ => "no meeting held yet".to_string(),
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
        .filter(|c| !args.overdue || c.overdue)
        .filter(|c| slug.as_ref().is_none_or(|s| *s == c.mentor))
        .collect();
    commitment::sort_for_listing(&mut list);
    if args.json {
        outln!("{}", json::document("commitments", &list));
    } else if list.is_empty() {
        say(if args.all {
            "No commitments yet."
        } else if args.overdue {
            "No overdue commitments."
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
    if action.would_reclose(status) {
        return Err(closed_already(action));
    }
    let (id, text) = (action.id.clone(), action.text.clone());
    let files = records.report(origin, status, note, ctx.today);
    records.save_all(&ctx.store, &lock, &files)?;
    say(&format!("[{id}] {text}: {}.", status.label()));
    Ok(())
}

/// A closed commitment reported closed again: that would move the day it
/// was done (or dropped).
fn closed_already(action: &Action) -> Error {
    let since = action
        .history
        .last()
        .map(|change| format!(" since {}", change.on))
        .unwrap_or_default();
    Error::user_with_hint(
        format!(
            "[{}] is already {}{since}; reporting it again would move that day",
            action.id,
            action.status.label()
        ),
        format!(
            "to say more about it, log an update tied to it: mentee update \"...\" --action {}",
            action.id
        ),
    )
}

/// `action set`: a status, corrections, or both. With corrections only,
/// the note goes with them; with a status too, it goes with the status.
fn set_or_correct(ctx: &Context, args: SetArgs) -> Result<()> {
    let text = match &args.text {
        Some(text) => Some(checked_text(
            "the commitment",
            &ctx.text_arg(text)?,
            "say what you will do, in quotes",
        )?),
        None => None,
    };
    let due = ctx.optional_date("--due", args.due.as_deref(), Direction::Future)?;
    let asked = ActionFix {
        due: Edit::from_flags(due, args.no_due),
        text,
        goal: if args.no_goal {
            Edit::Clear
        } else {
            Edit::Keep
        },
    };
    let status = args.status.map(Status::from);
    if asked.is_empty() && args.goal.is_none() {
        let Some(status) = status else {
            return Err(Error::user_with_hint(
                "nothing to change: give a status or a correction",
                "mentee action set ID [open|in-progress|blocked|done|dropped] \
                 [--due DATE|--no-due] [--text TEXT] [--goal ID|--no-goal] [--note TEXT]",
            ));
        };
        return set(ctx, &args.id, status, args.note);
    }
    let note = args
        .note
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    let lock = ctx.store.lock()?;
    let mut records = Ledger::load(&ctx.store)?;
    let origin = records.find_action(&ctx.store, &args.id)?;
    if status.is_some_and(|status| note.is_some() && records.action(origin).would_reclose(status)) {
        return Err(closed_already(records.action(origin)));
    }
    let mut fix = asked;
    if let Some(goal) = link_goal(&ctx.store, args.goal.as_deref())? {
        fix.goal = Edit::Set(goal);
    }
    let correction_note = if status.is_some() {
        None
    } else {
        note.as_deref()
    };
    let changes = records
        .action_mut(origin)
        .correct(&fix, ctx.today, correction_note);
    let action = records.action(origin);
    let (id, text) = (action.id.clone(), action.text.clone());
    let reported = status.filter(|status| *status != action.status || note.is_some());
    if changes.is_empty() && reported.is_none() {
        say(&format!("[{id}] is already so; nothing changed."));
        return Ok(());
    }
    let mut files = vec![origin.holder()];
    if let Some(status) = reported {
        files.extend(records.report(origin, status, note, ctx.today));
        files.sort();
        files.dedup();
    }
    records.save_all(&ctx.store, &lock, &files)?;
    for change in &changes {
        say(&format!("[{id}] corrected: {change}."));
    }
    if let Some(status) = reported {
        say(&format!("[{id}] {text}: {}.", status.label()));
    }
    if let Some(due) = fix_due_passed(&fix, ctx.today) {
        say(&format!("Note: {due} has passed, so [{id}] is overdue."));
    }
    Ok(())
}

/// A corrected due date that has already passed.
fn fix_due_passed(fix: &ActionFix, today: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
    match fix.due {
        Edit::Set(due) if due < today => Some(due),
        _ => None,
    }
}
