//! The route table. The router is built from it, and the authorization matrix test walks it,
//! so a new route is covered by that test the moment it is added here.

use axum::handler::Handler;
use axum::http::Method;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, post, put, MethodRouter};
use axum::Router;
use sendero_domain::Permission;

use crate::{api, auth, error, metrics, pages, AppState};

pub struct Route {
    pub method: Method,
    pub path: &'static str,
    /// `None`: public (sign-in, health, static files).
    pub permission: Option<Permission>,
    handler: MethodRouter<AppState>,
}

fn route<H, T>(method: Method, path: &'static str, permission: Option<Permission>, handler: H) -> Route
where
    H: Handler<T, AppState>,
    T: 'static,
{
    let handler = match method {
        Method::GET => get(handler),
        Method::PUT => put(handler),
        _ => post(handler),
    };
    Route { method, path, permission, handler }
}

/// Every route of the app with the permission it requires.
pub fn table() -> Vec<Route> {
    use Method as M;
    use Permission as P;
    vec![
        // Public.
        route(M::GET, "/login", None, pages::session::login_form),
        route(M::POST, "/login", None, pages::session::login),
        route(M::GET, "/healthz", None, pages::system::healthz),
        route(M::GET, "/metrics", None, pages::system::metrics),
        route(M::GET, "/static/{file}", None, pages::system::static_file),
        route(M::POST, "/language", None, pages::session::set_language),
        route(M::GET, "/api/v1/openapi.json", None, api::openapi),
        route(M::GET, "/login/two-factor", None, pages::two_factor::form),
        route(M::POST, "/login/two-factor", None, pages::two_factor::submit),
        // Single sign-on (issue 10): public like /login; answer 404 when SSO is not configured.
        route(M::GET, "/auth/oidc/start", None, crate::sso::start),
        route(M::GET, "/auth/oidc/callback", None, crate::sso::callback),
        // Any signed-in user.
        route(M::POST, "/logout", Some(P::SignedIn), pages::session::logout),
        route(M::GET, "/", Some(P::SignedIn), pages::dashboard::show),
        route(M::GET, "/account", Some(P::SignedIn), pages::account::show),
        route(M::POST, "/account/password", Some(P::SignedIn), pages::account::change_password),
        route(M::POST, "/account/tokens", Some(P::SignedIn), pages::account::create_token),
        route(M::POST, "/account/sessions/end", Some(P::SignedIn), pages::account::end_session),
        route(M::POST, "/account/sessions/end-others", Some(P::SignedIn), pages::account::end_other_sessions),
        // Clients and households.
        route(M::GET, "/clients", Some(P::ReadClients), pages::clients::list),
        route(M::GET, "/clients/new", Some(P::WriteClients), pages::clients::new_form),
        route(M::POST, "/clients/new", Some(P::WriteClients), pages::clients::create),
        route(M::GET, "/clients/{client_id}", Some(P::ReadClients), pages::clients::show),
        route(M::GET, "/clients/{client_id}/edit", Some(P::WriteClients), pages::clients::edit_form),
        route(M::POST, "/clients/{client_id}/edit", Some(P::WriteClients), pages::clients::update),
        route(M::GET, "/clients/{client_id}/export", Some(P::ReadNotes), pages::client_export::page),
        route(M::GET, "/clients/{client_id}/export.json", Some(P::ReadNotes), pages::client_export::json),
        route(M::POST, "/clients/{client_id}/contacts", Some(P::WriteClients), pages::clients::add_contact),
        route(M::POST, "/clients/{client_id}/contacts/{contact_id}/end", Some(P::WriteClients), pages::clients::end_contact),
        route(M::POST, "/clients/{client_id}/household", Some(P::WriteClients), pages::households::create),
        route(M::POST, "/clients/{client_id}/cases", Some(P::OpenCases), pages::cases::open),
        route(M::POST, "/clients/check", Some(P::WriteClients), pages::dedup::check),
        route(M::GET, "/households/{household_id}", Some(P::ReadClients), pages::households::show),
        route(M::POST, "/households/{household_id}/members", Some(P::WriteClients), pages::households::add_member),
        // Cases.
        route(M::GET, "/cases", Some(P::ReadCases), pages::cases::list),
        route(M::GET, "/cases/{case_id}", Some(P::ReadCases), pages::cases::show),
        route(M::POST, "/cases/{case_id}/transition", Some(P::WriteCases), pages::cases::transition),
        route(M::POST, "/cases/{case_id}/assign", Some(P::WriteCases), pages::cases::assign),
        route(M::POST, "/cases/{case_id}/notes", Some(P::WriteNotes), pages::cases::add_note),
        route(M::GET, "/caseloads", Some(P::ViewCaseloads), pages::cases::caseloads),
        route(M::POST, "/cases/{case_id}/tasks", Some(P::WriteCases), pages::tasks::create),
        route(M::POST, "/tasks/{task_id}/finish", Some(P::WriteCases), pages::tasks::finish),
        // Consents and transfers between organizations.
        route(M::POST, "/clients/{client_id}/consents", Some(P::WriteClients), pages::sharing::record_consent),
        route(M::GET, "/consents/{consent_id}", Some(P::ReadClients), pages::sharing::show_consent),
        route(M::POST, "/consents/{consent_id}/revoke", Some(P::WriteClients), pages::sharing::revoke_consent),
        route(M::GET, "/shared", Some(P::ReadClients), pages::sharing::shared_list),
        route(M::GET, "/shared/{grant_id}", Some(P::ReadClients), pages::sharing::shared_record),
        route(M::POST, "/cases/{case_id}/transfer", Some(P::WriteCases), pages::sharing::propose_transfer),
        route(M::GET, "/transfers", Some(P::ReadCases), pages::sharing::transfers),
        route(M::GET, "/transfers/{transfer_id}", Some(P::ReadCases), pages::sharing::show_transfer),
        route(M::POST, "/transfers/{transfer_id}/accept", Some(P::WriteCases), pages::sharing::accept_transfer),
        route(M::POST, "/transfers/{transfer_id}/decline", Some(P::WriteCases), pages::sharing::decline_transfer),
        // Service plans, service log, resource directory and referrals.
        route(M::POST, "/cases/{case_id}/goals", Some(P::WriteCases), pages::services::add_goal),
        route(M::POST, "/cases/{case_id}/crisis-plan", Some(P::WriteCases), pages::services::save_crisis),
        route(M::POST, "/goals/{goal_id}", Some(P::WriteCases), pages::services::goal_step),
        route(M::GET, "/cases/{case_id}/plan/history", Some(P::ReadNotes), pages::services::plan_history),
        route(M::POST, "/cases/{case_id}/services", Some(P::WriteCases), pages::services::log_service),
        route(M::GET, "/cases/{case_id}/refer", Some(P::WriteCases), pages::services::refer_form),
        route(M::POST, "/cases/{case_id}/referrals", Some(P::WriteCases), pages::services::create_referral),
        route(M::POST, "/referrals/{referral_id}/status", Some(P::WriteCases), pages::services::referral_step),
        route(M::GET, "/referrals/incoming", Some(P::WriteCases), pages::referrals::incoming),
        route(M::GET, "/referrals/incoming/{incoming_id}", Some(P::WriteCases), pages::referrals::incoming_show),
        route(M::POST, "/referrals/incoming/{incoming_id}", Some(P::WriteCases), pages::referrals::answer),
        route(M::GET, "/directory", Some(P::ReadCases), pages::directory::search),
        route(M::POST, "/directory/import", Some(P::ImportExport), pages::directory::import),
        route(M::GET, "/directory/export", Some(P::ImportExport), pages::directory::export),
        route(M::GET, "/admin/services", Some(P::Administer), pages::directory::admin),
        route(M::POST, "/admin/services", Some(P::Administer), pages::directory::admin_save),
        route(M::GET, "/reports/referrals", Some(P::ViewReports), pages::referrals::outcomes),
        route(M::GET, "/reports/billing", Some(P::ViewReports), pages::referrals::billing),
        // Duplicate review.
        route(M::GET, "/dedup", Some(P::MergeClients), pages::dedup::review),
        route(M::POST, "/dedup/merge", Some(P::MergeClients), pages::dedup::merge),
        route(M::POST, "/dedup/distinct", Some(P::MergeClients), pages::dedup::distinct),
        route(M::GET, "/dedup/merges", Some(P::MergeClients), pages::dedup::merges),
        route(M::POST, "/dedup/merges/{merge_id}/undo", Some(P::MergeClients), pages::dedup::undo),
        // Assessments and outcome reports.
        route(M::GET, "/cases/{case_id}/assessments/new", Some(P::WriteNotes), pages::assessments::new_form),
        route(M::POST, "/cases/{case_id}/assessments", Some(P::WriteNotes), pages::assessments::create),
        route(M::GET, "/cases/{case_id}/assessments/{assessment_id}", Some(P::ReadNotes), pages::assessments::show),
        route(M::POST, "/cases/{case_id}/assessments/{assessment_id}", Some(P::WriteNotes), pages::assessments::update),
        route(M::GET, "/reports", Some(P::ViewReports), pages::board::index),
        route(M::GET, "/reports/board", Some(P::ViewReports), pages::board::board_page),
        route(M::GET, "/reports/board.csv", Some(P::ViewReports), pages::board::board_file),
        route(M::GET, "/reports/board.xlsx", Some(P::ViewReports), pages::board::board_file),
        route(M::GET, "/reports/board.pdf", Some(P::ViewReports), pages::board::board_file),
        route(M::GET, "/reports/consortium", Some(P::ViewReports), pages::board::consortium_page),
        route(M::GET, "/reports/consortium.csv", Some(P::ViewReports), pages::board::consortium_file),
        route(M::GET, "/reports/consortium.xlsx", Some(P::ViewReports), pages::board::consortium_file),
        route(M::GET, "/reports/consortium.pdf", Some(P::ViewReports), pages::board::consortium_file),
        route(M::GET, "/reports/schedules", Some(P::ViewReports), pages::schedules::list),
        route(M::POST, "/reports/schedules", Some(P::Administer), pages::schedules::create),
        route(M::POST, "/reports/schedules/{schedule_id}/active", Some(P::Administer), pages::schedules::set_active),
        route(M::GET, "/reports/runs/{run_id}", Some(P::ViewReports), pages::schedules::download),
        route(M::GET, "/admin/reporting", Some(P::Administer), pages::board::settings),
        route(M::POST, "/admin/reporting/settings", Some(P::Administer), pages::board::save_settings),
        route(M::POST, "/admin/reporting/costs", Some(P::Administer), pages::board::add_cost),
        route(M::GET, "/reports/outcomes", Some(P::ViewReports), pages::reports::outcomes),
        route(M::GET, "/reports/outcomes.csv", Some(P::ViewReports), pages::reports::outcomes_csv),
        route(M::GET, "/admin/instruments", Some(P::Administer), pages::admin::instruments),
        route(M::POST, "/admin/instruments", Some(P::Administer), pages::admin::save_instrument),
        route(M::GET, "/admin/instruments/{instrument_id}", Some(P::Administer), pages::admin::instrument_json),
        // Administration, import and export.
        route(M::GET, "/admin", Some(P::Administer), pages::admin::show),
        route(M::POST, "/admin/programs", Some(P::Administer), pages::admin::create_program),
        route(M::POST, "/admin/sites", Some(P::Administer), pages::admin::create_site),
        route(M::POST, "/admin/users", Some(P::Administer), pages::admin::create_user),
        route(M::POST, "/admin/organizations", Some(P::Administer), pages::admin::create_organization),
        route(M::GET, "/admin/users/{user_id}", Some(P::Administer), pages::admin::user_form),
        route(M::POST, "/admin/users/{user_id}", Some(P::Administer), pages::admin::update_user),
        route(M::GET, "/admin/audit", Some(P::Administer), pages::admin::audit),
        route(M::GET, "/admin/protection", Some(P::Administer), pages::protection_admin::show),
        route(M::POST, "/admin/protection", Some(P::Administer), pages::protection_admin::save),
        route(M::POST, "/admin/protection/purge", Some(P::Administer), pages::protection_admin::purge),
        route(M::GET, "/import", Some(P::ImportExport), pages::import::form),
        route(M::POST, "/import", Some(P::ImportExport), pages::import::upload),
        route(M::POST, "/import/commit", Some(P::ImportExport), pages::import::commit),
        route(M::GET, "/export/clients.csv", Some(P::ImportExport), pages::import::export),
        // Volunteers, care networks, rides and the guardian registry.
        route(M::GET, "/volunteer", None, pages::volunteers::signup_form),
        route(M::POST, "/volunteer", None, pages::volunteers::signup),
        route(M::GET, "/welcome/{token}", None, pages::volunteers::welcome_form),
        route(M::POST, "/welcome/{token}", None, pages::volunteers::welcome),
        route(M::GET, "/guardians", None, pages::guardians::public),
        route(M::POST, "/guardians", None, pages::guardians::signup),
        route(M::GET, "/guardian-match/{token}", None, pages::guardians::answer_form),
        route(M::POST, "/guardian-match/{token}", None, pages::guardians::answer),
        route(M::GET, "/volunteers", Some(P::CoordinateVolunteers), pages::volunteers::list),
        route(M::GET, "/volunteers/{volunteer_id}", Some(P::CoordinateVolunteers), pages::volunteers::show),
        route(M::POST, "/volunteers/{volunteer_id}/approve", Some(P::CoordinateVolunteers), pages::volunteers::approve),
        route(M::POST, "/volunteers/{volunteer_id}/trainings", Some(P::CoordinateVolunteers), pages::volunteers::add_training),
        route(M::POST, "/volunteers/{volunteer_id}/check", Some(P::CoordinateVolunteers), pages::volunteers::request_check),
        route(M::GET, "/checks", Some(P::CoordinateVolunteers), pages::volunteers::checks),
        route(M::POST, "/checks/{check_id}", Some(P::CoordinateVolunteers), pages::volunteers::update_check),
        route(M::GET, "/guardian-registry", Some(P::CoordinateVolunteers), pages::guardians::registry),
        route(M::GET, "/guardian-registry/{guardian_id}", Some(P::CoordinateVolunteers), pages::guardians::show),
        route(M::POST, "/guardian-registry/{guardian_id}/approve", Some(P::CoordinateVolunteers), pages::guardians::approve),
        route(M::POST, "/guardian-registry/{guardian_id}/trainings", Some(P::CoordinateVolunteers), pages::guardians::add_training),
        route(M::POST, "/guardian-registry/{guardian_id}/check", Some(P::CoordinateVolunteers), pages::guardians::request_check),
        route(M::GET, "/rides/report", Some(P::CoordinateVolunteers), pages::care::report),
        route(M::GET, "/networks", Some(P::CareNetworks), pages::care::networks),
        route(M::POST, "/networks", Some(P::CareNetworks), pages::care::create_network),
        route(M::GET, "/networks/{network_id}", Some(P::CareNetworks), pages::care::network),
        route(M::POST, "/networks/{network_id}/members", Some(P::CareNetworks), pages::care::add_member),
        route(M::POST, "/networks/{network_id}/grant", Some(P::CareNetworks), pages::care::grant),
        route(M::POST, "/networks/{network_id}/tasks", Some(P::CareNetworks), pages::care::add_task),
        route(M::POST, "/networks/{network_id}/tasks/{network_task_id}", Some(P::CareNetworks), pages::care::update_task),
        route(M::POST, "/networks/{network_id}/messages", Some(P::CareNetworks), pages::care::post_message),
        route(M::POST, "/networks/{network_id}/rides", Some(P::CareNetworks), pages::care::request_ride),
        route(M::GET, "/rides", Some(P::CareNetworks), pages::care::rides),
        route(M::GET, "/rides/{ride_id}", Some(P::CareNetworks), pages::care::ride),
        route(M::POST, "/rides/{ride_id}/mileage", Some(P::CareNetworks), pages::care::staff_mileage),
        route(M::POST, "/rides/{ride_id}/cancel", Some(P::CareNetworks), pages::care::cancel_ride),
        route(M::GET, "/my/families", Some(P::ServeFamilies), pages::care::my_families),
        route(M::GET, "/my/families/{network_id}", Some(P::ServeFamilies), pages::care::family),
        route(M::POST, "/my/families/{network_id}/tasks", Some(P::ServeFamilies), pages::care::family_add_task),
        route(M::POST, "/my/families/{network_id}/tasks/{network_task_id}", Some(P::ServeFamilies), pages::care::family_task),
        route(M::POST, "/my/families/{network_id}/messages", Some(P::ServeFamilies), pages::care::family_message),
        route(M::POST, "/my/rides/{ride_id}/accept", Some(P::ServeFamilies), pages::care::accept),
        route(M::POST, "/my/rides/{ride_id}/mileage", Some(P::ServeFamilies), pages::care::my_mileage),
        route(M::GET, "/guardian-search", Some(P::SearchGuardians), pages::guardians::search),
        route(M::POST, "/guardian-search/{guardian_id}/match", Some(P::SearchGuardians), pages::guardians::request_match),
        // JSON API.
        route(M::GET, "/api/v1/me", Some(P::SignedIn), api::me),
        route(M::GET, "/api/v1/clients", Some(P::ReadClients), api::clients::list),
        route(M::POST, "/api/v1/clients", Some(P::WriteClients), api::clients::create),
        route(M::POST, "/api/v1/clients/check", Some(P::WriteClients), api::clients::check),
        route(M::GET, "/api/v1/clients/{client_id}", Some(P::ReadClients), api::clients::show),
        route(M::PUT, "/api/v1/clients/{client_id}", Some(P::WriteClients), api::clients::update),
        route(M::GET, "/api/v1/clients/{client_id}/contacts", Some(P::ReadClients), api::clients::contacts),
        route(M::POST, "/api/v1/clients/{client_id}/contacts", Some(P::WriteClients), api::clients::add_contact),
        route(M::POST, "/api/v1/households", Some(P::WriteClients), api::households::create),
        route(M::GET, "/api/v1/households/{household_id}", Some(P::ReadClients), api::households::show),
        route(M::POST, "/api/v1/households/{household_id}/members", Some(P::WriteClients), api::households::add_member),
        route(M::GET, "/api/v1/cases", Some(P::ReadCases), api::cases::list),
        route(M::POST, "/api/v1/cases", Some(P::OpenCases), api::cases::open),
        route(M::GET, "/api/v1/cases/{case_id}", Some(P::ReadCases), api::cases::show),
        route(M::POST, "/api/v1/cases/{case_id}/transition", Some(P::WriteCases), api::cases::transition),
        route(M::GET, "/api/v1/cases/{case_id}/notes", Some(P::ReadNotes), api::cases::notes),
        route(M::POST, "/api/v1/cases/{case_id}/notes", Some(P::WriteNotes), api::cases::add_note),
        // Intake, eligibility rules, enrollment lottery and its evaluation (issue 8).
        route(M::GET, "/self-referral", None, pages::intake::self_referral_form),
        route(M::POST, "/self-referral", None, pages::intake::self_referral),
        route(M::GET, "/intake", Some(P::RecordIntake), pages::intake::list),
        route(M::GET, "/intake/new", Some(P::RecordIntake), pages::intake::new_form),
        route(M::POST, "/intake/new", Some(P::RecordIntake), pages::intake::create),
        route(M::GET, "/intake/candidates/{candidate_id}", Some(P::RecordIntake), pages::intake::show),
        route(M::POST, "/intake/candidates/{candidate_id}/decide", Some(P::RecordIntake), pages::intake::decide),
        route(M::GET, "/intake/rules", Some(P::ManageLottery), pages::intake::rules),
        route(M::POST, "/intake/rules", Some(P::ManageLottery), pages::intake::rules_post),
        route(M::GET, "/lottery", Some(P::ManageLottery), pages::lottery::rounds),
        route(M::POST, "/lottery", Some(P::ManageLottery), pages::lottery::open),
        route(M::POST, "/lottery/goals", Some(P::ManageLottery), pages::lottery::set_goal),
        route(M::GET, "/lottery/rounds/{round_id}", Some(P::ManageLottery), pages::lottery::round),
        route(M::POST, "/lottery/rounds/{round_id}/draw", Some(P::ManageLottery), pages::lottery::draw),
        route(M::POST, "/lottery/rounds/{round_id}/enroll", Some(P::ManageLottery), pages::lottery::enroll),
        route(M::GET, "/lottery/rounds/{round_id}/inputs.json", Some(P::ViewReports), pages::lottery::inputs_json),
        route(M::GET, "/lottery/rounds/{round_id}/followups", Some(P::RecordIntake), pages::lottery::followups),
        route(M::POST, "/lottery/rounds/{round_id}/followups", Some(P::RecordIntake), pages::lottery::record_followup),
        route(M::GET, "/reports/evaluation", Some(P::ViewReports), pages::lottery::evaluation),
        route(M::GET, "/reports/evaluation.csv", Some(P::ViewReports), pages::lottery::evaluation_csv),
        // Calendar: hearings, check-ins, appointments, reminders, feeds, rota, outbox, appearance.
        route(M::GET, "/calendar", Some(P::ReadCases), pages::calendar::index),
        route(M::GET, "/calendar/feed.ics", None, pages::calendar::feed),
        route(M::POST, "/calendar/feed", Some(P::ReadCases), pages::calendar::new_feed),
        route(M::POST, "/calendar/feed/revoke", Some(P::ReadCases), pages::calendar::revoke_feed),
        route(M::POST, "/calendar/settings", Some(P::Administer), pages::calendar::save_settings),
        route(M::POST, "/oncall", Some(P::ViewCaseloads), pages::calendar::add_shift),
        route(M::GET, "/cases/{case_id}/events/new", Some(P::WriteCases), pages::calendar::new_form),
        route(M::POST, "/cases/{case_id}/events", Some(P::WriteCases), pages::calendar::create),
        route(M::POST, "/cases/{case_id}/windows", Some(P::WriteCases), pages::calendar::add_window),
        route(M::GET, "/events/{event_id}", Some(P::ReadCases), pages::calendar::show),
        route(M::GET, "/events/{event_id}/ics", Some(P::ReadCases), pages::calendar::event_ics),
        route(M::POST, "/events/{event_id}/attendance", Some(P::WriteCases), pages::calendar::attendance),
        route(M::POST, "/clients/{client_id}/opt-out", Some(P::WriteClients), pages::calendar::opt_out),
        route(M::GET, "/outbox", Some(P::Administer), pages::calendar::outbox),
        route(M::GET, "/reports/appearance", Some(P::ViewReports), pages::calendar::appearance),
    ]
}

/// (method, path, permission) of every route, for tests and documentation.
pub fn specs() -> Vec<(Method, &'static str, Option<Permission>)> {
    table().into_iter().map(|r| (r.method, r.path, r.permission)).collect()
}

pub fn router(state: AppState) -> Router {
    let mut router: Router<AppState> = Router::new();
    for r in table() {
        let handler = match r.permission {
            Some(p) => r.handler.route_layer(from_fn_with_state(state.clone(), move |s, params, req, next| auth::authorize(p, s, params, req, next))),
            None => r.handler,
        };
        router = router.route(r.path, handler);
    }
    router
        .fallback(|| async { error::AppError::NotFound })
        .layer(from_fn_with_state(state.clone(), crate::protection::rate_limit))
        // Layers run bottom-up: metrics → security headers → identify → error pages → CSRF.
        .layer(from_fn(auth::csrf))
        .layer(from_fn(error::render_errors))
        .layer(from_fn_with_state(state.clone(), auth::identify))
        .layer(from_fn(auth::security_headers))
        .layer(from_fn_with_state(state.clone(), metrics::track))
        .layer(axum::extract::DefaultBodyLimit::max(auth::MAX_BODY))
        .with_state(state)
}
