//! `mentee meet` without a terminal: the reminder first, the commands that
//! record the answers, then the agenda; the meeting is recorded as held.

use crate::support::{MEETING_FILE, Scenario, TestEnv, finish, position, redact};
use std::process::Stdio;

const HELD_24: &str = "meetings/2026/2026-11-24-alex-kim.toml";

#[test]
fn the_reminder_comes_first_with_the_commands_to_record_answers() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    env.today("2026-11-24");
    env.run([
        "agenda",
        "What do you look for in a design review?",
        "-m",
        "alex",
    ])
    .success();
    let run = env.run(["meet", "-m", "alex"]).success();
    let out = redact(&run.stdout(), &[(&draft, "<act1>"), (&read, "<act2>")]);
    insta::assert_snapshot!(out, @r"
    First, report on your 2 open commitments to Alex Kim:

      [<act1>] Draft the split proposal (from 2026-11-10, due 2026-11-13, overdue)
      [<act2>] Read chapter 4 of the design book (added 2026-11-11)

    Agenda for the meeting with Alex Kim on 2026-11-24

    1. What do you look for in a design review?
    ");
    let err = run.stderr();
    assert!(
        err.contains(&format!(
            "mentee action set {draft} done|in-progress|blocked|dropped"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "mentee action set {read} done|in-progress|blocked|dropped"
        )),
        "{err}"
    );
    assert!(
        err.contains("Recorded the meeting with Alex Kim on 2026-11-24"),
        "{err}"
    );
}

#[test]
fn last_meetings_commitments_come_before_older_carried_over_ones() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    env.today("2026-11-24");
    env.run(["meet", "-m", "alex"]).success();
    let fresh = env.commit("Write the on-call runbook", &["-m", "alex"]);
    env.today("2026-12-08");
    let out = env.run(["meet", "-m", "alex"]).success().stdout();
    let fresh_at = position(
        &out,
        &format!("[{fresh}] Write the on-call runbook (from 2026-11-24)\n"),
    );
    let draft_at = position(&out, &format!("[{draft}] Draft the split proposal"));
    let read_at = position(&out, &format!("[{read}] Read chapter 4"));
    assert!(fresh_at < draft_at && fresh_at < read_at, "{out}");
    assert!(out.contains("overdue, carried over 1 meeting)"), "{out}");
    assert!(
        out.contains("(added 2026-11-11, carried over 1 meeting)"),
        "{out}"
    );
    assert!(out.contains("your 3 open commitments"), "{out}");

    // Two meetings later the count goes up.
    env.today("2026-12-22");
    env.run(["meet", "-m", "alex"])
        .success()
        .stdout_has("carried over 2 meetings)");
}

#[test]
fn reported_commitments_are_left_out_of_the_reminder() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    env.today("2026-11-20");
    env.run(["action", "done", &draft]).success();
    env.run(["action", "set", &read, "blocked"]).success();
    env.today("2026-11-24");
    env.run(["meet", "-m", "alex"])
        .success()
        .stdout_has("your 1 open commitment to Alex Kim")
        .stdout_lacks("Draft the split proposal")
        .stdout_has("Read chapter 4 of the design book (added 2026-11-11, blocked)");
}

#[test]
fn meet_never_waits_on_a_pipe() {
    let mut env = TestEnv::new();
    env.scenario();
    env.today("2026-11-24");
    // stdin is a pipe that stays open: reading it would block until the deadline.
    let mut child = env
        .std_command(["meet", "-m", "alex"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mentee starts");
    let open_stdin = child.stdin.take();
    let out = finish(child);
    drop(open_stdin);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("mentee action set"), "{stderr}");
}

#[test]
fn the_planned_meeting_becomes_a_held_meeting_file() {
    let mut env = TestEnv::new();
    env.scenario();
    env.today("2026-11-17");
    env.run([
        "agenda",
        "Split by domain or by team?",
        "-m",
        "alex",
        "--on",
        "2026-11-26",
    ])
    .success();
    assert!(env.exists("meetings/next-alex-kim.toml"));
    env.today("2026-11-24");
    env.run(["meet", "-m", "alex"]).success();
    assert!(!env.exists("meetings/next-alex-kim.toml"));
    let held = env.read(HELD_24);
    assert!(held.contains("status = \"held\"\n"), "{held}");
    assert!(held.contains("date = 2026-11-24\n"), "{held}");
    assert!(
        held.contains("topics = [\"Split by domain or by team?\"]\n"),
        "{held}"
    );
    assert_eq!(
        env.file_names(),
        [MEETING_FILE, HELD_24, "mentors.toml"],
        "one file per meeting, no planned one left"
    );
    // The next agenda is a new planned meeting.
    env.run(["agenda", "-m", "alex"])
        .success()
        .stderr_has("No meeting planned with Alex Kim yet");
}

#[test]
fn without_a_planned_agenda_it_says_none_was_prepared() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["meet"])
        .success()
        .stderr_has("No open commitments with Alex Kim")
        .stderr_has("No agenda was prepared for this meeting")
        .stdout_is_empty();
    let held = env.read(MEETING_FILE);
    assert!(held.contains("status = \"held\"\n"), "{held}");
    assert!(held.contains("topics = []\n"), "{held}");
}

