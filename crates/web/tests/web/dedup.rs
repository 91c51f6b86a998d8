//! Duplicate detection through the pages and the API.

use sendero_domain::Role;
use serde_json::{json, Value};

use crate::support::{app_test, TestApp};

async fn registration_shows_explained_candidates(app: TestApp) {
    let s = app.session(Role::IntakeWorker).await;
    let first = [("given_names", "José"), ("family_names", "Hernández López"), ("birth_date", "1990-03-04"), ("phone", "+1 713 555 0134")];
    assert_eq!(app.post_form(&s, "/clients/new", &first).await.status().as_u16(), 303);
    // The same person typed differently: the form comes back with the candidate, nothing saved.
    let second = [("given_names", "Jose"), ("family_names", "Hernandez"), ("birth_date", "1990-04-03"), ("phone", "713-555-0134")];
    let r = app.post_form(&s, "/clients/new", &second).await;
    assert_eq!(r.status().as_u16(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("Is this someone already registered?"));
    assert!(html.contains("José Hernández López"));
    assert!(html.contains("Phone:") && html.contains("Family names:"), "explained per field");
    assert_eq!(
        app.store
            .list_clients(app.own.org, &sendero_store::clients::ClientQuery { search: Some("hernandez".into()), page: 1, per_page: 10, ..Default::default() })
            .await
            .unwrap()
            .total,
        1
    );
    // The htmx check answers the same while typing.
    let partial = app.post_form(&s, "/clients/check", &second).await.text().await.unwrap();
    assert!(partial.contains("Open this record") && !partial.contains("<html"));
    // "It is someone else" registers and records the decision: the pair is not proposed again.
    let mut confirmed = second.to_vec();
    confirmed.push(("confirm_new", "1"));
    let r = app.post_form(&s, "/clients/new", &confirmed).await;
    assert_eq!(r.status().as_u16(), 303);
    let new_id: i64 = r.headers()["location"].to_str().unwrap().rsplit('/').next().unwrap().parse().unwrap();
    let record = sendero_store::dedup::person_record(new_id, "Jose", Some("Hernandez"), Some("1990-04-03"), None, vec!["713-555-0134".into()], vec![]);
    let again = app.store.match_candidates(app.own.org, &record, sendero_store::dedup::REGISTRATION_MIN_SCORE, 5).await.unwrap();
    assert!(again.is_empty(), "the decided pair is not shown again");
}
app_test!(registration_shows_explained_candidates);

async fn api_check_and_conflict(app: TestApp) {
    let token = app.api_token(Role::CaseManager).await;
    let auth = format!("Bearer {token}");
    let url = |p: &str| format!("{}{p}", app.base);
    let person =
        json!({"given_names": "Mohammed", "family_names": "Ahmadi", "birth_date": "1988-02-11", "contacts": [{"kind": "phone", "value": "+1 212 555 0199"}]});
    assert_eq!(app.http.post(url("/api/v1/clients")).header("authorization", &auth).json(&person).send().await.unwrap().status().as_u16(), 201);
    let variant = json!({"given_names": "محمد", "family_names": "احمدی", "birth_date": "1988-02-11", "contacts": [{"kind": "phone", "value": "212 555 0199"}]});
    let candidates: Value =
        app.http.post(url("/api/v1/clients/check")).header("authorization", &auth).json(&variant).send().await.unwrap().json().await.unwrap();
    assert_eq!(candidates[0]["client"]["family_names"], "Ahmadi");
    assert!(candidates[0]["reasons"].as_array().unwrap().len() >= 2);
    let r = app.http.post(url("/api/v1/clients")).header("authorization", &auth).json(&variant).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 409);
    assert_eq!(r.json::<Value>().await.unwrap()["error"]["code"], "error-possible-duplicate");
    let mut confirmed = variant.clone();
    confirmed["confirm_new"] = json!(true);
    assert_eq!(app.http.post(url("/api/v1/clients")).header("authorization", &auth).json(&confirmed).send().await.unwrap().status().as_u16(), 201);
}
app_test!(api_check_and_conflict);

async fn review_merge_and_undo(app: TestApp) {
    let actor = sendero_store::Actor { user_id: Some(app.own.user), org_id: app.own.org };
    let parse = |g: &str, f: &str| {
        sendero_domain::ClientDraft::parse(
            &sendero_domain::ClientInput { given_names: g.into(), family_names: f.into(), birth_date: "1985-04-04".into(), ..Default::default() },
            sendero_store::today(),
        )
        .unwrap()
    };
    let a = app.store.create_client(actor, &parse("Wilner", "Joseph"), &[(sendero_domain::ContactKind::Phone, "+1 563 555 0150".into())]).await.unwrap();
    let b = app.store.create_client(actor, &parse("Wilne", "Jozef"), &[(sendero_domain::ContactKind::Phone, "563-555-0150".into())]).await.unwrap();
    let case_b = app.store.open_case(actor, b, app.own.program, None, None, false).await.unwrap();
    let sup = app.session(Role::Supervisor).await;
    let html = app.get(&sup, "/dedup").await.text().await.unwrap();
    assert!(html.contains("Wilner Joseph") && html.contains("Wilne Jozef"), "the pair is listed");
    let r = app.post_form(&sup, "/dedup/merge", &[("left", &a.to_string()), ("right", &b.to_string()), ("keep", "left"), ("reason", "")]).await;
    assert_eq!(r.status().as_u16(), 422, "a reason is required");
    let r = app
        .post_form(&sup, "/dedup/merge", &[("left", &a.to_string()), ("right", &b.to_string()), ("keep", "left"), ("reason", "Same A-number on the notice")])
        .await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(app.store.case(app.own.org, case_b).await.unwrap().client_id, a, "the case moved");
    let merges = app.get(&sup, "/dedup/merges").await.text().await.unwrap();
    assert!(merges.contains("Same A-number on the notice"));
    let merge = app.store.merges(app.own.org).await.unwrap().into_iter().find(|m| m.merged_id == b).unwrap();
    assert_eq!(app.post_form(&sup, &format!("/dedup/merges/{}/undo", merge.id), &[]).await.status().as_u16(), 303);
    assert_eq!(app.store.case(app.own.org, case_b).await.unwrap().client_id, b, "the undo put the case back");
    // Different people: the pair disappears from the review.
    assert_eq!(app.post_form(&sup, "/dedup/distinct", &[("left", &a.to_string()), ("right", &b.to_string())]).await.status().as_u16(), 303);
    let html = app.get(&sup, "/dedup").await.text().await.unwrap();
    assert!(!html.contains("Wilne Jozef"));
    // Case managers cannot merge.
    let cm = app.session(Role::CaseManager).await;
    assert_eq!(app.get(&cm, "/dedup").await.status().as_u16(), 403);
}
app_test!(review_merge_and_undo);
