//! Closed-loop referrals: to a directory service (the case manager records the answer) or to
//! another organization in Sendero (which answers from its incoming queue and sees only the
//! fields the case manager chose to share, with the client's recorded consent).

use std::collections::BTreeMap;

use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::audit::append;
use crate::tasks::NewTask;
use crate::{now, Actor, Store, StoreError, StoreResult};
use sendero_domain::services::{referral_overdue, referral_step, ReferralStatus, CONSENT_METHODS, SHAREABLE_FIELDS};
use sendero_domain::FieldErrors;

#[derive(Debug, Clone)]
pub enum ReferralTarget {
    /// A service of the organization's directory, by HSDS id.
    Directory(String),
    /// Another organization in the consortium.
    Organization(i64),
}

#[derive(Debug, Clone)]
pub struct NewReferral {
    pub case_id: i64,
    pub target: ReferralTarget,
    pub category: Option<String>,
    /// Chosen from [`SHAREABLE_FIELDS`]; nothing else travels.
    pub shared_fields: Vec<String>,
    /// What the client needs, in the case manager's words (sent when `needs` is shared).
    pub needs: Option<String>,
    /// Who consented (the client, or a guardian by name), how and when.
    pub consent_by: String,
    pub consent_method: String,
    pub consent_on: chrono::NaiveDate,
    pub sent_on: chrono::NaiveDate,
}

#[derive(Debug, Clone, Serialize)]
pub struct Referral {
    pub id: i64,
    pub org_id: i64,
    pub from_org_name: String,
    pub case_id: i64,
    pub target_kind: String,
    pub dir_service_hsds_id: Option<String>,
    pub target_org_id: Option<i64>,
    pub target_name: String,
    pub category: Option<String>,
    pub status: ReferralStatus,
    pub reason: Option<String>,
    /// Exactly what was shared: field → value.
    pub shared: BTreeMap<String, String>,
    pub consent_by: String,
    pub consent_method: String,
    pub consent_on: String,
    pub sent_on: String,
    pub accepted_on: Option<String>,
    pub closed_on: Option<String>,
    pub version: i64,
}

impl Referral {
    pub fn status_str(&self) -> &'static str {
        self.status.as_str()
    }

    pub fn next(&self) -> Vec<&'static str> {
        self.status.next().iter().map(|s| s.as_str()).collect()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ReferralEvent {
    pub at: String,
    pub actor_name: Option<String>,
    pub actor_org_name: String,
    pub from_status: Option<String>,
    pub to_status: String,
    pub reason: Option<String>,
}

/// Outcomes per referred service or organization.
#[derive(Debug, Clone, Serialize)]
pub struct ReferralOutcome {
    pub target_name: String,
    pub sent: i64,
    pub accepted: i64,
    pub completed: i64,
    pub rejected: i64,
    /// Median days from sending to acceptance, over accepted referrals.
    pub median_days_to_accept: Option<f64>,
    /// Completed / sent, in percent (one decimal).
    pub completion_percent: f64,
}

/// An overdue referral on the dashboard.
#[derive(Debug, Clone, Serialize)]
pub struct OverdueReferral {
    pub id: i64,
    pub case_id: i64,
    pub target_name: String,
    pub sent_on: String,
    pub days_waiting: i64,
}

const SELECT: &str = "SELECT r.*, o.name AS from_org_name FROM referrals r JOIN organizations o ON o.id = r.org_id";

