//! The files in the data folder that tell git what to ignore and how to
//! merge, and whether the folder is empty (for import and sync's first run)
//! (the journal's merge driver is in `merge_driver`).

use super::{Lock, Store, fsio};
use crate::error::{Error, Result};
use std::fs;
use std::io;

/// The name of the merge driver in `.gitattributes` and the git config.
pub const JOURNAL_MERGE_DRIVER: &str = "mentee-journal";

/// What `.gitignore` must say: the lock, the temporary files of a write
/// in progress and the record of changes kept for `mentee undo` (private to
/// this copy of the journal) are never data.
/// (The patterns are kept in step with `fsio::TEMP_MARKER` and
/// `oplog::FOLDER` by a test.)
const IGNORED: &[&str] = &[".lock", ".*.mentee-tmp-*", "/.undo/"];

const ATTRIBUTES: &[&str] = &["journal/**/*.toml merge=mentee-journal"];

impl Store {
    /// Does the data folder hold nothing but hidden files (such as `.lock`
    /// or `.git`)? A folder that does not exist yet is empty.
    pub fn is_empty(&self) -> Result<bool> {
        let entries = match fs::read_dir(self.root()) {
            Ok(entries) => entries,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(true),
            Err(err) => return Err(Error::io(self.root(), err)),
        };
        for entry in entries {
            let entry = entry.map_err(|err| Error::io(self.root(), err))?;
            if !entry.file_name().to_string_lossy().starts_with('.') {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Makes sure `.gitignore` ignores the lock and temporary files and
    /// `.gitattributes` names the journal merge driver, adding only the
    /// lines that are missing (a person's own lines stay). Returns the
    /// names of the files it changed.
    pub fn write_git_files(&self, lock: &Lock) -> Result<Vec<&'static str>> {
        let mut changed = Vec::new();
        let files: [(&'static str, &str, &[&str]); 2] = [
            (
                ".gitignore",
                "# mentee: the lock, unfinished writes and the record for undo are not data",
                IGNORED,
            ),
            (
                ".gitattributes",
                "# mentee: journal months are merged entry by entry (mentee sync sets up the driver)",
                ATTRIBUTES,
            ),
        ];
        for (name, comment, lines) in files {
            let path = self.root().join(name);
            lock.recheck()?;
            let read = fsio::read_optional(&path)?;
            let old = String::from_utf8_lossy(read.as_deref().unwrap_or_default()).into_owned();
            let missing: Vec<&str> = lines
                .iter()
                .copied()
                .filter(|line| !old.lines().any(|have| have.trim() == *line))
                .collect();
            if missing.is_empty() {
                continue;
            }
            let mut text = old.clone();
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            if old.is_empty() {
                text.push_str(comment);
                text.push('\n');
            }
            for line in missing {
                text.push_str(line);
                text.push('\n');
            }
            let still = || {
                if fsio::read_optional(&path)? == read {
                    Ok(())
                } else {
                    Err(Error::Changed { path: path.clone() })
                }
            };
            self.write_file(lock, &path, text.as_bytes(), &still)?;
            changed.push(name);
        }
        Ok(changed)
    }
}

#[cfg(test)]
mod tests {
    use super::{IGNORED, fsio};
    use crate::store::oplog;

    #[test]
    fn the_ignored_patterns_match_the_store() {
        assert_eq!(IGNORED[1], format!(".*{}*", fsio::TEMP_MARKER));
        assert_eq!(IGNORED[2], format!("/{}/", oplog::FOLDER));
    }
}
