//! Scheduled reports: administrators choose a report, a format, monthly or quarterly, and who
//! receives it; the worker makes each run (`Scheduler` below renders it) and emails a link, never
//! the file. Runs are downloaded signed in, from the organization's own list.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use sendero_domain::board::Period;
use sendero_domain::report_schedule::{Cadence, FORMATS, REPORTS};
use sendero_domain::Permission;
use sendero_store::report_schedules::{BoxFuture, NewSchedule, RenderedReport, ReportRenderer, ReportRun, ReportSchedule, RunNotice};
use sendero_store::users::User;
use sendero_store::{today, Store, StoreError};

use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::export::{attachment, Format};
use crate::forms::{form_pairs, html, optional_id, see_other};
use crate::i18n::{Tr, LANGUAGES};
use crate::pages::board::{board_report, consortium_report};
use crate::templates::Layout;
use crate::AppState;

/// Renders scheduled runs for the worker, in the schedule's language.
pub struct Scheduler;

impl ReportRenderer for Scheduler {
    fn render<'a>(&'a self, store: &'a Store, schedule: &'a ReportSchedule, period: Period) -> BoxFuture<'a, anyhow::Result<RenderedReport>> {
        Box::pin(async move {
            let tr = Tr::new(&schedule.language);
            let table = match schedule.report.as_str() {
                "board" => board_report(store, &tr, schedule.org_id, schedule.program_id, period).await?,
                "consortium" => consortium_report(store, &tr, schedule.org_id, period).await?,
                other => anyhow::bail!("report {other} cannot be scheduled"),
            };
            let format = Format::from_extension(&schedule.format).ok_or_else(|| anyhow::anyhow!("format {} unknown", schedule.format))?;
            let (content, mime, ext) = table.render(format)?;
            Ok(RenderedReport { file_name: format!("{}-{}-{}.{ext}", schedule.report, period.from, period.to), content_type: mime.to_owned(), content })
        })
    }

    fn notice(&self, schedule: &ReportSchedule, period: Period, recipient: &User, link: &str) -> RunNotice {
        let tr = Tr::new(&recipient.locale);
        let args = [
            ("report", tr.get(report_title(&schedule.report))),
            ("from", period.from.to_string()),
            ("to", period.to.to_string()),
            ("link", link.to_owned()),
            ("name", recipient.display_name.clone()),
        ];
        RunNotice {
            user_id: recipient.id,
            email: recipient.email.clone(),
            language: tr.code().to_owned(),
            subject: tr.with("schedule-mail-subject", &args),
            body: tr.with("schedule-mail-body", &args),
        }
    }
}

fn report_title(report: &str) -> &'static str {
    ReportRun { report: report.to_owned(), ..ReportRun::default() }.report_title()
}

/// A schedule as listed.
pub struct ScheduleRow {
    pub s: ReportSchedule,
    pub report: String,
    pub program: String,
    pub recipients: String,
}

