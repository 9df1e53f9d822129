//! Git, as mentee runs it on the data folder.
//!
//! [`Git`] runs git as a subprocess with output captured, no prompt unless
//! there is a terminal, and an environment cleared of whatever repository
//! the caller's points at; its methods are the queries and operations sync
//! needs, each failing with a [`GitError`]. What they mean for the journal,
//! and the words the user reads about it, stay with `commands::sync`.
//!
//! [`unfinished`] tells whether git left the data folder half way through
//! something (a rebase stopped on a conflict, a git killed while it held
//! its index lock). While it did, the files show only part of the journal,
//! and whatever mentee wrote would be thrown away by the `git rebase
//! --abort` that may follow; so the store refuses every write and reading
//! commands warn. It reads a few files under `.git` and runs no git: every
//! command asks, so it must stay fast.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What went wrong running git itself (what git reports about the
/// repository is in [`Output`], for the caller to judge).
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("git is not installed, or not on PATH; mentee sync runs git")]
    NotInstalled,
    #[error("cannot run git: {0}")]
    Unrunnable(#[source] io::Error),
    #[error("cannot run git {command}: {source}")]
    Spawn { command: String, source: io::Error },
    #[error("git {args} failed: {said}")]
    Failed {
        args: String,
        said: String,
        dir: PathBuf,
    },
}

impl GitError {
    /// What the user can do next.
    pub fn hint(&self) -> Option<String> {
        match self {
            GitError::NotInstalled => Some("install git, then run mentee sync again".to_string()),
            GitError::Unrunnable(_) => None,
            GitError::Spawn { .. } => Some("check that git is installed and on PATH".to_string()),
            GitError::Failed { dir, .. } => Some(format!(
                "see git -C {} status",
                crate::render::shell::path(dir)
            )),
        }
    }
}

pub type Result<T, E = GitError> = std::result::Result<T, E>;

/// What a git command did: whether it succeeded, and what it printed.
pub struct Output {
    pub ok: bool,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// The end of git's message: the lines that say what went wrong.
    pub fn said(&self) -> String {
        last_lines(&self.stderr)
    }
}

/// Runs git on the data folder with output captured and no prompt unless
/// there is a terminal.
pub struct Git<'a> {
    dir: &'a Path,
    interactive: bool,
}

impl<'a> Git<'a> {
    /// Checks that git can be run at all.
    pub fn new(dir: &'a Path, interactive: bool) -> Result<Git<'a>> {
        let git = Git { dir, interactive };
        match git.outside(&["--version"]).output() {
            Ok(_) => Ok(git),
            Err(err) if err.kind() == io::ErrorKind::NotFound => Err(GitError::NotInstalled),
            Err(err) => Err(GitError::Unrunnable(err)),
        }
    }

    /// Git on the data folder.
    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = self.base();
        cmd.arg("-C").arg(self.dir).args(args);
        cmd
    }

    /// Git in the current folder, for what needs no repository.
    fn outside(&self, args: &[&str]) -> Command {
        let mut cmd = self.base();
        cmd.args(args);
        cmd
    }

    fn base(&self) -> Command {
        let mut cmd = Command::new("git");
        cmd.stdin(Stdio::null())
            // Git must work on the data folder, whatever repository the
            // caller's environment points at.
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE");
        if !self.interactive {
            cmd.env("GIT_TERMINAL_PROMPT", "0");
        }
        cmd
    }

    /// Runs git on the data folder; its failure is in the output.
    pub fn run(&self, args: &[&str]) -> Result<Output> {
        output(self.command(args), args)
    }

    /// Runs git in the current folder, for what needs no repository.
    pub fn run_here(&self, args: &[&str]) -> Result<Output> {
        output(self.outside(args), args)
    }

    /// Runs git and returns its standard output; a failure is an error
    /// with git's own message.
    pub fn ok(&self, args: &[&str]) -> Result<String> {
        let out = self.run(args)?;
        if out.ok {
            return Ok(out.stdout);
        }
        Err(GitError::Failed {
            args: args.join(" "),
            said: out.said(),
            dir: self.dir.to_path_buf(),
        })
    }

