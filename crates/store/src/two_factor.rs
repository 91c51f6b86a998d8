//! Two-factor sign-in with TOTP (RFC 6238: SHA-1, 6 digits, 30 s, ±1 step). The secret is
//! encrypted at rest; recovery codes are stored as hashes. A password accepted for a user who
//! needs a second factor opens a short-lived *pending* sign-in, not a session: nothing else can
//! be done until the code is given (or, for a user who must enrol, until enrolment is done).

use serde_json::json;
use sqlx::Row;
use totp_rs::{Algorithm, Secret, TOTP};

use crate::audit::append;
use crate::users::{sha256_hex, User};
use crate::{format_time, now, Actor, Store, StoreError, StoreResult};

const STEP_SECS: u64 = 30;
const PENDING_MINUTES: i64 = 10;
/// Wrong codes allowed on one pending sign-in before it is dropped (sign in again).
const PENDING_MAX_FAILURES: i64 = 5;
const RECOVERY_CODES: usize = 10;
pub const ISSUER: &str = "Sendero";

/// What a user needs after the password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecondFactor {
    /// Nothing: sign in.
    None,
    /// A code from their authenticator (or a recovery code).
    Verify,
    /// Their role must use two-factor sign-in and they have not enrolled yet.
    Enrol,
}

fn totp(secret: &[u8]) -> StoreResult<TOTP> {
    TOTP::new(Algorithm::SHA1, 6, 1, STEP_SECS, secret.to_vec()).map_err(|e| StoreError::Other(anyhow::anyhow!("TOTP secret: {e:?}")))
}

fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// The code an authenticator shows at `unix_time` (tests and the enrolment check use this).
pub fn code_at(secret_base32: &str, unix_time: u64) -> StoreResult<String> {
    let bytes = Secret::Encoded(secret_base32.to_owned()).to_bytes().map_err(|e| StoreError::Other(anyhow::anyhow!("{e:?}")))?;
    Ok(totp(&bytes)?.generate(unix_time))
}

