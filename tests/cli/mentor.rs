//! `mentee mentor add | list | end`, and how `-m` finds a mentor (SPEC §2).

use crate::support::TestEnv;

#[test]
fn add_registers_a_mentor_and_list_shows_them() {
    let env = TestEnv::new();
    env.run([
        "mentor",
        "add",
        "Alex Kim",
        "--every",
        "2w",
        "--email",
        "alex@example.com",
    ])
    .success()
    .stdout_is_empty()
    .stderr_has("Added Alex Kim")
    .stderr_has("-m alex-kim");
    env.mentor(
        "Priya Natarajan",
        &["--role", "sponsor", "--since", "2026-09-01"],
    );

    let list = env.run(["mentor", "list"]).success().stdout();
    insta::assert_snapshot!(list, @r"
    ╭─────────────────┬─────────┬───────┬──────────────┬──────────────┬──────╮
    │ Name            ┆ Role    ┆ Every ┆ Last meeting ┆ Next meeting ┆ Open │
    ╞═════════════════╪═════════╪═══════╪══════════════╪══════════════╪══════╡
    │ Alex Kim        ┆ mentor  ┆ 2w    ┆              ┆              ┆ 0    │
    │ Priya Natarajan ┆ sponsor ┆       ┆              ┆              ┆ 0    │
    ╰─────────────────┴─────────┴───────┴──────────────┴──────────────┴──────╯
    ");

    let text = env.read("mentors.toml");
    assert!(text.contains("name = \"Alex Kim\"\nslug = \"alex-kim\"\nrole = \"mentor\"\nemail = \"alex@example.com\"\nevery = \"2w\"\n"), "{text}");
    assert!(text.contains("since = 2026-09-01\n"), "{text}");
}

#[test]
fn list_shows_last_and_next_meeting_and_open_commitments() {
    let mut env = TestEnv::new();
    env.scenario();
    let doc = env.json(["mentor", "list", "--json"]);
    assert_eq!(doc["version"], 1);
    let alex = &doc["mentors"][0];
    assert_eq!(alex["slug"], "alex-kim");
    assert_eq!(alex["last_meeting"], "2026-11-10");
    assert_eq!(alex["due_by_cadence"], "2026-11-24");
    assert_eq!(alex["open_commitments"], 2);
    env.run(["mentor", "list"])
        .success()
        .stdout_has("2026-11-10")
        .stdout_has("due 2026-11-24");
}

#[test]
fn list_without_mentors_says_how_to_add_one() {
    let env = TestEnv::new();
    env.run(["mentor", "list"])
        .success()
        .stdout_is_empty()
        .stderr_has("mentee mentor add");
}

#[test]
fn end_keeps_the_mentor_but_list_shows_only_active_ones_unless_all() {
    let mut env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.mentor("Priya Natarajan", &[]);
    env.run(["mentor", "end", "priya", "--on", "2026-11-09"])
        .success()
        .stderr_has("Ended the mentorship with Priya Natarajan on 2026-11-09");
    assert!(env.read("mentors.toml").contains("until = 2026-11-09\n"));

    env.run(["mentor", "list"])
        .success()
        .stdout_has("Alex Kim")
        .stdout_lacks("Priya");
    env.run(["mentor", "list", "--all"])
        .success()
        .stdout_has("Alex Kim")
        .stdout_has("Priya Natarajan (ended 2026-11-09)");

    // Ending defaults to today, and the one who is left is the only active one.
    env.today("2026-11-12");
    env.run(["mentor", "end", "alex"])
        .success()
        .stderr_has("on 2026-11-12");
    env.run(["mentor", "list"])
        .success()
        .stdout_is_empty()
        .stderr_has("mentor list --all");
}

#[test]
fn names_with_the_same_slug_get_numbered_slugs() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["mentor", "add", "Alex Kim."])
        .success()
        .stderr_has("-m alex-kim-2");
    let text = env.read("mentors.toml");
    assert!(
        text.contains("name = \"Alex Kim\"\nslug = \"alex-kim\"\n"),
        "{text}"
    );
    assert!(
        text.contains("name = \"Alex Kim.\"\nslug = \"alex-kim-2\"\n"),
        "{text}"
    );
    env.run(["agenda", "Q?", "-m", "alex-kim-2"])
        .success()
        .stdout_has("Alex Kim.");
    assert!(env.exists("meetings/next-alex-kim-2.toml"));
}

