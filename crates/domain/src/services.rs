//! Service plans, the service log, per-capita billing and closed-loop referrals: the rules,
//! free of IO.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

/// Categories every program starts with (the seeds' list); programs may add their own.
pub const BUILTIN_CATEGORIES: [&str; 17] = [
    "mental_health",
    "medical_care",
    "legal_information",
    "legal_representation_referral",
    "cultural_orientation",
    "trafficking_screening",
    "school_enrolment",
    "itin_application",
    "food",
    "housing",
    "temporary_housing_assistance",
    "language_classes",
    "transportation",
    "interpretation",
    "employment",
    "departure_planning",
    "reintegration",
];

/// A category code: lower-case letters, digits and `_`, 2–40 characters.
pub fn valid_category_code(code: &str) -> bool {
    (2..=40).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Who provided a logged service.
pub const PROVIDER_KINDS: [&str; 4] = ["staff", "volunteer", "partner", "external"];

/// How a goal ended (or `open` while it runs).
pub const GOAL_STATUSES: [&str; 4] = ["open", "met", "partly_met", "not_met"];

/// Referral states, the FHIR Task status vocabulary (subset used for referrals).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum ReferralStatus {
    Requested,
    Received,
    Accepted,
    Rejected,
    InProgress,
    OnHold,
    Completed,
    Cancelled,
    Failed,
}

impl ReferralStatus {
    pub const ALL: [ReferralStatus; 9] = [
        ReferralStatus::Requested,
        ReferralStatus::Received,
        ReferralStatus::Accepted,
        ReferralStatus::Rejected,
        ReferralStatus::InProgress,
        ReferralStatus::OnHold,
        ReferralStatus::Completed,
        ReferralStatus::Cancelled,
        ReferralStatus::Failed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReferralStatus::Requested => "requested",
            ReferralStatus::Received => "received",
            ReferralStatus::Accepted => "accepted",
            ReferralStatus::Rejected => "rejected",
            ReferralStatus::InProgress => "in-progress",
            ReferralStatus::OnHold => "on-hold",
            ReferralStatus::Completed => "completed",
            ReferralStatus::Cancelled => "cancelled",
            ReferralStatus::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<ReferralStatus> {
        ReferralStatus::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// No further step is possible.
    pub fn is_final(self) -> bool {
        matches!(self, ReferralStatus::Rejected | ReferralStatus::Completed | ReferralStatus::Cancelled | ReferralStatus::Failed)
    }

    /// The receiver has answered (accepted or rejected, or gone further).
    pub fn is_answered(self) -> bool {
        !matches!(self, ReferralStatus::Requested | ReferralStatus::Received | ReferralStatus::Cancelled)
    }

    /// Steps allowed from here.
    pub fn next(self) -> &'static [ReferralStatus] {
        use ReferralStatus::*;
        match self {
            Requested => &[Received, Accepted, Rejected, Cancelled],
            Received => &[Accepted, Rejected, Cancelled],
            Accepted => &[InProgress, OnHold, Completed, Cancelled, Failed],
            InProgress => &[OnHold, Completed, Cancelled, Failed],
            OnHold => &[InProgress, Completed, Cancelled, Failed],
            Rejected | Completed | Cancelled | Failed => &[],
        }
    }

    /// These steps need a reason (why refused, stopped or failed).
    pub fn needs_reason(self) -> bool {
        matches!(self, ReferralStatus::Rejected | ReferralStatus::OnHold | ReferralStatus::Cancelled | ReferralStatus::Failed)
    }
}

/// Why a referral step is refused; each is a translation key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferralRefusal {
    NotAllowed,
    ReasonRequired,
}

impl ReferralRefusal {
    pub fn code(self) -> &'static str {
        match self {
            ReferralRefusal::NotAllowed => "referral-step-not-allowed",
            ReferralRefusal::ReasonRequired => "referral-reason-required",
        }
    }
}

