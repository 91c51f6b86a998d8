use crate::paired::{mean, sample_sd};

/// Five-number-style summary of one variable.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Describe {
    pub n: usize,
    pub min: f64,
    pub median: f64,
    pub mean: f64,
    pub max: f64,
    /// Sample SD (n - 1 denominator); `None` when n = 1.
    pub sd: Option<f64>,
}

/// Summary of `xs`; `None` for an empty slice or any non-finite value
/// (callers should drop missing values first, so that n is honest).
pub fn describe(xs: &[f64]) -> Option<Describe> {
    if xs.is_empty() || xs.iter().any(|x| !x.is_finite()) {
        return None;
    }
    let mut sorted = xs.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    let median = if n % 2 == 1 { sorted[n / 2] } else { (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0 };
    Some(Describe { n, min: sorted[0], median, mean: mean(xs), max: sorted[n - 1], sd: (n > 1).then(|| sample_sd(xs)) })
}
