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

// ---- meeting times ---------------------------------------------------------

fn at(date: &str, hour: u32, minute: u32) -> DatePerhapsTime {
    DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Floating(
        day(date).and_hms_opt(hour, minute, 0).expect("a time"),
    ))
}

/// The one VALARM of an event: its TRIGGER as written.
#[track_caller]
fn trigger(event: &Event) -> String {
    let alarms: Vec<_> = event
        .components()
        .iter()
        .filter(|c| c.component_kind() == "VALARM")
        .collect();
    assert_eq!(alarms.len(), 1, "one alarm");
    alarms[0]
        .property_value("TRIGGER")
        .expect("a trigger")
        .to_string()
}

#[test]
fn a_meeting_gets_a_time_and_a_length_kept_in_its_file_and_shown_everywhere() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run([
        "agenda",
        "How do I split the billing service?",
        "--on",
        "fri",
        "--at",
        "3pm",
        "--for",
        "45m",
    ])
    .success()
    .stdout_has("Agenda for the meeting with Alex Kim on 2026-11-13 at 15:00 (45m)");
    let file = env.read("meetings/next-alex-kim.toml");
    assert!(file.contains("time = 15:00:00\n"), "{file}");
    assert!(file.contains("minutes = 45\n"), "{file}");

    // --at alone moves the time and keeps the length; --for alone the length.
    env.run(["agenda", "--at", "9:30"])
        .success()
        .stderr_has("Moved the meeting with Alex Kim to 2026-11-13 at 09:30 (45m).");
    env.run(["agenda", "--for", "1h30m"])
        .success()
        .stderr_has("to 2026-11-13 at 09:30 (1h30m).");
    env.run(["status"])
        .success()
        .stdout_has("Alex Kim: 2026-11-13 at 09:30 (1h30m)");
    env.run(["mentor", "list"])
        .success()
        .stdout_has("2026-11-13 at 09:30 (1h30m)");
    env.run(["summary", "--format", "text"])
        .success()
        .stdout_has("next meeting on 2026-11-13 at 09:30 (1h30m)");
    let json = env.json(["status", "--json"]);
    let next = &json["status"]["mentors"][0]["next_meeting"];
    assert_eq!(next["time"], "09:30:00", "{json}");
    assert_eq!(next["minutes"], 90, "{json}");

    // A hand edit of the time is kept, and read in the same forms.
    let edited = env
        .read("meetings/next-alex-kim.toml")
        .replace("time = 09:30:00", "time = \"4pm\" # after lunch");
    env.write("meetings/next-alex-kim.toml", &edited);
    env.run(["agenda"])
        .success()
        .stdout_has("on 2026-11-13 at 16:00 (1h30m)");
    env.run(["agenda", "--on", "2026-11-16"]).success();
    assert!(
        env.read("meetings/next-alex-kim.toml")
            .contains("# after lunch"),
        "the comment is kept"
    );

    // Bad times are refused with the forms accepted; nothing changes.
    env.run(["agenda", "--at", "25:00"])
        .failure_code(1)
        .stderr_has("\"25:00\" is not a time of day")
        .stderr_has("hint: give the time as 15:00, 9:30, 3pm or 3:30pm");
    env.run(["agenda", "--for", "an hour"])
        .failure_code(1)
        .stderr_has("hint: give the length as 45m, 1h, 1h30m or 90m");

    // all-day takes the time away; the meeting is held on the day as before.
    env.run(["agenda", "--at", "all-day"])
        .success()
        .stderr_has("to 2026-11-16.");
    let file = env.read("meetings/next-alex-kim.toml");
    assert!(!file.contains("time ="), "{file}");
    env.run(["agenda", "--for", "1h"])
        .failure_code(1)
        .stderr_has("has no time");
}

#[test]
fn a_meeting_with_a_time_is_a_timed_event_with_a_reminder_an_hour_before() {
    let env = TestEnv::with_sample();
    env.run(["agenda", "-m", "alex", "--at", "15:00", "--for", "45m"])
        .success();
    let text = env
        .run(["agenda", "--ics", "-m", "alex"])
        .success()
        .stdout();
    let calendar = parse(&text);
    let event = only_event(&calendar);
    assert_eq!(event.get_start(), Some(at("2026-12-01", 15, 0)));
    assert_eq!(event.get_end(), Some(at("2026-12-01", 15, 45)));
    assert_eq!(trigger(event), "-PT3600S");
    // The description is still the agenda.
    assert!(
        event
            .get_description()
            .is_some_and(|d| d.starts_with("1. Report on last meeting's commitments:"))
    );
}

