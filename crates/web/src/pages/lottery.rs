//! Lottery rounds (open, draw, enroll, verify, published inputs), enrollment progress against
//! goals, follow-up outcomes, and the de-identified intention-to-treat evaluation report.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use sendero_domain::evaluation::{evaluate, Evaluation};
use sendero_domain::lottery::{Group, Strata};
use sendero_store::lottery::{FollowUp, ResultRow, Round, SeedSource, SiteProgress, StratumCapacity};
use serde::Deserialize;

use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{html, optional_id, see_other};
use crate::templates::Layout;
use crate::AppState;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RoundsParams {
    program: String,
    strata: String,
}

pub struct PoolStratum {
    pub index: usize,
    pub name: String,
    pub size: usize,
}

#[derive(Template)]
#[template(path = "lottery/rounds.html")]
pub struct RoundsPage {
    pub l: Layout,
    pub programs: Vec<(i64, String)>,
    pub program: String,
    pub strata_options: Vec<(&'static str, String)>,
    pub strata: String,
    pub rounds: Vec<Round>,
    pub pool: Vec<PoolStratum>,
    pub progress: Vec<SiteProgress>,
    pub program_goal: Option<i64>,
    pub sites: Vec<(i64, String)>,
    pub error: Option<String>,
}

async fn rounds_page(state: &AppState, ctx: &Ctx, p: &RoundsParams) -> AppResult<RoundsPage> {
    let org = ctx.org()?;
    let programs = state.store.programs(org).await?;
    let program = optional_id(&p.program)?.or(programs.first().map(|x| x.id));
    let strata = Strata::parse(&p.strata).unwrap_or(Strata::Site);
    let (pool, progress, goal) = match program {
        Some(id) => {
            let pool = state.store.lottery_pool(org, id, strata).await?;
            let goal = programs.iter().find(|x| x.id == id).and_then(|x| x.enrollment_goal);
            (
                pool.into_iter().enumerate().map(|(index, (name, cs))| PoolStratum { index, name, size: cs.len() }).collect(),
                state.store.enrollment_progress(org, id).await?,
                goal,
            )
        }
        None => (vec![], vec![], None),
    };
    Ok(RoundsPage {
        l: Layout::page(ctx, "lottery-title"),
        programs: programs.iter().map(|x| (x.id, x.name.clone())).collect(),
        program: program.map(|p| p.to_string()).unwrap_or_default(),
        strata_options: Strata::ALL.iter().map(|s| (s.as_str(), ctx.tr.label("strata", s.as_str()))).collect(),
        strata: strata.as_str().to_owned(),
        rounds: state.store.rounds(org).await?,
        pool,
        progress,
        program_goal: goal,
        sites: state.store.sites(org).await?.into_iter().map(|s| (s.id, s.name)).collect(),
        error: None,
    })
}

pub async fn rounds(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(p): Query<RoundsParams>) -> AppResult<Response> {
    Ok(html(&rounds_page(&state, &ctx, &p).await?))
}

fn field<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("")
}

fn count_field(pairs: &[(String, String)], name: &str) -> Result<usize, ()> {
    let raw = field(pairs, name).trim();
    if raw.is_empty() {
        return Ok(0);
    }
    raw.parse::<usize>().ok().filter(|n| *n <= 1_000_000).ok_or(())
}

