//! Services over HTTP: referral consent is enforced and the receiver sees only what was shared;
//! directory uploads are all-or-nothing with errors naming file, row and field; the monthly
//! bill downloads as CSV and XLSX.

use sendero_domain::services::RateUnit;
use sendero_domain::Role;
use sendero_store::Actor;

use crate::support::{app_test, TestApp};

const SAMPLE: &[u8] = include_bytes!("../../../hsds/sample/demo-directory.json");

async fn upload(app: &TestApp, s: &crate::support::Session, files: Vec<(&str, Vec<u8>)>) -> reqwest::Response {
    let mut form = reqwest::multipart::Form::new();
    for (name, bytes) in files {
        form = form.part("files", reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()));
    }
    app.http.post(format!("{}/directory/import?csrf={}", app.base, s.csrf)).header("cookie", &s.cookie).multipart(form).send().await.unwrap()
}

async fn directory_upload_is_all_or_nothing(app: TestApp) {
    let admin = app.session(Role::Administrator).await;
    let broken = String::from_utf8(SAMPLE.to_vec()).unwrap().replacen("\"status\": \"active\"", "\"status\": \"open-ish\"", 1);
    let r = upload(&app, &admin, vec![("directory.json", broken.into_bytes())]).await;
    assert_eq!(r.status().as_u16(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("directory.json › service") && body.contains("<td>1</td>") && body.contains("<td>status</td>"), "{body}");
    assert_eq!(app.store.directory_size(app.own.org).await.unwrap(), 0, "nothing imported");

    let r = upload(&app, &admin, vec![("directory.json", SAMPLE.to_vec())]).await;
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.text().await.unwrap().contains("Imported 11 services."));
    // Case managers search it; the tabular export re-imports to the same directory.
    let cm = app.session(Role::CaseManager).await;
    let page = app.get(&cm, "/directory?category=food&show_in=es").await.text().await.unwrap();
    assert!(page.contains("Banco de alimentos comunitario") && page.contains("Despensa de alimentos semanal"));
    assert_eq!(app.get(&cm, "/directory/export?format=json").await.status().as_u16(), 403);
    let mut package = Vec::new();
    for name in [
        "datapackage",
        "organization",
        "taxonomy",
        "taxonomy_term",
        "service",
        "location",
        "address",
        "service_at_location",
        "contact",
        "phone",
        "schedule",
        "language",
        "attribute",
        "translation",
    ] {
        let r = app.get(&admin, &format!("/directory/export?format=csv&table={name}")).await;
        assert_eq!(r.status().as_u16(), 200, "{name}");
        let file = if name == "datapackage" { "datapackage.json".to_owned() } else { format!("{name}.csv") };
        package.push((file, r.bytes().await.unwrap().to_vec()));
    }
    let before = app.store.export_directory(app.own.org).await.unwrap();
    let r = upload(&app, &admin, package.iter().map(|(n, b)| (n.as_str(), b.clone())).collect()).await;
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(app.store.export_directory(app.own.org).await.unwrap(), before);
    assert_eq!(app.store.directory_size(app.other.org).await.unwrap(), 0);
}
app_test!(directory_upload_is_all_or_nothing);

