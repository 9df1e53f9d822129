//! Meetings: one file each, planned ones as `meetings/next-SLUG.toml`, held
//! ones by date under `meetings/YEAR/`. Reading them (from the index where
//! it is up to date), and writing one back, moving it when it is held.

use super::Lock;
use super::index::{PendingSummary, Stamp};
use super::{Seen, Store, codec, fsio};
use crate::error::{Error, Result};
use crate::model::id::Id;
use crate::model::meeting::{self, Meeting};
use crate::model::mentor::slugify;
use chrono::Datelike;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

impl Store {
    /// Every meeting: held ones by date, then planned ones.
    pub fn meetings(&self) -> Result<Vec<Meeting>> {
        self.meetings_kept(&|_| true)
    }

    /// The meetings whose stored text `may_match` accepts (as JSON text; it
    /// may accept more than match, see
    /// [`crate::model::search::Query::may_match`]), for `search`: the
    /// others are not even decoded. A meeting file that does not parse is
    /// read, to report it. These are not all the meetings, so a store that
    /// read them refuses to write (see [`Store::lock`]).
    pub fn meetings_where(&self, may_match: &dyn Fn(&str) -> bool) -> Result<Vec<Meeting>> {
        self.read_only.set(true);
        self.meetings_kept(may_match)
    }

    fn meetings_kept(&self, keep: &dyn Fn(&str) -> bool) -> Result<Vec<Meeting>> {
        let mut parsed_now = Vec::new();
        let files: Vec<(PathBuf, Stamp, Meeting)> = {
            let index = self.index("meetings/")?;
            // A meeting in two files is always looked at, so that which one
            // counts is decided below whatever `keep` says of each.
            let mut seen = HashSet::new();
            let twice: HashSet<&Id> = index
                .files("meetings/")
                .filter_map(|(_, indexed)| indexed.meeting_id())
                .filter(|id| !seen.insert(*id))
                .collect();
            index
                .files("meetings/")
                .filter(|(_, indexed)| {
                    indexed.meeting_json().is_none_or(keep)
                        || indexed.meeting_id().is_some_and(|id| twice.contains(id))
                })
                .map(|(relative, indexed)| {
                    let path = self.root.join(relative);
                    let meeting = match indexed.meeting() {
                        Some(meeting) => meeting,
                        None => {
                            let bytes = fsio::read_optional(&path)?.unwrap_or_default();
                            let meeting = codec::read_meeting(&path, &bytes)?;
                            // It did not parse when indexed (by an older
                            // mentee, say) and does now.
                            parsed_now.push((relative.clone(), meeting.clone()));
                            meeting
                        }
                    };
                    Ok((path, indexed.stamp, meeting))
                })
                .collect::<Result<_>>()?
        };
        if !parsed_now.is_empty()
            && let Some(index) = self.index.borrow_mut().as_mut()
        {
            for (relative, meeting) in parsed_now {
                index.set_meeting(&relative, &meeting);
            }
        }
        let mut meetings: Vec<Meeting> = Vec::with_capacity(files.len());
        let mut index: HashMap<Id, usize> = HashMap::new();
        for (path, stamp, meeting) in files {
            self.seen
                .borrow_mut()
                .insert(path.clone(), Seen::Stamp(stamp));
            let Some(&i) = index.get(&meeting.id) else {
                index.insert(meeting.id.clone(), meetings.len());
                self.meeting_files
                    .borrow_mut()
                    .insert(meeting.id.clone(), path);
                meetings.push(meeting);
                continue;
            };
            // A planned meeting is moved to its dated file when held: write
            // the new file, then remove the old. A crash in between leaves
            // the planned copy behind, which goes (see
            // `Meeting::is_left_behind_by`).
            let kept = self.meeting_files.borrow()[&meeting.id].clone();
            match (meetings[i].held, meeting.held) {
                (true, false) if meeting.is_left_behind_by(&meetings[i]) => {
                    self.stale.borrow_mut().push(path);
                }
                (false, true) if meetings[i].is_left_behind_by(&meeting) => {
                    self.stale.borrow_mut().push(kept);
                    self.meeting_files
                        .borrow_mut()
                        .insert(meeting.id.clone(), path);
                    meetings[i] = meeting;
                }
                _ => {
                    return Err(Error::user_with_hint(
                        format!(
                            "two meeting files have the same id \"{}\": {} and {}",
                            meeting.id,
                            kept.display(),
                            path.display()
                        ),
                        "if one is a copy, delete it; otherwise give one of them a new id",
                    ));
                }
            }
        }
        meeting::sort(&mut meetings);
        Ok(meetings)
    }

