//! Facts for board, funder and consortium reports. Everything returned here is de-identified:
//! no names, no birth dates, no A-numbers, no free text about a person.

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::Row;

use sendero_domain::board::{CaseFact, CostFact, ProgramInfo, DEFAULT_DETENTION_COST_CENTS};
use sendero_domain::suppression::DEFAULT_THRESHOLD;

use crate::audit::append;
use crate::{now, Actor, Store, StoreError, StoreResult};

#[derive(Debug, Clone, Copy, Serialize)]
pub struct ReportSettings {
    pub detention_cost_cents: i64,
    pub suppression_threshold: i64,
    pub version: i64,
}

impl Default for ReportSettings {
    fn default() -> Self {
        ReportSettings { detention_cost_cents: DEFAULT_DETENTION_COST_CENTS, suppression_threshold: DEFAULT_THRESHOLD as i64, version: 0 }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ProgramCost {
    pub id: i64,
    pub program_id: i64,
    pub program_name: String,
    pub starts_on: String,
    pub ends_on: String,
    pub amount_cents: i64,
    pub description: String,
}

/// One organization's open and recent activity, for consortium aggregates.
#[derive(Debug, Clone, Serialize)]
pub struct OrgActivity {
    pub org_id: i64,
    pub org_name: String,
    pub city: Option<String>,
    pub open_cases: u64,
    pub opened_in_period: u64,
    pub closed_in_period: u64,
    pub lost_contact_in_period: u64,
}

fn day(raw: &str) -> Option<NaiveDate> {
    raw.get(..10).and_then(|d| d.parse().ok())
}

impl Store {
    pub async fn report_settings(&self, org_id: i64) -> StoreResult<ReportSettings> {
        let row = sqlx::query(self.q("SELECT detention_cost_cents, suppression_threshold, version FROM report_settings WHERE org_id = ?"))
            .bind(org_id)
            .fetch_optional(self.pool())
            .await?;
        Ok(match row {
            Some(r) => ReportSettings {
                detention_cost_cents: r.try_get("detention_cost_cents")?,
                suppression_threshold: r.try_get("suppression_threshold")?,
                version: r.try_get("version")?,
            },
            None => ReportSettings::default(),
        })
    }

    /// Save settings; `version` is what the administrator saw (0 before the first save).
    pub async fn set_report_settings(&self, actor: Actor, detention_cost_cents: i64, suppression_threshold: i64, version: i64) -> StoreResult<()> {
        if !(1..=10_000_000).contains(&detention_cost_cents) {
            return Err(StoreError::Refused("report-error-detention-cost"));
        }
        if !(2..=100).contains(&suppression_threshold) {
            return Err(StoreError::Refused("report-error-threshold"));
        }
        let mut w = self.begin_write().await?;
        let done = if version == 0 {
            sqlx::query(self.q(
                "INSERT INTO report_settings (org_id, detention_cost_cents, suppression_threshold, version) VALUES (?, ?, ?, 1) ON CONFLICT (org_id) DO NOTHING",
            ))
            .bind(actor.org_id)
            .bind(detention_cost_cents)
            .bind(suppression_threshold)
            .execute(&mut *w.tx)
            .await?
        } else {
            sqlx::query(
                self.q(
                    "UPDATE report_settings SET detention_cost_cents = ?, suppression_threshold = ?, version = version + 1 WHERE org_id = ? AND version = ?",
                ),
            )
            .bind(detention_cost_cents)
            .bind(suppression_threshold)
            .bind(actor.org_id)
            .bind(version)
            .execute(&mut *w.tx)
            .await?
        };
        if done.rows_affected() == 0 {
            let current = self.report_settings(actor.org_id).await?;
            return Err(StoreError::Conflict { current_version: current.version, changed: vec!["detention_cost_cents".into()] });
        }
        let detail = serde_json::json!({"detention_cost_cents": detention_cost_cents, "suppression_threshold": suppression_threshold});
        append(self, &mut w.tx, actor, "update", "report_settings", None, detail).await?;
        w.commit().await
    }

    pub async fn add_program_cost(
        &self,
        actor: Actor,
        program_id: i64,
        starts_on: NaiveDate,
        ends_on: NaiveDate,
        amount_cents: i64,
        description: &str,
    ) -> StoreResult<i64> {
        self.program(actor.org_id, program_id).await?;
        if ends_on < starts_on {
            return Err(StoreError::Refused("report-error-cost-dates"));
        }
        if amount_cents < 0 {
            return Err(StoreError::Refused("report-error-cost-amount"));
        }
        let description = sendero_domain::text::required(description, 300).map_err(StoreError::Refused)?;
        let mut w = self.begin_write().await?;
        let id: i64 = sqlx::query(self.q(
            "INSERT INTO program_costs (org_id, program_id, starts_on, ends_on, amount_cents, description, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        ))
        .bind(actor.org_id)
        .bind(program_id)
        .bind(starts_on.to_string())
        .bind(ends_on.to_string())
        .bind(amount_cents)
        .bind(&description)
        .bind(actor.user_id)
        .bind(now())
        .fetch_one(&mut *w.tx)
        .await?
        .try_get("id")?;
        let detail = serde_json::json!({"program_id": program_id, "starts_on": starts_on, "ends_on": ends_on, "amount_cents": amount_cents});
        append(self, &mut w.tx, actor, "create", "program_cost", Some(id), detail).await?;
        w.commit().await?;
        Ok(id)
    }

    pub async fn program_costs(&self, org_id: i64) -> StoreResult<Vec<ProgramCost>> {
        let rows = sqlx::query(self.q(
            "SELECT k.id, k.program_id, p.name, k.starts_on, k.ends_on, k.amount_cents, k.description FROM program_costs k JOIN programs p ON p.id = k.program_id \
             WHERE k.org_id = ? ORDER BY k.starts_on DESC, k.id DESC",
        ))
        .bind(org_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ProgramCost {
                    id: r.try_get("id")?,
                    program_id: r.try_get("program_id")?,
                    program_name: r.try_get("name")?,
                    starts_on: r.try_get("starts_on")?,
                    ends_on: r.try_get("ends_on")?,
                    amount_cents: r.try_get("amount_cents")?,
                    description: r.try_get("description")?,
                })
            })
            .collect()
    }

    /// Programs, de-identified cases and costs of one organization, for the board report.
    pub async fn board_facts(&self, org_id: i64, program: Option<i64>) -> StoreResult<(Vec<ProgramInfo>, Vec<CaseFact>, Vec<CostFact>)> {
        let programs: Vec<ProgramInfo> = self
            .programs(org_id)
            .await?
            .into_iter()
            .filter(|p| program.is_none_or(|id| id == p.id))
            .map(|p| ProgramInfo { id: p.id, name: p.name, enrollment_goal: p.enrollment_goal })
            .collect();
        let rows = sqlx::query(
            self.q("SELECT k.program_id, s.name AS site, k.opened_at, k.closed_at, k.closure_reason FROM cases k LEFT JOIN sites s ON s.id = k.site_id \
             WHERE k.org_id = ? AND (? IS NULL OR k.program_id = ?)"),
        )
        .bind(org_id)
        .bind(program)
        .bind(program)
        .fetch_all(self.pool())
        .await?;
        let mut cases = Vec::with_capacity(rows.len());
        for r in &rows {
            let opened: String = r.try_get("opened_at")?;
            let closed: Option<String> = r.try_get("closed_at")?;
            let Some(opened_on) = day(&opened) else { continue };
            cases.push(CaseFact {
                program_id: r.try_get("program_id")?,
                site: r.try_get("site")?,
                opened_on,
                closed_on: closed.as_deref().and_then(day),
                closure_reason: r.try_get("closure_reason")?,
            });
        }
        let costs = self
            .program_costs(org_id)
            .await?
            .into_iter()
            .filter(|k| program.is_none_or(|id| id == k.program_id))
            .filter_map(|k| Some(CostFact { program_id: k.program_id, starts_on: day(&k.starts_on)?, ends_on: day(&k.ends_on)?, amount_cents: k.amount_cents }))
            .collect();
        Ok((programs, cases, costs))
    }

    /// Case activity of every organization in `org_id`'s consortium (only `org_id` itself when
    /// it has none), for de-identified consortium aggregates.
    pub async fn consortium_activity(&self, org_id: i64, from: NaiveDate, to: NaiveDate) -> StoreResult<Vec<OrgActivity>> {
        let orgs = self.organizations_for(org_id).await?;
        let (from, to_next) = (from.to_string(), (to + chrono::Days::new(1)).to_string());
        let mut out = vec![];
        for o in orgs {
            let r = sqlx::query(self.q("SELECT SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END) AS open_cases, \
                 SUM(CASE WHEN opened_at >= ? AND opened_at < ? THEN 1 ELSE 0 END) AS opened, \
                 SUM(CASE WHEN closed_at >= ? AND closed_at < ? THEN 1 ELSE 0 END) AS closed, \
                 SUM(CASE WHEN closed_at >= ? AND closed_at < ? AND closure_reason = 'lost_contact' THEN 1 ELSE 0 END) AS lost \
                 FROM cases WHERE org_id = ?"))
            .bind(&from)
            .bind(&to_next)
            .bind(&from)
            .bind(&to_next)
            .bind(&from)
            .bind(&to_next)
            .bind(o.id)
            .fetch_one(self.pool())
            .await?;
            let n = |c: &str| -> StoreResult<u64> { Ok(r.try_get::<Option<i64>, _>(c)?.unwrap_or(0).max(0) as u64) };
            out.push(OrgActivity {
                org_id: o.id,
                org_name: o.name.clone(),
                city: o.city.clone(),
                open_cases: n("open_cases")?,
                opened_in_period: n("opened")?,
                closed_in_period: n("closed")?,
                lost_contact_in_period: n("lost")?,
            });
        }
        Ok(out)
    }
}
