//! Migrations apply, revert completely and re-apply to the same schema.

use sendero_store::{Dialect, Store};
use sqlx::Row;

use crate::support::story;

/// Every schema object, one line each, in a stable order.
async fn dump(store: &Store) -> Vec<String> {
    let queries: &[&str] = match store.dialect() {
        Dialect::Sqlite => &["SELECT type || ' ' || name || ' ' || COALESCE(sql, '') AS line FROM sqlite_master ORDER BY name, type"],
        Dialect::Postgres => &[
            "SELECT 'column ' || table_name::text || '.' || column_name::text || ' ' || data_type::text || ' ' || is_nullable::text \
             || ' ' || COALESCE(column_default::text, '') || ' ' || COALESCE(is_identity::text, '') AS line \
             FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
            "SELECT 'index ' || tablename::text || ' ' || indexname::text || ' ' || indexdef AS line \
             FROM pg_indexes WHERE schemaname = 'public' ORDER BY tablename, indexname",
            "SELECT 'trigger ' || event_object_table::text || ' ' || trigger_name::text || ' ' || event_manipulation::text \
             || ' ' || action_timing::text || ' ' || action_statement::text AS line \
             FROM information_schema.triggers WHERE trigger_schema = 'public' ORDER BY trigger_name, event_manipulation",
            "SELECT 'routine ' || routine_name::text AS line FROM information_schema.routines \
             WHERE routine_schema = 'public' ORDER BY routine_name",
            "SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname::text || ' ' || pg_get_constraintdef(oid) AS line \
             FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY conrelid::regclass::text, conname",
        ],
    };
    let mut lines = Vec::new();
    for q in queries {
        for row in sqlx::query(q).fetch_all(store.pool()).await.unwrap() {
            lines.push(row.get::<String, _>("line"));
        }
    }
    lines
}

/// Names of tables (and views) in the database.
async fn tables(store: &Store) -> Vec<String> {
    let q = match store.dialect() {
        Dialect::Sqlite => "SELECT name FROM sqlite_master WHERE type IN ('table', 'view', 'trigger', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name",
        Dialect::Postgres => {
            "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' \
             UNION ALL SELECT routine_name::text FROM information_schema.routines WHERE routine_schema = 'public' \
             UNION ALL SELECT sequence_name::text FROM information_schema.sequences WHERE sequence_schema = 'public' ORDER BY 1"
        }
    };
    sqlx::query(q).fetch_all(store.pool()).await.unwrap().iter().map(|r| r.get::<String, _>("name")).collect()
}

async fn round_trip(store: &Store) {
    assert!(tables(store).await.is_empty(), "starts from an empty database");
    store.migrate().await.unwrap();
    let first = dump(store).await;
    assert!(first.iter().any(|l| l.contains("audit_log")), "schema dump names the audit log: {first:#?}");
    assert!(first.iter().any(|l| l.contains("clients")));
    let tables_up = tables(store).await;
    for t in ["clients", "cases", "notes", "users", "audit_heads"] {
        assert!(tables_up.iter().any(|n| n == t), "{t} exists after up");
    }

    store.migrate_down_all().await.unwrap();
    assert_eq!(tables(store).await, vec!["_sqlx_migrations".to_owned()], "down leaves nothing but sqlx's bookkeeping");

    store.migrate().await.unwrap();
    let second = dump(store).await;
    assert_eq!(first, second, "up → down → up gives the same schema");
    // Applying again is a no-op.
    store.migrate().await.unwrap();
    assert_eq!(dump(store).await, first);
}
story!(round_trip, unmigrated);
