//! Pages over real HTTP: registration with validation, edit conflicts, the case lifecycle,
//! caseload limits, import and export, health and metrics.

use sendero_domain::Role;

use crate::support::{app_test, TestApp};

async fn register_validates_and_keeps_input(app: TestApp) {
    let s = app.session(Role::IntakeWorker).await;
    let r =
        app.post_form(&s, "/clients/new", &[("given_names", ""), ("family_names", "Joseph Désir"), ("birth_date", "31/12/1990"), ("phone", "call me")]).await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"f-given_names-error\""), "error shown next to the field");
    assert!(html.contains("Use YYYY-MM-DD, YYYY-MM or YYYY."));
    assert!(html.contains("A phone number has 7 to 15 digits"));
    assert!(html.contains("value=\"Joseph Désir\""), "typed values are kept");
    assert!(html.contains("aria-invalid=\"true\""));
    let huge = "x".repeat(100_000);
    let r = app.post_form(&s, "/clients/new", &[("given_names", &huge)]).await;
    assert_eq!(r.status().as_u16(), 422);
    assert!(r.text().await.unwrap().contains("Too long."));
    let r = app
        .post_form(&s, "/clients/new", &[("given_names", "Wilner"), ("family_names", "Joseph Désir"), ("birth_date", "1985-04"), ("phone", "+1 563 555 0150")])
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let profile = r.headers()["location"].to_str().unwrap().to_owned();
    let html = app.get(&s, &profile).await.text().await.unwrap();
    assert!(html.contains("Wilner Joseph Désir") && html.contains("1985-04") && html.contains("+1 563 555 0150"));
    // Found by search without accents, in the list.
    let list = app.get(&s, "/clients?q=desir").await.text().await.unwrap();
    assert!(list.contains("Wilner Joseph Désir"));
}
app_test!(register_validates_and_keeps_input);

async fn errors_in_the_users_language(app: TestApp) {
    let user = app.store.user(app.own.org, app.user_of(Role::CaseManager)).await.unwrap();
    app.store.set_locale(&user, "es").await.unwrap();
    let s = app.session(Role::CaseManager).await;
    let html = app.post_form(&s, "/clients/new", &[("given_names", "")]).await.text().await.unwrap();
    assert!(html.contains("lang=\"es\""));
    assert!(html.contains("Obligatorio"), "Spanish error text");
}
app_test!(errors_in_the_users_language);

async fn edit_conflict_is_detected(app: TestApp) {
    let a = app.session(Role::CaseManager).await;
    let b = app.session(Role::Supervisor).await;
    let path = format!("/clients/{}/edit", app.own.client);
    let client = app.store.client(app.own.org, app.own.client).await.unwrap();
    let v = client.version.to_string();
    let first = app.post_form(&a, &path, &[("version", &v), ("given_names", "Ana María"), ("family_names", "Castillo")]).await;
    assert_eq!(first.status().as_u16(), 303);
    let second = app.post_form(&b, &path, &[("version", &v), ("given_names", "Anita"), ("family_names", "Castillo")]).await;
    assert_eq!(second.status().as_u16(), 409);
    let html = second.text().await.unwrap();
    assert!(html.contains("Someone else saved this record"));
    assert!(html.contains("Ana María"), "shows what the other person saved");
    assert!(html.contains("value=\"Anita\""), "keeps what this person typed");
    assert_eq!(app.store.client(app.own.org, app.own.client).await.unwrap().given_names, "Ana María", "nothing overwritten");
}
app_test!(edit_conflict_is_detected);

async fn case_lifecycle(app: TestApp) {
    let s = app.session(Role::CaseManager).await;
    let case = format!("/cases/{}", app.own.case);
    let v = |n: i64| n.to_string();
    let version = app.store.case(app.own.org, app.own.case).await.unwrap().version;
    let back = app.post_form(&s, &format!("{case}/transition"), &[("action", "back"), ("version", &v(version))]).await;
    assert_eq!(back.status().as_u16(), 422);
    assert!(back.text().await.unwrap().contains("first phase"));
    assert_eq!(app.post_form(&s, &format!("{case}/transition"), &[("action", "advance"), ("version", &v(version))]).await.status().as_u16(), 303);
    let stale = app.post_form(&s, &format!("{case}/transition"), &[("action", "advance"), ("version", &v(version))]).await;
    assert_eq!(stale.status().as_u16(), 409, "a second click from a stale page is refused");
    let html = app.get(&s, &case).await.text().await.unwrap();
    assert!(html.contains("aria-current=\"step\">Assessment and planning"));
    let note = app.post_form(&s, &format!("{case}/notes"), &[("noted_on", "2999-01-01"), ("body", "x")]).await;
    assert_eq!(note.status().as_u16(), 422);
    let today = sendero_store::today().to_string();
    assert_eq!(app.post_form(&s, &format!("{case}/notes"), &[("noted_on", &today), ("body", "Accompanied to the clinic.")]).await.status().as_u16(), 303);
    let version = app.store.case(app.own.org, app.own.case).await.unwrap().version;
    let close = app.post_form(&s, &format!("{case}/transition"), &[("action", "close"), ("reason", "lost_contact"), ("version", &v(version))]).await;
    assert_eq!(close.status().as_u16(), 303);
    let html = app.get(&s, &case).await.text().await.unwrap();
    assert!(html.contains("Closed") && html.contains("Lost contact") && html.contains("Accompanied to the clinic."));
    let bad = app.post_form(&s, &format!("{case}/transition"), &[("action", "close"), ("reason", "deported"), ("version", "1")]).await;
    assert_eq!(bad.status().as_u16(), 400);
}
app_test!(case_lifecycle);