#[derive(askama::Template)]
#[template(path = "reports/schedules.html")]
struct SchedulesPage {
    l: Layout,
    schedules: Vec<ScheduleRow>,
    runs: Vec<ReportRun>,
    can_edit: bool,
    error: String,
    programs: Vec<(i64, String)>,
    recipients: Vec<(i64, String, bool)>,
    reports: Vec<(&'static str, String)>,
    formats: &'static [&'static str],
    cadences: Vec<(&'static str, String)>,
    languages: &'static [(&'static str, &'static str)],
    /// What was entered, when the form comes back with an error.
    form: ScheduleForm,
}

#[derive(Default, Clone)]
pub struct ScheduleForm {
    pub report: String,
    pub format: String,
    pub cadence: String,
    pub program_id: String,
    pub language: String,
    pub recipients: Vec<i64>,
}

async fn page(state: &AppState, ctx: &Ctx, error: String, form: ScheduleForm) -> AppResult<SchedulesPage> {
    let org = ctx.org()?;
    let tr = &ctx.tr;
    let programs: Vec<(i64, String)> = state.store.programs(org).await?.into_iter().map(|p| (p.id, p.name)).collect();
    let people = state.store.report_recipients(org).await?;
    let mut schedules = Vec::new();
    for s in state.store.report_schedules(org).await? {
        let names: Vec<String> = state.store.schedule_recipients(&s).await?.into_iter().map(|u| u.display_name).collect();
        let program = s.program_id.and_then(|id| programs.iter().find(|(p, _)| *p == id)).map_or_else(|| tr.get("schedule-all-programs"), |(_, n)| n.clone());
        schedules.push(ScheduleRow { report: tr.get(report_title(&s.report)), program, recipients: names.join(", "), s });
    }
    Ok(SchedulesPage {
        l: Layout::page(ctx, "schedules-title"),
        schedules,
        runs: state.store.report_runs(org, 50).await?,
        can_edit: ctx.user()?.role.can(Permission::Administer),
        error,
        recipients: people
            .into_iter()
            .map(|u| (u.id, format!("{} ({})", u.display_name, tr.label("role", u.role.as_str())), form.recipients.contains(&u.id)))
            .collect(),
        programs,
        reports: REPORTS.iter().map(|r| (*r, tr.get(report_title(r)))).collect(),
        formats: &FORMATS,
        cadences: Cadence::ALL.iter().map(|c| (c.as_str(), tr.get(&format!("schedule-cadence-{}", c.as_str())))).collect(),
        languages: &LANGUAGES,
        form,
    })
}

pub async fn list(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    let form = ScheduleForm { language: ctx.tr.code().to_owned(), ..Default::default() };
    Ok(html(&page(&state, &ctx, String::new(), form).await?))
}

async fn refused(state: &AppState, ctx: &Ctx, key: &'static str, form: ScheduleForm) -> AppResult<Response> {
    Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page(state, ctx, ctx.tr.get(key), form).await?)).into_response())
}

pub async fn create(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, body: Bytes) -> AppResult<Response> {
    let mut form = ScheduleForm::default();
    for (k, v) in form_pairs(&body) {
        match k.as_str() {
            "report" => form.report = v,
            "format" => form.format = v,
            "cadence" => form.cadence = v,
            "program_id" => form.program_id = v,
            "language" => form.language = v,
            "recipient" => match v.trim().parse() {
                Ok(id) => form.recipients.push(id),
                Err(_) => return Err(AppError::BadRequest("error-invalid")),
            },
            _ => {}
        }
    }
    let program_id = optional_id(&form.program_id)?;
    if !LANGUAGES.iter().any(|(c, _)| *c == form.language) {
        return refused(&state, &ctx, "schedule-error-language", form).await;
    }
    let new =
        NewSchedule { report: &form.report, format: &form.format, cadence: &form.cadence, program_id, language: &form.language, recipients: &form.recipients };
    match state.store.create_report_schedule(ctx.actor()?, &new, today()).await {
        Ok(_) => Ok(see_other("/reports/schedules")),
        Err(StoreError::Refused(code)) => refused(&state, &ctx, code, form).await,
        Err(e) => Err(e.into()),
    }
}

/// Pause or resume (`active=0|1`, with the `version` shown).
pub async fn set_active(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(schedule_id): Path<i64>, body: Bytes) -> AppResult<Response> {
    let pairs = form_pairs(&body);
    let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.trim().to_owned()).unwrap_or_default();
    let active = match get("active").as_str() {
        "1" => true,
        "0" => false,
        _ => return Err(AppError::BadRequest("error-invalid")),
    };
    let version: i64 = get("version").parse().map_err(|_| AppError::BadRequest("error-invalid"))?;
    match state.store.set_report_schedule_active(ctx.actor()?, schedule_id, active, version).await {
        Ok(()) => Ok(see_other("/reports/schedules")),
        Err(StoreError::Conflict { .. }) => refused(&state, &ctx, "schedule-error-conflict", ScheduleForm::default()).await,
        Err(e) => Err(e.into()),
    }
}

/// A run's file.
pub async fn download(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(run_id): Path<i64>) -> AppResult<Response> {
    let (run, bytes) = state.store.report_run_file(ctx.org()?, run_id).await?;
    Ok(attachment(bytes, &run.content_type, &run.file_name))
}
