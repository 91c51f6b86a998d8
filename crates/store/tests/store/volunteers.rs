//! Volunteers, background checks, care networks, rides and the guardian registry.

use chrono::{Duration, NaiveDate};
use sendero_domain::care::rides::{RideDraft, RideInput};
use sendero_domain::care::signup::{GuardianDraft, GuardianInput, VolunteerDraft, VolunteerInput};
use sendero_domain::care::{CheckStatus, NetworkRole, RidePurpose, RideStatus};
use sendero_domain::{ClientInput, ContactKind, ProgramKind, Relationship, Role};
use sendero_store::care_networks::TaskAction;
use sendero_store::care_notices::PlainTexts;
use sendero_store::users::NewUser;
use sendero_store::volunteers::TrainingSubject;
use sendero_store::{today, Actor, Store, StoreError};

use crate::support::{count, draft, parse, story, world};

fn application(name: &str, email: &str, zip: &str, languages: &str) -> VolunteerDraft {
    let input = VolunteerInput {
        name: name.into(),
        email: email.into(),
        languages: languages.into(),
        zip: zip.into(),
        can_drive: true,
        licence_expires: (today() + Duration::days(900)).to_string(),
        insurance_expires: (today() + Duration::days(300)).to_string(),
        slots: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].iter().flat_map(|d| ["am", "pm", "eve"].map(|p| format!("{d}-{p}"))).collect(),
        ..Default::default()
    };
    VolunteerDraft::parse(&input, today()).unwrap()
}

/// A coordinator (supervisor) of the organization.
async fn coordinator(store: &Store, org: i64, email: &str) -> Actor {
    let id = store
        .create_user(
            None,
            NewUser {
                org_id: org,
                email,
                display_name: "Coordinator",
                password: "correct horse battery",
                role: Role::Supervisor,
                locale: "en",
                caseload_limit: 10,
            },
        )
        .await
        .unwrap();
    Actor { user_id: Some(id), org_id: org }
}

/// Apply, approve and record a check with `status` (and expiry); returns the volunteer id.
async fn volunteer(store: &Store, actor: Actor, name: &str, zip: &str, languages: &str, status: CheckStatus, expires: Option<NaiveDate>) -> i64 {
    let email = format!("{}@volunteers.test", name.to_lowercase().replace(' ', "."));
    assert!(store.apply_volunteer(actor.org_id, &application(name, &email, zip, languages)).await.unwrap());
    let v = store.volunteers(actor.org_id, "applied", name).await.unwrap().remove(0);
    store.approve_volunteer(actor, v.id, v.version, &PlainTexts).await.unwrap();
    let check = store.request_check(actor, &email, name).await.unwrap();
    if status != CheckStatus::Requested {
        store.update_check(actor, check, 1, status, expires, Some("Report: nothing found")).await.unwrap();
    }
    v.id
}

async fn family(store: &Store, actor: Actor, family: &str) -> (i64, i64) {
    let head = store.create_client(actor, &draft("Marisol", family), &[(ContactKind::Phone, "+1 563 555 0101".into())]).await.unwrap();
    let household = store.create_household(actor, &format!("{family} family"), head).await.unwrap();
    let child = parse(&ClientInput {
        given_names: "Kevin".into(),
        family_names: family.into(),
        birth_date: "2017-03".into(),
        country: "Nicaragua".into(),
        ..Default::default()
    });
    store.create_household_member(actor, household, &child, Relationship::Child).await.unwrap();
    (household, head)
}

