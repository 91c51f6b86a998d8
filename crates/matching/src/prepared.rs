//! A record with every field normalised once, so that scoring a pair does
//! no Unicode work and (almost) no allocation.

use crate::normalize::{fold_name, name_tokens, normalize_country, normalize_phone, phone_digits, phonetic};
use crate::record::{BirthDate, PersonRecord};

/// Calling code assumed for phones written without one (the app serves
/// organisations in the United States first).
pub const DEFAULT_CALLING_CODE: &str = "1";

/// How many trailing digits identify a phone across formats and carriers.
pub const PHONE_TAIL_DIGITS: usize = 7;

#[derive(Debug, Clone, Default)]
pub struct PreparedName {
    /// Folded tokens without particles, sorted (order never matters).
    pub sorted_tokens: Vec<String>,
    pub phonetic: Vec<String>,
    /// All folded tokens run together, particles included: "De la Cruz" and
    /// "Delacruz", "Abd al-Rahman" and "Abdulrahman" meet here.
    pub joined: String,
    pub joined_phonetic: String,
}

impl PreparedName {
    pub fn new(raw: &str) -> Self {
        let mut sorted_tokens = name_tokens(raw);
        sorted_tokens.sort();
        let phonetic = sorted_tokens.iter().map(|t| phonetic(t)).collect();
        let joined: String = fold_name(raw).split(' ').collect();
        let joined_phonetic = phonetic_of(&joined);
        PreparedName { sorted_tokens, phonetic, joined, joined_phonetic }
    }

    pub fn is_empty(&self) -> bool {
        self.sorted_tokens.is_empty()
    }
}

fn phonetic_of(s: &str) -> String {
    if s.is_empty() {
        String::new()
    } else {
        phonetic(s)
    }
}

/// A household member's name, reduced to what `household_level` needs
/// (households are many names per record: keep them small).
#[derive(Debug, Clone, Default)]
pub struct HouseholdName {
    /// Sorted tokens joined by spaces: equal for the same name in any order.
    pub canonical: String,
    pub joined: String,
}

impl HouseholdName {
    pub fn new(raw: &str) -> Option<Self> {
        let mut tokens = name_tokens(raw);
        if tokens.is_empty() {
            return None;
        }
        tokens.sort();
        Some(HouseholdName { canonical: tokens.join(" "), joined: fold_name(raw).split(' ').collect() })
    }
}

#[derive(Debug, Clone, Default)]
pub struct PreparedRecord {
    pub id: i64,
    pub given: PreparedName,
    pub family: PreparedName,
    pub dob: Option<BirthDate>,
    /// E.164 where possible, otherwise the bare digits.
    pub phones: Vec<String>,
    pub country: Option<String>,
    pub household: Vec<HouseholdName>,
    /// Upper-case alphanumerics only ("A-123 456 789" → "A123456789").
    pub other_ids: Vec<String>,
    /// Folded address words, sorted.
    pub address: Vec<String>,
}

impl PreparedRecord {
    pub fn new(r: &PersonRecord) -> Self {
        let phones = r
            .phones
            .iter()
            .filter_map(|p| {
                normalize_phone(p, DEFAULT_CALLING_CODE).or_else(|| {
                    let d = phone_digits(p);
                    (d.len() >= PHONE_TAIL_DIGITS).then_some(d)
                })
            })
            .collect();
        let other_ids = r
            .other_ids
            .iter()
            .map(|s| s.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect::<String>())
            .filter(|s| !s.is_empty())
            .collect();
        PreparedRecord {
            id: r.id,
            given: PreparedName::new(&r.given_names),
            family: PreparedName::new(&r.family_names),
            dob: r.dob,
            phones,
            country: r.country.as_deref().and_then(normalize_country),
            household: r.household_names.iter().filter_map(|n| HouseholdName::new(n)).collect(),
            other_ids,
            address: {
                let mut words: Vec<String> =
                    r.address.as_deref().map(fold_name).unwrap_or_default().split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
                words.sort();
                words
            },
        }
    }
}

/// The last `PHONE_TAIL_DIGITS` digits of a normalised phone.
pub fn phone_tail(p: &str) -> &str {
    let digits = p.trim_start_matches('+');
    &digits[digits.len().saturating_sub(PHONE_TAIL_DIGITS)..]
}
