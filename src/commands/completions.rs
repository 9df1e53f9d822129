//! `mentee completions SHELL`: a completion script for the shell, generated
//! from the command-line definition so it never falls behind.

use crate::error::Result;
use clap_complete::Shell;

const EXAMPLES: &str = "\
Examples:
  mentee completions bash > ~/.local/share/bash-completion/completions/mentee
  mentee completions zsh > ~/.zfunc/_mentee
  mentee completions fish > ~/.config/fish/completions/mentee.fish
  mentee completions powershell >> $PROFILE
  mentee completions elvish >> ~/.config/elvish/rc.elv";

/// Print a shell completion script
///
/// Commands, flags and fixed values (such as --role or --format) complete;
/// mentor names and IDs do not. See the README for where each shell looks
/// for the script.
#[derive(Debug, clap::Args)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    /// The shell to write the script for
    #[arg(value_enum)]
    pub shell: Shell,
}

/// `cmd` is the whole command line, as clap describes it.
pub fn run(args: &Args, mut cmd: clap::Command) -> Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "mentee", &mut script);
    crate::output::bytes(&script);
    Ok(())
}
