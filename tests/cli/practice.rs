//! The practice around the meetings: `decide` and `decisions` (the decision
//! log), `advice` and `outcome` (how a mentor's advice worked out, in the
//! summary), `giveback`, and `review` of the whole mentorship term.

use crate::support::{TestEnv, position};
use serde_json::Value;

/// The journal entries of one month file, parsed.
fn entries(env: &TestEnv, month: &str) -> Vec<toml::Table> {
    env.tables(&format!("journal/{}/{month}.toml", &month[..4]), "entry")
}

fn string(entry: &toml::Table, key: &str) -> Option<String> {
    entry.get(key).and_then(|v| v.as_str()).map(str::to_string)
}

/// The six characters after `marker` in `message`: an ID in a confirmation.
#[track_caller]
fn id_after(message: &str, marker: &str) -> String {
    let start = position(message, marker) + marker.len();
    message[start..start + 6].to_string()
}

// ---- the decision log ------------------------------------------------------

#[test]
fn a_decision_keeps_its_options_the_mentors_input_and_why() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run([
        "decide",
        "Stay on billing until the split ships",
        "--option",
        "Move to the platform team now",
        "--option",
        "Stay on billing",
        "--input",
        "Finish what you started; platform will still be there",
        "--why",
        "Leading the split is the design experience I am missing",
    ])
    .success()
    .stdout_is_empty()
    .stderr_has("Logged the decision with Alex Kim [");
    let list = entries(&env, "2026-11");
    assert_eq!(list.len(), 1);
    let d = &list[0];
    assert_eq!(string(d, "kind").as_deref(), Some("decision"));
    assert_eq!(string(d, "mentor").as_deref(), Some("alex-kim"));
    assert_eq!(
        string(d, "text").as_deref(),
        Some("Stay on billing until the split ships")
    );
    let options: Vec<&str> = d["options"]
        .as_array()
        .expect("options")
        .iter()
        .map(|o| o.as_str().expect("a string"))
        .collect();
    assert_eq!(
        options,
        ["Move to the platform team now", "Stay on billing"]
    );
    assert_eq!(
        string(d, "input").as_deref(),
        Some("Finish what you started; platform will still be there")
    );
    assert_eq!(
        string(d, "why").as_deref(),
        Some("Leading the split is the design experience I am missing")
    );
}

#[test]
fn a_decision_without_why_is_refused_and_nothing_is_written() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["decide", "Take the platform offer"])
        .failure_code(2)
        .stderr_has("error: a decision needs its reason (--why)")
        .stderr_has("hint: say why you chose it: mentee decide");
    env.run(["decide", "Take the platform offer", "--why", "  "])
        .failure_code(1)
        .stderr_has("error: --why is empty");
    env.run([
        "decide",
        "Take the platform offer",
        "--why",
        "Growth",
        "--option",
        "",
    ])
    .failure_code(1)
    .stderr_has("error: --option is empty");
    env.run(["decide", " ", "--why", "Growth"])
        .failure_code(1)
        .stderr_has("error: the decision is empty");
    assert_eq!(env.file_names(), ["mentors.toml"]);
}

#[test]
fn a_decision_is_nobodys_in_particular_unless_a_mentor_gave_input() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.mentor("Priya Natarajan", &[]);
    env.run([
        "decide",
        "Learn Rust properly",
        "--why",
        "Our new services use it",
    ])
    .success()
    .stderr_has("Logged the decision [");
    assert_eq!(string(&entries(&env, "2026-11")[0], "mentor"), None);
    // Whose input? It needs a mentor.
    env.run([
        "decide",
        "Apply for the tech lead role",
        "--why",
        "I am ready",
        "--input",
        "Go for it",
    ])
    .failure_code(1)
    .stderr_has("which mentor?");
    assert_eq!(entries(&env, "2026-11").len(), 1);
}

