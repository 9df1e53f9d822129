//! `mentee` and `mentee status`: the dashboard.

use crate::support::{Scenario, TestEnv, position, redact};

#[test]
fn with_no_mentors_it_welcomes_the_user() {
    let env = TestEnv::new();
    for args in [vec![], vec!["status"]] {
        env.run(args)
            .success()
            .stdout_is_empty()
            .stderr_has("Welcome to mentee")
            .stderr_has("mentee mentor add \"NAME\"");
    }
    assert!(!env.dir().exists(), "looking creates no data folder");
}

#[test]
fn the_dashboard_shows_meetings_reports_and_open_commitments() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    env.run([
        "agenda",
        "How do I lead a design?",
        "-m",
        "priya",
        "--on",
        "2026-11-20",
    ])
    .success();
    env.today("2026-11-17");
    let out = env.run(["status"]).success().stdout();
    let out = redact(&out, &[(&draft, "<act1>"), (&read, "<act2>")]);
    insta::assert_snapshot!(out, @r#"
    Next meetings
      Priya Natarajan: 2026-11-20
        1. How do I lead a design?
      Alex Kim: nothing planned (due 2026-11-24 by your cadence); plan it with: mentee agenda "TOPIC" -m alex-kim

    Report first at your next meeting
      Alex Kim: 2 commitments from 2026-11-10 with no report yet

    Open commitments
    ╭────────┬───────────────────────────────────┬──────────┬──────────────────────────────┬────────────────────┬────────╮
    │ ID     ┆ Commitment                        ┆ Mentor   ┆ From                         ┆ Due                ┆ Status │
    ╞════════╪═══════════════════════════════════╪══════════╪══════════════════════════════╪════════════════════╪════════╡
    │ <act1> ┆ Draft the split proposal          ┆ Alex Kim ┆ 2026-11-10                   ┆ 2026-11-13 overdue ┆ open   │
    │ <act2> ┆ Read chapter 4 of the design book ┆ Alex Kim ┆ 2026-11-11 (after a meeting) ┆                    ┆ open   │
    ╰────────┴───────────────────────────────────┴──────────┴──────────────────────────────┴────────────────────┴────────╯

    Nudges
      [<act1>] Draft the split proposal was due on 2026-11-13: finish it, give it a new date, or drop it if it no longer matters (run: mentee action set <act1> done|dropped|--due DATE)
    "#);
    // No command at all is the same dashboard.
    let bare = env.run(Vec::<String>::new()).success().stdout();
    assert_eq!(redact(&bare, &[(&draft, "<act1>"), (&read, "<act2>")]), out);
}

#[test]
fn overdue_commitments_come_first() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let fine = env.commit("Due next week", &["--due", "+1w"]);
    let overdue = env.commit("Was due last week", &["--due", "-1w"]);
    let out = env.run(["status"]).success().stdout();
    assert!(position(&out, &overdue) < position(&out, &fine), "{out}");
    assert!(out.contains("2026-11-03 overdue"), "{out}");
    let doc = env.json(["status", "--json"]);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["status"]["open_commitments"][0]["id"], overdue.as_str());
}

#[test]
fn reported_commitments_leave_the_report_first_section() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    env.run(["status"])
        .success()
        .stdout_has("Alex Kim: 2 commitments from 2026-11-10 with no report yet");
    env.run(["action", "set", &draft, "in-progress"]).success();
    env.run(["status"])
        .success()
        .stdout_has("Alex Kim: 1 commitment from 2026-11-10 with no report yet");
    env.run(["action", "done", &read]).success();
    env.run(["status"]).success().stdout_lacks("Report first");
    let doc = env.json(["status", "--json"]);
    assert_eq!(doc["status"]["mentors"][0]["unreported"], 0);
    assert_eq!(doc["status"]["mentors"][0]["open_commitments"], 1);
}

#[test]
fn nothing_open_is_said_plainly() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["status"])
        .success()
        .stdout_has("Nothing planned; plan a meeting with: mentee agenda \"TOPIC\" -m alex-kim")
        .stdout_has("No open commitments.");
}

