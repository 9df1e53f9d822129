//! `mentee action`: commitments, where they are kept, and every change of
//! status with its note in the history.

use crate::support::{MEETING_FILE, Scenario, TestEnv, commitment, ids, redact};

#[test]
fn add_attaches_to_the_latest_held_meeting() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    let file = env.read(MEETING_FILE);
    assert!(
        file.contains(&format!(
            "[[action]]\nid = \"{draft}\"\ntext = \"Draft the split proposal\"\ncreated = 2026-11-10\ndue = 2026-11-13\nstatus = \"open\"\n"
        )),
        "{file}"
    );
    assert!(file.contains(&format!("id = \"{read}\"")), "{file}");
    assert!(!env.exists("actions.toml"));

    // Days later, with a planned (not yet held) meeting, it still goes to the held one.
    env.today("2026-11-17");
    env.run(["agenda", "Q?", "-m", "alex"]).success();
    let later = env.commit("Ask the team", &["-m", "alex"]);
    assert!(
        env.read(MEETING_FILE)
            .contains(&format!("id = \"{later}\""))
    );
    assert!(!env.read("meetings/next-alex-kim.toml").contains(&later));
}

#[test]
fn add_prints_the_id_on_stdout_and_a_message_on_stderr() {
    let mut env = TestEnv::new();
    env.scenario();
    env.today("2026-11-10");
    let run = env
        .run(["action", "add", "Pair with Sam", "-m", "alex"])
        .success()
        .stderr_has("to Alex Kim (from the meeting on 2026-11-10)");
    let id = run.stdout();
    assert!(
        id.len() == 7 && id.ends_with('\n') && id[..6].chars().all(|c| c.is_ascii_alphanumeric()),
        "{id:?}"
    );
    assert!(run.stderr().contains(&format!("Committed [{}]", id.trim())));
}

#[test]
fn add_without_any_meeting_goes_to_actions_toml() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run([
        "action",
        "add",
        "Read the onboarding doc",
        "--due",
        "2026-11-20",
    ])
    .success()
    .stderr_has("no meeting held yet");
    let file = env.read("actions.toml");
    assert!(file.contains("mentor = \"alex-kim\"\n"), "{file}");
    assert!(file.contains("due = 2026-11-20\n"), "{file}");
    let doc = env.json(["action", "list", "--json"]);
    assert_eq!(doc["commitments"][0]["meeting"], serde_json::Value::Null);
    assert_eq!(doc["commitments"][0]["mentor"], "alex-kim");
}

#[test]
fn an_empty_commitment_is_refused() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["action", "add", "  "])
        .failure_code(1)
        .stderr_has("the commitment is empty");
    assert!(!env.exists("actions.toml"));
}

#[test]
fn list_shows_open_commitments_in_a_table() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    let loose = env.commit(
        "Thank Sam for the intro",
        &["-m", "priya", "--due", "2026-12-01"],
    );
    env.today("2026-11-17");
    let out = env.run(["action", "list"]).success().stdout();
    let out = redact(
        &out,
        &[(&draft, "<act1>"), (&read, "<act2>"), (&loose, "<act3>")],
    );
    insta::assert_snapshot!(out, @r"
    ╭────────┬───────────────────────────────────┬─────────────────┬──────────────────────────────┬────────────────────┬────────╮
    │ ID     ┆ Commitment                        ┆ Mentor          ┆ From                         ┆ Due                ┆ Status │
    ╞════════╪═══════════════════════════════════╪═════════════════╪══════════════════════════════╪════════════════════╪════════╡
    │ <act1> ┆ Draft the split proposal          ┆ Alex Kim        ┆ 2026-11-10                   ┆ 2026-11-13 overdue ┆ open   │
    │ <act3> ┆ Thank Sam for the intro           ┆ Priya Natarajan ┆ 2026-11-11 (no meeting)      ┆ 2026-12-01         ┆ open   │
    │ <act2> ┆ Read chapter 4 of the design book ┆ Alex Kim        ┆ 2026-11-11 (after a meeting) ┆                    ┆ open   │
    ╰────────┴───────────────────────────────────┴─────────────────┴──────────────────────────────┴────────────────────┴────────╯
    ");
}

