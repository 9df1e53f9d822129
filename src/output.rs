//! Data on standard output. A reader that stops reading early (`mentee log |
//! head`, quitting a pager) is no error: mentee stops there quietly, as a
//! C tool ended by SIGPIPE would, where `println!` would panic. Any other
//! failure to write (a full disk under `> file`) is reported, exit code 1.
//! Either way the process ends at once: what was saved is saved, and
//! nothing more is printed to a reader that is gone.

use std::fmt;
use std::io::{self, Write};

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

pub fn write(text: fmt::Arguments<'_>) {
    if let Err(err) = io::stdout().lock().write_fmt(text) {
        stop(&err);
    }
}

/// Writes bytes (a manual page, a calendar) and flushes them.
pub fn bytes(data: &[u8]) {
    let mut stdout = io::stdout().lock();
    if let Err(err) = stdout.write_all(data).and_then(|()| stdout.flush()) {
        stop(&err);
    }
}

fn stop(err: &io::Error) -> ! {
    if err.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("error: cannot write to standard output: {err}");
    eprintln!("hint: check where the output goes (a full disk?); what was saved is saved");
    std::process::exit(1);
}