async fn volunteer_signup_to_sign_in(store: &Store) {
    let w = world(store).await;
    let boss = coordinator(store, w.org, "coord@camino.test").await;
    let d = application("Jean Baptiste", "Jean@Volunteers.test", "52001", "Kreyòl, English");
    assert!(store.apply_volunteer(w.org, &d).await.unwrap());
    // The same email again: nothing changes, and the caller cannot tell (same answer page).
    assert!(!store.apply_volunteer(w.org, &d).await.unwrap());
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM volunteers WHERE org_id = ?", &[w.org]).await, 1);
    let v = store.volunteers(w.org, "applied", "").await.unwrap().remove(0);
    assert_eq!(v.languages, "haitian creole, english");
    // Search is a literal substring: the user's `_` and `%` are not SQL wildcards.
    assert_eq!(store.volunteers(w.org, "", " BAPTISTE ").await.unwrap().len(), 1);
    assert_eq!(store.volunteers(w.org, "", "n_b").await.unwrap().len(), 0, "`_` is not any character");
    assert_eq!(store.volunteers(w.org, "", "%").await.unwrap().len(), 0, "`%` is not any text");
    assert!(v.home.is_some(), "home from the ZIP table");
    // A stale version is a conflict.
    assert!(matches!(store.approve_volunteer(boss, v.id, v.version + 7, &PlainTexts).await, Err(StoreError::Conflict { .. })));
    let token = store.approve_volunteer(boss, v.id, v.version, &PlainTexts).await.unwrap();
    let v = store.volunteer(w.org, v.id).await.unwrap();
    assert_eq!(v.status, "approved");
    let queued = store.outbox_messages(w.org, None, None, 10).await.unwrap();
    assert!(queued.iter().any(|m| m.purpose == "volunteer_welcome" && m.recipient == "jean@volunteers.test" && m.body.contains(&token)), "{queued:?}");
    let user = store.user(w.org, v.user_id.unwrap()).await.unwrap();
    assert_eq!(user.role, Role::Volunteer);
    // Nobody knows the random password: signing in needs the one-time link.
    assert_eq!(store.invite(&token).await.unwrap().as_deref(), Some("Jean Baptiste"));
    assert!(matches!(store.accept_invite(&token, "short").await, Err(StoreError::Refused("error-password-short"))));
    store.accept_invite(&token, "a long volunteer password").await.unwrap();
    assert!(store.sign_in("jean@volunteers.test", "a long volunteer password").await.unwrap().is_ok());
    assert!(matches!(store.accept_invite(&token, "another long password").await, Err(StoreError::NotFound)), "the link works once");
    assert!(store.invite(&token).await.unwrap().is_none());
    // Approving twice is refused.
    assert!(matches!(store.approve_volunteer(boss, v.id, v.version, &PlainTexts).await, Err(StoreError::Refused(_))));
    let report = store.audit_verify().await.unwrap();
    assert!(report.broken.is_empty());
}
story!(volunteer_signup_to_sign_in);

async fn checks_are_shared_across_the_consortium_without_reports(store: &Store) {
    let w = world(store).await;
    let consortium: i64 = sqlx::query(&crate::support::sql(store, "SELECT consortium_id FROM organizations WHERE id = ?"))
        .bind(w.org)
        .fetch_one(store.pool())
        .await
        .map(|r| sqlx::Row::get(&r, "consortium_id"))
        .unwrap();
    let partner = store.create_organization(None, Some(consortium), "Partner", "partner", None).await.unwrap();
    let a = coordinator(store, w.org, "a@camino.test").await;
    let check = store.request_check(a, "Ana@Example.org", "Ana Volunteer").await.unwrap();
    assert_eq!(store.clearance(partner, "ana@example.org").await.unwrap().status, CheckStatus::Requested);
    // A finished check cannot be re-opened.
    store.update_check(a, check, 1, CheckStatus::InProgress, None, None).await.unwrap();
    store.update_check(a, check, 2, CheckStatus::Cleared, None, Some("Fingerprints clear; references checked")).await.unwrap();
    assert!(matches!(store.update_check(a, check, 3, CheckStatus::InProgress, None, None).await, Err(StoreError::Refused("check-error-transition"))));
    let mine = store.check(w.org, check).await.unwrap();
    assert_eq!(mine.report.as_deref(), Some("Fingerprints clear; references checked"));
    let expires = mine.expires_on.expect("a clearance has an expiry");
    assert!(expires > today() + Duration::days(700));
    // The partner sees that Ana is cleared, and never the report.
    let seen = store.clearance(partner, "ana@example.org").await.unwrap();
    assert!(seen.is_cleared(today()));
    let theirs = store.check(partner, check).await.unwrap();
    assert!(theirs.report.is_none() && !theirs.own);
    let partner_actor = Actor { user_id: None, org_id: partner };
    assert!(matches!(store.update_check(partner_actor, check, 3, CheckStatus::Expired, None, None).await, Err(StoreError::NotFound)));
    // An organization outside the consortium sees nothing.
    assert!(!store.clearance(w.other_org, "ana@example.org").await.unwrap().is_cleared(today()));
    assert!(matches!(store.check(w.other_org, check).await, Err(StoreError::NotFound)));
    // The report is encrypted at rest.
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM background_checks WHERE report_enc LIKE '%Fingerprints%'", &[]).await, 0);
}
story!(checks_are_shared_across_the_consortium_without_reports);

