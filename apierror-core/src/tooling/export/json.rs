//! The JSON catalog.

use super::{all_categories, Export};
use crate::catalog::{Catalog, Category, Descriptor};
use crate::doc::{Block, Section, StatusDoc};
use crate::shape::Shape;
use serde::ser::{Serialize, SerializeStruct, Serializer};

impl Export {
    /// The catalog as pretty-printed JSON, the shape of [`JsonCatalog`].
    ///
    /// ```
    /// use apierror::export::Export;
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
    /// let json = Export::json(RateError::CATALOG);
    /// let value: serde_json::Value = serde_json::from_str(&json)?;
    /// let error = &value["errors"][0];
    /// assert_eq!(error["code"], "RATE_LIMIT_EXCEEDED");
    /// assert_eq!(error["status"], 429);
    /// assert_eq!(error["variant"], "LimitExceeded");
    /// assert_eq!(error["type"], "RateError");
    /// assert_eq!(
    ///     error["fields"][1],
    ///     serde_json::json!({"name": "retry_after", "type": "u64", "description": "", "json": "integer", "nullable": false, "required": true})
    /// );
    /// assert_eq!(error["grpc"], "RESOURCE_EXHAUSTED");
    /// assert_eq!(value["format"], "standard");
    /// assert_eq!(error["retry_after"], true);
    /// assert!(json.starts_with("{\n  \"type\": \"RateError\",\n"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn json(catalog: &Catalog) -> String {
        serde_json::to_string_pretty(&JsonCatalog(catalog))
            .expect("a catalog serializes to JSON: strings, numbers and booleans only")
    }
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
///       "language": "en",
///       "translations": {"de": "Eine CVM namens '{name}' gibt es schon"},
///       "description": "Raised when a CVM name already exists in the workspace (HTTP 409)",
///       "category": null,
///       "title": null,
///       "kind": null,
///       "fields": [{"name": "name", "type": "String", "description": "The name asked for.",
///                   "json": "string", "nullable": false, "required": true}],
///       "details": true,
///       "retry_after": false,
///       "grpc": "ABORTED",
///       "class": "DuplicateCvmNameError",
///       "doc_url": "https://docs.phala.network/errors/err-01-004" | null,
///       "causes": ["..."],
///       "example": {"lang": "json", "code": "{...}"} | null,
///       "resolution": ["**Pick another name**: ..."],
///       "commands": [{"lang": "bash", "code": "phala cvms list"}],
///       "solution": "..." | null,
///       "sections": [{"heading": "Notes", "body": "..."}]
///     }
///   ],
///   "doc_url": "https://docs.phala.network/errors/{code:lowercase}" | null,
///   "class": "AppError" | null,
///   "format": "standard",
///   "domain": "api.example.com" | null,
///   "appendices": [{"heading": "Getting Help", "body": "..."}],
///   "statuses": [{"status": 465, "description": "...", "troubleshooting": "..." | null}]
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
///   `Retry-After` header, `grpc` the canonical gRPC code's name
///   ([`Descriptor::rpc_code`]); `fields[].json` is the JSON type of the
///   value (`"string"`, `"integer"`, `"number"`, `"boolean"`, `"array"`,
///   `"object"`, `"null"`, or `"any"` for a type whose own `Serialize`
///   decides), `fields[].nullable` whether it may be `null`,
///   `fields[].required` whether every body has it (an `Option` field is
///   left out when `None`); `language` (the language of `message`) and
///   `translations` (the message in each of the type's `locales`, see
///   [`locale`](crate::locale)) are written only for a translated type;
///   `description` is the first paragraph of the
///   variant's doc comment, `causes` ... `sections` the rest of it (see
///   [`doc`](crate::doc)), `fields[].description` each field's doc comment,
///   `doc_url` the code's documentation URL, written out.
/// - `class` is the base class of the errors' classes ([`Catalog::class`]);
///   `appendices` are the sections of the type's doc comment, `statuses`
///   the text it attaches to HTTP statuses (included types' too), `doc_url`
///   its documentation URL template; `format` the name of its built-in
///   format ([`Catalog::built_in`]), or `custom` for a type that declares a
///   format of its own (`format = my::FORMAT`), `domain` the AIP-193 domain of the
///   `google` format (`null` for the others).
/// - `grpc`, `format`, `domain` and the fields' `json`, `nullable` and
///   `required` are what `apierror-fleet` compares between releases; they
///   were added after the first release, and a reader of older files treats
///   them as unknown.
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
///         r#""fields":[{"name":"cvm_id","type":"String","description":"","json":"string","nullable":false,"required":true}],"#,
///         r#""details":true,"retry_after":false,"grpc":"NOT_FOUND","#,
///         r#""class":null,"doc_url":null,"causes":[],"example":null,"resolution":[],"commands":[],"solution":null,"sections":[]}],"#,
///         r#""doc_url":null,"class":null,"format":"standard","domain":null,"appendices":[],"statuses":[]}"#,
///     )
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct JsonCatalog<'a>(pub &'a Catalog);

