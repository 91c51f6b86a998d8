//! Calendar pages: a far-away hearing added through the form raises the alert on the case and
//! the dashboard; attendance feeds the appearance report; the .ics download and the private feed;
//! the outbox page for administrators; opt-outs.

use sendero_domain::calendar::{EventDraft, EventInput};
use sendero_domain::{ContactKind, Role};
use sendero_store::calendar::NewPlace;
use sendero_store::{Actor, Store};

use crate::support::{app_test, TestApp};

pub async fn houston_court(store: &Store) -> i64 {
    store
        .add_place(&NewPlace {
            kind: "court",
            name: "Houston Immigration Court",
            address: "600 Jefferson St, Suite 900, Houston, TX 77002",
            city: "Houston",
            state: "TX",
            zip: "77002",
            tz: "America/Chicago",
            lat: 29.7557,
            lon: -95.3647,
        })
        .await
        .unwrap()
}

/// A hearing on `case` in 40 days whose judge carries `family` (the leak marker for the other org).
pub async fn hearing_for(store: &Store, actor: Actor, case: i64, family: &str) -> i64 {
    let court = houston_court(store).await;
    let local = (chrono::Utc::now() + chrono::Duration::days(40)).format("%Y-%m-%dT09:00").to_string();
    let draft = EventDraft::parse(&EventInput {
        kind: "hearing".into(),
        subtype: "individual".into(),
        place_id: Some(court),
        local,
        tz: "America/Chicago".into(),
        judge: format!("Judge {family}"),
        ..Default::default()
    })
    .unwrap();
    store.create_event(actor, case, &draft).await.unwrap()
}

async fn far_hearing_alert_attendance_and_appearance(app: TestApp) {
    let s = app.session(Role::CaseManager).await;
    let actor = Actor { user_id: Some(app.user_of(Role::CaseManager)), org_id: app.own.org };
    app.store.add_contact(actor, app.own.client, ContactKind::Address, "1 Border Rd, Laredo, TX 78040", true).await.unwrap();
    app.store.add_contact(actor, app.own.client, ContactKind::Address, "410 W 34th St, New York, NY 10001", true).await.unwrap();
    let court = houston_court(&app.store).await.to_string();
    let path = format!("/cases/{}/events", app.own.case);
    assert_eq!(app.get(&s, &format!("/cases/{}/events/new", app.own.case)).await.status().as_u16(), 200);

    // Validation: a hearing needs a court and a real time.
    let r =
        app.post_form(&s, &path, &[("kind", "hearing"), ("subtype", "master_calendar"), ("place_id", ""), ("local", "soon"), ("tz", "America/Chicago")]).await;
    assert_eq!(r.status().as_u16(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("Choose the court or office.") && body.contains("Enter the date and time"), "{body}");

    let when = (chrono::Utc::now() + chrono::Duration::days(2)).format("%Y-%m-%dT08:30").to_string();
    let r = app
        .post_form(
            &s,
            &path,
            &[("kind", "hearing"), ("subtype", "master_calendar"), ("place_id", &court), ("local", &when), ("tz", "America/New_York"), ("judge", "Hon. Ruiz")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let location = r.headers()["location"].to_str().unwrap().to_owned();
    let event_page = app.get(&s, &location).await.text().await.unwrap();
    assert!(event_page.contains("miles from where the client lives now"), "far alert on the event");
    assert!(event_page.contains("change venue"));
    assert!(event_page.contains("08:30 CST"), "shown in the court's time zone: the court's zone wins over the picker");
    let dashboard = app.get(&s, "/").await.text().await.unwrap();
    assert!(dashboard.contains("miles from where the client lives now"), "the dashboard shows it too");
    let case_page = app.get(&s, &format!("/cases/{}", app.own.case)).await.text().await.unwrap();
    assert!(case_page.contains("EOIR-33 (court)") && case_page.contains("not filed yet"), "the move opened the filings");

    // The .ics download.
    let ics = app.get(&s, &format!("{location}/ics")).await;
    assert_eq!(ics.headers()["content-type"], "text/calendar; charset=utf-8");
    let ics = ics.text().await.unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.contains("LOCATION:Houston Immigration Court\\, 600 Jefferson St"), "{ics}");
    assert!(ics.lines().all(|l| l.len() <= 75), "folded lines");

    // Attendance, then the appearance report.
    let event_id: i64 = location.rsplit('/').next().unwrap().parse().unwrap();
    let r = app.post_form(&s, &format!("/events/{event_id}/attendance"), &[("outcome", "attended"), ("version", "1")]).await;
    assert_eq!(r.status().as_u16(), 303);
    let r = app.post_form(&s, &format!("/events/{event_id}/attendance"), &[("outcome", "missed"), ("version", "1")]).await;
    assert_eq!(r.status().as_u16(), 409, "stale version");
    let sup = app.session(Role::Supervisor).await;
    let from = (chrono::Utc::now() - chrono::Duration::days(1)).format("%Y-%m-%d").to_string();
    let to = (chrono::Utc::now() + chrono::Duration::days(5)).format("%Y-%m-%d").to_string();
    let report = app.get(&sup, &format!("/reports/appearance?from={from}&to={to}")).await.text().await.unwrap();
    assert!(report.contains("100.0%"), "one hearing, attended: {report}");
    assert!(report.contains("20.7% – 100.0%"), "Wilson 95% interval for 1/1 (statsmodels: 0.2065, 1.0)");
}
app_test!(far_hearing_alert_attendance_and_appearance);

async fn feeds_outbox_and_opt_outs(app: TestApp) {
    let s = app.session(Role::CaseManager).await;
    let page = app.post_form(&s, "/calendar/feed", &[]).await.text().await.unwrap();
    let start = page.find("/calendar/feed.ics?token=").expect("feed url shown once");
    let url: String = page[start..].chars().take_while(|c| *c != '<').collect();
    let feed = app.http.get(format!("{}{url}", app.base)).send().await.unwrap();
    assert_eq!(feed.status().as_u16(), 200, "calendar apps fetch it without a session");
    let body = feed.text().await.unwrap();
    assert!(body.contains("BEGIN:VEVENT"), "the manager's hearing is in the feed");
    assert!(!body.contains(crate::support::OTHER_ORG_MARKER));
    app.post_form(&s, "/calendar/feed/revoke", &[]).await;
    assert_eq!(app.http.get(format!("{}{url}", app.base)).send().await.unwrap().status().as_u16(), 404, "revoked");
    assert_eq!(app.http.get(format!("{}/calendar/feed.ics?token=nope", app.base)).send().await.unwrap().status().as_u16(), 404);

    let r = app
        .post_form(&s, &format!("/clients/{}/opt-out", app.own.client), &[("channel", "sms"), ("opted_out", "1"), ("case_id", &app.own.case.to_string())])
        .await;
    assert_eq!(r.status().as_u16(), 303);
    assert!(app.store.opted_out(app.own.org, app.own.client, "sms").await.unwrap());

    let admin = app.session(Role::Administrator).await;
    let outbox = app.get(&admin, "/outbox").await;
    assert_eq!(outbox.status().as_u16(), 200);
    let calendar = app.get(&s, "/calendar").await.text().await.unwrap();
    assert!(calendar.contains("Individual (merits) hearing"));
}
app_test!(feeds_outbox_and_opt_outs);
