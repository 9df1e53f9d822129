//! The brag document: a year of results across every mentor, for a
//! performance review. Each result comes with the chain of records that
//! led to it, followed through the IDs the records link each other by:
//! the advice an outcome is `about`, the commitment an entry reports on
//! (`action`), the `goal` a commitment or entry serves.
//!
//! Private notes (journal entries of kind `note`, the mentee's own notes
//! from meetings) stay out unless asked for; the notes given with a
//! commitment's status were reported to the mentor, so they are not private.

use crate::model::commitment::Commitment;
use crate::model::goal::{Goal, GoalStatus, Rating};
use crate::model::id::Id;
use crate::model::journal::{Entry, Kind};
use crate::model::mentor::Mentor;
use crate::model::progress::{self, Charts, MonthCount};
use chrono::{Months, NaiveDate};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Brag {
    pub since: NaiveDate,
    pub until: NaiveDate,
    /// Whether private notes were asked for (`--include-notes`).
    pub notes_included: bool,
    /// Wins logged in the period, oldest first, each with its chain.
    pub wins: Vec<Story>,
    /// Goals reached in the period, then goals rated in it, with their
    /// ratings up to the end of the period.
    pub goals: Vec<GoalPath>,
    /// Commitments kept in the period, oldest first.
    pub kept: Vec<Kept>,
    /// How advice worked out: outcomes logged in the period, oldest first.
    pub outcomes: Vec<Story>,
    /// Decisions made in the period, oldest first.
    pub decisions: Vec<Item>,
    /// Private notes from the period; empty unless asked for.
    pub notes: Vec<Item>,
    /// Commitments kept in each month of the period.
    pub kept_per_month: Vec<MonthCount>,
}

/// A journal entry as the brag document shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub id: Id,
    pub date: NaiveDate,
    pub kind: Kind,
    /// The mentor's name; `None` for an entry meant for every mentor.
    pub mentor: Option<String>,
    pub text: String,
    /// For a decision: what the mentor said about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<String>,
    /// For a decision: why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
}

/// A result (a win, an outcome) and the chain that led to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Story {
    #[serde(flatten)]
    pub item: Item,
    pub chain: Chain,
}

/// A commitment kept in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Kept {
    pub id: Id,
    pub text: String,
    /// The mentor's name.
    pub mentor: String,
    pub made: NaiveDate,
    pub kept: NaiveDate,
    /// The notes given with its status reports, oldest first.
    pub notes: Vec<String>,
    pub chain: Chain,
}

/// What led to a result, in the order it happened: the mentor's advice,
/// the decisions and the commitment it became, how it worked out, the
/// thanks it earned, and the goal it served. Every part may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Chain {
    pub advice: Vec<Item>,
    pub decisions: Vec<Item>,
    pub commitment: Option<Link>,
    pub outcomes: Vec<Item>,
    pub thanks: Vec<Item>,
    pub goal: Option<Link>,
}

impl Chain {
    pub fn is_empty(&self) -> bool {
        *self == Chain::default()
    }
}

/// A record named in a chain: its ID and its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    pub id: Id,
    pub text: String,
}

/// A goal and the path of its ratings, such as 2 → 3 → 5.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoalPath {
    pub id: Id,
    pub text: String,
    /// The mentor's name; `None` for a goal shown with every mentor.
    pub mentor: Option<String>,
    pub status: GoalStatus,
    /// Marked done, with the day, when that was in the period.
    pub reached: Option<NaiveDate>,
    /// Oldest first, up to the end of the period.
    pub ratings: Vec<Rating>,
}

/// Everything a brag document is built from, up to its last day.
pub struct Sources<'a> {
    pub mentors: &'a [Mentor],
    pub commitments: &'a [Commitment],
    pub entries: &'a [Entry],
    pub goals: &'a [Goal],
}

/// The default period: the twelve months up to `today`.
pub fn default_since(today: NaiveDate) -> NaiveDate {
    today
        .checked_sub_months(Months::new(12))
        .and_then(|d| d.succ_opt())
        .unwrap_or(today)
}

