//! CSV import (all or nothing, households by reference) and export round trip.

use std::collections::BTreeMap;

use sendero_domain::Relationship;
use sendero_store::import::{self, ImportError, ImportRow, Mapping};
use sendero_store::{Actor, Store};

use crate::support::{count, story, world};

const GOOD: &str = "\
household_ref,relationship,given_names,family_names,aliases,birth_date,country,languages,a_number,phone,email,address
F1,head,Ana Lucía,Castillo Obando,,1989-03-02,Nicaragua,Spanish,A 212-345-678,+1 718 555-0190,ana@example.org,\"12 Main St, Apt 3\"
F1,child,Scarleth,Castillo Obando,,2014-06-10,Nicaragua,Spanish,,,,
F1,child,Ernesto,Castillo Obando,Neto,2018-11,Nicaragua,Spanish,,,,
F2,,Wilner,Joseph,,1985,Haiti,\"Haitian Creole, French\",,+1 563 555-0150,,
F2,spouse,Mirlande,Joseph,,1988-12-01,Haiti,Haitian Creole,,,mirlande@example.org,
,,محمد,Rahimi,Mohammed,1979,Afghanistan,\"Dari, Pashto\",123456789,,,
";

async fn clients_in(store: &Store, org: i64) -> i64 {
    count(store, "SELECT COUNT(*) AS n FROM clients WHERE org_id = ?", &[org]).await
}

/// A comparable view of parsed rows: people, contacts and households (references renamed to
/// the first member's position, since exported refs are ids), with each relationship as the
/// import stores it: the first member of a household without one heads it, later ones are
/// other relatives, and people outside households have none.
fn people(rows: &[ImportRow]) -> Vec<String> {
    let mut groups: BTreeMap<String, usize> = BTreeMap::new();
    rows.iter()
        .enumerate()
        .map(|(i, r)| {
            let (group, relationship) = match &r.household_ref {
                None => (None, None),
                Some(h) => {
                    let first = *groups.entry(h.clone()).or_insert(i);
                    let rel = r.relationship.unwrap_or(Relationship::OtherRelative);
                    let rel = if first == i && rel == Relationship::OtherRelative { Relationship::Head } else { rel };
                    (Some(first), Some(rel))
                }
            };
            format!("{group:?} {relationship:?} {:?} {:?}", r.draft, r.contacts)
        })
        .collect()
}

async fn import_export(store: &Store) {
    let w = world(store).await;
    let noop = |_: usize, _: usize| {};

    // A file with one bad row: the problem is reported by line and field; nothing lands.
    let before = clients_in(store, w.org).await;
    let bad = GOOD.replace("2014-06-10", "2014-02-30");
    let errors = import::parse(bad.as_bytes(), &Mapping::default()).unwrap_err();
    assert_eq!(errors, vec![ImportError { line: 3, field: "birth_date".into(), code: "error-date-invalid" }]);
    assert_eq!(clients_in(store, w.org).await, before);
    assert_eq!(before, 0);
    // Every bad row is reported, not just the first.
    let worse = bad.replace("mirlande@example.org", "mirlande@");
    let errors = import::parse(worse.as_bytes(), &Mapping::default()).unwrap_err();
    assert_eq!(
        errors.iter().map(|e| (e.line, e.field.as_str(), e.code)).collect::<Vec<_>>(),
        vec![(3, "birth_date", "error-date-invalid"), (6, "email", "error-email")]
    );
    let missing = import::parse("nombre\nAna\n".as_bytes(), &Mapping::default()).unwrap_err();
    assert_eq!(missing[0].code, "import-error-missing-column");

    // The good file: six people, two households, contacts.
    let rows = import::parse(GOOD.as_bytes(), &Mapping::default()).unwrap();
    assert_eq!(rows.len(), 6);
    let calls = std::sync::Mutex::new(Vec::new());
    let progress = |done: usize, total: usize| calls.lock().unwrap().push((done, total));
    let n = store.import_clients(w.actor, &rows, &progress).await.unwrap();
    assert_eq!(n, 6);
    assert_eq!(calls.lock().unwrap().last(), Some(&(6, 6)));
    assert_eq!(clients_in(store, w.org).await, 6);
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM households WHERE org_id = ?", &[w.org]).await, 2);
    let all = store.list_clients(w.org, &sendero_store::clients::ClientQuery { page: 1, per_page: 50, ..Default::default() }).await.unwrap().items;
    let by_name = |given: &str| all.iter().find(|c| c.given_names == given).unwrap().clone();
    let ana = by_name("Ana Lucía");
    let wilner = by_name("Wilner");
    assert_eq!(ana.a_number.as_deref(), Some("212345678"));
    assert_eq!(by_name("محمد").household_id, None);
    let f1 = store.household(w.org, ana.household_id.unwrap()).await.unwrap();
    assert_eq!(f1.name, "Castillo Obando");
    assert_eq!(f1.members.len(), 3);
    assert_eq!(f1.members[0].id, ana.id, "head first");
    assert_eq!(f1.members[0].relationship.as_deref(), Some("head"));
    let f2 = store.household(w.org, wilner.household_id.unwrap()).await.unwrap();
    assert_eq!(f2.members.len(), 2);
    assert_eq!(f2.members[0].id, wilner.id, "first row without relationship heads");
    assert_eq!(f2.members[1].relationship.as_deref(), Some("spouse"));
    let contacts = store.contacts(w.org, ana.id).await.unwrap();
    assert_eq!(contacts.len(), 3);
    // Imported people are searchable.
    let found = store
        .list_clients(w.org, &sendero_store::clients::ClientQuery { search: Some("castillo".into()), page: 1, per_page: 10, ..Default::default() })
        .await
        .unwrap();
    assert_eq!(found.total, 3);
    assert!(store.audit_verify().await.unwrap().broken.is_empty());

    // All or nothing in the store too: a failure part-way (here: the progress callback
    // panics after the first row) leaves no trace.
    let before = clients_in(store, w.other_org).await;
    let again = rows.clone();
    let other_store = store.clone();
    let other_actor: Actor = w.other;
    let crashed = tokio::spawn(async move {
        let boom = |_: usize, _: usize| panic!("import interrupted");
        other_store.import_clients(other_actor, &again, &boom).await
    })
    .await;
    assert!(crashed.is_err_and(|e| e.is_panic()));
    assert_eq!(clients_in(store, w.other_org).await, before);
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM contacts WHERE org_id = ?", &[w.other_org]).await, 0);
    assert!(store.audit_verify().await.unwrap().broken.is_empty());

    // Export, then parse the export: the same people, contacts and households.
    let mut csv = Vec::new();
    let exported = store.export_clients(w.org, &mut csv).await.unwrap();
    assert_eq!(exported, 6);
    let text = String::from_utf8(csv).unwrap();
    assert!(text.starts_with(&import::COLUMNS.join(",")), "{text}");
    assert!(text.contains("212345678"), "the export decrypts A-numbers");
    let reparsed = import::parse(text.as_bytes(), &Mapping::default()).unwrap();
    assert_eq!(people(&reparsed), people(&rows));

    // And the export imports into another organization as the same people.
    store.import_clients(w.other, &reparsed, &noop).await.unwrap();
    let mut second = Vec::new();
    store.export_clients(w.other_org, &mut second).await.unwrap();
    let twice = import::parse(second.as_slice(), &Mapping::default()).unwrap();
    assert_eq!(people(&twice), people(&rows));
}
story!(import_export);
