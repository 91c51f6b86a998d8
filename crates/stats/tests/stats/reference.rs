//! Agreement with SciPy/statsmodels values in fixtures/reference.json.
//! Tolerance: 1e-9 relative (plus 1e-14 absolute, for p-values SciPy forms
//! as 1 - cdf near zero).

use crate::assert_close;
use sendero_stats::*;
use serde_json::Value;

const REL: f64 = 1e-9;

fn reference() -> Value {
    serde_json::from_str(include_str!("../../fixtures/reference.json")).expect("valid JSON")
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array().expect("array").iter().map(|x| x.as_f64().expect("number")).collect()
}

fn num(v: &Value) -> f64 {
    v.as_f64().expect("number")
}

fn zero_method(name: &str) -> ZeroMethod {
    match name {
        "wilcox" => ZeroMethod::Wilcox,
        "pratt" => ZeroMethod::Pratt,
        "zsplit" => ZeroMethod::Zsplit,
        other => panic!("unknown zero method {other}"),
    }
}

#[test]
fn fixture_records_scipy_version() {
    let r = reference();
    assert!(r["scipy_version"].as_str().is_some_and(|v| v.starts_with("1.")));
}

#[test]
fn paired_t_matches_scipy_ttest_rel() {
    let r = reference();
    for (name, case) in r["paired"].as_object().unwrap() {
        let (pre, post) = (floats(&case["pre"]), floats(&case["post"]));
        let expected = &case["paired_t"];
        let got = paired_t(&pre, &post).unwrap();
        assert_close!(got.t, num(&expected["t"]), REL, format!("{name} t"));
        assert_close!(got.df, num(&expected["df"]), REL, format!("{name} df"));
        assert_close!(got.p_two_sided, num(&expected["p"]), REL, format!("{name} p"));
        assert_close!(got.ci95_low, num(&expected["ci95_low"]), REL, format!("{name} ci low"));
        assert_close!(got.ci95_high, num(&expected["ci95_high"]), REL, format!("{name} ci high"));
        assert_close!(got.sd_diff, num(&expected["sd_diff"]), REL, format!("{name} sd"));
        let dz = cohens_dz(&pre, &post).unwrap();
        assert_close!(dz, num(&case["cohens_dz"]), REL, format!("{name} d_z"));
        let r = rank_biserial(&pre, &post).unwrap();
        assert_close!(r, num(&case["rank_biserial"]), REL, format!("{name} r_rb"));
    }
}

#[test]
fn wilcoxon_auto_matches_scipy_for_every_zero_method() {
    let r = reference();
    for (name, case) in r["paired"].as_object().unwrap() {
        let (pre, post) = (floats(&case["pre"]), floats(&case["post"]));
        for row in case["wilcoxon"].as_array().unwrap() {
            let zm = row["zero_method"].as_str().unwrap();
            let options = WilcoxonOptions { zero_method: zero_method(zm), ..Default::default() };
            let got = wilcoxon_signed_rank_with(&pre, &post, options).unwrap();
            let what = format!("{name} {zm} ({:?})", got.method);
            assert_close!(got.statistic, num(&row["auto_statistic"]), REL, what.clone());
            assert_close!(got.p_two_sided, num(&row["auto_p"]), REL, what);
        }
    }
}

#[test]
fn wilcoxon_normal_approximation_matches_scipy_with_and_without_correction() {
    let r = reference();
    for (name, case) in r["paired"].as_object().unwrap() {
        let (pre, post) = (floats(&case["pre"]), floats(&case["post"]));
        for row in case["wilcoxon"].as_array().unwrap() {
            let zm = row["zero_method"].as_str().unwrap();
            for (correction, key) in [(false, "normal"), (true, "normal_corrected")] {
                let options = WilcoxonOptions { zero_method: zero_method(zm), correction, method: Some(WilcoxonMethod::Normal) };
                let got = wilcoxon_signed_rank_with(&pre, &post, options).unwrap();
                let what = format!("{name} {zm} {key}");
                let z = got.z.expect("normal method reports z");
                assert_close!(-z.abs(), num(&row[format!("{key}_z_neg_abs")]), REL, what.clone());
                assert_close!(got.p_two_sided, num(&row[format!("{key}_p")]), REL, what);
            }
        }
    }
}

