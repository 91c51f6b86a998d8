//! Worker settings, from the environment (`SENDERO_SMTP_URL`, `SENDERO_MAIL_FROM`,
//! `SENDERO_SMS_URL`, `SENDERO_WORKER_*`).

#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// This node's lease name; unique per process.
    pub node: String,
    /// `smtp://host:port` (plain, for local relays and tests) or `smtps://user:pass@host:465`
    /// / `smtp://…?tls=required` as lettre's URL syntax accepts. `None`: email is not sent.
    pub smtp_url: Option<String>,
    pub mail_from: String,
    /// The SMS gateway: JSON is POSTed here. `None`: SMS is not sent.
    pub sms_url: Option<String>,
    pub batch: i64,
    pub parallel: usize,
    pub lease_secs: i64,
    pub poll_ms: u64,
    /// Where people open Sendero (`SENDERO_PUBLIC_URL`), for links in notices.
    pub public_url: String,
}

impl WorkerConfig {
    pub fn from_env() -> WorkerConfig {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
        let num = |k: &str, d: i64| var(k).and_then(|v| v.parse().ok()).unwrap_or(d);
        let host = var("HOSTNAME").unwrap_or_else(|| "node".into());
        WorkerConfig {
            node: var("SENDERO_WORKER_NODE").unwrap_or_else(|| format!("{host}-{}", std::process::id())),
            smtp_url: var("SENDERO_SMTP_URL"),
            mail_from: var("SENDERO_MAIL_FROM").unwrap_or_else(|| "Sendero <no-reply@sendero.invalid>".into()),
            sms_url: var("SENDERO_SMS_URL"),
            batch: num("SENDERO_WORKER_BATCH", 200),
            parallel: num("SENDERO_WORKER_PARALLEL", 16) as usize,
            lease_secs: num("SENDERO_WORKER_LEASE_SECS", 120),
            poll_ms: num("SENDERO_WORKER_POLL_MS", 2000) as u64,
            public_url: var("SENDERO_PUBLIC_URL").unwrap_or_else(|| "http://127.0.0.1:8080".into()),
        }
    }
}
