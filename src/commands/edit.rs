//! `mentee edit [WHAT]`: open the file that holds a record in the editor,
//! then check that it still parses.
//!
//! No lock is held while the editor is open: a person may take an hour, and
//! other mentee commands must not wait on them. So the editor works on a
//! private copy, and the data file is replaced by it, under the lock, only
//! if nobody wrote the file meanwhile; otherwise the file keeps that other
//! write, the person's version is kept beside it, and both are named. A
//! file that no longer parses is never "repaired": it is put in place
//! exactly as the person left it, and the store refuses to rewrite it until
//! it parses again.

use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::dates::{self, Direction};
use crate::model::id::{self, Id, Lookup};
use crate::model::ledger::Ledger;
use crate::model::meeting::Meeting;
use crate::prompt;
use crate::render::text::clean;
use crate::store::{DataFile, Installed};
use crate::workspace::{resolve_mentor, say};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

const EXAMPLES: &str = "\
Examples:
  mentee edit                  the mentors file
  mentee edit next -m alex     the meeting planned with Alex
  mentee edit 2026-11-24       the meeting held on that day
  mentee edit k3f9x2           the file of this meeting, commitment, journal entry or goal
  mentee edit 2026-11          the journal of November 2026
  mentee edit later            the topics queued for later
  mentee edit goals            your goals, their measures, dates and ratings
  EDITOR=\"code --wait\" mentee edit actions";

/// Open a record's file in your editor, and check it when you close it
///
/// The editor is $VISUAL, else $EDITOR, else vi; a command with arguments,
/// such as "code --wait", works as it does for git.
///
/// WHAT is one of: `mentors` (the default), `later`, `actions` (commitments
/// made outside any meeting), `goals`, `settings` (nudges silenced for
/// everyone), `next` (the planned meeting; -m says
/// with whom when there are several), a meeting's date, a month such as
/// 2026-11 (its journal), the ID of a meeting, commitment, journal entry or
/// goal (a unique prefix is enough), or the path of a file in the data
/// folder.
///
/// The editor is given a private copy of the file. When it closes, the copy
/// is checked and put in place. If it no longer parses, you are told the
/// line and column and, on a terminal, asked whether to open it again. A
/// broken file is kept exactly as you left it, and mentee changes nothing in
/// it until it parses. If another command or a sync wrote the file while
/// the editor was open, that file is left as it is and your version is kept
/// beside it (FILE.your-edit), to bring over by hand.
#[derive(Debug, clap::Args)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    /// What to open [default: mentors]
    #[arg(add = crate::complete::edit_targets())]
    pub what: Option<String>,
    /// The mentor, for `next` or a day with meetings with several mentors
    #[arg(short, long, add = crate::complete::mentors())]
    pub mentor: Option<String>,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let path = target(ctx, args).map_err(edit_it_first)?;
    // What the editor is given: the file is put back only if it still
    // holds exactly this when the editor closes.
    let snapshot = ctx.store.snapshot(&path)?;
    let name = path.file_name().unwrap_or(path.as_os_str());
    let copy = ctx.editor.working_copy(name, &snapshot)?;
    loop {
        let opened = ctx.editor.open(&copy.path);
        let edited = copy.read()?;
        if let Err(err) = opened {
            // A failed editor may have left half a file: it replaces nothing,
            // but a changed copy is kept where the person can find it.
            if edited != snapshot {
                let lock = ctx.store.lock()?;
                let kept = ctx.store.keep_beside(&path, &edited)?;
                drop(lock);
                say(&format!(
                    "{} was left as it was; what the editor wrote is kept in {}.",
                    path.display(),
                    kept.display()
                ));
            }
            return Err(err);
        }
        match ctx.store.check_bytes(&path, &edited) {
            Ok(()) => {
                install(ctx, &path, &snapshot, &edited)?;
                say(&format!("{} parses; mentee will use it.", path.display()));
                return Ok(());
            }
            Err(err @ Error::Parse { .. }) => {
                if ctx.interactive {
                    eoutln!("error: {}", clean(&err.to_string()));
                    // Not asked (Ctrl-C) is a no: the error below says what to do.
                    let again = "The file no longer parses. Open it again to fix it?";
                    if prompt::confirm(again, true).unwrap_or(false) {
                        continue;
                    }
                }
                install(ctx, &path, &snapshot, &edited)?;
                return Err(kept(err));
            }
            Err(err) => return Err(err),
        }
    }
}

