//! Signing in and out, and choosing a language.

use axum::extract::{Query, State};
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use sendero_store::demo::{DEMO_ACCOUNTS, DEMO_PASSWORD};
use sendero_store::users::SignInError;
use serde::Deserialize;

use crate::auth::{set_cookie, Ctx, LANG_COOKIE, PRE_CSRF_COOKIE, SESSION_COOKIE};
use crate::error::AppResult;
use crate::forms::{html, see_other};
use crate::templates::{Layout, LoginPage};
use crate::AppState;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NextParam {
    next: String,
}

/// Only same-site relative paths are followed after sign-in (no open redirects).
pub(crate) fn safe_next(next: &str) -> String {
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') {
        next.to_owned()
    } else {
        "/".to_owned()
    }
}

fn login_page(state: &AppState, ctx: &Ctx, email: &str, error: Option<String>, next: &str, csrf: &str) -> LoginPage {
    let mut l = Layout::new(None, ctx.tr.clone(), &ctx.tr.get("login-title"));
    l.csrf = csrf.to_owned();
    LoginPage {
        l,
        email: email.to_owned(),
        error,
        next: safe_next(next),
        demo_accounts: if state.settings.demo {
            DEMO_ACCOUNTS.iter().map(|(email, role, _)| (ctx.tr.label("role", role.as_str()), (*email).to_owned())).collect()
        } else {
            vec![]
        },
        demo_password: DEMO_PASSWORD,
        sso: state.oidc.as_ref().map(|o| {
            let label = ctx.tr.with("sso-sign-in-with", &[("label", o.settings.label.clone())]);
            let href = format!("/auth/oidc/start?next={}&csrf={}", urlencoding::encode(&safe_next(next)), urlencoding::encode(csrf));
            (label, href)
        }),
    }
}

/// The sign-in page (with an error, after a refused sign-in elsewhere, e.g. single sign-on).
/// Sets a pre-session CSRF cookie (double-submit) if there is none.
pub(crate) fn login_response(state: &AppState, ctx: &Ctx, error: Option<String>, next: &str, status: axum::http::StatusCode) -> Response {
    let csrf = if ctx.csrf.is_empty() { rand::random::<[u8; 16]>().iter().map(|b| format!("{b:02x}")).collect() } else { ctx.csrf.clone() };
    let mut response = (status, html(&login_page(state, ctx, "", error, next, &csrf))).into_response();
    if let Ok(v) = set_cookie(PRE_CSRF_COOKIE, &csrf, 3600, state.settings.secure_cookies).parse() {
        response.headers_mut().append(SET_COOKIE, v);
    }
    response
}

/// The sign-in form.
pub async fn login_form(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(p): Query<NextParam>) -> Response {
    if ctx.user.is_some() {
        return see_other(&safe_next(&p.next));
    }
    login_response(&state, &ctx, None, &p.next, axum::http::StatusCode::OK)
}

/// After the first factor (password or single sign-on): the second-factor step when the user
/// needs one, otherwise the session. One path for every way of signing in.
pub(crate) async fn finish_sign_in(
    state: &AppState,
    user: &sendero_store::users::User,
    next: &str,
    ip: &crate::protection::ClientIp,
    headers: &axum::http::HeaderMap,
) -> AppResult<Response> {
    if state.store.second_factor_for(user).await? != sendero_store::two_factor::SecondFactor::None {
        return crate::pages::two_factor::start(state, user, next).await;
    }
    let (token, _) = state.store.create_session(user.id).await?;
    let agent = headers.get(axum::http::header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("");
    state.store.record_session_origin(&token, &ip.0, agent).await?;
    let mut response = see_other(&safe_next(next));
    let secure = state.settings.secure_cookies;
    if let Ok(v) = set_cookie(SESSION_COOKIE, &token, sendero_store::users::SESSION_HOURS * 3600, secure).parse() {
        response.headers_mut().append(SET_COOKIE, v);
    }
    if let Ok(v) = set_cookie(PRE_CSRF_COOKIE, "", 0, secure).parse() {
        response.headers_mut().append(SET_COOKIE, v);
    }
    Ok(response)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginForm {
    email: String,
    password: String,
    next: String,
}

pub async fn login(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Extension(ip): Extension<crate::protection::ClientIp>,
    headers: axum::http::HeaderMap,
    Form(f): Form<LoginForm>,
) -> AppResult<Response> {
    if f.email.len() > 320 || f.password.len() > 1024 {
        let page = login_page(&state, &ctx, "", Some(ctx.tr.get("login-invalid")), &f.next, &ctx.csrf);
        return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response());
    }
    match state.store.sign_in(&f.email, &f.password).await? {
        Ok(user) => finish_sign_in(&state, &user, &f.next, &ip, &headers).await,
        Err(e) => {
            let key = match e {
                SignInError::Invalid => "login-invalid",
                SignInError::Locked => "login-locked",
            };
            let page = login_page(&state, &ctx, &f.email, Some(ctx.tr.get(key)), &f.next, &ctx.csrf);
            Ok((axum::http::StatusCode::UNAUTHORIZED, html(&page)).into_response())
        }
    }
}

pub async fn logout(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    if let Some(token) = &ctx.session {
        state.store.end_session(token).await?;
    }
    let mut response = see_other("/login");
    if let Ok(v) = set_cookie(SESSION_COOKIE, "", 0, state.settings.secure_cookies).parse() {
        response.headers_mut().append(SET_COOKIE, v);
    }
    Ok(response)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LanguageForm {
    lang: String,
}

/// Choose a language: saved on the account when signed in, in a cookie otherwise.
pub async fn set_language(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    headers: axum::http::HeaderMap,
    Form(f): Form<LanguageForm>,
) -> AppResult<Response> {
    let code = crate::i18n::Tr::new(&f.lang).code();
    if let Some(user) = &ctx.user {
        state.store.set_locale(user, code).await?;
    }
    let back = headers
        .get(axum::http::header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| r.find("://").and_then(|i| r[i + 3..].find('/').map(|j| r[i + 3 + j..].to_owned())))
        .unwrap_or_else(|| "/".into());
    let mut response = see_other(&safe_next(&back));
    if let Ok(v) = set_cookie(LANG_COOKIE, code, 365 * 24 * 3600, state.settings.secure_cookies).parse() {
        response.headers_mut().append(SET_COOKIE, v);
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    #[test]
    fn next_is_never_off_site() {
        assert_eq!(super::safe_next("/clients?q=a"), "/clients?q=a");
        assert_eq!(super::safe_next("//evil.example"), "/");
        assert_eq!(super::safe_next("https://evil.example"), "/");
        assert_eq!(super::safe_next("/\\evil"), "/");
    }
}
