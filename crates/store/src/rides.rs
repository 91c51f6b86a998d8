//! Rides and interpretation requests: proposed to matching cleared volunteers, taken by the
//! first to accept (one conditional UPDATE), mileage logged for reimbursement.

use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::audit::append;
use crate::care_notices::{locale_for, CareTexts, RideFacts};
use crate::volunteers::point;
use crate::{now, today, Actor, Store, StoreError, StoreResult};
use sendero_domain::care::matching::{propose, Need, PROPOSALS};
use sendero_domain::care::rides::RideDraft;
use sendero_domain::care::{GeoPoint, Proposal, RequestKind, RidePurpose, RideStatus};

#[derive(Debug, Clone, Serialize)]
pub struct Ride {
    pub id: i64,
    pub household_id: i64,
    pub family_name: String,
    pub kind: RequestKind,
    pub purpose: RidePurpose,
    pub pickup: String,
    pub destination: String,
    pub place: Option<GeoPoint>,
    /// `YYYY-MM-DDTHH:MM`
    pub at: String,
    pub passengers: i64,
    pub child_seats: i64,
    pub language: Option<String>,
    pub transit_note: Option<String>,
    pub status: RideStatus,
    pub volunteer_id: Option<i64>,
    pub volunteer_name: Option<String>,
    pub miles_tenths: Option<i64>,
    pub version: i64,
}

impl Ride {
    pub fn miles(&self) -> String {
        self.miles_tenths.map(|t| format!("{:.1}", t as f64 / 10.0)).unwrap_or_default()
    }
}

/// One line of the rides report: a month and purpose with counts and miles.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RideTotal {
    pub month: String,
    pub purpose: RidePurpose,
    pub kind: RequestKind,
    pub rides: i64,
    pub miles_tenths: i64,
}

/// A ride offered to a volunteer, with who else was asked.
#[derive(Debug, Clone, Serialize)]
pub struct Offer {
    pub ride: Ride,
    pub miles_tenths: Option<i64>,
}

fn ride_from_row(r: &AnyRow) -> Result<Ride, StoreError> {
    let (kind, purpose, status): (String, String, String) = (r.try_get("kind")?, r.try_get("purpose")?, r.try_get("status")?);
    let bad = |what: &str, v: &str| StoreError::Other(anyhow::anyhow!("unknown ride {what} {v}"));
    Ok(Ride {
        id: r.try_get("id")?,
        household_id: r.try_get("household_id")?,
        family_name: r.try_get("family_name")?,
        kind: RequestKind::parse(&kind).ok_or_else(|| bad("kind", &kind))?,
        purpose: RidePurpose::parse(&purpose).ok_or_else(|| bad("purpose", &purpose))?,
        pickup: r.try_get("pickup")?,
        destination: r.try_get("destination")?,
        place: point(r.try_get("place_lat_micro")?, r.try_get("place_lon_micro")?),
        at: r.try_get("at")?,
        passengers: r.try_get("passengers")?,
        child_seats: r.try_get("child_seats")?,
        language: r.try_get("language")?,
        transit_note: r.try_get("transit_note")?,
        status: RideStatus::parse(&status).ok_or_else(|| bad("status", &status))?,
        volunteer_id: r.try_get("volunteer_id")?,
        volunteer_name: r.try_get("volunteer_name")?,
        miles_tenths: r.try_get("miles_tenths")?,
        version: r.try_get("version")?,
    })
}

