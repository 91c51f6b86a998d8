//! Clients over the API.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use sendero_domain::client::ClientInput;
use sendero_domain::{ClientDraft, ContactKind, FieldErrors};
use sendero_store::clients::{Client, ClientQuery, ClientSort, Contact};
use sendero_store::{today, StoreError};
use serde::{Deserialize, Serialize};

use super::{conflict, invalid, ApiJson, ListOf};
use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::ListParams;
use crate::AppState;

#[derive(Serialize, utoipa::ToSchema)]
pub struct ClientOut {
    pub id: i64,
    pub given_names: String,
    pub family_names: Option<String>,
    pub aliases: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: dates of birth are often approximate.
    pub birth_date: Option<String>,
    pub country: Option<String>,
    pub languages: Option<String>,
    pub a_number: Option<String>,
    pub household_id: Option<i64>,
    pub relationship: Option<String>,
    pub version: i64,
}

impl From<Client> for ClientOut {
    fn from(c: Client) -> ClientOut {
        ClientOut {
            id: c.id,
            given_names: c.given_names,
            family_names: c.family_names,
            aliases: c.aliases,
            birth_date: c.birth_date,
            country: c.country,
            languages: c.languages,
            a_number: c.a_number,
            household_id: c.household_id,
            relationship: c.relationship,
            version: c.version,
        }
    }
}

#[derive(Deserialize, Serialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct ClientIn {
    pub given_names: String,
    pub family_names: String,
    pub aliases: String,
    pub birth_date: String,
    pub country: String,
    pub languages: String,
    pub a_number: String,
    /// New contact channels (create only).
    pub contacts: Vec<ContactIn>,
    /// The version this edit is based on (update only).
    pub version: Option<i64>,
    /// Register even though likely existing matches were found (they are then recorded as
    /// different people). Without it, matches answer 409 with the candidates.
    pub confirm_new: bool,
}

impl ClientIn {
    fn input(&self) -> ClientInput {
        ClientInput {
            given_names: self.given_names.clone(),
            family_names: self.family_names.clone(),
            aliases: self.aliases.clone(),
            birth_date: self.birth_date.clone(),
            country: self.country.clone(),
            languages: self.languages.clone(),
            a_number: self.a_number.clone(),
        }
    }
}

#[derive(Deserialize, Serialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct ContactIn {
    /// phone, email or address
    pub kind: String,
    pub value: String,
    /// End the current channels of this kind (a phone number changed).
    pub replaces_current: bool,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ContactOut {
    pub id: i64,
    pub kind: String,
    pub value: String,
    pub valid_from: String,
    pub valid_to: Option<String>,
}

impl From<Contact> for ContactOut {
    fn from(c: Contact) -> ContactOut {
        ContactOut { id: c.id, kind: c.kind, value: c.value, valid_from: c.valid_from, valid_to: c.valid_to }
    }
}

fn parse_contacts(list: &[ContactIn], errors: &mut FieldErrors) -> Vec<(ContactKind, String)> {
    let mut out = Vec::new();
    for (i, c) in list.iter().enumerate().take(20) {
        match ContactKind::parse(&c.kind) {
            None => errors.push(&format!("contacts[{i}].kind"), "error-invalid"),
            Some(kind) => match kind.parse_value(&c.value) {
                Ok(v) => out.push((kind, v)),
                Err(code) => errors.push(&format!("contacts[{i}].value"), code),
            },
        }
    }
    out
}

/// Clients of the caller's organization; `q` searches names in any script.
#[utoipa::path(get, path = "/api/v1/clients", params(("q" = Option<String>, Query), ("sort" = Option<String>, Query, description = "name | newest | updated"), ("page" = Option<i64>, Query), ("per_page" = Option<i64>, Query)), responses((status = 200, body = ListOf<ClientOut>)))]
pub async fn list(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(p): Query<ListParams>) -> AppResult<Json<ListOf<ClientOut>>> {
    let query = ClientQuery { search: Some(p.q.chars().take(200).collect()), sort: ClientSort::parse(&p.sort), page: p.page(), per_page: p.per_page(50) };
    let page = state.store.list_clients(ctx.org()?, &query).await?;
    Ok(Json(ListOf { items: page.items.into_iter().map(Into::into).collect(), total: page.total, page: page.page, per_page: page.per_page }))
}

/// Register a client.
#[utoipa::path(post, path = "/api/v1/clients", request_body = ClientIn, responses((status = 201, body = ClientOut), (status = 422)))]
pub async fn create(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, ApiJson(body): ApiJson<ClientIn>) -> AppResult<Response> {
    let mut errors = FieldErrors::default();
    let draft = ClientDraft::parse(&body.input(), today()).map_err(|e| errors.0.extend(e.0)).ok();
    let contacts = parse_contacts(&body.contacts, &mut errors);
    let Some(draft) = draft.filter(|_| errors.is_empty()) else {
        return Ok(invalid(&ctx, &errors));
    };
    let candidates = find_candidates(&state, &ctx, &body).await?;
    if !candidates.is_empty() && !body.confirm_new {
        let body = serde_json::json!({"error": {"code": "error-possible-duplicate", "message": ctx.tr.get("candidates-explain"), "candidates": candidates}});
        return Ok((StatusCode::CONFLICT, Json(body)).into_response());
    }
    let actor = ctx.actor()?;
    let id = state.store.create_client(actor, &draft, &contacts).await?;
    for c in &candidates {
        state.store.record_distinct(actor, id, c.client.id).await?;
    }
    let client = state.store.client(ctx.org()?, id).await?;
    Ok((StatusCode::CREATED, Json(ClientOut::from(client))).into_response())
}