#[test]
fn a_full_slug_means_that_mentor_even_when_another_slug_extends_it() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.mentor("Alex-Kim", &[]);
    env.run(["agenda", "Q?", "-m", "alex-kim"])
        .success()
        .stdout_has("next meeting with Alex Kim\n");
    assert!(env.exists("meetings/next-alex-kim.toml"));
}

#[test]
fn names_differing_only_in_spaces_are_one_person() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["mentor", "add", "Alex   Kim"])
        .failure_code(1)
        .stderr_has("Alex Kim is already a mentor");
    env.run(["mentor", "add", "Sam\nLee"])
        .failure_code(1)
        .stderr_has("one line");
}

#[test]
fn the_same_name_twice_is_refused() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let before = env.files();
    env.run(["mentor", "add", "  alex KIM "])
        .failure_code(1)
        .stderr_has("Alex Kim is already a mentor")
        .stderr_has("hint:");
    assert_eq!(env.files(), before);
}

#[test]
fn a_blank_name_is_refused() {
    let env = TestEnv::new();
    env.run(["mentor", "add", "   "])
        .failure_code(1)
        .stderr_has("a mentor needs a name");
    assert!(env.file_names().is_empty());
}

#[test]
fn mentors_are_found_by_name_slug_any_case_or_unique_prefix() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.mentor("Priya Natarajan", &[]);
    for typed in [
        "Priya Natarajan",
        "priya natarajan",
        "PRIYA NATARAJAN",
        "priya-natarajan",
        "Priya-Natarajan",
        "pri",
        "P",
        "priya n",
    ] {
        env.run(["agenda", "-m", typed])
            .success()
            .stderr_has("No meeting planned with Priya Natarajan yet");
    }
}

#[test]
fn an_ended_mentor_sharing_a_prefix_does_not_make_it_ambiguous() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.mentor("Alexandra Stone", &["--until", "2026-11-01"]);
    env.run(["agenda", "-m", "alex"])
        .success()
        .stderr_has("with Alex Kim yet");
    env.run(["agenda", "-m", "alexa"])
        .success()
        .stderr_has("with Alexandra Stone yet");
}

#[test]
fn with_exactly_one_active_mentor_m_is_optional() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["agenda", "Q?"]).success().stdout_has("Alex Kim");
    // An ended relationship does not count.
    env.mentor("Priya Natarajan", &["--until", "2026-11-01"]);
    env.run(["agenda", "Q2?"]).success().stdout_has("Alex Kim");
}

#[test]
fn with_two_active_mentors_m_is_required() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.mentor("Priya Natarajan", &[]);
    env.run(["agenda", "Q?"])
        .failure_code(1)
        .stdout_is_empty()
        .stderr_has("Alex Kim, Priya Natarajan")
        .stderr_has("-m NAME");
    assert!(!env.exists("meetings"));
}

#[test]
fn an_unknown_mentor_lists_the_candidates_and_how_to_add_one() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.mentor("Priya Natarajan", &[]);
    env.run(["agenda", "Q?", "-m", "Sam"])
        .failure_code(1)
        .stderr_has("no mentor matches `Sam`")
        .stderr_has("Alex Kim, Priya Natarajan")
        .stderr_has("mentee mentor add \"Sam\"");
}

#[test]
fn an_ambiguous_prefix_lists_the_matches() {
    let env = TestEnv::new();
    env.mentor("Sam Lee", &[]);
    env.mentor("Sam Ortiz", &[]);
    env.run(["action", "add", "Something", "-m", "sam"])
        .failure_code(1)
        .stderr_has("`sam` matches more than one mentor: Sam Lee, Sam Ortiz")
        .stderr_has("hint:");
    assert!(!env.exists("actions.toml"));
}

#[test]
fn without_any_mentor_commands_say_to_add_one() {
    let env = TestEnv::new();
    env.run(["agenda", "Q?"])
        .failure_code(1)
        .stderr_has("no mentors yet")
        .stderr_has("mentee mentor add");
}

