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

use crate::context::Context;
use crate::error::{Error, Result};
use crate::git::{self, Git};
use crate::render::shell::{path as shell_path, quote as shell_quote};
use crate::render::{self, text::plural};
use crate::store::{self, JOURNAL_MERGE_DRIVER, JournalMerge, Lock, Store};
use crate::workspace::say;
use std::path::{Path, PathBuf};

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
            if git::merge_file(&args.ours, &args.base, &args.theirs) {
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
    match git.remote_url("origin")? {
        Some(url) => {
            if url != remote {
                return Err(Error::user_with_hint(
                    format!("this journal already syncs with {url}, not {remote}"),
                    format!(
                        "to switch, run: git -C {} remote set-url origin {remote}",
                        shell_path(root)
                    ),
                ));
            }
        }
        None => {
            git.ok(&["remote", "add", "origin", remote])?;
        }
    }
    if let Some(branch) = &remote_branch {
        fetch(git, "origin")?;
        let tracking = format!("refs/remotes/origin/{branch}");
        if git.head()?.is_none() {
            if !ctx.store.is_empty()? {
                return Err(already_a_journal(root, remote));
            }
            git.ok(&["checkout", "--quiet", "-b", branch, "--track", &tracking])?;
            say(&format!("Checked out the journal from {remote}."));
        } else {
            if !git.run(&["merge-base", "HEAD", &tracking])?.ok {
                return Err(already_a_journal(root, remote));
            }
            let local = current_branch(git, root)?;
            git.set_config(&format!("branch.{local}.remote"), "origin")?;
            git.set_config(
                &format!("branch.{local}.merge"),
                &format!("refs/heads/{branch}"),
            )?;
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
/// Every precondition is checked before anything is committed, so a sync
/// that cannot finish leaves no commit behind (on a detached HEAD, one
/// would be left on no branch).
fn sync(ctx: &Context, git: &Git<'_>, lock: &Lock) -> Result<()> {
    let root = ctx.store.root();
    // A file that does not parse is not spread to other machines.
    verify(root).map_err(|err| {
        Error::user_with_hint(
            format!("nothing was synced: {err}"),
            err.hint()
                .unwrap_or_else(|| "fix the file, then run mentee sync again".to_string()),
        )
    })?;
    let branch = current_branch(git, root)?;
    let remote = match git.config(&format!("branch.{branch}.remote"))? {
        Some(remote) => remote,
        None if git.remote_url("origin")?.is_some() => "origin".to_string(),
        None => {
            return Err(Error::user_with_hint(
                format!("{} has no remote to sync with", root.display()),
                "set one up with: mentee sync --init REMOTE",
            ));
        }
    };
    let upstream = match git.config(&format!("branch.{branch}.merge"))? {
        Some(merge) => merge.trim_start_matches("refs/heads/").to_string(),
        None => branch.clone(),
    };
    check_identity(git)?;
    configure_merge_driver(git)?;
    ctx.store.write_git_files(lock)?;
    let committed = commit(git, root)?;
    if let Some(subject) = &committed {
        say(&format!("Committed: {subject}"));
    }
    let Some(_) = git.head()? else {
        say("Nothing to sync yet: the journal is empty.");
        return Ok(());
    };
    fetch(git, &remote)?;
    let tracking = format!("refs/remotes/{remote}/{upstream}");
    let exists = git.exists(&tracking)?;
    let (ahead, behind) = if exists {
        git.ahead_behind(&tracking)?
    } else {
        (git.commit_count()?, 0)
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

/// Every data file still reads.
fn verify(root: &Path) -> Result<()> {
    Store::new(root.to_path_buf()).verify_all()
}

/// Commits what changed in the files mentee keeps; returns the subject
/// line, if anything was committed. Other files are named and left alone.
fn commit(git: &Git<'_>, root: &Path) -> Result<Option<String>> {
    let (owned, unknown): (Vec<String>, Vec<String>) = git
        .changed_paths()?
        .into_iter()
        .partition(|path| store::owned_by_mentee(path));
    if !unknown.is_empty() {
        let dir = shell_path(root);
        say(&format!(
            "Not synced: {} that mentee does not keep: {}. To sync one, add it yourself: \
             git -C {dir} add FILE && git -C {dir} commit",
            plural(unknown.len(), "file", "files"),
            unknown.join(", ")
        ));
    }
    if owned.is_empty() {
        return Ok(None);
    }
    let owned: Vec<&str> = owned.iter().map(String::as_str).collect();
    git.add(&owned)?;
    let changes = git.staged(&owned)?;
    if changes.is_empty() {
        return Ok(None);
    }
    let journal: Vec<&str> = owned
        .iter()
        .copied()
        .filter(|p| p.starts_with("journal/"))
        .collect();
    let entries = if journal.is_empty() {
        0
    } else {
        git.staged_diff(&journal)?
            .lines()
            .filter(|line| line.trim_end() == "+[[entry]]")
            .count()
    };
    let (subject, body) = render::commit::describe(&changes, entries);
    // Only these paths: whatever else someone staged stays staged.
    let out = git.commit(&subject, &body, &owned)?;
    if !out.ok {
        let hint = if out.stderr.contains("user.email") || out.stderr.contains("who you are") {
            IDENTITY_HINT.to_string()
        } else {
            format!(
                "see git -C {} status; your files are unchanged",
                shell_path(root)
            )
        };
        return Err(Error::user_with_hint(
            format!("git could not commit: {}", out.said()),
            hint,
        ));
    }
    Ok(Some(subject))
}

/// `git pull --rebase`, with the fetch already done. On a conflict the
/// rebase is undone, so the working tree is as it was, and the files are
/// reported.
fn pull(git: &Git<'_>, root: &Path, remote: &str, tracking: &str) -> Result<()> {
    let out = git.rebase(tracking)?;
    if out.ok {
        return Ok(());
    }
    let conflicted = git.conflicted()?;
    let in_progress = git::unfinished(root).is_some_and(|state| state.operation.is_some());
    if in_progress || !conflicted.is_empty() {
        let aborted = git.rebase_abort()?;
        if !aborted.ok {
            return Err(Error::user_with_hint(
                format!(
                    "the pull from {remote} conflicted and could not be undone: {}",
                    aborted.said()
                ),
                format!("see git -C {} status", shell_path(root)),
            ));
        }
        if conflicted.is_empty() {
            return Err(Error::user_with_hint(
                format!(
                    "git could not pull from {remote}: {}; the pull was undone",
                    out.said()
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
        format!("git could not pull from {remote}: {}", out.said()),
        format!("see git -C {} status", shell_path(root)),
    ))
}

fn push(git: &Git<'_>, remote: &str, branch: &str, upstream: &str) -> Result<()> {
    let out = git.push(remote, branch, upstream)?;
    if out.ok {
        return Ok(());
    }
    // "[remote rejected]": the remote refuses the push itself (a hook, a
    // protected branch); running again changes nothing.
    if out.stderr.contains("[remote rejected]") {
        let said: Vec<&str> = out
            .stderr
            .lines()
            .filter_map(|line| line.trim().strip_prefix("remote:"))
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect();
        let said = if said.is_empty() {
            String::new()
        } else {
            format!(" ({remote} said: {})", said.join(" "))
        };
        return Err(Error::user_with_hint(
            format!("{remote} refused the push: {}{said}", out.said()),
            format!(
                "your commits are kept here and nothing was lost; {remote} refuses pushes to \
                 {upstream} (a hook or a protected branch on its side): settle that there, then \
                 run mentee sync again"
            ),
        ));
    }
    let rejected = out.stderr.contains("rejected") || out.stderr.contains("fetch first");
    Err(Error::user_with_hint(
        format!("could not push to {remote}: {}", out.said()),
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
    let out = git.fetch(remote)?;
    if out.ok {
        return Ok(());
    }
    Err(Error::user_with_hint(
        format!("cannot fetch from {remote}: {}", out.said()),
        "check the remote's URL and your access to it (git remote -v); anything new here is \
         committed and will be pushed by the next mentee sync",
    ))
}

/// The branch a remote holds the journal on: the one its HEAD names, else
/// its only branch, else main or master. `None` for an empty remote.
fn remote_branch(git: &Git<'_>, remote: &str) -> Result<Option<String>> {
    let out = git.ls_remote(remote)?;
    if !out.ok {
        return Err(Error::user_with_hint(
            format!("cannot reach {remote}: {}", out.said()),
            "give the URL or path of a git repository you can push to, such as an empty \
             repository made for your journal (git init --bare PATH); nothing was changed",
        ));
    }
    Ok(git::default_branch(&out.stdout))
}

fn current_branch(git: &Git<'_>, root: &Path) -> Result<String> {
    if let Some(branch) = git.branch()? {
        return Ok(branch);
    }
    Err(Error::user_with_hint(
        "the journal's git repository is not on a branch (a detached HEAD); nothing was \
         committed, your changes are in the files",
        format!(
            "check out the branch you sync: git -C {} switch main (or master), then run \
             mentee sync",
            shell_path(root)
        ),
    ))
}

/// Git must know who commits before anything is committed: both the
/// commit here and the rebase of a pull need it.
fn check_identity(git: &Git<'_>) -> Result<()> {
    match git.identity_problem()? {
        Some(said) => Err(Error::user_with_hint(
            format!("git does not know who you are, so nothing was committed: {said}"),
            IDENTITY_HINT,
        )),
        None => Ok(()),
    }
}

const IDENTITY_HINT: &str = "tell git who you are, once: git config --global user.name \
     \"Your Name\" and git config --global user.email you@example.com; then run mentee sync again";

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
    git.set_config(
        &format!("merge.{JOURNAL_MERGE_DRIVER}.name"),
        "mentee: merge journal months entry by entry",
    )?;
    git.set_config(&format!("merge.{JOURNAL_MERGE_DRIVER}.driver"), &driver)?;
    Ok(())
}
