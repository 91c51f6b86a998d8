//! Scoring a pair of records and explaining the score.

use crate::fields::{ComparisonVector, Field, FieldComparison, Level};
use crate::frequencies::NameFrequencies;
use crate::levels::{compare_prepared, name_level};
use crate::prepared::PreparedRecord;
use crate::record::PersonRecord;
use crate::weights::Weights;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchResult {
    /// Total log2 likelihood ratio (sum of field weights).
    pub score: f64,
    /// Posterior probability of the same person, using `Weights::prior`.
    pub probability: f64,
    pub fields: Vec<FieldComparison>,
}

/// The comparison vector (levels per field) of a pair, for EM.
pub fn comparison_vector(a: &PersonRecord, b: &PersonRecord) -> ComparisonVector {
    compare_prepared(&PreparedRecord::new(a), &PreparedRecord::new(b)).0
}

/// Score of a prepared pair, with optional frequency adjustment.
pub(crate) fn score_prepared(a: &PreparedRecord, b: &PreparedRecord, w: &Weights, frequencies: Option<&NameFrequencies>) -> f64 {
    let v = compare_prepared(a, b).0;
    let mut score = score_vector(&v, w);
    if let Some(f) = frequencies {
        let (g, fam) = (Field::GivenName, Field::FamilyName);
        score += f.adjustment(g, v.level(g), &a.given, &b.given, w);
        score += f.adjustment(fam, v.level(fam), &a.family, &b.family, w);
    }
    score
}

/// Sum of field weights for a comparison vector.
pub fn score_vector(v: &ComparisonVector, w: &Weights) -> f64 {
    Field::ALL.iter().map(|f| w.weight(*f, v.level(*f))).sum()
}

/// Compares two people field by field.
pub fn compare(a: &PersonRecord, b: &PersonRecord, w: &Weights) -> MatchResult {
    compare_with_frequencies(a, b, w, None)
}

/// [`compare`], with name weights adjusted by how common the agreeing name
/// tokens are in the caseload (see [`NameFrequencies`]).
pub fn compare_with_frequencies(a: &PersonRecord, b: &PersonRecord, w: &Weights, frequencies: Option<&NameFrequencies>) -> MatchResult {
    let (pa, pb) = (PreparedRecord::new(a), PreparedRecord::new(b));
    let (v, [given_sim, family_sim]) = compare_prepared(&pa, &pb);
    let tf = |field: Field| match (frequencies, field) {
        (Some(f), Field::GivenName) => f.adjustment(field, v.level(field), &pa.given, &pb.given, w),
        (Some(f), Field::FamilyName) => f.adjustment(field, v.level(field), &pa.family, &pb.family, w),
        _ => 0.0,
    };
    let transposed = v.level(Field::GivenName) == Level::Transposed;
    // Which cross pairing was the stronger one (reported as the given name).
    let family_first = transposed && {
        let (pa, pb) = (PreparedRecord::new(a), PreparedRecord::new(b));
        name_level(&pa.family, &pb.given).0 < name_level(&pa.given, &pb.family).0
    };
    let fields: Vec<FieldComparison> = Field::ALL
        .iter()
        .map(|&field| {
            let (left, right) = display_values(field, a, b, transposed, family_first);
            FieldComparison {
                field,
                level: v.level(field),
                weight: w.weight(field, v.level(field)) + tf(field),
                left,
                right,
                similarity: match field {
                    Field::GivenName => Some(given_sim),
                    Field::FamilyName => Some(family_sim),
                    _ => None,
                },
            }
        })
        .collect();
    let score = fields.iter().map(|f| f.weight).sum();
    MatchResult { score, probability: w.probability(score), fields }
}

