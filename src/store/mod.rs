//! Everything about files: where each record lives, reading it, and writing
//! it back without ever losing what was there.
//!
//! Where each file is and what it holds: [`layout`]. Every write goes through [`Store::save`]: under the lock, re-read the file,
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
mod files;
mod fsio;
mod git_files;
mod index;
mod install;
mod layout;
mod meetings;
mod merge_driver;
mod months;
mod oplog;
mod preserve;
mod undo;
mod write;

pub use fsio::{Lock, read_optional, read_regular};
pub use git_files::JOURNAL_MERGE_DRIVER;
pub use install::Installed;
pub use layout::{DataFile, month_of, owned_by_mentee};
use layout::{subdirs, toml_entries};
pub use meetings::{MAX_MEETINGS_PER_NAME, overfull_meeting_names};
pub use merge_driver::{JournalMerge, merge_journal_files};
pub use months::MonthFile;
pub use oplog::{FileChange, Operation, State as OperationState, Undoes};
pub use undo::RunInfo;
pub use write::write_private;
use write::{Seen, random};

use index::{Fresh, Index, Indexed, Stamp};

use crate::error::{Error, Result};
use crate::model::id::Id;
use crate::model::meeting::Meeting;
use std::cell::RefCell;
use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

pub struct Store {
    root: PathBuf,
    /// Where the index of this data folder is kept, if anywhere.
    index_dir: Option<PathBuf>,
    /// The parts of the saved index to load, when not all of them: see
    /// [`Store::meetings_index_only`].
    index_only: Option<&'static [&'static str]>,
    /// Whether this run wrote or removed a data file: what a calendar feed
    /// shows may have changed (see [`Store::wrote`]).
    wrote: std::cell::Cell<bool>,
    /// It handed out parts of meetings ([`Store::pending_meetings`]) or
    /// some of them ([`Store::meetings_where`]), so it must not write: see
    /// [`Store::lock`].
    read_only: std::cell::Cell<bool>,
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
    /// What this run changed, recorded for `mentee undo`.
    undo: RefCell<undo::Recorder>,
}

