//! Translations of the public messages: `language`, `locales(...)` and
//! `translations = "dir"` on the type, one file per language read when the
//! derive expands.
//!
//! A file is TOML restricted to what a catalog needs: one `KEY = "text"`
//! line per code (bare or quoted key, basic or literal string), blank
//! lines and `#` comments. Anything else is an error that names the file
//! and line; the whole TOML language is not read (a TOML parser in the
//! derive would be built by every user of the crate).

use super::{Entry, Own};
use crate::ast::Input;
use crate::ctxt::Ctxt;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use syn::LitStr;

/// The type's languages, read and checked.
#[derive(Default)]
pub struct Locales {
    /// `language = "en"`.
    pub language: Option<String>,
    /// The files read, absolute: the expansion includes them so that the
    /// build reruns when one changes.
    pub files: Vec<String>,
}

/// The directory of the files when `translations` is not written.
const DEFAULT_DIR: &str = "locales";

/// Checks the type's `language`, `locales` and `translations`, reads each
/// locale's file and gives each own entry its translations, in the order
/// of `locales`.
pub fn read(cx: &Ctxt, input: &Input, entries: &mut [Entry]) -> Locales {
    let attrs = &input.attrs;
    let language = attrs.language.as_ref().and_then(|lit| tag(cx, lit));
    let Some(locales) = &attrs.locales else {
        if let Some(dir) = &attrs.translations {
            cx.error_at(
                dir.span(),
                "`translations` names the directory of the files of `locales(...)`: add locales(\"de\", ...)",
            );
        }
        return Locales {
            language,
            files: Vec::new(),
        };
    };
    if attrs.language.is_none() {
        if let Some(first) = locales.first() {
            cx.error_at(
                first.span(),
                "a translated type says the language of its messages as written: add language = \"en\"",
            );
        }
    }
    let mut seen: Vec<String> = Vec::new();
    let mut checked = Vec::new();
    for lit in locales {
        let Some(name) = tag(cx, lit) else { continue };
        if seen.iter().any(|s| s.eq_ignore_ascii_case(&name)) {
            cx.error_at(lit.span(), format_args!("duplicate locale `{name}`"));
            continue;
        }
        if language
            .as_deref()
            .is_some_and(|l| l.eq_ignore_ascii_case(&name))
        {
            cx.error_at(
                lit.span(),
                format_args!("`{name}` is the language of the messages as written (`language`): it needs no translation file"),
            );
            continue;
        }
        seen.push(name.clone());
        checked.push((lit, name));
    }
    let dir = attrs
        .translations
        .as_ref()
        .map_or_else(|| DEFAULT_DIR.to_owned(), LitStr::value);
    let Some(root) = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from) else {
        if let Some((lit, _)) = checked.first() {
            cx.error_at(
                lit.span(),
                "translations are read from the crate's directory, and CARGO_MANIFEST_DIR is not set: build with cargo",
            );
        }
        return Locales::default();
    };
    let mut files = Vec::new();
    for (lit, name) in checked {
        let relative = Path::new(&dir).join(format!("{name}.toml"));
        let shown = relative.display().to_string().replace('\\', "/");
        let path = root.join(&relative);
        let text = match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => {
                    cx.error_at(lit.span(), format_args!("{shown} is not UTF-8"));
                    continue;
                }
            },
            Err(why) => {
                cx.error_at(
                    lit.span(),
                    format_args!("cannot read the `{name}` translations, {shown}: {why}"),
                );
                continue;
            }
        };
        files.push(path.display().to_string());
        let file = match parse(&text) {
            Ok(file) => file,
            Err((line, why)) => {
                cx.error_at(lit.span(), format_args!("{shown}:{line}: {why}"));
                continue;
            }
        };
        if let Some(lines) = own_lines(cx, lit, &shown, file, input) {
            assign(cx, lit, &name, &shown, lines, input, entries);
        }
    }
    Locales { language, files }
}

/// The lines of the type: all of a file without tables, else those of the
/// table named after the type (the other tables are other types').
fn own_lines(cx: &Ctxt, lit: &LitStr, shown: &str, file: File, input: &Input) -> Option<Vec<Line>> {
    if file.tables.is_empty() {
        return Some(file.lines);
    }
    let name = input.ident.to_string();
    if let Some(line) = file.lines.iter().find(|line| line.table.is_none()) {
        cx.error_at(
            lit.span(),
            format_args!(
                "{shown}:{}: `{}` is in no table: a file with tables keeps each type's codes under [TypeName]",
                line.number, line.key
            ),
        );
        return None;
    }
    if !file.tables.iter().any(|(table, _)| *table == name) {
        let tables = file.tables.iter().map(|(t, _)| t.as_str());
        let hint = match crate::ctxt::closest(&name, tables) {
            Some(close) => format!("; is [{close}] meant to be [{name}]?"),
            None => String::new(),
        };
        cx.error_at(
            lit.span(),
            format_args!("{shown} has no [{name}] table for the codes of `{name}`{hint}"),
        );
        return None;
    }
    Some(
        file.lines
            .into_iter()
            .filter(|line| line.table.as_deref() == Some(name.as_str()))
            .collect(),
    )
}

