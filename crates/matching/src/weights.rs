//! Fellegi–Sunter parameters: for each field and agreement level, the
//! probability of that level among true matches (m) and non-matches (u).

use crate::fields::{Field, Level, N_FIELDS, N_LEVELS};
use serde::{Deserialize, Serialize};

/// Probabilities are floored here so that log-weights stay finite.
const MIN_PROB: f64 = 1e-9;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Weights {
    /// Share of candidate pairs (after blocking) that are the same person.
    pub prior: f64,
    /// `m[field][level]` = P(level | same person).
    pub m: [[f64; N_LEVELS]; N_FIELDS],
    /// `u[field][level]` = P(level | different people).
    pub u: [[f64; N_LEVELS]; N_FIELDS],
}

impl Weights {
    pub fn m(&self, field: Field, level: Level) -> f64 {
        self.m[field.index()][level.index()]
    }

    pub fn u(&self, field: Field, level: Level) -> f64 {
        self.u[field.index()][level.index()]
    }

    pub fn set(&mut self, field: Field, level: Level, m: f64, u: f64) {
        self.m[field.index()][level.index()] = m;
        self.u[field.index()][level.index()] = u;
    }

    /// log2(m/u); 0 for `Missing` and for levels a field cannot produce.
    pub fn weight(&self, field: Field, level: Level) -> f64 {
        if level == Level::Missing || !field.levels().contains(&level) {
            return 0.0;
        }
        let m = sanitize(self.m(field, level));
        let u = sanitize(self.u(field, level));
        (m / u).log2()
    }

    /// log2 prior odds of a match.
    pub fn prior_log_odds(&self) -> f64 {
        let p = sanitize(self.prior).min(1.0 - MIN_PROB);
        (p / (1.0 - p)).log2()
    }

    /// Posterior match probability for a total log2 likelihood ratio.
    pub fn probability(&self, score: f64) -> f64 {
        let log_odds = score + self.prior_log_odds();
        if !log_odds.is_finite() {
            return if log_odds > 0.0 { 1.0 } else { 0.0 };
        }
        1.0 / (1.0 + (-log_odds).exp2())
    }
}

fn sanitize(p: f64) -> f64 {
    if p.is_finite() {
        p.max(MIN_PROB)
    } else {
        MIN_PROB
    }
}

/// (level, m, u) rows of one field's default table.
type LevelTable = &'static [(Level, f64, f64)];

impl Default for Weights {
    /// Hand-set starting values from typical caseload data: names and exact
    /// birth dates are strong evidence, country is weak, phones change often
    /// so a phone mismatch is only mildly negative. Refine with
    /// [`crate::estimate_weights`] on the organisation's own candidate pairs.
    fn default() -> Self {
        use Field::*;
        use Level::*;
        let mut w = Weights { prior: 1e-3, m: [[MIN_PROB; N_LEVELS]; N_FIELDS], u: [[MIN_PROB; N_LEVELS]; N_FIELDS] };
        let table: &[(Field, LevelTable)] = &[
            (
                GivenName,
                &[
                    (Exact, 0.70, 0.01),
                    (Transposed, 0.02, 0.0002),
                    (TokenOverlap, 0.08, 0.004),
                    (Similar, 0.10, 0.006),
                    (Phonetic, 0.04, 0.01),
                    (Disagree, 0.06, 0.9698),
                ],
            ),
            (
                FamilyName,
                &[
                    (Exact, 0.70, 0.005),
                    (Transposed, 0.02, 0.0002),
                    (TokenOverlap, 0.10, 0.004),
                    (Similar, 0.08, 0.005),
                    (Phonetic, 0.03, 0.006),
                    (Disagree, 0.07, 0.9798),
                ],
            ),
            (
                BirthDate,
                &[
                    (Exact, 0.80, 0.003),
                    (Transposed, 0.02, 0.0002),
                    (WithinOneYear, 0.04, 0.003),
                    (Similar, 0.06, 0.01),
                    (YearOnly, 0.05, 0.05),
                    (Disagree, 0.03, 0.9338),
                ],
            ),
            (Phone, &[(Exact, 0.55, 0.001), (LastDigits, 0.05, 0.001), (Disagree, 0.40, 0.998)]),
            (Country, &[(Exact, 0.95, 0.5), (Disagree, 0.05, 0.5)]),
            (Household, &[(Exact, 0.55, 0.003), (Similar, 0.15, 0.005), (Disagree, 0.30, 0.992)]),
            (OtherId, &[(Exact, 0.85, 0.0001), (Similar, 0.08, 0.0005), (Disagree, 0.07, 0.9994)]),
            (Address, &[(Exact, 0.45, 0.0005), (Similar, 0.30, 0.002), (TokenOverlap, 0.10, 0.03), (Disagree, 0.15, 0.9675)]),
        ];
        for (field, levels) in table {
            for &(level, m, u) in *levels {
                w.set(*field, level, m, u);
            }
        }
        w
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_probabilities_sum_to_one() {
        let w = Weights::default();
        for f in Field::ALL {
            let m: f64 = f.levels().iter().map(|l| w.m(f, *l)).sum();
            let u: f64 = f.levels().iter().map(|l| w.u(f, *l)).sum();
            assert!((m - 1.0).abs() < 1e-6, "{f:?} m sums to {m}");
            assert!((u - 1.0).abs() < 1e-6, "{f:?} u sums to {u}");
        }
    }

    #[test]
    fn probability_is_monotone_and_bounded() {
        let w = Weights::default();
        assert!(w.probability(-100.0) < w.probability(0.0));
        assert!(w.probability(0.0) < w.probability(100.0));
        assert_eq!(w.probability(f64::INFINITY), 1.0);
        assert_eq!(w.probability(f64::NEG_INFINITY), 0.0);
    }
}
