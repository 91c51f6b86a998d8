//! Calendar rules: events (court hearings, ICE check-ins, appointments), attendance, the
//! change-of-address deadlines, working days, reminder offsets, eligibility windows, alerts for
//! hearings that are far away or soon, and the delivery back-off of the outbox.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use serde::Serialize;

use crate::error::FieldErrors;
use crate::text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Hearing,
    CheckIn,
    Appointment,
}

impl EventKind {
    pub const ALL: [EventKind; 3] = [EventKind::Hearing, EventKind::CheckIn, EventKind::Appointment];
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Hearing => "hearing",
            EventKind::CheckIn => "check_in",
            EventKind::Appointment => "appointment",
        }
    }
    pub fn parse(s: &str) -> Option<EventKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Hearing types and appointment categories, as stored codes (pages translate them).
pub const HEARING_TYPES: [&str; 4] = ["master_calendar", "individual", "bond", "other"];
pub const APPOINTMENT_TYPES: [&str; 5] = ["medical", "school", "legal", "benefits", "other"];
pub const CHECK_IN_TYPES: [&str; 1] = ["ice_check_in"];

/// What happened at an event, recorded by staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    Attended,
    Missed,
    Rescheduled,
    ContinuanceRequested,
}

impl Attendance {
    pub const ALL: [Attendance; 4] = [Attendance::Attended, Attendance::Missed, Attendance::Rescheduled, Attendance::ContinuanceRequested];
    pub fn as_str(self) -> &'static str {
        match self {
            Attendance::Attended => "attended",
            Attendance::Missed => "missed",
            Attendance::Rescheduled => "rescheduled",
            Attendance::ContinuanceRequested => "continuance_requested",
        }
    }
    pub fn parse(s: &str) -> Option<Attendance> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
    /// Counts toward the appearance rate: a continuance requested at the hearing means the
    /// client appeared; a rescheduled hearing had no appearance to count.
    pub fn appearance(self) -> Option<bool> {
        match self {
            Attendance::Attended | Attendance::ContinuanceRequested => Some(true),
            Attendance::Missed => Some(false),
            Attendance::Rescheduled => None,
        }
    }
}

/// A validated event from the form. `starts_at` is UTC; `local` and `tz` keep what was typed,
/// in the court's or office's time zone.
#[derive(Debug, Clone, PartialEq)]
pub struct EventDraft {
    pub kind: EventKind,
    pub subtype: String,
    pub place_id: Option<i64>,
    pub title: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub tz: Tz,
    pub judge: Option<String>,
    pub remote: bool,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct EventInput {
    pub kind: String,
    pub subtype: String,
    pub place_id: Option<i64>,
    pub title: String,
    /// `YYYY-MM-DDTHH:MM` (an HTML datetime-local value) in `tz`.
    pub local: String,
    pub tz: String,
    pub judge: String,
    pub remote: bool,
    pub notes: String,
}

/// Parse a time zone name ("America/Chicago").
pub fn parse_tz(name: &str) -> Option<Tz> {
    name.trim().parse::<Tz>().ok()
}

/// A local wall-clock time in `tz` to UTC. A time skipped by a DST change is refused; an
/// ambiguous one (the repeated hour) takes the earlier instant, the safe side for a hearing.
pub fn local_to_utc(local: NaiveDateTime, tz: Tz) -> Option<DateTime<Utc>> {
    tz.from_local_datetime(&local).earliest().map(|t| t.with_timezone(&Utc))
}

impl EventDraft {
    pub fn parse(input: &EventInput) -> Result<EventDraft, FieldErrors> {
        let mut errors = FieldErrors::default();
        let kind = EventKind::parse(&input.kind);
        if kind.is_none() {
            errors.push("kind", "error-invalid");
        }
        let allowed: &[&str] = match kind {
            Some(EventKind::Hearing) => &HEARING_TYPES,
            Some(EventKind::CheckIn) => &CHECK_IN_TYPES,
            _ => &APPOINTMENT_TYPES,
        };
        if !allowed.contains(&input.subtype.as_str()) {
            errors.push("subtype", "error-invalid");
        }
        if matches!(kind, Some(EventKind::Hearing | EventKind::CheckIn)) && input.place_id.is_none() {
            errors.push("place_id", "calendar-error-place");
        }
        let tz = parse_tz(&input.tz);
        if tz.is_none() {
            errors.push("tz", "calendar-error-tz");
        }
        let local = NaiveDateTime::parse_from_str(input.local.trim(), "%Y-%m-%dT%H:%M").ok();
        let starts_at = match (local, tz) {
            (Some(l), Some(z)) => local_to_utc(l, z),
            _ => None,
        };
        if starts_at.is_none() {
            errors.push("local", "calendar-error-when");
        }
        let mut field = |name: &str, r: Result<Option<String>, &'static str>| match r {
            Ok(v) => v,
            Err(code) => {
                errors.push(name, code);
                None
            }
        };
        let title = field("title", text::clean(&input.title, 200));
        let judge = field("judge", text::clean(&input.judge, 120));
        let notes = field("notes", text::clean(&input.notes, 2000));
        errors.into_result(())?;
        Ok(EventDraft {
            kind: kind.expect("checked"),
            subtype: input.subtype.clone(),
            place_id: input.place_id,
            title,
            starts_at: starts_at.expect("checked"),
            tz: tz.expect("checked"),
            judge,
            remote: input.remote,
            notes,
        })
    }
}

