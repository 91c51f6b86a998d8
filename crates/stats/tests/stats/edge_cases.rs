//! Inputs that must produce errors or sensible values, never panics.

use sendero_stats::*;

#[test]
fn empty_and_single_inputs_are_errors_not_panics() {
    assert!(describe(&[]).is_none());
    assert_eq!(describe(&[4.0]).unwrap().sd, None);
    assert!(matches!(paired_t(&[], &[]), Err(StatsError::TooFewObservations { .. })));
    assert!(matches!(paired_t(&[1.0], &[2.0]), Err(StatsError::TooFewObservations { .. })));
    assert!(wilcoxon_signed_rank(&[], &[]).is_err());
    assert!(welch_t(&[1.0], &[1.0, 2.0]).is_err());
    assert!(cohens_dz(&[1.0], &[1.0]).is_err());
    assert!(holm(&[]).is_empty());
}

#[test]
fn constant_or_zero_changes_are_reported() {
    let pre = [1.0, 2.0, 3.0];
    assert_eq!(paired_t(&pre, &[2.0, 3.0, 4.0]).unwrap_err(), StatsError::ZeroVariance);
    assert_eq!(wilcoxon_signed_rank(&pre, &pre).unwrap_err(), StatsError::AllDifferencesZero);
    assert_eq!(rank_biserial(&pre, &pre).unwrap_err(), StatsError::AllDifferencesZero);
    assert_eq!(standardized_mean_difference(&[1.0, 1.0], &[2.0, 2.0]).unwrap_err(), StatsError::ZeroVariance);
}

#[test]
fn nan_and_length_mismatch_are_errors() {
    assert_eq!(paired_t(&[1.0, f64::NAN], &[1.0, 2.0]).unwrap_err(), StatsError::NonFinite);
    assert!(describe(&[1.0, f64::INFINITY]).is_none());
    assert_eq!(wilcoxon_signed_rank(&[1.0], &[1.0, 2.0]).unwrap_err(), StatsError::LengthMismatch { pre: 1, post: 2 });
    let adjusted = holm(&[0.01, f64::NAN, 0.02]);
    assert!(adjusted[1].is_nan());
    assert!((adjusted[0] - 0.02).abs() < 1e-15 && (adjusted[2] - 0.02).abs() < 1e-15);
}

#[test]
fn proportions_validate_counts() {
    assert!(wilson_ci(1, 0).is_err());
    assert!(wilson_ci(5, 4).is_err());
    assert!(attrition(10, 11).is_err());
    let a = attrition(40, 31).unwrap();
    assert_eq!(a.n_lost, 9);
    assert!((a.completion.rate - 0.775).abs() < 1e-15);
    assert!(a.completion.ci95_low < 0.775 && a.completion.ci95_high > 0.775);
}

#[test]
fn single_nonzero_difference_gives_exact_p_of_one() {
    let w = wilcoxon_signed_rank(&[1.0], &[2.0]).unwrap();
    assert_eq!(w.method, WilcoxonMethod::Exact);
    assert_eq!(w.p_two_sided, 1.0);
}

#[test]
fn forced_normal_on_single_pair_is_finite() {
    let options = WilcoxonOptions { method: Some(WilcoxonMethod::Normal), correction: true, ..Default::default() };
    let w = wilcoxon_signed_rank_with(&[1.0], &[2.0], options).unwrap();
    assert!(w.p_two_sided.is_finite());
}

#[test]
fn outcome_table_drops_missing_pairs_and_notes_unestimable_rows() {
    let inputs = vec![
        OutcomeInput { label: "Total".into(), kind: RowKind::Total, pre: vec![10.0, 12.0, f64::NAN, 9.0, 11.0], post: vec![12.0, 15.0, 14.0, 9.5, f64::NAN] },
        OutcomeInput { label: "Item 1".into(), kind: RowKind::Item, pre: vec![2.0, 2.0, 3.0], post: vec![2.0, 2.0, 3.0] },
    ];
    let table = outcome_table(&inputs, OutcomeTableOptions::default());
    let total = &table.rows[0];
    assert_eq!((total.n, total.n_excluded), (3, 2));
    assert!(total.t_p.is_some() && total.t_p_holm.is_some());
    let item = &table.rows[1];
    assert_eq!(item.t_p, None);
    assert_eq!(item.wilcoxon_p, None);
    assert!(!item.notes.is_empty());
    // With one estimable row, Holm leaves its p unchanged.
    assert_eq!(total.t_p_holm, total.t_p);
    let json = serde_json_roundtrip(&table);
    assert!(json.contains("\"n_excluded\":2"));
}

fn serde_json_roundtrip(table: &OutcomeTable) -> String {
    serde_json::to_string(table).unwrap()
}
