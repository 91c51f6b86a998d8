//! Retention: per organization, closed cases (with everything recorded under them) are purged
//! after N years, finished outbox messages after N days and entries of the read log (who read
//! which sensitive record) after N years. A plan lists what would go; an administrator approves
//! it; the purge re-checks the plan, deletes in one transaction and records the counts (never
//! content) in the audit log. The audit chain itself is never purged.

use serde_json::json;
use sqlx::Row;

use crate::audit::append;
use crate::{format_time, now, Actor, Store, StoreError, StoreResult};

/// Now, for callers without their own clock crate (the CLI).
pub fn now_utc() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

/// Rows that belong to a purged case, as (table, which rows): `{cases}` stands for the ids of the
/// cases being purged. A feature that adds a table under cases appends it here (children
/// before parents).
pub const CASE_CHILDREN: &[(&str, &str)] = &[
    ("goal_tasks", "goal_id IN (SELECT id FROM plan_goals WHERE case_id IN ({cases}))"),
    ("goal_progress", "goal_id IN (SELECT id FROM plan_goals WHERE case_id IN ({cases}))"),
    ("plan_goals", "case_id IN ({cases})"),
    ("service_plan_versions", "plan_id IN (SELECT id FROM service_plans WHERE case_id IN ({cases}))"),
    ("service_plans", "case_id IN ({cases})"),
    ("service_log", "case_id IN ({cases})"),
    ("referral_events", "referral_id IN (SELECT id FROM referrals WHERE case_id IN ({cases}))"),
    ("referrals", "case_id IN ({cases})"),
    ("notes", "case_id IN ({cases})"),
    ("assessments", "case_id IN ({cases})"),
    ("tasks", "case_id IN ({cases})"),
    ("case_events", "case_id IN ({cases})"),
    ("reminders", "event_id IN (SELECT id FROM events WHERE case_id IN ({cases}))"),
    ("events", "case_id IN ({cases})"),
    ("eligibility_windows", "case_id IN ({cases})"),
];

/// Closed cases past the cutoff (binds: organization, cutoff). Cases that enrolled someone
/// through the lottery or moved between organizations are kept: the draw and the hand-off must
/// stay verifiable.
const DOOMED_CASES: &str = "SELECT id FROM cases WHERE org_id = ? AND status = 'closed' AND closed_at < ? \
     AND id NOT IN (SELECT case_id FROM lottery_enrollments) AND id NOT IN (SELECT case_id FROM transfers) \
     AND id NOT IN (SELECT new_case_id FROM transfers WHERE new_case_id IS NOT NULL)";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct RetentionRules {
    pub closed_case_years: Option<i64>,
    pub message_days: Option<i64>,
    pub read_log_years: Option<i64>,
}

/// What a purge would delete now, per record type.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct RetentionPlan {
    pub rules: RetentionRules,
    /// Cases closed before this time go (with their children).
    pub case_cutoff: Option<String>,
    pub message_cutoff: Option<String>,
    /// Reads logged before this time go.
    pub read_log_cutoff: Option<String>,
    /// (table, rows) in deletion order.
    pub counts: Vec<(String, i64)>,
}

impl RetentionPlan {
    pub fn total(&self) -> i64 {
        self.counts.iter().map(|(_, n)| n).sum()
    }
}

impl Store {
    pub async fn retention_rules(&self, org_id: i64) -> StoreResult<RetentionRules> {
        let row = sqlx::query(self.q("SELECT retain_closed_case_years, retain_message_days, retain_read_log_years FROM org_protection WHERE org_id = ?"))
            .bind(org_id)
            .fetch_optional(self.pool())
            .await?;
        Ok(match row {
            Some(r) => RetentionRules {
                closed_case_years: r.try_get("retain_closed_case_years")?,
                message_days: r.try_get("retain_message_days")?,
                read_log_years: r.try_get("retain_read_log_years")?,
            },
            None => RetentionRules::default(),
        })
    }

    pub async fn set_retention_rules(&self, actor: Actor, rules: RetentionRules) -> StoreResult<()> {
        let years_out_of_range = |y: Option<i64>| y.is_some_and(|y| !(1..=100).contains(&y));
        if years_out_of_range(rules.closed_case_years)
            || years_out_of_range(rules.read_log_years)
            || rules.message_days.is_some_and(|d| !(1..=36_500).contains(&d))
        {
            return Err(StoreError::Refused("retention-out-of-range"));
        }
        let mut w = self.begin_write().await?;
        sqlx::query(self.q("INSERT INTO org_protection (org_id, retain_closed_case_years, retain_message_days, retain_read_log_years, updated_at) \
             VALUES (?, ?, ?, ?, ?) ON CONFLICT (org_id) DO UPDATE SET retain_closed_case_years = excluded.retain_closed_case_years, \
             retain_message_days = excluded.retain_message_days, retain_read_log_years = excluded.retain_read_log_years, \
             updated_at = excluded.updated_at"))
        .bind(actor.org_id)
        .bind(rules.closed_case_years)
        .bind(rules.message_days)
        .bind(rules.read_log_years)
        .bind(now())
        .execute(&mut *w.tx)
        .await?;
        append(self, &mut w.tx, actor, "retention.rules", "organization", Some(actor.org_id), json!(rules)).await?;
        w.commit().await
    }

