//! Cases: opening, assignment under caseload limits, phase transitions, closure, notes.

use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::audit::append;
use crate::sql::render_dynamic;
use crate::{now, Actor, Page, Store, StoreError, StoreResult};
use sendero_domain::case::{check_caseload, CaseState};
use sendero_domain::{CaseStatus, ClosureReason, Phase, ProgramKind, Transition};

#[derive(Debug, Clone, Serialize)]
pub struct Case {
    pub id: i64,
    pub org_id: i64,
    pub client_id: i64,
    pub client_name: String,
    pub program_id: i64,
    pub program_name: String,
    pub program_kind: ProgramKind,
    pub site_id: Option<i64>,
    pub phase: Phase,
    pub status: CaseStatus,
    pub closure_reason: Option<ClosureReason>,
    pub case_manager_id: Option<i64>,
    pub case_manager_name: Option<String>,
    pub opened_at: String,
    pub closed_at: Option<String>,
    pub updated_at: String,
    pub version: i64,
}

impl Case {
    pub fn state(&self) -> CaseState {
        CaseState { program: self.program_kind, phase: self.phase, status: self.status, closure: self.closure_reason }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CaseEvent {
    pub at: String,
    pub actor_name: Option<String>,
    pub kind: String,
    pub from_phase: Option<String>,
    pub to_phase: Option<String>,
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Note {
    pub id: i64,
    pub case_id: i64,
    pub author_name: Option<String>,
    pub noted_on: String,
    pub body: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Caseload {
    pub user_id: i64,
    pub name: String,
    pub role: String,
    pub open_cases: i64,
    pub limit: i64,
}

#[derive(Debug, Clone, Default)]
pub struct CaseQuery {
    pub status: Option<CaseStatus>,
    pub case_manager_id: Option<i64>,
    pub phase: Option<Phase>,
    pub sort: CaseSort,
    pub page: i64,
    pub per_page: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CaseSort {
    #[default]
    Updated,
    Opened,
    Client,
}

impl CaseSort {
    pub fn parse(s: &str) -> CaseSort {
        match s {
            "opened" => CaseSort::Opened,
            "client" => CaseSort::Client,
            _ => CaseSort::Updated,
        }
    }
    fn order_by(self) -> &'static str {
        match self {
            CaseSort::Updated => "k.updated_at DESC, k.id DESC",
            CaseSort::Opened => "k.opened_at DESC, k.id DESC",
            CaseSort::Client => "c.family_names, c.given_names, k.id",
        }
    }
}

macro_rules! case_select {
    () => {
        "SELECT k.*, c.given_names, c.family_names, p.name AS program_name, p.kind AS program_kind, u.display_name AS manager_name \
         FROM cases k JOIN clients c ON c.id = k.client_id JOIN programs p ON p.id = k.program_id LEFT JOIN users u ON u.id = k.case_manager_id"
    };
}
const CASE_SELECT: &str = case_select!();
const CASE_BY_ID: &str = concat!(case_select!(), " WHERE k.id = ? AND k.org_id = ?");

fn decode<T>(value: Option<T>, what: &str) -> Result<T, sqlx::Error> {
    value.ok_or_else(|| sqlx::Error::Decode(format!("unknown {what}").into()))
}

fn case_from_row(r: &AnyRow) -> Result<Case, sqlx::Error> {
    let given: String = r.try_get("given_names")?;
    let family: Option<String> = r.try_get("family_names")?;
    let reason: Option<String> = r.try_get("closure_reason")?;
    Ok(Case {
        id: r.try_get("id")?,
        org_id: r.try_get("org_id")?,
        client_id: r.try_get("client_id")?,
        client_name: family.map(|f| format!("{given} {f}")).unwrap_or(given),
        program_id: r.try_get("program_id")?,
        program_name: r.try_get("program_name")?,
        program_kind: decode(ProgramKind::parse(&r.try_get::<String, _>("program_kind")?), "program kind")?,
        site_id: r.try_get("site_id")?,
        phase: decode(Phase::parse(&r.try_get::<String, _>("phase")?), "phase")?,
        status: decode(CaseStatus::parse(&r.try_get::<String, _>("status")?), "status")?,
        closure_reason: reason.as_deref().and_then(ClosureReason::parse_stored),
        case_manager_id: r.try_get("case_manager_id")?,
        case_manager_name: r.try_get("manager_name")?,
        opened_at: r.try_get("opened_at")?,
        closed_at: r.try_get("closed_at")?,
        updated_at: r.try_get("updated_at")?,
        version: r.try_get("version")?,
    })
}

impl Store {
    async fn open_cases_of(&self, tx: &mut sqlx::Transaction<'static, sqlx::Any>, user_id: i64) -> StoreResult<(i64, i64)> {
        let row = sqlx::query(self.q(
            "SELECT u.caseload_limit, (SELECT COUNT(*) FROM cases k WHERE k.case_manager_id = u.id AND k.status = 'open') AS n FROM users u WHERE u.id = ?",
        ))
        .bind(user_id)
        .fetch_one(&mut **tx)
        .await?;
        Ok((row.try_get("n")?, row.try_get("caseload_limit")?))
    }

    /// Enforce the caseload limit for `manager`; an override is recorded as its own event.
    async fn check_assignment(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        actor: Actor,
        case_id: i64,
        manager: i64,
        supervisor_override: bool,
    ) -> StoreResult<()> {
        let owned = sqlx::query(self.q("SELECT 1 AS one FROM users WHERE id = ? AND org_id = ? AND active = 1"))
            .bind(manager)
            .bind(actor.org_id)
            .fetch_optional(&mut **tx)
            .await?;
        if owned.is_none() {
            return Err(StoreError::Refused("case-error-unknown-manager"));
        }
        let (current, limit) = self.open_cases_of(tx, manager).await?;
        check_caseload(current, limit, supervisor_override).map_err(|_| StoreError::Refused("caseload-error-full"))?;
        if current >= limit {
            self.case_event(tx, actor, case_id, "caseload_override", None, None, Some(format!("{current}/{limit}"))).await?;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn case_event(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        actor: Actor,
        case_id: i64,
        kind: &str,
        from: Option<Phase>,
        to: Option<Phase>,
        detail: Option<String>,
    ) -> StoreResult<()> {
        sqlx::query(self.q("INSERT INTO case_events (org_id, case_id, at, actor_id, kind, from_phase, to_phase, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))
            .bind(actor.org_id)
            .bind(case_id)
            .bind(now())
            .bind(actor.user_id)
            .bind(kind)
            .bind(from.map(Phase::as_str))
            .bind(to.map(Phase::as_str))
            .bind(&detail)
            .execute(&mut **tx)
            .await?;
        append(
            self,
            tx,
            actor,
            kind,
            "case",
            Some(case_id),
            serde_json::json!({"from": from.map(Phase::as_str), "to": to.map(Phase::as_str), "detail": detail}),
        )
        .await
    }

    /// Open a case for a client in a program, optionally assigned (caseload limits apply).
    pub async fn open_case(
        &self,
        actor: Actor,
        client_id: i64,
        program_id: i64,
        site_id: Option<i64>,
        manager: Option<i64>,
        supervisor_override: bool,
    ) -> StoreResult<i64> {
        let program = self.program(actor.org_id, program_id).await?;
        self.client(actor.org_id, client_id).await?;
        let state = CaseState::opened(program.kind);
        let mut w = self.begin_write().await?;
        let id = self.insert_case_tx(&mut w.tx, actor, client_id, program_id, site_id, state, manager, supervisor_override, None).await?;
        w.commit().await?;
        Ok(id)
    }

    /// Insert an opened case with its "open" event and, optionally, its case manager (caseload
    /// limits apply), inside the caller's transaction.
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn insert_case_tx(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        actor: Actor,
        client_id: i64,
        program_id: i64,
        site_id: Option<i64>,
        state: CaseState,
        manager: Option<i64>,
        supervisor_override: bool,
        detail: Option<String>,
    ) -> StoreResult<i64> {
        let at = now();
        let id: i64 = sqlx::query(self.q(
            "INSERT INTO cases (org_id, client_id, program_id, site_id, phase, status, opened_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        ))
        .bind(actor.org_id)
        .bind(client_id)
        .bind(program_id)
        .bind(site_id)
        .bind(state.phase.as_str())
        .bind(state.status.as_str())
        .bind(&at)
        .bind(&at)
        .fetch_one(&mut **tx)
        .await?
        .try_get("id")?;
        self.case_event(tx, actor, id, "open", None, Some(state.phase), detail).await?;
        if let Some(manager) = manager {
            self.check_assignment(tx, actor, id, manager, supervisor_override).await?;
            sqlx::query(self.q("UPDATE cases SET case_manager_id = ?, version = version + 1 WHERE id = ?")).bind(manager).bind(id).execute(&mut **tx).await?;
            self.case_event(tx, actor, id, "assign", None, None, Some(manager.to_string())).await?;
        }
        Ok(id)
    }

    pub async fn case(&self, org_id: i64, id: i64) -> StoreResult<Case> {
        let row = sqlx::query(self.q(CASE_BY_ID)).bind(id).bind(org_id).fetch_optional(&self.pool).await?;
        row.as_ref().map(case_from_row).transpose()?.ok_or(StoreError::NotFound)
    }

    pub async fn client_cases(&self, org_id: i64, client_id: i64) -> StoreResult<Vec<Case>> {
        // `+k.org_id` keeps SQLite's planner on the client index: with the org's opened-date index
        // available it otherwise walked every case of the organization to skip a sort (bench/).
        let sql = render_dynamic(self.dialect(), &format!("{CASE_SELECT} WHERE k.client_id = ? AND +k.org_id = ? ORDER BY k.opened_at DESC"));
        let rows = sqlx::query(&sql).bind(client_id).bind(org_id).fetch_all(&self.pool).await?;
        Ok(rows.iter().map(case_from_row).collect::<Result<_, _>>()?)
    }

    pub async fn list_cases(&self, org_id: i64, q: &CaseQuery) -> StoreResult<Page<Case>> {
        let per_page = q.per_page.clamp(1, 200);
        let page = q.page.max(1);
        let mut filter = String::from(" WHERE k.org_id = ?");
        if q.status.is_some() {
            filter.push_str(" AND k.status = ?");
        }
        if q.case_manager_id.is_some() {
            filter.push_str(" AND k.case_manager_id = ?");
        }
        if q.phase.is_some() {
            filter.push_str(" AND k.phase = ?");
        }
        let count_sql =
            render_dynamic(self.dialect(), &format!("SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM cases k{filter} LIMIT {}) counted", crate::COUNT_CAP + 1));
        // Page over case ids first (an index gives the order), then join the page's rows: sorting
        // every joined case per page made the list take seconds at 100,000 cases (bench/).
        let list_sql = match q.sort {
            CaseSort::Client => render_dynamic(self.dialect(), &format!("{CASE_SELECT}{filter} ORDER BY {} LIMIT ? OFFSET ?", q.sort.order_by())),
            _ => render_dynamic(
                self.dialect(),
                &format!(
                    "{CASE_SELECT} JOIN (SELECT k.id FROM cases k{filter} ORDER BY {order} LIMIT ? OFFSET ?) pick ON pick.id = k.id ORDER BY {order}",
                    order = q.sort.order_by()
                ),
            ),
        };
        macro_rules! bind_filters {
            ($query:expr) => {{
                let mut query = $query.bind(org_id);
                if let Some(s) = q.status {
                    query = query.bind(s.as_str());
                }
                if let Some(m) = q.case_manager_id {
                    query = query.bind(m);
                }
                if let Some(p) = q.phase {
                    query = query.bind(p.as_str());
                }
                query
            }};
        }
        let total: i64 = bind_filters!(sqlx::query(&count_sql)).fetch_one(&self.pool).await?.try_get("n")?;
        let rows = bind_filters!(sqlx::query(&list_sql)).bind(per_page).bind((page - 1) * per_page).fetch_all(&self.pool).await?;
        Ok(Page { items: rows.iter().map(case_from_row).collect::<Result<_, _>>()?, total, page, per_page })
    }

    /// Apply a lifecycle transition decided by the domain, guarded by the version column.
    pub async fn transition_case(&self, actor: Actor, id: i64, version: i64, transition: Transition, detail: Option<String>) -> StoreResult<()> {
        let case = self.case(actor.org_id, id).await?;
        if case.version != version {
            return Err(StoreError::Conflict { current_version: case.version, changed: vec!["phase".into()] });
        }
        let next = case.state().apply(transition).map_err(|e| StoreError::Refused(e.code()))?;
        let at = now();
        let closed_at = (next.status == CaseStatus::Closed).then(|| at.clone());
        let mut w = self.begin_write().await?;
        let done = sqlx::query(self.q(
            "UPDATE cases SET phase = ?, status = ?, closure_reason = ?, closed_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND org_id = ? AND version = ?",
        ))
        .bind(next.phase.as_str())
        .bind(next.status.as_str())
        .bind(next.closure.map(ClosureReason::as_str))
        .bind(closed_at)
        .bind(&at)
        .bind(id)
        .bind(actor.org_id)
        .bind(version)
        .execute(&mut *w.tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict { current_version: version + 1, changed: vec!["phase".into()] });
        }
        let kind = match transition {
            Transition::Advance => "advance",
            Transition::StepBack => "step_back",
            Transition::Close(_) => "close",
            Transition::Reopen => "reopen",
        };
        let detail = match transition {
            Transition::Close(reason) => Some(detail.map_or(reason.as_str().to_owned(), |d| format!("{}: {d}", reason.as_str()))),
            _ => detail,
        };
        self.case_event(&mut w.tx, actor, id, kind, Some(case.phase), Some(next.phase), detail).await?;
        w.commit().await
    }

    /// Assign a case manager. Past their caseload limit this needs `supervisor_override`.
    pub async fn assign_case(&self, actor: Actor, id: i64, version: i64, manager: i64, supervisor_override: bool) -> StoreResult<()> {
        let mut w = self.begin_write().await?;
        self.check_assignment(&mut w.tx, actor, id, manager, supervisor_override).await?;
        let done =
            sqlx::query(self.q("UPDATE cases SET case_manager_id = ?, updated_at = ?, version = version + 1 WHERE id = ? AND org_id = ? AND version = ?"))
                .bind(manager)
                .bind(now())
                .bind(id)
                .bind(actor.org_id)
                .bind(version)
                .execute(&mut *w.tx)
                .await?;
        if done.rows_affected() == 0 {
            drop(w);
            let current = self.case(actor.org_id, id).await?;
            return Err(StoreError::Conflict { current_version: current.version, changed: vec!["case_manager".into()] });
        }
        self.case_event(&mut w.tx, actor, id, "assign", None, None, Some(manager.to_string())).await?;
        w.commit().await
    }

    pub async fn case_events(&self, org_id: i64, case_id: i64) -> StoreResult<Vec<CaseEvent>> {
        let rows = sqlx::query(self.q(
            "SELECT e.*, u.display_name AS actor_name FROM case_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.org_id = ? AND e.case_id = ? ORDER BY e.at DESC, e.id DESC",
        ))
        .bind(org_id)
        .bind(case_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(CaseEvent {
                    at: r.try_get("at")?,
                    actor_name: r.try_get("actor_name")?,
                    kind: r.try_get("kind")?,
                    from_phase: r.try_get("from_phase")?,
                    to_phase: r.try_get("to_phase")?,
                    detail: r.try_get("detail")?,
                })
            })
            .collect()
    }

    /// Write a dated case note; the body is encrypted at rest.
    pub async fn add_note(&self, actor: Actor, case_id: i64, noted_on: chrono::NaiveDate, body: &str) -> StoreResult<i64> {
        self.case(actor.org_id, case_id).await?;
        let mut w = self.begin_write().await?;
        let id: i64 =
            sqlx::query(self.q("INSERT INTO notes (org_id, case_id, author_id, noted_on, body_enc, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"))
                .bind(actor.org_id)
                .bind(case_id)
                .bind(actor.user_id)
                .bind(noted_on.to_string())
                .bind(self.cipher().encrypt(body))
                .bind(now())
                .fetch_one(&mut *w.tx)
                .await?
                .try_get("id")?;
        append(self, &mut w.tx, actor, "create", "note", Some(id), serde_json::json!({"case_id": case_id, "noted_on": noted_on.to_string()})).await?;
        w.commit().await?;
        Ok(id)
    }

    pub async fn notes(&self, org_id: i64, case_id: i64) -> StoreResult<Vec<Note>> {
        let rows = sqlx::query(self.q(
            "SELECT n.*, u.display_name AS author_name FROM notes n LEFT JOIN users u ON u.id = n.author_id WHERE n.org_id = ? AND n.case_id = ? ORDER BY n.noted_on DESC, n.id DESC",
        ))
        .bind(org_id)
        .bind(case_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let body: String = r.try_get("body_enc")?;
                Ok(Note {
                    id: r.try_get("id")?,
                    case_id: r.try_get("case_id")?,
                    author_name: r.try_get("author_name")?,
                    noted_on: r.try_get("noted_on")?,
                    body: self.cipher().decrypt(&body)?,
                    created_at: r.try_get("created_at")?,
                })
            })
            .collect()
    }

    /// Open cases per staff member who can hold cases, against their limit.
    pub async fn caseloads(&self, org_id: i64) -> StoreResult<Vec<Caseload>> {
        let rows = sqlx::query(self.q("SELECT u.id, u.display_name, u.role, u.caseload_limit, \
             (SELECT COUNT(*) FROM cases k WHERE k.case_manager_id = u.id AND k.status = 'open') AS n \
             FROM users u WHERE u.org_id = ? AND u.active = 1 AND u.role IN ('case_manager', 'supervisor') ORDER BY u.display_name"))
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Caseload {
                    user_id: r.try_get("id")?,
                    name: r.try_get("display_name")?,
                    role: r.try_get("role")?,
                    open_cases: r.try_get("n")?,
                    limit: r.try_get("caseload_limit")?,
                })
            })
            .collect()
    }
}
