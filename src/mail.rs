//! Handing an email to the user's mail command, as git send-email and
//! mutt do with sendmail.
//!
//! The command is `mail_command` in `config.toml` (or `$MENTEE_MAIL_COMMAND`),
//! `sendmail -t -i` by default: it reads the whole message on standard
//! input and finds the recipients in its To header (`-t`); `-i` keeps a line
//! holding only a dot from ending the message early. It may carry
//! arguments, options with quotes or even a pipeline (`msmtp -a work -t`,
//! `ssh host sendmail -t`), so on Unix it runs through the shell as
//! `sh -c COMMAND`, with nothing of the message in its words: the
//! message goes only to its standard input.

use crate::error::{Error, Result};
use std::io::Write;
use std::process::{Command, ExitStatus, Stdio};

/// The mail command used when none is configured.
pub const DEFAULT: &str = "sendmail -t -i";

/// A mail command and where it was set, for messages.
#[derive(Debug, Clone)]
pub struct MailCommand {
    /// The command as the user wrote it.
    pub command: String,
    /// Where it was set (`mail_command in PATH`, `MENTEE_MAIL_COMMAND`);
    /// `None` for the default.
    pub from: Option<String>,
}

impl Default for MailCommand {
    fn default() -> MailCommand {
        MailCommand {
            command: DEFAULT.to_string(),
            from: None,
        }
    }
}

impl MailCommand {
    /// Runs the command with `message` (RFC 5322, CRLF line ends) on its
    /// standard input and waits for it. Its output goes to standard error;
    /// a failure names its exit status and what it wrote to standard error.
    pub fn send(&self, message: &[u8]) -> Result<()> {
        // A local mail command reads lines ended the Unix way, as a file
        // on this system has them; it writes CRLF on the wire itself.
        let message = String::from_utf8_lossy(message).replace("\r\n", "\n");
        let mut child = self
            .command()
            .stdin(Stdio::piped())
            .stdout(Stdio::from(std::io::stderr()))
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|err| {
                Error::user_with_hint(
                    format!("cannot start {}: {err}", self.described()),
                    SET_COMMAND,
                )
            })?;
        // Written from a thread of its own, so that a command that writes a
        // lot to standard error before reading does not block both sides.
        let writer = child.stdin.take().map(|mut stdin| {
            std::thread::spawn(move || {
                // A command that exits without reading all of it fails, and
                // its exit status says more than a broken pipe would.
                let _ = stdin.write_all(message.as_bytes());
            })
        });
        let output = child.wait_with_output().map_err(|err| {
            Error::user(format!(
                "the mail command `{}` did not finish: {err}",
                self.command
            ))
        })?;
        if let Some(writer) = writer {
            let _ = writer.join();
        }
        let stderr = String::from_utf8_lossy(&output.stderr);
        if output.status.success() {
            if !stderr.trim().is_empty() {
                eout!("{stderr}");
            }
            return Ok(());
        }
        Err(self.failed(output.status, stderr.trim()))
    }

    fn failed(&self, status: ExitStatus, stderr: &str) -> Error {
        let said = if stderr.is_empty() {
            String::from(", and wrote nothing to standard error")
        } else {
            let lines: Vec<&str> = stderr.lines().collect();
            format!(":\n  {}", lines.join("\n  "))
        };
        let message = format!("{} failed ({status}){said}", self.described());
        // 127: the shell found no such command.
        let hint = if status.code() == Some(127) {
            format!(
                "the command was not found: install a mail program that provides it (such as \
                 msmtp-mta or postfix), or {SET_COMMAND}"
            )
        } else {
            let fix = match &self.from {
                Some(from) => format!("fix the command ({from})"),
                None => SET_COMMAND.to_string(),
            };
            format!(
                "the email may not have been sent: {fix}, or write a draft with --eml FILE and \
                 send it from your mail client"
            )
        };
        Error::user_with_hint(message, hint)
    }

    /// "the mail command `msmtp -t` (from mail_command in PATH)".
    fn described(&self) -> String {
        match &self.from {
            Some(from) => format!("the mail command `{}` (from {from})", self.command),
            None => format!("the default mail command `{}`", self.command),
        }
    }

    #[cfg(unix)]
    fn command(&self) -> Command {
        let mut command = Command::new("sh");
        command.arg("-c").arg(&self.command);
        command
    }

    /// Without a POSIX shell, the command is split at spaces.
    #[cfg(not(unix))]
    fn command(&self) -> Command {
        let mut words = self.command.split_whitespace();
        let mut command = Command::new(words.next().unwrap_or("sendmail"));
        command.args(words);
        command
    }
}

const SET_COMMAND: &str = "set mail_command in config.toml to a command that sends an email read \
                           on its standard input, such as \"msmtp -t\" or \"sendmail -t -i\"";
