//! Concurrent writers: every write lands and the audit chain stays whole.

use sendero_domain::ContactKind;
use sendero_store::Store;

use crate::support::{count, draft, story, world};

async fn concurrent_writers(store: &Store) {
    let w = world(store).await;
    let seq_before = count(store, "SELECT COUNT(*) AS n FROM audit_log WHERE org_id = ?", &[w.org]).await;
    let mut tasks = Vec::new();
    for i in 0..20 {
        let store = store.clone();
        let actor = w.actor;
        let other = w.other;
        tasks.push(tokio::spawn(async move {
            let id =
                store.create_client(actor, &draft(&format!("Concurrent{i:02}"), "Writer"), &[(ContactKind::Phone, format!("+1 212 555 01{i:02}"))]).await?;
            // Interleave writes to a second organization's chain.
            if i % 4 == 0 {
                store.create_client(other, &draft(&format!("Other{i:02}"), "Writer"), &[]).await?;
            }
            Ok::<i64, sendero_store::StoreError>(id)
        }));
    }
    let mut ids = Vec::new();
    for t in tasks {
        ids.push(t.await.expect("task finished").expect("write succeeded"));
    }
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 20);
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM clients WHERE org_id = ?", &[w.org]).await, 20);
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM clients WHERE org_id = ?", &[w.other_org]).await, 5);
    // Two entries (client, contact) per write, numbered without gaps or duplicates.
    let entries = count(store, "SELECT COUNT(*) AS n FROM audit_log WHERE org_id = ?", &[w.org]).await;
    assert_eq!(entries, seq_before + 40);
    assert_eq!(count(store, "SELECT COUNT(DISTINCT seq) AS n FROM audit_log WHERE org_id = ? AND seq BETWEEN 1 AND ?", &[w.org, entries]).await, entries);
    let report = store.audit_verify().await.unwrap();
    assert!(report.broken.is_empty(), "{report:?}");
}
story!(concurrent_writers);
