//! Completions that know the journal: mentor names after `-m`, commitment,
//! goal and advice IDs where a command takes one, any record's ID after
//! `edit`. Each candidate carries its text as a description, which zsh and
//! fish show beside it.
//!
//! The shell asks on every Tab (`COMPLETE=bash mentee -- mentee action done
//! ''`, see [`clap_complete::CompleteEnv`]), so a completer must be quick and
//! must never get in the way: it reads the data folder through the store as
//! any listing does (the index in the cache folder is used and kept up to
//! date, which is as safe as running `mentee action list`), never takes the
//! lock and never writes a data file. A missing or broken data folder, a bad
//! `$MENTEE_TODAY`: no candidates, and nothing printed.
//!
//! The data folder is the one the command line being completed names with
//! `--dir`, else $MENTEE_DIR, else the default, as for the command itself.

use crate::context;
use crate::model::commitment;
use crate::model::goal::GoalStatus;
use crate::model::id::Id;
use crate::model::journal::{Entry, Kind};
use crate::model::ledger::Ledger;
use crate::model::meeting::Meeting;
use crate::render::text;
use crate::store::Store;
use chrono::{Days, NaiveDate};
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

/// How long a description may be before it is cut: a shell shows it on the
/// same line as the value.
const DESCRIPTION_CHARS: usize = 60;
/// Without a typed prefix, journal entries from this many days back are
/// offered; with one, every entry whose ID starts with it.
const RECENT_ENTRY_DAYS: u64 = 31;
/// Without a typed prefix, advice from this many days back is offered.
const RECENT_ADVICE_DAYS: u64 = 365;

/// `-m/--mentor` and `mentor end NAME`: mentor slugs, the name as the
/// description. What was typed matches the slug or the name, in any case.
pub fn mentors() -> ArgValueCompleter {
    ArgValueCompleter::new(mentor_candidates)
}

/// `action done|drop`: the open commitments.
pub fn open_commitments() -> ArgValueCompleter {
    ArgValueCompleter::new(|typed: &OsStr| commitments(typed, Some(true)))
}

/// `action reopen`: the done and dropped commitments.
pub fn closed_commitments() -> ArgValueCompleter {
    ArgValueCompleter::new(|typed: &OsStr| commitments(typed, Some(false)))
}

/// `action set`: every commitment.
pub fn any_commitment() -> ArgValueCompleter {
    ArgValueCompleter::new(|typed: &OsStr| commitments(typed, None))
}

/// `goal rate|done|drop` and `action add --goal`: the active goals.
pub fn active_goals() -> ArgValueCompleter {
    ArgValueCompleter::new(|typed: &OsStr| goals(typed, true))
}

/// `goal reopen`: the goals done or dropped.
pub fn closed_goals() -> ArgValueCompleter {
    ArgValueCompleter::new(|typed: &OsStr| goals(typed, false))
}

/// `outcome`: advice from the last year, or of any age once part of its
/// ID is typed.
pub fn advice() -> ArgValueCompleter {
    ArgValueCompleter::new(advice_candidates)
}

/// Any record's ID (meeting, commitment, journal entry, goal). Without a
/// typed prefix only what is live or recent is offered (planned and recent
/// meetings, open commitments, active goals, this month's entries), so the
/// list stays short; once part of an ID is typed, every record matches.
pub fn any_id() -> ArgValueCompleter {
    ArgValueCompleter::new(|typed: &OsStr| any_id_candidates(typed))
}

/// `edit`: the names of the files it opens, then any record's ID.
pub fn edit_targets() -> ArgValueCompleter {
    ArgValueCompleter::new(|typed: &OsStr| {
        let typed_str = typed.to_string_lossy();
        let mut found: Vec<CompletionCandidate> = EDIT_WORDS
            .iter()
            .filter(|(word, _)| word.starts_with(typed_str.as_ref()))
            .map(|(word, help)| candidate(word, help))
            .collect();
        found.extend(any_id_candidates(typed));
        found
    })
}

/// The names `mentee edit` takes besides dates and IDs.
const EDIT_WORDS: [(&str, &str); 6] = [
    ("mentors", "the mentors file"),
    ("next", "the planned meeting"),
    ("actions", "commitments made outside any meeting"),
    ("goals", "the goals file"),
    ("later", "topics queued for a future meeting"),
    ("settings", "nudges silenced for everyone"),
];

// ---- what each completer reads ----------------------------------------------

/// The store of the data folder the command line names, if one can be
/// opened; `None` (no candidates) otherwise.
fn store() -> Option<Store> {
    let dir = typed_dir(&std::env::args_os().collect::<Vec<_>>());
    let dir = context::data_dir(dir).ok()?;
    // Nothing to offer from a folder that is not there; and the index of
    // a folder that does not exist is not worth making.
    dir.is_dir().then(|| context::open_store(dir))
}

