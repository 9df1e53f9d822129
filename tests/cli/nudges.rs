//! Nudges (SPEC §6): shown by `status`, and after the command that triggers
//! them, each with the command that acts on it; silenced per mentor or for
//! everyone. And `mentee stats`.

use crate::support::{Scenario, TestEnv, position};
use serde_json::Value;

/// (kind, commitment) of every nudge in `status --json`.
#[track_caller]
fn nudges(env: &TestEnv) -> Vec<(String, String)> {
    let doc = env.json(["status", "--json"]);
    doc["status"]["nudges"]
        .as_array()
        .expect("a nudges array")
        .iter()
        .map(|n| {
            (
                n["kind"].as_str().expect("a kind").to_string(),
                n["commitment"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn kinds(env: &TestEnv) -> Vec<String> {
    nudges(env).into_iter().map(|(kind, _)| kind).collect()
}

#[test]
fn status_shows_commitment_nudges_with_their_commands_one_per_commitment() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    // A week before the meeting the cadence says (2026-11-24): only the
    // overdue one matters yet.
    env.today("2026-11-17");
    let out = env.run(["status"]).success().stdout();
    let section = &out[position(&out, "\nNudges\n")..];
    assert!(
        section.contains(&format!(
            "  [{draft}] Draft the split proposal was due on 2026-11-13: finish it, give it a new \
             date, or drop it if it no longer matters \
             (run: mentee action set {draft} done|dropped|--due DATE)\n"
        )),
        "{out}"
    );
    assert!(!out.contains(&format!("[{read}]")), "{out}");
    assert_eq!(nudges(&env), [("overdue".to_string(), draft.clone())]);
    // Two days before it, the one with no report yet matters too. The
    // "Report first" section says so; the nudges do not repeat it.
    env.today("2026-11-22");
    let out = env.run(["status"]).success().stdout();
    assert!(
        out.contains(
            "  Alex Kim: 2 commitments from 2026-11-10 with no report yet; your meeting is near: \
             say where each stands with mentee action set ID done|in-progress|blocked|dropped\n"
        ),
        "{out}"
    );
    let section = &out[position(&out, "\nNudges\n")..];
    assert!(!section.contains("has no report yet"), "{out}");
    // The overdue one is not also listed as unreported.
    assert_eq!(section.matches(&format!("[{draft}]")).count(), 1, "{out}");
    assert_eq!(
        nudges(&env),
        [
            ("unreported".to_string(), read.clone()),
            ("overdue".to_string(), draft.clone()),
            ("cadence".to_string(), String::new())
        ]
    );
    let doc = env.json(["status", "--json"]);
    let first = &doc["status"]["nudges"][0];
    assert_eq!(first["mentor"], "alex-kim");
    assert_eq!(
        first["command"],
        format!("mentee action set {read} done|in-progress|blocked|dropped")
    );

    // Reporting and closing them is what makes them go.
    env.run(["action", "set", &read, "in-progress"]).success();
    env.run(["action", "done", &draft]).success();
    assert_eq!(kinds(&env), ["cadence"]);
}

#[test]
fn a_meeting_due_by_cadence_and_not_planned_gets_a_nudge_two_days_ahead() {
    let mut env = TestEnv::new();
    env.scenario();
    let nudge = "Your next meeting with Alex Kim is due on 2026-11-24 (every 2w) and none is \
                 planned: plan it with a specific question (run: mentee agenda \"TOPIC\" -m alex-kim)";
    env.today("2026-11-21");
    env.run(["status"]).success().stdout_lacks("(every 2w)");
    env.today("2026-11-22");
    env.run(["status"]).success().stdout_has(nudge);
    env.today("2026-11-30");
    env.run(["status"])
        .success()
        .stdout_has("Your next meeting with Alex Kim was due on 2026-11-24 (every 2w)");
    env.run([
        "agenda",
        "How long should dual writes run before the cutover?",
        "-m",
        "alex",
    ])
    .success();
    env.run(["status"]).success().stdout_lacks("(every 2w)");
}

#[test]
fn nothing_logged_for_twice_the_cadence_gets_a_nudge_until_an_update() {
    let mut env = TestEnv::new();
    env.scenario();
    let nudge = "No word to Alex Kim since 2026-11-10, neither a meeting nor an update: send a \
                 short update on your progress (run: mentee update \"...\" -m alex-kim)";
    // Every two weeks: quiet after 28 days without an entry.
    env.today("2026-12-08");
    env.run(["status"]).success().stdout_lacks("No word to");
    env.today("2026-12-09");
    env.run(["status"]).success().stdout_has(nudge);
    assert!(kinds(&env).contains(&"quiet".to_string()));
    // Priya has no cadence, no start date and no meeting: nothing to go by.
    env.run(["status"])
        .success()
        .stdout_lacks("No word to Priya");
    // An update meant for every mentor counts.
    env.run(["update", "The split plan was approved"]).success();
    env.run(["status"]).success().stdout_lacks("No word to");
    env.today("2027-01-07");
    env.run(["status"])
        .success()
        .stdout_has("No word to Alex Kim since 2026-12-09");
    env.run(["thanks", "The split plan worked", "-m", "alex"])
        .success();
    env.run(["status"]).success().stdout_lacks("No word to");
}

#[test]
fn an_ended_relationship_gets_a_keep_in_touch_nudge_after_ninety_days() {
    let mut env = TestEnv::new();
    env.today("2026-06-20");
    env.mentor(
        "Jordan Reyes",
        &[
            "--role",
            "coach",
            "--since",
            "2026-01-05",
            "--until",
            "2026-06-30",
        ],
    );
    // Before the end: it does not count as keeping in touch.
    env.run(["thanks", "The slides advice worked", "-m", "jordan"])
        .success();
    env.today("2026-09-28");
    env.run(["status"]).success().stdout_lacks("keep in touch");
    env.today("2026-09-29");
    env.run(["status"]).success().stdout_has(
        "Your mentorship with Jordan Reyes ended on 2026-06-30 and nothing was logged for them \
         since: keep in touch with news of how you are doing \
         (run: mentee update \"...\" -m jordan-reyes)",
    );
    assert_eq!(kinds(&env), ["keep-in-touch"]);
    env.run(["update", "I gave the talk at the guild", "-m", "jordan"])
        .success();
    env.run(["status"]).success().stdout_lacks("keep in touch");
    // Only the recent journal is read: after a long silence it comes back.
    env.today("2027-01-20");
    env.run(["status"]).success().stdout_lacks("keep in touch");
    env.today("2027-02-01");
    env.run(["status"])
        .success()
        .stdout_has("nothing was logged for them in the last 120 days");
    // A meeting counts too.
    env.run(["meet", "-m", "jordan"]).success();
    env.run(["status"]).success().stdout_lacks("keep in touch");
}

#[test]
fn halfway_through_a_mentorship_a_mid_term_review_is_suggested_for_two_weeks() {
    let mut env = TestEnv::new();
    env.mentor(
        "Alex Kim",
        &["--since", "2026-09-01", "--until", "2027-03-01"],
    );
    let nudge = "Halfway through your mentorship with Alex Kim (2026-09-01 to 2027-03-01): look \
                 back on it and share the review (run: mentee review -m alex-kim --mid)";
    // 181 days: the middle is 90 days in.
    for (day, shown) in [
        ("2026-11-29", false),
        ("2026-11-30", true),
        ("2026-12-13", true),
        ("2026-12-14", false),
    ] {
        let run = env.today(day).run(["status"]).success();
        if shown {
            run.stdout_has(nudge);
        } else {
            run.stdout_lacks("Halfway");
        }
    }
}

#[test]
fn around_the_end_of_a_term_the_closing_review_is_suggested_not_another_meeting() {
    let mut env = TestEnv::new();
    env.today("2027-02-15");
    env.mentor(
        "Alex Kim",
        &[
            "--every",
            "2w",
            "--since",
            "2026-09-01",
            "--until",
            "2027-03-01",
        ],
    );
    env.run(["meet"]).success();
    let ends = "Your mentorship with Alex Kim ends on 2027-03-01: look back on the whole of it \
                and share the closing review (run: mentee review -m alex-kim)";
    for (day, shown) in [
        ("2027-02-21", false),
        ("2027-02-22", true),
        ("2027-02-28", true),
        ("2027-03-14", true),
        ("2027-03-15", false),
    ] {
        let run = env.today(day).run(["status"]).success();
        if shown {
            run.stdout_has("look back on the whole of it and share the closing review");
        } else {
            run.stdout_lacks("closing review");
        }
    }
    // The next meeting by the cadence (2027-03-01) falls on the last day:
    // no nudge to plan it, the closing review instead.
    env.today("2027-02-28")
        .run(["status"])
        .success()
        .stdout_has(ends)
        .stdout_lacks("none is planned");
}

#[test]
fn a_vague_topic_gets_a_hint_after_agenda_and_in_status() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &["--every", "2w"]);
    env.run([
        "agenda",
        "DevOps",
        "How should I split the billing service?",
    ])
    .success()
    .stdout_lacks("nudge")
    .stderr_has(
        "nudge: The topic \"DevOps\" for your meeting with Alex Kim reads as vague: make it \
             a specific question, such as \"How should I ...?\" (run: mentee agenda \
             --topic 1 \"A SPECIFIC QUESTION\" -m alex-kim)",
    );
    env.run(["status"])
        .success()
        .stdout_has("The topic \"DevOps\" for your meeting with Alex Kim reads as vague");
    assert_eq!(kinds(&env), ["vague"]);
    env.run(["agenda", "Everything about Kubernetes and our clusters"])
        .success()
        .stderr_has("nudge: The topic \"Everything about Kubernetes and our clusters\"");
    env.run([
        "agenda",
        "What should our pipeline check before a deploy?",
        "How should I split the billing service?",
    ])
    .success()
    .stderr_lacks("nudge:");
    env.run(["status"]).success().stdout_lacks("vague");
}

#[test]
fn a_commitment_due_in_the_past_gets_an_overdue_nudge_when_added() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let run = env
        .run(["action", "add", "Send the proposal", "--due", "-1w"])
        .success();
    let id = run.stdout().trim().to_string();
    assert_eq!(run.stdout(), format!("{id}\n"), "only the ID on stdout");
    run.stderr_has(&format!(
        "nudge: [{id}] Send the proposal was due on 2026-11-03: finish it, give it a new date, \
         or drop it if it no longer matters (run: mentee action set {id} done|dropped|--due DATE)"
    ));
    env.run(["action", "add", "Book the review", "--due", "fri"])
        .success()
        .stderr_lacks("nudge:");
}

#[test]
fn meet_nudges_about_a_commitment_carried_over_three_meetings() {
    let mut env = TestEnv::new();
    env.mentor("Alex Kim", &["--every", "1w"]);
    env.today("2026-11-02").run(["meet"]).success();
    let long = env.commit("Write the design doc", &[]);
    for day in ["2026-11-09", "2026-11-16"] {
        env.today(day)
            .run(["meet"])
            .success()
            .stderr_lacks("nudge:");
    }
    env.today("2026-11-23")
        .run(["meet"])
        .success()
        .stderr_has(&format!(
            "nudge: [{long}] Write the design doc has been carried over 3 meetings with Alex Kim: \
         close it, carry it to a new date, or drop it \
         (run: mentee action set {long} done|dropped|--due DATE)"
        ));
    assert!(nudges(&env).contains(&("carried".to_string(), long.clone())));
    // Carried on to a new date on purpose: no nudge until that day passes.
    env.run(["action", "set", &long, "--due", "2026-12-01"])
        .success()
        .stderr_has(&format!("[{long}] corrected: due none → 2026-12-01."));
    assert!(!kinds(&env).contains(&"carried".to_string()));
    let status = env.run(["action", "list", "--json"]).success().stdout();
    assert!(status.contains("\"status\": \"open\""), "{status}");
    env.today("2026-12-02");
    assert!(nudges(&env).contains(&("carried".to_string(), long.clone())));
    env.run(["action", "drop", &long]).success();
    assert!(!kinds(&env).contains(&"carried".to_string()));
}

#[test]
fn nudges_are_silenced_per_mentor_or_for_everyone_and_shown_again() {
    let mut env = TestEnv::new();
    let Scenario { draft, .. } = env.scenario();
    env.today("2026-11-17");
    env.run(["nudge", "off", "overdue", "-m", "alex"])
        .success()
        .stdout_is_empty()
        .stderr_has(
            "Silenced overdue nudges for Alex Kim. Show them again with: mentee nudge on overdue -m alex-kim",
        );
    assert!(
        env.read("mentors.toml").contains(
            "slug = \"alex-kim\"\nrole = \"mentor\"\nevery = \"2w\"\nsilence = [\"overdue\"]\n"
        ),
        "{}",
        env.read("mentors.toml")
    );
    // The overdue commitment still has no report: that reminder comes through.
    env.run(["status"]).success().stdout_lacks("was due on");
    assert!(nudges(&env).contains(&("unreported".to_string(), draft.clone())));
    let list = env.run(["nudge", "list"]).success().stdout();
    let overdue = list
        .lines()
        .find(|line| line.contains(" overdue "))
        .unwrap_or_else(|| panic!("no overdue row:\n{list}"));
    assert!(overdue.contains("Alex Kim"), "{list}");

    env.run(["nudge", "off", "all"])
        .success()
        .stderr_has("Silenced every nudge for every mentor.");
    assert!(
        env.read("settings.toml")
            .contains("\nsilence = [\"all\"]\n")
    );
    env.run(["status"]).success().stdout_lacks("Nudges");
    assert!(nudges(&env).is_empty());
    let list = env.run(["nudge", "list"]).success().stdout();
    assert_eq!(list.matches("every mentor").count(), 9, "{list}");
    // Silenced after a command too.
    env.run(["agenda", "DevOps", "-m", "alex"])
        .success()
        .stderr_lacks("nudge:");

    env.run(["nudge", "on", "all"]).success();
    assert!(!env.read("settings.toml").contains("silence"));
    // The overdue one is due: its report matters; the other waits for the
    // meeting to be near.
    assert_eq!(kinds(&env), ["unreported", "vague"]);
    env.run(["nudge", "on", "overdue"]).success().stderr_has(
        "overdue nudges stay silenced for Alex Kim: mentee nudge on overdue -m alex-kim",
    );
    env.run(["nudge", "on", "overdue", "-m", "alex"])
        .success()
        .stderr_has("Showing overdue nudges again for Alex Kim.");
    assert!(!env.read("mentors.toml").contains("silence"));
    assert_eq!(kinds(&env), ["overdue", "vague"]);
}

#[test]
fn silencing_keeps_hand_edits_and_refuses_unknown_kinds_and_mentors() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.write(
        "settings.toml",
        "# Quiet weeks while I am on leave\nformat = 1\nsilence = [\"quiet\"]\nmine = true\n",
    );
    env.run(["nudge", "off", "VAGUE"]).success();
    let text = env.read("settings.toml");
    assert!(
        text.starts_with("# Quiet weeks while I am on leave\n"),
        "{text}"
    );
    assert!(
        text.contains("silence = [\"quiet\", \"vague\"]\n"),
        "{text}"
    );
    assert!(text.contains("mine = true\n"), "{text}");
    env.run(["nudge", "off", "loud"])
        .failure_code(2)
        .stderr_has("keep-in-touch");
    env.run(["nudge", "off", "quiet", "-m", "zed"])
        .failure_code(1)
        .stderr_has("no mentor matches `zed`");
    env.write("settings.toml", "format = 1\nsilence = \"quiet\"\n");
    env.run(["status"])
        .failure_code(1)
        .stderr_has("settings.toml:2");
}

