//! Eligibility rules: safe CEL expressions over a fixed set of screening answers.
//!
//! A rule is parsed once (syntax, known fields, boolean result) and then evaluated per candidate.
//! The top-level `&&` / `||` operands are evaluated one by one so that each decision can name
//! the clause that decided it ("in_removal_proceedings" was false, say).

use std::collections::BTreeMap;

use cel_interpreter::{Context, Program, Value};
use serde::{Deserialize, Serialize};

/// Longest rule accepted: rules are short policy statements, not programs.
pub const MAX_RULE_LEN: usize = 2_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    Bool,
    Int,
}

/// The screening answers a rule may use. Missing answers count as `false` / `0`, so a rule
/// never admits someone on an unanswered question.
pub const SCREENING_FIELDS: &[(&str, FieldKind)] = &[
    ("in_removal_proceedings", FieldKind::Bool),
    ("enrolled_in_isap", FieldKind::Bool),
    ("recently_in_isap", FieldKind::Bool),
    ("processed_by_dhs", FieldKind::Bool),
    ("detained", FieldKind::Bool),
    ("family_unit", FieldKind::Bool),
    ("household_size", FieldKind::Int),
    ("days_in_us", FieldKind::Int),
];

pub fn field_kind(name: &str) -> Option<FieldKind> {
    SCREENING_FIELDS.iter().find(|(n, _)| *n == name).map(|(_, k)| *k)
}

/// Screening answers, keyed by field name; values are integers (booleans as 0/1).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Screening(pub BTreeMap<String, i64>);

impl Screening {
    /// Read answers from form-like text: booleans accept yes/no/true/false/on/1/0, integers must
    /// be whole numbers from 0 to 1,000,000. Unknown fields are errors (field, message key).
    pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Screening, crate::FieldErrors> {
        let mut out = BTreeMap::new();
        let mut errors = crate::FieldErrors::default();
        for (name, raw) in pairs {
            let raw = raw.trim();
            match field_kind(name) {
                None => errors.push(name, "screening-error-unknown-field"),
                Some(_) if raw.is_empty() => {}
                Some(FieldKind::Bool) => match raw.to_ascii_lowercase().as_str() {
                    "yes" | "true" | "on" | "1" | "sí" | "si" => {
                        out.insert(name.to_owned(), 1);
                    }
                    "no" | "false" | "off" | "0" => {
                        out.insert(name.to_owned(), 0);
                    }
                    _ => errors.push(name, "screening-error-yes-no"),
                },
                Some(FieldKind::Int) => match raw.parse::<i64>() {
                    Ok(v) if (0..=1_000_000).contains(&v) => {
                        out.insert(name.to_owned(), v);
                    }
                    _ => errors.push(name, "screening-error-number"),
                },
            }
        }
        errors.into_result(Screening(out))
    }

    pub fn get(&self, name: &str) -> i64 {
        self.0.get(name).copied().unwrap_or(0)
    }

    pub fn flag(&self, name: &str) -> bool {
        self.get(name) != 0
    }

    /// Every field with its effective value (missing ones filled in), as recorded in a decision.
    pub fn effective(&self) -> BTreeMap<String, serde_json::Value> {
        SCREENING_FIELDS
            .iter()
            .map(|(name, kind)| {
                let v = self.get(name);
                let value = match kind {
                    FieldKind::Bool => serde_json::Value::Bool(v != 0),
                    FieldKind::Int => serde_json::Value::from(v),
                };
                ((*name).to_owned(), value)
            })
            .collect()
    }
}

/// Why a rule was refused, with a 1-based line and column pointing into the rule text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleError {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for RuleError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Joiner {
    /// One clause (no top-level `&&` or `||`).
    Single,
    All,
    Any,
}

/// A parsed rule: the whole expression plus its top-level clauses.
pub struct Rule {
    source: String,
    joiner: Joiner,
    clauses: Vec<(String, Program)>,
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("source", &self.source).field("joiner", &self.joiner).finish()
    }
}

