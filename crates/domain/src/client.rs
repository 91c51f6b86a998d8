//! Clients: a person's identifying details as typed at registration or imported from a sheet.

use crate::error::FieldErrors;
use crate::text;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// How much of a date of birth is known. People often know only a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Month,
    Year,
}

/// A date of birth that may be approximate: stored as an ISO prefix (`1990`, `1990-04`, `1990-04-03`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApproxDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl ApproxDate {
    /// Accepts `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, between 1900 and `today`.
    pub fn parse(raw: &str, today: NaiveDate) -> Result<ApproxDate, &'static str> {
        let raw = raw.trim();
        let parts: Vec<&str> = raw.split('-').collect();
        let number = |s: &str, len: usize| -> Result<u32, &'static str> {
            if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err("error-date-format");
            }
            s.parse::<u32>().map_err(|_| "error-date-format")
        };
        let date = match parts.as_slice() {
            [y] => ApproxDate { year: number(y, 4)? as i32, month: None, day: None },
            [y, m] => {
                let month = number(m, 2)?;
                if !(1..=12).contains(&month) {
                    return Err("error-date-invalid");
                }
                ApproxDate { year: number(y, 4)? as i32, month: Some(month), day: None }
            }
            [y, m, d] => {
                let (year, month, day) = (number(y, 4)? as i32, number(m, 2)?, number(d, 2)?);
                NaiveDate::from_ymd_opt(year, month, day).ok_or("error-date-invalid")?;
                ApproxDate { year, month: Some(month), day: Some(day) }
            }
            _ => return Err("error-date-format"),
        };
        if date.year < 1900 || date.earliest() > today {
            return Err("error-date-range");
        }
        Ok(date)
    }

    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// First day the date could be; used for range checks and ages.
    pub fn earliest(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1)).unwrap_or(NaiveDate::MIN)
    }

    /// Age in whole years on `on`, counting from the earliest possible birth date.
    pub fn age_on(&self, on: NaiveDate) -> i32 {
        let born = self.earliest();
        let mut age = on.year() - born.year();
        if (on.month(), on.day()) < (born.month(), born.day()) {
            age -= 1;
        }
        age
    }
}

impl std::fmt::Display for ApproxDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => write!(f, "{:04}-{:02}", self.year, m),
            _ => write!(f, "{:04}", self.year),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    Phone,
    Email,
    Address,
}

impl ContactKind {
    pub const ALL: [ContactKind; 3] = [ContactKind::Phone, ContactKind::Email, ContactKind::Address];
    pub fn as_str(self) -> &'static str {
        match self {
            ContactKind::Phone => "phone",
            ContactKind::Email => "email",
            ContactKind::Address => "address",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Validate a contact value of this kind; returns the cleaned value or a translation key.
    pub fn parse_value(self, raw: &str) -> Result<String, &'static str> {
        let value = text::required(raw, 300)?;
        match self {
            ContactKind::Phone => {
                let digits = value.chars().filter(char::is_ascii_digit).count();
                let allowed = value.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
                if !allowed || !(7..=15).contains(&digits) {
                    return Err("error-phone");
                }
            }
            ContactKind::Email => {
                let ok = value
                    .split_once('@')
                    .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.'))
                    && !value.contains(char::is_whitespace);
                if !ok {
                    return Err("error-email");
                }
            }
            ContactKind::Address => {}
        }
        Ok(value)
    }
}

/// A member's relationship to the head of the household.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    Head,
    Spouse,
    Child,
    Parent,
    Sibling,
    OtherRelative,
    NonRelative,
}

impl Relationship {
    pub const ALL: [Relationship; 7] = [
        Relationship::Head,
        Relationship::Spouse,
        Relationship::Child,
        Relationship::Parent,
        Relationship::Sibling,
        Relationship::OtherRelative,
        Relationship::NonRelative,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Relationship::Head => "head",
            Relationship::Spouse => "spouse",
            Relationship::Child => "child",
            Relationship::Parent => "parent",
            Relationship::Sibling => "sibling",
            Relationship::OtherRelative => "other_relative",
            Relationship::NonRelative => "non_relative",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// Raw client fields as typed in a form, posted to the API or read from a CSV row.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ClientInput {
    pub given_names: String,
    pub family_names: String,
    pub aliases: String,
    pub birth_date: String,
    pub country: String,
    pub languages: String,
    pub a_number: String,
}

/// A validated client, ready to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClientDraft {
    pub given_names: String,
    pub family_names: Option<String>,
    pub aliases: Option<String>,
    pub birth_date: Option<ApproxDate>,
    pub country: Option<String>,
    /// Comma-separated language names or codes, as the person gives them.
    pub languages: Option<String>,
    /// Alien registration number, digits only (8 or 9). Encrypted at rest by the store.
    pub a_number: Option<String>,
}

pub const NAME_MAX: usize = 200;

