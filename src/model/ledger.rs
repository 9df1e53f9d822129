//! The ledger of mentors, meetings and commitments, and the rules of the
//! check-in: which commitments a meeting asks about, how a report joins a
//! meeting's check-in, what holding a meeting changes.

use crate::model::commitment::{self, Commitment};
use crate::model::id::Id;
use crate::model::meeting::{self, Action, CheckIn, Meeting, Status};
use crate::model::mentor::Mentor;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The mentee's ledger: every mentor, every meeting with the commitments
/// made there, and the commitments made outside any meeting. Commands load
/// it through the store (see `crate::workspace`); the rules of what a report,
/// a check-in or a held meeting changes in it live here.
#[derive(Debug, Default)]
pub struct Ledger {
    pub mentors: Vec<Mentor>,
    pub meetings: Vec<Meeting>,
    /// Commitments made outside any meeting (`actions.toml`).
    pub unattached: Vec<Action>,
}

impl Ledger {
    /// The mentors named by meetings and commitments that the mentors file
    /// does not have (a slug mistyped in a hand edit, a mentor removed by
    /// hand), each with the IDs of the records that name it: no mentor's
    /// dashboard can show them.
    pub fn unknown_mentors(&self) -> BTreeMap<&str, Vec<&Id>> {
        let known = |slug: &str| self.mentors.iter().any(|m| m.slug == slug);
        let meetings = self.meetings.iter().map(|m| (&m.id, m.mentor.as_str()));
        let unattached = self
            .unattached
            .iter()
            .filter_map(|a| a.mentor.as_deref().map(|slug| (&a.id, slug)));
        let mut unknown: BTreeMap<&str, Vec<&Id>> = BTreeMap::new();
        for (id, slug) in meetings.chain(unattached) {
            if !known(slug) {
                unknown.entry(slug).or_default().push(id);
            }
        }
        unknown
    }

    /// Every commitment, with where it was made, as of `today`.
    pub fn commitments(&self, today: NaiveDate) -> Vec<Commitment> {
        commitment::all(&self.meetings, &self.unattached, today)
    }

    /// The planned meeting with a mentor, if any.
    pub fn planned(&self, slug: &str) -> Option<&Meeting> {
        meeting::planned(&self.meetings, slug)
    }

    pub fn action(&self, origin: Origin) -> &Action {
        match origin {
            Origin::Meeting(i, j) => &self.meetings[i].actions[j],
            Origin::Unattached(j) => &self.unattached[j],
        }
    }

    pub fn action_mut(&mut self, origin: Origin) -> &mut Action {
        match origin {
            Origin::Meeting(i, j) => &mut self.meetings[i].actions[j],
            Origin::Unattached(j) => &mut self.unattached[j],
        }
    }

    /// The mentor a stored commitment belongs to.
    pub fn mentor_of(&self, origin: Origin) -> &str {
        match origin {
            Origin::Meeting(i, _) => &self.meetings[i].mentor,
            Origin::Unattached(j) => self.unattached[j].mentor.as_deref().unwrap_or_default(),
        }
    }

    /// Adds to meeting `index`'s check-in every report on its mentor's
    /// earlier commitments given on `on` and not in the check-in yet.
    pub fn check_in_reports_made_on(&mut self, index: usize, on: NaiveDate) {
        let meeting = &self.meetings[index];
        let mentor = meeting.mentor.as_str();
        let earlier = self
            .meetings
            .iter()
            .filter(|m| m.mentor == mentor && m.id != meeting.id)
            .flat_map(|m| &m.actions)
            .chain(
                self.unattached
                    .iter()
                    .filter(|a| a.mentor.as_deref() == Some(mentor)),
            );
        let reported: Vec<CheckIn> = earlier
            .filter(|a| !meeting.checkins.iter().any(|c| c.action == a.id))
            .filter_map(|a| {
                let change = a.history.last().filter(|change| change.on == on)?;
                Some(CheckIn {
                    action: a.id.clone(),
                    status: change.status,
                    note: change.note.clone(),
                })
            })
            .collect();
        self.meetings[index].checkins.extend(reported);
    }