async fn caseload_limit_needs_supervisor(app: TestApp) {
    let manager = app.user_of(Role::CaseManager);
    let admin = app.session(Role::Administrator).await;
    let user = app.store.user(app.own.org, manager).await.unwrap();
    let limit_form = [("display_name", "Manager"), ("role", "case_manager"), ("caseload_limit", "1"), ("active", "1"), ("version", &user.version.to_string())];
    assert_eq!(app.post_form(&admin, &format!("/admin/users/{manager}"), &limit_form).await.status().as_u16(), 303);
    // The manager already holds one open case: a second needs an override.
    let actor = sendero_store::Actor { user_id: None, org_id: app.own.org };
    let case = app.store.open_case(actor, app.own.client, app.own.program, None, None, false).await.unwrap();
    let sup = app.session(Role::Supervisor).await;
    let path = format!("/cases/{case}/assign");
    let refused = app.post_form(&sup, &path, &[("manager_id", &manager.to_string()), ("version", "1")]).await;
    assert_eq!(refused.status().as_u16(), 422);
    assert!(refused.text().await.unwrap().contains("caseload limit"));
    let ok = app.post_form(&sup, &path, &[("manager_id", &manager.to_string()), ("version", "1"), ("override", "1")]).await;
    assert_eq!(ok.status().as_u16(), 303);
    let events = app.store.case_events(app.own.org, case).await.unwrap();
    assert!(events.iter().any(|e| e.kind == "caseload_override"), "the override is recorded");
    let caseloads = app.get(&sup, "/caseloads").await.text().await.unwrap();
    assert!(caseloads.contains("at limit"));
}
app_test!(caseload_limit_needs_supervisor);

async fn households_and_contacts(app: TestApp) {
    let s = app.session(Role::CaseManager).await;
    let path = format!("/households/{}/members", app.own.household);
    let bad = app.post_form(&s, &path, &[("relationship", "child"), ("given_names", ""), ("birth_date", "2030")]).await;
    assert_eq!(bad.status().as_u16(), 422);
    let ok =
        app.post_form(&s, &path, &[("relationship", "child"), ("given_names", "Scarleth"), ("family_names", "Castillo"), ("birth_date", "2014-06-10")]).await;
    assert_eq!(ok.status().as_u16(), 303);
    let html = app.get(&s, &format!("/households/{}", app.own.household)).await.text().await.unwrap();
    assert!(html.contains("Scarleth Castillo") && html.contains("Child") && html.contains("Head of family"));
    let contacts = format!("/clients/{}/contacts", app.own.client);
    assert_eq!(app.post_form(&s, &contacts, &[("kind", "phone"), ("value", "+1 713 555 0101"), ("replaces", "1")]).await.status().as_u16(), 303);
    let profile = app.get(&s, &format!("/clients/{}", app.own.client)).await.text().await.unwrap();
    assert!(profile.contains("+1 713 555 0101") && profile.contains("+1 555 010 0000"), "the old phone stays in the history");
    let bad = app.post_form(&s, &contacts, &[("kind", "pager"), ("value", "1")]).await;
    assert_eq!(bad.status().as_u16(), 400);
}
app_test!(households_and_contacts);

