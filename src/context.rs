//! What is resolved once per run: the data directory, today's date, what
//! kind of terminal we are talking to, colour, the editor and the settings
//! of `config.toml`. No handler looks at the environment, the clock or the
//! terminal itself.

use crate::config::{self, Config};
use crate::editor::{self, Editor};
use crate::error::{Error, Result};
use crate::mail::MailCommand;
use crate::model::calendar::Alarms;
use crate::model::dates::{self, Direction};
use crate::model::times;
use crate::render::Format;
use crate::store::Store;
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

pub struct Context {
    pub store: Store,
    pub today: NaiveDate,
    /// This moment: the clock's, or midnight at the start of `today` when
    /// `MENTEE_TODAY` pins the day (so a calendar feed or an email made then
    /// is the same on every run).
    pub now: DateTime<FixedOffset>,
    /// Prompts may be shown: stdin and stderr are both terminals.
    pub interactive: bool,
    /// Width to fit tables to, when stdout is a terminal; `None` means no
    /// width-dependent wrapping at all.
    pub width: Option<u16>,
    /// Width to wrap messages on standard error to, when it is a terminal;
    /// `None` leaves them whole.
    pub err_width: Option<u16>,
    /// Standard output is a terminal (that `--copy` can talk to).
    pub stdout_terminal: bool,
    /// Running inside tmux, which passes escape sequences on to the outer
    /// terminal only when they are wrapped for it.
    pub tmux: bool,
    /// Colour the output (see [`use_color`] for the rules).
    pub color: bool,
    /// The editor for `mentee edit` and for long texts.
    pub editor: Editor,
    /// Defaults from the environment and `config.toml`.
    pub settings: Settings,
}

/// Defaults that a flag overrides: an environment variable beats
/// `config.toml`.
#[derive(Debug, Default)]
pub struct Settings {
    /// The mentee's name, to sign summaries: `$MENTEE_NAME`, else `name`.
    pub name: Option<String>,
    /// The mentor for commands run without `-m` while several are active:
    /// `$MENTEE_MENTOR`, else `default_mentor`.
    pub default_mentor: Option<DefaultMentor>,
    /// `$MENTEE_SUMMARY_FORMAT`, else `summary_format`.
    pub summary_format: Option<Format>,
    /// The calendar feed kept current after every command that writes:
    /// `calendar_file`. A value that is not a usable path is kept as the
    /// words of a warning, given when the feed would be refreshed: it is
    /// never a command's failure.
    pub calendar_file: Option<std::result::Result<PathBuf, String>>,
    /// When the feed's reminders go off: `calendar_alarm` and
    /// `calendar_alarm_all_day`.
    pub alarms: Alarms,
    /// The command that sends an email read from its standard input:
    /// `$MENTEE_MAIL_COMMAND`, else `mail_command` (else the default, see
    /// [`crate::mail`]).
    pub mail_command: Option<MailCommand>,
}

#[derive(Debug, Clone)]
pub struct DefaultMentor {
    pub name: String,
    /// Where it was set, for error messages.
    pub from: String,
}

impl Context {
    /// Resolves the environment once: `dir` and `color` are the global
    /// `--dir` and `--color` arguments.
    pub fn from_env(dir: Option<PathBuf>, color: ColorChoice) -> Result<Context> {
        let dir = data_dir(dir)?;
        let (today, now) = today_and_now()?;
        let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
        let width = std::io::stdout()
            .is_terminal()
            .then(|| comfy_table::Table::new().width())
            .flatten();
        let err_width = std::io::stderr()
            .is_terminal()
            .then(|| crossterm::terminal::size().ok().map(|(columns, _)| columns))
            .flatten()
            .filter(|columns| *columns > 0);
        let stdout_terminal = std::io::stdout().is_terminal();
        let tmux = std::env::var_os("TMUX").is_some_and(|value| !value.is_empty());
        let color = use_color(
            color,
            std::env::var_os("NO_COLOR"),
            std::env::var_os("CLICOLOR_FORCE"),
            stdout_terminal && std::env::var_os("TERM").is_none_or(|term| term != "dumb"),
        );
        let editor = resolve_editor();
        let settings = settings()?;
        let store = open_store(dir);
        Ok(Context {
            store,
            today,
            now,
            interactive,
            width,
            err_width,
            stdout_terminal,
            tmux,
            color,
            editor,
            settings,
        })
    }