#[test]
fn list_puts_overdue_first_then_by_due_date() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let no_due = env.commit("No due date", &[]);
    let later = env.commit("Due later", &["--due", "2026-12-01"]);
    let soon = env.commit("Due soon", &["--due", "2026-11-11"]);
    let overdue = env.commit("Overdue", &["--due", "yesterday"]);
    let doc = env.json(["action", "list", "--json"]);
    assert_eq!(
        ids(&doc["commitments"]),
        [overdue.clone(), soon, later, no_due]
    );
    assert_eq!(commitment(&doc, &overdue)["overdue"], true);
}

#[test]
fn list_hides_closed_commitments_unless_all() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    env.run(["action", "done", &draft]).success();
    env.run(["action", "list"])
        .success()
        .stdout_lacks(&draft)
        .stdout_has(&read);
    env.run(["action", "list", "--all"])
        .success()
        .stdout_has(&draft)
        .stdout_has("done");
    env.run(["action", "drop", &read]).success();
    env.run(["action", "list"])
        .success()
        .stdout_is_empty()
        .stderr_has("No open commitments.");
}

#[test]
fn list_for_one_mentor() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    let priya = env.commit("Send Priya the deck", &["-m", "priya"]);
    let doc = env.json(["action", "list", "-m", "priya", "--json"]);
    assert_eq!(ids(&doc["commitments"]), [priya]);
    let doc = env.json(["action", "list", "-m", "Alex Kim", "--json"]);
    assert_eq!(ids(&doc["commitments"]), [draft, read]);
    env.run(["action", "list", "-m", "nobody"])
        .failure_code(1)
        .stderr_has("no mentor matches");
}

#[test]
fn list_json_has_a_stable_shape() {
    let mut env = TestEnv::new();
    let Scenario { draft, meeting, .. } = env.scenario();
    let doc = env.json(["action", "list", "--json"]);
    assert_eq!(doc["version"], 1);
    let object = doc.as_object().expect("an object");
    assert_eq!(
        object.keys().collect::<Vec<_>>(),
        ["commitments", "version"]
    );
    let c = commitment(&doc, &draft);
    assert_eq!(c["text"], "Draft the split proposal");
    assert_eq!(c["mentor"], "alex-kim");
    assert_eq!(c["meeting"]["id"], meeting.as_str());
    assert_eq!(c["meeting"]["date"], "2026-11-10");
    assert_eq!(c["created"], "2026-11-10");
    assert_eq!(c["due"], "2026-11-13");
    assert_eq!(c["status"], "open");
    assert_eq!(c["overdue"], false);
    assert_eq!(c["carried"], 0);
    assert_eq!(c["history"], serde_json::json!([]));
    // An empty list is still a document.
    let env = TestEnv::new();
    let doc = env.json(["action", "list", "--json"]);
    assert_eq!(doc, serde_json::json!({"version": 1, "commitments": []}));
}

#[test]
fn done_drop_reopen_and_set_are_kept_in_the_history_with_notes() {
    let mut env = TestEnv::new();
    let Scenario { draft, .. } = env.scenario();
    env.today("2026-11-12");
    env.run([
        "action",
        "set",
        &draft,
        "in-progress",
        "--note",
        "outline written",
    ])
    .success()
    .stderr_has("Draft the split proposal: in progress.");
    env.today("2026-11-13");
    env.run([
        "action",
        "set",
        &draft,
        "blocked",
        "--note",
        "waiting for the staging database",
    ])
    .success();
    env.today("2026-11-14");
    env.run(["action", "done", &draft, "--note", "sent to the team"])
        .success()
        .stderr_has(": done.");
    env.today("2026-11-15");
    env.run(["action", "reopen", &draft]).success();
    env.today("2026-11-16");
    env.run(["action", "drop", &draft, "--note", "plan changed"])
        .success()
        .stderr_has(": dropped.");

    let doc = env.json(["action", "list", "--all", "--json"]);
    let c = commitment(&doc, &draft);
    assert_eq!(c["status"], "dropped");
    assert_eq!(
        c["history"],
        serde_json::json!([
            {"on": "2026-11-12", "status": "in-progress", "note": "outline written"},
            {"on": "2026-11-13", "status": "blocked", "note": "waiting for the staging database"},
            {"on": "2026-11-14", "status": "done", "note": "sent to the team"},
            {"on": "2026-11-15", "status": "open"},
            {"on": "2026-11-16", "status": "dropped", "note": "plan changed"},
        ])
    );
    let file = env.read(MEETING_FILE);
    assert!(
        file.contains(
            "[[action.history]]\non = 2026-11-14\nstatus = \"done\"\nnote = \"sent to the team\"\n"
        ),
        "{file}"
    );
}

