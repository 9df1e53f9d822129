//! Turns model values into TOML documents and TOML text back into model
//! values, with the file name, line and column of anything that is wrong.
//!
//! Writing is done by hand with toml_edit rather than through serde so that
//! every file has a fixed key order (same data, same bytes), dates are real
//! TOML dates and long texts become multi-line strings.

use super::DataFile;
use crate::error::{Error, line_column};
use crate::model::dates::toml_date;
use crate::model::goal::Goal;
use crate::model::id::Id;
use crate::model::journal::{Entry, Kind};
use crate::model::meeting::{Action, CheckIn, Meeting, QueuedTopic};
use crate::model::mentor::Mentor;
use crate::model::times::toml_time;
use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Deserializer, de::DeserializeOwned};
use std::path::Path;
use toml_edit::DocumentMut;

mod documents;
pub use documents::{
    actions_document, entries_text, goals_document, journal_document, later_document,
    meeting_document, mentors_document, settings_document,
};

/// The file format this mentee writes and the newest it can read.
pub const FORMAT: i64 = 1;
const NEWER: &str = "was written by a newer version of mentee";

/// Every file opens with `format = N`; a number above [`FORMAT`] is refused
/// before anything else in the file is looked at.
#[derive(Debug, Default)]
pub struct Version;

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let found = i64::deserialize(d)?;
        if found > FORMAT {
            return Err(serde::de::Error::custom(format!(
                "this file {NEWER} (format {found}; this one reads up to {FORMAT})"
            )));
        }
        if found < 1 {
            return Err(serde::de::Error::custom("format must be 1 or more"));
        }
        Ok(Version)
    }
}

#[derive(Deserialize)]
struct MentorsFile {
    #[serde(default)]
    #[allow(dead_code)]
    format: Version,
    #[serde(default)]
    mentor: Vec<Mentor>,
}

#[derive(Deserialize)]
struct MeetingFile {
    #[serde(default)]
    #[allow(dead_code)]
    format: Version,
    meeting: MeetingHead,
    #[serde(default)]
    checkin: Vec<CheckIn>,
    #[serde(default)]
    action: Vec<Action>,
}

#[derive(Deserialize)]
struct MeetingHead {
    id: Id,
    mentor: String,
    status: HeldOrPlanned,
    #[serde(default, with = "toml_date::option")]
    date: Option<NaiveDate>,
    #[serde(default, deserialize_with = "toml_time::deserialize")]
    time: Option<NaiveTime>,
    #[serde(default)]
    minutes: Option<u32>,
    #[serde(default)]
    topics: Vec<String>,
}

#[derive(Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
enum HeldOrPlanned {
    Held,
    Planned,
}

#[derive(Deserialize)]
struct JournalFile {
    #[serde(default)]
    #[allow(dead_code)]
    format: Version,
    #[serde(default)]
    entry: Vec<Entry>,
}

#[derive(Deserialize)]
struct ActionsFile {
    #[serde(default)]
    #[allow(dead_code)]
    format: Version,
    #[serde(default)]
    action: Vec<Action>,
}

#[derive(Deserialize)]
struct GoalsFile {
    #[serde(default)]
    #[allow(dead_code)]
    format: Version,
    #[serde(default)]
    goal: Vec<Goal>,
}

#[derive(Deserialize)]
struct LaterFile {
    #[serde(default)]
    #[allow(dead_code)]
    format: Version,
    #[serde(default)]
    topic: Vec<QueuedTopic>,
}

/// Where each line that sets `key` to `value` (quoted either way) starts,
/// as byte offsets into `text`.
fn lines_setting<'a>(text: &'a str, key: &'a str, value: &str) -> impl Iterator<Item = usize> + 'a {
    let spelled = ['"', '\''].map(|quote| format!("{quote}{value}{quote}"));
    text.split_inclusive('\n')
        .scan(0, |offset, line| {
            let start = *offset + line.len() - line.trim_start().len();
            *offset += line.len();
            Some((start, line))
        })
        .filter(move |(_, line)| {
            line.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
                && spelled.iter().any(|s| line.contains(s.as_str()))
        })
        .map(|(start, _)| start)
}

