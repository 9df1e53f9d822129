//! `mentee rm ID`: remove a record made by mistake. What goes with it and
//! what happens to the records that point at it are rules of the model
//! (`model::removal`); this asks first and writes the files.

use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::id::{self, Id, Lookup};
use crate::model::ledger::{Holder, Ledger};
use crate::model::removal::{self, Link, Target, Unlinked};
use crate::prompt;
use crate::render::text::{a_kind, plural};
use crate::workspace::say;

/// Remove a record made by mistake: a commitment, journal entry, goal,
/// queued topic or meeting
///
/// ID is the record's ID (a unique prefix is enough), of any kind. On a
/// terminal you are asked first; otherwise pass --yes. A held meeting goes
/// only with --yes, and takes the commitments made there and its check-in
/// with it. Records that point at what goes (an outcome about removed
/// advice, a thank-you for a removed commitment) stay and lose that link;
/// you are told which.
///
/// To close a commitment you will not do, drop it instead (mentee action
/// drop ID): that keeps it in the record.
#[derive(Debug, clap::Args)]
#[command(after_long_help = "Examples:\n  mentee rm k3f9x2\n  mentee rm k3f9x2 --yes")]
pub struct Args {
    /// The record's ID (a unique prefix is enough)
    #[arg(add = crate::complete::any_id())]
    pub id: String,
    /// Remove without asking (needed when not on a terminal, and for a held meeting)
    #[arg(long)]
    pub yes: bool,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let lock = ctx.store.lock()?;
    let mut records = Ledger::load(&ctx.store)?;
    let entries = ctx.store.entries(None, None)?;
    let mut goals = ctx.store.goals()?;
    let mut later = ctx.store.later()?;
    // A removal is the one change a short prefix must not guess at: with
    // --yes nothing else stands between a typo and a lost record.
    let (target, own) = find(&records, &entries, &goals, &later, &args.id)?;
    if !removal::typed_enough(&args.id, own.as_str()) {
        return Err(Error::user_with_hint(
            format!(
                "`{}` is too short an ID to remove a record by: it matches {} [{own}]",
                args.id.trim(),
                describe(&records, &goals, &later, &target)
            ),
            format!(
                "type at least {} characters of the ID: mentee rm {own}",
                removal::MIN_TYPED
            ),
        ));
    }
    let what = describe(&records, &goals, &later, &target);
    let gone = removal::gone_with(&records, &target, &own);
    if let Target::Meeting(i) = target
        && records.meetings[i].held
        && !args.yes
    {
        let (actions, checkins) = removal::held_meeting_takes(&records.meetings[i]);
        return Err(Error::user_with_hint(
            format!(
                "{what} was held: removing it also removes the {} made there and its check-in ({})",
                plural(actions, "commitment", "commitments"),
                plural(checkins, "line", "lines"),
            ),
            format!("if that is what you want, run: mentee rm {own} --yes"),
        ));
    }
    if !args.yes {
        if !ctx.interactive {
            return Err(Error::user_with_hint(
                format!("removing {what} needs a yes"),
                format!("run it on a terminal to be asked, or add --yes: mentee rm {own} --yes"),
            ));
        }
        if !prompt::confirm(&format!("Remove {what}?"), false)? {
            say("Nothing removed.");
            return Ok(());
        }
    }
    // The links go first: should a write fail after them, the record is
    // still there and nothing points at nothing.
    let (mut changed, mut lost) = removal::unlink_entries(&entries, &gone);
    let (mut files, more) = records.unlink(&gone);
    lost.extend(more);
    let mut goals_changed = false;
    let removed_entry = match &target {
        Target::Entry(entry) => vec![(**entry).clone()],
        _ => Vec::new(),
    };
    changed.retain(|e| !gone.contains(&e.id));
    match &target {
        Target::Commitment(origin) => files.push(records.remove_action(*origin)),
        Target::Goal(i) => {
            goals.remove(*i);
            goals_changed = true;
        }
        _ => {}
    }
    files.sort();
    files.dedup();
    if let Target::Meeting(i) = target {
        files.retain(|f| *f != Holder::Meeting(i));
    }
    if !changed.is_empty() || !removed_entry.is_empty() {
        ctx.store.rewrite_entries(&lock, &changed, &removed_entry)?;
    }
    records.save_all(&ctx.store, &lock, &files)?;
    if goals_changed {
        ctx.store.save_goals(&lock, &goals)?;
    }
    match target {
        Target::Topic(i) => {
            later.remove(i);
            ctx.store.save_later(&lock, &later)?;
        }
        Target::Meeting(i) => ctx.store.remove_meeting(&lock, &records.meetings[i])?,
        _ => {}
    }
    say(&format!("Removed {what}."));
    for unlinked in &lost {
        say(&lost_link(unlinked));
    }
    Ok(())
}

