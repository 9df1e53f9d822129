//! Nudges: short reminders of the practice a mentee wants to keep (SPEC §6),
//! each with the one command that acts on it.
//!
//! Everything here is decided from values the caller loaded: mentors,
//! meetings, commitments, the latest journal entry per mentor ([`LatestEntries`])
//! and today's date. The rules, and why the numbers are what they are:
//!
//! | kind | shows when |
//! |---|---|
//! | `unreported` | a commitment from the last meeting held (before today) with an active mentor has no report yet |
//! | `overdue` | an open commitment is past its due date |
//! | `carried` | an open commitment has been carried over [`CARRIED`] meetings or more |
//! | `cadence` | no meeting is planned and the cadence says one is due within [`CADENCE_AHEAD`] days (or was due already): time to plan, before it is late |
//! | `quiet` | no meeting and nothing logged for an active mentor for more than twice the cadence ([`QUIET_DEFAULT`] days without one) |
//! | `keep-in-touch` | a relationship ended more than [`KEEP_IN_TOUCH`] days ago and nothing was logged for them, nor a meeting held, since; it stays until something is |
//! | `vague` | a topic of a planned agenda is very short or a catch-all |
//! | `mid-term` | the middle of a relationship with a start and an end passed less than [`MID_TERM`] days ago |
//! | `closing` | a relationship ends within [`CLOSING_AHEAD`] days or ended less than [`MID_TERM`] days ago: time for the closing review |
//!
//! A commitment gets at most one nudge: carried, else overdue, else
//! unreported. Silenced kinds (per mentor in `mentors.toml`, for everyone in
//! `settings.toml`) are dropped before that choice, so silencing `overdue`
//! lets the `unreported` reminder through.

use crate::model::commitment::Commitment;
use crate::model::dates::Direction;
use crate::model::id::Id;
use crate::model::journal::LatestEntries;
use crate::model::meeting::{Meeting, last_held, planned};
use crate::model::mentor::Mentor;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Meetings a commitment may be carried over before it gets a nudge.
pub const CARRIED: usize = 3;
/// A meeting due by cadence gets a nudge this many days ahead, so there is
/// time to plan it.
pub const CADENCE_AHEAD: i64 = 2;
/// Days without an entry for a mentor that has no cadence.
pub const QUIET_DEFAULT: i64 = 30;
/// Days after a relationship ended before the keep-in-touch nudge.
pub const KEEP_IN_TOUCH: i64 = 90;
/// Days the mid-term nudge shows from the middle of the relationship, and
/// the closing one after its end.
pub const MID_TERM: i64 = 14;
/// Days before the end of a relationship that the closing nudge shows.
pub const CLOSING_AHEAD: i64 = 7;
/// The word that silences every kind.
pub const ALL: &str = "all";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Unreported,
    Overdue,
    Carried,
    Cadence,
    Quiet,
    KeepInTouch,
    Vague,
    MidTerm,
    Closing,
}

impl Kind {
    /// Every kind, in the order nudges are shown.
    pub const EVERY: [Kind; 9] = [
        Kind::Unreported,
        Kind::Overdue,
        Kind::Carried,
        Kind::Cadence,
        Kind::Quiet,
        Kind::KeepInTouch,
        Kind::Vague,
        Kind::MidTerm,
        Kind::Closing,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Unreported => "unreported",
            Kind::Overdue => "overdue",
            Kind::Carried => "carried",
            Kind::Cadence => "cadence",
            Kind::Quiet => "quiet",
            Kind::KeepInTouch => "keep-in-touch",
            Kind::Vague => "vague",
            Kind::MidTerm => "mid-term",
            Kind::Closing => "closing",
        }
    }

    pub fn parse(text: &str) -> Option<Kind> {
        let text = text.trim();
        Kind::EVERY
            .into_iter()
            .find(|kind| kind.as_str().eq_ignore_ascii_case(text))
    }

    /// When it shows, in a few words, for `mentee nudge list`.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Unreported => "a commitment from the last meeting has no report yet",
            Kind::Overdue => "an open commitment is past its due date",
            Kind::Carried => "a commitment was carried over 3 meetings or more",
            Kind::Cadence => "a meeting is due by your cadence and none is planned",
            Kind::Quiet => {
                "nothing logged for a mentor for twice the cadence (30 days without one)"
            }
            Kind::KeepInTouch => "90 days after a relationship ended, with nothing logged since",
            Kind::Vague => "a planned topic is very short or a catch-all",
            Kind::MidTerm => {
                "the first 14 days after the middle of a relationship with an end date"
            }
            Kind::Closing => "from 7 days before a relationship ends to 14 days after",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One reminder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Nudge {
    pub kind: Kind,
    /// The mentor's slug.
    pub mentor: String,
    /// The commitment it is about, for the kinds about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commitment: Option<Id>,
    /// What to do and why, as a sentence.
    pub message: String,
    /// The command that acts on it.
    pub command: String,
}

