//! Directory search on the in-memory index: an import (by this or another `Store` on the same
//! database) is seen by the next search, organizations never see each other's services, and
//! results equal a brute-force reference over the imported directory.

use std::collections::BTreeMap;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sendero_domain::services::{from_micro, haversine_km, to_micro};
use sendero_hsds::{Directory, ServiceIndex};
use sendero_store::directory::{DirService, DirectoryQuery};
use sendero_store::{Dialect, Store};
use serde_json::json;
use sqlx::Row;

use crate::support::{story, world};

const CITIES: [(f64, f64); 3] = [(29.7604, -95.3698), (40.7128, -74.0060), (61.2181, -149.9003)];
const TERMS: [&str; 5] = ["food", "housing", "legal_information", "medical_care", "employment"];
const LANGUAGES: [&str; 4] = ["en", "es", "ht", "pt-BR"];
const WORDS: [&str; 10] = ["Food", "pantry", "Clínica", "legal", "HOUSING", "help", "École", "center", "a_b", "night"];
const DAYS: [&str; 5] = ["MO,TU,WE,TH,FR", "MO,WE,FR", "TU,TH,SA", "SA,SU", "SU"];

/// A small random directory: `prefix` keeps ids and names of two directories apart.
fn generated(seed: u64, n: usize, prefix: &str) -> Directory {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut t: BTreeMap<&str, Vec<serde_json::Value>> = BTreeMap::new();
    t.entry("taxonomy").or_default().push(json!({"id": format!("{prefix}tax"), "name": "Categories", "description": "Test"}));
    for code in TERMS {
        t.entry("taxonomy_term")
            .or_default()
            .push(json!({"id": format!("{prefix}term-{code}"), "code": code, "name": code, "description": code, "taxonomy_id": format!("{prefix}tax")}));
    }
    for o in 0..n / 4 + 1 {
        let name = format!("{prefix}{} {} org", WORDS[rng.gen_range(0..WORDS.len())], WORDS[rng.gen_range(0..WORDS.len())]);
        t.entry("organization").or_default().push(json!({"id": format!("{prefix}org-{o}"), "name": name, "description": "Provider"}));
    }
    for i in 0..n {
        let svc = format!("{prefix}svc-{i}");
        // Few distinct names, so ties in name order are common.
        let name = format!("{prefix}{} {}", WORDS[rng.gen_range(0..WORDS.len())], WORDS[rng.gen_range(0..WORDS.len())]);
        t.entry("service").or_default().push(
            json!({"id": svc, "organization_id": format!("{prefix}org-{}", rng.gen_range(0..n / 4 + 1)), "name": name, "description": "Service", "status": "active"}),
        );
        // Zero to two locations, most with coordinates.
        for l in 0..rng.gen_range(0..3) {
            let loc = format!("{prefix}loc-{i}-{l}");
            let (lat, lon) = CITIES[rng.gen_range(0..CITIES.len())];
            let mut location = json!({"id": loc, "location_type": "physical", "name": format!("Site {i}")});
            if rng.gen_bool(0.9) {
                location["latitude"] = json!(((lat + rng.gen_range(-0.5..0.5)) * 1e6).round() / 1e6);
                location["longitude"] = json!(((lon + rng.gen_range(-0.5..0.5)) * 1e6).round() / 1e6);
            }
            t.entry("location").or_default().push(location);
            t.entry("service_at_location").or_default().push(json!({"id": format!("{prefix}sal-{i}-{l}"), "service_id": svc, "location_id": loc}));
        }
        if rng.gen_bool(0.8) {
            let opens = rng.gen_range(6..12) * 60 + [0, 30][rng.gen_range(0..2)];
            let closes = opens + rng.gen_range(2..10) * 60;
            t.entry("schedule").or_default().push(json!({"id": format!("{prefix}sch-{i}"), "service_id": svc, "freq": "WEEKLY",
                "byday": DAYS[rng.gen_range(0..DAYS.len())], "opens_at": format!("{:02}:{:02}", opens / 60, opens % 60),
                "closes_at": format!("{:02}:{:02}", closes / 60, closes % 60)}));
        }
        for (k, code) in LANGUAGES.iter().enumerate() {
            if rng.gen_bool(0.4) {
                t.entry("language").or_default().push(json!({"id": format!("{prefix}la-{i}-{k}"), "service_id": svc, "code": code}));
            }
        }
        for (k, code) in TERMS.iter().enumerate() {
            if rng.gen_bool(0.3) {
                t.entry("attribute").or_default().push(json!({"id": format!("{prefix}at-{i}-{k}"), "link_id": svc, "link_entity": "service",
                    "taxonomy_term_id": format!("{prefix}term-{code}")}));
            }
        }
    }
    let files = BTreeMap::from([("test.json".to_owned(), serde_json::to_vec(&t).unwrap())]);
    sendero_hsds::import(&files).unwrap()
}

