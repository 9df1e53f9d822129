//! JSON output: every document is an object with `"version": 1` and one
//! named payload, so programs can rely on its shape (see README).

use serde::Serialize;

pub const VERSION: u32 = 1;

pub fn document<T: Serialize>(name: &str, payload: &T) -> String {
    let mut map = serde_json::Map::new();
    map.insert("version".into(), VERSION.into());
    map.insert(
        name.into(),
        serde_json::to_value(payload).unwrap_or(serde_json::Value::Null),
    );
    serde_json::to_string_pretty(&map).unwrap_or_default()
}
