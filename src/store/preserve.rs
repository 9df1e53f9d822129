//! Applies a freshly written document onto the file a person may have edited,
//! so that comments, blank lines, key order and keys mentee does not know
//! survive every rewrite; only the values that really changed are touched.

use std::borrow::Cow;
use toml_edit::{ArrayOfTables, DocumentMut, Item, RawString, Table, Value};

/// The keys mentee writes in each kind of table, and the key that identifies
/// one table in an array of tables (`None`: matched by position).
fn shape(table: &str) -> (&'static [&'static str], Option<&'static str>) {
    match table {
        "" => (
            &[
                "format", "mentor", "meeting", "checkin", "action", "entry", "topic", "goal",
                "silence",
            ],
            None,
        ),
        "mentor" => (
            &[
                "name",
                "slug",
                "role",
                "email",
                "every",
                "since",
                "until",
                "silence",
                "paused_until",
            ],
            Some("slug"),
        ),
        "meeting" => (
            &[
                "id", "mentor", "status", "date", "time", "minutes", "topics",
            ],
            None,
        ),
        "checkin" => (&["action", "status", "note"], Some("action")),
        "action" => (
            &[
                "id",
                "text",
                "created",
                "due",
                "status",
                "mentor",
                "goal",
                "history",
                "correction",
            ],
            Some("id"),
        ),
        "history" => (&["on", "status", "note"], None),
        "entry" => (
            &[
                "id", "date", "kind", "mentor", "action", "meeting", "goal", "about", "options",
                "input", "why", "edited", "text",
            ],
            Some("id"),
        ),
        "topic" => (&["id", "mentor", "text", "added"], Some("id")),
        "goal" => (
            &[
                "id",
                "text",
                "mentor",
                "measure",
                "created",
                "by",
                "status",
                "rating",
                "correction",
            ],
            Some("id"),
        ),
        "rating" => (&["on", "score", "note"], None),
        "correction" => (&["on", "change", "note"], None),
        _ => (&[], None),
    }
}

/// Makes `old` say what `new` says, changing as little of `old` as possible.
pub fn merge_document(old: &mut DocumentMut, new: &DocumentMut) {
    merge_table(old.as_table_mut(), new.as_table(), "");
}

fn merge_table(old: &mut Table, new: &Table, name: &str) {
    let (owned, _) = shape(name);
    let stale: Vec<String> = old
        .iter()
        .map(|(key, _)| key.to_string())
        .filter(|key| owned.contains(&key.as_str()) && !new.contains_key(key))
        .collect();
    for key in stale {
        old.remove(&key);
    }
    for (key, new_item) in new.iter() {
        let Some(old_item) = old.get(key) else {
            old.insert(key, new_item.clone());
            continue;
        };
        if matches!(new_item, Item::Table(_) | Item::ArrayOfTables(_))
            && let Some(value) = old_item.as_value()
        {
            let above = old.key(key).and_then(|k| k.leaf_decor().prefix());
            if let Some(tables) = inline_as_tables(above, value) {
                let turned = match new_item {
                    Item::Table(_) => tables.into_iter().next().map(Item::Table),
                    _ => Some(Item::ArrayOfTables(tables.into_iter().collect())),
                };
                if let (Some(turned), Some(old_item)) = (turned, old.get_mut(key)) {
                    *old_item = turned;
                    // `entry = [...]` is now `[[entry]]`: the comments above
                    // the key went to the first table, and the spacing
                    // around it was for the `=` that is gone.
                    if let Some(mut written) = old.key_mut(key) {
                        written.leaf_decor_mut().clear();
                    }
                }
            }
        }
        if let Some(old_item) = old.get_mut(key) {
            merge_item(old_item, new_item, key);
        }
    }
}

/// Records written by hand inline (`meeting = { ... }`, `entry = [{ ... }]`,
/// valid TOML) where mentee writes tables, as tables: every key kept, and
/// the comments written around them (`above` the key, inside the array,
/// after it) on lines above the table they stood next to. So they merge
/// like any others instead of being replaced whole. `None` when `value`
/// is not made of inline tables.
pub fn inline_as_tables(above: Option<&RawString>, value: &Value) -> Option<Vec<Table>> {
    let (values, trailing): (Vec<&Value>, Option<&RawString>) = match value {
        Value::Array(array) => (array.iter().collect(), Some(array.trailing())),
        Value::InlineTable(_) => (vec![value], None),
        _ => return None,
    };
    let after = value.decor().suffix();
    let last = values.len().saturating_sub(1);
    let mut tables = Vec::new();
    for (place, value) in values.into_iter().enumerate() {
        let Value::InlineTable(inline) = value else {
            return None;
        };
        let mut comments = String::new();
        if place == 0 {
            comments.push_str(&comment_lines(above));
        }
        comments.push_str(&comment_lines(value.decor().prefix()));
        if place == last {
            comments.push_str(&comment_lines(trailing));
            comments.push_str(&comment_lines(after));
        }
        let mut table = inline.clone().into_table();
        table.decor_mut().set_prefix(format!("\n{comments}"));
        tables.push(table);
    }
    Some(tables)
}

