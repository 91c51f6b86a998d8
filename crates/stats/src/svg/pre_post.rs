use super::frame::{self, fmt_num, YScale, LEFT, TOP};
use super::{escape, Axes, SERIES_COLOURS, TEXT_COLOUR};
use std::fmt::Write;

/// Grouped bars of mean score at intake and closure per variable.
/// `rows` are `(label, pre_mean, post_mean)`; `legend` names the two bars
/// (e.g. ["Intake", "Closure"] in the user's language). Non-finite means
/// are drawn as "n/a" rather than as a bar.
pub fn pre_post_bars(rows: &[(&str, f64, f64)], title: &str, desc: &str, axes: Axes<'_>, legend: [&str; 2]) -> String {
    let mut s = frame::open(title, desc);
    let scale = YScale::covering(rows.iter().flat_map(|r| [r.1, r.2]), true);
    frame::axes(&mut s, &scale, axes, 2);
    frame::legend(&mut s, &[(legend[0], SERIES_COLOURS[0]), (legend[1], SERIES_COLOURS[1])]);
    let slot = frame::plot_width() / rows.len().max(1) as f64;
    let bar = (slot * 0.35).min(48.0);
    let zero_y = scale.y(0.0f64.clamp(scale.lo, scale.hi));
    for (i, (label, pre, post)) in rows.iter().enumerate() {
        let centre = LEFT + slot * (i as f64 + 0.5);
        for (j, (value, name)) in [(*pre, legend[0]), (*post, legend[1])].iter().enumerate() {
            let x = centre - bar + bar * j as f64;
            let text_x = x + bar / 2.0;
            if !value.is_finite() {
                let _ = write!(s, r#"<text x="{text_x:.1}" y="{y:.1}" text-anchor="middle" font-size="11" fill="{TEXT_COLOUR}">n/a</text>"#, y = zero_y - 4.0,);
                continue;
            }
            let y = scale.y(*value);
            let (top, height) = (y.min(zero_y), (y - zero_y).abs());
            let shown = fmt_num(*value, 2);
            let _ = write!(
                s,
                r#"<rect x="{x:.1}" y="{top:.1}" width="{bar:.1}" height="{height:.1}" fill="{c}"><title>{l}, {n}: {shown}</title></rect><text x="{text_x:.1}" y="{ty:.1}" text-anchor="middle" font-size="11" fill="{TEXT_COLOUR}">{shown}</text>"#,
                c = SERIES_COLOURS[j],
                l = escape(label),
                n = escape(name),
                ty = (top - 4.0).max(TOP - 2.0),
            );
        }
        let _ = write!(
            s,
            r#"<text x="{centre:.1}" y="{y:.1}" text-anchor="middle" fill="{TEXT_COLOUR}">{l}</text>"#,
            y = frame::plot_bottom() + 18.0,
            l = escape(label),
        );
    }
    frame::close(s)
}
