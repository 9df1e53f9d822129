//! Fitting the shell ecosystem: `mentee edit` and long texts in the editor,
//! shell completions, manual pages, colour and `config.toml`.
//!
//! Editors are small shell scripts in the test's own folder, set as EDITOR
//! or VISUAL: they record which file they were given, append to it, or
//! break it, as a person with a real editor could.

use crate::support::{MEETING_FILE, Run, Scenario, TestEnv};
use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};
use std::fs;
use std::path::{Path, PathBuf};

const PROMPT_TIMEOUT_MS: u64 = 20_000;
const NOVEMBER: &str = "journal/2026/2026-11.toml";
const ESC: &str = "\u{1b}[";

/// Writes an executable shell script into the test's scratch folder.
fn script(env: &TestEnv, name: &str, body: &str) -> PathBuf {
    let path = env.scratch(name);
    fs::write(&path, format!("#!/bin/sh\n{body}")).expect("write the script");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    path
}

/// An editor that appends `# edited by TAG` to the file, where TAG is the
/// value of an optional `--tag TAG` argument, and logs the file it was given.
fn tagging_editor(env: &TestEnv) -> PathBuf {
    let log = env.scratch("opened.log");
    script(
        env,
        "tag-editor",
        &format!(
            "tag=plain\n\
             if [ \"$1\" = --tag ]; then tag=$2; shift 2; fi\n\
             [ $# -eq 1 ] || {{ echo \"expected one file, got $#: $*\" >&2; exit 3; }}\n\
             printf '%s\\n' \"$1\" >> '{}'\n\
             printf '# edited by %s\\n' \"$tag\" >> \"$1\"\n",
            log.display()
        ),
    )
}

/// An editor that leaves the file unparseable: a key with no value.
fn breaking_editor(env: &TestEnv) -> PathBuf {
    script(env, "break-editor", "printf 'oops = \\n' >> \"$1\"\n")
}

/// The files the tagging editor was given, one per run.
fn opened(env: &TestEnv) -> Vec<String> {
    fs::read_to_string(env.scratch("opened.log"))
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect()
}

fn run_with(env: &TestEnv, vars: &[(&str, &str)], args: &[&str]) -> Run {
    let mut cmd = env.command(args);
    for (name, value) in vars {
        cmd.env(name, value);
    }
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    Run::from_command(cmd, &args)
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

// ---- mentee edit -----------------------------------------------------------

#[test]
fn edit_opens_the_mentors_file_by_default_and_checks_it() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let editor = tagging_editor(&env);
    run_with(&env, &[("EDITOR", path_str(&editor))], &["edit"])
        .success()
        .stdout_is_empty()
        .stderr_has("mentors.toml parses");
    // The editor works on a private copy with the file's name, outside the
    // data folder; the copy then replaces the file.
    let given = opened(&env);
    assert_eq!(given.len(), 1);
    assert_eq!(
        Path::new(&given[0]).file_name(),
        Some("mentors.toml".as_ref())
    );
    assert!(!Path::new(&given[0]).starts_with(env.dir()), "{given:?}");
    assert!(!Path::new(&given[0]).exists(), "the copy is removed");
    assert!(env.read("mentors.toml").ends_with("# edited by plain\n"));
    // mentee carries on with the edited file, and keeps the comment.
    env.mentor("Priya Natarajan", &[]);
    let text = env.read("mentors.toml");
    assert!(
        text.contains("# edited by plain") && text.contains("Priya"),
        "{text}"
    );
}

#[test]
fn visual_beats_editor() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let editor = tagging_editor(&env);
    let visual = format!("{} --tag visual", editor.display());
    let plain = format!("{} --tag editor", editor.display());
    run_with(
        &env,
        &[("VISUAL", &visual), ("EDITOR", &plain)],
        &["edit", "mentors"],
    )
    .success();
    run_with(&env, &[("VISUAL", ""), ("EDITOR", &plain)], &["edit"]).success();
    let text = env.read("mentors.toml");
    assert!(
        text.ends_with("# edited by visual\n# edited by editor\n"),
        "{text}"
    );
}

#[test]
fn an_editor_command_with_arguments_runs_through_the_shell() {
    let env = TestEnv::new();
    // A data folder with a space in its name: the file name stays one argument.
    let dir = env.scratch("my data");
    let dir = path_str(&dir);
    env.run(["--dir", dir, "mentor", "add", "Alex Kim"])
        .success();
    let editor = tagging_editor(&env);
    let command = format!("{} --tag 'with args'", editor.display());
    run_with(&env, &[("EDITOR", &command)], &["--dir", dir, "edit"]).success();
    let text = fs::read_to_string(env.scratch("my data/mentors.toml")).expect("read");
    assert!(text.ends_with("# edited by with args\n"), "{text}");
}

