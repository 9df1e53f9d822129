//! The merge of two versions of a journal month, as git's merge driver.
//!
//! Why a merge driver for journal months: two machines that each add an
//! entry to the same month both append at the end of the same file, which
//! git's line merge reports as a conflict. Git's `union` merge is no cure:
//! it shares the lines both sides have in common (`[[entry]]`, `kind =
//! "update"`, the blank line between entries), so two appended entries can
//! come out as one table with every key twice, which is not TOML. This
//! driver merges entry by entry instead, by ID, and leaves a real conflict
//! (the same entry changed differently on both sides) to git.

use super::preserve::{self, comment_lines};
use super::{codec, fsio};
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::fs;
use std::path::Path;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

/// The outcome of merging two versions of a journal month.
#[derive(Debug, PartialEq, Eq)]
pub enum JournalMerge {
    /// Every entry of both sides, as the new text of the file.
    Merged(Vec<u8>),
    /// What stops a merge entry by entry; git's line merge must do.
    Conflict(String),
}

/// Merges journal month files as git's merge driver: `base` is the common
/// ancestor, `ours` the version to write the result into, `theirs` the
/// other side. On a conflict nothing is written.
pub fn merge_journal_files(base: &Path, ours: &Path, theirs: &Path) -> Result<JournalMerge> {
    let read = |path: &Path| fsio::read_optional(path).map(Option::unwrap_or_default);
    let outcome = merge_journal(&read(base)?, &read(ours)?, &read(theirs)?);
    if let JournalMerge::Merged(bytes) = &outcome {
        fs::write(ours, bytes).map_err(|err| Error::io(ours, err))?;
    }
    Ok(outcome)
}

/// The three-way merge of a month's entries, by ID, on the text as it is
/// written. During `mentee sync` "theirs" is the person's own commit being
/// replayed, so a hand edit there (a comment above an entry, a key mentee
/// does not know) is as much a change as a new text, and is carried over
/// as written: an entry's version is its whole table, comments included.
///
/// An entry changed on one side takes that side's table; one removed on
/// one side and unchanged on the other goes; their new entries come after
/// ours, in their order. The same goes for what lies outside the entries
/// (comments at the top, `format`, unknown keys). Ours' bytes are kept
/// wherever nothing changes. Anything else (the same entry changed
/// differently, changed on one side and removed on the other, a result
/// that would not read) is a conflict, left to git.
pub fn merge_journal(base: &[u8], ours: &[u8], theirs: &[u8]) -> JournalMerge {
    match merged_text(base, ours, theirs) {
        Ok(bytes) => JournalMerge::Merged(bytes),
        Err(why) => JournalMerge::Conflict(why),
    }
}

fn merged_text(base: &[u8], ours: &[u8], theirs: &[u8]) -> Result<Vec<u8>, String> {
    let base_side = Side::read("base", base, false)?;
    let our_side = Side::read("ours", ours, true)?;
    let their_side = Side::read("theirs", theirs, false)?;
    let plan = Plan::make(&base_side, &our_side, &their_side)?;
    let bytes = if plan.keeps_ours_as_written(&our_side) {
        if plan.added.is_empty() {
            return Ok(ours.to_vec());
        }
        // The common case: their new entries go at the end, as
        // `mentee update` appends them; nothing before them changes.
        codec::appended(ours, &tables_text(&plan.added))
    } else {
        // A file that was empty here takes the other side's conventions.
        let convention = if ours.is_empty() { theirs } else { ours };
        codec::keep_line_endings(convention, &plan.rebuild(&our_side, &their_side))
    };
    checked(bytes, &plan.ids())
}

/// One version of a month file: read as the model, so that a version
/// mentee cannot read is never merged, and as a document, for its text.
struct Side {
    doc: DocumentMut,
    /// The entries in file order.
    entries: Vec<Written>,
    /// Where each entry is in `entries`, by its key.
    places: HashMap<EntryKey, usize>,
    /// Entries written as an inline array (`entry = [{ ... }]`).
    inline: bool,
    /// The text of everything but the entries.
    outside: String,
}

/// An entry's ID and how many entries before it in the file share that
/// ID, so that two entries with one ID are two entries, never one.
type EntryKey = (String, usize);

