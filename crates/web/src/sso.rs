//! Single sign-on through an OpenID Connect provider (issue 10): authorization-code flow with
//! PKCE, state and nonce. The `openidconnect` crate does discovery, the code exchange and the
//! ID token's verification (signature against the provider's JWKS, issuer, audience, expiry,
//! nonce); nothing here parses a JWT by hand.
//!
//! SSO is only a first factor: the account it resolves to (see `sendero_store::oidc`) goes
//! through the same second-factor step and session creation as a password sign-in.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{Query, State};
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata, CoreUserInfoClaims};
use openidconnect::{
    AccessTokenHash, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet, EndpointNotSet, EndpointSet, IssuerUrl, Nonce,
    OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use sendero_store::oidc::{OidcFlow, SsoRefusal};
use serde::Deserialize;

use crate::auth::{cookie, set_cookie, Ctx};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::forms::see_other;
use crate::pages::session::{finish_sign_in, login_response, safe_next};
use crate::protection::ClientIp;
use crate::AppState;

/// Cookie binding a sign-in under way to the browser that started it.
pub const FLOW_COOKIE: &str = "sendero_oidc";
/// Provider metadata and keys are fetched again after this long (picks up key rotation).
const METADATA_TTL: Duration = Duration::from_secs(3600);
/// Calls to the provider give up after this long.
const HTTP_TIMEOUT: Duration = Duration::from_secs(10);

/// Instance-level SSO configuration (from flags or `SENDERO_OIDC_*`).
#[derive(Debug, Clone)]
pub struct OidcSettings {
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    /// Shown on the sign-in page: "Sign in with {label}".
    pub label: String,
    /// `{public base URL}/auth/oidc/callback`, registered at the provider.
    pub redirect_uri: String,
}

impl OidcSettings {
    /// Validate the settings; Ok(None) when SSO is not configured (no issuer).
    pub fn from_parts(
        issuer: Option<&str>,
        client_id: Option<&str>,
        client_secret: Option<&str>,
        label: Option<&str>,
        public_url: Option<&str>,
    ) -> Result<Option<OidcSettings>, String> {
        let given = |v: Option<&str>| v.map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
        let Some(issuer) = given(issuer) else { return Ok(None) };
        let issuer = check_issuer(&issuer)?;
        let client_id = given(client_id).ok_or("SSO: the OIDC client id is missing")?;
        // A confidential client: the code alone is worth nothing without the secret.
        let client_secret = given(client_secret).ok_or("SSO: the OIDC client secret is missing")?;
        let public_url = given(public_url).ok_or("SSO: the public URL is missing (it makes the redirect URI)")?;
        let redirect_uri = redirect_uri(&public_url)?;
        let label = given(label).unwrap_or_else(|| "SSO".to_owned());
        Ok(Some(OidcSettings { issuer, client_id, client_secret, label, redirect_uri }))
    }
}

fn is_loopback(url: &openidconnect::url::Url) -> bool {
    matches!(url.host_str(), Some("localhost" | "127.0.0.1" | "[::1]"))
}

/// The issuer must be https (plain http only on this machine, for development and tests): the
/// keys that verify ID tokens are fetched from it.
pub fn check_issuer(issuer: &str) -> Result<String, String> {
    let url = openidconnect::url::Url::parse(issuer).map_err(|e| format!("SSO: the issuer is not a URL: {e}"))?;
    let ok = url.scheme() == "https" || (url.scheme() == "http" && is_loopback(&url));
    if !ok || url.query().is_some() || url.fragment().is_some() {
        return Err(format!("SSO: the issuer must be an https URL without query or fragment: {issuer}"));
    }
    // As given: the ID token's `iss` must equal it exactly (a trailing slash matters).
    Ok(issuer.to_owned())
}

/// `{base}/auth/oidc/callback` from the public base URL (http only on this machine).
pub fn redirect_uri(public_url: &str) -> Result<String, String> {
    let url = openidconnect::url::Url::parse(public_url.trim_end_matches('/')).map_err(|e| format!("SSO: the public URL is not a URL: {e}"))?;
    let ok = url.scheme() == "https" || (url.scheme() == "http" && is_loopback(&url));
    if !ok || url.query().is_some() || url.fragment().is_some() {
        return Err(format!("SSO: the public URL must be https, without query or fragment: {public_url}"));
    }
    Ok(format!("{}/auth/oidc/callback", url.as_str().trim_end_matches('/')))
}

/// Constant-time comparison of the state sent with the one that came back.
pub fn state_matches(expected: &str, given: &str) -> bool {
    !expected.is_empty() && expected.len() == given.len() && expected.bytes().zip(given.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

type Client = CoreClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointMaybeSet, EndpointMaybeSet>;

/// The OpenID Connect client: settings, an HTTP client and the provider's cached metadata.
pub struct Oidc {
    pub settings: OidcSettings,
    http: openidconnect::reqwest::Client,
    metadata: Mutex<Option<(Instant, CoreProviderMetadata)>>,
}

impl Oidc {
    pub fn new(settings: OidcSettings) -> Oidc {
        let http = openidconnect::reqwest::Client::builder()
            // Following redirects would let a provider response point us anywhere (SSRF).
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(HTTP_TIMEOUT)
            .build()
            .unwrap_or_default();
        Oidc { settings, http, metadata: Mutex::new(None) }
    }

    /// Discovery happens on first use, not at start-up: a provider that is down must not keep
    /// Sendero (and password sign-in) from starting.
    async fn client(&self) -> anyhow::Result<Client> {
        let cached = self.metadata.lock().unwrap_or_else(|e| e.into_inner()).as_ref().filter(|(at, _)| at.elapsed() < METADATA_TTL).map(|(_, m)| m.clone());
        let metadata = match cached {
            Some(m) => m,
            None => {
                let m = CoreProviderMetadata::discover_async(IssuerUrl::new(self.settings.issuer.clone())?, &self.http).await?;
                *self.metadata.lock().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), m.clone()));
                m
            }
        };
        Ok(CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(self.settings.client_id.clone()),
            Some(ClientSecret::new(self.settings.client_secret.clone())),
        )
        .set_redirect_uri(RedirectUrl::new(self.settings.redirect_uri.clone())?))
    }

    /// Forget the metadata (after a failed verification: the provider may have rotated keys).
    fn forget(&self) {
        *self.metadata.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// Exchange the code and verify the ID token; returns (issuer, subject, email, verified).
    async fn identity(&self, flow: &OidcFlow, code: &str) -> anyhow::Result<(String, String, Option<String>, bool)> {
        let client = self.client().await?;
        let response = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))?
            .set_pkce_verifier(PkceCodeVerifier::new(flow.pkce_verifier.clone()))
            .request_async(&self.http)
            .await?;
        let id_token = response.id_token().ok_or_else(|| anyhow::anyhow!("the provider returned no ID token"))?;
        let verifier = client.id_token_verifier();
        let claims = match id_token.claims(&verifier, &Nonce::new(flow.nonce.clone())) {
            Ok(c) => c,
            Err(e) => {
                self.forget();
                return Err(e.into());
            }
        };
        // The access token (used for userinfo below) must be the one this ID token was issued with.
        if let Some(expected) = claims.access_token_hash() {
            let actual = AccessTokenHash::from_token(response.access_token(), id_token.signing_alg()?, id_token.signing_key(&verifier)?)?;
            anyhow::ensure!(actual == *expected, "the access token does not match the ID token's at_hash");
        }
        let issuer = claims.issuer().as_str().to_owned();
        let subject = claims.subject().clone();
        let (mut email, mut verified) = (claims.email().map(|e| e.as_str().to_owned()), claims.email_verified().unwrap_or(false));
        // Providers that follow the spec strictly put scope claims only in userinfo for the code
        // flow; the library checks that its subject is the ID token's.
        if email.is_none() {
            if let Ok(request) = client.user_info(response.access_token().clone(), Some(subject.clone())) {
                let info: CoreUserInfoClaims = request.request_async(&self.http).await?;
                email = info.email().map(|e| e.as_str().to_owned());
                verified = info.email_verified().unwrap_or(false);
            }
        }
        Ok((issuer, subject.as_str().to_owned(), email, verified))
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StartParams {
    next: String,
    csrf: String,
}

