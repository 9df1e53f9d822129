//! Correcting and removing records from the command line: `action set`
//! with corrections, `goal set`, `mentor set|reopen`, `entry set`, `rm`,
//! and the checks of `mentor end`.

use crate::support::{MEETING_FILE, Scenario, TestEnv, commitment};

#[test]
fn a_corrected_due_date_and_text_are_kept_as_corrections_not_reports() {
    let mut env = TestEnv::new();
    let Scenario { draft, .. } = env.scenario();
    // A hand edit in the meeting file survives the correction.
    let file = env.read(MEETING_FILE) + "# my own note\n";
    env.write(
        MEETING_FILE,
        &file.replace("status = \"open\"", "status = \"open\" # keep"),
    );
    env.run([
        "action",
        "set",
        &draft,
        "--due",
        "2026-11-20",
        "--text",
        "Draft the billing split",
        "--note",
        "agreed a later date",
    ])
    .success()
    .stderr_has("corrected: due 2026-11-13 → 2026-11-20")
    .stderr_has("corrected: text \"Draft the split proposal\" → \"Draft the billing split\"");
    let doc = env.json(["action", "list", "--json"]);
    let c = commitment(&doc, &draft);
    assert_eq!(c["due"], "2026-11-20");
    assert_eq!(c["text"], "Draft the billing split");
    assert_eq!(c["status"], "open");
    assert_eq!(c["history"].as_array().map(Vec::len), Some(0));
    assert_eq!(c["corrections"][1]["change"], "due 2026-11-13 → 2026-11-20");
    assert_eq!(c["corrections"][1]["note"], "agreed a later date");
    let after = env.read(MEETING_FILE);
    assert!(
        after.contains("# my own note") && after.contains("# keep"),
        "{after}"
    );
    assert!(after.contains("[[action.correction]]"), "{after}");
    // No due date at all, and a status with it: the note goes with the status.
    env.run([
        "action", "set", &draft, "done", "--no-due", "--note", "sent",
    ])
    .success()
    .stderr_has("due 2026-11-20 → none")
    .stderr_has(": done.");
    let doc = env.json(["action", "list", "--all", "--json"]);
    let c = commitment(&doc, &draft);
    assert!(c["due"].is_null());
    assert_eq!(c["history"][0]["note"], "sent");
}

#[test]
fn action_set_with_nothing_to_change_names_the_flags() {
    let mut env = TestEnv::new();
    let Scenario { draft, .. } = env.scenario();
    env.run(["action", "set", &draft])
        .failure_code(1)
        .stderr_has("nothing to change")
        .stderr_has("--due DATE|--no-due");
    env.run(["action", "set", &draft, "--due", "fri", "--no-due"])
        .failure_code(2);
}

#[test]
fn a_commitment_can_serve_another_goal_or_none() {
    let mut env = TestEnv::new();
    let Scenario { draft, .. } = env.scenario();
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
        .stdout();
    let goal = goal.trim();
    env.run(["action", "set", &draft, "--goal", goal])
        .success()
        .stderr_has(&format!("goal none → {goal}"));
    env.run(["action", "set", &draft, "--no-goal"])
        .success()
        .stderr_has(&format!("goal {goal} → none"));
    env.run(["action", "set", &draft, "--no-goal"])
        .success()
        .stderr_has("nothing changed");
}

#[test]
fn goal_set_corrects_the_date_text_and_measure() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let goal = env
        .run(["goal", "add", "Lead a design", "--by", "2027-03-31"])
        .success()
        .stdout();
    let goal = goal.trim();
    env.run([
        "goal",
        "set",
        goal,
        "--by",
        "2027-04-30",
        "--measure",
        "doc approved",
    ])
    .success()
    .stderr_has("by 2027-03-31 → 2027-04-30")
    .stderr_has("measure none → \"doc approved\"");
    let doc = env.json(["goal", "list", "--json"]);
    assert_eq!(doc["goals"][0]["by"], "2027-04-30");
    assert_eq!(doc["goals"][0]["measure"], "doc approved");
    assert!(env.read("goals.toml").contains("[[goal.correction]]"));
    env.run(["goal", "set", goal])
        .failure_code(1)
        .stderr_has("--text TEXT, --by DATE or --measure TEXT");
}

#[test]
fn mentor_set_keeps_the_slug_and_reopen_clears_the_end() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &["--since", "2026-09-01"]);
    env.write(
        "mentors.toml",
        &(env.read("mentors.toml") + "favourite = \"tea\" # by hand\n"),
    );
    env.run([
        "mentor",
        "set",
        "alex",
        "--name",
        "Alex Kimura",
        "--every",
        "3w",
        "--email",
        "a@x.org",
    ])
    .success()
    .stderr_has("Corrected Alex Kimura (-m alex-kim): name, email, cadence.");
    let file = env.read("mentors.toml");
    assert!(
        file.contains("slug = \"alex-kim\"") && file.contains("favourite = \"tea\" # by hand"),
        "{file}"
    );
    env.run(["mentor", "set", "alex", "--until", "2026-08-01"])
        .failure_code(1)
        .stderr_has("before it starts on 2026-09-01");
    env.run(["mentor", "end", "alex"]).success();
    env.run(["mentor", "list"])
        .success()
        .stderr_has("No active mentors");
    env.run(["mentor", "reopen", "alex"])
        .success()
        .stderr_has("active again");
    env.run(["mentor", "list"])
        .success()
        .stdout_has("Alex Kimura");
    env.run(["mentor", "set", "alex"])
        .failure_code(1)
        .stderr_has("--no-until");
}

