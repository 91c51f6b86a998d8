//! Shared chart skeleton: document wrapper, scales, axes and ticks.

use super::{escape, TEXT_COLOUR};
use std::fmt::Write;

pub(crate) const WIDTH: f64 = 640.0;
pub(crate) const HEIGHT: f64 = 380.0;
pub(crate) const LEFT: f64 = 64.0;
pub(crate) const RIGHT: f64 = 16.0;
pub(crate) const TOP: f64 = 48.0;
pub(crate) const BOTTOM: f64 = 72.0;

pub(crate) fn plot_width() -> f64 {
    WIDTH - LEFT - RIGHT
}

pub(crate) fn plot_bottom() -> f64 {
    HEIGHT - BOTTOM
}

/// Stable id prefix so several charts on one page do not share ids.
fn id_prefix(title: &str, desc: &str) -> String {
    // FNV-1a: tiny, deterministic, no dependency.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in title.bytes().chain(desc.bytes()) {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("chart-{hash:016x}")
}

/// Opens the `<svg>` with title/desc and the visible heading.
pub(crate) fn open(title: &str, desc: &str) -> String {
    let id = id_prefix(title, desc);
    let mut s = String::new();
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="{id}-title {id}-desc" font-family="sans-serif" font-size="13"><title id="{id}-title">{t}</title><desc id="{id}-desc">{d}</desc><rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/><text x="{x}" y="24" text-anchor="middle" font-size="16" font-weight="bold" fill="{TEXT_COLOUR}">{t}</text>"##,
        t = escape(title),
        d = escape(desc),
        x = WIDTH / 2.0,
    );
    s
}

pub(crate) fn close(mut s: String) -> String {
    s.push_str("</svg>");
    s
}

/// Linear y scale over "nice" tick values covering [lo, hi] and zero.
pub(crate) struct YScale {
    pub lo: f64,
    pub hi: f64,
    pub ticks: Vec<f64>,
}

impl YScale {
    pub(crate) fn covering(values: impl Iterator<Item = f64>, include_zero: bool) -> Self {
        let finite: Vec<f64> = values.filter(|v| v.is_finite()).collect();
        let mut lo = finite.iter().copied().fold(f64::INFINITY, f64::min);
        let mut hi = finite.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if finite.is_empty() {
            (lo, hi) = (0.0, 1.0);
        }
        if include_zero {
            lo = lo.min(0.0);
            hi = hi.max(0.0);
        }
        if hi - lo < 1e-12 {
            hi = lo + 1.0;
        }
        let step = nice_step((hi - lo) / 5.0);
        let lo = (lo / step).floor() * step;
        let hi = (hi / step).ceil() * step;
        let count = ((hi - lo) / step).round() as usize;
        let ticks = (0..=count.min(20)).map(|i| lo + step * i as f64).collect();
        Self { lo, hi, ticks }
    }

    pub(crate) fn y(&self, value: f64) -> f64 {
        let frac = (value - self.lo) / (self.hi - self.lo);
        plot_bottom() - frac * (plot_bottom() - TOP)
    }
}

fn nice_step(raw: f64) -> f64 {
    let magnitude = 10f64.powf(raw.log10().floor());
    let normalised = raw / magnitude;
    let nice = if normalised <= 1.0 {
        1.0
    } else if normalised <= 2.0 {
        2.0
    } else if normalised <= 2.5 {
        2.5
    } else if normalised <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// Formats a number for display: up to `decimals` places, no trailing zeros.
pub(crate) fn fmt_num(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "n/a".to_owned();
    }
    let s = format!("{value:.decimals$}");
    let s = if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_owned() } else { s };
    if s == "-0" {
        "0".to_owned()
    } else {
        s
    }
}

/// Y axis with gridlines and tick labels, the x baseline, and both captions.
pub(crate) fn axes(s: &mut String, scale: &YScale, axes: super::Axes<'_>, tick_decimals: usize) {
    let right = LEFT + plot_width();
    for &tick in &scale.ticks {
        let y = scale.y(tick);
        let _ = write!(
            s,
            r##"<line x1="{LEFT}" y1="{y:.1}" x2="{right}" y2="{y:.1}" stroke="#d0d0d0" stroke-width="1"/><text x="{tx}" y="{ty:.1}" text-anchor="end" fill="{TEXT_COLOUR}">{label}</text>"##,
            tx = LEFT - 6.0,
            ty = y + 4.0,
            label = fmt_num(tick, tick_decimals),
        );
    }
    let _ = write!(
        s,
        r#"<line x1="{LEFT}" y1="{top}" x2="{LEFT}" y2="{bottom}" stroke="{TEXT_COLOUR}" stroke-width="1"/><line x1="{LEFT}" y1="{zero:.1}" x2="{right}" y2="{zero:.1}" stroke="{TEXT_COLOUR}" stroke-width="1"/><text x="{cx}" y="{xy}" text-anchor="middle" fill="{TEXT_COLOUR}">{xl}</text><text transform="translate(16 {cy}) rotate(-90)" text-anchor="middle" fill="{TEXT_COLOUR}">{yl}</text>"#,
        top = TOP,
        bottom = plot_bottom(),
        zero = scale.y(scale.lo.max(0.0).min(scale.hi)),
        cx = LEFT + plot_width() / 2.0,
        xy = HEIGHT - 12.0,
        cy = (TOP + plot_bottom()) / 2.0,
        xl = escape(axes.x),
        yl = escape(axes.y),
    );
}

/// Legend entries (swatch + text) along the top right.
pub(crate) fn legend(s: &mut String, entries: &[(&str, &str)]) {
    let mut x = LEFT;
    for (label, colour) in entries {
        let _ = write!(
            s,
            r#"<rect x="{x}" y="32" width="12" height="12" fill="{colour}"/><text x="{tx}" y="42" fill="{TEXT_COLOUR}">{l}</text>"#,
            tx = x + 16.0,
            l = escape(label),
        );
        x += 24.0 + 7.5 * label.chars().count() as f64;
    }
}