/// `LOWER(column) LIKE '%pattern%'` (`_` is any one character).
/// The text filter: a case-blind literal substring (`_` and `%` are what the user typed).
fn like(haystack: &str, text: &str) -> bool {
    haystack.to_lowercase().contains(text)
}

/// The search, spelled out over the imported index: (hsds id, distance) in the expected order.
/// Services are in import order, which is also the order of their database ids.
fn reference(index: &[ServiceIndex], q: &DirectoryQuery) -> Vec<(String, Option<f64>)> {
    let text = q.text.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_lowercase);
    let language = q.language.as_deref().filter(|l| !l.is_empty()).map(|l| l.split('-').next().unwrap().to_ascii_lowercase());
    let mut hits: Vec<(usize, &ServiceIndex, Option<f64>)> = Vec::new();
    for (pos, s) in index.iter().enumerate() {
        if let Some(t) = &text {
            if !like(&s.name, t) && !s.organization_name.as_deref().is_some_and(|o| like(o, t)) {
                continue;
            }
        }
        if q.category.as_deref().filter(|c| !c.is_empty()).is_some_and(|c| !s.terms.iter().any(|(code, _)| code == c)) {
            continue;
        }
        if language.as_deref().is_some_and(|l| !s.languages.iter().any(|x| x == l)) {
            continue;
        }
        if let Some((day, minute)) = q.open_at {
            if !s.hours.iter().any(|h| h.day == day && h.opens <= minute && minute < h.closes) {
                continue;
            }
        }
        let distance = match q.near {
            None => None,
            Some((lat, lon, km)) => {
                let nearest =
                    s.points.iter().map(|p| haversine_km(lat, lon, from_micro(to_micro(p.latitude)), from_micro(to_micro(p.longitude)))).min_by(f64::total_cmp);
                match nearest {
                    Some(d) if d <= km => Some(d),
                    _ => continue,
                }
            }
        };
        hits.push((pos, s, distance));
    }
    match q.near {
        Some(_) => hits.sort_by(|a, b| a.2.unwrap().total_cmp(&b.2.unwrap()).then(a.0.cmp(&b.0))),
        None => hits.sort_by(|a, b| a.1.name.cmp(&b.1.name).then(a.0.cmp(&b.0))),
    }
    hits.into_iter().take(q.limit.clamp(1, 500) as usize).map(|(_, s, d)| (s.id.clone(), d)).collect()
}

