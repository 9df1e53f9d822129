//! The small summary of pending meetings kept beside the index, which
//! `mentee prompt` reads instead of the meetings (see [`PendingSummary`]).

use super::{Shard, Stamp, VERSION, hash, read_private, usable};
use crate::model::id::Id;
use crate::model::meeting::Meeting;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What `mentee prompt` reads of the index before every shell prompt, so
/// it is small: the part of each meeting that can still call for attention
/// (see [`Meeting::pending_part`]), and one fingerprint of the names and
/// stamps of the meeting files it was made from. Files written too recently
/// for their stamp to tell two versions apart are kept aside with a hash of
/// their content instead, and files that did not parse are named, so that
/// reading them again reports the error. When the meeting files on disk
/// give the same fingerprint (and the recent ones the same hashes), the
/// summary is true to them. Made from the meetings' shard each time that is
/// saved, from the meetings kept there as JSON text; read as meetings.
#[derive(Debug, Serialize, Deserialize)]
pub struct PendingSummary<M = Meeting> {
    version: u32,
    root: PathBuf,
    settled: Fingerprint,
    recent: BTreeMap<String, Recent>,
    pub unparsed: Vec<String>,
    pub meetings: Vec<M>,
}

/// A meeting file written too recently to trust its stamp alone.
#[derive(Debug, Serialize, Deserialize)]
struct Recent {
    stamp: Stamp,
    hash: u64,
}

pub(super) const PENDING: &str = "pending";

impl PendingSummary {
    /// The saved summary for `root` in `dir`, if there is one to trust and
    /// to keep. One that holds a file aside as recently written, when its
    /// stamp has aged enough to be trusted alone, is not used: the full
    /// reading of the meetings makes it again, so that the file is not read
    /// and hashed before every prompt from then on.
    pub fn load(dir: Option<&Path>, root: &Path) -> Option<PendingSummary> {
        let dir = dir.filter(|dir| usable(dir))?;
        let bytes = read_private(&dir.join(format!("{PENDING}.json")))?;
        serde_json::from_slice::<PendingSummary>(&bytes)
            .ok()
            .filter(|summary| summary.version == VERSION && summary.root == root)
            .filter(|summary| summary.recent.values().all(|r| r.stamp.is_recent()))
    }

    /// Is the summary true to the meeting files on disk, given as their
    /// paths relative to the data folder and stamps? `read` gives the
    /// content of a file, for those written too recently.
    pub fn describes(
        &self,
        files: impl IntoIterator<Item = (String, Stamp)>,
        read: impl Fn(&str) -> Option<Vec<u8>>,
    ) -> bool {
        let mut settled = Fingerprint::default();
        let mut recent = 0;
        for (relative, stamp) in files {
            match self.recent.get(&relative) {
                None => settled.add(&relative, stamp),
                Some(known) if known.stamp == stamp => {
                    if read(&relative).is_none_or(|bytes| hash(&bytes) != known.hash) {
                        return false;
                    }
                    recent += 1;
                }
                Some(_) => return false,
            }
        }
        recent == self.recent.len() && settled == self.settled
    }
}

impl<'a> PendingSummary<&'a RawValue> {
    /// Made from the meetings' shard. A planned copy left behind by an
    /// interrupted move is left out, as the full reading leaves it out
    /// (see [`Meeting::is_left_behind_by`]). None when two meeting files
    /// hold a meeting of the same ID otherwise: the full reading refuses
    /// that, with the files' names.
    pub(super) fn of(shard: &'a Shard, root: &Path) -> Option<Self> {
        let mut first: HashMap<&Id, &String> = HashMap::new();
        let mut left_behind: HashSet<&String> = HashSet::new();
        for (relative, indexed) in &shard.files {
            let Some(id) = &indexed.meeting_id else {
                continue;
            };
            let Some(other) = first.insert(id, relative) else {
                continue;
            };
            let (a, b) = (shard.files[other].meeting()?, indexed.meeting()?);
            let copy = if a.is_left_behind_by(&b) {
                other
            } else if b.is_left_behind_by(&a) {
                relative
            } else {
                return None;
            };
            left_behind.insert(copy);
        }
        let mut summary = PendingSummary {
            version: VERSION,
            root: root.to_path_buf(),
            settled: Fingerprint::default(),
            recent: BTreeMap::new(),
            unparsed: Vec::new(),
            meetings: Vec::new(),
        };
        for (relative, indexed) in &shard.files {
            match indexed.racy_hash {
                Some(hash) => {
                    let stamp = indexed.stamp;
                    summary
                        .recent
                        .insert(relative.clone(), Recent { stamp, hash });
                }
                None => summary.settled.add(relative, indexed.stamp),
            }
            if indexed.meeting.is_none() {
                summary.unparsed.push(relative.clone());
            }
            if !left_behind.contains(relative) {
                summary.meetings.extend(indexed.pending.as_deref());
            }
        }
        Some(summary)
    }
}

