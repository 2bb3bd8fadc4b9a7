//! Calendar dates as people write them in the workbook: `YYYY-MM-DD`, nothing else.
//!
//! YAML has no date type that serde sees (serde-saphyr hands dates over as strings),
//! and chrono's own parser is lenient (`2026-1-5` parses). A workbook is read by
//! people in many places, so one unambiguous form is accepted and anything else is
//! reported with advice that fits the fault ([`date_help`]): the format to use for
//! text that is not in it, the month's last day for a day past its end.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer};

/// The help for text that is not a date in the form YYYY-MM-DD.
pub const DATE_HELP: &str = "write it as YYYY-MM-DD, for example 2026-03-09";

/// Every date error message contains this, so the YAML layer can recognize it and
/// show [`date_help`] instead of a generic hint.
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
    if !in_form(s) {
        return Err(format!("`{s}{DATE_ERROR_MARK} in the form YYYY-MM-DD"));
    }
    let (year, month, day) = parts(s);
    if !(1..=12).contains(&month) {
        return Err(format!("`{s}{DATE_ERROR_MARK}: there is no month {month}"));
    }
    if day == 0 {
        return Err(format!("`{s}{DATE_ERROR_MARK}: there is no day 0"));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        format!(
            "`{s}{DATE_ERROR_MARK}: {} {year} has {} days",
            month_name(month),
            days_in_month(year, month)
        )
    })
}

/// Whether `s` is written YYYY-MM-DD: four digits, two, two, with `-` between.
fn in_form(s: &str) -> bool {
    let bytes = s.as_bytes();
    bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
}

/// Year, month and day of text in the form YYYY-MM-DD ([`in_form`]).
fn parts(s: &str) -> (i32, u32, u32) {
    // The shape check guarantees ASCII digits, so these parses cannot fail.
    (
        s[..4].parse().unwrap_or_default(),
        s[5..7].parse().unwrap_or_default(),
        s[8..10].parse().unwrap_or_default(),
    )
}

/// How to fix `s`, a date [`parse_iso_date`] refuses, fitting what is wrong
/// with it: the form YYYY-MM-DD for text that is not in it; for a month past
/// 12, that months go from 01 to 12 (and the date with day and month the
/// other way round, when that is one); for a day past the month's end, the
/// month's last day.
pub fn date_help(s: &str) -> String {
    let s = s.trim();
    if !in_form(s) {
        return written_otherwise(s);
    }
    let (year, month, day) = parts(s);
    if !(1..=12).contains(&month) {
        return match NaiveDate::from_ymd_opt(year, day, month) {
            Some(swapped) => format!(
                "months go from 01 to 12, and the month comes before the day: for {month} {} {year}, write {swapped}",
                month_name(day),
            ),
            None => "months go from 01 to 12: check the month".to_string(),
        };
    }
    let last = days_in_month(year, month);
    if day == 0 {
        return format!(
            "days go from 01 to {last}: for the first day of {} {year}, write {year:04}-{month:02}-01",
            month_name(month)
        );
    }
    format!(
        "the last day of {} {year} is {year:04}-{month:02}-{last}: check the day",
        month_name(month)
    )
}