/// Everything the nudges are decided from.
pub struct Sources<'a> {
    pub mentors: &'a [Mentor],
    pub meetings: &'a [Meeting],
    pub commitments: &'a [Commitment],
    pub contact: &'a LatestEntries,
    pub today: NaiveDate,
}

/// Every nudge that is not silenced, in the order to show them.
pub fn all(sources: &Sources<'_>, everywhere: &[String]) -> Vec<Nudge> {
    let Sources {
        mentors,
        meetings,
        commitments,
        contact,
        today,
    } = *sources;
    let mut found = about_commitments(mentors, meetings, commitments, today);
    for mentor in mentors {
        found.extend(cadence(mentor, meetings, today));
        found.extend(quiet(mentor, meetings, contact, today));
        found.extend(keep_in_touch(mentor, meetings, contact, today));
        found.extend(
            planned(meetings, &mentor.slug)
                .into_iter()
                .flat_map(|m| vague(mentor, m)),
        );
        found.extend(mid_term(mentor, today));
        found.extend(closing(mentor, today));
    }
    settle(found, mentors, everywhere)
}

/// Drops silenced nudges, orders the rest by kind (then mentor, as listed),
/// and keeps one nudge per commitment.
pub fn settle(mut found: Vec<Nudge>, mentors: &[Mentor], everywhere: &[String]) -> Vec<Nudge> {
    let by_slug: HashMap<&str, (usize, &Mentor)> = mentors
        .iter()
        .enumerate()
        .map(|(i, m)| (m.slug.as_str(), (i, m)))
        .collect();
    found.retain(|n| {
        !is_silenced(
            n.kind,
            by_slug.get(n.mentor.as_str()).map(|e| e.1),
            everywhere,
        )
    });
    // The strongest reason first, so that it is the one kept.
    found.sort_by_key(|n| match n.kind {
        Kind::Carried => 0,
        Kind::Overdue => 1,
        _ => 2,
    });
    let mut seen: HashSet<Id> = HashSet::new();
    found.retain(|n| match &n.commitment {
        Some(id) => seen.insert(id.clone()),
        None => true,
    });
    found.sort_by_key(|n| {
        (
            n.kind,
            by_slug.get(n.mentor.as_str()).map_or(usize::MAX, |e| e.0),
        )
    });
    found
}

/// Is this kind silenced for everyone, or for this mentor? Values are
/// compared without regard to case; unknown ones (a typo, a kind from a
/// newer mentee) silence nothing.
pub fn is_silenced(kind: Kind, mentor: Option<&Mentor>, everywhere: &[String]) -> bool {
    let hits = |list: &[String]| {
        list.iter().any(|word| {
            let word = word.trim();
            word.eq_ignore_ascii_case(ALL) || word.eq_ignore_ascii_case(kind.as_str())
        })
    };
    hits(everywhere) || mentor.is_some_and(|m| hits(&m.silence))
}

/// A silence list with `kind` (or every kind, for `all`) added. Unknown
/// words are kept: they may mean something to a newer mentee.
pub fn silence(list: &[String], kind: Option<Kind>) -> Vec<String> {
    let Some(kind) = kind else {
        let mut out: Vec<String> = list
            .iter()
            .filter(|w| !w.trim().eq_ignore_ascii_case(ALL) && Kind::parse(w).is_none())
            .cloned()
            .collect();
        out.push(ALL.to_string());
        return out;
    };
    let mut out = list.to_vec();
    if !is_silenced(kind, None, list) {
        out.push(kind.as_str().to_string());
    }
    out
}

/// A silence list with `kind` (or every kind, for `all`) taken out. An
/// `all` in the list becomes every other kind.
pub fn unsilence(list: &[String], kind: Option<Kind>) -> Vec<String> {
    let Some(kind) = kind else {
        // Unknown words are kept: they may mean something to a newer mentee.
        return list
            .iter()
            .filter(|w| !w.trim().eq_ignore_ascii_case(ALL) && Kind::parse(w).is_none())
            .cloned()
            .collect();
    };
    let everything = list.iter().any(|w| w.trim().eq_ignore_ascii_case(ALL));
    let mut out: Vec<String> = list
        .iter()
        .filter(|w| !w.trim().eq_ignore_ascii_case(ALL) && Kind::parse(w) != Some(kind))
        .cloned()
        .collect();
    if everything {
        for other in Kind::EVERY.into_iter().filter(|k| *k != kind) {
            if !is_silenced(other, None, &out) {
                out.push(other.as_str().to_string());
            }
        }
    }
    out
}

