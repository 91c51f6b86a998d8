//! String and token-set similarity, all symmetric and bounded in [0, 1].

/// Jaro–Winkler, computed in a canonical argument order so that
/// `jaro_winkler(a, b) == jaro_winkler(b, a)` bit for bit.
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    let (x, y) = if a <= b { (a, b) } else { (b, a) };
    strsim::jaro_winkler(x, y).clamp(0.0, 1.0)
}

/// Only this many tokens per name take part in the assignment search;
/// beyond it the search (k! in the worst case) would not pay off.
const MAX_TOKENS: usize = 5;

/// Token-set similarity: the best one-to-one assignment of the shorter
/// name's tokens to the longer name's tokens, by Jaro–Winkler, averaged over
/// the shorter name. Order-insensitive, so "López Hernández" vs
/// "Hernández" scores 1.0. Empty input scores 0.
pub fn token_set_similarity<S: AsRef<str>>(a: &[S], b: &[S]) -> f64 {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let short: Vec<&str> = short.iter().take(MAX_TOKENS).map(AsRef::as_ref).collect();
    let long: Vec<&str> = long.iter().take(MAX_TOKENS).map(AsRef::as_ref).collect();
    if short.is_empty() {
        return 0.0;
    }
    let scores: Vec<Vec<f64>> = short
        .iter()
        .map(|s| long.iter().map(|l| jaro_winkler(s, l)).collect())
        .collect();
    let best = best_assignment(&scores, 0, 0);
    (best / short.len() as f64).clamp(0.0, 1.0)
}

/// Exhaustive maximum-weight assignment of rows to distinct columns.
fn best_assignment(scores: &[Vec<f64>], row: usize, used: u32) -> f64 {
    let Some(cols) = scores.get(row) else {
        return 0.0;
    };
    let mut best = 0.0f64;
    for (c, s) in cols.iter().enumerate() {
        if used & (1 << c) == 0 {
            best = best.max(s + best_assignment(scores, row + 1, used | (1 << c)));
        }
    }
    best
}

/// True when two equal-length strings differ in one position or by one
/// adjacent transposition (typical keying errors in dates and ids).
pub fn one_typo_apart(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() || a == b {
        return false;
    }
    let diffs: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    match diffs.as_slice() {
        [_] => true,
        [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_sets_ignore_order_and_extra_surnames() {
        let a = ["hernandez", "lopez"];
        let b = ["lopez", "hernandez"];
        assert_eq!(token_set_similarity(&a, &b), 1.0);
        assert_eq!(token_set_similarity(&a, &["hernandez"]), 1.0);
        assert!(token_set_similarity(&a, &["smith"]) < 0.7);
        assert_eq!(token_set_similarity::<&str>(&[], &[]), 0.0);
    }

    #[test]
    fn typos() {
        assert!(one_typo_apart("19900304", "19900305"));
        assert!(one_typo_apart("19900304", "19900340"));
        assert!(!one_typo_apart("19900304", "19900304"));
        assert!(!one_typo_apart("19900304", "19910305"));
    }
}
