//! Wilcoxon signed-rank test for paired pre/post data, matching
//! `scipy.stats.wilcoxon(post, pre, alternative="two-sided", ...)` (SciPy 1.17)
//! for the zero methods and correction offered here.

use crate::dist::normal_two_sided_p;
use crate::paired::differences;
use crate::ranks::average_ranks;
use crate::StatsError;

/// How zero differences (no change) are treated; SciPy's `zero_method`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub enum ZeroMethod {
    /// Drop zeros before ranking (Wilcoxon; SciPy default).
    #[default]
    Wilcox,
    /// Rank zeros with the rest, then drop them from the rank sums (Pratt).
    Pratt,
    /// Rank zeros and split their ranks evenly between W+ and W-.
    Zsplit,
}

/// How the p-value was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum WilcoxonMethod {
    /// Exact null distribution of W+ for untied ranks 1..n (SciPy `"exact"`).
    Exact,
    /// Exact sign-flip permutation distribution using the observed (tied)
    /// ranks; what SciPy's `"auto"` does for ties/zeros with n <= 13.
    ExactPermutation,
    /// Normal approximation with tie-corrected variance (SciPy `"asymptotic"`).
    Normal,
}

/// Options; `Default` equals SciPy's defaults: `zero_method="wilcox"`,
/// `correction=False`, `method="auto"`, two-sided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct WilcoxonOptions {
    pub zero_method: ZeroMethod,
    /// Continuity correction of 0.5 in the normal approximation.
    pub correction: bool,
    /// `None` = SciPy's `"auto"`: exact when n <= 50 with no ties and no
    /// zeros; exact permutation when n <= 13 otherwise; normal beyond that.
    pub method: Option<WilcoxonMethod>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Wilcoxon {
    /// Number of pairs.
    pub n: usize,
    pub n_nonzero: usize,
    pub n_zero: usize,
    /// Sum of ranks of positive changes (post > pre).
    pub w_plus: f64,
    pub w_minus: f64,
    /// min(W+, W-), as SciPy reports for a two-sided test.
    pub statistic: f64,
    /// Standard normal deviate of W+ (after any correction); only for `Normal`.
    pub z: Option<f64>,
    pub p_two_sided: f64,
    pub method: WilcoxonMethod,
    pub zero_method: ZeroMethod,
    pub correction: bool,
}

/// Largest n for which an exact distribution is computed on request; the
/// dynamic programme is O(n^3) and beyond this the normal approximation is
/// excellent.
const EXACT_MAX_N: usize = 200;

/// Wilcoxon signed-rank test of `post - pre` with default options.
pub fn wilcoxon_signed_rank(pre: &[f64], post: &[f64]) -> Result<Wilcoxon, StatsError> {
    wilcoxon_signed_rank_with(pre, post, WilcoxonOptions::default())
}

/// Wilcoxon signed-rank test of `post - pre` with explicit options.
pub fn wilcoxon_signed_rank_with(pre: &[f64], post: &[f64], options: WilcoxonOptions) -> Result<Wilcoxon, StatsError> {
    let d = differences(pre, post)?;
    let ranked = SignedRanks::new(&d, options.zero_method)?;
    let n = d.len();
    let method = options.method.unwrap_or(if n > 50 {
        WilcoxonMethod::Normal
    } else if !ranked.has_ties && ranked.n_zero == 0 {
        WilcoxonMethod::Exact
    } else if n <= 13 {
        WilcoxonMethod::ExactPermutation
    } else {
        WilcoxonMethod::Normal
    });

    let (z, p) = match method {
        WilcoxonMethod::Normal => {
            let z = ranked.z(options.zero_method, options.correction)?;
            (Some(z), normal_two_sided_p(z))
        }
        WilcoxonMethod::Exact => (None, ranked.exact_p()?),
        WilcoxonMethod::ExactPermutation => (None, ranked.permutation_p()?),
    };
    Ok(Wilcoxon {
        n,
        n_nonzero: n - ranked.n_zero,
        n_zero: ranked.n_zero,
        w_plus: ranked.w_plus,
        w_minus: ranked.w_minus,
        statistic: ranked.w_plus.min(ranked.w_minus),
        z,
        p_two_sided: p,
        method,
        zero_method: options.zero_method,
        correction: options.correction,
    })
}

/// Matched-pairs rank-biserial correlation r = (W+ - W-) / (W+ + W-),
/// zeros dropped (Kerby 2014). Positive means scores mostly rose.
pub fn rank_biserial(pre: &[f64], post: &[f64]) -> Result<f64, StatsError> {
    let d = differences(pre, post)?;
    let ranked = SignedRanks::new(&d, ZeroMethod::Wilcox)?;
    Ok((ranked.w_plus - ranked.w_minus) / (ranked.w_plus + ranked.w_minus))
}

/// Ranked differences and everything the three p-value methods need.
struct SignedRanks {
    n_zero: usize,
    /// Values that were ranked (zeros excluded under `Wilcox`).
    count: usize,
    w_plus: f64,
    w_minus: f64,
    /// Ranks of the non-zero differences, with their sign.
    nonzero: Vec<(f64, bool)>,
    /// Tie-group sizes among the ranked values.
    tie_sizes: Vec<usize>,
    /// Size of the tie group formed by zeros, if zeros were ranked.
    zero_group: usize,
    has_ties: bool,
}

