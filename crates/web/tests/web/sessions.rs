//! Signing in, lock-out, CSRF, sign-out and password change over real HTTP.

use sendero_domain::Role;

use crate::support::{app_test, csrf_in, set_cookies, urlencoding, TestApp, PASSWORD};

async fn login_page(app: &TestApp) -> (String, String) {
    let r = app.http.get(format!("{}/login", app.base)).send().await.unwrap();
    let cookie =
        set_cookies(&r).iter().find(|c| c.starts_with("sendero_csrf=")).map(|c| c.split(';').next().unwrap().to_owned()).expect("pre-session CSRF cookie");
    let csrf = csrf_in(&r.text().await.unwrap()).expect("csrf field");
    (cookie, csrf)
}

async fn post_login(app: &TestApp, cookie: &str, csrf: &str, email: &str, password: &str) -> reqwest::Response {
    app.http
        .post(format!("{}/login", app.base))
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("csrf={csrf}&email={}&password={}&next=%2Fclients", urlencoding(email), urlencoding(password)))
        .send()
        .await
        .unwrap()
}

async fn sign_in_and_out(app: TestApp) {
    let (cookie, csrf) = login_page(&app).await;
    let bad = post_login(&app, &cookie, &csrf, "manager@own.test", "wrong password").await;
    assert_eq!(bad.status().as_u16(), 401);
    assert!(bad.text().await.unwrap().contains("do not match"));
    let ok = post_login(&app, &cookie, &csrf, "Manager@Own.test", PASSWORD).await;
    assert_eq!(ok.status().as_u16(), 303);
    assert_eq!(ok.headers()["location"], "/clients");
    let session = set_cookies(&ok).into_iter().find(|c| c.starts_with("sendero_session=")).expect("session cookie");
    assert!(session.contains("HttpOnly") && session.contains("SameSite=Lax") && session.contains("Secure"));
    let cookie = session.split(';').next().unwrap().to_owned();
    let page = app.http.get(format!("{}/clients", app.base)).header("cookie", &cookie).send().await.unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let csrf = csrf_in(&page.text().await.unwrap()).unwrap();
    let out = app
        .http
        .post(format!("{}/logout", app.base))
        .header("cookie", &cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("csrf={csrf}"))
        .send()
        .await
        .unwrap();
    assert_eq!(out.status().as_u16(), 303);
    let after = app.http.get(format!("{}/clients", app.base)).header("cookie", &cookie).send().await.unwrap();
    assert_eq!(after.status().as_u16(), 303, "the session ended on the server, not only in the browser");
}
app_test!(sign_in_and_out);

async fn lock_out(app: TestApp) {
    let (cookie, csrf) = login_page(&app).await;
    for _ in 0..5 {
        assert_eq!(post_login(&app, &cookie, &csrf, "supervisor@own.test", "nope nope nope").await.status().as_u16(), 401);
    }
    let locked = post_login(&app, &cookie, &csrf, "supervisor@own.test", PASSWORD).await;
    assert_eq!(locked.status().as_u16(), 401);
    assert!(locked.text().await.unwrap().contains("locked"));
}
app_test!(lock_out);

async fn csrf_is_required(app: TestApp) {
    // Sign-in without the double-submit cookie fails.
    let r = app
        .http
        .post(format!("{}/login", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("csrf=x&email=manager%40own.test&password={}", urlencoding(PASSWORD)))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    let s = app.session(Role::CaseManager).await;
    let url = format!("{}/clients/new", app.base);
    let form = "given_names=Forged&family_names=Request";
    let none = app.http.post(&url).header("cookie", &s.cookie).header("content-type", "application/x-www-form-urlencoded").body(form).send().await.unwrap();
    assert_eq!(none.status().as_u16(), 403);
    let wrong = app
        .http
        .post(&url)
        .header("cookie", &s.cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("{form}&csrf=0000"))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status().as_u16(), 403);
    assert!(wrong.text().await.unwrap().contains("expired or did not come from Sendero"));
    let right = app.post_form(&s, "/clients/new", &[("given_names", "Real"), ("family_names", "Request")]).await;
    assert_eq!(right.status().as_u16(), 303);
    let listed = app.get(&s, "/clients?q=forged").await.text().await.unwrap();
    assert!(!listed.contains("Forged"), "the forged request saved nothing");
}
app_test!(csrf_is_required);

async fn change_password(app: TestApp) {
    let s = app.session(Role::CaseManager).await;
    let other = app.session(Role::CaseManager).await;
    let short = app.post_form(&s, "/account/password", &[("current", PASSWORD), ("new", "short")]).await;
    assert!(short.text().await.unwrap().contains("at least 10 characters"));
    let wrong = app.post_form(&s, "/account/password", &[("current", "not it at all"), ("new", "a much longer password")]).await;
    assert!(wrong.text().await.unwrap().contains("not correct"));
    let ok = app.post_form(&s, "/account/password", &[("current", PASSWORD), ("new", "a much longer password")]).await;
    assert!(ok.text().await.unwrap().contains("Password changed"));
    assert_eq!(app.get(&s, "/account").await.status().as_u16(), 200, "this session stays signed in");
    assert_eq!(app.get(&other, "/account").await.status().as_u16(), 303, "other sessions are signed out");
    assert!(app.store.sign_in("manager@own.test", "a much longer password").await.unwrap().is_ok());
}
app_test!(change_password);
