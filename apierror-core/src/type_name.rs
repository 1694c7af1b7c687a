//! Rust types as the derive writes them (`Descriptor::field_types`), split
//! into their parts: what the OpenAPI document and the JSON Schema and
//! TypeScript exports read to type a details field.

/// `'a rest` → `rest`.
pub(crate) fn strip_lifetime(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) => rest
            .find(|c: char| !(c == '_' || c.is_alphanumeric()))
            .map_or("", |end| rest[end..].trim_start()),
        None => s,
    }
}

/// Splits at `sep` outside brackets, trimming parts and dropping empty ones.
pub(crate) fn split_top(s: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '<' | '(' | '[' => depth += 1,
            '>' | ')' | ']' => depth -= 1,
            c if c == sep && depth == 0 => {
                parts.push(s[start..i].trim());
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(s[start..].trim());
    parts.retain(|p| !p.is_empty());
    parts
}

/// Splits a path at `::` outside generic arguments, trimming the segments.
pub(crate) fn split_path(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' | b'(' | b'[' => depth += 1,
            b'>' | b')' | b']' => depth -= 1,
            b':' if depth == 0 && bytes.get(i + 1) == Some(&b':') => {
                parts.push(s[start..i].trim());
                i += 2;
                start = i;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    parts.push(s[start..].trim());
    parts
}
