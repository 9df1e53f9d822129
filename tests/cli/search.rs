//! `mentee search`, `mentee tags`, and `--tag` on `log` and `summary`.

use crate::support::TestEnv;
use serde_json::Value;

/// Two mentors and one record of every kind, each with a word of its own.
fn journal() -> TestEnv {
    let mut env = TestEnv::new();
    env.today("2026-11-10");
    env.mentor("Alex Kim", &[]);
    env.mentor("Priya Natarajan", &[]);
    env.run(["agenda", "How do I plan the zebra migration?", "-m", "alex"])
        .success();
    env.run(["meet", "-m", "alex"]).success();
    let id = env.commit("Draft the walrus proposal", &["-m", "alex"]);
    env.run([
        "action",
        "done",
        &id,
        "--note",
        "Sent it with the pelican numbers",
    ])
    .success();
    env.run([
        "update",
        "Updated my Résumé for #Career growth",
        "-m",
        "alex",
    ])
    .success();
    env.run([
        "update",
        "Shipped the heron release",
        "--win",
        "-m",
        "priya",
    ])
    .success();
    env.run(["thanks", "Thank you for the otter intro", "-m", "priya"])
        .success();
    env.run(["note", "Keep a badger log of decisions", "-m", "alex"])
        .success();
    env.run([
        "decide",
        "Take the lynx team offer",
        "--option",
        "Stay on the falcon team",
        "--input",
        "Alex said the moose budget is safe",
        "--why",
        "The gecko work is what I want (#growth)",
        "-m",
        "alex",
    ])
    .success();
    env.run(["advice", "Write the narwhal doc first", "-m", "alex"])
        .success();
    env.run(["giveback", "Sent Priya the koala talk", "-m", "priya"])
        .success();
    env.run([
        "goal",
        "add",
        "Lead the ibex design",
        "--by",
        "2027-06-30",
        "--measure",
        "the jackal service in production",
        "-m",
        "alex",
    ])
    .success();
    env.run([
        "agenda",
        "--later",
        "Ask about the yak conference",
        "-m",
        "priya",
    ])
    .success();
    env
}

fn hits(env: &TestEnv, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.push("--json");
    env.json(all)["hits"].as_array().expect("hits").clone()
}

fn kinds(env: &TestEnv, args: &[&str]) -> Vec<String> {
    hits(env, args)
        .iter()
        .map(|h| h["kind"].as_str().expect("kind").to_string())
        .collect()
}

#[test]
fn every_kind_of_record_is_searched() {
    let env = journal();
    for (word, kind, field) in [
        ("zebra", "meeting", "topic"),
        ("walrus", "commitment", "text"),
        ("pelican", "commitment", "done"),
        ("résumé", "update", "text"),
        ("heron", "win", "text"),
        ("otter", "thanks", "text"),
        ("badger", "note", "text"),
        ("lynx", "decision", "text"),
        ("falcon", "decision", "option"),
        ("moose", "decision", "input"),
        ("gecko", "decision", "why"),
        ("narwhal", "advice", "text"),
        ("koala", "giveback", "text"),
        ("ibex", "goal", "text"),
        ("jackal", "goal", "measure"),
        ("yak", "later", "text"),
    ] {
        let found = hits(&env, &[word]);
        assert_eq!(found.len(), 1, "{word}: {found:?}");
        assert_eq!(found[0]["kind"], kind, "{word}");
        assert_eq!(found[0]["lines"][0]["field"], field, "{word}");
        assert!(
            found[0]["lines"][0]["text"]
                .as_str()
                .expect("text")
                .to_lowercase()
                .contains(word),
            "{word}: {found:?}"
        );
    }
}

