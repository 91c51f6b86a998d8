//! Sharing across organizations: consents (another organization reads exactly the consented
//! parts while the consent is in force, every read logged under the holder) and transfers
//! (a case handed to another organization with a summary, the record copied on acceptance).

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::Row;

use sendero_domain::consent::{ConsentDraft, ConsentScope, Recipient};
use sendero_domain::{ApproxDate, CaseStatus, ClientDraft, ContactKind};

use crate::audit::append;
use crate::cases::Case;
use crate::clients::Contact;
use crate::{now, Actor, Store, StoreError, StoreResult};

#[derive(Debug, Clone, Serialize)]
pub struct Consent {
    pub id: i64,
    pub org_id: i64,
    pub holder_name: String,
    pub client_id: i64,
    pub client_name: String,
    pub purpose: String,
    pub recipient_org_id: Option<i64>,
    /// `None`: the whole consortium.
    pub recipient_name: Option<String>,
    pub scopes: Vec<ConsentScope>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub method: String,
    pub witness: Option<String>,
    pub language: String,
    pub recorded_at: String,
    pub revoked_at: Option<String>,
    pub revoke_reason: Option<String>,
    pub version: i64,
}

impl Consent {
    pub fn is_active(&self, day: NaiveDate) -> bool {
        sendero_domain::consent::is_active(self.starts_on, self.ends_on, self.revoked_at.is_some(), day)
    }
    pub fn allows(&self, scope: ConsentScope) -> bool {
        self.scopes.contains(&scope)
    }
}

const CONSENT_SELECT: &str = "SELECT c.id, c.org_id, h.name AS holder_name, c.client_id, cl.given_names, cl.family_names, c.purpose, c.recipient_org_id, \
     r.name AS recipient_name, c.scopes, c.starts_on, c.ends_on, c.method, c.witness, c.language, c.recorded_at, c.revoked_at, c.revoke_reason, c.version \
     FROM consents c JOIN organizations h ON h.id = c.org_id JOIN clients cl ON cl.id = c.client_id LEFT JOIN organizations r ON r.id = c.recipient_org_id";

/// Consents in force for a viewing organization: addressed to it, or to its consortium, and
/// never its own (an organization needs no consent to read its own records).
const VISIBLE_TO: &str = "c.revoked_at IS NULL AND c.starts_on <= ? AND c.ends_on >= ? AND c.org_id <> ? \
     AND (c.recipient_org_id = ? OR (c.recipient_org_id IS NULL AND c.consortium_id = (SELECT consortium_id FROM organizations WHERE id = ?)))";

/// "Given Family" from a row's name columns.
fn person_name(r: &AnyRow) -> StoreResult<String> {
    let given: String = r.try_get("given_names")?;
    let family: Option<String> = r.try_get("family_names")?;
    Ok(family.map_or(given.clone(), |f| format!("{given} {f}")))
}

fn date(r: &AnyRow, column: &str) -> StoreResult<NaiveDate> {
    let raw: String = r.try_get(column)?;
    raw.parse().map_err(|e| StoreError::Other(anyhow::anyhow!("stored date {raw:?} in {column}: {e}")))
}

fn consent_from_row(r: &AnyRow) -> StoreResult<Consent> {
    Ok(Consent {
        id: r.try_get("id")?,
        org_id: r.try_get("org_id")?,
        holder_name: r.try_get("holder_name")?,
        client_id: r.try_get("client_id")?,
        client_name: person_name(r)?,
        purpose: r.try_get("purpose")?,
        recipient_org_id: r.try_get("recipient_org_id")?,
        recipient_name: r.try_get("recipient_name")?,
        scopes: ConsentScope::parse_list(&r.try_get::<String, _>("scopes")?),
        starts_on: date(r, "starts_on")?,
        ends_on: date(r, "ends_on")?,
        method: r.try_get("method")?,
        witness: r.try_get("witness")?,
        language: r.try_get("language")?,
        recorded_at: r.try_get("recorded_at")?,
        revoked_at: r.try_get("revoked_at")?,
        revoke_reason: r.try_get("revoke_reason")?,
        version: r.try_get("version")?,
    })
}

/// (start in the place's local time, time zone, kind, subtype, title) of one event.
pub type SharedEvent = (String, String, String, String, Option<String>);

