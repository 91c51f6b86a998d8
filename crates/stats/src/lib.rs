//! Pre/post outcome statistics for Sendero's family-functioning inventory,
//! plus accessible server-rendered SVG charts.
//!
//! Pure Rust, no IO, never panics on bad input: every fallible computation
//! returns [`StatsError`] (or `None` for purely descriptive summaries).
//! Reference values come from SciPy/statsmodels (see `fixtures/`).

mod categorical;
mod describe;
mod dist;
mod error;
mod independent;
mod multiplicity;
mod outcome_table;
mod paired;
mod proportion;
mod ranks;
pub mod svg;
mod wilcoxon;

pub use categorical::{chi_square_gof, two_proportion_z, ChiSquare, TwoProportionZ};
pub use describe::{describe, Describe};
pub use error::StatsError;
pub use independent::{standardized_mean_difference, welch_t, WelchT};
pub use multiplicity::holm;
pub use outcome_table::{outcome_table, HolmFamily, OutcomeInput, OutcomeRow, OutcomeTable, OutcomeTableOptions, RowKind};
pub use paired::{cohens_dz, paired_t, PairedT};
pub use proportion::{attrition, newcombe_diff_ci, wilson_ci, Attrition, DiffCi, ProportionCi};
pub use wilcoxon::{rank_biserial, wilcoxon_signed_rank, wilcoxon_signed_rank_with, Wilcoxon, WilcoxonMethod, WilcoxonOptions, ZeroMethod};
