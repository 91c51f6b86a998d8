use std::collections::BTreeMap;

use serde_json::json;

use super::*;

fn sample() -> BTreeMap<String, Vec<u8>> {
    BTreeMap::from([("demo-directory.json".to_owned(), include_bytes!("../sample/demo-directory.json").to_vec())])
}

#[test]
fn the_sample_directory_imports_and_indexes() {
    let dir = import(&sample()).expect("sample is valid");
    assert_eq!(dir.len("service"), 11);
    let idx = index(&dir);
    let shelter = idx.iter().find(|s| s.name == "Emergency family shelter").unwrap();
    assert_eq!(shelter.terms, vec![("temporary_housing_assistance".to_owned(), "Temporary housing".to_owned())]);
    assert_eq!(shelter.languages, vec!["en", "es"]);
    assert_eq!(shelter.hours.len(), 7);
    assert_eq!((shelter.hours[0].opens, shelter.hours[0].closes), (0, 24 * 60));
    assert_eq!(shelter.points[0].address.as_deref(), Some("4302 Irvington Blvd, Houston, TX"));
    assert_eq!(shelter.translations[0].name.as_deref(), Some("Albergue familiar de emergencia"));
    assert_eq!(shelter.organization_name.as_deref(), Some("Casa Esperanza Shelter"));
}

#[test]
fn json_and_tabular_round_trips_keep_every_field() {
    let mut dir = import(&sample()).unwrap();
    // A field Sendero does not model survives too.
    dir.tables.get_mut("service").unwrap()[0].insert("x_local_note".into(), json!("bring ID"));
    let again = import(&BTreeMap::from([("d.json".to_owned(), to_json(&dir))])).unwrap();
    assert_eq!(again, dir);
    let package = to_datapackage(&dir);
    assert!(package.contains_key("service.csv") && package.contains_key("datapackage.json"));
    let from_csv = import(&package).unwrap();
    assert_eq!(from_csv, dir);
}

#[test]
fn errors_name_file_row_and_field() {
    let mut package = to_datapackage(&import(&sample()).unwrap());
    let csv = String::from_utf8(package["service.csv"].clone()).unwrap();
    let broken = csv.replacen(",active,", ",open-ish,", 1);
    package.insert("service.csv".into(), broken.into_bytes());
    let location = String::from_utf8(package["location.csv"].clone()).unwrap();
    let mut lines: Vec<String> = location.lines().map(str::to_owned).collect();
    lines[2] = lines[2].replacen(",40.7169,", ",north,", 1);
    package.insert("location.csv".into(), (lines.join("\n") + "\n").into_bytes());
    let errors = import(&package).unwrap_err().0;
    assert!(errors.iter().any(|e| e.file == "location.csv" && e.row == Some(3) && e.field.as_deref() == Some("latitude")), "{errors:?}");

    package.insert("location.csv".into(), location.into_bytes());
    let errors = import(&package).unwrap_err().0;
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!((errors[0].file.as_str(), errors[0].row, errors[0].field.as_deref()), ("service.csv", Some(2), Some("status")));
}

#[test]
fn references_and_duplicates_are_checked() {
    let doc = json!({
        "organization": [{"id": "o1", "name": "A"}, {"id": "o1", "name": "B"}],
        "service": [{"id": "s1", "name": "S", "status": "active", "organization_id": "o9"}],
        "attribute": [{"id": "a1", "link_id": "s2", "link_entity": "service", "taxonomy_term_id": "t1"}],
        "phone": [{"id": "p1"}]
    });
    let files = BTreeMap::from([("x.json".to_owned(), serde_json::to_vec(&doc).unwrap())]);
    let errors = import(&files).unwrap_err().0;
    let has = |table: &str, row: usize, field: &str| {
        errors.iter().any(|e| e.file == format!("x.json › {table}") && e.row == Some(row) && e.field.as_deref() == Some(field))
    };
    assert!(has("organization", 2, "id"), "{errors:?}");
    assert!(has("service", 1, "organization_id"), "{errors:?}");
    assert!(has("attribute", 1, "link_id") && has("attribute", 1, "taxonomy_term_id"), "{errors:?}");
    assert!(has("phone", 1, "number"), "{errors:?}");
}

#[test]
fn garbage_is_an_error_not_a_panic() {
    for bytes in [&b"\xff\xfe"[..], b"[]", b"{\"service\": 3}", b"{\"nonsense\": []}"] {
        assert!(import(&BTreeMap::from([("a.json".to_owned(), bytes.to_vec())])).is_err());
    }
    let package = BTreeMap::from([
        ("datapackage.json".to_owned(), br#"{"resources": [{"name": "service", "path": "service.csv"}]}"#.to_vec()),
        ("service.csv".to_owned(), b"id,name,status\ns1,\"unterminated\n".to_vec()),
    ]);
    assert!(import(&package).is_err());
}

#[test]
fn schedule_parsing() {
    assert_eq!(index::minutes("09:30"), Some(570));
    assert_eq!(index::minutes("9"), None);
    assert_eq!(index::days("MO, 1WE,FR,XX"), vec![0, 2, 4]);
}
