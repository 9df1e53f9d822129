//! One module per noun; this file is the table of contents.

pub mod action;
pub mod advice;
pub mod agenda;
pub mod brag;
pub mod calendar;
pub mod completions;
pub mod decision;
pub mod edit;
pub mod entry;
pub mod export;
pub mod goal;
pub mod import;
pub mod journal;
pub mod log;
pub mod man;
pub mod meet;
pub mod mentor;
pub mod nudge;
pub mod prep;
pub mod prompt;
pub mod remind;
pub mod review;
pub mod rm;
pub mod search;
pub mod stats;
pub mod status;
pub mod summary;
pub mod sync;
pub mod tags;
pub mod undo;

use crate::context::{ColorChoice, Context};
use crate::error::{Error, Result};
use crate::store::RunInfo;
use crate::workspace::say;
use crate::workspace::share::Share;
use clap::Subcommand;
use std::path::PathBuf;

const MENTOR_EXAMPLES: &str = "\
Examples:
  mentee mentor add \"Alex Kim\" --every 2w
  mentee mentor list --all
  mentee mentor end alex --on 2026-12-31";

const ACTION_EXAMPLES: &str = "\
Examples:
  mentee action add \"Draft the split proposal\" --due fri
  mentee action list
  mentee action set k3f9x2 in-progress --note \"outline written\"";

const NUDGE_EXAMPLES: &str = "\
Examples:
  mentee nudge list
  mentee nudge off quiet -m alex
  mentee nudge on all";

/// Each command's help comes from its own arguments' doc comment, beside
/// its handler in `commands/`.
#[derive(Debug, Subcommand)]
pub enum Command {
    Status(status::Args),
    /// Register, list and end mentors
    #[command(subcommand, after_long_help = MENTOR_EXAMPLES)]
    Mentor(mentor::Command),
    Agenda(agenda::Args),
    Prep(prep::Args),
    Calendar(calendar::Args),
    Meet(meet::Args),
    Note(journal::NoteArgs),
    /// Add, list and report on commitments (action items)
    #[command(subcommand, after_long_help = ACTION_EXAMPLES)]
    Action(action::Command),
    Update(journal::UpdateArgs),
    Thanks(journal::ThanksArgs),
    Log(log::Args),
    Summary(summary::Args),
    Edit(edit::Args),
    Completions(completions::Args),
    Man(man::Args),
    Export(export::Args),
    Import(import::Args),
    Sync(sync::Args),
    /// The merge driver for journal months that mentee sync sets up in git
    #[command(hide = true)]
    MergeJournal(sync::MergeArgs),
    /// Set measurable goals, rate them over time, and close them
    #[command(subcommand, after_long_help = goal::EXAMPLES)]
    Goal(goal::Command),
    Decide(decision::DecideArgs),
    Decisions(decision::DecisionsArgs),
    Advice(advice::AdviceArgs),
    Outcome(advice::OutcomeArgs),
    Giveback(journal::GivebackArgs),
    Review(review::Args),
    Brag(brag::Args),
    /// Silence or show nudges, per mentor or for everyone, and list their kinds
    #[command(subcommand, after_long_help = NUDGE_EXAMPLES)]
    Nudge(nudge::Command),
    Stats(stats::Args),
    Search(search::Args),
    Tags(tags::Args),
    /// Correct a journal entry: an update, win, thanks, note, advice, outcome, decision or give-back
    #[command(subcommand)]
    Entry(entry::Command),
    Rm(rm::Args),
    Undo(undo::Args),
    Remind(remind::Args),
    Prompt(prompt::Args),
}

/// `-m/--mentor` as most commands take it.
#[derive(Debug, Default, clap::Args)]
pub struct MentorArg {
    /// The mentor (name, slug or unique prefix); optional with one active mentor
    #[arg(short, long, add = crate::complete::mentors())]
    mentor: Option<String>,
}

impl MentorArg {
    /// The mentor as typed, if given.
    pub fn typed(&self) -> Option<&str> {
        self.mentor.as_deref()
    }
}

/// `--eml`, `--send` and `--copy`, as `summary` and `review` take them:
/// the words sent on their way instead of printed (docs/send.md).
#[derive(Debug, Default, clap::Args)]
pub struct ShareArgs {
    /// Write it as a draft email to the mentor, to open in your mail client
    /// and send: to FILE, or to standard output when FILE is - or left out
    #[arg(long, value_name = "FILE", num_args = 0..=1, default_missing_value = "-",
          conflicts_with_all = ["send", "copy"])]
    eml: Option<String>,
    /// Email it to the mentor through mail_command in config.toml [default:
    /// sendmail -t -i]; asks first
    #[arg(long, conflicts_with = "copy")]
    send: bool,
    /// With --send: send without asking (needed when not on a terminal)
    #[arg(long, requires = "send")]
    yes: bool,
    /// Put it on the clipboard through the terminal (OSC 52; works over SSH)
    #[arg(long)]
    copy: bool,
}

impl ShareArgs {
    /// Where the words go instead of standard output, if anywhere.
    pub fn how(&self) -> Option<Share<'_>> {
        if let Some(file) = &self.eml {
            Some(Share::Eml(file))
        } else if self.send {
            Some(Share::Send { yes: self.yes })
        } else if self.copy {
            Some(Share::Copy)
        } else {
            None
        }
    }
}

