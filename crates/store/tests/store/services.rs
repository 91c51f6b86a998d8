//! Service plans, the service log and billing, the HSDS directory (round trip on both
//! databases, search) and closed-loop referrals (consent, minimum necessary, overdue tasks).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use sendero_domain::services::{RateUnit, ReferralStatus};
use sendero_domain::ProgramKind;
use sendero_store::directory::DirectoryQuery;
use sendero_store::referrals::{NewReferral, ReferralTarget};
use sendero_store::services::{CrisisPlan, NewService, ServiceSettings};
use sendero_store::{Store, StoreError};
use sqlx::Row;

use crate::support::{count, draft, sql, story, world, World};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

async fn case_for(store: &Store, w: &World, given: &str, family: &str) -> (i64, i64, i64) {
    let program = store.create_program(w.actor, "Survivor services", ProgramKind::TraffickingSurvivor, None).await.unwrap();
    let client = store.create_client(w.actor, &draft(given, family), &[]).await.unwrap();
    let case = store.open_case(w.actor, client, program, None, None, false).await.unwrap();
    (program, client, case)
}

fn sample() -> sendero_hsds::Directory {
    let files = BTreeMap::from([("demo.json".to_owned(), include_bytes!("../../../hsds/sample/demo-directory.json").to_vec())]);
    sendero_hsds::import(&files).unwrap()
}

async fn plans_keep_revisions_and_encrypt_the_crisis_plan(store: &Store) {
    let w = world(store).await;
    let (_, _, case) = case_for(store, &w, "Amina", "Haddad").await;
    let empty = store.service_plan(w.org, case).await.unwrap();
    assert_eq!((empty.plan_id, empty.version), (None, 0));
    let goal = store.add_goal(w.actor, case, 0, Some("housing"), "Tener un lugar seguro donde vivir", d(2026, 11, 2)).await.unwrap();
    let plan = store.service_plan(w.org, case).await.unwrap();
    assert_eq!(plan.goals[0].text, "Tener un lugar seguro donde vivir");
    // A stale version is a conflict, not a lost update.
    assert!(matches!(store.add_goal(w.actor, case, 0, None, "Another", d(2026, 11, 2)).await, Err(StoreError::Conflict { .. })));
    let crisis =
        CrisisPlan { warning_signs: "Calls from unknown numbers".into(), safe_contacts: "Sister in Dearborn".into(), steps: "Call the hotline".into() };
    store.save_crisis_plan(w.actor, case, plan.version, &crisis).await.unwrap();
    let raw: String =
        sqlx::query(&sql(store, "SELECT crisis_enc FROM service_plans WHERE case_id = ?")).bind(case).fetch_one(store.pool()).await.unwrap().get("crisis_enc");
    assert!(!raw.contains("Dearborn"), "crisis plan is encrypted at rest");
    let plan = store.service_plan(w.org, case).await.unwrap();
    assert_eq!(plan.crisis.as_ref(), Some(&crisis));

    store.add_goal_progress(w.actor, goal, d(2026, 11, 10), "Visited two apartments").await.unwrap();
    let task = store.add_goal_task(w.actor, goal, "Bring the lease application", Some(d(2026, 11, 20)), None).await.unwrap();
    let g = &store.service_plan(w.org, case).await.unwrap().goals[0];
    assert_eq!((g.progress.len(), g.tasks.len(), g.tasks[0].id), (1, 1, task));
    store.close_goal(w.actor, goal, g.version, "partly_met", Some("Moved to transitional housing"), d(2026, 12, 1)).await.unwrap();
    assert!(matches!(store.close_goal(w.actor, goal, g.version, "met", None, d(2026, 12, 1)).await, Err(StoreError::Conflict { .. })));
    assert!(matches!(store.close_goal(w.actor, goal, g.version + 1, "sideways", None, d(2026, 12, 1)).await, Err(StoreError::Invalid(_))));
    let plan = store.service_plan(w.org, case).await.unwrap();
    assert_eq!(plan.goals[0].status, "partly_met");
    // Two revisions kept: before the crisis plan and before the close (the first goal made the plan).
    let revisions = store.plan_revisions(w.org, case).await.unwrap();
    assert_eq!(revisions.iter().map(|r| r.revision).collect::<Vec<_>>(), vec![2, 1]);
    assert_eq!(revisions[1].snapshot.crisis, None);
    assert_eq!(revisions[0].snapshot.crisis.as_ref(), Some(&crisis));
    assert!(store.plan_revisions(w.other_org, case).await.unwrap().is_empty());
    assert!(matches!(store.add_goal_progress(w.other, goal, d(2026, 11, 10), "x").await, Err(StoreError::NotFound)));
}
story!(plans_keep_revisions_and_encrypt_the_crisis_plan);

