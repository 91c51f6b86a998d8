//! A ride or interpretation request as typed by a case manager, parsed at the edge.

use chrono::{NaiveDate, NaiveDateTime};

use super::geo::{zip_point, GeoPoint};
use super::network::{canonical_language, RequestKind, RidePurpose};
use crate::error::FieldErrors;
use crate::text;

#[derive(Debug, Clone, Default)]
pub struct RideInput {
    pub kind: String,
    pub purpose: String,
    pub pickup: String,
    /// ZIP of the pickup (or meeting place), to measure distances.
    pub pickup_zip: String,
    pub destination: String,
    /// `YYYY-MM-DDTHH:MM` (an HTML datetime-local field).
    pub at: String,
    pub passengers: String,
    pub child_seats: String,
    pub language: String,
    pub transit_note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RideDraft {
    pub kind: RequestKind,
    pub purpose: RidePurpose,
    pub pickup: String,
    pub destination: String,
    pub place: Option<GeoPoint>,
    pub at: NaiveDateTime,
    pub passengers: i64,
    pub child_seats: i64,
    /// Canonical language name.
    pub language: Option<String>,
    pub transit_note: Option<String>,
}

impl RideDraft {
    pub fn parse(input: &RideInput, today: NaiveDate) -> Result<RideDraft, FieldErrors> {
        let mut errors = FieldErrors::default();
        let kind = RequestKind::parse(&input.kind).unwrap_or_else(|| {
            errors.push("kind", "error-invalid");
            RequestKind::Ride
        });
        let purpose = RidePurpose::parse(&input.purpose).unwrap_or_else(|| {
            errors.push("purpose", "error-required");
            RidePurpose::Other
        });
        let mut text_field = |field: &str, raw: &str, required: bool, max: usize| -> Option<String> {
            let r = if required { text::required(raw, max).map(Some) } else { text::clean(raw, max) };
            r.unwrap_or_else(|code| {
                errors.push(field, code);
                None
            })
        };
        let pickup = text_field("pickup", &input.pickup, true, 300).unwrap_or_default();
        let destination = text_field("destination", &input.destination, kind == RequestKind::Ride, 300).unwrap_or_default();
        let transit_note = text_field("transit_note", &input.transit_note, false, 1000);
        let language = text_field("language", &input.language, kind == RequestKind::Interpretation, 60).map(|l| canonical_language(&l));
        let place = match input.pickup_zip.trim() {
            "" => None,
            zip => {
                let p = zip_point(zip);
                if p.is_none() {
                    errors.push("pickup_zip", "ride-error-zip-unknown");
                }
                p
            }
        };
        let at = match NaiveDateTime::parse_from_str(input.at.trim(), "%Y-%m-%dT%H:%M") {
            Ok(at) if at.date() < today => {
                errors.push("at", "error-date-range");
                at
            }
            Ok(at) => at,
            Err(_) => {
                errors.push("at", "ride-error-when");
                NaiveDateTime::MIN
            }
        };
        let mut count = |field: &str, raw: &str, default: i64, range: std::ops::RangeInclusive<i64>| -> i64 {
            match raw.trim() {
                "" => default,
                s => match s.parse::<i64>() {
                    Ok(n) if range.contains(&n) => n,
                    _ => {
                        errors.push(field, "ride-error-count");
                        default
                    }
                },
            }
        };
        let passengers = count("passengers", &input.passengers, 1, 1..=8);
        let child_seats = count("child_seats", &input.child_seats, 0, 0..=4);
        let draft = RideDraft { kind, purpose, pickup, destination, place, at, passengers, child_seats, language, transit_note };
        errors.into_result(draft)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_in_ride_parses_and_bad_fields_are_named() {
        let today = "2026-11-24".parse().unwrap();
        let input = RideInput {
            kind: "ride".into(),
            purpose: "ice_check_in".into(),
            pickup: "1200 Main St, Dubuque".into(),
            pickup_zip: "52001".into(),
            destination: "ICE office, Cedar Rapids".into(),
            at: "2026-12-01T08:00".into(),
            passengers: "3".into(),
            child_seats: "2".into(),
            language: "Kreyòl".into(),
            ..Default::default()
        };
        let d = RideDraft::parse(&input, today).unwrap();
        assert_eq!(d.language.as_deref(), Some("haitian creole"));
        assert_eq!((d.passengers, d.child_seats), (3, 2));
        let bad = RideInput { purpose: "joyride".into(), at: "tomorrow".into(), passengers: "40".into(), pickup_zip: "99999".into(), ..input };
        let e = RideDraft::parse(&bad, today).unwrap_err();
        for field in ["purpose", "at", "passengers", "pickup_zip"] {
            assert!(e.get(field).is_some(), "{field}");
        }
        let interp = RideInput { kind: "interpretation".into(), destination: "".into(), language: "".into(), ..Default::default() };
        assert_eq!(RideDraft::parse(&interp, today).unwrap_err().get("language"), Some("error-required"));
    }
}
