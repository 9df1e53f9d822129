//! Installing a person's edited copy of a data file: finding the file a
//! record is in, checking that the copy still parses, and putting it in
//! place. The editor works on a private copy; the store writes nothing
//! while it is open, and installs the copy under the lock only if the data
//! file is still as the editor was given it. Otherwise both are kept.

use crate::error::{Error, Result};
use crate::model::id::Id;
use crate::store::{DataFile, Lock, Store, codec, fsio};
use std::path::{Path, PathBuf};

impl Store {
    /// The file a meeting was loaded from (by [`Store::meetings`]).
    pub fn meeting_path(&self, id: &Id) -> Option<PathBuf> {
        self.meeting_files.borrow().get(id).cloned()
    }

    /// `typed` as a file inside the data folder (absolute, relative to the
    /// current folder, or relative to the data folder), if it is one.
    pub fn data_file(&self, typed: &Path) -> Option<PathBuf> {
        let root = std::fs::canonicalize(&self.root).ok()?;
        [typed.to_path_buf(), self.root.join(typed)]
            .iter()
            .filter_map(|candidate| std::fs::canonicalize(candidate).ok())
            .filter(|found| found.is_file())
            .find_map(|found| {
                let relative = found.strip_prefix(&root).ok()?.to_path_buf();
                Some(self.root.join(relative))
            })
    }

    /// The bytes of a data file as it is now: what the editor is given.
    pub fn snapshot(&self, path: &Path) -> Result<Vec<u8>> {
        fsio::read_optional(path)?
            .ok_or_else(|| Error::io(path, std::io::ErrorKind::NotFound.into()))
    }

    /// Puts `edited` in place of the data file at `path`, provided the file
    /// still holds `snapshot` (what the editor was given); an edit that
    /// changed nothing writes nothing. If the file changed or went away
    /// meanwhile (another command, a sync), it is left as it is and `edited`
    /// is kept beside it: nobody's change is lost.
    pub fn install_edit(
        &self,
        lock: &Lock,
        path: &Path,
        snapshot: &[u8],
        edited: &[u8],
    ) -> Result<Installed> {
        let now = fsio::read_optional(path)?;
        if now.as_deref() != Some(snapshot) {
            return Ok(Installed::KeptBeside {
                yours: self.keep_beside(path, edited)?,
                removed: now.is_none(),
            });
        }
        if edited == snapshot {
            return Ok(Installed::Unchanged);
        }
        let still = || {
            if fsio::read_optional(path)?.as_deref() == Some(snapshot) {
                Ok(())
            } else {
                Err(Error::Changed {
                    path: path.to_path_buf(),
                })
            }
        };
        self.write_file(lock, path, edited, &still)?;
        Ok(Installed::Written)
    }

    /// Writes a person's version of a data file beside it, under a name that
    /// is not a data file's (`mentors.toml.your-edit`, then `-2`, ...), so
    /// that mentee never reads it and it never replaces anything.
    pub fn keep_beside(&self, path: &Path, bytes: &[u8]) -> Result<PathBuf> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let free = (1..1000)
            .map(|n| match n {
                1 => path.with_file_name(format!("{name}.your-edit")),
                n => path.with_file_name(format!("{name}.your-edit-{n}")),
            })
            .find(|candidate| std::fs::symlink_metadata(candidate).is_err())
            .ok_or_else(|| {
                Error::user_with_hint(
                    format!("too many copies named {name}.your-edit-N beside {name}"),
                    "compare them with the file, keep what you need, and delete the rest",
                )
            })?;
        fsio::write_atomic(&free, bytes, super::random()?)?;
        Ok(free)
    }

    /// Checks that `bytes` parse as the data file at `path` (a person's
    /// version of it, not yet in place), with the parser for its place in
    /// the data folder; the error says file, line and column.
    pub fn check_bytes(&self, path: &Path, bytes: &[u8]) -> Result<()> {
        let relative = self.relative(path);
        if let Some(file) = DataFile::single(&relative) {
            return codec::check_single(file, path, bytes);
        }
        match relative.as_str() {
            r if r.starts_with("meetings/") => codec::read_meeting(path, bytes).map(drop),
            r if r.starts_with("journal/") => match super::month_of(path) {
                Some(month) => codec::read_month(path, bytes, month).map(drop),
                None => codec::read_entries(path, bytes).map(drop),
            },
            _ => codec::read_document(path, bytes).map(drop),
        }
    }
}

/// What became of a person's version of a data file.
#[derive(Debug, PartialEq, Eq)]
pub enum Installed {
    /// It was the same as the file: nothing was written.
    Unchanged,
    /// It replaced the file.
    Written,
    /// The file changed (or was removed: `removed`) while the editor was
    /// open, and was left as it is; the person's version is kept in `yours`,
    /// beside it.
    KeptBeside { yours: PathBuf, removed: bool },
}