/// One evaluated clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClauseResult {
    pub clause: String,
    pub value: bool,
}

/// The outcome of a rule for one candidate, with the clause that decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub eligible: bool,
    /// The clause whose value settled the result: the first false clause of an `&&` rule that
    /// failed, the first true clause of an `||` rule that passed; when every clause was needed
    /// (all true under `&&`, all false under `||`) the whole rule.
    pub deciding_clause: String,
    pub clauses: Vec<ClauseResult>,
}

fn position(source: &str, byte: usize) -> (usize, usize) {
    let before = &source[..byte.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map(|l| l.chars().count()).unwrap_or(0) + 1;
    (line, column)
}

fn error_at(source: &str, byte: usize, message: impl Into<String>) -> RuleError {
    let (line, column) = position(source, byte);
    RuleError { message: message.into(), line, column }
}

/// Byte offset of the first whole-word `word` outside string literals.
fn find_identifier(source: &str, word: &str) -> usize {
    let bytes = source.as_bytes();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if let Some(q) = quote {
            if c == b'\\' {
                i += 1;
            } else if c == q {
                quote = None;
            }
        } else if c == b'"' || c == b'\'' {
            quote = Some(c);
        } else if source[i..].starts_with(word) {
            let before_ok = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_' || bytes[i - 1] == b'.');
            let end = i + word.len();
            let after_ok = end >= bytes.len() || !(bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_');
            if before_ok && after_ok {
                return i;
            }
        }
        i += 1;
    }
    0
}

/// Split `source` on a top-level operator (`&&` or `||`), outside brackets and strings.
/// Returns `None` when the operator does not occur at top level or a `?:` sits there.
fn split_top_level<'a>(source: &'a str, op: &str) -> Option<Vec<&'a str>> {
    let bytes = source.as_bytes();
    let mut depth = 0i32;
    let mut quote: Option<u8> = None;
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if let Some(q) = quote {
            if c == b'\\' {
                i += 1;
            } else if c == q {
                quote = None;
            }
        } else {
            match c {
                b'"' | b'\'' => quote = Some(c),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => depth -= 1,
                b'?' if depth == 0 => return None,
                _ if depth == 0 && source[i..].starts_with(op) => {
                    parts.push(&source[start..i]);
                    start = i + op.len();
                    i += op.len();
                    continue;
                }
                _ => {}
            }
        }
        i += 1;
    }
    parts.push(&source[start..]);
    (parts.len() > 1).then_some(parts)
}

/// Strip parentheses that wrap the whole text, e.g. `(a && b)` → `a && b`.
fn unwrap_parens(mut s: &str) -> &str {
    loop {
        let t = s.trim();
        if !(t.starts_with('(') && t.ends_with(')')) {
            return t;
        }
        // The opening bracket must close at the very end for the pair to wrap everything.
        let mut depth = 0;
        let mut closes_at_end = true;
        for (i, c) in t.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 && i != t.len() - 1 {
                        closes_at_end = false;
                        break;
                    }
                }
                _ => {}
            }
        }
        if !closes_at_end {
            return t;
        }
        s = &t[1..t.len() - 1];
    }
}

/// Brackets and quotes must balance; checked first so the error names the exact position (the
/// CEL parser's own recovery is weaker for these).
fn check_brackets(source: &str) -> Result<(), RuleError> {
    let mut open: Vec<(usize, char)> = Vec::new();
    let mut quote: Option<(usize, char)> = None;
    let mut escaped = false;
    for (i, c) in source.char_indices() {
        if let Some((_, q)) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' => quote = Some((i, c)),
            '(' | '[' | '{' => open.push((i, c)),
            ')' | ']' | '}' => {
                let expected = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                match open.pop() {
                    Some((_, o)) if o == expected => {}
                    _ => return Err(error_at(source, i, format!("\"{c}\" has no matching opening bracket"))),
                }
            }
            _ => {}
        }
    }
    if let Some((i, _)) = quote {
        return Err(error_at(source, i, "this text is never closed by a matching quote"));
    }
    if let Some((i, c)) = open.pop() {
        return Err(error_at(source, i, format!("\"{c}\" is never closed")));
    }
    let trimmed = source.trim_end();
    for op in ["&&", "||", "!", "==", "!=", "<", ">", "+", "-", "*", "/", "%", "?", ":", "."] {
        if trimmed.ends_with(op) {
            return Err(error_at(source, trimmed.len() - op.len(), format!("\"{op}\" is missing what comes after it")));
        }
    }
    Ok(())
}

