//! Assessments through the pages: partial saves, completion rules, screening flags, the
//! instrument editor and the de-identified outcome report.

use sendero_domain::instrument::builtin;
use sendero_domain::Role;

use crate::support::{app_test, TestApp};

async fn instrument_id(app: &TestApp, key: &str) -> i64 {
    app.store.instruments(app.own.org).await.unwrap().into_iter().find(|i| i.definition.key == key).unwrap().id
}

/// Form fields answering every question of `key` with `level` (the scale's value at that index).
fn answers(key: &str, level: usize) -> Vec<(String, String)> {
    let instrument = builtin().into_iter().find(|i| i.key == key).unwrap();
    instrument
        .items
        .iter()
        .map(|i| {
            let values = &instrument.scales[&i.scale].values;
            (format!("item:{}", i.key), values[level.min(values.len() - 1)].to_string())
        })
        .collect()
}

async fn take(app: &TestApp, role: Role, case: i64, client: i64, key: &str, timing: &str, level: usize, action: &str) -> reqwest::Response {
    let s = app.session(role).await;
    let id = instrument_id(app, key).await.to_string();
    let mut fields: Vec<(String, String)> = vec![
        ("instrument_id".into(), id),
        ("timing".into(), timing.into()),
        ("respondent".into(), client.to_string()),
        ("language".into(), "es".into()),
        ("taken_on".into(), sendero_store::today().to_string()),
        ("action".into(), action.into()),
    ];
    fields.extend(answers(key, level));
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.post_form(&s, &format!("/cases/{case}/assessments"), &borrowed).await
}

async fn drafts_completion_and_flags(app: TestApp) {
    let s = app.session(Role::CaseManager).await;
    let case = app.own.case;
    let ff = instrument_id(&app, "family-functioning").await;
    let form = app.get(&s, &format!("/cases/{case}/assessments/new?instrument={ff}&timing=intake")).await.text().await.unwrap();
    assert!(form.contains("Does your family have a safe place to sleep every night?"));
    // A partial save is kept as a draft; completing it with questions missing is refused.
    let id = instrument_id(&app, "family-functioning").await.to_string();
    let base = [
        ("instrument_id", id.as_str()),
        ("timing", "intake"),
        ("respondent", &app.own.client.to_string()),
        ("language", "en"),
        ("taken_on", &sendero_store::today().to_string()),
    ];
    let mut partial: Vec<(&str, &str)> = base.to_vec();
    partial.extend([("item:ff-safe-sleep", "2"), ("action", "draft")]);
    let r = app.post_form(&s, &format!("/cases/{case}/assessments"), &partial).await;
    assert_eq!(r.status().as_u16(), 303);
    let draft_path = r.headers()["location"].to_str().unwrap().to_owned();
    let draft_page = app.get(&s, &draft_path).await.text().await.unwrap();
    assert!(draft_page.contains("value=\"2\" checked"), "the partial answer is kept");
    let mut finish = partial.clone();
    finish.retain(|(k, _)| *k != "action");
    finish.extend([("action", "complete"), ("version", "1")]);
    let r = app.post_form(&s, &draft_path, &finish).await;
    assert_eq!(r.status().as_u16(), 422);
    assert!(r.text().await.unwrap().contains("Some required questions are unanswered"));
    let mut off_scale = base.to_vec();
    off_scale.extend([("item:ff-safe-sleep", "9"), ("action", "draft")]);
    assert_eq!(app.post_form(&s, &format!("/cases/{case}/assessments"), &off_scale).await.status().as_u16(), 422);
    // A full completion scores every domain.
    let r = take(&app, Role::CaseManager, case, app.own.client, "family-functioning", "intake", 1, "complete").await;
    assert_eq!(r.status().as_u16(), 303);
    let done = app.get(&s, r.headers()["location"].to_str().unwrap()).await.text().await.unwrap();
    assert!(done.contains("Stabilization") && done.contains("2.00"));
    // A positive screening raises a flag with a suggested referral on the case.
    let r = take(&app, Role::CaseManager, case, app.own.client, "trafficking-screening", "intake", 1, "complete").await;
    assert_eq!(r.status().as_u16(), 303);
    let case_page = app.get(&s, &format!("/cases/{case}")).await.text().await.unwrap();
    assert!(case_page.contains("Possible trafficking indicators") && case_page.contains("refer to trafficking-survivor services"));
    // Another organization's household member cannot answer for this case.
    let r = take(&app, Role::CaseManager, case, app.other.client, "family-functioning", "intake", 1, "complete").await;
    assert_eq!(r.status().as_u16(), 404);
}
app_test!(drafts_completion_and_flags);

