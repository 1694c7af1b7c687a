//! The JSON catalog.

use super::all_categories;
use crate::catalog::{Catalog, Category, Descriptor};
use serde::ser::{Serialize, SerializeStruct, Serializer};

/// The catalog as pretty-printed JSON, the shape of [`JsonCatalog`].
///
/// ```
/// use apierror::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "RATE_")]
/// pub enum RateError {
///     /// Too many requests in the current window.
///     #[status(429)]
///     #[message("Rate limit exceeded")]
///     LimitExceeded {
///         limit: u32,
///         #[api_error(retry_after)]
///         retry_after: u64,
///     },
/// }
///
/// let json = apierror::export::json(RateError::CATALOG);
/// let value: serde_json::Value = serde_json::from_str(&json)?;
/// let error = &value["errors"][0];
/// assert_eq!(error["code"], "RATE_LIMIT_EXCEEDED");
/// assert_eq!(error["status"], 429);
/// assert_eq!(error["variant"], "LimitExceeded");
/// assert_eq!(error["type"], "RateError");
/// assert_eq!(error["fields"][1], serde_json::json!({"name": "retry_after", "type": "u64"}));
/// assert_eq!(error["retry_after"], true);
/// assert!(json.starts_with("{\n  \"type\": \"RateError\",\n"));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn json(catalog: &Catalog) -> String {
    serde_json::to_string_pretty(&JsonCatalog(catalog))
        .expect("a catalog serializes to JSON: strings, numbers and booleans only")
}

/// A [`Catalog`] as serde data, for SDK generators, linters and other tools.
///
/// Serializes, without building anything in between, to:
///
/// ```json
/// {
///   "type": "PhalaError",
///   "description": "Every error the Phala Cloud API returns; ...",
///   "pattern": null,
///   "range": null,
///   "categories": [{"name": "...", "title": "..." | null, "range": [1000, 1999] | null, "prefix": "AUTH_" | null}],
///   "retired": ["ERR-03-003", "ERR-03-004"],
///   "errors": [
///     {
///       "code": "ERR-01-004",
///       "status": 409,
///       "variant": "DuplicateCvmName",
///       "type": "PreflightError",
///       "message": "A CVM with name '{name}' already exists in this workspace",
///       "description": "Raised when a CVM name already exists in the workspace (HTTP 409)",
///       "category": null,
///       "title": null,
///       "kind": null,
///       "fields": [{"name": "name", "type": "String"}],
///       "details": true,
///       "retry_after": false
///     }
///   ]
/// }
/// ```
///
/// - `type`, `description`, `pattern` and `range` are the type's own
///   ([`Catalog::type_name`], ...); `range` is `[low, high]`, inclusive.
/// - `categories` are those of the type and of every type it includes through
///   transparent variants, each once, so that every error's `category` names
///   one of them.
/// - `retired` is [`Catalog::all_retired`]: retired codes of the included
///   types too.
/// - `errors` is [`Catalog::iter`]: every code in declaration order,
///   transparent variants expanded in place; `type` is the type declaring the
///   variant, `message` the template with its `{placeholders}`, `fields` the
///   keys of `details` with their Rust types as written, `details` whether a
///   `details` object is sent, `retry_after` whether a field feeds the
///   `Retry-After` header.
///
/// ```
/// use apierror::ApiError;
/// use apierror::export::JsonCatalog;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(pattern = "ERR-03-###", retired("ERR-03-003"))]
/// pub enum CvmError {
///     #[code("ERR-03-001")]
///     #[status(404)]
///     #[message("The requested CVM was not found")]
///     CvmNotFound { cvm_id: String },
/// }
///
/// let compact = serde_json::to_string(&JsonCatalog(CvmError::CATALOG))?;
/// assert_eq!(
///     compact,
///     concat!(
///         r#"{"type":"CvmError","description":"","pattern":"ERR-03-###","range":null,"categories":[],"retired":["ERR-03-003"],"#,
///         r#""errors":[{"code":"ERR-03-001","status":404,"variant":"CvmNotFound","type":"CvmError","#,
///         r#""message":"The requested CVM was not found","description":"","category":null,"title":null,"kind":null,"#,
///         r#""fields":[{"name":"cvm_id","type":"String"}],"details":true,"retry_after":false}]}"#,
///     )
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct JsonCatalog<'a>(pub &'a Catalog);

impl Serialize for JsonCatalog<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let catalog = self.0;
        let mut s = serializer.serialize_struct("Catalog", 7)?;
        s.serialize_field("type", catalog.type_name())?;
        s.serialize_field("description", catalog.description())?;
        s.serialize_field("pattern", &catalog.pattern())?;
        s.serialize_field("range", &catalog.range().map(|(lo, hi)| [lo, hi]))?;
        s.serialize_field(
            "categories",
            &Seq(|| all_categories(catalog).into_iter().map(JsonCategory)),
        )?;
        s.serialize_field("retired", &Seq(|| catalog.all_retired()))?;
        s.serialize_field("errors", &Seq(|| catalog.iter().map(JsonError)))?;
        s.end()
    }
}

/// A sequence serialized from a fresh iterator.
struct Seq<F>(F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: IntoIterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

struct JsonCategory(&'static Category);

impl Serialize for JsonCategory {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let category = self.0;
        let mut s = serializer.serialize_struct("Category", 4)?;
        s.serialize_field("name", category.name())?;
        s.serialize_field("title", &category.title())?;
        s.serialize_field("range", &category.range().map(|(lo, hi)| [lo, hi]))?;
        s.serialize_field("prefix", &category.prefix())?;
        s.end()
    }
}

struct JsonError(&'static Descriptor);

impl Serialize for JsonError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        let mut s = serializer.serialize_struct("Error", 12)?;
        s.serialize_field("code", d.code())?;
        s.serialize_field("status", &d.status().as_u16())?;
        s.serialize_field("variant", d.variant())?;
        s.serialize_field("type", d.type_name())?;
        s.serialize_field("message", d.message())?;
        s.serialize_field("description", d.description())?;
        s.serialize_field("category", &d.category())?;
        s.serialize_field("title", &d.title())?;
        s.serialize_field("kind", &d.kind())?;
        s.serialize_field(
            "fields",
            &Seq(|| {
                d.fields().iter().enumerate().map(|(i, name)| JsonField {
                    name,
                    ty: d.field_types().get(i).copied(),
                })
            }),
        )?;
        s.serialize_field("details", &d.has_details())?;
        s.serialize_field("retry_after", &d.has_retry_after())?;
        s.end()
    }
}

struct JsonField {
    name: &'static str,
    ty: Option<&'static str>,
}

impl Serialize for JsonField {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Field", 2)?;
        s.serialize_field("name", self.name)?;
        s.serialize_field("type", &self.ty)?;
        s.end()
    }
}