#[test]
fn decisions_lists_each_decision_as_a_block() {
    let mut env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.mentor("Priya Natarajan", &[]);
    env.run(["decisions"])
        .success()
        .stdout_is_empty()
        .stderr_has("No decisions logged. Log one with: mentee decide");
    env.today("2026-10-02")
        .run([
            "decide",
            "Learn Rust properly",
            "--why",
            "Our new services use it",
        ])
        .success();
    env.today("2026-11-12")
        .run([
            "decide",
            "Stay on billing until the split ships",
            "--option",
            "Move to the platform team now",
            "--option",
            "Stay on billing",
            "--input",
            "Finish what you started",
            "--why",
            "Leading the split is the design experience I am missing",
            "-m",
            "alex",
        ])
        .success();
    env.run([
        "decide",
        "Ask for the promotion in January",
        "--why",
        "After the review cycle",
        "-m",
        "priya",
    ])
    .success();
    let out = env.run(["decisions"]).success().stdout();
    let rust = position(&out, "2026-10-02  Learn Rust properly [");
    let billing = position(&out, "2026-11-12  Stay on billing until the split ships [");
    assert!(rust < billing, "oldest first:\n{out}");
    for line in [
        "  Options:  - Move to the platform team now\n            - Stay on billing\n",
        "  Mentor:   Alex Kim\n  Input:    Finish what you started\n",
        "  Why:      Leading the split is the design experience I am missing\n",
        "  Why:      Our new services use it\n",
        "  Mentor:   Priya Natarajan\n",
    ] {
        assert!(out.contains(line), "no {line:?} in:\n{out}");
    }
    // One mentor's decisions, and those that are nobody's in particular.
    env.run(["decisions", "-m", "alex"])
        .success()
        .stdout_has("Stay on billing")
        .stdout_has("Learn Rust properly")
        .stdout_lacks("promotion");
    env.run(["decisions", "--since", "2026-11-01"])
        .success()
        .stdout_has("Stay on billing")
        .stdout_lacks("Learn Rust");
    env.run(["decisions", "--since", "2026-12-01"])
        .success()
        .stdout_is_empty()
        .stderr_has("No decisions logged in that period.");
    let doc = env.json(["decisions", "-m", "alex", "--json"]);
    let list = doc["decisions"].as_array().expect("a decisions array");
    assert_eq!(list.len(), 2);
    assert_eq!(list[1]["kind"], "decision");
    assert_eq!(list[1]["mentor"], "alex-kim");
    assert_eq!(
        list[1]["options"],
        serde_json::json!(["Move to the platform team now", "Stay on billing"])
    );
    assert_eq!(list[1]["input"], "Finish what you started");
    assert_eq!(list[0]["why"], "Our new services use it");
}

#[test]
fn the_log_shows_a_decisions_reason_and_an_outcomes_advice() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["decide", "Stay on billing", "--why", "Finish the split"])
        .success();
    let advice = env
        .run(["advice", "Escalate with a date"])
        .success()
        .stdout()
        .trim()
        .to_string();
    env.run(["outcome", &advice, "Got an answer the same day"])
        .success();
    env.run(["giveback", "Sent the meetup's call for speakers"])
        .success();
    let out = env.run(["log"]).success().stdout();
    for line in [
        "decision    Alex Kim",
        "Stay on billing (why: Finish the split)",
        "advice      Alex Kim",
        &format!("Got an answer the same day (about advice {advice})"),
        "giveback    Alex Kim",
    ] {
        assert!(out.contains(line), "no {line:?} in:\n{out}");
    }
}

// ---- advice and how it worked out ------------------------------------------