/// The comment lines of a stretch of blank space, each on its own line.
pub fn comment_lines(raw: Option<&RawString>) -> String {
    raw.and_then(RawString::as_str)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|line| line.starts_with('#'))
        .map(|line| format!("{line}\n"))
        .collect()
}

fn merge_item(old: &mut Item, new: &Item, name: &str) {
    match (old, new) {
        (Item::Value(old), Item::Value(new)) => {
            if !same_value(old, new) {
                let decor = old.decor().clone();
                *old = new.clone();
                *old.decor_mut() = decor;
            }
        }
        (Item::Table(old), Item::Table(new)) => merge_table(old, new, name),
        (Item::ArrayOfTables(old), Item::ArrayOfTables(new)) => merge_array(old, new, name),
        (old, new) => *old = new.clone(),
    }
}

fn merge_array(old: &mut ArrayOfTables, new: &ArrayOfTables, name: &str) {
    let (_, identity) = shape(name);
    let Some(identity) = identity else {
        // Matched by position: history is only ever appended to.
        while old.len() > new.len() {
            old.remove(old.len() - 1);
        }
        for (index, new_table) in new.iter().enumerate() {
            match old.get_mut(index) {
                Some(old_table) => merge_table(old_table, new_table, name),
                None => old.push(new_table.clone()),
            }
        }
        return;
    };
    // The k-th table with a key is matched with the k-th old one with that
    // key: two records that share an ID (after a merge of two machines'
    // files, say) stay two records. Old tables keep their comments and
    // unknown keys; ones no longer wanted go; new ones come at the end.
    let mut used = vec![false; old.len()];
    let mut rebuilt = ArrayOfTables::new();
    for new_table in new.iter() {
        let key = new_table.get(identity).and_then(Item::as_str);
        let matched = old.iter().enumerate().position(|(i, old_table)| {
            !used[i] && key.is_some() && key_of(old_table, identity).as_deref() == key
        });
        match matched.and_then(|i| old.get(i).map(|t| (i, t.clone()))) {
            Some((i, mut table)) => {
                used[i] = true;
                merge_table(&mut table, new_table, name);
                rebuilt.push(table);
            }
            None => rebuilt.push(new_table.clone()),
        }
    }
    *old = rebuilt;
}

/// The key of a table from the file, read as mentee reads it.
fn key_of<'a>(table: &'a Table, identity: &str) -> Option<Cow<'a, str>> {
    match table.get(identity).and_then(Item::as_value) {
        Some(Value::String(key)) => Some(as_read(key)),
        _ => None,
    }
}

/// Whether `old`, from the file, says what `new`, freshly written, says,
/// whatever the spelling (`'x'` and `"x"` are the same string).
fn same_value(old: &Value, new: &Value) -> bool {
    match (old, new) {
        (Value::String(old), Value::String(new)) => as_read(old) == new.value().as_str(),
        (Value::Integer(old), Value::Integer(new)) => old.value() == new.value(),
        (Value::Float(old), Value::Float(new)) => old.value() == new.value(),
        (Value::Boolean(old), Value::Boolean(new)) => old.value() == new.value(),
        (Value::Datetime(old), Value::Datetime(new)) => old.value() == new.value(),
        (Value::Array(old), Value::Array(new)) => {
            old.len() == new.len() && old.iter().zip(new.iter()).all(|(a, b)| same_value(a, b))
        }
        (Value::InlineTable(old), Value::InlineTable(new)) => {
            old.len() == new.len()
                && old
                    .iter()
                    .all(|(key, a)| new.get(key).is_some_and(|b| same_value(a, b)))
        }
        _ => false,
    }
}

