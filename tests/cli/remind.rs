//! `mentee remind`: what needs attention soon, printed or shown as a
//! desktop notification (read back from a stand-in notification service
//! on a private session bus).

use crate::support::TestEnv;

/// Alex Kim with a commitment made today and due in three days, and one
/// made today and due tomorrow.
fn alex() -> TestEnv {
    let env = TestEnv::new();
    env.mentor("Alex Kim", &[]);
    env
}

#[test]
fn a_meeting_tomorrow_shows_its_time_and_whether_its_agenda_is_ready() {
    let mut env = alex();
    let id = env.commit("Write the runbook", &["--due", "2026-11-20"]);
    env.run([
        "agenda",
        "Which review should I lead?",
        "--on",
        "2026-11-11",
        "--at",
        "15:00",
        "--for",
        "45m",
    ])
    .success();
    env.run(["remind"])
        .success()
        .stderr_is_empty()
        .stdout_is(&format!(
            "Tomorrow at 15:00 (45m): meeting with Alex Kim, agenda ready (1 topic)\n  \
             to report there: [{id}] Write the runbook, due Fri 2026-11-20\n"
        ));
    // Its topic taken off by hand: the agenda is not prepared.
    let planned = env.read("meetings/next-alex-kim.toml");
    let unprepared = planned.replace("topics = [\"Which review should I lead?\"]", "topics = []");
    assert_ne!(planned, unprepared);
    env.write("meetings/next-alex-kim.toml", &unprepared);
    env.run(["remind"]).success().stdout_has(
        "Tomorrow at 15:00 (45m): meeting with Alex Kim, no agenda yet \
         (add a topic: mentee agenda \"TOPIC\" -m alex-kim)",
    );
    // A week before, the meeting is not soon and the commitment not due;
    // seven days ahead reach both.
    env.today("2026-11-04");
    env.run(["remind"]).success().stdout_is_empty();
    env.run(["remind", "--within", "7d"])
        .success()
        .stdout_has("Wed 2026-11-11 at 15:00 (45m): meeting with Alex Kim");
}

#[test]
fn due_and_overdue_commitments_are_listed_and_nothing_prints_nothing() {
    let env = alex();
    // Nothing planned, nothing due: nothing at all, for cron to mail.
    env.run(["remind"])
        .success()
        .stdout_is_empty()
        .stderr_lacks("error");
    let late = env.commit("Book the retro", &["--due", "2026-11-09"]);
    let today = env.commit("Send the slides", &["--due", "2026-11-10"]);
    let later = env.commit("Read the RFC", &["--due", "2026-11-14"]);
    let run = env.run(["remind"]).success();
    let out = run.stdout();
    assert_eq!(
        out,
        format!(
            "Overdue since 2026-11-09: [{late}] Book the retro (Alex Kim)\n\
             Due today: [{today}] Send the slides (Alex Kim)\n"
        )
    );
    // --within: whole days from today, or hours from now.
    env.run(["remind", "--within", "4d"])
        .success()
        .stdout_has(&format!("Due Sat 2026-11-14: [{later}] Read the RFC"));
    env.run(["remind", "--within", "0d"])
        .success()
        .stdout_has("Due today")
        .stdout_lacks("Read the RFC");
    env.run(["remind", "--within", "2h"])
        .success()
        .stdout_has("Due today")
        .stdout_lacks("Read the RFC");
    env.run(["remind", "--within", "1w"])
        .failure_code(2)
        .stderr_has("\"1w\" is not a length; use whole days such as 1d");
    env.run(["action", "done", &late]).success();
    env.run(["action", "done", &today]).success();
    env.run(["remind"]).success().stdout_is_empty();
    env.run(["remind", "--notify"]).success().stdout_is_empty();
}

#[test]
fn notify_without_a_session_bus_says_so_and_fails() {
    let env = alex();
    env.commit("Book the retro", &["--due", "2026-11-09"]);
    let nowhere = env.scratch("no-bus");
    let run = env
        .command(["remind", "--notify"])
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}", nowhere.display()),
        )
        .env("XDG_RUNTIME_DIR", env.scratch("runtime"))
        .output()
        .expect("ran");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(run.stdout.is_empty());
    assert!(
        stderr.contains("error: cannot show a desktop notification: no session bus")
            && stderr.contains("hint: --notify talks to your desktop session's D-Bus")
            && stderr.contains("DBUS_SESSION_BUS_ADDRESS"),
        "{stderr}"
    );
}

