//! The only code that writes bytes to disk: crash-safe replacement of a file,
//! private folders, and the lock that serialises read-modify-write cycles.

use crate::error::{Error, Result};
use crate::store::index::Stamp;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

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

/// Replaces `path` with `bytes` so that a crash at any moment leaves either
/// the old file or the new one, never a mix: write a private temporary file in
/// the same folder, flush it to disk, rename it over the target, then flush
/// the folder so the rename itself survives a power cut.
///
/// A data file that is a symbolic link stays one: the file it points to is
/// replaced, in its own folder.
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
    let dir = path.parent().unwrap_or(Path::new("."));
    create_private_dir(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}{TEMP_MARKER}{random:08x}"));
    // Errors name the data file: the temporary one is gone when they are read.
    let result = write_new_file(&temp, bytes).map_err(|err| match err {
        Error::Io { source, .. } => Error::Io {
            path: path.to_path_buf(),
            source,
        },
        other => other,
    });
    let result = result.and_then(|file| {
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

/// Removes temporary files left by a run that was killed mid-write. Only
/// names with mentee's own marker are touched, never an editor's swap file.
pub fn remove_leftovers(dir: &Path) -> Result<()> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(Error::io(dir, err)),
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') && name.contains(TEMP_MARKER) {
            remove(&entry.path())?;
        }
    }
    Ok(())
}

/// Removes a file and makes the removal durable.
pub fn remove(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Ok(()) => sync_dir(path.parent().unwrap_or(Path::new("."))),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(Error::io(path, err)),
    }
}

fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|err| Error::io(dir, err))?;
    Ok(())
}

/// An exclusive lock on the data directory, held for a whole
/// read-modify-write. It lives on a separate file that is never replaced:
/// a lock on a file that a rename swaps out would protect nothing.
#[derive(Debug)]
pub struct Lock {
    _file: File,
    path: PathBuf,
}

impl Lock {
    pub fn acquire(path: &Path) -> Result<Lock> {
        if let Some(dir) = path.parent() {
            create_private_dir(dir)?;
        }
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(path).map_err(|err| Error::io(path, err))?;
        file.lock().map_err(|err| Error::io(path, err))?;
        Ok(Lock {
            _file: file,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}
