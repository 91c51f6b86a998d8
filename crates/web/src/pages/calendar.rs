//! The calendar: hearings, ICE check-ins and appointments on a case, the alert for a hearing
//! far away or soon, attendance, iCalendar downloads and private staff feeds, the on-call rota,
//! opt-outs, the outbox for administrators, the appearance report, and the reminder wording the
//! worker sends (in the recipient's language).

use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use chrono::{Duration, NaiveDate, Utc};
use sendero_domain::calendar::{self as cal, Attendance, EventDraft, EventInput};
use sendero_domain::Permission;
use sendero_store::calendar::{AlertRow, AppearanceRow, Deadline, Event, Place, ReminderInfo, ReminderTexts, Shift};
use sendero_store::outbox::Message;
use sendero_store::{today, StoreError};
use serde::Deserialize;

use crate::auth::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{html, optional_id, see_other};
use crate::i18n::Tr;
use crate::templates::{field_error, render, Layout};
use crate::AppState;

// ---- Reminder wording -----------------------------------------------------------------------

/// Reminder texts through Fluent (`locales/*/calendar.ftl`).
pub struct FluentTexts;

fn event_args(tr: &Tr, info: &ReminderInfo<'_>) -> Vec<(&'static str, String)> {
    let e = info.event;
    let what = match e.kind.as_str() {
        "appointment" => e.title.clone().unwrap_or_else(|| tr.label("event-subtype", &e.subtype)),
        _ => tr.label("event-subtype", &e.subtype),
    };
    let place = match (info.place, e.remote) {
        (_, true) => tr.get("event-remote"),
        (Some(p), false) => format!("{}, {}", p.name, p.address),
        (None, false) => String::new(),
    };
    vec![
        ("what", what),
        ("when", e.local_time()),
        ("place", place),
        ("name", info.client_name.clone()),
        ("crisis", info.crisis_phone.clone().unwrap_or_else(|| "-".into())),
    ]
}

impl ReminderTexts for FluentTexts {
    fn client_reminder(&self, lang: &str, info: &ReminderInfo<'_>, sms: bool) -> (String, String) {
        let tr = Tr::new(lang);
        let args = event_args(&tr, info);
        let body = if sms { tr.with("reminder-sms", &args) } else { tr.with("reminder-email-body", &args) };
        (tr.with("reminder-email-subject", &args), body)
    }
    fn staff_reminder(&self, lang: &str, info: &ReminderInfo<'_>) -> (String, String) {
        let tr = Tr::new(lang);
        let args = event_args(&tr, info);
        (tr.with("reminder-staff-subject", &args), tr.with("reminder-staff-body", &args))
    }
    fn call_task_title(&self, info: &ReminderInfo<'_>) -> String {
        let tr = Tr::new("en");
        tr.with("reminder-call-task", &event_args(&tr, info))
    }
}

// ---- Rows as shown ----------------------------------------------------------------------------

pub struct EventRow {
    pub event: Event,
    pub what: String,
    pub when: String,
    pub place: String,
    pub attendance: String,
}

fn event_row(tr: &Tr, e: Event, places: &[Place]) -> EventRow {
    let place = e.place_id.and_then(|id| places.iter().find(|p| p.id == id)).map(|p| p.name.clone()).unwrap_or_default();
    let what = match (&e.title, e.kind.as_str()) {
        (Some(t), "appointment") => format!("{} · {t}", tr.label("event-subtype", &e.subtype)),
        _ => tr.label("event-subtype", &e.subtype),
    };
    EventRow { what, when: e.local_time(), place, attendance: e.attendance.as_deref().map(|a| tr.label("attendance", a)).unwrap_or_default(), event: e }
}

pub struct AlertView {
    pub event_id: i64,
    pub text: String,
    pub advice: String,
}

