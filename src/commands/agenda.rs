//! `mentee agenda`: plan the next meeting with one or two topics, show it,
//! queue a topic for later, or write it as an iCalendar event (`--ics`).

use crate::commands::MentorArg;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::dates::Direction;
use crate::model::id::Id;
use crate::model::ledger::Ledger;
use crate::model::meeting::{MAX_TOPICS, Meeting, QueuedTopic, TopicError, check_topics};
use crate::model::mentor::Mentor;
use crate::model::text;
use crate::model::times;
use crate::prompt;
use crate::render;
use crate::workspace::agenda::{note_past_term, plan as plan_agenda, same_topic};
use crate::workspace::calendar::{CalendarOptions, calendar_text, write_calendar};
use crate::workspace::{resolve_mentor, say};
use chrono::{NaiveDate, NaiveTime};
use std::path::Path;

const EXAMPLES: &str = "\
Examples:
  mentee agenda \"How should I split the billing service?\" --on fri --at 15:00 --for 45m
  mentee agenda --at 3:30pm          move the planned meeting to another time
  mentee agenda --at all-day         plan it for the day, without a time
  mentee agenda \"What do you look for in a design review?\" \"Should I take the on-call lead?\"
  mentee agenda                      show the planned agenda, ready to paste
  mentee agenda --later \"How do I ask for a promotion?\"
  mentee agenda --topic 2 \"How do I grow into a lead?\"   replace only the second topic
  mentee agenda --ics meeting.ics    the planned meeting, for your calendar";

/// Plan the next meeting, show it, or queue a topic for later
///
/// With one or two topics, plans the next meeting with that mentor; running
/// it again replaces the planned topics (it says which were kept, added
/// and removed). A third topic is
/// refused: queue it with --later, and it is offered when you next plan.
/// With only --on, moves the planned meeting to that day; with --at or
/// --for, to that time or length (a meeting with a time lasts an hour
/// unless --for says otherwise). Without topics,
/// shows the planned agenda, which opens with the report on your open
/// commitments, ready to paste into a message.
#[derive(Debug, clap::Args)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    /// One or two topics, each best phrased as a specific question
    #[arg(value_name = "TOPIC")]
    pub topics: Vec<String>,
    #[command(flatten)]
    pub mentor: MentorArg,
    /// The day of the meeting, such as 2026-11-24, fri or +1w
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub on: Option<String>,
    /// The time it starts, such as 15:00, 9:30, 3pm or 3:30pm (all-day for
    /// none)
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// How long it lasts, such as 45m, 1h or 1h30m (1h when left out)
    #[arg(long = "for", value_name = "LENGTH")]
    pub length: Option<String>,
    /// Replace only topic number N (1 or 2) of the planned agenda with the
    /// one TOPIC given, keeping the other
    #[arg(long, value_name = "N", conflicts_with = "later")]
    pub topic: Option<usize>,
    /// Queue the topics for a future meeting instead of planning this one
    #[arg(long, conflicts_with_all = ["on", "at", "length"])]
    pub later: bool,
    /// Write the planned meeting as an iCalendar event to FILE (standard
    /// output when FILE is - or left out)
    #[arg(long, value_name = "FILE", num_args = 0..=1, default_missing_value = "-",
          conflicts_with_all = ["topics", "on", "at", "length", "later", "topic"])]
    pub ics: Option<String>,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    if let Some(file) = &args.ics {
        return ics(ctx, args.mentor.typed(), file);
    }
    if args.later {
        return queue(ctx, &args.topics, args.mentor.typed());
    }
    if args.topic.is_some() && args.topics.len() != 1 {
        return Err(Error::user_with_hint(
            format!(
                "--topic replaces one planned topic, so it takes exactly one TOPIC and you gave {}; nothing was changed",
                args.topics.len()
            ),
            format!(
                "give the new question: mentee agenda --topic {} \"How should I ...?\"",
                args.topic.unwrap_or(1)
            ),
        ));
    }
    if args.topics.is_empty() {
        return if args.on.is_some() || args.at.is_some() || args.length.is_some() {
            reschedule(ctx, args)
        } else {
            show(ctx, args.mentor.typed())
        };
    }
    plan(ctx, args)
}

/// A change of time typed with --at and --for.
#[derive(Debug, Clone, Copy, Default)]
struct Timing {
    /// `Some(None)`: all day, without a time.
    at: Option<Option<NaiveTime>>,
    minutes: Option<u32>,
}

impl Timing {
    fn typed(args: &Args) -> Result<Timing> {
        let at = args
            .at
            .as_deref()
            .map(|typed| {
                if typed.trim().eq_ignore_ascii_case("all-day") {
                    return Ok(None);
                }
                times::parse_time(typed).map(Some).map_err(|err| {
                    Error::user_with_hint(
                        format!("--at {err}; nothing was changed"),
                        format!(
                            "give the time as {}, or all-day for none",
                            times::TIME_FORMS
                        ),
                    )
                })
            })
            .transpose()?;
        let minutes = args
            .length
            .as_deref()
            .map(|typed| {
                times::parse_length(typed).map_err(|err| {
                    Error::user_with_hint(
                        format!("--for {err}; nothing was changed"),
                        format!("give the length as {}", times::LENGTH_FORMS),
                    )
                })
            })
            .transpose()?;
        if at == Some(None) && minutes.is_some() {
            return Err(Error::user_with_hint(
                "--for needs a time, and --at all-day takes it away; nothing was changed",
                "give a time with the length: --at 15:00 --for 45m",
            ));
        }
        Ok(Timing { at, minutes })
    }

