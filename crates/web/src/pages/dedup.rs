//! Duplicate detection in the pages: candidates while registering, the supervisor's review of
//! a whole-organization scan with side-by-side comparison, merges and their undo.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::{Extension, Form};
use sendero_matching::{Field, Level, MatchResult, PersonRecord};
use sendero_store::clients::Client;
use sendero_store::dedup::{person_record, REGISTRATION_MIN_SCORE, SCAN_MIN_SCORE};
use sendero_store::StoreError;
use serde::Deserialize;

use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{html, optional_id, see_other};
use crate::i18n::Tr;
use crate::templates::{CandidateView, CandidatesPartial, ClientForm, DedupPair, DedupReviewPage, Layout, MergesPage};
use crate::AppState;

fn field_key(f: Field) -> &'static str {
    match f {
        Field::GivenName => "given-name",
        Field::FamilyName => "family-name",
        Field::BirthDate => "birth-date",
        Field::Phone => "phone",
        Field::Country => "country",
        Field::Household => "household",
        Field::OtherId => "other-id",
        Field::Address => "address",
    }
}

fn level_key(l: Level) -> &'static str {
    match l {
        Level::Exact => "exact",
        Level::Transposed => "transposed",
        Level::TokenOverlap => "token-overlap",
        Level::Similar => "similar",
        Level::Phonetic => "phonetic",
        Level::WithinOneYear => "within-one-year",
        Level::YearOnly => "year-only",
        Level::LastDigits => "last-digits",
        Level::Disagree => "disagree",
        Level::Missing => "missing",
    }
}

/// One plain-language line per compared field, e.g. "Family names: 'Hernández López' ~
/// 'Hernandez' — same words, one has more".
pub fn explain(tr: &Tr, result: &MatchResult) -> Vec<String> {
    result
        .fields
        .iter()
        .filter(|f| f.level != Level::Missing)
        .map(|f| {
            tr.with(
                "match-line",
                &[
                    ("field", tr.get(&format!("match-field-{}", field_key(f.field)))),
                    ("left", f.left.clone()),
                    ("right", f.right.clone()),
                    ("level", tr.get(&format!("match-level-{}", level_key(f.level)))),
                ],
            )
        })
        .collect()
}

pub fn record_of_form(f: &ClientForm) -> PersonRecord {
    let nonempty = |s: &str| Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_owned);
    person_record(
        0,
        f.given_names.trim(),
        nonempty(&f.family_names).as_deref(),
        nonempty(&f.birth_date).as_deref(),
        nonempty(&f.country).as_deref(),
        nonempty(&f.phone).into_iter().collect(),
        vec![],
    )
}

pub fn candidate_view(tr: &Tr, c: &Client, result: &MatchResult) -> CandidateView {
    CandidateView {
        id: c.id,
        name: c.full_name(),
        birth_date: c.birth_date.clone().unwrap_or_else(|| "—".into()),
        country: c.country.clone().unwrap_or_else(|| "—".into()),
        score: format!("{:.1}", result.score),
        probability: format!("{:.0}%", result.probability * 100.0),
        reasons: explain(tr, result),
    }
}

/// Existing clients who may be the person in the form (at most five).
pub async fn candidates_for(state: &AppState, ctx: &Ctx, form: &ClientForm) -> AppResult<Vec<CandidateView>> {
    if form.given_names.trim().is_empty() && form.family_names.trim().is_empty() {
        return Ok(vec![]);
    }
    let found = state.store.match_candidates(ctx.org()?, &record_of_form(form), REGISTRATION_MIN_SCORE, 5).await?;
    Ok(found.iter().map(|c| candidate_view(&ctx.tr, &c.client, &c.result)).collect())
}

/// htmx: the candidates panel for what has been typed so far.
pub async fn check(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(form): Form<ClientForm>) -> AppResult<Response> {
    let candidates = candidates_for(&state, &ctx, &form).await?;
    Ok(html(&CandidatesPartial { l: Layout::page(&ctx, "clients-title"), candidates }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReviewParams {
    threshold: String,
}

pub async fn review(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(p): Query<ReviewParams>) -> AppResult<Response> {
    let org = ctx.org()?;
    let threshold = p.threshold.trim().parse::<f64>().ok().filter(|t| t.is_finite() && (-50.0..=100.0).contains(t)).unwrap_or(SCAN_MIN_SCORE);
    let pairs = state.store.dedup_scan(org, threshold).await?;
    let total = pairs.len();
    let mut shown = vec![];
    for pair in pairs.into_iter().take(50) {
        let (Ok(left), Ok(right)) = (state.store.client(org, pair.left_id).await, state.store.client(org, pair.right_id).await) else { continue };
        let result = state.store.compare_clients(org, pair.left_id, pair.right_id).await?;
        let left_cases = state.store.client_cases(org, left.id).await?.len();
        let right_cases = state.store.client_cases(org, right.id).await?.len();
        shown.push(DedupPair {
            left: candidate_view(&ctx.tr, &left, &result),
            right: candidate_view(&ctx.tr, &right, &result),
            left_cases,
            right_cases,
            score: format!("{:.1}", result.score),
            reasons: explain(&ctx.tr, &result),
        });
    }
    Ok(html(&DedupReviewPage { l: Layout::page(&ctx, "dedup-title"), pairs: shown, total, threshold: format!("{threshold}") }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MergeForm {
    left: String,
    right: String,
    keep: String,
    reason: String,
}

pub async fn merge(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(f): Form<MergeForm>) -> AppResult<Response> {
    let left = optional_id(&f.left)?.ok_or(AppError::BadRequest("error-invalid"))?;
    let right = optional_id(&f.right)?.ok_or(AppError::BadRequest("error-invalid"))?;
    let (kept, merged) = match f.keep.as_str() {
        "left" => (left, right),
        "right" => (right, left),
        _ => return Err(AppError::BadRequest("error-invalid")),
    };
    let reason = match sendero_domain::text::required(&f.reason, 500) {
        Ok(r) => r,
        Err(_) => return Err(AppError::Refused("merge-error-reason")),
    };
    match state.store.merge_clients(ctx.actor()?, kept, merged, &reason).await {
        Ok(_) => Ok(see_other(&format!("/clients/{kept}"))),
        Err(StoreError::Refused(code)) => Err(AppError::Refused(code)),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DistinctForm {
    left: String,
    right: String,
    back: String,
}

pub async fn distinct(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(f): Form<DistinctForm>) -> AppResult<Response> {
    let left = optional_id(&f.left)?.ok_or(AppError::BadRequest("error-invalid"))?;
    let right = optional_id(&f.right)?.ok_or(AppError::BadRequest("error-invalid"))?;
    state.store.record_distinct(ctx.actor()?, left, right).await?;
    Ok(see_other(if f.back == "client" { "/clients" } else { "/dedup" }))
}

pub async fn merges(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    let merges = state.store.merges(ctx.org()?).await?;
    Ok(html(&MergesPage { l: Layout::page(&ctx, "merges-title"), merges }))
}

pub async fn undo(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Response> {
    match state.store.undo_merge(ctx.actor()?, id).await {
        Ok(()) => Ok(see_other("/dedup/merges")),
        Err(StoreError::Refused(code)) => Err(AppError::Refused(code)),
        Err(e) => Err(e.into()),
    }
}
