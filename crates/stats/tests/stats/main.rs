//! Integration tests for sendero-stats: one binary, one module per concern.

mod edge_cases;
mod properties;
mod reference;
mod svg;

/// |actual - expected| <= rel * |expected| + abs.
pub fn close(actual: f64, expected: f64, rel: f64, abs: f64) -> bool {
    (actual - expected).abs() <= rel * expected.abs() + abs
}

#[macro_export]
macro_rules! assert_close {
    ($actual:expr, $expected:expr, $rel:expr, $what:expr) => {{
        let (a, e): (f64, f64) = ($actual, $expected);
        assert!($crate::close(a, e, $rel, 1e-14), "{}: got {a:e}, SciPy/statsmodels {e:e} (diff {:e})", $what, (a - e).abs());
    }};
}
