//! The board and funder report: enrolment against goal, participants and participant-days,
//! closures, and cost per participant-day beside what detention would have cost for the same
//! days. Only aggregates leave this module; small counts are suppressed before publication.

use chrono::NaiveDate;
use serde::Serialize;

use crate::suppression::suppress_list;

/// Daily cost of immigration detention used by the seed documents ($164.65), in cents.
pub const DEFAULT_DETENTION_COST_CENTS: i64 = 16_465;

/// One case, without anything that identifies its client.
#[derive(Debug, Clone)]
pub struct CaseFact {
    pub program_id: i64,
    pub site: Option<String>,
    pub opened_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    pub closure_reason: Option<String>,
}

/// Money a program spent over a period (staff, rent, transport…), spread evenly over its days.
#[derive(Debug, Clone)]
pub struct CostFact {
    pub program_id: i64,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub amount_cents: i64,
}

#[derive(Debug, Clone)]
pub struct ProgramInfo {
    pub id: i64,
    pub name: String,
    pub enrollment_goal: Option<i64>,
}

#[derive(Debug, Clone, Copy)]
pub struct Period {
    pub from: NaiveDate,
    /// Inclusive.
    pub to: NaiveDate,
}

impl Period {
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// Days of `[start, end]` (end inclusive, open-ended when `None`) inside the period.
    pub fn overlap(&self, start: NaiveDate, end: Option<NaiveDate>) -> i64 {
        let first = start.max(self.from);
        let last = end.unwrap_or(self.to).min(self.to);
        ((last - first).num_days() + 1).max(0)
    }
}

/// A count as published: `None` when suppressed.
pub type Published = Option<u64>;

#[derive(Debug, Clone, Serialize)]
pub struct ProgramReport {
    pub program_id: i64,
    pub name: String,
    pub enrollment_goal: Option<i64>,
    /// Cases opened since the program began, up to the period's end.
    pub enrolled_to_date: Published,
    pub enrolled_in_period: Published,
    pub active_in_period: Published,
    pub participant_days: i64,
    /// (site, enrolled in period), suppressed as a list with its total.
    pub enrolled_by_site: Vec<(String, Published)>,
    /// (reason, closures in period).
    pub closures: Vec<(String, Published)>,
    pub cost_cents: i64,
    /// `None` when no participant-days (nothing to divide by).
    pub cost_per_participant_day_cents: Option<i64>,
    pub detention_cost_per_day_cents: i64,
    /// What detention would have cost for the same participant-days.
    pub detention_equivalent_cents: i64,
}

fn publish(n: u64, threshold: u64) -> Published {
    (n == 0 || n >= threshold).then_some(n)
}

/// Group `items` by key, sorted by key, counting.
fn tally<'a>(items: impl Iterator<Item = &'a str>) -> Vec<(String, u64)> {
    let mut counts: std::collections::BTreeMap<String, u64> = Default::default();
    for k in items {
        *counts.entry(k.to_owned()).or_default() += 1;
    }
    counts.into_iter().collect()
}

fn suppressed_tally(counts: Vec<(String, u64)>, threshold: u64) -> Vec<(String, Published)> {
    let values: Vec<u64> = counts.iter().map(|(_, n)| *n).collect();
    let (published, _) = suppress_list(&values, threshold);
    counts.into_iter().map(|(k, _)| k).zip(published).collect()
}

