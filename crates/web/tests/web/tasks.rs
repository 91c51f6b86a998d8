//! Tasks: added on a case with validation, shown on the assignee's dashboard, finished once.

use sendero_domain::Role;

use crate::support::{app_test, TestApp};

async fn tasks_flow_from_case_to_dashboard(app: TestApp) {
    let s = app.session(Role::CaseManager).await;
    let me = app.user_of(Role::CaseManager).to_string();
    let path = format!("/cases/{}/tasks", app.own.case);
    let r = app.post_form(&s, &path, &[("title", " "), ("due_on", "soon"), ("assignee_id", &me)]).await;
    assert_eq!(r.status().as_u16(), 422);
    assert!(r.text().await.unwrap().contains("Say what needs to be done."));
    let r = app.post_form(&s, &path, &[("title", "Enroll Sofía in school"), ("due_on", "2026-01-15"), ("assignee_id", &me)]).await;
    assert_eq!(r.status().as_u16(), 303);
    let r = app.post_form(&s, &path, &[("title", "Someone else's"), ("assignee_id", &app.other.user.to_string())]).await;
    assert_eq!(r.status().as_u16(), 400, "tasks cannot be assigned across organizations");

    let dashboard = app.get(&s, "/").await.text().await.unwrap();
    assert!(dashboard.contains("Enroll Sofía in school") && dashboard.contains("overdue"), "the assignee sees it, late");
    let case_page = app.get(&s, &format!("/cases/{}", app.own.case)).await.text().await.unwrap();
    assert!(case_page.contains("Enroll Sofía in school"));

    let task = app.store.open_tasks_for(app.own.org, app.user_of(Role::CaseManager), 10).await.unwrap().remove(0);
    let finish = format!("/tasks/{}/finish", task.id);
    let version = task.version.to_string();
    let r = app.post_form(&s, &finish, &[("version", &version), ("status", "done"), ("back", "https://evil.example/")]).await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(r.headers()["location"], "/", "only local return paths are followed");
    assert_eq!(app.store.task(app.own.org, task.id).await.unwrap().status, "done");
    // Finishing again (a second tab) changes nothing and does not fail.
    let r = app.post_form(&s, &finish, &[("version", &version), ("status", "cancelled"), ("back", "/")]).await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(app.store.task(app.own.org, task.id).await.unwrap().status, "done");
    let dashboard = app.get(&s, "/").await.text().await.unwrap();
    assert!(!dashboard.contains("Enroll Sofía in school"));
}
app_test!(tasks_flow_from_case_to_dashboard);
