//! Real processes against the real binary: many writers at once, writers
//! killed at random moments, a write that dies at a fixed byte, a full disk,
//! a read-only folder, odd permissions and symbolic links, and no terminal.
//!
//! Timing is never asserted except "still blocked while the lock is held",
//! which a slow machine only makes more true.

#![cfg(unix)]

use crate::support::{TestEnv, finish, tables_in};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The journal month every test writes to (the harness pins November 2026).
const JOURNAL: &str = "journal/2026/2026-11.toml";

/// What a temporary file's name contains while mentee writes it.
const TEMP_MARKER: &str = ".mentee-tmp-";

// ---- helpers ---------------------------------------------------------------

/// Starts `mentee ARGS` with an empty stdin; stderr is kept for messages.
fn spawn(env: &TestEnv, args: &[&str]) -> Child {
    env.std_command(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mentee starts")
}

/// `PROGRAM PRE_ARGS... mentee ARGS...` with the harness's environment: for
/// running mentee under `sh -c`, `setpriv` or `unshare`.
pub(crate) fn wrapped(env: &TestEnv, program: &str, pre_args: &[&str], args: &[&str]) -> Command {
    let mentee = env.std_command(args);
    let mut cmd = Command::new(program);
    cmd.env_clear();
    for (key, value) in mentee.get_envs() {
        if let Some(value) = value {
            cmd.env(key, value);
        }
    }
    cmd.args(pre_args)
        .arg(mentee.get_program())
        .args(mentee.get_args());
    cmd
}

/// `mentee ARGS` run by `sh -c "PREFIX; exec mentee ARGS"`.
pub(crate) fn through_sh(env: &TestEnv, prefix: &str, args: &[&str]) -> Command {
    let script = format!("{prefix}; exec \"$0\" \"$@\"");
    wrapped(env, "sh", &["-c", &script], args)
}

/// Runs a prepared command with an empty stdin, at most [`finish`]'s timeout.
pub(crate) fn output(mut cmd: Command) -> Output {
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    finish(child)
}

pub(crate) fn describe(out: &Output) -> String {
    format!(
        "status: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[track_caller]
pub(crate) fn succeeded(out: &Output, what: &str) {
    assert!(out.status.success(), "{what} failed\n{}", describe(out));
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The `[[entry]]` tables of the November journal, parsed with `toml`.
#[track_caller]
fn entries(env: &TestEnv) -> Vec<toml::Table> {
    env.tables(JOURNAL, "entry")
}

fn field<'a>(table: &'a toml::Table, key: &str) -> &'a str {
    table
        .get(key)
        .and_then(|v| v.as_str())
        .unwrap_or_else(|| panic!("no string {key} in {table:?}"))
}

/// `key` of every item of a JSON list.
fn strings(list: &Value, key: &str) -> Vec<String> {
    list.as_array()
        .expect("a JSON array")
        .iter()
        .map(|item| item[key].as_str().expect("a string").to_string())
        .collect()
}

/// Every file under `dir`, hidden ones included (relative path -> bytes).
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for path in walk(dir) {
        if fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
            let relative = path.strip_prefix(dir).expect("inside").to_string_lossy();
            files.insert(relative.into_owned(), fs::read(&path).expect("read"));
        }
    }
    files
}

/// Every path under `dir` (not `dir` itself), depth first, hidden included.
pub(crate) fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return paths;
    };
    let mut children: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    children.sort();
    for path in children {
        let is_dir = fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
        paths.push(path.clone());
        if is_dir {
            paths.extend(walk(&path));
        }
    }
    paths
}

/// mentee's temporary files anywhere under `dir`.
fn temp_files(dir: &Path) -> Vec<PathBuf> {
    walk(dir)
        .into_iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().contains(TEMP_MARKER))
        })
        .collect()
}

/// A hand-written journal month with `count` entries of about 250 bytes.
fn big_journal(count: usize) -> String {
    let mut text = String::from("format = 1\n");
    for n in 0..count {
        text.push_str(&format!(
            "\n[[entry]]\nid = \"h{n:05}\"\ndate = 2026-11-0{}\nkind = \"update\"\ntext = \"{n}: {}\"\n",
            1 + n % 9,
            "x".repeat(150)
        ));
    }
    text
}

/// A tiny deterministic generator (splitmix64), one stream per seed.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0xdead_beef_cafe_f00d)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

// ---- 1. parallel writers and the lock ---------------------------------------

#[test]
fn forty_writers_at_once_all_land_with_distinct_ids() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let texts: Vec<String> = (0..40).map(|n| format!("parallel update {n}")).collect();
    // Every process is started before any is waited for.
    let children: Vec<Child> = texts.iter().map(|t| spawn(&env, &["update", t])).collect();
    let mut reported = BTreeMap::new();
    for (text, child) in texts.iter().zip(children) {
        let out = finish(child);
        succeeded(&out, text);
        // "Logged the update for Alex Kim [k3f9x2]."
        let message = stderr(&out);
        let id = message
            .split_once('[')
            .and_then(|(_, rest)| rest.split_once(']'))
            .map(|(id, _)| id.to_string())
            .unwrap_or_else(|| panic!("no ID in {message:?}"));
        reported.insert(id, text.clone());
    }

    let entries = entries(&env);
    assert_eq!(entries.len(), 40, "{entries:#?}");
    let in_file: BTreeMap<String, String> = entries
        .iter()
        .map(|e| (field(e, "id").to_string(), field(e, "text").to_string()))
        .collect();
    assert_eq!(in_file.len(), 40, "two entries share an ID: {entries:#?}");
    // Each process's entry is in the file under the ID it reported.
    assert_eq!(in_file, reported);
}

/// The mixed stress test below also deletes `.lock` over and over while it
/// runs: a lock taken on a file that was then deleted must not let two
/// writers in at once.
const DELETE_THE_LOCK_WHILE_WRITING: bool = true;

