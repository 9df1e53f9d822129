//! `mentee prep`: the next agenda drafted from the record, each suggestion
//! citing the record it came from.

use crate::interactive::{PROMPT_TIMEOUT_MS, wait_until_raw};
use crate::support::{TestEnv, position};
use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};

/// The IDs of the records that each suggest a topic.
struct Record {
    year_ago: String,
    fell: String,
    unrated: String,
    decision: String,
    carried: String,
    blocked: String,
    advice: String,
    queued: String,
}

/// The ID in the message `[k3f9x2]` of a command's stderr.
fn id_in(stderr: &str) -> String {
    let start = stderr.find('[').expect("an ID in brackets") + 1;
    stderr[start..start + 6].to_string()
}

/// A year with Alex, ending on 2027-01-28 with one record of each source.
fn every_source(env: &mut TestEnv) -> Record {
    env.today("2026-01-05");
    env.mentor("Alex Kim", &[]);
    env.run([
        "agenda",
        "How should I split the billing service?",
        "--on",
        "2026-01-20",
    ])
    .success();
    env.today("2026-01-20");
    env.run(["meet"]).success();
    let year_ago = env.meeting_id("alex-kim", "2026-01-20");

    env.today("2026-09-01");
    let goal = |env: &TestEnv, text: &str| {
        env.run(["goal", "add", text, "--by", "2027-06-30", "-m", "alex"])
            .success()
            .stdout()
            .trim()
            .to_string()
    };
    let fell = goal(env, "Ship the billing split");
    let unrated = goal(env, "Speak at a conference");
    let decided = env
        .run([
            "decide",
            "Stay on billing for now",
            "--option",
            "Move to platform",
            "--option",
            "Stay on billing",
            "--input",
            "Finish what you started",
            "--why",
            "The split is the experience I need",
        ])
        .success()
        .stderr();
    let decision = id_in(&decided);

    env.today("2026-12-01");
    env.run(["goal", "rate", &fell, "4"]).success();
    env.run(["goal", "rate", &unrated, "3"]).success();
    let carried = env.commit("Write the runbook.", &[]);
    let blocked = env.commit("Get read access to the replica", &[]);
    env.run(["action", "set", &blocked, "blocked"]).success();
    let advice = env
        .run(["advice", "Escalate with a date, not with urgency"])
        .success()
        .stdout()
        .trim()
        .to_string();
    env.today("2026-12-10");
    env.run(["meet"]).success();
    env.today("2027-01-10");
    env.run(["meet"]).success();
    env.run(["goal", "rate", &fell, "2"]).success();

    env.today("2027-01-28");
    env.run(["agenda", "--later", "How do I ask for a promotion?"])
        .success();
    let queued = env.tables("later.toml", "topic")[0]["id"]
        .as_str()
        .expect("a queued topic's ID")
        .to_string();
    Record {
        year_ago,
        fell,
        unrated,
        decision,
        carried,
        blocked,
        advice,
        queued,
    }
}

#[test]
fn every_source_is_suggested_with_its_id_and_the_command_that_plans_it() {
    let mut env = TestEnv::new();
    let r = every_source(&mut env);
    let run = env.run(["prep"]).success();
    let out = run.stdout();
    let expected = [
        format!(
            "What would unblock [{}] Get read access to the replica?",
            r.blocked
        ),
        format!(
            "Should I keep, re-scope or drop [{}] Write the runbook, carried over 2 meetings?",
            r.carried
        ),
        "How do I ask for a promotion?".to_string(),
        format!(
            "My rating for [{}] Ship the billing split fell from 4 to 2: what should I change?",
            r.fell
        ),
        format!(
            "How did [{}] Escalate with a date, not with urgency work out, and what should I try next?",
            r.advice
        ),
        format!(
            "Where do I stand on [{}] Speak at a conference, not rated since 2026-12-01, and what is next?",
            r.unrated
        ),
        format!(
            "Looking back at [{}] Stay on billing for now: was it the right call?",
            r.decision
        ),
        format!(
            "A year ago (2026-01-20) we discussed [{}] \"How should I split the billing service\": where am I now?",
            r.year_ago
        ),
    ];
    let mut last = 0;
    for (n, topic) in expected.iter().enumerate() {
        let line = format!("{}. {topic}", n + 1);
        let at = position(&out, &line);
        assert!(at >= last, "out of order: {line}\n{out}");
        last = at;
        let quoted = if topic.contains('"') {
            format!("'{topic}'")
        } else {
            format!("\"{topic}\"")
        };
        assert!(
            out.contains(&format!("   mentee agenda {quoted} -m alex-kim\n")),
            "no agenda command for {topic}:\n{out}"
        );
    }
    assert!(out.contains("(a topic you queued for later)"), "{out}");
    run.stderr_has("to plan two, give both to one: mentee agenda");
    // The queued topic keeps its ID: JSON cites it.
    let doc = env.json(["prep", "--json"]);
    let queued = &doc["suggestions"][2];
    assert_eq!(queued["source"], "queued");
    assert_eq!(queued["id"], r.queued.as_str());
    assert_eq!(queued["topic"], "How do I ask for a promotion?");
    let sources: Vec<&str> = doc["suggestions"]
        .as_array()
        .expect("an array")
        .iter()
        .map(|s| s["source"].as_str().expect("a source"))
        .collect();
    assert_eq!(
        sources,
        [
            "blocked",
            "carried",
            "queued",
            "goal_fell",
            "advice",
            "goal_unrated",
            "decision",
            "year_ago"
        ]
    );
    // Nothing was written.
    assert!(!env.exists("meetings/next-alex-kim.toml"));
}

