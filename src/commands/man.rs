//! `mentee man`: manual pages generated from the command-line definition,
//! one per command and subcommand (mentee.1, mentee-agenda.1,
//! mentee-action-add.1, ...).

use crate::error::{Error, Result};
use crate::workspace::say;
use std::path::{Path, PathBuf};

const EXAMPLES: &str = "\
Examples:
  mentee man | man -l -
  mentee man --out-dir ~/.local/share/man/man1";

/// Print the manual page, or write one page per command into a folder
#[derive(Debug, clap::Args)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    /// Write mentee.1, mentee-agenda.1, mentee-action-add.1, ... into this
    /// folder (created if missing) instead of printing mentee.1
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

/// `app` is the whole command line, as clap describes it.
pub fn run(args: &Args, app: clap::Command) -> Result<()> {
    let mut cmd = app.disable_help_subcommand(true);
    cmd.build();
    match &args.out_dir {
        None => {
            crate::output::bytes(&render(&cmd)?);
            Ok(())
        }
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|err| Error::io(dir, err))?;
            let mut written = 0;
            write_pages(&cmd, dir, &mut written)?;
            say(&format!(
                "Wrote {written} manual pages to {}. Read one with: man -l {}",
                dir.display(),
                dir.join("mentee.1").display()
            ));
            Ok(())
        }
    }
}

/// Writes the page of `cmd` and of every visible subcommand under it.
fn write_pages(cmd: &clap::Command, dir: &Path, written: &mut usize) -> Result<()> {
    let name = cmd.get_display_name().unwrap_or(cmd.get_name());
    let path = dir.join(format!("{name}.1"));
    std::fs::write(&path, render(cmd)?).map_err(|err| Error::io(&path, err))?;
    *written += 1;
    for sub in cmd.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        write_pages(sub, dir, written)?;
    }
    Ok(())
}

fn render(cmd: &clap::Command) -> Result<Vec<u8>> {
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .render(&mut page)
        .map_err(|err| Error::user(format!("cannot make the manual page: {err}")))?;
    Ok(page)
}