async fn outcome_report(app: TestApp) {
    // Three families improve from "Beginning" (2) to "Mostly" (3) or "Fully" (4); one is lost.
    let actor = sendero_store::Actor { user_id: Some(app.own.user), org_id: app.own.org };
    let mut cases = vec![];
    for n in 0..4 {
        let draft = sendero_domain::ClientDraft::parse(
            &sendero_domain::ClientInput { given_names: format!("Family{n}"), ..Default::default() },
            sendero_store::today(),
        )
        .unwrap();
        let client = app.store.create_client(actor, &draft, &[]).await.unwrap();
        let case = app.store.open_case(actor, client, app.own.program, None, None, false).await.unwrap();
        cases.push((case, client));
    }
    for (i, (case, client)) in cases.iter().enumerate() {
        assert_eq!(take(&app, Role::CaseManager, *case, *client, "family-functioning", "intake", 1, "complete").await.status().as_u16(), 303);
        if i < 3 {
            assert_eq!(take(&app, Role::CaseManager, *case, *client, "family-functioning", "closure", 2 + i % 2, "complete").await.status().as_u16(), 303);
        }
    }
    let evaluator = app.session(Role::Evaluator).await;
    let html = app.get(&evaluator, &format!("/reports/outcomes?program={}", app.own.program)).await.text().await.unwrap();
    assert!(html.contains("cannot") || html.contains("not how much of that change the program caused"), "the design caveat is stated");
    assert!(html.contains("<dt>Families with a baseline (intake) assessment</dt><dd>4</dd>"), "{html}");
    assert!(html.contains("<dt>Families with a closure assessment</dt><dd>3</dd>"));
    assert!(html.contains("75%"));
    assert!(html.contains("role=\"img\""), "an accessible chart");
    assert!(!html.contains("Family0") && !html.contains("Castillo"), "the report is de-identified");
    let csv = app.get(&evaluator, &format!("/reports/outcomes.csv?program={}", app.own.program)).await.text().await.unwrap();
    let total: Vec<&str> = csv.lines().nth(1).unwrap().split(',').collect();
    assert_eq!(&total[1..4], &["Total", "3", "0"]);
    let number = |i: usize| total[i].parse::<f64>().unwrap();
    assert!((number(4) - 2.0).abs() < 1e-12 && (number(5) - 10.0 / 3.0).abs() < 1e-12 && (number(6) - 4.0 / 3.0).abs() < 1e-12, "{total:?}");
    // The evaluator still cannot open any case.
    assert_eq!(app.get(&evaluator, &format!("/cases/{}", cases[0].0)).await.status().as_u16(), 403);
}
app_test!(outcome_report);

async fn instrument_editor(app: TestApp) {
    let s = app.session(Role::Administrator).await;
    let page = app.get(&s, "/admin/instruments?key=strengths-needs").await.text().await.unwrap();
    let unescaped = page.replace("&#34;", "\"").replace("&quot;", "\"");
    assert!(unescaped.contains("\"version\": 2"), "the editor proposes the next version");
    let mut definition = builtin().into_iter().find(|i| i.key == "strengths-needs").unwrap();
    definition.version = 2;
    definition.items.truncate(4);
    let json = serde_json::to_string(&definition).unwrap();
    let r = app.post_form(&s, "/admin/instruments", &[("definition", &json)]).await;
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.text().await.unwrap().contains("Saved strengths-needs version 2."));
    let again = app.post_form(&s, "/admin/instruments", &[("definition", &json)]).await;
    assert_eq!(again.status().as_u16(), 422);
    assert!(again.text().await.unwrap().contains("That version already exists"));
    let broken = app.post_form(&s, "/admin/instruments", &[("definition", "{\"format\": 1")]).await;
    assert_eq!(broken.status().as_u16(), 422);
    assert!(broken.text().await.unwrap().contains("not valid JSON"));
    let list = app.store.instruments(app.own.org).await.unwrap();
    assert_eq!(list.iter().find(|i| i.definition.key == "strengths-needs").unwrap().definition.items.len(), 4, "the newest version is offered");
    // Another organization still sees the built-in version.
    let theirs = app.store.instruments(app.other.org).await.unwrap();
    assert_eq!(theirs.iter().find(|i| i.definition.key == "strengths-needs").unwrap().definition.version, 1);
}
app_test!(instrument_editor);
