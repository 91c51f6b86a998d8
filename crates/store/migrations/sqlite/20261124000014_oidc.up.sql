-- Single sign-on through OpenID Connect (issue 10). An account is linked to one identity at
-- one provider, (issuer, subject); later sign-ins match that pair only, never the email.
ALTER TABLE users ADD COLUMN oidc_issuer TEXT;
ALTER TABLE users ADD COLUMN oidc_subject TEXT;
CREATE UNIQUE INDEX users_oidc_identity ON users(oidc_issuer, oidc_subject);
-- Sign-ins under way at the provider: state, nonce and PKCE verifier stay here, found through
-- the hash of a random cookie value bound to the browser that started them; used once.
CREATE TABLE oidc_flows (
    token_hash TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    nonce TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    next TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
