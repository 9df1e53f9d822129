//! The sample journal in `examples/journal` is what the README's first
//! command reads. These tests load it with every reading command, so it
//! cannot rot as the file format evolves.

use crate::support::TestEnv;
use serde_json::Value;

#[test]
fn the_readme_summary_has_every_section() {
    let env = TestEnv::with_sample();
    let out = env.run(["summary", "-m", "alex"]).success().stdout();
    let headings = [
        "# Progress update for Alex Kim, ",
        "## Commitments from our last meeting on ",
        "## Goals",
        "## Progress",
        "## Thank you",
        "## For our next meeting on ",
    ];
    let mut last = 0;
    for heading in headings {
        let at = out
            .find(heading)
            .unwrap_or_else(|| panic!("no {heading:?} in:\n{out}"));
        assert!(at >= last, "{heading:?} out of order in:\n{out}");
        last = at;
    }
    for status in ["- Done: ", "- In progress: ", "- Blocked: ", "- Dropped: "] {
        assert!(out.contains(status), "no {status:?} in:\n{out}");
    }
}

#[test]
fn every_reading_command_works_on_it() {
    let env = TestEnv::with_sample();
    env.run(["status"])
        .success()
        .stdout_has("Next meetings")
        .stdout_has("Open commitments");
    env.run(["mentor", "list", "--all"])
        .success()
        .stdout_has("Jordan Reyes (ended");
    env.run(["agenda", "-m", "priya"])
        .success()
        .stdout_has("Agenda for the meeting with Priya");
    env.run(["log", "--since", "2026-08-01"])
        .success()
        .stdout_has("meeting");
    env.run(["summary", "-m", "priya", "--format", "text"])
        .success()
        .stdout_lacks("#");
    env.run(["summary", "-m", "jordan", "--since", "2026-08-01"])
        .success();
}

#[test]
fn it_holds_commitments_in_every_status_and_some_overdue() {
    let env = TestEnv::with_sample();
    let doc = env.json(["action", "list", "--all", "--json"]);
    let list = doc["commitments"].as_array().expect("a list");
    for status in ["open", "in-progress", "blocked", "done", "dropped"] {
        assert!(
            list.iter().any(|c| c["status"] == status),
            "no {status} commitment"
        );
    }
    assert!(list.iter().any(|c| c["overdue"] == Value::Bool(true)));
    assert!(
        list.iter()
            .any(|c| c["carried"].as_u64() >= Some(3) && c["status"] != "done")
    );
}

#[test]
fn it_holds_goals_going_up_and_down_and_one_reached() {
    let env = TestEnv::with_sample();
    let doc = env.json(["goal", "list", "--all", "--json"]);
    let goals = doc["goals"].as_array().expect("a list");
    let trends: Vec<(&str, &str)> = goals
        .iter()
        .map(|g| {
            (
                g["status"].as_str().unwrap_or_default(),
                g["trend"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        trends,
        [("active", "down"), ("active", "up"), ("done", "up")]
    );
    assert!(goals.iter().all(|g| g["measure"].is_string()));
    assert!(goals.iter().any(|g| g["mentor"].is_null()));
    // The goal reached was told to every mentor, as a win.
    let log = env.run(["log", "--since", "2026-11-14", "--until", "2026-11-14"]);
    log.success()
        .stdout_has("win")
        .stdout_has("Reached my goal \"Give a short talk or demo every quarter\"");
}

#[test]
fn writing_to_it_changes_only_what_was_written() {
    let env = TestEnv::with_sample();
    let before = env.files();
    env.run([
        "update",
        "Dry run of the rollback steps passed",
        "-m",
        "alex",
    ])
    .success();
    let after = env.files();
    let changed: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert_eq!(changed, vec!["journal/2026/2026-11.toml"]);
    let old = String::from_utf8_lossy(&before["journal/2026/2026-11.toml"]).into_owned();
    let new = String::from_utf8_lossy(&after["journal/2026/2026-11.toml"]).into_owned();
    assert!(new.starts_with(&old), "the existing entries were rewritten");
}
