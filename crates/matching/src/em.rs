//! Expectation–maximisation of Fellegi–Sunter m/u probabilities.
//!
//! Candidate pairs are an unlabelled mixture of matches and non-matches;
//! EM alternates between the posterior match probability of each pair (E)
//! and re-estimating m, u and the prior from those posteriors (M).
//! Identical vectors are grouped first, so millions of pairs cost little.

use crate::fields::{ComparisonVector, Field, Level};
use crate::weights::Weights;
use std::collections::HashMap;

/// Added to every level count so no probability collapses to zero (which
/// would make a single unseen level veto a match forever).
const PSEUDO_COUNT: f64 = 0.5;

/// Prior bounds: keep EM from declaring everything (or nothing) a match.
const PRIOR_RANGE: (f64, f64) = (1e-7, 0.5);

pub fn estimate_weights(pairs_vectors: &[ComparisonVector], initial: &Weights, iterations: usize) -> Weights {
    let mut counts: HashMap<ComparisonVector, f64> = HashMap::new();
    for v in pairs_vectors {
        *counts.entry(*v).or_insert(0.0) += 1.0;
    }
    let groups: Vec<(ComparisonVector, f64)> = counts.into_iter().collect();
    let mut w = initial.clone();
    if groups.is_empty() {
        return w;
    }
    let total: f64 = groups.iter().map(|(_, n)| n).sum();
    for _ in 0..iterations {
        // E step: posterior match probability of each distinct vector.
        let posts: Vec<f64> = groups
            .iter()
            .map(|(v, _)| {
                let score: f64 = Field::ALL.iter().map(|f| w.weight(*f, v.level(*f))).sum();
                w.probability(score)
            })
            .collect();
        // M step.
        let mut next = w.clone();
        let matches: f64 = groups.iter().zip(&posts).map(|((_, n), g)| n * g).sum();
        next.prior = (matches / total).clamp(PRIOR_RANGE.0, PRIOR_RANGE.1);
        for field in Field::ALL {
            let levels = field.levels();
            let mut m_counts = vec![PSEUDO_COUNT; levels.len()];
            let mut u_counts = vec![PSEUDO_COUNT; levels.len()];
            for ((v, n), g) in groups.iter().zip(&posts) {
                let level = v.level(field);
                if level == Level::Missing {
                    continue;
                }
                if let Some(i) = levels.iter().position(|l| *l == level) {
                    m_counts[i] += n * g;
                    u_counts[i] += n * (1.0 - g);
                }
            }
            let m_total: f64 = m_counts.iter().sum();
            let u_total: f64 = u_counts.iter().sum();
            for (i, level) in levels.iter().enumerate() {
                next.set(field, *level, m_counts[i] / m_total, u_counts[i] / u_total);
            }
        }
        let converged = max_change(&w, &next) < 1e-7;
        w = next;
        if converged {
            break;
        }
    }
    w
}

fn max_change(a: &Weights, b: &Weights) -> f64 {
    let pairs = a.m.iter().flatten().zip(b.m.iter().flatten());
    let pairs = pairs.chain(a.u.iter().flatten().zip(b.u.iter().flatten()));
    pairs.map(|(x, y)| (x - y).abs()).fold((a.prior - b.prior).abs(), f64::max)
}
