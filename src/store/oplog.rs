//! The record of changes that `mentee undo` reads: one folder per command
//! run that changed data files, kept in `.undo/` in the data folder.
//!
//! ```text
//! .undo/                 0700, ignored by git (see git_files), never synced
//!   000042/              one operation: everything one command run changed
//!     log                what it is, one JSON object a line, appended as it goes
//!     0, 1, ...          the bytes each file had before the run changed it
//! ```
//!
//! The log is written ahead of the data: a file's old bytes and the
//! fingerprint of what is about to replace it are on disk (and flushed)
//! before the data file is replaced. A run killed half way therefore leaves
//! an operation without its `end` line, and undo still knows every file it
//! may have touched and what each held before.
//!
//! The record is bounded: when an operation starts, the oldest are removed
//! so that at most [`MAX_OPERATIONS`] remain and they take at most
//! [`MAX_BYTES`] (the newest is always kept, whatever its size).

use super::fsio;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The folder of the record, in the data folder.
pub const FOLDER: &str = ".undo";
/// How many operations are kept.
pub const MAX_OPERATIONS: usize = 100;
/// How many bytes the kept operations may take together.
pub const MAX_BYTES: u64 = 16 * 1024 * 1024;
const LOG: &str = "log";
const VERSION: u32 = 1;

/// A run whose log has not changed for this long is not running any more,
/// even if a process with its ID is alive (the ID was given to another).
const RUNNING_AT_MOST: Duration = Duration::from_secs(24 * 60 * 60);

/// One line of an operation's log.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum Line {
    /// The first line: what ran, when, and which process.
    Begin {
        version: u32,
        pid: u32,
        when: String,
        args: Vec<String>,
        /// For `mentee undo`: the operation it took back.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        undoes: Option<Undoes>,
    },
    /// A file the run is about to change for the first time: its path in
    /// the data folder and the fingerprint of its bytes then (none: it did
    /// not exist); the bytes are in the file named `n` beside the log.
    File {
        n: usize,
        path: String,
        before: Option<String>,
    },
    /// The run is about to write this content (`None`: remove the file).
    Intent { n: usize, after: Option<String> },
    /// The run ended; what it left in each file, by `n`.
    End { after: Vec<Option<String>> },
}

/// What an undo took back.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Undoes {
    /// The operation it took back.
    pub op: u64,
    /// The command whose change is concerned (never `undo` itself).
    pub args: Vec<String>,
    /// It put that change back (it undid an undo), rather than taking it back.
    #[serde(default)]
    pub redo: bool,
}

impl Undoes {
    /// What undoing `op` is.
    pub fn of(op: &Operation) -> Undoes {
        match &op.undoes {
            Some(undone) => Undoes {
                op: op.id,
                args: undone.args.clone(),
                redo: !undone.redo,
            },
            None => Undoes {
                op: op.id,
                args: op.args.clone(),
                redo: false,
            },
        }
    }
}

/// An operation as read back from its log.
#[derive(Debug, Clone)]
pub struct Operation {
    pub id: u64,
    pub dir: PathBuf,
    pub pid: u32,
    /// Local time, `YYYY-MM-DDTHH:MM:SS`.
    pub when: String,
    /// The command line, without the program's name.
    pub args: Vec<String>,
    pub undoes: Option<Undoes>,
    pub files: Vec<FileChange>,
    pub state: State,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Finished,
    /// No `end` line, and its process is still at work.
    Running,
    /// No `end` line, and its process is gone: killed or crashed.
    Interrupted,
}

/// One file an operation changed.
#[derive(Debug, Clone)]
pub struct FileChange {
    pub n: usize,
    /// In the data folder, with `/`.
    pub path: String,
    pub before: Option<String>,
    /// What the run left (for a finished run), or every content it was
    /// about to write (for an interrupted one: any of them may be there).
    pub after: Vec<Option<String>>,
}

impl FileChange {
    /// How the run changed the file, in a word.
    pub fn verb(&self) -> &'static str {
        match (&self.before, self.after.last()) {
            (None, Some(Some(_))) => "created",
            (Some(_), Some(None)) => "removed",
            _ => "changed",
        }
    }
}