/// Gives each own entry its line of one locale's file; reports codes
/// without a line, lines for no code, and placeholders that name no
/// details field.
fn assign(
    cx: &Ctxt,
    lit: &LitStr,
    locale: &str,
    shown: &str,
    lines: Vec<Line>,
    input: &Input,
    entries: &mut [Entry],
) {
    let mut by_code: BTreeMap<String, Line> = BTreeMap::new();
    for line in lines {
        if let Some(first) = by_code.get(&line.key) {
            cx.error_at(
                lit.span(),
                format_args!(
                    "{shown}:{}: `{}` is translated twice (first on line {})",
                    line.number, line.key, first.number
                ),
            );
            continue;
        }
        by_code.insert(line.key.clone(), line);
    }
    let codes: Vec<&str> = entries
        .iter()
        .filter_map(|entry| match entry {
            Entry::Own(own) => Some(own.code.as_str()),
            Entry::Transparent { .. } => None,
        })
        .collect();
    // A code in error (reported) leaves the lines of the others unchecked.
    let all_codes = !codes.iter().any(|code| code.is_empty());
    for line in by_code.values().filter(|_| all_codes) {
        if !codes.contains(&line.key.as_str()) {
            let hint = match crate::ctxt::closest(&line.key, codes.iter().copied()) {
                Some(close) => format!("; did you mean `{close}`?"),
                None => String::new(),
            };
            cx.error_at(
                lit.span(),
                format_args!(
                    "{shown}:{}: `{}` is not a code of `{}`{hint}",
                    line.number, line.key, input.ident
                ),
            );
        }
    }
    for entry in entries {
        let Entry::Own(own) = entry else { continue };
        if own.code.is_empty() {
            // Its code is in error, reported already.
            continue;
        }
        match by_code.get(&own.code) {
            Some(line) => {
                if let Err(why) = placeholders(own, &line.text) {
                    cx.error_at(
                        lit.span(),
                        format_args!(
                            "{shown}:{}: the translation of `{}`: {why}",
                            line.number, own.code
                        ),
                    );
                } else {
                    own.translations
                        .push((locale.to_owned(), line.text.clone()));
                }
            }
            None => cx.error_spanned_by(
                own.variant.ident,
                format_args!(
                    "`{}` has no `{locale}` translation: add {} = \"...\" to {shown}",
                    own.code,
                    key_text(&own.code)
                ),
            ),
        }
    }
}

/// The code as a TOML key: bare when it can be.
fn key_text(code: &str) -> String {
    if !code.is_empty() && code.bytes().all(bare_key_byte) {
        code.to_owned()
    } else {
        crate::json::string(code)
    }
}

/// Checks a translation's placeholders: each `{name}` names a details field
/// of the variant as its message does; no format specs, no `{{`.
fn placeholders(own: &Own, text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err("a translation cannot be empty".to_owned());
    }
    let mut rest = text;
    while let Some(i) = rest.find(['{', '}']) {
        if rest.as_bytes()[i] == b'}' {
            return Err("a `}` without its `{`: translations take `{field}` placeholders, and no braces besides".to_owned());
        }
        let after = &rest[i + 1..];
        let Some(end) = after.find('}') else {
            return Err("a `{` without its `}`".to_owned());
        };
        let name = &after[..end];
        if name.starts_with('{') {
            return Err("`{{` is not read in translations: they take `{field}` placeholders, and no braces besides".to_owned());
        }
        if name.contains(':') {
            return Err(format!(
                "`{{{name}}}`: a translation's placeholder has no format spec; write `{{{}}}`",
                name.split(':').next().unwrap_or_default().trim()
            ));
        }
        let field = own.variant.fields.iter().find(|f| f.unraw == name);
        match field {
            Some(field) if own.details.iter().any(|(d, _)| std::ptr::eq(*d, field)) => {}
            Some(field) => {
                let why = if field.internal().is_some() {
                    "internal"
                } else {
                    "not a detail (skipped, or an unrenamed tuple field)"
                };
                return Err(format!(
                    "`{{{name}}}` names a field that is {why}: a translation shows details fields only"
                ));
            }
            None => {
                let known = own.details.iter().map(|(f, _)| f.unraw.as_str());
                let hint = match crate::ctxt::closest(name, known) {
                    Some(close) => format!("; did you mean `{{{close}}}`?"),
                    None if own.details.is_empty() => {
                        format!("; `{}` has no details fields", own.variant.ident)
                    }
                    None => String::new(),
                };
                return Err(format!(
                    "`{{{name}}}` names no field of `{}`{hint}",
                    own.variant.ident
                ));
            }
        }
        rest = &after[end + 1..];
    }
    Ok(())
}