#[test]
fn mixed_writers_with_meet_and_edit_lose_no_acknowledged_change() {
    let mut env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["agenda", "Where do I start?", "-m", "alex"])
        .success();
    env.run(["meet", "-m", "alex"]).success();
    let reported: Vec<String> = (0..4)
        .map(|n| {
            let out = env
                .run(["action", "add", &format!("to report {n}"), "-m", "alex"])
                .success()
                .stdout();
            out.trim().to_string()
        })
        .collect();
    env.today("2026-11-24");
    // An editor that stays open a moment, then appends its tag to the file.
    let editor = env.scratch("slow-editor");
    fs::write(
        &editor,
        "#!/bin/sh\nsleep 0.05\nprintf '# edit %s\\n' \"$1\" >> \"$2\"\n",
    )
    .expect("write the editor");
    fs::set_permissions(&editor, fs::Permissions::from_mode(0o755)).expect("chmod");

    // What each process must have left in the data if it says it succeeded.
    let mut runs: Vec<(Child, String)> = Vec::new();
    let mut start = |args: Vec<String>, must_hold: String, editor_tag: Option<usize>| {
        let mut cmd = env.std_command(&args);
        if let Some(tag) = editor_tag {
            cmd.env("EDITOR", format!("{} {tag}", editor.display()));
        }
        let child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("mentee starts");
        runs.push((child, must_hold));
    };
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let deleter = DELETE_THE_LOCK_WHILE_WRITING.then(|| {
        let (lock, stop) = (env.path(".lock"), stop.clone());
        std::thread::spawn(move || {
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let _ = fs::remove_file(&lock);
                std::thread::sleep(Duration::from_millis(2));
            }
        })
    });
    let args = |words: &[&str]| words.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    for (n, id) in reported.iter().enumerate() {
        let text = format!("mixed update {n}");
        start(args(&["update", &text]), text, None);
        let text = format!("mixed commitment {n}");
        start(args(&["action", "add", &text, "-m", "alex"]), text, None);
        let note = format!("mixed report {n}");
        start(
            args(&["action", "set", id, "in-progress", "--note", &note]),
            note,
            None,
        );
        let topic = format!("Mixed topic {n}?");
        start(
            args(&["agenda", "--later", &topic, "-m", "alex"]),
            topic,
            None,
        );
        start(args(&["edit", "mentors"]), format!("# edit {n}"), Some(n));
        if n < 2 {
            let name = format!("Mixed Mentor {n}");
            start(args(&["mentor", "add", &name]), name, None);
            start(
                args(&["meet", "-m", "alex"]),
                "2026-11-24".to_string(),
                None,
            );
        }
    }
    let outcomes: Vec<(Output, String)> = runs
        .into_iter()
        .map(|(child, must_hold)| (finish(child), must_hold))
        .collect();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    if let Some(deleter) = deleter {
        deleter.join().expect("the lock deleter ends");
    }

    let files = snapshot(&env.dir());
    let data: String = files
        .iter()
        .filter(|(name, _)| name.ends_with(".toml"))
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .collect();
    let beside: String = files
        .iter()
        .filter(|(name, _)| name.contains(".your-edit"))
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .collect();
    for (out, must_hold) in &outcomes {
        if out.status.success() {
            assert!(
                data.contains(must_hold.as_str()),
                "an acknowledged change is gone: {must_hold:?}\n{}\n{files:#?}",
                describe(out)
            );
        } else if must_hold.starts_with("# edit") {
            // An edit that met another write is kept beside the file.
            assert!(
                beside.contains(must_hold.as_str()),
                "a refused edit was not kept: {must_hold:?}\n{}",
                describe(out)
            );
        }
    }
    // The meeting held today is recorded once, and every file still reads.
    assert!(env.exists("meetings/2026/2026-11-24-alex-kim.toml"));
    assert!(!env.exists("meetings/2026/2026-11-24-alex-kim-2.toml"));
    env.run(["action", "list", "--all"]).success();
    env.run(["log"]).success();
    assert!(temp_files(&env.dir()).is_empty());
}

#[test]
fn writers_lose_nothing_while_the_lock_file_is_deleted_again_and_again() {
    // `.lock` deleted by hand or by `git clean -X` while runs wait for it:
    // a lock on the deleted file guards nothing, so a run must notice and
    // lock the new file, and no run may remove another's temporary file.
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let lock = env.path(".lock");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let deleter = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut deleted = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                if fs::remove_file(&lock).is_ok() {
                    deleted += 1;
                }
                std::thread::sleep(Duration::from_micros(200));
            }
            deleted
        })
    };
    let texts: Vec<String> = (0..40).map(|n| format!("racing update {n}")).collect();
    let children: Vec<Child> = texts.iter().map(|t| spawn(&env, &["update", t])).collect();
    let acknowledged: Vec<&String> = texts
        .iter()
        .zip(children)
        .filter_map(|(text, child)| finish(child).status.success().then_some(text))
        .collect();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let deleted = deleter.join().expect("the deleting thread");

    let in_file: BTreeSet<String> = entries(&env)
        .iter()
        .map(|e| field(e, "text").to_string())
        .collect();
    let lost: Vec<&&String> = acknowledged
        .iter()
        .filter(|text| !in_file.contains(text.as_str()))
        .collect();
    assert!(
        lost.is_empty(),
        "{} of {} acknowledged writes lost ({deleted} deletions of .lock): {lost:?}",
        lost.len(),
        acknowledged.len()
    );
    assert!(deleted > 0, "the lock file was never deleted");
    assert!(!acknowledged.is_empty(), "no write succeeded");
}

