//! `mentee meet` on a real (pseudo-)terminal: it asks what became of each
//! open commitment and records the answers, on the commitment and in the
//! check-in of the meeting.

use crate::support::{Scenario, TestEnv, commitment};
use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};
use serde_json::{Value, json};

/// How long to wait for any one prompt: generous, so a slow machine passes.
pub const PROMPT_TIMEOUT_MS: u64 = 20_000;

const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";

const HELD_24: &str = "meetings/2026/2026-11-24-alex-kim.toml";

/// The choices, in the order the prompt offers them.
#[derive(Debug, Clone, Copy)]
enum Answer {
    Done,
    InProgress,
    Blocked,
    Dropped,
    Skip,
}

impl Answer {
    /// How the prompt shows the choice once it is made.
    fn label(self) -> &'static str {
        match self {
            Answer::Done => "done",
            Answer::InProgress => "in progress",
            Answer::Blocked => "blocked",
            Answer::Dropped => "dropped",
            Answer::Skip => "skip for now",
        }
    }

    fn downs(self) -> usize {
        match self {
            Answer::Done => 0,
            Answer::InProgress => 1,
            Answer::Blocked => 2,
            Answer::Dropped => 3,
            Answer::Skip => 4,
        }
    }
}

fn start_meeting(env: &TestEnv) -> PtySession {
    spawn_command(
        env.std_command(["meet", "-m", "alex"]),
        Some(PROMPT_TIMEOUT_MS),
    )
    .expect("mentee meet starts in a terminal")
}

/// Waits for the next commitment's prompt and tells which one it asks about:
/// the reminder names every ID once, the prompt names its own again.
fn next_question(session: &mut PtySession, ids: &[&str], seen: &mut String) -> String {
    let before = session
        .exp_string("skip for now")
        .expect("a prompt offering done / in progress / blocked / dropped / skip");
    seen.push_str(&before);
    let asked: Vec<&&str> = ids
        .iter()
        .filter(|id| before.contains(&format!("[{id}]")))
        .collect();
    // The first prompt's output also holds the reminder; the prompt comes last.
    let last = asked
        .iter()
        .max_by_key(|id| before.rfind(&format!("[{id}]")))
        .unwrap_or_else(|| panic!("no commitment ID in the prompt:\n{before}"));
    last.to_string()
}

/// Picks `answer` for the commitment `id` is asking about, then gives the note.
fn answer(session: &mut PtySession, id: &str, answer: Answer, note: Option<&str>) {
    let keys = format!("{}{ENTER}", DOWN.repeat(answer.downs()));
    session.send(&keys).expect("send the choice");
    session.flush().expect("flush");
    // The prompt is replaced by one line with the choice made: wait for it, so
    // that the menu redrawn while moving through it is behind us.
    session
        .exp_regex(&format!(r"\[{id}\][^\n]*{}", answer.label()))
        .unwrap_or_else(|err| panic!("the choice {answer:?} for {id} was not confirmed: {err}"));
    if let Answer::Skip = answer {
        return;
    }
    session
        .exp_string("Note (optional)")
        .expect("the note prompt");
    session
        .send(&format!("{}{ENTER}", note.unwrap_or_default()))
        .expect("send the note");
    session.flush().expect("flush");
}

fn finish(mut session: PtySession) -> String {
    let rest = session.exp_eof().expect("mentee meet ends");
    match session.process().wait().expect("the exit status") {
        WaitStatus::Exited(_, 0) => rest,
        other => panic!("mentee meet ended with {other:?}:\n{rest}"),
    }
}

fn history(env: &TestEnv, id: &str) -> (Value, Value) {
    let doc = env.json(["action", "list", "--all", "--json"]);
    let c = commitment(&doc, id);
    (c["status"].clone(), c["history"].clone())
}

