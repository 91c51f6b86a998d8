//! Portable logical backup and restore for both backends. A backup is a directory holding
//! `manifest.json` and one `<table>.jsonl` per table (one JSON object per row, keyed by column).
//! It is written inside one read transaction (REPEATABLE READ on PostgreSQL; one deferred read
//! transaction on SQLite in WAL mode), so it is a consistent snapshot while the app keeps
//! running. Tables are discovered from the schema and written in foreign-key order, so a feature
//! adding tables needs nothing here. Restore goes into an empty migrated database of either kind.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, Write};
use std::path::Path;

use anyhow::{bail, ensure, Context};
use futures_util::TryStreamExt;
use serde::{Deserialize, Serialize};
use sqlx::{Any, Row, Transaction};

use crate::{Dialect, Store};

pub const FORMAT: &str = "sendero-backup/1";

/// Tables kept by triggers from other tables: dumped (for comparison) but never restored, since
/// restoring their source re-creates them.
const DERIVED_TABLES: &[&str] = &["audit_heads"];

/// Tables a later migration dropped (their facts live elsewhere now): a backup taken before that
/// migration still lists them, and restore skips them rather than refusing the whole backup.
const DROPPED_TABLES: &[&str] = &["dir_service_terms", "dir_service_languages", "dir_service_points", "dir_service_hours"];

/// Rows per statement when restoring (SQLite allows 32,766 parameters; PostgreSQL 65,535).
const RESTORE_BATCH_PARAMS: usize = 30_000;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub created_at: String,
    /// Backend the backup was taken from (informational: restore works into either).
    pub source: String,
    /// Migration versions applied in the source; the target must have every one of them.
    pub migrations: Vec<i64>,
    /// Tables in foreign-key order (parents first) with their row counts.
    pub tables: Vec<TableEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TableEntry {
    pub name: String,
    pub rows: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Integer,
    Text,
}

#[derive(Debug, Clone)]
struct Column {
    name: String,
    kind: Kind,
}

fn kind_of(declared: &str) -> anyhow::Result<Kind> {
    let d = declared.to_ascii_uppercase();
    if d.contains("INT") {
        Ok(Kind::Integer)
    } else if d.contains("TEXT") || d.contains("CHAR") || d.is_empty() {
        Ok(Kind::Text)
    } else {
        // Sendero stores numbers as integers and everything else as text (see the brief on sqlx
        // Any quirks); a new type must be taught here rather than silently mangled.
        bail!("column type {declared} is not supported by the logical backup")
    }
}

fn quote(ident: &str) -> String {
    format!("\"{}\"", ident.replace('"', "\"\""))
}

impl Store {
    /// User tables in foreign-key order (parents first), without SQLite's full-text index tables
    /// (rebuilt on restore) and the migrations table.
    async fn tables_in_fk_order(&self, tx: &mut Transaction<'static, Any>) -> anyhow::Result<Vec<String>> {
        let (tables_sql, fk_sql) = match self.dialect() {
            Dialect::Sqlite => (
                "SELECT name, COALESCE(sql, '') AS sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'",
                "SELECT m.name AS child, f.\"table\" AS parent FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'",
            ),
            Dialect::Postgres => (
                "SELECT table_name::text AS name, '' AS sql FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_sqlx_migrations'",
                "SELECT cl.relname::text AS child, pc.relname::text AS parent FROM pg_constraint c \
                 JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class pc ON pc.oid = c.confrelid \
                 JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE c.contype = 'f' AND n.nspname = current_schema()",
            ),
        };
        let rows = sqlx::query(tables_sql).fetch_all(&mut **tx).await?;
        let mut virtual_tables = Vec::new();
        let mut names = BTreeSet::new();
        for r in &rows {
            let name: String = r.try_get("name")?;
            let sql: String = r.try_get("sql")?;
            if sql.to_ascii_uppercase().starts_with("CREATE VIRTUAL TABLE") {
                virtual_tables.push(name);
            } else {
                names.insert(name);
            }
        }
        // FTS5 keeps its index in shadow tables named after the virtual table.
        names.retain(|n| !virtual_tables.iter().any(|v| n.starts_with(&format!("{v}_"))));
        let mut parents: BTreeMap<String, BTreeSet<String>> = names.iter().map(|n| (n.clone(), BTreeSet::new())).collect();
        for r in sqlx::query(fk_sql).fetch_all(&mut **tx).await? {
            let child: String = r.try_get("child")?;
            let parent: String = r.try_get("parent")?;
            if child != parent && names.contains(&parent) {
                if let Some(p) = parents.get_mut(&child) {
                    p.insert(parent);
                }
            }
        }
        // Kahn's algorithm; alphabetical among ready tables so the order is stable.
        let mut order = Vec::new();
        let mut done = BTreeSet::new();
        while done.len() < parents.len() {
            let ready: Vec<String> =
                parents.iter().filter(|(n, ps)| !done.contains(*n) && ps.iter().all(|p| done.contains(p))).map(|(n, _)| n.clone()).collect();
            ensure!(!ready.is_empty(), "foreign keys form a cycle between tables; the logical backup cannot order them");
            for n in ready {
                done.insert(n.clone());
                order.push(n);
            }
        }
        Ok(order)
    }

