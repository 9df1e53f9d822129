//! `mentee goal`: measurable goals with a date, rated from 1 to 5 over time,
//! that commitments and updates can serve and the summary reports on.

use crate::support::{MEETING_FILE, Scenario, TestEnv, ids, position, redact};
use serde_json::Value;

const DESIGN: &str = "Lead the design of one service end to end";
const MEASURE: &str = "design doc approved and the service in production";

/// `mentee goal add TEXT EXTRA...`; returns the new goal's ID.
#[track_caller]
fn goal(env: &TestEnv, text: &str, extra: &[&str]) -> String {
    let mut args = vec!["goal", "add", text];
    args.extend_from_slice(extra);
    let id = env.run(args).success().stdout().trim().to_string();
    assert_eq!(id.len(), 6, "goal add printed {id:?} instead of an ID");
    id
}

/// The goal with this ID in a `goal list --json` document.
#[track_caller]
fn listed<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["goals"]
        .as_array()
        .expect("a goals array")
        .iter()
        .find(|g| g["id"] == id)
        .unwrap_or_else(|| panic!("no goal {id} in {doc:#}"))
}

#[test]
fn add_prints_the_id_and_writes_goals_toml() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let run = env
        .run([
            "goal",
            "add",
            DESIGN,
            "--by",
            "2027-03-31",
            "--measure",
            MEASURE,
            "-m",
            "alex",
        ])
        .success()
        .stderr_has("with Alex Kim, to reach by 2027-03-31")
        .stderr_lacks("how will you know");
    let id = run.stdout();
    assert!(id.len() == 7 && id.ends_with('\n'), "{id:?}");
    let id = id.trim();
    assert!(run.stderr().contains(&format!("Set the goal [{id}]")));
    assert_eq!(
        env.read("goals.toml"),
        format!(
            "# mentee: goals, each with a measure, a date and ratings over time\n\
             # Plain TOML: edit freely; mentee keeps your comments and extra keys.\n\
             format = 1\n\n\
             [[goal]]\nid = \"{id}\"\ntext = \"{DESIGN}\"\nmentor = \"alex-kim\"\n\
             measure = \"{MEASURE}\"\ncreated = 2026-11-10\nby = 2027-03-31\nstatus = \"active\"\n"
        )
    );
}

#[test]
fn a_goal_without_a_measure_gets_a_gentle_hint_and_is_kept() {
    let env = TestEnv::new();
    // No mentor is needed: a goal may come before the people who help with it.
    let run = env
        .run(["goal", "add", "Get better at estimates", "--by", "3m"])
        .success()
        .stderr_has("Tip: how will you know you got there?")
        .stderr_has("measure");
    let id = run.stdout().trim().to_string();
    assert!(
        run.stderr()
            .contains(&format!("mentee goal set {id} --measure"))
    );
    let doc = env.json(["goal", "list", "--json"]);
    let listed = listed(&doc, &id);
    assert_eq!(listed["measure"], Value::Null);
    assert_eq!(listed["mentor"], Value::Null);
    // 3m from Tuesday 2026-11-10.
    assert_eq!(listed["by"], "2027-02-10");
}

#[test]
fn by_takes_the_future_date_forms_and_refuses_the_past() {
    let env = TestEnv::new();
    let by = |typed: &str| {
        let id = goal(
            &env,
            "Read the SRE book",
            &["--by", typed, "--measure", "notes"],
        );
        let doc = env.json(["goal", "list", "--json"]);
        listed(&doc, &id)["by"]
            .as_str()
            .expect("a date")
            .to_string()
    };
    assert_eq!(by("fri"), "2026-11-13");
    assert_eq!(by("2w"), "2026-11-24");
    assert_eq!(by("today"), "2026-11-10");
    let before = env.files();
    env.run(["goal", "add", "Too late", "--by", "yesterday"])
        .failure_code(1)
        .stdout_is_empty()
        .stderr_has("--by 2026-11-09 has passed")
        .stderr_has("hint:");
    env.run(["goal", "add", "Too late", "--by", "2026-01-01"])
        .failure_code(1)
        .stderr_has("has passed");
    env.run(["goal", "add", "Whenever", "--by", "someday"])
        .failure_code(1)
        .stderr_has("--by: `someday` is not a date")
        .stderr_has("accepted forms");
    env.run(["goal", "add", "No date"])
        .failure_code(2)
        .stderr_has("--by");
    env.run(["goal", "add", "  ", "--by", "3m"])
        .failure_code(1)
        .stderr_has("the goal is empty");
    assert_eq!(env.files(), before, "a refused goal wrote something");
}

