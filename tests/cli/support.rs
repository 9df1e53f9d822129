//! The test environment: a private data folder, a cleared environment, a
//! pinned clock, and a small builder so that each test reads like the spec.
//!
//! Every run of the binary gets only PATH, HOME (a private folder), MENTEE_DIR
//! and MENTEE_TODAY, and an empty stdin that is not a terminal.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Output};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// The day every test starts on (a Tuesday).
pub const START: &str = "2026-11-10";

/// Long enough for a slow machine, short enough that a hang fails the test.
pub const TIMEOUT: Duration = Duration::from_secs(30);

pub struct TestEnv {
    root: TempDir,
    today: String,
}

impl TestEnv {
    pub fn new() -> TestEnv {
        let root = tempfile::tempdir().expect("a temporary folder");
        fs::create_dir(root.path().join("home")).expect("a home folder");
        TestEnv {
            root,
            today: START.to_string(),
        }
    }

    /// A test environment whose data folder is a copy of the sample journal
    /// in `examples/journal`, with today pinned to its last day.
    pub fn with_sample() -> TestEnv {
        let mut env = TestEnv::new();
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/journal");
        copy_tree(&sample, &env.dir());
        env.today(SAMPLE_LAST_DAY);
        env
    }

    /// The data folder. It does not exist until the first write.
    pub fn dir(&self) -> PathBuf {
        self.root.path().join("data")
    }

    pub fn home(&self) -> PathBuf {
        self.root.path().join("home")
    }

    /// A scratch path next to the data folder, for tests that need another one.
    pub fn scratch(&self, name: &str) -> PathBuf {
        self.root.path().join(name)
    }

    /// Pins today's date for the commands that follow.
    pub fn today(&mut self, date: &str) -> &mut TestEnv {
        self.today = date.to_string();
        self
    }

    /// The only variables a run sees.
    pub fn environment(&self) -> [(&'static str, OsString); 4] {
        [
            ("PATH", std::env::var_os("PATH").unwrap_or_default()),
            ("HOME", self.home().into_os_string()),
            ("MENTEE_DIR", self.dir().into_os_string()),
            ("MENTEE_TODAY", OsString::from(&self.today)),
        ]
    }

    /// The command with the cleared environment, not yet run.
    pub fn command<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut cmd = Command::cargo_bin("mentee").expect("the mentee binary");
        cmd.env_clear()
            .envs(self.environment())
            .args(args)
            .write_stdin(Vec::new())
            .timeout(TIMEOUT);
        cmd
    }

    /// The same command as a plain `std::process::Command`, for tests that
    /// need control over its stdin or a terminal. Nothing is set for stdin.
    pub fn std_command<I, S>(&self, args: I) -> std::process::Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_mentee"));
        cmd.env_clear().envs(self.environment()).args(args);
        cmd
    }

    /// Runs `mentee ARGS` and returns what happened, for assertions.
    pub fn run<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let args: Vec<String> = args
            .into_iter()
            .map(|a| a.as_ref().to_string_lossy().into_owned())
            .collect();
        Run::from_command(self.command(&args), &args)
    }

    /// Runs a command that must succeed and prints JSON; returns it parsed.
    #[track_caller]
    pub fn json<I, S>(&self, args: I) -> Value
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.run(args).success().json()
    }

    /// `mentee mentor add NAME EXTRA...`, which must succeed.
    #[track_caller]
    pub fn mentor(&self, name: &str, extra: &[&str]) {
        let mut args = vec!["mentor", "add", name];
        args.extend_from_slice(extra);
        self.run(args).success();
    }

    /// `mentee action add TEXT EXTRA...`; returns the new commitment's ID.
    #[track_caller]
    pub fn commit(&self, text: &str, extra: &[&str]) -> String {
        let mut args = vec!["action", "add", text];
        args.extend_from_slice(extra);
        let id = self.run(args).success().stdout().trim().to_string();
        assert_eq!(id.len(), 6, "action add printed {id:?} instead of an ID");
        id
    }

    /// The path of a file in the data folder.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir().join(relative)
    }

    /// A data file's text; panics if it is missing.
    #[track_caller]
    pub fn read(&self, relative: &str) -> String {
        let path = self.path(relative);
        fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
    }

    /// The tables of the array `key` in a data file (none when it has no
    /// such key), parsed with `toml` as any other program would.
    #[track_caller]
    pub fn tables(&self, relative: &str, key: &str) -> Vec<toml::Table> {
        tables_in(&self.read(relative), key, relative)
    }

    pub fn exists(&self, relative: &str) -> bool {
        self.path(relative).exists()
    }

    /// Writes a data file by hand, as a person with an editor would.
    pub fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().expect("a parent folder")).expect("create folders");
        fs::write(&path, text).expect("write a data file");
    }

    /// Rewrites `relative` in place (same file, same inode), then sets its
    /// modification time to `time`: as an editor that saves in place, or
    /// `cp -p`, leaves it.
    pub fn edit_in_place(&self, relative: &str, text: &str, time: std::time::SystemTime) {
        let file = fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(self.path(relative))
            .expect("open");
        std::io::Write::write_all(&mut &file, text.as_bytes()).expect("write");
        file.set_modified(time).expect("set the time");
    }

    /// The index folders in the cache (one per data folder).
    pub fn index_dirs(&self) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(self.home().join(".cache/mentee")) else {
            return Vec::new();
        };
        entries.map(|e| e.expect("an entry").path()).collect()
    }

    /// Every visible file in the data folder (relative path -> bytes).
    pub fn files(&self) -> BTreeMap<String, Vec<u8>> {
        let mut files = BTreeMap::new();
        collect(&self.dir(), &self.dir(), &mut files);
        files
    }

    /// The relative paths of every visible file in the data folder.
    pub fn file_names(&self) -> Vec<String> {
        self.files().into_keys().collect()
    }

    /// The standard story: two mentors; a meeting with Alex Kim held on
    /// 2026-11-10 about one topic, where a commitment due on Friday
    /// 2026-11-13 was made; a second one, for the same meeting, was logged
    /// the next day. Leaves today at 2026-11-11.
    pub fn scenario(&mut self) -> Scenario {
        self.today(START);
        self.mentor("Alex Kim", &["--every", "2w"]);
        self.mentor("Priya Natarajan", &["--role", "sponsor"]);
        self.run([
            "agenda",
            "How should I split the billing service?",
            "-m",
            "alex",
        ])
        .success();
        self.run(["meet", "-m", "alex"]).success();
        let draft = self.commit("Draft the split proposal", &["-m", "alex", "--due", "fri"]);
        self.today("2026-11-11");
        let read = self.commit("Read chapter 4 of the design book", &["-m", "alex"]);
        Scenario {
            draft,
            read,
            meeting: self.meeting_id("alex-kim", START),
        }
    }

    /// The ID of the meeting held with `slug` on `date`, from its file.
    #[track_caller]
    pub fn meeting_id(&self, slug: &str, date: &str) -> String {
        let file = format!("meetings/{}/{date}-{slug}.toml", &date[..4]);
        let text = self.read(&file);
        let doc: toml::Table = text.parse().expect("a meeting file parses");
        doc["meeting"]["id"]
            .as_str()
            .expect("the meeting has an id")
            .to_string()
    }
}

