//! `mentee sync`: keep the data folder in step with a git remote, so the
//! journal follows you from one machine to another.
//!
//! Git does the work, run as a subprocess on the data folder (`git -C`),
//! while mentee holds its lock so no other mentee writes in between. Data
//! is never dropped to get past a conflict: a pull that conflicts is
//! undone (`git rebase --abort`) and the files are named, with the steps
//! to settle them by hand. Journal months, where two machines most often
//! both add something, are merged entry by entry by `mentee merge-journal`,
//! which sync sets up as a git merge driver (see `store::sync`).

use crate::commands::say;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::render::shell::quote as shell_quote;
use crate::render::text::plural;
use crate::store::{self, JOURNAL_MERGE_DRIVER, JournalMerge, Lock, Store};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const EXAMPLES: &str = "\
Examples:
  mentee sync --init git@example.com:me/mentee-journal.git    once, on the first machine
  mentee sync --init git@example.com:me/mentee-journal.git    on another machine, with an empty data folder
  mentee sync                                                 commit, pull, push";

/// Sync the data folder through git: commit, pull with rebase, push
///
/// The data folder must be a git repository of its own; --init makes it
/// one. On a conflict the pull is undone, nothing is lost, and the files
/// to settle by hand are listed with the next steps. Uses your git
/// configuration (user.name and user.email, credentials, ssh keys).
#[derive(Debug, clap::Args)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    /// Set up syncing with REMOTE (a URL or path of a git repository,
    /// empty or holding a journal synced from another machine)
    #[arg(long, value_name = "REMOTE")]
    pub init: Option<String>,
}

/// The journal merge driver that sync registers with git:
/// `mentee merge-journal %O %A %B`. Not for people.
#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The common ancestor's version
    pub base: PathBuf,
    /// Our version; the result is written here
    pub ours: PathBuf,
    /// Their version
    pub theirs: PathBuf,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let git = Git::new(ctx.store.root(), ctx.interactive)?;
    match &args.init {
        Some(remote) => init(ctx, &git, remote),
        None => {
            if !ctx.store.root().join(".git").exists() {
                return Err(Error::user_with_hint(
                    format!("{} is not synced with git yet", ctx.store.root().display()),
                    "set it up once with: mentee sync --init REMOTE (the URL or path of a git \
                     repository, such as an empty one made for your journal)",
                ));
            }
            let lock = ctx.store.lock()?;
            sync(ctx, &git, &lock)
        }
    }
}

