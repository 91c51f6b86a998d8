//! The worker end to end in one process: reminders materialised from the calendar, delivered
//! through lettre's real SMTP client to a local SMTP sink and through reqwest to a local SMS
//! gateway, in the client's language, with idempotency keys, retries and opt-outs. Each story
//! runs on SQLite and on PostgreSQL.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{Duration, Utc};
use sendero_domain::calendar::{EventDraft, EventInput};
use sendero_domain::{ContactKind, ProgramKind, Role};
use sendero_jobs::testing::{SmsSink, SmtpSink};
use sendero_jobs::{Worker, WorkerConfig};
use sendero_store::calendar::NewPlace;
use sendero_store::users::NewUser;
use sendero_store::{Actor, Store};

macro_rules! both {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                sendero_store::testing::run(sendero_store::testing::Backend::Sqlite, true, |s| async move { super::$name(s).await }).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                sendero_store::testing::run(sendero_store::testing::Backend::Postgres, true, |s| async move { super::$name(s).await }).await
            }
        }
    };
}

fn config(node: &str, smtp: &SmtpSink, sms: &SmsSink) -> WorkerConfig {
    WorkerConfig {
        node: node.into(),
        smtp_url: Some(smtp.url()),
        mail_from: "Sendero <no-reply@sendero.test>".into(),
        sms_url: Some(sms.url()),
        batch: 50,
        parallel: 4,
        lease_secs: 60,
        poll_ms: 50,
        public_url: "http://sendero.test".into(),
    }
}

struct Seeded {
    actor: Actor,
    client: i64,
    event: i64,
}

/// Darwin (Spanish), living in New York, with a master calendar hearing in Houston in two days.
async fn seed(store: &Store, contacts: &[(ContactKind, String)]) -> Seeded {
    let org = store.create_organization(None, None, "Camino", "lead", Some("New York")).await.unwrap();
    let system = Actor { user_id: None, org_id: org };
    let cm = store
        .create_user(
            None,
            NewUser {
                org_id: org,
                email: "cm@camino.test",
                display_name: "Case Manager",
                password: "long enough password",
                role: Role::CaseManager,
                locale: "en",
                caseload_limit: 25,
            },
        )
        .await
        .unwrap();
    let actor = Actor { user_id: Some(cm), org_id: org };
    let houston = store
        .add_place(&NewPlace {
            kind: "court",
            name: "Houston Immigration Court",
            address: "600 Jefferson St, Houston, TX 77002",
            city: "Houston",
            state: "TX",
            zip: "77002",
            tz: "America/Chicago",
            lat: 29.7557,
            lon: -95.3647,
        })
        .await
        .unwrap();
    let mut d = sendero_domain::ClientDraft::parse(
        &sendero_domain::ClientInput { given_names: "Darwin".into(), family_names: "Pérez".into(), languages: "es".into(), ..Default::default() },
        Utc::now().date_naive(),
    )
    .unwrap();
    d.languages = Some("es".into());
    let client = store.create_client(actor, &d, contacts).await.unwrap();
    let program = store.create_program(system, "ATD pilot", ProgramKind::DetentionAlternative, None).await.unwrap();
    let case = store.open_case(actor, client, program, None, Some(cm), false).await.unwrap();
    let tz = sendero_domain::calendar::parse_tz("America/Chicago").unwrap();
    let local = (Utc::now() + Duration::days(2)).with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string();
    let draft = EventDraft::parse(&EventInput {
        kind: "hearing".into(),
        subtype: "master_calendar".into(),
        place_id: Some(houston),
        local,
        tz: "America/Chicago".into(),
        ..Default::default()
    })
    .unwrap();
    let event = store.create_event(actor, case, &draft).await.unwrap();
    Seeded { actor, client, event }
}

fn contacts() -> Vec<(ContactKind, String)> {
    vec![
        (ContactKind::Address, "410 W 34th St, New York, NY 10001".into()),
        (ContactKind::Phone, "+1 212 555 0100".into()),
        (ContactKind::Email, "darwin@example.org".into()),
    ]
}

async fn until_idle(worker: &Worker, at: chrono::DateTime<Utc>) -> sendero_jobs::PassStats {
    let mut total = sendero_jobs::PassStats::default();
    for _ in 0..20 {
        let s = worker.pass(at).await.unwrap();
        if s.is_idle() {
            return total;
        }
        total.reminders += s.reminders;
        total.sent += s.sent;
        total.failed += s.failed;
        total.opted_out += s.opted_out;
        total.reports += s.reports;
    }
    panic!("worker never went idle");
}

