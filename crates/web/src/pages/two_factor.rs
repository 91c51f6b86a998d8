//! The second step of signing in: a code from an authenticator app (or a recovery code), or,
//! for administrators and supervisors who must use one and have none yet, enrolment. Until it
//! is done there is no session at all, only a short-lived pending sign-in cookie.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use sendero_store::users::User;
use serde::Deserialize;

use crate::auth::{cookie, set_cookie, Ctx, PRE_CSRF_COOKIE, SESSION_COOKIE};
use crate::error::AppResult;
use crate::forms::{html, see_other};
use crate::pages::session::safe_next;
use crate::protection::ClientIp;
use crate::templates::Layout;
use crate::AppState;

pub const PENDING_COOKIE: &str = "sendero_pending";

#[derive(Template)]
#[template(path = "two_factor/step.html")]
pub struct StepPage {
    pub l: Layout,
    /// Enrolment: the secret (base32) and the otpauth URI; None when verifying.
    pub enrol: Option<(String, String)>,
    pub error: Option<String>,
    pub next: String,
}

#[derive(Template)]
#[template(path = "two_factor/codes.html")]
pub struct CodesPage {
    pub l: Layout,
    pub codes: Vec<String>,
    pub next: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NextParam {
    next: String,
}

/// Called by the password step: open a pending sign-in and send the browser here.
pub async fn start(state: &AppState, user: &User, next: &str) -> AppResult<Response> {
    let token = state.store.start_pending_signin(user.id).await?;
    let mut response = see_other(&format!("/login/two-factor?next={}", urlencoding::encode(&safe_next(next))));
    if let Ok(v) = set_cookie(PENDING_COOKIE, &token, 600, state.settings.secure_cookies).parse() {
        response.headers_mut().append(SET_COOKIE, v);
    }
    Ok(response)
}

async fn pending_user(state: &AppState, headers: &HeaderMap) -> AppResult<Option<(String, User)>> {
    let Some(token) = cookie(headers, PENDING_COOKIE) else { return Ok(None) };
    Ok(state.store.pending_signin(&token).await?.map(|u| (token, u)))
}

async fn step_page(state: &AppState, ctx: &Ctx, user: &User, error: Option<String>, next: &str) -> AppResult<StepPage> {
    let enrol = if state.store.has_totp(user.id).await? {
        None
    } else {
        let secret = state.store.totp_enrolment_secret(user).await?;
        let uri = sendero_store::two_factor::otpauth_uri(&secret, &user.email);
        Some((secret, uri))
    };
    let title = if enrol.is_some() { "totp-enrol-title" } else { "totp-title" };
    let mut l = Layout::new(None, ctx.tr.clone(), &ctx.tr.get(title));
    l.csrf = ctx.csrf.clone();
    Ok(StepPage { l, enrol, error, next: safe_next(next) })
}

pub async fn form(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, headers: HeaderMap, Query(p): Query<NextParam>) -> AppResult<Response> {
    let Some((_, user)) = pending_user(&state, &headers).await? else { return Ok(see_other("/login")) };
    Ok(html(&step_page(&state, &ctx, &user, None, &p.next).await?))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CodeForm {
    code: String,
    next: String,
}

pub async fn submit(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Extension(ip): Extension<ClientIp>,
    headers: HeaderMap,
    Form(f): Form<CodeForm>,
) -> AppResult<Response> {
    let Some((token, user)) = pending_user(&state, &headers).await? else { return Ok(see_other("/login")) };
    let code = f.code.chars().take(64).collect::<String>();
    let enrolling = !state.store.has_totp(user.id).await?;
    let recovery_codes = if enrolling {
        match state.store.confirm_totp(&token, &user, &code).await? {
            Some(codes) => Some(codes),
            None => return refuse(&state, &ctx, &token, &user, &f.next).await,
        }
    } else {
        if !state.store.verify_second_factor(&token, &user, &code).await? {
            return refuse(&state, &ctx, &token, &user, &f.next).await;
        }
        None
    };
    state.store.end_pending_signin(&token).await?;
    let (session, _) = state.store.create_session(user.id).await?;
    let agent = headers.get(axum::http::header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("");
    state.store.record_session_origin(&session, &ip.0, agent).await?;
    let next = safe_next(&f.next);
    let mut response = match recovery_codes {
        Some(codes) => {
            let mut l = Layout::new(None, ctx.tr.clone(), &ctx.tr.get("totp-codes-title"));
            l.csrf = ctx.csrf.clone();
            html(&CodesPage { l, codes, next })
        }
        None => see_other(&next),
    };
    let secure = state.settings.secure_cookies;
    for (name, value, age) in
        [(SESSION_COOKIE, session.as_str(), sendero_store::users::SESSION_HOURS * 3600), (PENDING_COOKIE, "", 0), (PRE_CSRF_COOKIE, "", 0)]
    {
        if let Ok(v) = set_cookie(name, value, age, secure).parse() {
            response.headers_mut().append(SET_COOKIE, v);
        }
    }
    Ok(response)
}

async fn refuse(state: &AppState, ctx: &Ctx, token: &str, user: &User, next: &str) -> AppResult<Response> {
    // Too many wrong codes end the pending sign-in: start again from the password.
    if state.store.pending_signin(token).await?.is_none() {
        return Ok(see_other("/login"));
    }
    let page = step_page(state, ctx, user, Some(ctx.tr.get("totp-wrong")), next).await?;
    Ok((StatusCode::UNAUTHORIZED, html(&page)).into_response())
}
