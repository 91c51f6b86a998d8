//! Staff accounts, password sign-in with lock-out, database-backed sessions and API tokens.
//! Sessions live in the database so any number of `sendero serve` nodes can share them.

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::audit::append;
use crate::{format_time, now, Actor, Store, StoreError, StoreResult};
use sendero_domain::Role;

pub const MAX_FAILED_LOGINS: i64 = 5;
pub const LOCKOUT_MINUTES: i64 = 15;
pub const SESSION_HOURS: i64 = 12;
pub const PASSWORD_MIN: usize = 10;

#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: i64,
    pub org_id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub locale: String,
    pub caseload_limit: i64,
    pub active: bool,
    pub locked_until: Option<String>,
    pub version: i64,
}

pub struct NewUser<'a> {
    pub org_id: i64,
    pub email: &'a str,
    pub display_name: &'a str,
    pub password: &'a str,
    pub role: Role,
    pub locale: &'a str,
    pub caseload_limit: i64,
}

#[derive(Debug, PartialEq, Eq)]
pub enum SignInError {
    /// Unknown email or wrong password (not distinguished, to avoid account enumeration).
    Invalid,
    Locked,
}

pub(crate) fn user_from_row(r: &AnyRow) -> Result<User, sqlx::Error> {
    let role: String = r.try_get("role")?;
    Ok(User {
        id: r.try_get("id")?,
        org_id: r.try_get("org_id")?,
        email: r.try_get("email")?,
        display_name: r.try_get("display_name")?,
        role: Role::parse(&role).ok_or_else(|| sqlx::Error::Decode(format!("unknown role {role}").into()))?,
        locale: r.try_get("locale")?,
        caseload_limit: r.try_get("caseload_limit")?,
        active: r.try_get::<i64, _>("active")? != 0,
        locked_until: r.try_get("locked_until")?,
        version: r.try_get("version")?,
    })
}

pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).expect("argon2 with default params").to_string()
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A password policy a person can meet: length, not only one kind of character.
pub fn check_password(password: &str) -> Result<(), &'static str> {
    if password.chars().count() < PASSWORD_MIN {
        return Err("error-password-short");
    }
    if password.len() > 1024 {
        return Err("error-too-long");
    }
    Ok(())
}

/// Random URL-safe secret and its SHA-256 (only the hash is stored).
fn new_secret() -> (String, String) {
    let bytes: [u8; 32] = rand::random();
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let hash = sha256_hex(&token);
    (token, hash)
}

pub fn sha256_hex(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

/// A hash checked for unknown emails too, so sign-in takes as long either way.
fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_password("no such account"))
}

impl Store {
    pub async fn create_user(&self, actor: Option<i64>, u: NewUser<'_>) -> StoreResult<i64> {
        check_password(u.password).map_err(StoreError::Refused)?;
        let hash = hash_password(u.password);
        let mut w = self.begin_write().await?;
        let id: i64 = sqlx::query(self.q("INSERT INTO users (org_id, email, display_name, password_hash, role, locale, caseload_limit, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"))
        .bind(u.org_id)
        .bind(u.email.trim().to_lowercase())
        .bind(u.display_name)
        .bind(hash)
        .bind(u.role.as_str())
        .bind(u.locale)
        .bind(u.caseload_limit)
        .bind(now())
        .fetch_one(&mut *w.tx)
        .await
        .map_err(|e| match e {
            sqlx::Error::Database(d) if d.message().to_lowercase().contains("unique") => StoreError::Refused("error-email-taken"),
            e => e.into(),
        })?
        .try_get("id")?;
        let act = Actor { user_id: actor, org_id: u.org_id };
        append(self, &mut w.tx, act, "create", "user", Some(id), serde_json::json!({"email": u.email, "role": u.role.as_str()})).await?;
        w.commit().await?;
        Ok(id)
    }

    pub async fn user(&self, org_id: i64, id: i64) -> StoreResult<User> {
        let row = sqlx::query(self.q("SELECT * FROM users WHERE id = ? AND org_id = ?")).bind(id).bind(org_id).fetch_optional(&self.pool).await?;
        row.as_ref().map(user_from_row).transpose()?.ok_or(StoreError::NotFound)
    }

    pub async fn user_by_email(&self, email: &str) -> StoreResult<Option<User>> {
        let row = sqlx::query(self.q("SELECT * FROM users WHERE email = ?")).bind(email.trim().to_lowercase()).fetch_optional(&self.pool).await?;
        Ok(row.as_ref().map(user_from_row).transpose()?)
    }

