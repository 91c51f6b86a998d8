//! Calendar stories: the far-away hearing alert, reminders materialised once, leasing that
//! never hands one message to two nodes, change-of-address obligations, attendance and the
//! appearance report, eligibility windows, feeds and the rota.

use chrono::{Duration, Utc};
use sendero_domain::calendar::{Attendance, EventDraft, EventInput};
use sendero_domain::{ContactKind, ProgramKind, Role};
use sendero_store::calendar::{NewPlace, ReminderInfo, ReminderTexts};
use sendero_store::outbox::{NewMessage, CHANNEL_SMS};
use sendero_store::users::NewUser;
use sendero_store::{Actor, Store, StoreError};

use crate::support::{count, draft, story, world, World};

/// Plain wording for store stories (the web crate's Fluent wording is tested with the worker).
struct PlainTexts;
impl ReminderTexts for PlainTexts {
    fn client_reminder(&self, lang: &str, info: &ReminderInfo<'_>, sms: bool) -> (String, String) {
        (format!("[{lang}] reminder"), format!("[{lang}] {} {} sms={sms}", info.event.subtype, info.event.local_time()))
    }
    fn staff_reminder(&self, _lang: &str, info: &ReminderInfo<'_>) -> (String, String) {
        ("staff".into(), format!("{} has {}", info.client_name, info.event.subtype))
    }
    fn call_task_title(&self, info: &ReminderInfo<'_>) -> String {
        format!("Call {}", info.client_name)
    }
}

pub async fn courts(store: &Store) -> (i64, i64) {
    let nyc = store
        .add_place(&NewPlace {
            kind: "court",
            name: "New York - Broadway Immigration Court",
            address: "290 Broadway, New York, NY 10007",
            city: "New York",
            state: "NY",
            zip: "10007",
            tz: "America/New_York",
            lat: 40.7145,
            lon: -74.0045,
        })
        .await
        .unwrap();
    let houston = store
        .add_place(&NewPlace {
            kind: "court",
            name: "Houston Immigration Court",
            address: "600 Jefferson St, Houston, TX 77002",
            city: "Houston",
            state: "TX",
            zip: "77002",
            tz: "America/Chicago",
            lat: 29.7557,
            lon: -95.3647,
        })
        .await
        .unwrap();
    (nyc, houston)
}

struct Setup {
    w: World,
    staff: Actor,
    manager: i64,
    client: i64,
    case: i64,
    program: i64,
}

async fn setup(store: &Store, contacts: &[(ContactKind, String)]) -> Setup {
    let w = world(store).await;
    let manager = store
        .create_user(
            None,
            NewUser {
                org_id: w.org,
                email: "cm@example.org",
                display_name: "Case Manager",
                password: "long enough password",
                role: Role::CaseManager,
                locale: "en",
                caseload_limit: 25,
            },
        )
        .await
        .unwrap();
    let staff = Actor { user_id: Some(manager), org_id: w.org };
    let mut d = draft("Darwin", "Pérez");
    d.languages = Some("es".into());
    let client = store.create_client(staff, &d, contacts).await.unwrap();
    let program = store.create_program(w.actor, "Alternatives to detention", ProgramKind::DetentionAlternative, Some(100)).await.unwrap();
    let case = store.open_case(staff, client, program, None, Some(manager), false).await.unwrap();
    Setup { w, staff, manager, client, case, program }
}

fn hearing(place_id: i64, in_days: i64, tz: &str) -> EventDraft {
    let local = (Utc::now() + Duration::days(in_days)).with_timezone(&sendero_domain::calendar::parse_tz(tz).unwrap()).format("%Y-%m-%dT%H:%M").to_string();
    EventDraft::parse(&EventInput {
        kind: "hearing".into(),
        subtype: "master_calendar".into(),
        place_id: Some(place_id),
        local,
        tz: tz.into(),
        judge: "Hon. Example".into(),
        notes: "Notice served at the border".into(),
        ..Default::default()
    })
    .unwrap()
}

