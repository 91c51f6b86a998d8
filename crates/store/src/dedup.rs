//! Duplicate-person detection in the database: blocking keys stored per client and refreshed on
//! every write (so candidate lookup is an indexed query), "these are different people"
//! decisions, batch scans, and merges that keep every record and can be undone.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use sqlx::Row;

use crate::audit::append;
use crate::clients::Client;
use crate::{now, Actor, Store, StoreError, StoreResult};
use sendero_matching::{BirthDate, CandidatePair, MatchResult, PersonRecord, Weights};

/// Candidates shown at registration (log2 likelihood ratio): recall matters more there.
pub const REGISTRATION_MIN_SCORE: f64 = 5.0;
/// Default batch-scan threshold (log2 likelihood ratio); the FEBRL and synthetic evaluations in
/// bench/matching chose 10.
pub const SCAN_MIN_SCORE: f64 = 10.0;
/// At most this many clients are scored per registration check.
const MAX_CANDIDATES_SCORED: i64 = 200;

type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// An existing client who may be the person being registered.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub client: Client,
    pub result: MatchResult,
}

/// What a merge moved, so that it can be undone exactly.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Moved {
    pub cases: Vec<i64>,
    pub contacts: Vec<i64>,
    pub assessments: Vec<i64>,
    pub kept_aliases: Option<String>,
    pub kept_household: Option<(i64, Option<String>)>,
    pub merged_household: Option<(i64, Option<String>)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Merge {
    pub id: i64,
    pub kept_id: i64,
    pub merged_id: i64,
    pub kept_name: String,
    pub merged_name: String,
    pub reason: String,
    pub merged_at: String,
    pub undone_at: Option<String>,
}

/// The matcher's view of a client draft or stored client.
pub fn person_record(
    id: i64,
    given: &str,
    family: Option<&str>,
    birth_date: Option<&str>,
    country: Option<&str>,
    phones: Vec<String>,
    household: Vec<String>,
) -> PersonRecord {
    PersonRecord {
        id,
        given_names: given.to_owned(),
        family_names: family.unwrap_or_default().to_owned(),
        dob: birth_date.and_then(BirthDate::parse),
        phones,
        country: country.map(str::to_owned),
        household_names: household,
        // A-numbers are never used as blocking keys: the key table is not encrypted.
        other_ids: vec![],
        address: None,
    }
}

fn ordered(a: i64, b: i64) -> (i64, i64) {
    if a < b {
        (a, b)
    } else {
        (b, a)
    }
}

impl Store {
    async fn record_of_tx(&self, tx: &mut Tx, org_id: i64, client_id: i64) -> StoreResult<Option<PersonRecord>> {
        let Some(row) =
            sqlx::query(self.q("SELECT given_names, family_names, birth_date, country, household_id, merged_into FROM clients WHERE id = ? AND org_id = ?"))
                .bind(client_id)
                .bind(org_id)
                .fetch_optional(&mut **tx)
                .await?
        else {
            return Ok(None);
        };
        if row.try_get::<Option<i64>, _>("merged_into")?.is_some() {
            return Ok(None);
        }
        let phones = sqlx::query(self.q("SELECT value FROM contacts WHERE client_id = ? AND kind = 'phone' AND valid_to IS NULL ORDER BY id DESC"))
            .bind(client_id)
            .fetch_all(&mut **tx)
            .await?
            .iter()
            .map(|r| r.try_get::<String, _>("value"))
            .collect::<Result<Vec<_>, _>>()?;
        let household: Option<i64> = row.try_get("household_id")?;
        let mut members = vec![];
        if let Some(h) = household {
            for r in sqlx::query(self.q("SELECT given_names, family_names FROM clients WHERE household_id = ? AND id <> ? AND merged_into IS NULL"))
                .bind(h)
                .bind(client_id)
                .fetch_all(&mut **tx)
                .await?
            {
                let g: String = r.try_get("given_names")?;
                let f: Option<String> = r.try_get("family_names")?;
                members.push(f.map_or(g.clone(), |f| format!("{g} {f}")));
            }
        }
        let given: String = row.try_get("given_names")?;
        let family: Option<String> = row.try_get("family_names")?;
        let birth: Option<String> = row.try_get("birth_date")?;
        let country: Option<String> = row.try_get("country")?;
        Ok(Some(person_record(client_id, &given, family.as_deref(), birth.as_deref(), country.as_deref(), phones, members)))
    }

