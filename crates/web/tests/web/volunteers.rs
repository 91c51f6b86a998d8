//! Volunteers, care networks, rides and the guardian registry over HTTP: public forms (CSRF,
//! rate limit, size limit, honeypot, no enumeration), volunteer scoping inside one
//! organization, the attorney-only registry, and a ride from request to mileage.

use chrono::Duration;
use sendero_domain::care::rides::{RideDraft, RideInput};
use sendero_domain::care::signup::{GuardianDraft, GuardianInput, VolunteerDraft, VolunteerInput};
use sendero_domain::care::{CheckStatus, NetworkRole, RequestKind, RidePurpose, RideStatus};
use sendero_domain::Role;
use sendero_store::care_notices::PlainTexts;
use sendero_store::volunteers::TrainingSubject;
use sendero_store::{today, Actor, Store};

use crate::support::{app_test, csrf_in, set_cookies, urlencoding, OrgWorld, TestApp};

/// Ids of one organization's care records, for the authorization matrix.
#[derive(Debug, Clone, Copy)]
pub struct CareIds {
    pub volunteer: i64,
    pub volunteer_user: i64,
    pub check: i64,
    pub network: i64,
    pub network_task: i64,
    pub ride: i64,
    pub guardian: i64,
}

fn application(name: &str, email: &str) -> VolunteerDraft {
    let input = VolunteerInput {
        name: name.into(),
        email: email.into(),
        languages: "Spanish, English".into(),
        zip: "52001".into(),
        can_drive: true,
        licence_expires: (today() + Duration::days(900)).to_string(),
        insurance_expires: (today() + Duration::days(300)).to_string(),
        slots: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].iter().flat_map(|d| ["am", "pm", "eve"].map(|p| format!("{d}-{p}"))).collect(),
        ..Default::default()
    };
    VolunteerDraft::parse(&input, today()).unwrap()
}

/// Apply, approve and clear a volunteer; returns (volunteer id, user id, check id).
async fn cleared_volunteer(store: &Store, actor: Actor, name: &str, email: &str) -> (i64, i64, i64) {
    store.apply_volunteer(actor.org_id, &application(name, email)).await.unwrap();
    let v = store.volunteers(actor.org_id, "applied", name).await.unwrap().remove(0);
    store.approve_volunteer(actor, v.id, v.version, &PlainTexts).await.unwrap();
    let check = store.request_check(actor, email, name).await.unwrap();
    store.update_check(actor, check, 1, CheckStatus::Cleared, Some(today() + Duration::days(365)), Some("clear")).await.unwrap();
    let v = store.volunteer(actor.org_id, v.id).await.unwrap();
    (v.id, v.user_id.unwrap(), check)
}

fn ride_draft() -> RideDraft {
    let at = (today() + Duration::days(7)).and_hms_opt(9, 0, 0).unwrap();
    RideDraft::parse(
        &RideInput {
            kind: "ride".into(),
            purpose: "ice_check_in".into(),
            pickup: "1200 Main St".into(),
            pickup_zip: "52001".into(),
            destination: "ICE office, Cedar Rapids".into(),
            at: at.format("%Y-%m-%dT%H:%M").to_string(),
            ..Default::default()
        },
        today(),
    )
    .unwrap()
}

