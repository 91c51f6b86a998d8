//! Deduplicates a CSV of people and writes candidate pairs.
//!
//! Usage: dedup_csv INPUT.csv THRESHOLD OUTPUT.csv [--em ITERATIONS] [--weights-out FILE]
//!
//! Recognised columns (by header name, others ignored): id (or rec_id),
//! given_names|given_name, family_names|surname, dob|date_of_birth
//! (YYYY-MM-DD, YYYYMMDD or YYYY), phone|phones (';'-separated), country,
//! household (';'-separated full names), other_ids|soc_sec_id (';'-separated),
//! address (free text).
//! THRESHOLD is the log2 likelihood ratio a pair must reach. With --em, the
//! default weights are first re-estimated by EM on all candidate pairs.
//! Output columns: left_id,right_id,score,probability (ids as written in the input).

use sendero_matching::{candidate_vectors, estimate_weights, scan, BirthDate, PersonRecord, Weights, MAX_BLOCK_SIZE};
use std::io::{BufRead, BufReader, BufWriter, Write};

/// Splits one CSV line, honouring double quotes (no embedded newlines).
fn split_csv(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                if let Some(f) = fields.last_mut() {
                    f.push('"');
                }
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            c => {
                if let Some(f) = fields.last_mut() {
                    f.push(c)
                }
            }
        }
    }
    fields
}

fn list(s: &str) -> Vec<String> {
    s.split(';').map(str::trim).filter(|x| !x.is_empty()).map(str::to_string).collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 {
        eprintln!("usage: dedup_csv INPUT.csv THRESHOLD OUTPUT.csv [--em N] [--weights-out FILE]");
        std::process::exit(2);
    }
    let threshold: f64 = args[2].parse()?;
    let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let em_iterations: usize = flag("--em").map(|s| s.parse()).transpose()?.unwrap_or(0);

    let reader = BufReader::new(std::fs::File::open(&args[1])?);
    let mut lines = reader.lines();
    let header = split_csv(&lines.next().ok_or("empty input")??);
    let col = |names: &[&str]| header.iter().position(|h| names.contains(&h.trim().to_ascii_lowercase().as_str()));
    let c_id = col(&["id", "rec_id"]);
    let c_given = col(&["given_names", "given_name"]);
    let c_family = col(&["family_names", "surname"]);
    let c_dob = col(&["dob", "date_of_birth"]);
    let c_phone = col(&["phone", "phones"]);
    let c_country = col(&["country"]);
    let c_household = col(&["household", "household_names"]);
    let c_ids = col(&["other_ids", "soc_sec_id"]);
    let c_address = col(&["address"]);

    let mut ids: Vec<String> = Vec::new();
    let mut records: Vec<PersonRecord> = Vec::new();
    for line in lines {
        let fields = split_csv(&line?);
        let get = |c: Option<usize>| c.and_then(|i| fields.get(i)).map(|s| s.trim()).unwrap_or("");
        let index = records.len() as i64;
        ids.push(match c_id {
            Some(_) => get(c_id).to_string(),
            None => index.to_string(),
        });
        records.push(PersonRecord {
            id: index,
            given_names: get(c_given).to_string(),
            family_names: get(c_family).to_string(),
            dob: BirthDate::parse(get(c_dob)),
            phones: list(get(c_phone)),
            country: Some(get(c_country).to_string()).filter(|s| !s.is_empty()),
            household_names: list(get(c_household)),
            other_ids: list(get(c_ids)),
            address: Some(get(c_address).to_string()).filter(|s| !s.is_empty()),
        });
    }

    let mut weights = Weights::default();
    if em_iterations > 0 {
        let vectors = candidate_vectors(&records, MAX_BLOCK_SIZE);
        eprintln!("EM on {} candidate pairs", vectors.len());
        weights = estimate_weights(&vectors, &weights, em_iterations);
    }
    if let Some(path) = flag("--weights-out") {
        std::fs::write(path, format!("{weights:#?}\n"))?;
    }
    let start = std::time::Instant::now();
    let pairs = scan(&records, &weights, threshold);
    eprintln!("{} records, {} pairs >= {threshold} in {:.2?}", records.len(), pairs.len(), start.elapsed());
    let mut out = BufWriter::new(std::fs::File::create(&args[3])?);
    writeln!(out, "left_id,right_id,score,probability")?;
    for p in pairs {
        writeln!(out, "{},{},{:.4},{:.6}", ids[p.left_id as usize], ids[p.right_id as usize], p.score, p.probability)?;
    }
    out.flush()?;
    Ok(())
}
