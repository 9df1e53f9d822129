//! A derived index of the data folder, so that everyday commands do not read
//! and parse years of files: the parsed meetings and the IDs of every file,
//! each kept with the size, modification time and inode it was read at.
//!
//! The TOML files stay the only source of truth. The index lives in the
//! user's cache folder, never in the data folder; any file whose stamp
//! differs from the index (a hand edit, a git pull, another machine's sync)
//! is read again, and a missing, unreadable or foreign index is simply
//! rebuilt. Deleting it loses nothing.

use crate::model::id::{self, Id};
use crate::model::journal::Kind;
use crate::model::meeting::Meeting;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Bumped whenever the shape of the index changes; an index of another
/// version is ignored and rebuilt.
const VERSION: u32 = 3;

/// Identifies one version of a file without reading it. Every write changes
/// the modification time; a rename (which is how mentee writes) also changes
/// the inode. The modification time can be set back by hand (`touch -d`,
/// `cp -p`, `rsync -t`), so the status-change time, which cannot, is part of
/// it too, as in git's index (on Unix; elsewhere it is 0, and the stamp is
/// size and modification time). Size, times to the nanosecond and inode all
/// equal means the same content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    seconds: i64,
    nanos: i64,
    changed_seconds: i64,
    changed_nanos: i64,
    inode: u64,
}

/// Whether [`Indexed::describes`] found the entry true to the file, with the
/// bytes it had to read to know, if any.
pub enum Fresh {
    Yes(Option<Vec<u8>>),
    No(Option<Vec<u8>>),
}

impl Stamp {
    /// Written in the last two seconds (or in the future): too recent for
    /// its time to tell two versions apart.
    fn is_recent(&self) -> bool {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(i64::MAX, |d| d.as_secs() as i64);
        self.seconds.max(self.changed_seconds) >= now - 2
    }

    pub fn of(meta: &fs::Metadata) -> Stamp {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Stamp {
                len: meta.len(),
                seconds: meta.mtime(),
                nanos: meta.mtime_nsec(),
                changed_seconds: meta.ctime(),
                changed_nanos: meta.ctime_nsec(),
                inode: meta.ino(),
            }
        }
        #[cfg(not(unix))]
        {
            let since = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .unwrap_or_default();
            Stamp {
                len: meta.len(),
                seconds: since.as_secs() as i64,
                nanos: i64::from(since.subsec_nanos()),
                changed_seconds: 0,
                changed_nanos: 0,
                inode: 0,
            }
        }
    }
}

/// What the index knows about one data file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Indexed {
    pub stamp: Stamp,
    /// A hash of the content, kept while the stamp is too recent to trust:
    /// file times are coarse on some file systems, so a same-size edit right
    /// after a write could keep the stamp (git's "racily clean" problem).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    racy_hash: Option<u64>,
    /// Every ID in the file, six characters each, one after the other.
    pub ids: String,
    /// For a meeting file that parsed: the meeting, kept as JSON text until
    /// asked for, so that commands that need only IDs do not decode it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    meeting: Option<Box<RawValue>>,
    /// For a journal month file: it parsed, and new entries can be appended
    /// to its text as they are.
    #[serde(default)]
    pub appendable: bool,
    /// For a journal month file that parsed: the days of its latest
    /// entries, so that months that did not change need not be parsed again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<Latest>,
}

impl Indexed {
    pub fn new(stamp: Stamp, bytes: &[u8]) -> Indexed {
        let ids = id::quoted_ids(bytes).map(|id| id.to_string()).collect();
        let racy_hash = stamp.is_recent().then(|| hash(bytes));
        Indexed {
            stamp,
            racy_hash,
            ids,
            meeting: None,
            appendable: false,
            latest: None,
        }
    }

    /// Does this describe the file as it is now? Trusts the stamp alone once
    /// it is old enough; before that, the content must hash the same. Reads
    /// the file only in that case, and returns the bytes it read.
    pub fn describes(&self, stamp: Stamp, read: impl FnOnce() -> Option<Vec<u8>>) -> Fresh {
        if stamp != self.stamp {
            return Fresh::No(None);
        }
        let Some(expected) = self.racy_hash else {
            return Fresh::Yes(None);
        };
        match read() {
            Some(bytes) if hash(&bytes) == expected => Fresh::Yes(Some(bytes)),
            bytes => Fresh::No(bytes),
        }
    }