async fn import_and_export(app: TestApp) {
    let s = app.session(Role::Administrator).await;
    let csv = "Nombre,Apellidos,birth_date\nLayla,Nasser,1990\nOmar,,1990-02-31\n";
    let form = reqwest::multipart::Form::new().part("file", reqwest::multipart::Part::bytes(csv.as_bytes().to_vec()).file_name("c.csv"));
    let r = app.http.post(format!("{}/import?csrf={}", app.base, s.csrf)).header("cookie", &s.cookie).multipart(form).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("<option value=\"Nombre\"") && html.contains("name=\"map_given_names\""));
    let data = html.split("name=\"data\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let before = app.store.list_clients(app.own.org, &Default::default()).await.unwrap().total;
    let r = app
        .post_form(&s, "/import/commit", &[("data", &data), ("map_given_names", "Nombre"), ("map_family_names", "Apellidos"), ("map_birth_date", "birth_date")])
        .await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("<td>3</td><td>birth_date</td>"), "names line 3 and the field");
    assert_eq!(app.store.list_clients(app.own.org, &Default::default()).await.unwrap().total, before, "nothing imported");
    let good = "Nombre,Apellidos\nLayla,Nasser\n";
    let data = base64_of(good);
    let r = app.post_form(&s, "/import/commit", &[("data", &data), ("map_given_names", "Nombre"), ("map_family_names", "Apellidos")]).await;
    assert!(r.text().await.unwrap().contains("One client imported."));
    let export = app.get(&s, "/export/clients.csv").await;
    assert_eq!(export.headers()["content-type"], "text/csv; charset=utf-8");
    let body = export.text().await.unwrap();
    assert!(body.starts_with("household_ref,relationship,given_names"));
    assert!(body.contains("Layla,Nasser"));
    assert!(!body.contains(crate::support::OTHER_ORG_MARKER));
}
app_test!(import_and_export);

fn base64_of(s: &str) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let b = s.as_bytes();
    let mut out = String::new();
    for chunk in b.chunks(3) {
        let n = (chunk[0] as u32) << 16 | (*chunk.get(1).unwrap_or(&0) as u32) << 8 | *chunk.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

async fn health_and_metrics(app: TestApp) {
    let r = app.http.get(format!("{}/healthz", app.base)).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let s = app.session(Role::CaseManager).await;
    app.get(&s, "/clients").await;
    let m = app.http.get(format!("{}/metrics", app.base)).send().await.unwrap().text().await.unwrap();
    assert!(m.contains("sendero_http_requests_total{method=\"GET\",route=\"/clients\",status=\"200\"}"), "{m}");
    assert!(m.contains("sendero_http_request_duration_seconds_bucket"));
    let css = app.http.get(format!("{}/static/style.css", app.base)).send().await.unwrap();
    assert_eq!(css.headers()["content-type"], "text/css; charset=utf-8");
    let page = app.get(&s, "/clients").await;
    assert!(page.headers()["content-security-policy"].to_str().unwrap().contains("default-src 'self'"));
    assert_eq!(page.headers()["x-frame-options"], "DENY");
}
app_test!(health_and_metrics);

/// Every write through the pages lands in the audit chain, which verifies; reads are logged.
async fn writes_are_audited(app: TestApp) {
    let before = app.store.audit_verify().await.unwrap().entries;
    let s = app.session(Role::CaseManager).await;
    app.post_form(&s, "/clients/new", &[("given_names", "Audit"), ("family_names", "Trail")]).await;
    app.get(&s, &format!("/clients/{}", app.own.client)).await;
    let report = app.store.audit_verify().await.unwrap();
    assert!(report.broken.is_empty());
    assert!(report.entries > before, "the create was chained");
    let reads = app.store.reads_of(app.own.org, "client", app.own.client).await.unwrap();
    assert_eq!(reads.first().map(|r| r.1), Some(Some(app.user_of(Role::CaseManager))), "the sensitive read was logged with its reader");
    let recent = app.store.audit_recent(app.own.org, 5).await.unwrap();
    assert!(recent.iter().any(|e| e.action == "create" && e.entity == "client" && e.actor_id == Some(app.user_of(Role::CaseManager))));
}
app_test!(writes_are_audited);

async fn navigation_follows_the_role_and_marks_the_current_page(app: TestApp) {
    let nav = |page: &str| page[page.find("<nav").unwrap()..page.find("</nav>").unwrap()].to_owned();
    let cm = app.session(Role::CaseManager).await;
    let page = app.get(&cm, &format!("/cases/{}", app.own.case)).await.text().await.unwrap();
    let links = nav(&page);
    assert!(links.contains(r#"<a href="/cases" aria-current="page">"#), "a page below /cases marks Cases: {links}");
    assert_eq!(links.matches("aria-current").count(), 1, "only one current page: {links}");
    assert!(links.contains(r#"<a href="/">"#) && links.contains(r#"<a href="/account">"#));
    assert!(!links.contains(r#"href="/admin""#), "a case manager is not offered administration");
    let admin = app.session(Role::Administrator).await;
    let links = nav(&app.get(&admin, "/").await.text().await.unwrap());
    assert!(links.contains(r#"<a href="/" aria-current="page">"#), "{links}");
    assert!(links.contains(r#"<a href="/admin">"#), "{links}");
    // Daily work, oversight, then data and administration: three groups for an administrator.
    assert_eq!(links.matches("<ul>").count(), 3, "{links}");
}
app_test!(navigation_follows_the_role_and_marks_the_current_page);