async fn reminders_reach_the_sinks_in_the_clients_language(store: Store) {
    let (smtp, sms) = (SmtpSink::start(StdDuration::ZERO).await, SmsSink::start().await);
    let s = seed(&store, &contacts()).await;
    let worker = Worker::new(store.clone(), Arc::new(sendero_web::pages::calendar::FluentTexts), config("node-1", &smtp, &sms)).unwrap();
    let stats = until_idle(&worker, Utc::now()).await;
    // The 2-day reminder is due (the 7-day one is stale): SMS + email to Darwin, email to staff.
    let errors: Vec<Option<String>> = store.outbox_messages(s.actor.org_id, None, None, 10).await.unwrap().into_iter().map(|m| m.last_error).collect();
    assert_eq!((stats.reminders, stats.sent, stats.failed), (3, 3, 0), "{stats:?} {errors:?}");

    let texts = sms.received();
    assert_eq!(texts.len(), 1);
    let body = texts[0].payload["body"].as_str().unwrap();
    assert!(body.starts_with("Recordatorio: Audiencia preliminar"), "Spanish SMS: {body}");
    assert!(body.contains("Houston Immigration Court"), "{body}");
    assert!(body.contains("CST") || body.contains("CDT"), "court-local time: {body}");
    let key = texts[0].payload["idempotency_key"].as_str().unwrap();
    assert_eq!(key, format!("reminder:{}:2880m:sms", s.event));
    assert_eq!(texts[0].idempotency_header.as_deref(), Some(key));
    assert_eq!(texts[0].payload["to"], "+1 212 555 0100");

    let mails = smtp.mails();
    assert_eq!(mails.len(), 2);
    let client_mail = mails.iter().find(|m| m.to == ["darwin@example.org"]).expect("client email");
    assert!(client_mail.header("Subject").unwrap().contains("Recordatorio"), "{:?}", client_mail.header("Subject"));
    assert!(client_mail.body().contains("Hola Darwin Pérez"), "{}", client_mail.body());
    assert_eq!(client_mail.header("Idempotency-Key"), Some(format!("reminder:{}:2880m:email", s.event)));
    assert_eq!(client_mail.header("Message-ID"), Some(sendero_jobs::send::message_id(s.actor.org_id, &format!("reminder:{}:2880m:email", s.event))));
    let staff_mail = mails.iter().find(|m| m.to == ["cm@camino.test"]).expect("staff email");
    assert!(staff_mail.body().contains("Darwin Pérez has a Master calendar hearing"), "{}", staff_mail.body());

    // Every message is kept with its status.
    let msgs = store.client_messages(s.actor.org_id, s.client, 10).await.unwrap();
    assert!(msgs.iter().all(|m| m.status == "sent" && m.sent_at.is_some()), "{msgs:?}");
    // Another pass sends nothing again.
    assert!(worker.pass(Utc::now()).await.unwrap().is_idle());
    assert_eq!(sms.received().len() + smtp.mails().len(), 3);
}
both!(reminders_reach_the_sinks_in_the_clients_language);

async fn failed_deliveries_back_off_and_retry(store: Store) {
    let (smtp, sms) = (SmtpSink::start(StdDuration::ZERO).await, SmsSink::start().await);
    let s = seed(&store, &[(ContactKind::Phone, "+1 212 555 0100".into())]).await;
    sms.fail_next.store(1, std::sync::atomic::Ordering::SeqCst);
    let worker = Worker::new(store.clone(), Arc::new(sendero_web::pages::calendar::FluentTexts), config("node-1", &smtp, &sms)).unwrap();
    let now = Utc::now();
    let first = worker.pass(now).await.unwrap();
    assert_eq!(first.failed, 1, "{first:?}");
    let m = store.client_messages(s.actor.org_id, s.client, 10).await.unwrap().into_iter().find(|m| m.channel == "sms").unwrap();
    assert_eq!((m.status.as_str(), m.attempts), ("queued", 1));
    assert!(m.last_error.as_deref().unwrap().contains("500"), "{:?}", m.last_error);
    assert!(m.not_before > sendero_store::format_time(now), "backed off");
    // Not before the back-off has passed…
    assert_eq!(worker.pass(now).await.unwrap().sent, 0);
    // …then it goes.
    until_idle(&worker, now + Duration::minutes(2)).await;
    let m = store.client_messages(s.actor.org_id, s.client, 10).await.unwrap().into_iter().find(|m| m.channel == "sms").unwrap();
    assert_eq!((m.status.as_str(), m.attempts), ("sent", 2));
    assert_eq!(sms.received().len(), 1);
}
both!(failed_deliveries_back_off_and_retry);

async fn opt_out_is_checked_at_delivery(store: Store) {
    let (smtp, sms) = (SmtpSink::start(StdDuration::ZERO).await, SmsSink::start().await);
    let s = seed(&store, &contacts()).await;
    let due = store.due_reminders(Utc::now(), 10).await.unwrap();
    for r in &due {
        store.materialise_reminder(r, &sendero_web::pages::calendar::FluentTexts, Utc::now()).await.unwrap();
    }
    assert_eq!(store.client_messages(s.actor.org_id, s.client, 10).await.unwrap().len(), 2, "SMS and email queued");
    // Queued first, then the client opts out of SMS: the queued SMS is kept but not sent.
    store.set_opt_out(s.actor, s.client, "sms", true).await.unwrap();
    let worker = Worker::new(store.clone(), Arc::new(sendero_web::pages::calendar::FluentTexts), config("node-1", &smtp, &sms)).unwrap();
    let stats = until_idle(&worker, Utc::now()).await;
    assert_eq!(stats.opted_out, 1, "{stats:?}");
    assert!(sms.received().is_empty());
    let statuses: Vec<(String, String)> =
        store.client_messages(s.actor.org_id, s.client, 10).await.unwrap().into_iter().map(|m| (m.channel, m.status)).collect();
    assert!(statuses.contains(&("sms".into(), "opted_out".into())), "{statuses:?}");
    assert!(statuses.contains(&("email".into(), "sent".into())), "{statuses:?}");
}
both!(opt_out_is_checked_at_delivery);

