//! The kinds of nudge, by the names used to silence them.

use serde::Serialize;
use std::fmt;

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

    /// The words a silence list may hold: every kind, in order, then
    /// [`ALL`].
    pub fn words() -> impl Iterator<Item = &'static str> {
        Kind::EVERY
            .into_iter()
            .map(Kind::as_str)
            .chain(std::iter::once(ALL))
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_from_its_name() {
        for kind in Kind::EVERY {
            assert_eq!(Kind::parse(&kind.as_str().to_uppercase()), Some(kind));
            assert_eq!(
                serde_json::to_value(kind).expect("json"),
                serde_json::json!(kind.as_str())
            );
        }
        assert_eq!(Kind::words().last(), Some(ALL));
        assert_eq!(Kind::words().count(), Kind::EVERY.len() + 1);
    }
}
