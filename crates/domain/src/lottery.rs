//! The enrollment lottery: a seeded, reproducible, stratified draw that anyone can re-run.
//!
//! Specification (docs/lottery.md; `tools/lottery_verify.py` reimplements it independently):
//! for each candidate, draw key = HMAC-SHA256(key = UTF-8 bytes of the seed,
//! message = "round:<round id>|stratum:<stratum name>|candidate:<public token>"). Each stratum is
//! ordered by draw key ascending (hex, i.e. bytewise), ties broken by token; the first
//! `capacity` are selected, the next `comparison_size` form the comparison group, the rest are
//! wait-listed in that order.

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Version tag of the published-inputs document.
pub const FORMAT: &str = "sendero-lottery/1";

/// Seeds shorter than this are refused: a short seed could be searched for a wanted result.
pub const MIN_SEED_LEN: usize = 8;
pub const MAX_SEED_LEN: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Selected,
    Comparison,
    Waitlist,
}

impl Group {
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Selected => "selected",
            Group::Comparison => "comparison",
            Group::Waitlist => "waitlist",
        }
    }

    pub fn parse(s: &str) -> Option<Group> {
        [Group::Selected, Group::Comparison, Group::Waitlist].into_iter().find(|g| g.as_str() == s)
    }
}

/// How the pool is divided before the draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strata {
    None,
    Site,
    Household,
    SiteHousehold,
}

impl Strata {
    pub const ALL: [Strata; 4] = [Strata::None, Strata::Site, Strata::Household, Strata::SiteHousehold];

    pub fn as_str(self) -> &'static str {
        match self {
            Strata::None => "none",
            Strata::Site => "site",
            Strata::Household => "household",
            Strata::SiteHousehold => "site_household",
        }
    }

    pub fn parse(s: &str) -> Option<Strata> {
        Strata::ALL.into_iter().find(|g| g.as_str() == s)
    }

    /// The stratum name of a candidate at `site` (a site name) who is or is not in a family unit.
    pub fn stratum_of(self, site: &str, family_unit: bool) -> String {
        let household = if family_unit { "family" } else { "single adult" };
        match self {
            Strata::None => "all".to_owned(),
            Strata::Site => format!("site {site}"),
            Strata::Household => household.to_owned(),
            Strata::SiteHousehold => format!("site {site} / {household}"),
        }
    }
}

/// A seed derived from a public value announced after the round opens (e.g. a newspaper's
/// lottery numbers): hex SHA-256 of "sendero-lottery-seed:" followed by the value.
pub fn seed_from_public_value(value: &str) -> String {
    hex::encode(Sha256::digest(format!("sendero-lottery-seed:{}", value.trim()).as_bytes()))
}

pub fn check_seed(seed: &str) -> Result<(), &'static str> {
    let n = seed.chars().count();
    if n < MIN_SEED_LEN {
        Err("lottery-error-seed-short")
    } else if n > MAX_SEED_LEN {
        Err("lottery-error-seed-long")
    } else {
        Ok(())
    }
}

