//! `sendero lottery …`: re-run and export enrollment-lottery draws.

use clap::Subcommand;
use sendero_store::Store;

#[derive(Subcommand)]
pub enum LotteryCommand {
    /// Re-derive a round's draw from its published inputs and compare with the stored results.
    Verify {
        round: i64,
        /// Organization holding the round.
        #[arg(long)]
        org: i64,
    },
    /// Write a round's published inputs and results as JSON (read by tools/lottery_verify.py).
    Export {
        round: i64,
        #[arg(long)]
        org: i64,
        /// Output file (default: standard output).
        #[arg(long)]
        out: Option<std::path::PathBuf>,
    },
}

pub async fn run(store: &Store, command: LotteryCommand) -> anyhow::Result<std::process::ExitCode> {
    match command {
        LotteryCommand::Verify { round, org } => {
            let report = store.verify_round(org, round).await.map_err(|e| anyhow::anyhow!("round {round}: {e}"))?;
            if report.ok() {
                println!("round {round} verified: {} results re-derived from the published inputs, all match", report.checked);
            } else {
                for m in &report.mismatches {
                    println!("MISMATCH: {m}");
                }
                println!("round {round} does NOT verify: {} problem(s)", report.mismatches.len());
                return Ok(std::process::ExitCode::FAILURE);
            }
        }
        LotteryCommand::Export { round, org, out } => {
            let doc = store.export_round(org, round).await.map_err(|e| anyhow::anyhow!("round {round}: {e}"))?;
            let text = serde_json::to_string_pretty(&doc)?;
            match out {
                Some(path) => std::fs::write(&path, text + "\n")?,
                None => println!("{text}"),
            }
        }
    }
    Ok(std::process::ExitCode::SUCCESS)
}
