//! A derived index of the data folder, so that everyday commands do not read
//! and parse years of files: the parsed meetings and the IDs of every file,
//! each kept with the size, modification time and inode it was read at.
//!
//! The TOML files stay the only source of truth. The index lives in the
//! user's cache folder, never in the data folder; any file whose stamp
//! differs from the index (a hand edit, a git pull, another machine's sync)
//! is read again, and a missing, unreadable or foreign index is simply
//! rebuilt. Deleting it loses nothing.
//!
//! It holds meeting topics and commitments, so it gets the same care as the
//! data: its folders are 0700 and its files 0600 whatever the umask, and
//! nothing in it is believed unless the user wrote it (see [`usable`]).
//! Only the shard names mentee writes are read, each record only from the
//! shard it belongs in, and every record is checked against the stamp of
//! the real file before it is used (see `Store::index`).

use crate::model::id::{self, Id};
use crate::model::journal::Kind;
use crate::model::meeting::Meeting;
use crate::store::fsio;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

mod pending;
use pending::PENDING;
pub use pending::PendingSummary;

/// Bumped whenever the shape of the index changes; an index of another
/// version is ignored and rebuilt. The index keeps the output of a rule of
/// the model ([`Meeting::pending_part`], what the prompt's summary holds):
/// a change to that rule, or to what `remind` reads of a meeting, must bump
/// it too.
const VERSION: u32 = 4;

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
    /// For a meeting file that parsed: the meeting's own ID, and what of it
    /// can still call for attention (see [`Meeting::pending_part`]), for
    /// the [`PendingSummary`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    meeting_id: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pending: Option<Box<RawValue>>,
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
            meeting_id: None,
            pending: None,
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
        self.meeting_id = meeting
            .filter(|_| self.meeting.is_some())
            .map(|m| m.id.clone());
        self.pending = meeting
            .filter(|_| self.meeting.is_some())
            .and_then(Meeting::pending_part)
            .and_then(|part| serde_json::value::to_raw_value(&part).ok());
    }

    /// The ID of the meeting in the file, if it parsed when it was indexed.
    pub fn meeting_id(&self) -> Option<&Id> {
        self.meeting_id.as_ref()
    }

    /// The cached meeting as JSON text, if the file parsed when it was
    /// indexed.
    pub fn meeting_json(&self) -> Option<&str> {
        self.meeting.as_deref().map(RawValue::get)
    }

    /// The cached meeting, if the file parsed when it was indexed.
    pub fn meeting(&self) -> Option<Meeting> {
        self.meeting
            .as_ref()
            .and_then(|raw| serde_json::from_str(raw.get()).ok())
    }

    /// Is `parsed` (the meeting its file holds now) the one cached? An entry
    /// without a meeting claims nothing: its meeting is read from the file.
    pub fn tells_of(&self, parsed: Option<&Meeting>) -> bool {
        let Some(cached) = &self.meeting else {
            return true;
        };
        parsed
            .and_then(|m| serde_json::value::to_raw_value(m).ok())
            .is_some_and(|raw| raw.get() == cached.get())
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
    /// Where it is saved: `None` when there is no cache folder, or one that
    /// cannot be trusted.
    dir: Option<PathBuf>,
    shards: BTreeMap<String, Shard>,
    /// The saved [`PendingSummary`] did not describe the meeting files, so
    /// it is saved again even if no shard changed.
    pending_stale: bool,
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

/// The shard a data file belongs to: `meetings`, `journal-2026` or `root`
/// (a journal folder not named as a year goes to `root`).
fn shard_of(relative: &str) -> String {
    let mut parts = relative.split('/');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("meetings"), Some(_), _) => "meetings".to_string(),
        (Some("journal"), Some(year), Some(_)) if is_year(year) => format!("journal-{year}"),
        _ => "root".to_string(),
    }
}

fn is_year(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit())
}

/// Is `name` one that [`shard_of`] gives? Any other file in the index
/// folder (a sync tool's conflicted copy, a stray) is never read.
fn is_shard_name(name: &str) -> bool {
    matches!(name, "meetings" | "root") || name.strip_prefix("journal-").is_some_and(is_year)
}

