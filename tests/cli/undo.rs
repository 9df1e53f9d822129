//! `mentee undo` and `mentee undo --list`: every writing command can be
//! taken back byte for byte, an undo can be undone (it puts the change
//! back), and a file changed since is never overwritten.

use crate::support::{Scenario, TestEnv};
use rexpect::process::WaitStatus;
use rexpect::session::spawn_command;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Every file in the data folder with its bytes and mode, except the
/// record of changes itself and the lock.
fn snapshot(env: &TestEnv) -> BTreeMap<String, (Vec<u8>, u32)> {
    fn walk(root: &Path, dir: &Path, into: &mut BTreeMap<String, (Vec<u8>, u32)>) {
        for entry in fs::read_dir(dir).into_iter().flatten() {
            let path = entry.expect("a folder entry").path();
            let relative = path
                .strip_prefix(root)
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            if relative == ".undo" || relative == ".lock" {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, into);
            } else {
                let meta = fs::metadata(&path).expect("metadata");
                #[cfg(unix)]
                let mode = std::os::unix::fs::PermissionsExt::mode(&meta.permissions()) & 0o777;
                #[cfg(not(unix))]
                let mode = 0;
                into.insert(relative, (fs::read(&path).expect("read"), mode));
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(&env.dir(), &env.dir(), &mut files);
    files
}

/// Runs `args`, then checks that `undo` puts every file back as it was
/// before and that undoing the undo puts the change back, byte for byte.
#[track_caller]
fn undoable(env: &TestEnv, args: &[&str], says: &str) {
    let before = snapshot(env);
    env.run(args).success();
    let after = snapshot(env);
    assert_ne!(before, after, "{args:?} changed nothing");
    env.run(["undo"])
        .success()
        .stderr_has(&format!("Undid: {says} ("));
    assert_eq!(snapshot(env), before, "undo of {args:?}");
    env.run(["undo"])
        .success()
        .stderr_has(&format!("Undid the undo: {says} is back"));
    assert_eq!(snapshot(env), after, "undo of the undo of {args:?}");
}

#[test]
fn every_writing_command_is_undone_byte_for_byte_and_redone() {
    let mut env = TestEnv::new();
    undoable(
        &env,
        &["mentor", "add", "Alex Kim"],
        "mentee mentor add \"Alex Kim\"",
    );
    env.run(["undo"]).success();
    let Scenario { draft, read, .. } = env.scenario();
    undoable(
        &env,
        &["mentor", "add", "Sam Lee"],
        "mentee mentor add \"Sam Lee\"",
    );
    undoable(
        &env,
        &["agenda", "--later", "Career ladder", "-m", "alex"],
        "mentee agenda --later \"Career ladder\" -m alex",
    );
    undoable(
        &env,
        &["agenda", "Ask about the promotion", "-m", "alex"],
        "mentee agenda \"Ask about the promotion\" -m alex",
    );
    // The planned meeting moves to its dated file: one created, one removed.
    env.today("2026-11-24");
    undoable(&env, &["meet", "-m", "alex"], "mentee meet -m alex");
    undoable(
        &env,
        &["action", "add", "Write the runbook", "-m", "alex"],
        "mentee action add \"Write the runbook\" -m alex",
    );
    undoable(
        &env,
        &["action", "done", &draft],
        &format!("mentee action done {draft}"),
    );
    undoable(
        &env,
        &["action", "set", &read, "in-progress", "--note", "outline"],
        &format!("mentee action set {read} in-progress --note outline"),
    );
    // A new month: the journal file is created, and removed again.
    env.today("2026-12-01");
    undoable(
        &env,
        &["update", "Shipped it", "-m", "alex"],
        "mentee update \"Shipped it\" -m alex",
    );
    env.run(["update", "Shipped it", "-m", "alex"]).success();
    undoable(
        &env,
        &["thanks", "Thank you", "-m", "alex"],
        "mentee thanks \"Thank you\" -m alex",
    );
    undoable(
        &env,
        &["note", "Talk to Sam", "-m", "alex"],
        "mentee note \"Talk to Sam\" -m alex",
    );
    undoable(
        &env,
        &["decide", "Take the role", "--why", "growth", "-m", "alex"],
        "mentee decide \"Take the role\" --why growth -m alex",
    );
    let goal = env
        .run([
            "goal",
            "add",
            "Lead a design",
            "--by",
            "2027-03-31",
            "-m",
            "alex",
        ])
        .success()
        .stdout()
        .trim()
        .to_string();
    undoable(
        &env,
        &["goal", "rate", &goal, "3"],
        &format!("mentee goal rate {goal} 3"),
    );
    let advice = env
        .run(["advice", "Escalate with a date", "-m", "alex"])
        .success()
        .stdout()
        .trim()
        .to_string();
    undoable(
        &env,
        &["outcome", &advice, "It worked"],
        &format!("mentee outcome {advice} \"It worked\""),
    );
    undoable(
        &env,
        &["nudge", "off", "quiet", "-m", "alex"],
        "mentee nudge off quiet -m alex",
    );
    undoable(
        &env,
        &["goal", "add", "Give a talk", "--by", "2027-06-30"],
        "mentee goal add \"Give a talk\" --by 2027-06-30",
    );
    undoable(
        &env,
        &["advice", "Write it down", "-m", "priya"],
        "mentee advice \"Write it down\" -m priya",
    );

    // The corrections, and a removal.
    undoable(
        &env,
        &[
            "action",
            "set",
            &read,
            "--due",
            "2027-01-15",
            "--text",
            "Read the book",
        ],
        &format!("mentee action set {read} --due 2027-01-15 --text \"Read the book\""),
    );
    undoable(
        &env,
        &["goal", "set", &goal, "--by", "2027-04-30"],
        &format!("mentee goal set {goal} --by 2027-04-30"),
    );
    undoable(
        &env,
        &["mentor", "set", "alex", "--every", "3w"],
        "mentee mentor set alex --every 3w",
    );
    undoable(
        &env,
        &[
            "entry",
            "set",
            &advice,
            "--text",
            "Escalate with a date, in writing",
        ],
        &format!("mentee entry set {advice} --text \"Escalate with a date, in writing\""),
    );
    undoable(
        &env,
        &["rm", &advice, "--yes"],
        &format!("mentee rm {advice} --yes"),
    );
    undoable(
        &env,
        &["mentor", "end", "sam", "--on", "2026-12-01"],
        "mentee mentor end sam --on 2026-12-01",
    );

    // mentee edit, with an editor that appends a comment.
    let editor = env.scratch("editor");
    fs::write(&editor, "#!/bin/sh\nprintf '# by hand\\n' >> \"$1\"\n").expect("write");
    #[cfg(unix)]
    fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("chmod");
    let before = snapshot(&env);
    let mut edit = env.command(["edit", "mentors"]);
    edit.env("EDITOR", &editor).assert().success();
    assert!(env.read("mentors.toml").ends_with("# by hand\n"));
    env.run(["undo"])
        .success()
        .stderr_has("Undid: mentee edit mentors (1 file)");
    assert_eq!(snapshot(&env), before);
}

#[test]
fn import_is_undone_to_an_empty_folder() {
    let mut env = TestEnv::new();
    env.scenario();
    let export = env.scratch("journal.json");
    env.run([
        "export",
        "--format",
        "json",
        "-o",
        export.to_str().expect("UTF-8"),
    ])
    .success();
    let fresh = TestEnv::new();
    fresh
        .run(["import", export.to_str().expect("UTF-8")])
        .success();
    assert!(!snapshot(&fresh).is_empty());
    fresh
        .run(["undo"])
        .success()
        .stderr_has("Undid: mentee import ");
    assert_eq!(snapshot(&fresh), BTreeMap::new());
    // The folder is empty again, so the import can run once more.
    fresh
        .run(["import", export.to_str().expect("UTF-8")])
        .success();
}

#[test]
fn the_interactive_meeting_is_undone() {
    let mut env = TestEnv::new();
    env.scenario();
    env.today("2026-11-24");
    let before = snapshot(&env);
    let mut session = spawn_command(env.std_command(["meet", "-m", "alex"]), Some(20_000))
        .expect("mentee meet starts in a terminal");
    for _ in 0..2 {
        // Keys only once the prompt is drawn (raw mode is on by then).
        session.exp_string("skip for now").expect("a prompt");
        session.send("\r").expect("done");
        session.flush().expect("flush");
        session
            .exp_string("Note (optional)")
            .expect("the note prompt");
        session.send("\r").expect("no note");
        session.flush().expect("flush");
    }
    let rest = session.exp_eof().expect("mentee meet ends");
    match session.process().wait().expect("the exit status") {
        WaitStatus::Exited(_, 0) => {}
        other => panic!("mentee meet ended with {other:?}:\n{rest}"),
    }
    assert_ne!(snapshot(&env), before);
    env.run(["undo"])
        .success()
        .stderr_has("Undid: mentee meet -m alex (");
    assert_eq!(snapshot(&env), before);
}

#[test]
fn a_file_changed_since_is_named_and_nothing_is_undone() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.commit("Write the runbook", &[]);
    let path = env.path("actions.toml");
    let edited = env.read("actions.toml") + "# mine\n";
    fs::write(&path, &edited).expect("hand edit");
    let before = snapshot(&env);
    env.run(["undo"])
        .failure_code(1)
        .stderr_has("actions.toml changed after mentee action add \"Write the runbook\" wrote it")
        .stderr_has("nothing was undone");
    assert_eq!(snapshot(&env), before);

    // A command that touched two files (the meeting moved from its planned
    // file to its dated one): one changed since, and neither is undone.
    env.run(["agenda", "Ask about the promotion"]).success();
    let planned = env.read("meetings/next-alex-kim.toml");
    env.run(["meet"]).success();
    env.write("meetings/next-alex-kim.toml", &planned);
    let before = snapshot(&env);
    env.run(["undo"])
        .failure_code(1)
        .stderr_has("meetings/next-alex-kim.toml changed after mentee meet wrote it");
    assert_eq!(snapshot(&env), before);
}

#[test]
fn after_a_sync_brought_changes_undo_refuses_for_the_files_it_changed() {
    // What git writes is not recorded: the file no longer holds what the
    // command left, exactly as after a hand edit.
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["update", "Shipped it"]).success();
    let month = "journal/2026/2026-11.toml";
    let pulled = env.read(month)
        + "\n[[entry]]\nid = \"pull01\"\ndate = 2026-11-10\nkind = \"update\"\ntext = \"from the laptop\"\n";
    fs::write(env.path(month), &pulled).expect("as a pull would");
    env.run(["undo"])
        .failure_code(1)
        .stderr_has(&format!("{month} changed after mentee update"));
    assert_eq!(env.read(month), pulled);
}