/// Care records of one organization: a cleared driver in the family's network, a task, a ride
/// offered to the driver, and a trained, cleared guardian. Names carry `family` (the other
/// organization's marker).
pub async fn care_fixtures(store: &Store, actor: Actor, household: i64, family: &str) -> CareIds {
    let slug = family.to_lowercase();
    let (volunteer, volunteer_user, check) = cleared_volunteer(store, actor, &format!("{family} Driver"), &format!("driver@{slug}.test")).await;
    let network = store.create_network(actor, household).await.unwrap();
    store.add_network_member(actor, network, volunteer_user, NetworkRole::Driver).await.unwrap();
    let network_task = store.add_task(actor, network, &format!("Winter coats for the {family} children"), None).await.unwrap();
    store.post_message(actor, network, &format!("Thread about {family}")).await.unwrap();
    let (ride, proposals) = store.request_ride(actor, household, &ride_draft(), &PlainTexts).await.unwrap();
    assert_eq!(proposals.first().map(|p| p.volunteer_id), Some(volunteer));
    let guardian_input = GuardianInput {
        name: format!("{family} Guardian"),
        email: format!("guardian@{slug}.test"),
        languages: "Spanish".into(),
        zip: "10451".into(),
        ..Default::default()
    };
    store.apply_guardian(actor.org_id, &GuardianDraft::parse(&guardian_input).unwrap()).await.unwrap();
    let guardian = store.guardians(actor.org_id).await.unwrap()[0].id;
    store.approve_guardian(actor, guardian, 2).await.unwrap();
    let gcheck = store.request_check(actor, &guardian_input.email, &guardian_input.name).await.unwrap();
    store.update_check(actor, gcheck, 1, CheckStatus::Cleared, None, None).await.unwrap();
    store.record_training(actor, TrainingSubject::Guardian(guardian), "SIJS basics", today(), None).await.unwrap();
    CareIds { volunteer, volunteer_user, check, network, network_task, ride, guardian }
}

/// The test user with the Volunteer role becomes a cleared volunteer in the own network, so the
/// matrix can reach "My families" with a real id.
pub async fn enlist_test_volunteer(store: &Store, own: &OrgWorld, user_id: i64) {
    let actor = Actor { user_id: None, org_id: own.org };
    let email = store.user(own.org, user_id).await.unwrap().email;
    store.apply_volunteer(own.org, &application("Test Volunteer", &email)).await.unwrap();
    let v = store.volunteers(own.org, "applied", "Test Volunteer").await.unwrap().remove(0);
    store.approve_volunteer(actor, v.id, v.version, &PlainTexts).await.unwrap();
    let check = store.request_check(actor, &email, "Test Volunteer").await.unwrap();
    store.update_check(actor, check, 1, CheckStatus::Cleared, None, None).await.unwrap();
    store.add_network_member(actor, own.care.network, user_id, NetworkRole::Mentor).await.unwrap();
}

/// An anonymous browser: GET the form for the CSRF cookie and token.
async fn anonymous_form(app: &TestApp, path: &str) -> (String, String) {
    let r = app.http.get(format!("{}{path}", app.base)).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200, "{path}");
    let cookie = set_cookies(&r).into_iter().find(|c| c.starts_with("sendero_csrf=")).expect("a CSRF cookie").split(';').next().unwrap().to_owned();
    let html = r.text().await.unwrap();
    (cookie, csrf_in(&html).expect("a CSRF field"))
}

async fn post_anonymous(app: &TestApp, path: &str, cookie: &str, fields: &[(&str, &str)]) -> (u16, String) {
    let body = fields.iter().map(|(k, v)| format!("{}={}", urlencoding(k), urlencoding(v))).collect::<Vec<_>>().join("&");
    let r = app
        .http
        .post(format!("{}{path}", app.base))
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

fn signup_fields<'a>(csrf: &'a str, org: &'a str, email: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("org_id", org),
        ("name", "Jean Baptiste"),
        ("email", email),
        ("languages", "Kreyòl, English"),
        ("zip", "52001"),
        ("slots", "tue-am"),
        ("slots", "sat-pm"),
    ]
}

