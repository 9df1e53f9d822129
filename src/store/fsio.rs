//! The only code that writes bytes to disk: crash-safe replacement of a file,
//! private folders, and the lock that serialises read-modify-write cycles.
//!
//! Data files are written only inside the data folder once symbolic links
//! are followed ([`write_inside`], [`resolve_inside`]); only a file the user
//! named on the command line (an export) is written wherever its link leads
//! ([`write_atomic`]).

use crate::error::{Error, Result};
use crate::store::index::Stamp;
use std::cell::RefCell;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The marker in temporary file names; leftovers are recognised by it.
pub const TEMP_MARKER: &str = ".mentee-tmp-";

/// Reads a whole file; a missing file is `None`, not an error.
/// A symbolic link to nothing is not a missing file: it is an error, so
/// that a synced folder that is not mounted never looks like an empty journal.
pub fn read_optional(path: &Path) -> Result<Option<Vec<u8>>> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(err) if err.kind() == io::ErrorKind::NotFound && !is_symlink(path) => Ok(None),
        Err(err) => Err(Error::io(path, err)),
    }
}

/// [`read_optional`] for a file the user named to be written over (an
/// output file): anything but a plain file (a pipe, a device) reads as
/// nothing, so that reading it never waits or takes what it holds.
pub fn read_regular(path: &Path) -> Result<Option<Vec<u8>>> {
    if fs::metadata(path).is_ok_and(|meta| !meta.is_file()) {
        return Ok(None);
    }
    read_optional(path)
}

/// [`read_optional`] into `buffer`, emptied first, reusing its memory:
/// `false` for a missing file. For reading many files one after another.
pub fn read_optional_into(path: &Path, buffer: &mut Vec<u8>) -> Result<bool> {
    buffer.clear();
    match fs::File::open(path).and_then(|mut file| io::Read::read_to_end(&mut file, buffer)) {
        Ok(_) => Ok(true),
        Err(err) if err.kind() == io::ErrorKind::NotFound && !is_symlink(path) => Ok(false),
        Err(err) => Err(Error::io(path, err)),
    }
}

fn is_symlink(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink())
}

/// Creates `dir` and its parents, private to the user (0700).
pub fn create_private_dir(dir: &Path) -> Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|err| Error::io(dir, err))
}

/// Creates the folder `dir`, private to the user (0700), only if nothing is
/// there yet: its parent must exist, and a link planted at `dir` is never
/// followed.
pub fn create_private_dir_new(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Replaces `path` with `bytes` so that a crash at any moment leaves either
/// the old file or the new one, never a mix: write a private temporary file in
/// the same folder, flush it to disk, rename it over the target, then flush
/// the folder so the rename itself survives a power cut.
///
/// A file that is a symbolic link stays one: the file it points to is
/// replaced, in its own folder. This is for files the user named (an export,
/// a calendar); data files go through [`write_inside`].
///
/// Returns the stamp of the new file as it is once renamed.
pub fn write_atomic(path: &Path, bytes: &[u8], random: u32) -> Result<Stamp> {
    let resolved;
    let path = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            resolved = fs::canonicalize(path).map_err(|err| Error::io(path, err))?;
            resolved.as_path()
        }
        _ => path,
    };
    replace(path, bytes, random, &|| Ok(()))
}

/// Like [`write_atomic`], for a file of the data folder `root`: the write
/// must land inside that folder once every symbolic link on the way is
/// followed (see [`resolve_inside`]), or nothing is written. `ready` is
/// called once the new content is safely on disk, just before the rename
/// makes it the file: an error there leaves the old file as it was.
pub fn write_inside(
    root: &Path,
    path: &Path,
    bytes: &[u8],
    random: u32,
    ready: &dyn Fn() -> Result<()>,
) -> Result<Stamp> {
    let target = resolve_inside(root, path)?;
    replace(&target, bytes, random, ready)
}