async fn service_log_feeds_the_monthly_bill(store: &Store) {
    let w = world(store).await;
    let (program, client, case) = case_for(store, &w, "Amina", "Haddad").await;
    let funder = store.create_funder(w.actor, "Office for Victims of Crime").await.unwrap();
    store.set_rate(w.actor, funder, program, "housing", RateUnit::ClientMonth, 45_000).await.unwrap();
    store.set_rate(w.actor, funder, program, "mental_health", RateUnit::QuarterHour, 2_000).await.unwrap();
    store.set_service_settings(w.actor, Some(program), ServiceSettings { referral_wait_days: 5, eligibility_months: Some(9) }).await.unwrap();
    // The case opened today; a service logged before that is outside the window.
    let today = sendero_store::today();
    let service = |category: &str, on: NaiveDate, minutes: i64| NewService {
        case_id: case,
        category: category.into(),
        provided_on: on,
        minutes,
        provider_kind: "staff".into(),
        cost_cents: 1_500,
        funder_id: Some(funder),
        ..Default::default()
    };
    let (year, month) = (chrono::Datelike::year(&today), chrono::Datelike::month(&today));
    store.log_service(w.actor, &service("housing", today, 30)).await.unwrap();
    store.log_service(w.actor, &service("mental_health", today, 50)).await.unwrap();
    let first_of_month = NaiveDate::from_ymd_opt(year, month, 1).unwrap();
    let early = store.log_service(w.actor, &service("mental_health", first_of_month.pred_opt().unwrap_or(first_of_month), 50)).await.unwrap();
    let bad = store.log_service(w.actor, &NewService { provider_kind: "wizard".into(), minutes: -3, cost_cents: -1, ..service("nonsense", today, 1) }).await;
    let Err(StoreError::Invalid(errors)) = bad else { panic!("invalid service accepted: {bad:?}") };
    for field in ["category", "provider_kind", "minutes", "cost"] {
        assert!(errors.get(field).is_some(), "{field}");
    }
    // Categories are configurable per program.
    store.set_category(w.actor, program, "food", None, false).await.unwrap();
    assert!(matches!(store.log_service(w.actor, &service("food", today, 10)).await, Err(StoreError::Invalid(_))));
    store.set_category(w.actor, program, "survivor_stipend", Some("Survivor stipend"), true).await.unwrap();
    store.log_service(w.actor, &service("survivor_stipend", today, 0)).await.unwrap();
    let categories = store.program_categories(w.org, program).await.unwrap();
    assert!(categories.iter().any(|c| c.code == "survivor_stipend" && !c.builtin && c.enabled));
    assert!(categories.iter().any(|c| c.code == "food" && !c.enabled));

    let logged = store.case_services(w.org, case).await.unwrap();
    assert_eq!(logged.len(), 4);
    assert!(logged.iter().all(|s| s.client_id == client && s.cost_cents == 1_500));
    let report = store.billing_report(w.org, funder, program, year, month).await.unwrap();
    let line = |c: &str| report.bill.lines.iter().find(|l| l.category == c).cloned();
    assert_eq!(line("housing").unwrap().amount_cents, 45_000);
    assert_eq!((line("mental_health").unwrap().units, line("mental_health").unwrap().amount_cents), (4, 8_000));
    assert!(report.bill.flagged.iter().any(|f| f.category == "survivor_stipend" && f.reason == "no-rate"));
    assert_eq!(report.bill.total_cents, 53_000);
    let previous =
        store.billing_report(w.org, funder, program, if month == 1 { year - 1 } else { year }, if month == 1 { 12 } else { month - 1 }).await.unwrap();
    assert_eq!(previous.bill.flagged.iter().map(|f| (f.service_id, f.reason)).collect::<Vec<_>>(), vec![(early, "outside-window")]);
    assert_eq!(previous.bill.total_cents, 0);
    assert!(matches!(store.billing_report(w.other_org, funder, program, year, month).await, Err(StoreError::NotFound)));
}
story!(service_log_feeds_the_monthly_bill);