/// The names and stamps of a set of files, as one value that does not
/// depend on the order they are added in: a file added, removed, renamed
/// or changed gives another value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Fingerprint {
    count: u64,
    sum: u64,
}

impl Fingerprint {
    fn add(&mut self, relative: &str, stamp: Stamp) {
        let mut bytes = Vec::with_capacity(relative.len() + 49);
        bytes.extend_from_slice(relative.as_bytes());
        bytes.push(0);
        bytes.extend_from_slice(&stamp.len.to_le_bytes());
        for field in [
            stamp.seconds,
            stamp.nanos,
            stamp.changed_seconds,
            stamp.changed_nanos,
        ] {
            bytes.extend_from_slice(&field.to_le_bytes());
        }
        bytes.extend_from_slice(&stamp.inode.to_le_bytes());
        self.count += 1;
        self.sum = self.sum.wrapping_add(hash(&bytes));
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Indexed, replace};
    use super::*;
    use crate::model::meeting::{Action, Status};

    /// A stamp of a file last changed in 2020: old enough to trust.
    fn old(len: u64, inode: u64) -> Stamp {
        Stamp {
            len,
            seconds: 1_600_000_000,
            nanos: 0,
            changed_seconds: 1_600_000_000,
            changed_nanos: 0,
            inode,
        }
    }

    fn meeting(id: &str, held: bool, statuses: &[Status]) -> Meeting {
        let day = "2026-11-10".parse().expect("a date");
        let mut meeting = Meeting::planned(Id::from(id), "alex", Some(day), vec!["Q?".into()]);
        meeting.held = held;
        for (n, status) in statuses.iter().enumerate() {
            let mut action = Action::new(
                Id::from(format!("{id}{n}").as_str()),
                "Do".into(),
                day,
                None,
            );
            action.status = *status;
            meeting.actions.push(action);
        }
        meeting
    }

    /// A shard of files, each with its stamp and the meeting it holds.
    fn shard(files: &[(&str, Stamp, &Meeting)]) -> Shard {
        let mut shard = Shard::default();
        for (relative, stamp, meeting) in files {
            let mut indexed = Indexed::new(*stamp, b"");
            indexed.set_meeting(Some(meeting));
            shard.files.insert(relative.to_string(), indexed);
        }
        shard
    }

    fn stamps(files: &[(&str, Stamp)]) -> Vec<(String, Stamp)> {
        files.iter().map(|(r, s)| (r.to_string(), *s)).collect()
    }

    fn summary(shard: &Shard) -> PendingSummary {
        let json =
            serde_json::to_vec(&PendingSummary::of(shard, Path::new("/data")).expect("made"))
                .expect("saved");
        serde_json::from_slice(&json).expect("read back")
    }

    const DONE: &str = "meetings/2026/2026-11-03-alex.toml";
    const OPEN: &str = "meetings/2026/2026-11-10-alex.toml";
    const NEXT: &str = "meetings/next-alex.toml";

    #[test]
    fn the_pending_summary_keeps_only_what_can_call_for_attention() {
        let done = meeting("m00001", true, &[Status::Done, Status::Dropped]);
        let open = meeting("m00002", true, &[Status::Done, Status::Blocked]);
        let next = meeting("m00003", false, &[]);
        let shard = shard(&[
            (DONE, old(10, 1), &done),
            (OPEN, old(20, 2), &open),
            (NEXT, old(30, 3), &next),
        ]);
        let summary = summary(&shard);
        let ids: Vec<(String, Vec<String>)> = summary
            .meetings
            .iter()
            .map(|m| {
                (
                    m.id.to_string(),
                    m.actions.iter().map(|a| a.id.to_string()).collect(),
                )
            })
            .collect();
        assert_eq!(
            ids,
            [
                ("m00002".to_string(), vec!["m000021".to_string()]),
                ("m00003".to_string(), vec![])
            ]
        );
        assert!(
            summary.meetings[0].topics.is_empty(),
            "a held meeting's topics are history"
        );
        assert_eq!(
            summary.meetings[1].topics,
            ["Q?"],
            "a planned meeting is kept whole"
        );
    }