async fn referrals_need_consent_and_share_only_what_was_chosen(app: TestApp) {
    let cm = app.session(Role::CaseManager).await;
    let path = format!("/cases/{}/referrals", app.own.case);
    let target = format!("org:{}", app.other.org);
    let mut fields = vec![("target", target.as_str()), ("share", "needs"), ("share", "languages"), ("needs", "Interpretation at the clinic")];
    let r = app.post_form(&cm, &path, &fields).await;
    assert_eq!(r.status().as_u16(), 422);
    assert!(r.text().await.unwrap().contains("recorded consent"), "refused without consent");
    let before = app.store.incoming_referrals(app.other.org).await.unwrap().len();
    fields.extend([("consent_by", "Ana Castillo"), ("consent_method", "signed")]);
    let r = app.post_form(&cm, &path, &fields).await;
    assert_eq!(r.status().as_u16(), 303);
    let queue = app.store.incoming_referrals(app.other.org).await.unwrap();
    assert_eq!(queue.len(), before + 1);
    let sent = queue.iter().find(|r| r.shared.get("needs").map(String::as_str) == Some("Interpretation at the clinic")).unwrap();
    assert!(!sent.shared.contains_key("name"), "the name was not chosen");

    // The receiving organization's case manager sees the shared need, not the client's name.
    let (token, csrf) = app.store.create_session(app.other.user).await.unwrap();
    let other = crate::support::Session { cookie: format!("sendero_session={token}"), csrf };
    let page = app.get(&other, &format!("/referrals/incoming/{}", sent.id)).await.text().await.unwrap();
    assert!(page.contains("Interpretation at the clinic"));
    assert!(!page.contains("Castillo"), "the client's name was not shared, not even as who consented");
    let version = sent.version.to_string();
    let r = app.post_form(&other, &format!("/referrals/incoming/{}", sent.id), &[("version", &version), ("status", "accepted")]).await;
    assert_eq!(r.status().as_u16(), 303);
    // The sender cannot answer for the receiver.
    let r = app.post_form(&cm, &format!("/referrals/{}/status", sent.id), &[("version", "2"), ("status", "completed")]).await;
    assert_eq!(r.status().as_u16(), 422);
    let case_page = app.get(&cm, &format!("/cases/{}", app.own.case)).await.text().await.unwrap();
    assert!(case_page.contains("Accepted"));
}
app_test!(referrals_need_consent_and_share_only_what_was_chosen);

async fn billing_downloads_as_csv_and_xlsx(app: TestApp) {
    let actor = Actor { user_id: Some(app.own.user), org_id: app.own.org };
    let funder = app.store.create_funder(actor, "County ATD grant").await.unwrap();
    app.store.set_rate(actor, funder, app.own.program, "transportation", RateUnit::Service, 1_250).await.unwrap();
    app.store
        .set_service_settings(actor, Some(app.own.program), sendero_store::services::ServiceSettings { referral_wait_days: 7, eligibility_months: Some(12) })
        .await
        .unwrap();
    let cm = app.session(Role::CaseManager).await;
    let funder_id = funder.to_string();
    let today = sendero_store::today().to_string();
    let r = app
        .post_form(
            &cm,
            &format!("/cases/{}/services", app.own.case),
            &[
                ("category", "transportation"),
                ("provided_on", &today),
                ("minutes", "90"),
                ("provider_kind", "volunteer"),
                ("cost", "18.40"),
                ("funder_id", &funder_id),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let r = app
        .post_form(&cm, &format!("/cases/{}/services", app.own.case), &[("category", "transportation"), ("provider_kind", "staff"), ("cost", "1.234")])
        .await;
    assert_eq!(r.status().as_u16(), 422, "money with three decimals is refused");

    let supervisor = app.session(Role::Supervisor).await;
    let month = &today[..7];
    let query = format!("/reports/billing?funder={funder}&program={}&month={month}", app.own.program);
    let page = app.get(&supervisor, &query).await.text().await.unwrap();
    assert!(page.contains("12.50"), "one service at the per-service rate");
    let csv = app.get(&supervisor, &format!("{query}&format=csv")).await;
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    let csv = csv.text().await.unwrap();
    assert!(csv.lines().nth(1).unwrap().starts_with("transportation,service,12.50,1,90,1,1,12.50"), "{csv}");
    let xlsx = app.get(&supervisor, &format!("{query}&format=xlsx")).await;
    assert!(xlsx.headers()["content-type"].to_str().unwrap().contains("spreadsheetml"));
    assert!(xlsx.bytes().await.unwrap().starts_with(b"PK"), "an XLSX is a zip");
    let evaluator_other =
        app.get(&app.session(Role::Evaluator).await, &format!("/reports/billing?funder={funder}&program={}&month={month}", app.other.program)).await;
    assert!(!evaluator_other.text().await.unwrap().contains("12.50"), "another organization's program bills nothing here");
}
app_test!(billing_downloads_as_csv_and_xlsx);
