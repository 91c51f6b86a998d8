//! Translation through Fluent. Every user-facing string is looked up here by key.

use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{static_loader, LanguageIdentifier, Loader};

static_loader! {
    static LOCALES = {
        locales: "../../locales",
        fallback_language: "en",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// Languages offered in the language picker: (code, name in that language).
pub const LANGUAGES: [(&str, &str); 2] = [("en", "English"), ("es", "Español")];

/// The language of one response.
#[derive(Debug, Clone)]
pub struct Tr {
    lang: LanguageIdentifier,
    code: &'static str,
}

impl Tr {
    pub fn new(code: &str) -> Tr {
        let code = LANGUAGES.iter().map(|(c, _)| *c).find(|c| *c == code).unwrap_or("en");
        Tr { lang: code.parse().expect("static language codes parse"), code }
    }

    /// Pick from an Accept-Language header (first supported language wins).
    pub fn from_accept_language(header: Option<&str>) -> Tr {
        let wanted = header.unwrap_or("").split(',').filter_map(|part| part.split(';').next()).map(|l| l.trim().to_lowercase());
        for lang in wanted {
            let primary = lang.split('-').next().unwrap_or("");
            if LANGUAGES.iter().any(|(c, _)| *c == primary) {
                return Tr::new(primary);
            }
        }
        Tr::new("en")
    }

    pub fn code(&self) -> &'static str {
        self.code
    }

    /// Translate `key`; a missing key shows itself so it is noticed, never a panic.
    pub fn get(&self, key: &str) -> String {
        LOCALES.try_lookup(&self.lang, key).unwrap_or_else(|| key.to_owned())
    }

    /// Translate with named arguments.
    pub fn with(&self, key: &str, args: &[(&str, String)]) -> String {
        let map: HashMap<std::borrow::Cow<'static, str>, FluentValue> =
            args.iter().map(|(k, v)| (std::borrow::Cow::Owned((*k).to_owned()), FluentValue::from(v.clone()))).collect();
        LOCALES.try_lookup_with_args(&self.lang, key, &map).unwrap_or_else(|| key.to_owned())
    }

    /// Translate with one number argument `n` (plural-aware messages).
    pub fn count(&self, key: &str, n: impl std::borrow::Borrow<i64>) -> String {
        let n = *n.borrow();
        let map: HashMap<std::borrow::Cow<'static, str>, FluentValue> = [(std::borrow::Cow::Borrowed("n"), FluentValue::from(n))].into_iter().collect();
        LOCALES.try_lookup_with_args(&self.lang, key, &map).unwrap_or_else(|| key.to_owned())
    }

    /// Translate an enum-like value (`prefix-value`, underscores as dashes).
    pub fn label(&self, prefix: &str, value: &str) -> String {
        self.get(&format!("{prefix}-{}", value.replace('_', "-")))
    }
}

/// Every key present in one locale file, for the completeness test.
pub fn keys_of(ftl: &str) -> Vec<String> {
    ftl.lines()
        .filter(|l| !l.starts_with([' ', '#', '.', '\t', '[', '*']) && l.contains(" ="))
        .filter_map(|l| l.split(" =").next())
        .map(|k| k.trim().to_owned())
        .filter(|k| !k.is_empty())
        .collect()
}
