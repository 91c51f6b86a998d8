//! Who is asking, in what language, and may they? Sessions come from a cookie (pages) or a
//! bearer token (API). CSRF: a per-session synchronizer token on every unsafe request made
//! with a cookie; a double-submit cookie before sign-in.

use axum::body::Body;
use axum::extract::{RawPathParams, Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use sendero_domain::Permission;
use sendero_store::orgs::Entity;
use sendero_store::users::User;
use sendero_store::Actor;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::AppState;

pub const SESSION_COOKIE: &str = "sendero_session";
pub const PRE_CSRF_COOKIE: &str = "sendero_csrf";
pub const LANG_COOKIE: &str = "sendero_lang";
/// Largest request body read for a CSRF check (imports post files up to this size).
pub const MAX_BODY: usize = 64 * 1024 * 1024;

/// Per-request context: the signed-in user (if any), their CSRF token and language.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub user: Option<User>,
    pub csrf: String,
    pub session: Option<String>,
    pub via_token: bool,
    pub tr: Tr,
    /// The request's path, for marking the current page in the navigation.
    pub path: String,
}

impl Ctx {
    pub fn user(&self) -> Result<&User, AppError> {
        self.user.as_ref().ok_or(AppError::Unauthorized)
    }
    pub fn actor(&self) -> Result<Actor, AppError> {
        let u = self.user()?;
        Ok(Actor { user_id: Some(u.id), org_id: u.org_id })
    }
    pub fn org(&self) -> Result<i64, AppError> {
        Ok(self.user()?.org_id)
    }
}

pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

pub fn set_cookie(name: &str, value: &str, max_age: i64, secure: bool) -> String {
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{}", if secure { "; Secure" } else { "" })
}

/// Middleware: resolve the session or API token into a [`Ctx`] extension.
pub async fn identify(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let headers = req.headers();
    let bearer = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer ")).map(str::to_owned);
    let session = cookie(headers, SESSION_COOKIE);
    let lang_cookie = cookie(headers, LANG_COOKIE);
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let path = req.uri().path();
    let mut ctx = Ctx {
        user: None,
        csrf: cookie(headers, PRE_CSRF_COOKIE).unwrap_or_default(),
        session: None,
        via_token: false,
        tr: Tr::new("en"),
        path: path.to_owned(),
    };
    // Assets, health and metrics never need the user: skip the session lookup.
    let anonymous = path.starts_with("/static/") || path == "/healthz" || path == "/metrics";
    let (bearer, session) = if anonymous { (None, None) } else { (bearer, session) };
    if let Some(token) = bearer {
        match state.store.user_by_api_token(&token).await {
            Ok(Some(user)) => {
                ctx.user = Some(user);
                ctx.via_token = true;
            }
            Ok(None) => {}
            Err(e) => return AppError::from(e).into_response(),
        }
    } else if let Some(token) = session {
        match state.store.session(&token).await {
            Ok(Some((user, csrf))) => {
                ctx.user = Some(user);
                ctx.csrf = csrf;
                ctx.session = Some(token);
            }
            Ok(None) => {}
            Err(e) => return AppError::from(e).into_response(),
        }
    }
    ctx.tr = match (&ctx.user, lang_cookie) {
        (Some(u), _) => Tr::new(&u.locale),
        (None, Some(lang)) => Tr::new(&lang),
        (None, None) => Tr::from_accept_language(accept.as_deref()),
    };
    req.extensions_mut().insert(ctx);
    next.run(req).await
}

