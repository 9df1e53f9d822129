//! The derived index in the cache folder speeds commands up but is never
//! the truth: hand edits and pulls are seen at once, and deleting or
//! corrupting it changes nothing but speed.

use crate::support::{MEETING_FILE, TestEnv};
use std::fs;

const PLANNED: &str = "meetings/next-alex-kim.toml";
const NOVEMBER: &str = "journal/2026/2026-11.toml";

/// Everything the reading commands show, to compare runs.
fn views(env: &TestEnv) -> Vec<String> {
    [
        vec!["status"],
        vec!["action", "list", "--all", "--json"],
        vec!["agenda", "-m", "alex"],
        vec!["log", "--json"],
        vec!["summary", "-m", "alex", "--json"],
    ]
    .into_iter()
    .map(|args| env.run(args).success().stdout())
    .collect()
}

#[test]
fn the_index_lives_in_the_cache_folder_not_with_the_data() {
    let mut env = TestEnv::new();
    env.scenario();
    env.run(["status"]).success();
    let dirs = env.index_dirs();
    assert_eq!(dirs.len(), 1);
    let shards = fs::read_dir(&dirs[0]).expect("shards").count();
    assert!(
        shards >= 2,
        "meetings, journal year and root shards: {shards}"
    );
    let data: Vec<String> = env.file_names();
    assert!(data.iter().all(|f| f.ends_with(".toml")), "{data:?}");
}

#[test]
fn a_hand_edit_right_after_a_write_is_seen() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["agenda", "Topic one?"]).success();
    env.run(["status"]).success().stdout_has("Topic one?");
    // Same length, same file, and (as on a file system with a coarse clock)
    // the same modification time as mentee's own write: only the content
    // tells the two versions apart.
    let path = env.path(PLANNED);
    let written = fs::metadata(&path)
        .and_then(|m| m.modified())
        .expect("mtime");
    let edited = env.read(PLANNED).replace("Topic one?", "Topic two?");
    env.edit_in_place(PLANNED, &edited, written);
    env.run(["status"])
        .success()
        .stdout_has("Topic two?")
        .stdout_lacks("Topic one?");
    env.run(["agenda"]).success().stdout_has("Topic two?");
}

#[test]
fn an_old_file_edited_with_its_time_put_back_is_seen() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["agenda", "Topic one?"]).success();
    // Written an hour ago, as far as its time says: old enough for the
    // index to trust the file's stamp without reading it.
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let planned = env.read(PLANNED);
    env.edit_in_place(PLANNED, &planned, an_hour_ago);
    env.run(["status"]).success().stdout_has("Topic one?");
    // Same size, same inode, same modification time (as `cp -p` or
    // `rsync --inplace -t` leave it): the status-change time tells.
    env.edit_in_place(PLANNED, &planned.replace("one", "two"), an_hour_ago);
    env.run(["status"])
        .success()
        .stdout_has("Topic two?")
        .stdout_lacks("Topic one?");
    // And a write keeps the edit rather than bringing the old text back.
    env.run(["agenda", "--on", "+3d"]).success();
    assert!(env.read(PLANNED).contains("Topic two?"));
}

#[test]
fn deleting_or_corrupting_the_index_changes_nothing_but_speed() {
    let mut env = TestEnv::new();
    env.scenario();
    env.run(["update", "Progress on the proposal"]).success();
    let before = views(&env);
    for dir in env.index_dirs() {
        fs::remove_dir_all(dir).expect("delete the index");
    }
    assert_eq!(views(&env), before);
    for dir in env.index_dirs() {
        for shard in fs::read_dir(dir).expect("shards") {
            fs::write(shard.expect("a shard").path(), "{ not json").expect("corrupt it");
        }
    }
    assert_eq!(views(&env), before);
    // And writes still find every ID in use and every file as it is.
    env.run(["update", "More progress"]).success();
    let journal = env.read(NOVEMBER);
    assert!(journal.contains("Progress on the proposal") && journal.contains("More progress"));
}

#[test]
fn files_replaced_by_a_pull_are_read_again() {
    let mut env = TestEnv::new();
    env.scenario();
    env.run(["status"]).success();
    // Another machine changed the meeting: a new file lands in its place.
    let theirs = env.read(MEETING_FILE).replace(
        "text = \"Draft the split proposal\"",
        "text = \"Draft the split proposal, with a rollback plan\"",
    );
    let incoming = env.scratch("incoming.toml");
    fs::write(&incoming, theirs).expect("write");
    fs::rename(&incoming, env.path(MEETING_FILE)).expect("replace");
    env.run(["action", "list"])
        .success()
        .stdout_has("with a rollback plan");
    // A meeting file deleted by hand is gone from the dashboard too.
    fs::remove_file(env.path(MEETING_FILE)).expect("delete");
    env.run(["action", "list"])
        .success()
        .stdout_lacks("Draft the split");
}

#[test]
fn an_entry_added_by_hand_between_updates_is_kept() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["update", "First"]).success();
    let by_hand = env.read(NOVEMBER)
        + "\n# added in my editor\n[[entry]]\nid = \"hand01\"\ndate = 2026-11-10\nkind = \"update\"\ntext = \"By hand\"\n";
    env.write(NOVEMBER, &by_hand);
    env.run(["update", "Second"]).success();
    let text = env.read(NOVEMBER);
    assert!(text.starts_with(&by_hand), "{text}");
    let doc = env.json(["log", "--json"]);
    let texts: Vec<&str> = doc["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["text"].as_str())
        .collect();
    assert_eq!(texts, ["First", "By hand", "Second"]);
}