#[test]
fn a_writer_waits_for_the_lock_on_the_separate_lock_file() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["update", "before the lock"]).success();
    let lock_path = env.path(".lock");
    let inode = fs::metadata(&lock_path)
        .expect("the lock file exists")
        .ino();
    let before = snapshot(&env.dir());

    let held = File::options()
        .read(true)
        .write(true)
        .open(&lock_path)
        .expect("open the lock file");
    held.lock().expect("take the lock");
    let mut child = spawn(&env, &["update", "while the lock was held"]);
    std::thread::sleep(Duration::from_millis(300));
    if child.try_wait().expect("poll mentee").is_some() {
        let out = child.wait_with_output().expect("collect the output");
        panic!(
            "mentee did not wait for the lock on .lock\n{}",
            describe(&out)
        );
    }
    assert_eq!(
        snapshot(&env.dir()),
        before,
        "something was written while another process held the lock"
    );
    held.unlock().expect("release the lock");
    drop(held);
    succeeded(&finish(child), "the update that waited");

    let texts: Vec<String> = entries(&env)
        .iter()
        .map(|e| field(e, "text").to_string())
        .collect();
    assert_eq!(texts, ["before the lock", "while the lock was held"]);

    // More writes of every file kind: the lock file is never replaced, so a
    // lock taken on it always guards the same file.
    env.run(["action", "add", "A commitment"]).success();
    env.run(["agenda", "--later", "A topic"]).success();
    env.run(["mentor", "add", "Priya"]).success();
    let after = fs::metadata(&lock_path).expect("the lock file exists");
    assert_eq!(after.ino(), inode, ".lock was replaced by a write");
    assert_eq!(after.len(), 0, ".lock holds data");
}

#[test]
fn locks_on_data_files_do_not_stop_mentee() {
    // mentee replaces data files by renaming, so a lock on one would guard
    // nothing; it must never lock them. Hold a lock on each: writes still go
    // through (a write that waited would hit the harness's timeout).
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["update", "first"]).success();
    let journal_inode = fs::metadata(env.path(JOURNAL)).expect("journal").ino();
    let held: Vec<File> = ["mentors.toml", JOURNAL]
        .iter()
        .map(|name| {
            let file = File::open(env.path(name)).expect("open a data file");
            file.lock().expect("lock a data file");
            file
        })
        .collect();
    env.run(["update", "second"]).success();
    env.run(["mentor", "add", "Priya"]).success();
    drop(held);
    assert_ne!(
        fs::metadata(env.path(JOURNAL)).expect("journal").ino(),
        journal_inode,
        "the journal was rewritten in place, not replaced"
    );
    assert_eq!(entries(&env).len(), 2);
}

// ---- 2. killed writers -----------------------------------------------------

