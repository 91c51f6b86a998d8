//! The guardian registry: public applications, approval with a cap on minors, the listing
//! attorneys search (cleared, trained, with capacity), and matches the guardian accepts.

use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::audit::append;
use crate::care_notices::{locale_for, CareTexts};
use crate::users::sha256_hex;
use crate::volunteers::point;
use crate::{now, today, Actor, Dialect, Store, StoreError, StoreResult};
use sendero_domain::care::checks::valid_on;
use sendero_domain::care::guardians::{days_until_eighteen, eighteenth_birthday, has_capacity, parse_birth, DEFAULT_GUARDIAN_CAP, MAX_GUARDIAN_CAP};
use sendero_domain::care::network::{canonical_language, language_list};
use sendero_domain::care::signup::GuardianDraft;
use sendero_domain::care::GeoPoint;

#[derive(Debug, Clone, Serialize)]
pub struct Guardian {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub languages: String,
    pub zip: String,
    pub home: Option<GeoPoint>,
    pub cap: i64,
    /// applied, approved
    pub status: String,
    pub version: i64,
}

/// A guardian as attorneys find them.
#[derive(Debug, Clone, Serialize)]
pub struct GuardianListing {
    pub id: i64,
    pub name: String,
    pub languages: String,
    pub zip: String,
    pub miles: Option<f64>,
    pub capacity_left: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct GuardianMatch {
    pub id: i64,
    pub guardian_name: String,
    pub minor_name: String,
    pub status: String,
    pub eighteenth_birthday: Option<String>,
    pub days_left: Option<i64>,
}

/// A minor an attorney may seek a guardian for.
#[derive(Debug, Clone, Serialize)]
pub struct Minor {
    pub client_id: i64,
    pub name: String,
    pub eighteenth_birthday: String,
    pub days_left: i64,
}

fn guardian_from_row(r: &AnyRow) -> Result<Guardian, sqlx::Error> {
    Ok(Guardian {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        email: r.try_get("email")?,
        phone: r.try_get("phone")?,
        languages: r.try_get("languages")?,
        zip: r.try_get("zip")?,
        home: point(r.try_get("home_lat_micro")?, r.try_get("home_lon_micro")?),
        cap: r.try_get("cap")?,
        status: r.try_get("status")?,
        version: r.try_get("version")?,
    })
}

/// Requested and accepted matches both hold a place (a request must not overbook).
const ACTIVE: &str = "('requested', 'accepted')";

impl Store {
    /// Record a public application; an email already registered changes nothing and answers
    /// the same.
    pub async fn apply_guardian(&self, org_id: i64, d: &GuardianDraft) -> StoreResult<bool> {
        let mut w = self.begin_write().await?;
        let exists = sqlx::query(self.q("SELECT 1 AS one FROM guardians WHERE org_id = ? AND email = ?"))
            .bind(org_id)
            .bind(&d.email)
            .fetch_optional(&mut *w.tx)
            .await?
            .is_some();
        if exists {
            return Ok(false);
        }
        let id: i64 =
            sqlx::query(self.q("INSERT INTO guardians (org_id, name, email, phone, languages, zip, home_lat_micro, home_lon_micro, motivation_enc, cap, \
             status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'applied', ?) RETURNING id"))
            .bind(org_id)
            .bind(&d.name)
            .bind(&d.email)
            .bind(&d.phone)
            .bind(&d.languages)
            .bind(&d.zip)
            .bind(d.home.map(|p| p.lat_micro))
            .bind(d.home.map(|p| p.lon_micro))
            .bind(d.motivation.as_ref().map(|m| self.cipher().encrypt(m)))
            .bind(DEFAULT_GUARDIAN_CAP)
            .bind(now())
            .fetch_one(&mut *w.tx)
            .await?
            .try_get("id")?;
        append(self, &mut w.tx, Actor { user_id: None, org_id }, "apply", "guardian", Some(id), serde_json::json!({})).await?;
        w.commit().await?;
        Ok(true)
    }

    pub async fn guardian(&self, org_id: i64, id: i64) -> StoreResult<Guardian> {
        let row = sqlx::query(self.q("SELECT * FROM guardians WHERE id = ? AND org_id = ?")).bind(id).bind(org_id).fetch_optional(&self.pool).await?;
        row.as_ref().map(guardian_from_row).transpose()?.ok_or(StoreError::NotFound)
    }

    pub async fn guardians(&self, org_id: i64) -> StoreResult<Vec<Guardian>> {
        let rows = sqlx::query(self.q("SELECT * FROM guardians WHERE org_id = ? ORDER BY name")).bind(org_id).fetch_all(&self.pool).await?;
        Ok(rows.iter().map(guardian_from_row).collect::<Result<_, _>>()?)
    }

