//! `mentee sync`, end to end with real git: a bare repository in a temp
//! folder stands for the remote, and each `TestEnv` is a machine with its
//! own data folder and its own HOME (whose .gitconfig says who commits).

use crate::support::{Run, TestEnv, bare_remote, git, git_output, machine, mentee};
use serde_json::Value;

/// The first machine holds the sample journal and sets up syncing; the
/// second starts empty and gets it with `sync --init`.
fn two_machines() -> (TestEnv, TestEnv, String) {
    let one = machine(true);
    let remote = bare_remote(&one).to_string_lossy().into_owned();
    mentee(&one, &["sync", "--init", &remote])
        .success()
        .stdout_is_empty()
        .stderr_has("Made ")
        .stderr_has("Committed: mentee: 30 journal entries, 12 meetings, 2 planned meetings")
        .stderr_has("Pushed 1 commit to origin.");
    let two = machine(false);
    mentee(&two, &["sync", "--init", &remote])
        .success()
        .stderr_has("Checked out the journal from");
    assert_eq!(two.files(), one.files());
    (one, two, remote)
}

fn clean(env: &TestEnv) -> bool {
    git(env, &env.dir(), &["status", "--porcelain"])
        .trim()
        .is_empty()
}

fn status_of(env: &TestEnv, id: &str) -> Value {
    let list = mentee(env, &["action", "list", "--all", "--json"])
        .success()
        .json();
    crate::support::commitment(&list, id).clone()
}

#[test]
fn changes_on_two_machines_all_arrive_on_both() {
    let (one, two, remote) = two_machines();
    assert!(one.read(".gitignore").contains(".lock\n.*.mentee-tmp-*\n"));
    assert!(
        one.read(".gitattributes")
            .contains("journal/**/*.toml merge=mentee-journal")
    );

    // A third machine clones with plain git; its first sync sets it up.
    let three = machine(false);
    git(
        &three,
        &three.home(),
        &[
            "clone",
            "--quiet",
            &remote,
            three.dir().to_str().expect("UTF-8"),
        ],
    );

    // Machine one: an update and the planned meeting with Priya is held.
    mentee(
        &one,
        &[
            "update",
            "From one: the dry run of the rollback passed",
            "-m",
            "alex",
        ],
    )
    .success();
    mentee(&one, &["meet", "-m", "priya", "--on", "2026-11-22"]).success();
    // Machine two: updates in the same month, a thank-you, and a
    // commitment's status changed.
    mentee(
        &two,
        &[
            "update",
            "From two: paired with Nadia on her doc",
            "-m",
            "alex",
        ],
    )
    .success();
    mentee(
        &two,
        &[
            "thanks",
            "From two: the checklist idea saved a day",
            "-m",
            "alex",
        ],
    )
    .success();
    mentee(
        &two,
        &[
            "action",
            "done",
            "svh50y",
            "--note",
            "Diff job merged on two",
        ],
    )
    .success();
    // Machine three: one more entry in the same month.
    mentee(
        &three,
        &["update", "From three: wrote it on the train", "-m", "priya"],
    )
    .success();

    mentee(&one, &["sync"])
        .success()
        .stderr_has("Committed: mentee: 1 journal entry, 1 meeting")
        .stderr_has("Pushed 1 commit");
    mentee(&two, &["sync"])
        .success()
        .stderr_has("Committed: mentee: 2 journal entries, 1 meeting updated")
        .stderr_has("Pulled 1 ")
        .stderr_has("Pushed 1 commit");
    mentee(&three, &["sync"])
        .success()
        .stderr_has("Committed: mentee: 1 journal entry")
        .stderr_has("Pulled 2 ");
    mentee(&one, &["sync"]).success().stderr_has("Pulled 2 ");
    mentee(&two, &["sync"]).success().stderr_has("Pulled 1 ");
    mentee(&three, &["sync"])
        .success()
        .stderr_has("Already in sync with origin.");

    // Every machine has every change, in the very same files.
    assert_eq!(two.files(), one.files());
    assert_eq!(three.files(), one.files());
    for env in [&one, &two, &three] {
        assert!(clean(env), "uncommitted changes left behind");
        let log = mentee(env, &["log", "--json"]).success().json();
        let texts: Vec<&str> = log["events"]
            .as_array()
            .expect("events")
            .iter()
            .filter_map(|e| e["text"].as_str())
            .collect();
        for text in [
            "From one: the dry run of the rollback passed",
            "From two: paired with Nadia on her doc",
            "From two: the checklist idea saved a day",
            "From three: wrote it on the train",
        ] {
            assert!(texts.contains(&text), "{text:?} is missing");
        }
        assert!(
            log["events"]
                .as_array()
                .expect("events")
                .iter()
                .any(|e| e["kind"] == "meeting"
                    && e["date"] == "2026-11-22"
                    && e["mentor"] == "priya-natarajan"),
            "the meeting held on one is missing"
        );
        let done = status_of(env, "svh50y");
        assert_eq!(done["status"], "done");
        assert_eq!(
            done["history"]
                .as_array()
                .and_then(|h| h.last())
                .map(|c| c["note"].clone()),
            Some(Value::from("Diff job merged on two"))
        );
        // Every file still parses: the month file got entries from all
        // three machines, each as its own [[entry]] table.
        for args in [
            &["status", "--json"][..],
            &["mentor", "list", "--all", "--json"],
            &["summary", "-m", "alex", "--json"],
        ] {
            mentee(env, args).success();
        }
        let month = env.read("journal/2026/2026-11.toml");
        assert!(!month.contains("<<<<<<<"), "{month}");
        let parsed: toml::Table = month.parse().expect("the month file is TOML");
        assert_eq!(parsed["entry"].as_array().map(Vec::len), Some(10 + 4));
    }
    let subjects = git(&one, &one.dir(), &["log", "--format=%s"]);
    assert!(
        subjects.contains("mentee: 2 journal entries, 1 meeting updated"),
        "{subjects}"
    );
}