impl SignedRanks {
    fn new(d: &[f64], zero_method: ZeroMethod) -> Result<Self, StatsError> {
        if d.is_empty() {
            return Err(StatsError::TooFewObservations { needed: 1, got: 0 });
        }
        let n_zero = d.iter().filter(|&&x| x == 0.0).count();
        if n_zero == d.len() {
            return Err(StatsError::AllDifferencesZero);
        }
        let ranked: Vec<f64> = match zero_method {
            ZeroMethod::Wilcox => d.iter().copied().filter(|&x| x != 0.0).collect(),
            ZeroMethod::Pratt | ZeroMethod::Zsplit => d.to_vec(),
        };
        let abs: Vec<f64> = ranked.iter().map(|x| x.abs()).collect();
        let (ranks, tie_sizes) = average_ranks(&abs);
        let mut w_plus = 0.0;
        let mut w_minus = 0.0;
        let mut zero_rank_sum = 0.0;
        let mut nonzero = Vec::with_capacity(ranked.len());
        for (&x, &r) in ranked.iter().zip(&ranks) {
            if x > 0.0 {
                w_plus += r;
                nonzero.push((r, true));
            } else if x < 0.0 {
                w_minus += r;
                nonzero.push((r, false));
            } else {
                zero_rank_sum += r;
            }
        }
        if zero_method == ZeroMethod::Zsplit {
            w_plus += zero_rank_sum / 2.0;
            w_minus += zero_rank_sum / 2.0;
        }
        // Zeros have the smallest |d|, so when ranked they form the first group.
        let zero_group = if zero_method == ZeroMethod::Wilcox { 0 } else { n_zero };
        Ok(Self { n_zero, count: ranked.len(), w_plus, w_minus, nonzero, has_ties: tie_sizes.iter().any(|&t| t > 1), tie_sizes, zero_group })
    }

    fn z(&self, zero_method: ZeroMethod, correction: bool) -> Result<f64, StatsError> {
        let count = self.count as f64;
        let mut mean = count * (count + 1.0) * 0.25;
        let mut var24 = count * (count + 1.0) * (2.0 * count + 1.0);
        let mut tie_sizes: &[usize] = &self.tie_sizes;
        if zero_method == ZeroMethod::Pratt && self.zero_group > 0 {
            // Cureton (1967): zeros leave the null distribution, and their
            // tie group leaves the tie correction.
            let nz = self.zero_group as f64;
            mean -= nz * (nz + 1.0) * 0.25;
            var24 -= nz * (nz + 1.0) * (2.0 * nz + 1.0);
            tie_sizes = &self.tie_sizes[1..];
        }
        let tie_correction: f64 = tie_sizes
            .iter()
            .map(|&t| {
                let t = t as f64;
                t * t * t - t
            })
            .sum();
        let se = ((var24 - tie_correction / 2.0) / 24.0).sqrt();
        if se.is_nan() || se <= 0.0 {
            return Err(StatsError::ZeroVariance);
        }
        let mut z = (self.w_plus - mean) / se;
        if correction {
            z -= z.signum() * 0.5 / se;
            if z.is_nan() {
                z = 0.0;
            }
        }
        Ok(z)
    }

    /// SciPy's `method="exact"`: ranks 1..count, no ties assumed; a
    /// non-integral W+ (ties/zeros) is rounded conservatively (gh-19872).
    fn exact_p(&self) -> Result<f64, StatsError> {
        if self.count > EXACT_MAX_N {
            return Err(StatsError::ExactUnavailable("too many pairs"));
        }
        let weights: Vec<usize> = (1..=self.count).map(|r| 2 * r).collect();
        let pmf = subset_sum_pmf(&weights);
        let lower = (self.w_plus.ceil() * 2.0) as usize;
        let upper = (self.w_plus.floor() * 2.0) as usize;
        Ok(two_sided_from_pmf(&pmf, lower, upper))
    }

    /// Exact sign-flip distribution of W+ given the observed tied ranks.
    /// Zeros never change W+ under a sign flip, so only non-zeros are flipped.
    fn permutation_p(&self) -> Result<f64, StatsError> {
        if self.nonzero.len() > EXACT_MAX_N {
            return Err(StatsError::ExactUnavailable("too many pairs"));
        }
        // Average ranks are multiples of 1/2, so doubled ranks are integers.
        let weights: Vec<usize> = self.nonzero.iter().map(|&(r, _)| (2.0 * r).round() as usize).collect();
        let observed: usize = self.nonzero.iter().filter(|&&(_, positive)| positive).map(|&(r, _)| (2.0 * r).round() as usize).sum();
        let pmf = subset_sum_pmf(&weights);
        Ok(two_sided_from_pmf(&pmf, observed, observed))
    }
}

/// Distribution of the sum of a random subset of `weights` (each included
/// with probability 1/2), indexed by the sum.
fn subset_sum_pmf(weights: &[usize]) -> Vec<f64> {
    let total: usize = weights.iter().sum();
    let mut pmf = vec![0.0; total + 1];
    pmf[0] = 1.0;
    let mut reach = 0;
    for &w in weights {
        reach += w;
        for s in (0..=reach).rev() {
            let carried = if s >= w { pmf[s - w] } else { 0.0 };
            pmf[s] = 0.5 * (pmf[s] + carried);
        }
    }
    pmf
}

/// 2 * min(P(S <= lower), P(S >= upper)), clipped to 1; each tail summed
/// directly so small p-values keep their precision.
fn two_sided_from_pmf(pmf: &[f64], lower: usize, upper: usize) -> f64 {
    let cdf: f64 = pmf.iter().take(lower + 1).sum();
    let sf: f64 = pmf.iter().skip(upper).sum();
    (2.0 * cdf.min(sf)).min(1.0)
}
