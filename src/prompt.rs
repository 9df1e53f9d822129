//! The only place that talks to the user through prompts. Callers check
//! `Context::interactive` first; these functions are never reached from a
//! pipe, so nothing ever waits on one.

use crate::error::{Error, Result};
use crate::model::meeting::Status;
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Input, MultiSelect, Select};

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
    let picked = Select::with_theme(&theme)
        .with_prompt(text)
        .items(CHOICES.map(|(label, _)| label))
        .default(0)
        .interact()
        .map_err(failed)?;
    let Some(status) = CHOICES[picked].1 else {
        return Ok(None);
    };
    let note: String = Input::with_theme(&theme)
        .with_prompt("Note (optional)")
        .allow_empty(true)
        .interact_text()
        .map_err(failed)?;
    let note = note.trim();
    Ok(Some((status, (!note.is_empty()).then(|| note.to_string()))))
}

/// Offers queued topics; returns the indexes picked (at most `room`).
pub fn pick_queued(topics: &[String], room: usize) -> Result<Vec<usize>> {
    let theme = ColorfulTheme::default();
    loop {
        let picked = MultiSelect::with_theme(&theme)
            .with_prompt(format!(
                "Add topics queued for later? (space to pick, enter to confirm, up to {room})"
            ))
            .items(topics)
            .interact()
            .map_err(failed)?;
        if picked.len() <= room {
            return Ok(picked);
        }
        eprintln!("Pick at most {room}: an agenda holds two topics.");
    }
}

/// A yes-or-no question.
pub fn confirm(question: &str, default: bool) -> Result<bool> {
    Confirm::with_theme(&ColorfulTheme::default())
        .with_prompt(question)
        .default(default)
        .interact()
        .map_err(failed)
}
