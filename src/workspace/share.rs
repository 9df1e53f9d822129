//! Sending a summary or review on its way instead of printing it: as a
//! draft email (`--eml`), through the mail command (`--send`) or to the
//! terminal's clipboard (`--copy`). `summary` and `review` share it.

use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::mentor::{Mentor, email_address};
use crate::render::Format;
use crate::render::mail::{self, Draft};
use crate::workspace::say;

/// A summary or review, written out, with who it is for.
pub struct Letter<'a> {
    /// `summary` or `review`: the command, and the word for it in messages.
    pub what: &'static str,
    pub mentor: &'a Mentor,
    /// Its first line, which is the email's subject.
    pub title: String,
    /// The words as the command prints them: the email's plain-text part,
    /// and what `--copy` copies.
    pub text: String,
    /// The Markdown the email's HTML part is made from, exactly as
    /// `--format markdown` prints it.
    pub markdown: String,
}

/// Where a letter goes instead of standard output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Share<'a> {
    /// A draft email written to a file, or to standard output for `-`.
    Eml(&'a str),
    /// Handed to the mail command; `yes` sends without asking.
    Send { yes: bool },
    /// Put on the clipboard through the terminal.
    Copy,
}

impl Share<'_> {
    fn is_email(self) -> bool {
        matches!(self, Share::Eml(_) | Share::Send { .. })
    }
}

/// The format to write a letter in: as for printing, except that an email
/// holds Markdown or text (its HTML part is made from the Markdown), so
/// JSON or an HTML page asked for on the command line is refused and one
/// from the settings gives way to Markdown.
pub fn format(
    ctx: &Context,
    json: bool,
    typed: Option<Format>,
    share: Option<Share<'_>>,
) -> Result<Format> {
    let format = ctx.summary_format(json, typed);
    match share {
        Some(how) if how.is_email() && matches!(format, Format::Json | Format::Html) => {
            if json || typed == Some(format) {
                let (what, hint) = match format {
                    Format::Json => (
                        "JSON",
                        "leave out --json, or choose --format markdown or --format text",
                    ),
                    _ => (
                        "an HTML page (the email's HTML part is made from the Markdown)",
                        "choose --format markdown or --format text; for the page, leave out --eml and --send",
                    ),
                };
                Err(Error::user_with_hint(
                    format!("an email holds the words as Markdown or text, not {what}"),
                    hint,
                ))
            } else {
                Ok(Format::Markdown)
            }
        }
        _ => Ok(format),
    }
}

/// Sends `letter` where `how` says.
pub fn share(ctx: &Context, letter: &Letter<'_>, how: Share<'_>) -> Result<()> {
    match how {
        Share::Copy => copy(ctx, letter),
        Share::Eml(file) => {
            let (message, _) = email(ctx, letter, true)?;
            if super::write_document(Some(std::path::Path::new(file)), &message)?.is_none() {
                return Ok(());
            }
            say(&format!(
                "Wrote the {} for {} as a draft email to {file}: open it in your mail client \
                 to read it over and send it.",
                letter.what, letter.mentor.name
            ));
            Ok(())
        }
        Share::Send { yes } => send(ctx, letter, yes),
    }
}

/// The email and the address it goes to: a draft to open (`unsent`) or a
/// message to send.
fn email<'m>(ctx: &Context, letter: &Letter<'m>, unsent: bool) -> Result<(Vec<u8>, &'m str)> {
    let mentor = letter.mentor;
    let address = match mentor.email.as_deref() {
        None => {
            return Err(Error::user_with_hint(
                format!(
                    "{} has no email address to send the {} to",
                    mentor.name, letter.what
                ),
                format!(
                    "add one with: mentee mentor set {} --email ADDRESS",
                    mentor.slug
                ),
            ));
        }
        Some(stored) => email_address(stored).ok_or_else(|| {
            Error::user_with_hint(
                format!(
                    "the email address of {}, \"{stored}\", is not one address like \
                     name@example.com",
                    mentor.name
                ),
                format!(
                    "correct it with: mentee mentor set {} --email ADDRESS",
                    mentor.slug
                ),
            )
        })?,
    };
    let message = mail::message(&Draft {
        to_name: &mentor.name,
        to_address: address,
        subject: &letter.title,
        plain: &letter.text,
        markdown: &letter.markdown,
        date: ctx.now.timestamp(),
        unsent,
    });
    Ok((message, address))
}

/// `--send`: asks first on a terminal; elsewhere only with `--yes`.
fn send(ctx: &Context, letter: &Letter<'_>, yes: bool) -> Result<()> {
    let command = ctx.settings.mail_command.clone().unwrap_or_default();
    let (message, address) = email(ctx, letter, false)?;
    let recipient = format!("{} <{address}>", letter.mentor.name);
    if !yes {
        if !ctx.interactive {
            return Err(Error::user_with_hint(
                format!(
                    "--send asks before sending the {} to {recipient}, and there is no \
                     terminal to ask on",
                    letter.what
                ),
                format!(
                    "add --yes to send it without asking: mentee {} --send --yes",
                    letter.what
                ),
            ));
        }
        let question = format!(
            "Send \"{}\" to {recipient} with `{}`?",
            letter.title, command.command
        );
        if !crate::prompt::confirm(&question, false)? {
            say("Nothing was sent.");
            return Ok(());
        }
    }
    command.send(&message)?;
    say(&format!(
        "Sent the {} to {recipient} (through `{}`).",
        letter.what, command.command
    ));
    Ok(())
}

/// `--copy`: the OSC 52 escape sequence, which only a terminal reads.
fn copy(ctx: &Context, letter: &Letter<'_>) -> Result<()> {
    if !ctx.stdout_terminal {
        return Err(Error::user_with_hint(
            format!(
                "--copy puts the {} on the clipboard through the terminal, and standard output \
                 is not a terminal",
                letter.what
            ),
            format!(
                "pipe it to a clipboard program instead: mentee {} | pbcopy (or wl-copy, or \
                 xclip -selection clipboard)",
                letter.what
            ),
        ));
    }
    crate::output::bytes(mail::osc52(&letter.text, ctx.tmux).as_bytes());
    let tmux = if ctx.tmux {
        " (in tmux, only with allow-passthrough on)"
    } else {
        ""
    };
    say(&format!(
        "Copied the {} for {} to the clipboard through the terminal{tmux}. Nothing to paste? \
         The terminal does not allow it: pipe instead, such as mentee {} | pbcopy",
        letter.what, letter.mentor.name, letter.what
    ));
    Ok(())
}
