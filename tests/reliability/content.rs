//! What people put into the files and the arguments (issue #3, items 6, 8, 9
//! and 10), through the real binary: hand edits survive the tool's rewrites
//! line for line, a broken file is reported with its position and never
//! touched, hostile text is stored exactly and shown harmless, and no name can
//! make mentee write outside its folder or over another record.

use crate::support::{MEETING_FILE, Run, TestEnv};
use rexpect::process::WaitStatus;
use rexpect::session::spawn_command;
use std::fs;

// ---- helpers ---------------------------------------------------------------

/// A line diff of two texts, from their longest common subsequence of lines:
/// `@@ N` opens each run of changes (N: the line of `old` where it starts),
/// then `-` for every line removed and `+` for every line added. Equal
/// texts give an empty string.
fn line_diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.split('\n').collect();
    let b: Vec<&str> = new.split('\n').collect();
    // common[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    let mut common = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            common[i][j] = if a[i] == b[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = String::new();
    let mut in_change = false;
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
            in_change = false;
            continue;
        }
        if !in_change {
            out.push_str(&format!("@@ {}\n", i + 1));
            in_change = true;
        }
        if i < a.len() && (j == b.len() || common[i + 1][j] >= common[i][j + 1]) {
            out.push_str(&format!("-{}\n", a[i]));
            i += 1;
        } else {
            out.push_str(&format!("+{}\n", b[j]));
            j += 1;
        }
    }
    out
}

#[test]
fn the_line_diff_shows_exactly_what_changed() {
    assert_eq!(line_diff("a\nb\n", "a\nb\n"), "");
    assert_eq!(
        line_diff("a\nb\nc\n", "a\nB\nc\nd\n"),
        "@@ 2\n-b\n+B\n@@ 4\n+d\n"
    );
    assert_eq!(line_diff("a\nb\n", "b\n"), "@@ 1\n-a\n");
}

/// `text` with `from` replaced by `to`; `from` must be there exactly once, so
/// a fixture that drifts fails loudly instead of testing nothing.
#[track_caller]
fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "{from:?} should occur once in:\n{text}"
    );
    text.replacen(from, to, 1)
}

/// Runs a command that must succeed and returns the diff it made to `file`.
#[track_caller]
fn diff_after(env: &TestEnv, file: &str, args: &[&str]) -> (String, Run) {
    let before = env.read(file);
    let run = env.run(args).success();
    (line_diff(&before, &env.read(file)), run)
}

fn parse_toml(env: &TestEnv, file: &str) -> toml::Table {
    env.read(file)
        .parse()
        .unwrap_or_else(|err| panic!("{file} does not parse: {err}"))
}

// ---- item 6: hand edits survive ---------------------------------------------

/// mentors.toml as a person might keep it: comments everywhere, their own key
/// order, extra blank lines and keys mentee does not know.
const HAND_MENTORS: &str = r#"# My mentors, kept by hand.
# Alex first: the one who started it all.

format = 1
owner = "me"  # who keeps this file


# Alex is the best.
[[mentor]]
slug = "alex-kim"   # never rename
name = "Alex Kim"
mood = "great"

every = "2w"  # fortnightly
role = "mentor"
since = 2026-08-24

[[mentor]]
name = "Jordan Reyes"
until = 2026-09-30
slug = "jordan-reyes"
role = "coach"
# end of the mentors
"#;

#[test]
fn hand_edits_to_mentors_survive_adding_and_ending_mentors() {
    let mut env = TestEnv::new();
    env.today("2026-11-12");
    env.write("mentors.toml", HAND_MENTORS);

    let (diff, _) = diff_after(
        &env,
        "mentors.toml",
        &[
            "mentor",
            "add",
            "Priya Natarajan",
            "--role",
            "sponsor",
            "--every",
            "1m",
            "--since",
            "2026-11-01",
        ],
    );
    assert_eq!(
        diff,
        "@@ 23\n\
         +\n\
         +[[mentor]]\n\
         +name = \"Priya Natarajan\"\n\
         +slug = \"priya-natarajan\"\n\
         +role = \"sponsor\"\n\
         +every = \"1m\"\n\
         +since = 2026-11-01\n"
    );

    let (diff, _) = diff_after(&env, "mentors.toml", &["mentor", "end", "alex"]);
    assert_eq!(diff, "@@ 17\n+until = 2026-11-12\n");
    env.run(["mentor", "list", "--all"])
        .success()
        .stdout_has("Alex Kim (ended 2026-11-12)")
        .stdout_has("Priya Natarajan");
}

/// A held meeting written by hand, with an open commitment and a done one.
const HAND_MEETING: &str = r#"# Meeting with Alex, typed up on the train.
format = 1
location = "cafe"   # top-level key mentee does not know

# The meeting itself.
[meeting]
date = 2026-11-10   # a Tuesday
status = "held"
mentor = "alex-kim"
id = "m4nq7r"
mood = "great"
topics = ["How should I split the billing service?"]  # the big one


# What I promised.
[[action]]
status = "open"  # not yet
text = "Draft the split proposal"
id = "k3f9x2"
created = 2026-11-10
priority = "high"

[[action]]
id = "b7w2hd"
text = "Read chapter 4"
created = 2026-11-10
status = "done"

[[action.history]]
on = 2026-11-10
status = "done"   # read it on the way home
# trailing words at the end of the file
"#;

#[test]
fn hand_edits_to_a_meeting_survive_commitments_and_reports() {
    let mut env = TestEnv::new();
    env.today("2026-11-11");
    env.write("mentors.toml", HAND_MENTORS);
    env.write(MEETING_FILE, HAND_MEETING);

    let (diff, run) = diff_after(
        &env,
        MEETING_FILE,
        &["action", "add", "Book a slot with the DBA", "-m", "alex"],
    );
    let id = run.stdout().trim().to_string();
    assert_eq!(
        diff,
        format!(
            "@@ 32\n\
             +\n\
             +[[action]]\n\
             +id = \"{id}\"\n\
             +text = \"Book a slot with the DBA\"\n\
             +created = 2026-11-11\n\
             +status = \"open\"\n"
        )
    );

    let (diff, _) = diff_after(
        &env,
        MEETING_FILE,
        &["action", "done", "k3f9x2", "--note", "Sent to Alex"],
    );
    assert_eq!(
        diff,
        "@@ 17\n\
         -status = \"open\"  # not yet\n\
         +status = \"done\"  # not yet\n\
         @@ 23\n\
         +[[action.history]]\n\
         +on = 2026-11-11\n\
         +status = \"done\"\n\
         +note = \"Sent to Alex\"\n\
         +\n"
    );

    // The meeting was already recorded: `meet` rewrites it with the same data.
    let before = env.files();
    env.run(["meet", "-m", "alex", "--on", "2026-11-10"])
        .success()
        .stderr_has("already recorded");
    assert_eq!(env.files(), before);

    // Every hand-written value still reads back.
    let doc = parse_toml(&env, MEETING_FILE);
    assert_eq!(doc["location"].as_str(), Some("cafe"));
    assert_eq!(doc["meeting"]["mood"].as_str(), Some("great"));
    assert_eq!(doc["action"][0]["priority"].as_str(), Some("high"));
    assert_eq!(
        doc["action"][0]["history"][0]["note"].as_str(),
        Some("Sent to Alex")
    );
    assert_eq!(
        doc["action"][1]["history"][0]["status"].as_str(),
        Some("done")
    );
}

