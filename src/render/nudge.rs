//! Nudges as people read them: each fact in words with the command that
//! acts on it; a section of the dashboard, a line on stderr after a command,
//! and the table of `mentee nudge list`.

use crate::model::id::Id;
use crate::model::mentor::Mentor;
use crate::model::nudge::{
    About, CARRIED, CLOSING_AHEAD, Due, KEEP_IN_TOUCH, Kind, MID_TERM, Nudge, Open, QUIET_DEFAULT,
    Searched, Silent,
};
use crate::render::table;
use crate::render::text::{collapse_whitespace, mentor_name, one_line, wrap};
use comfy_table::Cell;
use serde::Serialize;
use std::fmt::Write;

/// A nudge in words, as the dashboard and the JSON of `status` show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Worded {
    pub kind: Kind,
    /// The mentor's slug.
    pub mentor: String,
    /// The commitment it is about, for the kinds about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commitment: Option<Id>,
    /// What to do and why, as a sentence.
    pub message: String,
    /// The command that acts on it.
    pub command: String,
}

/// What to do about a nudge, and the command that does it. `mentors` gives
/// the names the sentence uses.
pub fn worded(nudge: &Nudge, mentors: &[Mentor]) -> Worded {
    let slug = nudge.mentor.as_str();
    let name = mentor_name(mentors, slug);
    let (message, command) = match &nudge.about {
        About::Unreported { commitment, met_on } => (
            format!(
                "{}, from your last meeting with {name}{}, has no report yet: say where it stands",
                label(commitment),
                met_on.map(|d| format!(" on {d}")).unwrap_or_default()
            ),
            format!(
                "mentee action set {} done|in-progress|blocked|dropped",
                commitment.id
            ),
        ),
        About::Overdue { commitment, due } => (
            format!(
                "{} was due on {due}: finish it, give it a new date, or drop it if it no longer matters",
                label(commitment)
            ),
            close(commitment),
        ),
        About::Carried { commitment, times } => (
            format!(
                "{} has been carried over {times} meetings with {name}: close it, carry it to a new date, or drop it",
                label(commitment)
            ),
            close(commitment),
        ),
        About::Cadence { due, every } => {
            let when = match due {
                Due::Was(date) => format!("was due on {date}"),
                Due::Today => "is due today".to_string(),
                Due::On(date) => format!("is due on {date}"),
            };
            (
                format!(
                    "Your next meeting with {name} {when} (every {every}) and none is planned: plan it with a specific question"
                ),
                format!("mentee agenda \"TOPIC\" -m {slug}"),
            )
        }
        About::Quiet { silent } => {
            let when = match silent {
                Silent::Since(date) => format!("since {date}"),
                Silent::MoreThan(days) => format!("in more than {days} days"),
            };
            (
                format!(
                    "No word to {name} {when}, neither a meeting nor an update: send a short update on your progress"
                ),
                update(slug),
            )
        }
        About::KeepInTouch { ended, searched } => {
            let since = match searched {
                Searched::SinceEnd => "since".to_string(),
                Searched::LastDays(days) => format!("in the last {days} days"),
            };
            (
                format!(
                    "Your mentorship with {name} ended on {ended} and nothing was logged for them {since}: keep in touch with news of how you are doing"
                ),
                update(slug),
            )
        }
        About::Vague {
            topics,
            vague,
            date,
        } => {
            let when = date.map(|d| format!(" on {d}")).unwrap_or_default();
            // Replaces that topic only: the other stays as planned, even
            // when it is vague too (it gets its own nudge).
            (
                format!(
                    "The topic \"{}\" for your meeting with {name}{when} reads as vague: \
                     make it a specific question, such as \"How should I ...?\"",
                    collapse_whitespace(&topics[*vague])
                ),
                match topics.len() {
                    1 => format!("mentee agenda \"A SPECIFIC QUESTION\" -m {slug}"),
                    _ => format!(
                        "mentee agenda --topic {} \"A SPECIFIC QUESTION\" -m {slug}",
                        vague + 1
                    ),
                },
            )
        }
        About::MidTerm { since, until } => (
            format!(
                "Halfway through your mentorship with {name} ({since} to {until}): look back on it and share the review"
            ),
            format!("mentee review -m {slug} --mid"),
        ),
        About::Closing { until, ended } => {
            let when = if *ended { "ended" } else { "ends" };
            (
                format!(
                    "Your mentorship with {name} {when} on {until}: look back on the whole of it and share the closing review"
                ),
                format!("mentee review -m {slug}"),
            )
        }
    };
    Worded {
        kind: nudge.kind(),
        mentor: slug.to_string(),
        commitment: nudge.commitment().cloned(),
        message,
        command,
    }
}

