//! Volunteers: the public sign-up form, the one-time password link, and the coordinators'
//! pages (applications, approval, trainings, the consortium's background-check service and
//! the "expiring soon" panel).

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use chrono::NaiveDate;
use sendero_domain::care::availability::{DAYS, PARTS};
use sendero_domain::care::signup::{VolunteerDraft, VolunteerInput};
use sendero_domain::care::CheckStatus;
use sendero_domain::{FieldErrors, Permission};
use sendero_store::care_notices::{CareTexts, Notice, RideFacts};
use sendero_store::volunteers::{BackgroundCheck, ExpiringItem, Training, TrainingSubject, Volunteer};
use sendero_store::{today, StoreError};
use serde::Deserialize;

use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{field, form_pairs, html, optional_id, see_other};
use crate::i18n::Tr;
use crate::protection::ClientIp;
use crate::public_form::{anonymous_csrf, honeypot_filled, message_page, signup_organizations, turn_away, with_csrf_cookie, VOLUNTEER};
use crate::templates::{field_error, render, Layout};
use crate::AppState;

// ---------------------------------------------------------------------------------------------
// Message texts for the outbox, in the recipient's language.

/// Care-network messages written with the Fluent strings.
pub struct FluentTexts;

impl CareTexts for FluentTexts {
    fn ride_offer(&self, lang: &str, r: &RideFacts) -> Notice {
        let tr = Tr::new(lang);
        let args = [("when", r.at.clone()), ("from", r.pickup.clone()), ("to", r.destination.clone()), ("kind", tr.label("request-kind", &r.kind))];
        Notice { subject: tr.with("msg-ride-offer-subject", &args), body: tr.with("msg-ride-offer-body", &args) }
    }
    fn ride_confirmed(&self, lang: &str, r: &RideFacts) -> Notice {
        let tr = Tr::new(lang);
        let args = [("when", r.at.clone()), ("from", r.pickup.clone()), ("driver", r.volunteer_name.clone().unwrap_or_default())];
        Notice { subject: tr.with("msg-ride-confirmed-subject", &args), body: tr.with("msg-ride-confirmed-body", &args) }
    }
    fn volunteer_welcome(&self, lang: &str, name: &str, link: &str) -> Notice {
        let tr = Tr::new(lang);
        let args = [("name", name.to_owned()), ("link", link.to_owned())];
        Notice { subject: tr.get("msg-welcome-subject"), body: tr.with("msg-welcome-body", &args) }
    }
    fn guardian_request(&self, lang: &str, name: &str, link: &str) -> Notice {
        let tr = Tr::new(lang);
        let args = [("name", name.to_owned()), ("link", link.to_owned())];
        Notice { subject: tr.get("msg-guardian-request-subject"), body: tr.with("msg-guardian-request-body", &args) }
    }
}

// ---------------------------------------------------------------------------------------------
// The public sign-up form.

#[derive(Default, Clone)]
pub struct SignupForm {
    pub org_id: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub languages: String,
    pub zip: String,
    pub can_drive: bool,
    pub licence_expires: String,
    pub insurance_expires: String,
    pub slots: Vec<String>,
    pub away: String,
}