#[test]
fn a_walk_through_on_a_terminal_changes_only_the_reported_lines() {
    let mut env = TestEnv::new();
    env.write("mentors.toml", HAND_MENTORS);
    env.write(MEETING_FILE, HAND_MEETING);
    // Today's meeting, recorded by hand before `meet` was run.
    let today_file = "meetings/2026/2026-11-24-alex-kim.toml";
    let today_text = "# Second meeting.\nformat = 1\n\n[meeting]\nid = \"p8d3tt\"\nmentor = \"alex-kim\"  # still Alex\nstatus = \"held\"\ndate = 2026-11-24\ntopics = []\nweather = \"rain\"\n";
    env.write(today_file, today_text);
    env.today("2026-11-24");
    let old_before = env.read(MEETING_FILE);

    let mut session = spawn_command(env.std_command(["meet", "-m", "alex"]), Some(20_000))
        .expect("mentee meet starts in a terminal");
    session
        .exp_string("skip for now")
        .expect("the prompt for k3f9x2, the only open commitment");
    session.send("\r").expect("choose done");
    session.flush().expect("flush");
    session
        .exp_string("Note (optional)")
        .expect("the note prompt");
    session.send("Sent at last\r").expect("the note");
    session.flush().expect("flush");
    let rest = session.exp_eof().expect("mentee meet ends");
    match session.process().wait().expect("the exit status") {
        WaitStatus::Exited(_, 0) => {}
        other => panic!("mentee meet ended with {other:?}:\n{rest}"),
    }

    assert_eq!(
        line_diff(&old_before, &env.read(MEETING_FILE)),
        "@@ 17\n\
         -status = \"open\"  # not yet\n\
         +status = \"done\"  # not yet\n\
         @@ 23\n\
         +[[action.history]]\n\
         +on = 2026-11-24\n\
         +status = \"done\"\n\
         +note = \"Sent at last\"\n\
         +\n"
    );
    assert_eq!(
        line_diff(today_text, &env.read(today_file)),
        "@@ 12\n\
         +[[checkin]]\n\
         +action = \"k3f9x2\"\n\
         +status = \"done\"\n\
         +note = \"Sent at last\"\n\
         +\n"
    );
}

#[test]
fn hand_edits_to_a_planned_meeting_and_the_queue_survive_replanning() {
    let mut env = TestEnv::new();
    env.today("2026-11-12");
    env.write("mentors.toml", HAND_MENTORS);
    let planned = "meetings/next-alex-kim.toml";
    let planned_text = "# Prep for the next one.\nformat = 1\n\n[meeting]\ntopics = [\"Old question?\"]  # from last week\nmood = \"curious\"\nid = \"p7an5s\"\nmentor = \"alex-kim\"\nstatus = \"planned\"\ndate = 2026-11-24\n";
    env.write(planned, planned_text);
    let later_text = "format = 1\n\n# Heard on a podcast.\n[[topic]]\ntext = \"How do I ask for a promotion?\"   # scary\nid = \"t0p1c5\"\nmentor = \"alex-kim\"\nadded = 2026-11-01\nsource = \"podcast\"\n\n[[topic]]\nid = \"t0p1c6\"\nmentor = \"alex-kim\"\ntext = \"Should I learn Rust?\"\nadded = 2026-11-02\n# end of the queue\n";
    env.write("later.toml", later_text);

    // Planning a queued topic replaces the topics and takes it off the queue.
    env.run(["agenda", "How do I ask for a promotion?", "-m", "alex"])
        .success()
        .stderr_has("Replaced the topics planned before: Old question?");
    assert_eq!(
        line_diff(planned_text, &env.read(planned)),
        "@@ 5\n\
         -topics = [\"Old question?\"]  # from last week\n\
         +topics = [\"How do I ask for a promotion?\"]  # from last week\n"
    );
    // The planned topic's table goes, with the comment written above it.
    assert_eq!(
        env.read("later.toml"),
        "format = 1\n\n[[topic]]\nid = \"t0p1c6\"\nmentor = \"alex-kim\"\ntext = \"Should I learn Rust?\"\nadded = 2026-11-02\n# end of the queue\n"
    );

    // Queuing another adds it after the last, before the closing comment.
    let before = env.read("later.toml");
    env.run(["agenda", "--later", "What next?", "-m", "alex"])
        .success();
    let doc = parse_toml(&env, "later.toml");
    let id = doc["topic"][1]["id"].as_str().expect("an id");
    assert_eq!(
        line_diff(&before, &env.read("later.toml")),
        format!(
            "@@ 8\n\
             +\n\
             +[[topic]]\n\
             +id = \"{id}\"\n\
             +mentor = \"alex-kim\"\n\
             +text = \"What next?\"\n\
             +added = 2026-11-12\n"
        )
    );
}

#[test]
fn hand_edits_to_a_journal_month_survive_new_entries() {
    let mut env = TestEnv::new();
    env.today("2026-11-12");
    env.write("mentors.toml", HAND_MENTORS);
    let month = "journal/2026/2026-11.toml";
    let text = "format = 1\n# November.\n\n[[entry]]\ntext = \"\"\"\nShipped it.\nFinally.\"\"\"  # yes!\nkind = \"win\"\ndate = 2026-11-03\nid = \"w1n4aa\"\nfeeling = 9\n";
    env.write(month, text);
    let (diff, _) = diff_after(
        &env,
        month,
        &["update", "Started the DBA talk", "-m", "alex"],
    );
    let doc = parse_toml(&env, month);
    let id = doc["entry"][1]["id"].as_str().expect("a new entry id");
    assert_eq!(
        diff,
        format!(
            "@@ 13\n\
             +[[entry]]\n\
             +id = \"{id}\"\n\
             +date = 2026-11-12\n\
             +kind = \"update\"\n\
             +mentor = \"alex-kim\"\n\
             +text = \"Started the DBA talk\"\n\
             +\n"
        )
    );
    assert_eq!(
        doc["entry"][0]["text"].as_str(),
        Some("Shipped it.\nFinally.")
    );
    assert_eq!(doc["entry"][0]["feeling"].as_integer(), Some(9));
}

