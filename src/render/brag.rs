//! The brag document as Markdown or plain text: each result on a line, and
//! under it the chain that led to it, read left to right.

use crate::model::brag::{Brag, Chain, GoalPath, Item, Kept, Story};
use crate::model::goal::GoalStatus;
use crate::render::summary::Style;
use crate::render::text::{indented, one_line, plural};
use std::fmt::Write;

/// The first line: "Brag document, 2026-01-29 to 2027-01-28".
pub fn title(brag: &Brag) -> String {
    format!("Brag document, {} to {}", brag.since, brag.until)
}

pub fn render(brag: &Brag, style: Style) -> String {
    let heading = |level: usize, text: &str| match style {
        Style::Markdown => format!("{} {text}\n\n", "#".repeat(level)),
        Style::Text => format!("{text}\n\n"),
    };
    let mut out = heading(1, &title(brag));
    let _ = writeln!(out, "{}\n", opening(brag));
    let mut section = |title: &str, items: Vec<String>| {
        if items.is_empty() {
            return;
        }
        out.push_str(&heading(2, title));
        for item in items {
            let _ = writeln!(out, "{item}");
        }
        out.push('\n');
    };
    section("Wins", brag.wins.iter().map(story_item).collect());
    section("Goals", brag.goals.iter().map(goal_item).collect());
    section(
        "Commitments kept",
        brag.kept.iter().map(kept_item).collect(),
    );
    section(
        "How advice worked out",
        brag.outcomes.iter().map(story_item).collect(),
    );
    section(
        "Decisions",
        brag.decisions.iter().map(decision_item).collect(),
    );
    section(
        "Private notes",
        brag.notes
            .iter()
            .map(|n| format!("- {}", entry_line(n)))
            .collect(),
    );
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// "Across all my mentors: 3 wins, 1 goal reached, 5 commitments kept."
fn opening(brag: &Brag) -> String {
    if brag.is_empty() {
        return "Nothing recorded in this period yet.".to_string();
    }
    let reached = brag.goals.iter().filter(|g| g.reached.is_some()).count();
    format!(
        "Across all my mentors: {}, {}, {}.",
        plural(brag.wins.len(), "win", "wins"),
        plural(reached, "goal reached", "goals reached"),
        plural(brag.kept.len(), "commitment kept", "commitments kept"),
    )
}

/// "2026-12-01: TEXT (Alex Kim)"
fn entry_line(item: &Item) -> String {
    let with = item
        .mentor
        .as_deref()
        .map(|name| format!(" ({})", one_line(name)))
        .unwrap_or_default();
    format!("{}: {}{with}", item.date, indented(&item.text, "  "))
}

fn story_item(story: &Story) -> String {
    let mut item = format!("- {}", entry_line(&story.item));
    chain_lines(&mut item, &story.chain);
    item
}

fn kept_item(kept: &Kept) -> String {
    let mut item = format!(
        "- {}: {} (to {}, made {})",
        kept.kept,
        indented(&kept.text, "  "),
        one_line(&kept.mentor),
        kept.made
    );
    for note in &kept.notes {
        let _ = write!(item, "\n  Note: {}", indented(note, "  "));
    }
    chain_lines(&mut item, &kept.chain);
    item
}

/// "- Lead a design (Alex Kim): reached on 2026-12-01, rated 2 → 3 → 5"
fn goal_item(goal: &GoalPath) -> String {
    let with = goal
        .mentor
        .as_deref()
        .map(|name| format!(" ({})", one_line(name)))
        .unwrap_or_default();
    let mut facts = Vec::new();
    match (goal.reached, goal.status) {
        (Some(day), _) => facts.push(format!("reached on {day}")),
        (None, GoalStatus::Done) => facts.push("reached".to_string()),
        _ => {}
    }
    if !goal.ratings.is_empty() {
        let path: Vec<String> = goal.ratings.iter().map(|r| r.score.to_string()).collect();
        facts.push(format!("rated {}", path.join(" → ")));
    }
    format!(
        "- {}{with}: {}",
        indented(&goal.text, "  "),
        facts.join(", ")
    )
}

fn decision_item(decision: &Item) -> String {
    let mut item = format!("- {}", entry_line(decision));
    if let Some(input) = &decision.input {
        let who = decision
            .mentor
            .as_deref()
            .map_or("My mentor".to_string(), one_line);
        let _ = write!(item, "\n  {who}'s input: {}", indented(input, "  "));
    }
    if let Some(why) = &decision.why {
        let _ = write!(item, "\n  Why: {}", indented(why, "  "));
    }
    item
}

/// "  How it came about: advice from Alex Kim (2026-10-01) "…" → commitment
/// "…" → outcome "…" → thanks "…"", then the goal it served.
fn chain_lines(item: &mut String, chain: &Chain) {
    let quoted = |text: &str| format!("\"{}\"", one_line(text));
    let from = |i: &Item| {
        i.mentor
            .as_deref()
            .map(|name| format!(" from {}", one_line(name)))
            .unwrap_or_default()
    };
    let mut steps: Vec<String> = Vec::new();
    steps.extend(
        chain
            .advice
            .iter()
            .map(|a| format!("advice{} ({}) {}", from(a), a.date, quoted(&a.text))),
    );
    steps.extend(
        chain
            .decisions
            .iter()
            .map(|d| format!("decision ({}) {}", d.date, quoted(&d.text))),
    );
    if let Some(c) = &chain.commitment {
        steps.push(format!("commitment [{}] {}", c.id, quoted(&c.text)));
    }
    steps.extend(
        chain
            .outcomes
            .iter()
            .map(|o| format!("outcome ({}) {}", o.date, quoted(&o.text))),
    );
    steps.extend(
        chain
            .thanks
            .iter()
            .map(|t| format!("thanks ({}) {}", t.date, quoted(&t.text))),
    );
    if !steps.is_empty() {
        let _ = write!(item, "\n  How it came about: {}", steps.join(" → "));
    }
    if let Some(goal) = &chain.goal {
        let _ = write!(item, "\n  Goal: {} [{}]", one_line(&goal.text), goal.id);
    }
}
