//! Intention-to-treat evaluation of a lottery round: everyone is analysed in the arm the draw
//! assigned (selected = treatment, comparison = control), whatever happened afterwards.

use sendero_stats::{newcombe_diff_ci, standardized_mean_difference, two_proportion_z, welch_t, StatsError};
use serde::Serialize;

/// Follow-up outcomes of one participant, as collected by follow-up contact.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FollowUp {
    pub hearings_scheduled: i64,
    pub hearings_attended: i64,
    pub services_received: i64,
    pub assessment_pre: Option<i64>,
    pub assessment_post: Option<i64>,
}

/// One de-identified participant: opaque id, arm, baseline covariates, outcomes.
#[derive(Debug, Clone, Serialize)]
pub struct Participant {
    pub participant: String,
    pub treatment: bool,
    pub stratum: String,
    pub family_unit: bool,
    pub household_size: i64,
    pub days_in_us: i64,
    pub spanish_speaker: bool,
    pub followed_up: bool,
    pub outcome: FollowUp,
}

/// A comparison of one measure between the arms (treatment minus comparison).
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// Message key naming the measure.
    pub measure: &'static str,
    /// "proportion" or "mean".
    pub kind: &'static str,
    pub n_treatment: usize,
    pub n_comparison: usize,
    pub treatment: Option<f64>,
    pub comparison: Option<f64>,
    pub difference: Option<f64>,
    pub ci95_low: Option<f64>,
    pub ci95_high: Option<f64>,
    pub p_value: Option<f64>,
    /// The test used: "two-proportion z" or "Welch t".
    pub test: &'static str,
    /// Why no estimate could be made (a stats error message), if so.
    pub not_estimable: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BalanceRow {
    pub covariate: &'static str,
    pub treatment_mean: Option<f64>,
    pub comparison_mean: Option<f64>,
    /// Standardized mean difference (pooled SD); |SMD| < 0.1 is conventionally balanced.
    pub smd: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    pub assigned_treatment: usize,
    pub assigned_comparison: usize,
    pub followed_treatment: usize,
    pub followed_comparison: usize,
    pub outcomes: Vec<Comparison>,
    pub balance: Vec<BalanceRow>,
}

fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

fn not_estimable(measure: &'static str, kind: &'static str, test: &'static str, nt: usize, nc: usize, e: StatsError) -> Comparison {
    Comparison {
        measure,
        kind,
        n_treatment: nt,
        n_comparison: nc,
        treatment: None,
        comparison: None,
        difference: None,
        ci95_low: None,
        ci95_high: None,
        p_value: None,
        test,
        not_estimable: Some(e.to_string()),
    }
}

fn compare_proportions(measure: &'static str, t: &[bool], c: &[bool]) -> Comparison {
    let (st, sc) = (t.iter().filter(|x| **x).count() as u64, c.iter().filter(|x| **x).count() as u64);
    let (nt, nc) = (t.len() as u64, c.len() as u64);
    let result = newcombe_diff_ci(st, nt, sc, nc).map(|ci| (ci, two_proportion_z(st, nt, sc, nc).map(|z| z.p_value).unwrap_or(f64::NAN)));
    match result {
        Ok((ci, p)) => Comparison {
            measure,
            kind: "proportion",
            n_treatment: t.len(),
            n_comparison: c.len(),
            treatment: Some(ci.group1.rate),
            comparison: Some(ci.group2.rate),
            difference: Some(ci.diff),
            ci95_low: Some(ci.ci95_low),
            ci95_high: Some(ci.ci95_high),
            // Identical outcomes in both arms leave the z-test undefined; the CI still stands.
            p_value: p.is_finite().then_some(p),
            test: "two-proportion z",
            not_estimable: None,
        },
        Err(e) => not_estimable(measure, "proportion", "two-proportion z", t.len(), c.len(), e),
    }
}

fn compare_means(measure: &'static str, t: &[f64], c: &[f64]) -> Comparison {
    match welch_t(t, c) {
        Ok(w) => Comparison {
            measure,
            kind: "mean",
            n_treatment: t.len(),
            n_comparison: c.len(),
            treatment: mean(t),
            comparison: mean(c),
            difference: Some(w.mean_diff),
            ci95_low: Some(w.ci95_low),
            ci95_high: Some(w.ci95_high),
            p_value: Some(w.p_two_sided),
            test: "Welch t",
            not_estimable: None,
        },
        Err(e) => not_estimable(measure, "mean", "Welch t", t.len(), c.len(), e),
    }
}

