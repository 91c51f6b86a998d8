//! Service plans (goals in the client's words, tasks, crisis plan, revisions), the service log,
//! program settings and categories, funders, rates and the monthly per-capita bill.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::audit::append;
use crate::tasks::{NewTask, Task};
use crate::{now, Actor, Store, StoreError, StoreResult};
use sendero_domain::services::{self as rules, Bill, BillableService, EligibilityWindow, Rate, RateUnit};
use sendero_domain::FieldErrors;

/// How long a referral may wait for an answer, when nothing is configured.
pub const DEFAULT_REFERRAL_WAIT_DAYS: i64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ServiceSettings {
    pub referral_wait_days: i64,
    /// Eligibility window in months from case opening; `None`: no window known (billing flags).
    pub eligibility_months: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Category {
    pub code: String,
    /// Label of a program's own category; built-in categories are translated by code.
    pub label: Option<String>,
    pub builtin: bool,
    pub enabled: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Funder {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq, Eq)]
pub struct CrisisPlan {
    pub warning_signs: String,
    pub safe_contacts: String,
    pub steps: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Progress {
    pub noted_on: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Goal {
    pub id: i64,
    pub area: Option<String>,
    pub text: String,
    pub status: String,
    pub outcome: Option<String>,
    pub opened_on: String,
    pub closed_on: Option<String>,
    pub version: i64,
    pub progress: Vec<Progress>,
    pub tasks: Vec<Task>,
}

/// The current plan of a case (empty with `plan_id = None` until something is saved).
#[derive(Debug, Clone, Serialize)]
pub struct ServicePlan {
    pub case_id: i64,
    pub plan_id: Option<i64>,
    pub revision: i64,
    pub version: i64,
    pub crisis: Option<CrisisPlan>,
    pub goals: Vec<Goal>,
    pub updated_at: Option<String>,
}

/// What a revision kept: the plan as it was before the change.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PlanSnapshot {
    pub crisis: Option<CrisisPlan>,
    pub goals: Vec<SnapshotGoal>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SnapshotGoal {
    pub id: i64,
    pub area: Option<String>,
    pub text: String,
    pub status: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanRevision {
    pub revision: i64,
    pub saved_at: String,
    pub saved_by: Option<String>,
    pub snapshot: PlanSnapshot,
}

/// A service to log (already validated at the edge; the store re-checks what needs the DB).
#[derive(Debug, Clone, Default)]
pub struct NewService {
    pub case_id: i64,
    pub category: String,
    pub provided_on: chrono::NaiveDate,
    pub minutes: i64,
    pub provider_kind: String,
    pub provider_name: Option<String>,
    pub location: Option<String>,
    pub cost_cents: i64,
    pub funder_id: Option<i64>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ServiceEntry {
    pub id: i64,
    pub case_id: i64,
    pub client_id: i64,
    pub category: String,
    pub provided_on: String,
    pub minutes: i64,
    pub provider_kind: String,
    pub provider_name: Option<String>,
    pub location: Option<String>,
    pub cost_cents: i64,
    pub funder_id: Option<i64>,
    pub funder_name: Option<String>,
    pub note: Option<String>,
}

impl ServiceEntry {
    pub fn cost(&self) -> String {
        rules::format_cents(self.cost_cents)
    }
}

/// A monthly bill with what it was computed from.
#[derive(Debug, Clone, Serialize)]
pub struct BillingReport {
    pub funder: Funder,
    pub program_id: i64,
    pub year: i32,
    pub month: u32,
    pub bill: Bill,
}

fn goal_from_row(store: &Store, r: &AnyRow) -> StoreResult<Goal> {
    let text: String = r.try_get("goal_enc")?;
    let outcome: Option<String> = r.try_get("outcome_enc")?;
    Ok(Goal {
        id: r.try_get("id")?,
        area: r.try_get("area")?,
        text: store.cipher().decrypt(&text)?,
        status: r.try_get("status")?,
        outcome: outcome.map(|o| store.cipher().decrypt(&o)).transpose()?,
        opened_on: r.try_get("opened_on")?,
        closed_on: r.try_get("closed_on")?,
        version: r.try_get("version")?,
        progress: Vec::new(),
        tasks: Vec::new(),
    })
}

fn invalid(field: &str, code: &'static str) -> StoreError {
    let mut errors = FieldErrors::default();
    errors.push(field, code);
    StoreError::Invalid(errors)
}

impl Store {
    // -- Settings and categories ---------------------------------------------------------------

    /// The program's settings, else the organization's, else the defaults.
    pub async fn service_settings(&self, org_id: i64, program_id: Option<i64>) -> StoreResult<ServiceSettings> {
        let row = sqlx::query(
            self.q("SELECT referral_wait_days, eligibility_months FROM service_settings WHERE org_id = ? AND (program_id = ? OR program_id IS NULL) \
             ORDER BY CASE WHEN program_id IS NULL THEN 1 ELSE 0 END LIMIT 1"),
        )
        .bind(org_id)
        .bind(program_id.unwrap_or(-1))
        .fetch_optional(self.pool())
        .await?;
        Ok(match row {
            Some(r) => ServiceSettings { referral_wait_days: r.try_get("referral_wait_days")?, eligibility_months: r.try_get("eligibility_months")? },
            None => ServiceSettings { referral_wait_days: DEFAULT_REFERRAL_WAIT_DAYS, eligibility_months: None },
        })
    }

    pub async fn set_service_settings(&self, actor: Actor, program_id: Option<i64>, settings: ServiceSettings) -> StoreResult<()> {
        if !(1..=365).contains(&settings.referral_wait_days) {
            return Err(invalid("referral_wait_days", "services-error-wait-days"));
        }
        if settings.eligibility_months.is_some_and(|m| !(1..=120).contains(&m)) {
            return Err(invalid("eligibility_months", "services-error-months"));
        }
        if let Some(p) = program_id {
            self.program(actor.org_id, p).await?;
        }
        let mut w = self.begin_write().await?;
        let updated = sqlx::query(self.q(
            "UPDATE service_settings SET referral_wait_days = ?, eligibility_months = ?, version = version + 1 WHERE org_id = ? AND COALESCE(program_id, 0) = ?",
        ))
        .bind(settings.referral_wait_days)
        .bind(settings.eligibility_months)
        .bind(actor.org_id)
        .bind(program_id.unwrap_or(0))
        .execute(&mut *w.tx)
        .await?
        .rows_affected();
        if updated == 0 {
            sqlx::query(self.q("INSERT INTO service_settings (org_id, program_id, referral_wait_days, eligibility_months) VALUES (?, ?, ?, ?)"))
                .bind(actor.org_id)
                .bind(program_id)
                .bind(settings.referral_wait_days)
                .bind(settings.eligibility_months)
                .execute(&mut *w.tx)
                .await?;
        }
        append(self, &mut w.tx, actor, "update", "service_settings", program_id, serde_json::json!(settings)).await?;
        w.commit().await
    }

    /// Every category of a program: built-in ones (on unless turned off) then the program's own.
    pub async fn program_categories(&self, org_id: i64, program_id: i64) -> StoreResult<Vec<Category>> {
        let rows = sqlx::query(self.q("SELECT code, label, enabled FROM service_categories WHERE org_id = ? AND program_id = ? ORDER BY code"))
            .bind(org_id)
            .bind(program_id)
            .fetch_all(self.pool())
            .await?;
        let mut stored: BTreeMap<String, (Option<String>, bool)> = BTreeMap::new();
        for r in &rows {
            let enabled: i64 = r.try_get("enabled")?;
            stored.insert(r.try_get("code")?, (r.try_get("label")?, enabled != 0));
        }
        let mut out: Vec<Category> = rules::BUILTIN_CATEGORIES
            .iter()
            .map(|code| Category { code: (*code).to_owned(), label: None, builtin: true, enabled: stored.get(*code).is_none_or(|(_, on)| *on) })
            .collect();
        for (code, (label, enabled)) in stored {
            if !rules::BUILTIN_CATEGORIES.contains(&code.as_str()) {
                out.push(Category { code, label, builtin: false, enabled });
            }
        }
        Ok(out)
    }

    /// Turn a category on or off for a program, or add the program's own category.
    pub async fn set_category(&self, actor: Actor, program_id: i64, code: &str, label: Option<&str>, enabled: bool) -> StoreResult<()> {
        if !rules::valid_category_code(code) {
            return Err(invalid("code", "services-error-category-code"));
        }
        let builtin = rules::BUILTIN_CATEGORIES.contains(&code);
        let label = label.map(str::trim).filter(|l| !l.is_empty());
        if !builtin && label.is_none() {
            return Err(invalid("label", "services-error-category-label"));
        }
        self.program(actor.org_id, program_id).await?;
        let mut w = self.begin_write().await?;
        sqlx::query(self.q("DELETE FROM service_categories WHERE org_id = ? AND program_id = ? AND code = ?"))
            .bind(actor.org_id)
            .bind(program_id)
            .bind(code)
            .execute(&mut *w.tx)
            .await?;
        sqlx::query(self.q("INSERT INTO service_categories (org_id, program_id, code, label, enabled) VALUES (?, ?, ?, ?, ?)"))
            .bind(actor.org_id)
            .bind(program_id)
            .bind(code)
            .bind(if builtin { None } else { label })
            .bind(enabled as i64)
            .execute(&mut *w.tx)
            .await?;
        append(self, &mut w.tx, actor, "update", "service_category", Some(program_id), serde_json::json!({"code": code, "enabled": enabled})).await?;
        w.commit().await
    }

    // -- Funders and rates ---------------------------------------------------------------------

    pub async fn create_funder(&self, actor: Actor, name: &str) -> StoreResult<i64> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 200 {
            return Err(invalid("name", "services-error-funder-name"));
        }
        let mut w = self.begin_write().await?;
        let id: i64 = sqlx::query(self.q("INSERT INTO funders (org_id, name, created_at) VALUES (?, ?, ?) RETURNING id"))
            .bind(actor.org_id)
            .bind(name)
            .bind(now())
            .fetch_one(&mut *w.tx)
            .await?
            .try_get("id")?;
        append(self, &mut w.tx, actor, "create", "funder", Some(id), serde_json::json!({"name": name})).await?;
        w.commit().await?;
        Ok(id)
    }

    pub async fn funders(&self, org_id: i64) -> StoreResult<Vec<Funder>> {
        let rows = sqlx::query(self.q("SELECT id, name FROM funders WHERE org_id = ? ORDER BY name")).bind(org_id).fetch_all(self.pool()).await?;
        rows.iter().map(|r| Ok(Funder { id: r.try_get("id")?, name: r.try_get("name")? })).collect()
    }

    pub async fn funder(&self, org_id: i64, id: i64) -> StoreResult<Funder> {
        let r = sqlx::query(self.q("SELECT id, name FROM funders WHERE id = ? AND org_id = ?"))
            .bind(id)
            .bind(org_id)
            .fetch_optional(self.pool())
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(Funder { id: r.try_get("id")?, name: r.try_get("name")? })
    }

    pub async fn set_rate(&self, actor: Actor, funder_id: i64, program_id: i64, category: &str, unit: RateUnit, cents: i64) -> StoreResult<()> {
        if cents < 0 {
            return Err(invalid("rate", "services-error-money"));
        }
        self.funder(actor.org_id, funder_id).await?;
        self.program(actor.org_id, program_id).await?;
        let mut w = self.begin_write().await?;
        sqlx::query(self.q("DELETE FROM funder_rates WHERE funder_id = ? AND program_id = ? AND category = ? AND org_id = ?"))
            .bind(funder_id)
            .bind(program_id)
            .bind(category)
            .bind(actor.org_id)
            .execute(&mut *w.tx)
            .await?;
        sqlx::query(self.q("INSERT INTO funder_rates (org_id, funder_id, program_id, category, unit, rate_cents) VALUES (?, ?, ?, ?, ?, ?)"))
            .bind(actor.org_id)
            .bind(funder_id)
            .bind(program_id)
            .bind(category)
            .bind(unit.as_str())
            .bind(cents)
            .execute(&mut *w.tx)
            .await?;
        append(
            self,
            &mut w.tx,
            actor,
            "update",
            "funder_rate",
            Some(funder_id),
            serde_json::json!({"program_id": program_id, "category": category, "unit": unit, "cents": cents}),
        )
        .await?;
        w.commit().await
    }

    pub async fn rates(&self, org_id: i64, funder_id: i64, program_id: i64) -> StoreResult<BTreeMap<String, Rate>> {
        let rows = sqlx::query(self.q("SELECT category, unit, rate_cents FROM funder_rates WHERE org_id = ? AND funder_id = ? AND program_id = ?"))
            .bind(org_id)
            .bind(funder_id)
            .bind(program_id)
            .fetch_all(self.pool())
            .await?;
        let mut out = BTreeMap::new();
        for r in rows {
            let unit: String = r.try_get("unit")?;
            let unit = RateUnit::parse(&unit).ok_or_else(|| StoreError::Other(anyhow::anyhow!("unknown rate unit {unit}")))?;
            out.insert(r.try_get("category")?, Rate { unit, cents: r.try_get("rate_cents")? });
        }
        Ok(out)
    }

    // -- Service plans -------------------------------------------------------------------------

    pub async fn service_plan(&self, org_id: i64, case_id: i64) -> StoreResult<ServicePlan> {
        let plan = sqlx::query(self.q("SELECT id, revision, version, crisis_enc, updated_at FROM service_plans WHERE org_id = ? AND case_id = ?"))
            .bind(org_id)
            .bind(case_id)
            .fetch_optional(self.pool())
            .await?;
        let Some(plan) = plan else {
            return Ok(ServicePlan { case_id, plan_id: None, revision: 0, version: 0, crisis: None, goals: Vec::new(), updated_at: None });
        };
        let crisis: Option<String> = plan.try_get("crisis_enc")?;
        let crisis =
            crisis.map(|c| -> StoreResult<CrisisPlan> { Ok(serde_json::from_str(&self.cipher().decrypt(&c)?).map_err(anyhow::Error::from)?) }).transpose()?;
        let rows = sqlx::query(self.q("SELECT * FROM plan_goals WHERE org_id = ? AND case_id = ? ORDER BY CASE WHEN status = 'open' THEN 0 ELSE 1 END, id"))
            .bind(org_id)
            .bind(case_id)
            .fetch_all(self.pool())
            .await?;
        let mut goals = rows.iter().map(|r| goal_from_row(self, r)).collect::<StoreResult<Vec<_>>>()?;
        let tasks = self.case_tasks(org_id, case_id).await?;
        let links = sqlx::query(
            self.q("SELECT gt.goal_id, gt.task_id FROM goal_tasks gt JOIN plan_goals g ON g.id = gt.goal_id WHERE gt.org_id = ? AND g.case_id = ?"),
        )
        .bind(org_id)
        .bind(case_id)
        .fetch_all(self.pool())
        .await?;
        let progress = sqlx::query(self.q(
            "SELECT p.goal_id, p.noted_on, p.note_enc FROM goal_progress p JOIN plan_goals g ON g.id = p.goal_id WHERE p.org_id = ? AND g.case_id = ? ORDER BY p.noted_on, p.id",
        ))
        .bind(org_id)
        .bind(case_id)
        .fetch_all(self.pool())
        .await?;
        for goal in &mut goals {
            for l in &links {
                if l.try_get::<i64, _>("goal_id")? == goal.id {
                    let task_id: i64 = l.try_get("task_id")?;
                    goal.tasks.extend(tasks.iter().filter(|t| t.id == task_id).cloned());
                }
            }
            for p in &progress {
                if p.try_get::<i64, _>("goal_id")? == goal.id {
                    let note: String = p.try_get("note_enc")?;
                    goal.progress.push(Progress { noted_on: p.try_get("noted_on")?, note: self.cipher().decrypt(&note)? });
                }
            }
        }
        Ok(ServicePlan {
            case_id,
            plan_id: Some(plan.try_get("id")?),
            revision: plan.try_get("revision")?,
            version: plan.try_get("version")?,
            crisis,
            goals,
            updated_at: plan.try_get("updated_at")?,
        })
    }

    /// Start a revision: make the plan if needed, check the version the user saw (0 = no plan
    /// yet), keep the current state as a past revision and bump revision and version.
    async fn revise_plan(&self, tx: &mut Transaction<'static, Any>, actor: Actor, case_id: i64, seen_version: i64) -> StoreResult<i64> {
        let plan = sqlx::query(self.q("SELECT id, revision, version, crisis_enc FROM service_plans WHERE org_id = ? AND case_id = ?"))
            .bind(actor.org_id)
            .bind(case_id)
            .fetch_optional(&mut **tx)
            .await?;
        let Some(plan) = plan else {
            if seen_version != 0 {
                return Err(StoreError::NotFound);
            }
            let id: i64 = sqlx::query(self.q("INSERT INTO service_plans (org_id, case_id, updated_at, updated_by) VALUES (?, ?, ?, ?) RETURNING id"))
                .bind(actor.org_id)
                .bind(case_id)
                .bind(now())
                .bind(actor.user_id)
                .fetch_one(&mut **tx)
                .await?
                .try_get("id")?;
            append(self, tx, actor, "create", "service_plan", Some(id), serde_json::json!({"case_id": case_id})).await?;
            return Ok(id);
        };
        let (id, revision, version): (i64, i64, i64) = (plan.try_get("id")?, plan.try_get("revision")?, plan.try_get("version")?);
        if version != seen_version {
            return Err(StoreError::Conflict { current_version: version, changed: vec!["plan".into()] });
        }
        let crisis: Option<String> = plan.try_get("crisis_enc")?;
        let crisis =
            crisis.map(|c| -> StoreResult<CrisisPlan> { Ok(serde_json::from_str(&self.cipher().decrypt(&c)?).map_err(anyhow::Error::from)?) }).transpose()?;
        let goals =
            sqlx::query(self.q("SELECT id, area, goal_enc, status FROM plan_goals WHERE plan_id = ? ORDER BY id")).bind(id).fetch_all(&mut **tx).await?;
        let goals = goals
            .iter()
            .map(|g| {
                let text: String = g.try_get("goal_enc")?;
                Ok(SnapshotGoal { id: g.try_get("id")?, area: g.try_get("area")?, text: self.cipher().decrypt(&text)?, status: g.try_get("status")? })
            })
            .collect::<StoreResult<Vec<_>>>()?;
        let snapshot = serde_json::to_string(&PlanSnapshot { crisis, goals }).map_err(anyhow::Error::from)?;
        sqlx::query(self.q("INSERT INTO service_plan_versions (org_id, plan_id, revision, snapshot_enc, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?)"))
            .bind(actor.org_id)
            .bind(id)
            .bind(revision)
            .bind(self.cipher().encrypt(&snapshot))
            .bind(now())
            .bind(actor.user_id)
            .execute(&mut **tx)
            .await?;
        let updated = sqlx::query(
            self.q("UPDATE service_plans SET revision = revision + 1, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?"),
        )
        .bind(now())
        .bind(actor.user_id)
        .bind(id)
        .bind(version)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        if updated == 0 {
            return Err(StoreError::Conflict { current_version: version + 1, changed: vec!["plan".into()] });
        }
        Ok(id)
    }

    /// Save the crisis plan (encrypted at rest). `seen_version` is the plan version the user saw.
    pub async fn save_crisis_plan(&self, actor: Actor, case_id: i64, seen_version: i64, crisis: &CrisisPlan) -> StoreResult<()> {
        self.case(actor.org_id, case_id).await?;
        let mut w = self.begin_write().await?;
        let plan_id = self.revise_plan(&mut w.tx, actor, case_id, seen_version).await?;
        let text = serde_json::to_string(crisis).map_err(anyhow::Error::from)?;
        sqlx::query(self.q("UPDATE service_plans SET crisis_enc = ? WHERE id = ?"))
            .bind(self.cipher().encrypt(&text))
            .bind(plan_id)
            .execute(&mut *w.tx)
            .await?;
        append(self, &mut w.tx, actor, "update", "crisis_plan", Some(plan_id), serde_json::json!({"case_id": case_id})).await?;
        w.commit().await
    }

    /// Add a goal in the client's words (a plan revision).
    pub async fn add_goal(
        &self,
        actor: Actor,
        case_id: i64,
        seen_version: i64,
        area: Option<&str>,
        text: &str,
        opened_on: chrono::NaiveDate,
    ) -> StoreResult<i64> {
        let text = text.trim();
        if text.is_empty() {
            return Err(invalid("goal", "services-error-goal"));
        }
        self.case(actor.org_id, case_id).await?;
        let mut w = self.begin_write().await?;
        let plan_id = self.revise_plan(&mut w.tx, actor, case_id, seen_version).await?;
        let id: i64 = sqlx::query(
            self.q("INSERT INTO plan_goals (org_id, plan_id, case_id, area, goal_enc, opened_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        )
        .bind(actor.org_id)
        .bind(plan_id)
        .bind(case_id)
        .bind(area.filter(|a| !a.is_empty()))
        .bind(self.cipher().encrypt(text))
        .bind(opened_on.to_string())
        .bind(now())
        .fetch_one(&mut *w.tx)
        .await?
        .try_get("id")?;
        append(self, &mut w.tx, actor, "create", "goal", Some(id), serde_json::json!({"case_id": case_id, "area": area})).await?;
        w.commit().await?;
        Ok(id)
    }

    async fn goal_case(&self, org_id: i64, goal_id: i64) -> StoreResult<(i64, i64)> {
        let r = sqlx::query(self.q("SELECT case_id, version FROM plan_goals WHERE id = ? AND org_id = ?"))
            .bind(goal_id)
            .bind(org_id)
            .fetch_optional(self.pool())
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok((r.try_get("case_id")?, r.try_get("version")?))
    }

    /// The case a goal belongs to (in the organization).
    pub async fn goal_case_id(&self, org_id: i64, goal_id: i64) -> StoreResult<i64> {
        Ok(self.goal_case(org_id, goal_id).await?.0)
    }

    pub async fn add_goal_progress(&self, actor: Actor, goal_id: i64, noted_on: chrono::NaiveDate, note: &str) -> StoreResult<()> {
        if note.trim().is_empty() {
            return Err(invalid("note", "services-error-progress"));
        }
        self.goal_case(actor.org_id, goal_id).await?;
        let mut w = self.begin_write().await?;
        sqlx::query(self.q("INSERT INTO goal_progress (org_id, goal_id, noted_on, note_enc, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)"))
            .bind(actor.org_id)
            .bind(goal_id)
            .bind(noted_on.to_string())
            .bind(self.cipher().encrypt(note.trim()))
            .bind(actor.user_id)
            .bind(now())
            .execute(&mut *w.tx)
            .await?;
        append(self, &mut w.tx, actor, "progress", "goal", Some(goal_id), serde_json::json!({"noted_on": noted_on.to_string()})).await?;
        w.commit().await
    }

    /// Close a goal as met, partly met or not met. `version` is the goal version the user saw.
    pub async fn close_goal(
        &self,
        actor: Actor,
        goal_id: i64,
        version: i64,
        status: &str,
        outcome: Option<&str>,
        closed_on: chrono::NaiveDate,
    ) -> StoreResult<()> {
        if status == "open" || !rules::GOAL_STATUSES.contains(&status) {
            return Err(invalid("status", "services-error-goal-status"));
        }
        let (case_id, _) = self.goal_case(actor.org_id, goal_id).await?;
        let plan_version = self.service_plan(actor.org_id, case_id).await?.version;
        let mut w = self.begin_write().await?;
        self.revise_plan(&mut w.tx, actor, case_id, plan_version).await?;
        let done = sqlx::query(self.q(
            "UPDATE plan_goals SET status = ?, outcome_enc = ?, closed_on = ?, version = version + 1 WHERE id = ? AND org_id = ? AND version = ? AND status = 'open'",
        ))
        .bind(status)
        .bind(outcome.map(str::trim).filter(|o| !o.is_empty()).map(|o| self.cipher().encrypt(o)))
        .bind(closed_on.to_string())
        .bind(goal_id)
        .bind(actor.org_id)
        .bind(version)
        .execute(&mut *w.tx)
        .await?
        .rows_affected();
        if done == 0 {
            let (_, current) = self.goal_case(actor.org_id, goal_id).await?;
            return Err(StoreError::Conflict { current_version: current, changed: vec!["status".into()] });
        }
        append(self, &mut w.tx, actor, "close", "goal", Some(goal_id), serde_json::json!({"status": status})).await?;
        w.commit().await
    }

    /// A task for a goal, in the shared tasks table.
    pub async fn add_goal_task(
        &self,
        actor: Actor,
        goal_id: i64,
        title: &str,
        due_on: Option<chrono::NaiveDate>,
        assignee_id: Option<i64>,
    ) -> StoreResult<i64> {
        let (case_id, _) = self.goal_case(actor.org_id, goal_id).await?;
        let case = self.case(actor.org_id, case_id).await?;
        let mut w = self.begin_write().await?;
        let task = NewTask {
            case_id: Some(case_id),
            client_id: Some(case.client_id),
            kind: "plan",
            title,
            due_on,
            assignee_id: assignee_id.or(case.case_manager_id),
            source: None,
        };
        let id = self.create_task_tx(&mut w.tx, actor, &task).await?.ok_or(StoreError::Refused("task-needs-title"))?;
        sqlx::query(self.q("INSERT INTO goal_tasks (goal_id, task_id, org_id) VALUES (?, ?, ?)"))
            .bind(goal_id)
            .bind(id)
            .bind(actor.org_id)
            .execute(&mut *w.tx)
            .await?;
        w.commit().await?;
        Ok(id)
    }

    /// Past revisions of a case's plan, newest first.
    pub async fn plan_revisions(&self, org_id: i64, case_id: i64) -> StoreResult<Vec<PlanRevision>> {
        let rows = sqlx::query(
            self.q("SELECT v.revision, v.saved_at, v.snapshot_enc, u.display_name FROM service_plan_versions v JOIN service_plans p ON p.id = v.plan_id \
             LEFT JOIN users u ON u.id = v.saved_by WHERE v.org_id = ? AND p.case_id = ? ORDER BY v.revision DESC"),
        )
        .bind(org_id)
        .bind(case_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let snapshot: String = r.try_get("snapshot_enc")?;
                Ok(PlanRevision {
                    revision: r.try_get("revision")?,
                    saved_at: r.try_get("saved_at")?,
                    saved_by: r.try_get("display_name")?,
                    snapshot: serde_json::from_str(&self.cipher().decrypt(&snapshot)?).map_err(anyhow::Error::from)?,
                })
            })
            .collect()
    }

    // -- Service log ---------------------------------------------------------------------------

    pub async fn log_service(&self, actor: Actor, s: &NewService) -> StoreResult<i64> {
        let case = self.case(actor.org_id, s.case_id).await?;
        let mut errors = FieldErrors::default();
        let categories = self.program_categories(actor.org_id, case.program_id).await?;
        if !categories.iter().any(|c| c.enabled && c.code == s.category) {
            errors.push("category", "services-error-category");
        }
        if !rules::PROVIDER_KINDS.contains(&s.provider_kind.as_str()) {
            errors.push("provider_kind", "services-error-provider");
        }
        if !(0..=24 * 60).contains(&s.minutes) {
            errors.push("minutes", "services-error-minutes");
        }
        if s.cost_cents < 0 {
            errors.push("cost", "services-error-money");
        }
        if let Some(f) = s.funder_id {
            if self.funder(actor.org_id, f).await.is_err() {
                errors.push("funder_id", "services-error-funder");
            }
        }
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        let mut w = self.begin_write().await?;
        let id: i64 = sqlx::query(self.q(
            "INSERT INTO service_log (org_id, case_id, client_id, program_id, category, provided_on, minutes, provider_kind, provider_name, location, cost_cents, funder_id, note_enc, created_by, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        ))
        .bind(actor.org_id)
        .bind(s.case_id)
        .bind(case.client_id)
        .bind(case.program_id)
        .bind(&s.category)
        .bind(s.provided_on.to_string())
        .bind(s.minutes)
        .bind(&s.provider_kind)
        .bind(s.provider_name.as_deref().map(str::trim).filter(|p| !p.is_empty()))
        .bind(s.location.as_deref().map(str::trim).filter(|p| !p.is_empty()))
        .bind(s.cost_cents)
        .bind(s.funder_id)
        .bind(s.note.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(|n| self.cipher().encrypt(n)))
        .bind(actor.user_id)
        .bind(now())
        .fetch_one(&mut *w.tx)
        .await?
        .try_get("id")?;
        // The director dashboard and funder reports read rollups kept current here.
        let rolled = crate::rollups::RolledService {
            org_id: actor.org_id,
            program_id: case.program_id,
            client_id: case.client_id,
            category: &s.category,
            provided_on: s.provided_on,
            minutes: s.minutes,
            cost_cents: s.cost_cents,
        };
        self.rollup_add_tx(&mut w.tx, &rolled).await?;
        append(
            self,
            &mut w.tx,
            actor,
            "create",
            "service",
            Some(id),
            serde_json::json!({"case_id": s.case_id, "category": s.category, "provided_on": s.provided_on.to_string(), "minutes": s.minutes, "cost_cents": s.cost_cents}),
        )
        .await?;
        w.commit().await?;
        Ok(id)
    }

    pub async fn case_services(&self, org_id: i64, case_id: i64) -> StoreResult<Vec<ServiceEntry>> {
        let rows = sqlx::query(self.q(
            "SELECT s.*, f.name AS funder_name FROM service_log s LEFT JOIN funders f ON f.id = s.funder_id WHERE s.org_id = ? AND s.case_id = ? ORDER BY s.provided_on DESC, s.id DESC",
        ))
        .bind(org_id)
        .bind(case_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let note: Option<String> = r.try_get("note_enc")?;
                Ok(ServiceEntry {
                    id: r.try_get("id")?,
                    case_id: r.try_get("case_id")?,
                    client_id: r.try_get("client_id")?,
                    category: r.try_get("category")?,
                    provided_on: r.try_get("provided_on")?,
                    minutes: r.try_get("minutes")?,
                    provider_kind: r.try_get("provider_kind")?,
                    provider_name: r.try_get("provider_name")?,
                    location: r.try_get("location")?,
                    cost_cents: r.try_get("cost_cents")?,
                    funder_id: r.try_get("funder_id")?,
                    funder_name: r.try_get("funder_name")?,
                    note: note.map(|n| self.cipher().decrypt(&n)).transpose()?,
                })
            })
            .collect()
    }

    /// Each client's eligibility window in a program. Today: the program setting (months from
    /// the opening of the client's earliest case in the program). This one function is what
    /// billing asks, so per-client windows (hearings/eligibility) can replace it later.
    pub async fn eligibility_windows(&self, org_id: i64, program_id: i64) -> StoreResult<BTreeMap<i64, EligibilityWindow>> {
        let Some(months) = self.service_settings(org_id, Some(program_id)).await?.eligibility_months else { return Ok(BTreeMap::new()) };
        let rows = sqlx::query(self.q("SELECT client_id, MIN(opened_at) AS opened_at FROM cases WHERE org_id = ? AND program_id = ? GROUP BY client_id"))
            .bind(org_id)
            .bind(program_id)
            .fetch_all(self.pool())
            .await?;
        let mut out = BTreeMap::new();
        for r in rows {
            let opened: String = r.try_get("opened_at")?;
            if let Some(date) = opened.get(..10).and_then(|d| d.parse::<chrono::NaiveDate>().ok()) {
                out.insert(r.try_get("client_id")?, EligibilityWindow::from_opening(date, months as u32));
            }
        }
        Ok(out)
    }

    /// A funder's bill for one program and month, from the service log.
    pub async fn billing_report(&self, org_id: i64, funder_id: i64, program_id: i64, year: i32, month: u32) -> StoreResult<BillingReport> {
        let funder = self.funder(org_id, funder_id).await?;
        self.program(org_id, program_id).await?;
        let (start, end) = rules::month_bounds(year, month).ok_or_else(|| invalid("month", "services-error-month"))?;
        let rows = sqlx::query(self.q("SELECT id, client_id, category, provided_on, minutes, cost_cents FROM service_log \
             WHERE org_id = ? AND funder_id = ? AND program_id = ? AND provided_on >= ? AND provided_on < ? ORDER BY provided_on, id"))
        .bind(org_id)
        .bind(funder_id)
        .bind(program_id)
        .bind(start.to_string())
        .bind(end.to_string())
        .fetch_all(self.pool())
        .await?;
        let services = rows
            .iter()
            .map(|r| {
                let day: String = r.try_get("provided_on")?;
                Ok(BillableService {
                    id: r.try_get("id")?,
                    client_id: r.try_get("client_id")?,
                    category: r.try_get("category")?,
                    provided_on: day.parse().map_err(|e: chrono::ParseError| anyhow::anyhow!(e))?,
                    minutes: r.try_get("minutes")?,
                    cost_cents: r.try_get("cost_cents")?,
                })
            })
            .collect::<StoreResult<Vec<_>>>()?;
        let rates = self.rates(org_id, funder_id, program_id).await?;
        let windows = self.eligibility_windows(org_id, program_id).await?;
        Ok(BillingReport { funder, program_id, year, month, bill: rules::bill(&services, &rates, &windows) })
    }
}
