//! Store errors: what went wrong in terms a handler can turn into a response.

use sendero_domain::FieldErrors;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Missing, or belonging to another organization (indistinguishable on purpose).
    #[error("not found")]
    NotFound,
    /// Someone else saved first; `current` is the stored version the user did not see.
    #[error("edit conflict: the record changed since it was loaded")]
    Conflict { current_version: i64, changed: Vec<String> },
    #[error("invalid input: {0}")]
    Invalid(FieldErrors),
    /// A domain rule refused the operation; the code is a translation key.
    #[error("refused: {0}")]
    Refused(&'static str),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

pub type StoreResult<T> = Result<T, StoreError>;
