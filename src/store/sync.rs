//! What importing and syncing need from the data folder: whether it is
//! empty, the files that tell git what to ignore and how to merge, and the
//! merge of two versions of a journal month.
//!
//! Why a merge driver for journal months: two machines that each add an
//! entry to the same month both append at the end of the same file, which
//! git's line merge reports as a conflict. Git's `union` merge is no cure:
//! it shares the lines both sides have in common (`[[entry]]`, `kind =
//! "update"`, the blank line between entries), so two appended entries can
//! come out as one table with every key twice, which is not TOML. This
//! driver merges entry by entry instead, by ID, and leaves a real conflict
//! (the same entry changed differently on both sides) to git.

use super::{Lock, Store, codec, fsio, merge, random};
use crate::error::{Error, Result};
use crate::model::id::Id;
use crate::model::journal::Entry;
use std::collections::HashMap;
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
    pub fn write_git_files(&self, _lock: &Lock) -> Result<Vec<&'static str>> {
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
            let old = fsio::read_optional(&path)?.unwrap_or_default();
            let old = String::from_utf8_lossy(&old).into_owned();
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
            fsio::write_atomic(&path, text.as_bytes(), random()?)?;
            changed.push(name);
        }
        Ok(changed)
    }
}

/// The outcome of merging two versions of a journal month.
#[derive(Debug, PartialEq, Eq)]
pub enum JournalMerge {
    /// Every entry of both sides, as the new text of the file.
    Merged(Vec<u8>),
    /// What stops a merge entry by entry; git's line merge must do.
    Conflict(String),
}

/// Merges journal month files as git's merge driver: `base` is the common
/// ancestor, `ours` the version to write the result into, `theirs` the
/// other side. On a conflict nothing is written.
pub fn merge_journal_files(base: &Path, ours: &Path, theirs: &Path) -> Result<JournalMerge> {
    let read = |path: &Path| fsio::read_optional(path).map(Option::unwrap_or_default);
    let outcome = merge_journal(&read(base)?, &read(ours)?, &read(theirs)?);
    if let JournalMerge::Merged(bytes) = &outcome {
        fs::write(ours, bytes).map_err(|err| Error::io(ours, err))?;
    }
    Ok(outcome)
}

/// The three-way merge of a month's entries, by ID: an entry added on one
/// side is added, one changed on one side takes that change, one removed
/// on one side (and unchanged on the other) goes. The text of `ours` is
/// kept as it is, comments included; the other side's new entries are
/// appended in its order, just as `mentee update` appends them.
pub fn merge_journal(base: &[u8], ours: &[u8], theirs: &[u8]) -> JournalMerge {
    let parse = |name: &str, bytes: &[u8]| {
        codec::read_entries(Path::new(name), bytes).map_err(|err| err.to_string())
    };
    let (base_entries, our_entries, their_entries) = match (
        parse("base", base),
        parse("ours", ours),
        parse("theirs", theirs),
    ) {
        (Ok(b), Ok(o), Ok(t)) => (b, o, t),
        (Err(why), _, _) | (_, Err(why), _) | (_, _, Err(why)) => {
            return JournalMerge::Conflict(format!("a version does not parse: {why}"));
        }
    };
    let by_id = |list: &[Entry]| -> HashMap<Id, Entry> {
        list.iter().map(|e| (e.id.clone(), e.clone())).collect()
    };
    let (base_map, their_map) = (by_id(&base_entries), by_id(&their_entries));
    let our_ids: std::collections::HashSet<&Id> = our_entries.iter().map(|e| &e.id).collect();

    let mut result = Vec::new();
    let mut rewritten = false;
    for ours in &our_entries {
        match (base_map.get(&ours.id), their_map.get(&ours.id)) {
            (Some(base), Some(theirs)) => {
                if theirs == base || theirs == ours {
                    result.push(ours.clone());
                } else if ours == base {
                    result.push(theirs.clone());
                    rewritten = true;
                } else {
                    return changed_on_both(&ours.id);
                }
            }
            (Some(base), None) => {
                if ours != base {
                    return JournalMerge::Conflict(format!(
                        "entry {} was changed on one side and removed on the other",
                        ours.id
                    ));
                }
                rewritten = true;
            }
            (None, Some(theirs)) if theirs != ours => return changed_on_both(&ours.id),
            (None, _) => result.push(ours.clone()),
        }
    }
    let mut appended = Vec::new();
    for theirs in their_entries.iter().filter(|e| !our_ids.contains(&e.id)) {
        match base_map.get(&theirs.id) {
            Some(base) if base == theirs => {}
            Some(_) => {
                return JournalMerge::Conflict(format!(
                    "entry {} was removed on one side and changed on the other",
                    theirs.id
                ));
            }
            None => appended.push(theirs.clone()),
        }
    }
    if !rewritten {
        // The common case: keep our text and append their new entries.
        let mut text = ours.to_vec();
        if appended.is_empty() {
            return JournalMerge::Merged(text);
        }
        if !text.is_empty() && !text.ends_with(b"\n") {
            text.push(b'\n');
        }
        if text.is_empty() {
            text = codec::journal_document(&appended).to_string().into_bytes();
        } else {
            text.extend(codec::keep_line_endings(
                &text,
                &codec::entries_text(&appended),
            ));
        }
        return JournalMerge::Merged(text);
    }
    result.extend(appended);
    let new = codec::journal_document(&result);
    match codec::read_document(Path::new("ours"), ours) {
        Ok(mut doc) if !ours.is_empty() => {
            merge::merge_document(&mut doc, &new);
            JournalMerge::Merged(codec::keep_line_endings(ours, &doc.to_string()))
        }
        _ => JournalMerge::Merged(new.to_string().into_bytes()),
    }
}