async fn hsds_round_trip_preserves_every_field(store: &Store) {
    let w = world(store).await;
    let mut dir = sample();
    dir.tables.get_mut("organization").unwrap()[0].insert("x_sendero_note".into(), serde_json::json!({"nested": [1, 2.5, "tres"]}));
    let summary = store.import_directory(w.actor, &dir, "sample").await.unwrap();
    assert_eq!(summary.services, 11);
    let exported = store.export_directory(w.org).await.unwrap();
    assert_eq!(exported, dir, "JSON form: every record and field comes back as imported");
    // Through the tabular package and back in again.
    let package = sendero_hsds::to_datapackage(&exported);
    let from_csv = sendero_hsds::import(&package).unwrap();
    store.import_directory(w.actor, &from_csv, "csv").await.unwrap();
    let again = store.export_directory(w.org).await.unwrap();
    assert_eq!(sendero_hsds::to_datapackage(&again), package, "tabular form is stable");
    assert_eq!(again.tables["service"], dir.tables["service"]);
    assert_eq!(store.directory_size(w.org).await.unwrap(), 11, "re-import replaces, never duplicates");
    assert!(store.export_directory(w.other_org).await.unwrap().is_empty());
}
story!(hsds_round_trip_preserves_every_field);

async fn directory_search_by_category_language_distance_and_hours(store: &Store) {
    let w = world(store).await;
    store.import_directory(w.actor, &sample(), "sample").await.unwrap();
    let search = |q: DirectoryQuery| async move { store.search_directory(w.org, &DirectoryQuery { limit: 50, ..q }).await.unwrap() };
    let names = |v: Vec<sendero_store::directory::DirService>| v.into_iter().map(|s| s.name).collect::<Vec<_>>();
    assert_eq!(search(DirectoryQuery::default()).await.len(), 11);
    assert_eq!(names(search(DirectoryQuery { category: Some("food".into()), ..Default::default() }).await), vec!["Community food bank", "Weekly food pantry"]);
    assert_eq!(names(search(DirectoryQuery { language: Some("ht".into()), ..Default::default() }).await), vec!["English classes for adults", "Evening clinic"]);
    // Within 25 km of downtown Houston, nearest first.
    let near = search(DirectoryQuery { near: Some((29.7604, -95.3698, 25.0)), ..Default::default() }).await;
    assert_eq!(near.len(), 4);
    assert!(near.windows(2).all(|p| p[0].distance_km <= p[1].distance_km));
    assert!(near.iter().all(|s| s.points[0].address.as_deref().unwrap().contains("Houston")));
    // Open on Wednesday at 19:00: the know-your-rights session and the shelter, in Houston.
    let open = search(DirectoryQuery { open_at: Some((2, 19 * 60)), near: Some((29.7604, -95.3698, 25.0)), ..Default::default() }).await;
    assert_eq!(open.len(), 2, "{:?}", names(open.clone()));
    assert!(open.iter().all(|s| s.open_at(2, 19 * 60)));
    let shelter = store.directory_service(w.org, &open.iter().find(|s| s.name.contains("shelter")).unwrap().hsds_id).await.unwrap();
    assert_eq!(shelter.localized("es").0, "Albergue familiar de emergencia");
    assert_eq!(shelter.localized("fr").0, "Emergency family shelter");
    assert!(search(DirectoryQuery { text: Some("PANTRY".into()), ..Default::default() }).await.len() == 1);
    assert!(store.search_directory(w.other_org, &DirectoryQuery { limit: 10, ..Default::default() }).await.unwrap().is_empty());
}
story!(directory_search_by_category_language_distance_and_hours);

