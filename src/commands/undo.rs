//! `mentee undo [--list]`: take back the last change any mentee command
//! made, file for file, unless a file changed since.

use crate::context::Context;
use crate::error::{Error, Result};
use crate::render::undo as words;
use crate::store::{Operation, OperationState};
use crate::workspace::say;

const EXAMPLES: &str = "\
Examples:
  mentee undo --list     what can be undone, newest first
  mentee undo            take back the last change
  mentee undo            again: puts the change back (undo of an undo)";

/// Take back the last change a mentee command made
///
/// Every command that changes the data folder (including import, edit, rm
/// and the interactive meet) is recorded: the files it wrote, created or
/// removed, and what they held before. `mentee undo` puts back exactly those
/// bytes: files it created are removed, files it removed come back, files it
/// changed hold what they held before.
///
/// Undo refuses, naming the file and changing nothing, when a file was
/// changed since the command ran (by hand, an editor or a sync): a later
/// change is never lost. Undo is itself a change, so running it again puts
/// back what it undid; it goes back one change, not further.
///
/// The record is kept in .undo/ in the data folder, readable by you alone,
/// never synced; it keeps the last 100 changes (at most 16 MiB).
#[derive(Debug, clap::Args)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    /// List the recorded changes, newest first: when, the command, the files
    #[arg(long)]
    pub list: bool,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    if args.list {
        return list(ctx);
    }
    // Nothing recorded: nothing to lock (or create).
    if ctx.store.changes()?.is_empty() {
        return Err(nothing_to_undo());
    }
    let lock = ctx.store.lock()?;
    let Some(op) = ctx.store.changes()?.into_iter().next() else {
        return Err(nothing_to_undo());
    };
    if op.state == OperationState::Running {
        return Err(Error::user_with_hint(
            format!(
                "the last change, {}, is still being made (process {}); nothing was undone",
                words::what(&op),
                op.pid
            ),
            "finish that command first, then run mentee undo",
        ));
    }
    let files = ctx
        .store
        .undo(&lock, &op)
        .map_err(|err| changed_since(&op, err, ctx))?;
    drop(lock);
    say(&words::undone(&op, files));
    Ok(())
}

fn list(ctx: &Context) -> Result<()> {
    let ops = ctx.store.changes()?;
    if ops.is_empty() {
        say(
            "No changes recorded yet: mentee undo can take back a command once it changed something.",
        );
        return Ok(());
    }
    out!("{}", words::list(&ops));
    Ok(())
}

fn nothing_to_undo() -> Error {
    Error::user_with_hint(
        "nothing to undo: no change is recorded in this data folder",
        "mentee undo --list shows what can be undone",
    )
}

/// A file changed after the command wrote it: named, with what to do.
fn changed_since(op: &Operation, err: Error, ctx: &Context) -> Error {
    let Error::Changed { path } = err else {
        return err;
    };
    let relative = path.strip_prefix(ctx.store.root()).unwrap_or(&path);
    Error::user_with_hint(
        format!(
            "{} changed after {} wrote it (by hand, an editor or a sync), so undoing would \
             lose that change; nothing was undone",
            relative.display(),
            words::what(op)
        ),
        format!(
            "undo it by hand if you still want to: mentee edit {}",
            crate::render::shell::path(relative)
        ),
    )
}
