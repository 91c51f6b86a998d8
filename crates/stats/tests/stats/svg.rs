//! Accessibility and escaping checks for the SVG charts.

use sendero_stats::svg::{line_chart, pre_post_bars, proportion_bars, Axes, LineSeries};
use sendero_stats::wilson_ci;

const AXES: Axes<'static> = Axes { x: "Domain", y: "Mean score" };

fn assert_accessible(svg: &str) {
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    assert!(svg.contains(r#"role="img""#));
    assert!(svg.contains("<title id=") && svg.contains("<desc id="));
    assert!(svg.contains("aria-labelledby="));
    assert!(!svg.contains("<style") && !svg.contains("class="));
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
    // Well-formed enough: every raw '&' starts an entity.
    for (i, _) in svg.match_indices('&') {
        let rest = &svg[i..];
        assert!(["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|e| rest.starts_with(e)), "unescaped & near {}", &rest[..rest.len().min(20)]);
    }
}

#[test]
fn pre_post_bars_escape_labels_and_have_text_alternatives() {
    let svg = pre_post_bars(
        &[("Cohesion <\"&\">", 2.1, 2.8), ("Communication", 1.9, f64::NAN)],
        "Family functioning & change",
        "Mean scores rose from 2.1 to 2.8 in cohesion.",
        AXES,
        ["Intake", "Closure"],
    );
    assert_accessible(&svg);
    assert!(svg.contains("Cohesion &lt;&quot;&amp;&quot;&gt;"));
    assert!(svg.contains("Family functioning &amp; change"));
    assert!(svg.contains("n/a"));
    assert!(svg.contains(">Mean score<") && svg.contains(">Domain<"));
}

#[test]
fn line_chart_handles_gaps_and_empty_series() {
    let series = [LineSeries { label: "Familia <A>".into(), points: vec![("Intake".into(), 40.0), ("Month 3".into(), f64::NAN), ("Closure".into(), 52.5)] }];
    let svg = line_chart(&series, "Scores over time", "From 40 to 52.5", AXES);
    assert_accessible(&svg);
    assert!(svg.contains("Familia &lt;A&gt;"));
    assert_eq!(svg.matches("<circle").count(), 2);
    assert_accessible(&line_chart(&[], "Empty", "No data yet", AXES));
}

#[test]
fn proportion_bars_draw_ci_whiskers() {
    let rows = [("Enrolled", wilson_ci(45, 52).unwrap()), ("Comparison", wilson_ci(30, 50).unwrap())];
    let svg = proportion_bars(&rows, "Court appearance", "86.5% vs 60%", AXES);
    assert_accessible(&svg);
    assert!(svg.contains("86.5%"));
    assert_eq!(svg.matches("<rect").count(), 1 + 2);
    assert_accessible(&pre_post_bars(&[], "Empty", "None", AXES, ["a", "b"]));
}

#[test]
fn two_charts_on_one_page_get_distinct_ids() {
    let a = pre_post_bars(&[("x", 1.0, 2.0)], "A", "a", AXES, ["i", "c"]);
    let b = pre_post_bars(&[("x", 1.0, 2.0)], "B", "b", AXES, ["i", "c"]);
    let id = |s: &str| s.split("<title id=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    assert_ne!(id(&a), id(&b));
}
