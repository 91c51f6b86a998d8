//! Translations: every key the code uses exists in English, and Spanish has every English key.

use sendero_domain::{CaseStatus, ClosureReason, ContactKind, Phase, ProgramKind, Relationship, Role};
use sendero_web::i18n::{keys_of, Tr};

/// Every `.ftl` file of one language, concatenated (each feature keeps its own file).
fn locale(code: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales").join(code);
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "ftl")).collect();
    files.sort();
    files.iter().map(|p| std::fs::read_to_string(p).unwrap() + "\n").collect()
}

/// Files under `dir`, recursively.
fn files_under(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Keys referenced literally in templates and Rust sources.
fn used_keys() -> Vec<String> {
    let mut keys = vec![];
    let mut scan = |text: &str| {
        for call in [".t(\"", "tr.get(\"", ".count(\"", ".with(\"", "Refused(\"", "BadRequest(\"", "Err(\"", "push(\"", "ErrorCode(\""] {
            for part in text.split(call).skip(1) {
                if let Some(end) = part.find('"') {
                    let key = &part[..end];
                    if key.contains('-') && key.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                        keys.push(key.to_owned());
                    }
                }
            }
        }
    };
    let mut files = vec![];
    for dir in ["../web/templates", "../web/src", "../domain/src", "../store/src"] {
        files_under(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut files);
    }
    for path in files {
        if let Ok(text) = std::fs::read_to_string(&path) {
            scan(&text);
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

#[test]
fn every_used_key_exists_in_english() {
    let en = keys_of(&locale("en"));
    let missing: Vec<_> = used_keys().into_iter().filter(|k| !en.contains(k)).collect();
    assert!(missing.is_empty(), "keys used but not translated: {missing:?}");
}

#[test]
fn spanish_has_every_english_key() {
    let (en, es) = (keys_of(&locale("en")), keys_of(&locale("es")));
    let missing: Vec<_> = en.iter().filter(|k| !es.contains(k)).collect();
    let extra: Vec<_> = es.iter().filter(|k| !en.contains(k)).collect();
    assert!(missing.is_empty() && extra.is_empty(), "missing in es: {missing:?}; not in en: {extra:?}");
    assert!(en.len() > 200);
}

#[test]
fn every_enum_value_has_a_label() {
    let mut labels: Vec<(&str, &str)> = vec![];
    labels.extend(Role::ALL.iter().map(|r| ("role", r.as_str())));
    labels.extend(Phase::ALL.iter().map(|p| ("phase", p.as_str())));
    labels.extend(ClosureReason::ALL.iter().map(|r| ("closure", r.as_str())));
    labels.extend(Relationship::ALL.iter().map(|r| ("relationship", r.as_str())));
    labels.extend(ContactKind::ALL.iter().map(|k| ("contact", k.as_str())));
    labels.extend(ProgramKind::ALL.iter().map(|k| ("program-kind", k.as_str())));
    labels.extend([CaseStatus::Open, CaseStatus::Closed].iter().map(|s| ("status", s.as_str())));
    for code in ["en", "es"] {
        let tr = Tr::new(code);
        for (prefix, value) in &labels {
            let key = format!("{prefix}-{}", value.replace('_', "-"));
            assert_ne!(tr.label(prefix, value), key, "{code}: no label for {key}");
        }
    }
}

#[test]
fn plurals_and_arguments_render() {
    let en = Tr::new("en");
    assert_eq!(en.count("clients-count", 1), "One client");
    assert_eq!(en.count("clients-count", 12), "12 clients");
    assert_eq!(Tr::new("es").count("clients-count", 12), "12 clientes");
    assert_eq!(Tr::from_accept_language(Some("es-MX,es;q=0.9,en;q=0.8")).code(), "es");
    assert_eq!(Tr::from_accept_language(Some("ht,fr;q=0.8")).code(), "en");
    assert_eq!(Tr::new("xx").code(), "en");
}