    /// A long text (an update, a note, thanks): as given; `-` reads standard
    /// input; left out on a terminal, it is written in the editor like a git
    /// commit message. Without a terminal a missing text fails at once.
    pub fn long_text(&self, given: Option<&str>, what: &str, usage: &str) -> Result<String> {
        if let Some(text) = given {
            return self.text_arg(text);
        }
        if !self.interactive {
            return Err(Error::missing(
                format!("the {what} needs its TEXT"),
                format!("{usage} (or - to read it from standard input)"),
            ));
        }
        let text = self.editor.compose(&format!(
            "Write the {what} above. Lines starting with '#' are left out;\n\
             an empty text logs nothing."
        ))?;
        if text.is_empty() {
            return Err(Error::user_with_hint(
                format!("the {what} is empty; nothing was logged"),
                usage.to_string(),
            ));
        }
        Ok(text)
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

    /// The end of a period that tells what has happened (`--until` of a
    /// summary or a brag document): the day typed, which must have come,
    /// else today. `what` names the document, as in "a summary".
    pub fn until_today(&self, typed: Option<&str>, what: &str) -> Result<NaiveDate> {
        let until = self
            .optional_date("--until", typed, Direction::Past)?
            .unwrap_or(self.today);
        if until > self.today {
            return Err(Error::not_come_yet(
                format_args!("--until {until}"),
                &format!(": {what} tells what has happened"),
                &format!("leave out --until for {what} up to today"),
            ));
        }
        Ok(until)
    }

    /// The format of a summary or review: --json, else --format, else the
    /// configured format, else Markdown.
    pub fn summary_format(&self, json: bool, typed: Option<Format>) -> Format {
        if json {
            Format::Json
        } else {
            typed
                .or(self.settings.summary_format)
                .unwrap_or(Format::Markdown)
        }
    }
}

/// The command line as the person typed it, without the program's name and
/// without `--dir` (the record it goes to is in that folder already).
pub fn command_line() -> Vec<String> {
    without_dir(
        std::env::args_os()
            .skip(1)
            .map(|arg| arg.to_string_lossy().into_owned()),
    )
}

fn without_dir(args: impl Iterator<Item = String>) -> Vec<String> {
    let mut kept = Vec::new();
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        if arg == "--" {
            kept.push(arg);
            kept.extend(args.by_ref());
        } else if arg == "--dir" {
            args.next();
        } else if !arg.starts_with("--dir=") {
            kept.push(arg);
        }
    }
    kept
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
/// `--color`: see [`use_color`].
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Colour or not. The first that applies wins: `--color always|never`;
/// `NO_COLOR` set to anything non-empty (no colour); `CLICOLOR_FORCE` set to
/// anything but `0` or empty (colour); otherwise colour only when stdout is a
/// terminal that is not `TERM=dumb`.
pub fn use_color(
    choice: ColorChoice,
    no_color: Option<OsString>,
    clicolor_force: Option<OsString>,
    terminal: bool,
) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if no_color.is_some_and(|v| !v.is_empty()) {
                false
            } else if clicolor_force.is_some_and(|v| !v.is_empty() && v != "0") {
                true
            } else {
                terminal
            }
        }
    }
}