/// Open a round: capacities come as `stratum_N`, `capacity_N`, `comparison_N`.
pub async fn open(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(pairs): Form<Vec<(String, String)>>) -> AppResult<Response> {
    let actor = ctx.actor()?;
    let params = RoundsParams { program: field(&pairs, "program").to_owned(), strata: field(&pairs, "strata").to_owned() };
    let mut page = rounds_page(&state, &ctx, &params).await?;
    let Some(program) = optional_id(&page.program)? else {
        return Err(AppError::BadRequest("error-invalid"));
    };
    let strata = Strata::parse(&page.strata).unwrap_or(Strata::Site);
    let mut capacities = Vec::new();
    let mut bad_number = false;
    for i in 0..page.pool.len() {
        let name = field(&pairs, &format!("stratum_{i}")).to_owned();
        match (count_field(&pairs, &format!("capacity_{i}")), count_field(&pairs, &format!("comparison_{i}"))) {
            (Ok(capacity), Ok(comparison_size)) if !name.is_empty() => capacities.push(StratumCapacity { name, capacity, comparison_size }),
            _ => bad_number = true,
        }
    }
    let name = field(&pairs, "name").trim();
    let seed = field(&pairs, "seed").trim();
    let public_value = field(&pairs, "public_value").trim();
    let error = if bad_number {
        Some("lottery-error-capacity")
    } else if name.is_empty() || name.chars().count() > 100 {
        Some("lottery-error-name")
    } else if seed.is_empty() == public_value.is_empty() {
        Some("lottery-error-seed-choice")
    } else if public_value.chars().count() > 500 {
        Some("lottery-error-seed-long")
    } else {
        None
    };
    if let Some(code) = error {
        page.error = Some(ctx.tr.get(code));
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response());
    }
    let source = if public_value.is_empty() { SeedSource::Seed(seed.to_owned()) } else { SeedSource::PublicValue(public_value.to_owned()) };
    match state.store.open_round(actor, program, name, source, strata, &capacities).await {
        Ok(id) => Ok(see_other(&format!("/lottery/rounds/{id}"))),
        Err(sendero_store::StoreError::Refused(code)) => {
            page.error = Some(ctx.tr.get(code));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct GoalForm {
    program: String,
    site: String,
    goal: String,
}

pub async fn set_goal(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(f): Form<GoalForm>) -> AppResult<Response> {
    let program = optional_id(&f.program)?.ok_or(AppError::BadRequest("error-invalid"))?;
    let site = optional_id(&f.site)?.ok_or(AppError::BadRequest("error-invalid"))?;
    let goal: i64 = f.goal.trim().parse().ok().filter(|g| (0..=1_000_000).contains(g)).ok_or(AppError::Refused("lottery-error-goal"))?;
    state.store.set_enrollment_goal(ctx.actor()?, program, site, goal).await?;
    Ok(see_other(&format!("/lottery?program={program}")))
}

pub struct ResultView {
    pub r: ResultRow,
    pub group: String,
    pub name: String,
}

#[derive(Template)]
#[template(path = "lottery/round.html")]
pub struct RoundPage {
    pub l: Layout,
    pub round: Round,
    pub program: String,
    pub strata: Vec<(String, usize, usize, usize)>,
    pub results: Vec<ResultView>,
    pub counts: (usize, usize, usize, usize),
    pub everyone_selected: Vec<String>,
    pub verified: Option<bool>,
}

pub async fn round(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(round_id): Path<i64>) -> AppResult<Response> {
    let org = ctx.org()?;
    let round = state.store.round(org, round_id).await?;
    let program = state.store.program(org, round.program_id).await?.name;
    let inputs = state.store.published_inputs(org, round_id).await?;
    let strata: Vec<(String, usize, usize, usize)> =
        inputs.strata.iter().map(|s| (s.name.clone(), s.candidates.len(), s.capacity, s.comparison_size)).collect();
    let everyone_selected = inputs.strata.iter().filter(|s| s.capacity >= s.candidates.len()).map(|s| s.name.clone()).collect();
    let rows = state.store.round_results(org, round_id).await?;
    let mut results = Vec::with_capacity(rows.len());
    for r in rows {
        let name = state.store.candidate(org, r.candidate_id).await?.full_name();
        results.push(ResultView { group: ctx.tr.label("lottery-group", r.group.as_str()), name, r });
    }
    let count = |g: Group| results.iter().filter(|x| x.r.group == g).count();
    let counts = (count(Group::Selected), count(Group::Comparison), count(Group::Waitlist), results.iter().filter(|x| x.r.case_id.is_some()).count());
    let verified = if round.is_drawn() { Some(state.store.verify_round(org, round_id).await?.ok()) } else { None };
    let title = format!("{} · {}", ctx.tr.get("lottery-round"), round.name);
    Ok(html(&RoundPage { l: Layout::new(Some(&ctx), ctx.tr.clone(), &title), round, program, strata, results, counts, everyone_selected, verified }))
}

pub async fn draw(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(round_id): Path<i64>) -> AppResult<Response> {
    state.store.draw_round(ctx.actor()?, round_id).await?;
    Ok(see_other(&format!("/lottery/rounds/{round_id}")))
}

pub async fn enroll(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(round_id): Path<i64>) -> AppResult<Response> {
    state.store.enroll_selected(ctx.actor()?, round_id).await?;
    Ok(see_other(&format!("/lottery/rounds/{round_id}")))
}

/// The published inputs (and results, once drawn) as JSON for `tools/lottery_verify.py`.
pub async fn inputs_json(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(round_id): Path<i64>) -> AppResult<Response> {
    let doc = state.store.export_round(ctx.org()?, round_id).await?;
    let body = serde_json::to_string_pretty(&doc).map_err(anyhow::Error::from)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"lottery-round-{round_id}.json\"")),
        ],
        body,
    )
        .into_response())
}

// ------------------------------------------------------------------------------------------
// Follow-up outcomes.

pub struct FollowUpView {
    pub candidate_id: i64,
    pub name: String,
    pub token: String,
    pub group: String,
    pub f: FollowUp,
    pub pre: String,
    pub post: String,
}

