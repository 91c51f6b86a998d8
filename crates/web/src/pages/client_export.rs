//! A client's complete record as a printable page and as JSON (their own copy). Logged as a read.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use sendero_store::client_export::ExportedSection;

use crate::auth::Ctx;
use crate::error::AppResult;
use crate::forms::html;
use crate::templates::Layout;
use crate::AppState;

#[derive(Template)]
#[template(path = "clients/export.html")]
pub struct ExportPage {
    pub l: Layout,
    pub client_id: i64,
    pub name: String,
    pub generated_at: String,
    pub sections: Vec<ExportedSection>,
}

/// Values as shown on the page (JSON keeps their types).
pub fn shown(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "—".to_owned(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

pub async fn page(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Response> {
    let org = ctx.org()?;
    let client = state.store.client(org, id).await?;
    let sections = state.store.client_export(org, id).await?;
    state.store.audit_read(ctx.actor()?, "client_export", id).await?;
    let name = client.full_name();
    Ok(html(&ExportPage {
        l: Layout::new(Some(&ctx), ctx.tr.clone(), &ctx.tr.with("export-title", &[("name", name.clone())])),
        client_id: id,
        name,
        generated_at: sendero_store::now()[..16].replace('T', " "),
        sections,
    }))
}

pub async fn json(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Response> {
    let org = ctx.org()?;
    state.store.client(org, id).await?;
    let sections = state.store.client_export(org, id).await?;
    state.store.audit_read(ctx.actor()?, "client_export", id).await?;
    let mut body = serde_json::Map::new();
    body.insert("format".into(), "sendero-client-export/1".into());
    body.insert("generated_at".into(), sendero_store::now().into());
    for s in sections {
        let rows: Vec<serde_json::Value> = s.rows.into_iter().map(|r| serde_json::Value::Object(r.into_iter().collect())).collect();
        body.insert(s.key.to_owned(), rows.into());
    }
    let disposition = format!("attachment; filename=\"client-{id}.json\"");
    Ok((
        [(header::CONTENT_TYPE, "application/json".to_owned()), (header::CONTENT_DISPOSITION, disposition)],
        serde_json::to_string_pretty(&body).map_err(anyhow::Error::from)?,
    )
        .into_response())
}