fn alert_view(tr: &Tr, a: &AlertRow) -> AlertView {
    let mut parts = vec![];
    if let Some(miles) = a.alert.far_miles {
        parts
            .push(tr.with("alert-far", &[("miles", miles.to_string()), ("court", a.place_name.clone()), ("home", a.client_place.clone().unwrap_or_default())]));
    }
    if let Some(days) = a.alert.soon_days {
        parts.push(tr.count("alert-soon", days));
    }
    let advice = if a.alert.far_miles.is_some() { tr.get("alert-advice-far") } else { tr.get("alert-advice-soon") };
    AlertView {
        event_id: a.event.id,
        text: format!("{} — {} ({}): {}", a.client_name, tr.label("event-subtype", &a.event.subtype), a.event.local_time(), parts.join(" ")),
        advice,
    }
}

fn deadline_text(tr: &Tr, d: &Deadline) -> String {
    tr.with(
        "deadline-row",
        &[("name", d.client_name.clone()), ("rule", tr.label("window-rule", &d.rule)), ("date", d.ends_on.clone()), ("days", d.days_left.to_string())],
    )
}

// ---- Dashboard panel and case section ------------------------------------------------------------

#[derive(askama::Template)]
#[template(path = "calendar/panel.html")]
struct PanelTemplate {
    l: Layout,
    alerts: Vec<AlertView>,
    deadlines: Vec<(Option<i64>, String)>,
    on_call: Option<Shift>,
    crisis: Option<String>,
}

/// Hearings that need attention, windows ending soon and who is on call.
pub async fn dashboard_panel(state: &AppState, ctx: &Ctx) -> AppResult<Option<String>> {
    let user = ctx.user()?;
    if !user.role.can(Permission::ReadCases) {
        return Ok(None);
    }
    let alerts = state.store.hearing_alerts(user.org_id, Utc::now(), 10).await?.iter().map(|a| alert_view(&ctx.tr, a)).collect();
    let deadlines = state.store.expiring(user.org_id, today(), 30, 270).await?.iter().take(10).map(|d| (d.case_id, deadline_text(&ctx.tr, d))).collect();
    let (on_call, crisis) = state.store.on_call(user.org_id, Utc::now()).await?;
    Ok(Some(render(&PanelTemplate { l: Layout::new(Some(ctx), ctx.tr.clone(), ""), alerts, deadlines, on_call, crisis })))
}

