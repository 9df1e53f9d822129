//! The whole journal as one value, for `mentee export` and `mentee import`:
//! what it holds, which part of it an export keeps, and the checks an
//! import makes before anything is written.
//!
//! The exported JSON has its own shape ([`Wire`]), separate from the
//! serde derives of the model types, so that the files, the cache and this
//! document can each change without dragging the others along. Its
//! `version` is bumped only for a change that an older reader would
//! misunderstand; see docs/json.md.

mod problems;

use crate::model::correction::Correction;
use crate::model::dates::{Span, toml_date};
use crate::model::goal::{Goal, GoalStatus, Rating};
use crate::model::id::Id;
use crate::model::journal::{Entry, Kind};
use crate::model::meeting::{Action, CheckIn, Meeting, QueuedTopic, Status, StatusChange};
use crate::model::mentor::{Mentor, Role};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The version of the export document this mentee writes and the newest it
/// can import.
pub const VERSION: u64 = 1;

/// Everything in a data folder, as model values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Archive {
    pub mentors: Vec<Mentor>,
    /// Held meetings by date, then planned ones.
    pub meetings: Vec<Meeting>,
    /// Commitments made outside any meeting.
    pub unattached: Vec<Action>,
    /// Journal entries, oldest first.
    pub entries: Vec<Entry>,
    /// Topics queued for a later meeting.
    pub later: Vec<QueuedTopic>,
    /// Goals, in the order of `goals.toml`.
    pub goals: Vec<Goal>,
    /// Kinds of nudge silenced for every mentor (`settings.toml`).
    pub silence: Vec<String>,
}

/// Which part of the journal an export keeps.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only records dated on or after this day (mentors are always kept).
    pub since: Option<NaiveDate>,
    /// Only this mentor's records (slug), plus entries meant for everyone.
    pub mentor: Option<String>,
}

impl Archive {
    /// The part of the journal `filter` keeps. A planned meeting without a
    /// date is upcoming, so `since` keeps it.
    pub fn filtered(mut self, filter: &Filter) -> Archive {
        let from = |date: Option<NaiveDate>| {
            filter
                .since
                .is_none_or(|since| date.is_none_or(|d| d >= since))
        };
        let mine = |slug: Option<&str>| {
            filter
                .mentor
                .as_deref()
                .is_none_or(|wanted| slug == Some(wanted))
        };
        self.mentors.retain(|m| mine(Some(&m.slug)));
        self.meetings
            .retain(|m| mine(Some(&m.mentor)) && from(m.date));
        self.unattached
            .retain(|a| mine(a.mentor.as_deref()) && from(Some(a.created)));
        self.entries
            .retain(|e| (e.mentor.is_none() || mine(e.mentor.as_deref())) && from(Some(e.date)));
        self.later
            .retain(|q| mine(Some(&q.mentor)) && from(Some(q.added)));
        // A goal is kept while it was live in the period: made, rated or
        // due on or after `since`.
        self.goals.retain(|g| {
            (g.mentor.is_none() || mine(g.mentor.as_deref()))
                && (from(Some(g.created))
                    || from(Some(g.by))
                    || g.ratings.iter().any(|r| from(Some(r.on))))
        });
        self
    }

    /// Every commitment with the slug of its mentor.
    pub fn commitments(&self) -> impl Iterator<Item = (&Action, &str)> {
        let in_meetings = self
            .meetings
            .iter()
            .flat_map(|m| m.actions.iter().map(move |a| (a, m.mentor.as_str())));
        let unattached = self
            .unattached
            .iter()
            .map(|a| (a, a.mentor.as_deref().unwrap_or_default()));
        in_meetings.chain(unattached)
    }
}

// ---- the JSON shape --------------------------------------------------------

