//! Single sign-on links: the first sign-in links by verified email, later ones match the
//! (issuer, subject) only; an identity links one account and an account one identity.

use sendero_domain::Role;
use sendero_store::oidc::{OidcFlow, SsoRefusal};
use sendero_store::users::NewUser;
use sendero_store::Store;

use crate::support::{count, story, world};

const ISSUER: &str = "https://id.example.org";

async fn link_by_verified_email_then_match_by_subject(store: &Store) {
    let w = world(store).await;
    let mk = |email: &'static str| NewUser {
        org_id: w.org,
        email,
        display_name: "X",
        password: "a long enough password",
        role: Role::CaseManager,
        locale: "en",
        caseload_limit: 5,
    };
    let ana = store.create_user(None, mk("ana@example.org")).await.unwrap();
    let ben = store.create_user(None, mk("ben@example.org")).await.unwrap();

    // Unverified email: nothing is linked, whether or not the account exists.
    assert_eq!(store.sso_sign_in(ISSUER, "sub-ana", Some("ana@example.org"), false).await.unwrap().unwrap_err(), SsoRefusal::EmailUnverified);
    assert_eq!(store.sso_sign_in(ISSUER, "sub-x", Some("nobody@example.org"), false).await.unwrap().unwrap_err(), SsoRefusal::EmailUnverified);
    assert_eq!(store.sso_sign_in(ISSUER, "sub-ana", None, true).await.unwrap().unwrap_err(), SsoRefusal::EmailUnverified);
    // Unknown verified email: no account is created.
    let users_before = count(store, "SELECT COUNT(*) AS n FROM users", &[]).await;
    assert_eq!(store.sso_sign_in(ISSUER, "sub-x", Some("nobody@example.org"), true).await.unwrap().unwrap_err(), SsoRefusal::NoAccount);
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM users", &[]).await, users_before);
    assert_eq!(store.sso_link(ana).await.unwrap(), None);

    // First sign-in with the verified email links the account (emails compare normalised) and is audited.
    let first = store.sso_sign_in(ISSUER, "sub-ana", Some(" Ana@Example.ORG"), true).await.unwrap().unwrap();
    assert_eq!(first.user.id, ana);
    assert!(first.linked);
    assert_eq!(store.sso_link(ana).await.unwrap(), Some((ISSUER.to_owned(), "sub-ana".to_owned())));
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'link_sso' AND entity_id = ?", &[ana]).await, 1);

    // Later sign-ins match the subject only: the provider's email no longer matters...
    let again = store.sso_sign_in(ISSUER, "sub-ana", Some("changed@elsewhere.example"), false).await.unwrap().unwrap();
    assert_eq!((again.user.id, again.linked), (ana, false));
    // ...so another identity that now claims Ana's verified email cannot take her account.
    assert_eq!(store.sso_sign_in(ISSUER, "sub-mallory", Some("ana@example.org"), true).await.unwrap().unwrap_err(), SsoRefusal::NoAccount);
    // The same subject at another issuer is another identity.
    assert_eq!(store.sso_sign_in("https://other.example", "sub-ana", Some("ana@example.org"), true).await.unwrap().unwrap_err(), SsoRefusal::NoAccount);
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'sign_in' AND entity_id = ?", &[ana]).await, 2);

    // One identity, one account: the database refuses a second account with the same pair.
    let dup = sqlx::query(&crate::support::sql(store, "UPDATE users SET oidc_issuer = ?, oidc_subject = ? WHERE id = ?"))
        .bind(ISSUER)
        .bind("sub-ana")
        .bind(ben)
        .execute(store.pool())
        .await;
    assert!(dup.is_err(), "unique (issuer, subject)");
    // Ben links his own identity; Ana's stays.
    assert_eq!(store.sso_sign_in(ISSUER, "sub-ben", Some("ben@example.org"), true).await.unwrap().unwrap().user.id, ben);

    // A disabled account does not sign in, linked or not.
    crate::support::exec(store, "UPDATE users SET active = 0 WHERE id = ?", &[ana]).await.unwrap();
    assert_eq!(store.sso_sign_in(ISSUER, "sub-ana", None, false).await.unwrap().unwrap_err(), SsoRefusal::NoAccount);
    assert!(store.audit_verify().await.unwrap().broken.is_empty(), "the audit chain holds");
}
story!(link_by_verified_email_then_match_by_subject);

async fn flows_are_used_once(store: &Store) {
    let flow = OidcFlow { state: "s".into(), nonce: "n".into(), pkce_verifier: "v".into(), next: "/cases".into() };
    let token = store.start_oidc_flow(&flow).await.unwrap();
    assert_eq!(count(store, "SELECT COUNT(*) AS n FROM oidc_flows WHERE state = 's'", &[]).await, 1);
    assert_eq!(store.take_oidc_flow("not the token").await.unwrap(), None);
    assert_eq!(store.take_oidc_flow(&token).await.unwrap(), Some(flow.clone()));
    assert_eq!(store.take_oidc_flow(&token).await.unwrap(), None, "a replayed callback finds nothing");
    // An expired flow is refused.
    let token = store.start_oidc_flow(&flow).await.unwrap();
    sqlx::query("UPDATE oidc_flows SET expires_at = '2000-01-01T00:00:00Z'").execute(store.pool()).await.unwrap();
    assert_eq!(store.take_oidc_flow(&token).await.unwrap(), None);
}
story!(flows_are_used_once);
