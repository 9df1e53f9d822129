//! Builds a realistic journal of any size, for benchmarks and for trying
//! the tool on years of data:
//!
//! ```sh
//! cargo run --release --example gen_journal -- --years 10 --entries 10000 --dir /tmp/ten-years
//! MENTEE_DIR=/tmp/ten-years MENTEE_TODAY=2026-11-22 mentee status
//! ```
//!
//! See `benches/support/generator.rs` for what the journal holds.

// A program of its own: it prints as it likes.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "../benches/support/generator.rs"]
mod generator;

use chrono::NaiveDate;
use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
struct Args {
    /// Years of meetings, ending on --today
    #[arg(long, default_value_t = 10)]
    years: u32,
    /// Journal entries spread over those years
    #[arg(long, default_value_t = 10_000)]
    entries: usize,
    /// The data folder to create; it must not exist yet
    #[arg(long)]
    dir: PathBuf,
    /// The last day of the journal
    #[arg(long, default_value = "2026-11-22")]
    today: NaiveDate,
    /// Seed for the choices made, so a journal can be rebuilt exactly
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Commitments left open besides the usual ones (a long backlog)
    #[arg(long, default_value_t = 0)]
    open: usize,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if args.dir.exists() {
        eprintln!("error: {} exists; give a new folder", args.dir.display());
        return ExitCode::from(1);
    }
    let spec = generator::Spec {
        dir: args.dir,
        years: args.years,
        entries: args.entries,
        today: args.today,
        seed: args.seed,
        open: args.open,
    };
    match generator::generate(&spec) {
        Ok((meetings, entries)) => {
            eprintln!(
                "Wrote {meetings} meetings and {entries} journal entries to {}",
                spec.dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(1)
        }
    }
}
