//! Making user-written text safe and tidy to show.

use crate::model::journal::Kind;
use crate::model::mentor::Mentor;

/// Text with terminal control sequences made harmless: control characters
/// (other than newline and tab) and bidirectional overrides are shown as
/// `\u{..}` escapes instead of acting on the terminal.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_hidden_control(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

/// A character a terminal acts on rather than shows: control characters
/// other than newline and tab, and the marks that reorder right-to-left text
/// (which can make a line read differently from what it holds).
pub fn is_hidden_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
        )
}

/// Cleaned text on one line, for table cells.
pub fn one_line(text: &str) -> String {
    clean(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text on one line, its runs of white space made one space, and not
/// cleaned: for text placed into a message that is cleaned as a whole when
/// shown.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cleaned text whose continuation lines are indented to sit under a list item.
pub fn indented(text: &str, indent: &str) -> String {
    clean(text.trim())
        .lines()
        .collect::<Vec<_>>()
        .join(&format!("\n{indent}"))
}

/// A mentor's display name from their slug, falling back to the slug.
pub fn mentor_name<'a>(mentors: &'a [Mentor], slug: &'a str) -> &'a str {
    mentors
        .iter()
        .find(|m| m.slug == slug)
        .map_or(slug, |m| m.name.as_str())
}

pub fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// "an update", "a decision": a kind with its article, for messages.
pub fn a_kind(kind: &Kind) -> String {
    let name = match kind {
        Kind::Thanks => "thank-you note",
        Kind::Giveback => "give-back",
        other => other.as_str(),
    };
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}

/// "2 problems:" and the first five, one per line, then how many more.
pub fn listed(problems: &[String]) -> String {
    let mut text = format!("{}:", plural(problems.len(), "problem", "problems"));
    for problem in problems.iter().take(5) {
        text.push_str(&format!("\n  {problem}"));
    }
    if problems.len() > 5 {
        text.push_str(&format!("\n  ... and {} more", problems.len() - 5));
    }
    text
}

/// The text with its first letter in upper case.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The time of a meeting after its day, such as " at 15:00 (45m)"; empty
/// for a meeting planned for a day.
pub fn at_time(time: Option<chrono::NaiveTime>, minutes: Option<u32>) -> String {
    match time {
        Some(time) => format!(
            " at {}{}",
            time.format("%H:%M"),
            minutes
                .map(|m| format!(" ({})", length(m)))
                .unwrap_or_default()
        ),
        None => String::new(),
    }
}

/// A length as `--for` takes it: 45m, 1h, 1h30m.
pub fn length(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m}m"),
    }
}

/// `line` wrapped at word boundaries to fit `width` columns, each
/// continuation indented `hang` columns beyond the line's own leading
/// spaces. Without a width (output that is not a terminal) the line is
/// left whole; a word longer than the width is never broken. Colour escape
/// sequences take no columns.
pub fn wrap(line: &str, width: Option<u16>, hang: usize) -> String {
    let Some(width) = width.map(usize::from).filter(|w| *w > 0) else {
        return line.to_string();
    };
    if columns(line) <= width {
        return line.to_string();
    }
    let lead = line.len() - line.trim_start_matches(' ').len();
    let indent = " ".repeat(lead + hang);
    let mut out = line[..lead].to_string();
    let mut used = lead;
    let mut first = true;
    for word in line[lead..].split(' ').filter(|w| !w.is_empty()) {
        let w = columns(word);
        if !first && used + 1 + w > width {
            out.push('\n');
            out.push_str(&indent);
            used = indent.len();
        } else if !first {
            out.push(' ');
            used += 1;
        }
        out.push_str(word);
        used += w;
        first = false;
    }
    out
}

/// The columns `text` takes on a terminal: characters, less colour escapes.
fn columns(text: &str) -> usize {
    let mut count = 0;
    let mut escape = false;
    for c in text.chars() {
        match (escape, c) {
            (false, '\u{1b}') => escape = true,
            (true, 'm') => escape = false,
            (true, _) => {}
            (false, _) => count += 1,
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_wraps_at_words_with_a_hanging_indent() {
        let line = "  nudge: The topic \"DevOps\" for your meeting with Alex Kim reads as vague";
        assert_eq!(
            wrap(line, Some(30), 2),
            "  nudge: The topic \"DevOps\"\n    for your meeting with Alex\n    Kim reads as vague"
        );
        // No width (piped): whole.
        assert_eq!(wrap(line, None, 2), line);
        // Short enough: whole.
        assert_eq!(wrap("a b", Some(80), 2), "a b");
        // A word longer than the width stays whole.
        assert_eq!(
            wrap("a mentee/mentee/mentee b", Some(6), 2),
            "a\n  mentee/mentee/mentee\n  b"
        );
        // Colour takes no columns.
        assert_eq!(
            wrap("\u{1b}[31mred\u{1b}[0m x", Some(5), 0),
            "\u{1b}[31mred\u{1b}[0m x"
        );
    }

    #[test]
    fn control_sequences_are_defused() {
        assert_eq!(clean("a\u{1b}[31mred"), "a\\u{1b}[31mred");
        assert_eq!(clean("evil\u{202E}txt"), "evil\\u{202e}txt");
        assert_eq!(clean("a\u{61c}b"), "a\\u{61c}b");
        assert_eq!(clean("ok\nnext\tcol é\u{301}"), "ok\nnext\tcol é\u{301}");
        assert_eq!(one_line("  two\n lines "), "two lines");
        assert_eq!(indented("a\nb", "  "), "a\n  b");
    }
}
