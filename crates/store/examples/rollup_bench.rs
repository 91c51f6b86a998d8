//! Scale test for service rollups (bench/rollups): N services over a year, the funder report
//! (services, distinct clients and cost by program × month × category) read from the rollups
//! and computed straight from the service log, and a CSV of the log for DuckDB.
//!
//! Usage: cargo run --release -p sendero-store --example rollup_bench -- --url URL [--services 10000000] [--csv FILE]
//!
//! Clients, cases and services are bulk-inserted through the store's pool (the per-row API
//! writes audit entries and would dominate); the rollups are then built by the same
//! `rebuild_rollups` that `sendero rollups rebuild` runs. The incremental path (one service at
//! a time through `log_service`) is measured separately on a sample.

use std::io::Write;
use std::time::Instant;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sendero_domain::ProgramKind;
use sendero_store::crypto::FieldCipher;
use sendero_store::{render_sql, Actor, Store};
use sqlx::Row;

const CATEGORIES: [&str; 17] = [
    "mental_health",
    "medical_care",
    "legal_information",
    "legal_representation_referral",
    "cultural_orientation",
    "trafficking_screening",
    "school_enrolment",
    "itin_application",
    "food",
    "housing",
    "temporary_housing",
    "language_classes",
    "transportation",
    "interpretation",
    "employment",
    "departure_planning",
    "reintegration",
];

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1).cloned())
}