#[test]
fn the_end_of_a_relationship_cannot_come_before_its_start() {
    let env = TestEnv::new();
    env.run([
        "mentor",
        "add",
        "Alex Kim",
        "--since",
        "2026-11-01",
        "--until",
        "2026-10-01",
    ])
    .failure_code(1)
    .stderr_has("before --since");
    env.mentor("Alex Kim", &["--since", "2026-11-01"]);
    // A term that is still running shows when it ends.
    env.mentor("Priya Natarajan", &["--until", "2027-03-01"]);
    env.run(["mentor", "list"])
        .success()
        .stdout_has("Priya Natarajan (until 2027-03-01)");
    env.run(["mentor", "end", "alex", "--on", "2026-10-01"])
        .failure_code(1)
        .stderr_has("before the relationship started");
}

#[test]
fn a_surname_finds_the_mentor_and_a_typo_gets_a_suggestion() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.mentor("Priya Natarajan", &[]);
    env.run(["agenda", "Q?", "-m", "natarajan"])
        .success()
        .stdout_has("Priya Natarajan");
    env.run(["agenda", "Q?", "-m", "priay"])
        .failure_code(1)
        .stderr_has("hint: did you mean Priya Natarajan?");
}

#[test]
fn accented_names_get_readable_slugs() {
    let env = TestEnv::new();
    env.run(["mentor", "add", "José Núñez"])
        .success()
        .stderr_has("-m jose-nunez");
    env.run(["agenda", "Q?", "-m", "jose"])
        .success()
        .stdout_has("José Núñez");
}

#[test]
fn ending_twice_says_the_date_moved_and_open_commitments_are_mentioned() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.commit("Send the retro notes", &[]);
    env.run(["mentor", "end", "alex"])
        .success()
        .stderr_has("Ended the mentorship with Alex Kim on 2026-11-10")
        .stderr_has("1 commitment to Alex Kim is still open: close it");
    // Moving the end of an ended relationship is asked for explicitly.
    env.run(["mentor", "end", "alex", "--on", "2026-11-09"])
        .failure_code(1)
        .stderr_has("already ended on 2026-11-10");
    env.run(["mentor", "end", "alex", "--on", "2026-11-09", "--yes"])
        .success()
        .stderr_has("had ended on 2026-11-10; it now ends on 2026-11-09");
    env.run(["meet", "-m", "alex"])
        .success()
        .stderr_has("recorded as a keep-in-touch meeting");
}

#[test]
fn refusals_say_what_to_do() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let long = "A".repeat(101);
    for args in [
        vec![
            "mentor",
            "add",
            "D",
            "--since",
            "2027-01-01",
            "--until",
            "2026-01-01",
        ],
        vec!["mentor", "add", long.as_str()],
        vec!["agenda", "--later", "  "],
    ] {
        env.run(&args).failure_code(1).stderr_has("\nhint: ");
    }
}

#[test]
fn without_m_the_only_mentor_met_or_planned_today_is_meant() {
    let mut env = TestEnv::new();
    env.today("2027-01-20");
    env.mentor("Alex Kim", &[]);
    env.mentor("Sam Lee", &[]);
    env.run([
        "agenda",
        "How do I plan?",
        "-m",
        "alex",
        "--on",
        "2027-01-28",
    ])
    .success();
    // Nothing today with either: it asks.
    env.run(["note", "Thinking about roadmaps"])
        .failure_code(1)
        .stderr_has("which mentor? You have 2");
    env.today("2027-01-28");
    env.run(["meet"])
        .success()
        .stderr_has("(with Alex Kim: the meeting planned today)")
        .stderr_has("Recorded the meeting with Alex Kim on 2027-01-28");
    env.run(["action", "add", "Write the runbook"])
        .success()
        .stderr_has("(with Alex Kim: the meeting held today)")
        .stderr_has("Committed [");
    env.run(["note", "Start from the outcome"])
        .success()
        .stderr_has("(with Alex Kim: the meeting held today)");
    env.run(["thanks", "For the time"]).success();
    env.run(["advice", "Write it down first"])
        .success()
        .stderr_has("(with Alex Kim");
    // Both met today: it asks again.
    env.run(["meet", "-m", "sam"]).success();
    env.run(["note", "Another thought"])
        .failure_code(1)
        .stderr_has("which mentor? You have 2");
}
