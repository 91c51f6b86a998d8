//! Care networks around families: members with roles, a shared task board and a message
//! thread. Volunteers reach a network only as members, and see only what their role needs.

use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::audit::append;
use crate::{now, today, Actor, Store, StoreError, StoreResult};
use sendero_domain::care::{NetworkRole, Visibility};

#[derive(Debug, Clone, Serialize)]
pub struct Network {
    pub id: i64,
    pub household_id: i64,
    pub family_name: String,
    pub version: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Member {
    pub id: i64,
    pub user_id: i64,
    pub volunteer_id: Option<i64>,
    pub name: String,
    pub role: NetworkRole,
    pub sensitive_granted: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Task {
    pub id: i64,
    pub title: String,
    pub due_on: Option<String>,
    pub taken_by: Option<i64>,
    pub taken_by_name: Option<String>,
    pub done: bool,
    pub version: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Message {
    pub author: String,
    pub body: String,
    pub at: String,
}

/// A family member as a volunteer may see them: only the fields their role allows.
#[derive(Debug, Clone, Serialize)]
pub struct FamilyMemberView {
    pub given_names: String,
    /// Age in years, when the role may see children's ages.
    pub age: Option<i32>,
    pub languages: Option<String>,
    /// Country of origin (immigration detail): only with a grant.
    pub country: Option<String>,
}

/// What one volunteer sees of one family.
#[derive(Debug, Clone, Serialize)]
pub struct FamilyView {
    pub network: Network,
    pub roles: Vec<NetworkRole>,
    pub visibility: Visibility,
    pub members: Vec<FamilyMemberView>,
    pub phones: Vec<String>,
    /// Case notes, only with a grant (decrypted).
    pub case_notes: Vec<(String, String)>,
}

fn network_from_row(r: &AnyRow) -> Result<Network, sqlx::Error> {
    Ok(Network { id: r.try_get("id")?, household_id: r.try_get("household_id")?, family_name: r.try_get("family_name")?, version: r.try_get("version")? })
}

impl Store {
    /// Form (or find) the care network around a household of the organization.
    pub async fn create_network(&self, actor: Actor, household_id: i64) -> StoreResult<i64> {
        self.household(actor.org_id, household_id).await?;
        if let Some(id) = self.network_of_household(actor.org_id, household_id).await? {
            return Ok(id);
        }
        let mut w = self.begin_write().await?;
        let id: i64 = sqlx::query(self.q("INSERT INTO care_networks (org_id, household_id, created_by, created_at) VALUES (?, ?, ?, ?) RETURNING id"))
            .bind(actor.org_id)
            .bind(household_id)
            .bind(actor.user_id)
            .bind(now())
            .fetch_one(&mut *w.tx)
            .await?
            .try_get("id")?;
        append(self, &mut w.tx, actor, "create", "care_network", Some(id), serde_json::json!({"household_id": household_id})).await?;
        w.commit().await?;
        Ok(id)
    }

    pub async fn network_of_household(&self, org_id: i64, household_id: i64) -> StoreResult<Option<i64>> {
        let row = sqlx::query(self.q("SELECT id FROM care_networks WHERE org_id = ? AND household_id = ?"))
            .bind(org_id)
            .bind(household_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| r.try_get("id")).transpose()?)
    }

    /// Households of the organization without a network yet, by name (for the "form a
    /// network" picker).
    pub async fn households_without_network(&self, org_id: i64) -> StoreResult<Vec<(i64, String)>> {
        let rows = sqlx::query(self.q("SELECT h.id, h.name FROM households h WHERE h.org_id = ? AND NOT EXISTS \
             (SELECT 1 FROM care_networks n WHERE n.household_id = h.id) ORDER BY h.name LIMIT 1000"))
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("name")?))).collect()
    }

    pub async fn network(&self, org_id: i64, id: i64) -> StoreResult<Network> {
        let sql = self.q("SELECT n.id, n.household_id, n.version, h.name AS family_name FROM care_networks n JOIN households h ON h.id = n.household_id \
             WHERE n.id = ? AND n.org_id = ?");
        let row = sqlx::query(sql).bind(id).bind(org_id).fetch_optional(&self.pool).await?;
        row.as_ref().map(network_from_row).transpose()?.ok_or(StoreError::NotFound)
    }

    pub async fn networks(&self, org_id: i64) -> StoreResult<Vec<Network>> {
        let rows = sqlx::query(
            self.q("SELECT n.id, n.household_id, n.version, h.name AS family_name FROM care_networks n JOIN households h ON h.id = n.household_id \
             WHERE n.org_id = ? ORDER BY h.name"),
        )
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(network_from_row).collect::<Result<_, _>>()?)
    }

    /// Networks in which `user_id` is a member ("My families").
    pub async fn networks_of_member(&self, org_id: i64, user_id: i64) -> StoreResult<Vec<Network>> {
        let rows = sqlx::query(self.q("SELECT DISTINCT n.id, n.household_id, n.version, h.name AS family_name FROM care_networks n \
             JOIN households h ON h.id = n.household_id JOIN network_members m ON m.network_id = n.id \
             WHERE n.org_id = ? AND m.user_id = ? ORDER BY h.name"))
        .bind(org_id)
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(network_from_row).collect::<Result<_, _>>()?)
    }

    /// Add a member. Volunteers must be approved and cleared today (enforced here, whatever the
    /// caller); staff may hold any role, volunteers any but coordinator.
    pub async fn add_network_member(&self, actor: Actor, network_id: i64, user_id: i64, role: NetworkRole) -> StoreResult<i64> {
        self.network(actor.org_id, network_id).await?;
        let user = self.user(actor.org_id, user_id).await?;
        let volunteer_id = if user.role == sendero_domain::Role::Volunteer {
            let v = self.volunteer_of_user(actor.org_id, user_id).await?.ok_or(StoreError::Refused("volunteer-error-not-cleared"))?;
            if !self.clearance(actor.org_id, &v.email).await?.is_cleared(today()) {
                return Err(StoreError::Refused("volunteer-error-not-cleared"));
            }
            if !role.open_to_volunteers() {
                return Err(StoreError::Refused("network-error-role"));
            }
            Some(v.id)
        } else if matches!(user.role, sendero_domain::Role::Attorney | sendero_domain::Role::Evaluator) {
            return Err(StoreError::Refused("network-error-role"));
        } else {
            None
        };
        let mut w = self.begin_write().await?;
        let id: i64 = sqlx::query(
            self.q("INSERT INTO network_members (org_id, network_id, user_id, volunteer_id, role, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
        )
        .bind(actor.org_id)
        .bind(network_id)
        .bind(user_id)
        .bind(volunteer_id)
        .bind(role.as_str())
        .bind(now())
        .fetch_one(&mut *w.tx)
        .await
        .map_err(|e| match e {
            sqlx::Error::Database(d) if d.message().to_lowercase().contains("unique") => StoreError::Refused("network-error-already-member"),
            e => e.into(),
        })?
        .try_get("id")?;
        append(self, &mut w.tx, actor, "add_member", "care_network", Some(network_id), serde_json::json!({"user_id": user_id, "role": role.as_str()})).await?;
        w.commit().await?;
        Ok(id)
    }

    /// Grant or withdraw a member's access to immigration details and case notes.
    pub async fn set_sensitive_grant(&self, actor: Actor, network_id: i64, member_id: i64, granted: bool) -> StoreResult<()> {
        let mut w = self.begin_write().await?;
        let done = sqlx::query(self.q("UPDATE network_members SET sensitive_granted = ? WHERE id = ? AND network_id = ? AND org_id = ?"))
            .bind(granted as i64)
            .bind(member_id)
            .bind(network_id)
            .bind(actor.org_id)
            .execute(&mut *w.tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        append(self, &mut w.tx, actor, "grant", "care_network", Some(network_id), serde_json::json!({"member_id": member_id, "granted": granted})).await?;
        w.commit().await
    }

    pub async fn network_members(&self, org_id: i64, network_id: i64) -> StoreResult<Vec<Member>> {
        let rows = sqlx::query(self.q("SELECT m.id, m.user_id, m.volunteer_id, m.role, m.sensitive_granted, u.display_name FROM network_members m \
             JOIN users u ON u.id = m.user_id WHERE m.org_id = ? AND m.network_id = ? ORDER BY m.id"))
        .bind(org_id)
        .bind(network_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let role: String = r.try_get("role")?;
                Ok(Member {
                    id: r.try_get("id")?,
                    user_id: r.try_get("user_id")?,
                    volunteer_id: r.try_get("volunteer_id")?,
                    name: r.try_get("display_name")?,
                    role: NetworkRole::parse(&role).ok_or_else(|| StoreError::Other(anyhow::anyhow!("unknown network role {role}")))?,
                    sensitive_granted: r.try_get::<i64, _>("sensitive_granted")? != 0,
                })
            })
            .collect()
    }

    /// The roles `user_id` holds in a network (empty: not a member).
    pub async fn member_roles(&self, org_id: i64, network_id: i64, user_id: i64) -> StoreResult<Vec<Member>> {
        Ok(self.network_members(org_id, network_id).await?.into_iter().filter(|m| m.user_id == user_id).collect())
    }

    /// Is `user_id` allowed on this network's board? Staff of the organization always; a
    /// volunteer only as a member.
    pub async fn may_use_network(&self, org_id: i64, network_id: i64, user: &crate::users::User) -> StoreResult<bool> {
        if user.role == sendero_domain::Role::Volunteer {
            return Ok(!self.member_roles(org_id, network_id, user.id).await?.is_empty());
        }
        Ok(user.role.can(sendero_domain::Permission::CareNetworks))
    }

    /// A volunteer's view of one family: refused (not found) unless they are a member; fields
    /// limited by the union of their roles, sensitive fields only with a grant. Logged as a read.
    pub async fn family_view(&self, actor: Actor, network_id: i64) -> StoreResult<FamilyView> {
        let user_id = actor.user_id.ok_or(StoreError::NotFound)?;
        let network = self.network(actor.org_id, network_id).await?;
        let mine = self.member_roles(actor.org_id, network_id, user_id).await?;
        if mine.is_empty() {
            return Err(StoreError::NotFound);
        }
        let granted = mine.iter().any(|m| m.sensitive_granted);
        let visibility = mine.iter().map(|m| m.role.visibility(granted)).fold(
            Visibility { phone: false, children_ages: false, immigration: false, case_notes: false },
            |a, b| Visibility {
                phone: a.phone || b.phone,
                children_ages: a.children_ages || b.children_ages,
                immigration: a.immigration || b.immigration,
                case_notes: a.case_notes || b.case_notes,
            },
        );
        let household = self.household(actor.org_id, network.household_id).await?;
        let today = today();
        let members = household
            .members
            .iter()
            .map(|c| FamilyMemberView {
                given_names: c.given_names.clone(),
                age: if visibility.children_ages {
                    c.birth_date.as_deref().and_then(sendero_domain::care::guardians::parse_birth).map(|b| b.age_on(today)).filter(|a| *a < 18)
                } else {
                    None
                },
                languages: c.languages.clone(),
                country: if visibility.immigration { c.country.clone() } else { None },
            })
            .collect();
        let mut phones = Vec::new();
        if visibility.phone {
            for c in &household.members {
                for contact in self.contacts(actor.org_id, c.id).await? {
                    if contact.valid_to.is_none() && contact.kind == "phone" {
                        phones.push(contact.value.clone());
                    }
                }
            }
        }
        let mut case_notes = Vec::new();
        if visibility.case_notes {
            let rows = sqlx::query(self.q("SELECT c.id FROM cases c JOIN clients cl ON cl.id = c.client_id WHERE c.org_id = ? AND cl.household_id = ?"))
                .bind(actor.org_id)
                .bind(network.household_id)
                .fetch_all(&self.pool)
                .await?;
            for r in rows {
                for note in self.notes(actor.org_id, r.try_get("id")?).await? {
                    case_notes.push((note.noted_on.clone(), note.body.clone()));
                }
            }
        }
        self.audit_read(actor, "care_network", network_id).await?;
        Ok(FamilyView { network, roles: mine.iter().map(|m| m.role).collect(), visibility, members, phones, case_notes })
    }

    pub async fn add_task(&self, actor: Actor, network_id: i64, title: &str, due_on: Option<chrono::NaiveDate>) -> StoreResult<i64> {
        let title = sendero_domain::text::required(title, 200).map_err(StoreError::Refused)?;
        self.network(actor.org_id, network_id).await?;
        let mut w = self.begin_write().await?;
        let id: i64 =
            sqlx::query(self.q("INSERT INTO network_tasks (org_id, network_id, title, due_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"))
                .bind(actor.org_id)
                .bind(network_id)
                .bind(&title)
                .bind(due_on.map(|d| d.to_string()))
                .bind(actor.user_id)
                .bind(now())
                .fetch_one(&mut *w.tx)
                .await?
                .try_get("id")?;
        append(self, &mut w.tx, actor, "create", "network_task", Some(id), serde_json::json!({"network_id": network_id})).await?;
        w.commit().await?;
        Ok(id)
    }

    /// Take a task (only if nobody has) or mark it done.
    pub async fn update_task(&self, actor: Actor, network_id: i64, task_id: i64, action: TaskAction) -> StoreResult<()> {
        let mut w = self.begin_write().await?;
        let sql = match action {
            TaskAction::Take => "UPDATE network_tasks SET taken_by = ?, version = version + 1 WHERE id = ? AND network_id = ? AND org_id = ? AND taken_by IS NULL AND done_at IS NULL",
            TaskAction::Done => "UPDATE network_tasks SET done_at = ?, version = version + 1 WHERE id = ? AND network_id = ? AND org_id = ? AND done_at IS NULL",
        };
        let value = match action {
            TaskAction::Take => serde_json::Value::from(actor.user_id),
            TaskAction::Done => serde_json::Value::from(now()),
        };
        let q = sqlx::query(self.q(sql));
        let q = match action {
            TaskAction::Take => q.bind(actor.user_id),
            TaskAction::Done => q.bind(now()),
        };
        let done = q.bind(task_id).bind(network_id).bind(actor.org_id).execute(&mut *w.tx).await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Refused("network-task-error-taken"));
        }
        append(self, &mut w.tx, actor, action.as_str(), "network_task", Some(task_id), serde_json::json!({"value": value})).await?;
        w.commit().await
    }

    pub async fn tasks(&self, org_id: i64, network_id: i64) -> StoreResult<Vec<Task>> {
        let rows = sqlx::query(self.q("SELECT t.*, u.display_name AS taken_by_name FROM network_tasks t LEFT JOIN users u ON u.id = t.taken_by \
             WHERE t.org_id = ? AND t.network_id = ? ORDER BY (t.done_at IS NOT NULL), COALESCE(t.due_on, '9999'), t.id"))
        .bind(org_id)
        .bind(network_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Task {
                    id: r.try_get("id")?,
                    title: r.try_get("title")?,
                    due_on: r.try_get("due_on")?,
                    taken_by: r.try_get("taken_by")?,
                    taken_by_name: r.try_get("taken_by_name")?,
                    done: r.try_get::<Option<String>, _>("done_at")?.is_some(),
                    version: r.try_get("version")?,
                })
            })
            .collect()
    }

    pub async fn post_message(&self, actor: Actor, network_id: i64, body: &str) -> StoreResult<i64> {
        let body = sendero_domain::text::required(body, 4000).map_err(StoreError::Refused)?;
        self.network(actor.org_id, network_id).await?;
        let mut w = self.begin_write().await?;
        let id: i64 =
            sqlx::query(self.q("INSERT INTO network_messages (org_id, network_id, author_id, body_enc, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id"))
                .bind(actor.org_id)
                .bind(network_id)
                .bind(actor.user_id)
                .bind(self.cipher().encrypt(&body))
                .bind(now())
                .fetch_one(&mut *w.tx)
                .await?
                .try_get("id")?;
        append(self, &mut w.tx, actor, "create", "network_message", Some(id), serde_json::json!({"network_id": network_id})).await?;
        w.commit().await?;
        Ok(id)
    }

    pub async fn messages(&self, org_id: i64, network_id: i64) -> StoreResult<Vec<Message>> {
        let rows = sqlx::query(self.q("SELECT m.body_enc, m.created_at, COALESCE(u.display_name, '') AS author FROM network_messages m \
             LEFT JOIN users u ON u.id = m.author_id WHERE m.org_id = ? AND m.network_id = ? ORDER BY m.created_at, m.id"))
        .bind(org_id)
        .bind(network_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let enc: String = r.try_get("body_enc")?;
                Ok(Message { author: r.try_get("author")?, body: self.cipher().decrypt(&enc)?, at: r.try_get("created_at")? })
            })
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskAction {
    Take,
    Done,
}

impl TaskAction {
    pub fn as_str(self) -> &'static str {
        match self {
            TaskAction::Take => "take",
            TaskAction::Done => "done",
        }
    }
}