// ---- the feed ---------------------------------------------------------------

#[test]
fn the_feed_holds_planned_meetings_and_open_due_dates_with_stable_uids() {
    let mut env = TestEnv::with_sample();
    let feed = env.scratch("mentoring.ics");
    let path = feed.to_str().expect("UTF-8").to_string();
    env.run(["calendar", "-o", &path])
        .success()
        .stdout_is_empty()
        .stderr_has("Wrote 2 planned meetings and");
    let first = std::fs::read_to_string(&feed).expect("the feed");
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(&feed).expect("the feed").permissions(),
    );
    assert_eq!(mode & 0o777, 0o600);
    let calendar = parse(&first);
    let uids: Vec<&str> = calendar.events().filter_map(|e| e.get_uid()).collect();
    assert!(uids.contains(&"av60nb.alex-kim@mentee"), "{uids:?}");
    let due = calendar
        .events()
        .find(|e| {
            e.get_summary()
                == Some("Due: Draft the phase 2 cutover checklist, rollback steps included")
        })
        .unwrap_or_else(|| panic!("no due date in\n{first}"));
    let due_uid = due.get_uid().expect("a UID").to_string();
    assert!(due_uid.starts_with("commitment-") && due_uid.ends_with("@mentee"));
    assert_eq!(
        due.get_start(),
        Some(DatePerhapsTime::Date(day("2026-11-27")))
    );
    assert_eq!(due.get_sequence(), Some(0));
    // An all-day meeting is reminded the evening before, at 18:00.
    let alex = calendar
        .events()
        .find(|e| e.get_uid() == Some("av60nb.alex-kim@mentee"))
        .expect("Alex's meeting");
    assert_eq!(trigger(alex), "-PT21600S");
    // Standard output gives the same events.
    let again = env.run(["calendar"]).success().stdout();
    let mut again_uids: Vec<String> = parse(&again)
        .events()
        .filter_map(|e| e.get_uid().map(str::to_string))
        .collect();
    let mut uids: Vec<String> = uids.iter().map(|u| u.to_string()).collect();
    uids.sort();
    again_uids.sort();
    assert_eq!(uids, again_uids, "the UIDs are stable across runs");

    // Writing it again unchanged changes nothing but the stamps.
    env.run(["calendar", "-o", &path]).success();
    assert_eq!(std::fs::read_to_string(&feed).expect("the feed"), first);

    // A moved due date and a replanned topic: SEQUENCE and LAST-MODIFIED
    // change for those events only.
    let id = due_uid
        .trim_start_matches("commitment-")
        .trim_end_matches("@mentee")
        .to_string();
    // (by hand, in the meeting file that holds it)
    let file = "meetings/2026/2026-11-17-alex-kim.toml";
    let held = env.read(file);
    let at = held
        .find(&format!("id = \"{id}\""))
        .expect("the commitment");
    let due = at + held[at..].find("due = 2026-11-27").expect("its due date");
    let moved = format!("{}due = 2026-11-30{}", &held[..due], &held[due + 16..]);
    env.write(file, &moved);
    env.run(["agenda", "How do I run the cutover review?", "-m", "alex"])
        .success();
    env.today("2026-11-23");
    env.run(["calendar", "-o", &path]).success();
    let text = std::fs::read_to_string(&feed).expect("the feed");
    let calendar = parse(&text);
    let by_uid = |uid: &str| {
        calendar
            .events()
            .find(|e| e.get_uid() == Some(uid))
            .unwrap_or_else(|| panic!("no {uid} in\n{text}"))
            .clone()
    };
    let moved = by_uid(&due_uid);
    assert_eq!(
        moved.get_start(),
        Some(DatePerhapsTime::Date(day("2026-11-30")))
    );
    assert_eq!(moved.get_sequence(), Some(1));
    assert_eq!(
        moved.get_last_modified().map(|m| m.date_naive()),
        Some(day("2026-11-23"))
    );
    assert_eq!(by_uid("av60nb.alex-kim@mentee").get_sequence(), Some(1));

    // Done commitments and held meetings leave the feed.
    env.run(["action", "set", &id, "done"]).success();
    env.run(["meet", "-m", "alex", "--on", "2026-11-23"])
        .success();
    env.run(["calendar", "-o", &path]).success();
    let text = std::fs::read_to_string(&feed).expect("the feed");
    let calendar = parse(&text);
    assert!(
        calendar
            .events()
            .all(|e| e.get_uid() != Some(&due_uid) && e.get_uid() != Some("av60nb.alex-kim@mentee")),
        "{text}"
    );
}