/// Compile with the CEL parser, turning a parser panic (it has a few on malformed input) into an
/// ordinary error: user input must never bring a request down.
fn compile(source: &str) -> Result<Program, cel_interpreter::ParseErrors> {
    let owned = source.to_owned();
    match std::panic::catch_unwind(move || Program::compile(&owned)) {
        Ok(result) => result,
        Err(_) => Err(cel_interpreter::ParseErrors {
            errors: vec![cel_interpreter::ParseError {
                source: None,
                pos: (1, 0),
                msg: "the rule could not be read".to_owned(),
                expr_id: 0,
                source_info: None,
            }],
        }),
    }
}

fn context_for(screening: &Screening) -> Context<'static> {
    let mut ctx = Context::default();
    for (name, kind) in SCREENING_FIELDS {
        let v = screening.get(name);
        match kind {
            FieldKind::Bool => ctx.add_variable_from_value(*name, Value::Bool(v != 0)),
            FieldKind::Int => ctx.add_variable_from_value(*name, Value::Int(v)),
        }
    }
    ctx
}

impl Rule {
    /// Parse and check a rule: it must be valid CEL, use only screening fields, and give
    /// true/false. Errors point at the line and column of the problem.
    pub fn parse(source: &str) -> Result<Rule, RuleError> {
        if source.trim().is_empty() {
            return Err(error_at(source, 0, "the rule is empty"));
        }
        if source.len() > MAX_RULE_LEN {
            return Err(error_at(source, MAX_RULE_LEN, format!("the rule is longer than {MAX_RULE_LEN} characters")));
        }
        check_brackets(source)?;
        let whole = compile(source).map_err(|e| match e.errors.first() {
            Some(first) => {
                // The parser reports (line, column) with a 0-based column.
                let (line, col) = first.pos;
                RuleError { message: first.msg.clone(), line: line.max(1) as usize, column: col.max(0) as usize + 1 }
            }
            None => error_at(source, 0, "the rule could not be read"),
        })?;
        let references = whole.references();
        let mut unknown: Vec<&str> = references.variables().into_iter().filter(|v| field_kind(v).is_none()).collect();
        unknown.sort_by_key(|v| find_identifier(source, v));
        if let Some(name) = unknown.first() {
            let known: Vec<&str> = SCREENING_FIELDS.iter().map(|(n, _)| *n).collect();
            return Err(error_at(source, find_identifier(source, name), format!("unknown field \"{name}\" (known fields: {})", known.join(", "))));
        }
        let inner = unwrap_parens(source);
        let (joiner, parts) = match split_top_level(inner, "||") {
            Some(parts) => (Joiner::Any, parts),
            None => match split_top_level(inner, "&&") {
                Some(parts) => (Joiner::All, parts),
                None => (Joiner::Single, vec![inner]),
            },
        };
        let mut clauses = Vec::with_capacity(parts.len());
        for part in parts {
            let text = unwrap_parens(part).to_owned();
            let offset = part.as_ptr() as usize - source.as_ptr() as usize;
            let program = compile(&text).map_err(|_| error_at(source, offset, "this part of the rule could not be read"))?;
            clauses.push((text, program));
        }
        let rule = Rule { source: source.to_owned(), joiner, clauses };
        // Probe with every answer missing and every answer present: each clause must be boolean.
        let all_yes = Screening(SCREENING_FIELDS.iter().map(|(n, _)| ((*n).to_owned(), 1)).collect());
        for probe in [Screening::default(), all_yes] {
            let ctx = context_for(&probe);
            for (text, program) in &rule.clauses {
                match program.execute(&ctx) {
                    Ok(Value::Bool(_)) => {}
                    Ok(_) => return Err(error_at(source, find_clause(source, text), format!("\"{text}\" does not give true or false"))),
                    Err(e) => return Err(error_at(source, find_clause(source, text), format!("\"{text}\" cannot be evaluated: {e}"))),
                }
            }
        }
        Ok(rule)
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn joiner(&self) -> Joiner {
        self.joiner
    }

    pub fn clause_texts(&self) -> Vec<&str> {
        self.clauses.iter().map(|(t, _)| t.as_str()).collect()
    }

    /// Evaluate every clause (no short-circuit, so the record shows each one) and combine them.
    pub fn evaluate(&self, screening: &Screening) -> Decision {
        let ctx = context_for(screening);
        let clauses: Vec<ClauseResult> = self
            .clauses
            .iter()
            // Parsing probed every clause, so an error here would be a CEL runtime fault
            // (e.g. integer overflow): it counts as "not met" rather than admitting anyone.
            .map(|(text, program)| ClauseResult { clause: text.clone(), value: matches!(program.execute(&ctx), Ok(Value::Bool(true))) })
            .collect();
        let (eligible, decider) = match self.joiner {
            Joiner::Single => (clauses[0].value, Some(0)),
            Joiner::All => match clauses.iter().position(|c| !c.value) {
                Some(i) => (false, Some(i)),
                None => (true, None),
            },
            Joiner::Any => match clauses.iter().position(|c| c.value) {
                Some(i) => (true, Some(i)),
                None => (false, None),
            },
        };
        let deciding_clause = decider.map(|i| clauses[i].clause.clone()).unwrap_or_else(|| self.source.trim().to_owned());
        Decision { eligible, deciding_clause, clauses }
    }
}

fn find_clause(source: &str, clause: &str) -> usize {
    source.find(clause).unwrap_or(0)
}

/// How a draft rule would change the current pool.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct WhatIf<T> {
    pub newly_eligible: Vec<T>,
    pub newly_ineligible: Vec<T>,
    pub unchanged_eligible: usize,
    pub unchanged_ineligible: usize,
}