/// Build the report for each program. Integer cents throughout; a cost period partly inside
/// the reporting period counts in proportion to its days inside.
pub fn build(
    programs: &[ProgramInfo],
    cases: &[CaseFact],
    costs: &[CostFact],
    period: Period,
    detention_cost_cents: i64,
    threshold: u64,
) -> Vec<ProgramReport> {
    programs
        .iter()
        .map(|p| {
            let mine: Vec<&CaseFact> = cases.iter().filter(|c| c.program_id == p.id).collect();
            let to_date = mine.iter().filter(|c| c.opened_on <= period.to).count() as u64;
            let opened: Vec<&&CaseFact> = mine.iter().filter(|c| c.opened_on >= period.from && c.opened_on <= period.to).collect();
            let active: Vec<&&CaseFact> = mine.iter().filter(|c| period.overlap(c.opened_on, c.closed_on) > 0).collect();
            let participant_days: i64 = active.iter().map(|c| period.overlap(c.opened_on, c.closed_on)).sum();
            let by_site = tally(opened.iter().map(|c| c.site.as_deref().unwrap_or("")));
            let closed = mine.iter().filter(|c| c.closed_on.is_some_and(|d| d >= period.from && d <= period.to));
            let closures = tally(closed.map(|c| c.closure_reason.as_deref().unwrap_or("other")));
            let cost_cents: i64 = costs
                .iter()
                .filter(|k| k.program_id == p.id)
                .map(|k| {
                    let total_days = ((k.ends_on - k.starts_on).num_days() + 1).max(1);
                    let inside = period.overlap(k.starts_on, Some(k.ends_on));
                    // Round half up on whole cents.
                    (i128::from(k.amount_cents) * i128::from(inside) * 2 + i128::from(total_days)) as i64 / (2 * total_days)
                })
                .sum();
            let per_day = (participant_days > 0).then(|| (cost_cents * 2 + participant_days) / (2 * participant_days));
            // Participant-days come from individuals: publish them only with enough participants.
            let active_count = active.len() as u64;
            let shown_days = if publish(active_count, threshold).is_some() { participant_days } else { 0 };
            ProgramReport {
                program_id: p.id,
                name: p.name.clone(),
                enrollment_goal: p.enrollment_goal,
                enrolled_to_date: publish(to_date, threshold),
                enrolled_in_period: publish(opened.len() as u64, threshold),
                active_in_period: publish(active_count, threshold),
                participant_days: shown_days,
                enrolled_by_site: suppressed_tally(by_site, threshold),
                closures: suppressed_tally(closures, threshold),
                cost_cents,
                cost_per_participant_day_cents: if shown_days > 0 { per_day } else { None },
                detention_cost_per_day_cents: detention_cost_cents,
                detention_equivalent_cents: shown_days * detention_cost_cents,
            }
        })
        .collect()
}

/// Cents as dollars with two decimals ("164.65").
pub fn dollars(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", cents.abs() / 100, cents.abs() % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn case(opened: &str, closed: Option<&str>, site: &str, reason: Option<&str>) -> CaseFact {
        CaseFact { program_id: 1, site: Some(site.into()), opened_on: d(opened), closed_on: closed.map(d), closure_reason: reason.map(Into::into) }
    }

    #[test]
    fn participant_days_and_costs_by_hand() {
        let q = Period { from: d("2026-07-01"), to: d("2026-09-30") };
        assert_eq!(q.days(), 92);
        // 12 cases open the whole quarter, one opened mid-quarter and closed a week later.
        let mut cases: Vec<CaseFact> = (0..12).map(|_| case("2026-01-10", None, "New York", None)).collect();
        cases.push(case("2026-08-01", Some("2026-08-07"), "New York", Some("goals_met")));
        cases.push(case("2026-10-05", None, "Houston", None)); // after the period: not counted
        let programs = [ProgramInfo { id: 1, name: "ATD pilot".into(), enrollment_goal: Some(700) }];
        // $92,000 over exactly the quarter, plus $36,500 over a year of which 92 days fall inside.
        let costs = [
            CostFact { program_id: 1, starts_on: d("2026-07-01"), ends_on: d("2026-09-30"), amount_cents: 9_200_000 },
            CostFact { program_id: 1, starts_on: d("2026-01-01"), ends_on: d("2026-12-31"), amount_cents: 3_650_000 },
        ];
        let r = &build(&programs, &cases, &costs, q, DEFAULT_DETENTION_COST_CENTS, 11)[0];
        assert_eq!(r.participant_days, 12 * 92 + 7);
        assert_eq!(r.active_in_period, Some(13));
        assert_eq!(r.enrolled_to_date, Some(13));
        assert_eq!(r.enrolled_in_period, None, "one enrolment in the quarter is a small count");
        assert_eq!(r.cost_cents, 9_200_000 + 920_000);
        // 10,120,000 / 1,111 = 9,108.91… → 9,109 cents a participant-day.
        assert_eq!(r.cost_per_participant_day_cents, Some(9_109));
        assert_eq!(r.detention_equivalent_cents, 1_111 * 16_465);
        assert_eq!(dollars(r.detention_equivalent_cents), "182926.15");
        assert_eq!(r.closures, vec![("goals_met".to_owned(), None)]);
    }

    #[test]
    fn few_participants_hide_their_days() {
        let q = Period { from: d("2026-07-01"), to: d("2026-07-31") };
        let cases = vec![case("2026-07-01", None, "Tucson", None), case("2026-07-02", None, "Tucson", None)];
        let programs = [ProgramInfo { id: 1, name: "Small".into(), enrollment_goal: None }];
        let r = &build(&programs, &cases, &[], q, DEFAULT_DETENTION_COST_CENTS, 11)[0];
        assert_eq!((r.active_in_period, r.participant_days, r.cost_per_participant_day_cents), (None, 0, None));
        assert_eq!(r.enrolled_by_site, vec![("Tucson".to_owned(), None)]);
    }

    #[test]
    fn money_formats() {
        assert_eq!(dollars(16_465), "164.65");
        assert_eq!(dollars(5), "0.05");
        assert_eq!(dollars(-120), "-1.20");
    }
}
