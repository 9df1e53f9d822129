//! What several commands share: resolving a mentor, loading and saving the
//! ledger, recording a journal entry, linking a goal, finding the advice
//! behind outcomes, the nudges a command shows. Commands use it; no command
//! imports another command.

pub mod agenda;
pub mod calendar;
pub mod share;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::archive::Archive;
use crate::model::commitment::Commitment;
use crate::model::goal::{Goal, GoalStatus};
use crate::model::id::{self, Id, Lookup};
use crate::model::journal::{Entry, Kind};
use crate::model::ledger::{Holder, Ledger, MetToday, Origin};
use crate::model::meeting::last_held;
use crate::model::mentor::{self as mentors, Mentor, Unresolved};
use crate::model::nudge::{self, Nudge};
use crate::model::text::TextError;
use crate::render;
use crate::store::{self, DataFile, Lock, Store};
use chrono::NaiveDate;
use std::collections::HashSet;

pub mod search;

/// What some kinds of entry carry besides their text.
#[derive(Debug, Default)]
pub struct Details {
    /// For an outcome: the advice it is about, and that advice's mentor.
    pub about: Option<(Id, Option<String>)>,
    /// For a decision: the options weighed, the mentor's input, the reason.
    pub options: Vec<String>,
    pub input: Option<String>,
    pub why: Option<String>,
    /// The goal the entry moves forward, as typed (an ID or a prefix).
    pub goal: Option<String>,
}

/// Checks a new entry, finds its mentor and writes it to its month's file:
/// the one way every journal command records something. Returns the entry
/// and its mentor (`None` for an entry meant for every mentor).
pub fn record(
    ctx: &Context,
    kind: Kind,
    text: &str,
    mentor: Option<&str>,
    action: Option<&str>,
    details: Details,
) -> Result<(Entry, Option<Mentor>)> {
    let text = checked_text(
        &format!("the {kind}"),
        text,
        "write what happened, in quotes",
    )?;
    let lock = ctx.store.lock()?;
    // Meetings are read only when needed: a plain update touches none. The
    // kinds written at or right after a meeting need them to tell which
    // mentor was met today when -m is left out.
    let met_today = mentor.is_none() && matches!(kind, Kind::Thanks | Kind::Advice);
    let records = if action.is_some() || kind == Kind::Note || met_today {
        Ledger::load(&ctx.store)?
    } else {
        Ledger::mentors_only(&ctx.store)?
    };
    let action = match action {
        Some(typed) => {
            let origin = records.find_action(&ctx.store, typed)?;
            Some((
                records.action(origin).id.clone(),
                records.mentor_of(origin).to_string(),
            ))
        }
        None => None,
    };
    // A linked record (a commitment, a piece of advice) implies its mentor.
    let implied = match (&action, &details.about) {
        (Some((_, owner)), _) => Some(owner.as_str()),
        (None, Some((_, owner))) => owner.as_deref(),
        (None, None) => None,
    };
    // Updates, and decisions without a mentor's input, may be for everyone.
    let for_all = kind.is_progress() || (kind == Kind::Decision && details.input.is_none());
    let mentor = who(ctx, &records, for_all, mentor, implied)?;
    if let (Some(mentor), Some((id, owner))) = (&mentor, &action)
        && mentor.slug != *owner
    {
        return Err(Error::user_with_hint(
            format!(
                "[{id}] is a commitment to {}, not to {}",
                records.mentor_name(owner),
                mentor.name
            ),
            "leave out -m, or name the mentor the commitment was made to",
        ));
    }
    let meeting = match (&kind, &mentor) {
        (Kind::Note, Some(m)) => {
            last_held(&records.meetings, &m.slug, ctx.today).map(|m| m.id.clone())
        }
        _ => None,
    };
    let mut entry = Entry::new(
        ctx.store.new_id(&[])?,
        ctx.today,
        kind,
        mentor.as_ref().map(|m| m.slug.clone()),
        text,
    );
    entry.action = action.map(|(id, _)| id);
    entry.meeting = meeting;
    entry.about = details.about.map(|(id, _)| id);
    entry.options = details.options;
    entry.input = details.input;
    entry.why = details.why;
    entry.goal = link_goal(&ctx.store, details.goal.as_deref())?;
    ctx.store.add_entry(&lock, &entry)?;
    Ok((entry, mentor))
}

