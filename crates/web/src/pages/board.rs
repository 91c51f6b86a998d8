//! Board and funder reports (per program and period, cost per participant-day beside
//! detention's daily cost) and de-identified consortium aggregates, on screen and as CSV,
//! XLSX and PDF. Everything here is aggregate and small-cell suppressed.

use axum::extract::{Query, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use chrono::{Datelike, NaiveDate};
use sendero_domain::board::{build, dollars, Period, ProgramReport, Published};
use sendero_domain::suppression::suppress;
use sendero_store::reporting::{OrgActivity, ProgramCost, ReportSettings};
use sendero_store::{today, Store, StoreError};
use serde::Deserialize;

use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::export::{Format, Table};
use crate::forms::{html, optional_id, see_other};
use crate::i18n::Tr;
use crate::templates::Layout;
use crate::AppState;

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct PeriodParams {
    program: String,
    from: String,
    to: String,
}

/// The period asked for, or the current quarter to date.
fn period(p: &PeriodParams) -> Result<Period, AppError> {
    let parse = |raw: &str| match raw.trim() {
        "" => Ok(None),
        s => s.parse::<NaiveDate>().map(Some).map_err(|_| AppError::BadRequest("error-date-format")),
    };
    let now = today();
    let quarter_start = NaiveDate::from_ymd_opt(now.year(), (now.month0() / 3) * 3 + 1, 1).unwrap_or(now);
    let from = parse(&p.from)?.unwrap_or(quarter_start);
    let to = parse(&p.to)?.unwrap_or(now);
    if to < from || (to - from).num_days() > 3660 {
        return Err(AppError::BadRequest("report-error-period"));
    }
    Ok(Period { from, to })
}

fn shown(n: Published) -> String {
    n.map_or_else(|| "*".to_owned(), |v| v.to_string())
}

/// Services per (program, category) in the months the period touches, most common first, from
/// the rollups (a few hundred rows however many services were logged).
type ServiceCounts = Vec<(i64, String, u64, i64)>;

async fn services_by_category(store: &Store, org: i64, program: Option<i64>, period: Period) -> Result<ServiceCounts, StoreError> {
    let (from, to) = (period.from.format("%Y-%m").to_string(), period.to.format("%Y-%m").to_string());
    let mut totals: std::collections::BTreeMap<(i64, String), (u64, i64)> = Default::default();
    for r in store.service_rollups(org, program, &from, &to).await? {
        let t = totals.entry((r.program_id, r.category)).or_default();
        t.0 += r.services.max(0) as u64;
        t.1 += r.cost_cents;
    }
    let mut out: ServiceCounts = totals.into_iter().map(|((p, c), (n, cost))| (p, c, n, cost)).collect();
    out.sort_by(|a, b| a.0.cmp(&b.0).then(b.2.cmp(&a.2)).then(a.1.cmp(&b.1)));
    Ok(out)
}

/// The board report of `org` (one program or all) over `period`: one source for the page, the
/// files and the worker's scheduled runs.
pub async fn board_report(store: &Store, tr: &Tr, org: i64, program: Option<i64>, period: Period) -> Result<Table, StoreError> {
    if let Some(id) = program {
        store.program(org, id).await?;
    }
    let settings = store.report_settings(org).await?;
    let (programs, cases, costs) = store.board_facts(org, program).await?;
    let reports = build(&programs, &cases, &costs, period, settings.detention_cost_cents, settings.suppression_threshold as u64);
    let services = services_by_category(store, org, program, period).await?;
    Ok(board_table(tr, &reports, period, &settings, &services))
}

async fn board(state: &AppState, ctx: &Ctx, p: &PeriodParams) -> AppResult<(Table, Period)> {
    let program = optional_id(&p.program)?;
    let period = period(p)?;
    Ok((board_report(&state.store, &ctx.tr, ctx.org()?, program, period).await?, period))
}

/// The board report as rows: (program, measure, value). One source for screen and files.
fn board_table(tr: &Tr, reports: &[ProgramReport], period: Period, settings: &ReportSettings, services: &ServiceCounts) -> Table {
    let mut rows = vec![];
    for r in reports {
        let mine: Vec<&(i64, String, u64, i64)> = services.iter().filter(|s| s.0 == r.program_id).collect();
        let (shown_services, _) =
            sendero_domain::suppression::suppress_list(&mine.iter().map(|s| s.2).collect::<Vec<_>>(), settings.suppression_threshold as u64);
        let mut add = |measure: String, value: String| rows.push(vec![r.name.clone(), measure, value]);
        add(tr.get("board-goal"), r.enrollment_goal.map_or("—".into(), |g| g.to_string()));
        add(tr.get("board-enrolled-to-date"), shown(r.enrolled_to_date));
        add(tr.get("board-enrolled-in-period"), shown(r.enrolled_in_period));
        for (site, n) in &r.enrolled_by_site {
            let site = if site.is_empty() { tr.get("board-no-site") } else { site.clone() };
            add(tr.with("board-enrolled-at", &[("site", site)]), shown(*n));
        }
        add(tr.get("board-active"), shown(r.active_in_period));
        add(tr.get("board-participant-days"), r.participant_days.to_string());
        for (reason, n) in &r.closures {
            add(tr.with("board-closed-because", &[("reason", tr.label("closure", reason))]), shown(*n));
        }
        for (s, n) in mine.iter().zip(&shown_services) {
            add(tr.with("board-services-of", &[("category", tr.label("service-category", &s.1))]), shown(*n));
        }
        add(tr.get("board-cost"), dollars(r.cost_cents));
        add(tr.get("board-cost-per-day"), r.cost_per_participant_day_cents.map_or("—".into(), dollars));
        add(tr.get("board-detention-per-day"), dollars(r.detention_cost_per_day_cents));
        add(tr.get("board-detention-equivalent"), dollars(r.detention_equivalent_cents));
    }
    Table {
        title: tr.get("board-title"),
        subtitle: tr.with("board-period", &[("from", period.from.to_string()), ("to", period.to.to_string())]),
        headers: vec![tr.get("program"), tr.get("board-measure"), tr.get("board-value")],
        rows,
        notes: vec![
            tr.get("board-note-cost"),
            tr.with("board-note-detention", &[("cost", dollars(settings.detention_cost_cents))]),
            tr.with("board-note-suppression", &[("n", settings.suppression_threshold.to_string())]),
            tr.get("board-note-deidentified"),
        ],
    }
}

#[derive(askama::Template)]
#[template(path = "reports/board.html")]
struct BoardPage {
    l: Layout,
    programs: Vec<(i64, String)>,
    program: String,
    from: String,
    to: String,
    table: Table,
    query: String,
}

fn query_of(p: &PeriodParams, period: Period) -> String {
    format!("program={}&from={}&to={}", urlencoding::encode(&p.program), period.from, period.to)
}

pub async fn board_page(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(p): Query<PeriodParams>) -> AppResult<Response> {
    let (table, period) = board(&state, &ctx, &p).await?;
    let programs = state.store.programs(ctx.org()?).await?.into_iter().map(|x| (x.id, x.name)).collect();
    let page = BoardPage {
        l: Layout::page(&ctx, "board-title"),
        programs,
        program: p.program.clone(),
        from: period.from.to_string(),
        to: period.to.to_string(),
        query: query_of(&p, period),
        table,
    };
    Ok(html(&page))
}

/// The format asked for by the path's extension (`/reports/board.pdf`).
fn format_of(uri: &Uri) -> Result<Format, AppError> {
    uri.path().rsplit_once('.').and_then(|(_, ext)| Format::from_extension(ext)).ok_or(AppError::NotFound)
}

/// `/reports/board.{csv,xlsx,pdf}`
pub async fn board_file(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, uri: Uri, Query(p): Query<PeriodParams>) -> AppResult<Response> {
    let format = format_of(&uri)?;
    let (table, period) = board(&state, &ctx, &p).await?;
    Ok(table.download(format, &format!("board-report-{}-{}", period.from, period.to))?)
}

// ---------------------------------------------------------------------------------------------
// Consortium aggregates

fn consortium_table(tr: &Tr, activity: &[OrgActivity], period: Period, threshold: u64) -> Table {
    let measures = [tr.get("consortium-open"), tr.get("consortium-opened"), tr.get("consortium-closed"), tr.get("consortium-lost-contact")];
    // Each measure is its own table (organizations × one column) with its total.
    let columns: Vec<Vec<u64>> = vec![
        activity.iter().map(|a| a.open_cases).collect(),
        activity.iter().map(|a| a.opened_in_period).collect(),
        activity.iter().map(|a| a.closed_in_period).collect(),
        activity.iter().map(|a| a.lost_contact_in_period).collect(),
    ];
    let published: Vec<_> = columns.iter().map(|col| suppress(&col.iter().map(|n| vec![*n]).collect::<Vec<_>>(), threshold)).collect();
    let show = |v: Option<u64>| v.map_or_else(|| "*".to_owned(), |n| n.to_string());
    let mut rows: Vec<Vec<String>> = activity
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let name = match &a.city {
                Some(c) => format!("{} ({c})", a.org_name),
                None => a.org_name.clone(),
            };
            std::iter::once(name).chain(published.iter().map(|t| show(t.cells[i][0]))).collect()
        })
        .collect();
    rows.push(std::iter::once(tr.get("consortium-total")).chain(published.iter().map(|t| show(t.total))).collect());
    Table {
        title: tr.get("consortium-title"),
        subtitle: tr.with("board-period", &[("from", period.from.to_string()), ("to", period.to.to_string())]),
        headers: std::iter::once(tr.get("organization")).chain(measures).collect(),
        rows,
        notes: vec![tr.with("board-note-suppression", &[("n", threshold.to_string())]), tr.get("board-note-deidentified")],
    }
}

