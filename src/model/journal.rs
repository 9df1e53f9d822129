//! Journal entries: progress updates, wins, thank-you notes and meeting notes.

use crate::model::dates::toml_date;
use crate::model::id::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
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
    pub text: String,
}

/// What an entry is. Kinds written by a newer mentee are kept as they are.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Kind {
    Update,
    Win,
    Thanks,
    Note,
    Other(String),
}

impl Kind {
    pub fn as_str(&self) -> &str {
        match self {
            Kind::Update => "update",
            Kind::Win => "win",
            Kind::Thanks => "thanks",
            Kind::Note => "note",
            Kind::Other(other) => other,
        }
    }

    /// Updates and wins are what a progress report is made of.
    pub fn is_progress(&self) -> bool {
        matches!(self, Kind::Update | Kind::Win)
    }
}

impl From<String> for Kind {
    fn from(text: String) -> Self {
        match text.as_str() {
            "update" => Kind::Update,
            "win" => Kind::Win,
            "thanks" => Kind::Thanks,
            "note" => Kind::Note,
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
