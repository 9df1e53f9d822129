//! Nudges: short reminders of the practice a mentee wants to keep (SPEC §6),
//! as facts: which kind, for which mentor, and the data the reminder is
//! about. How a nudge is worded, and the command that acts on it, is for
//! `render::nudge`.
//!
//! Everything here is decided from values the caller loaded: mentors,
//! meetings, commitments, the latest journal entry per mentor
//! ([`LatestEntries`]) and today's date. The rules, and why the numbers are
//! what they are:
//!
//! | kind | shows when |
//! |---|---|
//! | `unreported` | a commitment from the last meeting held (before today) with an active mentor has no report yet, and the next meeting is near (planned, or due by cadence, within [`CADENCE_AHEAD`] days, or its day passed) or the commitment is due |
//! | `overdue` | an open commitment is past its due date |
//! | `carried` | an open commitment has been carried over [`CARRIED`] meetings or more, and has no due date still to come (a new date carries it on purpose) |
//! | `cadence` | no meeting is planned and the cadence says one is due within [`CADENCE_AHEAD`] days (or was due already), before the end of the term, and the mentor is not paused: time to plan, before it is late |
//! | `quiet` | no meeting and nothing logged for an active mentor, not paused, for more than twice the cadence ([`QUIET_DEFAULT`] days without one) |
//! | `keep-in-touch` | a relationship ended more than [`KEEP_IN_TOUCH`] days ago and nothing was logged for them, nor a meeting held, since; it stays until something is |
//! | `vague` | a topic of a planned agenda is very short or a catch-all |
//! | `mid-term` | the middle of a relationship with a start and an end passed less than [`MID_TERM`] days ago |
//! | `closing` | a relationship ends within [`CLOSING_AHEAD`] days or ended less than [`MID_TERM`] days ago: time for the closing review |
//!
//! A commitment gets at most one nudge: carried, else overdue, else
//! unreported. Silenced kinds (per mentor in `mentors.toml`, for everyone in
//! `settings.toml`) are dropped before that choice, so silencing `overdue`
//! lets the `unreported` reminder through.
//!
//! The parts: [`kinds`] names the kinds, [`silence`] says which are shown,
//! [`rules`] decides the nudges about commitments, meetings and keeping in
//! touch, and [`topics`] the ones about vague agenda topics.

#[cfg(test)]
pub mod fixtures;
pub mod kinds;
pub mod rules;
pub mod silence;
pub mod topics;

pub use kinds::{ALL, Kind};
pub use rules::{
    about_commitments, cadence, closing, keep_in_touch, lookback, mid_term, next_meeting_near,
    quiet, quiet_days, wanted_contacts,
};
pub use silence::{is_silenced, silence, to_show, unsilence};
pub use topics::{is_vague, vague};

use crate::model::commitment::Commitment;
use crate::model::dates::Span;
use crate::model::id::Id;
use crate::model::journal::LatestEntries;
use crate::model::meeting::{Meeting, planned};
use crate::model::mentor::Mentor;
use chrono::NaiveDate;

/// Meetings a commitment may be carried over before it gets a nudge.
pub const CARRIED: usize = 3;
/// A meeting due by cadence gets a nudge this many days ahead, so there is
/// time to plan it.
pub const CADENCE_AHEAD: i64 = 2;
/// Days without an entry for a mentor that has no cadence.
pub const QUIET_DEFAULT: i64 = 30;
/// Days after a relationship ended before the keep-in-touch nudge.
pub const KEEP_IN_TOUCH: i64 = 90;
/// Days the mid-term nudge shows from the middle of the relationship, and
/// the closing one after its end.
pub const MID_TERM: i64 = 14;
/// Days before the end of a relationship that the closing nudge shows.
pub const CLOSING_AHEAD: i64 = 7;

/// One reminder: the mentor it concerns and what it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nudge {
    /// The mentor's slug.
    pub mentor: String,
    pub about: About,
}