    async fn table_columns(&self, tx: &mut Transaction<'static, Any>, table: &str) -> anyhow::Result<Vec<Column>> {
        let sql = match self.dialect() {
            Dialect::Sqlite => "SELECT name, type FROM pragma_table_info(?) ORDER BY cid",
            Dialect::Postgres => {
                "SELECT column_name::text AS name, data_type::text AS type FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position"
            }
        };
        let rows = sqlx::query(sql).bind(table.to_owned()).fetch_all(&mut **tx).await?;
        rows.iter()
            .map(|r| {
                let name: String = r.try_get("name")?;
                let declared: String = r.try_get("type")?;
                Ok(Column { kind: kind_of(&declared).with_context(|| format!("{table}.{name}"))?, name })
            })
            .collect()
    }

    async fn applied_migrations(&self, tx: &mut Transaction<'static, Any>) -> anyhow::Result<Vec<i64>> {
        let rows = sqlx::query("SELECT version FROM _sqlx_migrations WHERE success = TRUE ORDER BY version").fetch_all(&mut **tx).await?;
        Ok(rows.iter().map(|r| r.try_get::<i64, _>("version")).collect::<Result<_, _>>()?)
    }

    /// Write a consistent logical backup into `dir` (created; must be empty or missing).
    pub async fn backup_to_dir(&self, dir: &Path) -> anyhow::Result<Manifest> {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        ensure!(std::fs::read_dir(dir)?.next().is_none(), "backup directory {} is not empty", dir.display());
        let mut tx = self.pool().begin().await?;
        if self.dialect() == Dialect::Postgres {
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY").execute(&mut *tx).await?;
        }
        let migrations = self.applied_migrations(&mut tx).await?;
        let mut tables = Vec::new();
        for table in self.tables_in_fk_order(&mut tx).await? {
            let columns = self.table_columns(&mut tx, &table).await?;
            let order: Vec<String> = (1..=columns.len()).map(|i| i.to_string()).collect();
            let select = format!(
                "SELECT {} FROM {} ORDER BY {}",
                columns.iter().map(|c| quote(&c.name)).collect::<Vec<_>>().join(", "),
                quote(&table),
                order.join(", ")
            );
            let file = std::fs::File::create(dir.join(format!("{table}.jsonl")))?;
            let mut out = std::io::BufWriter::new(file);
            let mut rows = 0u64;
            let mut stream = sqlx::query(&select).fetch(&mut *tx);
            while let Some(row) = stream.try_next().await? {
                let mut object = serde_json::Map::new();
                for (i, c) in columns.iter().enumerate() {
                    let value = match c.kind {
                        Kind::Integer => row.try_get::<Option<i64>, _>(i)?.map(serde_json::Value::from),
                        Kind::Text => row.try_get::<Option<String>, _>(i)?.map(serde_json::Value::from),
                    };
                    object.insert(c.name.clone(), value.unwrap_or(serde_json::Value::Null));
                }
                serde_json::to_writer(&mut out, &object)?;
                out.write_all(b"\n")?;
                rows += 1;
            }
            drop(stream);
            out.flush()?;
            tables.push(TableEntry { name: table, rows });
        }
        tx.commit().await?;
        let manifest = Manifest {
            format: FORMAT.to_owned(),
            created_at: crate::now(),
            source: match self.dialect() {
                Dialect::Sqlite => "sqlite",
                Dialect::Postgres => "postgres",
            }
            .to_owned(),
            migrations,
            tables,
        };
        // The manifest is written last: a directory without one is an unfinished backup.
        std::fs::write(dir.join("manifest.json"), serde_json::to_vec_pretty(&manifest)?)?;
        Ok(manifest)
    }

