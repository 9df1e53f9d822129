//! The command line, as clap derive types. The doc comments are the help text;
//! each command's own arguments live beside its handler in `commands/`.

use crate::commands::goal;
use crate::commands::{
    action, agenda, completions, edit, export, import, journal, log, man, meet, mentor, status,
    summary, sync,
};
use crate::commands::{advice, decision, review};
use crate::commands::{nudge, stats};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// A journal and meeting agenda for people being mentored.
///
/// Prepare each meeting with one or two topics, log the commitments you make,
/// report on them first thing next time, and send your mentor a progress
/// summary. Run without a command for the dashboard.
#[derive(Debug, Parser)]
#[command(name = "mentee", version, propagate_version = true, after_long_help = EXAMPLES)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

const EXAMPLES: &str = "\
Examples:
  mentee mentor add \"Alex Kim\" --every 2w
  mentee agenda \"How should I split the billing service?\"
  mentee meet
  mentee action add \"Draft the split proposal\" --due fri
  mentee update \"Proposal reviewed by the team\" --win
  mentee summary --format markdown

Environment:
  MENTEE_DIR    the data folder (default: ~/.local/share/mentee on Linux)
  MENTEE_TODAY  pin today's date, as YYYY-MM-DD, for scripts and demos
  MENTEE_CONFIG the configuration file (default: ~/.config/mentee/config.toml on Linux)
  MENTEE_NAME, MENTEE_MENTOR, MENTEE_SUMMARY_FORMAT
                override name, default_mentor and summary_format of config.toml
  VISUAL, EDITOR
                the editor for mentee edit and long texts (default: vi)
  NO_COLOR, CLICOLOR_FORCE
                turn colour off, or on when stdout is not a terminal";

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

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The data folder; else $MENTEE_DIR, else the user's data folder + /mentee
    #[arg(long, global = true, value_name = "PATH")]
    pub dir: Option<PathBuf>,

    /// Colour the output: auto (only on a terminal; NO_COLOR turns it off,
    /// CLICOLOR_FORCE on), always or never
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "WHEN",
        default_value_t = ColorChoice::Auto
    )]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Each command's help comes from its own arguments' doc comment, beside
/// its handler in `commands/`.
#[derive(Debug, Subcommand)]
pub enum Command {
    Status(status::Args),
    /// Register, list and end mentors
    #[command(subcommand, after_long_help = MENTOR_EXAMPLES)]
    Mentor(mentor::Command),
    Agenda(agenda::Args),
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
    /// Silence or show nudges, per mentor or for everyone, and list their kinds
    #[command(subcommand, after_long_help = NUDGE_EXAMPLES)]
    Nudge(nudge::Command),
    Stats(stats::Args),
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