#[test]
fn a_hit_shows_date_kind_mentor_id_and_the_line() {
    let env = journal();
    let out = env.run(["search", "narwhal"]).success().stdout();
    let line = out.lines().nth(1).expect("a hit");
    assert!(line.starts_with("2026-11-10  advice"), "{out}");
    assert!(line.contains("Alex Kim"), "{out}");
    assert!(line.ends_with("Write the narwhal doc first"), "{out}");
    // Without a terminal, nothing is painted; with --color always it is.
    assert!(!out.contains('\u{1b}'), "{out}");
    env.run(["--color", "always", "search", "narwhal"])
        .success()
        .stdout_has("Write the \u{1b}[1;31mnarwhal\u{1b}[0m doc first");
    env.run(["search", "gecko"])
        .success()
        .stdout_has("why: The gecko work is what I want (#growth)");
}

#[test]
fn every_word_must_occur_case_and_accents_aside() {
    let env = journal();
    assert_eq!(kinds(&env, &["RESUME"]), ["update"]);
    assert_eq!(kinds(&env, &["resume", "career"]), ["update"]);
    assert_eq!(kinds(&env, &["resume career"]), ["update"]);
    assert!(kinds(&env, &["resume", "heron"]).is_empty());
    // Words from different texts of one record.
    assert_eq!(kinds(&env, &["lynx", "gecko"]), ["decision"]);
}

#[test]
fn nothing_found_says_so_and_succeeds() {
    let env = journal();
    env.run(["search", "unicorn"])
        .success()
        .stdout_is_empty()
        .stderr_has("Nothing found.");
}

/// A search with nothing to look for is a usage error, not "Nothing
/// found": an empty word, blanks, or a word of combining accents alone
/// (which folds to nothing).
#[test]
fn a_search_with_no_word_says_what_to_give() {
    let env = journal();
    for typed in ["", "  ", "\u{301}", "\u{301}\u{308} \u{300}"] {
        env.run(["search", typed])
            .failure_code(2)
            .stdout_is_empty()
            .stderr_has("there is no word to look for")
            .stderr_has("hint: give at least one word");
    }
    // With a tag, the tag alone is enough.
    assert_eq!(kinds(&env, &["\u{301}", "--tag", "career"]), ["update"]);
}

/// Folding is per character and language-blind, but Greek's final sigma
/// is the same letter as its other sigma.
#[test]
fn greek_final_sigma_is_found_in_capitals() {
    let env = journal();
    env.run(["note", "ΟΔΟΣ ΠΡΟΣ ΤΗΝ ΕΠΙΤΥΧΙΑ", "-m", "alex"])
        .success();
    env.run(["note", "ο δρόμος είναι μακρύς", "-m", "alex"])
        .success();
    assert_eq!(kinds(&env, &["οδος"]), ["note"]);
    assert_eq!(kinds(&env, &["ΔΡΟΜΟΣ"]), ["note"]);
    assert_eq!(kinds(&env, &["μακρυσ"]), ["note"]);
}

/// German writes `ss` for `ß` in capitals: both spellings find both, in
/// words and in tags.
#[test]
fn sharp_s_is_found_as_ss() {
    let env = journal();
    env.run(["note", "Die Straße ist lang #Straße", "-m", "alex"])
        .success();
    env.run(["update", "DIE STRASSE IST KURZ #STRASSE", "-m", "alex"])
        .success();
    for word in ["strasse", "straße", "STRAẞE"] {
        assert_eq!(kinds(&env, &[word]), ["note", "update"], "{word}");
        assert_eq!(kinds(&env, &["--tag", word]), ["note", "update"], "{word}");
    }
    let tags = env.json(["tags", "--json"]);
    let first = &tags["tags"][0];
    assert_eq!(
        (first["tag"].as_str(), first["count"].as_u64()),
        (Some("Straße"), Some(2)),
        "one tag, as first written: {tags}"
    );
}

#[test]
fn a_regex_is_matched_and_a_bad_one_named() {
    let env = journal();
    assert_eq!(
        kinds(&env, &["--regex", "(lynx|heron) (team|release)"]),
        ["win", "decision"]
    );
    assert_eq!(kinds(&env, &["--regex", "^keep a"]), ["note"]);
    env.run(["search", "--regex", "walrus(pro"])
        .failure_code(1)
        .stderr_has("the pattern \"walrus(pro\" does not compile: unclosed group at character 7")
        .stderr_has("hint: put a backslash");
    // Well written but too big: no place to name, another way out.
    env.run(["search", "--regex", "x{99999999}"])
        .failure_code(1)
        .stderr_has("does not compile: it would take more than 10 MiB of memory")
        .stderr_has("hint: ask for fewer repetitions")
        .stderr_lacks("at character");
}

