//! Calendar dates as people write them in the workbook: `YYYY-MM-DD`, nothing else.
//!
//! YAML has no date type that serde sees (serde-saphyr hands dates over as strings),
//! and chrono's own parser is lenient (`2026-1-5` parses). A workbook is read by
//! people in many places, so one unambiguous form is accepted and anything else is
//! reported with the format to use.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer};

/// The help shown with every date problem.
pub const DATE_HELP: &str = "write dates as YYYY-MM-DD, for example 2026-03-09";

/// Every date error message contains this, so the YAML layer can recognize it and
/// show [`DATE_HELP`] instead of a generic hint.
pub(crate) const DATE_ERROR_MARK: &str = "` is not a date";

/// The English name of a month (1–12), for the date errors careerbook
/// reports (readers' dates, in every language, are
/// [`crate::language::Locale::long_date`]).
fn month_name(month: u32) -> &'static str {
    crate::language::month_name("en", month)
}

/// Parse a strict ISO `YYYY-MM-DD` date. The error explains what is wrong in plain
/// words (wrong shape, no such month, no such day in that month).
pub fn parse_iso_date(s: &str) -> Result<NaiveDate, String> {
    let bytes = s.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return Err(format!("`{s}{DATE_ERROR_MARK} in the form YYYY-MM-DD"));
    }
    // The shape check guarantees ASCII digits, so these parses cannot fail.
    let year: i32 = s[..4].parse().unwrap_or_default();
    let month: u32 = s[5..7].parse().unwrap_or_default();
    let day: u32 = s[8..10].parse().unwrap_or_default();
    if !(1..=12).contains(&month) {
        return Err(format!(
            "`{s}{DATE_ERROR_MARK}: there is no month {month}; months run from 01 to 12"
        ));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        format!(
            "`{s}{DATE_ERROR_MARK}: {} {year} has {} days",
            month_name(month),
            days_in_month(year, month)
        )
    })
}

/// Number of days in a month of a year.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())
        .unwrap_or(28)
}

/// A date field of a data file. Deserializes from a `YYYY-MM-DD` string with a clear
/// message for anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        parse_iso_date(s.trim())
            .map(Date)
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_only_iso_dates() {
        assert_eq!(
            parse_iso_date("2026-02-28"),
            Ok(NaiveDate::from_ymd_opt(2026, 2, 28).unwrap())
        );
        assert_eq!(
            parse_iso_date("2028-02-29"),
            Ok(NaiveDate::from_ymd_opt(2028, 2, 29).unwrap())
        );
        for bad in [
            "26-1-5",
            "2026-1-5",
            "2026/01/05",
            "05-01-2026",
            "",
            "2026-01-05T10:00",
        ] {
            let e = parse_iso_date(bad).unwrap_err();
            assert!(e.contains("YYYY-MM-DD"), "{bad}: {e}");
        }
    }

    #[test]
    fn explains_impossible_days_and_months() {
        let e = parse_iso_date("2026-02-30").unwrap_err();
        assert_eq!(e, "`2026-02-30` is not a date: February 2026 has 28 days");
        let e = parse_iso_date("2026-13-01").unwrap_err();
        assert!(e.contains("month 13"), "{e}");
    }

    #[test]
    fn month_names() {
        assert_eq!(month_name(2), "February");
        assert_eq!(days_in_month(2026, 2), 28);
        assert_eq!(days_in_month(2026, 12), 31);
    }
}
