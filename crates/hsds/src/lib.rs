//! Open Referral HSDS 3.0 resource directories, without IO or a database: parse a tabular data
//! package (`datapackage.json` + one CSV per table) or Sendero's HSDS JSON form (one array of
//! HSDS records per table), validate every record against the HSDS 3.0 JSON schemas committed
//! under `schemas/`, check identifiers and references, and write both forms back.
//!
//! Records are kept as JSON objects exactly as read, so every field — including fields this
//! crate does not know — survives an import → export → import round trip.

pub mod index;
mod tabular;
mod validate;

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};

pub use index::{index, Hours, Point, ServiceIndex, Translation};
pub use tabular::{parse_datapackage, to_datapackage};
pub use validate::validate;

/// One HSDS record (one CSV row, one JSON object).
pub type Record = Map<String, Value>;

/// The HSDS 3.0 tables Sendero reads and writes, in dependency order (parents first), plus
/// Sendero's `translation` extension.
pub const TABLES: [&str; 13] = [
    "organization",
    "taxonomy",
    "taxonomy_term",
    "service",
    "location",
    "address",
    "service_at_location",
    "contact",
    "phone",
    "schedule",
    "language",
    "attribute",
    "translation",
];

/// A whole directory: records per table, in the order they were read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Directory {
    pub tables: BTreeMap<String, Vec<Record>>,
}

impl Directory {
    pub fn records(&self, table: &str) -> &[Record] {
        self.tables.get(table).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn len(&self, table: &str) -> usize {
        self.records(table).len()
    }

    pub fn is_empty(&self) -> bool {
        self.tables.values().all(Vec::is_empty)
    }

    /// Every table present (empty when absent), so a directory without a table and the same
    /// directory with that table empty compare equal (found by fuzzing the round trip).
    pub fn complete(mut self) -> Directory {
        for table in TABLES {
            self.tables.entry(table.to_owned()).or_default();
        }
        self
    }
}

/// One problem in an import, located by file, row and field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportError {
    pub file: String,
    /// 1-based: the CSV line (header is line 1) or the position in the JSON array.
    pub row: Option<usize>,
    pub field: Option<String>,
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ", field {field}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Every problem found (capped at [`MAX_ERRORS`]); an import with any error saves nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportErrors(pub Vec<ImportError>);

/// Past this many, listing more errors helps nobody.
pub const MAX_ERRORS: usize = 200;

impl std::fmt::Display for ImportErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for e in &self.0 {
            writeln!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportErrors {}

/// Where each table's records came from, so errors can name the file and row.
#[derive(Debug, Clone, Default)]
pub struct Origins {
    files: BTreeMap<String, (String, usize)>,
}

impl Origins {
    pub fn set(&mut self, table: &str, file: String, first_row: usize) {
        self.files.insert(table.to_owned(), (file, first_row));
    }

