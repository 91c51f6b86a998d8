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

pub async fn list(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(p): Query<ListParams>) -> AppResult<Response> {
    let user = ctx.user()?;
    let mine = p.mine == "1";
    let manager = if mine { Some(user.id) } else { optional_id(&p.manager)? };
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
        if mine { String::new() } else { manager.map(|m| m.to_string()).unwrap_or_default() }
    );
    Ok(html(&CaseListPage {
        base_url,
        l: Layout::page(&ctx, "cases-title"),
        page,
        status: query.status.map(|s| s.as_str().to_owned()).unwrap_or_default(),
        phase: query.phase.map(|s| s.as_str().to_owned()).unwrap_or_default(),
        mine,
        sort: match query.sort {
            CaseSort::Updated => "updated",
            CaseSort::Opened => "opened",
            CaseSort::Client => "client",
        }
        .into(),
        phases: Phase::ALL.iter().map(|p| (p.as_str().to_owned(), ctx.tr.label("phase", p.as_str()))).collect(),
    }))
}

/// What the note form shows again after a refusal: the typed date and text, and which field failed.
#[derive(Default)]
struct NoteDraft {
    date: Option<String>,
    body: String,
    date_error: String,
    body_error: String,
}

/// One history line in the user's language: when, who, what.
fn describe_event(ctx: &Ctx, e: &sendero_store::cases::CaseEvent, staff: &[sendero_store::users::User]) -> (String, String, String) {
    let tr = &ctx.tr;
    let mut what = tr.label("event", &e.kind);
    match e.kind.as_str() {
        "open" | "advance" | "step_back" | "reopen" => {
            if let Some(to) = &e.to_phase {
                what = format!("{what} → {}", tr.label("phase", to));
            }
        }
        "close" => {
            if let Some(d) = &e.detail {
                let (reason, note) = d.split_once(": ").map_or((d.as_str(), None), |(r, n)| (r, Some(n)));
                what = format!("{what}: {}", tr.label("closure", reason));
                if let Some(n) = note {
                    what = format!("{what} ({n})");
                }
            }
        }
        "assign" => {
            let name = e.detail.as_deref().and_then(|d| d.parse::<i64>().ok()).and_then(|id| staff.iter().find(|u| u.id == id)).map(|u| u.display_name.clone());
            if let Some(name) = name {
                what = format!("{what}: {name}");
            }
        }
        _ => {
            if let Some(d) = &e.detail {
                what = format!("{what} ({d})");
            }
        }
    }
    (e.at.get(..16).unwrap_or(&e.at).replace('T', " "), e.actor_name.clone().unwrap_or_else(|| "—".into()), what)
}

async fn page(state: &AppState, ctx: &Ctx, id: i64, error: String, note: NoteDraft) -> AppResult<CasePage> {
    page_with(state, ctx, id, error, note, None).await
}

/// The case page with an error shown in one feature section (`"task"`, `"transfer"`, …).
pub async fn render_with_section_error(state: &AppState, ctx: &Ctx, id: i64, section: &'static str, message: String) -> AppResult<Response> {
    Ok(html(&page_with(state, ctx, id, String::new(), NoteDraft::default(), Some((section, message))).await?))
}

