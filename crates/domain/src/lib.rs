//! Sendero's domain: the types and rules of case management, free of IO.
//!
//! Values are parsed once at the edge (`parse` constructors) and are valid from then on.

pub mod case;
pub mod client;
pub mod error;
pub mod instrument;
pub mod outcomes;
pub mod role;
pub mod services;
pub mod text;

pub use case::{CaseStatus, ClosureReason, Phase, ProgramKind, Transition};
pub use client::{ApproxDate, ClientDraft, ClientInput, ContactKind, DatePrecision, Relationship};
pub use error::{FieldError, FieldErrors};
pub use role::{Permission, Role};