fn label(commitment: &Open) -> String {
    format!(
        "[{}] {}",
        commitment.id,
        collapse_whitespace(&commitment.text)
    )
}

/// Close it, or carry it on to a new date.
fn close(commitment: &Open) -> String {
    format!(
        "mentee action set {} done|dropped|--due DATE",
        commitment.id
    )
}

fn update(slug: &str) -> String {
    format!("mentee update \"...\" -m {slug}")
}

/// When a kind shows, in a few words, for `mentee nudge list`.
pub fn describe(kind: Kind) -> String {
    match kind {
        Kind::Unreported => "a commitment from the last meeting has no report yet".to_string(),
        Kind::Overdue => "an open commitment is past its due date".to_string(),
        Kind::Carried => format!("a commitment was carried over {CARRIED} meetings or more"),
        Kind::Cadence => "a meeting is due by your cadence and none is planned".to_string(),
        Kind::Quiet => format!(
            "nothing logged for a mentor for twice the cadence ({QUIET_DEFAULT} days without one)"
        ),
        Kind::KeepInTouch => {
            format!("{KEEP_IN_TOUCH} days after a relationship ended, with nothing logged since")
        }
        Kind::Vague => "a planned topic is very short or a catch-all".to_string(),
        Kind::MidTerm => {
            format!("the first {MID_TERM} days after the middle of a relationship with an end date")
        }
        Kind::Closing => {
            format!("from {CLOSING_AHEAD} days before a relationship ends to {MID_TERM} days after")
        }
    }
}

/// One nudge on one line, with the command that acts on it.
pub fn line(nudge: &Worded) -> String {
    format!(
        "{} (run: {})",
        one_line(&nudge.message),
        one_line(&nudge.command)
    )
}

/// The "Nudges" section of the dashboard; empty when there are none. With
/// `per_kind`, the nudges of one kind beyond that many are one line with
/// their count and the command that lists them.
pub fn section(nudges: &[Worded], per_kind: Option<usize>, width: Option<u16>) -> String {
    if nudges.is_empty() {
        return String::new();
    }
    let mut out = String::from("\nNudges\n");
    for group in nudges.chunk_by(|a, b| a.kind == b.kind) {
        let shown = per_kind.map_or(group.len(), |cap| cap.min(group.len()));
        for nudge in &group[..shown] {
            let _ = writeln!(out, "{}", wrap(&format!("  {}", line(nudge)), width, 2));
        }
        if group.len() > shown {
            let more = format!("  {}", more(group[0].kind, group.len() - shown));
            let _ = writeln!(out, "{}", wrap(&more, width, 2));
        }
    }
    out
}

/// One line for `count` more nudges of a kind, with the command that lists
/// what they are about.
pub fn more(kind: Kind, count: usize) -> String {
    let many = count != 1;
    let commitments = if many { "commitments" } else { "commitment" };
    let (what, command) = match kind {
        Kind::Unreported => (
            format!("{commitments} with no report yet"),
            "mentee action list",
        ),
        Kind::Overdue => (
            format!("overdue {commitments}"),
            "mentee action list --overdue",
        ),
        Kind::Carried => (
            format!("{commitments} carried over {CARRIED} meetings or more"),
            "mentee action list",
        ),
        _ => (
            format!("{kind} {}", if many { "nudges" } else { "nudge" }),
            "mentee status --all",
        ),
    };
    format!("\u{2026} and {count} more {what} (see them with: {command})")
}

/// What `mentee nudge list` shows for one kind.
pub struct KindRow {
    pub kind: Kind,
    /// "everyone", or the names of the mentors it is silenced for.
    pub silenced: Vec<String>,
}