#[test]
fn the_answers_are_recorded_on_each_commitment_and_in_the_check_in() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    env.today("2026-11-24");
    let mut session = start_meeting(&env);
    let ids = [draft.as_str(), read.as_str()];
    let mut seen = String::new();
    for _ in 0..2 {
        let asked = next_question(&mut session, &ids, &mut seen);
        if asked == draft {
            answer(
                &mut session,
                &asked,
                Answer::InProgress,
                Some("halfway there"),
            );
        } else {
            answer(
                &mut session,
                &asked,
                Answer::Done,
                Some("finished it, loved chapter 4"),
            );
        }
    }
    let rest = finish(session);
    assert!(
        seen.contains("First, report on your 2 open commitments to Alex Kim"),
        "{seen}"
    );
    assert!(
        rest.contains("Recorded the meeting with Alex Kim on 2026-11-24"),
        "{rest}"
    );
    assert!(
        !rest.contains("mentee action set"),
        "no commands to type on a terminal"
    );

    assert_eq!(
        history(&env, &draft),
        (
            json!("in-progress"),
            json!([{"on": "2026-11-24", "status": "in-progress", "note": "halfway there"}])
        )
    );
    assert_eq!(
        history(&env, &read),
        (
            json!("done"),
            json!([{"on": "2026-11-24", "status": "done", "note": "finished it, loved chapter 4"}])
        )
    );
    let held = env.read(HELD_24);
    assert!(held.contains("status = \"held\"\n"), "{held}");
    assert!(
        held.contains(&format!(
            "[[checkin]]\naction = \"{draft}\"\nstatus = \"in-progress\"\nnote = \"halfway there\"\n"
        )),
        "{held}"
    );
    assert!(
        held.contains(&format!(
            "[[checkin]]\naction = \"{read}\"\nstatus = \"done\"\nnote = \"finished it, loved chapter 4\"\n"
        )),
        "{held}"
    );
    assert!(!env.exists("meetings/next-alex-kim.toml"));
}

#[test]
fn skip_leaves_a_commitment_unchanged() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    env.today("2026-11-24");
    let before = env.read(crate::support::MEETING_FILE);
    let mut session = start_meeting(&env);
    let ids = [draft.as_str(), read.as_str()];
    let mut seen = String::new();
    for _ in 0..2 {
        let asked = next_question(&mut session, &ids, &mut seen);
        if asked == draft {
            answer(&mut session, &asked, Answer::Skip, None);
        } else {
            // Blocked, with the note left empty.
            answer(&mut session, &asked, Answer::Blocked, None);
        }
    }
    finish(session);

    assert_eq!(history(&env, &draft), (json!("open"), json!([])));
    assert_eq!(
        history(&env, &read),
        (
            json!("blocked"),
            json!([{"on": "2026-11-24", "status": "blocked"}])
        )
    );
    let held = env.read(HELD_24);
    assert!(
        !held.contains(&draft),
        "a skipped commitment has no check-in:\n{held}"
    );
    assert!(
        held.contains(&format!(
            "[[checkin]]\naction = \"{read}\"\nstatus = \"blocked\"\n"
        )),
        "{held}"
    );
    // Only the answered commitment changed in the file it lives in.
    let after = env.read(crate::support::MEETING_FILE);
    let draft_block = |text: &str| {
        let start = text.find(&format!("id = \"{draft}\"")).expect("the draft");
        text[start..]
            .split("[[action]]")
            .next()
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(draft_block(&after), draft_block(&before));
    // It is still owed, and comes up again next time.
    env.run(["status"]).success().stdout_has(&draft);
}

#[test]
fn dropped_is_recorded_too() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    let loose = env.commit("Write a blog post", &[]);
    let mut session = start_meeting(&env);
    let mut seen = String::new();
    let asked = next_question(&mut session, &[loose.as_str()], &mut seen);
    assert_eq!(asked, loose);
    answer(
        &mut session,
        &asked,
        Answer::Dropped,
        Some("not worth it now"),
    );
    finish(session);
    assert_eq!(
        history(&env, &loose),
        (
            json!("dropped"),
            json!([{"on": "2026-11-10", "status": "dropped", "note": "not worth it now"}])
        )
    );
    // Made outside any meeting, it lives in actions.toml; the check-in is in the meeting.
    assert!(env.read("actions.toml").contains("status = \"dropped\""));
    assert!(
        env.read("meetings/2026/2026-11-10-alex-kim.toml")
            .contains(&format!(
                "action = \"{loose}\"\nstatus = \"dropped\"\nnote = \"not worth it now\""
            ))
    );
}

