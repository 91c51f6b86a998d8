//! Data-protection commands: field-encryption keys and retention.

use std::path::Path;

use clap::Subcommand;
use sendero_store::crypto::FieldCipher;
use sendero_store::Store;

#[derive(Subcommand)]
pub enum KeysCommand {
    /// Add a new key to the key file; it encrypts new values from the next start on. Then run
    /// `sendero keys rotate` to re-encrypt existing values with it.
    Add,
    /// Re-encrypt every encrypted value under the current (newest) key, in batches; safe to
    /// interrupt and run again while the app is running.
    Rotate {
        /// Rows per transaction.
        #[arg(long, default_value_t = 500)]
        batch: i64,
    },
    /// How many values each key holds, per table and column.
    Status,
}

pub async fn keys(store: &Store, key_file: &Path, command: KeysCommand) -> anyhow::Result<std::process::ExitCode> {
    match command {
        KeysCommand::Add => {
            anyhow::ensure!(
                std::env::var("SENDERO_SECRET_KEY").is_err(),
                "SENDERO_SECRET_KEY is set: add a new `ID:BASE64` entry to it yourself (the highest id is current)"
            );
            let id = FieldCipher::add_key_to_file(key_file)?;
            println!("key {id} added to {}; restart every node with it, then run `sendero keys rotate`", key_file.display());
        }
        KeysCommand::Rotate { batch } => {
            let report = store.rotate_keys(batch.max(1), None).await?;
            println!("re-encrypted {} value(s) in {} batch(es) under key {}", report.rewritten, report.batches, store.cipher().current_key_id());
            let left = store.key_usage().await?.outside(store.cipher().current_key_id());
            if left > 0 {
                println!("{left} value(s) are still under other keys");
                return Ok(std::process::ExitCode::FAILURE);
            }
            println!("every encrypted value is under the current key; older keys can be removed from the keyring");
        }
        KeysCommand::Status => {
            println!("current key: {} (keyring: {:?})", store.cipher().current_key_id(), store.cipher().key_ids());
            for ((table, column), counts) in store.key_usage().await?.by_column {
                for (key, n) in counts {
                    let key = if key == u32::MAX { "unreadable".to_owned() } else { format!("key {key}") };
                    println!("{table}.{column}\t{key}\t{n}");
                }
            }
        }
    }
    Ok(std::process::ExitCode::SUCCESS)
}

#[derive(Subcommand)]
pub enum RetentionCommand {
    /// List what the organization's retention rules would purge now (nothing is deleted;
    /// an administrator approves purges on the Data protection page).
    Plan {
        #[arg(long)]
        org: i64,
    },
}

pub async fn retention(store: &Store, command: RetentionCommand) -> anyhow::Result<std::process::ExitCode> {
    match command {
        RetentionCommand::Plan { org } => {
            store.organization(org).await.map_err(|_| anyhow::anyhow!("no such organization"))?;
            let plan = store.retention_plan(org, sendero_store::retention::now_utc()).await?;
            let r = plan.rules;
            println!(
                "rules: closed cases after {:?} years, messages after {:?} days, read log after {:?} years",
                r.closed_case_years, r.message_days, r.read_log_years
            );
            if plan.counts.is_empty() {
                println!("no retention rules: nothing would be purged");
            }
            for (table, n) in &plan.counts {
                println!("{table}\t{n}");
            }
        }
    }
    Ok(std::process::ExitCode::SUCCESS)
}
