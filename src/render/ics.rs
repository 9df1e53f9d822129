//! The calendar feed as iCalendar (RFC 5545) text, for `mentee calendar`,
//! the `calendar_file` setting and `agenda --ics`; written and read with the
//! `icalendar` crate, which folds lines at 75 octets and escapes TEXT
//! values.
//!
//! Times are floating local times (`DTSTART:20261201T150000`, no `Z`, no
//! `TZID`): mentee keeps wall-clock times without a zone, and a calendar
//! shows a floating time at that hour wherever it is.
//!
//! Each event carries an `X-MENTEE-FINGERPRINT` of its content, so that the
//! next feed written over this one can tell which events changed and raise
//! their SEQUENCE (see [`crate::model::calendar::revise`]).

use crate::model::calendar::{self, Due, Feed, PlannedMeeting, Seen, When};
use crate::model::commitment::Commitment;
use crate::model::meeting::Status;
use crate::render::text::{clean, plural};
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use icalendar::{
    Alarm, Calendar, CalendarComponent, Component, DatePerhapsTime, Event, EventLike, Todo,
    TodoStatus, Trigger,
};
use std::collections::HashMap;
use std::fmt::Write;

const FINGERPRINT: &str = "X-MENTEE-FINGERPRINT";

/// How the feed is written.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// When the feed is made, in UTC: every DTSTAMP, and the LAST-MODIFIED
    /// of what changed.
    pub stamp: NaiveDateTime,
    /// Commitments as to-dos (VTODO) rather than all-day events.
    pub todos: bool,
}

/// The feed as iCalendar text. `seen` is what the previous feed said about
/// each event, by UID (see [`seen`]).
pub fn calendar(feed: &Feed, seen: &HashMap<String, Seen>, options: Options) -> String {
    let mut calendar = Calendar::empty();
    calendar.append_property(("VERSION", "2.0"));
    calendar.append_property((
        "PRODID",
        format!("-//mentee//mentee {}//EN", env!("CARGO_PKG_VERSION")).as_str(),
    ));
    calendar.append_property(("CALSCALE", "GREGORIAN"));
    calendar.append_property(("METHOD", "PUBLISH"));
    calendar.name("Mentoring");
    for planned in &feed.meetings {
        let uid = meeting_uid(planned);
        let event = meeting_event(planned, &uid, options.stamp);
        calendar.push(revised(event, &uid, seen, options));
    }
    for due in &feed.due {
        let uid = commitment_uid(&due.commitment);
        if options.todos {
            calendar.push(revised(due_todo(due), &uid, seen, options));
        } else {
            calendar.push(revised(due_event(due), &uid, seen, options));
        }
    }
    calendar.to_string()
}

/// Gives a component its UID, DTSTAMP, SEQUENCE, LAST-MODIFIED and
/// fingerprint.
fn revised<C>(mut component: C, uid: &str, seen: &HashMap<String, Seen>, options: Options) -> C
where
    C: Component,
{
    component.uid(uid);
    component.timestamp(options.stamp.and_utc());
    // The fingerprint covers everything but the stamps.
    let content: String = component
        .to_string()
        .split("\r\n")
        .filter(|line| !line.starts_with("DTSTAMP:"))
        .collect::<Vec<_>>()
        .join("\n");
    let fingerprint = calendar::fingerprint(&content);
    let revision = calendar::revise(seen.get(uid), &fingerprint, options.stamp);
    component.sequence(revision.sequence);
    component.last_modified(revision.modified.and_utc());
    component.add_property(FINGERPRINT, fingerprint);
    component
}

/// Stable across runs and machines, and the same as `agenda --ics` has
/// always written: the meeting keeps its ID when it is replanned and when
/// it is held, so a calendar updates the same event.
fn meeting_uid(planned: &PlannedMeeting) -> String {
    format!("{}.{}@mentee", planned.meeting.id, planned.meeting.mentor)
}

