//! The one way a data file is written: under the lock, re-read the file,
//! refuse if it changed since mentee read it, merge the new content into
//! the existing document (so comments and unknown keys survive) and replace
//! the file atomically, only inside the data folder.

use super::index::Stamp;
use super::{Lock, Store, codec, fsio, preserve};
use crate::error::{Error, Result};
use crate::model::id::Id;
use crate::model::meeting::Meeting;
use std::fs;
use std::io;
use std::path::Path;
use toml_edit::DocumentMut;

impl Store {
    /// The one way a file is written (see the module documentation).
    pub(super) fn save(
        &self,
        lock: &Lock,
        path: &Path,
        new: &DocumentMut,
        meeting: Option<&Meeting>,
    ) -> Result<()> {
        self.save_as(lock, path, path, new, meeting)
    }

    /// Like [`Store::save`], but the result goes to `path` while the edits a
    /// person made are taken from `base`: a meeting moving from its planned
    /// file to its dated one keeps its comments and extra keys.
    pub(super) fn save_as(
        &self,
        lock: &Lock,
        base: &Path,
        path: &Path,
        new: &DocumentMut,
        meeting: Option<&Meeting>,
    ) -> Result<()> {
        // A lost lock is taken again before anything is read.
        lock.recheck()?;
        let check = || {
            let on_disk = self.unchanged(base)?;
            if base != path && self.unchanged(path)?.is_some() {
                return Err(Error::Changed {
                    path: path.to_path_buf(),
                });
            }
            Ok(on_disk)
        };
        let on_disk = check()?;
        let bytes = match &on_disk {
            Some(bytes) => {
                let mut doc = codec::read_document(base, bytes)?;
                preserve::merge_document(&mut doc, new);
                codec::keep_line_endings(bytes, &doc.to_string())
            }
            None => new.to_string().into_bytes(),
        };
        let still = || {
            check().and_then(|now| {
                if now == on_disk {
                    Ok(())
                } else {
                    Err(Error::Changed {
                        path: base.to_path_buf(),
                    })
                }
            })
        };
        let stamp = self.write_file(lock, path, &bytes, &still)?;
        let journal = self.relative(path).starts_with("journal/");
        // The index keeps the meeting as its file now says, not as it was
        // handed in: merging into a hand-edited file can make the two differ,
        // and a cached meeting must agree with its file
        // (see `check_cached_meeting`).
        let written = meeting.and_then(|_| codec::read_meeting(path, &bytes).ok());
        self.indexed_write(path, stamp, &bytes, written.as_ref(), journal);
        self.seen
            .borrow_mut()
            .insert(path.to_path_buf(), Seen::Bytes(Some(bytes)));
        Ok(())
    }

    /// The file's current bytes, provided nobody changed it since mentee
    /// read it (or, for a file mentee never read, that it still does not
    /// exist): a file is never overwritten blindly.
    pub(super) fn unchanged(&self, path: &Path) -> Result<Option<Vec<u8>>> {
        let stamp = fs::metadata(path).ok().map(|meta| Stamp::of(&meta));
        let on_disk = fsio::read_optional(path)?;
        let same = match self.seen.borrow().get(path) {
            Some(Seen::Bytes(seen)) => *seen == on_disk,
            Some(Seen::Stamp(seen)) => stamp == Some(*seen),
            None => on_disk.is_none(),
        };
        if same {
            Ok(on_disk)
        } else {
            Err(Error::Changed {
                path: path.to_path_buf(),
            })
        }
    }

    /// Writes a data file: only inside the data folder (see
    /// [`fsio::resolve_inside`]), and only while the lock is still held.
    /// The lock is checked once more just before the new file replaces the
    /// old one; if it had been lost and had to be taken again, another run
    /// may have written meanwhile, and `still` must confirm that the file
    /// is as it was read, or fail.
    pub(super) fn write_file(
        &self,
        lock: &Lock,
        path: &Path,
        bytes: &[u8],
        still: &dyn Fn() -> Result<()>,
    ) -> Result<Stamp> {
        let ready = || {
            lock.recheck()?;
            still()
        };
        self.mark_written();
        // The record of changes keeps the old bytes first (see `undo`).
        let pending = self.before_change(path, Some(bytes))?;
        let stamp = fsio::write_inside(&self.root, path, bytes, random()?, &ready)?;
        self.after_change(pending);
        Ok(stamp)
    }

    /// Removes a data file, provided its folder is inside the data folder.
    pub(super) fn remove_file(&self, path: &Path) -> Result<()> {
        if let Some(folder) = path.parent() {
            fsio::resolve_inside(&self.root, folder)?;
        }
        self.mark_written();
        let pending = self.before_change(path, None)?;
        fsio::remove(path)?;
        self.after_change(pending);
        // Gone from the index too, so that it does not outlive the file
        // until the next listing (a moved meeting would be there twice).
        if let Some(index) = self.index.borrow_mut().as_mut() {
            index.forget(&self.relative(path));
        }
        Ok(())
    }

    /// A fresh ID that no record uses yet. Every data file is scanned as
    /// text for anything that looks like an ID, so a file that does not parse
    /// (or a record kind this version does not know) still keeps its IDs.
    pub fn new_id(&self, also_taken: &[&Id]) -> Result<Id> {
        let index = self.index("")?;
        loop {
            let id = Id::from_random(random()?);
            if !also_taken.contains(&&id) && !index.all().any(|file| file.has_id(&id)) {
                return Ok(id);
            }
        }
    }
}

/// How mentee saw a file: its bytes (`None`: it did not exist), or only the
/// stamp the index read it at.
pub(super) enum Seen {
    Bytes(Option<Vec<u8>>),
    Stamp(Stamp),
}

/// Writes a file the user asked for (an export, a calendar) as data files
/// are written: whole or not at all, and readable by the user alone, since
/// it holds journal text. Unlike the data folder, its folder must exist.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    // A pipe or a device (`-o /dev/stdout`, `-o >(gzip > x.gz)`) cannot be
    // replaced by a rename; it is written to as it is.
    if fs::metadata(path).is_ok_and(|meta| !meta.is_file() && !meta.is_dir()) {
        return fs::write(path, bytes).map_err(|err| Error::io(path, err));
    }
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
    if folder.is_some_and(|folder| !folder.is_dir()) {
        return Err(Error::io(path, io::ErrorKind::NotFound.into()));
    }
    fsio::write_atomic(path, bytes, random()?).map(|_| ())
}

pub(super) fn random() -> Result<u32> {
    getrandom::u32().map_err(|err| {
        Error::user(format!(
            "could not get random numbers from the system: {err}"
        ))
    })
}