fn median_ms(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let url = arg(&args, "--url").ok_or_else(|| anyhow::anyhow!("--url sqlite://FILE or postgres://…"))?;
    let total: usize = arg(&args, "--services").map_or(Ok(10_000_000), |s| s.parse())?;
    let store = Store::connect(&url, FieldCipher::from_key([7; 32])).await?;
    store.migrate().await?;
    let org = store.create_organization(None, None, "Rollup bench", "lead", None).await?;
    let actor = Actor { user_id: None, org_id: org };
    let mut programs = vec![];
    for (name, kind) in [
        ("ATD pilot", ProgramKind::DetentionAlternative),
        ("Survivors", ProgramKind::TraffickingSurvivor),
        ("Destination", ProgramKind::Destination),
        ("Network", ProgramKind::CommunityNetwork),
    ] {
        programs.push(store.create_program(actor, name, kind, None).await?);
    }
    let clients = (total / 50).max(100);
    let mut rng = StdRng::seed_from_u64(2026);
    let started = Instant::now();
    let pool = store.pool();
    let now = sendero_store::now();
    // Clients and one case each.
    let first_client: i64 = {
        let mut tx = pool.begin().await?;
        let mut first = None;
        for chunk in (0..clients).collect::<Vec<_>>().chunks(500) {
            let values = vec!["(?, ?, ?, ?, ?)"; chunk.len()].join(", ");
            let sql = render_sql(
                store.dialect(),
                &format!("INSERT INTO clients (org_id, given_names, search_text, created_at, updated_at) VALUES {values} RETURNING id"),
            );
            let mut q = sqlx::query(&sql);
            for i in chunk {
                q = q.bind(org).bind(format!("Person {i}")).bind(format!("person {i}")).bind(&now).bind(&now);
            }
            let ids = q.fetch_all(&mut *tx).await?;
            first.get_or_insert(ids[0].try_get::<i64, _>("id")?);
        }
        tx.commit().await?;
        first.unwrap_or(0)
    };
    let mut tx = pool.begin().await?;
    for chunk in (0..clients).collect::<Vec<_>>().chunks(500) {
        let values = vec!["(?, ?, ?, 'enrollment', 'open', ?, ?)"; chunk.len()].join(", ");
        let sql =
            render_sql(store.dialect(), &format!("INSERT INTO cases (org_id, client_id, program_id, phase, status, opened_at, updated_at) VALUES {values}"));
        let mut q = sqlx::query(&sql);
        for i in chunk {
            q = q.bind(org).bind(first_client + *i as i64).bind(programs[i % programs.len()]).bind(&now).bind(&now);
        }
        q.execute(&mut *tx).await?;
    }
    tx.commit().await?;
    let first_case: i64 =
        sqlx::query(&render_sql(store.dialect(), "SELECT MIN(id) AS id FROM cases WHERE org_id = ?")).bind(org).fetch_one(pool).await?.try_get("id")?;
    eprintln!("{clients} clients and cases in {:.1} s", started.elapsed().as_secs_f64());

    // Services over 2025: each belongs to a random client (and that client's case and program).
    let started = Instant::now();
    let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("date");
    let batch = 1_000;
    let mut done = 0;
    while done < total {
        let mut tx = pool.begin().await?;
        for _ in 0..50 {
            if done >= total {
                break;
            }
            let n = batch.min(total - done);
            let values = vec!["(?, ?, ?, ?, ?, ?, ?, 'staff', ?, ?)"; n].join(", ");
            let sql = render_sql(
                store.dialect(),
                &format!("INSERT INTO service_log (org_id, case_id, client_id, program_id, category, provided_on, minutes, provider_kind, cost_cents, created_at) VALUES {values}"),
            );
            let mut q = sqlx::query(&sql);
            for _ in 0..n {
                let c = rng.gen_range(0..clients);
                let day = start + chrono::Days::new(rng.gen_range(0..365));
                q = q
                    .bind(org)
                    .bind(first_case + c as i64)
                    .bind(first_client + c as i64)
                    .bind(programs[c % programs.len()])
                    .bind(CATEGORIES[rng.gen_range(0..CATEGORIES.len())])
                    .bind(day.to_string())
                    .bind(rng.gen_range(15..120_i64))
                    .bind(rng.gen_range(0..5_000_i64))
                    .bind(&now);
            }
            q.execute(&mut *tx).await?;
            done += n;
        }
        tx.commit().await?;
        if done % 1_000_000 == 0 {
            eprintln!("  {done} services, {:.0}/s", done as f64 / started.elapsed().as_secs_f64());
        }
    }
    let load_s = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let cells = store.rebuild_rollups(Some(org)).await?;
    let rebuild_s = started.elapsed().as_secs_f64();

    // The funder report over the year, read from the rollups (median of 20) and computed directly (median of 3).
    let mut from_rollups = vec![];
    let mut rows = vec![];
    for _ in 0..20 {
        let t = Instant::now();
        rows = store.service_rollups(org, None, "2025-01", "2025-12").await?;
        from_rollups.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let mut direct = vec![];
    let mut direct_rows = vec![];
    for _ in 0..3 {
        let t = Instant::now();
        direct_rows = store.service_totals_direct(org, None, "2025-01", "2025-12").await?;
        direct.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    anyhow::ensure!(rows == direct_rows, "rollups and the direct aggregate disagree");
    if let Some(path) = arg(&args, "--csv") {
        let t = Instant::now();
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
        writeln!(out, "program_id,provided_on,category,client_id,minutes,cost_cents")?;
        let sql = render_sql(
            store.dialect(),
            "SELECT program_id, provided_on, category, client_id, minutes, cost_cents FROM service_log WHERE org_id = ? AND id > ? ORDER BY id LIMIT 200000",
        );
        let mut last = 0_i64;
        loop {
            let page = sqlx::query(&sql.replace("SELECT program_id", "SELECT id, program_id")).bind(org).bind(last).fetch_all(pool).await?;
            if page.is_empty() {
                break;
            }
            for r in &page {
                last = r.try_get("id")?;
                let (p, d, c, k, m, cost): (i64, String, String, i64, i64, i64) = (
                    r.try_get("program_id")?,
                    r.try_get("provided_on")?,
                    r.try_get("category")?,
                    r.try_get("client_id")?,
                    r.try_get("minutes")?,
                    r.try_get("cost_cents")?,
                );
                writeln!(out, "{p},{d},{c},{k},{m},{cost}")?;
            }
        }
        eprintln!("CSV for DuckDB in {:.1} s", t.elapsed().as_secs_f64());
    }
    println!(
        "RESULT backend={:?} services={total} clients={clients} load_s={load_s:.1} rebuild_s={rebuild_s:.1} cells={cells} report_rollup_ms={:.2} report_direct_ms={:.0} rows={}",
        store.dialect(),
        median_ms(from_rollups),
        median_ms(direct),
        rows.len()
    );
    Ok(())
}