async fn uncleared_volunteers_cannot_serve_families(store: &Store) {
    let w = world(store).await;
    let boss = coordinator(store, w.org, "coord@camino.test").await;
    let (household, _) = family(store, boss, "Castillo").await;
    let network = store.create_network(boss, household).await.unwrap();
    assert_eq!(store.create_network(boss, household).await.unwrap(), network, "one network per family");
    let pending = volunteer(store, boss, "Pending Person", "52001", "Spanish", CheckStatus::InProgress, None).await;
    let refused = volunteer(store, boss, "Refused Person", "52001", "Spanish", CheckStatus::NotCleared, None).await;
    let lapsed = volunteer(store, boss, "Lapsed Person", "52001", "Spanish", CheckStatus::Cleared, Some(today() - Duration::days(20))).await;
    let cleared = volunteer(store, boss, "Cleared Person", "52001", "Spanish", CheckStatus::Cleared, Some(today() + Duration::days(400))).await;
    for id in [pending, refused, lapsed] {
        let user = store.volunteer(w.org, id).await.unwrap().user_id.unwrap();
        let r = store.add_network_member(boss, network, user, NetworkRole::Driver).await;
        assert!(matches!(r, Err(StoreError::Refused("volunteer-error-not-cleared"))), "{id}: {r:?}");
    }
    let user = store.volunteer(w.org, cleared).await.unwrap().user_id.unwrap();
    assert!(matches!(store.add_network_member(boss, network, user, NetworkRole::Coordinator).await, Err(StoreError::Refused("network-error-role"))));
    store.add_network_member(boss, network, user, NetworkRole::Driver).await.unwrap();
    assert_eq!(store.network_members(w.org, network).await.unwrap().len(), 1);
    // The lapsed check shows on the coordinators' panel.
    let expiring = store.expiring_clearances(w.org).await.unwrap();
    assert!(expiring.iter().any(|e| e.volunteer_id == Some(lapsed) && e.what == "check"), "{expiring:?}");
    assert!(!expiring.iter().any(|e| e.volunteer_id == Some(cleared)));
    // Another organization cannot add to this network.
    assert!(matches!(store.add_network_member(w.other, network, user, NetworkRole::Driver).await, Err(StoreError::NotFound)));
}
story!(uncleared_volunteers_cannot_serve_families);

