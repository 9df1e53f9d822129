//! Paths that are not what they seem: symbolic links that lead out of the
//! data folder (as a sync remote can commit them), file names that are not
//! UTF-8, and output files named without a folder.

#![cfg(unix)]

use crate::support::{TestEnv, bare_remote, git, machine, mentee};
use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};

/// Every file under `dir`, hidden ones and links' targets included.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return files;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let meta = fs::symlink_metadata(&path).expect("metadata");
        if meta.is_dir() {
            files.extend(snapshot(&path));
        } else if meta.is_file() {
            files.insert(path.clone(), fs::read(&path).expect("read"));
        }
    }
    files
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

/// A folder next to the data folder, with one file readable by all, as a
/// file of another program would be.
fn outside(env: &TestEnv, name: &str, text: &str) -> PathBuf {
    let dir = env.scratch("outside");
    fs::create_dir_all(&dir).expect("a folder");
    let file = dir.join(name);
    fs::write(&file, text).expect("write");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).expect("chmod");
    file
}

// ---- links out of the data folder -------------------------------------------

#[test]
fn a_data_file_linked_outside_the_folder_is_refused_and_its_target_untouched() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let target = outside(&env, "config.toml", "# another program's settings\n");
    symlink("../outside/config.toml", env.path("settings.toml")).expect("symlink");
    let before = snapshot(&env.dir());

    env.run(["nudge", "off", "quiet"])
        .failure_code(1)
        .stderr_has(&env.path("settings.toml").display().to_string())
        .stderr_has("outside the data folder")
        .stderr_has("hint: ");
    assert_eq!(
        fs::read_to_string(&target).expect("the target"),
        "# another program's settings\n"
    );
    assert_eq!(mode(&target), 0o644, "the target was made private");
    assert_eq!(
        snapshot(&env.scratch("outside")).len(),
        1,
        "a file was added"
    );
    assert!(snapshot(&env.dir()) == before, "the data folder changed");
}

#[test]
fn a_data_folder_linked_outside_is_refused_and_nothing_is_written_there() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let elsewhere = env.scratch("outside/journal");
    fs::create_dir_all(&elsewhere).expect("a folder");
    symlink("../outside/journal", env.path("journal")).expect("symlink");
    // A leftover-looking file there is not mentee's to remove either.
    let stray = elsewhere.join(".x.mentee-tmp-1-00000000");
    fs::write(&stray, "not mentee's").expect("write");

    env.run(["update", "through the link"])
        .failure_code(1)
        .stderr_has("outside the data folder");
    assert_eq!(snapshot(&env.scratch("outside")).len(), 1);
    assert!(stray.exists(), "a file outside the data folder was removed");
}

#[test]
fn a_gitignore_linked_outside_is_not_appended_to_by_sync() {
    // Sync checks that it has somewhere to push, and who commits, before
    // anything else: a machine whose git knows the user, with a remote.
    let env = machine(false);
    env.mentor("Alex Kim", &[]);
    let remote = bare_remote(&env);
    git(&env, &env.dir(), &["init", "--quiet"]);
    git(
        &env,
        &env.dir(),
        &["remote", "add", "origin", remote.to_str().expect("UTF-8")],
    );
    let target = outside(&env, "ignore", "*.log\n");
    symlink("../outside/ignore", env.path(".gitignore")).expect("symlink");

    mentee(&env, &["sync"])
        .failure_code(1)
        .stderr_has(".gitignore")
        .stderr_has("outside the data folder");
    assert_eq!(fs::read_to_string(&target).expect("the target"), "*.log\n");
    assert_eq!(mode(&target), 0o644);
}

#[test]
fn a_lock_file_linked_outside_is_refused() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    fs::remove_file(env.path(".lock")).expect("remove the lock file");
    let target = outside(&env, "lock", "another program's file\n");
    symlink("../outside/lock", env.path(".lock")).expect("symlink");

    env.run(["update", "x"])
        .failure_code(1)
        .stderr_has("outside the data folder");
    assert_eq!(
        fs::read_to_string(&target).expect("the target"),
        "another program's file\n"
    );
    assert_eq!(mode(&target), 0o644);
    // A link to nothing is refused too, and nothing is made where it points.
    fs::remove_file(&target).expect("remove");
    env.run(["update", "x"]).failure_code(1);
    assert!(!target.exists(), "a file was made outside");
}

