//! Administering an instrument: a phone-friendly form, partial saves, completed results.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use sendero_domain::instrument::{localized, Instrument, Timing};
use sendero_store::assessments::{Assessment, AssessmentInput};
use sendero_store::clients::Client;
use sendero_store::StoreError;
use serde::Deserialize;

use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{html, optional_id, see_other};
use crate::templates::{AssessmentFormPage, AssessmentItemView, AssessmentView, Layout};
use crate::AppState;

/// The form's view of an instrument in one language, with the answers given so far.
pub fn item_views(instrument: &Instrument, lang: &str, answers: &HashMap<String, i64>) -> Vec<(String, Vec<AssessmentItemView>)> {
    instrument
        .domains
        .iter()
        .map(|d| {
            let items = instrument
                .items
                .iter()
                .filter(|i| i.domain == d.key)
                .map(|i| {
                    let scale = instrument.scale_of(i);
                    AssessmentItemView {
                        key: i.key.clone(),
                        text: localized(&i.text, lang).to_owned(),
                        required: i.required,
                        options: scale.values.iter().map(|v| (*v, scale.label(*v, lang))).collect(),
                        answer: answers.get(&i.key).copied(),
                    }
                })
                .collect();
            (localized(&d.title, lang).to_owned(), items)
        })
        .collect()
}

