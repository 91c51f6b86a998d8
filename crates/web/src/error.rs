//! Errors a handler can return. The status comes from the variant; the body is rendered later
//! by [`render_errors`] in the user's language (HTML) or as JSON with a stable code (API).

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use sendero_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("sign-in required")]
    Unauthorized,
    /// A request a person could not have made through the pages (bad ids, forged fields).
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    #[error("conflict")]
    Conflict,
    #[error("refused: {0}")]
    Refused(&'static str),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// Carried on an error response so the renderer knows what to say.
#[derive(Debug, Clone, Copy)]
pub struct ErrorCode(pub &'static str);

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Conflict => StatusCode::CONFLICT,
            AppError::Refused(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "error-not-found",
            AppError::Forbidden => "error-forbidden",
            AppError::Unauthorized => "error-unauthorized",
            AppError::BadRequest(code) | AppError::Refused(code) => code,
            AppError::Conflict => "error-conflict",
            AppError::Unexpected(_) => "error-unexpected",
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> AppError {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Conflict { .. } => AppError::Conflict,
            StoreError::Refused(code) => AppError::Refused(code),
            StoreError::Invalid(_) => AppError::BadRequest("error-invalid"),
            StoreError::Database(e) => AppError::Unexpected(e.into()),
            StoreError::Other(e) => AppError::Unexpected(e),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Unexpected(e) = &self {
            tracing::error!(error = ?e, "unexpected error");
        }
        let mut response = self.status().into_response();
        response.extensions_mut().insert(ErrorCode(self.code()));
        response
    }
}

pub type AppResult<T> = Result<T, AppError>;

/// Give bare error responses a body: JSON `{"error": {"code", "message"}}` under /api,
/// otherwise a translated HTML page inside the layout.
pub async fn render_errors(req: Request, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/");
    let ctx = req.extensions().get::<crate::auth::Ctx>().cloned();
    let accept = req.headers().get("accept-language").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let response = next.run(req).await;
    let Some(ErrorCode(code)) = response.extensions().get::<ErrorCode>().copied() else {
        return response;
    };
    let status = response.status();
    let retry_after = response.headers().get(axum::http::header::RETRY_AFTER).cloned();
    let tr = ctx.as_ref().map(|c| c.tr.clone()).unwrap_or_else(|| crate::i18n::Tr::from_accept_language(accept.as_deref()));
    if is_api {
        let body = serde_json::json!({"error": {"code": code, "message": tr.get(code)}});
        return with_retry_after((status, axum::Json(body)).into_response(), retry_after);
    }
    let page = crate::templates::ErrorPage {
        l: crate::templates::Layout::new(ctx.as_ref(), tr.clone(), &tr.get(code)),
        message: tr.get(code),
        status: status.as_u16(),
    };
    with_retry_after((status, Html(crate::templates::render(&page))).into_response(), retry_after)
}

/// Keep a 429's `Retry-After` on the rendered page.
fn with_retry_after(mut response: Response, retry_after: Option<axum::http::HeaderValue>) -> Response {
    if let Some(v) = retry_after {
        response.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
    }
    response
}
