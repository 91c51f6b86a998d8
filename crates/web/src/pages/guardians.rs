//! The guardian registry: the public page (information, testimonials, training, sign-up), the
//! coordinators' list, the attorneys' search with match requests, and the guardian's answer.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use sendero_domain::care::geo::zip_point;
use sendero_domain::care::guardians::DEFAULT_GUARDIAN_CAP;
use sendero_domain::care::signup::{GuardianDraft, GuardianInput};
use sendero_domain::FieldErrors;
use sendero_store::guardians::{Guardian, GuardianListing, GuardianMatch, Minor};
use sendero_store::volunteers::{Training, TrainingSubject};
use sendero_store::{today, StoreError};
use serde::Deserialize;

use super::volunteers::{parse_training, posted_id, FluentTexts, TrainingForm};
use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{field, form_pairs, html, see_other};
use crate::protection::ClientIp;
use crate::public_form::{anonymous_csrf, honeypot_filled, message_page, signup_organizations, turn_away, with_csrf_cookie, GUARDIAN};
use crate::templates::{field_error, Layout};
use crate::AppState;

#[derive(Default, Clone)]
pub struct GuardianFormValues {
    pub org_id: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub languages: String,
    pub zip: String,
    pub motivation: String,
}

#[derive(askama::Template)]
#[template(path = "guardians/public.html")]
pub struct PublicPage {
    pub l: Layout,
    pub form: GuardianFormValues,
    pub errors: FieldErrors,
    pub organizations: Vec<(i64, String)>,
}

impl PublicPage {
    fn err(&self, field: &str) -> String {
        field_error(&self.l.tr, &self.errors, field)
    }
}

async fn public_page(state: &AppState, ctx: &Ctx, form: GuardianFormValues, errors: FieldErrors, csrf: &str) -> AppResult<PublicPage> {
    let mut l = Layout::page(ctx, "guardian-public-title");
    l.csrf = csrf.to_owned();
    Ok(PublicPage { l, form, errors, organizations: signup_organizations(state).await?.into_iter().map(|o| (o.id, o.name)).collect() })
}

pub async fn public(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    let csrf = anonymous_csrf(&ctx);
    let page = public_page(&state, &ctx, GuardianFormValues::default(), FieldErrors::default(), &csrf).await?;
    Ok(with_csrf_cookie(&state, html(&page), &csrf))
}

