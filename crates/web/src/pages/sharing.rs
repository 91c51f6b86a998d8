//! Sharing pages: consents on the client profile, what partners shared with us, and case
//! transfers (proposed on the case, answered in the receiving organization's queue).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use sendero_domain::consent::{ConsentDraft, ConsentInput, ConsentMethod, ConsentScope};
use sendero_domain::{FieldErrors, Permission, Role};
use sendero_store::orgs::Organization;
use sendero_store::sharing::{Consent, SharedRecord, Transfer};
use sendero_store::{today, StoreError};
use serde::Deserialize;

use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{html, optional_id, see_other};
use crate::templates::{field_error, render, Layout};
use crate::AppState;

/// A consent row as shown to its holder.
pub struct ConsentRow {
    pub consent: Consent,
    /// active, scheduled, expired or revoked (a `consent-state-*` key suffix).
    pub state: &'static str,
    pub scopes: String,
    pub recipient: String,
}

fn consent_row(ctx: &Ctx, consent: Consent) -> ConsentRow {
    let day = today();
    let state = if consent.revoked_at.is_some() {
        "revoked"
    } else if consent.is_active(day) {
        "active"
    } else if consent.starts_on > day {
        "scheduled"
    } else {
        "expired"
    };
    let scopes = consent.scopes.iter().map(|s| ctx.tr.label("consent-scope", s.as_str())).collect::<Vec<_>>().join(", ");
    let recipient = consent.recipient_name.clone().unwrap_or_else(|| ctx.tr.get("consent-to-consortium"));
    ConsentRow { consent, state, scopes, recipient }
}

