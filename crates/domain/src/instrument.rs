//! Assessment instruments as data: items, answer scales, domains, scoring rules, required
//! items, translations and when each is taken. A definition is versioned; results keep the
//! version they were taken with, so a new version never changes past results.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

/// The file format's own version, checked on load.
pub const FORMAT: &str = "sendero-instrument/1";

/// Text in several languages; English is the fallback.
pub type Localized = BTreeMap<String, String>;

pub fn localized<'a>(text: &'a Localized, lang: &str) -> &'a str {
    text.get(lang).or_else(|| text.get("en")).or_else(|| text.values().next()).map(String::as_str).unwrap_or("")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Timing {
    Intake,
    Periodic,
    Closure,
}

impl Timing {
    pub const ALL: [Timing; 3] = [Timing::Intake, Timing::Periodic, Timing::Closure];
    pub fn as_str(self) -> &'static str {
        match self {
            Timing::Intake => "intake",
            Timing::Periodic => "periodic",
            Timing::Closure => "closure",
        }
    }
    pub fn parse(s: &str) -> Option<Timing> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scoring {
    Sum,
    Mean,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scale {
    /// Allowed answer values, lowest first (e.g. 1..=4, or 0/1 for yes/no).
    pub values: Vec<i64>,
    /// One label per value, per language.
    pub labels: BTreeMap<String, Vec<String>>,
}

impl Scale {
    pub fn min(&self) -> i64 {
        self.values.iter().copied().min().unwrap_or(0)
    }
    pub fn max(&self) -> i64 {
        self.values.iter().copied().max().unwrap_or(0)
    }
    pub fn label(&self, value: i64, lang: &str) -> String {
        let labels = self.labels.get(lang).or_else(|| self.labels.get("en"));
        let index = self.values.iter().position(|v| *v == value);
        match (labels, index) {
            (Some(l), Some(i)) => l.get(i).cloned().unwrap_or_else(|| value.to_string()),
            _ => value.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Domain {
    pub key: String,
    pub title: Localized,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub key: String,
    pub domain: String,
    pub text: Localized,
    pub scale: String,
    #[serde(default)]
    pub reverse: bool,
    #[serde(default = "yes")]
    pub required: bool,
}

fn yes() -> bool {
    true
}

/// A screening result that raises a flag: positive when any listed item's answer is at least
/// `threshold`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlagRule {
    pub items: Vec<String>,
    pub threshold: i64,
    pub message: Localized,
    /// Referral suggested when the flag is raised.
    pub referral: Localized,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Instrument {
    pub format: String,
    pub key: String,
    pub version: i64,
    pub title: Localized,
    #[serde(default)]
    pub description: Localized,
    pub timing: Vec<Timing>,
    pub scoring: Scoring,
    pub scales: BTreeMap<String, Scale>,
    pub domains: Vec<Domain>,
    pub items: Vec<Item>,
    #[serde(default)]
    pub flag: Option<FlagRule>,
}

/// Why a definition was refused (translation keys with the offending part).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinitionError {
    pub code: &'static str,
    pub detail: String,
}

impl std::fmt::Display for DefinitionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.detail)
    }
}

fn bad(code: &'static str, detail: impl Into<String>) -> DefinitionError {
    DefinitionError { code, detail: detail.into() }
}

impl Instrument {
    /// Parse and check a definition: known format, unique keys, every item's domain and scale
    /// defined, scales non-empty with one label per value.
    pub fn parse(json: &str) -> Result<Instrument, DefinitionError> {
        if json.len() > 1_000_000 {
            return Err(bad("instrument-error-too-large", ""));
        }
        let i: Instrument = serde_json::from_str(json).map_err(|e| bad("instrument-error-json", e.to_string()))?;
        i.check()?;
        Ok(i)
    }

