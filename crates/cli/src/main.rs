//! `sendero`: one binary for the web app, the JSON API and the command-line tools.

mod directory;
mod lottery;
mod protection;

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use sendero_store::crypto::FieldCipher;
use sendero_store::import::{self, Mapping};
use sendero_store::users::NewUser;
use sendero_store::{Actor, Store};
use sendero_web::{AppState, Application, Settings};

#[derive(Parser)]
#[command(name = "sendero", version, about = "Case management for organizations that accompany people in movement.")]
struct Cli {
    #[command(flatten)]
    db: DbArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone)]
struct DbArgs {
    /// Database: sqlite://FILE (created if missing) or postgres://USER@HOST/DB.
    #[arg(long, env = "SENDERO_DATABASE_URL", default_value = "sqlite://sendero.db", global = true)]
    database_url: String,
    /// File holding the key that encrypts sensitive fields (created if missing). Ignored when
    /// SENDERO_SECRET_KEY is set; every node sharing a database must use the same key.
    #[arg(long, env = "SENDERO_KEY_FILE", default_value = "sendero.key", global = true)]
    key_file: PathBuf,
    /// Log format: text or json.
    #[arg(long, env = "SENDERO_LOG_FORMAT", default_value = "text", global = true)]
    log_format: String,
}

/// Single sign-on through an OpenID Connect provider; off unless an issuer is given.
#[derive(Args, Clone)]
struct SsoArgs {
    /// OpenID Connect issuer URL (https), e.g. https://id.example.org/realms/staff.
    #[arg(long, env = "SENDERO_OIDC_ISSUER")]
    oidc_issuer: Option<String>,
    /// Client id registered at the provider.
    #[arg(long, env = "SENDERO_OIDC_CLIENT_ID")]
    oidc_client_id: Option<String>,
    /// Client secret (prefer the environment variable: flags show in process lists).
    #[arg(long, env = "SENDERO_OIDC_CLIENT_SECRET", hide_env_values = true)]
    oidc_client_secret: Option<String>,
    /// Button text on the sign-in page: "Sign in with LABEL".
    #[arg(long, env = "SENDERO_OIDC_LABEL")]
    oidc_label: Option<String>,
    /// Public base URL of this Sendero; the provider redirects to PUBLIC_URL/auth/oidc/callback.
    #[arg(long, env = "SENDERO_PUBLIC_URL")]
    public_url: Option<String>,
}

impl SsoArgs {
    fn settings(&self) -> anyhow::Result<Option<sendero_web::sso::OidcSettings>> {
        sendero_web::sso::OidcSettings::from_parts(
            self.oidc_issuer.as_deref(),
            self.oidc_client_id.as_deref(),
            self.oidc_client_secret.as_deref(),
            self.oidc_label.as_deref(),
            self.public_url.as_deref(),
        )
        .map_err(anyhow::Error::msg)
    }
}

