//! The data folder (SPEC §3) and the process contract (SPEC §2): where data
//! lives, what the files look like, that a broken or newer file is never
//! rewritten, exit codes, stdout versus stderr, help, and plain output.

use crate::support::{MEETING_FILE, Scenario, TestEnv, finish};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Stdio;

/// Runs every kind of write once.
fn write_everything(env: &mut TestEnv) -> Scenario {
    let s = env.scenario();
    env.run([
        "agenda",
        "--later",
        "How do I ask for a promotion?",
        "-m",
        "alex",
    ])
    .success();
    env.today("2026-11-12");
    env.run(["action", "set", &s.draft, "blocked", "--note", "waiting"])
        .success();
    env.run(["update", "Line one\nline two", "-m", "alex"])
        .success();
    env.run(["note", "Advice", "-m", "alex"]).success();
    env.run(["thanks", "Thank you", "-m", "priya"]).success();
    env.commit("Loose one", &["-m", "priya", "--due", "fri"]);
    env.run(["agenda", "Next?", "-m", "alex", "--on", "2026-11-24"])
        .success();
    env.run(["mentor", "end", "priya", "--on", "2026-11-12"])
        .success();
    s
}

#[cfg(unix)]
#[test]
fn the_folder_is_private_and_so_is_every_file() {
    use std::os::unix::fs::PermissionsExt;
    let mut env = TestEnv::new();
    write_everything(&mut env);
    fn walk(dir: &Path, seen: &mut usize) {
        let mode = fs::metadata(dir).expect("metadata").permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "{}", dir.display());
        for entry in fs::read_dir(dir).expect("read the folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                walk(&path, seen);
            } else {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                assert!(
                    !name.contains(".mentee-tmp-"),
                    "a temporary file was left: {name}"
                );
                let mode = fs::metadata(&path).expect("metadata").permissions().mode() & 0o777;
                assert_eq!(mode, 0o600, "{}", path.display());
                *seen += 1;
            }
        }
    }
    let mut seen = 0;
    walk(&env.dir(), &mut seen);
    assert!(seen >= 7, "only {seen} files");
}

#[test]
fn every_file_has_a_format_and_unquoted_dates() {
    let mut env = TestEnv::new();
    write_everything(&mut env);
    let files = env.files();
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        [
            "actions.toml",
            "journal/2026/2026-11.toml",
            "later.toml",
            MEETING_FILE,
            "meetings/next-alex-kim.toml",
            "mentors.toml",
        ]
    );
    for (name, bytes) in &files {
        let text = String::from_utf8(bytes.clone()).expect("UTF-8");
        assert!(text.contains("\nformat = 1\n"), "{name}:\n{text}");
        for key in ["date", "created", "due", "on", "added", "since", "until"] {
            assert!(
                !text.contains(&format!("{key} = \"")),
                "{name} quotes a date:\n{text}"
            );
        }
    }
    assert!(env.read(MEETING_FILE).contains("date = 2026-11-10\n"));
    assert!(env.read("later.toml").contains("added = 2026-11-11\n"));
    assert!(env.read("mentors.toml").contains("until = 2026-11-12\n"));
    // Long texts are multi-line strings.
    assert!(
        env.read("journal/2026/2026-11.toml")
            .contains("text = \"\"\"\nLine one\nline two\"\"\"\n")
    );
}