/// The mentor an entry is for. Entries that may be `for_all` (updates) are
/// for everyone when several mentors are active and none is named; thanks
/// and notes need one.
fn who(
    ctx: &Context,
    records: &Ledger,
    for_all: bool,
    typed: Option<&str>,
    implied: Option<&str>,
) -> Result<Option<Mentor>> {
    if typed.is_none() {
        if let Some(slug) = implied {
            return Ok(records.mentors.iter().find(|m| m.slug == slug).cloned());
        }
        let active = records
            .mentors
            .iter()
            .filter(|m| m.is_active(ctx.today))
            .count();
        if for_all && active != 1 {
            return Ok(None);
        }
    }
    resolve_mentor_today(ctx, records, typed).map(Some)
}

/// The goal `--goal ID` names on `action add` and `update`, checked to
/// exist; a note when it is no longer active.
pub fn link_goal(store: &Store, typed: Option<&str>) -> Result<Option<Id>> {
    let Some(typed) = typed else {
        return Ok(None);
    };
    let goals = store.goals()?;
    let goal = &goals[find_goal(&goals, typed)?];
    if goal.status != GoalStatus::Active {
        say(&format!(
            "Note: the goal [{}] is {}; reopen it with: mentee goal reopen {}",
            goal.id,
            goal.status.as_str(),
            goal.id
        ));
    }
    Ok(Some(goal.id.clone()))
}

/// The advice that the outcomes among `entries` are about and that is not
/// among `entries` itself: each is looked up by ID, which reads only the
/// month that holds it. For the summary, whose entries cover only its period.
pub fn behind_outcomes(ctx: &Context, entries: &[Entry]) -> Result<Vec<Entry>> {
    let present: HashSet<&id::Id> = entries
        .iter()
        .filter(|e| e.kind == Kind::Advice)
        .map(|e| &e.id)
        .collect();
    let wanted: HashSet<&id::Id> = entries
        .iter()
        .filter(|e| e.kind == Kind::Outcome)
        .filter_map(|e| e.about.as_ref())
        .filter(|id| !present.contains(id))
        .collect();
    let mut advice: Vec<Entry> = entries
        .iter()
        .filter(|e| e.kind == Kind::Advice)
        .cloned()
        .collect();
    for id in wanted {
        advice.extend(
            ctx.store
                .entries_with_id(id.as_str())?
                .into_iter()
                .filter(|e| e.kind == Kind::Advice && e.id == *id),
        );
    }
    Ok(advice)
}

/// The index of the goal with this ID or unique prefix.
pub fn find_goal(goals: &[Goal], typed: &str) -> Result<usize> {
    match id::lookup(typed, goals.iter().enumerate().map(|(i, g)| (&g.id, i))) {
        Lookup::Found(i) => Ok(i),
        Lookup::Missing => Err(Error::unknown_id(
            typed,
            "goal",
            "see every goal and its ID with: mentee goal list --all",
        )),
        Lookup::Ambiguous(found) => Err(Error::ambiguous_id(
            typed,
            "goal",
            found.iter().map(|i| &goals[*i].id),
        )),
    }
}