/// One entry as written: its table, with the comments above it and the
/// keys mentee does not know, and the text two versions are compared by.
struct Written {
    key: EntryKey,
    table: Table,
    text: String,
}

impl Side {
    /// Reads one version. Ours is parsed as it is, so that its bytes can be
    /// written back unchanged; the others with plain line endings, so that
    /// what is taken from them gets ours' endings when written.
    fn read(name: &str, bytes: &[u8], as_is: bool) -> Result<Side, String> {
        let path = Path::new(name);
        let unreadable = |err: Error| format!("{name} does not parse: {err}");
        codec::read_entries(path, bytes).map_err(unreadable)?;
        let doc = if as_is {
            codec::read_document(path, bytes)
        } else {
            let text = std::str::from_utf8(bytes).map_err(|err| format!("{name}: {err}"))?;
            codec::read_document(path, unix(text).as_bytes())
        }
        .map_err(unreadable)?;
        let (tables, inline) = entry_tables(&doc)?;
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut entries = Vec::new();
        for table in tables {
            let id = table
                .get("id")
                .and_then(Item::as_str)
                .ok_or_else(|| format!("{name} has an entry without an ID"))?
                .to_string();
            let count = seen.entry(id.clone()).or_default();
            let key = (id, *count);
            *count += 1;
            let text = unix(&tables_text([&table]));
            entries.push(Written { key, table, text });
        }
        let places = entries
            .iter()
            .enumerate()
            .map(|(place, entry)| (entry.key.clone(), place))
            .collect();
        let outside = outside_text(&doc);
        Ok(Side {
            doc,
            entries,
            places,
            inline,
            outside,
        })
    }

    fn find(&self, key: &EntryKey) -> Option<&Written> {
        self.places
            .get(key)
            .and_then(|&place| self.entries.get(place))
    }

    fn text(&self, key: &EntryKey) -> Option<&str> {
        self.find(key).map(|entry| entry.text.as_str())
    }
}

/// The entry tables of a document, in order, and whether they are written
/// as an inline array. Inline ones become tables; the comments around
/// them in the array go above the table they stood next to.
fn entry_tables(doc: &DocumentMut) -> Result<(Vec<Table>, bool), String> {
    match doc.get("entry") {
        None => Ok((Vec::new(), false)),
        Some(Item::ArrayOfTables(array)) => Ok((array.iter().cloned().collect(), false)),
        Some(Item::Value(value @ Value::Array(_))) => {
            let above = doc.key("entry").and_then(|key| key.leaf_decor().prefix());
            let tables = preserve::inline_as_tables(above, value)
                .ok_or_else(|| "an entry is not a table".to_string())?;
            Ok((tables, true))
        }
        Some(_) => Err("the entries are not an array of tables".to_string()),
    }
}

/// `table` without `comments` at the start of the comment lines above it.
fn without_leading(table: &Table, comments: &str) -> Table {
    let mut table = table.clone();
    let above = comment_lines(table.decor().prefix());
    if !comments.is_empty()
        && let Some(rest) = above.strip_prefix(comments)
    {
        table.decor_mut().set_prefix(format!("\n{rest}"));
    }
    table
}

/// Everything of a month file but its entries, as text.
fn outside_text(doc: &DocumentMut) -> String {
    let mut doc = doc.clone();
    doc.remove("entry");
    unix(&doc.to_string())
}

/// Entry tables on their own, as `[[entry]]` tables with the comments
/// above them: the text to append, and the text versions are compared by.
fn tables_text<'a>(tables: impl IntoIterator<Item = &'a Table>) -> String {
    let mut doc = DocumentMut::new();
    doc.insert("entry", Item::ArrayOfTables(placed_anew(tables)));
    doc.to_string()
}

/// Tables to go into another document: their places in the file they
/// came from mean nothing there, so they are written where they are put.
fn placed_anew<'a>(tables: impl IntoIterator<Item = &'a Table>) -> ArrayOfTables {
    let mut array = ArrayOfTables::new();
    for table in tables {
        let mut table = table.clone();
        forget_position(&mut table);
        array.push(table);
    }
    array
}

fn forget_position(table: &mut Table) {
    table.set_position(None);
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(inner) => forget_position(inner),
            Item::ArrayOfTables(array) => array.iter_mut().for_each(forget_position),
            _ => {}
        }
    }
}

