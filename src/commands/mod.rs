//! One module per noun; this file is the table of contents.

pub mod action;
pub mod advice;
pub mod agenda;
pub mod completions;
pub mod decision;
pub mod edit;
pub mod export;
pub mod goal;
pub mod import;
pub mod journal;
pub mod log;
pub mod man;
pub mod meet;
pub mod mentor;
pub mod nudge;
pub mod review;
pub mod stats;
pub mod status;
pub mod summary;
pub mod sync;

use crate::context::{ColorChoice, Context};
use crate::error::{Error, Result};
use crate::model::commitment::{self, Commitment};
use crate::model::id::{self, Id, Lookup};
use crate::model::meeting::{self, Action, CheckIn, Meeting, Status};
use crate::model::mentor::{self as mentors, Mentor, Unresolved};
use crate::model::text::TextError;
use crate::store::{DataFile, Lock, Store};
use chrono::NaiveDate;
use clap::Subcommand;
use std::path::PathBuf;

const MENTOR_EXAMPLES: &str = "\
Examples:
  mentee mentor add \"Alex Kim\" --every 2w
  mentee mentor list --all
  mentee mentor end alex --on 2026-12-31";

const ACTION_EXAMPLES: &str = "\
Examples:
  mentee action add \"Draft the split proposal\" --due fri
  mentee action list
  mentee action set k3f9x2 in-progress --note \"outline written\"";

const NUDGE_EXAMPLES: &str = "\
Examples:
  mentee nudge list
  mentee nudge off quiet -m alex
  mentee nudge on all";

/// Each command's help comes from its own arguments' doc comment, beside
/// its handler in `commands/`.
#[derive(Debug, Subcommand)]
pub enum Command {
    Status(status::Args),
    /// Register, list and end mentors
    #[command(subcommand, after_long_help = MENTOR_EXAMPLES)]
    Mentor(mentor::Command),
    Agenda(agenda::Args),
    Meet(meet::Args),
    Note(journal::NoteArgs),
    /// Add, list and report on commitments (action items)
    #[command(subcommand, after_long_help = ACTION_EXAMPLES)]
    Action(action::Command),
    Update(journal::UpdateArgs),
    Thanks(journal::ThanksArgs),
    Log(log::Args),
    Summary(summary::Args),
    Edit(edit::Args),
    Completions(completions::Args),
    Man(man::Args),
    Export(export::Args),
    Import(import::Args),
    Sync(sync::Args),
    /// The merge driver for journal months that mentee sync sets up in git
    #[command(hide = true)]
    MergeJournal(sync::MergeArgs),
    /// Set measurable goals, rate them over time, and close them
    #[command(subcommand, after_long_help = goal::EXAMPLES)]
    Goal(goal::Command),
    Decide(decision::DecideArgs),
    Decisions(decision::DecisionsArgs),
    Advice(advice::AdviceArgs),
    Outcome(advice::OutcomeArgs),
    Giveback(journal::GivebackArgs),
    Review(review::Args),
    /// Silence or show nudges, per mentor or for everyone, and list their kinds
    #[command(subcommand, after_long_help = NUDGE_EXAMPLES)]
    Nudge(nudge::Command),
    Stats(stats::Args),
}

/// `-m/--mentor` as most commands take it.
#[derive(Debug, Default, clap::Args)]
pub struct MentorArg {
    /// The mentor (name, slug or unique prefix); optional with one active mentor
    #[arg(short, long)]
    mentor: Option<String>,
}

impl MentorArg {
    /// The mentor as typed, if given.
    pub fn typed(&self) -> Option<&str> {
        self.mentor.as_deref()
    }
}