#[test]
fn advice_prints_its_id_and_needs_a_mentor() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let run = env
        .run(["advice", "Split along the data, not the code"])
        .success();
    let id = run.stdout().trim().to_string();
    assert_eq!(id.len(), 6, "advice printed {id:?}");
    assert!(
        run.stderr().contains(&format!(
            "Logged the advice from Alex Kim [{id}]. Once you have tried it: mentee outcome {id} \"How it went\""
        )),
        "{}",
        run.stderr()
    );
    let list = entries(&env, "2026-11");
    assert_eq!(string(&list[0], "kind").as_deref(), Some("advice"));
    assert_eq!(string(&list[0], "id"), Some(id));
    assert_eq!(string(&list[0], "mentor").as_deref(), Some("alex-kim"));

    env.mentor("Priya Natarajan", &[]);
    env.run(["advice", "Write it down"])
        .failure_code(1)
        .stderr_has("which mentor?")
        .stderr_has("hint: pass -m NAME");
    env.run(["advice", "Write it down", "-m", "priya"])
        .success()
        .stderr_has("from Priya Natarajan");
}

/// A November journal with advice and an update written by hand, so the IDs
/// are known.
fn hand_written_advice(env: &TestEnv) {
    env.write(
        "journal/2026/2026-11.toml",
        "format = 1\n\n\
         [[entry]]\nid = \"k3f9x2\"\ndate = 2026-11-02\nkind = \"advice\"\nmentor = \"alex-kim\"\n\
         text = \"Escalate with a date\"\n\n\
         [[entry]]\nid = \"k3a000\"\ndate = 2026-11-03\nkind = \"advice\"\nmentor = \"alex-kim\"\n\
         text = \"Pair with Nadia\"\n\n\
         [[entry]]\nid = \"k3b111\"\ndate = 2026-11-04\nkind = \"update\"\nmentor = \"alex-kim\"\n\
         text = \"Shipped\"\n",
    );
}

#[test]
fn an_outcome_finds_its_advice_by_a_unique_prefix() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.mentor("Priya Natarajan", &[]);
    hand_written_advice(&env);
    env.run(["outcome", "k3", "It worked"])
        .failure_code(1)
        .stderr_has("`k3` is the start of 2 advice IDs: k3f9x2, k3a000")
        .stderr_has("hint: type more of the ID");
    env.run(["outcome", "k3b", "It worked"])
        .failure_code(1)
        .stderr_has("[k3b111] is an update, not advice");
    env.run(["outcome", "zzzz", "It worked"])
        .failure_code(1)
        .stderr_has("no advice has the ID `zzzz`")
        .stderr_has("hint: find the advice and its ID with: mentee log");
    assert_eq!(entries(&env, "2026-11").len(), 3, "nothing was written");
    // No -m needed with two mentors: the outcome is the advice's mentor's.
    let run = env
        .run([
            "outcome",
            "K3F",
            "Asked for an answer by Friday; got it the same day",
        ])
        .success()
        .stdout_is_empty()
        .stderr_has("Logged how Alex Kim's advice [k3f9x2] worked out [");
    let list = entries(&env, "2026-11");
    let outcome = list.last().expect("the outcome");
    assert_eq!(string(outcome, "kind").as_deref(), Some("outcome"));
    assert_eq!(string(outcome, "about").as_deref(), Some("k3f9x2"));
    assert_eq!(string(outcome, "mentor").as_deref(), Some("alex-kim"));
    assert_eq!(
        string(outcome, "id"),
        Some(id_after(&run.stderr(), "worked out ["))
    );
    // The outcome's own ID is not advice, and neither an empty text.
    env.run(["outcome", "k3f9x2", " "])
        .failure_code(1)
        .stderr_has("the outcome is empty");
    env.run(["outcome", "k3f9x2"])
        .failure_code(2)
        .stderr_has("hint: mentee outcome k3f9x2 \"How it went\"");
}

