//! Care networks (staff), "My families" (volunteers, phone-first), and rides and interpreters.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use sendero_domain::care::rides::{RideDraft, RideInput};
use sendero_domain::care::{NetworkRole, RequestKind, RidePurpose};
use sendero_domain::{FieldErrors, Role};
use sendero_store::care_networks::{FamilyView, Member, Message, Network, Task, TaskAction};
use sendero_store::rides::{Offer, Ride, RideTotal};
use sendero_store::{today, StoreError};
use serde::Deserialize;

use super::volunteers::{posted_id, FluentTexts};
use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{html, see_other};
use crate::templates::{field_error, Layout};
use crate::AppState;

fn role_options(ctx: &Ctx) -> Vec<(&'static str, String)> {
    NetworkRole::ALL.iter().map(|r| (r.as_str(), ctx.tr.label("network-role", r.as_str()))).collect()
}

fn purpose_options(ctx: &Ctx) -> Vec<(&'static str, String)> {
    RidePurpose::ALL.iter().map(|p| (p.as_str(), ctx.tr.label("ride-purpose", p.as_str()))).collect()
}

// ---------------------------------------------------------------------------------------------
// Staff: the networks and one network's board.

#[derive(askama::Template)]
#[template(path = "care/networks.html")]
pub struct NetworksPage {
    pub l: Layout,
    pub networks: Vec<Network>,
    pub households: Vec<(i64, String)>,
}