#[test]
fn mentor_period_and_kind_narrow_the_search() {
    let mut env = journal();
    env.today("2026-11-20");
    env.run(["update", "Second zebra update", "-m", "priya"])
        .success();
    assert_eq!(kinds(&env, &["zebra"]), ["meeting", "update"]);
    assert_eq!(kinds(&env, &["zebra", "-m", "priya"]), ["update"]);
    assert_eq!(kinds(&env, &["zebra", "--since", "2026-11-15"]), ["update"]);
    assert_eq!(
        kinds(&env, &["zebra", "--until", "2026-11-15"]),
        ["meeting"]
    );
    assert_eq!(kinds(&env, &["zebra", "--kind", "meeting"]), ["meeting"]);
    assert_eq!(
        kinds(&env, &["the", "--kind", "goal", "--kind", "later"]),
        ["goal", "later"]
    );
    env.run(["search", "zebra", "--kind", "meetings"])
        .failure_code(2)
        .stderr_has("meeting");
}

#[test]
fn the_json_has_one_object_per_record() {
    let env = journal();
    let found = hits(&env, &["lynx", "gecko"]);
    let keys: Vec<&String> = found[0].as_object().expect("object").keys().collect();
    assert_eq!(keys, ["date", "id", "kind", "lines", "mentor"]);
    assert_eq!(found[0]["date"], "2026-11-10");
    assert_eq!(found[0]["mentor"], "alex-kim");
    assert_eq!(found[0]["id"].as_str().map(str::len), Some(6));
    assert_eq!(
        found[0]["lines"],
        serde_json::json!([
            {"field": "text", "text": "Take the lynx team offer"},
            {"field": "why", "text": "The gecko work is what I want (#growth)"}
        ])
    );
}

#[test]
fn tags_are_found_next_to_punctuation_but_not_in_addresses_or_code() {
    let env = journal();
    env.run([
        "update",
        "Read https://x.org/a#mentoring and `#mentoring`",
        "-m",
        "alex",
    ])
    .success();
    env.run([
        "update",
        "Paired with Sam (#mentoring), then #career.",
        "-m",
        "alex",
    ])
    .success();
    let tagged = |tag: &str| {
        hits(&env, &["--tag", tag])
            .iter()
            .map(|h| h["lines"][0]["text"].as_str().expect("text").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        tagged("#mentoring"),
        ["Paired with Sam (#mentoring), then #career."]
    );
    assert_eq!(
        tagged("career"),
        [
            "Updated my Résumé for #Career growth",
            "Paired with Sam (#mentoring), then #career."
        ]
    );
    assert_eq!(tagged("GROWTH").len(), 1);
    assert_eq!(kinds(&env, &["sam", "--tag", "career"]), ["update"]);
    assert!(kinds(&env, &["résumé", "--tag", "mentoring"]).is_empty());
    env.run(["search", "--tag", "#123"])
        .failure_code(1)
        .stderr_has("is not a tag");
}

#[test]
fn tags_lists_counts_and_first_and_last_use() {
    let mut env = journal();
    env.today("2026-12-03");
    env.run([
        "update",
        "More #career work, and #CAREER again",
        "-m",
        "alex",
    ])
    .success();
    let doc = env.json(["tags", "--json"]);
    assert_eq!(
        doc["tags"],
        serde_json::json!([
            {"tag": "Career", "count": 2, "first": "2026-11-10", "last": "2026-12-03"},
            {"tag": "growth", "count": 1, "first": "2026-11-10", "last": "2026-11-10"}
        ])
    );
    env.run(["tags"])
        .success()
        .stdout_has("#Career")
        .stdout_has("2026-12-03");
    TestEnv::new()
        .run(["tags"])
        .success()
        .stderr_has("No tags yet");
}

/// A tag written with a TOML escape for its `#` is a tag all the same.
#[test]
fn a_tag_behind_an_escape_is_counted() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.write(
        "journal/2026/2026-10.toml",
        "format = 1\n\n[[entry]]\nid = \"esc001\"\ndate = 2026-10-01\nkind = \"note\"\n\
         text = \"Went well \\u0023escaped\"\n",
    );
    let doc = env.json(["tags", "--json"]);
    assert_eq!(doc["tags"][0]["tag"], "escaped", "{doc}");
    assert_eq!(kinds(&env, &["--tag", "escaped"]), ["note"]);
}

