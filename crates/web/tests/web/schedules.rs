//! The scheduled-reports page: administrators schedule and pause, with errors that say what to
//! fix and keep what was entered; evaluators see the runs but cannot schedule.

use sendero_domain::Role;

use crate::support::{app_test, TestApp};

async fn administrators_schedule_and_pause_reports(app: TestApp) {
    let admin = app.session(Role::Administrator).await;
    let page = app.get(&admin, "/reports/schedules").await.text().await.unwrap();
    assert!(page.contains("Schedule a report") && page.contains("reports/runs/"), "form and the world's run are shown");
    let before = app.store.report_schedules(app.own.org).await.unwrap().len();

    // No recipient: refused with a message, the choices kept, nothing written.
    let r = app.post_form(&admin, "/reports/schedules", &[("report", "consortium"), ("format", "xlsx"), ("cadence", "quarterly"), ("language", "es")]).await;
    assert_eq!(r.status().as_u16(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("Choose at least one recipient who may view reports."), "{body}");
    assert!(body.contains(r#"<option value="quarterly" selected>"#), "the cadence chosen is kept");
    // A case manager cannot receive reports.
    let case_manager = app.own.user.to_string();
    let r = app
        .post_form(
            &admin,
            "/reports/schedules",
            &[("report", "board"), ("format", "pdf"), ("cadence", "monthly"), ("language", "en"), ("recipient", &case_manager)],
        )
        .await;
    assert_eq!(r.status().as_u16(), 422);
    let r = app.post_form(&admin, "/reports/schedules", &[("report", "board"), ("format", "doc"), ("cadence", "monthly"), ("language", "en")]).await;
    assert_eq!(r.status().as_u16(), 422);
    assert_eq!(app.store.report_schedules(app.own.org).await.unwrap().len(), before);

    let recipients: Vec<String> = app.store.report_recipients(app.own.org).await.unwrap().iter().map(|u| u.id.to_string()).collect();
    let mut fields = vec![("report", "consortium"), ("format", "xlsx"), ("cadence", "quarterly"), ("language", "es")];
    fields.extend(recipients.iter().map(|id| ("recipient", id.as_str())));
    let r = app.post_form(&admin, "/reports/schedules", &fields).await;
    assert_eq!(r.status().as_u16(), 303);
    let schedules = app.store.report_schedules(app.own.org).await.unwrap();
    let new = schedules.iter().find(|s| s.report == "consortium").expect("scheduled");
    assert_eq!((new.format.as_str(), new.cadence.as_str(), new.language.as_str()), ("xlsx", "quarterly", "es"));
    assert_eq!(app.store.schedule_recipients(new).await.unwrap().len(), recipients.len());

    // Pausing with what the page showed works once; the second, stale, click is a conflict.
    let version = new.version.to_string();
    let path = format!("/reports/schedules/{}/active", new.id);
    assert_eq!(app.post_form(&admin, &path, &[("active", "0"), ("version", &version)]).await.status().as_u16(), 303);
    let r = app.post_form(&admin, &path, &[("active", "0"), ("version", &version)]).await;
    assert_eq!(r.status().as_u16(), 422);
    assert!(r.text().await.unwrap().contains("Someone changed this schedule meanwhile"));
    assert!(!app.store.report_schedule(app.own.org, new.id).await.unwrap().active);

    // Evaluators see the runs and download them, but get no form.
    let evaluator = app.session(Role::Evaluator).await;
    let page = app.get(&evaluator, "/reports/schedules").await.text().await.unwrap();
    assert!(!page.contains("Schedule a report") && page.contains(&format!("/reports/runs/{}", app.own.run)));
    let file = app.get(&evaluator, &format!("/reports/runs/{}", app.own.run)).await;
    assert_eq!(file.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(file.text().await.unwrap().starts_with("Program,Measure,Value"));
    assert_eq!(app.post_form(&evaluator, "/reports/schedules", &fields).await.status().as_u16(), 403);
}
app_test!(administrators_schedule_and_pause_reports);
