//! The words of `mentee undo`: a command line as it was typed, what was
//! undone, and the list of recorded changes.

use crate::render::shell;
use crate::render::text::{one_line, plural};
use crate::store::{Operation, OperationState};

/// The longest a single argument is shown; a long text is cut with "…".
const LONGEST_ARG: usize = 60;

/// A recorded command line, to read and to paste: `mentee action add "Write
/// the runbook"`. Long texts are shortened.
pub fn command_line(args: &[String]) -> String {
    let mut line = String::from("mentee");
    for arg in args {
        let arg = one_line(arg);
        let arg = match arg.char_indices().nth(LONGEST_ARG) {
            Some((cut, _)) => format!("{}…", arg[..cut].trim_end()),
            None => arg,
        };
        line.push(' ');
        let plain = !arg.is_empty()
            && arg
                .chars()
                .all(|c| c.is_alphanumeric() || "-_./:=@,+%".contains(c));
        if plain {
            line.push_str(&arg);
        } else {
            line.push_str(&shell::word(&arg));
        }
    }
    line
}

/// What an operation was, in a line: its command line, or for an undo, what
/// it undid.
pub fn what(op: &Operation) -> String {
    match &op.undoes {
        Some(undone) if undone.redo => {
            format!("mentee undo (put back {})", command_line(&undone.args))
        }
        Some(undone) => format!("mentee undo (took back {})", command_line(&undone.args)),
        None => command_line(&op.args),
    }
}

/// The message once `op` is undone: `Undid: mentee action add "Write the
/// runbook" (2 files)`; undoing an undo puts the change back.
pub fn undone(op: &Operation, files: usize) -> String {
    let files = plural(files, "file", "files");
    match &op.undoes {
        Some(undone) if !undone.redo => format!(
            "Undid the undo: {} is back ({files}). Run mentee undo again to take it back.",
            command_line(&undone.args)
        ),
        Some(undone) => format!("Undid: {} ({files})", command_line(&undone.args)),
        None => format!("Undid: {} ({files})", command_line(&op.args)),
    }
}

/// The recorded changes, newest first, each with when it ran, its command
/// line and the files it touched.
pub fn list(ops: &[Operation]) -> String {
    let mut out = String::new();
    for (i, op) in ops.iter().enumerate() {
        let when = op.when.replacen('T', " ", 1);
        let when = when.get(..16).unwrap_or(&when);
        let state = match op.state {
            OperationState::Finished => "",
            OperationState::Running => "  (still running)",
            OperationState::Interrupted => "  (interrupted)",
        };
        let next = if i == 0 {
            "  <- mentee undo reverts this"
        } else {
            ""
        };
        out.push_str(&format!("{when}  {}{state}{next}\n", what(op)));
        for file in &op.files {
            out.push_str(&format!(
                "    {:<8} {}\n",
                file.verb(),
                one_line(&file.path)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::command_line;

    #[track_caller]
    fn case(args: &[&str], expected: &str) {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        assert_eq!(command_line(&args), expected);
    }

    #[test]
    fn a_command_line_reads_as_typed() {
        case(
            &["action", "add", "Write the runbook"],
            "mentee action add \"Write the runbook\"",
        );
        case(
            &["agenda", "-m", "alex", "--on", "2026-11-24"],
            "mentee agenda -m alex --on 2026-11-24",
        );
        case(
            &["note", "it's $5\nnext line"],
            "mentee note 'it'\\''s $5 next line'",
        );
        case(&["update", ""], "mentee update \"\"");
        case(
            &["note", &"word ".repeat(20)],
            &format!("mentee note \"{}…\"", "word ".repeat(12).trim_end()),
        );
    }
}
