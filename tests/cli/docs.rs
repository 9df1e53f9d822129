//! Every command shown in the README and in `docs/` still runs.
//!
//! What counts as a command shown: inside a fenced code block,
//!
//! - in a `sh`, `bash`, `shell` or unlabelled block, a line that starts with
//!   `mentee ` (after indentation);
//! - in a `console` block, a line that starts with `$ mentee `; the other
//!   lines there are what the command printed, even when they name a
//!   command (`(run: mentee action set ...)`);
//! - blocks labelled anything else (`text`, `toml`, `json`) hold output or
//!   files and are not read.
//!
//! The line is split as a shell would (quotes, and `#` starting a comment),
//! and cut at the first shell operator (`>`, `>>`, `<`, `|`, `&&`, `||`,
//! `;`): what follows belongs to the shell, not to mentee. A synopsis, a line
//! with optional parts in brackets or a repeated `WORDS...`, is not a
//! command and is skipped; that is the only line skipped. Any other word in
//! capitals is a placeholder, and must be one of [`PLACEHOLDERS`], which
//! stands a sample value in for it.
//!
//! Every command is then parsed with mentee's own command line: it must not
//! be a usage error. Those that only read and print (see [`reads_only`]) are
//! run through the binary on a copy of the sample journal and must exit 0,
//! unless [`EXPECTED_CODES`] says otherwise and why. The README's two tours
//! are run in order, as a newcomer would type them: the weekly loop on an
//! empty data folder, the fixing tour on the sample journal.

use crate::support::TestEnv;
use clap::Parser;
use clap::error::ErrorKind;
use mentee::cli::Cli;
use std::fs;
use std::path::{Path, PathBuf};

/// Placeholders a shown command may use, with the sample value put in their
/// place.
const PLACEHOLDERS: &[(&str, &str)] = &[
    ("ID", "pwpq9b"),
    ("NAME", "alex"),
    ("MENTOR", "alex"),
    ("DATE", "2026-12-01"),
    ("TEXT", "A text"),
    ("FILE", "out.txt"),
    ("DIR", "pages"),
];

/// Commands shown whose exit code on the sample journal is not 0, and why.
const EXPECTED_CODES: &[(&str, i32, &str)] = &[
    (
        "mentee summary",
        1,
        "the weekly loop has one mentor; the sample two, so it asks which",
    ),
    (
        "mentee summary --format text",
        1,
        "the walk-through has one mentor; the sample two, so it asks which",
    ),
    (
        "mentee review --mid",
        1,
        "the walk-through has one mentor; the sample two, so it asks which",
    ),
];

/// A command shown in a Markdown file, where it was found.
#[derive(Debug, Clone)]
struct Shown {
    file: String,
    line: usize,
    section: String,
    text: String,
    words: Vec<String>,
}