#[derive(Template)]
#[template(path = "lottery/followups.html")]
pub struct FollowUpsPage {
    pub l: Layout,
    pub round: Round,
    pub rows: Vec<FollowUpView>,
    pub error: Option<String>,
}

async fn followups_page(state: &AppState, ctx: &Ctx, round_id: i64) -> AppResult<FollowUpsPage> {
    let org = ctx.org()?;
    let round = state.store.round(org, round_id).await?;
    let outcomes = state.store.followups(org, round_id).await?;
    let mut rows = Vec::new();
    for r in state.store.round_results(org, round_id).await?.into_iter().filter(|r| r.group != Group::Waitlist) {
        let name = state.store.candidate(org, r.candidate_id).await?.full_name();
        let f = outcomes.iter().find(|(id, _)| *id == r.candidate_id).map(|(_, f)| f.clone()).unwrap_or_default();
        rows.push(FollowUpView {
            candidate_id: r.candidate_id,
            name,
            token: r.public_token,
            group: ctx.tr.label("lottery-group", r.group.as_str()),
            pre: f.assessment_pre.map(|v| v.to_string()).unwrap_or_default(),
            post: f.assessment_post.map(|v| v.to_string()).unwrap_or_default(),
            f,
        });
    }
    let title = format!("{} · {}", ctx.tr.get("followup-title"), round.name);
    Ok(FollowUpsPage { l: Layout::new(Some(ctx), ctx.tr.clone(), &title), round, rows, error: None })
}