/// Puts the person's version in place of the file, under the lock, unless
/// the file changed while the editor was open: then both are kept, and the
/// error says where and how to bring them together.
fn install(ctx: &Context, path: &Path, snapshot: &[u8], edited: &[u8]) -> Result<()> {
    let lock = ctx.store.lock()?;
    let installed = ctx.store.install_edit(&lock, path, snapshot, edited)?;
    drop(lock);
    match installed {
        Installed::Unchanged | Installed::Written => Ok(()),
        Installed::KeptBeside { yours, removed } => {
            let (real, yours) = (path.display(), yours.display());
            let how = if !removed {
                format!(
                    "see what differs with: diff -u {real} {yours}; bring your changes into \
                     the file with: mentee edit {real}; then delete {yours}"
                )
            } else {
                format!(
                    "the record may have moved (a planned meeting is moved when held): open \
                     where it is now with mentee edit WHAT, bring your changes over from \
                     {yours}, then delete it"
                )
            };
            Err(Error::user_with_hint(
                format!(
                    "{real} changed while your editor was open (another mentee command or a \
                     sync wrote it), so your version did not replace it; both are kept: the \
                     file as it is now, and yours in {yours}"
                ),
                how,
            ))
        }
    }
}

/// The parse error of a file left broken, with what happens to it next.
fn kept(err: Error) -> Error {
    with_hint(err, |path| {
        format!(
            "your version is kept as it is in {path}; mentee changes nothing in that file \
             until it parses. Fix it with: mentee edit {path}"
        )
    })
}

/// A file that must be read to find the target and does not parse is
/// itself the thing to edit.
fn edit_it_first(err: Error) -> Error {
    with_hint(err, |path| {
        format!("fix this file first: mentee edit {path}; it is left untouched until it parses")
    })
}

/// A parse error with another hint, made from the file's path.
fn with_hint(err: Error, hint: impl FnOnce(&str) -> String) -> Error {
    match err {
        Error::Parse {
            path,
            line_column,
            message,
            ..
        } => {
            let hint = hint(&path.display().to_string());
            Error::Parse {
                path,
                line_column,
                message,
                hint,
            }
        }
        other => other,
    }
}

/// The file WHAT names.
fn target(ctx: &Context, args: &Args) -> Result<PathBuf> {
    let what = args.what.as_deref().map_or("mentors", str::trim);
    let store = &ctx.store;
    match what.to_ascii_lowercase().as_str() {
        "mentors" => {
            return existing(
                store.path_of(DataFile::Mentors),
                "add a mentor first: mentee mentor add \"NAME\"",
            );
        }
        "later" => {
            return existing(
                store.path_of(DataFile::Later),
                "queue a topic first: mentee agenda --later \"TOPIC\"",
            );
        }
        "actions" => {
            return existing(
                store.path_of(DataFile::UnattachedActions),
                "it holds commitments made before the first meeting with a mentor, and there \
                 are none; commitments made at a meeting are in its file: mentee edit ID",
            );
        }
        "goals" => {
            return existing(
                store.path_of(DataFile::Goals),
                "set a goal first: mentee goal add \"GOAL\" --by DATE",
            );
        }
        "settings" => {
            return existing(
                store.path_of(DataFile::Settings),
                "it holds the nudges silenced for every mentor, and there are none: \
                 mentee nudge off KIND",
            );
        }
        "next" => return next_meeting(ctx, args.mentor.as_deref()),
        _ => {}
    }
    if let Some(first) = month(what) {
        return existing(
            store.path_of(DataFile::Month(first)),
            "nothing was logged that month; see what was with: mentee log",
        );
    }
    if what.contains('/') || what.contains('\\') || what.ends_with(".toml") {
        return store.data_file(Path::new(what)).ok_or_else(|| {
            Error::user_with_hint(
                format!("{what} is not a file in the data folder"),
                format!("the data folder is {}", store.root().display()),
            )
        });
    }
    if let Some(day) = dates::parse_iso(what) {
        return meeting_on(ctx, day, args.mentor.as_deref());
    }
    if let Some(path) = by_id(ctx, what)? {
        return Ok(path);
    }
    if let Ok(day) = dates::parse_date(what, ctx.today, Direction::Past) {
        return meeting_on(ctx, day, args.mentor.as_deref());
    }
    Err(Error::user_with_hint(
        format!("nothing to edit is called `{what}`"),
        "name one of: mentors, later, actions, goals, next, a meeting's date (2026-11-24), a \
         month (2026-11), or the ID of a meeting, commitment, journal entry or goal",
    ))
}

