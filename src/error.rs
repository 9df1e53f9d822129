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

    /// Ctrl-C at a prompt; the command says what it kept.
    #[error("interrupted (Ctrl-C)")]
    Interrupted,

    #[error("{message}")]
    User {
        message: String,
        hint: Option<String>,
    },
}

impl Error {
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

    /// An ID prefix that more than one record of a kind starts with:
    /// `kind` as in "commitment", `ids` the IDs it could mean.
    pub fn ambiguous_id<T: std::fmt::Display>(
        typed: &str,
        kind: &str,
        ids: impl ExactSizeIterator<Item = T>,
    ) -> Error {
        let count = ids.len();
        let ids: Vec<String> = ids.map(|id| id.to_string()).collect();
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

    /// What the user can do next, printed after the error.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Io { path, source } => io_hint(path, source),
            Error::Parse { hint, .. } => Some(hint.clone()),
            Error::Changed { .. } => Some("run the command again".to_string()),
            Error::Interrupted => None,
            Error::User { hint, .. } => hint.clone(),
        }
    }
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