pub fn build(
    sources: &Sources<'_>,
    since: NaiveDate,
    until: NaiveDate,
    include_notes: bool,
) -> Brag {
    let in_period = |day: NaiveDate| day >= since && day <= until;
    let links = Links { sources, until };
    let of_kind = |kind: Kind| -> Vec<&Entry> {
        let mut list: Vec<&Entry> = sources
            .entries
            .iter()
            .filter(|e| e.kind == kind && in_period(e.date))
            .collect();
        list.sort_by_key(|e| e.date);
        list
    };
    let story = |e: &Entry| Story {
        item: links.item(e),
        chain: links.chain_of_entry(e),
    };
    let mut kept: Vec<Kept> = sources
        .commitments
        .iter()
        .filter_map(|c| {
            let then = c.as_of(until);
            let day = progress::kept_on(&then).filter(|d| in_period(*d))?;
            Some(Kept {
                id: c.id.clone(),
                text: c.text.clone(),
                mentor: links.name(&c.mentor),
                made: c.created,
                kept: day,
                notes: then
                    .history
                    .iter()
                    .filter_map(|h| h.note.as_deref())
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(str::to_string)
                    .collect(),
                // The commitment is the result itself, not a step before it.
                chain: Chain {
                    commitment: None,
                    ..links.chain_of_commitment(c, None)
                },
            })
        })
        .collect();
    kept.sort_by_key(|k| (k.kept, k.made));
    let kept_days: Vec<NaiveDate> = kept.iter().map(|k| k.kept).collect();
    Brag {
        since,
        until,
        notes_included: include_notes,
        wins: of_kind(Kind::Win).into_iter().map(story).collect(),
        goals: goals(sources, &links, since, until),
        kept,
        outcomes: of_kind(Kind::Outcome).into_iter().map(story).collect(),
        decisions: of_kind(Kind::Decision)
            .into_iter()
            .map(|e| links.item(e))
            .collect(),
        notes: if include_notes {
            of_kind(Kind::Note)
                .into_iter()
                .map(|e| links.item(e))
                .collect()
        } else {
            Vec::new()
        },
        kept_per_month: progress::per_month(&kept_days, since, until),
    }
}

impl Brag {
    pub fn is_empty(&self) -> bool {
        self.wins.is_empty()
            && self.goals.is_empty()
            && self.kept.is_empty()
            && self.outcomes.is_empty()
            && self.decisions.is_empty()
            && self.notes.is_empty()
    }

    /// The pictures of the HTML page.
    pub fn charts(&self) -> Charts {
        let kept: Vec<NaiveDate> = self.kept.iter().map(|k| k.kept).collect();
        progress::charts(
            self.goals
                .iter()
                .map(|g| (&g.id, g.text.as_str(), g.ratings.as_slice())),
            &kept,
            Some(self.since),
            self.until,
        )
    }
}

/// Goals reached in the period (marked done, as the win logged when it was
/// says), then goals rated in it; dropped goals are left out.
fn goals(
    sources: &Sources<'_>,
    links: &Links<'_>,
    since: NaiveDate,
    until: NaiveDate,
) -> Vec<GoalPath> {
    let in_period = |day: NaiveDate| day >= since && day <= until;
    let mut list: Vec<GoalPath> = sources
        .goals
        .iter()
        .filter(|g| g.status != GoalStatus::Dropped && g.created <= until)
        .filter_map(|g| {
            let reached = (g.status == GoalStatus::Done)
                .then(|| {
                    sources
                        .entries
                        .iter()
                        .filter(|e| e.kind == Kind::Win && e.goal.as_ref() == Some(&g.id))
                        .map(|e| e.date)
                        .filter(|d| *d <= until)
                        .max()
                })
                .flatten()
                .filter(|d| in_period(*d));
            let ratings: Vec<Rating> = g
                .ratings
                .iter()
                .filter(|r| r.on <= until)
                .cloned()
                .collect();
            let rated = ratings.iter().any(|r| in_period(r.on));
            (reached.is_some() || rated).then(|| GoalPath {
                id: g.id.clone(),
                text: g.text.clone(),
                mentor: g.mentor.as_deref().map(|slug| links.name(slug)),
                status: g.status,
                reached,
                ratings,
            })
        })
        .collect();
    list.sort_by_key(|g| (g.reached.is_none(), g.reached, g.created_key()));
    list
}

