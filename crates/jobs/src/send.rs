//! The two ways out: SMTP (lettre) and an HTTP SMS gateway (JSON POST). Both carry the
//! message's idempotency key so the far side can drop a repeat after a crash.

use std::sync::Arc;

use anyhow::Context;
use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use sendero_store::outbox::{Message, CHANNEL_EMAIL, CHANNEL_SMS};

use crate::WorkerConfig;

#[derive(Clone)]
pub struct Senders {
    smtp: Option<Arc<AsyncSmtpTransport<Tokio1Executor>>>,
    from: lettre::message::Mailbox,
    http: reqwest::Client,
    sms_url: Option<String>,
}

/// `Idempotency-Key` header on every email (also folded into its Message-ID).
#[derive(Clone)]
struct IdempotencyKey(String);

impl Header for IdempotencyKey {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Idempotency-Key")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(IdempotencyKey(s.to_owned()))
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// A Message-ID derived from the idempotency key: the same message always has the same id.
pub fn message_id(org_id: i64, key: &str) -> String {
    let local: String = key.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '.' }).collect();
    format!("<{local}.o{org_id}@sendero.invalid>")
}

/// Plain text wrapped at 72 columns and sent as 8bit, so it stays readable in the raw message;
/// text that cannot be (a very long word) falls back to lettre's own choice of encoding.
pub fn email_body(text: &str) -> lettre::message::Body {
    let mut wrapped = String::new();
    for line in text.replace("\r\n", "\n").split('\n') {
        let mut width = 0;
        for (i, word) in line.split(' ').enumerate() {
            let len = word.chars().count();
            if i > 0 && width + 1 + len > 72 {
                wrapped.push_str("\r\n");
                width = 0;
            } else if i > 0 {
                wrapped.push(' ');
                width += 1;
            }
            wrapped.push_str(word);
            width += len;
        }
        wrapped.push_str("\r\n");
    }
    lettre::message::Body::new_with_encoding(wrapped, lettre::message::header::ContentTransferEncoding::EightBit)
        .unwrap_or_else(|_| lettre::message::Body::new(text.to_owned()))
}

impl Senders {
    pub fn new(config: &WorkerConfig) -> anyhow::Result<Senders> {
        let smtp = match &config.smtp_url {
            Some(url) => Some(Arc::new(AsyncSmtpTransport::<Tokio1Executor>::from_url(url).context("SENDERO_SMTP_URL")?.build())),
            None => None,
        };
        Ok(Senders {
            smtp,
            from: config.mail_from.parse().context("SENDERO_MAIL_FROM")?,
            http: reqwest::Client::builder().timeout(std::time::Duration::from_secs(20)).build()?,
            sms_url: config.sms_url.clone(),
        })
    }

    /// Send one message; `Ok(provider id)` when the far side accepted it.
    pub async fn send(&self, m: &Message) -> anyhow::Result<Option<String>> {
        match m.channel.as_str() {
            CHANNEL_EMAIL => {
                let smtp = self.smtp.as_ref().context("no SMTP server configured")?;
                let mid = message_id(m.org_id, &m.idempotency_key);
                let email = lettre::Message::builder()
                    .from(self.from.clone())
                    .to(m.recipient.parse().context("recipient address")?)
                    .subject(m.subject.clone().unwrap_or_default())
                    .message_id(Some(mid.clone()))
                    .header(IdempotencyKey(m.idempotency_key.clone()))
                    .header(lettre::message::header::ContentType::TEXT_PLAIN)
                    .body(email_body(&m.body))?;
                smtp.send(email).await?;
                Ok(Some(mid))
            }
            CHANNEL_SMS => {
                let url = self.sms_url.as_ref().context("no SMS gateway configured")?;
                let payload = serde_json::json!({"to": m.recipient, "body": m.body, "idempotency_key": m.idempotency_key, "language": m.language});
                let res = self.http.post(url).header("Idempotency-Key", &m.idempotency_key).json(&payload).send().await?;
                let status = res.status();
                anyhow::ensure!(status.is_success(), "SMS gateway answered {status}");
                let body: serde_json::Value = res.json().await.unwrap_or(serde_json::Value::Null);
                Ok(body.get("id").map(|v| v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string())))
            }
            other => anyhow::bail!("unknown channel {other}"),
        }
    }
}
