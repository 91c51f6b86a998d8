//! Parsing of free text typed by people: trimmed, bounded, free of control characters.

use unicode_normalization::UnicodeNormalization;

/// Trim and NFC-normalise `raw`; `None` when empty. `Err` names the problem as a translation key.
pub fn clean(raw: &str, max_chars: usize) -> Result<Option<String>, &'static str> {
    let value: String = raw.trim().nfc().collect();
    if value.is_empty() {
        return Ok(None);
    }
    if value.chars().count() > max_chars {
        return Err("error-too-long");
    }
    if value.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        return Err("error-control-chars");
    }
    Ok(Some(value))
}

/// Like [`clean`] but the value must be present.
pub fn required(raw: &str, max_chars: usize) -> Result<String, &'static str> {
    clean(raw, max_chars)?.ok_or("error-required")
}

/// Lowercase, accent-free form used for search and comparison ("Hernández" → "hernandez").
pub fn fold(raw: &str) -> String {
    raw.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_trims_and_bounds() {
        assert_eq!(clean("  Ana  ", 10), Ok(Some("Ana".into())));
        assert_eq!(clean("   ", 10), Ok(None));
        assert_eq!(clean("abcdefghijk", 10), Err("error-too-long"));
        assert_eq!(clean("a\u{0}b", 10), Err("error-control-chars"));
        assert_eq!(required("", 10), Err("error-required"));
    }

    #[test]
    fn fold_removes_accents_keeps_other_scripts() {
        assert_eq!(fold("Hernández LÓPEZ"), "hernandez lopez");
        assert_eq!(fold("محمد"), "محمد");
    }
}