#[test]
fn an_outcome_reads_only_the_month_that_holds_the_advice() {
    let mut env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.today("2026-10-05");
    let advice = env
        .run(["advice", "Escalate with a date"])
        .success()
        .stdout()
        .trim()
        .to_string();
    // A month that does not parse, and holds no matching ID.
    env.write(
        "journal/2026/2026-09.toml",
        "format = 1\n[[entry]\nid = \"zzzzzz\"\n",
    );
    env.today("2026-11-12");
    env.run(["outcome", &advice, "Same-day answer"])
        .success()
        .stderr_has("Logged how Alex Kim's advice");
    env.run(["summary", "--since", "2026-11-01"])
        .success()
        .stdout_has("- Your advice (2026-10-05): Escalate with a date");
    // Commands that read the whole journal do trip over the broken month.
    env.run(["log"]).failure_code(1).stderr_has("2026-09.toml");
}

#[test]
fn the_summary_says_how_the_advice_worked_out_after_progress_and_before_thanks() {
    let mut env = TestEnv::new();
    env.today("2026-10-05");
    env.mentor("Alex Kim", &["--every", "2w"]);
    env.mentor("Priya Natarajan", &[]);
    let old = env
        .run([
            "advice",
            "Escalate with a date, not with urgency",
            "-m",
            "alex",
        ])
        .success()
        .stdout()
        .trim()
        .to_string();
    let priyas = env
        .run(["advice", "Ask for the scope in writing", "-m", "priya"])
        .success()
        .stdout()
        .trim()
        .to_string();
    env.today("2026-11-10");
    env.run(["meet", "-m", "alex"]).success();
    let fresh = env
        .run(["advice", "Read two design docs a week", "-m", "alex"])
        .success()
        .stdout()
        .trim()
        .to_string();
    env.today("2026-11-12");
    env.run(["update", "Split plan approved", "-m", "alex"])
        .success();
    env.run([
        "outcome",
        &old,
        "Asked for an answer by Friday;\ngot it the same day",
    ])
    .success();
    env.run(["outcome", &priyas, "Scope agreed"]).success();
    env.run(["thanks", "The escalation tip saved a week", "-m", "alex"])
        .success();
    env.today("2026-11-14");
    env.run([
        "outcome",
        &fresh,
        "The second doc showed me how to write non-goals",
    ])
    .success();
    let out = env.run(["summary", "-m", "alex"]).success().stdout();
    let section = "## How your advice worked out\n\n\
        - Your advice (2026-10-05): Escalate with a date, not with urgency\n  \
        How it went (2026-11-12): Asked for an answer by Friday;\n  got it the same day\n\
        - Your advice (2026-11-10): Read two design docs a week\n  \
        How it went (2026-11-14): The second doc showed me how to write non-goals\n";
    assert!(out.contains(section), "no {section:?} in:\n{out}");
    assert!(position(&out, "## Progress") < position(&out, section));
    assert!(position(&out, section) < position(&out, "## Thank you"));
    assert!(!out.contains("Scope agreed"), "Priya's outcome:\n{out}");
    env.run(["summary", "-m", "alex", "--format", "text"])
        .success()
        .stdout_has("How your advice worked out\n\n- Your advice (2026-10-05)");
    // Outcomes before the period are left out.
    env.run(["summary", "-m", "alex", "--since", "2026-11-13"])
        .success()
        .stdout_lacks("Escalate")
        .stdout_has("Read two design docs");

    let doc = env.json(["summary", "-m", "alex", "--json"]);
    let outcomes = doc["summary"]["outcomes"].as_array().expect("outcomes");
    assert_eq!(outcomes.len(), 2);
    assert_eq!(outcomes[0]["advice"]["id"], old.as_str());
    assert_eq!(outcomes[0]["advice"]["kind"], "advice");
    assert_eq!(outcomes[0]["outcomes"][0]["about"], old.as_str());
    assert_eq!(outcomes[0]["outcomes"][0]["kind"], "outcome");
}

// ---- giving back -----------------------------------------------------------