#[test]
fn mentor_end_refuses_a_day_before_the_first_meeting_and_plans_a_later_one() {
    let mut env = TestEnv::new();
    env.scenario();
    env.run(["mentor", "end", "alex", "--on", "2026-11-01"])
        .failure_code(1)
        .stderr_has("before your first meeting with them, on 2026-11-10");
    env.run(["mentor", "end", "alex", "--on", "2026-12-31"])
        .success()
        .stderr_has("planned to end on 2026-12-31; it stays active until then");
    env.run(["mentor", "list"]).success().stdout_has("Alex Kim");
    env.run(["mentor", "end", "alex"]).success();
    // Already ended: moving the date needs a yes.
    env.run(["mentor", "end", "alex", "--on", "2026-11-10"])
        .failure_code(1)
        .stderr_has("already ended on 2026-11-11")
        .stderr_has("--yes");
    env.run(["mentor", "end", "alex", "--on", "2026-11-10", "--yes"])
        .success()
        .stderr_has("it now ends on 2026-11-10");
}

#[test]
fn entry_set_corrects_a_text_and_a_decision_only_has_a_why() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["update", "Shiped the billing split"]).success();
    let id = env.tables("journal/2026/2026-11.toml", "entry")[0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    env.run(["entry", "set", &id, "--text", "Shipped the billing split"])
        .success()
        .stderr_has("Corrected the text of an update");
    let entry = &env.tables("journal/2026/2026-11.toml", "entry")[0];
    assert_eq!(entry["text"].as_str(), Some("Shipped the billing split"));
    assert!(entry.contains_key("edited"));
    env.run(["entry", "set", &id, "--why", "because"])
        .failure_code(1)
        .stderr_has("only a decision has a why");
    env.run(["entry", "set", &id])
        .failure_code(1)
        .stderr_has("nothing to change");
}

/// An entry pasted twice (by hand or by a merge) cannot be told apart by
/// typing more of its ID: the error says it is a copy, and nothing changes.
#[test]
fn an_entry_copied_by_hand_is_named_as_a_copy() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["update", "Shipped the billing split"]).success();
    let file = "journal/2026/2026-11.toml";
    let text = env.read(file);
    let entry = &text[text.find("[[entry]]").expect("an entry")..];
    let copied = format!("{text}\n{entry}");
    env.write(file, &copied);
    let id = env.tables(file, "entry")[0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    env.run(["entry", "set", &id, "--text", "Shipped it"])
        .failure_code(1)
        .stderr_has(&format!(
            "2 journal entry records have the same ID `{id}` (a copy made by hand or by a merge?)"
        ))
        .stderr_has("hint: if one is a copy, delete it")
        .stderr_lacks("type more of the ID");
    assert_eq!(env.read(file), copied);
}

#[test]
fn rm_needs_a_yes_off_a_terminal_and_unlinks_what_pointed_at_the_record() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    env.run(["thanks", "Thanks for the idea", "--action", &draft])
        .success();
    env.run(["rm", &draft])
        .failure_code(1)
        .stderr_has("needs a yes")
        .stderr_has(&format!("mentee rm {draft} --yes"));
    assert!(env.read(MEETING_FILE).contains(&draft));
    env.run(["rm", &draft, "--yes"])
        .success()
        .stderr_has("Removed the commitment")
        .stderr_has("no longer tied to a commitment");
    assert!(!env.read(MEETING_FILE).contains(&draft));
    assert!(env.read(MEETING_FILE).contains(&read));
    let thanks = &env.tables("journal/2026/2026-11.toml", "entry")[0];
    assert_eq!(thanks["text"].as_str(), Some("Thanks for the idea"));
    assert!(!thanks.contains_key("action"));
    let doc = env.json(["action", "list", "--all", "--json"]);
    assert_eq!(doc["commitments"].as_array().map(Vec::len), Some(1));
    env.run(["summary", "-m", "alex"])
        .success()
        .stdout_lacks("Draft the split");
    env.run(["rm", "zzzzzz", "--yes"])
        .failure_code(1)
        .stderr_has("no record has the ID");
}

