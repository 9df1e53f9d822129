//! `mentee export` and `mentee import`: the journal as one document, and
//! back into an empty data folder without losing anything.

use crate::support::{SAMPLE_LAST_DAY, TestEnv, position};
use serde_json::Value;
use std::fs;

/// The sample journal exported as JSON to a file next to its data folder.
fn exported_sample() -> (TestEnv, std::path::PathBuf) {
    let env = TestEnv::with_sample();
    let file = env.scratch("journal.json");
    env.run([
        "export",
        "--format",
        "json",
        "-o",
        file.to_str().expect("UTF-8"),
    ])
    .success()
    .stdout_is_empty()
    .stderr_has("Exported 14 meetings");
    (env, file)
}

/// A fresh, empty data folder with the same pinned day.
fn empty_env() -> TestEnv {
    let mut env = TestEnv::new();
    env.today(SAMPLE_LAST_DAY);
    env
}

fn without_comments(text: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(text)
        .lines()
        .filter(|line| !line.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_sample_journal_survives_a_round_trip() {
    let (original, file) = exported_sample();
    let copy = empty_env();
    copy.run(["import", file.to_str().expect("UTF-8")])
        .success()
        .stdout_is_empty()
        .stderr_has(
            "Imported 3 mentors, 3 goals, 14 meetings, 25 commitments and 30 journal entries",
        );

    // Exporting the copy gives the very same document.
    let again = copy.run(["export", "--format", "json"]).success().stdout();
    assert_eq!(again, fs::read_to_string(&file).expect("the first export"));

    // The same files, each with the same content.
    let (before, after) = (original.files(), copy.files());
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &before {
        let parse = |bytes: &[u8]| -> toml::Table {
            std::str::from_utf8(bytes)
                .expect("UTF-8")
                .parse()
                .unwrap_or_else(|err| panic!("{name}: {err}"))
        };
        assert_eq!(parse(bytes), parse(&after[name]), "{name} differs");
        if name == "mentors.toml" {
            // The sample has a hand-written comment above Alex Kim, which
            // is not data and so not in an export; nothing else differs.
            assert_ne!(bytes, &after[name]);
            assert_eq!(without_comments(bytes), without_comments(&after[name]));
        } else {
            assert_eq!(
                String::from_utf8_lossy(bytes),
                String::from_utf8_lossy(&after[name]),
                "{name} is not byte for byte the same"
            );
        }
    }

    // And every command reads both the same way.
    for args in [
        vec!["status", "--json"],
        vec!["action", "list", "--all", "--json"],
        vec!["log", "--json"],
        vec!["summary", "-m", "alex", "--json"],
        vec!["agenda", "-m", "priya"],
        vec!["goal", "list", "--all", "--json"],
    ] {
        assert_eq!(
            original.run(&args).success().stdout(),
            copy.run(&args).success().stdout(),
            "mentee {}",
            args.join(" ")
        );
    }
}

#[test]
fn the_export_holds_everything_with_a_version() {
    let (_env, file) = exported_sample();
    let doc: Value = serde_json::from_str(&fs::read_to_string(&file).expect("read")).expect("JSON");
    assert_eq!(doc["version"], 1);
    let export = &doc["export"];
    assert_eq!(export["exported"], SAMPLE_LAST_DAY);
    assert_eq!(export["since"], Value::Null);
    let count = |key: &str| export[key].as_array().expect("an array").len();
    assert_eq!(
        (
            count("mentors"),
            count("meetings"),
            count("commitments"),
            count("entries"),
            count("later"),
            count("goals")
        ),
        (3, 14, 1, 30, 1, 3)
    );
    let goal = &export["goals"][0];
    assert_eq!(goal["id"], "jn11y0");
    assert_eq!(goal["mentor"], "alex-kim");
    assert_eq!(goal["status"], "active");
    assert_eq!(goal["ratings"].as_array().map(Vec::len), Some(3));
    assert_eq!(export["goals"][2]["mentor"], Value::Null);
    assert_eq!(export["goals"][2]["status"], "done");
    let held = export["meetings"]
        .as_array()
        .expect("meetings")
        .iter()
        .find(|m| m["id"] == "9g4qz8")
        .expect("the meeting of 2026-09-08");
    assert_eq!(held["status"], "held");
    assert_eq!(held["checkins"][0]["action"], "5y7w6e");
    assert_eq!(
        held["commitments"][0]["history"].as_array().map(Vec::len),
        Some(5)
    );
    let planned: Vec<&Value> = export["meetings"]
        .as_array()
        .expect("meetings")
        .iter()
        .filter(|m| m["status"] == "planned")
        .collect();
    assert_eq!(planned.len(), 2);
}

#[test]
fn import_refuses_a_data_folder_that_holds_a_journal() {
    let (_env, file) = exported_sample();
    let mut other = empty_env();
    other.today("2026-11-10");
    other.mentor("Sam Lee", &[]);
    let before = other.files();
    other
        .run(["import", file.to_str().expect("UTF-8")])
        .failure_code(1)
        .stderr_has("already holds a journal")
        .stderr_has("never merges")
        .stderr_has("hint: import into a new folder with: mentee --dir");
    assert_eq!(other.files(), before);
}

/// Edits the exported document, imports it into an empty folder, and
/// expects a refusal that names the problem and writes nothing.
#[track_caller]
fn refused(edit: impl FnOnce(&mut Value), expected: &str) {
    let (env, file) = exported_sample();
    let mut doc: Value =
        serde_json::from_str(&fs::read_to_string(&file).expect("read")).expect("JSON");
    edit(&mut doc);
    let bad = env.scratch("bad.json");
    fs::write(&bad, serde_json::to_string_pretty(&doc).expect("JSON")).expect("write");
    let copy = empty_env();
    copy.run(["import", bad.to_str().expect("UTF-8")])
        .failure_code(1)
        .stdout_is_empty()
        .stderr_has(expected)
        .stderr_has("hint:");
    assert!(!copy.dir().exists(), "the import wrote something");
}

#[test]
fn a_bad_export_is_refused_before_anything_is_written() {
    refused(
        |doc| doc["export"]["entries"][0]["action"] = "nope00".into(),
        "is about the commitment nope00, which is not in the file",
    );
    refused(
        |doc| {
            let id = doc["export"]["entries"][0]["id"].clone();
            doc["export"]["entries"][1]["id"] = id;
        },
        "two records of kind entry have the ID",
    );
    refused(
        |doc| doc["export"]["goals"][0]["ratings"][0]["score"] = "high".into(),
        "the export does not have the expected shape",
    );
    refused(
        |doc| doc["export"]["goals"][0]["ratings"][0]["score"] = 9.into(),
        "a rating is a whole number from 1 to 5, not 9",
    );
    refused(
        |doc| {
            let id = doc["export"]["goals"][0]["id"].clone();
            doc["export"]["goals"][1]["id"] = id;
        },
        "two records of kind goal have the ID jn11y0",
    );
    refused(
        |doc| doc["export"]["goals"][1]["mentor"] = "nobody".into(),
        "goal x7jxkd names the mentor \"nobody\", who is not in the file",
    );
    refused(
        |doc| {
            doc["export"]["goals"]
                .as_array_mut()
                .expect("goals")
                .clear();
        },
        "serves the goal 3b7fkv, which is not in the file",
    );
    refused(
        |doc| doc["export"]["meetings"][0]["mentor"] = "nobody".into(),
        "names the mentor \"nobody\", who is not in the file",
    );
    refused(
        |doc| doc["export"]["mentors"][0]["slug"] = "../../outside".into(),
        "a slug is lowercase letters, digits and dashes",
    );
    refused(
        |doc| doc["version"] = 2.into(),
        "was exported by a newer mentee (export version 2",
    );
    refused(
        |doc| doc["export"]["mentors"][0]["colour"] = "blue".into(),
        "unknown field `colour`",
    );
    refused(
        |doc| doc["export"]["entries"][0]["date"] = "soon".into(),
        "expected a date such as 2026-11-24",
    );
    refused(
        |doc| *doc = serde_json::json!({"version": 1, "commitments": []}),
        "is not a mentee export",
    );
}

#[test]
fn a_file_that_is_not_json_is_located() {
    let env = empty_env();
    let file = env.scratch("notes.json");
    fs::write(&file, "{\n  \"version\": 1,\n  oops\n}\n").expect("write");
    env.run(["import", file.to_str().expect("UTF-8")])
        .failure_code(1)
        .stderr_has("notes.json:3:3: not valid JSON")
        .stderr_has("nothing was written");
    env.run([
        "import",
        env.scratch("missing.json").to_str().expect("UTF-8"),
    ])
    .failure_code(1)
    .stderr_has("missing.json: no such file or folder");
    assert!(!env.dir().exists());
}

#[test]
fn a_partial_export_says_why_it_cannot_be_imported_alone() {
    let env = TestEnv::with_sample();
    let file = env.scratch("part.json");
    env.run([
        "export",
        "--format",
        "json",
        "--since",
        "2026-10-01",
        "-o",
        file.to_str().expect("UTF-8"),
    ])
    .success();
    let doc: Value = serde_json::from_str(&fs::read_to_string(&file).expect("read")).expect("JSON");
    assert_eq!(doc["export"]["since"], "2026-10-01");
    assert!(
        doc["export"]["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .all(|e| e["date"].as_str() >= Some("2026-10-01"))
    );
    empty_env()
        .run(["import", file.to_str().expect("UTF-8")])
        .failure_code(1)
        .stderr_has("which is not in the file")
        .stderr_has("hint: this export was made with --since 2026-10-01");

    // One mentor's records hold together, and import on their own.
    let priya = env.scratch("priya.json");
    env.run([
        "export",
        "--format",
        "json",
        "-m",
        "priya",
        "-o",
        priya.to_str().expect("UTF-8"),
    ])
    .success();
    let copy = empty_env();
    copy.run(["import", priya.to_str().expect("UTF-8")])
        .success();
    let mentors = copy.json(["mentor", "list", "--all", "--json"]);
    assert_eq!(mentors["mentors"].as_array().map(Vec::len), Some(1));
    let list = copy.json(["action", "list", "--all", "--json"]);
    assert!(
        list["commitments"]
            .as_array()
            .expect("commitments")
            .iter()
            .all(|c| c["mentor"] == "priya-natarajan")
    );
}

#[test]
fn the_markdown_archive_reads_mentor_by_mentor_in_date_order() {
    let env = TestEnv::with_sample();
    let out = env
        .run(["export"])
        .success()
        .stderr_lacks("Exported")
        .stdout();
    assert!(
        out.starts_with("# Mentoring journal\n\nExported on 2026-11-22.\n"),
        "{out}"
    );
    let alex = position(&out, "\n## Alex Kim\n");
    let jordan = position(&out, "\n## Jordan Reyes\n");
    let priya = position(&out, "\n## Priya Natarajan\n");
    assert!(alex < jordan && jordan < priya);
    // Meetings in date order, each with its topics, check-in and commitments.
    let first = position(&out, "### Meeting on 2026-08-25");
    let second = position(&out, "### Meeting on 2026-09-08");
    let planned = position(&out, "### Planned meeting on 2026-12-01");
    assert!(alex < first && first < second && second < planned && planned < jordan);
    let meeting = &out[second..position(&out, "### Meeting on 2026-09-22")];
    for part in [
        "Topics:\n\n1. invoice_lines is written by billing and payments",
        "Report on earlier commitments:\n\n- In progress: Write a one-page problem statement",
        "Commitments:\n\n- [b4b3ea] Get payments to agree in writing who owns invoice_lines (due 2026-09-18): done",
        "  - 2026-09-15 blocked: Dana is out until the 28th",
    ] {
        assert!(meeting.contains(part), "no {part:?} in:\n{meeting}");
    }
    // Then the journal; entries for everyone come last.
    let journal = position(&out, "### Journal");
    assert!(planned < journal && journal < jordan);
    assert!(out[journal..jordan].contains("- 2026-11-20, win: Eight clean nights in a row"));
    let everyone = position(&out, "\n## For all mentors\n");
    assert!(priya < everyone);
    assert!(out[everyone..].contains("Facilitated my first incident review"));
    assert!(out[priya..].contains("### Commitments made between meetings\n\n- [feydsg]"));
    assert!(out[priya..].contains("### Queued for a later meeting\n\n- Could I mentor"));

    let only = env
        .run(["export", "-m", "jordan", "--since", "2026-09-01"])
        .success()
        .stdout();
    assert!(only.contains("Exported on 2026-11-22, from 2026-09-01 on, only Jordan Reyes."));
    assert!(
        !only.contains("## Alex Kim") && !only.contains("2026-08-27"),
        "{only}"
    );
    assert!(only.contains("### Meeting on 2026-09-24"));
}

#[test]
fn an_empty_journal_exports_and_imports() {
    let env = TestEnv::new();
    let file = env.scratch("empty.json");
    env.run([
        "export",
        "--format",
        "json",
        "-o",
        file.to_str().expect("UTF-8"),
    ])
    .success();
    env.run(["export"]).success().stdout_has("No mentors yet.");
    let copy = TestEnv::new();
    copy.run(["import", file.to_str().expect("UTF-8")])
        .success()
        .stderr_has("Imported 0 mentors");
    assert!(copy.file_names().is_empty());
}

#[test]
fn an_export_file_is_private_and_its_folder_must_exist() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::with_sample();
    // A file already there, readable by all, is replaced by a private one.
    let file = env.scratch("journal.md");
    fs::write(&file, "old").expect("write");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).expect("chmod");
    env.run(["export", "-o", file.to_str().expect("UTF-8")])
        .success();
    let mode = fs::metadata(&file)
        .expect("the export")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    assert!(fs::read_to_string(&file).expect("read").starts_with("# "));

    let missing = env.scratch("no-such-folder").join("journal.md");
    env.run(["export", "-o", missing.to_str().expect("UTF-8")])
        .failure_code(1)
        .stderr_has(&format!("{}: no such file or folder", missing.display()));
    assert!(!env.scratch("no-such-folder").exists());
    // Nothing is left beside the file either (no temporary copy).
    let names: Vec<_> = fs::read_dir(file.parent().expect("a folder"))
        .expect("list")
        .map(|e| e.expect("an entry").file_name())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.to_string_lossy().contains("mentee-tmp")),
        "{names:?}"
    );
}

