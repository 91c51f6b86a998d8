//! Staff accounts: sign-in with lock-out, sessions, API tokens, password changes.

use sendero_domain::Role;
use sendero_store::users::{NewUser, SignInError, MAX_FAILED_LOGINS};
use sendero_store::{Actor, Store, StoreError};

use crate::support::{count, story, world};

fn new_user<'a>(org: i64, email: &'a str, password: &'a str) -> NewUser<'a> {
    NewUser { org_id: org, email, display_name: "Rosa Alvarado", password, role: Role::Administrator, locale: "es", caseload_limit: 10 }
}

async fn accounts_sessions_tokens(store: &Store) {
    let w = world(store).await;
    let pw = "correct horse battery";
    let id = store.create_user(None, new_user(w.org, "  Rosa@Example.ORG ", pw)).await.unwrap();
    let user = store.user(w.org, id).await.unwrap();
    assert_eq!(user.email, "rosa@example.org", "emails are stored normalised");
    assert_eq!(user.role, Role::Administrator);
    assert_eq!(user.locale, "es");
    assert!(user.active);
    assert!(matches!(store.user(w.other_org, id).await, Err(StoreError::NotFound)));
    assert_eq!(store.user_by_email("ROSA@example.org").await.unwrap().map(|u| u.id), Some(id));
    // The password hash is not the password.
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM users WHERE password_hash LIKE '%horse%'", &[]).await, 0);

    // Policy and uniqueness.
    match store.create_user(None, new_user(w.org, "short@example.org", "short")).await {
        Err(StoreError::Refused(code)) => assert_eq!(code, "error-password-short"),
        other => panic!("expected error-password-short, got {other:?}"),
    }
    match store.create_user(None, new_user(w.other_org, "ROSA@example.org", pw)).await {
        Err(StoreError::Refused(code)) => assert_eq!(code, "error-email-taken"),
        other => panic!("expected error-email-taken, got {other:?}"),
    }
    assert_eq!(store.users(w.other_org).await.unwrap().len(), 0);

    // Sign-in: right password, wrong password, unknown account.
    let signed = store.sign_in("rosa@example.org", pw).await.unwrap().unwrap();
    assert_eq!(signed.id, id);
    assert_eq!(store.sign_in("rosa@example.org", "wrong password").await.unwrap().unwrap_err(), SignInError::Invalid);
    assert_eq!(store.sign_in("nobody@example.org", pw).await.unwrap().unwrap_err(), SignInError::Invalid);
    // A success resets the failure count.
    store.sign_in("rosa@example.org", pw).await.unwrap().unwrap();

    // Sessions.
    let (token, csrf) = store.create_session(id).await.unwrap();
    let (other_token, _) = store.create_session(id).await.unwrap();
    let (who, got_csrf) = store.session(&token).await.unwrap().expect("live session");
    assert_eq!(who.id, id);
    assert_eq!(got_csrf, csrf);
    assert!(store.session("not-a-token").await.unwrap().is_none());
    // The cookie token is not stored, only its hash.
    let stored = sqlx::query("SELECT token_hash FROM sessions").fetch_all(store.pool()).await.unwrap();
    assert!(stored.iter().all(|r| sqlx::Row::get::<String, _>(r, "token_hash") != token));

    // API tokens.
    let api = store.create_api_token(&user, "reporting").await.unwrap();
    assert!(api.starts_with("snd_"));
    assert_eq!(store.user_by_api_token(&api).await.unwrap().map(|u| u.id), Some(id));
    assert!(store.user_by_api_token("snd_nope").await.unwrap().is_none());
    let listed = store.api_tokens(id).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].1, "reporting");

    // Changing the password needs the current one and ends the other sessions.
    match store.change_password(&user, "wrong password", "a new password!", &token).await {
        Err(StoreError::Refused(code)) => assert_eq!(code, "error-password-wrong"),
        other => panic!("expected error-password-wrong, got {other:?}"),
    }
    match store.change_password(&user, pw, "tiny", &token).await {
        Err(StoreError::Refused(code)) => assert_eq!(code, "error-password-short"),
        other => panic!("expected error-password-short, got {other:?}"),
    }
    assert!(store.session(&other_token).await.unwrap().is_some());
    store.change_password(&user, pw, "a new password!", &token).await.unwrap();
    assert!(store.session(&token).await.unwrap().is_some(), "kept");
    assert!(store.session(&other_token).await.unwrap().is_none(), "ended");
    assert_eq!(store.sign_in("rosa@example.org", pw).await.unwrap().unwrap_err(), SignInError::Invalid);
    store.sign_in("rosa@example.org", "a new password!").await.unwrap().unwrap();

    // Signing out ends the session.
    store.end_session(&token).await.unwrap();
    assert!(store.session(&token).await.unwrap().is_none());

    // Deactivating a user ends their sessions and API access.
    let (late, _) = store.create_session(id).await.unwrap();
    let admin = Actor { user_id: Some(id), org_id: w.org };
    let v = store.user(w.org, id).await.unwrap().version;
    store.update_user(admin, id, v, "Rosa A.", Role::Supervisor, 20, false, false).await.unwrap();
    assert!(store.session(&late).await.unwrap().is_none());
    assert!(store.user_by_api_token(&api).await.unwrap().is_none());
    assert!(matches!(store.update_user(admin, id, v, "Rosa A.", Role::Supervisor, 20, true, false).await, Err(StoreError::Conflict { .. })));
    assert!(store.audit_verify().await.unwrap().broken.is_empty());
}
story!(accounts_sessions_tokens);

async fn lock_out(store: &Store) {
    let w = world(store).await;
    let pw = "correct horse battery";
    let id = store.create_user(None, new_user(w.org, "marcus@example.org", pw)).await.unwrap();
    for attempt in 1..MAX_FAILED_LOGINS {
        assert_eq!(store.sign_in("marcus@example.org", "guess").await.unwrap().unwrap_err(), SignInError::Invalid, "attempt {attempt}");
    }
    assert_eq!(store.sign_in("marcus@example.org", "guess").await.unwrap().unwrap_err(), SignInError::Locked, "the fifth failure locks");
    // Locked even with the right password.
    assert_eq!(store.sign_in("marcus@example.org", pw).await.unwrap().unwrap_err(), SignInError::Locked);
    let user = store.user(w.org, id).await.unwrap();
    assert!(user.locked_until.is_some());
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'lock_out' AND entity_id = ?", &[id]).await, 1);
    // An administrator unlocks; the right password works again.
    let admin = Actor { user_id: None, org_id: w.org };
    store.update_user(admin, id, user.version, "Marcus", Role::Administrator, 10, true, true).await.unwrap();
    assert!(store.user(w.org, id).await.unwrap().locked_until.is_none());
    store.sign_in("marcus@example.org", pw).await.unwrap().unwrap();
}
story!(lock_out);
