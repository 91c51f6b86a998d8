use crate::dist::Z_975;
use crate::StatsError;

/// A proportion with its Wilson score 95% interval.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ProportionCi {
    pub successes: u64,
    pub n: u64,
    pub rate: f64,
    pub ci95_low: f64,
    pub ci95_high: f64,
}

/// Difference of two independent proportions (p1 - p2) with Newcombe's
/// hybrid score interval (statsmodels `confint_proportions_2indep(...,
/// method="newcomb", compare="diff")`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DiffCi {
    pub group1: ProportionCi,
    pub group2: ProportionCi,
    pub diff: f64,
    pub ci95_low: f64,
    pub ci95_high: f64,
}

/// Retention from intake to closure; the rate is the completion rate.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Attrition {
    pub n_baseline: u64,
    pub n_closure: u64,
    pub n_lost: u64,
    pub completion: ProportionCi,
    pub attrition_rate: f64,
}

/// Wilson score 95% interval (statsmodels `proportion_confint(method="wilson")`,
/// same operation order, clipped to [0, 1]). Chosen over the Wald interval
/// because it behaves at 0%, 100% and small n.
pub fn wilson_ci(successes: u64, n: u64) -> Result<ProportionCi, StatsError> {
    if n == 0 {
        return Err(StatsError::InvalidCount("n must be positive"));
    }
    if successes > n {
        return Err(StatsError::InvalidCount("successes exceed n"));
    }
    let (nf, q) = (n as f64, successes as f64 / n as f64);
    let crit2 = Z_975 * Z_975;
    let denom = 1.0 + crit2 / nf;
    let center = (q + crit2 / (2.0 * nf)) / denom;
    // At 0 or n successes the bound equals the rate exactly; rounding must not push it past.
    let dist = Z_975 * (q * (1.0 - q) / nf + crit2 / (4.0 * nf * nf)).sqrt() / denom;
    Ok(ProportionCi { successes, n, rate: q, ci95_low: (center - dist).clamp(0.0, 1.0).min(q), ci95_high: (center + dist).clamp(0.0, 1.0).max(q) })
}

/// Newcombe (1998, method 10) interval for p1 - p2, e.g. court-appearance
/// rate of enrolled families minus that of a comparison group.
pub fn newcombe_diff_ci(successes1: u64, n1: u64, successes2: u64, n2: u64) -> Result<DiffCi, StatsError> {
    let g1 = wilson_ci(successes1, n1)?;
    let g2 = wilson_ci(successes2, n2)?;
    let diff = g1.rate - g2.rate;
    let d_low = ((g1.rate - g1.ci95_low).powi(2) + (g2.ci95_high - g2.rate).powi(2)).sqrt();
    let d_high = ((g2.rate - g2.ci95_low).powi(2) + (g1.ci95_high - g1.rate).powi(2)).sqrt();
    Ok(DiffCi { diff, ci95_low: diff - d_low, ci95_high: diff + d_high, group1: g1, group2: g2 })
}

/// Completion rate (closure / baseline) with a Wilson 95% CI.
pub fn attrition(n_baseline: u64, n_closure: u64) -> Result<Attrition, StatsError> {
    if n_closure > n_baseline {
        return Err(StatsError::InvalidCount("more families at closure than at baseline"));
    }
    let completion = wilson_ci(n_closure, n_baseline)?;
    Ok(Attrition { n_baseline, n_closure, n_lost: n_baseline - n_closure, attrition_rate: 1.0 - completion.rate, completion })
}
