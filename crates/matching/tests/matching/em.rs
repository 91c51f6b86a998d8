//! EM recovers sensible m/u probabilities from an unlabelled mixture.

use sendero_matching::{estimate_weights, ComparisonVector, Field, Level, Weights, N_FIELDS};

/// Deterministic xorshift so the test needs no RNG crate.
struct Rng(u64);
impl Rng {
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
    fn pick(&mut self, options: &[(Level, f64)]) -> Level {
        let mut x = self.unit();
        for (level, p) in options {
            if x < *p {
                return *level;
            }
            x -= p;
        }
        options[options.len() - 1].0
    }
}

/// Probability of each level.
type Distribution = &'static [(Level, f64)];

fn vector(rng: &mut Rng, is_match: bool) -> ComparisonVector {
    let mut levels = [Level::Missing; N_FIELDS];
    let (names, dob): (Distribution, Distribution) = if is_match {
        (&[(Level::Exact, 0.8), (Level::Similar, 0.15), (Level::Disagree, 0.05)], &[(Level::Exact, 0.85), (Level::YearOnly, 0.1), (Level::Disagree, 0.05)])
    } else {
        (&[(Level::Exact, 0.03), (Level::Similar, 0.07), (Level::Disagree, 0.9)], &[(Level::Exact, 0.01), (Level::YearOnly, 0.1), (Level::Disagree, 0.89)])
    };
    levels[Field::GivenName.index()] = rng.pick(names);
    levels[Field::FamilyName.index()] = rng.pick(names);
    levels[Field::BirthDate.index()] = rng.pick(dob);
    ComparisonVector { levels }
}

#[test]
fn em_recovers_m_greater_than_u_for_exact_names() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let vectors: Vec<ComparisonVector> = (0..20_000)
        .map(|_| {
            let is_match = rng.unit() < 0.1;
            vector(&mut rng, is_match)
        })
        .collect();
    // Start from deliberately uninformative weights.
    let mut initial = Weights::default();
    for f in [Field::GivenName, Field::FamilyName, Field::BirthDate] {
        let n = f.levels().len() as f64;
        for l in f.levels() {
            initial.set(f, *l, 1.0 / n, 1.0 / n);
        }
        initial.set(f, Level::Exact, 0.5, 0.1);
    }
    initial.prior = 0.3;
    let w = estimate_weights(&vectors, &initial, 200);
    for f in [Field::GivenName, Field::FamilyName] {
        let (m, u) = (w.m(f, Level::Exact), w.u(f, Level::Exact));
        assert!(m > 0.7 && u < 0.06, "{f:?}: m={m} u={u}");
        assert!(w.m(f, Level::Disagree) < w.u(f, Level::Disagree));
    }
    assert!(w.m(Field::BirthDate, Level::Exact) > 0.75);
    assert!((w.prior - 0.1).abs() < 0.03, "prior {}", w.prior);
}

#[test]
fn em_on_nothing_returns_initial() {
    let w = Weights::default();
    assert_eq!(estimate_weights(&[], &w, 10), w);
}