/// A data folder's files with every ID replaced by its order of appearance.
fn without_ids(files: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, String> {
    let mut names: Vec<String> = Vec::new();
    files
        .iter()
        .map(|(path, bytes)| {
            let text = String::from_utf8(bytes.clone()).expect("UTF-8");
            let lines: Vec<String> = text
                .split('\n')
                .map(|line| {
                    let Some((key, value)) = line.split_once(" = ") else {
                        return line.to_string();
                    };
                    if !["id", "meeting", "action"].contains(&key) {
                        return line.to_string();
                    }
                    let id = value.trim_matches('"').to_string();
                    let n = names.iter().position(|x| *x == id).unwrap_or_else(|| {
                        names.push(id);
                        names.len() - 1
                    });
                    format!("{key} = <id {n}>")
                })
                .collect();
            (path.clone(), lines.join("\n"))
        })
        .collect()
}

#[test]
fn the_same_commands_give_the_same_bytes() {
    let mut one = TestEnv::new();
    let mut two = TestEnv::new();
    write_everything(&mut one);
    write_everything(&mut two);
    let (one, two) = (without_ids(&one.files()), without_ids(&two.files()));
    assert_eq!(one.len(), 6);
    for (path, text) in &one {
        assert_eq!(Some(text), two.get(path), "{path} differs");
    }
}

#[test]
fn a_rewrite_with_the_same_data_gives_the_same_bytes() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["agenda", "Same?", "Again?", "--on", "2026-11-24"])
        .success();
    let before = env.read("meetings/next-alex-kim.toml");
    env.run(["agenda", "Same?", "Again?", "--on", "2026-11-24"])
        .success()
        .stderr_lacks("Replaced");
    assert_eq!(env.read("meetings/next-alex-kim.toml"), before);
}

#[test]
fn comments_and_unknown_keys_survive_the_tools_rewrites() {
    let mut env = TestEnv::new();
    env.write(
        "mentors.toml",
        "# My mentors. Alex is the best.\nformat = 1\n\n[[mentor]]\nname = \"Alex Kim\"\nslug = \"alex-kim\"  # never rename\nrole = \"mentor\"\nfavourite_tea = \"sencha\"\n",
    );
    env.mentor("Priya Natarajan", &[]);
    env.run(["mentor", "end", "alex"]).success();
    let text = env.read("mentors.toml");
    assert!(
        text.starts_with("# My mentors. Alex is the best.\nformat = 1\n"),
        "{text}"
    );
    assert!(
        text.contains("slug = \"alex-kim\"  # never rename\n"),
        "{text}"
    );
    assert!(text.contains("favourite_tea = \"sencha\"\n"), "{text}");
    assert!(text.contains("until = 2026-11-10\n"), "{text}");
    assert!(text.contains("name = \"Priya Natarajan\""), "{text}");

    // The same in a meeting file.
    env.today("2026-11-10");
    env.run(["meet", "-m", "priya"]).success();
    let file = "meetings/2026/2026-11-10-priya-natarajan.toml";
    let edited = env.read(file).replace(
        "status = \"held\"\n",
        "status = \"held\"\nroom = \"4.02\" # the small one\n",
    );
    let edited = format!("# Notes from a good meeting\n{edited}");
    env.write(file, &edited);
    env.commit("Send the slides", &["-m", "priya"]);
    let text = env.read(file);
    assert!(text.starts_with("# Notes from a good meeting\n"), "{text}");
    assert!(text.contains("room = \"4.02\" # the small one\n"), "{text}");
    assert!(text.contains("text = \"Send the slides\""), "{text}");
}

#[test]
fn a_file_that_does_not_parse_is_never_rewritten() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let broken = "format = 1\n\n[[mentor]]\nname = \"Alex Kim\nslug = \"alex-kim\"\n";
    env.write("mentors.toml", broken);
    let before = env.files();
    env.run(["mentor", "add", "Priya Natarajan"])
        .failure_code(1)
        .stdout_is_empty()
        .stderr_has("mentors.toml:4:")
        .stderr_has("hint: fix it with: mentee edit ");
    assert_eq!(env.files(), before);
    // Reading commands fail the same way, and write nothing either.
    env.run(["status"])
        .failure_code(1)
        .stderr_has("mentors.toml:4:");
    assert_eq!(env.files(), before);
}

