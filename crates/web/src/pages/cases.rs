//! Cases: the list, one case with its phases, notes and history, and lifecycle actions.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use sendero_domain::{text, CaseStatus, ClosureReason, Permission, Phase, Role, Transition};
use sendero_store::cases::{CaseQuery, CaseSort};
use sendero_store::{today, StoreError};
use serde::Deserialize;

use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{html, optional_id, see_other, ListParams};
use crate::templates::{CaseListPage, CasePage, CaseloadsPage, Layout};
use crate::AppState;

pub async fn list(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(p): Query<ListParams>,
) -> AppResult<Response> {
    let user = ctx.user()?;
    let mine = p.mine == "1";
    let manager = if mine {
        Some(user.id)
    } else {
        optional_id(&p.manager)?
    };
    let query = CaseQuery {
        status: CaseStatus::parse(&p.status),
        case_manager_id: manager,
        phase: Phase::parse(&p.phase),
        sort: CaseSort::parse(&p.sort),
        page: p.page(),
        per_page: p.per_page(25),
    };
    let page = state.store.list_cases(user.org_id, &query).await?;
    let base_url = format!(
        "/cases?status={}&phase={}&sort={}&mine={}&manager={}",
        query.status.map(|s| s.as_str()).unwrap_or(""),
        query.phase.map(|p| p.as_str()).unwrap_or(""),
        urlencoding::encode(&p.sort),
        if mine { "1" } else { "" },
        if mine {
            String::new()
        } else {
            manager.map(|m| m.to_string()).unwrap_or_default()
        }
    );
    Ok(html(&CaseListPage {
        base_url,
        l: Layout::page(&ctx, "cases-title"),
        page,
        status: query
            .status
            .map(|s| s.as_str().to_owned())
            .unwrap_or_default(),
        phase: query
            .phase
            .map(|s| s.as_str().to_owned())
            .unwrap_or_default(),
        mine,
        sort: match query.sort {
            CaseSort::Updated => "updated",
            CaseSort::Opened => "opened",
            CaseSort::Client => "client",
        }
        .into(),
        phases: Phase::ALL
            .iter()
            .map(|p| (p.as_str().to_owned(), ctx.tr.label("phase", p.as_str())))
            .collect(),
    }))
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    error: String,
    note_error: String,
) -> AppResult<CasePage> {
    let user = ctx.user()?;
    let case = state.store.case(user.org_id, id).await?;
    let can_notes = user.role.can(Permission::ReadNotes);
    let notes = if can_notes {
        state
            .store
            .audit_read(ctx.actor()?, "case_notes", id)
            .await?;
        state.store.notes(user.org_id, id).await?
    } else {
        vec![]
    };
    let current = case
        .program_kind
        .phases()
        .iter()
        .position(|p| *p == case.phase)
        .unwrap_or(0);
    let phases = case
        .program_kind
        .phases()
        .iter()
        .enumerate()
        .map(|(i, p)| (ctx.tr.label("phase", p.as_str()), i == current, i < current))
        .collect();
    let s = case.state();
    let staff = state
        .store
        .users(user.org_id)
        .await?
        .into_iter()
        .filter(|u| u.active && matches!(u.role, Role::CaseManager | Role::Supervisor))
        .collect();
    Ok(CasePage {
        l: Layout::new(Some(ctx), ctx.tr.clone(), &case.client_name),
        phases,
        events: state.store.case_events(user.org_id, id).await?,
        notes,
        staff,
        can_write: user.role.can(Permission::WriteCases),
        can_notes: can_notes && user.role.can(Permission::WriteNotes),
        can_override: user.role.can(Permission::OverrideCaseload),
        can_advance: s.apply(Transition::Advance).is_ok(),
        can_back: s.apply(Transition::StepBack).is_ok(),
        is_open: case.status == CaseStatus::Open,
        case,
        error,
        note_error,
        today: today().to_string(),
    })
}

pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    Ok(html(
        &page(&state, &ctx, id, String::new(), String::new()).await?,
    ))
}

