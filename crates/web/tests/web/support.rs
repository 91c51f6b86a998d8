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
    /// A goal of `case`'s service plan.
    pub goal: i64,
    /// A referral this organization sent to the other one.
    pub referral: i64,
    /// A referral the other organization sent to this one (this one's incoming queue).
    pub incoming: i64,
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

fn draft(given: &str, family: &str) -> ClientDraft {
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
    OrgWorld { org, client, contact, household, case, program, user, assessment, instrument, merge, task, goal, referral: 0, incoming: 0 }
}

pub async fn spawn_app(store: Store) -> TestApp {
    // Unexpected errors are logged; show them in the failing test's output.
    let _ = tracing_subscriber::fmt().with_test_writer().with_max_level(tracing::Level::WARN).try_init();
    let consortium = store.create_consortium("Test consortium").await.unwrap();
    let own = org_world(&store, consortium, "Camino", "Castillo", "manager@own.test").await;
    let other = org_world(&store, consortium, "Elsewhere", OTHER_ORG_MARKER, "manager@other.test").await;
    let (mut own, mut other) = (own, other);
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
    let state = AppState::new(store.clone(), Settings { demo: false, secure_cookies: true });
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