/// Checks that `bytes` parse as the single data file `file` (see
/// [`DataFile::SINGLE`]); the error says file, line and column.
pub fn check_single(file: DataFile, path: &Path, bytes: &[u8]) -> Result<(), Error> {
    match file {
        DataFile::Mentors => read_mentors(path, bytes).map(drop),
        DataFile::Later => read_later(path, bytes).map(drop),
        DataFile::Settings => read_settings(path, bytes).map(drop),
        DataFile::UnattachedActions => read_actions(path, bytes).map(drop),
        DataFile::Goals => read_goals(path, bytes).map(drop),
        DataFile::Month(day) => read_month(path, bytes, (day.year(), day.month())).map(drop),
    }
}

/// The mentors, each with a slug of their own: files refer to a mentor by
/// slug, so two mentors sharing one would share meetings and commitments.
pub fn read_mentors(path: &Path, bytes: &[u8]) -> Result<Vec<Mentor>, Error> {
    let mentors = parse::<MentorsFile>(path, bytes)?.mentor;
    let mut seen = std::collections::HashSet::new();
    let Some(twice) = mentors.iter().find(|m| !seen.insert(m.slug.as_str())) else {
        return Ok(mentors);
    };
    // Where the second one says so.
    let text = as_text(path, bytes)?;
    let second = lines_setting(&text, "slug", &twice.slug).nth(1);
    Err(Error::Parse {
        path: path.to_path_buf(),
        line_column: second.map(|at| line_column(&text, at)),
        message: format!("two mentors have the slug \"{}\"", twice.slug),
        hint: "the files refer to a mentor by slug: give one of them another slug, and use \
               it in the files of that mentor's meetings, commitments and entries; nothing \
               is changed until then"
            .to_string(),
    })
}

pub fn read_meeting(path: &Path, bytes: &[u8]) -> Result<Meeting, Error> {
    let file = parse::<MeetingFile>(path, bytes)?;
    let head = file.meeting;
    Ok(Meeting {
        id: head.id,
        mentor: head.mentor,
        held: head.status == HeldOrPlanned::Held,
        date: head.date,
        time: head.time,
        minutes: head.minutes,
        topics: head.topics,
        checkins: file.checkin,
        actions: file.action,
    })
}

pub fn read_entries(path: &Path, bytes: &[u8]) -> Result<Vec<Entry>, Error> {
    parse::<JournalFile>(path, bytes).map(|file| file.entry)
}

/// A journal month file's entries, every one of which must be dated in
/// `month`: only that month's file is read for its dates, so an entry kept
/// elsewhere would show in some views and be missing from others.
pub fn read_month(path: &Path, bytes: &[u8], month: (i32, u32)) -> Result<Vec<Entry>, Error> {
    let entries = read_entries(path, bytes)?;
    let (year, number) = month;
    let Some(stray) = entries
        .iter()
        .find(|e| (e.date.year(), e.date.month()) != month)
    else {
        return Ok(entries);
    };
    let text = as_text(path, bytes)?;
    let at = lines_setting(&text, "id", stray.id.as_str()).next();
    Err(Error::Parse {
        path: path.to_path_buf(),
        line_column: at.map(|offset| line_column(&text, offset)),
        message: format!(
            "entry {} is dated {}, but this file holds {year}-{number:02}",
            stray.id, stray.date
        ),
        hint: format!(
            "move the entry to journal/{}/{}-{:02}.toml, or correct its date; \
             nothing is changed until then",
            stray.date.year(),
            stray.date.year(),
            stray.date.month()
        ),
    })
}

pub fn read_actions(path: &Path, bytes: &[u8]) -> Result<Vec<Action>, Error> {
    parse::<ActionsFile>(path, bytes).map(|file| file.action)
}

pub fn read_goals(path: &Path, bytes: &[u8]) -> Result<Vec<Goal>, Error> {
    parse::<GoalsFile>(path, bytes).map(|file| file.goal)
}

pub fn read_later(path: &Path, bytes: &[u8]) -> Result<Vec<QueuedTopic>, Error> {
    parse::<LaterFile>(path, bytes).map(|file| file.topic)
}

