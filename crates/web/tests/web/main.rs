//! HTTP tests: the real app on port 0, on SQLite and on PostgreSQL.

mod support;

mod api;
mod assessments;
mod authorization;
mod dedup;
mod i18n;
mod pages;
mod services;
mod sessions;
mod tasks;