/// Every kind, when it shows, and where it is silenced.
pub fn kinds(rows: &[KindRow], width: Option<u16>) -> String {
    let mut t = table::new(width, &["Kind", "Shows when", "Silenced for"]);
    for row in rows {
        t.add_row(vec![
            Cell::new(row.kind.as_str()),
            Cell::new(describe(row.kind)),
            Cell::new(one_line(&row.silenced.join(", "))),
        ]);
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::commitment;
    use crate::model::journal::LatestEntries;
    use crate::model::meeting::Meeting;

    use crate::model::nudge::fixtures::{action, day, held, mentor};
    use crate::model::nudge::{
        about_commitments, cadence, keep_in_touch, mid_term, quiet, to_show, vague,
    };
    use crate::render::shell::word as shell_word;

    #[test]
    fn a_nudge_is_one_line_with_its_command() {
        let nudge = Worded {
            kind: Kind::Quiet,
            mentor: "alex".into(),
            commitment: None,
            message: "Nothing logged for\nAlex \u{1b}[31m".into(),
            command: "mentee update \"...\" -m alex".into(),
        };
        assert_eq!(
            line(&nudge),
            "Nothing logged for Alex \\u{1b}[31m (run: mentee update \"...\" -m alex)"
        );
        assert_eq!(section(&[], None, None), "");
        assert!(
            section(std::slice::from_ref(&nudge), None, None)
                .starts_with("\nNudges\n  Nothing logged")
        );
        let five = vec![nudge; 5];
        let capped = section(&five, Some(3), None);
        // A blank line, the heading, three nudges and the count.
        assert_eq!(capped.lines().count(), 6, "{capped}");
        assert!(capped.ends_with(
            "  \u{2026} and 2 more quiet nudges (see them with: mentee status --all)\n"
        ));
        assert_eq!(section(&five, None, None).lines().count(), 7);
    }

    fn say(nudges: &[Nudge], mentors: &[Mentor]) -> Vec<Worded> {
        nudges.iter().map(|n| worded(n, mentors)).collect()
    }

    fn say_one(nudge: &Nudge) -> Worded {
        worded(nudge, &[])
    }

    fn kinds(nudges: &[Worded]) -> Vec<(Kind, Option<String>)> {
        nudges
            .iter()
            .map(|n| (n.kind, n.commitment.as_ref().map(ToString::to_string)))
            .collect()
    }

    fn contact(latest: &[(&str, &str)], searched_from: &str) -> LatestEntries {
        LatestEntries {
            latest: latest
                .iter()
                .map(|(slug, d)| (slug.to_string(), day(d)))
                .collect(),
            everyone: None,
            searched_from: day(searched_from),
        }
    }

    #[test]
    fn commitment_nudges_one_per_commitment_and_silence_lets_the_next_through() {
        let alex = mentor("alex", Some("2w"));
        let meetings = vec![
            held(
                "m00001",
                "alex",
                "2026-10-01",
                vec![action("old001", "2026-10-01", None)],
            ),
            held("m00002", "alex", "2026-10-15", vec![]),
            held("m00003", "alex", "2026-10-29", vec![]),
            held(
                "m00004",
                "alex",
                "2026-11-10",
                vec![
                    action("late01", "2026-11-10", Some("2026-11-13")),
                    action("fresh1", "2026-11-10", None),
                ],
            ),
        ];
        // Two days before the next meeting by cadence (2026-11-24).
        let today = day("2026-11-22");
        let commitments = commitment::all(&meetings, &[], today);
        let mentors = vec![alex.clone()];
        let found = about_commitments(&mentors, &meetings, &commitments, today);
        let settled = say(&to_show(found.clone(), &mentors, &[]), &mentors);
        assert_eq!(
            kinds(&settled),
            vec![
                (Kind::Unreported, Some("fresh1".into())),
                (Kind::Overdue, Some("late01".into())),
                (Kind::Carried, Some("old001".into())),
            ]
        );
        assert_eq!(
            settled[2].command,
            "mentee action set old001 done|dropped|--due DATE"
        );
        assert!(
            settled[2]
                .message
                .contains("carried over 3 meetings with Name alex")
        );
        // Overdue silenced for everyone: the late one is still unreported.
        let settled = say(
            &to_show(found.clone(), &mentors, &["OVERDUE".into()]),
            &mentors,
        );
        assert_eq!(
            kinds(&settled),
            vec![
                (Kind::Unreported, Some("late01".into())),
                (Kind::Unreported, Some("fresh1".into())),
                (Kind::Carried, Some("old001".into())),
            ]
        );
        // Everything silenced for this mentor.
        let mut quiet_alex = alex;
        quiet_alex.silence = vec!["all".into()];
        assert!(to_show(found, &[quiet_alex], &[]).is_empty());
        // On the day of the meeting nothing is unreported yet.
        let commitments = commitment::all(&meetings, &[], day("2026-11-10"));
        let same_day = say(
            &about_commitments(&mentors, &meetings, &commitments, day("2026-11-10")),
            &mentors,
        );
        assert!(
            same_day.iter().all(|n| n.kind != Kind::Unreported),
            "{same_day:?}"
        );
    }

    #[test]
    fn cadence_nudges_two_days_ahead_unless_a_meeting_is_planned() {
        let alex = mentor("alex", Some("2w"));
        let mut meetings = vec![held("m00001", "alex", "2026-11-10", vec![])];
        assert_eq!(cadence(&alex, &meetings, day("2026-11-21")), None);
        let nudge = say_one(&cadence(&alex, &meetings, day("2026-11-22")).expect("two days ahead"));
        assert!(
            nudge.message.contains("is due on 2026-11-24 (every 2w)"),
            "{nudge:?}"
        );
        assert_eq!(nudge.command, "mentee agenda \"TOPIC\" -m alex");
        let late = say_one(&cadence(&alex, &meetings, day("2026-11-30")).expect("late"));
        assert!(late.message.contains("was due on 2026-11-24"), "{late:?}");
        meetings.push(Meeting::planned(Id::from("m00002"), "alex", None, vec![]));
        assert_eq!(cadence(&alex, &meetings, day("2026-11-30")), None);
        // No cadence, or never met: nothing to go by.
        assert_eq!(
            cadence(&mentor("alex", None), &meetings[..1], day("2026-12-30")),
            None
        );
        assert_eq!(cadence(&alex, &[], day("2026-12-30")), None);
    }

    #[test]
    fn quiet_after_twice_the_cadence_or_thirty_days() {
        let mut alex = mentor("alex", Some("2w"));
        alex.since = Some(day("2026-06-01"));
        let meetings = vec![];
        let seen = contact(&[("alex", "2026-10-01")], "2026-06-01");
        assert_eq!(quiet(&alex, &meetings, &seen, day("2026-10-29")), None);
        let nudge = say_one(&quiet(&alex, &meetings, &seen, day("2026-10-30")).expect("29 days"));
        assert!(nudge.message.contains("since 2026-10-01"), "{nudge:?}");
        assert_eq!(nudge.command, "mentee update \"...\" -m alex");
        // An update for every mentor counts too.
        let mut everyone = seen.clone();
        everyone.everyone = Some(day("2026-10-20"));
        assert_eq!(quiet(&alex, &meetings, &everyone, day("2026-10-30")), None);
        // Without a cadence: 30 days.
        let mut priya = mentor("priya", None);
        priya.since = Some(day("2026-06-01"));
        let seen = contact(&[("priya", "2026-10-01")], "2026-06-01");
        assert_eq!(quiet(&priya, &meetings, &seen, day("2026-10-31")), None);
        assert!(quiet(&priya, &meetings, &seen, day("2026-11-01")).is_some());
        // Nothing found in the stretch read, which started after `since`.
        let unseen = contact(&[], "2026-07-01");
        let nudge = say_one(&quiet(&priya, &meetings, &unseen, day("2026-11-01")).expect("nudge"));
        assert!(nudge.message.contains("in more than 30 days"), "{nudge:?}");
        // The stretch read is too short to know (a broken month file).
        let short = contact(&[], "2026-10-20");
        assert_eq!(quiet(&priya, &meetings, &short, day("2026-11-01")), None);
        // No start known at all: no nudge.
        assert_eq!(
            quiet(&mentor("sam", None), &[], &unseen, day("2026-11-01")),
            None
        );
    }

    #[test]
    fn keep_in_touch_ninety_days_after_the_end_until_something_is_logged() {
        let mut jordan = mentor("jordan", Some("4w"));
        jordan.until = Some(day("2026-06-30"));
        let nothing = contact(&[], "2026-05-01");
        assert_eq!(
            keep_in_touch(&jordan, &[], &nothing, day("2026-09-28")),
            None
        );
        let nudge =
            say_one(&keep_in_touch(&jordan, &[], &nothing, day("2026-09-29")).expect("91 days"));
        assert!(
            nudge
                .message
                .contains("ended on 2026-06-30 and nothing was logged for them since")
        );
        let before = contact(&[("jordan", "2026-06-20")], "2026-05-01");
        assert!(keep_in_touch(&jordan, &[], &before, day("2026-09-29")).is_some());
        let after = contact(&[("jordan", "2026-07-20")], "2026-05-01");
        assert_eq!(keep_in_touch(&jordan, &[], &after, day("2027-09-29")), None);
        let met = vec![held("m00001", "jordan", "2026-08-01", vec![])];
        assert_eq!(
            keep_in_touch(&jordan, &met, &nothing, day("2027-09-29")),
            None
        );
        // Ended long before the stretch of journal read.
        let recent = contact(&[], "2027-04-01");
        let nudge =
            say_one(&keep_in_touch(&jordan, &[], &recent, day("2027-09-29")).expect("nudge"));
        assert!(nudge.message.contains("in the last 181 days"), "{nudge:?}");
        // Active relationships never get it.
        assert_eq!(
            keep_in_touch(&mentor("alex", None), &[], &nothing, day("2027-09-29")),
            None
        );
    }

    #[test]
    fn mid_term_shows_for_two_weeks_from_the_middle() {
        let mut alex = mentor("alex", None);
        alex.since = Some(day("2026-01-01"));
        alex.until = Some(day("2026-12-31"));
        // 364 days: the middle is 182 days in, 2026-07-02.
        assert_eq!(mid_term(&alex, day("2026-07-01")), None);
        let nudge = say_one(&mid_term(&alex, day("2026-07-02")).expect("the middle"));
        assert_eq!(nudge.command, "mentee review -m alex --mid");
        assert!(mid_term(&alex, day("2026-07-15")).is_some());
        assert_eq!(mid_term(&alex, day("2026-07-16")), None);
        alex.until = None;
        assert_eq!(mid_term(&alex, day("2026-07-02")), None);
    }

    #[test]
    fn a_vague_topic_gets_a_command_that_replaces_it_alone() {
        let alex = mentor("alex", None);
        let meeting = Meeting::planned(
            Id::from("m00001"),
            "alex",
            Some(day("2026-11-24")),
            vec![
                "Why does \"$HOME\" matter for our deploys?".into(),
                "DevOps".into(),
            ],
        );
        let nudges = say(&vague(&alex, &meeting), std::slice::from_ref(&alex));
        assert_eq!(nudges.len(), 1);
        assert_eq!(
            nudges[0].command,
            "mentee agenda --topic 2 \"A SPECIFIC QUESTION\" -m alex"
        );
        // Two vague topics: each command names its own topic only.
        let both = Meeting::planned(
            Id::from("m00002"),
            "alex",
            None,
            vec!["Career".into(), "DevOps".into()],
        );
        let commands: Vec<String> = say(&vague(&alex, &both), std::slice::from_ref(&alex))
            .into_iter()
            .map(|n| n.command)
            .collect();
        assert_eq!(
            commands,
            [
                "mentee agenda --topic 1 \"A SPECIFIC QUESTION\" -m alex",
                "mentee agenda --topic 2 \"A SPECIFIC QUESTION\" -m alex",
            ]
        );
        assert!(
            nudges[0]
                .message
                .contains("\"DevOps\" for your meeting with Name alex on 2026-11-24")
        );
        assert_eq!(shell_word("it's fine"), "\"it's fine\"");
        assert_eq!(shell_word("it's $5"), "'it'\\''s $5'");
    }
}
