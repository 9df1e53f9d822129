//! The command line, as clap derive types. The doc comments are the help text;
//! each command's own arguments live beside its handler in `commands/`.

use crate::commands::{action, agenda, journal, log, meet, mentor, status, summary};
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
  MENTEE_TODAY  pin today's date, as YYYY-MM-DD, for scripts and demos";

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

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The data folder; else $MENTEE_DIR, else the user's data folder + /mentee
    #[arg(long, global = true, value_name = "PATH")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The dashboard: next meetings, open commitments, what to report
    Status(status::Args),
    /// Register, list and end mentors
    #[command(subcommand, after_long_help = MENTOR_EXAMPLES)]
    Mentor(mentor::Command),
    /// Plan the next meeting, show it, or queue a topic for later
    Agenda(agenda::Args),
    /// Start a meeting: report on commitments first, then the agenda
    Meet(meet::Args),
    /// Record a note or piece of advice from the latest meeting
    Note(journal::NoteArgs),
    /// Add, list and report on commitments (action items)
    #[command(subcommand, after_long_help = ACTION_EXAMPLES)]
    Action(action::Command),
    /// Log progress between meetings; --win for a milestone
    Update(journal::UpdateArgs),
    /// Log a thank-you note for what helped
    Thanks(journal::ThanksArgs),
    /// Show the timeline of everything, newest last
    Log(log::Args),
    /// Print the progress summary to send your mentor
    Summary(summary::Args),
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
