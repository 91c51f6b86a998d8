//! Assessment instruments (versioned definitions) and the assessments taken with them.

use std::collections::HashMap;

use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::audit::append;
use crate::{now, Actor, Store, StoreError, StoreResult};
use sendero_domain::instrument::{builtin, Instrument, Scores, Timing};

/// A stored instrument version.
#[derive(Debug, Clone)]
pub struct StoredInstrument {
    pub id: i64,
    pub org_id: Option<i64>,
    pub definition: Instrument,
}

#[derive(Debug, Clone, Serialize)]
pub struct Assessment {
    pub id: i64,
    pub case_id: i64,
    pub client_id: i64,
    pub instrument_id: i64,
    pub instrument_key: String,
    pub instrument_version: i64,
    pub timing: String,
    pub complete: bool,
    pub language: String,
    pub answers: HashMap<String, i64>,
    pub scores: Scores,
    pub total: Option<f64>,
    pub flagged: bool,
    pub taken_on: String,
    pub version: i64,
}

/// What a case manager submits.
pub struct AssessmentInput<'a> {
    pub case_id: i64,
    pub client_id: i64,
    pub instrument_id: i64,
    pub timing: Timing,
    pub language: &'a str,
    pub answers: HashMap<String, i64>,
    pub taken_on: chrono::NaiveDate,
    pub complete: bool,
}

/// One completed assessment with its case, for outcome reports (no identifying fields).
#[derive(Debug, Clone)]
pub struct OutcomeRecord {
    pub case_id: i64,
    pub timing: Timing,
    pub taken_on: String,
    pub instrument_version: i64,
    pub scores: Scores,
    pub opened_at: String,
    pub closed_at: Option<String>,
    pub closure_reason: Option<String>,
    pub site_id: Option<i64>,
}

fn instrument_from_row(r: &AnyRow) -> StoreResult<StoredInstrument> {
    let text: String = r.try_get("definition")?;
    let definition = Instrument::parse(&text).map_err(|e| StoreError::Other(anyhow::anyhow!("stored instrument is invalid: {e}")))?;
    Ok(StoredInstrument { id: r.try_get("id")?, org_id: r.try_get("org_id")?, definition })
}

fn assessment_from_row(r: &AnyRow) -> StoreResult<Assessment> {
    let answers: String = r.try_get("answers")?;
    // The total lives in the scores document only: sqlx's Any driver mis-types NULL doubles
    // on PostgreSQL (binds them as float4), so no nullable float is ever bound.
    let scores: Scores = serde_json::from_str(&r.try_get::<String, _>("scores")?).map_err(anyhow::Error::from)?;
    let status: String = r.try_get("status")?;
    Ok(Assessment {
        id: r.try_get("id")?,
        case_id: r.try_get("case_id")?,
        client_id: r.try_get("client_id")?,
        instrument_id: r.try_get("instrument_id")?,
        instrument_key: r.try_get("instrument_key")?,
        instrument_version: r.try_get("instrument_version")?,
        timing: r.try_get("timing")?,
        complete: status == "complete",
        language: r.try_get("language")?,
        answers: serde_json::from_str(&answers).map_err(anyhow::Error::from)?,
        total: scores.total,
        scores,
        flagged: r.try_get::<i64, _>("flagged")? != 0,
        taken_on: r.try_get("taken_on")?,
        version: r.try_get("version")?,
    })
}

const ASSESSMENT_SELECT: &str =
    "SELECT a.*, i.key AS instrument_key, i.version AS instrument_version FROM assessments a JOIN instruments i ON i.id = a.instrument_id";

impl Store {
    /// Make sure the built-in instruments exist (idempotent; run at start-up).
    pub async fn install_builtin_instruments(&self) -> StoreResult<()> {
        for definition in builtin() {
            let exists = sqlx::query(self.q("SELECT 1 AS one FROM instruments WHERE org_id IS NULL AND key = ? AND version = ?"))
                .bind(&definition.key)
                .bind(definition.version)
                .fetch_optional(self.pool())
                .await?;
            if exists.is_none() {
                sqlx::query(self.q("INSERT INTO instruments (org_id, key, version, definition, created_at) VALUES (NULL, ?, ?, ?, ?)"))
                    .bind(&definition.key)
                    .bind(definition.version)
                    .bind(serde_json::to_string(&definition).map_err(anyhow::Error::from)?)
                    .bind(now())
                    .execute(self.pool())
                    .await?;
            }
        }
        Ok(())
    }