fn commitment_uid(commitment: &Commitment) -> String {
    format!("commitment-{}@mentee", commitment.id)
}

/// The event of a planned meeting; `uid` and `stamp` are for its reminder,
/// which the crate would otherwise give a random UID and the clock's time.
fn meeting_event(planned: &PlannedMeeting, uid: &str, stamp: NaiveDateTime) -> Event {
    let mut event = Event::new();
    event.summary(&text(&format!("Mentoring: {}", planned.mentor.name)));
    event.description(&text(&description(planned)));
    match planned.when {
        When::Day(day) => {
            event.starts(day);
            if let Some(next) = day.succ_opt() {
                event.ends(next);
            }
            // An all-day reminder should not mark the whole day as busy.
            event.add_property("TRANSP", "TRANSPARENT");
        }
        When::Slot { start, minutes } => {
            event.starts(start);
            event.ends(start + Duration::minutes(minutes.into()));
        }
    }
    if let Some(before) = planned.alarm {
        let said = match planned.when {
            When::Day(_) => format!("Mentoring with {} tomorrow", planned.mentor.name),
            When::Slot { start, .. } => format!(
                "Mentoring with {} at {}",
                planned.mentor.name,
                start.format("%H:%M")
            ),
        };
        let mut alarm = Alarm::display(
            &text(&said),
            Trigger::before_start(Duration::minutes(before.into())),
        );
        alarm.uid(&format!("alarm-{uid}"));
        alarm.timestamp(stamp.and_utc());
        event.alarm(alarm);
    }
    event
}

fn due_summary(due: &Due) -> String {
    text(&format!("Due: {}", due.commitment.text.trim()))
}

/// Who it is for, where it was made, its status and how to close it.
fn due_description(due: &Due) -> String {
    let c = &due.commitment;
    let mut out = format!("A commitment to {}", due.mentor.name);
    match c.meeting.as_ref().and_then(|m| m.date) {
        Some(day) => {
            let _ = write!(out, ", made at the meeting on {day}");
        }
        None => {
            let _ = write!(out, ", made on {}", c.created);
        }
    }
    let _ = write!(out, ". Status: {}", c.status.label());
    if let Some(note) = c.status_note() {
        let _ = write!(out, " ({})", note.trim());
    }
    let _ = write!(out, ".\nWhen it is done: mentee action set {} done", c.id);
    text(&out)
}

fn due_event(due: &Due) -> Event {
    let mut event = Event::new();
    event.summary(&due_summary(due));
    event.description(&due_description(due));
    event.starts(due.due);
    if let Some(next) = due.due.succ_opt() {
        event.ends(next);
    }
    event.add_property("TRANSP", "TRANSPARENT");
    event
}

fn due_todo(due: &Due) -> Todo {
    let mut todo = Todo::new();
    todo.summary(&due_summary(due));
    todo.description(&due_description(due));
    todo.due(DatePerhapsTime::Date(due.due));
    todo.status(match due.commitment.status {
        Status::InProgress => TodoStatus::InProcess,
        _ => TodoStatus::NeedsAction,
    });
    todo
}

/// The agenda, as `mentee agenda` prints it, without the title line (the
/// event's summary says it).
fn description(planned: &PlannedMeeting) -> String {
    let mut out = String::new();
    let mut number = 0;
    if !planned.open.is_empty() {
        number += 1;
        let _ = writeln!(out, "{number}. Report on last meeting's commitments:");
        for c in &planned.open {
            let mut remark = Vec::new();
            if let Some(due) = c.due {
                remark.push(format!("due {due}"));
            }
            if c.overdue {
                remark.push("overdue".to_string());
            }
            if c.carried > 0 {
                remark.push(format!(
                    "carried over {}",
                    plural(c.carried, "meeting", "meetings")
                ));
            }
            let remark = if remark.is_empty() {
                String::new()
            } else {
                format!(" ({})", remark.join(", "))
            };
            let _ = writeln!(out, "   - {}{remark}", c.text.trim());
        }
    }
    for topic in &planned.meeting.topics {
        number += 1;
        let _ = writeln!(out, "{number}. {}", topic.trim());
    }
    if planned.meeting.topics.is_empty() {
        out.push_str("(no topics prepared)\n");
    }
    out.trim_end().to_string()
}