async fn page_with(state: &AppState, ctx: &Ctx, id: i64, error: String, note: NoteDraft, section_error: Option<(&'static str, String)>) -> AppResult<CasePage> {
    let user = ctx.user()?;
    let case = state.store.case(user.org_id, id).await?;
    let can_notes = user.role.can(Permission::ReadNotes);
    let notes = if can_notes {
        state.store.audit_read(ctx.actor()?, "case_notes", id).await?;
        state.store.notes(user.org_id, id).await?
    } else {
        vec![]
    };
    let current = case.program_kind.phases().iter().position(|p| *p == case.phase).unwrap_or(0);
    let phases = case.program_kind.phases().iter().enumerate().map(|(i, p)| (ctx.tr.label("phase", p.as_str()), i == current, i < current)).collect();
    let (assessments, instruments, score_chart, flags) = if can_notes { assessment_summary(state, ctx, &case).await? } else { Default::default() };
    let s = case.state();
    let everyone = state.store.users(user.org_id).await?;
    let events = state.store.case_events(user.org_id, id).await?.iter().map(|e| describe_event(ctx, e, &everyone)).collect();
    let staff = everyone.into_iter().filter(|u| u.active && matches!(u.role, Role::CaseManager | Role::Supervisor)).collect();
    let error_for = |section: &str| section_error.as_ref().filter(|(s, _)| *s == section).map(|(_, m)| m.clone()).unwrap_or_default();
    let sections = vec![
        super::tasks::case_section(state, ctx, id, error_for("task")).await?,
        super::sharing::transfer_section(state, ctx, id, case.status == CaseStatus::Open, error_for("transfer")).await?,
        super::calendar::case_section(state, ctx, id).await?,
        super::services::case_section(state, ctx, id).await?,
    ];
    Ok(CasePage {
        l: Layout::new(Some(ctx), ctx.tr.clone(), &case.client_name),
        phases,
        events,
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
        note_error: note.body_error,
        note_date_error: note.date_error,
        note_date: note.date.unwrap_or_else(|| today().to_string()),
        note_body: note.body,
        today: today().to_string(),
        assessments,
        instruments,
        score_chart,
        flags,
        sections,
    })
}

type AssessmentSummary = (Vec<sendero_store::assessments::Assessment>, Vec<(i64, String)>, String, Vec<(String, String)>);

/// The case's assessments, the instruments that can be taken, a chart of completed scores over
/// time per instrument, and any screening flags with their suggested referral.
async fn assessment_summary(state: &AppState, ctx: &Ctx, case: &sendero_store::cases::Case) -> AppResult<AssessmentSummary> {
    use sendero_domain::instrument::localized;
    let org = ctx.org()?;
    let lang = ctx.tr.code();
    let list = state.store.case_assessments(org, case.id).await?;
    let available = state.store.instruments(org).await?;
    let title_of = |key: &str| {
        available.iter().find(|i| i.definition.key == key).map(|i| localized(&i.definition.title, lang).to_owned()).unwrap_or_else(|| key.to_owned())
    };
    let mut series: Vec<sendero_stats::svg::LineSeries> = vec![];
    for a in list.iter().filter(|a| a.complete && a.total.is_some() && a.instrument_key != "trafficking-screening") {
        let label = title_of(&a.instrument_key);
        let point = (format!("{} ({})", a.taken_on, ctx.tr.label("timing", &a.timing)), a.total.unwrap_or(f64::NAN));
        match series.iter_mut().find(|s| s.label == label) {
            Some(s) => s.points.push(point),
            None => series.push(sendero_stats::svg::LineSeries { label, points: vec![point] }),
        }
    }
    let chart = if series.iter().any(|s| s.points.len() >= 2) {
        let desc = series
            .iter()
            .map(|s| format!("{}: {}", s.label, s.points.iter().map(|(x, v)| format!("{x} {v:.2}")).collect::<Vec<_>>().join(", ")))
            .collect::<Vec<_>>()
            .join("; ");
        sendero_stats::svg::line_chart(
            &series,
            &ctx.tr.get("assessments-chart-title"),
            &desc,
            sendero_stats::svg::Axes { x: &ctx.tr.get("assessments-chart-x"), y: &ctx.tr.get("assessments-chart-y") },
        )
    } else {
        String::new()
    };
    let flags = list
        .iter()
        .filter(|a| a.flagged)
        .filter_map(|a| available.iter().find(|i| i.definition.key == a.instrument_key).and_then(|i| i.definition.flag.as_ref()))
        .map(|f| (localized(&f.message, lang).to_owned(), localized(&f.referral, lang).to_owned()))
        .collect();
    let instruments = available.iter().map(|i| (i.id, localized(&i.definition.title, lang).to_owned())).collect();
    Ok((list, instruments, chart, flags))
}

pub async fn show(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Response> {
    let case = state.store.case(ctx.org()?, id).await?;
    if let Some(t) = state.store.access_cut(ctx.org()?, case.client_id).await? {
        return Ok(super::sharing::transferred_stub(&ctx, t));
    }
    Ok(html(&page(&state, &ctx, id, String::new(), NoteDraft::default()).await?))
}

/// Render the case again with an explanation when the store refuses or detects a conflict.
async fn refused(state: &AppState, ctx: &Ctx, id: i64, e: StoreError) -> AppResult<Response> {
    let (status, key) = match e {
        StoreError::Refused(code) => (StatusCode::UNPROCESSABLE_ENTITY, code),
        StoreError::Conflict { .. } => (StatusCode::CONFLICT, "case-error-conflict"),
        e => return Err(e.into()),
    };
    Ok((status, html(&page(state, ctx, id, ctx.tr.get(key), NoteDraft::default()).await?)).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OpenForm {
    program_id: String,
    site_id: String,
}

pub async fn open(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(client_id): Path<i64>, Form(f): Form<OpenForm>) -> AppResult<Response> {
    let program = optional_id(&f.program_id)?.ok_or(AppError::BadRequest("error-invalid"))?;
    let site = optional_id(&f.site_id)?;
    let user = ctx.user()?;
    // Case managers take the case they open; others open it unassigned for a supervisor.
    let manager = (user.role == Role::CaseManager).then_some(user.id);
    match state.store.open_case(ctx.actor()?, client_id, program, site, manager, false).await {
        Ok(id) => Ok(see_other(&format!("/cases/{id}"))),
        Err(StoreError::Refused(code)) => {
            let page = super::clients::profile(&state, &ctx, client_id, String::new(), ctx.tr.get(code)).await?;
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
    let version = f.version.parse::<i64>().map_err(|_| AppError::BadRequest("error-invalid"))?;
    let t = match f.action.as_str() {
        "advance" => Transition::Advance,
        "back" => Transition::StepBack,
        "reopen" => Transition::Reopen,
        "close" => Transition::Close(ClosureReason::parse(&f.reason).ok_or(AppError::BadRequest("error-invalid"))?),
        _ => return Err(AppError::BadRequest("error-invalid")),
    };
    let detail = text::clean(&f.detail, 500).map_err(AppError::BadRequest)?;
    match state.store.transition_case(ctx.actor()?, id, version, t, detail).await {
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

pub async fn assign(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>, Form(f): Form<AssignForm>) -> AppResult<Response> {
    let version = f.version.parse::<i64>().map_err(|_| AppError::BadRequest("error-invalid"))?;
    let manager = optional_id(&f.manager_id)?.ok_or(AppError::BadRequest("error-invalid"))?;
    let allowed_override = f.override_limit == "1" && ctx.user()?.role.can(Permission::OverrideCaseload);
    match state.store.assign_case(ctx.actor()?, id, version, manager, allowed_override).await {
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

/// Notes are dated by the day the contact happened: from 2000 up to today, not in the future.
/// Errors name the field (`noted_on` or `body`) and the translation key.
pub fn parse_note(noted_on: &str, body: &str) -> Result<(chrono::NaiveDate, String), (&'static str, &'static str)> {
    let on = chrono::NaiveDate::parse_from_str(noted_on.trim(), "%Y-%m-%d").map_err(|_| ("noted_on", "error-date-format-day"))?;
    if on > today() || on < chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(chrono::NaiveDate::MIN) {
        return Err(("noted_on", "error-note-date-range"));
    }
    Ok((on, text::required(body, 20_000).map_err(|code| ("body", code))?))
}

pub async fn add_note(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>, Form(f): Form<NoteForm>) -> AppResult<Response> {
    match parse_note(&f.noted_on, &f.body) {
        Ok((on, body)) => {
            state.store.add_note(ctx.actor()?, id, on, &body).await?;
            Ok(see_other(&format!("/cases/{id}#notes-h")))
        }
        Err((field, code)) => {
            let mut draft = NoteDraft { date: Some(f.noted_on.chars().take(20).collect()), body: f.body, ..Default::default() };
            if field == "body" {
                draft.body_error = ctx.tr.get(code);
            } else {
                draft.date_error = ctx.tr.get(code);
            }
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page(&state, &ctx, id, String::new(), draft).await?)).into_response())
        }
    }
}

pub async fn caseloads(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    let rows = state.store.caseloads(ctx.org()?).await?;
    Ok(html(&CaseloadsPage { l: Layout::page(&ctx, "caseloads-title"), rows }))
}
