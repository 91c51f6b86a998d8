//! The in-memory search index of one organization's resource directory.
//!
//! A directory changes only on import (an import replaces it whole), while searches are many and
//! must answer in milliseconds at 50,000 services. So search filters and ranks over compact
//! per-service facts held in memory, and the database is asked only for the generation (one
//! indexed read, so an import by another process is seen) and the ≤ limit result rows.
//! Measured at 50,000 services: SQL filtering read thousands of candidate rows per search.

use std::collections::HashMap;

use sendero_domain::services::{bounding_box, from_micro, haversine_km};

use crate::directory::DirectoryQuery;

/// One service's search facts, as read from `dir_services` or taken from an import.
#[derive(Debug, Clone)]
pub(crate) struct FactsInput {
    pub id: i64,
    pub name: String,
    pub organization_name: Option<String>,
    pub terms: Vec<String>,
    pub languages: Vec<String>,
    /// (latitude, longitude) in micro-degrees, as stored.
    pub points: Vec<(i64, i64)>,
    /// (day 0 = Monday, opens, closes) in minutes after midnight.
    pub hours: Vec<(u8, u16, u16)>,
}

#[derive(Debug)]
struct Facts {
    id: i64,
    /// Lower case, for the text filter.
    name: String,
    organization_name: Option<String>,
    /// Interned term and language codes.
    terms: Box<[u32]>,
    languages: Box<[u32]>,
    hours: Box<[(u8, u16, u16)]>,
}

#[derive(Debug)]
pub(crate) struct OrgDirectoryIndex {
    /// The organization's `dir_generations.generation` this index was built from.
    pub generation: i64,
    /// In (name, id) order: the order of a search without a point.
    services: Vec<Facts>,
    /// Every point as (lat micro, lon micro, position in `services`), sorted by latitude.
    points: Vec<(i64, i64, u32)>,
    codes: HashMap<String, u32>,
}

impl OrgDirectoryIndex {
    pub fn build(generation: i64, mut input: Vec<FactsInput>) -> OrgDirectoryIndex {
        input.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
        let mut codes: HashMap<String, u32> = HashMap::new();
        let mut intern = |code: String| {
            let next = codes.len() as u32;
            *codes.entry(code).or_insert(next)
        };
        let mut services = Vec::with_capacity(input.len());
        let mut points = Vec::new();
        for (pos, s) in input.into_iter().enumerate() {
            points.extend(s.points.iter().map(|(lat, lon)| (*lat, *lon, pos as u32)));
            services.push(Facts {
                id: s.id,
                name: s.name.to_lowercase(),
                organization_name: s.organization_name.map(|o| o.to_lowercase()),
                terms: s.terms.into_iter().map(&mut intern).collect(),
                languages: s.languages.into_iter().map(&mut intern).collect(),
                hours: s.hours.into(),
            });
        }
        points.sort_unstable();
        OrgDirectoryIndex { generation, services, points, codes }
    }

    /// The matching services' ids (with their distance when searching near a point), ranked as
    /// the SQL search did: nearest first (ties by id), else by name then id; at most `limit`.
    pub fn search(&self, q: &DirectoryQuery) -> Vec<(i64, Option<f64>)> {
        let limit = q.limit.clamp(1, 500) as usize;
        let text = q.text.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_lowercase);
        // A code no service has matches nothing.
        let code = |c: &str| self.codes.get(c).copied().ok_or(());
        let Ok(category) = q.category.as_deref().filter(|c| !c.is_empty()).map(code).transpose() else { return Vec::new() };
        let language = q.language.as_deref().filter(|l| !l.is_empty()).map(|l| l.split('-').next().unwrap_or(l).to_ascii_lowercase());
        let Ok(language) = language.as_deref().map(code).transpose() else { return Vec::new() };
        let keep = |f: &Facts| {
            text.as_deref().is_none_or(|t| f.name.contains(t) || f.organization_name.as_deref().is_some_and(|o| o.contains(t)))
                && category.is_none_or(|c| f.terms.contains(&c))
                && language.is_none_or(|l| f.languages.contains(&l))
                && q.open_at.is_none_or(|(day, minute)| f.hours.iter().any(|(d, o, c)| *d == day && *o <= minute && *c > minute))
        };
        let Some((lat, lon, km)) = q.near else {
            return self.services.iter().filter(|f| keep(f)).take(limit).map(|f| (f.id, None)).collect();
        };
        // The same bounding-box pre-filter as before, then exact distances; a service's
        // distance is its nearest point's.
        let (lat_lo, lat_hi, lon_lo, lon_hi) = bounding_box(lat, lon, km);
        let start = self.points.partition_point(|p| p.0 < lat_lo);
        let mut nearest: HashMap<u32, f64> = HashMap::new();
        for &(plat, plon, pos) in self.points[start..].iter().take_while(|p| p.0 <= lat_hi) {
            if plon < lon_lo || plon > lon_hi || !keep(&self.services[pos as usize]) {
                continue;
            }
            let d = haversine_km(lat, lon, from_micro(plat), from_micro(plon));
            let best = nearest.entry(pos).or_insert(d);
            *best = best.min(d);
        }
        let mut ranked: Vec<(i64, f64)> = nearest.into_iter().filter(|(_, d)| *d <= km).map(|(pos, d)| (self.services[pos as usize].id, d)).collect();
        ranked.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        ranked.truncate(limit);
        ranked.into_iter().map(|(id, d)| (id, Some(d))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::{FactsInput, OrgDirectoryIndex};
    use crate::directory::DirectoryQuery;

    fn service(id: i64, name: &str, organization: &str) -> FactsInput {
        FactsInput { id, name: name.into(), organization_name: Some(organization.into()), terms: vec![], languages: vec![], points: vec![], hours: vec![] }
    }

    fn ids(index: &OrgDirectoryIndex, text: &str) -> Vec<i64> {
        let q = DirectoryQuery { text: Some(text.into()), category: None, language: None, near: None, open_at: None, limit: 50 };
        index.search(&q).into_iter().map(|(id, _)| id).collect()
    }

    #[test]
    fn text_is_a_case_blind_literal_substring_of_name_or_organization() {
        let index = OrgDirectoryIndex::build(
            1,
            vec![service(1, "Weekly Food Pantry", "Caridad"), service(2, "Food_Bank 100%", "Norte"), service(3, "Foodbank", "Sur")],
        );
        assert_eq!(ids(&index, "PANTRY"), vec![1]);
        assert_eq!(ids(&index, "caridad"), vec![1]);
        // `_` and `%` are what the user typed, not wildcards.
        assert_eq!(ids(&index, "d_b"), vec![2]);
        assert_eq!(ids(&index, "100%"), vec![2]);
        assert_eq!(ids(&index, "f__d"), Vec::<i64>::new());
        // Results come in name order; blank text keeps everything.
        assert_eq!(ids(&index, "  "), vec![2, 3, 1]);
    }
}