#[test]
fn setting_the_same_status_again_changes_nothing() {
    let mut env = TestEnv::new();
    let Scenario { draft, .. } = env.scenario();
    env.run(["action", "done", &draft]).success();
    let before = env.files();
    env.run(["action", "done", &draft])
        .success()
        .stderr_has("is already done");
    assert_eq!(env.files(), before);
}

#[test]
fn set_refuses_an_unknown_status() {
    let mut env = TestEnv::new();
    let Scenario { draft, .. } = env.scenario();
    env.run(["action", "set", &draft, "finished"])
        .failure_code(2)
        .stderr_has("in-progress");
}

#[test]
fn a_unique_prefix_of_an_id_is_enough() {
    let mut env = TestEnv::new();
    let Scenario { draft, .. } = env.scenario();
    // IDs are random: a prefix is unique when no other ID starts with it.
    let all = env.json(["action", "list", "--all", "--json"]);
    let others = ids(&all["commitments"]);
    let prefix = (1..=6)
        .map(|n| &draft[..n])
        .find(|p| others.iter().filter(|id| id.starts_with(p)).count() == 1)
        .expect("the full ID is unique");
    env.run(["action", "done", &prefix.to_uppercase()])
        .success()
        .stderr_has(&format!("[{draft}] Draft the split proposal: done."));
}

#[test]
fn an_unknown_id_is_an_error_with_a_hint() {
    let mut env = TestEnv::new();
    env.scenario();
    let before = env.files();
    env.run(["action", "done", "zzzzzzz"])
        .failure_code(1)
        .stderr_has("no commitment has the ID `zzzzzzz`")
        .stderr_has("mentee action list --all");
    assert_eq!(env.files(), before);
}

#[test]
fn an_ambiguous_prefix_lists_the_ids() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    // Written by hand, so the IDs are known.
    env.write(
        "actions.toml",
        "format = 1\n\n[[action]]\nid = \"k3f9x2\"\ntext = \"One\"\ncreated = 2026-11-01\nstatus = \"open\"\nmentor = \"alex-kim\"\n\n[[action]]\nid = \"k3a000\"\ntext = \"Two\"\ncreated = 2026-11-01\nstatus = \"open\"\nmentor = \"alex-kim\"\n",
    );
    env.run(["action", "done", "k3"])
        .failure_code(1)
        .stderr_has("`k3` is the start of 2 commitment IDs: k3f9x2, k3a000")
        .stderr_has("type more of the ID");
    env.run(["action", "done", "k3a"])
        .success()
        .stderr_has("[k3a000] Two: done.");
    assert!(
        env.read("actions.toml")
            .contains("id = \"k3a000\"\ntext = \"Two\"\ncreated = 2026-11-01\nstatus = \"done\"")
    );
}

