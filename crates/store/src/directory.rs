//! The resource directory (Open Referral HSDS 3.0). An import replaces the organization's
//! directory in one transaction: every record is kept as imported (so exports are lossless)
//! and each service's search facts go to indexed tables.

use serde::Serialize;
use sqlx::{Any, Row, Transaction};

use crate::audit::append;
use crate::{Actor, Store, StoreError, StoreResult};
use sendero_domain::services::{bounding_box, from_micro, haversine_km, to_micro};
use sendero_hsds::{Directory, ServiceIndex, TABLES};

/// Rows per multi-row INSERT: well under SQLite's and PostgreSQL's parameter limits.
const BATCH: usize = 400;

#[derive(Debug, Clone, Serialize)]
pub struct DirPoint {
    pub name: Option<String>,
    pub address: Option<String>,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct DirService {
    pub id: i64,
    pub hsds_id: String,
    pub name: String,
    pub description: Option<String>,
    pub status: String,
    pub organization_name: Option<String>,
    pub phones: Vec<String>,
    pub terms: Vec<(String, String)>,
    pub languages: Vec<String>,
    pub points: Vec<DirPoint>,
    /// (day 0 = Monday, opens, closes) in minutes after midnight.
    pub hours: Vec<(u8, u16, u16)>,
    pub translations: Vec<(String, Option<String>, Option<String>)>,
    /// Distance from the search point, when searching by distance.
    pub distance_km: Option<f64>,
}

impl DirService {
    /// Name and description in `language` when the directory has a translation.
    pub fn localized(&self, language: &str) -> (String, Option<String>) {
        match self.translations.iter().find(|(l, _, _)| l == language) {
            Some((_, name, description)) => (name.clone().unwrap_or_else(|| self.name.clone()), description.clone().or_else(|| self.description.clone())),
            None => (self.name.clone(), self.description.clone()),
        }
    }

