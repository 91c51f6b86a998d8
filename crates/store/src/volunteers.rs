//! Volunteers: public applications, approval into a Volunteer sign-in, trainings, the
//! consortium-wide background-check service, one-time password links and public-form limits.

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::audit::append;
use crate::care_notices::{locale_for, CareTexts};
use crate::users::{hash_password, sha256_hex, NewUser};
use crate::{format_time, now, today, Actor, Store, StoreError, StoreResult};
use sendero_domain::care::checks::{lapses_within, EXPIRY_WARNING_DAYS};
use sendero_domain::care::signup::VolunteerDraft;
use sendero_domain::care::{Availability, Candidate, CheckStatus, Clearance, GeoPoint, RequestKind};
use sendero_domain::Role;

/// Hours a one-time password link stays valid.
pub const INVITE_HOURS: i64 = 72;
/// Submissions of one public form accepted per client address per hour.
pub const PUBLIC_FORM_LIMIT_PER_HOUR: i64 = 20;

#[derive(Debug, Clone, Serialize)]
pub struct Volunteer {
    pub id: i64,
    pub org_id: i64,
    pub user_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub languages: String,
    pub zip: String,
    pub home: Option<GeoPoint>,
    pub can_drive: bool,
    pub licence_expires: Option<NaiveDate>,
    pub insurance_expires: Option<NaiveDate>,
    pub availability: Availability,
    /// applied, approved, declined
    pub status: String,
    pub version: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Training {
    pub id: i64,
    pub module: String,
    pub completed_on: NaiveDate,
    pub expires_on: Option<NaiveDate>,
}

/// What the requesting organization sees of a check (others see only [`Clearance`]).
#[derive(Debug, Clone, Serialize)]
pub struct BackgroundCheck {
    pub id: i64,
    pub subject_email: String,
    pub subject_name: String,
    pub status: CheckStatus,
    pub expires_on: Option<NaiveDate>,
    pub requested_at: String,
    /// Decrypted report, only for the organization that requested the check.
    pub report: Option<String>,
    pub own: bool,
    pub version: i64,
}

/// A line of the coordinators' "expiring soon" panel.
#[derive(Debug, Clone, Serialize)]
pub struct ExpiringItem {
    pub volunteer_id: Option<i64>,
    pub guardian_id: Option<i64>,
    pub name: String,
    /// `check` or the training module's name.
    pub what: String,
    pub expires_on: NaiveDate,
}

fn date(raw: Option<String>) -> Option<NaiveDate> {
    raw.and_then(|s| s.parse().ok())
}

pub(crate) fn point(lat: Option<i64>, lon: Option<i64>) -> Option<GeoPoint> {
    Some(GeoPoint { lat_micro: lat?, lon_micro: lon? })
}

fn volunteer_from_row(r: &AnyRow) -> Result<Volunteer, sqlx::Error> {
    let away: String = r.try_get("away")?;
    Ok(Volunteer {
        id: r.try_get("id")?,
        org_id: r.try_get("org_id")?,
        user_id: r.try_get("user_id")?,
        name: r.try_get("name")?,
        email: r.try_get("email")?,
        phone: r.try_get("phone")?,
        languages: r.try_get("languages")?,
        zip: r.try_get("zip")?,
        home: point(r.try_get("home_lat_micro")?, r.try_get("home_lon_micro")?),
        can_drive: r.try_get::<i64, _>("can_drive")? != 0,
        licence_expires: date(r.try_get("licence_expires")?),
        insurance_expires: date(r.try_get("insurance_expires")?),
        availability: Availability { weekly: r.try_get::<i64, _>("weekly")? as u32, away: Availability::parse_away(&away).unwrap_or_default() },
        status: r.try_get("status")?,
        version: r.try_get("version")?,
    })
}

fn check_from_row(r: &AnyRow, org_id: i64, cipher: &crate::crypto::FieldCipher) -> Result<BackgroundCheck, StoreError> {
    let status: String = r.try_get("status")?;
    let own = r.try_get::<i64, _>("requested_by_org")? == org_id;
    let report: Option<String> = r.try_get("report_enc")?;
    Ok(BackgroundCheck {
        id: r.try_get("id")?,
        subject_email: r.try_get("subject_email")?,
        subject_name: r.try_get("subject_name")?,
        status: CheckStatus::parse(&status).unwrap_or(CheckStatus::Requested),
        expires_on: date(r.try_get("expires_on")?),
        requested_at: r.try_get("requested_at")?,
        report: match (own, report) {
            (true, Some(enc)) => Some(cipher.decrypt(&enc)?),
            _ => None,
        },
        own,
        version: r.try_get("version")?,
    })
}

impl Store {
    /// Record a public application. An email already registered with the organization changes
    /// nothing and answers the same (no account enumeration); returns whether a row was added.
    pub async fn apply_volunteer(&self, org_id: i64, d: &VolunteerDraft) -> StoreResult<bool> {
        let mut w = self.begin_write().await?;
        let exists = sqlx::query(self.q("SELECT 1 AS one FROM volunteers WHERE org_id = ? AND email = ?"))
            .bind(org_id)
            .bind(&d.email)
            .fetch_optional(&mut *w.tx)
            .await?
            .is_some();
        if exists {
            return Ok(false);
        }
        let at = now();
        let id: i64 = sqlx::query(self.q("INSERT INTO volunteers (org_id, name, email, phone, languages, zip, home_lat_micro, home_lon_micro, can_drive, \
             licence_expires, insurance_expires, weekly, away, status, created_at, updated_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'applied', ?, ?) RETURNING id"))
        .bind(org_id)
        .bind(&d.name)
        .bind(&d.email)
        .bind(&d.phone)
        .bind(&d.languages)
        .bind(&d.zip)
        .bind(d.home.map(|p| p.lat_micro))
        .bind(d.home.map(|p| p.lon_micro))
        .bind(d.can_drive as i64)
        .bind(d.licence_expires.map(|x| x.to_string()))
        .bind(d.insurance_expires.map(|x| x.to_string()))
        .bind(d.availability.weekly as i64)
        .bind(d.availability.away_text())
        .bind(&at)
        .bind(&at)
        .fetch_one(&mut *w.tx)
        .await?
        .try_get("id")?;
        append(self, &mut w.tx, Actor { user_id: None, org_id }, "apply", "volunteer", Some(id), serde_json::json!({"languages": d.languages})).await?;
        w.commit().await?;
        Ok(true)
    }

