//! The optional configuration file, `config.toml`: defaults that a person
//! would otherwise type on every run. Read once, by [`crate::context`].
//!
//! ```toml
//! name = "Sam"                 # signs the summary: a last line "— Sam"
//! default_mentor = "alex"      # used when -m is left out and several mentors are active
//! summary_format = "text"      # markdown | text | json | html
//! calendar_file = "~/Calendars/mentoring.ics"  # kept current by every command that writes
//! calendar_alarm = "1h"        # reminder before a meeting with a time ("off": none)
//! calendar_alarm_all_day = "18:00"  # reminder the day before an all-day meeting ("off": none)
//! mail_command = "msmtp -t"    # sends summary --send; default: sendmail -t -i
//! ```
//!
//! Every setting has a flag or an environment variable too; a flag beats the
//! environment, which beats this file.

use crate::error::{Error, Result, line_column};
use crate::render::Format;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// What `config.toml` says. Every key is optional; an unknown key is an
/// error, so a typo does not go unnoticed.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The mentee's own name, to sign the summary with.
    pub name: Option<String>,
    /// The mentor used when `-m` is left out and several mentors are active.
    pub default_mentor: Option<String>,
    /// The format of `mentee summary` when `--format` is not given.
    pub summary_format: Option<Format>,
    /// A calendar feed that every command that writes keeps current.
    pub calendar_file: Option<String>,
    /// How long before a meeting with a time its reminder goes off.
    pub calendar_alarm: Option<String>,
    /// The time on the day before an all-day meeting that its reminder goes
    /// off.
    pub calendar_alarm_all_day: Option<String>,
    /// The command `summary --send` and `review --send` hand the email to,
    /// on its standard input; run by `sh -c`.
    pub mail_command: Option<String>,
}

impl Config {
    /// Reads the file at `path`. A missing file is an empty configuration
    /// unless the user pointed at it (`required`, from `MENTEE_CONFIG`).
    pub fn load(path: &Path, required: bool) -> Result<Config> {
        let text = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound && !required => {
                return Ok(Config::default());
            }
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::user_with_hint(
                    format!(
                        "MENTEE_CONFIG names {}, which does not exist",
                        path.display()
                    ),
                    "create that file, or unset MENTEE_CONFIG to use the usual one",
                ));
            }
            Err(err) => return Err(Error::io(path, err)),
        };
        let text = String::from_utf8(text).map_err(|err| Error::Parse {
            path: path.to_path_buf(),
            line_column: None,
            message: format!("the file is not valid UTF-8 text ({err})"),
            hint: fix_hint(path),
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        toml::from_str(text).map_err(|err| Error::Parse {
            path: path.to_path_buf(),
            line_column: err.span().map(|span| line_column(text, span.start)),
            message: err.message().trim().replace('\n', "; "),
            hint: fix_hint(path),
        })
    }
}

/// Where the configuration file is: `$MENTEE_CONFIG` (which must exist), else
/// the user's configuration folder + `mentee/config.toml` (which may not).
pub fn location(from_env: Option<PathBuf>) -> Option<(PathBuf, bool)> {
    match from_env {
        Some(path) => Some((path, true)),
        None => dirs::config_dir().map(|dir| (dir.join("mentee").join("config.toml"), false)),
    }
}

fn fix_hint(path: &Path) -> String {
    format!(
        "fix {} (keys: name, default_mentor, summary_format, calendar_file, \
         calendar_alarm, calendar_alarm_all_day, mail_command), or move it away; \
         MENTEE_CONFIG can point to another file",
        path.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, offset: usize, expected: (usize, usize)) {
        assert_eq!(line_column(text, offset), expected);
    }

    #[test]
    fn positions_are_one_based() {
        case("a = 1\nb = x\n", 0, (1, 1));
        case("a = 1\nb = x\n", 10, (2, 5));
        case("é = 1", 3, (1, 3));
    }
}
