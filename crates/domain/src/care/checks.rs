//! Background checks and trainings: what "cleared" means on a given day, and what is about to
//! lapse.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A check's recorded status. `Cleared` past its expiry date counts as [`CheckStatus::Expired`]
/// (see [`Clearance::effective`]): nobody has to remember to flip it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    Requested,
    InProgress,
    Cleared,
    NotCleared,
    Expired,
}

impl CheckStatus {
    pub const ALL: [CheckStatus; 5] = [CheckStatus::Requested, CheckStatus::InProgress, CheckStatus::Cleared, CheckStatus::NotCleared, CheckStatus::Expired];

    pub fn as_str(self) -> &'static str {
        match self {
            CheckStatus::Requested => "requested",
            CheckStatus::InProgress => "in_progress",
            CheckStatus::Cleared => "cleared",
            CheckStatus::NotCleared => "not_cleared",
            CheckStatus::Expired => "expired",
        }
    }

    pub fn parse(s: &str) -> Option<CheckStatus> {
        CheckStatus::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Allowed moves of the check service. A finished check is never re-opened: a new check is
    /// requested instead, so the history stays true.
    pub fn can_become(self, next: CheckStatus) -> bool {
        use CheckStatus::*;
        matches!((self, next), (Requested, InProgress | Cleared | NotCleared) | (InProgress, Cleared | NotCleared) | (Cleared, Expired))
    }
}

/// Default validity of a clearance when the service gives no date (two years).
pub const CLEARANCE_DAYS: i64 = 730;
/// Checks and trainings lapsing within this many days are flagged to coordinators.
pub const EXPIRY_WARNING_DAYS: i64 = 30;

/// A person's clearance as any organization of the consortium may see it: status and expiry,
/// never the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Clearance {
    pub status: CheckStatus,
    pub expires_on: Option<NaiveDate>,
}

impl Clearance {
    pub fn none() -> Clearance {
        Clearance { status: CheckStatus::Requested, expires_on: None }
    }

    /// The status as of `today`: a clearance past its expiry date is expired.
    pub fn effective(&self, today: NaiveDate) -> CheckStatus {
        match (self.status, self.expires_on) {
            (CheckStatus::Cleared, Some(until)) if until < today => CheckStatus::Expired,
            (status, _) => status,
        }
    }

    /// Cleared and not expired: may be assigned to families and minors.
    pub fn is_cleared(&self, today: NaiveDate) -> bool {
        self.effective(today) == CheckStatus::Cleared
    }

    /// Cleared today but lapsing within [`EXPIRY_WARNING_DAYS`].
    pub fn expiring_soon(&self, today: NaiveDate) -> bool {
        self.is_cleared(today) && lapses_within(self.expires_on, today, EXPIRY_WARNING_DAYS)
    }
}

/// Does a date-limited thing (check, training, licence) lapse within `days` of `today`?
pub fn lapses_within(expires_on: Option<NaiveDate>, today: NaiveDate, days: i64) -> bool {
    expires_on.is_some_and(|d| d >= today && (d - today).num_days() <= days)
}

/// Is a date-limited thing valid on `day` (no date: never lapses)?
pub fn valid_on(expires_on: Option<NaiveDate>, day: NaiveDate) -> bool {
    expires_on.is_none_or(|d| d >= day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn clearance_lapses_on_its_expiry_date() {
        let c = Clearance { status: CheckStatus::Cleared, expires_on: Some(d("2026-12-01")) };
        assert!(c.is_cleared(d("2026-12-01")));
        assert!(!c.is_cleared(d("2026-12-02")));
        assert_eq!(c.effective(d("2026-12-02")), CheckStatus::Expired);
        assert!(c.expiring_soon(d("2026-11-15")));
        assert!(!c.expiring_soon(d("2026-09-01")));
    }

    #[test]
    fn only_cleared_counts() {
        for status in [CheckStatus::Requested, CheckStatus::InProgress, CheckStatus::NotCleared, CheckStatus::Expired] {
            assert!(!Clearance { status, expires_on: None }.is_cleared(d("2026-01-01")), "{status:?}");
        }
    }

    #[test]
    fn finished_checks_are_not_reopened() {
        assert!(CheckStatus::Requested.can_become(CheckStatus::Cleared));
        assert!(CheckStatus::InProgress.can_become(CheckStatus::NotCleared));
        assert!(!CheckStatus::NotCleared.can_become(CheckStatus::Cleared));
        assert!(!CheckStatus::Expired.can_become(CheckStatus::Cleared));
        for s in CheckStatus::ALL {
            assert_eq!(CheckStatus::parse(s.as_str()), Some(s));
        }
    }
}
