//! The person record as the matcher sees it: raw strings, normalised lazily.

use serde::{Deserialize, Serialize};

/// A person as entered by caseworkers. All fields are raw user input; the
/// matcher never assumes they are clean, complete or in any particular script.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PersonRecord {
    pub id: i64,
    pub given_names: String,
    pub family_names: String,
    pub dob: Option<BirthDate>,
    pub phones: Vec<String>,
    /// ISO-3166 alpha-2 code or a country name (English or Spanish).
    pub country: Option<String>,
    /// Full names of household members.
    pub household_names: Vec<String>,
    /// Other identifiers (A-number, passport, national id...). Compared as
    /// exact / one-typo / different. Empty when unknown.
    pub other_ids: Vec<String>,
    /// Current address as free text (street, town, postcode...). Weak
    /// evidence on its own: shelters house many unrelated people.
    pub address: Option<String>,
}

/// A possibly partial date of birth. Month and day are often unknown for
/// people without documents, and many are recorded as estimates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BirthDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// True when the date is an estimate (e.g. "about 35 years old").
    pub approximate: bool,
}

impl BirthDate {
    /// A full, exact date.
    pub fn ymd(year: i32, month: u32, day: u32) -> Self {
        BirthDate { year, month: Some(month), day: Some(day), approximate: false }
    }

    /// Only the year is known.
    pub fn year_only(year: i32) -> Self {
        BirthDate { year, month: None, day: None, approximate: false }
    }

    /// Parses "YYYY-MM-DD", "YYYYMMDD", "YYYY-MM" or "YYYY". Returns `None`
    /// for anything else rather than guessing.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
        let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
        let num = |t: &str| t.parse::<u32>().ok();
        let (year, month, day) = if parts.len() == 3 {
            (parts[0].parse::<i32>().ok()?, num(parts[1]), num(parts[2]))
        } else if parts.len() == 2 {
            (parts[0].parse::<i32>().ok()?, num(parts[1]), None)
        } else if digits.len() == 8 && digits.len() == s.len() {
            (digits[0..4].parse().ok()?, num(&digits[4..6]), num(&digits[6..8]))
        } else if digits.len() == 4 && digits.len() == s.len() {
            (digits.parse().ok()?, None, None)
        } else {
            return None;
        };
        // Zeros are a common "unknown" placeholder.
        let month = month.filter(|m| *m != 0);
        let day = day.filter(|d| *d != 0);
        Some(BirthDate { year, month, day: month.and(day), approximate: false })
    }

    /// Month and day when both are known.
    pub fn month_day(&self) -> Option<(u32, u32)> {
        Some((self.month?, self.day?))
    }
}

impl std::fmt::Display for BirthDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.approximate {
            write!(f, "~")?;
        }
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}