    pub fn open_at(&self, day: u8, minute: u16) -> bool {
        self.hours.iter().any(|(d, o, c)| *d == day && *o <= minute && minute < *c)
    }
}

#[derive(Debug, Clone, Default)]
pub struct DirectoryQuery {
    pub text: Option<String>,
    pub category: Option<String>,
    pub language: Option<String>,
    /// (latitude, longitude, radius in km)
    pub near: Option<(f64, f64, f64)>,
    /// (day 0 = Monday, minute after midnight)
    pub open_at: Option<(u8, u16)>,
    pub limit: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct ImportSummary {
    pub services: usize,
    pub records: usize,
}

async fn insert_rows(store: &Store, tx: &mut Transaction<'static, Any>, head: &str, columns: usize, rows: Vec<Vec<Value>>) -> StoreResult<()> {
    for chunk in rows.chunks(BATCH) {
        let one = format!("({})", vec!["?"; columns].join(", "));
        let sql = format!("{head} VALUES {}", vec![one; chunk.len()].join(", "));
        let sql = crate::render_sql(store.dialect(), &sql);
        let mut q = sqlx::query(&sql);
        for row in chunk {
            for v in row {
                q = match v {
                    Value::Int(i) => q.bind(*i),
                    Value::Text(t) => q.bind(t.clone()),
                    Value::OptText(t) => q.bind(t.clone()),
                };
            }
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

/// A bound value for the batched inserts.
enum Value {
    Int(i64),
    Text(String),
    OptText(Option<String>),
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("plain data serialises")
}

impl Store {
    /// Replace the organization's directory with `dir` (already validated) in one transaction.
    pub async fn import_directory(&self, actor: Actor, dir: &Directory, source: &str) -> StoreResult<ImportSummary> {
        let index = sendero_hsds::index(dir);
        let mut w = self.begin_write().await?;
        for table in ["dir_service_terms", "dir_service_languages", "dir_service_points", "dir_service_hours", "dir_services", "dir_records"] {
            let sql = crate::render_sql(self.dialect(), &format!("DELETE FROM {table} WHERE org_id = ?"));
            sqlx::query(&sql).bind(actor.org_id).execute(&mut *w.tx).await?;
        }
        let mut records = Vec::new();
        for table in TABLES {
            for (seq, record) in dir.records(table).iter().enumerate() {
                let hsds_id = record.get("id").and_then(|v| v.as_str()).map(str::to_owned);
                records.push(vec![
                    Value::Int(actor.org_id),
                    Value::Text(table.to_owned()),
                    Value::Int(seq as i64),
                    Value::OptText(hsds_id),
                    Value::Text(serde_json::to_string(record).map_err(anyhow::Error::from)?),
                ]);
            }
        }
        let record_count = records.len();
        insert_rows(self, &mut w.tx, "INSERT INTO dir_records (org_id, tbl, seq, hsds_id, data)", 5, records).await?;
        self.insert_index(&mut w.tx, actor.org_id, &index).await?;
        append(self, &mut w.tx, actor, "import", "directory", None, serde_json::json!({"source": source, "services": index.len(), "records": record_count}))
            .await?;
        w.commit().await?;
        Ok(ImportSummary { services: index.len(), records: record_count })
    }

    async fn insert_index(&self, tx: &mut Transaction<'static, Any>, org_id: i64, index: &[ServiceIndex]) -> StoreResult<()> {
        // Ids are assigned here so the child rows can be inserted in batches too; on PostgreSQL
        // a table lock keeps two organizations' imports from picking the same ids.
        if self.dialect() == crate::Dialect::Postgres {
            sqlx::query("LOCK TABLE dir_services IN EXCLUSIVE MODE").execute(&mut **tx).await?;
        }
        let base: i64 = sqlx::query(self.q("SELECT COALESCE(MAX(id), 0) AS m FROM dir_services")).fetch_one(&mut **tx).await?.try_get("m")?;
        let mut services = Vec::with_capacity(index.len());
        let (mut terms, mut languages, mut points, mut hours) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (i, s) in index.iter().enumerate() {
            let id = base + 1 + i as i64;
            let point_list: Vec<serde_json::Value> = s
                .points
                .iter()
                .map(|p| serde_json::json!({"name": p.name, "address": p.address, "lat": to_micro(p.latitude), "lon": to_micro(p.longitude)}))
                .collect();
            let hour_list: Vec<(u8, u16, u16)> = s.hours.iter().map(|h| (h.day, h.opens, h.closes)).collect();
            let translations: Vec<(String, Option<String>, Option<String>)> =
                s.translations.iter().map(|t| (t.language.clone(), t.name.clone(), t.description.clone())).collect();
            services.push(vec![
                Value::Int(id),
                Value::Int(org_id),
                Value::Text(s.id.clone()),
                Value::Text(s.name.clone()),
                Value::OptText(s.description.clone()),
                Value::Text(s.status.clone()),
                Value::OptText(s.organization_name.clone()),
                Value::Text(json(&s.phones)),
                Value::Text(json(&translations)),
                Value::Text(json(&point_list)),
                Value::Text(json(&hour_list)),
                Value::Text(json(&s.terms)),
                Value::Text(json(&s.languages)),
            ]);
            for (code, _) in &s.terms {
                terms.push(vec![Value::Int(org_id), Value::Text(code.clone()), Value::Int(id)]);
            }
            for code in &s.languages {
                languages.push(vec![Value::Int(org_id), Value::Text(code.clone()), Value::Int(id)]);
            }
            for p in &s.points {
                points.push(vec![Value::Int(org_id), Value::Int(to_micro(p.latitude)), Value::Int(to_micro(p.longitude)), Value::Int(id)]);
            }
            for h in &s.hours {
                hours.push(vec![Value::Int(org_id), Value::Int(h.day.into()), Value::Int(h.opens.into()), Value::Int(h.closes.into()), Value::Int(id)]);
            }
        }
        insert_rows(
            self,
            tx,
            "INSERT INTO dir_services (id, org_id, hsds_id, name, description, status, organization_name, phones, translations, points, hours, terms, languages)",
            13,
            services,
        )
        .await?;
        insert_rows(self, tx, "INSERT INTO dir_service_terms (org_id, code, service_id)", 3, terms).await?;
        insert_rows(self, tx, "INSERT INTO dir_service_languages (org_id, code, service_id)", 3, languages).await?;
        insert_rows(self, tx, "INSERT INTO dir_service_points (org_id, lat_micro, lon_micro, service_id)", 4, points).await?;
        insert_rows(self, tx, "INSERT INTO dir_service_hours (org_id, day, opens_min, closes_min, service_id)", 5, hours).await?;
        if self.dialect() == crate::Dialect::Postgres {
            // Explicit ids leave the identity sequence behind; move it past them.
            sqlx::query("SELECT setval(pg_get_serial_sequence('dir_services', 'id'), GREATEST((SELECT MAX(id) FROM dir_services), 1))")
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    /// The organization's directory exactly as imported.
    pub async fn export_directory(&self, org_id: i64) -> StoreResult<Directory> {
        let rows = sqlx::query(self.q("SELECT tbl, data FROM dir_records WHERE org_id = ? ORDER BY tbl, seq")).bind(org_id).fetch_all(self.pool()).await?;
        let mut dir = Directory::default();
        for r in rows {
            let table: String = r.try_get("tbl")?;
            let data: String = r.try_get("data")?;
            let record: sendero_hsds::Record = serde_json::from_str(&data).map_err(anyhow::Error::from)?;
            dir.tables.entry(table).or_default().push(record);
        }
        Ok(dir.complete())
    }

    pub async fn directory_size(&self, org_id: i64) -> StoreResult<i64> {
        Ok(sqlx::query(self.q("SELECT COUNT(*) AS n FROM dir_services WHERE org_id = ?")).bind(org_id).fetch_one(self.pool()).await?.try_get("n")?)
    }

    /// Categories (taxonomy terms) present in the directory, with their names.
    pub async fn directory_categories(&self, org_id: i64) -> StoreResult<Vec<(String, String)>> {
        let rows = sqlx::query(self.q("SELECT data FROM dir_records WHERE org_id = ? AND tbl = 'taxonomy_term' ORDER BY seq"))
            .bind(org_id)
            .fetch_all(self.pool())
            .await?;
        let mut out = Vec::new();
        for r in rows {
            let data: String = r.try_get("data")?;
            let v: serde_json::Value = serde_json::from_str(&data).map_err(anyhow::Error::from)?;
            let code = v["code"].as_str().or(v["id"].as_str()).unwrap_or_default().to_owned();
            out.push((code, v["name"].as_str().unwrap_or_default().to_owned()));
        }
        Ok(out)
    }

    pub async fn directory_service(&self, org_id: i64, hsds_id: &str) -> StoreResult<DirService> {
        let row =
            sqlx::query(self.q("SELECT * FROM dir_services WHERE org_id = ? AND hsds_id = ?")).bind(org_id).bind(hsds_id).fetch_optional(self.pool()).await?;
        row.as_ref().map(dir_service_from_row).transpose()?.ok_or(StoreError::NotFound)
    }

    /// Search by text, category, language, distance and opening hours. Distance is exact
    /// (haversine) after an indexed bounding-box pre-filter; results nearest first when a point
    /// is given, else by name.
    pub async fn search_directory(&self, org_id: i64, q: &DirectoryQuery) -> StoreResult<Vec<DirService>> {
        // Filters on `s`; the select list and the point join are added per case below.
        let mut sql = String::from(" WHERE s.org_id = ?");
        let mut ints: Vec<i64> = vec![org_id];
        let mut texts: Vec<(usize, String)> = Vec::new();
        let mut binds: Vec<bool> = vec![true]; // true = int, false = text, in bind order
        if let Some(text) = q.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            sql.push_str(" AND (LOWER(s.name) LIKE ? OR LOWER(s.organization_name) LIKE ?)");
            let pattern = format!("%{}%", text.to_lowercase().replace('%', ""));
            texts.push((binds.len(), pattern.clone()));
            binds.push(false);
            texts.push((binds.len(), pattern));
            binds.push(false);
        }
        if let Some(category) = q.category.as_deref().filter(|c| !c.is_empty()) {
            sql.push_str(" AND s.id IN (SELECT service_id FROM dir_service_terms WHERE org_id = ? AND code = ?)");
            ints.push(org_id);
            binds.push(true);
            texts.push((binds.len(), category.to_owned()));
            binds.push(false);
        }
        if let Some(language) = q.language.as_deref().filter(|l| !l.is_empty()) {
            sql.push_str(" AND s.id IN (SELECT service_id FROM dir_service_languages WHERE org_id = ? AND code = ?)");
            ints.push(org_id);
            binds.push(true);
            texts.push((binds.len(), language.split('-').next().unwrap_or(language).to_ascii_lowercase()));
            binds.push(false);
        }
        if let Some((day, minute)) = q.open_at {
            sql.push_str(" AND s.id IN (SELECT service_id FROM dir_service_hours WHERE day = ? AND opens_min <= ? AND closes_min > ? AND org_id = ?)");
            for v in [day as i64, minute as i64, minute as i64, org_id] {
                ints.push(v);
                binds.push(true);
            }
        }
        if let Some((lat, lon, km)) = q.near {
            let (lat_lo, lat_hi, lon_lo, lon_hi) = bounding_box(lat, lon, km);
            sql = format!(
                "SELECT s.id AS id, p.lat_micro AS lat_micro, p.lon_micro AS lon_micro FROM dir_services s JOIN dir_service_points p ON p.service_id = s.id{sql} \
                 AND p.org_id = ? AND p.lat_micro BETWEEN ? AND ? AND p.lon_micro BETWEEN ? AND ?"
            );
            for v in [org_id, lat_lo, lat_hi, lon_lo, lon_hi] {
                ints.push(v);
                binds.push(true);
            }
        } else {
            sql = format!("SELECT s.* FROM dir_services s{sql} ORDER BY s.name, s.id LIMIT ?");
            ints.push(q.limit.clamp(1, 500));
            binds.push(true);
        }
        let sql = crate::render_sql(self.dialect(), &sql);
        let mut query = sqlx::query(&sql);
        let (mut ints, mut texts) = (ints.into_iter(), texts.into_iter());
        for is_int in binds {
            query = if is_int { query.bind(ints.next().expect("one int per int bind")) } else { query.bind(texts.next().expect("one text per text bind").1) };
        }
        let rows = query.fetch_all(self.pool()).await?;
        let Some((lat, lon, km)) = q.near else {
            return rows.iter().map(dir_service_from_row).collect();
        };
        // Exact distances on the candidates' points only (cheap), then load the nearest services.
        let mut nearest: std::collections::HashMap<i64, f64> = std::collections::HashMap::new();
        for r in &rows {
            let d = haversine_km(lat, lon, from_micro(r.try_get("lat_micro")?), from_micro(r.try_get("lon_micro")?));
            let id: i64 = r.try_get("id")?;
            let best = nearest.entry(id).or_insert(d);
            *best = best.min(d);
        }
        let mut ranked: Vec<(i64, f64)> = nearest.into_iter().filter(|(_, d)| *d <= km).collect();
        ranked.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        ranked.truncate(q.limit.clamp(1, 500) as usize);
        if ranked.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders = vec!["?"; ranked.len()].join(", ");
        let sql = crate::render_sql(self.dialect(), &format!("SELECT * FROM dir_services WHERE org_id = ? AND id IN ({placeholders})"));
        let mut query = sqlx::query(&sql).bind(org_id);
        for (id, _) in &ranked {
            query = query.bind(*id);
        }
        let mut by_id: std::collections::HashMap<i64, DirService> =
            query.fetch_all(self.pool()).await?.iter().map(|r| dir_service_from_row(r).map(|s| (s.id, s))).collect::<StoreResult<_>>()?;
        let mut out = Vec::with_capacity(ranked.len());
        for (id, distance) in ranked {
            if let Some(mut s) = by_id.remove(&id) {
                s.distance_km = Some(distance);
                out.push(s);
            }
        }
        Ok(out)
    }
}

fn dir_service_from_row(r: &sqlx::any::AnyRow) -> StoreResult<DirService> {
    fn parse<T: serde::de::DeserializeOwned>(r: &sqlx::any::AnyRow, column: &str) -> StoreResult<T> {
        let text: String = r.try_get(column)?;
        Ok(serde_json::from_str(&text).map_err(anyhow::Error::from)?)
    }
    let points: Vec<serde_json::Value> = parse(r, "points")?;
    Ok(DirService {
        id: r.try_get("id")?,
        hsds_id: r.try_get("hsds_id")?,
        name: r.try_get("name")?,
        description: r.try_get("description")?,
        status: r.try_get("status")?,
        organization_name: r.try_get("organization_name")?,
        phones: parse(r, "phones")?,
        terms: parse(r, "terms")?,
        languages: parse(r, "languages")?,
        points: points
            .iter()
            .map(|p| DirPoint {
                name: p["name"].as_str().map(str::to_owned),
                address: p["address"].as_str().map(str::to_owned),
                lat: from_micro(p["lat"].as_i64().unwrap_or_default()),
                lon: from_micro(p["lon"].as_i64().unwrap_or_default()),
            })
            .collect(),
        hours: parse(r, "hours")?,
        translations: parse(r, "translations")?,
        distance_km: None,
    })
}