/// Line endings as mentee reads them: a CRLF is read as LF.
fn unix(text: &str) -> String {
    text.replace("\r\n", "\n")
}

/// Which version of something (an entry, or what lies outside the
/// entries) the merge keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Take {
    Ours,
    Theirs,
    /// Removed on one side (and unchanged on the other) or on both.
    Neither,
}

/// The three-way rule for one thing, given its text in each version
/// (`None`: not there). The error says why both sides cannot be kept.
fn take(
    base: Option<&str>,
    ours: Option<&str>,
    theirs: Option<&str>,
) -> Result<Take, &'static str> {
    match (base, ours, theirs) {
        (_, Some(ours), Some(theirs)) if ours == theirs => Ok(Take::Ours),
        (Some(base), Some(_), Some(theirs)) if theirs == base => Ok(Take::Ours),
        (Some(base), Some(ours), Some(_)) if ours == base => Ok(Take::Theirs),
        (Some(_), Some(_), Some(_)) => Err("changed differently on both sides"),
        (None, Some(_), Some(_)) => Err("added on both sides, differently"),
        (None, Some(_), None) => Ok(Take::Ours),
        (None, None, Some(_)) => Ok(Take::Theirs),
        (Some(base), Some(kept), None) | (Some(base), None, Some(kept)) if kept == base => {
            Ok(Take::Neither)
        }
        (Some(_), Some(_), None) | (Some(_), None, Some(_)) => {
            Err("changed on one side and removed on the other")
        }
        (_, None, None) => Ok(Take::Neither),
    }
}

/// An entry of the result.
struct Chosen<'a> {
    entry: &'a Written,
    from_theirs: bool,
    /// Where ours' version of the entry stands among ours' tables.
    place: Option<isize>,
}

/// What the merge keeps: ours' entries in our order (each as one side
/// wrote it), their new entries, and whose text outside the entries.
struct Plan<'a> {
    kept: Vec<Chosen<'a>>,
    added: Vec<Table>,
    added_ids: Vec<&'a str>,
    outside_from_theirs: bool,
}

impl<'a> Plan<'a> {
    fn make(base: &Side, ours: &'a Side, theirs: &'a Side) -> Result<Plan<'a>, String> {
        let conflict = |key: &EntryKey, why: &str| format!("entry {} was {why}", key.0);
        let mut kept = Vec::new();
        for entry in &ours.entries {
            let key = &entry.key;
            let their_entry = theirs.find(key);
            let chosen = match take(base.text(key), Some(&entry.text), theirs.text(key)) {
                Err(why) => return Err(conflict(key, why)),
                Ok(Take::Neither) => continue,
                Ok(Take::Ours) => Chosen {
                    entry,
                    from_theirs: false,
                    place: entry.table.position(),
                },
                Ok(Take::Theirs) => Chosen {
                    entry: their_entry.unwrap_or(entry),
                    from_theirs: their_entry.is_some(),
                    place: entry.table.position(),
                },
            };
            kept.push(chosen);
        }
        // A comment that ended base became the prefix of whatever was
        // appended after it, on each side: ours keeps its copy.
        let base_end = comment_lines(Some(base.doc.trailing()));
        let mut added = Vec::new();
        let mut added_ids = Vec::new();
        for entry in theirs
            .entries
            .iter()
            .filter(|e| ours.find(&e.key).is_none())
        {
            match take(base.text(&entry.key), None, Some(&entry.text)) {
                Err(why) => return Err(conflict(&entry.key, why)),
                Ok(Take::Theirs) => {
                    added.push(without_leading(&entry.table, &base_end));
                    added_ids.push(entry.key.0.as_str());
                }
                Ok(_) => {}
            }
        }
        let outside = take(
            Some(&base.outside),
            Some(&ours.outside),
            Some(&theirs.outside),
        )
        .map_err(|why| format!("the text outside the entries was {why}"))?;
        Ok(Plan {
            kept,
            added,
            added_ids,
            outside_from_theirs: outside == Take::Theirs,
        })
    }

    /// Is ours' text to be kept as it is, with at most entries appended?
    fn keeps_ours_as_written(&self, ours: &Side) -> bool {
        !self.outside_from_theirs
            && self.kept.len() == ours.entries.len()
            && self.kept.iter().all(|chosen| !chosen.from_theirs)
            && (self.added.is_empty() || !ours.inline)
    }

    /// The merged file's text, built on the document whose text outside
    /// the entries is kept. Each of ours' entries keeps its place among
    /// ours' tables, also when their version of it is taken.
    fn rebuild(&self, ours: &Side, theirs: &Side) -> String {
        let (mut doc, keep_places) = if self.outside_from_theirs {
            (theirs.doc.clone(), false)
        } else {
            (ours.doc.clone(), !ours.inline)
        };
        let mut entries = ArrayOfTables::new();
        for chosen in &self.kept {
            let mut table = chosen.entry.table.clone();
            if chosen.from_theirs || !keep_places {
                forget_position(&mut table);
            }
            if keep_places {
                table.set_position(chosen.place);
            }
            entries.push(table);
        }
        entries.extend(placed_anew(&self.added));
        match doc.get_mut("entry") {
            Some(Item::ArrayOfTables(old)) => *old = entries,
            _ => {
                doc.remove("entry");
                if !entries.is_empty() {
                    doc.insert("entry", Item::ArrayOfTables(entries));
                }
            }
        }
        doc.to_string()
    }

    /// The IDs of the result's entries, in order.
    fn ids(&self) -> Vec<&str> {
        let kept = self.kept.iter().map(|chosen| chosen.entry.key.0.as_str());
        kept.chain(self.added_ids.iter().copied()).collect()
    }
}

