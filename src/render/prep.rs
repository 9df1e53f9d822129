//! The wording of `mentee prep`: one fixed template per source, filled only
//! with what the record says (see `model/prep.rs`), and the `mentee agenda`
//! command that plans each suggestion.

use crate::model::mentor::Mentor;
use crate::model::prep::{About, Suggestion};
use crate::render::shell;
use crate::render::text::{clean, collapse_whitespace, indented, plural};
use serde::Serialize;
use std::fmt::Write;

/// How much of a record's text a question quotes.
const CITED_CHARS: usize = 80;

/// The suggestion as a topic for the agenda: a specific question that cites
/// the record's ID. A queued topic is the user's own words, as they are.
pub fn topic(s: &Suggestion) -> String {
    let id = &s.id;
    match &s.about {
        About::Blocked { text } => format!("What would unblock [{id}] {}?", cited(text)),
        About::Carried { text, meetings } => format!(
            "Should I keep, re-scope or drop [{id}] {}, carried over {}?",
            cited(text),
            plural(*meetings, "meeting", "meetings")
        ),
        About::Queued { text } => text.trim().to_string(),
        About::GoalFell { text, from, to } => format!(
            "My rating for [{id}] {} fell from {from} to {to}: what should I change?",
            cited(text)
        ),
        About::Advice { text, .. } => format!(
            "How did [{id}] {} work out, and what should I try next?",
            cited(text)
        ),
        About::GoalUnrated { text, since, rated } => format!(
            "Where do I stand on [{id}] {}, {}, and what is next?",
            cited(text),
            if *rated {
                format!("not rated since {since}")
            } else {
                format!("set on {since} and never rated")
            }
        ),
        About::Decision { text, .. } => {
            format!(
                "Looking back at [{id}] {}: was it the right call?",
                cited(text)
            )
        }
        About::YearAgo { topics, on } => format!(
            "A year ago ({on}) we discussed [{id}] \"{}\": where am I now?",
            topics
                .iter()
                .map(|t| cited(t))
                .collect::<Vec<_>>()
                .join("\" and \"")
        ),
    }
}

/// Why it is suggested, in a few words.
pub fn why(s: &Suggestion) -> String {
    match &s.about {
        About::Blocked { .. } => "a blocked commitment".to_string(),
        About::Carried { meetings, .. } => format!(
            "a commitment carried over {}",
            plural(*meetings, "meeting", "meetings")
        ),
        About::Queued { .. } => "a topic you queued for later".to_string(),
        About::GoalFell { from, to, .. } => format!("a goal whose rating fell from {from} to {to}"),
        About::Advice { on, .. } => format!("advice of {on} with no outcome yet"),
        About::GoalUnrated {
            since, rated: true, ..
        } => {
            format!("a goal not rated since {since}")
        }
        About::GoalUnrated { since, .. } => format!("a goal set on {since}, never rated"),
        About::Decision { on, .. } => format!("a decision of {on} made with their input"),
        About::YearAgo { on, .. } => format!("the meeting of {on}"),
    }
}

/// A record's text as a question quotes it: its first line, without the
/// full stop that ends it, cut short when long.
fn cited(text: &str) -> String {
    let line = collapse_whitespace(text.lines().find(|l| !l.trim().is_empty()).unwrap_or(""));
    let line = line.trim_end_matches(['.', '!', '?', ';', ':', ',', ' ']);
    if line.chars().count() > CITED_CHARS {
        let cut: String = line.chars().take(CITED_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        line.to_string()
    }
}

/// The command that plans `topics` for the meeting with `slug`.
pub fn agenda_command(topics: &[String], slug: &str) -> String {
    let words: Vec<String> = topics.iter().map(|t| shell::word(t)).collect();
    format!("mentee agenda {} -m {slug}", words.join(" "))
}

/// The suggestions as a list to read and paste, each with the command that
/// plans it; `more` were left out.
pub fn listing(mentor: &Mentor, shown: &[Suggestion], more: usize) -> String {
    let mut out = format!(
        "Topics for the next meeting with {}, from your record:\n\n",
        clean(&mentor.name)
    );
    let topics: Vec<String> = shown.iter().map(topic).collect();
    for (i, (s, topic)) in shown.iter().zip(&topics).enumerate() {
        let _ = writeln!(out, "{}. {}", i + 1, indented(topic, "   "));
        let _ = writeln!(out, "   ({})", clean(&why(s)));
        let _ = writeln!(
            out,
            "   {}",
            clean(&agenda_command(std::slice::from_ref(topic), &mentor.slug))
        );
    }
    if more > 0 {
        let _ = writeln!(
            out,
            "… and {more} more: mentee prep -m {} --all",
            mentor.slug
        );
    }
    out
}

/// One suggestion in `mentee prep --json`.
#[derive(Debug, Serialize)]
pub struct Item<'a> {
    pub source: &'static str,
    pub id: &'a crate::model::id::Id,
    pub mentor: &'a str,
    pub topic: String,
}