async fn volunteers_see_only_their_families_and_fields(store: &Store) {
    let w = world(store).await;
    let boss = coordinator(store, w.org, "coord@camino.test").await;
    let program = store.create_program(boss, "Community Care Network", ProgramKind::CommunityNetwork, None).await.unwrap();
    let (castillo, head) = family(store, boss, "Castillo").await;
    let case = store.open_case(boss, head, program, None, None, false).await.unwrap();
    store.add_note(boss, case, today(), "Hearing moved; very anxious").await.unwrap();
    let (joseph, _) = family(store, boss, "Joseph").await;
    let n1 = store.create_network(boss, castillo).await.unwrap();
    let n2 = store.create_network(boss, joseph).await.unwrap();
    let mentor = volunteer(store, boss, "Mentor Maria", "52001", "Spanish", CheckStatus::Cleared, None).await;
    let mentor_user = store.volunteer(w.org, mentor).await.unwrap().user_id.unwrap();
    store.add_network_member(boss, n1, mentor_user, NetworkRole::Mentor).await.unwrap();
    let me = Actor { user_id: Some(mentor_user), org_id: w.org };
    let mine = store.networks_of_member(w.org, mentor_user).await.unwrap();
    assert_eq!(mine.iter().map(|n| n.id).collect::<Vec<_>>(), vec![n1]);
    let view = store.family_view(me, n1).await.unwrap();
    assert!(view.phones.is_empty(), "mentors do not get the phone");
    assert!(view.members.iter().all(|m| m.country.is_none()), "no immigration details");
    assert!(view.case_notes.is_empty());
    assert!(view.members.iter().any(|m| m.age.is_some()), "children's ages");
    assert!(matches!(store.family_view(me, n2).await, Err(StoreError::NotFound)), "not their family");
    // A second role as driver adds the phone; a grant adds the sensitive fields.
    store.add_network_member(boss, n1, mentor_user, NetworkRole::Driver).await.unwrap();
    let view = store.family_view(me, n1).await.unwrap();
    assert_eq!(view.phones, vec!["+1 563 555 0101".to_owned()]);
    assert!(view.case_notes.is_empty());
    let member = store.member_roles(w.org, n1, mentor_user).await.unwrap()[0].id;
    store.set_sensitive_grant(boss, n1, member, true).await.unwrap();
    let view = store.family_view(me, n1).await.unwrap();
    assert_eq!(view.case_notes.len(), 1);
    assert!(view.members.iter().any(|m| m.country.as_deref() == Some("Nicaragua")));
    assert!(count(store, "SELECT COUNT(*) AS n FROM read_log WHERE entity = 'care_network' AND entity_id = ?", &[n1]).await >= 3, "reads are logged");
    // Shared board: tasks taken once, messages encrypted.
    let task = store.add_task(boss, n1, "Bring winter coats", Some(today() + Duration::days(3))).await.unwrap();
    store.update_task(me, n1, task, TaskAction::Take).await.unwrap();
    assert!(matches!(store.update_task(boss, n1, task, TaskAction::Take).await, Err(StoreError::Refused("network-task-error-taken"))));
    store.update_task(me, n1, task, TaskAction::Done).await.unwrap();
    let tasks = store.tasks(w.org, n1).await.unwrap();
    assert!(tasks[0].done && tasks[0].taken_by == Some(mentor_user));
    store.post_message(me, n1, "Coats delivered, kids loved them").await.unwrap();
    assert_eq!(store.messages(w.org, n1).await.unwrap()[0].body, "Coats delivered, kids loved them");
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM network_messages WHERE body_enc LIKE '%Coats%'", &[]).await, 0);
    assert!(store.tasks(w.other_org, n1).await.unwrap().is_empty());
}
story!(volunteers_see_only_their_families_and_fields);

fn ride_draft(language: &str) -> RideDraft {
    let at = (today() + Duration::days(7)).and_hms_opt(9, 0, 0).unwrap();
    RideDraft::parse(
        &RideInput {
            kind: "ride".into(),
            purpose: "ice_check_in".into(),
            pickup: "1200 Main St, Dubuque".into(),
            pickup_zip: "52001".into(),
            destination: "ICE field office, Cedar Rapids".into(),
            at: at.format("%Y-%m-%dT%H:%M").to_string(),
            passengers: "3".into(),
            child_seats: "1".into(),
            language: language.into(),
            ..Default::default()
        },
        today(),
    )
    .unwrap()
}

