//! When a volunteer can help: a weekly pattern of day parts plus dated exceptions.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use serde::Serialize;

pub const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/// Morning 06–12, afternoon 12–18, evening 18–22: coarse enough to tick on a phone.
pub const PARTS: [&str; 3] = ["am", "pm", "eve"];

/// Which day part an hour falls in (none at night).
fn part_of(hour: u32) -> Option<usize> {
    match hour {
        6..=11 => Some(0),
        12..=17 => Some(1),
        18..=21 => Some(2),
        _ => None,
    }
}

/// Weekly pattern (bit `day * 3 + part`) and dates the volunteer is away.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Availability {
    pub weekly: u32,
    pub away: Vec<NaiveDate>,
}

impl Availability {
    /// Slot names as posted by the form: `mon-am`, `sat-eve`… Unknown names are an error.
    pub fn weekly_from_slots<'a>(slots: impl IntoIterator<Item = &'a str>) -> Result<u32, &'static str> {
        let mut mask = 0u32;
        for slot in slots {
            let (day, part) = slot.split_once('-').ok_or("error-invalid")?;
            let d = DAYS.iter().position(|x| *x == day).ok_or("error-invalid")?;
            let p = PARTS.iter().position(|x| *x == part).ok_or("error-invalid")?;
            mask |= 1 << (d * 3 + p);
        }
        Ok(mask)
    }

    pub fn slots(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (d, day) in DAYS.iter().enumerate() {
            for (p, part) in PARTS.iter().enumerate() {
                if self.weekly & (1 << (d * 3 + p)) != 0 {
                    out.push(format!("{day}-{part}"));
                }
            }
        }
        out
    }

    pub fn has_slot(&self, slot: &str) -> bool {
        Availability::weekly_from_slots([slot]).is_ok_and(|bit| self.weekly & bit != 0)
    }

    /// Dates away, written `YYYY-MM-DD` separated by commas, spaces or new lines; at most 366.
    pub fn parse_away(raw: &str) -> Result<Vec<NaiveDate>, &'static str> {
        let mut dates = raw
            .split(|c: char| c == ',' || c.is_whitespace() || c == ';')
            .filter(|s| !s.is_empty())
            .map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| "error-date-format"))
            .collect::<Result<Vec<_>, _>>()?;
        if dates.len() > 366 {
            return Err("error-too-long");
        }
        dates.sort();
        dates.dedup();
        Ok(dates)
    }

    pub fn away_text(&self) -> String {
        self.away.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")
    }

    /// The weekly-pattern bit covering `at` (none at night), so storage can pre-filter.
    pub fn slot_bit(at: NaiveDateTime) -> Option<u32> {
        let part = part_of(at.hour())?;
        let day = at.weekday().num_days_from_monday() as usize;
        Some(1 << (day * 3 + part))
    }

    /// Free at `at` (local time of the ride): the day part is ticked and the date is not away.
    pub fn free_at(&self, at: NaiveDateTime) -> bool {
        Availability::slot_bit(at).is_some_and(|bit| self.weekly & bit != 0) && self.away.binary_search(&at.date()).is_err()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekly_pattern_and_exceptions() {
        let weekly = Availability::weekly_from_slots(["tue-am", "sat-pm"]).unwrap();
        let a = Availability { weekly, away: Availability::parse_away("2026-12-01, 2026-11-28").unwrap() };
        // 2026-11-24 is a Tuesday.
        assert!(a.free_at("2026-11-24T09:30:00".parse().unwrap()));
        assert!(!a.free_at("2026-11-24T13:00:00".parse().unwrap()));
        assert!(!a.free_at("2026-12-01T09:30:00".parse().unwrap()), "away that Tuesday");
        assert!(!a.free_at("2026-11-28T14:00:00".parse().unwrap()), "away that Saturday");
        assert!(a.free_at("2026-12-05T14:00:00".parse().unwrap()));
        assert!(!a.free_at("2026-11-24T03:00:00".parse().unwrap()), "nobody drives at night");
        assert_eq!(a.slots(), vec!["tue-am", "sat-pm"]);
    }

    #[test]
    fn bad_slots_and_dates_are_refused() {
        assert!(Availability::weekly_from_slots(["funday-am"]).is_err());
        assert!(Availability::weekly_from_slots(["mon-night"]).is_err());
        assert_eq!(Availability::parse_away("2026-02-30"), Err("error-date-format"));
        assert_eq!(Availability::parse_away("  "), Ok(vec![]));
    }
}