/// Waits for a child like [`finish`], but notices its end within a tenth of
/// a millisecond; returns how long it ran since `spawn` returned.
fn timed(mut child: Child) -> (Output, Duration) {
    let started = Instant::now();
    loop {
        if child.try_wait().expect("poll mentee").is_some() {
            let took = started.elapsed();
            return (child.wait_with_output().expect("collect the output"), took);
        }
        if started.elapsed() > crate::support::TIMEOUT {
            return (finish(child), started.elapsed());
        }
        std::thread::sleep(Duration::from_micros(100));
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Write {
    Update,
    Commitment,
    Later,
    Agenda,
    Mentor,
}

#[test]
fn writers_killed_at_random_moments_never_lose_or_corrupt_data() {
    const ITERATIONS: u64 = 300;
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    // Kills are sent at a random moment within a spread that starts at one
    // and a half times the slowest of five writes, then adapts (a kill
    // widens it, a success narrows it) so that about three runs in five are
    // killed mid-run however fast or slow writes are, or become.
    let times: Vec<Duration> = (0..5)
        .map(|n| {
            let text = format!("calibration {n}");
            let (out, took) = timed(spawn(&env, &["update", &text]));
            succeeded(&out, &text);
            took
        })
        .collect();
    let slowest = times.iter().max().copied().unwrap_or_default();
    let (floor, ceiling) = (Duration::from_millis(2), Duration::from_millis(300));
    let mut spread = (slowest * 3 / 2).clamp(floor, ceiling);
    let (mut narrowest, mut widest) = (spread, spread);

    let mut attempted: BTreeMap<String, (Write, u64)> = BTreeMap::new();
    let mut succeeded_writes: Vec<(Write, u64, String)> = Vec::new();
    for n in 0..5 {
        let text = format!("calibration {n}");
        attempted.insert(text.clone(), (Write::Update, 0));
        succeeded_writes.push((Write::Update, 0, text));
    }
    let mut killed = 0;
    // Kills that left a temporary file behind: they landed mid-write.
    let mut mid_write = 0;
    for i in 1..=ITERATIONS {
        let mut rng = Rng::new(i);
        let (kind, text) = match rng.below(20) {
            0..=10 => (Write::Update, format!("entry {i}")),
            11..=13 => (Write::Commitment, format!("commitment {i}")),
            14..=15 => (Write::Later, format!("later topic {i}")),
            16..=17 => (Write::Agenda, format!("agenda topic {i}")),
            _ => (Write::Mentor, format!("Mentor {i}")),
        };
        let args: Vec<&str> = match kind {
            Write::Update => vec!["update", &text],
            Write::Commitment => vec!["action", "add", &text, "-m", "alex"],
            Write::Later => vec!["agenda", "--later", &text, "-m", "alex"],
            Write::Agenda => vec!["agenda", &text, "-m", "alex"],
            Write::Mentor => vec!["mentor", "add", &text],
        };
        let delay = Duration::from_micros(rng.below(spread.as_micros() as u64 + 1));
        narrowest = narrowest.min(spread);
        widest = widest.max(spread);
        let temps = temp_files(&env.dir());
        let mut child = spawn(&env, &args);
        std::thread::sleep(delay);
        // Not yet waited for, so the process is there to be killed even if
        // it has just exited; its status tells which came first.
        child.kill().expect("send SIGKILL");
        let out = child.wait_with_output().expect("reap mentee");
        attempted.insert(text.clone(), (kind, i));
        match (out.status.code(), out.status.signal()) {
            (Some(0), _) => {
                succeeded_writes.push((kind, i, text));
                spread = (spread * 97 / 100).clamp(floor, ceiling);
            }
            (_, Some(9)) => {
                killed += 1;
                spread = (spread * 102 / 100).clamp(floor, ceiling);
                if temp_files(&env.dir()).iter().any(|t| !temps.contains(t)) {
                    mid_write += 1;
                }
            }
            _ => panic!(
                "mentee {args:?} neither succeeded nor was killed\n{}",
                describe(&out)
            ),
        }
    }
    let leftovers = temp_files(&env.dir()).len();

    // Every file still parses, through mentee and through `toml`.
    let log = env.json(["log", "--json"]);
    let actions = env.json(["action", "list", "--all", "--json"]);
    let mentors = env.json(["mentor", "list", "--all", "--json"]);
    let status = env.json(["status", "--json"]);
    let journal = entries(&env);
    let later = if env.exists("later.toml") {
        env.tables("later.toml", "topic")
    } else {
        Vec::new()
    };

    let journal_texts: Vec<String> = journal.iter().map(|e| field(e, "text").into()).collect();
    let logged_updates: Vec<String> = log["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["kind"] == "update")
        .map(|e| e["text"].as_str().expect("a text").to_string())
        .collect();
    let commitment_texts = strings(&actions["commitments"], "text");
    let mentor_names = strings(&mentors["mentors"], "name");
    let later_texts: Vec<String> = later.iter().map(|t| field(t, "text").into()).collect();

    // Nothing duplicated, nothing half-written: each text is one that a
    // command was given, whole, at most once.
    for (what, texts, kind) in [
        ("journal entry", &journal_texts, Write::Update),
        ("logged update", &logged_updates, Write::Update),
        ("commitment", &commitment_texts, Write::Commitment),
        ("queued topic", &later_texts, Write::Later),
    ] {
        let unique: BTreeSet<&String> = texts.iter().collect();
        assert_eq!(
            unique.len(),
            texts.len(),
            "a {what} is duplicated: {texts:#?}"
        );
        for text in texts {
            assert_eq!(
                attempted.get(text).map(|(k, _)| *k),
                Some(kind),
                "unexpected {what} {text:?}"
            );
        }
    }
    let unique: BTreeSet<&String> = mentor_names.iter().collect();
    assert_eq!(unique.len(), mentor_names.len(), "{mentor_names:#?}");
    for name in &mentor_names {
        assert!(
            name == "Alex Kim" || attempted.get(name).map(|(k, _)| *k) == Some(Write::Mentor),
            "unexpected mentor {name:?}"
        );
    }
    let mut ids: Vec<&str> = journal.iter().map(|e| field(e, "id")).collect();
    ids.extend(later.iter().map(|t| field(t, "id")));
    let commitment_ids = strings(&actions["commitments"], "id");
    ids.extend(commitment_ids.iter().map(String::as_str));
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "two records share an ID: {ids:?}");

    // Every write that reported success is there.
    for (kind, _, text) in &succeeded_writes {
        let present = match kind {
            Write::Update => journal_texts.contains(text) && logged_updates.contains(text),
            Write::Commitment => commitment_texts.contains(text),
            Write::Later => later_texts.contains(text),
            Write::Mentor => mentor_names.contains(text),
            Write::Agenda => continue,
        };
        assert!(
            present,
            "the {kind:?} {text:?} reported success but is gone"
        );
    }
    // The planned agenda is one that was written, and no older than the last
    // one that reported success (a later, killed one may have landed).
    let last_agenda = succeeded_writes
        .iter()
        .filter(|(kind, ..)| *kind == Write::Agenda)
        .map(|(_, i, _)| *i)
        .max();
    let alex = status["status"]["mentors"]
        .as_array()
        .expect("mentors")
        .iter()
        .find(|m| m["slug"] == "alex-kim")
        .expect("Alex Kim in the status");
    if let Some(last) = last_agenda {
        let topics: Vec<String> = alex["next_meeting"]["topics"]
            .as_array()
            .unwrap_or_else(|| panic!("no planned meeting: {alex:#}"))
            .iter()
            .map(|t| t.as_str().expect("a topic").to_string())
            .collect();
        assert_eq!(topics.len(), 1, "{topics:?}");
        let planned = attempted.get(&topics[0]);
        assert!(
            matches!(planned, Some((Write::Agenda, i)) if *i >= last),
            "the planned agenda {topics:?} is not the last one written (iteration {last})"
        );
    }
    let planned_files = fs::read_dir(env.path("meetings"))
        .map(|dir| {
            dir.filter(|e| {
                e.as_ref()
                    .expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .starts_with("next-")
            })
            .count()
        })
        .unwrap_or(0);
    assert!(planned_files <= 1, "{planned_files} planned meeting files");

    // The index cache (in the user's cache folder) is not data, but its
    // leftovers are worth knowing about.
    let cache_temps = walk(&env.home().join(".cache"))
        .iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().contains("tmp"))
        })
        .count();
    let updates_ok = succeeded_writes
        .iter()
        .filter(|(kind, ..)| *kind == Write::Update)
        .count();
    println!(
        "killed writers: {ITERATIONS} runs, kills sent at random within 0-{narrowest:?} \
         to 0-{widest:?} after the start (the slowest of five writes took {:?}); {killed} killed mid-run, {mid_write} of them \
         mid-write (a new temporary file was left); {} writes reported success \
         ({updates_ok} journal updates, 5 of them the calibration runs); {} journal \
         entries kept ({} from killed runs whose write had landed), {} commitments, \
         {} queued topics, {} mentors; {leftovers} temporary files left at the end; \
         {cache_temps} temporary files left in the index cache",
        slowest,
        succeeded_writes.len(),
        journal_texts.len(),
        journal_texts.len() - updates_ok,
        commitment_texts.len(),
        later_texts.len(),
        mentor_names.len(),
    );

    // Leftover temporary files go with the next write; an editor's swap file
    // and vim's write probe ("4913") in the same folder stay.
    let folder = env.path("journal/2026");
    fs::create_dir_all(&folder).expect("the journal folder");
    let by_hand = folder.join(format!(".2026-11.toml{TEMP_MARKER}0000beef"));
    fs::write(&by_hand, "[[entry]]\nid = \"half").expect("a leftover");
    let swap = folder.join(".2026-11.toml.swp");
    let probe = folder.join("4913");
    fs::write(&swap, b"vim swap \x00\x01").expect("a swap file");
    fs::write(&probe, b"").expect("a probe file");
    env.run(["update", "after the crashes"]).success();
    assert_eq!(temp_files(&env.dir()), Vec::<PathBuf>::new());
    assert_eq!(
        fs::read(&swap).expect("the swap file"),
        b"vim swap \x00\x01"
    );
    assert_eq!(fs::read(&probe).expect("the probe file"), b"");
    let texts: Vec<String> = entries(&env)
        .iter()
        .map(|e| field(e, "text").into())
        .collect();
    assert_eq!(texts.len(), journal_texts.len() + 1);
    assert_eq!(texts.last().map(String::as_str), Some("after the crashes"));
}

