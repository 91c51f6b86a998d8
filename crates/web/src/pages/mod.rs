//! Server-rendered pages, one module per area.

pub mod account;
pub mod admin;
pub mod assessments;
pub mod cases;
pub mod clients;
pub mod dashboard;
pub mod dedup;
pub mod directory;
pub mod households;
pub mod import;
pub mod referrals;
pub mod reports;
pub mod services;
pub mod session;
pub mod system;
pub mod tasks;