fn plan_on_a_terminal(env: &TestEnv, topic: &str) -> PtySession {
    let mut session = spawn_command(env.std_command(["agenda", topic]), Some(PROMPT_TIMEOUT_MS))
        .expect("mentee agenda starts in a terminal");
    session
        .exp_string("Add topics queued for later?")
        .expect("queued topics are offered");
    // The last item drawn: the whole menu is on screen.
    session
        .exp_string("Which conference talks are worth it?")
        .expect("the second queued topic");
    session
}

fn queue_two(env: &TestEnv) {
    env.mentor("Alex Kim", &[]);
    env.run(["agenda", "--later", "How do I ask for a promotion?"])
        .success();
    env.run(["agenda", "--later", "Which conference talks are worth it?"])
        .success();
}

#[test]
fn a_queued_topic_picked_while_planning_joins_the_agenda() {
    let env = TestEnv::new();
    queue_two(&env);
    let mut session = plan_on_a_terminal(&env, "How should I split billing?");
    // Space picks the first queued topic, Enter confirms.
    session.send(&format!(" {ENTER}")).expect("pick");
    session.flush().expect("flush");
    let rest = finish(session);
    assert!(
        rest.contains("1. How should I split billing?")
            && rest.contains("2. How do I ask for a promotion?"),
        "{rest}"
    );
    let planned = env.read("meetings/next-alex-kim.toml");
    assert!(
        planned.contains(
            "topics = [\"How should I split billing?\", \"How do I ask for a promotion?\"]"
        ),
        "{planned}"
    );
    let later = env.read("later.toml");
    assert!(!later.contains("promotion"), "{later}");
    assert!(
        later.contains("Which conference talks are worth it?"),
        "{later}"
    );
}

#[test]
fn picking_no_queued_topic_keeps_the_queue() {
    let env = TestEnv::new();
    queue_two(&env);
    let later = env.read("later.toml");
    let mut session = plan_on_a_terminal(&env, "How should I split billing?");
    session.send(ENTER).expect("confirm");
    session.flush().expect("flush");
    finish(session);
    assert!(
        env.read("meetings/next-alex-kim.toml")
            .contains("topics = [\"How should I split billing?\"]")
    );
    assert_eq!(env.read("later.toml"), later);
}

#[test]
fn other_commands_do_not_wait_while_the_meeting_asks() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    env.today("2026-11-24");
    let mut session = start_meeting(&env);
    let ids = [draft.as_str(), read.as_str()];
    let mut seen = String::new();
    let asked = next_question(&mut session, &ids, &mut seen);
    // While the first question waits for an answer, a note written in
    // another terminal goes through (the run would time out otherwise).
    env.run(["note", "Alex: read the SRE book, chapter 3", "-m", "alex"])
        .success();
    answer(&mut session, &asked, Answer::Done, Some("done in time"));
    let asked = next_question(&mut session, &ids, &mut seen);
    answer(&mut session, &asked, Answer::Skip, None);
    finish(session);
    let journal = env.read("journal/2026/2026-11.toml");
    assert!(journal.contains("read the SRE book"), "{journal}");
    assert!(env.read(HELD_24).contains("note = \"done in time\""));
}

/// What another terminal does while the meeting's first question waits.
#[derive(Debug, Clone, Copy)]
enum Meanwhile {
    /// `mentee action add`: a new commitment in the last meeting's file.
    AddCommitment,
    /// `mentee action set` on the commitment not asked about yet.
    ReportTheOther,
    /// `mentee agenda`: the meeting is planned while it is being held.
    PlanTheAgenda,
}