fn today() -> Option<NaiveDate> {
    context::today().ok()
}

fn mentor_candidates(typed: &OsStr) -> Vec<CompletionCandidate> {
    let typed = typed.to_string_lossy().to_lowercase();
    let (Some(store), Some(today)) = (store(), today()) else {
        return Vec::new();
    };
    let Ok(mut mentors) = store.mentors() else {
        return Vec::new();
    };
    // Active mentors first, each group by name.
    mentors.sort_by_key(|m| (!m.is_active(today), m.name.to_lowercase()));
    mentors
        .iter()
        .filter(|m| {
            m.slug.to_lowercase().starts_with(&typed) || m.name.to_lowercase().starts_with(&typed)
        })
        .map(|m| {
            let help = if m.is_active(today) {
                m.name.clone()
            } else {
                format!("{} (ended)", m.name)
            };
            candidate(&m.slug, &help)
        })
        .collect()
}

/// Commitments whose ID starts with `typed`; `open` keeps only the open
/// (`Some(true)`) or the closed (`Some(false)`) ones.
fn commitments(typed: &OsStr, open: Option<bool>) -> Vec<CompletionCandidate> {
    let typed = typed.to_string_lossy();
    let (Some(store), Some(today)) = (store(), today()) else {
        return Vec::new();
    };
    let Ok(ledger) = Ledger::load(&store) else {
        return Vec::new();
    };
    let mut list: Vec<_> = ledger
        .commitments(today)
        .into_iter()
        .filter(|c| open.is_none_or(|open| c.status.is_open() == open))
        .filter(|c| typed_prefix(&c.id, &typed))
        .collect();
    commitment::sort_for_listing(&mut list);
    list.iter()
        .map(|c| candidate(c.id.as_str(), &c.text))
        .collect()
}

fn goals(typed: &OsStr, active: bool) -> Vec<CompletionCandidate> {
    let typed = typed.to_string_lossy();
    let Some(store) = store() else {
        return Vec::new();
    };
    let Ok(goals) = store.goals() else {
        return Vec::new();
    };
    goals
        .iter()
        .filter(|g| (g.status == GoalStatus::Active) == active)
        .filter(|g| typed_prefix(&g.id, &typed))
        .map(|g| candidate(g.id.as_str(), &g.text))
        .collect()
}

fn advice_candidates(typed: &OsStr) -> Vec<CompletionCandidate> {
    let typed = typed.to_string_lossy();
    let Some(store) = store() else {
        return Vec::new();
    };
    entries(&store, &typed, RECENT_ADVICE_DAYS)
        .iter()
        .filter(|e| e.kind == Kind::Advice)
        .map(|e| candidate(e.id.as_str(), &e.text))
        .collect()
}

fn any_id_candidates(typed: &OsStr) -> Vec<CompletionCandidate> {
    let typed = typed.to_string_lossy();
    if !typed.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Vec::new();
    }
    let (Some(store), Some(today)) = (store(), today()) else {
        return Vec::new();
    };
    let everything = !typed.is_empty();
    let mut found = Vec::new();
    if let Ok(ledger) = Ledger::load(&store) {
        let recent = today.checked_sub_days(Days::new(RECENT_ENTRY_DAYS));
        let meetings = ledger.meetings.iter().rev().filter(|m| {
            everything || !m.held || m.date.is_some_and(|d| recent.is_none_or(|r| d >= r))
        });
        for meeting in meetings.filter(|m| typed_prefix(&m.id, &typed)) {
            let help = meeting_help(meeting, ledger.mentor_name(&meeting.mentor));
            found.push(candidate(meeting.id.as_str(), &help));
        }
        let mut list: Vec<_> = ledger
            .commitments(today)
            .into_iter()
            .filter(|c| everything || c.status.is_open())
            .filter(|c| typed_prefix(&c.id, &typed))
            .collect();
        commitment::sort_for_listing(&mut list);
        for c in &list {
            found.push(candidate(c.id.as_str(), &format!("commitment: {}", c.text)));
        }
    }
    if let Ok(goals) = store.goals() {
        let goals = goals
            .iter()
            .filter(|g| everything || g.status == GoalStatus::Active)
            .filter(|g| typed_prefix(&g.id, &typed));
        for goal in goals {
            found.push(candidate(goal.id.as_str(), &format!("goal: {}", goal.text)));
        }
    }
    for entry in entries(&store, &typed, RECENT_ENTRY_DAYS) {
        let help = format!("{} {}: {}", entry.kind.as_str(), entry.date, entry.text);
        found.push(candidate(entry.id.as_str(), &help));
    }
    found
}