/// The suggestions for `mentee prep --json`.
pub fn items<'a>(mentor: &'a Mentor, all: &'a [Suggestion]) -> Vec<Item<'a>> {
    all.iter()
        .map(|s| Item {
            source: source(&s.about),
            id: &s.id,
            mentor: &mentor.slug,
            topic: topic(s),
        })
        .collect()
}

/// The name of a suggestion's source in JSON.
fn source(about: &About) -> &'static str {
    match about {
        About::Blocked { .. } => "blocked",
        About::Carried { .. } => "carried",
        About::Queued { .. } => "queued",
        About::GoalFell { .. } => "goal_fell",
        About::Advice { .. } => "advice",
        About::GoalUnrated { .. } => "goal_unrated",
        About::Decision { .. } => "decision",
        About::YearAgo { .. } => "year_ago",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::id::Id;
    use crate::model::nudge::is_vague;

    fn day(text: &str) -> chrono::NaiveDate {
        text.parse().expect("a date")
    }

    /// Every template, filled with `text` wherever it quotes the record.
    fn every_template(text: &str) -> Vec<Suggestion> {
        let text = text.to_string();
        let on = day("2026-10-01");
        [
            About::Blocked { text: text.clone() },
            About::Carried {
                text: text.clone(),
                meetings: 3,
            },
            About::GoalFell {
                text: text.clone(),
                from: 4,
                to: 2,
            },
            About::Advice {
                text: text.clone(),
                on,
            },
            About::GoalUnrated {
                text: text.clone(),
                since: on,
                rated: true,
            },
            About::GoalUnrated {
                text: text.clone(),
                since: on,
                rated: false,
            },
            About::Decision {
                text: text.clone(),
                on,
            },
            About::YearAgo {
                topics: vec![text.clone()],
                on,
            },
        ]
        .into_iter()
        .map(|about| Suggestion {
            id: Id::from("k3f9x2"),
            about,
        })
        .collect()
    }

    #[test]
    fn every_template_is_a_specific_question_that_cites_its_record() {
        for text in [
            "Write the runbook.",
            "Docs",
            "",
            "Escalate with a date, not with urgency",
        ] {
            for s in every_template(text) {
                let topic = topic(&s);
                assert!(!is_vague(&topic), "vague: {topic:?}");
                assert!(topic.contains("[k3f9x2]"), "no ID: {topic:?}");
                assert!(topic.ends_with('?'), "not a question: {topic:?}");
            }
        }
    }

    #[test]
    fn the_templates_read_as_the_spec_says() {
        let worded: Vec<String> = every_template("Write the runbook.")
            .iter()
            .map(topic)
            .collect();
        assert_eq!(
            worded,
            [
                "What would unblock [k3f9x2] Write the runbook?",
                "Should I keep, re-scope or drop [k3f9x2] Write the runbook, carried over 3 meetings?",
                "My rating for [k3f9x2] Write the runbook fell from 4 to 2: what should I change?",
                "How did [k3f9x2] Write the runbook work out, and what should I try next?",
                "Where do I stand on [k3f9x2] Write the runbook, not rated since 2026-10-01, and what is next?",
                "Where do I stand on [k3f9x2] Write the runbook, set on 2026-10-01 and never rated, and what is next?",
                "Looking back at [k3f9x2] Write the runbook: was it the right call?",
                "A year ago (2026-10-01) we discussed [k3f9x2] \"Write the runbook\": where am I now?",
            ]
        );
    }

    #[test]
    fn a_queued_topic_is_the_users_own_words() {
        let s = Suggestion {
            id: Id::from("q1w2e3"),
            about: About::Queued {
                text: " How do I ask for a promotion? ".into(),
            },
        };
        assert_eq!(topic(&s), "How do I ask for a promotion?");
    }

    #[test]
    fn long_texts_are_cited_by_their_first_line_cut_short() {
        assert_eq!(cited("First line.\nSecond line"), "First line");
        let long = "word ".repeat(40);
        let quoted = cited(&long);
        assert_eq!(quoted.chars().count(), CITED_CHARS);
        assert!(quoted.ends_with("word…"), "{quoted}");
    }

    #[test]
    fn the_agenda_command_is_quoted_for_the_shell() {
        assert_eq!(
            agenda_command(&["Is it \"done\"?".into()], "alex-kim"),
            "mentee agenda 'Is it \"done\"?' -m alex-kim"
        );
    }
}
