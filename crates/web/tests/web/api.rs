//! The JSON API with personal tokens, and its OpenAPI document.

use sendero_domain::Role;
use serde_json::{json, Value};

use crate::support::{app_test, TestApp, OTHER_ORG_MARKER};

async fn api_round_trip(app: TestApp) {
    let token = app.api_token(Role::CaseManager).await;
    let auth = format!("Bearer {token}");
    let url = |p: &str| format!("{}{p}", app.base);
    let me: Value = app.http.get(url("/api/v1/me")).header("authorization", &auth).send().await.unwrap().json().await.unwrap();
    assert_eq!(me["role"], "case_manager");
    // Create: validation errors name each field.
    let r =
        app.http.post(url("/api/v1/clients")).header("authorization", &auth).json(&json!({"given_names": "", "birth_date": "1990-13"})).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 422);
    let body: Value = r.json().await.unwrap();
    let fields: Vec<&str> = body["error"]["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(fields, vec!["given_names", "birth_date"]);
    let r =
        app.http.post(url("/api/v1/clients")).header("authorization", &auth).header("content-type", "application/json").body("{not json").send().await.unwrap();
    assert_eq!(r.status().as_u16(), 400);
    assert_eq!(r.json::<Value>().await.unwrap()["error"]["code"], "error-invalid-json");
    let r = app
        .http
        .post(url("/api/v1/clients"))
        .header("authorization", &auth)
        .json(&json!({"given_names": "محمد", "family_names": "Ahmadi", "birth_date": "1988", "contacts": [{"kind": "phone", "value": "+1 212 555 0199"}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 201);
    let created: Value = r.json().await.unwrap();
    let id = created["id"].as_i64().unwrap();
    assert_eq!(created["version"], 1);
    // Search in Arabic script.
    let list: Value =
        app.http.get(url("/api/v1/clients?q=%D9%85%D8%AD%D9%85%D8%AF")).header("authorization", &auth).send().await.unwrap().json().await.unwrap();
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["id"], id);
    // Concurrent edits: the second PUT from version 1 is refused and names the field.
    let put = |name: &str| json!({"given_names": name, "family_names": "Ahmadi", "version": 1});
    let first = app.http.put(url(&format!("/api/v1/clients/{id}"))).header("authorization", &auth).json(&put("Mohammad")).send().await.unwrap();
    assert_eq!(first.status().as_u16(), 200);
    let second = app.http.put(url(&format!("/api/v1/clients/{id}"))).header("authorization", &auth).json(&put("Muhammad")).send().await.unwrap();
    assert_eq!(second.status().as_u16(), 409);
    let body: Value = second.json().await.unwrap();
    assert_eq!(body["error"]["current_version"], 2);
    assert!(body["error"]["changed"].as_array().unwrap().contains(&json!("given_names")));
    // Cases: open, transition, note.
    let r =
        app.http.post(url("/api/v1/cases")).header("authorization", &auth).json(&json!({"client_id": id, "program_id": app.own.program})).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 201);
    let case: Value = r.json().await.unwrap();
    let case_id = case["id"].as_i64().unwrap();
    assert_eq!(case["phase"], "engagement");
    let r = app
        .http
        .post(url(&format!("/api/v1/cases/{case_id}/transition")))
        .header("authorization", &auth)
        .json(&json!({"action": "step_back", "version": case["version"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 422);
    assert_eq!(r.json::<Value>().await.unwrap()["error"]["code"], "case-error-first-phase");
    let r = app
        .http
        .post(url(&format!("/api/v1/cases/{case_id}/transition")))
        .header("authorization", &auth)
        .json(&json!({"action": "close", "reason": "goals_met", "version": case["version"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["status"], "closed");
    let r = app
        .http
        .post(url(&format!("/api/v1/cases/{case_id}/notes")))
        .header("authorization", &auth)
        .json(&json!({"noted_on": sendero_store::today().to_string(), "body": "Met at the shelter."}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 201);
    let notes: Value = app.http.get(url(&format!("/api/v1/cases/{case_id}/notes"))).header("authorization", &auth).send().await.unwrap().json().await.unwrap();
    assert_eq!(notes[0]["body"], "Met at the shelter.");
    // The other organization's records do not exist for this token.
    let r = app.http.get(url(&format!("/api/v1/clients/{}", app.other.client))).header("authorization", &auth).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 404);
    let all: Value = app.http.get(url("/api/v1/clients?per_page=200")).header("authorization", &auth).send().await.unwrap().json().await.unwrap();
    assert!(!all.to_string().contains(OTHER_ORG_MARKER));
    // A bad token is not a session.
    let r = app.http.get(url("/api/v1/me")).header("authorization", "Bearer snd_forged").send().await.unwrap();
    assert_eq!(r.status().as_u16(), 401);
}
app_test!(api_round_trip);

async fn households_api(app: TestApp) {
    let token = app.api_token(Role::IntakeWorker).await;
    let auth = format!("Bearer {token}");
    let url = |p: &str| format!("{}{p}", app.base);
    let r = app
        .http
        .post(url("/api/v1/households"))
        .header("authorization", &auth)
        .json(&json!({"name": "", "head_client_id": app.own.client}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 422);
    let r = app
        .http
        .post(url("/api/v1/households"))
        .header("authorization", &auth)
        .json(&json!({"name": "Stolen", "head_client_id": app.other.client}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 404, "cannot reach another organization's client through a body id");
    let r = app
        .http
        .post(url(&format!("/api/v1/households/{}/members", app.own.household)))
        .header("authorization", &auth)
        .json(&json!({"client_id": app.other.client, "relationship": "child"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 404);
    let h: Value =
        app.http.get(url(&format!("/api/v1/households/{}", app.own.household))).header("authorization", &auth).send().await.unwrap().json().await.unwrap();
    assert_eq!(h["members"][0]["relationship"], "head");
}
app_test!(households_api);

/// The OpenAPI document lists exactly the API routes of the route table.
async fn openapi_matches_routes(app: TestApp) {
    let doc: Value = app.http.get(format!("{}/api/v1/openapi.json", app.base)).send().await.unwrap().json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let mut documented: Vec<String> = vec![];
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for method in ops.as_object().unwrap().keys() {
            documented.push(format!("{} {path}", method.to_uppercase()));
        }
    }
    documented.sort();
    let mut routed: Vec<String> = sendero_web::routes::specs()
        .into_iter()
        .filter(|(_, p, _)| p.starts_with("/api/v1/") && *p != "/api/v1/openapi.json")
        .map(|(m, p, _)| format!("{m} {p}"))
        .collect();
    routed.sort();
    assert_eq!(documented, routed);
}
app_test!(openapi_matches_routes);