/// HMAC-SHA256 draw key of one candidate, hex-encoded.
pub fn draw_key(seed: &str, round_id: i64, stratum: &str, token: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(seed.as_bytes()).expect("HMAC accepts keys of any length");
    mac.update(format!("round:{round_id}|stratum:{stratum}|candidate:{token}").as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedStratum {
    pub name: String,
    pub capacity: usize,
    pub comparison_size: usize,
    /// Public tokens of the candidates in this stratum (order does not matter).
    pub candidates: Vec<String>,
}

/// Everything needed to re-run a draw, published when the round opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedInputs {
    pub format: String,
    pub round_id: i64,
    pub seed: String,
    /// When the seed was derived from a public value, that value (so anyone can re-derive it).
    pub public_value: Option<String>,
    pub strata: Vec<PublishedStratum>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub token: String,
    pub stratum: String,
    /// 1-based position within the stratum.
    pub rank: usize,
    pub group: Group,
    pub draw_key: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DrawOutcome {
    pub assignments: Vec<Assignment>,
    /// Strata whose capacity was at least their pool: everyone there is selected.
    pub everyone_selected: Vec<String>,
}

impl PublishedInputs {
    /// Inputs are consistent when the seed matches its public value and no token repeats.
    pub fn check(&self) -> Result<(), String> {
        if self.format != FORMAT {
            return Err(format!("unknown format {:?} (expected {FORMAT})", self.format));
        }
        if let Some(v) = &self.public_value {
            if seed_from_public_value(v) != self.seed {
                return Err("the seed does not match the published public value".to_owned());
            }
        }
        let mut seen = std::collections::HashSet::new();
        for s in &self.strata {
            for t in &s.candidates {
                if !seen.insert(t.as_str()) {
                    return Err(format!("candidate {t} appears twice"));
                }
            }
        }
        Ok(())
    }
}

/// Run the draw. Pure and deterministic: same inputs, same outcome, on every machine.
pub fn draw(inputs: &PublishedInputs) -> DrawOutcome {
    let mut assignments = Vec::new();
    let mut everyone_selected = Vec::new();
    for stratum in &inputs.strata {
        let mut keyed: Vec<(String, &str)> =
            stratum.candidates.iter().map(|t| (draw_key(&inputs.seed, inputs.round_id, &stratum.name, t), t.as_str())).collect();
        keyed.sort();
        if stratum.capacity >= keyed.len() && !keyed.is_empty() {
            everyone_selected.push(stratum.name.clone());
        }
        for (i, (key, token)) in keyed.into_iter().enumerate() {
            let group = if i < stratum.capacity {
                Group::Selected
            } else if i < stratum.capacity + stratum.comparison_size {
                Group::Comparison
            } else {
                Group::Waitlist
            };
            assignments.push(Assignment { token: token.to_owned(), stratum: stratum.name.clone(), rank: i + 1, group, draw_key: key });
        }
    }
    DrawOutcome { assignments, everyone_selected }
}

/// A public token for a candidate: 10 characters of Crockford base-32 from `random` bytes, so
/// that the published list says nothing about who the person is.
pub fn token_from_bytes(random: [u8; 8]) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut n = u64::from_be_bytes(random);
    let mut out = String::from("C-");
    for _ in 0..10 {
        out.push(ALPHABET[(n % 32) as usize] as char);
        n /= 32;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(seed: &str, capacity: usize, comparison: usize, n: usize) -> PublishedInputs {
        PublishedInputs {
            format: FORMAT.to_owned(),
            round_id: 7,
            seed: seed.to_owned(),
            public_value: None,
            strata: vec![PublishedStratum {
                name: "all".into(),
                capacity,
                comparison_size: comparison,
                candidates: (0..n).map(|i| format!("C-{i:04}")).collect(),
            }],
        }
    }

    #[test]
    fn draw_key_matches_a_published_hmac_vector() {
        // Key "Jefe" (as in RFC 4231) over a draw message; the value was computed independently
        // with Python's hmac module: hmac.new(b"Jefe", b"round:1|stratum:all|candidate:C-1", sha256).
        assert_eq!(draw_key("Jefe", 1, "all", "C-1"), "0e2bcdd65fc275deb5b1005609ae7a2b6c34b0e80f82d7a0baa927cc109d3bda");
    }

    #[test]
    fn same_inputs_same_draw_and_groups_in_order() {
        let a = draw(&inputs("published seed 2026", 3, 2, 10));
        let b = draw(&inputs("published seed 2026", 3, 2, 10));
        assert_eq!(a, b);
        let groups: Vec<Group> = a.assignments.iter().map(|x| x.group).collect();
        assert_eq!(&groups[..3], &[Group::Selected; 3]);
        assert_eq!(&groups[3..5], &[Group::Comparison; 2]);
        assert!(groups[5..].iter().all(|g| *g == Group::Waitlist));
        assert!(a.assignments.windows(2).all(|w| w[0].draw_key < w[1].draw_key));
        assert!(a.everyone_selected.is_empty());
        let c = draw(&inputs("another seed 2026", 3, 2, 10));
        assert_ne!(a.assignments, c.assignments);
    }

    #[test]
    fn capacity_above_pool_selects_everyone_and_says_so() {
        let out = draw(&inputs("published seed 2026", 50, 5, 4));
        assert!(out.assignments.iter().all(|a| a.group == Group::Selected));
        assert_eq!(out.everyone_selected, vec!["all".to_owned()]);
    }

    #[test]
    fn public_value_seeds_are_checked() {
        let mut i = inputs(&seed_from_public_value("NY Lotto 2026-11-25: 04 11 23 38 41 52"), 1, 1, 3);
        i.public_value = Some("NY Lotto 2026-11-25: 04 11 23 38 41 52".into());
        assert!(i.check().is_ok());
        i.seed = "tampered-seed-value".into();
        assert!(i.check().is_err());
        assert_eq!(check_seed("short"), Err("lottery-error-seed-short"));
    }

    /// Each candidate position should be selected equally often across many seeds: a
    /// chi-square goodness-of-fit test over a fixed seed set (so the test is deterministic).
    #[test]
    fn selection_is_uniform_over_positions() {
        let (n, capacity, seeds) = (20usize, 5usize, 4000usize);
        let mut selected = vec![0f64; n];
        for s in 0..seeds {
            let out = draw(&inputs(&format!("uniformity-seed-{s:05}"), capacity, 0, n));
            for a in out.assignments.iter().filter(|a| a.group == Group::Selected) {
                let position: usize = a.token[2..].parse().unwrap();
                selected[position] += 1.0;
            }
        }
        let expected = vec![(seeds * capacity) as f64 / n as f64; n];
        let test = sendero_stats::chi_square_gof(&selected, &expected).unwrap();
        assert_eq!(test.df, (n - 1) as f64);
        assert!(test.p_value > 0.01, "selection is not uniform: chi2 = {}, p = {}", test.statistic, test.p_value);
    }

    #[test]
    fn tokens_are_opaque_and_fixed_length() {
        let t = token_from_bytes([1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(t.len(), 12);
        assert!(t.starts_with("C-"));
    }
}
