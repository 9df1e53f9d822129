//! `mentee import`: a JSON export read back into an empty data folder.
//!
//! Everything is checked before the first file is written: the version,
//! the shape, IDs used once (in any case, across every kind of record),
//! every reference to a mentor, meeting or commitment resolving inside the
//! file, every text, topic, kind and date as the commands would take them,
//! and no more meetings on one day than the folder can name. A data folder that already holds
//! a journal is refused: two journals are never merged silently.

use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::archive::{self, Archive, Wire};
use crate::render::text::{self, plural};
use crate::workspace::archive_problems;
use crate::workspace::say;
use serde::Deserialize;
use std::path::{Path, PathBuf};

const EXAMPLES: &str = "\
Examples:
  mentee export --format json -o journal.json
  mentee --dir ~/new-journal import journal.json";

/// Read a JSON export into an empty data folder
///
/// The file is what mentee export --format json writes. It is checked as a
/// whole before anything is written; a data folder that already holds a
/// journal is refused, because two journals are never merged.
#[derive(Debug, clap::Args)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    /// The export to read (- for standard input)
    #[arg(value_name = "FILE.json")]
    pub file: PathBuf,
}

/// The envelope, read first so that a newer version is refused before its
/// payload is looked at.
#[derive(Deserialize)]
struct Envelope {
    version: Option<serde_json::Value>,
    export: Option<Box<serde_json::value::RawValue>>,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let (text, path) = read(ctx, &args.file)?;
    let (wire, partial_hint) = parse(&path, &text)?;
    let archive = wire.into_archive();
    let problems = archive_problems(&archive);
    if !problems.is_empty() {
        let message = format!(
            "{} cannot be imported; nothing was written: {}",
            path.display(),
            text::listed(&problems)
        );
        let hint = partial_hint.unwrap_or_else(|| {
            "fix the file, or make a fresh one with: mentee export --format json -o FILE"
                .to_string()
        });
        return Err(Error::user_with_hint(message, hint));
    }
    refuse_unless_empty(ctx)?;
    let lock = ctx.store.lock()?;
    // Checked again under the lock: no other mentee can have started since.
    refuse_unless_empty(ctx)?;
    write(ctx, &lock, &archive).map_err(|err| {
        Error::user_with_hint(
            format!("the import stopped half way: {err}"),
            format!(
                "{}; then empty {} and import again",
                err.hint().unwrap_or_else(|| "fix the cause".to_string()),
                ctx.store.root().display()
            ),
        )
    })?;
    drop(lock);
    let goals = if archive.goals.is_empty() {
        String::new()
    } else {
        format!("{}, ", plural(archive.goals.len(), "goal", "goals"))
    };
    say(&format!(
        "Imported {}, {goals}{}, {} and {} into {}.",
        plural(archive.mentors.len(), "mentor", "mentors"),
        plural(archive.meetings.len(), "meeting", "meetings"),
        plural(archive.commitments().count(), "commitment", "commitments"),
        plural(archive.entries.len(), "journal entry", "journal entries"),
        ctx.store.root().display()
    ));
    Ok(())
}

fn read(ctx: &Context, file: &Path) -> Result<(String, PathBuf)> {
    if file.as_os_str() == "-" {
        return Ok((ctx.text_arg("-")?, PathBuf::from("standard input")));
    }
    let bytes = std::fs::read(file).map_err(|err| match err.kind() {
        std::io::ErrorKind::NotFound => Error::user_with_hint(
            format!("{}: no such file or folder", file.display()),
            "give the file that mentee export --format json -o FILE wrote",
        ),
        _ => Error::io(file, err),
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::user_with_hint(
            format!("{} is not UTF-8 text", file.display()),
            "import reads what mentee export --format json writes",
        )
    })?;
    Ok((text, file.to_path_buf()))
}

/// The export in `text`, and a hint for when its references do not
/// resolve because it was cut down with `--since` or `-m`.
fn parse(path: &Path, text: &str) -> Result<(Wire, Option<String>)> {
    let not_an_export = || {
        Error::user_with_hint(
            format!("{} is not a mentee export", path.display()),
            "make one with: mentee export --format json -o FILE",
        )
    };
    let envelope: Envelope =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|err| {
            if err.is_syntax() || err.is_eof() {
                json_error(path, &err)
            } else {
                not_an_export()
            }
        })?;
    let (Some(version), Some(export)) = (envelope.version, envelope.export) else {
        return Err(not_an_export());
    };
    match version.as_u64() {
        Some(v) if v > archive::VERSION => {
            return Err(Error::user_with_hint(
                format!(
                    "{} was exported by a newer mentee (export version {v}; this one reads up to {})",
                    path.display(),
                    archive::VERSION
                ),
                "upgrade mentee, then import again; nothing was written",
            ));
        }
        Some(v) if v >= 1 => {}
        _ => return Err(not_an_export()),
    }
    let wire: Wire = serde_json::from_str(export.get()).map_err(|err| {
        let message = err.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        Error::user_with_hint(
            format!(
                "{}: the export does not have the expected shape: {message}",
                path.display()
            ),
            "the shape is described in docs/json.md; nothing was written",
        )
    })?;
    let partial = wire.is_partial().then(|| {
        let mut flags = Vec::new();
        if let Some(since) = wire.since {
            flags.push(format!("--since {since}"));
        }
        if let Some(mentor) = &wire.mentor {
            flags.push(format!("-m {mentor}"));
        }
        format!(
            "this export was made with {}, so it lacks records that the rest refers to; \
             export everything with: mentee export --format json -o FILE",
            flags.join(" ")
        )
    });
    Ok((wire, partial))
}

fn json_error(path: &Path, err: &serde_json::Error) -> Error {
    let message = err.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.clone(), |(m, _)| m.to_string());
    Error::Parse {
        path: path.to_path_buf(),
        line_column: Some((err.line(), err.column())),
        message: format!("not valid JSON: {message}"),
        hint: "import reads what mentee export --format json writes; nothing was written"
            .to_string(),
    }
}

fn refuse_unless_empty(ctx: &Context) -> Result<()> {
    if ctx.store.is_empty()? {
        return Ok(());
    }
    Err(Error::user_with_hint(
        format!(
            "{} already holds a journal; import only fills an empty data folder and never merges two journals",
            ctx.store.root().display()
        ),
        "import into a new folder with: mentee --dir NEW_FOLDER import FILE (or set MENTEE_DIR)",
    ))
}

/// Writes every record through the store, in the order the files are
/// written by everyday use: mentors, meetings, the rest.
fn write(ctx: &Context, lock: &crate::store::Lock, archive: &Archive) -> Result<()> {
    let store = &ctx.store;
    if !archive.mentors.is_empty() {
        store.save_mentors(lock, &archive.mentors)?;
    }
    for meeting in &archive.meetings {
        store.save_meeting(lock, meeting)?;
    }
    if !archive.unattached.is_empty() {
        store.save_unattached_actions(lock, &archive.unattached)?;
    }
    if !archive.entries.is_empty() {
        store.add_entries(lock, &archive.entries)?;
    }
    if !archive.later.is_empty() {
        store.save_later(lock, &archive.later)?;
    }
    if !archive.goals.is_empty() {
        store.save_goals(lock, &archive.goals)?;
    }
    if !archive.silence.is_empty() {
        store.save_silenced(lock, &archive.silence)?;
    }
    Ok(())
}