impl Store {
    /// Record a request and offer it to the best-matching cleared volunteers (returned, so the
    /// caller can show who was asked).
    pub async fn request_ride(&self, actor: Actor, household_id: i64, d: &RideDraft, texts: &dyn CareTexts) -> StoreResult<(i64, Vec<Proposal>)> {
        let household = self.household(actor.org_id, household_id).await?;
        let candidates = self.volunteer_candidates(actor.org_id, d.kind, d.at).await?;
        let need = Need { kind: d.kind, at: d.at, place: d.place, language: d.language.clone() };
        let proposals = propose(&candidates, &need, today(), PROPOSALS);
        let mut proposed = Vec::new();
        for p in &proposals {
            proposed.push(self.volunteer(actor.org_id, p.volunteer_id).await?);
        }
        let mut w = self.begin_write().await?;
        let at = now();
        let id: i64 =
            sqlx::query(self.q("INSERT INTO rides (org_id, household_id, kind, purpose, pickup, destination, place_lat_micro, place_lon_micro, at, \
             passengers, child_seats, language, transit_note, status, requested_by, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'requested', ?, ?) RETURNING id"))
            .bind(actor.org_id)
            .bind(household_id)
            .bind(d.kind.as_str())
            .bind(d.purpose.as_str())
            .bind(&d.pickup)
            .bind(&d.destination)
            .bind(d.place.map(|p| p.lat_micro))
            .bind(d.place.map(|p| p.lon_micro))
            .bind(d.at.format("%Y-%m-%dT%H:%M").to_string())
            .bind(d.passengers)
            .bind(d.child_seats)
            .bind(&d.language)
            .bind(&d.transit_note)
            .bind(actor.user_id)
            .bind(&at)
            .fetch_one(&mut *w.tx)
            .await?
            .try_get("id")?;
        for p in &proposals {
            sqlx::query(self.q("INSERT INTO ride_offers (org_id, ride_id, volunteer_id, miles_tenths, speaks_language, created_at) VALUES (?, ?, ?, ?, ?, ?)"))
                .bind(actor.org_id)
                .bind(id)
                .bind(p.volunteer_id)
                .bind(p.miles.map(|m| (m * 10.0).round() as i64))
                .bind(p.speaks_language as i64)
                .bind(&at)
                .execute(&mut *w.tx)
                .await?;
            let Some(v) = proposed.iter().find(|v| v.id == p.volunteer_id) else { continue };
            let facts = RideFacts {
                ride_id: id,
                kind: d.kind.as_str().into(),
                purpose: d.purpose.as_str().into(),
                at: d.at.format("%Y-%m-%d %H:%M").to_string(),
                pickup: d.pickup.clone(),
                destination: d.destination.clone(),
                family_name: household.name.clone(),
                volunteer_name: Some(v.name.clone()),
            };
            let lang = locale_for(sendero_domain::care::network::language_list(&v.languages).first().map(String::as_str));
            let notice = texts.ride_offer(lang, &facts);
            let key = format!("ride-offer-{id}-{}", v.id);
            self.queue_notice(&mut w.tx, actor, Some(&v.email), v.phone.as_deref(), v.user_id, None, "ride_offer", lang, &notice, &key).await?;
        }
        append(
            self,
            &mut w.tx,
            actor,
            "request",
            "ride",
            Some(id),
            serde_json::json!({"kind": d.kind.as_str(), "purpose": d.purpose.as_str(), "offered_to": proposals.iter().map(|p| p.volunteer_id).collect::<Vec<_>>()}),
        )
        .await?;
        w.commit().await?;
        Ok((id, proposals))
    }

    pub async fn ride(&self, org_id: i64, id: i64) -> StoreResult<Ride> {
        let sql = self.q("SELECT r.*, h.name AS family_name, v.name AS volunteer_name FROM rides r JOIN households h ON h.id = r.household_id \
             LEFT JOIN volunteers v ON v.id = r.volunteer_id WHERE r.id = ? AND r.org_id = ?");
        let row = sqlx::query(sql).bind(id).bind(org_id).fetch_optional(&self.pool).await?.ok_or(StoreError::NotFound)?;
        ride_from_row(&row)
    }

    /// Rides of the organization, soonest first (upcoming) or all.
    pub async fn rides(&self, org_id: i64) -> StoreResult<Vec<Ride>> {
        let rows = sqlx::query(self.q("SELECT r.*, h.name AS family_name, v.name AS volunteer_name FROM rides r JOIN households h ON h.id = r.household_id \
             LEFT JOIN volunteers v ON v.id = r.volunteer_id WHERE r.org_id = ? ORDER BY r.at DESC LIMIT 500"))
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(ride_from_row).collect()
    }