fn referral_from_row(store: &Store, r: &AnyRow) -> StoreResult<Referral> {
    let status: String = r.try_get("status")?;
    let shared: String = r.try_get("shared_enc")?;
    Ok(Referral {
        id: r.try_get("id")?,
        org_id: r.try_get("org_id")?,
        from_org_name: r.try_get("from_org_name")?,
        case_id: r.try_get("case_id")?,
        target_kind: r.try_get("target_kind")?,
        dir_service_hsds_id: r.try_get("dir_service_hsds_id")?,
        target_org_id: r.try_get("target_org_id")?,
        target_name: r.try_get("target_name")?,
        category: r.try_get("category")?,
        status: ReferralStatus::parse(&status).ok_or_else(|| anyhow::anyhow!("unknown referral status {status}"))?,
        reason: r.try_get("reason")?,
        shared: serde_json::from_str(&store.cipher().decrypt(&shared)?).map_err(anyhow::Error::from)?,
        consent_by: r.try_get("consent_by")?,
        consent_method: r.try_get("consent_method")?,
        consent_on: r.try_get("consent_on")?,
        sent_on: r.try_get("sent_on")?,
        accepted_on: r.try_get("accepted_on")?,
        closed_on: r.try_get("closed_on")?,
        version: r.try_get("version")?,
    })
}

fn date_of(at: &str) -> Option<chrono::NaiveDate> {
    at.get(..10)?.parse().ok()
}