/// De-identified aggregates of the consortium `org` belongs to, over `period`.
pub async fn consortium_report(store: &Store, tr: &Tr, org: i64, period: Period) -> Result<Table, StoreError> {
    let settings = store.report_settings(org).await?;
    let activity = store.consortium_activity(org, period.from, period.to).await?;
    Ok(consortium_table(tr, &activity, period, settings.suppression_threshold as u64))
}

async fn consortium(state: &AppState, ctx: &Ctx, p: &PeriodParams) -> AppResult<(Table, Period)> {
    let period = period(p)?;
    Ok((consortium_report(&state.store, &ctx.tr, ctx.org()?, period).await?, period))
}

#[derive(askama::Template)]
#[template(path = "reports/consortium.html")]
struct ConsortiumPage {
    l: Layout,
    from: String,
    to: String,
    table: Table,
    query: String,
}

pub async fn consortium_page(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(p): Query<PeriodParams>) -> AppResult<Response> {
    let (table, period) = consortium(&state, &ctx, &p).await?;
    let page = ConsortiumPage {
        l: Layout::page(&ctx, "consortium-title"),
        from: period.from.to_string(),
        to: period.to.to_string(),
        query: query_of(&p, period),
        table,
    };
    Ok(html(&page))
}

pub async fn consortium_file(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, uri: Uri, Query(p): Query<PeriodParams>) -> AppResult<Response> {
    let format = format_of(&uri)?;
    let (table, period) = consortium(&state, &ctx, &p).await?;
    Ok(table.download(format, &format!("consortium-{}-{}", period.from, period.to))?)
}

