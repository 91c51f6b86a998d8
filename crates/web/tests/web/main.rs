//! HTTP tests: the real app on port 0, on SQLite and on PostgreSQL.

mod support;

mod api;
mod assessments;
mod authorization;
mod calendar;
mod dashboards;
mod dedup;
mod firewall;
mod i18n;
mod lottery;
mod pages;
mod protection;
mod schedules;
mod services;
mod sessions;
mod sharing;
mod sso;
mod tasks;
mod volunteers;
