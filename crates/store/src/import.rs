//! Importing clients and households from a spreadsheet (CSV), all or nothing, and exporting
//! the same shape back.

use std::collections::HashMap;
use std::io::Read;

use serde::Serialize;

use crate::{today, Actor, Store, StoreResult};
use sendero_domain::client::ClientInput;
use sendero_domain::{ClientDraft, ContactKind, FieldErrors, Relationship};

/// The columns Sendero reads and writes, in export order.
pub const COLUMNS: [&str; 12] =
    ["household_ref", "relationship", "given_names", "family_names", "aliases", "birth_date", "country", "languages", "a_number", "phone", "email", "address"];

pub const MAX_ROWS: usize = 1_000_000;

/// A problem in the file, pointing at the line (1 = header) and the field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportError {
    pub line: u64,
    pub field: String,
    pub code: &'static str,
}

/// A parsed, fully validated row.
#[derive(Debug, Clone)]
pub struct ImportRow {
    pub line: u64,
    pub household_ref: Option<String>,
    pub relationship: Option<Relationship>,
    pub draft: ClientDraft,
    pub contacts: Vec<(ContactKind, String)>,
}

/// Which file column feeds each Sendero column. Default: the column with the same name
/// (case-insensitive), so an exported file imports without mapping.
#[derive(Debug, Clone, Default)]
pub struct Mapping(pub HashMap<String, String>);

impl Mapping {
    fn source_for<'a>(&'a self, target: &'a str) -> &'a str {
        self.0.get(target).map(String::as_str).unwrap_or(target)
    }
}

/// Read the header row only (for the mapping page).
pub fn headers(data: &[u8]) -> Result<Vec<String>, ImportError> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(data);
    let headers = reader.headers().map_err(|_| ImportError { line: 1, field: String::new(), code: "import-error-not-csv" })?;
    Ok(headers.iter().map(|h| h.trim().to_owned()).collect())
}

/// Parse and validate every row; returns every error found (capped) or every row.
pub fn parse(data: impl Read, mapping: &Mapping) -> Result<Vec<ImportRow>, Vec<ImportError>> {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(data);
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_lowercase()).collect(),
        Err(_) => return Err(vec![ImportError { line: 1, field: String::new(), code: "import-error-not-csv" }]),
    };
    let index: HashMap<&str, usize> = COLUMNS
        .iter()
        .filter_map(|c| {
            let source = mapping.source_for(c).to_lowercase();
            headers.iter().position(|h| *h == source).map(|i| (*c, i))
        })
        .collect();
    if !index.contains_key("given_names") {
        return Err(vec![ImportError { line: 1, field: "given_names".into(), code: "import-error-missing-column" }]);
    }
    let today = today();
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let line = n as u64 + 2;
        if n >= MAX_ROWS {
            errors.push(ImportError { line, field: String::new(), code: "import-error-too-many-rows" });
            break;
        }
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line());
                errors.push(ImportError { line, field: String::new(), code: "import-error-malformed-row" });
                continue;
            }
        };
        let get = |c: &str| index.get(c).and_then(|i| record.get(*i)).unwrap_or("").to_owned();
        let input = ClientInput {
            given_names: get("given_names"),
            family_names: get("family_names"),
            aliases: get("aliases"),
            birth_date: get("birth_date"),
            country: get("country"),
            languages: get("languages"),
            a_number: get("a_number"),
        };
        let mut row_errors = FieldErrors::default();
        let draft = ClientDraft::parse(&input, today).map_err(|e| row_errors.0.extend(e.0)).ok();
        let relationship = match get("relationship").trim() {
            "" => None,
            r => Relationship::parse(&r.to_lowercase()).or_else(|| {
                row_errors.push("relationship", "error-relationship");
                None
            }),
        };
        let mut contacts = Vec::new();
        for kind in ContactKind::ALL {
            let raw = get(kind.as_str());
            if raw.trim().is_empty() {
                continue;
            }
            match kind.parse_value(&raw) {
                Ok(v) => contacts.push((kind, v)),
                Err(code) => row_errors.push(kind.as_str(), code),
            }
        }
        let household_ref = Some(get("household_ref").trim().to_owned()).filter(|s| !s.is_empty());
        if household_ref.as_ref().is_some_and(|h| h.chars().count() > 100) {
            row_errors.push("household_ref", "error-too-long");
        }
        match (draft, row_errors.is_empty()) {
            (Some(draft), true) => rows.push(ImportRow { line, household_ref, relationship, draft, contacts }),
            _ => errors.extend(row_errors.0.into_iter().map(|e| ImportError { line, field: e.field, code: e.code })),
        }
        if errors.len() >= 1000 {
            break;
        }
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

impl Store {
    /// Write validated rows in one transaction: either every row lands or none does.
    /// Rows sharing a `household_ref` form one household; its head is the row marked `head`
    /// (or the first row). `progress` is called with (rows done, total).
    pub async fn import_clients(&self, actor: Actor, rows: &[ImportRow], progress: &(dyn Fn(usize, usize) + Sync)) -> StoreResult<usize> {
        let mut w = self.begin_write().await?;
        let mut households: HashMap<&str, i64> = HashMap::new();
        for (i, row) in rows.iter().enumerate() {
            let id = self.insert_client_tx(&mut w.tx, actor, &row.draft, None).await?;
            for (kind, value) in &row.contacts {
                self.insert_contact_tx(&mut w.tx, actor, id, *kind, value).await?;
            }
            if let Some(href) = &row.household_ref {
                let relationship = row.relationship.unwrap_or(Relationship::OtherRelative);
                match households.get(href.as_str()) {
                    Some(hid) => self.import_membership(&mut w.tx, actor, *hid, id, relationship).await?,
                    None => {
                        let hid = self.import_household(&mut w.tx, actor, href, &row.draft).await?;
                        households.insert(href, hid);
                        let first = if relationship == Relationship::OtherRelative { Relationship::Head } else { relationship };
                        self.import_membership(&mut w.tx, actor, hid, id, first).await?;
                    }
                }
            }
            if i % 500 == 0 || i + 1 == rows.len() {
                progress(i + 1, rows.len());
            }
        }
        w.commit().await?;
        Ok(rows.len())
    }

