//! A stable-toolchain fuzz harness for the importer (the cargo-fuzz target is in `fuzz/`):
//! random byte edits, truncations and insertions into a valid directory, in both forms. The
//! importer must never panic; a failed import names at least one problem (with its file); a
//! successful one round-trips exactly through the JSON form.
//!
//! Iterations: `HSDS_FUZZ_CASES` (default 300 per form).

use std::collections::BTreeMap;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn sample_json() -> Vec<u8> {
    include_bytes!("../sample/demo-directory.json").to_vec()
}

fn sample_package() -> BTreeMap<String, Vec<u8>> {
    let files = BTreeMap::from([("d.json".to_owned(), sample_json())]);
    sendero_hsds::to_datapackage(&sendero_hsds::import(&files).unwrap())
}

#[derive(Debug, Clone)]
enum Edit {
    Flip(usize, u8),
    Truncate(usize),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let byte = prop_oneof![Just(b','), Just(b'"'), Just(b'\n'), Just(b'{'), Just(b':'), Just(b'-'), any::<u8>()];
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Edit::Flip(i, b)),
        any::<usize>().prop_map(Edit::Truncate),
        (any::<usize>(), prop::collection::vec(byte, 1..8)).prop_map(|(i, v)| Edit::Insert(i, v)),
        (any::<usize>(), 1usize..64).prop_map(|(i, n)| Edit::Delete(i, n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, e: &Edit) {
    if bytes.is_empty() {
        return;
    }
    match e {
        Edit::Flip(i, b) => {
            let i = i % bytes.len();
            bytes[i] = *b;
        }
        Edit::Truncate(i) => bytes.truncate(i % bytes.len()),
        Edit::Insert(i, v) => {
            let i = i % bytes.len();
            bytes.splice(i..i, v.iter().copied());
        }
        Edit::Delete(i, n) => {
            let i = i % bytes.len();
            let end = (i + n).min(bytes.len());
            bytes.drain(i..end);
        }
    }
}

fn check(files: &BTreeMap<String, Vec<u8>>) -> Result<(), TestCaseError> {
    match sendero_hsds::import(files) {
        Ok(dir) => {
            let again = sendero_hsds::import(&BTreeMap::from([("x.json".to_owned(), sendero_hsds::to_json(&dir))]));
            prop_assert_eq!(again.as_ref().ok(), Some(&dir), "JSON round trip");
            prop_assert_eq!(sendero_hsds::index(&dir).len(), dir.len("service"));
        }
        Err(errors) => {
            prop_assert!(!errors.0.is_empty());
            prop_assert!(errors.0.len() <= sendero_hsds::MAX_ERRORS);
            prop_assert!(errors.0.iter().all(|e| !e.file.is_empty() && !e.message.is_empty()), "{:?}", errors);
        }
    }
    Ok(())
}

fn config() -> Config {
    let cases = std::env::var("HSDS_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(300);
    Config { cases, failure_persistence: None, ..Config::default() }
}

#[test]
fn mutated_json_never_panics() {
    let base = sample_json();
    TestRunner::new(config())
        .run(&prop::collection::vec(edit(), 1..6), |edits| {
            let mut bytes = base.clone();
            for e in &edits {
                apply(&mut bytes, e);
            }
            check(&BTreeMap::from([("directory.json".to_owned(), bytes)]))
        })
        .unwrap();
}

#[test]
fn mutated_packages_never_panic() {
    let base = sample_package();
    let names: Vec<String> = base.keys().cloned().collect();
    TestRunner::new(config())
        .run(&prop::collection::vec((any::<prop::sample::Index>(), edit()), 1..6), |edits| {
            let mut files = base.clone();
            for (which, e) in &edits {
                apply(files.get_mut(which.get(&names)).expect("a file of the package"), e);
            }
            check(&files)
        })
        .unwrap();
}
