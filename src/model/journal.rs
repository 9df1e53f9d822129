//! Journal entries: progress updates, wins, thank-you notes, meeting notes,
//! and the practice around them: decisions, advice and how it worked out,
//! and what the mentee gave back.

use crate::model::dates::toml_date;
use crate::model::id::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: Id,
    #[serde(deserialize_with = "toml_date::deserialize")]
    pub date: NaiveDate,
    pub kind: Kind,
    /// The mentor's slug, when the entry is for one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentor: Option<String>,
    /// The commitment this entry reports on or thanks for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Id>,
    /// For notes: the meeting they were taken at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<Id>,
    /// The goal this entry moves forward.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<Id>,
    /// For an outcome: the advice it tells the outcome of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<Id>,
    /// For a decision: the options that were weighed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    /// For a decision: what the mentor said about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<String>,
    /// For a decision: why this option was chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    pub text: String,
    /// The last day it was corrected with `entry set`, if it was.
    #[serde(
        default,
        deserialize_with = "toml_date::option::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub edited: Option<NaiveDate>,
}

impl Entry {
    /// An entry of `kind` with only the essentials; the links are added by
    /// the caller where they apply.
    pub fn new(id: Id, date: NaiveDate, kind: Kind, mentor: Option<String>, text: String) -> Entry {
        Entry {
            id,
            date,
            kind,
            mentor,
            action: None,
            meeting: None,
            goal: None,
            about: None,
            options: Vec::new(),
            input: None,
            why: None,
            text,
            edited: None,
        }
    }
}

/// What an entry is. Kinds written by a newer mentee are kept as they are.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Kind {
    Update,
    Win,
    Thanks,
    Note,
    Decision,
    Advice,
    Outcome,
    Giveback,
    Other(String),
}

impl Kind {
    /// Every kind this mentee writes; anything else is [`Kind::Other`].
    pub const KNOWN: [Kind; 8] = [
        Kind::Update,
        Kind::Win,
        Kind::Thanks,
        Kind::Note,
        Kind::Decision,
        Kind::Advice,
        Kind::Outcome,
        Kind::Giveback,
    ];

    pub fn as_str(&self) -> &str {
        match self {
            Kind::Update => "update",
            Kind::Win => "win",
            Kind::Thanks => "thanks",
            Kind::Note => "note",
            Kind::Decision => "decision",
            Kind::Advice => "advice",
            Kind::Outcome => "outcome",
            Kind::Giveback => "giveback",
            Kind::Other(other) => other,
        }
    }

    /// Updates and wins are what a progress report is made of.
    pub fn is_progress(&self) -> bool {
        matches!(self, Kind::Update | Kind::Win)
    }
}

/// When the journal last spoke to each mentor: the day of the latest entry
/// for each (any kind), and of the latest update or win meant for every
/// mentor. Only part of the journal may have been read, so what is not found
/// is known to be absent only from `searched_from` on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LatestEntries {
    pub latest: HashMap<String, NaiveDate>,
    pub everyone: Option<NaiveDate>,
    pub searched_from: NaiveDate,
}

impl LatestEntries {
    /// Nothing found yet in the journal read from `searched_from` on.
    pub fn new(searched_from: NaiveDate) -> LatestEntries {
        LatestEntries {
            searched_from,
            ..LatestEntries::default()
        }
    }

    /// Counts an entry for the mentor `slug`, of any kind.
    pub fn add_for(&mut self, slug: &str, date: NaiveDate) {
        let slot = self.latest.entry(slug.to_string()).or_insert(date);
        *slot = (*slot).max(date);
    }

    /// Counts an entry for no mentor in particular: an update or a win
    /// reports progress to every mentor; other kinds speak to none of them.
    pub fn add_unaddressed(&mut self, kind: &Kind, date: NaiveDate) {
        if kind.is_progress() {
            let slot = self.everyone.get_or_insert(date);
            *slot = (*slot).max(date);
        }
    }
}

impl From<String> for Kind {
    fn from(text: String) -> Self {
        match text.as_str() {
            "update" => Kind::Update,
            "win" => Kind::Win,
            "thanks" => Kind::Thanks,
            "note" => Kind::Note,
            "decision" => Kind::Decision,
            "advice" => Kind::Advice,
            "outcome" => Kind::Outcome,
            "giveback" => Kind::Giveback,
            _ => Kind::Other(text),
        }
    }
}

impl From<Kind> for String {
    fn from(kind: Kind) -> Self {
        kind.as_str().to_string()
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
