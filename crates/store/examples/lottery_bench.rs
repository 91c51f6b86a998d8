//! Lottery at scale: N eligible, interested candidates in two site strata, then time opening a
//! round (freezing and publishing the pool), the draw (HMAC keys, sort, writing every result)
//! and re-verifying it from the published inputs.
//!
//! Usage (see bench/lottery/README.md):
//!   cargo run --release -p sendero-store --example lottery_bench -- --url sqlite:///tmp/lottery.db [--n 100000]
//!   cargo run --release -p sendero-store --example lottery_bench -- --url postgres://postgres@127.0.0.1/lottery_bench [--n 100000]
//!
//! The database must be empty (a new SQLite file, or a freshly created PostgreSQL database).
//! Candidates and their decisions are bulk-inserted (the per-candidate write path with its audit
//! entries is exercised by the tests); the timed steps are the real store functions.
//! Prints one `RESULT key=value` line per figure.

use std::time::Instant;

use sendero_domain::eligibility::PHASE_3_RULE;
use sendero_domain::lottery::Strata;
use sendero_domain::ProgramKind;
use sendero_store::crypto::FieldCipher;
use sendero_store::lottery::{SeedSource, StratumCapacity};
use sendero_store::{Actor, Store};
use sqlx::Row;

const BATCH: usize = 500;

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1).cloned())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let url = arg("--url").ok_or_else(|| anyhow::anyhow!("--url sqlite://FILE or postgres://… is required"))?;
    let n: usize = arg("--n").map(|v| v.parse()).transpose()?.unwrap_or(100_000);
    let store = Store::connect(&url, FieldCipher::from_key([7; 32])).await?;
    store.migrate().await?;
    let org = store.create_organization(None, None, "Lottery bench", "lead", None).await?;
    let actor = Actor { user_id: None, org_id: org };
    let program = store.create_program(actor, "ATD pilot", ProgramKind::DetentionAlternative, Some(n as i64)).await?;
    let sites = [store.create_site(actor, "Bronx", None).await?, store.create_site(actor, "Houston", None).await?];
    store.save_rule(actor, program, "Phase 3", PHASE_3_RULE, "2026-01-01".parse()?).await?.map_err(|e| anyhow::anyhow!("{e}"))?;
    let rule_id: i64 = sqlx::query("SELECT id FROM eligibility_rules").fetch_one(store.pool()).await?.try_get("id")?;

    let started = Instant::now();
    let screening = r#"{"in_removal_proceedings":1,"enrolled_in_isap":1}"#;
    let now = sendero_store::now();
    let mut tx = store.pool().begin().await?;
    for chunk_start in (0..n).step_by(BATCH) {
        let rows = (chunk_start..(chunk_start + BATCH).min(n)).collect::<Vec<_>>();
        let values = vec!["(?, ?, ?, ?, 'Bench', 'es', 'walk_in', ?, 1, 1, 'staff', ?)"; rows.len()].join(", ");
        let sql = format!(
            "INSERT INTO intake_candidates (org_id, program_id, site_id, public_token, given_names, language, referral_source, screening, household_size, interested, origin, created_at) VALUES {values}"
        );
        let sql = sendero_store::render_sql(store.dialect(), &sql);
        let mut q = sqlx::query(&sql);
        for i in &rows {
            q = q.bind(org).bind(program).bind(sites[i % 2]).bind(format!("C-B{i:09}")).bind(screening).bind(now.clone());
        }
        q.execute(&mut *tx).await?;
    }
    let decide = "INSERT INTO eligibility_decisions (org_id, candidate_id, rule_id, eligible, deciding_clause, clauses, inputs, decided_at) \
                  SELECT org_id, id, ?, 1, 'all', '[]', screening, created_at FROM intake_candidates WHERE org_id = ?";
    sqlx::query(&sendero_store::render_sql(store.dialect(), decide)).bind(rule_id).bind(org).execute(&mut *tx).await?;
    tx.commit().await?;
    println!("RESULT seed_seconds={:.2}", started.elapsed().as_secs_f64());

    let capacities: Vec<StratumCapacity> =
        ["site Bronx", "site Houston"].iter().map(|s| StratumCapacity { name: (*s).into(), capacity: n / 10, comparison_size: n / 10 }).collect();
    let t = Instant::now();
    let round = store.open_round(actor, program, "Bench round", SeedSource::PublicValue("bench public value".into()), Strata::Site, &capacities).await?;
    let open = t.elapsed();
    let t = Instant::now();
    let outcome = store.draw_round(actor, round).await?;
    let draw = t.elapsed();
    let t = Instant::now();
    let verified = store.verify_round(org, round).await?;
    let verify = t.elapsed();
    anyhow::ensure!(verified.ok() && outcome.assignments.len() == n, "draw did not verify");
    let t = Instant::now();
    let inputs = store.published_inputs(org, round).await?;
    let _ = sendero_domain::lottery::draw(&inputs);
    let pure = t.elapsed();
    println!("RESULT backend={:?}", store.dialect());
    println!("RESULT candidates={n}");
    println!("RESULT open_round_seconds={:.2}", open.as_secs_f64());
    println!("RESULT draw_round_seconds={:.2}", draw.as_secs_f64());
    println!("RESULT verify_round_seconds={:.2}", verify.as_secs_f64());
    println!("RESULT load_inputs_and_draw_in_memory_seconds={:.2}", pure.as_secs_f64());
    Ok(())
}