/// Starts a meeting, waits for its first question, lets another command
/// write, then answers: the meeting is recorded with the answers, and what
/// the other command wrote is kept.
fn a_write_during_the_meeting_is_kept_with_the_answers(meanwhile: Meanwhile) {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    env.today("2026-11-24");
    let mut session = start_meeting(&env);
    let ids = [draft.as_str(), read.as_str()];
    let mut seen = String::new();
    let first = next_question(&mut session, &ids, &mut seen);
    let other = if first == draft { &read } else { &draft };
    match meanwhile {
        Meanwhile::AddCommitment => env.run(["action", "add", "Book the venue", "-m", "alex"]),
        Meanwhile::ReportTheOther => env.run([
            "action",
            "set",
            other,
            "blocked",
            "--note",
            "waiting on ops",
        ]),
        Meanwhile::PlanTheAgenda => env.run(["agenda", "How do I grow as a lead?", "-m", "alex"]),
    }
    .success();
    answer(&mut session, &first, Answer::Done, Some("done meanwhile"));
    let second = next_question(&mut session, &ids, &mut seen);
    assert_eq!(&second, other);
    answer(&mut session, &second, Answer::Skip, None);
    let rest = finish(session);
    assert!(
        rest.contains("Recorded the meeting with Alex Kim on 2026-11-24"),
        "{rest}"
    );

    assert_eq!(
        history(&env, &first),
        (
            json!("done"),
            json!([{"on": "2026-11-24", "status": "done", "note": "done meanwhile"}])
        )
    );
    let held = env.read(HELD_24);
    assert!(held.contains("status = \"held\"\n"), "{held}");
    assert!(
        held.contains(&format!(
            "[[checkin]]\naction = \"{first}\"\nstatus = \"done\"\nnote = \"done meanwhile\"\n"
        )),
        "{held}"
    );
    match meanwhile {
        Meanwhile::AddCommitment => {
            let list = env.run(["action", "list", "--all"]).success().stdout();
            assert!(list.contains("Book the venue"), "{list}");
        }
        Meanwhile::ReportTheOther => {
            assert_eq!(
                history(&env, other),
                (
                    json!("blocked"),
                    json!([{"on": "2026-11-24", "status": "blocked", "note": "waiting on ops"}])
                )
            );
            // Reported on the day of the meeting: it joins the check-in.
            assert!(
                held.contains(&format!("action = \"{other}\"\nstatus = \"blocked\"")),
                "{held}"
            );
        }
        Meanwhile::PlanTheAgenda => {
            assert!(held.contains("How do I grow as a lead?"), "{held}");
            assert!(!env.exists("meetings/next-alex-kim.toml"));
        }
    }
}

#[test]
fn a_commitment_added_during_the_meeting_is_kept_with_the_answers() {
    a_write_during_the_meeting_is_kept_with_the_answers(Meanwhile::AddCommitment);
}

#[test]
fn a_report_given_elsewhere_during_the_meeting_is_kept_with_the_answers() {
    a_write_during_the_meeting_is_kept_with_the_answers(Meanwhile::ReportTheOther);
}

#[test]
fn an_agenda_planned_during_the_meeting_is_held_with_the_answers() {
    a_write_during_the_meeting_is_kept_with_the_answers(Meanwhile::PlanTheAgenda);
}

/// Presses Ctrl-C at the prompt on screen. The key must reach the prompt
/// while it reads keys in raw mode: typed a moment earlier, the terminal
/// would turn it into a signal instead. So wait until the terminal is raw.
fn ctrl_c(session: &mut PtySession) {
    wait_until_raw(session);
    session.send_control('c').expect("send Ctrl-C");
    session.flush().expect("flush");
}