/// How long a mentor can go without an entry before the `quiet` nudge.
pub fn quiet_days(mentor: &Mentor) -> i64 {
    mentor
        .every
        .map_or(QUIET_DEFAULT, |every| 2 * every.approx_days())
}

/// How far back the journal must be read to decide the `quiet` and
/// `keep-in-touch` nudges: twice the longest cadence (or [`QUIET_DEFAULT`])
/// plus [`KEEP_IN_TOUCH`] days. A relationship that ended before that is
/// judged on that stretch of the journal alone.
pub fn lookback(mentors: &[Mentor], today: NaiveDate) -> NaiveDate {
    let longest = mentors
        .iter()
        .filter(|m| m.is_active(today))
        .map(quiet_days)
        .max()
        .unwrap_or(QUIET_DEFAULT)
        .max(QUIET_DEFAULT);
    today
        .checked_sub_signed(chrono::Duration::days(longest + KEEP_IN_TOUCH))
        .unwrap_or(NaiveDate::MIN)
}

/// The mentors whose latest journal entry can decide a nudge: active ones
/// (for `quiet`) and those whose relationship ended long enough ago with no
/// meeting since (for `keep-in-touch`), leaving out silenced kinds.
pub fn wanted_contacts(
    mentors: &[Mentor],
    meetings: &[Meeting],
    everywhere: &[String],
    today: NaiveDate,
) -> Vec<String> {
    mentors
        .iter()
        .filter(|m| {
            let quiet = m.is_active(today) && !is_silenced(Kind::Quiet, Some(m), everywhere);
            let ended = ended_long_ago(m, today).is_some_and(|until| {
                !met_after(meetings, &m.slug, until, today)
                    && !is_silenced(Kind::KeepInTouch, Some(m), everywhere)
            });
            quiet || ended
        })
        .map(|m| m.slug.clone())
        .collect()
}

