//! Phone numbers to E.164, tolerant of how people write them.

/// All digits in `raw` (ASCII and Arabic-Indic), up to an extension marker.
pub fn phone_digits(raw: &str) -> String {
    let mut digits = String::new();
    for c in raw.chars() {
        if let Some(d) = c.to_digit(10) {
            digits.push(char::from(b'0' + d as u8));
        } else if let Some(d) = arabic_indic_digit(c) {
            digits.push(d);
        } else if c.is_alphabetic() && !digits.is_empty() {
            // "555-1234 ext 12", "x12": the extension is not the number.
            break;
        }
    }
    digits
}

fn arabic_indic_digit(c: char) -> Option<char> {
    let v = c as u32;
    let d = match v {
        0x0660..=0x0669 => v - 0x0660,
        0x06F0..=0x06F9 => v - 0x06F0,
        _ => return None,
    };
    Some(char::from(b'0' + d as u8))
}

/// E.164 form ("+15551234567") of a phone number, or `None` when it cannot be
/// a full number. `default_country_calling_code` ("1", "52", ...) applies to
/// numbers written without an international prefix.
pub fn normalize_phone(raw: &str, default_country_calling_code: &str) -> Option<String> {
    let digits = phone_digits(raw);
    let cc: String = default_country_calling_code.chars().filter(char::is_ascii_digit).collect();
    let explicit_plus = raw.trim_start().starts_with('+');
    let international = if explicit_plus {
        Some(digits.as_str())
    } else if let Some(rest) = digits.strip_prefix("00") {
        Some(rest)
    } else if cc == "1" {
        // North American international dialling prefix.
        digits.strip_prefix("011")
    } else {
        None
    };
    let e164_digits = match international {
        Some(d) => d.to_string(),
        None if cc == "1" && digits.len() == 11 && digits.starts_with('1') => digits.clone(),
        None if cc == "1" && digits.len() != 10 => return None,
        None => {
            // National format: drop one trunk prefix "0" (UK, MX older, AF...).
            let national = digits.strip_prefix('0').unwrap_or(&digits);
            format!("{cc}{national}")
        }
    };
    // E.164 allows at most 15 digits; fewer than 8 cannot be a full number.
    if (8..=15).contains(&e164_digits.len()) && !e164_digits.starts_with('0') {
        Some(format!("+{e164_digits}"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn north_american_formats() {
        let want = Some("+15551234567".to_string());
        assert_eq!(normalize_phone("(555) 123-4567", "1"), want);
        assert_eq!(normalize_phone("1-555-123-4567", "1"), want);
        assert_eq!(normalize_phone("+1 555 123 4567", "1"), want);
        assert_eq!(normalize_phone("555 123 4567 ext 89", "1"), want);
        assert_eq!(normalize_phone("123-4567", "1"), None);
    }

    #[test]
    fn international_formats() {
        let mx = Some("+525512345678".to_string());
        assert_eq!(normalize_phone("+52 55 1234 5678", "1"), mx);
        assert_eq!(normalize_phone("011 52 55 1234 5678", "1"), mx);
        assert_eq!(normalize_phone("0052 55 1234 5678", "1"), mx);
        assert_eq!(normalize_phone("۰۷۹۹ ۱۲۳ ۴۵۶", "93"), Some("+93799123456".to_string()));
    }

    #[test]
    fn garbage_is_none() {
        assert_eq!(normalize_phone("", "1"), None);
        assert_eq!(normalize_phone("none", "1"), None);
        assert_eq!(normalize_phone("+", ""), None);
    }
}