    fn check(&self) -> Result<(), DefinitionError> {
        if self.format != FORMAT {
            return Err(bad("instrument-error-format", self.format.clone()));
        }
        let key_ok = |k: &str| !k.is_empty() && k.len() <= 64 && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !key_ok(&self.key) {
            return Err(bad("instrument-error-key", self.key.clone()));
        }
        if self.version < 1 {
            return Err(bad("instrument-error-version", self.version.to_string()));
        }
        if self.items.is_empty() || self.items.len() > 500 {
            return Err(bad("instrument-error-items", self.items.len().to_string()));
        }
        for (name, scale) in &self.scales {
            if scale.values.is_empty() {
                return Err(bad("instrument-error-scale", name.clone()));
            }
            if let Some((lang, _)) = scale.labels.iter().find(|(_, l)| l.len() != scale.values.len()) {
                return Err(bad("instrument-error-scale-labels", format!("{name} ({lang})")));
            }
        }
        let mut seen = std::collections::HashSet::new();
        for item in &self.items {
            if !key_ok(&item.key) || !seen.insert(item.key.as_str()) {
                return Err(bad("instrument-error-item-key", item.key.clone()));
            }
            if !self.scales.contains_key(&item.scale) {
                return Err(bad("instrument-error-item-scale", item.key.clone()));
            }
            if !self.domains.iter().any(|d| d.key == item.domain) {
                return Err(bad("instrument-error-item-domain", item.key.clone()));
            }
        }
        if let Some(flag) = &self.flag {
            if let Some(missing) = flag.items.iter().find(|k| !seen.contains(k.as_str())) {
                return Err(bad("instrument-error-flag-item", missing.clone()));
            }
        }
        Ok(())
    }

    pub fn scale_of(&self, item: &Item) -> &Scale {
        // `check` guarantees every item's scale exists.
        &self.scales[&item.scale]
    }

    /// Validate answers: each known item's value must be on its scale. Unknown keys are refused;
    /// missing items are allowed for a draft and reported by `missing_required`.
    pub fn check_answers(&self, answers: &HashMap<String, i64>) -> Result<(), DefinitionError> {
        for (key, value) in answers {
            let item = self.items.iter().find(|i| &i.key == key).ok_or_else(|| bad("assessment-error-unknown-item", key.clone()))?;
            if !self.scale_of(item).values.contains(value) {
                return Err(bad("assessment-error-off-scale", key.clone()));
            }
        }
        Ok(())
    }

    pub fn missing_required(&self, answers: &HashMap<String, i64>) -> Vec<&Item> {
        self.items.iter().filter(|i| i.required && !answers.contains_key(&i.key)).collect()
    }

    fn item_score(&self, item: &Item, value: i64) -> f64 {
        let scale = self.scale_of(item);
        let v = if item.reverse { scale.max() + scale.min() - value } else { value };
        v as f64
    }

    fn aggregate(&self, values: &[f64]) -> Option<f64> {
        if values.is_empty() {
            return None;
        }
        let sum: f64 = values.iter().sum();
        Some(match self.scoring {
            Scoring::Sum => sum,
            Scoring::Mean => sum / values.len() as f64,
        })
    }