async fn public_volunteer_form(app: TestApp) {
    let (cookie, csrf) = anonymous_form(&app, "/volunteer").await;
    let org = app.own.org.to_string();
    // Without the token: refused.
    let (status, _) = post_anonymous(&app, "/volunteer", &cookie, &signup_fields("forged", &org, "jean@example.org")).await;
    assert_eq!(status, 403);
    // Field errors are named, and the typing is kept.
    let (status, body) =
        post_anonymous(&app, "/volunteer", &cookie, &[("csrf", &csrf), ("org_id", &org), ("name", "Jean"), ("email", "nope"), ("zip", "12")]).await;
    assert_eq!(status, 422);
    assert!(body.contains("That is not an email address.") && body.contains("Enter a 5-digit ZIP code.") && body.contains("value=\"Jean\""));
    let (status, first) = post_anonymous(&app, "/volunteer", &cookie, &signup_fields(&csrf, &org, "jean@example.org")).await;
    assert_eq!(status, 200);
    let v = app.store.volunteers(app.own.org, "applied", "Jean").await.unwrap();
    assert_eq!(v.len(), 1);
    assert!(v[0].availability.has_slot("sat-pm") && v[0].availability.has_slot("tue-am"));
    // The same email again answers exactly the same (no account enumeration), and adds nothing.
    let (status, again) = post_anonymous(&app, "/volunteer", &cookie, &signup_fields(&csrf, &org, "JEAN@example.org")).await;
    assert_eq!((status, again.clone()), (200, first));
    assert_eq!(app.store.volunteers(app.own.org, "", "Jean").await.unwrap().len(), 1);
    // A bot filling the honeypot gets the thanks page and stores nothing.
    let mut bot = signup_fields(&csrf, &org, "bot@example.org");
    bot.push(("website", "http://spam.example"));
    let (status, body) = post_anonymous(&app, "/volunteer", &cookie, &bot).await;
    assert_eq!((status, body), (200, again));
    assert!(app.store.volunteers(app.own.org, "", "").await.unwrap().iter().all(|v| v.email != "bot@example.org"));
    // Oversized bodies are refused before they are read as a form.
    let long = "x".repeat(20_000);
    let (status, _) = post_anonymous(&app, "/volunteer", &cookie, &[("csrf", &csrf), ("name", &long)]).await;
    assert_eq!(status, 413);
    // The rate limit per address ends in 429 (the earlier posts counted too).
    let mut last = 0;
    for _ in 0..sendero_store::volunteers::PUBLIC_FORM_LIMIT_PER_HOUR {
        last = post_anonymous(&app, "/volunteer", &cookie, &signup_fields(&csrf, &org, "many@example.org")).await.0;
    }
    assert_eq!(last, 429);
    // The form is multilingual.
    let r = app.http.get(format!("{}/volunteer", app.base)).header("accept-language", "es").send().await.unwrap();
    assert!(r.text().await.unwrap().contains("Hágase voluntario"));
}
app_test!(public_volunteer_form);

async fn one_time_link_sets_the_password(app: TestApp) {
    let s = app.session(Role::Supervisor).await;
    app.store.apply_volunteer(app.own.org, &application("Rose Michel", "rose@example.org")).await.unwrap();
    let v = app.store.volunteers(app.own.org, "applied", "Rose").await.unwrap().remove(0);
    let r = app.post_form(&s, &format!("/volunteers/{}/approve", v.id), &[("version", &v.version.to_string())]).await;
    assert_eq!(r.status().as_u16(), 200);
    let html = r.text().await.unwrap();
    let start = html.find("/welcome/").expect("the link is shown once");
    let link: String = html[start..].chars().take_while(|c| *c != '<' && *c != '"').collect();
    let (cookie, csrf) = anonymous_form(&app, &link).await;
    let (status, _) = post_anonymous(&app, &link, &cookie, &[("csrf", &csrf), ("password", "roses are red, violets")]).await;
    assert_eq!(status, 303);
    assert!(app.store.sign_in("rose@example.org", "roses are red, violets").await.unwrap().is_ok());
    let r = app.http.get(format!("{}{link}", app.base)).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 404, "used once");
}
app_test!(one_time_link_sets_the_password);