/// Display values, paired the way they were compared (a swapped name is
/// shown next to the name it matched).
fn display_values(field: Field, a: &PersonRecord, b: &PersonRecord, transposed: bool, family_first: bool) -> (String, String) {
    let trim = |s: &str| s.trim().to_string();
    let list = |v: &[String]| v.join("; ");
    match field {
        Field::GivenName | Field::FamilyName if transposed => {
            let given_slot = (field == Field::GivenName) != family_first;
            if given_slot {
                (trim(&a.given_names), trim(&b.family_names))
            } else {
                (trim(&a.family_names), trim(&b.given_names))
            }
        }
        Field::GivenName => (trim(&a.given_names), trim(&b.given_names)),
        Field::FamilyName => (trim(&a.family_names), trim(&b.family_names)),
        Field::BirthDate => (a.dob.map(|d| d.to_string()).unwrap_or_default(), b.dob.map(|d| d.to_string()).unwrap_or_default()),
        Field::Phone => (list(&a.phones), list(&b.phones)),
        Field::Country => (a.country.clone().unwrap_or_default(), b.country.clone().unwrap_or_default()),
        Field::Household => (list(&a.household_names), list(&b.household_names)),
        Field::OtherId => (list(&a.other_ids), list(&b.other_ids)),
        Field::Address => (a.address.clone().unwrap_or_default(), b.address.clone().unwrap_or_default()),
    }
}

impl MatchResult {
    /// Plain-English reasons, strongest evidence first; fields missing on
    /// either record are left out. The web app translates from `fields`.
    pub fn explain(&self) -> Vec<String> {
        let mut fields: Vec<&FieldComparison> = self.fields.iter().filter(|f| f.level != Level::Missing).collect();
        fields.sort_by(|x, y| y.weight.abs().total_cmp(&x.weight.abs()));
        fields.into_iter().filter_map(explain_field).collect()
    }
}

fn explain_field(f: &FieldComparison) -> Option<String> {
    let (l, r) = (&f.left, &f.right);
    let text = match (f.field, f.level) {
        (Field::GivenName, Level::Transposed) => {
            format!("given and family names swapped: '{l}' ~ '{r}'")
        }
        (Field::FamilyName, Level::Transposed) => {
            format!("family and given names swapped: '{l}' ~ '{r}'")
        }
        (Field::GivenName | Field::FamilyName, level) => {
            let what = if f.field == Field::GivenName { "given name" } else { "surname" };
            match level {
                Level::Exact => format!("same {what} '{l}'"),
                Level::TokenOverlap => format!("{what} '{l}' ~ '{r}' (one contains the other)"),
                Level::Similar => format!("{what} '{l}' ~ '{r}' (similar spelling)"),
                Level::Phonetic => format!("{what} '{l}' ~ '{r}' (sounds alike)"),
                _ => format!("different {what}: '{l}' vs '{r}'"),
            }
        }
        (Field::BirthDate, level) => match level {
            Level::Exact => "same date of birth".to_string(),
            Level::Transposed => format!("date of birth with day and month swapped: {l} vs {r}"),
            Level::WithinOneYear => format!("date of birth one year apart: {l} vs {r}"),
            Level::Similar => format!("date of birth differs by one digit: {l} vs {r}"),
            Level::YearOnly => format!("same birth year only: {l} vs {r}"),
            _ => format!("different date of birth: {l} vs {r}"),
        },
        (Field::Phone, level) => match level {
            Level::Exact => "same phone number".to_string(),
            Level::LastDigits => "phone shares last 7 digits".to_string(),
            _ => "different phone numbers".to_string(),
        },
        (Field::Country, level) => match level {
            Level::Exact => format!("same country ({l})"),
            _ => format!("different country: {l} vs {r}"),
        },
        (Field::Household, level) => match level {
            Level::Exact => "a household member has the same name".to_string(),
            Level::Similar => "a household member has a similar name".to_string(),
            _ => "no household member names in common".to_string(),
        },
        (Field::OtherId, level) => match level {
            Level::Exact => "same identification number".to_string(),
            Level::Similar => "identification number differs by one character".to_string(),
            _ => "different identification numbers".to_string(),
        },
        (Field::Address, level) => match level {
            Level::Exact => "same address".to_string(),
            Level::Similar => format!("similar address: '{l}' ~ '{r}'"),
            Level::TokenOverlap => format!("address partly in common: '{l}' ~ '{r}'"),
            _ => "different address".to_string(),
        },
    };
    Some(text)
}
