//! Properties over arbitrary input: idempotence, symmetry, bounds, no panics.

use proptest::prelude::*;
use sendero_matching::normalize::{fold_name, name_tokens, normalize_phone, phonetic};
use sendero_matching::similarity::{jaro_winkler, token_set_similarity};
use sendero_matching::{blocking_keys, compare, BirthDate, PersonRecord, Weights};

/// Names drawn from the scripts and spellings the project sees, plus noise.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,20}",
        "[a-zA-ZáéíóúñÑüÜçèêëàâîôûœ' -]{0,24}",
        "[\u{0621}-\u{064A}\u{067E}\u{0686}\u{06AF}\u{06CC} ]{0,16}",
        Just("José Hernández López".to_string()),
        Just("محمد احمدی".to_string()),
        Just("😀🇭🇹".to_string()),
    ]
}

fn date() -> impl Strategy<Value = Option<BirthDate>> {
    proptest::option::of(
        (any::<i32>(), proptest::option::of(any::<u32>()), proptest::option::of(any::<u32>()), any::<bool>())
            .prop_map(|(year, month, day, approximate)| BirthDate { year, month, day, approximate }),
    )
}

fn record() -> impl Strategy<Value = PersonRecord> {
    (
        any::<i64>(),
        name(),
        name(),
        date(),
        proptest::collection::vec("\\PC{0,16}", 0..3),
        proptest::option::of("\\PC{0,12}"),
        proptest::collection::vec(name(), 0..3),
        proptest::collection::vec("\\PC{0,12}", 0..2),
        proptest::option::of("\\PC{0,30}"),
    )
        .prop_map(|(id, given, family, dob, phones, country, household, other_ids, address)| PersonRecord {
            id,
            given_names: given,
            family_names: family,
            dob,
            phones,
            country,
            household_names: household,
            other_ids,
            address,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn fold_name_is_idempotent(s in name()) {
        let once = fold_name(&s);
        prop_assert_eq!(fold_name(&once), once.clone());
        prop_assert!(once.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b' '));
    }

    #[test]
    fn jaro_winkler_is_symmetric_bounded_reflexive(a in name(), b in name()) {
        let (fa, fb) = (fold_name(&a), fold_name(&b));
        let s = jaro_winkler(&fa, &fb);
        prop_assert_eq!(s, jaro_winkler(&fb, &fa));
        prop_assert!((0.0..=1.0).contains(&s));
        if !fa.is_empty() {
            prop_assert_eq!(jaro_winkler(&fa, &fa), 1.0);
        }
    }

    #[test]
    fn token_set_similarity_is_symmetric_bounded_reflexive(a in name(), b in name()) {
        let (ta, tb) = (name_tokens(&a), name_tokens(&b));
        let s = token_set_similarity(&ta, &tb);
        prop_assert!((s - token_set_similarity(&tb, &ta)).abs() < 1e-12);
        prop_assert!((0.0..=1.0).contains(&s));
        if !ta.is_empty() {
            prop_assert!((token_set_similarity(&ta, &ta) - 1.0).abs() < 1e-12);
        }
    }

    #[test]
    fn compare_is_symmetric_and_finite(a in record(), b in record()) {
        let w = Weights::default();
        let ab = compare(&a, &b, &w);
        let ba = compare(&b, &a, &w);
        prop_assert!((ab.score - ba.score).abs() < 1e-9, "{} vs {}", ab.score, ba.score);
        prop_assert!(ab.score.is_finite());
        prop_assert!((0.0..=1.0).contains(&ab.probability));
        let _ = ab.explain();
    }

    #[test]
    fn nothing_panics_on_arbitrary_input(r in record(), s in "\\PC{0,30}", cc in "\\PC{0,4}") {
        let keys = blocking_keys(&r);
        prop_assert!(keys.len() <= sendero_matching::MAX_KEYS);
        let _ = phonetic(&s);
        let _ = normalize_phone(&s, &cc);
        let _ = BirthDate::parse(&s);
        let _ = compare(&r, &r, &Weights::default());
    }
}
