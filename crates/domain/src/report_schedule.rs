//! Reports the worker makes on a schedule: which report, in which format, how often, and the
//! period each run covers (the whole month or quarter before the run date).

use chrono::{Datelike, Months, NaiveDate};

use crate::board::Period;

/// Reports that can be scheduled: the aggregate, de-identified ones only.
pub const REPORTS: [&str; 2] = ["board", "consortium"];
pub const FORMATS: [&str; 3] = ["pdf", "xlsx", "csv"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cadence {
    Monthly,
    Quarterly,
}

impl Cadence {
    pub const ALL: [Cadence; 2] = [Cadence::Monthly, Cadence::Quarterly];

    pub fn as_str(self) -> &'static str {
        match self {
            Cadence::Monthly => "monthly",
            Cadence::Quarterly => "quarterly",
        }
    }

    pub fn parse(raw: &str) -> Option<Cadence> {
        Cadence::ALL.into_iter().find(|c| c.as_str() == raw)
    }

    fn months(self) -> u32 {
        match self {
            Cadence::Monthly => 1,
            Cadence::Quarterly => 3,
        }
    }

    /// The first day of the period containing `day` (a month, or a calendar quarter).
    fn period_start(self, day: NaiveDate) -> NaiveDate {
        let month0 = day.month0() - day.month0() % self.months();
        NaiveDate::from_ymd_opt(day.year(), month0 + 1, 1).expect("the first of a month exists")
    }

    /// The first run on or after `today`: the start of the next period, so the first report
    /// covers a whole period.
    pub fn first_run(self, today: NaiveDate) -> NaiveDate {
        let start = self.period_start(today);
        if start == today {
            today
        } else {
            start + Months::new(self.months())
        }
    }

    /// The run after the one due on `run_on`.
    pub fn next_run(self, run_on: NaiveDate) -> NaiveDate {
        self.period_start(run_on) + Months::new(self.months())
    }

    /// The whole period before `run_on`'s: what a run due on `run_on` reports.
    pub fn period_before(self, run_on: NaiveDate) -> Period {
        let this = self.period_start(run_on);
        let from = this - Months::new(self.months());
        Period { from, to: this.pred_opt().expect("a day before the first of a month exists") }
    }
}

/// What is wrong with a schedule as entered, as a translation key.
pub fn validate(report: &str, format: &str, cadence: &str, recipients: usize) -> Result<Cadence, &'static str> {
    if !REPORTS.contains(&report) {
        return Err("schedule-error-report");
    }
    if !FORMATS.contains(&format) {
        return Err("schedule-error-format");
    }
    let cadence = Cadence::parse(cadence).ok_or("schedule-error-cadence")?;
    if recipients == 0 {
        return Err("schedule-error-recipients");
    }
    Ok(cadence)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn monthly_runs_report_the_month_before() {
        let c = Cadence::Monthly;
        assert_eq!(c.first_run(d("2026-11-24")), d("2026-12-01"));
        assert_eq!(c.first_run(d("2026-12-01")), d("2026-12-01"));
        assert_eq!(c.next_run(d("2026-12-01")), d("2027-01-01"));
        let p = c.period_before(d("2027-03-01"));
        assert_eq!((p.from, p.to), (d("2027-02-01"), d("2027-02-28")));
        let p = c.period_before(d("2027-01-01"));
        assert_eq!((p.from, p.to), (d("2026-12-01"), d("2026-12-31")));
    }

    #[test]
    fn quarterly_runs_report_the_quarter_before() {
        let c = Cadence::Quarterly;
        assert_eq!(c.first_run(d("2026-11-24")), d("2027-01-01"));
        assert_eq!(c.first_run(d("2026-10-01")), d("2026-10-01"));
        assert_eq!(c.next_run(d("2027-01-01")), d("2027-04-01"));
        // A late run (the worker was down) still reports the quarter before its due date.
        let p = c.period_before(d("2027-01-01"));
        assert_eq!((p.from, p.to), (d("2026-10-01"), d("2026-12-31")));
        assert_eq!(c.next_run(d("2027-02-15")), d("2027-04-01"));
    }

    #[test]
    fn every_period_is_whole_and_adjacent() {
        for c in Cadence::ALL {
            let mut run = c.first_run(d("2026-01-17"));
            for _ in 0..30 {
                let next = c.next_run(run);
                let p = c.period_before(next);
                assert_eq!(p.from, c.period_before(run).to.succ_opt().unwrap());
                assert_eq!(p.to.succ_opt().unwrap(), next);
                run = next;
            }
        }
    }

    #[test]
    fn schedules_are_validated() {
        assert_eq!(validate("board", "pdf", "monthly", 1), Ok(Cadence::Monthly));
        assert_eq!(validate("clients", "pdf", "monthly", 1), Err("schedule-error-report"));
        assert_eq!(validate("board", "doc", "monthly", 1), Err("schedule-error-format"));
        assert_eq!(validate("board", "csv", "weekly", 1), Err("schedule-error-cadence"));
        assert_eq!(validate("consortium", "xlsx", "quarterly", 0), Err("schedule-error-recipients"));
    }
}