    pub async fn volunteer(&self, org_id: i64, id: i64) -> StoreResult<Volunteer> {
        let row = sqlx::query(self.q("SELECT * FROM volunteers WHERE id = ? AND org_id = ?")).bind(id).bind(org_id).fetch_optional(&self.pool).await?;
        row.as_ref().map(volunteer_from_row).transpose()?.ok_or(StoreError::NotFound)
    }

    pub async fn volunteer_of_user(&self, org_id: i64, user_id: i64) -> StoreResult<Option<Volunteer>> {
        let row =
            sqlx::query(self.q("SELECT * FROM volunteers WHERE user_id = ? AND org_id = ?")).bind(user_id).bind(org_id).fetch_optional(&self.pool).await?;
        Ok(row.as_ref().map(volunteer_from_row).transpose()?)
    }

    /// Volunteers of an organization, filtered by status ("" for all) and name/language search.
    pub async fn volunteers(&self, org_id: i64, status: &str, q: &str) -> StoreResult<Vec<Volunteer>> {
        let like = crate::sql::contains_pattern(q);
        let rows = sqlx::query(self.q("SELECT * FROM volunteers WHERE org_id = ? AND (? = '' OR status = ?) \
             AND (LOWER(name) LIKE ? ESCAPE '\\' OR LOWER(languages) LIKE ? ESCAPE '\\' OR zip LIKE ? ESCAPE '\\') ORDER BY name LIMIT 500"))
        .bind(org_id)
        .bind(status)
        .bind(status)
        .bind(&like)
        .bind(&like)
        .bind(&like)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(volunteer_from_row).collect::<Result<_, _>>()?)
    }

