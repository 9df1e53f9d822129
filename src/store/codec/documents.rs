//! The writing half of the codec: model values as TOML documents with a
//! fixed key order (same data, same bytes), real TOML dates and times, and
//! long texts as multi-line strings.

use super::FORMAT;
use crate::model::correction::Correction;
use crate::model::goal::{Goal, Rating};
use crate::model::id::Id;
use crate::model::journal::Entry;
use crate::model::meeting::{Action, Meeting, QueuedTopic, StatusChange};
use crate::model::mentor::Mentor;
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

fn date(day: NaiveDate) -> Value {
    let date = toml_edit::Date {
        year: day.year().try_into().unwrap_or(0),
        month: day.month().try_into().unwrap_or(1),
        day: day.day().try_into().unwrap_or(1),
    };
    Value::from(toml_edit::Datetime {
        date: Some(date),
        time: None,
        offset: None,
    })
}

/// A TOML local time, `15:00:00`: what a person would type by hand.
fn time(at: NaiveTime) -> Value {
    Value::from(toml_edit::Datetime {
        date: None,
        time: Some(toml_edit::Time {
            hour: at.hour().try_into().unwrap_or(0),
            minute: at.minute().try_into().unwrap_or(0),
            second: Some(0),
            nanosecond: None,
        }),
        offset: None,
    })
}

fn new_document(about: &str) -> DocumentMut {
    let mut doc = DocumentMut::new();
    doc["format"] = toml_edit::value(FORMAT);
    if let Some(mut key) = doc.key_mut("format") {
        key.leaf_decor_mut().set_prefix(format!(
            "# {about}\n# Plain TOML: edit freely; mentee keeps your comments and extra keys.\n"
        ));
    }
    doc
}

fn set(table: &mut Table, key: &str, value: impl Into<Value>) {
    table.insert(key, Item::Value(value.into()));
}

fn set_opt<V: Into<Value>>(table: &mut Table, key: &str, value: Option<V>) {
    if let Some(value) = value {
        set(table, key, value);
    }
}

fn array_of<T>(items: &[T], to_table: impl Fn(&T) -> Table) -> Option<Item> {
    if items.is_empty() {
        return None;
    }
    let mut array = ArrayOfTables::new();
    for item in items {
        array.push(to_table(item));
    }
    Some(Item::ArrayOfTables(array))
}

fn put_array<T>(doc: &mut Table, key: &str, items: &[T], to_table: impl Fn(&T) -> Table) {
    if let Some(item) = array_of(items, to_table) {
        doc.insert(key, item);
    }
}

pub fn mentors_document(mentors: &[Mentor]) -> DocumentMut {
    let mut doc = new_document("mentee: the people who mentor you");
    put_array(&mut doc, "mentor", mentors, |m| {
        let mut t = Table::new();
        set(&mut t, "name", m.name.as_str());
        set(&mut t, "slug", m.slug.as_str());
        set(&mut t, "role", m.role.to_string());
        set_opt(&mut t, "email", m.email.as_deref());
        set_opt(&mut t, "every", m.every.map(|every| every.to_string()));
        set_opt(&mut t, "since", m.since.map(date));
        set_opt(&mut t, "until", m.until.map(date));
        if !m.silence.is_empty() {
            set(
                &mut t,
                "silence",
                m.silence
                    .iter()
                    .map(String::as_str)
                    .collect::<toml_edit::Array>(),
            );
        }
        set_opt(&mut t, "paused_until", m.paused_until.map(date));
        t
    });
    doc
}

pub fn meeting_document(meeting: &Meeting) -> DocumentMut {
    let mut doc =
        new_document("mentee: one meeting, its check-in report and the commitments made there");
    let mut head = Table::new();
    set(&mut head, "id", meeting.id.as_str());
    set(&mut head, "mentor", meeting.mentor.as_str());
    set(
        &mut head,
        "status",
        if meeting.held { "held" } else { "planned" },
    );
    set_opt(&mut head, "date", meeting.date.map(date));
    set_opt(&mut head, "time", meeting.time.map(time));
    set_opt(&mut head, "minutes", meeting.minutes.map(i64::from));
    let topics: toml_edit::Array = meeting.topics.iter().map(String::as_str).collect();
    set(&mut head, "topics", topics);
    doc.insert("meeting", Item::Table(head));
    put_array(&mut doc, "checkin", &meeting.checkins, |c| {
        let mut t = Table::new();
        set(&mut t, "action", c.action.as_str());
        set(&mut t, "status", c.status.as_str());
        set_opt(&mut t, "note", c.note.as_deref());
        t
    });
    put_array(&mut doc, "action", &meeting.actions, action_table);
    doc
}

pub fn actions_document(actions: &[Action]) -> DocumentMut {
    let mut doc = new_document("mentee: commitments made outside any meeting");
    put_array(&mut doc, "action", actions, action_table);
    doc
}

