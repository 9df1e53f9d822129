//! `mentee agenda --ics`: the planned meeting as an iCalendar event, read
//! back with a real iCalendar parser (the `icalendar` crate) rather than
//! by looking for strings.

use crate::support::TestEnv;
use chrono::NaiveDate;
use icalendar::{Calendar, Component, DatePerhapsTime, Event};

fn day(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

/// Parses a calendar and checks the rules of its text on the way: CRLF
/// line endings only, no line longer than 75 octets.
#[track_caller]
fn parse(text: &str) -> Calendar {
    assert!(text.ends_with("\r\n"), "no CRLF at the end: {text:?}");
    for line in text.split_terminator("\r\n") {
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "a bare line break in {line:?}"
        );
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    text.parse::<Calendar>()
        .unwrap_or_else(|err| panic!("not iCalendar: {err}\n{text}"))
}

#[track_caller]
fn only_event(calendar: &Calendar) -> &Event {
    let events: Vec<&Event> = calendar.events().collect();
    assert_eq!(events.len(), 1, "one event");
    events[0]
}

#[test]
fn the_planned_meeting_becomes_an_all_day_event() {
    let env = TestEnv::with_sample();
    let text = env
        .run(["agenda", "--ics", "-m", "alex"])
        .success()
        .stderr_lacks("Wrote")
        .stdout();
    let calendar = parse(&text);
    assert_eq!(calendar.property_value("VERSION"), Some("2.0"));
    assert!(
        calendar
            .property_value("PRODID")
            .is_some_and(|p| p.starts_with("-//mentee//")),
        "{text}"
    );
    let event = only_event(&calendar);
    assert_eq!(event.get_summary(), Some("Mentoring: Alex Kim"));
    assert_eq!(
        event.get_start(),
        Some(DatePerhapsTime::Date(day("2026-12-01")))
    );
    assert_eq!(
        event.get_end(),
        Some(DatePerhapsTime::Date(day("2026-12-02")))
    );
    assert_eq!(event.get_uid(), Some("av60nb.alex-kim@mentee"));
    assert!(event.get_timestamp().is_some(), "a DTSTAMP in UTC: {text}");
    let description = event.get_description().expect("a description");
    // The report on open commitments comes first, then the topics.
    let report = description
        .find("1. Report on last meeting's commitments:\n   - Draft the phase 2 cutover checklist, rollback steps included (due 2026-11-27)")
        .unwrap_or_else(|| panic!("no report in {description:?}"));
    let topic = description
        .find("2. Cutover is planned for the week of 7 December: what would you check before switching invoice_lines writes over?\n3. How do I help Nadia")
        .unwrap_or_else(|| panic!("no topics in {description:?}"));
    assert!(report < topic);
    assert!(description.contains("(due 2026-10-30, overdue, carried over 3 meetings)"));

    // To a file, the same text; - is standard output.
    let file = env.scratch("meeting.ics");
    env.run([
        "agenda",
        "--ics",
        file.to_str().expect("UTF-8"),
        "-m",
        "alex",
    ])
    .success()
    .stdout_is_empty()
    .stderr_has("Wrote the meeting with Alex Kim on 2026-12-01 to");
    assert_eq!(std::fs::read_to_string(&file).expect("the file"), text);
    // Topics are private: the file is for its owner only.
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(&file).expect("the file").permissions(),
    );
    assert_eq!(mode & 0o777, 0o600);
    env.run(["agenda", "-m", "alex", "--ics", "-"])
        .success()
        .stdout_has("BEGIN:VEVENT\r\n");
}