#[test]
fn nothing_to_undo_is_said_plainly() {
    let env = TestEnv::new();
    env.run(["undo"])
        .failure_code(1)
        .stderr_has("nothing to undo")
        .stderr_has("mentee undo --list");
    assert!(!env.dir().exists(), "undo created the data folder");
    env.run(["undo", "--list"])
        .success()
        .stdout_is_empty()
        .stderr_has("No changes recorded yet");
    // A command that reads only records nothing.
    env.mentor("Alex Kim", &[]);
    env.run(["status"]).success();
    env.run(["action", "list"]).success();
    env.run(["undo"])
        .success()
        .stderr_has("Undid: mentee mentor add \"Alex Kim\"");
}

#[test]
fn the_list_shows_each_change_newest_first_with_its_files() {
    let mut env = TestEnv::new();
    env.today("2027-01-28");
    env.mentor("Alex Kim", &[]);
    env.commit("Write the runbook", &[]);
    env.run(["update", "Shipped it"]).success();
    env.run(["undo"]).success();
    let list = env.run(["undo", "--list"]).success().stdout();
    let lines: Vec<&str> = list.lines().collect();
    let expected = [
        "mentee undo (took back mentee update \"Shipped it\")  <- mentee undo reverts this",
        "    removed  journal/2027/2027-01.toml",
        "mentee update \"Shipped it\"",
        "    created  journal/2027/2027-01.toml",
        "mentee action add \"Write the runbook\"",
        "    created  actions.toml",
        "mentee mentor add \"Alex Kim\"",
        "    created  mentors.toml",
    ];
    assert_eq!(lines.len(), expected.len(), "{list}");
    for (line, expected) in lines.iter().zip(expected) {
        if expected.starts_with("mentee") {
            assert!(line.starts_with("2027-01-28 "), "{line}");
            assert_eq!(&line[18..], expected, "{list}");
        } else {
            assert_eq!(*line, expected, "{list}");
        }
    }
}