/// Compare current decisions with a draft rule over the same people.
pub fn what_if<T: Clone>(pool: &[(T, bool, Screening)], draft: &Rule) -> WhatIf<T> {
    let mut out = WhatIf { newly_eligible: Vec::new(), newly_ineligible: Vec::new(), unchanged_eligible: 0, unchanged_ineligible: 0 };
    for (who, now_eligible, screening) in pool {
        match (*now_eligible, draft.evaluate(screening).eligible) {
            (false, true) => out.newly_eligible.push(who.clone()),
            (true, false) => out.newly_ineligible.push(who.clone()),
            (true, true) => out.unchanged_eligible += 1,
            (false, false) => out.unchanged_ineligible += 1,
        }
    }
    out
}

/// The pilot's phase 1 and phase 3 rules, used by the demo and tests.
pub const PHASE_1_RULE: &str = "in_removal_proceedings && (enrolled_in_isap || recently_in_isap)";
pub const PHASE_3_RULE: &str = "in_removal_proceedings && (enrolled_in_isap || processed_by_dhs)";

#[cfg(test)]
mod tests {
    use super::*;

    fn screening(pairs: &[(&str, &str)]) -> Screening {
        Screening::parse(pairs.iter().copied()).unwrap()
    }

    #[test]
    fn phase_rules_name_the_deciding_clause() {
        let phase1 = Rule::parse(PHASE_1_RULE).unwrap();
        assert_eq!(phase1.joiner(), Joiner::All);
        assert_eq!(phase1.clause_texts(), vec!["in_removal_proceedings", "enrolled_in_isap || recently_in_isap"]);
        let dhs_only = screening(&[("in_removal_proceedings", "yes"), ("processed_by_dhs", "yes")]);
        let d = phase1.evaluate(&dhs_only);
        assert!(!d.eligible);
        assert_eq!(d.deciding_clause, "enrolled_in_isap || recently_in_isap");
        let phase3 = Rule::parse(PHASE_3_RULE).unwrap();
        let d = phase3.evaluate(&dhs_only);
        assert!(d.eligible);
        assert_eq!(d.deciding_clause, PHASE_3_RULE);
        let not_in_proceedings = screening(&[("enrolled_in_isap", "yes")]);
        assert_eq!(phase3.evaluate(&not_in_proceedings).deciding_clause, "in_removal_proceedings");
    }

