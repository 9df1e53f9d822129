//! What `mentee edit` needs from the store: where a record's file is, and
//! whether a file that a person just edited still parses. The store reads
//! nothing and writes nothing here while the editor is open.

use crate::error::Result;
use crate::model::id::Id;
use crate::store::{Store, codec, fsio};
use chrono::{Datelike, NaiveDate};
use std::path::{Path, PathBuf};

/// A data file that is not a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFile {
    Mentors,
    Later,
    /// Commitments made outside any meeting.
    LooseActions,
    Goals,
    /// Nudges silenced for every mentor.
    Settings,
    /// The journal file of the month this day is in.
    Month(NaiveDate),
}

impl Store {
    pub fn path_of(&self, file: DataFile) -> PathBuf {
        match file {
            DataFile::Mentors => self.root.join("mentors.toml"),
            DataFile::Later => self.root.join("later.toml"),
            DataFile::LooseActions => self.root.join("actions.toml"),
            DataFile::Goals => self.root.join("goals.toml"),
            DataFile::Settings => self.root.join("settings.toml"),
            DataFile::Month(day) => self.month_file((day.year(), day.month())),
        }
    }

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

    /// Checks that a data file parses, with the parser for its place in the
    /// data folder; the error says file, line and column.
    pub fn check_file(&self, path: &Path) -> Result<()> {
        let bytes = fsio::read_optional(path)?.unwrap_or_default();
        let relative = self.relative(path);
        match relative.as_str() {
            "mentors.toml" => codec::read_mentors(path, &bytes).map(drop),
            "later.toml" => codec::read_later(path, &bytes).map(drop),
            "settings.toml" => codec::read_settings(path, &bytes).map(drop),
            "actions.toml" => codec::read_actions(path, &bytes).map(drop),
            "goals.toml" => codec::read_goals(path, &bytes).map(drop),
            r if r.starts_with("meetings/") => codec::read_meeting(path, &bytes).map(drop),
            r if r.starts_with("journal/") => match super::month_of(path) {
                Some(month) => codec::read_month(path, &bytes, month).map(drop),
                None => codec::read_entries(path, &bytes).map(drop),
            },
            _ => codec::read_document(path, &bytes).map(drop),
        }
    }
}
