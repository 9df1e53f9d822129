//! `mentee summary`: the progress summary to send a mentor (SPEC §4).

use crate::support::{Scenario, TestEnv, position};

/// The scenario with every section filled: four commitments reported in
/// four ways, updates before and after the meeting, thanks, a planned agenda.
fn filled(env: &mut TestEnv) {
    env.today("2026-11-03");
    env.mentor("Alex Kim", &["--every", "2w"]);
    env.mentor("Priya Natarajan", &[]);
    env.run([
        "update",
        "Before the meeting: not in the summary",
        "-m",
        "alex",
    ])
    .success();
    env.today("2026-11-10");
    env.run(["meet", "-m", "alex"]).success();
    let dropped = env.commit("Rewrite the CI pipeline", &["-m", "alex"]);
    let blocked = env.commit("Benchmark the new queue", &["-m", "alex"]);
    let progress = env.commit("Draft the split proposal", &["-m", "alex"]);
    let done = env.commit("Read chapter 4", &["-m", "alex"]);
    env.today("2026-11-12");
    env.run([
        "action",
        "drop",
        &dropped,
        "--note",
        "the team chose another CI",
    ])
    .success();
    env.run([
        "action",
        "set",
        &blocked,
        "blocked",
        "--note",
        "waiting for staging",
    ])
    .success();
    env.run([
        "update",
        "Split the invoices module out of billing",
        "-m",
        "alex",
    ])
    .success();
    env.today("2026-11-14");
    env.run(["action", "set", &progress, "in-progress"])
        .success();
    env.run(["action", "done", &done, "--note", "notes shared in our doc"])
        .success();
    env.run(["update", "My design was approved", "--win", "-m", "alex"])
        .success();
    env.run(["update", "For Priya only", "-m", "priya"])
        .success();
    env.run([
        "thanks",
        "Your tip on small PRs got my review through in a day",
        "-m",
        "alex",
    ])
    .success();
    env.run(["thanks", "Thanks Priya", "-m", "priya"]).success();
    env.run([
        "agenda",
        "How do I lead the design of one service?",
        "-m",
        "alex",
        "--on",
        "2026-11-24",
    ])
    .success();
    env.today("2026-11-17");
}