/// Adds a mentor, saying when the relationship started.
const PRIYA: [&str; 5] = ["mentor", "add", "Priya Natarajan", "--since", "2026-11-01"];

/// What [`PRIYA`] adds to [`HAND_MENTORS`]: her table, after the last
/// mentor and before the closing comment.
const PRIYA_ADDED: &str = "@@ 23\n\
    +\n\
    +[[mentor]]\n\
    +name = \"Priya Natarajan\"\n\
    +slug = \"priya-natarajan\"\n\
    +role = \"mentor\"\n\
    +since = 2026-11-01\n";

/// Every line of `bytes` ends with CRLF, and there is no lone LF.
#[track_caller]
fn assert_crlf_everywhere(name: &str, bytes: &[u8]) {
    assert!(bytes.ends_with(b"\r\n"), "{name} does not end with CRLF");
    for (i, window) in bytes.windows(2).enumerate() {
        if window[1] == b'\n' {
            assert_eq!(
                window[0],
                b'\r',
                "{name}: a lone LF at byte {}:\n{}",
                i + 1,
                String::from_utf8_lossy(bytes)
            );
        }
    }
}

#[test]
fn a_crlf_file_stays_crlf_on_every_line() {
    let mut env = TestEnv::new();
    env.today("2026-11-11");
    let crlf = |text: &str| text.replace('\n', "\r\n");
    env.write("mentors.toml", &crlf(HAND_MENTORS));
    env.write(MEETING_FILE, &crlf(HAND_MEETING));

    env.run(PRIYA).success();
    let id = env.commit("Two\nlines", &["-m", "alex"]);
    env.run(["action", "done", "k3f9x2", "--note", "Sent"])
        .success();

    for file in ["mentors.toml", MEETING_FILE] {
        let bytes = fs::read(env.path(file)).expect("read");
        assert_crlf_everywhere(file, &bytes);
    }
    // Only the intended lines changed, as in a file with LF endings.
    let mentors = env.read("mentors.toml").replace("\r\n", "\n");
    assert_eq!(line_diff(HAND_MENTORS, &mentors), PRIYA_ADDED);
    let meeting = env.read(MEETING_FILE).replace("\r\n", "\n");
    assert_eq!(
        line_diff(HAND_MEETING, &meeting),
        format!(
            "@@ 17\n\
             -status = \"open\"  # not yet\n\
             +status = \"done\"  # not yet\n\
             @@ 23\n\
             +[[action.history]]\n\
             +on = 2026-11-11\n\
             +status = \"done\"\n\
             +note = \"Sent\"\n\
             +\n\
             @@ 32\n\
             +\n\
             +[[action]]\n\
             +id = \"{id}\"\n\
             +text = \"\"\"\n\
             +Two\n\
             +lines\"\"\"\n\
             +created = 2026-11-11\n\
             +status = \"open\"\n"
        )
    );
    // The line break inside the text is data, read back as one LF.
    let doc = env.json(["action", "list", "--all", "--json"]);
    let texts: Vec<&str> = doc["commitments"]
        .as_array()
        .expect("commitments")
        .iter()
        .filter_map(|c| c["text"].as_str())
        .collect();
    assert!(texts.contains(&"Two\nlines"), "{texts:?}");
}

#[test]
fn a_journal_month_keeps_its_line_endings_as_entries_are_added() {
    let mut env = TestEnv::new();
    env.today("2026-11-12");
    env.write("mentors.toml", HAND_MENTORS);
    let month = "journal/2026/2026-11.toml";
    let text = "format = 1\r\n# November.\r\n\r\n[[entry]]\r\nid = \"w1n4aa\"\r\ndate = 2026-11-03\r\nkind = \"win\"\r\ntext = \"\"\"\r\nShipped it.\r\nFinally.\"\"\"\r\n# the end\r\n";
    env.write(month, text);
    // The first run reads the file; later ones may only append to it.
    let ids: Vec<String> = ["One", "Two\nlines", "Three"]
        .iter()
        .map(|update| {
            env.run(["update", update, "-m", "alex"]).success();
            let doc = parse_toml(&env, month);
            let entries = doc["entry"].as_array().expect("entries");
            entries[entries.len() - 1]["id"]
                .as_str()
                .expect("an id")
                .to_string()
        })
        .collect();
    let bytes = fs::read(env.path(month)).expect("read");
    assert_crlf_everywhere(month, &bytes);
    let after = String::from_utf8(bytes)
        .expect("UTF-8")
        .replace("\r\n", "\n");
    let diff = line_diff(&text.replace("\r\n", "\n"), &after);
    assert!(
        !diff.lines().any(|l| l.starts_with('-')),
        "only lines added:\n{diff}"
    );
    // As mentee reads it: line breaks in multi-line strings are LF.
    let doc: toml::Table = after.parse().expect("the month parses");
    let texts: Vec<&str> = doc["entry"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["text"].as_str().expect("a text"))
        .collect();
    assert_eq!(
        texts,
        ["Shipped it.\nFinally.", "One", "Two\nlines", "Three"]
    );
    assert_eq!(ids.len(), 3);
    env.run(["log"]).success().stdout_has(&ids[2]);
}

#[test]
fn a_journal_month_without_a_final_line_break_takes_new_entries() {
    let mut env = TestEnv::new();
    env.today("2026-11-12");
    env.write("mentors.toml", HAND_MENTORS);
    let month = "journal/2026/2026-11.toml";
    let text = "format = 1\n[[entry]]\nid = \"w1n4aa\"\ndate = 2026-11-03\nkind = \"win\"\ntext = \"Shipped\"  # at last\n# no line break after this";
    env.write(month, text);
    for update in ["One", "Two", "Three"] {
        env.run(["update", update, "-m", "alex"]).success();
    }
    let diff = line_diff(text, &env.read(month));
    assert!(
        !diff.lines().any(|l| l.starts_with('-')),
        "only lines added:\n{diff}"
    );
    let doc = parse_toml(&env, month);
    let texts: Vec<&str> = doc["entry"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["text"].as_str().expect("a text"))
        .collect();
    assert_eq!(texts, ["Shipped", "One", "Two", "Three"]);
}