#[test]
fn the_feed_can_hold_to_dos_and_one_mentor() {
    let env = TestEnv::with_sample();
    let text = env
        .run(["calendar", "--todos", "-m", "priya"])
        .success()
        .stdout();
    // `-o -` is standard output too, as for export and brag: no file `-`.
    env.run(["calendar", "--todos", "-m", "priya", "-o", "-"])
        .success()
        .stdout_is(&text);
    let calendar = parse(&text);
    let summaries: Vec<&str> = calendar.events().filter_map(|e| e.get_summary()).collect();
    assert_eq!(summaries, ["Mentoring: Priya Natarajan"], "{text}");
    let todos: Vec<&icalendar::Todo> = calendar.todos().collect();
    assert!(!todos.is_empty(), "{text}");
    for todo in todos {
        assert!(todo.get_due().is_some(), "{text}");
        assert!(todo.get_uid().is_some_and(|u| u.starts_with("commitment-")));
        assert!(
            todo.get_description()
                .is_some_and(|d| d.contains("A commitment to Priya Natarajan")),
            "{text}"
        );
    }
    // Another file is never replaced by a calendar.
    let notes = env.scratch("notes.txt");
    std::fs::write(&notes, "my notes").expect("write");
    env.run(["calendar", "-o", notes.to_str().expect("UTF-8")])
        .failure_code(1)
        .stderr_has("is not a calendar that mentee wrote");
    assert_eq!(std::fs::read_to_string(&notes).expect("notes"), "my notes");
}

fn write_config(env: &TestEnv, text: &str) {
    let path = env.home().join(".config/mentee/config.toml");
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
    std::fs::write(&path, text).expect("write config");
}

#[test]
fn calendar_file_is_refreshed_after_every_command_that_writes() {
    let env = TestEnv::new();
    let feed = env.scratch("feed.ics");
    write_config(
        &env,
        &format!(
            "calendar_file = \"{}\"\ncalendar_alarm = \"30m\"\n",
            feed.display()
        ),
    );
    env.mentor("Alex Kim", &[]);
    assert!(feed.exists(), "mentor add wrote data, so the feed was made");
    let id = env.commit("Draft the split proposal", &["--due", "fri"]);
    let text = std::fs::read_to_string(&feed).expect("the feed");
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(&feed).expect("the feed").permissions(),
    );
    assert_eq!(mode & 0o777, 0o600);
    assert!(
        parse(&text)
            .events()
            .any(|e| e.get_uid() == Some(&format!("commitment-{id}@mentee"))),
        "{text}"
    );
    env.run([
        "agenda",
        "How do I split billing?",
        "--on",
        "fri",
        "--at",
        "10:00",
    ])
    .success();
    let text = std::fs::read_to_string(&feed).expect("the feed");
    let calendar = parse(&text);
    let meeting = calendar
        .events()
        .find(|e| e.get_summary() == Some("Mentoring: Alex Kim"))
        .unwrap_or_else(|| panic!("no meeting in\n{text}"));
    assert_eq!(meeting.get_start(), Some(at("2026-11-13", 10, 0)));
    assert_eq!(meeting.get_end(), Some(at("2026-11-13", 11, 0)));
    assert_eq!(trigger(meeting), "-PT1800S", "calendar_alarm = 30m");

    // A command that only reads leaves the file alone.
    std::fs::write(&feed, "").expect("empty it");
    env.run(["status"]).success();
    assert_eq!(std::fs::read_to_string(&feed).expect("the feed"), "");

    // A feed that cannot be written is a warning, not a failure.
    let blocked = env.scratch("no-such-folder/feed.ics");
    write_config(
        &env,
        &format!("calendar_file = \"{}\"\n", blocked.display()),
    );
    env.run(["action", "add", "Read chapter 4"])
        .success()
        .stderr_has("warning: the calendar_file");

    // So is a path that is not one: the command is done, and reading
    // commands say nothing of it.
    write_config(&env, "calendar_file = \"mentoring.ics\"\n");
    env.run(["action", "add", "Read chapter 5"])
        .success()
        .stderr_has(
            "warning: the calendar feed was not refreshed: calendar_file = \"mentoring.ics\" in",
        )
        .stderr_has("is not an absolute path (give the whole path");
    env.run(["action", "list"])
        .success()
        .stdout_has("Read chapter 5")
        .stderr_is_empty();
}
