//! Rate limits and session bookkeeping. Token buckets live in this process's memory, keyed by
//! user id or client address: with several nodes behind a load balancer each node counts on its
//! own, so the effective limit is the per-node limit times the number of nodes.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::auth::Ctx;
use crate::error::ErrorCode;
use crate::AppState;

/// Buckets kept before idle ones are swept.
const MAX_BUCKETS: usize = 10_000;
/// A session's "last seen" is written at most this often per node.
const TOUCH_EVERY: Duration = Duration::from_secs(60);

/// `burst` requests at once, refilled at `per_minute`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rate {
    pub burst: u32,
    pub per_minute: u32,
}

/// The limits applied by [`rate_limit`]; `from_env` reads `SENDERO_RATE_LIMIT_{SIGNIN,PUBLIC,API}`
/// (requests per minute, also the burst).
#[derive(Debug, Clone, Copy)]
pub struct RateLimits {
    /// Sign-in attempts per client address.
    pub signin: Rate,
    /// Anonymous form posts per client address (public intake and the like).
    pub public: Rate,
    /// API calls per user (per address when anonymous).
    pub api: Rate,
}

impl Default for RateLimits {
    fn default() -> RateLimits {
        RateLimits { signin: Rate { burst: 20, per_minute: 20 }, public: Rate { burst: 30, per_minute: 30 }, api: Rate { burst: 600, per_minute: 600 } }
    }
}

impl RateLimits {
    pub fn from_env() -> RateLimits {
        let read = |name: &str, default: Rate| {
            std::env::var(name).ok().and_then(|v| v.trim().parse::<u32>().ok()).filter(|n| *n > 0).map(|n| Rate { burst: n, per_minute: n }).unwrap_or(default)
        };
        let d = RateLimits::default();
        RateLimits {
            signin: read("SENDERO_RATE_LIMIT_SIGNIN", d.signin),
            public: read("SENDERO_RATE_LIMIT_PUBLIC", d.public),
            api: read("SENDERO_RATE_LIMIT_API", d.api),
        }
    }
}

/// One token bucket per key.
pub struct Limiter {
    rate: Rate,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

impl Limiter {
    pub fn new(rate: Rate) -> Limiter {
        Limiter { rate, buckets: Mutex::new(HashMap::new()) }
    }

    /// Take one token for `key`, or say how long until one is available.
    pub fn check(&self, key: &str) -> Result<(), Duration> {
        let burst = f64::from(self.rate.burst.max(1));
        let per_sec = f64::from(self.rate.per_minute.max(1)) / 60.0;
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() >= MAX_BUCKETS {
            // Forget buckets that have refilled: they are indistinguishable from new ones.
            buckets.retain(|_, (tokens, at)| *tokens + now.duration_since(*at).as_secs_f64() * per_sec < burst);
        }
        let (tokens, at) = buckets.entry(key.to_owned()).or_insert((burst, now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * per_sec).min(burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - *tokens) / per_sec))
        }
    }
}

/// Per-process protection state held by [`AppState`].
pub struct Protection {
    pub signin: Limiter,
    pub public: Limiter,
    pub api: Limiter,
    /// Trust the last `X-Forwarded-For` hop (set `SENDERO_TRUST_PROXY=1` behind a reverse proxy).
    pub trust_proxy: bool,
    touched: Mutex<HashMap<String, Instant>>,
}

impl Protection {
    pub fn new(limits: RateLimits, trust_proxy: bool) -> Protection {
        Protection {
            signin: Limiter::new(limits.signin),
            public: Limiter::new(limits.public),
            api: Limiter::new(limits.api),
            trust_proxy,
            touched: Mutex::new(HashMap::new()),
        }
    }

    pub fn from_env() -> Protection {
        Protection::new(RateLimits::from_env(), std::env::var("SENDERO_TRUST_PROXY").is_ok_and(|v| v == "1"))
    }

    /// Whether this node should write the session's "last seen" now.
    fn should_touch(&self, token: &str) -> bool {
        let now = Instant::now();
        let mut touched = self.touched.lock().unwrap_or_else(|e| e.into_inner());
        if touched.len() >= MAX_BUCKETS {
            touched.retain(|_, at| now.duration_since(*at) < TOUCH_EVERY);
        }
        match touched.get(token) {
            Some(at) if now.duration_since(*at) < TOUCH_EVERY => false,
            _ => {
                touched.insert(token.to_owned(), now);
                true
            }
        }
    }
}