    pub async fn users(&self, org_id: i64) -> StoreResult<Vec<User>> {
        let rows = sqlx::query(self.q("SELECT * FROM users WHERE org_id = ? ORDER BY display_name")).bind(org_id).fetch_all(&self.pool).await?;
        Ok(rows.iter().map(user_from_row).collect::<Result<_, _>>()?)
    }

    /// Check a password, counting failures: after `MAX_FAILED_LOGINS` the account is locked for
    /// `LOCKOUT_MINUTES`, even for the right password.
    pub async fn sign_in(&self, email: &str, password: &str) -> StoreResult<Result<User, SignInError>> {
        let email = email.trim().to_lowercase();
        let row = sqlx::query(self.q("SELECT * FROM users WHERE email = ? AND active = 1")).bind(&email).fetch_optional(&self.pool).await?;
        let Some(row) = row else {
            verify_password(password, dummy_hash());
            return Ok(Err(SignInError::Invalid));
        };
        let user = user_from_row(&row)?;
        let stored: String = row.try_get("password_hash")?;
        if user.locked_until.as_deref().is_some_and(|until| until > now().as_str()) {
            return Ok(Err(SignInError::Locked));
        }
        let actor = Actor { user_id: Some(user.id), org_id: user.org_id };
        let mut w = self.begin_write().await?;
        if verify_password(password, &stored) {
            sqlx::query(self.q("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?")).bind(user.id).execute(&mut *w.tx).await?;
            append(self, &mut w.tx, actor, "sign_in", "user", Some(user.id), serde_json::json!({})).await?;
            w.commit().await?;
            return Ok(Ok(user));
        }
        let failures: i64 = sqlx::query(self.q("UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ? RETURNING failed_logins"))
            .bind(user.id)
            .fetch_one(&mut *w.tx)
            .await?
            .try_get("failed_logins")?;
        let locked = failures >= MAX_FAILED_LOGINS;
        if locked {
            let until = format_time(chrono::Utc::now() + chrono::Duration::minutes(LOCKOUT_MINUTES));
            sqlx::query(self.q("UPDATE users SET locked_until = ?, failed_logins = 0 WHERE id = ?")).bind(until).bind(user.id).execute(&mut *w.tx).await?;
        }
        append(self, &mut w.tx, actor, if locked { "lock_out" } else { "sign_in_failed" }, "user", Some(user.id), serde_json::json!({"failures": failures}))
            .await?;
        w.commit().await?;
        Ok(Err(if locked { SignInError::Locked } else { SignInError::Invalid }))
    }

    /// Start a session; returns (cookie token, CSRF token).
    pub async fn create_session(&self, user_id: i64) -> StoreResult<(String, String)> {
        let (token, hash) = new_secret();
        let (csrf, _) = new_secret();
        let expires = format_time(chrono::Utc::now() + chrono::Duration::hours(SESSION_HOURS));
        sqlx::query(self.q("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)"))
            .bind(hash)
            .bind(user_id)
            .bind(&csrf)
            .bind(now())
            .bind(expires)
            .execute(&self.pool)
            .await?;
        Ok((token, csrf))
    }

    /// The signed-in user and CSRF token for a session cookie, if the session is live.
    pub async fn session(&self, token: &str) -> StoreResult<Option<(User, String)>> {
        let row = sqlx::query(self.q("SELECT u.*, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1"))
        .bind(sha256_hex(token))
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        match row {
            Some(r) => Ok(Some((user_from_row(&r)?, r.try_get("csrf_token")?))),
            None => Ok(None),
        }
    }

    pub async fn end_session(&self, token: &str) -> StoreResult<()> {
        sqlx::query(self.q("DELETE FROM sessions WHERE token_hash = ?")).bind(sha256_hex(token)).execute(&self.pool).await?;
        Ok(())
    }

    /// Change a password after checking the current one; ends the user's other sessions.
    pub async fn change_password(&self, user: &User, current: &str, new: &str, keep_session: &str) -> StoreResult<()> {
        let stored: String =
            sqlx::query(self.q("SELECT password_hash FROM users WHERE id = ?")).bind(user.id).fetch_one(&self.pool).await?.try_get("password_hash")?;
        if !verify_password(current, &stored) {
            return Err(StoreError::Refused("error-password-wrong"));
        }
        check_password(new).map_err(StoreError::Refused)?;
        let mut w = self.begin_write().await?;
        sqlx::query(self.q("UPDATE users SET password_hash = ?, version = version + 1 WHERE id = ?"))
            .bind(hash_password(new))
            .bind(user.id)
            .execute(&mut *w.tx)
            .await?;
        sqlx::query(self.q("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?"))
            .bind(user.id)
            .bind(sha256_hex(keep_session))
            .execute(&mut *w.tx)
            .await?;
        append(self, &mut w.tx, Actor { user_id: Some(user.id), org_id: user.org_id }, "change_password", "user", Some(user.id), serde_json::json!({})).await?;
        w.commit().await
    }