impl Index {
    /// The saved index for `root` in `dir`; shards that cannot be trusted
    /// (unreadable, another version, another data folder, not the user's
    /// own) are left out and rebuilt, and so are records kept in a shard
    /// they do not belong in. With `only`, the other shards are not read.
    pub fn load(dir: Option<&Path>, root: &Path, only: Option<&[&str]>) -> Index {
        let dir = dir.filter(|dir| usable(dir));
        let mut index = Index {
            root: root.to_path_buf(),
            dir: dir.map(Path::to_path_buf),
            shards: BTreeMap::new(),
            pending_stale: false,
        };
        let Some(entries) = dir.and_then(|dir| fs::read_dir(dir).ok()) else {
            return index;
        };
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            let Some(name) = file_name
                .to_str()
                .and_then(|n| n.strip_suffix(".json"))
                .filter(|n| is_shard_name(n))
                .filter(|n| only.is_none_or(|only| only.contains(n)))
            else {
                continue;
            };
            let path = entry.path();
            let Some(bytes) = read_private(&path) else {
                // Someone else's, or open to others: rebuilt.
                let _ = fs::remove_file(&path);
                continue;
            };
            let shard = serde_json::from_slice::<Shard>(&bytes)
                .ok()
                .filter(|shard| shard.version == VERSION && shard.root == root);
            if let Some(mut shard) = shard {
                shard.files.retain(|relative, _| shard_of(relative) == name);
                index.shards.insert(name.to_string(), shard);
            }
        }
        index
    }

    /// Saves the shards that changed, and with the meetings' shard its
    /// [`PendingSummary`]. A cache that cannot be written costs speed, not
    /// data, so failures are ignored.
    pub fn save(&mut self) {
        let Some(dir) = self.dir.as_deref() else {
            return;
        };
        let meetings_changed = self
            .shards
            .get("meetings")
            .is_some_and(|shard| shard.changed);
        if !(self.pending_stale || self.shards.values().any(|shard| shard.changed))
            || fsio::create_private_dir(dir).is_err()
            || !usable(dir)
        {
            return;
        }
        remove_old_temp_files(dir);
        for (name, shard) in self.shards.iter_mut().filter(|(_, shard)| shard.changed) {
            if serde_json::to_vec(shard).is_ok_and(|json| replace(dir, name, &json)) {
                shard.changed = false;
            }
        }
        if meetings_changed || self.pending_stale {
            let summary = self
                .shards
                .get("meetings")
                .and_then(|shard| PendingSummary::of(shard, &self.root));
            let saved = summary
                .and_then(|summary| serde_json::to_vec(&summary).ok())
                .is_some_and(|json| replace(dir, PENDING, &json));
            if !saved {
                let _ = fs::remove_file(dir.join(format!("{PENDING}.json")));
            }
            self.pending_stale = false;
        }
    }

    /// The saved [`PendingSummary`] turned out not to describe the meeting
    /// files: it is saved again, from the meetings' shard, with the index.
    pub fn pending_stale(&mut self) {
        self.pending_stale = true;
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

    /// Remembers the meeting a file holds, when it parses now and did not
    /// when it was indexed (its stamp is the same: an older mentee read it).
    pub fn set_meeting(&mut self, relative: &str, meeting: &Meeting) {
        let shard = self.shard(relative);
        if let Some(indexed) = shard.files.get_mut(relative) {
            indexed.set_meeting(Some(meeting));
            shard.changed = true;
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

    /// Drops what is known of a file, so that it is read again.
    pub fn forget(&mut self, relative: &str) {
        let shard = self.shard(relative);
        shard.changed |= shard.files.remove(relative).is_some();
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

/// Replaces `NAME.json` in the index folder `dir` with `json`, through a
/// new private file of a name nobody can guess (never one planted there).
fn replace(dir: &Path, name: &str, json: &[u8]) -> bool {
    let Ok(random) = getrandom::u32() else {
        return false;
    };
    let file = dir.join(format!("{name}.json"));
    let temp = dir.join(format!(".{name}.{random:08x}.tmp"));
    let Ok(mut out) = fsio::create_private(&temp) else {
        return false;
    };
    let written = out.write_all(json).is_ok() && fs::rename(&temp, &file).is_ok();
    if !written {
        let _ = fs::remove_file(&temp);
    }
    written
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

/// Can the index folder `dir` (inside mentee's cache folder) be used? Both
/// must be the user's own folders, or not exist yet. One that is the user's
/// but open to others is made private (0700); if others could write in the
/// index folder, what is in it is thrown away, to be rebuilt. A folder of
/// another user (or a link, or not a folder) is not used at all: mentee
/// then works without an index, only slower, and never writes there.
fn usable(dir: &Path) -> bool {
    let Some(cache) = dir.parent() else {
        return false;
    };
    match (trust(cache), trust(dir)) {
        (Trust::Foreign, _) | (_, Trust::Foreign) => false,
        (_, Trust::Opened) => {
            empty(dir);
            true
        }
        _ => true,
    }
}

/// What a cache folder can be trusted with.
#[derive(Debug, PartialEq)]
enum Trust {
    Missing,
    /// The user's own, private (perhaps only now).
    Private,
    /// The user's own, but others could write in it until now.
    Opened,
    /// Not the user's, or not a plain folder: never used.
    Foreign,
}

#[cfg(unix)]
fn trust(folder: &Path) -> Trust {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let meta = match fs::symlink_metadata(folder) {
        Ok(meta) => meta,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Trust::Missing,
        Err(_) => return Trust::Foreign,
    };
    if !meta.is_dir() || meta.uid() != rustix::process::geteuid().as_raw() {
        return Trust::Foreign;
    }
    let mode = meta.mode() & 0o7777;
    if mode & 0o077 == 0 {
        return Trust::Private;
    }
    if fs::set_permissions(folder, fs::Permissions::from_mode(0o700)).is_err() {
        return Trust::Foreign;
    }
    if mode & 0o022 == 0 {
        Trust::Private
    } else {
        Trust::Opened
    }
}

#[cfg(not(unix))]
fn trust(folder: &Path) -> Trust {
    match fs::symlink_metadata(folder) {
        Ok(meta) if meta.is_dir() => Trust::Private,
        Err(err) if err.kind() == io::ErrorKind::NotFound => Trust::Missing,
        _ => Trust::Foreign,
    }
}

/// Removes every file of an index folder (links too, never what they point to).
fn empty(dir: &Path) {
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.file_type().is_ok_and(|kind| !kind.is_dir()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The bytes of a shard file, if it is a plain file of the user's that no
/// one else can write (one others can read is made private).
#[cfg(unix)]
fn read_private(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let before = fs::symlink_metadata(path).ok()?;
    if !before.is_file() {
        return None;
    }
    let mut file = fs::File::open(path).ok()?;
    let meta = file.metadata().ok()?;
    let same = meta.dev() == before.dev() && meta.ino() == before.ino();
    let mode = meta.mode() & 0o7777;
    if !same || meta.uid() != rustix::process::geteuid().as_raw() || mode & 0o022 != 0 {
        return None;
    }
    if mode & 0o077 != 0 {
        file.set_permissions(fs::Permissions::from_mode(0o600))
            .ok()?;
    }
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

#[cfg(not(unix))]
fn read_private(path: &Path) -> Option<Vec<u8>> {
    fs::symlink_metadata(path)
        .ok()
        .filter(fs::Metadata::is_file)
        .and_then(|_| fs::read(path).ok())
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

#[cfg(test)]
mod tests {
    use super::{is_shard_name, shard_of};

    #[track_caller]
    fn case(relative: &str, shard: &str) {
        assert_eq!(shard_of(relative), shard, "{relative}");
        assert!(is_shard_name(shard), "{shard}");
    }

    #[test]
    fn every_shard_a_file_goes_to_is_a_name_that_is_read_back() {
        case("meetings/next-alex.toml", "meetings");
        case("meetings/2026/2026-11-10-alex.toml", "meetings");
        case("journal/2026/2026-11.toml", "journal-2026");
        case("journal/notes/x.toml", "root");
        case("journal/2026 (conflicted copy)/2026-11.toml", "root");
        case("mentors.toml", "root");
        case("journal/2026-11.toml", "root");
    }

    #[test]
    fn other_names_in_the_index_folder_are_not_read() {
        for name in [
            "meetings (conflicted copy)",
            "journal-",
            "journal-2026 (1)",
            "journal-../x",
            "index",
            "",
        ] {
            assert!(!is_shard_name(name), "{name}");
        }
    }
}