/// The client's address, as a request extension set by [`rate_limit`] (which trusts
/// `X-Forwarded-For` only when configured to). As an extractor it falls back to the peer
/// address on routes outside that middleware.
#[derive(Debug, Clone)]
pub struct ClientIp(pub String);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _: &S) -> Result<Self, Self::Rejection> {
        if let Some(ip) = parts.extensions.get::<ClientIp>() {
            return Ok(ip.clone());
        }
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string());
        Ok(ClientIp(peer.unwrap_or_else(|| "unknown".to_owned())))
    }
}

pub fn client_ip(state: &AppState, req: &Request) -> String {
    if state.protection.trust_proxy {
        let forwarded = req.headers().get("x-forwarded-for").and_then(|v| v.to_str().ok()).and_then(|v| v.rsplit(',').next()).map(|v| v.trim().to_owned());
        if let Some(ip) = forwarded.filter(|ip| !ip.is_empty()) {
            return ip;
        }
    }
    req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string()).unwrap_or_else(|| "unknown".to_owned())
}

/// The 429 response: a translated page (or JSON under /api) with `Retry-After`.
pub fn too_many(retry_after: Duration) -> Response {
    let mut r = StatusCode::TOO_MANY_REQUESTS.into_response();
    r.extensions_mut().insert(ErrorCode("error-rate-limited"));
    let secs = retry_after.as_secs() + u64::from(retry_after.subsec_nanos() > 0);
    if let Ok(v) = secs.max(1).to_string().parse() {
        r.headers_mut().insert(header::RETRY_AFTER, v);
    }
    r
}

/// Refused by a rate limit; answers 429 with `Retry-After`.
#[derive(Debug, Clone, Copy)]
pub struct RateLimited(pub Duration);

impl IntoResponse for RateLimited {
    fn into_response(self) -> Response {
        too_many(self.0)
    }
}

/// For public routes of any feature: take one token of the per-address public bucket
/// (`Extension<ClientIp>` gives the address). Return the `Err` as the response.
pub fn check_public(state: &AppState, ip: &ClientIp) -> Result<(), RateLimited> {
    state.protection.public.check(&ip.0).map_err(RateLimited)
}

/// Middleware (after `identify`): sign-in attempts per address, anonymous form posts per
/// address, API calls per user. Also keeps the session's "last seen" fresh.
pub async fn rate_limit(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let ip = client_ip(&state, &req);
    let ctx = req.extensions().get::<Ctx>().cloned();
    let path = req.uri().path().to_owned();
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let user = ctx.as_ref().and_then(|c| c.user.as_ref()).map(|u| u.id);
    // Single sign-on starts and callbacks are sign-in attempts too, GETs though they are.
    let verdict = if (path == "/login" && unsafe_method) || path.starts_with("/auth/oidc/") {
        state.protection.signin.check(&ip)
    } else if path.starts_with("/api/") {
        match user {
            Some(id) => state.protection.api.check(&format!("user:{id}")),
            None => state.protection.api.check(&format!("ip:{ip}")),
        }
    } else if unsafe_method && user.is_none() {
        state.protection.public.check(&ip)
    } else {
        Ok(())
    };
    if let Err(wait) = verdict {
        tracing::warn!(%ip, path, "rate limited");
        return too_many(wait);
    }
    if let Some(token) = ctx.as_ref().and_then(|c| c.session.clone()) {
        if state.protection.should_touch(&token) {
            if let Err(e) = state.store.touch_session(&token).await {
                tracing::warn!(error = %e, "could not record session activity");
            }
        }
    }
    req.extensions_mut().insert(ClientIp(ip));
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_allows_a_burst_then_refuses_with_a_wait() {
        let limiter = Limiter::new(Rate { burst: 3, per_minute: 6 });
        for _ in 0..3 {
            assert!(limiter.check("a").is_ok());
        }
        let wait = limiter.check("a").unwrap_err();
        assert!(wait > Duration::from_secs(5) && wait <= Duration::from_secs(10), "one token every 10 s: {wait:?}");
        assert!(limiter.check("b").is_ok(), "keys are independent");
    }
}