    /// Approve a guardian with a cap on minors (1..=MAX_GUARDIAN_CAP).
    pub async fn approve_guardian(&self, actor: Actor, id: i64, cap: i64) -> StoreResult<()> {
        if !(1..=MAX_GUARDIAN_CAP).contains(&cap) {
            return Err(StoreError::Refused("guardian-error-cap"));
        }
        let mut w = self.begin_write().await?;
        let done = sqlx::query(self.q("UPDATE guardians SET status = 'approved', cap = ?, version = version + 1 WHERE id = ? AND org_id = ?"))
            .bind(cap)
            .bind(id)
            .bind(actor.org_id)
            .execute(&mut *w.tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        append(self, &mut w.tx, actor, "approve", "guardian", Some(id), serde_json::json!({"cap": cap})).await?;
        w.commit().await
    }

    async fn active_matches(&self, guardian_id: i64) -> StoreResult<i64> {
        let sql = format!("SELECT COUNT(*) AS n FROM guardian_matches WHERE guardian_id = ? AND status IN {ACTIVE}");
        let sql = crate::render_sql(self.dialect(), &sql);
        Ok(sqlx::query(&sql).bind(guardian_id).fetch_one(&self.pool).await?.try_get("n")?)
    }

    /// Approved, cleared, trained guardians with room for another minor, filtered by language
    /// and ranked by distance from `near` (a ZIP), for attorneys.
    pub async fn search_guardians(&self, org_id: i64, language: &str, near: Option<GeoPoint>) -> StoreResult<Vec<GuardianListing>> {
        let today = today();
        let clearances = self.clearances(org_id).await?;
        let wanted = (!language.trim().is_empty()).then(|| canonical_language(language));
        let mut out = Vec::new();
        for g in self.guardians(org_id).await? {
            if g.status != "approved" || !clearances.get(&g.email).is_some_and(|c| c.is_cleared(today)) {
                continue;
            }
            let trained = self.trainings(org_id, crate::volunteers::TrainingSubject::Guardian(g.id)).await?.iter().any(|t| valid_on(t.expires_on, today));
            if !trained || wanted.as_ref().is_some_and(|l| !language_list(&g.languages).contains(l)) {
                continue;
            }
            let left = g.cap - self.active_matches(g.id).await?;
            if left <= 0 {
                continue;
            }
            let miles = match (near, g.home) {
                (Some(a), Some(b)) => Some(a.miles_to(&b)),
                _ => None,
            };
            out.push(GuardianListing { id: g.id, name: g.name, languages: g.languages, zip: g.zip, miles, capacity_left: left });
        }
        out.sort_by(|a, b| a.miles.unwrap_or(f64::MAX).total_cmp(&b.miles.unwrap_or(f64::MAX)).then(a.name.cmp(&b.name)));
        Ok(out)
    }

    /// Clients of the organization under 18 (by the earliest possible birth date).
    pub async fn minors(&self, org_id: i64) -> StoreResult<Vec<Minor>> {
        let rows =
            sqlx::query(self.q("SELECT id, given_names, family_names, birth_date FROM clients WHERE org_id = ? AND birth_date IS NOT NULL AND birth_date > ?"))
                .bind(org_id)
                .bind((chrono::Datelike::year(&today()) - 19).to_string())
                .fetch_all(&self.pool)
                .await?;
        let today = today();
        let mut out = Vec::new();
        for r in rows {
            let birth: String = r.try_get("birth_date")?;
            let Some(b) = parse_birth(&birth) else { continue };
            let days = days_until_eighteen(&b, today);
            if days > 0 {
                let family: Option<String> = r.try_get("family_names")?;
                out.push(Minor {
                    client_id: r.try_get("id")?,
                    name: format!("{} {}", r.try_get::<String, _>("given_names")?, family.unwrap_or_default()).trim().to_owned(),
                    eighteenth_birthday: eighteenth_birthday(&b).to_string(),
                    days_left: days,
                });
            }
        }
        out.sort_by_key(|m| m.days_left);
        Ok(out)
    }

    /// An attorney asks a guardian to take a minor. Refused if the guardian is not listed (not
    /// cleared, untrained, at the cap) or the client is not a minor. Returns the match id and
    /// the one-time token for the guardian's answer link.
    pub async fn request_guardian_match(&self, actor: Actor, guardian_id: i64, client_id: i64, texts: &dyn CareTexts) -> StoreResult<(i64, String)> {
        if !self.minors(actor.org_id).await?.iter().any(|m| m.client_id == client_id) {
            return Err(StoreError::Refused("guardian-error-not-minor"));
        }
        if !self.search_guardians(actor.org_id, "", None).await?.iter().any(|g| g.id == guardian_id) {
            return Err(StoreError::Refused("guardian-error-unavailable"));
        }
        let token = hex::encode(rand::random::<[u8; 32]>());
        let mut w = self.begin_write().await?;
        self.lock_guardian(&mut w, guardian_id).await?;
        let id: i64 = sqlx::query(self.q("INSERT INTO guardian_matches (org_id, guardian_id, client_id, attorney_id, status, token_hash, created_at) \
             SELECT ?, g.id, ?, ?, 'requested', ?, ? FROM guardians g WHERE g.id = ? AND g.org_id = ? \
             AND (SELECT COUNT(*) FROM guardian_matches m WHERE m.guardian_id = g.id AND m.status IN ('requested', 'accepted')) < g.cap RETURNING id"))
        .bind(actor.org_id)
        .bind(client_id)
        .bind(actor.user_id)
        .bind(sha256_hex(&token))
        .bind(now())
        .bind(guardian_id)
        .bind(actor.org_id)
        .fetch_optional(&mut *w.tx)
        .await?
        .ok_or(StoreError::Refused("guardian-error-unavailable"))?
        .try_get("id")?;
        append(self, &mut w.tx, actor, "request", "guardian_match", Some(id), serde_json::json!({"guardian_id": guardian_id})).await?;
        let g = self.guardian(actor.org_id, guardian_id).await?;
        let lang = locale_for(language_list(&g.languages).first().map(String::as_str));
        let notice = texts.guardian_request(lang, &g.name, &format!("/guardian-match/{token}"));
        self.queue_notice(&mut w.tx, actor, Some(&g.email), g.phone.as_deref(), None, None, "guardian_request", lang, &notice, &format!("guardian-match-{id}"))
            .await?;
        w.commit().await?;
        Ok((id, token))
    }

    /// Serialise matches of one guardian (PostgreSQL row lock; SQLite has one writer).
    async fn lock_guardian(&self, w: &mut crate::WriteTx, guardian_id: i64) -> StoreResult<()> {
        if self.dialect() == Dialect::Postgres {
            sqlx::query("SELECT id FROM guardians WHERE id = $1 FOR UPDATE").bind(guardian_id).fetch_optional(&mut *w.tx).await?;
        }
        Ok(())
    }

    /// What a guardian's answer link shows: the match, without the minor's full name.
    pub async fn guardian_match_by_token(&self, token: &str) -> StoreResult<Option<(i64, String, String)>> {
        let row = sqlx::query(self.q("SELECT m.id, m.status, g.name FROM guardian_matches m JOIN guardians g ON g.id = m.guardian_id WHERE m.token_hash = ?"))
            .bind(sha256_hex(token))
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| Ok::<_, sqlx::Error>((r.try_get("id")?, r.try_get("name")?, r.try_get("status")?))).transpose()?)
    }

