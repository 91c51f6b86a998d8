//! JSON API under /api/v1, authenticated with personal API tokens (`Authorization: Bearer`).
//! The OpenAPI document is generated from the handlers' annotations.

pub mod cases;
pub mod clients;
pub mod households;

use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use sendero_domain::FieldErrors;
use serde::de::DeserializeOwned;
use serde::Serialize;
use utoipa::OpenApi;

use crate::auth::Ctx;
use crate::error::{AppError, AppResult};

#[derive(OpenApi)]
#[openapi(
    info(title = "Sendero API", description = "Case management for organizations accompanying people in movement. Every call is scoped to the caller's organization. No endpoint serves client data to immigration enforcement."),
    paths(
        me,
        clients::list, clients::create, clients::check, clients::show, clients::update, clients::contacts, clients::add_contact,
        households::create, households::show, households::add_member,
        cases::list, cases::open, cases::show, cases::transition, cases::notes, cases::add_note,
    ),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()));
        openapi.security = Some(vec![utoipa::openapi::security::SecurityRequirement::new("bearer", Vec::<String>::new())]);
    }
}

pub async fn openapi() -> Response {
    Json(ApiDoc::openapi()).into_response()
}

/// JSON body extractor whose rejections are JSON errors, not plain text.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;
    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        Json::<T>::from_request(req, state).await.map(|Json(v)| ApiJson(v)).map_err(|_| AppError::BadRequest("error-invalid-json"))
    }
}

/// 422 with every invalid field, codes and messages in the caller's language.
pub fn invalid(ctx: &Ctx, errors: &FieldErrors) -> Response {
    let fields: Vec<_> = errors.0.iter().map(|e| serde_json::json!({"field": e.field, "code": e.code, "message": ctx.tr.get(e.code)})).collect();
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        Json(serde_json::json!({"error": {"code": "error-invalid", "message": ctx.tr.get("form-has-errors"), "fields": fields}})),
    )
        .into_response()
}

/// 409 naming the fields someone else changed since the caller's version.
pub fn conflict(ctx: &Ctx, current_version: i64, changed: &[String]) -> Response {
    (StatusCode::CONFLICT, Json(serde_json::json!({"error": {"code": "error-conflict", "message": ctx.tr.get("conflict-explain"), "current_version": current_version, "changed": changed}}))).into_response()
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Me {
    pub id: i64,
    pub organization_id: i64,
    pub email: String,
    pub name: String,
    pub role: String,
    pub locale: String,
}

/// The caller.
#[utoipa::path(get, path = "/api/v1/me", responses((status = 200, body = Me), (status = 401)))]
pub async fn me(Extension(ctx): Extension<Ctx>) -> AppResult<Json<Me>> {
    let u = ctx.user()?;
    Ok(Json(Me {
        id: u.id,
        organization_id: u.org_id,
        email: u.email.clone(),
        name: u.display_name.clone(),
        role: u.role.as_str().into(),
        locale: u.locale.clone(),
    }))
}

/// A page of items, as the API returns lists.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ListOf<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}