impl Serialize for JsonCatalog<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let catalog = self.0;
        let mut s = serializer.serialize_struct("Catalog", 10)?;
        s.serialize_field("type", catalog.type_name())?;
        s.serialize_field("description", catalog.description())?;
        s.serialize_field("pattern", &catalog.pattern())?;
        s.serialize_field("range", &catalog.range().map(|(lo, hi)| [lo, hi]))?;
        s.serialize_field(
            "categories",
            &Seq(|| all_categories(catalog).into_iter().map(JsonCategory)),
        )?;
        s.serialize_field("retired", &Seq(|| catalog.all_retired()))?;
        let settings = super::Settings::new(catalog);
        s.serialize_field(
            "errors",
            &Seq(|| catalog.iter().map(|d| JsonError(&settings, d))),
        )?;
        s.serialize_field("doc_url", &catalog.doc_url())?;
        s.serialize_field("class", &catalog.class())?;
        let format = catalog.built_in();
        // A format of the type's own has no name a reader could know.
        let name = if catalog.owner.own_format {
            "custom"
        } else {
            format.name()
        };
        s.serialize_field("format", name)?;
        let domain = match format {
            crate::format::BuiltIn::Google(google) => Some(google.domain()),
            _ => None,
        };
        s.serialize_field("domain", &domain)?;
        s.serialize_field(
            "appendices",
            &Seq(|| catalog.appendices().iter().copied().map(JsonSection)),
        )?;
        s.serialize_field(
            "statuses",
            &Seq(|| super::all_status_docs(catalog).into_iter().map(JsonStatus)),
        )?;
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

struct JsonError<'a>(&'a super::Settings, &'static Descriptor);

impl Serialize for JsonError<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let d = self.1;
        let mut s = serializer.serialize_struct("Error", 20)?;
        s.serialize_field("code", d.code())?;
        s.serialize_field("status", &d.status().as_u16())?;
        s.serialize_field("variant", d.variant())?;
        s.serialize_field("type", d.type_name())?;
        s.serialize_field("message", &crate::template::documented(d.pieces()))?;
        // Only for a translated type: other catalogs read as before.
        if let Some(language) = d.language() {
            s.serialize_field("language", language)?;
        }
        if !d.translations().is_empty() {
            s.serialize_field("translations", &Translations(d.translations()))?;
        }
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
                    description: d.docs().fields().get(i).copied().unwrap_or(""),
                    shape: d.field_shapes().get(i),
                })
            }),
        )?;
        s.serialize_field("details", &d.has_details())?;
        s.serialize_field("retry_after", &d.has_retry_after())?;
        s.serialize_field("grpc", d.rpc_code())?;
        let docs = d.docs();
        s.serialize_field("class", &docs.class())?;
        s.serialize_field("doc_url", &self.0.doc_url(d).map(|url| url.to_string()))?;
        s.serialize_field("causes", docs.causes())?;
        s.serialize_field("example", &docs.example().map(JsonBlock))?;
        s.serialize_field("resolution", docs.resolution())?;
        s.serialize_field(
            "commands",
            &Seq(|| docs.commands().iter().copied().map(JsonBlock)),
        )?;
        s.serialize_field("solution", &docs.solution())?;
        s.serialize_field(
            "sections",
            &Seq(|| docs.sections().iter().copied().map(JsonSection)),
        )?;
        s.end()
    }
}

/// `{"de": "...", "fr": "..."}`, in the order of the type's `locales`.
struct Translations(&'static [(&'static str, &'static str)]);

impl Serialize for Translations {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (language, text) in self.0 {
            map.serialize_entry(language, text)?;
        }
        map.end()
    }
}

struct JsonField {
    name: &'static str,
    ty: Option<&'static str>,
    description: &'static str,
    shape: Option<&'static Shape>,
}

/// The JSON type a details value of `shape` has: `"string"`, `"integer"`,
/// `"number"`, `"boolean"`, `"array"`, `"object"`, `"null"`, or `"any"` for
/// a type whose own `Serialize` decides; and whether it may be `null`.
fn json_type(shape: &Shape) -> (&'static str, bool) {
    match shape {
        Shape::Int { .. } => ("integer", false),
        Shape::Float { .. } => ("number", true),
        Shape::Bool => ("boolean", false),
        Shape::Char | Shape::Str { .. } => ("string", false),
        Shape::Seq { .. } | Shape::Tuple(_) | Shape::Violations => ("array", false),
        Shape::Map(_) | Shape::Duration => ("object", false),
        Shape::Unit => ("null", true),
        Shape::Optional(inner) => json_type(inner),
        Shape::Nullable(inner) => (json_type(inner).0, true),
        Shape::Named(_) => ("any", true),
    }
}

struct JsonBlock(Block);

impl Serialize for JsonBlock {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Block", 2)?;
        s.serialize_field("lang", self.0.lang())?;
        s.serialize_field("code", self.0.code())?;
        s.end()
    }
}

struct JsonSection(Section);

impl Serialize for JsonSection {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Section", 2)?;
        s.serialize_field("heading", self.0.heading())?;
        s.serialize_field("body", self.0.body())?;
        s.end()
    }
}

struct JsonStatus(&'static StatusDoc);

impl Serialize for JsonStatus {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Status", 3)?;
        s.serialize_field("status", &self.0.status())?;
        s.serialize_field("description", self.0.description())?;
        s.serialize_field("troubleshooting", &self.0.troubleshooting())?;
        s.end()
    }
}

impl Serialize for JsonField {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Field", 6)?;
        s.serialize_field("name", self.name)?;
        s.serialize_field("type", &self.ty)?;
        s.serialize_field("description", self.description)?;
        let (json, nullable) = self.shape.map_or(("any", true), json_type);
        s.serialize_field("json", json)?;
        s.serialize_field("nullable", &nullable)?;
        s.serialize_field("required", &!matches!(self.shape, Some(Shape::Optional(_))))?;
        s.end()
    }
}