/// Everything that stops `archive` from being written to an empty data
/// folder: the model's checks, and meeting files the folder cannot name.
pub fn archive_problems(archive: &Archive) -> Vec<String> {
    let mut problems = archive.problems();
    for (name, count) in store::overfull_meeting_names(&archive.meetings) {
        problems.push(format!(
            "{count} meetings would be written as {name}.toml; at most {} meetings \
             with one mentor on one day fit",
            store::MAX_MEETINGS_PER_NAME
        ));
    }
    problems
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

/// The mentor meant by `typed`, or, when `-m` is left out and several
/// mentors are active, the only one with a meeting planned today or held
/// today (it says so); otherwise as [`resolve_mentor`]. For the commands
/// used during or right after a meeting: meet, action add, note, thanks,
/// advice.
pub fn resolve_mentor_today(
    ctx: &Context,
    records: &Ledger,
    typed: Option<&str>,
) -> Result<Mentor> {
    if typed.is_none()
        && ctx.settings.default_mentor.is_none()
        && matches!(
            mentors::resolve(&records.mentors, None, ctx.today),
            Err(Unresolved::NeedOne { .. })
        )
        && let Some((mentor, why)) = records.mentor_of_the_day(ctx.today)
    {
        let why = match why {
            MetToday::Planned => "the meeting planned today",
            MetToday::Held => "the meeting held today",
        };
        say(&format!("(with {}: {why})", mentor.name));
        return Ok(mentor.clone());
    }
    resolve_mentor(ctx, &records.mentors, typed)
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

/// What commands do with the ledger and the store: load it, find a
/// commitment by what the user typed, save what changed.
impl Ledger {
    pub fn load(store: &Store) -> Result<Ledger> {
        Ok(Ledger {
            mentors: store.mentors()?,
            meetings: store.meetings()?,
            unattached: store.unattached_actions()?,
        })
    }

    /// Only the meetings that can still call for attention (see
    /// [`crate::model::meeting::Meeting::pending_part`]): enough to tell what
    /// is pressing (`mentee prompt`), but not how many meetings a commitment
    /// was carried over, which counts the held meetings left out.
    pub fn load_pending(store: &Store) -> Result<Ledger> {
        Ok(Ledger {
            mentors: store.mentors()?,
            meetings: store.pending_meetings()?,
            unattached: store.unattached_actions()?,
        })
    }

    /// Only the meetings whose stored text `may_match` accepts (see
    /// [`Store::meetings_where`]), and the commitments made at them: for
    /// `search`, which reads and never writes.
    pub fn load_where(store: &Store, may_match: &dyn Fn(&str) -> bool) -> Result<Ledger> {
        Ok(Ledger {
            mentors: store.mentors()?,
            meetings: store.meetings_where(may_match)?,
            unattached: store.unattached_actions()?,
        })
    }

    /// Only the mentors, for commands that touch no meeting or commitment.
    pub fn mentors_only(store: &Store) -> Result<Ledger> {
        Ok(Ledger {
            mentors: store.mentors()?,
            meetings: Vec::new(),
            unattached: Vec::new(),
        })
    }

    /// A mentor's name from their slug, or the slug if no mentor has it.
    pub fn mentor_name<'a>(&'a self, slug: &'a str) -> &'a str {
        crate::render::text::mentor_name(&self.mentors, slug)
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

    /// Finds a stored commitment by ID or unique prefix, for changing it.
    /// An ID of another kind of record is named as such.
    pub fn find_action(&self, store: &Store, typed: &str) -> Result<Origin> {
        let in_meetings = self.meetings.iter().enumerate().flat_map(|(i, m)| {
            m.actions
                .iter()
                .enumerate()
                .map(move |(j, a)| (&a.id, Origin::Meeting(i, j)))
        });
        let unattached = self
            .unattached
            .iter()
            .enumerate()
            .map(|(j, a)| (&a.id, Origin::Unattached(j)));
        match id::lookup(typed, in_meetings.chain(unattached)) {
            Lookup::Found(origin) => Ok(origin),
            Lookup::Missing => Err(match self.other_record(store, typed) {
                Some((what, id)) => Error::user_with_hint(
                    format!("[{id}] is {what}, not a commitment"),
                    format!(
                        "see every commitment and its ID with: mentee action list --all; \
                         open [{id}] with: mentee edit {id}"
                    ),
                ),
                None => Error::unknown_id(
                    typed,
                    "commitment",
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
            Origin::Unattached(_) => "mentee edit actions".to_string(),
        }
    }

    /// Writes several changed files back, all or none: every one is checked
    /// to be as it was read under the lock before the first is written. If a
    /// write still fails (a full disk), the error names the files written.
    pub fn save_all(&self, store: &Store, lock: &Lock, files: &[Holder]) -> Result<()> {
        for &holder in files {
            match holder {
                Holder::Meeting(i) => store.check_meeting(lock, &self.meetings[i])?,
                Holder::Unattached => store.check_data_file(lock, DataFile::UnattachedActions)?,
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
                Holder::Meeting(i) => store.meeting_path(&self.meetings[i].id),
                Holder::Unattached => Some(store.path_of(DataFile::UnattachedActions)),
            });
        }
        Ok(())
    }

    /// Writes one changed file back.
    pub fn save(&self, store: &Store, lock: &Lock, holder: Holder) -> Result<()> {
        match holder {
            Holder::Meeting(i) => store.save_meeting(lock, &self.meetings[i]),
            Holder::Unattached => store.save_unattached_actions(lock, &self.unattached),
        }
    }
}

/// The file that `-o FILE` names, if any: without one, or with `-`, the
/// output goes to standard output.
pub fn output_file(file: Option<&std::path::Path>) -> Option<&std::path::Path> {
    file.filter(|path| path.as_os_str() != "-")
}

/// Sends a document the user asked for (an export, a brag document, a
/// draft email) where `-o FILE` says: to standard output without a file or
/// for `-`, else to the file, written whole and readable by the user alone.
/// The file, if one was written, for the message that says so.
pub fn write_document<'a>(
    file: Option<&'a std::path::Path>,
    bytes: &[u8],
) -> Result<Option<&'a std::path::Path>> {
    match output_file(file) {
        None => {
            crate::output::bytes(bytes);
            Ok(None)
        }
        Some(path) => {
            crate::store::write_private(path, bytes)?;
            Ok(Some(path))
        }
    }
}

/// Prints a message for the user (not data) on stderr.
pub fn say(message: &str) {
    eoutln!("{}", crate::render::text::clean(message));
}

/// Every nudge for the dashboard: the records, plus the latest journal
/// entries that `quiet` and `keep-in-touch` need, read from the newest
/// month back only as far as needed.
pub fn nudges_now(
    ctx: &Context,
    records: &Ledger,
    commitments: &[Commitment],
) -> Result<Vec<Nudge>> {
    let everywhere = ctx.store.silenced()?;
    let wanted =
        nudge::wanted_contacts(&records.mentors, &records.meetings, &everywhere, ctx.today);
    let contact = ctx.store.latest_entries(
        &wanted,
        nudge::lookback(&records.mentors, ctx.today),
        ctx.today,
    )?;
    let sources = nudge::Sources {
        mentors: &records.mentors,
        meetings: &records.meetings,
        commitments,
        contact: &contact,
        today: ctx.today,
    };
    Ok(nudge::all(&sources, &everywhere))
}

/// Shows on stderr the nudges a command triggered, leaving out the silenced
/// ones. The command's own work is done, so a settings file that cannot be
/// read only means no nudge is shown.
pub fn show_triggered_nudges(ctx: &Context, mentors: &[Mentor], found: Vec<Nudge>) {
    if found.is_empty() {
        return;
    }
    let Ok(everywhere) = ctx.store.silenced() else {
        return;
    };
    for n in nudge::to_show(found, mentors, &everywhere) {
        let worded = render::nudge::worded(&n, mentors);
        let line = format!("nudge: {}", render::nudge::line(&worded));
        say(&render::text::wrap(&line, ctx.err_width, 2));
    }
}
