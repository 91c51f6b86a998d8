//! Property tests over random inputs.

use proptest::prelude::*;
use sendero_stats::*;

fn scores(len: usize) -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(-50i32..50, len).prop_map(|v| v.into_iter().map(f64::from).collect())
}

fn pairs() -> impl Strategy<Value = (Vec<f64>, Vec<f64>)> {
    (1usize..70).prop_flat_map(|n| (scores(n), scores(n)))
}

proptest! {
    #[test]
    fn holm_is_at_least_raw_capped_and_order_preserving(
        p in prop::collection::vec(0.0f64..=1.0, 0..40)
    ) {
        let adjusted = holm(&p);
        prop_assert_eq!(adjusted.len(), p.len());
        for (a, raw) in adjusted.iter().zip(&p) {
            prop_assert!(*a >= *raw && *a <= 1.0);
        }
        for i in 0..p.len() {
            for j in 0..p.len() {
                if p[i] <= p[j] {
                    prop_assert!(adjusted[i] <= adjusted[j]);
                }
            }
        }
    }

    #[test]
    fn rank_biserial_is_within_unit_interval((pre, post) in pairs()) {
        if let Ok(r) = rank_biserial(&pre, &post) {
            prop_assert!((-1.0..=1.0).contains(&r));
        }
    }

    #[test]
    fn paired_t_flips_sign_when_pre_and_post_swap((pre, post) in pairs()) {
        match (paired_t(&pre, &post), paired_t(&post, &pre)) {
            (Ok(a), Ok(b)) => {
                prop_assert!((a.t + b.t).abs() <= 1e-9 * a.t.abs().max(1.0));
                prop_assert!((a.p_two_sided - b.p_two_sided).abs() <= 1e-12);
                prop_assert!(a.ci95_low <= a.mean_diff && a.mean_diff <= a.ci95_high);
            }
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            _ => prop_assert!(false, "one direction failed"),
        }
    }

    #[test]
    fn wilcoxon_never_panics_and_p_is_a_probability((pre, post) in pairs(), zm in 0u8..3, corr: bool) {
        let zero_method = [ZeroMethod::Wilcox, ZeroMethod::Pratt, ZeroMethod::Zsplit][zm as usize];
        let options = WilcoxonOptions { zero_method, correction: corr, method: None };
        if let Ok(w) = wilcoxon_signed_rank_with(&pre, &post, options) {
            prop_assert!((0.0..=1.0).contains(&w.p_two_sided), "p = {}", w.p_two_sided);
            let swapped = wilcoxon_signed_rank_with(&post, &pre, options).unwrap();
            prop_assert!((w.p_two_sided - swapped.p_two_sided).abs() <= 1e-12);
        }
    }

    #[test]
    fn wilson_interval_contains_rate(n in 1u64..5000, frac in 0.0f64..=1.0) {
        let s = (frac * n as f64).floor() as u64;
        let ci = wilson_ci(s, n).unwrap();
        prop_assert!(ci.ci95_low <= ci.rate && ci.rate <= ci.ci95_high);
        prop_assert!(ci.ci95_low >= 0.0 && ci.ci95_high <= 1.0);
    }

    #[test]
    fn describe_orders_summary(xs in prop::collection::vec(-1e6f64..1e6, 1..50)) {
        let d = describe(&xs).unwrap();
        prop_assert!(d.min <= d.median && d.median <= d.max);
        prop_assert!(d.min <= d.mean + 1e-6 && d.mean <= d.max + 1e-6);
    }
}
