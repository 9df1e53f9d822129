//! What `search` found and what `tags` counted, as lines for people.

use crate::model::mentor::Mentor;
use crate::model::search::{Hit, Line, TagCount};
use crate::render::color::{self, Paint};
use crate::render::table;
use crate::render::text::{mentor_name, one_line};
use std::fmt::Write;

/// The hits as aligned lines, as `mentee log` shows its events: date, kind,
/// mentor, ID, then each line that matched, the matches highlighted when
/// `color` is on. A line from another text than the record's main one (a
/// topic, a decision's reason) starts with what it is: `why: …`.
pub fn hits(hits: &[Hit], mentors: &[Mentor], color: bool) -> String {
    let name = |h: &Hit| {
        h.mentor
            .as_deref()
            .map(|m| one_line(mentor_name(mentors, m)))
            .unwrap_or_default()
    };
    let width = hits
        .iter()
        .map(|h| name(h).chars().count())
        .max()
        .unwrap_or(0)
        .max("MENTOR".len());
    let mut out = String::with_capacity(hits.len() * 100);
    let mut row = |date: &str, kind: &str, mentor: &str, id: &str, text: &str| {
        let _ = writeln!(
            out,
            "{date:<10}  {kind:<10}  {mentor:<width$}  {id:<6}  {text}"
        );
    };
    row("DATE", "WHAT", "MENTOR", "ID", "TEXT");
    for hit in hits {
        let date = hit.date.map_or("no date".to_string(), |d| d.to_string());
        let (mentor, id) = (name(hit), hit.id.to_string());
        for (i, line) in hit.lines.iter().enumerate() {
            let text = highlighted(line, color);
            if i == 0 {
                row(&date, &hit.kind, &mentor, &id, &text);
            } else {
                row("", "", "", "", &text);
            }
        }
    }
    out
}

/// A line with its matches painted, made safe and put on one line.
fn highlighted(line: &Line, color: bool) -> String {
    let mut out = match line.field.as_str() {
        "text" => String::new(),
        field => format!("{field}: "),
    };
    let mut at = 0;
    for span in &line.spans {
        let (start, end) = (span.start.max(at), span.end.max(at));
        out.push_str(&one_line_part(&line.text[at..start]));
        out.push_str(&color::paint(
            &one_line_part(&line.text[start..end]),
            Some(Paint::Match),
            color,
        ));
        at = end;
    }
    out.push_str(&one_line_part(&line.text[at..]));
    out.trim().to_string()
}

/// Part of a line, cleaned as [`one_line`] cleans a whole one, keeping the
/// spaces at its ends so that the parts join up again.
fn one_line_part(text: &str) -> String {
    let inner = one_line(text);
    let lead = if text.starts_with(char::is_whitespace) && !inner.is_empty() {
        " "
    } else {
        ""
    };
    let tail = if text.ends_with(char::is_whitespace) && !inner.is_empty() {
        " "
    } else {
        ""
    };
    if inner.is_empty() && !text.is_empty() {
        return " ".to_string();
    }
    format!("{lead}{inner}{tail}")
}

/// The tags in a table: how many records use each, first and last use.
pub fn tags(counts: &[TagCount], width: Option<u16>) -> String {
    let mut t = table::new(width, &["Tag", "Used", "First", "Last"]);
    for count in counts {
        let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        t.add_row(vec![
            format!("#{}", one_line(&count.tag)),
            count.count.to_string(),
            day(count.first),
            day(count.last),
        ]);
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_are_painted_only_with_colour() {
        let line = Line {
            field: "why".into(),
            text: "The  résumé first".into(),
            spans: std::iter::once(5..13).collect(),
        };
        assert_eq!(highlighted(&line, false), "why: The résumé first");
        assert_eq!(
            highlighted(&line, true),
            "why: The \u{1b}[1;31mrésumé\u{1b}[0m first"
        );
    }
}