    #[test]
    fn or_rules_name_the_first_true_clause() {
        let rule = Rule::parse("detained || (family_unit && household_size >= 3)").unwrap();
        assert_eq!(rule.joiner(), Joiner::Any);
        let d = rule.evaluate(&screening(&[("family_unit", "yes"), ("household_size", "4")]));
        assert!(d.eligible);
        assert_eq!(d.deciding_clause, "family_unit && household_size >= 3");
        assert_eq!(d.clauses.len(), 2);
    }

    #[test]
    fn unknown_fields_are_refused_with_their_position() {
        let err = Rule::parse("in_removal_proceedings &&\n  has_lawyer").unwrap_err();
        assert_eq!((err.line, err.column), (2, 3));
        assert!(err.message.contains("has_lawyer"), "{}", err.message);
    }

    #[test]
    fn syntax_errors_point_at_the_position() {
        let err = Rule::parse("in_removal_proceedings && (enrolled_in_isap ||").unwrap_err();
        assert_eq!((err.line, err.column), (1, 27), "{err}");
        let err = Rule::parse("in_removal_proceedings &&").unwrap_err();
        assert_eq!((err.line, err.column), (1, 24), "{err}");
        let err = Rule::parse("in_removal_proceedings && = detained").unwrap_err();
        assert_eq!(err.line, 1, "{err}");
        assert!(err.column > 1, "{err}");
        assert!(Rule::parse("").is_err());
        assert!(Rule::parse(&"a".repeat(MAX_RULE_LEN + 1)).is_err());
    }

    #[test]
    fn non_boolean_rules_are_refused() {
        let err = Rule::parse("household_size + 1").unwrap_err();
        assert!(err.message.contains("true or false"), "{}", err.message);
    }

    #[test]
    fn strings_and_nested_brackets_do_not_split() {
        let rule = Rule::parse("(in_removal_proceedings && detained)").unwrap();
        assert_eq!(rule.clause_texts(), vec!["in_removal_proceedings", "detained"]);
        let rule = Rule::parse("household_size > 2 ? family_unit : detained").unwrap();
        assert_eq!(rule.joiner(), Joiner::Single);
    }

    #[test]
    fn screening_parse_refuses_bad_values() {
        let errors = Screening::parse([("household_size", "-3"), ("detained", "maybe"), ("shoe_size", "9")]).unwrap_err();
        assert_eq!(errors.get("household_size"), Some("screening-error-number"));
        assert_eq!(errors.get("detained"), Some("screening-error-yes-no"));
        assert_eq!(errors.get("shoe_size"), Some("screening-error-unknown-field"));
    }

    #[test]
    fn what_if_counts_changes() {
        let draft = Rule::parse(PHASE_3_RULE).unwrap();
        let pool = vec![
            ("a", false, screening(&[("in_removal_proceedings", "yes"), ("processed_by_dhs", "yes")])),
            ("b", true, screening(&[("in_removal_proceedings", "yes"), ("recently_in_isap", "yes")])),
            ("c", true, screening(&[("in_removal_proceedings", "yes"), ("enrolled_in_isap", "yes")])),
        ];
        let w = what_if(&pool, &draft);
        assert_eq!(w.newly_eligible, vec!["a"]);
        assert_eq!(w.newly_ineligible, vec!["b"]);
        assert_eq!(w.unchanged_eligible, 1);
    }
}