/// Runs a command. `dir` and `color` are the global arguments; `app` builds
/// the whole command line, for the commands that describe it (completions,
/// manual pages).
pub fn run(
    dir: Option<PathBuf>,
    color: ColorChoice,
    command: Option<Command>,
    app: fn() -> clap::Command,
) -> Result<()> {
    // These read neither the data nor the settings, so that shell setup and
    // git's merge driver work whatever state those are in.
    match command {
        Some(Command::Completions(args)) => completions::run(&args, app()),
        Some(Command::Man(args)) => man::run(&args, app()),
        Some(Command::MergeJournal(args)) => sync::merge_journal(&args),
        command => {
            let ctx = Context::from_env(dir, color)?;
            let result = with_data(&ctx, command);
            // A write was refused with the same words; anything else read
            // files that git may have left half way.
            if !matches!(result, Err(Error::Unfinished { .. }))
                && let Some(state) = crate::git::unfinished(ctx.store.root())
            {
                say(&format!(
                    "warning: {}, so the journal may show only part of what it holds and \
                     mentee writes nothing there until it is settled: {}",
                    crate::error::unfinished_state(ctx.store.root(), &state),
                    crate::error::unfinished_steps(ctx.store.root(), &state)
                ));
            }
            for stray in ctx.store.strays() {
                say(&format!(
                    "warning: {} is not a journal month file, so mentee does not read it; \
                     move its entries into journal/YEAR/YEAR-MM.toml (such as \
                     journal/2026/2026-03.toml), then delete it",
                    stray.display()
                ));
            }
            result
        }
    }
}

fn with_data(ctx: &Context, command: Option<Command>) -> Result<()> {
    match command {
        None => status::run(ctx, &status::Args::default()),
        Some(Command::Status(args)) => status::run(ctx, &args),
        Some(Command::Mentor(cmd)) => mentor::run(ctx, cmd),
        Some(Command::Agenda(args)) => agenda::run(ctx, &args),
        Some(Command::Meet(args)) => meet::run(ctx, &args),
        Some(Command::Note(args)) => journal::note(ctx, &args),
        Some(Command::Action(cmd)) => action::run(ctx, cmd),
        Some(Command::Update(args)) => journal::update(ctx, &args),
        Some(Command::Thanks(args)) => journal::thanks(ctx, &args),
        Some(Command::Log(args)) => log::run(ctx, &args),
        Some(Command::Summary(args)) => summary::run(ctx, &args),
        Some(Command::Edit(args)) => edit::run(ctx, &args),
        Some(Command::Export(args)) => export::run(ctx, &args),
        Some(Command::Import(args)) => import::run(ctx, &args),
        Some(Command::Sync(args)) => sync::run(ctx, &args),
        Some(Command::Goal(cmd)) => goal::run(ctx, cmd),
        Some(Command::Decide(args)) => decision::decide(ctx, &args),
        Some(Command::Decisions(args)) => decision::list(ctx, &args),
        Some(Command::Advice(args)) => advice::advice(ctx, &args),
        Some(Command::Outcome(args)) => advice::outcome(ctx, &args),
        Some(Command::Giveback(args)) => journal::giveback(ctx, &args),
        Some(Command::Review(args)) => review::run(ctx, &args),
        Some(Command::Nudge(cmd)) => nudge::run(ctx, cmd),
        Some(Command::Stats(args)) => stats::run(ctx, &args),
        // Run before the data is opened: see `run`.
        Some(Command::Completions(_) | Command::Man(_) | Command::MergeJournal(_)) => Ok(()),
    }
}

/// A period from --since to --until must not end before it starts.
pub fn check_period(since: Option<NaiveDate>, until: Option<NaiveDate>) -> Result<()> {
    match (since, until) {
        (Some(since), Some(until)) if since > until => Err(Error::user_with_hint(
            format!("the period starts on {since}, after it ends on {until}"),
            "give a --since before --until (--until is today unless given)",
        )),
        _ => Ok(()),
    }
}

/// A free text as every command takes it (trimmed, not empty, not over the
/// limit), or an error naming `what` and, for an empty one, how to write it.
pub fn checked_text(what: &str, text: &str, when_empty: &str) -> Result<String> {
    crate::model::text::check(text).map_err(|err| {
        let hint = match err {
            TextError::Empty => when_empty,
            TextError::TooLong => "keep it short; link to a longer document instead",
        };
        Error::user_with_hint(format!("{what} {err}"), hint)
    })
}