#[test]
fn a_byte_order_mark_is_kept() {
    let mut env = TestEnv::new();
    env.today("2026-11-11");
    env.write("mentors.toml", &format!("\u{feff}{HAND_MENTORS}"));
    env.write(
        MEETING_FILE,
        &format!("\u{feff}{}", HAND_MEETING.replace('\n', "\r\n")),
    );
    env.run(PRIYA).success();
    env.run(["action", "add", "Book a slot", "-m", "alex"])
        .success();
    for file in ["mentors.toml", MEETING_FILE] {
        let bytes = fs::read(env.path(file)).expect("read");
        assert!(
            bytes.starts_with("\u{feff}# ".as_bytes()),
            "{file} lost its BOM"
        );
        assert!(
            !bytes[3..].starts_with("\u{feff}".as_bytes()),
            "{file} has two BOMs"
        );
    }
    assert_crlf_everywhere(
        MEETING_FILE,
        &fs::read(env.path(MEETING_FILE)).expect("read"),
    );
    assert_eq!(
        line_diff(
            &format!("\u{feff}{HAND_MENTORS}"),
            &env.read("mentors.toml")
        ),
        PRIYA_ADDED
    );
    env.run(["mentor", "list"])
        .success()
        .stdout_has("Alex Kim")
        .stdout_has("Priya Natarajan");
}

// ---- item 8: broken files ---------------------------------------------------

/// A journal with every kind of file: two mentors, a meeting held on
/// 2026-11-10 with two commitments, one planned for 2026-11-24, a queued
/// topic, a commitment made outside any meeting, and journal entries in
/// October and November. Today is 2026-11-12.
fn full_journal() -> TestEnv {
    let mut env = TestEnv::new();
    env.scenario();
    env.run([
        "agenda",
        "--later",
        "How do I ask for a promotion?",
        "-m",
        "alex",
    ])
    .success();
    env.today("2026-10-20");
    env.run(["update", "October progress", "-m", "alex"])
        .success();
    env.today("2026-11-12");
    env.run(["update", "November progress", "-m", "alex"])
        .success();
    env.commit("Send Priya the talk outline", &["-m", "priya"]);
    env.run(["agenda", "Next?", "-m", "alex", "--on", "2026-11-24"])
        .success();
    assert_eq!(
        env.file_names(),
        [
            "actions.toml",
            "journal/2026/2026-10.toml",
            "journal/2026/2026-11.toml",
            "later.toml",
            MEETING_FILE,
            "meetings/next-alex-kim.toml",
            "mentors.toml",
        ]
    );
    env
}

/// Commands run against a journal with one broken file. Each either works or
/// fails naming the broken file. `meet` comes last: it moves the planned meeting.
const PROBES: [&[&str]; 11] = [
    &["status"],
    &["agenda", "-m", "alex"],
    &["action", "list", "--all"],
    &["mentor", "list", "--all"],
    &["log"],
    &["summary", "-m", "alex"],
    &["update", "Still going", "-m", "alex"],
    &["action", "add", "One more thing", "-m", "alex"],
    &["agenda", "--later", "Another question?", "-m", "alex"],
    &["agenda", "Next?", "Also this?", "-m", "alex"],
    &["meet", "-m", "alex"],
];

