//! `sendero directory import|export`: the HSDS resource directory from and to files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Subcommand, ValueEnum};
use sendero_store::{Actor, Store};

#[derive(Subcommand)]
pub enum DirectoryCommand {
    /// Import an HSDS directory (replaces the organization's directory; all or nothing).
    /// PATH is an HSDS JSON file, a datapackage.json, or a folder holding datapackage.json and
    /// its CSV files.
    Import {
        path: PathBuf,
        #[arg(long)]
        org: i64,
    },
    /// Export the organization's directory into DIR (directory.json, or datapackage.json and CSVs).
    Export {
        dir: PathBuf,
        #[arg(long)]
        org: i64,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Json,
    Csv,
}

/// The files of an import: one JSON file, or a data package's manifest and CSVs.
fn read_files(path: &Path) -> anyhow::Result<BTreeMap<String, Vec<u8>>> {
    let folder = if path.is_dir() {
        Some(path.to_owned())
    } else if path.file_name().is_some_and(|n| n == "datapackage.json") {
        path.parent().map(Path::to_owned)
    } else {
        None
    };
    let mut files = BTreeMap::new();
    match folder {
        Some(folder) => {
            for entry in std::fs::read_dir(&folder).with_context(|| format!("reading {}", folder.display()))? {
                let p = entry?.path();
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
                if name == "datapackage.json" || name.ends_with(".csv") {
                    files.insert(name, std::fs::read(&p)?);
                }
            }
        }
        None => {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("directory.json").to_owned();
            files.insert(name, std::fs::read(path).with_context(|| format!("reading {}", path.display()))?);
        }
    }
    Ok(files)
}

pub async fn run(store: &Store, command: DirectoryCommand) -> anyhow::Result<std::process::ExitCode> {
    match command {
        DirectoryCommand::Import { path, org } => {
            store.organization(org).await.context("no such organization")?;
            let started = std::time::Instant::now();
            let files = read_files(&path)?;
            let dir = match sendero_hsds::import(&files) {
                Ok(dir) => dir,
                Err(errors) => {
                    eprint!("{errors}");
                    eprintln!("nothing imported: {} problem(s)", errors.0.len());
                    return Ok(std::process::ExitCode::FAILURE);
                }
            };
            let parsed = started.elapsed();
            let summary = store.import_directory(Actor { user_id: None, org_id: org }, &dir, &path.display().to_string()).await?;
            println!("imported {} services ({} records) in {:.2?} (parse and validate {:.2?})", summary.services, summary.records, started.elapsed(), parsed);
        }
        DirectoryCommand::Export { dir, org, format } => {
            let directory = store.export_directory(org).await?;
            std::fs::create_dir_all(&dir)?;
            let files = match format {
                Format::Json => BTreeMap::from([("directory.json".to_owned(), sendero_hsds::to_json(&directory))]),
                Format::Csv => sendero_hsds::to_datapackage(&directory),
            };
            for (name, bytes) in &files {
                std::fs::write(dir.join(name), bytes)?;
            }
            println!("wrote {} file(s) to {}", files.len(), dir.display());
        }
    }
    Ok(std::process::ExitCode::SUCCESS)
}