    async fn plan_in(&self, conn: &mut sqlx::AnyConnection, org_id: i64, at: chrono::DateTime<chrono::Utc>) -> StoreResult<RetentionPlan> {
        let rules = self.retention_rules(org_id).await?;
        let mut plan = RetentionPlan { rules, ..Default::default() };
        if let Some(years) = rules.closed_case_years {
            let cutoff = format_time(at - chrono::Duration::days(365 * years));
            for (child, rows) in CASE_CHILDREN {
                let sql = self.render_owned(&format!("SELECT COUNT(*) AS n FROM {child} WHERE {}", rows.replace("{cases}", DOOMED_CASES)));
                let n: i64 = sqlx::query(&sql).bind(org_id).bind(&cutoff).fetch_one(&mut *conn).await?.try_get("n")?;
                plan.counts.push(((*child).to_owned(), n));
            }
            let sql = self.render_owned(&format!("SELECT COUNT(*) AS n FROM cases WHERE id IN ({DOOMED_CASES})"));
            let n: i64 = sqlx::query(&sql).bind(org_id).bind(&cutoff).fetch_one(&mut *conn).await?.try_get("n")?;
            plan.counts.push(("cases".to_owned(), n));
            plan.case_cutoff = Some(cutoff);
        }
        if let Some(days) = rules.message_days {
            let cutoff = format_time(at - chrono::Duration::days(days));
            let n: i64 = sqlx::query(self.q("SELECT COUNT(*) AS n FROM outbox WHERE org_id = ? AND status <> 'queued' AND created_at < ?"))
                .bind(org_id)
                .bind(&cutoff)
                .fetch_one(&mut *conn)
                .await?
                .try_get("n")?;
            plan.counts.push(("outbox".to_owned(), n));
            plan.message_cutoff = Some(cutoff);
        }
        if let Some(years) = rules.read_log_years {
            let cutoff = format_time(at - chrono::Duration::days(365 * years));
            let n: i64 = sqlx::query(self.q("SELECT COUNT(*) AS n FROM read_log WHERE org_id = ? AND at < ?"))
                .bind(org_id)
                .bind(&cutoff)
                .fetch_one(&mut *conn)
                .await?
                .try_get("n")?;
            plan.counts.push(("read_log".to_owned(), n));
            plan.read_log_cutoff = Some(cutoff);
        }
        Ok(plan)
    }

    /// What a purge would delete if run at `at` (now, in production).
    pub async fn retention_plan(&self, org_id: i64, at: chrono::DateTime<chrono::Utc>) -> StoreResult<RetentionPlan> {
        let mut conn = self.pool().acquire().await?;
        self.plan_in(&mut conn, org_id, at).await
    }

    /// Purge what `reviewed` listed. Refused (nothing deleted) if the plan has changed since it
    /// was reviewed, so what is deleted is exactly what the administrator approved.
    pub async fn retention_purge(&self, actor: Actor, reviewed: &RetentionPlan, at: chrono::DateTime<chrono::Utc>) -> StoreResult<RetentionPlan> {
        let mut w = self.begin_write().await?;
        let current = self.plan_in(&mut w.tx, actor.org_id, at).await?;
        if current.counts != reviewed.counts || current.rules != reviewed.rules {
            return Err(StoreError::Refused("retention-plan-changed"));
        }
        if let Some(cutoff) = &current.case_cutoff {
            for (child, rows) in CASE_CHILDREN {
                let sql = self.render_owned(&format!("DELETE FROM {child} WHERE {}", rows.replace("{cases}", DOOMED_CASES)));
                sqlx::query(&sql).bind(actor.org_id).bind(cutoff).execute(&mut *w.tx).await?;
            }
            let sql = self.render_owned(&format!("DELETE FROM cases WHERE id IN ({DOOMED_CASES})"));
            sqlx::query(&sql).bind(actor.org_id).bind(cutoff).execute(&mut *w.tx).await?;
        }
        if let Some(cutoff) = &current.message_cutoff {
            sqlx::query(self.q("DELETE FROM outbox WHERE org_id = ? AND status <> 'queued' AND created_at < ?"))
                .bind(actor.org_id)
                .bind(cutoff)
                .execute(&mut *w.tx)
                .await?;
        }
        if let Some(cutoff) = &current.read_log_cutoff {
            // The read log's trigger lets a delete through only behind this organization's gate,
            // which is opened and closed inside this transaction.
            sqlx::query(self.q("INSERT INTO read_log_purge_gate (org_id, cutoff) VALUES (?, ?)")).bind(actor.org_id).bind(cutoff).execute(&mut *w.tx).await?;
            sqlx::query(self.q("DELETE FROM read_log WHERE org_id = ? AND at < ?")).bind(actor.org_id).bind(cutoff).execute(&mut *w.tx).await?;
            sqlx::query(self.q("DELETE FROM read_log_purge_gate WHERE org_id = ?")).bind(actor.org_id).execute(&mut *w.tx).await?;
        }
        let counts: serde_json::Map<String, serde_json::Value> = current.counts.iter().map(|(t, n)| (t.clone(), json!(n))).collect();
        append(self, &mut w.tx, actor, "retention.purge", "organization", Some(actor.org_id), json!({ "deleted": counts, "rules": current.rules })).await?;
        w.commit().await?;
        Ok(current)
    }
}

#[cfg(feature = "testing")]
impl Store {
    /// Tests only: mark a case closed at `closed_at` (retention needs old closures).
    pub async fn backdate_case_closure_for_tests(&self, actor: Actor, case_id: i64, closed_at: &str) -> StoreResult<()> {
        sqlx::query(self.q("UPDATE cases SET status = 'closed', closure_reason = 'other', closed_at = ? WHERE org_id = ? AND id = ?"))
            .bind(closed_at)
            .bind(actor.org_id)
            .bind(case_id)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}
