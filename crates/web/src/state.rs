//! Shared application state. Nothing user- or session-specific lives here: every node serving
//! the same database is interchangeable.

use std::sync::Arc;

use sendero_store::Store;

#[derive(Debug, Clone)]
pub struct Settings {
    /// Demo mode shows the demo accounts on the sign-in page.
    pub demo: bool,
    /// Mark cookies `Secure` (browsers accept these on http://localhost too).
    pub secure_cookies: bool,
    /// Single sign-on through an OpenID Connect provider; None turns it off.
    pub oidc: Option<crate::sso::OidcSettings>,
}

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub settings: Arc<Settings>,
    pub metrics: Arc<crate::metrics::Metrics>,
    pub protection: Arc<crate::protection::Protection>,
    /// The OpenID Connect client when SSO is configured (provider metadata cached inside).
    pub oidc: Option<Arc<crate::sso::Oidc>>,
}

impl AppState {
    pub fn new(store: Store, settings: Settings) -> AppState {
        let oidc = settings.oidc.clone().map(|s| Arc::new(crate::sso::Oidc::new(s)));
        AppState {
            store,
            oidc,
            settings: Arc::new(settings),
            metrics: Arc::new(crate::metrics::Metrics::new()),
            protection: Arc::new(crate::protection::Protection::from_env()),
        }
    }
}
