//! Dates as people type them: ISO dates, `today`, weekday names and offsets.
//!
//! Everything here is relative to a `today` passed in by the caller, so the
//! same input always gives the same date in tests and scripts.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Which way a bare weekday name or an unsigned offset points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// `--on`, `--due`: `fri` is the coming Friday, `2w` is two weeks ahead.
    Future,
    /// `--since`, `--until`: `fri` is last Friday, `2w` is two weeks ago.
    Past,
}

/// The forms accepted wherever a date is taken, for error messages and help.
pub const ACCEPTED_FORMS: &str = "2026-11-24, today, tomorrow, yesterday, a weekday (fri, friday), \
     or an offset such as +3d, 2w, -1w, 1m";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{input}` is not a date I understand")]
pub struct DateError {
    pub input: String,
}

/// Parses a date the way every command accepts it (see SPEC §5). Only
/// years 1 to 9999 are dates: TOML, and so every mentee file, has no others.
pub fn parse_date(input: &str, today: NaiveDate, dir: Direction) -> Result<NaiveDate, DateError> {
    parse_any(input, today, dir)
        .filter(|date| in_files_range(*date))
        .ok_or_else(|| DateError {
            input: input.to_string(),
        })
}

/// TOML dates, and so mentee's files, hold only the years 1 to 9999.
pub fn in_files_range(date: NaiveDate) -> bool {
    (1..=9999).contains(&date.year())
}

/// A strict `YYYY-MM-DD` date, as in files and `MENTEE_TODAY`.
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape {
        return None;
    }
    // By hand rather than with a format string: files hold thousands of dates.
    let number = |range: std::ops::Range<usize>| {
        bytes[range]
            .iter()
            .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'))
    };
    let year = i32::try_from(number(0..4)).ok().filter(|year| *year >= 1)?;
    NaiveDate::from_ymd_opt(year, number(5..7), number(8..10))
}

/// `2027-5-3`: a date as a person types it, without leading zeros.
fn parse_unpadded(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |part: &str, most: usize| {
        (!part.is_empty() && part.len() <= most && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    if parts.next().is_some() || year.len() != 4 {
        return None;
    }
    let year = i32::try_from(digits(year, 4)?).ok().filter(|y| *y >= 1)?;
    NaiveDate::from_ymd_opt(year, digits(month, 2)?, digits(day, 2)?)
}

fn parse_any(input: &str, today: NaiveDate, dir: Direction) -> Option<NaiveDate> {
    let text = input.trim().to_ascii_lowercase();
    match text.as_str() {
        "today" => return Some(today),
        "tomorrow" => return today.checked_add_days(Days::new(1)),
        "yesterday" => return today.checked_sub_days(Days::new(1)),
        _ => {}
    }
    if let Some(weekday) = parse_weekday(&text) {
        return Some(step_to_weekday(today, weekday, dir));
    }
    if text.as_bytes().get(4) == Some(&b'-') {
        return parse_iso(&text).or_else(|| parse_unpadded(&text));
    }
    let (sign, rest) = match text.as_bytes().first() {
        Some(b'+') => (Some(Direction::Future), &text[1..]),
        Some(b'-') => (Some(Direction::Past), &text[1..]),
        _ => (None, text.as_str()),
    };
    let span: Span = rest.parse().ok()?;
    span.shift(today, sign.unwrap_or(dir))
}

fn parse_weekday(text: &str) -> Option<Weekday> {
    const NAMES: [(&str, Weekday); 7] = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    NAMES
        .iter()
        .find(|(name, _)| text.len() >= 3 && name.starts_with(text))
        .map(|&(_, day)| day)
}

/// The next (or last) such weekday, never today itself: "on friday" said on a
/// Friday means a week ahead, "since friday" means a week ago.
fn step_to_weekday(today: NaiveDate, weekday: Weekday, dir: Direction) -> NaiveDate {
    let from = today.weekday().num_days_from_monday() as i64;
    let to = weekday.num_days_from_monday() as i64;
    let days = match dir {
        Direction::Future => (to - from).rem_euclid(7),
        Direction::Past => -(from - to).rem_euclid(7),
    };
    let days = match (days, dir) {
        (0, Direction::Future) => 7,
        (0, Direction::Past) => -7,
        (d, _) => d,
    };
    today + chrono::Duration::days(days)
}

/// A length of time such as `3d`, `2w` or `1m`: an offset or a meeting cadence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub count: u32,
    pub unit: Unit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

impl Span {
    pub fn shift(self, date: NaiveDate, dir: Direction) -> Option<NaiveDate> {
        let (days, months) = match self.unit {
            Unit::Day => (u64::from(self.count), 0),
            Unit::Week => (u64::from(self.count) * 7, 0),
            Unit::Month => (0, self.count),
            Unit::Year => (0, self.count.checked_mul(12)?),
        };
        match dir {
            Direction::Future => date
                .checked_add_days(Days::new(days))?
                .checked_add_months(Months::new(months)),
            Direction::Past => date
                .checked_sub_days(Days::new(days))?
                .checked_sub_months(Months::new(months)),
        }
    }

    /// Roughly how many days the span covers, for "is it overdue" reasoning.
    pub fn approx_days(self) -> i64 {
        let per = match self.unit {
            Unit::Day => 1,
            Unit::Week => 7,
            Unit::Month => 30,
            Unit::Year => 365,
        };
        i64::from(self.count) * per
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a length of time; use a number and a unit, such as 3d, 2w, 1m or 1y")]
pub struct SpanError(pub String);

impl FromStr for Span {
    type Err = SpanError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || SpanError(s.to_string());
        let text = s.trim().to_ascii_lowercase();
        let split = text.find(|c: char| !c.is_ascii_digit()).ok_or_else(err)?;
        let (number, unit) = text.split_at(split);
        let count: u32 = number.parse().map_err(|_| err())?;
        let unit = match unit {
            "d" | "day" | "days" => Unit::Day,
            "w" | "week" | "weeks" => Unit::Week,
            "m" | "month" | "months" => Unit::Month,
            "y" | "year" | "years" => Unit::Year,
            _ => return Err(err()),
        };
        if count == 0 || count > 10_000 {
            return Err(err());
        }
        Ok(Span { count, unit })
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.unit {
            Unit::Day => 'd',
            Unit::Week => 'w',
            Unit::Month => 'm',
            Unit::Year => 'y',
        };
        write!(f, "{}{}", self.count, unit)
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Reads dates from mentee's files. They are written as TOML dates
/// (`2026-11-24`, unquoted); the same date typed in quotes by hand is
/// forgiven, and anything else is refused with what was expected, so a
/// typo is caught where it was made.
pub mod toml_date {
    use chrono::NaiveDate;
    use serde::Deserialize;
    use serde::de::{self, Deserializer, MapAccess, Visitor};
    use std::fmt;

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_any(DateVisitor)
    }

    struct DateVisitor;

    impl<'de> Visitor<'de> for DateVisitor {
        type Value = NaiveDate;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a date such as 2026-11-24")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<NaiveDate, E> {
            super::parse_iso(text.trim()).ok_or_else(|| {
                E::custom(format!(
                    "expected a date such as 2026-11-24, found \"{text}\""
                ))
            })
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<NaiveDate, A::Error> {
            let value =
                toml::value::Datetime::deserialize(de::value::MapAccessDeserializer::new(map))?;
            to_naive(&value).map_err(de::Error::custom)
        }
    }

    fn to_naive(value: &toml::value::Datetime) -> Result<NaiveDate, String> {
        match (value.date, value.time, value.offset) {
            (Some(date), None, None) => {
                NaiveDate::from_ymd_opt(i32::from(date.year), date.month.into(), date.day.into())
                    .ok_or_else(|| format!("{value} is not a valid date"))
            }
            _ => Err(format!("expected a date such as 2026-11-24, found {value}")),
        }
    }

    pub mod option {
        use chrono::NaiveDate;
        use serde::de::{Deserializer, Visitor};
        use std::fmt;

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
            d.deserialize_option(OptionVisitor)
        }

        struct OptionVisitor;

        impl<'de> Visitor<'de> for OptionVisitor {
            type Value = Option<NaiveDate>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date such as 2026-11-24")
            }

            fn visit_none<E>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                super::deserialize(d).map(Some)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    #[track_caller]
    fn case(input: &str, dir: Direction, expected: &str) {
        // 2026-11-22 is a Sunday.
        let got = parse_date(input, day("2026-11-22"), dir).expect(input);
        assert_eq!(got, day(expected), "{input} ({dir:?})");
    }

    #[test]
    fn accepted_forms() {
        use Direction::{Future, Past};
        case("2026-11-24", Future, "2026-11-24");
        case("today", Past, "2026-11-22");
        case("Tomorrow", Past, "2026-11-23");
        case("yesterday", Future, "2026-11-21");
        case("fri", Future, "2026-11-27");
        case("friday", Past, "2026-11-20");
        case("sun", Future, "2026-11-29");
        case("sunday", Past, "2026-11-15");
        case("mon", Future, "2026-11-23");
        case("+3d", Past, "2026-11-25");
        case("2w", Future, "2026-12-06");
        case("2w", Past, "2026-11-08");
        case("-1w", Future, "2026-11-15");
        case("1m", Future, "2026-12-22");
        case("-1y", Future, "2025-11-22");
        // As a person types a date: without leading zeros.
        case("2027-5-3", Future, "2027-05-03");
        case("2027-05-3", Past, "2027-05-03");
        case("2027-12-31", Past, "2027-12-31");
    }

    #[test]
    fn refused_forms() {
        for bad in [
            "10000y",
            "26-11-10",
            "+2026-11-24",
            "",
            "soon",
            "2026-13-45",
            "2026-02-30",
            "fr",
            "3x",
            "+d",
            "0d",
            "--1d",
            "2026/11/24",
            "2027-5-",
            "2027-5-3-1",
            "2027-005-3",
            "2027-2-30",
            "2027-+5-3",
        ] {
            assert!(
                parse_date(bad, day("2026-11-22"), Direction::Future).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn years_stay_within_what_toml_can_store() {
        let end = day("9999-12-31");
        assert!(parse_date("tomorrow", end, Direction::Future).is_err());
        assert!(parse_date("2000y", day("2026-11-22"), Direction::Past).is_ok());
        assert!(parse_date("3000y", day("2026-11-22"), Direction::Past).is_err());
        assert_eq!(parse_iso("2026-11-24"), Some(day("2026-11-24")));
        for bad in [
            "26-11-10",
            "2026-1-10",
            " 2026-11-24",
            "2026/11/24",
            "0000-01-01",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn span_round_trips() {
        for text in ["1d", "2w", "3m", "1y"] {
            assert_eq!(text.parse::<Span>().expect(text).to_string(), text);
        }
        assert_eq!(
            "2 weeks"
                .replace(' ', "")
                .parse::<Span>()
                .expect("weeks")
                .to_string(),
            "2w"
        );
    }
}
