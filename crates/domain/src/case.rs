//! A case's lifecycle: the program's phases as a state machine, closure and re-opening.

use serde::{Deserialize, Serialize};

/// The four programs of the seeds; each has its own phase sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgramKind {
    Destination,
    CommunityNetwork,
    TraffickingSurvivor,
    DetentionAlternative,
}

impl ProgramKind {
    pub const ALL: [ProgramKind; 4] =
        [ProgramKind::Destination, ProgramKind::CommunityNetwork, ProgramKind::TraffickingSurvivor, ProgramKind::DetentionAlternative];

    pub fn as_str(self) -> &'static str {
        match self {
            ProgramKind::Destination => "destination",
            ProgramKind::CommunityNetwork => "community_network",
            ProgramKind::TraffickingSurvivor => "trafficking_survivor",
            ProgramKind::DetentionAlternative => "detention_alternative",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Phase sequence of the program's service model, in order.
    pub fn phases(self) -> &'static [Phase] {
        use Phase::*;
        match self {
            // The destination model's four phases (seed: CVT evidence brief).
            ProgramKind::Destination => &[Engagement, AssessmentPlanning, LinkageAccompaniment, StabilizationClosure],
            ProgramKind::CommunityNetwork => &[Engagement, NetworkFormation, LinkageAccompaniment, StabilizationClosure],
            // NACM ingredients: relationship, assessment, plan, link and follow up, monitor.
            ProgramKind::TraffickingSurvivor => &[Engagement, AssessmentPlanning, LinkageAccompaniment, Monitoring, StabilizationClosure],
            ProgramKind::DetentionAlternative => &[Enrollment, AssessmentPlanning, LinkageAccompaniment, Monitoring, StabilizationClosure],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Enrollment,
    Engagement,
    NetworkFormation,
    AssessmentPlanning,
    LinkageAccompaniment,
    Monitoring,
    StabilizationClosure,
}

impl Phase {
    pub const ALL: [Phase; 7] = [
        Phase::Enrollment,
        Phase::Engagement,
        Phase::NetworkFormation,
        Phase::AssessmentPlanning,
        Phase::LinkageAccompaniment,
        Phase::Monitoring,
        Phase::StabilizationClosure,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Enrollment => "enrollment",
            Phase::Engagement => "engagement",
            Phase::NetworkFormation => "network_formation",
            Phase::AssessmentPlanning => "assessment_planning",
            Phase::LinkageAccompaniment => "linkage_accompaniment",
            Phase::Monitoring => "monitoring",
            Phase::StabilizationClosure => "stabilization_closure",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Open,
    Closed,
}

impl CaseStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Open => "open",
            CaseStatus::Closed => "closed",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "open" => Some(CaseStatus::Open),
            "closed" => Some(CaseStatus::Closed),
            _ => None,
        }
    }
}

/// Why a case closed. Lost contact is its own reason so outcome reports count it as attrition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClosureReason {
    GoalsMet,
    MovedAway,
    LostContact,
    Declined,
    Other,
    /// Handed to another organization (set by an accepted transfer, never chosen on the form).
    Transferred,
}

impl ClosureReason {
    pub const ALL: [ClosureReason; 5] =
        [ClosureReason::GoalsMet, ClosureReason::MovedAway, ClosureReason::LostContact, ClosureReason::Declined, ClosureReason::Other];
    pub fn as_str(self) -> &'static str {
        match self {
            ClosureReason::GoalsMet => "goals_met",
            ClosureReason::MovedAway => "moved_away",
            ClosureReason::LostContact => "lost_contact",
            ClosureReason::Declined => "declined",
            ClosureReason::Other => "other",
            ClosureReason::Transferred => "transferred",
        }
    }
    /// Reasons a person can choose when closing a case.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
    /// Any stored reason, including those set by the system.
    pub fn parse_stored(s: &str) -> Option<Self> {
        Self::parse(s).or((s == "transferred").then_some(ClosureReason::Transferred))
    }
}

/// What a user asks to do with a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    Advance,
    StepBack,
    Close(ClosureReason),
    Reopen,
}

/// Why a transition was refused; each is a translation key shown to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("case-error-closed")]
    Closed,
    #[error("case-error-already-open")]
    AlreadyOpen,
    #[error("case-error-last-phase")]
    LastPhase,
    #[error("case-error-first-phase")]
    FirstPhase,
    #[error("case-error-phase-not-in-program")]
    PhaseNotInProgram,
}

impl TransitionError {
    pub fn code(self) -> &'static str {
        match self {
            TransitionError::Closed => "case-error-closed",
            TransitionError::AlreadyOpen => "case-error-already-open",
            TransitionError::LastPhase => "case-error-last-phase",
            TransitionError::FirstPhase => "case-error-first-phase",
            TransitionError::PhaseNotInProgram => "case-error-phase-not-in-program",
        }
    }
}

/// A case's state as far as the lifecycle is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseState {
    pub program: ProgramKind,
    pub phase: Phase,
    pub status: CaseStatus,
    pub closure: Option<ClosureReason>,
}