/// `mentee merge-journal BASE OURS THEIRS`, run by git during a merge or a
/// rebase: merges journal months entry by entry, and leaves git's own
/// conflict markers when the same entry changed on both sides.
pub fn merge_journal(args: &MergeArgs) -> Result<()> {
    match store::merge_journal_files(&args.base, &args.ours, &args.theirs)? {
        JournalMerge::Merged(_) => Ok(()),
        JournalMerge::Conflict(why) => {
            let clean = Command::new("git")
                .args(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs"])
                .arg(&args.ours)
                .arg(&args.base)
                .arg(&args.theirs)
                .stdin(Stdio::null())
                .status()
                .is_ok_and(|status| status.success());
            if clean {
                return Ok(());
            }
            Err(Error::user(format!(
                "journal merge: {why}; conflict markers were left for you to resolve"
            )))
        }
    }
}

fn init(ctx: &Context, git: &Git<'_>, remote: &str) -> Result<()> {
    let root = ctx.store.root();
    let remote = remote.trim();
    if remote.is_empty() {
        return Err(Error::user(
            "--init needs the URL or path of a git repository",
        ));
    }
    // A path is kept absolute: git reads a relative one from the data folder.
    let absolute = Path::new(remote)
        .exists()
        .then(|| std::path::absolute(remote).ok())
        .flatten()
        .map(|path| path.to_string_lossy().into_owned());
    let remote = absolute.as_deref().unwrap_or(remote);
    // Ask the remote what it holds before changing anything here.
    let remote_branch = remote_branch(git, remote)?;
    let was_repo = root.join(".git").exists();
    if remote_branch.is_some() && !was_repo && !ctx.store.is_empty()? {
        return Err(already_a_journal(root, remote));
    }
    let lock = ctx.store.lock()?;
    if !was_repo {
        if let Ok(top) = git.ok(&["rev-parse", "--show-toplevel"]) {
            return Err(Error::user_with_hint(
                format!(
                    "{} is inside the git repository {top}; mentee sync needs a repository of its own",
                    root.display()
                ),
                "keep the journal in a folder outside other repositories (mentee --dir PATH), \
                 or commit it with that repository yourself",
            ));
        }
        git.ok(&["init", "--quiet"])?;
        say(&format!("Made {} a git repository.", root.display()));
    }
    configure_merge_driver(git)?;
    match git.run(&["remote", "get-url", "origin"])? {
        out if out.ok => {
            if out.stdout.trim() != remote {
                return Err(Error::user_with_hint(
                    format!(
                        "this journal already syncs with {}, not {remote}",
                        out.stdout.trim()
                    ),
                    format!(
                        "to switch, run: git -C {} remote set-url origin {remote}",
                        shell_path(root)
                    ),
                ));
            }
        }
        _ => {
            git.ok(&["remote", "add", "origin", remote])?;
        }
    }
    if let Some(branch) = &remote_branch {
        fetch(git, "origin")?;
        let tracking = format!("refs/remotes/origin/{branch}");
        if head(git)?.is_none() {
            if !ctx.store.is_empty()? {
                return Err(already_a_journal(root, remote));
            }
            git.ok(&["checkout", "--quiet", "-b", branch, "--track", &tracking])?;
            say(&format!("Checked out the journal from {remote}."));
        } else {
            if !git.run(&["merge-base", "HEAD", &tracking])?.ok {
                return Err(already_a_journal(root, remote));
            }
            let local = current_branch(git)?;
            git.ok(&["config", &format!("branch.{local}.remote"), "origin"])?;
            git.ok(&[
                "config",
                &format!("branch.{local}.merge"),
                &format!("refs/heads/{branch}"),
            ])?;
        }
    }
    sync(ctx, git, &lock)
}

fn already_a_journal(root: &Path, remote: &str) -> Error {
    Error::user_with_hint(
        format!(
            "{remote} already holds a journal, and so does {}; mentee does not merge two journals",
            root.display()
        ),
        "to use the remote's journal here, move this data folder away (or choose another with \
         --dir) and run mentee sync --init again; to keep this one, sync it with a new, empty \
         repository",
    )
}

/// Commit, pull with rebase, push: the whole of `mentee sync`.
fn sync(ctx: &Context, git: &Git<'_>, lock: &Lock) -> Result<()> {
    let root = ctx.store.root();
    refuse_unfinished(git, root)?;
    // A file that does not parse is not spread to other machines.
    verify(root).map_err(|err| {
        Error::user_with_hint(
            format!("nothing was synced: {err}"),
            err.hint()
                .unwrap_or_else(|| "fix the file, then run mentee sync again".to_string()),
        )
    })?;
    configure_merge_driver(git)?;
    ctx.store.write_git_files(lock)?;
    let committed = commit(git, root)?;
    if let Some(subject) = &committed {
        say(&format!("Committed: {subject}"));
    }
    let Some(_) = head(git)? else {
        say("Nothing to sync yet: the journal is empty.");
        return Ok(());
    };
    let branch = current_branch(git)?;
    let remote = match git.run(&["config", "--get", &format!("branch.{branch}.remote")])? {
        out if out.ok => out.stdout.trim().to_string(),
        _ if git.run(&["remote", "get-url", "origin"])?.ok => "origin".to_string(),
        _ => {
            return Err(Error::user_with_hint(
                format!("{} has no remote to sync with", root.display()),
                "set one up with: mentee sync --init REMOTE",
            ));
        }
    };
    let upstream = match git.run(&["config", "--get", &format!("branch.{branch}.merge")])? {
        out if out.ok => out
            .stdout
            .trim()
            .trim_start_matches("refs/heads/")
            .to_string(),
        _ => branch.clone(),
    };
    fetch(git, &remote)?;
    let tracking = format!("refs/remotes/{remote}/{upstream}");
    let exists = git
        .run(&["rev-parse", "--verify", "--quiet", &tracking])?
        .ok;
    let (ahead, behind) = if exists {
        let counts = git.ok(&[
            "rev-list",
            "--left-right",
            "--count",
            &format!("HEAD...{tracking}"),
        ])?;
        let mut numbers = counts
            .split_whitespace()
            .map(|n| n.parse::<usize>().unwrap_or(0));
        (numbers.next().unwrap_or(0), numbers.next().unwrap_or(0))
    } else {
        let all = git.ok(&["rev-list", "--count", "HEAD"])?;
        (all.trim().parse().unwrap_or(1), 0)
    };
    if behind > 0 {
        pull(git, root, &remote, &tracking)?;
        verify(root).map_err(|err| {
            Error::user_with_hint(
                format!("after the pull, a file no longer reads: {err}"),
                format!(
                    "nothing was pushed; fix the file (both sides' records are in it), then run \
                     mentee sync again; git -C {} log -p shows what each side changed",
                    shell_path(root)
                ),
            )
        })?;
        say(&format!(
            "Pulled {} from {remote}.",
            plural(behind, "change", "changes")
        ));
    }
    if ahead > 0 || !exists {
        push(git, &remote, &branch, &upstream)?;
        say(&format!(
            "Pushed {} to {remote}.",
            plural(ahead, "commit", "commits")
        ));
    } else if behind == 0 && committed.is_none() {
        say(&format!("Already in sync with {remote}."));
    }
    Ok(())
}

/// A rebase or merge left half done (by an earlier conflict settled by
/// hand, say) must be finished before mentee adds anything.
fn refuse_unfinished(git: &Git<'_>, root: &Path) -> Result<()> {
    for (marker, what, finish) in [
        (
            "rebase-merge",
            "a rebase",
            "git rebase --continue (or --abort)",
        ),
        (
            "rebase-apply",
            "a rebase",
            "git rebase --continue (or --abort)",
        ),
        ("MERGE_HEAD", "a merge", "git commit (or git merge --abort)"),
    ] {
        if git_path_exists(git, root, marker)? {
            return Err(Error::user_with_hint(
                format!("{} has {what} in progress", root.display()),
                format!(
                    "finish it first: settle the files git -C {dir} status lists, then \
                     git -C {dir} {finish}; then run mentee sync",
                    dir = shell_path(root),
                    finish = finish.trim_start_matches("git ")
                ),
            ));
        }
    }
    Ok(())
}

/// Does this file or folder inside `.git` exist (`git rev-parse --git-path`)?
fn git_path_exists(git: &Git<'_>, root: &Path, name: &str) -> Result<bool> {
    let path = git.ok(&["rev-parse", "--git-path", name])?;
    let path = Path::new(path.trim());
    Ok(if path.is_absolute() {
        path.exists()
    } else {
        root.join(path).exists()
    })
}

/// Every data file still reads.
fn verify(root: &Path) -> Result<()> {
    let store = Store::new(root.to_path_buf());
    store.mentors()?;
    store.meetings()?;
    store.loose_actions()?;
    store.entries(None, None)?;
    store.later()?;
    store.goals()?;
    store.silenced()?;
    Ok(())
}

/// Commits everything that changed; returns the subject line, if anything
/// was committed.
fn commit(git: &Git<'_>, root: &Path) -> Result<Option<String>> {
    git.ok(&["add", "--all"])?;
    let names = git.ok(&["diff", "--cached", "--name-status", "--no-renames", "-z"])?;
    let mut fields = names.split('\0').filter(|f| !f.is_empty());
    let mut changes = Vec::new();
    while let (Some(status), Some(path)) = (fields.next(), fields.next()) {
        changes.push((status.chars().next().unwrap_or('M'), path.to_string()));
    }
    if changes.is_empty() {
        return Ok(None);
    }
    let journal_diff = git.ok(&["diff", "--cached", "--no-renames", "-U0", "--", "journal"])?;
    let entries = journal_diff
        .lines()
        .filter(|line| line.trim_end() == "+[[entry]]")
        .count();
    let (subject, body) = describe(&changes, entries);
    let out = git.run(&["commit", "--quiet", "-m", &subject, "-m", &body])?;
    if !out.ok {
        let hint = if out.stderr.contains("user.email") || out.stderr.contains("who you are") {
            "tell git who you are, once: git config --global user.name \"Your Name\" and \
             git config --global user.email you@example.com; then run mentee sync again"
                .to_string()
        } else {
            format!(
                "see git -C {} status; your files are unchanged",
                shell_path(root)
            )
        };
        return Err(Error::user_with_hint(
            format!("git could not commit: {}", last_lines(&out.stderr)),
            hint,
        ));
    }
    Ok(Some(subject))
}

/// "mentee: 2 journal entries, 1 meeting, mentors" and a body with one
/// line per file.
fn describe(changes: &[(char, String)], entries: usize) -> (String, String) {
    let count =
        |test: &dyn Fn(char, &str) -> bool| changes.iter().filter(|(s, p)| test(*s, p)).count();
    let meeting = |p: &str| p.starts_with("meetings/");
    let planned = |p: &str| p.starts_with("meetings/next-");
    let mut parts = Vec::new();
    if entries > 0 {
        parts.push(plural(entries, "journal entry", "journal entries"));
    } else if count(&|_, p| p.starts_with("journal/")) > 0 {
        parts.push("journal edited".to_string());
    }
    let held = count(&|s, p| s == 'A' && meeting(p) && !planned(p));
    let plans = count(&|s, p| s == 'A' && planned(p));
    let updated = count(&|s, p| s == 'M' && meeting(p));
    let removed = count(&|s, p| s == 'D' && meeting(p) && !planned(p));
    if held > 0 {
        parts.push(plural(held, "meeting", "meetings"));
    }
    if plans > 0 {
        parts.push(plural(plans, "planned meeting", "planned meetings"));
    }
    if updated > 0 {
        parts.push(plural(updated, "meeting updated", "meetings updated"));
    }
    if removed > 0 {
        parts.push(plural(removed, "meeting removed", "meetings removed"));
    }
    const NAMED: [(&str, &str); 5] = [
        ("mentors.toml", "mentors"),
        ("actions.toml", "commitments"),
        ("later.toml", "queued topics"),
        ("goals.toml", "goals"),
        ("settings.toml", "nudge settings"),
    ];
    for (file, what) in NAMED {
        if changes.iter().any(|(_, p)| p == file) {
            parts.push(what.to_string());
        }
    }
    if count(&|_, p| p.starts_with(".git")) > 0 {
        parts.push("git settings".to_string());
    }
    let known = |p: &str| {
        p.starts_with(".git")
            || meeting(p)
            || p.starts_with("journal/")
            || NAMED.iter().any(|(file, _)| *file == p)
    };
    let other = count(&|_, p| !known(p));
    if other > 0 {
        parts.push(plural(other, "other file", "other files"));
    }
    if parts.is_empty() {
        parts.push("planned meeting held".to_string());
    }
    let subject = format!("mentee: {}", parts.join(", "));
    let body = changes
        .iter()
        .map(|(status, path)| {
            let verb = match status {
                'A' => "added",
                'D' => "removed",
                _ => "changed",
            };
            format!("{verb}: {path}")
        })
        .collect::<Vec<_>>()
        .join("\n");
    (subject, body)
}

/// `git pull --rebase`, with the fetch already done. On a conflict the
/// rebase is undone, so the working tree is as it was, and the files are
/// reported.
fn pull(git: &Git<'_>, root: &Path, remote: &str, tracking: &str) -> Result<()> {
    let out = git.run(&["rebase", "--quiet", "--no-autostash", tracking])?;
    if out.ok {
        return Ok(());
    }
    let conflicted = git
        .run(&["diff", "--name-only", "--diff-filter=U", "-z"])?
        .stdout
        .split('\0')
        .filter(|f| !f.is_empty())
        .map(str::to_string)
        .collect::<Vec<_>>();
    let in_progress = git_path_exists(git, root, "rebase-merge")?;
    if in_progress || !conflicted.is_empty() {
        let aborted = git.run(&["rebase", "--abort"])?;
        if !aborted.ok {
            return Err(Error::user_with_hint(
                format!(
                    "the pull from {remote} conflicted and could not be undone: {}",
                    last_lines(&aborted.stderr)
                ),
                format!("see git -C {} status", shell_path(root)),
            ));
        }
        if conflicted.is_empty() {
            return Err(Error::user_with_hint(
                format!(
                    "git could not pull from {remote}: {}; the pull was undone",
                    last_lines(&out.stderr)
                ),
                "your changes are committed here and nothing was lost; fix what git says, \
                 then run mentee sync again",
            ));
        }
        let files = conflicted.join(", ");
        let dir = shell_path(root);
        return Err(Error::user_with_hint(
            format!(
                "sync stopped: {} changed differently here and on {remote}: {files}\n\
                 Nothing was lost: your changes are committed here, theirs are on {remote}, \
                 and the pull was undone.",
                if conflicted.len() == 1 {
                    "this file was"
                } else {
                    "these files were"
                }
            ),
            format!(
                "settle it by hand:\n  \
                 1. git -C {dir} pull --rebase\n  \
                 2. edit each file listed, keep what both sides wrote and delete the \
                 <<<<<<< ======= >>>>>>> lines (for a commitment, keep one status and both \
                 history notes)\n  \
                 3. git -C {dir} add FILE, then git -C {dir} rebase --continue\n  \
                 4. mentee sync"
            ),
        ));
    }
    Err(Error::user_with_hint(
        format!(
            "git could not pull from {remote}: {}",
            last_lines(&out.stderr)
        ),
        format!("see git -C {} status", shell_path(root)),
    ))
}

fn push(git: &Git<'_>, remote: &str, branch: &str, upstream: &str) -> Result<()> {
    let out = git.run(&[
        "push",
        "--quiet",
        "--set-upstream",
        remote,
        &format!("{branch}:refs/heads/{upstream}"),
    ])?;
    if out.ok {
        return Ok(());
    }
    let rejected = out.stderr.contains("rejected") || out.stderr.contains("fetch first");
    Err(Error::user_with_hint(
        format!("could not push to {remote}: {}", last_lines(&out.stderr)),
        if rejected {
            "the remote changed during the sync; run mentee sync again (your changes are committed here)"
                .to_string()
        } else {
            "your changes are committed here; run mentee sync again when the remote can be reached"
                .to_string()
        },
    ))
}

fn fetch(git: &Git<'_>, remote: &str) -> Result<()> {
    let out = git.run(&["fetch", "--quiet", remote])?;
    if out.ok {
        return Ok(());
    }
    Err(Error::user_with_hint(
        format!("cannot fetch from {remote}: {}", last_lines(&out.stderr)),
        "check the remote's URL and your access to it (git remote -v); anything new here is \
         committed and will be pushed by the next mentee sync",
    ))
}

/// The branch a remote holds the journal on: the one its HEAD names, else
/// its only branch, else main or master. `None` for an empty remote.
fn remote_branch(git: &Git<'_>, remote: &str) -> Result<Option<String>> {
    let out = git.run_here(&["ls-remote", "--symref", remote])?;
    if !out.ok {
        return Err(Error::user_with_hint(
            format!("cannot reach {remote}: {}", last_lines(&out.stderr)),
            "give the URL or path of a git repository you can push to, such as an empty \
             repository made for your journal (git init --bare PATH); nothing was changed",
        ));
    }
    let mut heads = Vec::new();
    let mut head_target = None;
    for line in out.stdout.lines() {
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
    let pick = head_target
        .filter(|b| heads.contains(b))
        .or_else(|| (heads.len() == 1).then(|| heads[0].clone()))
        .or_else(|| {
            ["main", "master"]
                .into_iter()
                .find(|b| heads.iter().any(|h| h == b))
                .map(str::to_string)
        })
        .or_else(|| heads.first().cloned());
    Ok(pick)
}

/// The commit HEAD points at; `None` before the first commit.
fn head(git: &Git<'_>) -> Result<Option<String>> {
    let out = git.run(&["rev-parse", "--verify", "--quiet", "HEAD"])?;
    Ok(out.ok.then(|| out.stdout.trim().to_string()))
}

fn current_branch(git: &Git<'_>) -> Result<String> {
    let out = git.run(&["symbolic-ref", "--quiet", "--short", "HEAD"])?;
    if out.ok {
        return Ok(out.stdout.trim().to_string());
    }
    Err(Error::user_with_hint(
        "the journal's git repository is not on a branch (a detached HEAD)",
        "check out the branch you sync: git -C DIR switch main (or master), then run mentee sync",
    ))
}

/// Registers `mentee merge-journal` as the merge driver that
/// `.gitattributes` names for journal months. Set on every sync, so a
/// plain `git clone` gets it too, and it follows the mentee binary.
fn configure_merge_driver(git: &Git<'_>) -> Result<()> {
    let Ok(exe) = std::env::current_exe() else {
        say(
            "Could not find the mentee program to merge journal months; git will merge them line by line.",
        );
        return Ok(());
    };
    let driver = format!(
        "{} merge-journal %O %A %B",
        shell_quote(&exe.to_string_lossy())
    );
    git.ok(&[
        "config",
        &format!("merge.{JOURNAL_MERGE_DRIVER}.name"),
        "mentee: merge journal months entry by entry",
    ])?;
    git.ok(&[
        "config",
        &format!("merge.{JOURNAL_MERGE_DRIVER}.driver"),
        &driver,
    ])?;
    Ok(())
}

/// A path as the user can paste it into a shell.
fn shell_path(path: &Path) -> String {
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

/// The end of git's message: the lines that say what went wrong.
fn last_lines(stderr: &str) -> String {
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

/// Runs git on the data folder with output captured and no prompt unless
/// there is a terminal.
struct Git<'a> {
    dir: &'a Path,
    interactive: bool,
}

struct Output {
    ok: bool,
    stdout: String,
    stderr: String,
}

impl<'a> Git<'a> {
    /// Checks that git can be run at all.
    fn new(dir: &'a Path, interactive: bool) -> Result<Git<'a>> {
        let git = Git { dir, interactive };
        match git.outside(&["--version"]).output() {
            Ok(_) => Ok(git),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Err(Error::user_with_hint(
                "git is not installed, or not on PATH; mentee sync runs git",
                "install git, then run mentee sync again",
            )),
            Err(err) => Err(Error::user(format!("cannot run git: {err}"))),
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

    fn run(&self, args: &[&str]) -> Result<Output> {
        Self::output(self.command(args), args)
    }

    fn run_here(&self, args: &[&str]) -> Result<Output> {
        Self::output(self.outside(args), args)
    }

    fn output(mut cmd: Command, args: &[&str]) -> Result<Output> {
        let out = cmd.output().map_err(|err| {
            Error::user_with_hint(
                format!("cannot run git {}: {err}", args.first().unwrap_or(&"")),
                "check that git is installed and on PATH",
            )
        })?;
        Ok(Output {
            ok: out.status.success(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        })
    }

    /// Runs git and returns its standard output; a failure is an error
    /// with git's own message.
    fn ok(&self, args: &[&str]) -> Result<String> {
        let out = self.run(args)?;
        if out.ok {
            return Ok(out.stdout);
        }
        Err(Error::user_with_hint(
            format!("git {} failed: {}", args.join(" "), last_lines(&out.stderr)),
            format!("see git -C {} status", shell_path(self.dir)),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_messages_say_what_changed() {
        let changes = vec![
            ('M', "journal/2026/2026-11.toml".to_string()),
            ('A', "meetings/2026/2026-11-24-alex-kim.toml".to_string()),
            ('D', "meetings/next-alex-kim.toml".to_string()),
            ('M', "meetings/2026/2026-11-10-alex-kim.toml".to_string()),
            ('M', "mentors.toml".to_string()),
        ];
        let (subject, body) = describe(&changes, 2);
        assert_eq!(
            subject,
            "mentee: 2 journal entries, 1 meeting, 1 meeting updated, mentors"
        );
        assert!(
            body.contains("removed: meetings/next-alex-kim.toml"),
            "{body}"
        );
        let settings = [
            ('M', "settings.toml".to_string()),
            ('A', "notes.txt".to_string()),
        ];
        assert_eq!(
            describe(&settings, 0).0,
            "mentee: nudge settings, 1 other file"
        );
    }

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
    fn verify_reads_goals_and_settings_too() {
        let dir = tempfile::tempdir().expect("a temp folder");
        assert!(verify(dir.path()).is_ok());
        for name in ["goals.toml", "settings.toml"] {
            let path = dir.path().join(name);
            std::fs::write(&path, "format = 1\n[[oops]\n").expect("write");
            let err = verify(dir.path()).expect_err("a broken file");
            assert!(err.to_string().contains(&format!("{name}:2")), "{err}");
            std::fs::remove_file(&path).expect("remove");
        }
    }
}
