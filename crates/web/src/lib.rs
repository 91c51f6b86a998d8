//! Sendero's web shell: parse and authorize requests, call the domain and store, render.
//! Pages are server-rendered (askama + htmx, no build step); the JSON API lives under /api/v1.

pub mod api;
pub mod auth;
pub mod error;
pub mod export;
pub mod forms;
pub mod i18n;
pub mod metrics;
pub mod pages;
pub mod protection;
pub mod public_form;
pub mod routes;
pub mod sso;
pub mod state;
pub mod templates;

use std::net::SocketAddr;

use tokio::net::TcpListener;

pub use state::{AppState, Settings};

/// A bound, ready-to-run application. Tests and `sendero serve` share this start-up path;
/// binding port 0 gives tests a free port.
pub struct Application {
    listener: TcpListener,
    router: axum::Router,
}

impl Application {
    pub async fn build(state: AppState, bind: &str) -> anyhow::Result<Application> {
        let listener = TcpListener::bind(bind).await?;
        Ok(Application { listener, router: routes::router(state) })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("bound listener has an address")
    }

    pub fn port(&self) -> u16 {
        self.local_addr().port()
    }

    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        // Peer addresses feed per-address rate limits (the public self-referral form).
        let service = self.router.into_make_service_with_connect_info::<std::net::SocketAddr>();
        axum::serve(self.listener, service).with_graceful_shutdown(shutdown_signal()).await?;
        Ok(())
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