#[test]
fn links_inside_the_folder_and_a_linked_data_folder_keep_working() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    // A file linked to another place inside the data folder.
    fs::create_dir(env.path("kept")).expect("a folder");
    fs::rename(env.path("mentors.toml"), env.path("kept/mentors.toml")).expect("move");
    symlink("kept/mentors.toml", env.path("mentors.toml")).expect("symlink");
    env.run(["mentor", "add", "Priya"]).success();
    assert!(
        fs::symlink_metadata(env.path("mentors.toml"))
            .expect("the link")
            .file_type()
            .is_symlink()
    );
    assert!(env.read("kept/mentors.toml").contains("Priya"));

    // The whole data folder reached through a link.
    let real = env.scratch("real-data");
    fs::rename(env.dir(), &real).expect("move the data folder");
    symlink(&real, env.dir()).expect("symlink");
    env.run(["update", "through a linked folder"]).success();
    env.run(["nudge", "off", "quiet"]).success();
    assert!(
        fs::read_to_string(real.join("journal/2026/2026-11.toml"))
            .expect("the journal")
            .contains("through a linked folder")
    );
}

// ---- names that are not UTF-8 -----------------------------------------------

/// A name made of `prefix`, one byte that is never UTF-8, and `.toml`.
fn bad_name(prefix: &str, byte: u8) -> PathBuf {
    let mut bytes = prefix.as_bytes().to_vec();
    bytes.push(byte);
    bytes.extend_from_slice(b".toml");
    PathBuf::from(OsStr::from_bytes(&bytes))
}

#[test]
fn a_meeting_file_named_in_bytes_that_are_not_utf8_is_refused_with_a_rename() {
    let mut env = TestEnv::new();
    env.today("2026-11-24");
    env.mentor("Alex Kim", &[]);
    env.run(["agenda", "A question?", "-m", "alex"]).success();
    env.run(["agenda", "Another?", "-m", "alex", "--on", "2026-11-24"])
        .success();
    let meeting = env.path("meetings/next-alex-kim.toml");
    let text = fs::read(&meeting).expect("the planned meeting");
    let year = env.path("meetings/2026");
    fs::create_dir_all(&year).expect("a folder");
    // Two names whose lossy forms are the same: neither may hide the other.
    fs::rename(&meeting, year.join(bad_name("2026-11-24-", 0xff))).expect("rename");
    let copy = String::from_utf8(text)
        .expect("UTF-8")
        .replace("A question?", "Something else?");
    fs::write(year.join(bad_name("2026-11-24-", 0xfe)), copy).expect("write");
    let before = snapshot(&env.dir());

    for args in [
        vec!["status"],
        vec!["agenda", "-m", "alex"],
        vec!["agenda", "More?", "-m", "alex"],
    ] {
        env.run(&args)
            .failure_code(1)
            .stderr_has("not valid UTF-8")
            .stderr_has("2026-11-24-")
            .stderr_has("mv $'")
            .stderr_lacks("changed while mentee was working");
    }
    assert!(snapshot(&env.dir()) == before, "the data folder changed");
}

#[test]
fn a_journal_month_named_in_bytes_that_are_not_utf8_is_refused() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["update", "kept"]).success();
    let month = env.path("journal/2026/2026-11.toml");
    fs::rename(
        &month,
        env.path("journal/2026").join(bad_name("2026-1", 0xff)),
    )
    .expect("rename");
    env.run(["log"])
        .failure_code(1)
        .stderr_has("not valid UTF-8")
        .stderr_has("mv $'");
}

// ---- output files named without a folder -------------------------------------

#[test]
fn output_files_named_without_a_folder_are_written_and_exit_zero() {
    let env = TestEnv::with_sample();
    let cwd = env.scratch("cwd");
    fs::create_dir(&cwd).expect("a folder");
    let cases: [(&[&str], &str); 3] = [
        (&["export", "-o", "out.json"], "out.json"),
        (&["export", "--format", "json", "-o", "out.md"], "out.md"),
        (&["agenda", "--ics", "out.ics", "-m", "alex"], "out.ics"),
    ];
    for (args, file) in cases {
        let mut cmd = env.command(args);
        cmd.current_dir(&cwd);
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        crate::support::Run::from_command(cmd, &args).success();
        let written = cwd.join(file);
        assert!(
            fs::metadata(&written).is_ok_and(|m| m.len() > 0),
            "{file} was not written"
        );
        assert_eq!(mode(&written), 0o600);
        // Written again over the first: still a success.
        let mut cmd = env.command(args.clone());
        cmd.current_dir(&cwd);
        crate::support::Run::from_command(cmd, &args).success();
    }
    let names: Vec<String> = fs::read_dir(&cwd)
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
}
