//! JSON output: every document is an object with `"version": 1` first and
//! one named payload, so programs can rely on its shape (see README).

use serde::ser::{Serialize, SerializeMap, Serializer};

pub const VERSION: u32 = 1;

/// `{"version": 1, "<name>": payload}`, serialised straight from the
/// payload without an intermediate JSON tree.
pub fn document<T: Serialize>(name: &str, payload: &T) -> String {
    serde_json::to_string_pretty(&Document { name, payload }).unwrap_or_default()
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
    fn the_version_comes_first() {
        let text = document("things", &vec![1, 2]);
        assert_eq!(
            text,
            "{\n  \"version\": 1,\n  \"things\": [\n    1,\n    2\n  ]\n}"
        );
    }
}