#[test]
fn the_uid_stays_when_the_meeting_is_replanned() {
    let env = TestEnv::with_sample();
    let uid = |env: &TestEnv| {
        let text = env
            .run(["agenda", "--ics", "-m", "priya"])
            .success()
            .stdout();
        only_event(&parse(&text)).get_uid().map(str::to_string)
    };
    let before = uid(&env);
    env.run(["agenda", "--on", "2026-12-04", "-m", "priya"])
        .success();
    env.run([
        "agenda",
        "How do I pick the projects for my case?",
        "-m",
        "priya",
    ])
    .success();
    let text = env
        .run(["agenda", "--ics", "-m", "priya"])
        .success()
        .stdout();
    let calendar = parse(&text);
    let event = only_event(&calendar);
    assert_eq!(event.get_uid().map(str::to_string), before);
    assert_eq!(
        event.get_start(),
        Some(DatePerhapsTime::Date(day("2026-12-04")))
    );
    assert!(
        event
            .get_description()
            .is_some_and(|d| d.contains("How do I pick the projects for my case?"))
    );
}

#[test]
fn commas_semicolons_backslashes_and_line_breaks_are_escaped_and_long_lines_folded() {
    let env = TestEnv::new();
    env.mentor("Kim, Alex; PhD", &[]);
    env.run(["meet"]).success();
    env.commit("Read, then summarise; chapter 4", &["--due", "fri"]);
    let tricky = "Costs, risks; and C:\\path\\to\\it?\nA second line, too";
    let long = format!(
        "Is this {} the longest question ever asked?",
        "very ".repeat(37)
    );
    assert!(long.chars().count() >= 200);
    env.run(["agenda", tricky, &long, "--on", "2026-11-20"])
        .success();

    let text = env.run(["agenda", "--ics"]).success().stdout();
    // Escaped as RFC 5545 says, on the wire.
    for escaped in [
        "Kim\\, Alex\\; PhD",
        "Read\\, then summarise\\; chapter 4",
        "C:\\\\path\\\\to\\\\it?\\nA second line\\, too",
    ] {
        assert!(
            text.replace("\r\n ", "").contains(escaped),
            "no {escaped:?} in:\n{text}"
        );
    }
    // Folded: the long topic spans several physical lines.
    assert!(text.contains("\r\n "), "nothing was folded:\n{text}");
    // And read back exactly by a real parser.
    let calendar = parse(&text);
    let event = only_event(&calendar);
    assert_eq!(event.get_summary(), Some("Mentoring: Kim, Alex; PhD"));
    assert_eq!(
        event.get_description(),
        Some(
            format!(
                "1. Report on last meeting's commitments:\n   - Read, then summarise; chapter 4 (due 2026-11-13)\n2. {tricky}\n3. {long}"
            )
            .as_str()
        )
    );
}

#[test]
fn a_meeting_without_a_date_is_refused_with_a_hint() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["agenda", "--ics"])
        .failure_code(1)
        .stdout_is_empty()
        .stderr_has("no meeting planned with Alex Kim")
        .stderr_has("hint: plan one with a date: mentee agenda \"TOPIC\" --on DATE");
    env.run(["agenda", "How do I split the billing service?"])
        .success();
    env.run(["agenda", "--ics"])
        .failure_code(1)
        .stdout_is_empty()
        .stderr_has("has no date, and a calendar event needs one")
        .stderr_has("hint: set one with: mentee agenda --on DATE -m alex-kim");
    let file = env.scratch("meeting.ics");
    env.run(["agenda", "--ics", file.to_str().expect("UTF-8")])
        .failure_code(1);
    assert!(!file.exists(), "a refused calendar must not leave a file");
    env.run(["agenda", "--on", "fri"]).success();
    let text = env.run(["agenda", "--ics"]).success().stdout();
    assert_eq!(
        only_event(&parse(&text)).get_start(),
        Some(DatePerhapsTime::Date(day("2026-11-13")))
    );
}

#[test]
fn with_several_mentors_every_dated_meeting_is_in_the_calendar() {
    let env = TestEnv::with_sample();
    let text = env.run(["agenda", "--ics"]).success().stdout();
    let calendar = parse(&text);
    let mut summaries: Vec<&str> = calendar.events().filter_map(|e| e.get_summary()).collect();
    summaries.sort_unstable();
    assert_eq!(
        summaries,
        ["Mentoring: Alex Kim", "Mentoring: Priya Natarajan"]
    );
    env.run(["agenda", "--ics", "--later"]).failure_code(2);
}
