//! Referrals across organizations and their reports: the incoming queue of a receiving
//! organization (which sees only what was shared), the dashboard panel (overdue referrals and
//! the queue), referral outcomes and the monthly billing report (CSV and XLSX).

use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::{Extension, Form};
use sendero_domain::services::{format_cents, ReferralStatus};
use sendero_domain::Permission;
use sendero_store::referrals::{OverdueReferral, ReferralEvent, ReferralOutcome};
use sendero_store::services::BillingReport;
use sendero_store::today;
use serde::Deserialize;

use super::services::{referral_rows, ReferralRow};
use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::export::{Format, Table};
use crate::forms::{html, see_other};
use crate::templates::{render, Layout};
use crate::AppState;

#[derive(askama::Template)]
#[template(path = "services/panel.html")]
struct Panel {
    l: Layout,
    overdue: Vec<OverdueReferral>,
    incoming: i64,
}

/// Overdue referrals of the user's cases and the incoming queue. Opening the follow-up tasks
/// here too means they exist even where no worker runs (the call is idempotent).
pub async fn dashboard_panel(state: &AppState, ctx: &Ctx) -> AppResult<Option<String>> {
    let user = ctx.user()?;
    if !user.role.can(Permission::WriteCases) {
        return Ok(None);
    }
    state.store.open_overdue_referral_tasks(chrono::Utc::now()).await?;
    let overdue = state.store.overdue_referrals(user.org_id, Some(user.id), today()).await?;
    let incoming = state.store.incoming_referrals(user.org_id).await?.iter().filter(|r| !r.status.is_answered() && !r.status.is_final()).count() as i64;
    if overdue.is_empty() && incoming == 0 {
        return Ok(None);
    }
    Ok(Some(render(&Panel { l: Layout::new(Some(ctx), ctx.tr.clone(), ""), overdue, incoming })))
}

#[derive(askama::Template)]
#[template(path = "services/incoming.html")]
struct IncomingPage {
    l: Layout,
    rows: Vec<ReferralRow>,
}

pub async fn incoming(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    let rows = referral_rows(&ctx, state.store.incoming_referrals(ctx.org()?).await?, true);
    Ok(html(&IncomingPage { l: Layout::page(&ctx, "incoming-title"), rows }))
}

#[derive(askama::Template)]
#[template(path = "services/incoming_show.html")]
struct IncomingShow {
    l: Layout,
    row: ReferralRow,
    shared: Vec<(String, String)>,
    events: Vec<ReferralEvent>,
}

