//! Blocking keys: cheap keys shared by plausible duplicates, so that only
//! records sharing a key are ever compared.

use crate::normalize::{name_tokens, normalize_phone, phone_digits, phonetic};
use crate::prepared::{phone_tail, DEFAULT_CALLING_CODE, PHONE_TAIL_DIGITS};
use crate::record::PersonRecord;

/// Name tokens used for keys (family first). More would bloat the index.
const MAX_NAME_KEYS: usize = 3;
/// Hard cap on keys per record (index size).
pub const MAX_KEYS: usize = 8;
/// Phones used for keys.
const MAX_PHONE_KEYS: usize = 2;
/// Phonetic codes are cut to this length: long names are where typos live.
const PHONETIC_KEY_LEN: usize = 6;

/// At most [`MAX_KEYS`] short keys, in priority order:
/// - `n:{phonetic}:{birth year}` for up to 3 name tokens, given and family
///   alike (survives dropped second surnames and given/family swaps);
/// - `nn:{phonetic}:{phonetic}` for the first given and first family token,
///   sorted (swap-proof, survives date errors);
/// - `g:{phonetic first given}:{MMDD}` (survives wrong or ±1 year);
/// - `d:{YYYYMMDD}` (survives badly misspelled names);
/// - `i:{id}` for the first other identifier (A-number, passport...);
/// - `p:{last 7 digits}` per phone (survives name and date errors).
pub fn blocking_keys(r: &PersonRecord) -> Vec<String> {
    let given = name_tokens(&r.given_names);
    let family = name_tokens(&r.family_names);
    let code = |t: &String| -> String { phonetic(t).chars().take(PHONETIC_KEY_LEN).collect() };
    let mut keys: Vec<String> = Vec::with_capacity(8);
    let mut push = |k: String| {
        if !keys.contains(&k) {
            keys.push(k);
        }
    };
    if let Some(d) = r.dob {
        {
            let mut codes: Vec<String> = Vec::new();
            for c in family.iter().chain(&given).map(code) {
                if !c.is_empty() && !codes.contains(&c) && codes.len() < MAX_NAME_KEYS {
                    codes.push(c);
                }
            }
            for c in codes {
                push(format!("n:{c}:{}", d.year));
            }
            // 1 January is the usual placeholder for an unknown date: as a
            // key it would only gather unrelated people.
            if let Some((m, day)) = d.month_day().filter(|md| *md != (1, 1)) {
                if let Some(g) = given.first() {
                    push(format!("g:{}:{m:02}{day:02}", code(g)));
                }
                push(format!("d:{:04}{m:02}{day:02}", d.year));
            }
        }
    }
    // Name pair without the year: survives any date error. Very common
    // pairs form oversize blocks, which `scan` skips.
    if let (Some(g), Some(f)) = (given.first(), family.first()) {
        let (mut a, mut b) = (code(g), code(f));
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        push(format!("nn:{a}:{b}"));
    }
    if let Some(id) = r.other_ids.iter().find_map(|i| id_key(i)) {
        push(format!("i:{id}"));
    }
    for p in r.phones.iter().take(MAX_PHONE_KEYS) {
        let normalized = normalize_phone(p, DEFAULT_CALLING_CODE).unwrap_or_else(|| phone_digits(p));
        if normalized.trim_start_matches('+').len() >= PHONE_TAIL_DIGITS {
            push(format!("p:{}", phone_tail(&normalized)));
        }
    }
    keys.truncate(MAX_KEYS);
    keys
}

/// Upper-case alphanumerics of an identifier, if long enough to be selective.
fn id_key(raw: &str) -> Option<String> {
    let id: String = raw.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect();
    (id.len() >= 4).then_some(id)
}