// ---------------------------------------------------------------------------------------------
// Settings and program costs (administrators)

#[derive(askama::Template)]
#[template(path = "reports/settings.html")]
struct SettingsPage {
    l: Layout,
    settings: ReportSettings,
    detention: String,
    costs: Vec<ProgramCost>,
    programs: Vec<(i64, String)>,
    error: String,
}

async fn settings_page(state: &AppState, ctx: &Ctx, error: String) -> AppResult<SettingsPage> {
    let org = ctx.org()?;
    let settings = state.store.report_settings(org).await?;
    Ok(SettingsPage {
        l: Layout::page(ctx, "report-settings-title"),
        detention: dollars(settings.detention_cost_cents),
        settings,
        costs: state.store.program_costs(org).await?,
        programs: state.store.programs(org).await?.into_iter().map(|x| (x.id, x.name)).collect(),
        error,
    })
}

pub async fn settings(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    Ok(html(&settings_page(&state, &ctx, String::new()).await?))
}

/// "164.65" or "$1,200" → cents.
fn parse_money(raw: &str) -> Option<i64> {
    let clean: String = raw.trim().trim_start_matches('$').chars().filter(|c| *c != ',').collect();
    let (whole, frac) = clean.split_once('.').unwrap_or((&clean, ""));
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) || frac.len() > 2 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let cents = format!("{frac:0<2}").parse::<i64>().ok()?;
    whole.parse::<i64>().ok()?.checked_mul(100)?.checked_add(cents)
}

