//! `diff OLD NEW`: every change between two releases of a fleet's catalogs,
//! classified as breaking for a client or not.
//!
//! The contract is what a client's code reads: which codes exist, each
//! code's HTTP status and gRPC code, the format of the body, and the
//! details' members, their JSON types and whether they are always there.
//! Messages and documentation are for people: their changes are listed,
//! never breaking.

use crate::catalog::{Code, Field, Fleet, InputError, Service};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// One change.
#[derive(Debug)]
pub struct Change {
    pub kind: &'static str,
    pub breaking: bool,
    /// `service`, `service/CODE` or `service/CODE/field`: what the
    /// allow-list names.
    pub subject: String,
    pub message: String,
    /// Breaking, and named by the allow-list.
    pub allowed: bool,
}

/// Every kind of change, breaking first: the names the allow-list takes.
pub const KINDS: &[(&str, bool)] = &[
    ("service-removed", true),
    ("code-removed", true),
    ("retired-reused", true),
    ("status-changed", true),
    ("grpc-changed", true),
    ("format-changed", true),
    ("details-removed", true),
    ("field-removed", true),
    ("field-renamed", true),
    ("field-retyped", true),
    ("field-required", true),
    ("field-optional", true),
    ("field-nullable", true),
    ("service-added", false),
    ("code-added", false),
    ("code-retired", false),
    ("details-added", false),
    ("field-added", false),
    ("field-rust-type-changed", false),
    ("message-changed", false),
];

fn breaking(kind: &str) -> bool {
    KINDS.iter().any(|(k, b)| *k == kind && *b)
}

struct Out(Vec<Change>);

impl Out {
    fn push(&mut self, kind: &'static str, subject: String, message: String) {
        debug_assert!(KINDS.iter().any(|(k, _)| *k == kind), "{kind}");
        self.0.push(Change {
            kind,
            breaking: breaking(kind),
            subject,
            message,
            allowed: false,
        });
    }
}

pub fn diff(old: &Fleet, new: &Fleet) -> Vec<Change> {
    let mut out = Out(Vec::new());
    let new_by_name: HashMap<&str, &Service> =
        new.services.iter().map(|s| (s.name.as_str(), s)).collect();
    let old_by_name: HashMap<&str, &Service> =
        old.services.iter().map(|s| (s.name.as_str(), s)).collect();
    for before in &old.services {
        match new_by_name.get(before.name.as_str()) {
            Some(after) => service(&mut out, before, after),
            None => out.push(
                "service-removed",
                before.name.clone(),
                format!(
                    "the service {} and its {} codes are gone",
                    before.name,
                    before.codes.len()
                ),
            ),
        }
    }
    for after in &new.services {
        if !old_by_name.contains_key(after.name.as_str()) {
            out.push(
                "service-added",
                after.name.clone(),
                format!(
                    "new service {} with {} codes",
                    after.name,
                    after.codes.len()
                ),
            );
        }
    }
    out.0
}

fn service(out: &mut Out, before: &Service, after: &Service) {
    let name = &before.name;
    if let (Some(old), Some(new)) = (&before.format, &after.format) {
        if old != new {
            out.push(
                "format-changed",
                name.clone(),
                format!("{name} answers in the {new} format, was {old}: every body changes shape"),
            );
        }
    }
    let new_codes: HashMap<&str, &Code> =
        after.codes.iter().map(|c| (c.code.as_str(), c)).collect();
    let old_codes: HashMap<&str, &Code> =
        before.codes.iter().map(|c| (c.code.as_str(), c)).collect();
    for old in &before.codes {
        let subject = format!("{name}/{}", old.code);
        match new_codes.get(old.code.as_str()) {
            Some(new) => code(out, &subject, old, new),
            None if after.retired.contains(&old.code) => out.push(
                "code-retired",
                subject,
                format!("{} is retired (status {})", old.code, old.status),
            ),
            None => out.push(
                "code-removed",
                subject,
                format!(
                    "{} (status {}) is gone without being retired: retire it (`retired(\"{}\")`) so that it is never reused",
                    old.code, old.status, old.code
                ),
            ),
        }
    }
    for new in &after.codes {
        if before.retired.contains(&new.code) {
            out.push(
                "retired-reused",
                format!("{name}/{}", new.code),
                format!(
                    "{} was retired and is used again (status {}): old clients read it as the retired error",
                    new.code, new.status
                ),
            );
        } else if !old_codes.contains_key(new.code.as_str()) {
            out.push(
                "code-added",
                format!("{name}/{}", new.code),
                format!("new code {} (status {})", new.code, new.status),
            );
        }
    }
}

