//! The pre/post outcome report: pairs each family's baseline (intake) assessment with its
//! closure assessment, counts who was lost (attrition), compares completers with
//! non-completers at baseline, and computes the statistics per total, domain and item.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use sendero_stats::{Attrition, Describe, OutcomeInput, OutcomeTable, OutcomeTableOptions, RowKind, WelchT};
use serde::Serialize;

use crate::instrument::{localized, Instrument, Scores, Timing};

/// One completed assessment of a case, without anything that identifies the person.
#[derive(Debug, Clone)]
pub struct AssessmentFact {
    pub case_id: i64,
    pub timing: Timing,
    pub taken_on: NaiveDate,
    pub instrument_version: i64,
    pub scores: Scores,
    pub opened_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    pub lost_contact: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct BaselineComparison {
    pub completers: Option<Describe>,
    pub non_completers: Option<Describe>,
    pub welch: Option<WelchT>,
    pub standardized_difference: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OutcomeReport {
    pub families_with_baseline: usize,
    pub families_with_closure: usize,
    pub completion: Option<Attrition>,
    /// Non-completers whose case closed as lost contact.
    pub lost_contact: usize,
    pub months_of_service: Option<Describe>,
    pub baseline: BaselineComparison,
    pub table: OutcomeTable,
    /// Pairs whose baseline and closure used different instrument versions (paired by item key).
    pub version_changes: usize,
    /// Closure assessments without a baseline (not in the paired analysis).
    pub closure_without_baseline: usize,
}

/// Months between two dates, as the average Gregorian month.
fn months_between(from: NaiveDate, to: NaiveDate) -> f64 {
    (to - from).num_days() as f64 / 30.436_875
}

/// Build the report for facts whose baseline falls in `[from, to]` (inclusive; `None` = open).
pub fn build(instrument: &Instrument, facts: &[AssessmentFact], lang: &str, from: Option<NaiveDate>, to: Option<NaiveDate>) -> OutcomeReport {
    let mut by_case: BTreeMap<i64, Vec<&AssessmentFact>> = BTreeMap::new();
    for f in facts {
        by_case.entry(f.case_id).or_default().push(f);
    }
    let in_period = |d: NaiveDate| from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t);
    let mut pairs: Vec<(&AssessmentFact, &AssessmentFact)> = vec![];
    let mut non_completers: Vec<&AssessmentFact> = vec![];
    let mut closure_without_baseline = 0;
    for list in by_case.values_mut() {
        list.sort_by_key(|f| f.taken_on);
        let baseline = list.iter().find(|f| f.timing == Timing::Intake).copied();
        let closure = list.iter().rev().find(|f| f.timing == Timing::Closure).copied();
        match (baseline, closure) {
            (Some(b), _) if !in_period(b.taken_on) => {}
            (Some(b), Some(c)) if c.taken_on >= b.taken_on => pairs.push((b, c)),
            (Some(b), _) => non_completers.push(b),
            (None, Some(c)) if in_period(c.taken_on) => closure_without_baseline += 1,
            (None, _) => {}
        }
    }
    let families_with_baseline = pairs.len() + non_completers.len();
    let completion = sendero_stats::attrition(families_with_baseline as u64, pairs.len() as u64).ok();
    let lost_contact = non_completers.iter().filter(|b| b.lost_contact).count();
    let months: Vec<f64> = pairs.iter().map(|(b, c)| months_between(b.opened_on.min(b.taken_on), c.closed_on.unwrap_or(c.taken_on).max(c.taken_on))).collect();
    let total_of = |f: &&AssessmentFact| f.scores.total;
    let completer_baselines: Vec<f64> = pairs.iter().filter_map(|(b, _)| total_of(b)).collect();
    let dropout_baselines: Vec<f64> = non_completers.iter().filter_map(total_of).collect();
    let baseline = BaselineComparison {
        completers: sendero_stats::describe(&completer_baselines),
        non_completers: sendero_stats::describe(&dropout_baselines),
        welch: sendero_stats::welch_t(&completer_baselines, &dropout_baselines).ok(),
        standardized_difference: sendero_stats::standardized_mean_difference(&completer_baselines, &dropout_baselines).ok(),
    };
    // Rows: total, each domain, each item; NaN marks a missing score in that pair.
    let value = |s: &Scores, kind: RowKind, key: &str| -> f64 {
        match kind {
            RowKind::Total => s.total,
            RowKind::Domain => s.domains.get(key).copied(),
            RowKind::Item => s.items.get(key).copied(),
        }
        .unwrap_or(f64::NAN)
    };
    let mut rows: Vec<(String, RowKind, String)> = vec![(localized(&instrument.title, lang).to_owned(), RowKind::Total, String::new())];
    rows.extend(instrument.domains.iter().map(|d| (localized(&d.title, lang).to_owned(), RowKind::Domain, d.key.clone())));
    rows.extend(instrument.items.iter().map(|i| (localized(&i.text, lang).to_owned(), RowKind::Item, i.key.clone())));
    let inputs: Vec<OutcomeInput> = rows
        .into_iter()
        .map(|(label, kind, key)| OutcomeInput {
            label,
            kind,
            pre: pairs.iter().map(|(b, _)| value(&b.scores, kind, &key)).collect(),
            post: pairs.iter().map(|(_, c)| value(&c.scores, kind, &key)).collect(),
        })
        .collect();
    OutcomeReport {
        families_with_baseline,
        families_with_closure: pairs.len(),
        completion,
        lost_contact,
        months_of_service: sendero_stats::describe(&months),
        baseline,
        table: sendero_stats::outcome_table(&inputs, OutcomeTableOptions::default()),
        version_changes: pairs.iter().filter(|(b, c)| b.instrument_version != c.instrument_version).count(),
        closure_without_baseline,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instrument::builtin;
    use std::collections::HashMap;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn fact(instrument: &Instrument, case_id: i64, timing: Timing, on: &str, level: i64, lost: bool) -> AssessmentFact {
        let answers: HashMap<String, i64> = instrument.items.iter().map(|i| (i.key.clone(), level)).collect();
        AssessmentFact {
            case_id,
            timing,
            taken_on: day(on),
            instrument_version: 1,
            scores: instrument.score(&answers),
            opened_on: day("2025-01-01"),
            closed_on: None,
            lost_contact: lost,
        }
    }

    #[test]
    fn pairs_completers_and_counts_attrition() {
        let ff = builtin().remove(0);
        let mut facts = vec![];
        // Three families complete (1 → 3, 2 → 3, 2 → 4), two are lost after baseline.
        for (case, pre, post) in [(1, 1, 3), (2, 2, 3), (3, 2, 4)] {
            facts.push(fact(&ff, case, Timing::Intake, "2025-01-10", pre, false));
            facts.push(fact(&ff, case, Timing::Closure, "2025-08-10", post, false));
        }
        facts.push(fact(&ff, 4, Timing::Intake, "2025-01-10", 1, true));
        facts.push(fact(&ff, 5, Timing::Intake, "2025-01-10", 3, false));
        facts.push(fact(&ff, 6, Timing::Closure, "2025-08-10", 3, false));
        let r = build(&ff, &facts, "en", None, None);
        assert_eq!(r.families_with_baseline, 5);
        assert_eq!(r.families_with_closure, 3);
        assert_eq!(r.lost_contact, 1);
        assert_eq!(r.closure_without_baseline, 1);
        let completion = r.completion.unwrap();
        assert!((completion.completion.rate - 0.6).abs() < 1e-12);
        let total = &r.table.rows[0];
        assert_eq!(total.kind, RowKind::Total);
        assert_eq!(total.n, 3);
        assert!((total.mean_change.unwrap() - 5.0 / 3.0).abs() < 1e-12);
        assert_eq!(r.table.rows.len(), 1 + 3 + 18);
        let months = r.months_of_service.unwrap();
        assert!(months.min > 7.0 && months.max < 7.5, "{months:?}");
        assert_eq!(r.baseline.completers.unwrap().n, 3);
        assert_eq!(r.baseline.non_completers.unwrap().n, 2);
    }

    #[test]
    fn period_filters_on_baseline_and_single_assessments_never_crash() {
        let ff = builtin().remove(0);
        let facts = vec![fact(&ff, 1, Timing::Intake, "2024-05-01", 2, false), fact(&ff, 1, Timing::Closure, "2024-09-01", 3, false)];
        let r = build(&ff, &facts, "es", Some(day("2025-01-01")), None);
        assert_eq!(r.families_with_baseline, 0);
        assert!(r.completion.is_none());
        assert!(r.table.rows[0].t_p.is_none(), "no pairs, no statistics");
        let r = build(&ff, &facts[..1], "es", None, None);
        assert_eq!(r.families_with_closure, 0);
        assert_eq!(r.table.rows[0].label, "Inventario de funcionamiento familiar");
    }
}
