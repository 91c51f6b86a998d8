//! Tasks: follow-ups with an owner and a due date. Staff add them by hand; rules (address
//! changes, overdue referrals, clients without SMS) generate them with a `source` key, so a
//! rule that runs twice opens one task, not two.

use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::audit::append;
use crate::{now, Actor, Store, StoreError, StoreResult};

pub const STATUS_OPEN: &str = "open";
pub const STATUS_DONE: &str = "done";
pub const STATUS_CANCELLED: &str = "cancelled";

/// A task to create. `kind` is a short code (`eoir33`, `referral_followup`, `general`, …)
/// that pages translate; `title` is the human text (for generated tasks, a summary).
#[derive(Debug, Clone, Default)]
pub struct NewTask<'a> {
    pub case_id: Option<i64>,
    pub client_id: Option<i64>,
    pub kind: &'a str,
    pub title: &'a str,
    pub due_on: Option<chrono::NaiveDate>,
    pub assignee_id: Option<i64>,
    /// Idempotency key of a generated task (e.g. `address:41:eoir33`); `None` for manual ones.
    pub source: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Task {
    pub id: i64,
    pub case_id: Option<i64>,
    pub client_id: Option<i64>,
    pub kind: String,
    pub title: String,
    pub due_on: Option<String>,
    pub assignee_id: Option<i64>,
    pub status: String,
    pub source: Option<String>,
    pub done_at: Option<String>,
    pub version: i64,
}

impl Task {
    pub fn is_open(&self) -> bool {
        self.status == STATUS_OPEN
    }

    /// Open and due before `today`.
    pub fn is_overdue(&self, today: chrono::NaiveDate) -> bool {
        self.is_open() && self.due_on.as_deref().and_then(|d| d.parse::<chrono::NaiveDate>().ok()).is_some_and(|d| d < today)
    }
}

const COLUMNS: &str = "id, case_id, client_id, kind, title, due_on, assignee_id, status, source, done_at, version";

fn task_from_row(r: &AnyRow) -> StoreResult<Task> {
    Ok(Task {
        id: r.try_get("id")?,
        case_id: r.try_get("case_id")?,
        client_id: r.try_get("client_id")?,
        kind: r.try_get("kind")?,
        title: r.try_get("title")?,
        due_on: r.try_get("due_on")?,
        assignee_id: r.try_get("assignee_id")?,
        status: r.try_get("status")?,
        source: r.try_get("source")?,
        done_at: r.try_get("done_at")?,
        version: r.try_get("version")?,
    })
}

impl Store {
    /// Create a task in its own transaction. Returns `None` when a task with the same
    /// `source` already exists.
    pub async fn create_task(&self, actor: Actor, task: &NewTask<'_>) -> StoreResult<Option<i64>> {
        let mut w = self.begin_write().await?;
        let id = self.create_task_tx(&mut w.tx, actor, task).await?;
        w.commit().await?;
        Ok(id)
    }

    /// Create a task inside the caller's transaction (so a rule and its tasks commit together).
    pub async fn create_task_tx(&self, tx: &mut Transaction<'static, Any>, actor: Actor, task: &NewTask<'_>) -> StoreResult<Option<i64>> {
        if task.kind.trim().is_empty() || task.title.trim().is_empty() {
            return Err(StoreError::Refused("task-needs-title"));
        }
        let row =
            sqlx::query(self.q("INSERT INTO tasks (org_id, case_id, client_id, kind, title, due_on, assignee_id, status, source, created_by, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) ON CONFLICT (org_id, source) WHERE source IS NOT NULL DO NOTHING RETURNING id"))
            .bind(actor.org_id)
            .bind(task.case_id)
            .bind(task.client_id)
            .bind(task.kind)
            .bind(task.title.trim())
            .bind(task.due_on.map(|d| d.to_string()))
            .bind(task.assignee_id)
            .bind(task.source.clone())
            .bind(actor.user_id)
            .bind(now())
            .fetch_optional(&mut **tx)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let id: i64 = row.try_get("id")?;
        let detail =
            serde_json::json!({"kind": task.kind, "case_id": task.case_id, "due_on": task.due_on, "assignee_id": task.assignee_id, "source": task.source});
        append(self, tx, actor, "create", "task", Some(id), detail).await?;
        Ok(Some(id))
    }

    pub async fn task(&self, org_id: i64, id: i64) -> StoreResult<Task> {
        let sql = crate::render_sql(self.dialect(), &format!("SELECT {COLUMNS} FROM tasks WHERE id = ? AND org_id = ?"));
        let row = sqlx::query(&sql).bind(id).bind(org_id).fetch_optional(self.pool()).await?.ok_or(StoreError::NotFound)?;
        task_from_row(&row)
    }

    /// Open tasks assigned to `user_id`, soonest due first (undated last).
    pub async fn open_tasks_for(&self, org_id: i64, user_id: i64, limit: i64) -> StoreResult<Vec<Task>> {
        let sql = crate::render_sql(
            self.dialect(),
            &format!(
                "SELECT {COLUMNS} FROM tasks WHERE org_id = ? AND assignee_id = ? AND status = 'open' \
                 ORDER BY CASE WHEN due_on IS NULL THEN 1 ELSE 0 END, due_on, id LIMIT ?"
            ),
        );
        let rows = sqlx::query(&sql).bind(org_id).bind(user_id).bind(limit).fetch_all(self.pool()).await?;
        rows.iter().map(task_from_row).collect()
    }

    /// Every task of a case, open ones first.
    pub async fn case_tasks(&self, org_id: i64, case_id: i64) -> StoreResult<Vec<Task>> {
        let sql = crate::render_sql(
            self.dialect(),
            &format!(
                "SELECT {COLUMNS} FROM tasks WHERE org_id = ? AND case_id = ? \
                 ORDER BY CASE WHEN status = 'open' THEN 0 ELSE 1 END, CASE WHEN due_on IS NULL THEN 1 ELSE 0 END, due_on, id"
            ),
        );
        let rows = sqlx::query(&sql).bind(org_id).bind(case_id).fetch_all(self.pool()).await?;
        rows.iter().map(task_from_row).collect()
    }

    /// Mark a task done or cancelled. `version` is what the user saw.
    pub async fn finish_task(&self, actor: Actor, id: i64, version: i64, status: &str) -> StoreResult<()> {
        if status != STATUS_DONE && status != STATUS_CANCELLED {
            return Err(StoreError::Refused("task-bad-status"));
        }
        let mut w = self.begin_write().await?;
        let done =
            sqlx::query(self.q(
                "UPDATE tasks SET status = ?, done_at = ?, done_by = ?, version = version + 1 WHERE id = ? AND org_id = ? AND version = ? AND status = 'open'",
            ))
            .bind(status)
            .bind(now())
            .bind(actor.user_id)
            .bind(id)
            .bind(actor.org_id)
            .bind(version)
            .execute(&mut *w.tx)
            .await?
            .rows_affected();
        if done == 0 {
            let row = sqlx::query(self.q("SELECT version, status FROM tasks WHERE id = ? AND org_id = ?"))
                .bind(id)
                .bind(actor.org_id)
                .fetch_optional(&mut *w.tx)
                .await?
                .ok_or(StoreError::NotFound)?;
            return Err(StoreError::Conflict { current_version: row.try_get("version")?, changed: vec!["status".into()] });
        }
        append(self, &mut w.tx, actor, status, "task", Some(id), serde_json::json!({})).await?;
        w.commit().await?;
        Ok(())
    }
}