/// A TEXT value as the crate escapes it: line breaks as `\n` only, and
/// other control characters made visible rather than sent to a calendar.
fn text(value: &str) -> String {
    clean(&value.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Whether `text` is a calendar that mentee wrote.
pub fn is_ours(text: &str) -> bool {
    text.parse::<Calendar>().is_ok_and(|calendar| {
        calendar
            .property_value("PRODID")
            .is_some_and(|id| id.starts_with("-//mentee//"))
    })
}

/// What a feed written earlier says about each of its events, by UID: its
/// SEQUENCE, LAST-MODIFIED and fingerprint. A text that is not a calendar,
/// or events without a fingerprint, give nothing: every event is then new.
pub fn seen(previous: &str) -> HashMap<String, Seen> {
    let mut seen = HashMap::new();
    let Ok(calendar) = previous.parse::<Calendar>() else {
        return seen;
    };
    for component in &calendar.components {
        let component: &dyn ComponentView = match component {
            CalendarComponent::Event(event) => event,
            CalendarComponent::Todo(todo) => todo,
            _ => continue,
        };
        let (Some(uid), Some(fingerprint)) = (component.seen_uid(), component.seen_fingerprint())
        else {
            continue;
        };
        seen.insert(
            uid.to_string(),
            Seen {
                sequence: component.seen_sequence().unwrap_or(0),
                fingerprint: fingerprint.to_string(),
                modified: component.seen_modified().map(|m| m.naive_utc()),
            },
        );
    }
    seen
}

/// The few things [`seen`] reads, from an event or a to-do alike.
trait ComponentView {
    fn seen_uid(&self) -> Option<&str>;
    fn seen_fingerprint(&self) -> Option<&str>;
    fn seen_sequence(&self) -> Option<u32>;
    fn seen_modified(&self) -> Option<DateTime<Utc>>;
}

impl<C: Component> ComponentView for C {
    fn seen_uid(&self) -> Option<&str> {
        self.get_uid()
    }
    fn seen_fingerprint(&self) -> Option<&str> {
        self.property_value(FINGERPRINT)
    }
    fn seen_sequence(&self) -> Option<u32> {
        self.get_sequence()
    }
    fn seen_modified(&self) -> Option<DateTime<Utc>> {
        self.get_last_modified()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_keeps_line_breaks_and_shows_control_characters() {
        assert_eq!(text("a\r\nb\rc"), "a\nb\nc");
        assert!(!text("bell\u{7}").contains('\u{7}'));
    }

    #[test]
    fn what_a_feed_said_is_read_back_by_uid() {
        let previous = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//mentee//x//EN\r\n\
            BEGIN:VEVENT\r\nUID:a@mentee\r\nDTSTAMP:20261120T000000Z\r\nSEQUENCE:3\r\n\
            LAST-MODIFIED:20261101T000000Z\r\nX-MENTEE-FINGERPRINT:00ff\r\nEND:VEVENT\r\n\
            BEGIN:VEVENT\r\nUID:b@mentee\r\nDTSTAMP:20261120T000000Z\r\nEND:VEVENT\r\n\
            END:VCALENDAR\r\n";
        let seen = seen(previous);
        assert_eq!(seen.len(), 1, "an event without a fingerprint is not ours");
        let a = &seen["a@mentee"];
        assert_eq!(a.sequence, 3);
        assert_eq!(a.fingerprint, "00ff");
        assert_eq!(
            a.modified.map(|m| m.to_string()).as_deref(),
            Some("2026-11-01 00:00:00")
        );
        assert!(super::seen("not a calendar").is_empty());
    }
}