/// What [`TestEnv::scenario`] made.
pub struct Scenario {
    /// "Draft the split proposal", due 2026-11-13.
    pub draft: String,
    /// "Read chapter 4 of the design book", logged on 2026-11-11, no due date.
    pub read: String,
    /// The meeting held on 2026-11-10.
    pub meeting: String,
}

/// The last day the sample journal covers.
pub const SAMPLE_LAST_DAY: &str = "2026-11-22";

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create a folder");
    for entry in fs::read_dir(from).expect("read the sample") {
        let path = entry.expect("a folder entry").path();
        let target = to.join(path.file_name().expect("a name"));
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            fs::copy(&path, &target).expect("copy a sample file");
        }
    }
}

/// The tables of the array `key` in the TOML `text` of the file `name`.
#[track_caller]
pub fn tables_in(text: &str, key: &str, name: &str) -> Vec<toml::Table> {
    let doc: toml::Table = text
        .parse()
        .unwrap_or_else(|err| panic!("{name} does not parse: {err}\n{text}"));
    doc.get(key)
        .map(|list| {
            list.as_array()
                .unwrap_or_else(|| panic!("{name}: {key} is not an array"))
                .iter()
                .map(|item| item.as_table().expect("a table").clone())
                .collect()
        })
        .unwrap_or_default()
}

pub const MEETING_FILE: &str = "meetings/2026/2026-11-10-alex-kim.toml";

fn collect(root: &Path, dir: &Path, into: &mut BTreeMap<String, Vec<u8>>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.expect("a folder entry").path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, into);
        } else {
            let relative = path.strip_prefix(root).expect("inside the data folder");
            into.insert(
                relative.to_string_lossy().replace('\\', "/"),
                fs::read(&path).expect("read a data file"),
            );
        }
    }
}

/// The outcome of one run, with assertions that say what went wrong.
pub struct Run {
    args: String,
    output: Output,
}

impl Run {
    pub fn from_command(mut cmd: Command, args: &[String]) -> Run {
        let output = cmd.output().expect("mentee runs");
        Run {
            args: args.join(" "),
            output,
        }
    }

    pub fn stdout(&self) -> String {
        String::from_utf8(self.output.stdout.clone()).expect("stdout is UTF-8")
    }

    pub fn stderr(&self) -> String {
        String::from_utf8(self.output.stderr.clone()).expect("stderr is UTF-8")
    }

    /// The exit code; `None` when killed (by the timeout).
    pub fn code(&self) -> Option<i32> {
        self.output.status.code()
    }

    fn describe(&self) -> String {
        format!(
            "mentee {}\nexit: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.args,
            self.code(),
            self.stdout(),
            self.stderr()
        )
    }

