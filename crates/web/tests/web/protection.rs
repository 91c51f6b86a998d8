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
    let other = sign_in(&app, "intake_worker@own.test", "Supervisor-Browser").await;
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
    let mut state = AppState::new(app.store.clone(), Settings { demo: false, secure_cookies: true, oidc: None });
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

/// POST the password step; returns (status, location, cookies to send next).
async fn password_step(app: &TestApp, email: &str) -> (u16, String, String) {
    let page = app.http.get(format!("{}/login", app.base)).send().await.unwrap();
    let pre = set_cookies(&page).iter().find(|c| c.starts_with("sendero_csrf=")).unwrap().split(';').next().unwrap().to_owned();
    let csrf = csrf_in(&page.text().await.unwrap()).unwrap();
    let r = app
        .http
        .post(format!("{}/login", app.base))
        .header("cookie", &pre)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("csrf={csrf}&email={}&password={}&next=%2Fcases", urlencoding(email), urlencoding(PASSWORD)))
        .send()
        .await
        .unwrap();
    let pending = set_cookies(&r).into_iter().find(|c| c.starts_with("sendero_pending=")).map(|c| c.split(';').next().unwrap().to_owned());
    let location = r.headers().get("location").map(|l| l.to_str().unwrap().to_owned()).unwrap_or_default();
    let cookies = match pending {
        Some(p) => format!("{pre}; {p}"),
        None => pre,
    };
    (r.status().as_u16(), location, cookies)
}

async fn post_code(app: &TestApp, cookies: &str, code: &str) -> reqwest::Response {
    let csrf = cookies.split("sendero_csrf=").nth(1).unwrap().split(';').next().unwrap().to_owned();
    app.http
        .post(format!("{}/login/two-factor", app.base))
        .header("cookie", cookies)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("csrf={csrf}&next=%2Fcases&code={}", urlencoding(code)))
        .send()
        .await
        .unwrap()
}

fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
}

async fn supervisors_enrol_in_two_factor_sign_in(app: TestApp) {
    // A case manager signs in with the password alone.
    let (status, location, _) = password_step(&app, "manager@own.test").await;
    assert_eq!((status, location.as_str()), (303, "/cases"));

    // A supervisor without an authenticator is sent to enrolment and has no session meanwhile.
    let (status, location, cookies) = password_step(&app, "supervisor@own.test").await;
    assert_eq!(status, 303);
    assert!(location.starts_with("/login/two-factor"), "{location}");
    assert!(!cookies.contains("sendero_session="));
    let blocked = app.http.get(format!("{}/cases", app.base)).header("cookie", &cookies).send().await.unwrap();
    assert_eq!(blocked.status().as_u16(), 303, "nothing else is reachable before enrolment");
    let page = app.http.get(format!("{}{location}", app.base)).header("cookie", &cookies).send().await.unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("otpauth://totp/Sendero:supervisor@own.test?secret="), "the otpauth URI is shown");
    let secret = html.split("secret=").nth(1).unwrap().split('&').next().unwrap().to_owned();
    assert!(html.contains(&format!("<code>{secret}</code>")), "the key is shown as text");

    // A wrong code is refused; the current one enrols, shows recovery codes once and signs in.
    assert_eq!(post_code(&app, &cookies, "000000x").await.status().as_u16(), 401);
    let code = sendero_store::two_factor::code_at(&secret, unix_now()).unwrap();
    let enrolled = post_code(&app, &cookies, &code).await;
    assert_eq!(enrolled.status().as_u16(), 200);
    let session = set_cookies(&enrolled).into_iter().find(|c| c.starts_with("sendero_session=")).expect("signed in").split(';').next().unwrap().to_owned();
    let html = enrolled.text().await.unwrap();
    let recovery: Vec<String> = html.split("<li><code>").skip(1).map(|s| s.split('<').next().unwrap().to_owned()).collect();
    assert_eq!(recovery.len(), 10);
    assert_eq!(app.http.get(format!("{}/cases", app.base)).header("cookie", &session).send().await.unwrap().status().as_u16(), 200);

    // Next time: the code step (no enrolment), and a recovery code works once.
    let (_, location, cookies) = password_step(&app, "supervisor@own.test").await;
    let page = app.http.get(format!("{}{location}", app.base)).header("cookie", &cookies).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Enter your sign-in code") && !page.contains("otpauth://"));
    let ok = post_code(&app, &cookies, &recovery[0]).await;
    assert_eq!((ok.status().as_u16(), ok.headers()["location"].to_str().unwrap()), (303, "/cases"));
    let (_, _, cookies) = password_step(&app, "supervisor@own.test").await;
    assert_eq!(post_code(&app, &cookies, &recovery[0]).await.status().as_u16(), 401, "a recovery code works once");
}
app_test!(supervisors_enrol_in_two_factor_sign_in);

