//! The only place that talks to the user through prompts. Callers check
//! `Context::interactive` first; these functions are never reached from a
//! pipe, so nothing ever waits on one.
//!
//! Ctrl-C: dialoguer reads keys in raw mode, and on Ctrl-C raises SIGINT
//! itself, which by default ends the process then and there, with the
//! cursor hidden and every answer given so far lost. From the first prompt
//! on, a handler makes Ctrl-C during a prompt fail that prompt with
//! [`Error::Interrupted`], so the command can keep what it has; outside a
//! prompt (a second Ctrl-C, say) it still ends the process, with the usual
//! exit code 130.

use crate::error::{Error, Result};
use crate::model::meeting::Status;
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Input, MultiSelect, Select};
use std::io;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Whether a prompt is waiting for a key.
static PROMPTING: AtomicBool = AtomicBool::new(false);
/// How many times the handler has seen SIGINT.
static SIGNALS: AtomicUsize = AtomicUsize::new(0);

/// Shows one prompt, turning Ctrl-C into [`Error::Interrupted`].
fn ask<T>(prompt: impl FnOnce() -> dialoguer::Result<T>) -> Result<T> {
    static HANDLER: Once = Once::new();
    HANDLER.call_once(|| {
        // Should no handler be allowed, Ctrl-C keeps its default effect.
        let _ = ctrlc::set_handler(|| {
            SIGNALS.fetch_add(1, Ordering::SeqCst);
            if !PROMPTING.load(Ordering::SeqCst) {
                std::process::exit(130);
            }
        });
    });
    let signals = SIGNALS.load(Ordering::SeqCst);
    PROMPTING.store(true, Ordering::SeqCst);
    let answer = prompt();
    let interrupted = matches!(&answer, Err(dialoguer::Error::IO(err)) if err.kind() == io::ErrorKind::Interrupted);
    if interrupted {
        // The handler runs on a thread of its own: wait until it has seen
        // the SIGINT that stopped the prompt, lest it take that one for a
        // second Ctrl-C, which ends the process (waiting for the lock, say).
        let deadline = Instant::now() + Duration::from_secs(1);
        while SIGNALS.load(Ordering::SeqCst) == signals && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(1));
        }
    }
    PROMPTING.store(false, Ordering::SeqCst);
    if answer.is_err() {
        // A failed prompt leaves the cursor hidden.
        let _ = dialoguer::console::Term::stderr().show_cursor();
    }
    answer.map_err(|err| {
        if interrupted {
            Error::Interrupted
        } else {
            failed(err)
        }
    })
}

#[allow(clippy::needless_pass_by_value)] // used as `map_err(failed)`
fn failed(err: dialoguer::Error) -> Error {
    Error::user(format!("the prompt failed: {err}"))
}

/// Asks what became of one commitment; `None` means skip it for now.
pub fn report(text: &str) -> Result<Option<(Status, Option<String>)>> {
    const CHOICES: [(&str, Option<Status>); 5] = [
        ("done", Some(Status::Done)),
        ("in progress", Some(Status::InProgress)),
        ("blocked", Some(Status::Blocked)),
        ("dropped", Some(Status::Dropped)),
        ("skip for now", None),
    ];
    let theme = ColorfulTheme::default();
    let picked = ask(|| {
        Select::with_theme(&theme)
            .with_prompt(text)
            .items(CHOICES.map(|(label, _)| label))
            .default(0)
            .interact()
    })?;
    let Some(status) = CHOICES[picked].1 else {
        return Ok(None);
    };
    let note: String = ask(|| {
        Input::with_theme(&theme)
            .with_prompt("Note (optional)")
            .allow_empty(true)
            .interact_text()
    })?;
    let note = note.trim();
    Ok(Some((status, (!note.is_empty()).then(|| note.to_string()))))
}

/// Offers queued topics; returns the indexes picked (at most `room`).
pub fn pick_queued(topics: &[String], room: usize) -> Result<Vec<usize>> {
    pick_topics(
        &format!("Add topics queued for later? (space to pick, enter to confirm, up to {room})"),
        topics,
        room,
    )
}

/// Offers topics for the agenda; returns the indexes picked, at most
/// `room`: picking more is refused, and asked again.
pub fn pick_topics(question: &str, topics: &[String], room: usize) -> Result<Vec<usize>> {
    let theme = ColorfulTheme::default();
    loop {
        let picked = ask(|| {
            MultiSelect::with_theme(&theme)
                .with_prompt(question)
                .items(topics)
                .interact()
        })?;
        if picked.len() <= room {
            return Ok(picked);
        }
        eoutln!("Pick at most {room}: an agenda holds two topics.");
    }
}

/// A yes-or-no question.
pub fn confirm(question: &str, default: bool) -> Result<bool> {
    ask(|| {
        Confirm::with_theme(&ColorfulTheme::default())
            .with_prompt(question)
            .default(default)
            .interact()
    })
}