/// Runs a command. `dir` and `color` are the global arguments; `app` builds
/// the whole command line, for the commands that describe it (completions,
/// manual pages).
pub fn run(
    dir: Option<PathBuf>,
    color: ColorChoice,
    command: Option<Command>,
    app: fn() -> clap::Command,
) -> Result<()> {
    // These read neither the data nor the settings, so that shell setup and
    // git's merge driver work whatever state those are in.
    match command {
        Some(Command::Completions(args)) => completions::run(&args, app()),
        Some(Command::Man(args)) => man::run(&args, app()),
        Some(Command::MergeJournal(args)) => sync::merge_journal(&args),
        // A shell prompt's line: it must neither wait nor print errors.
        Some(Command::Prompt(args)) => {
            prompt::run(dir, &args);
            Ok(())
        }
        command => {
            let ctx = Context::from_env(dir, color)?;
            // One run, one operation for `mentee undo`. Sync is not one:
            // what it pulls is git's doing, and undo refuses to go over it.
            let syncs = matches!(command, Some(Command::Sync(_)));
            if !syncs {
                ctx.store.record_changes(RunInfo {
                    args: crate::context::command_line(),
                    when: ctx.now.format("%Y-%m-%dT%H:%M:%S").to_string(),
                });
            }
            let result = with_data(&ctx, command);
            // What was to be saved is saved; without its last line, the
            // record still lets undo restore it (as after a crash).
            if let Err(err) = ctx.store.finish_changes() {
                say(&format!(
                    "warning: the record of this change for mentee undo is incomplete: {err}"
                ));
            }
            // The one place a calendar_file is kept current: after any
            // command that changed the data (sync may bring in what another
            // machine wrote).
            if result.is_ok() && (ctx.store.wrote() || syncs) {
                crate::workspace::calendar::refresh(&ctx);
            }
            // A write was refused with the same words; anything else read
            // files that git may have left half way.
            if !matches!(result, Err(Error::Unfinished { .. }))
                && let Some(state) = crate::git::unfinished(ctx.store.root())
            {
                say(&format!(
                    "warning: {}, so the journal may show only part of what it holds and \
                     mentee writes nothing there until it is settled: {}",
                    crate::error::unfinished_state(ctx.store.root(), &state),
                    crate::error::unfinished_steps(ctx.store.root(), &state)
                ));
            }
            for stray in ctx.store.strays() {
                say(&format!(
                    "warning: {} is not a journal month file, so mentee does not read it; \
                     move its entries into journal/YEAR/YEAR-MM.toml (such as \
                     journal/2026/2026-03.toml), then delete it",
                    stray.display()
                ));
            }
            result
        }
    }
}

fn with_data(ctx: &Context, command: Option<Command>) -> Result<()> {
    match command {
        None => status::run(ctx, &status::Args::default()),
        Some(Command::Status(args)) => status::run(ctx, &args),
        Some(Command::Mentor(cmd)) => mentor::run(ctx, cmd),
        Some(Command::Agenda(args)) => agenda::run(ctx, &args),
        Some(Command::Prep(args)) => prep::run(ctx, &args),
        Some(Command::Calendar(args)) => calendar::run(ctx, &args),
        Some(Command::Meet(args)) => meet::run(ctx, &args),
        Some(Command::Note(args)) => journal::note(ctx, &args),
        Some(Command::Action(cmd)) => action::run(ctx, cmd),
        Some(Command::Update(args)) => journal::update(ctx, &args),
        Some(Command::Thanks(args)) => journal::thanks(ctx, &args),
        Some(Command::Log(args)) => log::run(ctx, &args),
        Some(Command::Summary(args)) => summary::run(ctx, &args),
        Some(Command::Edit(args)) => edit::run(ctx, &args),
        Some(Command::Export(args)) => export::run(ctx, &args),
        Some(Command::Import(args)) => import::run(ctx, &args),
        Some(Command::Sync(args)) => sync::run(ctx, &args),
        Some(Command::Goal(cmd)) => goal::run(ctx, cmd),
        Some(Command::Decide(args)) => decision::decide(ctx, &args),
        Some(Command::Decisions(args)) => decision::list(ctx, &args),
        Some(Command::Advice(args)) => advice::advice(ctx, &args),
        Some(Command::Outcome(args)) => advice::outcome(ctx, &args),
        Some(Command::Giveback(args)) => journal::giveback(ctx, &args),
        Some(Command::Review(args)) => review::run(ctx, &args),
        Some(Command::Brag(args)) => brag::run(ctx, &args),
        Some(Command::Nudge(cmd)) => nudge::run(ctx, cmd),
        Some(Command::Stats(args)) => stats::run(ctx, &args),
        Some(Command::Search(args)) => search::run(ctx, &args),
        Some(Command::Tags(args)) => tags::run(ctx, &args),
        Some(Command::Entry(cmd)) => entry::run(ctx, cmd),
        Some(Command::Rm(args)) => rm::run(ctx, &args),
        Some(Command::Undo(args)) => undo::run(ctx, &args),
        Some(Command::Remind(args)) => remind::run(ctx, &args),
        // Run before the data is opened: see `run`.
        Some(
            Command::Completions(_)
            | Command::Man(_)
            | Command::MergeJournal(_)
            | Command::Prompt(_),
        ) => Ok(()),
    }
}
