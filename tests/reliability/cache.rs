//! The index cache gets the same care as the data: it holds meeting topics
//! and commitments. Its folders and files are private whatever the umask;
//! nothing planted in it (a shard, a record in the wrong shard, a link at a
//! temporary name, a sync tool's conflicted copy) is ever shown or written
//! into a data file; a cache folder others could write, or of another user,
//! is not believed.

#![cfg(unix)]

use crate::processes::{describe, output, succeeded, through_sh, walk, wrapped};
use crate::support::{MEETING_FILE, TestEnv};
use serde_json::Value;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// A user that is not the one running the tests.
const NOBODY: u32 = 65534;

/// What a planted record says, and must never be seen.
const INVENTED: &str = "Invented commitment";

/// mentee's folder in the cache (`$HOME/.cache/mentee`).
fn cache(env: &TestEnv) -> PathBuf {
    env.home().join(".cache/mentee")
}

/// The one index folder of the test's data folder.
#[track_caller]
fn index_dir(env: &TestEnv) -> PathBuf {
    let dirs: Vec<PathBuf> = fs::read_dir(cache(env))
        .expect("the cache folder")
        .map(|e| e.expect("an entry").path())
        .collect();
    assert_eq!(dirs.len(), 1, "{dirs:?}");
    dirs[0].clone()
}

fn mode(path: &Path) -> u32 {
    fs::symlink_metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o7777
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).expect("a shard")).expect("JSON")
}

/// The scenario, with the index built by a reading command.
fn with_index() -> (TestEnv, crate::support::Scenario) {
    let mut env = TestEnv::new();
    let scenario = env.scenario();
    env.run(["status"]).success();
    (env, scenario)
}

/// The record of the held meeting in the meetings shard, turned into a lie:
/// another meeting ID, and the draft commitment renamed and given the ID
/// `zzz999`. Its stamp is the real file's, so it looks fresh.
fn invented_record(env: &TestEnv) -> Value {
    let shard = read_json(&index_dir(env).join("meetings.json"));
    let mut record = shard["files"][MEETING_FILE].clone();
    let meeting = &mut record["meeting"];
    assert!(meeting.is_object(), "no cached meeting: {shard}");
    meeting["id"] = "zzz000".into();
    meeting["actions"][0]["id"] = "zzz999".into();
    meeting["actions"][0]["text"] = INVENTED.into();
    record
}

/// The meetings shard with the held meeting's record replaced by a lie
/// (same meeting ID, so it stands in for the real one).
fn lying_meetings_shard(env: &TestEnv) -> Value {
    let mut shard = read_json(&index_dir(env).join("meetings.json"));
    let mut record = invented_record(env);
    record["meeting"]["id"] = shard["files"][MEETING_FILE]["meeting"]["id"].clone();
    shard["files"][MEETING_FILE] = record;
    shard
}

/// Every command that shows commitments, none of which may show a lie.
#[track_caller]
fn nothing_invented_is_shown(env: &TestEnv) {
    nothing_invented_is_shown_by(|args| env.run(args).success().stdout());
}

#[track_caller]
fn nothing_invented_is_shown_by(run: impl Fn(&[&str]) -> String) {
    for args in [
        &["status"][..],
        &["action", "list", "--all", "--json"],
        &["agenda", "-m", "alex"],
        &["summary", "-m", "alex", "--json"],
    ] {
        let stdout = run(args);
        assert!(
            !stdout.contains(INVENTED),
            "mentee {args:?} showed: {stdout}"
        );
    }
}

#[test]
fn cache_folders_are_0700_and_files_0600_whatever_the_umask() {
    for umask in ["000", "022"] {
        let mut env = TestEnv::new();
        let prefix = format!("umask {umask}");
        let run = |env: &TestEnv, args: &[&str]| {
            let out = output(through_sh(env, &prefix, args));
            succeeded(&out, &format!("umask {umask}; mentee {args:?}"));
        };
        run(&env, &["mentor", "add", "Alex Kim"]);
        run(&env, &["agenda", "A topic?", "-m", "alex"]);
        run(&env, &["meet", "-m", "alex"]);
        run(&env, &["action", "add", "Something", "-m", "alex"]);
        run(&env, &["update", "Progress"]);
        env.today("2027-01-05");
        run(&env, &["update", "Next year"]);
        run(&env, &["status"]);

        // The cache folder itself did not exist: mentee made every folder.
        let top = env.home().join(".cache");
        let (mut files, mut folders) = (0, 0);
        for path in std::iter::once(top.clone()).chain(walk(&top)) {
            let meta = fs::symlink_metadata(&path).expect("metadata");
            if meta.is_dir() {
                folders += 1;
                assert_eq!(mode(&path), 0o700, "umask {umask}: {}", path.display());
            } else {
                files += 1;
                assert_eq!(mode(&path), 0o600, "umask {umask}: {}", path.display());
            }
        }
        // .cache, mentee, the index folder; meetings, root and two years.
        assert!(
            folders == 3 && files >= 4,
            "umask {umask}: {folders} folders, {files} files: {:#?}",
            walk(&top)
        );
    }
}

