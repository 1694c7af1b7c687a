//! Translations of the public messages: `language`, `locales(...)` and
//! `translations = "dir"` on the type, one file per language read when the
//! derive expands.
//!
//! A file is TOML restricted to what a catalog needs (read by
//! `toml_subset`): one `KEY = "text"` line per code, blank lines, `#`
//! comments and `[TypeName]` tables. Anything else is an error that names
//! the file and line; at most `MAX_FILE_ERRORS` are reported per file.

use super::model::{Entry, Own};
use super::toml_subset::{self, Document, Pair};
use crate::base::ctxt::Ctxt;
use crate::parse::ast::Input;
use proc_macro2::Span;
use std::collections::{HashMap, HashSet};
use std::fmt::Display;
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

/// The errors reported for one file; past them, one error counts the rest.
pub(super) const MAX_FILE_ERRORS: usize = 10;

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
    let dir = match &attrs.translations {
        Some(lit) => {
            let dir = lit.value();
            if let Err(why) = in_crate(&dir) {
                cx.error_at(lit.span(), why);
                return Locales {
                    language,
                    files: Vec::new(),
                };
            }
            dir
        }
        None => DEFAULT_DIR.to_owned(),
    };
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
        translate(cx, lit.span(), &name, &shown, &text, input, entries);
    }
    Locales { language, files }
}

/// Checks that `translations` names a directory of the crate: `cargo
/// package` puts only the crate's directory in the published crate, so a
/// path that leaves it builds in the repository and breaks once published.
/// A symbolic link in the crate is fine: `cargo package` stores the file
/// it points to.
pub(super) fn in_crate(dir: &str) -> Result<(), String> {
    let path = Path::new(dir);
    let drive = matches!(dir.as_bytes(), [letter, b':', ..] if letter.is_ascii_alphabetic());
    if dir.starts_with(['/', '\\']) || path.has_root() || path.is_absolute() || drive {
        return Err(format!(
            "`{dir}` is an absolute path: the crate would build here and break when published (a published crate has only its own directory); name a directory relative to Cargo.toml, such as \"locales\""
        ));
    }
    // Both separators: a `..\` is a parent on Windows.
    let mut depth = 0usize;
    for part in dir.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => match depth.checked_sub(1) {
                Some(up) => depth = up,
                None => {
                    return Err(format!(
                        "`{dir}` leaves the crate's directory: the crate would build here and break when published (a published crate has only its own directory); keep the files in it, such as in \"locales\" (a symbolic link there is published as what it points to)"
                    ))
                }
            },
            _ => depth += 1,
        }
    }
    Ok(())
}

/// Reads one locale's file and gives each own entry its line.
pub(super) fn translate(
    cx: &Ctxt,
    span: Span,
    locale: &str,
    shown: &str,
    text: &str,
    input: &Input,
    entries: &mut [Entry],
) {
    let mut errors = FileErrors {
        cx,
        span,
        shown,
        reported: 0,
        more: 0,
    };
    match toml_subset::parse(text) {
        Ok(document) => {
            if let Some(pairs) = own_pairs(&mut errors, document, input) {
                assign(&mut errors, locale, pairs, input, entries);
            }
        }
        Err(found) => {
            for error in found {
                errors.line(error.line, error.message);
            }
        }
    }
    errors.finish();
}

/// The errors of one file, spanned on its locale: the first
/// `MAX_FILE_ERRORS`, then one that counts the others, so that a file of
/// many bad lines gives a few errors, and its messages are not even built.
struct FileErrors<'a> {
    cx: &'a Ctxt,
    span: Span,
    shown: &'a str,
    reported: usize,
    more: usize,
}

