//! Households: a family with a head and members' relationships to the head.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use sendero_domain::client::ClientInput;
use sendero_domain::{ClientDraft, FieldErrors, Permission, Relationship};
use sendero_store::today;
use serde::Deserialize;

use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{html, see_other};
use crate::templates::{ClientForm, HouseholdPage, Layout};
use crate::AppState;

pub async fn create(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(client_id): Path<i64>) -> AppResult<Response> {
    let client = state.store.client(ctx.org()?, client_id).await?;
    if let Some(existing) = client.household_id {
        return Ok(see_other(&format!("/households/{existing}")));
    }
    let name = ctx.tr.with("household-default-name", &[("name", client.family_names.clone().unwrap_or(client.given_names.clone()))]);
    let id = state.store.create_household(ctx.actor()?, &name, client_id).await?;
    Ok(see_other(&format!("/households/{id}")))
}

async fn page(state: &AppState, ctx: &Ctx, id: i64, form: ClientForm, relationship: String, errors: FieldErrors) -> AppResult<HouseholdPage> {
    let household = state.store.household(ctx.org()?, id).await?;
    Ok(HouseholdPage {
        l: Layout::new(Some(ctx), ctx.tr.clone(), &household.name),
        household,
        form,
        relationship,
        errors,
        can_write: ctx.user()?.role.can(Permission::WriteClients),
    })
}

pub async fn show(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Response> {
    Ok(html(&page(&state, &ctx, id, ClientForm::default(), "child".into(), FieldErrors::default()).await?))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MemberForm {
    relationship: String,
    given_names: String,
    family_names: String,
    birth_date: String,
    country: String,
    languages: String,
}

pub async fn add_member(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>, Form(f): Form<MemberForm>) -> AppResult<Response> {
    let relationship = Relationship::parse(&f.relationship).ok_or(AppError::BadRequest("error-relationship"))?;
    let input = ClientInput {
        given_names: f.given_names.clone(),
        family_names: f.family_names.clone(),
        birth_date: f.birth_date.clone(),
        country: f.country.clone(),
        languages: f.languages.clone(),
        ..Default::default()
    };
    let typed = ClientForm {
        given_names: f.given_names,
        family_names: f.family_names,
        birth_date: f.birth_date,
        country: f.country,
        languages: f.languages,
        ..Default::default()
    };
    match ClientDraft::parse(&input, today()) {
        Ok(draft) => {
            state.store.create_household_member(ctx.actor()?, id, &draft, relationship).await?;
            Ok(see_other(&format!("/households/{id}")))
        }
        Err(errors) => Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page(&state, &ctx, id, typed, f.relationship, errors).await?)).into_response()),
    }
}