pub async fn followups(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(round_id): Path<i64>) -> AppResult<Response> {
    Ok(html(&followups_page(&state, &ctx, round_id).await?))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FollowUpForm {
    candidate: String,
    hearings_scheduled: String,
    hearings_attended: String,
    services_received: String,
    assessment_pre: String,
    assessment_post: String,
}

fn small_number(raw: &str) -> Result<Option<i64>, ()> {
    match raw.trim() {
        "" => Ok(None),
        s => s.parse::<i64>().ok().filter(|n| (0..=100_000).contains(n)).map(Some).ok_or(()),
    }
}

pub async fn record_followup(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(round_id): Path<i64>,
    Form(f): Form<FollowUpForm>,
) -> AppResult<Response> {
    let candidate = optional_id(&f.candidate)?.ok_or(AppError::BadRequest("error-invalid"))?;
    let numbers = (
        small_number(&f.hearings_scheduled),
        small_number(&f.hearings_attended),
        small_number(&f.services_received),
        small_number(&f.assessment_pre),
        small_number(&f.assessment_post),
    );
    let outcome = match numbers {
        (Ok(s), Ok(a), Ok(sv), Ok(pre), Ok(post)) => Some(FollowUp {
            hearings_scheduled: s.unwrap_or(0),
            hearings_attended: a.unwrap_or(0),
            services_received: sv.unwrap_or(0),
            assessment_pre: pre,
            assessment_post: post,
        }),
        _ => None,
    };
    let result = match &outcome {
        Some(o) => state.store.record_followup(ctx.actor()?, round_id, candidate, o).await,
        None => Err(sendero_store::StoreError::Refused("lottery-error-followup-counts")),
    };
    match result {
        Ok(()) => Ok(see_other(&format!("/lottery/rounds/{round_id}/followups"))),
        Err(sendero_store::StoreError::Refused(code)) => {
            let mut page = followups_page(&state, &ctx, round_id).await?;
            page.error = Some(ctx.tr.get(code));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

// ------------------------------------------------------------------------------------------
// Evaluation report.

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EvaluationParams {
    round: String,
}

pub struct ComparisonView {
    pub measure: String,
    pub n: String,
    pub treatment: String,
    pub comparison: String,
    pub difference: String,
    pub ci: String,
    pub p: String,
    pub test: String,
}

#[derive(Template)]
#[template(path = "lottery/evaluation.html")]
pub struct EvaluationPage {
    pub l: Layout,
    pub rounds: Vec<(i64, String)>,
    pub round: String,
    pub ready: bool,
    pub summary: Vec<(String, String)>,
    pub outcomes: Vec<ComparisonView>,
    pub balance: Vec<(String, String, String, String)>,
    pub csv_url: String,
}

fn num(v: Option<f64>, digits: usize, percent: bool) -> String {
    match v {
        Some(x) if x.is_finite() && percent => format!("{:.digits$}%", x * 100.0),
        Some(x) if x.is_finite() => format!("{x:.digits$}"),
        _ => "—".into(),
    }
}

fn p_text(v: Option<f64>) -> String {
    match v {
        Some(p) if p < 0.001 => "< 0.001".into(),
        other => num(other, 3, false),
    }
}

async fn evaluation_of(state: &AppState, ctx: &Ctx, raw: &str) -> AppResult<Option<(i64, Evaluation, Vec<sendero_store::lottery::EvaluationRow>)>> {
    let org = ctx.org()?;
    let Some(round) = optional_id(raw)? else { return Ok(None) };
    let r = state.store.round(org, round).await?;
    if !r.is_drawn() {
        return Ok(None);
    }
    let rows = state.store.evaluation_rows(org, round).await?;
    Ok(Some((round, evaluate(&rows), rows)))
}

pub async fn evaluation(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(p): Query<EvaluationParams>) -> AppResult<Response> {
    let org = ctx.org()?;
    let rounds: Vec<(i64, String)> = state.store.rounds(org).await?.into_iter().filter(|r| r.is_drawn()).map(|r| (r.id, r.name)).collect();
    let round = if p.round.is_empty() { rounds.first().map(|r| r.0.to_string()).unwrap_or_default() } else { p.round.clone() };
    let computed = evaluation_of(&state, &ctx, &round).await?;
    let tr = &ctx.tr;
    let mut page = EvaluationPage {
        l: Layout::page(&ctx, "evaluation-title"),
        rounds,
        round: round.clone(),
        ready: computed.is_some(),
        summary: vec![],
        outcomes: vec![],
        balance: vec![],
        csv_url: format!("/reports/evaluation.csv?round={}", urlencoding::encode(&round)),
    };
    if let Some((_, e, _)) = computed {
        page.summary = vec![
            (tr.get("evaluation-assigned-treatment"), e.assigned_treatment.to_string()),
            (tr.get("evaluation-assigned-comparison"), e.assigned_comparison.to_string()),
            (tr.get("evaluation-followed-treatment"), e.followed_treatment.to_string()),
            (tr.get("evaluation-followed-comparison"), e.followed_comparison.to_string()),
        ];
        page.outcomes = e
            .outcomes
            .iter()
            .map(|c| {
                let percent = c.kind == "proportion";
                ComparisonView {
                    measure: tr.get(c.measure),
                    n: format!("{} / {}", c.n_treatment, c.n_comparison),
                    treatment: num(c.treatment, if percent { 0 } else { 2 }, percent),
                    comparison: num(c.comparison, if percent { 0 } else { 2 }, percent),
                    difference: num(c.difference, if percent { 1 } else { 2 }, percent),
                    ci: match (c.ci95_low, c.ci95_high) {
                        (Some(a), Some(b)) => {
                            format!("{} to {}", num(Some(a), 1 + usize::from(!percent), percent), num(Some(b), 1 + usize::from(!percent), percent))
                        }
                        _ => tr.get("evaluation-not-estimable"),
                    },
                    p: p_text(c.p_value),
                    test: c.test.to_owned(),
                }
            })
            .collect();
        page.balance =
            e.balance.iter().map(|b| (tr.get(b.covariate), num(b.treatment_mean, 2, false), num(b.comparison_mean, 2, false), num(b.smd, 2, false))).collect();
    }
    Ok(html(&page))
}

/// One row per participant (opaque id, arm, covariates, outcomes) for re-analysis.
pub async fn evaluation_csv(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(p): Query<EvaluationParams>) -> AppResult<Response> {
    if optional_id(&p.round)?.is_none() {
        return Err(AppError::BadRequest("error-invalid"));
    }
    let Some((round, _, rows)) = evaluation_of(&state, &ctx, &p.round).await? else {
        return Err(AppError::Refused("lottery-error-not-drawn"));
    };
    let opt = |v: Option<i64>| v.map(|x| x.to_string()).unwrap_or_default();
    let mut out = String::from(
        "participant,arm,stratum,family_unit,household_size,days_in_us,spanish_speaker,followed_up,hearings_scheduled,hearings_attended,services_received,assessment_pre,assessment_post\n",
    );
    for r in &rows {
        let stratum = r.stratum.replace('"', "\"\"");
        out.push_str(&format!(
            "{},{},\"{stratum}\",{},{},{},{},{},{},{},{},{},{}\n",
            r.participant,
            if r.treatment { "treatment" } else { "comparison" },
            u8::from(r.family_unit),
            r.household_size,
            r.days_in_us,
            u8::from(r.spanish_speaker),
            u8::from(r.followed_up),
            r.outcome.hearings_scheduled,
            r.outcome.hearings_attended,
            r.outcome.services_received,
            opt(r.outcome.assessment_pre),
            opt(r.outcome.assessment_post),
        ));
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"evaluation-round-{round}.csv\"")),
        ],
        out,
    )
        .into_response())
}
