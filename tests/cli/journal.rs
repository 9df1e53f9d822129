//! `mentee update | thanks | note` write the journal; `mentee log` reads
//! everything back as one timeline.

use crate::support::{Scenario, TestEnv, position};
use serde_json::Value;

const NOVEMBER: &str = "journal/2026/2026-11.toml";

/// The journal entries of November 2026, parsed.
fn entries(env: &TestEnv) -> Vec<toml::Table> {
    env.tables(NOVEMBER, "entry")
}

fn text(entry: &toml::Table, key: &str) -> Option<String> {
    entry.get(key).map(|v| match v {
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    })
}

#[test]
fn update_and_win_go_to_the_month_file() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["update", "Split the invoices module out of billing"])
        .success()
        .stdout_is_empty()
        .stderr_has("Logged the update for Alex Kim [");
    env.run(["update", "My design was approved", "--win"])
        .success()
        .stderr_has("Logged the win for Alex Kim [")
        .stderr_has("Well done!");
    let list = entries(&env);
    assert_eq!(list.len(), 2);
    assert_eq!(text(&list[0], "kind").as_deref(), Some("update"));
    assert_eq!(text(&list[0], "mentor").as_deref(), Some("alex-kim"));
    assert_eq!(text(&list[0], "date").as_deref(), Some("2026-11-10"));
    assert_eq!(text(&list[1], "kind").as_deref(), Some("win"));
    let raw = env.read(NOVEMBER);
    assert!(raw.contains("date = 2026-11-10\n"), "{raw}");
}

#[test]
fn entries_are_grouped_by_month() {
    let mut env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["update", "November"]).success();
    env.today("2026-12-02")
        .run(["update", "December"])
        .success();
    env.today("2027-01-05").run(["update", "January"]).success();
    assert_eq!(
        env.file_names(),
        [
            "journal/2026/2026-11.toml",
            "journal/2026/2026-12.toml",
            "journal/2027/2027-01.toml",
            "mentors.toml"
        ]
    );
}

#[test]
fn an_update_with_several_mentors_and_no_m_is_for_all_of_them() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.mentor("Priya Natarajan", &[]);
    env.run(["update", "Shipped the release"])
        .success()
        .stderr_has("Logged the update for all your mentors [");
    assert_eq!(text(&entries(&env)[0], "mentor"), None);
    // It shows in both mentors' summaries.
    env.run(["summary", "-m", "alex"])
        .success()
        .stdout_has("Shipped the release");
    env.run(["summary", "-m", "priya"])
        .success()
        .stdout_has("Shipped the release");
}

#[test]
fn an_update_about_a_commitment_is_for_its_mentor() {
    let mut env = TestEnv::new();
    let Scenario { draft, .. } = env.scenario();
    env.run(["update", "Outline done", "--action", &draft[..5]])
        .success()
        .stderr_has("for Alex Kim");
    let entry = &entries(&env)[0];
    assert_eq!(text(entry, "action"), Some(draft));
    assert_eq!(text(entry, "mentor").as_deref(), Some("alex-kim"));
    env.run(["update", "x", "--action", "nope99"])
        .failure_code(1)
        .stderr_has("no commitment has the ID `nope99`");
}

#[test]
fn thanks_needs_a_mentor_and_may_name_what_helped() {
    let mut env = TestEnv::new();
    let Scenario { read, .. } = env.scenario();
    env.run(["thanks", "Your tip on small PRs helped"])
        .failure_code(1)
        .stderr_has("which mentor?");
    env.run(["thanks", "Your tip on small PRs helped", "-m", "alex"])
        .success()
        .stderr_has("Logged the thanks for Alex Kim");
    env.run(["thanks", "The book was great", "--action", &read])
        .success()
        .stderr_has("for Alex Kim");
    let list = entries(&env);
    assert_eq!(text(&list[0], "kind").as_deref(), Some("thanks"));
    assert_eq!(text(&list[0], "action"), None);
    assert_eq!(text(&list[1], "action"), Some(read));
}

#[test]
fn a_note_is_attached_to_the_latest_meeting() {
    let mut env = TestEnv::new();
    let Scenario { meeting, .. } = env.scenario();
    env.today("2026-11-12");
    env.run([
        "note",
        "Read 'A Philosophy of Software Design', chapter 4",
        "-m",
        "alex",
    ])
    .success()
    .stderr_has("Logged the note for Alex Kim");
    let entry = &entries(&env)[0];
    assert_eq!(text(entry, "kind").as_deref(), Some("note"));
    assert_eq!(text(entry, "meeting"), Some(meeting));
    // With no meeting held yet, the note has no meeting.
    env.run(["note", "Priya likes short emails", "-m", "priya"])
        .success();
    assert_eq!(text(&entries(&env)[1], "meeting"), None);
}

#[test]
fn empty_journal_texts_are_refused() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    for args in [["update", " "], ["thanks", ""], ["note", "\n"]] {
        env.run(args).failure_code(1).stderr_has("is empty");
    }
    assert!(!env.exists("journal"));
}

fn kinds(events: &Value) -> Vec<String> {
    events
        .as_array()
        .expect("events")
        .iter()
        .map(|e| {
            format!(
                "{} {}",
                e["date"].as_str().unwrap_or("?"),
                e["kind"].as_str().unwrap_or("?")
            )
        })
        .collect()
}

