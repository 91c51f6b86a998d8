//! Per-field agreement levels for a pair of prepared records.

use crate::fields::{ComparisonVector, Field, Level, N_FIELDS};
use crate::prepared::{phone_tail, HouseholdName, PreparedName, PreparedRecord};
use crate::record::BirthDate;
use crate::similarity::{jaro_winkler, one_typo_apart, token_set_similarity};

/// Jaro–Winkler at or above this counts as a spelling variant.
pub const SIMILAR_NAME: f64 = 0.9;

/// Level and best similarity for two names.
pub fn name_level(a: &PreparedName, b: &PreparedName) -> (Level, f64) {
    if a.is_empty() || b.is_empty() {
        return (Level::Missing, 0.0);
    }
    if a.sorted_tokens == b.sorted_tokens {
        return (Level::Exact, 1.0);
    }
    let sim = token_set_similarity(&a.sorted_tokens, &b.sorted_tokens).max(jaro_winkler(&a.joined, &b.joined));
    if is_subset(&a.sorted_tokens, &b.sorted_tokens) || is_subset(&b.sorted_tokens, &a.sorted_tokens) {
        return (Level::TokenOverlap, sim);
    }
    if sim >= SIMILAR_NAME {
        return (Level::Similar, sim);
    }
    // Every token of the shorter name sounds like one of the longer's
    // (both directions when equally long, for symmetry).
    let sounds_within = |x: &[String], y: &[String]| x.len() <= y.len() && x.iter().all(|p| y.contains(p));
    let all_sound_alike = sounds_within(&a.phonetic, &b.phonetic) || sounds_within(&b.phonetic, &a.phonetic);
    if all_sound_alike || a.joined_phonetic == b.joined_phonetic {
        return (Level::Phonetic, sim);
    }
    (Level::Disagree, sim)
}