#[test]
fn markdown_summary_since_the_last_meeting() {
    let mut env = TestEnv::new();
    filled(&mut env);
    let out = env.run(["summary", "-m", "alex"]).success().stdout();
    insta::assert_snapshot!(out, @r"
    # Progress update for Alex Kim, 2026-11-10 to 2026-11-17

    ## Commitments from our last meeting on 2026-11-10

    - Done: Read chapter 4
      notes shared in our doc
    - In progress: Draft the split proposal
    - Blocked: Benchmark the new queue
      waiting for staging
    - Dropped: Rewrite the CI pipeline
      the team chose another CI

    ## Progress

    - 2026-11-12: Split the invoices module out of billing
    - 2026-11-14: Win: My design was approved

    ## Thank you

    - Your tip on small PRs got my review through in a day

    ## For our next meeting on 2026-11-24

    1. How do I lead the design of one service?
    ");
}

#[test]
fn text_summary_has_no_markdown() {
    let mut env = TestEnv::new();
    filled(&mut env);
    let out = env
        .run(["summary", "-m", "alex", "--format", "text"])
        .success()
        .stdout();
    assert!(!out.contains('#'), "{out}");
    insta::assert_snapshot!(out, @r"
    Progress update for Alex Kim, 2026-11-10 to 2026-11-17

    Commitments from our last meeting on 2026-11-10

    - Done: Read chapter 4
      notes shared in our doc
    - In progress: Draft the split proposal
    - Blocked: Benchmark the new queue
      waiting for staging
    - Dropped: Rewrite the CI pipeline
      the team chose another CI

    Progress

    - 2026-11-12: Split the invoices module out of billing
    - 2026-11-14: Win: My design was approved

    Thank you

    - Your tip on small PRs got my review through in a day

    For our next meeting on 2026-11-24

    1. How do I lead the design of one service?
    ");
}

#[test]
fn json_summary_has_the_same_content() {
    let mut env = TestEnv::new();
    filled(&mut env);
    let doc = env.json(["summary", "-m", "alex", "--format", "json"]);
    assert_eq!(env.json(["summary", "-m", "alex", "--json"]), doc);
    assert_eq!(doc["version"], 1);
    let s = &doc["summary"];
    assert_eq!(s["mentor"], "Alex Kim");
    assert_eq!(s["since"], "2026-11-10");
    assert_eq!(s["until"], "2026-11-17");
    assert_eq!(s["last_meeting"], "2026-11-10");
    let statuses: Vec<&str> = s["commitments"]
        .as_array()
        .expect("commitments")
        .iter()
        .map(|c| c["status"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(statuses, ["done", "in-progress", "blocked", "dropped"]);
    let texts = |key: &str| -> Vec<String> {
        s[key]
            .as_array()
            .expect(key)
            .iter()
            .map(|e| e["text"].as_str().unwrap_or("?").to_string())
            .collect()
    };
    assert_eq!(
        texts("progress"),
        [
            "Split the invoices module out of billing",
            "My design was approved"
        ]
    );
    assert_eq!(s["progress"][1]["kind"], "win");
    assert_eq!(
        texts("thanks"),
        ["Your tip on small PRs got my review through in a day"]
    );
    assert_eq!(s["next_meeting"]["date"], "2026-11-24");
    assert_eq!(
        s["next_meeting"]["topics"],
        serde_json::json!(["How do I lead the design of one service?"])
    );
}

#[test]
fn since_widens_or_narrows_the_period() {
    let mut env = TestEnv::new();
    filled(&mut env);
    env.run(["summary", "-m", "alex", "--since", "2026-11-01"])
        .success()
        .stdout_has("# Progress update for Alex Kim, 2026-11-01 to 2026-11-17")
        .stdout_has("Before the meeting: not in the summary");
    env.run(["summary", "-m", "alex", "--since", "last-meeting"])
        .success()
        .stdout_has("2026-11-10 to 2026-11-17")
        .stdout_lacks("Before the meeting");
    env.run([
        "summary",
        "-m",
        "alex",
        "--since",
        "2026-11-13",
        "--until",
        "2026-11-13",
    ])
    .success()
    .stdout_has("2026-11-13 to 2026-11-13")
    .stdout_lacks("## Progress")
    .stdout_lacks("## Thank you");
}

#[test]
fn empty_sections_are_left_out() {
    let mut env = TestEnv::new();
    env.scenario();
    let out = env.run(["summary", "-m", "alex"]).success().stdout();
    assert!(
        out.contains("## Commitments from our last meeting on 2026-11-10"),
        "{out}"
    );
    for absent in ["## Progress", "## Thank you", "## For our next meeting"] {
        assert!(!out.contains(absent), "{out}");
    }
    // Nothing at all: only the title, and a word on stderr.
    env.run(["summary", "-m", "priya"])
        .success()
        .stdout_has("# Progress update for Priya Natarajan, until 2026-11-11\n")
        .stdout_lacks("##")
        .stderr_has("Nothing to report for this period yet");
}

#[test]
fn sections_follow_the_spec_order() {
    let mut env = TestEnv::new();
    filled(&mut env);
    let out = env.run(["summary", "-m", "alex"]).success().stdout();
    let order = [
        "# Progress update",
        "## Commitments",
        "## Progress",
        "## Thank you",
        "## For our next meeting",
    ]
    .map(|heading| position(&out, heading));
    assert!(order.is_sorted(), "{order:?}\n{out}");
}

#[test]
fn a_summary_only_reports_on_the_last_meetings_commitments() {
    let mut env = TestEnv::new();
    let Scenario { read, .. } = env.scenario();
    env.today("2026-11-24");
    env.run(["meet", "-m", "alex"]).success();
    env.commit("Write the runbook", &["-m", "alex"]);
    let out = env.run(["summary", "-m", "alex"]).success().stdout();
    assert!(
        out.contains("## Commitments from our last meeting on 2026-11-24"),
        "{out}"
    );
    assert!(out.contains("- Open: Write the runbook"), "{out}");
    assert!(!out.contains("Read chapter 4"), "{out} ({read})");
}

#[test]
fn a_period_that_ends_earlier_shows_statuses_as_they_were_then() {
    let mut env = TestEnv::new();
    let Scenario { draft, .. } = env.scenario();
    env.today("2026-11-12");
    env.run([
        "action",
        "set",
        &draft,
        "in-progress",
        "--note",
        "outline done",
    ])
    .success();
    env.today("2026-11-20");
    env.run(["action", "done", &draft, "--note", "shipped"])
        .success();
    let then = env
        .run(["summary", "-m", "alex", "--until", "2026-11-15"])
        .success()
        .stdout();
    assert!(
        then.contains("- In progress: Draft the split proposal\n  outline done"),
        "{then}"
    );
    assert!(!then.contains("shipped"), "{then}");
    // Reopened: the old note belongs to the old status and is not shown.
    env.run(["action", "reopen", &draft]).success();
    let now = env.run(["summary", "-m", "alex"]).success().stdout();
    assert!(now.contains("- Open: Draft the split proposal\n"), "{now}");
    assert!(!now.contains("shipped"), "{now}");
}

#[test]
fn a_period_that_ends_before_it_starts_is_refused() {
    let mut env = TestEnv::new();
    env.scenario();
    env.run([
        "summary",
        "-m",
        "alex",
        "--since",
        "2026-11-12",
        "--until",
        "2026-11-11",
    ])
    .failure_code(1)
    .stderr_has("the period starts on 2026-11-12, after it ends on 2026-11-11");
}

#[test]
fn commitments_made_before_any_meeting_are_reported() {
    let env = TestEnv::new();
    env.mentor("Priya Natarajan", &["--since", "2026-11-01"]);
    let id = env.commit("Send Priya my promotion packet", &[]);
    env.run(["action", "done", &id]).success();
    env.run(["summary"])
        .success()
        .stdout_has("## My commitments\n\n- Done: Send Priya my promotion packet");
}

#[test]
fn before_any_meeting_the_period_starts_with_the_first_thing_done_together() {
    let mut env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.today("2026-11-05");
    env.commit("Read the design doc guide", &[]);
    env.run(["agenda", "Q?", "--on", "2026-11-20"]).success();
    env.today("2026-11-10");
    let out = env.run(["summary"]).success().stdout();
    assert!(
        out.starts_with("# Progress update for Alex Kim, 2026-11-05 to 2026-11-10\n"),
        "{out}"
    );
}

#[test]
fn an_earlier_commitment_closed_between_meetings_reaches_the_mentor() {
    let mut env = TestEnv::new();
    env.today("2026-05-04");
    env.mentor("Rae Lin", &["--every", "2w"]);
    env.run(["meet"]).success();
    let runbook = env.commit("Write the runbook", &[]);
    let review = env.commit("Ask ops for a review", &[]);
    // At the next meeting one is reported on and the other carried.
    env.today("2026-05-18");
    env.run([
        "action",
        "set",
        &review,
        "in-progress",
        "--note",
        "asked twice",
    ])
    .success();
    env.run(["meet"]).success();
    // Heard at the meeting: not news the day after.
    env.today("2026-05-19");
    env.run(["summary"])
        .stdout_lacks("Earlier commitments")
        .stdout_lacks("asked twice");
    // Closed between meetings: the mentor hears it in the next summary.
    env.today("2026-05-20");
    env.run(["action", "done", &runbook, "--note", "Ops replied"])
        .success();
    env.today("2026-05-25");
    let out = env.run(["summary"]).success().stdout();
    assert!(
        out.contains("## Earlier commitments\n\n- Done: Write the runbook\n  Ops replied\n"),
        "{out}"
    );
    assert!(!out.contains("Ask ops"), "{out}");
    let doc = env.json(["summary", "--json"]);
    assert_eq!(
        doc["summary"]["earlier_commitments"][0]["id"],
        serde_json::json!(runbook)
    );
}
