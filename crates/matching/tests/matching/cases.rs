//! Concrete people the matcher must get right.

use crate::person;
use sendero_matching::{blocking_keys, compare, Field, Level, Weights};

fn shared_keys(a: &sendero_matching::PersonRecord, b: &sendero_matching::PersonRecord) -> Vec<String> {
    let kb = blocking_keys(b);
    blocking_keys(a).into_iter().filter(|k| kb.contains(k)).collect()
}

#[test]
fn spanish_double_surname_dropped_and_accents_lost() {
    let w = Weights::default();
    let a = person(1, "José", "Hernández López", Some((1988, 5, 17)));
    let b = person(2, "Jose", "Hernandez", Some((1988, 5, 17)));
    let r = compare(&a, &b, &w);
    assert!(r.probability > 0.9, "probability {}", r.probability);
    let family = r.fields.iter().find(|f| f.field == Field::FamilyName).unwrap();
    assert_eq!(family.level, Level::TokenOverlap);
    let explanation = r.explain().join("; ");
    assert!(explanation.contains("surname 'Hernández López' ~ 'Hernandez'"), "{explanation}");
    assert!(!shared_keys(&a, &b).is_empty());
}

#[test]
fn spanish_names_without_dob_still_match_on_names() {
    let w = Weights::default();
    let a = person(1, "José", "Hernández López", None);
    let b = person(2, "Jose", "Hernandez", None);
    let r = compare(&a, &b, &w);
    assert!(r.score > 8.0, "score {}", r.score);
    assert!(!shared_keys(&a, &b).is_empty());
}

#[test]
fn dari_script_meets_latin_romanisation() {
    let w = Weights::default();
    let mut a = person(1, "Mohammed", "Ahmadi", Some((1979, 1, 1)));
    let mut b = person(2, "محمد", "احمدی", Some((1979, 1, 1)));
    a.country = Some("AF".into());
    b.country = Some("Afghanistan".into());
    assert!(!shared_keys(&a, &b).is_empty(), "{:?} / {:?}", blocking_keys(&a), blocking_keys(&b));
    let r = compare(&a, &b, &w);
    assert!(r.probability > 0.9, "{r:?}");
    let given = r.fields.iter().find(|f| f.field == Field::GivenName).unwrap();
    assert_eq!(given.level, Level::Phonetic);
}

#[test]
fn arabic_romanisation_variants() {
    let w = Weights::default();
    let a = person(1, "Muhammad", "Al-Hassan", Some((1985, 6, 2)));
    let b = person(2, "Mohamed", "Hasan", Some((1985, 6, 2)));
    let r = compare(&a, &b, &w);
    assert!(r.probability > 0.9, "{:?}", r.explain());
    assert!(!shared_keys(&a, &b).is_empty());
}

#[test]
fn haitian_creole_spellings() {
    let w = Weights::default();
    let a = person(1, "Jean Joseph", "Pierre-Louis", Some((1992, 11, 30)));
    let b = person(2, "Jan Jozef", "Pierre Louis", Some((1992, 11, 30)));
    let r = compare(&a, &b, &w);
    assert!(r.probability > 0.9, "{:?}", r.explain());
}

#[test]
fn swapped_given_and_family_names() {
    let w = Weights::default();
    let a = person(1, "Ahmad", "Rahimi", Some((1990, 2, 14)));
    let b = person(2, "Rahimi", "Ahmad", Some((1990, 2, 14)));
    let r = compare(&a, &b, &w);
    let given = r.fields.iter().find(|f| f.field == Field::GivenName).unwrap();
    assert_eq!(given.level, Level::Transposed);
    assert!(r.probability > 0.9, "{:?}", r.explain());
    assert!(r.explain().iter().any(|e| e.contains("swapped")));
    assert!(!shared_keys(&a, &b).is_empty());
}

#[test]
fn transposed_day_and_month() {
    let w = Weights::default();
    let a = person(1, "Fatima", "Noori", Some((1990, 3, 4)));
    let b = person(2, "Fatima", "Noori", Some((1990, 4, 3)));
    let r = compare(&a, &b, &w);
    let dob = r.fields.iter().find(|f| f.field == Field::BirthDate).unwrap();
    assert_eq!(dob.level, Level::Transposed);
    assert!(dob.weight > 0.0);
    assert!(r.probability > 0.9);
    assert!(r.explain().iter().any(|e| e.contains("day and month swapped")));
}

#[test]
fn year_off_by_one_and_changed_phone_keep_a_shared_key() {
    let mut a = person(1, "Wilson", "Pérez", Some((2001, 8, 9)));
    let mut b = person(2, "Wilson", "Perez", Some((2002, 8, 9)));
    a.phones = vec!["(202) 555-0143".into()];
    b.phones = vec!["+1 301 555 0143".into()];
    assert!(!shared_keys(&a, &b).is_empty());
    let r = compare(&a, &b, &Weights::default());
    assert!(r.explain().iter().any(|e| e == "phone shares last 7 digits"));
    assert!(r.explain().iter().any(|e| e.contains("one year apart")));
}

#[test]
fn different_people_score_low() {
    let w = Weights::default();
    let mut a = person(1, "María Elena", "Gómez Ruiz", Some((1975, 12, 1)));
    let mut b = person(2, "Abdul", "Karimi", Some((2004, 6, 21)));
    a.phones = vec!["555-201-3344".into()];
    b.phones = vec!["555-987-1200".into()];
    let r = compare(&a, &b, &w);
    assert!(r.score < -10.0, "score {}", r.score);
    assert!(r.probability < 0.001);
    assert!(shared_keys(&a, &b).is_empty());
}

#[test]
fn same_name_different_birth_dates_is_not_a_match() {
    let w = Weights::default();
    let a = person(1, "Mohammed", "Ahmadi", Some((1979, 1, 1)));
    let b = person(2, "Mohammed", "Ahmadi", Some((2010, 7, 15)));
    assert!(compare(&a, &b, &w).probability < 0.5);
}

#[test]
fn household_and_ids_add_evidence() {
    let w = Weights::default();
    let mut a = person(1, "Ana", "Morales", None);
    let mut b = person(2, "Ana", "Morales", None);
    let base = compare(&a, &b, &w).score;
    a.household_names = vec!["Luis Morales".into()];
    b.household_names = vec!["Luís Morales".into()];
    a.other_ids = vec!["A-123-456-789".into()];
    b.other_ids = vec!["A123456789".into()];
    let r = compare(&a, &b, &w);
    assert!(r.score > base + 10.0);
    assert!(r.explain().iter().any(|e| e.contains("household")));
}

#[test]
fn empty_records_compare_neutrally() {
    let w = Weights::default();
    let a = person(1, "", "", None);
    let r = compare(&a, &a.clone(), &w);
    assert_eq!(r.score, 0.0);
    assert!(r.explain().is_empty());
    assert!(blocking_keys(&a).is_empty());
}