#[test]
fn a_wrong_value_is_located_and_the_file_kept() {
    let mut env = TestEnv::new();
    env.scenario();
    let quoted = env
        .read(MEETING_FILE)
        .replace("date = 2026-11-10", "date = \"soon\"");
    env.write(MEETING_FILE, &quoted);
    let line = quoted
        .lines()
        .position(|l| l.starts_with("date = "))
        .expect("a date line")
        + 1;
    let before = env.files();
    env.run(["action", "add", "One more", "-m", "alex"])
        .failure_code(1)
        .stderr_has(&format!("{MEETING_FILE}:{line}:8: "))
        .stderr_has("expected a date such as 2026-11-24, found \"soon\"")
        .stderr_has("hint:");
    assert_eq!(env.files(), before);
}

#[test]
fn a_date_typed_in_quotes_is_forgiven_and_written_back_as_a_date() {
    let mut env = TestEnv::new();
    env.scenario();
    let quoted = env.read(MEETING_FILE).replace(
        "date = 2026-11-10",
        "date = \"2026-11-10\"  # typed by hand",
    );
    env.write(MEETING_FILE, &quoted);
    env.run(["action", "add", "One more", "-m", "alex"])
        .success();
    let text = env.read(MEETING_FILE);
    assert!(
        text.contains("date = 2026-11-10  # typed by hand\n"),
        "{text}"
    );
    assert!(text.contains("text = \"One more\""), "{text}");
}

#[test]
fn a_file_from_a_newer_mentee_is_refused_and_left_alone() {
    let env = TestEnv::new();
    env.write(
        "mentors.toml",
        "format = 2\n\n[[mentor]]\nname = \"Alex Kim\"\nslug = \"alex-kim\"\nshiny = true\n",
    );
    let before = env.files();
    env.run(["mentor", "add", "Priya Natarajan"])
        .failure_code(1)
        .stderr_has("mentors.toml:1:")
        .stderr_has("newer version of mentee")
        .stderr_has("hint: upgrade mentee");
    assert_eq!(env.files(), before);
    env.write("later.toml", "format = 3\n");
    env.write("mentors.toml", "format = 1\n");
    env.mentor("Alex Kim", &[]);
    let before = env.files();
    env.run(["agenda", "--later", "Q?"])
        .failure_code(1)
        .stderr_has("later.toml")
        .stderr_has("newer");
    assert_eq!(env.files(), before);
}

/// A file where a folder should be, or a folder where a file should be:
/// a plain sentence and what to do, and nothing is changed.
#[test]
fn a_file_or_folder_in_the_wrong_place_is_named_with_a_way_out() {
    let env = TestEnv::new();
    let file = env.scratch("not-a-folder");
    std::fs::write(&file, "x").expect("write");
    env.run(["--dir", file.to_str().expect("utf-8"), "remind"])
        .failure_code(1)
        .stderr_has("a file stands where a folder is needed on this path")
        .stderr_has("hint: a part of this path is a file: check the path");
    env.mentor("Alex Kim", &[]);
    std::fs::create_dir_all(env.path("goals.toml")).expect("mkdir");
    for command in [&["goal", "list"][..], &["search", "x"]] {
        env.run(command)
            .failure_code(1)
            .stderr_has("goals.toml: this is a folder, where a file is needed")
            .stderr_has("hint: give the name of a file, not a folder; if this is one of mentee's data files, move the folder aside");
    }
    assert_eq!(std::fs::read(&file).expect("read"), b"x");
    assert!(env.path("goals.toml").is_dir());
    // A folder named as a journal month or a meeting is not skipped as if
    // the month or the meeting were not there.
    std::fs::remove_dir(env.path("goals.toml")).expect("rmdir");
    for folder in [
        "journal/2026/2026-10.toml",
        "meetings/2026/2026-10-01-alex-kim.toml",
    ] {
        std::fs::create_dir_all(env.path(folder)).expect("mkdir");
        env.run(["log"]).failure_code(1).stderr_has(&format!(
            "{folder}: this is a folder, where a file is needed"
        ));
        std::fs::remove_dir(env.path(folder)).expect("rmdir");
    }
    // The same words fit a folder given where a file is to be written.
    let out = env.scratch("out");
    std::fs::create_dir_all(&out).expect("mkdir");
    env.run(["calendar", "-o", out.to_str().expect("utf-8")])
        .failure_code(1)
        .stderr_has(&format!(
            "{}: this is a folder, where a file is needed",
            out.display()
        ))
        .stderr_has("hint: give the name of a file, not a folder");
}

