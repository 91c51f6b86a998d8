//! Scheduled reports: what to make, how often, for whom; and each run's file. The worker finds
//! due schedules, renders them, and records the run here in one transaction that also moves the
//! schedule on and queues the recipients' notices, so two workers never make the same run twice.

use base64::Engine;
use chrono::NaiveDate;
use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::Row;

use sendero_domain::board::Period;
use sendero_domain::report_schedule::{validate, Cadence};
use sendero_domain::Permission;

use crate::audit::append;
use crate::outbox::{NewMessage, CHANNEL_EMAIL};
use crate::users::{user_from_row, User};
use crate::{now, Actor, Store, StoreError, StoreResult};

#[derive(Debug, Clone, Serialize)]
pub struct ReportSchedule {
    pub id: i64,
    pub org_id: i64,
    pub report: String,
    pub format: String,
    pub cadence: String,
    pub program_id: Option<i64>,
    pub language: String,
    pub next_run_on: String,
    pub active: bool,
    pub version: i64,
}

impl ReportSchedule {
    pub fn cadence(&self) -> StoreResult<Cadence> {
        Cadence::parse(&self.cadence).ok_or(StoreError::Refused("schedule-error-cadence"))
    }

    pub fn next_run(&self) -> StoreResult<NaiveDate> {
        self.next_run_on.parse().map_err(|_| StoreError::Refused("error-date-format"))
    }
}

pub struct NewSchedule<'a> {
    pub report: &'a str,
    pub format: &'a str,
    pub cadence: &'a str,
    pub program_id: Option<i64>,
    pub language: &'a str,
    pub recipients: &'a [i64],
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ReportRun {
    pub id: i64,
    pub schedule_id: i64,
    pub report: String,
    pub period_from: String,
    pub period_to: String,
    pub file_name: String,
    pub content_type: String,
    pub bytes: i64,
    pub created_at: String,
}

impl ReportRun {
    /// When it was made, to the minute ("2026-12-01 06:00").
    pub fn made_at(&self) -> String {
        self.created_at.get(..16).unwrap_or(&self.created_at).replace('T', " ")
    }

    /// The translation key of the report's title.
    pub fn report_title(&self) -> &'static str {
        if self.report == "board" {
            "board-title"
        } else {
            "consortium-title"
        }
    }
}

/// A rendered report, ready to keep.
pub struct RenderedReport {
    pub file_name: String,
    pub content_type: String,
    pub content: Vec<u8>,
}

/// Makes a scheduled report's file and its notices. The web crate implements it (it owns the
/// report tables, the export formats and the translations); the worker only schedules.
pub trait ReportRenderer: Send + Sync {
    fn render<'a>(&'a self, store: &'a Store, schedule: &'a ReportSchedule, period: Period) -> BoxFuture<'a, anyhow::Result<RenderedReport>>;

    /// The notice telling `recipient` that a run is ready to download at `link`.
    fn notice(&self, schedule: &ReportSchedule, period: Period, recipient: &User, link: &str) -> RunNotice;
}

pub type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;

/// One recipient's notice that a run is ready (its text made by the caller, in their language).
pub struct RunNotice {
    pub user_id: i64,
    pub email: String,
    pub language: String,
    pub subject: String,
    pub body: String,
}

fn schedule_from_row(r: &AnyRow) -> StoreResult<ReportSchedule> {
    Ok(ReportSchedule {
        id: r.try_get("id")?,
        org_id: r.try_get("org_id")?,
        report: r.try_get("report")?,
        format: r.try_get("format")?,
        cadence: r.try_get("cadence")?,
        program_id: r.try_get("program_id")?,
        language: r.try_get("language")?,
        next_run_on: r.try_get("next_run_on")?,
        active: r.try_get::<i64, _>("active")? == 1,
        version: r.try_get("version")?,
    })
}

fn run_from_row(r: &AnyRow) -> StoreResult<ReportRun> {
    Ok(ReportRun {
        id: r.try_get("id")?,
        schedule_id: r.try_get("schedule_id")?,
        report: r.try_get("report")?,
        period_from: r.try_get("period_from")?,
        period_to: r.try_get("period_to")?,
        file_name: r.try_get("file_name")?,
        content_type: r.try_get("content_type")?,
        bytes: r.try_get("bytes")?,
        created_at: r.try_get("created_at")?,
    })
}

const RUN_COLUMNS: &str = "r.id, r.schedule_id, s.report, r.period_from, r.period_to, r.file_name, r.content_type, r.bytes, r.created_at";

impl Store {
    /// Users of the organization who may receive reports: active, allowed to view reports.
    pub async fn report_recipients(&self, org_id: i64) -> StoreResult<Vec<User>> {
        Ok(self.users(org_id).await?.into_iter().filter(|u| u.active && u.role.can(Permission::ViewReports)).collect())
    }

