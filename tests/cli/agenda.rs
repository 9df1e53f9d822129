//! `mentee agenda`: one or two topics, shown ready to paste, with the report
//! on open commitments first; topics queued for later (SPEC §1, §2).

use crate::support::{Scenario, TestEnv, position, redact};

const PLANNED: &str = "meetings/next-alex-kim.toml";

fn one_mentor() -> TestEnv {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env
}

#[test]
fn one_topic_plans_the_next_meeting() {
    let env = one_mentor();
    let out = env
        .run(["agenda", "How should I split the billing service?"])
        .success()
        .stdout();
    insta::assert_snapshot!(out, @r"
    Agenda for the next meeting with Alex Kim

    1. How should I split the billing service?
    ");
    let file = env.read(PLANNED);
    assert!(file.contains("status = \"planned\"\n"), "{file}");
    assert!(
        file.contains("topics = [\"How should I split the billing service?\"]\n"),
        "{file}"
    );
}

#[test]
fn two_topics_and_a_date() {
    let env = one_mentor();
    let out = env
        .run([
            "agenda",
            "What do you look for in a design review?",
            "  Should I take the on-call lead?  ",
            "--on",
            "fri",
        ])
        .success()
        .stdout();
    insta::assert_snapshot!(out, @r"
    Agenda for the meeting with Alex Kim on 2026-11-13

    1. What do you look for in a design review?
    2. Should I take the on-call lead?
    ");
    let file = env.read(PLANNED);
    assert!(file.contains("date = 2026-11-13\n"), "{file}");
}

#[test]
fn a_third_topic_is_refused_and_nothing_changes() {
    let env = one_mentor();
    env.run(["agenda", "First?"]).success();
    let before = env.files();
    env.run(["agenda", "One?", "Two?", "Three?"])
        .failure_code(1)
        .stdout_is_empty()
        .stderr_has("at most 2 topics")
        .stderr_has("nothing was changed")
        .stderr_has("mentee agenda --later \"Three?\"");
    assert_eq!(env.files(), before);
    assert!(env.read(PLANNED).contains("topics = [\"First?\"]"));
}

#[test]
fn a_third_topic_with_nothing_planned_writes_nothing() {
    let env = one_mentor();
    let before = env.files();
    env.run(["agenda", "a", "b", "c"])
        .failure_code(1)
        .stderr_has("--later");
    assert_eq!(env.files(), before);
}

#[test]
fn an_empty_topic_is_refused() {
    let env = one_mentor();
    for topics in [vec![""], vec!["   "], vec!["Fine?", " \t "]] {
        let mut args = vec!["agenda"];
        args.extend(topics);
        env.run(args).failure_code(1).stderr_has("a topic is empty");
    }
    env.run(["agenda", "--later", " "])
        .failure_code(1)
        .stderr_has("a topic is empty");
    assert!(!env.exists(PLANNED));
    assert!(!env.exists("later.toml"));
}

#[test]
fn planning_again_replaces_the_topics_and_says_so() {
    let env = one_mentor();
    env.run(["agenda", "Old question?", "--on", "2026-11-20"])
        .success()
        .stderr_lacks("Replaced");
    env.run(["agenda", "New question?", "Second?"])
        .success()
        .stderr_has("Replaced the topics planned before: Old question?")
        .stdout_has("1. New question?\n2. Second?\n")
        .stdout_lacks("Old question?")
        // The date planned before stays when no new one is given.
        .stdout_has("on 2026-11-20");
    let file = env.read(PLANNED);
    assert!(
        file.contains("topics = [\"New question?\", \"Second?\"]"),
        "{file}"
    );
    assert_eq!(
        env.file_names(),
        ["meetings/next-alex-kim.toml", "mentors.toml"]
    );
}

#[test]
fn without_topics_it_shows_the_planned_agenda() {
    let env = one_mentor();
    env.run(["agenda"])
        .success()
        .stdout_is_empty()
        .stderr_has("No meeting planned with Alex Kim yet")
        .stderr_has("mentee agenda \"TOPIC\"");
    env.run(["agenda", "How do I grow as a reviewer?"])
        .success();
    let before = env.files();
    env.run(["agenda"]).success().stdout_has(
        "Agenda for the next meeting with Alex Kim\n\n1. How do I grow as a reviewer?\n",
    );
    assert_eq!(env.files(), before, "showing the agenda writes nothing");
}

#[test]
fn showing_without_m_lists_every_planned_agenda() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.mentor("Priya Natarajan", &[]);
    env.mentor("Sam Lee", &[]);
    env.run(["agenda", "For Alex?", "-m", "alex"]).success();
    env.run(["agenda", "For Priya?", "-m", "priya"]).success();
    let out = env.run(["agenda"]).success().stdout();
    assert!(
        position(&out, "For Alex?") < position(&out, "For Priya?"),
        "{out}"
    );
    assert!(!out.contains("Sam"), "{out}");
}

#[test]
fn the_agenda_opens_with_the_report_on_open_commitments() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    env.today("2026-11-17");
    let out = env
        .run([
            "agenda",
            "What do you look for in a design review?",
            "-m",
            "alex",
        ])
        .success()
        .stdout();
    insta::assert_snapshot!(redact(&out, &[(&draft, "<act1>"), (&read, "<act2>")]), @r"
    Agenda for the next meeting with Alex Kim

    1. Report on last meeting's commitments:
       - Draft the split proposal (from 2026-11-10, due 2026-11-13, overdue)
       - Read chapter 4 of the design book (added 2026-11-11)
    2. What do you look for in a design review?
    ");
    env.run(["agenda", "-m", "alex"])
        .success()
        .stdout_has("1. Report on last meeting's commitments:");
}

#[test]
fn no_report_item_when_nothing_is_open() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    // Another mentor's commitments do not belong on this agenda.
    env.run(["agenda", "Q?", "-m", "priya"])
        .success()
        .stdout_lacks("Report on");
    env.run(["action", "done", &draft]).success();
    env.run(["action", "drop", &read]).success();
    env.run(["agenda", "Q?", "-m", "alex"])
        .success()
        .stdout_lacks("Report on")
        .stdout_has("1. Q?");
}

