//! String and token-set similarity, all symmetric and bounded in [0, 1].

/// Jaro–Winkler, computed in a canonical argument order so that
/// `jaro_winkler(a, b) == jaro_winkler(b, a)` bit for bit.
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    let (x, y) = if a <= b { (a, b) } else { (b, a) };
    let sim = if x.is_ascii() && y.is_ascii() && x.len() <= 64 && y.len() <= 64 {
        ascii_jaro_winkler(x.as_bytes(), y.as_bytes())
    } else {
        strsim::jaro_winkler(x, y)
    };
    sim.clamp(0.0, 1.0)
}

/// Allocation-free Jaro–Winkler for short ASCII strings (every folded name
/// token): the hot path of pair scoring.
fn ascii_jaro_winkler(a: &[u8], b: &[u8]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut a_hit = [false; 64];
    let mut b_hit = [false; 64];
    let mut matches = 0usize;
    for (i, &ca) in a.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        for j in lo..hi {
            if !b_hit[j] && b[j] == ca {
                a_hit[i] = true;
                b_hit[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let mut j = 0usize;
    for (i, &ca) in a.iter().enumerate() {
        if a_hit[i] {
            while !b_hit[j] {
                j += 1;
            }
            if ca != b[j] {
                transpositions += 1;
            }
            j += 1;
        }
    }
    let m = matches as f64;
    let jaro = (m / a.len() as f64 + m / b.len() as f64 + (m - (transpositions / 2) as f64) / m) / 3.0;
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count();
    jaro + prefix as f64 * 0.1 * (1.0 - jaro)
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
    let (rows, cols) = (short.len().min(MAX_TOKENS), long.len().min(MAX_TOKENS));
    if rows == 0 {
        return 0.0;
    }
    let mut scores = [[0.0f64; MAX_TOKENS]; MAX_TOKENS];
    for (r, s) in short.iter().take(rows).enumerate() {
        for (c, l) in long.iter().take(cols).enumerate() {
            scores[r][c] = jaro_winkler(s.as_ref(), l.as_ref());
        }
    }
    let best = best_assignment(&scores[..rows], cols, 0, 0);
    (best / rows as f64).clamp(0.0, 1.0)
}

/// Exhaustive maximum-weight assignment of rows to distinct columns.
fn best_assignment(scores: &[[f64; MAX_TOKENS]], cols: usize, row: usize, used: u32) -> f64 {
    let Some(row_scores) = scores.get(row) else {
        return 0.0;
    };
    let mut best = 0.0f64;
    for (c, s) in row_scores.iter().take(cols).enumerate() {
        if used & (1 << c) == 0 {
            best = best.max(s + best_assignment(scores, cols, row + 1, used | (1 << c)));
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
    fn ascii_path_agrees_with_strsim() {
        for (a, b) in [("martha", "marhta"), ("dwayne", "duane"), ("mhmd", "mohammed"), ("a", "b"), ("", "x")] {
            let ours = ascii_jaro_winkler(a.as_bytes(), b.as_bytes());
            assert!((ours - strsim::jaro_winkler(a, b)).abs() < 1e-12, "{a} {b}");
        }
    }

    #[test]
    fn typos() {
        assert!(one_typo_apart("19900304", "19900305"));
        assert!(one_typo_apart("19900304", "19900340"));
        assert!(!one_typo_apart("19900304", "19900304"));
        assert!(!one_typo_apart("19900304", "19910305"));
    }
}