    /// Several clients as the matcher sees them, in three queries whatever their number (one
    /// record at a time cost ~600 round trips per registration check on PostgreSQL in bench/).
    /// Merged and other organizations' clients are left out.
    async fn records_of(&self, org_id: i64, ids: &[i64]) -> StoreResult<Vec<PersonRecord>> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        let list = |n: usize| vec!["?"; n].join(", ");
        let sql = crate::sql::render_dynamic(
            self.dialect(),
            &format!(
                "SELECT id, given_names, family_names, birth_date, country, household_id FROM clients WHERE org_id = ? AND merged_into IS NULL AND id IN ({})",
                list(ids.len())
            ),
        );
        let mut q = sqlx::query(&sql).bind(org_id);
        for id in ids {
            q = q.bind(*id);
        }
        let rows = q.fetch_all(self.pool()).await?;
        let sql = crate::sql::render_dynamic(
            self.dialect(),
            &format!("SELECT client_id, value FROM contacts WHERE kind = 'phone' AND valid_to IS NULL AND client_id IN ({}) ORDER BY id DESC", list(ids.len())),
        );
        let mut q = sqlx::query(&sql);
        for id in ids {
            q = q.bind(*id);
        }
        let mut phones: HashMap<i64, Vec<String>> = HashMap::new();
        for r in q.fetch_all(self.pool()).await? {
            phones.entry(r.try_get("client_id")?).or_default().push(r.try_get("value")?);
        }
        let households: Vec<i64> =
            rows.iter().filter_map(|r| r.try_get::<Option<i64>, _>("household_id").ok().flatten()).collect::<HashSet<_>>().into_iter().collect();
        let mut members: HashMap<i64, Vec<(i64, String)>> = HashMap::new();
        if !households.is_empty() {
            let sql = crate::sql::render_dynamic(
                self.dialect(),
                &format!(
                    "SELECT id, household_id, given_names, family_names FROM clients WHERE merged_into IS NULL AND household_id IN ({})",
                    list(households.len())
                ),
            );
            let mut q = sqlx::query(&sql);
            for h in &households {
                q = q.bind(*h);
            }
            for r in q.fetch_all(self.pool()).await? {
                let g: String = r.try_get("given_names")?;
                let f: Option<String> = r.try_get("family_names")?;
                members.entry(r.try_get("household_id")?).or_default().push((r.try_get("id")?, f.map_or(g.clone(), |f| format!("{g} {f}"))));
            }
        }
        rows.iter()
            .map(|r| {
                let id: i64 = r.try_get("id")?;
                let household: Option<i64> = r.try_get("household_id")?;
                let others = household
                    .and_then(|h| members.get(&h))
                    .map(|m| m.iter().filter(|(mid, _)| *mid != id).map(|(_, name)| name.clone()).collect())
                    .unwrap_or_default();
                let given: String = r.try_get("given_names")?;
                let family: Option<String> = r.try_get("family_names")?;
                let birth: Option<String> = r.try_get("birth_date")?;
                let country: Option<String> = r.try_get("country")?;
                Ok(person_record(id, &given, family.as_deref(), birth.as_deref(), country.as_deref(), phones.remove(&id).unwrap_or_default(), others))
            })
            .collect()
    }

    /// Recompute a client's blocking keys (within the caller's write transaction).
    pub(crate) async fn refresh_person_keys_tx(&self, tx: &mut Tx, org_id: i64, client_id: i64) -> StoreResult<()> {
        sqlx::query(self.q("DELETE FROM person_keys WHERE client_id = ?")).bind(client_id).execute(&mut **tx).await?;
        let Some(record) = self.record_of_tx(tx, org_id, client_id).await? else { return Ok(()) };
        for key in sendero_matching::blocking_keys(&record) {
            sqlx::query(self.q("INSERT INTO person_keys (org_id, key, client_id) VALUES (?, ?, ?)"))
                .bind(org_id)
                .bind(key)
                .bind(client_id)
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    /// The organization's estimated weights, or the defaults before any scan has estimated them.
    pub async fn dedup_weights(&self, org_id: i64) -> StoreResult<Weights> {
        let row = sqlx::query(self.q("SELECT value FROM settings WHERE key = ?")).bind(format!("dedup_weights:{org_id}")).fetch_optional(self.pool()).await?;
        Ok(row.and_then(|r| r.try_get::<String, _>("value").ok()).and_then(|v| serde_json::from_str(&v).ok()).unwrap_or_default())
    }

    /// Existing clients who may be `record`, best first, with explanations. Candidates come from
    /// the stored blocking keys (an indexed lookup); pairs already decided "different people"
    /// and merged records are left out.
    pub async fn match_candidates(&self, org_id: i64, record: &PersonRecord, min_score: f64, limit: usize) -> StoreResult<Vec<Candidate>> {
        let keys = sendero_matching::blocking_keys(record);
        if keys.is_empty() {
            return Ok(vec![]);
        }
        let placeholders = vec!["?"; keys.len()].join(", ");
        // Score the people who share the most keys first: with common names a block holds more
        // than `MAX_CANDIDATES_SCORED` people, and an unordered pick found only a third of the
        // re-registered people on PostgreSQL in bench/dedup.
        let sql = crate::sql::render_dynamic(
            self.dialect(),
            &format!(
                "SELECT k.client_id, COUNT(*) AS shared FROM person_keys k WHERE k.org_id = ? AND k.key IN ({placeholders}) AND k.client_id <> ? \
                 GROUP BY k.client_id ORDER BY shared DESC, k.client_id LIMIT ?"
            ),
        );
        let mut q = sqlx::query(&sql).bind(org_id);
        for k in &keys {
            q = q.bind(k.clone());
        }
        let ids: Vec<i64> =
            q.bind(record.id).bind(MAX_CANDIDATES_SCORED).fetch_all(self.pool()).await?.iter().map(|r| r.try_get("client_id")).collect::<Result<_, _>>()?;
        let decided: HashSet<i64> = if record.id > 0 {
            sqlx::query(self.q("SELECT left_id, right_id FROM dedup_decisions WHERE org_id = ? AND (left_id = ? OR right_id = ?)"))
                .bind(org_id)
                .bind(record.id)
                .bind(record.id)
                .fetch_all(self.pool())
                .await?
                .iter()
                .map(|r| Ok::<_, sqlx::Error>(r.try_get::<i64, _>("left_id")? + r.try_get::<i64, _>("right_id")? - record.id))
                .collect::<Result<_, _>>()?
        } else {
            HashSet::new()
        };
        let weights = self.dedup_weights(org_id).await?;
        let wanted: Vec<i64> = ids.into_iter().filter(|id| !decided.contains(id)).collect();
        let mut out = vec![];
        for other in self.records_of(org_id, &wanted).await? {
            let result = sendero_matching::compare(record, &other, &weights);
            if result.score >= min_score {
                out.push((other.id, result));
            }
        }
        out.sort_by(|a, b| b.1.score.total_cmp(&a.1.score));
        out.truncate(limit);
        let mut candidates = vec![];
        for (id, result) in out {
            candidates.push(Candidate { client: self.client(org_id, id).await?, result });
        }
        Ok(candidates)
    }

    /// Record that two clients are different people, so the pair is not proposed again.
    pub async fn record_distinct(&self, actor: Actor, a: i64, b: i64) -> StoreResult<()> {
        let (left, right) = ordered(a, b);
        self.client(actor.org_id, left).await?;
        self.client(actor.org_id, right).await?;
        let mut w = self.begin_write().await?;
        sqlx::query(self.q("INSERT INTO dedup_decisions (org_id, left_id, right_id, decided_by, decided_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (org_id, left_id, right_id) DO NOTHING"))
            .bind(actor.org_id)
            .bind(left)
            .bind(right)
            .bind(actor.user_id)
            .bind(now())
            .execute(&mut *w.tx)
            .await?;
        append(self, &mut w.tx, actor, "distinct", "client", Some(left), serde_json::json!({"other": right})).await?;
        w.commit().await
    }

    /// Every active client of the organization as the matcher sees it.
    pub async fn person_records(&self, org_id: i64) -> StoreResult<Vec<PersonRecord>> {
        let rows = sqlx::query(self.q("SELECT c.id, c.given_names, c.family_names, c.birth_date, c.country, \
             (SELECT x.value FROM contacts x WHERE x.client_id = c.id AND x.kind = 'phone' AND x.valid_to IS NULL ORDER BY x.id DESC LIMIT 1) AS phone \
             FROM clients c WHERE c.org_id = ? AND c.merged_into IS NULL ORDER BY c.id"))
        .bind(org_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let given: String = r.try_get("given_names")?;
                let family: Option<String> = r.try_get("family_names")?;
                let birth: Option<String> = r.try_get("birth_date")?;
                let country: Option<String> = r.try_get("country")?;
                let phone: Option<String> = r.try_get("phone")?;
                Ok(person_record(r.try_get("id")?, &given, family.as_deref(), birth.as_deref(), country.as_deref(), phone.into_iter().collect(), vec![]))
            })
            .collect()
    }

    /// Scan the whole organization and return pairs scoring at least `min_score` that nobody has
    /// already decided are different people. The u-probabilities (how often unrelated people
    /// agree by chance: common surnames, shared shelters' phones) are estimated from the
    /// organization's own candidate pairs with EM and kept for registration checks; the
    /// m-probabilities stay at the defaults, because EM's m estimates collapsed on realistic
    /// caseloads in the bench/matching evaluation (F1 0.88 → 0.19).
    pub async fn dedup_scan(&self, org_id: i64, min_score: f64) -> StoreResult<Vec<CandidatePair>> {
        let records = self.person_records(org_id).await?;
        let vectors = sendero_matching::candidate_vectors(&records, sendero_matching::MAX_BLOCK_SIZE);
        let mut weights = Weights::default();
        if vectors.len() >= 200 {
            weights.u = sendero_matching::estimate_weights(&vectors, &Weights::default(), 50).u;
        }
        let json = serde_json::to_string(&weights).map_err(anyhow::Error::from)?;
        sqlx::query(self.q("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"))
            .bind(format!("dedup_weights:{org_id}"))
            .bind(json)
            .execute(self.pool())
            .await?;
        let decided: HashSet<(i64, i64)> = sqlx::query(self.q("SELECT left_id, right_id FROM dedup_decisions WHERE org_id = ?"))
            .bind(org_id)
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(|r| Ok::<_, sqlx::Error>((r.try_get("left_id")?, r.try_get("right_id")?)))
            .collect::<Result<_, _>>()?;
        let pairs = sendero_matching::scan(&records, &weights, min_score);
        Ok(pairs.into_iter().filter(|p| !decided.contains(&ordered(p.left_id, p.right_id))).collect())
    }

    /// Compare two stored clients (for the side-by-side review).
    pub async fn compare_clients(&self, org_id: i64, a: i64, b: i64) -> StoreResult<MatchResult> {
        let mut tx = self.pool().begin().await?;
        let left = self.record_of_tx(&mut tx, org_id, a).await?.ok_or(StoreError::NotFound)?;
        let right = self.record_of_tx(&mut tx, org_id, b).await?.ok_or(StoreError::NotFound)?;
        drop(tx);
        Ok(sendero_matching::compare(&left, &right, &self.dedup_weights(org_id).await?))
    }

    /// Merge `merged` into `kept`: cases, contacts and assessments move to the kept record, the
    /// merged person's name becomes an alias, the merged record is hidden (not deleted), and
    /// everything moved is recorded so that [`Store::undo_merge`] can put it back.
    pub async fn merge_clients(&self, actor: Actor, kept: i64, merged: i64, reason: &str) -> StoreResult<i64> {
        if kept == merged {
            return Err(StoreError::Refused("merge-error-same"));
        }
        let k = self.client(actor.org_id, kept).await?;
        let m = self.client(actor.org_id, merged).await?;
        if k.merged_into.is_some() || m.merged_into.is_some() {
            return Err(StoreError::Refused("merge-error-already-merged"));
        }
        let mut w = self.begin_write().await?;
        // A concurrent merge of the same pair (either direction) passed the checks above too:
        // lock both rows in id order (no deadlock) and check again that neither is merged.
        for id in [kept.min(merged), kept.max(merged)] {
            let done = sqlx::query(self.q("UPDATE clients SET version = version WHERE id = ? AND merged_into IS NULL")).bind(id).execute(&mut *w.tx).await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::Refused("merge-error-already-merged"));
            }
        }
        let ids = |sql: &'static str| {
            let sql = self.q(sql);
            async move { sqlx::query(sql).bind(merged).fetch_all(self.pool()).await }
        };
        let mut moved = Moved {
            cases: ids("SELECT id FROM cases WHERE client_id = ?").await?.iter().map(|r| r.try_get("id")).collect::<Result<_, _>>()?,
            contacts: ids("SELECT id FROM contacts WHERE client_id = ?").await?.iter().map(|r| r.try_get("id")).collect::<Result<_, _>>()?,
            assessments: ids("SELECT id FROM assessments WHERE client_id = ?").await?.iter().map(|r| r.try_get("id")).collect::<Result<_, _>>()?,
            kept_aliases: k.aliases.clone(),
            ..Default::default()
        };
        let at = now();
        for (table, list) in [("cases", &moved.cases), ("contacts", &moved.contacts), ("assessments", &moved.assessments)] {
            for id in list {
                let sql = crate::sql::render_dynamic(self.dialect(), &format!("UPDATE {table} SET client_id = ? WHERE id = ? AND org_id = ?"));
                sqlx::query(&sql).bind(kept).bind(*id).bind(actor.org_id).execute(&mut *w.tx).await?;
            }
        }
        // The kept person joins the merged one's household if they had none.
        if let (None, Some(h)) = (k.household_id, m.household_id) {
            moved.kept_household = Some((h, m.relationship.clone()));
            sqlx::query(self.q("UPDATE clients SET household_id = ?, relationship = ? WHERE id = ?"))
                .bind(h)
                .bind(&m.relationship)
                .bind(kept)
                .execute(&mut *w.tx)
                .await?;
        }
        if let Some(h) = m.household_id {
            moved.merged_household = Some((h, m.relationship.clone()));
        }
        let alias = m.full_name();
        let aliases = match &k.aliases {
            Some(a) if a.contains(&alias) => a.clone(),
            Some(a) => format!("{a}; {alias}"),
            None => alias.clone(),
        };
        let search = crate::clients::search_text_of(&k.given_names, k.family_names.as_deref(), Some(&aliases));
        sqlx::query(self.q("UPDATE clients SET aliases = ?, search_text = ?, updated_at = ?, version = version + 1 WHERE id = ?"))
            .bind(&aliases)
            .bind(&search)
            .bind(&at)
            .bind(kept)
            .execute(&mut *w.tx)
            .await?;
        self.reindex_client_tx(&mut w.tx, kept, &search).await?;
        sqlx::query(self.q("UPDATE clients SET merged_into = ?, household_id = NULL, updated_at = ?, version = version + 1 WHERE id = ?"))
            .bind(kept)
            .bind(&at)
            .bind(merged)
            .execute(&mut *w.tx)
            .await?;
        let moved_json = serde_json::to_string(&moved).map_err(anyhow::Error::from)?;
        let id: i64 = sqlx::query(
            self.q("INSERT INTO merges (org_id, kept_id, merged_id, reason, moved, merged_by, merged_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        )
        .bind(actor.org_id)
        .bind(kept)
        .bind(merged)
        .bind(reason)
        .bind(&moved_json)
        .bind(actor.user_id)
        .bind(&at)
        .fetch_one(&mut *w.tx)
        .await?
        .try_get("id")?;
        self.refresh_person_keys_tx(&mut w.tx, actor.org_id, kept).await?;
        self.refresh_person_keys_tx(&mut w.tx, actor.org_id, merged).await?;
        append(self, &mut w.tx, actor, "merge", "client", Some(kept), serde_json::json!({"merged": merged, "merge": id, "reason": reason, "moved": moved}))
            .await?;
        w.commit().await?;
        Ok(id)
    }

    /// Put back everything a merge moved and show the merged record again.
    pub async fn undo_merge(&self, actor: Actor, merge_id: i64) -> StoreResult<()> {
        let row = sqlx::query(self.q("SELECT * FROM merges WHERE id = ? AND org_id = ?"))
            .bind(merge_id)
            .bind(actor.org_id)
            .fetch_optional(self.pool())
            .await?
            .ok_or(StoreError::NotFound)?;
        if row.try_get::<Option<String>, _>("undone_at")?.is_some() {
            return Err(StoreError::Refused("merge-error-undone"));
        }
        let kept: i64 = row.try_get("kept_id")?;
        let merged: i64 = row.try_get("merged_id")?;
        let moved: Moved = serde_json::from_str(&row.try_get::<String, _>("moved")?).map_err(anyhow::Error::from)?;
        let k = self.client(actor.org_id, kept).await?;
        let at = now();
        let mut w = self.begin_write().await?;
        for (table, list) in [("cases", &moved.cases), ("contacts", &moved.contacts), ("assessments", &moved.assessments)] {
            for id in list {
                let sql = crate::sql::render_dynamic(self.dialect(), &format!("UPDATE {table} SET client_id = ? WHERE id = ? AND org_id = ?"));
                sqlx::query(&sql).bind(merged).bind(*id).bind(actor.org_id).execute(&mut *w.tx).await?;
            }
        }
        if moved.kept_household.is_some() {
            sqlx::query(self.q("UPDATE clients SET household_id = NULL, relationship = NULL WHERE id = ?")).bind(kept).execute(&mut *w.tx).await?;
        }
        let (household, relationship) = moved.merged_household.clone().map_or((None, None), |(h, r)| (Some(h), r));
        sqlx::query(self.q("UPDATE clients SET merged_into = NULL, household_id = ?, relationship = ?, updated_at = ?, version = version + 1 WHERE id = ?"))
            .bind(household)
            .bind(relationship)
            .bind(&at)
            .bind(merged)
            .execute(&mut *w.tx)
            .await?;
        let search = crate::clients::search_text_of(&k.given_names, k.family_names.as_deref(), moved.kept_aliases.as_deref());
        sqlx::query(self.q("UPDATE clients SET aliases = ?, search_text = ?, updated_at = ?, version = version + 1 WHERE id = ?"))
            .bind(&moved.kept_aliases)
            .bind(&search)
            .bind(&at)
            .bind(kept)
            .execute(&mut *w.tx)
            .await?;
        self.reindex_client_tx(&mut w.tx, kept, &search).await?;
        // A concurrent undo of the same merge passed the check above too: only one may win.
        let done = sqlx::query(self.q("UPDATE merges SET undone_at = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL"))
            .bind(&at)
            .bind(actor.user_id)
            .bind(merge_id)
            .execute(&mut *w.tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Refused("merge-error-undone"));
        }
        self.refresh_person_keys_tx(&mut w.tx, actor.org_id, kept).await?;
        self.refresh_person_keys_tx(&mut w.tx, actor.org_id, merged).await?;
        append(self, &mut w.tx, actor, "undo_merge", "client", Some(kept), serde_json::json!({"merged": merged, "merge": merge_id})).await?;
        w.commit().await
    }

    pub async fn merges(&self, org_id: i64) -> StoreResult<Vec<Merge>> {
        let rows = sqlx::query(self.q("SELECT m.*, k.given_names AS kg, k.family_names AS kf, x.given_names AS mg, x.family_names AS mf FROM merges m \
             JOIN clients k ON k.id = m.kept_id JOIN clients x ON x.id = m.merged_id WHERE m.org_id = ? ORDER BY m.merged_at DESC, m.id DESC"))
        .bind(org_id)
        .fetch_all(self.pool())
        .await?;
        let name = |g: String, f: Option<String>| f.map_or(g.clone(), |f| format!("{g} {f}"));
        rows.iter()
            .map(|r| {
                Ok(Merge {
                    id: r.try_get("id")?,
                    kept_id: r.try_get("kept_id")?,
                    merged_id: r.try_get("merged_id")?,
                    kept_name: name(r.try_get("kg")?, r.try_get("kf")?),
                    merged_name: name(r.try_get("mg")?, r.try_get("mf")?),
                    reason: r.try_get("reason")?,
                    merged_at: r.try_get("merged_at")?,
                    undone_at: r.try_get("undone_at")?,
                })
            })
            .collect()
    }

    /// Names of clients by id (for listing scan results), skipping unknown ids.
    pub async fn clients_by_id(&self, org_id: i64, ids: &[i64]) -> StoreResult<HashMap<i64, Client>> {
        let mut out = HashMap::new();
        for id in ids {
            if let Ok(c) = self.client(org_id, *id).await {
                out.insert(*id, c);
            }
        }
        Ok(out)
    }
}