/// `settings.toml`: settings of this journal that travel with the data.
#[derive(Debug, Default, Deserialize)]
pub struct Settings {
    #[serde(default)]
    #[allow(dead_code)]
    format: Version,
    /// Kinds of nudge silenced for every mentor (`all` for every kind).
    #[serde(default)]
    pub silence: Vec<String>,
}

pub fn read_settings(path: &Path, bytes: &[u8]) -> Result<Settings, Error> {
    parse::<Settings>(path, bytes)
}

/// The few fields of a journal entry that say who it was for and when.
#[derive(Deserialize)]
pub struct EntryHead {
    #[serde(deserialize_with = "toml_date::deserialize")]
    pub date: NaiveDate,
    pub kind: Kind,
    #[serde(default)]
    pub mentor: Option<String>,
}

#[derive(Deserialize)]
struct JournalHeads {
    #[serde(default)]
    #[allow(dead_code)]
    format: Version,
    #[serde(default)]
    entry: Vec<EntryHead>,
}

/// A month of the journal, reading only each entry's date, kind and mentor.
pub fn read_entry_heads(path: &Path, bytes: &[u8]) -> Result<Vec<EntryHead>, Error> {
    parse::<JournalHeads>(path, bytes).map(|file| file.entry)
}

fn parse<T: DeserializeOwned>(path: &Path, bytes: &[u8]) -> Result<T, Error> {
    let text = as_text(path, bytes)?;
    toml::from_str(&text).map_err(|err| {
        parse_error(
            path,
            &text,
            err.span().map(|span| span.start),
            err.message(),
        )
    })
}

/// Parses a file for editing in place, keeping its comments and layout.
/// The text is parsed as it is (only a byte-order mark is set aside), so
/// that what mentee does not change is written back byte for byte.
pub fn read_document(path: &Path, bytes: &[u8]) -> Result<DocumentMut, Error> {
    let text = utf8(path, bytes)?;
    text.parse::<DocumentMut>()
        .map_err(|err| parse_error(path, text, err.span().map(|span| span.start), err.message()))
}

/// Files are read as UTF-8; a byte-order mark is ignored and Windows line
/// endings are accepted (see [`keep_line_endings`] for writing them back).
/// A carriage return anywhere else is refused here as [`read_document`]
/// refuses it, so that no file reads well but cannot be edited.
fn as_text<'a>(path: &Path, bytes: &'a [u8]) -> Result<std::borrow::Cow<'a, str>, Error> {
    let text = utf8(path, bytes)?;
    if !text.contains('\r') {
        return Ok(text.into());
    }
    if let Some(offset) = text
        .match_indices('\r')
        .map(|(i, _)| i)
        .find(|&i| !text[i + 1..].starts_with('\n'))
    {
        return Err(parse_error(
            path,
            text,
            Some(offset),
            "a carriage return (CR) must be followed by a newline",
        ));
    }
    Ok(text.replace("\r\n", "\n").into())
}

/// The file as UTF-8 text, without a byte-order mark.
fn utf8<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, Error> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|err| {
        let valid = &bytes[..err.valid_up_to()];
        let text = std::str::from_utf8(valid).unwrap_or_default();
        parse_error(
            path,
            text,
            Some(valid.len()),
            "the file is not valid UTF-8 text",
        )
    })
}

const BOM: &[u8] = "\u{feff}".as_bytes();

/// A rewritten file keeps the conventions of the one it replaces: a
/// byte-order mark stays, and a file with Windows line endings keeps them on
/// every line, so an editor on Windows sees no change but the real one.
pub fn keep_line_endings(original: &[u8], text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + 3);
    if original.starts_with(BOM) {
        out.extend_from_slice(BOM);
    }
    out.extend(text_for(original, text));
    out
}

/// Text to append to `original`: with its line endings, without a second
/// byte-order mark, starting on a line of its own.
pub fn appended(original: &[u8], text: &str) -> Vec<u8> {
    let mut out = original.to_vec();
    if !out.is_empty() && !out.ends_with(b"\n") {
        out.extend(text_for(original, "\n"));
    }
    out.extend(text_for(original, text));
    out
}

