//! The resource directory (HSDS): search for staff, import (upload) and export, and the
//! program settings page for services (categories, referral wait, eligibility, funders, rates).

use std::collections::BTreeMap;

use axum::extract::{Multipart, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use sendero_domain::services::{self as rules, RateUnit};
use sendero_store::directory::{DirService, DirectoryQuery};
use sendero_store::services::ServiceSettings;
use sendero_store::StoreError;
use serde::Deserialize;

use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{html, optional_id, see_other};
use crate::templates::Layout;
use crate::AppState;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SearchParams {
    q: String,
    category: String,
    language: String,
    /// Language to show names and descriptions in (a client's language).
    show_in: String,
    lat: String,
    lon: String,
    km: String,
    day: String,
    time: String,
}

pub struct ResultRow {
    pub s: DirService,
    pub name: String,
    pub description: String,
    pub distance: String,
    pub hours: String,
    pub translated: bool,
}

#[derive(askama::Template)]
#[template(path = "services/directory.html")]
struct DirectoryPage {
    l: Layout,
    p: SearchParams,
    categories: Vec<(String, String)>,
    days: Vec<(String, String)>,
    rows: Vec<ResultRow>,
    total: i64,
    can_import: bool,
    errors: Vec<sendero_hsds::ImportError>,
    message: String,
}

fn hours_text(ctx: &Ctx, s: &DirService) -> String {
    s.hours
        .iter()
        .map(|(d, o, c)| format!("{} {:02}:{:02}–{:02}:{:02}", ctx.tr.label("weekday", &d.to_string()), o / 60, o % 60, c / 60, c % 60))
        .collect::<Vec<_>>()
        .join(", ")
}

async fn directory_page(state: &AppState, ctx: &Ctx, p: SearchParams, errors: Vec<sendero_hsds::ImportError>, message: String) -> AppResult<DirectoryPage> {
    let user = ctx.user()?;
    let number = |s: &str| s.trim().parse::<f64>().ok().filter(|v| v.is_finite());
    let near = match (number(&p.lat), number(&p.lon)) {
        (Some(lat), Some(lon)) if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) => {
            Some((lat, lon, number(&p.km).unwrap_or(25.0).clamp(0.1, 500.0)))
        }
        _ => None,
    };
    let open_at = match (p.day.parse::<u8>().ok().filter(|d| *d < 7), sendero_hsds::index::minutes(p.time.trim())) {
        (Some(day), Some(minute)) => Some((day, minute)),
        _ => None,
    };
    let query = DirectoryQuery { text: Some(p.q.clone()), category: Some(p.category.clone()), language: Some(p.language.clone()), near, open_at, limit: 50 };
    let show_in = if p.show_in.is_empty() { ctx.tr.code().to_owned() } else { p.show_in.clone() };
    let rows = state
        .store
        .search_directory(user.org_id, &query)
        .await?
        .into_iter()
        .map(|s| {
            let (name, description) = s.localized(&show_in);
            ResultRow {
                translated: name != s.name,
                name,
                description: description.unwrap_or_default(),
                distance: s.distance_km.map(|d| format!("{d:.1} km")).unwrap_or_default(),
                hours: hours_text(ctx, &s),
                s,
            }
        })
        .collect();
    Ok(DirectoryPage {
        l: Layout::page(ctx, "directory-title"),
        categories: state.store.directory_categories(user.org_id).await?,
        days: (0..7).map(|d| (d.to_string(), ctx.tr.label("weekday", &d.to_string()))).collect(),
        rows,
        total: state.store.directory_size(user.org_id).await?,
        can_import: user.role.can(sendero_domain::Permission::ImportExport),
        errors,
        message,
        p,
    })
}

pub async fn search(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(p): Query<SearchParams>) -> AppResult<Response> {
    Ok(html(&directory_page(&state, &ctx, p, vec![], String::new()).await?))
}

/// Upload an HSDS JSON file, or `datapackage.json` with its CSV files: all or nothing.
pub async fn import(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, mut multipart: Multipart) -> AppResult<Response> {
    let mut files = BTreeMap::new();
    while let Some(field) = multipart.next_field().await.map_err(|_| AppError::BadRequest("directory-import-unreadable"))? {
        if field.name() != Some("files") {
            continue;
        }
        let name = field.file_name().map(|n| n.rsplit(['/', '\\']).next().unwrap_or(n).to_owned()).unwrap_or_default();
        let bytes = field.bytes().await.map_err(|_| AppError::BadRequest("directory-import-unreadable"))?;
        if !name.is_empty() && !bytes.is_empty() {
            files.insert(name, bytes.to_vec());
        }
    }
    let dir = match sendero_hsds::import(&files) {
        Ok(dir) => dir,
        Err(errors) => {
            let page = directory_page(&state, &ctx, SearchParams::default(), errors.0, ctx.tr.get("directory-import-failed")).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response());
        }
    };
    let summary = state.store.import_directory(ctx.actor()?, &dir, files.keys().next().map(String::as_str).unwrap_or("upload")).await?;
    let message = ctx.tr.count("directory-imported", summary.services as i64);
    Ok(html(&directory_page(&state, &ctx, SearchParams::default(), vec![], message).await?))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ExportParams {
    format: String,
    table: String,
}