/// What a recipient sees under a consent: identity always, the rest per scope.
#[derive(Debug, Clone, Serialize)]
pub struct SharedRecord {
    pub consent: Consent,
    pub name: String,
    pub languages: Option<String>,
    pub contacts: Option<Vec<Contact>>,
    pub cases: Option<Vec<Case>>,
    /// (date, instrument key, total score) of completed assessments.
    pub assessments: Option<Vec<(String, String, Option<f64>)>>,
    /// (starts at, time zone, kind, subtype, title) of hearings, check-ins and appointments;
    /// never their notes.
    pub events: Option<Vec<SharedEvent>>,
    /// (goal in the client's words, status) of open cases' plans; never the crisis plan.
    pub goals: Option<Vec<(String, String)>>,
    /// (date, category, minutes) of services logged; never their notes.
    pub services: Option<Vec<(String, String, i64)>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Transfer {
    pub id: i64,
    pub org_id: i64,
    pub from_name: String,
    pub client_id: i64,
    pub client_name: String,
    pub case_id: i64,
    pub to_org_id: i64,
    pub to_name: String,
    pub summary: String,
    pub sender_keeps_access: bool,
    pub status: String,
    pub reason: Option<String>,
    pub created_at: String,
    pub answered_at: Option<String>,
    pub new_case_id: Option<i64>,
    pub version: i64,
}

pub const TRANSFER_PROPOSED: &str = "proposed";
pub const TRANSFER_ACCEPTED: &str = "accepted";
pub const TRANSFER_DECLINED: &str = "declined";

const TRANSFER_SELECT: &str = "SELECT t.id, t.org_id, f.name AS from_name, t.client_id, cl.given_names, cl.family_names, t.case_id, t.to_org_id, \
     o.name AS to_name, t.summary, t.sender_keeps_access, t.status, t.reason, t.created_at, t.answered_at, t.new_case_id, t.version \
     FROM transfers t JOIN organizations f ON f.id = t.org_id JOIN organizations o ON o.id = t.to_org_id JOIN clients cl ON cl.id = t.client_id";

impl Store {
    fn transfer_from_row(&self, r: &AnyRow) -> StoreResult<Transfer> {
        Ok(Transfer {
            id: r.try_get("id")?,
            org_id: r.try_get("org_id")?,
            from_name: r.try_get("from_name")?,
            client_id: r.try_get("client_id")?,
            client_name: person_name(r)?,
            case_id: r.try_get("case_id")?,
            to_org_id: r.try_get("to_org_id")?,
            to_name: r.try_get("to_name")?,
            summary: self.cipher().decrypt(&r.try_get::<String, _>("summary")?)?,
            sender_keeps_access: r.try_get::<i64, _>("sender_keeps_access")? != 0,
            status: r.try_get("status")?,
            reason: r.try_get("reason")?,
            created_at: r.try_get("created_at")?,
            answered_at: r.try_get("answered_at")?,
            new_case_id: r.try_get("new_case_id")?,
            version: r.try_get("version")?,
        })
    }

    /// A partner organization in the same consortium (not `org_id` itself), or a refusal.
    async fn consortium_partner(&self, org_id: i64, partner: i64) -> StoreResult<Option<i64>> {
        let own = self.organization(org_id).await?;
        let Some(consortium) = own.consortium_id else { return Err(StoreError::Refused("consent-error-no-consortium")) };
        if partner == org_id {
            return Err(StoreError::Refused("consent-error-self"));
        }
        match self.organization(partner).await {
            Ok(o) if o.consortium_id == Some(consortium) => Ok(Some(consortium)),
            Ok(_) | Err(StoreError::NotFound) => Err(StoreError::Refused("consent-error-recipient")),
            Err(e) => Err(e),
        }
    }

