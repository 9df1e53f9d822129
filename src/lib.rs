//! mentee: a terminal journal and meeting agenda for people being mentored.
//!
//! Data flows one way: arguments ([`cli`]) are resolved once into a
//! [`context::Context`]; a command handler ([`commands`]) loads model values
//! from the [`store`], lets the [`model`] decide, saves, and prints what
//! [`render`] made of the result.

#[macro_use]
mod output;

pub mod cli;
pub mod commands;
pub mod complete;
pub mod config;
pub mod context;
pub mod editor;
pub mod error;
pub mod git;
pub mod mail;
pub mod model;
pub mod notify;
pub mod prompt;
pub mod render;
pub mod store;
pub mod workspace;

use clap::Parser;
use std::process::ExitCode;

/// Runs one command line and turns the outcome into an exit code: 0 success,
/// 1 a user or data error, 2 a usage error, 130 Ctrl-C at a prompt. This is
/// the only place that prints an error.
pub fn run() -> ExitCode {
    // A shell asking for completions (`COMPLETE=bash mentee -- mentee ...`)
    // is answered here, and the process ends: see `complete`.
    clap_complete::CompleteEnv::with_factory(<cli::Cli as clap::CommandFactory>::command)
        .var(commands::completions::VAR)
        .shells(commands::completions::DYNAMIC)
        .complete();
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    let cli::Cli { global, command } = cli;
    let app = <cli::Cli as clap::CommandFactory>::command;
    // A shell prompt's line is never an error, even when it cannot be shown.
    let quiet = matches!(command, Some(commands::Command::Prompt(_)));
    let result =
        commands::run(global.dir, global.color, command, app).and_then(
            |()| match output::failure().filter(|_| !quiet) {
                Some(kind) => Err(error::Error::user_with_hint(
                    format!(
                        "cannot write to standard output: {}",
                        std::io::Error::from(kind)
                    ),
                    "check where the output goes (a full disk?); what was to be saved is saved",
                )),
                None => Ok(()),
            },
        );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eoutln!("error: {}", render::text::clean(&err.to_string()));
            if let Some(hint) = err.hint() {
                eoutln!("hint: {}", render::text::clean(&hint));
            }
            ExitCode::from(err.exit_code())
        }
    }
}
