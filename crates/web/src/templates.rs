//! Page templates (askama). Each page embeds a [`Layout`] with the language, the signed-in user
//! and the CSRF token, so the base template can render navigation and forms.

use askama::Template;
use sendero_domain::{FieldErrors, Permission};
use sendero_store::cases::{Case, Caseload, Note};
use sendero_store::clients::{Client, Contact, Household};
use sendero_store::orgs::{Organization, Program, Site};
use sendero_store::users::User;
use sendero_store::Page;

use crate::auth::Ctx;
use crate::i18n::{Tr, LANGUAGES};

/// The signed-in user's header: who they are and the links their role may follow.
#[derive(Debug, Clone)]
pub struct Nav {
    pub name: String,
    pub role: String,
    /// Daily work, then oversight, then data and administration; empty groups are left out.
    pub groups: Vec<Vec<NavLink>>,
}

#[derive(Debug, Clone)]
pub struct NavLink {
    pub href: &'static str,
    pub label: String,
    /// This page or one below it (announced as the current page).
    pub current: bool,
}

/// (href, label key, permission needed; `None` for every signed-in user), in groups.
const NAV_GROUPS: [&[(&str, &str, Option<Permission>)]; 3] = [
    &[
        ("/", "nav-dashboard", None),
        ("/clients", "nav-clients", Some(Permission::ReadClients)),
        ("/cases", "nav-cases", Some(Permission::ReadCases)),
        ("/calendar", "nav-calendar", Some(Permission::ReadCases)),
        ("/directory", "nav-directory", Some(Permission::ReadCases)),
        ("/my/families", "nav-my-families", Some(Permission::ServeFamilies)),
        ("/networks", "nav-networks", Some(Permission::CareNetworks)),
        ("/volunteers", "nav-volunteers", Some(Permission::CoordinateVolunteers)),
        ("/guardian-search", "nav-guardian-search", Some(Permission::SearchGuardians)),
    ],
    &[
        ("/caseloads", "nav-caseloads", Some(Permission::ViewCaseloads)),
        ("/reports", "nav-reports", Some(Permission::ViewReports)),
        ("/intake", "nav-intake", Some(Permission::RecordIntake)),
        ("/lottery", "nav-lottery", Some(Permission::ManageLottery)),
    ],
    &[
        ("/dedup", "nav-dedup", Some(Permission::MergeClients)),
        ("/import", "nav-import", Some(Permission::ImportExport)),
        ("/admin", "nav-admin", Some(Permission::Administer)),
        ("/account", "nav-account", None),
    ],
];

fn nav_groups(user: &User, tr: &Tr, path: &str) -> Vec<Vec<NavLink>> {
    let current = |href: &str| path == href || (href != "/" && path.strip_prefix(href).is_some_and(|rest| rest.starts_with('/')));
    NAV_GROUPS
        .iter()
        .map(|group| {
            group
                .iter()
                .filter(|(_, _, needs)| needs.is_none_or(|p| user.role.can(p)))
                .map(|(href, key, _)| NavLink { href, label: tr.get(key), current: current(href) })
                .collect::<Vec<_>>()
        })
        .filter(|g| !g.is_empty())
        .collect()
}

#[derive(Debug, Clone)]
pub struct Layout {
    pub tr: Tr,
    pub title: String,
    pub nav: Option<Nav>,
    pub csrf: String,
    pub languages: &'static [(&'static str, &'static str)],
}

impl Layout {
    pub fn new(ctx: Option<&Ctx>, tr: Tr, title: &str) -> Layout {
        let user = ctx.and_then(|c| c.user.as_ref());
        Layout {
            nav: user.map(|u| Nav {
                name: u.display_name.clone(),
                role: tr.label("role", u.role.as_str()),
                groups: nav_groups(u, &tr, ctx.map_or("", |c| c.path.as_str())),
            }),
            csrf: ctx.map(|c| c.csrf.clone()).unwrap_or_default(),
            title: title.to_owned(),
            tr,
            languages: &LANGUAGES,
        }
    }

    /// Layout for a signed-in page, title given as a translation key.
    pub fn page(ctx: &Ctx, title_key: &str) -> Layout {
        Layout::new(Some(ctx), ctx.tr.clone(), &ctx.tr.get(title_key))
    }

    pub fn t(&self, key: &str) -> String {
        self.tr.get(key)
    }
}

/// Render a template; a rendering failure is a bug, logged and shown as a plain message.
pub fn render(t: &impl Template) -> String {
    t.render().unwrap_or_else(|e| {
        tracing::error!(error = %e, "template rendering failed");
        "Internal error".to_owned()
    })
}

/// Translated error for one field ("" when valid), for templates.
pub fn field_error(tr: &Tr, errors: &FieldErrors, field: &str) -> String {
    errors.get(field).map(|code| tr.get(code)).unwrap_or_default()
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub l: Layout,
    pub message: String,
    pub status: u16,
}

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub l: Layout,
    pub email: String,
    pub error: Option<String>,
    pub next: String,
    pub demo_accounts: Vec<(String, String)>,
    pub demo_password: &'static str,
    /// Single sign-on: the button's text and where it starts (None when SSO is off).
    pub sso: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