#[test]
fn an_export_that_import_would_refuse_is_written_with_a_warning() {
    let env = TestEnv::with_sample();
    // A hand edit that mentee tolerates but import refuses: a meeting with
    // a mentor nobody in mentors.toml has.
    let meeting = "meetings/2026/2026-09-08-alex-kim.toml";
    let text = env
        .read(meeting)
        .replace("mentor = \"alex-kim\"", "mentor = \"nobody\"");
    env.write(meeting, &text);
    let file = env.scratch("journal.json");
    env.run([
        "export",
        "--format",
        "json",
        "-o",
        file.to_str().expect("UTF-8"),
    ])
    .success()
    .stderr_has(
        "warning: mentee import would refuse this export until the files are fixed; 1 problem:",
    )
    .stderr_has("names the mentor \"nobody\"");
    assert!(file.exists());
    // Exactly what import then says.
    empty_env()
        .run(["import", file.to_str().expect("UTF-8")])
        .failure_code(1)
        .stderr_has("cannot be imported; nothing was written: 1 problem:")
        .stderr_has("names the mentor \"nobody\"");
}

#[test]
fn an_export_goes_to_a_pipe_or_device_named_as_the_file() {
    let env = TestEnv::with_sample();
    let out = env
        .run(["export", "--format", "json", "-o", "/dev/stdout"])
        .success()
        .stdout();
    let doc: Value = serde_json::from_str(&out).expect("the export, as JSON");
    assert_eq!(doc["version"], 1);
}

