//! Health, metrics and static assets.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::error::AppError;
use crate::AppState;

pub async fn healthz(State(state): State<AppState>) -> Response {
    if state.store.ping().await {
        (StatusCode::OK, "ok").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response()
    }
}

pub async fn metrics(State(state): State<AppState>) -> Response {
    ([(header::CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8")], state.metrics.encode()).into_response()
}

/// Assets are embedded in the binary: one file to deploy.
pub async fn static_file(Path(file): Path<String>) -> Response {
    let (body, mime): (&'static [u8], &str) = match file.as_str() {
        "style.css" => (include_bytes!("../../static/style.css"), "text/css; charset=utf-8"),
        "htmx.min.js" => (include_bytes!("../../static/htmx.min.js"), "text/javascript; charset=utf-8"),
        "bench.html" => (include_bytes!("../../static/bench.html"), "text/html; charset=utf-8"),
        _ => return AppError::NotFound.into_response(),
    };
    ([(header::CONTENT_TYPE, mime), (header::CACHE_CONTROL, "public, max-age=3600")], body).into_response()
}
