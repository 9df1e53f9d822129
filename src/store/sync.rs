//! What importing and syncing need from the data folder: whether it is
//! empty, and the files that tell git what to ignore and how to merge
//! (the journal's merge driver is in `journal_merge`).

use super::{Lock, Store, fsio};
use crate::error::{Error, Result};
use std::fs;
use std::io;
use std::path::Path;

/// The name of the merge driver in `.gitattributes` and the git config.
pub const JOURNAL_MERGE_DRIVER: &str = "mentee-journal";

/// What `.gitignore` must say: the lock and the temporary files of a write
/// in progress are never data.
/// (The pattern is kept in step with `fsio::TEMP_MARKER` by a test.)
const IGNORED: &[&str] = &[".lock", ".*.mentee-tmp-*"];

const ATTRIBUTES: &[&str] = &["journal/**/*.toml merge=mentee-journal"];

/// The files at the top of the data folder that mentee keeps (the data
/// files of the layout, and the git files sync manages).
const TOP_FILES: &[&str] = &[
    "mentors.toml",
    "goals.toml",
    "later.toml",
    "settings.toml",
    "actions.toml",
    ".gitignore",
    ".gitattributes",
];

/// Is `relative` (a path in the data folder, with `/`) a file mentee keeps?
/// Sync commits only these: anything else in the folder (a note of one's
/// own, what a killed git left behind, a journal file misnamed so that
/// mentee does not read it) is for the person to add deliberately.
pub fn owned_by_mentee(relative: &str) -> bool {
    if TOP_FILES.contains(&relative) {
        return true;
    }
    let visible = |path: &str| !path.split('/').any(|part| part.starts_with('.'));
    if let Some(meeting) = relative.strip_prefix("meetings/") {
        return meeting.ends_with(".toml") && visible(meeting);
    }
    relative.starts_with("journal/")
        && relative.split('/').count() == 3
        && super::month_of(Path::new(relative)).is_some()
}

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
                "# mentee: the lock and unfinished writes are not data",
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
    use super::{IGNORED, fsio, owned_by_mentee};

    #[track_caller]
    fn case(path: &str, owned: bool) {
        assert_eq!(owned_by_mentee(path), owned, "{path}");
    }

    #[test]
    fn sync_commits_only_the_files_mentee_keeps() {
        case("mentors.toml", true);
        case("settings.toml", true);
        case(".gitattributes", true);
        case("meetings/next-alex-kim.toml", true);
        case("meetings/2026/2026-11-24-alex-kim.toml", true);
        case("journal/2026/2026-11.toml", true);
        case("journal/2026/2026-3.toml", false);
        case("journal/2026-11.toml", false);
        case("journal/2026/notes.md", false);
        case("meetings/2026/.2026-11-24.toml.mentee-tmp-ab12", false);
        case("meetings/notes.txt", false);
        case(".merge_file_a1b2c3", false);
        case("notes.txt", false);
        case("sub/mentors.toml", false);
        case(".lock", false);
    }

    #[test]
    fn the_temp_marker_pattern_matches_the_store() {
        assert_eq!(IGNORED[1], format!(".*{}*", fsio::TEMP_MARKER));
    }
}
