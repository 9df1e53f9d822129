//! `mentee prompt`: one short line for a shell prompt.
//!
//! A prompt runs it before every command line, so it must never get in the
//! way: it only reads (no lock, so it never waits for a command that
//! writes), reads only the mentors, the pending meetings (from the index's
//! small summary of them) and the commitments made outside meetings (never
//! a journal month), and whatever
//! goes wrong prints a short marker on standard output and nothing on
//! standard error, and succeeds.

use crate::model::ledger::Ledger;
use crate::model::remind;
use crate::render::remind as words;
use std::path::PathBuf;

/// What the prompt shows when the data cannot be read.
pub const MARKER: &str = "mentee: !";

const EXAMPLES: &str = "\
Examples:
  mentee prompt      mentee: Alex tomorrow 15:00 · 2 overdue

Snippets for bash, zsh, fish and starship: see docs/prompt.md.";

/// Print one short line for a shell prompt, or nothing
///
/// Shows the next meeting today or tomorrow, how many commitments to
/// report at a meeting today, and how many are overdue, such as
/// "mentee: Alex tomorrow 15:00 · 2 overdue"; prints nothing when none of
/// these is so. Never waits and never fails: if the data cannot be read it
/// prints "mentee: !" (run mentee status to see why).
#[derive(Debug, Default, clap::Args)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {}

/// Runs without the usual context: no settings file, no warnings, nothing
/// that could write to standard error or wait.
pub fn run(dir: Option<PathBuf>, _args: &Args) {
    match line(dir) {
        Ok(Some(line)) => outln!("{line}"),
        Ok(None) => {}
        Err(_) => outln!("{MARKER}"),
    }
}

fn line(dir: Option<PathBuf>) -> crate::error::Result<Option<String>> {
    let store = crate::context::open_store(crate::context::data_dir(dir)?).meetings_index_only();
    // No data folder yet: nothing presses, and nothing is made.
    if !store.is_made()? {
        return Ok(None);
    }
    let (today, now) = crate::context::today_and_now()?;
    let ledger = Ledger::load_pending(&store)?;
    let pressing = remind::pressing(&ledger, now.naive_local());
    Ok(words::prompt_line(&pressing, &ledger.mentors, today))
}
