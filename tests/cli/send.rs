//! `summary` and `review` sent on their way: `--eml` (a draft email that a
//! mail client opens ready to send), `--send` (through the mail command) and
//! `--copy` (the terminal's clipboard, by OSC 52).

use crate::interactive::{PROMPT_TIMEOUT_MS, wait_until_raw};
use crate::support::TestEnv;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use mail_parser::{Message, MessageParser, MimeHeaders};
use rexpect::process::WaitStatus;
use rexpect::session::spawn_command;
use std::fs;
use std::path::{Path, PathBuf};

const ADDRESS: &str = "alex@example.com";

/// One mentor, Alex Kim (with an email address when `email`), and one
/// update whose text holds something that looks like HTML.
fn with_alex(email: bool) -> TestEnv {
    let env = TestEnv::new();
    let extra: &[&str] = if email { &["--email", ADDRESS] } else { &[] };
    env.mentor("Alex Kim", extra);
    env.run(["update", "Split the billing service; Vec<Invoice> is gone"])
        .success();
    env
}

fn write_config(env: &TestEnv, text: &str) {
    let path = env.home().join(".config/mentee/config.toml");
    fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
    fs::write(&path, text).expect("write config");
}

/// Configures as `mail_command` a script that records its arguments and
/// what it reads; returns the folder where it leaves them.
fn recording_mail_command(env: &TestEnv) -> PathBuf {
    let dir = env.scratch("mail");
    fs::create_dir_all(&dir).expect("mkdir");
    let script = dir.join("fake sendmail");
    fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{dir}/args'\ncat > '{dir}/stdin'\n",
            dir = dir.display()
        ),
    )
    .expect("write the script");
    make_executable(&script);
    write_config(
        env,
        &format!("mail_command = \"'{}' -t -i\"\n", script.display()),
    );
    dir
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o755)).expect("chmod");
}

fn parse(bytes: &[u8]) -> Message<'_> {
    MessageParser::default()
        .parse(bytes)
        .expect("the email parses")
}

/// Checks everything the draft of `printed` (what the command prints with
/// the same flags) must be, and returns its HTML part.
#[track_caller]
fn assert_draft(message: &Message<'_>, title: &str, printed: &str) -> String {
    assert_eq!(
        message.header("X-Unsent").and_then(|value| value.as_text()),
        Some("1"),
        "a draft for a mail client says it is unsent"
    );
    assert_email(message, title, printed)
}

/// [`assert_draft`] for a message handed to the mail command: the same,
/// but not marked unsent (it is being sent).
#[track_caller]
fn assert_sent(message: &Message<'_>, title: &str, printed: &str) -> String {
    assert!(
        message.header("X-Unsent").is_none(),
        "a sent message is not a draft"
    );
    assert_email(message, title, printed)
}