fn existing(path: PathBuf, how_to_create: &str) -> Result<PathBuf> {
    if path.exists() {
        Ok(path)
    } else {
        Err(Error::user_with_hint(
            format!("{} does not exist yet", path.display()),
            how_to_create,
        ))
    }
}

/// The first day of a month typed as `YYYY-MM`.
fn month(text: &str) -> Option<NaiveDate> {
    let (year, month) = text.split_once('-')?;
    if year.len() != 4 || month.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, 1)
}

/// The file of a meeting, as loaded by the store.
fn meeting_file(ctx: &Context, meeting: &Meeting) -> Result<PathBuf> {
    ctx.store.meeting_path(&meeting.id).ok_or_else(|| {
        Error::user(format!(
            "cannot tell which file holds the meeting {}",
            meeting.id
        ))
    })
}

/// The planned meeting: with the mentor -m names, or the only one planned.
fn next_meeting(ctx: &Context, typed: Option<&str>) -> Result<PathBuf> {
    let records = Ledger::load(&ctx.store)?;
    let planned: Vec<&Meeting> = records.meetings.iter().filter(|m| !m.held).collect();
    if typed.is_none()
        && let [only] = planned.as_slice()
    {
        return meeting_file(ctx, only);
    }
    let mentor = resolve_mentor(ctx, &records.mentors, typed)?;
    match records.planned(&mentor.slug) {
        Some(meeting) => meeting_file(ctx, meeting),
        None => Err(Error::user_with_hint(
            format!("no meeting planned with {}", mentor.name),
            format!("plan one: mentee agenda \"TOPIC\" -m {}", mentor.slug),
        )),
    }
}

/// The meeting held (or planned) on `day`, with the mentor -m names if given.
fn meeting_on(ctx: &Context, day: NaiveDate, typed: Option<&str>) -> Result<PathBuf> {
    let records = Ledger::load(&ctx.store)?;
    let slug = match typed {
        Some(typed) => Some(resolve_mentor(ctx, &records.mentors, Some(typed))?.slug),
        None => None,
    };
    let found: Vec<&Meeting> = records
        .meetings
        .iter()
        .filter(|m| m.date == Some(day))
        .filter(|m| slug.as_ref().is_none_or(|s| *s == m.mentor))
        .collect();
    match found.as_slice() {
        [] => Err(Error::user_with_hint(
            match &slug {
                Some(slug) => format!("no meeting with {slug} on {day}"),
                None => format!("no meeting on {day}"),
            },
            "see the days of your meetings with: mentee log",
        )),
        [only] => meeting_file(ctx, only),
        several => Err(Error::user_with_hint(
            format!(
                "{} meetings on {day}, with {}",
                several.len(),
                several
                    .iter()
                    .map(|m| records.mentor_name(&m.mentor))
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
            "say which with -m NAME",
        )),
    }
}

/// The file that holds the meeting, commitment or journal entry with this
/// ID (or unique prefix); `None` when no record has it.
fn by_id(ctx: &Context, typed: &str) -> Result<Option<PathBuf>> {
    if typed.is_empty() || !typed.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Ok(None);
    }
    let records = Ledger::load(&ctx.store)?;
    let entries = ctx.store.entries(None, None)?;
    let mut candidates: Vec<(&Id, PathBuf)> = Vec::new();
    for meeting in &records.meetings {
        let path = meeting_file(ctx, meeting)?;
        candidates.push((&meeting.id, path.clone()));
        for action in &meeting.actions {
            candidates.push((&action.id, path.clone()));
        }
    }
    let unattached = ctx.store.path_of(DataFile::UnattachedActions);
    for action in &records.unattached {
        candidates.push((&action.id, unattached.clone()));
    }
    for entry in &entries {
        candidates.push((&entry.id, ctx.store.path_of(DataFile::Month(entry.date))));
    }
    let goals = ctx.store.goals()?;
    for goal in &goals {
        candidates.push((&goal.id, ctx.store.path_of(DataFile::Goals)));
    }
    match id::lookup(
        typed,
        candidates.iter().map(|(id, path)| (*id, (*id, path))),
    ) {
        Lookup::Found((_, path)) => Ok(Some(path.clone())),
        Lookup::Missing => Ok(None),
        Lookup::Ambiguous(found) => {
            let names: Vec<String> = found.iter().map(|(id, _)| id.to_string()).collect();
            Err(Error::user_with_hint(
                format!(
                    "`{typed}` is the start of {} IDs: {}",
                    names.len(),
                    names.join(", ")
                ),
                "type more of the ID",
            ))
        }
    }
}