#[test]
fn wilcoxon_exact_matches_scipy_where_defined() {
    let r = reference();
    let mut checked = 0;
    for (name, case) in r["paired"].as_object().unwrap() {
        let (pre, post) = (floats(&case["pre"]), floats(&case["post"]));
        for row in case["wilcoxon"].as_array().unwrap() {
            let Some(expected) = row.get("exact_p") else {
                continue;
            };
            let options =
                WilcoxonOptions { zero_method: zero_method(row["zero_method"].as_str().unwrap()), method: Some(WilcoxonMethod::Exact), ..Default::default() };
            let got = wilcoxon_signed_rank_with(&pre, &post, options).unwrap();
            assert_close!(got.p_two_sided, num(expected), REL, format!("{name} exact"));
            checked += 1;
        }
    }
    assert!(checked >= 12, "only {checked} exact cases");
}

#[test]
fn auto_method_choice_follows_scipy_rules() {
    let r = reference();
    let expect = [
        ("exact_n8_up", WilcoxonMethod::Exact),
        ("exact_n50_boundary", WilcoxonMethod::Exact),
        ("normal_n51_boundary", WilcoxonMethod::Normal),
        ("ties_n10_permutation", WilcoxonMethod::ExactPermutation),
        ("zeros_ties_n12_permutation", WilcoxonMethod::ExactPermutation),
        ("ties_zeros_n25_normal", WilcoxonMethod::Normal),
        ("likert_total_30", WilcoxonMethod::Normal),
    ];
    for (name, method) in expect {
        let case = &r["paired"][name];
        let got = wilcoxon_signed_rank(&floats(&case["pre"]), &floats(&case["post"])).unwrap();
        assert_eq!(got.method, method, "{name}");
    }
}

#[test]
fn welch_and_smd_match_scipy() {
    let r = reference();
    for (name, case) in r["welch"].as_object().unwrap() {
        let (a, b) = (floats(&case["a"]), floats(&case["b"]));
        let got = welch_t(&a, &b).unwrap();
        assert_close!(got.t, num(&case["t"]), REL, format!("{name} t"));
        assert_close!(got.df, num(&case["df"]), REL, format!("{name} df"));
        assert_close!(got.p_two_sided, num(&case["p"]), REL, format!("{name} p"));
        assert_close!(got.ci95_low, num(&case["ci95_low"]), REL, format!("{name} low"));
        assert_close!(got.ci95_high, num(&case["ci95_high"]), REL, format!("{name} high"));
        let smd = standardized_mean_difference(&a, &b).unwrap();
        assert_close!(smd, num(&case["smd"]), REL, format!("{name} smd"));
    }
}

#[test]
fn holm_matches_statsmodels() {
    for case in reference()["holm"].as_array().unwrap() {
        let got = holm(&floats(&case["p"]));
        for (g, e) in got.iter().zip(floats(&case["adjusted"])) {
            assert_close!(*g, e, 1e-12, "holm");
        }
    }
}

#[test]
fn wilson_and_newcombe_match_statsmodels() {
    let r = reference();
    let count = |v: &Value| v.as_u64().unwrap();
    for case in r["wilson"].as_array().unwrap() {
        let got = wilson_ci(count(&case["successes"]), count(&case["n"])).unwrap();
        assert_close!(got.ci95_low, num(&case["low"]), 1e-12, "wilson low");
        assert_close!(got.ci95_high, num(&case["high"]), 1e-12, "wilson high");
    }
    for case in r["newcombe"].as_array().unwrap() {
        let got = newcombe_diff_ci(count(&case["s1"]), count(&case["n1"]), count(&case["s2"]), count(&case["n2"])).unwrap();
        assert_close!(got.ci95_low, num(&case["low"]), 1e-12, "newcombe low");
        assert_close!(got.ci95_high, num(&case["high"]), 1e-12, "newcombe high");
    }
}