    /// The newest version of every instrument the organization can use (its own and built-ins).
    pub async fn instruments(&self, org_id: i64) -> StoreResult<Vec<StoredInstrument>> {
        let rows = sqlx::query(self.q("SELECT i.* FROM instruments i WHERE (i.org_id IS NULL OR i.org_id = ?) AND i.version = \
             (SELECT MAX(j.version) FROM instruments j WHERE j.key = i.key AND (j.org_id IS NULL OR j.org_id = ?)) ORDER BY i.key"))
        .bind(org_id)
        .bind(org_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(instrument_from_row).collect()
    }

    pub async fn instrument(&self, org_id: i64, id: i64) -> StoreResult<StoredInstrument> {
        let row = sqlx::query(self.q("SELECT * FROM instruments WHERE id = ? AND (org_id IS NULL OR org_id = ?)"))
            .bind(id)
            .bind(org_id)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(instrument_from_row).transpose()?.ok_or(StoreError::NotFound)
    }

    /// Store a new version of an instrument. Its version must be above every existing version
    /// of the same key visible to the organization: past results keep their own version.
    pub async fn save_instrument(&self, actor: Actor, definition: &Instrument) -> StoreResult<i64> {
        let mut w = self.begin_write().await?;
        let newest: Option<i64> = sqlx::query(self.q("SELECT MAX(version) AS v FROM instruments WHERE key = ? AND (org_id IS NULL OR org_id = ?)"))
            .bind(&definition.key)
            .bind(actor.org_id)
            .fetch_one(&mut *w.tx)
            .await?
            .try_get("v")?;
        if newest.is_some_and(|v| definition.version <= v) {
            return Err(StoreError::Refused("instrument-error-version-exists"));
        }
        let id: i64 =
            sqlx::query(self.q("INSERT INTO instruments (org_id, key, version, definition, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"))
                .bind(actor.org_id)
                .bind(&definition.key)
                .bind(definition.version)
                .bind(serde_json::to_string(definition).map_err(anyhow::Error::from)?)
                .bind(now())
                .bind(actor.user_id)
                .fetch_one(&mut *w.tx)
                .await?
                .try_get("id")?;
        append(self, &mut w.tx, actor, "create", "instrument", Some(id), serde_json::json!({"key": definition.key, "version": definition.version})).await?;
        w.commit().await?;
        Ok(id)
    }

    /// Save an assessment (new when `existing` is `None`, else an edit of that draft guarded by
    /// its version). Completing requires every required item; drafts may be partial.
    pub async fn save_assessment(&self, actor: Actor, input: &AssessmentInput<'_>, existing: Option<(i64, i64)>) -> StoreResult<i64> {
        let instrument = self.instrument(actor.org_id, input.instrument_id).await?.definition;
        let case = self.case(actor.org_id, input.case_id).await?;
        let respondent = self.client(actor.org_id, input.client_id).await?;
        if respondent.id != case.client_id
            && (respondent.household_id.is_none() || respondent.household_id != self.client(actor.org_id, case.client_id).await?.household_id)
        {
            return Err(StoreError::Refused("assessment-error-respondent"));
        }
        instrument.check_answers(&input.answers).map_err(|e| StoreError::Refused(e.code))?;
        if input.complete && !instrument.missing_required(&input.answers).is_empty() {
            return Err(StoreError::Refused("assessment-error-incomplete"));
        }
        let scores = instrument.score(&input.answers);
        let answers_json = serde_json::to_string(&input.answers).map_err(anyhow::Error::from)?;
        let scores_json = serde_json::to_string(&scores).map_err(anyhow::Error::from)?;
        let status = if input.complete { "complete" } else { "draft" };
        let at = now();
        let mut w = self.begin_write().await?;
        let id = match existing {
            None => sqlx::query(self.q(
                "INSERT INTO assessments (org_id, case_id, client_id, instrument_id, timing, status, language, answers, scores, flagged, taken_on, created_by, created_at, updated_at) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            ))
            .bind(actor.org_id)
            .bind(input.case_id)
            .bind(input.client_id)
            .bind(input.instrument_id)
            .bind(input.timing.as_str())
            .bind(status)
            .bind(input.language)
            .bind(&answers_json)
            .bind(&scores_json)
            .bind(scores.flagged as i64)
            .bind(input.taken_on.to_string())
            .bind(actor.user_id)
            .bind(&at)
            .bind(&at)
            .fetch_one(&mut *w.tx)
            .await?
            .try_get("id")?,
            Some((id, version)) => {
                let done = sqlx::query(self.q(
                    "UPDATE assessments SET timing = ?, status = ?, language = ?, answers = ?, scores = ?, flagged = ?, taken_on = ?, updated_at = ?, version = version + 1 \
                     WHERE id = ? AND org_id = ? AND case_id = ? AND version = ? AND status = 'draft'",
                ))
                .bind(input.timing.as_str())
                .bind(status)
                .bind(input.language)
                .bind(&answers_json)
                .bind(&scores_json)
                .bind(scores.flagged as i64)
                .bind(input.taken_on.to_string())
                .bind(&at)
                .bind(id)
                .bind(actor.org_id)
                .bind(input.case_id)
                .bind(version)
                .execute(&mut *w.tx)
                .await?;
                if done.rows_affected() == 0 {
                    return Err(StoreError::Conflict { current_version: version + 1, changed: vec!["answers".into()] });
                }
                id
            }
        };
        append(
            self,
            &mut w.tx,
            actor,
            if existing.is_some() { "update" } else { "create" },
            "assessment",
            Some(id),
            serde_json::json!({"case_id": input.case_id, "status": status, "flagged": scores.flagged}),
        )
        .await?;
        w.commit().await?;
        Ok(id)
    }

    pub async fn assessment(&self, org_id: i64, case_id: i64, id: i64) -> StoreResult<Assessment> {
        let sql = crate::sql::render_dynamic(self.dialect(), &format!("{ASSESSMENT_SELECT} WHERE a.id = ? AND a.org_id = ? AND a.case_id = ?"));
        let row = sqlx::query(&sql).bind(id).bind(org_id).bind(case_id).fetch_optional(self.pool()).await?;
        row.as_ref().map(assessment_from_row).transpose()?.ok_or(StoreError::NotFound)
    }

    pub async fn case_assessments(&self, org_id: i64, case_id: i64) -> StoreResult<Vec<Assessment>> {
        let sql = crate::sql::render_dynamic(self.dialect(), &format!("{ASSESSMENT_SELECT} WHERE a.org_id = ? AND a.case_id = ? ORDER BY a.taken_on, a.id"));
        let rows = sqlx::query(&sql).bind(org_id).bind(case_id).fetch_all(self.pool()).await?;
        rows.iter().map(assessment_from_row).collect()
    }

    /// Completed assessments with one instrument key in one program (optionally one site), with
    /// the case facts an outcome report needs. Nothing that identifies a person is returned.
    pub async fn outcome_records(&self, org_id: i64, program_id: i64, site_id: Option<i64>, instrument_key: &str) -> StoreResult<Vec<OutcomeRecord>> {
        let mut sql = String::from(
            "SELECT a.case_id, a.timing, a.taken_on, a.scores, i.version AS instrument_version, k.opened_at, k.closed_at, k.closure_reason, k.site_id \
             FROM assessments a JOIN instruments i ON i.id = a.instrument_id JOIN cases k ON k.id = a.case_id \
             WHERE a.org_id = ? AND k.program_id = ? AND i.key = ? AND a.status = 'complete'",
        );
        if site_id.is_some() {
            sql.push_str(" AND k.site_id = ?");
        }
        sql.push_str(" ORDER BY a.case_id, a.taken_on, a.id");
        let sql = crate::sql::render_dynamic(self.dialect(), &sql);
        let mut q = sqlx::query(&sql).bind(org_id).bind(program_id).bind(instrument_key);
        if let Some(s) = site_id {
            q = q.bind(s);
        }
        let rows = q.fetch_all(self.pool()).await?;
        rows.iter()
            .map(|r| {
                let scores: String = r.try_get("scores")?;
                let timing: String = r.try_get("timing")?;
                Ok(OutcomeRecord {
                    case_id: r.try_get("case_id")?,
                    timing: Timing::parse(&timing).ok_or_else(|| anyhow::anyhow!("unknown timing {timing}"))?,
                    taken_on: r.try_get("taken_on")?,
                    instrument_version: r.try_get("instrument_version")?,
                    scores: serde_json::from_str(&scores).map_err(anyhow::Error::from)?,
                    opened_at: r.try_get("opened_at")?,
                    closed_at: r.try_get("closed_at")?,
                    closure_reason: r.try_get("closure_reason")?,
                    site_id: r.try_get("site_id")?,
                })
            })
            .collect()
    }
}
