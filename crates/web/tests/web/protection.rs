//! Data protection over HTTP: reviewing and ending sessions, rate limits with translated 429s.

use std::sync::Arc;

use sendero_domain::Role;
use sendero_web::protection::{Protection, Rate, RateLimits};
use sendero_web::{AppState, Application, Settings};

use crate::support::{app_test, csrf_in, set_cookies, urlencoding, TestApp, PASSWORD};

async fn sign_in(app: &TestApp, email: &str, agent: &str) -> String {
    let page = app.http.get(format!("{}/login", app.base)).send().await.unwrap();
    let pre = set_cookies(&page).iter().find(|c| c.starts_with("sendero_csrf=")).unwrap().split(';').next().unwrap().to_owned();
    let csrf = csrf_in(&page.text().await.unwrap()).unwrap();
    let r = app
        .http
        .post(format!("{}/login", app.base))
        .header("cookie", &pre)
        .header("user-agent", agent)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("csrf={csrf}&email={}&password={}", urlencoding(email), urlencoding(PASSWORD)))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303);
    set_cookies(&r).into_iter().find(|c| c.starts_with("sendero_session=")).unwrap().split(';').next().unwrap().to_owned()
}

async fn page(app: &TestApp, cookie: &str, path: &str) -> (u16, String) {
    let r = app.http.get(format!("{}{path}", app.base)).header("cookie", cookie).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn post(app: &TestApp, cookie: &str, path: &str, body: &str) -> u16 {
    let (_, html) = page(app, cookie, "/account").await;
    let csrf = csrf_in(&html).unwrap();
    let r = app
        .http
        .post(format!("{}{path}", app.base))
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("csrf={csrf}&{body}"))
        .send()
        .await
        .unwrap();
    r.status().as_u16()
}

/// The handle of the session listed with `agent` on the account page.
fn handle_for(html: &str, agent: &str) -> String {
    let row = html.split("<tr>").find(|r| r.contains(agent)).unwrap_or_else(|| panic!("a row for {agent}"));
    let start = row.find("name=\"session\" value=\"").unwrap() + "name=\"session\" value=\"".len();
    row[start..start + 16].to_owned()
}

async fn sessions_are_listed_and_ended(app: TestApp) {
    let laptop = sign_in(&app, "manager@own.test", "Laptop-Firefox").await;
    let phone = sign_in(&app, "manager@own.test", "Phone-Safari").await;
    let tablet = sign_in(&app, "manager@own.test", "Tablet-Chrome").await;
    let (status, html) = page(&app, &laptop, "/account").await;
    assert_eq!(status, 200);
    for agent in ["Laptop-Firefox", "Phone-Safari", "Tablet-Chrome"] {
        assert!(html.contains(agent), "{agent} listed");
    }
    assert!(html.contains("127.0.0.1"), "the address is shown");
    let this_row = html.split("<tr>").find(|r| r.contains("Laptop-Firefox")).unwrap();
    assert!(this_row.contains("this browser"), "the current session is marked");
    // Another user's sessions are not listed.
    let other = sign_in(&app, "supervisor@own.test", "Supervisor-Browser").await;
    assert!(!html.contains("Supervisor-Browser"));

    // Sign out the phone from the laptop.
    assert_eq!(post(&app, &laptop, "/account/sessions/end", &format!("session={}", handle_for(&html, "Phone-Safari"))).await, 303);
    assert_eq!(page(&app, &phone, "/clients").await.0, 303, "the phone session ended on the server");
    assert_eq!(page(&app, &tablet, "/clients").await.0, 200);
    // Another user's session cannot be ended with its handle.
    let (_, other_html) = page(&app, &other, "/account").await;
    assert_eq!(post(&app, &laptop, "/account/sessions/end", &format!("session={}", handle_for(&other_html, "Supervisor-Browser"))).await, 303);
    assert_eq!(page(&app, &other, "/").await.0, 200, "another user's session is untouched");

    // Sign out every other session: the tablet ends, the laptop stays.
    assert_eq!(post(&app, &laptop, "/account/sessions/end-others", "").await, 303);
    assert_eq!(page(&app, &tablet, "/clients").await.0, 303);
    let (status, html) = page(&app, &laptop, "/account").await;
    assert_eq!(status, 200);
    assert!(!html.contains("Tablet-Chrome") && !html.contains("Phone-Safari"));
    let audited = app.store.audit_recent(app.own.org, 100).await.unwrap();
    assert_eq!(audited.iter().filter(|e| e.action == "session.end" || e.action == "session.end_others").count(), 2, "ending sessions is audited");
}
app_test!(sessions_are_listed_and_ended);

