//! Scheduled reports: only people who may view reports receive them, a run is recorded once
//! however many workers race for it, its file comes back byte for byte, and another
//! organization sees none of it.

use chrono::NaiveDate;
use sendero_domain::board::Period;
use sendero_domain::Role;
use sendero_store::report_schedules::{NewSchedule, RenderedReport, RunNotice};
use sendero_store::users::NewUser;
use sendero_store::{Actor, Store, StoreError};

use crate::support::{count, story, world};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

async fn user(store: &Store, org: i64, email: &str, role: Role) -> i64 {
    let new = NewUser { org_id: org, email, display_name: email, password: "long enough password", role, locale: "es", caseload_limit: 25 };
    store.create_user(None, new).await.unwrap()
}

fn rendered() -> RenderedReport {
    RenderedReport {
        file_name: "board-2026-11-01-2026-11-30.pdf".into(),
        content_type: "application/pdf".into(),
        content: b"%PDF-1.7\n\x00\xff binary".to_vec(),
    }
}

async fn schedules_run_once_for_allowed_recipients(store: &Store) {
    let w = world(store).await;
    let admin = user(store, w.org, "admin@camino.test", Role::Administrator).await;
    let evaluator = user(store, w.org, "eval@camino.test", Role::Evaluator).await;
    let case_manager = user(store, w.org, "cm@camino.test", Role::CaseManager).await;
    let stranger = user(store, w.other_org, "admin@elsewhere.test", Role::Administrator).await;
    let actor = Actor { user_id: Some(admin), org_id: w.org };
    let today = d("2026-11-24");
    let new = |recipients: &'static [i64]| NewSchedule { report: "board", format: "pdf", cadence: "monthly", program_id: None, language: "es", recipients };

    // Only active staff of this organization who may view reports can receive them.
    let cm: &'static [i64] = Box::leak(vec![admin, case_manager].into_boxed_slice());
    assert!(matches!(store.create_report_schedule(actor, &new(cm), today).await, Err(StoreError::Refused("schedule-error-recipients"))));
    let other: &'static [i64] = Box::leak(vec![stranger].into_boxed_slice());
    assert!(matches!(store.create_report_schedule(actor, &new(other), today).await, Err(StoreError::Refused("schedule-error-recipients"))));
    let ok: &'static [i64] = Box::leak(vec![admin, evaluator, admin].into_boxed_slice());
    let bad = NewSchedule { report: "clients", ..new(ok) };
    assert!(matches!(store.create_report_schedule(actor, &bad, today).await, Err(StoreError::Refused("schedule-error-report"))));
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM report_schedules", &[]).await, 0, "refusals write nothing");

    let id = store.create_report_schedule(actor, &new(ok), today).await.unwrap();
    let schedule = store.report_schedule(w.org, id).await.unwrap();
    assert_eq!(schedule.next_run_on, "2026-12-01", "the first run waits for a whole month");
    assert!(matches!(store.report_schedule(w.other_org, id).await, Err(StoreError::NotFound)));
    assert_eq!(store.schedule_recipients(&schedule).await.unwrap().len(), 2, "a recipient chosen twice is one recipient");
    assert!(store.due_report_schedules(d("2026-11-30"), 10).await.unwrap().is_empty());
    let due = store.due_report_schedules(d("2026-12-01"), 10).await.unwrap();
    assert_eq!(due.iter().map(|s| s.id).collect::<Vec<_>>(), vec![id]);

    // Two workers race for the same run: exactly one records it and queues the notices.
    let period = Period { from: d("2026-11-01"), to: d("2026-11-30") };
    let notices = |run: i64| {
        vec![RunNotice {
            user_id: admin,
            email: "admin@camino.test".into(),
            language: "es".into(),
            subject: "Informe listo".into(),
            body: format!("https://sendero.test/reports/runs/{run}"),
        }]
    };
    let file = rendered();
    let (a, b) = tokio::join!(
        store.record_report_run(&due[0], period, d("2027-01-01"), &file, &notices),
        store.record_report_run(&due[0], period, d("2027-01-01"), &file, &notices)
    );
    let runs: Vec<i64> = [a.unwrap(), b.unwrap()].into_iter().flatten().collect();
    assert_eq!(runs.len(), 1, "one run however many workers");
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM report_runs", &[]).await, 1);
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM outbox WHERE purpose = 'scheduled_report' AND org_id = ?", &[w.org]).await, 1);
    assert_eq!(store.report_schedule(w.org, id).await.unwrap().next_run_on, "2027-01-01");
    assert!(store.due_report_schedules(d("2026-12-31"), 10).await.unwrap().is_empty());

    let (run, bytes) = store.report_run_file(w.org, runs[0]).await.unwrap();
    assert_eq!(bytes, rendered().content, "the file comes back byte for byte");
    assert_eq!((run.period_from.as_str(), run.period_to.as_str(), run.bytes), ("2026-11-01", "2026-11-30", bytes.len() as i64));
    assert!(matches!(store.report_run_file(w.other_org, runs[0]).await, Err(StoreError::NotFound)));
    assert!(store.report_runs(w.other_org, 10).await.unwrap().is_empty());
    assert_eq!(store.report_runs(w.org, 10).await.unwrap().len(), 1);

    // Pausing needs the current version; a paused schedule is never due.
    let current = store.report_schedule(w.org, id).await.unwrap();
    assert!(matches!(store.set_report_schedule_active(actor, id, false, current.version - 1).await, Err(StoreError::Conflict { .. })));
    assert!(matches!(
        store.set_report_schedule_active(Actor { user_id: Some(stranger), org_id: w.other_org }, id, false, current.version).await,
        Err(StoreError::NotFound)
    ));
    store.set_report_schedule_active(actor, id, false, current.version).await.unwrap();
    assert!(store.due_report_schedules(d("2027-06-01"), 10).await.unwrap().is_empty());
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM audit_log WHERE org_id = ? AND entity = 'report_schedule'", &[w.org]).await, 3, "create, run, pause");
}
story!(schedules_run_once_for_allowed_recipients);
