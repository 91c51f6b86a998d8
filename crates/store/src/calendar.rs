//! The calendar: courts and ICE offices, hearings, check-ins and appointments with attendance,
//! reminders planned per event, alerts for far or soon hearings, eligibility windows, the
//! change-of-address obligations, channel opt-outs, the on-call rota, staff feeds and the
//! appearance report.

use chrono::{DateTime, NaiveDate, Utc};
use sendero_domain::calendar::{self as cal, Attendance, EventDraft, HearingAlert};
use sendero_domain::geo::{self, Coord};
use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::audit::append;
use crate::tasks::NewTask;
use crate::{format_time, now, Actor, Store, StoreError, StoreResult};

#[derive(Debug, Clone, Serialize)]
pub struct Place {
    pub id: i64,
    pub kind: String,
    pub name: String,
    pub address: String,
    pub city: String,
    pub state: String,
    pub zip: Option<String>,
    pub tz: String,
    pub lat_micro: i64,
    pub lon_micro: i64,
}

impl Place {
    pub fn coord(&self) -> Coord {
        Coord { lat_micro: self.lat_micro, lon_micro: self.lon_micro }
    }
}

/// A court or office to add to the directory.
#[derive(Debug, Clone)]
pub struct NewPlace<'a> {
    pub kind: &'a str,
    pub name: &'a str,
    pub address: &'a str,
    pub city: &'a str,
    pub state: &'a str,
    pub zip: &'a str,
    pub tz: &'a str,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub id: i64,
    pub org_id: i64,
    pub case_id: Option<i64>,
    pub client_id: i64,
    pub kind: String,
    pub subtype: String,
    pub place_id: Option<i64>,
    pub title: Option<String>,
    pub starts_at: String,
    pub tz: String,
    pub judge: Option<String>,
    pub remote: bool,
    pub notes: Option<String>,
    pub attendance: Option<String>,
    pub version: i64,
}

