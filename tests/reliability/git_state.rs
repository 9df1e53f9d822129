//! The data folder as git leaves it: a rebase stopped on a conflict, a
//! merge, the index lock of a killed git, a detached HEAD, files that are
//! not mentee's, a remote that refuses every push. Real binary, real git.
//!
//! The rule under test: nothing mentee acknowledges is lost. A write that
//! a `git rebase --abort` would throw away is refused; a sync checks every
//! precondition before it commits, and commits only mentee's own files.

#![cfg(unix)]

use crate::support::{TestEnv, bare_remote, git, git_output, machine, mentee};
use std::path::PathBuf;

const MONTH: &str = "journal/2026/2026-11.toml";

/// One machine with the sample journal, synced with a bare remote.
fn synced() -> (TestEnv, PathBuf) {
    let env = machine(true);
    let remote = bare_remote(&env);
    mentee(&env, &["sync", "--init", remote.to_str().expect("UTF-8")])
        .success()
        .stderr_has("Pushed 1 commit");
    (env, remote)
}

/// Two machines on one remote whose next `git pull --rebase` on machine
/// two stops on a conflict (the same commitment closed differently).
fn conflicting() -> (TestEnv, TestEnv) {
    let (one, remote) = synced();
    let two = machine(false);
    mentee(&two, &["sync", "--init", remote.to_str().expect("UTF-8")]).success();
    mentee(&one, &["action", "done", "pwpq9b", "--note", "Paired"]).success();
    mentee(&one, &["sync"]).success();
    mentee(&two, &["action", "drop", "pwpq9b", "--note", "Not needed"]).success();
    mentee(&two, &["update", "Written before the pull", "-m", "alex"]).success();
    mentee(&two, &["sync"])
        .failure_code(1)
        .stderr_has("changed differently");
    (one, two)
}

