//! Git, as mentee sees it from the data folder.
//!
//! [`unfinished`] tells whether git left the data folder half way through
//! something (a rebase stopped on a conflict, a git killed while it held
//! its index lock). While it did, the files show only part of the journal,
//! and whatever mentee wrote would be thrown away by the `git rebase
//! --abort` that may follow; so the store refuses every write and reading
//! commands warn. It reads a few files under `.git` and runs no git: every
//! command asks, so it must stay fast.

use std::fs;
use std::path::{Path, PathBuf};

/// What git was doing when it stopped, waiting for a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    Rebase,
    Merge,
    CherryPick,
    Revert,
}

impl Operation {
    /// "a rebase", for a sentence.
    pub fn article(self) -> &'static str {
        match self {
            Operation::Rebase => "a rebase",
            Operation::Merge => "a merge",
            Operation::CherryPick => "a cherry-pick",
            Operation::Revert => "a revert",
        }
    }

    /// The git commands that finish it and that undo it.
    pub fn finish_and_abort(self) -> (&'static str, &'static str) {
        match self {
            Operation::Rebase => ("rebase --continue", "rebase --abort"),
            Operation::Merge => ("commit", "merge --abort"),
            Operation::CherryPick => ("cherry-pick --continue", "cherry-pick --abort"),
            Operation::Revert => ("revert --continue", "revert --abort"),
        }
    }
}

/// Git's work left half done in a repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfinished {
    pub operation: Option<Operation>,
    /// The index lock, when it is there: a git command is running, or one
    /// was killed and left it behind (then every git command fails).
    pub index_lock: Option<PathBuf>,
}

/// What git left unfinished in the repository whose work tree is `dir`, if
/// anything. `None` when `dir` is not a git work tree of its own. `.git`
/// may be a folder or a `gitdir:` file (a linked work tree, a submodule).
pub fn unfinished(dir: &Path) -> Option<Unfinished> {
    let git_dir = git_dir(dir)?;
    let markers = [
        ("rebase-merge", Operation::Rebase),
        ("rebase-apply", Operation::Rebase),
        ("MERGE_HEAD", Operation::Merge),
        ("CHERRY_PICK_HEAD", Operation::CherryPick),
        ("REVERT_HEAD", Operation::Revert),
    ];
    let operation = markers
        .into_iter()
        .find(|(name, _)| git_dir.join(name).exists())
        .map(|(_, operation)| operation);
    let lock = git_dir.join("index.lock");
    let index_lock = lock.exists().then_some(lock);
    (operation.is_some() || index_lock.is_some()).then_some(Unfinished {
        operation,
        index_lock,
    })
}

/// The repository folder of the work tree `dir`: `dir/.git`, or where a
/// `.git` file points. `None` when there is none or it cannot be read.
fn git_dir(dir: &Path) -> Option<PathBuf> {
    let dot_git = dir.join(".git");
    let meta = fs::metadata(&dot_git).ok()?;
    if meta.is_dir() {
        return Some(dot_git);
    }
    let text = fs::read_to_string(&dot_git).ok()?;
    let target = text.lines().next()?.strip_prefix("gitdir:")?.trim();
    if target.is_empty() {
        return None;
    }
    let target = Path::new(target);
    let resolved = if target.is_absolute() {
        target.to_path_buf()
    } else {
        dir.join(target)
    };
    resolved.is_dir().then_some(resolved)
}

/// Quotes a text for a POSIX shell.
pub fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// A path as the user can paste it into a shell.
pub fn shell_path(path: &Path) -> String {
    let text = path.display().to_string();
    if text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-~".contains(c))
    {
        text
    } else {
        shell_quote(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::{Operation, Unfinished, shell_path, shell_quote, unfinished};
    use std::fs;
    use std::path::Path;

    #[test]
    fn paths_are_quoted_for_the_shell_when_needed() {
        assert_eq!(
            shell_path(Path::new("/home/sam/journal")),
            "/home/sam/journal"
        );
        assert_eq!(
            shell_path(Path::new("/tmp/my journal")),
            "'/tmp/my journal'"
        );
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
    }

    #[test]
    fn unfinished_work_is_read_from_the_files_under_git() {
        let dir = tempfile::tempdir().expect("a temp folder");
        let root = dir.path();
        assert_eq!(unfinished(root), None, "not a repository");
        fs::create_dir_all(root.join(".git")).expect("mkdir");
        assert_eq!(unfinished(root), None, "a clean repository");
        for (marker, operation) in [
            ("rebase-merge", Operation::Rebase),
            ("rebase-apply", Operation::Rebase),
            ("MERGE_HEAD", Operation::Merge),
            ("CHERRY_PICK_HEAD", Operation::CherryPick),
            ("REVERT_HEAD", Operation::Revert),
        ] {
            let path = root.join(".git").join(marker);
            fs::write(&path, "").expect("write");
            assert_eq!(
                unfinished(root),
                Some(Unfinished {
                    operation: Some(operation),
                    index_lock: None
                }),
                "{marker}"
            );
            fs::remove_file(&path).expect("remove");
        }
        let lock = root.join(".git/index.lock");
        fs::write(&lock, "").expect("write");
        assert_eq!(
            unfinished(root),
            Some(Unfinished {
                operation: None,
                index_lock: Some(lock)
            })
        );
    }

    #[test]
    fn a_git_file_is_followed_and_a_broken_one_ignored() {
        let dir = tempfile::tempdir().expect("a temp folder");
        let work = dir.path().join("work");
        let real = dir.path().join("repo/worktrees/work");
        fs::create_dir_all(&work).expect("mkdir");
        fs::create_dir_all(real.join("rebase-merge")).expect("mkdir");
        fs::write(work.join(".git"), "gitdir: ../repo/worktrees/work\n").expect("write");
        assert_eq!(
            unfinished(&work).and_then(|u| u.operation),
            Some(Operation::Rebase)
        );
        for broken in ["", "gitdir:\n", "gitdir: /nowhere/at/all\n", "\u{0}\u{1}"] {
            fs::write(work.join(".git"), broken).expect("write");
            assert_eq!(unfinished(&work), None, "{broken:?}");
        }
    }
}
