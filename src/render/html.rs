//! A report as one self-contained HTML page: the same Markdown the other
//! formats print, made HTML, under two kinds of charts drawn as inline SVG
//! (each goal's ratings over time; commitments kept per month). No script,
//! no file or address to load: it opens anywhere, and "Print to PDF" gives
//! a clean document through its print stylesheet.
//!
//! The page and the charts are built with maud, which escapes every value
//! placed in them; the Markdown is made HTML by pulldown-cmark with raw HTML
//! shown as typed, and links and images kept as their words only.

use crate::model::goal::SCORES;
use crate::model::progress::{Charts, GoalLine, MonthCount};
use chrono::NaiveDate;
use maud::{DOCTYPE, Markup, PreEscaped, html};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2330; background: #fff; max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid #d8dce5; }
h3 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
ul { padding-left: 1.25rem; }
li { margin: .3rem 0; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem 1.5rem; margin: 0 0 1rem; }
figure { margin: 0; }
figcaption { font-size: .85rem; color: #4a5263; max-width: 16rem; }
.charts h2 { flex-basis: 100%; margin-top: .5rem; }
svg { display: block; }
svg text { font: 10px system-ui, sans-serif; fill: #4a5263; }
.grid { stroke: #e6e9ef; stroke-width: 1; }
.line { fill: none; stroke: #2f6fdb; stroke-width: 2; }
.point { fill: #2f6fdb; }
.bar { fill: #2e9d6a; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; color: #000; }
  h2 { break-after: avoid; }
  li, figure { break-inside: avoid; }
  .charts { gap: .5rem 1rem; }
  @page { margin: 1.5cm; }
}
"#;

/// The page: `title` as its heading and name, the charts, then `markdown`
/// (whose first line, the title again as a heading, is left out).
pub fn page(title: &str, markdown: &str, charts: &Charts) -> String {
    let heading = format!("# {title}");
    let body = markdown
        .strip_prefix(&heading)
        .map_or(markdown, str::trim_start);
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                h1 { (title) }
                (charts_section(charts))
                (PreEscaped(markdown_html(body, false)))
            }
        }
    };
    let mut page = markup.into_string();
    page.push('\n');
    page
}

/// Markdown as HTML: raw HTML in it (a `<b>` typed in an entry) is shown as
/// typed, and each line break stays one. Unless `keep_links` (an email may
/// link), links and images keep only their words, so a page names no other
/// file.
pub fn markdown_html(markdown: &str, keep_links: bool) -> String {
    let events = Parser::new(markdown).filter_map(|event| match event {
        Event::Html(text) | Event::InlineHtml(text) => Some(Event::Text(text)),
        Event::SoftBreak => Some(Event::HardBreak),
        Event::Start(Tag::Link { .. } | Tag::Image { .. })
        | Event::End(TagEnd::Link | TagEnd::Image)
            if !keep_links =>
        {
            None
        }
        other => Some(other),
    });
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

fn charts_section(charts: &Charts) -> Markup {
    html! {
        @if !charts.goals.is_empty() || !charts.kept_per_month.is_empty() {
            section.charts aria-label="Charts" {
                @if !charts.goals.is_empty() {
                    h2 { "Goal ratings over time" }
                    @for goal in &charts.goals {
                        (goal_chart(goal))
                    }
                }
                @if !charts.kept_per_month.is_empty() {
                    h2 { "Commitments kept per month" }
                    (month_chart(&charts.kept_per_month))
                }
            }
        }
    }
}

const GOAL_W: f64 = 240.0;
const GOAL_H: f64 = 120.0;
const PAD_LEFT: f64 = 22.0;
const PAD: f64 = 10.0;
const PAD_BOTTOM: f64 = 20.0;

/// A small line chart of one goal's ratings, 1 to 5, spaced by date.
fn goal_chart(goal: &GoalLine) -> Markup {
    let (low, high) = (f64::from(*SCORES.start()), f64::from(*SCORES.end()));
    let first = goal.ratings.first().map(|r| r.on);
    let last = goal.ratings.last().map(|r| r.on);
    let span = match (first, last) {
        (Some(a), Some(b)) => (b - a).num_days().max(1) as f64,
        _ => 1.0,
    };
    let plot_w = GOAL_W - PAD_LEFT - PAD;
    let plot_h = GOAL_H - PAD - PAD_BOTTOM;
    let x = |day: NaiveDate| {
        let offset = first.map_or(0, |f| (day - f).num_days()) as f64;
        PAD_LEFT + plot_w * offset / span
    };
    let y = |score: f64| PAD + plot_h * (high - score) / (high - low);
    let points: Vec<(f64, f64)> = goal
        .ratings
        .iter()
        .map(|r| (x(r.on), y(f64::from(r.score))))
        .collect();
    let polyline = points
        .iter()
        .map(|(px, py)| format!("{px:.1},{py:.1}"))
        .collect::<Vec<_>>()
        .join(" ");
    let path: Vec<String> = goal.ratings.iter().map(|r| r.score.to_string()).collect();
    let label = format!("Ratings of {}: {}", goal.text, path.join(", "));
    html! {
        figure.goal data-goal=(goal.id.as_str()) {
            svg xmlns="http://www.w3.org/2000/svg" width=(GOAL_W) height=(GOAL_H)
                viewBox=(format!("0 0 {GOAL_W} {GOAL_H}")) role="img" aria-label=(label) {
                @for score in SCORES {
                    @let gy = y(f64::from(score));
                    line.grid x1=(PAD_LEFT) x2=(GOAL_W - PAD) y1=(gy) y2=(gy) {}
                    text x=(PAD_LEFT - 6.0) y=(gy + 3.0) text-anchor="end" { (score) }
                }
                polyline.line points=(polyline) {}
                @for (rating, (px, py)) in goal.ratings.iter().zip(&points) {
                    circle.point cx=(format!("{px:.1}")) cy=(format!("{py:.1}")) r="3.5"
                        data-value=(rating.score) data-date=(rating.on.to_string()) {
                        title { (rating.on) ": " (rating.score) "/5" }
                    }
                }
                @if let (Some(first), Some(last)) = (first, last) {
                    text x=(PAD_LEFT) y=(GOAL_H - 5.0) { (first) }
                    text x=(GOAL_W - PAD) y=(GOAL_H - 5.0) text-anchor="end" { (last) }
                }
            }
            figcaption { (goal.text) ": " (path.join(" → ")) }
        }
    }
}

const BAR_W: f64 = 30.0;
const BAR_H: f64 = 130.0;
const BAR_BOTTOM: f64 = 30.0;

/// Bars of the commitments kept each month, with the count over each bar.
fn month_chart(months: &[MonthCount]) -> Markup {
    let most = months.iter().map(|m| m.kept).max().unwrap_or(0).max(1) as f64;
    let width = PAD_LEFT + BAR_W * months.len() as f64 + PAD;
    let plot_h = BAR_H - PAD - BAR_BOTTOM - 10.0;
    let total: usize = months.iter().map(|m| m.kept).sum();
    let label = format!("Commitments kept per month: {total} in all");
    html! {
        figure.months {
            svg xmlns="http://www.w3.org/2000/svg" width=(width) height=(BAR_H)
                viewBox=(format!("0 0 {width} {BAR_H}")) role="img" aria-label=(label) {
                line.grid x1=(PAD_LEFT) x2=(width - PAD) y1=(BAR_H - BAR_BOTTOM) y2=(BAR_H - BAR_BOTTOM) {}
                @for (i, month) in months.iter().enumerate() {
                    @let h = plot_h * month.kept as f64 / most;
                    @let bx = PAD_LEFT + BAR_W * i as f64 + 3.0;
                    @let by = BAR_H - BAR_BOTTOM - h;
                    rect.bar x=(bx) y=(format!("{by:.1}")) width=(BAR_W - 6.0) height=(format!("{h:.1}"))
                        data-month=(month.month) data-value=(month.kept) {
                        title { (month.month) ": " (month.kept) " kept" }
                    }
                    @if month.kept > 0 {
                        text x=(bx + (BAR_W - 6.0) / 2.0) y=(by - 3.0) text-anchor="middle" { (month.kept) }
                    }
                    @let (name, year) = month_label(&month.month);
                    text x=(bx + (BAR_W - 6.0) / 2.0) y=(BAR_H - BAR_BOTTOM + 13.0) text-anchor="middle" {
                        (name)
                    }
                    // The year under the first month and under each January.
                    @if i == 0 || name == "Jan" {
                        text x=(bx + (BAR_W - 6.0) / 2.0) y=(BAR_H - BAR_BOTTOM + 25.0) text-anchor="middle" {
                            (year)
                        }
                    }
                }
            }
            figcaption { (total) " kept, from " (months.first().map_or("", |m| m.month.as_str())) " to " (months.last().map_or("", |m| m.month.as_str())) }
        }
    }
}

/// "2026-11" as ("Nov", "2026").
fn month_label(month: &str) -> (&'static str, &str) {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (year, number) = month.split_once('-').unwrap_or((month, ""));
    let index = number.parse::<usize>().unwrap_or(1).clamp(1, 12) - 1;
    (NAMES[index], year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_html_links_and_images_stay_words() {
        let html = markdown_html(
            "- <b>bold</b> [site](https://example.com) ![pic](a.png)",
            false,
        );
        assert!(html.contains("&lt;b&gt;bold&lt;/b&gt;"), "{html}");
        assert!(!html.contains("href"), "{html}");
        assert!(!html.contains("src"), "{html}");
        assert!(html.contains("site") && html.contains("pic"), "{html}");
    }

    #[test]
    fn months_are_named_short() {
        assert_eq!(month_label("2026-11"), ("Nov", "2026"));
        assert_eq!(month_label("2027-01"), ("Jan", "2027"));
    }
}
