//! Demo calendar: immigration courts and ICE field offices of the demo cities (public
//! addresses; verify against EOIR's and ICE's own listings before relying on them), hearings and
//! check-ins for the SCENARIOS people, past hearings with outcomes, an eligibility window, an
//! on-call rota and the crisis line.

use chrono::{Duration, Utc};
use sendero_domain::calendar::{Attendance, EventDraft, EventInput};
use sendero_domain::ContactKind;
use sqlx::Row;

use crate::calendar::{CalendarSettings, NewPlace};
use crate::{Actor, Store};

/// (kind, name, address, city, state, zip, time zone, latitude, longitude)
type PlaceRow = (&'static str, &'static str, &'static str, &'static str, &'static str, &'static str, &'static str, f64, f64);

pub const DEMO_PLACES: [PlaceRow; 12] = [
    (
        "court",
        "New York - Broadway Immigration Court",
        "290 Broadway, 12th Floor, New York, NY 10007",
        "New York",
        "NY",
        "10007",
        "America/New_York",
        40.7146,
        -74.0049,
    ),
    (
        "court",
        "New York - Varick Immigration Court",
        "201 Varick Street, Room 1140, New York, NY 10014",
        "New York",
        "NY",
        "10014",
        "America/New_York",
        40.7282,
        -74.0057,
    ),
    (
        "court",
        "Houston Immigration Court",
        "600 Jefferson Street, Suite 900, Houston, TX 77002",
        "Houston",
        "TX",
        "77002",
        "America/Chicago",
        29.7557,
        -95.3647,
    ),
    (
        "court",
        "Tucson Immigration Court",
        "300 West Congress Street, Suite 300, Tucson, AZ 85701",
        "Tucson",
        "AZ",
        "85701",
        "America/Phoenix",
        32.2226,
        -110.9747,
    ),
    (
        "court",
        "Chicago Immigration Court",
        "525 West Van Buren Street, Suite 500, Chicago, IL 60607",
        "Chicago",
        "IL",
        "60607",
        "America/Chicago",
        41.8765,
        -87.6397,
    ),
    ("court", "Omaha Immigration Court", "1717 Avenue H East, Suite 100, Omaha, NE 68110", "Omaha", "NE", "68110", "America/Chicago", 41.3033, -95.9188),
    (
        "ice_office",
        "ICE ERO New York Field Office",
        "26 Federal Plaza, 9th Floor, New York, NY 10278",
        "New York",
        "NY",
        "10278",
        "America/New_York",
        40.7150,
        -74.0040,
    ),
    ("ice_office", "ICE ERO Houston Field Office", "126 Northpoint Drive, Houston, TX 77060", "Houston", "TX", "77060", "America/Chicago", 29.9416, -95.4069),
    (
        "ice_office",
        "ICE ERO Tucson Sub-Office",
        "6431 South Country Club Road, Tucson, AZ 85706",
        "Tucson",
        "AZ",
        "85706",
        "America/Phoenix",
        32.1373,
        -110.9210,
    ),
    (
        "ice_office",
        "ICE ERO Chicago Field Office",
        "101 West Ida B. Wells Drive, Chicago, IL 60605",
        "Chicago",
        "IL",
        "60605",
        "America/Chicago",
        41.8762,
        -87.6298,
    ),
    ("ice_office", "ICE ERO Cedar Rapids Sub-Office", "Cedar Rapids, IA 52401", "Cedar Rapids", "IA", "52401", "America/Chicago", 41.9779, -91.6656),
    ("ice_office", "ICE ERO Omaha Field Office", "1717 Avenue H East, Omaha, NE 68110", "Omaha", "NE", "68110", "America/Chicago", 41.3033, -95.9188),
];

impl Store {
    /// Add the demo courts and offices (idempotent by name). Returns their ids in order.
    pub async fn seed_places(&self) -> anyhow::Result<Vec<i64>> {
        let mut ids = vec![];
        for (kind, name, address, city, state, zip, tz, lat, lon) in DEMO_PLACES {
            ids.push(self.add_place(&NewPlace { kind, name, address, city, state, zip, tz, lat, lon }).await?);
        }
        Ok(ids)
    }

    async fn demo_case_of(&self, org_id: i64, given: &str, family: &str) -> anyhow::Result<Option<(i64, i64)>> {
        let row = sqlx::query(self.q("SELECT c.id AS case_id, k.id AS client_id FROM cases c JOIN clients k ON k.id = c.client_id \
             WHERE c.org_id = ? AND k.given_names = ? AND k.family_names = ? AND c.status = 'open' ORDER BY c.id LIMIT 1"))
        .bind(org_id)
        .bind(given)
        .bind(family)
        .fetch_optional(self.pool())
        .await?;
        Ok(match row {
            Some(r) => Some((r.try_get("case_id")?, r.try_get("client_id")?)),
            None => None,
        })
    }

    #[allow(clippy::too_many_arguments)]
    async fn demo_event(&self, actor: Actor, case: i64, kind: &str, subtype: &str, place: i64, tz: &str, in_days: i64, time: &str) -> anyhow::Result<i64> {
        let local = format!("{}T{time}", (Utc::now() + Duration::days(in_days)).date_naive());
        let draft =
            EventDraft::parse(&EventInput { kind: kind.into(), subtype: subtype.into(), place_id: Some(place), local, tz: tz.into(), ..Default::default() })
                .map_err(|e| anyhow::anyhow!("demo event: {e}"))?;
        Ok(self.create_event(actor, case, &draft).await?)
    }

    /// The calendar of the lead organization's demo: called once from `seed_demo`.
    pub async fn seed_calendar_demo(&self, actor: Actor, staff: &[i64]) -> anyhow::Result<()> {
        let places = self.seed_places().await?;
        let (houston_court, ny_office, cedar_rapids_office, ny_court) = (places[2], places[6], places[10], places[0]);
        let org = actor.org_id;
        self.save_calendar_settings(
            actor,
            &CalendarSettings { far_miles: 150, soon_days: 14, offsets: "7d,2d,morning".into(), crisis_phone: Some("+1 800 555 0199".into()) },
        )
        .await?;
        // 1. Darwin lives in New York now; his master calendar hearing is in Houston in two days.
        if let Some((case, client)) = self.demo_case_of(org, "Darwin", "Pérez Mejía").await? {
            self.add_contact(actor, client, ContactKind::Address, "410 West 34th Street, Apt 5B, New York, NY 10001", false).await?;
            self.add_contact(actor, client, ContactKind::Email, "darwin.perez@example.org", false).await?;
            self.demo_event(actor, case, "hearing", "master_calendar", houston_court, "America/Chicago", 2, "08:30").await?;
        }
        // 2. The Castillo family's ICE check-in in New York.
        if let Some((case, client)) = self.demo_case_of(org, "Martha Lorena", "Castillo Obando").await? {
            self.add_contact(actor, client, ContactKind::Address, "1180 Nostrand Avenue, Brooklyn, NY 11225", false).await?;
            self.demo_event(actor, case, "check_in", "ice_check_in", ny_office, "America/New_York", 10, "09:00").await?;
        }
        // 4. The Joseph family's check-in in Cedar Rapids, about 70 miles from Dubuque.
        if let Some((case, client)) = self.demo_case_of(org, "Wilner", "Joseph").await? {
            self.add_contact(actor, client, ContactKind::Address, "1250 Jackson Street, Dubuque, IA 52001", false).await?;
            self.demo_event(actor, case, "check_in", "ice_check_in", cedar_rapids_office, "America/Chicago", 6, "10:00").await?;
        }
        // 6. Amina's pre-certification window closes in about three weeks.
        if let Some((case, _)) = self.demo_case_of(org, "Amina", "Haddad").await? {
            let start = crate::today() - Duration::days(252);
            self.add_window(actor, case, "pre_certification", start).await?;
        }
        // Past hearings in the alternatives-to-detention program, with recorded outcomes, so the
        // appearance report has something to show.
        let rows = sqlx::query(self.q(
            "SELECT c.id FROM cases c JOIN programs p ON p.id = c.program_id WHERE c.org_id = ? AND p.kind = 'detention_alternative' AND c.status = 'open' ORDER BY c.id LIMIT 12",
        ))
        .bind(org)
        .fetch_all(self.pool())
        .await?;
        let outcomes = [
            Attendance::Attended,
            Attendance::Attended,
            Attendance::ContinuanceRequested,
            Attendance::Attended,
            Attendance::Missed,
            Attendance::Attended,
            Attendance::Rescheduled,
            Attendance::Attended,
        ];
        for (i, r) in rows.iter().enumerate() {
            let case: i64 = r.try_get("id")?;
            let id = self.demo_event(actor, case, "hearing", "master_calendar", ny_court, "America/New_York", -20 - i as i64 * 3, "09:00").await?;
            self.record_attendance(actor, id, 1, outcomes[i % outcomes.len()]).await?;
        }
        // The on-call rota: today and tomorrow.
        let now = Utc::now();
        for (i, user) in staff.iter().take(2).enumerate() {
            let start = now - Duration::hours(2) + Duration::hours(24 * i as i64);
            self.add_shift(actor, *user, start, start + Duration::hours(24), &format!("+1 212 555 01{:02}", 11 + i)).await?;
        }
        Ok(())
    }
}