    /// Record a client's consent. Recipients are organizations of the holder's consortium.
    pub async fn record_consent(&self, actor: Actor, client_id: i64, d: &ConsentDraft) -> StoreResult<i64> {
        self.client(actor.org_id, client_id).await?;
        let (recipient, consortium) = match d.recipient {
            Recipient::Organization(r) => (Some(r), self.consortium_partner(actor.org_id, r).await?),
            Recipient::Consortium => {
                let c = self.organization(actor.org_id).await?.consortium_id.ok_or(StoreError::Refused("consent-error-no-consortium"))?;
                (None, Some(c))
            }
        };
        let mut w = self.begin_write().await?;
        let id: i64 = sqlx::query(self.q(
            "INSERT INTO consents (org_id, client_id, purpose, recipient_org_id, consortium_id, scopes, starts_on, ends_on, method, witness, language, recorded_by, recorded_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        ))
        .bind(actor.org_id)
        .bind(client_id)
        .bind(&d.purpose)
        .bind(recipient)
        .bind(consortium)
        .bind(ConsentScope::join(&d.scopes))
        .bind(d.starts_on.to_string())
        .bind(d.ends_on.to_string())
        .bind(d.method.as_str())
        .bind(&d.witness)
        .bind(&d.language)
        .bind(actor.user_id)
        .bind(now())
        .fetch_one(&mut *w.tx)
        .await?
        .try_get("id")?;
        let detail = serde_json::json!({"client_id": client_id, "recipient": recipient, "scopes": ConsentScope::join(&d.scopes), "starts_on": d.starts_on, "ends_on": d.ends_on, "method": d.method.as_str()});
        append(self, &mut w.tx, actor, "record", "consent", Some(id), detail).await?;
        w.commit().await?;
        Ok(id)
    }

    /// A client's consents, newest first (the holder's view).
    pub async fn client_consents(&self, org_id: i64, client_id: i64) -> StoreResult<Vec<Consent>> {
        let sql = crate::render_sql(self.dialect(), &format!("{CONSENT_SELECT} WHERE c.org_id = ? AND c.client_id = ? ORDER BY c.id DESC"));
        let rows = sqlx::query(&sql).bind(org_id).bind(client_id).fetch_all(self.pool()).await?;
        rows.iter().map(consent_from_row).collect()
    }

    pub async fn consent(&self, org_id: i64, id: i64) -> StoreResult<Consent> {
        let sql = crate::render_sql(self.dialect(), &format!("{CONSENT_SELECT} WHERE c.id = ? AND c.org_id = ?"));
        let row = sqlx::query(&sql).bind(id).bind(org_id).fetch_optional(self.pool()).await?.ok_or(StoreError::NotFound)?;
        consent_from_row(&row)
    }

    /// Revoke a consent: access ends with this commit.
    pub async fn revoke_consent(&self, actor: Actor, id: i64, version: i64, reason: Option<&str>) -> StoreResult<()> {
        let current = self.consent(actor.org_id, id).await?;
        if current.revoked_at.is_some() {
            return Err(StoreError::Refused("consent-error-revoked"));
        }
        let mut w = self.begin_write().await?;
        let done = sqlx::query(self.q(
            "UPDATE consents SET revoked_at = ?, revoked_by = ?, revoke_reason = ?, version = version + 1 WHERE id = ? AND org_id = ? AND version = ? AND revoked_at IS NULL",
        ))
        .bind(now())
        .bind(actor.user_id)
        .bind(reason)
        .bind(id)
        .bind(actor.org_id)
        .bind(version)
        .execute(&mut *w.tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict { current_version: current.version, changed: vec!["revoked_at".into()] });
        }
        append(self, &mut w.tx, actor, "revoke", "consent", Some(id), serde_json::json!({"reason": reason})).await?;
        w.commit().await
    }

    /// Consents in force that open records to `viewer_org` on `day`.
    pub async fn grants(&self, viewer_org: i64, day: NaiveDate) -> StoreResult<Vec<Consent>> {
        let sql = crate::render_sql(self.dialect(), &format!("{CONSENT_SELECT} WHERE {VISIBLE_TO} ORDER BY c.ends_on, c.id"));
        let d = day.to_string();
        let rows = sqlx::query(&sql).bind(&d).bind(&d).bind(viewer_org).bind(viewer_org).bind(viewer_org).fetch_all(self.pool()).await?;
        rows.iter().map(consent_from_row).collect()
    }

    /// Is consent `id` in force for `viewer_org` on `day`? (Route ownership check.)
    pub async fn grant_visible(&self, viewer_org: i64, id: i64, day: NaiveDate) -> StoreResult<bool> {
        let sql = crate::render_sql(self.dialect(), &format!("SELECT 1 AS one FROM consents c WHERE c.id = ? AND {VISIBLE_TO}"));
        let d = day.to_string();
        let row = sqlx::query(&sql).bind(id).bind(&d).bind(&d).bind(viewer_org).bind(viewer_org).bind(viewer_org).fetch_optional(self.pool()).await?;
        Ok(row.is_some())
    }

    /// The consented view of a record for `viewer`. The read is logged under the holding
    /// organization (it owns the record and must see who read it), attributed to the viewer.
    pub async fn shared_record(&self, viewer: Actor, consent_id: i64, day: NaiveDate) -> StoreResult<SharedRecord> {
        if !self.grant_visible(viewer.org_id, consent_id, day).await? {
            return Err(StoreError::NotFound);
        }
        let sql = crate::render_sql(self.dialect(), &format!("{CONSENT_SELECT} WHERE c.id = ?"));
        let consent = consent_from_row(&sqlx::query(&sql).bind(consent_id).fetch_one(self.pool()).await?)?;
        let (holder, client_id) = (consent.org_id, consent.client_id);
        let client = self.client(holder, client_id).await?;
        let contacts = if consent.allows(ConsentScope::Contacts) {
            Some(self.contacts(holder, client_id).await?.into_iter().filter(|c| c.valid_to.is_none()).collect())
        } else {
            None
        };
        let cases = if consent.allows(ConsentScope::Case) {
            Some(self.client_cases(holder, client_id).await?.into_iter().filter(|c| c.status == CaseStatus::Open).collect::<Vec<_>>())
        } else {
            None
        };
        let assessments = if consent.allows(ConsentScope::Assessments) {
            let mut all = vec![];
            for case in self.client_cases(holder, client_id).await? {
                for a in self.case_assessments(holder, case.id).await?.into_iter().filter(|a| a.complete) {
                    all.push((a.taken_on, a.instrument_key, a.total));
                }
            }
            Some(all)
        } else {
            None
        };
        let all_cases = self.client_cases(holder, client_id).await?;
        let mut events = consent.allows(ConsentScope::Hearings).then(Vec::new);
        let mut goals = consent.allows(ConsentScope::ServicePlan).then(Vec::new);
        let mut services = consent.allows(ConsentScope::Services).then(Vec::new);
        for case in &all_cases {
            if let Some(out) = events.as_mut() {
                out.extend(self.case_calendar(holder, case.id).await?.into_iter().map(|e| (e.local_time(), e.tz, e.kind, e.subtype, e.title)));
            }
            if let Some(out) = goals.as_mut().filter(|_| case.status == CaseStatus::Open) {
                out.extend(self.service_plan(holder, case.id).await?.goals.into_iter().map(|g| (g.text, g.status)));
            }
            if let Some(out) = services.as_mut() {
                out.extend(self.case_services(holder, case.id).await?.into_iter().map(|s| (s.provided_on, s.category, s.minutes)));
            }
        }
        self.audit_read(Actor { user_id: viewer.user_id, org_id: holder }, "consent", consent_id).await?;
        Ok(SharedRecord { name: client.full_name(), languages: client.languages.clone(), consent, contacts, cases, assessments, events, goals, services })
    }

    /// Who read under a consent: (when, reader's name, reader's organization), newest first.
    pub async fn consent_reads(&self, org_id: i64, consent_id: i64) -> StoreResult<Vec<(String, String, String)>> {
        let rows = sqlx::query(
            self.q("SELECT l.at, u.display_name, o.name FROM read_log l JOIN users u ON u.id = l.actor_id JOIN organizations o ON o.id = u.org_id \
             WHERE l.org_id = ? AND l.entity = 'consent' AND l.entity_id = ? ORDER BY l.id DESC LIMIT 200"),
        )
        .bind(org_id)
        .bind(consent_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(|r| Ok((r.try_get("at")?, r.try_get("display_name")?, r.try_get("name")?))).collect()
    }

    // -----------------------------------------------------------------------------------------
    // Transfers

    /// Propose handing an open case to a partner organization.
    pub async fn propose_transfer(&self, actor: Actor, case_id: i64, to_org: i64, summary: &str, sender_keeps_access: bool) -> StoreResult<i64> {
        let case = self.case(actor.org_id, case_id).await?;
        if case.status != CaseStatus::Open {
            return Err(StoreError::Refused("case-error-closed"));
        }
        self.consortium_partner(actor.org_id, to_org).await.map_err(|e| match e {
            StoreError::Refused(_) => StoreError::Refused("transfer-error-recipient"),
            e => e,
        })?;
        let summary = sendero_domain::text::required(summary, 10_000).map_err(|code| {
            let mut errors = sendero_domain::FieldErrors::default();
            errors.push("summary", code);
            StoreError::Invalid(errors)
        })?;
        let mut w = self.begin_write().await?;
        let pending =
            sqlx::query(self.q("SELECT 1 AS one FROM transfers WHERE case_id = ? AND status = 'proposed'")).bind(case_id).fetch_optional(&mut *w.tx).await?;
        if pending.is_some() {
            return Err(StoreError::Refused("transfer-error-pending"));
        }
        let id: i64 =
            sqlx::query(self.q("INSERT INTO transfers (org_id, client_id, case_id, to_org_id, summary, sender_keeps_access, status, created_by, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, 'proposed', ?, ?) RETURNING id"))
            .bind(actor.org_id)
            .bind(case.client_id)
            .bind(case_id)
            .bind(to_org)
            .bind(self.cipher().encrypt(&summary))
            .bind(i64::from(sender_keeps_access))
            .bind(actor.user_id)
            .bind(now())
            .fetch_one(&mut *w.tx)
            .await?
            .try_get("id")?;
        append(
            self,
            &mut w.tx,
            actor,
            "propose",
            "transfer",
            Some(id),
            serde_json::json!({"case_id": case_id, "to_org": to_org, "sender_keeps_access": sender_keeps_access}),
        )
        .await?;
        w.commit().await?;
        Ok(id)
    }

    /// A transfer as seen by its sender or its recipient (anyone else: not found).
    pub async fn transfer(&self, org_id: i64, id: i64) -> StoreResult<Transfer> {
        let sql = crate::render_sql(self.dialect(), &format!("{TRANSFER_SELECT} WHERE t.id = ? AND (t.org_id = ? OR t.to_org_id = ?)"));
        let row = sqlx::query(&sql).bind(id).bind(org_id).bind(org_id).fetch_optional(self.pool()).await?.ok_or(StoreError::NotFound)?;
        self.transfer_from_row(&row)
    }

    /// Transfers waiting for `org_id` to answer, oldest first.
    pub async fn incoming_transfers(&self, org_id: i64) -> StoreResult<Vec<Transfer>> {
        let sql = crate::render_sql(self.dialect(), &format!("{TRANSFER_SELECT} WHERE t.to_org_id = ? AND t.status = 'proposed' ORDER BY t.id"));
        let rows = sqlx::query(&sql).bind(org_id).fetch_all(self.pool()).await?;
        rows.iter().map(|r| self.transfer_from_row(r)).collect()
    }

    /// Transfers of one client sent by `org_id`, newest first.
    pub async fn client_transfers(&self, org_id: i64, client_id: i64) -> StoreResult<Vec<Transfer>> {
        let sql = crate::render_sql(self.dialect(), &format!("{TRANSFER_SELECT} WHERE t.org_id = ? AND t.client_id = ? ORDER BY t.id DESC"));
        let rows = sqlx::query(&sql).bind(org_id).bind(client_id).fetch_all(self.pool()).await?;
        rows.iter().map(|r| self.transfer_from_row(r)).collect()
    }

    /// Has `org_id` handed this client over without keeping access? Then its staff no longer
    /// open the record (the transfer itself stays visible).
    pub async fn access_cut(&self, org_id: i64, client_id: i64) -> StoreResult<Option<Transfer>> {
        let sql = crate::render_sql(
            self.dialect(),
            &format!(
                "{TRANSFER_SELECT} WHERE t.org_id = ? AND t.client_id = ? AND t.status = 'accepted' AND t.sender_keeps_access = 0 ORDER BY t.id DESC LIMIT 1"
            ),
        );
        let row = sqlx::query(&sql).bind(org_id).bind(client_id).fetch_optional(self.pool()).await?;
        row.as_ref().map(|r| self.transfer_from_row(r)).transpose()
    }

    /// Accept a transfer: the client (with current contacts) is copied into the receiving
    /// organization, a case opens there in `program_id`, and the sender's case closes as
    /// transferred — all in one transaction.
    pub async fn accept_transfer(&self, actor: Actor, id: i64, version: i64, program_id: i64, manager: Option<i64>) -> StoreResult<i64> {
        let t = self.transfer(actor.org_id, id).await?;
        if t.to_org_id != actor.org_id {
            return Err(StoreError::NotFound);
        }
        if t.status != TRANSFER_PROPOSED {
            return Err(StoreError::Refused("transfer-error-answered"));
        }
        let program = self.program(actor.org_id, program_id).await?;
        let source = self.client(t.org_id, t.client_id).await?;
        let contacts: Vec<Contact> = self.contacts(t.org_id, t.client_id).await?.into_iter().filter(|c| c.valid_to.is_none()).collect();
        let draft = ClientDraft {
            given_names: source.given_names.clone(),
            family_names: source.family_names.clone(),
            aliases: source.aliases.clone(),
            birth_date: source.birth_date.as_deref().and_then(|b| ApproxDate::parse(b, crate::today()).ok()),
            country: source.country.clone(),
            languages: source.languages.clone(),
            a_number: source.a_number.clone(),
        };
        let at = now();
        let mut w = self.begin_write().await?;
        let done = sqlx::query(self.q("UPDATE transfers SET status = 'accepted', answered_by = ?, answered_at = ?, version = version + 1 WHERE id = ? AND version = ? AND status = 'proposed'"))
            .bind(actor.user_id)
            .bind(&at)
            .bind(id)
            .bind(version)
            .execute(&mut *w.tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict { current_version: t.version, changed: vec!["status".into()] });
        }
        let client_id = self.insert_client_tx(&mut w.tx, actor, &draft, None).await?;
        for c in &contacts {
            if let Some(kind) = ContactKind::parse(&c.kind) {
                self.insert_contact_tx(&mut w.tx, actor, client_id, kind, &c.value).await?;
            }
        }
        let state = sendero_domain::case::CaseState::opened(program.kind);
        let detail = Some(format!("transfer from {}", t.from_name));
        let case_id = self.insert_case_tx(&mut w.tx, actor, client_id, program_id, None, state, manager, false, detail).await?;
        sqlx::query(self.q("UPDATE transfers SET new_client_id = ?, new_case_id = ? WHERE id = ?"))
            .bind(client_id)
            .bind(case_id)
            .bind(id)
            .execute(&mut *w.tx)
            .await?;
        // The sender's case closes; its audit chain records who closed it and why.
        let sender = Actor { user_id: actor.user_id, org_id: t.org_id };
        sqlx::query(self.q(
            "UPDATE cases SET status = 'closed', closure_reason = 'transferred', closed_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND org_id = ? AND status = 'open'",
        ))
        .bind(&at)
        .bind(&at)
        .bind(t.case_id)
        .bind(t.org_id)
        .execute(&mut *w.tx)
        .await?;
        self.case_event(&mut w.tx, sender, t.case_id, "close", None, None, Some(format!("transferred: {}", t.to_name))).await?;
        append(self, &mut w.tx, actor, "accept", "transfer", Some(id), serde_json::json!({"new_client_id": client_id, "new_case_id": case_id})).await?;
        w.commit().await?;
        Ok(case_id)
    }

    pub async fn decline_transfer(&self, actor: Actor, id: i64, version: i64, reason: &str) -> StoreResult<()> {
        let t = self.transfer(actor.org_id, id).await?;
        if t.to_org_id != actor.org_id {
            return Err(StoreError::NotFound);
        }
        if t.status != TRANSFER_PROPOSED {
            return Err(StoreError::Refused("transfer-error-answered"));
        }
        let reason = sendero_domain::text::clean(reason, 1000).map_err(StoreError::Refused)?;
        let mut w = self.begin_write().await?;
        let done = sqlx::query(self.q(
            "UPDATE transfers SET status = 'declined', reason = ?, answered_by = ?, answered_at = ?, version = version + 1 WHERE id = ? AND version = ? AND status = 'proposed'",
        ))
        .bind(&reason)
        .bind(actor.user_id)
        .bind(now())
        .bind(id)
        .bind(version)
        .execute(&mut *w.tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict { current_version: t.version, changed: vec!["status".into()] });
        }
        append(self, &mut w.tx, actor, "decline", "transfer", Some(id), serde_json::json!({"reason": reason})).await?;
        w.commit().await
    }
}