    /// Records a report on a commitment: on the commitment itself, and in the
    /// check-in of a meeting with its mentor held that day (if it was not made
    /// there). Returns the files to save.
    pub fn report(
        &mut self,
        origin: Origin,
        status: Status,
        note: Option<String>,
        on: NaiveDate,
    ) -> Vec<Holder> {
        let mentor = self.mentor_of(origin).to_string();
        let action = self.action_mut(origin);
        action.set_status(status, on, note.clone());
        let id = action.id.clone();
        let mut files = vec![origin.holder()];
        let here = |m: &Meeting| {
            m.held
                && m.mentor == mentor
                && m.date == Some(on)
                && !m.actions.iter().any(|a| a.id == id)
        };
        if let Some(i) = self.meetings.iter().position(here) {
            let checkins = &mut self.meetings[i].checkins;
            checkins.retain(|c| c.action != id);
            checkins.push(CheckIn {
                action: id,
                status,
                note,
            });
            files.push(Holder::Meeting(i));
        }
        files
    }

    /// The first day anything was planned or committed with a mentor.
    pub fn first_day_with(&self, slug: &str) -> Option<NaiveDate> {
        let meetings = self
            .meetings
            .iter()
            .filter(|m| m.mentor == slug)
            .filter_map(|m| m.date);
        let unattached = self
            .unattached
            .iter()
            .filter(|a| a.mentor.as_deref() == Some(slug))
            .map(|a| a.created);
        meetings.chain(unattached).min()
    }

    /// The day of the first meeting held with a mentor.
    pub fn first_meeting_with(&self, slug: &str) -> Option<NaiveDate> {
        self.meetings
            .iter()
            .filter(|m| m.held && m.mentor == slug)
            .filter_map(|m| m.date)
            .min()
    }

    /// Open commitments with one mentor in reminder order.
    pub fn open_with(&self, slug: &str, today: NaiveDate) -> Vec<Commitment> {
        let mut open: Vec<Commitment> = self
            .commitments(today)
            .into_iter()
            .filter(|c| c.mentor == slug && c.status.is_open())
            .collect();
        commitment::sort_for_reminder(&mut open);
        open
    }

    /// The open commitments to report on at the meeting with `slug` held on
    /// `on`, in reminder order: not those made at that very meeting, nor
    /// those made after its day (a meeting recorded late). Each is carried
    /// over the meetings held before that day only: neither this meeting
    /// (already recorded when `meet` is run again) nor a later one (when it
    /// is recorded late) counts.
    pub fn to_report_at(&self, slug: &str, on: NaiveDate, today: NaiveDate) -> Vec<Commitment> {
        self.open_with(slug, today)
            .into_iter()
            .filter(|c| c.meeting.as_ref().is_none_or(|m| m.date != Some(on)))
            .filter(|c| c.created <= on)
            .map(|mut c| {
                c.carried = c.carried_before(&self.meetings, on);
                c
            })
            .collect()
    }

    /// The mentor meant when `-m` is left out and several are active: the
    /// only active mentor with a meeting planned for `today`, or held
    /// `today`. `None` when no mentor, or more than one, has one.
    pub fn mentor_of_the_day(&self, today: NaiveDate) -> Option<(&Mentor, MetToday)> {
        let mut found = self
            .mentors
            .iter()
            .filter(|m| m.is_active(today))
            .filter_map(|mentor| {
                let today_with = |held: bool| {
                    self.meetings
                        .iter()
                        .any(|m| m.mentor == mentor.slug && m.held == held && m.date == Some(today))
                };
                if today_with(true) {
                    Some((mentor, MetToday::Held))
                } else if today_with(false) {
                    Some((mentor, MetToday::Planned))
                } else {
                    None
                }
            });
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }

    /// The meeting with `slug` already recorded as held on `on`, if any.
    pub fn held_on(&self, slug: &str, on: NaiveDate) -> Option<usize> {
        self.meetings
            .iter()
            .position(|m| m.mentor == slug && m.held && m.date == Some(on))
    }

    /// Records the meeting with `slug` as held on `on`: the one already held
    /// that day (a meeting is counted once), or the planned one, or a new
    /// unplanned one with the ID `new_id` gives (asked only then). Returns
    /// its index and whether it had been recorded before.
    pub fn hold<E>(
        &mut self,
        slug: &str,
        on: NaiveDate,
        new_id: impl FnOnce() -> Result<Id, E>,
    ) -> Result<(usize, bool), E> {
        if let Some(i) = self.held_on(slug, on) {
            return Ok((i, true));
        }
        if let Some(i) = self
            .meetings
            .iter()
            .position(|m| m.mentor == slug && !m.held)
        {
            let meeting = &mut self.meetings[i];
            meeting.held = true;
            meeting.date = Some(on);
            return Ok((i, false));
        }
        let mut meeting = Meeting::planned(new_id()?, slug, Some(on), Vec::new());
        meeting.held = true;
        self.meetings.push(meeting);
        Ok((self.meetings.len() - 1, false))
    }
}

