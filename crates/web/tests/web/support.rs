//! `spawn_app`: the real application on a free port over a fresh database, with a world of two
//! organizations, staff in every role and a client, household and case in each.

use std::future::Future;

use sendero_domain::client::ClientInput;
use sendero_domain::{ClientDraft, ContactKind, ProgramKind, Role};
use sendero_store::testing::run;
pub use sendero_store::testing::Backend;
use sendero_store::users::NewUser;
use sendero_store::{Actor, Store};
use sendero_web::{AppState, Application, Settings};

/// Make `name::sqlite` and `name::postgres` tests calling `async fn name(app: TestApp)`.
macro_rules! app_test {
    ($name:ident) => {
        mod $name {
            use crate::support::{with_app, Backend};

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                with_app(Backend::Sqlite, super::$name).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                with_app(Backend::Postgres, super::$name).await
            }
        }
    };
}
pub(crate) use app_test;

pub const PASSWORD: &str = "correct horse battery";
/// A name only the other organization's records carry: finding it in a response is a leak.
pub const OTHER_ORG_MARKER: &str = "Zzyzxleak";

/// Ids of one organization's records.
#[derive(Debug, Clone, Copy)]
pub struct OrgWorld {
    pub org: i64,
    pub client: i64,
    pub contact: i64,
    pub household: i64,
    pub case: i64,
    pub program: i64,
    pub user: i64,
    pub assessment: i64,
    /// An instrument only this organization can use.
    pub instrument: i64,
    /// A merge of a throwaway record into `client`.
    pub merge: i64,
    /// An open task on `case`.
    pub task: i64,
    /// A consent this organization recorded (sharing a person with the other organization).
    pub consent: i64,
    /// A consent in force that another organization gave to this one.
    pub grant: i64,
    /// A transfer this organization can see (own: incoming from the other organization;
    /// other: between the other organization and a third one).
    pub transfer: i64,
    /// An intake candidate (family name carries the organization's marker).
    pub candidate: i64,
    /// A published, not yet drawn, lottery round containing `candidate`.
    pub round: i64,
    /// Volunteers, care network, ride and guardian records (see `volunteers::care_fixtures`).
    pub care: crate::volunteers::CareIds,
    /// A hearing on `case` (its judge names the organization's family name).
    pub event: i64,
    /// A goal of `case`'s service plan.
    pub goal: i64,
    /// A referral this organization sent to the other one.
    pub referral: i64,
    /// A referral the other organization sent to this one (this one's incoming queue).
    pub incoming: i64,
    /// A monthly board report schedule and one run of it.
    pub schedule: i64,
    pub run: i64,
}

pub struct TestApp {
    pub base: String,
    pub store: Store,
    pub http: reqwest::Client,
    /// User id per role in the own organization.
    pub users: Vec<(Role, i64)>,
    pub own: OrgWorld,
    pub other: OrgWorld,
}

pub async fn with_app<F, Fut>(backend: Backend, test: F)
where
    F: FnOnce(TestApp) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    run(backend, true, |store| async move {
        let app = spawn_app(store).await;
        test(app).await
    })
    .await
}

pub fn draft(given: &str, family: &str) -> ClientDraft {
    let input = ClientInput {
        given_names: given.into(),
        family_names: family.into(),
        birth_date: "1990-04".into(),
        a_number: "A 212-345-678".into(),
        ..Default::default()
    };
    ClientDraft::parse(&input, sendero_store::today()).expect("valid test client")
}

async fn org_world(store: &Store, consortium: i64, name: &str, family: &str, manager_email: &str) -> OrgWorld {
    let org = store.create_organization(None, Some(consortium), name, "lead", None).await.unwrap();
    let user = store
        .create_user(
            None,
            NewUser {
                org_id: org,
                email: manager_email,
                display_name: "Manager",
                password: PASSWORD,
                role: Role::CaseManager,
                locale: "en",
                caseload_limit: 10,
            },
        )
        .await
        .unwrap();
    let actor = Actor { user_id: Some(user), org_id: org };
    let program = store.create_program(actor, "Accompaniment", ProgramKind::Destination, None).await.unwrap();
    let client = store.create_client(actor, &draft("Ana", family), &[(ContactKind::Phone, "+1 555 010 0000".into())]).await.unwrap();
    let contact = store.contacts(org, client).await.unwrap()[0].id;
    let household = store.create_household(actor, &format!("{family} family"), client).await.unwrap();
    let case = store.open_case(actor, client, program, None, Some(user), false).await.unwrap();
    store.add_note(actor, case, sendero_store::today(), &format!("Note about {family}")).await.unwrap();
    let mut definition = sendero_domain::instrument::builtin().remove(1);
    definition.key = format!("own-{}", family.to_lowercase());
    let instrument = store.save_instrument(actor, &definition).await.unwrap();
    let input = sendero_store::assessments::AssessmentInput {
        case_id: case,
        client_id: client,
        instrument_id: instrument,
        timing: sendero_domain::instrument::Timing::Intake,
        language: "en",
        answers: Default::default(),
        taken_on: sendero_store::today(),
        complete: false,
    };
    let assessment = store.save_assessment(actor, &input, None).await.unwrap();
    let duplicate = store.create_client(actor, &draft("Ana", &format!("{family} Duplicate")), &[]).await.unwrap();
    let merge = store.merge_clients(actor, client, duplicate, "registered twice").await.unwrap();
    let task = sendero_store::tasks::NewTask {
        case_id: Some(case),
        client_id: Some(client),
        kind: "general",
        title: &format!("Call the {family} family"),
        ..Default::default()
    };
    let task = store.create_task(actor, &task).await.unwrap().unwrap();
    let goal = store.add_goal(actor, case, 0, Some("housing"), &format!("A home for the {family} family"), sendero_store::today()).await.unwrap();
    let event = crate::calendar::hearing_for(store, actor, case, family).await;
    let (candidate, round) = intake_world(store, actor, program, family).await;
    let care = crate::volunteers::care_fixtures(store, actor, household, family).await;
    let (schedule, run) = scheduled_run(store, org, family).await;
    OrgWorld {
        org,
        client,
        contact,
        household,
        case,
        program,
        user,
        assessment,
        instrument,
        merge,
        task,
        consent: 0,
        grant: 0,
        transfer: 0,
        candidate,
        round,
        care,
        event,
        goal,
        referral: 0,
        incoming: 0,
        schedule,
        run,
    }
}