/// Start a sign-in at the provider. A GET (a link on the sign-in page) carrying the page's
/// pre-session CSRF token, so that only our own sign-in page can start one.
pub async fn start(State(state): State<AppState>, Extension(ctx): Extension<Ctx>, Query(p): Query<StartParams>) -> AppResult<Response> {
    let Some(oidc) = state.oidc.clone() else { return Err(AppError::NotFound) };
    if ctx.user.is_some() {
        return Ok(see_other(&safe_next(&p.next)));
    }
    if !state_matches(&ctx.csrf, &p.csrf) {
        let mut r = AppError::Forbidden.into_response();
        r.extensions_mut().insert(ErrorCode("error-csrf"));
        return Ok(r);
    }
    let client = match oidc.client().await {
        Ok(c) => c,
        Err(e) => {
            tracing::warn!(error = %e, issuer = %oidc.settings.issuer, "SSO: provider discovery failed");
            return Ok(login_response(&state, &ctx, Some(ctx.tr.get("sso-unavailable")), &p.next, StatusCode::SERVICE_UNAVAILABLE));
        }
    };
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, csrf_state, nonce) = client
        .authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random)
        .add_scope(Scope::new("email".to_owned()))
        .set_pkce_challenge(challenge)
        .url();
    let flow =
        OidcFlow { state: csrf_state.secret().clone(), nonce: nonce.secret().clone(), pkce_verifier: verifier.secret().clone(), next: safe_next(&p.next) };
    let token = state.store.start_oidc_flow(&flow).await?;
    let mut response = see_other(url.as_str());
    let age = sendero_store::oidc::FLOW_MINUTES * 60;
    if let Ok(v) = set_cookie(FLOW_COOKIE, &token, age, state.settings.secure_cookies).parse() {
        response.headers_mut().append(SET_COOKIE, v);
    }
    Ok(response)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CallbackParams {
    code: String,
    state: String,
    error: String,
}

