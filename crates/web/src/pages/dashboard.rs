//! The first page after sign-in: the user's own caseload.

use axum::extract::State;
use axum::response::Response;
use axum::Extension;
use sendero_domain::{CaseStatus, Permission};
use sendero_store::cases::{CaseQuery, CaseSort};
use sendero_store::clients::ClientQuery;

use crate::auth::Ctx;
use crate::error::AppResult;
use crate::forms::html;
use crate::templates::{DashboardPage, Layout};
use crate::AppState;

pub async fn show(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    let user = ctx.user()?;
    let can_cases = user.role.can(Permission::ReadCases);
    let (mut my_cases, mut my_open, mut org_open, mut org_clients) = (vec![], 0, 0, 0);
    if can_cases {
        let mine =
            CaseQuery { status: Some(CaseStatus::Open), case_manager_id: Some(user.id), sort: CaseSort::Updated, page: 1, per_page: 10, ..Default::default() };
        let page = state.store.list_cases(user.org_id, &mine).await?;
        my_open = page.total;
        my_cases = page.items;
        org_open = state.store.list_cases(user.org_id, &CaseQuery { status: Some(CaseStatus::Open), page: 1, per_page: 1, ..Default::default() }).await?.total;
        org_clients = state.store.list_clients(user.org_id, &ClientQuery { page: 1, per_page: 1, ..Default::default() }).await?.total;
    }
    // Each feature adds its panel here, one line each.
    let panels: Vec<String> = [
        crate::pages::tasks::dashboard_panel(&state, &ctx).await?,
        crate::pages::calendar::dashboard_panel(&state, &ctx).await?,
        crate::pages::referrals::dashboard_panel(&state, &ctx).await?,
        crate::pages::sharing::dashboard_panel(&state, &ctx).await?,
        crate::pages::overview::dashboard_panel(&state, &ctx).await?,
        crate::pages::volunteers::dashboard_panel(&state, &ctx).await?,
    ]
    .into_iter()
    .flatten()
    .collect();
    Ok(html(&DashboardPage { l: Layout::page(&ctx, "dashboard-title"), my_cases, my_open, org_open, org_clients, can_cases, panels }))
}
