//! Importing clients from a spreadsheet (upload → map columns → validate → commit all or
//! nothing) and exporting them in the same shape.

use axum::extract::{Multipart, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use std::collections::HashMap;

use sendero_store::import::{self, ImportError, Mapping, COLUMNS};

use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::html;
use crate::templates::{ImportPage, Layout};
use crate::AppState;

fn page(ctx: &Ctx, stage: &'static str) -> ImportPage {
    ImportPage {
        l: Layout::page(ctx, "import-title"),
        stage,
        headers: vec![],
        columns: vec![],
        data: String::new(),
        errors: vec![],
        imported: 0,
        message: String::new(),
    }
}

pub async fn form(Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    Ok(html(&page(&ctx, "upload")))
}

/// Step 1: read the file, show its columns against Sendero's, preselecting same-named ones.
pub async fn upload(Extension(ctx): Extension<Ctx>, mut multipart: Multipart) -> AppResult<Response> {
    let mut data = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(|_| AppError::BadRequest("import-error-not-csv"))? {
        if field.name() == Some("file") {
            data = field.bytes().await.map_err(|_| AppError::BadRequest("import-error-not-csv"))?.to_vec();
        }
    }
    let headers = match import::headers(&data) {
        Ok(h) if !data.is_empty() => h,
        _ => {
            let mut p = page(&ctx, "upload");
            p.errors = vec![ImportError { line: 1, field: String::new(), code: "import-error-not-csv" }];
            p.message = ctx.tr.get("import-failed");
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&p)).into_response());
        }
    };
    let mut p = page(&ctx, "map");
    p.columns = COLUMNS.iter().map(|c| ((*c).to_owned(), headers.iter().find(|h| h.eq_ignore_ascii_case(c)).cloned().unwrap_or_default())).collect();
    p.headers = headers;
    p.data = STANDARD.encode(&data);
    Ok(html(&p))
}

/// Step 2: validate every row with the chosen mapping; import only if all rows are valid.
pub async fn commit(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(form): Form<HashMap<String, String>>) -> AppResult<Response> {
    let data = STANDARD.decode(form.get("data").map(String::as_str).unwrap_or("")).map_err(|_| AppError::BadRequest("import-error-not-csv"))?;
    let mut mapping = Mapping::default();
    for column in COLUMNS {
        match form.get(&format!("map_{column}")).map(String::as_str) {
            Some("") => {
                // Skipped on purpose: point at a column name that cannot exist.
                mapping.0.insert(column.to_owned(), "\u{0}skipped".to_owned());
            }
            Some(source) => {
                mapping.0.insert(column.to_owned(), source.to_owned());
            }
            None => {}
        }
    }
    match import::parse(data.as_slice(), &mapping) {
        Ok(rows) => {
            let n = state.store.import_clients(ctx.actor()?, &rows, &|_, _| {}).await?;
            let mut p = page(&ctx, "done");
            p.imported = n;
            p.message = ctx.tr.count("import-done", n as i64);
            Ok(html(&p))
        }
        Err(errors) => {
            let mut p = page(&ctx, "upload");
            p.message = ctx.tr.count("import-rejected", errors.len() as i64);
            p.errors = errors;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&p)).into_response())
        }
    }
}

pub async fn export(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    let mut out = Vec::new();
    state.store.export_clients(ctx.org()?, &mut out).await?;
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8"), (header::CONTENT_DISPOSITION, "attachment; filename=\"clients.csv\"")], out).into_response())
}