#[test]
fn ratings_build_a_trend_in_words() {
    let mut env = TestEnv::new();
    let id = goal(&env, DESIGN, &["--by", "2027-03-31", "--measure", MEASURE]);
    env.run(["goal", "rate", &id, "2", "--note", "no design doc yet"])
        .success()
        .stdout_is_empty()
        .stderr_has(&format!("[{id}] {DESIGN}: 2/5."));
    env.today("2026-11-24");
    env.run(["goal", "rate", &id[..3], "4"])
        .success()
        .stderr_has("4/5, up from 2.");
    // A second rating the same day corrects the first: no new trend.
    env.run(["goal", "rate", &id, "3", "--note", "doc in review"])
        .success()
        .stderr_has("3/5, up from 2 (replaces today's 4/5).");
    env.today("2026-12-08");
    env.run(["goal", "rate", &id, "1"])
        .success()
        .stderr_has("1/5, down from 3.");
    env.today("2026-12-22");
    env.run(["goal", "rate", &id, "1"])
        .success()
        .stderr_has("1/5, same as before.");

    let doc = env.json(["goal", "list", "--json"]);
    let g = listed(&doc, &id);
    let scores: Vec<u64> = g["ratings"]
        .as_array()
        .expect("ratings")
        .iter()
        .map(|r| r["score"].as_u64().expect("a score"))
        .collect();
    assert_eq!(scores, vec![2, 3, 1, 1]);
    assert_eq!(g["ratings"][1]["note"], "doc in review");
    assert_eq!(g["trend"], "flat");
    assert_eq!(g["latest"]["on"], "2026-12-22");
    let file = env.read("goals.toml");
    assert!(
        file.contains("[[goal.rating]]\non = 2026-11-24\nscore = 3\nnote = \"doc in review\"\n"),
        "{file}"
    );
}

#[test]
fn a_rating_is_a_whole_number_from_one_to_five() {
    let env = TestEnv::new();
    let id = goal(&env, DESIGN, &["--by", "3m", "--measure", MEASURE]);
    let before = env.files();
    for bad in ["0", "6", "-1", "3.5", "three", "10"] {
        env.run(["goal", "rate", &id, bad])
            .failure_code(1)
            .stderr_has(&format!(
                "error: a rating is a whole number from 1 to 5, not `{bad}`"
            ))
            .stderr_has("hint: 1 means far off, 3 half way, 5 there");
    }
    assert_eq!(env.files(), before);
}

#[test]
fn goal_ids_are_found_by_a_unique_prefix() {
    let env = TestEnv::new();
    env.write(
        "goals.toml",
        "format = 1\n\n[[goal]]\nid = \"abc111\"\ntext = \"One\"\ncreated = 2026-11-01\nby = 2027-01-01\nstatus = \"active\"\n\n\
         [[goal]]\nid = \"abc222\"\ntext = \"Two\"\ncreated = 2026-11-01\nby = 2027-01-01\nstatus = \"active\"\n",
    );
    env.run(["goal", "rate", "abc", "3"])
        .failure_code(1)
        .stderr_has("`abc` is the start of 2 goal IDs: abc111, abc222")
        .stderr_has("hint: type more of the ID");
    env.run(["goal", "rate", "zzz", "3"])
        .failure_code(1)
        .stderr_has("no goal has the ID `zzz`")
        .stderr_has("mentee goal list --all");
    env.run(["goal", "rate", "ABC2", "3"])
        .success()
        .stderr_has("[abc222] Two: 3/5.");
    // New IDs never repeat one that a goal already has.
    let new = goal(&env, "Three", &["--by", "3m", "--measure", "m"]);
    assert!(!["abc111", "abc222"].contains(&new.as_str()));
}