/// The export document's payload: `{"version": 1, "export": Wire}`.
/// Every optional value is written as `null` when unset; on reading, a
/// missing optional field means the same.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wire {
    #[serde(deserialize_with = "toml_date::deserialize")]
    pub exported: NaiveDate,
    #[serde(default, deserialize_with = "toml_date::option::deserialize")]
    pub since: Option<NaiveDate>,
    /// The slug of the one mentor exported, when `-m` was given.
    #[serde(default)]
    pub mentor: Option<String>,
    pub mentors: Vec<WireMentor>,
    pub meetings: Vec<WireMeeting>,
    /// Commitments made outside any meeting.
    pub commitments: Vec<WireCommitment>,
    pub entries: Vec<WireEntry>,
    pub later: Vec<WireTopic>,
    /// Missing in exports made before goals existed.
    #[serde(default)]
    pub goals: Vec<WireGoal>,
    /// Missing in exports made before nudges could be silenced.
    #[serde(default)]
    pub silence: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireMentor {
    pub name: String,
    pub slug: String,
    pub role: Role,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub every: Option<Span>,
    #[serde(default, deserialize_with = "toml_date::option::deserialize")]
    pub since: Option<NaiveDate>,
    #[serde(default, deserialize_with = "toml_date::option::deserialize")]
    pub until: Option<NaiveDate>,
    #[serde(default)]
    pub silence: Vec<String>,
    /// Missing in exports made before a mentor could be paused.
    #[serde(
        default,
        deserialize_with = "toml_date::option::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub paused_until: Option<NaiveDate>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireMeeting {
    pub id: Id,
    pub mentor: String,
    pub status: MeetingStatus,
    #[serde(default, deserialize_with = "toml_date::option::deserialize")]
    pub date: Option<NaiveDate>,
    /// The local time it starts at, such as "15:00:00".
    #[serde(
        default,
        deserialize_with = "crate::model::times::toml_time::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub time: Option<chrono::NaiveTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    pub topics: Vec<String>,
    #[serde(default)]
    pub checkins: Vec<WireCheckIn>,
    #[serde(default)]
    pub commitments: Vec<WireCommitment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MeetingStatus {
    Held,
    Planned,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireCheckIn {
    pub action: Id,
    pub status: Status,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireCommitment {
    pub id: Id,
    pub text: String,
    /// Set for commitments made outside any meeting; `null` in a meeting,
    /// whose mentor is meant.
    #[serde(default)]
    pub mentor: Option<String>,
    #[serde(deserialize_with = "toml_date::deserialize")]
    pub created: NaiveDate,
    #[serde(default, deserialize_with = "toml_date::option::deserialize")]
    pub due: Option<NaiveDate>,
    pub status: Status,
    #[serde(default)]
    pub goal: Option<Id>,
    #[serde(default)]
    pub history: Vec<WireChange>,
    /// Fixes made with `action set` (see docs/corrections.md).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireChange {
    #[serde(deserialize_with = "toml_date::deserialize")]
    pub on: NaiveDate,
    pub status: Status,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireEntry {
    pub id: Id,
    #[serde(deserialize_with = "toml_date::deserialize")]
    pub date: NaiveDate,
    pub kind: Kind,
    #[serde(default)]
    pub mentor: Option<String>,
    #[serde(default)]
    pub action: Option<Id>,
    #[serde(default)]
    pub meeting: Option<Id>,
    #[serde(default)]
    pub goal: Option<Id>,
    #[serde(default)]
    pub about: Option<Id>,
    #[serde(default)]
    pub options: Vec<String>,
    #[serde(default)]
    pub input: Option<String>,
    #[serde(default)]
    pub why: Option<String>,
    pub text: String,
    /// The day the entry was last corrected with `entry set`.
    #[serde(
        default,
        deserialize_with = "toml_date::option::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub edited: Option<NaiveDate>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireTopic {
    pub id: Id,
    pub mentor: String,
    pub text: String,
    #[serde(deserialize_with = "toml_date::deserialize")]
    pub added: NaiveDate,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireGoal {
    pub id: Id,
    pub text: String,
    /// `null` for a goal shown with every mentor.
    #[serde(default)]
    pub mentor: Option<String>,
    #[serde(default)]
    pub measure: Option<String>,
    #[serde(deserialize_with = "toml_date::deserialize")]
    pub created: NaiveDate,
    #[serde(deserialize_with = "toml_date::deserialize")]
    pub by: NaiveDate,
    pub status: GoalStatus,
    #[serde(default)]
    pub ratings: Vec<WireRating>,
    /// Fixes made with `goal set`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireRating {
    #[serde(deserialize_with = "toml_date::deserialize")]
    pub on: NaiveDate,
    #[serde(deserialize_with = "crate::model::goal::score")]
    pub score: u8,
    #[serde(default)]
    pub note: Option<String>,
}

impl Wire {
    pub fn new(archive: &Archive, exported: NaiveDate, filter: &Filter) -> Wire {
        Wire {
            exported,
            since: filter.since,
            mentor: filter.mentor.clone(),
            mentors: archive.mentors.iter().map(WireMentor::from).collect(),
            meetings: archive.meetings.iter().map(WireMeeting::from).collect(),
            commitments: archive
                .unattached
                .iter()
                .map(WireCommitment::from)
                .collect(),
            entries: archive.entries.iter().map(WireEntry::from).collect(),
            later: archive.later.iter().map(WireTopic::from).collect(),
            goals: archive.goals.iter().map(WireGoal::from).collect(),
            silence: archive.silence.clone(),
        }
    }

    /// The model values again; nothing is checked here (see
    /// [`Archive::problems`]).
    pub fn into_archive(self) -> Archive {
        Archive {
            mentors: self.mentors.into_iter().map(Mentor::from).collect(),
            meetings: self.meetings.into_iter().map(Meeting::from).collect(),
            unattached: self.commitments.into_iter().map(Action::from).collect(),
            entries: self.entries.into_iter().map(Entry::from).collect(),
            later: self.later.into_iter().map(QueuedTopic::from).collect(),
            goals: self.goals.into_iter().map(Goal::from).collect(),
            silence: self.silence,
        }
    }

    /// Was this export cut down with `--since` or `-m`?
    pub fn is_partial(&self) -> bool {
        self.since.is_some() || self.mentor.is_some()
    }
}

impl From<&Mentor> for WireMentor {
    fn from(m: &Mentor) -> Self {
        WireMentor {
            name: m.name.clone(),
            slug: m.slug.clone(),
            role: m.role,
            email: m.email.clone(),
            every: m.every,
            since: m.since,
            until: m.until,
            silence: m.silence.clone(),
            paused_until: m.paused_until,
        }
    }
}

impl From<WireMentor> for Mentor {
    fn from(m: WireMentor) -> Self {
        Mentor {
            name: m.name,
            slug: m.slug,
            role: m.role,
            email: m.email,
            every: m.every,
            since: m.since,
            until: m.until,
            silence: m.silence,
            paused_until: m.paused_until,
        }
    }
}

impl From<&Meeting> for WireMeeting {
    fn from(m: &Meeting) -> Self {
        WireMeeting {
            id: m.id.clone(),
            mentor: m.mentor.clone(),
            status: if m.held {
                MeetingStatus::Held
            } else {
                MeetingStatus::Planned
            },
            date: m.date,
            time: m.time,
            minutes: m.minutes,
            topics: m.topics.clone(),
            checkins: m
                .checkins
                .iter()
                .map(|c| WireCheckIn {
                    action: c.action.clone(),
                    status: c.status,
                    note: c.note.clone(),
                })
                .collect(),
            commitments: m.actions.iter().map(WireCommitment::from).collect(),
        }
    }
}

impl From<WireMeeting> for Meeting {
    fn from(m: WireMeeting) -> Self {
        Meeting {
            id: m.id,
            mentor: m.mentor,
            held: m.status == MeetingStatus::Held,
            date: m.date,
            time: m.time,
            minutes: m.minutes,
            topics: m.topics,
            checkins: m
                .checkins
                .into_iter()
                .map(|c| CheckIn {
                    action: c.action,
                    status: c.status,
                    note: c.note,
                })
                .collect(),
            actions: m.commitments.into_iter().map(Action::from).collect(),
        }
    }
}

impl From<&Action> for WireCommitment {
    fn from(a: &Action) -> Self {
        WireCommitment {
            id: a.id.clone(),
            text: a.text.clone(),
            mentor: a.mentor.clone(),
            created: a.created,
            due: a.due,
            status: a.status,
            goal: a.goal.clone(),
            history: a
                .history
                .iter()
                .map(|h| WireChange {
                    on: h.on,
                    status: h.status,
                    note: h.note.clone(),
                })
                .collect(),
            corrections: a.corrections.clone(),
        }
    }
}

impl From<WireCommitment> for Action {
    fn from(a: WireCommitment) -> Self {
        Action {
            id: a.id,
            text: a.text,
            created: a.created,
            due: a.due,
            status: a.status,
            mentor: a.mentor,
            goal: a.goal,
            history: a
                .history
                .into_iter()
                .map(|h| StatusChange {
                    on: h.on,
                    status: h.status,
                    note: h.note,
                })
                .collect(),
            corrections: a.corrections,
        }
    }
}

impl From<&Entry> for WireEntry {
    fn from(e: &Entry) -> Self {
        WireEntry {
            id: e.id.clone(),
            date: e.date,
            kind: e.kind.clone(),
            mentor: e.mentor.clone(),
            action: e.action.clone(),
            meeting: e.meeting.clone(),
            goal: e.goal.clone(),
            about: e.about.clone(),
            options: e.options.clone(),
            input: e.input.clone(),
            why: e.why.clone(),
            text: e.text.clone(),
            edited: e.edited,
        }
    }
}

impl From<WireEntry> for Entry {
    fn from(e: WireEntry) -> Self {
        Entry {
            id: e.id,
            date: e.date,
            kind: e.kind,
            mentor: e.mentor,
            action: e.action,
            meeting: e.meeting,
            goal: e.goal,
            about: e.about,
            options: e.options,
            input: e.input,
            why: e.why,
            text: e.text,
            edited: e.edited,
        }
    }
}

impl From<&QueuedTopic> for WireTopic {
    fn from(q: &QueuedTopic) -> Self {
        WireTopic {
            id: q.id.clone(),
            mentor: q.mentor.clone(),
            text: q.text.clone(),
            added: q.added,
        }
    }
}

impl From<WireTopic> for QueuedTopic {
    fn from(q: WireTopic) -> Self {
        QueuedTopic {
            id: q.id,
            mentor: q.mentor,
            text: q.text,
            added: q.added,
        }
    }
}

impl From<&Goal> for WireGoal {
    fn from(g: &Goal) -> Self {
        WireGoal {
            id: g.id.clone(),
            text: g.text.clone(),
            mentor: g.mentor.clone(),
            measure: g.measure.clone(),
            created: g.created,
            by: g.by,
            status: g.status,
            ratings: g
                .ratings
                .iter()
                .map(|r| WireRating {
                    on: r.on,
                    score: r.score,
                    note: r.note.clone(),
                })
                .collect(),
            corrections: g.corrections.clone(),
        }
    }
}

impl From<WireGoal> for Goal {
    fn from(g: WireGoal) -> Self {
        Goal {
            id: g.id,
            text: g.text,
            mentor: g.mentor,
            measure: g.measure,
            created: g.created,
            by: g.by,
            status: g.status,
            ratings: g
                .ratings
                .into_iter()
                .map(|r| Rating {
                    on: r.on,
                    score: r.score,
                    note: r.note,
                })
                .collect(),
            corrections: g.corrections,
        }
    }
}

/// Commitment texts by ID, for showing a check-in or an entry's subject.
pub fn commitment_texts(archive: &Archive) -> HashMap<&Id, &str> {
    archive
        .commitments()
        .map(|(a, _)| (&a.id, a.text.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn mentor(slug: &str) -> Mentor {
        Mentor::new(slug.to_uppercase(), slug.to_string())
    }

    fn sample() -> Archive {
        let mut held =
            Meeting::planned(Id::from("meet01"), "alex", Some(day("2026-11-02")), vec![]);
        held.held = true;
        held.actions = vec![Action::new(
            Id::from("act001"),
            "Draft".into(),
            day("2026-11-02"),
            None,
        )];
        let mut later =
            Meeting::planned(Id::from("meet02"), "alex", Some(day("2026-11-16")), vec![]);
        later.held = true;
        later.checkins = vec![CheckIn {
            action: Id::from("act001"),
            status: Status::Done,
            note: None,
        }];
        let entry = |id: &str, date: &str, mentor: Option<&str>| {
            Entry::new(
                Id::from(id),
                day(date),
                Kind::Update,
                mentor.map(str::to_string),
                "x".into(),
            )
        };
        let mut goal = Goal::new(
            Id::from("goal01"),
            "Lead a design".into(),
            day("2026-09-01"),
            day("2027-03-31"),
        );
        goal.mentor = Some("alex".into());
        goal.rate(day("2026-11-03"), 3, Some("halfway".into()));
        Archive {
            mentors: vec![mentor("alex"), mentor("priya")],
            meetings: vec![held, later],
            unattached: vec![],
            entries: vec![
                entry("ent001", "2026-11-03", Some("alex")),
                entry("ent002", "2026-11-20", None),
                entry("ent003", "2026-11-21", Some("priya")),
            ],
            later: vec![],
            goals: vec![goal],
            silence: vec!["vague".into()],
        }
    }

    #[test]
    fn a_consistent_journal_has_no_problems() {
        assert_eq!(sample().problems(), Vec::<String>::new());
    }

    #[test]
    fn duplicates_dangling_references_and_bad_slugs_are_problems() {
        let mut archive = sample();
        archive.entries[1].id = Id::from("ent001");
        archive.entries[2].action = Some(Id::from("nope00"));
        archive.meetings[0].mentor = "../etc".into();
        archive.meetings[0].actions[0].goal = Some(Id::from("nogoal"));
        archive.goals[0].mentor = Some("nobody".into());
        archive.mentors[1].slug = "../etc".into();
        let problems = archive.problems().join("\n");
        assert!(
            problems.contains("two records of kind entry have the ID ent001"),
            "{problems}"
        );
        assert!(
            problems.contains("commitment nope00, which is not in the file"),
            "{problems}"
        );
        assert!(problems.contains("slug \"../etc\""), "{problems}");
        assert!(
            problems.contains("commitment act001 serves the goal nogoal, which is not in the file"),
            "{problems}"
        );
        assert!(
            problems.contains("goal goal01 names the mentor \"nobody\""),
            "{problems}"
        );
        assert!(
            problems.contains("names the mentor \"../etc\""),
            "{problems}"
        );
    }

    #[test]
    fn ids_are_unique_in_any_case_and_across_kinds() {
        let mut archive = sample();
        archive.entries[1].id = Id::from("ENT001");
        archive.goals[0].id = Id::from("meet01");
        let problems = archive.problems().join("\n");
        assert!(
            problems.contains("the IDs ent001 (entry) and ENT001 (entry) differ only in case"),
            "{problems}"
        );
        assert!(
            problems.contains("the ID meet01 is on a meeting and on a goal"),
            "{problems}"
        );
    }

    #[test]
    fn filters_keep_one_mentor_and_a_period() {
        let filter = Filter {
            since: Some(day("2026-11-10")),
            mentor: Some("alex".into()),
        };
        let part = sample().filtered(&filter);
        assert_eq!(part.mentors.len(), 1);
        let meetings: Vec<&str> = part.meetings.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(meetings, vec!["meet02"]);
        let entries: Vec<&str> = part.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(entries, vec!["ent002"]);
        // The check-in of meet02 reports on a commitment made before --since.
        assert_eq!(part.problems().len(), 1);
        // A goal made before --since but due after it was live in the period.
        assert_eq!(part.goals.len(), 1);
        let mut old = sample();
        old.goals[0].by = day("2026-10-31");
        assert!(old.filtered(&filter).goals.is_empty());
        let priya = sample().filtered(&Filter {
            since: None,
            mentor: Some("priya".into()),
        });
        assert!(priya.goals.is_empty(), "Alex's goal is not Priya's");
    }

    #[test]
    fn the_wire_shape_round_trips() {
        let archive = sample();
        let wire = Wire::new(&archive, day("2026-11-22"), &Filter::default());
        let text = serde_json::to_string(&wire).expect("serialise");
        let back: Wire = serde_json::from_str(&text).expect("parse");
        assert_eq!(back.into_archive(), archive);
    }
}