/// US federal holidays observed in `year` (5 U.S.C. 6103), with the Friday/Monday shift for
/// fixed dates that fall on a weekend.
pub fn federal_holidays(year: i32) -> Vec<NaiveDate> {
    let d = |m, day| NaiveDate::from_ymd_opt(year, m, day).expect("valid date");
    let observed = |date: NaiveDate| match date.weekday() {
        Weekday::Sat => date - Duration::days(1),
        Weekday::Sun => date + Duration::days(1),
        _ => date,
    };
    let nth = |m, wd, n| NaiveDate::from_weekday_of_month_opt(year, m, wd, n).expect("valid nth weekday");
    let last_monday_of_may = {
        let mut x = d(5, 31);
        while x.weekday() != Weekday::Mon {
            x -= Duration::days(1);
        }
        x
    };
    vec![
        observed(d(1, 1)),
        nth(1, Weekday::Mon, 3),
        nth(2, Weekday::Mon, 3),
        last_monday_of_may,
        observed(d(6, 19)),
        observed(d(7, 4)),
        nth(9, Weekday::Mon, 1),
        nth(10, Weekday::Mon, 2),
        observed(d(11, 11)),
        nth(11, Weekday::Thu, 4),
        observed(d(12, 25)),
    ]
}

pub fn is_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !federal_holidays(date.year()).contains(&date)
}

/// The date `n` working days after `from` (weekends and federal holidays skipped).
pub fn add_working_days(from: NaiveDate, n: u32) -> NaiveDate {
    let mut date = from;
    let mut left = n;
    while left > 0 {
        date += Duration::days(1);
        if is_working_day(date) {
            left -= 1;
        }
    }
    date
}

/// One legal obligation opened by a change of address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressObligation {
    /// Task kind: `eoir33`, `ar11`, `ice_address`.
    pub kind: &'static str,
    pub due_on: NaiveDate,
}

/// What a move obliges someone in removal proceedings to file: EOIR-33 with the immigration
/// court within 5 working days, AR-11 with USCIS within 10 days, and the new address to the
/// ICE officer (we give it the same 5 working days as the court).
pub fn address_change_obligations(moved_on: NaiveDate, in_proceedings: bool) -> Vec<AddressObligation> {
    let mut out = vec![AddressObligation { kind: "ar11", due_on: moved_on + Duration::days(10) }];
    if in_proceedings {
        out.insert(0, AddressObligation { kind: "eoir33", due_on: add_working_days(moved_on, 5) });
        out.push(AddressObligation { kind: "ice_address", due_on: add_working_days(moved_on, 5) });
    }
    out
}

/// Reminder offsets before an event, in minutes: 7 days, 2 days and the morning of (08:00
/// local on the day; if the event starts before 10:00, the evening before at 18:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderOffset {
    Before(Duration),
    MorningOf,
}

impl ReminderOffset {
    pub fn code(self) -> String {
        match self {
            ReminderOffset::Before(d) => format!("{}m", d.num_minutes()),
            ReminderOffset::MorningOf => "morning".into(),
        }
    }
    pub fn parse(s: &str) -> Option<ReminderOffset> {
        let s = s.trim();
        if s == "morning" {
            return Some(ReminderOffset::MorningOf);
        }
        let (n, unit) = s.split_at(s.len().checked_sub(1)?);
        let n: i64 = n.parse().ok().filter(|n| (0..=60 * 24 * 90).contains(n))?;
        match unit {
            "m" => Some(ReminderOffset::Before(Duration::minutes(n))),
            "h" => Some(ReminderOffset::Before(Duration::hours(n))),
            "d" => Some(ReminderOffset::Before(Duration::days(n))),
            _ => None,
        }
    }