fn head(env: &TestEnv) -> String {
    git(env, &env.dir(), &["rev-parse", "HEAD"])
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn a_write_during_a_stopped_rebase_is_refused_not_lost() {
    let (_one, two) = conflicting();
    // Step one of sync's own hint.
    let pulled = git_output(&two, &two.dir(), &["pull", "--rebase"]);
    assert!(!pulled.status.success(), "the pull conflicts");
    assert!(two.path(".git/rebase-merge").exists());
    let dir = two.dir().display().to_string();
    let before = two.files();

    let refused = mentee(&two, &["update", "Written mid-rebase", "-m", "alex"])
        .failure_code(1)
        .stdout_is_empty()
        .stderr_has("has a rebase in progress")
        .stderr_has("nothing was written")
        .stderr_has(&format!("git -C {dir} rebase --continue"))
        .stderr_has(&format!("git -C {dir} rebase --abort"))
        .stderr_lacks("warning:");
    drop(refused);
    mentee(&two, &["action", "done", "pwpq9b"]).failure_code(1);
    assert_eq!(two.files(), before, "nothing was written");

    // Reading still works, with one warning that the journal is mid-rebase.
    let log = mentee(&two, &["decisions"]).success();
    assert_eq!(count(&log.stderr(), "warning:"), 1, "{}", log.stderr());
    log.stderr_has("has a rebase in progress")
        .stderr_has("only part");

    // Once the rebase is undone the write goes through, and stays.
    git(&two, &two.dir(), &["rebase", "--abort"]);
    mentee(&two, &["update", "Written after the abort", "-m", "alex"])
        .success()
        .stderr_lacks("warning:");
    assert!(two.read(MONTH).contains("Written after the abort"));

    // A merge stopped on the same conflict is refused the same way.
    let merged = git_output(&two, &two.dir(), &["pull", "--no-rebase"]);
    assert!(!merged.status.success(), "the merge conflicts");
    assert!(two.path(".git/MERGE_HEAD").exists());
    mentee(&two, &["update", "Written mid-merge", "-m", "alex"])
        .failure_code(1)
        .stderr_has("has a merge in progress")
        .stderr_has(&format!("git -C {dir} merge --abort"));
    git(&two, &two.dir(), &["merge", "--abort"]);
    assert!(two.read(MONTH).contains("Written after the abort"));
}

#[test]
fn a_sync_killed_mid_rebase_leaves_nothing_to_lose() {
    let (_one, two) = conflicting();
    let pulled = git_output(&two, &two.dir(), &["pull", "--rebase"]);
    assert!(!pulled.status.success(), "the pull conflicts");
    // What a git killed in the middle leaves: its index lock, and the
    // temporary files of a file merge.
    std::fs::write(two.path(".git/index.lock"), "").expect("write index.lock");
    two.write(".merge_file_a1b2c3", "half of a merge\n");
    let head_before = head(&two);
    let lock = two.path(".git/index.lock").display().to_string();

    mentee(&two, &["decisions"])
        .success()
        .stderr_has("warning:")
        .stderr_has("index.lock")
        .stderr_has("rebase in progress");
    mentee(&two, &["update", "Written after the kill", "-m", "alex"])
        .failure_code(1)
        .stderr_has("index.lock")
        .stderr_has(&format!("rm {lock}"))
        .stderr_has("rebase --abort");
    mentee(&two, &["sync"])
        .failure_code(1)
        .stderr_has(&format!("rm {lock}"))
        .stderr_lacks("Committed");
    assert_eq!(head(&two), head_before, "sync committed nothing");
    assert!(!two.read(MONTH).contains("Written after the kill"));

    // Following the hint: remove the lock, undo the rebase.
    std::fs::remove_file(two.path(".git/index.lock")).expect("remove the lock");
    git(&two, &two.dir(), &["rebase", "--abort"]);
    mentee(&two, &["update", "Written after the kill", "-m", "alex"]).success();
    assert!(two.read(MONTH).contains("Written after the kill"));
}

#[test]
fn sync_commits_only_mentees_files_and_names_the_others() {
    let (env, _remote) = synced();
    let dir = env.dir().display().to_string();
    env.write(".merge_file_a1b2c3", "left by a killed git\n");
    env.write("notes.txt", "my own notes\n");
    env.write("journal/2026/2026-3.toml", "format = 1\n");
    mentee(&env, &["update", "Synced on its own", "-m", "alex"]).success();

    let sync = mentee(&env, &["sync"])
        .success()
        .stderr_has("Committed: mentee: 1 journal entry")
        .stderr_lacks("other file")
        .stderr_has("Not synced: 3 files")
        .stderr_has(".merge_file_a1b2c3")
        .stderr_has("notes.txt")
        .stderr_has(&format!("git -C {dir} add FILE && git -C {dir} commit"))
        .stderr_has("Pushed 1 commit");
    drop(sync);
    let tracked = git(&env, &env.dir(), &["ls-files"]);
    assert!(tracked.contains(MONTH), "{tracked}");
    for unknown in [
        ".merge_file_a1b2c3",
        "notes.txt",
        "journal/2026/2026-3.toml",
    ] {
        assert!(!tracked.contains(unknown), "{unknown} was committed");
        assert!(env.exists(unknown), "{unknown} is still there");
    }
    // Something a person staged deliberately is theirs to commit.
    git(&env, &env.dir(), &["add", "notes.txt"]);
    mentee(&env, &["update", "Another one", "-m", "alex"]).success();
    mentee(&env, &["sync"])
        .success()
        .stderr_has("Committed: mentee: 1 journal entry");
    let last = git(
        &env,
        &env.dir(),
        &["show", "--name-only", "--format=", "HEAD"],
    );
    assert_eq!(last.trim(), MONTH);
}

#[test]
fn sync_on_a_detached_head_commits_nothing() {
    let (env, remote) = synced();
    git(&env, &env.dir(), &["checkout", "--quiet", "--detach"]);
    let before = head(&env);
    mentee(
        &env,
        &["update", "Written on a detached HEAD", "-m", "alex"],
    )
    .success();
    mentee(&env, &["sync"])
        .failure_code(1)
        .stderr_has("not on a branch")
        .stderr_has("nothing was committed")
        .stderr_has(&format!("git -C {} switch main", env.dir().display()))
        .stderr_lacks("Committed");
    assert_eq!(head(&env), before, "no commit was left on no branch");

    // Back on the branch, the entry is still there and is synced.
    git(&env, &env.dir(), &["switch", "--quiet", "main"]);
    mentee(&env, &["sync"])
        .success()
        .stderr_has("Committed: mentee: 1 journal entry")
        .stderr_has("Pushed 1 commit");
    let pushed = git(&env, &remote, &["show", &format!("main:{MONTH}")]);
    assert!(pushed.contains("Written on a detached HEAD"));
}

#[test]
fn a_remote_that_refuses_every_push_is_named_and_the_commits_kept() {
    let (env, remote) = synced();
    let hook = remote.join("hooks/pre-receive");
    std::fs::write(
        &hook,
        "#!/bin/sh\necho 'this journal is read-only' >&2\nexit 1\n",
    )
    .expect("write the hook");
    let mut permissions = std::fs::metadata(&hook).expect("hook").permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
    std::fs::set_permissions(&hook, permissions).expect("chmod the hook");

    mentee(&env, &["update", "Kept even if refused", "-m", "alex"]).success();
    for _ in 0..2 {
        mentee(&env, &["sync"])
            .failure_code(1)
            .stderr_has("refused the push")
            .stderr_has("this journal is read-only")
            .stderr_has("your commits are kept here")
            .stderr_lacks("the remote changed")
            .stderr_lacks("run mentee sync again (your changes");
    }
    let kept = git(&env, &env.dir(), &["show", &format!("HEAD:{MONTH}")]);
    assert!(kept.contains("Kept even if refused"));
}

#[test]
fn a_git_file_instead_of_a_folder_is_no_trouble() {
    let env = machine(true);
    env.write(".git", "gitdir: /nowhere/at/all\n");
    mentee(
        &env,
        &["update", "Written next to an odd .git", "-m", "alex"],
    )
    .success();
    mentee(&env, &["log"])
        .success()
        .stderr_lacks("warning:")
        .stdout_has("Written next to an odd .git");

    // A linked work tree stopped mid-rebase is refused like any other.
    let main = env.scratch("main-repo");
    git(
        &env,
        &env.home(),
        &["init", "--quiet", main.to_str().expect("UTF-8")],
    );
    let worktree_git = main.join(".git/worktrees/data");
    std::fs::create_dir_all(worktree_git.join("rebase-merge")).expect("mkdir");
    env.write(".git", &format!("gitdir: {}\n", worktree_git.display()));
    mentee(&env, &["update", "Written mid-rebase", "-m", "alex"])
        .failure_code(1)
        .stderr_has("has a rebase in progress");
}
