//! The layout of the data folder, written once: the data files of one kind
//! of record each, where meetings and journal months live, which files are
//! mentee's, and how a folder is listed. Readers, savers, `mentee edit`,
//! sync (what it commits and how it names it), export and import all take
//! file names from here.
//!
//! ```text
//! mentors.toml                               [[mentor]]
//! meetings/next-alex-kim.toml                the planned meeting with Alex Kim
//! meetings/2026/2026-11-24-alex-kim.toml     a held meeting: topics, check-in, commitments
//! journal/2026/2026-11.toml                  [[entry]] updates, wins, thanks, notes
//! actions.toml                               commitments made outside any meeting
//! later.toml                                 [[topic]] queued for a future meeting
//! goals.toml                                 [[goal]] with [[goal.rating]]
//! settings.toml                              silence = [...]: nudges silenced for every mentor
//! .lock                                      held during every read-modify-write
//! ```

use super::Store;
use crate::error::{Error, Result};
use chrono::{Datelike, NaiveDate};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A data file that is not a meeting: the files of one kind of record each,
/// and the journal's month files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFile {
    Mentors,
    Later,
    /// Commitments made outside any meeting.
    UnattachedActions,
    Goals,
    /// Nudges silenced for every mentor.
    Settings,
    /// The journal file of the month this day is in.
    Month(NaiveDate),
}

impl DataFile {
    /// The data files that are one file each, at the top of the data folder.
    pub const SINGLE: [DataFile; 5] = [
        DataFile::Mentors,
        DataFile::UnattachedActions,
        DataFile::Later,
        DataFile::Goals,
        DataFile::Settings,
    ];

    /// The file's name in the data folder (relative, with `/`).
    pub fn relative(self) -> String {
        match self {
            DataFile::Mentors => "mentors.toml".to_string(),
            DataFile::Later => "later.toml".to_string(),
            DataFile::UnattachedActions => "actions.toml".to_string(),
            DataFile::Goals => "goals.toml".to_string(),
            DataFile::Settings => "settings.toml".to_string(),
            DataFile::Month(day) => month_relative((day.year(), day.month())),
        }
    }

    /// The single data file at `relative`, if it is one.
    pub fn single(relative: &str) -> Option<DataFile> {
        DataFile::SINGLE
            .into_iter()
            .find(|file| file.relative() == relative)
    }
}

/// Where the journal keeps a month: `journal/2026/2026-03.toml`.
pub(super) fn month_relative((year, month): (i32, u32)) -> String {
    format!("journal/{year}/{year}-{month:02}.toml")
}

impl Store {
    pub fn path_of(&self, file: DataFile) -> PathBuf {
        self.root.join(file.relative())
    }

    /// The file of a month of the journal.
    pub(super) fn month_file(&self, month: (i32, u32)) -> PathBuf {
        self.root.join(month_relative(month))
    }
}

/// The files at the top of the data folder that sync manages for git.
const GIT_FILES: &[&str] = &[".gitignore", ".gitattributes"];

/// Is `relative` (a path in the data folder, with `/`) a file mentee keeps?
/// Sync commits only these: anything else in the folder (a note of one's
/// own, what a killed git left behind, a journal file misnamed so that
/// mentee does not read it) is for the person to add deliberately.
pub fn owned_by_mentee(relative: &str) -> bool {
    if DataFile::single(relative).is_some() || GIT_FILES.contains(&relative) {
        return true;
    }
    let visible = |path: &str| !path.split('/').any(|part| part.starts_with('.'));
    if let Some(meeting) = relative.strip_prefix("meetings/") {
        return meeting.ends_with(".toml") && visible(meeting);
    }
    relative.starts_with("journal/")
        && relative.split('/').count() == 3
        && month_of(Path::new(relative)).is_some()
}

/// The month a journal file holds, from its place: `journal/2026/2026-03.toml`
/// holds March 2026. `None` for any other name, such as `2026-3.toml`.
pub fn month_of(path: &Path) -> Option<(i32, u32)> {
    let folder = path.parent()?.file_name()?.to_str()?;
    let stem = path.file_stem()?.to_str()?;
    let year: i32 = folder.parse().ok()?;
    let month: u32 = stem.strip_prefix(folder)?.strip_prefix('-')?.parse().ok()?;
    let canonical = folder == year.to_string()
        && stem == format!("{year}-{month:02}")
        && (1..=12).contains(&month);
    canonical.then_some((year, month))
}

/// Visible `*.toml` files directly in `dir`, sorted; none if `dir` is missing.
pub(super) fn toml_files(dir: &Path) -> Result<Vec<PathBuf>> {
    Ok(toml_entries(dir)?
        .into_iter()
        .map(|entry| entry.path)
        .collect())
}

/// [`toml_files`], each with what it takes to stamp it. A folder named as
/// a data file (`2026-10.toml/`) is an error: what it stands for would
/// otherwise be missing without a word.
pub(super) fn toml_entries(dir: &Path) -> Result<Vec<Listed>> {
    let mut files = Vec::new();
    for entry in list(dir)? {
        if Path::new(&entry.name)
            .extension()
            .is_none_or(|e| e != "toml")
        {
            continue;
        }
        match entry.kind {
            Kind::File => files.push(entry),
            Kind::Dir => {
                return Err(Error::io(
                    &entry.path,
                    io::Error::from(io::ErrorKind::IsADirectory),
                ));
            }
            Kind::Other => {}
        }
    }
    sorted_plain(files)
}