impl Drop for Store {
    /// The index is saved once, at the end of the run, and the record of
    /// changes is closed (if the run did not close it itself).
    fn drop(&mut self) {
        let _ = self.finish_changes();
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
            index_only: None,
            wrote: std::cell::Cell::new(false),
            read_only: std::cell::Cell::new(false),
            index: RefCell::default(),
            seen: RefCell::default(),
            meeting_files: RefCell::default(),
            stale: RefCell::default(),
            strays: RefCell::default(),
            refreshed: RefCell::default(),
            undo: RefCell::default(),
        }
    }

    /// A store that keeps a derived index in `cache_dir` (see [`index`]).
    pub fn with_cache(root: PathBuf, cache_dir: &Path) -> Store {
        let absolute = std::path::absolute(&root).unwrap_or_else(|_| root.clone());
        let mut store = Store::new(root);
        store.index_dir = Some(index::dir_for(cache_dir, &absolute));
        store
    }

    /// Loads only the meetings' part of the saved index, for a reader that
    /// needs nothing else from it (`mentee prompt`): the journal's parts
    /// are not read and parsed. Whatever else this store is asked for
    /// still comes out right, from the files.
    pub fn meetings_index_only(mut self) -> Store {
        self.index_only = Some(&["meetings"]);
        self
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Whether the data folder has been made: `false` when nothing is there
    /// yet, an error when something else (a file) stands in its place.
    pub fn is_made(&self) -> Result<bool> {
        match std::fs::metadata(&self.root) {
            Ok(meta) if meta.is_dir() => Ok(true),
            Ok(_) => Err(Error::io(
                &self.root,
                io::Error::from(io::ErrorKind::NotADirectory),
            )),
            Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(err) => Err(Error::io(&self.root, err)),
        }
    }

    /// Whether this run has written or removed a data file.
    pub fn wrote(&self) -> bool {
        self.wrote.get()
    }

    pub(crate) fn mark_written(&self) {
        self.wrote.set(true);
    }

    /// Takes the exclusive lock for a read-modify-write. Load what you change
    /// after taking it, so nothing read before can be stale. Refused by a
    /// store that read [`Store::pending_meetings`] or
    /// [`Store::meetings_where`].
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
        if self.read_only.get() {
            // A mistake in mentee, not in the data: saving a part of a
            // meeting would drop the rest of it.
            return Err(Error::user(
                "this command only reads: it loaded only part of the meetings, so it cannot write them",
            ));
        }
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
        let index = slot.get_or_insert_with(|| {
            Index::load(self.index_dir.as_deref(), &self.root, self.index_only)
        });
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
        let mut present = std::collections::HashSet::new();
        for (relative, path, stamp) in self.stamped_files(prefix)? {
            present.insert(relative.clone());
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
        index.keep_only(prefix, &present);
        self.refreshed.borrow_mut().push(prefix.to_string());
        Ok(std::cell::RefMut::map(slot, |slot| {
            slot.get_or_insert_with(Index::default)
        }))
    }

    /// Every data file under `prefix` (`meetings/`, or "" for all), by its
    /// path relative to the data folder, with its path and stamp now.
    fn stamped_files(&self, prefix: &str) -> Result<Vec<(String, PathBuf, Stamp)>> {
        let dirs = match prefix {
            "meetings/" => {
                let meetings = self.root.join("meetings");
                let mut dirs = subdirs(&meetings)?;
                dirs.push(meetings);
                dirs
            }
            _ => self.data_dirs()?,
        };
        let mut files = Vec::new();
        for dir in dirs {
            let folder = self.relative(&dir);
            for entry in toml_entries(&dir)? {
                let name = entry.name.to_string_lossy();
                let relative = match folder.as_str() {
                    "" => name.into_owned(),
                    folder => format!("{folder}/{name}"),
                };
                if !relative.starts_with(prefix) {
                    continue;
                }
                let meta = match entry.metadata() {
                    Ok(meta) => meta,
                    // Removed since the listing (a meeting moved by a writer).
                    Err(err)
                        if err.kind() == io::ErrorKind::NotFound && !entry.path.is_symlink() =>
                    {
                        continue;
                    }
                    Err(err) => return Err(Error::io(&entry.path, err)),
                };
                files.push((relative, entry.path, Stamp::of(&meta)));
            }
        }
        Ok(files)
    }

    /// Records what mentee itself just wrote, so the index need not read it.
    fn indexed_write(
        &self,
        path: &Path,
        stamp: Stamp,
        bytes: &[u8],
        meeting: Option<&Meeting>,
        appendable: bool,
    ) {
        let mut slot = self.index.borrow_mut();
        let index = slot.get_or_insert_with(|| {
            Index::load(self.index_dir.as_deref(), &self.root, self.index_only)
        });
        let mut indexed = Indexed::new(stamp, bytes);
        indexed.set_meeting(meeting);
        indexed.appendable = appendable;
        index.set(self.relative(path), indexed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::journal::Entry;
    use crate::model::mentor::Mentor;
    use chrono::NaiveDate;
    use std::fs;

    fn mentor(name: &str) -> Mentor {
        Mentor::new(name.to_string(), crate::model::mentor::slugify(name))
    }

    /// A meeting file indexed as not parsing (by an older mentee, say) that
    /// parses now is not left out of the prompt's summary: the meetings
    /// are read in full, and the summary made again with it.
    #[test]
    fn a_meeting_file_that_parses_now_reaches_the_pending_summary() {
        let data = tempfile::tempdir().expect("data folder");
        let cache = tempfile::tempdir().expect("cache folder");
        let open = || Store::with_cache(data.path().to_path_buf(), cache.path());
        let day = NaiveDate::from_ymd_opt(2026, 11, 20);
        let meeting = Meeting::planned(Id::from("m00001"), "alex", day, vec!["Q?".into()]);
        {
            let store = open();
            let lock = store.lock().expect("lock");
            store.save_meeting(&lock, &meeting).expect("saved");
        }
        let ids = |store: &Store| -> Vec<String> {
            let pending = store.pending_meetings().expect("read");
            pending.iter().map(|m| m.id.to_string()).collect()
        };
        assert_eq!(ids(&open()), ["m00001"]);
        {
            // The index as an older mentee left it: the file did not parse.
            let store = open();
            let mut index = store.index("meetings/").expect("index");
            let relative = "meetings/next-alex.toml";
            let known = index.get(relative).expect("indexed").clone();
            let bytes = fs::read(data.path().join(relative)).expect("read");
            index.set(relative.to_string(), Indexed::new(known.stamp, &bytes));
            index.pending_stale();
        }
        for _ in 0..2 {
            assert_eq!(ids(&open()), ["m00001"]);
        }
        // The index knows the meeting again, so the summary is used.
        let store = open();
        let index = store.index("meetings/").expect("index");
        let indexed = index.get("meetings/next-alex.toml").expect("indexed");
        assert_eq!(
            indexed.meeting_id().map(Id::to_string).as_deref(),
            Some("m00001")
        );
    }

    /// Parts of meetings, or some of them, are never written back.
    #[test]
    fn a_store_that_read_only_part_of_the_meetings_does_not_write() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::new(dir.path().to_path_buf());
        drop(store.lock().expect("a store locks"));
        store.pending_meetings().expect("read");
        assert!(store.lock().is_err());
        let store = Store::new(dir.path().to_path_buf());
        store.meetings_where(&|_| true).expect("read");
        assert!(store.lock().is_err());
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