async fn settings_refused(state: &AppState, ctx: &Ctx, key: &'static str) -> AppResult<Response> {
    Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&settings_page(state, ctx, ctx.tr.get(key)).await?)).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SettingsForm {
    detention_cost: String,
    threshold: String,
    version: i64,
}

pub async fn save_settings(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(f): Form<SettingsForm>) -> AppResult<Response> {
    let Some(cents) = parse_money(&f.detention_cost) else { return settings_refused(&state, &ctx, "report-error-detention-cost").await };
    let Ok(threshold) = f.threshold.trim().parse::<i64>() else { return settings_refused(&state, &ctx, "report-error-threshold").await };
    match state.store.set_report_settings(ctx.actor()?, cents, threshold, f.version).await {
        Ok(()) => Ok(see_other("/admin/reporting")),
        Err(StoreError::Refused(code)) => settings_refused(&state, &ctx, code).await,
        Err(StoreError::Conflict { .. }) => settings_refused(&state, &ctx, "report-error-conflict").await,
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CostForm {
    program_id: String,
    starts_on: String,
    ends_on: String,
    amount: String,
    description: String,
}

pub async fn add_cost(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(f): Form<CostForm>) -> AppResult<Response> {
    let program = optional_id(&f.program_id)?.ok_or(AppError::BadRequest("error-invalid"))?;
    let (Ok(from), Ok(to)) = (f.starts_on.trim().parse::<NaiveDate>(), f.ends_on.trim().parse::<NaiveDate>()) else {
        return settings_refused(&state, &ctx, "error-date-format").await;
    };
    let Some(cents) = parse_money(&f.amount) else { return settings_refused(&state, &ctx, "report-error-cost-amount").await };
    match state.store.add_program_cost(ctx.actor()?, program, from, to, cents, &f.description).await {
        Ok(_) => Ok(see_other("/admin/reporting")),
        Err(StoreError::Refused(code)) => settings_refused(&state, &ctx, code).await,
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_money;

    #[test]
    fn money_parses_as_people_type_it() {
        assert_eq!(parse_money("164.65"), Some(16_465));
        assert_eq!(parse_money("$1,200"), Some(120_000));
        assert_eq!(parse_money("3.5"), Some(350));
        for bad in ["", "abc", "1.234", "-5", "1e3", "$"] {
            assert_eq!(parse_money(bad), None, "{bad}");
        }
    }
}

#[derive(askama::Template)]
#[template(path = "reports/index.html")]
struct IndexPage {
    l: Layout,
    /// (href, title key, description key): every report a funder or board member can open.
    reports: Vec<(&'static str, &'static str, &'static str)>,
}

/// Every report in one place. Features add their reports to `REPORTS`.
pub const REPORTS: &[(&str, &str, &str)] = &[
    ("/reports/board", "board-title", "board-description"),
    ("/reports/consortium", "consortium-title", "consortium-description"),
    ("/reports/outcomes", "outcomes-title", "outcomes-description"),
    ("/reports/evaluation", "evaluation-title", "evaluation-description"),
    ("/reports/appearance", "appearance-title", "appearance-description"),
    ("/reports/referrals", "referral-report-title", "referral-report-description"),
    ("/reports/billing", "billing-title", "billing-description"),
    ("/reports/schedules", "schedules-title", "schedules-description"),
];

pub async fn index(Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    Ok(html(&IndexPage { l: Layout::page(&ctx, "reports-title"), reports: REPORTS.to_vec() }))
}
