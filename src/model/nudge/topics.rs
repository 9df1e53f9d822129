//! The `vague` nudge: agenda topics that are too short or a catch-all to
//! prepare a meeting around.

use crate::model::meeting::Meeting;
use crate::model::mentor::Mentor;
use crate::model::nudge::{About, Nudge};

/// Leading words that make a topic a catch-all rather than a question.
const CATCH_ALL_STARTS: &[&str] = &[
    "everything",
    "anything about",
    "anything else",
    "misc",
    "miscellaneous",
    "random",
    "whatever",
    "general",
    "tell me about",
    "any advice",
    "any general",
    "any tips",
    "tips on",
    "help with",
    "catch up",
    "catch-up",
];

/// Phrases that make a topic a catch-all wherever they are.
const CATCH_ALL_ANYWHERE: &[&str] = &[
    "everything about",
    "teach me",
    "general advice",
    "in general",
    "all about",
    "everything you know",
];

/// Does a topic read as vague: fewer than four words, or a catch-all such as
/// "everything about X" or "teach me X"?
pub fn is_vague(topic: &str) -> bool {
    let lower = topic.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '/')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 4 {
        return true;
    }
    let text = format!(" {} ", words.join(" "));
    CATCH_ALL_STARTS
        .iter()
        .any(|start| text.starts_with(&format!(" {start} ")))
        || CATCH_ALL_ANYWHERE
            .iter()
            .any(|phrase| text.contains(&format!(" {phrase} ")))
}

/// A nudge for every vague topic of a planned meeting.
pub fn vague(mentor: &Mentor, meeting: &Meeting) -> Vec<Nudge> {
    if meeting.held {
        return Vec::new();
    }
    meeting
        .topics
        .iter()
        .enumerate()
        .filter(|(_, topic)| is_vague(topic))
        .map(|(i, _)| Nudge {
            mentor: mentor.slug.clone(),
            about: About::Vague {
                topics: meeting.topics.clone(),
                vague: i,
                date: meeting.date,
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn vague_case(topic: &str, expected: bool) {
        assert_eq!(is_vague(topic), expected, "{topic:?}");
    }

    #[test]
    fn short_and_catch_all_topics_are_vague() {
        vague_case("DevOps", true);
        vague_case("teach me DevOps", true);
        vague_case("Career growth", true);
        vague_case("  Anything else?  ", true);
        vague_case("Everything about Kubernetes and our cluster setup", true);
        vague_case("Can you teach me how design reviews work here?", true);
        vague_case("General advice on my career path please", true);
        vague_case("Misc questions from this week", true);
        vague_case("Tell me everything you know about system design", true);
        vague_case("Any general career advice for me?", true);
        vague_case("How should I split the billing service?", false);
        vague_case("What do you look for in a design review?", false);
        vague_case("Review my design doc for the export pipeline", false);
        vague_case("Is there anything I should prepare for the panel?", false);
    }
}