    async fn import_household(&self, tx: &mut sqlx::Transaction<'static, sqlx::Any>, actor: Actor, href: &str, first: &ClientDraft) -> StoreResult<i64> {
        use sqlx::Row;
        let name = first.family_names.clone().unwrap_or_else(|| first.given_names.clone());
        let id: i64 = sqlx::query(self.q("INSERT INTO households (org_id, name, created_at) VALUES (?, ?, ?) RETURNING id"))
            .bind(actor.org_id)
            .bind(&name)
            .bind(crate::now())
            .fetch_one(&mut **tx)
            .await?
            .try_get("id")?;
        crate::audit::append(self, tx, actor, "import", "household", Some(id), serde_json::json!({"ref": href, "name": name})).await?;
        Ok(id)
    }

    async fn import_membership(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        actor: Actor,
        household: i64,
        client: i64,
        relationship: Relationship,
    ) -> StoreResult<()> {
        sqlx::query(self.q("UPDATE clients SET household_id = ?, relationship = ? WHERE id = ? AND org_id = ?"))
            .bind(household)
            .bind(relationship.as_str())
            .bind(client)
            .bind(actor.org_id)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    /// Write every client of the organization as CSV in the import shape.
    pub async fn export_clients(&self, org_id: i64, out: impl std::io::Write) -> anyhow::Result<usize> {
        use sqlx::Row;
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(COLUMNS)?;
        let rows = sqlx::query(self.q("SELECT c.*, \
             (SELECT value FROM contacts x WHERE x.client_id = c.id AND x.kind = 'phone' AND x.valid_to IS NULL ORDER BY x.id DESC LIMIT 1) AS phone, \
             (SELECT value FROM contacts x WHERE x.client_id = c.id AND x.kind = 'email' AND x.valid_to IS NULL ORDER BY x.id DESC LIMIT 1) AS email, \
             (SELECT value FROM contacts x WHERE x.client_id = c.id AND x.kind = 'address' AND x.valid_to IS NULL ORDER BY x.id DESC LIMIT 1) AS address \
             FROM clients c WHERE c.org_id = ? ORDER BY c.id"))
        .bind(org_id)
        .fetch_all(self.pool())
        .await?;
        for r in &rows {
            let a_number: Option<String> = r.try_get::<Option<String>, _>("a_number_enc")?.map(|e| self.cipher().decrypt(&e)).transpose()?;
            let household: Option<i64> = r.try_get("household_id")?;
            let text = |c: &str| -> anyhow::Result<String> { Ok(r.try_get::<Option<String>, _>(c)?.unwrap_or_default()) };
            writer.write_record([
                household.map(|h| format!("H{h}")).unwrap_or_default(),
                text("relationship")?,
                r.try_get::<String, _>("given_names")?,
                text("family_names")?,
                text("aliases")?,
                text("birth_date")?,
                text("country")?,
                text("languages")?,
                a_number.unwrap_or_default(),
                text("phone")?,
                text("email")?,
                text("address")?,
            ])?;
        }
        writer.flush()?;
        Ok(rows.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_line_and_field_and_keeps_nothing() {
        let csv = "given_names,family_names,birth_date,phone\nAna,Castillo,1990-01-01,555-0100-22\n,Pérez,1985,\nLuis,Ramírez,1990-02-31,call me\n";
        let errors = parse(csv.as_bytes(), &Mapping::default()).unwrap_err();
        assert!(errors.contains(&ImportError { line: 3, field: "given_names".into(), code: "error-required" }));
        assert!(errors.contains(&ImportError { line: 4, field: "birth_date".into(), code: "error-date-invalid" }));
        assert!(errors.contains(&ImportError { line: 4, field: "phone".into(), code: "error-phone" }));
        assert_eq!(errors.len(), 3);
    }

    #[test]
    fn mapping_renames_columns() {
        let csv = "Nombre,Apellidos\nAna,Castillo\n";
        let mut m = Mapping::default();
        m.0.insert("given_names".into(), "Nombre".into());
        m.0.insert("family_names".into(), "Apellidos".into());
        let rows = parse(csv.as_bytes(), &m).unwrap();
        assert_eq!(rows[0].draft.full_name(), "Ana Castillo");
        assert!(parse(csv.as_bytes(), &Mapping::default()).is_err(), "without mapping there is no given_names column");
    }

    #[test]
    fn ragged_rows_are_errors_not_panics() {
        let csv = "given_names,family_names\nAna\n\u{0}\u{1},x,y\n";
        let errors = parse(csv.as_bytes(), &Mapping::default()).unwrap_err();
        assert!(errors.iter().all(|e| e.code == "import-error-malformed-row"));
        assert!(!errors.is_empty());
    }
}
