//! Enrollment lottery rounds: the pool is frozen and the inputs published when a round opens;
//! the draw (see `sendero_domain::lottery`) writes immutable results once; selected candidates
//! become clients with an open case; comparison-group members are followed up only.

use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::audit::append;
use crate::intake::Candidate;
use crate::{now, Actor, Store, StoreError, StoreResult};
use sendero_domain::lottery::{check_seed, draw, seed_from_public_value, DrawOutcome, Group, PublishedInputs, PublishedStratum, Strata, FORMAT};
use sendero_domain::{ClientDraft, ClientInput};

pub use sendero_domain::evaluation::{FollowUp, Participant as EvaluationRow};

pub const STATUS_PUBLISHED: &str = "published";
pub const STATUS_DRAWN: &str = "drawn";

/// Rows per multi-row INSERT when writing entries and results (keeps PostgreSQL under its
/// bind-parameter limit and cuts round trips 500-fold).
const BATCH: usize = 500;

#[derive(Debug, Clone, Serialize)]
pub struct Round {
    pub id: i64,
    pub program_id: i64,
    pub name: String,
    pub seed: String,
    pub public_value: Option<String>,
    pub strata_by: String,
    pub status: String,
    pub opened_at: String,
    pub drawn_at: Option<String>,
    pub version: i64,
}

impl Round {
    pub fn is_drawn(&self) -> bool {
        self.status == STATUS_DRAWN
    }
}

