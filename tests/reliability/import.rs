//! `mentee import` keeps its promise: the file is checked as a whole, and
//! a refused import leaves the data folder byte for byte as it was. What
//! the commands refuse when a record is made by hand, import refuses too,
//! so an import can never hold records that mentee cannot then edit.

use crate::support::TestEnv;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// A small journal that imports cleanly: one mentor, a held meeting with a
/// commitment, an entry, a goal with a rating.
fn journal() -> Value {
    json!({
        "version": 1,
        "export": {
            "exported": "2026-11-22",
            "mentors": [{"name": "Alex Kim", "slug": "alex", "role": "mentor"}],
            "meetings": [{
                "id": "m00001",
                "mentor": "alex",
                "status": "held",
                "date": "2026-11-02",
                "topics": ["Scope of the billing split"],
                "commitments": [{
                    "id": "c00001",
                    "text": "Draft the design",
                    "created": "2026-11-02",
                    "status": "open"
                }]
            }],
            "commitments": [],
            "entries": [{
                "id": "e00001",
                "date": "2026-11-03",
                "kind": "advice",
                "mentor": "alex",
                "text": "Write the doc before the code"
            }],
            "later": [],
            "goals": [{
                "id": "g00001",
                "text": "Lead a design",
                "created": "2026-09-01",
                "by": "2027-03-31",
                "status": "active",
                "ratings": [{"on": "2026-11-03", "score": 3}]
            }]
        }
    })
}