// ---- 3. a crash at a fixed byte ---------------------------------------------

#[test]
fn a_write_that_dies_at_a_fixed_byte_leaves_the_old_file_whole() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.write(JOURNAL, &big_journal(200));
    let original = fs::read(env.path(JOURNAL)).expect("the journal");
    // `ulimit -f` counts 512-byte blocks in POSIX sh (dash) and 1024-byte
    // ones in bash: either way the limit is at most half the old file, so
    // the new one cannot be written whole.
    let blocks = original.len() / 2048;
    assert!(
        blocks >= 4,
        "the journal is too small: {} bytes",
        original.len()
    );
    let out = output(through_sh(
        &env,
        &format!("ulimit -f {blocks}"),
        &["update", "one entry too many"],
    ));
    assert!(
        !out.status.success() && (out.status.signal() == Some(25) || out.status.code() == Some(1)),
        "the write was not stopped by the file size limit (SIGXFSZ or an error)\n{}",
        describe(&out)
    );
    assert!(
        fs::read(env.path(JOURNAL)).expect("the journal") == original,
        "the journal changed"
    );
    let temps = temp_files(&env.dir());
    println!(
        "fixed byte: limit {blocks} blocks, journal {} bytes, mentee ended with {}, left {temps:?}",
        original.len(),
        out.status
    );
    assert!(temps.len() <= 1, "more than one temporary file: {temps:?}");
    if let [temp] = temps.as_slice() {
        // The half-written copy, cut at the limit.
        let len = fs::metadata(temp).expect("the temporary file").len();
        assert!(len > 0 && len < original.len() as u64, "{len} bytes");
    } else {
        // Without the kill, the write error cleaned up already; or the kill
        // came while the journal's earlier bytes were kept for mentee undo,
        // before its temporary copy was begun.
        assert!(
            out.status.code() == Some(1) || out.status.signal() == Some(25),
            "{}",
            describe(&out)
        );
    }

    // Readers do not see the partial copy.
    let log = env.json(["log", "--json"]);
    assert_eq!(log["events"].as_array().map(Vec::len), Some(200));

    env.run(["update", "after the crash"]).success();
    assert_eq!(temp_files(&env.dir()), Vec::<PathBuf>::new());
    let texts: Vec<String> = entries(&env)
        .iter()
        .map(|e| field(e, "text").into())
        .collect();
    assert_eq!(texts.len(), 201);
    assert!(!texts.iter().any(|t| t == "one entry too many"));
    assert!(texts.iter().any(|t| t == "after the crash"));
}

// ---- 4. a full disk ---------------------------------------------------------

/// Runs inside a user and mount namespace: mounts a 64 KiB tmpfs on $MNT,
/// copies the data folder $STAGE there, fills the disk to 8 KiB of free
/// space, then tries one write, frees the space and tries again. Results go
/// to $OUT.
const FULL_DISK_SCRIPT: &str = r#"
set -u
mount -t tmpfs -o size=64k tmpfs "$MNT" || exit 97
: > "$OUT/mounted"
cp -a "$STAGE" "$MNT/data" || exit 98
dd if=/dev/zero of="$MNT/filler" bs=4096 2>/dev/null
truncate -s -8K "$MNT/filler" || exit 98
export MENTEE_DIR="$MNT/data"
"$0" update "one entry too many" > /dev/null 2> "$OUT/stderr"
echo $? > "$OUT/code"
cp -a "$MNT/data" "$OUT/after-failure" || exit 98
rm "$MNT/filler"
"$0" update "after freeing space" > /dev/null 2> "$OUT/stderr-retry"
echo $? > "$OUT/code-retry"
cp -a "$MNT/data" "$OUT/after-retry" || exit 98
"#;