#[test]
fn done_and_drop_close_a_goal_and_tell_the_mentor_in_the_journal() {
    let mut env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.mentor("Priya Natarajan", &["--role", "sponsor"]);
    let design = goal(
        &env,
        DESIGN,
        &["--by", "3m", "--measure", MEASURE, "-m", "alex"],
    );
    let talk = goal(
        &env,
        "Give a talk at the forum",
        &["--by", "2m", "--measure", "given"],
    );
    env.today("2026-11-20");
    env.run([
        "goal",
        "done",
        &design,
        "--note",
        "Service live since Monday",
    ])
    .success()
    .stdout_is_empty()
    .stderr_has(&format!(
        "[{design}] {DESIGN}: done. Logged the win for Alex Kim ["
    ))
    .stderr_has("Well done!");
    env.run(["goal", "drop", &talk])
        .success()
        .stderr_has(": dropped. Logged the update for all your mentors [");
    env.run(["goal", "done", &design])
        .success()
        .stderr_has("is already done");

    let journal = env.read("journal/2026/2026-11.toml");
    assert!(
        journal.contains(&format!(
            "date = 2026-11-20\nkind = \"win\"\nmentor = \"alex-kim\"\ngoal = \"{design}\"\ntext = 'Reached my goal \"{DESIGN}\": Service live since Monday'\n"
        )),
        "{journal}"
    );
    assert!(
        journal.contains(&format!(
            "kind = \"update\"\ngoal = \"{talk}\"\ntext = 'Dropped my goal \"Give a talk at the forum\".'\n"
        )),
        "{journal}"
    );
    // The news reaches the summaries.
    env.run(["summary", "-m", "priya", "--since", "2026-11-01"])
        .success()
        .stdout_has("Dropped my goal \"Give a talk at the forum\".")
        .stdout_lacks("Reached my goal");

    env.run(["goal", "list"])
        .success()
        .stdout_is_empty()
        .stderr_has("No active goals. See the done and dropped ones with: mentee goal list --all");
    env.run(["goal", "list", "--all"])
        .success()
        .stdout_has("done")
        .stdout_has("dropped");
    env.run(["goal", "rate", &design, "5"])
        .failure_code(1)
        .stderr_has(&format!("[{design}] is done; only active goals are rated"))
        .stderr_has(&format!(
            "hint: make it active again with: mentee goal reopen {design}"
        ));
    env.run(["goal", "reopen", &design])
        .success()
        .stderr_has(&format!("[{design}] {DESIGN}: active again."));
    env.run(["goal", "rate", &design, "5"]).success();
    let doc = env.json(["goal", "list", "--json"]);
    assert_eq!(ids(&doc["goals"]), [design]);
}