/// A board report scheduled for a director of `org`, and its first run made as the worker
/// makes it.
async fn scheduled_run(store: &Store, org: i64, family: &str) -> (i64, i64) {
    use sendero_store::report_schedules::{NewSchedule, ReportRenderer};
    let email = format!("director.{}@example.org", family.to_lowercase());
    let new = NewUser { org_id: org, email: &email, display_name: "Director", password: PASSWORD, role: Role::Administrator, locale: "en", caseload_limit: 0 };
    let director = store.create_user(None, new).await.unwrap();
    let new = NewSchedule { report: "board", format: "csv", cadence: "monthly", program_id: None, language: "en", recipients: &[director] };
    let id = store.create_report_schedule(Actor { user_id: Some(director), org_id: org }, &new, sendero_store::today()).await.unwrap();
    let schedule = store.report_schedule(org, id).await.unwrap();
    let due = schedule.next_run().unwrap();
    let cadence = schedule.cadence().unwrap();
    let period = cadence.period_before(due);
    let file = sendero_web::pages::schedules::Scheduler.render(store, &schedule, period).await.unwrap();
    let run = store.record_report_run(&schedule, period, cadence.next_run(due), &file, &|_| vec![]).await.unwrap().unwrap();
    (id, run)
}

/// `from` shares a person (not carrying the leak marker: the recipient may see them) with
/// `to` for 90 days and proposes transferring their case there. Returns (consent, transfer).
async fn share_and_transfer(store: &Store, from: &OrgWorld, to: i64) -> (i64, i64) {
    use sendero_domain::consent::{ConsentDraft, ConsentInput};
    let actor = Actor { user_id: Some(from.user), org_id: from.org };
    let person = store.create_client(actor, &draft("Pat", &format!("Shared {to}")), &[]).await.unwrap();
    let case = store.open_case(actor, person, from.program, None, None, false).await.unwrap();
    let today = sendero_store::today();
    let input = ConsentInput {
        purpose: "Hearing support".into(),
        recipient: to.to_string(),
        scopes: vec!["contacts".into(), "case".into()],
        starts_on: today.to_string(),
        ends_on: (today + chrono::Days::new(90)).to_string(),
        method: "signed".into(),
        language: "es".into(),
        ..Default::default()
    };
    let consent = store.record_consent(actor, person, &ConsentDraft::parse(&input, from.org, today).unwrap()).await.unwrap();
    let transfer = store.propose_transfer(actor, case, to, "Moving to be near the court.", false).await.unwrap();
    (consent, transfer)
}

pub async fn spawn_app(store: Store) -> TestApp {
    // Unexpected errors are logged; show them in the failing test's output.
    let _ = tracing_subscriber::fmt().with_test_writer().with_max_level(tracing::Level::WARN).try_init();
    let consortium = store.create_consortium("Test consortium").await.unwrap();
    let own = org_world(&store, consortium, "Camino", "Castillo", "manager@own.test").await;
    let mut own = own;
    let mut other = org_world(&store, consortium, "Elsewhere", OTHER_ORG_MARKER, "manager@other.test").await;
    let third = store.create_organization(None, Some(consortium), "Third", "partner", None).await.unwrap();
    (own.grant, own.transfer) = share_and_transfer(&store, &other, own.org).await;
    (other.grant, _) = share_and_transfer(&store, &own, other.org).await;
    (_, other.transfer) = share_and_transfer(&store, &other, third).await;
    (own.consent, other.consent) = (other.grant, own.grant);
    link_referrals(&store, &mut own, &mut other).await;
    let mut users = vec![(Role::CaseManager, own.user)];
    for role in Role::ALL.into_iter().filter(|r| *r != Role::CaseManager) {
        let email = format!("{}@own.test", role.as_str());
        let id = store
            .create_user(
                None,
                NewUser { org_id: own.org, email: &email, display_name: role.as_str(), password: PASSWORD, role, locale: "en", caseload_limit: 10 },
            )
            .await
            .unwrap();
        users.push((role, id));
    }
    crate::volunteers::enlist_test_volunteer(&store, &own, users.iter().find(|(r, _)| *r == Role::Volunteer).map(|(_, id)| *id).unwrap()).await;
    let state = AppState::new(store.clone(), Settings { demo: false, secure_cookies: true, oidc: None });
    let app = Application::build(state, "127.0.0.1:0").await.expect("binding port 0");
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    TestApp { base, store, http, users, own, other }
}