    pub async fn create_report_schedule(&self, actor: Actor, s: &NewSchedule<'_>, today: NaiveDate) -> StoreResult<i64> {
        let cadence = validate(s.report, s.format, s.cadence, s.recipients.len()).map_err(StoreError::Refused)?;
        if let Some(program) = s.program_id {
            self.program(actor.org_id, program).await?;
        }
        let language = sendero_domain::text::required(s.language, 10).map_err(StoreError::Refused)?;
        let allowed: Vec<i64> = self.report_recipients(actor.org_id).await?.iter().map(|u| u.id).collect();
        if s.recipients.iter().any(|id| !allowed.contains(id)) {
            return Err(StoreError::Refused("schedule-error-recipients"));
        }
        let first = cadence.first_run(today);
        let mut w = self.begin_write().await?;
        let id: i64 =
            sqlx::query(self.q(
                "INSERT INTO report_schedules (org_id, report, format, cadence, program_id, language, next_run_on, active, created_by, created_at, version) \
             VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 1) RETURNING id",
            ))
            .bind(actor.org_id)
            .bind(s.report)
            .bind(s.format)
            .bind(cadence.as_str())
            .bind(s.program_id)
            .bind(&language)
            .bind(first.to_string())
            .bind(actor.user_id)
            .bind(now())
            .fetch_one(&mut *w.tx)
            .await?
            .try_get("id")?;
        let mut recipients = s.recipients.to_vec();
        recipients.sort_unstable();
        recipients.dedup();
        for user in &recipients {
            sqlx::query(self.q("INSERT INTO report_schedule_recipients (schedule_id, user_id) VALUES (?, ?)")).bind(id).bind(user).execute(&mut *w.tx).await?;
        }
        let detail = serde_json::json!({"report": s.report, "format": s.format, "cadence": cadence.as_str(), "program_id": s.program_id, "recipients": recipients, "first_run": first});
        append(self, &mut w.tx, actor, "create", "report_schedule", Some(id), detail).await?;
        w.commit().await?;
        Ok(id)
    }

    pub async fn report_schedules(&self, org_id: i64) -> StoreResult<Vec<ReportSchedule>> {
        let rows = sqlx::query(self.q("SELECT * FROM report_schedules WHERE org_id = ? ORDER BY active DESC, id")).bind(org_id).fetch_all(self.pool()).await?;
        rows.iter().map(schedule_from_row).collect()
    }

    pub async fn report_schedule(&self, org_id: i64, id: i64) -> StoreResult<ReportSchedule> {
        let row = sqlx::query(self.q("SELECT * FROM report_schedules WHERE id = ? AND org_id = ?")).bind(id).bind(org_id).fetch_optional(self.pool()).await?;
        row.as_ref().map(schedule_from_row).transpose()?.ok_or(StoreError::NotFound)
    }

    /// Recipients still allowed to receive the schedule's report (a user who left or lost the
    /// permission since is skipped).
    pub async fn schedule_recipients(&self, schedule: &ReportSchedule) -> StoreResult<Vec<User>> {
        let rows = sqlx::query(self.q(
            "SELECT u.* FROM users u JOIN report_schedule_recipients r ON r.user_id = u.id WHERE r.schedule_id = ? AND u.org_id = ? AND u.active = 1 ORDER BY u.display_name",
        ))
        .bind(schedule.id)
        .bind(schedule.org_id)
        .fetch_all(self.pool())
        .await?;
        let users: Vec<User> = rows.iter().map(user_from_row).collect::<Result<_, _>>()?;
        Ok(users.into_iter().filter(|u| u.role.can(Permission::ViewReports)).collect())
    }

