//! What the public forms share (volunteer and guardian sign-up, self-referral): a CSRF token
//! in a double-submit cookie for visitors without a session, a size limit, an hourly allowance
//! per address and form, a honeypot field, and the plain message pages they answer with.

use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::auth::{set_cookie, Ctx, PRE_CSRF_COOKIE};
use crate::error::AppResult;
use crate::forms::{field, html};
use crate::templates::Layout;
use crate::AppState;

/// The limits of one public form.
#[derive(Debug, Clone, Copy)]
pub struct PublicForm {
    /// The name its hourly allowance is counted under.
    pub name: &'static str,
    /// Largest body accepted (the global limit is for imports).
    pub max_bytes: usize,
    pub per_hour: i64,
}

pub const VOLUNTEER: PublicForm = PublicForm { name: "volunteer", max_bytes: 16 * 1024, per_hour: sendero_store::volunteers::PUBLIC_FORM_LIMIT_PER_HOUR };
pub const GUARDIAN: PublicForm = PublicForm { name: "guardian", max_bytes: 16 * 1024, per_hour: sendero_store::volunteers::PUBLIC_FORM_LIMIT_PER_HOUR };
/// A few short fields; few honest people refer themselves more than a handful of times.
pub const SELF_REFERRAL: PublicForm = PublicForm { name: "self_referral", max_bytes: 8 * 1024, per_hour: 5 };

/// A CSRF token for an anonymous visitor, set as the double-submit cookie if new.
pub fn anonymous_csrf(ctx: &Ctx) -> String {
    if ctx.csrf.is_empty() {
        rand::random::<[u8; 16]>().iter().map(|b| format!("{b:02x}")).collect()
    } else {
        ctx.csrf.clone()
    }
}

pub fn with_csrf_cookie(state: &AppState, mut response: Response, csrf: &str) -> Response {
    if let Ok(v) = set_cookie(PRE_CSRF_COOKIE, csrf, 3600, state.settings.secure_cookies).parse() {
        response.headers_mut().append(SET_COOKIE, v);
    }
    response
}

/// Size and rate checks, before the body is parsed: `Some` is the page to answer with instead
/// (413 for too much text, 429 with `Retry-After` past the hourly allowance).
pub async fn turn_away(state: &AppState, ctx: &Ctx, form: PublicForm, headers: &HeaderMap, body_len: usize, ip: &str) -> AppResult<Option<Response>> {
    let declared = headers.get(axum::http::header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<usize>().ok()).unwrap_or(0);
    if body_len > form.max_bytes || declared > form.max_bytes {
        return Ok(Some(message_page(ctx, StatusCode::PAYLOAD_TOO_LARGE, "public-too-large-title", "public-too-large")));
    }
    if !state.store.public_form_allowed(ip, form.name, form.per_hour).await? {
        let mut r = message_page(ctx, StatusCode::TOO_MANY_REQUESTS, "public-too-many-title", "public-too-many");
        r.headers_mut().insert(axum::http::header::RETRY_AFTER, HeaderValue::from_static("3600"));
        return Ok(Some(r));
    }
    Ok(None)
}

/// Bots fill every field; people never see this one. The caller answers as if it worked.
pub fn honeypot_filled(pairs: &[(String, String)]) -> bool {
    let filled = !field(pairs, "website").is_empty();
    if filled {
        tracing::info!("public form honeypot filled; discarded");
    }
    filled
}

#[derive(askama::Template)]
#[template(path = "volunteers/message.html")]
pub struct MessagePage {
    pub l: Layout,
    pub heading: String,
    pub message: String,
}

pub fn message_page(ctx: &Ctx, status: StatusCode, title_key: &str, message_key: &str) -> Response {
    let page = MessagePage { l: Layout::page(ctx, title_key), heading: ctx.tr.get(title_key), message: ctx.tr.get(message_key) };
    (status, html(&page)).into_response()
}

/// Organizations a person may sign up with (names only: they are public).
pub async fn signup_organizations(state: &AppState) -> AppResult<Vec<sendero_store::orgs::Organization>> {
    Ok(state.store.all_organizations().await?)
}
