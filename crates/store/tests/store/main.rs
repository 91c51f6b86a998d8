//! Storage tests: every story runs on SQLite and on PostgreSQL (see `support`).

mod support;

mod audit;
mod cases;
mod clients;
mod concurrency;
mod dedup;
mod demo;
mod import;
mod migrations;
mod services;
mod tasks_outbox;
mod users;
