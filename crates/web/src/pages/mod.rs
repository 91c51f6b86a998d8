//! Server-rendered pages, one module per area.

pub mod account;
pub mod admin;
pub mod assessments;
pub mod calendar;
pub mod cases;
pub mod clients;
pub mod dashboard;
pub mod dedup;
pub mod households;
pub mod import;
pub mod reports;
pub mod session;
pub mod system;
pub mod tasks;
