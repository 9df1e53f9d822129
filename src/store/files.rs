//! The data files of one kind of record each (see [`DataFile::SINGLE`]):
//! mentors, commitments made outside any meeting, queued topics, goals and
//! settings.

use super::{DataFile, Lock, Store, codec, fsio};
use crate::error::Result;
use crate::model::goal::Goal;
use crate::model::meeting::{Action, QueuedTopic};
use crate::model::mentor::Mentor;
use std::path::PathBuf;

impl Store {
    pub fn mentors(&self) -> Result<Vec<Mentor>> {
        let path = self.path_of(DataFile::Mentors);
        match self.read(&path)? {
            Some(bytes) => codec::read_mentors(&path, &bytes),
            None => Ok(Vec::new()),
        }
    }

    /// Commitments made outside any meeting.
    pub fn unattached_actions(&self) -> Result<Vec<Action>> {
        let path = self.path_of(DataFile::UnattachedActions);
        match self.read(&path)? {
            Some(bytes) => codec::read_actions(&path, &bytes),
            None => Ok(Vec::new()),
        }
    }

    pub fn goals(&self) -> Result<Vec<Goal>> {
        let path = self.path_of(DataFile::Goals);
        match self.read(&path)? {
            Some(bytes) => codec::read_goals(&path, &bytes),
            None => Ok(Vec::new()),
        }
    }

    pub fn save_goals(&self, lock: &Lock, goals: &[Goal]) -> Result<()> {
        self.save(
            lock,
            &self.path_of(DataFile::Goals),
            &codec::goals_document(goals),
            None,
        )
    }

    pub fn later(&self) -> Result<Vec<QueuedTopic>> {
        let path = self.path_of(DataFile::Later);
        match self.read(&path)? {
            Some(bytes) => codec::read_later(&path, &bytes),
            None => Ok(Vec::new()),
        }
    }

    /// The kinds of nudge silenced for every mentor (`settings.toml`).
    pub fn silenced(&self) -> Result<Vec<String>> {
        let path = self.path_of(DataFile::Settings);
        match self.read(&path)? {
            Some(bytes) => codec::read_settings(&path, &bytes).map(|s| s.silence),
            None => Ok(Vec::new()),
        }
    }

    pub fn save_silenced(&self, lock: &Lock, silence: &[String]) -> Result<()> {
        self.save(
            lock,
            &self.path_of(DataFile::Settings),
            &codec::settings_document(silence),
            None,
        )
    }

    pub fn save_mentors(&self, lock: &Lock, mentors: &[Mentor]) -> Result<()> {
        self.save(
            lock,
            &self.path_of(DataFile::Mentors),
            &codec::mentors_document(mentors),
            None,
        )
    }

    pub fn save_unattached_actions(&self, lock: &Lock, actions: &[Action]) -> Result<()> {
        self.save(
            lock,
            &self.path_of(DataFile::UnattachedActions),
            &codec::actions_document(actions),
            None,
        )
    }

    pub fn save_later(&self, lock: &Lock, topics: &[QueuedTopic]) -> Result<()> {
        self.save(
            lock,
            &self.path_of(DataFile::Later),
            &codec::later_document(topics),
            None,
        )
    }

    /// Like [`Store::check_meeting`], for a file that is not a meeting.
    pub fn check_data_file(&self, _lock: &Lock, file: DataFile) -> Result<PathBuf> {
        let path = self.path_of(file);
        self.unchanged(&path)?;
        Ok(path)
    }

    /// Checks that every data file of the layout still reads: each single
    /// file, every meeting and every month of the journal.
    pub fn verify_all(&self) -> Result<()> {
        for file in DataFile::SINGLE {
            let path = self.path_of(file);
            if let Some(bytes) = fsio::read_optional(&path)? {
                codec::check_single(file, &path, &bytes)?;
            }
        }
        self.meetings()?;
        self.entries(None, None)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verify_reads_every_single_file() {
        let dir = tempfile::tempdir().expect("a temp folder");
        let store = || Store::new(dir.path().to_path_buf());
        assert!(store().verify_all().is_ok());
        for file in DataFile::SINGLE {
            let name = file.relative();
            let path = dir.path().join(&name);
            std::fs::write(&path, "format = 1\n[[oops]\n").expect("write");
            let err = store().verify_all().expect_err("a broken file");
            assert!(err.to_string().contains(&format!("{name}:2")), "{err}");
            std::fs::remove_file(&path).expect("remove");
        }
    }
}
