//! `mentee remind`: what needs attention soon, as lines for cron or a
//! timer to mail, or as one desktop notification; nothing at all when
//! nothing does.

use crate::context::Context;
use crate::error::Result;
use crate::model::ledger::Ledger;
use crate::model::remind::{self, Within};
use crate::render::remind as words;

const EXAMPLES: &str = "\
Examples:
  mentee remind                     today and tomorrow
  mentee remind --within 2h         the next two hours
  mentee remind --within 7d --notify

Every morning at 8, from a systemd user timer or cron: see docs/remind.md.";

/// Print what needs attention soon, or show it as a desktop notification
///
/// One line per planned meeting inside the window (with its time when it
/// has one, and whether its agenda is ready), with the commitments to
/// report there under it; then every open commitment overdue or due inside
/// the window. Prints nothing, and shows nothing, when nothing needs
/// attention, so it can run from cron or a timer.
#[derive(Debug, clap::Args)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    /// How far ahead to look: whole days (1d is today and tomorrow, 0d
    /// today alone, up to 31d) or a span from now (2h, 1h30m, up to 7d)
    #[arg(long, value_name = "SPAN", default_value = "1d", value_parser = within)]
    pub within: Within,
    /// Show it as one desktop notification instead of printing it (needs
    /// the session's D-Bus and a notification service)
    #[arg(long)]
    pub notify: bool,
}

fn within(typed: &str) -> std::result::Result<Within, String> {
    Within::parse(typed).map_err(|err| {
        format!(
            "{err}; use whole days such as 1d or 3d (up to {}d), or hours and minutes \
             such as 2h or 1h30m (up to 7d)",
            remind::MAX_DAYS
        )
    })
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let ledger = Ledger::load(&ctx.store)?;
    let reminders = remind::select(&ledger, ctx.now.naive_local(), args.within);
    if reminders.is_empty() {
        return Ok(());
    }
    let lines = words::lines(&reminders, &ledger.mentors, ctx.today);
    if args.notify {
        let summary = words::notification_summary(&reminders);
        return crate::notify::show(&summary, |markup| words::notification_body(&lines, markup))
            .map_err(crate::notify::Problem::into_error);
    }
    for line in lines {
        outln!("{line}");
    }
    Ok(())
}