    /// What of each meeting can still call for attention (see
    /// [`Meeting::pending_part`]), held ones by date, then planned ones: all
    /// a reminder can be about, for `mentee prompt`, which runs before
    /// every shell prompt. Taken from the index's small summary of them
    /// when it is true to every meeting file (see [`PendingSummary`]), so
    /// the other meetings are not even decoded; otherwise from every
    /// meeting, and the summary is made again.
    ///
    /// These are parts of meetings: a store that read them refuses to
    /// write (see [`Store::lock`]).
    pub fn pending_meetings(&self) -> Result<Vec<Meeting>> {
        self.read_only.set(true);
        let mut meetings = match self.pending_from_summary()? {
            Some(meetings) => meetings,
            None => {
                let meetings = self.meetings()?;
                if let Some(index) = self.index.borrow_mut().as_mut() {
                    index.pending_stale();
                }
                meetings.iter().filter_map(Meeting::pending_part).collect()
            }
        };
        meeting::sort(&mut meetings);
        Ok(meetings)
    }

    /// The pending parts of the meetings from the saved [`PendingSummary`],
    /// if it is true to the meeting files as they are now.
    fn pending_from_summary(&self) -> Result<Option<Vec<Meeting>>> {
        let Some(summary) = PendingSummary::load(self.index_dir.as_deref(), &self.root) else {
            return Ok(None);
        };
        let files = self.stamped_files("meetings/")?;
        let stamps = files
            .iter()
            .map(|(relative, _, stamp)| (relative.clone(), *stamp));
        let read = |relative: &str| {
            fsio::read_optional(&self.root.join(relative))
                .ok()
                .flatten()
        };
        if !summary.describes(stamps, read) {
            return Ok(None);
        }
        // A file that did not parse: reading it again tells why. If it
        // parses now (a newer mentee reads it), it is not in the summary:
        // every meeting is read instead, and the summary made again.
        if let Some(relative) = summary.unparsed.first() {
            let path = self.root.join(relative);
            let bytes = fsio::read_optional(&path)?.unwrap_or_default();
            codec::read_meeting(&path, &bytes)?;
            return Ok(None);
        }
        Ok(Some(summary.meetings))
    }

    /// Writes a meeting to its file; a meeting that was planned and is now
    /// held moves from `meetings/next-SLUG.toml` to its dated file.
    pub fn save_meeting(&self, lock: &Lock, meeting: &Meeting) -> Result<()> {
        let (current, target) = self.meeting_paths(meeting)?;
        let base = current.clone().unwrap_or_else(|| target.clone());
        self.check_cached_meeting(&base)?;
        self.save_as(
            lock,
            &base,
            &target,
            &codec::meeting_document(meeting),
            Some(meeting),
        )?;
        if let Some(old) = current.filter(|old| *old != target) {
            self.remove_file(&old)?;
        }
        for leftover in self.stale.take() {
            self.remove_file(&leftover)?;
        }
        self.meeting_files
            .borrow_mut()
            .insert(meeting.id.clone(), target);
        Ok(())
    }

    /// Removes a meeting's file, provided nobody changed it since mentee
    /// read it: `rm` of a meeting recorded by mistake.
    pub fn remove_meeting(&self, lock: &Lock, meeting: &Meeting) -> Result<()> {
        let Some(path) = self.meeting_files.borrow().get(&meeting.id).cloned() else {
            return Ok(());
        };
        lock.recheck()?;
        self.check_cached_meeting(&path)?;
        self.unchanged(&path)?;
        self.remove_file(&path)?;
        self.meeting_files.borrow_mut().remove(&meeting.id);
        Ok(())
    }

    /// The file a meeting was loaded from (if any) and the one it is written to.
    pub(super) fn meeting_paths(&self, meeting: &Meeting) -> Result<(Option<PathBuf>, PathBuf)> {
        let current = self.meeting_files.borrow().get(&meeting.id).cloned();
        let target = match current.as_deref() {
            Some(path) if self.fits(path, meeting) => path.to_path_buf(),
            _ => self.free_meeting_path(meeting)?,
        };
        Ok((current, target))
    }