fn random_query(rng: &mut StdRng) -> DirectoryQuery {
    let text = match rng.gen_range(0..8) {
        0 => Some(WORDS[rng.gen_range(0..WORDS.len())].to_uppercase()),
        1 => Some(WORDS[rng.gen_range(0..WORDS.len())].chars().skip(1).take(2).collect()),
        2 => Some(" org ".to_owned()),
        3 => Some("f__d".to_owned()),
        4 => Some("%".to_owned()),
        _ => None,
    };
    let (lat, lon) = CITIES[rng.gen_range(0..CITIES.len())];
    DirectoryQuery {
        text,
        category: rng.gen_bool(0.3).then(|| ["food", "housing", "employment", "nothing"][rng.gen_range(0..4)].to_owned()),
        language: rng.gen_bool(0.3).then(|| ["es", "PT-br", "ht", "zz", "en-US"][rng.gen_range(0..5)].to_owned()),
        near: rng.gen_bool(0.6).then(|| (lat + rng.gen_range(-0.3..0.3), lon + rng.gen_range(-0.3..0.3), rng.gen_range(1.0..60.0))),
        open_at: rng.gen_bool(0.3).then(|| (rng.gen_range(0..7u8), rng.gen_range(12..44u16) * 30)),
        limit: [1, 5, 20, 50, 1000, 0][rng.gen_range(0..6)],
    }
}

fn ids(results: &[DirService]) -> Vec<(String, Option<f64>)> {
    results.iter().map(|s| (s.hsds_id.clone(), s.distance_km)).collect()
}

async fn search(store: &Store, org: i64, q: &DirectoryQuery) -> Vec<DirService> {
    store.search_directory(org, q).await.unwrap()
}

async fn search_equals_a_brute_force_reference(store: &Store) {
    let w = world(store).await;
    let dir = generated(11, 300, "");
    store.import_directory(w.actor, &dir, "generated").await.unwrap();
    let index = sendero_hsds::index(&dir);
    let mut rng = StdRng::seed_from_u64(5);
    let mut nonempty = 0;
    for i in 0..400 {
        let q = random_query(&mut rng);
        let got = search(store, w.org, &q).await;
        assert_eq!(ids(&got), reference(&index, &q), "query {i}: {q:?}");
        nonempty += usize::from(!got.is_empty());
        // Rows are whole: the same as reading the service by itself, plus the distance.
        if let Some(first) = got.first() {
            let alone = store.directory_service(w.org, &first.hsds_id).await.unwrap();
            assert_eq!(format!("{:?}", DirService { distance_km: first.distance_km, ..alone }), format!("{first:?}"));
        }
    }
    assert!(nonempty > 150, "the queries exercise the data ({nonempty} of 400 found something)");
}
story!(search_equals_a_brute_force_reference);

async fn organizations_never_see_each_others_directory(store: &Store) {
    let w = world(store).await;
    let (a, b) = (generated(1, 120, "Alpha "), generated(2, 120, "Beta "));
    store.import_directory(w.actor, &a, "a").await.unwrap();
    store.import_directory(w.other, &b, "b").await.unwrap();
    let mut rng = StdRng::seed_from_u64(9);
    for _ in 0..100 {
        let q = random_query(&mut rng);
        for (org, own) in [(w.org, "Alpha "), (w.other_org, "Beta ")] {
            for s in search(store, org, &q).await {
                assert!(s.hsds_id.starts_with(own) && s.name.starts_with(own), "{} found in the wrong organization", s.hsds_id);
            }
        }
    }
    let everything = DirectoryQuery { limit: 500, ..Default::default() };
    assert_eq!(search(store, w.org, &everything).await.len(), 120);
    assert!(search(store, w.org, &DirectoryQuery { text: Some("beta".into()), limit: 500, ..Default::default() }).await.is_empty());
    // A third organization with no directory finds nothing.
    let third = store.create_organization(None, None, "Third", "partner", None).await.unwrap();
    assert!(search(store, third, &everything).await.is_empty());
}
story!(organizations_never_see_each_others_directory);

/// Another handle on the same database, as the CLI or a second web server would have.
async fn second_store(store: &Store) -> Store {
    let url = match store.dialect() {
        Dialect::Sqlite => {
            let file: String = sqlx::query("SELECT file FROM pragma_database_list WHERE name = 'main'").fetch_one(store.pool()).await.unwrap().get("file");
            format!("sqlite://{file}")
        }
        Dialect::Postgres => {
            let name: String = sqlx::query("SELECT current_database()::text AS name").fetch_one(store.pool()).await.unwrap().get("name");
            sendero_store::testing::pg_url(&name)
        }
    };
    Store::connect(&url, sendero_store::testing::cipher()).await.unwrap()
}