#[test]
fn a_full_disk_fails_cleanly_and_changes_nothing() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.write(JOURNAL, &big_journal(60));
    let stage = env.dir();
    let before = snapshot(&stage);
    let mnt = env.scratch("tmpfs");
    let out_dir = env.scratch("out");
    fs::create_dir(&mnt).expect("a mount point");
    fs::create_dir(&out_dir).expect("an output folder");

    let mut cmd = wrapped(&env, "unshare", &["-rm", "sh", "-c", FULL_DISK_SCRIPT], &[]);
    cmd.env("MNT", &mnt)
        .env("OUT", &out_dir)
        .env("STAGE", &stage);
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let out = match child {
        Ok(child) => finish(child),
        Err(err) => {
            println!("skipped: cannot mount a tmpfs here: unshare: {err}");
            return;
        }
    };
    if !out_dir.join("mounted").exists() {
        println!(
            "skipped: cannot mount a tmpfs here: {}",
            describe(&out).replace('\n', " ")
        );
        return;
    }
    succeeded(&out, "the full-disk script");
    let read = |name: &str| fs::read_to_string(out_dir.join(name)).expect("a result file");

    let message = read("stderr");
    println!("full disk: mentee said: {message}");
    assert_eq!(read("code").trim(), "1", "{message}");
    let folder = mnt.join("data/journal/2026");
    assert!(
        message.contains("the disk is full")
            && message.contains(&format!("{}/", folder.display()))
            && message.contains("2026-11.toml"),
        "{message}"
    );
    assert!(message.contains("free some space"), "{message}");
    assert!(
        !message.contains(".mentee-tmp-"),
        "names the temporary file: {message}"
    );
    // Byte for byte as before, and no temporary file (hidden files count).
    assert!(
        snapshot(&out_dir.join("after-failure")) == before,
        "{message}"
    );

    // Once there is room again, the same write goes through.
    assert_eq!(read("code-retry").trim(), "0", "{}", read("stderr-retry"));
    let after = out_dir.join("after-retry");
    let journal = fs::read_to_string(after.join(JOURNAL)).expect("the journal");
    let texts: Vec<String> = tables_in(&journal, "entry", JOURNAL)
        .iter()
        .map(|e| field(e, "text").into())
        .collect();
    assert_eq!(texts.len(), 61);
    assert_eq!(
        texts.last().map(String::as_str),
        Some("after freeing space")
    );
    assert_eq!(temp_files(&after), Vec::<PathBuf>::new());
}

// ---- 5. a read-only folder ----------------------------------------------------

/// A user that is not root, for a test that needs permissions enforced.
const NOBODY: u32 = 65534;

#[test]
fn a_read_only_folder_refuses_writes_and_changes_nothing() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["update", "before"]).success();
    let dir = env.dir();
    // The owner of a file mentee made is the user the tests run as.
    let me = fs::metadata(dir.join(".lock"))
        .expect("the lock file")
        .uid();
    let setpriv = [
        format!("--reuid={NOBODY}"),
        format!("--regid={NOBODY}"),
        "--clear-groups".to_string(),
    ];
    let setpriv: Vec<&str> = setpriv.iter().map(String::as_str).collect();
    let as_user = |args: &[&str]| -> Command {
        if me == 0 {
            wrapped(&env, "setpriv", &setpriv, args)
        } else {
            env.std_command(args)
        }
    };

    if me == 0 {
        // Hand the data folder to nobody, and let nobody reach it.
        let top = dir.parent().expect("the test folder");
        fs::set_permissions(top, fs::Permissions::from_mode(0o711)).expect("chmod");
        std::os::unix::fs::chown(&dir, Some(NOBODY), Some(NOBODY)).expect("chown");
        for path in walk(&dir) {
            std::os::unix::fs::lchown(&path, Some(NOBODY), Some(NOBODY)).expect("chown");
        }
        let check = as_user(&["--version"]).output();
        match check {
            Ok(out) if out.status.success() => {}
            Ok(out) => {
                println!(
                    "skipped: cannot run mentee as uid {NOBODY} with setpriv: {}",
                    describe(&out).replace('\n', " ")
                );
                return;
            }
            Err(err) => {
                println!("skipped: cannot run mentee as uid {NOBODY}: setpriv: {err}");
                return;
            }
        }
    }
    let read_only = ReadOnly::make(&dir);
    // Are permissions enforced for the user mentee runs as?
    let probe = dir.join("probe");
    let enforced = if me == 0 {
        let mut cmd = Command::new("setpriv");
        cmd.args(&setpriv)
            .args(["sh", "-c", "echo > \"$1\"", "sh"])
            .arg(&probe);
        !output(cmd).status.success()
    } else {
        fs::write(&probe, "").is_err()
    };
    if !enforced {
        let _ = fs::remove_file(&probe);
        println!("skipped: a folder with mode 0500 is still writable here");
        return;
    }
    let before = snapshot(&dir);

    // Each error names the folder and the file it could not write.
    for (args, folder, name) in [
        (&["update", "refused"][..], "journal/2026", "2026-11.toml"),
        (&["mentor", "add", "Priya"], "", "mentors.toml"),
        (&["action", "add", "Refused too"], "", "actions.toml"),
        (&["agenda", "--later", "Refused topic"], "", "later.toml"),
        (&["agenda", "Refused agenda"], "", "meetings"),
    ] {
        let folder = if folder.is_empty() {
            dir.clone()
        } else {
            dir.join(folder)
        };
        let out = output(as_user(args));
        assert_eq!(out.status.code(), Some(1), "{args:?}\n{}", describe(&out));
        let message = stderr(&out);
        println!("read-only folder: mentee {args:?} said: {message}");
        assert!(
            message.contains("permission denied")
                && message.contains(&format!("{}/", folder.display()))
                && message.contains(name)
                && message.contains("check the permissions of the data folder"),
            "{args:?}: {message}"
        );
        assert!(snapshot(&dir) == before, "{args:?} changed the data folder");
    }
    // Reading still works.
    let out = output(as_user(&["log", "--json"]));
    succeeded(&out, "log in a read-only folder");
    assert!(String::from_utf8_lossy(&out.stdout).contains("before"));
    succeeded(
        &output(as_user(&["status"])),
        "status in a read-only folder",
    );
    drop(read_only);
}

/// Makes every folder of a tree read-only (0500) until dropped, so that the
/// temporary folder can be removed even when a test fails.
struct ReadOnly(Vec<PathBuf>);