/// Waits until the prompt on screen reads keys one by one (raw mode): a
/// key typed earlier could reach the terminal's line editing instead.
pub fn wait_until_raw(session: &mut PtySession) {
    use nix::sys::termios::{LocalFlags, tcgetattr};
    let terminal = session
        .process()
        .get_file_handle()
        .expect("the terminal's master side");
    let deadline = std::time::Instant::now() + std::time::Duration::from_millis(PROMPT_TIMEOUT_MS);
    while tcgetattr(&terminal)
        .expect("the terminal's settings")
        .local_flags
        .contains(LocalFlags::ICANON)
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the prompt never read keys"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// What the process printed to its end, and its exit code.
fn interrupted(mut session: PtySession) -> String {
    // The cursor the prompt hid is shown again.
    session
        .exp_string("\x1b[?25h")
        .expect("the cursor is shown again");
    let rest = session.exp_eof().expect("the command ends");
    match session.process().wait().expect("the exit status") {
        WaitStatus::Exited(_, 130) => rest,
        other => panic!("ended with {other:?}, not 130:\n{rest}"),
    }
}

#[test]
fn ctrl_c_keeps_the_answers_given_and_the_meeting_can_go_on() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    env.today("2026-11-24");
    let before = env.files();
    let mut session = start_meeting(&env);
    let ids = [draft.as_str(), read.as_str()];
    let mut seen = String::new();
    let first = next_question(&mut session, &ids, &mut seen);
    answer(
        &mut session,
        &first,
        Answer::InProgress,
        Some("before the break"),
    );
    let second = next_question(&mut session, &ids, &mut seen);
    ctrl_c(&mut session);
    let rest = interrupted(session);
    assert!(
        rest.contains("Your answer is kept on its commitment; the meeting is not recorded yet. To go on: mentee meet -m alex-kim")
            && rest.contains("error: interrupted (Ctrl-C)"),
        "{rest}"
    );

    // The answer is on its commitment; no meeting is recorded.
    assert_eq!(
        history(&env, &first),
        (
            json!("in-progress"),
            json!([{"on": "2026-11-24", "status": "in-progress", "note": "before the break"}])
        )
    );
    assert_eq!(history(&env, &second).1, json!([]));
    assert_eq!(
        env.files().keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>()
    );

    // Going on: only what was not answered is asked, and the answer given
    // before Ctrl-C is in the meeting's check-in.
    let mut session = start_meeting(&env);
    let mut seen = String::new();
    let asked = next_question(&mut session, &ids, &mut seen);
    assert_eq!(asked, second);
    assert!(
        seen.contains(&format!(
            "[{first}] was reported on 2026-11-24: in-progress."
        )),
        "{seen}"
    );
    answer(&mut session, &asked, Answer::Skip, None);
    finish(session);
    let held = env.read(HELD_24);
    assert!(
        held.contains(&format!(
            "[[checkin]]\naction = \"{first}\"\nstatus = \"in-progress\"\nnote = \"before the break\"\n"
        )),
        "{held}"
    );
}

#[test]
fn ctrl_c_at_the_first_question_records_nothing() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    env.today("2026-11-24");
    let before = env.files();
    let mut session = start_meeting(&env);
    next_question(
        &mut session,
        &[draft.as_str(), read.as_str()],
        &mut String::new(),
    );
    ctrl_c(&mut session);
    let rest = interrupted(session);
    assert!(rest.contains("Nothing was recorded"), "{rest}");
    assert_eq!(env.files(), before);
}

#[test]
fn ctrl_c_while_picking_queued_topics_plans_nothing() {
    let env = TestEnv::new();
    queue_two(&env);
    let before = env.files();
    let mut session = plan_on_a_terminal(&env, "How should I split billing?");
    ctrl_c(&mut session);
    let rest = interrupted(session);
    assert!(rest.contains("error: interrupted (Ctrl-C)"), "{rest}");
    assert_eq!(env.files(), before);
}

