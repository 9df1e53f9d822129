//! The errors a user sees: what went wrong, where, and what to do about it.
//!
//! Every variant names the file it is about when there is one, and `hint`
//! says how to get out of the situation. `run` prints both and exits with 1
//! (130 for [`Error::Interrupted`], as for any program stopped by Ctrl-C).

use std::io;
use std::path::{Path, PathBuf};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: {}", .path.display(), describe_io(.source))]
    Io { path: PathBuf, source: io::Error },

    #[error("{}{}: {message}", .path.display(), position(*.line_column))]
    Parse {
        path: PathBuf,
        line_column: Option<(usize, usize)>,
        message: String,
        hint: String,
    },

    #[error(
        "{} changed while mentee was working on it (an editor or a sync?); nothing was written",
        .path.display()
    )]
    Changed { path: PathBuf },

    /// Git left the data folder half way through something (a rebase
    /// stopped on a conflict, a killed git's index lock): nothing is
    /// written until a person finishes or undoes it.
    #[error("{}", unfinished_message(.dir, .state))]
    Unfinished {
        dir: PathBuf,
        state: crate::git::Unfinished,
    },

    #[error(transparent)]
    Git(#[from] crate::git::GitError),

    /// Ctrl-C at a prompt; the command says what it kept.
    #[error("interrupted (Ctrl-C)")]
    Interrupted,

    #[error("{message}")]
    User {
        message: String,
        hint: Option<String>,
    },

    /// A value the command cannot do without was not given (a required
    /// flag, a text that cannot be asked for off a terminal): a usage error,
    /// exit 2 like clap's own.
    #[error("{message}")]
    Usage { message: String, hint: String },
}

impl Error {
    /// A value the command needs and did not get; `hint` shows how to give it.
    pub fn missing(message: impl Into<String>, hint: impl Into<String>) -> Error {
        Error::Usage {
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// The exit code: 2 for a usage error, 130 for Ctrl-C, else 1.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage { .. } => 2,
            Error::Interrupted => 130,
            _ => 1,
        }
    }

    pub fn user(message: impl Into<String>) -> Error {
        Error::User {
            message: message.into(),
            hint: None,
        }
    }

    pub fn user_with_hint(message: impl Into<String>, hint: impl Into<String>) -> Error {
        Error::User {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }

    /// A data file whose path leads, through a symbolic link, to `target`
    /// outside the data folder `root`: mentee never writes there.
    pub fn link_outside(path: &Path, target: &Path, root: &Path) -> Error {
        Error::user_with_hint(
            format!(
                "{} leads through a symbolic link to {}, outside the data folder; \
                 mentee does not write there, and nothing was written",
                path.display(),
                target.display()
            ),
            format!(
                "if a sync brought the link, remove it (and restore the file from an earlier \
                 commit); if you made it, keep the file itself inside {} instead, or make the \
                 whole data folder a link",
                root.display()
            ),
        )
    }

    /// An ID that no record of a kind has: `kind` as in "goal", `hint` where
    /// to find the IDs.
    pub fn unknown_id(typed: &str, kind: &str, hint: impl Into<String>) -> Error {
        Error::user_with_hint(format!("no {kind} has the ID `{}`", typed.trim()), hint)
    }

    /// An ID prefix that more than one record of a kind starts with:
    /// `kind` as in "commitment", `ids` the IDs it could mean.
    pub fn ambiguous_id<T: std::fmt::Display>(
        typed: &str,
        kind: &str,
        ids: impl ExactSizeIterator<Item = T>,
    ) -> Error {
        let count = ids.len();
        let ids: Vec<String> = ids.map(|id| id.to_string()).collect();
        if ids.windows(2).all(|pair| pair[0] == pair[1]) {
            // No prefix can tell them apart: one is a copy of the other.
            let id = ids.first().map(String::as_str).unwrap_or_default();
            return Error::user_with_hint(
                format!(
                    "{count} {kind} records have the same ID `{id}` (a copy made by hand or by a merge?)"
                ),
                format!(
                    "if one is a copy, delete it; otherwise give one of them another ID (six \
                     letters and digits used nowhere else). `grep -rn {id}` in the data folder \
                     finds them, and mentee edit FILE opens a file"
                ),
            );
        }
        Error::user_with_hint(
            format!(
                "`{}` is the start of {count} {kind} IDs: {}",
                typed.trim(),
                ids.join(", ")
            ),
            "type more of the ID",
        )
    }

    /// A date in the future where only a day that has come makes sense:
    /// `what` is the date as the user gave it, `why` the rule that follows.
    pub fn not_come_yet(what: impl std::fmt::Display, why: &str, hint: &str) -> Error {
        Error::user_with_hint(format!("{what} has not come yet{why}"), hint)
    }

    pub fn io(path: &Path, source: io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// A run that writes several files failed after writing some of them:
    /// the message names what was written, so it never claims that nothing
    /// was.
    pub fn partly_written(written: &[PathBuf], err: &Error) -> Error {
        let written: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
        let cause = match err {
            Error::Changed { path } => format!(
                "{} changed while mentee was working on it (an editor or a sync?)",
                path.display()
            ),
            other => other.to_string(),
        };
        Error::user_with_hint(
            format!(
                "only part of the change was written: {} {} written, then {cause}; \
                 nothing else was written",
                written.join(", "),
                if written.len() == 1 { "was" } else { "were" },
            ),
            format!(
                "{}; check the files named above before running the command again",
                err.hint()
                    .unwrap_or_else(|| "fix the cause".to_string())
                    .trim_end_matches('.')
            ),
        )
    }

    /// What the user can do next, printed after the error.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Io { path, source } => io_hint(path, source),
            Error::Parse { hint, .. } => Some(hint.clone()),
            Error::Changed { .. } => Some("run the command again".to_string()),
            Error::Unfinished { dir, state } => Some(format!(
                "{}; then run the command again",
                unfinished_steps(dir, state)
            )),
            Error::Git(err) => err.hint(),
            Error::Interrupted => None,
            Error::User { hint, .. } => hint.clone(),
            Error::Usage { hint, .. } => Some(hint.clone()),
        }
    }
}

