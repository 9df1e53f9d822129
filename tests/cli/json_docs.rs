//! docs/json.md is the contract for every JSON document. This test reads
//! its tables (one per document and per kind of object; see "How to read
//! the tables" there) and holds real output to them: every documented field
//! shows up in a scenario that exercises it, every value has the documented
//! type and one of the documented values, fields marked `always` are never
//! missing, and no output has a field the document does not describe.

use crate::support::TestEnv;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone)]
struct Field {
    /// The document or object whose table lists it.
    owner: String,
    /// Its path inside that table, such as `meeting.id`.
    rel: String,
    ty: Type,
    always: bool,
    /// The documented values, when they are a closed set.
    values: Option<Vec<String>>,
    /// An element of an array: not a row of its own.
    element: bool,
}

#[derive(Debug, Clone)]
struct Type {
    base: String,
    array: bool,
    nullable: bool,
}

fn parse_type(text: &str) -> Type {
    let (text, nullable) = match text.strip_suffix(" or null") {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    let (base, array) = match text.strip_prefix("array of ") {
        Some(inner) => (inner, true),
        None => (text, false),
    };
    Type {
        base: base.trim().to_string(),
        array,
        nullable,
    }
}

/// The tables of docs/json.md: documents and objects, by name.
fn tables() -> (BTreeMap<String, Vec<Field>>, BTreeMap<String, Vec<Field>>) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/json.md");
    let text = std::fs::read_to_string(path).expect("docs/json.md exists");
    let mut documents: BTreeMap<String, Vec<Field>> = BTreeMap::new();
    let mut objects: BTreeMap<String, Vec<Field>> = BTreeMap::new();
    let mut current: Option<(bool, String)> = None;
    for line in text.lines() {
        if line.starts_with('#') {
            current = if let Some(name) = line.strip_prefix("### Document: ") {
                Some((true, name.trim().to_string()))
            } else {
                line.strip_prefix("### Object: ")
                    .map(|name| (false, name.trim().to_string()))
            };
            continue;
        }
        let Some((is_document, owner)) = &current else {
            continue;
        };
        if !line.starts_with("| `") {
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        assert!(cells.len() >= 7, "a row with five columns: {line}");
        let rel = cells[1].trim_matches('`').to_string();
        let values: Vec<&str> = cells[4]
            .split(',')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect();
        let closed = !values.is_empty()
            && values
                .iter()
                .all(|v| v.starts_with('`') && v.ends_with('`'));
        let field = Field {
            owner: owner.clone(),
            rel,
            ty: parse_type(cells[2]),
            always: match cells[3] {
                "always" => true,
                "when set" => false,
                other => panic!("Present must be `always` or `when set`, not {other:?}: {line}"),
            },
            values: closed.then(|| {
                values
                    .iter()
                    .map(|v| v.trim_matches('`').to_string())
                    .collect()
            }),
            element: false,
        };
        let table = if *is_document {
            &mut documents
        } else {
            &mut objects
        };
        table.entry(owner.clone()).or_default().push(field);
    }
    (documents, objects)
}

/// Every path a document can have, with the row that describes it.
fn expand(
    prefix: &str,
    fields: &[Field],
    objects: &BTreeMap<String, Vec<Field>>,
    out: &mut BTreeMap<String, Field>,
) {
    for field in fields {
        let path = if prefix.is_empty() {
            field.rel.clone()
        } else {
            format!("{prefix}.{}", field.rel)
        };
        out.insert(path.clone(), field.clone());
        let mut inner = path.clone();
        if field.ty.array {
            inner.push_str("[]");
            let mut element = field.clone();
            element.ty = Type {
                base: field.ty.base.clone(),
                array: false,
                nullable: false,
            };
            element.always = true;
            element.element = true;
            out.insert(inner.clone(), element);
        }
        if let Some(object) = objects.get(&field.ty.base) {
            expand(&inner, object, objects, out);
        }
    }
}

fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

struct Check<'a> {
    spec: &'a BTreeMap<String, Field>,
    objects: &'a BTreeMap<String, Vec<Field>>,
    seen: BTreeSet<(String, String)>,
    errors: Vec<String>,
}