/// A fingerprint of a file's content: FNV-1a, 128 bits, in hex. It tells
/// whether a file still holds what a run left there; a change made by hand
/// gives another fingerprint (by chance the same once in 2^128).
pub fn fingerprint(bytes: &[u8]) -> String {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let hash = bytes.iter().fold(OFFSET, |hash, byte| {
        (hash ^ u128::from(*byte)).wrapping_mul(PRIME)
    });
    format!("{hash:032x}")
}

/// The record's folder, made private and checked to be a real folder:
/// the record is never written through a link.
pub(super) fn folder(root: &Path) -> Result<PathBuf> {
    let dir = root.join(FOLDER);
    fsio::create_private_dir(&dir)?;
    real_folder(&dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o700))
            .map_err(|err| Error::io(&dir, err))?;
    }
    fsio::resolve_inside(root, &dir)?;
    Ok(dir)
}

fn real_folder(dir: &Path) -> Result<()> {
    let meta = fs::symlink_metadata(dir).map_err(|err| Error::io(dir, err))?;
    if meta.is_dir() {
        return Ok(());
    }
    Err(Error::user_with_hint(
        format!(
            "{} is not a folder (a link?); mentee keeps the record of changes for undo only \
             in a folder of its own, and wrote nothing",
            dir.display()
        ),
        format!("move it away: mv {0} {0}.old", dir.display()),
    ))
}

/// An operation being written: its folder and its open log.
pub(super) struct Writer {
    dir: PathBuf,
    log: File,
}

impl Writer {
    /// Starts the next operation, after removing the oldest ones.
    pub fn start(root: &Path, begin: &Line) -> Result<Writer> {
        let folder = folder(root)?;
        let kept = prune(&folder)?;
        let mut id = kept.last().map_or(1, |(id, _)| id + 1);
        let dir = loop {
            let dir = folder.join(format!("{id:06}"));
            match fsio::create_private_dir_new(&dir) {
                Ok(()) => break dir,
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists => id += 1,
                Err(err) => return Err(Error::io(&dir, err)),
            }
        };
        let path = dir.join(LOG);
        let log = fsio::create_private(&path)?;
        let mut writer = Writer { dir, log };
        writer.append(begin)?;
        fsio::sync_dir(&folder)?;
        Ok(writer)
    }

    /// Keeps a file's bytes as they are before the run changes them.
    pub fn keep(&self, n: usize, bytes: &[u8]) -> Result<()> {
        let path = self.dir.join(n.to_string());
        let mut file = fsio::create_private(&path)?;
        file.write_all(bytes)
            .and_then(|()| file.sync_all())
            .map_err(|err| Error::io(&path, err))?;
        fsio::sync_dir(&self.dir)
    }

    /// Appends a line and flushes it to disk.
    pub fn append(&mut self, line: &Line) -> Result<()> {
        let path = self.dir.join(LOG);
        let mut text = serde_json::to_string(line)
            .map_err(|err| Error::user(format!("{}: {err}", path.display())))?;
        text.push('\n');
        self.log
            .write_all(text.as_bytes())
            .and_then(|()| self.log.sync_data())
            .map_err(|err| Error::io(&path, err))
    }

    /// Removes an operation that changed nothing after all.
    pub fn discard(self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// The operations kept, oldest first, with the bytes each takes.
fn listing(folder: &Path) -> Result<Vec<(u64, u64)>> {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(Error::io(folder, err)),
    };
    let mut ops = Vec::new();
    for entry in entries.flatten() {
        let Some(id) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u64>().ok())
        else {
            continue;
        };
        // Never a link: only folders mentee made.
        if !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let size = fs::read_dir(entry.path())
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|file| file.metadata().ok())
            .map(|meta| meta.len())
            .sum();
        ops.push((id, size));
    }
    ops.sort_unstable();
    Ok(ops)
}

/// Removes the oldest operations so that one more still keeps the record
/// within its bounds; returns those kept, oldest first.
fn prune(folder: &Path) -> Result<Vec<(u64, u64)>> {
    let mut ops = listing(folder)?;
    let mut total: u64 = ops.iter().map(|(_, size)| size).sum();
    let mut first = 0;
    while first < ops.len() && (ops.len() - first >= MAX_OPERATIONS || total > MAX_BYTES) {
        let (id, size) = ops[first];
        let dir = folder.join(format!("{id:06}"));
        match fs::remove_dir_all(&dir) {
            Ok(()) => {}
            Err(err) if err.kind() == io::ErrorKind::NotFound => {}
            Err(err) => return Err(Error::io(&dir, err)),
        }
        total -= size;
        first += 1;
    }
    Ok(ops.split_off(first))
}