/// `$VISUAL`, else `$EDITOR`, else [`editor::DEFAULT`], as git does.
fn resolve_editor() -> Editor {
    let set = |name: &str| {
        std::env::var(name)
            .ok()
            .filter(|value| !value.trim().is_empty())
    };
    let (command, from) = match (set("VISUAL"), set("EDITOR")) {
        (Some(visual), _) => (visual, "$VISUAL"),
        (None, Some(editor)) => (editor, "$EDITOR"),
        (None, None) => (editor::DEFAULT.to_string(), "the default"),
    };
    Editor {
        command,
        from,
        temp_dir: std::env::temp_dir(),
    }
}

/// The settings: environment variables first, then `config.toml`.
fn settings() -> Result<Settings> {
    let clean = |value: Option<String>| {
        value
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let set = |name: &str| {
        clean(std::env::var_os(name).map(|value| value.to_string_lossy().into_owned()))
    };
    let pointed = std::env::var_os("MENTEE_CONFIG")
        .filter(|path| !path.is_empty())
        .map(PathBuf::from);
    let (path, file) = match config::location(pointed) {
        Some((path, required)) => {
            let file = Config::load(&path, required)?;
            (Some(path), file)
        }
        None => (None, Config::default()),
    };
    let summary_format = match set("MENTEE_SUMMARY_FORMAT") {
        Some(text) => Some(
            <Format as clap::ValueEnum>::from_str(&text, true).map_err(|_| {
                Error::user_with_hint(
                    format!("MENTEE_SUMMARY_FORMAT={text} is not a summary format"),
                    "set it to markdown, text or json, or unset it",
                )
            })?,
        ),
        None => file.summary_format,
    };
    let default_mentor = match set("MENTEE_MENTOR") {
        Some(name) => Some(DefaultMentor {
            name,
            from: "MENTEE_MENTOR".to_string(),
        }),
        None => clean(file.default_mentor).map(|name| DefaultMentor {
            name,
            from: format!(
                "default_mentor in {}",
                path.as_deref()
                    .unwrap_or(Path::new("config.toml"))
                    .display()
            ),
        }),
    };
    let where_ = path
        .as_deref()
        .unwrap_or(Path::new("config.toml"))
        .display()
        .to_string();
    let calendar_file = clean(file.calendar_file).map(|typed| calendar_file(&typed, &where_));
    let alarms = alarms(
        clean(file.calendar_alarm).as_deref(),
        clean(file.calendar_alarm_all_day).as_deref(),
        &where_,
    )?;
    let mail_command = match set("MENTEE_MAIL_COMMAND") {
        Some(command) => Some(MailCommand {
            command,
            from: Some("MENTEE_MAIL_COMMAND".to_string()),
        }),
        None => clean(file.mail_command).map(|command| MailCommand {
            command,
            from: Some(format!(
                "mail_command in {}",
                path.as_deref()
                    .unwrap_or(Path::new("config.toml"))
                    .display()
            )),
        }),
    };
    Ok(Settings {
        name: set("MENTEE_NAME").or(clean(file.name)),
        default_mentor,
        summary_format,
        calendar_file,
        alarms,
        mail_command,
    })
}

/// `calendar_file`: an absolute path, or one under the home folder (`~/`);
/// otherwise what is wrong with it and what to do.
fn calendar_file(typed: &str, config: &str) -> std::result::Result<PathBuf, String> {
    let path = match typed.strip_prefix("~/") {
        Some(rest) => dirs::home_dir().map(|home| home.join(rest)),
        None => Some(PathBuf::from(typed)),
    };
    match path {
        Some(path) if path.is_absolute() => Ok(path),
        _ => Err(format!(
            "calendar_file = \"{typed}\" in {config} is not an absolute path (give the whole \
             path, such as \"/home/sam/mentoring.ics\" or \"~/mentoring.ics\")"
        )),
    }
}

/// `calendar_alarm` (a length before a meeting with a time) and
/// `calendar_alarm_all_day` (a time on the day before an all-day meeting);
/// "off" turns either off.
fn alarms(before: Option<&str>, all_day: Option<&str>, config: &str) -> Result<Alarms> {
    let mut alarms = Alarms::default();
    let off = |typed: &str| typed.eq_ignore_ascii_case("off");
    if let Some(typed) = before {
        alarms.before_timed = if off(typed) {
            None
        } else {
            Some(times::parse_length(typed).map_err(|err| {
                Error::user_with_hint(
                    format!("calendar_alarm in {config}: {err}"),
                    format!(
                        "give how long before the meeting, such as {}, or \"off\"",
                        times::LENGTH_FORMS
                    ),
                )
            })?)
        };
    }
    if let Some(typed) = all_day {
        alarms.day_before_at = if off(typed) {
            None
        } else {
            Some(times::parse_time(typed).map_err(|err| {
                Error::user_with_hint(
                    format!("calendar_alarm_all_day in {config}: {err}"),
                    format!(
                        "give a time on the day before, such as {}, or \"off\"",
                        times::TIME_FORMS
                    ),
                )
            })?)
        };
    }
    Ok(alarms)
}

/// The data folder: `--dir` if given, else $MENTEE_DIR, else the user's
/// data folder + /mentee; never a folder shared with other programs.
pub fn data_dir(typed: Option<PathBuf>) -> Result<PathBuf> {
    let dir = match typed {
        Some(dir) => dir,
        None => default_dir()?,
    };
    refuse_shared_folder(&dir)?;
    Ok(dir)
}

/// The store of a data folder, with its index in the user's cache folder.
pub fn open_store(dir: PathBuf) -> Store {
    // The index is a cache: without a cache folder mentee is only slower.
    match dirs::cache_dir() {
        Some(cache) => Store::with_cache(dir, &cache.join("mentee")),
        None => Store::new(dir),
    }
}

/// Today: $MENTEE_TODAY if set, else the system clock's date.
pub fn today() -> Result<NaiveDate> {
    today_and_now().map(|(today, _)| today)
}

/// Today and this moment: the clock's, or with $MENTEE_TODAY that day and
/// midnight at its start (so what is made then is the same on every run).
pub fn today_and_now() -> Result<(NaiveDate, DateTime<FixedOffset>)> {
    match std::env::var("MENTEE_TODAY") {
        Ok(text) if !text.trim().is_empty() => {
            let today = dates::parse_iso(text.trim()).ok_or_else(|| {
                Error::user_with_hint(
                    format!("MENTEE_TODAY={text} is not a date"),
                    "set it to a date such as 2026-11-24, or unset it to use the system clock",
                )
            })?;
            let clock = chrono::Local::now().fixed_offset();
            let midnight = today
                .and_time(chrono::NaiveTime::MIN)
                .and_local_timezone(*clock.offset())
                .single()
                .unwrap_or(clock);
            Ok((today, midnight))
        }
        _ => {
            let clock = chrono::Local::now();
            Ok((clock.date_naive(), clock.fixed_offset()))
        }
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

/// Folders that hold more than one program's files: mentee's lock, index
/// and temporary files do not belong there, and `sync` would make them a
/// git repository.
const SYSTEM_FOLDERS: &[&str] = &[
    "/bin",
    "/boot",
    "/dev",
    "/etc",
    "/home",
    "/lib",
    "/lib32",
    "/lib64",
    "/media",
    "/mnt",
    "/opt",
    "/proc",
    "/root",
    "/run",
    "/sbin",
    "/srv",
    "/sys",
    "/tmp",
    "/usr",
    "/usr/bin",
    "/usr/lib",
    "/usr/local",
    "/usr/sbin",
    "/usr/share",
    "/var",
    "/var/lib",
    "/var/log",
    "/var/tmp",
    "/Applications",
    "/Library",
    "/System",
    "/Users",
    "/Volumes",
    "/private",
    "/private/etc",
    "/private/tmp",
    "/private/var",
];

/// Refuses a data folder that is `/`, the home folder itself, a system
/// folder or a folder shared by every program (such as ~/.local/share).
/// Paths are compared after resolving links and `..`, so `/etc/..` or a
/// link to `/` is caught; a folder that does not exist yet is none of
/// these.
fn refuse_shared_folder(dir: &Path) -> Result<()> {
    let Ok(real) = dir.canonicalize() else {
        return Ok(());
    };
    let canonical = |path: PathBuf| path.canonicalize().ok();
    let home = dirs::home_dir().and_then(canonical);
    let mut shared: Vec<PathBuf> = SYSTEM_FOLDERS
        .iter()
        .filter_map(|folder| canonical(PathBuf::from(folder)))
        .collect();
    shared.extend(
        [dirs::data_dir(), dirs::config_dir(), dirs::cache_dir()]
            .into_iter()
            .flatten()
            .filter_map(canonical),
    );
    let Some(what) = shared_folder(&real, home.as_deref(), &shared) else {
        return Ok(());
    };
    Err(Error::user_with_hint(
        format!(
            "{} cannot be the data folder: it is {what}, which holds more than mentee's files",
            dir.display()
        ),
        "use a folder of its own, such as ~/.local/share/mentee (with --dir or MENTEE_DIR)",
    ))
}

/// What `dir` is, when it is a folder that must not be the data folder:
/// the root, `home`, or one of `shared`. All paths are canonical.
fn shared_folder(dir: &Path, home: Option<&Path>, shared: &[PathBuf]) -> Option<&'static str> {
    if dir.parent().is_none() {
        Some("the root folder")
    } else if home == Some(dir) {
        Some("your home folder")
    } else if shared.iter().any(|folder| folder == dir) {
        Some("a system folder")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_recorded_command_line_leaves_out_the_data_folder() {
        let line = |args: &[&str]| without_dir(args.iter().map(|a| a.to_string()));
        assert_eq!(line(&["--dir", "/tmp/x", "note", "hi"]), ["note", "hi"]);
        assert_eq!(line(&["note", "--dir=/tmp/x", "hi"]), ["note", "hi"]);
        assert_eq!(line(&["note", "--", "--dir"]), ["note", "--", "--dir"]);
    }

    #[track_caller]
    fn case(
        choice: ColorChoice,
        no_color: Option<&str>,
        force: Option<&str>,
        terminal: bool,
        expected: bool,
    ) {
        let os = |v: Option<&str>| v.map(OsString::from);
        assert_eq!(
            use_color(choice, os(no_color), os(force), terminal),
            expected
        );
    }

    #[track_caller]
    fn folder(dir: &str, expected: Option<&str>) {
        let shared = [PathBuf::from("/etc"), PathBuf::from("/tmp")];
        let home = PathBuf::from("/home/sam");
        assert_eq!(
            shared_folder(Path::new(dir), Some(&home), &shared),
            expected,
            "{dir}"
        );
    }

    #[test]
    fn a_data_folder_is_a_folder_of_its_own() {
        folder("/", Some("the root folder"));
        folder("/home/sam", Some("your home folder"));
        folder("/etc", Some("a system folder"));
        folder("/tmp", Some("a system folder"));
        folder("/tmp/x", None);
        folder("/home/sam/notes/mentee", None);
        folder("/home", None);
    }

    #[test]
    fn colour_follows_flag_then_no_color_then_clicolor_force_then_terminal() {
        use ColorChoice::{Always, Auto, Never};
        case(Always, Some("1"), None, false, true);
        case(Never, None, Some("1"), true, false);
        case(Auto, Some("1"), Some("1"), true, false);
        case(Auto, Some(""), None, true, true);
        case(Auto, None, Some("1"), false, true);
        case(Auto, None, Some("0"), false, false);
        case(Auto, None, Some(""), false, false);
        case(Auto, None, None, true, true);
        case(Auto, None, None, false, false);
    }
}