impl Shown {
    fn place(&self) -> String {
        format!("{}:{}: {}", self.file, self.line, self.text)
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// README.md and every docs/*.md, as (name, text), in a stable order.
fn pages() -> Vec<(String, String)> {
    let mut pages = vec![("README.md".to_string(), read(&root().join("README.md")))];
    let mut docs: Vec<PathBuf> = fs::read_dir(root().join("docs"))
        .expect("the docs folder")
        .map(|entry| entry.expect("a docs entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    docs.sort();
    for path in docs {
        let name = format!(
            "docs/{}",
            path.file_name().expect("a name").to_string_lossy()
        );
        pages.push((name, read(&path)));
    }
    pages
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// Every command shown in one page, by the rule at the top of this file.
fn commands_in(file: &str, text: &str) -> Vec<Shown> {
    let mut shown = Vec::new();
    let mut fence: Option<String> = None;
    let mut section = String::new();
    for (at, raw) in text.lines().enumerate() {
        let line = raw.trim_start();
        if let Some(info) = line.strip_prefix("```") {
            fence = match fence {
                Some(_) => None,
                None => Some(info.trim().to_string()),
            };
            continue;
        }
        let Some(lang) = &fence else {
            if let Some(heading) = line.strip_prefix("## ") {
                section = heading.trim().to_string();
            }
            continue;
        };
        let command = match lang.as_str() {
            "console" => line.strip_prefix("$ "),
            "" | "sh" | "bash" | "shell" => Some(line),
            _ => None,
        };
        let Some(command) = command.filter(|c| c.starts_with("mentee ")) else {
            continue;
        };
        if let Some(words) = words_of(command, file, at + 1) {
            shown.push(Shown {
                file: file.to_string(),
                line: at + 1,
                section: section.clone(),
                text: command.to_string(),
                words,
            });
        }
    }
    assert!(fence.is_none(), "{file}: a code block is never closed");
    shown
}

/// The words mentee gets from a shown line, or None for a synopsis.
fn words_of(command: &str, file: &str, line: usize) -> Option<Vec<String>> {
    let words = shlex::split(command)
        .unwrap_or_else(|| panic!("{file}:{line}: a shell could not split {command:?}"));
    let mut out = Vec::new();
    for word in words {
        if [">", ">>", "<", "|", "&&", "||", ";"].contains(&word.as_str()) {
            break;
        }
        if word.starts_with('[') || word.ends_with("...") || word.ends_with('…') {
            return None;
        }
        let placeholder = word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase());
        if placeholder {
            let value = PLACEHOLDERS
                .iter()
                .find(|(name, _)| *name == word)
                .map(|(_, value)| *value)
                .unwrap_or_else(|| {
                    panic!("{file}:{line}: add a sample value for the placeholder {word}")
                });
            out.push(value.to_string());
        } else {
            out.push(word);
        }
    }
    Some(out)
}

fn all_shown() -> Vec<Shown> {
    pages()
        .iter()
        .flat_map(|(file, text)| commands_in(file, text))
        .collect()
}

/// Is this a command that only reads and prints, and so can run on the
/// sample journal whatever ran before it? Writing to a file (`-o`, `--ics`,
/// `--eml`, `--out-dir`), sending and copying are left out.
fn reads_only(words: &[String]) -> bool {
    let args: Vec<&str> = words.iter().skip(1).map(String::as_str).collect();
    let writes_out = args.iter().any(|a| {
        [
            "-o",
            "--out",
            "--ics",
            "--eml",
            "--send",
            "--copy",
            "--out-dir",
            "--dir",
        ]
        .contains(a)
    });
    if writes_out {
        return false;
    }
    let flags_only = |from: usize| args.iter().skip(from).all(|a| a.starts_with('-'));
    match args.as_slice() {
        [] => true,
        [
            "status" | "summary" | "review" | "log" | "decisions" | "stats" | "tags",
            ..,
        ] => true,
        ["search", ..] => true,
        ["action" | "mentor" | "goal" | "nudge", "list", ..] => true,
        ["undo", "--list", ..] => true,
        ["calendar" | "export" | "completions", ..] => true,
        // `agenda` without topics or changes prints the planned agenda.
        ["agenda", rest @ ..] => {
            flags_only(1)
                && !rest.iter().any(|a| {
                    ["--later", "--on", "--at", "--for"]
                        .iter()
                        .any(|f| a.starts_with(f))
                })
        }
        _ => false,
    }
}

#[test]
fn every_command_shown_parses() {
    let shown = all_shown();
    assert!(
        shown.len() > 50,
        "only {} commands found: is the rule right?",
        shown.len()
    );
    let mut wrong = Vec::new();
    for command in &shown {
        if let Err(err) = Cli::try_parse_from(&command.words) {
            let fine = matches!(
                err.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            );
            if !fine {
                wrong.push(format!("{}\n{}", command.place(), err.render()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "commands shown in the docs that mentee does not take:\n\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_commands_that_read_run_on_the_sample_journal() {
    let env = TestEnv::with_sample();
    let cwd = env.scratch("cwd");
    fs::create_dir_all(&cwd).expect("a working folder");
    let mut ran = 0;
    let mut wrong = Vec::new();
    for command in all_shown().iter().filter(|c| reads_only(&c.words)) {
        let expected = EXPECTED_CODES
            .iter()
            .find(|(text, _, _)| *text == command.text)
            .map_or(0, |(_, code, _)| *code);
        let output = env
            .command(&command.words[1..])
            .current_dir(&cwd)
            .output()
            .expect("mentee runs");
        ran += 1;
        if output.status.code() != Some(expected) {
            wrong.push(format!(
                "{}\nexited with {:?}, not {expected}:\n{}",
                command.place(),
                output.status.code(),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
    }
    assert!(ran >= 15, "only {ran} reading commands ran");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The commands of one README section, in order.
fn readme_section(title: &str) -> Vec<Shown> {
    let shown: Vec<Shown> = all_shown()
        .into_iter()
        .filter(|c| c.file == "README.md" && c.section == title)
        .collect();
    assert!(!shown.is_empty(), "no commands in the README's {title:?}");
    shown
}

fn run_in_order(env: &TestEnv, commands: &[Shown]) {
    for command in commands {
        let output = env
            .command(&command.words[1..])
            .output()
            .expect("mentee runs");
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}\n{}",
            command.place(),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn the_readme_weekly_loop_runs_on_an_empty_folder() {
    let mut env = TestEnv::new();
    // A Monday: the agenda is for Wednesday, the commitment due on Friday.
    env.today("2026-11-23");
    run_in_order(&env, &readme_section("The weekly loop"));
    let summary = env.run(["summary"]).success().stdout();
    assert!(summary.contains("Draft the split proposal"), "{summary}");
    assert!(summary.contains("Splitting along the data"), "{summary}");
}

#[test]
fn the_readme_fixing_tour_runs_on_the_sample_journal() {
    let env = TestEnv::with_sample();
    let tour = readme_section("Fixing mistakes");
    run_in_order(&env, &tour);
    // The tour ends with undo, which took back the rm: the entry is there.
    env.run(["log", "--json"]).success().stdout_has("t4fwf1");
    let doc = env.json(["action", "list", "--json"]);
    let pair = crate::support::commitment(&doc, "pwpq9b");
    assert_eq!(pair["due"], "2026-12-04");
    assert_eq!(pair["text"], "Offer to pair with Nadia on her design doc");
}
