//! Planning the next meeting: the one way topics reach an agenda, whether
//! typed with `mentee agenda` or picked from `mentee prep`'s suggestions.

use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::ledger::Ledger;
use crate::model::meeting::{Meeting, QueuedTopic};
use crate::model::mentor::Mentor;
use crate::model::nudge;
use crate::render;
use crate::store::DataFile;
use crate::workspace::{resolve_mentor, say, show_triggered_nudges};
use chrono::NaiveDate;

/// Plans the next meeting with the mentor `typed` names (checked `topics`,
/// one or two), on the day `on` if given, then lets `adjust` change its time.
/// Replacing planned topics says so; a queued topic now planned leaves the
/// queue (both files are written or neither); the agenda is printed, then
/// what is still queued and the nudges planning triggered.
pub fn plan(
    ctx: &Context,
    typed: Option<&str>,
    topics: Vec<String>,
    on: Option<NaiveDate>,
    adjust: &dyn Fn(&mut Meeting, &Mentor) -> Result<()>,
) -> Result<()> {
    let lock = ctx.store.lock()?;
    let records = Ledger::load(&ctx.store)?;
    let mentor = resolve_mentor(ctx, &records.mentors, typed)?;
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
    if !replaced.is_empty() && replaced != meeting.topics {
        say(&format!(
            "Replaced the topics planned before: {}",
            replaced.join(" / ")
        ));
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
    topics
        .iter()
        .any(|t| t.trim().eq_ignore_ascii_case(text.trim()))
}