/// A monthly board report scheduled by an administrator is made by the worker on its due date,
/// kept once, de-identified, and announced by email (a link, not the file) in the recipient's
/// language; a worker that was down catches up one month at a time.
async fn scheduled_reports_are_made_once_and_announced(store: Store) {
    let (smtp, sms) = (SmtpSink::start(StdDuration::ZERO).await, SmsSink::start().await);
    let s = seed(&store, &contacts()).await;
    let admin = store
        .create_user(
            None,
            NewUser {
                org_id: s.actor.org_id,
                email: "director@camino.test",
                display_name: "Directora",
                password: "long enough password",
                role: Role::Administrator,
                locale: "es",
                caseload_limit: 0,
            },
        )
        .await
        .unwrap();
    let schedule = sendero_store::report_schedules::NewSchedule {
        report: "board",
        format: "csv",
        cadence: "monthly",
        program_id: None,
        language: "es",
        recipients: &[admin],
    };
    let actor = Actor { user_id: Some(admin), org_id: s.actor.org_id };
    let id = store.create_report_schedule(actor, &schedule, Utc::now().date_naive()).await.unwrap();
    let due: chrono::NaiveDate = store.report_schedule(s.actor.org_id, id).await.unwrap().next_run_on.parse().unwrap();
    let worker = Worker::new(store.clone(), Arc::new(sendero_web::pages::calendar::FluentTexts), config("node-1", &smtp, &sms))
        .unwrap()
        .with_reports(Arc::new(sendero_web::pages::schedules::Scheduler));

    // The day before it is due, nothing is made.
    let before = due.pred_opt().unwrap().and_hms_opt(12, 0, 0).unwrap().and_utc();
    until_idle(&worker, before).await;
    assert!(store.report_runs(s.actor.org_id, 10).await.unwrap().is_empty());

    let at = due.and_hms_opt(6, 0, 0).unwrap().and_utc();
    let stats = until_idle(&worker, at).await;
    assert_eq!(stats.reports, 1, "{stats:?}");
    let runs = store.report_runs(s.actor.org_id, 10).await.unwrap();
    assert_eq!(runs.len(), 1);
    let (run, bytes) = store.report_run_file(s.actor.org_id, runs[0].id).await.unwrap();
    let period = sendero_domain::report_schedule::Cadence::Monthly.period_before(due);
    assert_eq!((run.period_from.clone(), run.period_to.clone()), (period.from.to_string(), period.to.to_string()));
    let csv = String::from_utf8(bytes).unwrap();
    assert!(csv.contains("ATD pilot") && csv.contains("Programa"), "the board report, in Spanish: {csv}");
    assert!(!csv.contains("Darwin") && !csv.contains("Pérez"), "no client is named: {csv}");

    let mails: Vec<_> = smtp.mails().into_iter().filter(|m| m.to == ["director@camino.test"]).collect();
    assert_eq!(mails.len(), 1, "one notice");
    let link = format!("http://sendero.test/reports/runs/{}", run.id);
    assert!(mails[0].body().contains(&link), "{}", mails[0].body());
    assert!(mails[0].header("Subject").unwrap().starts_with("Informe para la junta"), "{:?}", mails[0].header("Subject"));
    assert!(!mails[0].body().contains("ATD pilot"), "the email carries a link, not the report");

    // Another pass on the same day makes nothing more.
    until_idle(&worker, at).await;
    assert_eq!(store.report_runs(s.actor.org_id, 10).await.unwrap().len(), 1);

    // Down for two months: both missed months are made, oldest first, each once.
    let later = (due + chrono::Months::new(2)).and_hms_opt(6, 0, 0).unwrap().and_utc();
    assert_eq!(until_idle(&worker, later).await.reports, 2);
    let periods: Vec<String> = store.report_runs(s.actor.org_id, 10).await.unwrap().into_iter().map(|r| r.period_from).collect();
    let expected: Vec<String> = (0..3).rev().map(|m| (period.from + chrono::Months::new(m)).to_string()).collect();
    assert_eq!(periods, expected, "newest first, no gaps");
    assert_eq!(smtp.mails().into_iter().filter(|m| m.to == ["director@camino.test"]).count(), 3);
}
both!(scheduled_reports_are_made_once_and_announced);