/// `text` with the line endings of `original`: a file whose first line ends
/// in CRLF is a Windows file, and every bare LF becomes CRLF; otherwise the
/// text is left as it is (a CRLF inside a string stays).
fn text_for(original: &[u8], text: &str) -> Vec<u8> {
    let first = original.iter().position(|b| *b == b'\n');
    if !first.is_some_and(|i| i > 0 && original[i - 1] == b'\r') {
        return text.as_bytes().to_vec();
    }
    let mut out = Vec::with_capacity(text.len() + text.len() / 16);
    let mut previous = 0u8;
    for &byte in text.as_bytes() {
        if byte == b'\n' && previous != b'\r' {
            out.push(b'\r');
        }
        out.push(byte);
        previous = byte;
    }
    out
}

fn parse_error(path: &Path, text: &str, offset: Option<usize>, message: &str) -> Error {
    let line_column = offset.map(|offset| line_column(text, offset));
    let message = message.trim().replace('\n', "; ");
    let conflicted = text
        .lines()
        .any(|line| line.starts_with("<<<<<<< ") || line == "=======");
    let hint = if message.contains(NEWER) {
        "upgrade mentee to read this file; it was left unchanged".to_string()
    } else if conflicted {
        format!(
            "{} has git conflict markers (<<<<<<<, =======, >>>>>>>): keep the records of both \
             sides, delete the marker lines, then run the command again",
            path.display()
        )
    } else {
        format!(
            "fix it with: mentee edit {} (mentee leaves the file untouched until it parses)",
            path.display()
        )
    };
    Error::Parse {
        path: path.to_path_buf(),
        line_column,
        message,
        hint,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_characters() {
        let text = "a = 1\nb = \"é\" x\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        assert_eq!(line_column(text, text.find('x').expect("x")), (2, 9));
    }

    #[test]
    fn a_rating_out_of_range_is_located() {
        let text = "format = 1\n[[goal]]\nid = \"abc123\"\ntext = \"Lead\"\ncreated = 2026-09-01\nby = 2026-12-31\nstatus = \"active\"\n\n[[goal.rating]]\non = 2026-09-01\nscore = 9\n";
        let err = read_goals(Path::new("goals.toml"), text.as_bytes()).expect_err("9/5");
        assert!(
            err.to_string()
                .contains("goals.toml:11:9: a rating is a whole number from 1 to 5, not 9"),
            "{err}"
        );
    }

    #[test]
    fn a_bad_date_is_located() {
        let text = "format = 1\n[[entry]]\nid = \"abc123\"\ndate = \"soon\"\nkind = \"update\"\ntext = \"x\"\n";
        let err = read_entries(Path::new("j.toml"), text.as_bytes()).expect_err("bad date");
        let Error::Parse { line_column, .. } = err else {
            panic!("not a parse error: {err}")
        };
        assert_eq!(line_column.map(|(line, _)| line), Some(4));
    }

    #[test]
    fn quoted_dates_are_forgiven_and_nonsense_is_located() {
        let entry = "format = 1\n[[entry]]\nid = \"abc123\"\ndate = \"2026-11-24\"\nkind = \"update\"\ntext = \"x\"\n";
        let read = read_entries(Path::new("j.toml"), entry.as_bytes()).expect("quoted date");
        assert_eq!(
            read[0].date,
            "2026-11-24".parse::<NaiveDate>().expect("date")
        );
        let soon = entry.replace("\"2026-11-24\"", "\"soon\"");
        let err = read_entries(Path::new("j.toml"), soon.as_bytes()).expect_err("soon");
        assert!(
            err.to_string()
                .contains("j.toml:4:8: expected a date such as 2026-11-24, found \"soon\""),
            "{err}"
        );
        let mentors = "[[mentor]]\nname = \"A\"\nslug = \"a\"\nsince = \"2026-11-24\"\nuntil = 2026-12-24T10:00:00\n";
        let err = read_mentors(Path::new("m.toml"), mentors.as_bytes()).expect_err("a time");
        assert!(
            err.to_string().contains("m.toml:5:9: expected a date"),
            "{err}"
        );
    }

    #[test]
    fn two_mentors_with_one_slug_are_refused_at_the_second() {
        let text = "format = 1\n[[mentor]]\nname = \"Alex Kim\"\nslug = \"alex-kim\"\n\n[[mentor]]\nname = \"Priya\"\nslug = 'alex-kim'\n";
        let err = read_mentors(Path::new("mentors.toml"), text.as_bytes()).expect_err("one slug");
        assert!(
            err.to_string()
                .starts_with("mentors.toml:8:1: two mentors have the slug \"alex-kim\""),
            "{err}"
        );
    }

    #[test]
    fn conflict_markers_get_their_own_hint() {
        let text = "format = 1\n<<<<<<< HEAD\n[[topic]]\n=======\n>>>>>>> other\n";
        let err = read_later(Path::new("later.toml"), text.as_bytes()).expect_err("conflict");
        assert!(
            err.hint()
                .unwrap_or_default()
                .contains("git conflict markers"),
            "{err}"
        );
    }

    #[test]
    fn a_newer_format_is_refused() {
        let err = read_later(Path::new("later.toml"), b"format = 2\n").expect_err("newer");
        assert!(err.to_string().contains("newer version of mentee"), "{err}");
        assert!(err.hint().unwrap_or_default().contains("upgrade"));
    }

    #[test]
    fn a_bare_carriage_return_is_refused_by_both_parsers() {
        let text = "format = 1\r\n[[topic]]\r\nid = \"abc123\"\r\r\nmentor = \"a\"\r\n";
        let path = Path::new("later.toml");
        let err = read_later(path, text.as_bytes()).expect_err("a bare CR");
        assert!(
            err.to_string()
                .starts_with("later.toml:3:14: a carriage return"),
            "{err}"
        );
        assert!(read_document(path, text.as_bytes()).is_err());
    }

    #[test]
    fn line_endings_follow_the_first_line_and_nothing_else_changes() {
        let windows = b"format = 1\r\n[x]\r\n";
        assert_eq!(text_for(windows, "a\nb\r\n"), b"a\r\nb\r\n");
        // A CRLF inside a multi-line string of a Unix file stays as it is.
        let unix = b"format = 1\ntext = \"\"\"\r\nx\"\"\"\n";
        assert_eq!(
            text_for(unix, "text = \"\"\"\r\nx\"\"\"\n"),
            b"text = \"\"\"\r\nx\"\"\"\n"
        );
    }

    #[test]
    fn bom_and_crlf_are_read_and_kept() {
        let original = "\u{feff}format = 1\r\n[[topic]]\r\nid = \"abc123\"\r\nmentor = \"a\"\r\ntext = \"t\"\r\nadded = 2026-11-22\r\n";
        let topics = read_later(Path::new("later.toml"), original.as_bytes()).expect("parses");
        assert_eq!(topics.len(), 1);
        let doc = read_document(Path::new("later.toml"), original.as_bytes()).expect("parses");
        assert_eq!(
            keep_line_endings(original.as_bytes(), &doc.to_string()),
            original.as_bytes()
        );
    }

    #[test]
    fn appended_entries_read_exactly_like_a_full_rewrite() {
        let entry = |id: &str, text: &str| {
            Entry::new(
                Id::from(id),
                "2026-11-22".parse().expect("date"),
                crate::model::journal::Kind::Update,
                Some("alex".into()),
                text.into(),
            )
        };
        let (a, b, c) = (
            entry("aaaaaa", "one"),
            entry("bbbbbb", "two\nlines"),
            entry("cccccc", "3"),
        );
        let first = journal_document(std::slice::from_ref(&a)).to_string();
        let appended = first + &entries_text(&[b.clone(), c.clone()]);
        assert_eq!(appended, journal_document(&[a, b, c]).to_string());
    }

    #[test]
    fn long_texts_become_multi_line_strings() {
        let entry = Entry::new(
            Id::from("abc123"),
            "2026-11-22".parse().expect("date"),
            crate::model::journal::Kind::Update,
            None,
            "line one\nline two".into(),
        );
        let text = journal_document(std::slice::from_ref(&entry)).to_string();
        assert!(text.contains("date = 2026-11-22\n"), "{text}");
        assert!(text.contains("\"\"\"\nline one\nline two\"\"\""), "{text}");
        let back = read_entries(Path::new("j.toml"), text.as_bytes()).expect("parses");
        assert_eq!(back, vec![entry]);
    }
}