#[test]
fn a_real_conflict_is_undone_reported_and_loses_nothing() {
    let (one, two, _) = two_machines();
    let file = "meetings/2026/2026-11-17-alex-kim.toml";
    mentee(
        &one,
        &["action", "done", "pwpq9b", "--note", "Paired on Tuesday"],
    )
    .success();
    mentee(
        &two,
        &[
            "action",
            "drop",
            "pwpq9b",
            "--note",
            "Nadia has a mentor already",
        ],
    )
    .success();
    mentee(
        &two,
        &["update", "Written on two before the conflict", "-m", "alex"],
    )
    .success();
    mentee(&one, &["sync"]).success();
    let before = two.files();

    mentee(&two, &["sync"])
        .failure_code(1)
        .stdout_is_empty()
        .stderr_has(&format!("changed differently here and on origin: {file}"))
        .stderr_has("Nothing was lost")
        .stderr_has("pull --rebase")
        .stderr_has("rebase --continue")
        .stderr_has("4. mentee sync");
    // The pull was undone: the files are as they were, all committed, and
    // no rebase is left half done.
    assert!(clean(&two));
    assert_eq!(two.files(), before);
    assert!(!two.path(".git/rebase-merge").exists() && !two.path(".git/rebase-apply").exists());
    assert_eq!(status_of(&two, "pwpq9b")["status"], "dropped");
    mentee(&two, &["log", "--json"])
        .success()
        .stdout_has("Written on two before the conflict");
    // The other side's version is there too, fetched and untouched.
    let theirs = git(&two, &two.dir(), &["show", &format!("origin/main:{file}")]);
    assert!(theirs.contains("Paired on Tuesday"), "{theirs}");
    let ours = git(&two, &two.dir(), &["show", &format!("HEAD:{file}")]);
    assert!(ours.contains("Nadia has a mentor already"), "{ours}");

    // Following the first step of the hint leaves a rebase in progress;
    // mentee sync then refuses until it is finished.
    let pulled = git_output(&two, &two.dir(), &["pull", "--rebase"]);
    assert!(!pulled.status.success());
    mentee(&two, &["sync"])
        .failure_code(1)
        .stderr_has("has a rebase in progress")
        .stderr_has("rebase --continue");
    git(&two, &two.dir(), &["rebase", "--abort"]);
    assert!(clean(&two));
}

#[test]
fn hand_edits_to_a_journal_month_survive_a_sync() {
    let (one, two, _) = two_machines();
    let month = "journal/2026/2026-11.toml";
    mentee(
        &two,
        &["update", "From two: the diff job ran clean", "-m", "alex"],
    )
    .success();
    mentee(&two, &["sync"])
        .success()
        .stderr_has("Pushed 1 commit");
    // On machine one the person annotates an entry of the same month by
    // hand. During the pull that edit is "theirs" to the merge driver.
    let annotated = "\n# IMPORTANT: quote this in the promo case\n[[entry]]\nid = \"sjd655\"\ntags = [\"promo\"]\n";
    let before = one.read(month);
    let edited = before.replacen("\n[[entry]]\nid = \"sjd655\"\n", annotated, 1);
    assert_ne!(edited, before);
    one.write(month, &edited);

    mentee(&one, &["sync"])
        .success()
        .stderr_has("Committed: mentee: journal edited")
        .stderr_has("Pulled 1 ")
        .stderr_has("Pushed 1 commit");
    mentee(&two, &["sync"]).success().stderr_has("Pulled 1 ");
    assert_eq!(two.files(), one.files());
    for env in [&one, &two] {
        assert!(clean(env), "uncommitted changes left behind");
        let text = env.read(month);
        assert!(text.contains(annotated), "{text}");
        mentee(env, &["log", "--json"])
            .success()
            .stdout_has("From two: the diff job ran clean");
    }
}

