//! Consent to share a client's information with another organization: what, with whom, for
//! what purpose, from when to when, how it was given. Access follows from `is_active` alone, so
//! an expired or revoked consent cuts access the moment it ends.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::FieldErrors;
use crate::text;

/// The parts of a record a consent can open. Identity (name, languages) always travels with
/// a consent: the recipient must know whom it is helping. Case notes never do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentScope {
    /// Current phone numbers, email and address.
    Contacts,
    /// Program, phase and case manager of open cases.
    Case,
    /// Court hearings, ICE check-ins and appointments.
    Hearings,
    /// Goals, tasks and crisis plan.
    ServicePlan,
    /// Services logged.
    Services,
    /// Assessment scores (not answers).
    Assessments,
}

impl ConsentScope {
    pub const ALL: [ConsentScope; 6] =
        [ConsentScope::Contacts, ConsentScope::Case, ConsentScope::Hearings, ConsentScope::ServicePlan, ConsentScope::Services, ConsentScope::Assessments];

    pub fn as_str(self) -> &'static str {
        match self {
            ConsentScope::Contacts => "contacts",
            ConsentScope::Case => "case",
            ConsentScope::Hearings => "hearings",
            ConsentScope::ServicePlan => "service_plan",
            ConsentScope::Services => "services",
            ConsentScope::Assessments => "assessments",
        }
    }

    pub fn parse(s: &str) -> Option<ConsentScope> {
        ConsentScope::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Parse a stored comma-separated list, skipping unknown values (from newer versions).
    pub fn parse_list(s: &str) -> Vec<ConsentScope> {
        s.split(',').filter_map(|p| ConsentScope::parse(p.trim())).collect()
    }

    pub fn join(scopes: &[ConsentScope]) -> String {
        scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(",")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentMethod {
    Signed,
    /// Verbal consent needs a witness.
    Verbal,
}

impl ConsentMethod {
    pub const ALL: [ConsentMethod; 2] = [ConsentMethod::Signed, ConsentMethod::Verbal];
    pub fn as_str(self) -> &'static str {
        match self {
            ConsentMethod::Signed => "signed",
            ConsentMethod::Verbal => "verbal",
        }
    }
    pub fn parse(s: &str) -> Option<ConsentMethod> {
        ConsentMethod::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Whom the consent opens the record to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Recipient {
    Organization(i64),
    /// Every organization of the holder's consortium.
    Consortium,
}

/// The form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ConsentInput {
    pub purpose: String,
    /// An organization id, or `consortium`.
    pub recipient: String,
    pub scopes: Vec<String>,
    pub starts_on: String,
    pub ends_on: String,
    pub method: String,
    pub witness: String,
    pub language: String,
}

/// A valid consent, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentDraft {
    pub purpose: String,
    pub recipient: Recipient,
    pub scopes: Vec<ConsentScope>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub method: ConsentMethod,
    pub witness: Option<String>,
    pub language: String,
}

/// Longest consent accepted in one go; longer sharing needs the client to renew it.
pub const MAX_DAYS: i64 = 366;

impl ConsentDraft {
    /// Validate a consent form. `holder_org` is the organization recording it: a consent
    /// to oneself means nothing and is refused.
    pub fn parse(input: &ConsentInput, holder_org: i64, today: NaiveDate) -> Result<ConsentDraft, FieldErrors> {
        let mut errors = FieldErrors::default();
        let purpose = text::required(&input.purpose, 300).map_err(|e| errors.push("purpose", e)).ok();
        let recipient = match input.recipient.trim() {
            "consortium" => Some(Recipient::Consortium),
            raw => match raw.parse::<i64>() {
                Ok(id) if id == holder_org => {
                    errors.push("recipient", "consent-error-self");
                    None
                }
                Ok(id) if id > 0 => Some(Recipient::Organization(id)),
                _ => {
                    errors.push("recipient", "error-required");
                    None
                }
            },
        };
        let mut scopes = vec![];
        for raw in &input.scopes {
            match ConsentScope::parse(raw) {
                Some(s) if !scopes.contains(&s) => scopes.push(s),
                Some(_) => {}
                None => errors.push("scopes", "error-invalid"),
            }
        }
        if scopes.is_empty() && errors.get("scopes").is_none() {
            errors.push("scopes", "consent-error-scopes");
        }
        let date = |raw: &str, field: &str, errors: &mut FieldErrors| match raw.trim().parse::<NaiveDate>() {
            Ok(d) => Some(d),
            Err(_) => {
                errors.push(field, if raw.trim().is_empty() { "error-required" } else { "error-date-format" });
                None
            }
        };
        let starts_on = date(&input.starts_on, "starts_on", &mut errors);
        let ends_on = date(&input.ends_on, "ends_on", &mut errors);
        if let (Some(s), Some(e)) = (starts_on, ends_on) {
            if e < s {
                errors.push("ends_on", "consent-error-order");
            } else if (e - s).num_days() > MAX_DAYS {
                errors.push("ends_on", "consent-error-too-long");
            } else if e < today {
                errors.push("ends_on", "consent-error-past");
            }
        }
        let method = ConsentMethod::parse(input.method.trim());
        if method.is_none() {
            errors.push("method", "error-required");
        }
        let witness = text::clean(&input.witness, 200).map_err(|e| errors.push("witness", e)).ok().flatten();
        if method == Some(ConsentMethod::Verbal) && witness.is_none() && errors.get("witness").is_none() {
            errors.push("witness", "consent-error-witness");
        }
        let language = text::required(&input.language, 40).map_err(|e| errors.push("language", e)).ok();
        match (purpose, recipient, starts_on, ends_on, method, language) {
            (Some(purpose), Some(recipient), Some(starts_on), Some(ends_on), Some(method), Some(language)) if errors.is_empty() => {
                Ok(ConsentDraft { purpose, recipient, scopes, starts_on, ends_on, method, witness, language })
            }
            _ => Err(errors),
        }
    }
}

/// Is a consent in force on `day`? Revocation wins over dates.
pub fn is_active(starts_on: NaiveDate, ends_on: NaiveDate, revoked: bool, day: NaiveDate) -> bool {
    !revoked && starts_on <= day && day <= ends_on
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn valid() -> ConsentInput {
        ConsentInput {
            purpose: "Hearing in Houston".into(),
            recipient: "7".into(),
            scopes: vec!["hearings".into(), "service_plan".into()],
            starts_on: "2026-11-24".into(),
            ends_on: "2027-02-22".into(),
            method: "signed".into(),
            witness: String::new(),
            language: "es".into(),
        }
    }

    #[test]
    fn a_valid_consent_parses() {
        let c = ConsentDraft::parse(&valid(), 1, d("2026-11-24")).unwrap();
        assert_eq!(c.recipient, Recipient::Organization(7));
        assert_eq!(c.scopes, vec![ConsentScope::Hearings, ConsentScope::ServicePlan]);
        assert_eq!((c.ends_on - c.starts_on).num_days(), 90);
        let consortium = ConsentInput { recipient: "consortium".into(), ..valid() };
        assert_eq!(ConsentDraft::parse(&consortium, 1, d("2026-11-24")).unwrap().recipient, Recipient::Consortium);
    }

    #[test]
    fn every_problem_is_named() {
        let bad = ConsentInput {
            purpose: " ".into(),
            recipient: "1".into(),
            scopes: vec!["notes".into()],
            starts_on: "2026-12-01".into(),
            ends_on: "2026-11-30".into(),
            method: "verbal".into(),
            witness: String::new(),
            language: String::new(),
        };
        let e = ConsentDraft::parse(&bad, 1, d("2026-11-24")).unwrap_err();
        assert_eq!(e.get("purpose"), Some("error-required"));
        assert_eq!(e.get("recipient"), Some("consent-error-self"));
        assert_eq!(e.get("scopes"), Some("error-invalid"), "case notes are not a scope");
        assert_eq!(e.get("ends_on"), Some("consent-error-order"));
        assert_eq!(e.get("witness"), Some("consent-error-witness"));
        assert_eq!(e.get("language"), Some("error-required"));
        let empty = ConsentInput { scopes: vec![], ..valid() };
        assert_eq!(ConsentDraft::parse(&empty, 1, d("2026-11-24")).unwrap_err().get("scopes"), Some("consent-error-scopes"));
        let long = ConsentInput { ends_on: "2028-01-01".into(), ..valid() };
        assert_eq!(ConsentDraft::parse(&long, 1, d("2026-11-24")).unwrap_err().get("ends_on"), Some("consent-error-too-long"));
        let past = ConsentInput { starts_on: "2026-01-01".into(), ends_on: "2026-02-01".into(), ..valid() };
        assert_eq!(ConsentDraft::parse(&past, 1, d("2026-11-24")).unwrap_err().get("ends_on"), Some("consent-error-past"));
    }

    #[test]
    fn activity_follows_dates_and_revocation() {
        let (s, e) = (d("2026-11-24"), d("2027-02-22"));
        assert!(!is_active(s, e, false, d("2026-11-23")), "before");
        assert!(is_active(s, e, false, s) && is_active(s, e, false, e), "first and last day");
        assert!(!is_active(s, e, false, d("2027-02-23")), "after");
        assert!(!is_active(s, e, true, d("2026-12-01")), "revoked");
    }

    #[test]
    fn scope_lists_round_trip() {
        let all = ConsentScope::ALL.to_vec();
        assert_eq!(ConsentScope::parse_list(&ConsentScope::join(&all)), all);
        assert_eq!(ConsentScope::parse_list("contacts,unknown,case"), vec![ConsentScope::Contacts, ConsentScope::Case]);
    }
}
