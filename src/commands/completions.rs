//! `mentee completions SHELL`: the completion script for a shell.
//!
//! For bash, zsh and fish the script is a few lines that ask mentee for
//! candidates as you type (`COMPLETE=bash mentee -- mentee action done ''`,
//! answered in `crate::run` before anything else), so it completes mentor
//! names and IDs from the journal as well as commands and flags; the
//! candidates come from `crate::complete`. PowerShell and Elvish get a
//! fixed script generated from the command-line definition: commands, flags
//! and fixed values.

use crate::error::Result;
use clap_complete::Shell;
use clap_complete::env::{Bash, Fish, Shells, Zsh};

const EXAMPLES: &str = "\
Examples:
  mentee completions bash > ~/.local/share/bash-completion/completions/mentee
  mentee completions zsh > ~/.zfunc/_mentee
  mentee completions fish > ~/.config/fish/completions/mentee.fish
  mentee completions powershell >> $PROFILE
  mentee completions elvish >> ~/.config/elvish/rc.elv

Or, in bash and zsh, load it as the shell starts (in ~/.bashrc or ~/.zshrc):
  source <(COMPLETE=bash mentee)
  source <(COMPLETE=zsh mentee)";

/// The environment variable that asks mentee for completions.
pub const VAR: &str = "COMPLETE";

/// The shells whose script asks mentee for candidates as you type.
pub const DYNAMIC: Shells<'static> = Shells(&[&Bash, &Fish, &Zsh]);

/// Print a shell completion script
///
/// In bash, zsh and fish, mentor names after -m and the IDs of commitments,
/// goals, advice and other records complete from your journal, with their
/// text beside them in zsh and fish; the script asks mentee for them as you
/// type. In PowerShell and Elvish, commands, flags and fixed values (such as
/// --role or --format) complete. See docs/completions.md for where each shell looks
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
    match DYNAMIC.completer(&args.shell.to_string()) {
        Some(shell) => {
            // Writing into memory cannot fail.
            let _ = shell.write_registration(VAR, "mentee", "mentee", &completer(), &mut script);
            if args.shell == Shell::Zsh {
                // Saved as _mentee in $fpath, the script is loaded on the
                // first Tab as the completion function itself: complete
                // that Tab too, not only the next ones.
                script.extend_from_slice(
                    b"if [[ \"${funcstack[1]}\" = _mentee ]]; then\n    \
                      _clap_dynamic_completer_mentee \"$@\"\nfi\n",
                );
            }
        }
        None => clap_complete::generate(args.shell, &mut cmd, "mentee", &mut script),
    }
    crate::output::bytes(&script);
    Ok(())
}

/// How the script runs mentee: as it was run now (`mentee` when found on
/// the PATH), made absolute when it was given as a path.
fn completer() -> String {
    let program = std::env::args_os()
        .next()
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| "mentee".into());
    let program = if program.components().count() > 1 {
        std::path::absolute(&program).unwrap_or(program)
    } else {
        program
    };
    program.to_string_lossy().into_owned()
}