/// The merged file must read as a journal holding exactly the entries the
/// merge chose; otherwise it is not written, and git's line merge decides.
fn checked(bytes: Vec<u8>, ids: &[&str]) -> Result<Vec<u8>, String> {
    let entries = codec::read_entries(Path::new("merged"), &bytes)
        .map_err(|err| format!("the merged file would not parse: {err}"))?;
    let found: Vec<&str> = entries.iter().map(|entry| entry.id.as_str()).collect();
    if found != ids {
        return Err("the merged file would not hold the entries of both sides".to_string());
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::{JournalMerge, Take, checked, merge_journal, take};
    use crate::model::id::Id;
    use crate::model::journal::{Entry, Kind};
    use crate::store::codec;
    use std::path::Path;

    fn entry(id: &str, date: &str, text: &str) -> Entry {
        Entry::new(
            Id::from(id),
            date.parse().expect("date"),
            Kind::Update,
            Some("alex-kim".into()),
            text.into(),
        )
    }

    fn file(entries: &[Entry]) -> Vec<u8> {
        codec::journal_document(entries).to_string().into_bytes()
    }

    fn merged(outcome: JournalMerge) -> Vec<Entry> {
        codec::read_entries(Path::new("merged"), &merged_bytes(outcome)).expect("the merge parses")
    }

    #[track_caller]
    fn merged_bytes(outcome: JournalMerge) -> Vec<u8> {
        match outcome {
            JournalMerge::Merged(bytes) => bytes,
            JournalMerge::Conflict(why) => panic!("conflict: {why}"),
        }
    }

    #[track_caller]
    fn merged_text(base: &str, ours: &str, theirs: &str) -> String {
        let outcome = merge_journal(base.as_bytes(), ours.as_bytes(), theirs.as_bytes());
        String::from_utf8(merged_bytes(outcome)).expect("UTF-8")
    }

    #[track_caller]
    fn conflict(base: &str, ours: &str, theirs: &str) -> String {
        match merge_journal(base.as_bytes(), ours.as_bytes(), theirs.as_bytes()) {
            JournalMerge::Conflict(why) => why,
            JournalMerge::Merged(bytes) => {
                panic!("merged: {}", String::from_utf8_lossy(&bytes))
            }
        }
    }

    const HEAD: &str = "# mentee: journal entries for one month\nformat = 1\n";

    /// An entry table as mentee writes it, with `extra` lines before its text.
    fn table(id: &str, extra: &str) -> String {
        format!(
            "\n[[entry]]\nid = \"{id}\"\ndate = 2026-11-03\nkind = \"update\"\n{extra}text = \"{id}\"\n"
        )
    }

    #[test]
    fn entries_appended_on_both_sides_are_all_kept() {
        let first = entry("aaaaaa", "2026-11-03", "first");
        let base = file(std::slice::from_ref(&first));
        let ours = [first.clone(), entry("bbbbbb", "2026-11-23", "from b")];
        let theirs = [first.clone(), entry("cccccc", "2026-11-23", "from a")];
        let mut ours_text = base.clone();
        ours_text.extend(codec::entries_text(&ours[1..]).as_bytes());
        let all = merged(merge_journal(&base, &ours_text, &file(&theirs)));
        let ids: Vec<&str> = all.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, vec!["aaaaaa", "bbbbbb", "cccccc"]);
    }

    #[test]
    fn one_sided_changes_and_removals_are_taken() {
        let (a, b) = (
            entry("aaaaaa", "2026-11-03", "a"),
            entry("bbbbbb", "2026-11-04", "b"),
        );
        let base = file(&[a.clone(), b.clone()]);
        let mut fixed = a.clone();
        fixed.text = "a, typo fixed".into();
        let ours = file(std::slice::from_ref(&a));
        let theirs = file(&[fixed.clone(), b.clone()]);
        assert_eq!(merged(merge_journal(&base, &ours, &theirs)), vec![fixed]);
    }

    #[test]
    fn the_same_entry_changed_twice_is_a_conflict() {
        let a = entry("aaaaaa", "2026-11-03", "a");
        let (mut one, mut two) = (a.clone(), a.clone());
        one.text = "one".into();
        two.text = "two".into();
        let outcome = merge_journal(&file(&[a]), &file(&[one]), &file(&[two]));
        assert!(matches!(outcome, JournalMerge::Conflict(_)), "{outcome:?}");
        let broken = merge_journal(b"", b"<<<<<<< x\n", &file(&[]));
        assert!(matches!(broken, JournalMerge::Conflict(_)), "{broken:?}");
    }

    #[test]
    fn comments_and_unknown_keys_from_theirs_survive() {
        // The reviewer's case: theirs (the person's own commit, replayed by
        // `git pull --rebase`) annotated A by hand and added B by hand.
        let a = table("aaaaaa", "");
        let base = format!("{HEAD}{a}");
        let ours = format!("{base}{}", table("cccccc", ""));
        let noted_a = format!(
            "\n# IMPORTANT: quote this\n{}",
            table("aaaaaa", "tags = [\"promo\"]\n").trim_start()
        );
        let b = format!(
            "\n# written on the train\n{}",
            table("bbbbbb", "mood = \"tired\"  # honest\n").trim_start()
        );
        let theirs = format!("{HEAD}{noted_a}{b}");
        assert_eq!(
            merged_text(&base, &ours, &theirs),
            format!("{HEAD}{noted_a}{}{b}", table("cccccc", ""))
        );
    }

    #[test]
    fn a_changed_comment_or_unknown_key_is_a_change() {
        let base = format!("{HEAD}{}{}", table("aaaaaa", ""), table("bbbbbb", ""));
        let ours = format!("{base}{}", table("cccccc", ""));
        // Only an unknown key's value changed on their side: it is taken.
        let theirs = base.replace(
            "kind = \"update\"\ntext = \"bbbbbb\"",
            "kind = \"update\"\nmood = 1\ntext = \"bbbbbb\"",
        );
        assert!(merged_text(&base, &ours, &theirs).contains("mood = 1\ntext = \"bbbbbb\""));
        // A comment added here and a text changed there: both sides
        // changed the entry, and git's line merge must decide.
        let commented = ours.replace(
            "\n[[entry]]\nid = \"aaaaaa\"",
            "\n# mine\n[[entry]]\nid = \"aaaaaa\"",
        );
        let fixed = base.replace("text = \"aaaaaa\"", "text = \"fixed\"");
        assert_eq!(
            conflict(&base, &commented, &fixed),
            "entry aaaaaa was changed differently on both sides"
        );
        // The same change on both sides is no conflict; ours is kept.
        assert_eq!(merged_text(&base, &commented, &commented), commented);
    }

    #[test]
    fn the_three_way_rule() {
        #[track_caller]
        fn case(
            base: Option<&str>,
            ours: Option<&str>,
            theirs: Option<&str>,
            want: Result<Take, &str>,
        ) {
            assert_eq!(take(base, ours, theirs), want);
        }
        let (b, o, t) = (Some("base"), Some("ours"), Some("theirs"));
        case(b, b, b, Ok(Take::Ours));
        case(b, o, b, Ok(Take::Ours));
        case(b, b, t, Ok(Take::Theirs));
        case(b, o, o, Ok(Take::Ours));
        case(b, o, t, Err("changed differently on both sides"));
        case(b, b, None, Ok(Take::Neither));
        case(b, None, b, Ok(Take::Neither));
        case(b, None, None, Ok(Take::Neither));
        case(
            b,
            o,
            None,
            Err("changed on one side and removed on the other"),
        );
        case(
            b,
            None,
            t,
            Err("changed on one side and removed on the other"),
        );
        case(None, o, None, Ok(Take::Ours));
        case(None, None, t, Ok(Take::Theirs));
        case(None, o, o, Ok(Take::Ours));
        case(None, o, t, Err("added on both sides, differently"));
    }

    #[test]
    fn removals_go_unless_the_other_side_changed_the_entry() {
        let (a, b) = (table("aaaaaa", ""), table("bbbbbb", ""));
        let base = format!("{HEAD}{a}{b}");
        let without_a = format!("{HEAD}{b}");
        let changed_a = base.replace("text = \"aaaaaa\"", "text = \"changed\"");
        assert_eq!(merged_text(&base, &base, &without_a), without_a);
        assert_eq!(merged_text(&base, &without_a, &base), without_a);
        assert_eq!(
            conflict(&base, &without_a, &changed_a),
            "entry aaaaaa was changed on one side and removed on the other"
        );
        assert_eq!(
            conflict(&base, &changed_a, &without_a),
            "entry aaaaaa was changed on one side and removed on the other"
        );
    }

    #[test]
    fn what_lies_outside_the_entries_follows_the_same_rule() {
        let a = table("aaaaaa", "");
        let base = format!("{HEAD}{a}");
        let ours = format!("{base}{}", table("cccccc", ""));
        let noted = format!("# my November\n{HEAD}owner = \"sam\"\n{a}");
        assert_eq!(
            merged_text(&base, &ours, &noted),
            format!(
                "# my November\n{HEAD}owner = \"sam\"\n{a}{}",
                table("cccccc", "")
            )
        );
        // Their top changed, ours too, differently: a conflict.
        let other = format!("# ours\n{HEAD}{a}");
        assert_eq!(
            conflict(&base, &other, &noted),
            "the text outside the entries was changed differently on both sides"
        );
    }

    #[test]
    fn an_unchanged_merge_is_byte_identical_to_ours() {
        let ours = "\u{feff}# odd spacing, kept\r\nformat=1\r\n\r\n[[entry]]   # first\r\nid='aaaaaa'\r\ndate = 2026-11-03\r\nkind = \"update\"\r\ntext = \"\"\"\r\nline\"\"\"\r\n"
            .to_string();
        let base = format!("{HEAD}{}", table("aaaaaa", ""));
        for theirs in [base.as_str(), ours.as_str()] {
            assert_eq!(merged_text(&base, &ours, theirs), ours);
        }
        // Their only change is an entry: ours' bytes stay, the entry follows.
        let theirs = format!("{base}{}", table("bbbbbb", ""));
        let both = merged_text(&base, &ours, &theirs);
        assert!(both.starts_with(&ours), "{both}");
    }

    #[test]
    fn bom_and_crlf_on_every_side_stay_one_bom_and_crlf() {
        let windows = |text: &str| format!("\u{feff}{}", text.replace('\n', "\r\n"));
        let base = format!("{HEAD}{}", table("aaaaaa", ""));
        let ours = windows(&format!("{base}{}", table("bbbbbb", "")));
        let theirs = windows(&format!(
            "{base}\n# by hand\n{}",
            table("cccccc", "mood = \"ok\"\n").trim_start()
        ));
        // The plain append, and a rewrite (their change to A is taken).
        let changed = theirs.replace("text = \"aaaaaa\"", "text = \"fixed\"");
        for theirs in [theirs, changed] {
            let text = merged_text(&windows(&base), &ours, &theirs);
            assert_eq!(text.matches('\u{feff}').count(), 1, "{text:?}");
            assert!(text.starts_with('\u{feff}'), "{text:?}");
            assert_eq!(
                text.matches('\n').count(),
                text.matches("\r\n").count(),
                "{text:?}"
            );
            let ids: Vec<String> = codec::read_entries(Path::new("m"), text.as_bytes())
                .expect("parses")
                .into_iter()
                .map(|e| e.id.to_string())
                .collect();
            assert_eq!(ids, ["aaaaaa", "bbbbbb", "cccccc"]);
            assert!(text.contains("# by hand\r\n[[entry]]") && text.contains("mood = \"ok\""));
        }
        // Ours from Windows, theirs from elsewhere: still CRLF throughout.
        let unix_theirs = format!("{base}{}", table("cccccc", ""));
        let text = merged_text(&base, &ours, &unix_theirs);
        assert_eq!(
            text.matches('\n').count(),
            text.matches("\r\n").count(),
            "{text:?}"
        );
    }

    #[test]
    fn ours_as_an_inline_array_is_merged() {
        let base = format!("{HEAD}{}", table("aaaaaa", ""));
        let ours = format!(
            "{HEAD}entry = [\n  # the first\n  {{ id = \"aaaaaa\", date = 2026-11-03, kind = \"update\", text = \"aaaaaa\" }},\n  {{ id = \"bbbbbb\", date = 2026-11-04, kind = \"update\", text = \"b\", mood = \"calm\" }},\n]\n"
        );
        let theirs = format!(
            "{base}\n# theirs\n{}",
            table("cccccc", "tags = [\"x\"]\n").trim_start()
        );
        // Nothing new on their side: ours stays as written.
        assert_eq!(merged_text(&base, &ours, &base), ours);
        let text = merged_text(&base, &ours, &theirs);
        let ids: Vec<String> = codec::read_entries(Path::new("m"), text.as_bytes())
            .expect("parses")
            .into_iter()
            .map(|e| e.id.to_string())
            .collect();
        assert_eq!(ids, ["aaaaaa", "bbbbbb", "cccccc"], "{text}");
        for kept in [
            "# the first\n",
            "mood = \"calm\"",
            "# theirs\n",
            "tags = [\"x\"]",
        ] {
            assert!(text.contains(kept), "{kept:?} is missing from {text}");
        }
    }

    #[test]
    fn entries_sharing_an_id_are_never_dropped() {
        let (a, twin) = (table("aaaaaa", ""), table("aaaaaa", "note = \"twin\"\n"));
        let base = format!("{HEAD}{a}{twin}");
        let theirs = format!("{base}{}", table("bbbbbb", ""));
        let changed = base.replace("note = \"twin\"", "note = \"second\"");
        let text = merged_text(&base, &changed, &theirs);
        assert_eq!(text.matches("id = \"aaaaaa\"").count(), 2, "{text}");
        assert!(
            text.contains("note = \"second\"") && text.contains("bbbbbb"),
            "{text}"
        );
    }

    #[test]
    fn a_result_that_would_not_parse_is_a_conflict() {
        let good = format!("{HEAD}{}", table("aaaaaa", ""));
        assert_eq!(
            checked(good.clone().into_bytes(), &["aaaaaa"]),
            Ok(good.clone().into_bytes())
        );
        // What appending with a second byte-order mark would give.
        let second_bom = format!("\u{feff}{good}\u{feff}{}", table("bbbbbb", ""));
        assert!(
            checked(second_bom.into_bytes(), &["aaaaaa", "bbbbbb"])
                .is_err_and(|why| why.contains("would not parse"))
        );
        assert!(checked(good.into_bytes(), &["aaaaaa", "bbbbbb"]).is_err());
        // A side that does not read as a journal is never merged.
        let bad_date = format!("{HEAD}{}", table("bbbbbb", "")).replace("2026-11-03", "\"soon\"");
        assert!(conflict(HEAD, HEAD, &bad_date).contains("theirs does not parse"));
    }

    #[test]
    fn a_comment_at_the_end_of_base_is_kept_once() {
        let base = format!(
            "{HEAD}{}\n# end of the month: call Sam\n",
            table("aaaaaa", "")
        );
        let ours = format!("{base}{}", table("cccccc", ""));
        let theirs = format!("{base}{}", table("bbbbbb", ""));
        let text = merged_text(&base, &ours, &theirs);
        assert_eq!(text.matches("# end of the month").count(), 1, "{text}");
        for id in ["aaaaaa", "bbbbbb", "cccccc"] {
            assert!(text.contains(id), "{text}");
        }
    }
}
