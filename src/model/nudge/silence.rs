//! Which nudges are shown: the silence lists (per mentor in `mentors.toml`,
//! for everyone in `settings.toml`), and the order and choice of the rest.

use crate::model::id::Id;
use crate::model::mentor::Mentor;
use crate::model::nudge::Nudge;
use crate::model::nudge::kinds::{ALL, Kind};
use std::collections::{HashMap, HashSet};

/// Drops silenced nudges, orders the rest by kind (then mentor, as listed),
/// and keeps one nudge per commitment.
pub fn to_show(mut found: Vec<Nudge>, mentors: &[Mentor], everywhere: &[String]) -> Vec<Nudge> {
    let by_slug: HashMap<&str, (usize, &Mentor)> = mentors
        .iter()
        .enumerate()
        .map(|(i, m)| (m.slug.as_str(), (i, m)))
        .collect();
    found.retain(|n| {
        !is_silenced(
            n.kind(),
            by_slug.get(n.mentor.as_str()).map(|e| e.1),
            everywhere,
        )
    });
    // The strongest reason first, so that it is the one kept.
    found.sort_by_key(|n| match n.kind() {
        Kind::Carried => 0,
        Kind::Overdue => 1,
        _ => 2,
    });
    let mut seen: HashSet<Id> = HashSet::new();
    found.retain(|n| match n.commitment() {
        Some(id) => seen.insert(id.clone()),
        None => true,
    });
    found.sort_by_key(|n| {
        (
            n.kind(),
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
