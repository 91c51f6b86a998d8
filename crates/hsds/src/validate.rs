//! Validation: each record against its HSDS 3.0 JSON schema, then identifiers (present, unique
//! per table) and references (`*_id` fields point at records in the same import).

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use serde_json::Value;

use crate::{schema, Directory, ImportError, Origins, MAX_ERRORS, TABLES};

fn validators() -> &'static BTreeMap<&'static str, jsonschema::Validator> {
    static VALIDATORS: OnceLock<BTreeMap<&'static str, jsonschema::Validator>> = OnceLock::new();
    VALIDATORS.get_or_init(|| {
        TABLES
            .iter()
            .map(|t| {
                let schema: Value = serde_json::from_str(schema(t).expect("every table has a schema")).expect("committed schemas are JSON");
                (*t, jsonschema::options().should_validate_formats(true).build(&schema).expect("committed schemas compile"))
            })
            .collect()
    })
}

/// Which table a reference field points at.
fn target(table: &str, field: &str) -> Option<&'static str> {
    Some(match (table, field) {
        (_, "organization_id") => "organization",
        (_, "service_id") => "service",
        (_, "location_id") => "location",
        (_, "service_at_location_id") => "service_at_location",
        (_, "contact_id") => "contact",
        (_, "phone_id") => "phone",
        (_, "taxonomy_id") => "taxonomy",
        (_, "taxonomy_term_id") => "taxonomy_term",
        ("organization", "parent_organization_id") => "organization",
        ("taxonomy_term", "parent_id") => "taxonomy_term",
        _ => return None,
    })
}

/// One record's schema errors, as (field, message), in the validator's order.
type RecordErrors = Vec<(Option<String>, String)>;

fn schema_errors(validator: &jsonschema::Validator, record: &crate::Record) -> RecordErrors {
    let instance = Value::Object(record.clone());
    // `is_valid` is several times cheaper than collecting errors, and nearly every record is.
    if validator.is_valid(&instance) {
        return Vec::new();
    }
    validator
        .iter_errors(&instance)
        .map(|e| {
            let path = e.instance_path.to_string();
            let field = path.trim_start_matches('/').split('/').next().filter(|f| !f.is_empty()).map(str::to_owned);
            (field.or_else(|| required_field(&e.to_string())), e.to_string())
        })
        .collect()
}

/// Every record's schema errors, computed on all cores (records are independent); the result is
/// in record order, so the reported errors are the same as a sequential pass would give.
fn all_schema_errors(dir: &Directory) -> BTreeMap<&'static str, Vec<RecordErrors>> {
    let validators = validators();
    let work: Vec<(&'static str, &crate::Record)> = TABLES.iter().flat_map(|t| dir.records(t).iter().map(move |r| (*t, r))).collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 16);
    let per_thread = work.len().div_ceil(threads).max(1);
    let results: Vec<Vec<RecordErrors>> = std::thread::scope(|scope| {
        let handles: Vec<_> = work
            .chunks(per_thread)
            .map(|chunk| {
                scope.spawn(move || {
                    // Past MAX_ERRORS in this chunk, later records cannot be among the first
                    // MAX_ERRORS reported: leave them unchecked.
                    let mut found = 0;
                    let mut out = Vec::with_capacity(chunk.len());
                    for (t, r) in chunk {
                        let e = if found < MAX_ERRORS { schema_errors(&validators[t], r) } else { Vec::new() };
                        found += e.len();
                        out.push(e);
                    }
                    out
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("schema validation does not panic")).collect()
    });
    let mut flat = results.into_iter().flatten();
    TABLES.iter().map(|t| (*t, flat.by_ref().take(dir.len(t)).collect())).collect()
}

pub fn validate(dir: &Directory, origins: &Origins) -> Vec<ImportError> {
    let mut errors = Vec::new();
    let push = |errors: &mut Vec<ImportError>, table: &str, index: usize, field: Option<String>, message: String| {
        let (file, row) = origins.locate(table, index);
        errors.push(ImportError { file, row: Some(row), field, message });
    };
    let mut schema = all_schema_errors(dir);
    let mut ids: BTreeMap<&str, HashSet<&str>> = BTreeMap::new();
    for table in TABLES {
        let per_record = schema.remove(table).unwrap_or_default();
        let seen = ids.entry(table).or_default();
        for ((i, record), record_errors) in dir.records(table).iter().enumerate().zip(per_record) {
            for (field, message) in record_errors {
                push(&mut errors, table, i, field, message);
                if errors.len() >= MAX_ERRORS {
                    return errors;
                }
            }
            if let Some(id) = record.get("id").and_then(Value::as_str) {
                if id.trim().is_empty() {
                    push(&mut errors, table, i, Some("id".into()), "must not be blank".into());
                } else if !seen.insert(id) {
                    push(&mut errors, table, i, Some("id".into()), format!("\"{id}\" is used by another {table} record"));
                }
            }
        }
    }
    for table in TABLES {
        for (i, record) in dir.records(table).iter().enumerate() {
            for (field, value) in record {
                let Some(id) = value.as_str() else { continue };
                let goal = if field == "link_id" {
                    match record.get("link_entity").and_then(Value::as_str) {
                        Some(entity) if TABLES.contains(&entity) => Some(TABLES.iter().copied().find(|t| *t == entity).expect("checked")),
                        _ => None,
                    }
                } else {
                    target(table, field)
                };
                let Some(goal) = goal else { continue };
                if !ids.get(goal).is_some_and(|set| set.contains(id)) {
                    push(&mut errors, table, i, Some(field.clone()), format!("no {goal} has id \"{id}\""));
                    if errors.len() >= MAX_ERRORS {
                        return errors;
                    }
                }
            }
        }
    }
    errors
}

/// `"name" is a required property` → `name`.
fn required_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix('"')?;
    let (name, tail) = rest.split_once('"')?;
    tail.contains("required").then(|| name.to_owned())
}
