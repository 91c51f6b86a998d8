//! Administrators' data-protection settings: two-factor requirement and retention rules, with
//! the reviewed purge (the plan is shown, then approved as shown).

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use sendero_store::retention::{RetentionPlan, RetentionRules};
use sendero_store::StoreError;
use serde::Deserialize;

use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{html, see_other};
use crate::templates::Layout;
use crate::AppState;

#[derive(Template)]
#[template(path = "admin/protection.html")]
pub struct ProtectionPage {
    pub l: Layout,
    pub require_totp: bool,
    pub rules: RetentionRules,
    pub plan: RetentionPlan,
    /// The plan as approved: `table:count` pairs, compared again at purge time.
    pub plan_token: String,
    pub error: Option<String>,
    pub notice: Option<String>,
}

fn plan_token(plan: &RetentionPlan) -> String {
    plan.counts.iter().map(|(t, n)| format!("{t}:{n}")).collect::<Vec<_>>().join(",")
}

fn plan_from_token(rules: RetentionRules, token: &str) -> Option<RetentionPlan> {
    let mut counts = Vec::new();
    for part in token.split(',').filter(|p| !p.is_empty()) {
        let (t, n) = part.split_once(':')?;
        counts.push((t.to_owned(), n.parse().ok()?));
    }
    Some(RetentionPlan { rules, counts, ..Default::default() })
}

async fn page(state: &AppState, ctx: &Ctx, error: Option<String>, notice: Option<String>) -> AppResult<Response> {
    let org = ctx.org()?;
    let plan = state.store.retention_plan(org, chrono::Utc::now()).await?;
    Ok(html(&ProtectionPage {
        l: Layout::page(ctx, "protection-title"),
        require_totp: state.store.org_requires_totp(org).await?,
        rules: state.store.retention_rules(org).await?,
        plan_token: plan_token(&plan),
        plan,
        error,
        notice,
    }))
}

pub async fn show(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    page(&state, &ctx, None, None).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SettingsForm {
    require_totp: String,
    closed_case_years: String,
    message_days: String,
    read_log_years: String,
}

fn optional_number(raw: &str) -> Result<Option<i64>, ()> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse().map(Some).map_err(|_| ())
}

pub async fn save(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(f): Form<SettingsForm>) -> AppResult<Response> {
    let (Ok(closed_case_years), Ok(message_days), Ok(read_log_years)) =
        (optional_number(&f.closed_case_years), optional_number(&f.message_days), optional_number(&f.read_log_years))
    else {
        return page(&state, &ctx, Some(ctx.tr.get("retention-out-of-range")), None).await;
    };
    let actor = ctx.actor()?;
    match state.store.set_retention_rules(actor, RetentionRules { closed_case_years, message_days, read_log_years }).await {
        Ok(()) => {}
        Err(StoreError::Refused(code)) => return page(&state, &ctx, Some(ctx.tr.get(code)), None).await,
        Err(e) => return Err(e.into()),
    }
    let require = f.require_totp == "on";
    if require != state.store.org_requires_totp(actor.org_id).await? {
        state.store.set_org_requires_totp(actor, require).await?;
    }
    Ok(see_other("/admin/protection"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PurgeForm {
    plan: String,
    confirm: String,
}

pub async fn purge(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(f): Form<PurgeForm>) -> AppResult<Response> {
    if f.confirm != "on" {
        return page(&state, &ctx, Some(ctx.tr.get("retention-confirm-needed")), None).await;
    }
    let actor = ctx.actor()?;
    let rules = state.store.retention_rules(actor.org_id).await?;
    let reviewed = plan_from_token(rules, &f.plan).ok_or(AppError::BadRequest("error-invalid"))?;
    match state.store.retention_purge(actor, &reviewed, chrono::Utc::now()).await {
        Ok(done) => {
            let notice = ctx.tr.with("retention-purged", &[("count", done.total().to_string())]);
            page(&state, &ctx, None, Some(notice)).await
        }
        Err(StoreError::Refused(code)) => Ok((axum::http::StatusCode::CONFLICT, page(&state, &ctx, Some(ctx.tr.get(code)), None).await?).into_response()),
        Err(e) => Err(e.into()),
    }
}
