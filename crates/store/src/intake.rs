//! Intake candidates, versioned eligibility rules and the decisions made with them.
//!
//! Rule versions and decisions are insert-only (the migration refuses UPDATE/DELETE): a new
//! rule version is decided anew into new decision rows, and past decisions keep the version,
//! inputs and deciding clause they were made with.

use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::audit::append;
use crate::{now, Actor, Page, Store, StoreError, StoreResult};
use sendero_domain::eligibility::{what_if, ClauseResult, Rule, RuleError, Screening, WhatIf};
use sendero_domain::intake::{CandidateDraft, ReferralSource};
use sendero_domain::lottery::token_from_bytes;

/// Where a candidate record came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Origin {
    Staff,
    PublicForm,
}

impl Origin {
    fn as_str(self) -> &'static str {
        match self {
            Origin::Staff => "staff",
            Origin::PublicForm => "public_form",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub id: i64,
    pub program_id: i64,
    pub site_id: Option<i64>,
    pub site_name: Option<String>,
    pub public_token: String,
    pub given_names: String,
    pub family_names: Option<String>,
    pub language: String,
    pub referral_source: String,
    pub referral_detail: Option<String>,
    pub screening: Screening,
    pub family_unit: bool,
    pub household_size: i64,
    pub interested: bool,
    pub consent_contact: bool,
    pub origin: String,
    pub client_id: Option<i64>,
    pub created_at: String,
    pub version: i64,
    /// The latest eligibility decision: (eligible, rule version).
    pub eligible: Option<bool>,
    pub rule_version: Option<i64>,
}

impl Candidate {
    pub fn full_name(&self) -> String {
        match &self.family_names {
            Some(f) => format!("{} {f}", self.given_names),
            None => self.given_names.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct StoredRule {
    pub id: i64,
    pub program_id: i64,
    pub version: i64,
    pub label: String,
    pub expression: String,
    pub effective_from: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DecisionRecord {
    pub id: i64,
    pub candidate_id: i64,
    pub rule_id: i64,
    pub rule_version: i64,
    pub eligible: bool,
    pub deciding_clause: String,
    pub clauses: Vec<ClauseResult>,
    pub inputs: serde_json::Value,
    pub decided_at: String,
}

#[derive(Debug, Clone, Default)]
pub struct CandidateQuery {
    pub program_id: Option<i64>,
    pub search: String,
    pub page: i64,
    pub per_page: i64,
}

const CANDIDATE_SELECT: &str = "SELECT c.*, s.name AS site_name, \
     (SELECT d.eligible FROM eligibility_decisions d WHERE d.candidate_id = c.id ORDER BY d.id DESC LIMIT 1) AS eligible, \
     (SELECT r.version FROM eligibility_decisions d JOIN eligibility_rules r ON r.id = d.rule_id WHERE d.candidate_id = c.id ORDER BY d.id DESC LIMIT 1) AS rule_version \
     FROM intake_candidates c LEFT JOIN sites s ON s.id = c.site_id";

fn candidate_from_row(r: &AnyRow) -> StoreResult<Candidate> {
    let screening: String = r.try_get("screening")?;
    Ok(Candidate {
        id: r.try_get("id")?,
        program_id: r.try_get("program_id")?,
        site_id: r.try_get("site_id")?,
        site_name: r.try_get("site_name")?,
        public_token: r.try_get("public_token")?,
        given_names: r.try_get("given_names")?,
        family_names: r.try_get("family_names")?,
        language: r.try_get("language")?,
        referral_source: r.try_get("referral_source")?,
        referral_detail: r.try_get("referral_detail")?,
        screening: serde_json::from_str(&screening).map_err(anyhow::Error::from)?,
        family_unit: r.try_get::<i64, _>("family_unit")? != 0,
        household_size: r.try_get("household_size")?,
        interested: r.try_get::<i64, _>("interested")? != 0,
        consent_contact: r.try_get::<i64, _>("consent_contact")? != 0,
        origin: r.try_get("origin")?,
        client_id: r.try_get("client_id")?,
        created_at: r.try_get("created_at")?,
        version: r.try_get("version")?,
        eligible: r.try_get::<Option<i64>, _>("eligible")?.map(|v| v != 0),
        rule_version: r.try_get("rule_version")?,
    })
}

fn rule_from_row(r: &AnyRow) -> StoreResult<StoredRule> {
    Ok(StoredRule {
        id: r.try_get("id")?,
        program_id: r.try_get("program_id")?,
        version: r.try_get("version")?,
        label: r.try_get("label")?,
        expression: r.try_get("expression")?,
        effective_from: r.try_get("effective_from")?,
        created_at: r.try_get("created_at")?,
    })
}

fn decision_from_row(r: &AnyRow) -> StoreResult<DecisionRecord> {
    let clauses: String = r.try_get("clauses")?;
    let inputs: String = r.try_get("inputs")?;
    Ok(DecisionRecord {
        id: r.try_get("id")?,
        candidate_id: r.try_get("candidate_id")?,
        rule_id: r.try_get("rule_id")?,
        rule_version: r.try_get("rule_version")?,
        eligible: r.try_get::<i64, _>("eligible")? != 0,
        deciding_clause: r.try_get("deciding_clause")?,
        clauses: serde_json::from_str(&clauses).map_err(anyhow::Error::from)?,
        inputs: serde_json::from_str(&inputs).map_err(anyhow::Error::from)?,
        decided_at: r.try_get("decided_at")?,
    })
}

/// A fresh public token (random, so the published lottery list reveals nothing).
pub fn new_public_token() -> String {
    token_from_bytes(rand::random())
}

impl Store {
    /// A program by id alone, for the public self-referral form (program names are public; no
    /// client data is read).
    pub async fn program_by_id(&self, id: i64) -> StoreResult<crate::orgs::Program> {
        let org: i64 = sqlx::query(self.q("SELECT org_id FROM programs WHERE id = ?"))
            .bind(id)
            .fetch_optional(self.pool())
            .await?
            .ok_or(StoreError::NotFound)?
            .try_get("org_id")?;
        self.program(org, id).await
    }

    /// Record a candidate. `token` is normally `None` (a random one is made); tests and imports
    /// may fix it. Records from the public form carry no user.
    pub async fn create_candidate(
        &self,
        actor: Actor,
        program_id: i64,
        site_id: Option<i64>,
        draft: &CandidateDraft,
        origin: Origin,
        token: Option<&str>,
    ) -> StoreResult<i64> {
        self.program(actor.org_id, program_id).await?;
        if let Some(site) = site_id {
            if !self.owns(actor.org_id, crate::orgs::Entity::Site, site).await? {
                return Err(StoreError::NotFound);
            }
        }
        let token = token.map(str::to_owned).unwrap_or_else(new_public_token);
        let mut w = self.begin_write().await?;
        let id: i64 = sqlx::query(self.q(
            "INSERT INTO intake_candidates (org_id, program_id, site_id, public_token, given_names, family_names, language, referral_source, \
             referral_detail, screening, family_unit, household_size, interested, consent_contact, contact_enc, origin, created_by, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        ))
        .bind(actor.org_id)
        .bind(program_id)
        .bind(site_id)
        .bind(&token)
        .bind(&draft.given_names)
        .bind(&draft.family_names)
        .bind(&draft.language)
        .bind(draft.referral_source.as_str())
        .bind(&draft.referral_detail)
        .bind(serde_json::to_string(&draft.screening).map_err(anyhow::Error::from)?)
        .bind(i64::from(draft.screening.flag("family_unit")))
        .bind(draft.screening.get("household_size").max(1))
        .bind(i64::from(draft.interested))
        .bind(i64::from(draft.consent_contact))
        .bind(draft.contact.as_ref().map(|c| self.cipher().encrypt(c)))
        .bind(origin.as_str())
        .bind(actor.user_id)
        .bind(now())
        .fetch_one(&mut *w.tx)
        .await?
        .try_get("id")?;
        append(
            self,
            &mut w.tx,
            actor,
            "create",
            "intake_candidate",
            Some(id),
            serde_json::json!({"program_id": program_id, "site_id": site_id, "referral_source": draft.referral_source.as_str(), "origin": origin.as_str(), "token": token}),
        )
        .await?;
        w.commit().await?;
        Ok(id)
    }

    pub async fn candidate(&self, org_id: i64, id: i64) -> StoreResult<Candidate> {
        let sql: &'static str = const_format(CANDIDATE_SELECT, " WHERE c.org_id = ? AND c.id = ?");
        let row = sqlx::query(self.q(sql)).bind(org_id).bind(id).fetch_optional(self.pool()).await?;
        row.as_ref().map(candidate_from_row).transpose()?.ok_or(StoreError::NotFound)
    }

    /// The decrypted contact of a candidate (read is logged).
    pub async fn candidate_contact(&self, actor: Actor, id: i64) -> StoreResult<Option<String>> {
        let row = sqlx::query(self.q("SELECT contact_enc FROM intake_candidates WHERE org_id = ? AND id = ?"))
            .bind(actor.org_id)
            .bind(id)
            .fetch_optional(self.pool())
            .await?
            .ok_or(StoreError::NotFound)?;
        let enc: Option<String> = row.try_get("contact_enc")?;
        self.audit_read(actor, "intake_candidate", id).await?;
        Ok(enc.map(|e| self.cipher().decrypt(&e)).transpose()?)
    }

    /// Candidates of the organization, newest first, searchable by name or token.
    pub async fn list_candidates(&self, org_id: i64, q: &CandidateQuery) -> StoreResult<Page<Candidate>> {
        let per_page = q.per_page.clamp(1, 200);
        let page = q.page.max(1);
        let pattern = crate::sql::contains_pattern(&q.search);
        let filter = " WHERE c.org_id = ? AND (? = 0 OR c.program_id = ?) AND (LOWER(c.given_names) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(c.family_names, '')) LIKE ? ESCAPE '\\' OR LOWER(c.public_token) LIKE ? ESCAPE '\\')";
        let total: i64 = sqlx::query(&crate::render_sql(self.dialect(), &format!("SELECT COUNT(*) AS n FROM intake_candidates c{filter}")))
            .bind(org_id)
            .bind(q.program_id.unwrap_or(0))
            .bind(q.program_id.unwrap_or(0))
            .bind(&pattern)
            .bind(&pattern)
            .bind(&pattern)
            .fetch_one(self.pool())
            .await?
            .try_get("n")?;
        let sql = format!("{CANDIDATE_SELECT}{filter} ORDER BY c.id DESC LIMIT ? OFFSET ?");
        let rows = sqlx::query(&crate::render_sql(self.dialect(), &sql))
            .bind(org_id)
            .bind(q.program_id.unwrap_or(0))
            .bind(q.program_id.unwrap_or(0))
            .bind(&pattern)
            .bind(&pattern)
            .bind(&pattern)
            .bind(per_page)
            .bind((page - 1) * per_page)
            .fetch_all(self.pool())
            .await?;
        Ok(Page { items: rows.iter().map(candidate_from_row).collect::<StoreResult<_>>()?, total, page, per_page })
    }

    /// Every candidate of a program (for decisions, what-if and the lottery pool).
    pub async fn program_candidates(&self, org_id: i64, program_id: i64) -> StoreResult<Vec<Candidate>> {
        let sql: &'static str = const_format(CANDIDATE_SELECT, " WHERE c.org_id = ? AND c.program_id = ? ORDER BY c.id");
        let rows = sqlx::query(self.q(sql)).bind(org_id).bind(program_id).fetch_all(self.pool()).await?;
        rows.iter().map(candidate_from_row).collect()
    }

    /// Add a new version of a program's eligibility rule. The expression is parsed first; a rule
    /// that does not parse is refused with the position of the problem.
    pub async fn save_rule(
        &self,
        actor: Actor,
        program_id: i64,
        label: &str,
        expression: &str,
        effective_from: chrono::NaiveDate,
    ) -> StoreResult<Result<i64, RuleError>> {
        self.program(actor.org_id, program_id).await?;
        if let Err(e) = Rule::parse(expression) {
            return Ok(Err(e));
        }
        let mut w = self.begin_write().await?;
        let newest: Option<i64> = sqlx::query(self.q("SELECT MAX(version) AS v FROM eligibility_rules WHERE program_id = ?"))
            .bind(program_id)
            .fetch_one(&mut *w.tx)
            .await?
            .try_get("v")?;
        let version = newest.unwrap_or(0) + 1;
        let id: i64 =
            sqlx::query(self.q("INSERT INTO eligibility_rules (org_id, program_id, version, label, expression, effective_from, created_by, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"))
            .bind(actor.org_id)
            .bind(program_id)
            .bind(version)
            .bind(label)
            .bind(expression)
            .bind(effective_from.to_string())
            .bind(actor.user_id)
            .bind(now())
            .fetch_one(&mut *w.tx)
            .await?
            .try_get("id")?;
        append(
            self,
            &mut w.tx,
            actor,
            "create",
            "eligibility_rule",
            Some(id),
            serde_json::json!({"program_id": program_id, "version": version, "expression": expression, "effective_from": effective_from.to_string()}),
        )
        .await?;
        w.commit().await?;
        Ok(Ok(id))
    }

    pub async fn rules(&self, org_id: i64, program_id: i64) -> StoreResult<Vec<StoredRule>> {
        let rows = sqlx::query(self.q("SELECT * FROM eligibility_rules WHERE org_id = ? AND program_id = ? ORDER BY version DESC"))
            .bind(org_id)
            .bind(program_id)
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(rule_from_row).collect()
    }

    /// The rule version in effect on `day`: the highest version whose effective date has come.
    pub async fn rule_in_effect(&self, org_id: i64, program_id: i64, day: chrono::NaiveDate) -> StoreResult<Option<StoredRule>> {
        let row = sqlx::query(self.q(
            "SELECT * FROM eligibility_rules WHERE org_id = ? AND program_id = ? AND effective_from <= ? ORDER BY effective_from DESC, version DESC LIMIT 1",
        ))
        .bind(org_id)
        .bind(program_id)
        .bind(day.to_string())
        .fetch_optional(self.pool())
        .await?;
        row.as_ref().map(rule_from_row).transpose()
    }

    /// Decide a candidate's eligibility under the rule in effect on `day`, recording the rule
    /// version, the inputs and the deciding clause as a new decision.
    pub async fn decide_eligibility(&self, actor: Actor, candidate_id: i64, day: chrono::NaiveDate) -> StoreResult<DecisionRecord> {
        let candidate = self.candidate(actor.org_id, candidate_id).await?;
        let stored = self.rule_in_effect(actor.org_id, candidate.program_id, day).await?.ok_or(StoreError::Refused("eligibility-error-no-rule"))?;
        let rule = Rule::parse(&stored.expression).map_err(|e| StoreError::Other(anyhow::anyhow!("stored rule {} no longer parses: {e}", stored.id)))?;
        let decision = rule.evaluate(&candidate.screening);
        let inputs = serde_json::to_value(candidate.screening.effective()).map_err(anyhow::Error::from)?;
        let clauses = serde_json::to_string(&decision.clauses).map_err(anyhow::Error::from)?;
        let mut w = self.begin_write().await?;
        let id: i64 = sqlx::query(
            self.q("INSERT INTO eligibility_decisions (org_id, candidate_id, rule_id, eligible, deciding_clause, clauses, inputs, decided_by, decided_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        )
        .bind(actor.org_id)
        .bind(candidate_id)
        .bind(stored.id)
        .bind(i64::from(decision.eligible))
        .bind(&decision.deciding_clause)
        .bind(&clauses)
        .bind(inputs.to_string())
        .bind(actor.user_id)
        .bind(now())
        .fetch_one(&mut *w.tx)
        .await?
        .try_get("id")?;
        append(
            self,
            &mut w.tx,
            actor,
            "decide",
            "eligibility_decision",
            Some(id),
            serde_json::json!({"candidate_id": candidate_id, "rule_version": stored.version, "eligible": decision.eligible, "deciding_clause": decision.deciding_clause}),
        )
        .await?;
        w.commit().await?;
        self.decision(actor.org_id, id).await
    }

    /// Decide every candidate of a program that is not yet in a lottery round. Returns how many
    /// decisions were recorded.
    pub async fn decide_program(&self, actor: Actor, program_id: i64, day: chrono::NaiveDate) -> StoreResult<usize> {
        let ids: Vec<i64> = sqlx::query(self.q(
            "SELECT c.id FROM intake_candidates c WHERE c.org_id = ? AND c.program_id = ? AND NOT EXISTS (SELECT 1 FROM lottery_entries e WHERE e.candidate_id = c.id) ORDER BY c.id",
        ))
        .bind(actor.org_id)
        .bind(program_id)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(|r| r.try_get("id"))
        .collect::<Result<_, _>>()?;
        for id in &ids {
            self.decide_eligibility(actor, *id, day).await?;
        }
        Ok(ids.len())
    }

    async fn decision(&self, org_id: i64, id: i64) -> StoreResult<DecisionRecord> {
        let row = sqlx::query(self.q(
            "SELECT d.*, r.version AS rule_version FROM eligibility_decisions d JOIN eligibility_rules r ON r.id = d.rule_id WHERE d.org_id = ? AND d.id = ?",
        ))
        .bind(org_id)
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        row.as_ref().map(decision_from_row).transpose()?.ok_or(StoreError::NotFound)
    }

    /// Every decision about a candidate, oldest first.
    pub async fn decisions(&self, org_id: i64, candidate_id: i64) -> StoreResult<Vec<DecisionRecord>> {
        let rows = sqlx::query(self.q("SELECT d.*, r.version AS rule_version FROM eligibility_decisions d JOIN eligibility_rules r ON r.id = d.rule_id \
             WHERE d.org_id = ? AND d.candidate_id = ? ORDER BY d.id"))
        .bind(org_id)
        .bind(candidate_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(decision_from_row).collect()
    }

    /// How the pool (candidates not yet drawn) would change under a draft rule.
    pub async fn what_if(&self, org_id: i64, program_id: i64, draft: &Rule) -> StoreResult<WhatIf<Candidate>> {
        let pool: Vec<(Candidate, bool, Screening)> = self
            .program_candidates(org_id, program_id)
            .await?
            .into_iter()
            .filter(|c| c.client_id.is_none())
            .map(|c| {
                let now_eligible = c.eligible.unwrap_or(false);
                let screening = c.screening.clone();
                (c, now_eligible, screening)
            })
            .collect();
        Ok(what_if(&pool, draft))
    }
}

/// Join two static strings once (leaked, bounded: called with a fixed set of literals).
fn const_format(a: &'static str, b: &'static str) -> &'static str {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static CACHE: OnceLock<Mutex<HashMap<(usize, usize), &'static str>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut map = cache.lock().unwrap_or_else(|e| e.into_inner());
    map.entry((a.as_ptr() as usize, b.as_ptr() as usize)).or_insert_with(|| Box::leak(format!("{a}{b}").into_boxed_str()))
}

/// Referral sources as stored, for forms.
pub fn referral_sources() -> Vec<&'static str> {
    ReferralSource::ALL.iter().map(|r| r.as_str()).collect()
}