/// Why [`Ledger::mentor_of_the_day`] chose a mentor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetToday {
    /// A meeting with them is planned for today.
    Planned,
    /// A meeting with them was recorded as held today.
    Held,
}

/// Where a stored commitment lives: (meeting, action) indexes, or its place
/// among the commitments made outside any meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Meeting(usize, usize),
    Unattached(usize),
}

impl Origin {
    /// The record that holds it.
    pub fn holder(self) -> Holder {
        match self {
            Origin::Meeting(i, _) => Holder::Meeting(i),
            Origin::Unattached(_) => Holder::Unattached,
        }
    }
}

/// A record that holds commitments, and so is saved when one changes: a
/// meeting (by index) or the commitments made outside any meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Holder {
    Meeting(usize),
    Unattached,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::convert::Infallible;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn held(id: &str, date: &str, commitments: &[(&str, &str)]) -> Meeting {
        let mut meeting = Meeting::planned(Id::from(id), "alex", Some(day(date)), vec![]);
        meeting.held = true;
        meeting.actions = commitments
            .iter()
            .map(|(id, text)| Action::new(Id::from(*id), text.to_string(), day(date), None))
            .collect();
        meeting
    }

    fn ledger() -> Ledger {
        Ledger {
            mentors: vec![Mentor::new("Alex", "alex")],
            meetings: vec![
                held("m00001", "2027-01-06", &[("a00001", "Write the runbook")]),
                held("m00002", "2027-01-20", &[("a00002", "Book the retro")]),
            ],
            unattached: Vec::new(),
        }
    }

    fn no_id() -> Result<Id, Infallible> {
        panic!("no new meeting was expected")
    }

    #[test]
    fn a_meeting_asks_about_earlier_open_commitments_not_its_own_or_later_ones() {
        let ledger = ledger();
        let today = day("2027-01-28");
        let ids = |on: &str| -> Vec<String> {
            ledger
                .to_report_at("alex", day(on), today)
                .iter()
                .map(|c| c.id.to_string())
                .collect()
        };
        // At the next meeting: both commitments, the older one first.
        assert_eq!(ids("2027-01-28"), ["a00002", "a00001"]);
        // Recorded late, on the day of the second meeting: not what was
        // committed there.
        assert_eq!(ids("2027-01-20"), ["a00001"]);
        // Before anything was committed: nothing.
        assert!(ids("2027-01-05").is_empty());
    }

    #[test]
    fn the_reminder_counts_only_the_meetings_held_before_its_day() {
        let mut ledger = ledger();
        let carried = |ledger: &Ledger, on: &str| -> Vec<(String, usize)> {
            ledger
                .to_report_at("alex", day(on), day("2027-02-10"))
                .iter()
                .map(|c| (c.id.to_string(), c.carried))
                .collect()
        };
        // The meeting of the 28th, run once: the runbook was carried over the
        // meeting of the 20th.
        let first = carried(&ledger, "2027-01-28");
        ledger
            .hold("alex", day("2027-01-28"), || {
                Ok::<_, Infallible>(Id::from("m00003"))
            })
            .expect("held");
        // Run again the same day: the meeting just recorded does not count.
        assert_eq!(carried(&ledger, "2027-01-28"), first);
        assert_eq!(first, [("a00002".into(), 0), ("a00001".into(), 1)]);
        // Recorded late for the 10th, before the meeting of the 20th and the
        // 28th: carried over none of them.
        assert_eq!(carried(&ledger, "2027-01-10"), [("a00001".into(), 0)]);
    }

    #[test]
    fn a_meeting_held_that_day_is_used_before_a_planned_one() {
        let mut ledger = ledger();
        ledger.meetings.push(Meeting::planned(
            Id::from("m00003"),
            "alex",
            None,
            vec!["Q?".into()],
        ));
        let (i, before) = ledger.hold("alex", day("2027-01-20"), no_id).expect("held");
        assert_eq!((ledger.meetings[i].id.as_str(), before), ("m00002", true));
        assert!(!ledger.meetings[2].held);
    }

    #[test]
    fn holding_a_meeting_uses_the_planned_one_else_the_one_held_that_day_else_a_new_one() {
        let mut ledger = ledger();
        ledger.meetings.push(Meeting::planned(
            Id::from("m00003"),
            "alex",
            None,
            vec!["Q?".into()],
        ));
        let (i, before) = ledger.hold("alex", day("2027-01-28"), no_id).expect("held");
        assert_eq!((ledger.meetings[i].id.as_str(), before), ("m00003", false));
        assert!(ledger.meetings[i].held);
        assert_eq!(ledger.meetings[i].date, Some(day("2027-01-28")));
        // The same day again: the meeting already recorded, never a second.
        let (j, before) = ledger.hold("alex", day("2027-01-28"), no_id).expect("held");
        assert_eq!((j, before), (i, true));
        // Another day, nothing planned: a new meeting.
        let new = || Ok::<_, Infallible>(Id::from("m00004"));
        let (k, before) = ledger.hold("alex", day("2027-02-03"), new).expect("held");
        assert_eq!((ledger.meetings[k].id.as_str(), before), ("m00004", false));
        assert_eq!(ledger.meetings.len(), 4);
    }

    #[test]
    fn a_report_made_on_a_meeting_day_joins_that_meetings_check_in() {
        let mut ledger = ledger();
        let on = day("2027-01-20");
        // Reported at the meeting of the 20th: on the commitment, and in that
        // meeting's check-in.
        let files = ledger.report(Origin::Meeting(0, 0), Status::Done, Some("ok".into()), on);
        assert_eq!(files, [Holder::Meeting(0), Holder::Meeting(1)]);
        assert_eq!(ledger.meetings[0].actions[0].status, Status::Done);
        let checkin = &ledger.meetings[1].checkins;
        assert_eq!(checkin.len(), 1);
        assert_eq!(checkin[0].action.as_str(), "a00001");
        // Reported on another day: on the commitment only.
        let files = ledger.report(
            Origin::Meeting(1, 0),
            Status::Blocked,
            None,
            day("2027-01-25"),
        );
        assert_eq!(files, [Holder::Meeting(1)]);
        assert_eq!(ledger.meetings[1].checkins.len(), 1);
    }

    #[test]
    fn reports_made_earlier_on_the_meeting_day_join_its_check_in_once() {
        let mut ledger = ledger();
        let on = day("2027-01-28");
        ledger.meetings[0].actions[0].set_status(Status::Done, on, None);
        let (i, _) = ledger
            .hold("alex", on, || Ok::<_, Infallible>(Id::from("m00003")))
            .expect("held");
        ledger.check_in_reports_made_on(i, on);
        ledger.check_in_reports_made_on(i, on);
        let checkin = &ledger.meetings[i].checkins;
        assert_eq!(checkin.len(), 1);
        assert_eq!(checkin[0].status, Status::Done);
    }

    #[test]
    fn the_only_mentor_met_or_planned_today_is_meant() {
        let mut ledger = ledger();
        ledger.mentors.push(Mentor::new("Sam", "sam"));
        let today = day("2027-01-28");
        // Nothing today: ask.
        assert_eq!(ledger.mentor_of_the_day(today), None);
        // A meeting planned today with Sam: Sam.
        ledger.meetings.push(Meeting::planned(
            Id::from("m00003"),
            "sam",
            Some(today),
            vec![],
        ));
        let slug = |l: &Ledger| {
            l.mentor_of_the_day(today)
                .map(|(m, why)| (m.slug.clone(), why))
        };
        assert_eq!(slug(&ledger), Some(("sam".into(), MetToday::Planned)));
        // Just met today: the same, held.
        ledger.hold("sam", today, no_id).expect("held");
        assert_eq!(slug(&ledger), Some(("sam".into(), MetToday::Held)));
        // Alex met today too: two qualify, so ask.
        ledger.meetings.push(held("m00004", "2027-01-28", &[]));
        assert_eq!(ledger.mentor_of_the_day(today), None);
        // Planned another day: does not count.
        ledger.meetings.pop();
        ledger.meetings.push(Meeting::planned(
            Id::from("m00005"),
            "alex",
            Some(day("2027-01-29")),
            vec![],
        ));
        assert_eq!(slug(&ledger), Some(("sam".into(), MetToday::Held)));
    }
}