async fn the_first_driver_to_accept_gets_the_ride(store: &Store) {
    let w = world(store).await;
    let boss = coordinator(store, w.org, "coord@camino.test").await;
    let (household, _) = family(store, boss, "Joseph").await;
    let expired = volunteer(store, boss, "Expired Driver", "52001", "Haitian Creole", CheckStatus::Cleared, Some(today() - Duration::days(30))).await;
    let creole = volunteer(store, boss, "Creole Driver", "52003", "Kreyòl, English", CheckStatus::Cleared, Some(today() + Duration::days(300))).await;
    let mut drivers = vec![creole];
    for i in 0..5 {
        drivers.push(volunteer(store, boss, &format!("Driver {i}"), "52002", "English", CheckStatus::Cleared, Some(today() + Duration::days(300))).await);
    }
    let (ride, proposals) = store.request_ride(boss, household, &ride_draft("Haitian Creole"), &PlainTexts).await.unwrap();
    assert_eq!(proposals.len(), 5, "at most five are asked");
    assert_eq!(proposals[0].volunteer_id, creole, "the Creole speaker first");
    assert!(!proposals.iter().any(|p| p.volunteer_id == expired), "an expired check is not offered the ride");
    let offered: Vec<i64> = proposals.iter().map(|p| p.volunteer_id).collect();
    let offers = store.outbox_messages(w.org, None, None, 100).await.unwrap().into_iter().filter(|m| m.purpose == "ride_offer").count();
    assert_eq!(offers, 5, "each proposed driver is notified");
    // Every offered driver accepts at once: exactly one wins.
    let mut tasks = Vec::new();
    for id in offered.clone() {
        let store = store.clone();
        let org = w.org;
        tasks.push(tokio::spawn(async move { (id, store.accept_ride(org, ride, id, &PlainTexts).await) }));
    }
    let mut winners = Vec::new();
    for t in tasks {
        match t.await.unwrap() {
            (id, Ok(())) => winners.push(id),
            (_, Err(StoreError::Refused("ride-error-taken"))) => {}
            (_, other) => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(winners.len(), 1, "{winners:?}");
    let r = store.ride(w.org, ride).await.unwrap();
    assert_eq!(r.status, RideStatus::Accepted);
    assert_eq!(r.volunteer_id, Some(winners[0]));
    let confirmations: Vec<_> = store.outbox_messages(w.org, None, None, 100).await.unwrap().into_iter().filter(|m| m.purpose == "ride_confirmation").collect();
    assert_eq!(confirmations.len(), 1, "one confirmation, to the family's phone");
    assert_eq!(confirmations[0].recipient, "+1 563 555 0101");
    assert_eq!(confirmations[0].language, "haitian creole");
    // Someone never offered the ride cannot take it, even once it is free.
    let not_offered = drivers.iter().copied().find(|d| !offered.contains(d)).unwrap();
    assert!(matches!(store.accept_ride(w.org, ride, not_offered, &PlainTexts).await, Err(StoreError::Refused(_))));
    assert!(matches!(store.accept_ride(w.org, ride, expired, &PlainTexts).await, Err(StoreError::Refused("volunteer-error-not-cleared"))));
    // Only the driver logs mileage; the report totals it.
    let loser = offered.iter().copied().find(|d| *d != winners[0]).unwrap();
    let winner_actor = Actor { user_id: None, org_id: w.org };
    assert!(matches!(store.log_mileage(winner_actor, ride, Some(loser), 1480).await, Err(StoreError::Refused("ride-error-not-yours"))));
    store.log_mileage(winner_actor, ride, Some(winners[0]), 1480).await.unwrap();
    let (ride2, _) = store.request_ride(boss, household, &ride_draft(""), &PlainTexts).await.unwrap();
    let first = store.ride_offers(w.org, ride2).await.unwrap()[0].0;
    store.accept_ride(w.org, ride2, first, &PlainTexts).await.unwrap();
    store.log_mileage(boss, ride2, None, 25).await.unwrap();
    let report = store.ride_report(w.org).await.unwrap();
    assert_eq!(report.len(), 1);
    assert_eq!((report[0].rides, report[0].miles_tenths), (2, 1505));
    assert!(store.ride_report(w.other_org).await.unwrap().is_empty());
    assert!(matches!(store.ride(w.other_org, ride).await, Err(StoreError::NotFound)));
    // The offers list of the winner shows the ride; a loser no longer sees it.
    assert!(store.offers_for(w.org, winners[0]).await.unwrap().iter().any(|o| o.ride.id == ride));
    assert!(!store.offers_for(w.org, loser).await.unwrap().iter().any(|o| o.ride.id == ride));
}
story!(the_first_driver_to_accept_gets_the_ride);

async fn guardians_have_a_cap_and_attorneys_see_deadlines(store: &Store) {
    let w = world(store).await;
    let boss = coordinator(store, w.org, "coord@camino.test").await;
    let attorney = Actor { user_id: None, org_id: w.org };
    let g = |name: &str, email: &str| {
        GuardianDraft::parse(&GuardianInput { name: name.into(), email: email.into(), languages: "Español".into(), zip: "10451".into(), ..Default::default() })
            .unwrap()
    };
    assert!(store.apply_guardian(w.org, &g("Marta Ruiz", "marta@example.org")).await.unwrap());
    assert!(!store.apply_guardian(w.org, &g("Marta Again", "marta@example.org")).await.unwrap());
    let marta = store.guardians(w.org).await.unwrap()[0].id;
    assert!(store.search_guardians(w.org, "spanish", None).await.unwrap().is_empty(), "not approved, cleared or trained yet");
    assert!(matches!(store.approve_guardian(boss, marta, 9).await, Err(StoreError::Refused("guardian-error-cap"))));
    store.approve_guardian(boss, marta, 2).await.unwrap();
    let check = store.request_check(boss, "marta@example.org", "Marta Ruiz").await.unwrap();
    store.update_check(boss, check, 1, CheckStatus::Cleared, None, None).await.unwrap();
    assert!(store.search_guardians(w.org, "spanish", None).await.unwrap().is_empty(), "untrained");
    store.record_training(boss, TrainingSubject::Guardian(marta), "SIJS guardianship basics", today(), None).await.unwrap();
    let found = store.search_guardians(w.org, "Spanish", sendero_domain::care::geo::zip_point("10452")).await.unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].capacity_left, 2);
    assert!(store.search_guardians(w.org, "Arabic", None).await.unwrap().is_empty());
    assert!(store.search_guardians(w.other_org, "", None).await.unwrap().is_empty());
    // Minors: 17 years and 4 months, and an adult.
    let birth = today() - Duration::days(365 * 17 + 122);
    let minor_input = |given: &str, birth: NaiveDate| {
        parse(&ClientInput { given_names: given.into(), family_names: "Test".into(), birth_date: birth.to_string(), ..Default::default() })
    };
    let mut minors = Vec::new();
    for name in ["Yeferson", "Second", "Third"] {
        minors.push(store.create_client(boss, &minor_input(name, birth), &[]).await.unwrap());
    }
    let adult = store.create_client(boss, &minor_input("Adult", today() - Duration::days(365 * 30)), &[]).await.unwrap();
    assert!(matches!(store.request_guardian_match(attorney, marta, adult, &PlainTexts).await, Err(StoreError::Refused("guardian-error-not-minor"))));
    let (_, t1) = store.request_guardian_match(attorney, marta, minors[0], &PlainTexts).await.unwrap();
    assert!(store.outbox_messages(w.org, None, None, 10).await.unwrap().iter().any(|m| m.purpose == "guardian_request" && m.body.contains(&t1)));
    let (_, t2) = store.request_guardian_match(attorney, marta, minors[1], &PlainTexts).await.unwrap();
    // Two places held: Marta is no longer listed and a third request is refused.
    assert!(store.search_guardians(w.org, "spanish", None).await.unwrap().is_empty(), "a guardian at the cap is not listed");
    assert!(matches!(store.request_guardian_match(attorney, marta, minors[2], &PlainTexts).await, Err(StoreError::Refused("guardian-error-unavailable"))));
    store.answer_guardian_match(&t1, true).await.unwrap();
    assert!(matches!(store.answer_guardian_match(&t1, true).await, Err(StoreError::NotFound)), "answered once");
    store.answer_guardian_match(&t2, false).await.unwrap();
    assert_eq!(store.search_guardians(w.org, "spanish", None).await.unwrap()[0].capacity_left, 1);
    let matches = store.guardian_matches(w.org).await.unwrap();
    let yeferson = matches.iter().find(|m| m.minor_name.starts_with("Yeferson")).unwrap();
    assert_eq!(yeferson.status, "accepted");
    let days = yeferson.days_left.unwrap();
    assert!((200..=260).contains(&days), "{days}");
    assert!(store.guardian_matches(w.other_org).await.unwrap().is_empty());
}
story!(guardians_have_a_cap_and_attorneys_see_deadlines);

