//! The words of `mentee remind` (lines, and the same as a desktop
//! notification) and of `mentee prompt` (one short line for a shell prompt).

use crate::model::commitment::Commitment;
use crate::model::mentor::Mentor;
use crate::model::remind::{Pressing, Reminders, Upcoming};
use crate::render::shell;
use crate::render::text::{at_time, capitalise, mentor_name, one_line, plural};
use chrono::{Duration, NaiveDate};

/// One line per thing that needs attention; a commitment to report at a
/// meeting is indented under it.
pub fn lines(reminders: &Reminders, mentors: &[Mentor], today: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    for meeting in &reminders.meetings {
        out.push(meeting_line(meeting, mentors, today));
        for c in &meeting.to_report {
            out.push(format!(
                "  to report there: [{}] {}{}",
                c.id,
                one_line(&c.text),
                due_note(c, today)
            ));
        }
    }
    for c in &reminders.due {
        let when = match c.due {
            Some(due) if c.overdue => format!("Overdue since {due}"),
            Some(due) => format!("Due {}", on_day(due, today)),
            None => "Due".to_string(),
        };
        let mentor = match mentor_name(mentors, &c.mentor) {
            "" => String::new(),
            name => format!(" ({})", one_line(name)),
        };
        out.push(format!("{when}: [{}] {}{mentor}", c.id, one_line(&c.text)));
    }
    out
}

fn meeting_line(meeting: &Upcoming, mentors: &[Mentor], today: NaiveDate) -> String {
    let agenda = if meeting.prepared() {
        format!(
            "agenda ready ({})",
            plural(meeting.topics, "topic", "topics")
        )
    } else {
        format!(
            "no agenda yet (add a topic: mentee agenda \"TOPIC\" -m {})",
            slug(&meeting.mentor)
        )
    };
    format!(
        "{}{}: meeting with {}, {agenda}",
        day(meeting.date, today),
        at_time(meeting.time, meeting.minutes),
        one_line(mentor_name(mentors, &meeting.mentor))
    )
}

/// A slug as typed after -m: bare when it is a plain one.
fn slug(slug: &str) -> String {
    if !slug.is_empty() && slug.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        slug.to_string()
    } else {
        shell::word(slug)
    }
}

/// "Today", "Tomorrow", else the weekday and the date, to start a line.
fn day(date: NaiveDate, today: NaiveDate) -> String {
    capitalise(&on_day(date, today))
}

/// "today", "tomorrow", else the weekday and the date, inside a sentence.
fn on_day(date: NaiveDate, today: NaiveDate) -> String {
    if date == today {
        "today".to_string()
    } else if Some(date) == today.checked_add_signed(Duration::days(1)) {
        "tomorrow".to_string()
    } else {
        date.format("%a %Y-%m-%d").to_string()
    }
}

fn due_note(c: &Commitment, today: NaiveDate) -> String {
    match c.due {
        Some(due) if c.overdue => format!(", overdue since {due}"),
        Some(due) => format!(", due {}", on_day(due, today)),
        None => String::new(),
    }
}

/// The title of the notification: what there is, counted.
pub fn notification_summary(reminders: &Reminders) -> String {
    let meetings = reminders.meetings.len();
    let overdue = reminders.overdue();
    let due = reminders.due.iter().filter(|c| !c.overdue).count();
    let mut parts = Vec::new();
    if meetings > 0 {
        parts.push(plural(meetings, "meeting soon", "meetings soon"));
    }
    if overdue > 0 {
        parts.push(format!(
            "{} overdue",
            plural(overdue, "commitment", "commitments")
        ));
    }
    if due > 0 {
        parts.push(format!("{} due", plural(due, "commitment", "commitments")));
    }
    format!("Mentoring: {}", parts.join(", "))
}

