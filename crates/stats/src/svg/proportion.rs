use super::frame::{self, fmt_num, YScale, LEFT};
use super::{escape, Axes, SERIES_COLOURS, TEXT_COLOUR};
use crate::ProportionCi;
use std::fmt::Write;

/// Bars of rates (0–100%) with 95% CI whiskers, e.g. court-appearance
/// rates by group. Each bar is labelled with "rate% (low–high%)".
pub fn proportion_bars(rows: &[(&str, ProportionCi)], title: &str, desc: &str, axes: Axes<'_>) -> String {
    let mut s = frame::open(title, desc);
    let scale = YScale::covering([0.0, 100.0].into_iter(), true);
    frame::axes(&mut s, &scale, axes, 0);
    let slot = frame::plot_width() / rows.len().max(1) as f64;
    let bar = (slot * 0.5).min(64.0);
    for (i, (label, ci)) in rows.iter().enumerate() {
        let centre = LEFT + slot * (i as f64 + 0.5);
        let pct = |v: f64| (v * 100.0).clamp(0.0, 100.0);
        let (rate, low, high) = (pct(ci.rate), pct(ci.ci95_low), pct(ci.ci95_high));
        let (y, y_low, y_high) = (scale.y(rate), scale.y(low), scale.y(high));
        let summary = format!("{}% ({}–{}%), n = {}", fmt_num(rate, 1), fmt_num(low, 1), fmt_num(high, 1), ci.n);
        let _ = write!(
            s,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{bar:.1}" height="{h:.1}" fill="{c}"><title>{l}: {sm}</title></rect><line x1="{centre:.1}" y1="{y_low:.1}" x2="{centre:.1}" y2="{y_high:.1}" stroke="{TEXT_COLOUR}" stroke-width="2"/><line x1="{wl:.1}" y1="{y_low:.1}" x2="{wr:.1}" y2="{y_low:.1}" stroke="{TEXT_COLOUR}" stroke-width="2"/><line x1="{wl:.1}" y1="{y_high:.1}" x2="{wr:.1}" y2="{y_high:.1}" stroke="{TEXT_COLOUR}" stroke-width="2"/><text x="{centre:.1}" y="{ly:.1}" text-anchor="middle" fill="{TEXT_COLOUR}">{l}</text><text x="{centre:.1}" y="{sy:.1}" text-anchor="middle" font-size="11" fill="{TEXT_COLOUR}">{sm}</text>"#,
            x = centre - bar / 2.0,
            h = frame::plot_bottom() - y,
            c = SERIES_COLOURS[1],
            wl = centre - 8.0,
            wr = centre + 8.0,
            l = escape(label),
            sm = escape(&summary),
            ly = frame::plot_bottom() + 18.0,
            sy = frame::plot_bottom() + 34.0,
        );
    }
    frame::close(s)
}
