//! Test harness: every story runs once on SQLite (a fresh temporary file) and once on
//! PostgreSQL (a fresh database cloned from a migrated template made once per test run).

use sendero_domain::{ClientDraft, ClientInput};
use sendero_store::{Actor, Store};
use sqlx::Row;

pub use sendero_store::testing::{run, Backend};

/// Run one story on one backend: `story!(name)` makes `name::sqlite` and `name::postgres`
/// tests calling `async fn name(store: &Store)`. With `unmigrated`, the database starts empty.
macro_rules! story {
    ($name:ident) => {
        story!(@make $name, true);
    };
    ($name:ident, unmigrated) => {
        story!(@make $name, false);
    };
    (@make $name:ident, $migrated:expr) => {
        mod $name {
            use crate::support::{Backend, run};

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                run(Backend::Sqlite, $migrated, |store| async move {
                    super::$name(&store).await
                })
                .await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                run(Backend::Postgres, $migrated, |store| async move {
                    super::$name(&store).await
                })
                .await
            }
        }
    };
}
pub(crate) use story;

// ---------------------------------------------------------------------------------------------
// Helpers shared by the stories.

/// Render `?` placeholders for the store's backend.
pub fn sql(store: &Store, portable: &str) -> String {
    sendero_store::render_sql(store.dialect(), portable)
}

/// Run a raw statement with integer arguments.
pub async fn exec(store: &Store, portable: &str, args: &[i64]) -> Result<u64, sqlx::Error> {
    let text = sql(store, portable);
    let mut q = sqlx::query(&text);
    for a in args {
        q = q.bind(*a);
    }
    Ok(q.execute(store.pool()).await?.rows_affected())
}

/// `SELECT COUNT(*) AS n …` with integer arguments.
pub async fn count(store: &Store, portable: &str, args: &[i64]) -> i64 {
    let text = sql(store, portable);
    let mut q = sqlx::query(&text);
    for a in args {
        q = q.bind(*a);
    }
    q.fetch_one(store.pool()).await.unwrap_or_else(|e| panic!("{text}: {e}")).get::<i64, _>("n")
}

pub fn input(given: &str, family: &str) -> ClientInput {
    ClientInput { given_names: given.into(), family_names: family.into(), ..Default::default() }
}

pub fn parse(input: &ClientInput) -> ClientDraft {
    ClientDraft::parse(input, chrono::Utc::now().date_naive()).expect("valid test client")
}

pub fn draft(given: &str, family: &str) -> ClientDraft {
    parse(&input(given, family))
}

/// Two organizations to write in; `actor` is a system actor (no user) of the first.
pub struct World {
    pub org: i64,
    pub other_org: i64,
    pub actor: Actor,
    pub other: Actor,
}

pub async fn world(store: &Store) -> World {
    let consortium = store.create_consortium("Test consortium").await.unwrap();
    let org = store.create_organization(None, Some(consortium), "Camino", "lead", Some("New York")).await.unwrap();
    let other_org = store.create_organization(None, None, "Elsewhere", "partner", None).await.unwrap();
    World { org, other_org, actor: Actor { user_id: None, org_id: org }, other: Actor { user_id: None, org_id: other_org } }
}