    /// Refuses, before the first write of a run that writes several files,
    /// if saving `meeting` would be refused: so such a run writes all of its
    /// files or none. Returns the file the meeting will be written to.
    pub fn check_meeting(&self, _lock: &Lock, meeting: &Meeting) -> Result<PathBuf> {
        let (current, target) = self.meeting_paths(meeting)?;
        let base = current.unwrap_or_else(|| target.clone());
        self.check_cached_meeting(&base)?;
        self.unchanged(&base)?;
        if base != target && self.unchanged(&target)?.is_some() {
            return Err(Error::Changed { path: target });
        }
        Ok(target)
    }

    /// Nothing read from the index is ever written into the data: a meeting
    /// that [`Store::meetings`] took from the index, rather than from its
    /// file, is checked against the file before it is written back. One
    /// file is parsed, instead of every meeting under the lock. If the index
    /// lied, its entry is dropped (the next run reads the file) and nothing
    /// is written.
    pub(super) fn check_cached_meeting(&self, path: &Path) -> Result<()> {
        if !matches!(self.seen.borrow().get(path), Some(Seen::Stamp(_))) {
            return Ok(());
        }
        let parsed = match fsio::read_optional(path)? {
            Some(bytes) => codec::read_meeting(path, &bytes).ok(),
            None => None,
        };
        let relative = self.relative(path);
        let mut slot = self.index.borrow_mut();
        let Some(index) = slot.as_mut() else {
            return Ok(());
        };
        if index
            .get(&relative)
            .is_some_and(|known| known.tells_of(parsed.as_ref()))
        {
            return Ok(());
        }
        index.forget(&relative);
        Err(Error::Changed {
            path: path.to_path_buf(),
        })
    }

    pub(super) fn fits(&self, path: &Path, meeting: &Meeting) -> bool {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        match (meeting.held, meeting.date) {
            (true, Some(date)) => name.starts_with(&date.to_string()),
            (true, None) => false,
            (false, _) => name.starts_with("next-"),
        }
    }

    pub(super) fn free_meeting_path(&self, meeting: &Meeting) -> Result<PathBuf> {
        let (folder, stem) = meeting_name(meeting);
        let dir = self.root.join(folder);
        let taken =
            |path: &Path| path.exists() || self.meeting_files.borrow().values().any(|p| p == path);
        let path = dir.join(format!("{stem}.toml"));
        if !taken(&path) {
            return Ok(path);
        }
        (2..=MAX_MEETINGS_PER_NAME)
            .map(|n| dir.join(format!("{stem}-{n}.toml")))
            .find(|path| !taken(path))
            .ok_or_else(|| {
                Error::user(format!(
                    "too many meeting files named {stem} in {}",
                    dir.display()
                ))
            })
    }
}

/// At most this many meeting files share one name (`2026-11-24-alex-kim.toml`,
/// then `-2` to `-999`): a day with one mentor never holds more meetings.
pub const MAX_MEETINGS_PER_NAME: usize = 999;

/// The folder (relative to the data folder) and the file name stem a
/// meeting is written under: held ones by year and date, planned ones as
/// `next-SLUG`. The slug is slugified again: a hand-edited one must not
/// reach outside the folder.
pub(super) fn meeting_name(meeting: &Meeting) -> (PathBuf, String) {
    match (meeting.held, meeting.date) {
        (true, Some(date)) => (
            Path::new("meetings").join(date.year().to_string()),
            format!("{date}-{}", slugify(&meeting.mentor)),
        ),
        _ => (
            PathBuf::from("meetings"),
            format!("next-{}", slugify(&meeting.mentor)),
        ),
    }
}

/// The meeting file names that `meetings` would use more than
/// [`MAX_MEETINGS_PER_NAME`] times, with how many meetings want each, so
/// that an import can be refused before its first file is written.
pub fn overfull_meeting_names(meetings: &[Meeting]) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for meeting in meetings {
        let (folder, stem) = meeting_name(meeting);
        let name = folder.join(stem).to_string_lossy().into_owned();
        *counts.entry(name).or_default() += 1;
    }
    counts
        .into_iter()
        .filter(|(_, count)| *count > MAX_MEETINGS_PER_NAME)
        .collect()
}