/// What a nudge is about, one variant per [`Kind`], with the facts its
/// wording needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum About {
    /// A commitment from the last meeting held, on `met_on`, has no report.
    Unreported {
        commitment: Open,
        met_on: Option<NaiveDate>,
    },
    /// A commitment is past its due date.
    Overdue { commitment: Open, due: NaiveDate },
    /// A commitment was carried over `times` meetings.
    Carried { commitment: Open, times: usize },
    /// The next meeting by cadence (`every`) is due and none is planned.
    Cadence { due: Due, every: Span },
    /// Nothing logged, nor a meeting held, for too long.
    Quiet { silent: Silent },
    /// The relationship ended on `ended` and nothing was logged since, as
    /// far as the journal read tells.
    KeepInTouch {
        ended: NaiveDate,
        searched: Searched,
    },
    /// The topic `vague` (an index into `topics`) of the meeting planned
    /// for `date` reads as vague.
    Vague {
        topics: Vec<String>,
        vague: usize,
        date: Option<NaiveDate>,
    },
    /// Halfway through the relationship from `since` to `until`.
    MidTerm { since: NaiveDate, until: NaiveDate },
    /// The relationship ends, or `ended`, on `until`.
    Closing { until: NaiveDate, ended: bool },
}

/// The open commitment a nudge is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Open {
    pub id: Id,
    pub text: String,
}

/// When the next meeting by cadence is due, from today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    Was(NaiveDate),
    Today,
    On(NaiveDate),
}

/// How long a mentor has heard nothing: since a day, or (when the journal
/// read holds nothing) more than some days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Silent {
    Since(NaiveDate),
    MoreThan(i64),
}

/// How far the journal read tells that nothing was logged: since the end
/// of the relationship, or only over the last days read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Searched {
    SinceEnd,
    LastDays(i64),
}

impl Nudge {
    pub fn kind(&self) -> Kind {
        match self.about {
            About::Unreported { .. } => Kind::Unreported,
            About::Overdue { .. } => Kind::Overdue,
            About::Carried { .. } => Kind::Carried,
            About::Cadence { .. } => Kind::Cadence,
            About::Quiet { .. } => Kind::Quiet,
            About::KeepInTouch { .. } => Kind::KeepInTouch,
            About::Vague { .. } => Kind::Vague,
            About::MidTerm { .. } => Kind::MidTerm,
            About::Closing { .. } => Kind::Closing,
        }
    }

    /// The commitment it is about, for the kinds about one.
    pub fn commitment(&self) -> Option<&Id> {
        match &self.about {
            About::Unreported { commitment, .. }
            | About::Overdue { commitment, .. }
            | About::Carried { commitment, .. } => Some(&commitment.id),
            _ => None,
        }
    }
}

/// Everything the nudges are decided from.
pub struct Sources<'a> {
    pub mentors: &'a [Mentor],
    pub meetings: &'a [Meeting],
    pub commitments: &'a [Commitment],
    pub contact: &'a LatestEntries,
    pub today: NaiveDate,
}

/// Every nudge that is not silenced, in the order to show them.
pub fn all(sources: &Sources<'_>, everywhere: &[String]) -> Vec<Nudge> {
    let Sources {
        mentors,
        meetings,
        commitments,
        contact,
        today,
    } = *sources;
    let mut found = about_commitments(mentors, meetings, commitments, today);
    for mentor in mentors {
        found.extend(cadence(mentor, meetings, today));
        found.extend(quiet(mentor, meetings, contact, today));
        found.extend(keep_in_touch(mentor, meetings, contact, today));
        found.extend(
            planned(meetings, &mentor.slug)
                .into_iter()
                .flat_map(|m| vague(mentor, m)),
        );
        found.extend(mid_term(mentor, today));
        found.extend(closing(mentor, today));
    }
    to_show(found, mentors, everywhere)
}
