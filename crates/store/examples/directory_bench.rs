//! Resource directory at scale: generate a synthetic HSDS directory of N services (organizations,
//! locations with coordinates and addresses, schedules, languages, phones, categories), write it
//! as HSDS JSON, then time parse + validate, the import, and directory searches mixing category,
//! language, distance and opening hours.
//!
//! Usage (see bench/directory/README.md):
//!   cargo run --release -p sendero-store --example directory_bench -- --backend sqlite|postgres \
//!       [--n 50000] [--searches 1000]
//!
//! Prints one `RESULT key=value` line per figure.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use sendero_store::directory::DirectoryQuery;
use sendero_store::testing::TestDb;
use sendero_store::Actor;
use serde_json::json;

/// SplitMix64: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const CITIES: [(&str, &str, f64, f64); 8] = [
    ("New York", "NY", 40.7128, -74.0060),
    ("Houston", "TX", 29.7604, -95.3698),
    ("Tucson", "AZ", 32.2226, -110.9747),
    ("Dubuque", "IA", 42.5006, -90.6646),
    ("Cedar Rapids", "IA", 41.9779, -91.6656),
    ("Los Angeles", "CA", 34.0522, -118.2437),
    ("Chicago", "IL", 41.8781, -87.6298),
    ("Miami", "FL", 25.7617, -80.1918),
];
const TERMS: [&str; 10] = [
    "food",
    "medical_care",
    "mental_health",
    "legal_information",
    "housing",
    "temporary_housing_assistance",
    "school_enrolment",
    "language_classes",
    "employment",
    "transportation",
];
const LANGUAGES: [&str; 6] = ["en", "es", "ar", "fr", "ht", "pt"];
const DAYS: [&str; 4] = ["MO,TU,WE,TH,FR", "MO,WE,FR", "TU,TH,SA", "SA,SU"];

