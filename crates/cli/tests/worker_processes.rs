//! Real `sendero worker` processes against local SMTP and SMS sinks: two nodes on one database
//! never send a message twice, and a node killed with SIGKILL mid-delivery loses nothing (its
//! leases expire and another node finishes; repeats are bounded by what was in flight, and carry
//! the same idempotency key so the far side can drop them).

use std::collections::HashMap;
use std::process::Stdio;
use std::time::Duration;

use sendero_jobs::testing::{SmsSink, SmtpSink};
use sendero_store::outbox::{NewMessage, CHANNEL_EMAIL, CHANNEL_SMS};
use sendero_store::testing::{Backend, TestDb};
use sendero_store::{Actor, Store};
use sqlx::Row;
use tokio::process::{Child, Command};

async fn db(backend: Backend) -> Option<TestDb> {
    match backend {
        Backend::Sqlite => Some(TestDb::sqlite(true).await),
        Backend::Postgres if sendero_store::testing::skip_pg() => None,
        Backend::Postgres => Some(TestDb::postgres(true).await),
    }
}

async fn enqueue(store: &Store, n: usize, sms_every: usize) {
    let org = store.create_organization(None, None, "Camino", "lead", None).await.unwrap();
    let actor = Actor { user_id: None, org_id: org };
    for i in 0..n {
        let sms = sms_every > 0 && i % sms_every == 0;
        let m = NewMessage {
            channel: if sms { CHANNEL_SMS } else { CHANNEL_EMAIL },
            recipient: if sms { "+1 212 555 0100" } else { "client@example.org" },
            client_id: None,
            user_id: None,
            purpose: "test",
            language: "en",
            subject: Some("Reminder"),
            body: "Your hearing is on Thursday at 8:30.",
            idempotency_key: format!("msg-{i}"),
            not_before: None,
        };
        store.enqueue_message(actor, &m).await.unwrap();
    }
}

fn worker(db: &TestDb, node: &str, smtp: &SmtpSink, sms: &SmsSink, lease_secs: u32) -> Child {
    Command::new(env!("CARGO_BIN_EXE_sendero"))
        .arg("worker")
        .env("SENDERO_DATABASE_URL", db.url())
        .env("SENDERO_SECRET_KEY", TestDb::secret_key())
        .env("SENDERO_SMTP_URL", smtp.url())
        .env("SENDERO_SMS_URL", sms.url())
        .env("SENDERO_WORKER_NODE", node)
        .env("SENDERO_WORKER_BATCH", "10")
        .env("SENDERO_WORKER_PARALLEL", "4")
        .env("SENDERO_WORKER_LEASE_SECS", lease_secs.to_string())
        .env("SENDERO_WORKER_POLL_MS", "100")
        .env("SENDERO_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .expect("starting sendero worker")
}

async fn sent_by(store: &Store) -> HashMap<String, i64> {
    let rows = sqlx::query("SELECT lease_owner, COUNT(*) AS n FROM outbox WHERE status = 'sent' GROUP BY lease_owner").fetch_all(store.pool()).await.unwrap();
    rows.iter().map(|r| (r.get::<Option<String>, _>("lease_owner").unwrap_or_default(), r.get::<i64, _>("n"))).collect()
}

async fn wait_all_sent(store: &Store, n: i64) {
    for _ in 0..1200 {
        if sent_by(store).await.values().sum::<i64>() == n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("not every message was sent: {:?}", store.outbox_counts().await.unwrap());
}

/// Idempotency keys received by the sinks, with how often each arrived.
fn received(smtp: &SmtpSink, sms: &SmsSink) -> HashMap<String, usize> {
    let mut keys: HashMap<String, usize> = HashMap::new();
    for m in smtp.mails() {
        *keys.entry(m.header("Idempotency-Key").expect("key header")).or_default() += 1;
    }
    for s in sms.received() {
        *keys.entry(s.payload["idempotency_key"].as_str().unwrap().to_owned()).or_default() += 1;
    }
    keys
}

async fn two_nodes_send_each_message_once(backend: Backend) {
    let Some(db) = db(backend).await else { return };
    const N: usize = 240;
    enqueue(&db.store, N, 3).await;
    // A little latency at the sink keeps both nodes busy at once.
    let (smtp, sms) = (SmtpSink::start(Duration::from_millis(5)).await, SmsSink::start().await);
    let mut a = worker(&db, "node-a", &smtp, &sms, 60);
    let mut b = worker(&db, "node-b", &smtp, &sms, 60);
    wait_all_sent(&db.store, N as i64).await;
    a.kill().await.ok();
    b.kill().await.ok();
    let keys = received(&smtp, &sms);
    assert_eq!(keys.len(), N, "every message arrived");
    let repeats: Vec<_> = keys.iter().filter(|(_, n)| **n > 1).collect();
    assert!(repeats.is_empty(), "sent twice: {repeats:?}");
    let by = sent_by(&db.store).await;
    assert_eq!(by.values().sum::<i64>(), N as i64);
    if backend == Backend::Postgres {
        // On PostgreSQL both nodes really work in parallel (SKIP LOCKED); SQLite serialises them.
        assert!(by.get("node-a").is_some_and(|n| *n > 0) && by.get("node-b").is_some_and(|n| *n > 0), "{by:?}");
    }
    db.cleanup().await;
}

async fn a_killed_node_loses_nothing(backend: Backend) {
    let Some(db) = db(backend).await else { return };
    const N: usize = 120;
    enqueue(&db.store, N, 0).await;
    let (smtp, sms) = (SmtpSink::start(Duration::from_millis(40)).await, SmsSink::start().await);
    let mut a = worker(&db, "node-a", &smtp, &sms, 2);
    // Kill it mid-run: some messages delivered, some leased and in flight.
    for _ in 0..600 {
        if smtp.mails().len() >= 20 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    a.start_kill().expect("SIGKILL");
    a.wait().await.ok();
    let before = smtp.mails().len();
    assert!(before < N, "killed before the end ({before} of {N})");
    let mut b = worker(&db, "node-b", &smtp, &sms, 2);
    wait_all_sent(&db.store, N as i64).await;
    b.kill().await.ok();
    let keys = received(&smtp, &sms);
    assert_eq!(keys.len(), N, "no message lost");
    // At-least-once: only messages in flight at the kill (at most one batch) may arrive twice.
    let repeats = keys.values().filter(|n| **n > 1).count();
    assert!(repeats <= 10, "{repeats} repeats, more than one batch");
    assert!(keys.values().all(|n| *n <= 2));
    let by = sent_by(&db.store).await;
    assert!(by.get("node-b").is_some_and(|n| *n > 0), "{by:?}");
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_nodes_send_each_message_once_postgres() {
    two_nodes_send_each_message_once(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_nodes_send_each_message_once_sqlite() {
    two_nodes_send_each_message_once(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_node_loses_nothing_postgres() {
    a_killed_node_loses_nothing(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_node_loses_nothing_sqlite() {
    a_killed_node_loses_nothing(Backend::Sqlite).await;
}
