//! Batch scan over many records.

use crate::person;
use sendero_matching::{scan, scan_with_block_cap, PersonRecord, Weights};

fn sample() -> Vec<PersonRecord> {
    vec![
        person(10, "José", "Hernández López", Some((1988, 5, 17))),
        person(11, "Jose", "Hernandez", Some((1988, 5, 17))),
        person(20, "Mohammed", "Ahmadi", Some((1979, 1, 1))),
        person(21, "محمد", "احمدی", Some((1979, 1, 1))),
        person(30, "Ahmad", "Rahimi", Some((1990, 2, 14))),
        person(31, "Rahimi", "Ahmad", Some((1990, 2, 14))),
        person(40, "Marie", "Jean-Baptiste", Some((2000, 10, 10))),
        person(50, "Guadalupe", "Ortiz", Some((1965, 4, 4))),
    ]
}

#[test]
fn scan_finds_the_duplicates_once_each_sorted() {
    let pairs = scan(&sample(), &Weights::default(), 10.0);
    let ids: Vec<(i64, i64)> = pairs.iter().map(|p| (p.left_id, p.right_id)).collect();
    for want in [(10, 11), (20, 21), (30, 31)] {
        assert_eq!(ids.iter().filter(|p| **p == want).count(), 1, "{ids:?}");
    }
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert!(pairs.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(pairs.iter().all(|p| p.probability > 0.5));
}

#[test]
fn oversize_blocks_are_skipped() {
    // 50 people with identical blocking data: block cap 10 skips them all.
    let same: Vec<PersonRecord> = (0..50).map(|i| person(i, "Ana", "Garcia", Some((1990, 1, 1)))).collect();
    assert!(scan_with_block_cap(&same, &Weights::default(), 0.0, 10).is_empty());
    assert_eq!(scan(&same, &Weights::default(), 0.0).len(), 50 * 49 / 2);
}

#[test]
fn scan_of_nothing_is_empty() {
    assert!(scan(&[], &Weights::default(), 0.0).is_empty());
    assert!(scan(&[person(1, "", "", None)], &Weights::default(), 0.0).is_empty());
}