    /// Pause or resume a schedule; `version` is the one the administrator saw.
    pub async fn set_report_schedule_active(&self, actor: Actor, id: i64, active: bool, version: i64) -> StoreResult<()> {
        let current = self.report_schedule(actor.org_id, id).await?;
        let mut w = self.begin_write().await?;
        let done = sqlx::query(self.q("UPDATE report_schedules SET active = ?, version = version + 1 WHERE id = ? AND org_id = ? AND version = ?"))
            .bind(i64::from(active))
            .bind(id)
            .bind(actor.org_id)
            .bind(version)
            .execute(&mut *w.tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict { current_version: current.version, changed: vec!["active".into()] });
        }
        append(self, &mut w.tx, actor, if active { "resume" } else { "pause" }, "report_schedule", Some(id), serde_json::json!({})).await?;
        w.commit().await
    }

    /// Active schedules due on or before `today`, every organization (for the worker).
    pub async fn due_report_schedules(&self, today: NaiveDate, limit: i64) -> StoreResult<Vec<ReportSchedule>> {
        let rows = sqlx::query(self.q("SELECT * FROM report_schedules WHERE active = 1 AND next_run_on <= ? ORDER BY next_run_on, id LIMIT ?"))
            .bind(today.to_string())
            .bind(limit)
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(schedule_from_row).collect()
    }

    /// Keep a run of `schedule` (due on its `next_run_on`, covering `period`), move the schedule
    /// to `next_run_on`, and queue `notices(run_id)`, all at once. `None`: another worker already
    /// made this run (the schedule moved on under us), and nothing was written.
    pub async fn record_report_run(
        &self,
        schedule: &ReportSchedule,
        period: Period,
        next_run_on: NaiveDate,
        rendered: &RenderedReport,
        notices: &(dyn Fn(i64) -> Vec<RunNotice> + Sync),
    ) -> StoreResult<Option<i64>> {
        let system = Actor { user_id: None, org_id: schedule.org_id };
        let mut w = self.begin_write().await?;
        let moved = sqlx::query(
            self.q("UPDATE report_schedules SET next_run_on = ?, version = version + 1 WHERE id = ? AND org_id = ? AND next_run_on = ? AND active = 1"),
        )
        .bind(next_run_on.to_string())
        .bind(schedule.id)
        .bind(schedule.org_id)
        .bind(&schedule.next_run_on)
        .execute(&mut *w.tx)
        .await?;
        if moved.rows_affected() == 0 {
            return Ok(None);
        }
        let row =
            sqlx::query(self.q("INSERT INTO report_runs (org_id, schedule_id, period_from, period_to, file_name, content_type, content, bytes, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (schedule_id, period_from) DO NOTHING RETURNING id"))
            .bind(schedule.org_id)
            .bind(schedule.id)
            .bind(period.from.to_string())
            .bind(period.to.to_string())
            .bind(&rendered.file_name)
            .bind(&rendered.content_type)
            .bind(base64::engine::general_purpose::STANDARD.encode(&rendered.content))
            .bind(rendered.content.len() as i64)
            .bind(now())
            .fetch_optional(&mut *w.tx)
            .await?;
        // The period was already reported (the schedule was paused and resumed over it).
        let Some(row) = row else {
            w.commit().await?;
            return Ok(None);
        };
        let run_id: i64 = row.try_get("id")?;
        for n in notices(run_id) {
            let message = NewMessage {
                channel: CHANNEL_EMAIL,
                recipient: &n.email,
                client_id: None,
                user_id: Some(n.user_id),
                purpose: "scheduled_report",
                language: &n.language,
                subject: Some(&n.subject),
                body: &n.body,
                idempotency_key: format!("report-run:{run_id}:{}", n.user_id),
                not_before: None,
            };
            self.enqueue_message_tx(&mut w.tx, system, &message).await?;
        }
        let detail = serde_json::json!({"run_id": run_id, "from": period.from, "to": period.to, "bytes": rendered.content.len(), "next_run_on": next_run_on});
        append(self, &mut w.tx, system, "run", "report_schedule", Some(schedule.id), detail).await?;
        w.commit().await?;
        Ok(Some(run_id))
    }

    /// The organization's most recent runs, newest first.
    pub async fn report_runs(&self, org_id: i64, limit: i64) -> StoreResult<Vec<ReportRun>> {
        let sql =
            format!("SELECT {RUN_COLUMNS} FROM report_runs r JOIN report_schedules s ON s.id = r.schedule_id WHERE r.org_id = ? ORDER BY r.id DESC LIMIT ?");
        let sql = crate::render_sql(self.dialect(), &sql);
        let rows = sqlx::query(&sql).bind(org_id).bind(limit).fetch_all(self.pool()).await?;
        rows.iter().map(run_from_row).collect()
    }

    /// A run and its file.
    pub async fn report_run_file(&self, org_id: i64, id: i64) -> StoreResult<(ReportRun, Vec<u8>)> {
        let sql = format!("SELECT {RUN_COLUMNS}, r.content FROM report_runs r JOIN report_schedules s ON s.id = r.schedule_id WHERE r.id = ? AND r.org_id = ?");
        let sql = crate::render_sql(self.dialect(), &sql);
        let row = sqlx::query(&sql).bind(id).bind(org_id).fetch_optional(self.pool()).await?.ok_or(StoreError::NotFound)?;
        let content: String = row.try_get("content")?;
        let bytes = base64::engine::general_purpose::STANDARD.decode(content).map_err(anyhow::Error::from)?;
        Ok((run_from_row(&row)?, bytes))
    }
}
