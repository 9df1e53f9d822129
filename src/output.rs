//! What mentee prints. `println!` and `eprintln!` panic when the other end
//! is gone (`mentee log | head`, a closed terminal); these never do.
//!
//! Data (`out!`, `outln!`, [`bytes`]) goes to standard output. When that
//! fails, the rest of the data is dropped but the command goes on to the
//! end, so that what it was to save is saved; [`failure`] then tells `run`.
//! A reader that stopped early is no error (as for any command-line tool);
//! any other failure (a full disk under `> file`) is reported.
//!
//! Messages (`eout!`, `eoutln!`) go to standard error; if even that fails,
//! there is nobody left to tell.

use std::fmt;
use std::io::{self, Write};
use std::sync::Mutex;

/// Like `print!`, for data; see the module.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::output::write(format_args!($($arg)*))
    };
}

/// Like `println!`, for data; see the module.
macro_rules! outln {
    () => {
        $crate::output::write(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::output::write(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// Like `eprint!`, for messages; see the module.
macro_rules! eout {
    ($($arg:tt)*) => {
        $crate::output::message(format_args!($($arg)*))
    };
}

/// Like `eprintln!`, for messages; see the module.
macro_rules! eoutln {
    () => {
        $crate::output::message(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::output::message(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// The first failure to write standard output, if any.
static FAILED: Mutex<Option<io::ErrorKind>> = Mutex::new(None);

pub fn write(text: fmt::Arguments<'_>) {
    if !broken()
        && let Err(err) = io::stdout().lock().write_fmt(text)
    {
        failed(&err);
    }
}

/// Writes bytes (a manual page, a calendar) and flushes them.
pub fn bytes(data: &[u8]) {
    if broken() {
        return;
    }
    let mut stdout = io::stdout().lock();
    if let Err(err) = stdout.write_all(data).and_then(|()| stdout.flush()) {
        failed(&err);
    }
}

pub fn message(text: fmt::Arguments<'_>) {
    let _ = io::stderr().lock().write_fmt(text);
}

fn broken() -> bool {
    FAILED.lock().map_or(true, |first| first.is_some())
}

fn failed(err: &io::Error) {
    if let Ok(mut first) = FAILED.lock() {
        first.get_or_insert(err.kind());
    }
}

/// How writing standard output failed, once everything is printed: `None`
/// when it did not, or when only its reader went away.
pub fn failure() -> Option<io::ErrorKind> {
    if !broken()
        && let Err(err) = io::stdout().lock().flush()
    {
        failed(&err);
    }
    FAILED
        .lock()
        .ok()
        .and_then(|first| *first)
        .filter(|kind| *kind != io::ErrorKind::BrokenPipe)
}
