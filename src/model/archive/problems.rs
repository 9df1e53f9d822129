//! The checks an import makes before anything is written: everything the
//! commands would refuse when a record is made by hand, plus what only a
//! whole journal can get wrong (IDs used twice, references to records it
//! does not hold). Each check reuses the rule the commands use, so an
//! import can never hold what mentee itself would not write.
//!
//! A problem names the kind of record, its ID (a mentor's slug) and the
//! field, so the file can be fixed by hand.

use super::Archive;
use crate::model::dates;
use crate::model::goal::SCORES;
use crate::model::id::Id;
use crate::model::journal::Kind;
use crate::model::meeting::{Action, check_topics};
use crate::model::mentor::check_name;
use crate::model::text;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

impl Archive {
    /// What stops this journal from being written to an empty data folder
    /// as it is: IDs used twice (in any case, on any kind of record),
    /// references to records it does not hold, names that cannot be file
    /// names, dates a TOML file cannot hold, and texts, topics, kinds and
    /// ratings the commands would refuse. Empty when all is well.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut slugs = HashSet::new();
        for mentor in &self.mentors {
            if !is_slug(&mentor.slug) {
                problems.push(format!(
                    "mentor {:?} has the slug {:?}; a slug is lowercase letters, digits and dashes",
                    mentor.name, mentor.slug
                ));
            } else if !slugs.insert(mentor.slug.as_str()) {
                problems.push(format!("two mentors have the slug {:?}", mentor.slug));
            }
            let what = format!("mentor {:?}", mentor.slug);
            if let Err(err) = check_name(&mentor.name) {
                problems.push(format!("{what}: the name: {err}"));
            }
            check_date(&what, "since", mentor.since, &mut problems);
            check_date(&what, "until", mentor.until, &mut problems);
            if let (Some(since), Some(until)) = (mentor.since, mentor.until)
                && until < since
            {
                problems.push(format!(
                    "{what}: the until date {until} is before the since date {since}"
                ));
            }
        }
        let mentor_ref = |what: &str, slug: &str, problems: &mut Vec<String>| {
            if !slugs.contains(slug) {
                problems.push(format!(
                    "{what} names the mentor {slug:?}, who is not in the file"
                ));
            }
        };

        // One table for every kind: `edit` and `show` look an ID up among
        // all records, without regard to case.
        let mut all_ids = HashMap::new();
        let meeting_ids = unique_ids(
            "meeting",
            self.meetings.iter().map(|m| &m.id),
            &mut all_ids,
            &mut problems,
        );
        let commitment_ids = unique_ids(
            "commitment",
            self.commitments().map(|(a, _)| &a.id),
            &mut all_ids,
            &mut problems,
        );
        let entry_ids = unique_ids(
            "entry",
            self.entries.iter().map(|e| &e.id),
            &mut all_ids,
            &mut problems,
        );
        unique_ids(
            "queued topic",
            self.later.iter().map(|q| &q.id),
            &mut all_ids,
            &mut problems,
        );
        let goal_ids = unique_ids(
            "goal",
            self.goals.iter().map(|g| &g.id),
            &mut all_ids,
            &mut problems,
        );
        let goal_ref = |what: &str, goal: Option<&Id>, problems: &mut Vec<String>| {
            if let Some(goal) = goal.filter(|g| !goal_ids.contains(g)) {
                problems.push(format!(
                    "{what} serves the goal {goal}, which is not in the file"
                ));
            }
        };