#[test]
fn a_broken_journal_month_leaves_status_working_without_guessing() {
    let mut env = TestEnv::new();
    env.scenario();
    env.today("2026-12-09");
    env.run(["status"])
        .success()
        .stdout_has("No word to Alex Kim");
    env.run(["update", "Split plan approved", "-m", "alex"])
        .success();
    env.write(
        "journal/2026/2026-12.toml",
        "format = 1\n[[entry]\nid = \"x\"\n",
    );
    // The month that would tell cannot be read: no nudge rather than a wrong one.
    env.run(["status"]).success().stdout_lacks("No word to");
    env.run(["log"])
        .failure_code(1)
        .stderr_has("journal/2026/2026-12.toml:2");
}

#[test]
fn stats_count_meetings_and_commitments_and_draw_a_chart() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    env.today("2026-11-12");
    env.run(["action", "done", &draft]).success();
    env.today("2026-11-20");
    env.run(["action", "drop", &read]).success();
    env.run(["meet", "-m", "alex"]).success();
    let out = env.run(["stats", "-m", "alex"]).success().stdout();
    insta::assert_snapshot!(out, @r"
    Stats for Alex Kim

    Meetings held             2
      with a prepared agenda  1 (50%)
    Commitments made          2
      done                    1
      dropped                 1
      still open              0
    Kept                      1 of 2 closed (50%)
    Kept on time              1 of 1 closed with a due date (100%)
    Days to first report      5.5 on average

    Commitments kept per month
    2026-11 █ 1
    ");
    let doc = env.json(["stats", "-m", "alex", "--json"]);
    let stats = &doc["stats"];
    assert_eq!(stats["mentor"], "alex-kim");
    assert_eq!(stats["meetings_held"], 2);
    assert_eq!(stats["meetings_with_agenda"], 1);
    assert_eq!(stats["commitments"]["done_on_time"], 1);
    // Reported after 2 and 9 days.
    assert_eq!(stats["average_days_to_report"], 5.5);
    // From the mentorship's first month (2026-11) on, not twelve months.
    assert_eq!(stats["kept_per_month"].as_array().map(Vec::len), Some(1));
    assert_eq!(stats["kept_per_month"][0]["month"], "2026-11");
    assert_eq!(stats["kept_per_month"][0]["done"], 1);
    env.today("2027-01-05");
    let later = env.json(["stats", "-m", "alex", "--json"]);
    let months: Vec<&str> = later["stats"]["kept_per_month"]
        .as_array()
        .map(|a| a.iter().filter_map(|m| m["month"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(months, ["2026-11", "2026-12", "2027-01"]);
    // Every mentor together.
    let all = env.json(["stats", "--json"]);
    assert_eq!(all["stats"]["mentor"], Value::Null);
    assert_eq!(all["stats"]["meetings_held"], 2);
    env.run(["stats", "-m", "priya"])
        .success()
        .stdout_has("Stats for Priya Natarajan\n")
        .stdout_has("Meetings held             0\n")
        .stdout_has("Days to first report      no reports yet\n");
    env.run(["stats", "-m", "zed"]).failure_code(1);
}

#[test]
fn stats_without_mentors_says_how_to_start() {
    let env = TestEnv::new();
    env.run(["stats"])
        .success()
        .stdout_is_empty()
        .stderr_has("mentee mentor add");
}

#[test]
fn silences_for_every_mentor_travel_with_an_export() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["nudge", "off", "vague"]).success();
    let out = env.run(["export", "--format", "json"]).success().stdout();
    let doc: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(doc["export"]["silence"], serde_json::json!(["vague"]));
    let file = env.scratch("journal.json");
    std::fs::write(&file, &out).expect("write the export");
    let other = env.scratch("other");
    let other = other.to_str().expect("a path");
    let file = file.to_str().expect("a path");
    env.run(["--dir", other, "import", file]).success();
    let settings = std::fs::read_to_string(env.scratch("other").join("settings.toml"))
        .expect("settings.toml imported");
    assert!(settings.contains("\nsilence = [\"vague\"]\n"), "{settings}");
    let again = env
        .run(["--dir", other, "export", "--format", "json"])
        .success()
        .stdout();
    assert_eq!(again, out);
}

#[test]
fn a_meeting_counts_as_keeping_in_touch() {
    let mut env = TestEnv::new();
    env.scenario();
    env.today("2026-12-01");
    env.run(["meet", "-m", "alex"]).success();
    env.today("2026-12-09");
    env.run(["status"])
        .success()
        .stdout_lacks("No word to Alex Kim");
}

#[test]
fn an_update_for_all_mentors_does_not_keep_in_touch_with_an_ended_one() {
    let mut env = TestEnv::new();
    env.today("2026-01-05");
    env.mentor("Alex Kim", &[]);
    env.mentor("Sam Lee", &[]);
    env.mentor(
        "Priya Natarajan",
        &["--since", "2025-06-01", "--until", "2026-01-31"],
    );
    env.today("2026-05-15");
    env.run(["status"])
        .success()
        .stdout_has("Your mentorship with Priya Natarajan ended on 2026-01-31");
    // "All your mentors" are the active ones: Priya does not hear of it,
    // nor is it in her summary.
    env.run(["update", "Shipped the migration"])
        .success()
        .stderr_has("for all your mentors");
    env.run(["status"])
        .success()
        .stdout_has("Your mentorship with Priya Natarajan ended");
    env.run(["summary", "-m", "priya", "--since", "2026-05-01"])
        .success()
        .stdout_lacks("Shipped the migration");
    env.run(["update", "Shipped the migration", "-m", "priya"])
        .success();
    env.run(["status"])
        .success()
        .stdout_lacks("Your mentorship with Priya Natarajan ended");
}

#[test]
fn a_paused_mentor_gets_no_cadence_or_quiet_nudge_until_the_day() {
    let mut env = TestEnv::new();
    env.mentor("Alex Kim", &["--every", "1w", "--since", "2026-10-01"]);
    env.today("2026-10-05").run(["meet"]).success();
    env.today("2026-11-20");
    assert_eq!(kinds(&env), ["cadence", "quiet"]);
    env.run(["mentor", "pause", "alex", "--until", "2026-12-01"])
        .success()
        .stderr_has("Paused Alex Kim until 2026-12-01");
    // A TOML date on the mentor, next to hand edits.
    assert!(
        env.read("mentors.toml")
            .contains("paused_until = 2026-12-01\n"),
        "{}",
        env.read("mentors.toml")
    );
    assert!(kinds(&env).is_empty());
    env.run(["status"])
        .success()
        .stdout_has("Alex Kim: paused until 2026-12-01");
    env.run(["mentor", "list"])
        .success()
        .stdout_has("1w, paused until 2026-12-01");
    // The day comes: the nudges are back.
    env.today("2026-12-01");
    assert_eq!(kinds(&env), ["cadence", "quiet"]);
    // Resume, or a pause until today, ends the break.
    env.today("2026-11-20");
    env.run(["mentor", "resume", "alex"])
        .success()
        .stderr_has("Alex Kim is back");
    assert!(!env.read("mentors.toml").contains("paused_until"));
    env.run(["mentor", "pause", "alex", "--until", "2026-12-01"])
        .success();
    env.run(["mentor", "pause", "alex", "--until", "today"])
        .success();
    assert_eq!(kinds(&env), ["cadence", "quiet"]);
}

#[test]
fn the_cadence_stops_at_the_end_of_the_term() {
    let mut env = TestEnv::new();
    env.mentor(
        "Coach",
        &["--role", "coach", "--every", "30d", "--until", "2027-04-30"],
    );
    env.today("2027-04-08").run(["meet"]).success();
    env.today("2027-04-10");
    env.run(["status"])
        .success()
        .stdout_lacks("2027-05-08")
        .stdout_lacks("by your cadence");
    env.run(["mentor", "list"])
        .success()
        .stdout_lacks("2027-05-08");
    // Planned after the end of the term: said, kept, and still shown once the
    // term ended.
    env.run([
        "agenda",
        "How do I keep practising on my own?",
        "--on",
        "2027-05-06",
    ])
    .success()
    .stderr_has("Note: 2027-05-06 is after your mentorship with Coach ends on 2027-04-30");
    env.today("2027-05-02");
    env.run(["status"]).success().stdout_has(
        "Coach (the mentorship ended on 2027-04-30): 2027-05-06\n    1. How do I keep practising on my own?",
    );
}

#[test]
fn no_cadence_no_nudge_to_plan() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &["--every", "2w"]);
    env.mentor("Priya", &["--role", "sponsor"]);
    env.run(["status"])
        .success()
        .stdout_has("Alex Kim: nothing planned")
        .stdout_lacks("Priya");
}