#[test]
fn edit_finds_meetings_months_and_records_by_id() {
    let mut env = TestEnv::new();
    let Scenario { draft, meeting, .. } = env.scenario();
    env.run(["update", "Outline written", "-m", "alex"])
        .success();
    env.run(["agenda", "What next?", "-m", "alex", "--on", "2026-11-24"])
        .success();
    env.run(["action", "add", "Loose one", "-m", "priya"])
        .success();
    env.run(["nudge", "off", "vague"]).success();
    let entry = env.read(NOVEMBER);
    let entry_id = entry
        .lines()
        .find_map(|l| l.strip_prefix("id = \""))
        .expect("an entry id")
        .trim_end_matches('"')
        .to_string();
    let editor = tagging_editor(&env);
    let editor = path_str(&editor);
    let cases: [(&[&str], &str); 10] = [
        (&["edit", "mentors"], "mentors.toml"),
        (&["edit", "next"], "meetings/next-alex-kim.toml"),
        (
            &["edit", "next", "-m", "alex"],
            "meetings/next-alex-kim.toml",
        ),
        (&["edit", "2026-11-10"], MEETING_FILE),
        (&["edit", &meeting], MEETING_FILE),
        (&["edit", &draft[..4]], MEETING_FILE),
        (&["edit", &entry_id], NOVEMBER),
        (&["edit", "2026-11"], NOVEMBER),
        (&["edit", "actions"], "actions.toml"),
        (&["edit", "settings"], "settings.toml"),
    ];
    for (args, file) in cases {
        let before = env.read(file);
        run_with(&env, &[("EDITOR", editor)], args).success();
        let last = opened(&env).pop().expect("the editor ran");
        let name = Path::new(file).file_name();
        assert_eq!(
            Path::new(&last).file_name(),
            name,
            "mentee {}",
            args.join(" ")
        );
        assert_eq!(
            env.read(file),
            format!("{before}# edited by plain\n"),
            "mentee {}",
            args.join(" ")
        );
    }
    // Every edited file still parses, and mentee reads it as before.
    env.run(["log"]).success().stdout_has("Outline written");

    let refused: [(&[&str], &str); 4] = [
        (&["edit", "later"], "does not exist yet"),
        (&["edit", "2026-12"], "does not exist yet"),
        (&["edit", "2026-11-11"], "no meeting on 2026-11-11"),
        (&["edit", "nothing-like-this"], "nothing to edit is called"),
    ];
    let before = opened(&env).len();
    for (args, message) in refused {
        run_with(&env, &[("EDITOR", editor)], args)
            .failure_code(1)
            .stderr_has(message)
            .stderr_has("hint: ");
    }
    assert_eq!(opened(&env).len(), before, "no editor for a refused edit");
}

#[test]
fn a_broken_edit_fails_with_file_line_and_column_and_is_kept() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let lines = env.read("mentors.toml").lines().count();
    let editor = breaking_editor(&env);
    let path = env.path("mentors.toml");
    let run = run_with(&env, &[("EDITOR", path_str(&editor))], &["edit"])
        .failure_code(1)
        .stdout_is_empty()
        .stderr_has(&format!("error: {}:{}:", path.display(), lines + 1))
        .stderr_has("kept as it is");
    assert!(!run.stderr().contains("parses;"), "{}", run.stderr());
    let broken = env.read("mentors.toml");
    assert!(broken.ends_with("oops = \n"), "{broken}");

    // The next command that would write the file refuses, and leaves it alone.
    env.run(["mentor", "add", "Priya Natarajan"])
        .failure_code(1)
        .stderr_has(&format!("{}:{}:", path.display(), lines + 1));
    assert_eq!(env.read("mentors.toml"), broken);
}

/// An editor that, while "open", lets another terminal log an update, then
/// saves its own version blindly, as an editor that had the file open does.
fn blind_saving_editor(env: &TestEnv) -> PathBuf {
    script(
        env,
        "blind-editor",
        &format!(
            "mine=$(cat \"$1\")\n\
             '{mentee}' update 'Logged while the editor was open' || exit 5\n\
             printf '%s\\n# my own edit\\n' \"$mine\" > \"$1\"\n",
            mentee = env!("CARGO_BIN_EXE_mentee")
        ),
    )
}

