//! Ride matching at scale: seed N approved volunteers (with consortium checks) straight into the
//! tables, then time what a ride request does before writing — load every candidate with its
//! clearance (`Store::candidates`) and rank them (`propose`) — and the ranking alone.
//!
//! Usage (see bench/volunteers/README.md):
//!   cargo run --release -p sendero-store --example ride_matching_bench -- \
//!       [--url sqlite:///tmp/rides.db | postgres://…/db] [--n 5000] [--iterations 200]
//!
//! Prints one `RESULT key=value` line per figure.

use std::time::{Duration, Instant};

use sendero_domain::care::matching::{propose, Need, PROPOSALS};
use sendero_domain::care::{GeoPoint, RequestKind};
use sendero_store::crypto::FieldCipher;
use sendero_store::{render_sql, Store};

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
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const LANGUAGES: [&str; 6] = ["english", "spanish", "haitian creole", "french", "arabic", "dari"];

/// Every volunteer of the organization as a candidate, with its newest check.
async fn all_candidates(store: &Store, org: i64) -> anyhow::Result<Vec<sendero_domain::care::Candidate>> {
    use sendero_domain::care::{Availability, Candidate, CheckStatus, Clearance};
    use sqlx::Row;
    let clearances = store.clearances(org).await?;
    let sql = render_sql(
        store.dialect(),
        "SELECT id, email, languages, home_lat_micro, home_lon_micro, can_drive, licence_expires, insurance_expires, weekly FROM volunteers WHERE org_id = ?",
    );
    let rows = sqlx::query(&sql).bind(org).fetch_all(store.pool()).await?;
    let date = |s: Option<String>| s.and_then(|s| s.parse().ok());
    rows.iter()
        .map(|r| {
            let email: String = r.try_get("email")?;
            Ok(Candidate {
                volunteer_id: r.try_get("id")?,
                clearance: clearances.get(&email).copied().unwrap_or(Clearance { status: CheckStatus::Requested, expires_on: None }),
                can_drive: r.try_get::<i64, _>("can_drive")? != 0,
                licence_expires: date(r.try_get("licence_expires")?),
                insurance_expires: date(r.try_get("insurance_expires")?),
                languages: sendero_domain::care::network::language_list(&r.try_get::<String, _>("languages")?),
                home: Some(GeoPoint { lat_micro: r.try_get("home_lat_micro")?, lon_micro: r.try_get("home_lon_micro")? }),
                availability: Availability { weekly: r.try_get::<i64, _>("weekly")? as u32, away: vec![] },
            })
        })
        .collect()
}

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let dir = std::env::temp_dir().join(format!("sendero-rides-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let url = arg(&args, "--url").unwrap_or_else(|| format!("sqlite://{}", dir.join("rides.db").display()));
    let n: u64 = arg(&args, "--n").map(|v| v.parse()).transpose()?.unwrap_or(5000);
    let iterations: usize = arg(&args, "--iterations").map(|v| v.parse()).transpose()?.unwrap_or(200);
    let store = Store::connect(&url, FieldCipher::from_key([7; 32])).await?;
    store.migrate().await?;
    let consortium = store.create_consortium("Bench consortium").await?;
    let org = store.create_organization(None, Some(consortium), &format!("Rides bench {}", std::process::id()), "lead", None).await?;
    let today = sendero_store::today();
    let started = Instant::now();
    let mut rng = Rng(2026);
    let mut tx = store.pool().begin().await?;
    let insert_volunteer = render_sql(
        store.dialect(),
        "INSERT INTO volunteers (org_id, name, email, languages, zip, home_lat_micro, home_lon_micro, can_drive, licence_expires, insurance_expires, \
         weekly, away, status, created_at, updated_at) VALUES (?, ?, ?, ?, '52001', ?, ?, ?, ?, ?, ?, '', 'approved', ?, ?)",
    );
    let insert_check = render_sql(
        store.dialect(),
        "INSERT INTO background_checks (consortium_id, requested_by_org, subject_email, subject_name, status, expires_on, requested_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    let now = sendero_store::now();
    for i in 0..n {
        let email = format!("v{i}@bench.example");
        let lat = 40_500_000 + rng.below(4_000_000) as i64;
        let lon = -93_500_000 + rng.below(5_000_000) as i64;
        let languages = format!("english, {}", LANGUAGES[rng.below(6) as usize]);
        sqlx::query(&insert_volunteer)
            .bind(org)
            .bind(format!("Volunteer {i}"))
            .bind(&email)
            .bind(languages)
            .bind(lat)
            .bind(lon)
            .bind((rng.below(3) != 0) as i64)
            .bind((today + chrono::Duration::days(400)).to_string())
            .bind((today + chrono::Duration::days(rng.below(400) as i64 - 30)).to_string())
            .bind((rng.next() & 0x1F_FFFF) as i64)
            .bind(&now)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
        let status = match rng.below(10) {
            0 => "not_cleared",
            1 => "in_progress",
            _ => "cleared",
        };
        sqlx::query(&insert_check)
            .bind(consortium)
            .bind(org)
            .bind(&email)
            .bind(format!("Volunteer {i}"))
            .bind(status)
            .bind((today + chrono::Duration::days(rng.below(800) as i64 - 60)).to_string())
            .bind(&now)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    println!("RESULT seeded_volunteers={n} seed_secs={:.1}", started.elapsed().as_secs_f64());
    let need = Need {
        kind: RequestKind::Ride,
        at: (today + chrono::Duration::days(7)).and_hms_opt(8, 0, 0).expect("valid time"),
        place: GeoPoint::from_degrees(42.5315, -90.684),
        language: Some("haitian creole".into()),
    };
    // Load + rank, as a ride request does before it writes.
    let mut full = Vec::with_capacity(iterations);
    let mut found = 0;
    for _ in 0..iterations {
        let t = Instant::now();
        let candidates = store.volunteer_candidates(org, need.kind, need.at).await?;
        found = propose(&candidates, &need, today, PROPOSALS).len();
        full.push(t.elapsed());
    }
    full.sort();
    // Ranking alone, over all 5,000 volunteers as they would be without the SQL pre-filter
    // (every one a candidate to check), on candidates already in memory.
    let candidates = all_candidates(&store, org).await?;
    let mut rank = Vec::with_capacity(iterations * 10);
    for _ in 0..iterations * 10 {
        let t = Instant::now();
        std::hint::black_box(propose(std::hint::black_box(&candidates), &need, today, PROPOSALS));
        rank.push(t.elapsed());
    }
    rank.sort();
    println!("RESULT backend={:?} volunteers={} proposals={found}", store.dialect(), candidates.len());
    println!("RESULT load_and_rank_p50_ms={:.2} load_and_rank_p99_ms={:.2}", percentile(&full, 0.5), percentile(&full, 0.99));
    println!("RESULT rank_only_p50_ms={:.3} rank_only_p99_ms={:.3}", percentile(&rank, 0.5), percentile(&rank, 0.99));
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