#[test]
fn later_queues_a_topic_in_later_toml() {
    let env = one_mentor();
    env.run(["agenda", "--later", "How do I ask for a promotion?"])
        .success()
        .stdout_is_empty()
        .stderr_has("Queued for a later meeting with Alex Kim (1 queued)");
    let later = env.read("later.toml");
    assert!(later.contains("mentor = \"alex-kim\"\n"), "{later}");
    assert!(
        later.contains("text = \"How do I ask for a promotion?\"\n"),
        "{later}"
    );
    assert!(later.contains("added = 2026-11-10\n"), "{later}");
    assert!(!env.exists(PLANNED), "queueing does not plan a meeting");
}

#[test]
fn queued_topics_are_offered_when_planning() {
    let env = one_mentor();
    env.run(["agenda", "--later", "How do I ask for a promotion?"])
        .success();
    env.run(["agenda", "Something else?"])
        .success()
        .stderr_has("Still queued for later with Alex Kim: How do I ask for a promotion?");
    assert!(env.read("later.toml").contains("promotion"));
}

#[test]
fn planning_a_queued_topic_takes_it_off_the_queue() {
    let env = one_mentor();
    env.run(["agenda", "--later", "How do I ask for a promotion?"])
        .success();
    env.run(["agenda", "--later", "Which conference talks are worth it?"])
        .success()
        .stderr_has("(2 queued)");
    env.run(["agenda", "how do I ask for a promotion?"])
        .success()
        .stderr_has("Still queued for later with Alex Kim: Which conference talks are worth it?")
        .stderr_lacks("promotion");
    let later = env.read("later.toml");
    assert!(!later.contains("promotion"), "{later}");
    assert!(later.contains("conference"), "{later}");
}

#[test]
fn later_takes_no_date() {
    let env = one_mentor();
    env.run(["agenda", "--later", "Later?", "--on", "fri"])
        .failure_code(2);
    assert!(env.file_names().iter().all(|f| f == "mentors.toml"));
}

#[test]
fn later_queues_every_topic_given_wherever_the_flags_are() {
    let env = one_mentor();
    env.run([
        "agenda",
        "--later",
        "-m",
        "alex",
        "How do I ask for a raise?",
        "Which conference?",
    ])
    .success()
    .stderr_has("(2 queued)");
    let later = env.read("later.toml");
    assert!(
        later.contains("How do I ask for a raise?") && later.contains("Which conference?"),
        "{later}"
    );
    env.run(["agenda", "--later"])
        .failure_code(2)
        .stderr_has("--later needs a topic");
}

#[test]
fn an_agenda_for_a_past_day_is_refused() {
    let env = one_mentor();
    env.run(["agenda", "Q?", "--on", "yesterday"])
        .failure_code(1)
        .stderr_has("2026-11-09 is in the past")
        .stderr_has("mentee meet --on");
    assert!(!env.exists("meetings"));
}

#[test]
fn on_alone_moves_the_planned_meeting_and_needs_one() {
    let env = one_mentor();
    env.run(["agenda", "--on", "fri"])
        .failure_code(1)
        .stderr_has("no meeting is planned with Alex Kim")
        .stderr_has("mentee agenda \"TOPIC\" --on 2026-11-13 -m alex-kim");
    env.run(["agenda", "Q?", "--on", "fri"]).success();
    env.run(["agenda", "--on", "mon"])
        .success()
        .stderr_has("Moved the meeting with Alex Kim to 2026-11-16.");
    let planned = env.read("meetings/next-alex-kim.toml");
    assert!(
        planned.contains("date = 2026-11-16\n") && planned.contains("Q?"),
        "{planned}"
    );
}

#[test]
fn the_same_topic_twice_is_refused() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["agenda", "Same question?", "same question? "])
        .failure_code(1)
        .stderr_has("the same topic was given twice; nothing was changed")
        .stderr_has("hint: ");
    assert!(!env.exists("meetings/next-alex-kim.toml"));
}

#[test]
fn planning_again_says_which_topics_were_kept_added_and_removed() {
    let env = one_mentor();
    env.run(["agenda", "Kept question?", "Old question?"])
        .success();
    env.run(["agenda", "Kept question?", "New question?"])
        .success()
        .stderr_has(
            "Replanned the topics: kept Kept question?; added New question?; removed Old question?.",
        )
        .stderr_lacks("Replaced");
    env.run(["agenda", "Kept question?"])
        .success()
        .stderr_has("Replanned the topics: kept Kept question?; removed New question?.");
    // The same topics again: nothing to say.
    env.run(["agenda", "Kept question?"])
        .success()
        .stderr_lacks("Replanned")
        .stderr_lacks("Replaced");
}