async fn referrals_close_the_loop_with_consent_and_minimum_data(store: &Store) {
    let w = world(store).await;
    let partner =
        store.create_organization(None, store.organization(w.org).await.unwrap().consortium_id, "Houston Partner", "partner", Some("Houston")).await.unwrap();
    let partner_actor = sendero_store::Actor { user_id: None, org_id: partner };
    store.import_directory(w.actor, &sample(), "sample").await.unwrap();
    let (program, _client, case) = case_for(store, &w, "Darwin", "Pérez").await;
    let shelter =
        store.search_directory(w.org, &DirectoryQuery { category: Some("temporary_housing_assistance".into()), limit: 5, ..Default::default() }).await.unwrap()
            [0]
        .hsds_id
        .clone();
    let new = |target: ReferralTarget| NewReferral {
        case_id: case,
        target,
        category: Some("temporary_housing_assistance".into()),
        shared_fields: vec!["name".into(), "needs".into()],
        needs: Some("Family of three needs beds tonight".into()),
        consent_by: "Darwin Pérez".into(),
        consent_method: "verbal".into(),
        consent_on: d(2026, 11, 1),
        sent_on: d(2026, 11, 1),
    };
    // No consent, no referral.
    let no_consent = NewReferral { consent_by: " ".into(), ..new(ReferralTarget::Directory(shelter.clone())) };
    assert!(matches!(store.create_referral(w.actor, &no_consent).await, Err(StoreError::Refused("referral-needs-consent"))));
    let bad_method = NewReferral { consent_method: "implied".into(), ..new(ReferralTarget::Directory(shelter.clone())) };
    assert!(matches!(store.create_referral(w.actor, &bad_method).await, Err(StoreError::Refused("referral-needs-consent"))));

    let to_shelter = store.create_referral(w.actor, &new(ReferralTarget::Directory(shelter.clone()))).await.unwrap();
    let r = store.referral(w.org, to_shelter).await.unwrap();
    assert_eq!((r.status, r.target_name.as_str()), (ReferralStatus::Requested, "Emergency family shelter — Casa Esperanza Shelter"));
    assert!(matches!(
        store.update_referral(w.actor, to_shelter, r.version, ReferralStatus::Completed, None).await,
        Err(StoreError::Refused("referral-step-not-allowed"))
    ));
    assert!(matches!(
        store.update_referral(w.actor, to_shelter, r.version, ReferralStatus::Rejected, None).await,
        Err(StoreError::Refused("referral-reason-required"))
    ));
    store.update_referral(w.actor, to_shelter, r.version, ReferralStatus::Accepted, None).await.unwrap();
    assert!(matches!(store.update_referral(w.actor, to_shelter, r.version, ReferralStatus::Completed, None).await, Err(StoreError::Conflict { .. })));
    store.update_referral(w.actor, to_shelter, r.version + 1, ReferralStatus::Completed, None).await.unwrap();
    assert_eq!(store.referral_events(to_shelter).await.unwrap().len(), 3);

    // To the partner organization: it sees only what was shared, answers from its queue.
    let to_partner = store.create_referral(w.actor, &new(ReferralTarget::Organization(partner))).await.unwrap();
    assert!(
        matches!(store.create_referral(w.actor, &new(ReferralTarget::Organization(w.other_org))).await, Err(StoreError::NotFound)),
        "outside the consortium"
    );
    let queue = store.incoming_referrals(partner).await.unwrap();
    assert_eq!(queue.len(), 1);
    assert_eq!(
        queue[0].shared,
        BTreeMap::from([("name".to_owned(), "Darwin Pérez".to_owned()), ("needs".to_owned(), "Family of three needs beds tonight".to_owned())])
    );
    assert!(store.incoming_referrals(w.other_org).await.unwrap().is_empty());
    assert!(matches!(store.referral(partner, to_partner).await, Err(StoreError::NotFound)), "the receiver has no access to the sender's record");
    assert!(matches!(store.case(partner, case).await, Err(StoreError::NotFound)));
    assert!(matches!(
        store.update_referral(w.actor, to_partner, 1, ReferralStatus::Accepted, None).await,
        Err(StoreError::Refused("referral-answered-by-receiver"))
    ));
    let raw: String =
        sqlx::query(&sql(store, "SELECT shared_enc FROM referrals WHERE id = ?")).bind(to_partner).fetch_one(store.pool()).await.unwrap().get("shared_enc");
    assert!(!raw.contains("Darwin"), "shared data is encrypted at rest");

    // Nobody answered in time: the dashboard lists it and one follow-up task opens, once.
    store.set_service_settings(w.actor, Some(program), ServiceSettings { referral_wait_days: 3, eligibility_months: None }).await.unwrap();
    let later = chrono::DateTime::parse_from_rfc3339("2026-11-10T12:00:00Z").unwrap().with_timezone(&chrono::Utc);
    let overdue = store.overdue_referrals(w.org, None, later.date_naive()).await.unwrap();
    assert_eq!(overdue.iter().map(|o| o.id).collect::<Vec<_>>(), vec![to_partner]);
    assert_eq!(store.open_overdue_referral_tasks(later).await.unwrap(), 1);
    assert_eq!(store.open_overdue_referral_tasks(later).await.unwrap(), 0, "idempotent");
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM tasks WHERE org_id = ? AND kind = 'referral_followup'", &[w.org]).await, 1);

    let r = store.incoming_referral(partner_actor, to_partner).await.unwrap();
    store.answer_referral(partner_actor, to_partner, r.version, ReferralStatus::Accepted, None).await.unwrap();
    assert!(matches!(store.answer_referral(w.other, to_partner, 2, ReferralStatus::Completed, None).await, Err(StoreError::NotFound)));
    assert!(store.overdue_referrals(w.org, None, later.date_naive()).await.unwrap().is_empty());
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM read_log WHERE org_id = ? AND entity = 'referral'", &[partner]).await, 2);

    let outcomes = store.referral_outcomes(w.org).await.unwrap();
    let shelter_row = outcomes.iter().find(|o| o.target_name.starts_with("Emergency")).unwrap();
    assert_eq!((shelter_row.sent, shelter_row.completed, shelter_row.completion_percent), (1, 1, 100.0));
    let partner_row = outcomes.iter().find(|o| o.target_name == "Houston Partner").unwrap();
    assert_eq!((partner_row.sent, partner_row.accepted, partner_row.completed), (1, 1, 0));
}
story!(referrals_close_the_loop_with_consent_and_minimum_data);