#[test]
fn giveback_is_logged_for_a_mentor() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["giveback", "Introduced Alex to the data guild lead"])
        .success()
        .stdout_is_empty()
        .stderr_has("Logged what you shared with Alex Kim [");
    let list = entries(&env, "2026-11");
    assert_eq!(string(&list[0], "kind").as_deref(), Some("giveback"));
    assert_eq!(string(&list[0], "mentor").as_deref(), Some("alex-kim"));
    env.mentor("Priya Natarajan", &[]);
    env.run(["giveback", "An article on staff roles"])
        .failure_code(1)
        .stderr_has("which mentor?");
    env.run(["giveback", "An article on staff roles", "-m", "pri"])
        .success()
        .stderr_has("with Priya Natarajan");
}

// ---- the review of the term ------------------------------------------------

/// Alex Kim's term, 2026-09-01 to 2027-02-28, with a bit of everything,
/// and Priya's records beside it that must stay out of Alex's review.
fn term() -> TestEnv {
    let mut env = TestEnv::new();
    env.today("2026-09-01");
    env.mentor(
        "Alex Kim",
        &[
            "--every",
            "2w",
            "--since",
            "2026-09-01",
            "--until",
            "2027-02-28",
        ],
    );
    env.mentor("Priya Natarajan", &["--role", "sponsor"]);
    env.write(
        "goals.toml",
        "format = 1\n\n\
         [[goal]]\nid = \"goal01\"\ntext = \"Lead the design of one service\"\nmentor = \"alex-kim\"\n\
         measure = \"Design doc approved by the architecture group\"\ncreated = 2026-09-01\n\
         by = 2026-12-31\nstatus = \"active\"\n\n\
         [[goal.rating]]\non = 2026-09-01\nscore = 2\n\n\
         [[goal.rating]]\non = 2026-10-01\nscore = 3\n\n\
         [[goal.rating]]\non = 2026-11-01\nscore = 4\n\n\
         [[goal]]\nid = \"goal02\"\ntext = \"Give a talk at the platform meetup\"\n\
         created = 2026-09-01\nby = 2027-01-31\nstatus = \"active\"\n\n\
         [[goal]]\nid = \"goal03\"\ntext = \"Get promoted\"\nmentor = \"priya-natarajan\"\n\
         created = 2026-09-01\nby = 2027-06-30\nstatus = \"active\"\n",
    );
    env.today("2026-09-08");
    env.run([
        "agenda",
        "How do I split the billing service?",
        "-m",
        "alex",
    ])
    .success();
    env.run(["meet", "-m", "alex"]).success();
    let kept = env.commit("Draft the split proposal", &["-m", "alex"]);
    let dropped = env.commit("Rewrite the diff job in Rust", &["-m", "alex"]);
    env.commit("Offer to pair with Nadia", &["-m", "alex"]);
    let advice = env
        .run(["advice", "Escalate with a date", "-m", "alex"])
        .success()
        .stdout()
        .trim()
        .to_string();
    env.today("2026-09-15");
    env.run(["outcome", &advice, "Same-day answer from the security lead"])
        .success();
    env.run(["action", "done", &kept]).success();
    env.run(["action", "drop", &dropped, "--note", "Not worth it"])
        .success();
    env.today("2026-09-20");
    env.run([
        "update",
        "The team agreed on the split",
        "--win",
        "-m",
        "alex",
    ])
    .success();
    env.run([
        "thanks",
        "Escalating with a date unblocked me",
        "-m",
        "alex",
    ])
    .success();
    env.today("2026-09-22");
    env.run(["meet", "-m", "alex"]).success();
    env.run([
        "advice",
        "Pair with Nadia on her first design doc",
        "-m",
        "alex",
    ])
    .success();
    env.run(["advice", "Ask for the scope in writing", "-m", "priya"])
        .success();
    env.today("2026-10-01");
    env.run([
        "giveback",
        "Sent Alex the meetup's call for speakers",
        "-m",
        "alex",
    ])
    .success();
    env.run([
        "giveback",
        "Introduced Priya to the data guild",
        "-m",
        "priya",
    ])
    .success();
    env.run(["meet", "-m", "priya"]).success();
    env.today("2026-11-10");
    env
}