#[test]
fn a_second_ctrl_c_ends_a_meeting_that_waits_for_the_lock() {
    let mut env = TestEnv::new();
    let Scenario { draft, read, .. } = env.scenario();
    env.today("2026-11-24");
    let before = env.files();
    // Another mentee (a sync, say) holds the lock for as long as it likes.
    let held = std::fs::File::options()
        .read(true)
        .write(true)
        .open(env.path(".lock"))
        .expect("open the lock file");
    held.lock().expect("take the lock");
    let mut session = start_meeting(&env);
    next_question(
        &mut session,
        &[draft.as_str(), read.as_str()],
        &mut String::new(),
    );
    ctrl_c(&mut session);
    // The prompt is gone (the cursor is back); meet now waits for the lock.
    session
        .exp_string("\x1b[?25h")
        .expect("the cursor is shown again");
    session.send_control('c').expect("send Ctrl-C again");
    session.flush().expect("flush");
    let rest = session.exp_eof().expect("mentee meet ends");
    match session.process().wait().expect("the exit status") {
        WaitStatus::Exited(_, 130) => {}
        other => panic!("ended with {other:?}, not 130:\n{rest}"),
    }
    held.unlock().expect("release the lock");
    assert_eq!(env.files(), before);
}

#[test]
fn rm_on_a_terminal_asks_first_and_removes_on_yes() {
    let mut env = TestEnv::new();
    let Scenario { draft, .. } = env.scenario();
    let ask = |key: &str| {
        let mut session = spawn_command(env.std_command(["rm", &draft]), Some(PROMPT_TIMEOUT_MS))
            .expect("mentee rm starts in a terminal");
        session
            .exp_string("Remove the commitment")
            .expect("the question names the record");
        session.exp_string("?").expect("the question ends");
        session.send(key).expect("answer");
        session.flush().expect("flush");
        finish(session)
    };
    let rest = ask("n");
    assert!(rest.contains("Nothing removed"), "{rest}");
    assert!(
        env.read("meetings/2026/2026-11-10-alex-kim.toml")
            .contains(&draft)
    );
    ask("y");
    assert!(
        !env.read("meetings/2026/2026-11-10-alex-kim.toml")
            .contains(&draft)
    );
}

/// `mentee ARGS` in a terminal `columns` wide: the PTY is resized with
/// `stty` before mentee starts.
fn in_terminal(env: &TestEnv, columns: u16, args: &[&str]) -> String {
    let mut command = std::process::Command::new("sh");
    command
        .env_clear()
        .envs(env.environment())
        .arg("-c")
        .arg(format!("stty cols {columns} rows 40 && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_mentee"))
        .args(args);
    let mut session =
        spawn_command(command, Some(PROMPT_TIMEOUT_MS)).expect("mentee starts in a terminal");
    session.exp_eof().expect("the command ends")
}

#[test]
fn nudges_wrap_at_words_in_an_80_column_terminal() {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &["--every", "2w"]);
    let out = in_terminal(&env, 80, &["agenda", "DevOps", "Career"]);
    let lines: Vec<&str> = out.lines().map(|l| l.trim_end_matches('\r')).collect();
    assert!(lines.iter().all(|l| l.chars().count() <= 80), "{out}");
    // Broken between words, continued with a hanging indent.
    let nudge = lines
        .iter()
        .position(|l| l.starts_with("nudge: The topic \"DevOps\""))
        .expect("the nudge");
    assert!(
        lines[nudge + 1].starts_with("  ") && !lines[nudge + 1].starts_with("   "),
        "{out}"
    );
    let whole = out.replace("\r\n  ", " ");
    assert!(
        whole.contains("(run: mentee agenda --topic 1 \"A SPECIFIC QUESTION\" -m alex-kim)"),
        "{out}"
    );
    let status = in_terminal(&env, 80, &["status"]);
    let status_lines: Vec<&str> = status.lines().map(|l| l.trim_end_matches('\r')).collect();
    assert!(
        status_lines.iter().all(|l| l.chars().count() <= 80),
        "{status}"
    );
    // Piped, the same nudge stays on one line.
    env.run(["status"]).success().stdout_has(
        "reads as vague: make it a specific question, such as \"How should I ...?\" (run:",
    );
}