#[test]
fn dir_beats_mentee_dir() {
    let env = TestEnv::new();
    let other = env.scratch("elsewhere");
    env.command([
        "--dir",
        other.to_str().expect("UTF-8 path"),
        "mentor",
        "add",
        "Alex Kim",
    ])
    .assert()
    .success();
    assert!(other.join("mentors.toml").exists());
    assert!(!env.dir().exists());
    // It may also come after the command.
    env.command([
        "mentor",
        "list",
        "--dir",
        other.to_str().expect("UTF-8 path"),
    ])
    .assert()
    .success()
    .stdout(predicates::str::contains("Alex Kim"));
}

#[test]
fn without_dir_or_mentee_dir_data_goes_to_the_users_data_folder() {
    let env = TestEnv::new();
    env.command(["mentor", "add", "Alex Kim"])
        .env_remove("MENTEE_DIR")
        .assert()
        .success();
    assert!(env.home().join(".local/share/mentee/mentors.toml").exists());
    assert!(!env.dir().exists());
}

#[test]
fn an_empty_mentee_dir_counts_as_unset() {
    let env = TestEnv::new();
    env.command(["mentor", "add", "Alex Kim"])
        .env("MENTEE_DIR", "")
        .assert()
        .success();
    assert!(env.home().join(".local/share/mentee/mentors.toml").exists());
}

#[test]
fn concurrent_writers_never_lose_an_entry() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let children: Vec<_> = (0..8)
        .map(|n| {
            env.std_command(["update", &format!("update number {n}")])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("mentee starts")
        })
        .collect();
    for child in children {
        let out = finish(child);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let journal = env.read("journal/2026/2026-11.toml");
    for n in 0..8 {
        assert!(
            journal.contains(&format!("text = \"update number {n}\"")),
            "{journal}"
        );
    }
}

#[test]
fn usage_errors_exit_2_and_data_errors_exit_1() {
    let env = TestEnv::new();
    env.run(["mentor"])
        .failure_code(2)
        .stdout_is_empty()
        .stderr_has("Usage: mentee mentor");
    for args in [
        vec!["frobnicate"],
        vec!["agenda", "--bogus"],
        vec!["mentor", "add"],
        vec!["action", "done"],
        vec!["summary", "--format", "pdf"],
        vec!["mentor", "add", "X", "--role", "guru"],
    ] {
        env.run(&args)
            .failure_code(2)
            .stdout_is_empty()
            .stderr_has("error: ")
            .stderr_has("--help");
    }
    env.run(["action", "set", "abc123", "finished"])
        .failure_code(2)
        .stderr_has("possible values: open, in-progress, blocked, done, dropped");
    env.run(["action", "done", "abc123"])
        .failure_code(1)
        .stdout_is_empty()
        .stderr_has("error: ");
}

#[test]
fn odd_input_never_panics() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let long = "x".repeat(20_000);
    let cases: Vec<Vec<&str>> = vec![
        vec!["action", "done", ""],
        vec!["action", "done", "   "],
        vec!["action", "add", "", "--due", "9999999d"],
        vec!["agenda", "Q?", "--on", "+99999999999d"],
        vec!["agenda", "Q?", "--on", "-0d"],
        vec!["agenda", "Q?", "--on", "1000000y"],
        vec!["log", "--since", "0000-01-01"],
        vec!["log", "--since", "9999-12-31", "--until", "0001-01-01"],
        vec!["mentor", "add", "ÅÉÎ 😀"],
        vec!["mentor", "add", &long],
        vec!["mentor", "end", ""],
        vec!["summary", "--since", ""],
        vec!["update", &long],
        vec!["agenda", "-m", ""],
    ];
    for args in cases {
        let code = env.run(&args).code();
        assert!(
            matches!(code, Some(0..=2)),
            "mentee {} exited with {code:?}",
            args.join(" ").chars().take(80).collect::<String>()
        );
    }
    // And the data is still readable.
    env.run(["status"]).success();
}

