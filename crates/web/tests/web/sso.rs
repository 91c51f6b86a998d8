//! Single sign-on against a real OpenID Provider: panva's oidc-provider (e2e/node_modules, run
//! by e2e/tools/oidc-provider.mjs), its development login and consent pages driven over HTTP.
//! Covers linking by verified email, the second factor, refusals, replay and state checks.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use reqwest::{Response, StatusCode};
use sendero_domain::Role;
use sendero_web::sso::OidcSettings;
use sendero_web::{AppState, Application, Settings};

use crate::support::{app_test, TestApp};

const SECRET: &str = "sso-test-secret-0123456789abcdef";

/// The provider process, stopped when dropped.
struct Provider {
    child: Child,
    issuer: String,
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn e2e_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../e2e")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

async fn start_provider(redirect_uri: &str, accounts: serde_json::Value) -> Provider {
    let dir = e2e_dir();
    assert!(dir.join("node_modules/oidc-provider").is_dir(), "oidc-provider is missing: run scripts/install-test-deps.sh (npm ci in e2e/)");
    let port = free_port();
    let mut child = Command::new("node")
        .current_dir(&dir)
        .args(["tools/oidc-provider.mjs", "--port", &port.to_string(), "--redirect-uri", redirect_uri, "--client-id", "sendero", "--client-secret", SECRET])
        .arg("--accounts")
        .arg(accounts.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("node runs");
    let stdout = child.stdout.take().unwrap();
    // Read its output to the end (a closed pipe would kill node at its next log line).
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let mut tx = Some(tx);
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(issuer) = line.strip_prefix("issuer=") {
                if let Some(tx) = tx.take() {
                    let _ = tx.send(issuer.trim().to_owned());
                }
            }
        }
    });
    let issuer = tokio::time::timeout(std::time::Duration::from_secs(30), rx).await.expect("provider ready within 30 s").expect("provider prints its issuer");
    Provider { child, issuer }
}

/// A cookie jar per site (enough for these two hosts: paths are ignored).
#[derive(Default)]
struct Jar(HashMap<String, String>);

impl Jar {
    fn take(&mut self, r: &Response) {
        for v in r.headers().get_all(SET_COOKIE) {
            let v = v.to_str().unwrap();
            let (pair, attrs) = v.split_once(';').unwrap_or((v, ""));
            let (name, value) = pair.split_once('=').unwrap();
            if value.is_empty() || attrs.to_ascii_lowercase().contains("max-age=0") {
                self.0.remove(name.trim());
            } else {
                self.0.insert(name.trim().to_owned(), value.to_owned());
            }
        }
    }
    fn header(&self) -> String {
        self.0.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }
    fn has(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }
}

fn location(r: &Response) -> String {
    r.headers().get(LOCATION).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default()
}

/// One browser: Sendero's cookies and the provider's.
struct Browser<'a> {
    http: &'a reqwest::Client,
    base: String,
    ours: Jar,
    theirs: Jar,
}

impl Browser<'_> {
    async fn get(&mut self, url: &str) -> Response {
        let ours = url.starts_with(&self.base);
        let jar = if ours { &self.ours } else { &self.theirs };
        let r = self.http.get(url).header(COOKIE, jar.header()).send().await.unwrap();
        if ours {
            self.ours.take(&r)
        } else {
            self.theirs.take(&r)
        }
        r
    }

    /// The sign-in page's "Sign in with …" link.
    async fn sso_link(&mut self) -> String {
        let page = self.get(&format!("{}/login?next=/cases", self.base)).await.text().await.unwrap();
        assert!(page.contains("Sign in with Test ID"), "the sign-in page offers SSO: {page}");
        let start = page.find("href=\"/auth/oidc/start").expect("SSO link") + 6;
        let end = start + page[start..].find('"').unwrap();
        format!("{}{}", self.base, page[start..end].replace("&amp;", "&").replace("&#38;", "&"))
    }

    /// From the sign-in page through the provider's login (as `login`) and consent pages, up
    /// to the redirect back to Sendero; returns the callback URL (not yet visited).
    async fn through_provider(&mut self, login: &str) -> String {
        let start = self.sso_link().await;
        let r = self.get(&start).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "start redirects to the provider: {start} {}", self.ours.header());
        assert!(self.ours.has("sendero_oidc"), "the flow is bound to this browser");
        let mut url = location(&r);
        for _ in 0..20 {
            if url.starts_with(&self.base) {
                return url;
            }
            let r = self.get(&url).await;
            if r.status().is_redirection() {
                let next = location(&r);
                url = if next.starts_with('/') { format!("{}{}", origin(&url), next) } else { next };
                continue;
            }
            assert_eq!(r.status(), StatusCode::OK, "provider page {url}");
            let body = r.text().await.unwrap();
            let form = if body.contains("name=\"prompt\" value=\"login\"") {
                vec![("prompt", "login"), ("login", login), ("password", "anything")]
            } else {
                assert!(body.contains("name=\"prompt\" value=\"consent\""), "consent page: {body}");
                vec![("prompt", "consent")]
            };
            let action_at = body.find("action=\"").unwrap() + 8;
            let action = &body[action_at..action_at + body[action_at..].find('"').unwrap()];
            let target = if action.starts_with('/') { format!("{}{}", origin(&url), action) } else { action.to_owned() };
            let r = self.http.post(&target).header(COOKIE, self.theirs.header()).form(&form).send().await.unwrap();
            self.theirs.take(&r);
            assert!(r.status().is_redirection(), "form answered {}", r.status());
            let next = location(&r);
            url = if next.starts_with('/') { format!("{}{}", origin(&target), next) } else { next };
        }
        panic!("no redirect back to Sendero");
    }
}