fn code(out: &mut Out, subject: &str, old: &Code, new: &Code) {
    let c = &old.code;
    if old.status != new.status {
        out.push(
            "status-changed",
            subject.to_owned(),
            format!("{c}: status {} -> {}", old.status, new.status),
        );
    }
    if let (Some(a), Some(b)) = (&old.grpc, &new.grpc) {
        if a != b {
            out.push(
                "grpc-changed",
                subject.to_owned(),
                format!("{c}: gRPC code {a} -> {b}"),
            );
        }
    }
    if old.message != new.message {
        out.push(
            "message-changed",
            subject.to_owned(),
            format!("{c}: message {:?} -> {:?}", old.message, new.message),
        );
    }
    match (old.details, new.details) {
        (true, false) => {
            out.push(
                "details-removed",
                subject.to_owned(),
                format!("{c}: the details object is no longer sent"),
            );
            return;
        }
        (false, true) => out.push(
            "details-added",
            subject.to_owned(),
            format!("{c}: a details object is sent"),
        ),
        _ => {}
    }
    fields(out, subject, c, &old.fields, &new.fields);
}

fn fields(out: &mut Out, subject: &str, c: &str, old: &[Field], new: &[Field]) {
    let new_by: BTreeMap<&str, &Field> = new.iter().map(|f| (f.name.as_str(), f)).collect();
    let old_by: BTreeMap<&str, &Field> = old.iter().map(|f| (f.name.as_str(), f)).collect();
    let mut added: Vec<&Field> = new
        .iter()
        .filter(|f| !old_by.contains_key(f.name.as_str()))
        .collect();
    for before in old {
        let at = format!("{subject}/{}", before.name);
        let Some(after) = new_by.get(before.name.as_str()) else {
            // A removed field and an added one of the same type: a rename.
            match added
                .iter()
                .position(|f| f.rust == before.rust && f.json == before.json)
            {
                Some(i) => {
                    let renamed = added.remove(i);
                    out.push(
                        "field-renamed",
                        at,
                        format!(
                            "{c}: details field `{}` renamed to `{}`",
                            before.name, renamed.name
                        ),
                    );
                }
                None => out.push(
                    "field-removed",
                    at,
                    format!(
                        "{c}: details field `{}` ({}) removed",
                        before.name, before.rust
                    ),
                ),
            }
            continue;
        };
        let f = &before.name;
        if before.json != after.json {
            out.push(
                "field-retyped",
                at.clone(),
                format!(
                    "{c}: details field `{f}` is {} ({}), was {} ({})",
                    after.json, after.rust, before.json, before.rust
                ),
            );
        } else if before.rust != after.rust {
            out.push(
                "field-rust-type-changed",
                at.clone(),
                format!(
                    "{c}: details field `{f}` is {}, was {} (the same JSON type, {})",
                    after.rust, before.rust, after.json
                ),
            );
        }
        match (before.required, after.required) {
            (false, true) => out.push("field-required", at.clone(), format!("{c}: details field `{f}` made required")),
            (true, false) => out.push(
                "field-optional",
                at.clone(),
                format!("{c}: details field `{f}` made optional: clients that read it may find it missing"),
            ),
            _ => {}
        }
        if !before.nullable && after.nullable {
            out.push(
                "field-nullable",
                at,
                format!("{c}: details field `{f}` may now be null"),
            );
        }
    }
    for field in added {
        out.push(
            "field-added",
            format!("{subject}/{}", field.name),
            format!(
                "{c}: new details field `{}` ({}{})",
                field.name,
                field.rust,
                if field.required { "" } else { ", optional" }
            ),
        );
    }
}

