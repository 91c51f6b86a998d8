//! Sendero's one storage layer. Queries are written once in portable SQL with `?` placeholders;
//! the store renders them for the backend in use (`$n` on PostgreSQL). Only what truly differs
//! between SQLite and PostgreSQL (full-text search, pragmas, write serialisation) branches on
//! [`Dialect`].

pub mod assessments;
pub mod audit;
pub mod backup;
pub mod calendar;
pub mod care_networks;
pub mod care_notices;
pub mod cases;
pub mod client_export;
pub mod clients;
pub mod crypto;
pub mod dedup;
pub mod delivery;
pub mod demo;
mod demo_calendar;
mod demo_lottery;
pub mod demo_services;
mod demo_sharing;
pub mod demo_volunteers;
pub mod directory;
mod directory_index;
pub mod error;
pub mod guardians;
pub mod import;
pub mod intake;
pub mod keys;
pub mod lottery;
pub mod oidc;
pub mod orgs;
pub mod outbox;
pub mod overview;
pub mod referrals;
pub mod report_schedules;
pub mod reporting;
pub mod retention;
pub mod rides;
pub mod rollups;
pub mod services;
pub mod sessions;
pub mod sharing;
mod sql;
pub mod tasks;
#[cfg(feature = "testing")]
pub mod testing;
pub mod two_factor;
pub mod users;
pub mod volunteers;

use std::sync::Arc;
use std::time::Duration;

use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

pub use error::{StoreError, StoreResult};
pub use sql::{render_dynamic as render_sql, Dialect};

/// Who is writing: every write is attributed and scoped to an organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    pub user_id: Option<i64>,
    pub org_id: i64,
}

/// The database handle shared by web handlers, the CLI and jobs. Cheap to clone.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    dialect: Dialect,
    cipher: Arc<crypto::FieldCipher>,
    /// SQLite allows one writer; serialising write transactions in-process avoids
    /// SQLITE_BUSY on read→write lock upgrades. PostgreSQL needs no such lock.
    write_lock: Option<Arc<tokio::sync::Mutex<()>>>,
    /// Per organization, the directory search index and the generation it was built from
    /// (checked against the database on every search, see `directory_index`).
    directory_indexes: Arc<std::sync::RwLock<std::collections::HashMap<i64, Arc<directory_index::OrgDirectoryIndex>>>>,
}

static MIGRATIONS_SQLITE: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static MIGRATIONS_POSTGRES: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

impl Store {
    /// Connect to `url` (`sqlite://path.db` or `postgres://…`). Refuses to guess: any other
    /// scheme is an error rather than a silently created file.
    pub async fn connect(url: &str, cipher: crypto::FieldCipher) -> anyhow::Result<Store> {
        install_default_drivers();
        let dialect = Dialect::from_url(url)?;
        let options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(10));
        let pool = match dialect {
            Dialect::Sqlite => {
                let url = if url.contains('?') { url.to_owned() } else { format!("{url}?mode=rwc") };
                options
                    .max_connections(8)
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            conn.execute(
                                "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                                 PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;",
                            )
                            .await?;
                            Ok(())
                        })
                    })
                    .connect(&url)
                    .await?
            }
            Dialect::Postgres => options.max_connections(16).connect(url).await?,
        };
        let write_lock = (dialect == Dialect::Sqlite).then(|| Arc::new(tokio::sync::Mutex::new(())));
        Ok(Store { pool, dialect, cipher: Arc::new(cipher), write_lock, directory_indexes: Arc::default() })
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn cipher(&self) -> &crypto::FieldCipher {
        &self.cipher
    }

    fn migrator(&self) -> &'static sqlx::migrate::Migrator {
        match self.dialect {
            Dialect::Sqlite => &MIGRATIONS_SQLITE,
            Dialect::Postgres => &MIGRATIONS_POSTGRES,
        }
    }

    /// Apply every pending migration (embedded in the binary, one folder per backend).
    pub async fn migrate(&self) -> anyhow::Result<()> {
        self.migrator().run(&self.pool).await?;
        self.install_builtin_instruments().await?;
        Ok(())
    }

    /// Revert every migration; used by the migration round-trip test.
    pub async fn migrate_down_all(&self) -> anyhow::Result<()> {
        self.migrator().undo(&self.pool, 0).await?;
        Ok(())
    }

    /// Start a write transaction (serialised on SQLite, see `write_lock`).
    pub(crate) async fn begin_write(&self) -> StoreResult<WriteTx> {
        let guard = match &self.write_lock {
            Some(lock) => Some(lock.clone().lock_owned().await),
            None => None,
        };
        let tx = self.pool.begin().await?;
        Ok(WriteTx { tx, _guard: guard })
    }

    /// Render a portable query for this backend.
    pub(crate) fn q(&self, portable: &'static str) -> &'static str {
        sql::render(self.dialect, portable)
    }

    /// Is the database reachable? Used by `/healthz`.
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    /// Online backup of an SQLite database into a new file.
    pub async fn backup_sqlite(&self, to: &std::path::Path) -> anyhow::Result<()> {
        anyhow::ensure!(self.dialect == Dialect::Sqlite, "online backup here is for SQLite; use pg_dump for PostgreSQL");
        let path = to.to_str().ok_or_else(|| anyhow::anyhow!("backup path is not UTF-8"))?;
        sqlx::query("VACUUM INTO ?").bind(path.to_owned()).execute(&self.pool).await?;
        Ok(())
    }
}

pub(crate) struct WriteTx {
    pub tx: sqlx::Transaction<'static, sqlx::Any>,
    _guard: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl WriteTx {
    pub async fn commit(self) -> StoreResult<()> {
        self.tx.commit().await?;
        Ok(())
    }
}

/// Current time as stored: RFC 3339 UTC with microseconds, so text order is time order.
pub fn now() -> String {
    format_time(chrono::Utc::now())
}

pub fn format_time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

/// One page of a list, with the total for paging controls.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Matching rows, counted up to [`COUNT_CAP`] + 1 (see [`Page::total_capped`]).
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// Lists count at most this many rows: an exact count of 100,000 cases on every page view cost
/// more than the page itself (bench/); past the cap the pager says "more than 10,000".
pub const COUNT_CAP: i64 = 10_000;

impl<T> Page<T> {
    pub fn pages(&self) -> i64 {
        ((self.total + self.per_page - 1) / self.per_page).max(1)
    }

    /// True when there are more rows than were counted.
    pub fn total_capped(&self) -> bool {
        self.total > COUNT_CAP
    }
}
