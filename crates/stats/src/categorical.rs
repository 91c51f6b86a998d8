//! Tests on counts: chi-square goodness of fit (is the lottery uniform?) and the two-sample
//! z-test of proportions (court appearance, enrolled vs comparison).

use statrs::function::gamma::checked_gamma_ur;

use crate::dist::normal_two_sided_p;
use crate::StatsError;

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ChiSquare {
    pub statistic: f64,
    pub df: f64,
    pub p_value: f64,
}

/// Pearson chi-square goodness of fit (SciPy `chisquare(observed, expected)`), df = k - 1.
pub fn chi_square_gof(observed: &[f64], expected: &[f64]) -> Result<ChiSquare, StatsError> {
    if observed.len() != expected.len() {
        return Err(StatsError::InvalidCount("observed and expected differ in length"));
    }
    if observed.len() < 2 {
        return Err(StatsError::InvalidCount("need at least two categories"));
    }
    if expected.iter().any(|e| !(e.is_finite() && *e > 0.0)) || observed.iter().any(|o| !(o.is_finite() && *o >= 0.0)) {
        return Err(StatsError::InvalidCount("counts must be finite; expected counts positive"));
    }
    let statistic: f64 = observed.iter().zip(expected).map(|(o, e)| (o - e) * (o - e) / e).sum();
    let df = (observed.len() - 1) as f64;
    // Upper tail Q(df/2, x/2) directly, so tiny p-values keep their precision.
    let p_value = checked_gamma_ur(df / 2.0, statistic / 2.0).unwrap_or(f64::NAN);
    Ok(ChiSquare { statistic, df, p_value })
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TwoProportionZ {
    pub z: f64,
    pub p_value: f64,
}

/// Two-sided z-test of p1 = p2 with the pooled proportion (statsmodels
/// `proportions_ztest([s1, s2], [n1, n2])`).
pub fn two_proportion_z(successes1: u64, n1: u64, successes2: u64, n2: u64) -> Result<TwoProportionZ, StatsError> {
    if n1 == 0 || n2 == 0 {
        return Err(StatsError::InvalidCount("n must be positive"));
    }
    if successes1 > n1 || successes2 > n2 {
        return Err(StatsError::InvalidCount("successes exceed n"));
    }
    let (p1, p2) = (successes1 as f64 / n1 as f64, successes2 as f64 / n2 as f64);
    let pooled = (successes1 + successes2) as f64 / (n1 + n2) as f64;
    let se = (pooled * (1.0 - pooled) * (1.0 / n1 as f64 + 1.0 / n2 as f64)).sqrt();
    if se == 0.0 {
        return Err(StatsError::InvalidCount("no variation: every outcome is the same"));
    }
    let z = (p1 - p2) / se;
    Ok(TwoProportionZ { z, p_value: normal_two_sided_p(z) })
}
