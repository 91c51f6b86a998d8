//! Storage tests: every story runs on SQLite and on PostgreSQL (see `support`).

mod support;

mod audit;
mod calendar;
mod cases;
mod clients;
mod concurrency;
mod dedup;
mod demo;
mod directory;
mod import;
mod lottery;
mod migrations;
mod oidc;
mod protection_backup;
mod protection_keys;
mod protection_retention;
mod protection_two_factor;
mod report_schedules;
mod rollups;
mod services;
mod tasks_outbox;
mod users;
mod volunteers;
