//! `mentee goal`: measurable goals with a date, re-rated from 1 to 5 as
//! they move, so that the summary can say which way each one is going.

use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::correction::GoalFix;
use crate::model::dates::Direction;
use crate::model::goal::{self, Goal, GoalStatus, GoalView, Rated};
use crate::model::journal::{Entry, Kind};
use crate::model::ledger::Ledger;
use crate::render::{goals, json};
use crate::workspace::find_goal;
use crate::workspace::{checked_text, resolve_mentor, say};

/// The examples under `mentee goal --help`.
pub const EXAMPLES: &str = "\
Examples:
  mentee goal add \"Lead the design of one service end to end\" --by 2027-03-31 \\
      --measure \"design doc approved and the service in production\" -m alex
  mentee goal rate k3f9x2 3 --note \"design doc in review\"
  mentee goal list --all
  mentee action add \"Write the design doc\" --goal k3f9x2";

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Set a goal with a date to reach it by and a measure of success
    #[command(
        after_long_help = "Examples:\n  mentee goal add \"Lead the design of one service end to end\" --by 2027-03-31 \\\n      --measure \"design doc approved and the service in production\"\n  mentee goal add \"Give a talk at the architecture forum\" --by 3m -m priya"
    )]
    Add(AddArgs),
    /// Rate how a goal is going, from 1 (far off) to 5 (there)
    #[command(
        after_long_help = "Example:\n  mentee goal rate k3f9x2 3 --note \"design doc in review\""
    )]
    Rate(RateArgs),
    /// Mark a goal reached; it is logged as a win for its mentor
    #[command(
        after_long_help = "Example:\n  mentee goal done k3f9x2 --note \"the service took its first traffic on Monday\""
    )]
    Done(CloseArgs),
    /// Drop a goal you decided not to pursue; it is logged as an update
    #[command(
        after_long_help = "Example:\n  mentee goal drop k3f9x2 --note \"the team moved to another project\""
    )]
    Drop(CloseArgs),
    /// Make a done or dropped goal active again
    #[command(after_long_help = "Example:\n  mentee goal reopen k3f9x2")]
    Reopen(ReopenArgs),
    /// Correct a goal's text, date or measure; each change is kept with it
    #[command(
        after_long_help = "Examples:\n  mentee goal set k3f9x2 --by 2027-04-30\n  mentee goal set k3f9x2 --measure \"design doc approved\" --text \"Lead one design\""
    )]
    Set(SetArgs),
    /// List active goals (--all for every one), with their latest rating
    #[command(
        after_long_help = "Examples:\n  mentee goal list\n  mentee goal list -m alex --all --json"
    )]
    List(ListArgs),
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The goal, specific enough to rate (- reads it from standard input)
    pub text: String,
    /// When to reach it by, such as 2027-03-31, 3m or +6m; not in the past
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub by: String,
    /// How you will know you got there ("design doc approved and the service in production")
    #[arg(long, value_name = "TEXT")]
    pub measure: Option<String>,
    /// The mentor helping with it; without it, the goal shows with every mentor
    #[arg(short, long, add = crate::complete::mentors())]
    pub mentor: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct RateArgs {
    /// The goal's ID (a unique prefix is enough)
    #[arg(add = crate::complete::active_goals())]
    pub id: String,
    /// How it is going: 1 (far off), 2, 3, 4 or 5 (there)
    #[arg(allow_hyphen_values = true)]
    pub score: String,
    /// Why this rating, kept with it
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct CloseArgs {
    /// The goal's ID (a unique prefix is enough)
    #[arg(add = crate::complete::active_goals())]
    pub id: String,
    /// What happened; it becomes part of the journal entry that is logged
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct ReopenArgs {
    /// The goal's ID (a unique prefix is enough)
    #[arg(add = crate::complete::closed_goals())]
    pub id: String,
}

#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// The goal's ID (a unique prefix is enough)
    #[arg(add = crate::complete::active_goals())]
    pub id: String,
    /// What the goal now says
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,
    /// The new date to reach it by, such as 2027-04-30 or +2m
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub by: Option<String>,
    /// How you will know you got there
    #[arg(long, value_name = "TEXT")]
    pub measure: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only goals with this mentor, and those with no mentor
    #[arg(short, long, add = crate::complete::mentors())]
    pub mentor: Option<String>,
    /// Include done and dropped goals
    #[arg(long)]
    pub all: bool,
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::Add(args) => add(ctx, &args),
        Command::Rate(args) => rate(ctx, &args),
        Command::Done(args) => close(ctx, &args.id, GoalStatus::Done, args.note.as_deref()),
        Command::Drop(args) => close(ctx, &args.id, GoalStatus::Dropped, args.note.as_deref()),
        Command::Reopen(args) => reopen(ctx, &args.id),
        Command::Set(args) => set(ctx, &args),
        Command::List(args) => list(ctx, &args),
    }
}

