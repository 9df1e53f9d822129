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
    .stdout_has("# Progress update for Alex Kim, on 2026-11-13\n")
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
    // The older one is not reported on as the last meeting's, but it is
    // still open: it is listed once, below.
    let (last, rest) = out
        .split_once("## Still open")
        .expect("a Still open section");
    assert!(!last.contains("Read chapter 4"), "{out} ({read})");
    assert!(rest.contains("Read chapter 4"), "{out} ({read})");
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
    // Still open (carried once): listed once, in its own section.
    assert!(
        out.contains("## Still open\n\n- In progress: Ask ops for a review\n  From 2026-05-04, carried over 1 meeting\n"),
        "{out}"
    );
    assert_eq!(out.matches("Ask ops").count(), 1, "{out}");
    let doc = env.json(["summary", "--json"]);
    assert_eq!(
        doc["summary"]["earlier_commitments"][0]["id"],
        serde_json::json!(runbook)
    );
}

/// Four months with a mentor, from the issue: a commitment left unreported
/// at the next meeting stays in every summary until it is closed.
#[test]
fn every_open_commitment_stays_in_the_summary_until_it_is_closed() {
    let mut env = TestEnv::new();
    env.today("2027-01-06");
    env.mentor("Alex Kim", &[]);
    env.run(["meet"]).success();
    let runbook = env.commit("Write the runbook", &["--due", "2027-01-15"]);
    env.today("2027-01-20");
    env.run(["meet"]).success();
    env.commit("Book the retro", &[]);
    env.today("2027-01-28");
    let out = env.run(["summary"]).success().stdout();
    assert!(
        out.contains(
            "## Commitments from our last meeting on 2027-01-20\n\n- Open: Book the retro\n\n\
             ## Still open\n\n- Open: Write the runbook\n  From 2027-01-06, due 2027-01-15, overdue, carried over 1 meeting\n"
        ),
        "{out}"
    );
    // After a meeting at which nothing was reported: both still there, with
    // a third made at it, and never "nothing to report".
    env.run(["meet"]).success();
    env.commit("Draft the roadmap", &["--due", "2027-01-27"]);
    let run = env
        .run(["summary"])
        .success()
        .stdout_has("# Progress update for Alex Kim, since our meeting on 2027-01-28\n")
        .stdout_has("- Open: Draft the roadmap\n  Due 2027-01-27, overdue\n")
        .stdout_has("carried over 2 meetings")
        .stdout_has("- Open: Book the retro\n  From 2027-01-20, carried over 1 meeting\n")
        .stderr_lacks("Nothing to report");
    assert_eq!(run.stdout().matches("Book the retro").count(), 1);
    let doc = env.json(["summary", "--json"]);
    let open = &doc["summary"]["still_open"];
    assert_eq!(open[0]["id"], serde_json::json!(runbook));
    assert_eq!(open[0]["overdue"], serde_json::json!(true));
    assert_eq!(open[0]["carried"], serde_json::json!(2));
    assert_eq!(open.as_array().map(Vec::len), Some(2));
    // Closed: it leaves the summary after the one that reports it.
    env.run(["action", "done", &runbook]).success();
    env.today("2027-02-03");
    env.run(["meet"]).success();
    env.today("2027-02-04");
    env.run(["summary"])
        .success()
        .stdout_lacks("Write the runbook")
        .stdout_has("Book the retro");
}

#[test]
fn a_summary_of_only_open_commitments_is_not_empty() {
    let mut env = TestEnv::new();
    env.today("2027-01-06");
    env.mentor("Alex Kim", &[]);
    env.run(["meet"]).success();
    env.commit("Write the runbook", &[]);
    env.today("2027-01-20");
    env.run(["meet"]).success();
    env.run(["summary", "--format", "text"])
        .success()
        .stdout_has("Progress update for Alex Kim, since our meeting on 2027-01-20\n\nStill open\n\n- Open: Write the runbook\n  From 2027-01-06, carried over 1 meeting\n")
        .stderr_lacks("Nothing to report");
    // One day with no meeting on it.
    env.run(["summary", "--since", "2027-01-19", "--until", "2027-01-19"])
        .success()
        .stdout_has("# Progress update for Alex Kim, on 2027-01-19\n");
}

/// A win and a goal for every mentor, from before the coach came along,
/// are not the coach's to hear about; one logged while the coaching went
/// on is.
#[test]
fn entries_for_everyone_reach_only_the_mentors_of_their_time() {
    let mut env = TestEnv::new();
    env.today("2027-01-05");
    env.mentor("Alex Kim", &["--since", "2027-01-01"]);
    env.mentor(
        "Priya Natarajan",
        &["--since", "2027-01-01", "--role", "sponsor"],
    );
    env.run(["goal", "add", "Speak at a meetup", "--by", "2027-06-30"])
        .success();
    env.today("2027-01-10");
    env.run(["update", "--win", "Shipped the billing split"])
        .success();
    env.today("2027-02-01");
    env.mentor(
        "Jordan Reyes",
        &["--since", "2027-02-01", "--role", "coach"],
    );
    env.run(["meet", "-m", "jordan"]).success();
    env.today("2027-02-15");
    env.run(["update", "--win", "Ran my first design review"])
        .success();
    env.today("2027-02-20");
    env.run(["mentor", "end", "jordan"]).success();
    for args in [
        vec!["review", "-m", "jordan"],
        vec!["summary", "-m", "jordan", "--since", "2027-01-01"],
    ] {
        env.run(args)
            .success()
            .stdout_has("Ran my first design review")
            .stdout_lacks("Shipped the billing split")
            .stdout_lacks("Speak at a meetup");
    }
    // The mentor of that time hears about both.
    env.run(["review", "-m", "alex", "--mid"])
        .success()
        .stdout_has("Shipped the billing split")
        .stdout_has("Ran my first design review")
        .stdout_has("Speak at a meetup");
}

#[test]
fn the_review_lists_the_commitments_by_outcome() {
    let mut env = TestEnv::new();
    env.today("2027-01-06");
    env.mentor("Alex Kim", &["--since", "2027-01-01"]);
    env.run(["meet"]).success();
    let kept = env.commit("Write the runbook", &[]);
    let dropped = env.commit("Rewrite the wiki", &[]);
    let open = env.commit("Book the retro", &["--due", "2027-01-15"]);
    env.today("2027-01-12");
    env.run(["action", "done", &kept, "--note", "Ops signed it off"])
        .success();
    env.run(["action", "drop", &dropped]).success();
    env.today("2027-01-20");
    env.run(["review", "--mid"])
        .success()
        .stdout_has("I made 3 commitments: 1 kept, 1 dropped, 1 still open.")
        .stdout_has("### Kept\n\n- Write the runbook (done on 2027-01-12)\n  Ops signed it off\n")
        .stdout_has("### Dropped\n\n- Rewrite the wiki (dropped on 2027-01-12)\n")
        .stdout_has("### Still open\n\n- Open: Book the retro\n  From 2027-01-06, due 2027-01-15, overdue\n");
    let doc = env.json(["review", "--mid", "--json"]);
    let by = &doc["review"]["commitments_by_outcome"];
    assert_eq!(by["kept"][0]["id"], serde_json::json!(kept));
    assert_eq!(by["dropped"][0]["id"], serde_json::json!(dropped));
    assert_eq!(by["open"][0]["id"], serde_json::json!(open));
    assert_eq!(doc["review"]["commitments"]["made"], serde_json::json!(3));
}
