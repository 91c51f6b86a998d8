//! Public sign-up forms (volunteers and prospective guardians), parsed at the edge.

use chrono::NaiveDate;

use super::availability::Availability;
use super::geo::{is_zip, zip_point, GeoPoint};
use super::network::language_list;
use crate::error::FieldErrors;
use crate::text;

/// What the public volunteer form posts.
#[derive(Debug, Clone, Default)]
pub struct VolunteerInput {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub languages: String,
    pub zip: String,
    pub can_drive: bool,
    pub licence_expires: String,
    pub insurance_expires: String,
    pub slots: Vec<String>,
    pub away: String,
}

/// A valid volunteer application.
#[derive(Debug, Clone, PartialEq)]
pub struct VolunteerDraft {
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    /// Canonical names, comma-separated.
    pub languages: String,
    pub zip: String,
    /// From the ZIP table when known.
    pub home: Option<GeoPoint>,
    pub can_drive: bool,
    pub licence_expires: Option<NaiveDate>,
    pub insurance_expires: Option<NaiveDate>,
    pub availability: Availability,
}

/// A plausible email address (one `@`, a dot in the domain, no spaces), lowercased.
pub fn parse_email(raw: &str) -> Result<String, &'static str> {
    let email = text::required(raw, 254)?.to_lowercase();
    let valid = match email.split_once('@') {
        Some((local, domain)) => !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.') && !domain.contains('@'),
        None => false,
    };
    if !valid || email.chars().any(char::is_whitespace) {
        return Err("error-email");
    }
    Ok(email)
}

fn optional_date(raw: &str) -> Result<Option<NaiveDate>, &'static str> {
    match raw.trim() {
        "" => Ok(None),
        s => NaiveDate::parse_from_str(s, "%Y-%m-%d").map(Some).map_err(|_| "error-date-format"),
    }
}

impl VolunteerDraft {
    pub fn parse(input: &VolunteerInput, today: NaiveDate) -> Result<VolunteerDraft, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut take = |field: &str, r: Result<String, &'static str>| -> String {
            r.unwrap_or_else(|code| {
                errors.push(field, code);
                String::new()
            })
        };
        let name = take("name", text::required(&input.name, 200));
        let email = take("email", parse_email(&input.email));
        let phone = take("phone", text::clean(&input.phone, 40).map(Option::unwrap_or_default));
        let languages = take("languages", text::required(&input.languages, 200).map(|l| language_list(&l).join(", ")));
        let zip = take("zip", if is_zip(&input.zip) { Ok(input.zip.trim().to_owned()) } else { Err("volunteer-error-zip") });
        let mut date = |field: &str, raw: &str| match optional_date(raw) {
            Ok(d) => d,
            Err(code) => {
                errors.push(field, code);
                None
            }
        };
        let licence_expires = date("licence_expires", &input.licence_expires);
        let insurance_expires = date("insurance_expires", &input.insurance_expires);
        if input.can_drive {
            for (field, value) in [("licence_expires", licence_expires), ("insurance_expires", insurance_expires)] {
                match value {
                    None if errors.get(field).is_none() => errors.push(field, "volunteer-error-driver-dates"),
                    Some(d) if d < today => errors.push(field, "volunteer-error-lapsed"),
                    _ => {}
                }
            }
        }
        let weekly = Availability::weekly_from_slots(input.slots.iter().map(String::as_str)).unwrap_or_else(|code| {
            errors.push("slots", code);
            0
        });
        if weekly == 0 && errors.get("slots").is_none() {
            errors.push("slots", "volunteer-error-no-slots");
        }
        let away = Availability::parse_away(&input.away).unwrap_or_else(|code| {
            errors.push("away", code);
            vec![]
        });
        let draft = VolunteerDraft {
            home: zip_point(&zip),
            name,
            email,
            phone: Some(phone).filter(|p| !p.is_empty()),
            languages,
            zip,
            can_drive: input.can_drive,
            licence_expires,
            insurance_expires,
            availability: Availability { weekly, away },
        };
        errors.into_result(draft)
    }
}

/// What the public guardian form posts.
#[derive(Debug, Clone, Default)]
pub struct GuardianInput {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub languages: String,
    pub zip: String,
    pub motivation: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GuardianDraft {
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub languages: String,
    pub zip: String,
    pub home: Option<GeoPoint>,
    pub motivation: Option<String>,
}

impl GuardianDraft {
    pub fn parse(input: &GuardianInput) -> Result<GuardianDraft, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut take = |field: &str, r: Result<String, &'static str>| -> String {
            r.unwrap_or_else(|code| {
                errors.push(field, code);
                String::new()
            })
        };
        let name = take("name", text::required(&input.name, 200));
        let email = take("email", parse_email(&input.email));
        let phone = take("phone", text::clean(&input.phone, 40).map(Option::unwrap_or_default));
        let languages = take("languages", text::required(&input.languages, 200).map(|l| language_list(&l).join(", ")));
        let zip = take("zip", if is_zip(&input.zip) { Ok(input.zip.trim().to_owned()) } else { Err("volunteer-error-zip") });
        let motivation = take("motivation", text::clean(&input.motivation, 2000).map(Option::unwrap_or_default));
        let draft = GuardianDraft {
            home: zip_point(&zip),
            name,
            email,
            phone: Some(phone).filter(|p| !p.is_empty()),
            languages,
            zip,
            motivation: Some(motivation).filter(|m| !m.is_empty()),
        };
        errors.into_result(draft)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        "2026-11-24".parse().unwrap()
    }

    fn valid() -> VolunteerInput {
        VolunteerInput {
            name: "Jean Baptiste".into(),
            email: " Jean@Example.org ".into(),
            languages: "Kreyòl, English".into(),
            zip: "52001".into(),
            can_drive: true,
            licence_expires: "2028-05-01".into(),
            insurance_expires: "2027-01-31".into(),
            slots: vec!["tue-am".into()],
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_application_parses() {
        let d = VolunteerDraft::parse(&valid(), today()).unwrap();
        assert_eq!(d.email, "jean@example.org");
        assert_eq!(d.languages, "haitian creole, english");
        assert!(d.home.is_some());
        assert!(d.availability.has_slot("tue-am"));
    }

    #[test]
    fn every_bad_field_is_named() {
        let input = VolunteerInput {
            name: " ".into(),
            email: "not-an-email".into(),
            zip: "1234".into(),
            can_drive: true,
            licence_expires: "2020-01-01".into(),
            insurance_expires: "".into(),
            slots: vec!["sun-night".into()],
            away: "tomorrow".into(),
            ..Default::default()
        };
        let errors = VolunteerDraft::parse(&input, today()).unwrap_err();
        assert_eq!(errors.get("name"), Some("error-required"));
        assert_eq!(errors.get("email"), Some("error-email"));
        assert_eq!(errors.get("languages"), Some("error-required"));
        assert_eq!(errors.get("zip"), Some("volunteer-error-zip"));
        assert_eq!(errors.get("licence_expires"), Some("volunteer-error-lapsed"));
        assert_eq!(errors.get("insurance_expires"), Some("volunteer-error-driver-dates"));
        assert_eq!(errors.get("slots"), Some("error-invalid"));
        assert_eq!(errors.get("away"), Some("error-date-format"));
    }

    #[test]
    fn guardians_need_name_email_language_zip() {
        let g = GuardianDraft::parse(&GuardianInput {
            name: "Marta".into(),
            email: "m@x.org".into(),
            languages: "es".into(),
            zip: "10451".into(),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(g.languages, "spanish");
        assert!(GuardianDraft::parse(&GuardianInput::default()).unwrap_err().0.len() >= 4);
    }
}
