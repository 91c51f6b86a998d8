//! Consent-based sharing and transfers over HTTP: the partner sees exactly the consented
//! scope while the consent is in force (before, during, after, revoked), every read is logged
//! under the holder, and a transfer copies the record to the receiving organization.

use sendero_domain::consent::{ConsentDraft, ConsentInput};
use sendero_domain::{ContactKind, Role};
use sendero_store::Actor;

use crate::support::{app_test, TestApp};

/// The other organization records a consent for a person of its own to our organization.
async fn consent_from_other(app: &TestApp, starts_in: i64, lasts: u64, scopes: &[&str]) -> (i64, i64) {
    let actor = Actor { user_id: Some(app.other.user), org_id: app.other.org };
    let person = app.store.create_client(actor, &crate::support::draft("Luis", "Consentido"), &[(ContactKind::Phone, "+1 713 555 0101".into())]).await.unwrap();
    let start = sendero_store::today() + chrono::Duration::days(starts_in);
    let input = ConsentInput {
        purpose: "Houston hearing".into(),
        recipient: app.own.org.to_string(),
        scopes: scopes.iter().map(|s| s.to_string()).collect(),
        starts_on: start.to_string(),
        ends_on: (start + chrono::Days::new(lasts)).to_string(),
        method: "verbal".into(),
        witness: "María Díaz".into(),
        language: "es".into(),
    };
    let draft = ConsentDraft::parse(&input, app.other.org, start.min(sendero_store::today())).unwrap();
    (app.store.record_consent(actor, person, &draft).await.unwrap(), person)
}

async fn consent_window_controls_access(app: TestApp) {
    let s = app.session(Role::CaseManager).await;
    let (future, _) = consent_from_other(&app, 3, 30, &["contacts"]).await;
    let (current, person) = consent_from_other(&app, 0, 90, &["case"]).await;
    assert_eq!(app.get(&s, &format!("/shared/{future}")).await.status().as_u16(), 404, "before it starts");
    let r = app.get(&s, &format!("/shared/{current}")).await;
    assert_eq!(r.status().as_u16(), 200, "while in force");
    let html = r.text().await.unwrap();
    assert!(html.contains("Luis Consentido"));
    assert!(!html.contains("713 555 0101"), "contacts were not consented");
    let list = app.get(&s, "/shared").await.text().await.unwrap();
    assert!(list.contains(&format!("/shared/{current}")) && !list.contains(&format!("/shared/{future}")));
    // The read is logged under the holder, attributed to our case manager.
    let reads = app.store.consent_reads(app.other.org, current).await.unwrap();
    assert_eq!(reads.len(), 1);
    // The client record itself stays closed to us.
    assert_eq!(app.get(&s, &format!("/clients/{person}")).await.status().as_u16(), 404);

    // Revoked: access ends at once.
    let consent = app.store.consent(app.other.org, current).await.unwrap();
    let other_actor = Actor { user_id: Some(app.other.user), org_id: app.other.org };
    app.store.revoke_consent(other_actor, current, consent.version, Some("client asked")).await.unwrap();
    assert_eq!(app.get(&s, &format!("/shared/{current}")).await.status().as_u16(), 404, "revoked");

    // Ended: a consent whose last day was yesterday.
    let sql = sendero_store::render_sql(app.store.dialect(), "UPDATE consents SET starts_on = ?, ends_on = ? WHERE id = ?");
    let yesterday = (sendero_store::today() - chrono::Duration::days(1)).to_string();
    sqlx::query(&sql).bind("2026-01-01").bind(&yesterday).bind(future).execute(app.store.pool()).await.unwrap();
    assert_eq!(app.get(&s, &format!("/shared/{future}")).await.status().as_u16(), 404, "after it ends");
    assert_eq!(app.store.consent_reads(app.other.org, future).await.unwrap().len(), 0, "refused reads read nothing");
}
app_test!(consent_window_controls_access);

async fn consent_form_validates_and_revokes(app: TestApp) {
    let s = app.session(Role::CaseManager).await;
    let path = format!("/clients/{}/consents", app.own.client);
    let other = app.other.org.to_string();
    let r =
        app.post_form(&s, &path, &[("purpose", ""), ("recipient", &other), ("starts_on", "2026-12-01"), ("ends_on", "2026-11-01"), ("method", "verbal")]).await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.unwrap();
    for message in
        ["Choose at least one part of the record to share.", "The end date must come after the start date.", "Verbal consent needs the name of a witness."]
    {
        assert!(html.contains(message), "{message}");
    }
    let today = sendero_store::today();
    let (start, end) = (today.to_string(), (today + chrono::Days::new(90)).to_string());
    let fields = [
        ("purpose", "Hearing in Houston"),
        ("recipient", other.as_str()),
        ("scopes", "hearings"),
        ("scopes", "service_plan"),
        ("starts_on", start.as_str()),
        ("ends_on", end.as_str()),
        ("method", "signed"),
        ("language", "es"),
    ];
    let r = app.post_form(&s, &path, &fields).await;
    assert_eq!(r.status().as_u16(), 303);
    let consents = app.store.client_consents(app.own.org, app.own.client).await.unwrap();
    let recorded = consents.iter().find(|c| c.purpose == "Hearing in Houston").expect("recorded");
    assert_eq!(recorded.scopes.len(), 2, "both checkboxes kept");
    let profile = app.get(&s, &format!("/clients/{}", app.own.client)).await.text().await.unwrap();
    assert!(profile.contains("Hearing in Houston") && profile.contains("In force"));
    let r = app.post_form(&s, &format!("/consents/{}/revoke", recorded.id), &[("version", &recorded.version.to_string())]).await;
    assert_eq!(r.status().as_u16(), 303);
    assert!(app.store.consent(app.own.org, recorded.id).await.unwrap().revoked_at.is_some());
}
app_test!(consent_form_validates_and_revokes);