/// A string as mentee reads it: the reader turns every CRLF of a Windows
/// file into LF before parsing (see `codec`), so a line break inside a
/// multi-line string is LF, while an escaped `\r` stays. The same is done
/// here to the string's spelling in the file, so that the two agree.
fn as_read(old: &toml_edit::Formatted<String>) -> Cow<'_, str> {
    let read = old
        .as_repr()
        .and_then(|repr| repr.as_raw().as_str())
        .filter(|raw| raw.contains("\r\n"))
        .and_then(|raw| raw.replace("\r\n", "\n").parse::<Value>().ok())
        .and_then(|value| value.as_str().map(str::to_string));
    read.map_or(old.value().into(), Into::into)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merged(old: &str, new: &str) -> String {
        let mut old: DocumentMut = old.parse().expect("old parses");
        let new: DocumentMut = new.parse().expect("new parses");
        merge_document(&mut old, &new);
        old.to_string()
    }

    #[test]
    fn comments_order_and_unknown_keys_survive() {
        let old = "# my notes\nformat = 1\n\n[[mentor]]\nslug = 'alex'  # short\nname = \"Alex\"\nfavourite = \"tea\"\n";
        let new = "format = 1\n[[mentor]]\nname = \"Alex\"\nslug = \"alex\"\nrole = \"coach\"\n";
        assert_eq!(
            merged(old, new),
            "# my notes\nformat = 1\n\n[[mentor]]\nslug = 'alex'  # short\nname = \"Alex\"\nfavourite = \"tea\"\nrole = \"coach\"\n"
        );
    }

    #[test]
    fn changed_values_keep_their_comments_and_removed_ones_go() {
        let old = "[[action]]\nid = \"a\"\nstatus = \"open\" # hm\ndue = 2026-01-01\n\n[[action]]\nid = \"b\"\nstatus = \"open\"\n";
        let new = "[[action]]\nid = \"a\"\nstatus = \"done\"\n\n[[action]]\nid = \"b\"\nstatus = \"open\"\n";
        assert_eq!(
            merged(old, new),
            "[[action]]\nid = \"a\"\nstatus = \"done\" # hm\n\n[[action]]\nid = \"b\"\nstatus = \"open\"\n"
        );
    }

    #[test]
    fn tables_sharing_an_id_stay_distinct() {
        let old = "[[mentor]]\nslug = \"sam\"\nname = \"Sam Lee\"\nemail = \"sam@work\"\n\n[[mentor]]\nslug = \"sam\"\nname = \"Sam (school)\"\n";
        let new = "[[mentor]]\nslug = \"sam\"\nname = \"Sam Lee\"\nemail = \"sam@work\"\n[[mentor]]\nslug = \"sam\"\nname = \"Sam (school)\"\n[[mentor]]\nslug = \"priya\"\nname = \"Priya\"\n";
        let out = merged(old, new);
        assert!(
            out.contains("name = \"Sam Lee\"\nemail = \"sam@work\""),
            "{out}"
        );
        assert!(
            out.contains("name = \"Sam (school)\"") && out.contains("Priya"),
            "{out}"
        );
        assert_eq!(out.matches("[[mentor]]").count(), 3, "{out}");
    }

    #[test]
    fn a_windows_line_break_is_not_a_change_but_an_escaped_cr_is() {
        // An escaped CR, then a line break: mentee reads "\r\n" here.
        let old = "[[action]]\r\nid = \"a\"\r\ntext = \"\"\"\r\n\\r\r\n\"\"\"\r\n";
        let same = "[[action]]\nid = \"a\"\ntext = \"\\r\\n\"\n";
        let kept = "text = \"\"\"\r\n\\r\r\n\"\"\"";
        assert!(merged(old, same).contains(kept));
        let other = "[[action]]\nid = \"a\"\ntext = \"\\n\"\n";
        assert!(!merged(old, other).contains(kept));
    }

    #[test]
    fn records_written_inline_become_tables_and_keep_every_key() {
        let old = "format = 1\n# my entries, inline on purpose\nentry = [ # first: the promotion talk\n  # about the call with Sam\n  { id = \"a\", text = \"one\", mood = \"good\" }, # after a\n  # the end of the array\n] # after the array\n";
        let new = "format = 1\n[[entry]]\nid = \"a\"\ntext = \"one\"\n[[entry]]\nid = \"b\"\ntext = \"two\"\n";
        let out = merged(old, new);
        let doc: toml::Table = out.parse().expect("the merge parses");
        let entries = doc["entry"].as_array().expect("entries");
        assert_eq!(entries.len(), 2, "{out}");
        assert_eq!(entries[0]["mood"].as_str(), Some("good"), "{out}");
        assert!(out.contains("[[entry]]\n"), "{out}");
        for comment in [
            "# my entries, inline on purpose",
            "# first: the promotion talk",
            "# about the call with Sam",
            "# after a",
            "# the end of the array",
            "# after the array",
        ] {
            assert_eq!(out.matches(comment).count(), 1, "{comment}: {out}");
        }

        let old = "meeting = { id = \"m\", topics = [], room = \"4B\" }  # booked\n";
        let new = "[meeting]\nid = \"m\"\ntopics = [\"Q?\"]\n";
        let out = merged(old, new);
        let doc: toml::Table = out.parse().expect("the merge parses");
        assert_eq!(doc["meeting"]["room"].as_str(), Some("4B"), "{out}");
        assert_eq!(doc["meeting"]["topics"][0].as_str(), Some("Q?"), "{out}");
        assert!(out.contains("# booked\n[meeting]\n"), "{out}");
    }

    #[test]
    fn tables_are_matched_by_id_and_dropped_when_gone() {
        let old =
            "[[topic]]\nid = \"x\"\ntext = \"one\"\n\n[[topic]]\nid = \"y\"\ntext = \"two\"\n";
        let new =
            "[[topic]]\nid = \"y\"\ntext = \"two\"\n[[topic]]\nid = \"z\"\ntext = \"three\"\n";
        let out = merged(old, new);
        assert!(
            !out.contains("one") && out.contains("two") && out.contains("three"),
            "{out}"
        );
    }
}
