//! Builds a realistic journal of any size with mentee's own store. Shared by
//! `examples/gen_journal.rs` and the benchmark in `benches/commands.rs`.
//!
//! Two mentors met every two weeks for `years` years, ending on `today`:
//! each meeting with two topics and two commitments, most of them reported
//! done at the next meeting, a few dropped or still in progress. The
//! `entries` journal entries (updates, wins, thanks, notes) are spread
//! evenly over the same years. The same spec gives the same journal.

use chrono::{Days, NaiveDate};
use mentee::model::dates::{Span, Unit};
use mentee::model::id::Id;
use mentee::model::journal::{Entry, Kind};
use mentee::model::meeting::{Action, CheckIn, Meeting, QueuedTopic, Status};
use mentee::model::mentor::{Mentor, Role};
use mentee::store::Store;
use std::collections::HashSet;
use std::path::PathBuf;

const TOPICS: &[&str] = &[
    "How should I split the billing service without a big-bang migration?",
    "What would you look for first in my design doc for the export pipeline?",
    "How do I say no to a second on-call rotation without looking uncommitted?",
    "Which metric would convince my manager that the flaky tests cost us a day a week?",
    "How did you prepare for your first staff-level promotion packet?",
    "Should I take the tech lead role on the search rewrite, or finish the migration first?",
    "How do I run a design review where the senior people actually disagree out loud?",
    "What is a reasonable first project to mentor an intern on?",
];

const COMMITMENTS: &[&str] = &[
    "Write a one-page proposal for splitting invoices out of billing",
    "Ask Sam for a review of the rollout plan",
    "Read chapter 4 of 'A Philosophy of Software Design'",
    "Measure how long the integration suite takes on CI for a week",
    "Draft the on-call handover checklist",
    "Pair with Nadia on her first design doc",
    "Present the migration plan at the architecture guild",
    "Book a skip-level with my director",
];

const UPDATES: &[&str] = &[
    "Shipped the dual-write path behind a flag; no errors overnight.",
    "The proposal got two approvals and one thoughtful objection about the cutover.",
    "Cut the integration suite from 41 to 26 minutes by sharding the slowest job.",
    "Ran my first design review; we left with three decisions and one open question.",
    "Handed the on-call checklist to the team; two people already used it.",
];

/// A small, fast, reproducible generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

struct Ids {
    rng: Rng,
    used: HashSet<Id>,
}

impl Ids {
    fn fresh(&mut self) -> Id {
        loop {
            let id = Id::from_random(self.rng.next() as u32);
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// What to generate.
pub struct Spec {
    pub dir: PathBuf,
    pub years: u32,
    pub entries: usize,
    pub today: NaiveDate,
    pub seed: u64,
    /// Commitments left open besides the usual ones, spread over the years
    /// and never reported: a long backlog.
    pub open: usize,
}

/// Writes the journal; returns how many meetings and entries it holds.
pub fn generate(args: &Spec) -> mentee::error::Result<(usize, usize)> {
    let store = Store::new(args.dir.clone());
    let lock = store.lock()?;
    let mut rng = Rng(args.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut ids = Ids {
        rng: Rng(args.seed | 1),
        used: HashSet::new(),
    };
    let start = args.today - chrono::Duration::days(365 * i64::from(args.years));
    let mentors = [
        ("Alex Kim", "alex-kim", 0),
        ("Priya Natarajan", "priya-natarajan", 7),
    ];
    store.save_mentors(
        &lock,
        &mentors
            .iter()
            .map(|&(name, slug, _)| Mentor {
                name: name.to_string(),
                slug: slug.to_string(),
                role: Role::Mentor,
                email: None,
                every: Some(Span {
                    count: 2,
                    unit: Unit::Week,
                }),
                since: Some(start),
                until: None,
                silence: Vec::new(),
                paused_until: None,
            })
            .collect::<Vec<_>>(),
    )?;

    let mut meetings = 0;
    for &(_, slug, offset) in &mentors {
        let mut held: Vec<Meeting> = Vec::new();
        let mut date = start + Days::new(offset);
        while date <= args.today {
            let topics = (0..2).map(|_| rng.pick(TOPICS).to_string()).collect();
            let mut meeting = Meeting::planned(ids.fresh(), slug, Some(date), topics);
            meeting.held = true;
            // Report at this meeting on the previous one's commitments.
            if let Some(previous) = held.last_mut() {
                for action in &mut previous.actions {
                    let status = match rng.below(20) {
                        0 => Status::Dropped,
                        1 => Status::InProgress,
                        _ => Status::Done,
                    };
                    action.set_status(status, date, Some("Reported at the next meeting.".into()));
                    meeting.checkins.push(CheckIn {
                        action: action.id.clone(),
                        status,
                        note: None,
                    });
                }
            }
            for _ in 0..2 {
                let due = date.checked_add_days(Days::new(10));
                meeting.actions.push(Action::new(
                    ids.fresh(),
                    rng.pick(COMMITMENTS).into(),
                    date,
                    due,
                ));
            }
            held.push(meeting);
            date = date + Days::new(14);
        }
        // The backlog: made at meetings all through the years, never reported.
        let share = args.open / mentors.len();
        let count = held.len();
        for n in 0..share {
            if count == 0 {
                break;
            }
            let meeting = &mut held[n * count / share];
            let made = meeting.date.unwrap_or(args.today);
            meeting.actions.push(Action::new(
                ids.fresh(),
                rng.pick(COMMITMENTS).into(),
                made,
                made.checked_add_days(Days::new(30)),
            ));
        }
        // Commitments reported at the next meeting are saved with it.
        for meeting in &held {
            store.save_meeting(&lock, meeting)?;
        }
        meetings += held.len();
        let next = Meeting::planned(
            ids.fresh(),
            slug,
            Some(date),
            vec![rng.pick(TOPICS).to_string()],
        );
        store.save_meeting(&lock, &next)?;
    }

    let days = (args.today - start).num_days().max(1) as usize;
    let entries: Vec<Entry> = (0..args.entries)
        .map(|n| {
            let date = start + Days::new((n * days / args.entries.max(1)) as u64);
            let (kind, text) = match rng.below(10) {
                0 => (Kind::Win, format!("Win: {}", rng.pick(UPDATES))),
                1 => (
                    Kind::Thanks,
                    "Thank you for the push on the proposal; it landed.".to_string(),
                ),
                2 => (
                    Kind::Note,
                    "Advice: write the decision down before the meeting, not after.".to_string(),
                ),
                _ => (Kind::Update, rng.pick(UPDATES).to_string()),
            };
            let mentor = mentors[rng.below(mentors.len())].1.to_string();
            // A rare text, for a search that finds a few entries in years.
            let text = if n % 10_000 == 7 {
                "Rewrote my résumé after the #career chat.".to_string()
            } else {
                text
            };
            Entry {
                id: ids.fresh(),
                date,
                kind,
                mentor: Some(mentor),
                action: None,
                meeting: None,
                text,
                goal: None,
                about: None,
                options: Vec::new(),
                input: None,
                why: None,
                edited: None,
            }
        })
        .collect();
    store.add_entries(&lock, &entries)?;
    let later = QueuedTopic {
        id: ids.fresh(),
        mentor: mentors[0].1.to_string(),
        text: "How do I ask for a promotion?".to_string(),
        added: args.today,
    };
    store.save_later(&lock, &[later])?;
    Ok((meetings, entries.len()))
}
