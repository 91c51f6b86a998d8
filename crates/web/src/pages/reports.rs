//! Outcome reports: de-identified pre/post statistics per program, site and period.

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use chrono::NaiveDate;
use sendero_domain::instrument::localized;
use sendero_domain::outcomes::{build, AssessmentFact, OutcomeReport};
use sendero_stats::svg::{pre_post_bars, Axes};
use sendero_stats::RowKind;
use serde::Deserialize;

use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{html, optional_id};
use crate::templates::{Layout, OutcomePage, OutcomeRowView};
use crate::AppState;

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ReportParams {
    program: String,
    site: String,
    instrument: String,
    from: String,
    to: String,
}

fn date(raw: &str) -> Result<Option<NaiveDate>, AppError> {
    match raw.trim() {
        "" => Ok(None),
        s => NaiveDate::parse_from_str(s, "%Y-%m-%d").map(Some).map_err(|_| AppError::BadRequest("error-date-format")),
    }
}

fn day_of(timestamp: &str) -> Option<NaiveDate> {
    timestamp.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// Load and compute the report; `None` when no program is chosen yet.
async fn compute(state: &AppState, ctx: &Ctx, p: &ReportParams) -> AppResult<Option<(OutcomeReport, String)>> {
    let org = ctx.org()?;
    let Some(program) = optional_id(&p.program)? else { return Ok(None) };
    state.store.program(org, program).await?;
    let site = optional_id(&p.site)?;
    let key = if p.instrument.is_empty() { "family-functioning" } else { p.instrument.as_str() };
    let instruments = state.store.instruments(org).await?;
    let instrument = instruments.into_iter().find(|i| i.definition.key == key).ok_or(AppError::NotFound)?.definition;
    let records = state.store.outcome_records(org, program, site, key).await?;
    let facts: Vec<AssessmentFact> = records
        .into_iter()
        .filter_map(|r| {
            Some(AssessmentFact {
                case_id: r.case_id,
                timing: r.timing,
                taken_on: NaiveDate::parse_from_str(&r.taken_on, "%Y-%m-%d").ok()?,
                instrument_version: r.instrument_version,
                scores: r.scores,
                opened_on: day_of(&r.opened_at)?,
                closed_on: r.closed_at.as_deref().and_then(day_of),
                lost_contact: r.closure_reason.as_deref() == Some("lost_contact"),
            })
        })
        .collect();
    let report = build(&instrument, &facts, ctx.tr.code(), date(&p.from)?, date(&p.to)?);
    Ok(Some((report, localized(&instrument.title, ctx.tr.code()).to_owned())))
}

fn num(v: Option<f64>, digits: usize) -> String {
    match v {
        Some(x) if x.is_finite() => format!("{x:.digits$}"),
        _ => "—".into(),
    }
}

fn p_value(v: Option<f64>) -> String {
    match v {
        Some(p) if p < 0.001 => "< 0.001".into(),
        other => num(other, 3),
    }
}

pub async fn outcomes(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(p): Query<ReportParams>) -> AppResult<Response> {
    let org = ctx.org()?;
    let programs = state.store.programs(org).await?;
    let sites = state.store.sites(org).await?;
    let instruments: Vec<(String, String)> =
        state.store.instruments(org).await?.into_iter().map(|i| (i.definition.key.clone(), localized(&i.definition.title, ctx.tr.code()).to_owned())).collect();
    let computed = compute(&state, &ctx, &p).await?;
    let tr = &ctx.tr;
    let mut page = OutcomePage {
        l: Layout::page(&ctx, "outcomes-title"),
        programs: programs.into_iter().map(|x| (x.id, x.name)).collect(),
        sites: sites.into_iter().map(|x| (x.id, x.name)).collect(),
        instruments,
        program: p.program.clone(),
        site: p.site.clone(),
        instrument: if p.instrument.is_empty() { "family-functioning".into() } else { p.instrument.clone() },
        from: p.from.clone(),
        to: p.to.clone(),
        ready: computed.is_some(),
        summary: vec![],
        baseline: vec![],
        rows: vec![],
        chart: String::new(),
        csv_url: String::new(),
    };
    if let Some((report, title)) = computed {
        let completion = report.completion.as_ref();
        let months = report.months_of_service.as_ref();
        page.summary = vec![
            (tr.get("outcomes-baseline"), report.families_with_baseline.to_string()),
            (tr.get("outcomes-closure"), report.families_with_closure.to_string()),
            (
                tr.get("outcomes-completion"),
                completion
                    .map(|c| format!("{:.0}% ({:.0}–{:.0}%)", c.completion.rate * 100.0, c.completion.ci95_low * 100.0, c.completion.ci95_high * 100.0))
                    .unwrap_or_else(|| "—".into()),
            ),
            (tr.get("outcomes-lost-contact"), report.lost_contact.to_string()),
            (tr.get("outcomes-months"), months.map(|m| format!("{:.1} / {:.1} / {:.1} / {:.1}", m.min, m.median, m.mean, m.max)).unwrap_or_else(|| "—".into())),
            (tr.get("outcomes-version-changes"), report.version_changes.to_string()),
            (tr.get("outcomes-closure-without-baseline"), report.closure_without_baseline.to_string()),
        ];
        let b = &report.baseline;
        page.baseline = vec![
            (
                tr.get("outcomes-completers"),
                b.completers.as_ref().map(|d| format!("n = {}, {} {:.2}", d.n, tr.get("outcomes-mean"), d.mean)).unwrap_or_else(|| "—".into()),
            ),
            (
                tr.get("outcomes-non-completers"),
                b.non_completers.as_ref().map(|d| format!("n = {}, {} {:.2}", d.n, tr.get("outcomes-mean"), d.mean)).unwrap_or_else(|| "—".into()),
            ),
            (
                tr.get("outcomes-baseline-difference"),
                b.welch
                    .as_ref()
                    .map(|w| format!("{:+.2} (95% CI {:.2} to {:.2}), p = {}", w.mean_diff, w.ci95_low, w.ci95_high, p_value(Some(w.p_two_sided))))
                    .unwrap_or_else(|| "—".into()),
            ),
            (tr.get("outcomes-smd"), num(b.standardized_difference, 2)),
        ];
        page.rows = report
            .table
            .rows
            .iter()
            .map(|r| OutcomeRowView {
                label: r.label.clone(),
                kind: match r.kind {
                    RowKind::Total => "total",
                    RowKind::Domain => "domain",
                    RowKind::Item => "item",
                },
                n: r.n,
                mean_pre: num(r.mean_pre, 2),
                mean_post: num(r.mean_post, 2),
                change: num(r.mean_change, 2),
                ci: match (r.change_ci95_low, r.change_ci95_high) {
                    (Some(a), Some(b)) => format!("{a:.2} – {b:.2}"),
                    _ => "—".into(),
                },
                t_p: p_value(r.t_p),
                t_p_holm: p_value(r.t_p_holm),
                w_p: p_value(r.wilcoxon_p),
                w_p_holm: p_value(r.wilcoxon_p_holm),
                d_z: num(r.d_z, 2),
                r_rb: num(r.rank_biserial, 2),
            })
            .collect();
        let bars: Vec<(&str, f64, f64)> = report
            .table
            .rows
            .iter()
            .filter(|r| r.kind != RowKind::Item)
            .map(|r| (r.label.as_str(), r.mean_pre.unwrap_or(f64::NAN), r.mean_post.unwrap_or(f64::NAN)))
            .collect();
        let desc = report
            .table
            .rows
            .iter()
            .filter(|r| r.kind != RowKind::Item)
            .map(|r| format!("{}: {} → {}", r.label, num(r.mean_pre, 2), num(r.mean_post, 2)))
            .collect::<Vec<_>>()
            .join("; ");
        page.chart = pre_post_bars(
            &bars,
            &tr.with("outcomes-chart-title", &[("instrument", title)]),
            &desc,
            Axes { x: &tr.get("outcomes-chart-x"), y: &tr.get("outcomes-chart-y") },
            [&tr.get("timing-intake"), &tr.get("timing-closure")],
        );
        page.csv_url = format!(
            "/reports/outcomes.csv?program={}&site={}&instrument={}&from={}&to={}",
            p.program,
            p.site,
            urlencoding::encode(&page.instrument),
            p.from,
            p.to
        );
    }
    Ok(html(&page))
}

pub async fn outcomes_csv(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(p): Query<ReportParams>) -> AppResult<Response> {
    let Some((report, _)) = compute(&state, &ctx, &p).await? else { return Err(AppError::BadRequest("error-invalid")) };
    let mut out = String::from(
        "variable,kind,n,n_excluded,mean_pre,mean_post,mean_change,ci95_low,ci95_high,t_p,t_p_holm,wilcoxon_p,wilcoxon_p_holm,d_z,rank_biserial\n",
    );
    let f = |v: Option<f64>| v.filter(|x| x.is_finite()).map(|x| format!("{x}")).unwrap_or_default();
    for r in &report.table.rows {
        let label = r.label.replace('"', "\"\"");
        out.push_str(&format!(
            "\"{label}\",{:?},{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
            r.kind,
            r.n,
            r.n_excluded,
            f(r.mean_pre),
            f(r.mean_post),
            f(r.mean_change),
            f(r.change_ci95_low),
            f(r.change_ci95_high),
            f(r.t_p),
            f(r.t_p_holm),
            f(r.wilcoxon_p),
            f(r.wilcoxon_p_holm),
            f(r.d_z),
            f(r.rank_biserial)
        ));
    }
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8"), (header::CONTENT_DISPOSITION, "attachment; filename=\"outcomes.csv\"")], out).into_response())
}
