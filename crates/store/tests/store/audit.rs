//! The hash-chained audit log: verifies clean, detects edits and truncation.

use sendero_domain::{ContactKind, ProgramKind};
use sendero_store::{Dialect, Store};
use sqlx::Row;

use crate::support::{count, draft, exec, story, world};

async fn tamper_detection(store: &Store) {
    let w = world(store).await;
    let a = store.create_client(w.actor, &draft("Ana", "Castillo"), &[(ContactKind::Phone, "+1 212 555 0100".into())]).await.unwrap();
    store.update_client(w.actor, a, 1, &draft("Ana María", "Castillo")).await.unwrap();
    let program = store.create_program(w.actor, "P", ProgramKind::Destination, None).await.unwrap();
    store.open_case(w.actor, a, program, None, None, false).await.unwrap();
    store.audit_read(w.actor, "client", a).await.unwrap();
    // One more write, so the chain is long enough for the deletions below.
    store.create_client(w.actor, &draft("Otra", "Persona"), &[]).await.unwrap();
    store.create_client(w.other, &draft("Otro", "Lado"), &[]).await.unwrap();

    let clean = store.audit_verify().await.unwrap();
    assert!(clean.broken.is_empty(), "{clean:?}");
    let total = count(store, "SELECT COUNT(*) AS n FROM audit_log", &[]).await;
    assert_eq!(clean.entries, total);
    let mine = count(store, "SELECT COUNT(*) AS n FROM audit_log WHERE org_id = ?", &[w.org]).await;
    assert!(mine >= 7, "every write was audited ({mine})");
    // Each organization has its own chain, numbered from 1.
    let recent = store.audit_recent(w.org, 100).await.unwrap();
    assert_eq!(recent.len() as i64, mine);
    assert_eq!(recent.last().unwrap().seq, 1);
    assert_eq!(recent.last().unwrap().prev_hash, sendero_store::audit::GENESIS);
    assert_eq!(recent[0].seq, mine);
    assert!(recent.iter().all(|e| e.action != "read"), "reads go to the read log, not the chain");
    let reads = store.reads_of(w.org, "client", a).await.unwrap();
    assert_eq!(reads.len(), 1);
    assert!(exec(store, "DELETE FROM read_log WHERE org_id = ?", &[w.org]).await.is_err(), "the read log is append-only");
    assert!(recent.windows(2).all(|p| p[1].hash == p[0].prev_hash));
    let theirs = store.audit_recent(w.other_org, 100).await.unwrap();
    assert_eq!(theirs.len(), 2, "organization creation and the client");
    assert_eq!(theirs.last().unwrap().seq, 1);

    // With the append-only trigger in place, editing or deleting fails.
    assert!(exec(store, "UPDATE audit_log SET detail = '{}' WHERE org_id = ? AND seq = 3", &[w.org]).await.is_err(), "update of the audit log must be refused");
    assert!(exec(store, "DELETE FROM audit_log WHERE org_id = ? AND seq = 3", &[w.org]).await.is_err(), "delete from the audit log must be refused");
    assert!(store.audit_verify().await.unwrap().broken.is_empty());

    // Someone with database access disables the protection and edits an entry.
    match store.dialect() {
        Dialect::Sqlite => {
            exec(store, "DROP TRIGGER audit_log_no_update", &[]).await.unwrap();
            exec(store, "DROP TRIGGER audit_log_no_delete", &[]).await.unwrap();
        }
        Dialect::Postgres => {
            exec(store, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change", &[]).await.unwrap();
        }
    }
    let changed = exec(store, "UPDATE audit_log SET detail = '{\"given_names\":\"Someone else\"}' WHERE org_id = ? AND seq = 3", &[w.org]).await.unwrap();
    assert_eq!(changed, 1);
    let report = store.audit_verify().await.unwrap();
    assert_eq!(report.broken, vec![(w.org, 3, "hash")], "{report:?}");
    assert_eq!(report.entries, total);

    // Deleting the newest entry (hiding the last action) is caught by the chain head.
    let last_seq = recent[0].seq;
    exec(store, "DELETE FROM audit_log WHERE org_id = ? AND seq = ?", &[w.org, last_seq]).await.unwrap();
    let report = store.audit_verify().await.unwrap();
    assert!(report.broken.contains(&(w.org, 3, "hash")));
    assert!(report.broken.contains(&(w.org, last_seq, "head")), "{report:?}");
    // The other organization's chain is untouched.
    assert!(report.broken.iter().all(|b| b.0 == w.org), "{report:?}");

    // Deleting an entry in the middle breaks the sequence and the link.
    exec(store, "DELETE FROM audit_log WHERE org_id = ? AND seq = 5", &[w.org]).await.unwrap();
    let report = store.audit_verify().await.unwrap();
    assert!(report.broken.contains(&(w.org, 6, "gap")), "{report:?}");
    assert!(report.broken.contains(&(w.org, 6, "link")), "{report:?}");

    // Forging the hash to match the edited row does not help: the next link breaks.
    let row =
        sqlx::query(&crate::support::sql(store, "SELECT * FROM audit_log WHERE org_id = ? AND seq = 3")).bind(w.org).fetch_one(store.pool()).await.unwrap();
    let forged = sendero_store::audit::entry_hash(
        &row.get::<String, _>("prev_hash"),
        w.org,
        3,
        &row.get::<String, _>("at"),
        row.get::<Option<i64>, _>("actor_id"),
        &row.get::<String, _>("action"),
        &row.get::<String, _>("entity"),
        row.get::<Option<i64>, _>("entity_id"),
        &row.get::<String, _>("detail"),
    );
    sqlx::query(&crate::support::sql(store, "UPDATE audit_log SET hash = ? WHERE org_id = ? AND seq = 3"))
        .bind(forged)
        .bind(w.org)
        .execute(store.pool())
        .await
        .unwrap();
    let report = store.audit_verify().await.unwrap();
    assert!(!report.broken.contains(&(w.org, 3, "hash")), "{report:?}");
    assert!(report.broken.contains(&(w.org, 4, "link")), "{report:?}");
}
story!(tamper_detection);