#[test]
fn the_last_hundred_changes_are_kept_and_listed() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    for n in 1..=104 {
        env.run(["update", &format!("step {n}")]).success();
    }
    let list = env.run(["undo", "--list"]).success().stdout();
    let changes: Vec<&str> = list.lines().filter(|l| !l.starts_with(' ')).collect();
    assert_eq!(changes.len(), 100, "{list}");
    assert!(
        changes[0].contains("mentee update \"step 104\""),
        "{}",
        changes[0]
    );
    assert!(
        changes[99].contains("mentee update \"step 5\""),
        "{}",
        changes[99]
    );
    let kept = fs::read_dir(env.path(".undo")).expect("the record").count();
    assert_eq!(kept, 100);
}

#[test]
fn the_record_is_private_and_ignored_by_git() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.commit("Write the runbook", &[]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| fs::metadata(path).expect("meta").permissions().mode() & 0o777;
        let record = env.path(".undo");
        assert_eq!(mode(&record), 0o700);
        for op in fs::read_dir(&record).expect("operations") {
            let op = op.expect("entry").path();
            assert_eq!(mode(&op), 0o700, "{}", op.display());
            for file in fs::read_dir(&op).expect("files") {
                let file = file.expect("entry").path();
                assert_eq!(mode(&file), 0o600, "{}", file.display());
            }
        }
    }
    // Sync writes the .gitignore that keeps it out of git.
    fs::write(
        env.home().join(".gitconfig"),
        "[user]\n\tname = Sam\n\temail = sam@example.com\n[init]\n\tdefaultBranch = main\n",
    )
    .expect("write .gitconfig");
    let bare = env.scratch("remote.git");
    let git = |args: &[&str], dir: &Path| {
        let ok = std::process::Command::new("git")
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .args(args)
            .current_dir(dir)
            .env("HOME", env.home())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .expect("git runs");
        assert!(
            ok.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&ok.stderr)
        );
        String::from_utf8_lossy(&ok.stdout).into_owned()
    };
    git(
        &["init", "-q", "--bare", bare.to_str().expect("UTF-8")],
        &env.home(),
    );
    let mut init = env.command(["sync", "--init", bare.to_str().expect("UTF-8")]);
    init.env("GIT_CONFIG_NOSYSTEM", "1").assert().success();
    assert!(env.read(".gitignore").lines().any(|l| l == "/.undo/"));
    let ignored = git(&["status", "--porcelain", "--ignored"], &env.dir());
    assert!(ignored.contains("!! .undo/"), "{ignored}");
    let tracked = git(&["ls-files"], &env.dir());
    assert!(!tracked.contains(".undo"), "{tracked}");
    // The sync itself is not a change to undo.
    env.run(["undo"])
        .success()
        .stderr_has("Undid: mentee action add \"Write the runbook\"");
}

#[test]
fn a_command_killed_before_its_record_was_closed_can_still_be_undone() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let before = snapshot(&env);
    env.run(["update", "Shipped it"]).success();
    // What a crash after the write leaves: the record without its last line.
    let record = env.path(".undo");
    let newest = fs::read_dir(&record)
        .expect("the record")
        .map(|entry| entry.expect("entry").path())
        .max()
        .expect("an operation");
    let log = newest.join("log");
    let text = fs::read_to_string(&log).expect("the log");
    let cut: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("{\"end\""))
        .collect();
    assert_eq!(cut.len() + 1, text.lines().count(), "{text}");
    fs::write(&log, cut.join("\n") + "\n").expect("cut the log");
    env.run(["undo", "--list"])
        .success()
        .stdout_has("mentee update \"Shipped it\"  (interrupted)");
    env.run(["undo"])
        .success()
        .stderr_has("Undid: mentee update \"Shipped it\" (1 file)");
    assert_eq!(snapshot(&env), before);
}
