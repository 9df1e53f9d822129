//! `mentee agenda --ics [FILE]`: the planned meeting as an iCalendar event,
//! for a calendar application to import.

use crate::commands::{Records, say};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::commitment::Commitment;
use crate::model::meeting::Meeting;
use crate::model::mentor::Mentor;
use crate::render::ics::{self, Event};
use std::path::Path;

/// Writes the planned meeting with the mentor `-m` names (or, with several
/// active mentors and no `-m`, every planned meeting that has a date) to
/// `file`, or to standard output for `-`.
pub fn ics(ctx: &Context, typed: Option<&str>, file: &str) -> Result<()> {
    let records = Records::load(&ctx.store)?;
    let (chosen, several) = records.mentors_shown(ctx, typed)?;
    let mut planned: Vec<(&Mentor, &Meeting, Vec<Commitment>)> = Vec::new();
    for mentor in &chosen {
        let Some(meeting) = records.planned(&mentor.slug) else {
            if !several {
                return Err(Error::user_with_hint(
                    format!("no meeting planned with {} yet", mentor.name),
                    format!(
                        "plan one with a date: mentee agenda \"TOPIC\" --on DATE -m {}",
                        mentor.slug
                    ),
                ));
            }
            continue;
        };
        if meeting.date.is_none() {
            let hint = format!("set one with: mentee agenda --on DATE -m {}", mentor.slug);
            if !several {
                return Err(Error::user_with_hint(
                    format!(
                        "the meeting planned with {} has no date, and a calendar event needs one",
                        mentor.name
                    ),
                    hint,
                ));
            }
            say(&format!(
                "Left out the meeting planned with {}: it has no date yet ({hint}).",
                mentor.name
            ));
            continue;
        }
        planned.push((mentor, meeting, records.open_with(ctx, &mentor.slug)));
    }
    let events: Vec<Event<'_>> = planned
        .iter()
        .filter_map(|(mentor, meeting, open)| {
            Some(Event {
                mentor,
                meeting,
                date: meeting.date?,
                open,
            })
        })
        .collect();
    if events.is_empty() {
        return Err(Error::user_with_hint(
            "no planned meeting has a date, so there is nothing to put in a calendar",
            "plan one with a date: mentee agenda \"TOPIC\" --on DATE -m NAME",
        ));
    }
    let stamp = ctx.today.and_hms_opt(0, 0, 0).unwrap_or_default();
    let text = ics::calendar(&events, stamp);
    if file == "-" {
        crate::output::bytes(text.as_bytes());
        return Ok(());
    }
    let path = Path::new(file);
    crate::store::write_private(path, text.as_bytes())?;
    let what = match events.as_slice() {
        [one] => format!("the meeting with {} on {}", one.mentor.name, one.date),
        many => format!("{} planned meetings", many.len()),
    };
    say(&format!(
        "Wrote {what} to {}; import it into your calendar.",
        path.display()
    ));
    Ok(())
}
