//! Finding words, a pattern or a `#tag` in every text mentee stores
//! (`mentee search`, and `--tag` on `log` and `summary`).
//!
//! Each record (a meeting, a commitment, a journal entry, a goal, a queued
//! topic) is a list of texts. Words are matched as in a search box: case
//! and accents do not count (`resume` finds `Résumé`), and a record matches
//! when every word occurs somewhere in it. A regular expression is matched
//! line by line, without regard to case. The lines shown are those that
//! hold a match.
//!
//! [`Query::may_match`] answers for a whole file's raw text, so that a file
//! that cannot hold a match is never parsed: a text with no escape in it is
//! a verbatim part of its file, and folding works one character at a time,
//! so what matches in a text matches in the file around it.

use crate::model::commitment::Commitment;
use crate::model::goal::Goal;
use crate::model::id::Id;
use crate::model::journal::Entry;
use crate::model::meeting::{Meeting, QueuedTopic};
use crate::model::tags;
use chrono::NaiveDate;
use memchr::memmem::Finder;
use regex::Regex;
use serde::Serialize;
use std::cell::RefCell;
use std::ops::Range;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Every kind of record `--kind` can name.
pub const KINDS: [&str; 12] = [
    "meeting",
    "commitment",
    "update",
    "win",
    "thanks",
    "note",
    "decision",
    "advice",
    "outcome",
    "giveback",
    "goal",
    "later",
];

/// The kinds that live in the journal's month files.
pub const JOURNAL_KINDS: [&str; 8] = [
    "update", "win", "thanks", "note", "decision", "advice", "outcome", "giveback",
];

/// Text as search compares it: lowercase, with accents and other combining
/// marks removed, compatibility forms (`ﬁ`, full-width letters) spelt
/// plainly, `ß` as `ss` and Greek's final sigma as any other. Works one character at a
/// time.
pub fn fold(text: &str) -> String {
    let mut out = Vec::new();
    fold_into(text, &mut out);
    String::from_utf8(out)
        .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned())
}

/// [`fold`], as UTF-8 bytes appended to `out`: a year of journal files is
/// folded into one buffer, one file at a time.
fn fold_into(text: &str, out: &mut Vec<u8>) {
    if text.is_ascii() {
        out.extend(text.bytes().map(|b| b.to_ascii_lowercase()));
        return;
    }
    out.reserve(text.len());
    let mut rest = text;
    // Runs of ASCII (most of any text) are lowercased as they are copied.
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        out.extend(rest.as_bytes()[..ascii].iter().map(u8::to_ascii_lowercase));
        rest = &rest[ascii..];
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            fold_char(c, |l| {
                out.extend_from_slice(l.encode_utf8(&mut [0; 4]).as_bytes());
            });
            rest = chars.as_str();
        }
    }
}

/// Gives `push` the characters `c` folds to.
fn fold_char(c: char, mut push: impl FnMut(char)) {
    if c.is_ascii() {
        push(c.to_ascii_lowercase());
        return;
    }
    decompose_compatible(c, |d| {
        for l in d.to_lowercase() {
            match l {
                // Greek spells a final sigma apart; it is the same letter.
                'ς' => push('σ'),
                // German writes ss for ß in capitals (STRASSE, Straße).
                'ß' => {
                    push('s');
                    push('s');
                }
                l if is_combining_mark(l) => {}
                l => push(l),
            }
        }
    });
}

/// `text` folded, with the place in `text` of each folded byte's character.
fn fold_mapped(text: &str) -> (String, Vec<Range<usize>>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let before = out.len();
        fold_char(c, |l| out.push(l));
        map.extend(std::iter::repeat_n(
            at..at + c.len_utf8(),
            out.len() - before,
        ));
    }
    (out, map)
}

/// One record, as search sees it.
#[derive(Debug, Clone)]
pub struct Record<'a> {
    pub date: Option<NaiveDate>,
    pub kind: &'a str,
    pub mentor: Option<&'a str>,
    pub id: &'a Id,
    /// Each text with what it is: `text`, `topic`, `why`, …
    pub texts: Vec<(&'static str, &'a str)>,
}