/// The allow-list: one intended break a line, `KIND SUBJECT`, a `#` starts
/// a comment (say why); a subject ending in `*` names every subject that
/// starts with what precedes it.
#[derive(Debug)]
pub struct AllowList {
    entries: Vec<(String, String, usize, bool)>,
}

impl AllowList {
    pub fn read(path: &Path) -> Result<AllowList, InputError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| InputError(format!("{}: {e}", path.display())))?;
        let mut entries = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let mut words = line.split_whitespace();
            let (Some(kind), Some(subject), None) = (words.next(), words.next(), words.next())
            else {
                return Err(InputError(format!(
                    "{}:{}: expected `KIND SUBJECT` (e.g. `status-changed billing/BILL-002`), found `{line}`",
                    path.display(),
                    n + 1
                )));
            };
            if !KINDS.iter().any(|(k, _)| *k == kind) {
                return Err(InputError(format!(
                    "{}:{}: unknown kind of change `{kind}`; the breaking kinds are {}",
                    path.display(),
                    n + 1,
                    KINDS
                        .iter()
                        .filter(|(_, b)| *b)
                        .map(|(k, _)| *k)
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
            entries.push((kind.to_owned(), subject.to_owned(), n + 1, false));
        }
        Ok(AllowList { entries })
    }

    /// Marks the breaking changes the list names; returns the lines that
    /// named nothing.
    pub fn apply(&mut self, changes: &mut [Change]) -> Vec<String> {
        for change in changes.iter_mut().filter(|c| c.breaking) {
            for (kind, subject, _, used) in &mut self.entries {
                let matches = match subject.strip_suffix('*') {
                    Some(prefix) => change.subject.starts_with(prefix),
                    None => change.subject == *subject,
                };
                if kind == change.kind && matches {
                    change.allowed = true;
                    *used = true;
                }
            }
        }
        self.entries
            .iter()
            .filter(|(_, _, _, used)| !*used)
            .map(|(kind, subject, line, _)| {
                format!("line {line}: `{kind} {subject}` allows no change")
            })
            .collect()
    }
}

pub fn human(changes: &[Change]) -> String {
    let mut out = String::new();
    for change in changes {
        let tag = match (change.breaking, change.allowed) {
            (true, false) => "BREAKING",
            (true, true) => "allowed ",
            _ => "        ",
        };
        out.push_str(&format!(
            "{tag} {:<24} {:<32} {}\n",
            change.kind, change.subject, change.message
        ));
    }
    let (breaking, allowed) = counts(changes);
    out.push_str(&format!(
        "{} changes: {breaking} breaking, {allowed} breaking but allowed, {} compatible\n",
        changes.len(),
        changes.len() - breaking - allowed
    ));
    out
}

/// (breaking and not allowed, breaking and allowed)
pub fn counts(changes: &[Change]) -> (usize, usize) {
    let breaking = changes.iter().filter(|c| c.breaking && !c.allowed).count();
    let allowed = changes.iter().filter(|c| c.breaking && c.allowed).count();
    (breaking, allowed)
}

pub fn to_json(changes: &[Change], unused: &[String]) -> Value {
    let (breaking, allowed) = counts(changes);
    json!({
        "breaking": breaking,
        "allowed": allowed,
        "compatible": changes.len() - breaking - allowed,
        "changes": changes.iter().map(|c| json!({
            "kind": c.kind,
            "breaking": c.breaking,
            "allowed": c.allowed,
            "subject": c.subject,
            "message": c.message,
        })).collect::<Vec<_>>(),
        "unused_allow_entries": unused,
    })
}
