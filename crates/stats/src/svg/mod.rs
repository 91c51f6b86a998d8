//! Server-rendered, accessible SVG charts returned as `String`.
//!
//! Every chart: `role="img"`, `<title>` and `<desc>` referenced by
//! `aria-labelledby`, labelled axes, values written as text (so nothing is
//! conveyed by colour alone), inline presentation attributes only (no CSS),
//! colours with at least 4.5:1 contrast on white, and all caller text
//! escaped. Callers pass already-translated labels.

mod frame;
mod line;
mod pre_post;
mod proportion;

pub use line::{line_chart, LineSeries};
pub use pre_post::pre_post_bars;
pub use proportion::proportion_bars;

/// Axis captions (already translated).
#[derive(Debug, Clone, Copy)]
pub struct Axes<'a> {
    pub x: &'a str,
    pub y: &'a str,
}

/// Escapes text for SVG element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are invalid in XML 1.0.
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Colours on white: #1a1a1a ~17:1, #0b5cad ~6.6:1, #b34700 ~4.9:1,
/// #4d4d4d ~8.4:1. Distinct in hue and lightness for colour-vision deficiency.
pub(crate) const SERIES_COLOURS: [&str; 4] = ["#4d4d4d", "#0b5cad", "#b34700", "#1a1a1a"];
pub(crate) const TEXT_COLOUR: &str = "#1a1a1a";
