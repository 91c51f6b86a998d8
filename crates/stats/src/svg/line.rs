use super::frame::{self, fmt_num, YScale, LEFT};
use super::{escape, Axes, SERIES_COLOURS, TEXT_COLOUR};
use std::fmt::Write;

/// One line: points are `(x label, value)` in time order, e.g.
/// `("Intake", 52.0)`, `("Month 3", 58.0)`.
#[derive(Debug, Clone)]
pub struct LineSeries {
    pub label: String,
    pub points: Vec<(String, f64)>,
}

/// Scores over time for one family. The x axis lists every distinct
/// x label in order of first appearance; non-finite values break the line.
pub fn line_chart(series: &[LineSeries], title: &str, desc: &str, axes: Axes<'_>) -> String {
    let mut s = frame::open(title, desc);
    let mut categories: Vec<&str> = Vec::new();
    for p in series.iter().flat_map(|l| &l.points) {
        if !categories.contains(&p.0.as_str()) {
            categories.push(&p.0);
        }
    }
    let scale = YScale::covering(series.iter().flat_map(|l| l.points.iter().map(|p| p.1)), false);
    frame::axes(&mut s, &scale, axes, 2);
    let entries: Vec<(&str, &str)> = series.iter().enumerate().map(|(i, l)| (l.label.as_str(), SERIES_COLOURS[(i + 1) % SERIES_COLOURS.len()])).collect();
    frame::legend(&mut s, &entries);
    let slot = frame::plot_width() / categories.len().max(1) as f64;
    let x_of = |cat: &str| {
        let i = categories.iter().position(|c| *c == cat).unwrap_or(0);
        LEFT + slot * (i as f64 + 0.5)
    };
    for cat in &categories {
        let _ = write!(
            s,
            r#"<text x="{x:.1}" y="{y:.1}" text-anchor="middle" fill="{TEXT_COLOUR}">{l}</text>"#,
            x = x_of(cat),
            y = frame::plot_bottom() + 18.0,
            l = escape(cat),
        );
    }
    for (line, (_, colour)) in series.iter().zip(&entries) {
        let mut path = String::new();
        let mut pen_down = false;
        for (cat, value) in &line.points {
            if !value.is_finite() {
                pen_down = false;
                continue;
            }
            let _ = write!(path, "{}{:.1} {:.1} ", if pen_down { "L" } else { "M" }, x_of(cat), scale.y(*value));
            pen_down = true;
        }
        if !path.is_empty() {
            let _ = write!(s, r#"<path d="{p}" fill="none" stroke="{colour}" stroke-width="2.5"/>"#, p = path.trim_end());
        }
        for (cat, value) in line.points.iter().filter(|p| p.1.is_finite()) {
            let (x, y) = (x_of(cat), scale.y(*value));
            let shown = fmt_num(*value, 2);
            let _ = write!(
                s,
                r#"<circle cx="{x:.1}" cy="{y:.1}" r="4" fill="{colour}"><title>{l}, {c}: {shown}</title></circle><text x="{x:.1}" y="{ty:.1}" text-anchor="middle" font-size="11" fill="{TEXT_COLOUR}">{shown}</text>"#,
                l = escape(&line.label),
                c = escape(cat),
                ty = y - 8.0,
            );
        }
    }
    frame::close(s)
}