async fn far_hearing_alerts_and_reminders_materialise_once(store: &Store) {
    let (nyc, houston) = courts(store).await;
    let s = setup(
        store,
        &[
            (ContactKind::Address, "410 W 34th St, New York, NY 10001".into()),
            (ContactKind::Phone, "+1 212 555 0100".into()),
            (ContactKind::Email, "darwin@example.org".into()),
        ],
    )
    .await;
    let far = store.create_event(s.staff, s.case, &hearing(houston, 2, "America/Chicago")).await.unwrap();
    let near = store.create_event(s.staff, s.case, &hearing(nyc, 60, "America/New_York")).await.unwrap();
    let alerts = store.hearing_alerts(s.w.org, Utc::now(), 10).await.unwrap();
    assert_eq!(alerts.len(), 1, "only the far, soon hearing alerts");
    assert_eq!(alerts[0].event.id, far);
    let miles = alerts[0].alert.far_miles.unwrap();
    assert!((1380..=1440).contains(&miles), "New York to Houston is about 1,415 miles, got {miles}");
    assert!(alerts[0].alert.soon_days.is_some_and(|d| (1..=2).contains(&d)), "{:?}", alerts[0].alert);
    assert!(store.hearing_alerts(s.w.other_org, Utc::now(), 10).await.unwrap().is_empty());
    // The notes are encrypted at rest.
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM events WHERE notes_enc LIKE '%border%'", &[]).await, 0);
    assert_eq!(store.event(s.w.org, far).await.unwrap().notes.as_deref(), Some("Notice served at the border"));

    // Three offsets per event; for the hearing in two days the 7-day reminder is already due.
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM reminders WHERE event_id = ?", &[far]).await, 3);
    let due = store.due_reminders(Utc::now(), 100).await.unwrap();
    assert!(due.iter().all(|r| r.event.id == far), "the 60-day hearing has nothing due");
    assert!(!due.is_empty());
    assert_eq!(due.len(), 2, "the 7-day and the 2-day reminders are both due");
    let mut made = 0;
    for r in &due {
        made += store.materialise_reminder(r, &PlainTexts, Utc::now()).await.unwrap();
    }
    assert_eq!(made, 3, "only the latest due reminder is sent: SMS, email and the case manager");
    for r in &due {
        assert_eq!(store.materialise_reminder(r, &PlainTexts, Utc::now()).await.unwrap(), 0, "a reminder is materialised once");
    }
    let msgs = store.client_messages(s.w.org, s.client, 10).await.unwrap();
    assert_eq!(msgs.len(), 2);
    assert!(msgs.iter().all(|m| m.language == "es" && m.body.starts_with("[es]")), "in the client's language");
    let _ = near;

    // Opted out of SMS: no SMS, and a phone-call task for the case manager instead.
    store.set_opt_out(s.staff, s.client, CHANNEL_SMS, true).await.unwrap();
    let later = store.due_reminders(Utc::now() + Duration::days(3), 100).await.unwrap();
    let next = later.iter().find(|r| r.event.id == far).expect("the 2-day reminder");
    store.materialise_reminder(next, &PlainTexts, Utc::now()).await.unwrap();
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM outbox WHERE client_id = ? AND channel = 'sms'", &[s.client]).await, 1);
    let tasks = store.case_tasks(s.w.org, s.case).await.unwrap();
    let call = tasks.iter().find(|t| t.kind == "reminder_call").expect("call task");
    assert_eq!(call.assignee_id, Some(s.manager));
}
story!(far_hearing_alerts_and_reminders_materialise_once);

