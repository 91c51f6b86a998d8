//! What was compared and how well it agreed.

use serde::{Deserialize, Serialize};

/// A compared attribute of a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Field {
    GivenName,
    FamilyName,
    BirthDate,
    Phone,
    Country,
    Household,
    OtherId,
    Address,
}

impl Field {
    pub const ALL: [Field; N_FIELDS] =
        [Field::GivenName, Field::FamilyName, Field::BirthDate, Field::Phone, Field::Country, Field::Household, Field::OtherId, Field::Address];

    /// The agreement levels this field can produce (besides `Missing`).
    pub fn levels(self) -> &'static [Level] {
        use Level::*;
        match self {
            Field::GivenName | Field::FamilyName => &[Exact, Transposed, TokenOverlap, Similar, Phonetic, Disagree],
            Field::BirthDate => &[Exact, Transposed, WithinOneYear, Similar, YearOnly, Disagree],
            Field::Phone => &[Exact, LastDigits, Disagree],
            Field::Country => &[Exact, Disagree],
            Field::Household | Field::OtherId => &[Exact, Similar, Disagree],
            Field::Address => &[Exact, Similar, TokenOverlap, Disagree],
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

pub const N_FIELDS: usize = 8;
pub const N_LEVELS: usize = 10;

/// How two values of one field agree. Levels are discrete so that weights
/// can be estimated per level; the raw similarity (e.g. Jaro–Winkler) is
/// reported separately in [`FieldComparison::similarity`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    /// Identical after normalisation.
    Exact,
    /// Given/family names swapped, or day/month swapped in the birth date.
    Transposed,
    /// One name's tokens are all contained in the other's ("Hernández López" ⊇ "Hernández");
    /// for addresses, at least half the words in common.
    TokenOverlap,
    /// Close spelling (Jaro–Winkler ≥ 0.9), a one-character typo in a date or id,
    /// or a similar household member name.
    Similar,
    /// Different spelling, same sound.
    Phonetic,
    /// Same day and month, years one apart.
    WithinOneYear,
    /// Same birth year, day/month differ or unknown.
    YearOnly,
    /// Phones differ but share the last 7 digits.
    LastDigits,
    /// Both present and different.
    Disagree,
    /// Absent on at least one record; carries no evidence.
    Missing,
}

impl Level {
    pub const ALL: [Level; N_LEVELS] = [
        Level::Exact,
        Level::Transposed,
        Level::TokenOverlap,
        Level::Similar,
        Level::Phonetic,
        Level::WithinOneYear,
        Level::YearOnly,
        Level::LastDigits,
        Level::Disagree,
        Level::Missing,
    ];

    pub fn index(self) -> usize {
        self as usize
    }
}

/// The levels of every field for one pair: the input to EM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ComparisonVector {
    pub levels: [Level; N_FIELDS],
}

impl ComparisonVector {
    pub fn level(&self, field: Field) -> Level {
        self.levels[field.index()]
    }
}

/// One field's contribution to a match score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldComparison {
    pub field: Field,
    pub level: Level,
    /// log2(m/u): positive is evidence for the same person.
    pub weight: f64,
    /// Display form of the left record's value.
    pub left: String,
    /// Display form of the right record's value.
    pub right: String,
    /// Best string similarity in [0, 1] for name fields, when computed.
    pub similarity: Option<f64>,
}
