use crate::dist::{t_two_sided_p, t_two_sided_quantile};
use crate::paired::{mean, require_at_least, require_finite, sample_var};
use crate::StatsError;

/// Welch's unequal-variance t-test of mean(a) - mean(b)
/// (SciPy `ttest_ind(a, b, equal_var=False)`). Used to compare baseline
/// scores of completers vs non-completers (attrition bias).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct WelchT {
    pub n_a: usize,
    pub n_b: usize,
    pub mean_a: f64,
    pub mean_b: f64,
    pub mean_diff: f64,
    pub se: f64,
    pub t: f64,
    /// Welch–Satterthwaite degrees of freedom (not an integer in general).
    pub df: f64,
    pub p_two_sided: f64,
    pub ci95_low: f64,
    pub ci95_high: f64,
}

fn validate_two(a: &[f64], b: &[f64]) -> Result<(), StatsError> {
    require_finite(a)?;
    require_finite(b)?;
    require_at_least(a.len(), 2)?;
    require_at_least(b.len(), 2)
}

pub fn welch_t(a: &[f64], b: &[f64]) -> Result<WelchT, StatsError> {
    validate_two(a, b)?;
    let (na, nb) = (a.len() as f64, b.len() as f64);
    let (va, vb) = (sample_var(a) / na, sample_var(b) / nb);
    let se2 = va + vb;
    if se2 == 0.0 || !se2.is_finite() {
        return Err(StatsError::ZeroVariance);
    }
    let se = se2.sqrt();
    let df = se2 * se2 / (va * va / (na - 1.0) + vb * vb / (nb - 1.0));
    let (mean_a, mean_b) = (mean(a), mean(b));
    let mean_diff = mean_a - mean_b;
    let t = mean_diff / se;
    let half_width = t_two_sided_quantile(0.05, df) * se;
    Ok(WelchT {
        n_a: a.len(),
        n_b: b.len(),
        mean_a,
        mean_b,
        mean_diff,
        se,
        t,
        df,
        p_two_sided: t_two_sided_p(t, df),
        ci95_low: mean_diff - half_width,
        ci95_high: mean_diff + half_width,
    })
}

/// Cohen's d for two independent groups: (mean(a) - mean(b)) / pooled SD.
pub fn standardized_mean_difference(a: &[f64], b: &[f64]) -> Result<f64, StatsError> {
    validate_two(a, b)?;
    let (na, nb) = (a.len() as f64, b.len() as f64);
    let pooled_var = ((na - 1.0) * sample_var(a) + (nb - 1.0) * sample_var(b)) / (na + nb - 2.0);
    if pooled_var == 0.0 || !pooled_var.is_finite() {
        return Err(StatsError::ZeroVariance);
    }
    Ok((mean(a) - mean(b)) / pooled_var.sqrt())
}