#[test]
fn a_planted_shard_or_a_record_in_the_wrong_shard_is_not_believed() {
    let (env, scenario) = with_index();
    let dir = index_dir(&env);
    let record = invented_record(&env);
    // A record for the real meeting file, kept in the shard of the files at
    // the top of the data folder...
    let root = dir.join("root.json");
    let mut shard = read_json(&root);
    shard["files"][MEETING_FILE] = record.clone();
    fs::write(&root, shard.to_string()).expect("plant the record");
    // ...and a shard of a name mentee never writes.
    let mut planted = shard.clone();
    let mut other = record;
    other["meeting"]["id"] = "zzz001".into();
    planted["files"] = serde_json::json!({ MEETING_FILE: other });
    fs::write(dir.join("planted.json"), planted.to_string()).expect("plant a shard");

    nothing_invented_is_shown(&env);
    let before = env.read(MEETING_FILE);
    // The invented commitment cannot be completed: it does not exist...
    let refused = env.run(["action", "done", "zzz999"]);
    assert_ne!(refused.code(), Some(0), "{}", refused.stderr());
    assert_eq!(env.read(MEETING_FILE), before);
    // ...and a real write keeps the real file's own records.
    env.run(["action", "done", &scenario.draft]).success();
    let after = env.read(MEETING_FILE);
    assert!(!after.contains(INVENTED), "{after}");
    assert!(after.contains("Draft the split proposal"), "{after}");
    assert!(after.contains(&scenario.meeting), "{after}");
    nothing_invented_is_shown(&env);
}

#[test]
fn a_lie_in_a_private_shard_is_never_written_into_the_data() {
    let (env, scenario) = with_index();
    let shard = index_dir(&env).join("meetings.json");
    // The user's own private file, the right shard, the real file's stamp:
    // nothing tells it from the truth but the file itself.
    fs::write(&shard, lying_meetings_shard(&env).to_string()).expect("plant");
    let before = env.read(MEETING_FILE);
    env.run(["action", "done", "zzz999"])
        .failure_code(1)
        .stderr_has("run the command again");
    assert_eq!(env.read(MEETING_FILE), before);
    // The lie is forgotten: the next run reads the file.
    nothing_invented_is_shown(&env);
    env.run(["action", "done", &scenario.draft]).success();
    let after = env.read(MEETING_FILE);
    assert!(!after.contains(INVENTED), "{after}");
    assert!(after.contains("Draft the split proposal"), "{after}");
}

#[test]
fn a_link_planted_at_a_temporary_name_is_not_followed() {
    let (env, scenario) = with_index();
    let dir = index_dir(&env);
    let victim = env.scratch("victim");
    fs::write(&victim, "precious\n").expect("a file to protect");
    // The names temporary shard files once had: `.SHARD.PID.tmp`; `exec`
    // keeps the shell's PID for mentee.
    let mut plant = String::new();
    for shard in ["meetings", "root", "journal-2026"] {
        plant += &format!(
            "ln -s '{}' '{}/.{shard}.'$$'.tmp'; ",
            victim.display(),
            dir.display()
        );
    }
    plant += "true";
    for args in [
        &["update", "Progress"][..],
        &["action", "done", &scenario.draft],
        &["mentor", "add", "Sam"],
    ] {
        let out = output(through_sh(&env, &plant, args));
        succeeded(&out, &format!("mentee {args:?} with links planted"));
    }
    assert_eq!(fs::read_to_string(&victim).expect("victim"), "precious\n");
    assert!(fs::symlink_metadata(&victim).expect("victim").is_file());
    for shard in ["meetings", "root", "journal-2026"] {
        let path = dir.join(format!("{shard}.json"));
        let meta = fs::symlink_metadata(&path).expect("the shard was saved");
        assert!(meta.is_file(), "{} is not a plain file", path.display());
    }
    nothing_invented_is_shown(&env);
}

#[test]
fn a_conflicted_copy_or_junk_in_the_index_folder_is_ignored() {
    let (env, scenario) = with_index();
    let before: Vec<String> = ["status", "agenda"]
        .into_iter()
        .map(|c| env.run([c]).success().stdout())
        .collect();
    let dir = index_dir(&env);
    fs::copy(
        dir.join("meetings.json"),
        dir.join("meetings (conflicted copy).json"),
    )
    .expect("a conflicted copy");
    fs::write(dir.join("junk.json"), "{ not json").expect("junk");
    fs::write(dir.join("x (conflicted copy).json"), "[]").expect("junk");
    let after: Vec<String> = ["status", "agenda"]
        .into_iter()
        .map(|c| env.run([c]).success().stdout())
        .collect();
    assert_eq!(after, before);
    env.run(["action", "list", "--all"])
        .success()
        .stdout_has("Draft the split proposal");
    env.run(["action", "done", &scenario.draft]).success();
    env.run(["agenda", "Next question?", "-m", "alex"])
        .success();
    env.run(["meet", "-m", "alex"]).success();
}