    fn is_empty(self) -> bool {
        self.at.is_none() && self.minutes.is_none()
    }

    /// Applies it to `meeting`. A length needs a time: the meeting's own,
    /// or one given with it.
    fn apply(self, meeting: &mut Meeting, mentor: &Mentor) -> Result<()> {
        match self.at {
            Some(Some(time)) => meeting.time = Some(time),
            Some(None) => {
                meeting.time = None;
                meeting.minutes = None;
            }
            None => {}
        }
        if let Some(minutes) = self.minutes {
            if meeting.time.is_none() {
                return Err(Error::user_with_hint(
                    format!(
                        "the meeting with {} has no time, so --for has nothing to last from; \
                         nothing was changed",
                        mentor.name
                    ),
                    format!(
                        "give its time too: mentee agenda --at 15:00 --for {} -m {}",
                        render::text::length(minutes),
                        mentor.slug
                    ),
                ));
            }
            meeting.minutes = Some(minutes);
        }
        Ok(())
    }
}

/// The day of a meeting still to come, as given with --on, if it was.
fn meeting_day(ctx: &Context, args: &Args) -> Result<Option<NaiveDate>> {
    let Some(typed) = args.on.as_deref() else {
        return Ok(None);
    };
    let on = ctx.date("--on", typed, Direction::Future)?;
    if on < ctx.today {
        return Err(Error::user_with_hint(
            format!("{on} is in the past; an agenda is for a meeting still to come"),
            "to record a meeting that was held, use: mentee meet --on DATE",
        ));
    }
    Ok(Some(on))
}

/// Moves the planned meeting to another day, time or length, keeping its
/// topics.
fn reschedule(ctx: &Context, args: &Args) -> Result<()> {
    let mentor = args.mentor.typed();
    let on = meeting_day(ctx, args)?;
    let timing = Timing::typed(args)?;
    let lock = ctx.store.lock()?;
    let records = Ledger::load(&ctx.store)?;
    let mentor = resolve_mentor(ctx, &records.mentors, mentor)?;
    let Some(planned) = records.planned(&mentor.slug) else {
        return Err(Error::user_with_hint(
            format!("no meeting is planned with {}", mentor.name),
            format!(
                "plan one: mentee agenda \"TOPIC\" --on {} -m {}",
                on.map_or("DATE".to_string(), |d| d.to_string()),
                mentor.slug
            ),
        ));
    };
    let mut meeting = planned.clone();
    meeting.date = on.or(meeting.date);
    timing.apply(&mut meeting, &mentor)?;
    if meeting.time.is_some() && meeting.date.is_none() {
        return Err(Error::user_with_hint(
            format!(
                "the meeting with {} has no day yet, so a time alone cannot place it; \
                 nothing was changed",
                mentor.name
            ),
            format!(
                "give the day too: mentee agenda --on DATE --at TIME -m {}",
                mentor.slug
            ),
        ));
    }
    if meeting == *planned {
        drop(lock);
        say(&format!(
            "The meeting with {} is already planned so; nothing was changed.",
            mentor.name
        ));
    } else {
        ctx.store.save_meeting(&lock, &meeting)?;
        drop(lock);
        let when = match meeting.date {
            Some(day) => format!(
                "{day}{}",
                render::text::at_time(meeting.time, meeting.length())
            ),
            None => "no date".to_string(),
        };
        let done = if planned.date.is_some() {
            "Moved"
        } else {
            "Set"
        };
        say(&format!(
            "{done} the meeting with {} to {when}.",
            mentor.name
        ));
        note_past_term(&mentor, meeting.date);
    }
    let open = records.open_with(&mentor.slug, ctx.today);
    out!("{}", render::agenda::agenda(&mentor, Some(&meeting), &open));
    Ok(())
}