    /// When this reminder is due for an event at `starts_at` in `tz`.
    pub fn due(self, starts_at: DateTime<Utc>, tz: Tz) -> DateTime<Utc> {
        match self {
            ReminderOffset::Before(d) => starts_at - d,
            ReminderOffset::MorningOf => {
                let local = starts_at.with_timezone(&tz);
                let (day, hour) = if local.hour_of_day() < 10 { (local.date_naive() - Duration::days(1), 18) } else { (local.date_naive(), 8) };
                local_to_utc(day.and_hms_opt(hour, 0, 0).expect("valid"), tz).unwrap_or(starts_at - Duration::hours(2))
            }
        }
    }
}

trait HourOfDay {
    fn hour_of_day(&self) -> u32;
}
impl<T: chrono::Timelike> HourOfDay for T {
    fn hour_of_day(&self) -> u32 {
        self.hour()
    }
}

/// Parse a comma-separated list of offsets ("7d,2d,morning"); invalid items are an error.
pub fn parse_offsets(list: &str) -> Result<Vec<ReminderOffset>, &'static str> {
    list.split(',').filter(|s| !s.trim().is_empty()).map(|s| ReminderOffset::parse(s).ok_or("calendar-error-offsets")).collect()
}

pub const DEFAULT_OFFSETS: &str = "7d,2d,morning";

/// Why a hearing needs attention now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HearingAlert {
    /// Miles between the client's current place and the court, when both are known and far.
    pub far_miles: Option<u32>,
    /// Days until the hearing, when it is soon.
    pub soon_days: Option<i64>,
}

/// A hearing far from the client (≥ `far_threshold_miles`) or within `soon_days` raises an alert.
pub fn hearing_alert(
    distance_miles: Option<f64>,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
    far_threshold_miles: u32,
    soon_days: i64,
) -> Option<HearingAlert> {
    if starts_at < now {
        return None;
    }
    let far_miles = distance_miles.filter(|d| *d >= far_threshold_miles as f64).map(|d| d.round() as u32);
    let days = (starts_at - now).num_hours().div_euclid(24);
    let soon = (days <= soon_days).then_some(days);
    (far_miles.is_some() || soon.is_some()).then_some(HearingAlert { far_miles, soon_days: soon })
}

/// A configurable window of eligibility, e.g. a survivor's pre-certification services.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowRule {
    pub months: u32,
    pub days: u32,
}

impl WindowRule {
    pub fn end(self, start: NaiveDate) -> NaiveDate {
        start.checked_add_months(chrono::Months::new(self.months)).unwrap_or(start) + Duration::days(self.days as i64)
    }
}

/// Built-in window rules by code (programs pick one; values stay configurable in the table).
pub fn window_rule(code: &str) -> Option<WindowRule> {
    Some(match code {
        "pre_certification" => WindowRule { months: 9, days: 0 },
        "certification" => WindowRule { months: 4, days: 0 },
        "shelter_15" => WindowRule { months: 0, days: 15 },
        "shelter_30" => WindowRule { months: 0, days: 30 },
        "shelter_60" => WindowRule { months: 0, days: 60 },
        _ => return None,
    })
}

/// A minor's 18th birthday: the deadline for special immigrant juvenile status.
pub fn eighteenth_birthday(birth: NaiveDate) -> NaiveDate {
    birth.with_year(birth.year() + 18).unwrap_or_else(|| NaiveDate::from_ymd_opt(birth.year() + 18, 3, 1).expect("valid"))
}

/// Delivery back-off: 1 min, 2, 4, … capped at 6 h; after `MAX_ATTEMPTS` the message fails.
pub fn backoff(attempts: i64) -> Duration {
    let exp = attempts.clamp(1, 20) - 1;
    Duration::seconds((60i64 << exp).min(6 * 3600))
}

