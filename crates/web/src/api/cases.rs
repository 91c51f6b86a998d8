//! Cases and notes over the API.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use sendero_domain::{CaseStatus, ClosureReason, FieldErrors, Phase, Transition};
use sendero_store::cases::{Case, CaseQuery, CaseSort, Note};
use sendero_store::StoreError;
use serde::{Deserialize, Serialize};

use super::{conflict, invalid, ApiJson, ListOf};
use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{optional_id, ListParams};
use crate::AppState;

#[derive(Serialize, utoipa::ToSchema)]
pub struct CaseOut {
    pub id: i64,
    pub client_id: i64,
    pub client_name: String,
    pub program_id: i64,
    pub program_name: String,
    pub site_id: Option<i64>,
    pub phase: String,
    pub status: String,
    pub closure_reason: Option<String>,
    pub case_manager_id: Option<i64>,
    pub opened_at: String,
    pub closed_at: Option<String>,
    pub version: i64,
}

impl From<Case> for CaseOut {
    fn from(c: Case) -> CaseOut {
        CaseOut {
            id: c.id,
            client_id: c.client_id,
            client_name: c.client_name,
            program_id: c.program_id,
            program_name: c.program_name,
            site_id: c.site_id,
            phase: c.phase.as_str().into(),
            status: c.status.as_str().into(),
            closure_reason: c.closure_reason.map(|r| r.as_str().into()),
            case_manager_id: c.case_manager_id,
            opened_at: c.opened_at,
            closed_at: c.closed_at,
            version: c.version,
        }
    }
}

/// Cases of the caller's organization, filtered and sorted.
#[utoipa::path(get, path = "/api/v1/cases", params(("status" = Option<String>, Query), ("phase" = Option<String>, Query), ("manager" = Option<i64>, Query), ("sort" = Option<String>, Query, description = "updated | opened | client"), ("page" = Option<i64>, Query), ("per_page" = Option<i64>, Query)), responses((status = 200, body = ListOf<CaseOut>)))]
pub async fn list(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(p): Query<ListParams>) -> AppResult<Json<ListOf<CaseOut>>> {
    let query = CaseQuery {
        status: CaseStatus::parse(&p.status),
        case_manager_id: optional_id(&p.manager)?,
        phase: Phase::parse(&p.phase),
        sort: CaseSort::parse(&p.sort),
        page: p.page(),
        per_page: p.per_page(50),
    };
    let page = state.store.list_cases(ctx.org()?, &query).await?;
    Ok(Json(ListOf { items: page.items.into_iter().map(Into::into).collect(), total: page.total, page: page.page, per_page: page.per_page }))
}

#[derive(Deserialize, Serialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct OpenIn {
    pub client_id: i64,
    pub program_id: i64,
    pub site_id: Option<i64>,
    pub case_manager_id: Option<i64>,
}

/// Open a case for a client in a program (caseload limits apply).
#[utoipa::path(post, path = "/api/v1/cases", request_body = OpenIn, responses((status = 201, body = CaseOut), (status = 404), (status = 422)))]
pub async fn open(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, ApiJson(body): ApiJson<OpenIn>) -> AppResult<Response> {
    let id = state.store.open_case(ctx.actor()?, body.client_id, body.program_id, body.site_id, body.case_manager_id, false).await?;
    Ok((StatusCode::CREATED, Json(CaseOut::from(state.store.case(ctx.org()?, id).await?))).into_response())
}

/// One case.
#[utoipa::path(get, path = "/api/v1/cases/{case_id}", params(("case_id" = i64, Path)), responses((status = 200, body = CaseOut), (status = 404)))]
pub async fn show(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Json<CaseOut>> {
    Ok(Json(state.store.case(ctx.org()?, id).await?.into()))
}

#[derive(Deserialize, Serialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct TransitionIn {
    /// advance, step_back, close or reopen
    pub action: String,
    /// Closure reason when closing: goals_met, moved_away, lost_contact, declined, other
    pub reason: Option<String>,
    pub detail: Option<String>,
    pub version: i64,
}

/// Move a case through its lifecycle. Invalid transitions answer 422 with the reason.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/transition", params(("case_id" = i64, Path)), request_body = TransitionIn, responses((status = 200, body = CaseOut), (status = 409), (status = 422)))]
pub async fn transition(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<TransitionIn>,
) -> AppResult<Response> {
    let mut errors = FieldErrors::default();
    let t = match body.action.as_str() {
        "advance" => Some(Transition::Advance),
        "step_back" => Some(Transition::StepBack),
        "reopen" => Some(Transition::Reopen),
        "close" => match body.reason.as_deref().and_then(ClosureReason::parse) {
            Some(r) => Some(Transition::Close(r)),
            None => {
                errors.push("reason", "error-required");
                None
            }
        },
        _ => {
            errors.push("action", "error-invalid");
            None
        }
    };
    let detail = sendero_domain::text::clean(body.detail.as_deref().unwrap_or(""), 500).unwrap_or_else(|code| {
        errors.push("detail", code);
        None
    });
    let Some(t) = t.filter(|_| errors.is_empty()) else {
        return Ok(invalid(&ctx, &errors));
    };
    match state.store.transition_case(ctx.actor()?, id, body.version, t, detail).await {
        Ok(()) => Ok(Json(CaseOut::from(state.store.case(ctx.org()?, id).await?)).into_response()),
        Err(StoreError::Conflict { current_version, changed }) => Ok(conflict(&ctx, current_version, &changed)),
        Err(e) => Err(AppError::from(e)),
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct NoteOut {
    pub id: i64,
    pub noted_on: String,
    pub author: Option<String>,
    pub body: String,
}

impl From<Note> for NoteOut {
    fn from(n: Note) -> NoteOut {
        NoteOut { id: n.id, noted_on: n.noted_on, author: n.author_name, body: n.body }
    }
}

/// Case notes, newest first (each read is logged).
#[utoipa::path(get, path = "/api/v1/cases/{case_id}/notes", params(("case_id" = i64, Path)), responses((status = 200, body = Vec<NoteOut>)))]
pub async fn notes(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Json<Vec<NoteOut>>> {
    state.store.audit_read(ctx.actor()?, "case_notes", id).await?;
    Ok(Json(state.store.notes(ctx.org()?, id).await?.into_iter().map(Into::into).collect()))
}

#[derive(Deserialize, Serialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct NoteIn {
    /// YYYY-MM-DD, not in the future
    pub noted_on: String,
    pub body: String,
}

/// Write a case note.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/notes", params(("case_id" = i64, Path)), request_body = NoteIn, responses((status = 201), (status = 422)))]
pub async fn add_note(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<NoteIn>,
) -> AppResult<Response> {
    match crate::pages::cases::parse_note(&body.noted_on, &body.body) {
        Ok((on, text)) => {
            let note = state.store.add_note(ctx.actor()?, id, on, &text).await?;
            Ok((StatusCode::CREATED, Json(serde_json::json!({"id": note}))).into_response())
        }
        Err((field, code)) => {
            let mut errors = FieldErrors::default();
            errors.push(field, code);
            Ok(invalid(&ctx, &errors))
        }
    }
}