impl<'a> Record<'a> {
    /// A journal entry: its text, and a decision's options, mentor input
    /// and reason.
    pub fn entry(e: &'a Entry) -> Record<'a> {
        let mut texts = vec![("text", e.text.as_str())];
        texts.extend(e.options.iter().map(|o| ("option", o.as_str())));
        texts.extend(e.input.as_deref().map(|t| ("input", t)));
        texts.extend(e.why.as_deref().map(|t| ("why", t)));
        Record {
            date: Some(e.date),
            kind: e.kind.as_str(),
            mentor: e.mentor.as_deref(),
            id: &e.id,
            texts,
        }
    }

    /// A meeting: its topics and the notes of its check-in report.
    pub fn meeting(m: &'a Meeting) -> Record<'a> {
        let mut texts: Vec<_> = m.topics.iter().map(|t| ("topic", t.as_str())).collect();
        texts.extend(
            m.checkins
                .iter()
                .filter_map(|c| c.note.as_deref())
                .map(|n| ("check-in", n)),
        );
        Record {
            date: m.date,
            kind: "meeting",
            mentor: Some(&m.mentor),
            id: &m.id,
            texts,
        }
    }

    /// A commitment: its text and the note of each change of status.
    pub fn commitment(c: &'a Commitment) -> Record<'a> {
        let mut texts = vec![("text", c.text.as_str())];
        texts.extend(
            c.history
                .iter()
                .filter_map(|h| h.note.as_deref().map(|n| (h.status.as_str(), n))),
        );
        Record {
            date: Some(c.created),
            kind: "commitment",
            mentor: Some(&c.mentor),
            id: &c.id,
            texts,
        }
    }

    /// A goal: its text, its measure and the note of each rating.
    pub fn goal(g: &'a Goal) -> Record<'a> {
        let mut texts = vec![("text", g.text.as_str())];
        texts.extend(g.measure.as_deref().map(|m| ("measure", m)));
        texts.extend(
            g.ratings
                .iter()
                .filter_map(|r| r.note.as_deref())
                .map(|n| ("rating", n)),
        );
        Record {
            date: Some(g.created),
            kind: "goal",
            mentor: g.mentor.as_deref(),
            id: &g.id,
            texts,
        }
    }

    /// A topic queued for a later meeting.
    pub fn later(t: &'a QueuedTopic) -> Record<'a> {
        Record {
            date: Some(t.added),
            kind: "later",
            mentor: Some(&t.mentor),
            id: &t.id,
            texts: vec![("text", t.text.as_str())],
        }
    }

    /// The keys of the tags used anywhere in the record, each once.
    pub fn tag_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .texts
            .iter()
            .flat_map(|(_, text)| tags::tags_in(text))
            .map(|t| t.key())
            .collect();
        keys.sort();
        keys.dedup();
        keys
    }
}

/// What to look for: words or a pattern, a tag, or both.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pattern: Option<Pattern>,
    tag: Option<String>,
    /// `#` and the tag's key, to look for in raw text.
    tag_mark: Option<Word>,
    /// The text being sifted, folded, in memory reused from file to file.
    folded: RefCell<Vec<u8>>,
}

#[derive(Debug, Clone)]
enum Pattern {
    /// Folded, none empty.
    Words(Vec<Word>),
    Regex {
        regex: Regex,
        /// `^` or `$` mean a line's start and end, which a file's raw text
        /// does not show, so such a pattern is tried on every record.
        anchored: bool,
    },
}

/// A word to find, folded, with a fast finder for it (the files are large,
/// the words short).
#[derive(Debug, Clone)]
struct Word {
    folded: String,
    finder: Finder<'static>,
}

impl Word {
    fn new(folded: String) -> Word {
        let finder = Finder::new(folded.as_bytes()).into_owned();
        Word { folded, finder }
    }

    /// Does `folded` (a folded text) hold the word?
    fn is_in(&self, folded: &[u8]) -> bool {
        self.finder.find(folded).is_some()
    }
}

/// A regular expression that does not compile.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PatternError {
    /// It is not written as a pattern is.
    #[error("{reason} at character {column}")]
    Syntax {
        /// Where, counted in characters from 1.
        column: usize,
        reason: String,
    },
    /// It is well written but asks for too much (`x{99999999}`).
    #[error("{0}")]
    TooBig(String),
}

impl Query {
    /// Every word in `typed` (split at spaces) must occur.
    pub fn words<S: AsRef<str>>(typed: &[S]) -> Query {
        let words: Vec<Word> = typed
            .iter()
            .flat_map(|t| t.as_ref().split_whitespace())
            .map(fold)
            // A word of nothing but accents folds to nothing: it cannot be
            // found, nor can it rule anything out.
            .filter(|folded| !folded.is_empty())
            .map(Word::new)
            .collect();
        Query {
            pattern: (!words.is_empty()).then_some(Pattern::Words(words)),
            tag: None,
            tag_mark: None,
            folded: RefCell::default(),
        }
    }

    /// A regular expression, matched line by line without regard to case.
    pub fn regex(typed: &str) -> Result<Query, PatternError> {
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(true)
            .build()
            .parse(typed)
            .map_err(|err| {
                let (offset, reason) = match &err {
                    regex_syntax::Error::Parse(e) => (e.span().start.offset, e.kind().to_string()),
                    regex_syntax::Error::Translate(e) => {
                        (e.span().start.offset, e.kind().to_string())
                    }
                    _ => (0, err.to_string()),
                };
                let before = typed.get(..offset).unwrap_or(typed);
                PatternError::Syntax {
                    column: before.chars().count() + 1,
                    reason,
                }
            })?;
        let anchored = hir.properties().look_set().contains_anchor();
        let regex = regex::RegexBuilder::new(typed)
            .case_insensitive(true)
            .build()
            .map_err(|err| match err {
                regex::Error::CompiledTooBig(limit) => PatternError::TooBig(format!(
                    "it would take more than {} MiB of memory",
                    limit / (1024 * 1024)
                )),
                err => PatternError::TooBig(err.to_string()),
            })?;
        Ok(Query {
            pattern: Some(Pattern::Regex { regex, anchored }),
            tag: None,
            tag_mark: None,
            folded: RefCell::default(),
        })
    }

    /// Also (or only) records that use the tag with this key (see
    /// [`tags::typed_key`]).
    pub fn with_tag(mut self, key: Option<String>) -> Query {
        self.tag_mark = key.as_ref().map(|key| Word::new(format!("#{key}")));
        self.tag = key;
        self
    }

    /// Whether a file's raw text may hold a record that matches. `false`
    /// only when none can.
    pub fn may_match(&self, raw: &str) -> bool {
        // An escape (`\"`, `\u00e9`) can hide a match from the raw text.
        if memchr::memchr(b'\\', raw.as_bytes()).is_some() {
            return true;
        }
        if let Some(Pattern::Regex { regex, anchored }) = &self.pattern
            && !*anchored
            && !regex.is_match(raw)
        {
            return false;
        }
        let words = match &self.pattern {
            Some(Pattern::Words(words)) => words.as_slice(),
            _ => &[],
        };
        if words.is_empty() && self.tag_mark.is_none() {
            return true;
        }
        let mut folded = self.folded.borrow_mut();
        folded.clear();
        fold_into(raw, &mut folded);
        words.iter().chain(&self.tag_mark).all(|w| w.is_in(&folded))
    }

    /// The record as a hit, with the lines that match, if it matches.
    pub fn hit(&self, record: &Record) -> Option<Hit> {
        if let Some(key) = &self.tag
            && !record.tag_keys().contains(key)
        {
            return None;
        }
        if let Some(Pattern::Words(words)) = &self.pattern {
            // Most records hold no word at all: ruled out without going
            // through them line by line.
            let mut folded = self.folded.borrow_mut();
            folded.clear();
            for (_, text) in &record.texts {
                fold_into(text, &mut folded);
                folded.push(b'\n');
            }
            if !words.iter().all(|w| w.is_in(&folded)) {
                return None;
            }
        }
        let mut lines = Vec::new();
        let mut found = vec![false; self.word_count()];
        for (field, text) in &record.texts {
            for line in text.lines() {
                let spans = self.spans(line, &mut found);
                if !spans.is_empty() {
                    lines.push(Line {
                        field: (*field).to_string(),
                        text: line.to_string(),
                        spans,
                    });
                }
            }
        }
        if found.iter().any(|f| !f) || lines.is_empty() {
            return None;
        }
        Some(Hit {
            date: record.date,
            kind: record.kind.to_string(),
            mentor: record.mentor.map(str::to_string),
            id: record.id.clone(),
            lines,
        })
    }

    /// Whether there is nothing to look for: no word (or none but
    /// accents), no pattern and no tag.
    pub fn is_empty(&self) -> bool {
        self.pattern.is_none() && self.tag.is_none()
    }

    fn word_count(&self) -> usize {
        match &self.pattern {
            Some(Pattern::Words(words)) => words.len(),
            _ => 0,
        }
    }

    /// Where `line` matches, in order and without overlaps; marks in
    /// `found` each word seen.
    fn spans(&self, line: &str, found: &mut [bool]) -> Vec<Range<usize>> {
        let mut spans = Vec::new();
        match &self.pattern {
            Some(Pattern::Words(words)) => {
                let (folded, map) = fold_mapped(line);
                for (i, word) in words.iter().enumerate() {
                    let word = word.folded.as_str();
                    for (at, _) in folded.match_indices(word) {
                        found[i] = true;
                        let mut end = map[at + word.len() - 1].end;
                        // Accents typed apart from their letter (which fold
                        // to nothing) are shown with it.
                        end += line[end..]
                            .chars()
                            .take_while(|&c| is_combining_mark(c))
                            .map(char::len_utf8)
                            .sum::<usize>();
                        spans.push(map[at].start..end);
                    }
                }
            }
            Some(Pattern::Regex { regex, .. }) => {
                spans.extend(
                    regex
                        .find_iter(line)
                        .filter(|m| !m.is_empty())
                        .map(|m| m.range()),
                );
                if spans.is_empty() && regex.is_match(line) {
                    // A match of nothing (`^`, `x*`) still marks the line.
                    spans.push(0..0);
                }
            }
            None => {}
        }
        if let Some(key) = &self.tag {
            let tagged: Vec<_> = tags::tags_in(line)
                .into_iter()
                .filter(|t| t.key() == *key)
                .map(|t| t.range)
                .collect();
            if self.pattern.is_none() || !spans.is_empty() {
                spans.extend(tagged);
            }
        }
        merge(spans)
    }
}

/// Sorted, with overlapping and touching spans joined.
fn merge(mut spans: Vec<Range<usize>>) -> Vec<Range<usize>> {
    spans.sort_by_key(|s| (s.start, s.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start <= last.end && last.start < last.end => {
                last.end = last.end.max(span.end);
            }
            _ => merged.push(span),
        }
    }
    merged
}

/// A record that matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    pub date: Option<NaiveDate>,
    pub kind: String,
    pub mentor: Option<String>,
    pub id: Id,
    pub lines: Vec<Line>,
}

/// A line of a record that holds a match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Line {
    /// Which text of the record it is from: `text`, `topic`, …
    pub field: String,
    pub text: String,
    /// Where the matches are, in bytes.
    #[serde(skip)]
    pub spans: Vec<Range<usize>>,
}

