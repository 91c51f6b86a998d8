//! Sendero's background worker. It runs inside `sendero serve` (a spawned task) or alone
//! (`sendero worker`), on as many nodes as you like: every job is claimed through the database.
//!
//! One pass: due reminders become outbox messages (`Store::materialise_reminder`), then due
//! messages are leased (`Store::lease_messages`) and delivered by SMTP or the SMS gateway, with
//! exponential back-off on failure, then due scheduled reports are made
//! (`ReportRenderer`) and their recipients notified through the outbox.

pub mod config;
pub mod send;
#[cfg(feature = "testing")]
pub mod testing;

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use sendero_domain::calendar::{backoff, MAX_ATTEMPTS};
use sendero_store::calendar::ReminderTexts;
use sendero_store::outbox::Message;
pub use sendero_store::report_schedules::ReportRenderer;
use sendero_store::report_schedules::ReportSchedule;
use sendero_store::Store;

pub use config::WorkerConfig;
pub use send::Senders;

/// What one pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PassStats {
    pub reminders: usize,
    pub sent: usize,
    pub failed: usize,
    pub opted_out: usize,
    /// Scheduled reports made.
    pub reports: usize,
}

impl PassStats {
    pub fn is_idle(&self) -> bool {
        self.reminders == 0 && self.sent == 0 && self.failed == 0 && self.opted_out == 0 && self.reports == 0
    }
}

pub struct Worker {
    pub store: Store,
    pub texts: Arc<dyn ReminderTexts>,
    pub config: WorkerConfig,
    senders: Senders,
    reports: Option<Arc<dyn ReportRenderer>>,
}

impl Worker {
    pub fn new(store: Store, texts: Arc<dyn ReminderTexts>, config: WorkerConfig) -> anyhow::Result<Worker> {
        let senders = Senders::new(&config)?;
        Ok(Worker { store, texts, config, senders, reports: None })
    }

    /// Make scheduled reports with `renderer` (without one, schedules wait).
    pub fn with_reports(mut self, renderer: Arc<dyn ReportRenderer>) -> Worker {
        self.reports = Some(renderer);
        self
    }

    /// One pass at time `at`: materialise due reminders, deliver one leased batch.
    pub async fn pass(&self, at: DateTime<Utc>) -> anyhow::Result<PassStats> {
        let mut stats = PassStats::default();
        for r in self.store.due_reminders(at, self.config.batch).await? {
            stats.reminders += self.store.materialise_reminder(&r, self.texts.as_ref(), at).await?;
        }
        let lease = chrono::Duration::seconds(self.config.lease_secs);
        let batch = self.store.lease_messages(&self.config.node, at, lease, self.config.batch).await?;
        let mut set = tokio::task::JoinSet::new();
        let parallel = Arc::new(tokio::sync::Semaphore::new(self.config.parallel.max(1)));
        for m in batch {
            let (store, senders, owner, permit) = (self.store.clone(), self.senders.clone(), self.config.node.clone(), parallel.clone());
            set.spawn(async move {
                let _permit = permit.acquire_owned().await;
                deliver(&store, &senders, &owner, m).await
            });
        }
        while let Some(outcome) = set.join_next().await {
            match outcome?? {
                Outcome::Sent => stats.sent += 1,
                Outcome::Failed => stats.failed += 1,
                Outcome::OptedOut => stats.opted_out += 1,
            }
        }
        if let Some(renderer) = &self.reports {
            stats.reports = scheduled_reports(&self.store, renderer.as_ref(), &self.config.public_url, self.config.batch, at).await?;
        }
        Ok(stats)
    }

    /// Run passes until `stop` resolves: back to back while there is work, then every poll
    /// interval. Errors are logged and retried, never fatal (a database restart must not end it).
    pub async fn run(self, stop: impl std::future::Future<Output = ()>) {
        tokio::pin!(stop);
        tracing::info!(node = %self.config.node, "worker started");
        loop {
            let idle = match self.pass(Utc::now()).await {
                Ok(s) => {
                    if !s.is_idle() {
                        tracing::debug!(?s, "worker pass");
                    }
                    s.is_idle()
                }
                Err(e) => {
                    tracing::warn!(error = %e, "worker pass failed");
                    true
                }
            };
            let wait = if idle { Duration::from_millis(self.config.poll_ms) } else { Duration::ZERO };
            tokio::select! {
                _ = &mut stop => break,
                _ = tokio::time::sleep(wait) => {}
            }
        }
        tracing::info!(node = %self.config.node, "worker stopped");
    }
}

enum Outcome {
    Sent,
    Failed,
    OptedOut,
}

async fn deliver(store: &Store, senders: &Senders, owner: &str, m: Message) -> anyhow::Result<Outcome> {
    // Opt-out is checked again here: the client may have opted out after the message was queued.
    if let Some(client_id) = m.client_id {
        if store.opted_out(m.org_id, client_id, &m.channel).await? {
            store.mark_opted_out(m.id, owner).await?;
            return Ok(Outcome::OptedOut);
        }
    }
    match senders.send(&m).await {
        Ok(provider_id) => {
            store.mark_sent(m.id, owner, provider_id.as_deref()).await?;
            Ok(Outcome::Sent)
        }
        Err(e) => {
            let retry = (m.attempts < MAX_ATTEMPTS).then(|| Utc::now() + backoff(m.attempts));
            tracing::warn!(id = m.id, attempts = m.attempts, error = %e, "delivery failed");
            store.mark_failed(m.id, owner, &format!("{e:#}"), retry).await?;
            Ok(Outcome::Failed)
        }
    }
}

/// Make every due report (at most one batch per pass). A schedule that fails is logged and
/// tried again next pass; the others go on.
async fn scheduled_reports(store: &Store, renderer: &dyn ReportRenderer, public_url: &str, batch: i64, at: DateTime<Utc>) -> anyhow::Result<usize> {
    let mut made = 0;
    for schedule in store.due_report_schedules(at.date_naive(), batch).await? {
        match run_schedule(store, renderer, public_url, &schedule).await {
            Ok(true) => made += 1,
            Ok(false) => {}
            Err(e) => tracing::warn!(schedule = schedule.id, error = %format!("{e:#}"), "scheduled report failed"),
        }
    }
    Ok(made)
}

async fn run_schedule(store: &Store, renderer: &dyn ReportRenderer, public_url: &str, schedule: &ReportSchedule) -> anyhow::Result<bool> {
    let cadence = schedule.cadence()?;
    let due = schedule.next_run()?;
    let period = cadence.period_before(due);
    // A worker that was down for months catches up one period per pass, oldest first.
    let next = cadence.next_run(due);
    let rendered = renderer.render(store, schedule, period).await?;
    let recipients = store.schedule_recipients(schedule).await?;
    let base = public_url.trim_end_matches('/');
    let notices = |run_id: i64| recipients.iter().map(|u| renderer.notice(schedule, period, u, &format!("{base}/reports/runs/{run_id}"))).collect();
    Ok(store.record_report_run(schedule, period, next, &rendered, &notices).await?.is_some())
}