/// Where a write to `path` lands once symbolic links are followed, provided
/// that is inside the data folder `root`; otherwise an error that names the
/// file and where it leads, and nothing is touched.
///
/// The rule: mentee never writes through a link that leads outside the data
/// folder. A link the person made inside it keeps working (its target is
/// written), and the data folder itself may be a link (it is compared once
/// resolved). A link to elsewhere is refused even when made on purpose: a
/// link pulled from a sync remote looks exactly the same, and writing
/// through it would replace (and make private) a file that is not mentee's.
pub fn resolve_inside(root: &Path, path: &Path) -> Result<PathBuf> {
    let canonical_root = fs::canonicalize(root).map_err(|err| Error::io(root, err))?;
    // The longest part of `path` that exists, resolved; the rest is made
    // of plain names that do not exist yet.
    let mut existing = path;
    let mut rest = Vec::new();
    while fs::symlink_metadata(existing).is_err() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => {
                rest.push(name);
                existing = parent;
            }
            _ => break,
        }
    }
    // A link to nothing fails here, with the error that names its target.
    let mut resolved = fs::canonicalize(existing).map_err(|err| Error::io(path, err))?;
    for name in rest.into_iter().rev() {
        resolved.push(name);
    }
    if resolved.starts_with(&canonical_root) {
        Ok(resolved)
    } else {
        Err(Error::link_outside(path, &resolved, root))
    }
}

/// Is `dir` inside the data folder `root` once links are followed? A folder
/// that cannot be resolved is not.
pub fn is_inside(root: &Path, dir: &Path) -> bool {
    match (fs::canonicalize(root), fs::canonicalize(dir)) {
        (Ok(root), Ok(dir)) => dir.starts_with(root),
        _ => false,
    }
}

/// The folder a file is in; `.` for a bare file name such as `out.json`.
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The write itself, to a path already resolved.
fn replace(
    path: &Path,
    bytes: &[u8],
    random: u32,
    ready: &dyn Fn() -> Result<()>,
) -> Result<Stamp> {
    let dir = folder_of(path);
    create_private_dir(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    // The writer's process ID is in the name, so that cleaning up after a
    // killed run never removes the file of a writer still at work.
    let temp = dir.join(format!(
        ".{name}{TEMP_MARKER}{}-{random:08x}",
        std::process::id()
    ));
    // Errors name the data file: the temporary one is gone when they are read.
    let result = write_new_file(&temp, bytes).map_err(|err| match err {
        Error::Io { source, .. } => Error::Io {
            path: path.to_path_buf(),
            source,
        },
        other => other,
    });
    let result = result.and_then(|file| {
        ready()?;
        fs::rename(&temp, path).map_err(|err| Error::io(path, err))?;
        sync_dir(dir)?;
        // Only now: the rename changes the file's status-change time.
        let meta = file.metadata().map_err(|err| Error::io(path, err))?;
        Ok(Stamp::of(&meta))
    });
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

fn write_new_file(path: &Path, bytes: &[u8]) -> Result<fs::File> {
    let mut file = create_private(path)?;
    file.write_all(bytes).map_err(|err| Error::io(path, err))?;
    file.sync_all().map_err(|err| Error::io(path, err))?;
    Ok(file)
}

/// Creates a new file readable by the user alone (0600, whatever the
/// umask). Fails if anything is at `path` already, a symbolic link
/// included: a link planted there is never followed.
pub fn create_private(path: &Path) -> Result<fs::File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options.open(path).map_err(|err| Error::io(path, err))?;
    // The mode given to open is reduced by the umask; make sure it is exact.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(fs::Permissions::from_mode(0o600))
            .map_err(|err| Error::io(path, err))?;
    }
    Ok(file)
}

/// How old a temporary file must be before it is removed even though the
/// process named in it seems alive: its ID may have been given to another
/// process since, and no write takes this long.
const SAFE_AGE: Duration = Duration::from_secs(600);

/// Removes temporary files left by a run that was killed mid-write. Only
/// names with mentee's own marker are touched, never an editor's swap file,
/// and never the file of a writer that may still be at work: a name carries
/// the ID of the process writing it, and a file whose process is alive stays
/// (unless it is older than any write takes). That matters when the lock
/// was lost (`.lock` deleted by hand or by `git clean -X`): two runs then
/// believe they hold it, and neither must remove the other's file.
pub fn remove_leftovers(dir: &Path) -> Result<()> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(Error::io(dir, err)),
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let Some((_, tail)) = name.split_once(TEMP_MARKER) else {
            continue;
        };
        if !name.starts_with('.') {
            continue;
        }
        let writer = tail
            .split_once('-')
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
            .filter(|pid| *pid != std::process::id());
        let may_be_at_work = writer.is_some_and(|pid| process_alive(pid) != Some(false));
        let old = entry
            .metadata()
            .and_then(|meta| meta.modified())
            .is_ok_and(|time| time.elapsed().is_ok_and(|age| age > SAFE_AGE));
        if !may_be_at_work || old {
            remove(&entry.path())?;
        }
    }
    Ok(())
}