/// The mentor `-m` names (or the only active one), as an owned value.
pub fn resolve_mentor(ctx: &Context, all: &[Mentor], typed: Option<&str>) -> Result<Mentor> {
    if typed.is_none()
        && let Some(chosen) = default_mentor(ctx, all)
    {
        return chosen;
    }
    mentors::resolve(all, typed, ctx.today)
        .cloned()
        .map_err(|why| match why {
            Unresolved::NoMentors => Error::user_with_hint(
                "no mentors yet",
                "add one first: mentee mentor add \"NAME\"",
            ),
            Unresolved::NeedOne { active } if active.is_empty() => Error::user_with_hint(
                "no active mentor; say which one with -m NAME",
                "see them all with: mentee mentor list --all",
            ),
            Unresolved::NeedOne { active } => Error::user_with_hint(
                format!(
                    "which mentor? You have {}: {}",
                    active.len(),
                    active.join(", ")
                ),
                "pass -m NAME (a unique prefix is enough)",
            ),
            Unresolved::Unknown {
                typed,
                known,
                suggestion,
            } => Error::user_with_hint(
                format!(
                    "no mentor matches `{typed}`; known mentors: {}",
                    known.join(", ")
                ),
                match suggestion {
                    Some(name) => format!(
                        "did you mean {name}? Otherwise add one: mentee mentor add \"{typed}\""
                    ),
                    None => format!("add one with: mentee mentor add \"{typed}\""),
                },
            ),
            Unresolved::Ambiguous { typed, matches } => Error::user_with_hint(
                format!(
                    "`{typed}` matches more than one mentor: {}",
                    matches.join(", ")
                ),
                "type more of the name",
            ),
        })
}

/// The default mentor (`MENTEE_MENTOR` or `default_mentor` in config.toml),
/// when `-m` was left out and it is needed: several mentors are active.
fn default_mentor(ctx: &Context, all: &[Mentor]) -> Option<Result<Mentor>> {
    let default = ctx.settings.default_mentor.as_ref()?;
    if !matches!(
        mentors::resolve(all, None, ctx.today),
        Err(Unresolved::NeedOne { .. })
    ) {
        return None;
    }
    Some(
        resolve_mentor(ctx, all, Some(&default.name)).map_err(|err| {
            Error::user_with_hint(
                format!("the default mentor ({}): {err}", default.from),
                format!(
                    "pass -m NAME, or change {} to one of your mentors",
                    default.from
                ),
            )
        }),
    )
}

/// Everything about meetings and commitments, loaded in one go.
pub struct Records {
    pub mentors: Vec<Mentor>,
    pub meetings: Vec<Meeting>,
    pub loose: Vec<Action>,
}

impl Records {
    pub fn load(store: &Store) -> Result<Records> {
        Ok(Records {
            mentors: store.mentors()?,
            meetings: store.meetings()?,
            loose: store.loose_actions()?,
        })
    }

    /// Only the mentors, for commands that touch no meeting or commitment.
    pub fn mentors_only(store: &Store) -> Result<Records> {
        Ok(Records {
            mentors: store.mentors()?,
            meetings: Vec::new(),
            loose: Vec::new(),
        })
    }

    /// A mentor's name from their slug, or the slug if no mentor has it.
    pub fn mentor_name<'a>(&'a self, slug: &'a str) -> &'a str {
        crate::render::text::mentor_name(&self.mentors, slug)
    }

    pub fn commitments(&self, ctx: &Context) -> Vec<Commitment> {
        commitment::all(&self.meetings, &self.loose, ctx.today)
    }

    /// The mentors a command that can show several planned meetings is
    /// about: the one `-m` names, or, with several active mentors and no
    /// `-m`, every active one (the second value says which it was).
    pub fn mentors_shown(&self, ctx: &Context, typed: Option<&str>) -> Result<(Vec<Mentor>, bool)> {
        let active: Vec<&Mentor> = self
            .mentors
            .iter()
            .filter(|m| m.is_active(ctx.today))
            .collect();
        if typed.is_none() && active.len() > 1 {
            return Ok((active.into_iter().cloned().collect(), true));
        }
        Ok((vec![resolve_mentor(ctx, &self.mentors, typed)?], false))
    }

    /// The planned meeting with a mentor, if any.
    pub fn planned(&self, slug: &str) -> Option<&Meeting> {
        meeting::planned(&self.meetings, slug)
    }