pub struct DashboardPage {
    pub l: Layout,
    pub my_cases: Vec<Case>,
    pub my_open: i64,
    pub org_open: i64,
    pub org_clients: i64,
    pub can_cases: bool,
    /// Panels other features render for this user (tasks, hearings, referrals, …), in order.
    pub panels: Vec<String>,
}

#[derive(Template)]
#[template(path = "clients/list.html")]
pub struct ClientListPage {
    pub l: Layout,
    pub q: String,
    pub sort: String,
    pub page: Page<Client>,
    pub can_write: bool,
    pub partial: bool,
    pub base_url: String,
}

/// Values of the client form as typed (kept on errors).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct ClientForm {
    pub given_names: String,
    pub family_names: String,
    pub aliases: String,
    pub birth_date: String,
    pub country: String,
    pub languages: String,
    pub a_number: String,
    pub phone: String,
    pub email: String,
    pub address: String,
    pub version: i64,
    /// "1" once the person confirmed the shown candidates are someone else.
    pub confirm_new: String,
}

#[derive(Template)]
#[template(path = "clients/form.html")]
pub struct ClientFormPage {
    pub l: Layout,
    pub form: ClientForm,
    pub errors: FieldErrors,
    pub action: String,
    pub editing: bool,
    pub conflict: Option<Vec<(String, String)>>,
    pub candidates: Vec<CandidateView>,
}

impl ClientFormPage {
    pub fn err(&self, field: &str) -> String {
        field_error(&self.l.tr, &self.errors, field)
    }
}

#[derive(Template)]
#[template(path = "clients/show.html")]
pub struct ClientPage {
    pub l: Layout,
    pub client: Client,
    pub contacts: Vec<Contact>,
    pub household: Option<Household>,
    pub cases: Vec<Case>,
    pub programs: Vec<Program>,
    pub sites: Vec<Site>,
    pub can_write: bool,
    pub can_open: bool,
    pub contact_error: String,
    pub case_error: String,
    /// Sections other features render for this client (consents, …), in order.
    pub sections: Vec<String>,
}

#[derive(Template)]
#[template(path = "households/show.html")]
pub struct HouseholdPage {
    pub l: Layout,
    pub household: Household,
    pub form: ClientForm,
    pub relationship: String,
    pub errors: FieldErrors,
    pub can_write: bool,
}

impl HouseholdPage {
    pub fn err(&self, field: &str) -> String {
        field_error(&self.l.tr, &self.errors, field)
    }
}

#[derive(Template)]
#[template(path = "cases/list.html")]
pub struct CaseListPage {
    pub l: Layout,
    pub page: Page<Case>,
    pub status: String,
    pub phase: String,
    pub mine: bool,
    pub sort: String,
    pub phases: Vec<(String, String)>,
    pub base_url: String,
}

#[derive(Template)]
#[template(path = "cases/show.html")]
pub struct CasePage {
    pub l: Layout,
    pub case: Case,
    pub phases: Vec<(String, bool, bool)>,
    /// (when, who, what) already translated.
    pub events: Vec<(String, String, String)>,
    pub notes: Vec<Note>,
    pub staff: Vec<User>,
    pub can_write: bool,
    pub can_notes: bool,
    pub can_override: bool,
    pub can_advance: bool,
    pub can_back: bool,
    pub is_open: bool,
    pub error: String,
    pub note_error: String,
    pub note_date_error: String,
    pub note_date: String,
    pub note_body: String,
    pub today: String,
    pub assessments: Vec<sendero_store::assessments::Assessment>,
    /// (id, title) of instruments that can be taken.
    pub instruments: Vec<(i64, String)>,
    pub score_chart: String,
    pub flags: Vec<(String, String)>,
    /// Sections other features render for this case (tasks, hearings, plans, …), in order.
    pub sections: Vec<String>,
}

impl CasePage {
    pub fn is_manager(&self, id: &i64) -> bool {
        self.case.case_manager_id == Some(*id)
    }
}

#[derive(Template)]
#[template(path = "cases/caseloads.html")]
pub struct CaseloadsPage {
    pub l: Layout,
    pub rows: Vec<Caseload>,
}

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountPage {
    pub l: Layout,
    pub user: User,
    pub tokens: Vec<(i64, String, String)>,
    pub new_token: Option<String>,
    pub error: String,
    pub saved: bool,
    pub sessions: Vec<sendero_store::sessions::SessionInfo>,
}

#[derive(Template)]
#[template(path = "admin/index.html")]
pub struct AdminPage {
    pub l: Layout,
    pub organizations: Vec<Organization>,
    pub programs: Vec<Program>,
    pub sites: Vec<Site>,
    pub users: Vec<User>,
    pub error: String,
    pub notice: String,
}

