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
use crate::model::meeting::Meeting;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Bumped whenever the shape of the index changes; an index of another
/// version is ignored and rebuilt.
const VERSION: u32 = 1;

/// Identifies one version of a file without reading it. Every write changes
/// the modification time; a rename (which is how mentee writes) also changes
/// the inode. Size, time to the nanosecond and inode all equal means the
/// same content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    seconds: i64,
    nanos: i64,
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
        self.seconds >= now - 2
    }

    pub fn of(meta: &fs::Metadata) -> Stamp {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Stamp {
                len: meta.len(),
                seconds: meta.mtime(),
                nanos: meta.mtime_nsec(),
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
    /// For a meeting file that parsed: the meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<Meeting>,
    /// For a journal month file: it parsed, and new entries can be appended
    /// to its text as they are.
    #[serde(default)]
    pub appendable: bool,
}

impl Indexed {
    pub fn new(stamp: Stamp, bytes: &[u8]) -> Indexed {
        let ids = id::quoted_ids(bytes).map(|id| id.to_string()).collect();
        let racy_hash = stamp.is_recent().then(|| fnv(bytes));
        Indexed {
            stamp,
            racy_hash,
            ids,
            meeting: None,
            appendable: false,
        }
    }

    /// Does this describe the file as it is now? Trusts the stamp alone once
    /// it is old enough; before that, the content must hash the same. Reads
    /// the file only in that case, and returns the bytes it read.
    pub fn describes(&self, stamp: Stamp, read: impl FnOnce() -> Option<Vec<u8>>) -> Fresh {
        if stamp != self.stamp {
            return Fresh::No(None);
        }
        let Some(hash) = self.racy_hash else {
            return Fresh::Yes(None);
        };
        match read() {
            Some(bytes) if fnv(&bytes) == hash => Fresh::Yes(Some(bytes)),
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

    pub fn has_id(&self, wanted: &Id) -> bool {
        self.ids
            .as_bytes()
            .chunks(id::LEN)
            .any(|chunk| chunk == wanted.as_str().as_bytes())
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Index {
    version: u32,
    root: PathBuf,
    /// Keyed by the path relative to the data folder.
    files: BTreeMap<String, Indexed>,
    #[serde(skip)]
    changed: bool,
}

impl Index {
    /// The saved index for `root`, or an empty one if there is none that
    /// can be trusted.
    pub fn load(file: Option<&Path>, root: &Path) -> Index {
        let saved = file
            .and_then(|file| fs::read(file).ok())
            .and_then(|bytes| serde_json::from_slice::<Index>(&bytes).ok())
            .filter(|index| index.version == VERSION && index.root == root);
        saved.unwrap_or_else(|| Index {
            version: VERSION,
            root: root.to_path_buf(),
            ..Index::default()
        })
    }

    /// Saves the index if it changed. A cache that cannot be written costs
    /// speed, not data, so failures are ignored.
    pub fn save(&mut self, file: Option<&Path>) {
        let Some(file) = file.filter(|_| self.changed) else {
            return;
        };
        let Ok(json) = serde_json::to_vec(self) else {
            return;
        };
        if let Some(dir) = file.parent() {
            let _ = fs::create_dir_all(dir);
        }
        let temp = file.with_extension(format!("tmp{}", std::process::id()));
        if fs::write(&temp, json).is_ok() && fs::rename(&temp, file).is_ok() {
            self.changed = false;
        } else {
            let _ = fs::remove_file(&temp);
        }
    }

    pub fn get(&self, relative: &str) -> Option<&Indexed> {
        self.files.get(relative)
    }

    /// Lets an entry whose stamp has aged drop its content hash.
    pub fn settle(&mut self, relative: &str) {
        if let Some(indexed) = self.files.get_mut(relative) {
            self.changed |= indexed.settle();
        }
    }

    pub fn set(&mut self, relative: String, indexed: Indexed) {
        self.files.insert(relative, indexed);
        self.changed = true;
    }

    /// Forgets files under `prefix` that are not in `present`.
    pub fn keep_only(&mut self, prefix: &str, present: &HashSet<String>) {
        let before = self.files.len();
        self.files
            .retain(|path, _| !path.starts_with(prefix) || present.contains(path));
        self.changed |= self.files.len() != before;
    }

    pub fn files<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = (&'a String, &'a Indexed)> + 'a {
        self.files
            .range(prefix.to_string()..)
            .take_while(move |(path, _)| path.starts_with(prefix))
    }

    pub fn all(&self) -> impl Iterator<Item = &Indexed> {
        self.files.values()
    }
}

/// Where the index of the data folder `root` is kept inside the cache folder:
/// one file per data folder, named by a hash of its path.
pub fn file_for(cache_dir: &Path, root: &Path) -> PathBuf {
    cache_dir.join(format!(
        "index-{:016x}.json",
        fnv(root.as_os_str().as_encoded_bytes())
    ))
}

/// FNV-1a: small, and stable across Rust versions, unlike the standard hasher.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
