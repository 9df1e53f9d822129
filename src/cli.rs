//! The command line, as clap derive types. The doc comments are the help text;
//! each command's own arguments live beside its handler in `commands/`.

use crate::commands::Command;
use crate::context::ColorChoice;
use clap::{Args, Parser};
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

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The data folder; else $MENTEE_DIR, else the user's data folder + /mentee
    #[arg(long, global = true, value_name = "PATH", value_hint = clap::ValueHint::DirPath)]
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