#[test]
fn log_and_summary_take_a_tag() {
    let env = journal();
    let out = env.run(["log", "--tag", "career"]).success().stdout();
    assert!(
        out.contains("Updated my Résumé for #Career growth"),
        "{out}"
    );
    assert!(!out.contains("heron"), "{out}");
    assert_eq!(out.lines().count(), 2, "{out}");
    env.run(["log", "--tag", "nothing-here"])
        .success()
        .stderr_has("Nothing logged with that tag.");
    let summary = env
        .run([
            "summary",
            "-m",
            "alex",
            "--since",
            "2026-11-01",
            "--tag",
            "#career",
        ])
        .success()
        .stdout();
    assert!(summary.contains("Updated my Résumé"), "{summary}");
    assert!(!summary.contains("walrus"), "{summary}");
    let all = env
        .run(["summary", "-m", "alex", "--since", "2026-11-01"])
        .success()
        .stdout();
    assert!(all.contains("walrus"), "{all}");
}

/// Meetings are sifted by their text as the index keeps it, where a quote
/// is escaped and an accent is not: a word next to either is still found,
/// in the planned meeting and in a held one.
#[test]
fn words_next_to_quotes_and_accents_in_meetings_are_found() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run([
        "agenda",
        "Should I say \"no\" to the École project?",
        "-m",
        "alex",
    ])
    .success();
    for held in [false, true] {
        for word in ["ecole", "\"no\"", "PROJECT?"] {
            let found = hits(&env, &[word]);
            assert_eq!(found.len(), 1, "{word}, held {held}: {found:?}");
            assert_eq!(found[0]["kind"], "meeting", "{word}");
        }
        assert!(hits(&env, &["ecole", "walrus"]).is_empty());
        env.run(["meet", "-m", "alex"]).success();
    }
}

/// A month file written by hand with its first table spelt otherwise
/// (spaces in the brackets, indented, quoted, after a byte order mark) is
/// searched as a whole: each entry found once, never repeated or missed.
#[test]
fn hand_spelt_entry_tables_are_each_found_once() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let ids = |word: &str| -> Vec<String> {
        hits(&env, &[word])
            .iter()
            .map(|h| h["id"].as_str().expect("id").to_string())
            .collect()
    };
    for (n, first) in [
        "[[ entry ]]",
        "  [[entry]]",
        "[['entry']]",
        "\u{feff}[[entry]]",
    ]
    .into_iter()
    .enumerate()
    {
        let head = if first.starts_with('\u{feff}') {
            ""
        } else {
            "format = 1\n\n"
        };
        let entry = |i: usize, text: &str| {
            format!(
                "id = \"aaaa{n}{i}\"\ndate = 2026-10-0{i}\nkind = \"note\"\ntext = \"{text}\"\n\n"
            )
        };
        env.write(
            "journal/2026/2026-10.toml",
            &format!(
                "{head}{first}\n{}[[entry]]\n{}[[entry]]\n{}",
                entry(1, "The heron plan, first"),
                entry(2, "The heron plan, second"),
                entry(3, "The heron plan, third"),
            ),
        );
        let all: Vec<String> = (1..=3).map(|i| format!("aaaa{n}{i}")).collect();
        assert_eq!(ids("heron"), all, "{first:?}");
        assert_eq!(ids("first"), all[..1], "{first:?}");
    }
}
