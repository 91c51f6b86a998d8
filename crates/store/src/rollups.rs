//! Service rollups: services, distinct clients, minutes and cost by program × month ×
//! category, maintained in the transaction that logs each service and rebuildable from the
//! service log. Reports over years of services read these few rows.

use serde::Serialize;
use sqlx::{Any, Row, Transaction};

use crate::{Store, StoreResult};

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RollupRow {
    pub program_id: i64,
    pub month: String,
    pub category: String,
    pub services: i64,
    pub clients: i64,
    pub minutes: i64,
    pub cost_cents: i64,
}

/// One logged service, as the rollup sees it.
pub struct RolledService<'a> {
    pub org_id: i64,
    pub program_id: i64,
    pub client_id: i64,
    pub category: &'a str,
    pub provided_on: chrono::NaiveDate,
    pub minutes: i64,
    pub cost_cents: i64,
}

impl Store {
    /// Count one service into its cell, inside the caller's transaction.
    pub(crate) async fn rollup_add_tx(&self, tx: &mut Transaction<'static, Any>, s: &RolledService<'_>) -> StoreResult<()> {
        let month = s.provided_on.format("%Y-%m").to_string();
        let seen: i64 =
            sqlx::query(self.q("INSERT INTO service_rollup_clients (org_id, program_id, month, category, client_id, services) VALUES (?, ?, ?, ?, ?, 1) \
             ON CONFLICT (org_id, program_id, month, category, client_id) DO UPDATE SET services = service_rollup_clients.services + 1 RETURNING services"))
            .bind(s.org_id)
            .bind(s.program_id)
            .bind(&month)
            .bind(s.category)
            .bind(s.client_id)
            .fetch_one(&mut **tx)
            .await?
            .try_get("services")?;
        let new_client = i64::from(seen == 1);
        sqlx::query(self.q(
            "INSERT INTO service_rollups (org_id, program_id, month, category, services, clients, minutes, cost_cents) VALUES (?, ?, ?, ?, 1, ?, ?, ?) \
             ON CONFLICT (org_id, program_id, month, category) DO UPDATE SET services = service_rollups.services + 1, \
             clients = service_rollups.clients + excluded.clients, minutes = service_rollups.minutes + excluded.minutes, \
             cost_cents = service_rollups.cost_cents + excluded.cost_cents",
        ))
        .bind(s.org_id)
        .bind(s.program_id)
        .bind(&month)
        .bind(s.category)
        .bind(new_client)
        .bind(s.minutes)
        .bind(s.cost_cents)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Rebuild every rollup of one organization (or all) from the service log, in one transaction.
    pub async fn rebuild_rollups(&self, org_id: Option<i64>) -> StoreResult<u64> {
        let mut w = self.begin_write().await?;
        for table in ["service_rollup_clients", "service_rollups"] {
            let sql = crate::render_sql(self.dialect(), &format!("DELETE FROM {table} WHERE (? IS NULL OR org_id = ?)"));
            sqlx::query(&sql).bind(org_id).bind(org_id).execute(&mut *w.tx).await?;
        }
        // substr(provided_on, 1, 7) is the month on both databases (dates are stored as text).
        sqlx::query(self.q("INSERT INTO service_rollup_clients (org_id, program_id, month, category, client_id, services) \
             SELECT org_id, program_id, substr(provided_on, 1, 7), category, client_id, COUNT(*) FROM service_log \
             WHERE (? IS NULL OR org_id = ?) GROUP BY org_id, program_id, substr(provided_on, 1, 7), category, client_id"))
        .bind(org_id)
        .bind(org_id)
        .execute(&mut *w.tx)
        .await?;
        let done = sqlx::query(self.q(
            "INSERT INTO service_rollups (org_id, program_id, month, category, services, clients, minutes, cost_cents) \
             SELECT org_id, program_id, substr(provided_on, 1, 7), category, COUNT(*), COUNT(DISTINCT client_id), SUM(minutes), SUM(cost_cents) FROM service_log \
             WHERE (? IS NULL OR org_id = ?) GROUP BY org_id, program_id, substr(provided_on, 1, 7), category",
        ))
        .bind(org_id)
        .bind(org_id)
        .execute(&mut *w.tx)
        .await?
        .rows_affected();
        w.commit().await?;
        Ok(done)
    }

    /// Rollup rows of one organization for months `from..=to` (`YYYY-MM`), optionally one program.
    pub async fn service_rollups(&self, org_id: i64, program: Option<i64>, from: &str, to: &str) -> StoreResult<Vec<RollupRow>> {
        let rows = sqlx::query(self.q("SELECT program_id, month, category, services, clients, minutes, cost_cents FROM service_rollups \
             WHERE org_id = ? AND (? IS NULL OR program_id = ?) AND month >= ? AND month <= ? ORDER BY program_id, month, category"))
        .bind(org_id)
        .bind(program)
        .bind(program)
        .bind(from)
        .bind(to)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(RollupRow {
                    program_id: r.try_get("program_id")?,
                    month: r.try_get("month")?,
                    category: r.try_get("category")?,
                    services: r.try_get("services")?,
                    clients: r.try_get("clients")?,
                    minutes: r.try_get("minutes")?,
                    cost_cents: r.try_get("cost_cents")?,
                })
            })
            .collect()
    }

    /// The same figures computed straight from the service log (for tests and benchmarks).
    pub async fn service_totals_direct(&self, org_id: i64, program: Option<i64>, from: &str, to: &str) -> StoreResult<Vec<RollupRow>> {
        let rows = sqlx::query(self.q(
            "SELECT program_id, substr(provided_on, 1, 7) AS month, category, COUNT(*) AS services, COUNT(DISTINCT client_id) AS clients, \
             CAST(SUM(minutes) AS BIGINT) AS minutes, CAST(SUM(cost_cents) AS BIGINT) AS cost_cents FROM service_log \
             WHERE org_id = ? AND (? IS NULL OR program_id = ?) AND provided_on >= ? AND provided_on < ? \
             GROUP BY program_id, substr(provided_on, 1, 7), category ORDER BY program_id, month, category",
        ))
        .bind(org_id)
        .bind(program)
        .bind(program)
        .bind(format!("{from}-01"))
        .bind(format!("{to}-32"))
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(RollupRow {
                    program_id: r.try_get("program_id")?,
                    month: r.try_get("month")?,
                    category: r.try_get("category")?,
                    services: r.try_get("services")?,
                    clients: r.try_get("clients")?,
                    minutes: r.try_get::<Option<i64>, _>("minutes")?.unwrap_or(0),
                    cost_cents: r.try_get::<Option<i64>, _>("cost_cents")?.unwrap_or(0),
                })
            })
            .collect()
    }
}