    pub async fn set_locale(&self, user: &User, locale: &str) -> StoreResult<()> {
        let mut w = self.begin_write().await?;
        sqlx::query(self.q("UPDATE users SET locale = ? WHERE id = ?")).bind(locale).bind(user.id).execute(&mut *w.tx).await?;
        append(self, &mut w.tx, Actor { user_id: Some(user.id), org_id: user.org_id }, "update", "user", Some(user.id), serde_json::json!({"locale": locale}))
            .await?;
        w.commit().await
    }

    /// Administrator edit of a user in their organization, guarded by the version column.
    #[allow(clippy::too_many_arguments)]
    pub async fn update_user(
        &self,
        actor: Actor,
        id: i64,
        version: i64,
        display_name: &str,
        role: Role,
        caseload_limit: i64,
        active: bool,
        unlock: bool,
    ) -> StoreResult<()> {
        let mut w = self.begin_write().await?;
        let done = sqlx::query(self.q("UPDATE users SET display_name = ?, role = ?, caseload_limit = ?, active = ?, \
             locked_until = CASE WHEN ? = 1 THEN NULL ELSE locked_until END, version = version + 1 \
             WHERE id = ? AND org_id = ? AND version = ?"))
        .bind(display_name)
        .bind(role.as_str())
        .bind(caseload_limit)
        .bind(active as i64)
        .bind(unlock as i64)
        .bind(id)
        .bind(actor.org_id)
        .bind(version)
        .execute(&mut *w.tx)
        .await?;
        if done.rows_affected() == 0 {
            drop(w);
            let current = self.user(actor.org_id, id).await?;
            return Err(StoreError::Conflict { current_version: current.version, changed: vec![] });
        }
        if !active {
            sqlx::query(self.q("DELETE FROM sessions WHERE user_id = ?")).bind(id).execute(&mut *w.tx).await?;
        }
        append(
            self,
            &mut w.tx,
            actor,
            "update",
            "user",
            Some(id),
            serde_json::json!({"role": role.as_str(), "caseload_limit": caseload_limit, "active": active, "unlock": unlock}),
        )
        .await?;
        w.commit().await
    }

    /// Issue a personal API token; the secret is shown once and only its hash is kept.
    pub async fn create_api_token(&self, user: &User, name: &str) -> StoreResult<String> {
        let (secret, _) = new_secret();
        let token = format!("snd_{secret}");
        let hash = sha256_hex(&token);
        let mut w = self.begin_write().await?;
        let id: i64 = sqlx::query(self.q("INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id"))
            .bind(user.id)
            .bind(name)
            .bind(&hash)
            .bind(now())
            .fetch_one(&mut *w.tx)
            .await?
            .try_get("id")?;
        append(self, &mut w.tx, Actor { user_id: Some(user.id), org_id: user.org_id }, "create", "api_token", Some(id), serde_json::json!({"name": name}))
            .await?;
        w.commit().await?;
        Ok(token)
    }

    pub async fn user_by_api_token(&self, token: &str) -> StoreResult<Option<User>> {
        let row = sqlx::query(self.q("SELECT u.* FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND u.active = 1"))
            .bind(sha256_hex(token))
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(user_from_row).transpose()?)
    }

    pub async fn api_tokens(&self, user_id: i64) -> StoreResult<Vec<(i64, String, String)>> {
        let rows = sqlx::query(self.q("SELECT id, name, created_at FROM api_tokens WHERE user_id = ? ORDER BY id")).bind(user_id).fetch_all(&self.pool).await?;
        rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("name")?, r.try_get("created_at")?))).collect()
    }

    pub async fn delete_api_token(&self, user: &User, id: i64) -> StoreResult<()> {
        let mut w = self.begin_write().await?;
        let done = sqlx::query(self.q("DELETE FROM api_tokens WHERE id = ? AND user_id = ?")).bind(id).bind(user.id).execute(&mut *w.tx).await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        append(self, &mut w.tx, Actor { user_id: Some(user.id), org_id: user.org_id }, "delete", "api_token", Some(id), serde_json::json!({})).await?;
        w.commit().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_and_verify() {
        let h = hash_password("correct horse battery");
        assert!(verify_password("correct horse battery", &h));
        assert!(!verify_password("wrong", &h));
        assert!(!verify_password("x", "not a hash"));
        // The dummy hash must parse, or unknown emails would answer faster than known ones.
        assert!(PasswordHash::new(dummy_hash()).is_ok());
    }
}
