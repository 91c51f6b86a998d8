//! Care networks around a family: members' roles and what each role may see; rides and their
//! purposes.

use serde::{Deserialize, Serialize};

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }
    };
}

string_enum!(
    /// A member's part in a family's care network.
    NetworkRole {
        Coordinator => "coordinator",
        Navigator => "navigator",
        NaturalHelper => "natural_helper",
        Driver => "driver",
        Interpreter => "interpreter",
        Mentor => "mentor",
    }
);

string_enum!(
    /// Why a ride is needed (reports total rides and miles by purpose).
    RidePurpose {
        IceCheckIn => "ice_check_in",
        ImmigrationCourt => "immigration_court",
        Medical => "medical",
        School => "school",
        Other => "other",
    }
);

string_enum!(
    /// A ride or interpretation request: requested (offered to proposed volunteers) → accepted
    /// by the first to answer → completed (mileage logged), or cancelled.
    RideStatus {
        Requested => "requested",
        Accepted => "accepted",
        Completed => "completed",
        Cancelled => "cancelled",
    }
);

string_enum!(
    /// What is asked of the volunteer.
    RequestKind {
        Ride => "ride",
        Interpretation => "interpretation",
    }
);

/// What a volunteer member of a family's network may see. Immigration details and case notes
/// are never part of a role: a coordinator grants them to one member explicitly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Visibility {
    /// The family's phone numbers (to arrange help).
    pub phone: bool,
    /// Children's ages (child seats, school, activities).
    pub children_ages: bool,
    /// Country, A-number, hearings.
    pub immigration: bool,
    pub case_notes: bool,
}

impl NetworkRole {
    pub fn visibility(self, sensitive_granted: bool) -> Visibility {
        use NetworkRole::*;
        Visibility {
            // Mentors meet the family through the agency's activities and do not need the phone.
            phone: !matches!(self, Mentor),
            // Interpreters work with the adults.
            children_ages: !matches!(self, Interpreter),
            immigration: sensitive_granted,
            case_notes: sensitive_granted,
        }
    }

    /// Roles a volunteer may hold; staff may hold any.
    pub fn open_to_volunteers(self) -> bool {
        !matches!(self, NetworkRole::Coordinator)
    }
}

/// Canonical language name for matching ("Español", "es", "spanish" → "spanish").
pub fn canonical_language(raw: &str) -> String {
    let folded = crate::text::fold(raw.trim());
    let canonical = match folded.as_str() {
        "es" | "espanol" | "spanish" | "castellano" => "spanish",
        "en" | "ingles" | "english" => "english",
        "ht" | "creole" | "haitian creole" | "kreyol" | "kreyol ayisyen" | "criollo haitiano" | "creole haitiano" => "haitian creole",
        "fr" | "frances" | "french" | "francais" => "french",
        "pt" | "portugues" | "portuguese" => "portuguese",
        "ar" | "arabe" | "arabic" => "arabic",
        "prs" | "dari" => "dari",
        other => other,
    };
    canonical.to_owned()
}

/// A comma-separated list of languages, canonicalised, without duplicates.
pub fn language_list(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = raw.split([',', ';', '/']).map(canonical_language).filter(|l| !l.is_empty()).collect();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sensitive_fields_need_a_grant_for_every_role() {
        for role in NetworkRole::ALL {
            let v = role.visibility(false);
            assert!(!v.immigration && !v.case_notes, "{role:?}");
            let granted = role.visibility(true);
            assert!(granted.immigration && granted.case_notes);
        }
        assert!(NetworkRole::Driver.visibility(false).phone);
        assert!(!NetworkRole::Mentor.visibility(false).phone);
        assert!(!NetworkRole::Interpreter.visibility(false).children_ages);
        assert!(!NetworkRole::Coordinator.open_to_volunteers());
    }

    #[test]
    fn languages_compare_across_spellings() {
        assert_eq!(language_list("Español, Kreyòl"), vec!["spanish", "haitian creole"]);
        assert_eq!(canonical_language(" Haitian Creole "), "haitian creole");
        assert_eq!(canonical_language("K'iche'"), "k'iche'");
        for p in RidePurpose::ALL {
            assert_eq!(RidePurpose::parse(p.as_str()), Some(*p));
        }
    }
}
