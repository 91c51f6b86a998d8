//! Care networks and volunteers: background checks, trainings, availability, ride and
//! interpreter matching, and the guardian registry. Rules only; storage lives in the store.

pub mod availability;
pub mod checks;
pub mod geo;
pub mod guardians;
pub mod matching;
pub mod network;
pub mod rides;
pub mod signup;

pub use availability::Availability;
pub use checks::{CheckStatus, Clearance};
pub use geo::GeoPoint;
pub use matching::{Candidate, Need, Proposal};
pub use network::{NetworkRole, RequestKind, RidePurpose, RideStatus, Visibility};