impl Check<'_> {
    fn walk(&mut self, value: &Value, path: &str, command: &str) {
        let Some(field) = self.spec.get(path) else {
            self.errors.push(format!(
                "{command}: `{path}` is not documented in docs/json.md"
            ));
            return;
        };
        if !field.element {
            self.seen.insert((field.owner.clone(), field.rel.clone()));
        }
        let ty = &field.ty;
        if value.is_null() {
            if !ty.nullable {
                self.errors.push(format!(
                    "{command}: `{path}` is null but not documented as `or null`"
                ));
            }
            return;
        }
        if ty.array {
            match value.as_array() {
                Some(items) => {
                    for item in items {
                        self.walk(item, &format!("{path}[]"), command);
                    }
                }
                None => self
                    .errors
                    .push(format!("{command}: `{path}` should be an array: {value}")),
            }
            return;
        }
        let fits = match ty.base.as_str() {
            "string" => value.is_string(),
            "integer" => value.is_u64(),
            "boolean" => value.is_boolean(),
            "date" => value.as_str().is_some_and(is_date),
            "number" => value.as_f64().is_some_and(|n| n >= 0.0),
            "object" => value.is_object(),
            name if self.objects.contains_key(name) => value.is_object(),
            other => {
                self.errors.push(format!(
                    "`{path}` has the unknown type {other:?} in docs/json.md"
                ));
                true
            }
        };
        if !fits {
            self.errors.push(format!(
                "{command}: `{path}` should be {}: {value}",
                ty.base
            ));
        }
        if let Some(values) = &field.values {
            let text = match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            if !values.contains(&text) {
                self.errors.push(format!(
                    "{command}: `{path}` is {text:?}, not one of the documented {values:?}"
                ));
            }
        }
        if let Some(object) = value.as_object() {
            self.object(object, path, command);
        }
    }

    /// The keys of an object: each one walked, and every `always` field there.
    fn object(&mut self, object: &serde_json::Map<String, Value>, path: &str, command: &str) {
        let child = |key: &str| {
            if path.is_empty() {
                key.to_string()
            } else {
                format!("{path}.{key}")
            }
        };
        for (key, value) in object {
            self.walk(value, &child(key), command);
        }
        let prefix = if path.is_empty() {
            String::new()
        } else {
            format!("{path}.")
        };
        for (documented, field) in self.spec.range(prefix.clone()..) {
            let Some(name) = documented.strip_prefix(&prefix) else {
                break;
            };
            if name.contains('.') || name.ends_with("[]") || !field.always {
                continue;
            }
            if !object.contains_key(name) {
                self.errors.push(format!(
                    "{command}: `{documented}` is documented as always present but is missing"
                ));
            }
        }
    }
}

/// The sample journal, plus what it lacks to show every field: an update
/// that names the meeting it came from (as a hand-edited file may), and a
/// mentor with a nudge silenced and on a break, and a commitment that serves a goal, and
/// the practice: advice and its outcome, a decision, a give-back.
fn scenario() -> TestEnv {
    let env = TestEnv::with_sample();
    let month = "journal/2026/2026-11.toml";
    let text = env.read(month)
        + "\n[[entry]]\nid = \"zzmeet\"\ndate = 2026-11-18\nkind = \"update\"\nmentor = \"alex-kim\"\n\
           meeting = \"hnhz6y\"\ntext = \"Followed up on the note from the meeting.\"\n";
    env.write(month, &text);
    // A commitment that serves one of the sample's goals.
    env.run([
        "action",
        "add",
        "Book the cutover window with finance engineering",
        "-m",
        "alex",
        "--goal",
        "jn11y0",
    ])
    .success();
    env.run(["nudge", "off", "mid-term", "-m", "priya"])
        .success();
    // A commitment corrected: its due date moved, with a note.
    let doc = env.json(["action", "list", "--json"]);
    let id = doc["commitments"][0]["id"]
        .as_str()
        .expect("an id")
        .to_string();
    env.run([
        "action",
        "set",
        &id,
        "--due",
        "2026-12-20",
        "--note",
        "agreed later",
    ])
    .success();
    // A mentor on a break.
    env.run(["mentor", "pause", "priya", "--until", "2027-01-15"])
        .success();
    // Advice from October and its outcome within the summary's period; a
    // decision with options, input and why; something given back.
    let october = "journal/2026/2026-10.toml";
    let text = env.read(october)
        + "\n[[entry]]\nid = \"zzadv1\"\ndate = 2026-10-20\nkind = \"advice\"\nmentor = \"alex-kim\"\n\
           text = \"Escalate with a date, not with urgency.\"\n";
    env.write(october, &text);
    let text = env.read(month)
        + "\n[[entry]]\nid = \"zzrs01\"\ndate = 2026-11-19\nkind = \"outcome\"\nmentor = \"alex-kim\"\n\
           about = \"zzadv1\"\ntext = \"A booked review within a day.\"\n\
           \n[[entry]]\nid = \"zzdec1\"\ndate = 2026-11-19\nkind = \"decision\"\nmentor = \"alex-kim\"\n\
           options = [\"Cut over in December\", \"Wait for January\"]\ninput = \"Not in the freeze.\"\n\
           why = \"The freeze starts on the 14th.\"\ntext = \"Cut over in the first week of December.\"\n\
           \n[[entry]]\nid = \"zzgb01\"\ndate = 2026-11-20\nkind = \"giveback\"\nmentor = \"alex-kim\"\n\
           text = \"Sent Alex the call for speakers #community.\"\n";
    env.write(month, &text);
    // A goal and a journal entry corrected from the command line.
    let goals = env.json(["goal", "list", "--all", "--json"]);
    let goal = goals["goals"][0]["id"]
        .as_str()
        .expect("a goal")
        .to_string();
    env.run(["goal", "set", &goal, "--measure", "Two talks given"])
        .success();
    env.run([
        "entry",
        "set",
        "zzgb01",
        "--text",
        "Sent Alex the call for speakers #community!",
    ])
    .success();
    env
}