fn days(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

fn commitment_label(c: &Commitment) -> String {
    format!("[{}] {}", c.id, one_line(&c.text))
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn name_of<'a>(mentors: &'a [Mentor], slug: &'a str) -> &'a str {
    mentors
        .iter()
        .find(|m| m.slug == slug)
        .map_or(slug, |m| m.name.as_str())
}

/// The nudges about commitments: carried, overdue and unreported, every
/// candidate (see [`settle`] for the one kept per commitment).
pub fn about_commitments(
    mentors: &[Mentor],
    meetings: &[Meeting],
    commitments: &[Commitment],
    today: NaiveDate,
) -> Vec<Nudge> {
    // The last meeting held (up to today) with each mentor.
    let mut last: HashMap<&str, (NaiveDate, &Id)> = HashMap::new();
    for m in meetings.iter().filter(|m| m.held) {
        let Some(date) = m.date.filter(|d| *d <= today) else {
            continue;
        };
        let slot = last.entry(m.mentor.as_str()).or_insert((date, &m.id));
        if date > slot.0 {
            *slot = (date, &m.id);
        }
    }
    let mut out = Vec::new();
    for c in commitments.iter().filter(|c| c.status.is_open()) {
        let name = name_of(mentors, &c.mentor);
        let nudge = |kind: Kind, message: String, command: String| Nudge {
            kind,
            mentor: c.mentor.clone(),
            commitment: Some(c.id.clone()),
            message,
            command,
        };
        let close = format!("mentee action set {} done|dropped", c.id);
        if c.carried >= CARRIED {
            out.push(nudge(
                Kind::Carried,
                format!(
                    "{} has been carried over {} meetings with {name}: close it, carry it, or drop it",
                    commitment_label(c),
                    c.carried
                ),
                close.clone(),
            ));
        }
        if let Some(due) = c.due.filter(|_| c.overdue) {
            out.push(nudge(
                Kind::Overdue,
                format!(
                    "{} was due on {due}: finish it, or drop it if it no longer matters",
                    commitment_label(c)
                ),
                close.clone(),
            ));
        }
        let active = mentors
            .iter()
            .find(|m| m.slug == c.mentor)
            .is_some_and(|m| m.is_active(today));
        let from_last = match (&c.meeting, last.get(c.mentor.as_str())) {
            (Some(made_at), Some((date, id))) => made_at.id == **id && *date < today,
            _ => false,
        };
        if active && from_last && !c.reported() && c.created < today {
            let date = c.meeting.as_ref().and_then(|m| m.date);
            out.push(nudge(
                Kind::Unreported,
                format!(
                    "{}, from your last meeting with {name}{}, has no report yet: say where it stands",
                    commitment_label(c),
                    date.map(|d| format!(" on {d}")).unwrap_or_default()
                ),
                format!(
                    "mentee action set {} done|in-progress|blocked|dropped",
                    c.id
                ),
            ));
        }
    }
    out
}

/// No meeting planned while the cadence says one is due (or soon will be).
pub fn cadence(mentor: &Mentor, meetings: &[Meeting], today: NaiveDate) -> Option<Nudge> {
    let every = mentor.every.filter(|_| mentor.is_active(today))?;
    if planned(meetings, &mentor.slug).is_some() {
        return None;
    }
    let last = last_held(meetings, &mentor.slug, today)?.date?;
    let due = every.shift(last, Direction::Future)?;
    // Not after the term: then the closing review is due instead.
    if days(today, due) > CADENCE_AHEAD || mentor.until.is_some_and(|until| due >= until) {
        return None;
    }
    let when = if due < today {
        format!("was due on {due}")
    } else if due == today {
        "is due today".to_string()
    } else {
        format!("is due on {due}")
    };
    Some(Nudge {
        kind: Kind::Cadence,
        mentor: mentor.slug.clone(),
        commitment: None,
        message: format!(
            "Your next meeting with {} {when} (every {every}) and none is planned: plan it with a specific question",
            mentor.name
        ),
        command: format!("mentee agenda \"TOPIC\" -m {}", mentor.slug),
    })
}

/// Nothing logged for an active mentor for more than twice the cadence.
pub fn quiet(
    mentor: &Mentor,
    meetings: &[Meeting],
    contact: &LatestEntries,
    today: NaiveDate,
) -> Option<Nudge> {
    if !mentor.is_active(today) {
        return None;
    }
    let limit = quiet_days(mentor);
    // A meeting is contact too: the nudge is about going silent.
    let last_met = last_held(meetings, &mentor.slug, today).and_then(|m| m.date);
    let entry = [contact.latest.get(&mentor.slug).copied(), contact.everyone]
        .into_iter()
        .flatten()
        .filter(|d| *d <= today)
        .max();
    // When the relationship started: its `since`, else the first meeting.
    let first_meeting = meetings
        .iter()
        .filter(|m| m.held && m.mentor == mentor.slug)
        .filter_map(|m| m.date)
        .min();
    let start = mentor.since.or(first_meeting).filter(|d| *d <= today)?;
    let since = match entry {
        Some(entry) => Some(entry.max(start)),
        // Nothing found in the part of the journal that was read.
        None if start >= contact.searched_from => Some(start),
        None if days(contact.searched_from, today) >= limit => None,
        None => return None,
    };
    // A meeting is contact too: the nudge is about going silent.
    let since = since.into_iter().chain(last_met).max();
    let (silent_for, when) = match since {
        Some(date) => (days(date, today), format!("since {date}")),
        None => (limit + 1, format!("in more than {limit} days")),
    };
    if silent_for <= limit {
        return None;
    }
    Some(Nudge {
        kind: Kind::Quiet,
        mentor: mentor.slug.clone(),
        commitment: None,
        message: format!(
            "No word to {} {when}, neither a meeting nor an update: send a short update on your progress",
            mentor.name
        ),
        command: format!("mentee update \"...\" -m {}", mentor.slug),
    })
}

/// The end of a relationship that ended more than [`KEEP_IN_TOUCH`] days ago.
fn ended_long_ago(mentor: &Mentor, today: NaiveDate) -> Option<NaiveDate> {
    mentor
        .until
        .filter(|until| !mentor.is_active(today) && days(*until, today) > KEEP_IN_TOUCH)
}

/// Was a meeting held with `slug` after `after` (and by `today`)?
fn met_after(meetings: &[Meeting], slug: &str, after: NaiveDate, today: NaiveDate) -> bool {
    last_held(meetings, slug, today)
        .and_then(|m| m.date)
        .is_some_and(|d| d > after)
}

/// A relationship that ended more than 90 days ago, with nothing since.
pub fn keep_in_touch(
    mentor: &Mentor,
    meetings: &[Meeting],
    contact: &LatestEntries,
    today: NaiveDate,
) -> Option<Nudge> {
    let until = ended_long_ago(mentor, today)?;
    if last_held(meetings, &mentor.slug, today)
        .and_then(|m| m.date)
        .is_some_and(|d| d > until)
    {
        return None;
    }
    // An entry for them. One meant for every mentor went to those still
    // active when it was written, not to them.
    let after_end = |d: &NaiveDate| *d > until && *d <= today;
    if contact.latest.get(&mentor.slug).is_some_and(after_end) {
        return None;
    }
    let since = if until >= contact.searched_from {
        "since".to_string()
    } else if days(contact.searched_from, today) >= KEEP_IN_TOUCH {
        format!("in the last {} days", days(contact.searched_from, today))
    } else {
        // The journal could not be read far enough back to know.
        return None;
    };
    Some(Nudge {
        kind: Kind::KeepInTouch,
        mentor: mentor.slug.clone(),
        commitment: None,
        message: format!(
            "Your mentorship with {} ended on {until} and nothing was logged for them {since}: keep in touch with news of how you are doing",
            mentor.name
        ),
        command: format!("mentee update \"...\" -m {}", mentor.slug),
    })
}

/// Leading words that make a topic a catch-all rather than a question.
const CATCH_ALL_STARTS: &[&str] = &[
    "everything",
    "anything about",
    "anything else",
    "misc",
    "miscellaneous",
    "random",
    "whatever",
    "general",
    "tell me about",
    "any advice",
    "any general",
    "any tips",
    "tips on",
    "help with",
    "catch up",
    "catch-up",
];

/// Phrases that make a topic a catch-all wherever they are.
const CATCH_ALL_ANYWHERE: &[&str] = &[
    "everything about",
    "teach me",
    "general advice",
    "in general",
    "all about",
    "everything you know",
];

/// Does a topic read as vague: fewer than four words, or a catch-all such as
/// "everything about X" or "teach me X"?
pub fn is_vague(topic: &str) -> bool {
    let lower = topic.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '/')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 4 {
        return true;
    }
    let text = format!(" {} ", words.join(" "));
    CATCH_ALL_STARTS
        .iter()
        .any(|start| text.starts_with(&format!(" {start} ")))
        || CATCH_ALL_ANYWHERE
            .iter()
            .any(|phrase| text.contains(&format!(" {phrase} ")))
}

/// A hint for every vague topic of a planned meeting. The command plans the
/// same agenda with that topic replaced.
pub fn vague(mentor: &Mentor, meeting: &Meeting) -> Vec<Nudge> {
    if meeting.held {
        return Vec::new();
    }
    let when = meeting.date.map(|d| format!(" on {d}")).unwrap_or_default();
    meeting
        .topics
        .iter()
        .enumerate()
        .filter(|(_, topic)| is_vague(topic))
        .map(|(i, topic)| {
            let words: Vec<String> = meeting
                .topics
                .iter()
                .enumerate()
                .map(|(j, other)| {
                    if i == j {
                        "\"A SPECIFIC QUESTION\"".to_string()
                    } else {
                        shell_word(other)
                    }
                })
                .collect();
            Nudge {
                kind: Kind::Vague,
                mentor: mentor.slug.clone(),
                commitment: None,
                message: format!(
                    "The topic \"{}\" for your meeting with {}{when} reads as vague: \
                     make it a specific question, such as \"How should I ...?\"",
                    one_line(topic),
                    mentor.name
                ),
                command: format!("mentee agenda {} -m {}", words.join(" "), mentor.slug),
            }
        })
        .collect()
}

/// Halfway through a relationship that has a start and an end.
pub fn mid_term(mentor: &Mentor, today: NaiveDate) -> Option<Nudge> {
    let (since, until) = (mentor.since?, mentor.until?);
    if until <= since || !mentor.is_active(today) {
        return None;
    }
    let middle = since + chrono::Duration::days(days(since, until) / 2);
    if today < middle || days(middle, today) >= MID_TERM {
        return None;
    }
    Some(Nudge {
        kind: Kind::MidTerm,
        mentor: mentor.slug.clone(),
        commitment: None,
        message: format!(
            "Halfway through your mentorship with {} ({since} to {until}): look back on it and share the review",
            mentor.name
        ),
        command: format!("mentee review -m {} --mid", mentor.slug),
    })
}

/// The end of a relationship is near, or just passed: time to look back on
/// the whole of it with the mentor.
pub fn closing(mentor: &Mentor, today: NaiveDate) -> Option<Nudge> {
    let until = mentor.until?;
    let from_end = days(until, today);
    if !(-CLOSING_AHEAD..MID_TERM).contains(&from_end) {
        return None;
    }
    let when = if until > today { "ends" } else { "ended" };
    Some(Nudge {
        kind: Kind::Closing,
        mentor: mentor.slug.clone(),
        commitment: None,
        message: format!(
            "Your mentorship with {} {when} on {until}: look back on the whole of it and share the closing review",
            mentor.name
        ),
        command: format!("mentee review -m {}", mentor.slug),
    })
}

/// A word for a POSIX shell: double quotes when nothing in it is special
/// there, single quotes otherwise.
pub fn shell_word(text: &str) -> String {
    let text = one_line(text);
    if text.contains(['"', '\\', '$', '`', '!']) {
        format!("'{}'", text.replace('\'', "'\\''"))
    } else {
        format!("\"{text}\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::commitment;
    use crate::model::dates::Span;
    use crate::model::meeting::{Action, Status};
    use crate::model::mentor::Role;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn mentor(slug: &str, every: Option<&str>) -> Mentor {
        Mentor {
            name: format!("Name {slug}"),
            slug: slug.to_string(),
            role: Role::Mentor,
            email: None,
            every: every.map(|e| e.parse::<Span>().expect("span")),
            since: None,
            until: None,
            silence: Vec::new(),
        }
    }

    fn held(id: &str, slug: &str, date: &str, actions: Vec<Action>) -> Meeting {
        let mut m = Meeting::planned(Id::from(id), slug, Some(day(date)), vec!["Q?".into()]);
        m.held = true;
        m.actions = actions;
        m
    }

    fn action(id: &str, created: &str, due: Option<&str>) -> Action {
        Action::new(Id::from(id), format!("do {id}"), day(created), due.map(day))
    }

    fn kinds(nudges: &[Nudge]) -> Vec<(Kind, Option<String>)> {
        nudges
            .iter()
            .map(|n| (n.kind, n.commitment.as_ref().map(ToString::to_string)))
            .collect()
    }

    fn contact(latest: &[(&str, &str)], searched_from: &str) -> LatestEntries {
        LatestEntries {
            latest: latest
                .iter()
                .map(|(slug, d)| (slug.to_string(), day(d)))
                .collect(),
            everyone: None,
            searched_from: day(searched_from),
        }
    }

    #[track_caller]
    fn vague_case(topic: &str, expected: bool) {
        assert_eq!(is_vague(topic), expected, "{topic:?}");
    }

    #[test]
    fn short_and_catch_all_topics_are_vague() {
        vague_case("DevOps", true);
        vague_case("teach me DevOps", true);
        vague_case("Career growth", true);
        vague_case("  Anything else?  ", true);
        vague_case("Everything about Kubernetes and our cluster setup", true);
        vague_case("Can you teach me how design reviews work here?", true);
        vague_case("General advice on my career path please", true);
        vague_case("Misc questions from this week", true);
        vague_case("Tell me everything you know about system design", true);
        vague_case("Any general career advice for me?", true);
        vague_case("How should I split the billing service?", false);
        vague_case("What do you look for in a design review?", false);
        vague_case("Review my design doc for the export pipeline", false);
        vague_case("Is there anything I should prepare for the panel?", false);
    }

    #[test]
    fn commitment_nudges_one_per_commitment_and_silence_lets_the_next_through() {
        let alex = mentor("alex", Some("2w"));
        let meetings = vec![
            held(
                "m00001",
                "alex",
                "2026-10-01",
                vec![action("old001", "2026-10-01", None)],
            ),
            held("m00002", "alex", "2026-10-15", vec![]),
            held("m00003", "alex", "2026-10-29", vec![]),
            held(
                "m00004",
                "alex",
                "2026-11-10",
                vec![
                    action("late01", "2026-11-10", Some("2026-11-13")),
                    action("fresh1", "2026-11-10", None),
                ],
            ),
        ];
        let today = day("2026-11-17");
        let commitments = commitment::all(&meetings, &[], today);
        let mentors = vec![alex.clone()];
        let found = about_commitments(&mentors, &meetings, &commitments, today);
        let settled = settle(found.clone(), &mentors, &[]);
        assert_eq!(
            kinds(&settled),
            vec![
                (Kind::Unreported, Some("fresh1".into())),
                (Kind::Overdue, Some("late01".into())),
                (Kind::Carried, Some("old001".into())),
            ]
        );
        assert_eq!(settled[2].command, "mentee action set old001 done|dropped");
        assert!(
            settled[2]
                .message
                .contains("carried over 3 meetings with Name alex")
        );
        // Overdue silenced for everyone: the late one is still unreported.
        let settled = settle(found.clone(), &mentors, &["OVERDUE".into()]);
        assert_eq!(
            kinds(&settled),
            vec![
                (Kind::Unreported, Some("late01".into())),
                (Kind::Unreported, Some("fresh1".into())),
                (Kind::Carried, Some("old001".into())),
            ]
        );
        // Everything silenced for this mentor.
        let mut quiet_alex = alex;
        quiet_alex.silence = vec!["all".into()];
        assert!(settle(found, &[quiet_alex], &[]).is_empty());
        // On the day of the meeting nothing is unreported yet.
        let commitments = commitment::all(&meetings, &[], day("2026-11-10"));
        let same_day = about_commitments(&mentors, &meetings, &commitments, day("2026-11-10"));
        assert!(
            same_day.iter().all(|n| n.kind != Kind::Unreported),
            "{same_day:?}"
        );
    }

    #[test]
    fn reported_and_closed_commitments_get_no_nudge() {
        let mut meeting = held(
            "m00001",
            "alex",
            "2026-11-01",
            vec![
                action("aaaaaa", "2026-11-01", Some("2026-11-05")),
                action("bbbbbb", "2026-11-01", None),
            ],
        );
        meeting.actions[0].set_status(Status::Done, day("2026-11-04"), None);
        meeting.actions[1].set_status(Status::InProgress, day("2026-11-04"), None);
        let meetings = vec![meeting];
        let today = day("2026-11-20");
        let commitments = commitment::all(&meetings, &[], today);
        let mentors = vec![mentor("alex", None)];
        assert!(about_commitments(&mentors, &meetings, &commitments, today).is_empty());
    }

    #[test]
    fn cadence_nudges_two_days_ahead_unless_a_meeting_is_planned() {
        let alex = mentor("alex", Some("2w"));
        let mut meetings = vec![held("m00001", "alex", "2026-11-10", vec![])];
        assert_eq!(cadence(&alex, &meetings, day("2026-11-21")), None);
        let nudge = cadence(&alex, &meetings, day("2026-11-22")).expect("two days ahead");
        assert!(
            nudge.message.contains("is due on 2026-11-24 (every 2w)"),
            "{nudge:?}"
        );
        assert_eq!(nudge.command, "mentee agenda \"TOPIC\" -m alex");
        let late = cadence(&alex, &meetings, day("2026-11-30")).expect("late");
        assert!(late.message.contains("was due on 2026-11-24"), "{late:?}");
        meetings.push(Meeting::planned(Id::from("m00002"), "alex", None, vec![]));
        assert_eq!(cadence(&alex, &meetings, day("2026-11-30")), None);
        // No cadence, or never met: nothing to go by.
        assert_eq!(
            cadence(&mentor("alex", None), &meetings[..1], day("2026-12-30")),
            None
        );
        assert_eq!(cadence(&alex, &[], day("2026-12-30")), None);
    }

    #[test]
    fn quiet_after_twice_the_cadence_or_thirty_days() {
        let mut alex = mentor("alex", Some("2w"));
        alex.since = Some(day("2026-06-01"));
        let meetings = vec![];
        let seen = contact(&[("alex", "2026-10-01")], "2026-06-01");
        assert_eq!(quiet(&alex, &meetings, &seen, day("2026-10-29")), None);
        let nudge = quiet(&alex, &meetings, &seen, day("2026-10-30")).expect("29 days");
        assert!(nudge.message.contains("since 2026-10-01"), "{nudge:?}");
        assert_eq!(nudge.command, "mentee update \"...\" -m alex");
        // An update for every mentor counts too.
        let mut everyone = seen.clone();
        everyone.everyone = Some(day("2026-10-20"));
        assert_eq!(quiet(&alex, &meetings, &everyone, day("2026-10-30")), None);
        // Without a cadence: 30 days.
        let mut priya = mentor("priya", None);
        priya.since = Some(day("2026-06-01"));
        let seen = contact(&[("priya", "2026-10-01")], "2026-06-01");
        assert_eq!(quiet(&priya, &meetings, &seen, day("2026-10-31")), None);
        assert!(quiet(&priya, &meetings, &seen, day("2026-11-01")).is_some());
        // Nothing found in the stretch read, which started after `since`.
        let unseen = contact(&[], "2026-07-01");
        let nudge = quiet(&priya, &meetings, &unseen, day("2026-11-01")).expect("nudge");
        assert!(nudge.message.contains("in more than 30 days"), "{nudge:?}");
        // The stretch read is too short to know (a broken month file).
        let short = contact(&[], "2026-10-20");
        assert_eq!(quiet(&priya, &meetings, &short, day("2026-11-01")), None);
        // No start known at all: no nudge.
        assert_eq!(
            quiet(&mentor("sam", None), &[], &unseen, day("2026-11-01")),
            None
        );
    }

    #[test]
    fn keep_in_touch_ninety_days_after_the_end_until_something_is_logged() {
        let mut jordan = mentor("jordan", Some("4w"));
        jordan.until = Some(day("2026-06-30"));
        let nothing = contact(&[], "2026-05-01");
        assert_eq!(
            keep_in_touch(&jordan, &[], &nothing, day("2026-09-28")),
            None
        );
        let nudge = keep_in_touch(&jordan, &[], &nothing, day("2026-09-29")).expect("91 days");
        assert!(
            nudge
                .message
                .contains("ended on 2026-06-30 and nothing was logged for them since")
        );
        let before = contact(&[("jordan", "2026-06-20")], "2026-05-01");
        assert!(keep_in_touch(&jordan, &[], &before, day("2026-09-29")).is_some());
        let after = contact(&[("jordan", "2026-07-20")], "2026-05-01");
        assert_eq!(keep_in_touch(&jordan, &[], &after, day("2027-09-29")), None);
        let met = vec![held("m00001", "jordan", "2026-08-01", vec![])];
        assert_eq!(
            keep_in_touch(&jordan, &met, &nothing, day("2027-09-29")),
            None
        );
        // Ended long before the stretch of journal read.
        let recent = contact(&[], "2027-04-01");
        let nudge = keep_in_touch(&jordan, &[], &recent, day("2027-09-29")).expect("nudge");
        assert!(nudge.message.contains("in the last 181 days"), "{nudge:?}");
        // Active relationships never get it.
        assert_eq!(
            keep_in_touch(&mentor("alex", None), &[], &nothing, day("2027-09-29")),
            None
        );
    }

    #[test]
    fn mid_term_shows_for_two_weeks_from_the_middle() {
        let mut alex = mentor("alex", None);
        alex.since = Some(day("2026-01-01"));
        alex.until = Some(day("2026-12-31"));
        // 364 days: the middle is 182 days in, 2026-07-02.
        assert_eq!(mid_term(&alex, day("2026-07-01")), None);
        let nudge = mid_term(&alex, day("2026-07-02")).expect("the middle");
        assert_eq!(nudge.command, "mentee review -m alex --mid");
        assert!(mid_term(&alex, day("2026-07-15")).is_some());
        assert_eq!(mid_term(&alex, day("2026-07-16")), None);
        alex.until = None;
        assert_eq!(mid_term(&alex, day("2026-07-02")), None);
    }

    #[test]
    fn a_vague_topic_gets_a_command_that_keeps_the_other_topic() {
        let alex = mentor("alex", None);
        let meeting = Meeting::planned(
            Id::from("m00001"),
            "alex",
            Some(day("2026-11-24")),
            vec![
                "Why does \"$HOME\" matter for our deploys?".into(),
                "DevOps".into(),
            ],
        );
        let nudges = vague(&alex, &meeting);
        assert_eq!(nudges.len(), 1);
        assert_eq!(
            nudges[0].command,
            "mentee agenda 'Why does \"$HOME\" matter for our deploys?' \"A SPECIFIC QUESTION\" -m alex"
        );
        assert!(
            nudges[0]
                .message
                .contains("\"DevOps\" for your meeting with Name alex on 2026-11-24")
        );
        assert_eq!(shell_word("it's fine"), "\"it's fine\"");
        assert_eq!(shell_word("it's $5"), "'it'\\''s $5'");
    }

    #[test]
    fn silence_lists_add_and_take_out_kinds() {
        let list = silence(&[], Some(Kind::Quiet));
        assert_eq!(list, ["quiet"]);
        assert_eq!(silence(&list, Some(Kind::Quiet)), ["quiet"]);
        assert_eq!(silence(&list, None), ["all"]);
        assert_eq!(silence(&["later-kind".into()], None), ["later-kind", "all"]);
        assert!(unsilence(&list, Some(Kind::Quiet)).is_empty());
        let all_but_vague = unsilence(&["all".into()], Some(Kind::Vague));
        assert_eq!(all_but_vague.len(), Kind::EVERY.len() - 1);
        assert!(!is_silenced(Kind::Vague, None, &all_but_vague));
        assert!(is_silenced(Kind::Quiet, None, &all_but_vague));
        // Unknown words stay: a newer mentee may know them.
        assert_eq!(
            unsilence(&["later-kind".into(), "quiet".into()], None),
            ["later-kind"]
        );
    }

    #[test]
    fn the_journal_is_read_back_twice_the_longest_cadence_and_ninety_days() {
        let today = day("2026-11-22");
        let mentors = vec![mentor("a", Some("2w")), mentor("b", Some("1m"))];
        assert_eq!(lookback(&mentors, today), day("2026-06-25"));
        assert_eq!(lookback(&[], today), today - chrono::Duration::days(120));
        let mut ended = mentor("c", None);
        ended.until = Some(day("2026-01-01"));
        let mut silenced = mentor("d", None);
        silenced.silence = vec!["quiet".into()];
        let all = vec![mentor("a", None), ended, silenced];
        assert_eq!(wanted_contacts(&all, &[], &[], today), ["a", "c"]);
        assert_eq!(
            wanted_contacts(&all, &[], &["keep-in-touch".into()], today),
            ["a"]
        );
    }
}
