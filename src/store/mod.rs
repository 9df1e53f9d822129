//! Everything about files: where each record lives, reading it, and writing
//! it back without ever losing what was there.
//!
//! Layout of the data directory:
//!
//! ```text
//! mentors.toml                               [[mentor]]
//! meetings/next-alex-kim.toml                the planned meeting with Alex Kim
//! meetings/2026/2026-11-24-alex-kim.toml     a held meeting: topics, check-in, commitments
//! journal/2026/2026-11.toml                  [[entry]] updates, wins, thanks, notes
//! actions.toml                               commitments made outside any meeting
//! later.toml                                 [[topic]] queued for a future meeting
//! goals.toml                                 [[goal]] with [[goal.rating]]
//! settings.toml                              silence = [...]: nudges silenced for every mentor
//! .lock                                      held during every read-modify-write
//! ```
//!
//! Every write goes through [`Store::save`]: under the lock, re-read the file,
//! refuse if it changed since mentee read it, merge the new content into the
//! existing document (so comments and unknown keys survive) and replace the
//! file atomically.
//!
//! Paths are taken as they are and never rewritten: a data file or folder
//! whose name is not UTF-8 is refused with the `mv` that renames it, since
//! a lossy copy of the name would be another file. And mentee writes only
//! inside the data folder: a symbolic link there that leads outside it
//! (whether a sync remote committed it or the person made it on purpose) is
//! refused with its path and a hint, and nothing is written or made private
//! (see [`fsio::resolve_inside`]). A link to a place inside the folder keeps
//! working, and the data folder itself may be a link.

mod codec;
mod edit;
mod fsio;
mod index;
mod journal_merge;
mod merge;
mod sync;

pub use edit::{DataFile, Installed};
pub use fsio::Lock;
pub use journal_merge::{JournalMerge, merge_journal_files};
pub use sync::{JOURNAL_MERGE_DRIVER, owned_by_mentee};

use index::{Fresh, Index, Indexed, Latest, Stamp};

use crate::error::{Error, Result};
use crate::model::goal::Goal;
use crate::model::id::Id;
use crate::model::journal::{self, Entry, LatestEntries};
use crate::model::meeting::{Action, Meeting, QueuedTopic};
use crate::model::mentor::{Mentor, slugify};
use chrono::{Datelike, NaiveDate};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use toml_edit::DocumentMut;

pub struct Store {
    root: PathBuf,
    /// Where the index of this data folder is kept, if anywhere.
    index_dir: Option<PathBuf>,
    index: RefCell<Option<Index>>,
    /// Every file as mentee saw it, to notice a change made by someone else
    /// before writing over it.
    seen: RefCell<HashMap<PathBuf, Seen>>,
    /// Where each loaded meeting came from, so it is written back there.
    meeting_files: RefCell<HashMap<Id, PathBuf>>,
    /// Planned-meeting files left behind by a move that was interrupted.
    stale: RefCell<Vec<PathBuf>>,
    /// TOML files in the journal folder that are not month files, so are
    /// not read: see [`Store::strays`].
    strays: RefCell<std::collections::BTreeSet<PathBuf>>,
    /// The parts of the index already brought up to date in this run.
    refreshed: RefCell<Vec<String>>,
}

impl Drop for Store {
    /// The index is saved once, at the end of the run.
    fn drop(&mut self) {
        if let Some(index) = self.index.get_mut() {
            index.save();
        }
    }
}

impl Store {
    /// A store without a saved index: every run reads the files it needs.
    pub fn new(root: PathBuf) -> Store {
        Store {
            root,
            index_dir: None,
            index: RefCell::default(),
            seen: RefCell::default(),
            meeting_files: RefCell::default(),
            stale: RefCell::default(),
            strays: RefCell::default(),
            refreshed: RefCell::default(),
        }
    }

