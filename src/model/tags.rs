//! `#tags`: a word after `#` in any text the mentee writes. They need no
//! storage of their own: they are read from the text each time, so a tag
//! typed in an editor counts as much as one typed on the command line.
//!
//! The rule (docs/search.md shows it with examples): `#` followed by
//! letters (with their accents, even typed apart), digits, `-` and `_`,
//! with at least one letter, so `#123` (an issue number) is not a tag. The
//! `#` must not follow a letter, digit, `_`, `#`, `&` or `/` (`C#`, `a#b`,
//! `&#39;`, `##`). Trailing `-` and `_` are not part of the tag, so
//! punctuation after it ends it (`#career,`, `(#growth)`, `#mentoring.`).
//! Nothing inside a web address (`https://x.org/a#frag`, `www.x.org/#top`)
//! or a code span in backticks is a tag.

use crate::model::search::fold;
use std::ops::Range;
use unicode_normalization::char::is_combining_mark;

/// One use of a tag in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagUse<'a> {
    /// Where it is, `#` included.
    pub range: Range<usize>,
    /// The tag as written, without `#`.
    pub name: &'a str,
}

impl TagUse<'_> {
    /// What tags are compared by: case and accents do not count.
    pub fn key(&self) -> String {
        key(self.name)
    }
}

/// The key of a tag as typed, `#` optional: `#Résumé` and `resume` are the
/// same tag. `None` when it is not a tag at all.
pub fn typed_key(typed: &str) -> Option<String> {
    let name = typed.trim();
    let name = name.strip_prefix('#').unwrap_or(name);
    // As in a text, a trailing `-` or `_` is not part of the tag.
    let name = name.trim_end_matches(['-', '_']);
    let hashed = format!("#{name}");
    let uses = tags_in_all(&hashed);
    match uses.as_slice() {
        [one] if one.name == name => Some(one.key()),
        _ => None,
    }
}

/// What tags are compared by: case and accents do not count.
pub fn key(name: &str) -> String {
    fold(name)
}

/// Whether a file's raw text may hold a tag: `false` only when none of its
/// texts can. An escape (`\u0023` is `#`) can hide one from the raw text.
pub fn may_hold_tags(raw: &str) -> bool {
    memchr::memchr2(b'#', b'\\', raw.as_bytes()).is_some()
}

/// Every tag used in `text`, in order, repeats included.
pub fn tags_in(text: &str) -> Vec<TagUse<'_>> {
    if !text.contains('#') {
        return Vec::new();
    }
    tags_in_all(text)
}

fn tags_in_all(text: &str) -> Vec<TagUse<'_>> {
    let skipped = skipped_ranges(text);
    let mut uses = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let before = prev;
        prev = Some(c);
        if c != '#' || skipped.iter().any(|r| r.contains(&at)) {
            continue;
        }
        if before.is_some_and(|b| is_word_char(b) || matches!(b, '_' | '#' | '&' | '/')) {
            continue;
        }
        let start = at + 1;
        let mut end = start;
        while let Some(&(i, n)) = chars.peek() {
            if is_word_char(n) || n == '-' || n == '_' {
                end = i + n.len_utf8();
                prev = Some(n);
                chars.next();
            } else {
                break;
            }
        }
        let name = text[start..end].trim_end_matches(['-', '_']);
        if name.chars().any(char::is_alphabetic) {
            uses.push(TagUse {
                range: at..start + name.len(),
                name,
            });
        }
    }
    uses
}

