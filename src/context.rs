//! What is resolved once per run: the data directory, today's date and what
//! kind of terminal we are talking to. No handler looks at the environment,
//! the clock or the terminal itself.

use crate::cli::GlobalArgs;
use crate::error::{Error, Result};
use crate::model::dates::{self, Direction};
use crate::store::Store;
use chrono::NaiveDate;
use std::io::IsTerminal;
use std::path::PathBuf;

pub struct Context {
    pub store: Store,
    pub today: NaiveDate,
    /// Prompts may be shown: stdin and stderr are both terminals.
    pub interactive: bool,
    /// Width to fit tables to, when stdout is a terminal; `None` means no
    /// width-dependent wrapping at all.
    pub width: Option<u16>,
}

impl Context {
    pub fn from_env(global: &GlobalArgs) -> Result<Context> {
        let dir = match &global.dir {
            Some(dir) => dir.clone(),
            None => default_dir()?,
        };
        let today = match std::env::var("MENTEE_TODAY") {
            Ok(text) if !text.trim().is_empty() => {
                dates::parse_iso(text.trim()).ok_or_else(|| {
                    Error::user_with_hint(
                        format!("MENTEE_TODAY={text} is not a date"),
                        "set it to a date such as 2026-11-24, or unset it to use the system clock",
                    )
                })?
            }
            _ => chrono::Local::now().date_naive(),
        };
        let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
        let width = std::io::stdout()
            .is_terminal()
            .then(|| comfy_table::Table::new().width())
            .flatten();
        // The index is a cache: without a cache folder mentee is only slower.
        let store = match dirs::cache_dir() {
            Some(cache) => Store::with_cache(dir, &cache.join("mentee")),
            None => Store::new(dir),
        };
        Ok(Context {
            store,
            today,
            interactive,
            width,
        })
    }

    /// A text argument, where `-` means "read it from standard input".
    pub fn text_arg(&self, text: &str) -> Result<String> {
        if text != "-" {
            return Ok(text.to_string());
        }
        let mut buffer = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut buffer).map_err(
            |err| Error::user(format!("cannot read the text from standard input: {err}")),
        )?;
        Ok(buffer)
    }

    /// Parses a date typed by the user (SPEC §5), naming the flag when it fails.
    pub fn date(&self, flag: &str, text: &str, dir: Direction) -> Result<NaiveDate> {
        dates::parse_date(text, self.today, dir).map_err(|err| {
            Error::user_with_hint(
                format!("{flag}: {err}"),
                format!("accepted forms: {}", dates::ACCEPTED_FORMS),
            )
        })
    }

    pub fn optional_date(
        &self,
        flag: &str,
        text: Option<&str>,
        dir: Direction,
    ) -> Result<Option<NaiveDate>> {
        text.map(|text| self.date(flag, text, dir)).transpose()
    }
}

fn default_dir() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os("MENTEE_DIR").filter(|dir| !dir.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir().map(|d| d.join("mentee")).ok_or_else(|| {
        Error::user_with_hint(
            "cannot find a data folder for this user",
            "choose one with --dir PATH or the MENTEE_DIR environment variable",
        )
    })
}
