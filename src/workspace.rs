//! What several commands share: recording a journal entry, linking a goal,
//! finding the advice behind outcomes. Commands use it; no command imports
//! another command.

use crate::commands::{Records, checked_text, resolve_mentor, say};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::archive::Archive;
use crate::model::goal::{Goal, GoalStatus};
use crate::model::id::{self, Id, Lookup};
use crate::model::journal::{Entry, Kind};
use crate::model::meeting::last_held;
use crate::model::mentor::Mentor;
use crate::store::{self, Store};
use std::collections::HashSet;

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
    // Meetings are read only when needed: a plain update touches none.
    let records = if action.is_some() || kind == Kind::Note {
        Records::load(&ctx.store)?
    } else {
        Records::mentors_only(&ctx.store)?
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
    records: &Records,
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
    resolve_mentor(ctx, &records.mentors, typed).map(Some)
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
        Lookup::Missing => Err(Error::user_with_hint(
            format!("no goal has the ID `{}`", typed.trim()),
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