    /// A store that keeps a derived index in `cache_dir` (see [`index`]).
    pub fn with_cache(root: PathBuf, cache_dir: &Path) -> Store {
        let absolute = std::path::absolute(&root).unwrap_or_else(|_| root.clone());
        let mut store = Store::new(root);
        store.index_dir = Some(index::dir_for(cache_dir, &absolute));
        store
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Takes the exclusive lock for a read-modify-write. Load what you change
    /// after taking it, so nothing read before can be stale.
    ///
    /// Whatever this run read before is forgotten here: another command may
    /// have written while this one waited (a meeting walk-through can take an
    /// hour). The next loads look at every file again and read those that
    /// changed, and a file is written only if it was read again under the
    /// lock ([`Store::unchanged`]).
    /// Also removes temporary files that a killed run left behind: with the
    /// lock held, no other run can be writing one.
    ///
    /// Refuses while git has the data folder half way through a rebase, a
    /// merge or the like (see [`crate::git::unfinished`]): what is written
    /// then would be acknowledged and lost when it is aborted. Checked once
    /// the lock is held, so a sync running now has finished.
    pub fn lock(&self) -> Result<Lock> {
        let lock = Lock::acquire(&self.root.join(".lock"))?;
        if let Some(state) = crate::git::unfinished(&self.root) {
            return Err(Error::Unfinished {
                dir: self.root.clone(),
                state,
            });
        }
        self.refreshed.borrow_mut().clear();
        self.seen.borrow_mut().clear();
        self.stale.borrow_mut().clear();
        // Nothing is removed from a folder that a link leads outside.
        for dir in self.data_dirs()? {
            if fsio::is_inside(&self.root, &dir) {
                fsio::remove_leftovers(&dir)?;
            }
        }
        Ok(lock)
    }

    /// Writes a data file: only inside the data folder (see
    /// [`fsio::resolve_inside`]), and only while the lock is still held.
    /// The lock is checked once more just before the new file replaces the
    /// old one; if it had been lost and had to be taken again, another run
    /// may have written meanwhile, and `still` must confirm that the file
    /// is as it was read, or fail.
    fn write_file(
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
        fsio::write_inside(&self.root, path, bytes, random()?, &ready)
    }

    /// Removes a data file, provided its folder is inside the data folder.
    fn remove_file(&self, path: &Path) -> Result<()> {
        if let Some(folder) = path.parent() {
            fsio::resolve_inside(&self.root, folder)?;
        }
        fsio::remove(path)
    }

    /// Every folder that holds data files.
    fn data_dirs(&self) -> Result<Vec<PathBuf>> {
        let meetings = self.root.join("meetings");
        let journal = self.root.join("journal");
        let mut dirs = subdirs(&meetings)?;
        dirs.extend(subdirs(&journal)?);
        dirs.extend([self.root.clone(), meetings, journal]);
        Ok(dirs)
    }

    fn read(&self, path: &Path) -> Result<Option<Vec<u8>>> {
        let bytes = fsio::read_optional(path)?;
        self.seen
            .borrow_mut()
            .insert(path.to_path_buf(), Seen::Bytes(bytes.clone()));
        Ok(bytes)
    }

    fn relative(&self, path: &Path) -> String {
        let relative = path.strip_prefix(&self.root).unwrap_or(path);
        relative.to_string_lossy().replace('\\', "/")
    }

    /// The index, brought up to date with the files under `prefix` (all of
    /// them for ""): a file whose stamp changed is read again.
    /// Each part is brought up to date once per run; mentee's own writes
    /// keep it so afterwards.
    fn index(&self, prefix: &str) -> Result<std::cell::RefMut<'_, Index>> {
        let mut slot = self.index.borrow_mut();
        let index = slot.get_or_insert_with(|| Index::load(self.index_dir.as_deref(), &self.root));
        let done = self
            .refreshed
            .borrow()
            .iter()
            .any(|p| p.is_empty() || p == prefix);
        if done {
            return Ok(std::cell::RefMut::map(slot, |slot| {
                slot.get_or_insert_with(Index::default)
            }));
        }
        let dirs = match prefix {
            "meetings/" => {
                let meetings = self.root.join("meetings");
                let mut dirs = subdirs(&meetings)?;
                dirs.push(meetings);
                dirs
            }
            _ => self.data_dirs()?,
        };
        let mut present = std::collections::HashSet::new();
        for dir in dirs {
            for path in toml_files(&dir)? {
                let relative = self.relative(&path);
                if !relative.starts_with(prefix) {
                    continue;
                }
                present.insert(relative.clone());
                let meta = match fs::metadata(&path) {
                    Ok(meta) => meta,
                    // Removed since the listing (a meeting moved by a writer).
                    Err(err) if err.kind() == io::ErrorKind::NotFound && !path.is_symlink() => {
                        continue;
                    }
                    Err(err) => return Err(Error::io(&path, err)),
                };
                let stamp = Stamp::of(&meta);
                let read = || fsio::read_optional(&path).ok().flatten();
                let bytes = match index
                    .get(&relative)
                    .map(|known| known.describes(stamp, read))
                {
                    Some(Fresh::Yes(_)) => {
                        index.settle(&relative);
                        continue;
                    }
                    Some(Fresh::No(Some(bytes))) => bytes,
                    _ => match fsio::read_optional(&path)? {
                        Some(bytes) => bytes,
                        None => continue,
                    },
                };
                let mut indexed = Indexed::new(stamp, &bytes);
                if relative.starts_with("meetings/") {
                    // A file that does not parse keeps only its IDs; reading
                    // the meetings reports the error.
                    indexed.set_meeting(codec::read_meeting(&path, &bytes).ok().as_ref());
                }
                index.set(relative, indexed);
            }
        }
        index.keep_only(prefix, &present);
        self.refreshed.borrow_mut().push(prefix.to_string());
        Ok(std::cell::RefMut::map(slot, |slot| {
            slot.get_or_insert_with(Index::default)
        }))
    }

    /// Ledger what mentee itself just wrote, so the index need not read it.
    fn indexed_write(
        &self,
        path: &Path,
        stamp: Stamp,
        bytes: &[u8],
        meeting: Option<&Meeting>,
        appendable: bool,
    ) {
        let mut slot = self.index.borrow_mut();
        let index = slot.get_or_insert_with(|| Index::load(self.index_dir.as_deref(), &self.root));
        let mut indexed = Indexed::new(stamp, bytes);
        indexed.set_meeting(meeting);
        indexed.appendable = appendable;
        index.set(self.relative(path), indexed);
    }

    // ---- reading -----------------------------------------------------------

    pub fn mentors(&self) -> Result<Vec<Mentor>> {
        let path = self.root.join("mentors.toml");
        match self.read(&path)? {
            Some(bytes) => codec::read_mentors(&path, &bytes),
            None => Ok(Vec::new()),
        }
    }