/// Decide one step of a referral.
pub fn referral_step(from: ReferralStatus, to: ReferralStatus, reason: Option<&str>) -> Result<(), ReferralRefusal> {
    if !from.next().contains(&to) {
        return Err(ReferralRefusal::NotAllowed);
    }
    if to.needs_reason() && reason.is_none_or(|r| r.trim().is_empty()) {
        return Err(ReferralRefusal::ReasonRequired);
    }
    Ok(())
}

/// Client fields a case manager may choose to send with a referral (minimum necessary).
pub const SHAREABLE_FIELDS: [&str; 7] = ["name", "date_of_birth", "languages", "phone", "household_size", "country", "needs"];

/// How the client consented to the referral.
pub const CONSENT_METHODS: [&str; 2] = ["signed", "verbal"];

/// Is a referral with no answer since `sent_on` overdue on `today`, given the program's wait?
pub fn referral_overdue(status: ReferralStatus, sent_on: NaiveDate, today: NaiveDate, days: i64) -> bool {
    !status.is_answered() && !status.is_final() && (today - sent_on).num_days() > days
}

// ---------------------------------------------------------------------------------------------
// Eligibility windows and billing.

/// The period a client may receive billable services in a program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EligibilityWindow {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl EligibilityWindow {
    /// A window of `months` from the case opening (the simple program setting Sendero uses
    /// until per-client windows exist).
    pub fn from_opening(opened_on: NaiveDate, months: u32) -> EligibilityWindow {
        EligibilityWindow { start: opened_on, end: opened_on.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX) }
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date < self.end
    }
}

/// How a rate is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RateUnit {
    /// Each logged service.
    Service,
    /// Each started quarter hour of a logged service.
    QuarterHour,
    /// Each eligible client served in the month (per capita).
    ClientMonth,
}

impl RateUnit {
    pub const ALL: [RateUnit; 3] = [RateUnit::Service, RateUnit::QuarterHour, RateUnit::ClientMonth];

    pub fn as_str(self) -> &'static str {
        match self {
            RateUnit::Service => "service",
            RateUnit::QuarterHour => "quarter_hour",
            RateUnit::ClientMonth => "client_month",
        }
    }

    pub fn parse(s: &str) -> Option<RateUnit> {
        RateUnit::ALL.into_iter().find(|u| u.as_str() == s)
    }
}

/// One logged service, as billing sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BillableService {
    pub id: i64,
    pub client_id: i64,
    pub category: String,
    pub provided_on: NaiveDate,
    pub minutes: i64,
    pub cost_cents: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub unit: RateUnit,
    pub cents: i64,
}

/// One line of a funder's monthly bill: a category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BillingLine {
    pub category: String,
    pub unit: Option<RateUnit>,
    pub rate_cents: i64,
    pub services: i64,
    pub minutes: i64,
    pub clients: i64,
    pub units: i64,
    pub amount_cents: i64,
    pub cost_cents: i64,
}

/// A service left out of the bill, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlaggedService {
    pub service_id: i64,
    pub client_id: i64,
    pub category: String,
    pub provided_on: NaiveDate,
    /// `outside-window` (client not eligible that day), `no-window` (no eligibility known)
    /// or `no-rate` (the funder pays nothing for this category).
    pub reason: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Bill {
    pub lines: Vec<BillingLine>,
    pub flagged: Vec<FlaggedService>,
    pub total_cents: i64,
    pub eligible_clients: i64,
}

/// The first day of `month` and of the next month.
pub fn month_bounds(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = NaiveDate::from_ymd_opt(year, month, 1)?;
    Some((start, start.checked_add_months(Months::new(1))?))
}