#[test]
fn every_documented_field_appears_and_nothing_else_does() {
    let (documents, objects) = tables();
    let runs: &[(&str, &[&str])] = &[
        ("status", &["status", "--json"]),
        ("mentors", &["mentor", "list", "--all", "--json"]),
        ("commitments", &["action", "list", "--all", "--json"]),
        ("events", &["log", "--json"]),
        ("summary", &["summary", "-m", "alex", "--json"]),
        (
            "summary",
            &["summary", "-m", "jordan", "--since", "2026-01-01", "--json"],
        ),
        ("export", &["export", "--format", "json"]),
        ("goals", &["goal", "list", "--all", "--json"]),
        ("stats", &["stats", "--json"]),
        ("stats", &["stats", "-m", "alex", "--json"]),
        ("decisions", &["decisions", "--json"]),
        ("hits", &["search", "the", "--json"]),
        (
            "hits",
            &["search", "--regex", "[a-z]", "--kind", "meeting", "--json"],
        ),
        ("tags", &["tags", "--json"]),
        ("suggestions", &["prep", "-m", "alex", "--json"]),
        ("review", &["review", "-m", "alex", "--mid", "--json"]),
        ("review", &["review", "-m", "jordan", "--format", "json"]),
        ("brag", &["brag", "--json", "--include-notes"]),
        (
            "brag",
            &["brag", "--format", "json", "--since", "2026-11-01"],
        ),
        (
            "export",
            &[
                "export",
                "--format",
                "json",
                "-m",
                "priya",
                "--since",
                "2026-10-01",
            ],
        ),
    ];
    for (name, _) in runs {
        assert!(
            documents.contains_key(*name),
            "docs/json.md has no `### Document: {name}`"
        );
    }
    let names: Vec<&str> = documents.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "brag",
            "commitments",
            "decisions",
            "events",
            "export",
            "goals",
            "hits",
            "mentors",
            "review",
            "stats",
            "status",
            "suggestions",
            "summary",
            "tags"
        ],
        "every document in docs/json.md is checked"
    );
    let env = scenario();
    let mut seen = BTreeSet::new();
    let mut errors = Vec::new();
    for (name, args) in runs {
        let mut spec = BTreeMap::new();
        expand("", &documents[*name], &objects, &mut spec);
        let out = env.run(*args).success().stdout();
        assert!(
            out.starts_with("{\n  \"version\": 1,"),
            "{}: the version comes first:\n{out}",
            args.join(" ")
        );
        let doc: Value = serde_json::from_str(&out).expect("JSON");
        let root = doc.as_object().expect("a JSON object");
        let mut keys: Vec<&str> = root.keys().map(String::as_str).collect();
        keys.sort_unstable();
        let mut expected = ["version", name];
        expected.sort_unstable();
        assert_eq!(keys, expected, "{}: the top level", args.join(" "));
        let mut check = Check {
            spec: &spec,
            objects: &objects,
            seen: BTreeSet::new(),
            errors: Vec::new(),
        };
        check.object(root, "", &args.join(" "));
        seen.extend(check.seen);
        errors.extend(check.errors);
    }
    let documented: BTreeSet<(String, String)> = documents
        .values()
        .chain(objects.values())
        .flatten()
        .map(|f| (f.owner.clone(), f.rel.clone()))
        .collect();
    for (owner, rel) in documented.difference(&seen) {
        errors.push(format!(
            "`{rel}` of {owner} is documented but appeared in no output"
        ));
    }
    assert!(
        errors.is_empty(),
        "docs/json.md and the output disagree:\n{}",
        errors.join("\n")
    );
}

#[test]
fn the_document_describes_every_object_it_names() {
    let (documents, objects) = tables();
    for field in documents.values().chain(objects.values()).flatten() {
        let base = field.ty.base.as_str();
        assert!(
            ["string", "integer", "number", "boolean", "date", "object"].contains(&base)
                || objects.contains_key(base),
            "{}: `{}` has the type {base:?}, which is neither a JSON type nor an object of docs/json.md",
            field.owner,
            field.rel
        );
    }
    for name in objects.keys() {
        let used = documents
            .values()
            .chain(objects.values())
            .flatten()
            .any(|f| &f.ty.base == name);
        assert!(used, "the object {name} is described but never used");
    }
}