/// The help for a date written another way: the same date as YYYY-MM-DD
/// when the text says which it is (`2026/03/01`, `2026-3-1`), both readings
/// when it could be either (`01-04-2026`: 1 April or 4 January), the form
/// alone otherwise.
fn written_otherwise(s: &str) -> String {
    let numbers: Vec<&str> = s.split(['-', '/', '.', ' ']).collect();
    let [a, b, c] = numbers[..] else {
        return DATE_HELP.to_string();
    };
    if ![a, b, c]
        .iter()
        .all(|n| (1..=4).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
    {
        return DATE_HELP.to_string();
    }
    let n = |t: &str| t.parse::<u32>().unwrap_or(0);
    let date = |y: &str, m: &str, d: &str| {
        (y.len() == 4)
            .then(|| NaiveDate::from_ymd_opt(n(y) as i32, n(m), n(d)))
            .flatten()
    };
    let say = |date: NaiveDate| {
        use chrono::Datelike;
        format!(
            "{date} for {} {} {}",
            date.day(),
            month_name(date.month()),
            date.year()
        )
    };
    let readings: Vec<NaiveDate> = match date(a, b, c) {
        Some(one) => vec![one],
        // Day and month first, in either order.
        None => {
            let mut both: Vec<NaiveDate> = [date(c, b, a), date(c, a, b)]
                .into_iter()
                .flatten()
                .collect();
            both.dedup();
            both
        }
    };
    match readings[..] {
        [one] => format!("write it as YYYY-MM-DD: {}", say(one)),
        [first, second] => format!(
            "write it as YYYY-MM-DD, year, month, day: {}, or {}",
            say(first),
            say(second)
        ),
        _ => DATE_HELP.to_string(),
    }
}

/// [`date_help`] for a date error message (as serde passes it on, `` `text` is
/// not a date…``). `None` when the message is not about a date.
pub(crate) fn date_help_for_message(message: &str) -> Option<String> {
    let end = message.find(DATE_ERROR_MARK)?;
    let start = message[..end].find('`')? + 1;
    Some(date_help(&message[start..end]))
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
    #[test]
    fn a_date_written_another_way_gets_itself_back_in_the_form() {
        for (text, help) in [
            (
                "2026/03/01",
                "write it as YYYY-MM-DD: 2026-03-01 for 1 March 2026",
            ),
            (
                "2026-3-1",
                "write it as YYYY-MM-DD: 2026-03-01 for 1 March 2026",
            ),
            (
                "2026.03.01",
                "write it as YYYY-MM-DD: 2026-03-01 for 1 March 2026",
            ),
            (
                "13/04/2026",
                "write it as YYYY-MM-DD: 2026-04-13 for 13 April 2026",
            ),
            (
                "04-13-2026",
                "write it as YYYY-MM-DD: 2026-04-13 for 13 April 2026",
            ),
            (
                "05-05-2026",
                "write it as YYYY-MM-DD: 2026-05-05 for 5 May 2026",
            ),
            (
                "01-04-2026",
                "write it as YYYY-MM-DD, year, month, day: 2026-04-01 for 1 April 2026, or 2026-01-04 for 4 January 2026",
            ),
            ("2026/02/30", super::DATE_HELP),
            ("next week", super::DATE_HELP),
            ("2026-03", super::DATE_HELP),
            ("1-2-3", super::DATE_HELP),
        ] {
            assert_eq!(super::date_help(text), help, "{text}");
        }
    }

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
        let e = parse_iso_date("2026-03-00").unwrap_err();
        assert_eq!(e, "`2026-03-00` is not a date: there is no day 0");
    }

    #[test]
    fn the_help_fits_the_fault() {
        // Written as YYYY-MM-DD already: not the format again.
        assert_eq!(
            date_help("2027-02-30"),
            "the last day of February 2027 is 2027-02-28: check the day"
        );
        assert_eq!(
            date_help("2028-02-30"),
            "the last day of February 2028 is 2028-02-29: check the day"
        );
        assert_eq!(
            date_help("2026-04-31"),
            "the last day of April 2026 is 2026-04-30: check the day"
        );
        assert_eq!(
            date_help("2026-13-01"),
            "months go from 01 to 12, and the month comes before the day: for 13 January 2026, write 2026-01-13"
        );
        assert_eq!(
            date_help("2026-31-12"),
            "months go from 01 to 12, and the month comes before the day: for 31 December 2026, write 2026-12-31"
        );
        assert_eq!(
            date_help("2026-13-20"),
            "months go from 01 to 12: check the month"
        );
        assert_eq!(
            date_help("2026-00-05"),
            "months go from 01 to 12: check the month"
        );
        assert_eq!(
            date_help("2026-03-00"),
            "days go from 01 to 31: for the first day of March 2026, write 2026-03-01"
        );
        // Text that is not in the form: the form (the same date in it when
        // the text says which: `a_date_written_another_way_…`).
        for bad in ["26-01-05", "next week", ""] {
            assert_eq!(date_help(bad), DATE_HELP, "{bad}");
        }
        assert_eq!(
            date_help_for_message("`2027-02-30` is not a date: February 2027 has 28 days")
                .as_deref(),
            Some("the last day of February 2027 is 2027-02-28: check the day")
        );
        assert_eq!(
            date_help_for_message("`26-1-5` is not a date in the form YYYY-MM-DD").as_deref(),
            Some(DATE_HELP)
        );
        assert_eq!(date_help_for_message("invalid type: map"), None);
    }

    #[test]
    fn month_names() {
        assert_eq!(month_name(2), "February");
        assert_eq!(days_in_month(2026, 2), 28);
        assert_eq!(days_in_month(2026, 12), 31);
    }
}
