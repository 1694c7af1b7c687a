//! The snapshot file: its lines parsed into a state, and two states
//! compared into changes.

use super::change::{Change, Entry};
use crate::catalog::Catalog;
use std::collections::{BTreeSet, HashMap};

/// The command that accepts a catalog's changes, which failures name.
pub(super) const ACCEPT_HINT: &str = "APIERROR_UPDATE_SNAPSHOTS=1 cargo test";

/// A catalog's or a snapshot's codes: entries in order, then retired codes.
#[derive(Debug, Default)]
pub(super) struct State {
    entries: Vec<Entry>,
    retired: Vec<String>,
}

impl State {
    pub(super) fn of(catalog: &Catalog) -> Self {
        let mut seen = BTreeSet::new();
        let entries: Vec<Entry> = catalog
            .iter()
            .filter(|d| seen.insert(d.code()))
            .map(|d| Entry {
                code: d.code().to_owned(),
                status: d.status().as_u16(),
                variant: format!("{}::{}", d.type_name(), d.variant()),
                message: d.template().to_owned(),
            })
            .collect();
        // A code in use is not retired, whatever an included type says.
        let retired = catalog
            .all_retired()
            .filter(|code| seen.insert(code))
            .map(str::to_owned)
            .collect();
        State { entries, retired }
    }

    pub(super) fn render(&self, type_name: &str) -> String {
        let mut out = format!(
            "# Error catalog of {type_name}, checked by apierror::stability. \
             Regenerate with: {ACCEPT_HINT}\n"
        );
        for entry in &self.entries {
            out.push_str(&entry.to_string());
            out.push('\n');
        }
        for code in &self.retired {
            out.push_str("retired ");
            out.push_str(code);
            out.push('\n');
        }
        out
    }
}

/// The differences that turn `old` into `new`, breaking ones first.
pub(super) fn compare(old: &State, new: &State) -> Vec<Change> {
    let new_entries: HashMap<&str, &Entry> =
        new.entries.iter().map(|e| (e.code.as_str(), e)).collect();
    let old_entries: HashMap<&str, &Entry> =
        old.entries.iter().map(|e| (e.code.as_str(), e)).collect();
    let new_retired: BTreeSet<&str> = new.retired.iter().map(String::as_str).collect();
    let old_retired: BTreeSet<&str> = old.retired.iter().map(String::as_str).collect();

    let mut changes = Vec::new();
    for before in &old.entries {
        match new_entries.get(before.code.as_str()) {
            Some(after) => {
                let pair = || (before.clone(), (*after).clone());
                if before.status != after.status {
                    let (before, after) = pair();
                    changes.push(Change::StatusChanged { before, after });
                }
                if before.message != after.message {
                    let (before, after) = pair();
                    changes.push(Change::MessageChanged { before, after });
                }
                if before.variant != after.variant {
                    let (before, after) = pair();
                    changes.push(Change::VariantChanged { before, after });
                }
            }
            None if new_retired.contains(before.code.as_str()) => changes.push(Change::Retired {
                code: before.code.clone(),
                before: Some(before.clone()),
            }),
            None => changes.push(Change::Removed(before.clone())),
        }
    }
    for code in &old.retired {
        if let Some(entry) = new_entries.get(code.as_str()) {
            changes.push(Change::RetiredReused((*entry).clone()));
        } else if !new_retired.contains(code.as_str()) {
            changes.push(Change::Unretired(code.clone()));
        }
    }
    for entry in &new.entries {
        let code = entry.code.as_str();
        if !old_entries.contains_key(code) && !old_retired.contains(code) {
            changes.push(Change::Added(entry.clone()));
        }
    }
    for code in &new.retired {
        if !old_entries.contains_key(code.as_str()) && !old_retired.contains(code.as_str()) {
            changes.push(Change::Retired {
                code: code.clone(),
                before: None,
            });
        }
    }
    // Stable: each group keeps snapshot order, then catalog order.
    changes.sort_by_key(|change| !change.is_breaking());
    changes
}

type ParseError = (usize, String);

pub(super) const LINE_FORMAT: &str =
    "expected `CODE STATUS Type::Variant \"message\"` or `retired CODE`";

