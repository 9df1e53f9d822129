//! Where each relationship stands: last and next meeting, what is open, what
//! has not been reported yet. Feeds `status` and `mentor list`.

use crate::model::commitment::Commitment;
use crate::model::meeting::Meeting;
use crate::model::meeting::{last_held, planned};
use crate::model::mentor::Mentor;
use crate::model::summary::NextMeeting;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    #[serde(flatten)]
    pub mentor: Mentor,
    pub active: bool,
    pub last_meeting: Option<NaiveDate>,
    /// The planned meeting, if one is planned.
    pub next_meeting: Option<NextMeeting>,
    /// When the cadence says the next meeting is due (last meeting + cadence).
    pub due_by_cadence: Option<NaiveDate>,
    pub open_commitments: usize,
    /// Commitments from the last meeting with no report yet.
    pub unreported: usize,
    /// On a break today: the day it ends (the mentor's `paused_until`,
    /// while still to come).
    #[serde(skip)]
    pub paused: Option<NaiveDate>,
}

pub fn build(
    mentor: &Mentor,
    meetings: &[Meeting],
    commitments: &[Commitment],
    today: NaiveDate,
) -> Overview {
    let slug = mentor.slug.as_str();
    let last = last_held(meetings, slug, today);
    let next_meeting = planned(meetings, slug).map(|m| NextMeeting {
        date: m.date,
        time: m.time,
        minutes: m.length(),
        topics: m.topics.clone(),
    });
    let last_date = last.and_then(|m| m.date);
    let active = mentor.is_active(today);
    let due_by_cadence = last_date
        .filter(|_| active)
        .and_then(|date| mentor.due_by_cadence(date));
    let mine = || {
        commitments
            .iter()
            .filter(|c| c.mentor == slug && c.status.is_open())
    };
    let unreported = mine()
        .filter(|c| !c.reported())
        .filter(|c| last.is_some_and(|m| c.meeting.as_ref().is_some_and(|r| r.id == m.id)))
        .count();
    Overview {
        mentor: mentor.clone(),
        active,
        last_meeting: last_date,
        next_meeting,
        due_by_cadence,
        open_commitments: mine().count(),
        unreported,
        paused: mentor.paused_until.filter(|_| mentor.is_paused(today)),
    }
}
