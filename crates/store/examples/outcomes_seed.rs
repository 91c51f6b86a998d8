//! Seed one program with N families for the outcome-report benchmark (bench/outcomes).
//!
//! Usage: cargo run --release -p sendero-store --example outcomes_seed -- --url URL [--n 50000]
//!
//! Organization, supervisor account and program go through the Store API. Clients, cases and
//! completed family-functioning assessments are bulk-inserted through the store's pool: the
//! report only reads `assessments` ⋈ `instruments` ⋈ `cases`, and the per-row API
//! (`import_clients`/`open_case`/`save_assessment`, each with audit entries and blocking keys)
//! would dominate the run (import_clients reaches ~230 clients/s on PostgreSQL here).
//! Scores are computed by the real instrument (`Instrument::score`). Every family has an intake;
//! about 60% are closed with a closure assessment (some closures are "lost contact" without one).
//! Prints `RESULT org=… program=… email=… password=…`.

use std::collections::HashMap;
use std::time::Instant;

use sendero_domain::{ProgramKind, Role};
use sendero_store::crypto::FieldCipher;
use sendero_store::users::NewUser;
use sendero_store::{render_sql, Actor, Store};
use sqlx::Row;

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
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

pub const PASSWORD: &str = "bench-outcomes-2026";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let url = arg("--url").unwrap_or_else(|| "sqlite:///tmp/sendero-outcomes-bench.db".into());
    let n: usize = arg("--n").map_or(Ok(50_000), |s| s.parse())?;
    let key = arg("--key-base64");
    let cipher = match key {
        Some(k) => FieldCipher::from_base64(&k)?,
        None => FieldCipher::from_key([7; 32]),
    };
    let store = Store::connect(&url, cipher).await?;
    store.migrate().await?;
    let started = Instant::now();
    let org = store.create_organization(None, None, &format!("Outcomes bench ({n} families)"), "lead", Some("Bench City")).await?;
    let email = format!("evaluator+{org}@sendero.test");
    let user = store
        .create_user(
            None,
            NewUser {
                org_id: org,
                email: &email,
                display_name: "Bench Supervisor",
                password: PASSWORD,
                role: Role::Supervisor,
                locale: "en",
                caseload_limit: 10,
            },
        )
        .await?;
    let actor = Actor { user_id: Some(user), org_id: org };
    let program = store.create_program(actor, "Family resettlement (bench)", ProgramKind::Destination, None).await?;

    let mut rng = Rng(0x0C7C_0E50);
    let given = ["María", "José", "Ahmad", "Fatima", "Yesenia", "Hamid", "Rosa", "Wilson"];
    let family = ["Hernández", "Rahimi", "López", "Noori", "Argueta", "Karimi", "Flores", "Sultani"];
    // Clients: plain rows (no blocking keys or audit entries; the report never reads them).
    let mut tx = store.pool().begin().await?;
    let client_sql = render_sql(
        store.dialect(),
        "INSERT INTO clients (org_id, given_names, family_names, birth_date, search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    );
    let mut client_ids = Vec::with_capacity(n);
    let now = sendero_store::now();
    for i in 0..n {
        let g = given[rng.below(8) as usize];
        let f = format!("{} {i}", family[rng.below(8) as usize]);
        let id: i64 = sqlx::query(&client_sql)
            .bind(org)
            .bind(g)
            .bind(&f)
            .bind(format!("{}-{:02}-{:02}", 1960 + rng.below(45), 1 + rng.below(12), 1 + rng.below(28)))
            .bind(format!("{} {}", g.to_lowercase(), f.to_lowercase()))
            .bind(&now)
            .bind(&now)
            .fetch_one(&mut *tx)
            .await?
            .try_get("id")?;
        client_ids.push(id);
    }
    tx.commit().await?;
    let clients_s = started.elapsed().as_secs_f64();

    let instrument = store.instruments(org).await?.into_iter().find(|i| i.definition.key == "family-functioning").expect("built-in instrument");
    let items: Vec<String> = instrument.definition.items.iter().map(|i| i.key.clone()).collect();

    let t = Instant::now();
    let mut tx = store.pool().begin().await?;
    let case_sql = render_sql(
        store.dialect(),
        "INSERT INTO cases (org_id, client_id, program_id, phase, status, closure_reason, case_manager_id, opened_at, closed_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    );
    let a_sql = render_sql(
        store.dialect(),
        "INSERT INTO assessments (org_id, case_id, client_id, instrument_id, timing, status, language, answers, scores, flagged, taken_on, created_by, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, 'complete', 'en', ?, ?, ?, ?, ?, ?, ?)",
    );
    let base = chrono::NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
    let (mut n_assess, mut n_closed) = (0, 0);
    for &client in &client_ids {
        let opened = base + chrono::Duration::days(rng.below(700) as i64);
        let closed = rng.unit() < 0.6;
        let (closed_on, reason) = if closed {
            let r = rng.unit();
            let reason = if r < 0.7 {
                "goals_met"
            } else if r < 0.85 {
                "lost_contact"
            } else if r < 0.95 {
                "moved_away"
            } else {
                "other"
            };
            (Some(opened + chrono::Duration::days(60 + rng.below(600) as i64)), Some(reason))
        } else {
            (None, None)
        };
        let ts = |d: chrono::NaiveDate| format!("{d}T12:00:00.000000Z");
        let case: i64 = sqlx::query(&case_sql)
            .bind(org)
            .bind(client)
            .bind(program)
            .bind(if closed { "stabilization_closure" } else { "monitoring" })
            .bind(if closed { "closed" } else { "open" })
            .bind(reason)
            .bind(user)
            .bind(ts(opened))
            .bind(closed_on.map(ts))
            .bind(ts(closed_on.unwrap_or(opened)))
            .fetch_one(&mut *tx)
            .await?
            .try_get("id")?;
        n_closed += closed as usize;
        // Intake level per family; closure improves on average, with noise.
        let level = 1.5 + rng.unit() * 1.5;
        let assess = |timing: &str, taken: chrono::NaiveDate, shift: f64, rng: &mut Rng| {
            let answers: HashMap<String, i64> =
                items.iter().map(|k| (k.clone(), ((level + shift + (rng.unit() - 0.5) * 2.0).round() as i64).clamp(1, 4))).collect();
            let scores = instrument.definition.score(&answers);
            (timing.to_owned(), taken, serde_json::to_string(&answers).unwrap(), serde_json::to_string(&scores).unwrap(), scores.flagged as i64)
        };
        let mut todo = vec![assess("intake", opened + chrono::Duration::days(rng.below(14) as i64), 0.0, &mut rng)];
        if let Some(c) = closed_on {
            if reason != Some("lost_contact") || rng.unit() < 0.2 {
                todo.push(assess("closure", c, 0.4, &mut rng));
            }
        }
        for (timing, taken, answers, scores, flagged) in todo {
            let at = ts(taken);
            sqlx::query(&a_sql)
                .bind(org)
                .bind(case)
                .bind(client)
                .bind(instrument.id)
                .bind(timing)
                .bind(answers)
                .bind(scores)
                .bind(flagged)
                .bind(taken.to_string())
                .bind(user)
                .bind(&at)
                .bind(&at)
                .execute(&mut *tx)
                .await?;
            n_assess += 1;
        }
    }
    tx.commit().await?;
    let records = store.outcome_records(org, program, None, "family-functioning").await?.len();
    println!(
        "RESULT org={org} program={program} email={email} password={PASSWORD} families={n} closed={n_closed} assessments={n_assess} outcome_records={records} \
         clients_seconds={clients_s:.1} cases_assessments_seconds={:.1}",
        t.elapsed().as_secs_f64()
    );
    Ok(())
}