/// A letter or digit, or an accent typed apart from its letter (`e` and
/// U+0301 for `é`, as some keyboards and systems write it).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Code spans (a run of backticks up to the next run of as many) and web
/// addresses (a word with `://` in it or starting with `www.`).
fn skipped_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'`' {
            i += 1;
            continue;
        }
        let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
        let fence = &text[i..i + run];
        let after = i + run;
        // The closing run must be exactly as long as the opening one.
        let mut search = after;
        let mut close = None;
        while let Some(found) = text[search..].find(fence) {
            let at = search + found;
            let len = bytes[at..].iter().take_while(|&&b| b == b'`').count();
            if len == run {
                close = Some(at);
                break;
            }
            search = at + len;
        }
        match close {
            Some(at) => {
                ranges.push(i..at + run);
                i = at + run;
            }
            // An unmatched run of backticks is only backticks.
            None => i = after,
        }
    }
    let mut start = None;
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(at),
            (true, Some(from)) => {
                let word = &text[from..at];
                let bare = word.trim_start_matches(|c: char| !c.is_alphanumeric());
                if word.contains("://") || bare.to_ascii_lowercase().starts_with("www.") {
                    ranges.push(from..at);
                }
                start = None;
            }
            _ => {}
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, expected: &[&str]) {
        let found: Vec<&str> = tags_in(text).iter().map(|t| t.name).collect();
        assert_eq!(found, expected, "tags in {text:?}");
        for tag in tags_in(text) {
            assert_eq!(&text[tag.range.clone()], format!("#{}", tag.name));
        }
    }

    #[test]
    fn a_tag_is_a_word_after_a_hash() {
        case("#career", &["career"]);
        case("Asked about #career and #growth", &["career", "growth"]);
        case(
            "#q3-goals #on_call #2027-plan",
            &["q3-goals", "on_call", "2027-plan"],
        );
        case("#Résumé", &["Résumé"]);
        // Accents typed apart from their letters (decomposed) belong to it.
        case("#Re\u{301}sume\u{301} done", &["Re\u{301}sume\u{301}"]);
        case("cafe\u{301}#latte", &[]);
        case("#a #b #a", &["a", "b", "a"]);
        case("no tags here", &[]);
    }

    #[test]
    fn punctuation_ends_a_tag() {
        case("Talked about #career, then lunch", &["career"]);
        case("(#growth)", &["growth"]);
        case("It was about #mentoring.", &["mentoring"]);
        case("#design: first draft", &["design"]);
        case("\"#quoted\" and '#single'", &["quoted", "single"]);
        case("#trailing- #under_", &["trailing", "under"]);
        case("line one\n#next-line", &["next-line"]);
    }

    #[test]
    fn some_hashes_are_not_tags() {
        case("#", &[]);
        case("# Heading", &[]);
        case("Fixes #123", &[]);
        case("C# and F# are languages", &[]);
        case("a#b", &[]);
        case("it&#39;s", &[]);
        case("##double", &[]);
        case("#-", &[]);
    }

    #[test]
    fn nothing_in_a_web_address_is_a_tag() {
        case("see https://x.org/a#frag", &[]);
        case("(https://x.org/a#frag) #real", &["real"]);
        case("www.x.org/#top", &[]);
        case("<http://x.org/#a>, #b", &["b"]);
        case("path/#notes", &[]);
    }

    #[test]
    fn nothing_in_a_code_span_is_a_tag() {
        case("`#not-a-tag` but #yes", &["yes"]);
        case("``a ` #no`` #yes", &["yes"]);
        case("an ` unmatched #yes", &["yes"]);
        case("`one` #two `#three`", &["two"]);
    }

    #[test]
    fn a_file_may_hold_tags_behind_an_escape() {
        assert!(may_hold_tags("text = \"a #tag\""));
        assert!(may_hold_tags("text = \"a \\u0023tag\""));
        assert!(!may_hold_tags("text = \"no tag\""));
    }

    #[test]
    fn a_typed_tag_is_compared_without_case_or_accents() {
        assert_eq!(typed_key("#Career").as_deref(), Some("career"));
        assert_eq!(typed_key("résumé").as_deref(), Some("resume"));
        assert_eq!(
            typed_key("#Re\u{301}sume\u{301}").as_deref(),
            Some("resume")
        );
        assert_eq!(typed_key(" q3-goals ").as_deref(), Some("q3-goals"));
        assert_eq!(typed_key("123"), None);
        assert_eq!(typed_key("two words"), None);
        assert_eq!(typed_key("#"), None);
        assert_eq!(typed_key("end."), None);
        assert_eq!(typed_key("#trailing-").as_deref(), Some("trailing"));
        assert_eq!(typed_key("-"), None);
    }
}
