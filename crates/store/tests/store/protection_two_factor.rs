//! Two-factor sign-in: who needs it, enrolment with a first code, replayed codes refused,
//! recovery codes used once, too many wrong codes end the pending sign-in.

use sendero_domain::Role;
use sendero_store::two_factor::{code_at, SecondFactor};
use sendero_store::users::NewUser;
use sendero_store::Store;

use crate::support::{count, story, world};

fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
}

async fn two_factor_enrolment_and_verification(store: &Store) {
    let w = world(store).await;
    let mk = |email: &'static str, role| NewUser {
        org_id: w.org,
        email,
        display_name: "X",
        password: "a long enough password",
        role,
        locale: "en",
        caseload_limit: 5,
    };
    let supervisor = store.create_user(None, mk("sup@example.org", Role::Supervisor)).await.unwrap();
    let manager = store.create_user(None, mk("cm@example.org", Role::CaseManager)).await.unwrap();
    let supervisor = store.user(w.org, supervisor).await.unwrap();
    let manager = store.user(w.org, manager).await.unwrap();

    // Required for supervisors by default; not for case managers; an organization may turn it off.
    assert!(store.org_requires_totp(w.org).await.unwrap());
    assert_eq!(store.second_factor_for(&supervisor).await.unwrap(), SecondFactor::Enrol);
    assert_eq!(store.second_factor_for(&manager).await.unwrap(), SecondFactor::None);
    store.set_org_requires_totp(w.actor, false).await.unwrap();
    assert_eq!(store.second_factor_for(&supervisor).await.unwrap(), SecondFactor::None);
    assert!(store.org_requires_totp(w.other_org).await.unwrap(), "another organization keeps its own setting");
    store.set_org_requires_totp(w.actor, true).await.unwrap();

    // Enrolment: the secret stays the same until confirmed; a wrong code does not confirm.
    let pending = store.start_pending_signin(supervisor.id).await.unwrap();
    assert_eq!(store.pending_signin(&pending).await.unwrap().map(|u| u.id), Some(supervisor.id));
    let secret = store.totp_enrolment_secret(&supervisor).await.unwrap();
    assert_eq!(store.totp_enrolment_secret(&supervisor).await.unwrap(), secret);
    assert!(store.confirm_totp(&pending, &supervisor, "000000").await.unwrap().is_none() || code_at(&secret, now()).unwrap() == "000000");
    let code = code_at(&secret, now()).unwrap();
    let recovery = store.confirm_totp(&pending, &supervisor, &code).await.unwrap().expect("the current code confirms");
    assert_eq!(recovery.len(), 10);
    assert!(store.has_totp(supervisor.id).await.unwrap());
    assert_eq!(store.second_factor_for(&supervisor).await.unwrap(), SecondFactor::Verify);
    assert!(store.totp_enrolment_secret(&supervisor).await.is_err(), "no second enrolment over a confirmed one");
    // Recovery codes are stored hashed.
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM user_recovery_codes WHERE user_id = ?", &[supervisor.id]).await, 10);
    for c in &recovery {
        let plain = c.replace('-', "");
        let n = count(store, &format!("SELECT COUNT(*) AS n FROM user_recovery_codes WHERE code_hash LIKE '%{plain}%'"), &[]).await;
        assert_eq!(n, 0, "recovery codes are not stored in clear");
    }

    // The code just used cannot be replayed; a recovery code works once.
    let pending = store.start_pending_signin(supervisor.id).await.unwrap();
    assert!(!store.verify_second_factor(&pending, &supervisor, &code).await.unwrap(), "a used code is refused");
    assert!(store.verify_second_factor(&pending, &supervisor, &recovery[0].to_lowercase()).await.unwrap(), "recovery codes ignore case and dashes");
    assert!(!store.verify_second_factor(&pending, &supervisor, &recovery[0]).await.unwrap(), "a recovery code works once");

    // Too many wrong codes end the pending sign-in.
    let pending = store.start_pending_signin(supervisor.id).await.unwrap();
    for _ in 0..5 {
        assert!(!store.verify_second_factor(&pending, &supervisor, "12345").await.unwrap());
    }
    assert!(store.pending_signin(&pending).await.unwrap().is_none());
    assert!(count(store, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'second_factor_failed'", &[]).await >= 5);

    // An administrator resets a lost authenticator (own organization only).
    assert!(store.reset_totp(w.other, supervisor.id).await.is_err());
    store.reset_totp(w.actor, supervisor.id).await.unwrap();
    assert_eq!(store.second_factor_for(&supervisor).await.unwrap(), SecondFactor::Enrol);
    assert!(store.audit_verify().await.unwrap().broken.is_empty());
}
story!(two_factor_enrolment_and_verification);
