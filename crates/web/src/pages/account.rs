//! The user's own account: password and personal API tokens.

use axum::extract::State;
use axum::response::Response;
use axum::{Extension, Form};
use sendero_store::StoreError;
use serde::Deserialize;

use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::html;
use crate::templates::{AccountPage, Layout};
use crate::AppState;

async fn page(state: &AppState, ctx: &Ctx, new_token: Option<String>, error: String, saved: bool) -> AppResult<Response> {
    let user = ctx.user()?.clone();
    let tokens = state.store.api_tokens(user.id).await?;
    let sessions = state.store.user_sessions(user.id, ctx.session.as_deref()).await?;
    Ok(html(&AccountPage { l: Layout::page(ctx, "account-title"), user, tokens, new_token, error, saved, sessions }))
}

pub async fn show(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    page(&state, &ctx, None, String::new(), false).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    current: String,
    new: String,
}

pub async fn change_password(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(f): Form<PasswordForm>) -> AppResult<Response> {
    let user = ctx.user()?;
    let session = ctx.session.clone().unwrap_or_default();
    match state.store.change_password(user, &f.current, &f.new, &session).await {
        Ok(()) => page(&state, &ctx, None, String::new(), true).await,
        Err(StoreError::Refused(code)) => page(&state, &ctx, None, ctx.tr.get(code), false).await,
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TokenForm {
    name: String,
}

pub async fn create_token(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(f): Form<TokenForm>) -> AppResult<Response> {
    let name = match sendero_domain::text::required(&f.name, 100) {
        Ok(n) => n,
        Err(code) => return page(&state, &ctx, None, ctx.tr.get(code), false).await,
    };
    let token = state.store.create_api_token(ctx.user()?, &name).await.map_err(AppError::from)?;
    page(&state, &ctx, Some(token), String::new(), false).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EndSessionForm {
    session: String,
}

/// Sign out one of the user's own sessions (another device, or this one).
pub async fn end_session(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(f): Form<EndSessionForm>) -> AppResult<Response> {
    // Ending a session that already ended is not an error: the list simply no longer shows it.
    let ended = state.store.end_session_by_handle(ctx.actor()?, &f.session).await?;
    let current_ended = ended && ctx.session.as_deref().is_some_and(|t| sendero_store::users::sha256_hex(t).starts_with(&f.session.to_ascii_lowercase()));
    Ok(crate::forms::see_other(if current_ended { "/login" } else { "/account#sessions-h" }))
}

/// Sign out every session of the user except this one.
pub async fn end_other_sessions(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    let keep = ctx.session.clone().ok_or(AppError::Forbidden)?;
    state.store.end_other_sessions(ctx.actor()?, &keep).await?;
    Ok(crate::forms::see_other("/account#sessions-h"))
}