#[test]
fn a_write_made_while_the_editor_is_open_is_kept_and_so_is_the_edit() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["update", "First"]).success();
    let editor = blind_saving_editor(&env);
    let real = env.path(NOVEMBER);
    let yours = env.path(&format!("{NOVEMBER}.your-edit"));
    run_with(&env, &[("EDITOR", path_str(&editor))], &["edit", "2026-11"])
        .failure_code(1)
        .stderr_has("changed while your editor was open")
        .stderr_has(&format!("diff -u {} {}", real.display(), yours.display()))
        .stderr_has(&format!("mentee edit {}", real.display()))
        .stderr_lacks("parses;");
    // The update logged meanwhile is in the journal, untouched...
    let journal = env.read(NOVEMBER);
    assert!(
        journal.contains("Logged while the editor was open"),
        "{journal}"
    );
    assert!(!journal.contains("# my own edit"), "{journal}");
    // ...and the editor's version is kept beside it, not read as data.
    let mine = env.read(&format!("{NOVEMBER}.your-edit"));
    assert!(
        mine.contains("First") && mine.ends_with("# my own edit\n"),
        "{mine}"
    );
    env.run(["log"])
        .success()
        .stdout_has("Logged while the editor was open")
        .stderr_lacks("your-edit");
}

#[test]
fn a_broken_journal_month_is_not_appended_to() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env.run(["update", "First"]).success();
    let editor = breaking_editor(&env);
    run_with(&env, &[("EDITOR", path_str(&editor))], &["edit", "2026-11"])
        .failure_code(1)
        .stderr_has("2026-11.toml:");
    let broken = env.read(NOVEMBER);
    env.run(["update", "Second"])
        .failure_code(1)
        .stderr_has("2026-11.toml:");
    assert_eq!(env.read(NOVEMBER), broken);
}

#[test]
fn a_failing_editor_is_reported() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let before = env.read("mentors.toml");
    let editor = script(&env, "failing-editor", "exit 4\n");
    run_with(&env, &[("EDITOR", path_str(&editor))], &["edit"])
        .failure_code(1)
        .stderr_has("failed")
        .stderr_has("$EDITOR");
    run_with(&env, &[("EDITOR", "/no/such/editor-anywhere")], &["edit"])
        .failure_code(1)
        .stderr_has("/no/such/editor-anywhere");
    assert_eq!(env.read("mentors.toml"), before);
}

/// An editor that breaks the file the first time and repairs it the second.
fn break_then_fix_editor(env: &TestEnv) -> PathBuf {
    let mark = env.scratch("broken-once");
    script(
        env,
        "break-then-fix",
        &format!(
            "if [ -e '{mark}' ]; then\n\
               grep -v '^oops' \"$1\" > \"$1.new\" && cat \"$1.new\" > \"$1\" && rm \"$1.new\"\n\
             else\n\
               : > '{mark}'\n\
               printf 'oops = \\n' >> \"$1\"\n\
             fi\n",
            mark = mark.display()
        ),
    )
}

fn spawn(env: &TestEnv, vars: &[(&str, &str)], args: &[&str]) -> PtySession {
    let mut cmd = env.std_command(args);
    for (name, value) in vars {
        cmd.env(name, value);
    }
    spawn_command(cmd, Some(PROMPT_TIMEOUT_MS)).expect("mentee starts in a terminal")
}

fn exit_code(mut session: PtySession) -> (i32, String) {
    let rest = session.exp_eof().expect("mentee ends");
    match session.process().wait().expect("the exit status") {
        WaitStatus::Exited(_, code) => (code, rest),
        other => panic!("mentee ended with {other:?}:\n{rest}"),
    }
}

#[test]
fn on_a_terminal_a_broken_edit_offers_to_reopen_the_file() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let before = env.read("mentors.toml");
    let editor = break_then_fix_editor(&env);
    let mut session = spawn(&env, &[("EDITOR", path_str(&editor))], &["edit"]);
    session
        .exp_string("Open it again to fix it?")
        .expect("the offer to reopen");
    session.send("y").expect("answer yes");
    session.flush().expect("flush");
    let (code, rest) = exit_code(session);
    assert_eq!(code, 0, "{rest}");
    assert!(rest.contains("parses"), "{rest}");
    assert_eq!(env.read("mentors.toml"), before);
}