    /// Forgets the hash once the stamp has aged enough to be trusted alone.
    fn settle(&mut self) -> bool {
        let settled = self.racy_hash.is_some() && !self.stamp.is_recent();
        if settled {
            self.racy_hash = None;
        }
        settled
    }

    pub fn set_meeting(&mut self, meeting: Option<&Meeting>) {
        self.meeting = meeting.and_then(|m| serde_json::value::to_raw_value(m).ok());
    }

    /// The cached meeting, if the file parsed when it was indexed.
    pub fn meeting(&self) -> Option<Meeting> {
        self.meeting
            .as_ref()
            .and_then(|raw| serde_json::from_str(raw.get()).ok())
    }

    pub fn has_id(&self, wanted: &Id) -> bool {
        self.ids
            .as_bytes()
            .chunks(id::LEN)
            .any(|chunk| chunk == wanted.as_str().as_bytes())
    }

    /// Does the file use an ID that is `typed` or starts with it (any case)?
    pub fn has_id_with_prefix(&self, typed: &str) -> bool {
        let typed = typed.trim().to_ascii_lowercase();
        !typed.is_empty()
            && self
                .ids
                .as_bytes()
                .chunks(id::LEN)
                .any(|chunk| chunk.starts_with(typed.as_bytes()))
    }
}

/// The day of the latest entry for each mentor in one journal month, and of
/// the latest entry of each kind that is for no mentor in particular.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Latest {
    pub mentors: BTreeMap<String, NaiveDate>,
    /// Keyed by the kind of entry.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unaddressed: BTreeMap<String, NaiveDate>,
}

impl Latest {
    pub fn add(&mut self, date: NaiveDate, mentor: Option<&str>, kind: &Kind) {
        let slot = match mentor {
            Some(slug) => self.mentors.entry(slug.to_string()).or_insert(date),
            None => self
                .unaddressed
                .entry(kind.as_str().to_string())
                .or_insert(date),
        };
        *slot = (*slot).max(date);
    }

    /// The latest day of any entry it counts.
    pub fn newest(&self) -> Option<NaiveDate> {
        self.mentors
            .values()
            .chain(self.unaddressed.values())
            .copied()
            .max()
    }
}

/// The index, in shards saved as separate files: the meetings, each year of
/// the journal, and the files at the top of the data folder. Adding an entry
/// rewrites only its year's shard.
#[derive(Debug, Default)]
pub struct Index {
    root: PathBuf,
    shards: BTreeMap<String, Shard>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Shard {
    version: u32,
    root: PathBuf,
    /// Keyed by the path relative to the data folder.
    files: BTreeMap<String, Indexed>,
    #[serde(skip)]
    changed: bool,
}

/// The shard a data file belongs to: `meetings`, `journal-2026` or `root`.
fn shard_of(relative: &str) -> String {
    let mut parts = relative.split('/');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("meetings"), Some(_), _) => "meetings".to_string(),
        (Some("journal"), Some(year), Some(_)) => format!("journal-{year}"),
        _ => "root".to_string(),
    }
}