#[test]
fn data_goes_to_stdout_and_messages_to_stderr() {
    let mut env = TestEnv::new();
    env.today("2026-11-10");
    env.run(["mentor", "add", "Alex Kim"])
        .success()
        .stdout_is_empty()
        .stderr_has("Added Alex Kim");
    let run = env.run(["action", "add", "Do it"]).success();
    assert_eq!(run.stdout().trim().len(), 6, "only the ID on stdout");
    env.run(["update", "Done a thing"])
        .success()
        .stdout_is_empty();
    env.run(["agenda", "Q?"])
        .success()
        .stdout_has("Agenda for")
        .stderr_lacks("Agenda for");
    env.run(["agenda", "Q?", "R?", "S?"])
        .failure_code(1)
        .stdout_is_empty()
        .stderr_has("error: ");
}

#[test]
fn help_works_on_every_command() {
    let env = TestEnv::new();
    let commands: [&[&str]; 20] = [
        &[],
        &["status"],
        &["mentor"],
        &["mentor", "add"],
        &["mentor", "list"],
        &["mentor", "end"],
        &["agenda"],
        &["meet"],
        &["note"],
        &["action"],
        &["action", "add"],
        &["action", "list"],
        &["action", "done"],
        &["action", "drop"],
        &["action", "reopen"],
        &["action", "set"],
        &["update"],
        &["thanks"],
        &["log"],
        &["summary"],
    ];
    for command in commands {
        let mut args = command.to_vec();
        args.push("--help");
        let usage = format!("Usage: mentee {}", command.join(" "));
        env.run(&args)
            .success()
            .stdout_has(usage.trim_end())
            .stdout_has("Example");
        let mut short = command.to_vec();
        short.push("-h");
        env.run(&short).success().stdout_has("Usage: mentee");
    }
    env.run(["--version"]).success().stdout_has("mentee ");
    assert!(!env.dir().exists());
}

#[test]
fn output_without_a_terminal_has_no_escape_codes() {
    let mut env = TestEnv::new();
    let Scenario { draft, .. } = env.scenario();
    // Even text that tries to colour the terminal is shown harmless.
    env.commit(
        "\u{1b}[31mred\u{1b}[0m and \u{202e}reversed",
        &["-m", "alex"],
    );
    env.run(["update", "\u{1b}]0;title\u{7}", "-m", "alex"])
        .success();
    let runs = [
        vec!["status"],
        vec!["mentor", "list", "--all"],
        vec!["agenda", "-m", "alex"],
        vec!["action", "list", "--all"],
        vec!["log"],
        vec!["summary", "-m", "alex"],
        vec!["summary", "-m", "alex", "--format", "text"],
        vec!["meet", "-m", "alex"],
        vec!["action", "done", draft.as_str()],
        vec!["action", "done", "nope"],
        vec!["frobnicate"],
    ];
    for args in runs {
        let run = env.run(&args);
        for (stream, text) in [("stdout", run.stdout()), ("stderr", run.stderr())] {
            assert!(
                !text.contains('\u{1b}') && !text.contains('\u{202e}') && !text.contains('\u{7}'),
                "mentee {}: {stream} has control characters:\n{text:?}",
                args.join(" ")
            );
        }
    }
    env.run(["action", "list"])
        .success()
        .stdout_has("\\u{1b}[31mred\\u{1b}[0m and \\u{202e}reversed");
}