pub(super) fn subdirs(dir: &Path) -> Result<Vec<PathBuf>> {
    let dirs = list(dir)?
        .into_iter()
        .filter(|entry| entry.kind == Kind::Dir)
        .collect();
    Ok(sorted_plain(dirs)?
        .into_iter()
        .map(|entry| entry.path)
        .collect())
}

/// The entries sorted by name (so by path: they share one folder), once
/// every name is known to be valid UTF-8.
fn sorted_plain(mut entries: Vec<Listed>) -> Result<Vec<Listed>> {
    for entry in &entries {
        if entry.name.to_str().is_none() {
            plain_name(entry.path.clone())?;
        }
    }
    entries.sort_unstable_by(|a, b| a.name.cmp(&b.name));
    Ok(entries)
}

/// Refuses a data file or folder whose name is not valid UTF-8. Such a name
/// cannot be kept as it is in the index or in a message, and a lossy copy of
/// it names another file (two such names can even become one), so it is
/// named, escaped, with the command that renames it.
pub(super) fn plain_name(path: PathBuf) -> Result<PathBuf> {
    let Some(name) = path.file_name() else {
        return Ok(path);
    };
    if name.to_str().is_some() {
        return Ok(path);
    }
    let folder = path.parent().unwrap_or(Path::new("."));
    let escaped = shell_escaped(name.as_encoded_bytes());
    let suggested = name.to_string_lossy().replace('\u{FFFD}', "_");
    Err(Error::user_with_hint(
        format!(
            "{}: the name {escaped} is not valid UTF-8, so mentee cannot read or write it safely",
            folder.join(name.to_string_lossy().as_ref()).display()
        ),
        format!(
            "rename it, for example: mv {} {}",
            shell_escaped(folder.join(name).as_os_str().as_encoded_bytes()),
            shell_escaped(folder.join(suggested).as_os_str().as_encoded_bytes())
        ),
    ))
}

/// Bytes quoted for a POSIX-like shell: `'plain'`, or `$'\xff'` (bash, zsh)
/// when some bytes are not printable UTF-8.
pub(super) fn shell_escaped(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) if !text.chars().any(char::is_control) => {
            format!("'{}'", text.replace('\'', "'\\''"))
        }
        _ => {
            let mut out = String::from("$'");
            for chunk in bytes.utf8_chunks() {
                for c in chunk.valid().chars() {
                    match c {
                        '\'' | '\\' => {
                            out.push('\\');
                            out.push(c);
                        }
                        c if c.is_control() => out.push_str(&format!("\\x{:02x}", u32::from(c))),
                        c => out.push(c),
                    }
                }
                for byte in chunk.invalid() {
                    out.push_str(&format!("\\x{byte:02x}"));
                }
            }
            out.push('\'');
            out
        }
    }
}

#[derive(PartialEq)]
pub(super) enum Kind {
    File,
    Dir,
    Other,
}

/// One visible entry of a folder.
pub(super) struct Listed {
    pub name: std::ffi::OsString,
    pub path: PathBuf,
    pub kind: Kind,
    link: bool,
    entry: fs::DirEntry,
}

impl Listed {
    /// The metadata of the file (of what a link leads to), looked up from
    /// the open folder, not by walking its whole path again.
    pub fn metadata(&self) -> io::Result<fs::Metadata> {
        if self.link {
            fs::metadata(&self.path)
        } else {
            self.entry.metadata()
        }
    }
}

/// The visible entries of `dir`; none if it is missing. The kind comes from
/// the directory listing itself; only symbolic links cost a lookup.
fn list(dir: &Path) -> Result<Vec<Listed>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(Error::io(dir, err)),
    };
    let mut listed = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|err| Error::io(dir, err))?;
        let name = entry.file_name();
        if name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let path = entry.path();
        let file_type = entry.file_type().map_err(|err| Error::io(&path, err))?;
        let link = file_type.is_symlink();
        let kind = if link {
            match fs::metadata(&path) {
                Ok(meta) if meta.is_file() => Kind::File,
                Ok(meta) if meta.is_dir() => Kind::Dir,
                // A dangling link is still a data file: reading it says so.
                _ => Kind::File,
            }
        } else if file_type.is_file() {
            Kind::File
        } else if file_type.is_dir() {
            Kind::Dir
        } else {
            Kind::Other
        };
        listed.push(Listed {
            name,
            path,
            kind,
            link,
            entry,
        });
    }
    Ok(listed)
}

#[cfg(test)]
mod tests {
    use super::owned_by_mentee;

    #[track_caller]
    fn case(path: &str, owned: bool) {
        assert_eq!(owned_by_mentee(path), owned, "{path}");
    }

    #[test]
    fn sync_commits_only_the_files_mentee_keeps() {
        case("mentors.toml", true);
        case("settings.toml", true);
        case(".gitattributes", true);
        case("meetings/next-alex-kim.toml", true);
        case("meetings/2026/2026-11-24-alex-kim.toml", true);
        case("journal/2026/2026-11.toml", true);
        case("journal/2026/2026-3.toml", false);
        case("journal/2026-11.toml", false);
        case("journal/2026/notes.md", false);
        case("meetings/2026/.2026-11-24.toml.mentee-tmp-ab12", false);
        case("meetings/notes.txt", false);
        case(".merge_file_a1b2c3", false);
        case("notes.txt", false);
        case("sub/mentors.toml", false);
        case(".lock", false);
    }
}
