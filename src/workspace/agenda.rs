//! Planning the next meeting: the one way topics reach an agenda, whether
//! typed with `mentee agenda` or picked from `mentee prep`'s suggestions.

use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::ledger::Ledger;
use crate::model::meeting::{self, Meeting, QueuedTopic, ReplaceError, topic_changes};
use crate::model::mentor::Mentor;
use crate::model::nudge;
use crate::render;
use crate::store::DataFile;
use crate::workspace::{resolve_mentor, say, show_triggered_nudges};
use chrono::NaiveDate;

/// Plans the next meeting with the mentor `typed` names (checked `topics`,
/// one or two; with `replace`, the one topic that takes the place of
/// planned topic number `replace`), on the day `on` if given, then lets
/// `adjust` change its time. Planning again says which topics were kept,
/// added and removed; a queued topic now planned leaves the
/// queue (both files are written or neither); the agenda is printed, then
/// what is still queued and the nudges planning triggered.
pub fn plan(
    ctx: &Context,
    typed: Option<&str>,
    mut topics: Vec<String>,
    replace: Option<usize>,
    on: Option<NaiveDate>,
    adjust: &dyn Fn(&mut Meeting, &Mentor) -> Result<()>,
) -> Result<()> {
    let lock = ctx.store.lock()?;
    let records = Ledger::load(&ctx.store)?;
    let mentor = resolve_mentor(ctx, &records.mentors, typed)?;
    if let Some(n) = replace {
        topics = one_topic_replaced(&records, &mentor, n, &topics)?;
    }
    let mut later = ctx.store.later()?;
    let queued_before = later.len();
    // A queued topic that is now planned leaves the queue.
    later.retain(|q| q.mentor != mentor.slug || !same_topic(&topics, &q.text));
    let queued: Vec<&QueuedTopic> = later.iter().filter(|q| q.mentor == mentor.slug).collect();
    let (mut meeting, replaced) = match records.planned(&mentor.slug) {
        Some(existing) => {
            let mut meeting = existing.clone();
            let replaced = std::mem::replace(&mut meeting.topics, topics);
            meeting.date = on.or(meeting.date);
            (meeting, replaced)
        }
        None => (
            Meeting::planned(ctx.store.new_id(&[])?, &mentor.slug, on, topics),
            Vec::new(),
        ),
    };
    adjust(&mut meeting, &mentor)?;
    let remaining_queue: Vec<String> = queued.iter().map(|q| q.text.clone()).collect();
    let later_changed = later.len() != queued_before;
    // Both files or neither: the queue is checked before the meeting is written.
    if later_changed {
        ctx.store.check_data_file(&lock, DataFile::Later)?;
    }
    ctx.store.save_meeting(&lock, &meeting)?;
    if later_changed {
        ctx.store.save_later(&lock, &later).map_err(|err| {
            let written = ctx
                .store
                .meeting_path(&meeting.id)
                .into_iter()
                .collect::<Vec<_>>();
            Error::partly_written(&written, &err)
        })?;
    }
    drop(lock);
    let changes = topic_changes(&replaced, &meeting.topics);
    if !replaced.is_empty() && !changes.is_empty() {
        say(&render::agenda::topic_changes(&changes));
    }
    note_past_term(&mentor, meeting.date);
    let open = records.open_with(&mentor.slug, ctx.today);
    out!("{}", render::agenda::agenda(&mentor, Some(&meeting), &open));
    if !remaining_queue.is_empty() {
        say(&format!(
            "Still queued for later with {}: {}",
            mentor.name,
            remaining_queue.join(" / ")
        ));
    }
    show_triggered_nudges(ctx, &records.mentors, nudge::vague(&mentor, &meeting));
    Ok(())
}

/// The planned topics with topic `n` replaced by the one in `new`
/// (`--topic N`).
fn one_topic_replaced(
    records: &Ledger,
    mentor: &Mentor,
    n: usize,
    new: &[String],
) -> Result<Vec<String>> {
    let Some(planned) = records.planned(&mentor.slug) else {
        return Err(Error::user_with_hint(
            format!(
                "no meeting is planned with {}, so there is no topic {n} to replace; nothing was changed",
                mentor.name
            ),
            format!("plan one: mentee agenda \"TOPIC\" -m {}", mentor.slug),
        ));
    };
    let new = new.first().map(String::as_str).unwrap_or_default();
    meeting::replace_topic(&planned.topics, n, new).map_err(|err| match err {
        ReplaceError::NoSuchTopic { count } => Error::user_with_hint(
            format!(
                "the meeting with {} has {} planned, so there is no topic {n}; nothing was changed",
                mentor.name,
                render::text::plural(count, "topic", "topics")
            ),
            match count {
                0 => format!("plan one: mentee agenda \"TOPIC\" -m {}", mentor.slug),
                1 => "give --topic 1".to_string(),
                _ => format!("give --topic 1 to {count}"),
            },
        ),
        ReplaceError::Twice => Error::user_with_hint(
            "the new topic is already the other planned topic; nothing was changed",
            "give a different question",
        ),
    })
}

/// Says so when a meeting is planned on or after the end of the term: it is
/// kept (the term may be extended), and status still shows it.
pub fn note_past_term(mentor: &Mentor, on: Option<NaiveDate>) {
    if let (Some(on), Some(until)) = (on, mentor.until)
        && on >= until
    {
        say(&format!(
            "Note: {on} is after your mentorship with {} ends on {until}. The meeting is kept; \
             to extend the mentorship, move its end: mentee mentor end {} --on DATE",
            mentor.name, mentor.slug
        ));
    }
}

/// Is `text` one of `topics`, case and surrounding blanks aside?
pub fn same_topic(topics: &[String], text: &str) -> bool {
    topics.iter().any(|t| meeting::same_topic(t, text))
}
