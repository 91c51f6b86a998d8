//! Messages the care-network features queue in the outbox (delivery is the worker's job). The
//! words come from the caller (the web layer translates with Fluent); the store decides who
//! receives what, and enqueues in the same transaction as the change.

use crate::outbox::{NewMessage, CHANNEL_EMAIL, CHANNEL_SMS};
use crate::{Actor, Store, StoreResult};

/// A ready-to-send text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub subject: String,
    pub body: String,
}

/// What a ride notice is about.
#[derive(Debug, Clone)]
pub struct RideFacts {
    pub ride_id: i64,
    pub kind: String,
    pub purpose: String,
    pub at: String,
    pub pickup: String,
    pub destination: String,
    pub family_name: String,
    pub volunteer_name: Option<String>,
}

/// The texts of care-network messages, in a language (`en`, `es`, …).
pub trait CareTexts: Send + Sync {
    fn ride_offer(&self, lang: &str, ride: &RideFacts) -> Notice;
    fn ride_confirmed(&self, lang: &str, ride: &RideFacts) -> Notice;
    fn volunteer_welcome(&self, lang: &str, name: &str, link_path: &str) -> Notice;
    fn guardian_request(&self, lang: &str, name: &str, link_path: &str) -> Notice;
}

/// Plain English texts, for the CLI, demo data and tests.
pub struct PlainTexts;

impl CareTexts for PlainTexts {
    fn ride_offer(&self, _: &str, r: &RideFacts) -> Notice {
        Notice {
            subject: format!("Can you help on {}?", r.at),
            body: format!("A family needs a {} on {} from {} to {}.", r.kind, r.at, r.pickup, r.destination),
        }
    }
    fn ride_confirmed(&self, _: &str, r: &RideFacts) -> Notice {
        Notice {
            subject: "Your ride is confirmed".into(),
            body: format!("{} will pick you up on {} at {}.", r.volunteer_name.clone().unwrap_or_default(), r.at, r.pickup),
        }
    }
    fn volunteer_welcome(&self, _: &str, name: &str, link: &str) -> Notice {
        Notice { subject: "Welcome to Sendero".into(), body: format!("Welcome, {name}. Choose your password: {link}") }
    }
    fn guardian_request(&self, _: &str, name: &str, link: &str) -> Notice {
        Notice { subject: "A minor needs a guardian".into(), body: format!("{name}, an attorney asks whether you can be a guardian. Answer here: {link}") }
    }
}

/// The language code for a canonical language name, when Sendero speaks it; English otherwise.
pub fn locale_for(language: Option<&str>) -> &'static str {
    match language {
        Some("spanish") => "es",
        _ => "en",
    }
}

impl Store {
    /// Queue one notice by email and, if a phone is known, by SMS.
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn queue_notice(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        actor: Actor,
        email: Option<&str>,
        phone: Option<&str>,
        user_id: Option<i64>,
        client_id: Option<i64>,
        purpose: &str,
        lang: &str,
        notice: &Notice,
        key: &str,
    ) -> StoreResult<()> {
        for (channel, recipient) in [(CHANNEL_EMAIL, email), (CHANNEL_SMS, phone)] {
            let Some(recipient) = recipient.filter(|r| !r.trim().is_empty()) else { continue };
            let message = NewMessage {
                channel,
                recipient,
                client_id,
                user_id,
                purpose,
                language: lang,
                subject: (channel == CHANNEL_EMAIL).then_some(notice.subject.as_str()),
                body: &notice.body,
                idempotency_key: format!("{key}-{channel}"),
                not_before: None,
            };
            self.enqueue_message_tx(tx, actor, &message).await?;
        }
        Ok(())
    }
}
