//! The calendar feed that `calendar`, `agenda --ics` and the
//! `calendar_file` setting write: one way to make it, to continue the
//! SEQUENCE of what was written before, and to refresh it after a change.

use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::calendar;
use crate::model::ledger::Ledger;
use crate::model::mentor::Mentor;
use crate::render;
use crate::store;
use crate::workspace::say;

/// The calendar feed for `mentors` as iCalendar text: planned meetings and,
/// unless `meetings_only`, open commitments with a due date. Each event's
/// SEQUENCE continues from what the feed at `previous` said, if one was
/// written there before.
pub fn calendar_text(
    ctx: &Context,
    ledger: &Ledger,
    mentors: &[Mentor],
    options: CalendarOptions,
    previous: Option<&std::path::Path>,
) -> Result<(calendar::Feed, String)> {
    let mut feed = calendar::feed(ledger, mentors, ctx.today, ctx.settings.alarms);
    if options.meetings_only {
        feed.due.clear();
    }
    let seen = match previous {
        Some(path) => seen_in(path)?,
        None => Default::default(),
    };
    let text = render::ics::calendar(
        &feed,
        &seen,
        render::ics::Options {
            stamp: ctx.now.naive_utc(),
            todos: options.todos,
        },
    );
    Ok((feed, text))
}

#[derive(Debug, Clone, Copy, Default)]
pub struct CalendarOptions {
    /// Commitments as to-dos rather than all-day events.
    pub todos: bool,
    /// Planned meetings only (`agenda --ics`).
    pub meetings_only: bool,
}

/// What the calendar at `path` said before, to write over it. A file that
/// is there but is not a calendar mentee wrote is refused, so that a
/// mistyped `-o` never replaces something else.
fn seen_in(path: &std::path::Path) -> Result<std::collections::HashMap<String, calendar::Seen>> {
    // A pipe or a device is written to as it is, and not read.
    let Some(bytes) = store::read_regular(path)? else {
        return Ok(Default::default());
    };
    let text = String::from_utf8_lossy(&bytes);
    if text.trim().is_empty() {
        return Ok(Default::default());
    }
    if !render::ics::is_ours(&text) {
        return Err(Error::user_with_hint(
            format!(
                "{} is not a calendar that mentee wrote; nothing was written",
                path.display()
            ),
            "choose another file, or move that one away first",
        ));
    }
    Ok(render::ics::seen(&text))
}

/// Writes the whole feed to `path` (0600, atomically).
pub fn write_calendar(
    ctx: &Context,
    ledger: &Ledger,
    mentors: &[Mentor],
    options: CalendarOptions,
    path: &std::path::Path,
) -> Result<calendar::Feed> {
    let (feed, text) = calendar_text(ctx, ledger, mentors, options, Some(path))?;
    store::write_private(path, text.as_bytes())?;
    Ok(feed)
}

/// After a command that wrote data, refreshes the `calendar_file` of the
/// settings so that a calendar subscribed to it stays current. A failure
/// is a warning: the command itself has succeeded.
pub fn refresh(ctx: &Context) {
    let path = match &ctx.settings.calendar_file {
        None => return,
        Some(Ok(path)) => path,
        Some(Err(wrong)) => {
            say(&format!(
                "warning: the calendar feed was not refreshed: {wrong}"
            ));
            return;
        }
    };
    let refreshed = Ledger::load(&ctx.store).and_then(|ledger| {
        let mentors = ledger.mentors.clone();
        write_calendar(ctx, &ledger, &mentors, CalendarOptions::default(), path)
    });
    if let Err(err) = refreshed {
        let hint = err.hint().map(|h| format!(" ({h})")).unwrap_or_default();
        say(&format!(
            "warning: the calendar_file {} was not refreshed: {err}{hint}",
            path.display()
        ));
    }
}
