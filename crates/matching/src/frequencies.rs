//! Name-token frequencies for term-frequency adjustment.
//!
//! Why: agreeing on "Mohammed" or "García" says much less than agreeing on
//! "Stanekzai". Fixed u probabilities cannot know that; the relative
//! frequency of the agreeing token in the caseload can.

use crate::fields::{Field, Level};
use crate::normalize::name_tokens;
use crate::prepared::PreparedName;
use crate::record::PersonRecord;
use crate::weights::Weights;
use std::collections::HashMap;

/// The adjustment is bounded so one very rare or very common token cannot
/// dominate the other fields.
const MAX_BONUS_BITS: f64 = 3.0;
const MAX_PENALTY_BITS: f64 = 6.0;
/// Below this many records, frequencies are too noisy to use.
const MIN_RECORDS: u32 = 1000;

/// Share of records carrying each folded token, per name field.
#[derive(Debug, Clone, Default)]
pub struct NameFrequencies {
    given: HashMap<String, u32>,
    family: HashMap<String, u32>,
    records: u32,
}

impl NameFrequencies {
    /// Counts tokens over a caseload (each token once per record and field).
    pub fn from_records(records: &[PersonRecord]) -> Self {
        let mut f = NameFrequencies::default();
        for r in records {
            f.add(&r.given_names, &r.family_names);
        }
        f
    }

    /// Adds one record's names (for building incrementally from a database).
    pub fn add(&mut self, given_names: &str, family_names: &str) {
        self.records = self.records.saturating_add(1);
        for (raw, table) in [(given_names, &mut self.given), (family_names, &mut self.family)] {
            let mut tokens = name_tokens(raw);
            tokens.sort();
            tokens.dedup();
            for t in tokens {
                let n = table.entry(t).or_insert(0);
                *n = n.saturating_add(1);
            }
        }
    }

    fn share(&self, field: Field, token: &str) -> f64 {
        let table = if field == Field::GivenName { &self.given } else { &self.family };
        let n = table.get(token).copied().unwrap_or(1).max(1);
        f64::from(n) / f64::from(self.records.max(1))
    }

    /// Bits to add to a name field's weight: log2(u / u_tf), where u_tf is
    /// the frequency of the agreeing tokens. Zero for other levels.
    pub(crate) fn adjustment(&self, field: Field, level: Level, a: &PreparedName, b: &PreparedName, w: &Weights) -> f64 {
        if self.records < MIN_RECORDS || !matches!(level, Level::Exact | Level::TokenOverlap) {
            return 0.0;
        }
        let tokens = if a.sorted_tokens.len() <= b.sorted_tokens.len() { &a.sorted_tokens } else { &b.sorted_tokens };
        let u_tf: f64 = tokens.iter().map(|t| self.share(field, t)).product();
        let u = w.u(field, level);
        if !(u_tf > 0.0 && u > 0.0) {
            return 0.0;
        }
        (u / u_tf).log2().clamp(-MAX_PENALTY_BITS, MAX_BONUS_BITS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_names_count_less_than_rare_ones() {
        let mut f = NameFrequencies::default();
        for i in 0..2000 {
            let family = if i % 4 == 0 { "Ahmadi".to_string() } else { format!("Name{i}") };
            f.add("Mohammed", &family);
        }
        f.add("Zarlia", "Stanekzai");
        let w = Weights::default();
        let adj = |field, a: &str| {
            let (x, y) = (PreparedName::new(a), PreparedName::new(a));
            f.adjustment(field, Level::Exact, &x, &y, &w)
        };
        assert!(adj(Field::GivenName, "Mohammed") < 0.0);
        assert!(adj(Field::GivenName, "Zarlia") > 0.0);
        assert!(adj(Field::FamilyName, "Ahmadi") < adj(Field::FamilyName, "Stanekzai"));
        assert_eq!(NameFrequencies::default().adjustment(Field::GivenName, Level::Exact, &PreparedName::new("a"), &PreparedName::new("a"), &w), 0.0);
    }
}
