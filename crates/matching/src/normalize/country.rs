//! Country names and codes to ISO-3166 alpha-2.

use super::fold_name;

/// Folded country names (English and Spanish, plus common variants) of the
/// countries this project's clients most often come from.
const NAMES: &[(&str, &str)] = &[
    ("afghanistan", "AF"),
    ("afganistan", "AF"),
    ("argentina", "AR"),
    ("bangladesh", "BD"),
    ("bhutan", "BT"),
    ("bolivia", "BO"),
    ("brazil", "BR"),
    ("brasil", "BR"),
    ("burma", "MM"),
    ("myanmar", "MM"),
    ("burundi", "BI"),
    ("cameroon", "CM"),
    ("camerun", "CM"),
    ("chile", "CL"),
    ("china", "CN"),
    ("colombia", "CO"),
    ("congo", "CG"),
    ("drc", "CD"),
    ("democratic republic of the congo", "CD"),
    ("dr congo", "CD"),
    ("cuba", "CU"),
    ("dominican republic", "DO"),
    ("republica dominicana", "DO"),
    ("ecuador", "EC"),
    ("egypt", "EG"),
    ("egipto", "EG"),
    ("el salvador", "SV"),
    ("salvador", "SV"),
    ("eritrea", "ER"),
    ("ethiopia", "ET"),
    ("etiopia", "ET"),
    ("guatemala", "GT"),
    ("guinea", "GN"),
    ("haiti", "HT"),
    ("ayiti", "HT"),
    ("honduras", "HN"),
    ("india", "IN"),
    ("iran", "IR"),
    ("iraq", "IQ"),
    ("irak", "IQ"),
    ("jordan", "JO"),
    ("lebanon", "LB"),
    ("libano", "LB"),
    ("liberia", "LR"),
    ("libya", "LY"),
    ("mali", "ML"),
    ("mexico", "MX"),
    ("nepal", "NP"),
    ("nicaragua", "NI"),
    ("nigeria", "NG"),
    ("pakistan", "PK"),
    ("palestine", "PS"),
    ("palestina", "PS"),
    ("peru", "PE"),
    ("russia", "RU"),
    ("rusia", "RU"),
    ("rwanda", "RW"),
    ("senegal", "SN"),
    ("sierra leone", "SL"),
    ("somalia", "SO"),
    ("south sudan", "SS"),
    ("sudan del sur", "SS"),
    ("sudan", "SD"),
    ("sri lanka", "LK"),
    ("syria", "SY"),
    ("siria", "SY"),
    ("tajikistan", "TJ"),
    ("turkey", "TR"),
    ("turkiye", "TR"),
    ("turquia", "TR"),
    ("ukraine", "UA"),
    ("ucrania", "UA"),
    ("united states", "US"),
    ("usa", "US"),
    ("estados unidos", "US"),
    ("uzbekistan", "UZ"),
    ("venezuela", "VE"),
    ("yemen", "YE"),
    ("ivory coast", "CI"),
    ("cote d ivoire", "CI"),
    ("cote divoire", "CI"),
];

/// ISO-3166 alpha-2 code for a code or known name; otherwise the folded
/// name, so two spellings of an unknown country still compare equal.
/// `None` for blank input.
pub fn normalize_country(raw: &str) -> Option<String> {
    let trimmed = raw.trim();
    if trimmed.len() == 2 && trimmed.chars().all(|c| c.is_ascii_alphabetic()) {
        return Some(trimmed.to_ascii_uppercase());
    }
    let folded = fold_name(trimmed);
    if folded.is_empty() {
        return None;
    }
    let code = NAMES.iter().find(|(name, _)| *name == folded).map(|(_, code)| code.to_string());
    Some(code.unwrap_or(folded))
}

#[cfg(test)]
mod tests {
    use super::normalize_country;

    #[test]
    fn names_and_codes() {
        assert_eq!(normalize_country("México").as_deref(), Some("MX"));
        assert_eq!(normalize_country("mx").as_deref(), Some("MX"));
        assert_eq!(normalize_country("Afganistán").as_deref(), Some("AF"));
        assert_eq!(normalize_country("  ").as_deref(), None);
    }
}