/// Every file under `dir`, hidden ones included, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let path = entry.expect("a folder entry").path();
            let name = path
                .strip_prefix(root)
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            if path.is_dir() {
                out.insert(format!("{name}/"), Vec::new());
                walk(root, &path, out);
            } else {
                out.insert(name, fs::read(&path).expect("read"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Imports `doc` into a data folder that exists but holds only a hidden
/// file, expects a refusal naming `expected` with a hint, and checks that
/// the folder is byte for byte what it was.
#[track_caller]
fn refused(doc: &Value, expected: &str) {
    let env = TestEnv::new();
    fs::create_dir_all(env.dir()).expect("data folder");
    fs::write(env.dir().join(".keep"), "kept\n").expect("hidden file");
    let before = snapshot(&env.dir());
    let file = env.scratch("journal.json");
    fs::write(&file, serde_json::to_string(doc).expect("JSON")).expect("write");
    env.run(["import", file.to_str().expect("UTF-8")])
        .failure_code(1)
        .stderr_has("nothing was written")
        .stderr_has(expected)
        .stderr_has("hint:");
    assert_eq!(snapshot(&env.dir()), before, "a refused import wrote");
}

/// The base journal with one change.
fn edited(edit: impl FnOnce(&mut Value)) -> Value {
    let mut doc = journal();
    edit(&mut doc["export"]);
    doc
}

#[test]
fn the_base_journal_imports() {
    let env = TestEnv::new();
    let file = env.scratch("journal.json");
    fs::write(&file, journal().to_string()).expect("write");
    env.run(["import", file.to_str().expect("UTF-8")])
        .success()
        .stderr_has("Imported 1 mentor, 1 goal, 1 meeting, 1 commitment and 1 journal entry");
}

#[test]
fn more_meetings_on_one_day_than_files_can_be_named_are_refused_before_writing() {
    let meetings: Vec<Value> = (1..=1005)
        .map(|n| {
            json!({
                "id": format!("m{n:05}"),
                "mentor": "alex",
                "status": "held",
                "date": "2026-11-02",
                "topics": ["Scope"]
            })
        })
        .collect();
    let doc = edited(|export| {
        export["meetings"] = meetings.into();
        export["entries"] = json!([]);
    });
    refused(
        &doc,
        "1005 meetings would be written as meetings/2026/2026-11-02-alex.toml; \
         at most 999 meetings with one mentor on one day fit",
    );
}

#[test]
fn ids_that_differ_only_in_case_are_refused() {
    let doc = edited(|export| {
        let mut twin = export["entries"][0].clone();
        export["entries"][0]["id"] = "abc123".into();
        twin["id"] = "ABC123".into();
        export["entries"]
            .as_array_mut()
            .expect("entries")
            .push(twin);
    });
    refused(
        &doc,
        "the IDs abc123 (entry) and ABC123 (entry) differ only in case",
    );
}

#[test]
fn one_id_on_two_kinds_of_record_is_refused() {
    let doc = edited(|export| {
        export["meetings"][0]["commitments"][0]["id"] = "m00001".into();
    });
    refused(
        &doc,
        "the ID m00001 is on a meeting and on a commitment; every record needs an ID of its own",
    );
}

#[test]
fn what_the_commands_refuse_import_refuses_too() {
    let cases: Vec<(Value, &str)> = vec![
        (
            edited(|e| e["meetings"][0]["commitments"][0]["text"] = "  ".into()),
            "commitment c00001: the text is empty",
        ),
        (
            edited(|e| e["entries"][0]["text"] = "x".repeat(10_001).into()),
            "entry e00001: the text is longer than 10000 characters",
        ),
        (
            edited(|e| e["entries"][0]["kind"] = "gossip".into()),
            "entry e00001: the kind \"gossip\" is not one this version knows",
        ),
        (
            edited(|e| e["meetings"][0]["topics"] = json!(["Scope", "scope"])),
            "meeting m00001: the topics: the same topic was given twice",
        ),
        (
            edited(|e| e["meetings"][0]["topics"] = json!(["a", "b", "c"])),
            "meeting m00001: the topics: an agenda holds at most 2 topics, and 3 were given",
        ),
        (
            edited(|e| e["meetings"][0]["topics"] = json!([""])),
            "meeting m00001: the topics: a topic is empty",
        ),
        (
            edited(|e| e["mentors"][0]["name"] = "Alex\nKim".into()),
            "mentor \"alex\": the name: a mentor's name must be one line",
        ),
        (
            edited(|e| e["mentors"][0]["name"] = " ".into()),
            "mentor \"alex\": the name: a mentor needs a name",
        ),
        (
            edited(|e| {
                e["mentors"][0]["since"] = "2026-05-01".into();
                e["mentors"][0]["until"] = "2026-01-01".into();
            }),
            "mentor \"alex\": the until date 2026-01-01 is before the since date 2026-05-01",
        ),
        (
            edited(|e| e["goals"][0]["measure"] = "".into()),
            "goal g00001: the measure is empty",
        ),
        (
            edited(|e| e["goals"][0]["ratings"][0]["score"] = 0.into()),
            "a rating is a whole number from 1 to 5, not 0",
        ),
        (
            edited(|e| {
                let mut outcome = e["entries"][0].clone();
                outcome["id"] = "e00002".into();
                outcome["kind"] = "outcome".into();
                outcome["about"] = "e99999".into();
                e["entries"].as_array_mut().expect("entries").push(outcome);
            }),
            "entry e00002 tells the outcome of the entry e99999, which is not in the file",
        ),
        (
            edited(|e| {
                let planned = |id: &str| json!({"id": id, "mentor": "alex", "status": "planned", "topics": ["Next"]});
                let meetings = e["meetings"].as_array_mut().expect("meetings");
                meetings.push(planned("p00001"));
                meetings.push(planned("p00002"));
            }),
            "meeting p00002 is planned with \"alex\", who already has the planned meeting p00001",
        ),
    ];
    for (doc, expected) in &cases {
        refused(doc, expected);
    }
}

#[test]
fn every_problem_is_listed_with_its_record() {
    let doc = edited(|e| {
        e["entries"][0]["kind"] = "gossip".into();
        e["goals"][0]["text"] = "".into();
    });
    refused(&doc, "2 problems:");
    refused(&doc, "goal g00001: the text is empty");
}