#[derive(Template)]
#[template(path = "admin/user.html")]
pub struct AdminUserPage {
    pub l: Layout,
    pub user: User,
    pub error: String,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
pub struct AuditPage {
    pub l: Layout,
    pub entries: Vec<sendero_store::audit::AuditEntry>,
    pub verified: i64,
    pub broken: usize,
}

#[derive(Template)]
#[template(path = "import.html")]
pub struct ImportPage {
    pub l: Layout,
    pub stage: &'static str,
    pub headers: Vec<String>,
    pub columns: Vec<(String, String)>,
    pub data: String,
    pub errors: Vec<sendero_store::import::ImportError>,
    pub imported: usize,
    pub message: String,
}

/// One question of an instrument as the form shows it.
#[derive(Debug, Clone)]
pub struct AssessmentItemView {
    pub key: String,
    pub text: String,
    pub required: bool,
    pub options: Vec<(i64, String)>,
    pub answer: Option<i64>,
}

impl AssessmentItemView {
    pub fn is(&self, value: &i64) -> bool {
        self.answer == Some(*value)
    }
    pub fn answer_label(&self) -> String {
        self.options.iter().find(|(v, _)| Some(*v) == self.answer).map(|(_, l)| l.clone()).unwrap_or_else(|| "—".into())
    }
}

#[derive(Template)]
#[template(path = "assessments/form.html")]
pub struct AssessmentFormPage {
    pub l: Layout,
    pub action: String,
    pub version: i64,
    pub case_id: i64,
    pub client_name: String,
    pub instrument_id: i64,
    pub instrument_title: String,
    pub description: String,
    /// (code, name) of the languages the instrument is written in.
    pub languages: Vec<(String, String)>,
    pub language: String,
    pub timings: Vec<(String, String)>,
    pub timing: String,
    pub respondents: Vec<(i64, String)>,
    pub respondent: i64,
    pub domains: Vec<(String, Vec<AssessmentItemView>)>,
    pub taken_on: String,
    pub error: String,
}

#[derive(Template)]
#[template(path = "assessments/show.html")]
pub struct AssessmentView {
    pub l: Layout,
    pub case_id: i64,
    pub client_name: String,
    pub title: String,
    pub timing: String,
    pub taken_on: String,
    pub total: Option<String>,
    pub domains: Vec<(String, String)>,
    pub answers: Vec<(String, Vec<AssessmentItemView>)>,
    pub flag: Option<(String, String)>,
}

pub struct OutcomeRowView {
    pub label: String,
    pub kind: &'static str,
    pub n: usize,
    pub mean_pre: String,
    pub mean_post: String,
    pub change: String,
    pub ci: String,
    pub t_p: String,
    pub t_p_holm: String,
    pub w_p: String,
    pub w_p_holm: String,
    pub d_z: String,
    pub r_rb: String,
}

#[derive(Template)]
#[template(path = "reports/outcomes.html")]
pub struct OutcomePage {
    pub l: Layout,
    pub programs: Vec<(i64, String)>,
    pub sites: Vec<(i64, String)>,
    pub instruments: Vec<(String, String)>,
    pub program: String,
    pub site: String,
    pub instrument: String,
    pub from: String,
    pub to: String,
    pub ready: bool,
    pub summary: Vec<(String, String)>,
    pub baseline: Vec<(String, String)>,
    pub rows: Vec<OutcomeRowView>,
    pub chart: String,
    pub csv_url: String,
}

#[derive(Template)]
#[template(path = "admin/instruments.html")]
pub struct InstrumentsPage {
    pub l: Layout,
    /// (id, key, version, title, items, built in)
    pub instruments: Vec<(i64, String, i64, String, usize, bool)>,
    pub definition: String,
    pub error: String,
    pub notice: String,
}

/// An existing client who may be the same person, with the reasons in plain language.
#[derive(Debug, Clone)]
pub struct CandidateView {
    pub id: i64,
    pub name: String,
    pub birth_date: String,
    pub country: String,
    pub score: String,
    pub probability: String,
    pub reasons: Vec<String>,
}

#[derive(Template)]
#[template(path = "clients/candidates.html")]
pub struct CandidatesPartial {
    pub l: Layout,
    pub candidates: Vec<CandidateView>,
}

pub struct DedupPair {
    pub left: CandidateView,
    pub right: CandidateView,
    pub left_cases: usize,
    pub right_cases: usize,
    pub score: String,
    pub reasons: Vec<String>,
}

#[derive(Template)]
#[template(path = "dedup/review.html")]
pub struct DedupReviewPage {
    pub l: Layout,
    pub pairs: Vec<DedupPair>,
    pub total: usize,
    pub threshold: String,
}

#[derive(Template)]
#[template(path = "dedup/merges.html")]
pub struct MergesPage {
    pub l: Layout,
    pub merges: Vec<sendero_store::dedup::Merge>,
}