/// The body of the notification: the lines of `remind`, with `&`, `<` and
/// `>` escaped when the notification service reads markup in bodies.
pub fn notification_body(lines: &[String], markup: bool) -> String {
    let text = lines.join("\n");
    if !markup {
        return text;
    }
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The prompt line, such as `mentee: Alex tomorrow 15:00 · 2 overdue`, or
/// nothing when nothing presses. Only printable characters: a prompt must
/// never receive a control sequence.
pub fn prompt_line(pressing: &Pressing, mentors: &[Mentor], today: NaiveDate) -> Option<String> {
    if pressing.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    if let Some(next) = &pressing.next {
        let name = one_line(mentor_name(mentors, &next.mentor));
        let first = name.split_whitespace().next().unwrap_or_default();
        let when = if next.date == today {
            "today"
        } else {
            "tomorrow"
        };
        let time = next
            .time
            .map(|t| format!(" {}", t.format("%H:%M")))
            .unwrap_or_default();
        let more = match pressing.more_meetings {
            0 => String::new(),
            n => format!(" +{n}"),
        };
        parts.push(format!("{first} {when}{time}{more}"));
    }
    if pressing.to_report_today > 0 {
        parts.push(format!("{} to report", pressing.to_report_today));
    }
    if pressing.overdue > 0 {
        parts.push(format!("{} overdue", pressing.overdue));
    }
    let line = format!("mentee: {}", parts.join(" \u{b7} "));
    Some(line.chars().filter(|c| !c.is_control()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::id::Id;
    use crate::model::ledger::Ledger;
    use crate::model::meeting::{Action, Meeting};
    use crate::model::remind::{Within, pressing, select};
    use chrono::{NaiveDateTime, NaiveTime};

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn morning(s: &str) -> NaiveDateTime {
        day(s).and_time(NaiveTime::from_hms_opt(8, 0, 0).expect("time"))
    }

    fn ledger() -> Ledger {
        let mut held =
            Meeting::planned(Id::from("m00001"), "alex", Some(day("2027-01-20")), vec![]);
        held.held = true;
        held.actions = vec![Action::new(
            Id::from("a00001"),
            "Write the runbook".into(),
            day("2027-01-20"),
            Some(day("2027-01-25")),
        )];
        let mut next =
            Meeting::planned(Id::from("m00002"), "alex", Some(day("2027-01-29")), vec![]);
        next.time = NaiveTime::from_hms_opt(15, 0, 0);
        let mut loose = Action::new(
            Id::from("u00001"),
            "Book <the> retro".into(),
            day("2027-01-21"),
            Some(day("2027-01-28")),
        );
        loose.mentor = Some("priya".into());
        Ledger {
            mentors: vec![
                Mentor::new("Alex Kim", "alex"),
                Mentor::new("Priya N", "priya"),
            ],
            meetings: vec![held, next],
            unattached: vec![loose],
        }
    }

    #[test]
    fn a_reminder_names_the_meeting_its_agenda_and_what_is_due() {
        let ledger = ledger();
        let today = day("2027-01-28");
        let reminders = select(&ledger, morning("2027-01-28"), Within::Days(1));
        assert_eq!(
            lines(&reminders, &ledger.mentors, today),
            [
                "Tomorrow at 15:00 (1h): meeting with Alex Kim, no agenda yet \
                 (add a topic: mentee agenda \"TOPIC\" -m alex)",
                "  to report there: [a00001] Write the runbook, overdue since 2027-01-25",
                "Due today: [u00001] Book <the> retro (Priya N)",
            ]
        );
        assert_eq!(
            notification_summary(&reminders),
            "Mentoring: 1 meeting soon, 1 commitment overdue, 1 commitment due"
        );
        let body = notification_body(&lines(&reminders, &ledger.mentors, today), true);
        assert!(body.contains("Book &lt;the&gt; retro"), "{body}");
    }

    #[test]
    fn the_prompt_line_is_short_and_empty_when_nothing_presses() {
        let ledger = ledger();
        let line = |date: &str| {
            prompt_line(
                &pressing(&ledger, morning(date)),
                &ledger.mentors,
                day(date),
            )
        };
        assert_eq!(
            line("2027-01-28").as_deref(),
            Some("mentee: Alex tomorrow 15:00 \u{b7} 1 overdue")
        );
        assert_eq!(
            line("2027-01-29").as_deref(),
            Some("mentee: Alex today 15:00 \u{b7} 1 to report \u{b7} 2 overdue")
        );
        assert_eq!(line("2027-01-22"), None);
    }
}
