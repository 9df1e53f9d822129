//! Short record IDs: six characters from a 32-letter alphabet without look-alikes.
//!
//! IDs are random rather than sequential so that two copies of the data
//! directory, changed on two machines and merged with git, do not hand the
//! same ID to two records; the store also refuses an ID already in use
//! locally. Randomness is passed in, so this module stays pure.

use serde::{Deserialize, Serialize};
use std::fmt;

const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
pub const LEN: usize = 6;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(String);

impl Id {
    /// Builds an ID from 30 random bits (the top bits of `random` are ignored).
    pub fn from_random(random: u32) -> Id {
        let text = (0..LEN)
            .map(|i| ALPHABET[((random >> (5 * i)) & 31) as usize] as char)
            .collect();
        Id(text)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Does this ID start with what the user typed? Case-insensitive.
    pub fn matches_prefix(&self, typed: &str) -> bool {
        let typed = typed.trim().to_ascii_lowercase();
        !typed.is_empty() && self.0.to_ascii_lowercase().starts_with(&typed)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(text: &str) -> Self {
        Id(text.to_string())
    }
}

/// Everything in `bytes` that looks like a quoted ID (`"k3f9x2"` or
/// `'k3f9x2'`): a cheap, parse-free way to know which IDs a file uses.
pub fn quoted_ids(bytes: &[u8]) -> impl Iterator<Item = Id> + '_ {
    bytes.windows(LEN + 2).filter_map(|w| {
        let quote = w[0];
        let inner = &w[1..=LEN];
        let is_id = (quote == b'"' || quote == b'\'')
            && w[LEN + 1] == quote
            && inner.iter().all(|b| ALPHABET.contains(b));
        is_id.then(|| Id(String::from_utf8_lossy(inner).into_owned()))
    })
}

/// What a lookup by ID prefix found.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup<T> {
    Found(T),
    Missing,
    Ambiguous(Vec<T>),
}

/// Finds the one item whose ID is `typed` or starts with it. An exact match
/// wins over longer IDs that share the prefix.
pub fn lookup<'a, T>(typed: &str, items: impl IntoIterator<Item = (&'a Id, T)>) -> Lookup<T> {
    let mut exact = Vec::new();
    let mut prefixed = Vec::new();
    for (id, item) in items {
        if id.as_str().eq_ignore_ascii_case(typed.trim()) {
            exact.push(item);
        } else if id.matches_prefix(typed) {
            prefixed.push(item);
        }
    }
    let mut found = if exact.is_empty() { prefixed } else { exact };
    match found.len() {
        0 => Lookup::Missing,
        1 => Lookup::Found(found.remove(0)),
        _ => Lookup::Ambiguous(found),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_six_unambiguous_characters() {
        let id = Id::from_random(0x3fff_ffff);
        assert_eq!(id.as_str(), "zzzzzz");
        assert_eq!(Id::from_random(0).as_str(), "000000");
        assert_eq!(Id::from_random(1 | (31 << 5)).as_str(), "1z0000");
        for c in ['i', 'l', 'o', 'u'] {
            assert!(!ALPHABET.contains(&(c as u8)));
        }
    }

    #[test]
    fn quoted_ids_are_found_without_parsing() {
        let text = b"id = \"k3f9x2\"\naction = 'b77777' broken [[ \"toolong1\" \"ab\" \"UPPER1\"";
        let found: Vec<String> = quoted_ids(text).map(|id| id.to_string()).collect();
        assert_eq!(found, vec!["k3f9x2", "b77777"]);
    }

    #[test]
    fn lookup_by_prefix() {
        let ids: Vec<Id> = ["k3f9x2", "k3a000", "b77777"].map(Id::from).to_vec();
        let items = || ids.iter().map(|id| (id, id.as_str()));
        assert_eq!(lookup("K3F", items()), Lookup::Found("k3f9x2"));
        assert_eq!(lookup("b", items()), Lookup::Found("b77777"));
        assert_eq!(
            lookup("k3", items()),
            Lookup::Ambiguous(vec!["k3f9x2", "k3a000"])
        );
        assert_eq!(lookup("zz", items()), Lookup::Missing);
        assert_eq!(lookup("", items()), Lookup::Missing);
    }
}