/// One client.
#[utoipa::path(get, path = "/api/v1/clients/{client_id}", params(("client_id" = i64, Path)), responses((status = 200, body = ClientOut), (status = 404)))]
pub async fn show(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Json<ClientOut>> {
    let client = state.store.client(ctx.org()?, id).await?;
    state.store.audit_read(ctx.actor()?, "client", id).await?;
    Ok(Json(client.into()))
}

/// Replace a client's details; `version` must be the version read, or 409 names what changed.
#[utoipa::path(put, path = "/api/v1/clients/{client_id}", params(("client_id" = i64, Path)), request_body = ClientIn, responses((status = 200, body = ClientOut), (status = 409), (status = 422)))]
pub async fn update(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<ClientIn>,
) -> AppResult<Response> {
    let Some(version) = body.version else {
        let mut errors = FieldErrors::default();
        errors.push("version", "error-required");
        return Ok(invalid(&ctx, &errors));
    };
    let draft = match ClientDraft::parse(&body.input(), today()) {
        Ok(d) => d,
        Err(errors) => return Ok(invalid(&ctx, &errors)),
    };
    match state.store.update_client(ctx.actor()?, id, version, &draft).await {
        Ok(()) => Ok(Json(ClientOut::from(state.store.client(ctx.org()?, id).await?)).into_response()),
        Err(StoreError::Conflict { current_version, changed }) => Ok(conflict(&ctx, current_version, &changed)),
        Err(e) => Err(e.into()),
    }
}

/// Contact channels, current and past.
#[utoipa::path(get, path = "/api/v1/clients/{client_id}/contacts", params(("client_id" = i64, Path)), responses((status = 200, body = Vec<ContactOut>)))]
pub async fn contacts(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Json<Vec<ContactOut>>> {
    Ok(Json(state.store.contacts(ctx.org()?, id).await?.into_iter().map(Into::into).collect()))
}

/// Add a contact channel.
#[utoipa::path(post, path = "/api/v1/clients/{client_id}/contacts", params(("client_id" = i64, Path)), request_body = ContactIn, responses((status = 201), (status = 422)))]
pub async fn add_contact(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<ContactIn>,
) -> AppResult<Response> {
    let mut errors = FieldErrors::default();
    let parsed = parse_contacts(std::slice::from_ref(&body), &mut errors);
    let Some((kind, value)) = parsed.into_iter().next().filter(|_| errors.is_empty()) else {
        return Ok(invalid(&ctx, &errors));
    };
    let contact = state.store.add_contact(ctx.actor()?, id, kind, &value, body.replaces_current).await.map_err(AppError::from)?;
    Ok((StatusCode::CREATED, Json(serde_json::json!({"id": contact}))).into_response())
}

/// A likely existing match, with one plain-language reason per compared field.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CandidateOut {
    pub client: ClientOut,
    /// log2 likelihood ratio (Fellegi–Sunter).
    pub score: f64,
    pub probability: f64,
    pub reasons: Vec<String>,
}

async fn find_candidates(state: &AppState, ctx: &Ctx, body: &ClientIn) -> AppResult<Vec<CandidateOut>> {
    let phone = body.contacts.iter().find(|c| c.kind == "phone").map(|c| c.value.clone()).unwrap_or_default();
    let form = crate::templates::ClientForm {
        given_names: body.given_names.clone(),
        family_names: body.family_names.clone(),
        birth_date: body.birth_date.clone(),
        country: body.country.clone(),
        phone,
        ..Default::default()
    };
    let record = crate::pages::dedup::record_of_form(&form);
    if record.given_names.is_empty() && record.family_names.is_empty() {
        return Ok(vec![]);
    }
    let found = state.store.match_candidates(ctx.org()?, &record, sendero_store::dedup::REGISTRATION_MIN_SCORE, 5).await?;
    Ok(found
        .into_iter()
        .map(|c| CandidateOut {
            reasons: crate::pages::dedup::explain(&ctx.tr, &c.result),
            score: c.result.score,
            probability: c.result.probability,
            client: c.client.into(),
        })
        .collect())
}

/// Likely existing matches for a person about to be registered, best first.
#[utoipa::path(post, path = "/api/v1/clients/check", request_body = ClientIn, responses((status = 200, body = Vec<CandidateOut>)))]
pub async fn check(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, ApiJson(body): ApiJson<ClientIn>) -> AppResult<Json<Vec<CandidateOut>>> {
    Ok(Json(find_candidates(&state, &ctx, &body).await?))
}
