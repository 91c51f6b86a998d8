use thiserror::Error;

/// Why a statistic could not be computed. Callers show these as "not estimable".
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize)]
pub enum StatsError {
    #[error("pre and post have different lengths ({pre} vs {post})")]
    LengthMismatch { pre: usize, post: usize },
    #[error("need at least {needed} observations, got {got}")]
    TooFewObservations { needed: usize, got: usize },
    #[error("input contains NaN or infinite values")]
    NonFinite,
    #[error("all differences are identical, so the variance is zero")]
    ZeroVariance,
    #[error("all differences are zero")]
    AllDifferencesZero,
    #[error("the exact distribution is unavailable for this data: {0}")]
    ExactUnavailable(&'static str),
    #[error("invalid count: {0}")]
    InvalidCount(&'static str),
}
