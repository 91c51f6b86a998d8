//! The authorization matrix, generated from the route table: every route × every role ×
//! own/other organization. A route added to the table is covered here automatically.

use reqwest::Method;
use sendero_domain::Role;

use crate::support::{app_test, OrgWorld, TestApp, OTHER_ORG_MARKER};

fn fill(path: &str, w: &OrgWorld) -> String {
    path.replace("{client_id}", &w.client.to_string())
        .replace("{case_id}", &w.case.to_string())
        .replace("{household_id}", &w.household.to_string())
        .replace("{user_id}", &w.user.to_string())
        .replace("{contact_id}", &w.contact.to_string())
        .replace("{assessment_id}", &w.assessment.to_string())
        .replace("{instrument_id}", &w.instrument.to_string())
        .replace("{merge_id}", &w.merge.to_string())
        .replace("{task_id}", &w.task.to_string())
        .replace("{consent_id}", &w.consent.to_string())
        .replace("{grant_id}", &w.grant.to_string())
        .replace("{transfer_id}", &w.transfer.to_string())
        .replace("{candidate_id}", &w.candidate.to_string())
        .replace("{round_id}", &w.round.to_string())
        .replace("{volunteer_id}", &w.care.volunteer.to_string())
        .replace("{check_id}", &w.care.check.to_string())
        .replace("{network_id}", &w.care.network.to_string())
        .replace("{network_task_id}", &w.care.network_task.to_string())
        .replace("{ride_id}", &w.care.ride.to_string())
        .replace("{guardian_id}", &w.care.guardian.to_string())
        .replace("{event_id}", &w.event.to_string())
        .replace("{goal_id}", &w.goal.to_string())
        .replace("{referral_id}", &w.referral.to_string())
        .replace("{incoming_id}", &w.incoming.to_string())
        .replace("{schedule_id}", &w.schedule.to_string())
        .replace("{run_id}", &w.run.to_string())
        .replace("{file}", "style.css")
}

/// Routes whose JSON body names records by id: another organization's ids there must 404 too.
const BODY_ID_ROUTES: [&str; 2] = ["/api/v1/cases", "/api/v1/households"];

/// A JSON body naming `w`'s records, plausible for every API write.
fn json_body(w: &OrgWorld) -> String {
    serde_json::json!({"client_id": w.client, "program_id": w.program, "head_client_id": w.client, "name": "Matrix", "relationship": "child", "version": 1})
        .to_string()
}

async fn call(app: &TestApp, role: Role, method: &Method, path: &str, world: &OrgWorld) -> (u16, String) {
    // A fresh session per request: some routes (sign-out) end the session they are called with.
    let s = app.session(role).await;
    let url = format!("{}{path}", app.base);
    let req = match *method {
        Method::GET => app.http.get(&url),
        Method::PUT => app.http.put(&url).header("content-type", "application/json").body(json_body(world)),
        _ if path.starts_with("/api/") => app.http.post(&url).header("content-type", "application/json").body(json_body(world)),
        _ => app.http.post(&url).header("content-type", "application/x-www-form-urlencoded").body(""),
    };
    let r = req.header("cookie", &s.cookie).header("x-csrf-token", &s.csrf).send().await.unwrap();
    let status = r.status().as_u16();
    (status, r.text().await.unwrap_or_default())
}

async fn matrix(app: TestApp) {
    let routes = sendero_web::routes::specs();
    assert!(routes.len() > 40, "the route table is the source of truth");
    let mut checked = 0;
    for (method, path, permission) in &routes {
        let Some(permission) = permission else {
            continue;
        };
        let has_ids = (path.contains('{') && !path.contains("{file}")) || (*method == Method::POST && BODY_ID_ROUTES.contains(path));
        for role in Role::ALL {
            let allowed = role.can(*permission);
            let own = fill(path, &app.own);
            assert!(!own.contains('{'), "{path}: add its path parameter to `fill` and a record to OrgWorld");
            let (status, body) = call(&app, role, method, &own, &app.own).await;
            assert_ne!(status, 500, "{method} {own} as {role}: server error");
            assert!(!body.contains(OTHER_ORG_MARKER), "{method} {own} as {role} leaked another organization's data");
            if allowed {
                assert!(![401, 403, 404].contains(&status), "{method} {own} as {role}: expected access, got {status}");
            } else {
                assert_eq!(status, 403, "{method} {own} as {role}: expected 403, got {status}");
            }
            if has_ids {
                let other = fill(path, &app.other);
                let (status, body) = call(&app, role, method, &other, &app.other).await;
                let expected = if allowed { 404 } else { 403 };
                assert_eq!(status, expected, "{method} {other} as {role} reached another organization's record");
                assert!(!body.contains(OTHER_ORG_MARKER), "{method} {other} as {role} leaked another organization's data");
            }
            checked += 1;
        }
    }
    assert!(checked > 300, "only {checked} combinations checked");
}
app_test!(matrix);

/// Without a session every protected page redirects to sign-in and every API call is 401.
async fn anonymous(app: TestApp) {
    for (method, path, permission) in sendero_web::routes::specs() {
        if permission.is_none() {
            continue;
        }
        let url = format!("{}{}", app.base, fill(path, &app.own));
        let r = app.http.request(method.clone(), &url).send().await.unwrap();
        let status = r.status().as_u16();
        if path.starts_with("/api/") {
            assert_eq!(status, 401, "{method} {path}");
        } else if method == Method::GET {
            assert_eq!(status, 303, "{method} {path}");
            assert!(r.headers()["location"].to_str().unwrap().starts_with("/login?next="));
        } else {
            // Unsafe requests without a session fail the CSRF check before anything else.
            assert_eq!(status, 403, "{method} {path}");
        }
    }
}
app_test!(anonymous);

/// Ids that do not exist or are not numbers answer 404, never 500.
async fn unknown_ids(app: TestApp) {
    let s = app.session(Role::Administrator).await;
    for path in ["/clients/999999", "/clients/abc", "/cases/-1", "/households/99999999999999999999", "/api/v1/clients/0", "/no/such/page"] {
        let r = app.get(&s, path).await;
        assert_eq!(r.status().as_u16(), 404, "{path}");
    }
    let r = app.get(&s, "/api/v1/clients/424242").await;
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "error-not-found");
}
app_test!(unknown_ids);