/// Every operation kept, newest first. An operation whose log cannot be
/// read (cut short before its first line) is left out.
pub fn read_all(root: &Path) -> Result<Vec<Operation>> {
    let folder = root.join(FOLDER);
    if fs::symlink_metadata(&folder).is_err() {
        return Ok(Vec::new());
    }
    real_folder(&folder)?;
    let mut ops = Vec::new();
    for (id, _) in listing(&folder)?.into_iter().rev() {
        let dir = folder.join(format!("{id:06}"));
        if let Some(op) = read(id, &dir)? {
            ops.push(op);
        }
    }
    Ok(ops)
}

fn read(id: u64, dir: &Path) -> Result<Option<Operation>> {
    let path = dir.join(LOG);
    if fs::symlink_metadata(&path).is_ok_and(|meta| !meta.is_file()) {
        return Ok(None);
    }
    let Some(bytes) = fsio::read_optional(&path)? else {
        return Ok(None);
    };
    let text = String::from_utf8_lossy(&bytes);
    // A line cut short by a crash does not parse, and ends the log.
    let mut lines = text
        .lines()
        .map_while(|line| serde_json::from_str::<Line>(line).ok());
    let Some(Line::Begin {
        version: VERSION,
        pid,
        when,
        args,
        undoes,
    }) = lines.next()
    else {
        return Ok(None);
    };
    let mut op = Operation {
        id,
        dir: dir.to_path_buf(),
        pid,
        when,
        args,
        undoes,
        files: Vec::new(),
        state: State::Interrupted,
    };
    for line in lines {
        match line {
            Line::File { n, path, before } => op.files.push(FileChange {
                n,
                path,
                before,
                after: Vec::new(),
            }),
            Line::Intent { n, after } => {
                if let Some(file) = op.files.iter_mut().find(|f| f.n == n) {
                    file.after.push(after);
                }
            }
            Line::End { after } => {
                for file in &mut op.files {
                    file.after = vec![after.get(file.n).cloned().flatten()];
                }
                // A file written back as it was is not a change.
                op.files
                    .retain(|file| file.after.first() != Some(&file.before));
                op.state = State::Finished;
            }
            Line::Begin { .. } => {}
        }
    }
    if op.state != State::Finished && still_running(&op, &path) {
        op.state = State::Running;
    }
    Ok(Some(op))
}

fn still_running(op: &Operation, log: &Path) -> bool {
    let recent = fs::metadata(log)
        .and_then(|meta| meta.modified())
        .is_ok_and(|time| time.elapsed().is_ok_and(|age| age < RUNNING_AT_MOST));
    op.pid != std::process::id() && recent && fsio::process_alive(op.pid) != Some(false)
}

/// The bytes a file had before the operation changed it, checked against
/// their fingerprint.
pub fn before_bytes(op: &Operation, file: &FileChange) -> Result<Option<Vec<u8>>> {
    let Some(expected) = &file.before else {
        return Ok(None);
    };
    let path = op.dir.join(file.n.to_string());
    let bytes = match fs::symlink_metadata(&path) {
        Ok(meta) if meta.is_file() => fsio::read_optional(&path)?,
        _ => None,
    };
    match bytes {
        Some(bytes) if fingerprint(&bytes) == *expected => Ok(Some(bytes)),
        _ => Err(Error::user_with_hint(
            format!(
                "the record of changes is damaged: {} does not hold what {} held before; \
                 nothing was undone",
                path.display(),
                file.path
            ),
            "undo this change by hand (mentee edit opens any data file)",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    #[test]
    fn a_fingerprint_is_fnv1a_128_and_tells_contents_apart() {
        assert_eq!(fingerprint(b""), "6c62272e07bb014262b821756295c58d");
        assert_eq!(fingerprint(b"a"), "d228cb696f1a8caf78912b704e4a8964");
        assert_ne!(fingerprint(b"ab"), fingerprint(b"ba"));
        assert_ne!(fingerprint(b"format = 1\n"), fingerprint(b"format = 1\r\n"));
    }
}