    /// The guardian accepts or declines through their link (once).
    pub async fn answer_guardian_match(&self, token: &str, accept: bool) -> StoreResult<()> {
        let mut w = self.begin_write().await?;
        let row = sqlx::query(self.q("SELECT id, org_id, guardian_id FROM guardian_matches WHERE token_hash = ? AND status = 'requested'"))
            .bind(sha256_hex(token))
            .fetch_optional(&mut *w.tx)
            .await?
            .ok_or(StoreError::NotFound)?;
        let (id, org_id, guardian_id): (i64, i64, i64) = (row.try_get("id")?, row.try_get("org_id")?, row.try_get("guardian_id")?);
        self.lock_guardian(&mut w, guardian_id).await?;
        if accept {
            let accepted = sqlx::query(self.q("SELECT COUNT(*) AS n FROM guardian_matches WHERE guardian_id = ? AND status = 'accepted'"))
                .bind(guardian_id)
                .fetch_one(&mut *w.tx)
                .await?
                .try_get::<i64, _>("n")?;
            let cap: i64 = sqlx::query(self.q("SELECT cap FROM guardians WHERE id = ?")).bind(guardian_id).fetch_one(&mut *w.tx).await?.try_get("cap")?;
            if !has_capacity(accepted, cap) {
                return Err(StoreError::Refused("guardian-error-unavailable"));
            }
        }
        sqlx::query(self.q("UPDATE guardian_matches SET status = ?, responded_at = ?, token_hash = NULL WHERE id = ?"))
            .bind(if accept { "accepted" } else { "declined" })
            .bind(now())
            .bind(id)
            .execute(&mut *w.tx)
            .await?;
        append(self, &mut w.tx, Actor { user_id: None, org_id }, if accept { "accept" } else { "decline" }, "guardian_match", Some(id), serde_json::json!({}))
            .await?;
        w.commit().await
    }

    /// Matches of the organization, each with the minor's 18th-birthday deadline.
    pub async fn guardian_matches(&self, org_id: i64) -> StoreResult<Vec<GuardianMatch>> {
        let rows = sqlx::query(self.q("SELECT m.id, m.status, g.name AS guardian_name, c.given_names, c.family_names, c.birth_date FROM guardian_matches m \
             JOIN guardians g ON g.id = m.guardian_id JOIN clients c ON c.id = m.client_id WHERE m.org_id = ? ORDER BY m.created_at DESC"))
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?;
        let today = today();
        rows.iter()
            .map(|r| {
                let birth = r.try_get::<Option<String>, _>("birth_date")?.as_deref().and_then(parse_birth);
                let family: Option<String> = r.try_get("family_names")?;
                Ok(GuardianMatch {
                    id: r.try_get("id")?,
                    guardian_name: r.try_get("guardian_name")?,
                    minor_name: format!("{} {}", r.try_get::<String, _>("given_names")?, family.unwrap_or_default()).trim().to_owned(),
                    status: r.try_get("status")?,
                    eighteenth_birthday: birth.map(|b| eighteenth_birthday(&b).to_string()),
                    days_left: birth.map(|b| days_until_eighteen(&b, today)),
                })
            })
            .collect()
    }
}
