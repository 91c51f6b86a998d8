//! Tasks on the dashboard ("my tasks") and on a case (its follow-ups), and the forms that add
//! and finish them. Other features create tasks through the store; they show up here.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use sendero_domain::{Permission, Role};
use sendero_store::tasks::{NewTask, Task, STATUS_CANCELLED, STATUS_DONE};
use sendero_store::{today, StoreError};
use serde::Deserialize;

use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{optional_id, see_other};
use crate::templates::{render, Layout};
use crate::AppState;

/// A task as shown: translated kind, due date and whether it is late.
pub struct TaskRow {
    pub task: Task,
    pub kind: String,
    pub overdue: bool,
    pub assignee: String,
}

#[derive(askama::Template)]
#[template(path = "tasks/panel.html")]
struct PanelTemplate {
    l: Layout,
    rows: Vec<TaskRow>,
}

#[derive(askama::Template)]
#[template(path = "tasks/section.html")]
struct SectionTemplate {
    l: Layout,
    case_id: i64,
    rows: Vec<TaskRow>,
    staff: Vec<(i64, String)>,
    can_write: bool,
    error: String,
}

async fn rows(state: &AppState, ctx: &Ctx, tasks: Vec<Task>) -> AppResult<Vec<TaskRow>> {
    let user = ctx.user()?;
    let people = state.store.users(user.org_id).await?;
    let today = today();
    Ok(tasks
        .into_iter()
        .map(|task| TaskRow {
            kind: ctx.tr.label("task-kind", &task.kind),
            overdue: task.is_overdue(today),
            assignee: task.assignee_id.and_then(|id| people.iter().find(|u| u.id == id)).map(|u| u.display_name.clone()).unwrap_or_default(),
            task,
        })
        .collect())
}

/// "My tasks" for the dashboard: open tasks assigned to the user, soonest first.
pub async fn dashboard_panel(state: &AppState, ctx: &Ctx) -> AppResult<Option<String>> {
    let user = ctx.user()?;
    if !user.role.can(Permission::ReadCases) {
        return Ok(None);
    }
    let tasks = state.store.open_tasks_for(user.org_id, user.id, 20).await?;
    let rows = rows(state, ctx, tasks).await?;
    Ok(Some(render(&PanelTemplate { l: Layout::new(Some(ctx), ctx.tr.clone(), ""), rows })))
}

/// The tasks section of a case page.
pub async fn case_section(state: &AppState, ctx: &Ctx, case_id: i64, error: String) -> AppResult<String> {
    let user = ctx.user()?;
    let tasks = state.store.case_tasks(user.org_id, case_id).await?;
    let rows = rows(state, ctx, tasks).await?;
    let staff = state
        .store
        .users(user.org_id)
        .await?
        .into_iter()
        .filter(|u| u.active && matches!(u.role, Role::CaseManager | Role::Supervisor | Role::IntakeWorker))
        .map(|u| (u.id, u.display_name))
        .collect();
    let can_write = user.role.can(Permission::WriteCases);
    Ok(render(&SectionTemplate { l: Layout::new(Some(ctx), ctx.tr.clone(), ""), case_id, rows, staff, can_write, error }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewTaskForm {
    title: String,
    due_on: String,
    assignee_id: String,
}

pub const MAX_TITLE: usize = 300;

/// Add a task to a case. Errors re-render the case with the message in the tasks section.
pub async fn create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(case_id): Path<i64>,
    Form(f): Form<NewTaskForm>,
) -> AppResult<Response> {
    let user = ctx.user()?;
    let title = f.title.trim();
    let due_on = match f.due_on.trim() {
        "" => Ok(None),
        raw => raw.parse::<chrono::NaiveDate>().map(Some).map_err(|_| "task-error-date"),
    };
    let assignee = optional_id(&f.assignee_id)?;
    if let Some(id) = assignee {
        if !state.store.users(user.org_id).await?.iter().any(|u| u.id == id && u.active) {
            return Err(AppError::BadRequest("error-invalid"));
        }
    }
    let problem = if title.is_empty() {
        Some("task-error-title")
    } else if title.chars().count() > MAX_TITLE {
        Some("task-error-title-long")
    } else {
        due_on.err()
    };
    if let Some(key) = problem {
        let body = super::cases::render_with_task_error(&state, &ctx, case_id, ctx.tr.get(key)).await?;
        return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
    }
    let case = state.store.case(user.org_id, case_id).await?;
    let task = NewTask {
        case_id: Some(case_id),
        client_id: Some(case.client_id),
        kind: "general",
        title,
        due_on: due_on.unwrap_or(None),
        assignee_id: assignee,
        source: None,
    };
    state.store.create_task(ctx.actor()?, &task).await?;
    Ok(see_other(&format!("/cases/{case_id}#tasks-h")))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FinishForm {
    version: i64,
    status: String,
    back: String,
}

/// Mark a task done or cancelled, then go back where the user was (a local path only).
pub async fn finish(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(task_id): Path<i64>, Form(f): Form<FinishForm>) -> AppResult<Response> {
    let status = match f.status.as_str() {
        "done" => STATUS_DONE,
        "cancelled" => STATUS_CANCELLED,
        _ => return Err(AppError::BadRequest("error-invalid")),
    };
    match state.store.finish_task(ctx.actor()?, task_id, f.version, status).await {
        Ok(()) | Err(StoreError::Conflict { .. }) => {}
        Err(e) => return Err(e.into()),
    }
    // A conflict means someone else finished it first: either way the list is now current.
    let back = if f.back.starts_with('/') && !f.back.starts_with("//") { f.back.as_str() } else { "/" };
    Ok(see_other(back))
}