/// Export as HSDS JSON, or one file of the tabular package (`datapackage.json` or a table's CSV).
pub async fn export(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(p): Query<ExportParams>) -> AppResult<Response> {
    let dir = state.store.export_directory(ctx.org()?).await?;
    let (name, mime, bytes) = match p.format.as_str() {
        "csv" => {
            let mut package = sendero_hsds::to_datapackage(&dir);
            let name = if p.table == "datapackage" { "datapackage.json".to_owned() } else { format!("{}.csv", p.table) };
            let bytes = package.remove(&name).ok_or(AppError::NotFound)?;
            let mime = if name.ends_with(".json") { "application/json" } else { "text/csv; charset=utf-8" };
            (name, mime, bytes)
        }
        _ => ("directory.json".to_owned(), "application/json", sendero_hsds::to_json(&dir)),
    };
    Ok(([(header::CONTENT_TYPE, mime.to_owned()), (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\""))], bytes).into_response())
}

// -- Program settings for services ---------------------------------------------------------------

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AdminParams {
    program: String,
}

pub struct RateRow {
    pub funder: String,
    pub category: String,
    pub unit: String,
    pub rate: String,
}

#[derive(askama::Template)]
#[template(path = "services/admin.html")]
struct AdminPage {
    l: Layout,
    programs: Vec<(i64, String)>,
    program: i64,
    categories: Vec<(String, String, bool, bool)>,
    settings: ServiceSettings,
    funders: Vec<(i64, String)>,
    rates: Vec<RateRow>,
    units: Vec<(String, String)>,
}

pub async fn admin(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(p): Query<AdminParams>) -> AppResult<Response> {
    let org = ctx.org()?;
    let programs: Vec<(i64, String)> = state.store.programs(org).await?.into_iter().map(|p| (p.id, p.name)).collect();
    let program = p.program.parse::<i64>().ok().filter(|id| programs.iter().any(|(p, _)| p == id)).or(programs.first().map(|p| p.0)).unwrap_or(0);
    let (mut categories, mut settings, mut rates) = (vec![], state.store.service_settings(org, None).await?, vec![]);
    let funders: Vec<(i64, String)> = state.store.funders(org).await?.into_iter().map(|f| (f.id, f.name)).collect();
    if program != 0 {
        categories = state
            .store
            .program_categories(org, program)
            .await?
            .into_iter()
            .map(|c| {
                let label = c.label.clone().unwrap_or_else(|| ctx.tr.label("service-category", &c.code));
                (c.code, label, c.builtin, c.enabled)
            })
            .collect();
        settings = state.store.service_settings(org, Some(program)).await?;
        for (funder_id, funder) in &funders {
            for (category, rate) in state.store.rates(org, *funder_id, program).await? {
                rates.push(RateRow {
                    funder: funder.clone(),
                    category: ctx.tr.label("service-category", &category),
                    unit: ctx.tr.label("rate-unit", rate.unit.as_str()),
                    rate: rules::format_cents(rate.cents),
                });
            }
        }
    }
    Ok(html(&AdminPage {
        l: Layout::page(&ctx, "services-admin-title"),
        programs,
        program,
        categories,
        settings,
        funders,
        rates,
        units: RateUnit::ALL.iter().map(|u| (u.as_str().to_owned(), ctx.tr.label("rate-unit", u.as_str()))).collect(),
    }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AdminForm {
    action: String,
    program: String,
    code: String,
    label: String,
    enabled: String,
    referral_wait_days: String,
    eligibility_months: String,
    name: String,
    funder_id: String,
    unit: String,
    rate: String,
}

pub async fn admin_save(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(f): Form<AdminForm>) -> AppResult<Response> {
    let actor = ctx.actor()?;
    let program = optional_id(&f.program)?;
    let need_program = || program.ok_or(AppError::BadRequest("error-invalid"));
    let result = match f.action.as_str() {
        "category" => {
            let label = Some(f.label.as_str()).filter(|l| !l.trim().is_empty());
            state.store.set_category(actor, need_program()?, f.code.trim(), label, f.enabled == "on" || f.enabled == "1").await
        }
        "settings" => {
            let wait = f.referral_wait_days.trim().parse::<i64>().map_err(|_| AppError::Refused("services-error-wait-days"))?;
            let months = match f.eligibility_months.trim() {
                "" => None,
                m => Some(m.parse::<i64>().map_err(|_| AppError::Refused("services-error-months"))?),
            };
            state.store.set_service_settings(actor, program, ServiceSettings { referral_wait_days: wait, eligibility_months: months }).await
        }
        "funder" => state.store.create_funder(actor, &f.name).await.map(|_| ()),
        "rate" => {
            let funder = optional_id(&f.funder_id)?.ok_or(AppError::BadRequest("error-invalid"))?;
            let unit = RateUnit::parse(&f.unit).ok_or(AppError::BadRequest("error-invalid"))?;
            let cents = rules::parse_cents(&f.rate).ok_or(AppError::Refused("services-error-money"))?;
            state.store.set_rate(actor, funder, need_program()?, f.code.trim(), unit, cents).await
        }
        _ => return Err(AppError::BadRequest("error-invalid")),
    };
    match result {
        Ok(()) => {}
        Err(StoreError::Invalid(errors)) => return Err(AppError::Refused(errors.0.first().map(|e| e.code).unwrap_or("error-invalid"))),
        Err(e) => return Err(e.into()),
    }
    Ok(see_other(&format!("/admin/services?program={}", program.unwrap_or(0))))
}