/// A signed-in browser session: cookie and CSRF token.
#[derive(Debug, Clone)]
pub struct Session {
    pub cookie: String,
    pub csrf: String,
}

impl TestApp {
    pub fn user_of(&self, role: Role) -> i64 {
        self.users.iter().find(|(r, _)| *r == role).map(|(_, id)| *id).expect("a user for every role")
    }

    /// A fresh session for `role` (made in the store: sign-in itself is tested separately).
    pub async fn session(&self, role: Role) -> Session {
        let (token, csrf) = self.store.create_session(self.user_of(role)).await.unwrap();
        Session { cookie: format!("sendero_session={token}"), csrf }
    }

    pub async fn get(&self, s: &Session, path: &str) -> reqwest::Response {
        self.http.get(format!("{}{path}", self.base)).header("cookie", &s.cookie).send().await.unwrap()
    }

    /// POST a form with the session's CSRF token.
    pub async fn post_form(&self, s: &Session, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let mut body: Vec<(&str, &str)> = vec![("csrf", &s.csrf)];
        body.extend_from_slice(fields);
        let encoded = body.iter().map(|(k, v)| format!("{}={}", urlencoding(k), urlencoding(v))).collect::<Vec<_>>().join("&");
        self.http
            .post(format!("{}{path}", self.base))
            .header("cookie", &s.cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(encoded)
            .send()
            .await
            .unwrap()
    }

    pub async fn api_token(&self, role: Role) -> String {
        let user = self.store.user(self.own.org, self.user_of(role)).await.unwrap();
        self.store.create_api_token(&user, "test").await.unwrap()
    }
}

pub fn urlencoding(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The value of `name="csrf" value="…"` in a page.
pub fn csrf_in(html: &str) -> Option<String> {
    let start = html.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_owned())
}

pub fn set_cookies(r: &reqwest::Response) -> Vec<String> {
    r.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).map(str::to_owned).collect()
}

/// An eligible intake candidate in a published lottery round of `program`.
async fn intake_world(store: &Store, actor: Actor, program: i64, family: &str) -> (i64, i64) {
    use sendero_domain::intake::{CandidateDraft, CandidateInput};
    use sendero_store::lottery::{SeedSource, StratumCapacity};
    let rule = sendero_domain::eligibility::PHASE_1_RULE;
    store.save_rule(actor, program, "Phase 1", rule, "2026-01-01".parse().unwrap()).await.unwrap().unwrap();
    let input = CandidateInput {
        given_names: "Rosa".into(),
        family_names: family.into(),
        language: "es".into(),
        referral_source: "walk_in".into(),
        referral_detail: "Main office".into(),
        interested: true,
        screening: vec![("in_removal_proceedings".into(), "yes".into()), ("enrolled_in_isap".into(), "yes".into())],
        ..Default::default()
    };
    let draft = CandidateDraft::parse(&input).unwrap();
    let candidate = store.create_candidate(actor, program, None, &draft, sendero_store::intake::Origin::Staff, None).await.unwrap();
    store.decide_eligibility(actor, candidate, sendero_store::today()).await.unwrap();
    let caps = [StratumCapacity { name: "all".into(), capacity: 1, comparison_size: 0 }];
    let round = store
        .open_round(actor, program, &format!("{family} round"), SeedSource::Seed("matrix-seed-2026".into()), sendero_domain::lottery::Strata::None, &caps)
        .await
        .unwrap();
    (candidate, round)
}

/// Each organization refers its case to the other, sharing only a need (no names: the
/// receiver may see it, so it must not carry the leak marker).
async fn link_referrals(store: &Store, own: &mut OrgWorld, other: &mut OrgWorld) {
    let (own_org, other_org) = (own.org, other.org);
    for (from, to) in [(&mut *own, other_org), (&mut *other, own_org)] {
        let new = sendero_store::referrals::NewReferral {
            case_id: from.case,
            target: sendero_store::referrals::ReferralTarget::Organization(to),
            category: Some("transportation".into()),
            shared_fields: vec!["needs".into()],
            needs: Some("A ride to the check-in".into()),
            consent_by: "The client".into(),
            consent_method: "verbal".into(),
            consent_on: sendero_store::today(),
            sent_on: sendero_store::today(),
        };
        from.referral = store.create_referral(Actor { user_id: None, org_id: from.org }, &new).await.unwrap();
    }
    own.incoming = other.referral;
    other.incoming = own.referral;
}