impl ReadOnly {
    fn make(dir: &Path) -> ReadOnly {
        let folders: Vec<PathBuf> = std::iter::once(dir.to_path_buf())
            .chain(walk(dir).into_iter().filter(|p| p.is_dir()))
            .collect();
        for folder in folders.iter().rev() {
            fs::set_permissions(folder, fs::Permissions::from_mode(0o500)).expect("chmod 0500");
        }
        ReadOnly(folders)
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        for folder in &self.0 {
            let _ = fs::set_permissions(folder, fs::Permissions::from_mode(0o700));
        }
    }
}

// ---- 6. permissions and symbolic links ----------------------------------------

#[test]
fn folders_are_0700_and_files_0600_whatever_the_umask() {
    for umask in ["000", "022"] {
        let mut env = TestEnv::new();
        let prefix = format!("umask {umask}");
        let run = |env: &TestEnv, args: &[&str]| -> String {
            let out = output(through_sh(env, &prefix, args));
            succeeded(&out, &format!("umask {umask}; mentee {args:?}"));
            String::from_utf8_lossy(&out.stdout).trim().to_string()
        };
        run(&env, &["mentor", "add", "Alex Kim"]);
        run(&env, &["mentor", "add", "Priya"]);
        run(&env, &["agenda", "First topic", "-m", "alex"]);
        run(&env, &["meet", "-m", "alex"]);
        let id = run(&env, &["action", "add", "In the meeting", "-m", "alex"]);
        run(&env, &["action", "add", "Loose", "-m", "priya"]);
        run(&env, &["agenda", "--later", "Some day", "-m", "alex"]);
        run(
            &env,
            &["agenda", "Next topic", "-m", "alex", "--on", "2026-11-24"],
        );
        env.today("2026-11-12");
        run(&env, &["action", "done", &id]);
        run(&env, &["update", "Progress"]);
        run(&env, &["thanks", "Thanks", "-m", "priya"]);
        run(&env, &["note", "Advice", "-m", "alex"]);
        run(&env, &["mentor", "end", "priya"]);

        let mut files = 0;
        let mut folders = 0;
        for path in std::iter::once(env.dir()).chain(walk(&env.dir())) {
            let meta = fs::symlink_metadata(&path).expect("metadata");
            let mode = meta.permissions().mode() & 0o7777;
            if meta.is_dir() {
                folders += 1;
                assert_eq!(mode, 0o700, "umask {umask}: {}", path.display());
            } else {
                files += 1;
                assert_eq!(mode, 0o600, "umask {umask}: {}", path.display());
            }
        }
        // At least .lock, mentors, actions, later, the journal and two
        // meetings; the data folder, journal/, journal/2026, meetings/ and
        // meetings/2026.
        assert!(
            files >= 7 && folders >= 5,
            "umask {umask}: only {files} files and {folders} folders: {:#?}",
            walk(&env.dir())
        );

        // A data file someone made readable by all is private again after
        // mentee rewrites it.
        for (name, args) in [
            ("mentors.toml", &["mentor", "add", "Sam"][..]),
            (JOURNAL, &["update", "More progress"]),
        ] {
            let path = env.path(name);
            fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod");
            run(&env, args);
            let mode = fs::metadata(&path).expect("metadata").permissions().mode() & 0o7777;
            assert_eq!(mode, 0o600, "umask {umask}: {name}");
        }
    }
}

#[test]
fn a_data_file_that_is_a_symlink_stays_one_and_its_target_is_updated() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    // Inside the data folder: a link that leads out of it is refused (see
    // paths::a_data_file_linked_outside_the_folder_is_refused_and_its_target_untouched).
    let elsewhere = env.path("elsewhere");
    fs::create_dir(&elsewhere).expect("a folder");
    let target = elsewhere.join("mentors.toml");
    fs::rename(env.path("mentors.toml"), &target).expect("move mentors.toml");
    let link = Path::new("elsewhere/mentors.toml");
    std::os::unix::fs::symlink(link, env.path("mentors.toml")).expect("symlink");

    env.run(["mentor", "add", "Priya"]).success();
    let meta = fs::symlink_metadata(env.path("mentors.toml")).expect("metadata");
    assert!(
        meta.file_type().is_symlink(),
        "mentors.toml is no longer a link"
    );
    assert_eq!(
        fs::read_link(env.path("mentors.toml")).expect("readlink"),
        link
    );
    let text = fs::read_to_string(&target).expect("the target");
    assert!(
        text.contains("Alex Kim") && text.contains("Priya"),
        "{text}"
    );
    let mode = fs::metadata(&target)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(temp_files(&elsewhere), Vec::<PathBuf>::new());
    assert_eq!(temp_files(&env.dir()), Vec::<PathBuf>::new());
    let names = strings(&env.json(["mentor", "list", "--json"])["mentors"], "name");
    assert_eq!(names, ["Alex Kim", "Priya"]);
}

#[test]
fn a_dangling_symlink_is_refused_and_nothing_is_written() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    fs::remove_file(env.path("mentors.toml")).expect("remove");
    std::os::unix::fs::symlink("../nowhere/mentors.toml", env.path("mentors.toml"))
        .expect("symlink");
    let before = snapshot(&env.dir());

    env.run(["mentor", "add", "Priya"])
        .failure_code(1)
        .stderr_has(&format!("{}: ", env.path("mentors.toml").display()))
        .stderr_has("symbolic link to ../nowhere/mentors.toml, which does not exist");
    // Reading does not pretend the journal is empty either.
    for args in [vec!["mentor", "list"], vec!["status"]] {
        env.run(&args)
            .failure_code(1)
            .stderr_has("symbolic link to ../nowhere/mentors.toml");
    }
    assert!(snapshot(&env.dir()) == before, "the data folder changed");
    assert!(
        fs::symlink_metadata(env.path("mentors.toml"))
            .expect("the link")
            .file_type()
            .is_symlink()
    );
    assert!(
        !env.scratch("nowhere").exists(),
        "the link's folder was made"
    );
}