#[track_caller]
fn assert_email(message: &Message<'_>, title: &str, printed: &str) -> String {
    let to = message.to().and_then(|to| to.first()).expect("a To header");
    assert_eq!(to.address(), Some(ADDRESS));
    assert_eq!(to.name(), Some("Alex Kim"));
    assert_eq!(message.subject(), Some(title));
    assert!(message.date().is_some(), "a Date header");
    assert!(message.message_id().is_some(), "a Message-ID header");
    let root = message.root_part().content_type().expect("a content type");
    assert_eq!(
        (root.ctype(), root.subtype()),
        ("multipart", Some("alternative"))
    );
    let kinds: Vec<(String, String)> = message.parts[1..]
        .iter()
        .map(|part| {
            let kind = part.content_type().expect("a content type");
            (
                kind.ctype().to_string(),
                kind.subtype().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("text".to_string(), "plain".to_string()),
            ("text".to_string(), "html".to_string())
        ]
    );
    let plain = message.parts[1].text_contents().expect("plain text");
    assert_eq!(plain.replace("\r\n", "\n"), printed);
    message.parts[2]
        .text_contents()
        .expect("HTML")
        .replace("\r\n", "\n")
}

#[test]
fn summary_eml_writes_a_private_draft_to_the_mentor_with_text_and_html() {
    let env = with_alex(true);
    let markdown = env
        .run(["summary", "--format", "markdown"])
        .success()
        .stdout();
    let title = "Progress update for Alex Kim, until 2026-11-10";
    assert!(markdown.starts_with(&format!("# {title}\n")), "{markdown}");
    let file = env.scratch("update.eml");
    env.run(["summary", "--eml", file.to_str().expect("UTF-8")])
        .success()
        .stdout_is_empty()
        .stderr_has("as a draft email to");
    let bytes = fs::read(&file).expect("the draft");
    let html = assert_draft(&parse(&bytes), title, &markdown);
    assert!(
        html.contains(&format!("<h1>{title}</h1>")),
        "the Markdown becomes HTML: {html}"
    );
    assert!(
        html.contains("<li>2026-11-10: Split the billing service"),
        "{html}"
    );
    assert!(
        html.contains("Vec&lt;Invoice&gt;"),
        "HTML in a text is shown: {html}"
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(&file).expect("metadata").permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "only the user can read the draft");
}

#[test]
fn summary_eml_dash_writes_the_draft_to_standard_output_in_the_chosen_format() {
    let env = with_alex(true);
    let text = env.run(["summary", "--format", "text"]).success().stdout();
    let out = env
        .run(["summary", "--format", "text", "--eml", "-"])
        .success();
    let stdout = out.stdout();
    let html = assert_draft(
        &parse(stdout.as_bytes()),
        "Progress update for Alex Kim, until 2026-11-10",
        &text,
    );
    // The HTML is made from the Markdown whatever the plain part holds.
    assert!(html.contains("<h1>Progress update"), "{html}");
}

#[test]
fn an_email_holds_markdown_or_text_not_json() {
    let env = with_alex(true);
    env.run(["summary", "--json", "--eml", "-"])
        .failure_code(1)
        .stdout_is_empty()
        .stderr_has("not JSON");
}

#[test]
fn summary_send_hands_the_email_to_the_mail_command() {
    let env = with_alex(true);
    let mail = recording_mail_command(&env);
    let markdown = env.run(["summary"]).success().stdout();
    env.run(["summary", "--send", "--yes"])
        .success()
        .stdout_is_empty()
        .stderr_has("Sent the summary to Alex Kim <alex@example.com>");
    assert_eq!(
        fs::read_to_string(mail.join("args")).expect("args"),
        "-t\n-i\n"
    );
    let sent = fs::read(mail.join("stdin")).expect("the message read");
    assert_sent(
        &parse(&sent),
        "Progress update for Alex Kim, until 2026-11-10",
        &markdown,
    );
}

#[test]
fn send_off_a_terminal_needs_yes() {
    let env = with_alex(true);
    let mail = recording_mail_command(&env);
    env.run(["summary", "--send"])
        .failure_code(1)
        .stderr_has("no terminal to ask on")
        .stderr_has("hint: add --yes");
    assert!(!mail.join("stdin").exists(), "nothing was handed over");
}

#[test]
fn a_failing_mail_command_is_reported_with_its_status_and_its_words() {
    let env = with_alex(true);
    write_config(
        &env,
        "mail_command = \"cat > /dev/null; echo 'relay refused the message' >&2; exit 75\"\n",
    );
    env.run(["summary", "--send", "--yes"])
        .failure_code(1)
        .stderr_has("failed (exit status: 75)")
        .stderr_has("relay refused the message")
        .stderr_has("hint: the email may not have been sent: fix the command (mail_command in ");
    // The hint points where the command came from.
    let run = env
        .std_command(["summary", "--send", "--yes"])
        .env("MENTEE_MAIL_COMMAND", "cat > /dev/null; exit 75")
        .output()
        .expect("mentee runs");
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains(
            "hint: the email may not have been sent: fix the command (MENTEE_MAIL_COMMAND)"
        ),
        "{stderr}"
    );
}

#[test]
fn without_an_email_address_nothing_is_written_or_sent() {
    let env = with_alex(false);
    let mail = recording_mail_command(&env);
    let file = env.scratch("update.eml");
    env.run(["summary", "--eml", file.to_str().expect("UTF-8")])
        .failure_code(1)
        .stderr_has("Alex Kim has no email address")
        .stderr_has("hint: add one with: mentee mentor set alex-kim --email ADDRESS");
    assert!(!file.exists());
    env.run(["summary", "--send", "--yes"])
        .failure_code(1)
        .stderr_has("Alex Kim has no email address")
        .stderr_has("mentee mentor set alex-kim --email ADDRESS");
    env.run(["review", "--send", "--yes"])
        .failure_code(1)
        .stderr_has("no email address to send the review to");
    assert!(!mail.join("stdin").exists());
}

#[test]
fn an_address_that_is_not_one_is_refused() {
    let env = with_alex(false);
    let mentors = env.read("mentors.toml");
    env.write(
        "mentors.toml",
        &mentors.replace(
            "slug = \"alex-kim\"\n",
            "slug = \"alex-kim\"\nemail = \"alex@example.com, boss@example.com\"\n",
        ),
    );
    env.run(["summary", "--eml", "-"])
        .failure_code(1)
        .stdout_is_empty()
        .stderr_has("is not one address");
    // Typed with mentor add or set, it is refused at once.
    let before = env.read("mentors.toml");
    for (command, typed) in [
        (
            &["mentor", "set", "alex"][..],
            "alex@example.com, boss@example.com",
        ),
        (&["mentor", "set", "alex"], "Alex <alex@example.com>"),
        (
            &["mentor", "add", "Sam Lee"],
            "sam@example.com; boss@example.com",
        ),
    ] {
        let mut args = command.to_vec();
        args.extend(["--email", typed]);
        env.run(&args)
            .failure_code(1)
            .stderr_has(&format!(
                "--email {typed:?} is not one address like name@example.com"
            ))
            .stderr_has("hint: give the address alone");
        assert_eq!(env.read("mentors.toml"), before, "{args:?}");
    }
    env.run(["mentor", "set", "alex", "--email", " alex@example.com "])
        .success();
    assert!(
        env.read("mentors.toml")
            .contains("email = \"alex@example.com\"")
    );
}