pub async fn signup(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> AppResult<Response> {
    if let Some(refused) = turn_away(&state, &ctx, GUARDIAN, &headers, body.len(), &ip).await? {
        return Ok(refused);
    }
    let pairs = form_pairs(&body);
    if honeypot_filled(&pairs) {
        return Ok(message_page(&ctx, StatusCode::OK, "guardian-thanks-title", "guardian-thanks"));
    }
    let form = GuardianFormValues {
        org_id: field(&pairs, "org_id").to_owned(),
        name: field(&pairs, "name").to_owned(),
        email: field(&pairs, "email").to_owned(),
        phone: field(&pairs, "phone").to_owned(),
        languages: field(&pairs, "languages").to_owned(),
        zip: field(&pairs, "zip").to_owned(),
        motivation: field(&pairs, "motivation").to_owned(),
    };
    let input = GuardianInput {
        name: form.name.clone(),
        email: form.email.clone(),
        phone: form.phone.clone(),
        languages: form.languages.clone(),
        zip: form.zip.clone(),
        motivation: form.motivation.clone(),
    };
    let organizations = signup_organizations(&state).await?;
    let org = form.org_id.parse::<i64>().ok().filter(|id| organizations.iter().any(|o| o.id == *id));
    let parsed = GuardianDraft::parse(&input);
    let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
    if org.is_none() {
        errors.push("org_id", "error-required");
    }
    match (org, parsed) {
        (Some(org), Ok(draft)) if errors.is_empty() => {
            state.store.apply_guardian(org, &draft).await?;
            Ok(message_page(&ctx, StatusCode::OK, "guardian-thanks-title", "guardian-thanks"))
        }
        _ => {
            let page = public_page(&state, &ctx, form, errors, &ctx.csrf).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response())
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Coordinators.

pub struct GuardianRow {
    pub g: Guardian,
    pub check: String,
}

#[derive(askama::Template)]
#[template(path = "guardians/registry.html")]
pub struct RegistryPage {
    pub l: Layout,
    pub rows: Vec<GuardianRow>,
    pub matches: Vec<GuardianMatch>,
}

pub async fn registry(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    let org = ctx.org()?;
    let clearances = state.store.clearances(org).await?;
    let rows = state
        .store
        .guardians(org)
        .await?
        .into_iter()
        .map(|g| GuardianRow { check: ctx.tr.label("check", clearances.get(&g.email).map(|c| c.effective(today()).as_str()).unwrap_or("none")), g })
        .collect();
    Ok(html(&RegistryPage { l: Layout::page(&ctx, "guardian-registry-title"), rows, matches: state.store.guardian_matches(org).await? }))
}

#[derive(askama::Template)]
#[template(path = "guardians/show.html")]
pub struct GuardianPage {
    pub l: Layout,
    pub g: Guardian,
    pub check: String,
    pub trainings: Vec<Training>,
    pub default_cap: i64,
    pub error: String,
}

async fn guardian_page(state: &AppState, ctx: &Ctx, id: i64, error: String) -> AppResult<GuardianPage> {
    let org = ctx.org()?;
    let g = state.store.guardian(org, id).await?;
    state.store.audit_read(ctx.actor()?, "guardian", id).await?;
    let has_check = state.store.clearances(org).await?.get(&g.email).copied();
    Ok(GuardianPage {
        l: Layout::new(Some(ctx), ctx.tr.clone(), &g.name),
        check: ctx.tr.label("check", has_check.map(|c| c.effective(today()).as_str()).unwrap_or("none")),
        trainings: state.store.trainings(org, TrainingSubject::Guardian(id)).await?,
        default_cap: if g.status == "approved" { g.cap } else { DEFAULT_GUARDIAN_CAP },
        g,
        error,
    })
}

pub async fn show(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Response> {
    Ok(html(&guardian_page(&state, &ctx, id, String::new()).await?))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CapForm {
    cap: String,
}

pub async fn approve(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>, Form(f): Form<CapForm>) -> AppResult<Response> {
    let cap = f.cap.trim().parse::<i64>().unwrap_or(0);
    match state.store.approve_guardian(ctx.actor()?, id, cap).await {
        Ok(()) => Ok(see_other(&format!("/guardian-registry/{id}"))),
        Err(StoreError::Refused(code)) => {
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&guardian_page(&state, &ctx, id, ctx.tr.get(code)).await?)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn add_training(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    Form(f): Form<TrainingForm>,
) -> AppResult<Response> {
    let result = match parse_training(&f) {
        Ok((completed, expires)) => state.store.record_training(ctx.actor()?, TrainingSubject::Guardian(id), f.module(), completed, expires).await.map(|_| ()),
        Err(code) => Err(StoreError::Refused(code)),
    };
    match result {
        Ok(()) => Ok(see_other(&format!("/guardian-registry/{id}"))),
        Err(StoreError::Refused(code)) => {
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&guardian_page(&state, &ctx, id, ctx.tr.get(code)).await?)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn request_check(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Response> {
    let g = state.store.guardian(ctx.org()?, id).await?;
    state.store.request_check(ctx.actor()?, &g.email, &g.name).await?;
    Ok(see_other("/checks"))
}

// ---------------------------------------------------------------------------------------------
// Attorneys.

#[derive(askama::Template)]
#[template(path = "guardians/search.html")]
pub struct SearchPage {
    pub l: Layout,
    pub language: String,
    pub zip: String,
    pub results: Vec<GuardianListing>,
    pub minors: Vec<Minor>,
    pub matches: Vec<GuardianMatch>,
    pub error: String,
}

impl SearchPage {
    fn miles(m: &Option<f64>) -> String {
        m.map(|m| format!("{m:.0}")).unwrap_or_else(|| "—".into())
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SearchQuery {
    language: String,
    zip: String,
}

async fn search_page(state: &AppState, ctx: &Ctx, q: SearchQuery, error: String) -> AppResult<SearchPage> {
    let org = ctx.org()?;
    let language: String = q.language.chars().take(60).collect();
    let zip: String = q.zip.chars().take(10).collect();
    let results = state.store.search_guardians(org, &language, zip_point(&zip)).await?;
    Ok(SearchPage {
        l: Layout::page(ctx, "guardian-search-title"),
        language,
        zip,
        results,
        minors: state.store.minors(org).await?,
        matches: state.store.guardian_matches(org).await?,
        error,
    })
}

pub async fn search(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(q): Query<SearchQuery>) -> AppResult<Response> {
    Ok(html(&search_page(&state, &ctx, q, String::new()).await?))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MatchForm {
    client_id: String,
}

pub async fn request_match(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    Form(f): Form<MatchForm>,
) -> AppResult<Response> {
    let client = posted_id(&f.client_id)?;
    match state.store.request_guardian_match(ctx.actor()?, id, client, &FluentTexts).await {
        Ok(_) => Ok(see_other("/guardian-search#matches-h")),
        Err(StoreError::Refused(code)) => {
            let page = search_page(&state, &ctx, SearchQuery::default(), ctx.tr.get(code)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------------------------------------
// The guardian answers through the link they were sent.

#[derive(askama::Template)]
#[template(path = "guardians/answer.html")]
pub struct AnswerPage {
    pub l: Layout,
    pub name: String,
    pub token: String,
}

pub async fn answer_form(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(token): Path<String>) -> AppResult<Response> {
    match state.store.guardian_match_by_token(&token).await? {
        Some((_, name, status)) if status == "requested" => {
            let csrf = anonymous_csrf(&ctx);
            let mut l = Layout::page(&ctx, "guardian-answer-title");
            l.csrf = csrf.clone();
            Ok(with_csrf_cookie(&state, html(&AnswerPage { l, name, token }), &csrf))
        }
        _ => Ok(message_page(&ctx, StatusCode::NOT_FOUND, "guardian-answer-title", "guardian-answer-expired")),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AnswerForm {
    answer: String,
}

pub async fn answer(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(token): Path<String>,
    Form(f): Form<AnswerForm>,
) -> AppResult<Response> {
    let accept = match f.answer.as_str() {
        "accept" => true,
        "decline" => false,
        _ => return Err(AppError::BadRequest("error-invalid")),
    };
    match state.store.answer_guardian_match(&token, accept).await {
        Ok(()) => Ok(message_page(&ctx, StatusCode::OK, "guardian-answer-title", if accept { "guardian-answer-accepted" } else { "guardian-answer-declined" })),
        Err(StoreError::NotFound) => Ok(message_page(&ctx, StatusCode::NOT_FOUND, "guardian-answer-title", "guardian-answer-expired")),
        Err(StoreError::Refused(code)) => Err(AppError::Refused(code)),
        Err(e) => Err(e.into()),
    }
}
