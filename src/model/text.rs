//! The rules every free text (topic, commitment, update, note) follows.

/// Long enough for any journal entry, short enough that no file balloons.
pub const MAX_CHARS: usize = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("is empty")]
    Empty,
    #[error("is longer than {MAX_CHARS} characters")]
    TooLong,
}

/// Trims a text and refuses one with nothing in it, or far too much.
/// Everything else, including control characters, is kept exactly: they are
/// made harmless when shown, not when stored.
pub fn check(text: &str) -> Result<String, TextError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        Err(TextError::Empty)
    } else if trimmed.chars().count() > MAX_CHARS {
        Err(TextError::TooLong)
    } else {
        Ok(trimmed.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_trimmed_and_bounded() {
        assert_eq!(check("  Ship it \n"), Ok("Ship it".to_string()));
        assert_eq!(check(" \t\n"), Err(TextError::Empty));
        assert_eq!(
            check(&"x".repeat(MAX_CHARS)).map(|t| t.len()),
            Ok(MAX_CHARS)
        );
        assert_eq!(check(&"é".repeat(MAX_CHARS + 1)), Err(TextError::TooLong));
        assert_eq!(
            check("a\u{1b}[31m\u{202e}b"),
            Ok("a\u{1b}[31m\u{202e}b".to_string())
        );
    }
}
