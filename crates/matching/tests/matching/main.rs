//! Integration tests for sendero-matching (one binary, several modules).

mod cases;
mod em;
mod properties;
mod scan;

use sendero_matching::{BirthDate, PersonRecord};

/// A record with names and an exact date of birth; other fields empty.
pub fn person(id: i64, given: &str, family: &str, dob: Option<(i32, u32, u32)>) -> PersonRecord {
    PersonRecord {
        id,
        given_names: given.to_string(),
        family_names: family.to_string(),
        dob: dob.map(|(y, m, d)| BirthDate::ymd(y, m, d)),
        ..Default::default()
    }
}
