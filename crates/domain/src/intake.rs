//! Intake: how a candidate reached the program and what they told the intake worker.

use serde::Serialize;

use crate::eligibility::Screening;
use crate::{text, FieldErrors};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferralSource {
    /// Referred by a named community partner.
    CommunityReferral,
    /// Walked in at a site.
    WalkIn,
    /// Met through outreach at a field office.
    Outreach,
    /// Referred by an agency.
    AgencyReferral,
    /// Submitted the public self-referral form.
    SelfReferral,
}

impl ReferralSource {
    pub const ALL: [ReferralSource; 5] =
        [ReferralSource::CommunityReferral, ReferralSource::WalkIn, ReferralSource::Outreach, ReferralSource::AgencyReferral, ReferralSource::SelfReferral];

    pub fn as_str(self) -> &'static str {
        match self {
            ReferralSource::CommunityReferral => "community_referral",
            ReferralSource::WalkIn => "walk_in",
            ReferralSource::Outreach => "outreach",
            ReferralSource::AgencyReferral => "agency_referral",
            ReferralSource::SelfReferral => "self_referral",
        }
    }

    pub fn parse(s: &str) -> Option<ReferralSource> {
        ReferralSource::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Sources that must name who referred or where (partner, site, field office, agency).
    pub fn needs_detail(self) -> bool {
        !matches!(self, ReferralSource::SelfReferral)
    }
}

/// Raw text of an intake form.
#[derive(Debug, Clone, Default)]
pub struct CandidateInput {
    pub given_names: String,
    pub family_names: String,
    pub language: String,
    pub referral_source: String,
    pub referral_detail: String,
    pub contact: String,
    pub interested: bool,
    pub consent_contact: bool,
    pub screening: Vec<(String, String)>,
}

/// A validated intake record.
#[derive(Debug, Clone, PartialEq)]
pub struct CandidateDraft {
    pub given_names: String,
    pub family_names: Option<String>,
    pub language: String,
    pub referral_source: ReferralSource,
    pub referral_detail: Option<String>,
    pub contact: Option<String>,
    pub interested: bool,
    pub consent_contact: bool,
    pub screening: Screening,
}

impl CandidateDraft {
    pub fn parse(input: &CandidateInput) -> Result<CandidateDraft, FieldErrors> {
        let mut errors = FieldErrors::default();
        let given_names = text::required(&input.given_names, 200).map_err(|e| errors.push("given_names", e)).unwrap_or_default();
        let family_names = text::clean(&input.family_names, 200).map_err(|e| errors.push("family_names", e)).unwrap_or_default();
        let language = text::required(&input.language, 40).map_err(|e| errors.push("language", e)).unwrap_or_default();
        let referral_source = ReferralSource::parse(input.referral_source.trim());
        if referral_source.is_none() {
            errors.push("referral_source", "intake-error-referral-source");
        }
        let referral_detail = text::clean(&input.referral_detail, 200).map_err(|e| errors.push("referral_detail", e)).unwrap_or_default();
        if referral_source.is_some_and(ReferralSource::needs_detail) && referral_detail.is_none() {
            errors.push("referral_detail", "intake-error-referral-detail");
        }
        let contact = text::clean(&input.contact, 200).map_err(|e| errors.push("contact", e)).unwrap_or_default();
        if input.consent_contact && contact.is_none() {
            errors.push("contact", "intake-error-contact-needed");
        }
        let screening = match Screening::parse(input.screening.iter().map(|(k, v)| (k.as_str(), v.as_str()))) {
            Ok(s) => s,
            Err(e) => {
                errors.0.extend(e.0);
                Screening::default()
            }
        };
        errors.into_result(CandidateDraft {
            given_names,
            family_names,
            language,
            referral_source: referral_source.unwrap_or(ReferralSource::WalkIn),
            referral_detail,
            contact,
            interested: input.interested,
            consent_contact: input.consent_contact,
            screening,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intake_requires_name_language_and_referral_detail() {
        let errors = CandidateDraft::parse(&CandidateInput { referral_source: "walk_in".into(), consent_contact: true, ..Default::default() }).unwrap_err();
        assert_eq!(errors.get("given_names"), Some("error-required"));
        assert_eq!(errors.get("language"), Some("error-required"));
        assert_eq!(errors.get("referral_detail"), Some("intake-error-referral-detail"));
        assert_eq!(errors.get("contact"), Some("intake-error-contact-needed"));
    }

    #[test]
    fn self_referral_needs_no_detail() {
        let d = CandidateDraft::parse(&CandidateInput {
            given_names: "Darwin".into(),
            language: "es".into(),
            referral_source: "self_referral".into(),
            screening: vec![("in_removal_proceedings".into(), "yes".into())],
            ..Default::default()
        })
        .unwrap();
        assert!(d.screening.flag("in_removal_proceedings"));
    }
}
