//! Registering, finding, viewing and editing clients and their contact channels.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use sendero_domain::client::ClientInput;
use sendero_domain::{ClientDraft, ContactKind, FieldErrors, Permission};
use sendero_store::clients::{Client, ClientQuery, ClientSort};
use sendero_store::{today, StoreError};
use serde::Deserialize;

use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{html, see_other, ListParams};
use crate::templates::{ClientForm, ClientFormPage, ClientListPage, ClientPage, Layout};
use crate::AppState;

pub async fn list(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, headers: HeaderMap, Query(p): Query<ListParams>) -> AppResult<Response> {
    let user = ctx.user()?;
    let sort = ClientSort::parse(&p.sort);
    let q = p.q.chars().take(200).collect::<String>();
    let query = ClientQuery { search: Some(q.clone()).filter(|s| !s.trim().is_empty()), sort, page: p.page(), per_page: p.per_page(25) };
    let page = state.store.list_clients(user.org_id, &query).await?;
    let sort_name = match sort {
        ClientSort::Name => "name",
        ClientSort::Newest => "newest",
        ClientSort::Updated => "updated",
    };
    Ok(html(&ClientListPage {
        l: Layout::page(&ctx, "clients-title"),
        base_url: format!("/clients?q={}&sort={sort_name}", urlencoding::encode(&q)),
        q,
        sort: sort_name.into(),
        page,
        can_write: user.role.can(Permission::WriteClients),
        partial: headers.contains_key("hx-request"),
    }))
}

fn input_of(f: &ClientForm) -> ClientInput {
    ClientInput {
        given_names: f.given_names.clone(),
        family_names: f.family_names.clone(),
        aliases: f.aliases.clone(),
        birth_date: f.birth_date.clone(),
        country: f.country.clone(),
        languages: f.languages.clone(),
        a_number: f.a_number.clone(),
    }
}

/// Parse the form's contact fields; errors join the client field errors.
fn contacts_of(f: &ClientForm, errors: &mut FieldErrors) -> Vec<(ContactKind, String)> {
    let mut out = Vec::new();
    for (kind, raw) in [(ContactKind::Phone, &f.phone), (ContactKind::Email, &f.email), (ContactKind::Address, &f.address)] {
        if raw.trim().is_empty() {
            continue;
        }
        match kind.parse_value(raw) {
            Ok(v) => out.push((kind, v)),
            Err(code) => errors.push(kind.as_str(), code),
        }
    }
    out
}

fn form_page(ctx: &Ctx, form: ClientForm, errors: FieldErrors, action: String, editing: bool, conflict: Option<Vec<(String, String)>>) -> ClientFormPage {
    let title = if editing { "client-edit-title" } else { "client-new-title" };
    ClientFormPage { l: Layout::page(ctx, title), form, errors, action, editing, conflict, candidates: vec![] }
}

pub async fn new_form(Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    Ok(html(&form_page(&ctx, ClientForm::default(), FieldErrors::default(), "/clients/new".into(), false, None)))
}

pub async fn create(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(f): Form<ClientForm>) -> AppResult<Response> {
    let mut errors = FieldErrors::default();
    let draft = ClientDraft::parse(&input_of(&f), today()).map_err(|e| errors.0.extend(e.0)).ok();
    let contacts = contacts_of(&f, &mut errors);
    match draft {
        Some(draft) if errors.is_empty() => {
            // Before saving, show likely existing records; once the person confirms these are
            // someone else, register and remember the decision so the pairs are not proposed again.
            let candidates = super::dedup::candidates_for(&state, &ctx, &f).await?;
            if f.confirm_new != "1" && !candidates.is_empty() {
                let mut page = form_page(&ctx, f, errors, "/clients/new".into(), false, None);
                page.candidates = candidates;
                return Ok(html(&page));
            }
            let actor = ctx.actor()?;
            let id = state.store.create_client(actor, &draft, &contacts).await?;
            for other in &candidates {
                state.store.record_distinct(actor, id, other.id).await?;
            }
            Ok(see_other(&format!("/clients/{id}")))
        }
        _ => Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&form_page(&ctx, f, errors, "/clients/new".into(), false, None))).into_response()),
    }
}

pub(crate) async fn profile(state: &AppState, ctx: &Ctx, id: i64, contact_error: String, case_error: String) -> AppResult<ClientPage> {
    let sections = vec![super::sharing::consents_section(state, ctx, id, None, Default::default()).await?];
    profile_full(state, ctx, id, contact_error, case_error, sections).await
}

