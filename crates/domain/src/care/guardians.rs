//! The guardian registry for unaccompanied minors seeking special immigrant juvenile status:
//! capacity of a guardian and the 18th-birthday deadline.

use chrono::{Datelike, NaiveDate};

use crate::client::ApproxDate;

/// Minors one guardian may take unless the organization sets another cap.
pub const DEFAULT_GUARDIAN_CAP: i64 = 2;
/// A cap beyond this is refused: guardianship is personal.
pub const MAX_GUARDIAN_CAP: i64 = 5;

/// Room for one more minor?
pub fn has_capacity(active_matches: i64, cap: i64) -> bool {
    active_matches < cap
}

/// The 18th birthday; for an approximate date of birth, the earliest it could be (the deadline
/// must not be missed). 29 February births turn 18 on 1 March in common years.
pub fn eighteenth_birthday(birth: &ApproxDate) -> NaiveDate {
    let b = birth.earliest();
    NaiveDate::from_ymd_opt(b.year() + 18, b.month(), b.day()).unwrap_or_else(|| NaiveDate::from_ymd_opt(b.year() + 18, 3, 1).expect("1 March exists"))
}

/// Days left until the 18th birthday (negative once passed).
pub fn days_until_eighteen(birth: &ApproxDate, today: NaiveDate) -> i64 {
    (eighteenth_birthday(birth) - today).num_days()
}

/// Parse a stored date of birth (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
pub fn parse_birth(stored: &str) -> Option<ApproxDate> {
    ApproxDate::parse(stored, NaiveDate::MAX).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn yeferson_has_eight_months() {
        // 17 years and 4 months old on 2026-11-24.
        let birth = parse_birth("2009-07-24").unwrap();
        assert_eq!(eighteenth_birthday(&birth), d("2027-07-24"));
        assert_eq!(days_until_eighteen(&birth, d("2026-11-24")), 242);
    }

    #[test]
    fn approximate_and_leap_day_births_take_the_earliest_deadline() {
        assert_eq!(eighteenth_birthday(&parse_birth("2009-07").unwrap()), d("2027-07-01"));
        assert_eq!(eighteenth_birthday(&parse_birth("2009").unwrap()), d("2027-01-01"));
        assert_eq!(eighteenth_birthday(&parse_birth("2008-02-29").unwrap()), d("2026-03-01"));
    }

    #[test]
    fn capacity_is_a_hard_cap() {
        assert!(has_capacity(0, DEFAULT_GUARDIAN_CAP));
        assert!(has_capacity(1, DEFAULT_GUARDIAN_CAP));
        assert!(!has_capacity(2, DEFAULT_GUARDIAN_CAP));
    }
}