async fn transfer_hands_over_the_case(app: TestApp) {
    // Our case manager proposes moving our case to the other organization, without keeping access.
    let s = app.session(Role::CaseManager).await;
    let case_path = format!("/cases/{}/transfer", app.own.case);
    let r = app.post_form(&s, &case_path, &[("to_org_id", &app.own.org.to_string()), ("summary", "x")]).await;
    assert_eq!(r.status().as_u16(), 422, "not to ourselves");
    let r = app.post_form(&s, &case_path, &[("to_org_id", &app.other.org.to_string()), ("summary", "Hearing in Houston on Dec 3; needs a bus ticket.")]).await;
    assert_eq!(r.status().as_u16(), 303);
    let transfer = app.store.client_transfers(app.own.org, app.own.client).await.unwrap().remove(0);
    let r = app.post_form(&s, &case_path, &[("to_org_id", &app.other.org.to_string()), ("summary", "again")]).await;
    assert_eq!(r.status().as_u16(), 422, "one pending transfer per case");
    // We cannot answer our own proposal.
    let r = app.post_form(&s, &format!("/transfers/{}/accept", transfer.id), &[("version", "1"), ("program_id", &app.own.program.to_string())]).await;
    assert_eq!(r.status().as_u16(), 404);

    // The receiving organization accepts (store level: the test's sessions belong to our organization).
    let receiver = Actor { user_id: Some(app.other.user), org_id: app.other.org };
    let new_case = app.store.accept_transfer(receiver, transfer.id, transfer.version, app.other.program, Some(app.other.user)).await.unwrap();
    let moved = app.store.case(app.other.org, new_case).await.unwrap();
    let copy = app.store.client(app.other.org, moved.client_id).await.unwrap();
    assert_eq!(copy.full_name(), app.store.client(app.own.org, app.own.client).await.unwrap().full_name());
    assert_eq!(copy.a_number, Some("212345678".into()), "the encrypted A-number travels re-encrypted");
    let old = app.store.case(app.own.org, app.own.case).await.unwrap();
    assert_eq!(old.closure_reason, Some(sendero_domain::ClosureReason::Transferred));
    assert!(matches!(
        app.store.accept_transfer(receiver, transfer.id, transfer.version, app.other.program, None).await,
        Err(sendero_store::StoreError::Refused("transfer-error-answered"))
    ));
    // Without kept access, our staff see only that the record was transferred.
    let r = app.get(&s, &format!("/clients/{}", app.own.client)).await;
    assert_eq!(r.status().as_u16(), 410);
    assert!(r.text().await.unwrap().contains("was transferred to Elsewhere"));
    assert_eq!(app.get(&s, &format!("/cases/{}", app.own.case)).await.status().as_u16(), 410);
    assert_eq!(app.get(&s, &format!("/transfers/{}", transfer.id)).await.status().as_u16(), 200, "the transfer itself stays visible");
}
app_test!(transfer_hands_over_the_case);

/// Scenario 7: Mr. Pérez shares his hearing dates and service plan with the Houston partner;
/// the partner sees exactly those, not his services, contacts or the plan's crisis section.
async fn consent_scope_is_exactly_what_is_shared(app: TestApp) {
    let actor = Actor { user_id: Some(app.other.user), org_id: app.other.org };
    let person =
        app.store.create_client(actor, &crate::support::draft("Darwin", "Pérez Mejía"), &[(ContactKind::Phone, "+1 718 555 0142".into())]).await.unwrap();
    let case = app.store.open_case(actor, person, app.other.program, None, None, false).await.unwrap();
    crate::calendar::hearing_for(&app.store, actor, case, "Consented").await;
    app.store.add_goal(actor, case, 0, Some("legal"), "Llegar a mi audiencia en Houston", sendero_store::today()).await.unwrap();
    let service = sendero_store::services::NewService {
        case_id: case,
        category: "transportation".into(),
        provided_on: sendero_store::today(),
        minutes: 90,
        provider_kind: "staff".into(),
        note: Some("Bus ticket bought with cash".into()),
        ..Default::default()
    };
    app.store.log_service(actor, &service).await.unwrap();
    let today = sendero_store::today();
    let input = ConsentInput {
        purpose: "Houston hearing".into(),
        recipient: app.own.org.to_string(),
        scopes: vec!["hearings".into(), "service_plan".into()],
        starts_on: today.to_string(),
        ends_on: (today + chrono::Days::new(90)).to_string(),
        method: "signed".into(),
        language: "es".into(),
        ..Default::default()
    };
    let consent = app.store.record_consent(actor, person, &ConsentDraft::parse(&input, app.other.org, today).unwrap()).await.unwrap();
    let s = app.session(Role::CaseManager).await;
    let html = app.get(&s, &format!("/shared/{consent}")).await.text().await.unwrap();
    assert!(html.contains("Individual (merits) hearing") && html.contains("09:00 C"), "hearing dates are shared, in the court's local time");
    assert!(html.contains("Llegar a mi audiencia en Houston"), "the plan's goals are shared");
    for hidden in ["Transportation", "Bus ticket", "718 555 0142", "Judge Consented"] {
        assert!(!html.contains(hidden), "{hidden} was not consented");
    }
}
app_test!(consent_scope_is_exactly_what_is_shared);
