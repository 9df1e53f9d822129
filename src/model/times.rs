//! Times of day and lengths, as typed (`--at 3pm`, `--for 1h30m`,
//! `calendar_alarm = "1h"`) and as kept in meeting files (`time = 15:00:00`,
//! `minutes = 45`).
//!
//! Times are local wall-clock times with no time zone: a meeting "at 15:00"
//! is at 15:00 wherever the mentee is, as in a paper diary.

use chrono::NaiveTime;

/// How long a meeting with a time but no length is taken to last.
pub const DEFAULT_MINUTES: u32 = 60;

/// The longest length accepted: a meeting, or an alarm, a week ahead.
pub const MAX_MINUTES: u32 = 7 * 24 * 60;

/// The forms `--at` accepts, for error messages.
pub const TIME_FORMS: &str = "15:00, 9:30, 3pm or 3:30pm";

/// The forms `--for` and length settings accept, for error messages.
pub const LENGTH_FORMS: &str = "45m, 1h, 1h30m or 90m";

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error("\"{0}\" is not a time of day")]
    Time(String),
    #[error("\"{0}\" is not a length")]
    Length(String),
}

/// A time of day: `15:00`, `9:30`, `3pm`, `3:30pm`, `12am` (midnight),
/// `12pm` (noon); `am`/`pm` in any case, with or without a space.
pub fn parse_time(typed: &str) -> Result<NaiveTime, TimeError> {
    let bad = || TimeError::Time(typed.trim().to_string());
    let text = typed.trim().to_ascii_lowercase();
    let (clock, half) = if let Some(rest) = text.strip_suffix("am") {
        (rest.trim_end(), Some(false))
    } else if let Some(rest) = text.strip_suffix("pm") {
        (rest.trim_end(), Some(true))
    } else {
        (text.as_str(), None)
    };
    let (hour, minute) = match clock.split_once(':') {
        Some((hour, minute)) if minute.len() == 2 => (number(hour), number(minute)),
        Some(_) => return Err(bad()),
        // A bare hour needs am or pm: "15" alone reads like a date or a length.
        None if half.is_some() => (number(clock), Some(0)),
        None => return Err(bad()),
    };
    let (Some(mut hour), Some(minute)) = (hour, minute) else {
        return Err(bad());
    };
    if let Some(pm) = half {
        if !(1..=12).contains(&hour) {
            return Err(bad());
        }
        hour = hour % 12 + if pm { 12 } else { 0 };
    }
    NaiveTime::from_hms_opt(hour, minute, 0).ok_or_else(bad)
}

fn number(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A length in minutes: `45m`, `1h`, `1h30m`, `90m` (also `2d` for days,
/// which alarms may want). Zero is refused, and so is more than a week.
pub fn parse_length(typed: &str) -> Result<u32, TimeError> {
    let bad = || TimeError::Length(typed.trim().to_string());
    let text = typed.trim().to_ascii_lowercase();
    let mut total: u32 = 0;
    let mut digits = String::new();
    let mut last_unit = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        // Units in order, each at most once: d, then h, then m.
        let (rank, per) = match c {
            'd' => (1, 24 * 60),
            'h' => (2, 60),
            'm' => (3, 1),
            _ => return Err(bad()),
        };
        if digits.is_empty() || digits.len() > 5 || rank <= last_unit {
            return Err(bad());
        }
        let value: u32 = digits.parse().map_err(|_| bad())?;
        total = total.saturating_add(value.saturating_mul(per));
        digits.clear();
        last_unit = rank;
    }
    if !digits.is_empty() || total == 0 || total > MAX_MINUTES {
        return Err(bad());
    }
    Ok(total)
}

/// Reads the time of a meeting from its file: a TOML local time
/// (`15:00:00`, as mentee writes it), or a time typed by hand in quotes in
/// any form `--at` accepts.
pub mod toml_time {
    use chrono::NaiveTime;
    use serde::Deserialize;
    use serde::de::{self, Deserializer, MapAccess, Visitor};
    use std::fmt;

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
        d.deserialize_any(TimeVisitor).map(Some)
    }

    struct TimeVisitor;

    impl<'de> Visitor<'de> for TimeVisitor {
        type Value = NaiveTime;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a time of day such as 15:00:00")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<NaiveTime, E> {
            super::parse_time(text)
                .or_else(|_| NaiveTime::parse_from_str(text.trim(), "%H:%M:%S"))
                .map_err(|_| {
                    E::custom(format!(
                        "expected a time of day such as 15:00:00, found \"{text}\""
                    ))
                })
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<NaiveTime, A::Error> {
            let value =
                toml::value::Datetime::deserialize(de::value::MapAccessDeserializer::new(map))?;
            match (value.date, value.time, value.offset) {
                (None, Some(time), None) => NaiveTime::from_hms_opt(
                    time.hour.into(),
                    time.minute.into(),
                    time.second.unwrap_or(0).into(),
                )
                .ok_or_else(|| de::Error::custom(format!("{value} is not a valid time"))),
                _ => Err(de::Error::custom(format!(
                    "expected a time of day such as 15:00:00, found {value}"
                ))),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn at(typed: &str, expected: Option<(u32, u32)>) {
        let expected = expected.map(|(h, m)| NaiveTime::from_hms_opt(h, m, 0).expect("time"));
        assert_eq!(parse_time(typed).ok(), expected, "{typed:?}");
    }

    #[test]
    fn a_time_is_a_clock_time_or_an_hour_with_am_or_pm() {
        at("15:00", Some((15, 0)));
        at("9:30", Some((9, 30)));
        at("09:30", Some((9, 30)));
        at("3pm", Some((15, 0)));
        at("3:30pm", Some((15, 30)));
        at("3:30 PM", Some((15, 30)));
        at("11am", Some((11, 0)));
        at("12pm", Some((12, 0)));
        at("12am", Some((0, 0)));
        at("0:00", Some((0, 0)));
        at("23:59", Some((23, 59)));
        for wrong in [
            "",
            "15",
            "24:00",
            "9:60",
            "9:5",
            "13pm",
            "0am",
            "3 o'clock",
            "noon",
            "3:00:00",
            "-1:00",
            "1500",
        ] {
            at(wrong, None);
        }
    }

    #[track_caller]
    fn length(typed: &str, expected: Option<u32>) {
        assert_eq!(parse_length(typed).ok(), expected, "{typed:?}");
    }

    #[test]
    fn a_length_is_hours_and_minutes() {
        length("45m", Some(45));
        length("1h", Some(60));
        length("1h30m", Some(90));
        length("90m", Some(90));
        length("1H", Some(60));
        length("1d", Some(24 * 60));
        length("7d", Some(MAX_MINUTES));
        for wrong in [
            "", "45", "m", "0m", "30m1h", "1h1h", "1.5h", "8d", "1 h", "h30m",
        ] {
            length(wrong, None);
        }
    }
}