#[test]
fn on_a_terminal_declining_to_reopen_keeps_the_broken_file() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let editor = breaking_editor(&env);
    let mut session = spawn(&env, &[("EDITOR", path_str(&editor))], &["edit"]);
    session
        .exp_string("Open it again to fix it?")
        .expect("the offer to reopen");
    session.send("n").expect("answer no");
    session.flush().expect("flush");
    let (code, rest) = exit_code(session);
    assert_eq!(code, 1, "{rest}");
    assert!(rest.contains("kept as it is"), "{rest}");
    assert!(env.read("mentors.toml").ends_with("oops = \n"));
}

// ---- long texts in the editor ----------------------------------------------

#[test]
fn a_long_text_left_out_without_a_terminal_fails_at_once() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let editor = tagging_editor(&env);
    for command in ["update", "note", "thanks"] {
        run_with(&env, &[("EDITOR", path_str(&editor))], &[command])
            .failure_code(2)
            .stderr_has("needs its TEXT")
            .stderr_has(&format!("mentee {command} \""));
    }
    assert!(opened(&env).is_empty(), "no editor without a terminal");
    assert!(!env.exists(NOVEMBER));
    // `-` still reads the text from standard input.
    let mut cmd = env.command(["update", "-"]);
    cmd.write_stdin("From a pipe\n");
    Run::from_command(cmd, &["update".into(), "-".into()]).success();
    assert!(env.read(NOVEMBER).contains("From a pipe"));
}

#[test]
fn on_a_terminal_a_left_out_text_is_written_in_the_editor() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let tmp = env.scratch("tmp");
    fs::create_dir(&tmp).expect("a temporary folder");
    let editor = script(
        &env,
        "write-editor",
        &format!(
            "case \"$1\" in '{}'/*) ;; *) exit 6 ;; esac\n\
             grep -q \"Lines starting with '#'\" \"$1\" || exit 5\n\
             printf 'Shipped the split\\n# not part of it\\nsecond line\\n' > \"$1\"\n",
            tmp.display()
        ),
    );
    let session = spawn(
        &env,
        &[("EDITOR", path_str(&editor)), ("TMPDIR", path_str(&tmp))],
        &["update", "--win"],
    );
    let (code, rest) = exit_code(session);
    assert_eq!(code, 0, "{rest}");
    assert!(rest.contains("Logged the win for Alex Kim"), "{rest}");
    let journal = env.read(NOVEMBER);
    assert!(
        journal.contains("text = \"\"\"\nShipped the split\nsecond line\"\"\""),
        "{journal}"
    );
    // The text was written in the temporary folder, and the file is gone.
    let left = fs::read_dir(&tmp).expect("the temporary folder").count();
    assert_eq!(left, 0);
}

#[test]
fn on_a_terminal_an_empty_text_logs_nothing() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let editor = script(&env, "empty-editor", "true\n");
    let session = spawn(&env, &[("EDITOR", path_str(&editor))], &["thanks"]);
    let (code, rest) = exit_code(session);
    assert_eq!(code, 1, "{rest}");
    assert!(rest.contains("empty; nothing was logged"), "{rest}");
    assert!(!env.exists(NOVEMBER));
}

// ---- completions and manual pages ------------------------------------------

#[test]
fn completions_for_every_shell_name_the_commands() {
    let env = TestEnv::new();
    // PowerShell and Elvish get a fixed script that lists the commands.
    for shell in ["powershell", "elvish"] {
        let run = env
            .run(["completions", shell])
            .success()
            .stdout_has("agenda")
            .stdout_has("meet")
            .stdout_has("summary");
        assert!(run.stdout().len() > 500, "{shell}: {}", run.stdout());
    }
    // Bash, zsh and fish get a script that asks mentee as you type; what
    // it asks for is what the command line has, commands included.
    for (shell, registers) in [
        ("bash", "-F _clap_complete_mentee mentee"),
        ("zsh", "compdef _clap_dynamic_completer_mentee mentee"),
        ("fish", "complete --keep-order --exclusive --command mentee"),
    ] {
        env.run(["completions", shell])
            .success()
            .stdout_has(registers)
            .stdout_has("COMPLETE=")
            .stdout_has(env!("CARGO_BIN_EXE_mentee"));
        let mut asked = env.command(["--", "mentee", ""]);
        asked
            .env("COMPLETE", shell)
            .env("_CLAP_COMPLETE_INDEX", "1");
        Run::from_command(asked, &["COMPLETE".into(), shell.into()])
            .success()
            .stdout_has("agenda")
            .stdout_has("meet")
            .stdout_has("summary");
    }
    env.run(["completions", "tcsh"]).failure_code(2);
    assert!(!env.dir().exists());
}