/// Reads a snapshot; a malformed one is the number of its first bad line and
/// what is wrong with it.
pub(super) fn parse(bytes: &[u8]) -> Result<State, ParseError> {
    let text = match core::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            return Err((line, "not valid UTF-8".to_owned()));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut state = State::default();
    // code -> the line that introduced it
    let mut lines_of: HashMap<String, usize> = HashMap::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (code, retired) = match parse_line(line) {
            Ok(Line::Entry(entry)) => (entry.code.clone(), Some(entry)),
            Ok(Line::Retired(code)) => (code.to_owned(), None),
            Err(reason) => return Err((number, reason)),
        };
        if let Some(first) = lines_of.insert(code.clone(), number) {
            return Err((
                number,
                format!("code `{code}` is already listed on line {first}"),
            ));
        }
        match retired {
            Some(entry) => state.entries.push(entry),
            None => state.retired.push(code),
        }
    }
    Ok(state)
}

pub(super) enum Line<'a> {
    Entry(Entry),
    Retired(&'a str),
}

pub(super) fn parse_line(line: &str) -> Result<Line<'_>, String> {
    let (first, rest) = split_token(line);
    let (second, tail) = split_token(rest);
    if first == "retired" && !second.is_empty() && tail.is_empty() {
        check_code(second)?;
        return Ok(Line::Retired(second));
    }
    if first == "retired" && !second.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("expected `retired CODE`, found `{line}`"));
    }
    let (variant, message) = split_token(tail);
    if message.is_empty() {
        return Err(format!("{LINE_FORMAT}, found `{line}`"));
    }
    check_code(first)?;
    let status = match second.parse::<u16>() {
        Ok(status) if second.len() == 3 && (100..=999).contains(&status) => status,
        _ => return Err(format!("`{second}` is not an HTTP status (100 to 999)")),
    };
    match variant.split_once("::") {
        Some((ty, name)) if !ty.is_empty() && !name.is_empty() => {}
        _ => return Err(format!("expected `Type::Variant`, found `{variant}`")),
    }
    Ok(Line::Entry(Entry {
        code: first.to_owned(),
        status,
        variant: variant.to_owned(),
        message: unquote(message)?,
    }))
}

/// The first whitespace-separated token of `s` and the rest, trimmed.
pub(super) fn split_token(s: &str) -> (&str, &str) {
    match s.split_once(char::is_whitespace) {
        Some((token, rest)) => (token, rest.trim_start()),
        None => (s, ""),
    }
}

pub(super) fn check_code(code: &str) -> Result<(), String> {
    let valid = |b: u8| b.is_ascii_alphanumeric() || b"_-.:/".contains(&b);
    if code.bytes().all(valid) {
        Ok(())
    } else {
        Err(format!(
            "`{code}` is not an error code (ASCII letters, digits and `_-.:/`)"
        ))
    }
}

/// The message of a `"..."` literal that ends the line.
pub(super) fn unquote(quoted: &str) -> Result<String, String> {
    let Some(body) = quoted.strip_prefix('"') else {
        return Err(format!(
            "expected a message in double quotes, found `{quoted}`"
        ));
    };
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices();
    while let Some((_, c)) = chars.next() {
        match c {
            '"' => {
                let rest = chars.as_str().trim();
                if !rest.is_empty() {
                    return Err(format!("unexpected `{rest}` after the message"));
                }
                return Ok(out);
            }
            '\\' => {
                let escaped = match chars.next() {
                    Some((_, '"')) => '"',
                    Some((_, '\\')) => '\\',
                    Some((_, '\'')) => '\'',
                    Some((_, 'n')) => '\n',
                    Some((_, 'r')) => '\r',
                    Some((_, 't')) => '\t',
                    Some((_, '0')) => '\0',
                    Some((_, 'u')) => unicode_escape(chars.as_str())
                        .map(|(c, len)| {
                            for _ in 0..len {
                                chars.next();
                            }
                            c
                        })
                        .ok_or_else(|| "invalid `\\u{...}` escape in the message".to_owned())?,
                    Some((_, other)) => {
                        return Err(format!("unknown escape `\\{other}` in the message"));
                    }
                    None => break,
                };
                out.push(escaped);
            }
            c => out.push(c),
        }
    }
    Err("the message has no closing `\"`".to_owned())
}

/// The char of `{hex}` at the start of `s`, and how many chars it spans.
pub(super) fn unicode_escape(s: &str) -> Option<(char, usize)> {
    let inner = s.strip_prefix('{')?;
    let end = inner.find('}')?;
    let hex = &inner[..end];
    if hex.is_empty() || hex.len() > 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
    // `{`, the hex digits (ASCII, one char each) and `}`.
    Some((c, hex.len() + 2))
}