#[test]
fn describe_matches_numpy() {
    for case in reference()["describe"].as_array().unwrap() {
        let got = describe(&floats(&case["xs"])).unwrap();
        assert_eq!(got.n as u64, case["n"].as_u64().unwrap());
        assert_close!(got.min, num(&case["min"]), REL, "min");
        assert_close!(got.median, num(&case["median"]), REL, "median");
        assert_close!(got.mean, num(&case["mean"]), REL, "mean");
        assert_close!(got.max, num(&case["max"]), REL, "max");
        match (got.sd, case["sd"].as_f64()) {
            (Some(g), Some(e)) => assert_close!(g, e, REL, "sd"),
            (None, None) => {}
            other => panic!("sd mismatch {other:?}"),
        }
    }
}

#[test]
fn outcome_table_matches_scipy_and_statsmodels_holm() {
    let r = reference();
    let rows = r["outcome_table"].as_array().unwrap();
    let inputs: Vec<OutcomeInput> = rows
        .iter()
        .map(|row| {
            let label = row["label"].as_str().unwrap().to_owned();
            let kind = if label == "Total" {
                RowKind::Total
            } else if label.starts_with("Domain") {
                RowKind::Domain
            } else {
                RowKind::Item
            };
            OutcomeInput { label, kind, pre: floats(&row["pre"]), post: floats(&row["post"]) }
        })
        .collect();
    let table = outcome_table(&inputs, OutcomeTableOptions::default());
    assert_eq!(table.rows.len(), 22);
    for (got, expected) in table.rows.iter().zip(rows) {
        let pairs = [
            (got.t_p, &expected["t_p"], "t p"),
            (got.t_p_holm, &expected["t_p_holm"], "t p holm"),
            (got.wilcoxon_p, &expected["wilcoxon_p"], "wilcoxon p"),
            (got.wilcoxon_p_holm, &expected["wilcoxon_p_holm"], "wilcoxon p holm"),
        ];
        for (g, e, what) in pairs {
            match (g, e.as_f64()) {
                (Some(g), Some(e)) => assert_close!(g, e, REL, format!("{} {what}", got.label)),
                (None, None) => {}
                other => panic!("{} {what}: {other:?}", got.label),
            }
        }
        assert_eq!(got.n, 30);
    }
}

/// Where scipy answers NaN or infinity (n = 1, or zero variance of the differences), Sendero
/// refuses with an explained error rather than printing a number.
#[test]
fn degenerate_samples_are_refused_where_scipy_gives_no_number() {
    let r = reference();
    for (name, case) in r["degenerate"].as_object().unwrap() {
        assert!(!case["scipy_t_is_finite"].as_bool().unwrap(), "{name}: scipy gives no finite t");
        let pre: Vec<f64> = serde_json::from_value(case["pre"].clone()).unwrap();
        let post: Vec<f64> = serde_json::from_value(case["post"].clone()).unwrap();
        assert!(sendero_stats::paired_t(&pre, &post).is_err(), "{name}: expected an error");
    }
}

#[test]
fn chi_square_gof_matches_scipy_chisquare() {
    for case in reference()["chi_square"].as_array().unwrap() {
        let got = chi_square_gof(&floats(&case["observed"]), &floats(&case["expected"])).unwrap();
        assert_close!(got.statistic, num(&case["statistic"]), REL, "chi-square statistic");
        assert_close!(got.p_value, num(&case["p"]), REL, "chi-square p");
    }
}

#[test]
fn two_proportion_z_matches_statsmodels_proportions_ztest() {
    for case in reference()["two_proportion"].as_array().unwrap() {
        let n = |k: &str| case[k].as_u64().unwrap();
        let got = two_proportion_z(n("s1"), n("n1"), n("s2"), n("n2")).unwrap();
        assert_close!(got.z, num(&case["z"]), REL, "z");
        assert_close!(got.p_value, num(&case["p"]), REL, "p");
    }
}