/// A language tag as `Content-Language` and `Accept-Language` spell it:
/// letters, then `-` and letters or digits (`de`, `pt-BR`, `zh-Hant-TW`).
fn tag(cx: &Ctxt, lit: &LitStr) -> Option<String> {
    let value = lit.value();
    let mut parts = value.split('-');
    let primary = parts.next().unwrap_or_default();
    let valid = (2..=8).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    if valid {
        Some(value)
    } else {
        cx.error_at(
            lit.span(),
            format_args!(
                "`{value}` is not a language tag: write one like \"de\", \"pt-BR\" or \"zh-Hant\""
            ),
        );
        None
    }
}

/// One `KEY = "text"` line.
#[derive(Debug, PartialEq)]
pub struct Line {
    pub key: String,
    pub text: String,
    /// 1-based.
    pub number: usize,
    /// The `[TypeName]` table it is in.
    pub table: Option<String>,
}

fn bare_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// A translation file, read.
#[derive(Debug, Default)]
pub struct File {
    pub lines: Vec<Line>,
    /// `[TypeName]` tables, with their lines.
    pub tables: Vec<(String, usize)>,
}

/// Reads a translation file: its lines, or the line number of the first
/// that is not `KEY = "text"`, a `[TypeName]` table, a blank line or a
/// comment, and why.
pub fn parse(text: &str) -> Result<File, (usize, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut file = File::default();
    let mut table: Option<String> = None;
    for (i, raw) in text.split('\n').enumerate() {
        let number = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let line = line.trim_start_matches([' ', '\t']);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fail = |why: &str| (number, why.to_owned());
        if line.starts_with("[[") {
            return Err(fail(
                "arrays of tables are not read: a translation file has `CODE = \"text\"` lines, in `[TypeName]` tables or none",
            ));
        }
        if let Some(header) = line.strip_prefix('[') {
            let header = header.trim_start_matches([' ', '\t']);
            let (name, rest) = key(header).map_err(|why| (number, why))?;
            let rest = rest.trim_start_matches([' ', '\t']);
            if rest.starts_with('.') {
                return Err(fail("dotted table names are not read: a table is named after its type, [ResourceError]"));
            }
            let Some(rest) = rest.strip_prefix(']') else {
                return Err(fail("expected `]` after the table's name: [ResourceError]"));
            };
            let rest = rest.trim_start_matches([' ', '\t']);
            if !(rest.is_empty() || rest.starts_with('#')) {
                return Err(fail("unexpected text after the table's name"));
            }
            if let Some((_, first)) = file.tables.iter().find(|(t, _)| *t == name) {
                return Err((
                    number,
                    format!("the table [{name}] is written twice (first on line {first})"),
                ));
            }
            file.tables.push((name.clone(), number));
            table = Some(name);
            continue;
        }
        let (key, rest) = key(line).map_err(|why| (number, why))?;
        let rest = rest.trim_start_matches([' ', '\t']);
        if rest.starts_with('.') {
            return Err(fail(
                "dotted keys are not read: quote a code with dots, \"a.b\" = \"...\"",
            ));
        }
        let Some(rest) = rest.strip_prefix('=') else {
            return Err(fail("expected `=` after the code: `CODE = \"text\"`"));
        };
        let rest = rest.trim_start_matches([' ', '\t']);
        if !rest.starts_with(['"', '\'']) {
            return Err(fail(
                "expected the translation as a string: `CODE = \"text\"`",
            ));
        }
        let (value, rest) = string(rest).map_err(|why| (number, why))?;
        let rest = rest.trim_start_matches([' ', '\t']);
        if !(rest.is_empty() || rest.starts_with('#')) {
            return Err(fail(
                "unexpected text after the translation (a comment starts with `#`)",
            ));
        }
        file.lines.push(Line {
            key,
            text: value,
            number,
            table: table.clone(),
        });
    }
    Ok(file)
}

/// A bare or quoted key at the start of `text`, and what follows it.
fn key(text: &str) -> Result<(String, &str), String> {
    match text.as_bytes().first() {
        Some(b'"' | b'\'') => string(text),
        _ => {
            let end = text
                .bytes()
                .position(|b| !bare_key_byte(b))
                .unwrap_or(text.len());
            if end == 0 {
                return Err("expected a code: `CODE = \"text\"`".to_owned());
            }
            Ok((text[..end].to_owned(), &text[end..]))
        }
    }
}

