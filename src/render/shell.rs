//! Words as a POSIX shell reads them, for the commands mentee suggests.

use crate::render::text::collapse_whitespace;

/// Text in single quotes, which keep everything in them as it is.
pub fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
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
}