/// How the seed is chosen: typed and published by the supervisor, or derived from a public
/// value (e.g. a newspaper's lottery numbers) that nobody at the organization controls.
#[derive(Debug, Clone)]
pub enum SeedSource {
    Seed(String),
    PublicValue(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StratumCapacity {
    pub name: String,
    pub capacity: usize,
    pub comparison_size: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResultRow {
    pub candidate_id: i64,
    pub public_token: String,
    pub stratum: String,
    pub rank: i64,
    pub group: Group,
    pub draw_key: String,
    pub client_id: Option<i64>,
    pub case_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SiteProgress {
    pub site_id: Option<i64>,
    pub site_name: Option<String>,
    pub goal: Option<i64>,
    pub enrolled: i64,
}

/// What `verify` found when re-running a round's draw from its published inputs.
#[derive(Debug, Clone, Serialize)]
pub struct RoundVerification {
    pub round_id: i64,
    pub checked: usize,
    pub mismatches: Vec<String>,
}

impl RoundVerification {
    pub fn ok(&self) -> bool {
        self.mismatches.is_empty()
    }
}

fn round_from_row(r: &AnyRow) -> StoreResult<Round> {
    Ok(Round {
        id: r.try_get("id")?,
        program_id: r.try_get("program_id")?,
        name: r.try_get("name")?,
        seed: r.try_get("seed")?,
        public_value: r.try_get("public_value")?,
        strata_by: r.try_get("strata_by")?,
        status: r.try_get("status")?,
        opened_at: r.try_get("opened_at")?,
        drawn_at: r.try_get("drawn_at")?,
        version: r.try_get("version")?,
    })
}

fn stratum_name(strata: Strata, c: &Candidate) -> String {
    strata.stratum_of(c.site_name.as_deref().unwrap_or("-"), c.family_unit)
}

/// Placeholders for `rows` rows of `cols` columns: "(?, ?), (?, ?)".
fn placeholders(rows: usize, cols: usize) -> String {
    let one = format!("({})", vec!["?"; cols].join(", "));
    vec![one; rows].join(", ")
}

impl Store {
    /// The candidates who may enter a new round: eligible by their latest decision, interested,
    /// not yet enrolled and not in any earlier round, grouped by stratum (sorted by name).
    pub async fn lottery_pool(&self, org_id: i64, program_id: i64, strata: Strata) -> StoreResult<Vec<(String, Vec<Candidate>)>> {
        let entered: std::collections::HashSet<i64> = sqlx::query(
            self.q("SELECT e.candidate_id FROM lottery_entries e JOIN lottery_rounds r ON r.id = e.round_id WHERE r.org_id = ? AND r.program_id = ?"),
        )
        .bind(org_id)
        .bind(program_id)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(|r| r.try_get("candidate_id"))
        .collect::<Result<_, _>>()?;
        let mut groups: std::collections::BTreeMap<String, Vec<Candidate>> = Default::default();
        for c in self.program_candidates(org_id, program_id).await? {
            if c.eligible == Some(true) && c.interested && c.client_id.is_none() && !entered.contains(&c.id) {
                groups.entry(stratum_name(strata, &c)).or_default().push(c);
            }
        }
        Ok(groups.into_iter().collect())
    }

    /// Open a round: freeze the pool and publish the inputs (seed, strata, capacities, tokens).
    /// Every stratum of the pool needs a capacity; the seed is fixed from here on.
    pub async fn open_round(
        &self,
        actor: Actor,
        program_id: i64,
        name: &str,
        seed: SeedSource,
        strata: Strata,
        capacities: &[StratumCapacity],
    ) -> StoreResult<i64> {
        self.program(actor.org_id, program_id).await?;
        let (seed, public_value) = match seed {
            SeedSource::Seed(s) => (s.trim().to_owned(), None),
            SeedSource::PublicValue(v) => (seed_from_public_value(&v), Some(v.trim().to_owned())),
        };
        check_seed(&seed).map_err(StoreError::Refused)?;
        let pool = self.lottery_pool(actor.org_id, program_id, strata).await?;
        if pool.is_empty() {
            return Err(StoreError::Refused("lottery-error-empty-pool"));
        }
        for (stratum, _) in &pool {
            if !capacities.iter().any(|c| &c.name == stratum) {
                return Err(StoreError::Refused("lottery-error-capacity-missing"));
            }
        }
        let at = now();
        let mut w = self.begin_write().await?;
        let id: i64 = sqlx::query(self.q(
            "INSERT INTO lottery_rounds (org_id, program_id, name, seed, public_value, strata_by, status, opened_by, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        ))
        .bind(actor.org_id)
        .bind(program_id)
        .bind(name)
        .bind(&seed)
        .bind(&public_value)
        .bind(strata.as_str())
        .bind(STATUS_PUBLISHED)
        .bind(actor.user_id)
        .bind(&at)
        .fetch_one(&mut *w.tx)
        .await?
        .try_get("id")?;
        for (stratum, _) in &pool {
            let cap = capacities.iter().find(|c| &c.name == stratum).expect("checked above");
            sqlx::query(self.q("INSERT INTO lottery_strata (round_id, name, capacity, comparison_size) VALUES (?, ?, ?, ?)"))
                .bind(id)
                .bind(stratum)
                .bind(cap.capacity as i64)
                .bind(cap.comparison_size as i64)
                .execute(&mut *w.tx)
                .await?;
        }
        let entries: Vec<(&str, &Candidate)> = pool.iter().flat_map(|(s, cs)| cs.iter().map(move |c| (s.as_str(), c))).collect();
        for chunk in entries.chunks(BATCH) {
            let sql = format!("INSERT INTO lottery_entries (round_id, candidate_id, public_token, stratum) VALUES {}", placeholders(chunk.len(), 4));
            let sql = crate::render_sql(self.dialect(), &sql);
            let mut q = sqlx::query(&sql);
            for (stratum, c) in chunk {
                q = q.bind(id).bind(c.id).bind(c.public_token.clone()).bind(stratum.to_string());
            }
            q.execute(&mut *w.tx).await?;
        }
        append(
            self,
            &mut w.tx,
            actor,
            "open",
            "lottery_round",
            Some(id),
            serde_json::json!({"program_id": program_id, "name": name, "seed": seed, "public_value": public_value, "strata": strata.as_str(), "entries": entries.len()}),
        )
        .await?;
        w.commit().await?;
        Ok(id)
    }

    pub async fn rounds(&self, org_id: i64) -> StoreResult<Vec<Round>> {
        let rows = sqlx::query(self.q("SELECT * FROM lottery_rounds WHERE org_id = ? ORDER BY id DESC")).bind(org_id).fetch_all(self.pool()).await?;
        rows.iter().map(round_from_row).collect()
    }

    pub async fn round(&self, org_id: i64, id: i64) -> StoreResult<Round> {
        let row = sqlx::query(self.q("SELECT * FROM lottery_rounds WHERE org_id = ? AND id = ?")).bind(org_id).bind(id).fetch_optional(self.pool()).await?;
        row.as_ref().map(round_from_row).transpose()?.ok_or(StoreError::NotFound)
    }

    /// The published inputs of a round, in the documented JSON shape (docs/lottery.md).
    pub async fn published_inputs(&self, org_id: i64, round_id: i64) -> StoreResult<PublishedInputs> {
        let round = self.round(org_id, round_id).await?;
        let strata_rows = sqlx::query(self.q("SELECT name, capacity, comparison_size FROM lottery_strata WHERE round_id = ? ORDER BY name"))
            .bind(round_id)
            .fetch_all(self.pool())
            .await?;
        let entries = sqlx::query(self.q("SELECT public_token, stratum FROM lottery_entries WHERE round_id = ? ORDER BY public_token"))
            .bind(round_id)
            .fetch_all(self.pool())
            .await?;
        let mut strata = Vec::with_capacity(strata_rows.len());
        for r in &strata_rows {
            let name: String = r.try_get("name")?;
            let candidates = entries
                .iter()
                .filter(|e| e.try_get::<String, _>("stratum").ok().as_deref() == Some(name.as_str()))
                .map(|e| e.try_get("public_token"))
                .collect::<Result<Vec<String>, _>>()?;
            strata.push(PublishedStratum {
                name,
                capacity: r.try_get::<i64, _>("capacity")? as usize,
                comparison_size: r.try_get::<i64, _>("comparison_size")? as usize,
                candidates,
            });
        }
        Ok(PublishedInputs { format: FORMAT.to_owned(), round_id, seed: round.seed, public_value: round.public_value, strata })
    }

    /// Draw a published round, once. The results are written in the same transaction that marks
    /// the round drawn; a second draw is refused (and the results table refuses changes).
    pub async fn draw_round(&self, actor: Actor, round_id: i64) -> StoreResult<DrawOutcome> {
        let inputs = self.published_inputs(actor.org_id, round_id).await?;
        let outcome = draw(&inputs);
        let tokens: std::collections::HashMap<String, i64> = sqlx::query(self.q("SELECT candidate_id, public_token FROM lottery_entries WHERE round_id = ?"))
            .bind(round_id)
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(|r| Ok((r.try_get("public_token")?, r.try_get("candidate_id")?)))
            .collect::<Result<_, sqlx::Error>>()?;
        let mut w = self.begin_write().await?;
        let marked = sqlx::query(
            self.q("UPDATE lottery_rounds SET status = ?, drawn_by = ?, drawn_at = ?, version = version + 1 WHERE org_id = ? AND id = ? AND status = ?"),
        )
        .bind(STATUS_DRAWN)
        .bind(actor.user_id)
        .bind(now())
        .bind(actor.org_id)
        .bind(round_id)
        .bind(STATUS_PUBLISHED)
        .execute(&mut *w.tx)
        .await?
        .rows_affected();
        if marked != 1 {
            return Err(StoreError::Refused("lottery-error-already-drawn"));
        }
        for chunk in outcome.assignments.chunks(BATCH) {
            let sql = format!(
                "INSERT INTO lottery_results (org_id, round_id, candidate_id, public_token, stratum, draw_key, rank, assignment) VALUES {}",
                placeholders(chunk.len(), 8)
            );
            let sql = crate::render_sql(self.dialect(), &sql);
            let mut q = sqlx::query(&sql);
            for a in chunk {
                q = q
                    .bind(actor.org_id)
                    .bind(round_id)
                    .bind(tokens[&a.token])
                    .bind(a.token.clone())
                    .bind(a.stratum.clone())
                    .bind(a.draw_key.clone())
                    .bind(a.rank as i64)
                    .bind(a.group.as_str());
            }
            q.execute(&mut *w.tx).await?;
        }
        let digest = hex::encode(Sha256::digest(serde_json::to_string(&outcome.assignments).map_err(anyhow::Error::from)?.as_bytes()));
        let count = |g: Group| outcome.assignments.iter().filter(|a| a.group == g).count();
        append(
            self,
            &mut w.tx,
            actor,
            "draw",
            "lottery_round",
            Some(round_id),
            serde_json::json!({
                "selected": count(Group::Selected), "comparison": count(Group::Comparison), "waitlist": count(Group::Waitlist),
                "everyone_selected": outcome.everyone_selected, "results_sha256": digest,
            }),
        )
        .await?;
        w.commit().await?;
        Ok(outcome)
    }

    /// Turn each selected candidate of a drawn round into a client with an open case in the
    /// program at their site. Idempotent: candidates already enrolled are skipped, so an
    /// interrupted run can simply be repeated. Returns how many were enrolled now.
    pub async fn enroll_selected(&self, actor: Actor, round_id: i64) -> StoreResult<usize> {
        let round = self.round(actor.org_id, round_id).await?;
        if !round.is_drawn() {
            return Err(StoreError::Refused("lottery-error-not-drawn"));
        }
        let pending: Vec<i64> = sqlx::query(self.q(
            "SELECT r.candidate_id FROM lottery_results r WHERE r.round_id = ? AND r.assignment = 'selected' \
             AND NOT EXISTS (SELECT 1 FROM lottery_enrollments e WHERE e.round_id = r.round_id AND e.candidate_id = r.candidate_id) ORDER BY r.stratum, r.rank",
        ))
        .bind(round_id)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(|r| r.try_get("candidate_id"))
        .collect::<Result<_, _>>()?;
        for candidate_id in &pending {
            let c = self.candidate(actor.org_id, *candidate_id).await?;
            let input = ClientInput {
                given_names: c.given_names.clone(),
                family_names: c.family_names.clone().unwrap_or_default(),
                languages: c.language.clone(),
                ..Default::default()
            };
            let draft = ClientDraft::parse(&input, crate::today()).map_err(StoreError::Invalid)?;
            let client_id = self.create_client(actor, &draft, &[]).await?;
            let case_id = self.open_case(actor, client_id, round.program_id, c.site_id, None, false).await?;
            let mut w = self.begin_write().await?;
            sqlx::query(self.q("INSERT INTO lottery_enrollments (round_id, candidate_id, client_id, case_id, enrolled_at) VALUES (?, ?, ?, ?, ?)"))
                .bind(round_id)
                .bind(candidate_id)
                .bind(client_id)
                .bind(case_id)
                .bind(now())
                .execute(&mut *w.tx)
                .await?;
            sqlx::query(self.q("UPDATE intake_candidates SET client_id = ?, version = version + 1 WHERE id = ?"))
                .bind(client_id)
                .bind(candidate_id)
                .execute(&mut *w.tx)
                .await?;
            append(
                self,
                &mut w.tx,
                actor,
                "enroll",
                "intake_candidate",
                Some(*candidate_id),
                serde_json::json!({"round_id": round_id, "client_id": client_id, "case_id": case_id}),
            )
            .await?;
            w.commit().await?;
        }
        Ok(pending.len())
    }

    /// Results of a drawn round in draw order (stratum, rank), with enrollments.
    pub async fn round_results(&self, org_id: i64, round_id: i64) -> StoreResult<Vec<ResultRow>> {
        let rows = sqlx::query(self.q(
            "SELECT r.*, e.client_id, e.case_id FROM lottery_results r LEFT JOIN lottery_enrollments e ON e.round_id = r.round_id AND e.candidate_id = r.candidate_id \
             WHERE r.org_id = ? AND r.round_id = ? ORDER BY r.stratum, r.rank",
        ))
        .bind(org_id)
        .bind(round_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let group: String = r.try_get("assignment")?;
                Ok(ResultRow {
                    candidate_id: r.try_get("candidate_id")?,
                    public_token: r.try_get("public_token")?,
                    stratum: r.try_get("stratum")?,
                    rank: r.try_get("rank")?,
                    group: Group::parse(&group).ok_or_else(|| anyhow::anyhow!("unknown assignment {group}"))?,
                    draw_key: r.try_get("draw_key")?,
                    client_id: r.try_get("client_id")?,
                    case_id: r.try_get("case_id")?,
                })
            })
            .collect()
    }

    /// Re-run the draw from the published inputs and compare with the stored results.
    pub async fn verify_round(&self, org_id: i64, round_id: i64) -> StoreResult<RoundVerification> {
        let inputs = self.published_inputs(org_id, round_id).await?;
        let mut mismatches = Vec::new();
        if let Err(e) = inputs.check() {
            mismatches.push(e);
        }
        let expected = draw(&inputs).assignments;
        let stored = self.round_results(org_id, round_id).await?;
        if stored.len() != expected.len() {
            mismatches.push(format!("{} results stored, {} expected", stored.len(), expected.len()));
        }
        let mut expected_sorted = expected.clone();
        expected_sorted.sort_by(|a, b| (&a.stratum, a.rank).cmp(&(&b.stratum, b.rank)));
        for (e, s) in expected_sorted.iter().zip(&stored) {
            if e.token != s.public_token || e.group != s.group || e.rank as i64 != s.rank || e.draw_key != s.draw_key {
                mismatches.push(format!(
                    "{} rank {}: expected {} ({}), stored {} ({})",
                    e.stratum,
                    e.rank,
                    e.token,
                    e.group.as_str(),
                    s.public_token,
                    s.group.as_str()
                ));
            }
        }
        Ok(RoundVerification { round_id, checked: stored.len(), mismatches })
    }

    /// The JSON document anyone can check a round with: published inputs plus the stored
    /// results (`tools/lottery_verify.py` reads it).
    pub async fn export_round(&self, org_id: i64, round_id: i64) -> StoreResult<serde_json::Value> {
        let inputs = self.published_inputs(org_id, round_id).await?;
        let results: Vec<serde_json::Value> = self
            .round_results(org_id, round_id)
            .await?
            .into_iter()
            .map(|r| serde_json::json!({"token": r.public_token, "stratum": r.stratum, "rank": r.rank, "group": r.group.as_str(), "draw_key": r.draw_key}))
            .collect();
        let mut doc = serde_json::to_value(&inputs).map_err(anyhow::Error::from)?;
        doc["results"] = serde_json::Value::Array(results);
        Ok(doc)
    }

    /// Record (or correct) the follow-up outcomes of a participant of a drawn round.
    pub async fn record_followup(&self, actor: Actor, round_id: i64, candidate_id: i64, f: &FollowUp) -> StoreResult<()> {
        let in_round = sqlx::query(self.q("SELECT assignment FROM lottery_results WHERE org_id = ? AND round_id = ? AND candidate_id = ?"))
            .bind(actor.org_id)
            .bind(round_id)
            .bind(candidate_id)
            .fetch_optional(self.pool())
            .await?
            .ok_or(StoreError::NotFound)?;
        let group: String = in_round.try_get("assignment")?;
        if group == Group::Waitlist.as_str() {
            return Err(StoreError::Refused("lottery-error-followup-waitlist"));
        }
        if f.hearings_attended > f.hearings_scheduled || [f.hearings_scheduled, f.hearings_attended, f.services_received].iter().any(|v| *v < 0) {
            return Err(StoreError::Refused("lottery-error-followup-counts"));
        }
        let mut w = self.begin_write().await?;
        let at = now();
        let updated =
            sqlx::query(self.q(
                "UPDATE lottery_followups SET hearings_scheduled = ?, hearings_attended = ?, services_received = ?, assessment_pre = ?, assessment_post = ?, \
             recorded_by = ?, recorded_at = ?, version = version + 1 WHERE round_id = ? AND candidate_id = ?",
            ))
            .bind(f.hearings_scheduled)
            .bind(f.hearings_attended)
            .bind(f.services_received)
            .bind(f.assessment_pre)
            .bind(f.assessment_post)
            .bind(actor.user_id)
            .bind(&at)
            .bind(round_id)
            .bind(candidate_id)
            .execute(&mut *w.tx)
            .await?
            .rows_affected();
        if updated == 0 {
            sqlx::query(self.q(
                "INSERT INTO lottery_followups (org_id, round_id, candidate_id, hearings_scheduled, hearings_attended, services_received, assessment_pre, assessment_post, recorded_by, recorded_at) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ))
            .bind(actor.org_id)
            .bind(round_id)
            .bind(candidate_id)
            .bind(f.hearings_scheduled)
            .bind(f.hearings_attended)
            .bind(f.services_received)
            .bind(f.assessment_pre)
            .bind(f.assessment_post)
            .bind(actor.user_id)
            .bind(&at)
            .execute(&mut *w.tx)
            .await?;
        }
        append(self, &mut w.tx, actor, "followup", "lottery_participant", Some(candidate_id), serde_json::json!({"round_id": round_id, "outcome": f})).await?;
        w.commit().await?;
        Ok(())
    }

    /// Recorded follow-ups of a round: (candidate id, outcome).
    pub async fn followups(&self, org_id: i64, round_id: i64) -> StoreResult<Vec<(i64, FollowUp)>> {
        let rows = sqlx::query(self.q("SELECT * FROM lottery_followups WHERE org_id = ? AND round_id = ? ORDER BY candidate_id"))
            .bind(org_id)
            .bind(round_id)
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get("candidate_id")?,
                    FollowUp {
                        hearings_scheduled: r.try_get("hearings_scheduled")?,
                        hearings_attended: r.try_get("hearings_attended")?,
                        services_received: r.try_get("services_received")?,
                        assessment_pre: r.try_get("assessment_pre")?,
                        assessment_post: r.try_get("assessment_post")?,
                    },
                ))
            })
            .collect()
    }

    /// The de-identified rows the evaluation report is computed from: every selected
    /// (assigned-to-treatment, whatever happened next: intention to treat) and comparison
    /// participant of a drawn round, with baseline covariates and follow-up outcomes.
    ///
    /// Outcomes come from `lottery_followups` for now. The lead will extend this one function to
    /// read hearings (issue 7) and the service log (issue 6) when those land; the report and
    /// its tests only depend on this shape.
    pub async fn evaluation_rows(&self, org_id: i64, round_id: i64) -> StoreResult<Vec<EvaluationRow>> {
        let round = self.round(org_id, round_id).await?;
        if !round.is_drawn() {
            return Err(StoreError::Refused("lottery-error-not-drawn"));
        }
        let rows = sqlx::query(self.q("SELECT r.public_token, r.stratum, r.assignment, c.screening, c.family_unit, c.household_size, c.language, \
             f.candidate_id AS followed, f.hearings_scheduled, f.hearings_attended, f.services_received, f.assessment_pre, f.assessment_post \
             FROM lottery_results r JOIN intake_candidates c ON c.id = r.candidate_id \
             LEFT JOIN lottery_followups f ON f.round_id = r.round_id AND f.candidate_id = r.candidate_id \
             WHERE r.org_id = ? AND r.round_id = ? AND r.assignment IN ('selected', 'comparison') ORDER BY r.draw_key"))
        .bind(org_id)
        .bind(round_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let screening: sendero_domain::eligibility::Screening =
                    serde_json::from_str(&r.try_get::<String, _>("screening")?).map_err(anyhow::Error::from)?;
                let followed = r.try_get::<Option<i64>, _>("followed")?.is_some();
                let language: String = r.try_get("language")?;
                // The public token is already opaque; hashing it with the round keeps
                // evaluation ids from being joined back to the published list.
                let token: String = r.try_get("public_token")?;
                let participant = hex::encode(&Sha256::digest(format!("evaluation:{round_id}:{token}").as_bytes())[..6]);
                Ok(EvaluationRow {
                    participant,
                    treatment: r.try_get::<String, _>("assignment")? == Group::Selected.as_str(),
                    stratum: r.try_get("stratum")?,
                    family_unit: r.try_get::<i64, _>("family_unit")? != 0,
                    household_size: r.try_get("household_size")?,
                    days_in_us: screening.get("days_in_us"),
                    spanish_speaker: language.to_lowercase().starts_with("es") || language.to_lowercase().starts_with("spanish"),
                    followed_up: followed,
                    outcome: FollowUp {
                        hearings_scheduled: r.try_get::<Option<i64>, _>("hearings_scheduled")?.unwrap_or(0),
                        hearings_attended: r.try_get::<Option<i64>, _>("hearings_attended")?.unwrap_or(0),
                        services_received: r.try_get::<Option<i64>, _>("services_received")?.unwrap_or(0),
                        assessment_pre: r.try_get("assessment_pre")?,
                        assessment_post: r.try_get("assessment_post")?,
                    },
                })
            })
            .collect()
    }

    pub async fn set_enrollment_goal(&self, actor: Actor, program_id: i64, site_id: i64, goal: i64) -> StoreResult<()> {
        self.program(actor.org_id, program_id).await?;
        if !self.owns(actor.org_id, crate::orgs::Entity::Site, site_id).await? {
            return Err(StoreError::NotFound);
        }
        let mut w = self.begin_write().await?;
        sqlx::query(self.q("DELETE FROM enrollment_goals WHERE program_id = ? AND site_id = ?")).bind(program_id).bind(site_id).execute(&mut *w.tx).await?;
        sqlx::query(self.q("INSERT INTO enrollment_goals (org_id, program_id, site_id, goal) VALUES (?, ?, ?, ?)"))
            .bind(actor.org_id)
            .bind(program_id)
            .bind(site_id)
            .bind(goal)
            .execute(&mut *w.tx)
            .await?;
        append(self, &mut w.tx, actor, "update", "enrollment_goal", Some(program_id), serde_json::json!({"site_id": site_id, "goal": goal})).await?;
        w.commit().await?;
        Ok(())
    }

    /// Enrolled (cases ever opened in the program) against the goal, per site.
    pub async fn enrollment_progress(&self, org_id: i64, program_id: i64) -> StoreResult<Vec<SiteProgress>> {
        let rows = sqlx::query(self.q("SELECT s.id AS site_id, s.name AS site_name, g.goal AS goal, \
             (SELECT COUNT(*) FROM cases c WHERE c.org_id = s.org_id AND c.program_id = ? AND c.site_id = s.id) AS enrolled \
             FROM sites s LEFT JOIN enrollment_goals g ON g.site_id = s.id AND g.program_id = ? WHERE s.org_id = ? ORDER BY s.name"))
        .bind(program_id)
        .bind(program_id)
        .bind(org_id)
        .fetch_all(self.pool())
        .await?;
        let mut out: Vec<SiteProgress> = rows
            .iter()
            .map(|r| {
                Ok(SiteProgress {
                    site_id: r.try_get("site_id")?,
                    site_name: r.try_get("site_name")?,
                    goal: r.try_get("goal")?,
                    enrolled: r.try_get("enrolled")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()?;
        let without_site: i64 = sqlx::query(self.q("SELECT COUNT(*) AS n FROM cases WHERE org_id = ? AND program_id = ? AND site_id IS NULL"))
            .bind(org_id)
            .bind(program_id)
            .fetch_one(self.pool())
            .await?
            .try_get("n")?;
        if without_site > 0 {
            out.push(SiteProgress { site_id: None, site_name: None, goal: None, enrolled: without_site });
        }
        Ok(out)
    }
}