#[test]
fn the_list_is_capped_unless_all_is_asked_for() {
    let mut env = TestEnv::new();
    every_source(&mut env);
    env.run(["agenda", "--later", "Which conference talks are worth it?"])
        .success();
    env.run(["prep"])
        .success()
        .stdout_has("8. ")
        .stdout_lacks("9. ")
        .stdout_has("… and 1 more: mentee prep -m alex-kim --all");
    env.run(["prep", "--all"])
        .success()
        .stdout_has("9. ")
        .stdout_lacks("more: mentee prep");
    let doc = env.json(["prep", "--json"]);
    assert_eq!(doc["suggestions"].as_array().map(Vec::len), Some(9));
}

#[test]
fn a_suggestion_once_planned_is_not_suggested_again() {
    let mut env = TestEnv::new();
    let r = every_source(&mut env);
    let topic = format!(
        "What would unblock [{}] Get read access to the replica?",
        r.blocked
    );
    env.run(["agenda", &topic]).success();
    env.run(["prep"])
        .success()
        .stdout_lacks(&format!("[{}]", r.blocked))
        .stdout_has(&format!(
            "1. Should I keep, re-scope or drop [{}]",
            r.carried
        ));
}

#[test]
fn nothing_to_suggest_says_so_and_succeeds() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["prep"])
        .success()
        .stdout_is_empty()
        .stderr_has("Nothing in your record to suggest for the next meeting with Alex Kim")
        .stderr_has("mentee agenda \"TOPIC\" -m alex-kim");
    let doc = env.json(["prep", "--json"]);
    assert_eq!(doc["suggestions"], serde_json::json!([]));
}

const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";

/// `mentee prep` on a terminal, once its menu is drawn and reads keys.
fn prep_on_a_terminal(env: &TestEnv) -> PtySession {
    let mut session = spawn_command(env.std_command(["prep"]), Some(PROMPT_TIMEOUT_MS))
        .expect("mentee prep starts in a terminal");
    session
        .exp_string("Topics for Alex Kim")
        .expect("the suggestions are offered");
    // The last item drawn: the whole menu is on screen.
    session
        .exp_string("where am I now?")
        .expect("the last suggestion");
    wait_until_raw(&mut session);
    session
}

fn send(session: &mut PtySession, keys: &str) {
    session.send(keys).expect("send keys");
    session.flush().expect("flush");
}

fn finish(mut session: PtySession) -> String {
    let rest = session.exp_eof().expect("mentee prep ends");
    match session.process().wait().expect("the exit status") {
        WaitStatus::Exited(_, 0) => rest,
        other => panic!("mentee prep ended with {other:?}:\n{rest}"),
    }
}

#[test]
fn two_picked_on_a_terminal_are_planned_and_a_queued_one_leaves_the_queue() {
    let mut env = TestEnv::new();
    let r = every_source(&mut env);
    let mut session = prep_on_a_terminal(&env);
    // The first (the blocked commitment) and the third (the queued topic).
    send(&mut session, &format!(" {DOWN}{DOWN} {ENTER}"));
    let rest = finish(session);
    let blocked = format!(
        "What would unblock [{}] Get read access to the replica?",
        r.blocked
    );
    assert!(
        rest.contains("1. Report on last meeting's commitments:")
            && rest.contains(&format!("2. {blocked}"))
            && rest.contains("3. How do I ask for a promotion?"),
        "{rest}"
    );
    let planned = env.read("meetings/next-alex-kim.toml");
    assert!(
        planned.contains(&format!(
            "topics = [\"{blocked}\", \"How do I ask for a promotion?\"]"
        )),
        "{planned}"
    );
    assert!(!env.read("later.toml").contains("promotion"));
}

#[test]
fn picking_more_than_two_is_refused_and_asked_again() {
    let mut env = TestEnv::new();
    let r = every_source(&mut env);
    let mut session = prep_on_a_terminal(&env);
    send(&mut session, &format!(" {DOWN} {DOWN} {ENTER}"));
    session
        .exp_string("Pick at most 2: an agenda holds two topics.")
        .expect("three are refused");
    session
        .exp_string("where am I now?")
        .expect("the menu again");
    wait_until_raw(&mut session);
    // The menu starts afresh: pick the second only.
    send(&mut session, &format!("{DOWN} {ENTER}"));
    finish(session);
    let planned = env.read("meetings/next-alex-kim.toml");
    assert!(
        planned.contains(&format!("[{}] Write the runbook", r.carried)),
        "{planned}"
    );
    assert!(!planned.contains(&format!("[{}]", r.blocked)), "{planned}");
    // The queued topic was not picked: it stays queued.
    assert!(env.read("later.toml").contains("promotion"));
}

#[test]
fn picking_none_plans_nothing() {
    let mut env = TestEnv::new();
    every_source(&mut env);
    let before = env.files();
    let mut session = prep_on_a_terminal(&env);
    send(&mut session, ENTER);
    let rest = finish(session);
    assert!(
        rest.contains("Nothing picked, so nothing was planned."),
        "{rest}"
    );
    assert_eq!(env.files(), before);
}
