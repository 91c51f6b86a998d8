//! Name folding: one canonical ASCII spelling per name.

use super::arabic;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lowercase ASCII, accents folded, Arabic script transliterated, other
/// scripts romanised, punctuation stripped, whitespace collapsed.
///
/// Output contains only `[a-z0-9 ]`, single spaces, no leading/trailing
/// space, so folding is idempotent.
pub fn fold_name(s: &str) -> String {
    let mut latin = String::with_capacity(s.len());
    // NFKD splits accents off and turns Arabic presentation forms back into
    // plain letters.
    let chars: Vec<char> = s.nfkd().filter(|c| !is_combining_mark(*c)).collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii() {
            latin.push(c);
        } else if arabic::is_arabic(c) {
            let is_letter = |o: Option<&char>| o.is_some_and(|x| arabic::is_arabic(*x));
            let start = i == 0 || !is_letter(chars.get(i - 1));
            let end = !is_letter(chars.get(i + 1));
            latin.push_str(arabic::transliterate(c, start, end));
        } else if is_apostrophe(c) {
            latin.push('\'');
        } else if c.is_alphanumeric() {
            latin.push_str(deunicode::deunicode_char(c).unwrap_or(" "));
        } else {
            latin.push(' ');
        }
    }
    let mut out = String::with_capacity(latin.len());
    for c in latin.chars() {
        match c {
            // "O'Brien", "D'Souza", "N'Diaye": apostrophes join.
            '\'' | '`' => {}
            c if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
            _ => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BB}' | '\u{00B4}')
}

/// Connecting particles that are dropped or kept inconsistently
/// ("Hernández y López", "De la Cruz", "Al-Hassan", "bin Laden").
const PARTICLES: &[&str] = &[
    "de", "del", "la", "las", "los", "y", "e", "da", "das", "do", "dos", "di", "du", "van", "von", "der", "den", "al", "el", "le", "bin", "ibn", "bint", "ul",
];

/// Folded tokens of a name, without connecting particles (unless the name
/// consists only of particles, e.g. a person named "El").
pub fn name_tokens(s: &str) -> Vec<String> {
    let folded = fold_name(s);
    let all: Vec<&str> = folded.split(' ').filter(|t| !t.is_empty()).collect();
    let kept: Vec<String> = all.iter().filter(|t| !PARTICLES.contains(t)).map(|t| t.to_string()).collect();
    if kept.is_empty() {
        all.into_iter().map(str::to_string).collect()
    } else {
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_punctuation() {
        assert_eq!(fold_name("  José  HERNÁNDEZ-López "), "jose hernandez lopez");
        assert_eq!(fold_name("O’Brien"), "obrien");
        assert_eq!(fold_name("Peña"), "pena");
    }

    #[test]
    fn transliterates_arabic_and_dari() {
        assert_eq!(fold_name("محمد"), "mhmd");
        assert_eq!(fold_name("احمدی"), "ahmdi");
        assert_eq!(fold_name("علی"), "ali");
    }

    #[test]
    fn drops_particles() {
        assert_eq!(name_tokens("Hernández y López"), vec!["hernandez", "lopez"]);
        assert_eq!(name_tokens("de la Cruz"), vec!["cruz"]);
        assert_eq!(name_tokens("El"), vec!["el"]);
    }

    #[test]
    fn emoji_and_symbols_vanish() {
        assert_eq!(fold_name("😀 Ana ✨"), "ana");
        assert_eq!(fold_name(""), "");
    }
}
