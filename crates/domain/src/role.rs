//! Roles and what each may do. Authorization is decided here, once, and enforced by the web layer.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Administrator,
    Supervisor,
    CaseManager,
    IntakeWorker,
    Volunteer,
    Attorney,
    Evaluator,
}

/// Capabilities that routes require. There is deliberately no permission that exports
/// identifiable client data outside the organization holding the case (enforcement firewall).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// See the dashboard and one's own account.
    SignedIn,
    ReadClients,
    WriteClients,
    ReadCases,
    OpenCases,
    WriteCases,
    ReadNotes,
    WriteNotes,
    ViewCaseloads,
    OverrideCaseload,
    ImportExport,
    Administer,
    /// De-identified aggregate reports (outcomes): never individual records.
    ViewReports,
    /// Review duplicate pairs, merge clients and undo merges.
    MergeClients,
    /// Record intake candidates, decide eligibility, record lottery follow-ups.
    RecordIntake,
    /// Write eligibility rules, open and draw lottery rounds, set enrollment goals.
    ManageLottery,
    /// Approve volunteers and guardians, record background checks and trainings.
    CoordinateVolunteers,
    /// Form care networks around families, share tasks, request rides and interpreters.
    CareNetworks,
    /// A volunteer's own view: the families they serve, their rides and tasks.
    ServeFamilies,
    /// Search the guardian registry and request matches for minors (attorneys only).
    SearchGuardians,
}

impl Role {
    pub const ALL: [Role; 7] = [Role::Administrator, Role::Supervisor, Role::CaseManager, Role::IntakeWorker, Role::Volunteer, Role::Attorney, Role::Evaluator];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Supervisor => "supervisor",
            Role::CaseManager => "case_manager",
            Role::IntakeWorker => "intake_worker",
            Role::Volunteer => "volunteer",
            Role::Attorney => "attorney",
            Role::Evaluator => "evaluator",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Volunteers, attorneys and evaluators never see the client register: volunteers see only
    /// families they serve (care networks), attorneys only the guardian registry, evaluators
    /// only de-identified aggregates.
    pub fn can(self, permission: Permission) -> bool {
        use Permission::*;
        use Role::*;
        match permission {
            SignedIn => true,
            ReadClients | WriteClients | ReadCases => {
                matches!(self, Administrator | Supervisor | CaseManager | IntakeWorker)
            }
            OpenCases => matches!(self, Administrator | Supervisor | CaseManager | IntakeWorker),
            WriteCases | ReadNotes | WriteNotes => {
                matches!(self, Administrator | Supervisor | CaseManager)
            }
            ViewCaseloads | OverrideCaseload => matches!(self, Administrator | Supervisor),
            ImportExport | Administer => matches!(self, Administrator),
            ViewReports => matches!(self, Administrator | Supervisor | Evaluator),
            MergeClients => matches!(self, Administrator | Supervisor),
            RecordIntake => matches!(self, Administrator | Supervisor | IntakeWorker),
            ManageLottery => matches!(self, Administrator | Supervisor),
            CoordinateVolunteers => matches!(self, Administrator | Supervisor),
            CareNetworks => matches!(self, Administrator | Supervisor | CaseManager),
            ServeFamilies => matches!(self, Volunteer),
            SearchGuardians => matches!(self, Attorney),
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("ice_officer"), None);
    }

    #[test]
    fn restricted_roles_cannot_read_clients() {
        for role in [Role::Volunteer, Role::Attorney, Role::Evaluator] {
            assert!(!role.can(Permission::ReadClients), "{role}");
            assert!(role.can(Permission::SignedIn));
        }
        assert!(Role::IntakeWorker.can(Permission::WriteClients));
        assert!(!Role::IntakeWorker.can(Permission::ReadNotes));
        assert!(!Role::CaseManager.can(Permission::Administer));
    }
}
