//! Criterion benchmarks: per-pair scoring, blocking keys, folding, and a
//! 100k-record batch scan on synthetic caseload-like records.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use sendero_matching::normalize::fold_name;
use sendero_matching::{blocking_keys, compare, scan, BirthDate, PersonRecord, Weights};

const GIVEN: &[&str] = &[
    "José",
    "María Elena",
    "Mohammed",
    "محمد",
    "Fatima",
    "Jean Robert",
    "Guadalupe",
    "Ahmad",
    "Wislande",
    "Yesenia",
    "Hussain",
    "Oscar Kevin",
    "Marie Carmel",
    "Khalid",
    "Ximena",
];
const FAMILY: &[&str] = &[
    "Hernández López",
    "Ahmadi",
    "احمدی",
    "Jean-Baptiste",
    "García",
    "Rahimi",
    "Pierre-Louis",
    "Castillo Núñez",
    "Hosseini",
    "Morales",
    "Exantus",
    "Quintero",
    "Noori",
    "de la Cruz",
    "Karimi",
    "Villalobos",
    "Saint-Fleur",
    "Peña Ortiz",
    "Sultani",
    "Mejía",
];

/// Deterministic records; names repeat with varied years and phones, with
/// one spelling-variant duplicate per 5 records.
fn records(n: usize) -> Vec<PersonRecord> {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..n)
        .map(|i| {
            let r = next();
            let mut given = GIVEN[(r % GIVEN.len() as u64) as usize].to_string();
            let family = FAMILY[((r >> 8) % FAMILY.len() as u64) as usize].to_string();
            if i % 5 == 4 {
                given = fold_name(&given); // accents lost on re-registration
            }
            PersonRecord {
                id: i as i64,
                given_names: given,
                family_names: family,
                dob: Some(BirthDate::ymd(1940 + ((r >> 16) % 80) as i32, 1 + ((r >> 24) % 12) as u32, 1 + ((r >> 32) % 28) as u32)),
                phones: vec![format!("555{:07}", (r >> 40) % 10_000_000)],
                country: Some("MX".into()),
                ..Default::default()
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let w = Weights::default();
    let a = PersonRecord {
        id: 1,
        given_names: "José".into(),
        family_names: "Hernández López".into(),
        dob: Some(BirthDate::ymd(1988, 5, 17)),
        phones: vec!["(202) 555-0143".into()],
        country: Some("MX".into()),
        household_names: vec!["Ana López".into()],
        ..Default::default()
    };
    let b = PersonRecord {
        id: 2,
        given_names: "Jose".into(),
        family_names: "Hernandez".into(),
        dob: Some(BirthDate::ymd(1988, 5, 17)),
        phones: vec!["+1 301 555 0143".into()],
        country: Some("Mexico".into()),
        household_names: vec!["Ana Lopez".into()],
        ..Default::default()
    };
    c.bench_function("compare (pair, incl. normalisation)", |bench| bench.iter(|| compare(black_box(&a), black_box(&b), &w)));
    c.bench_function("blocking_keys", |bench| bench.iter(|| blocking_keys(black_box(&a))));
    c.bench_function("fold_name (latin)", |bench| bench.iter(|| fold_name(black_box("José María Hernández-López"))));
    c.bench_function("fold_name (dari)", |bench| bench.iter(|| fold_name(black_box("محمد احمدی"))));

    let people = records(100_000);
    let mut group = c.benchmark_group("scan");
    group.sample_size(10);
    group.bench_function("scan 100k records", |bench| bench.iter(|| scan(black_box(&people), &w, 10.0)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