struct Broken {
    what: &'static str,
    file: &'static str,
    /// Makes the broken bytes from the file's valid ones.
    break_it: fn(&str) -> Vec<u8>,
    /// A command that needs the file.
    needs: &'static [&'static str],
    /// Where the error points: the line that starts with this text in the
    /// broken file, and a column.
    at: (&'static str, usize),
    /// What the hint says besides naming a way out.
    hint: &'static str,
    /// Probes that do not need the file and must still work.
    still_work: &'static [&'static [&'static str]],
}

/// The one probe that reads neither the meetings nor the journal nor the
/// commitments: queuing a topic needs only mentors.toml and later.toml.
const ONLY_LATER: &[&[&str]] = &[&["agenda", "--later", "Another question?", "-m", "alex"]];
/// Every probe but `log`: a broken month file of an earlier month must not
/// stop them (`update` writes to the current month).
const NO_OLD_MONTHS: &[&[&str]] = &[
    &["status"],
    &["agenda", "-m", "alex"],
    &["action", "list", "--all"],
    &["mentor", "list", "--all"],
    &["summary", "-m", "alex"],
    &["update", "Still going", "-m", "alex"],
    &["action", "add", "One more thing", "-m", "alex"],
    &["agenda", "--later", "Another question?", "-m", "alex"],
    &["agenda", "Next?", "Also this?", "-m", "alex"],
    &["meet", "-m", "alex"],
];

const OPEN_HINT: &str = "mentee leaves the file untouched until it parses";

fn broken_files() -> Vec<Broken> {
    vec![
        Broken {
            what: "an unterminated string",
            file: "mentors.toml",
            break_it: |text| {
                replace_once(
                    text,
                    "name = \"Priya Natarajan\"",
                    "name = \"Priya Natarajan",
                )
                .into_bytes()
            },
            needs: &["mentor", "list"],
            at: ("name = \"Priya Natarajan", 24),
            hint: OPEN_HINT,
            still_work: &[],
        },
        Broken {
            what: "git conflict markers",
            file: MEETING_FILE,
            break_it: |text| {
                replace_once(
                    text,
                    "due = 2026-11-13\n",
                    "<<<<<<< HEAD\ndue = 2026-11-13\n=======\ndue = 2026-11-20\n>>>>>>> laptop\n",
                )
                .into_bytes()
            },
            needs: &["action", "list"],
            at: ("<<<<<<< HEAD", 9),
            hint: "git conflict markers",
            still_work: ONLY_LATER,
        },
        Broken {
            what: "a duplicate key",
            file: "later.toml",
            break_it: |text| {
                replace_once(
                    text,
                    "text = \"How do I ask for a promotion?\"\n",
                    "text = \"How do I ask for a promotion?\"\ntext = \"How do I ask for a raise?\"\n",
                )
                .into_bytes()
            },
            needs: &["agenda", "--later", "Q?", "-m", "alex"],
            at: ("text = \"How do I ask for a raise?\"", 1),
            hint: OPEN_HINT,
            still_work: &[
                &["status"],
                &["agenda", "-m", "alex"],
                &["action", "list", "--all"],
                &["mentor", "list", "--all"],
                &["log"],
                &["summary", "-m", "alex"],
                &["update", "Still going", "-m", "alex"],
                &["action", "add", "One more thing", "-m", "alex"],
                &["meet", "-m", "alex"],
            ],
        },
        Broken {
            what: "a date that is not a date",
            file: "journal/2026/2026-10.toml",
            break_it: |text| {
                replace_once(text, "date = 2026-10-20", "date = \"soon\"").into_bytes()
            },
            needs: &["log"],
            at: ("date = \"soon\"", 8),
            hint: OPEN_HINT,
            still_work: NO_OLD_MONTHS,
        },
        Broken {
            what: "an impossible date",
            file: "mentors.toml",
            break_it: |text| {
                replace_once(
                    text,
                    "every = \"2w\"\n",
                    "every = \"2w\"\nsince = 2026-13-45\n",
                )
                .into_bytes()
            },
            needs: &["status"],
            at: ("since = 2026-13-45", 9),
            hint: OPEN_HINT,
            still_work: &[],
        },
        Broken {
            what: "a NUL byte",
            file: "meetings/next-alex-kim.toml",
            break_it: |text| replace_once(text, "\"Next?\"", "\"Next?\0\"").into_bytes(),
            needs: &["agenda", "-m", "alex"],
            at: ("topics = [\"Next?\0", 17),
            hint: OPEN_HINT,
            still_work: ONLY_LATER,
        },
        Broken {
            what: "invalid UTF-8",
            file: "journal/2026/2026-11.toml",
            break_it: |text| {
                let mut bytes =
                    replace_once(text, "November progress", "November progr").into_bytes();
                let at = text.find("November progress").expect("the entry") + 15;
                bytes.insert(at, 0xE9); // "é" in Latin-1
                bytes
            },
            needs: &["update", "Again", "-m", "alex"],
            at: ("text = \"November progr", 24),
            hint: OPEN_HINT,
            still_work: &[
                &["status"],
                &["agenda", "-m", "alex"],
                &["action", "list", "--all"],
                &["mentor", "list", "--all"],
                &["action", "add", "One more thing", "-m", "alex"],
                &["agenda", "--later", "Another question?", "-m", "alex"],
                &["agenda", "Next?", "Also this?", "-m", "alex"],
                &["meet", "-m", "alex"],
            ],
        },
        Broken {
            what: "an empty meeting file",
            file: MEETING_FILE,
            break_it: |_| Vec::new(),
            needs: &["action", "list"],
            at: ("", 1),
            hint: OPEN_HINT,
            still_work: ONLY_LATER,
        },
        Broken {
            what: "arrays nested 100,000 deep",
            file: "actions.toml",
            break_it: |text| format!("{text}nested = {}\n", "[".repeat(100_000)).into_bytes(),
            needs: &["action", "list"],
            at: ("nested = [", 90),
            hint: OPEN_HINT,
            still_work: ONLY_LATER,
        },
        Broken {
            what: "a newer format",
            file: "journal/2026/2026-10.toml",
            break_it: |text| replace_once(text, "format = 1", "format = 2").into_bytes(),
            needs: &["log"],
            at: ("format = 2", 10),
            hint: "upgrade mentee",
            still_work: NO_OLD_MONTHS,
        },
    ]
}

#[test]
fn a_broken_file_is_located_and_left_alone_and_the_rest_still_works() {
    let mut problems = Vec::new();
    for case in broken_files() {
        let env = full_journal();
        let path = env.path(case.file);
        let broken = (case.break_it)(&env.read(case.file));
        fs::write(&path, &broken).expect("break the file");
        let before = env.files();
        let shown = path.display().to_string();

        let run = env.run(case.needs);
        let stderr = run.stderr();
        let mut expected = vec![format!("error: {shown}:"), "\nhint: ".to_string()];
        expected.push(case.hint.to_string());
        let (start, column) = case.at;
        let line = broken
            .split(|&b| b == b'\n')
            .position(|l| l.starts_with(start.as_bytes()))
            .unwrap_or_else(|| panic!("{}: no line starts with {start:?}", case.what))
            + 1;
        expected.push(format!("error: {shown}:{line}:{column}: "));
        if run.code() != Some(1) || !run.stdout().is_empty() {
            problems.push(format!(
                "{}: mentee {} exited {:?} (expected 1, nothing on stdout)\n{stderr}",
                case.what,
                case.needs.join(" "),
                run.code()
            ));
        }
        for needle in expected.iter().filter(|n| !stderr.contains(n.as_str())) {
            problems.push(format!("{}: stderr lacks {needle:?}:\n{stderr}", case.what));
        }
        if env.files() != before {
            problems.push(format!("{}: a file changed", case.what));
        }

        for probe in PROBES {
            let run = env.run(probe);
            let must_work = case.still_work.contains(&probe);
            let named = run.code() == Some(1) && run.stderr().contains(&shown);
            if !(run.code() == Some(0) || (named && !must_work)) {
                problems.push(format!(
                    "{}: mentee {} should {}, but exited {:?}:\n{}",
                    case.what,
                    probe.join(" "),
                    if must_work {
                        "work"
                    } else {
                        "work or name the broken file"
                    },
                    run.code(),
                    run.stderr()
                ));
            }
            if fs::read(&path).ok().as_ref() != Some(&broken) {
                problems.push(format!(
                    "{}: mentee {} changed the broken file",
                    case.what,
                    probe.join(" ")
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

// ---- item 9: hostile text ---------------------------------------------------

#[test]
fn empty_and_blank_texts_are_refused() {
    let mut env = TestEnv::new();
    env.scenario();
    let before = env.files();
    let blank = " \n\t \r\n ";
    let cases: Vec<Vec<&str>> = vec![
        vec!["update", ""],
        vec!["update", blank, "-m", "alex"],
        vec!["update", "   ", "--win"],
        vec!["thanks", blank, "-m", "alex"],
        vec!["note", "", "-m", "alex"],
        vec!["action", "add", "", "-m", "alex"],
        vec!["action", "add", blank, "-m", "alex"],
        vec!["agenda", blank, "-m", "alex"],
        vec!["agenda", "A real question?", " ", "-m", "alex"],
        vec!["agenda", "--later", "", "-m", "alex"],
    ];
    for args in cases {
        env.run(&args)
            .failure_code(1)
            .stdout_is_empty()
            .stderr_has("is empty");
    }
    // The same through standard input.
    for args in [["update", "-"], ["thanks", "-"]] {
        let mut cmd = env.command(args);
        cmd.write_stdin("\n   \n\t\n");
        Run::from_command(cmd, &args.map(String::from))
            .failure_code(1)
            .stderr_has("is empty");
    }
    assert_eq!(env.files(), before, "nothing was written");
}

#[test]
fn ten_megabytes_on_stdin_are_refused() {
    let mut env = TestEnv::new();
    env.scenario();
    let before = env.files();
    let huge = "All work and no play. ".repeat(10 * 1024 * 1024 / 22);
    assert!(huge.len() >= 10_000_000);
    for args in [
        vec!["update", "-", "-m", "alex"],
        vec!["thanks", "-", "-m", "alex"],
        vec!["note", "-", "-m", "alex"],
        vec!["action", "add", "-", "-m", "alex"],
    ] {
        let mut cmd = env.command(&args);
        cmd.write_stdin(huge.clone());
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        Run::from_command(cmd, &args)
            .failure_code(1)
            .stdout_is_empty()
            .stderr_has("longer than 10000 characters");
    }
    assert_eq!(env.files(), before, "nothing was written");

    // At the limit, counted in characters rather than bytes, a text is taken;
    // one more character and it is not. Surrounding white space is trimmed.
    let at_limit = "é".repeat(10_000);
    let mut cmd = env.command(["update", "-", "-m", "alex"]);
    cmd.write_stdin(format!("\n{at_limit}\n"));
    Run::from_command(cmd, &["update".into(), "-".into()]).success();
    let doc = parse_toml(&env, "journal/2026/2026-11.toml");
    assert_eq!(doc["entry"][0]["text"].as_str(), Some(at_limit.as_str()));
    let mut cmd = env.command(["update", "-", "-m", "alex"]);
    cmd.write_stdin(format!("{at_limit}é"));
    Run::from_command(cmd, &["update".into(), "-".into()])
        .failure_code(1)
        .stderr_has("longer than");

    // Bytes that are not text are refused, not mangled.
    let mut cmd = env.command(["update", "-", "-m", "alex"]);
    cmd.write_stdin(b"caf\xe9 au lait".to_vec());
    Run::from_command(cmd, &["update".into(), "-".into()])
        .failure_code(1)
        .stderr_has("standard input");
}

/// Text that tries every trick on a terminal: colour and screen-clearing
/// escapes (7-bit and the 8-bit CSI), a right-to-left override that makes
/// `exe.pdf` read `fdp.exe`, isolates and marks, bell, backspace, delete, a
/// carriage return, next-line, plus combining accents, quotes and a
/// backslash that a TOML writer must escape.
const HOSTILE: &str = "Esc \u{1b}[31mred\u{1b}[0m and \u{1b}[2J, bidi \u{202e}fdp.exe, \
     combining e\u{301} n\u{303}, bell\u{7} bs\u{8} del\u{7f} csi\u{9b}2J nel\u{85} \
     cr\rX isolate \u{2066}x\u{2069} lrm\u{200e} alm\u{61c}\nsecond line\twith a tab, \
     quotes \"\"\" ''' \\ end";

/// Would this character act on a terminal instead of being shown?
fn acts_on_terminal(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
        )
}

#[track_caller]
fn assert_harmless(what: &str, text: &str) {
    if let Some(c) = text.chars().find(|&c| acts_on_terminal(c)) {
        panic!("{what} shows {c:?} raw:\n{text:?}");
    }
}

/// Whether a string somewhere in `doc` is `text`.
fn holds(doc: &serde_json::Value, text: &str) -> bool {
    match doc {
        serde_json::Value::String(s) => s == text,
        serde_json::Value::Array(items) => items.iter().any(|item| holds(item, text)),
        serde_json::Value::Object(map) => map.values().any(|value| holds(value, text)),
        _ => false,
    }
}

#[test]
fn control_characters_are_stored_exactly_and_shown_harmless() {
    let mut env = TestEnv::new();
    env.today("2026-11-10");
    env.mentor("Alex Kim", &[]);
    let evil_name = "Evil\u{1b}[2J\u{202e} Twin\u{7}";
    // A cadence, so that status names them (no cadence, no line).
    env.run([
        "mentor", "add", evil_name, "--role", "sponsor", "--every", "4w",
    ])
    .success();
    env.run(["agenda", "Warm-up?", "-m", "alex"]).success();
    env.run(["meet", "-m", "alex"]).success();
    let id = env.commit(HOSTILE, &["-m", "alex"]);
    let mut runs = vec![
        env.run(["update", HOSTILE, "-m", "alex"]).success(),
        env.run(["thanks", HOSTILE, "-m", "alex"]).success(),
        env.run(["note", HOSTILE, "-m", "alex"]).success(),
        env.run(["action", "done", &id, "--note", HOSTILE])
            .success(),
        env.run(["agenda", HOSTILE, "-m", "alex", "--on", "2026-11-24"])
            .success(),
        env.run(["agenda", "--later", HOSTILE, "-m", "alex"])
            .success(),
    ];

    // Stored exactly, as the TOML files say when read by another program.
    let meeting = parse_toml(&env, MEETING_FILE);
    assert_eq!(meeting["action"][0]["text"].as_str(), Some(HOSTILE));
    assert_eq!(
        meeting["action"][0]["history"][0]["note"].as_str(),
        Some(HOSTILE)
    );
    let journal = parse_toml(&env, "journal/2026/2026-11.toml");
    let entries = journal["entry"].as_array().expect("entries");
    assert_eq!(entries.len(), 3);
    for entry in entries {
        assert_eq!(entry["text"].as_str(), Some(HOSTILE), "{entry:?}");
    }
    let next = parse_toml(&env, "meetings/next-alex-kim.toml");
    assert_eq!(next["meeting"]["topics"][0].as_str(), Some(HOSTILE));
    let later = parse_toml(&env, "later.toml");
    assert_eq!(later["topic"][0]["text"].as_str(), Some(HOSTILE));
    let mentors = parse_toml(&env, "mentors.toml");
    assert_eq!(mentors["mentor"][1]["name"].as_str(), Some(evil_name));

    // Shown with every control made visible.
    for args in [
        vec!["log"],
        vec!["summary", "-m", "alex"],
        vec!["summary", "-m", "alex", "--format", "text"],
        vec!["action", "list", "--all"],
        vec!["agenda", "-m", "alex"],
        vec!["status"],
    ] {
        let run = env.run(&args).success();
        let out = run.stdout();
        for escaped in ["\\u{1b}[31mred\\u{1b}[0m", "\\u{202e}fdp.exe", "\\u{9b}2J"] {
            assert!(
                out.contains(escaped),
                "mentee {}: no {escaped} in\n{out}",
                args.join(" ")
            );
        }
        assert!(
            out.contains("combining e\u{301} n\u{303}"),
            "mentee {}: combining accents are text, shown as they are:\n{out}",
            args.join(" ")
        );
        runs.push(run);
    }
    for args in [vec!["mentor", "list", "--all"], vec!["status"]] {
        let run = env.run(&args).success();
        assert!(
            run.stdout().contains("Evil\\u{1b}[2J\\u{202e} Twin\\u{7}"),
            "{}",
            run.stdout()
        );
        runs.push(run);
    }
    // JSON escapes them too, and any JSON reader gets the text back exactly.
    for (args, text) in [
        (vec!["log", "--json"], HOSTILE),
        (vec!["summary", "-m", "alex", "--json"], HOSTILE),
        (vec!["action", "list", "--all", "--json"], HOSTILE),
        (vec!["export", "--format", "json"], HOSTILE),
        (vec!["mentor", "list", "--all", "--json"], evil_name),
    ] {
        let run = env.run(&args).success();
        let doc: serde_json::Value = serde_json::from_str(&run.stdout()).expect("valid JSON");
        assert!(
            holds(&doc, text),
            "mentee {}:\n{}",
            args.join(" "),
            run.stdout()
        );
        runs.push(run);
    }
    for run in &runs {
        assert_harmless("stdout", &run.stdout());
        assert_harmless("stderr", &run.stderr());
    }
}

#[test]
fn a_nul_typed_as_an_escape_is_read_kept_and_shown_escaped() {
    let mut env = TestEnv::new();
    env.today("2026-11-12");
    env.write("mentors.toml", HAND_MENTORS);
    let month = "journal/2026/2026-11.toml";
    let journal = "format = 1\n\n[[entry]]\nid = \"n0n0n0\"\ndate = 2026-11-03\nkind = \"update\"\ntext = \"before\\u0000after\"  # a NUL, typed as an escape\n";
    env.write(month, journal);
    let meeting = HAND_MEETING.replace("\"Draft the split proposal\"", "\"nul\\u0000here\"");
    env.write(MEETING_FILE, &meeting);

    env.run(["log"])
        .success()
        .stdout_has("before\\u{0}after")
        .stdout_has("nul\\u{0}here");
    env.run(["action", "list"])
        .success()
        .stdout_has("nul\\u{0}here");

    // Rewrites keep the hand-written line as it was.
    let (diff, _) = diff_after(&env, month, &["update", "Another one", "-m", "alex"]);
    let added = parse_toml(&env, month)["entry"][1]["id"]
        .as_str()
        .expect("an id")
        .to_string();
    assert_eq!(
        diff,
        format!(
            "@@ 9\n\
             +[[entry]]\n\
             +id = \"{added}\"\n\
             +date = 2026-11-12\n\
             +kind = \"update\"\n\
             +mentor = \"alex-kim\"\n\
             +text = \"Another one\"\n\
             +\n"
        )
    );
    let (diff, _) = diff_after(&env, MEETING_FILE, &["action", "done", "k3f9x2"]);
    assert_eq!(
        diff,
        "@@ 17\n\
         -status = \"open\"  # not yet\n\
         +status = \"done\"  # not yet\n\
         @@ 23\n\
         +[[action.history]]\n\
         +on = 2026-11-12\n\
         +status = \"done\"\n\
         +\n"
    );
    let doc = parse_toml(&env, month);
    assert_eq!(doc["entry"][0]["text"].as_str(), Some("before\0after"));
    let doc = parse_toml(&env, MEETING_FILE);
    assert_eq!(doc["action"][0]["text"].as_str(), Some("nul\0here"));

    // A NUL that arrives on standard input is stored as an escape, exactly.
    let mut cmd = env.command(["update", "-", "-m", "alex"]);
    cmd.write_stdin("from\0stdin\n");
    Run::from_command(cmd, &["update".into(), "-".into()]).success();
    let text = env.read(month);
    assert!(!text.contains('\0'), "a raw NUL in the file:\n{text:?}");
    let doc = parse_toml(&env, month);
    assert_eq!(doc["entry"][2]["text"].as_str(), Some("from\0stdin"));
    let log = env.run(["log"]).success();
    assert_harmless("log", &log.stdout());
    assert!(log.stdout().contains("from\\u{0}stdin"), "{}", log.stdout());
}

// ---- item 10: hostile names ---------------------------------------------------

/// Every path under `dir`, hidden ones included, relative and sorted.
fn tree(dir: &std::path::Path) -> Vec<String> {
    fn walk(root: &std::path::Path, dir: &std::path::Path, into: &mut Vec<String>) {
        for entry in fs::read_dir(dir).expect("read a folder") {
            let path = entry.expect("an entry").path();
            let relative = path.strip_prefix(root).expect("inside");
            into.push(relative.to_string_lossy().into_owned());
            if path.is_dir() {
                walk(root, &path, into);
            }
        }
    }
    let mut paths = Vec::new();
    walk(dir, dir, &mut paths);
    paths.sort();
    paths
}

#[test]
fn no_name_writes_outside_the_folder_or_over_another_mentor() {
    let env = TestEnv::new();
    let long_ok = "Bartholomew ".repeat(8) + "Featherstonehaugh"; // 113 characters
    let hundred = "x".repeat(100);
    let accepted: Vec<&str> = vec![
        "../../x",
        "/abs",
        "a/b",
        ".",
        "..",
        "CON",
        "Alex Kim",
        // The same slug as the one before, at first sight.
        "Alex Kim!",
        "Ålex Kïm",
        "😀",
        &hundred,
    ];
    let refused: Vec<(String, &str)> = vec![
        ("y".repeat(300), "at most 100 characters"),
        (long_ok.clone(), "at most 100 characters"),
        ("Alex\nKim".to_string(), "one line"),
        ("Alex\rKim".to_string(), "one line"),
        ("".to_string(), "needs a name"),
        ("  \t ".to_string(), "needs a name"),
        ("ALEX  KIM".to_string(), "Alex Kim is already a mentor"),
        ("..".to_string(), ".. is already a mentor"),
    ];
    for name in &accepted {
        env.run(["mentor", "add", name])
            .success()
            .stderr_lacks("too long")
            .stderr_lacks("os error");
    }
    let before = env.files();
    for (name, why) in &refused {
        env.run(["mentor", "add", name.as_str()])
            .failure_code(1)
            .stdout_is_empty()
            .stderr_has(why)
            .stderr_lacks("too long to")
            .stderr_lacks("os error");
    }
    assert_eq!(env.files(), before, "a refused name wrote something");

    // Every slug is a plain file-name part, and no two are the same.
    let mentors = parse_toml(&env, "mentors.toml");
    let mentors = mentors["mentor"].as_array().expect("mentors");
    assert_eq!(mentors.len(), accepted.len());
    let mut slugs = Vec::new();
    for (name, stored) in accepted.iter().zip(mentors) {
        assert_eq!(stored["name"].as_str(), Some(*name));
        let slug = stored["slug"].as_str().expect("a slug").to_string();
        let plain = slug.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
        assert!(plain && slug.len() <= 40, "{name:?} has the slug {slug:?}");
        assert!(!slugs.contains(&slug), "{name:?} shares the slug {slug}");
        slugs.push(slug);
    }

    // Each mentor, named as typed, gets a meeting of their own.
    for (i, name) in accepted.iter().enumerate() {
        env.run(["agenda", &format!("Question {i}?"), "-m", name])
            .success();
    }
    for (i, slug) in slugs.iter().enumerate() {
        let file = format!("meetings/next-{slug}.toml");
        let meeting = parse_toml(&env, &file);
        assert_eq!(
            meeting["meeting"]["mentor"].as_str(),
            Some(slug.as_str()),
            "{file}"
        );
        assert_eq!(
            meeting["meeting"]["topics"][0].as_str(),
            Some(format!("Question {i}?").as_str()),
            "{file}"
        );
    }

    // Nothing anywhere else: the test's own folder holds the data folder and
    // a home with nothing but mentee's cache, and the data folder only what
    // mentee should write.
    let root = env.dir().parent().expect("the test folder").to_path_buf();
    let mut top: Vec<String> = fs::read_dir(&root)
        .expect("the test folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    top.sort();
    assert_eq!(top, ["data", "home"]);
    let home = tree(&env.home());
    assert!(
        home.iter()
            .all(|p| p == ".cache" || p.starts_with(".cache/mentee")),
        "{home:?}"
    );
    let mut expected: Vec<String> = slugs
        .iter()
        .map(|slug| format!("meetings/next-{slug}.toml"))
        .chain([".lock", "meetings", "mentors.toml"].map(String::from))
        .collect();
    expected.sort();
    // The record of changes for mentee undo is mentee's too.
    let data: Vec<String> = tree(&env.dir())
        .into_iter()
        .filter(|path| !path.starts_with(".undo"))
        .collect();
    assert_eq!(data, expected);
}

// ---- regressions found by this suite --------------------------------------

#[test]
fn a_journal_month_with_a_byte_order_mark_takes_appended_entries() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["update", "one"]).success();
    let month = "journal/2026/2026-11.toml";
    env.write(month, &format!("\u{feff}{}", env.read(month)));
    env.run(["update", "two"]).success();
    env.run(["update", "three"]).success();
    let text = env.read(month);
    assert_eq!(text.matches('\u{feff}').count(), 1, "{text}");
    assert!(text.starts_with('\u{feff}'));
    env.run(["log"]).success().stdout_has("three");
}

#[test]
fn a_windows_month_without_a_final_line_break_stays_windows() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["update", "one"]).success();
    let month = "journal/2026/2026-11.toml";
    let crlf = env.read(month).replace('\n', "\r\n") + "# end";
    env.write(month, &crlf);
    env.run(["update", "two"]).success();
    env.run(["update", "three"]).success();
    let text = env.read(month);
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "a bare line feed in {text:?}"
    );
}

#[test]
fn two_mentors_sharing_a_slug_are_refused_and_both_kept() {
    // As a git merge of two machines' files can leave them. Files refer to
    // a mentor by slug, so working on would mix the two mentors' records;
    // the merge itself keeps both (see store::merge).
    let env = TestEnv::new();
    let text = "format = 1\n\n[[mentor]]\nname = \"Sam Lee\"\nslug = \"sam-lee\"\nemail = \"sam@work.example\"\n\n\
         [[mentor]]\nname = \"Sam Lee (school)\"\nslug = \"sam-lee\"\nrole = \"coach\"\n";
    env.write("mentors.toml", text);
    env.run(["mentor", "add", "Priya"])
        .failure_code(1)
        .stderr_has("mentors.toml:10:1: two mentors have the slug \"sam-lee\"")
        .stderr_has("hint: the files refer to a mentor by slug");
    env.run(["status"])
        .failure_code(1)
        .stderr_has("two mentors have the slug");
    assert_eq!(env.read("mentors.toml"), text);
}

#[test]
fn holding_a_hand_edited_planned_meeting_keeps_the_edits() {
    let mut env = TestEnv::new();
    env.mentor("Alex Kim", &["--since", "2026-11-01"]);
    env.run(["agenda", "Q?"]).success();
    let planned = "meetings/next-alex-kim.toml";
    let edited = env
        .read(planned)
        .replace("[meeting]", "# My prep notes.\n[meeting]\nroom = \"4.02\"")
        .replace("topics = [\"Q?\"]", "topics = [\"Q?\"]  # the big one");
    env.write(planned, &edited);
    env.today("2026-11-12")
        .run(["meet", "-m", "alex"])
        .success();
    let held = env.read("meetings/2026/2026-11-12-alex-kim.toml");
    for kept in [
        "# My prep notes.",
        "room = \"4.02\"",
        "# the big one",
        "status = \"held\"",
    ] {
        assert!(held.contains(kept), "lost {kept:?}: {held}");
    }
    assert!(!env.exists(planned));
}

#[test]
fn a_hand_edited_slug_cannot_reach_outside_the_data_folder() {
    let env = TestEnv::new();
    env.write(
        "mentors.toml",
        "format = 1\n[[mentor]]\nname = \"Evil\"\nslug = \"x/../../../escaped\"\n",
    );
    env.run(["agenda", "Q?", "-m", "evil"]).success();
    let outside = env.dir().parent().expect("a parent").join("escaped.toml");
    assert!(!outside.exists());
    assert!(
        env.exists("meetings/next-x-escaped.toml"),
        "{:?}",
        env.file_names()
    );
}

#[test]
fn a_name_typed_exactly_means_that_mentor() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.mentor("Alex-Kim", &[]);
    env.run(["agenda", "A?", "-m", "alex-kim"])
        .success()
        .stdout_has("Alex Kim\n");
    env.run(["agenda", "B?", "-m", "Alex-Kim"])
        .success()
        .stderr_lacks("Replaced");
    assert!(env.exists("meetings/next-alex-kim-2.toml"));
    assert!(env.read("meetings/next-alex-kim.toml").contains("A?"));
}
