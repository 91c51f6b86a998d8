//! Sendero's domain: the types and rules of case management, free of IO.
//!
//! Values are parsed once at the edge (`parse` constructors) and are valid from then on.

pub mod board;
pub mod calendar;
pub mod care;
pub mod case;
pub mod client;
pub mod consent;
pub mod eligibility;
pub mod error;
pub mod evaluation;
pub mod geo;
pub mod instrument;
pub mod intake;
pub mod lottery;
pub mod outcomes;
pub mod report_schedule;
pub mod role;
pub mod services;
pub mod suppression;
pub mod text;

pub use case::{CaseStatus, ClosureReason, Phase, ProgramKind, Transition};
pub use client::{ApproxDate, ClientDraft, ClientInput, ContactKind, DatePrecision, Relationship};
pub use error::{FieldError, FieldErrors};
pub use role::{Permission, Role};
