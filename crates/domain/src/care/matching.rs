//! Proposing volunteers for a ride or an interpretation: only cleared volunteers, free at the
//! time, who can do it (drivers: valid licence and insurance; interpreters: the language);
//! speakers of the family's language first, then the nearest.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::availability::Availability;
use super::checks::{valid_on, Clearance};
use super::geo::GeoPoint;
use super::network::RequestKind;

/// Drivers farther than this from the pickup are not proposed.
pub const MAX_DRIVER_MILES: f64 = 100.0;
/// How many volunteers are notified of one request.
pub const PROPOSALS: usize = 5;

/// One volunteer as matching sees them.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub volunteer_id: i64,
    pub clearance: Clearance,
    pub can_drive: bool,
    pub licence_expires: Option<NaiveDate>,
    pub insurance_expires: Option<NaiveDate>,
    /// Canonical names (see `network::language_list`).
    pub languages: Vec<String>,
    pub home: Option<GeoPoint>,
    pub availability: Availability,
}

/// What is needed, when and where.
#[derive(Debug, Clone)]
pub struct Need {
    pub kind: RequestKind,
    pub at: NaiveDateTime,
    /// Pickup (ride) or meeting place (interpretation), when known.
    pub place: Option<GeoPoint>,
    /// The family's language, canonical.
    pub language: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proposal {
    pub volunteer_id: i64,
    /// Straight-line miles from the volunteer's home to the place (unknown without coordinates).
    pub miles: Option<f64>,
    pub speaks_language: bool,
}

/// Can this volunteer take this request at all (regardless of ranking)?
pub fn eligible(c: &Candidate, need: &Need, today: NaiveDate) -> bool {
    let day = need.at.date();
    if !c.clearance.is_cleared(today) || !c.clearance.is_cleared(day) || !c.availability.free_at(need.at) {
        return false;
    }
    match need.kind {
        RequestKind::Ride => {
            c.can_drive
                && c.licence_expires.is_some()
                && valid_on(c.licence_expires, day)
                && c.insurance_expires.is_some()
                && valid_on(c.insurance_expires, day)
        }
        RequestKind::Interpretation => need.language.as_ref().is_some_and(|l| c.languages.contains(l)),
    }
}

/// Rank eligible volunteers: speakers of the family's language first, then nearest (unknown
/// distance last), then lowest id so the order is reproducible. At most `limit` proposals.
pub fn propose(candidates: &[Candidate], need: &Need, today: NaiveDate, limit: usize) -> Vec<Proposal> {
    let mut proposals: Vec<Proposal> = candidates
        .iter()
        .filter(|c| eligible(c, need, today))
        .filter_map(|c| {
            let miles = match (c.home, need.place) {
                (Some(home), Some(place)) => Some(home.miles_to(&place)),
                _ => None,
            };
            if need.kind == RequestKind::Ride && miles.is_some_and(|m| m > MAX_DRIVER_MILES) {
                return None;
            }
            let speaks_language = need.language.as_ref().is_some_and(|l| c.languages.contains(l));
            Some(Proposal { volunteer_id: c.volunteer_id, miles, speaks_language })
        })
        .collect();
    let key = |p: &Proposal| (!p.speaks_language, p.miles.map_or(u64::MAX, |m| (m * 1000.0) as u64), p.volunteer_id);
    if proposals.len() > limit {
        proposals.select_nth_unstable_by_key(limit, key);
        proposals.truncate(limit);
    }
    proposals.sort_by_key(key);
    proposals
}

#[cfg(test)]
mod tests {
    use super::super::checks::CheckStatus;
    use super::super::geo::zip_point;
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn driver(id: i64, zip: &str, languages: &[&str]) -> Candidate {
        Candidate {
            volunteer_id: id,
            clearance: Clearance { status: CheckStatus::Cleared, expires_on: Some(d("2027-06-01")) },
            can_drive: true,
            licence_expires: Some(d("2028-01-01")),
            insurance_expires: Some(d("2027-03-01")),
            languages: languages.iter().map(|l| l.to_string()).collect(),
            home: zip_point(zip),
            availability: Availability { weekly: Availability::weekly_from_slots(["tue-am", "tue-pm"]).unwrap(), away: vec![] },
        }
    }

    fn ride(language: &str) -> Need {
        Need { kind: RequestKind::Ride, at: "2026-12-01T08:00:00".parse().unwrap(), place: zip_point("52001"), language: Some(language.into()) }
    }

    #[test]
    fn creole_speaker_first_then_nearest() {
        let today = d("2026-11-24");
        let candidates = vec![driver(1, "52001", &["english"]), driver(2, "52002", &["english"]), driver(3, "52003", &["haitian creole", "english"])];
        let p = propose(&candidates, &ride("haitian creole"), today, 5);
        assert_eq!(p.iter().map(|p| p.volunteer_id).collect::<Vec<_>>(), vec![3, 1, 2]);
        assert!(p[0].speaks_language);
        assert!(p[1].miles.unwrap() < p[2].miles.unwrap());
    }

    #[test]
    fn expired_checks_licences_and_busy_drivers_are_not_offered() {
        let today = d("2026-11-24");
        let mut expired = driver(1, "52001", &["haitian creole"]);
        expired.clearance.expires_on = Some(d("2026-10-20"));
        let mut lapsing = driver(2, "52001", &["haitian creole"]);
        // Cleared today, lapsed by the ride date.
        lapsing.clearance.expires_on = Some(d("2026-11-30"));
        let mut no_insurance = driver(3, "52001", &[]);
        no_insurance.insurance_expires = Some(d("2026-11-01"));
        let mut away = driver(4, "52001", &[]);
        away.availability.away = vec![d("2026-12-01")];
        let mut not_cleared = driver(5, "52001", &[]);
        not_cleared.clearance.status = CheckStatus::NotCleared;
        let mut far = driver(6, "10001", &[]);
        far.volunteer_id = 6;
        let ok = driver(7, "52404", &[]);
        let p = propose(&[expired, lapsing, no_insurance, away, not_cleared, far, ok], &ride("haitian creole"), today, 5);
        assert_eq!(p.iter().map(|p| p.volunteer_id).collect::<Vec<_>>(), vec![7]);
    }

    #[test]
    fn interpretation_needs_the_language_not_a_car() {
        let today = d("2026-11-24");
        let mut walker = driver(1, "52001", &["haitian creole"]);
        walker.can_drive = false;
        let english = driver(2, "52001", &["english"]);
        let need = Need { kind: RequestKind::Interpretation, ..ride("haitian creole") };
        assert_eq!(propose(&[walker, english], &need, today, 5).iter().map(|p| p.volunteer_id).collect::<Vec<_>>(), vec![1]);
    }

    #[test]
    fn limit_keeps_the_best() {
        let today = d("2026-11-24");
        let candidates: Vec<Candidate> = (1..=20).map(|i| driver(i, if i == 17 { "52001" } else { "52404" }, &[])).collect();
        let p = propose(&candidates, &ride("spanish"), today, 3);
        assert_eq!(p.len(), 3);
        assert_eq!(p[0].volunteer_id, 17, "nearest first");
        assert_eq!(p[1].volunteer_id, 1);
    }
}
