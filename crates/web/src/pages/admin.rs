//! Administration of the user's own organization: users, programs, sites, partner
//! organizations, and the audit log.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use sendero_domain::{text, ProgramKind, Role};
use sendero_store::users::NewUser;
use sendero_store::StoreError;
use serde::Deserialize;

use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{html, see_other};
use crate::templates::{AdminPage, AdminUserPage, AuditPage, Layout};
use crate::AppState;

async fn page(state: &AppState, ctx: &Ctx, error: String, notice: String) -> AppResult<AdminPage> {
    let org = ctx.org()?;
    Ok(AdminPage {
        l: Layout::page(ctx, "admin-title"),
        organizations: state.store.organizations_for(org).await?,
        programs: state.store.programs(org).await?,
        sites: state.store.sites(org).await?,
        users: state.store.users(org).await?,
        error,
        notice,
    })
}

pub async fn show(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    Ok(html(&page(&state, &ctx, String::new(), String::new()).await?))
}

/// Re-show the admin page with a translated problem.
async fn problem(state: &AppState, ctx: &Ctx, code: &str) -> AppResult<Response> {
    Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page(state, ctx, ctx.tr.get(code), String::new()).await?)).into_response())
}

fn parse_limit(raw: &str) -> Result<i64, &'static str> {
    match raw.trim() {
        "" => Ok(25),
        s => s.parse::<i64>().ok().filter(|n| (0..=1000).contains(n)).ok_or("error-number"),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct UserForm {
    display_name: String,
    email: String,
    role: String,
    password: String,
    caseload_limit: String,
    active: String,
    unlock: String,
    version: String,
}

pub async fn create_user(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(f): Form<UserForm>) -> AppResult<Response> {
    let role = Role::parse(&f.role).ok_or(AppError::BadRequest("error-invalid"))?;
    let name = match text::required(&f.display_name, 200) {
        Ok(n) => n,
        Err(code) => return problem(&state, &ctx, code).await,
    };
    let email_ok = sendero_domain::ContactKind::Email.parse_value(&f.email);
    let Ok(email) = email_ok else {
        return problem(&state, &ctx, "error-email").await;
    };
    let limit = match parse_limit(&f.caseload_limit) {
        Ok(l) => l,
        Err(code) => return problem(&state, &ctx, code).await,
    };
    let new = NewUser { org_id: ctx.org()?, email: &email, display_name: &name, password: &f.password, role, locale: ctx.tr.code(), caseload_limit: limit };
    match state.store.create_user(ctx.user()?.id.into(), new).await {
        Ok(_) => Ok(html(&page(&state, &ctx, String::new(), ctx.tr.get("admin-user-created")).await?)),
        Err(StoreError::Refused(code)) => problem(&state, &ctx, code).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn user_form(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Response> {
    let user = state.store.user(ctx.org()?, id).await?;
    Ok(html(&AdminUserPage { l: Layout::new(Some(&ctx), ctx.tr.clone(), &user.display_name), user, error: String::new() }))
}

pub async fn update_user(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>, Form(f): Form<UserForm>) -> AppResult<Response> {
    let role = Role::parse(&f.role).ok_or(AppError::BadRequest("error-invalid"))?;
    let version = f.version.parse::<i64>().map_err(|_| AppError::BadRequest("error-invalid"))?;
    let user = state.store.user(ctx.org()?, id).await?;
    let again = |error: String, status: StatusCode| {
        (status, html(&AdminUserPage { l: Layout::new(Some(&ctx), ctx.tr.clone(), &user.display_name), user: user.clone(), error })).into_response()
    };
    let name = match text::required(&f.display_name, 200) {
        Ok(n) => n,
        Err(code) => return Ok(again(ctx.tr.get(code), StatusCode::UNPROCESSABLE_ENTITY)),
    };
    let limit = match parse_limit(&f.caseload_limit) {
        Ok(l) => l,
        Err(code) => return Ok(again(ctx.tr.get(code), StatusCode::UNPROCESSABLE_ENTITY)),
    };
    // An administrator cannot lock themselves out by demoting or deactivating their own account.
    if id == ctx.user()?.id && (role != Role::Administrator || f.active != "1") {
        return Ok(again(ctx.tr.get("admin-error-self"), StatusCode::UNPROCESSABLE_ENTITY));
    }
    match state.store.update_user(ctx.actor()?, id, version, &name, role, limit, f.active == "1", f.unlock == "1").await {
        Ok(()) => Ok(see_other("/admin")),
        Err(StoreError::Conflict { .. }) => Ok(again(ctx.tr.get("error-conflict"), StatusCode::CONFLICT)),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProgramForm {
    name: String,
    kind: String,
    enrollment_goal: String,
}

pub async fn create_program(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(f): Form<ProgramForm>) -> AppResult<Response> {
    let kind = ProgramKind::parse(&f.kind).ok_or(AppError::BadRequest("error-invalid"))?;
    let name = match text::required(&f.name, 200) {
        Ok(n) => n,
        Err(code) => return problem(&state, &ctx, code).await,
    };
    let goal = match f.enrollment_goal.trim() {
        "" => None,
        s => match s.parse::<i64>().ok().filter(|n| (0..=1_000_000).contains(n)) {
            Some(n) => Some(n),
            None => return problem(&state, &ctx, "error-number").await,
        },
    };
    state.store.create_program(ctx.actor()?, &name, kind, goal).await?;
    Ok(see_other("/admin"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PlaceForm {
    name: String,
    city: String,
}

pub async fn create_site(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(f): Form<PlaceForm>) -> AppResult<Response> {
    let (name, city) = match (text::required(&f.name, 200), text::clean(&f.city, 200)) {
        (Ok(n), Ok(c)) => (n, c),
        (Err(code), _) | (_, Err(code)) => return problem(&state, &ctx, code).await,
    };
    state.store.create_site(ctx.actor()?, &name, city.as_deref()).await?;
    Ok(see_other("/admin"))
}

/// A lead agency's administrator adds a partner organization to its consortium.
pub async fn create_organization(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(f): Form<PlaceForm>) -> AppResult<Response> {
    let (name, city) = match (text::required(&f.name, 200), text::clean(&f.city, 200)) {
        (Ok(n), Ok(c)) => (n, c),
        (Err(code), _) | (_, Err(code)) => return problem(&state, &ctx, code).await,
    };
    let own = state.store.organization(ctx.org()?).await?;
    if own.kind != "lead" {
        return problem(&state, &ctx, "admin-error-not-lead").await;
    }
    state.store.create_organization(Some(ctx.user()?.id), own.consortium_id, &name, "partner", city.as_deref()).await?;
    Ok(see_other("/admin"))
}

pub async fn audit(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    let report = state.store.audit_verify().await?;
    let entries = state.store.audit_recent(ctx.org()?, 100).await?;
    Ok(html(&AuditPage { l: Layout::page(&ctx, "audit-title"), entries, verified: report.entries, broken: report.broken.len() }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InstrumentParams {
    key: String,
}

async fn instruments_page(state: &AppState, ctx: &Ctx, definition: String, error: String, notice: String) -> AppResult<crate::templates::InstrumentsPage> {
    let list = state.store.instruments(ctx.org()?).await?;
    Ok(crate::templates::InstrumentsPage {
        l: Layout::page(ctx, "instruments-title"),
        instruments: list
            .iter()
            .map(|i| {
                let d = &i.definition;
                (i.id, d.key.clone(), d.version, sendero_domain::instrument::localized(&d.title, ctx.tr.code()).to_owned(), d.items.len(), i.org_id.is_none())
            })
            .collect(),
        definition,
        error,
        notice,
    })
}

/// The instrument editor: the newest definition of `key` (if chosen) with its version bumped,
/// ready to edit and save as a new version.
pub async fn instruments(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    axum::extract::Query(p): axum::extract::Query<InstrumentParams>,
) -> AppResult<Response> {
    let list = state.store.instruments(ctx.org()?).await?;
    let definition = match list.into_iter().find(|i| i.definition.key == p.key) {
        Some(i) => {
            let mut d = i.definition;
            d.version += 1;
            serde_json::to_string_pretty(&d).map_err(anyhow::Error::from)?
        }
        None => String::new(),
    };
    Ok(html(&instruments_page(&state, &ctx, definition, String::new(), String::new()).await?))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InstrumentForm {
    definition: String,
}

pub async fn save_instrument(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(f): Form<InstrumentForm>) -> AppResult<Response> {
    let parsed = sendero_domain::instrument::Instrument::parse(&f.definition);
    let (status, error, notice) = match parsed {
        Err(e) => (StatusCode::UNPROCESSABLE_ENTITY, format!("{} {}", ctx.tr.get(e.code), e.detail), String::new()),
        Ok(definition) => match state.store.save_instrument(ctx.actor()?, &definition).await {
            Ok(_) => (
                StatusCode::OK,
                String::new(),
                ctx.tr.with("instrument-saved", &[("key", definition.key.clone()), ("version", definition.version.to_string())]),
            ),
            Err(StoreError::Refused(code)) => (StatusCode::UNPROCESSABLE_ENTITY, ctx.tr.get(code), String::new()),
            Err(e) => return Err(e.into()),
        },
    };
    let keep = if error.is_empty() { String::new() } else { f.definition };
    Ok((status, html(&instruments_page(&state, &ctx, keep, error, notice).await?)).into_response())
}

/// Download one instrument version's definition file.
pub async fn instrument_json(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Response> {
    let i = state.store.instrument(ctx.org()?, id).await?;
    let body = serde_json::to_string_pretty(&i.definition).map_err(anyhow::Error::from)?;
    let name = format!("attachment; filename=\"{}-v{}.json\"", i.definition.key, i.definition.version);
    Ok(([(axum::http::header::CONTENT_TYPE, "application/json".to_owned()), (axum::http::header::CONTENT_DISPOSITION, name)], body).into_response())
}