/// The scenario, then a month of journal entries and reports.
fn busy(env: &mut TestEnv) -> Scenario {
    let s = env.scenario();
    env.today("2026-11-12");
    env.run(["update", "Outline done", "-m", "alex"]).success();
    env.today("2026-11-14");
    env.run(["action", "done", &s.draft, "--note", "sent"])
        .success();
    env.run(["thanks", "Thanks for the intro", "-m", "priya"])
        .success();
    env.today("2026-11-20");
    env.run(["update", "Talk accepted", "--win", "-m", "priya"])
        .success();
    s
}

#[test]
fn log_is_a_timeline_newest_last() {
    let mut env = TestEnv::new();
    let Scenario { draft, .. } = busy(&mut env);
    let doc = env.json(["log", "--json"]);
    assert_eq!(doc["version"], 1);
    assert_eq!(
        kinds(&doc["events"]),
        [
            "2026-11-10 meeting",
            "2026-11-10 commitment",
            "2026-11-11 commitment",
            "2026-11-12 update",
            "2026-11-14 done",
            "2026-11-14 thanks",
            "2026-11-20 win",
        ]
    );
    assert_eq!(doc["events"][4]["text"], "Draft the split proposal: sent");
    assert_eq!(doc["events"][4]["id"], draft.as_str());
    let table = env.run(["log"]).success().stdout();
    assert!(
        position(&table, "Outline done") < position(&table, "Talk accepted"),
        "{table}"
    );
}

#[test]
fn log_since_until_and_mentor() {
    let mut env = TestEnv::new();
    busy(&mut env);
    let doc = env.json([
        "log",
        "--since",
        "2026-11-12",
        "--until",
        "2026-11-14",
        "--json",
    ]);
    assert_eq!(
        kinds(&doc["events"]),
        ["2026-11-12 update", "2026-11-14 done", "2026-11-14 thanks"]
    );
    let doc = env.json(["log", "-m", "priya", "--json"]);
    assert_eq!(
        kinds(&doc["events"]),
        ["2026-11-14 thanks", "2026-11-20 win"]
    );
    // Relative dates count back from today (Friday 2026-11-20): last Thursday.
    let doc = env.json(["log", "--since", "thu", "--json"]);
    assert_eq!(kinds(&doc["events"]), ["2026-11-20 win"]);
    env.run(["log", "--since", "2026-12-01"])
        .success()
        .stdout_is_empty()
        .stderr_has("Nothing logged in that period.");
    // Backwards is a mistake, as it is for summary.
    env.run(["log", "--since", "2026-11-14", "--until", "2026-11-12"])
        .failure_code(1)
        .stderr_has("the period starts on 2026-11-14, after it ends on 2026-11-12")
        .stderr_has("hint: ");
}

#[test]
fn a_text_too_long_for_a_journal_is_refused() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let long = "x".repeat(10_001);
    env.run(["update", long.as_str()])
        .failure_code(1)
        .stderr_has("the update is longer than 10000 characters");
    env.run(["action", "add", long.as_str()])
        .failure_code(1)
        .stderr_has("the commitment is longer than 10000 characters");
    assert!(!env.exists("journal"));
}

#[test]
fn an_update_cannot_tie_one_mentors_commitment_to_another_mentor() {
    let mut env = TestEnv::new();
    let Scenario { draft, .. } = env.scenario();
    env.run(["update", "Halfway", "--action", &draft, "-m", "priya"])
        .failure_code(1)
        .stderr_has(&format!(
            "[{draft}] is a commitment to Alex Kim, not to Priya Natarajan"
        ));
    env.run(["update", "Halfway", "--action", &draft])
        .success()
        .stderr_has("for Alex Kim");
}

#[test]
fn an_entry_in_another_months_file_is_located_not_half_shown() {
    let mut env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.today("2026-10-20");
    env.run(["update", "October work"]).success();
    // Moved by hand to the wrong month: only October's file is read for
    // October, so it would show in some views and not in others.
    let october = "journal/2026/2026-10.toml";
    let text = env
        .read(october)
        .replace("date = 2026-10-20", "date = 2026-11-20");
    env.write(october, &text);
    env.today("2026-11-22");
    env.run(["log"])
        .failure_code(1)
        .stderr_has(&format!("{october}:6:1: entry "))
        .stderr_has("is dated 2026-11-20, but this file holds 2026-10")
        .stderr_has("hint: move the entry to journal/2026/2026-11.toml, or correct its date");
    assert_eq!(env.read(october), text);
}

#[test]
fn a_journal_file_with_another_name_is_not_read_and_said_so() {
    let mut env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.today("2027-01-05");
    env.run(["update", "Written by mentee"]).success();
    // A second January, written by hand, and a sync tool's copy: neither
    // hides the real month, and every command says they are not read.
    let text = env.read("journal/2027/2027-01.toml");
    env.write(
        "journal/2027/2027-1.toml",
        &text.replace("Written by mentee", "By hand"),
    );
    env.write("journal/2027/2027-01 (conflicted copy).toml", &text);
    for args in [vec!["log"], vec!["status"], vec!["summary"]] {
        env.run(&args)
            .success()
            .stderr_has("2027-1.toml is not a journal month file, so mentee does not read it")
            .stderr_has("2027-01 (conflicted copy).toml is not a journal month file");
    }
    env.run(["log"])
        .success()
        .stdout_has("Written by mentee")
        .stdout_lacks("By hand");
}