/// Hits oldest first (a meeting without a date last): the newest is
/// nearest the prompt, as in `mentee log`. One day's hits keep the order
/// they were found in.
pub fn sort(hits: &mut [Hit]) {
    hits.sort_by_key(|h| (h.date.is_none(), h.date));
}

/// How often each tag is used, and when first and last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagCount {
    /// The tag as first written, without `#`.
    pub tag: String,
    /// How many records use it.
    pub count: usize,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
}

/// Counts tags record by record.
#[derive(Debug, Default)]
pub struct TagCounter {
    counts: std::collections::HashMap<String, TagCount>,
}

impl TagCounter {
    pub fn add(&mut self, record: &Record) {
        let mut seen = Vec::new();
        for (_, text) in &record.texts {
            for tag in tags::tags_in(text) {
                let key = tag.key();
                if seen.contains(&key) {
                    continue;
                }
                seen.push(key.clone());
                let count = self.counts.entry(key).or_insert_with(|| TagCount {
                    tag: tag.name.to_string(),
                    count: 0,
                    first: None,
                    last: None,
                });
                count.count += 1;
                if let Some(date) = record.date {
                    count.first = Some(count.first.map_or(date, |d| d.min(date)));
                    count.last = Some(count.last.map_or(date, |d| d.max(date)));
                }
            }
        }
    }