impl Store {
    /// Send a referral. Refused without the client's recorded consent; only the chosen fields
    /// are copied (encrypted) into the referral.
    pub async fn create_referral(&self, actor: Actor, r: &NewReferral) -> StoreResult<i64> {
        if r.consent_by.trim().is_empty() || !CONSENT_METHODS.contains(&r.consent_method.as_str()) {
            return Err(StoreError::Refused("referral-needs-consent"));
        }
        let mut errors = FieldErrors::default();
        if r.shared_fields.iter().any(|f| !SHAREABLE_FIELDS.contains(&f.as_str())) {
            errors.push("shared_fields", "referral-error-field");
        }
        if r.consent_on > r.sent_on {
            errors.push("consent_on", "referral-error-consent-date");
        }
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        let case = self.case(actor.org_id, r.case_id).await?;
        let (kind, hsds_id, target_org, target_name) = match &r.target {
            ReferralTarget::Directory(id) => {
                let service = self.directory_service(actor.org_id, id).await?;
                let name = match service.organization_name {
                    Some(org) => format!("{} — {org}", service.name),
                    None => service.name,
                };
                ("directory", Some(id.clone()), None, name)
            }
            ReferralTarget::Organization(org) => {
                let partner =
                    self.organizations_for(actor.org_id).await?.into_iter().find(|o| o.id == *org && o.id != actor.org_id).ok_or(StoreError::NotFound)?;
                ("organization", None, Some(partner.id), partner.name)
            }
        };
        let client = self.client(actor.org_id, case.client_id).await?;
        let mut shared = BTreeMap::new();
        for field in &r.shared_fields {
            let value = match field.as_str() {
                "name" => Some(client.full_name()),
                "date_of_birth" => client.birth_date.clone(),
                "languages" => client.languages.clone(),
                "country" => client.country.clone(),
                "phone" => self.contacts(actor.org_id, client.id).await?.into_iter().find(|c| c.kind == "phone" && c.valid_to.is_none()).map(|c| c.value),
                "household_size" => match client.household_id {
                    Some(h) => Some(self.household(actor.org_id, h).await.map(|h| h.members.len().to_string()).unwrap_or_default()),
                    None => Some("1".into()),
                },
                "needs" => r.needs.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned),
                _ => None,
            };
            if let Some(value) = value.filter(|v| !v.is_empty()) {
                shared.insert(field.clone(), value);
            }
        }
        let at = now();
        let mut w = self.begin_write().await?;
        let id: i64 = sqlx::query(self.q(
            "INSERT INTO referrals (org_id, case_id, client_id, target_kind, dir_service_hsds_id, target_org_id, target_name, category, status, shared_fields, shared_enc, \
             consent_by, consent_method, consent_on, sent_on, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'requested', ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        ))
        .bind(actor.org_id)
        .bind(r.case_id)
        .bind(case.client_id)
        .bind(kind)
        .bind(hsds_id)
        .bind(target_org)
        .bind(&target_name)
        .bind(r.category.as_deref().filter(|c| !c.is_empty()))
        .bind(r.shared_fields.join(","))
        .bind(self.cipher().encrypt(&serde_json::to_string(&shared).map_err(anyhow::Error::from)?))
        .bind(r.consent_by.trim())
        .bind(&r.consent_method)
        .bind(r.consent_on.to_string())
        .bind(r.sent_on.to_string())
        .bind(actor.user_id)
        .bind(&at)
        .bind(&at)
        .fetch_one(&mut *w.tx)
        .await?
        .try_get("id")?;
        sqlx::query(self.q("INSERT INTO referral_events (referral_id, at, actor_id, actor_org_id, to_status) VALUES (?, ?, ?, ?, 'requested')"))
            .bind(id)
            .bind(&at)
            .bind(actor.user_id)
            .bind(actor.org_id)
            .execute(&mut *w.tx)
            .await?;
        append(
            self,
            &mut w.tx,
            actor,
            "create",
            "referral",
            Some(id),
            serde_json::json!({"case_id": r.case_id, "target_kind": kind, "target_org_id": target_org, "shared_fields": r.shared_fields, "consent_method": r.consent_method}),
        )
        .await?;
        w.commit().await?;
        Ok(id)
    }

    /// A referral as its sender sees it.
    pub async fn referral(&self, org_id: i64, id: i64) -> StoreResult<Referral> {
        let sql = crate::render_sql(self.dialect(), &format!("{SELECT} WHERE r.id = ? AND r.org_id = ?"));
        let row = sqlx::query(&sql).bind(id).bind(org_id).fetch_optional(self.pool()).await?.ok_or(StoreError::NotFound)?;
        referral_from_row(self, &row)
    }

    /// A referral sent to `org_id` by another organization: only the shared fields are in it.
    pub async fn incoming_referral(&self, actor: Actor, id: i64) -> StoreResult<Referral> {
        let sql = crate::render_sql(self.dialect(), &format!("{SELECT} WHERE r.id = ? AND r.target_org_id = ?"));
        let row = sqlx::query(&sql).bind(id).bind(actor.org_id).fetch_optional(self.pool()).await?.ok_or(StoreError::NotFound)?;
        self.audit_read(actor, "referral", id).await?;
        referral_from_row(self, &row)
    }

    pub async fn case_referrals(&self, org_id: i64, case_id: i64) -> StoreResult<Vec<Referral>> {
        let sql = crate::render_sql(self.dialect(), &format!("{SELECT} WHERE r.org_id = ? AND r.case_id = ? ORDER BY r.sent_on DESC, r.id DESC"));
        let rows = sqlx::query(&sql).bind(org_id).bind(case_id).fetch_all(self.pool()).await?;
        rows.iter().map(|r| referral_from_row(self, r)).collect()
    }

    /// The queue of referrals other organizations sent to `org_id`, open ones first.
    pub async fn incoming_referrals(&self, org_id: i64) -> StoreResult<Vec<Referral>> {
        let sql = crate::render_sql(
            self.dialect(),
            &format!(
                "{SELECT} WHERE r.target_org_id = ? ORDER BY CASE WHEN r.status IN ('requested', 'received') THEN 0 ELSE 1 END, r.sent_on, r.id LIMIT 500"
            ),
        );
        let rows = sqlx::query(&sql).bind(org_id).fetch_all(self.pool()).await?;
        rows.iter().map(|r| referral_from_row(self, r)).collect()
    }

    pub async fn referral_events(&self, referral_id: i64) -> StoreResult<Vec<ReferralEvent>> {
        let rows = sqlx::query(self.q(
            "SELECT e.*, u.display_name, o.name AS org_name FROM referral_events e LEFT JOIN users u ON u.id = e.actor_id JOIN organizations o ON o.id = e.actor_org_id \
             WHERE e.referral_id = ? ORDER BY e.at, e.id",
        ))
        .bind(referral_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ReferralEvent {
                    at: r.try_get("at")?,
                    actor_name: r.try_get("display_name")?,
                    actor_org_name: r.try_get("org_name")?,
                    from_status: r.try_get("from_status")?,
                    to_status: r.try_get("to_status")?,
                    reason: r.try_get("reason")?,
                })
            })
            .collect()
    }

    /// The sender records a step: the answer of an outside service, or a cancellation.
    /// Referrals to organizations in Sendero are answered by that organization.
    pub async fn update_referral(&self, actor: Actor, id: i64, version: i64, to: ReferralStatus, reason: Option<&str>) -> StoreResult<()> {
        let current = self.referral(actor.org_id, id).await?;
        if current.target_kind == "organization" && to != ReferralStatus::Cancelled {
            return Err(StoreError::Refused("referral-answered-by-receiver"));
        }
        self.step_referral(actor, &current, version, to, reason).await
    }

    /// The receiving organization answers a referral in its queue.
    pub async fn answer_referral(&self, actor: Actor, id: i64, version: i64, to: ReferralStatus, reason: Option<&str>) -> StoreResult<()> {
        let current = self.incoming_referral(actor, id).await?;
        if to == ReferralStatus::Cancelled {
            return Err(StoreError::Refused("referral-step-not-allowed"));
        }
        self.step_referral(actor, &current, version, to, reason).await
    }

    async fn step_referral(&self, actor: Actor, current: &Referral, version: i64, to: ReferralStatus, reason: Option<&str>) -> StoreResult<()> {
        referral_step(current.status, to, reason).map_err(|e| StoreError::Refused(e.code()))?;
        let at = now();
        let today = &at[..10];
        let mut w = self.begin_write().await?;
        let accepted_on = (to == ReferralStatus::Accepted).then_some(today);
        let closed_on = to.is_final().then_some(today);
        let done = sqlx::query(self.q(
            "UPDATE referrals SET status = ?, reason = ?, accepted_on = COALESCE(?, accepted_on), closed_on = COALESCE(?, closed_on), updated_at = ?, version = version + 1 \
             WHERE id = ? AND version = ? AND status = ?",
        ))
        .bind(to.as_str())
        .bind(reason.map(str::trim).filter(|r| !r.is_empty()))
        .bind(accepted_on)
        .bind(closed_on)
        .bind(&at)
        .bind(current.id)
        .bind(version)
        .bind(current.status.as_str())
        .execute(&mut *w.tx)
        .await?
        .rows_affected();
        if done == 0 {
            return Err(StoreError::Conflict { current_version: current.version, changed: vec!["status".into()] });
        }
        sqlx::query(
            self.q("INSERT INTO referral_events (referral_id, at, actor_id, actor_org_id, from_status, to_status, reason) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        )
        .bind(current.id)
        .bind(&at)
        .bind(actor.user_id)
        .bind(actor.org_id)
        .bind(current.status.as_str())
        .bind(to.as_str())
        .bind(reason.map(str::trim).filter(|r| !r.is_empty()))
        .execute(&mut *w.tx)
        .await?;
        append(self, &mut w.tx, actor, to.as_str(), "referral", Some(current.id), serde_json::json!({"from": current.status.as_str(), "reason": reason}))
            .await?;
        w.commit().await
    }

    /// Unanswered referrals past their program's wait, for one case manager's cases (or all of
    /// the organization's with `None`).
    pub async fn overdue_referrals(&self, org_id: i64, manager: Option<i64>, today: chrono::NaiveDate) -> StoreResult<Vec<OverdueReferral>> {
        let rows = sqlx::query(self.q(
            "SELECT r.id, r.case_id, r.target_name, r.sent_on, r.status, k.program_id, k.case_manager_id FROM referrals r JOIN cases k ON k.id = r.case_id \
             WHERE r.org_id = ? AND r.status IN ('requested', 'received') ORDER BY r.sent_on, r.id",
        ))
        .bind(org_id)
        .fetch_all(self.pool())
        .await?;
        let mut waits: BTreeMap<i64, i64> = BTreeMap::new();
        let mut out = Vec::new();
        for r in rows {
            let owner: Option<i64> = r.try_get("case_manager_id")?;
            if manager.is_some() && owner != manager {
                continue;
            }
            let program: i64 = r.try_get("program_id")?;
            let wait = match waits.get(&program) {
                Some(w) => *w,
                None => {
                    let w = self.service_settings(org_id, Some(program)).await?.referral_wait_days;
                    waits.insert(program, w);
                    w
                }
            };
            let sent: String = r.try_get("sent_on")?;
            let status: String = r.try_get("status")?;
            let (Some(sent_on), Some(status)) = (date_of(&sent), ReferralStatus::parse(&status)) else { continue };
            if referral_overdue(status, sent_on, today, wait) {
                out.push(OverdueReferral {
                    id: r.try_get("id")?,
                    case_id: r.try_get("case_id")?,
                    target_name: r.try_get("target_name")?,
                    sent_on: sent,
                    days_waiting: (today - sent_on).num_days(),
                });
            }
        }
        Ok(out)
    }

    /// Open a follow-up task for every overdue referral of every organization (idempotent: one
    /// task per referral, source `referral:<id>:overdue`). The worker and the dashboard call
    /// this; returns how many tasks were opened.
    pub async fn open_overdue_referral_tasks(&self, now_at: chrono::DateTime<chrono::Utc>) -> StoreResult<usize> {
        let today = now_at.date_naive();
        let orgs = sqlx::query(self.q("SELECT DISTINCT org_id FROM referrals WHERE status IN ('requested', 'received')")).fetch_all(self.pool()).await?;
        let mut opened = 0;
        for org in orgs {
            let org_id: i64 = org.try_get("org_id")?;
            let overdue = self.overdue_referrals(org_id, None, today).await?;
            if overdue.is_empty() {
                continue;
            }
            let actor = Actor { user_id: None, org_id };
            for r in overdue {
                let case = self.case(org_id, r.case_id).await?;
                let title = format!("Follow up the referral to {} (no answer in {} days)", r.target_name, r.days_waiting);
                let task = NewTask {
                    case_id: Some(r.case_id),
                    client_id: Some(case.client_id),
                    kind: "referral_followup",
                    title: &title,
                    due_on: Some(today),
                    assignee_id: case.case_manager_id,
                    source: Some(format!("referral:{}:overdue", r.id)),
                };
                if self.create_task(actor, &task).await?.is_some() {
                    opened += 1;
                }
            }
        }
        Ok(opened)
    }

    /// Time to acceptance and completion rate per referred service/organization.
    pub async fn referral_outcomes(&self, org_id: i64) -> StoreResult<Vec<ReferralOutcome>> {
        let rows = sqlx::query(self.q("SELECT target_name, status, sent_on, accepted_on FROM referrals WHERE org_id = ? ORDER BY target_name"))
            .bind(org_id)
            .fetch_all(self.pool())
            .await?;
        let mut groups: BTreeMap<String, (i64, i64, i64, i64, Vec<i64>)> = BTreeMap::new();
        for r in rows {
            let status: String = r.try_get("status")?;
            let sent: String = r.try_get("sent_on")?;
            let accepted: Option<String> = r.try_get("accepted_on")?;
            let g = groups.entry(r.try_get("target_name")?).or_default();
            g.0 += 1;
            if let (Some(a), Some(s)) = (accepted.as_deref().and_then(date_of), date_of(&sent)) {
                g.1 += 1;
                g.4.push((a - s).num_days().max(0));
            }
            match status.as_str() {
                "completed" => g.2 += 1,
                "rejected" => g.3 += 1,
                _ => {}
            }
        }
        Ok(groups
            .into_iter()
            .map(|(target_name, (sent, accepted, completed, rejected, mut days))| {
                days.sort_unstable();
                let median = match days.len() {
                    0 => None,
                    n if n % 2 == 1 => Some(days[n / 2] as f64),
                    n => Some((days[n / 2 - 1] + days[n / 2]) as f64 / 2.0),
                };
                ReferralOutcome {
                    target_name,
                    sent,
                    accepted,
                    completed,
                    rejected,
                    median_days_to_accept: median,
                    completion_percent: if sent == 0 { 0.0 } else { (completed as f64 * 1000.0 / sent as f64).round() / 10.0 },
                }
            })
            .collect())
    }
}
