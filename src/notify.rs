//! Showing one desktop notification through the freedesktop notification
//! service (`org.freedesktop.Notifications` on the session bus), as
//! `notify-send` does; D-Bus is spoken in Rust, with no C library.
//!
//! The session bus is found as every D-Bus client finds it:
//! `$DBUS_SESSION_BUS_ADDRESS`, else `$XDG_RUNTIME_DIR/bus`. A job started
//! by cron has neither, which is the usual reason this fails (see
//! docs/remind.md).

use crate::error::Error;

/// Why no notification could be shown.
#[derive(Debug, PartialEq, Eq)]
pub enum Problem {
    /// No session bus answered (the detail is the D-Bus library's).
    NoBus(String),
    /// The bus is there, but no notification service runs on it.
    NoService,
    /// The service refused or failed.
    Failed(String),
    /// Not a system with the freedesktop notification service.
    Unsupported,
}

impl Problem {
    pub fn into_error(self) -> Error {
        const PRINT: &str = "or leave out --notify to print the reminders instead";
        match self {
            Problem::NoBus(detail) => Error::user_with_hint(
                format!(
                    "cannot show a desktop notification: no session bus could be reached ({detail})"
                ),
                format!(
                    "--notify talks to your desktop session's D-Bus; from cron or ssh set \
                     DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$(id -u)/bus \
                     (see docs/remind.md), {PRINT}"
                ),
            ),
            Problem::NoService => Error::user_with_hint(
                "cannot show a desktop notification: no notification service is running \
                 on the session bus",
                format!(
                    "start your desktop's notification daemon (GNOME and KDE have one; \
                     dunst or mako elsewhere), {PRINT}"
                ),
            ),
            Problem::Failed(detail) => Error::user_with_hint(
                format!("the notification service did not show the reminder: {detail}"),
                PRINT.to_string(),
            ),
            Problem::Unsupported => Error::user_with_hint(
                "--notify needs the freedesktop notification service (Linux and BSD desktops)",
                PRINT.to_string(),
            ),
        }
    }
}

/// What a failed first call to the service says about where things stand.
fn classify(detail: &str) -> Problem {
    let no_owner = [
        "ServiceUnknown",
        "NameHasNoOwner",
        "not activatable",
        "was not provided by any .service files",
    ];
    if no_owner.iter().any(|sign| detail.contains(sign)) {
        Problem::NoService
    } else {
        Problem::NoBus(detail.to_string())
    }
}

/// Shows `summary` with the body that `body` makes of whether the service
/// reads markup in bodies (it then needs `&`, `<` and `>` escaped).
#[cfg(all(unix, not(target_os = "macos")))]
pub fn show(summary: &str, body: impl FnOnce(bool) -> String) -> Result<(), Problem> {
    let capabilities = notify_rust::get_capabilities().map_err(|err| classify(&err.to_string()))?;
    let markup = capabilities.iter().any(|c| c == "body-markup");
    notify_rust::Notification::new()
        .appname("mentee")
        .summary(summary)
        .body(&body(markup))
        .show()
        .map(drop)
        .map_err(|err| Problem::Failed(err.to_string()))
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
pub fn show(_summary: &str, _body: impl FnOnce(bool) -> String) -> Result<(), Problem> {
    Err(Problem::Unsupported)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bus_without_the_service_is_told_from_no_bus_at_all() {
        assert_eq!(
            classify(
                "org.freedesktop.DBus.Error.ServiceUnknown: The name \
                 org.freedesktop.Notifications was not provided by any .service files"
            ),
            Problem::NoService
        );
        assert_eq!(
            classify("I/O error: No such file or directory (os error 2)"),
            Problem::NoBus("I/O error: No such file or directory (os error 2)".into())
        );
    }
}
