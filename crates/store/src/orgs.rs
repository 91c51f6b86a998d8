//! Tenancy: consortia, organizations, programs and sites.

use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::audit::append;
use crate::{now, Actor, Store, StoreError, StoreResult};
use sendero_domain::ProgramKind;

#[derive(Debug, Clone, Serialize)]
pub struct Organization {
    pub id: i64,
    pub consortium_id: Option<i64>,
    pub name: String,
    pub kind: String,
    pub city: Option<String>,
    pub version: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Program {
    pub id: i64,
    pub org_id: i64,
    pub name: String,
    pub kind: ProgramKind,
    pub enrollment_goal: Option<i64>,
    pub version: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Site {
    pub id: i64,
    pub org_id: i64,
    pub name: String,
    pub city: Option<String>,
    pub version: i64,
}

fn org_from_row(r: &AnyRow) -> Result<Organization, sqlx::Error> {
    Ok(Organization {
        id: r.try_get("id")?,
        consortium_id: r.try_get("consortium_id")?,
        name: r.try_get("name")?,
        kind: r.try_get("kind")?,
        city: r.try_get("city")?,
        version: r.try_get("version")?,
    })
}

fn program_from_row(r: &AnyRow) -> Result<Program, sqlx::Error> {
    let kind: String = r.try_get("kind")?;
    Ok(Program {
        id: r.try_get("id")?,
        org_id: r.try_get("org_id")?,
        name: r.try_get("name")?,
        kind: ProgramKind::parse(&kind).ok_or_else(|| sqlx::Error::Decode(format!("unknown program kind {kind}").into()))?,
        enrollment_goal: r.try_get("enrollment_goal")?,
        version: r.try_get("version")?,
    })
}

fn site_from_row(r: &AnyRow) -> Result<Site, sqlx::Error> {
    Ok(Site { id: r.try_get("id")?, org_id: r.try_get("org_id")?, name: r.try_get("name")?, city: r.try_get("city")?, version: r.try_get("version")? })
}

impl Store {
    pub async fn create_consortium(&self, name: &str) -> StoreResult<i64> {
        let id = sqlx::query(self.q("INSERT INTO consortia (name, created_at) VALUES (?, ?) RETURNING id"))
            .bind(name)
            .bind(now())
            .fetch_one(&self.pool)
            .await?
            .try_get("id")?;
        Ok(id)
    }

    /// Create an organization. `actor` is `None` when bootstrapping from the CLI; the entry is
    /// then recorded on the new organization's own chain.
    pub async fn create_organization(
        &self,
        actor_user: Option<i64>,
        consortium_id: Option<i64>,
        name: &str,
        kind: &str,
        city: Option<&str>,
    ) -> StoreResult<i64> {
        let mut w = self.begin_write().await?;
        let id: i64 = sqlx::query(self.q("INSERT INTO organizations (consortium_id, name, kind, city, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id"))
            .bind(consortium_id)
            .bind(name)
            .bind(kind)
            .bind(city)
            .bind(now())
            .fetch_one(&mut *w.tx)
            .await?
            .try_get("id")?;
        let actor = Actor { user_id: actor_user, org_id: id };
        append(self, &mut w.tx, actor, "create", "organization", Some(id), serde_json::json!({"name": name, "kind": kind})).await?;
        w.commit().await?;
        Ok(id)
    }

    pub async fn organization(&self, id: i64) -> StoreResult<Organization> {
        let row = sqlx::query(self.q("SELECT * FROM organizations WHERE id = ?")).bind(id).fetch_optional(&self.pool).await?;
        row.as_ref().map(org_from_row).transpose()?.ok_or(StoreError::NotFound)
    }

    /// Organizations visible to an administrator: their own and, for a consortium member, the
    /// consortium's other members (names only — no client data crosses organizations).
    pub async fn organizations_for(&self, org_id: i64) -> StoreResult<Vec<Organization>> {
        let rows = sqlx::query(self.q("SELECT o.* FROM organizations o WHERE o.id = ? OR (o.consortium_id IS NOT NULL AND o.consortium_id = \
             (SELECT consortium_id FROM organizations WHERE id = ?)) ORDER BY o.name"))
        .bind(org_id)
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(org_from_row).collect::<Result<_, _>>()?)
    }

    pub async fn all_organizations(&self) -> StoreResult<Vec<Organization>> {
        let rows = sqlx::query("SELECT * FROM organizations ORDER BY id").fetch_all(&self.pool).await?;
        Ok(rows.iter().map(org_from_row).collect::<Result<_, _>>()?)
    }

    pub async fn create_program(&self, actor: Actor, name: &str, kind: ProgramKind, enrollment_goal: Option<i64>) -> StoreResult<i64> {
        let mut w = self.begin_write().await?;
        let id: i64 = sqlx::query(self.q("INSERT INTO programs (org_id, name, kind, enrollment_goal, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id"))
            .bind(actor.org_id)
            .bind(name)
            .bind(kind.as_str())
            .bind(enrollment_goal)
            .bind(now())
            .fetch_one(&mut *w.tx)
            .await?
            .try_get("id")?;
        append(self, &mut w.tx, actor, "create", "program", Some(id), serde_json::json!({"name": name, "kind": kind.as_str()})).await?;
        w.commit().await?;
        Ok(id)
    }

    pub async fn programs(&self, org_id: i64) -> StoreResult<Vec<Program>> {
        let rows = sqlx::query(self.q("SELECT * FROM programs WHERE org_id = ? ORDER BY name")).bind(org_id).fetch_all(&self.pool).await?;
        Ok(rows.iter().map(program_from_row).collect::<Result<_, _>>()?)
    }

    pub async fn program(&self, org_id: i64, id: i64) -> StoreResult<Program> {
        let row = sqlx::query(self.q("SELECT * FROM programs WHERE org_id = ? AND id = ?")).bind(org_id).bind(id).fetch_optional(&self.pool).await?;
        row.as_ref().map(program_from_row).transpose()?.ok_or(StoreError::NotFound)
    }

    pub async fn create_site(&self, actor: Actor, name: &str, city: Option<&str>) -> StoreResult<i64> {
        let mut w = self.begin_write().await?;
        let id: i64 = sqlx::query(self.q("INSERT INTO sites (org_id, name, city, created_at) VALUES (?, ?, ?, ?) RETURNING id"))
            .bind(actor.org_id)
            .bind(name)
            .bind(city)
            .bind(now())
            .fetch_one(&mut *w.tx)
            .await?
            .try_get("id")?;
        append(self, &mut w.tx, actor, "create", "site", Some(id), serde_json::json!({"name": name, "city": city})).await?;
        w.commit().await?;
        Ok(id)
    }

    pub async fn sites(&self, org_id: i64) -> StoreResult<Vec<Site>> {
        let rows = sqlx::query(self.q("SELECT * FROM sites WHERE org_id = ? ORDER BY name")).bind(org_id).fetch_all(&self.pool).await?;
        Ok(rows.iter().map(site_from_row).collect::<Result<_, _>>()?)
    }

    /// Does `id` of kind `entity` belong to `org_id`? The web layer calls this for every id in a
    /// path before any handler runs, so another organization's ids answer 404.
    pub async fn owns(&self, org_id: i64, entity: Entity, id: i64) -> StoreResult<bool> {
        let sql = match entity {
            Entity::Client => "SELECT 1 AS one FROM clients WHERE id = ? AND org_id = ?",
            Entity::Case => "SELECT 1 AS one FROM cases WHERE id = ? AND org_id = ?",
            Entity::Household => "SELECT 1 AS one FROM households WHERE id = ? AND org_id = ?",
            Entity::User => "SELECT 1 AS one FROM users WHERE id = ? AND org_id = ?",
            Entity::Program => "SELECT 1 AS one FROM programs WHERE id = ? AND org_id = ?",
            Entity::Site => "SELECT 1 AS one FROM sites WHERE id = ? AND org_id = ?",
            Entity::Contact => "SELECT 1 AS one FROM contacts WHERE id = ? AND org_id = ?",
            Entity::Assessment => "SELECT 1 AS one FROM assessments WHERE id = ? AND org_id = ?",
            Entity::Merge => "SELECT 1 AS one FROM merges WHERE id = ? AND org_id = ?",
            Entity::Task => "SELECT 1 AS one FROM tasks WHERE id = ? AND org_id = ?",
            Entity::Consent => "SELECT 1 AS one FROM consents WHERE id = ? AND org_id = ?",
            // Sender and recipient both see a transfer.
            Entity::Transfer => "SELECT 1 AS one FROM transfers WHERE id = ? AND (org_id = ? OR to_org_id = ?)",
            // A consent shared with this organization, in force today.
            Entity::Grant => return self.grant_visible(org_id, id, crate::today()).await,
            Entity::Event => "SELECT 1 AS one FROM events WHERE id = ? AND org_id = ?",
            Entity::Referral => "SELECT 1 AS one FROM referrals WHERE id = ? AND org_id = ?",
            // A referral another organization sent to this one (its incoming queue).
            Entity::IncomingReferral => "SELECT 1 AS one FROM referrals WHERE id = ? AND target_org_id = ?",
            Entity::Goal => "SELECT 1 AS one FROM plan_goals WHERE id = ? AND org_id = ?",
            Entity::Funder => "SELECT 1 AS one FROM funders WHERE id = ? AND org_id = ?",
            Entity::ReportSchedule => "SELECT 1 AS one FROM report_schedules WHERE id = ? AND org_id = ?",
            Entity::ReportRun => "SELECT 1 AS one FROM report_runs WHERE id = ? AND org_id = ?",
            // Built-in instruments (no organization) are visible to everyone.
            Entity::Instrument => "SELECT 1 AS one FROM instruments WHERE id = ? AND (org_id IS NULL OR org_id = ?)",
            Entity::Candidate => "SELECT 1 AS one FROM intake_candidates WHERE id = ? AND org_id = ?",
            Entity::LotteryRound => "SELECT 1 AS one FROM lottery_rounds WHERE id = ? AND org_id = ?",
            Entity::Volunteer => "SELECT 1 AS one FROM volunteers WHERE id = ? AND org_id = ?",
            // Only the requesting organization addresses a check by id; others see clearances.
            Entity::Check => "SELECT 1 AS one FROM background_checks WHERE id = ? AND requested_by_org = ?",
            Entity::Network => "SELECT 1 AS one FROM care_networks WHERE id = ? AND org_id = ?",
            Entity::NetworkTask => "SELECT 1 AS one FROM network_tasks WHERE id = ? AND org_id = ?",
            Entity::Ride => "SELECT 1 AS one FROM rides WHERE id = ? AND org_id = ?",
            Entity::Guardian => "SELECT 1 AS one FROM guardians WHERE id = ? AND org_id = ?",
        };
        // Every placeholder after the id is the organization.
        let mut query = sqlx::query(self.q(sql)).bind(id);
        for _ in 1..sql.matches('?').count() {
            query = query.bind(org_id);
        }
        Ok(query.fetch_optional(&self.pool).await?.is_some())
    }
}

/// Kinds of record that appear as ids in URLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Client,
    Case,
    Household,
    User,
    Program,
    Site,
    Contact,
    Assessment,
    Instrument,
    Merge,
    Task,
    /// A consent, as its holder sees it.
    Consent,
    /// A consent, as the organization it was given to sees it.
    Grant,
    Transfer,
    Candidate,
    LotteryRound,
    Volunteer,
    Check,
    Network,
    NetworkTask,
    Ride,
    Guardian,
    Event,
    Referral,
    IncomingReferral,
    Goal,
    Funder,
    ReportSchedule,
    ReportRun,
}
