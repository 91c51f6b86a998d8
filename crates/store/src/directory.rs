//! The resource directory (Open Referral HSDS 3.0). An import replaces the organization's
//! directory in one transaction: every record is kept as imported (so exports are lossless)
//! and each service's search facts go to indexed tables.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;
use sqlx::{Any, Row, Transaction};

use crate::audit::append;
use crate::directory_index::{FactsInput, OrgDirectoryIndex};
use crate::{Actor, Store, StoreError, StoreResult};
use sendero_domain::services::{from_micro, to_micro};
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
        let facts = self.insert_index(&mut w.tx, actor.org_id, &index).await?;
        let generation: i64 = sqlx::query(self.q("INSERT INTO dir_generations (org_id, generation) VALUES (?, 1) \
             ON CONFLICT (org_id) DO UPDATE SET generation = dir_generations.generation + 1 RETURNING generation"))
        .bind(actor.org_id)
        .fetch_one(&mut *w.tx)
        .await?
        .try_get("generation")?;
        append(self, &mut w.tx, actor, "import", "directory", None, serde_json::json!({"source": source, "services": index.len(), "records": record_count}))
            .await?;
        w.commit().await?;
        // Warm the search index from what was just written (the same facts a rebuild reads).
        self.keep_directory_index(actor.org_id, OrgDirectoryIndex::build(generation, facts));
        Ok(ImportSummary { services: index.len(), records: record_count })
    }

    /// Insert the services' search rows; returns their facts for the in-memory index.
    async fn insert_index(&self, tx: &mut Transaction<'static, Any>, org_id: i64, index: &[ServiceIndex]) -> StoreResult<Vec<FactsInput>> {
        // Ids are assigned here so the child rows can be inserted in batches too; on PostgreSQL
        // a table lock keeps two organizations' imports from picking the same ids.
        if self.dialect() == crate::Dialect::Postgres {
            sqlx::query("LOCK TABLE dir_services IN EXCLUSIVE MODE").execute(&mut **tx).await?;
        }
        let base: i64 = sqlx::query(self.q("SELECT COALESCE(MAX(id), 0) AS m FROM dir_services")).fetch_one(&mut **tx).await?.try_get("m")?;
        let mut services = Vec::with_capacity(index.len());
        let (mut terms, mut languages, mut points, mut hours) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut facts = Vec::with_capacity(index.len());
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
            facts.push(FactsInput {
                id,
                name: s.name.clone(),
                organization_name: s.organization_name.clone(),
                terms: s.terms.iter().map(|(code, _)| code.clone()).collect(),
                languages: s.languages.clone(),
                points: s.points.iter().map(|p| (to_micro(p.latitude), to_micro(p.longitude))).collect(),
                hours: hour_list.clone(),
            });
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
        Ok(facts)
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
    /// (haversine) after a bounding-box pre-filter; results nearest first when a point is given,
    /// else by name. Filtering and ranking run on the in-memory index (see `directory_index`);
    /// only the result rows are read.
    pub async fn search_directory(&self, org_id: i64, q: &DirectoryQuery) -> StoreResult<Vec<DirService>> {
        let index = self.directory_index(org_id).await?;
        let ranked = index.search(q);
        if ranked.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders = vec!["?"; ranked.len()].join(", ");
        // `+org_id`: without it SQLite's planner walks the (org_id, …) index over the whole
        // directory instead of looking the ≤ 500 ids up by primary key (measured: 10 ms → 1 ms).
        let sql = crate::render_sql(self.dialect(), &format!("SELECT * FROM dir_services WHERE id IN ({placeholders}) AND +org_id = ?"));
        let mut query = sqlx::query(&sql);
        for (id, _) in &ranked {
            query = query.bind(*id);
        }
        let query = query.bind(org_id);
        let mut by_id: HashMap<i64, DirService> =
            query.fetch_all(self.pool()).await?.iter().map(|r| dir_service_from_row(r).map(|s| (s.id, s))).collect::<StoreResult<_>>()?;
        // A row missing here was replaced by an import that committed after the index was read.
        Ok(ranked.into_iter().filter_map(|(id, distance_km)| by_id.remove(&id).map(|s| DirService { distance_km, ..s })).collect())
    }

    /// The organization's directory generation (0 before its first import).
    async fn directory_generation(&self, org_id: i64) -> StoreResult<i64> {
        let row = sqlx::query(self.q("SELECT generation FROM dir_generations WHERE org_id = ?")).bind(org_id).fetch_optional(self.pool()).await?;
        Ok(row.map(|r| r.try_get("generation")).transpose()?.unwrap_or(0))
    }

    /// The organization's search index, rebuilt from `dir_services` when the generation in the
    /// database moved on (an import by this or any other process). The generation is read
    /// before the rows, so an index is never labelled newer than its data.
    async fn directory_index(&self, org_id: i64) -> StoreResult<Arc<OrgDirectoryIndex>> {
        let generation = self.directory_generation(org_id).await?;
        if let Some(index) = self.directory_indexes.read().unwrap_or_else(|e| e.into_inner()).get(&org_id) {
            if index.generation == generation {
                return Ok(index.clone());
            }
        }
        let rows = sqlx::query(self.q("SELECT id, name, organization_name, terms, languages, points, hours FROM dir_services WHERE org_id = ?"))
            .bind(org_id)
            .fetch_all(self.pool())
            .await?;
        let mut input = Vec::with_capacity(rows.len());
        for r in &rows {
            let terms: Vec<(String, String)> = parse(r, "terms")?;
            let points: Vec<StoredPoint> = parse(r, "points")?;
            input.push(FactsInput {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
                organization_name: r.try_get("organization_name")?,
                terms: terms.into_iter().map(|(code, _)| code).collect(),
                languages: parse(r, "languages")?,
                points: points.iter().map(|p| (p.lat, p.lon)).collect(),
                hours: parse(r, "hours")?,
            });
        }
        Ok(self.keep_directory_index(org_id, OrgDirectoryIndex::build(generation, input)))
    }

    fn keep_directory_index(&self, org_id: i64, index: OrgDirectoryIndex) -> Arc<OrgDirectoryIndex> {
        let index = Arc::new(index);
        self.directory_indexes.write().unwrap_or_else(|e| e.into_inner()).insert(org_id, index.clone());
        index
    }
}

/// A point as stored in `dir_services.points` (micro-degrees).
#[derive(serde::Deserialize)]
struct StoredPoint {
    #[serde(default)]
    lat: i64,
    #[serde(default)]
    lon: i64,
}

fn parse<T: serde::de::DeserializeOwned>(r: &sqlx::any::AnyRow, column: &str) -> StoreResult<T> {
    let text: String = r.try_get(column)?;
    Ok(serde_json::from_str(&text).map_err(anyhow::Error::from)?)
}

fn dir_service_from_row(r: &sqlx::any::AnyRow) -> StoreResult<DirService> {
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
