//! What a run changes, recorded for `mentee undo`, and the undo itself.
//!
//! One operation is one command run: once [`Store::record_changes`] is
//! called, every data file the run writes or removes (through
//! [`Store::write_file`] and [`Store::remove_file`], the one write path) is
//! kept in the record of changes ([`oplog`]) before it is replaced, and
//! [`Store::finish_changes`] closes the record when the run ends.
//!
//! Undo puts back the bytes each file had before, but only when every file
//! still holds what the run left there: a file changed since (by hand, an
//! editor, a sync) is named and nothing is undone. Undo is recorded like
//! any command, so undoing an undo puts the change back (redo).

use super::oplog::{self, FileChange, Line, Operation, State, Undoes, Writer, fingerprint};
use super::{Lock, Store, fsio};
use crate::error::{Error, Result};
use std::path::{Component, Path, PathBuf};

/// What a run is recorded as.
#[derive(Debug, Clone)]
pub struct RunInfo {
    /// The command line, without the program's name.
    pub args: Vec<String>,
    /// Local time, `YYYY-MM-DDTHH:MM:SS`.
    pub when: String,
}

/// The record of this run's changes, as it is being made.
#[derive(Default)]
pub(super) struct Recorder {
    run: Option<RunInfo>,
    undoes: Option<Undoes>,
    writer: Option<Writer>,
    files: Vec<Tracked>,
}

struct Tracked {
    relative: String,
    before: Option<String>,
    /// What the last write that went through left in the file.
    left: Option<String>,
}

/// A change this run is about to make to a file, to confirm once made.
pub(super) struct Pending {
    n: usize,
    after: Option<String>,
}

impl Store {
    /// Records every change this run makes, as one operation.
    pub fn record_changes(&self, run: RunInfo) {
        self.undo.borrow_mut().run = Some(run);
    }

    /// Called before a data file is replaced (`new`) or removed (`None`):
    /// the file's bytes as they are now and what is about to replace them
    /// are on disk in the record before anything is changed. A full disk
    /// is reported for the data file: that is the write that failed.
    pub(super) fn before_change(&self, path: &Path, new: Option<&[u8]>) -> Result<Option<Pending>> {
        self.record_before(path, new).map_err(|err| match err {
            Error::Io { source, .. }
                if matches!(
                    source.kind(),
                    std::io::ErrorKind::StorageFull
                        | std::io::ErrorKind::QuotaExceeded
                        | std::io::ErrorKind::FileTooLarge
                ) =>
            {
                Error::Io {
                    path: path.to_path_buf(),
                    source,
                }
            }
            other => other,
        })
    }

    fn record_before(&self, path: &Path, new: Option<&[u8]>) -> Result<Option<Pending>> {
        let mut guard = self.undo.borrow_mut();
        let recorder = &mut *guard;
        let Some(run) = &recorder.run else {
            return Ok(None);
        };
        let relative = self.relative(path);
        if recorder.writer.is_none() {
            let begin = Line::Begin {
                version: 1,
                pid: std::process::id(),
                when: run.when.clone(),
                args: run.args.clone(),
                undoes: recorder.undoes.clone(),
            };
            recorder.writer = Some(Writer::start(&self.root, &begin)?);
        }
        let Some(writer) = recorder.writer.as_mut() else {
            return Ok(None);
        };
        let n = match recorder.files.iter().position(|f| f.relative == relative) {
            Some(n) => n,
            None => {
                let bytes = fsio::read_optional(path)?;
                let before = bytes.as_deref().map(fingerprint);
                let n = recorder.files.len();
                if let Some(bytes) = &bytes {
                    writer.keep(n, bytes)?;
                }
                writer.append(&Line::File {
                    n,
                    path: relative.clone(),
                    before: before.clone(),
                })?;
                recorder.files.push(Tracked {
                    relative,
                    left: before.clone(),
                    before,
                });
                n
            }
        };
        let after = new.map(fingerprint);
        writer.append(&Line::Intent {
            n,
            after: after.clone(),
        })?;
        Ok(Some(Pending { n, after }))
    }

