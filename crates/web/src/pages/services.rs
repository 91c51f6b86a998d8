//! On a case: the service plan (goals in the client's words, their tasks and progress, the
//! crisis plan, past revisions), the service log and the case's referrals. Forms post here and
//! come back to the case page.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use sendero_domain::services::{self as rules, ReferralStatus};
use sendero_domain::Permission;
use sendero_store::directory::{DirService, DirectoryQuery};
use sendero_store::referrals::{NewReferral, Referral, ReferralTarget};
use sendero_store::services::{CrisisPlan, NewService, PlanRevision, ServiceEntry, ServicePlan};
use sendero_store::{today, StoreError};
use serde::Deserialize;

use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{html, optional_id, see_other};
use crate::templates::{render, Layout};
use crate::AppState;

/// (code, label) of the categories a case's program offers.
pub async fn category_options(state: &AppState, ctx: &Ctx, program_id: i64) -> AppResult<Vec<(String, String)>> {
    let org = ctx.org()?;
    Ok(state
        .store
        .program_categories(org, program_id)
        .await?
        .into_iter()
        .filter(|c| c.enabled)
        .map(|c| {
            let label = c.label.clone().unwrap_or_else(|| ctx.tr.label("service-category", &c.code));
            (c.code, label)
        })
        .collect())
}

pub struct ServiceRow {
    pub entry: ServiceEntry,
    pub category: String,
    pub provider: String,
}

pub struct ReferralRow {
    pub r: Referral,
    pub status: String,
    /// (status code, label) of the steps the case manager may record.
    pub steps: Vec<(String, String)>,
}

#[derive(askama::Template)]
#[template(path = "services/case.html")]
struct CaseSections {
    l: Layout,
    case_id: i64,
    plan: ServicePlan,
    goal_statuses: Vec<(String, String)>,
    categories: Vec<(String, String)>,
    services: Vec<ServiceRow>,
    referrals: Vec<ReferralRow>,
    providers: Vec<(String, String)>,
    funders: Vec<(i64, String)>,
    can_write: bool,
    today: String,
}

impl CaseSections {
    fn category_label(&self, code: &str) -> String {
        self.categories.iter().find(|(k, _)| k == code).map(|(_, l)| l.clone()).unwrap_or_default()
    }

    fn goal_status(&self, status: &str) -> String {
        self.l.tr.label("goal-status", status)
    }
}

pub fn referral_rows(ctx: &Ctx, referrals: Vec<Referral>, receiver: bool) -> Vec<ReferralRow> {
    referrals
        .into_iter()
        .map(|r| {
            let steps = r
                .status
                .next()
                .iter()
                .filter(|s| if receiver { **s != ReferralStatus::Cancelled } else { r.target_kind == "directory" || **s == ReferralStatus::Cancelled })
                .map(|s| (s.as_str().to_owned(), ctx.tr.label("referral-status", s.as_str())))
                .collect();
            ReferralRow { status: ctx.tr.label("referral-status", r.status.as_str()), steps, r }
        })
        .collect()
}

/// The plan, service log and referral sections of a case page (one string, one line there).
pub async fn case_section(state: &AppState, ctx: &Ctx, case_id: i64) -> AppResult<String> {
    let user = ctx.user()?;
    if !user.role.can(Permission::ReadNotes) {
        return Ok(String::new());
    }
    let case = state.store.case(user.org_id, case_id).await?;
    state.store.audit_read(ctx.actor()?, "service_plan", case_id).await?;
    let plan = state.store.service_plan(user.org_id, case_id).await?;
    let categories = category_options(state, ctx, case.program_id).await?;
    let services = state
        .store
        .case_services(user.org_id, case_id)
        .await?
        .into_iter()
        .map(|entry| ServiceRow {
            category: categories
                .iter()
                .find(|(c, _)| *c == entry.category)
                .map(|(_, l)| l.clone())
                .unwrap_or_else(|| ctx.tr.label("service-category", &entry.category)),
            provider: ctx.tr.label("provider", &entry.provider_kind),
            entry,
        })
        .collect();
    let referrals = referral_rows(ctx, state.store.case_referrals(user.org_id, case_id).await?, false);
    let page = CaseSections {
        l: Layout::new(Some(ctx), ctx.tr.clone(), ""),
        case_id,
        plan,
        goal_statuses: rules::GOAL_STATUSES.iter().filter(|s| **s != "open").map(|s| ((*s).to_owned(), ctx.tr.label("goal-status", s))).collect(),
        categories,
        services,
        referrals,
        providers: rules::PROVIDER_KINDS.iter().map(|p| ((*p).to_owned(), ctx.tr.label("provider", p))).collect(),
        funders: state.store.funders(user.org_id).await?.into_iter().map(|f| (f.id, f.name)).collect(),
        can_write: user.role.can(Permission::WriteCases),
        today: today().to_string(),
    };
    Ok(render(&page))
}

fn date_or_today(raw: &str) -> AppResult<chrono::NaiveDate> {
    match raw.trim() {
        "" => Ok(today()),
        s => s.parse().map_err(|_| AppError::Refused("services-error-date")),
    }
}

