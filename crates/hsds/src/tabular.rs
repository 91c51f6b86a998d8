//! The HSDS tabular data package: `datapackage.json` listing one CSV resource per table.
//! CSV cells are text; they are typed by the table's schema on the way in (empty cells are
//! absent fields) and written back so that re-reading gives the same records.

use std::collections::BTreeMap;

use serde_json::{json, Number, Value};

use crate::{fields, Directory, ImportError, ImportErrors, Origins, Record, MAX_ERRORS, TABLES};

pub fn parse_datapackage(files: &BTreeMap<String, Vec<u8>>) -> Result<(Directory, Origins), ImportErrors> {
    let one = |file: &str, message: String| ImportErrors(vec![ImportError { file: file.to_owned(), row: None, field: None, message }]);
    let manifest = files.get("datapackage.json").ok_or_else(|| one("datapackage.json", "missing".into()))?;
    let manifest: Value = serde_json::from_slice(manifest).map_err(|e| one("datapackage.json", format!("not valid JSON: {e}")))?;
    let resources = manifest["resources"].as_array().ok_or_else(|| one("datapackage.json", "expected a \"resources\" array".into()))?;
    let mut dir = Directory::default();
    let mut origins = Origins::default();
    let mut errors = Vec::new();
    for (i, resource) in resources.iter().enumerate() {
        let Some(path) = resource["path"].as_str() else {
            errors.push(ImportError { file: "datapackage.json".into(), row: Some(i + 1), field: Some("path".into()), message: "missing".into() });
            continue;
        };
        let stem = path.rsplit('/').next().unwrap_or(path).trim_end_matches(".csv");
        let table = resource["name"].as_str().filter(|n| TABLES.contains(n)).or_else(|| TABLES.iter().copied().find(|t| *t == stem));
        let Some(table) = table else { continue }; // Tables Sendero does not model are skipped.
        let name = path.rsplit('/').next().unwrap_or(path);
        let Some(bytes) = files.get(path).or_else(|| files.get(name)) else {
            errors.push(ImportError { file: path.to_owned(), row: None, field: None, message: "listed in datapackage.json but missing".into() });
            continue;
        };
        match parse_csv(table, name, bytes) {
            Ok(records) => {
                origins.set(table, name.to_owned(), 2);
                dir.tables.insert(table.to_owned(), records);
            }
            Err(mut e) => errors.append(&mut e),
        }
        if errors.len() >= MAX_ERRORS {
            break;
        }
    }
    if errors.is_empty() {
        Ok((dir.complete(), origins))
    } else {
        errors.truncate(MAX_ERRORS);
        Err(ImportErrors(errors))
    }
}

fn parse_csv(table: &str, file: &str, bytes: &[u8]) -> Result<Vec<Record>, Vec<ImportError>> {
    let types: BTreeMap<String, String> = fields(table).into_iter().collect();
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let err = |row: Option<usize>, field: Option<String>, message: String| ImportError { file: file.to_owned(), row, field, message };
    let headers = reader.headers().map_err(|e| vec![err(Some(1), None, format!("unreadable header: {e}"))])?.clone();
    let mut seen = std::collections::BTreeSet::new();
    for h in &headers {
        if !seen.insert(h) {
            return Err(vec![err(Some(1), Some(h.to_owned()), "column appears twice".into())]);
        }
    }
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let line = i + 2;
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                errors.push(err(Some(line), None, format!("unreadable row: {e}")));
                break;
            }
        };
        let mut record = Record::new();
        for (header, cell) in headers.iter().zip(row.iter()) {
            if cell.is_empty() {
                continue;
            }
            match typed(types.get(header).map(String::as_str).unwrap_or("string"), cell) {
                Ok(value) => {
                    record.insert(header.to_owned(), value);
                }
                Err(message) => errors.push(err(Some(line), Some(header.to_owned()), message)),
            }
        }
        records.push(record);
        if errors.len() >= MAX_ERRORS {
            break;
        }
    }
    if errors.is_empty() {
        Ok(records)
    } else {
        Err(errors)
    }
}

fn typed(kind: &str, cell: &str) -> Result<Value, String> {
    match kind {
        "number" | "integer" => {
            if let Ok(i) = cell.parse::<i64>() {
                return Ok(Value::Number(i.into()));
            }
            if kind == "integer" {
                return Err(format!("\"{cell}\" is not a whole number"));
            }
            cell.parse::<f64>().ok().and_then(Number::from_f64).map(Value::Number).ok_or_else(|| format!("\"{cell}\" is not a number"))
        }
        "boolean" => match cell {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            _ => Err(format!("\"{cell}\" is not true or false")),
        },
        _ => Ok(Value::String(cell.to_owned())),
    }
}

fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(other) => other.to_string(),
    }
}

/// Write the tabular data package: `datapackage.json` and one CSV per table (header = the
/// schema's fields, then any extra fields the records carry, so nothing is dropped).
pub fn to_datapackage(dir: &Directory) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut resources = Vec::new();
    for table in TABLES {
        let schema_fields = fields(table);
        let mut columns: Vec<String> = schema_fields.iter().map(|(k, _)| k.clone()).collect();
        let mut extra = std::collections::BTreeSet::new();
        for record in dir.records(table) {
            for key in record.keys() {
                if !columns.contains(key) {
                    extra.insert(key.clone());
                }
            }
        }
        columns.extend(extra);
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(&columns).expect("writing to memory");
        for record in dir.records(table) {
            writer.write_record(columns.iter().map(|c| cell(record.get(c)))).expect("writing to memory");
        }
        let path = format!("{table}.csv");
        files.insert(path.clone(), writer.into_inner().expect("writing to memory"));
        let types: BTreeMap<&str, &str> = schema_fields.iter().map(|(k, t)| (k.as_str(), t.as_str())).collect();
        let field_list: Vec<Value> = columns.iter().map(|c| json!({"name": c, "type": types.get(c.as_str()).copied().unwrap_or("string")})).collect();
        resources.push(json!({"name": table, "path": path, "profile": "tabular-data-resource", "schema": {"fields": field_list, "primaryKey": "id"}}));
    }
    let manifest = json!({"name": "sendero-directory", "profile": "tabular-data-package", "resources": resources});
    let mut bytes = serde_json::to_vec_pretty(&manifest).expect("JSON values serialise");
    bytes.push(b'\n');
    files.insert("datapackage.json".into(), bytes);
    files
}
