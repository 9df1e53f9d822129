//! `mentee meet`: the meeting starts with the report on every open
//! commitment, then the agenda. The meeting is recorded as held.

use crate::commands::{File, Records, resolve_mentor, say};
use crate::context::Context;
use crate::error::Result;
use crate::model::dates::Direction;
use crate::model::meeting::Meeting;
use crate::prompt;
use crate::render;

const EXAMPLES: &str = "\
Examples:
  mentee meet                 on a terminal, walks through each open commitment
  mentee meet -m alex --on yesterday   record a meeting held yesterday";

/// Start a meeting: first the report on open commitments, then the agenda.
///
/// On a terminal it asks what became of each open commitment (done, in
/// progress, blocked, dropped or skip, with an optional note). Otherwise it
/// prints them with the commands that record the answers.
#[derive(Debug, clap::Args)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    /// The mentor (name, slug or unique prefix); optional with one active mentor
    #[arg(short, long)]
    pub mentor: Option<String>,
    /// The day the meeting is held [default: today]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub on: Option<String>,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let on = ctx
        .optional_date("--on", args.on.as_deref(), Direction::Past)?
        .unwrap_or(ctx.today);
    let lock = ctx.store.lock()?;
    let mut records = Records::load(&ctx.store)?;
    let mentor = resolve_mentor(ctx, &records.mentors, args.mentor.as_deref())?;
    let open = records.open_with(ctx, &mentor.slug);

    let planned = records
        .meetings
        .iter()
        .position(|m| !m.held && m.mentor == mentor.slug);
    let same_day = records
        .meetings
        .iter()
        .position(|m| m.held && m.mentor == mentor.slug && m.date == Some(on));
    let already_recorded = planned.is_none() && same_day.is_some();
    let index = match (planned, same_day) {
        (Some(i), _) => {
            let meeting = &mut records.meetings[i];
            meeting.held = true;
            meeting.date = Some(on);
            i
        }
        (None, Some(i)) => {
            say(&format!(
                "The meeting with {} on {on} is already recorded.",
                mentor.name
            ));
            i
        }
        (None, None) => {
            let mut meeting =
                Meeting::planned(ctx.store.new_id(&[])?, &mentor.slug, Some(on), Vec::new());
            meeting.held = true;
            records.meetings.push(meeting);
            records.meetings.len() - 1
        }
    };
    // Commitments made at this very meeting are not reported at it.
    let meeting_id = records.meetings[index].id.clone();
    let open: Vec<_> = open
        .into_iter()
        .filter(|c| c.meeting.as_ref().is_none_or(|m| m.id != meeting_id))
        .collect();

    let mut dirty = vec![File::Meeting(index)];
    let mut failure = None;
    if open.is_empty() {
        say(&format!("No open commitments with {}.", mentor.name));
    } else {
        print!("{}", render::agenda::reminder(&mentor, &open));
        if ctx.interactive {
            eprintln!();
            for c in &open {
                let question = format!("[{}] {}", c.id, render::text::one_line(&c.text));
                match prompt::report(&question) {
                    Ok(Some((status, note))) => {
                        let origin = records.find_action(c.id.as_str())?;
                        dirty.extend(records.report(origin, status, note, on));
                    }
                    Ok(None) => {}
                    Err(err) => {
                        failure = Some(err);
                        break;
                    }
                }
            }
        } else {
            eprint!("\n{}", render::agenda::record_commands(&open));
        }
    }
    dirty.sort();
    dirty.dedup();
    for file in dirty {
        records.save(&ctx.store, &lock, file)?;
    }
    drop(lock);
    if let Some(err) = failure {
        return Err(err);
    }

    let meeting = &records.meetings[index];
    if meeting.topics.is_empty() {
        say(&format!(
            "No agenda was prepared for this meeting; next time plan one with: mentee agenda \"TOPIC\" -m {}",
            mentor.slug
        ));
    } else {
        if !open.is_empty() {
            println!();
        }
        print!("{}", render::agenda::agenda(&mentor, Some(meeting), &[]));
    }
    if !already_recorded {
        say(&format!(
            "Recorded the meeting with {} on {on}. At the end, log what you commit to: mentee action add \"...\" -m {}",
            mentor.name, mentor.slug
        ));
    }
    Ok(())
}
