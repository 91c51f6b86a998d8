//! Fresh test databases for Sendero's test suites (feature `testing`): a temporary SQLite
//! file, or a PostgreSQL database cloned from a migrated template made once per test run
//! (crates.io's trick: a fresh database in milliseconds).

use std::future::Future;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use sqlx::{Connection, Executor, PgConnection, Row};
use tokio::sync::OnceCell;

use crate::crypto::FieldCipher;
use crate::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Databases from runs older than this are someone's crashed run; they are dropped.
const STALE_SECS: u64 = 3600;
/// Templates are cloned all through a run, and parallel runs (worktrees, CI) may overlap.
const STALE_TEMPLATE_SECS: u64 = 3600;
const DB_PREFIX: &str = "sendero_t_";
const TEMPLATE_PREFIX: &str = "sendero_tpl_";

pub fn cipher() -> FieldCipher {
    FieldCipher::from_key([42; 32])
}

fn unix_now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).expect("clock after 1970").as_secs()
}

/// A database name that sorts by age and cannot collide: `<prefix><unix secs>_<random>`.
fn unique_name(prefix: &str) -> String {
    format!("{prefix}{}_{:016x}", unix_now(), rand::random::<u64>())
}

/// Base server URL (no database) and query string, from `SENDERO_TEST_PG_URL`.
fn pg_server() -> (String, String) {
    let url = std::env::var("SENDERO_TEST_PG_URL").ok().filter(|u| !u.trim().is_empty()).unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432".to_owned());
    let (url, query) = match url.split_once('?') {
        Some((u, q)) => (u.to_owned(), format!("?{q}")),
        None => (url, String::new()),
    };
    let authority_start = url.find("://").map_or(0, |i| i + 3);
    let base = match url[authority_start..].find('/') {
        Some(slash) => url[..authority_start + slash].to_owned(),
        None => url,
    };
    (base, query)
}

pub fn pg_url(database: &str) -> String {
    let (base, query) = pg_server();
    format!("{base}/{database}{query}")
}

pub fn skip_pg() -> bool {
    std::env::var("SENDERO_TEST_SKIP_PG").is_ok_and(|v| v == "1")
}

async fn admin() -> PgConnection {
    let url = pg_url("postgres");
    match PgConnection::connect(&url).await {
        Ok(c) => c,
        Err(e) => panic!(
            "PostgreSQL is unreachable at {url}: {e}\n\
             Start it, point SENDERO_TEST_PG_URL at a server, or set SENDERO_TEST_SKIP_PG=1 to run SQLite only."
        ),
    }
}

async fn drop_database(conn: &mut PgConnection, name: &str) {
    conn.execute(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").as_str()).await.unwrap_or_else(|e| panic!("dropping test database {name}: {e}"));
}

/// Drop test databases left behind by runs that crashed (or by earlier runs' templates).
async fn drop_stale(conn: &mut PgConnection) {
    let names: Vec<String> = sqlx::query("SELECT datname::text AS name FROM pg_database")
        .fetch_all(&mut *conn)
        .await
        .expect("listing databases")
        .iter()
        .map(|r| r.get("name"))
        .collect();
    let now = unix_now();
    for name in names {
        let (rest, stale_after) = if let Some(rest) = name.strip_prefix(TEMPLATE_PREFIX) {
            (rest, STALE_TEMPLATE_SECS)
        } else if let Some(rest) = name.strip_prefix(DB_PREFIX) {
            (rest, STALE_SECS)
        } else {
            continue;
        };
        let born = rest.split('_').next().and_then(|s| s.parse::<u64>().ok());
        if born.is_some_and(|b| now.saturating_sub(b) > stale_after) {
            drop_database(conn, &name).await;
        }
    }
}

/// The migrated template, made once per test run (first PostgreSQL test to get here).
async fn template() -> &'static str {
    static TEMPLATE: OnceCell<String> = OnceCell::const_new();
    TEMPLATE
        .get_or_init(|| async {
            let mut conn = admin().await;
            drop_stale(&mut conn).await;
            let name = unique_name(TEMPLATE_PREFIX);
            conn.execute(format!("CREATE DATABASE \"{name}\"").as_str()).await.expect("creating template database");
            let store = Store::connect(&pg_url(&name), cipher()).await.expect("connecting to template");
            store.migrate().await.expect("migrating template");
            // A template must have no open connections while it is cloned.
            store.pool().close().await;
            drop(store);
            conn.close().await.ok();
            name
        })
        .await
}

/// One test's database; `cleanup` closes the pool and removes the database.
pub struct TestDb {
    pub store: Store,
    place: Place,
}

enum Place {
    Sqlite(PathBuf),
    Postgres(String),
}

impl TestDb {
    pub async fn sqlite(migrated: bool) -> TestDb {
        let dir = std::env::temp_dir().join(format!("sendero-store-test-{}-{:016x}", std::process::id(), rand::random::<u64>()));
        std::fs::create_dir_all(&dir).expect("creating temp dir");
        let url = format!("sqlite://{}", dir.join("test.db").display());
        let store = Store::connect(&url, cipher()).await.expect("opening SQLite");
        if migrated {
            store.migrate().await.expect("migrating SQLite");
        }
        TestDb { store, place: Place::Sqlite(dir) }
    }

    pub async fn postgres(migrated: bool) -> TestDb {
        let name = unique_name(DB_PREFIX);
        let create = if migrated {
            let tpl = template().await;
            format!("CREATE DATABASE \"{name}\" TEMPLATE \"{tpl}\"")
        } else {
            format!("CREATE DATABASE \"{name}\"")
        };
        let mut conn = admin().await;
        conn.execute(create.as_str()).await.unwrap_or_else(|e| panic!("{create}: {e}"));
        conn.close().await.ok();
        let store = Store::connect(&pg_url(&name), cipher()).await.expect("connecting to test database");
        TestDb { store, place: Place::Postgres(name) }
    }

    /// The database URL, for starting other processes (e.g. `sendero worker`) on it.
    pub fn url(&self) -> String {
        match &self.place {
            Place::Sqlite(dir) => format!("sqlite://{}", dir.join("test.db").display()),
            Place::Postgres(name) => pg_url(name),
        }
    }

    /// `SENDERO_SECRET_KEY` for processes sharing this test database (the key of [`cipher`]).
    pub fn secret_key() -> String {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode([42u8; 32])
    }

    pub async fn cleanup(self) {
        self.store.pool().close().await;
        drop(self.store);
        match self.place {
            Place::Sqlite(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Place::Postgres(name) => {
                let mut conn = admin().await;
                drop_database(&mut conn, &name).await;
                conn.close().await.ok();
            }
        }
    }
}

/// Run `story` against a fresh database of `backend`, clean up whatever the outcome, then
/// report the story's panic (if any) as this test's failure.
pub async fn run<F, Fut>(backend: Backend, migrated: bool, story: F)
where
    F: FnOnce(Store) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let db = match backend {
        Backend::Sqlite => TestDb::sqlite(migrated).await,
        Backend::Postgres => {
            if skip_pg() {
                eprintln!("SENDERO_TEST_SKIP_PG=1: skipping the PostgreSQL run");
                return;
            }
            TestDb::postgres(migrated).await
        }
    };
    let outcome = tokio::spawn(story(db.store.clone())).await;
    db.cleanup().await;
    if let Err(e) = outcome {
        match e.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(e) => panic!("story did not finish: {e}"),
        }
    }
}
