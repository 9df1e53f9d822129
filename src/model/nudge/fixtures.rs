//! Mentors, meetings and commitments for the tests of the nudge rules and
//! of their wording.

use crate::model::dates::Span;
use crate::model::id::Id;
use crate::model::meeting::{Action, Meeting};
use crate::model::mentor::{Mentor, Role};
use chrono::NaiveDate;

pub fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

pub fn mentor(slug: &str, every: Option<&str>) -> Mentor {
    Mentor {
        name: format!("Name {slug}"),
        slug: slug.to_string(),
        role: Role::Mentor,
        email: None,
        every: every.map(|e| e.parse::<Span>().expect("span")),
        since: None,
        until: None,
        silence: Vec::new(),
        paused_until: None,
    }
}

pub fn held(id: &str, slug: &str, date: &str, actions: Vec<Action>) -> Meeting {
    let mut m = Meeting::planned(Id::from(id), slug, Some(day(date)), vec!["Q?".into()]);
    m.held = true;
    m.actions = actions;
    m
}

pub fn action(id: &str, created: &str, due: Option<&str>) -> Action {
    Action::new(Id::from(id), format!("do {id}"), day(created), due.map(day))
}