fn origin(url: &str) -> String {
    let u = reqwest::Url::parse(url).unwrap();
    format!("{}://{}", u.scheme(), u.host_str().unwrap()) + &u.port().map(|p| format!(":{p}")).unwrap_or_default()
}

async fn single_sign_on(app: TestApp) {
    // Without SSO settings there is no button and no SSO route.
    let login = app.http.get(format!("{}/login", app.base)).send().await.unwrap().text().await.unwrap();
    assert!(!login.contains("Sign in with"), "no SSO button when SSO is off");
    assert_eq!(app.http.get(format!("{}/auth/oidc/start", app.base)).send().await.unwrap().status(), StatusCode::NOT_FOUND);

    let manager = app.store.user(app.own.org, app.user_of(Role::CaseManager)).await.unwrap();
    let admin = app.store.user(app.own.org, app.user_of(Role::Administrator)).await.unwrap();
    let supervisor = app.store.user(app.own.org, app.user_of(Role::Supervisor)).await.unwrap();
    let accounts = serde_json::json!({
        "cm": { "email": manager.email.to_uppercase(), "email_verified": true },
        "admin": { "email": admin.email, "email_verified": true },
        "unverified": { "email": supervisor.email, "email_verified": false },
        "stranger": { "email": "nobody@elsewhere.example", "email_verified": true },
    });

    // Sendero with SSO, on the same database; its port is chosen first for the redirect URI.
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let provider = start_provider(&format!("{base}/auth/oidc/callback"), accounts).await;
    let oidc = OidcSettings::from_parts(Some(&provider.issuer), Some("sendero"), Some(SECRET), Some("Test ID"), Some(&base)).unwrap();
    let state = AppState::new(app.store.clone(), Settings { demo: false, secure_cookies: true, oidc });
    let server = Application::build(state, &format!("127.0.0.1:{port}")).await.unwrap();
    tokio::spawn(server.run_until_stopped());
    let browser = || Browser { http: &app.http, base: base.clone(), ours: Jar::default(), theirs: Jar::default() };

    // Starting needs the sign-in page's CSRF token.
    assert_eq!(app.http.get(format!("{base}/auth/oidc/start?csrf=forged")).send().await.unwrap().status(), StatusCode::FORBIDDEN);

    // First sign-in: linked by the verified email (any case), straight to the requested page.
    let mut b = browser();
    let callback = b.through_provider("cm").await;
    assert!(callback.contains("state="), "{callback}");
    let r = b.get(&callback).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), "/cases");
    assert!(b.ours.has("sendero_session"), "signed in");
    assert!(!b.ours.has("sendero_oidc"), "the flow cookie is cleared");
    let dash = b.get(&format!("{base}/")).await;
    assert_eq!(dash.status(), StatusCode::OK);
    assert!(dash.text().await.unwrap().contains(&manager.display_name));
    assert_eq!(app.store.sso_link(manager.id).await.unwrap(), Some((provider.issuer.clone(), "cm".to_owned())));
    let audit = app.store.audit_recent(app.own.org, 20).await.unwrap();
    assert!(audit.iter().any(|e| e.action == "link_sso" && e.entity_id == Some(manager.id)), "the link is audited");
    assert!(audit.iter().any(|e| e.action == "sign_in" && e.entity_id == Some(manager.id) && e.detail.contains("oidc")), "the sign-in is audited");

    // A replayed callback (same browser, same code and state) is refused: the flow is used up.
    b.ours.0.insert("sendero_oidc".into(), "replayed".into());
    let r = b.get(&callback).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert!(r.text().await.unwrap().contains("expired or was already used"));

    // Later sign-ins match the subject; the session comes back as before.
    let mut b = browser();
    let callback = b.through_provider("cm").await;
    // Another browser cannot use this browser's callback (no flow cookie).
    let mut thief = browser();
    let r = thief.get(&callback).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert!(!thief.ours.has("sendero_session"));
    // A mismatched state is refused, and uses the flow up.
    let tampered = callback.replace("state=", "state=x");
    let r = b.get(&tampered).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert!(r.text().await.unwrap().contains("could not be verified"));
    assert!(!b.ours.has("sendero_session"));

    // Administrators need a second factor: SSO leads to the same step as a password.
    let mut b = browser();
    let callback = b.through_provider("admin").await;
    let r = b.get(&callback).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(location(&r).starts_with("/login/two-factor"), "{}", location(&r));
    assert!(b.ours.has("sendero_pending") && !b.ours.has("sendero_session"), "no session before the second factor");

    // Unverified email, unknown email: a clear message, no session, no link.
    for (login, message) in [("unverified", "has not verified your email"), ("stranger", "No active Sendero account")] {
        let mut b = browser();
        let callback = b.through_provider(login).await;
        let r = b.get(&callback).await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{login}");
        assert!(r.text().await.unwrap().contains(message), "{login}");
        assert!(!b.ours.has("sendero_session"), "{login}");
    }
    assert_eq!(app.store.sso_link(supervisor.id).await.unwrap(), None);
}
app_test!(single_sign_on);