#[test]
fn rm_takes_a_held_meeting_only_with_yes_and_its_commitments_go_too() {
    let mut env = TestEnv::new();
    let Scenario { draft, meeting, .. } = env.scenario();
    env.run(["rm", &meeting])
        .failure_code(1)
        .stderr_has("removing it also removes the 2 commitments made there");
    assert!(env.exists(MEETING_FILE));
    env.run(["rm", &meeting, "--yes"]).success();
    assert!(!env.exists(MEETING_FILE));
    env.run(["action", "list", "--all"])
        .success()
        .stdout_lacks(&draft);
}

#[test]
fn rm_removes_an_entry_a_goal_a_queued_topic_and_a_planned_meeting() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["update", "A mistaken update"]).success();
    env.run(["update", "Kept"]).success();
    let entries = env.tables("journal/2026/2026-11.toml", "entry");
    let id = entries[0]["id"].as_str().expect("id").to_string();
    env.run(["rm", &id, "--yes"])
        .success()
        .stderr_has("Removed an update");
    let entries = env.tables("journal/2026/2026-11.toml", "entry");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["text"].as_str(), Some("Kept"));

    let goal = env
        .run(["goal", "add", "Lead a design", "--by", "2027-03-31"])
        .success()
        .stdout();
    env.run(["rm", goal.trim(), "--yes"]).success();
    env.run(["goal", "list", "--all"])
        .success()
        .stdout_lacks("Lead a design");

    env.run(["agenda", "--later", "Which talks are worth it?"])
        .success();
    let topic = env.tables("later.toml", "topic")[0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    env.run(["rm", &topic, "--yes"])
        .success()
        .stderr_has("queued topic");
    assert!(!env.read("later.toml").contains("talks"));

    env.run(["agenda", "How do I split the billing service?"])
        .success();
    let text = env.read("meetings/next-alex-kim.toml");
    let id = text
        .lines()
        .find_map(|l| l.strip_prefix("id = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .expect("meeting id")
        .to_string();
    env.run(["rm", &id, "--yes"])
        .success()
        .stderr_has("planned with Alex Kim");
    assert!(!env.exists("meetings/next-alex-kim.toml"));
}

#[test]
fn rm_with_an_ambiguous_prefix_lists_the_candidates_with_their_kinds() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.write(
        "journal/2026/2026-11.toml",
        "format = 1\n[[entry]]\nid = \"ab0001\"\ndate = 2026-11-01\nkind = \"update\"\ntext = \"one\"\n\n[[entry]]\nid = \"ab0002\"\ndate = 2026-11-02\nkind = \"win\"\ntext = \"two\"\n",
    );
    env.run(["rm", "ab", "--yes"])
        .failure_code(1)
        .stderr_has("ab0001 (an update), ab0002 (a win)");
}

#[test]
fn a_done_commitment_reported_done_again_keeps_the_day_it_was_done() {
    let mut env = TestEnv::new();
    let Scenario { draft, .. } = env.scenario();
    env.today("2026-11-13");
    env.run(["action", "done", &draft, "--note", "Shared"])
        .success();
    let before = env.files();
    env.today("2026-12-20");
    for args in [
        vec!["action", "done", draft.as_str(), "--note", "again"],
        vec!["action", "set", draft.as_str(), "done", "--note", "again"],
        vec![
            "action",
            "set",
            draft.as_str(),
            "done",
            "--note",
            "again",
            "--text",
            "Draft it",
        ],
    ] {
        env.run(&args)
            .failure_code(1)
            .stderr_has(&format!(
                "[{draft}] is already done since 2026-11-13; reporting it again would move that day"
            ))
            .stderr_has(&format!("mentee update \"...\" --action {draft}"));
    }
    assert_eq!(env.files(), before, "nothing was written");
    // An open status may be reported again, with news.
    env.run(["action", "reopen", &draft]).success();
    env.run(["action", "set", &draft, "blocked", "--note", "no data"])
        .success();
    env.run(["action", "set", &draft, "blocked", "--note", "still none"])
        .success();
    let doc = env.json(["action", "list", "--json"]);
    let history = commitment(&doc, &draft)["history"].as_array().map(Vec::len);
    assert_eq!(history, Some(4));
}

#[test]
fn rm_wants_four_characters_of_an_id_even_with_yes() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["update", "Shipped it"]).success();
    // A hand-written entry with a known ID: nothing else starts with "zq1".
    let month = env
        .files()
        .into_keys()
        .find(|name| name.starts_with("journal/"))
        .expect("a month file");
    let text = env.read(&month)
        + "\n[[entry]]\nid = \"zq1234\"\ndate = 2026-11-10\nkind = \"update\"\ntext = \"Typo\"\n";
    env.write(&month, &text);
    let before = env.files();
    env.run(["rm", "zq1", "--yes"])
        .failure_code(1)
        .stderr_has("`zq1` is too short an ID to remove a record by: it matches")
        .stderr_has("mentee rm zq1234");
    assert_eq!(env.files(), before, "nothing was removed");
    env.run(["rm", "zq12", "--yes"]).success();
    assert!(!env.read(&month).contains("zq1234"));
}