    #[track_caller]
    pub fn success(self) -> Run {
        assert_eq!(
            self.code(),
            Some(0),
            "expected success\n{}",
            self.describe()
        );
        self
    }

    #[track_caller]
    pub fn failure_code(self, code: i32) -> Run {
        assert_eq!(
            self.code(),
            Some(code),
            "expected exit code {code}\n{}",
            self.describe()
        );
        self
    }

    #[track_caller]
    pub fn stdout_has(self, needle: &str) -> Run {
        assert!(
            self.stdout().contains(needle),
            "stdout lacks {needle:?}\n{}",
            self.describe()
        );
        self
    }

    #[track_caller]
    pub fn stdout_lacks(self, needle: &str) -> Run {
        assert!(
            !self.stdout().contains(needle),
            "stdout has {needle:?}\n{}",
            self.describe()
        );
        self
    }

    #[track_caller]
    pub fn stderr_has(self, needle: &str) -> Run {
        assert!(
            self.stderr().contains(needle),
            "stderr lacks {needle:?}\n{}",
            self.describe()
        );
        self
    }

    #[track_caller]
    pub fn stderr_lacks(self, needle: &str) -> Run {
        assert!(
            !self.stderr().contains(needle),
            "stderr has {needle:?}\n{}",
            self.describe()
        );
        self
    }

    #[track_caller]
    pub fn stdout_is_empty(self) -> Run {
        assert!(
            self.output.stdout.is_empty(),
            "expected nothing on stdout\n{}",
            self.describe()
        );
        self
    }

    #[track_caller]
    pub fn stdout_is(self, expected: &str) -> Run {
        assert_eq!(self.stdout(), expected, "\n{}", self.describe());
        self
    }

    #[track_caller]
    pub fn stderr_is_empty(self) -> Run {
        assert!(
            self.output.stderr.is_empty(),
            "expected nothing on stderr\n{}",
            self.describe()
        );
        self
    }

    /// stdout parsed as JSON.
    #[track_caller]
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout())
            .unwrap_or_else(|err| panic!("stdout is not JSON: {err}\n{}", self.describe()))
    }
}

/// Waits for a child started by hand, at most [`TIMEOUT`]: a hang fails the
/// test instead of stalling the suite. Its piped output must be small.
#[track_caller]
pub fn finish(mut child: Child) -> Output {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if child.try_wait().expect("wait for mentee").is_some() {
            return child.wait_with_output().expect("collect the output");
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let out = child.wait_with_output().expect("collect the output");
            panic!(
                "mentee did not finish within {TIMEOUT:?} (waiting on stdin?)\nstderr: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Replaces each ID with a stable placeholder of the same width, so that
/// tables keep their shape in snapshots.
pub fn redact(text: &str, ids: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (id, placeholder) in ids {
        assert_eq!(
            id.len(),
            placeholder.len(),
            "{placeholder} must be as wide as {id}"
        );
        out = out.replace(id, placeholder);
    }
    out
}

/// Where `needle` starts in `haystack`; panics with both when it is missing.
#[track_caller]
pub fn position(haystack: &str, needle: &str) -> usize {
    haystack
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found in:\n{haystack}"))
}

/// The commitments in an `action list --json` document, by ID.
#[track_caller]
pub fn commitment<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["commitments"]
        .as_array()
        .expect("a commitments array")
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no commitment {id} in {doc:#}"))
}

/// The IDs in a JSON array of records, in order.
pub fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("an array")
        .iter()
        .map(|item| item["id"].as_str().expect("an id").to_string())
        .collect()
}

// ---- git, for the sync tests ------------------------------------------------

/// A machine: a test environment whose git knows who the user is.
pub fn machine(sample: bool) -> TestEnv {
    let mut env = if sample {
        TestEnv::with_sample()
    } else {
        TestEnv::new()
    };
    env.today(SAMPLE_LAST_DAY);
    std::fs::write(
        env.home().join(".gitconfig"),
        "[user]\n\tname = Sam Mentee\n\temail = sam@example.com\n[init]\n\tdefaultBranch = main\n",
    )
    .expect("write .gitconfig");
    env
}

/// `mentee ARGS` on a machine, with the system git configuration left out.
pub fn mentee(env: &TestEnv, args: &[&str]) -> Run {
    let mut cmd = env.command(args);
    cmd.env("GIT_CONFIG_NOSYSTEM", "1");
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    Run::from_command(cmd, &args)
}

/// Runs git as the machine's user; panics when it fails.
#[track_caller]
pub fn git(env: &TestEnv, dir: &Path, args: &[&str]) -> String {
    let out = git_output(env, dir, args);
    assert!(
        out.status.success(),
        "git {} failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn git_output(env: &TestEnv, dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new("git")
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.home())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .expect("git runs")
}

pub fn bare_remote(env: &TestEnv) -> PathBuf {
    let remote = env.scratch("remote.git");
    git(
        env,
        env.home().as_path(),
        &["init", "--quiet", "--bare", remote.to_str().expect("UTF-8")],
    );
    remote
}