async fn limits_answer_429_with_retry_after(app: TestApp) {
    // The same database behind a node with tight limits.
    let tight = Rate { burst: 3, per_minute: 1 };
    let mut state = AppState::new(app.store.clone(), Settings { demo: false, secure_cookies: true });
    state.protection = Arc::new(Protection::new(RateLimits { signin: tight, public: tight, api: tight }, false));
    let node = Application::build(state, "127.0.0.1:0").await.unwrap();
    let base = format!("http://127.0.0.1:{}", node.port());
    tokio::spawn(node.run_until_stopped());

    // Sign-in attempts per address: the fourth is refused before the password is checked.
    let mut statuses = Vec::new();
    for _ in 0..4 {
        let r = app
            .http
            .post(format!("{base}/login"))
            .header("cookie", "sendero_csrf=abc")
            .header("accept-language", "es")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("csrf=abc&email=manager%40own.test&password={}", urlencoding("wrong password")))
            .send()
            .await
            .unwrap();
        statuses.push(r.status().as_u16());
        if r.status().as_u16() == 429 {
            let wait: u64 = r.headers()["retry-after"].to_str().unwrap().parse().unwrap();
            assert!((1..=60).contains(&wait), "Retry-After {wait}");
            let html = r.text().await.unwrap();
            assert!(html.contains("Demasiadas solicitudes"), "a translated page");
            assert!(html.contains("<main"), "inside the layout");
        }
    }
    assert_eq!(statuses, vec![401, 401, 401, 429]);
    let audited = app.store.audit_recent(app.own.org, 100).await.unwrap();
    assert_eq!(audited.iter().filter(|e| e.action == "sign_in_failed").count(), 3, "the refused attempt never reached the password check");

    // API calls per user: one user's burst does not slow another.
    let token = app.api_token(Role::CaseManager).await;
    let other = app.api_token(Role::Supervisor).await;
    let mut codes = Vec::new();
    for _ in 0..4 {
        codes.push(app.http.get(format!("{base}/api/v1/me")).bearer_auth(&token).send().await.unwrap().status().as_u16());
    }
    assert_eq!(codes, vec![200, 200, 200, 429]);
    let refused = app.http.get(format!("{base}/api/v1/me")).bearer_auth(&token).send().await.unwrap();
    assert!(refused.headers().contains_key("retry-after"));
    let body: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(body["error"]["code"], "error-rate-limited");
    assert_eq!(app.http.get(format!("{base}/api/v1/me")).bearer_auth(&other).send().await.unwrap().status().as_u16(), 200);

    // Anonymous form posts (public forms) per address.
    let mut codes = Vec::new();
    for _ in 0..4 {
        let r = app
            .http
            .post(format!("{base}/language"))
            .header("cookie", "sendero_csrf=abc")
            .header("content-type", "application/x-www-form-urlencoded")
            .body("csrf=abc&lang=es")
            .send()
            .await
            .unwrap();
        codes.push(r.status().as_u16());
    }
    assert_eq!(codes, vec![303, 303, 303, 429]);
    // The default node (generous limits) still serves everyone.
    let s = app.session(Role::CaseManager).await;
    assert_eq!(app.get(&s, "/").await.status().as_u16(), 200);
}
app_test!(limits_answer_429_with_retry_after);