/// "DIR has a rebase in progress (git)", for an error or a warning.
pub fn unfinished_state(dir: &Path, state: &crate::git::Unfinished) -> String {
    let dir = dir.display();
    match (state.operation, &state.index_lock) {
        (Some(operation), None) => format!("{dir} has {} in progress (git)", operation.article()),
        (Some(operation), Some(_)) => format!(
            "{dir} has {} in progress (git), and a git command left its index.lock behind",
            operation.article()
        ),
        (None, _) => format!("{dir} has a git index.lock left behind (a git command was stopped?)"),
    }
}

fn unfinished_message(dir: &Path, state: &crate::git::Unfinished) -> String {
    format!(
        "{}; mentee writes nothing there until it is settled, so nothing was written",
        unfinished_state(dir, state)
    )
}

/// The exact commands that settle what git left unfinished.
pub fn unfinished_steps(dir: &Path, state: &crate::git::Unfinished) -> String {
    let dir = crate::render::shell::path(dir);
    let mut steps = Vec::new();
    if let Some(lock) = &state.index_lock {
        steps.push(format!(
            "check that no git command is running there, then remove the stale lock: rm {}",
            crate::render::shell::path(lock)
        ));
    }
    if let Some(operation) = state.operation {
        let (finish, abort) = operation.finish_and_abort();
        steps.push(format!(
            "finish {what}: settle the files git -C {dir} status lists (git -C {dir} add FILE), \
             then git -C {dir} {finish}; or undo {what}: git -C {dir} {abort}",
            what = operation.article().replacen("a ", "the ", 1),
        ));
    }
    steps.join("; ")
}

fn position(line_column: Option<(usize, usize)>) -> String {
    line_column
        .map(|(line, column)| format!(":{line}:{column}"))
        .unwrap_or_default()
}

fn describe_io(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::StorageFull => "the disk is full".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".to_string(),
        io::ErrorKind::NotFound => "no such file or folder".to_string(),
        io::ErrorKind::FileTooLarge => "the file is too large to write here".to_string(),
        io::ErrorKind::InvalidFilename => "the file name is not allowed here".to_string(),
        io::ErrorKind::NotADirectory => {
            "a file stands where a folder is needed on this path".to_string()
        }
        io::ErrorKind::IsADirectory => "this is a folder, where a file is needed".to_string(),
        _ => err.to_string(),
    }
}

fn io_hint(path: &Path, err: &io::Error) -> Option<String> {
    let hint = match err.kind() {
        io::ErrorKind::NotFound => return dangling_link_hint(path),
        io::ErrorKind::StorageFull => {
            "free some space and run the command again; nothing was changed"
        }
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            "check the permissions of the data folder, or choose another with --dir or MENTEE_DIR"
        }
        io::ErrorKind::NotADirectory => {
            "a part of this path is a file: check the path (the data folder is --dir or \
             MENTEE_DIR), or move that file aside if it has the name of one of mentee's \
             folders (meetings, journal)"
        }
        io::ErrorKind::IsADirectory => {
            "give the name of a file, not a folder; if this is one of mentee's data files, \
             move the folder aside and run the command again"
        }
        _ => return None,
    };
    Some(hint.to_string())
}

/// A data file that is a symbolic link to nothing looks present in a folder
/// listing, so "no such file" alone would puzzle; name where it points.
fn dangling_link_hint(path: &Path) -> Option<String> {
    let target = std::fs::read_link(path).ok().filter(|_| !path.exists())?;
    Some(format!(
        "it is a symbolic link to {}, which does not exist; restore that file or remove the link",
        target.display()
    ))
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}