/// A meeting or commitment whose mentor was mistyped by hand would vanish
/// from every dashboard: status says so and how to mend it, even when the
/// mentors file is empty.
#[test]
fn a_record_naming_an_unknown_mentor_is_warned_about() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["agenda", "How do I split billing?", "-m", "alex"])
        .success();
    let id = env.commit("Draft the proposal", &["-m", "alex"]);
    let file = "meetings/next-alex-kim.toml";
    let meeting = env.read(file).replace("\"alex-kim\"", "\"alex-kin\"");
    env.write(file, &meeting);
    let doc: toml::Table = meeting.parse().expect("a meeting file parses");
    let meeting_id = doc["meeting"]["id"].as_str().expect("id").to_string();
    env.run(["status"])
        .success()
        .stderr_has(&format!(
            "warning: [{meeting_id}] names the mentor `alex-kin`, who is not in mentors.toml"
        ))
        .stderr_has(&format!(
            "make it one of alex-kim with: mentee edit {meeting_id}"
        ))
        .stderr_lacks(&id);
    // One line per mentor named, however many records name it.
    env.commit("Book the room", &["-m", "alex"]);
    env.write("mentors.toml", "");
    let run = env.run(["status"]).success();
    run.stderr_has("warning: 2 records (such as [")
        .stderr_has("]) name the mentor `alex-kim`, who is not in mentors.toml")
        .stderr_has(
            "add the mentor with: mentee mentor add \"NAME\" (a name whose short form is alex-kim)",
        )
        .stderr_has(&format!("[{meeting_id}] names the mentor `alex-kin`"));
}

#[test]
fn a_planned_date_that_has_passed_says_what_to_do() {
    let mut env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["agenda", "Q?", "--on", "2026-11-12"]).success();
    env.today("2026-11-20")
        .run(["status"])
        .success()
        .stdout_has(
            "2026-11-12, which has passed: record it with mentee meet --on 2026-11-12 -m alex-kim",
        )
        .stdout_has("or move it with mentee agenda --on DATE -m alex-kim");
    env.run(["agenda", "--on", "2026-11-27"])
        .success()
        .stderr_has("Moved the meeting with Alex Kim to 2026-11-27.")
        .stdout_has("Agenda for the meeting with Alex Kim on 2026-11-27\n\n1. Q?");
}

#[test]
fn each_section_shows_a_screenful_overdue_first_and_all_shows_everything() {
    let mut env = TestEnv::new();
    env.mentor("Alex Kim", &["--every", "1w"]);
    env.today("2026-10-01").run(["meet"]).success();
    let mut overdue = Vec::new();
    for i in 0..14 {
        let due = if i < 5 { "2026-10-10" } else { "2026-12-31" };
        let id = env.commit(&format!("Commitment number {i}"), &["--due", due]);
        if i < 5 {
            overdue.push(id);
        }
    }
    for day in ["2026-10-08", "2026-10-15", "2026-10-22"] {
        env.today(day).run(["meet"]).success();
    }
    env.today("2026-10-23");
    let out = env.run(["status"]).success().stdout();
    // The five overdue ones first, ten rows in all, then one line for the rest.
    for id in &overdue {
        assert!(out.contains(id.as_str()), "{out}");
    }
    let table = &out[..position(&out, "\nNudges\n")];
    assert_eq!(table.matches("Commitment number").count(), 10, "{out}");
    assert!(
        out.contains("  \u{2026} and 4 more: mentee action list\n"),
        "{out}"
    );
    // Five carried-over nudges: three, then one line with the count.
    assert_eq!(out.matches("has been carried over").count(), 3, "{out}");
    assert!(
        out.contains(
            "  \u{2026} and 2 more commitments carried over 3 meetings or more \
             (see them with: mentee action list)\n"
        ),
        "{out}"
    );
    let all = env.run(["status", "--all"]).success().stdout();
    assert_eq!(all.matches("Commitment number").count(), 14 + 5, "{all}");
    assert!(!all.contains('\u{2026}'), "{all}");
    // JSON is never cut.
    let doc = env.json(["status", "--json"]);
    assert_eq!(
        doc["status"]["open_commitments"].as_array().map(Vec::len),
        Some(14)
    );
    // The overdue ones, listed.
    let list = env
        .run(["action", "list", "--overdue", "--json"])
        .success()
        .json();
    assert_eq!(crate::support::ids(&list["commitments"]).len(), 5);
}