/// Is the process `pid` alive? `None` where the system does not say
/// (no `/proc`). A zombie, killed but not yet reaped, is not alive.
pub(super) fn process_alive(pid: u32) -> Option<bool> {
    if !Path::new("/proc/self/stat").exists() {
        return None;
    }
    let Ok(stat) = fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return Some(false);
    };
    // "PID (NAME) STATE ...": the name may hold spaces and parentheses.
    let state = stat
        .rsplit_once(')')
        .and_then(|(_, rest)| rest.trim_start().chars().next());
    Some(!matches!(state, Some('Z' | 'X')))
}

/// Removes a file and makes the removal durable.
pub fn remove(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Ok(()) => sync_dir(folder_of(path)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(Error::io(path, err)),
    }
}

pub(super) fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|err| Error::io(dir, err))?;
    Ok(())
}

/// An exclusive lock on the data directory, held for a whole
/// read-modify-write. It lives on a separate file that is never replaced:
/// a lock on a file that a rename swaps out would protect nothing.
///
/// The lock file can still be deleted (by hand, or by `git clean -X`, as it
/// is ignored); a lock on a deleted file guards nothing either, since the
/// next run makes a new one. So a lock counts only once the locked file is
/// checked to be the one at the path, and writes check again (see
/// [`Lock::recheck`]). Checks alone leave a gap, as the file can go just
/// after one; so the data folder itself is locked too, first, where the
/// system allows it: a folder is not deleted under a run by accident.
#[derive(Debug)]
pub struct Lock {
    file: RefCell<File>,
    path: PathBuf,
    _folder: Option<File>,
}

impl Lock {
    pub fn acquire(path: &Path) -> Result<Lock> {
        let dir = folder_of(path);
        create_private_dir(dir)?;
        resolve_inside(dir, path)?;
        // The folder first, then the file: a run waiting for the folder
        // holds no lock file that the run holding the folder might need.
        let folder = lock_folder(dir);
        Ok(Lock {
            file: RefCell::new(lock_file_at(path)?),
            path: path.to_path_buf(),
            _folder: folder,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Is the locked file still the one at the path? If it was deleted or
    /// replaced, the lock is taken again on the file there now (waiting for
    /// any run that holds it) and the answer is `false`: another run may
    /// have written meanwhile, so what was read must be checked again.
    pub fn recheck(&self) -> Result<bool> {
        if is_at(&self.file.borrow(), &self.path)? {
            return Ok(true);
        }
        let file = lock_file_at(&self.path)?;
        *self.file.borrow_mut() = file;
        Ok(false)
    }
}

/// An exclusive lock on the folder itself, or `None` where it cannot be had
/// (a system or file system without locks on folders, a folder that cannot
/// be opened): the lock file then guards alone, and reports any error.
fn lock_folder(dir: &Path) -> Option<File> {
    #[cfg(unix)]
    {
        let folder = File::open(dir).ok()?;
        folder.lock().ok()?;
        Some(folder)
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        None
    }
}

/// Opens (creating it if needed) and locks the file at `path`, until the
/// locked file is the one still found there.
fn lock_file_at(path: &Path) -> Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    loop {
        let file = options.open(path).map_err(|err| Error::io(path, err))?;
        file.lock().map_err(|err| Error::io(path, err))?;
        if is_at(&file, path)? {
            return Ok(file);
        }
    }
}

/// Is `file` the file found at `path` (same device and inode)?
fn is_at(file: &File, path: &Path) -> Result<bool> {
    let held = file.metadata().map_err(|err| Error::io(path, err))?;
    let there = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(err) => return Err(Error::io(path, err)),
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Ok(held.dev() == there.dev() && held.ino() == there.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = (held, there);
        Ok(true)
    }
}