async fn public_forms_are_rate_limited_per_address(store: &Store) {
    for _ in 0..sendero_store::volunteers::PUBLIC_FORM_LIMIT_PER_HOUR {
        assert!(store.public_form_allowed("203.0.113.9", "volunteer", sendero_store::volunteers::PUBLIC_FORM_LIMIT_PER_HOUR).await.unwrap());
    }
    assert!(!store.public_form_allowed("203.0.113.9", "volunteer", sendero_store::volunteers::PUBLIC_FORM_LIMIT_PER_HOUR).await.unwrap());
    assert!(store.public_form_allowed("203.0.113.9", "guardian", sendero_store::volunteers::PUBLIC_FORM_LIMIT_PER_HOUR).await.unwrap(), "per form");
    assert!(store.public_form_allowed("198.51.100.1", "volunteer", sendero_store::volunteers::PUBLIC_FORM_LIMIT_PER_HOUR).await.unwrap(), "per address");
}
story!(public_forms_are_rate_limited_per_address);

async fn demo_care_networks(store: &Store) {
    assert!(store.seed_demo().await.unwrap());
    let grace = store.user_by_email("volunteer@demo.sendero.org").await.unwrap().unwrap();
    let org = grace.org_id;
    let families = store.networks_of_member(org, grace.id).await.unwrap();
    assert_eq!(families.iter().map(|n| n.family_name.as_str()).collect::<Vec<_>>(), vec!["Castillo family"]);
    let view = store.family_view(Actor { user_id: Some(grace.id), org_id: org }, families[0].id).await.unwrap();
    assert!(!view.phones.is_empty() && view.case_notes.is_empty());
    // The Joseph ride: taken by the Creole-speaking driver; the expired check was not offered it.
    let rides = store.rides(org).await.unwrap();
    let joseph = rides.iter().find(|r| r.family_name == "Joseph family").unwrap();
    assert_eq!(joseph.volunteer_name.as_deref(), Some("Jean-Robert Désir"));
    let offered = store.ride_offers(org, joseph.id).await.unwrap();
    assert!(!offered.iter().any(|(_, name, _, _)| name == "Kevin O'Neill" || name == "Sarah Kim"));
    assert!(store.ride_report(org).await.unwrap().iter().any(|t| t.purpose == RidePurpose::Medical && t.miles_tenths == 142));
    // Expiring panel: Tom's check and training; Kevin's lapsed check.
    let expiring = store.expiring_clearances(org).await.unwrap();
    assert!(expiring.iter().any(|e| e.name == "Tom Becker" && e.what == "check"));
    assert!(expiring.iter().any(|e| e.name == "Tom Becker" && e.what != "check"));
    assert!(expiring.iter().any(|e| e.name == "Kevin O'Neill"));
    // Yeferson is matched; the guardian at the cap is not listed.
    let m = store.guardian_matches(org).await.unwrap();
    let y = m.iter().find(|m| m.minor_name.starts_with("Yeferson")).unwrap();
    assert_eq!((y.guardian_name.as_str(), y.status.as_str()), ("Marta Ruiz", "accepted"));
    assert!((230..=250).contains(&y.days_left.unwrap()));
    let listed = store.search_guardians(org, "spanish", None).await.unwrap();
    assert_eq!(listed.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(), vec!["Marta Ruiz"]);
}
story!(demo_care_networks);