// ---- completions that know the journal -------------------------------------

/// What bash completes for `words` (the last one being completed), through
/// the function of the script `mentee completions bash` prints, as bash
/// calls it on Tab: COMP_WORDS and COMP_CWORD set, then COMPREPLY read.
fn bash_completes(env: &TestEnv, vars: &[(&str, &str)], words: &[&str]) -> Vec<String> {
    let quoted: Vec<String> = words
        .iter()
        .map(|w| format!("'{}'", w.replace('\'', "'\\''")))
        .collect();
    let script = format!(
        "source <('{mentee}' completions bash) || exit 9\n\
         COMP_WORDS=({words})\n\
         COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))\n\
         COMP_LINE=\"${{COMP_WORDS[*]}}\"\n\
         COMP_POINT=${{#COMP_LINE}}\n\
         COMP_TYPE=9\n\
         _clap_complete_mentee mentee \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        mentee = env!("CARGO_BIN_EXE_mentee"),
        words = quoted.join(" "),
    );
    let mut bash = std::process::Command::new("bash");
    bash.env_clear()
        .envs(env.environment())
        .envs(vars.iter().copied())
        .args(["--noprofile", "--norc", "-c", &script]);
    let out = bash.output().expect("bash runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && stderr.is_empty(), "{stderr}");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// `COMPLETE=SHELL mentee -- WORDS`, as the zsh and fish scripts run it;
/// the last word is the one being completed.
fn asked(env: &TestEnv, shell: &str, words: &[&str]) -> Run {
    let mut args = vec!["--"];
    args.extend(words);
    let mut cmd = env.command(&args);
    let index = (words.len() - 1).to_string();
    cmd.env("COMPLETE", shell)
        .env("_CLAP_COMPLETE_INDEX", &index);
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    Run::from_command(cmd, &args)
}

#[track_caller]
fn quiet(run: Run) -> Run {
    assert!(run.stderr().is_empty(), "{}", run.stderr());
    run
}

#[test]
fn bash_completes_mentor_names_after_m() {
    let mut env = TestEnv::new();
    env.scenario();
    env.run(["mentor", "end", "priya", "--on", "2026-11-10"])
        .success();
    let all = bash_completes(&env, &[], &["mentee", "log", "-m", ""]);
    assert_eq!(all, ["alex-kim", "priya-natarajan"], "active first");
    assert_eq!(
        bash_completes(&env, &[], &["mentee", "summary", "--mentor", "Pri"]),
        ["priya-natarajan"],
        "the name matches too, in any case"
    );
    assert_eq!(
        bash_completes(&env, &[], &["mentee", "mentor", "end", "a"]),
        ["alex-kim"]
    );
    // A folder typed with --dir is the one read.
    let other = env.scratch("other");
    let other = path_str(&other);
    env.run(["--dir", other, "mentor", "add", "Sam Lee"])
        .success();
    assert_eq!(
        bash_completes(&env, &[], &["mentee", "--dir", other, "update", "-m", ""]),
        ["sam-lee"]
    );
}

#[test]
fn bash_completes_open_commitment_ids_after_action_done() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    let ids = |words: &[&str]| -> Vec<String> {
        bash_completes(&env, &[], words)
            .into_iter()
            .filter(|w| !w.starts_with('-'))
            .collect()
    };
    let open = ids(&["mentee", "action", "done", ""]);
    assert_eq!(open.len(), 2, "{open:?}");
    assert!(open.contains(&draft) && open.contains(&read), "{open:?}");
    assert_eq!(
        ids(&["mentee", "action", "drop", &read[..3]]),
        [read.as_str()]
    );
    env.run(["action", "done", &draft]).success();
    assert_eq!(ids(&["mentee", "action", "done", ""]), [read.as_str()]);
    assert_eq!(ids(&["mentee", "action", "reopen", ""]), [draft.as_str()]);
    let every = ids(&["mentee", "action", "set", ""]);
    assert_eq!(every.len(), 2, "{every:?}");
}

#[test]
fn zsh_and_fish_show_each_id_with_its_text() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    quiet(asked(&env, "fish", &["mentee", "action", "done", ""]))
        .success()
        .stdout_has(&format!("{draft}\tDraft the split proposal\n"))
        .stdout_has(&format!("{read}\tRead chapter 4 of the design book\n"));
    asked(&env, "zsh", &["mentee", "action", "done", ""])
        .success()
        .stdout_has(&format!("{draft}:Draft the split proposal"));
    asked(&env, "fish", &["mentee", "log", "-m", ""])
        .success()
        .stdout_has("alex-kim\tAlex Kim\n")
        .stdout_has("priya-natarajan\tPriya Natarajan\n");

    let goal = env
        .run([
            "goal",
            "add",
            "Lead a design end to end",
            "--by",
            "2027-03-31",
        ])
        .success()
        .stdout()
        .trim()
        .to_string();
    let advice = env
        .run(["advice", "Ask for a deadline", "-m", "alex"])
        .success()
        .stdout()
        .trim()
        .to_string();
    asked(&env, "fish", &["mentee", "goal", "rate", ""])
        .success()
        .stdout_has(&format!("{goal}\tLead a design end to end\n"));
    asked(
        &env,
        "fish",
        &["mentee", "action", "add", "x", "--goal", ""],
    )
    .success()
    .stdout_has(&format!("{goal}\tLead a design end to end\n"));
    asked(&env, "fish", &["mentee", "outcome", ""])
        .success()
        .stdout_has(&format!("{advice}\tAsk for a deadline\n"))
        .stdout_lacks(&draft);
    // edit: the files it opens by name, then the records by ID.
    asked(&env, "fish", &["mentee", "edit", ""])
        .success()
        .stdout_has("mentors\tthe mentors file\n")
        .stdout_has(&format!("{draft}\tcommitment: Draft the split proposal\n"))
        .stdout_has(&format!("{goal}\tgoal: Lead a design end to end\n"))
        .stdout_has(&format!(
            "{advice}\tadvice 2026-11-11: Ask for a deadline\n"
        ));
    asked(&env, "fish", &["mentee", "edit", &advice[..3]])
        .success()
        .stdout_has(&format!("{advice}\t"))
        .stdout_lacks("mentors");
    // rm and entry set: any record by its ID; mentor set: the mentors.
    asked(&env, "fish", &["mentee", "rm", ""])
        .success()
        .stdout_has(&format!("{draft}\tcommitment: Draft the split proposal\n"))
        .stdout_has(&format!("{goal}\tgoal: Lead a design end to end\n"));
    asked(&env, "fish", &["mentee", "entry", "set", &advice[..3]])
        .success()
        .stdout_has(&format!("{advice}\t"));
    asked(&env, "fish", &["mentee", "mentor", "set", ""])
        .success()
        .stdout_has("alex-kim\t");
}

