//! Intake: the candidate queue, eligibility rules with their versions and "what if", and the
//! public self-referral form.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use sendero_domain::eligibility::{FieldKind, Rule, RuleError, SCREENING_FIELDS};
use sendero_domain::intake::{CandidateDraft, CandidateInput, ReferralSource};
use sendero_domain::FieldErrors;
use sendero_store::intake::{Candidate, CandidateQuery, DecisionRecord, Origin, StoredRule};
use sendero_store::{Page, StoreError};
use serde::Deserialize;

use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{field, form_pairs, html, optional_id, see_other, ListParams};
use crate::protection::ClientIp;
use crate::public_form::{anonymous_csrf, honeypot_filled, turn_away, with_csrf_cookie, SELF_REFERRAL};
use crate::templates::{field_error, Layout};
use crate::AppState;

/// One screening question on a form.
pub struct ScreeningField {
    pub name: &'static str,
    pub label: String,
    pub is_bool: bool,
    pub value: String,
    pub error: String,
}

fn screening_fields(ctx: &Ctx, values: &[(String, String)], errors: &FieldErrors) -> Vec<ScreeningField> {
    SCREENING_FIELDS
        .iter()
        .map(|(name, kind)| ScreeningField {
            name,
            label: ctx.tr.get(&format!("screening-{}", name.replace('_', "-"))),
            is_bool: *kind == FieldKind::Bool,
            value: values.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default(),
            error: field_error(&ctx.tr, errors, name),
        })
        .collect()
}

fn input_from(pairs: &[(String, String)]) -> CandidateInput {
    CandidateInput {
        given_names: field(pairs, "given_names").to_owned(),
        family_names: field(pairs, "family_names").to_owned(),
        language: field(pairs, "language").to_owned(),
        referral_source: field(pairs, "referral_source").to_owned(),
        referral_detail: field(pairs, "referral_detail").to_owned(),
        contact: field(pairs, "contact").to_owned(),
        interested: !field(pairs, "interested").is_empty(),
        consent_contact: !field(pairs, "consent_contact").is_empty(),
        screening: pairs.iter().filter(|(k, _)| SCREENING_FIELDS.iter().any(|(n, _)| n == k)).cloned().collect(),
    }
}

// ------------------------------------------------------------------------------------------
// Candidate queue.