#[test]
fn the_mid_term_review_covers_the_whole_relationship() {
    let env = term();
    let out = env
        .run(["review", "-m", "alex", "--mid"])
        .success()
        .stdout();
    let sections = [
        "# Mid-term review of my mentorship with Alex Kim, 2026-09-01 to 2026-11-10\n\n\
         We met twice. The term runs until 2027-02-28.\n",
        "## Goals\n\n\
         - Lead the design of one service (by 2026-12-31): rated 2/5 at first, 4/5 on 2026-11-01 (3 ratings)\n  \
         Measure: Design doc approved by the architecture group\n\
         - Give a talk at the platform meetup (by 2027-01-31): not rated yet\n",
        "## Commitments\n\nI made 3 commitments: 1 kept, 1 dropped, 1 still open. \
         Of those I closed, I kept 50%.\n",
        "## Wins\n\n- 2026-09-20: The team agreed on the split\n",
        "## How your advice worked out\n\n\
         - Your advice (2026-09-08): Escalate with a date\n  \
         How it went (2026-09-15): Same-day answer from the security lead\n",
        "## Advice I have not reported on yet\n\n- 2026-09-22: Pair with Nadia on her first design doc\n",
        "## Thank you\n\n- 2026-09-20: Escalating with a date unblocked me\n",
        "## What I shared with you\n\n- 2026-10-01: Sent Alex the meetup's call for speakers",
    ];
    let mut last = 0;
    for section in sections {
        let at = position(&out, section);
        assert!(at >= last, "{section:?} out of order in:\n{out}");
        last = at;
    }
    for other in ["Get promoted", "scope in writing", "data guild"] {
        assert!(!out.contains(other), "Priya's {other:?} in:\n{out}");
    }
    env.run(["review", "-m", "alex", "--mid", "--format", "text"])
        .success()
        .stdout_lacks("#")
        .stdout_has("Mid-term review of my mentorship with Alex Kim")
        .stdout_has("\n\nHow your advice worked out\n\n");
}

#[test]
fn the_review_as_json() {
    let env = term();
    let doc = env.json(["review", "-m", "alex", "--json"]);
    let review = &doc["review"];
    assert_eq!(review["mentor"], "Alex Kim");
    assert_eq!(review["stage"], "closing");
    assert_eq!(review["since"], "2026-09-01");
    assert_eq!(review["until"], "2026-11-10");
    assert_eq!(review["term_ends"], "2027-02-28");
    assert_eq!(review["meetings"], 2);
    assert_eq!(
        review["commitments"],
        serde_json::json!({"made": 3, "kept": 1, "dropped": 1, "open": 1, "kept_percent": 50})
    );
    let goal = &review["goals"][0];
    assert_eq!(goal["id"], "goal01");
    assert_eq!(goal["ratings"][0]["score"], 2);
    assert_eq!(goal["ratings"].as_array().map(Vec::len), Some(3));
    assert_eq!(
        goal["latest"],
        serde_json::json!({"on": "2026-11-01", "score": 4})
    );
    assert_eq!(goal["trend"], "up");
    assert_eq!(review["goals"][1]["latest"], Value::Null);
    assert_eq!(review["goals"].as_array().map(Vec::len), Some(2));
    let advice = review["advice"].as_array().expect("advice");
    assert_eq!(advice.len(), 2);
    assert_eq!(advice[0]["outcomes"].as_array().map(Vec::len), Some(1));
    assert_eq!(advice[1]["outcomes"], serde_json::json!([]));
    assert_eq!(review["wins"][0]["kind"], "win");
    assert_eq!(review["thanks"][0]["kind"], "thanks");
    assert_eq!(review["given_back"][0]["kind"], "giveback");
    assert_eq!(review["given_back"].as_array().map(Vec::len), Some(1));
    // --format json is the same document.
    assert_eq!(env.json(["review", "-m", "alex", "--format", "json"]), doc);
}

