//! How long every everyday command takes, as a whole process, on journals of
//! 50, 10,000 and 100,000 entries, and on the ten-year journal of 10,000
//! with a backlog of 500 open commitments; and how much memory it needs at
//! its peak.
//!
//! ```sh
//! cargo bench --bench commands              # 21 runs per command
//! MENTEE_BENCH_RUNS=5 cargo bench --bench commands
//! ```
//!
//! Each journal is built with `support/generator.rs` in a temporary folder.
//! Each journal is left to age for three seconds, as a person's has (the
//! index does not trust the stamp of a file changed in the last two).
//! Every command runs once to warm the index (as any second run of the tool
//! would find it), then `MENTEE_BENCH_RUNS` times; the median is printed.
//! Peak memory is read with getrusage in a child process that runs the
//! command once, so it is that command's own maximum resident set.
//! `search` is also set against `grep -ri` over the same files, timed the same
//! way in the same run.
//! This is a benchmark, not a test: nothing fails when the machine is slow.

// A program of its own: it prints as it likes.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "support/generator.rs"]
mod generator;

use nix::sys::resource::{UsageWho, getrusage};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const MENTEE: &str = env!("CARGO_BIN_EXE_mentee");
const TODAY: &str = "2026-11-22";

/// (label, arguments, target in ms at 10,000 entries, at 100,000 entries)
const COMMANDS: &[(&str, &[&str], u32, u32)] = &[
    ("status", &["status"], 10, 15),
    ("agenda", &["agenda", "-m", "alex"], 10, 15),
    ("action list", &["action", "list"], 10, 15),
    ("summary", &["summary", "-m", "alex"], 10, 15),
    ("log, last month", &["log", "--since", "2026-10-22"], 10, 15),
    (
        "update",
        &["update", "Benchmark update", "-m", "alex"],
        10,
        15,
    ),
    ("log, ten years", &["log"], 150, 0),
    // What a shell runs before every prompt, and a morning timer.
    ("prompt", &["prompt"], 5, 5),
    ("remind", &["remind"], 10, 15),
    // What the shell runs on Tab after `mentee log -m ` and
    // `mentee action done ` (see `completion`).
    (
        "complete -m",
        &["--complete", "mentee", "log", "-m", ""],
        20,
        20,
    ),
    (
        "complete action done",
        &["--complete", "mentee", "action", "done", ""],
        20,
        20,
    ),
    (
        "summary, ten years",
        &["summary", "-m", "alex", "--since", "2016-11-22"],
        150,
        0,
    ),
    ("search, ten years", &["search", "resume"], 50, 50),
    (
        "search --tag, ten years",
        &["search", "--tag", "career"],
        50,
        50,
    ),
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(rest) = args.strip_prefix(&["--peak-memory-of".to_string()]) {
        peak_memory_child(rest);
        return;
    }
    let runs: usize = std::env::var("MENTEE_BENCH_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(21);
    let work = tempfile::tempdir().expect("a temporary folder");
    println!("mentee benchmark: whole processes, median of {runs} runs, peak resident memory\n");
    println!("| command | entries | median | peak memory | target |");
    println!("|---|---:|---:|---:|---|");
    for (entries, years, open) in [
        (50, 1, 0),
        (10_000, 10, 0),
        (10_000, 10, 500),
        (100_000, 10, 0),
    ] {
        let name = format!("{entries}-{open}");
        let dir = work.path().join(format!("journal-{name}"));
        let spec = generator::Spec {
            dir: dir.clone(),
            years,
            entries,
            today: TODAY.parse().expect("a date"),
            seed: 1,
            open,
        };
        generator::generate(&spec).expect("the journal is generated");
        // A file changed in the last two seconds (to the second) cannot be
        // told from a same-size edit by its stamp, so the index reads and
        // hashes it (git's "racily clean" files). A journal written a
        // moment ago would be read as if every file had just been edited by
        // hand: let it age, as a person's journal has.
        std::thread::sleep(std::time::Duration::from_secs(3));
        let home = work.path().join(format!("home-{name}"));
        let shape = if open > 0 {
            format!("{entries}, {open} open")
        } else {
            entries.to_string()
        };
        std::fs::create_dir_all(&home).expect("a home folder");
        for &(label, command, at_10k, at_100k) in COMMANDS {
            let run = || time(&dir, &home, command);
            run();
            let mut times: Vec<f64> = (0..runs).map(|_| run()).collect();
            times.sort_by(f64::total_cmp);
            let median = times[times.len() / 2];
            let peak = peak_memory(&dir, &home, command);
            let target = match entries {
                10_000 => format!("≤ {at_10k} ms, ≤ 20 MB"),
                100_000 if at_100k > 0 => format!("≤ {at_100k} ms"),
                _ => String::new(),
            };
            println!(
                "| {label} | {shape} | {median:.1} ms | {:.1} MB | {target} |",
                peak as f64 / 1024.0
            );
            if label.starts_with("search, ") {
                let grep = || time_grep(&dir, "résumé");
                grep();
                let mut times: Vec<f64> = (0..runs).map(|_| grep()).collect();
                times.sort_by(f64::total_cmp);
                let grep = times[times.len() / 2];
                println!(
                    "| grep -ri résumé, same files | {entries} | {grep:.1} ms | | search within 2x: {:.1}x |",
                    median / grep
                );
            }
        }
    }
}

/// `--complete WORDS...` stands for a shell asking for completions of
/// WORDS (the last one being completed), as bash's script runs it.
fn mentee(dir: &Path, home: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(MENTEE);
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("MENTEE_DIR", dir)
        .env("MENTEE_TODAY", TODAY)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    match args.strip_prefix(&["--complete"]) {
        Some(words) => cmd
            .env("COMPLETE", "bash")
            .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
            .arg("--")
            .args(words),
        None => cmd.args(args),
    };
    cmd
}

/// Milliseconds for one whole run, from spawn to exit.
fn time(dir: &Path, home: &Path, args: &[&str]) -> f64 {
    let start = Instant::now();
    let status = mentee(dir, home, args).status().expect("mentee runs");
    let elapsed = start.elapsed().as_secs_f64() * 1000.0;
    assert!(status.success(), "mentee {args:?} failed");
    elapsed
}

/// Milliseconds for `grep -ri` over the data folder, the yardstick for
/// `mentee search`.
fn time_grep(dir: &Path, word: &str) -> f64 {
    let start = Instant::now();
    let status = Command::new("grep")
        .args(["-ri", word])
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("grep runs");
    let elapsed = start.elapsed().as_secs_f64() * 1000.0;
    assert!(status.code().is_some_and(|c| c <= 1), "grep failed");
    elapsed
}

/// The peak resident memory in KB of one run, measured in a fresh child of
/// this benchmark so that no other run's peak is mixed in.
fn peak_memory(dir: &Path, home: &Path, args: &[&str]) -> i64 {
    let output = Command::new(std::env::current_exe().expect("this benchmark"))
        .arg("--peak-memory-of")
        .arg(dir)
        .arg(home)
        .args(args)
        .output()
        .expect("the measuring child runs");
    String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .expect("a number of KB")
}

fn peak_memory_child(args: &[String]) {
    let [dir, home, rest @ ..] = args else {
        panic!("usage: --peak-memory-of DIR HOME ARGS...")
    };
    let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
    let status = mentee(Path::new(dir), Path::new(home), &rest)
        .status()
        .expect("mentee runs");
    assert!(status.success(), "mentee {rest:?} failed");
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN).expect("getrusage");
    println!("{}", usage.max_rss());
}