/// Render the case again with an explanation when the store refuses or detects a conflict.
async fn refused(state: &AppState, ctx: &Ctx, id: i64, e: StoreError) -> AppResult<Response> {
    let (status, key) = match e {
        StoreError::Refused(code) => (StatusCode::UNPROCESSABLE_ENTITY, code),
        StoreError::Conflict { .. } => (StatusCode::CONFLICT, "case-error-conflict"),
        e => return Err(e.into()),
    };
    Ok((
        status,
        html(&page(state, ctx, id, ctx.tr.get(key), String::new()).await?),
    )
        .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OpenForm {
    program_id: String,
    site_id: String,
}

pub async fn open(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(client_id): Path<i64>,
    Form(f): Form<OpenForm>,
) -> AppResult<Response> {
    let program = optional_id(&f.program_id)?.ok_or(AppError::BadRequest("error-invalid"))?;
    let site = optional_id(&f.site_id)?;
    let user = ctx.user()?;
    // Case managers take the case they open; others open it unassigned for a supervisor.
    let manager = (user.role == Role::CaseManager).then_some(user.id);
    match state
        .store
        .open_case(ctx.actor()?, client_id, program, site, manager, false)
        .await
    {
        Ok(id) => Ok(see_other(&format!("/cases/{id}"))),
        Err(StoreError::Refused(code)) => {
            let page =
                super::clients::profile(&state, &ctx, client_id, String::new(), ctx.tr.get(code))
                    .await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TransitionForm {
    action: String,
    reason: String,
    detail: String,
    version: String,
}

pub async fn transition(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    Form(f): Form<TransitionForm>,
) -> AppResult<Response> {
    let version = f
        .version
        .parse::<i64>()
        .map_err(|_| AppError::BadRequest("error-invalid"))?;
    let t = match f.action.as_str() {
        "advance" => Transition::Advance,
        "back" => Transition::StepBack,
        "reopen" => Transition::Reopen,
        "close" => Transition::Close(
            ClosureReason::parse(&f.reason).ok_or(AppError::BadRequest("error-invalid"))?,
        ),
        _ => return Err(AppError::BadRequest("error-invalid")),
    };
    let detail = text::clean(&f.detail, 500).map_err(AppError::BadRequest)?;
    match state
        .store
        .transition_case(ctx.actor()?, id, version, t, detail)
        .await
    {
        Ok(()) => Ok(see_other(&format!("/cases/{id}"))),
        Err(e) => refused(&state, &ctx, id, e).await,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AssignForm {
    manager_id: String,
    version: String,
    #[serde(rename = "override")]
    override_limit: String,
}

pub async fn assign(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    Form(f): Form<AssignForm>,
) -> AppResult<Response> {
    let version = f
        .version
        .parse::<i64>()
        .map_err(|_| AppError::BadRequest("error-invalid"))?;
    let manager = optional_id(&f.manager_id)?.ok_or(AppError::BadRequest("error-invalid"))?;
    let allowed_override =
        f.override_limit == "1" && ctx.user()?.role.can(Permission::OverrideCaseload);
    match state
        .store
        .assign_case(ctx.actor()?, id, version, manager, allowed_override)
        .await
    {
        Ok(()) => Ok(see_other(&format!("/cases/{id}"))),
        Err(e) => refused(&state, &ctx, id, e).await,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NoteForm {
    noted_on: String,
    body: String,
}

/// Notes are dated by the day the contact happened, which may be before today but not after.
pub fn parse_note(noted_on: &str, body: &str) -> Result<(chrono::NaiveDate, String), &'static str> {
    let on = chrono::NaiveDate::parse_from_str(noted_on.trim(), "%Y-%m-%d")
        .map_err(|_| "error-date-format")?;
    if on > today()
        || on < chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(chrono::NaiveDate::MIN)
    {
        return Err("error-date-range");
    }
    Ok((on, text::required(body, 20_000)?))
}

pub async fn add_note(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    Form(f): Form<NoteForm>,
) -> AppResult<Response> {
    match parse_note(&f.noted_on, &f.body) {
        Ok((on, body)) => {
            state.store.add_note(ctx.actor()?, id, on, &body).await?;
            Ok(see_other(&format!("/cases/{id}#notes-h")))
        }
        Err(code) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            html(&page(&state, &ctx, id, String::new(), ctx.tr.get(code)).await?),
        )
            .into_response()),
    }
}

pub async fn caseloads(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> AppResult<Response> {
    let rows = state.store.caseloads(ctx.org()?).await?;
    Ok(html(&CaseloadsPage {
        l: Layout::page(&ctx, "caseloads-title"),
        rows,
    }))
}