#[test]
fn the_closing_review_ends_with_the_term() {
    let mut env = term();
    env.today("2027-03-10");
    env.run(["giveback", "Sent Alex a book after the term", "-m", "alex"])
        .success();
    env.run(["review", "-m", "alex"])
        .success()
        .stdout_has("# Closing review of my mentorship with Alex Kim, 2026-09-01 to 2027-02-28\n")
        .stdout_has("The term ended on 2027-02-28.")
        // Closing words sent after the last day belong to it.
        .stdout_has("Sent Alex a book after the term")
        .stderr_lacks("--mid");
}

#[test]
fn a_closing_review_of_a_relationship_without_an_end_says_so() {
    let env = term();
    // Priya's relationship has no end date and began with the first record.
    env.run(["review", "-m", "priya"])
        .success()
        .stdout_has(
            "# Closing review of my mentorship with Priya Natarajan, 2026-09-22 to 2026-11-10\n",
        )
        .stdout_has("We met once.")
        .stdout_has("- 2026-09-22: Ask for the scope in writing")
        .stderr_has(
            "add --mid for a mid-term one, or end it with mentee mentor end priya-natarajan",
        );
    env.run(["review", "-m", "priya", "--mid"])
        .success()
        .stderr_lacks("--mid")
        .stderr_has("has no end date to be halfway to");
}

#[test]
fn a_review_before_the_term_begins_is_refused() {
    let mut env = TestEnv::new();
    env.mentor("Alex Kim", &["--since", "2026-11-01"]);
    env.today("2026-10-01");
    env.run(["review", "--mid"])
        .failure_code(1)
        .stderr_has("starts on 2026-11-01, after the review would end on 2026-10-01")
        .stderr_has("hint: ")
        .stdout_is_empty();
}

#[test]
fn a_review_with_nothing_yet_still_has_its_title() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["review", "--mid"])
        .success()
        .stdout_has("# Mid-term review of my mentorship with Alex Kim, until 2026-11-10\n\nWe have not met yet.");
}

#[test]
fn the_markdown_export_keeps_a_decisions_reasons_and_an_outcomes_advice() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run([
        "decide",
        "Stay on billing",
        "--option",
        "Move now",
        "--option",
        "Stay",
        "--input",
        "Finish the split",
        "--why",
        "It is the experience I lack",
    ])
    .success();
    let advice = env
        .run(["advice", "Escalate with a date"])
        .success()
        .stdout()
        .trim()
        .to_string();
    env.run(["outcome", &advice, "Same-day answer"]).success();
    let out = env.run(["export"]).success().stdout();
    for line in [
        "decision: Stay on billing\n  Option: Move now\n  Option: Stay\n  Input: Finish the split\n  Why: It is the experience I lack\n",
        &format!("outcome: Same-day answer\n  Advice: [{advice}]\n"),
    ] {
        assert!(out.contains(line), "no {line:?} in:\n{out}");
    }
}

#[test]
fn a_review_of_the_wrong_kind_for_the_term_says_so() {
    let mut env = TestEnv::new();
    env.today("2026-04-10");
    env.mentor(
        "Priya Natarajan",
        &["--since", "2026-01-01", "--until", "2026-07-01"],
    );
    env.run(["review", "-m", "priya"])
        .success()
        .stderr_has("runs until 2026-07-01: add --mid");
    env.run(["review", "-m", "priya", "--mid"])
        .success()
        .stderr_lacks("--mid");
    env.today("2026-07-02")
        .run(["review", "-m", "priya", "--mid"])
        .success()
        .stderr_has("ended on 2026-07-01: leave out --mid");
}