    /// The file and 1-based row of record `index` of `table`.
    pub fn locate(&self, table: &str, index: usize) -> (String, usize) {
        match self.files.get(table) {
            Some((file, first)) => (file.clone(), first + index),
            None => (table.to_owned(), index + 1),
        }
    }
}

/// Parse Sendero's HSDS JSON form: `{"organization": [...], "service": [...], ...}`.
pub fn parse_json(file: &str, bytes: &[u8]) -> Result<(Directory, Origins), ImportErrors> {
    let fail = |message: String| ImportErrors(vec![ImportError { file: file.to_owned(), row: None, field: None, message }]);
    let value: Value = serde_json::from_slice(bytes).map_err(|e| fail(format!("not valid JSON: {e}")))?;
    let Value::Object(top) = value else { return Err(fail("expected an object with one array of records per HSDS table".into())) };
    let mut dir = Directory::default();
    let mut origins = Origins::default();
    let mut errors = Vec::new();
    for (table, records) in top {
        if table.starts_with('$') || table == "profile" {
            continue;
        }
        if !TABLES.contains(&table.as_str()) {
            errors.push(ImportError { file: file.to_owned(), row: None, field: Some(table.clone()), message: "unknown HSDS table".into() });
            continue;
        }
        let Value::Array(records) = records else {
            errors.push(ImportError { file: file.to_owned(), row: None, field: Some(table.clone()), message: "expected an array of records".into() });
            continue;
        };
        let mut out = Vec::with_capacity(records.len());
        for (i, record) in records.into_iter().enumerate() {
            match record {
                Value::Object(map) => out.push(map),
                _ => errors.push(ImportError { file: format!("{file} › {table}"), row: Some(i + 1), field: None, message: "expected an object".into() }),
            }
        }
        origins.set(&table, format!("{file} › {table}"), 1);
        dir.tables.insert(table, out);
    }
    if errors.is_empty() {
        Ok((dir.complete(), origins))
    } else {
        errors.truncate(MAX_ERRORS);
        Err(ImportErrors(errors))
    }
}

/// Write Sendero's HSDS JSON form (pretty-printed, tables in dependency order).
pub fn to_json(dir: &Directory) -> Vec<u8> {
    let mut top = Map::new();
    for table in TABLES {
        top.insert(table.to_owned(), Value::Array(dir.records(table).iter().cloned().map(Value::Object).collect()));
    }
    let mut out = serde_json::to_vec_pretty(&Value::Object(top)).expect("JSON values serialise");
    out.push(b'\n');
    out
}

/// Parse and validate in one step: what an import does before touching any database.
/// `files` maps file names to contents: either one `*.json` file, or `datapackage.json` and the
/// CSV files it lists.
pub fn import(files: &BTreeMap<String, Vec<u8>>) -> Result<Directory, ImportErrors> {
    let (dir, origins) = if files.contains_key("datapackage.json") {
        parse_datapackage(files)?
    } else {
        let mut json = files.iter().filter(|(name, _)| name.ends_with(".json"));
        match (json.next(), json.next()) {
            (Some((name, bytes)), None) => parse_json(name, bytes)?,
            _ => {
                return Err(ImportErrors(vec![ImportError {
                    file: files.keys().next().cloned().unwrap_or_default(),
                    row: None,
                    field: None,
                    message: "expected one HSDS JSON file, or datapackage.json with its CSV files".into(),
                }]))
            }
        }
    };
    let errors = validate(&dir, &origins);
    if errors.is_empty() {
        Ok(dir)
    } else {
        Err(ImportErrors(errors))
    }
}

/// The committed schema of a table.
pub fn schema(table: &str) -> Option<&'static str> {
    Some(match table {
        "organization" => include_str!("../schemas/organization.json"),
        "service" => include_str!("../schemas/service.json"),
        "location" => include_str!("../schemas/location.json"),
        "address" => include_str!("../schemas/address.json"),
        "service_at_location" => include_str!("../schemas/service_at_location.json"),
        "contact" => include_str!("../schemas/contact.json"),
        "phone" => include_str!("../schemas/phone.json"),
        "schedule" => include_str!("../schemas/schedule.json"),
        "language" => include_str!("../schemas/language.json"),
        "taxonomy" => include_str!("../schemas/taxonomy.json"),
        "taxonomy_term" => include_str!("../schemas/taxonomy_term.json"),
        "attribute" => include_str!("../schemas/attribute.json"),
        "translation" => include_str!("../schemas/translation.json"),
        _ => return None,
    })
}

/// Properties of a table's schema in schema order, with their JSON types.
pub fn fields(table: &str) -> Vec<(String, String)> {
    let Some(text) = schema(table) else { return Vec::new() };
    let schema: Value = serde_json::from_str(text).expect("committed schemas are JSON");
    // serde_json keeps object order only with `preserve_order`; the schema files list `id`
    // first, so sort by the position in the file text instead.
    let mut out: Vec<(usize, String, String)> = schema["properties"]
        .as_object()
        .map(|props| {
            props
                .iter()
                .map(|(k, v)| (text.find(&format!("\"{k}\": {{")).unwrap_or(usize::MAX), k.clone(), v["type"].as_str().unwrap_or("string").to_owned()))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out.into_iter().map(|(_, k, t)| (k, t)).collect()
}

#[cfg(test)]
mod tests;