impl CaseState {
    pub fn opened(program: ProgramKind) -> Self {
        CaseState { program, phase: program.phases()[0], status: CaseStatus::Open, closure: None }
    }

    /// Decide the next state. Phases move one step at a time; a case may close from any phase
    /// (people leave, move away or lose contact at any point) and re-opens in the phase it left.
    pub fn apply(self, transition: Transition) -> Result<CaseState, TransitionError> {
        let phases = self.program.phases();
        let index = phases.iter().position(|p| *p == self.phase).ok_or(TransitionError::PhaseNotInProgram)?;
        match (self.status, transition) {
            (CaseStatus::Closed, Transition::Reopen) => Ok(CaseState { status: CaseStatus::Open, closure: None, ..self }),
            (CaseStatus::Closed, _) => Err(TransitionError::Closed),
            (CaseStatus::Open, Transition::Reopen) => Err(TransitionError::AlreadyOpen),
            (CaseStatus::Open, Transition::Advance) => phases.get(index + 1).map(|next| CaseState { phase: *next, ..self }).ok_or(TransitionError::LastPhase),
            (CaseStatus::Open, Transition::StepBack) => {
                index.checked_sub(1).map(|prev| CaseState { phase: phases[prev], ..self }).ok_or(TransitionError::FirstPhase)
            }
            (CaseStatus::Open, Transition::Close(reason)) => Ok(CaseState { status: CaseStatus::Closed, closure: Some(reason), ..self }),
        }
    }

    /// Transitions that are valid now, for showing only the buttons that will work.
    pub fn available(self) -> Vec<Transition> {
        [Transition::Advance, Transition::StepBack, Transition::Close(ClosureReason::Other), Transition::Reopen]
            .into_iter()
            .filter(|t| self.apply(*t).is_ok())
            .collect()
    }
}

/// Caseload rule: a case manager at or above their limit can only take a case with a
/// supervisor's recorded override.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("caseload-error-full")]
pub struct CaseloadFull {
    pub current: i64,
    pub limit: i64,
}

pub fn check_caseload(current: i64, limit: i64, supervisor_override: bool) -> Result<(), CaseloadFull> {
    if current < limit || supervisor_override {
        Ok(())
    } else {
        Err(CaseloadFull { current, limit })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn advances_through_destination_phases_then_refuses() {
        let mut s = CaseState::opened(ProgramKind::Destination);
        assert_eq!(s.phase, Phase::Engagement);
        for expected in [Phase::AssessmentPlanning, Phase::LinkageAccompaniment, Phase::StabilizationClosure] {
            s = s.apply(Transition::Advance).unwrap();
            assert_eq!(s.phase, expected);
        }
        assert_eq!(s.apply(Transition::Advance), Err(TransitionError::LastPhase));
    }

    #[test]
    fn closed_case_refuses_everything_but_reopen() {
        let s = CaseState::opened(ProgramKind::TraffickingSurvivor).apply(Transition::Close(ClosureReason::LostContact)).unwrap();
        assert_eq!(s.closure, Some(ClosureReason::LostContact));
        assert_eq!(s.apply(Transition::Advance), Err(TransitionError::Closed));
        assert_eq!(s.apply(Transition::Close(ClosureReason::Other)), Err(TransitionError::Closed));
        let reopened = s.apply(Transition::Reopen).unwrap();
        assert_eq!(reopened.status, CaseStatus::Open);
        assert_eq!(reopened.phase, Phase::Engagement);
        assert_eq!(reopened.apply(Transition::Reopen), Err(TransitionError::AlreadyOpen));
    }

    #[test]
    fn first_phase_cannot_step_back() {
        let s = CaseState::opened(ProgramKind::DetentionAlternative);
        assert_eq!(s.apply(Transition::StepBack), Err(TransitionError::FirstPhase));
        assert_eq!(s.available(), vec![Transition::Advance, Transition::Close(ClosureReason::Other)]);
    }

    #[test]
    fn caseload_limit_needs_override() {
        assert!(check_caseload(24, 25, false).is_ok());
        assert_eq!(check_caseload(25, 25, false), Err(CaseloadFull { current: 25, limit: 25 }));
        assert!(check_caseload(25, 25, true).is_ok());
    }

    proptest! {
        /// Whatever sequence of transitions is attempted, the phase stays within the program.
        #[test]
        fn phase_always_belongs_to_program(kind in 0usize..4, steps in proptest::collection::vec(0u8..4, 0..40)) {
            let program = ProgramKind::ALL[kind];
            let mut s = CaseState::opened(program);
            for step in steps {
                let t = match step { 0 => Transition::Advance, 1 => Transition::StepBack, 2 => Transition::Close(ClosureReason::GoalsMet), _ => Transition::Reopen };
                if let Ok(next) = s.apply(t) { s = next; }
                prop_assert!(program.phases().contains(&s.phase));
                prop_assert_eq!(s.status == CaseStatus::Closed, s.closure.is_some());
            }
        }
    }
}