#[derive(Template)]
#[template(path = "intake/list.html")]
pub struct ListPage {
    pub l: Layout,
    pub q: String,
    pub program: String,
    pub programs: Vec<(i64, String)>,
    pub candidates: Page<Candidate>,
    pub base: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProgramParam {
    program: String,
}

pub async fn list(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(p): Query<ListParams>,
    Query(pp): Query<ProgramParam>,
) -> AppResult<Response> {
    let org = ctx.org()?;
    let program = optional_id(&pp.program)?;
    let candidates =
        state.store.list_candidates(org, &CandidateQuery { program_id: program, search: p.q.clone(), page: p.page(), per_page: p.per_page(25) }).await?;
    let programs = state.store.programs(org).await?.into_iter().map(|x| (x.id, x.name)).collect();
    let base = format!("/intake?q={}&program={}", urlencoding::encode(&p.q), program.map(|p| p.to_string()).unwrap_or_default());
    Ok(html(&ListPage { l: Layout::page(&ctx, "intake-title"), q: p.q, program: pp.program, programs, candidates, base }))
}

#[derive(Template)]
#[template(path = "intake/form.html")]
pub struct FormPage {
    pub l: Layout,
    pub programs: Vec<(i64, String)>,
    pub sites: Vec<(i64, String)>,
    pub sources: Vec<(&'static str, String)>,
    pub values: Vec<(String, String)>,
    pub screening: Vec<ScreeningField>,
    pub errors: Vec<(String, String)>,
}

impl FormPage {
    pub fn v(&self, name: &str) -> String {
        field(&self.values, name).to_owned()
    }
    pub fn e(&self, name: &str) -> String {
        self.errors.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default()
    }
}

async fn form_page(state: &AppState, ctx: &Ctx, values: Vec<(String, String)>, errors: &FieldErrors) -> AppResult<FormPage> {
    let org = ctx.org()?;
    let sources = ReferralSource::ALL.iter().map(|s| (s.as_str(), ctx.tr.label("referral", s.as_str()))).collect();
    let error_list = errors.0.iter().map(|e| (e.field.clone(), ctx.tr.get(e.code))).collect();
    Ok(FormPage {
        l: Layout::page(ctx, "intake-new-title"),
        programs: state.store.programs(org).await?.into_iter().map(|x| (x.id, x.name)).collect(),
        sites: state.store.sites(org).await?.into_iter().map(|x| (x.id, x.name)).collect(),
        sources,
        screening: screening_fields(ctx, &values, errors),
        values,
        errors: error_list,
    })
}

pub async fn new_form(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    let defaults = vec![("interested".to_owned(), "on".to_owned())];
    Ok(html(&form_page(&state, &ctx, defaults, &FieldErrors::default()).await?))
}

pub async fn create(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(pairs): Form<Vec<(String, String)>>) -> AppResult<Response> {
    let actor = ctx.actor()?;
    let mut errors = FieldErrors::default();
    let program = optional_id(field(&pairs, "program"))?;
    if program.is_none() {
        errors.push("program", "error-required");
    }
    let site = optional_id(field(&pairs, "site"))?;
    let draft = CandidateDraft::parse(&input_from(&pairs));
    if let Err(e) = &draft {
        errors.0.extend(e.0.clone());
    }
    let (Some(program), Ok(draft)) = (program, draft) else {
        let page = form_page(&state, &ctx, pairs, &errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response());
    };
    let id = state.store.create_candidate(actor, program, site, &draft, Origin::Staff, None).await?;
    decide_if_rule(&state, ctx.actor()?, id).await?;
    Ok(see_other(&format!("/intake/candidates/{id}")))
}

/// Decide at once when the program has a rule in effect; without one the candidate waits.
async fn decide_if_rule(state: &AppState, actor: sendero_store::Actor, id: i64) -> AppResult<()> {
    match state.store.decide_eligibility(actor, id, sendero_store::today()).await {
        Ok(_) | Err(StoreError::Refused("eligibility-error-no-rule")) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "intake/show.html")]
pub struct ShowPage {
    pub l: Layout,
    pub c: Candidate,
    pub program: String,
    pub source: String,
    pub contact: Option<String>,
    pub answers: Vec<(String, String)>,
    pub decisions: Vec<DecisionRecord>,
}

pub async fn show(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(candidate_id): Path<i64>) -> AppResult<Response> {
    let org = ctx.org()?;
    let c = state.store.candidate(org, candidate_id).await?;
    let program = state.store.program(org, c.program_id).await?.name;
    let contact = state.store.candidate_contact(ctx.actor()?, candidate_id).await?;
    let answers = c
        .screening
        .effective()
        .into_iter()
        .map(|(k, v)| {
            let shown = match v {
                serde_json::Value::Bool(b) => ctx.tr.get(if b { "intake-yes" } else { "intake-no" }),
                other => other.to_string(),
            };
            (ctx.tr.get(&format!("screening-{}", k.replace('_', "-"))), shown)
        })
        .collect();
    let decisions = state.store.decisions(org, candidate_id).await?;
    let source = ctx.tr.label("referral", &c.referral_source);
    Ok(html(&ShowPage { l: Layout::new(Some(&ctx), ctx.tr.clone(), &c.full_name()), c, program, source, contact, answers, decisions }))
}

pub async fn decide(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(candidate_id): Path<i64>) -> AppResult<Response> {
    state.store.decide_eligibility(ctx.actor()?, candidate_id, sendero_store::today()).await?;
    Ok(see_other(&format!("/intake/candidates/{candidate_id}")))
}

// ------------------------------------------------------------------------------------------
// Eligibility rules.

#[derive(Template)]
#[template(path = "intake/rules.html")]
pub struct RulesPage {
    pub l: Layout,
    pub programs: Vec<(i64, String)>,
    pub program: String,
    pub rules: Vec<StoredRule>,
    pub fields: Vec<(&'static str, &'static str)>,
    pub label: String,
    pub expression: String,
    pub effective_from: String,
    pub error: Option<String>,
    pub what_if: Option<WhatIfView>,
    pub notice: Option<String>,
}

pub struct WhatIfView {
    pub newly_eligible: Vec<(i64, String, String)>,
    pub newly_ineligible: Vec<(i64, String, String)>,
    pub summary: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RuleForm {
    program: String,
    label: String,
    expression: String,
    effective_from: String,
    action: String,
}

async fn rules_page(state: &AppState, ctx: &Ctx, f: &RuleForm) -> AppResult<RulesPage> {
    let org = ctx.org()?;
    let programs: Vec<(i64, String)> = state.store.programs(org).await?.into_iter().map(|x| (x.id, x.name)).collect();
    let program = optional_id(&f.program)?.or(programs.first().map(|p| p.0));
    let rules = match program {
        Some(p) => state.store.rules(org, p).await?,
        None => vec![],
    };
    Ok(RulesPage {
        l: Layout::page(ctx, "rules-title"),
        programs,
        program: program.map(|p| p.to_string()).unwrap_or_default(),
        rules,
        fields: SCREENING_FIELDS.iter().map(|(n, k)| (*n, if *k == FieldKind::Bool { "true / false" } else { "0, 1, 2 …" })).collect(),
        label: f.label.clone(),
        expression: f.expression.clone(),
        effective_from: if f.effective_from.is_empty() { sendero_store::today().to_string() } else { f.effective_from.clone() },
        error: None,
        what_if: None,
        notice: None,
    })
}

fn rule_error(ctx: &Ctx, e: &RuleError) -> String {
    ctx.tr.with("rules-error-at", &[("line", e.line.to_string()), ("column", e.column.to_string()), ("message", e.message.clone())])
}

pub async fn rules(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(p): Query<ProgramParam>) -> AppResult<Response> {
    let f = RuleForm { program: p.program, ..Default::default() };
    Ok(html(&rules_page(&state, &ctx, &f).await?))
}

/// One form, three buttons: save a new version, preview "what if", or re-decide the pool.
pub async fn rules_post(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(f): Form<RuleForm>) -> AppResult<Response> {
    let actor = ctx.actor()?;
    let mut page = rules_page(&state, &ctx, &f).await?;
    let Some(program) = optional_id(&page.program)? else {
        return Err(AppError::BadRequest("error-invalid"));
    };
    match f.action.as_str() {
        "decide" => {
            let n = state.store.decide_program(actor, program, sendero_store::today()).await?;
            page.notice = Some(ctx.tr.count("rules-decided", n as i64));
            return Ok(html(&page));
        }
        "what_if" => match Rule::parse(&f.expression) {
            Ok(rule) => {
                let w = state.store.what_if(actor.org_id, program, &rule).await?;
                let row = |c: &Candidate| (c.id, c.public_token.clone(), c.full_name());
                page.what_if = Some(WhatIfView {
                    summary: ctx.tr.with(
                        "rules-what-if-summary",
                        &[
                            ("newly_eligible", w.newly_eligible.len().to_string()),
                            ("newly_ineligible", w.newly_ineligible.len().to_string()),
                            ("unchanged", (w.unchanged_eligible + w.unchanged_ineligible).to_string()),
                        ],
                    ),
                    newly_eligible: w.newly_eligible.iter().map(row).collect(),
                    newly_ineligible: w.newly_ineligible.iter().map(row).collect(),
                });
                return Ok(html(&page));
            }
            Err(e) => page.error = Some(rule_error(&ctx, &e)),
        },
        _ => {
            let label = f.label.trim();
            let day = chrono::NaiveDate::parse_from_str(f.effective_from.trim(), "%Y-%m-%d");
            if let Err(e) = Rule::parse(&f.expression) {
                page.error = Some(rule_error(&ctx, &e));
            } else if label.is_empty() || label.chars().count() > 100 {
                page.error = Some(ctx.tr.get("rules-error-label"));
            } else if let Ok(day) = day {
                match state.store.save_rule(actor, program, label, &f.expression, day).await? {
                    Ok(_) => return Ok(see_other(&format!("/intake/rules?program={program}"))),
                    Err(e) => page.error = Some(rule_error(&ctx, &e)),
                }
            } else {
                page.error = Some(ctx.tr.get("error-date-format"));
            }
        }
    }
    Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response())
}

// ------------------------------------------------------------------------------------------
// Public self-referral.

#[derive(Template)]
#[template(path = "intake/self_referral.html")]
pub struct SelfReferralPage {
    pub l: Layout,
    pub program_id: i64,
    pub program: String,
    pub values: Vec<(String, String)>,
    pub screening: Vec<ScreeningField>,
    pub errors: Vec<(String, String)>,
    pub done: bool,
}

impl SelfReferralPage {
    pub fn v(&self, name: &str) -> String {
        field(&self.values, name).to_owned()
    }
    pub fn e(&self, name: &str) -> String {
        self.errors.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default()
    }
}

/// A program that takes public self-referrals: any program, found by id (names are public).
async fn public_program(state: &AppState, raw: &str) -> AppResult<sendero_store::orgs::Program> {
    let id = optional_id(raw)?.ok_or(AppError::NotFound)?;
    state.store.program_by_id(id).await.map_err(AppError::from)
}

fn anonymous_layout(ctx: &Ctx, csrf: &str) -> Layout {
    let mut l = Layout::new(None, ctx.tr.clone(), &ctx.tr.get("self-referral-title"));
    l.csrf = csrf.to_owned();
    l
}

pub async fn self_referral_form(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(p): Query<ProgramParam>) -> AppResult<Response> {
    let program = public_program(&state, &p.program).await?;
    let csrf = anonymous_csrf(&ctx);
    let page = SelfReferralPage {
        l: anonymous_layout(&ctx, &csrf),
        program_id: program.id,
        program: program.name,
        values: vec![],
        screening: screening_fields(&ctx, &[], &FieldErrors::default()),
        errors: vec![],
        done: false,
    };
    let response = html(&page);
    Ok(if ctx.user.is_none() { with_csrf_cookie(&state, response, &csrf) } else { response })
}

/// The public form: CSRF (checked by the middleware), a honeypot field that people never see,
/// a size limit and a per-address hourly allowance.
pub async fn self_referral(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> AppResult<Response> {
    if let Some(refused) = turn_away(&state, &ctx, SELF_REFERRAL, &headers, body.len(), &ip).await? {
        return Ok(refused);
    }
    let pairs = form_pairs(&body);
    let program = public_program(&state, field(&pairs, "program")).await?;
    let mut l = anonymous_layout(&ctx, &ctx.csrf);
    l.title = ctx.tr.get("self-referral-title");
    if honeypot_filled(&pairs) {
        return Ok(html(&SelfReferralPage { l, program_id: program.id, program: program.name, values: vec![], screening: vec![], errors: vec![], done: true }));
    }
    let mut input = input_from(&pairs);
    input.referral_source = ReferralSource::SelfReferral.as_str().to_owned();
    input.language = if input.language.trim().is_empty() { ctx.tr.code().to_owned() } else { input.language };
    match CandidateDraft::parse(&input) {
        Ok(draft) => {
            let actor = sendero_store::Actor { user_id: None, org_id: program.org_id };
            let id = state.store.create_candidate(actor, program.id, None, &draft, Origin::PublicForm, None).await?;
            decide_if_rule(&state, actor, id).await?;
            Ok(html(&SelfReferralPage { l, program_id: program.id, program: program.name, values: vec![], screening: vec![], errors: vec![], done: true }))
        }
        Err(errors) => {
            let screening = screening_fields(&ctx, &pairs, &errors);
            let errors = errors.0.iter().map(|e| (e.field.clone(), ctx.tr.get(e.code))).collect();
            let page = SelfReferralPage { l, program_id: program.id, program: program.name, values: pairs, screening, errors, done: false };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response())
        }
    }
}