    /// Finds a stored commitment by ID or unique prefix, for changing it.
    /// An ID of another kind of record is named as such.
    pub fn find_action(&self, store: &Store, typed: &str) -> Result<Origin> {
        let in_meetings = self.meetings.iter().enumerate().flat_map(|(i, m)| {
            m.actions
                .iter()
                .enumerate()
                .map(move |(j, a)| (&a.id, Origin::Meeting(i, j)))
        });
        let loose = self
            .loose
            .iter()
            .enumerate()
            .map(|(j, a)| (&a.id, Origin::Loose(j)));
        match id::lookup(typed, in_meetings.chain(loose)) {
            Lookup::Found(origin) => Ok(origin),
            Lookup::Missing => Err(match self.other_record(store, typed) {
                Some((what, id)) => Error::user_with_hint(
                    format!("[{id}] is {what}, not a commitment"),
                    format!(
                        "see every commitment and its ID with: mentee action list --all; \
                         open [{id}] with: mentee edit {id}"
                    ),
                ),
                None => Error::user_with_hint(
                    format!("no commitment has the ID `{}`", typed.trim()),
                    "see every commitment and its ID with: mentee action list --all",
                ),
            }),
            Lookup::Ambiguous(found) if self.share_one_id(&found) => {
                let places: Vec<String> = found.iter().map(|o| self.edit_command(*o)).collect();
                Err(Error::user_with_hint(
                    format!(
                        "{} commitments have the same ID `{}` (a copy made by hand?)",
                        found.len(),
                        self.action(found[0]).id
                    ),
                    format!(
                        "if one is a copy, delete it; otherwise give one of them another ID \
                         (six letters and digits used nowhere else). Their files: {}",
                        places.join(", ")
                    ),
                ))
            }
            Lookup::Ambiguous(found) => Err(Error::ambiguous_id(
                typed,
                "commitment",
                found.iter().map(|o| &self.action(*o).id),
            )),
        }
    }

    /// The record of another kind whose ID is `typed`, if exactly one is:
    /// what it is ("the meeting with alex-kim on 2026-11-10", "a note") and
    /// its ID. Files that cannot be read just name nothing.
    fn other_record(&self, store: &Store, typed: &str) -> Option<(String, Id)> {
        let meetings = self.meetings.iter().map(|m| {
            let what = match m.date {
                Some(date) => format!("the meeting with {} on {date}", m.mentor),
                None => format!("the meeting planned with {}", m.mentor),
            };
            (&m.id, what)
        });
        let goals = store.goals().unwrap_or_default();
        let entries = store.entries_with_id(typed).unwrap_or_default();
        let all = meetings
            .chain(goals.iter().map(|g| (&g.id, "a goal".to_string())))
            .chain(
                entries
                    .iter()
                    .map(|e| (&e.id, crate::render::text::a_kind(&e.kind))),
            );
        let found: Vec<(Id, String)> = all
            .filter(|(id, _)| id.matches_prefix(typed))
            .map(|(id, what)| (id.clone(), what))
            .collect();
        match found.as_slice() {
            [(id, what)] => Some((what.clone(), id.clone())),
            _ => None,
        }
    }

    fn share_one_id(&self, found: &[Origin]) -> bool {
        let mut ids = found.iter().map(|o| &self.action(*o).id);
        ids.next()
            .is_some_and(|first| ids.all(|id| id.as_str().eq_ignore_ascii_case(first.as_str())))
    }

    /// The command that opens the file holding a commitment.
    fn edit_command(&self, origin: Origin) -> String {
        match origin {
            Origin::Meeting(i, _) => {
                let meeting = &self.meetings[i];
                match (meeting.held, meeting.date) {
                    (true, Some(date)) => format!("mentee edit {date} -m {}", meeting.mentor),
                    _ => format!("mentee edit next -m {}", meeting.mentor),
                }
            }
            Origin::Loose(_) => "mentee edit actions".to_string(),
        }
    }

    pub fn action(&self, origin: Origin) -> &Action {
        match origin {
            Origin::Meeting(i, j) => &self.meetings[i].actions[j],
            Origin::Loose(j) => &self.loose[j],
        }
    }

    fn action_mut(&mut self, origin: Origin) -> &mut Action {
        match origin {
            Origin::Meeting(i, j) => &mut self.meetings[i].actions[j],
            Origin::Loose(j) => &mut self.loose[j],
        }
    }

    /// The mentor a stored commitment belongs to.
    pub fn mentor_of(&self, origin: Origin) -> &str {
        match origin {
            Origin::Meeting(i, _) => &self.meetings[i].mentor,
            Origin::Loose(j) => self.loose[j].mentor.as_deref().unwrap_or_default(),
        }
    }