/// Household members who can answer for the family (the case's client first).
async fn respondents(state: &AppState, org: i64, case_client: i64) -> AppResult<Vec<Client>> {
    let client = state.store.client(org, case_client).await?;
    Ok(match client.household_id {
        Some(h) => state.store.household(org, h).await?.members,
        None => vec![client],
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewParams {
    instrument: String,
    timing: String,
}

#[allow(clippy::too_many_arguments)]
async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    case_id: i64,
    instrument_id: i64,
    existing: Option<&Assessment>,
    answers: &HashMap<String, i64>,
    timing: Timing,
    respondent: i64,
    language: &str,
    taken_on: String,
    error: String,
) -> AppResult<AssessmentFormPage> {
    let org = ctx.org()?;
    let case = state.store.case(org, case_id).await?;
    let instrument = state.store.instrument(org, instrument_id).await?.definition;
    let lang = if instrument.title.contains_key(language) { language } else { "en" };
    Ok(AssessmentFormPage {
        l: Layout::new(Some(ctx), ctx.tr.clone(), localized(&instrument.title, ctx.tr.code())),
        action: match existing {
            Some(a) => format!("/cases/{case_id}/assessments/{}", a.id),
            None => format!("/cases/{case_id}/assessments"),
        },
        version: existing.map(|a| a.version).unwrap_or(0),
        case_id,
        client_name: case.client_name.clone(),
        instrument_id,
        instrument_title: localized(&instrument.title, lang).to_owned(),
        description: localized(&instrument.description, lang).to_owned(),
        languages: instrument
            .title
            .keys()
            .map(|code| (code.clone(), crate::i18n::LANGUAGES.iter().find(|(c, _)| c == code).map_or(code.as_str(), |(_, name)| name).to_owned()))
            .collect(),
        language: lang.to_owned(),
        timings: instrument.timing.iter().map(|t| (t.as_str().to_owned(), ctx.tr.label("timing", t.as_str()))).collect(),
        timing: timing.as_str().to_owned(),
        respondents: respondents(state, org, case.client_id).await?.into_iter().map(|c| (c.id, c.full_name())).collect(),
        respondent,
        domains: item_views(&instrument, lang, answers),
        taken_on,
        error,
    })
}

pub async fn new_form(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(case_id): Path<i64>,
    Query(p): Query<NewParams>,
) -> AppResult<Response> {
    let org = ctx.org()?;
    let instrument_id = optional_id(&p.instrument)?.ok_or(AppError::BadRequest("error-invalid"))?;
    if !state.store.owns(org, sendero_store::orgs::Entity::Instrument, instrument_id).await? {
        return Err(AppError::NotFound);
    }
    let case = state.store.case(org, case_id).await?;
    let instrument = state.store.instrument(org, instrument_id).await?.definition;
    let timing = Timing::parse(&p.timing).or_else(|| instrument.timing.first().copied()).unwrap_or(Timing::Intake);
    let page = form_page(
        &state,
        &ctx,
        case_id,
        instrument_id,
        None,
        &HashMap::new(),
        timing,
        case.client_id,
        ctx.tr.code(),
        sendero_store::today().to_string(),
        String::new(),
    )
    .await?;
    Ok(html(&page))
}

/// Parse the posted form: `item:KEY=value` fields plus the assessment's own fields.
fn parse_answers(form: &HashMap<String, String>) -> Result<HashMap<String, i64>, AppError> {
    let mut answers = HashMap::new();
    for (name, value) in form {
        if let Some(key) = name.strip_prefix("item:") {
            if value.is_empty() {
                continue;
            }
            let v = value.parse::<i64>().map_err(|_| AppError::BadRequest("assessment-error-off-scale"))?;
            answers.insert(key.to_owned(), v);
        }
    }
    Ok(answers)
}

async fn save(state: &AppState, ctx: &Ctx, case_id: i64, existing: Option<&Assessment>, form: HashMap<String, String>) -> AppResult<Response> {
    let field = |k: &str| form.get(k).map(String::as_str).unwrap_or("");
    let instrument_id = match existing {
        Some(a) => a.instrument_id,
        None => optional_id(field("instrument_id"))?.ok_or(AppError::BadRequest("error-invalid"))?,
    };
    let timing = Timing::parse(field("timing")).ok_or(AppError::BadRequest("error-invalid"))?;
    let respondent = optional_id(field("respondent"))?.ok_or(AppError::BadRequest("error-invalid"))?;
    let answers = parse_answers(&form)?;
    let complete = field("action") == "complete";
    let language = crate::i18n::Tr::new(field("language")).code();
    let taken_on = chrono::NaiveDate::parse_from_str(field("taken_on"), "%Y-%m-%d").ok().filter(|d| *d <= sendero_store::today());
    let input = AssessmentInput {
        case_id,
        client_id: respondent,
        instrument_id,
        timing,
        language,
        answers: answers.clone(),
        taken_on: taken_on.unwrap_or_else(sendero_store::today),
        complete,
    };
    let refused = |code: &'static str| async move {
        let page =
            form_page(state, ctx, case_id, instrument_id, existing, &answers, timing, respondent, language, field("taken_on").to_owned(), ctx.tr.get(code))
                .await?;
        Ok::<Response, AppError>((StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response())
    };
    if taken_on.is_none() {
        return refused("error-date-range").await;
    }
    let version = existing.map(|a| (a.id, form.get("version").and_then(|v| v.parse().ok()).unwrap_or(a.version)));
    match state.store.save_assessment(ctx.actor()?, &input, version).await {
        Ok(id) => Ok(see_other(&format!("/cases/{case_id}/assessments/{id}"))),
        Err(StoreError::Refused(code)) => refused(code).await,
        Err(StoreError::Conflict { .. }) => refused("error-conflict").await,
        Err(e) => Err(e.into()),
    }
}

pub async fn create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(case_id): Path<i64>,
    Form(form): Form<HashMap<String, String>>,
) -> AppResult<Response> {
    save(&state, &ctx, case_id, None, form).await
}

pub async fn update(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((case_id, id)): Path<(i64, i64)>,
    Form(form): Form<HashMap<String, String>>,
) -> AppResult<Response> {
    let existing = state.store.assessment(ctx.org()?, case_id, id).await?;
    if existing.complete {
        return Err(AppError::Refused("assessment-error-complete"));
    }
    save(&state, &ctx, case_id, Some(&existing), form).await
}

/// A draft opens in the form; a completed assessment shows its answers and scores.
pub async fn show(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path((case_id, id)): Path<(i64, i64)>) -> AppResult<Response> {
    let org = ctx.org()?;
    let a = state.store.assessment(org, case_id, id).await?;
    state.store.audit_read(ctx.actor()?, "assessment", id).await?;
    if !a.complete {
        let timing = Timing::parse(&a.timing).unwrap_or(Timing::Intake);
        let page = form_page(&state, &ctx, case_id, a.instrument_id, Some(&a), &a.answers, timing, a.client_id, &a.language, a.taken_on.clone(), String::new())
            .await?;
        return Ok(html(&page));
    }
    let instrument = state.store.instrument(org, a.instrument_id).await?.definition;
    let lang = ctx.tr.code();
    let case = state.store.case(org, case_id).await?;
    let view = AssessmentView {
        l: Layout::new(Some(&ctx), ctx.tr.clone(), localized(&instrument.title, lang)),
        case_id,
        client_name: case.client_name,
        title: localized(&instrument.title, lang).to_owned(),
        timing: ctx.tr.label("timing", &a.timing),
        taken_on: a.taken_on.clone(),
        total: a.total.map(|t| format!("{t:.2}")),
        domains: instrument
            .domains
            .iter()
            .map(|d| (localized(&d.title, lang).to_owned(), a.scores.domains.get(&d.key).map(|v| format!("{v:.2}")).unwrap_or_else(|| "—".into())))
            .collect(),
        answers: item_views(&instrument, lang, &a.answers),
        flag: a.flagged.then(|| instrument.flag.as_ref().map(|f| (localized(&f.message, lang).to_owned(), localized(&f.referral, lang).to_owned()))).flatten(),
    };
    Ok(html(&view))
}