impl Event {
    pub fn starts(&self) -> DateTime<Utc> {
        self.starts_at.parse().unwrap_or_else(|_| Utc::now())
    }
    /// Start in the court's or office's own time zone, as people read it on their notice.
    pub fn local_time(&self) -> String {
        match cal::parse_tz(&self.tz) {
            Some(tz) => self.starts().with_timezone(&tz).format("%Y-%m-%d %H:%M %Z").to_string(),
            None => self.starts_at.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CalendarSettings {
    pub far_miles: i64,
    pub soon_days: i64,
    pub offsets: String,
    pub crisis_phone: Option<String>,
}

/// A hearing or check-in that needs attention, with what is known about where the client is.
#[derive(Debug, Clone, Serialize)]
pub struct AlertRow {
    pub event: Event,
    pub client_name: String,
    pub place_name: String,
    pub client_place: Option<String>,
    pub alert: HearingAlert,
}

/// An eligibility window or birthday deadline ending soon.
#[derive(Debug, Clone, Serialize)]
pub struct Deadline {
    pub case_id: Option<i64>,
    pub client_id: i64,
    pub client_name: String,
    pub rule: String,
    pub ends_on: String,
    pub days_left: i64,
}

/// One program's attendance counts over a period.
#[derive(Debug, Clone, Serialize)]
pub struct AppearanceRow {
    pub program: String,
    pub attended: i64,
    pub missed: i64,
    pub continuances: i64,
    pub rescheduled: i64,
}

impl AppearanceRow {
    /// Hearings where an appearance was due (attended, continuance asked at the hearing, missed).
    pub fn due(&self) -> i64 {
        self.attended + self.continuances + self.missed
    }
    pub fn appeared(&self) -> i64 {
        self.attended + self.continuances
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Shift {
    pub id: i64,
    pub user_id: i64,
    pub user_name: String,
    pub starts_at: String,
    pub ends_at: String,
    pub phone: String,
}

/// A reminder whose time has come, with what the message needs.
#[derive(Debug, Clone)]
pub struct DueReminder {
    pub id: i64,
    pub org_id: i64,
    pub offset_code: String,
    pub event: Event,
}

const EVENT_COLUMNS: &str = "id, org_id, case_id, client_id, kind, subtype, place_id, title, starts_at, tz, judge, remote, notes_enc, attendance, version";
const PLACE_COLUMNS: &str = "id, kind, name, address, city, state, zip, tz, lat_micro, lon_micro";

fn place_from_row(r: &AnyRow) -> StoreResult<Place> {
    Ok(Place {
        id: r.try_get("id")?,
        kind: r.try_get("kind")?,
        name: r.try_get("name")?,
        address: r.try_get("address")?,
        city: r.try_get("city")?,
        state: r.try_get("state")?,
        zip: r.try_get("zip")?,
        tz: r.try_get("tz")?,
        lat_micro: r.try_get("lat_micro")?,
        lon_micro: r.try_get("lon_micro")?,
    })
}

impl Store {
    fn event_from_row(&self, r: &AnyRow) -> StoreResult<Event> {
        let notes: Option<String> = r.try_get("notes_enc")?;
        Ok(Event {
            id: r.try_get("id")?,
            org_id: r.try_get("org_id")?,
            case_id: r.try_get("case_id")?,
            client_id: r.try_get("client_id")?,
            kind: r.try_get("kind")?,
            subtype: r.try_get("subtype")?,
            place_id: r.try_get("place_id")?,
            title: r.try_get("title")?,
            starts_at: r.try_get("starts_at")?,
            tz: r.try_get("tz")?,
            judge: r.try_get("judge")?,
            remote: r.try_get::<i64, _>("remote")? != 0,
            notes: notes.map(|n| self.cipher().decrypt(&n)).transpose()?,
            attendance: r.try_get("attendance")?,
            version: r.try_get("version")?,
        })
    }

    // ---- Places -------------------------------------------------------------------------

    /// Add a court or office unless one of that kind and name exists. Public directory data.
    pub async fn add_place(&self, p: &NewPlace<'_>) -> StoreResult<i64> {
        let mut w = self.begin_write().await?;
        let existing = sqlx::query(self.q("SELECT id FROM places WHERE kind = ? AND name = ?")).bind(p.kind).bind(p.name).fetch_optional(&mut *w.tx).await?;
        if let Some(row) = existing {
            return Ok(row.try_get("id")?);
        }
        let c = Coord::from_degrees(p.lat, p.lon);
        let id: i64 = sqlx::query(
            self.q("INSERT INTO places (kind, name, address, city, state, zip, tz, lat_micro, lon_micro) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        )
        .bind(p.kind)
        .bind(p.name)
        .bind(p.address)
        .bind(p.city)
        .bind(p.state)
        .bind(p.zip)
        .bind(p.tz)
        .bind(c.lat_micro)
        .bind(c.lon_micro)
        .fetch_one(&mut *w.tx)
        .await?
        .try_get("id")?;
        w.commit().await?;
        Ok(id)
    }

    pub async fn places(&self) -> StoreResult<Vec<Place>> {
        let sql = crate::render_sql(self.dialect(), &format!("SELECT {PLACE_COLUMNS} FROM places ORDER BY kind, state, name"));
        let rows = sqlx::query(&sql).fetch_all(self.pool()).await?;
        rows.iter().map(place_from_row).collect()
    }

    pub async fn place(&self, id: i64) -> StoreResult<Place> {
        let sql = crate::render_sql(self.dialect(), &format!("SELECT {PLACE_COLUMNS} FROM places WHERE id = ?"));
        let row = sqlx::query(&sql).bind(id).fetch_optional(self.pool()).await?.ok_or(StoreError::NotFound)?;
        place_from_row(&row)
    }

    // ---- Settings -----------------------------------------------------------------------

    pub async fn calendar_settings(&self, org_id: i64) -> StoreResult<CalendarSettings> {
        let row = sqlx::query(self.q("SELECT far_miles, soon_days, offsets, crisis_phone FROM calendar_settings WHERE org_id = ?"))
            .bind(org_id)
            .fetch_optional(self.pool())
            .await?;
        Ok(match row {
            Some(r) => CalendarSettings {
                far_miles: r.try_get("far_miles")?,
                soon_days: r.try_get("soon_days")?,
                offsets: r.try_get("offsets")?,
                crisis_phone: r.try_get("crisis_phone")?,
            },
            None => CalendarSettings { far_miles: 150, soon_days: 14, offsets: cal::DEFAULT_OFFSETS.into(), crisis_phone: None },
        })
    }

    pub async fn save_calendar_settings(&self, actor: Actor, s: &CalendarSettings) -> StoreResult<()> {
        cal::parse_offsets(&s.offsets).map_err(StoreError::Refused)?;
        if s.far_miles < 1 || s.soon_days < 0 {
            return Err(StoreError::Refused("error-invalid"));
        }
        let mut w = self.begin_write().await?;
        sqlx::query(self.q("DELETE FROM calendar_settings WHERE org_id = ?")).bind(actor.org_id).execute(&mut *w.tx).await?;
        sqlx::query(self.q("INSERT INTO calendar_settings (org_id, far_miles, soon_days, offsets, crisis_phone) VALUES (?, ?, ?, ?, ?)"))
            .bind(actor.org_id)
            .bind(s.far_miles)
            .bind(s.soon_days)
            .bind(s.offsets.clone())
            .bind(s.crisis_phone.clone())
            .execute(&mut *w.tx)
            .await?;
        append(
            self,
            &mut w.tx,
            actor,
            "update",
            "calendar_settings",
            None,
            serde_json::json!({"far_miles": s.far_miles, "soon_days": s.soon_days, "offsets": s.offsets}),
        )
        .await?;
        w.commit().await
    }

    // ---- Events -------------------------------------------------------------------------

    /// Record a hearing, check-in or appointment for a case's client, and plan its reminders.
    pub async fn create_event(&self, actor: Actor, case_id: i64, d: &EventDraft) -> StoreResult<i64> {
        let case = self.case(actor.org_id, case_id).await?;
        if let Some(place_id) = d.place_id {
            self.place(place_id).await.map_err(|_| StoreError::Refused("calendar-error-place"))?;
        }
        let settings = self.calendar_settings(actor.org_id).await?;
        let offsets = cal::parse_offsets(&settings.offsets).unwrap_or_default();
        let mut w = self.begin_write().await?;
        let id: i64 = sqlx::query(self.q(
            "INSERT INTO events (org_id, case_id, client_id, kind, subtype, place_id, title, starts_at, tz, judge, remote, notes_enc, created_by, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        ))
        .bind(actor.org_id)
        .bind(case_id)
        .bind(case.client_id)
        .bind(d.kind.as_str())
        .bind(d.subtype.clone())
        .bind(d.place_id)
        .bind(d.title.clone())
        .bind(format_time(d.starts_at))
        .bind(d.tz.name())
        .bind(d.judge.clone())
        .bind(d.remote as i64)
        .bind(d.notes.as_ref().map(|n| self.cipher().encrypt(n)))
        .bind(actor.user_id)
        .bind(now())
        .fetch_one(&mut *w.tx)
        .await?
        .try_get("id")?;
        for offset in offsets {
            let due = offset.due(d.starts_at, d.tz);
            sqlx::query(self.q("INSERT INTO reminders (org_id, event_id, offset_code, due_at, status) VALUES (?, ?, ?, ?, 'planned')"))
                .bind(actor.org_id)
                .bind(id)
                .bind(offset.code())
                .bind(format_time(due))
                .execute(&mut *w.tx)
                .await?;
        }
        let detail = serde_json::json!({"case_id": case_id, "kind": d.kind.as_str(), "subtype": d.subtype, "place_id": d.place_id, "starts_at": format_time(d.starts_at)});
        append(self, &mut w.tx, actor, "create", "event", Some(id), detail).await?;
        w.commit().await?;
        Ok(id)
    }

    pub async fn event(&self, org_id: i64, id: i64) -> StoreResult<Event> {
        let sql = crate::render_sql(self.dialect(), &format!("SELECT {EVENT_COLUMNS} FROM events WHERE id = ? AND org_id = ?"));
        let row = sqlx::query(&sql).bind(id).bind(org_id).fetch_optional(self.pool()).await?.ok_or(StoreError::NotFound)?;
        self.event_from_row(&row)
    }

    pub async fn case_calendar(&self, org_id: i64, case_id: i64) -> StoreResult<Vec<Event>> {
        let sql = crate::render_sql(self.dialect(), &format!("SELECT {EVENT_COLUMNS} FROM events WHERE org_id = ? AND case_id = ? ORDER BY starts_at, id"));
        let rows = sqlx::query(&sql).bind(org_id).bind(case_id).fetch_all(self.pool()).await?;
        rows.iter().map(|r| self.event_from_row(r)).collect()
    }

    /// Events of an organization from `from` on, soonest first.
    pub async fn upcoming_events(&self, org_id: i64, from: DateTime<Utc>, limit: i64) -> StoreResult<Vec<Event>> {
        let sql = crate::render_sql(
            self.dialect(),
            &format!("SELECT {EVENT_COLUMNS} FROM events WHERE org_id = ? AND starts_at >= ? ORDER BY starts_at, id LIMIT ?"),
        );
        let rows = sqlx::query(&sql).bind(org_id).bind(format_time(from)).bind(limit).fetch_all(self.pool()).await?;
        rows.iter().map(|r| self.event_from_row(r)).collect()
    }

    /// Staff record what happened. `version` is what they saw.
    pub async fn record_attendance(&self, actor: Actor, id: i64, version: i64, outcome: Attendance) -> StoreResult<()> {
        let mut w = self.begin_write().await?;
        let done = sqlx::query(
            self.q("UPDATE events SET attendance = ?, attendance_at = ?, attendance_by = ?, version = version + 1 WHERE id = ? AND org_id = ? AND version = ?"),
        )
        .bind(outcome.as_str())
        .bind(now())
        .bind(actor.user_id)
        .bind(id)
        .bind(actor.org_id)
        .bind(version)
        .execute(&mut *w.tx)
        .await?
        .rows_affected();
        if done == 0 {
            let current = self.event(actor.org_id, id).await?;
            return Err(StoreError::Conflict { current_version: current.version, changed: vec!["attendance".into()] });
        }
        append(self, &mut w.tx, actor, "attendance", "event", Some(id), serde_json::json!({"attendance": outcome.as_str()})).await?;
        w.commit().await
    }

    /// Where the client lives now: the newest current address contact, located in the gazetteer.
    pub async fn client_location(&self, org_id: i64, client_id: i64) -> StoreResult<Option<&'static geo::Place>> {
        let row = sqlx::query(self.q(
            "SELECT value FROM contacts WHERE org_id = ? AND client_id = ? AND kind = 'address' AND valid_to IS NULL ORDER BY valid_from DESC, id DESC LIMIT 1",
        ))
        .bind(org_id)
        .bind(client_id)
        .fetch_optional(self.pool())
        .await?;
        Ok(match row {
            Some(r) => geo::locate(&r.try_get::<String, _>("value")?),
            None => None,
        })
    }

    async fn client_name(&self, org_id: i64, client_id: i64) -> StoreResult<String> {
        Ok(self.client(org_id, client_id).await.map(|c| c.full_name()).unwrap_or_default())
    }

    /// The alert for one event, if it needs one (hearings and check-ins without an outcome).
    pub async fn event_alert(
        &self,
        org_id: i64,
        e: &Event,
        settings: &CalendarSettings,
        at: DateTime<Utc>,
    ) -> StoreResult<Option<(HearingAlert, Option<String>)>> {
        if e.kind == "appointment" || e.attendance.is_some() {
            return Ok(None);
        }
        let court = match e.place_id {
            Some(id) => Some(self.place(id).await?),
            None => None,
        };
        let home = self.client_location(org_id, e.client_id).await?;
        // A remote hearing has no travel to plan: only "soon" applies.
        let miles = match (&court, home, e.remote) {
            (Some(c), Some(h), false) => Some(geo::distance_miles(c.coord(), h.coord)),
            _ => None,
        };
        let alert = cal::hearing_alert(miles, e.starts(), at, settings.far_miles.max(1) as u32, settings.soon_days);
        Ok(alert.map(|a| (a, home.map(|h| format!("{}, {}", h.name, h.state)))))
    }

    /// Hearings and check-ins that are far from where the client lives or soon (next 180 days).
    pub async fn hearing_alerts(&self, org_id: i64, at: DateTime<Utc>, limit: usize) -> StoreResult<Vec<AlertRow>> {
        let settings = self.calendar_settings(org_id).await?;
        let until = format_time(at + chrono::Duration::days(180));
        let sql = crate::render_sql(
            self.dialect(),
            &format!("SELECT {EVENT_COLUMNS} FROM events WHERE org_id = ? AND kind <> 'appointment' AND attendance IS NULL AND starts_at >= ? AND starts_at < ? ORDER BY starts_at LIMIT 500"),
        );
        let rows = sqlx::query(&sql).bind(org_id).bind(format_time(at)).bind(until).fetch_all(self.pool()).await?;
        let mut out = vec![];
        for r in &rows {
            let e = self.event_from_row(r)?;
            if let Some((alert, client_place)) = self.event_alert(org_id, &e, &settings, at).await? {
                let place_name = match e.place_id {
                    Some(id) => self.place(id).await?.name,
                    None => String::new(),
                };
                out.push(AlertRow { client_name: self.client_name(org_id, e.client_id).await?, place_name, client_place, alert, event: e });
                if out.len() >= limit {
                    break;
                }
            }
        }
        Ok(out)
    }

    // ---- Eligibility windows and deadlines ------------------------------------------------

    /// Open a window on a case from a rule (`pre_certification`, `certification`, `shelter_30`…).
    pub async fn add_window(&self, actor: Actor, case_id: i64, rule: &str, starts_on: NaiveDate) -> StoreResult<i64> {
        let r = cal::window_rule(rule).ok_or(StoreError::Refused("error-invalid"))?;
        self.case(actor.org_id, case_id).await?;
        let mut w = self.begin_write().await?;
        let id: i64 = sqlx::query(
            self.q("INSERT INTO eligibility_windows (org_id, case_id, rule, starts_on, ends_on, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
        )
        .bind(actor.org_id)
        .bind(case_id)
        .bind(rule)
        .bind(starts_on.to_string())
        .bind(r.end(starts_on).to_string())
        .bind(now())
        .fetch_one(&mut *w.tx)
        .await?
        .try_get("id")?;
        append(self, &mut w.tx, actor, "create", "eligibility_window", Some(id), serde_json::json!({"case_id": case_id, "rule": rule})).await?;
        w.commit().await?;
        Ok(id)
    }

    /// The case's current eligibility window (the latest-ending one): billing counts days in it.
    pub async fn eligibility_window(&self, org_id: i64, case_id: i64) -> StoreResult<Option<(NaiveDate, NaiveDate)>> {
        let row =
            sqlx::query(self.q("SELECT starts_on, ends_on FROM eligibility_windows WHERE org_id = ? AND case_id = ? ORDER BY ends_on DESC, id DESC LIMIT 1"))
                .bind(org_id)
                .bind(case_id)
                .fetch_optional(self.pool())
                .await?;
        Ok(match row {
            Some(r) => {
                let s: String = r.try_get("starts_on")?;
                let e: String = r.try_get("ends_on")?;
                s.parse().ok().zip(e.parse().ok())
            }
            None => None,
        })
    }

    /// Windows ending within `days` and minors turning 18 within `sijs_days` (open cases only).
    pub async fn expiring(&self, org_id: i64, today: NaiveDate, days: i64, sijs_days: i64) -> StoreResult<Vec<Deadline>> {
        let mut out = vec![];
        let until = (today + chrono::Duration::days(days)).to_string();
        let rows = sqlx::query(self.q("SELECT w.case_id, w.rule, w.ends_on, c.client_id FROM eligibility_windows w JOIN cases c ON c.id = w.case_id \
             WHERE w.org_id = ? AND c.status = 'open' AND w.ends_on >= ? AND w.ends_on <= ? ORDER BY w.ends_on LIMIT 100"))
        .bind(org_id)
        .bind(today.to_string())
        .bind(until)
        .fetch_all(self.pool())
        .await?;
        for r in &rows {
            let ends_on: String = r.try_get("ends_on")?;
            let end: NaiveDate = ends_on.parse().unwrap_or(today);
            let client_id: i64 = r.try_get("client_id")?;
            out.push(Deadline {
                case_id: r.try_get("case_id")?,
                client_id,
                client_name: self.client_name(org_id, client_id).await?,
                rule: r.try_get("rule")?,
                ends_on,
                days_left: (end - today).num_days(),
            });
        }
        // Minors with an open case: the 18th birthday ends special immigrant juvenile eligibility.
        let minors = sqlx::query(self.q("SELECT c.id AS case_id, k.id AS client_id, k.birth_date FROM cases c JOIN clients k ON k.id = c.client_id \
             WHERE c.org_id = ? AND c.status = 'open' AND k.birth_date IS NOT NULL AND k.birth_date > ? ORDER BY k.birth_date LIMIT 500"))
        .bind(org_id)
        .bind((today - chrono::Months::new(18 * 12)).to_string())
        .fetch_all(self.pool())
        .await?;
        for r in &minors {
            let raw: String = r.try_get("birth_date")?;
            // Only full dates: an approximate birth year cannot give a deadline.
            let Ok(birth) = raw.parse::<NaiveDate>() else { continue };
            let end = cal::eighteenth_birthday(birth);
            let left = (end - today).num_days();
            if (0..=sijs_days).contains(&left) {
                let client_id: i64 = r.try_get("client_id")?;
                out.push(Deadline {
                    case_id: r.try_get("case_id")?,
                    client_id,
                    client_name: self.client_name(org_id, client_id).await?,
                    rule: "sijs_18".into(),
                    ends_on: end.to_string(),
                    days_left: left,
                });
            }
        }
        out.sort_by_key(|d| d.days_left);
        Ok(out)
    }

    // ---- Change of address ----------------------------------------------------------------

    /// A client moved: open EOIR-33, AR-11 and the ICE address update as tasks with their legal
    /// deadlines, on each open case, for its case manager. Idempotent per address contact.
    pub async fn open_address_change_tasks_tx(&self, tx: &mut Transaction<'static, Any>, actor: Actor, client_id: i64, contact_id: i64) -> StoreResult<()> {
        let earlier = sqlx::query(self.q("SELECT COUNT(*) AS n FROM contacts WHERE org_id = ? AND client_id = ? AND kind = 'address' AND id <> ?"))
            .bind(actor.org_id)
            .bind(client_id)
            .bind(contact_id)
            .fetch_one(&mut **tx)
            .await?
            .try_get::<i64, _>("n")?;
        if earlier == 0 {
            return Ok(()); // A first address is not a move.
        }
        let proceedings = sqlx::query(self.q(
            "SELECT (SELECT COUNT(*) FROM clients WHERE id = ? AND a_number_enc IS NOT NULL) + (SELECT COUNT(*) FROM events WHERE client_id = ? AND kind = 'hearing') AS n",
        ))
        .bind(client_id)
        .bind(client_id)
        .fetch_one(&mut **tx)
        .await?
        .try_get::<i64, _>("n")?
            > 0;
        let cases = sqlx::query(self.q("SELECT id, case_manager_id FROM cases WHERE org_id = ? AND client_id = ? AND status = 'open' ORDER BY id"))
            .bind(actor.org_id)
            .bind(client_id)
            .fetch_all(&mut **tx)
            .await?;
        let (case_id, assignee) = match cases.first() {
            Some(r) => (Some(r.try_get::<i64, _>("id")?), r.try_get::<Option<i64>, _>("case_manager_id")?),
            None => (None, None),
        };
        for ob in cal::address_change_obligations(crate::today(), proceedings) {
            let title = match ob.kind {
                "eoir33" => "EOIR-33: change of address to the immigration court",
                "ar11" => "AR-11: change of address to USCIS",
                _ => "New address to the ICE officer",
            };
            let task = NewTask {
                case_id,
                client_id: Some(client_id),
                kind: ob.kind,
                title,
                due_on: Some(ob.due_on),
                assignee_id: assignee,
                source: Some(format!("address:{contact_id}:{}", ob.kind)),
            };
            self.create_task_tx(tx, actor, &task).await?;
        }
        Ok(())
    }

    // ---- Opt-outs -----------------------------------------------------------------------

    pub async fn set_opt_out(&self, actor: Actor, client_id: i64, channel: &str, opted_out: bool) -> StoreResult<()> {
        if channel != crate::outbox::CHANNEL_SMS && channel != crate::outbox::CHANNEL_EMAIL {
            return Err(StoreError::Refused("message-bad-channel"));
        }
        self.client(actor.org_id, client_id).await?;
        let mut w = self.begin_write().await?;
        sqlx::query(self.q("DELETE FROM opt_outs WHERE client_id = ? AND channel = ? AND org_id = ?"))
            .bind(client_id)
            .bind(channel)
            .bind(actor.org_id)
            .execute(&mut *w.tx)
            .await?;
        if opted_out {
            sqlx::query(self.q("INSERT INTO opt_outs (org_id, client_id, channel, created_at) VALUES (?, ?, ?, ?)"))
                .bind(actor.org_id)
                .bind(client_id)
                .bind(channel)
                .bind(now())
                .execute(&mut *w.tx)
                .await?;
        }
        append(self, &mut w.tx, actor, if opted_out { "opt_out" } else { "opt_in" }, "client", Some(client_id), serde_json::json!({"channel": channel}))
            .await?;
        w.commit().await
    }

    pub async fn opted_out(&self, org_id: i64, client_id: i64, channel: &str) -> StoreResult<bool> {
        Ok(sqlx::query(self.q("SELECT 1 AS one FROM opt_outs WHERE org_id = ? AND client_id = ? AND channel = ?"))
            .bind(org_id)
            .bind(client_id)
            .bind(channel)
            .fetch_optional(self.pool())
            .await?
            .is_some())
    }

    // ---- On-call rota -------------------------------------------------------------------

    pub async fn add_shift(&self, actor: Actor, user_id: i64, starts_at: DateTime<Utc>, ends_at: DateTime<Utc>, phone: &str) -> StoreResult<i64> {
        if ends_at <= starts_at || phone.trim().is_empty() {
            return Err(StoreError::Refused("calendar-error-shift"));
        }
        if !self.users(actor.org_id).await?.iter().any(|u| u.id == user_id) {
            return Err(StoreError::NotFound);
        }
        let mut w = self.begin_write().await?;
        let id: i64 = sqlx::query(self.q("INSERT INTO oncall_shifts (org_id, user_id, starts_at, ends_at, phone) VALUES (?, ?, ?, ?, ?) RETURNING id"))
            .bind(actor.org_id)
            .bind(user_id)
            .bind(format_time(starts_at))
            .bind(format_time(ends_at))
            .bind(phone.trim())
            .fetch_one(&mut *w.tx)
            .await?
            .try_get("id")?;
        append(self, &mut w.tx, actor, "create", "oncall_shift", Some(id), serde_json::json!({"user_id": user_id})).await?;
        w.commit().await?;
        Ok(id)
    }

    /// Shifts that end after `from`, soonest first.
    pub async fn shifts(&self, org_id: i64, from: DateTime<Utc>, limit: i64) -> StoreResult<Vec<Shift>> {
        let rows = sqlx::query(
            self.q("SELECT s.id, s.user_id, u.display_name, s.starts_at, s.ends_at, s.phone FROM oncall_shifts s JOIN users u ON u.id = s.user_id \
             WHERE s.org_id = ? AND s.ends_at > ? ORDER BY s.starts_at LIMIT ?"),
        )
        .bind(org_id)
        .bind(format_time(from))
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Shift {
                    id: r.try_get("id")?,
                    user_id: r.try_get("user_id")?,
                    user_name: r.try_get("display_name")?,
                    starts_at: r.try_get("starts_at")?,
                    ends_at: r.try_get("ends_at")?,
                    phone: r.try_get("phone")?,
                })
            })
            .collect()
    }

    /// Who is on call at `at`, and the crisis number to give: the shift's phone, else the
    /// organization's crisis line.
    pub async fn on_call(&self, org_id: i64, at: DateTime<Utc>) -> StoreResult<(Option<Shift>, Option<String>)> {
        let shift = self.shifts(org_id, at, 20).await?.into_iter().find(|s| s.starts_at <= format_time(at));
        let number = shift.as_ref().map(|s| s.phone.clone()).or(self.calendar_settings(org_id).await?.crisis_phone);
        Ok((shift, number))
    }

    // ---- Staff feeds ----------------------------------------------------------------------

    /// A new private feed token for a user (any earlier one is revoked). Only its hash is kept.
    pub async fn new_feed_token(&self, actor: Actor, user_id: i64) -> StoreResult<String> {
        use rand::RngCore;
        let mut bytes = [0u8; 24];
        rand::thread_rng().fill_bytes(&mut bytes);
        let token = hex::encode(bytes);
        let mut w = self.begin_write().await?;
        sqlx::query(self.q("UPDATE calendar_feeds SET revoked_at = ? WHERE user_id = ? AND org_id = ? AND revoked_at IS NULL"))
            .bind(now())
            .bind(user_id)
            .bind(actor.org_id)
            .execute(&mut *w.tx)
            .await?;
        sqlx::query(self.q("INSERT INTO calendar_feeds (org_id, user_id, token_hash, created_at) VALUES (?, ?, ?, ?)"))
            .bind(actor.org_id)
            .bind(user_id)
            .bind(feed_hash(&token))
            .bind(now())
            .execute(&mut *w.tx)
            .await?;
        append(self, &mut w.tx, actor, "create", "calendar_feed", Some(user_id), serde_json::json!({})).await?;
        w.commit().await?;
        Ok(token)
    }

    pub async fn revoke_feed(&self, actor: Actor, user_id: i64) -> StoreResult<()> {
        let mut w = self.begin_write().await?;
        sqlx::query(self.q("UPDATE calendar_feeds SET revoked_at = ? WHERE user_id = ? AND org_id = ? AND revoked_at IS NULL"))
            .bind(now())
            .bind(user_id)
            .bind(actor.org_id)
            .execute(&mut *w.tx)
            .await?;
        append(self, &mut w.tx, actor, "revoke", "calendar_feed", Some(user_id), serde_json::json!({})).await?;
        w.commit().await
    }

    /// The (org, user) a live feed token belongs to.
    pub async fn feed_owner(&self, token: &str) -> StoreResult<Option<(i64, i64)>> {
        let row = sqlx::query(self.q("SELECT org_id, user_id FROM calendar_feeds WHERE token_hash = ? AND revoked_at IS NULL"))
            .bind(feed_hash(token))
            .fetch_optional(self.pool())
            .await?;
        Ok(match row {
            Some(r) => Some((r.try_get("org_id")?, r.try_get("user_id")?)),
            None => None,
        })
    }

    /// Events on the cases a staff member manages, from `from` on (their feed).
    pub async fn staff_events(&self, org_id: i64, user_id: i64, from: DateTime<Utc>) -> StoreResult<Vec<Event>> {
        let cols = EVENT_COLUMNS.split(", ").map(|c| format!("e.{c}")).collect::<Vec<_>>().join(", ");
        let sql = crate::render_sql(
            self.dialect(),
            &format!("SELECT {cols} FROM events e JOIN cases c ON c.id = e.case_id WHERE e.org_id = ? AND c.case_manager_id = ? AND e.starts_at >= ? ORDER BY e.starts_at LIMIT 500"),
        );
        let rows = sqlx::query(&sql).bind(org_id).bind(user_id).bind(format_time(from)).fetch_all(self.pool()).await?;
        rows.iter().map(|r| self.event_from_row(r)).collect()
    }

    // ---- Appearance report --------------------------------------------------------------

    /// Hearing outcomes per program for hearings between `from` and `to` (dates, inclusive).
    pub async fn appearance_report(&self, org_id: i64, from: NaiveDate, to: NaiveDate) -> StoreResult<Vec<AppearanceRow>> {
        let rows = sqlx::query(self.q("SELECT p.name AS program, \
               SUM(CASE WHEN e.attendance = 'attended' THEN 1 ELSE 0 END) AS attended, \
               SUM(CASE WHEN e.attendance = 'missed' THEN 1 ELSE 0 END) AS missed, \
               SUM(CASE WHEN e.attendance = 'continuance_requested' THEN 1 ELSE 0 END) AS continuances, \
               SUM(CASE WHEN e.attendance = 'rescheduled' THEN 1 ELSE 0 END) AS rescheduled \
             FROM events e JOIN cases c ON c.id = e.case_id JOIN programs p ON p.id = c.program_id \
             WHERE e.org_id = ? AND e.kind = 'hearing' AND e.attendance IS NOT NULL AND e.starts_at >= ? AND e.starts_at < ? \
             GROUP BY p.name ORDER BY p.name"))
        .bind(org_id)
        .bind(from.to_string())
        .bind((to + chrono::Duration::days(1)).to_string())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(AppearanceRow {
                    program: r.try_get("program")?,
                    attended: r.try_get("attended")?,
                    missed: r.try_get("missed")?,
                    continuances: r.try_get("continuances")?,
                    rescheduled: r.try_get("rescheduled")?,
                })
            })
            .collect()
    }

    // ---- Reminders (worker side) -----------------------------------------------------------

    /// Planned reminders due at `at` whose event is still ahead and has no outcome.
    pub async fn due_reminders(&self, at: DateTime<Utc>, limit: i64) -> StoreResult<Vec<DueReminder>> {
        let cols = EVENT_COLUMNS.split(", ").map(|c| format!("e.{c}")).collect::<Vec<_>>().join(", ");
        let sql = crate::render_sql(
            self.dialect(),
            &format!(
                "SELECT r.id AS reminder_id, r.offset_code, {cols} FROM reminders r JOIN events e ON e.id = r.event_id \
                 WHERE r.status = 'planned' AND r.due_at <= ? ORDER BY r.due_at LIMIT ?"
            ),
        );
        let rows = sqlx::query(&sql).bind(format_time(at)).bind(limit).fetch_all(self.pool()).await?;
        rows.iter()
            .map(|r| {
                let event = self.event_from_row(r)?;
                Ok(DueReminder { id: r.try_get("reminder_id")?, org_id: event.org_id, offset_code: r.try_get("offset_code")?, event })
            })
            .collect()
    }

    /// Turn one due reminder into outbox messages (or a phone-call task), exactly once: the
    /// reminder row is claimed in the same transaction, and every message carries an
    /// idempotency key, so two nodes racing here enqueue each message once.
    pub async fn materialise_reminder(&self, r: &DueReminder, texts: &dyn ReminderTexts, at: DateTime<Utc>) -> StoreResult<usize> {
        let actor = Actor { user_id: None, org_id: r.org_id };
        let e = &r.event;
        // Gather what the messages need before taking the write lock.
        let client = self.client(r.org_id, e.client_id).await?;
        let contacts = self.contacts(r.org_id, e.client_id).await?;
        let current = |k: &str| contacts.iter().find(|c| c.valid_to.is_none() && c.kind == k).map(|c| c.value.clone());
        let place = match e.place_id {
            Some(id) => Some(self.place(id).await?),
            None => None,
        };
        let (_, crisis) = self.on_call(r.org_id, at).await?;
        let case = match e.case_id {
            Some(id) => Some(self.case(r.org_id, id).await?),
            None => None,
        };
        let staff = match case.as_ref().and_then(|c| c.case_manager_id) {
            Some(id) => self.users(r.org_id).await?.into_iter().find(|u| u.id == id && u.active),
            None => None,
        };
        let lang = client_language(client.languages.as_deref());
        let info = ReminderInfo { event: e, place: place.as_ref(), client_name: client.full_name(), crisis_phone: crisis.clone() };
        // A later reminder of the same event already due makes this one stale (an event
        // entered two days ahead gets the two-day reminder, not the seven-day one as well).
        let superseded =
            sqlx::query(self.q(
                "SELECT COUNT(*) AS n FROM reminders WHERE event_id = ? AND id <> ? AND due_at > (SELECT due_at FROM reminders WHERE id = ?) AND due_at <= ?",
            ))
            .bind(e.id)
            .bind(r.id)
            .bind(r.id)
            .bind(format_time(at))
            .fetch_one(self.pool())
            .await?
            .try_get::<i64, _>("n")?
                > 0;
        let past = e.starts() <= at || e.attendance.is_some() || superseded;
        let sms_ok = !self.opted_out(r.org_id, e.client_id, crate::outbox::CHANNEL_SMS).await?;
        let email_ok = !self.opted_out(r.org_id, e.client_id, crate::outbox::CHANNEL_EMAIL).await?;

        let mut w = self.begin_write().await?;
        let claimed = sqlx::query(self.q("UPDATE reminders SET status = ?, done_at = ? WHERE id = ? AND status = 'planned'"))
            .bind(if past { "skipped" } else { "done" })
            .bind(now())
            .bind(r.id)
            .execute(&mut *w.tx)
            .await?
            .rows_affected();
        if claimed == 0 || past {
            w.commit().await?;
            return Ok(0);
        }
        let mut n = 0;
        let phone = current("phone");
        if let (Some(phone), true) = (&phone, sms_ok) {
            let (_, body) = texts.client_reminder(&lang, &info, true);
            let m = crate::outbox::NewMessage {
                channel: crate::outbox::CHANNEL_SMS,
                recipient: phone,
                client_id: Some(e.client_id),
                user_id: None,
                purpose: "event_reminder",
                language: &lang,
                subject: None,
                body: &body,
                idempotency_key: format!("reminder:{}:{}:sms", e.id, r.offset_code),
                not_before: Some(at),
            };
            n += self.enqueue_message_tx(&mut w.tx, actor, &m).await?.is_some() as usize;
        }
        if let (Some(email), true) = (current("email"), email_ok) {
            let (subject, body) = texts.client_reminder(&lang, &info, false);
            let m = crate::outbox::NewMessage {
                channel: crate::outbox::CHANNEL_EMAIL,
                recipient: &email,
                client_id: Some(e.client_id),
                user_id: None,
                purpose: "event_reminder",
                language: &lang,
                subject: Some(&subject),
                body: &body,
                idempotency_key: format!("reminder:{}:{}:email", e.id, r.offset_code),
                not_before: Some(at),
            };
            n += self.enqueue_message_tx(&mut w.tx, actor, &m).await?.is_some() as usize;
        }
        if phone.is_none() || !sms_ok {
            // No text message reaches this client: someone calls instead (one task per event).
            let title = texts.call_task_title(&info);
            let task = NewTask {
                case_id: e.case_id,
                client_id: Some(e.client_id),
                kind: "reminder_call",
                title: &title,
                due_on: Some((e.starts() - chrono::Duration::days(1)).date_naive().max(at.date_naive())),
                assignee_id: staff.as_ref().map(|u| u.id),
                source: Some(format!("event:{}:call", e.id)),
            };
            self.create_task_tx(&mut w.tx, actor, &task).await?;
        }
        if let Some(u) = &staff {
            let (subject, body) = texts.staff_reminder(&u.locale, &info);
            let m = crate::outbox::NewMessage {
                channel: crate::outbox::CHANNEL_EMAIL,
                recipient: &u.email,
                client_id: None,
                user_id: Some(u.id),
                purpose: "staff_reminder",
                language: &u.locale,
                subject: Some(&subject),
                body: &body,
                idempotency_key: format!("reminder:{}:{}:staff", e.id, r.offset_code),
                not_before: Some(at),
            };
            n += self.enqueue_message_tx(&mut w.tx, actor, &m).await?.is_some() as usize;
        }
        w.commit().await?;
        Ok(n)
    }
}

/// What a reminder says about its event.
pub struct ReminderInfo<'a> {
    pub event: &'a Event,
    pub place: Option<&'a Place>,
    pub client_name: String,
    pub crisis_phone: Option<String>,
}

/// Reminder wording, in the recipient's language. The web crate implements it with Fluent, so
/// the store stays free of translations.
pub trait ReminderTexts: Send + Sync {
    /// (subject, body); `sms` asks for a short body.
    fn client_reminder(&self, lang: &str, info: &ReminderInfo<'_>, sms: bool) -> (String, String);
    fn staff_reminder(&self, lang: &str, info: &ReminderInfo<'_>) -> (String, String);
    fn call_task_title(&self, info: &ReminderInfo<'_>) -> String;
}

/// The language to write to a client in: Spanish when their first language is Spanish.
pub fn client_language(languages: Option<&str>) -> String {
    let first = languages.unwrap_or("").split(',').next().unwrap_or("").trim().to_lowercase();
    if first.starts_with("es") || first.starts_with("spa") || first.starts_with("espa") {
        "es".into()
    } else {
        "en".into()
    }
}

fn feed_hash(token: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(token.as_bytes()))
}