/// Compute a funder's bill for one month from the services logged for it. Only services inside
/// the client's eligibility window count; the rest are flagged, never silently dropped.
pub fn bill(services: &[BillableService], rates: &BTreeMap<String, Rate>, windows: &BTreeMap<i64, EligibilityWindow>) -> Bill {
    let mut lines: BTreeMap<String, (BillingLine, BTreeSet<i64>)> = BTreeMap::new();
    let mut flagged = Vec::new();
    let mut eligible = BTreeSet::new();
    for s in services {
        let reason = match windows.get(&s.client_id) {
            None => Some("no-window"),
            Some(w) if !w.contains(s.provided_on) => Some("outside-window"),
            _ if !rates.contains_key(&s.category) => Some("no-rate"),
            _ => None,
        };
        if let Some(reason) = reason {
            flagged.push(FlaggedService { service_id: s.id, client_id: s.client_id, category: s.category.clone(), provided_on: s.provided_on, reason });
            continue;
        }
        let rate = rates[&s.category];
        eligible.insert(s.client_id);
        let (line, clients) = lines.entry(s.category.clone()).or_insert_with(|| {
            (
                BillingLine {
                    category: s.category.clone(),
                    unit: Some(rate.unit),
                    rate_cents: rate.cents,
                    services: 0,
                    minutes: 0,
                    clients: 0,
                    units: 0,
                    amount_cents: 0,
                    cost_cents: 0,
                },
                BTreeSet::new(),
            )
        });
        line.services += 1;
        line.minutes += s.minutes.max(0);
        line.cost_cents += s.cost_cents;
        clients.insert(s.client_id);
        line.units += match rate.unit {
            RateUnit::Service => 1,
            RateUnit::QuarterHour => (s.minutes.max(0) + 14) / 15,
            RateUnit::ClientMonth => 0,
        };
    }
    let mut out = Bill { eligible_clients: eligible.len() as i64, flagged, ..Default::default() };
    for (_, (mut line, clients)) in lines {
        line.clients = clients.len() as i64;
        if line.unit == Some(RateUnit::ClientMonth) {
            line.units = line.clients;
        }
        line.amount_cents = line.units * line.rate_cents;
        out.total_cents += line.amount_cents;
        out.lines.push(line);
    }
    out
}

/// "12.50" or "12" → 1250 cents. Negative or malformed amounts are refused.
pub fn parse_cents(text: &str) -> Option<i64> {
    let t = text.trim().trim_start_matches('$');
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    if whole.is_empty() && frac.is_empty() || frac.len() > 2 || !whole.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let frac: i64 = if frac.is_empty() { 0 } else { format!("{frac:0<2}").parse().ok()? };
    whole.checked_mul(100)?.checked_add(frac)
}

/// 1250 → "12.50".
pub fn format_cents(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", cents.abs() / 100, cents.abs() % 100)
}

// ---------------------------------------------------------------------------------------------
// Geography and opening hours for the resource directory.

/// Degrees ↔ micro-degrees (integers store exactly on both databases).
pub fn to_micro(degrees: f64) -> i64 {
    (degrees * 1_000_000.0).round() as i64
}

pub fn from_micro(micro: i64) -> f64 {
    micro as f64 / 1_000_000.0
}

/// Great-circle distance in kilometres (haversine, mean Earth radius).
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    const R: f64 = 6371.0088;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * R * a.sqrt().asin()
}

/// A latitude/longitude box (micro-degrees) that contains every point within `km` of the
/// centre, for an indexed pre-filter before the exact distance.
pub fn bounding_box(lat: f64, lon: f64, km: f64) -> (i64, i64, i64, i64) {
    let dlat = km / 111.0;
    let cos = lat.to_radians().cos().abs().max(0.01);
    let dlon = (km / (111.0 * cos)).min(180.0);
    (to_micro(lat - dlat), to_micro(lat + dlat), to_micro(lon - dlon), to_micro(lon + dlon))
}

/// Monday = 0 … Sunday = 6.
pub fn weekday_index(date: NaiveDate) -> u8 {
    date.weekday().num_days_from_monday() as u8
}

#[cfg(test)]
mod tests;
