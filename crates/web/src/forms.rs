//! Small helpers for reading forms and query strings without trusting them.

use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

/// Paging and sorting as they arrive in a query string; out-of-range values are clamped.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListParams {
    pub q: String,
    pub sort: String,
    pub page: Option<String>,
    pub status: String,
    pub phase: String,
    pub mine: String,
    pub manager: String,
    pub per_page: Option<String>,
}

impl ListParams {
    pub fn page(&self) -> i64 {
        self.page.as_deref().and_then(|p| p.parse().ok()).unwrap_or(1).clamp(1, 1_000_000)
    }
    pub fn per_page(&self, default: i64) -> i64 {
        self.per_page.as_deref().and_then(|p| p.parse().ok()).unwrap_or(default).clamp(1, 200)
    }
}

/// An optional id from a form field ("" means none); garbage is an error, not a panic.
pub fn optional_id(raw: &str) -> Result<Option<i64>, crate::error::AppError> {
    match raw.trim() {
        "" => Ok(None),
        s => s.parse().map(Some).map_err(|_| crate::error::AppError::BadRequest("error-invalid")),
    }
}

pub fn html(t: &impl askama::Template) -> Response {
    Html(crate::templates::render(t)).into_response()
}

/// Redirect after a successful POST (303, so a reload does not resubmit).
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// The first value posted under `name` ("" if none), from [`form_pairs`].
pub fn field<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("")
}

/// Parse `application/x-www-form-urlencoded` keeping repeated keys (checkbox groups). The one
/// decoder for handlers that read the raw body (public forms, the CSRF check).
pub fn form_pairs(body: &[u8]) -> Vec<(String, String)> {
    std::str::from_utf8(body)
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            let decode = |s: &str| urlencoding::decode(&s.replace('+', " ")).map(|c| c.into_owned()).unwrap_or_default();
            (decode(k), decode(v))
        })
        .collect()
}