/// A TOML basic (`"..."`, with escapes) or literal (`'...'`) string at the
/// start of `text`, and what follows it. Multi-line strings are not read.
fn string(text: &str) -> Result<(String, &str), String> {
    let quote = text.as_bytes()[0];
    if text.as_bytes().starts_with(&[quote; 3]) {
        return Err("multi-line strings are not read: write the translation on one line, with \\n for a line break".to_owned());
    }
    let body = &text[1..];
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            c if c as u32 == u32::from(quote) => return Ok((out, &body[i + 1..])),
            '\\' if quote == b'"' => {
                let escaped = match chars.next().map(|(_, c)| c) {
                    Some('b') => '\u{8}',
                    Some('t') => '\t',
                    Some('n') => '\n',
                    Some('f') => '\u{c}',
                    Some('r') => '\r',
                    Some('e') => '\u{1b}',
                    Some('"') => '"',
                    Some('\\') => '\\',
                    Some(u @ ('u' | 'U')) => {
                        let len = if u == 'u' { 4 } else { 8 };
                        let digits: String = chars.by_ref().take(len).map(|(_, c)| c).collect();
                        let code = (digits.len() == len)
                            .then(|| u32::from_str_radix(&digits, 16).ok())
                            .flatten()
                            .and_then(char::from_u32);
                        match code {
                            Some(c) => c,
                            None => {
                                return Err(format!(
                                    "`\\{u}{digits}` is not a Unicode scalar value"
                                ))
                            }
                        }
                    }
                    Some(other) => return Err(format!("unknown escape `\\{other}`")),
                    None => return Err("the string has no closing quote".to_owned()),
                };
                out.push(escaped);
            }
            c if c != '\t' && (c < ' ' || c == '\u{7f}') => {
                return Err(format!(
                    "control character U+{:04X} in a string: escape it",
                    c as u32
                ));
            }
            c => out.push(c),
        }
    }
    Err("the string has no closing quote".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Result<(String, String), String> {
        parse(text)
            .map(|mut file| {
                let line = file.lines.remove(0);
                (line.key, line.text)
            })
            .map_err(|(_, why)| why)
    }

    #[test]
    fn reads_the_toml_a_catalog_needs() {
        let file = "\u{feff}# German\n\nNOT_FOUND = \"Nicht gefunden\"\r\n  \"ERR-01.2\" = 'C:\\pfad' # comment\n'quoted' = \"a\\\"b\\\\c\\n\\u00e9\\U0001F600\"\n";
        let lines = parse(file).unwrap().lines;
        let read: Vec<_> = lines
            .iter()
            .map(|l| (l.key.as_str(), l.text.as_str(), l.number))
            .collect();
        assert_eq!(
            read,
            [
                ("NOT_FOUND", "Nicht gefunden", 3),
                ("ERR-01.2", "C:\\pfad", 4),
                ("quoted", "a\"b\\c\né😀", 5),
            ]
        );
    }

    #[test]
    fn every_other_line_is_an_error_with_its_number() {
        for (text, why) in [
            ("[[de]]", "arrays of tables"),
            ("[a.b]", "dotted table"),
            ("[a", "expected `]`"),
            ("[a] b", "after the table"),
            ("[a]\n[a]", "written twice"),
            ("a.b = \"x\"", "dotted"),
            ("A \"x\"", "expected `=`"),
            ("A = x", "as a string"),
            ("A = \"x\" y", "after the translation"),
            ("A = \"x", "closing quote"),
            ("A = \"\"\"x\"\"\"", "multi-line"),
            ("A = \"\\q\"", "unknown escape"),
            ("A = \"\\uD800\"", "Unicode scalar"),
            ("A = \"\\u12\"", "Unicode scalar"),
            ("A = \"a\u{1}b\"", "control character"),
            ("= \"x\"", "expected a code"),
        ] {
            let got = one(text).unwrap_err();
            assert!(got.contains(why), "{text:?}: {got}");
        }
        assert_eq!(parse("A = \"x\"\n\nB").unwrap_err().0, 3);
    }

    #[test]
    fn tables_keep_each_types_codes() {
        let file =
            parse("[AuthError] # one type\nA = \"a\"\n\n[ \"Billing\" ]\nB = 'b'\n").unwrap();
        assert_eq!(
            file.tables,
            [("AuthError".to_owned(), 1), ("Billing".to_owned(), 4)]
        );
        let tables: Vec<_> = file
            .lines
            .iter()
            .map(|l| (l.key.as_str(), l.table.as_deref()))
            .collect();
        assert_eq!(tables, [("A", Some("AuthError")), ("B", Some("Billing"))]);
    }
}
