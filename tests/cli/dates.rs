//! Dates as people type them (SPEC §5), seen through the commands that take
//! them. Today is pinned to Tuesday 2026-11-10.

use crate::support::TestEnv;

fn one_mentor() -> TestEnv {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env
}

/// A date for the future (`agenda --on`) as the agenda shows it.
#[track_caller]
fn future(env: &TestEnv, typed: &str, expected: &str) {
    env.run(["agenda", "Q?", "--on", typed])
        .success()
        .stdout_has(&format!(
            "Agenda for the meeting with Alex Kim on {expected}\n"
        ));
}

/// A date for the past (`summary --since`) as the summary's title shows it.
#[track_caller]
fn past(env: &TestEnv, typed: &str, expected: &str) {
    env.run(["summary", "--since", typed])
        .success()
        .stdout_has(&format!("Alex Kim, {expected} to 2026-11-10\n"));
}

#[test]
fn future_dates() {
    let env = one_mentor();
    future(&env, "2026-11-24", "2026-11-24");
    future(&env, "today", "2026-11-10");
    future(&env, "tomorrow", "2026-11-11");
    future(&env, "Tomorrow", "2026-11-11");
    future(&env, "fri", "2026-11-13");
    future(&env, "friday", "2026-11-13");
    future(&env, "FRIDAY", "2026-11-13");
    // Never today itself: "on tuesday" said on a Tuesday is next week.
    future(&env, "tue", "2026-11-17");
    future(&env, "mon", "2026-11-16");
    future(&env, "+3d", "2026-11-13");
    future(&env, "2w", "2026-11-24");
    // An explicit sign wins over the direction of the flag.
    env.run(["action", "add", "Late already", "--due", "-1w"])
        .success()
        .stderr_has("2026-11-03 has passed, so this commitment starts out overdue");
    future(&env, "1m", "2026-12-10");
}

#[test]
fn past_dates() {
    let env = one_mentor();
    past(&env, "2026-11-01", "2026-11-01");
    // A period of one day is named as one.
    env.run(["summary", "--since", "today"])
        .success()
        .stdout_has("Alex Kim, on 2026-11-10\n");
    past(&env, "yesterday", "2026-11-09");
    past(&env, "fri", "2026-11-06");
    past(&env, "friday", "2026-11-06");
    past(&env, "tue", "2026-11-03");
    past(&env, "2w", "2026-10-27");
    past(&env, "-1w", "2026-11-03");
}

#[test]
fn due_dates_use_the_same_forms() {
    let env = one_mentor();
    env.commit("Ship it", &["--due", "fri"]);
    assert!(env.read("actions.toml").contains("due = 2026-11-13\n"));
}

#[test]
fn an_invalid_date_is_refused_with_the_accepted_forms() {
    let env = one_mentor();
    for bad in [
        "soon",
        "2026-13-01",
        "2026-02-30",
        "2026/11/24",
        "fr",
        "0d",
        "3x",
        "+",
        "",
    ] {
        env.run(["agenda", "Q?", "--on", bad])
            .failure_code(1)
            .stdout_is_empty()
            .stderr_has(&format!("--on: `{bad}` is not a date I understand"))
            .stderr_has("hint: accepted forms: 2026-11-24, today, tomorrow, yesterday, a weekday (fri, friday), or an offset such as +3d, 2w, -1w");
    }
    env.run(["action", "add", "x", "--due", "someday"])
        .failure_code(1)
        .stderr_has("--due: `someday`");
    env.run(["log", "--since", "last week"])
        .failure_code(1)
        .stderr_has("accepted forms");
    env.run(["summary", "--until", "never"])
        .failure_code(1)
        .stderr_has("--until");
    assert_eq!(env.file_names(), ["mentors.toml"], "nothing was written");
}

#[test]
fn mentee_today_pins_the_date() {
    let mut env = one_mentor();
    env.today("2027-02-26");
    env.run(["meet"]).success().stderr_has("on 2027-02-26");
    assert!(env.exists("meetings/2027/2027-02-26-alex-kim.toml"));
}

#[test]
fn an_invalid_mentee_today_is_an_error() {
    let mut env = one_mentor();
    for bad in ["tomorrow", "2026-02-30", "11/10/2026", "26-11-10"] {
        env.today(bad)
            .run(["status"])
            .failure_code(1)
            .stderr_has(&format!("MENTEE_TODAY={bad} is not a date"))
            .stderr_has("hint:");
    }
}

#[test]
fn years_beyond_9999_are_refused_and_nothing_is_written() {
    let mut env = one_mentor();
    let before = env.files();
    env.run(["agenda", "Q?", "--on", "10000y"])
        .failure_code(1)
        .stderr_has("--on: `10000y` is not a date");
    env.today("9999-12-31")
        .run(["agenda", "Q?", "--on", "tomorrow"])
        .failure_code(1);
    assert_eq!(env.files(), before);
    env.today("2026-11-10").run(["status"]).success();
}

#[test]
fn a_cadence_must_be_a_length_of_time() {
    let env = TestEnv::new();
    env.run(["mentor", "add", "Alex Kim", "--every", "often"])
        .failure_code(2)
        .stderr_has("not a length of time");
    for every in ["1w", "2w", "1m", "10d"] {
        env.run([
            "mentor",
            "add",
            &format!("Mentor {every}"),
            "--every",
            every,
        ])
        .success();
    }
}

#[test]
fn a_summary_does_not_reach_into_the_future() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["summary", "--until", "2026-12-01"])
        .failure_code(1)
        .stderr_has("--until 2026-12-01 has not come yet")
        .stderr_has("hint: leave out --until");
}

#[test]
fn a_date_typed_without_leading_zeros_is_accepted() {
    let env = one_mentor();
    future(&env, "2026-12-4", "2026-12-04");
    future(&env, "2027-5-3", "2027-05-03");
    past(&env, "2026-11-1", "2026-11-01");
    env.run(["action", "add", "Write the runbook", "--due", "2027-1-15"])
        .success();
    env.run(["action", "list"])
        .success()
        .stdout_has("2027-01-15");
    env.run(["agenda", "Q?", "--on", "2027-13-1"])
        .failure_code(1)
        .stderr_has("2027-13-1");
}