    /// Every meeting: held ones by date, then planned ones.
    pub fn meetings(&self) -> Result<Vec<Meeting>> {
        let files: Vec<(PathBuf, Stamp, Meeting)> = {
            let index = self.index("meetings/")?;
            index
                .files("meetings/")
                .map(|(relative, indexed)| {
                    let path = self.root.join(relative);
                    let meeting = match indexed.meeting() {
                        Some(meeting) => meeting,
                        None => {
                            let bytes = fsio::read_optional(&path)?.unwrap_or_default();
                            codec::read_meeting(&path, &bytes)?
                        }
                    };
                    Ok((path, indexed.stamp, meeting))
                })
                .collect::<Result<_>>()?
        };
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
            // the planned copy behind; the held one is the truth. Only such
            // a copy goes: a planned file made by hand from a held one (the
            // same ID, other topics) is a person's work.
            let kept = self.meeting_files.borrow()[&meeting.id].clone();
            let left_behind = |planned: &Meeting, held: &Meeting| {
                planned.mentor == held.mentor && planned.topics == held.topics
            };
            match (meetings[i].held, meeting.held) {
                (true, false) if left_behind(&meeting, &meetings[i]) => {
                    self.stale.borrow_mut().push(path);
                }
                (false, true) if left_behind(&meetings[i], &meeting) => {
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
        meetings.sort_by(|a, b| (!a.held, a.date, &a.id).cmp(&(!b.held, b.date, &b.id)));
        Ok(meetings)
    }

    /// Commitments made outside any meeting.
    pub fn unattached_actions(&self) -> Result<Vec<Action>> {
        let path = self.root.join("actions.toml");
        match self.read(&path)? {
            Some(bytes) => codec::read_actions(&path, &bytes),
            None => Ok(Vec::new()),
        }
    }

    /// Journal entries dated within `from..=to` (either end open), oldest first.
    /// Only the month files that can hold such entries are read.
    pub fn entries(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Vec<Entry>> {
        let month = |date: NaiveDate| (date.year(), date.month());
        let mut entries = Vec::new();
        for ((year, mon), path) in self.journal_files()? {
            if from.is_some_and(|d| (year, mon) < month(d))
                || to.is_some_and(|d| (year, mon) > month(d))
            {
                continue;
            }
            let Some(bytes) = self.read(&path)? else {
                continue;
            };
            entries.extend(
                codec::read_month(&path, &bytes, (year, mon))?
                    .into_iter()
                    .filter(|e| from.is_none_or(|d| e.date >= d) && to.is_none_or(|d| e.date <= d)),
            );
        }
        entries.sort_by_key(|e| e.date);
        Ok(entries)
    }

    /// The journal's month files that can hold entries dated within
    /// `from..=to` (either end open), oldest first, each read only when
    /// asked: a command that looks through years of journal (`search`,
    /// `tags`) holds one month at a time, and can skip parsing a month whose
    /// text cannot hold what it looks for. What is read this way is not
    /// remembered for a later write: such commands only read.
    pub fn journal_months(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<impl Iterator<Item = MonthFile> + use<>> {
        let month = |date: NaiveDate| (date.year(), date.month());
        let (first, last) = (from.map(month), to.map(month));
        Ok(self
            .journal_files()?
            .into_iter()
            .filter(move |(m, _)| first.is_none_or(|f| *m >= f) && last.is_none_or(|l| *m <= l))
            .map(|(month, path)| MonthFile { month, path }))
    }

    /// Journal entries whose ID is `typed` or starts with it, from any month,
    /// oldest first. The index knows the IDs each month file uses, so only
    /// the files that use a matching ID are read and parsed: finding one
    /// entry in years of journal costs one small file. The index knows only
    /// IDs as mentee makes them; when it knows none that match, every month
    /// is read, for an ID written by hand in another form.
    pub fn entries_with_id(&self, typed: &str) -> Result<Vec<Entry>> {
        let months = self.journal_files()?;
        let uses: Vec<PathBuf> = {
            let index = self.index("journal/")?;
            index
                .files("journal/")
                .filter(|(_, indexed)| indexed.has_id_with_prefix(typed))
                .map(|(relative, _)| self.root.join(relative))
                .collect()
        };
        let everywhere = uses.is_empty();
        let mut found = Vec::new();
        // Only the month files that `entries` reads count as the journal.
        for (month, path) in months
            .into_iter()
            .filter(|(_, path)| everywhere || uses.contains(path))
        {
            let Some(bytes) = self.read(&path)? else {
                continue;
            };
            found.extend(
                codec::read_month(&path, &bytes, month)?
                    .into_iter()
                    .filter(|e| e.id.matches_prefix(typed)),
            );
        }
        found.sort_by_key(|e| e.date);
        Ok(found)
    }

    /// Month files of the journal, keyed by (year, month), oldest first.
    /// Any other TOML file there (`2026-3.toml`, a sync tool's conflicted
    /// copy) is not read, but noted, so that the person hears of it.
    fn journal_files(&self) -> Result<BTreeMap<(i32, u32), PathBuf>> {
        let journal = self.root.join("journal");
        let mut files = BTreeMap::new();
        for dir in std::iter::once(journal.clone()).chain(subdirs(&journal)?) {
            for path in toml_files(&dir)? {
                match month_of(&path) {
                    Some(month) => {
                        files.insert(month, path);
                    }
                    None => {
                        self.strays.borrow_mut().insert(path);
                    }
                }
            }
        }
        Ok(files)
    }

    /// The TOML files in the journal folder that this run did not read
    /// because they are not named as a month (`journal/YEAR/YEAR-MM.toml`).
    pub fn strays(&self) -> Vec<PathBuf> {
        self.strays.borrow().iter().cloned().collect()
    }

    pub fn goals(&self) -> Result<Vec<Goal>> {
        let path = self.root.join("goals.toml");
        match self.read(&path)? {
            Some(bytes) => codec::read_goals(&path, &bytes),
            None => Ok(Vec::new()),
        }
    }

    pub fn save_goals(&self, lock: &Lock, goals: &[Goal]) -> Result<()> {
        self.save(
            lock,
            &self.root.join("goals.toml"),
            &codec::goals_document(goals),
            None,
        )
    }

    pub fn later(&self) -> Result<Vec<QueuedTopic>> {
        let path = self.root.join("later.toml");
        match self.read(&path)? {
            Some(bytes) => codec::read_later(&path, &bytes),
            None => Ok(Vec::new()),
        }
    }

    /// The kinds of nudge silenced for every mentor (`settings.toml`).
    pub fn silenced(&self) -> Result<Vec<String>> {
        let path = self.root.join("settings.toml");
        match self.read(&path)? {
            Some(bytes) => codec::read_settings(&path, &bytes).map(|s| s.silence),
            None => Ok(Vec::new()),
        }
    }

    pub fn save_silenced(&self, lock: &Lock, silence: &[String]) -> Result<()> {
        self.save(
            lock,
            &self.root.join("settings.toml"),
            &codec::settings_document(silence),
            None,
        )
    }

    /// The day of the latest journal entry for each mentor in `wanted` (any
    /// kind), and of the latest update or win meant for every mentor, from
    /// `from` to `to`. Month files are looked at newest first, and only until
    /// every wanted mentor is found: years of journal are never read for it.
    /// What a month holds is kept in the index, so a month is parsed again
    /// only when it changed, and only the months looked at are checked for
    /// that. A month that does not parse ends the search there, without an
    /// error (the commands that show the journal report it): `searched_from`
    /// says how far back the answer holds.
    pub fn latest_entries(
        &self,
        wanted: &[String],
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<LatestEntries> {
        let mut contact = LatestEntries::new(from);
        if wanted.is_empty() {
            return Ok(contact);
        }
        // Read newest first, below.
        let months = self.journal_files()?;
        let mut slot = self.index.borrow_mut();
        let index = slot.get_or_insert_with(|| Index::load(self.index_dir.as_deref(), &self.root));
        let month = |date: NaiveDate| (date.year(), date.month());
        for ((year, mon), path) in months.into_iter().rev() {
            if (year, mon) > month(to) {
                continue;
            }
            if (year, mon) < month(from)
                || wanted.iter().all(|slug| contact.latest.contains_key(slug))
            {
                break;
            }
            let relative = self.relative(&path);
            let stamp = match fs::metadata(&path) {
                Ok(meta) => Stamp::of(&meta),
                Err(err) if err.kind() == io::ErrorKind::NotFound => continue,
                Err(err) => return Err(Error::io(&path, err)),
            };
            let read = || fsio::read_optional(&path).ok().flatten();
            let fresh = index
                .get(&relative)
                .is_some_and(|known| matches!(known.describes(stamp, read), Fresh::Yes(_)));
            let cached = index
                .get(&relative)
                .filter(|_| fresh)
                .and_then(|known| known.latest.clone())
                .filter(|latest| latest.newest().is_none_or(|newest| newest <= to));
            let latest = match cached {
                Some(latest) => latest,
                None => {
                    let Some(bytes) = fsio::read_optional(&path)? else {
                        continue;
                    };
                    let Ok(heads) = codec::read_entry_heads(&path, &bytes) else {
                        // Known only after this month.
                        contact.searched_from = NaiveDate::from_ymd_opt(year, mon, 1)
                            .and_then(|first| first.checked_add_months(chrono::Months::new(1)))
                            .unwrap_or(to)
                            .max(from);
                        break;
                    };
                    let mut all = Latest::default();
                    let mut upto = Latest::default();
                    for head in &heads {
                        all.add(head.date, head.mentor.as_deref(), &head.kind);
                        if head.date <= to {
                            upto.add(head.date, head.mentor.as_deref(), &head.kind);
                        }
                    }
                    // Remembered with the stamp it was read at.
                    if !fresh {
                        index.set(relative.clone(), Indexed::new(stamp, &bytes));
                    }
                    index.set_latest(&relative, all);
                    upto
                }
            };
            let within = |date: &NaiveDate| *date >= from;
            for (slug, date) in latest.mentors.iter().filter(|(_, d)| within(d)) {
                contact.add_for(slug, *date);
            }
            for (kind, date) in latest.unaddressed.into_iter().filter(|(_, d)| within(d)) {
                contact.add_unaddressed(&journal::Kind::from(kind), date);
            }
        }
        Ok(contact)
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

    // ---- writing -----------------------------------------------------------

    pub fn save_mentors(&self, lock: &Lock, mentors: &[Mentor]) -> Result<()> {
        self.save(
            lock,
            &self.root.join("mentors.toml"),
            &codec::mentors_document(mentors),
            None,
        )
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

    /// The file a meeting was loaded from (if any) and the one it is written to.
    fn meeting_paths(&self, meeting: &Meeting) -> Result<(Option<PathBuf>, PathBuf)> {
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

    /// Like [`Store::check_meeting`], for a file that is not a meeting.
    pub fn check_data_file(&self, _lock: &Lock, file: DataFile) -> Result<PathBuf> {
        let path = self.path_of(file);
        self.unchanged(&path)?;
        Ok(path)
    }

    /// Nothing read from the index is ever written into the data: a meeting
    /// that [`Store::meetings`] took from the index, rather than from its
    /// file, is checked against the file before it is written back. One
    /// file is parsed, instead of every meeting under the lock. If the index
    /// lied, its entry is dropped (the next run reads the file) and nothing
    /// is written.
    fn check_cached_meeting(&self, path: &Path) -> Result<()> {
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

    fn fits(&self, path: &Path, meeting: &Meeting) -> bool {
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

    fn free_meeting_path(&self, meeting: &Meeting) -> Result<PathBuf> {
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

    pub fn save_unattached_actions(&self, lock: &Lock, actions: &[Action]) -> Result<()> {
        self.save(
            lock,
            &self.root.join("actions.toml"),
            &codec::actions_document(actions),
            None,
        )
    }

    /// Adds one entry to its month's file.
    pub fn add_entry(&self, lock: &Lock, entry: &Entry) -> Result<()> {
        self.add_entries(lock, std::slice::from_ref(entry))
    }

    /// Adds entries to their months' files, each file written once.
    pub fn add_entries(&self, lock: &Lock, new: &[Entry]) -> Result<()> {
        let mut by_month: BTreeMap<(i32, u32), Vec<&Entry>> = BTreeMap::new();
        for entry in new {
            by_month
                .entry((entry.date.year(), entry.date.month()))
                .or_default()
                .push(entry);
        }
        for (month, new) in by_month {
            let path = self.month_file(month);
            let new: Vec<Entry> = new.into_iter().cloned().collect();
            lock.recheck()?;
            if let Some(bytes) = self.appendable(&path)? {
                // The fast path: the month's file is known to parse and is
                // unchanged since, so the new entries are appended to its
                // text as they are; nothing before them is rewritten.
                let text = codec::appended(&bytes, &codec::entries_text(&new));
                let still = || {
                    if fsio::read_optional(&path)?.as_ref() == Some(&bytes) {
                        Ok(())
                    } else {
                        Err(Error::Changed { path: path.clone() })
                    }
                };
                let stamp = self.write_file(lock, &path, &text, &still)?;
                self.seen
                    .borrow_mut()
                    .insert(path.clone(), Seen::Bytes(Some(text.clone())));
                let relative = self.relative(&path);
                let latest = self.index.borrow().as_ref().and_then(|index| {
                    let mut latest = index.get(&relative)?.latest.clone()?;
                    for e in &new {
                        latest.add(e.date, e.mentor.as_deref(), &e.kind);
                    }
                    Some(latest)
                });
                self.indexed_write(&path, stamp, &text, None, true);
                if let (Some(latest), Some(index)) = (latest, self.index.borrow_mut().as_mut()) {
                    index.set_latest(&relative, latest);
                }
                continue;
            }
            let mut entries = match self.read(&path)? {
                Some(bytes) => codec::read_month(&path, &bytes, month)?,
                None => Vec::new(),
            };
            entries.extend(new);
            self.save(lock, &path, &codec::journal_document(&entries), None)?;
        }
        Ok(())
    }

    /// The text of a month file that can take appended entries: the index
    /// saw it parse, and it has not changed since.
    fn appendable(&self, path: &Path) -> Result<Option<Vec<u8>>> {
        let slot = self.index.borrow();
        let Some(known) = slot
            .as_ref()
            .and_then(|index| index.get(&self.relative(path)))
        else {
            return Ok(None);
        };
        let Ok(meta) = fs::metadata(path) else {
            return Ok(None);
        };
        if !known.appendable {
            return Ok(None);
        }
        let read = || fsio::read_optional(path).ok().flatten();
        let bytes = match known.describes(Stamp::of(&meta), read) {
            Fresh::Yes(Some(bytes)) => bytes,
            Fresh::Yes(None) => match fsio::read_optional(path)? {
                Some(bytes) => bytes,
                None => return Ok(None),
            },
            Fresh::No(_) => return Ok(None),
        };
        // Still the same file after reading it?
        let still = fs::metadata(path).ok().map(|meta| Stamp::of(&meta));
        Ok((still == Some(known.stamp)).then_some(bytes))
    }

    fn month_file(&self, (year, month): (i32, u32)) -> PathBuf {
        self.root
            .join("journal")
            .join(year.to_string())
            .join(format!("{year}-{month:02}.toml"))
    }

    pub fn save_later(&self, lock: &Lock, topics: &[QueuedTopic]) -> Result<()> {
        self.save(
            lock,
            &self.root.join("later.toml"),
            &codec::later_document(topics),
            None,
        )
    }

    /// The one way a file is written (see the module documentation).
    fn save(
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
    fn save_as(
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
                merge::merge_document(&mut doc, new);
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
        self.indexed_write(path, stamp, &bytes, meeting, journal);
        self.seen
            .borrow_mut()
            .insert(path.to_path_buf(), Seen::Bytes(Some(bytes)));
        Ok(())
    }

    /// The file's current bytes, provided nobody changed it since mentee
    /// read it (or, for a file mentee never read, that it still does not
    /// exist): a file is never overwritten blindly.
    fn unchanged(&self, path: &Path) -> Result<Option<Vec<u8>>> {
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
}

/// One month file of the journal; see [`Store::journal_months`].
pub struct MonthFile {
    month: (i32, u32),
    path: PathBuf,
}

impl MonthFile {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file's bytes; `None` when it is gone since it was listed.
    pub fn read(&self) -> Result<Option<Vec<u8>>> {
        fsio::read_optional(&self.path)
    }

    /// The entries in `bytes`, read from this file, in the file's order.
    pub fn entries(&self, bytes: &[u8]) -> Result<Vec<Entry>> {
        codec::read_month(&self.path, bytes, self.month)
    }

    /// The entries in `bytes` whose own text `may_match` accepts (it may
    /// accept more), in the file's order: only those are parsed. Each
    /// `[[entry]]` table's text is offered on its own, with what comes
    /// before the first. A file with multi-line strings (where a line
    /// `[[entry]]` may be text), or one whose parts do not parse alone, is
    /// read whole, so that an error names its true place.
    pub fn entries_where(
        &self,
        bytes: &[u8],
        may_match: &dyn Fn(&str) -> bool,
    ) -> Result<Vec<Entry>> {
        let Ok(text) = std::str::from_utf8(bytes) else {
            return self.entries(bytes);
        };
        if text.contains("\"\"\"") || text.contains("'''") {
            return self.entries(bytes);
        }
        let mut starts: Vec<usize> = text
            .match_indices("\n[[entry]]")
            .map(|(at, _)| at + 1)
            .collect();
        if text.starts_with("[[entry]]") {
            starts.insert(0, 0);
        }
        let Some(&first) = starts.first() else {
            return self.entries(bytes);
        };
        let head = &text[..first];
        let mut found = Vec::new();
        let ends = starts
            .iter()
            .skip(1)
            .copied()
            .chain(std::iter::once(text.len()));
        for (start, end) in starts.iter().copied().zip(ends) {
            let part = &text[start..end];
            if !may_match(part) {
                continue;
            }
            match codec::read_month(&self.path, format!("{head}{part}").as_bytes(), self.month) {
                Ok(entries) => found.extend(entries),
                Err(_) => return self.entries(bytes),
            }
        }
        Ok(found)
    }
}

/// How mentee saw a file: its bytes (`None`: it did not exist), or only the
/// stamp the index read it at.
enum Seen {
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

fn random() -> Result<u32> {
    getrandom::u32().map_err(|err| {
        Error::user(format!(
            "could not get random numbers from the system: {err}"
        ))
    })
}

/// Visible `*.toml` files directly in `dir`, sorted; none if `dir` is missing.
/// The month a journal file holds, from its place: `journal/2026/2026-03.toml`
/// holds March 2026. `None` for any other name, such as `2026-3.toml`.
pub fn month_of(path: &Path) -> Option<(i32, u32)> {
    let folder = path.parent()?.file_name()?.to_str()?;
    let stem = path.file_stem()?.to_str()?;
    let year: i32 = folder.parse().ok()?;
    let month: u32 = stem.strip_prefix(folder)?.strip_prefix('-')?.parse().ok()?;
    let canonical = folder == year.to_string()
        && stem == format!("{year}-{month:02}")
        && (1..=12).contains(&month);
    canonical.then_some((year, month))
}

fn toml_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = list(dir)?
        .into_iter()
        .filter(|(path, kind)| *kind == Kind::File && path.extension().is_some_and(|e| e == "toml"))
        .map(|(path, _)| plain_name(path))
        .collect::<Result<_>>()?;
    files.sort();
    Ok(files)
}

fn subdirs(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut dirs: Vec<PathBuf> = list(dir)?
        .into_iter()
        .filter(|(_, kind)| *kind == Kind::Dir)
        .map(|(path, _)| plain_name(path))
        .collect::<Result<_>>()?;
    dirs.sort();
    Ok(dirs)
}

/// Refuses a data file or folder whose name is not valid UTF-8. Such a name
/// cannot be kept as it is in the index or in a message, and a lossy copy of
/// it names another file (two such names can even become one), so it is
/// named, escaped, with the command that renames it.
fn plain_name(path: PathBuf) -> Result<PathBuf> {
    let Some(name) = path.file_name() else {
        return Ok(path);
    };
    if name.to_str().is_some() {
        return Ok(path);
    }
    let folder = path.parent().unwrap_or(Path::new("."));
    let escaped = shell_escaped(name.as_encoded_bytes());
    let suggested = name.to_string_lossy().replace('\u{FFFD}', "_");
    Err(Error::user_with_hint(
        format!(
            "{}: the name {escaped} is not valid UTF-8, so mentee cannot read or write it safely",
            folder.join(name.to_string_lossy().as_ref()).display()
        ),
        format!(
            "rename it, for example: mv {} {}",
            shell_escaped(folder.join(name).as_os_str().as_encoded_bytes()),
            shell_escaped(folder.join(suggested).as_os_str().as_encoded_bytes())
        ),
    ))
}

/// Bytes quoted for a POSIX-like shell: `'plain'`, or `$'\xff'` (bash, zsh)
/// when some bytes are not printable UTF-8.
fn shell_escaped(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) if !text.chars().any(char::is_control) => {
            format!("'{}'", text.replace('\'', "'\\''"))
        }
        _ => {
            let mut out = String::from("$'");
            for chunk in bytes.utf8_chunks() {
                for c in chunk.valid().chars() {
                    match c {
                        '\'' | '\\' => {
                            out.push('\\');
                            out.push(c);
                        }
                        c if c.is_control() => out.push_str(&format!("\\x{:02x}", u32::from(c))),
                        c => out.push(c),
                    }
                }
                for byte in chunk.invalid() {
                    out.push_str(&format!("\\x{byte:02x}"));
                }
            }
            out.push('\'');
            out
        }
    }
}

#[derive(PartialEq)]
enum Kind {
    File,
    Dir,
    Other,
}

/// The visible entries of `dir`; none if it is missing. The kind comes from
/// the directory listing itself; only symbolic links cost a lookup.
fn list(dir: &Path) -> Result<Vec<(PathBuf, Kind)>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(Error::io(dir, err)),
    };
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|err| Error::io(dir, err))?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let file_type = entry.file_type().map_err(|err| Error::io(&path, err))?;
        let kind = if file_type.is_symlink() {
            match fs::metadata(&path) {
                Ok(meta) if meta.is_file() => Kind::File,
                Ok(meta) if meta.is_dir() => Kind::Dir,
                // A dangling link is still a data file: reading it says so.
                _ => Kind::File,
            }
        } else if file_type.is_file() {
            Kind::File
        } else if file_type.is_dir() {
            Kind::Dir
        } else {
            Kind::Other
        };
        paths.push((path, kind));
    }
    Ok(paths)
}

/// At most this many meeting files share one name (`2026-11-24-alex-kim.toml`,
/// then `-2` to `-999`): a day with one mentor never holds more meetings.
pub const MAX_MEETINGS_PER_NAME: usize = 999;

/// The folder (relative to the data folder) and the file name stem a
/// meeting is written under: held ones by year and date, planned ones as
/// `next-SLUG`. The slug is slugified again: a hand-edited one must not
/// reach outside the folder.
fn meeting_name(meeting: &Meeting) -> (PathBuf, String) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::mentor::Mentor;

    fn mentor(name: &str) -> Mentor {
        Mentor::new(name.to_string(), crate::model::mentor::slugify(name))
    }

    #[test]
    fn a_file_changed_after_reading_is_not_overwritten() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::new(dir.path().to_path_buf());
        let lock = store.lock().expect("lock");
        store
            .save_mentors(&lock, &[mentor("Alex")])
            .expect("first save");

        let mut mentors = store.mentors().expect("read");
        // An editor saves the file between mentee's read and its write.
        let path = dir.path().join("mentors.toml");
        let edited = fs::read_to_string(&path).expect("read") + "# edited by hand\n";
        fs::write(&path, &edited).expect("hand edit");
        mentors.push(mentor("Priya"));
        let err = store
            .save_mentors(&lock, &mentors)
            .expect_err("must refuse");
        assert!(matches!(err, Error::Changed { .. }), "{err}");
        assert_eq!(fs::read_to_string(&path).expect("read"), edited);

        // Read again, and the write goes through, keeping the hand edit.
        let mut mentors = store.mentors().expect("read");
        mentors.push(mentor("Priya"));
        store.save_mentors(&lock, &mentors).expect("second save");
        let text = fs::read_to_string(&path).expect("read");
        assert!(
            text.contains("# edited by hand") && text.contains("Priya"),
            "{text}"
        );
    }

    #[test]
    fn a_file_that_appeared_unseen_is_not_overwritten() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::new(dir.path().to_path_buf());
        let lock = store.lock().expect("lock");
        fs::write(dir.path().join("later.toml"), "format = 1\n").expect("write");
        let err = store.save_later(&lock, &[]).expect_err("must refuse");
        assert!(matches!(err, Error::Changed { .. }), "{err}");
    }

    #[test]
    fn leftover_temp_files_go_but_swap_files_stay() {
        let dir = tempfile::tempdir().expect("temp dir");
        let journal = dir.path().join("journal/2026");
        fs::create_dir_all(&journal).expect("mkdir");
        let leftover = journal.join(format!(".2026-11.toml{}0000beef", fsio::TEMP_MARKER));
        let swap = journal.join(".2026-11.toml.swp");
        fs::write(&leftover, "half a fi").expect("write");
        fs::write(&swap, "vim").expect("write");
        let store = Store::new(dir.path().to_path_buf());
        drop(store.lock().expect("lock"));
        assert!(!leftover.exists());
        assert!(swap.exists());
    }

    #[test]
    fn an_entry_is_found_by_id_reading_only_the_month_that_holds_it() {
        use crate::model::journal::Kind;
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::new(dir.path().to_path_buf());
        let lock = store.lock().expect("lock");
        let entry = |id: &str, date: &str| {
            Entry::new(
                Id::from(id),
                date.parse().expect("date"),
                Kind::Advice,
                Some("alex".into()),
                format!("advice {id}"),
            )
        };
        store
            .add_entries(
                &lock,
                &[
                    entry("k3f9x2", "2026-09-08"),
                    entry("k3a000", "2026-10-01"),
                    entry("b77777", "2026-11-03"),
                ],
            )
            .expect("add");
        // A month that does not parse: reading it would fail.
        fs::write(
            dir.path().join("journal/2026/2026-12.toml"),
            "format = 1\n[[entry]\nid = \"zzzzzz\"\n",
        )
        .expect("break a month");

        let store = Store::new(dir.path().to_path_buf());
        let ids = |typed: &str| {
            store
                .entries_with_id(typed)
                .expect("found without reading the broken month")
                .into_iter()
                .map(|e| e.id.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids("K3F"), ["k3f9x2"]);
        assert_eq!(ids("b7"), ["b77777"]);
        assert_eq!(ids("k3"), ["k3f9x2", "k3a000"]);
        // The broken month is read when its IDs match, and its error shows;
        // so it is when no month matches, as an ID written by hand in
        // another form could be anywhere.
        assert!(store.entries_with_id("zz").is_err());
        assert!(store.entries_with_id("x").is_err());
        fs::remove_file(dir.path().join("journal/2026/2026-12.toml")).expect("remove");
        assert!(ids("x").is_empty());
        assert!(ids(" ").is_empty());
        let hand_made = "format = 1\n[[entry]]\nid = \"tip1\"\ndate = 2026-12-01\nkind = \"advice\"\ntext = \"t\"\n";
        fs::write(dir.path().join("journal/2026/2026-12.toml"), hand_made).expect("write");
        assert_eq!(ids("tip"), ["tip1"]);
    }

    #[test]
    fn latest_entries_read_months_newest_first_and_stop_once_all_are_found() {
        use crate::model::journal::Kind;
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::new(dir.path().to_path_buf());
        let lock = store.lock().expect("lock");
        let day = |d: &str| d.parse::<NaiveDate>().expect("date");
        let entry = |id: &str, date: &str, mentor: Option<&str>| {
            Entry::new(
                Id::from(id),
                day(date),
                Kind::Update,
                mentor.map(str::to_string),
                "text".into(),
            )
        };
        store
            .add_entries(
                &lock,
                &[
                    entry("aaaaa1", "2026-11-05", Some("alex")),
                    entry("aaaaa2", "2026-10-01", Some("alex")),
                    entry("ppppp1", "2026-10-20", Some("priya")),
                    entry("eeeee1", "2026-09-10", None),
                ],
            )
            .expect("add");
        // A month that does not parse: reading it ends the search.
        fs::write(
            dir.path().join("journal/2026/2026-08.toml"),
            "format = 1\n[[entry]\n",
        )
        .expect("break a month");
        let store = Store::new(dir.path().to_path_buf());
        let (from, to) = (day("2026-06-01"), day("2026-11-22"));
        let wanted = |slugs: &[&str]| slugs.iter().map(|s| s.to_string()).collect::<Vec<_>>();

        let found = store
            .latest_entries(&wanted(&["alex", "priya"]), from, to)
            .expect("found");
        assert_eq!(found.latest.get("alex"), Some(&day("2026-11-05")));
        assert_eq!(found.latest.get("priya"), Some(&day("2026-10-20")));
        // Both found in October: September and the broken August were not read.
        assert_eq!(found.everyone, None);
        assert_eq!(found.searched_from, from);

        let missing = store
            .latest_entries(&wanted(&["sam"]), from, to)
            .expect("no error for the broken month");
        assert!(!missing.latest.contains_key("sam"));
        assert_eq!(missing.everyone, Some(day("2026-09-10")));
        assert_eq!(missing.searched_from, day("2026-09-01"));

        let earlier = store
            .latest_entries(&wanted(&["alex"]), from, day("2026-11-01"))
            .expect("found");
        assert_eq!(earlier.latest.get("alex"), Some(&day("2026-10-01")));
        let none = store.latest_entries(&[], from, to).expect("nothing wanted");
        assert!(none.latest.is_empty() && none.everyone.is_none());

        // What a month holds is remembered in the index...
        let november = "journal/2026/2026-11.toml";
        let remembered = |store: &Store| {
            let slot = store.index.borrow();
            let index = slot.as_ref().expect("an index");
            index.get(november).and_then(|known| known.latest.clone())
        };
        let latest = remembered(&store).expect("remembered");
        assert_eq!(latest.mentors.get("alex"), Some(&day("2026-11-05")));
        // ...kept up to date when mentee appends to it...
        // (The lock taken above is still held.)
        let store = Store::new(dir.path().to_path_buf());
        store
            .add_entry(&lock, &entry("aaaaa3", "2026-11-19", Some("alex")))
            .expect("rewrite the month");
        store
            .latest_entries(&wanted(&["alex"]), from, to)
            .expect("found");
        store
            .add_entry(&lock, &entry("aaaaa4", "2026-11-20", Some("alex")))
            .expect("append");
        let latest = remembered(&store).expect("still remembered");
        assert_eq!(latest.mentors.get("alex"), Some(&day("2026-11-20")));
        // ...and read again when someone else changed the file.
        let path = dir.path().join(november);
        let text = fs::read_to_string(&path).expect("read")
            + "\n[[entry]]\nid = \"ppppp2\"\ndate = 2026-11-21\nkind = \"thanks\"\nmentor = \"priya\"\ntext = \"t\"\n";
        fs::write(&path, text).expect("hand edit");
        let found = store
            .latest_entries(&wanted(&["alex", "priya"]), from, to)
            .expect("found");
        assert_eq!(found.latest.get("alex"), Some(&day("2026-11-20")));
        assert_eq!(found.latest.get("priya"), Some(&day("2026-11-21")));
    }

    #[test]
    fn an_interrupted_move_of_a_held_meeting_heals() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::new(dir.path().to_path_buf());
        let lock = store.lock().expect("lock");
        let day = "2026-11-24".parse().expect("date");
        let mut meeting =
            Meeting::planned(Id::from("abc123"), "alex", Some(day), vec!["Q?".into()]);
        store.save_meeting(&lock, &meeting).expect("plan");
        let planned = dir.path().join("meetings/next-alex.toml");
        let planned_copy = fs::read(&planned).expect("read");
        meeting.held = true;
        store.save_meeting(&lock, &meeting).expect("hold");
        // Simulate a crash after the new file was written but before the
        // planned one was removed.
        fs::write(&planned, &planned_copy).expect("restore");

        let store = Store::new(dir.path().to_path_buf());
        let meetings = store.meetings().expect("load");
        assert_eq!(meetings.len(), 1);
        assert!(meetings[0].held);
        store.save_meeting(&lock, &meetings[0]).expect("save");
        assert!(!planned.exists());
        assert!(
            dir.path()
                .join("meetings/2026/2026-11-24-alex.toml")
                .exists()
        );

        // A planned meeting made by hand from the held one keeps its ID but
        // not its topics: it is not a leftover, and is never removed.
        let template = String::from_utf8(planned_copy)
            .expect("UTF-8")
            .replace("\"Q?\"", "\"Another question?\"");
        fs::write(&planned, &template).expect("write");
        let err = Store::new(dir.path().to_path_buf())
            .meetings()
            .expect_err("two files, one ID");
        assert!(err.to_string().contains("the same id \"abc123\""), "{err}");
        assert_eq!(fs::read_to_string(&planned).expect("kept"), template);
    }
}