/// Middleware: refuse unsafe requests that do not carry the CSRF token. API calls with a bearer
/// token are exempt (a browser never attaches one by itself).
pub async fn csrf(req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let Some(ctx) = req.extensions().get::<Ctx>().cloned() else {
        return AppError::Forbidden.into_response();
    };
    // Bearer-token calls need no CSRF token; anonymous API calls go on to be refused with 401.
    if ctx.via_token || (ctx.user.is_none() && req.uri().path().starts_with("/api/")) {
        return next.run(req).await;
    }
    let expected = ctx.csrf.clone();
    let from_header = req.headers().get("x-csrf-token").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let from_query = req.uri().query().and_then(|q| form_field(q.as_bytes(), "csrf"));
    let is_form = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let (req, from_body) = if from_header.is_none() && from_query.is_none() && is_form {
        let (parts, body) = req.into_parts();
        let bytes = match axum::body::to_bytes(body, MAX_BODY).await {
            Ok(b) => b,
            Err(_) => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
        };
        let field = form_field(&bytes, "csrf");
        (Request::from_parts(parts, Body::from(bytes)), field)
    } else {
        (req, None)
    };
    let given = from_header.or(from_query).or(from_body).unwrap_or_default();
    if expected.is_empty() || !constant_time_eq(given.as_bytes(), expected.as_bytes()) {
        let mut r = AppError::Forbidden.into_response();
        r.extensions_mut().insert(crate::error::ErrorCode("error-csrf"));
        return r;
    }
    next.run(req).await
}

fn form_field(body: &[u8], name: &str) -> Option<String> {
    crate::forms::form_pairs(body).into_iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Which path parameters name which kind of record (checked for ownership before handlers).
pub fn entity_of(param: &str) -> Option<Entity> {
    match param {
        "client_id" => Some(Entity::Client),
        "case_id" => Some(Entity::Case),
        "household_id" => Some(Entity::Household),
        "user_id" => Some(Entity::User),
        "contact_id" => Some(Entity::Contact),
        "assessment_id" => Some(Entity::Assessment),
        "instrument_id" => Some(Entity::Instrument),
        "merge_id" => Some(Entity::Merge),
        "task_id" => Some(Entity::Task),
        "consent_id" => Some(Entity::Consent),
        "grant_id" => Some(Entity::Grant),
        "transfer_id" => Some(Entity::Transfer),
        "candidate_id" => Some(Entity::Candidate),
        "round_id" => Some(Entity::LotteryRound),
        "volunteer_id" => Some(Entity::Volunteer),
        "check_id" => Some(Entity::Check),
        "network_id" => Some(Entity::Network),
        "network_task_id" => Some(Entity::NetworkTask),
        "ride_id" => Some(Entity::Ride),
        "guardian_id" => Some(Entity::Guardian),
        "event_id" => Some(Entity::Event),
        "referral_id" => Some(Entity::Referral),
        "incoming_id" => Some(Entity::IncomingReferral),
        "goal_id" => Some(Entity::Goal),
        "schedule_id" => Some(Entity::ReportSchedule),
        "run_id" => Some(Entity::ReportRun),
        _ => None,
    }
}

/// Route layer: signed in → has the permission → every id in the path belongs to the user's
/// organization. Another organization's ids answer 404, exactly like ids that do not exist.
pub async fn authorize(permission: Permission, State(state): State<AppState>, params: RawPathParams, req: Request, next: Next) -> Response {
    let Some(ctx) = req.extensions().get::<Ctx>() else {
        return AppError::Unauthorized.into_response();
    };
    let Some(user) = &ctx.user else {
        if req.uri().path().starts_with("/api/") {
            return AppError::Unauthorized.into_response();
        }
        let next_path = req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/");
        return Redirect::to(&format!("/login?next={}", urlencoding::encode(next_path))).into_response();
    };
    if !user.role.can(permission) {
        return AppError::Forbidden.into_response();
    }
    for (name, value) in params.iter() {
        if let Some(entity) = entity_of(name) {
            let Ok(id) = value.parse::<i64>() else {
                return AppError::NotFound.into_response();
            };
            match state.store.owns(user.org_id, entity, id).await {
                Ok(true) => {}
                Ok(false) => return AppError::NotFound.into_response(),
                Err(e) => return AppError::from(e).into_response(),
            }
        }
    }
    next.run(req).await
}

/// Response headers that make the pages harder to abuse.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let h = response.headers_mut();
    h.insert("x-content-type-options", "nosniff".parse().expect("static header"));
    h.insert("x-frame-options", "DENY".parse().expect("static header"));
    h.insert("referrer-policy", "same-origin".parse().expect("static header"));
    h.insert(
        "content-security-policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"
            .parse()
            .expect("static header"),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, "no-store".parse().expect("static header"));
    }
    response
}
