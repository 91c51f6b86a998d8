//! Rendering portable SQL for each backend.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    pub fn from_url(url: &str) -> anyhow::Result<Dialect> {
        if url.starts_with("sqlite:") {
            Ok(Dialect::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Dialect::Postgres)
        } else {
            anyhow::bail!("unsupported database URL (expected sqlite://FILE or postgres://…)")
        }
    }
}

/// A `LIKE ? ESCAPE '\'` pattern that finds `needle` (lower-cased, trimmed) anywhere: the
/// user's `%`, `_` and `\` are literal text, not wildcards.
pub fn contains_pattern(needle: &str) -> String {
    let mut out = String::from("%");
    for c in needle.trim().to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// Turn `?` placeholders into `$1, $2, …` for PostgreSQL (skipping quoted text).
pub fn to_numbered(portable: &str) -> String {
    let mut out = String::with_capacity(portable.len() + 16);
    let mut n = 0;
    let mut in_quote = false;
    for c in portable.chars() {
        match c {
            '\'' => {
                in_quote = !in_quote;
                out.push(c);
            }
            '?' if !in_quote => {
                n += 1;
                out.push('$');
                out.push_str(&n.to_string());
            }
            _ => out.push(c),
        }
    }
    out
}

/// Rendered statements are cached for the life of the process: the set of static queries is
/// fixed, so leaking each rendering once is bounded and keeps sqlx's statement cache warm.
pub fn render(dialect: Dialect, portable: &'static str) -> &'static str {
    if dialect == Dialect::Sqlite {
        return portable;
    }
    static CACHE: OnceLock<Mutex<HashMap<usize, &'static str>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let key = portable.as_ptr() as usize;
    let mut map = cache.lock().unwrap_or_else(|e| e.into_inner());
    map.entry(key).or_insert_with(|| Box::leak(to_numbered(portable).into_boxed_str()))
}

/// Render a query built at run time (not cached).
pub fn render_dynamic(dialect: Dialect, portable: &str) -> String {
    match dialect {
        Dialect::Sqlite => portable.to_owned(),
        Dialect::Postgres => to_numbered(portable),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_placeholders_outside_quotes() {
        assert_eq!(to_numbered("SELECT '?' FROM t WHERE a = ? AND b = ?"), "SELECT '?' FROM t WHERE a = $1 AND b = $2");
    }

    #[test]
    fn refuses_unknown_urls() {
        assert!(Dialect::from_url("mysql://x").is_err());
        assert_eq!(Dialect::from_url("sqlite://a.db").unwrap(), Dialect::Sqlite);
        assert_eq!(Dialect::from_url("postgres://localhost/x").unwrap(), Dialect::Postgres);
    }

    #[test]
    fn wildcards_in_the_needle_are_escaped() {
        assert_eq!(contains_pattern(" Ana "), "%ana%");
        assert_eq!(contains_pattern("50%_a\\b"), "%50\\%\\_a\\\\b%");
        assert_eq!(contains_pattern(""), "%%");
    }
}
