//! Server-rendered pages, one module per area.

pub mod account;
pub mod admin;
pub mod assessments;
pub mod board;
pub mod calendar;
pub mod care;
pub mod cases;
pub mod client_export;
pub mod clients;
pub mod dashboard;
pub mod dedup;
pub mod guardians;
pub mod households;
pub mod import;
pub mod intake;
pub mod lottery;
pub mod overview;
pub mod protection_admin;
pub mod reports;
pub mod session;
pub mod sharing;
pub mod system;
pub mod tasks;
pub mod two_factor;
pub mod volunteers;
