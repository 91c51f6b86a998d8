use crate::dist::{t_two_sided_p, t_two_sided_quantile};
use crate::StatsError;

/// Paired t-test on `post - pre` (SciPy `ttest_rel(post, pre)`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PairedT {
    pub n: usize,
    pub mean_pre: f64,
    pub mean_post: f64,
    pub mean_diff: f64,
    pub sd_diff: f64,
    pub se: f64,
    pub t: f64,
    pub df: f64,
    pub p_two_sided: f64,
    /// 95% CI for the mean change.
    pub ci95_low: f64,
    pub ci95_high: f64,
}

pub(crate) fn mean(xs: &[f64]) -> f64 {
    xs.iter().sum::<f64>() / xs.len() as f64
}

/// Sample SD with n - 1 denominator; caller guarantees n >= 2.
pub(crate) fn sample_sd(xs: &[f64]) -> f64 {
    sample_var(xs).sqrt()
}

pub(crate) fn sample_var(xs: &[f64]) -> f64 {
    let m = mean(xs);
    xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (xs.len() as f64 - 1.0)
}

/// Validates a pre/post pair and returns `post - pre`.
pub(crate) fn differences(pre: &[f64], post: &[f64]) -> Result<Vec<f64>, StatsError> {
    if pre.len() != post.len() {
        return Err(StatsError::LengthMismatch { pre: pre.len(), post: post.len() });
    }
    if pre.iter().chain(post).any(|x| !x.is_finite()) {
        return Err(StatsError::NonFinite);
    }
    Ok(post.iter().zip(pre).map(|(b, a)| b - a).collect())
}

pub(crate) fn require_at_least(got: usize, needed: usize) -> Result<(), StatsError> {
    if got < needed {
        Err(StatsError::TooFewObservations { needed, got })
    } else {
        Ok(())
    }
}

pub(crate) fn require_finite(xs: &[f64]) -> Result<(), StatsError> {
    if xs.iter().any(|x| !x.is_finite()) {
        Err(StatsError::NonFinite)
    } else {
        Ok(())
    }
}

pub fn paired_t(pre: &[f64], post: &[f64]) -> Result<PairedT, StatsError> {
    let d = differences(pre, post)?;
    require_at_least(d.len(), 2)?;
    let n = d.len();
    let mean_diff = mean(&d);
    let sd_diff = sample_sd(&d);
    // A zero SD makes t infinite or undefined; report it instead of inventing a p.
    if sd_diff == 0.0 || !sd_diff.is_finite() {
        return Err(StatsError::ZeroVariance);
    }
    let se = sd_diff / (n as f64).sqrt();
    let df = (n - 1) as f64;
    let t = mean_diff / se;
    let half_width = t_two_sided_quantile(0.05, df) * se;
    Ok(PairedT {
        n,
        mean_pre: mean(pre),
        mean_post: mean(post),
        mean_diff,
        sd_diff,
        se,
        t,
        df,
        p_two_sided: t_two_sided_p(t, df),
        ci95_low: mean_diff - half_width,
        ci95_high: mean_diff + half_width,
    })
}

/// Cohen's d_z: mean change divided by the SD of the changes.
pub fn cohens_dz(pre: &[f64], post: &[f64]) -> Result<f64, StatsError> {
    let d = differences(pre, post)?;
    require_at_least(d.len(), 2)?;
    let sd = sample_sd(&d);
    if sd == 0.0 {
        return Err(StatsError::ZeroVariance);
    }
    Ok(mean(&d) / sd)
}