#[test]
fn meeting_twice_the_same_day_records_one_meeting() {
    let mut env = TestEnv::new();
    env.scenario();
    env.today("2026-11-24");
    env.run(["meet", "-m", "alex"]).success();
    let before = env.file_names();
    env.run(["meet", "-m", "alex"])
        .success()
        .stderr_has("The meeting with Alex Kim on 2026-11-24 was already recorded")
        .stderr_lacks("Recorded the meeting");
    assert_eq!(env.file_names(), before);
    let held = env
        .file_names()
        .into_iter()
        .filter(|f| f.starts_with("meetings/2026/2026-11-24"))
        .count();
    assert_eq!(held, 1);
}

#[test]
fn meeting_again_the_same_day_resumes_without_counting_itself() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    env.today("2026-11-24");
    env.run(["meet", "-m", "alex"])
        .success()
        .stdout_lacks("carried over");
    // Run again: the meeting just recorded is not a meeting they were
    // carried over, and only what is left to report is listed.
    env.run(["action", "set", &draft, "done"]).success();
    env.run(["meet", "-m", "alex"])
        .success()
        .stdout_has(&format!("[{read}] Read chapter 4"))
        .stdout_has("1 open commitment")
        .stdout_lacks(&draft)
        .stdout_lacks("carried over")
        .stderr_has("already recorded; above are the commitments not reported on yet");
    env.run(["action", "set", &read, "in-progress"]).success();
    env.run(["meet", "-m", "alex"])
        .success()
        .stdout_lacks("First, report")
        .stderr_lacks("No open commitments")
        .stderr_lacks("No agenda was prepared")
        .stderr_has("already recorded; nothing is left to report");
}

#[test]
fn a_meeting_recorded_late_is_not_carried_over_later_meetings() {
    let mut env = TestEnv::new();
    env.scenario();
    env.today("2026-11-24");
    env.run(["meet", "-m", "alex"]).success();
    env.today("2026-12-01");
    // The meeting of the 20th, forgotten: the one of the 24th came after it.
    env.run(["meet", "-m", "alex", "--on", "2026-11-20"])
        .success()
        .stdout_has("Draft the split proposal (from 2026-11-10, due")
        .stdout_lacks("carried over");
}

#[test]
fn commitments_made_at_this_meeting_are_not_reported_at_it() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["meet"]).success();
    env.commit("Made just now", &[]);
    env.run(["meet"])
        .success()
        .stdout_lacks("Made just now")
        .stderr_has("No open commitments with Alex Kim");
}

#[test]
fn a_meeting_can_be_recorded_for_an_earlier_day() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["meet", "--on", "yesterday"])
        .success()
        .stderr_has("Recorded the meeting with Alex Kim on 2026-11-09");
    assert!(env.exists("meetings/2026/2026-11-09-alex-kim.toml"));
    // A commitment made today belongs to that meeting.
    env.commit("Follow up", &[]);
    assert!(
        env.read("meetings/2026/2026-11-09-alex-kim.toml")
            .contains("text = \"Follow up\"")
    );
}

#[test]
fn a_meeting_cannot_be_recorded_before_it_happens() {
    let mut env = TestEnv::new();
    env.scenario();
    let before = env.files();
    env.run(["meet", "-m", "alex", "--on", "tomorrow"])
        .failure_code(1)
        .stderr_has("2026-11-12 has not come yet")
        .stderr_has("mentee agenda");
    assert_eq!(env.files(), before);
}

#[test]
fn commitments_made_the_same_day_are_reported_in_the_order_made() {
    let mut env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["meet"]).success();
    let made: Vec<String> = ["First", "Second", "Third", "Fourth"]
        .iter()
        .map(|text| env.commit(text, &[]))
        .collect();
    env.today("2026-11-24");
    let out = env.run(["meet"]).success().stdout();
    let at: Vec<usize> = made
        .iter()
        .map(|id| position(&out, &format!("[{id}]")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{out}");
}

#[test]
fn reports_given_earlier_that_day_join_the_meetings_check_in() {
    let mut env = TestEnv::new();
    let Scenario { draft, .. } = env.scenario();
    env.today("2026-11-24");
    env.run(["action", "done", &draft, "--note", "sent this morning"])
        .success();
    env.run(["meet", "-m", "alex"]).success();
    let held = env.read(HELD_24);
    assert!(
        held.contains(&format!(
            "[[checkin]]\naction = \"{draft}\"\nstatus = \"done\"\nnote = \"sent this morning\"\n"
        )),
        "{held}"
    );
}

#[test]
fn a_meeting_recorded_late_asks_only_about_what_existed_then() {
    let mut env = TestEnv::new();
    let Scenario { draft, .. } = env.scenario();
    env.today("2026-11-20");
    let later = env.commit("Book the design review", &["-m", "alex"]);
    // Held on the 15th, recorded on the 20th: the commitment made on the
    // 20th did not exist at that meeting.
    env.run(["meet", "-m", "alex", "--on", "2026-11-15"])
        .success()
        .stdout_has(&draft)
        .stdout_lacks(&later);
}