/// Size of the multiset intersection of two sorted lists.
fn shared_sorted(a: &[String], b: &[String]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Multiset inclusion of sorted token lists.
fn is_subset(small: &[String], large: &[String]) -> bool {
    let mut it = large.iter();
    small.iter().all(|s| it.any(|l| l == s))
}

fn strength(l: Level) -> u8 {
    match l {
        Level::Exact => 5,
        Level::TokenOverlap => 4,
        Level::Similar => 3,
        Level::Phonetic => 2,
        _ => 0,
    }
}

/// Given and family name levels, detecting names entered in the other
/// field: a full swap ("Rahimi Ahmad") or one name moved across
/// ("Barnaby Reid" vs "Siggins Barnaby"). A name matched across fields
/// gets `Transposed`; the other keeps the level of its cross comparison.
pub fn names_levels(a: &PreparedRecord, b: &PreparedRecord) -> [(Level, f64); 2] {
    let given = name_level(&a.given, &b.given);
    let family = name_level(&a.family, &b.family);
    // A swap only needs checking when the straight reading is weak.
    if strength(given.0) >= 3 && strength(family.0) >= 3 {
        return [given, family];
    }
    let g_as_f = name_level(&a.given, &b.family);
    let f_as_g = name_level(&a.family, &b.given);
    let (sg, sf) = (strength(g_as_f.0), strength(f_as_g.0));
    // A single name seen across fields must agree exactly: Afghan surnames
    // are often derived from given names ("Ahmad" / "Ahmadi"), so a merely
    // similar cross match is common between different people.
    let full_swap = sg.min(sf) >= 3;
    let partial = sg.max(sf) >= 4;
    if (full_swap || partial) && sg + sf > strength(given.0) + strength(family.0) {
        let cross = |(level, sim): (Level, f64)| {
            if strength(level) >= 3 {
                (Level::Transposed, sim)
            } else {
                (level, sim)
            }
        };
        // Stronger cross match reported as the given name, so that the
        // result does not depend on which record is `a` (symmetry).
        let (x, y) = (cross(g_as_f), cross(f_as_g));
        if (strength(x.0), x.0) >= (strength(y.0), y.0) {
            [x, y]
        } else {
            [y, x]
        }
    } else {
        [given, family]
    }
}

/// Birth-date level: exact, day/month swapped, ±1 year, one-digit typo,
/// same year, disagree, missing.
pub fn dob_level(a: Option<&BirthDate>, b: Option<&BirthDate>) -> Level {
    let (Some(a), Some(b)) = (a, b) else {
        return Level::Missing;
    };
    let year_gap = (i64::from(a.year) - i64::from(b.year)).abs();
    match (a.month_day(), b.month_day()) {
        (Some(x), Some(y)) => {
            if year_gap == 0 && x == y {
                Level::Exact
            } else if year_gap == 0 && x == (y.1, y.0) {
                Level::Transposed
            } else if year_gap == 1 && x == y {
                Level::WithinOneYear
            } else if one_typo_apart(&digits(a, x), &digits(b, y)) {
                Level::Similar
            } else if year_gap == 0 {
                Level::YearOnly
            } else {
                Level::Disagree
            }
        }
        // Partial dates can only agree on the year.
        _ if year_gap == 0 => Level::YearOnly,
        _ if year_gap == 1 && (a.approximate || b.approximate) => Level::WithinOneYear,
        _ => Level::Disagree,
    }
}

fn digits(d: &BirthDate, (m, day): (u32, u32)) -> String {
    format!("{:04}{:02}{:02}", d.year, m, day)
}

pub fn phone_level(a: &[String], b: &[String]) -> Level {
    if a.is_empty() || b.is_empty() {
        return Level::Missing;
    }
    if a.iter().any(|x| b.contains(x)) {
        Level::Exact
    } else if a.iter().any(|x| b.iter().any(|y| phone_tail(x) == phone_tail(y))) {
        Level::LastDigits
    } else {
        Level::Disagree
    }
}

pub fn country_level(a: Option<&str>, b: Option<&str>) -> Level {
    match (a, b) {
        (Some(x), Some(y)) if x == y => Level::Exact,
        (Some(_), Some(_)) => Level::Disagree,
        _ => Level::Missing,
    }
}

/// Exact if any household member has the same name, Similar if any is a
/// close variant (compared as whole names: cheap, and order rarely varies
/// within one family's records).
pub fn household_level(a: &[HouseholdName], b: &[HouseholdName]) -> Level {
    if a.is_empty() || b.is_empty() {
        return Level::Missing;
    }
    let mut best = Level::Disagree;
    for x in a {
        for y in b {
            if x.canonical == y.canonical {
                return Level::Exact;
            }
            if jaro_winkler(&x.joined, &y.joined) >= SIMILAR_NAME {
                best = Level::Similar;
            }
        }
    }
    best
}

pub fn other_id_level(a: &[String], b: &[String]) -> Level {
    if a.is_empty() || b.is_empty() {
        return Level::Missing;
    }
    if a.iter().any(|x| b.contains(x)) {
        Level::Exact
    } else if a.iter().any(|x| b.iter().any(|y| one_typo_apart(x, y))) {
        Level::Similar
    } else {
        Level::Disagree
    }
}

/// Exact (same words), Similar (fuzzy word match ≥ 0.9), TokenOverlap (at
/// least half the shorter address's words shared), Disagree.
pub fn address_level(a: &[String], b: &[String]) -> Level {
    if a.is_empty() || b.is_empty() {
        return Level::Missing;
    }
    if a == b {
        return Level::Exact;
    }
    if token_set_similarity(a, b) >= SIMILAR_NAME {
        return Level::Similar;
    }
    let shared = shared_sorted(a, b);
    if 2 * shared >= a.len().min(b.len()) {
        Level::TokenOverlap
    } else {
        Level::Disagree
    }
}

/// All field levels plus the name similarities (given, family).
pub fn compare_prepared(a: &PreparedRecord, b: &PreparedRecord) -> (ComparisonVector, [f64; 2]) {
    let [given, family] = names_levels(a, b);
    let mut levels = [Level::Missing; N_FIELDS];
    levels[Field::GivenName.index()] = given.0;
    levels[Field::FamilyName.index()] = family.0;
    levels[Field::BirthDate.index()] = dob_level(a.dob.as_ref(), b.dob.as_ref());
    levels[Field::Phone.index()] = phone_level(&a.phones, &b.phones);
    levels[Field::Country.index()] = country_level(a.country.as_deref(), b.country.as_deref());
    levels[Field::Household.index()] = household_level(&a.household, &b.household);
    levels[Field::OtherId.index()] = other_id_level(&a.other_ids, &b.other_ids);
    levels[Field::Address.index()] = address_level(&a.address, &b.address);
    (ComparisonVector { levels }, [given.1, family.1])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> PreparedName {
        PreparedName::new(s)
    }

    #[test]
    fn name_levels() {
        let lv = |a: &str, b: &str| name_level(&name(a), &name(b)).0;
        assert_eq!(lv("López Hernández", "Hernandez Lopez"), Level::Exact);
        assert_eq!(lv("Hernández López", "Hernandez"), Level::TokenOverlap);
        assert_eq!(lv("Jonathan", "Jonathon"), Level::Similar);
        assert_eq!(lv("Mohammed", "محمد"), Level::Phonetic);
        assert_eq!(lv("Maria", "Fatima"), Level::Disagree);
        assert_eq!(lv("", "Fatima"), Level::Missing);
        assert_eq!(lv("De la Cruz", "Delacruz"), Level::Similar);
    }

    #[test]
    fn dob_levels() {
        let d = BirthDate::ymd;
        let lv = |a: BirthDate, b: BirthDate| dob_level(Some(&a), Some(&b));
        assert_eq!(lv(d(1990, 3, 4), d(1990, 3, 4)), Level::Exact);
        assert_eq!(lv(d(1990, 3, 4), d(1990, 4, 3)), Level::Transposed);
        assert_eq!(lv(d(1990, 3, 4), d(1991, 3, 4)), Level::WithinOneYear);
        assert_eq!(lv(d(1990, 3, 4), d(1990, 3, 5)), Level::Similar);
        assert_eq!(lv(d(1990, 3, 4), d(1990, 7, 20)), Level::YearOnly);
        assert_eq!(lv(d(1990, 3, 4), BirthDate::year_only(1990)), Level::YearOnly);
        assert_eq!(lv(d(1990, 3, 4), d(1975, 7, 20)), Level::Disagree);
        assert_eq!(dob_level(None, Some(&d(1990, 1, 1))), Level::Missing);
    }
}
