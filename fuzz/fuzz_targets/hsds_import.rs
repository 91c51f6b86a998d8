//! Fuzz the HSDS importer (parse + validate, no database): the input is split into files, so
//! both the JSON form and the tabular data package (datapackage.json + CSVs) are exercised.
#![no_main]

use std::collections::BTreeMap;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut files = BTreeMap::new();
    // First byte picks the form; the rest is split on 0xFF into files.
    let (form, rest) = data.split_first().unwrap_or((&0, &[]));
    let parts: Vec<&[u8]> = rest.split(|b| *b == 0xFF).collect();
    if form % 2 == 0 {
        files.insert("directory.json".to_owned(), parts.concat());
    } else {
        let names = ["datapackage.json", "service.csv", "organization.csv", "location.csv", "schedule.csv"];
        for (name, part) in names.iter().zip(parts) {
            files.insert((*name).to_owned(), part.to_vec());
        }
    }
    if let Err(errors) = sendero_hsds::import(&files) {
        assert!(!errors.0.is_empty(), "a failed import names at least one problem");
        assert!(errors.0.len() <= sendero_hsds::MAX_ERRORS + 64);
    }
});