#[derive(askama::Template)]
#[template(path = "calendar/section.html")]
struct SectionTemplate {
    l: Layout,
    case_id: i64,
    client_id: i64,
    rows: Vec<EventRow>,
    alerts: Vec<AlertView>,
    window: Option<(NaiveDate, NaiveDate)>,
    obligations: Vec<(String, String, bool)>,
    messages: Vec<Message>,
    opt_rows: Vec<(&'static str, bool)>,
    window_rules: Vec<(&'static str, String)>,
    can_write: bool,
}

/// The calendar section of a case page: events, alerts, the eligibility window, the
/// change-of-address filings and the messages sent to the client.
pub async fn case_section(state: &AppState, ctx: &Ctx, case_id: i64) -> AppResult<String> {
    let user = ctx.user()?;
    let case = state.store.case(user.org_id, case_id).await?;
    let places = state.store.places().await?;
    let settings = state.store.calendar_settings(user.org_id).await?;
    let events = state.store.case_calendar(user.org_id, case_id).await?;
    let mut alerts = vec![];
    for e in &events {
        if let Some((alert, client_place)) = state.store.event_alert(user.org_id, e, &settings, Utc::now()).await? {
            let place_name = e.place_id.and_then(|id| places.iter().find(|p| p.id == id)).map(|p| p.name.clone()).unwrap_or_default();
            let row = AlertRow { event: e.clone(), client_name: case.client_name.clone(), place_name, client_place, alert };
            alerts.push(alert_view(&ctx.tr, &row));
        }
    }
    let rows = events.into_iter().map(|e| event_row(&ctx.tr, e, &places)).collect();
    let obligations = state
        .store
        .case_tasks(user.org_id, case_id)
        .await?
        .into_iter()
        .filter(|t| matches!(t.kind.as_str(), "eoir33" | "ar11" | "ice_address"))
        .map(|t| (ctx.tr.label("task-kind", &t.kind), t.due_on.clone().unwrap_or_default(), t.status == "done"))
        .collect();
    let messages = state.store.client_messages(user.org_id, case.client_id, 20).await?;
    Ok(render(&SectionTemplate {
        l: Layout::new(Some(ctx), ctx.tr.clone(), ""),
        case_id,
        client_id: case.client_id,
        rows,
        alerts,
        window: state.store.eligibility_window(user.org_id, case_id).await?,
        obligations,
        messages,
        opt_rows: vec![
            ("sms", state.store.opted_out(user.org_id, case.client_id, "sms").await?),
            ("email", state.store.opted_out(user.org_id, case.client_id, "email").await?),
        ],
        window_rules: ["pre_certification", "certification", "shelter_15", "shelter_30", "shelter_60"]
            .into_iter()
            .map(|c| (c, ctx.tr.label("window-rule", c)))
            .collect(),
        can_write: user.role.can(Permission::WriteCases),
    }))
}

// ---- Calendar page --------------------------------------------------------------------------------

#[derive(askama::Template)]
#[template(path = "calendar/index.html")]
struct CalendarPage {
    l: Layout,
    rows: Vec<EventRow>,
    alerts: Vec<AlertView>,
    deadlines: Vec<(Option<i64>, String)>,
    shifts: Vec<Shift>,
    crisis: Option<String>,
    feed_url: Option<String>,
    staff: Vec<(i64, String)>,
    can_rota: bool,
    can_admin: bool,
    settings: sendero_store::calendar::CalendarSettings,
    error: String,
}

async fn calendar_page(state: &AppState, ctx: &Ctx, feed_url: Option<String>, error: String) -> AppResult<CalendarPage> {
    let user = ctx.user()?;
    let places = state.store.places().await?;
    let rows =
        state.store.upcoming_events(user.org_id, Utc::now() - Duration::days(1), 100).await?.into_iter().map(|e| event_row(&ctx.tr, e, &places)).collect();
    let alerts = state.store.hearing_alerts(user.org_id, Utc::now(), 50).await?.iter().map(|a| alert_view(&ctx.tr, a)).collect();
    let deadlines = state.store.expiring(user.org_id, today(), 60, 365).await?.iter().map(|d| (d.case_id, deadline_text(&ctx.tr, d))).collect();
    let shifts = state.store.shifts(user.org_id, Utc::now(), 20).await?;
    let (_, crisis) = state.store.on_call(user.org_id, Utc::now()).await?;
    let staff = state.store.users(user.org_id).await?.into_iter().filter(|u| u.active).map(|u| (u.id, u.display_name)).collect();
    Ok(CalendarPage {
        l: Layout::page(ctx, "calendar-title"),
        rows,
        alerts,
        deadlines,
        shifts,
        crisis,
        feed_url,
        staff,
        can_rota: user.role.can(Permission::ViewCaseloads),
        can_admin: user.role.can(Permission::Administer),
        settings: state.store.calendar_settings(user.org_id).await?,
        error,
    })
}

pub async fn index(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    Ok(html(&calendar_page(&state, &ctx, None, String::new()).await?))
}

// ---- New event --------------------------------------------------------------------------------------

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct EventForm {
    kind: String,
    subtype: String,
    place_id: String,
    title: String,
    local: String,
    tz: String,
    judge: String,
    remote: String,
    notes: String,
}

#[derive(askama::Template)]
#[template(path = "calendar/form.html")]
struct FormPage {
    l: Layout,
    case_id: i64,
    client_name: String,
    form: EventForm,
    courts: Vec<Place>,
    offices: Vec<Place>,
    errors: Vec<(String, String)>,
    kinds: Vec<(&'static str, String)>,
    hearing_types: Vec<(&'static str, String)>,
    appointment_types: Vec<(&'static str, String)>,
    zones: Vec<&'static str>,
}

const ZONES: [&str; 7] =
    ["America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu"];

async fn form_page(state: &AppState, ctx: &Ctx, case_id: i64, form: EventForm, errors: Vec<(String, String)>) -> AppResult<FormPage> {
    let user = ctx.user()?;
    let case = state.store.case(user.org_id, case_id).await?;
    let places = state.store.places().await?;
    let (courts, offices) = places.into_iter().partition(|p| p.kind == "court");
    let labels = |codes: &[&'static str]| codes.iter().map(|c| (*c, ctx.tr.label("event-subtype", c))).collect::<Vec<_>>();
    Ok(FormPage {
        l: Layout::page(ctx, "event-new-title"),
        case_id,
        client_name: case.client_name,
        form,
        courts,
        offices,
        errors,
        kinds: cal::EventKind::ALL.iter().map(|k| (k.as_str(), ctx.tr.label("event-kind", k.as_str()))).collect(),
        hearing_types: labels(&cal::HEARING_TYPES),
        appointment_types: labels(&cal::APPOINTMENT_TYPES),
        zones: ZONES.to_vec(),
    })
}

pub async fn new_form(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(case_id): Path<i64>) -> AppResult<Response> {
    let form = EventForm { kind: "hearing".into(), subtype: "master_calendar".into(), tz: "America/New_York".into(), ..Default::default() };
    Ok(html(&form_page(&state, &ctx, case_id, form, vec![]).await?))
}

pub async fn create(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(case_id): Path<i64>, Form(f): Form<EventForm>) -> AppResult<Response> {
    let user = ctx.user()?;
    state.store.case(user.org_id, case_id).await?;
    let place_id = optional_id(&f.place_id)?;
    // A court's own time zone wins over the picker: hearing notices give court-local times.
    let place_tz = match place_id {
        Some(id) => Some(state.store.place(id).await.map_err(|_| AppError::BadRequest("error-invalid"))?.tz),
        None => None,
    };
    let subtype = if f.kind == "check_in" { "ice_check_in".to_owned() } else { f.subtype.clone() };
    let input = EventInput {
        kind: f.kind.clone(),
        subtype,
        place_id,
        title: f.title.clone(),
        local: f.local.clone(),
        tz: place_tz.unwrap_or_else(|| f.tz.clone()),
        judge: f.judge.clone(),
        remote: f.remote == "on",
        notes: f.notes.clone(),
    };
    match EventDraft::parse(&input) {
        Ok(draft) => {
            let id = state.store.create_event(ctx.actor()?, case_id, &draft).await?;
            Ok(see_other(&format!("/events/{id}")))
        }
        Err(errors) => {
            let shown = errors.0.iter().map(|e| (e.field.clone(), field_error(&ctx.tr, &errors, &e.field))).collect();
            let page = form_page(&state, &ctx, case_id, f, shown).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response())
        }
    }
}

// ---- One event ------------------------------------------------------------------------------------

#[derive(askama::Template)]
#[template(path = "calendar/show.html")]
struct ShowPage {
    l: Layout,
    row: EventRow,
    place: Option<Place>,
    alert: Option<AlertView>,
    outcomes: Vec<(&'static str, String)>,
    can_write: bool,
    kind_label: String,
}

pub async fn show(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(event_id): Path<i64>) -> AppResult<Response> {
    let user = ctx.user()?;
    let e = state.store.event(user.org_id, event_id).await?;
    let place = match e.place_id {
        Some(id) => Some(state.store.place(id).await?),
        None => None,
    };
    let settings = state.store.calendar_settings(user.org_id).await?;
    let alert = match state.store.event_alert(user.org_id, &e, &settings, Utc::now()).await? {
        Some((alert, client_place)) => {
            let client_name = state.store.client(user.org_id, e.client_id).await?.full_name();
            let place_name = place.as_ref().map(|p| p.name.clone()).unwrap_or_default();
            Some(alert_view(&ctx.tr, &AlertRow { event: e.clone(), client_name, place_name, client_place, alert }))
        }
        None => None,
    };
    let places: Vec<Place> = place.iter().cloned().collect();
    let kind_label = ctx.tr.label("event-kind", &e.kind);
    Ok(html(&ShowPage {
        l: Layout::page(&ctx, "event-title"),
        row: event_row(&ctx.tr, e, &places),
        place,
        alert,
        outcomes: Attendance::ALL.iter().map(|a| (a.as_str(), ctx.tr.label("attendance", a.as_str()))).collect(),
        can_write: user.role.can(Permission::WriteCases),
        kind_label,
    }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AttendanceForm {
    outcome: String,
    version: i64,
}

pub async fn attendance(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(event_id): Path<i64>,
    Form(f): Form<AttendanceForm>,
) -> AppResult<Response> {
    let outcome = Attendance::parse(&f.outcome).ok_or(AppError::BadRequest("error-invalid"))?;
    match state.store.record_attendance(ctx.actor()?, event_id, f.version, outcome).await {
        Ok(()) => Ok(see_other(&format!("/events/{event_id}"))),
        Err(StoreError::Conflict { .. }) => Err(AppError::Conflict),
        Err(e) => Err(e.into()),
    }
}

// ---- iCalendar --------------------------------------------------------------------------------------

/// RFC 5545 text escaping (backslash, semicolon, comma, newline).
fn ics_text(s: &str) -> String {
    s.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n").replace('\r', "")
}

/// Fold content lines at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character.
fn fold_line(line: &str, out: &mut String) {
    let mut width = 0;
    for ch in line.chars() {
        let len = ch.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += len;
    }
    out.push_str("\r\n");
}

/// VEVENTs for `events`. Times are UTC (`Z`), so no VTIMEZONE is needed; the summary names
/// neither the client nor the court's docket details beyond the event type.
pub fn ics(tr: &Tr, events: &[Event], places: &[Place], calendar_name: &str) -> String {
    let stamp = Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    let mut out = String::new();
    for l in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Sendero//Calendar//EN", "CALSCALE:GREGORIAN"] {
        fold_line(l, &mut out);
    }
    fold_line(&format!("X-WR-CALNAME:{}", ics_text(calendar_name)), &mut out);
    for e in events {
        let start = e.starts();
        let minutes = if e.kind == "hearing" { 120 } else { 60 };
        let place = e.place_id.and_then(|id| places.iter().find(|p| p.id == id));
        fold_line("BEGIN:VEVENT", &mut out);
        fold_line(&format!("UID:event-{}-org-{}@sendero", e.id, e.org_id), &mut out);
        fold_line(&format!("DTSTAMP:{stamp}"), &mut out);
        fold_line(&format!("DTSTART:{}", start.format("%Y%m%dT%H%M%SZ")), &mut out);
        fold_line(&format!("DTEND:{}", (start + Duration::minutes(minutes)).format("%Y%m%dT%H%M%SZ")), &mut out);
        fold_line(&format!("SUMMARY:{}", ics_text(&tr.label("event-subtype", &e.subtype))), &mut out);
        if let Some(p) = place {
            fold_line(&format!("LOCATION:{}", ics_text(&format!("{}, {}", p.name, p.address))), &mut out);
            fold_line(&format!("GEO:{:.6};{:.6}", p.coord().lat(), p.coord().lon()), &mut out);
        }
        fold_line(&format!("URL:/events/{}", e.id), &mut out);
        fold_line("END:VEVENT", &mut out);
    }
    fold_line("END:VCALENDAR", &mut out);
    out
}

fn ics_response(body: String, filename: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{filename}\"")),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

pub async fn event_ics(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Path(event_id): Path<i64>) -> AppResult<Response> {
    let user = ctx.user()?;
    let e = state.store.event(user.org_id, event_id).await?;
    let places = state.store.places().await?;
    Ok(ics_response(ics(&ctx.tr, &[e], &places, "Sendero"), &format!("event-{event_id}.ics")))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FeedQuery {
    token: String,
}

/// A staff member's private feed (no session: calendar apps fetch it with the secret token).
pub async fn feed(State(state): State<AppState>, Query(q): Query<FeedQuery>) -> AppResult<Response> {
    if q.token.len() != 48 || !q.token.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(AppError::NotFound);
    }
    let Some((org_id, user_id)) = state.store.feed_owner(&q.token).await? else {
        return Err(AppError::NotFound);
    };
    let user = state.store.users(org_id).await?.into_iter().find(|u| u.id == user_id && u.active).ok_or(AppError::NotFound)?;
    let events = state.store.staff_events(org_id, user_id, Utc::now() - Duration::days(30)).await?;
    let places = state.store.places().await?;
    let tr = Tr::new(&user.locale);
    Ok(ics_response(ics(&tr, &events, &places, &tr.get("calendar-title")), "sendero.ics"))
}

pub async fn new_feed(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    let user = ctx.user()?;
    let token = state.store.new_feed_token(ctx.actor()?, user.id).await?;
    let url = format!("/calendar/feed.ics?token={token}");
    Ok(html(&calendar_page(&state, &ctx, Some(url), String::new()).await?))
}

pub async fn revoke_feed(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> AppResult<Response> {
    let user = ctx.user()?;
    state.store.revoke_feed(ctx.actor()?, user.id).await?;
    Ok(see_other("/calendar"))
}

// ---- On-call rota -----------------------------------------------------------------------------------

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ShiftForm {
    user_id: String,
    starts: String,
    ends: String,
    phone: String,
}

pub async fn add_shift(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(f): Form<ShiftForm>) -> AppResult<Response> {
    let user = ctx.user()?;
    let tz = cal::parse_tz("America/New_York").expect("static zone");
    let parse = |s: &str| chrono::NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%dT%H:%M").ok().and_then(|l| cal::local_to_utc(l, tz));
    let user_id = optional_id(&f.user_id)?;
    let (Some(user_id), Some(starts), Some(ends)) = (user_id, parse(&f.starts), parse(&f.ends)) else {
        let page = calendar_page(&state, &ctx, None, ctx.tr.get("calendar-error-shift")).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response());
    };
    let _ = user;
    let refused = match state.store.add_shift(ctx.actor()?, user_id, starts, ends, &f.phone).await {
        Ok(_) => return Ok(see_other("/calendar")),
        Err(StoreError::Refused(code)) => code,
        Err(StoreError::NotFound) => "calendar-error-shift",
        Err(e) => return Err(e.into()),
    };
    let page = calendar_page(&state, &ctx, None, ctx.tr.get(refused)).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response())
}

// ---- Opt-outs ---------------------------------------------------------------------------------------

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OptOutForm {
    channel: String,
    opted_out: String,
    case_id: String,
}

/// A client opts out of (or back into) SMS or email; checked at enqueue and at delivery.
pub async fn opt_out(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(client_id): Path<i64>,
    Form(f): Form<OptOutForm>,
) -> AppResult<Response> {
    if f.channel != "sms" && f.channel != "email" {
        return Err(AppError::BadRequest("error-invalid"));
    }
    state.store.set_opt_out(ctx.actor()?, client_id, &f.channel, f.opted_out == "1").await?;
    let back = match optional_id(&f.case_id)? {
        Some(case_id) => format!("/cases/{case_id}#calendar-h"),
        None => format!("/clients/{client_id}"),
    };
    Ok(see_other(&back))
}

// ---- Eligibility windows ------------------------------------------------------------------------------

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct WindowForm {
    rule: String,
    starts_on: String,
}

pub async fn add_window(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(case_id): Path<i64>,
    Form(f): Form<WindowForm>,
) -> AppResult<Response> {
    let start: NaiveDate = f.starts_on.trim().parse().map_err(|_| AppError::Refused("task-error-date"))?;
    if cal::window_rule(&f.rule).is_none() {
        return Err(AppError::BadRequest("error-invalid"));
    }
    state.store.add_window(ctx.actor()?, case_id, &f.rule, start).await?;
    Ok(see_other(&format!("/cases/{case_id}#calendar-h")))
}

// ---- Outbox (administrators) ----------------------------------------------------------------------------

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OutboxQuery {
    status: String,
    before: String,
}

#[derive(askama::Template)]
#[template(path = "calendar/outbox.html")]
struct OutboxPage {
    l: Layout,
    messages: Vec<Message>,
    status: String,
    statuses: Vec<(&'static str, String)>,
    next_before: Option<i64>,
}

pub async fn outbox(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(q): Query<OutboxQuery>) -> AppResult<Response> {
    let user = ctx.user()?;
    const STATUSES: [&str; 4] = ["queued", "sent", "failed", "opted_out"];
    let status = STATUSES.iter().find(|s| **s == q.status).copied();
    let before = q.before.parse::<i64>().ok();
    let messages = state.store.outbox_messages(user.org_id, status, before, 50).await?;
    let next_before = (messages.len() == 50).then(|| messages.last().map(|m| m.id)).flatten();
    Ok(html(&OutboxPage {
        l: Layout::page(&ctx, "outbox-title"),
        messages,
        status: status.unwrap_or("").to_owned(),
        statuses: STATUSES.iter().map(|s| (*s, ctx.tr.label("message-status", s))).collect(),
        next_before,
    }))
}

// ---- Appearance report ----------------------------------------------------------------------------------

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PeriodQuery {
    from: String,
    to: String,
}

pub struct AppearanceView {
    pub row: AppearanceRow,
    pub rate: String,
    pub ci: String,
}

#[derive(askama::Template)]
#[template(path = "calendar/appearance.html")]
struct AppearancePage {
    l: Layout,
    from: String,
    to: String,
    rows: Vec<AppearanceView>,
}

fn percent(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

pub async fn appearance(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(q): Query<PeriodQuery>) -> AppResult<Response> {
    let user = ctx.user()?;
    let to = q.to.parse::<NaiveDate>().unwrap_or_else(|_| today());
    let from = q.from.parse::<NaiveDate>().unwrap_or(to - Duration::days(365));
    let rows = state
        .store
        .appearance_report(user.org_id, from, to)
        .await?
        .into_iter()
        .map(|row| {
            let (rate, ci) = match sendero_stats::wilson_ci(row.appeared() as u64, row.due() as u64) {
                Ok(c) => (percent(c.rate), format!("{} – {}", percent(c.ci95_low), percent(c.ci95_high))),
                Err(_) => ("—".into(), "—".into()),
            };
            AppearanceView { row, rate, ci }
        })
        .collect();
    Ok(html(&AppearancePage { l: Layout::page(&ctx, "appearance-title"), from: from.to_string(), to: to.to_string(), rows }))
}

// ---- Settings ---------------------------------------------------------------------------------------------

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SettingsForm {
    far_miles: String,
    soon_days: String,
    offsets: String,
    crisis_phone: String,
}

pub async fn save_settings(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Form(f): Form<SettingsForm>) -> AppResult<Response> {
    let (Ok(far_miles), Ok(soon_days)) = (f.far_miles.trim().parse::<i64>(), f.soon_days.trim().parse::<i64>()) else {
        return Err(AppError::Refused("error-invalid"));
    };
    let crisis_phone = Some(f.crisis_phone.trim().to_owned()).filter(|s| !s.is_empty());
    let settings = sendero_store::calendar::CalendarSettings { far_miles, soon_days, offsets: f.offsets.trim().to_owned(), crisis_phone };
    state.store.save_calendar_settings(ctx.actor()?, &settings).await?;
    Ok(see_other("/calendar"))
}
