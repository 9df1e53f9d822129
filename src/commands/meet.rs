//! `mentee meet`: the meeting starts with the report on every open
//! commitment, then the agenda. The meeting is recorded as held.

use crate::commands::MentorArg;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::commitment::Commitment;
use crate::model::dates::Direction;
use crate::model::ledger::{Holder, Ledger};
use crate::model::nudge;
use crate::prompt;
use crate::render;
use crate::workspace::{resolve_mentor_today, say};

const EXAMPLES: &str = "\
Examples:
  mentee meet                          on a terminal, walks through each open commitment
  mentee meet -m alex --on yesterday   record a meeting held yesterday";

/// Start a meeting: report on commitments first, then the agenda
///
/// On a terminal it asks what became of each open commitment (done, in
/// progress, blocked, dropped or skip, with an optional note). Otherwise it
/// prints them with the commands that record the answers.
#[derive(Debug, clap::Args)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    #[command(flatten)]
    pub mentor: MentorArg,
    /// The day the meeting is held [default: today]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub on: Option<String>,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let on = ctx
        .optional_date("--on", args.on.as_deref(), Direction::Past)?
        .unwrap_or(ctx.today);
    if on > ctx.today {
        return Err(Error::not_come_yet(
            on,
            "; a meeting is recorded on the day it is held",
            "to plan it, use: mentee agenda \"TOPIC\" --on DATE",
        ));
    }
    // The reminder and the walk-through come first, without the lock: they
    // can take the whole meeting, and other commands must not wait on it.
    let records = Ledger::load(&ctx.store)?;
    let mentor = resolve_mentor_today(ctx, &records, args.mentor.typed())?;
    if let Some(until) = mentor.until.filter(|_| !mentor.is_active(ctx.today)) {
        say(&format!(
            "Your mentorship with {} ended on {until}; this is recorded as a keep-in-touch meeting.",
            mentor.name
        ));
    }
    let mut open: Vec<Commitment> = records.to_report_at(&mentor.slug, on, ctx.today);
    // Run again for a meeting already recorded that day: it resumes, with
    // only the commitments not reported on yet.
    let resumed = records.held_on(&mentor.slug, on).is_some();
    let none_open = open.is_empty();
    if resumed {
        open.retain(|c| c.history.last().is_none_or(|change| change.on != on));
    }
    let mut answers = Vec::new();
    // A prompt that failed (Ctrl-C) ends the walk-through.
    let mut failure = None;
    if open.is_empty() {
        if none_open {
            say(&format!("No open commitments with {}.", mentor.name));
        }
    } else {
        out!("{}", render::agenda::reminder(&mentor, &open));
        if ctx.interactive {
            eoutln!();
            for c in &open {
                // Reported that day already (before the meeting, or before a
                // Ctrl-C): that report joins the check-in; not asked again.
                if let Some(change) = c.history.last().filter(|change| change.on == on) {
                    say(&format!(
                        "[{}] was reported on {on}: {}.",
                        c.id,
                        change.status.as_str()
                    ));
                    continue;
                }
                let question = format!("[{}] {}", c.id, render::text::one_line(&c.text));
                match prompt::report(&question) {
                    Ok(Some((status, note))) => answers.push((c.id.clone(), status, note)),
                    Ok(None) => {}
                    Err(err) => {
                        failure = Some(err);
                        break;
                    }
                }
            }
        } else {
            eout!("\n{}", render::agenda::record_commands(&open));
        }
    }

    // Other commands may have written while the questions were asked: the
    // records are read again under the lock (taking it makes the store
    // forget what it read), and the answers are applied to them.
    let lock = ctx.store.lock()?;
    let mut records = Ledger::load(&ctx.store)?;
    let mut dirty = Vec::new();
    // Stopped half way, the meeting is not recorded yet; the answers given
    // are, on their commitments, and join its check-in when it is.
    let held = match failure {
        None => {
            let (index, already_recorded) =
                records.hold(&mentor.slug, on, || ctx.store.new_id(&[]))?;
            // Reports recorded earlier that day (`mentee action done` before
            // the meeting, or an interrupted `meet`) belong in its check-in.
            records.check_in_reports_made_on(index, on);
            dirty.push(Holder::Meeting(index));
            Ok((index, already_recorded))
        }
        Some(err) => Err(err),
    };
    let mut answered = 0;
    for (id, status, note) in answers {
        match records.find_action(&ctx.store, id.as_str()) {
            Ok(origin) => {
                dirty.extend(records.report(origin, status, note, on));
                answered += 1;
            }
            Err(_) => say(&format!(
                "[{id}] is gone from the files; its report was not recorded."
            )),
        }
    }
    dirty.sort();
    dirty.dedup();
    records.save_all(&ctx.store, &lock, &dirty)?;
    drop(lock);
    let (index, already_recorded) = match held {
        Ok(held) => held,
        Err(err) => {
            let again = match args.on {
                Some(_) => format!("mentee meet -m {} --on {on}", mentor.slug),
                None => format!("mentee meet -m {}", mentor.slug),
            };
            let kept = match answered {
                0 => "Nothing was recorded.".to_string(),
                1 => "Your answer is kept on its commitment; the meeting is not recorded yet."
                    .to_string(),
                n => format!(
                    "Your {n} answers are kept on their commitments; the meeting is not recorded yet."
                ),
            };
            say(&format!("{kept} To go on: {again}"));
            return Err(err);
        }
    };

    let meeting = &records.meetings[index];
    if meeting.topics.is_empty() {
        if !already_recorded {
            say(&format!(
                "No agenda was prepared for this meeting; next time plan one with: mentee agenda \"TOPIC\" -m {}",
                mentor.slug
            ));
        }
    } else {
        if !open.is_empty() {
            outln!();
        }
        out!("{}", render::agenda::agenda(&mentor, Some(meeting), &[]));
    }
    if already_recorded {
        let left = if open.is_empty() {
            "nothing is left to report"
        } else if ctx.interactive {
            "the commitments not reported on yet were asked"
        } else {
            "above are the commitments not reported on yet"
        };
        say(&format!(
            "The meeting with {} on {on} was already recorded; {left}.",
            mentor.name
        ));
    } else {
        say(&format!(
            "Recorded the meeting with {} on {on}. At the end, log what you commit to: mentee action add \"...\" -m {}",
            mentor.name, mentor.slug
        ));
    }
    // Still open after this meeting and carried over long enough: close
    // it, carry it, or drop it.
    let carried = nudge::about_commitments(
        &records.mentors,
        &records.meetings,
        &records.commitments(ctx.today),
        ctx.today,
    )
    .into_iter()
    .filter(|n| n.kind() == nudge::Kind::Carried && n.mentor == mentor.slug)
    .filter(|n| open.iter().any(|c| n.commitment() == Some(&c.id)))
    .collect();
    crate::workspace::show_triggered_nudges(ctx, &records.mentors, carried);
    Ok(())
}