    /// Scores of a set of answers: per item (reverse-scored applied), per domain and total.
    /// Missing answers are left out (a mean over what was answered; a sum of what was answered).
    pub fn score(&self, answers: &HashMap<String, i64>) -> Scores {
        let mut items = BTreeMap::new();
        for item in &self.items {
            if let Some(v) = answers.get(&item.key) {
                items.insert(item.key.clone(), self.item_score(item, *v));
            }
        }
        let mut domains = BTreeMap::new();
        for d in &self.domains {
            let values: Vec<f64> = self.items.iter().filter(|i| i.domain == d.key).filter_map(|i| items.get(&i.key).copied()).collect();
            if let Some(s) = self.aggregate(&values) {
                domains.insert(d.key.clone(), s);
            }
        }
        let all: Vec<f64> = items.values().copied().collect();
        let flagged = self.flag.as_ref().is_some_and(|f| f.items.iter().any(|k| answers.get(k).is_some_and(|v| *v >= f.threshold)));
        Scores { total: self.aggregate(&all), domains, items, flagged }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Scores {
    pub total: Option<f64>,
    pub domains: BTreeMap<String, f64>,
    pub items: BTreeMap<String, f64>,
    pub flagged: bool,
}

/// The instruments Sendero ships, written for it.
pub fn builtin() -> Vec<Instrument> {
    [
        include_str!("../instruments/family-functioning.json"),
        include_str!("../instruments/strengths-needs.json"),
        include_str!("../instruments/trafficking-screening.json"),
    ]
    .into_iter()
    .map(|json| Instrument::parse(json).expect("built-in instruments are valid"))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, i64)]) -> HashMap<String, i64> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()
    }

    #[test]
    fn builtins_are_valid_and_complete() {
        let all = builtin();
        assert_eq!(all.len(), 3);
        let ff = &all[0];
        assert_eq!(ff.key, "family-functioning");
        assert_eq!(ff.items.len(), 18);
        assert_eq!(ff.domains.len(), 3);
        for d in &ff.domains {
            assert_eq!(ff.items.iter().filter(|i| i.domain == d.key).count(), 6, "{}", d.key);
        }
        for i in all.iter().flat_map(|i| &i.items) {
            assert!(i.text.contains_key("en") && i.text.contains_key("es"), "{} needs en and es", i.key);
        }
        assert!(all[2].flag.is_some());
    }

    #[test]
    fn scoring_sum_mean_reverse() {
        let json = r#"{"format":"sendero-instrument/1","key":"t","version":1,"title":{"en":"T"},"timing":["intake"],"scoring":"mean",
          "scales":{"s":{"values":[1,2,3,4],"labels":{"en":["a","b","c","d"]}}},
          "domains":[{"key":"x","title":{"en":"X"}},{"key":"y","title":{"en":"Y"}}],
          "items":[{"key":"a","domain":"x","text":{"en":"A"},"scale":"s"},{"key":"b","domain":"x","text":{"en":"B"},"scale":"s","reverse":true},
                   {"key":"c","domain":"y","text":{"en":"C"},"scale":"s","required":false}]}"#;
        let mut i = Instrument::parse(json).unwrap();
        let s = i.score(&answers(&[("a", 4), ("b", 4)]));
        assert_eq!(s.items["b"], 1.0, "reverse-scored: 4 on a 1–4 scale counts as 1");
        assert_eq!(s.domains["x"], 2.5);
        assert!(!s.domains.contains_key("y"), "no answers, no domain score");
        assert_eq!(s.total, Some(2.5));
        i.scoring = Scoring::Sum;
        assert_eq!(i.score(&answers(&[("a", 4), ("b", 4), ("c", 2)])).total, Some(7.0));
        assert_eq!(i.missing_required(&answers(&[("a", 1)])).len(), 1);
        assert_eq!(i.check_answers(&answers(&[("a", 5)])).unwrap_err().code, "assessment-error-off-scale");
        assert_eq!(i.check_answers(&answers(&[("zz", 1)])).unwrap_err().code, "assessment-error-unknown-item");
    }

    #[test]
    fn bad_definitions_are_refused_with_a_reason() {
        assert_eq!(Instrument::parse("{").unwrap_err().code, "instrument-error-json");
        let base = include_str!("../instruments/strengths-needs.json");
        let wrong_format = base.replace("sendero-instrument/1", "other/9");
        assert_eq!(Instrument::parse(&wrong_format).unwrap_err().code, "instrument-error-format");
        let mut v: serde_json::Value = serde_json::from_str(base).unwrap();
        v["items"][0]["domain"] = "nowhere".into();
        assert_eq!(Instrument::parse(&v.to_string()).unwrap_err().code, "instrument-error-item-domain");
    }

    #[test]
    fn screening_flags_positive_answers() {
        let screening = builtin().remove(2);
        let flagged_item = screening.flag.as_ref().unwrap().items[0].clone();
        assert!(screening.score(&answers(&[(flagged_item.as_str(), 1)])).flagged);
        assert!(!screening.score(&answers(&[])).flagged);
    }
}
