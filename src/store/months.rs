//! The journal: one file a month, `journal/YEAR/YEAR-MM.toml`. Reading the
//! months a period needs, finding an entry by ID, the latest entry dates
//! for the nudges, and adding entries (appended to the text where possible).

use super::index::{Fresh, Index, Indexed, Latest, Stamp};
use super::layout::{month_of, subdirs, toml_files};
use super::{Lock, Seen, Store, codec, fsio};
use crate::error::{Error, Result};
use crate::model::journal::{self, Entry, LatestEntries};
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

impl Store {
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
    pub(super) fn journal_files(&self) -> Result<BTreeMap<(i32, u32), PathBuf>> {
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
        let index = slot.get_or_insert_with(|| {
            Index::load(self.index_dir.as_deref(), &self.root, self.index_only)
        });
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

    /// Writes corrected entries back and takes removed ones out, each month
    /// file that holds one read again and written once, through the one
    /// write path. An entry is found by its ID within the month of its date
    /// (a correction never changes the date).
    pub fn rewrite_entries(&self, lock: &Lock, changed: &[Entry], removed: &[Entry]) -> Result<()> {
        let month = |e: &Entry| (e.date.year(), e.date.month());
        let months: std::collections::BTreeSet<(i32, u32)> =
            changed.iter().chain(removed).map(month).collect();
        for key in months {
            let path = self.month_file(key);
            let Some(bytes) = self.read(&path)? else {
                continue;
            };
            let mut entries = codec::read_month(&path, &bytes, key)?;
            entries.retain(|e| !removed.iter().any(|r| r.id == e.id && month(r) == key));
            for entry in &mut entries {
                if let Some(new) = changed.iter().find(|c| c.id == entry.id && month(c) == key) {
                    *entry = new.clone();
                }
            }
            self.save(lock, &path, &codec::journal_document(&entries), None)?;
        }
        Ok(())
    }

    /// The text of a month file that can take appended entries: the index
    /// saw it parse, and it has not changed since.
    pub(super) fn appendable(&self, path: &Path) -> Result<Option<Vec<u8>>> {
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

    /// Reads the file into `buffer` (see [`fsio::read_optional_into`]);
    /// `false` when it is gone since it was listed.
    pub fn read_into(&self, buffer: &mut Vec<u8>) -> Result<bool> {
        fsio::read_optional_into(&self.path, buffer)
    }

    /// The entries in `bytes`, read from this file, in the file's order.
    pub fn entries(&self, bytes: &[u8]) -> Result<Vec<Entry>> {
        codec::read_month(&self.path, bytes, self.month)
    }

    /// The entries in `bytes` whose own text `may_match` accepts (it may
    /// accept more), in the file's order: only those are parsed. Each
    /// `[[entry]]` table's text is offered on its own, with what comes
    /// before the first. A file with multi-line strings (where a line
    /// `[[entry]]` may be text), one with a table before the first
    /// `[[entry]]` line, or one whose parts do not parse alone, is read
    /// whole, so that an error names its true place.
    pub fn entries_where(
        &self,
        bytes: &[u8],
        may_match: &dyn Fn(&str) -> bool,
    ) -> Result<Vec<Entry>> {
        let Ok(text) = std::str::from_utf8(bytes) else {
            return self.entries(bytes);
        };
        if memchr::memmem::find(bytes, b"\"\"\"").is_some()
            || memchr::memmem::find(bytes, b"'''").is_some()
        {
            return self.entries(bytes);
        }
        let mut starts: Vec<usize> = memchr::memmem::find_iter(bytes, b"\n[[entry]]")
            .map(|at| at + 1)
            .collect();
        if text.starts_with("[[entry]]") {
            starts.insert(0, 0);
        }
        let Some(&first) = starts.first() else {
            return self.entries(bytes);
        };
        let head = &text[..first];
        // A table written otherwise (`[[ entry ]]`, indented, after a byte
        // order mark) would be offered with every part, or with none.
        if head.lines().any(|line| {
            line.trim_start_matches(['\u{feff}', ' ', '\t'])
                .starts_with('[')
        }) {
            return self.entries(bytes);
        }
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