    /// The volunteers a ride was offered to: (volunteer id, name, miles tenths, speaks).
    pub async fn ride_offers(&self, org_id: i64, ride_id: i64) -> StoreResult<Vec<(i64, String, Option<i64>, bool)>> {
        let rows = sqlx::query(
            self.q("SELECT o.volunteer_id, v.name, o.miles_tenths, o.speaks_language FROM ride_offers o JOIN volunteers v ON v.id = o.volunteer_id \
             WHERE o.org_id = ? AND o.ride_id = ? ORDER BY o.speaks_language DESC, o.miles_tenths"),
        )
        .bind(org_id)
        .bind(ride_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("volunteer_id")?, r.try_get("name")?, r.try_get("miles_tenths")?, r.try_get::<i64, _>("speaks_language")? != 0)))
            .collect()
    }

    /// Rides offered to or taken by a volunteer: open offers first, then their own.
    pub async fn offers_for(&self, org_id: i64, volunteer_id: i64) -> StoreResult<Vec<Offer>> {
        let rows = sqlx::query(self.q("SELECT r.*, h.name AS family_name, v.name AS volunteer_name, o.miles_tenths AS offer_miles FROM ride_offers o \
             JOIN rides r ON r.id = o.ride_id JOIN households h ON h.id = r.household_id LEFT JOIN volunteers v ON v.id = r.volunteer_id \
             WHERE o.org_id = ? AND o.volunteer_id = ? AND (r.volunteer_id IS NULL OR r.volunteer_id = ?) AND r.status <> 'cancelled' ORDER BY r.at"))
        .bind(org_id)
        .bind(volunteer_id)
        .bind(volunteer_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok(Offer { ride: ride_from_row(r)?, miles_tenths: r.try_get("offer_miles")? })).collect()
    }

    /// Accept an offered ride. Exactly one volunteer wins: the UPDATE only matches while nobody
    /// has taken the ride, and only for a volunteer it was offered to who is still cleared.
    pub async fn accept_ride(&self, org_id: i64, ride_id: i64, volunteer_id: i64, texts: &dyn CareTexts) -> StoreResult<()> {
        let v = self.volunteer(org_id, volunteer_id).await?;
        if !self.clearance(org_id, &v.email).await?.is_cleared(today()) {
            return Err(StoreError::Refused("volunteer-error-not-cleared"));
        }
        let mut w = self.begin_write().await?;
        let done = sqlx::query(self.q("UPDATE rides SET volunteer_id = ?, status = 'accepted', accepted_at = ?, version = version + 1 \
             WHERE id = ? AND org_id = ? AND volunteer_id IS NULL AND status = 'requested' \
             AND EXISTS (SELECT 1 FROM ride_offers o WHERE o.ride_id = rides.id AND o.volunteer_id = ?)"))
        .bind(volunteer_id)
        .bind(now())
        .bind(ride_id)
        .bind(org_id)
        .bind(volunteer_id)
        .execute(&mut *w.tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Refused("ride-error-taken"));
        }
        let actor = Actor { user_id: v.user_id, org_id };
        append(self, &mut w.tx, actor, "accept", "ride", Some(ride_id), serde_json::json!({"volunteer_id": volunteer_id})).await?;
        // Confirm to the family (in their language when Sendero speaks it) and to the volunteer.
        let row = sqlx::query(self.q("SELECT r.*, h.name AS family_name FROM rides r JOIN households h ON h.id = r.household_id WHERE r.id = ?"))
            .bind(ride_id)
            .fetch_one(&mut *w.tx)
            .await?;
        let language: Option<String> = row.try_get("language")?;
        let facts = RideFacts {
            ride_id,
            kind: row.try_get("kind")?,
            purpose: row.try_get("purpose")?,
            at: row.try_get::<String, _>("at")?.replace('T', " "),
            pickup: row.try_get("pickup")?,
            destination: row.try_get("destination")?,
            family_name: row.try_get("family_name")?,
            volunteer_name: Some(v.name.clone()),
        };
        let household_id: i64 = row.try_get("household_id")?;
        let phone = sqlx::query(self.q("SELECT ct.value, ct.client_id FROM contacts ct JOIN clients c ON c.id = ct.client_id \
             WHERE c.household_id = ? AND c.org_id = ? AND ct.kind = 'phone' AND ct.valid_to IS NULL ORDER BY (c.relationship = 'head') DESC, ct.id LIMIT 1"))
        .bind(household_id)
        .bind(org_id)
        .fetch_optional(&mut *w.tx)
        .await?;
        if let Some(phone) = phone {
            let lang = locale_for(language.as_deref());
            let notice = texts.ride_confirmed(lang, &facts);
            let (number, client_id): (String, i64) = (phone.try_get("value")?, phone.try_get("client_id")?);
            // The message carries the family's language, so delivery can use a translated text.
            let family_lang = language.as_deref().map(|l| if lang == "en" && l != "english" { l } else { lang }).unwrap_or(lang);
            self.queue_notice(
                &mut w.tx,
                actor,
                None,
                Some(&number),
                None,
                Some(client_id),
                "ride_confirmation",
                family_lang,
                &notice,
                &format!("ride-confirm-{ride_id}"),
            )
            .await?;
        }
        w.commit().await
    }

    /// Log the miles driven (by the volunteer who took the ride, or staff); completes the ride.
    pub async fn log_mileage(&self, actor: Actor, ride_id: i64, volunteer_id: Option<i64>, miles_tenths: i64) -> StoreResult<()> {
        if !(0..=20_000).contains(&miles_tenths) {
            return Err(StoreError::Refused("ride-error-miles"));
        }
        let mut w = self.begin_write().await?;
        let done = sqlx::query(self.q("UPDATE rides SET miles_tenths = ?, status = 'completed', completed_at = ?, version = version + 1 \
             WHERE id = ? AND org_id = ? AND status IN ('accepted', 'completed') AND (? IS NULL OR volunteer_id = ?)"))
        .bind(miles_tenths)
        .bind(now())
        .bind(ride_id)
        .bind(actor.org_id)
        .bind(volunteer_id)
        .bind(volunteer_id)
        .execute(&mut *w.tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Refused("ride-error-not-yours"));
        }
        append(self, &mut w.tx, actor, "log_mileage", "ride", Some(ride_id), serde_json::json!({"miles_tenths": miles_tenths})).await?;
        w.commit().await
    }

    pub async fn cancel_ride(&self, actor: Actor, ride_id: i64) -> StoreResult<()> {
        let mut w = self.begin_write().await?;
        let done = sqlx::query(
            self.q("UPDATE rides SET status = 'cancelled', version = version + 1 WHERE id = ? AND org_id = ? AND status IN ('requested', 'accepted')"),
        )
        .bind(ride_id)
        .bind(actor.org_id)
        .execute(&mut *w.tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Refused("ride-error-closed"));
        }
        append(self, &mut w.tx, actor, "cancel", "ride", Some(ride_id), serde_json::json!({})).await?;
        w.commit().await
    }

    /// Completed rides and miles by month and purpose (for reimbursement and funders).
    pub async fn ride_report(&self, org_id: i64) -> StoreResult<Vec<RideTotal>> {
        let rows =
            sqlx::query(self.q("SELECT SUBSTR(at, 1, 7) AS month, purpose, kind, COUNT(*) AS rides, CAST(COALESCE(SUM(miles_tenths), 0) AS BIGINT) AS miles \
             FROM rides WHERE org_id = ? AND status = 'completed' GROUP BY SUBSTR(at, 1, 7), purpose, kind ORDER BY month DESC, purpose, kind"))
            .bind(org_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                let (purpose, kind): (String, String) = (r.try_get("purpose")?, r.try_get("kind")?);
                Ok(RideTotal {
                    month: r.try_get("month")?,
                    purpose: RidePurpose::parse(&purpose).unwrap_or(RidePurpose::Other),
                    kind: RequestKind::parse(&kind).unwrap_or(RequestKind::Ride),
                    rides: r.try_get("rides")?,
                    miles_tenths: r.try_get("miles")?,
                })
            })
            .collect()
    }
}
