//! Figures for the supervisor and director dashboards: where open cases are in their phases
//! and for how long, why cases closed, enrolment against goal and whether closures got their
//! closing assessment.

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::Row;

use crate::{Store, StoreResult};

/// An open case's program, phase and the day it entered that phase.
#[derive(Debug, Clone, Serialize)]
pub struct PhaseStay {
    pub program_id: i64,
    pub program_name: String,
    pub phase: String,
    pub since: NaiveDate,
}

/// Enrolment and closure figures of one program.
#[derive(Debug, Clone, Serialize)]
pub struct ProgramProgress {
    pub program_id: i64,
    pub name: String,
    pub goal: Option<i64>,
    pub enrolled: i64,
    pub open: i64,
    pub closed_since: i64,
    pub closed_with_closure_assessment: i64,
}

fn day(raw: &str) -> Option<NaiveDate> {
    raw.get(..10).and_then(|d| d.parse().ok())
}

impl Store {
    /// Every open case with the day it entered its current phase (its last phase event).
    pub async fn phase_stays(&self, org_id: i64) -> StoreResult<Vec<PhaseStay>> {
        let rows = sqlx::query(self.q("SELECT k.program_id, p.name, k.phase, MAX(e.at) AS since FROM cases k JOIN programs p ON p.id = k.program_id \
             JOIN case_events e ON e.case_id = k.id AND e.kind IN ('open', 'advance', 'step_back', 'reopen') \
             WHERE k.org_id = ? AND k.status = 'open' GROUP BY k.id, k.program_id, p.name, k.phase"))
        .bind(org_id)
        .fetch_all(self.pool())
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let since: Option<String> = r.try_get("since")?;
            if let Some(since) = since.as_deref().and_then(day) {
                out.push(PhaseStay { program_id: r.try_get("program_id")?, program_name: r.try_get("name")?, phase: r.try_get("phase")?, since });
            }
        }
        Ok(out)
    }

    /// Closures since `from` by reason, most frequent first.
    pub async fn closure_reasons(&self, org_id: i64, from: NaiveDate) -> StoreResult<Vec<(String, i64)>> {
        let rows = sqlx::query(
            self.q("SELECT COALESCE(closure_reason, 'other') AS reason, COUNT(*) AS n FROM cases WHERE org_id = ? AND status = 'closed' AND closed_at >= ? \
             GROUP BY COALESCE(closure_reason, 'other') ORDER BY n DESC, reason"),
        )
        .bind(org_id)
        .bind(from.to_string())
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(|r| Ok((r.try_get("reason")?, r.try_get("n")?))).collect()
    }

    /// Enrolment against goal and closing-assessment completion per program (closures since `from`).
    pub async fn program_progress(&self, org_id: i64, from: NaiveDate) -> StoreResult<Vec<ProgramProgress>> {
        let rows = sqlx::query(self.q("SELECT p.id, p.name, p.enrollment_goal, \
             (SELECT COUNT(*) FROM cases k WHERE k.program_id = p.id) AS enrolled, \
             (SELECT COUNT(*) FROM cases k WHERE k.program_id = p.id AND k.status = 'open') AS open_cases, \
             (SELECT COUNT(*) FROM cases k WHERE k.program_id = p.id AND k.status = 'closed' AND k.closed_at >= ?) AS closed_since, \
             (SELECT COUNT(*) FROM cases k WHERE k.program_id = p.id AND k.status = 'closed' AND k.closed_at >= ? \
                AND EXISTS (SELECT 1 FROM assessments a WHERE a.case_id = k.id AND a.timing = 'closure' AND a.status = 'complete')) AS with_closure \
             FROM programs p WHERE p.org_id = ? ORDER BY p.name"))
        .bind(from.to_string())
        .bind(from.to_string())
        .bind(org_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ProgramProgress {
                    program_id: r.try_get("id")?,
                    name: r.try_get("name")?,
                    goal: r.try_get("enrollment_goal")?,
                    enrolled: r.try_get("enrolled")?,
                    open: r.try_get("open_cases")?,
                    closed_since: r.try_get("closed_since")?,
                    closed_with_closure_assessment: r.try_get("with_closure")?,
                })
            })
            .collect()
    }
}