#[derive(askama::Template)]
#[template(path = "volunteers/signup.html")]
pub struct SignupPage {
    pub l: Layout,
    pub form: SignupForm,
    pub errors: FieldErrors,
    pub organizations: Vec<(i64, String)>,
    pub days: Vec<(&'static str, String)>,
    pub parts: Vec<(&'static str, String)>,
}

impl SignupPage {
    fn err(&self, field: &str) -> String {
        field_error(&self.l.tr, &self.errors, field)
    }
    fn ticked(&self, day: &str, part: &str) -> bool {
        self.form.slots.iter().any(|s| *s == format!("{day}-{part}"))
    }
}

async fn signup_page(state: &AppState, ctx: &Ctx, form: SignupForm, errors: FieldErrors, csrf: &str) -> AppResult<SignupPage> {
    let mut l = Layout::page(ctx, "vol-signup-title");
    l.csrf = csrf.to_owned();
    Ok(SignupPage {
        l,
        form,
        errors,
        organizations: signup_organizations(state).await?.into_iter().map(|o| (o.id, o.name)).collect(),
        days: DAYS.iter().map(|d| (*d, ctx.tr.label("day", d))).collect(),
        parts: PARTS.iter().map(|p| (*p, ctx.tr.label("day-part", p))).collect(),
    })
}

pub async fn signup_form(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    let csrf = anonymous_csrf(&ctx);
    let page = signup_page(&state, &ctx, SignupForm::default(), FieldErrors::default(), &csrf).await?;
    Ok(with_csrf_cookie(&state, html(&page), &csrf))
}

pub async fn signup(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> AppResult<Response> {
    if let Some(refused) = turn_away(&state, &ctx, VOLUNTEER, &headers, body.len(), &ip).await? {
        return Ok(refused);
    }
    let pairs = form_pairs(&body);
    // A filled honeypot is a bot: answer exactly as for a real application, store nothing.
    if honeypot_filled(&pairs) {
        return Ok(message_page(&ctx, StatusCode::OK, "vol-thanks-title", "vol-thanks"));
    }
    let form = SignupForm {
        org_id: field(&pairs, "org_id").to_owned(),
        name: field(&pairs, "name").to_owned(),
        email: field(&pairs, "email").to_owned(),
        phone: field(&pairs, "phone").to_owned(),
        languages: field(&pairs, "languages").to_owned(),
        zip: field(&pairs, "zip").to_owned(),
        can_drive: field(&pairs, "can_drive") == "1",
        licence_expires: field(&pairs, "licence_expires").to_owned(),
        insurance_expires: field(&pairs, "insurance_expires").to_owned(),
        slots: pairs.iter().filter(|(k, _)| k == "slots").map(|(_, v)| v.clone()).collect(),
        away: field(&pairs, "away").to_owned(),
    };
    let input = VolunteerInput {
        name: form.name.clone(),
        email: form.email.clone(),
        phone: form.phone.clone(),
        languages: form.languages.clone(),
        zip: form.zip.clone(),
        can_drive: form.can_drive,
        licence_expires: form.licence_expires.clone(),
        insurance_expires: form.insurance_expires.clone(),
        slots: form.slots.clone(),
        away: form.away.clone(),
    };
    let organizations = signup_organizations(&state).await?;
    let org = form.org_id.parse::<i64>().ok().filter(|id| organizations.iter().any(|o| o.id == *id));
    let parsed = VolunteerDraft::parse(&input, today());
    let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
    if org.is_none() {
        errors.push("org_id", "error-required");
    }
    match (org, parsed) {
        (Some(org), Ok(draft)) if errors.is_empty() => {
            // Same answer whether or not the email was already registered.
            state.store.apply_volunteer(org, &draft).await?;
            Ok(message_page(&ctx, StatusCode::OK, "vol-thanks-title", "vol-thanks"))
        }
        _ => {
            let page = signup_page(&state, &ctx, form, errors, &ctx.csrf).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response())
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The one-time link to choose a password.

#[derive(askama::Template)]
#[template(path = "volunteers/welcome.html")]
pub struct WelcomePage {
    pub l: Layout,
    pub name: String,
    pub token: String,
    pub error: String,
}

pub async fn welcome_form(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(token): Path<String>) -> AppResult<Response> {
    let Some(name) = state.store.invite(&token).await? else {
        return Ok(message_page(&ctx, StatusCode::NOT_FOUND, "vol-welcome-title", "vol-welcome-expired"));
    };
    let csrf = anonymous_csrf(&ctx);
    let mut l = Layout::page(&ctx, "vol-welcome-title");
    l.csrf = csrf.clone();
    Ok(with_csrf_cookie(&state, html(&WelcomePage { l, name, token, error: String::new() }), &csrf))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    password: String,
}

pub async fn welcome(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(token): Path<String>,
    Form(f): Form<PasswordForm>,
) -> AppResult<Response> {
    match state.store.accept_invite(&token, &f.password).await {
        Ok(()) => Ok(see_other("/login")),
        Err(StoreError::NotFound) => Ok(message_page(&ctx, StatusCode::NOT_FOUND, "vol-welcome-title", "vol-welcome-expired")),
        Err(StoreError::Refused(code)) => {
            let name = state.store.invite(&token).await?.unwrap_or_default();
            let page = WelcomePage { l: Layout::page(&ctx, "vol-welcome-title"), name, token, error: ctx.tr.get(code) };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------------------------------------
// Coordinators.

/// A volunteer as listed, with their clearance as of today.
pub struct VolunteerRow {
    pub v: Volunteer,
    pub check: String,
    pub cleared: bool,
}

#[derive(askama::Template)]
#[template(path = "volunteers/list.html")]
pub struct ListPage {
    pub l: Layout,
    pub rows: Vec<VolunteerRow>,
    pub status: String,
    pub q: String,
    pub expiring: Vec<ExpiringItem>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    status: String,
    q: String,
}

async fn rows(state: &AppState, org: i64, list: Vec<Volunteer>, tr: &Tr) -> AppResult<Vec<VolunteerRow>> {
    let clearances = state.store.clearances(org).await?;
    let today = today();
    Ok(list
        .into_iter()
        .map(|v| {
            let c = clearances.get(&v.email).copied();
            let status = c.map(|c| c.effective(today).as_str()).unwrap_or("none");
            VolunteerRow { check: tr.label("check", status), cleared: c.is_some_and(|c| c.is_cleared(today)), v }
        })
        .collect())
}

pub async fn list(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(p): Query<ListQuery>) -> AppResult<Response> {
    let org = ctx.org()?;
    let status = if ["applied", "approved", "declined"].contains(&p.status.as_str()) { p.status.clone() } else { String::new() };
    let q: String = p.q.chars().take(100).collect();
    let list = state.store.volunteers(org, &status, &q).await?;
    let page = ListPage {
        l: Layout::page(&ctx, "vol-list-title"),
        rows: rows(&state, org, list, &ctx.tr).await?,
        status,
        q,
        expiring: state.store.expiring_clearances(org).await?,
    };
    Ok(html(&page))
}

#[derive(askama::Template)]
#[template(path = "volunteers/show.html")]
pub struct ShowPage {
    pub l: Layout,
    pub v: Volunteer,
    pub check: String,
    pub check_expires: String,
    pub trainings: Vec<Training>,
    pub slots: Vec<String>,
    pub invite_link: Option<String>,
    pub error: String,
}

async fn show_page(state: &AppState, ctx: &Ctx, id: i64, invite_link: Option<String>, error: String) -> AppResult<ShowPage> {
    let org = ctx.org()?;
    let v = state.store.volunteer(org, id).await?;
    state.store.audit_read(ctx.actor()?, "volunteer", id).await?;
    let c = state.store.clearance(org, &v.email).await?;
    let has_check = state.store.clearances(org).await?.contains_key(&v.email);
    Ok(ShowPage {
        l: Layout::new(Some(ctx), ctx.tr.clone(), &v.name),
        check: ctx.tr.label("check", if has_check { c.effective(today()).as_str() } else { "none" }),
        check_expires: c.expires_on.map(|d| d.to_string()).unwrap_or_default(),
        trainings: state.store.trainings(org, TrainingSubject::Volunteer(id)).await?,
        slots: v.availability.slots().iter().map(|s| slot_label(&ctx.tr, s)).collect(),
        v,
        invite_link,
        error,
    })
}

fn slot_label(tr: &Tr, slot: &str) -> String {
    let (day, part) = slot.split_once('-').unwrap_or((slot, ""));
    format!("{} {}", tr.label("day", day), tr.label("day-part", part))
}

pub async fn show(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Response> {
    Ok(html(&show_page(&state, &ctx, id, None, String::new()).await?))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct VersionForm {
    version: String,
}

/// Approve: the volunteer gets a sign-in and a one-time link (queued by email and shown once
/// here, so the coordinator can pass it on if the email does not arrive).
pub async fn approve(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>, Form(f): Form<VersionForm>) -> AppResult<Response> {
    let version = f.version.parse::<i64>().map_err(|_| AppError::BadRequest("error-invalid"))?;
    match state.store.approve_volunteer(ctx.actor()?, id, version, &FluentTexts).await {
        Ok(token) => Ok(html(&show_page(&state, &ctx, id, Some(format!("/welcome/{token}")), String::new()).await?)),
        Err(StoreError::Refused(code)) => {
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&show_page(&state, &ctx, id, None, ctx.tr.get(code)).await?)).into_response())
        }
        Err(StoreError::Conflict { .. }) => {
            Ok((StatusCode::CONFLICT, html(&show_page(&state, &ctx, id, None, ctx.tr.get("error-conflict")).await?)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TrainingForm {
    module: String,
    completed_on: String,
    expires_on: String,
}

impl TrainingForm {
    pub fn module(&self) -> &str {
        &self.module
    }
}

pub fn parse_training(f: &TrainingForm) -> Result<(NaiveDate, Option<NaiveDate>), &'static str> {
    let completed = f.completed_on.trim().parse::<NaiveDate>().map_err(|_| "error-date-format-day")?;
    if completed > today() {
        return Err("error-date-range");
    }
    let expires = match f.expires_on.trim() {
        "" => None,
        s => Some(s.parse::<NaiveDate>().map_err(|_| "error-date-format-day")?),
    };
    Ok((completed, expires))
}

pub async fn add_training(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    Form(f): Form<TrainingForm>,
) -> AppResult<Response> {
    let result = match parse_training(&f) {
        Ok((completed, expires)) => state.store.record_training(ctx.actor()?, TrainingSubject::Volunteer(id), &f.module, completed, expires).await.map(|_| ()),
        Err(code) => Err(StoreError::Refused(code)),
    };
    match result {
        Ok(()) => Ok(see_other(&format!("/volunteers/{id}"))),
        Err(StoreError::Refused(code)) => {
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&show_page(&state, &ctx, id, None, ctx.tr.get(code)).await?)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// Ask the consortium's check service to check this volunteer.
pub async fn request_check(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Response> {
    let v = state.store.volunteer(ctx.org()?, id).await?;
    state.store.request_check(ctx.actor()?, &v.email, &v.name).await?;
    Ok(see_other("/checks"))
}

// ---------------------------------------------------------------------------------------------
// The check service.

#[derive(askama::Template)]
#[template(path = "volunteers/checks.html")]
pub struct ChecksPage {
    pub l: Layout,
    pub checks: Vec<BackgroundCheck>,
    pub statuses: Vec<(&'static str, String)>,
    pub error: String,
}

async fn checks_page(state: &AppState, ctx: &Ctx, error: String) -> AppResult<ChecksPage> {
    Ok(ChecksPage {
        l: Layout::page(ctx, "check-title"),
        checks: state.store.checks(ctx.org()?).await?,
        statuses: CheckStatus::ALL.iter().map(|s| (s.as_str(), ctx.tr.label("check", s.as_str()))).collect(),
        error,
    })
}

pub async fn checks(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    Ok(html(&checks_page(&state, &ctx, String::new()).await?))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CheckForm {
    version: String,
    status: String,
    expires_on: String,
    report: String,
}

pub async fn update_check(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>, Form(f): Form<CheckForm>) -> AppResult<Response> {
    let status = CheckStatus::parse(&f.status).ok_or(AppError::BadRequest("error-invalid"))?;
    let version = f.version.parse::<i64>().map_err(|_| AppError::BadRequest("error-invalid"))?;
    let expires = match f.expires_on.trim() {
        "" => None,
        s => Some(s.parse::<NaiveDate>().map_err(|_| AppError::Refused("error-date-format-day"))?),
    };
    let report = Some(f.report.as_str()).filter(|r| !r.trim().is_empty());
    match state.store.update_check(ctx.actor()?, id, version, status, expires, report).await {
        Ok(()) => Ok(see_other("/checks")),
        Err(StoreError::Refused(code)) => Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&checks_page(&state, &ctx, ctx.tr.get(code)).await?)).into_response()),
        Err(StoreError::Conflict { .. }) => Ok((StatusCode::CONFLICT, html(&checks_page(&state, &ctx, ctx.tr.get("error-conflict")).await?)).into_response()),
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------------------------------------
// The coordinators' dashboard panel.

#[derive(askama::Template)]
#[template(path = "volunteers/panel.html")]
struct PanelTemplate {
    l: Layout,
    expiring: Vec<ExpiringItem>,
}

/// Expiring checks and trainings, for coordinators; "My families" link for volunteers.
pub async fn dashboard_panel(state: &AppState, ctx: &Ctx) -> AppResult<Option<String>> {
    let user = ctx.user()?;
    if !user.role.can(Permission::CoordinateVolunteers) {
        return Ok(None);
    }
    let expiring = state.store.expiring_clearances(user.org_id).await?;
    Ok(Some(render(&PanelTemplate { l: Layout::new(Some(ctx), ctx.tr.clone(), ""), expiring })))
}

/// Keep `optional_id` in use for forms that post ids (shared helper).
pub fn posted_id(raw: &str) -> AppResult<i64> {
    optional_id(raw)?.ok_or(AppError::BadRequest("error-invalid"))
}