#[test]
fn a_completion_never_prints_an_error() {
    let mut env = TestEnv::new();
    let Scenario { draft, .. } = env.scenario();
    env.write("mentors.toml", "[[mentor]]\nname = \n");
    for words in [
        &["mentee", "log", "-m", ""][..],
        &["mentee", "action", "done", ""],
        &["mentee", "edit", ""],
    ] {
        quiet(asked(&env, "fish", words))
            .success()
            .stdout_lacks(&draft)
            .stdout_lacks("alex-kim");
    }
    assert_eq!(
        bash_completes(&env, &[], &["mentee", "log", "-m", ""]),
        Vec::<String>::new()
    );
    // A data folder that is not there, or a clock that cannot be read.
    let missing = env.scratch("missing");
    let missing = path_str(&missing);
    assert!(
        bash_completes(
            &env,
            &[("MENTEE_DIR", missing)],
            &["mentee", "log", "-m", ""]
        )
        .is_empty()
    );
    assert!(!Path::new(missing).exists(), "nothing is made");
    let run = asked(&env, "fish", &["mentee", "--dir", "/", "log", "-m", ""]);
    quiet(run).success().stdout_is_empty();
    env.write(
        "mentors.toml",
        "[[mentor]]\nname = \"Alex Kim\"\nslug = \"alex-kim\"\n",
    );
    assert_eq!(
        bash_completes(&env, &[], &["mentee", "log", "-m", ""]),
        ["alex-kim"]
    );
    assert!(
        bash_completes(
            &env,
            &[("MENTEE_TODAY", "soon")],
            &["mentee", "log", "-m", ""]
        )
        .is_empty()
    );
}

/// The `.TH` title line of a manual page; it comes before any section.
#[track_caller]
fn title(page: &str) -> &str {
    let th = page
        .lines()
        .position(|l| l.starts_with(".TH "))
        .expect("a .TH line");
    let first_section = page
        .lines()
        .position(|l| l.starts_with(".SH "))
        .expect("a section");
    assert!(th < first_section, "{page}");
    page.lines().nth(th).unwrap_or_default()
}