#[derive(Subcommand)]
enum Command {
    /// Run the web app and JSON API (migrates the database first).
    Serve {
        /// Address to listen on.
        #[arg(long, env = "SENDERO_BIND", default_value = "127.0.0.1:8080")]
        bind: String,
        /// Seed the demo consortium if the database is empty, and show demo accounts at sign-in.
        #[arg(long, env = "SENDERO_DEMO")]
        demo: bool,
        /// Send cookies without the Secure flag (only for plain-http deployments off localhost).
        #[arg(long, env = "SENDERO_INSECURE_COOKIES")]
        insecure_cookies: bool,
        /// Do not run the background worker in this process (run `sendero worker` elsewhere).
        #[arg(long, env = "SENDERO_NO_WORKER")]
        no_worker: bool,
        #[command(flatten)]
        sso: SsoArgs,
    },
    /// Run the background worker alone: reminders, outbox delivery (SMTP, SMS), scheduled jobs.
    /// Settings: SENDERO_SMTP_URL, SENDERO_MAIL_FROM, SENDERO_SMS_URL, SENDERO_WORKER_*.
    Worker {
        /// Exit after the first pass that finds nothing to do (benchmarks, cron).
        #[arg(long)]
        until_idle: bool,
    },
    /// Apply database migrations.
    Migrate,
    /// Seed demo data: the demo consortium, or N synthetic clients for benchmarks.
    Demo {
        /// Seed this many synthetic clients (in households, with cases and notes) instead.
        #[arg(long)]
        clients: Option<usize>,
    },
    /// Import data from a spreadsheet.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Export data.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Audit log tools.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Manage staff accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Organizations (tenants).
    #[command(subcommand)]
    Org(OrgCommand),
    /// Duplicate-person detection.
    #[command(subcommand)]
    Dedup(DedupCommand),
    /// Enrollment lottery: verify and export draws.
    #[command(subcommand)]
    Lottery(lottery::LotteryCommand),
    /// Consistent logical backup (JSON Lines per table) into a new directory, while running;
    /// with --sqlite-file, an SQLite file copy (VACUUM INTO) instead.
    Backup {
        path: PathBuf,
        /// Write an SQLite database file instead of the portable directory (SQLite only).
        #[arg(long)]
        sqlite_file: bool,
    },
    /// Field-encryption keys: add a key, re-encrypt under it, see which key holds what.
    #[command(subcommand)]
    Keys(protection::KeysCommand),
    /// Retention rules: what a purge would delete.
    #[command(subcommand)]
    Retention(protection::RetentionCommand),
    /// Restore a backup directory into an empty database of either kind (migrated first).
    Restore { dir: PathBuf },
    /// The resource directory (Open Referral HSDS).
    #[command(subcommand)]
    Directory(directory::DirectoryCommand),
    /// Rebuild the service rollups (services by program × month × category) from the service log.
    Rollups {
        /// Only this organization (default: all).
        #[arg(long)]
        org: Option<i64>,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Import clients and households from CSV, all or nothing.
    Clients {
        file: PathBuf,
        /// Organization receiving the clients.
        #[arg(long)]
        org: i64,
        /// Column mapping, repeatable: SENDERO_COLUMN=FILE_COLUMN (e.g. given_names=Nombre).
        #[arg(long = "map", value_parser = parse_mapping)]
        mappings: Vec<(String, String)>,
    },
}

#[derive(Subcommand)]
enum ExportCommand {
    /// Export an organization's clients as CSV (the import shape) to stdout or --out.
    Clients {
        #[arg(long)]
        org: i64,
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum DedupCommand {
    /// Scan an organization for likely duplicate pairs; prints a summary, or the pairs as CSV.
    Scan {
        #[arg(long)]
        org: i64,
        /// Minimum match score (log2 likelihood ratio).
        #[arg(long, default_value_t = sendero_store::dedup::SCAN_MIN_SCORE)]
        threshold: f64,
        /// Print the candidate pairs as CSV (left_id,right_id,score,probability).
        #[arg(long)]
        csv: bool,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Recompute every hash of the audit chain; exits 1 if anything was altered or removed.
    Verify,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a staff account.
    Add {
        #[arg(long)]
        org: i64,
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// administrator, supervisor, case_manager, intake_worker, volunteer, attorney, evaluator
        #[arg(long)]
        role: String,
        /// Password (or set SENDERO_NEW_PASSWORD to keep it out of shell history).
        #[arg(long, env = "SENDERO_NEW_PASSWORD")]
        password: String,
    },
}

#[derive(Subcommand)]
enum OrgCommand {
    /// Create an organization (prints its id).
    Add {
        name: String,
        #[arg(long)]
        city: Option<String>,
    },
    /// List organizations.
    List,
}

fn parse_mapping(s: &str) -> Result<(String, String), String> {
    s.split_once('=').map(|(a, b)| (a.trim().to_owned(), b.trim().to_owned())).ok_or_else(|| "expected SENDERO_COLUMN=FILE_COLUMN".to_owned())
}

fn init_logging(format: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("SENDERO_LOG").unwrap_or_else(|_| "info,sqlx=warn".into());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    if format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}

async fn open_store(db: &DbArgs) -> anyhow::Result<Store> {
    let cipher = match std::env::var("SENDERO_SECRET_KEY") {
        Ok(key) => FieldCipher::from_base64(&key).context("SENDERO_SECRET_KEY")?,
        Err(_) => FieldCipher::load_or_create(&db.key_file)?,
    };
    let store = Store::connect(&db.database_url, cipher).await.with_context(|| format!("connecting to {}", redact(&db.database_url)))?;
    store.migrate().await.context("applying migrations")?;
    Ok(store)
}

/// Never print a database password.
fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

fn progress(len: usize, what: &str) -> ProgressBar {
    let bar = ProgressBar::new(len as u64);
    bar.set_style(ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} ({eta})").unwrap_or_else(|_| ProgressStyle::default_bar()).progress_chars("=> "));
    bar.set_message(what.to_owned());
    bar
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    init_logging(&cli.db.log_format);
    match run(cli).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<std::process::ExitCode> {
    let store = open_store(&cli.db).await?;
    match cli.command {
        Command::Serve { bind, demo, insecure_cookies, no_worker, sso } => {
            // Checked before anything starts: a half-configured SSO is an error, not "off".
            let oidc = sso.settings()?;
            if demo && store.seed_demo().await? {
                tracing::info!("seeded the demo consortium; demo accounts are listed on the sign-in page");
            }
            let worker_stop = std::sync::Arc::new(tokio::sync::Notify::new());
            let worker = if no_worker {
                None
            } else {
                // One public URL for SSO redirects and the links in scheduled-report notices.
                let mut config = sendero_jobs::WorkerConfig::from_env();
                if let Some(url) = sso.public_url.as_deref().filter(|u| !u.trim().is_empty()) {
                    config.public_url = url.trim().to_owned();
                }
                let w = sendero_jobs::Worker::new(store.clone(), std::sync::Arc::new(sendero_web::pages::calendar::FluentTexts), config)?
                    .with_reports(std::sync::Arc::new(sendero_web::pages::schedules::Scheduler));
                let stop = worker_stop.clone();
                Some(tokio::spawn(async move { w.run(async move { stop.notified().await }).await }))
            };
            let state = AppState::new(store, Settings { demo, secure_cookies: !insecure_cookies, oidc });
            let app = Application::build(state, &bind).await?;
            tracing::info!(address = %app.local_addr(), "Sendero is listening");
            app.run_until_stopped().await?;
            worker_stop.notify_one();
            if let Some(w) = worker {
                let _ = w.await;
            }
        }
        Command::Migrate => println!("migrations applied"),
        Command::Worker { until_idle } => {
            let worker =
                sendero_jobs::Worker::new(store, std::sync::Arc::new(sendero_web::pages::calendar::FluentTexts), sendero_jobs::WorkerConfig::from_env())?
                    .with_reports(std::sync::Arc::new(sendero_web::pages::schedules::Scheduler));
            if until_idle {
                let mut total = sendero_jobs::PassStats::default();
                loop {
                    let s = worker.pass(chrono::Utc::now()).await?;
                    if s.is_idle() {
                        break;
                    }
                    total.reminders += s.reminders;
                    total.sent += s.sent;
                    total.failed += s.failed;
                    total.opted_out += s.opted_out;
                    total.reports += s.reports;
                }
                println!("reminders {} sent {} failed {} opted_out {} reports {}", total.reminders, total.sent, total.failed, total.opted_out, total.reports);
            } else {
                worker
                    .run(async {
                        let _ = tokio::signal::ctrl_c().await;
                    })
                    .await;
            }
        }
        Command::Demo { clients: None } => {
            if store.seed_demo().await? {
                println!("seeded the demo consortium (password for every demo account: {})", sendero_store::demo::DEMO_PASSWORD);
            } else {
                println!("the database is not empty; demo data not added");
            }
        }
        Command::Demo { clients: Some(n) } => {
            let bar = progress(n, "seeding");
            let org = store.seed_synthetic(n, &|done, _| bar.set_position(done as u64)).await?;
            bar.finish();
            println!("organization {org}: {n} synthetic clients");
        }
        Command::Import(ImportCommand::Clients { file, org, mappings }) => {
            store.organization(org).await.context("no such organization")?;
            let data = std::fs::File::open(&file).with_context(|| format!("opening {}", file.display()))?;
            let mapping = Mapping(mappings.into_iter().collect());
            match import::parse(std::io::BufReader::new(data), &mapping) {
                Err(errors) => {
                    eprintln!("{} problem(s); nothing was imported:", errors.len());
                    for e in &errors {
                        eprintln!("  line {}, field {}: {}", e.line, if e.field.is_empty() { "-" } else { &e.field }, e.code);
                    }
                    return Ok(std::process::ExitCode::from(2));
                }
                Ok(rows) => {
                    let bar = progress(rows.len(), "importing");
                    let n = store.import_clients(Actor { user_id: None, org_id: org }, &rows, &|done, _| bar.set_position(done as u64)).await?;
                    bar.finish();
                    println!("imported {n} clients");
                }
            }
        }
        Command::Export(ExportCommand::Clients { org, out }) => {
            let n = match out {
                Some(path) => store.export_clients(org, std::fs::File::create(&path)?).await?,
                None => store.export_clients(org, std::io::stdout().lock()).await?,
            };
            eprintln!("exported {n} clients");
        }
        Command::Audit(AuditCommand::Verify) => {
            let report = store.audit_verify().await?;
            if report.broken.is_empty() {
                println!("audit log verified: {} entries, chain intact", report.entries);
            } else {
                for (org, seq, what) in &report.broken {
                    println!("organization {org}, entry {seq}: {what} does not verify");
                }
                println!("audit log TAMPERED: {} problem(s) in {} entries", report.broken.len(), report.entries);
                return Ok(std::process::ExitCode::FAILURE);
            }
        }
        Command::User(UserCommand::Add { org, email, name, role, password }) => {
            let role = sendero_domain::Role::parse(&role).context("unknown role")?;
            store.organization(org).await.context("no such organization")?;
            let id = store
                .create_user(None, NewUser { org_id: org, email: &email, display_name: &name, password: &password, role, locale: "en", caseload_limit: 25 })
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("user {id} created");
        }
        Command::Org(OrgCommand::Add { name, city }) => {
            let id = store.create_organization(None, None, &name, "lead", city.as_deref()).await?;
            println!("{id}");
        }
        Command::Org(OrgCommand::List) => {
            for o in store.all_organizations().await? {
                println!("{}\t{}\t{}\t{}", o.id, o.kind, o.name, o.city.unwrap_or_default());
            }
        }
        Command::Dedup(DedupCommand::Scan { org, threshold, csv }) => {
            store.organization(org).await.context("no such organization")?;
            let started = std::time::Instant::now();
            let pairs = store.dedup_scan(org, threshold).await?;
            if csv {
                println!("left_id,right_id,score,probability");
                for p in &pairs {
                    println!("{},{},{:.3},{:.6}", p.left_id, p.right_id, p.score, p.probability);
                }
            } else {
                println!("{} candidate pair(s) at score >= {threshold} in {:.1?}", pairs.len(), started.elapsed());
            }
        }
        Command::Backup { path, sqlite_file: true } => {
            store.backup_sqlite(&path).await?;
            println!("backup written to {}", path.display());
        }
        Command::Backup { path, sqlite_file: false } => {
            let manifest = store.backup_to_dir(&path).await?;
            let rows: u64 = manifest.tables.iter().map(|t| t.rows).sum();
            println!("backup written to {}: {} tables, {rows} rows", path.display(), manifest.tables.len());
        }
        Command::Keys(command) => return protection::keys(&store, &cli.db.key_file, command).await,
        Command::Retention(command) => return protection::retention(&store, command).await,
        Command::Restore { dir } => {
            let manifest = store.restore_from_dir(&dir).await?;
            let rows: u64 = manifest.tables.iter().map(|t| t.rows).sum();
            println!("restored {} tables, {rows} rows from {}", manifest.tables.len(), dir.display());
        }
        Command::Lottery(command) => return lottery::run(&store, command).await,
        Command::Directory(command) => return directory::run(&store, command).await,
        Command::Rollups { org } => {
            let started = std::time::Instant::now();
            let cells = store.rebuild_rollups(org).await?;
            println!("{cells} rollup cells rebuilt in {:.1?}", started.elapsed());
        }
    }
    Ok(std::process::ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_passwords() {
        assert_eq!(redact("postgres://app:s3cret@db/sendero"), "postgres://app:***@db/sendero");
        assert_eq!(redact("sqlite://sendero.db"), "sqlite://sendero.db");
    }

    #[test]
    fn cli_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