pub async fn incoming_show(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(incoming_id): Path<i64>) -> AppResult<Response> {
    let r = state.store.incoming_referral(ctx.actor()?, incoming_id).await?;
    let shared = r.shared.iter().map(|(k, v)| (ctx.tr.label("share", k), v.clone())).collect();
    let events = state.store.referral_events(incoming_id).await?;
    let row = referral_rows(&ctx, vec![r], true).remove(0);
    Ok(html(&IncomingShow { l: Layout::page(&ctx, "incoming-title"), row, shared, events }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AnswerForm {
    version: i64,
    status: String,
    reason: String,
}

pub async fn answer(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(incoming_id): Path<i64>,
    Form(f): Form<AnswerForm>,
) -> AppResult<Response> {
    let to = ReferralStatus::parse(&f.status).ok_or(AppError::BadRequest("error-invalid"))?;
    state.store.answer_referral(ctx.actor()?, incoming_id, f.version, to, Some(f.reason.as_str())).await?;
    Ok(see_other(&format!("/referrals/incoming/{incoming_id}")))
}

#[derive(askama::Template)]
#[template(path = "services/outcomes.html")]
struct OutcomesPage {
    l: Layout,
    rows: Vec<ReferralOutcome>,
}

pub async fn outcomes(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    let rows = state.store.referral_outcomes(ctx.org()?).await?;
    Ok(html(&OutcomesPage { l: Layout::page(&ctx, "referral-report-title"), rows }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct BillingParams {
    funder: String,
    program: String,
    month: String,
    format: String,
}

#[derive(askama::Template)]
#[template(path = "services/billing.html")]
struct BillingPage {
    l: Layout,
    funders: Vec<(i64, String)>,
    programs: Vec<(i64, String)>,
    funder: String,
    program: String,
    month: String,
    report: Option<BillingReport>,
    query: String,
}

impl BillingPage {
    fn money(&self, cents: &i64) -> String {
        format_cents(*cents)
    }
}

/// The bill as a downloadable table: one line per category, the total, then flagged services.
fn bill_table(ctx: &Ctx, report: &BillingReport, program: &str) -> Table {
    let headers =
        ["billing-category", "billing-unit", "billing-rate", "billing-services", "billing-minutes", "billing-clients", "billing-units", "billing-amount"]
            .iter()
            .map(|k| ctx.tr.get(k))
            .collect();
    let mut rows: Vec<Vec<String>> = report
        .bill
        .lines
        .iter()
        .map(|l| {
            vec![
                l.category.clone(),
                l.unit.map(|u| u.as_str().to_owned()).unwrap_or_default(),
                format_cents(l.rate_cents),
                l.services.to_string(),
                l.minutes.to_string(),
                l.clients.to_string(),
                l.units.to_string(),
                format_cents(l.amount_cents),
            ]
        })
        .collect();
    rows.push(vec![
        ctx.tr.get("billing-total"),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        report.bill.eligible_clients.to_string(),
        String::new(),
        format_cents(report.bill.total_cents),
    ]);
    for f in &report.bill.flagged {
        rows.push(vec![
            format!("{}: {}", ctx.tr.get("billing-flagged"), f.category),
            ctx.tr.label("billing-flag", f.reason),
            f.provided_on.to_string(),
            format!("#{}", f.service_id),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    let subtitle = format!("{} · {program} · {:04}-{:02}", report.funder.name, report.year, report.month);
    Table { title: ctx.tr.get("billing-title"), subtitle, headers, rows, notes: vec![] }
}

pub async fn billing(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(p): Query<BillingParams>) -> AppResult<Response> {
    let org = ctx.org()?;
    let funders: Vec<(i64, String)> = state.store.funders(org).await?.into_iter().map(|f| (f.id, f.name)).collect();
    let programs: Vec<(i64, String)> = state.store.programs(org).await?.into_iter().map(|p| (p.id, p.name)).collect();
    let month = if p.month.is_empty() { today().format("%Y-%m").to_string() } else { p.month.clone() };
    let parsed = month.split_once('-').and_then(|(y, m)| Some((y.parse::<i32>().ok()?, m.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?)));
    let report = match (p.funder.parse::<i64>(), p.program.parse::<i64>(), parsed) {
        (Ok(f), Ok(pr), Some((y, m))) if funders.iter().any(|x| x.0 == f) && programs.iter().any(|x| x.0 == pr) => {
            Some(state.store.billing_report(org, f, pr, y, m).await?)
        }
        _ => None,
    };
    if let (Some(report), Some(format @ (Format::Csv | Format::Xlsx))) = (&report, Format::from_extension(&p.format)) {
        let program = programs.iter().find(|x| x.0 == report.program_id).map_or("", |x| x.1.as_str());
        let name = format!("billing-{}-{month}", report.funder.name.to_lowercase().replace(|c: char| !c.is_ascii_alphanumeric(), "-"));
        return Ok(bill_table(&ctx, report, program).download(format, &name)?);
    }
    let query = format!("funder={}&program={}&month={}", urlencoding::encode(&p.funder), urlencoding::encode(&p.program), urlencoding::encode(&month));
    Ok(html(&BillingPage { l: Layout::page(&ctx, "billing-title"), funders, programs, funder: p.funder, program: p.program, month, report, query }))
}