/// Within one organization, a volunteer reaches only the families whose network they are in,
/// and only the fields of their role.
async fn volunteers_are_scoped_within_the_organization(app: TestApp) {
    let member = app.session(Role::Volunteer).await;
    let page = app.get(&member, &format!("/my/families/{}", app.own.care.network)).await;
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("Castillo family") && html.contains("Winter coats"));
    // A mentor: no phone, no A-number, no country, no case notes.
    for hidden in ["555 010 0000", "212-345-678", "212345678", "Note about Castillo"] {
        assert!(!html.contains(hidden), "a mentor saw {hidden}");
    }
    // Another volunteer of the same organization, not in this network: 404 everywhere.
    let driver_user = app.own.care.volunteer_user;
    let (token, csrf) = app.store.create_session(driver_user).await.unwrap();
    let driver_session = crate::support::Session { cookie: format!("sendero_session={token}"), csrf };
    // The fixture driver IS in the network; make a fresh cleared volunteer who is not.
    let actor = Actor { user_id: None, org_id: app.own.org };
    let (_, stranger_user, _) = cleared_volunteer(&app.store, actor, "Stranger Danger", "stranger@example.org").await;
    let (token, csrf) = app.store.create_session(stranger_user).await.unwrap();
    let stranger = crate::support::Session { cookie: format!("sendero_session={token}"), csrf };
    let n = app.own.care.network;
    assert_eq!(app.get(&stranger, &format!("/my/families/{n}")).await.status().as_u16(), 404);
    assert_eq!(app.post_form(&stranger, &format!("/my/families/{n}/messages"), &[("body", "hi")]).await.status().as_u16(), 404);
    let task = app.own.care.network_task;
    assert_eq!(app.post_form(&stranger, &format!("/my/families/{n}/tasks/{task}"), &[("action", "take")]).await.status().as_u16(), 404);
    let mine = app.get(&stranger, "/my/families").await.text().await.unwrap();
    assert!(!mine.contains("Castillo"));
    // The driver sees the phone; staff pages stay closed to volunteers.
    let driver_page = app.get(&driver_session, &format!("/my/families/{n}")).await.text().await.unwrap();
    assert!(driver_page.contains("555 010 0000"));
    assert!(!driver_page.contains("Note about Castillo"));
    for path in [format!("/networks/{n}"), "/clients".into(), format!("/households/{}", app.own.household), "/guardian-search".into()] {
        assert_eq!(app.get(&driver_session, &path).await.status().as_u16(), 403, "{path}");
    }
    // A coordinator's grant opens case notes to that member.
    let member_id = app.store.member_roles(app.own.org, n, driver_user).await.unwrap()[0].id;
    let s = app.session(Role::CaseManager).await;
    assert_eq!(app.post_form(&s, &format!("/networks/{n}/grant"), &[("member_id", &member_id.to_string()), ("granted", "1")]).await.status().as_u16(), 303);
    let granted = app.get(&driver_session, &format!("/my/families/{n}")).await.text().await.unwrap();
    assert!(granted.contains("Note about Castillo"));
}
app_test!(volunteers_are_scoped_within_the_organization);

async fn only_attorneys_see_the_guardian_registry(app: TestApp) {
    for role in Role::ALL.into_iter().filter(|r| *r != Role::Attorney) {
        let s = app.session(role).await;
        let r = app.get(&s, "/guardian-search?language=spanish").await;
        assert_eq!(r.status().as_u16(), 403, "{role}");
        assert!(!r.text().await.unwrap().contains("Castillo Guardian"));
    }
    let attorney = app.session(Role::Attorney).await;
    let html = app.get(&attorney, "/guardian-search?language=Espa%C3%B1ol&zip=10452").await.text().await.unwrap();
    assert!(html.contains("Castillo Guardian"));
    assert!(!html.contains(crate::support::OTHER_ORG_MARKER));
    // The public page tells about guardianship, without the list.
    let public = app.http.get(format!("{}/guardians", app.base)).send().await.unwrap().text().await.unwrap();
    assert!(public.contains("before the young person turns 18") && !public.contains("Castillo Guardian"));
}
app_test!(only_attorneys_see_the_guardian_registry);