#[test]
fn broken_goals_or_settings_are_caught_before_and_after_a_pull() {
    let (one, two, _) = two_machines();
    one.write("settings.toml", "format = 1\nsilence = [\n");
    mentee(&one, &["sync"])
        .failure_code(1)
        .stderr_has("nothing was synced")
        .stderr_has("settings.toml:");
    std::fs::remove_file(one.path("settings.toml")).expect("remove settings.toml");

    // A broken goals.toml pushed with plain git, as mentee sync would not.
    one.write("goals.toml", "format = 1\n[[goal]\n");
    git(&one, &one.dir(), &["add", "--all"]);
    git(
        &one,
        &one.dir(),
        &["commit", "--quiet", "-m", "goals by hand"],
    );
    git(&one, &one.dir(), &["push", "--quiet"]);
    let pushed = git(&one, &one.dir(), &["rev-parse", "HEAD"]);

    mentee(&two, &["update", "Written on two", "-m", "alex"]).success();
    mentee(&two, &["sync"])
        .failure_code(1)
        .stderr_has("after the pull, a file no longer reads")
        .stderr_has("goals.toml:2")
        .stderr_has("nothing was pushed");
    let remote = git(
        &one,
        &one.dir(),
        &["ls-remote", "origin", "refs/heads/main"],
    );
    assert!(remote.starts_with(pushed.trim()), "{remote}");
}

#[test]
fn sync_needs_setting_up_first() {
    let env = machine(true);
    mentee(&env, &["sync"])
        .failure_code(1)
        .stderr_has("is not synced with git yet")
        .stderr_has("hint: set it up once with: mentee sync --init REMOTE");
    mentee(
        &env,
        &[
            "sync",
            "--init",
            env.scratch("nowhere.git").to_str().expect("UTF-8"),
        ],
    )
    .failure_code(1)
    .stderr_has("cannot reach")
    .stderr_has("nothing was changed");
    assert!(!env.path(".git").exists());
}

#[test]
fn two_separate_journals_are_never_mixed() {
    let (one, _two, remote) = two_machines();
    let other = machine(false);
    other.mentor("Sam Lee", &[]);
    let before = other.files();
    mentee(&other, &["sync", "--init", &remote])
        .failure_code(1)
        .stderr_has("already holds a journal, and so does")
        .stderr_has("mentee does not merge two journals");
    assert_eq!(other.files(), before);
    assert!(
        !other.path(".git").exists(),
        "nothing is set up after a refusal"
    );
    // Running --init again on a machine already set up is harmless.
    mentee(&one, &["sync", "--init", &remote])
        .success()
        .stderr_has("Already in sync with origin.");
}

#[test]
fn a_file_that_does_not_parse_is_not_synced() {
    let (one, _two, _) = two_machines();
    let head = git(&one, &one.dir(), &["rev-parse", "HEAD"]);
    one.write("later.toml", "format = 1\n[[topic]\n");
    mentee(&one, &["sync"])
        .failure_code(1)
        .stderr_has("nothing was synced")
        .stderr_has("later.toml:2");
    assert_eq!(git(&one, &one.dir(), &["rev-parse", "HEAD"]), head);
}

#[test]
fn without_git_the_error_says_so() {
    let env = machine(true);
    let empty = env.scratch("empty-path");
    std::fs::create_dir_all(&empty).expect("mkdir");
    let mut cmd = env.command(["sync"]);
    cmd.env("PATH", &empty);
    Run::from_command(cmd, &["sync".to_string()])
        .failure_code(1)
        .stderr_has("git is not installed, or not on PATH")
        .stderr_has("hint: install git");
}

#[test]
fn the_merge_driver_works_whatever_the_settings_say() {
    let env = TestEnv::new();
    let entry = |id: &str| {
        format!(
            "\n[[entry]]\nid = \"{id}\"\ndate = 2026-11-20\nkind = \"update\"\ntext = \"{id}\"\n"
        )
    };
    let base = format!("format = 1\n{}", entry("aaaaaa"));
    let write = |name: &str, text: &str| {
        let path = env.scratch(name);
        std::fs::write(&path, text).expect("write");
        path
    };
    let paths = [
        write("base.toml", &base),
        write("ours.toml", &(base.clone() + &entry("bbbbbb"))),
        write("theirs.toml", &(base.clone() + &entry("cccccc"))),
    ];
    // git runs the driver wherever the user is; a broken setting must not
    // turn a clean merge into a conflict.
    let mut cmd = env.command(["merge-journal"]);
    cmd.args(&paths)
        .env("MENTEE_CONFIG", env.scratch("missing.toml"))
        .env("MENTEE_TODAY", "soon");
    Run::from_command(cmd, &["merge-journal".to_string()]).success();
    let merged = std::fs::read_to_string(&paths[1]).expect("read ours");
    for id in ["aaaaaa", "bbbbbb", "cccccc"] {
        assert!(merged.contains(&format!("id = \"{id}\"")), "{merged}");
    }
}