#[test]
fn a_report_on_the_day_of_a_meeting_is_part_of_its_check_in() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    env.today("2026-11-24");
    env.run(["meet", "-m", "alex"]).success();
    env.run(["action", "set", &draft, "done", "--note", "merged"])
        .success();
    env.run(["action", "set", &read, "in-progress"]).success();
    let held = env.read("meetings/2026/2026-11-24-alex-kim.toml");
    assert!(
        held.contains(&format!(
            "[[checkin]]\naction = \"{draft}\"\nstatus = \"done\"\nnote = \"merged\"\n"
        )),
        "{held}"
    );
    assert!(
        held.contains(&format!(
            "[[checkin]]\naction = \"{read}\"\nstatus = \"in-progress\"\n"
        )),
        "{held}"
    );
    // Changing the answer replaces the check-in line.
    env.run(["action", "set", &read, "blocked"]).success();
    let held = env.read("meetings/2026/2026-11-24-alex-kim.toml");
    assert_eq!(
        held.matches(&format!("action = \"{read}\"")).count(),
        1,
        "{held}"
    );
    assert!(
        held.contains(&format!("action = \"{read}\"\nstatus = \"blocked\"")),
        "{held}"
    );
    // The commitment's own history has every answer.
    let doc = env.json(["action", "list", "--json"]);
    assert_eq!(
        commitment(&doc, &read)["history"].as_array().map(Vec::len),
        Some(2)
    );
}

#[test]
fn a_report_on_another_day_adds_no_check_in() {
    let mut env = TestEnv::new();
    let Scenario { draft, .. } = env.scenario();
    env.today("2026-11-24");
    env.run(["meet", "-m", "alex"]).success();
    env.today("2026-11-25");
    env.run(["action", "done", &draft]).success();
    assert!(
        !env.read("meetings/2026/2026-11-24-alex-kim.toml")
            .contains("[[checkin]]")
    );
    // Nor on the meeting where the commitment was made.
    assert!(!env.read(MEETING_FILE).contains("[[checkin]]"));
}

#[test]
fn two_commitments_with_one_id_are_named_with_their_files() {
    let mut env = TestEnv::new();
    let Scenario { draft, .. } = env.scenario();
    // Carried over by hand: the commitment copied, ID and all, into the
    // list of commitments made between meetings.
    env.write(
        "actions.toml",
        &format!(
            "format = 1\n\n[[action]]\nid = \"{draft}\"\ntext = \"Draft it again\"\ncreated = 2026-11-12\nstatus = \"open\"\nmentor = \"alex-kim\"\n"
        ),
    );
    let before = env.files();
    env.run(["action", "done", &draft])
        .failure_code(1)
        .stderr_has(&format!("2 commitments have the same ID `{draft}`"))
        .stderr_has("mentee edit 2026-11-10 -m alex-kim, mentee edit actions");
    assert_eq!(env.files(), before);
}

#[test]
fn the_id_of_another_record_is_named_for_what_it_is() {
    let mut env = TestEnv::new();
    let Scenario { meeting, .. } = env.scenario();
    let note = env
        .run(["note", "Alex: read the SRE book", "-m", "alex"])
        .success()
        .stderr();
    let note = note
        .split('[')
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("the note's ID")
        .to_string();
    let goal = env
        .run(["goal", "add", "Lead a design", "--by", "2027-03-31"])
        .success()
        .stdout()
        .trim()
        .to_string();
    for (id, what) in [
        (
            meeting.as_str(),
            "is the meeting with alex-kim on 2026-11-10, not a commitment",
        ),
        (note.as_str(), "is a note, not a commitment"),
        (goal.as_str(), "is a goal, not a commitment"),
    ] {
        env.run(["action", "done", id])
            .failure_code(1)
            .stderr_has(what)
            .stderr_has(&format!("mentee edit {id}"));
    }
    env.run(["action", "done", "zzzzzz"])
        .failure_code(1)
        .stderr_has("no commitment has the ID `zzzzzz`");
}

#[test]
fn a_commitment_added_between_meetings_is_labelled_with_its_own_day() {
    let mut env = TestEnv::new();
    env.scenario();
    env.today("2026-11-14");
    let id = env.commit("Pair with Sam", &["-m", "alex"]);
    env.run(["action", "add", "Read the RFC", "-m", "alex"])
        .success()
        .stderr_has("to Alex Kim (added 2026-11-14, after the meeting on 2026-11-10)");
    env.run(["action", "list", "-m", "alex"])
        .success()
        .stdout_has("2026-11-14 (after a meeting)");
    env.today("2026-11-24");
    env.run(["meet", "-m", "alex"])
        .success()
        .stdout_has(&format!("[{id}] Pair with Sam (added 2026-11-14)"))
        .stdout_has("Read chapter 4 of the design book (added 2026-11-11)");
}