fn balance(covariate: &'static str, rows: &[Participant], f: impl Fn(&Participant) -> f64) -> BalanceRow {
    let t: Vec<f64> = rows.iter().filter(|r| r.treatment).map(&f).collect();
    let c: Vec<f64> = rows.iter().filter(|r| !r.treatment).map(&f).collect();
    BalanceRow { covariate, treatment_mean: mean(&t), comparison_mean: mean(&c), smd: standardized_mean_difference(&t, &c).ok().filter(|v| v.is_finite()) }
}

/// Compare the arms. Outcomes are analysed for participants with follow-up (complete cases);
/// the report shows how many were followed in each arm so attrition is visible.
pub fn evaluate(rows: &[Participant]) -> Evaluation {
    let followed = |treatment: bool| rows.iter().filter(move |r| r.treatment == treatment && r.followed_up);
    let appeared = |treatment: bool| -> Vec<bool> {
        followed(treatment).filter(|r| r.outcome.hearings_scheduled > 0).map(|r| r.outcome.hearings_attended >= r.outcome.hearings_scheduled).collect()
    };
    let services = |treatment: bool| -> Vec<f64> { followed(treatment).map(|r| r.outcome.services_received as f64).collect() };
    let change = |treatment: bool| -> Vec<f64> {
        followed(treatment)
            .filter_map(|r| match (r.outcome.assessment_pre, r.outcome.assessment_post) {
                (Some(pre), Some(post)) => Some((post - pre) as f64),
                _ => None,
            })
            .collect()
    };
    let outcomes = vec![
        compare_proportions("evaluation-measure-appearance", &appeared(true), &appeared(false)),
        compare_means("evaluation-measure-services", &services(true), &services(false)),
        compare_means("evaluation-measure-assessment-change", &change(true), &change(false)),
    ];
    let balance = vec![
        balance("evaluation-covariate-family", rows, |r| f64::from(u8::from(r.family_unit))),
        balance("evaluation-covariate-household-size", rows, |r| r.household_size as f64),
        balance("evaluation-covariate-days-in-us", rows, |r| r.days_in_us as f64),
        balance("evaluation-covariate-spanish", rows, |r| f64::from(u8::from(r.spanish_speaker))),
    ];
    Evaluation {
        assigned_treatment: rows.iter().filter(|r| r.treatment).count(),
        assigned_comparison: rows.iter().filter(|r| !r.treatment).count(),
        followed_treatment: followed(true).count(),
        followed_comparison: followed(false).count(),
        outcomes,
        balance,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(treatment: bool, scheduled: i64, attended: i64, services: i64, pre: i64, post: i64) -> Participant {
        Participant {
            participant: String::new(),
            treatment,
            stratum: "all".into(),
            family_unit: treatment,
            household_size: 3,
            days_in_us: 30,
            spanish_speaker: true,
            followed_up: true,
            outcome: FollowUp {
                hearings_scheduled: scheduled,
                hearings_attended: attended,
                services_received: services,
                assessment_pre: Some(pre),
                assessment_post: Some(post),
            },
        }
    }

    #[test]
    fn compares_arms_with_intervals_and_tests() {
        let mut rows = Vec::new();
        for i in 0..10 {
            rows.push(p(true, 2, if i < 9 { 2 } else { 1 }, 5 + i % 3, 30, 38 + i % 4));
            rows.push(p(false, 2, if i < 6 { 2 } else { 0 }, 1 + i % 2, 31, 33 + i % 3));
        }
        let mut lost = p(false, 0, 0, 0, 0, 0);
        lost.followed_up = false;
        rows.push(lost);
        let e = evaluate(&rows);
        assert_eq!((e.assigned_treatment, e.assigned_comparison, e.followed_comparison), (10, 11, 10));
        let appearance = &e.outcomes[0];
        assert_eq!((appearance.treatment, appearance.comparison), (Some(0.9), Some(0.6)));
        let (low, high) = (appearance.ci95_low.unwrap(), appearance.ci95_high.unwrap());
        assert!(low < 0.3 && 0.3 < high);
        assert!(appearance.p_value.unwrap() < 0.2);
        let services = &e.outcomes[1];
        assert!(services.difference.unwrap() > 3.0);
        assert!(services.p_value.unwrap() < 0.001);
        assert_eq!(e.balance[0].treatment_mean, Some(1.0));
        assert_eq!(e.balance[1].smd, None, "no variation gives no SMD");
    }

    #[test]
    fn too_few_participants_are_not_estimable() {
        let e = evaluate(&[p(true, 1, 1, 2, 1, 2)]);
        assert!(e.outcomes.iter().all(|c| c.not_estimable.is_some()));
    }
}
