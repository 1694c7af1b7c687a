//! Helpers shared by the tests of the service catalogs (`service_*`,
//! `decode`, `leaks`, `typescript`); each test binary declares this module
//! once.

// Each test binary uses only some of the helpers.
#![allow(dead_code)]

use apierror::decode::Decode;
use apierror::{ApiError, Catalog, Descriptor};
use serde_json::{json, Map, Value};

/// The columns every published table has: (code, status, variant, message, description).
pub type Columns = (&'static str, u16, &'static str, &'static str, &'static str);

/// A published table row with one more column after the status (OpenChoreo's
/// category, Hexabase's enum name): (code, status, extra, variant, message,
/// description).
pub type ColumnsWithExtra = (
    &'static str,
    u16,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// A row of a published table. [`assert_catalog`] checks the common [`Columns`];
/// a service test checks an extra column itself.
pub trait ReferenceRow: Copy {
    /// (code, status, variant, message, description).
    fn columns(self) -> Columns;
}

impl ReferenceRow for Columns {
    fn columns(self) -> Columns {
        self
    }
}

impl ReferenceRow for ColumnsWithExtra {
    fn columns(self) -> Columns {
        let (code, status, _extra, variant, message, description) = self;
        (code, status, variant, message, description)
    }
}

/// Asserts that `catalog` lists exactly the codes of `published`, in declaration
/// order, each with the published reference's status, variant, message and description, and
/// that [`Catalog::find`] finds each code's variant.
pub fn assert_catalog(catalog: &Catalog, published: &[impl ReferenceRow]) {
    assert_eq!(catalog.iter().count(), published.len(), "number of codes");
    for (d, row) in catalog.iter().zip(published) {
        let (code, status, variant, message, description) = row.columns();
        assert_eq!(d.code(), code, "{code}: code");
        assert_eq!(d.status().as_u16(), status, "{code}: status");
        assert_eq!(d.variant(), variant, "{code}: variant");
        assert_eq!(d.template(), message, "{code}: message");
        assert_eq!(d.description(), description, "{code}: description");
        assert_eq!(
            catalog.find(code).map(|f| f.variant()),
            Some(variant),
            "{code}: find"
        );
    }
}

/// Renders `err` in its type's default format and parses it back.
pub fn render<E: ApiError>(err: &E) -> Value {
    let bytes = apierror::Render::new(err)
        .to_vec()
        .expect("error renders as JSON");
    serde_json::from_slice(&bytes).expect("rendered JSON parses")
}

/// Parses a JSON example of a published reference.
pub fn parse(published: &str) -> Value {
    serde_json::from_str(&compact(published)).expect("published example is valid JSON")
}

/// A published JSON example as serde_json writes it: without the whitespace and
/// `//` comments between tokens, strings and key order untouched. Comparing
/// rendered bytes with it checks the key order too, which [`Value`] (a sorted
/// map) does not.
pub fn compact(published: &str) -> String {
    let mut out = String::with_capacity(published.len());
    let mut chars = published.chars().peekable();
    let (mut in_string, mut escaped) = (false, false);
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '/' && chars.peek() == Some(&'/') {
            // A comment runs to the end of the line.
            for c in chars.by_ref() {
                if c == '\n' {
                    break;
                }
            }
        } else if !c.is_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

#[test]
fn compact_keeps_strings_and_drops_comments() {
    let published = "{\n  \"a b\": \"x // \\\" y\",\n  // note\n  \"c\": [1, 2]\n}";
    assert_eq!(compact(published), r#"{"a b":"x // \" y","c":[1,2]}"#);
}

/// A JSON value of the Rust type written in a descriptor, distinct per field.
pub fn sample(ty: &str, salt: usize) -> Value {
    let inner = |prefix: &str| &ty[prefix.len()..ty.len() - 1];
    if let Some(rest) = ty.strip_prefix("Option<") {
        return sample(&rest[..rest.len() - 1], salt);
    }
    if ty.starts_with("Vec<") {
        return json!([sample(inner("Vec<"), salt), sample(inner("Vec<"), salt + 1)]);
    }
    if ty.starts_with("BTreeMap<String,") || ty.starts_with("std::collections::BTreeMap<String,") {
        let value = ty
            .split_once(',')
            .map(|(_, v)| v.trim().trim_end_matches('>'))
            .unwrap();
        return json!({"alpha": sample(value, salt), "beta": sample(value, salt + 1)});
    }
    match ty {
        "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" => json!(7 + salt),
        "bool" => json!(salt.is_multiple_of(2)),
        "String" | "&'static str" => json!(format!("value-{salt}")),
        other => panic!("no sample for type {other}: extend the test"),
    }
}

/// The value of each variant of `E`, built by decoding a body made of sample
/// details (so every variant, however many, gets a value with distinct fields).
pub fn every_variant<E: Decode + ApiError>() -> Vec<(&'static Descriptor, E)> {
    E::CATALOG
        .iter()
        .map(|d| {
            let details: Map<String, Value> = d
                .fields()
                .iter()
                .zip(d.field_types())
                .enumerate()
                .map(|(i, (key, ty))| (key.to_string(), sample(ty, i)))
                .collect();
            let body =
                json!({"error": {"code": d.code(), "message": d.template(), "details": details}});
            let value = E::decode(body.to_string().as_bytes())
                .unwrap_or_else(|e| panic!("{}: {e}", d.code()))
                .known()
                .unwrap_or_else(|| panic!("{} is not decoded as known", d.code()));
            assert_eq!(value.code(), d.code());
            (d, value)
        })
        .collect()
}