impl FileErrors<'_> {
    /// Whether the next error is only counted.
    fn full(&self) -> bool {
        self.reported >= MAX_FILE_ERRORS
    }

    /// Counts an error past the cap.
    fn skip(&mut self) {
        self.more += 1;
    }

    /// An error about the file as a whole.
    fn file(&mut self, message: impl Display) {
        if self.full() {
            self.skip();
        } else {
            self.reported += 1;
            self.cx.error_at(self.span, message);
        }
    }

    /// An error on one line.
    fn line(&mut self, line: usize, message: impl Display) {
        let shown = self.shown;
        self.file(format_args!("{shown}:{line}: {message}"));
    }

    fn finish(self) {
        if self.more > 0 {
            let (more, shown) = (self.more, self.shown);
            let errors = if more == 1 { "error" } else { "errors" };
            self.cx.error_at(
                self.span,
                format_args!("... and {more} more {errors} in {shown} (the first {MAX_FILE_ERRORS} are shown)"),
            );
        }
    }
}

/// The pairs of the type: all of a file without tables, else those of the
/// table named after the type (the other tables are other types').
fn own_pairs(errors: &mut FileErrors, document: Document, input: &Input) -> Option<Vec<Pair>> {
    if document.tables.is_empty() {
        return Some(document.root);
    }
    let name = input.ident.to_string();
    if let Some(pair) = document.root.first() {
        errors.line(
            pair.line,
            format_args!(
                "`{}` is in no table: a file with tables keeps each type's codes under [TypeName]",
                pair.key
            ),
        );
        return None;
    }
    let Some(own) = document.tables.iter().position(|table| table.name == name) else {
        let tables = document.tables.iter().map(|t| t.name.as_str());
        let hint = match crate::base::ctxt::closest(&name, tables) {
            Some(close) => format!("; is [{close}] meant to be [{name}]?"),
            None => String::new(),
        };
        let shown = errors.shown;
        errors.file(format_args!(
            "{shown} has no [{name}] table for the codes of `{name}`{hint}"
        ));
        return None;
    };
    document
        .tables
        .into_iter()
        .nth(own)
        .map(|table| table.pairs)
}

/// Gives each own entry its line of one locale's file; reports codes
/// without a line, lines for no code, and placeholders that name no
/// details field. A file has each key once (`toml_subset` checks it).
fn assign(
    errors: &mut FileErrors,
    locale: &str,
    pairs: Vec<Pair>,
    input: &Input,
    entries: &mut [Entry],
) {
    let codes: HashSet<&str> = entries
        .iter()
        .filter_map(|entry| match entry {
            Entry::Own(own) => Some(own.code.as_str()),
            Entry::Transparent { .. } => None,
        })
        .collect();
    // A code in error (reported) leaves the lines of the others unchecked.
    let all_codes = !codes.contains("");
    for pair in pairs.iter().filter(|_| all_codes) {
        if codes.contains(pair.key.as_str()) {
            continue;
        }
        if errors.full() {
            errors.skip();
            continue;
        }
        let hint = match crate::base::ctxt::closest(&pair.key, codes.iter().copied()) {
            Some(close) => format!("; did you mean `{close}`?"),
            None => String::new(),
        };
        errors.line(
            pair.line,
            format_args!("`{}` is not a code of `{}`{hint}", pair.key, input.ident),
        );
    }
    let by_code: HashMap<&str, &Pair> =
        pairs.iter().map(|pair| (pair.key.as_str(), pair)).collect();
    for entry in entries {
        let Entry::Own(own) = entry else { continue };
        if own.code.is_empty() {
            // Its code is in error, reported already.
            continue;
        }
        match by_code.get(own.code.as_str()) {
            Some(pair) => {
                if let Err(why) = placeholders(own, &pair.value) {
                    errors.line(
                        pair.line,
                        format_args!("the translation of `{}`: {why}", own.code),
                    );
                } else {
                    own.translations
                        .push((locale.to_owned(), pair.value.clone()));
                }
            }
            None => errors.cx.error_spanned_by(
                own.variant.ident,
                format_args!(
                    "`{}` has no `{locale}` translation: add {} = \"...\" to {}",
                    own.code,
                    key_text(&own.code),
                    errors.shown
                ),
            ),
        }
    }
}

/// The code as a TOML key: bare when it can be.
fn key_text(code: &str) -> String {
    if toml_subset::is_bare_key(code) {
        code.to_owned()
    } else {
        crate::grammar::json::string(code)
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
                let hint = match crate::base::ctxt::closest(name, known) {
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