fn changed_on_both(id: &Id) -> JournalMerge {
    JournalMerge::Conflict(format!("entry {id} was changed differently on both sides"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::journal::Kind;

    fn entry(id: &str, date: &str, text: &str) -> Entry {
        Entry::new(
            Id::from(id),
            date.parse().expect("date"),
            Kind::Update,
            Some("alex-kim".into()),
            text.into(),
        )
    }

    fn file(entries: &[Entry]) -> Vec<u8> {
        codec::journal_document(entries).to_string().into_bytes()
    }

    fn merged(outcome: JournalMerge) -> Vec<Entry> {
        match outcome {
            JournalMerge::Merged(bytes) => {
                codec::read_entries(Path::new("merged"), &bytes).expect("the merge parses")
            }
            JournalMerge::Conflict(why) => panic!("conflict: {why}"),
        }
    }

    #[test]
    fn the_temp_marker_pattern_matches_the_store() {
        assert_eq!(IGNORED[1], format!(".*{}*", fsio::TEMP_MARKER));
    }

    #[test]
    fn entries_appended_on_both_sides_are_all_kept() {
        let first = entry("aaaaaa", "2026-11-03", "first");
        let base = file(std::slice::from_ref(&first));
        let ours = [first.clone(), entry("bbbbbb", "2026-11-23", "from b")];
        let theirs = [first.clone(), entry("cccccc", "2026-11-23", "from a")];
        let mut ours_text = base.clone();
        ours_text.extend(codec::entries_text(&ours[1..]).as_bytes());
        let all = merged(merge_journal(&base, &ours_text, &file(&theirs)));
        let ids: Vec<&str> = all.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, vec!["aaaaaa", "bbbbbb", "cccccc"]);
    }

    #[test]
    fn one_sided_changes_and_removals_are_taken() {
        let (a, b) = (
            entry("aaaaaa", "2026-11-03", "a"),
            entry("bbbbbb", "2026-11-04", "b"),
        );
        let base = file(&[a.clone(), b.clone()]);
        let mut fixed = a.clone();
        fixed.text = "a, typo fixed".into();
        let ours = file(std::slice::from_ref(&a));
        let theirs = file(&[fixed.clone(), b.clone()]);
        assert_eq!(merged(merge_journal(&base, &ours, &theirs)), vec![fixed]);
    }

    #[test]
    fn the_same_entry_changed_twice_is_a_conflict() {
        let a = entry("aaaaaa", "2026-11-03", "a");
        let (mut one, mut two) = (a.clone(), a.clone());
        one.text = "one".into();
        two.text = "two".into();
        let outcome = merge_journal(&file(&[a]), &file(&[one]), &file(&[two]));
        assert!(matches!(outcome, JournalMerge::Conflict(_)), "{outcome:?}");
        let broken = merge_journal(b"", b"<<<<<<< x\n", &file(&[]));
        assert!(matches!(broken, JournalMerge::Conflict(_)), "{broken:?}");
    }
}