impl GoalPath {
    fn created_key(&self) -> Option<NaiveDate> {
        self.ratings.first().map(|r| r.on)
    }
}

/// The records a chain is followed through, up to the end of the period.
struct Links<'a> {
    sources: &'a Sources<'a>,
    until: NaiveDate,
}

impl Links<'_> {
    fn name(&self, slug: &str) -> String {
        self.sources
            .mentors
            .iter()
            .find(|m| m.slug == slug)
            .map_or_else(|| slug.to_string(), |m| m.name.clone())
    }

    fn item(&self, e: &Entry) -> Item {
        Item {
            id: e.id.clone(),
            date: e.date,
            kind: e.kind.clone(),
            mentor: e.mentor.as_deref().map(|slug| self.name(slug)),
            text: e.text.clone(),
            input: e.input.clone(),
            why: e.why.clone(),
        }
    }

    /// Entries up to the end of the period; private notes are never part
    /// of a chain.
    fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.sources
            .entries
            .iter()
            .filter(|e| e.date <= self.until && e.kind != Kind::Note)
    }

    fn goal(&self, id: Option<&Id>) -> Option<Link> {
        let id = id?;
        let goal = self.sources.goals.iter().find(|g| &g.id == id)?;
        Some(Link {
            id: goal.id.clone(),
            text: goal.text.clone(),
        })
    }

    fn advice(&self, id: &Id) -> Option<Item> {
        self.entries()
            .find(|e| e.kind == Kind::Advice && &e.id == id)
            .map(|e| self.item(e))
    }

    /// The chain of a commitment: the entries that report on it (their
    /// `action` is its ID) give its decisions, outcomes and thanks; the
    /// advice those entries are `about` comes before it; its goal is the
    /// one it serves, else one an entry about it serves. `result` is left
    /// out of the chain it is the end of.
    fn chain_of_commitment(&self, c: &Commitment, result: Option<&Id>) -> Chain {
        let about: Vec<&Entry> = self
            .entries()
            .filter(|e| e.action.as_ref() == Some(&c.id) && Some(&e.id) != result)
            .collect();
        let kind = |kind: Kind| -> Vec<Item> {
            about
                .iter()
                .filter(|e| e.kind == kind)
                .map(|e| self.item(e))
                .collect()
        };
        let mut advice: Vec<Item> = Vec::new();
        for id in about.iter().filter_map(|e| e.about.as_ref()) {
            if let Some(item) = self.advice(id).filter(|a| !advice.contains(a)) {
                advice.push(item);
            }
        }
        Chain {
            advice,
            decisions: kind(Kind::Decision),
            commitment: Some(Link {
                id: c.id.clone(),
                text: c.text.clone(),
            }),
            outcomes: kind(Kind::Outcome),
            thanks: kind(Kind::Thanks),
            goal: self.goal(
                c.goal
                    .as_ref()
                    .or_else(|| about.iter().find_map(|e| e.goal.as_ref())),
            ),
        }
    }

    /// The chain of an entry: the chain of the commitment it reports on,
    /// if it names one, with the advice it is about and the goal it serves.
    fn chain_of_entry(&self, e: &Entry) -> Chain {
        let mut chain = e
            .action
            .as_ref()
            .and_then(|id| self.sources.commitments.iter().find(|c| &c.id == id))
            .map(|c| self.chain_of_commitment(c, Some(&e.id)))
            .unwrap_or_default();
        if let Some(advice) = e.about.as_ref().and_then(|id| self.advice(id))
            && !chain.advice.contains(&advice)
        {
            chain.advice.insert(0, advice);
        }
        if e.goal.is_some() {
            chain.goal = self.goal(e.goal.as_ref());
        }
        chain
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::commitment;
    use crate::model::meeting::{Action, Status};

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn entry(id: &str, date: &str, kind: Kind, text: &str) -> Entry {
        Entry::new(
            Id::from(id),
            day(date),
            kind,
            Some("alex".into()),
            text.into(),
        )
    }

    fn action(id: &str, made: &str, kept: Option<(&str, &str)>) -> Action {
        let mut a = Action::new(Id::from(id), format!("commitment {id}"), day(made), None);
        a.mentor = Some("alex".into());
        if let Some((on, note)) = kept {
            a.set_status(Status::Done, day(on), Some(note.into()));
        }
        a
    }

    struct World {
        mentors: Vec<Mentor>,
        commitments: Vec<Commitment>,
        entries: Vec<Entry>,
        goals: Vec<Goal>,
    }

    impl World {
        fn new(actions: &[Action], entries: Vec<Entry>, goals: Vec<Goal>) -> World {
            World {
                mentors: vec![Mentor::new("Alex Kim", "alex")],
                commitments: commitment::all(&[], actions, day("2027-01-28")),
                entries,
                goals,
            }
        }

        fn brag(&self, since: &str, until: &str, notes: bool) -> Brag {
            let sources = Sources {
                mentors: &self.mentors,
                commitments: &self.commitments,
                entries: &self.entries,
                goals: &self.goals,
            };
            build(&sources, day(since), day(until), notes)
        }
    }

    fn texts(items: &[Item]) -> Vec<&str> {
        items.iter().map(|i| i.text.as_str()).collect()
    }

    #[test]
    fn the_default_period_is_the_twelve_months_up_to_today() {
        assert_eq!(default_since(day("2027-01-28")), day("2026-01-29"));
        assert_eq!(default_since(day("2028-02-29")), day("2027-03-01"));
    }

    #[test]
    fn a_kept_commitment_is_traced_from_the_advice_to_the_thanks() {
        // Advice, then a commitment; an outcome about the advice reports on
        // the commitment; a thank-you names the commitment.
        let mut outcome = entry("out001", "2026-11-20", Kind::Outcome, "It worked");
        outcome.about = Some(Id::from("adv001"));
        outcome.action = Some(Id::from("act001"));
        let mut thanks = entry("thx001", "2026-11-25", Kind::Thanks, "Thank you");
        thanks.action = Some(Id::from("act001"));
        let mut goal = Goal::new(
            Id::from("goal01"),
            "Lead a design".into(),
            day("2026-09-01"),
            day("2027-06-01"),
        );
        goal.ratings = vec![];
        let mut kept = action("act001", "2026-10-05", Some(("2026-11-18", "Shipped it")));
        kept.goal = Some(Id::from("goal01"));
        let world = World::new(
            &[kept],
            vec![
                entry("adv001", "2026-10-01", Kind::Advice, "Escalate with a date"),
                outcome,
                thanks,
            ],
            vec![goal],
        );
        let brag = world.brag("2026-11-01", "2027-01-28", false);
        let [kept] = brag.kept.as_slice() else {
            panic!("one kept commitment: {:?}", brag.kept);
        };
        assert_eq!(kept.kept, day("2026-11-18"));
        assert_eq!(kept.notes, vec!["Shipped it"]);
        assert_eq!(kept.mentor, "Alex Kim");
        assert_eq!(texts(&kept.chain.advice), vec!["Escalate with a date"]);
        assert_eq!(texts(&kept.chain.outcomes), vec!["It worked"]);
        assert_eq!(texts(&kept.chain.thanks), vec!["Thank you"]);
        assert_eq!(
            kept.chain.goal.as_ref().map(|g| g.text.as_str()),
            Some("Lead a design")
        );

        // The outcome is a result too: its chain leaves itself out.
        let [outcome] = brag.outcomes.as_slice() else {
            panic!("one outcome");
        };
        assert_eq!(texts(&outcome.chain.advice), vec!["Escalate with a date"]);
        assert!(outcome.chain.outcomes.is_empty());
        assert_eq!(texts(&outcome.chain.thanks), vec!["Thank you"]);
        assert_eq!(
            outcome.chain.commitment.as_ref().map(|c| c.id.as_str()),
            Some("act001")
        );
        assert_eq!(
            brag.kept_per_month
                .iter()
                .map(|m| m.kept)
                .collect::<Vec<_>>(),
            vec![1, 0, 0]
        );
    }

    #[test]
    fn a_win_with_no_links_has_an_empty_chain() {
        let world = World::new(
            &[],
            vec![entry("win001", "2026-12-01", Kind::Win, "Promoted")],
            vec![],
        );
        let brag = world.brag("2026-01-29", "2027-01-28", false);
        assert_eq!(brag.wins.len(), 1);
        assert!(brag.wins[0].chain.is_empty());
    }

    #[test]
    fn the_period_bounds_what_counts() {
        let world = World::new(
            &[
                action("old001", "2025-10-01", Some(("2025-12-01", ""))),
                action("new001", "2026-10-01", Some(("2026-12-01", " "))),
                action("open01", "2026-10-01", None),
                // Kept after the period: not yet kept on its last day.
                action("late01", "2026-10-01", Some(("2027-01-20", "late"))),
            ],
            vec![
                entry("win001", "2025-12-31", Kind::Win, "Too early"),
                entry("win002", "2026-06-01", Kind::Win, "In time"),
            ],
            vec![],
        );
        let brag = world.brag("2026-01-01", "2026-12-31", false);
        let kept: Vec<&str> = brag.kept.iter().map(|k| k.id.as_str()).collect();
        assert_eq!(kept, vec!["new001"]);
        assert!(brag.kept[0].notes.is_empty(), "blank notes are left out");
        assert_eq!(brag.wins.len(), 1);
        assert_eq!(brag.kept_per_month.len(), 12);
    }

    #[test]
    fn private_notes_stay_out_unless_asked_for() {
        let world = World::new(
            &[],
            vec![entry("note01", "2026-12-01", Kind::Note, "Private thought")],
            vec![],
        );
        assert!(
            world
                .brag("2026-01-29", "2027-01-28", false)
                .notes
                .is_empty()
        );
        let with = world.brag("2026-01-29", "2027-01-28", true);
        assert_eq!(texts(&with.notes), vec!["Private thought"]);
        assert!(with.notes_included);
    }

    #[test]
    fn goals_reached_come_first_with_their_rating_path() {
        let rated = |id: &str, scores: &[(&str, u8)], status: GoalStatus| {
            let mut g = Goal::new(
                Id::from(id),
                id.into(),
                day("2026-02-01"),
                day("2027-06-01"),
            );
            g.status = status;
            g.ratings = scores
                .iter()
                .map(|(on, score)| Rating {
                    on: day(on),
                    score: *score,
                    note: None,
                })
                .collect();
            g
        };
        let mut reached = entry("win001", "2026-12-01", Kind::Win, "Reached my goal");
        reached.goal = Some(Id::from("done01"));
        let world = World::new(
            &[],
            vec![reached],
            vec![
                rated(
                    "moving",
                    &[("2026-03-01", 1), ("2026-09-01", 3)],
                    GoalStatus::Active,
                ),
                rated(
                    "done01",
                    &[("2026-03-01", 2), ("2026-06-01", 3), ("2026-11-01", 5)],
                    GoalStatus::Done,
                ),
                rated("dropped", &[("2026-03-01", 2)], GoalStatus::Dropped),
                rated("idle", &[("2025-03-01", 2)], GoalStatus::Active),
            ],
        );
        let brag = world.brag("2026-01-29", "2027-01-28", false);
        let paths: Vec<(&str, Vec<u8>, Option<NaiveDate>)> = brag
            .goals
            .iter()
            .map(|g| {
                (
                    g.id.as_str(),
                    g.ratings.iter().map(|r| r.score).collect(),
                    g.reached,
                )
            })
            .collect();
        assert_eq!(
            paths,
            vec![
                ("done01", vec![2, 3, 5], Some(day("2026-12-01"))),
                ("moving", vec![1, 3], None),
            ]
        );
        // The win that marks it reached names the goal in its chain.
        assert_eq!(
            brag.wins[0].chain.goal.as_ref().map(|g| g.id.as_str()),
            Some("done01")
        );
    }
}