#[derive(askama::Template)]
#[template(path = "sharing/consents_section.html")]
struct ConsentsSection {
    l: Layout,
    client_id: i64,
    rows: Vec<ConsentRow>,
    partners: Vec<Organization>,
    scopes: Vec<(&'static str, String, bool)>,
    methods: Vec<(&'static str, String)>,
    input: ConsentInput,
    errors: Vec<(&'static str, String)>,
    can_write: bool,
}

impl ConsentsSection {
    fn error(&self, field: &str) -> String {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, e)| e.clone()).unwrap_or_default()
    }
}

/// The consents section of a client profile; `input`/`errors` re-show a rejected form.
pub async fn consents_section(state: &AppState, ctx: &Ctx, client_id: i64, input: Option<ConsentInput>, errors: FieldErrors) -> AppResult<String> {
    let user = ctx.user()?;
    let rows = state.store.client_consents(user.org_id, client_id).await?.into_iter().map(|c| consent_row(ctx, c)).collect();
    let partners = state.store.organizations_for(user.org_id).await?.into_iter().filter(|o| o.id != user.org_id).collect();
    let input = input.unwrap_or_else(|| {
        let start = today();
        ConsentInput {
            starts_on: start.to_string(),
            ends_on: (start + chrono::Days::new(90)).to_string(),
            language: ctx.tr.code().to_owned(),
            ..Default::default()
        }
    });
    let scopes =
        ConsentScope::ALL.iter().map(|s| (s.as_str(), ctx.tr.label("consent-scope", s.as_str()), input.scopes.iter().any(|x| x == s.as_str()))).collect();
    let methods = ConsentMethod::ALL.iter().map(|m| (m.as_str(), ctx.tr.label("consent-method", m.as_str()))).collect();
    let errors = ["purpose", "recipient", "scopes", "starts_on", "ends_on", "method", "witness", "language"]
        .into_iter()
        .map(|f| (f, field_error(&ctx.tr, &errors, f)))
        .filter(|(_, e)| !e.is_empty())
        .collect();
    let can_write = user.role.can(Permission::WriteClients);
    let section = ConsentsSection { l: Layout::new(Some(ctx), ctx.tr.clone(), ""), client_id, rows, partners, scopes, methods, input, errors, can_write };
    Ok(render(&section))
}

/// Form fields arrive as pairs so that repeated `scopes` checkboxes are all kept.
fn consent_input(pairs: &[(String, String)]) -> ConsentInput {
    let mut input = ConsentInput::default();
    for (k, v) in pairs {
        match k.as_str() {
            "purpose" => input.purpose = v.clone(),
            "recipient" => input.recipient = v.clone(),
            "scopes" => input.scopes.push(v.clone()),
            "starts_on" => input.starts_on = v.clone(),
            "ends_on" => input.ends_on = v.clone(),
            "method" => input.method = v.clone(),
            "witness" => input.witness = v.clone(),
            "language" => input.language = v.clone(),
            _ => {}
        }
    }
    input
}

pub async fn record_consent(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(client_id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let input = consent_input(&pairs);
    let org = ctx.org()?;
    let refused = |errors: FieldErrors, input: ConsentInput| {
        let (state, ctx) = (state.clone(), ctx.clone());
        async move {
            let section = consents_section(&state, &ctx, client_id, Some(input), errors).await?;
            let page = super::clients::profile_with(&state, &ctx, client_id, vec![section]).await?;
            Ok::<Response, AppError>((StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response())
        }
    };
    let draft = match ConsentDraft::parse(&input, org, today()) {
        Ok(d) => d,
        Err(errors) => return refused(errors, input).await,
    };
    match state.store.record_consent(ctx.actor()?, client_id, &draft).await {
        Ok(_) => Ok(see_other(&format!("/clients/{client_id}#consents-h"))),
        Err(StoreError::Refused(code)) => {
            let mut errors = FieldErrors::default();
            errors.push("recipient", code);
            refused(errors, input).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RevokeForm {
    version: i64,
    reason: String,
}

pub async fn revoke_consent(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    Form(f): Form<RevokeForm>,
) -> AppResult<Response> {
    let consent = state.store.consent(ctx.org()?, id).await?;
    let reason = sendero_domain::text::clean(&f.reason, 1000).map_err(AppError::Refused)?;
    match state.store.revoke_consent(ctx.actor()?, id, f.version, reason.as_deref()).await {
        // Revoked twice (two tabs): the outcome the user wanted holds.
        Ok(()) | Err(StoreError::Refused("consent-error-revoked")) => Ok(see_other(&format!("/clients/{}#consents-h", consent.client_id))),
        Err(e) => Err(e.into()),
    }
}

#[derive(askama::Template)]
#[template(path = "sharing/consent.html")]
struct ConsentPage {
    l: Layout,
    row: ConsentRow,
    reads: Vec<(String, String, String)>,
}

/// One consent with everyone who read under it.
pub async fn show_consent(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Response> {
    let org = ctx.org()?;
    let consent = state.store.consent(org, id).await?;
    let reads = state.store.consent_reads(org, id).await?;
    let title = format!("{} · {}", ctx.tr.get("consent-title"), consent.client_name);
    Ok(html(&ConsentPage { l: Layout::new(Some(&ctx), ctx.tr.clone(), &title), row: consent_row(&ctx, consent), reads }))
}

#[derive(askama::Template)]
#[template(path = "sharing/shared_list.html")]
struct SharedListPage {
    l: Layout,
    rows: Vec<ConsentRow>,
}

/// Records other organizations shared with ours, while their consent is in force.
pub async fn shared_list(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    let rows = state.store.grants(ctx.org()?, today()).await?.into_iter().map(|c| consent_row(&ctx, c)).collect();
    Ok(html(&SharedListPage { l: Layout::page(&ctx, "shared-title"), rows }))
}

#[derive(askama::Template)]
#[template(path = "sharing/shared.html")]
struct SharedPage {
    l: Layout,
    record: SharedRecord,
    row_scopes: String,
}

/// The consented view of one record (read logged under the holder).
pub async fn shared_record(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Response> {
    let record = state.store.shared_record(ctx.actor()?, id, today()).await?;
    let row_scopes = record.consent.scopes.iter().map(|s| ctx.tr.label("consent-scope", s.as_str())).collect::<Vec<_>>().join(", ");
    let l = Layout::new(Some(&ctx), ctx.tr.clone(), &record.name);
    Ok(html(&SharedPage { l, record, row_scopes }))
}

// ---------------------------------------------------------------------------------------------
// Transfers

#[derive(askama::Template)]
#[template(path = "sharing/transfer_section.html")]
struct TransferSection {
    l: Layout,
    case_id: i64,
    transfers: Vec<Transfer>,
    partners: Vec<Organization>,
    error: String,
    can_write: bool,
    is_open: bool,
}

/// The transfer section of a case page.
pub async fn transfer_section(state: &AppState, ctx: &Ctx, case_id: i64, is_open: bool, error: String) -> AppResult<String> {
    let user = ctx.user()?;
    let case = state.store.case(user.org_id, case_id).await?;
    let transfers = state.store.client_transfers(user.org_id, case.client_id).await?.into_iter().filter(|t| t.case_id == case_id).collect();
    let partners = state.store.organizations_for(user.org_id).await?.into_iter().filter(|o| o.id != user.org_id).collect();
    let can_write = user.role.can(Permission::WriteCases);
    Ok(render(&TransferSection { l: Layout::new(Some(ctx), ctx.tr.clone(), ""), case_id, transfers, partners, error, can_write, is_open }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProposeForm {
    to_org_id: String,
    summary: String,
    keep_access: String,
}

pub async fn propose_transfer(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(case_id): Path<i64>,
    Form(f): Form<ProposeForm>,
) -> AppResult<Response> {
    let to = optional_id(&f.to_org_id)?;
    let result = match to {
        None => Err(StoreError::Refused("transfer-error-recipient")),
        Some(to) => state.store.propose_transfer(ctx.actor()?, case_id, to, &f.summary, f.keep_access == "yes").await,
    };
    let key = match result {
        Ok(_) => return Ok(see_other(&format!("/cases/{case_id}#transfer-h"))),
        Err(StoreError::Refused(code)) => code,
        Err(StoreError::Invalid(errors)) => errors.0.first().map(|e| e.code).unwrap_or("error-invalid"),
        Err(e) => return Err(e.into()),
    };
    let body = super::cases::render_with_section_error(&state, &ctx, case_id, "transfer", ctx.tr.get(key)).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
}

#[derive(askama::Template)]
#[template(path = "sharing/transfers.html")]
struct TransfersPage {
    l: Layout,
    incoming: Vec<Transfer>,
}

pub async fn transfers(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    let incoming = state.store.incoming_transfers(ctx.org()?).await?;
    Ok(html(&TransfersPage { l: Layout::page(&ctx, "transfers-title"), incoming }))
}

#[derive(askama::Template)]
#[template(path = "sharing/transfer.html")]
struct TransferPage {
    l: Layout,
    t: Transfer,
    incoming: bool,
    programs: Vec<(i64, String)>,
    staff: Vec<(i64, String)>,
    error: String,
    can_answer: bool,
}

async fn transfer_page(state: &AppState, ctx: &Ctx, id: i64, error: String) -> AppResult<TransferPage> {
    let user = ctx.user()?;
    let t = state.store.transfer(user.org_id, id).await?;
    let incoming = t.to_org_id == user.org_id;
    if incoming {
        state.store.audit_read(ctx.actor()?, "transfer", id).await?;
    }
    let programs = state.store.programs(user.org_id).await?.into_iter().map(|p| (p.id, p.name)).collect();
    let staff = state.store.users(user.org_id).await?.into_iter().filter(|u| u.active && u.role == Role::CaseManager).map(|u| (u.id, u.display_name)).collect();
    let can_answer = incoming && t.status == "proposed" && user.role.can(Permission::WriteCases);
    let title = format!("{} · {}", ctx.tr.get("transfer-title"), t.client_name);
    Ok(TransferPage { l: Layout::new(Some(ctx), ctx.tr.clone(), &title), t, incoming, programs, staff, error, can_answer })
}

pub async fn show_transfer(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Response> {
    Ok(html(&transfer_page(&state, &ctx, id, String::new()).await?))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AnswerForm {
    version: i64,
    program_id: String,
    case_manager_id: String,
    reason: String,
}

async fn answer_refused(state: &AppState, ctx: &Ctx, id: i64, e: StoreError) -> AppResult<Response> {
    let (status, key) = match e {
        StoreError::Refused(code) => (StatusCode::UNPROCESSABLE_ENTITY, code),
        StoreError::Conflict { .. } => (StatusCode::CONFLICT, "transfer-error-answered"),
        e => return Err(e.into()),
    };
    Ok((status, html(&transfer_page(state, ctx, id, ctx.tr.get(key)).await?)).into_response())
}

pub async fn accept_transfer(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    Form(f): Form<AnswerForm>,
) -> AppResult<Response> {
    let program = optional_id(&f.program_id)?.ok_or(AppError::BadRequest("error-invalid"))?;
    let manager = optional_id(&f.case_manager_id)?;
    let org = ctx.org()?;
    if let Some(m) = manager {
        if !state.store.users(org).await?.iter().any(|u| u.id == m && u.active) {
            return Err(AppError::BadRequest("error-invalid"));
        }
    }
    match state.store.accept_transfer(ctx.actor()?, id, f.version, program, manager).await {
        Ok(case_id) => Ok(see_other(&format!("/cases/{case_id}"))),
        Err(e) => answer_refused(&state, &ctx, id, e).await,
    }
}

pub async fn decline_transfer(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    Form(f): Form<AnswerForm>,
) -> AppResult<Response> {
    match state.store.decline_transfer(ctx.actor()?, id, f.version, &f.reason).await {
        Ok(()) => Ok(see_other("/transfers")),
        Err(e) => answer_refused(&state, &ctx, id, e).await,
    }
}

#[derive(askama::Template)]
#[template(path = "sharing/panel.html")]
struct Panel {
    l: Layout,
    shared: usize,
    incoming: usize,
}

/// Dashboard panel: records shared with us and transfers waiting for an answer.
pub async fn dashboard_panel(state: &AppState, ctx: &Ctx) -> AppResult<Option<String>> {
    let user = ctx.user()?;
    if !user.role.can(Permission::ReadClients) {
        return Ok(None);
    }
    let shared = state.store.grants(user.org_id, today()).await?.len();
    let incoming = state.store.incoming_transfers(user.org_id).await?.len();
    Ok(Some(render(&Panel { l: Layout::new(Some(ctx), ctx.tr.clone(), ""), shared, incoming })))
}

#[derive(askama::Template)]
#[template(path = "sharing/transferred.html")]
struct TransferredPage {
    l: Layout,
    t: Transfer,
}

/// What the sender sees of a client handed over without keeping access.
pub fn transferred_stub(ctx: &Ctx, t: Transfer) -> Response {
    let page = TransferredPage { l: Layout::page(ctx, "transferred-title"), t };
    (StatusCode::GONE, html(&page)).into_response()
}