#[test]
fn list_is_a_table_that_reads_without_colour() {
    let mut env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.mentor("Priya Natarajan", &["--role", "sponsor"]);
    let design = goal(
        &env,
        DESIGN,
        &["--by", "2027-03-31", "--measure", MEASURE, "-m", "alex"],
    );
    let promo = goal(
        &env,
        "Make the case for senior engineer",
        &[
            "--by",
            "2026-11-30",
            "--measure",
            "case submitted",
            "-m",
            "priya",
        ],
    );
    let talks = goal(&env, "Give a talk each quarter", &["--by", "2027-01-31"]);
    env.run(["goal", "rate", &design, "2"]).success();
    env.today("2026-11-20");
    env.run(["goal", "rate", &design, "3"]).success();
    env.run(["goal", "rate", &promo, "4"]).success();
    env.today("2026-12-02");
    let out = env.run(["goal", "list"]).success().stdout();
    let out = redact(
        &out,
        &[(&design, "<gol1>"), (&promo, "<gol2>"), (&talks, "<gol3>")],
    );
    insta::assert_snapshot!(out, @r"
    ╭────────┬───────────────────────────────────────────┬─────────────────┬───────────────────────────────────────────────────┬────────────────────┬────────────────┬────────╮
    │ ID     ┆ Goal                                      ┆ Mentor          ┆ Measure                                           ┆ By                 ┆ Rating         ┆ Status │
    ╞════════╪═══════════════════════════════════════════╪═════════════════╪═══════════════════════════════════════════════════╪════════════════════╪════════════════╪════════╡
    │ <gol2> ┆ Make the case for senior engineer         ┆ Priya Natarajan ┆ case submitted                                    ┆ 2026-11-30 overdue ┆ 4/5            ┆ active │
    │ <gol3> ┆ Give a talk each quarter                  ┆ all             ┆                                                   ┆ 2027-01-31         ┆ not rated yet  ┆ active │
    │ <gol1> ┆ Lead the design of one service end to end ┆ Alex Kim        ┆ design doc approved and the service in production ┆ 2027-03-31         ┆ 3/5, up from 2 ┆ active │
    ╰────────┴───────────────────────────────────────────┴─────────────────┴───────────────────────────────────────────────────┴────────────────────┴────────────────┴────────╯
    ");
    assert!(!out.contains('\u{1b}'), "colour without a terminal");

    // -m keeps that mentor's goals and those with no mentor.
    let doc = env.json(["goal", "list", "-m", "alex", "--json"]);
    assert_eq!(ids(&doc["goals"]), [talks.clone(), design.clone()]);
    let doc = env.json(["goal", "list", "--json"]);
    assert_eq!(listed(&doc, &promo)["overdue"], true);
    assert_eq!(listed(&doc, &design)["trend"], "up");
    assert_eq!(listed(&doc, &design)["latest"]["score"], 3);
    assert_eq!(listed(&doc, &talks)["latest"], Value::Null);

    // With colour forced, the words are still there.
    let coloured = env
        .run(["goal", "list", "--color", "always"])
        .success()
        .stdout();
    assert!(coloured.contains("\u{1b}[") && coloured.contains("overdue"));
}

#[test]
fn list_with_no_goals_says_how_to_set_one() {
    let env = TestEnv::new();
    env.run(["goal", "list"])
        .success()
        .stdout_is_empty()
        .stderr_has("No goals yet. Set one: mentee goal add");
    let doc = env.json(["goal", "list", "--all", "--json"]);
    assert_eq!(doc["goals"], serde_json::json!([]));
}

#[test]
fn commitments_and_updates_can_serve_a_goal() {
    let mut env = TestEnv::new();
    let Scenario { .. } = env.scenario();
    let id = goal(
        &env,
        DESIGN,
        &["--by", "2027-03-31", "--measure", MEASURE, "-m", "alex"],
    );
    let action = env.commit("Write the design doc", &["-m", "alex", "--goal", &id[..4]]);
    let file = env.read(MEETING_FILE);
    assert!(
        file.contains(&format!(
            "id = \"{action}\"\ntext = \"Write the design doc\"\ncreated = 2026-11-11\nstatus = \"open\"\ngoal = \"{id}\"\n"
        )),
        "{file}"
    );
    let doc = env.json(["action", "list", "--json"]);
    let served: Vec<&Value> = doc["commitments"]
        .as_array()
        .expect("commitments")
        .iter()
        .filter(|c| c.get("goal").is_some())
        .collect();
    assert_eq!(served.len(), 1);
    assert_eq!(served[0]["id"], action.as_str());
    assert_eq!(served[0]["goal"], id.as_str());

    env.run([
        "update",
        "Design doc outline shared",
        "-m",
        "alex",
        "--goal",
        &id,
    ])
    .success();
    let journal = env.read("journal/2026/2026-11.toml");
    assert!(
        journal.contains(&format!(
            "mentor = \"alex-kim\"\ngoal = \"{id}\"\ntext = \"Design doc outline shared\""
        )),
        "{journal}"
    );
    let summary = env.json(["summary", "-m", "alex", "--json"]);
    assert_eq!(summary["summary"]["progress"][0]["goal"], id.as_str());

    // An unknown goal is refused before anything is written.
    let before = env.files();
    env.run(["action", "add", "Something", "-m", "alex", "--goal", "nope"])
        .failure_code(1)
        .stdout_is_empty()
        .stderr_has("no goal has the ID `nope`");
    env.run(["update", "Something", "-m", "alex", "--goal", "nope"])
        .failure_code(1)
        .stderr_has("no goal has the ID `nope`");
    assert_eq!(env.files(), before);

    // A goal that is no longer active can still be served, with a note.
    env.run(["goal", "drop", &id]).success();
    env.run([
        "update",
        "Kept the outline anyway",
        "-m",
        "alex",
        "--goal",
        &id,
    ])
    .success()
    .stderr_has(&format!(
        "Note: the goal [{id}] is dropped; reopen it with: mentee goal reopen {id}"
    ));
}

#[test]
fn the_summary_shows_active_goals_right_after_the_commitments() {
    let mut env = TestEnv::new();
    let Scenario { draft, .. } = env.scenario();
    let design = goal(
        &env,
        DESIGN,
        &["--by", "2027-03-31", "--measure", MEASURE, "-m", "alex"],
    );
    let talks = goal(&env, "Give a talk each quarter", &["--by", "2027-01-31"]);
    let promo = goal(
        &env,
        "Make the case for senior",
        &["--by", "3m", "-m", "priya"],
    );
    let shelved = goal(&env, "Learn Haskell", &["--by", "3m"]);
    env.run(["goal", "drop", &shelved]).success();
    env.run(["goal", "rate", &design, "2"]).success();
    env.run(["goal", "rate", &promo, "2"]).success();
    env.today("2026-11-13");
    env.run(["action", "done", &draft]).success();
    env.run(["update", "Split proposal shared", "-m", "alex"])
        .success();
    env.run([
        "goal",
        "rate",
        &design,
        "3",
        "--note",
        "Outline agreed with the team",
    ])
    .success();

    let out = env.run(["summary", "-m", "alex"]).success().stdout();
    let commitments = position(&out, "## Commitments from our last meeting");
    let goals = position(&out, "## Goals\n\n");
    let progress = position(&out, "## Progress");
    assert!(commitments < goals && goals < progress, "{out}");
    assert_eq!(
        &out[goals..progress],
        "## Goals\n\n\
         - Give a talk each quarter, by 2027-01-31: not rated yet\n\
         - Lead the design of one service end to end, by 2027-03-31: 3/5, up from 2\n  \
           Measure: design doc approved and the service in production\n  \
           Outline agreed with the team\n\n"
    );
    assert!(!out.contains("Make the case"), "{out}");
    // A dropped goal is news in the progress, but no longer one of the goals.
    assert!(
        out[progress..].contains("Dropped my goal \"Learn Haskell\"."),
        "{out}"
    );

    let text = env
        .run(["summary", "-m", "alex", "--format", "text"])
        .success()
        .stdout();
    assert!(
        text.contains("\nGoals\n\n- Give a talk each quarter"),
        "{text}"
    );
    assert!(!text.contains('#'), "{text}");

    let doc = env.json(["summary", "-m", "alex", "--json"]);
    assert_eq!(ids(&doc["summary"]["goals"]), [talks, design.clone()]);
    assert_eq!(doc["summary"]["goals"][1]["trend"], "up");

    // A summary for an earlier period shows the ratings as they stood then.
    let then = env
        .run(["summary", "-m", "alex", "--until", "2026-11-12"])
        .success()
        .stdout();
    assert!(then.contains("by 2027-03-31: 2/5\n"), "{then}");

    // Priya's summary has her goal and the one with no mentor, not Alex's.
    env.run(["summary", "-m", "priya", "--since", "2026-11-01"])
        .success()
        .stdout_has("- Give a talk each quarter")
        .stdout_has("- Make the case for senior, by 2027-02-11: 2/5")
        .stdout_lacks(DESIGN);
}

#[test]
fn goals_go_through_export_and_import() {
    let mut env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let id = goal(
        &env,
        DESIGN,
        &["--by", "2027-03-31", "--measure", MEASURE, "-m", "alex"],
    );
    env.run(["goal", "rate", &id, "2", "--note", "started"])
        .success();
    env.today("2026-11-20");
    env.run(["goal", "rate", &id, "3"]).success();
    env.run(["update", "Doc outline shared", "--goal", &id])
        .success();

    let file = env.scratch("journal.json");
    env.run([
        "export",
        "--format",
        "json",
        "-o",
        file.to_str().expect("UTF-8"),
    ])
    .success();
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("JSON");
    let exported = &doc["export"]["goals"][0];
    assert_eq!(exported["id"], id.as_str());
    assert_eq!(exported["mentor"], "alex-kim");
    assert_eq!(exported["ratings"][0]["note"], "started");
    assert_eq!(exported["ratings"][1]["note"], Value::Null);

    let mut copy = TestEnv::new();
    copy.today("2026-11-20");
    copy.run(["import", file.to_str().expect("UTF-8")])
        .success()
        .stderr_has("Imported 1 mentor, 1 goal, 0 meetings");
    assert_eq!(copy.read("goals.toml"), env.read("goals.toml"));
    assert_eq!(
        copy.run(["goal", "list", "--all", "--json"])
            .success()
            .stdout(),
        env.run(["goal", "list", "--all", "--json"])
            .success()
            .stdout()
    );

    let markdown = env.run(["export"]).success().stdout();
    assert!(
        markdown.contains(&format!(
            "## Goals\n\n- [{id}] {DESIGN}, by 2027-03-31, with Alex Kim: active\n  Measure: {MEASURE}\n  \
             - 2026-11-10 rated 2/5: started\n  - 2026-11-20 rated 3/5\n"
        )),
        "{markdown}"
    );
}

#[test]
fn an_export_from_before_goals_still_imports() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let doc = env.json(["export", "--format", "json"]);
    let mut old = doc.clone();
    old["export"]
        .as_object_mut()
        .expect("an object")
        .remove("goals");
    let file = env.scratch("old.json");
    std::fs::write(&file, serde_json::to_string_pretty(&old).expect("JSON")).expect("write");
    let copy = TestEnv::new();
    copy.run(["import", file.to_str().expect("UTF-8")])
        .success()
        .stderr_has("Imported 1 mentor, 0 meetings");
    assert!(!copy.exists("goals.toml"));
}

