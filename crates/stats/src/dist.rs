//! Distribution tails, computed so that small p-values keep full precision
//! (no `1 - cdf` cancellation).

use statrs::function::beta::{checked_beta_reg, inv_beta_reg};
use statrs::function::erf::erfc;
use statrs::function::gamma::ln_gamma;

/// Two-sided p-value of Student's t with `df` degrees of freedom:
/// P(|T| >= |t|) = I_{df/(df+t^2)}(df/2, 1/2).
pub(crate) fn t_two_sided_p(t: f64, df: f64) -> f64 {
    if t.is_nan() || df.is_nan() || df <= 0.0 {
        return f64::NAN;
    }
    let x = df / (df + t * t);
    if !x.is_finite() {
        return 0.0;
    }
    checked_beta_reg(df / 2.0, 0.5, x.clamp(0.0, 1.0)).unwrap_or(f64::NAN)
}

fn t_pdf(t: f64, df: f64) -> f64 {
    let ln_norm = ln_gamma((df + 1.0) / 2.0) - ln_gamma(df / 2.0) - 0.5 * (df * std::f64::consts::PI).ln();
    (ln_norm - (df + 1.0) / 2.0 * (1.0 + t * t / df).ln()).exp()
}

/// Upper quantile q with P(|T| >= q) = alpha (e.g. alpha = 0.05 gives t_{0.975}).
/// statrs' inverse gives a start; Newton steps on the exact tail polish it
/// to near machine precision so confidence limits match SciPy's `t.ppf`.
pub(crate) fn t_two_sided_quantile(alpha: f64, df: f64) -> f64 {
    let valid = alpha > 0.0 && alpha < 1.0 && df > 0.0 && df.is_finite();
    if !valid {
        return f64::NAN;
    }
    let y = inv_beta_reg(df / 2.0, 0.5, alpha);
    let mut q = (df * (1.0 - y) / y).sqrt();
    if !q.is_finite() {
        q = 2.0;
    }
    for _ in 0..8 {
        let f = t_two_sided_p(q, df) - alpha;
        let deriv = -2.0 * t_pdf(q, df);
        if deriv == 0.0 || !deriv.is_finite() {
            break;
        }
        let step = f / deriv;
        q -= step;
        if step.abs() <= 1e-15 * q.abs() {
            break;
        }
    }
    q
}

/// Two-sided standard-normal p-value 2 * P(Z >= |z|).
pub(crate) fn normal_two_sided_p(z: f64) -> f64 {
    if z.is_nan() {
        return f64::NAN;
    }
    erfc(z.abs() / std::f64::consts::SQRT_2)
}

/// `norm.ppf(0.975)`; fixed because every interval here is a 95% one.
pub(crate) const Z_975: f64 = 1.959_963_984_540_054;
