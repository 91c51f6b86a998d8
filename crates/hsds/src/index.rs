//! What search needs from a directory, per service: its categories (taxonomy terms linked by
//! attributes), languages, map points (locations with coordinates), weekly opening hours and
//! translations. Computed once per import; the store keeps it in indexed tables.

use std::collections::HashMap;

use serde_json::Value;

use crate::{Directory, Record};

#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub location_id: String,
    pub name: Option<String>,
    pub address: Option<String>,
    pub latitude: f64,
    pub longitude: f64,
}

/// Open on `day` (0 = Monday) from `opens` to `closes`, minutes after midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hours {
    pub day: u8,
    pub opens: u16,
    pub closes: u16,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    pub language: String,
    pub name: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ServiceIndex {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub status: String,
    pub organization_name: Option<String>,
    /// (term code or id, term name)
    pub terms: Vec<(String, String)>,
    /// Primary language subtags, lower case (`es`, `ht`).
    pub languages: Vec<String>,
    pub points: Vec<Point>,
    pub hours: Vec<Hours>,
    pub phones: Vec<String>,
    pub translations: Vec<Translation>,
}

fn text(record: &Record, field: &str) -> Option<String> {
    record.get(field).and_then(Value::as_str).map(str::to_owned)
}

fn group<'a>(records: &'a [Record], field: &str) -> HashMap<String, Vec<&'a Record>> {
    let mut map: HashMap<String, Vec<&Record>> = HashMap::new();
    for r in records {
        if let Some(key) = r.get(field).and_then(Value::as_str) {
            map.entry(key.to_owned()).or_default().push(r);
        }
    }
    map
}

/// `09:30` or `09:30:00` → 570.
pub fn minutes(time: &str) -> Option<u16> {
    let mut parts = time.split(':');
    let h: u16 = parts.next()?.get(..2)?.parse().ok()?;
    let m: u16 = parts.next()?.get(..2)?.parse().ok()?;
    (h <= 24 && m < 60).then_some(h * 60 + m)
}

/// `MO,WE,FR` → [0, 2, 4] (ordinal prefixes such as `1MO` count as that weekday).
pub fn days(byday: &str) -> Vec<u8> {
    const NAMES: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    let mut out: Vec<u8> = byday.split(',').filter_map(|d| NAMES.iter().position(|n| d.trim().ends_with(n)).map(|p| p as u8)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn hours_of(schedules: &[&Record]) -> Vec<Hours> {
    let mut out = Vec::new();
    for s in schedules {
        let (Some(opens), Some(closes)) = (text(s, "opens_at").as_deref().and_then(minutes), text(s, "closes_at").as_deref().and_then(minutes)) else {
            continue;
        };
        if matches!(text(s, "freq").as_deref(), Some(f) if f != "WEEKLY") {
            continue;
        }
        for day in days(&text(s, "byday").unwrap_or_default()) {
            out.push(Hours { day, opens, closes });
        }
    }
    out.sort_by_key(|h| (h.day, h.opens));
    out.dedup();
    out
}

pub fn index(dir: &Directory) -> Vec<ServiceIndex> {
    let orgs: HashMap<&str, &Record> = dir.records("organization").iter().filter_map(|r| Some((r.get("id")?.as_str()?, r))).collect();
    let terms: HashMap<&str, &Record> = dir.records("taxonomy_term").iter().filter_map(|r| Some((r.get("id")?.as_str()?, r))).collect();
    let locations: HashMap<&str, &Record> = dir.records("location").iter().filter_map(|r| Some((r.get("id")?.as_str()?, r))).collect();
    let addresses = group(dir.records("address"), "location_id");
    let sal_by_service = group(dir.records("service_at_location"), "service_id");
    let languages_by_service = group(dir.records("language"), "service_id");
    let phones_by_service = group(dir.records("phone"), "service_id");
    let schedules_by_service = group(dir.records("schedule"), "service_id");
    let schedules_by_sal = group(dir.records("schedule"), "service_at_location_id");
    let schedules_by_location = group(dir.records("schedule"), "location_id");
    let mut attributes: HashMap<String, Vec<&Record>> = HashMap::new();
    for a in dir.records("attribute") {
        if let (Some("service"), Some(link)) = (a.get("link_entity").and_then(Value::as_str), a.get("link_id").and_then(Value::as_str)) {
            attributes.entry(link.to_owned()).or_default().push(a);
        }
    }
    let translations = group(dir.records("translation"), "link_id");

    dir.records("service")
        .iter()
        .filter_map(|service| {
            let id = text(service, "id")?;
            let sals = sal_by_service.get(&id).cloned().unwrap_or_default();
            let mut points = Vec::new();
            let mut schedules: Vec<&Record> = schedules_by_service.get(&id).cloned().unwrap_or_default();
            for sal in &sals {
                if let Some(sal_id) = text(sal, "id") {
                    schedules.extend(schedules_by_sal.get(&sal_id).cloned().unwrap_or_default());
                }
                let Some(location_id) = text(sal, "location_id") else { continue };
                if schedules.is_empty() {
                    schedules.extend(schedules_by_location.get(&location_id).cloned().unwrap_or_default());
                }
                let Some(location) = locations.get(location_id.as_str()) else { continue };
                let (Some(lat), Some(lon)) = (location.get("latitude").and_then(Value::as_f64), location.get("longitude").and_then(Value::as_f64)) else {
                    continue;
                };
                let address = addresses
                    .get(&location_id)
                    .and_then(|a| a.first())
                    .map(|a| [text(a, "address_1"), text(a, "city"), text(a, "state_province")].into_iter().flatten().collect::<Vec<_>>().join(", "));
                points.push(Point { location_id, name: text(location, "name"), address, latitude: lat, longitude: lon });
            }
            let mut term_list: Vec<(String, String)> = attributes
                .get(&id)
                .map(|list| {
                    list.iter()
                        .filter_map(|a| terms.get(text(a, "taxonomy_term_id")?.as_str()))
                        .filter_map(|t| Some((text(t, "code").or_else(|| text(t, "id"))?, text(t, "name").unwrap_or_default())))
                        .collect()
                })
                .unwrap_or_default();
            term_list.sort();
            term_list.dedup();
            let mut languages: Vec<String> = languages_by_service
                .get(&id)
                .map(|list| list.iter().filter_map(|l| text(l, "code")).map(|c| c.split('-').next().unwrap_or_default().to_ascii_lowercase()).collect())
                .unwrap_or_default();
            languages.sort();
            languages.dedup();
            Some(ServiceIndex {
                name: text(service, "name").unwrap_or_default(),
                description: text(service, "description"),
                status: text(service, "status").unwrap_or_else(|| "active".into()),
                organization_name: text(service, "organization_id").and_then(|o| orgs.get(o.as_str()).and_then(|r| text(r, "name"))),
                terms: term_list,
                languages,
                points,
                hours: hours_of(&schedules),
                phones: phones_by_service.get(&id).map(|l| l.iter().filter_map(|p| text(p, "number")).collect()).unwrap_or_default(),
                translations: translations
                    .get(&id)
                    .map(|l| {
                        l.iter()
                            .filter(|t| t.get("link_entity").and_then(Value::as_str) == Some("service"))
                            .filter_map(|t| Some(Translation { language: text(t, "language")?, name: text(t, "name"), description: text(t, "description") }))
                            .collect()
                    })
                    .unwrap_or_default(),
                id,
            })
        })
        .collect()
}