/// `otpauth://` URI for authenticator apps.
pub fn otpauth_uri(secret_base32: &str, account: &str) -> String {
    format!(
        "otpauth://totp/{issuer}:{account}?secret={secret_base32}&issuer={issuer}&algorithm=SHA1&digits=6&period={STEP_SECS}",
        issuer = ISSUER,
        account = urlencode(account)
    )
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'@' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn normalise_code(code: &str) -> String {
    code.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_uppercase()
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl Store {
    /// Whether administrators and supervisors of the organization must use two-factor sign-in
    /// (the default, when the organization has not decided otherwise).
    pub async fn org_requires_totp(&self, org_id: i64) -> StoreResult<bool> {
        let row = sqlx::query(self.q("SELECT require_totp FROM org_protection WHERE org_id = ?")).bind(org_id).fetch_optional(self.pool()).await?;
        Ok(match row {
            Some(r) => r.try_get::<i64, _>("require_totp")? != 0,
            None => true,
        })
    }

    pub async fn set_org_requires_totp(&self, actor: Actor, required: bool) -> StoreResult<()> {
        let mut w = self.begin_write().await?;
        sqlx::query(self.q("INSERT INTO org_protection (org_id, require_totp, updated_at) VALUES (?, ?, ?) \
             ON CONFLICT (org_id) DO UPDATE SET require_totp = excluded.require_totp, updated_at = excluded.updated_at"))
        .bind(actor.org_id)
        .bind(i64::from(required))
        .bind(now())
        .execute(&mut *w.tx)
        .await?;
        append(self, &mut w.tx, actor, "protection.require_totp", "organization", Some(actor.org_id), json!({ "required": required })).await?;
        w.commit().await
    }

    /// Whether the user has a confirmed authenticator.
    pub async fn has_totp(&self, user_id: i64) -> StoreResult<bool> {
        let row = sqlx::query(self.q("SELECT 1 AS one FROM user_totp WHERE user_id = ? AND confirmed_at IS NOT NULL"))
            .bind(user_id)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.is_some())
    }

    pub async fn second_factor_for(&self, user: &User) -> StoreResult<SecondFactor> {
        if self.has_totp(user.id).await? {
            return Ok(SecondFactor::Verify);
        }
        let privileged = matches!(user.role, sendero_domain::Role::Administrator | sendero_domain::Role::Supervisor);
        if privileged && self.org_requires_totp(user.org_id).await? {
            return Ok(SecondFactor::Enrol);
        }
        Ok(SecondFactor::None)
    }

    /// Open a pending sign-in after the password; returns its token (for a cookie).
    pub async fn start_pending_signin(&self, user_id: i64) -> StoreResult<String> {
        let token = hex::encode(rand::random::<[u8; 32]>());
        let expires = format_time(chrono::Utc::now() + chrono::Duration::minutes(PENDING_MINUTES));
        sqlx::query(self.q("DELETE FROM pending_signins WHERE expires_at < ?")).bind(now()).execute(self.pool()).await?;
        sqlx::query(self.q("INSERT INTO pending_signins (token_hash, user_id, expires_at) VALUES (?, ?, ?)"))
            .bind(sha256_hex(&token))
            .bind(user_id)
            .bind(expires)
            .execute(self.pool())
            .await?;
        Ok(token)
    }

    /// The user of a live pending sign-in.
    pub async fn pending_signin(&self, token: &str) -> StoreResult<Option<User>> {
        let row = sqlx::query(self.q("SELECT p.user_id AS user_id, u.org_id AS org_id FROM pending_signins p JOIN users u ON u.id = p.user_id \
             WHERE p.token_hash = ? AND p.expires_at > ? AND u.active = 1"))
        .bind(sha256_hex(token))
        .bind(now())
        .fetch_optional(self.pool())
        .await?;
        match row {
            Some(r) => Ok(Some(self.user(r.try_get("org_id")?, r.try_get("user_id")?).await?)),
            None => Ok(None),
        }
    }

    pub async fn end_pending_signin(&self, token: &str) -> StoreResult<()> {
        sqlx::query(self.q("DELETE FROM pending_signins WHERE token_hash = ?")).bind(sha256_hex(token)).execute(self.pool()).await?;
        Ok(())
    }

    /// Count a wrong code; after too many the pending sign-in ends. Returns whether it survives.
    async fn pending_failed(&self, token: &str, user: &User) -> StoreResult<bool> {
        let mut w = self.begin_write().await?;
        sqlx::query(self.q("UPDATE pending_signins SET failures = failures + 1 WHERE token_hash = ?")).bind(sha256_hex(token)).execute(&mut *w.tx).await?;
        let failures: i64 = sqlx::query(self.q("SELECT failures FROM pending_signins WHERE token_hash = ?"))
            .bind(sha256_hex(token))
            .fetch_optional(&mut *w.tx)
            .await?
            .map(|r| r.try_get("failures"))
            .transpose()?
            .unwrap_or(PENDING_MAX_FAILURES);
        if failures >= PENDING_MAX_FAILURES {
            sqlx::query(self.q("DELETE FROM pending_signins WHERE token_hash = ?")).bind(sha256_hex(token)).execute(&mut *w.tx).await?;
        }
        append(
            self,
            &mut w.tx,
            Actor { user_id: Some(user.id), org_id: user.org_id },
            "second_factor_failed",
            "user",
            Some(user.id),
            json!({ "failures": failures }),
        )
        .await?;
        w.commit().await?;
        Ok(failures < PENDING_MAX_FAILURES)
    }

    /// The base32 secret of the user's enrolment in progress (made on first call).
    pub async fn totp_enrolment_secret(&self, user: &User) -> StoreResult<String> {
        let row = sqlx::query(self.q("SELECT secret_enc, confirmed_at FROM user_totp WHERE user_id = ?")).bind(user.id).fetch_optional(self.pool()).await?;
        if let Some(r) = row {
            if r.try_get::<Option<String>, _>("confirmed_at")?.is_some() {
                return Err(StoreError::Refused("totp-already-enrolled"));
            }
            return Ok(self.cipher().decrypt(&r.try_get::<String, _>("secret_enc")?)?);
        }
        let secret = Secret::Raw(rand::random::<[u8; 20]>().to_vec()).to_encoded().to_string();
        sqlx::query(self.q("INSERT INTO user_totp (user_id, org_id, secret_enc, created_at) VALUES (?, ?, ?, ?)"))
            .bind(user.id)
            .bind(user.org_id)
            .bind(self.cipher().encrypt(&secret))
            .bind(now())
            .execute(self.pool())
            .await?;
        Ok(secret)
    }

    /// Check a TOTP code against the user's secret (confirmed or enrolling); a code from a time
    /// step already used is refused. Records the step on success.
    async fn accept_totp(&self, tx: &mut sqlx::Transaction<'static, sqlx::Any>, user_id: i64, code: &str) -> StoreResult<bool> {
        let Some(r) = sqlx::query(self.q("SELECT secret_enc, last_step FROM user_totp WHERE user_id = ?")).bind(user_id).fetch_optional(&mut **tx).await?
        else {
            return Ok(false);
        };
        let secret: String = self.cipher().decrypt(&r.try_get::<String, _>("secret_enc")?)?;
        let last_step: i64 = r.try_get("last_step")?;
        let now = unix_now();
        let current = (now / STEP_SECS) as i64;
        for step in [current - 1, current, current + 1] {
            if step <= last_step || step < 0 {
                continue;
            }
            let expected = code_at(&secret, step as u64 * STEP_SECS)?;
            if constant_time_eq(expected.as_bytes(), code.as_bytes()) {
                sqlx::query(self.q("UPDATE user_totp SET last_step = ? WHERE user_id = ?")).bind(step).bind(user_id).execute(&mut **tx).await?;
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Finish enrolment with a first code; returns the recovery codes (shown once).
    pub async fn confirm_totp(&self, token: &str, user: &User, code: &str) -> StoreResult<Option<Vec<String>>> {
        let code = normalise_code(code);
        let mut w = self.begin_write().await?;
        if !self.accept_totp(&mut w.tx, user.id, &code).await? {
            drop(w);
            self.pending_failed(token, user).await?;
            return Ok(None);
        }
        sqlx::query(self.q("UPDATE user_totp SET confirmed_at = ? WHERE user_id = ?")).bind(now()).bind(user.id).execute(&mut *w.tx).await?;
        let codes = self.replace_recovery_codes(&mut w.tx, user.id).await?;
        append(self, &mut w.tx, Actor { user_id: Some(user.id), org_id: user.org_id }, "totp.enrol", "user", Some(user.id), json!({})).await?;
        w.commit().await?;
        Ok(Some(codes))
    }

    async fn replace_recovery_codes(&self, tx: &mut sqlx::Transaction<'static, sqlx::Any>, user_id: i64) -> StoreResult<Vec<String>> {
        sqlx::query(self.q("DELETE FROM user_recovery_codes WHERE user_id = ?")).bind(user_id).execute(&mut **tx).await?;
        let mut codes = Vec::with_capacity(RECOVERY_CODES);
        for _ in 0..RECOVERY_CODES {
            // 50 random bits in base32, shown as XXXXX-XXXXX; stored as a SHA-256 (the codes are
            // random, so a slow hash adds nothing).
            let letters: String = Secret::Raw(rand::random::<[u8; 8]>().to_vec()).to_encoded().to_string().chars().take(10).collect();
            sqlx::query(self.q("INSERT INTO user_recovery_codes (user_id, code_hash) VALUES (?, ?)"))
                .bind(user_id)
                .bind(sha256_hex(&letters))
                .execute(&mut **tx)
                .await?;
            codes.push(format!("{}-{}", &letters[..5], &letters[5..]));
        }
        Ok(codes)
    }

    /// Check the second factor of a pending sign-in: a TOTP code or an unused recovery code
    /// (used up). Ok(false) for a wrong code.
    pub async fn verify_second_factor(&self, token: &str, user: &User, code: &str) -> StoreResult<bool> {
        let code = normalise_code(code);
        let actor = Actor { user_id: Some(user.id), org_id: user.org_id };
        let mut w = self.begin_write().await?;
        if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) && self.accept_totp(&mut w.tx, user.id, &code).await? {
            w.commit().await?;
            return Ok(true);
        }
        let used = sqlx::query(self.q("UPDATE user_recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL"))
            .bind(now())
            .bind(user.id)
            .bind(sha256_hex(&code))
            .execute(&mut *w.tx)
            .await?
            .rows_affected();
        if used == 1 {
            append(self, &mut w.tx, actor, "recovery_code.used", "user", Some(user.id), json!({})).await?;
            w.commit().await?;
            return Ok(true);
        }
        drop(w);
        self.pending_failed(token, user).await?;
        Ok(false)
    }

    /// Remove a user's authenticator (an administrator helping someone who lost theirs).
    pub async fn reset_totp(&self, actor: Actor, user_id: i64) -> StoreResult<()> {
        self.user(actor.org_id, user_id).await?;
        let mut w = self.begin_write().await?;
        sqlx::query(self.q("DELETE FROM user_totp WHERE user_id = ? AND org_id = ?")).bind(user_id).bind(actor.org_id).execute(&mut *w.tx).await?;
        sqlx::query(self.q("DELETE FROM user_recovery_codes WHERE user_id = ?")).bind(user_id).execute(&mut *w.tx).await?;
        append(self, &mut w.tx, actor, "totp.reset", "user", Some(user_id), json!({})).await?;
        w.commit().await
    }
}

impl Store {
    /// Demo organizations do not require two-factor sign-in, so the quick start's demo
    /// administrator and supervisor sign in with the password alone (the sign-in page says so).
    pub async fn seed_demo_protection(&self) -> StoreResult<()> {
        for org in self.all_organizations().await? {
            self.set_org_requires_totp(Actor { user_id: None, org_id: org.id }, false).await?;
        }
        Ok(())
    }
}