async fn leases_never_overlap_and_expire(store: &Store) {
    let w = world(store).await;
    let actor = w.actor;
    for i in 0..20 {
        let m = NewMessage {
            channel: CHANNEL_SMS,
            recipient: "+1 555 0100",
            client_id: None,
            user_id: None,
            purpose: "test",
            language: "en",
            subject: None,
            body: "hello",
            idempotency_key: format!("k{i}"),
            not_before: None,
        };
        store.enqueue_message(actor, &m).await.unwrap();
    }
    let at = Utc::now() + Duration::seconds(1);
    let lease = Duration::seconds(60);
    let (a, b) = tokio::join!(store.lease_messages("node-a", at, lease, 12), store.lease_messages("node-b", at, lease, 12));
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.len() + b.len(), 20);
    assert!(a.iter().all(|m| !b.iter().any(|n| n.id == m.id)), "no message leased twice");
    assert!(store.lease_messages("node-c", at, lease, 50).await.unwrap().is_empty(), "leased messages are not handed out again");
    // Only the holder records the outcome.
    assert!(!store.mark_sent(a[0].id, "node-b", None).await.unwrap());
    assert!(store.mark_sent(a[0].id, "node-a", Some("p1")).await.unwrap());
    store.mark_failed(a[1].id, "node-a", "gateway 500", Some(at)).await.unwrap();
    store.mark_failed(a[2].id, "node-a", "bad number", None).await.unwrap();
    // node-b "crashed": after its lease runs out, its messages go to someone else, attempt 2.
    let retaken = store.lease_messages("node-c", at + lease + Duration::seconds(1), lease, 50).await.unwrap();
    assert_eq!(retaken.len(), b.len() + (a.len() - 3) + 1);
    assert!(retaken.iter().filter(|m| b.iter().any(|n| n.id == m.id)).all(|m| m.attempts == 2));
    let counts = store.outbox_counts().await.unwrap();
    assert!(counts.contains(&("sent".into(), 1)) && counts.contains(&("failed".into(), 1)));
}
story!(leases_never_overlap_and_expire);

async fn address_change_opens_filings_with_deadlines(store: &Store) {
    let s = setup(store, &[(ContactKind::Address, "1 Main St, Dubuque, IA 52001".into())]).await;
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM tasks WHERE client_id = ?", &[s.client]).await, 0, "a first address is not a move");
    let (_, houston) = courts(store).await;
    store.create_event(s.staff, s.case, &hearing(houston, 30, "America/Chicago")).await.unwrap();
    let contact = store.add_contact(s.staff, s.client, ContactKind::Address, "22 Oak Ave, Cedar Rapids, IA 52401", true).await.unwrap();
    let tasks = store.case_tasks(s.w.org, s.case).await.unwrap();
    let kinds: Vec<&str> = tasks.iter().map(|t| t.kind.as_str()).collect();
    assert!(kinds.contains(&"eoir33") && kinds.contains(&"ar11") && kinds.contains(&"ice_address"), "{kinds:?}");
    let today = sendero_store::today();
    let eoir = tasks.iter().find(|t| t.kind == "eoir33").unwrap();
    assert_eq!(eoir.due_on.as_deref(), Some(sendero_domain::calendar::add_working_days(today, 5).to_string().as_str()));
    assert_eq!(eoir.assignee_id, Some(s.manager));
    let ar11 = tasks.iter().find(|t| t.kind == "ar11").unwrap();
    assert_eq!(ar11.due_on.as_deref(), Some((today + Duration::days(10)).to_string().as_str()));
    // The rule is idempotent per address contact.
    let mut w = store.pool().begin().await.unwrap();
    store.open_address_change_tasks_tx(&mut w, s.staff, s.client, contact).await.unwrap();
    w.commit().await.unwrap();
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM tasks WHERE client_id = ?", &[s.client]).await, 3);
    // The distance now uses the new address.
    let home = store.client_location(s.w.org, s.client).await.unwrap().unwrap();
    assert_eq!(home.name, "Cedar Rapids");
}
story!(address_change_opens_filings_with_deadlines);

async fn attendance_feeds_the_appearance_report(store: &Store) {
    let s = setup(store, &[]).await;
    let (nyc, _) = courts(store).await;
    let mut ids = vec![];
    for days in [-30, -20, -10, -5] {
        ids.push(store.create_event(s.staff, s.case, &hearing(nyc, days, "America/New_York")).await.unwrap());
    }
    let outcomes = [Attendance::Attended, Attendance::Missed, Attendance::ContinuanceRequested, Attendance::Rescheduled];
    for (id, o) in ids.iter().zip(outcomes) {
        store.record_attendance(s.staff, *id, 1, o).await.unwrap();
    }
    assert!(matches!(store.record_attendance(s.staff, ids[0], 1, Attendance::Missed).await, Err(StoreError::Conflict { .. })), "stale version");
    assert!(matches!(store.record_attendance(s.w.other, ids[0], 2, Attendance::Missed).await, Err(StoreError::NotFound)));
    let today = sendero_store::today();
    let rows = store.appearance_report(s.w.org, today - Duration::days(60), today).await.unwrap();
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!((r.attended, r.missed, r.continuances, r.rescheduled), (1, 1, 1, 1));
    assert_eq!((r.appeared(), r.due()), (2, 3));
    assert!(store.appearance_report(s.w.other_org, today - Duration::days(60), today).await.unwrap().is_empty());
    let _ = s.program;
}
story!(attendance_feeds_the_appearance_report);