    /// Called once the change announced by [`Store::before_change`] is made.
    pub(super) fn after_change(&self, pending: Option<Pending>) {
        if let Some(Pending { n, after }) = pending
            && let Some(file) = self.undo.borrow_mut().files.get_mut(n)
        {
            file.left = after;
        }
    }

    /// Closes the record of this run: what it left in each file. A run that
    /// changed nothing after all leaves no record.
    pub fn finish_changes(&self) -> Result<()> {
        let recorder = self.undo.take();
        let Some(mut writer) = recorder.writer else {
            return Ok(());
        };
        if recorder.files.iter().all(|f| f.before == f.left) {
            writer.discard();
            return Ok(());
        }
        writer.append(&Line::End {
            after: recorder.files.iter().map(|f| f.left.clone()).collect(),
        })
    }

    /// Every recorded change, newest first.
    pub fn changes(&self) -> Result<Vec<Operation>> {
        Ok(oplog::read_all(&self.root)?
            .into_iter()
            .filter(|op| !op.files.is_empty())
            .collect())
    }

    /// Puts back what each file of `op` held before it ran, provided every
    /// one still holds what `op` left there (checked for all before any is
    /// touched); a file changed since is an [`Error::Changed`] with its
    /// path, and nothing is written. Returns how many files were restored.
    pub fn undo(&self, lock: &Lock, op: &Operation) -> Result<usize> {
        lock.recheck()?;
        let mut plan = Vec::new();
        for file in &op.files {
            let path = self.path_in_record(file)?;
            let now = fsio::read_optional(&path)?;
            if !left_by(op, file, now.as_deref()) {
                return Err(Error::Changed { path });
            }
            let before = oplog::before_bytes(op, file)?;
            if now != before {
                plan.push((path, now, before));
            }
        }
        self.undo.borrow_mut().undoes = Some(Undoes::of(op));
        for (path, now, before) in &plan {
            let still = || {
                if fsio::read_optional(path)? == *now {
                    Ok(())
                } else {
                    Err(Error::Changed { path: path.clone() })
                }
            };
            match before {
                Some(bytes) => {
                    self.write_file(lock, path, bytes, &still)?;
                }
                None => {
                    still()?;
                    self.remove_file(path)?;
                    self.remove_empty_folders(path);
                }
            }
        }
        Ok(plan.len())
    }

    /// The data file a record names; only a plain path inside the folder.
    fn path_in_record(&self, file: &FileChange) -> Result<PathBuf> {
        let relative = Path::new(&file.path);
        if relative.as_os_str().is_empty()
            || !relative
                .components()
                .all(|part| matches!(part, Component::Normal(_)))
        {
            return Err(Error::user_with_hint(
                format!(
                    "the record of changes names {:?}, which is not a file in the data folder; \
                     nothing was undone",
                    file.path
                ),
                "undo this change by hand (mentee edit opens any data file)",
            ));
        }
        Ok(self.root.join(relative))
    }

    /// Removes the folders above `path` that are empty now (a year folder
    /// the undone run created), up to the data folder.
    fn remove_empty_folders(&self, path: &Path) {
        let mut folder = path.parent();
        while let Some(dir) = folder.filter(|dir| *dir != self.root && dir.starts_with(&self.root))
        {
            if std::fs::remove_dir(dir).is_err() {
                break;
            }
            folder = dir.parent();
        }
    }
}

/// Does a file hold what the operation left in it? For a run that was cut
/// short, any content it was about to write may be there, or the old one.
fn left_by(op: &Operation, file: &FileChange, now: Option<&[u8]>) -> bool {
    let now = now.map(fingerprint);
    file.after.contains(&now) || (op.state != State::Finished && now == file.before)
}