    /// Approve an application: the volunteer gets a Volunteer sign-in with an unusable random
    /// password and a one-time link (returned once) to choose their own.
    pub async fn approve_volunteer(&self, actor: Actor, id: i64, version: i64, texts: &dyn CareTexts) -> StoreResult<String> {
        let v = self.volunteer(actor.org_id, id).await?;
        if v.status == "approved" {
            return Err(StoreError::Refused("volunteer-error-already-approved"));
        }
        if v.version != version {
            return Err(StoreError::Conflict { current_version: v.version, changed: vec![] });
        }
        let random: [u8; 24] = rand::random();
        let user_id = match self.user_by_email(&v.email).await? {
            Some(u) if u.org_id == actor.org_id && u.role == Role::Volunteer => u.id,
            Some(_) => return Err(StoreError::Refused("error-email-taken")),
            None => {
                self.create_user(
                    actor.user_id,
                    NewUser {
                        org_id: actor.org_id,
                        email: &v.email,
                        display_name: &v.name,
                        password: &hex::encode(random),
                        role: Role::Volunteer,
                        locale: "en",
                        caseload_limit: 0,
                    },
                )
                .await?
            }
        };
        let mut w = self.begin_write().await?;
        let done = sqlx::query(self.q("UPDATE volunteers SET status = 'approved', user_id = ?, updated_at = ?, version = version + 1 \
             WHERE id = ? AND org_id = ? AND version = ?"))
        .bind(user_id)
        .bind(now())
        .bind(id)
        .bind(actor.org_id)
        .bind(version)
        .execute(&mut *w.tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict { current_version: v.version + 1, changed: vec![] });
        }
        let token = self.insert_invite(&mut w, user_id).await?;
        let lang = locale_for(sendero_domain::care::network::language_list(&v.languages).first().map(String::as_str));
        let notice = texts.volunteer_welcome(lang, &v.name, &format!("/welcome/{token}"));
        let key = format!("volunteer-welcome-{id}");
        self.queue_notice(&mut w.tx, actor, Some(&v.email), None, Some(user_id), None, "volunteer_welcome", lang, &notice, &key).await?;
        append(self, &mut w.tx, actor, "approve", "volunteer", Some(id), serde_json::json!({"user_id": user_id})).await?;
        w.commit().await?;
        Ok(token)
    }

    async fn insert_invite(&self, w: &mut crate::WriteTx, user_id: i64) -> StoreResult<String> {
        let bytes: [u8; 32] = rand::random();
        let token = hex::encode(bytes);
        let expires = format_time(chrono::Utc::now() + chrono::Duration::hours(INVITE_HOURS));
        sqlx::query(self.q("INSERT INTO volunteer_invites (user_id, token_hash, expires_at) VALUES (?, ?, ?)"))
            .bind(user_id)
            .bind(sha256_hex(&token))
            .bind(expires)
            .execute(&mut *w.tx)
            .await?;
        Ok(token)
    }

    /// Is a one-time link live (unused, not expired)? Returns the user's display name.
    pub async fn invite(&self, token: &str) -> StoreResult<Option<String>> {
        let row = sqlx::query(self.q("SELECT u.display_name FROM volunteer_invites i JOIN users u ON u.id = i.user_id \
             WHERE i.token_hash = ? AND i.used_at IS NULL AND i.expires_at > ? AND u.active = 1"))
        .bind(sha256_hex(token))
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| r.try_get("display_name")).transpose()?)
    }

    /// Use a one-time link to set a password; the link cannot be used again.
    pub async fn accept_invite(&self, token: &str, password: &str) -> StoreResult<()> {
        crate::users::check_password(password).map_err(StoreError::Refused)?;
        let mut w = self.begin_write().await?;
        let row = sqlx::query(self.q("UPDATE volunteer_invites SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING user_id"))
            .bind(now())
            .bind(sha256_hex(token))
            .bind(now())
            .fetch_optional(&mut *w.tx)
            .await?
            .ok_or(StoreError::NotFound)?;
        let user_id: i64 = row.try_get("user_id")?;
        let org_id: i64 = sqlx::query(self.q("UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL, version = version + 1 \
             WHERE id = ? RETURNING org_id"))
        .bind(hash_password(password))
        .bind(user_id)
        .fetch_one(&mut *w.tx)
        .await?
        .try_get("org_id")?;
        append(self, &mut w.tx, Actor { user_id: Some(user_id), org_id }, "set_password", "user", Some(user_id), serde_json::json!({"via": "invite"})).await?;
        w.commit().await
    }

    pub async fn record_training(
        &self,
        actor: Actor,
        subject: TrainingSubject,
        module: &str,
        completed_on: NaiveDate,
        expires_on: Option<NaiveDate>,
    ) -> StoreResult<i64> {
        let module = sendero_domain::text::required(module, 120).map_err(StoreError::Refused)?;
        let (volunteer_id, guardian_id) = match subject {
            TrainingSubject::Volunteer(id) => {
                self.volunteer(actor.org_id, id).await?;
                (Some(id), None)
            }
            TrainingSubject::Guardian(id) => {
                self.guardian(actor.org_id, id).await?;
                (None, Some(id))
            }
        };
        if expires_on.is_some_and(|e| e < completed_on) {
            return Err(StoreError::Refused("error-date-range"));
        }
        let mut w = self.begin_write().await?;
        let id: i64 = sqlx::query(self.q("INSERT INTO trainings (org_id, volunteer_id, guardian_id, module, completed_on, expires_on, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"))
        .bind(actor.org_id)
        .bind(volunteer_id)
        .bind(guardian_id)
        .bind(&module)
        .bind(completed_on.to_string())
        .bind(expires_on.map(|d| d.to_string()))
        .bind(now())
        .fetch_one(&mut *w.tx)
        .await?
        .try_get("id")?;
        append(
            self,
            &mut w.tx,
            actor,
            "record",
            "training",
            Some(id),
            serde_json::json!({"module": module, "volunteer_id": volunteer_id, "guardian_id": guardian_id}),
        )
        .await?;
        w.commit().await?;
        Ok(id)
    }

    pub async fn trainings(&self, org_id: i64, subject: TrainingSubject) -> StoreResult<Vec<Training>> {
        let (column, id) = match subject {
            TrainingSubject::Volunteer(id) => ("volunteer_id", id),
            TrainingSubject::Guardian(id) => ("guardian_id", id),
        };
        let sql = if column == "volunteer_id" {
            "SELECT * FROM trainings WHERE org_id = ? AND volunteer_id = ? ORDER BY completed_on DESC"
        } else {
            "SELECT * FROM trainings WHERE org_id = ? AND guardian_id = ? ORDER BY completed_on DESC"
        };
        let rows = sqlx::query(self.q(sql)).bind(org_id).bind(id).fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                Ok(Training {
                    id: r.try_get("id")?,
                    module: r.try_get("module")?,
                    completed_on: date(r.try_get("completed_on")?).unwrap_or(NaiveDate::MIN),
                    expires_on: date(r.try_get("expires_on")?),
                })
            })
            .collect()
    }

    async fn consortium_of(&self, org_id: i64) -> StoreResult<Option<i64>> {
        Ok(sqlx::query(self.q("SELECT consortium_id FROM organizations WHERE id = ?")).bind(org_id).fetch_one(&self.pool).await?.try_get("consortium_id")?)
    }

    /// Ask the consortium's check service to check a person (by email).
    pub async fn request_check(&self, actor: Actor, email: &str, name: &str) -> StoreResult<i64> {
        let email = sendero_domain::care::signup::parse_email(email).map_err(StoreError::Refused)?;
        let name = sendero_domain::text::required(name, 200).map_err(StoreError::Refused)?;
        let consortium = self.consortium_of(actor.org_id).await?;
        let mut w = self.begin_write().await?;
        let at = now();
        let id: i64 = sqlx::query(
            self.q("INSERT INTO background_checks (consortium_id, requested_by_org, subject_email, subject_name, status, requested_at, updated_at) \
             VALUES (?, ?, ?, ?, 'requested', ?, ?) RETURNING id"),
        )
        .bind(consortium)
        .bind(actor.org_id)
        .bind(&email)
        .bind(&name)
        .bind(&at)
        .bind(&at)
        .fetch_one(&mut *w.tx)
        .await?
        .try_get("id")?;
        // The subject's email is personal: the audit detail names the check, not the person.
        append(self, &mut w.tx, actor, "request", "background_check", Some(id), serde_json::json!({})).await?;
        w.commit().await?;
        Ok(id)
    }

    /// The check service records a result. Only the requesting organization may update its
    /// check; the state machine refuses re-opening a finished check.
    pub async fn update_check(
        &self,
        actor: Actor,
        id: i64,
        version: i64,
        status: CheckStatus,
        expires_on: Option<NaiveDate>,
        report: Option<&str>,
    ) -> StoreResult<()> {
        let current = self.check(actor.org_id, id).await?;
        if !current.own {
            return Err(StoreError::NotFound);
        }
        if !current.status.can_become(status) && current.status != status {
            return Err(StoreError::Refused("check-error-transition"));
        }
        let expires_on = match (status, expires_on) {
            (CheckStatus::Cleared, None) => Some(today() + chrono::Duration::days(sendero_domain::care::checks::CLEARANCE_DAYS)),
            (_, e) => e,
        };
        let report = report.map(|r| sendero_domain::text::clean(r, 20_000)).transpose().map_err(StoreError::Refused)?.flatten();
        let mut w = self.begin_write().await?;
        let done = sqlx::query(self.q("UPDATE background_checks SET status = ?, expires_on = ?, report_enc = COALESCE(?, report_enc), updated_at = ?, \
             version = version + 1 WHERE id = ? AND requested_by_org = ? AND version = ?"))
        .bind(status.as_str())
        .bind(expires_on.map(|d| d.to_string()))
        .bind(report.map(|r| self.cipher().encrypt(&r)))
        .bind(now())
        .bind(id)
        .bind(actor.org_id)
        .bind(version)
        .execute(&mut *w.tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict { current_version: current.version, changed: vec!["status".into()] });
        }
        append(self, &mut w.tx, actor, "update", "background_check", Some(id), serde_json::json!({"status": status.as_str()})).await?;
        w.commit().await
    }

    /// A check visible to the organization: its own, or one in its consortium (report hidden).
    pub async fn check(&self, org_id: i64, id: i64) -> StoreResult<BackgroundCheck> {
        let row = sqlx::query(self.q("SELECT b.* FROM background_checks b WHERE b.id = ? AND (b.requested_by_org = ? OR (b.consortium_id IS NOT NULL AND \
             b.consortium_id = (SELECT consortium_id FROM organizations WHERE id = ?)))"))
        .bind(id)
        .bind(org_id)
        .bind(org_id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        check_from_row(&row, org_id, self.cipher())
    }

    /// Checks the organization requested, newest first.
    pub async fn checks(&self, org_id: i64) -> StoreResult<Vec<BackgroundCheck>> {
        let rows = sqlx::query(self.q("SELECT * FROM background_checks WHERE requested_by_org = ? ORDER BY requested_at DESC LIMIT 500"))
            .bind(org_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|r| check_from_row(r, org_id, self.cipher())).collect()
    }

    /// A person's clearance as seen from `org_id`: the newest check by any organization of the
    /// same consortium (or by `org_id` itself). Status and expiry only.
    pub async fn clearance(&self, org_id: i64, email: &str) -> StoreResult<Clearance> {
        let row = sqlx::query(self.q("SELECT status, expires_on FROM background_checks WHERE subject_email = ? AND (requested_by_org = ? OR \
             (consortium_id IS NOT NULL AND consortium_id = (SELECT consortium_id FROM organizations WHERE id = ?))) \
             ORDER BY requested_at DESC, id DESC LIMIT 1"))
        .bind(email.trim().to_lowercase())
        .bind(org_id)
        .bind(org_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(match row {
            Some(r) => {
                let status: String = r.try_get("status")?;
                Clearance { status: CheckStatus::parse(&status).unwrap_or(CheckStatus::Requested), expires_on: date(r.try_get("expires_on")?) }
            }
            None => Clearance::none(),
        })
    }

    /// Clearances of many people at once (newest check per email), for lists and matching.
    pub async fn clearances(&self, org_id: i64) -> StoreResult<std::collections::HashMap<String, Clearance>> {
        let rows = sqlx::query(self.q("SELECT subject_email, status, expires_on, requested_at, id FROM background_checks WHERE requested_by_org = ? OR \
             (consortium_id IS NOT NULL AND consortium_id = (SELECT consortium_id FROM organizations WHERE id = ?)) ORDER BY requested_at, id"))
        .bind(org_id)
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?;
        let mut out = std::collections::HashMap::new();
        for r in rows {
            let status: String = r.try_get("status")?;
            // Later rows overwrite earlier ones: the newest check wins.
            out.insert(
                r.try_get::<String, _>("subject_email")?,
                Clearance { status: CheckStatus::parse(&status).unwrap_or(CheckStatus::Requested), expires_on: date(r.try_get("expires_on")?) },
            );
        }
        Ok(out)
    }

    /// Every approved volunteer (the list page's cap does not apply to matching or expiry).
    async fn approved_volunteers(&self, org_id: i64) -> StoreResult<Vec<Volunteer>> {
        let rows = sqlx::query(self.q("SELECT * FROM volunteers WHERE org_id = ? AND status = 'approved'")).bind(org_id).fetch_all(&self.pool).await?;
        Ok(rows.iter().map(volunteer_from_row).collect::<Result<_, _>>()?)
    }

    /// Candidates for a request at `need_at`: approved volunteers whose newest consortium check
    /// is cleared through that day, free in that day part, and (for rides) able to drive with a
    /// valid licence and insurance. The store pre-filters in SQL so a request reads only
    /// plausible rows; the domain's `matching::eligible` still decides.
    pub async fn volunteer_candidates(&self, org_id: i64, kind: RequestKind, need_at: chrono::NaiveDateTime) -> StoreResult<Vec<Candidate>> {
        let Some(bit) = Availability::slot_bit(need_at) else { return Ok(vec![]) };
        let day = need_at.date().to_string();
        let today = today().to_string();
        let consortium = self.consortium_of(org_id).await?;
        let rows = sqlx::query(self.q("SELECT v.id, v.languages, v.home_lat_micro, v.home_lon_micro, v.can_drive, v.licence_expires, v.insurance_expires, \
             v.weekly, v.away, b.status, b.expires_on FROM volunteers v JOIN background_checks b ON b.id = \
             (SELECT b2.id FROM background_checks b2 WHERE b2.subject_email = v.email AND (b2.requested_by_org = ? OR b2.consortium_id = ?) \
             ORDER BY b2.requested_at DESC, b2.id DESC LIMIT 1) \
             WHERE v.org_id = ? AND v.status = 'approved' AND b.status = 'cleared' AND (b.expires_on IS NULL OR (b.expires_on >= ? AND b.expires_on >= ?)) \
             AND (v.weekly & ?) <> 0 \
             AND (? = 0 OR (v.can_drive = 1 AND v.licence_expires >= ? AND v.insurance_expires >= ?))"))
        .bind(org_id)
        .bind(consortium)
        .bind(org_id)
        .bind(&day)
        .bind(&today)
        .bind(bit as i64)
        .bind((kind == RequestKind::Ride) as i64)
        .bind(&day)
        .bind(&day)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let away: String = r.try_get("away")?;
                let status: String = r.try_get("status")?;
                Ok(Candidate {
                    volunteer_id: r.try_get("id")?,
                    clearance: Clearance { status: CheckStatus::parse(&status).unwrap_or(CheckStatus::Requested), expires_on: date(r.try_get("expires_on")?) },
                    can_drive: r.try_get::<i64, _>("can_drive")? != 0,
                    licence_expires: date(r.try_get("licence_expires")?),
                    insurance_expires: date(r.try_get("insurance_expires")?),
                    languages: sendero_domain::care::network::language_list(&r.try_get::<String, _>("languages")?),
                    home: point(r.try_get("home_lat_micro")?, r.try_get("home_lon_micro")?),
                    availability: Availability { weekly: r.try_get::<i64, _>("weekly")? as u32, away: Availability::parse_away(&away).unwrap_or_default() },
                })
            })
            .collect()
    }

    /// Checks and trainings lapsing within the warning window (or lapsed in the last 30 days),
    /// for the coordinators' dashboard panel.
    pub async fn expiring_clearances(&self, org_id: i64) -> StoreResult<Vec<ExpiringItem>> {
        let today = today();
        let recent = |d: NaiveDate| lapses_within(Some(d), today, EXPIRY_WARNING_DAYS) || (d < today && (today - d).num_days() <= 30);
        let mut out = Vec::new();
        let clearances = self.clearances(org_id).await?;
        for v in self.approved_volunteers(org_id).await? {
            if let Some(e) = clearances.get(&v.email).filter(|c| c.status == CheckStatus::Cleared).and_then(|c| c.expires_on).filter(|d| recent(*d)) {
                out.push(ExpiringItem { volunteer_id: Some(v.id), guardian_id: None, name: v.name.clone(), what: "check".into(), expires_on: e });
            }
        }
        for g in self.guardians(org_id).await? {
            if let Some(e) = clearances.get(&g.email).filter(|c| c.status == CheckStatus::Cleared).and_then(|c| c.expires_on).filter(|d| recent(*d)) {
                out.push(ExpiringItem { volunteer_id: None, guardian_id: Some(g.id), name: g.name.clone(), what: "check".into(), expires_on: e });
            }
        }
        let rows = sqlx::query(self.q("SELECT t.module, t.expires_on, t.volunteer_id, t.guardian_id, COALESCE(v.name, g.name) AS name FROM trainings t \
             LEFT JOIN volunteers v ON v.id = t.volunteer_id LEFT JOIN guardians g ON g.id = t.guardian_id \
             WHERE t.org_id = ? AND t.expires_on IS NOT NULL"))
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?;
        for r in rows {
            if let Some(e) = date(r.try_get("expires_on")?).filter(|d| recent(*d)) {
                out.push(ExpiringItem {
                    volunteer_id: r.try_get("volunteer_id")?,
                    guardian_id: r.try_get("guardian_id")?,
                    name: r.try_get::<Option<String>, _>("name")?.unwrap_or_default(),
                    what: r.try_get("module")?,
                    expires_on: e,
                });
            }
        }
        out.sort_by(|a, b| a.expires_on.cmp(&b.expires_on).then(a.name.cmp(&b.name)));
        Ok(out)
    }

    /// Count a submission of public form `form` from `ip`; false once the address has sent
    /// `per_hour` in the last hour. Kept in the database so every node shares the count; old
    /// hits are pruned as we go. Every public form (volunteers, guardians, self-referral) uses it.
    pub async fn public_form_allowed(&self, ip: &str, form: &str, per_hour: i64) -> StoreResult<bool> {
        let hour_ago = format_time(chrono::Utc::now() - chrono::Duration::hours(1));
        let mut w = self.begin_write().await?;
        sqlx::query(self.q("DELETE FROM public_form_hits WHERE at < ?")).bind(&hour_ago).execute(&mut *w.tx).await?;
        let n: i64 = sqlx::query(self.q("SELECT COUNT(*) AS n FROM public_form_hits WHERE ip = ? AND form = ? AND at >= ?"))
            .bind(ip)
            .bind(form)
            .bind(&hour_ago)
            .fetch_one(&mut *w.tx)
            .await?
            .try_get("n")?;
        if n >= per_hour {
            return Ok(false);
        }
        sqlx::query(self.q("INSERT INTO public_form_hits (ip, form, at) VALUES (?, ?, ?)")).bind(ip).bind(form).bind(now()).execute(&mut *w.tx).await?;
        w.commit().await?;
        Ok(true)
    }
}

/// Whose training is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrainingSubject {
    Volunteer(i64),
    Guardian(i64),
}