async fn windows_feeds_and_rota(store: &Store) {
    let s = setup(store, &[]).await;
    let today = sendero_store::today();
    let start = today - Duration::days(260);
    store.add_window(s.staff, s.case, "pre_certification", start).await.unwrap();
    let (from, to) = store.eligibility_window(s.w.org, s.case).await.unwrap().unwrap();
    assert_eq!(from, start);
    assert_eq!(to, start.checked_add_months(chrono::Months::new(9)).unwrap());
    assert!(matches!(store.add_window(s.staff, s.case, "forever", today).await, Err(StoreError::Refused(_))));
    let soon = store.expiring(s.w.org, today, 30, 180).await.unwrap();
    assert_eq!(soon.len(), 1);
    assert_eq!(soon[0].rule, "pre_certification");
    assert!(store.expiring(s.w.other_org, today, 30, 180).await.unwrap().is_empty());
    assert_eq!(store.eligibility_window(s.w.other_org, s.case).await.unwrap(), None);

    let token = store.new_feed_token(s.staff, s.manager).await.unwrap();
    assert_eq!(store.feed_owner(&token).await.unwrap(), Some((s.w.org, s.manager)));
    let again = store.new_feed_token(s.staff, s.manager).await.unwrap();
    assert_eq!(store.feed_owner(&token).await.unwrap(), None, "a new token revokes the old one");
    store.revoke_feed(s.staff, s.manager).await.unwrap();
    assert_eq!(store.feed_owner(&again).await.unwrap(), None);

    let now = Utc::now();
    store.add_shift(s.staff, s.manager, now - Duration::hours(1), now + Duration::hours(8), "+1 212 555 0199").await.unwrap();
    assert!(matches!(store.add_shift(s.staff, s.manager, now, now - Duration::hours(1), "1").await, Err(StoreError::Refused(_))));
    let (shift, number) = store.on_call(s.w.org, now).await.unwrap();
    assert_eq!(shift.unwrap().user_id, s.manager);
    assert_eq!(number.as_deref(), Some("+1 212 555 0199"));
    assert_eq!(store.on_call(s.w.other_org, now).await.unwrap().1, None);
}
story!(windows_feeds_and_rota);

async fn demo_has_darwins_far_hearing_and_a_rota(store: &Store) {
    assert!(store.seed_demo().await.unwrap());
    let lead = store.all_organizations().await.unwrap().into_iter().find(|o| o.kind == "lead").unwrap();
    let alerts = store.hearing_alerts(lead.id, Utc::now(), 20).await.unwrap();
    let darwin = alerts.iter().find(|a| a.client_name == "Darwin Pérez Mejía").expect("Darwin's hearing alerts");
    assert!(darwin.alert.far_miles.is_some_and(|m| m > 1300), "{:?}", darwin.alert);
    assert_eq!(darwin.place_name, "Houston Immigration Court");
    assert!(store.on_call(lead.id, Utc::now()).await.unwrap().0.is_some());
    let today = sendero_store::today();
    let report = store.appearance_report(lead.id, today - Duration::days(90), today).await.unwrap();
    assert!(report.iter().map(|r| r.due()).sum::<i64>() >= 5, "{report:?}");
    let expiring = store.expiring(lead.id, today, 30, 270).await.unwrap();
    assert!(expiring.iter().any(|d| d.rule == "pre_certification"), "Amina's window");
    assert!(expiring.iter().any(|d| d.rule == "sijs_18"), "Yeferson's 18th birthday");
    assert!(store.places().await.unwrap().len() >= 12);
}
story!(demo_has_darwins_far_hearing_and_a_rota);