/// The profile with feature sections given by the caller (e.g. a rejected consent form).
pub(crate) async fn profile_with(state: &AppState, ctx: &Ctx, id: i64, sections: Vec<String>) -> AppResult<ClientPage> {
    profile_full(state, ctx, id, String::new(), String::new(), sections).await
}

async fn profile_full(state: &AppState, ctx: &Ctx, id: i64, contact_error: String, case_error: String, sections: Vec<String>) -> AppResult<ClientPage> {
    let user = ctx.user()?;
    let client = state.store.client(user.org_id, id).await?;
    state.store.audit_read(ctx.actor()?, "client", id).await?;
    let household = match client.household_id {
        Some(h) => Some(state.store.household(user.org_id, h).await?),
        None => None,
    };
    Ok(ClientPage {
        l: Layout::new(Some(ctx), ctx.tr.clone(), &client.full_name()),
        contacts: state.store.contacts(user.org_id, id).await?,
        cases: state.store.client_cases(user.org_id, id).await?,
        programs: state.store.programs(user.org_id).await?,
        sites: state.store.sites(user.org_id).await?,
        can_write: user.role.can(Permission::WriteClients),
        can_open: user.role.can(Permission::OpenCases),
        client,
        household,
        contact_error,
        case_error,
        sections,
    })
}

pub async fn show(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Response> {
    if let Some(t) = state.store.access_cut(ctx.org()?, id).await? {
        return Ok(super::sharing::transferred_stub(&ctx, t));
    }
    Ok(html(&profile(&state, &ctx, id, String::new(), String::new()).await?))
}

fn form_of(c: &Client) -> ClientForm {
    ClientForm {
        given_names: c.given_names.clone(),
        family_names: c.family_names.clone().unwrap_or_default(),
        aliases: c.aliases.clone().unwrap_or_default(),
        birth_date: c.birth_date.clone().unwrap_or_default(),
        country: c.country.clone().unwrap_or_default(),
        languages: c.languages.clone().unwrap_or_default(),
        a_number: c.a_number.clone().unwrap_or_default(),
        version: c.version,
        ..Default::default()
    }
}

pub async fn edit_form(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Response> {
    let client = state.store.client(ctx.org()?, id).await?;
    Ok(html(&form_page(&ctx, form_of(&client), FieldErrors::default(), format!("/clients/{id}/edit"), true, None)))
}

pub async fn update(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>, Form(f): Form<ClientForm>) -> AppResult<Response> {
    let action = format!("/clients/{id}/edit");
    let draft = match ClientDraft::parse(&input_of(&f), today()) {
        Ok(d) => d,
        Err(errors) => return Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&form_page(&ctx, f, errors, action, true, None))).into_response()),
    };
    match state.store.update_client(ctx.actor()?, id, f.version, &draft).await {
        Ok(()) => Ok(see_other(&format!("/clients/{id}"))),
        Err(StoreError::Conflict { current_version, changed }) => {
            // Show what the other person saved, keep what this person typed, and let them
            // save again on top of the current version if they still want to.
            let current = form_of(&state.store.client(ctx.org()?, id).await?);
            let stored = |field: &str| match field {
                "given_names" => current.given_names.clone(),
                "family_names" => current.family_names.clone(),
                "aliases" => current.aliases.clone(),
                "birth_date" => current.birth_date.clone(),
                "country" => current.country.clone(),
                "languages" => current.languages.clone(),
                _ => "••••".into(),
            };
            let changes = changed.iter().map(|field| (ctx.tr.get(&format!("client-{}", field.replace('_', "-"))), stored(field))).collect();
            let mut form = f;
            form.version = current_version;
            Ok((StatusCode::CONFLICT, html(&form_page(&ctx, form, FieldErrors::default(), action, true, Some(changes)))).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ContactForm {
    kind: String,
    value: String,
    replaces: String,
}

pub async fn add_contact(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    Form(f): Form<ContactForm>,
) -> AppResult<Response> {
    let kind = ContactKind::parse(&f.kind).ok_or(AppError::BadRequest("error-invalid"))?;
    match kind.parse_value(&f.value) {
        Ok(value) => {
            state.store.add_contact(ctx.actor()?, id, kind, &value, f.replaces == "1").await?;
            Ok(see_other(&format!("/clients/{id}")))
        }
        Err(code) => Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&profile(&state, &ctx, id, ctx.tr.get(code), String::new()).await?)).into_response()),
    }
}

pub async fn end_contact(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((client_id, contact_id)): Path<(i64, i64)>,
) -> AppResult<Response> {
    state.store.end_contact(ctx.actor()?, contact_id).await?;
    Ok(see_other(&format!("/clients/{client_id}")))
}
