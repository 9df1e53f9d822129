//! `mentee prompt`: one short line for a shell prompt, which never waits,
//! never prints an error and never makes anything.

use crate::support::{MEETING_FILE, TestEnv};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[test]
fn the_prompt_shows_the_next_meeting_reports_due_today_and_overdue_work() {
    let mut env = TestEnv::with_sample();
    env.today("2026-11-30");
    env.run(["prompt"])
        .success()
        .stderr_is_empty()
        .stdout_is("mentee: Alex tomorrow \u{b7} 7 overdue\n");
    env.today("2026-12-01");
    env.run(["prompt"])
        .success()
        .stdout_is("mentee: Alex today \u{b7} 6 to report \u{b7} 7 overdue\n");
}

#[test]
fn nothing_pressing_prints_nothing() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.commit("Read the RFC", &["--due", "2026-11-20"]);
    env.run(["agenda", "Q?", "--on", "2026-11-20", "--at", "15:00"])
        .success();
    env.run(["prompt"])
        .success()
        .stderr_is_empty()
        .stdout_is_empty();
}

#[test]
fn a_meeting_tomorrow_shows_its_time() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["agenda", "Q?", "--on", "2026-11-11", "--at", "3pm"])
        .success();
    env.run(["prompt"])
        .success()
        .stdout_is("mentee: Alex tomorrow 15:00\n");
}

#[test]
fn a_broken_file_shows_the_marker_and_nothing_on_stderr() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.write("mentors.toml", "format = 1\n[[mentor]\nname = \"Alex\n");
    env.run(["prompt"])
        .success()
        .stderr_is_empty()
        .stdout_is("mentee: !\n");
    // A settings file in a bad state does not matter to it.
    let config = env.scratch("config.toml");
    std::fs::write(&config, "this is not = = toml").expect("write");
    env.write("mentors.toml", "format = 1\n");
    env.command(["prompt"])
        .env("MENTEE_CONFIG", &config)
        .assert()
        .success()
        .stdout("")
        .stderr("");
}

#[test]
fn a_missing_or_empty_folder_prints_nothing_and_makes_nothing() {
    let env = TestEnv::new();
    env.run(["prompt"])
        .success()
        .stderr_is_empty()
        .stdout_is_empty();
    assert!(!env.dir().exists(), "the data folder was made");
    std::fs::create_dir(env.dir()).expect("mkdir");
    env.run(["prompt"])
        .success()
        .stderr_is_empty()
        .stdout_is_empty();
    assert!(env.file_names().is_empty(), "{:?}", env.file_names());
}

/// A file where the data folder should be is not "nothing pressing": it
/// shows the marker, and is left as it was.
#[test]
fn a_file_in_place_of_the_folder_shows_the_marker() {
    let env = TestEnv::new();
    std::fs::write(env.dir(), "not a folder").expect("write");
    env.run(["prompt"])
        .success()
        .stderr_is_empty()
        .stdout_is("mentee: !\n");
    assert_eq!(
        std::fs::read_to_string(env.dir()).expect("read"),
        "not a folder"
    );
}

/// Another process holds the lock (as a command writing does): the prompt
/// does not wait for it. The lock is held far longer than the test's
/// timeout, so a prompt that waited would fail the test, however fast or
/// slow the machine.
#[test]
fn the_prompt_does_not_wait_for_the_lock() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.commit("Book the retro", &["--due", "2026-11-09"]);
    let spawned = Command::new("flock")
        .arg("--close")
        .arg(env.path(".lock"))
        .args(["sh", "-c", "echo $$; exec sleep 300"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn();
    let mut holder = match spawned {
        Ok(holder) => holder,
        Err(err) => {
            #[allow(clippy::print_stderr)] // why the test did not run
            {
                eprintln!("skipped: cannot run flock ({err})");
            }
            return;
        }
    };
    // The shell prints its process ID once flock holds the lock.
    let mut pid = String::new();
    BufReader::new(holder.stdout.take().expect("stdout"))
        .read_line(&mut pid)
        .expect("flock started its command");
    let run = env.run(["prompt"]);
    let _ = Command::new("kill").arg(pid.trim()).status();
    let _ = holder.kill();
    let _ = holder.wait();
    run.success()
        .stderr_is_empty()
        .stdout_is("mentee: 1 overdue\n");
}

/// The prompt reads no journal month: one broken by hand does not matter
/// to it (`mentee log` is where that shows).
#[test]
fn the_prompt_reads_no_journal_month() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.commit("Book the retro", &["--due", "2026-11-09"]);
    env.run(["update", "Started the retro doc"]).success();
    env.write("journal/2026/2026-11.toml", "format = 1\n[[entry]\n");
    env.run(["prompt"])
        .success()
        .stderr_is_empty()
        .stdout_is("mentee: 1 overdue\n");
    env.run(["log"]).failure_code(1);
}

/// The prompt reads a small summary of what can call for attention, kept
/// with the index, instead of every meeting; yet a change made behind
/// mentee's back is seen at once, even one that puts the file's time back.
#[test]
fn the_prompt_reads_a_summary_that_hand_edits_cannot_fool() {
    let mut env = TestEnv::new();
    env.scenario();
    env.today("2026-11-16");
    env.run(["prompt"])
        .success()
        .stdout_is("mentee: 1 overdue\n");
    let dirs = env.index_dirs();
    assert_eq!(dirs.len(), 1);
    assert!(
        dirs[0].join("pending.json").is_file(),
        "the summary is kept"
    );
    // The whole meetings' part of the index is not read: broken, it stays so.
    let shard = dirs[0].join("meetings.json");
    std::fs::write(&shard, "{ not json").expect("break it");
    env.run(["prompt"])
        .success()
        .stdout_is("mentee: 1 overdue\n");
    assert_eq!(std::fs::read_to_string(&shard).expect("read"), "{ not json");
    // Done by hand, in place, with the old time put back.
    let written = std::fs::metadata(env.path(MEETING_FILE))
        .and_then(|m| m.modified())
        .expect("mtime");
    let done = env
        .read(MEETING_FILE)
        .replace("status = \"open\"", "status = \"done\"");
    env.edit_in_place(MEETING_FILE, &done, written);
    env.run(["prompt"]).success().stdout_is_empty();
    // Reopened by hand an hour later, as far as its time says.
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let reopened = done.replace("status = \"done\"", "status = \"open\"");
    env.edit_in_place(MEETING_FILE, &reopened, an_hour_ago);
    env.run(["prompt"])
        .success()
        .stdout_is("mentee: 1 overdue\n");
    // A meeting file broken by hand shows the marker, not an old answer.
    env.write(MEETING_FILE, "format = 1\n[meeting\n");
    env.run(["prompt"])
        .success()
        .stderr_is_empty()
        .stdout_is("mentee: !\n");
}