// ---- 7. no terminal --------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
enum Input {
    /// stdin is /dev/null.
    Null,
    /// stdin is a pipe that stays open and empty.
    OpenPipe,
}

/// Runs one command with stdin as given; it must finish (within
/// [`finish`]'s timeout) with exit code `code`. Returns stdout and stderr.
#[track_caller]
fn no_terminal(env: &TestEnv, input: Input, args: &[&str], code: i32) -> String {
    let mut cmd = env.std_command(args);
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    match input {
        Input::Null => cmd.stdin(Stdio::null()),
        Input::OpenPipe => cmd.stdin(Stdio::piped()),
    };
    let mut child = cmd.spawn().expect("mentee starts");
    // Held open, never written to, until mentee has finished.
    let pipe: Option<ChildStdin> = child.stdin.take();
    let out = finish(child);
    drop(pipe);
    assert_eq!(
        out.status.code(),
        Some(code),
        "mentee {args:?} with stdin {input:?}\n{}",
        describe(&out)
    );
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn every_command_finishes_without_a_terminal(input: Input) {
    let mut env = TestEnv::new();
    let s = env.scenario();
    let run = |args: &[&str]| no_terminal(&env, input, args, 0);
    run(&[]);
    run(&["status"]);
    run(&["status", "--json"]);
    run(&["mentor", "add", "Sam Lee", "--every", "1m"]);
    run(&["mentor", "list"]);
    run(&["mentor", "list", "--all", "--json"]);
    run(&[
        "agenda",
        "--later",
        "How do I ask for a promotion?",
        "-m",
        "alex",
    ]);
    run(&["agenda", "What next?", "-m", "alex"]);
    run(&["agenda", "-m", "alex"]);
    let meeting = run(&["meet", "-m", "alex"]);
    assert!(
        meeting.contains(&s.draft) && meeting.contains("Draft the split proposal"),
        "meet did not remind about the commitment:\n{meeting}"
    );
    run(&["note", "Keep PRs small", "-m", "alex"]);
    run(&["action", "add", "Ship it", "-m", "alex"]);
    run(&["action", "list"]);
    run(&["action", "list", "--all", "--json"]);
    run(&["action", "done", &s.draft, "--note", "sent"]);
    run(&["action", "reopen", &s.draft]);
    run(&["action", "drop", &s.read, "--note", "no time"]);
    run(&[
        "action",
        "set",
        &s.draft,
        "in-progress",
        "--note",
        "outline",
    ]);
    run(&["update", "Split the invoices module"]);
    run(&["update", "Design approved", "--win", "-m", "alex"]);
    run(&["thanks", "Your tip helped", "-m", "alex"]);
    run(&["log"]);
    run(&["log", "--json"]);
    run(&["summary", "-m", "alex"]);
    for format in ["markdown", "text", "json"] {
        run(&["summary", "-m", "alex", "--format", format]);
    }
    run(&["summary", "-m", "alex", "--json"]);
    run(&["summary", "-m", "alex", "--since", "last-meeting"]);
    run(&["mentor", "end", "sam"]);

    // A command that lacks a value a prompt would ask for fails at once and
    // names the flag (three mentors are active now: Alex, Priya, Sam ended).
    // The next day: met today, Alex would be meant without -m.
    run(&["mentor", "add", "Sam Again"]);
    env.today("2026-11-12");
    for args in [
        &["summary"][..],
        &["meet"],
        &["agenda", "Which mentor?"],
        &["thanks", "For whom?"],
        &["note", "From whom?"],
    ] {
        let message = no_terminal(&env, input, args, 1);
        assert!(message.contains("-m"), "{args:?}: {message}");
    }
}

#[test]
fn no_command_waits_for_input_when_stdin_is_dev_null() {
    every_command_finishes_without_a_terminal(Input::Null);
}

#[test]
fn no_command_waits_for_input_on_a_pipe_nobody_writes_to() {
    every_command_finishes_without_a_terminal(Input::OpenPipe);
}

// ---- 8. a reader that stops early --------------------------------------------

#[test]
fn a_reader_that_stops_early_ends_mentee_quietly() {
    let mut env = TestEnv::new();
    env.today("2026-11-22");
    env.mentor("Alex Kim", &[]);
    // Far more than a pipe holds (64 KiB), in every output form.
    env.write(JOURNAL, &big_journal(2_000));
    for args in [
        &["log"][..],
        &["log", "--json"],
        &["summary", "-m", "alex", "--since", "2026-11-01"],
        &["export"],
    ] {
        let mut child = spawn(&env, args);
        let mut stdout = child.stdout.take().expect("stdout");
        let mut first = [0u8; 100];
        std::io::Read::read_exact(&mut stdout, &mut first).expect("some output");
        // The reader goes away, as `head` or a pager would.
        drop(stdout);
        let (out, _) = timed(child);
        assert_eq!(
            out.status.code(),
            Some(0),
            "mentee {args:?}: {}",
            describe(&out)
        );
        assert!(
            stderr(&out).is_empty(),
            "mentee {args:?}: {}",
            describe(&out)
        );
    }
}

#[test]
fn output_nobody_reads_never_stops_a_write() {
    let mut env = TestEnv::new();
    env.today("2026-11-24");
    env.mentor("Alex Kim", &[]);
    env.run(["agenda", "Which service first?"]).success();
    let open = env.commit("Draft the proposal", &[]);
    // meet prints the reminder before it saves; nobody reads it, nor the
    // messages on stderr.
    let mut child = env
        .std_command(["meet"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mentee starts");
    drop(child.stdout.take());
    drop(child.stderr.take());
    let status = child.wait().expect("mentee ends");
    assert_eq!(status.code(), Some(0), "{status:?}");
    assert!(env.exists("meetings/2026/2026-11-24-alex-kim.toml"));
    env.run(["action", "done", &open]).success();
}