fn back(case_id: i64, anchor: &str) -> Response {
    see_other(&format!("/cases/{case_id}#{anchor}"))
}

/// A store refusal or field error on a case form: a page that names the problem and links back.
fn refused(e: StoreError) -> AppError {
    match e {
        StoreError::Invalid(errors) => AppError::Refused(errors.0.first().map(|e| e.code).unwrap_or("error-invalid")),
        other => other.into(),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct GoalForm {
    version: i64,
    area: String,
    goal: String,
    opened_on: String,
}

pub async fn add_goal(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(case_id): Path<i64>, Form(f): Form<GoalForm>) -> AppResult<Response> {
    if f.goal.chars().count() > 2000 {
        return Err(AppError::Refused("services-error-goal"));
    }
    let opened = date_or_today(&f.opened_on)?;
    state.store.add_goal(ctx.actor()?, case_id, f.version, Some(f.area.as_str()), &f.goal, opened).await.map_err(refused)?;
    Ok(back(case_id, "plan-h"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CrisisForm {
    version: i64,
    warning_signs: String,
    safe_contacts: String,
    steps: String,
}

pub async fn save_crisis(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(case_id): Path<i64>,
    Form(f): Form<CrisisForm>,
) -> AppResult<Response> {
    let crisis =
        CrisisPlan { warning_signs: f.warning_signs.trim().to_owned(), safe_contacts: f.safe_contacts.trim().to_owned(), steps: f.steps.trim().to_owned() };
    if [&crisis.warning_signs, &crisis.safe_contacts, &crisis.steps].iter().any(|t| t.chars().count() > 4000) {
        return Err(AppError::Refused("services-error-too-long"));
    }
    state.store.save_crisis_plan(ctx.actor()?, case_id, f.version, &crisis).await.map_err(refused)?;
    Ok(back(case_id, "crisis-h"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct GoalStepForm {
    version: i64,
    action: String,
    note: String,
    status: String,
    title: String,
    due_on: String,
    on: String,
}

/// Progress note, task or closure on one goal.
pub async fn goal_step(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(goal_id): Path<i64>,
    Form(f): Form<GoalStepForm>,
) -> AppResult<Response> {
    let actor = ctx.actor()?;
    let on = date_or_today(&f.on)?;
    let case_id = state.store.goal_case_id(actor.org_id, goal_id).await?;
    match f.action.as_str() {
        "progress" => state.store.add_goal_progress(actor, goal_id, on, &f.note).await.map_err(refused)?,
        "close" => state.store.close_goal(actor, goal_id, f.version, &f.status, Some(f.note.as_str()), on).await.map_err(refused)?,
        "task" => {
            let title = f.title.trim();
            if title.is_empty() || title.chars().count() > super::tasks::MAX_TITLE {
                return Err(AppError::Refused("task-error-title"));
            }
            let due = match f.due_on.trim() {
                "" => None,
                d => Some(d.parse().map_err(|_| AppError::Refused("task-error-date"))?),
            };
            state.store.add_goal_task(actor, goal_id, title, due, None).await.map_err(refused)?;
        }
        _ => return Err(AppError::BadRequest("error-invalid")),
    }
    Ok(back(case_id, "plan-h"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ServiceForm {
    category: String,
    provided_on: String,
    minutes: String,
    provider_kind: String,
    provider_name: String,
    location: String,
    cost: String,
    funder_id: String,
    note: String,
}

pub async fn log_service(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(case_id): Path<i64>,
    Form(f): Form<ServiceForm>,
) -> AppResult<Response> {
    let minutes = match f.minutes.trim() {
        "" => 0,
        m => m.parse::<i64>().map_err(|_| AppError::Refused("services-error-minutes"))?,
    };
    let cost_cents = match f.cost.trim() {
        "" => 0,
        c => rules::parse_cents(c).ok_or(AppError::Refused("services-error-money"))?,
    };
    let long = [&f.provider_name, &f.location].iter().any(|t| t.chars().count() > 200) || f.note.chars().count() > 4000;
    if long {
        return Err(AppError::Refused("services-error-too-long"));
    }
    let service = NewService {
        case_id,
        category: f.category,
        provided_on: date_or_today(&f.provided_on)?,
        minutes,
        provider_kind: f.provider_kind,
        provider_name: Some(f.provider_name),
        location: Some(f.location),
        cost_cents,
        funder_id: optional_id(&f.funder_id)?,
        note: Some(f.note),
    };
    state.store.log_service(ctx.actor()?, &service).await.map_err(refused)?;
    Ok(back(case_id, "services-h"))
}

#[derive(askama::Template)]
#[template(path = "services/history.html")]
struct HistoryPage {
    l: Layout,
    case_id: i64,
    revisions: Vec<PlanRevision>,
}

pub async fn plan_history(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(case_id): Path<i64>) -> AppResult<Response> {
    let org = ctx.org()?;
    state.store.audit_read(ctx.actor()?, "service_plan", case_id).await?;
    let revisions = state.store.plan_revisions(org, case_id).await?;
    Ok(html(&HistoryPage { l: Layout::page(&ctx, "plan-history-title"), case_id, revisions }))
}

// -- Referrals from a case -----------------------------------------------------------------------

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReferSearch {
    q: String,
    category: String,
    language: String,
    service: String,
}

#[derive(askama::Template)]
#[template(path = "services/refer.html")]
struct ReferPage {
    l: Layout,
    case_id: i64,
    client_name: String,
    q: String,
    category: String,
    language: String,
    chosen: String,
    categories: Vec<(String, String)>,
    results: Vec<(DirService, String, Option<String>)>,
    partners: Vec<(i64, String)>,
    fields: Vec<(String, String)>,
    methods: Vec<(String, String)>,
    today: String,
    error: String,
}

async fn refer_page(state: &AppState, ctx: &Ctx, case_id: i64, s: &ReferSearch, error: String) -> AppResult<ReferPage> {
    let org = ctx.org()?;
    let case = state.store.case(org, case_id).await?;
    let client = state.store.client(org, case.client_id).await?;
    // Show the directory in the client's language where it has a translation.
    let client_language = client.languages.as_deref().and_then(|l| l.split([',', ' ']).find(|p| !p.is_empty())).unwrap_or(ctx.tr.code()).to_lowercase();
    let query =
        DirectoryQuery { text: Some(s.q.clone()), category: Some(s.category.clone()), language: Some(s.language.clone()), limit: 30, ..Default::default() };
    let results = state
        .store
        .search_directory(org, &query)
        .await?
        .into_iter()
        .map(|d| {
            let (name, description) = d.localized(&client_language);
            (d, name, description)
        })
        .collect();
    let partners = state.store.organizations_for(org).await?.into_iter().filter(|o| o.id != org).map(|o| (o.id, o.name)).collect();
    Ok(ReferPage {
        l: Layout::page(ctx, "refer-title"),
        case_id,
        client_name: case.client_name,
        q: s.q.clone(),
        category: s.category.clone(),
        language: s.language.clone(),
        chosen: s.service.clone(),
        categories: state.store.directory_categories(org).await?,
        results,
        partners,
        fields: rules::SHAREABLE_FIELDS.iter().map(|f| ((*f).to_owned(), ctx.tr.label("share", f))).collect(),
        methods: rules::CONSENT_METHODS.iter().map(|m| ((*m).to_owned(), ctx.tr.label("consent", m))).collect(),
        today: today().to_string(),
        error,
    })
}

pub async fn refer_form(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(case_id): Path<i64>,
    Query(s): Query<ReferSearch>,
) -> AppResult<Response> {
    Ok(html(&refer_page(&state, &ctx, case_id, &s, String::new()).await?))
}

pub async fn create_referral(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(case_id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.trim().to_owned()).unwrap_or_default();
    let fields: Vec<String> = pairs.iter().filter(|(n, _)| n == "share").map(|(_, v)| v.clone()).collect();
    let target = match get("target").split_once(':') {
        Some(("service", id)) if !id.is_empty() => Some(ReferralTarget::Directory(id.to_owned())),
        Some(("org", id)) => Some(ReferralTarget::Organization(id.parse().map_err(|_| AppError::BadRequest("error-invalid"))?)),
        _ => None,
    };
    let fail = |key: &'static str| refer_error(&state, &ctx, case_id, key);
    let Some(target) = target else { return fail("referral-error-target").await };
    let (Ok(consent_on), Ok(sent_on)) = (date_or_today(&get("consent_on")), date_or_today(&get("sent_on"))) else { return fail("services-error-date").await };
    if get("needs").chars().count() > 2000 || get("consent_by").chars().count() > 200 {
        return fail("services-error-too-long").await;
    }
    let new = NewReferral {
        case_id,
        target,
        category: Some(get("category")),
        shared_fields: fields,
        needs: Some(get("needs")),
        consent_by: get("consent_by"),
        consent_method: get("consent_method"),
        consent_on,
        sent_on,
    };
    match state.store.create_referral(ctx.actor()?, &new).await {
        Ok(_) => Ok(back(case_id, "referrals-h")),
        Err(StoreError::Refused(code)) => fail(code).await,
        Err(StoreError::Invalid(errors)) => fail(errors.0.first().map(|e| e.code).unwrap_or("error-invalid")).await,
        Err(e) => Err(e.into()),
    }
}

async fn refer_error(state: &AppState, ctx: &Ctx, case_id: i64, key: &str) -> AppResult<Response> {
    let page = refer_page(state, ctx, case_id, &ReferSearch::default(), ctx.tr.get(key)).await?;
    Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StepForm {
    version: i64,
    status: String,
    reason: String,
}

/// The case manager records an outside service's answer, or cancels.
pub async fn referral_step(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(referral_id): Path<i64>,
    Form(f): Form<StepForm>,
) -> AppResult<Response> {
    let to = ReferralStatus::parse(&f.status).ok_or(AppError::BadRequest("error-invalid"))?;
    let actor = ctx.actor()?;
    let r = state.store.referral(actor.org_id, referral_id).await?;
    state.store.update_referral(actor, referral_id, f.version, to, Some(f.reason.as_str())).await?;
    Ok(back(r.case_id, "referrals-h"))
}