#[test]
fn man_prints_the_main_page_or_writes_one_per_command() {
    let env = TestEnv::new();
    let run = env.run(["man"]).success();
    assert!(title(&run.stdout()).starts_with(".TH mentee 1"));

    let out = env.scratch("man");
    env.run(["man", "--out-dir", path_str(&out)])
        .success()
        .stdout_is_empty()
        .stderr_has("manual pages");
    for (file, command) in [
        ("mentee.1", "mentee"),
        ("mentee-agenda.1", "mentee-agenda"),
        ("mentee-action-add.1", "mentee-action-add"),
        ("mentee-mentor-list.1", "mentee-mentor-list"),
        ("mentee-edit.1", "mentee-edit"),
        ("mentee-summary.1", "mentee-summary"),
    ] {
        let page = fs::read_to_string(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(
            title(&page).starts_with(&format!(".TH {command} 1")),
            "{file}"
        );
        // The NAME section, in roff, where a hyphen is written `\-`.
        let name = format!("{} \\-", command.replace('-', "\\-"));
        assert!(page.contains(&name), "{file} lacks {name}:\n{page}");
    }
    assert!(!out.join("mentee-help.1").exists());
    assert!(!env.dir().exists());
}

// ---- colour ----------------------------------------------------------------

/// A scenario whose "Draft the split proposal" is overdue on 2026-11-20.
fn overdue(env: &mut TestEnv) {
    env.scenario();
    env.today("2026-11-20");
}

#[test]
fn color_always_colours_overdue_commitments_and_statuses() {
    let mut env = TestEnv::new();
    overdue(&mut env);
    let out = env
        .run(["--color", "always", "action", "list"])
        .success()
        .stdout();
    let overdue_line = out
        .lines()
        .find(|l| l.contains("overdue"))
        .expect("an overdue row");
    assert!(overdue_line.contains(ESC), "{out:?}");
    env.run(["status", "--color", "always"])
        .success()
        .stdout_has(ESC);
}

#[test]
fn piped_output_has_no_colour_unless_forced() {
    let mut env = TestEnv::new();
    overdue(&mut env);
    env.run(["action", "list"]).success().stdout_lacks(ESC);
    env.run(["status"]).success().stdout_lacks(ESC);
    run_with(&env, &[("CLICOLOR_FORCE", "1")], &["action", "list"])
        .success()
        .stdout_has(ESC);
    run_with(&env, &[("CLICOLOR_FORCE", "0")], &["action", "list"])
        .success()
        .stdout_lacks(ESC);
    // NO_COLOR beats CLICOLOR_FORCE; the flag beats both.
    run_with(
        &env,
        &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")],
        &["action", "list"],
    )
    .success()
    .stdout_lacks(ESC);
    run_with(
        &env,
        &[("NO_COLOR", "1")],
        &["--color", "always", "action", "list"],
    )
    .success()
    .stdout_has(ESC);
    run_with(
        &env,
        &[("CLICOLOR_FORCE", "1")],
        &["--color", "never", "action", "list"],
    )
    .success()
    .stdout_lacks(ESC);
    // JSON is data: never coloured.
    env.run(["--color", "always", "action", "list", "--json"])
        .success()
        .stdout_lacks(ESC);
    env.run(["--color", "sometimes", "status"]).failure_code(2);
}

#[test]
fn on_a_terminal_colour_is_on_unless_no_color_is_set() {
    let mut env = TestEnv::new();
    overdue(&mut env);
    let coloured = exit_code(spawn(&env, &[], &["action", "list"]));
    assert_eq!(coloured.0, 0, "{}", coloured.1);
    assert!(coloured.1.contains(ESC), "{:?}", coloured.1);
    let plain = exit_code(spawn(&env, &[("NO_COLOR", "1")], &["action", "list"]));
    assert_eq!(plain.0, 0, "{}", plain.1);
    assert!(!plain.1.contains(ESC), "{:?}", plain.1);
}

// ---- configuration ---------------------------------------------------------

fn write_config(env: &TestEnv, text: &str) -> PathBuf {
    let path = env.home().join(".config/mentee/config.toml");
    fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
    fs::write(&path, text).expect("write config");
    path
}

#[test]
fn config_sets_the_signature_the_default_mentor_and_the_format() {
    let mut env = TestEnv::new();
    env.scenario();
    // Two active mentors: without a default, -m is needed.
    env.run(["summary"])
        .failure_code(1)
        .stderr_has("which mentor?");
    write_config(
        &env,
        "# my settings\nname = \"Sam\"\ndefault_mentor = \"alex\"\nsummary_format = \"text\"\n",
    );
    let out = env.run(["summary"]).success().stdout();
    assert!(out.starts_with("Progress update for Alex Kim"), "{out}");
    assert!(out.ends_with("\n\n— Sam\n"), "{out}");
    // The default applies only when -m is left out.
    env.run(["summary", "-m", "priya"])
        .success()
        .stdout_has("Progress update for Priya Natarajan");
    env.run(["action", "add", "Send the slides"])
        .success()
        .stderr_has("to Alex Kim");
    // JSON is not signed.
    env.run(["summary", "--json"]).success().stdout_lacks("Sam");
}

#[test]
fn flags_beat_environment_variables_which_beat_the_config_file() {
    let mut env = TestEnv::new();
    env.scenario();
    write_config(
        &env,
        "name = \"Sam\"\ndefault_mentor = \"alex\"\nsummary_format = \"text\"\n",
    );
    let vars = [
        ("MENTEE_NAME", "Kim"),
        ("MENTEE_MENTOR", "priya"),
        ("MENTEE_SUMMARY_FORMAT", "markdown"),
    ];
    let out = run_with(&env, &vars, &["summary"]).success().stdout();
    assert!(
        out.starts_with("# Progress update for Priya Natarajan"),
        "{out}"
    );
    assert!(out.ends_with("— Kim\n"), "{out}");
    let out = run_with(
        &env,
        &vars,
        &["summary", "-m", "alex", "--format", "text", "--sign", "Lee"],
    )
    .success()
    .stdout();
    assert!(out.starts_with("Progress update for Alex Kim"), "{out}");
    assert!(out.ends_with("— Lee\n"), "{out}");
    run_with(&env, &vars, &["summary", "--no-sign"])
        .success()
        .stdout_lacks("—");
    run_with(&env, &[("MENTEE_MENTOR", "zed")], &["summary"])
        .failure_code(1)
        .stderr_has("MENTEE_MENTOR")
        .stderr_has("zed");
    run_with(&env, &[("MENTEE_SUMMARY_FORMAT", "pdf")], &["summary"])
        .failure_code(1)
        .stderr_has("MENTEE_SUMMARY_FORMAT=pdf");
}

#[test]
fn a_broken_config_file_is_reported_with_line_and_column() {
    let env = TestEnv::new();
    let path = write_config(&env, "name = \"Sam\"\nsummary_format = \"pdf\"\n");
    env.run(["status"])
        .failure_code(1)
        .stderr_has(&format!("error: {}:2:18:", path.display()))
        .stderr_has("hint: ");
    write_config(&env, "name = \"Sam\"\ndefault_mentr = \"alex\"\n");
    env.run(["status"])
        .failure_code(1)
        .stderr_has(&format!("{}:2:1:", path.display()))
        .stderr_has("default_mentr");
    write_config(&env, "name = Sam\n");
    env.run(["status"])
        .failure_code(1)
        .stderr_has(&format!("{}:1:8:", path.display()));
    // Shell setup and the manual need no settings, and do not stop for them.
    env.run(["completions", "bash"])
        .success()
        .stdout_has("_mentee");
    env.run(["man", "--out-dir", path_str(&env.scratch("man"))])
        .success();
}

#[test]
fn mentee_config_points_to_another_file_which_must_exist() {
    let mut env = TestEnv::new();
    env.scenario();
    let elsewhere = env.scratch("elsewhere.toml");
    fs::write(&elsewhere, "name = \"Robin\"\n").expect("write");
    run_with(
        &env,
        &[("MENTEE_CONFIG", path_str(&elsewhere))],
        &["summary", "-m", "alex"],
    )
    .success()
    .stdout_has("— Robin");
    let missing = env.scratch("missing.toml");
    run_with(&env, &[("MENTEE_CONFIG", path_str(&missing))], &["status"])
        .failure_code(1)
        .stderr_has(path_str(&missing))
        .stderr_has("hint: create that file, or unset MENTEE_CONFIG");
}

#[test]
fn the_new_commands_have_help_with_examples() {
    let env = TestEnv::new();
    for command in ["edit", "completions", "man"] {
        env.run([command, "--help"])
            .success()
            .stdout_has(&format!("Usage: mentee {command}"))
            .stdout_has("Example");
    }
    env.run(["--help"])
        .success()
        .stdout_has("--color")
        .stdout_has("MENTEE_CONFIG");
}