#[test]
fn a_cache_folder_or_shard_others_can_write_is_not_believed() {
    // The index folder, then mentee's cache folder, then only the shard.
    for open in ["index", "cache", "shard"] {
        let (env, _) = with_index();
        let dir = index_dir(&env);
        let shard = dir.join("meetings.json");
        fs::write(&shard, lying_meetings_shard(&env).to_string()).expect("plant");
        let opened = match open {
            "index" => dir.clone(),
            "cache" => cache(&env),
            _ => shard.clone(),
        };
        fs::set_permissions(&opened, fs::Permissions::from_mode(0o777)).expect("chmod");
        if open == "cache" {
            // Others could have put their own index folder there.
            let me = fs::metadata(&dir).expect("index folder").uid();
            if me != 0 {
                eprintln!("skipped: changing an owner needs root (open {open})");
                continue;
            }
            std::os::unix::fs::chown(&dir, Some(NOBODY), Some(NOBODY)).expect("chown");
        } else {
            // Written by someone else, as far as the file's owner says.
            if fs::metadata(&dir).expect("index folder").uid() == 0 {
                std::os::unix::fs::lchown(&shard, Some(NOBODY), Some(NOBODY)).expect("chown");
            }
        }
        nothing_invented_is_shown(&env);
        // Private again, where it is mentee's own.
        assert_eq!(mode(&cache(&env)), 0o700, "open {open}");
        if open != "cache" {
            assert_eq!(mode(&dir), 0o700, "open {open}");
            for entry in fs::read_dir(&dir).expect("the index folder") {
                let path = entry.expect("an entry").path();
                assert_eq!(mode(&path), 0o600, "open {open}: {}", path.display());
            }
        }
    }
}

#[test]
fn a_cache_folder_of_another_user_is_not_used_at_all() {
    let mut env = TestEnv::new();
    env.scenario();
    // mentee runs as uid NOBODY, who owns the data folder and the home.
    if fs::metadata(env.path(MEETING_FILE)).expect("a file").uid() != 0 {
        eprintln!("skipped: handing the data folder to uid {NOBODY} needs root");
        return;
    }
    let top = env.home().parent().expect("the test folder").to_path_buf();
    fs::set_permissions(&top, fs::Permissions::from_mode(0o711)).expect("chmod");
    hand_over(&env.dir(), NOBODY);
    hand_over(&env.home(), NOBODY);
    let ids = [format!("--reuid={NOBODY}"), format!("--regid={NOBODY}")];
    let as_nobody = |args: &[&str]| {
        output(wrapped(
            &env,
            "setpriv",
            &[&ids[0], &ids[1], "--clear-groups"],
            args,
        ))
    };
    let probe = as_nobody(&["status"]);
    if !probe.status.success() {
        eprintln!(
            "skipped: cannot run mentee as uid {NOBODY} with setpriv: {}",
            describe(&probe).replace('\n', " ")
        );
        return;
    }
    // The index NOBODY built, made to lie, then handed to another user
    // (the one running the tests), readable by all as a umask would leave it.
    let shard = index_dir(&env).join("meetings.json");
    let lie = lying_meetings_shard(&env).to_string();
    fs::write(&shard, &lie).expect("plant");
    let me = fs::metadata(&top).expect("the test folder").uid();
    hand_over(&cache(&env), me);
    for path in std::iter::once(cache(&env)).chain(walk(&cache(&env))) {
        let mode = if path.is_dir() { 0o755 } else { 0o644 };
        fs::set_permissions(&path, fs::Permissions::from_mode(mode)).expect("chmod");
    }
    let listing = |dir: &Path| -> Vec<(PathBuf, Vec<u8>)> {
        walk(dir)
            .into_iter()
            .map(|p| (p.clone(), fs::read(&p).unwrap_or_default()))
            .collect()
    };
    let before = listing(&cache(&env));

    nothing_invented_is_shown_by(|args| {
        let out = as_nobody(args);
        succeeded(&out, &format!("mentee {args:?} as uid {NOBODY}"));
        String::from_utf8_lossy(&out.stdout).into_owned()
    });
    succeeded(&as_nobody(&["update", "Progress"]), "update");
    // Not used: nothing in it changed.
    assert_eq!(listing(&cache(&env)), before);
    assert_eq!(fs::read_to_string(&shard).expect("shard"), lie);
}

/// Makes `uid` the owner of `dir` and everything in it.
fn hand_over(dir: &Path, uid: u32) {
    for path in std::iter::once(dir.to_path_buf()).chain(walk(dir)) {
        std::os::unix::fs::lchown(&path, Some(uid), Some(uid)).expect("chown");
    }
}