fn synthetic(n: usize) -> Vec<u8> {
    let mut rng = Rng(20261124);
    let id = |kind: &str, i: usize| format!("{kind}-{i:08}");
    let mut t: BTreeMap<&str, Vec<serde_json::Value>> = BTreeMap::new();
    t.entry("taxonomy").or_default().push(json!({"id": "tax-1", "name": "Bench categories", "description": "Synthetic"}));
    for code in TERMS {
        t.entry("taxonomy_term")
            .or_default()
            .push(json!({"id": format!("term-{code}"), "code": code, "name": code, "description": code, "taxonomy_id": "tax-1"}));
    }
    for i in 0..n {
        let org = id("org", i / 5);
        if i % 5 == 0 {
            t.entry("organization").or_default().push(json!({"id": org, "name": format!("Organization {}", i / 5), "description": "Synthetic provider"}));
        }
        let (city, state, lat, lon) = CITIES[rng.below(CITIES.len())];
        let (lat, lon) = (lat + (rng.unit() - 0.5) * 0.6, lon + (rng.unit() - 0.5) * 0.6);
        let (svc, loc, sal) = (id("svc", i), id("loc", i), id("sal", i));
        t.entry("service")
            .or_default()
            .push(json!({"id": svc, "organization_id": org, "name": format!("Service {i}"), "description": "Synthetic service", "status": "active"}));
        t.entry("location").or_default().push(json!({"id": loc, "location_type": "physical", "organization_id": org, "name": format!("Site {i}"), "latitude": (lat * 1e6).round() / 1e6, "longitude": (lon * 1e6).round() / 1e6}));
        t.entry("address").or_default().push(json!({"id": id("adr", i), "location_id": loc, "address_1": format!("{} Main St", i % 2000), "city": city, "state_province": state, "postal_code": "00000", "country": "US", "address_type": "physical"}));
        t.entry("service_at_location").or_default().push(json!({"id": sal, "service_id": svc, "location_id": loc}));
        t.entry("phone").or_default().push(json!({"id": id("ph", i), "service_id": svc, "number": format!("+1 555 {:07}", i)}));
        let opens = 7 + rng.below(4);
        t.entry("schedule").or_default().push(json!({"id": id("sch", i), "service_id": svc, "freq": "WEEKLY", "byday": DAYS[rng.below(DAYS.len())], "opens_at": format!("{opens:02}:00"), "closes_at": format!("{:02}:30", opens + 6 + rng.below(5))}));
        t.entry("language").or_default().push(json!({"id": id("la", i), "service_id": svc, "code": "en"}));
        t.entry("language").or_default().push(json!({"id": id("lb", i), "service_id": svc, "code": LANGUAGES[1 + rng.below(LANGUAGES.len() - 1)]}));
        t.entry("attribute")
            .or_default()
            .push(json!({"id": id("at", i), "link_id": svc, "link_entity": "service", "taxonomy_term_id": format!("term-{}", TERMS[rng.below(TERMS.len())])}));
    }
    serde_json::to_vec(&t).expect("serialises")
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let n: usize = arg("--n").map(|v| v.parse()).transpose()?.unwrap_or(50_000);
    let searches: usize = arg("--searches").map(|v| v.parse()).transpose()?.unwrap_or(1_000);
    let backend = arg("--backend").unwrap_or_else(|| "sqlite".into());
    let db = match backend.as_str() {
        "postgres" => TestDb::postgres(true).await,
        _ => TestDb::sqlite(true).await,
    };
    let store = db.store.clone();
    let org = store.create_organization(None, None, "Directory bench", "lead", None).await?;

    let json = synthetic(n);
    println!("RESULT backend={backend} services={n} json_bytes={}", json.len());
    let files = BTreeMap::from([("bench.json".to_owned(), json)]);
    let started = Instant::now();
    let dir = sendero_hsds::import(&files).map_err(|e| anyhow::anyhow!("{e}"))?;
    let parsed = started.elapsed();
    let summary = store.import_directory(Actor { user_id: None, org_id: org }, &dir, "bench").await?;
    let total = started.elapsed();
    println!(
        "RESULT parse_validate_s={:.2} store_s={:.2} import_total_s={:.2} records={}",
        parsed.as_secs_f64(),
        (total - parsed).as_secs_f64(),
        total.as_secs_f64(),
        summary.records
    );

    let mut rng = Rng(7);
    let mut times = Vec::with_capacity(searches);
    let mut hits = 0usize;
    for i in 0..searches {
        let (_, _, lat, lon) = CITIES[rng.below(CITIES.len())];
        // Mixed searches: every one is near a city; some add a category, a language, open hours.
        let q = DirectoryQuery {
            category: (i % 2 == 0).then(|| TERMS[rng.below(TERMS.len())].to_owned()),
            language: (i % 3 == 0).then(|| LANGUAGES[1 + rng.below(LANGUAGES.len() - 1)].to_owned()),
            near: Some((lat, lon, 10.0 + rng.below(30) as f64)),
            open_at: (i % 4 == 0).then(|| (rng.below(7) as u8, (8 + rng.below(10)) as u16 * 60)),
            limit: 50,
            ..Default::default()
        };
        let t = Instant::now();
        hits += store.search_directory(org, &q).await?.len();
        times.push(t.elapsed());
    }
    times.sort();
    println!(
        "RESULT searches={searches} mean_hits={:.1} p50_ms={:.2} p95_ms={:.2} p99_ms={:.2} max_ms={:.2}",
        hits as f64 / searches as f64,
        percentile(&times, 0.50).as_secs_f64() * 1e3,
        percentile(&times, 0.95).as_secs_f64() * 1e3,
        percentile(&times, 0.99).as_secs_f64() * 1e3,
        times.last().map(|d| d.as_secs_f64() * 1e3).unwrap_or(0.0),
    );
    db.cleanup().await;
    Ok(())
}