fn add(ctx: &Context, args: &AddArgs) -> Result<()> {
    let text = checked_text(
        "the goal",
        &ctx.text_arg(&args.text)?,
        "say what you want to reach, in quotes",
    )?;
    let measure = args
        .measure
        .as_deref()
        .map(|measure| {
            checked_text(
                "the measure",
                measure,
                "say how you will know you got there, or leave out --measure",
            )
        })
        .transpose()?;
    let by = ctx.date("--by", &args.by, Direction::Future)?;
    if by < ctx.today {
        return Err(Error::user_with_hint(
            format!("--by {by} has passed; a goal is something still ahead"),
            format!(
                "pick a day from today ({}) on, such as 3m for three months from now",
                ctx.today
            ),
        ));
    }
    let lock = ctx.store.lock()?;
    let records = Ledger::mentors_only(&ctx.store)?;
    let mentor = match &args.mentor {
        Some(typed) => Some(resolve_mentor(ctx, &records.mentors, Some(typed))?),
        None => None,
    };
    let mut goals = ctx.store.goals()?;
    let id = ctx.store.new_id(&[])?;
    let mut goal = Goal::new(id.clone(), text, ctx.today, by);
    goal.mentor = mentor.as_ref().map(|m| m.slug.clone());
    goal.measure = measure;
    let has_measure = goal.measure.is_some();
    goals.push(goal);
    ctx.store.save_goals(&lock, &goals)?;
    let with = match &mentor {
        Some(mentor) => format!(" with {}", mentor.name),
        None => String::new(),
    };
    say(&format!(
        "Set the goal [{id}]{with}, to reach by {by}. Rate how it goes with: mentee goal rate {id} 1..5"
    ));
    if !has_measure {
        say(&format!(
            "Tip: how will you know you got there? A measure, such as \"design doc approved\", \
             makes a goal you can rate honestly. Add one with: mentee goal set {id} --measure \"...\""
        ));
    }
    outln!("{id}");
    Ok(())
}

fn rate(ctx: &Context, args: &RateArgs) -> Result<()> {
    let score = goal::parse_score(&args.score).ok_or_else(|| {
        Error::user_with_hint(
            format!(
                "a rating is a whole number from 1 to 5, not `{}`",
                args.score.trim()
            ),
            "1 means far off, 3 half way, 5 there: mentee goal rate ID 3",
        )
    })?;
    let note = note(args.note.as_deref())?;
    let lock = ctx.store.lock()?;
    let mut goals = ctx.store.goals()?;
    let i = find_goal(&goals, &args.id)?;
    let goal = &mut goals[i];
    if goal.status != GoalStatus::Active {
        return Err(Error::user_with_hint(
            format!(
                "[{}] is {}; only active goals are rated",
                goal.id,
                goal.status.as_str()
            ),
            format!("make it active again with: mentee goal reopen {}", goal.id),
        ));
    }
    let before = goal.latest().map(|r| r.score);
    let rated = goal.rate(ctx.today, score, note);
    let (id, text) = (goal.id.clone(), goal.text.clone());
    let view = goal.view(ctx.today);
    ctx.store.save_goals(&lock, &goals)?;
    let replaced = match (rated, before) {
        (Rated::Replaced, Some(before)) => format!(" (replaces today's {before}/5)"),
        _ => String::new(),
    };
    say(&format!(
        "[{id}] {text}: {}{replaced}.",
        goals::rating(&view)
    ));
    Ok(())
}

