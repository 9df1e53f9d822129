//! JSON output: every document is an object with `"version": 1` first and
//! one named payload, so programs can rely on its shape (see docs/json.md).

use crate::render::text::is_hidden_control;
use serde::ser::{Serialize, SerializeMap, Serializer};

pub const VERSION: u32 = 1;

/// `{"version": 1, "<name>": payload}`, serialised straight from the
/// payload without an intermediate JSON tree.
pub fn document<T: Serialize>(name: &str, payload: &T) -> String {
    let json = serde_json::to_string_pretty(&Document { name, payload }).unwrap_or_default();
    escape_hidden_controls(&json)
}

/// serde_json escapes only what JSON requires, so text from the files could
/// reach a terminal with C1 controls or right-to-left overrides in it. Such
/// characters can only be inside strings, where `\uXXXX` (all of them are
/// in the Basic Multilingual Plane) means the same to any JSON reader.
fn escape_hidden_controls(json: &str) -> String {
    if !json.chars().any(is_hidden_control) {
        return json.to_string();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_hidden_control(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

struct Document<'a, T> {
    name: &'a str,
    payload: &'a T,
}

impl<T: Serialize> Serialize for Document<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("version", &VERSION)?;
        map.serialize_entry(self.name, self.payload)?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_controls_are_escaped_and_read_back_the_same() {
        let text = "a\u{202E}b\u{9b}c\u{7f}\u{1b}é\n";
        let json = document("text", &text);
        assert!(!json.chars().any(is_hidden_control), "{json}");
        assert!(json.contains(r"a\u202eb\u009bc\u007f\u001bé\n"), "{json}");
        let back: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(back["text"], text);
    }

    #[test]
    fn the_version_comes_first() {
        let text = document("things", &vec![1, 2]);
        assert_eq!(
            text,
            "{\n  \"version\": 1,\n  \"things\": [\n    1,\n    2\n  ]\n}"
        );
    }
}