/// Journal entries, newest first: those whose ID starts with `typed`, or
/// without a typed prefix those of the last `days` days. Either way only
/// the month files that can hold them are read.
fn entries(store: &Store, typed: &str, days: u64) -> Vec<Entry> {
    let found = if typed.is_empty() {
        let from = today().and_then(|t| t.checked_sub_days(Days::new(days)));
        match from {
            Some(from) => store.entries(Some(from), None),
            None => return Vec::new(),
        }
    } else {
        store.entries_with_id(typed)
    };
    let mut found = found.unwrap_or_default();
    found.reverse();
    found
}

fn meeting_help(meeting: &Meeting, mentor: &str) -> String {
    match (meeting.held, meeting.date) {
        (true, Some(date)) => format!("meeting with {mentor} on {date}"),
        (false, Some(date)) => format!("planned meeting with {mentor} on {date}"),
        (_, None) => format!("planned meeting with {mentor}"),
    }
}

/// Whether an ID is offered for what was typed: every ID when nothing is.
fn typed_prefix(id: &Id, typed: &str) -> bool {
    typed.is_empty() || id.matches_prefix(typed)
}

fn candidate(value: &str, help: &str) -> CompletionCandidate {
    CompletionCandidate::new(value).help(Some(description(help).into()))
}

/// A record's text as a description: one line, cleaned of control
/// characters, and cut short with an ellipsis.
fn description(text: &str) -> String {
    let line = text::one_line(text);
    if line.chars().count() <= DESCRIPTION_CHARS {
        return line;
    }
    let cut: String = line.chars().take(DESCRIPTION_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

/// The `--dir` typed on the command line being completed, which the shell
/// passes after `--` (`mentee -- mentee --dir ~/j action done ''`). The
/// last word is the one being completed, so it is not read; nor is
/// anything after a `--` of the command line itself.
fn typed_dir(args: &[OsString]) -> Option<PathBuf> {
    let start = args.iter().position(|a| a == "--")? + 2;
    let words = args.get(start..args.len().saturating_sub(1))?;
    let mut dir = None;
    let mut words = words.iter();
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == "--dir" {
            dir = words.next().map(PathBuf::from);
        } else if let Some(value) = word.to_str().and_then(|w| w.strip_prefix("--dir=")) {
            dir = Some(PathBuf::from(value));
        }
    }
    dir
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::CommandFactory;

    #[track_caller]
    fn dir_case(line: &[&str], expected: Option<&str>) {
        let args: Vec<OsString> = line.iter().map(OsString::from).collect();
        assert_eq!(typed_dir(&args), expected.map(PathBuf::from), "{line:?}");
    }

    #[test]
    fn the_data_folder_is_the_one_typed_before_the_word_completed() {
        dir_case(&["mentee", "--", "mentee", "action", "done", ""], None);
        dir_case(
            &[
                "mentee", "--", "mentee", "--dir", "/j", "action", "done", "",
            ],
            Some("/j"),
        );
        dir_case(
            &["mentee", "--", "mentee", "action", "done", "--dir=/j", "k"],
            Some("/j"),
        );
        dir_case(
            &[
                "mentee", "--", "mentee", "--dir", "/a", "--dir", "/b", "log", "-m", "",
            ],
            Some("/b"),
        );
        // The word being completed is not a folder yet.
        dir_case(&["mentee", "--", "mentee", "--dir", "/j"], None);
        dir_case(&["mentee", "--", "mentee", "--dir=/j"], None);
        // After the command line's own `--`, words are values.
        dir_case(
            &["mentee", "--", "mentee", "update", "--", "--dir", "/j", ""],
            None,
        );
        // Not a completion request.
        dir_case(&["mentee", "--dir", "/j", "log"], None);
    }

    #[test]
    fn a_description_is_one_short_line() {
        assert_eq!(description("Draft\nthe  proposal"), "Draft the proposal");
        let long = "word ".repeat(30);
        let cut = description(&long);
        assert_eq!(cut.chars().count(), DESCRIPTION_CHARS);
        assert!(cut.ends_with("word…"), "{cut}");
        assert_eq!(description("bell\u{7}"), "bell\\u{7}");
    }

    /// Every `-m/--mentor` on the command line, and every argument that takes
    /// an ID, completes from the journal.
    #[test]
    fn every_mentor_and_id_argument_has_a_completer() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                let takes_record = arg.get_id() == "mentor"
                    || arg.get_id() == "id"
                    || (arg.get_long() == Some("goal") || arg.get_long() == Some("action"));
                if takes_record && arg.get::<ArgValueCompleter>().is_none() {
                    missing.push(format!("{path} {}", arg.get_id()));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "mentee", &mut missing);
        assert!(missing.is_empty(), "no completer: {missing:?}");
    }
}