    /// Adds to meeting `index`'s check-in every report on its mentor's
    /// earlier commitments given on `on` and not in the check-in yet.
    pub fn check_in_reports_made_on(&mut self, index: usize, on: NaiveDate) {
        let meeting = &self.meetings[index];
        let mentor = meeting.mentor.as_str();
        let earlier = self
            .meetings
            .iter()
            .filter(|m| m.mentor == mentor && m.id != meeting.id)
            .flat_map(|m| &m.actions)
            .chain(
                self.loose
                    .iter()
                    .filter(|a| a.mentor.as_deref() == Some(mentor)),
            );
        let reported: Vec<CheckIn> = earlier
            .filter(|a| !meeting.checkins.iter().any(|c| c.action == a.id))
            .filter_map(|a| {
                let change = a.history.last().filter(|change| change.on == on)?;
                Some(CheckIn {
                    action: a.id.clone(),
                    status: change.status,
                    note: change.note.clone(),
                })
            })
            .collect();
        self.meetings[index].checkins.extend(reported);
    }

    /// Records a report on a commitment: on the commitment itself, and in the
    /// check-in of a meeting with its mentor held that day (if it was not made
    /// there). Returns the files to save.
    pub fn report(
        &mut self,
        origin: Origin,
        status: Status,
        note: Option<String>,
        on: NaiveDate,
    ) -> Vec<File> {
        let mentor = self.mentor_of(origin).to_string();
        let action = self.action_mut(origin);
        action.set_status(status, on, note.clone());
        let id = action.id.clone();
        let mut files = vec![origin.file()];
        let here = |m: &Meeting| {
            m.held
                && m.mentor == mentor
                && m.date == Some(on)
                && !m.actions.iter().any(|a| a.id == id)
        };
        if let Some(i) = self.meetings.iter().position(here) {
            let checkins = &mut self.meetings[i].checkins;
            checkins.retain(|c| c.action != id);
            checkins.push(CheckIn {
                action: id,
                status,
                note,
            });
            files.push(File::Meeting(i));
        }
        files
    }

    /// Writes several changed files back, all or none: every one is checked
    /// to be as it was read under the lock before the first is written. If a
    /// write still fails (a full disk), the error names the files written.
    pub fn save_all(&self, store: &Store, lock: &Lock, files: &[File]) -> Result<()> {
        for &file in files {
            match file {
                File::Meeting(i) => store.check_meeting(lock, &self.meetings[i])?,
                File::Loose => store.check_data_file(lock, DataFile::LooseActions)?,
            };
        }
        let mut written = Vec::new();
        for &file in files {
            if let Err(err) = self.save(store, lock, file) {
                return Err(match written.is_empty() {
                    true => err,
                    false => Error::partly_written(&written, &err),
                });
            }
            written.extend(match file {
                File::Meeting(i) => store.meeting_path(&self.meetings[i].id),
                File::Loose => Some(store.path_of(DataFile::LooseActions)),
            });
        }
        Ok(())
    }

    /// Writes one changed file back.
    pub fn save(&self, store: &Store, lock: &Lock, file: File) -> Result<()> {
        match file {
            File::Meeting(i) => store.save_meeting(lock, &self.meetings[i]),
            File::Loose => store.save_loose_actions(lock, &self.loose),
        }
    }

    /// The first day anything was planned or committed with a mentor.
    pub fn first_day_with(&self, slug: &str) -> Option<NaiveDate> {
        let meetings = self
            .meetings
            .iter()
            .filter(|m| m.mentor == slug)
            .filter_map(|m| m.date);
        let loose = self
            .loose
            .iter()
            .filter(|a| a.mentor.as_deref() == Some(slug))
            .map(|a| a.created);
        meetings.chain(loose).min()
    }

    /// Open commitments with one mentor in reminder order.
    pub fn open_with(&self, ctx: &Context, slug: &str) -> Vec<Commitment> {
        let mut open: Vec<Commitment> = self
            .commitments(ctx)
            .into_iter()
            .filter(|c| c.mentor == slug && c.status.is_open())
            .collect();
        commitment::sort_for_reminder(&mut open);
        open
    }
}

/// Where a stored commitment lives: (meeting, action) indexes, or the loose list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Meeting(usize, usize),
    Loose(usize),
}

impl Origin {
    fn file(self) -> File {
        match self {
            Origin::Meeting(i, _) => File::Meeting(i),
            Origin::Loose(_) => File::Loose,
        }
    }
}

/// A file that holds commitments: a meeting (by index) or the loose list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum File {
    Meeting(usize),
    Loose,
}

/// Prints a message for the user (not data) on stderr.
pub fn say(message: &str) {
    eoutln!("{}", crate::render::text::clean(message));
}