#[cfg(all(unix, not(target_os = "macos")))]
// A skipped test says why on stderr, and so does a failed stand-in.
#[allow(clippy::print_stderr)]
mod on_a_session_bus {
    use super::alex;
    use futures_lite::StreamExt;
    use std::collections::HashMap;
    use std::io::{BufRead, BufReader};
    use std::process::{Child, Command, Stdio};
    use std::sync::mpsc;
    use std::time::Duration;
    use zbus::OwnedVariant;

    /// A private session bus: `dbus-daemon`, ended when dropped.
    struct Bus {
        daemon: Child,
        address: String,
    }

    impl Drop for Bus {
        fn drop(&mut self) {
            let _ = self.daemon.kill();
            let _ = self.daemon.wait();
        }
    }

    /// Starts a session bus, or says why not (no dbus-daemon installed).
    fn bus() -> Option<Bus> {
        let spawned = Command::new("dbus-daemon")
            .args(["--session", "--print-address", "--nofork"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn();
        let mut daemon = match spawned {
            Ok(daemon) => daemon,
            Err(err) => {
                eprintln!(
                    "skipped: cannot start dbus-daemon ({err}); install dbus to run this test"
                );
                return None;
            }
        };
        let mut address = String::new();
        let stdout = daemon.stdout.take().expect("its stdout");
        BufReader::new(stdout)
            .read_line(&mut address)
            .expect("the bus address");
        let address = address.trim().to_string();
        assert!(!address.is_empty(), "dbus-daemon printed no address");
        Some(Bus { daemon, address })
    }

    /// What the notification service was sent: app name, summary, body.
    type Shown = (String, String, String);

    /// Owns org.freedesktop.Notifications on the bus and answers like a
    /// notification service that reads markup, until one notification
    /// arrives; sends it back. Returns once the name is owned.
    fn service(address: &str) -> mpsc::Receiver<Shown> {
        let (ready_tx, ready) = mpsc::channel();
        let (shown_tx, shown) = mpsc::channel();
        let address = address.to_string();
        std::thread::spawn(move || {
            let served = zbus::block_on(async {
                let conn = zbus::connection::Builder::address(address.as_str())
                    .build()
                    .await?;
                conn.request_name("org.freedesktop.Notifications").await?;
                let mut stream = zbus::MessageStream::from(&conn);
                let _ = ready_tx.send(());
                while let Some(message) = stream.next().await {
                    let message = message?;
                    let header = message.header();
                    if header.message_type() != zbus::message::Type::MethodCall {
                        continue;
                    }
                    match header.member().map(|m| m.as_str()) {
                        Some("GetCapabilities") => {
                            let capabilities = vec!["body".to_string(), "body-markup".to_string()];
                            conn.reply(&header, &capabilities).await?;
                        }
                        Some("Notify") => {
                            type Notify = (
                                String,
                                u32,
                                String,
                                String,
                                String,
                                Vec<String>,
                                HashMap<String, OwnedVariant>,
                                i32,
                            );
                            let (app, _, _, summary, body, _, _, _): Notify =
                                message.body().deserialize()?;
                            conn.reply(&header, &7u32).await?;
                            let _ = shown_tx.send((app, summary, body));
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                Ok::<(), zbus::Error>(())
            });
            if let Err(err) = served {
                eprintln!("the stand-in notification service failed: {err}");
            }
        });
        ready
            .recv_timeout(Duration::from_secs(20))
            .expect("the stand-in service owns its name");
        shown
    }

    #[test]
    fn notify_shows_one_notification_with_the_reminders() {
        let Some(bus) = bus() else { return };
        let shown = service(&bus.address);
        let env = alex();
        let id = env.commit("Book <the> retro & room", &["--due", "2026-11-09"]);
        env.command(["remind", "--notify"])
            .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
            .assert()
            .success()
            .stdout("")
            .stderr("");
        let (app, summary, body) = shown
            .recv_timeout(Duration::from_secs(20))
            .expect("a notification");
        assert_eq!(app, "mentee");
        assert_eq!(summary, "Mentoring: 1 commitment overdue");
        assert_eq!(
            body,
            format!(
                "Overdue since 2026-11-09: [{id}] Book &lt;the&gt; retro &amp; room (Alex Kim)"
            )
        );
    }

    #[test]
    fn notify_on_a_bus_without_a_notification_service_says_so() {
        let Some(bus) = bus() else { return };
        let env = alex();
        env.commit("Book the retro", &["--due", "2026-11-09"]);
        let run = env
            .command(["remind", "--notify"])
            .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
            .output()
            .expect("ran");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("no notification service is running on the session bus"),
            "{stderr}"
        );
    }
}