async fn a_client_gets_all_their_data(app: TestApp) {
    let s = app.session(Role::CaseManager).await;
    let client = app.own.client;
    let page = app.get(&s, &format!("/clients/{client}/export")).await;
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.unwrap();
    let stored = app.store.client(app.own.org, client).await.unwrap();
    let a_number = stored.a_number.clone().unwrap();
    assert!(html.contains(&a_number), "the A-number is decrypted for the person");
    assert!(html.contains("Note about Castillo"), "case notes are decrypted");
    assert!(html.contains("+1 555 010 0000") && html.contains("Call the Castillo family"), "contacts and tasks are included");
    for heading in ["Personal details", "Contact channels", "Household", "Cases", "Case notes", "Assessments", "Tasks", "Messages"] {
        assert!(html.contains(heading), "section {heading}");
    }
    assert!(!html.contains("search_text") && !html.contains("v1:"), "no internal columns or ciphertext");

    let json: serde_json::Value = app.get(&s, &format!("/clients/{client}/export.json")).await.json().await.unwrap();
    assert_eq!(json["format"], "sendero-client-export/1");
    assert_eq!(json["client"][0]["id"], client);
    assert_eq!(json["client"][0]["a_number"], a_number.as_str());
    assert_eq!(json["notes"][0]["body"], "Note about Castillo");
    assert_eq!(json["cases"].as_array().unwrap().len(), 1);
    assert_eq!(json["household"][0]["id"], app.own.household);
    assert_eq!(json["assessments"][0]["id"], app.own.assessment);
    assert!(!json.to_string().contains(crate::support::OTHER_ORG_MARKER));

    // Both were logged as reads of the client's export.
    let reads = app.store.reads_of(app.own.org, "client_export", client).await.unwrap();
    assert_eq!(reads.len(), 2);
    // Intake workers (no access to notes) cannot export.
    let intake = app.session(Role::IntakeWorker).await;
    assert_eq!(app.get(&intake, &format!("/clients/{client}/export")).await.status().as_u16(), 403);
}
app_test!(a_client_gets_all_their_data);

async fn administrators_review_and_approve_purges(app: TestApp) {
    let admin = app.session(Role::Administrator).await;
    let page = app.get(&admin, "/admin/protection").await;
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("No retention rules are set") && html.contains("name=\"require_totp\" type=\"checkbox\" checked"));
    // Close the own case long ago; set rules; the plan lists it.
    sqlx_free_close(&app).await;
    let saved =
        app.post_form(&admin, "/admin/protection", &[("require_totp", "on"), ("closed_case_years", "7"), ("message_days", ""), ("read_log_years", "5")]).await;
    assert_eq!(saved.status().as_u16(), 303);
    let rules = app.store.retention_rules(app.own.org).await.unwrap();
    assert_eq!((rules.closed_case_years, rules.message_days, rules.read_log_years), (Some(7), None, Some(5)));
    let bad = app.post_form(&admin, "/admin/protection", &[("closed_case_years", "seven")]).await;
    assert!(bad.text().await.unwrap().contains("Enter whole numbers"));
    let html = app.get(&admin, "/admin/protection").await.text().await.unwrap();
    let token = html.split("name=\"plan\" value=\"").nth(1).expect("a purge form").split('"').next().unwrap().to_owned();
    assert!(token.contains("cases:1") && token.contains("notes:1") && token.contains("read_log:0"), "{token}");
    assert!(html.contains("Read-log entries"), "every record type in the plan has a label");
    // Without the confirmation box nothing happens; a stale plan is refused; the reviewed one runs.
    assert!(app.post_form(&admin, "/admin/protection/purge", &[("plan", &token)]).await.text().await.unwrap().contains("Tick the box"));
    let stale = app.post_form(&admin, "/admin/protection/purge", &[("plan", &token.replace("cases:1", "cases:2")), ("confirm", "on")]).await;
    assert_eq!(stale.status().as_u16(), 409);
    assert!(app.store.case(app.own.org, app.own.case).await.is_ok(), "nothing deleted on a stale plan");
    let done = app.post_form(&admin, "/admin/protection/purge", &[("plan", &token), ("confirm", "on")]).await;
    assert_eq!(done.status().as_u16(), 200);
    assert!(done.text().await.unwrap().contains("records were deleted"));
    assert!(app.store.case(app.own.org, app.own.case).await.is_err(), "the old closed case is gone");
    assert!(app.store.case(app.other.org, app.other.case).await.is_ok(), "the other organization is untouched");
    // Turning two-factor off for the organization lets supervisors sign in with the password.
    assert_eq!(app.post_form(&admin, "/admin/protection", &[("closed_case_years", "7")]).await.status().as_u16(), 303);
    assert!(!app.store.org_requires_totp(app.own.org).await.unwrap());
    let (status, location, _) = password_step(&app, "supervisor@own.test").await;
    assert_eq!((status, location.as_str()), (303, "/cases"));
}
app_test!(administrators_review_and_approve_purges);

/// Close the own organization's case as if it had closed in 2015.
async fn sqlx_free_close(app: &TestApp) {
    let case = app.store.case(app.own.org, app.own.case).await.unwrap();
    let actor = sendero_store::Actor { user_id: None, org_id: app.own.org };
    app.store.backdate_case_closure_for_tests(actor, case.id, "2015-06-01T00:00:00.000000Z").await.unwrap();
}