/// The record with this ID or unique prefix, whatever its kind, and its ID.
fn find(
    records: &Ledger,
    entries: &[crate::model::journal::Entry],
    goals: &[crate::model::goal::Goal],
    later: &[crate::model::meeting::QueuedTopic],
    typed: &str,
) -> Result<(Target, Id)> {
    let mut all: Vec<(&Id, Target)> = Vec::new();
    for (i, meeting) in records.meetings.iter().enumerate() {
        all.push((&meeting.id, Target::Meeting(i)));
        for (j, action) in meeting.actions.iter().enumerate() {
            all.push((
                &action.id,
                Target::Commitment(crate::model::ledger::Origin::Meeting(i, j)),
            ));
        }
    }
    for (j, action) in records.unattached.iter().enumerate() {
        all.push((
            &action.id,
            Target::Commitment(crate::model::ledger::Origin::Unattached(j)),
        ));
    }
    for entry in entries {
        all.push((&entry.id, Target::Entry(Box::new(entry.clone()))));
    }
    for (i, goal) in goals.iter().enumerate() {
        all.push((&goal.id, Target::Goal(i)));
    }
    for (i, topic) in later.iter().enumerate() {
        all.push((&topic.id, Target::Topic(i)));
    }
    let with_ids: Vec<(&Id, (Id, Target))> = all
        .into_iter()
        .map(|(id, target)| (id, (id.clone(), target)))
        .collect();
    match id::lookup(typed, with_ids) {
        Lookup::Found((id, target)) => Ok((target, id)),
        Lookup::Missing => Err(Error::user_with_hint(
            format!("no record has the ID `{}`", typed.trim()),
            "IDs are shown by mentee action list --all, mentee log, mentee goal list --all and mentee agenda",
        )),
        Lookup::Ambiguous(found) => {
            let names: Vec<String> = found
                .iter()
                .map(|(id, target)| format!("{id} ({})", kind_of(records, target)))
                .collect();
            Err(Error::user_with_hint(
                format!(
                    "`{}` is the start of {} IDs: {}",
                    typed.trim(),
                    names.len(),
                    names.join(", ")
                ),
                "type more of the ID",
            ))
        }
    }
}

/// What kind of record it is, with an article: "a commitment".
fn kind_of(records: &Ledger, target: &Target) -> String {
    match target {
        Target::Commitment(_) => "a commitment".to_string(),
        Target::Entry(entry) => a_kind(&entry.kind),
        Target::Goal(_) => "a goal".to_string(),
        Target::Topic(_) => "a queued topic".to_string(),
        Target::Meeting(i) if records.meetings[*i].held => "a meeting".to_string(),
        Target::Meeting(_) => "a planned meeting".to_string(),
    }
}

/// The record as the question and the message name it.
fn describe(
    records: &Ledger,
    goals: &[crate::model::goal::Goal],
    later: &[crate::model::meeting::QueuedTopic],
    target: &Target,
) -> String {
    match target {
        Target::Commitment(origin) => {
            let action = records.action(*origin);
            format!("the commitment [{}] \"{}\"", action.id, action.text)
        }
        Target::Entry(entry) => format!(
            "{} [{}] from {}: \"{}\"",
            a_kind(&entry.kind),
            entry.id,
            entry.date,
            entry.text
        ),
        Target::Goal(i) => format!("the goal [{}] \"{}\"", goals[*i].id, goals[*i].text),
        Target::Topic(i) => format!("the queued topic [{}] \"{}\"", later[*i].id, later[*i].text),
        Target::Meeting(i) => {
            let meeting = &records.meetings[*i];
            let with = records.mentor_name(&meeting.mentor);
            match (meeting.held, meeting.date) {
                (true, Some(date)) => format!("the meeting [{}] with {with} on {date}", meeting.id),
                (_, Some(date)) => {
                    format!(
                        "the meeting [{}] planned with {with} for {date}",
                        meeting.id
                    )
                }
                _ => format!("the meeting [{}] planned with {with}", meeting.id),
            }
        }
    }
}

/// What a record that pointed at the removed one lost.
fn lost_link(unlinked: &Unlinked) -> String {
    let id = &unlinked.record;
    match unlinked.link {
        Link::Commitment => format!("[{id}] stays, no longer tied to a commitment."),
        Link::Advice => format!("[{id}] stays, no longer tied to a piece of advice."),
        Link::Goal => format!("[{id}] stays, no longer serving a goal."),
        Link::Meeting => format!("[{id}] stays, no longer tied to a meeting."),
        Link::CheckIn => format!("The check-in of meeting [{id}] no longer reports on it."),
    }
}