#[test]
fn edit_opens_goals_toml_by_name_or_by_a_goal_id() {
    let env = TestEnv::new();
    env.run(["edit", "goals"])
        .failure_code(1)
        .stderr_has("goals.toml does not exist yet")
        .stderr_has("mentee goal add");
    let id = goal(&env, DESIGN, &["--by", "3m"]);
    for what in ["goals", &id[..4]] {
        let mut cmd = env.command(["edit", what]);
        cmd.env("EDITOR", "true");
        let out = cmd.output().expect("mentee runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        assert!(stderr.contains("goals.toml parses"), "{stderr}");
    }
    // A broken goals file is reported where it is broken.
    env.write(
        "goals.toml",
        "format = 1\n\n[[goal]]\nid = \"abc123\"\ntext = 7\n",
    );
    env.run(["goal", "list"])
        .failure_code(1)
        .stderr_has("goals.toml:5:8");
}

#[test]
fn a_goal_marked_done_is_listed_as_reached() {
    let mut env = TestEnv::new();
    env.today("2026-11-01");
    env.mentor("Alex Kim", &[]);
    let id = goal(&env, DESIGN, &["--by", "2027-03-31", "--measure", MEASURE]);
    env.run(["goal", "rate", &id, "4"]).success();
    env.today("2026-11-08");
    env.run(["goal", "rate", &id, "4"])
        .success()
        .stderr_has("4/5, same as before");
    env.run(["goal", "done", &id]).success();
    env.run(["goal", "list", "--all"])
        .success()
        .stdout_has("reached")
        .stdout_lacks("same as before");
}