pub const MAX_ATTEMPTS: i64 = 8;

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn holidays_2026_match_opm() {
        // OPM's 2026 list: Jan 1, Jan 19, Feb 16, May 25, Jun 19, Jul 3 (observed), Sep 7,
        // Oct 12, Nov 11, Nov 26, Dec 25.
        let expected = [
            d(2026, 1, 1),
            d(2026, 1, 19),
            d(2026, 2, 16),
            d(2026, 5, 25),
            d(2026, 6, 19),
            d(2026, 7, 3),
            d(2026, 9, 7),
            d(2026, 10, 12),
            d(2026, 11, 11),
            d(2026, 11, 26),
            d(2026, 12, 25),
        ];
        assert_eq!(federal_holidays(2026), expected);
    }

    #[test]
    fn eoir33_skips_weekends_and_thanksgiving() {
        // Moved Monday 23 Nov 2026: Tue 24, Wed 25, (Thu 26 Thanksgiving), Fri 27, Mon 30, Tue 1 Dec.
        let ob = address_change_obligations(d(2026, 11, 23), true);
        assert_eq!(ob[0], AddressObligation { kind: "eoir33", due_on: d(2026, 12, 1) });
        assert_eq!(ob[1], AddressObligation { kind: "ar11", due_on: d(2026, 12, 3) });
        assert_eq!(ob[2].kind, "ice_address");
        // Moved on a Friday: five working days is the next Friday.
        assert_eq!(add_working_days(d(2026, 3, 6), 5), d(2026, 3, 13));
        assert_eq!(address_change_obligations(d(2026, 3, 6), false).len(), 1);
    }

    #[test]
    fn court_time_zone_converts_to_utc() {
        let tz = parse_tz("America/Chicago").unwrap();
        let local = NaiveDateTime::parse_from_str("2026-11-26T08:30", "%Y-%m-%dT%H:%M").unwrap();
        assert_eq!(local_to_utc(local, tz).unwrap().to_rfc3339(), "2026-11-26T14:30:00+00:00");
        // 02:30 on the spring-forward day does not exist in Chicago.
        let skipped = NaiveDateTime::parse_from_str("2026-03-08T02:30", "%Y-%m-%dT%H:%M").unwrap();
        assert_eq!(local_to_utc(skipped, tz), None);
    }

    #[test]
    fn reminder_offsets() {
        let offs = parse_offsets(DEFAULT_OFFSETS).unwrap();
        assert_eq!(offs.len(), 3);
        assert_eq!(parse_offsets("7d,soon"), Err("calendar-error-offsets"));
        let tz = parse_tz("America/Chicago").unwrap();
        let hearing = Utc.with_ymd_and_hms(2026, 11, 26, 14, 30, 0).unwrap(); // 08:30 local
        assert_eq!(offs[0].due(hearing, tz), hearing - Duration::days(7));
        // Starts before 10:00 local: the "morning" reminder goes the evening before at 18:00 CST.
        assert_eq!(ReminderOffset::MorningOf.due(hearing, tz), Utc.with_ymd_and_hms(2026, 11, 26, 0, 0, 0).unwrap());
        let afternoon = Utc.with_ymd_and_hms(2026, 11, 26, 20, 0, 0).unwrap();
        assert_eq!(ReminderOffset::MorningOf.due(afternoon, tz), Utc.with_ymd_and_hms(2026, 11, 26, 14, 0, 0).unwrap());
        assert_eq!(ReminderOffset::parse("90m").unwrap().code(), "90m");
    }

    #[test]
    fn alerts_for_far_or_soon_hearings() {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap();
        let in_two_days = now + Duration::days(2);
        let a = hearing_alert(Some(1416.4), in_two_days, now, 100, 14).unwrap();
        assert_eq!(a, HearingAlert { far_miles: Some(1416), soon_days: Some(2) });
        assert_eq!(hearing_alert(Some(5.0), now + Duration::days(60), now, 100, 14), None);
        assert_eq!(hearing_alert(None, now - Duration::days(1), now, 100, 14), None);
        assert_eq!(hearing_alert(Some(300.0), now + Duration::days(60), now, 100, 14).unwrap().soon_days, None);
    }

    #[test]
    fn windows_and_birthdays() {
        assert_eq!(window_rule("pre_certification").unwrap().end(d(2026, 1, 31)), d(2026, 10, 31));
        assert_eq!(window_rule("certification").unwrap().end(d(2026, 10, 31)), d(2027, 2, 28));
        assert_eq!(window_rule("shelter_30").unwrap().end(d(2026, 11, 24)), d(2026, 12, 24));
        assert_eq!(eighteenth_birthday(d(2009, 7, 24)), d(2027, 7, 24));
        assert_eq!(eighteenth_birthday(d(2008, 2, 29)), d(2026, 3, 1));
    }

    #[test]
    fn backoff_doubles_and_caps() {
        assert_eq!(backoff(1), Duration::minutes(1));
        assert_eq!(backoff(3), Duration::minutes(4));
        assert_eq!(backoff(30), Duration::hours(6));
    }

    #[test]
    fn event_form_validation() {
        let ok = EventInput {
            kind: "hearing".into(),
            subtype: "master_calendar".into(),
            place_id: Some(3),
            local: "2026-11-26T08:30".into(),
            tz: "America/Chicago".into(),
            judge: "Hon. Ruiz".into(),
            ..Default::default()
        };
        let draft = EventDraft::parse(&ok).unwrap();
        assert_eq!(draft.judge.as_deref(), Some("Hon. Ruiz"));
        let bad = EventInput { kind: "hearing".into(), subtype: "medical".into(), local: "tomorrow".into(), tz: "Mars/Olympus".into(), ..Default::default() };
        let errors = EventDraft::parse(&bad).unwrap_err();
        for f in ["subtype", "place_id", "tz", "local"] {
            assert!(errors.get(f).is_some(), "{f}");
        }
    }
}
