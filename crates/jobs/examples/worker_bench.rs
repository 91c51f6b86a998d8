//! Worker throughput: N due reminders (each: one SMS and one email) materialised and delivered
//! to the local SMTP and SMS sinks by one or more worker nodes sharing the database.
//!
//! cargo run --release -p sendero-jobs --features testing --example worker_bench -- sqlite 100000 1
//! cargo run --release -p sendero-jobs --features testing --example worker_bench -- postgres 100000 2

use std::sync::Arc;
use std::time::{Duration as StdDuration, Instant};

use chrono::{Duration, Utc};
use sendero_jobs::testing::{SmsSink, SmtpSink};
use sendero_jobs::{Worker, WorkerConfig};
use sendero_store::testing::{Backend, TestDb};
use sendero_store::{format_time, Actor, Store};

/// Texts for the bench (the app's Fluent texts live in the web crate).
struct BenchTexts;
impl sendero_store::calendar::ReminderTexts for BenchTexts {
    fn client_reminder(&self, _: &str, info: &sendero_store::calendar::ReminderInfo<'_>, _: bool) -> (String, String) {
        ("Reminder".into(), format!("Your hearing is on {}.", info.event.local_time()))
    }
    fn staff_reminder(&self, _: &str, info: &sendero_store::calendar::ReminderInfo<'_>) -> (String, String) {
        ("Reminder".into(), info.client_name.clone())
    }
    fn call_task_title(&self, info: &sendero_store::calendar::ReminderInfo<'_>) -> String {
        info.client_name.clone()
    }
}

async fn seed(store: &Store, n: usize) {
    let org = store.create_organization(None, None, "Bench", "lead", None).await.unwrap();
    let actor = Actor { user_id: None, org_id: org };
    let program = store.create_program(actor, "Bench", sendero_domain::ProgramKind::DetentionAlternative, None).await.unwrap();
    let clients = n.clamp(1, 1000);
    let mut cases = vec![];
    for i in 0..clients {
        let input = sendero_domain::ClientInput { given_names: format!("Client{i}"), ..Default::default() };
        let d = sendero_domain::ClientDraft::parse(&input, Utc::now().date_naive()).unwrap();
        let contacts = [(sendero_domain::ContactKind::Phone, format!("+1 212 555 {i:04}")), (sendero_domain::ContactKind::Email, format!("c{i}@example.org"))];
        let client = store.create_client(actor, &d, &contacts).await.unwrap();
        cases.push((store.open_case(actor, client, program, None, None, false).await.unwrap(), client));
    }
    // Events and their due reminders in bulk (the bench measures delivery, not data entry).
    let starts = format_time(Utc::now() + Duration::days(2));
    let due = format_time(Utc::now() - Duration::minutes(1));
    let event_sql = sendero_store::render_sql(
        store.dialect(),
        "INSERT INTO events (org_id, case_id, client_id, kind, subtype, starts_at, tz, remote, created_at) VALUES (?, ?, ?, 'hearing', 'master_calendar', ?, 'America/New_York', 0, ?) RETURNING id",
    );
    let reminder_sql = sendero_store::render_sql(
        store.dialect(),
        "INSERT INTO reminders (org_id, event_id, offset_code, due_at, status) VALUES (?, ?, '2880m', ?, 'planned')",
    );
    let mut tx = store.pool().begin().await.unwrap();
    for i in 0..n {
        let (case, client) = cases[i % cases.len()];
        let row = sqlx::query(&event_sql).bind(org).bind(case).bind(client).bind(&starts).bind(&due).fetch_one(&mut *tx).await.unwrap();
        let id: i64 = sqlx::Row::get(&row, "id");
        sqlx::query(&reminder_sql).bind(org).bind(id).bind(&due).execute(&mut *tx).await.unwrap();
    }
    tx.commit().await.unwrap();
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let backend = if args.get(1).map(String::as_str) == Some("postgres") { Backend::Postgres } else { Backend::Sqlite };
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let nodes: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1);
    let db = match backend {
        Backend::Sqlite => TestDb::sqlite(true).await,
        Backend::Postgres => TestDb::postgres(true).await,
    };
    let t = Instant::now();
    seed(&db.store, n).await;
    eprintln!("seeded {n} due reminders in {:.1}s", t.elapsed().as_secs_f64());
    let (smtp, sms) = (SmtpSink::start(StdDuration::ZERO).await, SmsSink::start().await);
    let started = Instant::now();
    let mut handles = vec![];
    for node in 0..nodes {
        // Each node has its own pool, as separate processes would.
        let store = Store::connect(&db.url(), sendero_store::testing::cipher()).await.unwrap();
        let config = WorkerConfig {
            node: format!("bench-{node}"),
            smtp_url: Some(smtp.url()),
            mail_from: "Sendero <no-reply@sendero.test>".into(),
            sms_url: Some(sms.url()),
            batch: 200,
            parallel: 32,
            lease_secs: 120,
            poll_ms: 50,
            public_url: "http://sendero.test".into(),
        };
        let worker = Worker::new(store, Arc::new(BenchTexts), config).unwrap();
        handles.push(tokio::spawn(async move {
            loop {
                let s = worker.pass(Utc::now()).await.unwrap();
                if s.is_idle() {
                    break;
                }
            }
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
    let secs = started.elapsed().as_secs_f64();
    let (mails, texts) = (smtp.mails().len(), sms.received().len());
    println!(
        "{backend:?} nodes={nodes} reminders={n} messages={} (email {mails}, sms {texts}) in {secs:.1}s: {:.0} reminders/s, {:.0} messages/s",
        mails + texts,
        n as f64 / secs,
        (mails + texts) as f64 / secs
    );
    assert_eq!(mails + texts, 2 * n, "every reminder delivered once by SMS and once by email");
    db.cleanup().await;
}
