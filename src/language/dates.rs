//! Dates in words. Two languages need two small tables and two patterns, so
//! there is no locale library here; a language without a table gets the
//! English names (`month_name`), and adding one is a match arm.

use chrono::{Datelike, NaiveDate};

const EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// The OQLF's abbreviations: the months of four letters or fewer stay whole.
const FR_ABBR: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juill.", "août", "sept.", "oct.", "nov.",
    "déc.",
];

fn index(month: u32) -> usize {
    (month.clamp(1, 12) - 1) as usize
}

pub fn month_name(primary: &str, month: u32) -> &'static str {
    match primary {
        "fr" => FR[index(month)],
        _ => EN[index(month)],
    }
}

pub fn month_abbr(primary: &str, month: u32) -> String {
    match primary {
        "fr" => FR_ABBR[index(month)].to_string(),
        _ => EN[index(month)][..3].to_string(),
    }
}

/// `20 November 2026`; in French `20 novembre 2026` and `1er novembre 2026`
/// (the first of the month is an ordinal).
pub fn long_date(primary: &str, d: NaiveDate) -> String {
    match primary {
        "fr" if d.day() == 1 => format!("1er {} {}", month_name(primary, d.month()), d.year()),
        _ => format!(
            "{} {} {}",
            d.day(),
            month_name(primary, d.month()),
            d.year()
        ),
    }
}

/// A count as a capitalized word, to start a sentence: numbers read better as
/// words up to twelve, then as digits.
pub fn number_word(primary: &str, n: usize) -> String {
    const EN_WORDS: [&str; 13] = [
        "No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
        "Eleven", "Twelve",
    ];
    const FR_WORDS: [&str; 13] = [
        "Aucun", "Un", "Deux", "Trois", "Quatre", "Cinq", "Six", "Sept", "Huit", "Neuf", "Dix",
        "Onze", "Douze",
    ];
    let words = if primary == "fr" { FR_WORDS } else { EN_WORDS };
    words
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn long_dates_in_both_languages() {
        assert_eq!(long_date("en", date(2026, 11, 24)), "24 November 2026");
        assert_eq!(long_date("en", date(2026, 12, 1)), "1 December 2026");
        assert_eq!(long_date("fr", date(2026, 11, 24)), "24 novembre 2026");
        assert_eq!(long_date("fr", date(2026, 12, 1)), "1er décembre 2026");
        assert_eq!(long_date("fr", date(2027, 8, 2)), "2 août 2027");
        // A language with no table of its own gets the English names.
        assert_eq!(long_date("de", date(2026, 3, 9)), "9 March 2026");
    }

    #[test]
    fn number_words() {
        assert_eq!(number_word("en", 4), "Four");
        assert_eq!(number_word("fr", 2), "Deux");
        assert_eq!(number_word("en", 40), "40");
    }

    #[test]
    fn abbreviations() {
        assert_eq!(month_abbr("en", 9), "Sep");
        assert_eq!(month_abbr("fr", 9), "sept.");
        assert_eq!(month_abbr("fr", 5), "mai");
        assert_eq!(month_abbr("fr", 7), "juill.");
    }
}
