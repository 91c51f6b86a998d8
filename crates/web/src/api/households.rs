//! Households over the API.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use sendero_domain::{text, FieldErrors, Relationship};
use serde::{Deserialize, Serialize};

use super::clients::ClientOut;
use super::{invalid, ApiJson};
use crate::auth::Ctx;
use crate::error::AppResult;
use crate::AppState;

#[derive(Deserialize, Serialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct HouseholdIn {
    pub name: String,
    pub head_client_id: i64,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct HouseholdOut {
    pub id: i64,
    pub name: String,
    pub members: Vec<ClientOut>,
}

#[derive(Deserialize, Serialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct MemberIn {
    pub client_id: i64,
    /// head, spouse, child, parent, sibling, other_relative, non_relative
    pub relationship: String,
}

/// Start a household with an existing client as head of family.
#[utoipa::path(post, path = "/api/v1/households", request_body = HouseholdIn, responses((status = 201, body = HouseholdOut), (status = 404), (status = 422)))]
pub async fn create(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, ApiJson(body): ApiJson<HouseholdIn>) -> AppResult<Response> {
    let name = match text::required(&body.name, 200) {
        Ok(n) => n,
        Err(code) => {
            let mut errors = FieldErrors::default();
            errors.push("name", code);
            return Ok(invalid(&ctx, &errors));
        }
    };
    // The head must be the caller's organization's client: 404 otherwise.
    state.store.client(ctx.org()?, body.head_client_id).await?;
    let id = state.store.create_household(ctx.actor()?, &name, body.head_client_id).await?;
    Ok((StatusCode::CREATED, Json(out(&state, &ctx, id).await?)).into_response())
}

async fn out(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<HouseholdOut> {
    let h = state.store.household(ctx.org()?, id).await?;
    Ok(HouseholdOut { id: h.id, name: h.name, members: h.members.into_iter().map(Into::into).collect() })
}

/// A household with its members, head first.
#[utoipa::path(get, path = "/api/v1/households/{household_id}", params(("household_id" = i64, Path)), responses((status = 200, body = HouseholdOut), (status = 404)))]
pub async fn show(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Json<HouseholdOut>> {
    Ok(Json(out(&state, &ctx, id).await?))
}

/// Put an existing client into the household.
#[utoipa::path(post, path = "/api/v1/households/{household_id}/members", params(("household_id" = i64, Path)), request_body = MemberIn, responses((status = 200, body = HouseholdOut), (status = 404), (status = 422)))]
pub async fn add_member(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<MemberIn>,
) -> AppResult<Response> {
    let Some(relationship) = Relationship::parse(&body.relationship) else {
        let mut errors = FieldErrors::default();
        errors.push("relationship", "error-relationship");
        return Ok(invalid(&ctx, &errors));
    };
    state.store.client(ctx.org()?, body.client_id).await?;
    state.store.add_household_member(ctx.actor()?, id, body.client_id, relationship).await?;
    Ok(Json(out(&state, &ctx, id).await?).into_response())
}
