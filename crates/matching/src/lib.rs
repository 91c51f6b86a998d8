//! Duplicate-person detection for Sendero.
//!
//! Pipeline: [`normalize`] raw input → [`blocking_keys`] to find candidates
//! → [`compare`] each candidate pair field by field (Fellegi–Sunter log2
//! likelihood ratios from [`Weights`]) → [`MatchResult::explain`].
//! [`NameFrequencies`] discounts agreement on common names ("Mohammed").
//! [`estimate_weights`] refines the weights by EM on an organisation's own
//! candidate pairs; [`scan`] runs the whole pipeline in memory.
//!
//! Pure Rust, no IO; every function accepts any input without panicking.

mod blocking;
mod compare;
mod em;
mod fields;
mod frequencies;
mod levels;
pub mod normalize;
mod prepared;
mod record;
mod scan;
pub mod similarity;
mod weights;

pub use blocking::{blocking_keys, MAX_KEYS};
pub use compare::{compare, compare_with_frequencies, comparison_vector, score_vector, MatchResult};
pub use em::estimate_weights;
pub use fields::{ComparisonVector, Field, FieldComparison, Level, N_FIELDS, N_LEVELS};
pub use frequencies::NameFrequencies;
pub use record::{BirthDate, PersonRecord};
pub use scan::{candidate_vectors, scan, scan_with_block_cap, CandidatePair, MAX_BLOCK_SIZE};
pub use weights::Weights;