async fn demo_has_plans_services_directory_and_referrals(store: &Store) {
    assert!(store.seed_demo().await.unwrap());
    let orgs = store.all_organizations().await.unwrap();
    let lead = orgs[0].id;
    for o in &orgs {
        assert_eq!(store.directory_size(o.id).await.unwrap(), 11, "{} has the demo directory", o.name);
    }
    let amina: i64 = sqlx::query(&sql(
        store,
        "SELECT k.id FROM cases k JOIN clients c ON c.id = k.client_id WHERE c.given_names = 'Amina' AND c.family_names = 'Haddad' AND k.org_id = ? ORDER BY k.id",
    ))
    .bind(lead)
    .fetch_all(store.pool())
    .await
    .unwrap()[0]
    .get("id");
    let plan = store.service_plan(lead, amina).await.unwrap();
    assert_eq!(plan.goals.len(), 4);
    assert!(plan.crisis.is_some());
    assert_eq!(store.case_services(lead, amina).await.unwrap().len(), 5);
    let houston = orgs.iter().find(|o| o.city.as_deref().is_some_and(|c| c.starts_with("Houston"))).unwrap().id;
    let incoming = store.incoming_referrals(houston).await.unwrap();
    assert_eq!(incoming.len(), 1);
    assert_eq!(incoming[0].status, ReferralStatus::Accepted);
    // The Castillo shelter referral has waited nine days against a five-day wait.
    assert_eq!(store.overdue_referrals(lead, None, sendero_store::today()).await.unwrap().len(), 1);
    assert!(count(store, "SELECT COUNT(*) AS n FROM referrals WHERE org_id = ?", &[lead]).await >= 3);
}
story!(demo_has_plans_services_directory_and_referrals);