#[test]
fn an_empty_summary_is_not_sent() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &["--email", ADDRESS]);
    let mail = recording_mail_command(&env);
    env.run(["summary", "--send", "--yes"])
        .failure_code(1)
        .stderr_has("nothing to report");
    assert!(!mail.join("stdin").exists());
}

#[test]
fn review_eml_and_send_carry_the_review() {
    let env = with_alex(true);
    env.run(["meet"]).success();
    let markdown = env.run(["review", "--mid"]).success().stdout();
    let title = "Mid-term review of my mentorship with Alex Kim, 2026-11-10 to 2026-11-10";
    assert!(markdown.starts_with(&format!("# {title}\n")), "{markdown}");
    let out = env.run(["review", "--mid", "--eml"]).success();
    let stdout = out.stdout();
    let html = assert_draft(&parse(stdout.as_bytes()), title, &markdown);
    assert!(html.contains(&format!("<h1>{title}</h1>")), "{html}");

    let mail = recording_mail_command(&env);
    env.run(["review", "--mid", "--send"])
        .failure_code(1)
        .stderr_has("hint: add --yes");
    env.run(["review", "--mid", "--send", "--yes"])
        .success()
        .stderr_has("Sent the review to Alex Kim <alex@example.com>");
    let sent = fs::read(mail.join("stdin")).expect("the message read");
    assert_sent(&parse(&sent), title, &markdown);
}

#[test]
fn copy_off_a_terminal_is_refused_with_a_pipe_to_use_instead() {
    let env = with_alex(true);
    env.run(["summary", "--copy"])
        .failure_code(1)
        .stdout_is_empty()
        .stderr_has("standard output is not a terminal")
        .stderr_has("hint: pipe it to a clipboard program instead: mentee summary | pbcopy");
    env.run(["review", "--copy"])
        .failure_code(1)
        .stderr_has("mentee review | pbcopy");
}

/// Runs `mentee ARGS` in a terminal, with `TMUX` set when `tmux`, and
/// returns all it printed.
fn on_a_terminal(env: &TestEnv, args: &[&str], tmux: bool) -> String {
    let mut command = env.std_command(args);
    if tmux {
        command.env("TMUX", "/tmp/tmux-0/default,1234,0");
    }
    let mut session =
        spawn_command(command, Some(PROMPT_TIMEOUT_MS)).expect("mentee starts in a terminal");
    let printed = session.exp_eof().expect("mentee ends");
    match session.process().wait().expect("the exit status") {
        WaitStatus::Exited(_, 0) => printed,
        other => panic!("ended with {other:?}:\n{printed}"),
    }
}

#[test]
fn copy_on_a_terminal_sends_the_summary_by_osc_52() {
    let env = with_alex(true);
    let summary = env.run(["summary"]).success().stdout();
    let encoded = STANDARD.encode(&summary);
    let printed = on_a_terminal(&env, &["summary", "--copy"], false);
    assert!(
        printed.contains(&format!("\x1b]52;c;{encoded}\x07")),
        "{printed:?}"
    );
    assert!(printed.contains("Copied the summary"), "{printed:?}");
    assert!(
        !printed.contains("# Progress update"),
        "only the sequence goes to the terminal: {printed:?}"
    );
    // Inside tmux, wrapped for tmux to pass on.
    let printed = on_a_terminal(&env, &["summary", "--copy"], true);
    assert!(
        printed.contains(&format!("\x1bPtmux;\x1b\x1b]52;c;{encoded}\x07\x1b\\")),
        "{printed:?}"
    );
    // The review too, in the format asked for.
    let review = env.run(["review", "--format", "text"]).success().stdout();
    let printed = on_a_terminal(&env, &["review", "--format", "text", "--copy"], false);
    assert!(
        printed.contains(&format!("\x1b]52;c;{}\x07", STANDARD.encode(&review))),
        "{printed:?}"
    );
}

#[test]
fn send_on_a_terminal_asks_first() {
    let env = with_alex(true);
    let mail = recording_mail_command(&env);
    for (key, sent) in [("n", false), ("y", true)] {
        let mut session = spawn_command(
            env.std_command(["summary", "--send"]),
            Some(PROMPT_TIMEOUT_MS),
        )
        .expect("mentee starts in a terminal");
        session
            .exp_string("to Alex Kim <alex@example.com>")
            .expect("the question names the recipient");
        wait_until_raw(&mut session);
        session.send(key).expect("answer");
        session.flush().expect("flush");
        let rest = session.exp_eof().expect("mentee ends");
        assert_eq!(mail.join("stdin").exists(), sent, "{key}: {rest}");
        let said = if sent {
            "Sent the summary"
        } else {
            "Nothing was sent"
        };
        assert!(rest.contains(said), "{key}: {rest}");
    }
}