    /// The commit HEAD points at; `None` before the first commit.
    pub fn head(&self) -> Result<Option<String>> {
        let out = self.run(&["rev-parse", "--verify", "--quiet", "HEAD"])?;
        Ok(out.ok.then(|| out.stdout.trim().to_string()))
    }

    /// The branch checked out; `None` on a detached HEAD.
    pub fn branch(&self) -> Result<Option<String>> {
        let out = self.run(&["symbolic-ref", "--quiet", "--short", "HEAD"])?;
        Ok(out.ok.then(|| out.stdout.trim().to_string()))
    }

    /// A setting of the repository, if it is set.
    pub fn config(&self, key: &str) -> Result<Option<String>> {
        let out = self.run(&["config", "--get", key])?;
        Ok(out.ok.then(|| out.stdout.trim().to_string()))
    }

    pub fn set_config(&self, key: &str, value: &str) -> Result<()> {
        self.ok(&["config", key, value]).map(drop)
    }

    /// The URL of a remote, if there is one by that name.
    pub fn remote_url(&self, name: &str) -> Result<Option<String>> {
        let out = self.run(&["remote", "get-url", name])?;
        Ok(out.ok.then(|| out.stdout.trim().to_string()))
    }

    /// Does this revision exist?
    pub fn exists(&self, revision: &str) -> Result<bool> {
        Ok(self
            .run(&["rev-parse", "--verify", "--quiet", revision])?
            .ok)
    }

    /// How many commits HEAD has that `other` lacks, and the other way.
    pub fn ahead_behind(&self, other: &str) -> Result<(usize, usize)> {
        let counts = self.ok(&[
            "rev-list",
            "--left-right",
            "--count",
            &format!("HEAD...{other}"),
        ])?;
        let mut numbers = counts
            .split_whitespace()
            .map(|n| n.parse::<usize>().unwrap_or(0));
        Ok((numbers.next().unwrap_or(0), numbers.next().unwrap_or(0)))
    }

    /// How many commits HEAD has in all.
    pub fn commit_count(&self) -> Result<usize> {
        let all = self.ok(&["rev-list", "--count", "HEAD"])?;
        Ok(all.trim().parse().unwrap_or(1))
    }

    /// Why git cannot say who commits, if it cannot (`git var` fails as a
    /// commit would).
    pub fn identity_problem(&self) -> Result<Option<String>> {
        for variable in ["GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"] {
            let out = self.run(&["var", variable])?;
            if !out.ok {
                return Ok(Some(out.said()));
            }
        }
        Ok(None)
    }

    /// Every path that differs from HEAD or is untracked (not ignored),
    /// relative to the top of the work tree.
    pub fn changed_paths(&self) -> Result<Vec<String>> {
        let status = self.ok(&[
            "status",
            "--porcelain",
            "-z",
            "--untracked-files=all",
            "--no-renames",
        ])?;
        Ok(status
            .split('\0')
            .filter_map(|entry| entry.get(3..))
            .filter(|path| !path.is_empty())
            .map(str::to_string)
            .collect())
    }

    /// `git add --all` of exactly these paths (new, changed or removed).
    pub fn add(&self, paths: &[&str]) -> Result<()> {
        self.ok(&strs(&with_paths(&["add", "--all"], paths)))
            .map(drop)
    }

    /// The staged changes to these paths: (A, M or D, path).
    pub fn staged(&self, paths: &[&str]) -> Result<Vec<(char, String)>> {
        let names = self.ok(&strs(&with_paths(
            &["diff", "--cached", "--name-status", "--no-renames", "-z"],
            paths,
        )))?;
        let mut fields = names.split('\0').filter(|f| !f.is_empty());
        let mut changes = Vec::new();
        while let (Some(status), Some(path)) = (fields.next(), fields.next()) {
            changes.push((status.chars().next().unwrap_or('M'), path.to_string()));
        }
        Ok(changes)
    }

    /// The staged diff of these paths, without context lines.
    pub fn staged_diff(&self, paths: &[&str]) -> Result<String> {
        self.ok(&strs(&with_paths(
            &["diff", "--cached", "--no-renames", "-U0"],
            paths,
        )))
    }