fn close(ctx: &Context, typed: &str, status: GoalStatus, note_text: Option<&str>) -> Result<()> {
    let note = note(note_text)?;
    let lock = ctx.store.lock()?;
    let mut goals = ctx.store.goals()?;
    let i = find_goal(&goals, typed)?;
    let goal = &mut goals[i];
    if goal.status == status {
        say(&format!("[{}] is already {}.", goal.id, status.as_str()));
        return Ok(());
    }
    goal.status = status;
    let goal = goal.clone();
    let records = Ledger::mentors_only(&ctx.store)?;
    let kind = if status == GoalStatus::Done {
        Kind::Win
    } else {
        Kind::Update
    };
    let mut entry = Entry::new(
        ctx.store.new_id(&[])?,
        ctx.today,
        kind.clone(),
        goal.mentor.clone(),
        goal::closing_text(&goal, status, note.as_deref()),
    );
    entry.goal = Some(goal.id.clone());
    ctx.store.save_goals(&lock, &goals)?;
    ctx.store.add_entry(&lock, &entry)?;
    let to = match &goal.mentor {
        Some(slug) => format!("for {}", records.mentor_name(slug)),
        None => "for all your mentors".to_string(),
    };
    let (said, cheer) = match status {
        GoalStatus::Done => ("done", " Well done!"),
        _ => ("dropped", ""),
    };
    say(&format!(
        "[{}] {}: {said}. Logged the {kind} {to} [{}].{cheer}",
        goal.id, goal.text, entry.id
    ));
    Ok(())
}

fn reopen(ctx: &Context, typed: &str) -> Result<()> {
    let lock = ctx.store.lock()?;
    let mut goals = ctx.store.goals()?;
    let i = find_goal(&goals, typed)?;
    let goal = &mut goals[i];
    if goal.status == GoalStatus::Active {
        say(&format!("[{}] is already active.", goal.id));
        return Ok(());
    }
    goal.status = GoalStatus::Active;
    let (id, text, by) = (goal.id.clone(), goal.text.clone(), goal.by);
    ctx.store.save_goals(&lock, &goals)?;
    let late = if by < ctx.today {
        format!(" Its date, {by}, has passed: set a new one with: mentee goal set {id} --by DATE")
    } else {
        String::new()
    };
    say(&format!("[{id}] {text}: active again.{late}"));
    Ok(())
}

fn set(ctx: &Context, args: &SetArgs) -> Result<()> {
    let text = match &args.text {
        Some(text) => Some(checked_text(
            "the goal",
            text,
            "say what you aim for, in quotes",
        )?),
        None => None,
    };
    let measure = match &args.measure {
        Some(measure) => Some(checked_text(
            "the measure",
            measure,
            "say how you will know you got there",
        )?),
        None => None,
    };
    let by = ctx.optional_date("--by", args.by.as_deref(), Direction::Future)?;
    let fix = GoalFix { text, by, measure };
    if fix.is_empty() {
        return Err(Error::user_with_hint(
            "nothing to change",
            "give --text TEXT, --by DATE or --measure TEXT",
        ));
    }
    let lock = ctx.store.lock()?;
    let mut goals = ctx.store.goals()?;
    let i = find_goal(&goals, &args.id)?;
    let changes = goals[i].correct(&fix, ctx.today);
    let id = goals[i].id.clone();
    if changes.is_empty() {
        say(&format!("[{id}] is already so; nothing changed."));
        return Ok(());
    }
    ctx.store.save_goals(&lock, &goals)?;
    for change in &changes {
        say(&format!("[{id}] corrected: {change}."));
    }
    Ok(())
}

fn list(ctx: &Context, args: &ListArgs) -> Result<()> {
    let records = Ledger::mentors_only(&ctx.store)?;
    let slug = match &args.mentor {
        Some(typed) => Some(resolve_mentor(ctx, &records.mentors, Some(typed))?.slug),
        None => None,
    };
    let all = ctx.store.goals()?;
    let mut list: Vec<GoalView> = all
        .iter()
        .filter(|g| args.all || g.status == GoalStatus::Active)
        .filter(|g| slug.as_deref().is_none_or(|s| g.is_for(s)))
        .map(|g| g.view(ctx.today))
        .collect();
    goal::sort_for_listing(&mut list);
    if args.json {
        outln!("{}", json::document("goals", &list));
    } else if list.is_empty() {
        let closed = all
            .iter()
            .filter(|g| g.status != GoalStatus::Active)
            .count();
        say(&if all.is_empty() {
            "No goals yet. Set one: mentee goal add \"GOAL\" --by DATE --measure \"HOW YOU WILL KNOW\""
                .to_string()
        } else if !args.all && closed > 0 {
            "No active goals. See the done and dropped ones with: mentee goal list --all"
                .to_string()
        } else {
            "No goals with this mentor.".to_string()
        });
    } else {
        outln!(
            "{}",
            goals::table(&list, &records.mentors, ctx.width, ctx.color)
        );
    }
    Ok(())
}

/// A note for a rating or a closing, trimmed; an empty one is no note.
fn note(typed: Option<&str>) -> Result<Option<String>> {
    match typed.map(str::trim).filter(|n| !n.is_empty()) {
        None => Ok(None),
        Some(note) => checked_text("the note", note, "leave out --note").map(Some),
    }
}