async fn search_sees_every_new_import(store: &Store) {
    let w = world(store).await;
    let everything = DirectoryQuery { limit: 500, ..Default::default() };
    let near = DirectoryQuery { near: Some((29.7604, -95.3698, 40.0)), limit: 500, ..Default::default() };
    let names = |v: Vec<DirService>| v.into_iter().map(|s| s.hsds_id).collect::<Vec<_>>();
    assert!(search(store, w.org, &everything).await.is_empty(), "no directory yet");

    let first = generated(3, 60, "first ");
    store.import_directory(w.actor, &first, "first").await.unwrap();
    let index = sendero_hsds::index(&first);
    assert_eq!(ids(&search(store, w.org, &near).await), reference(&index, &near));
    assert_eq!(search(store, w.org, &everything).await.len(), 60);

    // Imported again through this store: the cached index is replaced.
    let second = generated(4, 80, "second ");
    store.import_directory(w.actor, &second, "second").await.unwrap();
    let index = sendero_hsds::index(&second);
    assert_eq!(ids(&search(store, w.org, &near).await), reference(&index, &near));
    assert!(names(search(store, w.org, &everything).await).iter().all(|id| id.starts_with("second ")));

    // Imported through another store on the same database (the CLI while the web server
    // runs): this store's next search sees it, and the other store's own searches too.
    let other = second_store(store).await;
    assert_eq!(search(&other, w.org, &everything).await.len(), 80);
    let third = generated(5, 40, "third ");
    other.import_directory(w.actor, &third, "cli").await.unwrap();
    let index = sendero_hsds::index(&third);
    let found = names(search(store, w.org, &everything).await);
    assert_eq!(found.len(), 40);
    assert!(found.iter().all(|id| id.starts_with("third ")), "{found:?}");
    assert_eq!(ids(&search(store, w.org, &near).await), reference(&index, &near));
    assert_eq!(ids(&search(&other, w.org, &near).await), reference(&index, &near));

    // And back: an import through this store is seen by the other one.
    store.import_directory(w.actor, &first, "first again").await.unwrap();
    assert!(names(search(&other, w.org, &everything).await).iter().all(|id| id.starts_with("first ")));
    other.pool().close().await;
}
story!(search_sees_every_new_import);

async fn records_stored_one_per_row_still_export(store: &Store) {
    // Imports before RECORDS_PER_ROW kept one record per dir_records row; both forms read back.
    let w = world(store).await;
    let dir = generated(6, 2500, "");
    store.import_directory(w.actor, &dir, "new").await.unwrap();
    assert_eq!(store.export_directory(w.org).await.unwrap(), dir.clone().complete(), "records spread over several rows come back in order");
    let old = "INSERT INTO dir_records (org_id, tbl, seq, hsds_id, data) VALUES (?, 'taxonomy_term', ?, ?, ?)";
    let sql = crate::support::sql(store, old);
    for (seq, id, code) in [(0, "old-1", "shelter"), (1, "old-2", "meals")] {
        let record = json!({"id": id, "code": code, "name": code.to_uppercase(), "taxonomy_id": "old"}).to_string();
        sqlx::query(&sql).bind(w.other_org).bind(seq).bind(id).bind(record).execute(store.pool()).await.unwrap();
    }
    assert_eq!(store.directory_categories(w.other_org).await.unwrap(), vec![("shelter".into(), "SHELTER".into()), ("meals".into(), "MEALS".into())]);
    let exported = store.export_directory(w.other_org).await.unwrap();
    assert_eq!(exported.records("taxonomy_term").iter().map(|r| r["id"].as_str().unwrap()).collect::<Vec<_>>(), ["old-1", "old-2"]);
    assert_eq!(store.directory_categories(w.org).await.unwrap().len(), TERMS.len());
}
story!(records_stored_one_per_row_still_export);