fn plan(ctx: &Context, args: &Args) -> Result<()> {
    let mut topics = check_topics(&args.topics).map_err(|err| match err {
        TopicError::TooMany(count) => Error::user_with_hint(
            format!(
                "an agenda holds at most {MAX_TOPICS} topics and you gave {count}: one or two \
                 focused questions get real answers in one meeting; nothing was changed"
            ),
            format!(
                "plan the two that matter most and queue the rest for a later meeting: \
                 mentee agenda --later \"{}\"{}",
                args.topics
                    .last()
                    .map(String::as_str)
                    .unwrap_or("TOPIC")
                    .trim(),
                args.mentor
                    .typed()
                    .map(|typed| format!(" -m {typed}"))
                    .unwrap_or_default()
            ),
        ),
        TopicError::Text(err) => Error::user_with_hint(
            format!("a topic {err}; nothing was changed"),
            "phrase each topic as a question, in quotes",
        ),
        TopicError::Twice => Error::user_with_hint(
            "the same topic was given twice; nothing was changed",
            "give it once, or a second, different question",
        ),
    })?;
    let on = meeting_day(ctx, args)?;
    let timing = Timing::typed(args)?;
    // Offer queued topics before taking the lock: a prompt may wait a while.
    if ctx.interactive && topics.len() < MAX_TOPICS && args.topic.is_none() {
        let mentor = resolve_mentor(ctx, &ctx.store.mentors()?, args.mentor.typed())?;
        let queued: Vec<String> = ctx
            .store
            .later()?
            .into_iter()
            .filter(|q| q.mentor == mentor.slug && !same_topic(&topics, &q.text))
            .map(|q| q.text)
            .collect();
        if !queued.is_empty() {
            let picked = prompt::pick_queued(&queued, MAX_TOPICS - topics.len())?;
            topics.extend(picked.iter().map(|&i| queued[i].clone()));
        }
    }
    plan_agenda(
        ctx,
        args.mentor.typed(),
        topics,
        args.topic,
        on,
        &|meeting, mentor| {
            if timing.is_empty() {
                Ok(())
            } else {
                timing.apply(meeting, mentor)
            }
        },
    )
}

fn show(ctx: &Context, typed: Option<&str>) -> Result<()> {
    let records = Ledger::load(&ctx.store)?;
    let (mut chosen, every) = records.mentors_shown(ctx, typed)?;
    if every {
        chosen.retain(|m| records.planned(&m.slug).is_some());
    }
    let mut shown = 0;
    for mentor in &chosen {
        let Some(meeting) = records.planned(&mentor.slug) else {
            say(&format!(
                "No meeting planned with {} yet. Plan one: mentee agenda \"TOPIC\" -m {}",
                mentor.name, mentor.slug
            ));
            continue;
        };
        if shown > 0 {
            outln!();
        }
        let open = records.open_with(&mentor.slug, ctx.today);
        out!("{}", render::agenda::agenda(mentor, Some(meeting), &open));
        shown += 1;
    }
    if chosen.is_empty() {
        say("No meeting planned yet. Plan one: mentee agenda \"TOPIC\" -m NAME");
    }
    Ok(())
}

fn queue(ctx: &Context, topics: &[String], typed: Option<&str>) -> Result<()> {
    if topics.is_empty() {
        return Err(Error::missing(
            "--later needs a topic",
            "mentee agenda --later \"A question for a future meeting\"",
        ));
    }
    let texts = topics
        .iter()
        .map(|topic| text::check(topic))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|err| {
            Error::user_with_hint(
                format!("a topic {err}; nothing was queued"),
                "queue a specific question: mentee agenda --later \"How do I ...?\"",
            )
        })?;
    let lock = ctx.store.lock()?;
    let mentor = resolve_mentor(ctx, &ctx.store.mentors()?, typed)?;
    let mut later = ctx.store.later()?;
    for text in texts {
        let new: Vec<&Id> = later.iter().map(|q| &q.id).collect();
        let id = ctx.store.new_id(&new)?;
        later.push(QueuedTopic {
            id,
            mentor: mentor.slug.clone(),
            text,
            added: ctx.today,
        });
    }
    ctx.store.save_later(&lock, &later)?;
    let count = later.iter().filter(|q| q.mentor == mentor.slug).count();
    say(&format!(
        "Queued for a later meeting with {} ({count} queued). It will be offered when you plan the next agenda.",
        mentor.name
    ));
    Ok(())
}

/// Writes the planned meeting with the mentor `-m` names (or, with several
/// active mentors and no `-m`, every planned meeting that has a date) to
/// `file`, or to standard output for `-`.
fn ics(ctx: &Context, typed: Option<&str>, file: &str) -> Result<()> {
    let records = Ledger::load(&ctx.store)?;
    let (chosen, several) = records.mentors_shown(ctx, typed)?;
    let mut planned: Vec<Mentor> = Vec::new();
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
        planned.push(mentor.clone());
    }
    if planned.is_empty() {
        return Err(Error::user_with_hint(
            "no planned meeting has a date, so there is nothing to put in a calendar",
            "plan one with a date: mentee agenda \"TOPIC\" --on DATE -m NAME",
        ));
    }
    let options = CalendarOptions {
        todos: false,
        meetings_only: true,
    };
    if file == "-" {
        let (_, text) = calendar_text(ctx, &records, &planned, options, None)?;
        crate::output::bytes(text.as_bytes());
        return Ok(());
    }
    let path = Path::new(file);
    let feed = write_calendar(ctx, &records, &planned, options, path)?;
    let what = match feed.meetings.as_slice() {
        [one] => format!(
            "the meeting with {} on {}",
            one.mentor.name,
            one.meeting.date.map(|d| d.to_string()).unwrap_or_default()
        ),
        many => format!("{} planned meetings", many.len()),
    };
    say(&format!(
        "Wrote {what} to {}; import it into your calendar.",
        path.display()
    ));
    Ok(())
}