impl Index {
    /// The saved index for `root` in `dir`; shards that cannot be trusted
    /// (unreadable, another version, another data folder) are left out and
    /// rebuilt.
    pub fn load(dir: Option<&Path>, root: &Path) -> Index {
        let mut index = Index {
            root: root.to_path_buf(),
            shards: BTreeMap::new(),
        };
        let Some(entries) = dir.and_then(|dir| fs::read_dir(dir).ok()) else {
            return index;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Some(name) = path
                .file_stem()
                .and_then(|s| s.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            let shard = fs::read(&path)
                .ok()
                .and_then(|bytes| serde_json::from_slice::<Shard>(&bytes).ok())
                .filter(|shard| shard.version == VERSION && shard.root == root);
            if let Some(shard) = shard.filter(|_| path.extension().is_some_and(|e| e == "json")) {
                index.shards.insert(name, shard);
            }
        }
        index
    }

    /// Saves the shards that changed. A cache that cannot be written costs
    /// speed, not data, so failures are ignored.
    pub fn save(&mut self, dir: Option<&Path>) {
        let Some(dir) = dir else { return };
        remove_old_temp_files(dir);
        for (name, shard) in self.shards.iter_mut().filter(|(_, shard)| shard.changed) {
            let Ok(json) = serde_json::to_vec(shard) else {
                continue;
            };
            let _ = fs::create_dir_all(dir);
            let file = dir.join(format!("{name}.json"));
            let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
            if fs::write(&temp, json).is_ok() && fs::rename(&temp, &file).is_ok() {
                shard.changed = false;
            } else {
                let _ = fs::remove_file(&temp);
            }
        }
    }

    fn shard(&mut self, relative: &str) -> &mut Shard {
        let root = &self.root;
        self.shards
            .entry(shard_of(relative))
            .or_insert_with(|| Shard {
                version: VERSION,
                root: root.clone(),
                ..Shard::default()
            })
    }

    pub fn get(&self, relative: &str) -> Option<&Indexed> {
        self.shards.get(&shard_of(relative))?.files.get(relative)
    }

    /// Lets an entry whose stamp has aged drop its content hash.
    pub fn settle(&mut self, relative: &str) {
        let shard = self.shard(relative);
        if let Some(indexed) = shard.files.get_mut(relative) {
            shard.changed |= indexed.settle();
        }
    }

    /// Remembers who the entries of a journal month file are for.
    pub fn set_latest(&mut self, relative: &str, latest: Latest) {
        let shard = self.shard(relative);
        if let Some(indexed) = shard.files.get_mut(relative)
            && indexed.latest.as_ref() != Some(&latest)
        {
            indexed.latest = Some(latest);
            shard.changed = true;
        }
    }

    pub fn set(&mut self, relative: String, indexed: Indexed) {
        let shard = self.shard(&relative);
        shard.files.insert(relative, indexed);
        shard.changed = true;
    }

    /// Forgets files under `prefix` that are not in `present`.
    pub fn keep_only(&mut self, prefix: &str, present: &HashSet<String>) {
        for shard in self.shards.values_mut() {
            let before = shard.files.len();
            shard
                .files
                .retain(|path, _| !path.starts_with(prefix) || present.contains(path));
            shard.changed |= shard.files.len() != before;
        }
    }

    pub fn files<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = (&'a String, &'a Indexed)> + 'a {
        self.shards
            .values()
            .flat_map(|shard| shard.files.iter())
            .filter(move |(path, _)| path.starts_with(prefix))
    }

    pub fn all(&self) -> impl Iterator<Item = &Indexed> {
        self.shards.values().flat_map(|shard| shard.files.values())
    }
}

/// Temporary shard files of runs killed while saving, more than a minute old.
fn remove_old_temp_files(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let old = entry
            .metadata()
            .and_then(|meta| meta.modified())
            .is_ok_and(|time| time.elapsed().is_ok_and(|age| age.as_secs() > 60));
        if name.to_string_lossy().ends_with(".tmp") && old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Where the index of the data folder `root` is kept inside the cache folder:
/// one folder per data folder, named by a hash of its path.
pub fn dir_for(cache_dir: &Path, root: &Path) -> PathBuf {
    cache_dir.join(format!(
        "index-{:016x}",
        hash(root.as_os_str().as_encoded_bytes())
    ))
}

/// A fast 64-bit hash of a file's content, a word at a time, to notice a
/// change (not to resist an attacker). Stable across Rust versions, unlike
/// the standard hasher.
fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mix = |h: u64, word: u64| (h.rotate_left(5) ^ word).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    let mut h = (&mut chunks).fold(bytes.len() as u64, |h, chunk| {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        mix(h, u64::from_le_bytes(word))
    });
    for byte in chunks.remainder() {
        h = mix(h, u64::from(*byte));
    }
    h
}