pub async fn networks(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    let org = ctx.org()?;
    let networks = state.store.networks(org).await?;
    let households = state.store.households_without_network(org).await?;
    Ok(html(&NetworksPage { l: Layout::page(&ctx, "network-list-title"), networks, households }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct HouseholdForm {
    household_id: String,
}

pub async fn create_network(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(f): Form<HouseholdForm>) -> AppResult<Response> {
    let household = posted_id(&f.household_id)?;
    let id = state.store.create_network(ctx.actor()?, household).await?;
    Ok(see_other(&format!("/networks/{id}")))
}

#[derive(Default)]
pub struct RideFormValues {
    pub kind: String,
    pub purpose: String,
    pub pickup: String,
    pub pickup_zip: String,
    pub destination: String,
    pub at: String,
    pub passengers: String,
    pub child_seats: String,
    pub language: String,
    pub transit_note: String,
}

#[derive(askama::Template)]
#[template(path = "care/network.html")]
pub struct NetworkPage {
    pub l: Layout,
    pub network: Network,
    pub members: Vec<Member>,
    pub candidates: Vec<(i64, String)>,
    pub roles: Vec<(&'static str, String)>,
    pub purposes: Vec<(&'static str, String)>,
    pub tasks: Vec<Task>,
    pub messages: Vec<Message>,
    pub rides: Vec<Ride>,
    pub ride: RideFormValues,
    pub errors: FieldErrors,
    pub error: String,
    /// Where the shared board's forms post.
    pub base: String,
}

impl NetworkPage {
    fn err(&self, field: &str) -> String {
        field_error(&self.l.tr, &self.errors, field)
    }
}

async fn network_page(state: &AppState, ctx: &Ctx, id: i64, ride: RideFormValues, errors: FieldErrors, error: String) -> AppResult<NetworkPage> {
    let org = ctx.org()?;
    let network = state.store.network(org, id).await?;
    let members = state.store.network_members(org, id).await?;
    // Staff, and volunteers who are approved (clearance is enforced when adding).
    let candidates = state
        .store
        .users(org)
        .await?
        .into_iter()
        .filter(|u| u.active && matches!(u.role, Role::Administrator | Role::Supervisor | Role::CaseManager | Role::IntakeWorker | Role::Volunteer))
        .map(|u| (u.id, format!("{} · {}", u.display_name, ctx.tr.label("role", u.role.as_str()))))
        .collect();
    let rides = state.store.rides(org).await?.into_iter().filter(|r| r.household_id == network.household_id).collect();
    Ok(NetworkPage {
        l: Layout::new(Some(ctx), ctx.tr.clone(), &network.family_name),
        tasks: state.store.tasks(org, id).await?,
        messages: state.store.messages(org, id).await?,
        network,
        members,
        candidates,
        roles: role_options(ctx),
        purposes: purpose_options(ctx),
        rides,
        ride,
        errors,
        error,
        base: format!("/networks/{id}"),
    })
}

pub async fn network(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Response> {
    Ok(html(&network_page(&state, &ctx, id, RideFormValues::default(), FieldErrors::default(), String::new()).await?))
}

async fn refused_network(state: &AppState, ctx: &Ctx, id: i64, code: &'static str) -> AppResult<Response> {
    let page = network_page(state, ctx, id, RideFormValues::default(), FieldErrors::default(), ctx.tr.get(code)).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MemberForm {
    user_id: String,
    role: String,
}

pub async fn add_member(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>, Form(f): Form<MemberForm>) -> AppResult<Response> {
    let user = posted_id(&f.user_id)?;
    let role = NetworkRole::parse(&f.role).ok_or(AppError::BadRequest("error-invalid"))?;
    match state.store.add_network_member(ctx.actor()?, id, user, role).await {
        Ok(_) => Ok(see_other(&format!("/networks/{id}"))),
        Err(StoreError::Refused(code)) => refused_network(&state, &ctx, id, code).await,
        Err(StoreError::NotFound) => Err(AppError::BadRequest("error-invalid")),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct GrantForm {
    member_id: String,
    granted: String,
}

pub async fn grant(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>, Form(f): Form<GrantForm>) -> AppResult<Response> {
    let member = posted_id(&f.member_id)?;
    match state.store.set_sensitive_grant(ctx.actor()?, id, member, f.granted == "1").await {
        Ok(()) => Ok(see_other(&format!("/networks/{id}"))),
        Err(StoreError::NotFound) => Err(AppError::BadRequest("error-invalid")),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TaskForm {
    title: String,
    due_on: String,
    action: String,
}

fn parse_due(raw: &str) -> Result<Option<chrono::NaiveDate>, &'static str> {
    match raw.trim() {
        "" => Ok(None),
        s => s.parse().map(Some).map_err(|_| "error-date-format-day"),
    }
}

/// Add a task (staff or a member volunteer); `back` is where to return.
async fn add_task_for(state: &AppState, ctx: &Ctx, id: i64, f: &TaskForm, back: &str) -> AppResult<Response> {
    let due = parse_due(&f.due_on).map_err(AppError::Refused)?;
    match state.store.add_task(ctx.actor()?, id, &f.title, due).await {
        Ok(_) => Ok(see_other(back)),
        Err(StoreError::Refused(code)) => Err(AppError::Refused(code)),
        Err(e) => Err(e.into()),
    }
}

pub async fn add_task(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>, Form(f): Form<TaskForm>) -> AppResult<Response> {
    if f.title.trim().is_empty() {
        return refused_network(&state, &ctx, id, "network-error-task-title").await;
    }
    add_task_for(&state, &ctx, id, &f, &format!("/networks/{id}#tasks-h")).await
}

fn task_action(raw: &str) -> AppResult<TaskAction> {
    match raw {
        "take" => Ok(TaskAction::Take),
        "done" => Ok(TaskAction::Done),
        _ => Err(AppError::BadRequest("error-invalid")),
    }
}

pub async fn update_task(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((id, task)): Path<(i64, i64)>,
    Form(f): Form<TaskForm>,
) -> AppResult<Response> {
    let action = task_action(&f.action)?;
    state.store.update_task(ctx.actor()?, id, task, action).await?;
    Ok(see_other(&format!("/networks/{id}#tasks-h")))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MessageForm {
    body: String,
}

pub async fn post_message(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    Form(f): Form<MessageForm>,
) -> AppResult<Response> {
    state.store.post_message(ctx.actor()?, id, &f.body).await?;
    Ok(see_other(&format!("/networks/{id}#thread-h")))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RideForm {
    kind: String,
    purpose: String,
    pickup: String,
    pickup_zip: String,
    destination: String,
    at: String,
    passengers: String,
    child_seats: String,
    language: String,
    transit_note: String,
}

/// A case manager requests a ride or an interpreter for the network's family.
pub async fn request_ride(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>, Form(f): Form<RideForm>) -> AppResult<Response> {
    let org = ctx.org()?;
    let network = state.store.network(org, id).await?;
    let input = RideInput {
        kind: f.kind.clone(),
        purpose: f.purpose.clone(),
        pickup: f.pickup.clone(),
        pickup_zip: f.pickup_zip.clone(),
        destination: f.destination.clone(),
        at: f.at.clone(),
        passengers: f.passengers.clone(),
        child_seats: f.child_seats.clone(),
        language: f.language.clone(),
        transit_note: f.transit_note.clone(),
    };
    match RideDraft::parse(&input, today()) {
        Ok(draft) => {
            let (ride, _) = state.store.request_ride(ctx.actor()?, network.household_id, &draft, &FluentTexts).await?;
            Ok(see_other(&format!("/rides/{ride}")))
        }
        Err(errors) => {
            let values = RideFormValues {
                kind: f.kind,
                purpose: f.purpose,
                pickup: f.pickup,
                pickup_zip: f.pickup_zip,
                destination: f.destination,
                at: f.at,
                passengers: f.passengers,
                child_seats: f.child_seats,
                language: f.language,
                transit_note: f.transit_note,
            };
            let page = network_page(&state, &ctx, id, values, errors, String::new()).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response())
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Staff: rides.

#[derive(askama::Template)]
#[template(path = "care/rides.html")]
pub struct RidesPage {
    pub l: Layout,
    pub rides: Vec<Ride>,
}

pub async fn rides(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    Ok(html(&RidesPage { l: Layout::page(&ctx, "ride-list-title"), rides: state.store.rides(ctx.org()?).await? }))
}

#[derive(askama::Template)]
#[template(path = "care/ride.html")]
pub struct RidePage {
    pub l: Layout,
    pub ride: Ride,
    pub offers: Vec<(i64, String, Option<i64>, bool)>,
}

impl RidePage {
    fn miles(tenths: &Option<i64>) -> String {
        tenths.map(|t| format!("{:.1}", t as f64 / 10.0)).unwrap_or_else(|| "—".into())
    }
}

pub async fn ride(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Response> {
    let org = ctx.org()?;
    let ride = state.store.ride(org, id).await?;
    let offers = state.store.ride_offers(org, id).await?;
    Ok(html(&RidePage { l: Layout::page(&ctx, "ride-title"), ride, offers }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MileageForm {
    miles: String,
}

/// Miles as typed ("74", "74.5") to tenths; refused when not a distance.
pub fn parse_miles(raw: &str) -> Result<i64, &'static str> {
    let miles: f64 = raw.trim().replace(',', ".").parse().map_err(|_| "ride-error-miles")?;
    if !(0.0..=2000.0).contains(&miles) {
        return Err("ride-error-miles");
    }
    Ok((miles * 10.0).round() as i64)
}

pub async fn staff_mileage(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    Form(f): Form<MileageForm>,
) -> AppResult<Response> {
    let tenths = parse_miles(&f.miles).map_err(AppError::Refused)?;
    state.store.log_mileage(ctx.actor()?, id, None, tenths).await?;
    Ok(see_other(&format!("/rides/{id}")))
}

pub async fn cancel_ride(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Response> {
    state.store.cancel_ride(ctx.actor()?, id).await?;
    Ok(see_other(&format!("/rides/{id}")))
}

#[derive(askama::Template)]
#[template(path = "care/report.html")]
pub struct ReportPage {
    pub l: Layout,
    pub totals: Vec<RideTotal>,
    pub all_rides: i64,
    pub all_miles: String,
}

pub async fn report(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    let totals = state.store.ride_report(ctx.org()?).await?;
    let all_rides = totals.iter().map(|t| t.rides).sum();
    let all_miles = format!("{:.1}", totals.iter().map(|t| t.miles_tenths).sum::<i64>() as f64 / 10.0);
    Ok(html(&ReportPage { l: Layout::page(&ctx, "ride-report-title"), totals, all_rides, all_miles }))
}

// ---------------------------------------------------------------------------------------------
// Volunteers: My families, phone-first.

#[derive(askama::Template)]
#[template(path = "care/my_families.html")]
pub struct MyFamiliesPage {
    pub l: Layout,
    pub networks: Vec<Network>,
    pub offers: Vec<Offer>,
    pub volunteer_id: Option<i64>,
}

pub async fn my_families(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    let user = ctx.user()?;
    let networks = state.store.networks_of_member(user.org_id, user.id).await?;
    let volunteer = state.store.volunteer_of_user(user.org_id, user.id).await?;
    let offers = match &volunteer {
        Some(v) => state.store.offers_for(user.org_id, v.id).await?,
        None => vec![],
    };
    Ok(html(&MyFamiliesPage { l: Layout::page(&ctx, "my-families-title"), networks, offers, volunteer_id: volunteer.map(|v| v.id) }))
}

#[derive(askama::Template)]
#[template(path = "care/family.html")]
pub struct FamilyPage {
    pub l: Layout,
    pub view: FamilyView,
    pub tasks: Vec<Task>,
    pub messages: Vec<Message>,
    pub base: String,
}

/// One family as the volunteer may see it; 404 unless they are in its network.
pub async fn family(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Response> {
    let actor = ctx.actor()?;
    let view = state.store.family_view(actor, id).await?;
    let page = FamilyPage {
        l: Layout::new(Some(&ctx), ctx.tr.clone(), &view.network.family_name),
        tasks: state.store.tasks(actor.org_id, id).await?,
        messages: state.store.messages(actor.org_id, id).await?,
        base: format!("/my/families/{id}"),
        view,
    };
    Ok(html(&page))
}

/// Volunteers act on a network only as members (404 otherwise, like another family's id).
async fn member_only(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<()> {
    let user = ctx.user()?;
    if state.store.member_roles(user.org_id, id, user.id).await?.is_empty() {
        return Err(AppError::NotFound);
    }
    Ok(())
}

pub async fn family_task(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((id, task)): Path<(i64, i64)>,
    Form(f): Form<TaskForm>,
) -> AppResult<Response> {
    member_only(&state, &ctx, id).await?;
    let action = task_action(&f.action)?;
    state.store.update_task(ctx.actor()?, id, task, action).await?;
    Ok(see_other(&format!("/my/families/{id}#tasks-h")))
}

pub async fn family_add_task(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    Form(f): Form<TaskForm>,
) -> AppResult<Response> {
    member_only(&state, &ctx, id).await?;
    add_task_for(&state, &ctx, id, &f, &format!("/my/families/{id}#tasks-h")).await
}

pub async fn family_message(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    Form(f): Form<MessageForm>,
) -> AppResult<Response> {
    member_only(&state, &ctx, id).await?;
    state.store.post_message(ctx.actor()?, id, &f.body).await?;
    Ok(see_other(&format!("/my/families/{id}#thread-h")))
}

async fn my_volunteer_id(state: &AppState, ctx: &Ctx) -> AppResult<i64> {
    let user = ctx.user()?;
    Ok(state.store.volunteer_of_user(user.org_id, user.id).await?.ok_or(AppError::Refused("volunteer-error-not-cleared"))?.id)
}

/// Accept an offered ride: the first volunteer wins; the others see it is taken.
pub async fn accept(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>) -> AppResult<Response> {
    let volunteer = my_volunteer_id(&state, &ctx).await?;
    state.store.accept_ride(ctx.org()?, id, volunteer, &FluentTexts).await?;
    Ok(see_other("/my/families#rides-h"))
}

pub async fn my_mileage(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(id): Path<i64>, Form(f): Form<MileageForm>) -> AppResult<Response> {
    let volunteer = my_volunteer_id(&state, &ctx).await?;
    let tenths = parse_miles(&f.miles).map_err(AppError::Refused)?;
    state.store.log_mileage(ctx.actor()?, id, Some(volunteer), tenths).await?;
    Ok(see_other("/my/families#rides-h"))
}

/// Request kinds for the ride form.
pub fn kinds() -> [RequestKind; 2] {
    [RequestKind::Ride, RequestKind::Interpretation]
}

#[cfg(test)]
mod tests {
    #[test]
    fn miles_parse_to_tenths() {
        assert_eq!(super::parse_miles("74"), Ok(740));
        assert_eq!(super::parse_miles("74,46"), Ok(745));
        assert!(super::parse_miles("-3").is_err());
        assert!(super::parse_miles("far").is_err());
    }
}