impl ClientDraft {
    /// Parse every field, collecting all errors so a form can show each next to its field.
    pub fn parse(input: &ClientInput, today: NaiveDate) -> Result<ClientDraft, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut field = |name: &str, result: Result<Option<String>, &'static str>| match result {
            Ok(v) => v,
            Err(code) => {
                errors.push(name, code);
                None
            }
        };
        let given_names = field("given_names", text::required(&input.given_names, NAME_MAX).map(Some));
        let family_names = field("family_names", text::clean(&input.family_names, NAME_MAX));
        let aliases = field("aliases", text::clean(&input.aliases, 500));
        let country = field("country", text::clean(&input.country, 100));
        let languages = field("languages", text::clean(&input.languages, 200));
        let a_number = field("a_number", parse_a_number(&input.a_number));
        let birth_date = match text::clean(&input.birth_date, 10) {
            Ok(None) => None,
            Ok(Some(raw)) => match ApproxDate::parse(&raw, today) {
                Ok(d) => Some(d),
                Err(code) => {
                    errors.push("birth_date", code);
                    None
                }
            },
            Err(_) => {
                errors.push("birth_date", "error-date-format");
                None
            }
        };
        let draft = ClientDraft { given_names: given_names.unwrap_or_default(), family_names, aliases, birth_date, country, languages, a_number };
        errors.into_result(draft)
    }

    pub fn full_name(&self) -> String {
        match &self.family_names {
            Some(f) => format!("{} {}", self.given_names, f),
            None => self.given_names.clone(),
        }
    }
}

/// A-numbers are 8 or 9 digits, often written "A 123-456-789".
fn parse_a_number(raw: &str) -> Result<Option<String>, &'static str> {
    let Some(value) = text::clean(raw, 20)? else {
        return Ok(None);
    };
    let digits: String = value.chars().filter(char::is_ascii_digit).collect();
    let rest_ok = value.chars().all(|c| c.is_ascii_digit() || " -Aa".contains(c));
    if !rest_ok || !(8..=9).contains(&digits.len()) {
        return Err("error-a-number");
    }
    Ok(Some(format!("{digits:0>9}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    #[test]
    fn approximate_dates() {
        assert_eq!(ApproxDate::parse("1990", today()).unwrap().precision(), DatePrecision::Year);
        assert_eq!(ApproxDate::parse("1990-04", today()).unwrap().to_string(), "1990-04");
        assert_eq!(ApproxDate::parse("1990-02-30", today()), Err("error-date-invalid"));
        assert_eq!(ApproxDate::parse("1990-13", today()), Err("error-date-invalid"));
        assert_eq!(ApproxDate::parse("30/04/1990", today()), Err("error-date-format"));
        assert_eq!(ApproxDate::parse("2030-01-01", today()), Err("error-date-range"));
        assert_eq!(ApproxDate::parse("1850", today()), Err("error-date-range"));
    }

    #[test]
    fn age_counts_birthdays() {
        let d = ApproxDate::parse("2009-07-24", today()).unwrap();
        assert_eq!(d.age_on(today()), 17);
        assert_eq!(d.age_on(NaiveDate::from_ymd_opt(2027, 7, 24).unwrap()), 18);
    }

    #[test]
    fn draft_collects_every_error() {
        let input = ClientInput { given_names: " ".into(), birth_date: "yesterday".into(), a_number: "A12".into(), ..Default::default() };
        let errors = ClientDraft::parse(&input, today()).unwrap_err();
        assert_eq!(errors.get("given_names"), Some("error-required"));
        assert_eq!(errors.get("birth_date"), Some("error-date-format"));
        assert_eq!(errors.get("a_number"), Some("error-a-number"));
    }

    #[test]
    fn draft_normalises_values() {
        let input = ClientInput {
            given_names: " Darwin ".into(),
            family_names: "Pérez".into(),
            a_number: "A 212-345-678".into(),
            birth_date: "1991-05".into(),
            ..Default::default()
        };
        let d = ClientDraft::parse(&input, today()).unwrap();
        assert_eq!(d.full_name(), "Darwin Pérez");
        assert_eq!(d.a_number.as_deref(), Some("212345678"));
    }

    #[test]
    fn contacts_validate_by_kind() {
        assert!(ContactKind::Phone.parse_value("+1 (713) 555-0134").is_ok());
        assert_eq!(ContactKind::Phone.parse_value("call me"), Err("error-phone"));
        assert!(ContactKind::Email.parse_value("ana@example.org").is_ok());
        assert_eq!(ContactKind::Email.parse_value("ana@"), Err("error-email"));
    }

    proptest! {
        #[test]
        fn parsing_never_panics(g in ".{0,300}", b in ".{0,20}", a in ".{0,30}") {
            let input = ClientInput { given_names: g, birth_date: b, a_number: a, ..Default::default() };
            let _ = ClientDraft::parse(&input, today());
        }
    }
}
