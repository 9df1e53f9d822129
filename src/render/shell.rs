//! Words as a POSIX shell reads them, for the commands mentee suggests.

use crate::render::text::collapse_whitespace;

/// Text in single quotes, which keep everything in them as it is.
pub fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// A path as the user can paste it into a shell: as it is when nothing in
/// it is special, in single quotes otherwise.
pub fn path(path: &std::path::Path) -> String {
    let text = path.display().to_string();
    if text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-~".contains(c))
    {
        text
    } else {
        quote(&text)
    }
}

/// Text as one word on one line: in double quotes when nothing in it is
/// special there (easier to read and edit), in single quotes otherwise.
pub fn word(text: &str) -> String {
    let text = collapse_whitespace(text);
    if text.contains(['"', '\\', '$', '`', '!']) {
        quote(&text)
    } else {
        format!("\"{text}\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_quotes_only_when_a_double_quoted_word_would_change() {
        assert_eq!(quote("it's"), "'it'\\''s'");
        assert_eq!(word("it's  fine"), "\"it's fine\"");
        assert_eq!(word("$HOME"), "'$HOME'");
    }

    #[test]
    fn paths_are_quoted_for_the_shell_when_needed() {
        assert_eq!(
            path(std::path::Path::new("/home/sam/journal")),
            "/home/sam/journal"
        );
        assert_eq!(
            path(std::path::Path::new("/tmp/my journal")),
            "'/tmp/my journal'"
        );
        assert_eq!(quote("it's"), "'it'\\''s'");
    }
}