    #[test]
    fn the_pending_summary_is_true_only_to_the_files_it_was_made_from() {
        let done = meeting("m00001", true, &[Status::Done]);
        let next = meeting("m00003", false, &[]);
        let files = [(DONE, old(10, 1)), (NEXT, old(30, 3))];
        let summary = summary(&shard(&[
            (DONE, files[0].1, &done),
            (NEXT, files[1].1, &next),
        ]));
        let never = |_: &str| -> Option<Vec<u8>> { panic!("an old file is not read") };
        assert!(summary.describes(stamps(&files), never));
        let mut touched = old(10, 1);
        touched.changed_nanos = 1;
        let other = "meetings/2026/2026-11-04-alex.toml";
        for changed in [
            vec![(DONE, touched), files[1]],
            vec![(DONE, old(11, 1)), files[1]],
            vec![(DONE, old(10, 9)), files[1]],
            vec![(other, old(10, 1)), files[1]],
            vec![files[1]],
            vec![files[0], files[1], (other, old(5, 5))],
        ] {
            assert!(!summary.describes(stamps(&changed), never), "{changed:?}");
        }
    }

    #[test]
    fn a_recently_written_file_is_checked_by_its_content() {
        let next = meeting("m00003", false, &[]);
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("after 1970")
            .as_secs() as i64;
        let recent = Stamp {
            seconds: now,
            changed_seconds: now,
            ..old(30, 3)
        };
        let mut shard = Shard::default();
        let mut indexed = Indexed::new(recent, b"version one");
        indexed.set_meeting(Some(&next));
        shard.files.insert(NEXT.to_string(), indexed);
        let summary = summary(&shard);
        let files = stamps(&[(NEXT, recent)]);
        assert!(summary.describes(files.clone(), |_| Some(b"version one".to_vec())));
        assert!(!summary.describes(files.clone(), |_| Some(b"version two".to_vec())));
        assert!(!summary.describes(files, |_| None));
    }

    /// Once a file held aside as recent has aged, the summary is made
    /// again (by the full reading) rather than the file read every time.
    #[cfg(unix)]
    #[test]
    fn a_summary_holding_a_file_that_has_aged_is_made_again() {
        use std::os::unix::fs::PermissionsExt;
        let cache = tempfile::tempdir().expect("a cache folder");
        let dir = cache.path().join("index-1");
        std::fs::create_dir(&dir).expect("mkdir");
        for folder in [cache.path(), &dir] {
            std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700))
                .expect("chmod");
        }
        let root = Path::new("/data");
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("after 1970")
            .as_secs() as i64;
        for (seconds, kept) in [(now, true), (now - 3600, false)] {
            let stamp = Stamp {
                seconds,
                changed_seconds: seconds,
                ..old(30, 3)
            };
            let mut shard = Shard::default();
            let mut indexed = Indexed::new(stamp, b"");
            indexed.racy_hash = Some(1);
            shard.files.insert(NEXT.to_string(), indexed);
            let json = serde_json::to_vec(&PendingSummary::of(&shard, root).expect("made"))
                .expect("saved");
            assert!(replace(&dir, PENDING, &json));
            let loaded = PendingSummary::load(Some(&dir), root);
            assert_eq!(loaded.is_some(), kept, "written at {seconds}");
        }
    }

    /// A planned copy left behind by a move that stopped half way is left
    /// out, as the full reading leaves it out; but it is still one of the
    /// files the summary must be true to.
    #[test]
    fn a_planned_copy_left_behind_is_left_out() {
        let held = meeting("m00003", true, &[Status::Open]);
        let planned_copy = meeting("m00003", false, &[]);
        let files = [(OPEN, old(20, 2)), (NEXT, old(30, 3))];
        let summary = summary(&shard(&[
            (OPEN, files[0].1, &held),
            (NEXT, files[1].1, &planned_copy),
        ]));
        let held_ones: Vec<bool> = summary.meetings.iter().map(|m| m.held).collect();
        assert_eq!(held_ones, [true]);
        let never = |_: &str| -> Option<Vec<u8>> { panic!("an old file is not read") };
        assert!(summary.describes(stamps(&files), never));
        assert!(!summary.describes(stamps(&files[..1]), never));
    }

    /// Two files holding one meeting otherwise (a copy made by hand, with
    /// other topics) make no summary: the full reading refuses them.
    #[test]
    fn two_files_holding_one_meeting_make_no_summary() {
        let held = meeting("m00003", true, &[Status::Open]);
        let mut hand_copy = meeting("m00003", false, &[]);
        hand_copy.topics = vec!["Another question?".into()];
        let shard = shard(&[(OPEN, old(20, 2), &held), (NEXT, old(30, 3), &hand_copy)]);
        assert!(PendingSummary::of(&shard, Path::new("/data")).is_none());
    }
}
