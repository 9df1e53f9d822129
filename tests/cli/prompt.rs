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

/// The first fenced block of `language` in docs/prompt.md, as a reader
/// would paste it.
fn documented_snippet(language: &str) -> String {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/prompt.md"))
        .expect("docs/prompt.md");
    let start = docs
        .find(&format!("```{language}\n"))
        .unwrap_or_else(|| panic!("no {language} block in docs/prompt.md"))
        + language.len()
        + 4;
    let end = start + docs[start..].find("```").expect("the block ends");
    docs[start..end].to_string()
}

/// Runs `script` with `shell` (and its arguments) as a reader's prompt
/// would run it, the test's mentee first on PATH; `None` when the shell is
/// not installed.
fn through_shell(env: &TestEnv, shell: &[&str], script: &str) -> Option<String> {
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_mentee"))
        .parent()
        .expect("the binary's folder")
        .to_path_buf();
    let mut path = std::ffi::OsString::from(bin);
    path.push(":");
    path.push(std::env::var_os("PATH").unwrap_or_default());
    let output = Command::new(shell[0])
        .args(&shell[1..])
        .arg(script)
        .env_clear()
        .envs(env.environment())
        .env("PATH", path)
        .stdin(Stdio::null())
        .output();
    match output {
        Ok(output) => {
            assert!(
                output.status.success(),
                "{shell:?} failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            Some(String::from_utf8_lossy(&output.stdout).into_owned())
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            #[allow(clippy::print_stderr)] // why a part of the test did not run
            {
                eprintln!("skipped: no {} to try its prompt snippet with", shell[0]);
            }
            None
        }
        Err(err) => panic!("{shell:?}: {err}"),
    }
}

/// The snippets of docs/prompt.md, run by the shells they are for: the
/// line shows in the prompt, and the exit status of the last command still
/// reaches what the prompt had before (bash's PROMPT_COMMAND, fish's
/// prompt). zsh and fish are tried where they are installed.
#[test]
fn the_documented_prompt_snippets_show_the_line_and_keep_the_exit_status() {
    let mut env = TestEnv::new();
    env.scenario();
    env.today("2026-11-16");
    let bash = format!(
        "PS1='$ '; PROMPT_COMMAND='__st=$?'\n{}\nfalse\neval \"$PROMPT_COMMAND\"\n\
         printf '%s\\n' \"st=$__st\" \"${{PS1@P}}\"",
        documented_snippet("bash")
    );
    let shown = through_shell(&env, &["bash", "--norc", "--noprofile", "-c"], &bash)
        .expect("bash is installed");
    assert_eq!(shown, "st=1\n[mentee: 1 overdue] $ \n");
    let zsh = format!(
        "PROMPT='> '\n{}\nfor hook in $precmd_functions; do $hook; done\nprint -rP -- \"$PROMPT\"",
        documented_snippet("zsh")
    );
    if let Some(shown) = through_shell(&env, &["zsh", "-f", "-c"], &zsh) {
        assert_eq!(shown, "[mentee: 1 overdue] > \n");
    }
    let fish = format!(
        "function fish_prompt; echo \"status $status\"; end\n{}\n\
         false; fish_prompt; true; fish_prompt",
        documented_snippet("fish")
    );
    if let Some(shown) = through_shell(&env, &["fish", "--no-config", "-i", "-c"], &fish) {
        assert_eq!(
            shown,
            "[mentee: 1 overdue] status 1\n[mentee: 1 overdue] status 0\n"
        );
    }
}