    /// Commits these paths only: whatever else is staged stays staged.
    pub fn commit(&self, subject: &str, body: &str, paths: &[&str]) -> Result<Output> {
        self.run(&strs(&with_paths(
            &["commit", "--quiet", "-m", subject, "-m", body],
            paths,
        )))
    }

    pub fn fetch(&self, remote: &str) -> Result<Output> {
        self.run(&["fetch", "--quiet", remote])
    }

    /// Rebases the current branch onto `onto`; a conflict stops it.
    pub fn rebase(&self, onto: &str) -> Result<Output> {
        self.run(&["rebase", "--quiet", "--no-autostash", onto])
    }

    pub fn rebase_abort(&self) -> Result<Output> {
        self.run(&["rebase", "--abort"])
    }

    /// The files left with conflicts.
    pub fn conflicted(&self) -> Result<Vec<String>> {
        Ok(self
            .run(&["diff", "--name-only", "--diff-filter=U", "-z"])?
            .stdout
            .split('\0')
            .filter(|f| !f.is_empty())
            .map(str::to_string)
            .collect())
    }

    /// Pushes `branch` to `upstream` on `remote` and tracks it.
    pub fn push(&self, remote: &str, branch: &str, upstream: &str) -> Result<Output> {
        self.run(&[
            "push",
            "--quiet",
            "--set-upstream",
            remote,
            &format!("{branch}:refs/heads/{upstream}"),
        ])
    }

    /// `git ls-remote --symref REMOTE`, run outside the data folder (which
    /// may not be a repository yet).
    pub fn ls_remote(&self, remote: &str) -> Result<Output> {
        self.run_here(&["ls-remote", "--symref", remote])
    }
}

fn output(mut cmd: Command, args: &[&str]) -> Result<Output> {
    let out = cmd.output().map_err(|source| GitError::Spawn {
        command: args.first().unwrap_or(&"").to_string(),
        source,
    })?;
    Ok(Output {
        ok: out.status.success(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    })
}

/// `ARGS -- PATHS`, each path taken literally (no glob, no magic).
fn with_paths(args: &[&str], paths: &[&str]) -> Vec<String> {
    args.iter()
        .map(|a| a.to_string())
        .chain(std::iter::once("--".to_string()))
        .chain(paths.iter().map(|p| format!(":(literal){p}")))
        .collect()
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

/// The branch a remote holds the journal on, from `git ls-remote
/// --symref`: the one its HEAD names, else its only branch, else main or
/// master. `None` for an empty remote.
pub fn default_branch(ls_remote: &str) -> Option<String> {
    let mut heads = Vec::new();
    let mut head_target = None;
    for line in ls_remote.lines() {
        if let Some(rest) = line.strip_prefix("ref: ") {
            if let Some((target, "HEAD")) = rest.split_once('\t') {
                head_target = target.strip_prefix("refs/heads/").map(str::to_string);
            }
        } else if let Some((_, name)) = line.split_once('\t')
            && let Some(branch) = name.strip_prefix("refs/heads/")
        {
            heads.push(branch.to_string());
        }
    }
    head_target
        .filter(|b| heads.contains(b))
        .or_else(|| (heads.len() == 1).then(|| heads[0].clone()))
        .or_else(|| {
            ["main", "master"]
                .into_iter()
                .find(|b| heads.iter().any(|h| h == b))
                .map(str::to_string)
        })
        .or_else(|| heads.first().cloned())
}

/// `git merge-file`: merges line by line into `ours`, leaving conflict
/// markers; true when it merged cleanly.
pub fn merge_file(ours: &Path, base: &Path, theirs: &Path) -> bool {
    Command::new("git")
        .args(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs"])
        .arg(ours)
        .arg(base)
        .arg(theirs)
        .stdin(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// The end of git's message: the lines that say what went wrong.
pub fn last_lines(stderr: &str) -> String {
    let lines: Vec<&str> = stderr
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("hint:"))
        .collect();
    let start = lines.len().saturating_sub(3);
    let text = lines[start..].join(" ");
    if text.is_empty() {
        "git gave no reason".to_string()
    } else {
        text
    }
}

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

#[cfg(test)]
mod tests {
    use super::{Operation, Unfinished, unfinished};
    use std::fs;

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
