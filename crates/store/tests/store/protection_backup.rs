//! Logical backup and restore: a backup of the demo consortium restores into a fresh database of
//! either kind with every row of every table identical, and the restored database keeps working.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sendero_store::clients::ClientQuery;
use sendero_store::testing::{skip_pg, TestDb};
use sendero_store::Store;

use crate::support::story;

fn temp_dir(label: &str) -> PathBuf {
    std::env::temp_dir().join(format!("sendero-backup-{label}-{}-{:016x}", std::process::id(), rand_suffix()))
}

fn rand_suffix() -> u64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().subsec_nanos() as u64;
    nanos ^ (std::process::id() as u64) << 32
}

/// Every table's rows as sorted JSON lines (text collation differs between backends, so the
/// file order of text-keyed tables may too).
fn tables(dir: &Path) -> BTreeMap<String, Vec<serde_json::Value>> {
    let manifest: sendero_store::backup::Manifest = serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    manifest
        .tables
        .iter()
        .map(|t| {
            let text = std::fs::read_to_string(dir.join(format!("{}.jsonl", t.name))).unwrap();
            let mut rows: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
            rows.sort_by_key(|r| r.to_string());
            assert_eq!(rows.len() as u64, t.rows, "{}: manifest row count", t.name);
            (t.name.clone(), rows)
        })
        .collect()
}

async fn round_trip_into(source: &BTreeMap<String, Vec<serde_json::Value>>, backup: &Path, target: TestDb, label: &str) {
    let store = target.store.clone();
    store.restore_from_dir(backup).await.unwrap_or_else(|e| panic!("restore into {label}: {e:#}"));
    let again = temp_dir(&format!("{label}-again"));
    store.backup_to_dir(&again).await.unwrap();
    let restored = tables(&again);
    assert_eq!(restored.keys().collect::<Vec<_>>(), source.keys().collect::<Vec<_>>(), "{label}: same tables");
    for (table, rows) in source {
        assert_eq!(&restored[table], rows, "{label}: table {table} differs after restore");
    }
    // The audit chain still verifies, and new rows get fresh ids (sequences follow on PostgreSQL).
    let report = store.audit_verify().await.unwrap();
    assert!(report.broken.is_empty(), "{label}: audit chain intact after restore");
    assert!(report.entries > 0);
    let max_org = source["organizations"].iter().map(|r| r["id"].as_i64().unwrap()).max().unwrap();
    let new_org = store.create_organization(None, None, "After restore", "partner", None).await.unwrap();
    assert!(new_org > max_org, "{label}: new id {new_org} follows restored ids");
    // Encrypted fields and full-text search work on the restored data.
    let client = &source["clients"][0];
    let (org, name) = (client["org_id"].as_i64().unwrap(), client["family_names"].as_str().unwrap_or("").to_owned());
    let query = ClientQuery { search: Some(name.clone()), sort: Default::default(), page: 1, per_page: 50 };
    let found = store.list_clients(org, &query).await.unwrap();
    assert!(found.items.iter().any(|c| c.id == client["id"].as_i64().unwrap()), "{label}: name search finds restored client {name}");
    let with_a_number = source["clients"].iter().find(|c| !c["a_number_enc"].is_null()).expect("a client with an A-number");
    let decrypted = store.client(with_a_number["org_id"].as_i64().unwrap(), with_a_number["id"].as_i64().unwrap()).await.unwrap();
    assert!(decrypted.a_number.is_some_and(|a| !a.is_empty()), "{label}: A-numbers decrypt after restore");
    // A second restore is refused: the target is no longer empty.
    assert!(store.restore_from_dir(backup).await.is_err(), "{label}: restore refuses a non-empty database");
    let _ = std::fs::remove_dir_all(&again);
    target.cleanup().await;
}

async fn backup_restores_identically(store: &Store) {
    assert!(store.seed_demo().await.unwrap());
    let dir = temp_dir("source");
    let manifest = store.backup_to_dir(&dir).await.unwrap();
    // Parents come before children.
    let pos = |t: &str| manifest.tables.iter().position(|e| e.name == t).unwrap_or_else(|| panic!("{t} backed up"));
    assert!(pos("organizations") < pos("clients") && pos("clients") < pos("cases") && pos("cases") < pos("notes"));
    assert!(!manifest.tables.iter().any(|t| t.name.starts_with("client_fts") || t.name == "_sqlx_migrations"));
    let source = tables(&dir);
    assert!(source["clients"].len() >= 300 && !source["notes"].is_empty() && !source["audit_log"].is_empty());
    // Encrypted columns stay encrypted in the backup.
    assert!(source["notes"].iter().all(|r| r["body_enc"].as_str().unwrap().starts_with("v1:") || r["body_enc"].as_str().unwrap().starts_with('k')));
    // A backup directory is never overwritten.
    assert!(store.backup_to_dir(&dir).await.is_err());
    // A backup taken before the directory's side tables were dropped still lists one: restore
    // skips it (and `source`, read above, is what must come back).
    let mut legacy = manifest.clone();
    legacy.tables.push(sendero_store::backup::TableEntry { name: "dir_service_terms".into(), rows: 1 });
    std::fs::write(dir.join("manifest.json"), serde_json::to_vec_pretty(&legacy).unwrap()).unwrap();
    std::fs::write(dir.join("dir_service_terms.jsonl"), "{\"org_id\":1,\"code\":\"food\",\"service_id\":1}\n").unwrap();

    round_trip_into(&source, &dir, TestDb::sqlite(true).await, "sqlite").await;
    if !skip_pg() {
        round_trip_into(&source, &dir, TestDb::postgres(true).await, "postgres").await;
    }
    let _ = std::fs::remove_dir_all(&dir);
}
story!(backup_restores_identically);