#[test]
fn corrections_and_edited_dates_survive_a_round_trip() {
    let env = TestEnv::with_sample();
    let commitments = env.json(["action", "list", "--json"]);
    let action = commitments["commitments"][0]["id"]
        .as_str()
        .expect("a commitment")
        .to_string();
    let goals = env.json(["goal", "list", "--all", "--json"]);
    let goal = goals["goals"][0]["id"]
        .as_str()
        .expect("a goal")
        .to_string();
    let log = env.json(["log", "--json"]);
    let entry = log["events"]
        .as_array()
        .expect("events")
        .iter()
        .find(|e| e["kind"] == "update")
        .and_then(|e| e["id"].as_str())
        .expect("an update")
        .to_string();
    env.run([
        "action",
        "set",
        &action,
        "--due",
        "2026-12-20",
        "--note",
        "later",
    ])
    .success();
    env.run(["goal", "set", &goal, "--measure", "Two talks given"])
        .success();
    env.run(["entry", "set", &entry, "--text", "Said it better"])
        .success();
    let file = env.scratch("journal.json");
    env.run([
        "export",
        "--format",
        "json",
        "-o",
        file.to_str().expect("UTF-8"),
    ])
    .success();
    let copy = empty_env();
    copy.run(["import", file.to_str().expect("UTF-8")])
        .success();
    let (before, after) = (env.files(), copy.files());
    // The same data in every file (a key added to a table by a correction
    // sits at its end, so the order of keys may differ).
    let parse = |name: &str, bytes: &[u8]| -> toml::Table {
        std::str::from_utf8(bytes)
            .expect("UTF-8")
            .parse()
            .unwrap_or_else(|err| panic!("{name}: {err}"))
    };
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &before {
        assert_eq!(
            parse(name, bytes),
            parse(name, &after[name]),
            "{name} differs"
        );
    }
    let text = |env: &TestEnv| env.run(["export", "--format", "json"]).success().stdout();
    let exported = text(&copy);
    assert!(exported.contains("→ 2026-12-20"), "{exported}");
    assert!(
        exported.contains("measure none → \"Two talks given\"")
            || exported.contains("Two talks given\""),
        "{exported}"
    );
    assert!(
        exported.contains("\"edited\": \"2026-11-22\""),
        "{exported}"
    );
    assert_eq!(exported, text(&env));
}

#[test]
fn importing_a_file_that_is_not_there_says_what_to_give() {
    let env = empty_env();
    let missing = env.scratch("missing.json");
    env.run(["import", missing.to_str().expect("UTF-8")])
        .failure_code(1)
        .stderr_has("missing.json: no such file or folder")
        .stderr_has("hint: give the file that mentee export --format json -o FILE wrote");
    assert!(!env.dir().exists() || env.files().is_empty());
}
