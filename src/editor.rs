//! Launching the user's text editor, the way git does it.
//!
//! The editor command comes from `$VISUAL`, else `$EDITOR`, else `vi`
//! (resolved once in [`crate::context`]). It may carry arguments
//! (`code --wait`, `emacsclient -t`), so on Unix it runs through the shell:
//! `sh -c '<editor> "$@"' <editor> FILE`, which keeps the quoting of both the
//! command and the file name right. mentee holds no lock while an editor is
//! open: a person may take as long as they like. `mentee edit` therefore
//! gives the editor a private [`WorkingCopy`], never the data file itself.

use crate::error::{Error, Result};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The editor used when neither `$VISUAL` nor `$EDITOR` is set.
#[cfg(unix)]
pub const DEFAULT: &str = "vi";
#[cfg(not(unix))]
pub const DEFAULT: &str = "notepad";

/// Marks the lines of a composed text that are instructions, not text.
const COMMENT: char = '#';

#[derive(Debug, Clone)]
pub struct Editor {
    /// The command as the user wrote it, arguments included.
    pub command: String,
    /// Where it came from, for messages: `$VISUAL`, `$EDITOR` or `the default`.
    pub from: &'static str,
    /// Where texts are composed (the system's temporary folder).
    pub temp_dir: PathBuf,
}

impl Editor {
    /// Opens `path` in the editor and waits until it is closed.
    pub fn open(&self, path: &Path) -> Result<()> {
        let status = self.command_for(path).status().map_err(|err| {
            Error::user_with_hint(
                format!(
                    "cannot start the editor `{}` (from {}): {err}",
                    self.command, self.from
                ),
                SET_EDITOR,
            )
        })?;
        if status.success() {
            Ok(())
        } else {
            Err(Error::user_with_hint(
                format!(
                    "the editor `{}` (from {}) failed ({status})",
                    self.command, self.from
                ),
                SET_EDITOR,
            ))
        }
    }

    /// Lets the user write a text in the editor, like a `git commit`
    /// message: a temporary file holding `instructions` as `#` comment lines
    /// is opened; once the editor is closed, comment lines are removed and
    /// the rest is trimmed. The file is removed in every case.
    pub fn compose(&self, instructions: &str) -> Result<String> {
        let file = TempFile::create(&self.temp_dir)?;
        let mut template = String::from("\n");
        for line in instructions.lines() {
            template.push_str(&format!("{COMMENT} {line}\n"));
        }
        file.write(template.as_bytes())?;
        self.open(&file.path)?;
        let bytes = fs::read(&file.path).map_err(|err| Error::io(&file.path, err))?;
        Ok(strip_comments(&String::from_utf8_lossy(&bytes)))
    }

    #[cfg(unix)]
    fn command_for(&self, path: &Path) -> Command {
        let mut command = Command::new("sh");
        command
            .arg("-c")
            .arg(format!("{} \"$@\"", self.command))
            .arg(&self.command)
            .arg(path);
        command
    }

    /// Without a POSIX shell, the command is split at spaces.
    #[cfg(not(unix))]
    fn command_for(&self, path: &Path) -> Command {
        let mut words = self.command.split_whitespace();
        let mut command = Command::new(words.next().unwrap_or(DEFAULT));
        command.args(words).arg(path);
        command
    }
}

const SET_EDITOR: &str = "set VISUAL or EDITOR to an editor that waits until the file is closed, \
                          such as nano, vim or \"code --wait\"";

/// The text without its comment lines, trimmed; Windows line endings become
/// plain ones.
pub fn strip_comments(text: &str) -> String {
    text.lines()
        .filter(|line| !line.starts_with(COMMENT))
        .map(|line| line.trim_end_matches('\r'))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// A private copy of a data file for the editor to work on: a folder of
/// its own (0700) in the temporary folder, holding a file (0600) with the
/// data file's name, so the editor shows that name and its syntax. Nothing
/// of mentee reads it as data; it is removed when dropped.
pub struct WorkingCopy {
    dir: PathBuf,
    pub path: PathBuf,
}

impl Editor {
    /// A working copy of a file named `name` that holds `bytes`.
    pub fn working_copy(&self, name: &std::ffi::OsStr, bytes: &[u8]) -> Result<WorkingCopy> {
        let mut last = None;
        for _ in 0..8 {
            let random = getrandom::u32().unwrap_or_else(|_| std::process::id());
            let dir = self.temp_dir.join(format!("mentee-edit-{random:08x}"));
            let mut builder = fs::DirBuilder::new();
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
            match builder.create(&dir) {
                Ok(()) => {
                    let copy = WorkingCopy {
                        path: dir.join(name),
                        dir,
                    };
                    // Removed with its folder when `copy` goes, even on an error.
                    TempFile::create_at(&copy.path)?
                        .write_all(bytes)
                        .map_err(|err| Error::io(&copy.path, err))?;
                    return Ok(copy);
                }
                Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => last = Some(err),
                Err(err) => return Err(Error::io(&dir, err)),
            }
        }
        let err = last.unwrap_or_else(|| std::io::Error::other("no free name"));
        Err(Error::io(&self.temp_dir, err))
    }
}

impl WorkingCopy {
    /// What the editor left in the copy.
    pub fn read(&self) -> Result<Vec<u8>> {
        fs::read(&self.path).map_err(|err| Error::io(&self.path, err))
    }
}

impl Drop for WorkingCopy {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// A private temporary file, removed when dropped.
struct TempFile {
    path: PathBuf,
}

impl TempFile {
    fn create(dir: &Path) -> Result<TempFile> {
        let mut last = None;
        for _ in 0..8 {
            let random = getrandom::u32().unwrap_or_else(|_| std::process::id());
            let path = dir.join(format!("mentee-text-{random:08x}.txt"));
            match Self::create_at(&path) {
                Ok(_) => return Ok(TempFile { path }),
                Err(Error::Io { source, .. })
                    if source.kind() == std::io::ErrorKind::AlreadyExists =>
                {
                    last = Some(source);
                }
                Err(err) => return Err(err),
            }
        }
        let err = last.unwrap_or_else(|| std::io::Error::other("no free name"));
        Err(Error::io(dir, err))
    }

    /// Creates an empty file readable by the user alone; never an existing one.
    fn create_at(path: &Path) -> Result<fs::File> {
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        options.open(path).map_err(|err| Error::io(path, err))
    }

    fn write(&self, bytes: &[u8]) -> Result<()> {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&self.path)
            .map_err(|err| Error::io(&self.path, err))?;
        file.write_all(bytes)
            .map_err(|err| Error::io(&self.path, err))
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(written: &str, kept: &str) {
        assert_eq!(strip_comments(written), kept);
    }

    #[test]
    fn comment_lines_are_removed_and_the_rest_trimmed() {
        case("\n# Write the update.\n", "");
        case("Shipped it\n# Write the update.\n", "Shipped it");
        case("  One\r\n\r\nTwo #3\r\n# comment\r\n", "One\n\nTwo #3");
        case("#no space is a comment too\nText", "Text");
    }
}