/// The provider sends the browser back here with a code (or an error).
pub async fn callback(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Extension(ip): Extension<ClientIp>,
    headers: HeaderMap,
    Query(p): Query<CallbackParams>,
) -> AppResult<Response> {
    let Some(oidc) = state.oidc.clone() else { return Err(AppError::NotFound) };
    // The flow is taken (deleted) whatever happens next: a callback works once.
    let flow = match cookie(&headers, FLOW_COOKIE) {
        Some(token) => state.store.take_oidc_flow(&token).await?,
        None => None,
    };
    let mut response = match check_callback(flow.as_ref(), &p) {
        Err(key) => refused(&state, &ctx, key, flow.as_ref()),
        Ok((flow, code)) => match oidc.identity(flow, code).await {
            Err(e) => {
                tracing::warn!(error = %e, "SSO: sign-in failed at the code exchange or ID token verification");
                refused(&state, &ctx, "sso-failed", Some(flow))
            }
            Ok((issuer, subject, email, verified)) => match state.store.sso_sign_in(&issuer, &subject, email.as_deref(), verified).await? {
                Ok(signed) => {
                    if signed.linked {
                        tracing::info!(user = signed.user.id, "SSO: account linked to its identity at the provider");
                    }
                    finish_sign_in(&state, &signed.user, &flow.next, &ip, &headers).await?
                }
                Err(SsoRefusal::EmailUnverified) => refused(&state, &ctx, "sso-email-unverified", Some(flow)),
                Err(SsoRefusal::NoAccount) => refused(&state, &ctx, "sso-no-account", Some(flow)),
            },
        },
    };
    if let Ok(v) = set_cookie(FLOW_COOKIE, "", 0, state.settings.secure_cookies).parse() {
        response.headers_mut().append(SET_COOKIE, v);
    }
    Ok(response)
}

/// The checks made before anything is sent to the provider: a live flow of this browser, no
/// error from the provider, a code, and the state it was sent with. Err: the message key.
pub fn check_callback<'a>(flow: Option<&'a OidcFlow>, p: &'a CallbackParams) -> Result<(&'a OidcFlow, &'a str), &'static str> {
    let Some(flow) = flow else { return Err("sso-expired") };
    if !p.error.is_empty() {
        return Err("sso-cancelled");
    }
    if p.code.is_empty() || p.code.len() > 2048 || !state_matches(&flow.state, &p.state) {
        return Err("sso-failed");
    }
    Ok((flow, p.code.as_str()))
}