    /// Most used first; ties by name.
    pub fn into_counts(self) -> Vec<TagCount> {
        let mut counts: Vec<TagCount> = self.counts.into_values().collect();
        counts.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| fold(&a.tag).cmp(&fold(&b.tag)))
        });
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::journal::Kind;

    fn entry(text: &str) -> Entry {
        let day = "2026-11-20".parse().expect("date");
        Entry::new(
            Id::from("ent001"),
            day,
            Kind::Update,
            None,
            text.to_string(),
        )
    }

    #[track_caller]
    fn case(query: &Query, text: &str, expected: &[&str]) {
        let e = entry(text);
        let shown: Vec<String> = query
            .hit(&Record::entry(&e))
            .map(|hit| {
                hit.lines
                    .iter()
                    .map(|l| {
                        let mut out = String::new();
                        let mut at = 0;
                        for s in &l.spans {
                            out.push_str(&l.text[at..s.start]);
                            out.push_str(&format!("[{}]", &l.text[s.clone()]));
                            at = s.end;
                        }
                        out.push_str(&l.text[at..]);
                        out
                    })
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(shown, expected, "{text:?}");
        if !expected.is_empty() {
            assert!(query.may_match(&format!("text = \"{text}\"")), "prefilter");
        }
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Résumé"), "resume");
        assert_eq!(fold("ÉCOLE ﬁnal"), "ecole final");
        assert_eq!(fold("Straße STRAẞE"), "strasse strasse");
        assert_eq!(fold("ΟΔΟΣ οδος"), "οδοσ οδοσ");
        assert_eq!(fold("plain"), "plain");
    }

    #[test]
    fn a_match_is_shown_with_its_accents_however_typed() {
        let q = Query::words(&["resume"]);
        case(
            &q,
            "my Re\u{301}sume\u{301} now",
            &["my [Re\u{301}sume\u{301}] now"],
        );
        case(&q, "my Résumé now", &["my [Résumé] now"]);
        case(&Query::words(&["strasse"]), "die Straße", &["die [Straße]"]);
    }

    #[test]
    fn every_word_must_occur_and_the_lines_with_one_are_shown() {
        let q = Query::words(&["résumé review"]);
        case(
            &q,
            "Update my Résumé\nthen the review\nand lunch",
            &["Update my [Résumé]", "then the [review]"],
        );
        case(&q, "Update my resume", &[]);
        case(
            &Query::words(&["resume"]),
            "RÉSUMÉ, résumé",
            &["[RÉSUMÉ], [résumé]"],
        );
        case(&Query::words(&["ab"]), "abab", &["[abab]"]);
    }

    #[test]
    fn a_regex_is_matched_line_by_line_without_case() {
        let q = Query::regex("sp(l|r)it").expect("compiles");
        case(&q, "How to SPLIT billing\nno", &["How to [SPLIT] billing"]);
        let q = Query::regex("^then").expect("compiles");
        case(&q, "first\nthen second", &["[then] second"]);
        assert!(q.may_match("text = \"first\nthen\""));
    }

    #[test]
    fn a_bad_regex_names_where() {
        let column = |typed| match Query::regex(typed) {
            Err(PatternError::Syntax { column, .. }) => column,
            other => panic!("{typed}: {other:?}"),
        };
        assert_eq!(column("ab(c"), 3);
        assert_eq!(
            Query::regex("ab(c").expect_err("unclosed").to_string(),
            "unclosed group at character 3"
        );
        assert_eq!(column("é[z-a]"), 3);
        assert!(matches!(
            Query::regex("x{99999999}"),
            Err(PatternError::TooBig(_))
        ));
    }

    #[test]
    fn a_tag_finds_records_that_use_it() {
        let q = Query::default().with_tag(Some("career".into()));
        case(
            &q,
            "Talked #Career, then\nlunch",
            &["Talked [#Career], then"],
        );
        case(&q, "about career", &[]);
        case(&q, "see https://x.org/#career", &[]);
        let q = Query::words(&["talked"]).with_tag(Some("career".into()));
        case(&q, "Talked #career", &["[Talked] [#career]"]);
    }

    #[test]
    fn the_prefilter_rejects_only_files_without_a_match() {
        let q = Query::words(&["resume", "review"]);
        assert!(q.may_match("text = \"Résumé review\""));
        assert!(!q.may_match("text = \"Résumé\""));
        assert!(q.may_match("text = \"R\\u00e9sum\\u00e9 review\""));
        let q = Query::regex("resume").expect("compiles");
        assert!(!q.may_match("text = \"nothing\""));
        // All ASCII or not, any case.
        let q = Query::words(&["Resume"]).with_tag(Some("career".into()));
        assert!(q.may_match("text = \"My RESUME, #CAREER\""));
        assert!(q.may_match("text = \"My RÉSUMÉ, #Career, ﬁne\""));
        assert!(!q.may_match("text = \"My RESUME, career\""));
        assert!(Query::words(&["straße"]).may_match("text = \"STRASSE\""));
        assert!(!Query::words(&["straße"]).may_match("text = \"strase\""));
    }

    #[test]
    fn the_words_may_be_in_different_texts_of_a_record() {
        let id = Id::from("m00001");
        let record = Record {
            date: None,
            kind: "meeting",
            mentor: None,
            id: &id,
            texts: vec![("topic", "My Résumé?"), ("check-in", "Review\ndone")],
        };
        let lines = |query: Query| -> Vec<String> {
            query
                .hit(&record)
                .map(|hit| hit.lines.into_iter().map(|l| l.text).collect())
                .unwrap_or_default()
        };
        assert_eq!(
            lines(Query::words(&["resume", "review"])),
            ["My Résumé?", "Review"]
        );
        assert!(lines(Query::words(&["resume", "lunch"])).is_empty());
        assert!(lines(Query::words(&["résumé?review"])).is_empty());
    }

    #[test]
    fn tags_are_counted_once_a_record_with_first_and_last_use() {
        let mut counter = TagCounter::default();
        let a = entry("#Career and #career again, #growth");
        let mut b = entry("#career");
        b.date = "2026-12-01".parse().expect("date");
        counter.add(&Record::entry(&a));
        counter.add(&Record::entry(&b));
        let counts = counter.into_counts();
        let shown: Vec<String> = counts
            .iter()
            .map(|c| format!("{} {} {:?} {:?}", c.tag, c.count, c.first, c.last))
            .collect();
        assert_eq!(
            shown,
            [
                "Career 2 Some(2026-11-20) Some(2026-12-01)",
                "growth 1 Some(2026-11-20) Some(2026-11-20)"
            ]
        );
    }
}