fn action_table(a: &Action) -> Table {
    let mut t = Table::new();
    set(&mut t, "id", a.id.as_str());
    set(&mut t, "text", a.text.as_str());
    set(&mut t, "created", date(a.created));
    set_opt(&mut t, "due", a.due.map(date));
    set(&mut t, "status", a.status.as_str());
    set_opt(&mut t, "mentor", a.mentor.as_deref());
    set_opt(&mut t, "goal", a.goal.as_ref().map(Id::as_str));
    if let Some(history) = array_of(&a.history, history_table) {
        t.insert("history", history);
    }
    if let Some(corrections) = array_of(&a.corrections, correction_table) {
        t.insert("correction", corrections);
    }
    t
}

fn correction_table(c: &Correction) -> Table {
    let mut t = Table::new();
    set(&mut t, "on", date(c.on));
    set(&mut t, "change", c.change.as_str());
    set_opt(&mut t, "note", c.note.as_deref());
    t
}

fn history_table(change: &StatusChange) -> Table {
    let mut t = Table::new();
    set(&mut t, "on", date(change.on));
    set(&mut t, "status", change.status.as_str());
    set_opt(&mut t, "note", change.note.as_deref());
    t
}

pub fn journal_document(entries: &[Entry]) -> DocumentMut {
    let mut doc = new_document("mentee: journal entries for one month");
    put_array(&mut doc, "entry", entries, entry_table);
    doc
}

fn entry_table(e: &Entry) -> Table {
    let mut t = Table::new();
    set(&mut t, "id", e.id.as_str());
    set(&mut t, "date", date(e.date));
    set(&mut t, "kind", e.kind.as_str());
    set_opt(&mut t, "mentor", e.mentor.as_deref());
    set_opt(&mut t, "action", e.action.as_ref().map(Id::as_str));
    set_opt(&mut t, "meeting", e.meeting.as_ref().map(Id::as_str));
    set_opt(&mut t, "goal", e.goal.as_ref().map(Id::as_str));
    set_opt(&mut t, "about", e.about.as_ref().map(Id::as_str));
    if !e.options.is_empty() {
        set(
            &mut t,
            "options",
            e.options
                .iter()
                .map(String::as_str)
                .collect::<toml_edit::Array>(),
        );
    }
    set_opt(&mut t, "input", e.input.as_deref());
    set_opt(&mut t, "why", e.why.as_deref());
    set_opt(&mut t, "edited", e.edited.map(date));
    set(&mut t, "text", e.text.as_str());
    t
}

/// The text of entries as they are appended to a month's file: exactly what
/// [`journal_document`] writes for them after the entries before.
pub fn entries_text(entries: &[Entry]) -> String {
    let mut doc = DocumentMut::new();
    put_array(&mut doc, "entry", entries, entry_table);
    // Consecutive entries are separated by a blank line.
    format!("\n{doc}")
}

pub fn goals_document(goals: &[Goal]) -> DocumentMut {
    let mut doc = new_document("mentee: goals, each with a measure, a date and ratings over time");
    put_array(&mut doc, "goal", goals, |g| {
        let mut t = Table::new();
        set(&mut t, "id", g.id.as_str());
        set(&mut t, "text", g.text.as_str());
        set_opt(&mut t, "mentor", g.mentor.as_deref());
        set_opt(&mut t, "measure", g.measure.as_deref());
        set(&mut t, "created", date(g.created));
        set(&mut t, "by", date(g.by));
        set(&mut t, "status", g.status.as_str());
        let rating = |r: &Rating| {
            let mut t = Table::new();
            set(&mut t, "on", date(r.on));
            set(&mut t, "score", i64::from(r.score));
            set_opt(&mut t, "note", r.note.as_deref());
            t
        };
        if let Some(ratings) = array_of(&g.ratings, rating) {
            t.insert("rating", ratings);
        }
        if let Some(corrections) = array_of(&g.corrections, correction_table) {
            t.insert("correction", corrections);
        }
        t
    });
    doc
}

pub fn settings_document(silence: &[String]) -> DocumentMut {
    let mut doc = new_document("mentee: settings of this journal, kept with it so they sync");
    if !silence.is_empty() {
        doc["silence"] = toml_edit::value(
            silence
                .iter()
                .map(String::as_str)
                .collect::<toml_edit::Array>(),
        );
    }
    doc
}

pub fn later_document(topics: &[QueuedTopic]) -> DocumentMut {
    let mut doc = new_document("mentee: topics queued for a future meeting");
    put_array(&mut doc, "topic", topics, |q| {
        let mut t = Table::new();
        set(&mut t, "id", q.id.as_str());
        set(&mut t, "mentor", q.mentor.as_str());
        set(&mut t, "text", q.text.as_str());
        set(&mut t, "added", date(q.added));
        t
    });
    doc
}