#[test]
fn each_vague_topic_gets_a_command_that_fixes_it_alone() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let run = env.run(["agenda", "DevOps", "Career"]).success();
    let err = run.stderr();
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("reads as vague"))
        .collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].contains("\"DevOps\"")
            && lines[0]
                .ends_with("(run: mentee agenda --topic 1 \"A SPECIFIC QUESTION\" -m alex-kim)"),
        "{err}"
    );
    assert!(
        lines[1].contains("\"Career\"")
            && lines[1]
                .ends_with("(run: mentee agenda --topic 2 \"A SPECIFIC QUESTION\" -m alex-kim)"),
        "{err}"
    );
    // Following the first: DevOps is replaced, Career stays (and keeps its
    // own nudge).
    env.run(["agenda", "--topic", "1", "How should I learn our deploy pipeline?"])
        .success()
        .stdout_has("1. How should I learn our deploy pipeline?\n2. Career\n")
        .stderr_has("Replanned the topics: kept Career; added How should I learn our deploy pipeline?; removed DevOps.")
        .stderr_has("(run: mentee agenda --topic 2 \"A SPECIFIC QUESTION\" -m alex-kim)")
        .stderr_lacks("\"DevOps\" for your meeting");
    env.run(["agenda", "--topic", "3", "Q?"])
        .failure_code(1)
        .stderr_has("has 2 topics planned, so there is no topic 3");
    env.run(["agenda", "--topic", "2", "A?", "B?"])
        .failure_code(1);
    env.run(["agenda", "--topic", "2", "career"])
        .success()
        .stdout_has("2. career\n");
}