async fn a_ride_from_request_to_mileage(app: TestApp) {
    let cm = app.session(Role::CaseManager).await;
    let n = app.own.care.network;
    let when = (today() + Duration::days(10)).and_hms_opt(10, 0, 0).unwrap().format("%Y-%m-%dT%H:%M").to_string();
    // Bad input keeps the form with named errors.
    let r = app.post_form(&cm, &format!("/networks/{n}/rides"), &[("kind", "ride"), ("purpose", "ice_check_in"), ("at", "soon")]).await;
    assert_eq!(r.status().as_u16(), 422);
    assert!(r.text().await.unwrap().contains("Enter the date and time."));
    let fields = [
        ("kind", "ride"),
        ("purpose", "medical"),
        ("pickup", "1200 Main St"),
        ("pickup_zip", "52001"),
        ("destination", "Mercy clinic"),
        ("at", when.as_str()),
        ("passengers", "2"),
        ("child_seats", "1"),
        ("language", "Español"),
    ];
    let r = app.post_form(&cm, &format!("/networks/{n}/rides"), &fields).await;
    assert_eq!(r.status().as_u16(), 303);
    let location = r.headers()["location"].to_str().unwrap().to_owned();
    let ride: i64 = location.trim_start_matches("/rides/").parse().unwrap();
    let page = app.get(&cm, &location).await.text().await.unwrap();
    assert!(page.contains("Castillo Driver"), "the cleared driver is proposed");
    // The driver accepts from "My families"; a second accept is refused.
    let (token, csrf) = app.store.create_session(app.own.care.volunteer_user).await.unwrap();
    let driver = crate::support::Session { cookie: format!("sendero_session={token}"), csrf };
    let offers = app.get(&driver, "/my/families").await.text().await.unwrap();
    assert!(offers.contains("Mercy clinic"));
    assert_eq!(app.post_form(&driver, &format!("/my/rides/{ride}/accept"), &[]).await.status().as_u16(), 303);
    assert_eq!(app.post_form(&driver, &format!("/my/rides/{ride}/accept"), &[]).await.status().as_u16(), 422);
    let r = app.store.ride(app.own.org, ride).await.unwrap();
    assert_eq!(r.status, RideStatus::Accepted);
    let confirmation = app.store.outbox_messages(app.own.org, None, None, 50).await.unwrap().into_iter().find(|m| m.purpose == "ride_confirmation").unwrap();
    assert_eq!(confirmation.language, "es");
    assert!(confirmation.body.contains("Castillo Driver"), "{}", confirmation.body);
    assert_eq!(app.post_form(&driver, &format!("/my/rides/{ride}/mileage"), &[("miles", "12.5")]).await.status().as_u16(), 303);
    let s = app.session(Role::Supervisor).await;
    let report = app.get(&s, "/rides/report").await.text().await.unwrap();
    assert!(report.contains("Medical") && report.contains("12.5"), "{report}");
}
app_test!(a_ride_from_request_to_mileage);

#[test]
fn every_care_value_has_a_label_in_every_language() {
    use sendero_web::i18n::Tr;
    let mut labels: Vec<(&str, &str)> = vec![];
    labels.extend(NetworkRole::ALL.iter().map(|r| ("network-role", r.as_str())));
    labels.extend(RidePurpose::ALL.iter().map(|p| ("ride-purpose", p.as_str())));
    labels.extend(RideStatus::ALL.iter().map(|s| ("ride-status", s.as_str())));
    labels.extend(RequestKind::ALL.iter().map(|k| ("request-kind", k.as_str())));
    labels.extend(CheckStatus::ALL.iter().map(|c| ("check", c.as_str())));
    labels.extend(sendero_domain::care::availability::DAYS.iter().map(|d| ("day", *d)));
    labels.extend(sendero_domain::care::availability::PARTS.iter().map(|p| ("day-part", *p)));
    labels.extend(["applied", "approved", "declined"].map(|s| ("vol-status", s)));
    labels.extend(["requested", "accepted", "declined"].map(|s| ("match-status", s)));
    for code in ["en", "es"] {
        let tr = Tr::new(code);
        for (prefix, value) in &labels {
            let key = format!("{prefix}-{}", value.replace('_', "-"));
            assert_ne!(tr.label(prefix, value), key, "{code}: no label for {key}");
        }
    }
}