    /// Restore a backup written by [`Store::backup_to_dir`] into this database, which must be
    /// migrated and hold no organization yet. Everything happens in one transaction.
    pub async fn restore_from_dir(&self, dir: &Path) -> anyhow::Result<Manifest> {
        let manifest: Manifest =
            serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).with_context(|| format!("reading {}/manifest.json", dir.display()))?)
                .context("manifest.json is not a Sendero backup manifest")?;
        ensure!(manifest.format == FORMAT, "unsupported backup format {}", manifest.format);
        let mut w = self.begin_write().await?;
        let tx = &mut w.tx;
        let applied: BTreeSet<i64> = self.applied_migrations(tx).await?.into_iter().collect();
        let missing: Vec<i64> = manifest.migrations.iter().filter(|m| !applied.contains(m)).copied().collect();
        ensure!(missing.is_empty(), "the target database lacks migrations {missing:?}; run a newer sendero");
        let organizations: i64 = sqlx::query("SELECT COUNT(*) AS n FROM organizations").fetch_one(&mut **tx).await?.try_get("n")?;
        ensure!(organizations == 0, "the target database is not empty; restore goes into a freshly migrated database");
        let target_tables = self.tables_in_fk_order(tx).await?;
        for t in manifest.tables.iter().filter(|t| !DROPPED_TABLES.contains(&t.name.as_str())) {
            ensure!(target_tables.contains(&t.name), "the target database has no table {}", t.name);
        }
        // Rows that migrations seed (built-in instruments, settings) are replaced by the backup's.
        for table in target_tables.iter().rev() {
            let n: i64 = sqlx::query(&format!("SELECT COUNT(*) AS n FROM {}", quote(table))).fetch_one(&mut **tx).await?.try_get("n")?;
            if n > 0 {
                sqlx::query(&format!("DELETE FROM {}", quote(table))).execute(&mut **tx).await.with_context(|| format!("clearing {table}"))?;
            }
        }
        if self.dialect() == Dialect::Sqlite {
            sqlx::query("DELETE FROM client_fts").execute(&mut **tx).await?;
        }
        for entry in &manifest.tables {
            if DERIVED_TABLES.contains(&entry.name.as_str()) || DROPPED_TABLES.contains(&entry.name.as_str()) {
                continue;
            }
            let columns = self.table_columns(tx, &entry.name).await?;
            let file = std::fs::File::open(dir.join(format!("{}.jsonl", entry.name))).with_context(|| format!("opening {}.jsonl", entry.name))?;
            let per_batch = (RESTORE_BATCH_PARAMS / columns.len().max(1)).max(1);
            let mut batch: Vec<serde_json::Map<String, serde_json::Value>> = Vec::with_capacity(per_batch);
            let mut restored = 0u64;
            for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
                let line = line?;
                let object: serde_json::Map<String, serde_json::Value> =
                    serde_json::from_str(&line).with_context(|| format!("{}.jsonl line {}", entry.name, n + 1))?;
                for key in object.keys() {
                    ensure!(columns.iter().any(|c| &c.name == key), "{}.jsonl line {}: the target has no column {key}", entry.name, n + 1);
                }
                batch.push(object);
                if batch.len() == per_batch {
                    restored += self.insert_rows(tx, &entry.name, &columns, &batch).await?;
                    batch.clear();
                }
            }
            if !batch.is_empty() {
                restored += self.insert_rows(tx, &entry.name, &columns, &batch).await?;
            }
            ensure!(restored == entry.rows, "{}: the manifest says {} rows, the file holds {restored}", entry.name, entry.rows);
        }
        match self.dialect() {
            Dialect::Sqlite => {
                sqlx::query("INSERT INTO client_fts (rowid, search_text) SELECT id, search_text FROM clients").execute(&mut **tx).await?;
            }
            Dialect::Postgres => {
                // Identity sequences must continue after the restored ids.
                let identity = sqlx::query(
                    "SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns \
                     WHERE table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval%')",
                )
                .fetch_all(&mut **tx)
                .await?;
                for r in identity {
                    let (t, c): (String, String) = (r.try_get("t")?, r.try_get("c")?);
                    let sql = format!("SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX({}) FROM {}), 0) + 1, false)", quote(&c), quote(&t));
                    sqlx::query(&sql).bind(quote(&t)).bind(c).execute(&mut **tx).await?;
                }
            }
        }
        w.commit().await?;
        Ok(manifest)
    }

    async fn insert_rows(
        &self,
        tx: &mut Transaction<'static, Any>,
        table: &str,
        columns: &[Column],
        rows: &[serde_json::Map<String, serde_json::Value>],
    ) -> anyhow::Result<u64> {
        let names: Vec<String> = columns.iter().map(|c| quote(&c.name)).collect();
        let mut sql = format!("INSERT INTO {} ({}) VALUES ", quote(table), names.join(", "));
        let mut p = 0;
        for (i, _) in rows.iter().enumerate() {
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push('(');
            for j in 0..columns.len() {
                if j > 0 {
                    sql.push_str(", ");
                }
                p += 1;
                match self.dialect() {
                    Dialect::Sqlite => sql.push('?'),
                    Dialect::Postgres => sql.push_str(&format!("${p}")),
                }
            }
            sql.push(')');
        }
        let mut q = sqlx::query(&sql);
        for row in rows {
            for c in columns {
                let v = row.get(&c.name).unwrap_or(&serde_json::Value::Null);
                q = match (c.kind, v) {
                    (Kind::Integer, serde_json::Value::Null) => q.bind(None::<i64>),
                    (Kind::Text, serde_json::Value::Null) => q.bind(None::<String>),
                    (Kind::Integer, serde_json::Value::Number(n)) => q.bind(n.as_i64().with_context(|| format!("{table}.{}: {n} is not an integer", c.name))?),
                    (Kind::Text, serde_json::Value::String(s)) => q.bind(s.clone()),
                    (_, other) => bail!("{table}.{}: unexpected value {other}", c.name),
                };
            }
        }
        Ok(q.execute(&mut **tx).await.with_context(|| format!("restoring {table}"))?.rows_affected())
    }
}