        let mut planned: HashMap<&str, &Id> = HashMap::new();
        for meeting in &self.meetings {
            let what = format!("meeting {}", meeting.id);
            mentor_ref(&what, &meeting.mentor, &mut problems);
            if meeting.held && meeting.date.is_none() {
                problems.push(format!("{what} was held but has no date"));
            }
            if !meeting.held
                && let Some(first) = planned.insert(&meeting.mentor, &meeting.id)
            {
                problems.push(format!(
                    "{what} is planned with {:?}, who already has the planned meeting {first}; \
                     only one meeting with a mentor is planned at a time",
                    meeting.mentor
                ));
            }
            check_date(&what, "date", meeting.date, &mut problems);
            if let Err(err) = check_topics(&meeting.topics) {
                problems.push(format!("{what}: the topics: {err}"));
            }
            for checkin in &meeting.checkins {
                if !commitment_ids.contains(&checkin.action) {
                    problems.push(format!(
                        "{what} reports on the commitment {}, which is not in the file",
                        checkin.action
                    ));
                }
                let field = format!("check-in note on {}", checkin.action);
                check_optional_text(&what, &field, checkin.note.as_deref(), &mut problems);
            }
            for action in &meeting.actions {
                check_action(action, &mut problems);
                goal_ref(
                    &format!("commitment {}", action.id),
                    action.goal.as_ref(),
                    &mut problems,
                );
                if let Some(slug) = &action.mentor {
                    mentor_ref(&format!("commitment {}", action.id), slug, &mut problems);
                }
            }
        }
        for action in &self.unattached {
            check_action(action, &mut problems);
            goal_ref(
                &format!("commitment {}", action.id),
                action.goal.as_ref(),
                &mut problems,
            );
            match &action.mentor {
                Some(slug) => mentor_ref(&format!("commitment {}", action.id), slug, &mut problems),
                None => problems.push(format!(
                    "commitment {} was made outside any meeting but names no mentor",
                    action.id
                )),
            }
        }
        for entry in &self.entries {
            let what = format!("entry {}", entry.id);
            if let Some(slug) = &entry.mentor {
                mentor_ref(&what, slug, &mut problems);
            }
            if let Some(action) = entry
                .action
                .as_ref()
                .filter(|a| !commitment_ids.contains(a))
            {
                problems.push(format!(
                    "{what} is about the commitment {action}, which is not in the file"
                ));
            }
            if let Some(meeting) = entry.meeting.as_ref().filter(|m| !meeting_ids.contains(m)) {
                problems.push(format!(
                    "{what} was taken at the meeting {meeting}, which is not in the file"
                ));
            }
            if let Some(about) = entry.about.as_ref().filter(|a| !entry_ids.contains(a)) {
                problems.push(format!(
                    "{what} tells the outcome of the entry {about}, which is not in the file"
                ));
            }
            goal_ref(&what, entry.goal.as_ref(), &mut problems);
            if let Kind::Other(kind) = &entry.kind {
                problems.push(format!(
                    "{what}: the kind {kind:?} is not one this version knows ({})",
                    Kind::KNOWN
                        .iter()
                        .map(Kind::as_str)
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            check_date(&what, "date", Some(entry.date), &mut problems);
            check_text(&what, "text", &entry.text, &mut problems);
            for option in &entry.options {
                check_text(&what, "option", option, &mut problems);
            }
            check_optional_text(&what, "input", entry.input.as_deref(), &mut problems);
            check_optional_text(&what, "why", entry.why.as_deref(), &mut problems);
        }
        for topic in &self.later {
            let what = format!("queued topic {}", topic.id);
            mentor_ref(&what, &topic.mentor, &mut problems);
            check_date(&what, "added date", Some(topic.added), &mut problems);
            check_text(&what, "text", &topic.text, &mut problems);
        }
        for goal in &self.goals {
            let what = format!("goal {}", goal.id);
            if let Some(slug) = &goal.mentor {
                mentor_ref(&what, slug, &mut problems);
            }
            check_text(&what, "text", &goal.text, &mut problems);
            check_optional_text(&what, "measure", goal.measure.as_deref(), &mut problems);
            check_date(&what, "created date", Some(goal.created), &mut problems);
            check_date(&what, "by date", Some(goal.by), &mut problems);
            for rating in &goal.ratings {
                check_date(&what, "rating date", Some(rating.on), &mut problems);
                if !SCORES.contains(&rating.score) {
                    problems.push(format!(
                        "{what}: the rating of {} is {}; a rating is a whole number from 1 to 5",
                        rating.on, rating.score
                    ));
                }
                let field = format!("note of the rating of {}", rating.on);
                check_optional_text(&what, &field, rating.note.as_deref(), &mut problems);
            }
        }
        problems
    }
}

fn check_action(action: &Action, problems: &mut Vec<String>) {
    let what = format!("commitment {}", action.id);
    check_text(&what, "text", &action.text, problems);
    check_date(&what, "created date", Some(action.created), problems);
    check_date(&what, "due date", action.due, problems);
    for change in &action.history {
        check_date(&what, "history date", Some(change.on), problems);
        let field = format!("note of {}", change.on);
        check_optional_text(&what, &field, change.note.as_deref(), problems);
    }
}

/// A free text follows the rule every command applies (see
/// [`text::check`]): not empty, not over the limit.
fn check_text(what: &str, field: &str, value: &str, problems: &mut Vec<String>) {
    if let Err(err) = text::check(value) {
        problems.push(format!("{what}: the {field} {err}"));
    }
}

fn check_optional_text(what: &str, field: &str, value: Option<&str>, problems: &mut Vec<String>) {
    if let Some(value) = value {
        check_text(what, field, value, problems);
    }
}

/// See [`dates::in_files_range`].
fn check_date(what: &str, field: &str, date: Option<NaiveDate>, problems: &mut Vec<String>) {
    if let Some(date) = date.filter(|d| !dates::in_files_range(*d)) {
        problems.push(format!(
            "{what}: the {field} {date} is outside the years 1 to 9999"
        ));
    }
}

/// A slug is what file names are made of: it must not reach outside the
/// data folder or be a name the file system refuses.
fn is_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 64
        && !slug.starts_with('-')
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Collects the IDs of one kind, reporting malformed ones and any that is
/// already in `all` (the IDs of every kind so far, by their lowercase
/// form): the same ID twice, on two kinds, or in two cases would make an
/// ID that `edit` cannot tell apart.
fn unique_ids<'a>(
    kind: &'static str,
    ids: impl Iterator<Item = &'a Id>,
    all: &mut HashMap<String, (&'static str, &'a Id)>,
    problems: &mut Vec<String>,
) -> HashSet<&'a Id> {
    let mut seen = HashSet::new();
    for id in ids {
        let text = id.as_str();
        if text.is_empty()
            || text.chars().count() > 64
            || text.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            problems.push(format!(
                "a {kind} has the ID {text:?}; an ID is one short word"
            ));
            continue;
        }
        seen.insert(id);
        let Some(&(other_kind, other)) = all.get(&text.to_lowercase()) else {
            all.insert(text.to_lowercase(), (kind, id));
            continue;
        };
        if other == id && other_kind == kind {
            problems.push(format!("two records of kind {kind} have the ID {text}"));
        } else if other == id {
            problems.push(format!(
                "the ID {text} is on a {other_kind} and on a {kind}; every record needs an ID of its own"
            ));
        } else {
            problems.push(format!(
                "the IDs {other} ({other_kind}) and {text} ({kind}) differ only in case; \
                 mentee cannot tell them apart"
            ));
        }
    }
    seen
}
