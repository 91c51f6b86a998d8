//! Service rollups: kept exact as services are logged (distinct clients included), equal to
//! the aggregate computed from the service log, and rebuilt to the same figures.

use chrono::NaiveDate;
use sendero_domain::ProgramKind;
use sendero_store::services::NewService;
use sendero_store::Store;

use crate::support::{draft, story, world};

async fn rollups_match_the_service_log(store: &Store) {
    let w = world(store).await;
    let program = store.create_program(w.actor, "Survivor services", ProgramKind::TraffickingSurvivor, None).await.unwrap();
    let mut cases = vec![];
    for (given, family) in [("Amina", "Haddad"), ("Luz", "Ortega"), ("Fatou", "Diallo")] {
        let client = store.create_client(w.actor, &draft(given, family), &[]).await.unwrap();
        cases.push(store.open_case(w.actor, client, program, None, None, false).await.unwrap());
    }
    let on = |m: u32, d: u32| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    // (case, category, day, minutes, cost): Amina gets housing twice in October (one client),
    // Luz once; Fatou's food is in November; Amina's mental health in both months.
    let log = [
        (0, "housing", on(10, 3), 60, 10_000),
        (0, "housing", on(10, 20), 30, 5_000),
        (1, "housing", on(10, 21), 45, 7_500),
        (0, "mental_health", on(10, 5), 50, 0),
        (0, "mental_health", on(11, 5), 50, 0),
        (2, "food", on(11, 9), 15, 2_500),
    ];
    for (case, category, provided_on, minutes, cost_cents) in log {
        let s = NewService {
            case_id: cases[case],
            category: category.into(),
            provided_on,
            minutes,
            provider_kind: "staff".into(),
            cost_cents,
            ..Default::default()
        };
        store.log_service(w.actor, &s).await.unwrap();
    }
    let kept = store.service_rollups(w.org, Some(program), "2026-01", "2026-12").await.unwrap();
    let direct = store.service_totals_direct(w.org, Some(program), "2026-01", "2026-12").await.unwrap();
    assert_eq!(kept, direct, "incremental rollups equal the aggregate");
    let housing = kept.iter().find(|r| r.month == "2026-10" && r.category == "housing").unwrap();
    assert_eq!((housing.services, housing.clients, housing.minutes, housing.cost_cents), (3, 2, 135, 22_500));
    assert_eq!(kept.len(), 4, "housing and mental health in October, mental health and food in November");
    assert!(store.service_rollups(w.other_org, None, "2026-01", "2026-12").await.unwrap().is_empty(), "scoped by organization");
    assert!(store.service_rollups(w.org, Some(program), "2026-11", "2026-11").await.unwrap().iter().all(|r| r.month == "2026-11"));

    // A rebuild (after an import, or to repair) lands on the same figures.
    store.rebuild_rollups(Some(w.org)).await.unwrap();
    assert_eq!(store.service_rollups(w.org, Some(program), "2026-01", "2026-12").await.unwrap(), direct);
    store.rebuild_rollups(None).await.unwrap();
    assert_eq!(store.service_rollups(w.org, Some(program), "2026-01", "2026-12").await.unwrap(), direct);
}
story!(rollups_match_the_service_log);