fn refused(state: &AppState, ctx: &Ctx, key: &str, flow: Option<&OidcFlow>) -> Response {
    let next = flow.map(|f| f.next.as_str()).unwrap_or("/");
    login_response(state, ctx, Some(ctx.tr.get(key)), next, StatusCode::UNAUTHORIZED)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flow() -> OidcFlow {
        OidcFlow { state: "abc123".into(), nonce: "n".into(), pkce_verifier: "v".into(), next: "/cases".into() }
    }

    fn params(code: &str, state: &str, error: &str) -> CallbackParams {
        CallbackParams { code: code.into(), state: state.into(), error: error.into() }
    }

    #[test]
    fn callback_needs_this_browsers_flow_and_its_state() {
        let f = flow();
        assert_eq!(check_callback(Some(&f), &params("code", "abc123", "")).map(|(_, c)| c), Ok("code"));
        assert_eq!(check_callback(None, &params("code", "abc123", "")).unwrap_err(), "sso-expired", "no flow: replayed or another browser");
        assert_eq!(check_callback(Some(&f), &params("code", "abc124", "")).unwrap_err(), "sso-failed");
        assert_eq!(check_callback(Some(&f), &params("code", "", "")).unwrap_err(), "sso-failed");
        assert_eq!(check_callback(Some(&f), &params("code", "abc1234", "")).unwrap_err(), "sso-failed");
        assert_eq!(check_callback(Some(&f), &params("", "abc123", "")).unwrap_err(), "sso-failed");
        assert_eq!(check_callback(Some(&f), &params("", "abc123", "access_denied")).unwrap_err(), "sso-cancelled");
    }

    #[test]
    fn empty_state_never_matches() {
        assert!(!state_matches("", ""));
        assert!(state_matches("x", "x"));
        assert!(!state_matches("x", "X"));
    }

    #[test]
    fn redirect_uri_is_built_from_the_public_url() {
        assert_eq!(redirect_uri("https://sendero.example.org").unwrap(), "https://sendero.example.org/auth/oidc/callback");
        assert_eq!(redirect_uri("https://example.org/sendero/").unwrap(), "https://example.org/sendero/auth/oidc/callback");
        assert_eq!(redirect_uri("http://127.0.0.1:8080").unwrap(), "http://127.0.0.1:8080/auth/oidc/callback");
        assert!(redirect_uri("http://sendero.example.org").is_err(), "plain http only on this machine");
        assert!(redirect_uri("https://example.org/?x=1").is_err());
        assert!(redirect_uri("not a url").is_err());
    }

    #[test]
    fn issuer_must_be_https_except_on_this_machine() {
        assert!(check_issuer("https://id.example.org").is_ok());
        assert!(check_issuer("http://localhost:9000").is_ok());
        assert!(check_issuer("http://id.example.org").is_err());
        assert!(check_issuer("https://id.example.org/#x").is_err());
    }

    #[test]
    fn settings_are_all_or_nothing() {
        assert!(OidcSettings::from_parts(None, Some("id"), None, None, None).unwrap().is_none(), "no issuer: SSO is off");
        assert!(OidcSettings::from_parts(Some("https://id.example.org"), Some("id"), None, None, Some("https://s.example.org")).is_err());
        assert!(OidcSettings::from_parts(Some("https://id.example.org"), Some("id"), Some("secret"), None, None).is_err());
        let s = OidcSettings::from_parts(Some("https://id.example.org"), Some("id"), Some("secret"), Some(" Acme ID "), Some("https://s.example.org/"))
            .unwrap()
            .unwrap();
        assert_eq!((s.label.as_str(), s.redirect_uri.as_str()), ("Acme ID", "https://s.example.org/auth/oidc/callback"));
    }

    #[test]
    fn next_after_sso_stays_on_site() {
        assert_eq!(safe_next("//evil.example"), "/");
        assert_eq!(safe_next("/cases/3"), "/cases/3");
    }
}
