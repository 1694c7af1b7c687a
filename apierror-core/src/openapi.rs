//! OpenAPI responses for a catalog (the `utoipa` feature).
//!
//! Every code of a catalog becomes part of an OpenAPI [`Responses`] object,
//! as [utoipa](https://docs.rs/utoipa/5) builds them:
//!
//! - one response per status, described by the status's reason phrase (or,
//!   for an unregistered status such as 465, by its codes' messages);
//! - under it, the media type of the format the API speaks
//!   ([`Format::media_type`]: `application/json`, `application/problem+json`);
//! - one named example per code: the example's name is the code, its summary
//!   the variant and its message template, its description the variant's doc
//!   comment, and its value the body **rendered by the format itself** for an
//!   error of that variant whose details fields hold example values (`0`,
//!   `0.0`, `false`, `"string"`, `[]`, `{}`; an `Option` field is left out,
//!   as a `None` is). Placeholders of the message that name a details field
//!   are filled with its example value, so an example is exactly what the
//!   format sends for such an error;
//! - a JSON schema of the body: the format's envelope, read from what the
//!   format renders (members that only appear with a request
//!   [`Context`], such as `meta` or `instance`, are
//!   optional), with the code's member an `enum` of the codes and the details
//!   object typed from the fields' Rust types. Variants whose bodies have the
//!   same shape share one schema; a status with several shapes gets a `oneOf`
//!   (an `anyOf` when the format does not render the code), each branch titled
//!   with its codes;
//! - `Retry-After` when a variant of the status has a `retry_after` field, and
//!   `WWW-Authenticate` for 401, as [`response::to_response`](crate::response::to_response)
//!   sends them.
//!
//! Details fields map to schemas by their type as written
//! ([`Descriptor::field_types`]): integers to `integer` (`int32` up to 32
//! bits, `int64` for 64; unsigned ones with `minimum: 0`), `f32`/`f64` to
//! `number`, `bool` to `boolean`, `String`, `&str`, `Cow<str>` and
//! `Box<str>` to `string`, `Option<T>` to `T` and not required, `Vec<T>`,
//! slices, `[T; N]` and sets to arrays of `T`, `HashMap`/`BTreeMap` to
//! objects whose `additionalProperties` is the value's schema, `Uuid`, `Url`,
//! IP addresses and chrono's `DateTime`/`NaiveDate` to strings with a
//! `format`, `std::time::Duration` to serde's `{"secs","nanos"}`. Any other
//! type (your own structs, `serde_json::Value`) gets a schema without
//! constraints and `null` as its example.
//!
//! With `#[utoipa::path]`, name [`ErrorResponses`] in `responses(...)`:
//!
//! ```
//! use apierror::openapi::ErrorResponses;
//! use apierror::ApiError;
//! use utoipa::OpenApi;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(pattern = "ERR-02-###", status = 409)]
//! pub enum InventoryError {
//!     #[code("ERR-02-001")]
//!     #[status(404)]
//!     #[message("The requested instance type '{instance_type}' does not exist")]
//!     InstanceTypeNotFound { instance_type: String },
//!     #[code("ERR-02-003")]
//!     #[message("The selected node does not have enough CPU capacity")]
//!     InsufficientVcpu { requested: u32, available: u32 },
//! }
//!
//! /// Creates a CVM.
//! #[utoipa::path(post, path = "/cvms", responses(
//!     (status = 201, description = "Created"),
//!     ErrorResponses<InventoryError>,
//! ))]
//! fn create_cvm() {}
//!
//! #[derive(OpenApi)]
//! #[openapi(paths(create_cvm))]
//! struct ApiDoc;
//!
//! let doc = serde_json::to_value(ApiDoc::openapi())?;
//! let not_found = &doc["paths"]["/cvms"]["post"]["responses"]["404"];
//! assert_eq!(not_found["description"], "Not Found");
//! let json = &not_found["content"]["application/json"];
//! assert_eq!(
//!     json["examples"]["ERR-02-001"]["value"],
//!     serde_json::json!({"error": {
//!         "code": "ERR-02-001",
//!         "message": "The requested instance type 'string' does not exist",
//!         "details": {"instance_type": "string"}
//!     }})
//! );
//! let details = &json["schema"]["properties"]["error"]["properties"]["details"];
//! assert_eq!(details["properties"]["instance_type"]["type"], "string");
//! let conflict = &doc["paths"]["/cvms"]["post"]["responses"]["409"]["content"]["application/json"];
//! let requested = &conflict["schema"]["properties"]["error"]["properties"]["details"]["properties"]["requested"];
//! assert_eq!(requested["format"], "int32");
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! Without the macro, [`responses`] builds the [`Responses`] for any catalog
//! and any [`Format`], and [`add_to`] merges them into an operation of an
//! existing document.
//!
//! A custom [`Format`] works as well as the built-in ones: its examples and
//! schema come from what it renders. It renders a stand-in error whose
//! [`ApiError::CATALOG`] is empty; a variant the format fails to render gets
//! neither an example nor a schema.

use crate::catalog::{Catalog, CatalogParts, Descriptor};
use crate::envelope::{Context, Envelope, Format, Standard};
use crate::error::ApiError;
use crate::message::{Message, PublicMessage};
use crate::render::Render;
use crate::type_name::{split_path, split_top, strip_lifetime};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::example::Example;
use utoipa::openapi::header::Header;
use utoipa::openapi::path::{HttpMethod, Operation};
use utoipa::openapi::response::{Response, ResponseBuilder, Responses};
use utoipa::openapi::schema::{
    AdditionalProperties, AnyOfBuilder, Array, ArrayBuilder, ArrayItems, Object, ObjectBuilder,
    OneOfBuilder, Schema, SchemaFormat, SchemaType, Type,
};
use utoipa::openapi::{KnownFormat, OpenApi, RefOr};

/// The `utoipa` crate these functions build types of, for naming them
/// without a direct dependency of the same version.
pub use utoipa;

/// The responses of every code of `catalog` as `format` renders them: one
/// response per status, with a named example per code and the body's schema.
///
/// See the [module documentation](self) for what they hold.
///
/// ```
/// use apierror::envelope::Problem;
/// use apierror::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(code = "SCREAMING_SNAKE_CASE")]
/// pub enum RateError {
///     #[status(429)]
///     #[message("Rate limit exceeded")]
///     RateLimitExceeded { limit: u32, #[api_error(retry_after)] retry_after: u64 },
/// }
///
/// let problem = Problem::with_type("https://docs.example.com/errors/{code}");
/// let responses = apierror::openapi::responses(RateError::CATALOG, &problem);
/// let json = serde_json::to_value(&responses)?;
/// let body = &json["429"]["content"]["application/problem+json"];
/// assert_eq!(
///     body["examples"]["RATE_LIMIT_EXCEEDED"]["value"],
///     serde_json::json!({
///         "type": "https://docs.example.com/errors/RATE_LIMIT_EXCEEDED",
///         "title": "Too Many Requests",
///         "status": 429,
///         "detail": "Rate limit exceeded",
///         "code": "RATE_LIMIT_EXCEEDED",
///         "limit": 0,
///         "retry_after": 0
///     })
/// );
/// assert_eq!(body["schema"]["properties"]["status"]["enum"], serde_json::json!([429]));
/// assert_eq!(body["schema"]["properties"]["limit"]["minimum"], 0);
/// assert_eq!(json["429"]["headers"]["Retry-After"]["schema"]["type"], "integer");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn responses<F: Format + ?Sized>(catalog: &Catalog, format: &F) -> Responses {
    let media_type = format.media_type();
    let mut by_status: BTreeMap<u16, Vec<Variant>> = BTreeMap::new();
    for descriptor in catalog.iter() {
        by_status
            .entry(descriptor.status().as_u16())
            .or_default()
            .push(Variant::new(descriptor, format));
    }
    let mut responses = Responses::new();
    for (status, variants) in by_status {
        let response = response(catalog, status, &variants, media_type);
        responses
            .responses
            .insert(status.to_string(), RefOr::T(response));
    }
    responses
}

/// [`responses`] in the catalog's built-in envelope ([`Catalog::envelope`]).
/// For a type that declares a format of its own, use
/// `ErrorResponses<MyError>` or [`responses`] with that format.
pub fn default_responses(catalog: &Catalog) -> Responses {
    responses(catalog, catalog.envelope())
}

/// The error responses of `E` for `#[utoipa::path(responses(...))]`:
/// `ErrorResponses<MyError>` in the type's own envelope, or
/// `ErrorResponses<MyError, Tagged>` in a format that implements [`Default`]
/// (a format with settings, such as [`Problem::with_type`](crate::envelope::Problem::with_type)
/// or [`Google`](crate::envelope::Google), needs [`responses`] or a wrapper
/// type of your own that implements [`Format`] and [`Default`]).
///
/// It is a type, never a value: utoipa calls
/// [`IntoResponses::responses`](utoipa::IntoResponses::responses) on it. See
/// the [module documentation](self) for an example.
pub struct ErrorResponses<E, F = TypeEnvelope> {
    _types: PhantomData<fn() -> (E, F)>,
}

/// The format parameter of [`ErrorResponses`] that stands for the error
/// type's own format, from `#[api_error(envelope = ...)]`: a built-in one or
/// the type's own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TypeEnvelope;

impl<E: ApiError> utoipa::IntoResponses for ErrorResponses<E, TypeEnvelope> {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        /// The responses in the format `E` declares, built-in or its own.
        struct Build(&'static Catalog);
        impl crate::envelope::FormatVisitor for Build {
            type Output = Responses;
            fn visit<F: Format + ?Sized>(self, format: &F) -> Responses {
                responses(self.0, format)
            }
        }
        E::__with_format(Build(E::CATALOG)).responses
    }
}

impl<E: ApiError, F: Format + Default> utoipa::IntoResponses for ErrorResponses<E, F> {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        responses(E::CATALOG, &F::default()).responses
    }
}

/// Merges `from` into `into` without overwriting anything `into` says.
///
/// A status missing from `into` is added. For a status both have, the
/// existing response keeps its description; headers and media types it lacks
/// are added, and under a media type both have, examples it lacks are added
/// and the schema is added only when it has none. Responses given as `$ref`
/// are left as they are.
pub fn merge(into: &mut Responses, from: Responses) {
    for (status, response) in from.responses {
        match into.responses.get_mut(&status) {
            None => {
                into.responses.insert(status, response);
            }
            Some(RefOr::T(existing)) => {
                if let RefOr::T(response) = response {
                    merge_response(existing, response);
                }
            }
            Some(RefOr::Ref(_)) => {}
        }
    }
}

fn merge_response(existing: &mut Response, response: Response) {
    for (name, header) in response.headers {
        existing.headers.entry(name).or_insert(header);
    }
    for (media_type, content) in response.content {
        match existing.content.get_mut(&media_type) {
            None => {
                existing.content.insert(media_type, content);
            }
            Some(current) => {
                if current.schema.is_none() {
                    current.schema = content.schema;
                }
                // `examples` overrides a single `example`: keep theirs visible.
                if current.example.is_none() {
                    for (name, example) in content.examples {
                        current.examples.entry(name).or_insert(example);
                    }
                }
            }
        }
    }
}

/// Adds `responses` to the operation `method` `path` of `openapi`, as
/// [`merge`] does; returns whether the document has that operation.
///
/// For documents built elsewhere, e.g. by `#[derive(utoipa::OpenApi)]`:
///
/// ```
/// use apierror::openapi::utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem};
/// use apierror::openapi::utoipa::openapi::{InfoBuilder, OpenApiBuilder, PathsBuilder};
/// use apierror::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(code = "SCREAMING_SNAKE_CASE")]
/// pub enum CvmError {
///     #[status(404)]
///     #[message("The requested CVM was not found")]
///     CvmNotFound { cvm_id: String },
/// }
///
/// let mut doc = OpenApiBuilder::new()
///     .info(InfoBuilder::new().title("CVMs").version("1").build())
///     .paths(PathsBuilder::new().path(
///         "/cvms/{id}",
///         PathItem::new(HttpMethod::Get, OperationBuilder::new().build()),
///     ))
///     .build();
/// let errors = apierror::openapi::default_responses(CvmError::CATALOG);
/// assert!(apierror::openapi::add_to(&mut doc, "/cvms/{id}", HttpMethod::Get, errors.clone()));
/// assert!(!apierror::openapi::add_to(&mut doc, "/cvms", HttpMethod::Get, errors));
///
/// let json = serde_json::to_value(&doc)?;
/// assert_eq!(json["paths"]["/cvms/{id}"]["get"]["responses"]["404"]["description"], "Not Found");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn add_to(openapi: &mut OpenApi, path: &str, method: HttpMethod, responses: Responses) -> bool {
    let Some(item) = openapi.paths.paths.get_mut(path) else {
        return false;
    };
    let operation: &mut Option<Operation> = match method {
        HttpMethod::Get => &mut item.get,
        HttpMethod::Post => &mut item.post,
        HttpMethod::Put => &mut item.put,
        HttpMethod::Delete => &mut item.delete,
        HttpMethod::Options => &mut item.options,
        HttpMethod::Head => &mut item.head,
        HttpMethod::Patch => &mut item.patch,
        HttpMethod::Trace => &mut item.trace,
    };
    match operation {
        Some(operation) => {
            merge(&mut operation.responses, responses);
            true
        }
        None => false,
    }
}

// ---------------------------------------------------------------------------
// One response

/// One code, rendered.
struct Variant {
    descriptor: &'static Descriptor,
    /// The example body, `None` when the format failed to render it.
    example: Option<Value>,
    /// The body's shape, from renders with every field set.
    shape: Option<Node>,
}

impl Variant {
    fn new<F: Format + ?Sized>(descriptor: &'static Descriptor, format: &F) -> Self {
        let fields: Vec<Field> = descriptor
            .fields()
            .iter()
            .zip(descriptor.field_types())
            .map(|(key, ty)| Field::new(key, ty))
            .collect();
        let message = fill_message(descriptor.message(), &fields);
        let error = |mode| Synthetic {
            descriptor,
            fields: &fields,
            message: &message,
            mode,
        };
        let example = render(&error(Mode::Example), format, Context::new());
        let cx = Infer {
            code: descriptor.code(),
            status: descriptor.status().as_u16(),
            fields: &fields,
        };
        // Without a context, then with each member of one and with all of
        // them: a member some renders lack is optional.
        let (request_id, timestamp, instance) = ("string", "1970-01-01T00:00:00Z", "/");
        let contexts = [
            Context::new(),
            Context::new().with_request_id(request_id),
            Context::new().with_timestamp(timestamp),
            Context::new().with_instance(instance),
            Context::new()
                .with_request_id(request_id)
                .with_timestamp(timestamp)
                .with_instance(instance),
        ];
        let mut shapes = contexts
            .into_iter()
            .map(|context| render(&error(Mode::Shape), format, context).map(|v| cx.infer(&v)));
        let shape = shapes
            .next()
            .flatten()
            .map(|plain| shapes.flatten().fold(plain, merge_nodes));
        Variant {
            descriptor,
            example,
            shape,
        }
    }
}

fn render<F: Format + ?Sized>(
    error: &Synthetic<'_>,
    format: &F,
    context: Context<'_>,
) -> Option<Value> {
    let bytes = Render::new(error)
        .format(format)
        .context(context)
        .to_vec()
        .ok()?;
    serde_json::from_slice(&bytes).ok()
}

fn response(catalog: &Catalog, status: u16, variants: &[Variant], media_type: &str) -> Response {
    let description = match http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
    {
        Some(reason) => reason.to_owned(),
        None => {
            let mut messages: Vec<&str> = Vec::new();
            for variant in variants {
                if !messages.contains(&variant.descriptor.message()) {
                    messages.push(variant.descriptor.message());
                }
            }
            messages.join("; ")
        }
    };

    let examples = variants.iter().filter_map(|variant| {
        let d = variant.descriptor;
        let value = variant.example.clone()?;
        let mut example = Example::builder()
            .summary(format!("{}: {}", d.variant(), d.message()))
            .value(Some(value));
        let docs = crate::export::markdown::docs(d);
        if !docs.is_empty() {
            example = example.description(docs);
        }
        Some((d.code(), example.build()))
    });
    let content = ContentBuilder::new()
        .schema(body_schema(variants))
        .examples_from_iter(examples)
        .build();

    let mut builder = ResponseBuilder::new()
        .description(description)
        .content(media_type, content);
    if variants.iter().any(|v| v.descriptor.has_retry_after()) {
        let seconds = ObjectBuilder::new()
            .schema_type(Type::Integer)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
            .minimum(Some(utoipa::Number::UInt(0)));
        builder = builder.header(
            "Retry-After",
            Header::builder()
                .schema(seconds)
                .description(Some("Seconds after which the request may be retried."))
                .build(),
        );
    }
    let mut named: Vec<&'static str> = Vec::new();
    for name in variants.iter().flat_map(|v| v.descriptor.headers()) {
        if !named.contains(name) {
            named.push(name);
        }
    }
    for name in named {
        builder = builder.header(
            name,
            Header::builder()
                .schema(ObjectBuilder::new().schema_type(Type::String))
                .description(Some(
                    "From a field of the error; absent when the field is `None`.",
                ))
                .build(),
        );
    }
    if status == 401 {
        // The challenge of the type that declares each variant, else the
        // catalog's own.
        let mut challenges: Vec<&'static str> = Vec::new();
        for variant in variants {
            let challenge = variant
                .descriptor
                .__owner()
                .www_authenticate()
                .or(catalog.www_authenticate())
                .unwrap_or("Bearer");
            if !challenges.contains(&challenge) {
                challenges.push(challenge);
            }
        }
        let challenges: Vec<String> = challenges.iter().map(|c| format!("`{c}`")).collect();
        builder = builder.header(
            "WWW-Authenticate",
            Header::builder()
                .schema(ObjectBuilder::new().schema_type(Type::String))
                .description(Some(format!(
                    "The authentication challenge: {}.",
                    challenges.join(" or ")
                )))
                .build(),
        );
    }
    builder.build()
}

/// The schema of a status's bodies: one branch per distinct shape.
fn body_schema(variants: &[Variant]) -> Option<Schema> {
    let mut groups: Vec<(&Node, Vec<&'static str>)> = Vec::new();
    for variant in variants {
        let Some(shape) = &variant.shape else {
            continue;
        };
        let code = variant.descriptor.code();
        match groups.iter_mut().find(|(node, _)| *node == shape) {
            Some((_, codes)) => codes.push(code),
            None => groups.push((shape, vec![code])),
        }
    }
    let status = variants.first()?.descriptor.status().as_u16();
    match groups.as_slice() {
        [] => None,
        [(node, codes)] => Some(node.schema(codes, status)),
        _ => {
            let branches = groups.iter().map(|(node, codes)| {
                let schema = node.schema(codes, status);
                match schema {
                    Schema::Object(object) => {
                        let mut object = object;
                        object.title = Some(codes.join(", "));
                        Schema::Object(object)
                    }
                    other => other,
                }
            });
            if groups.iter().any(|(node, _)| node.has_code()) {
                let mut one_of = OneOfBuilder::new();
                for branch in branches {
                    one_of = one_of.item(branch);
                }
                Some(one_of.build().into())
            } else {
                let mut any_of = AnyOfBuilder::new();
                for branch in branches {
                    any_of = any_of.item(branch);
                }
                Some(any_of.build().into())
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The stand-in error

/// A details key no real field has: it marks where the format puts details.
const SENTINEL: &str = "\u{0}apierror:details";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Example values; `Option` fields left out.
    Example,
    /// Every field set, plus the sentinel key.
    Shape,
}

/// An error of a descriptor's variant with example details.
#[derive(Debug)]
struct Synthetic<'a> {
    descriptor: &'static Descriptor,
    fields: &'a [Field],
    message: &'a str,
    mode: Mode,
}

impl fmt::Display for Synthetic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)
    }
}

impl std::error::Error for Synthetic<'_> {}

impl PublicMessage for Synthetic<'_> {
    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)
    }
}

impl ApiError for Synthetic<'_> {
    const CATALOG: &'static Catalog = &Catalog::__from_parts(CatalogParts {
        appendices: &[],
        statuses: &[],
        class: None,
        owner: &crate::catalog::Owner::EMPTY,
        description: "",
        descriptors: &[],
        transparent: &[],
        pattern: None,
        range: None,
        categories: &[],
        retired: &[],
        envelope: Envelope::Standard(Standard),
    });

    fn descriptor(&self) -> &'static Descriptor {
        self.descriptor
    }

    fn message(&self) -> Message<'_> {
        Message::__formatted(self)
    }

    fn __visit_fields<V: crate::fields::FieldVisitor>(
        &self,
        visitor: &mut V,
    ) -> Result<(), V::Error> {
        for field in self.fields {
            if field.optional && self.mode == Mode::Example {
                continue;
            }
            visitor.field(field.key, "", &field.ty.example())?;
        }
        if self.mode == Mode::Shape {
            visitor.field(SENTINEL, "", &true)?;
        }
        Ok(())
    }
}

/// A details field: its key, its type (without a top-level `Option`), and
/// whether it is an `Option`.
#[derive(Debug, Clone, PartialEq)]
struct Field {
    key: &'static str,
    ty: Ty,
    optional: bool,
}

impl Field {
    fn new(key: &'static str, written: &str) -> Self {
        match parse_ty(written) {
            Ty::Nullable(inner) => Field {
                key,
                ty: *inner,
                optional: true,
            },
            ty => Field {
                key,
                ty,
                optional: false,
            },
        }
    }
}

// ---------------------------------------------------------------------------
// Rust types as written

#[derive(Debug, Clone, PartialEq)]
enum Ty {
    /// `bits`: 32, 64 or 128; `min`: 0 for unsigned, 1 for non-zero unsigned.
    Int {
        bits: u8,
        min: Option<usize>,
        nonzero: bool,
    },
    Float {
        double: bool,
    },
    Bool,
    Char,
    Str,
    /// A string with a well-known `format` and an example value.
    Formatted {
        format: &'static str,
        example: &'static str,
        display: bool,
    },
    Seq {
        item: Box<Ty>,
        unique: bool,
        len: Option<usize>,
    },
    Tuple(Vec<Ty>),
    Map(Box<Ty>),
    Duration,
    Unit,
    /// An `Option` inside another type: the value or `null`.
    Nullable(Box<Ty>),
    Any,
}

/// The longest `[T; N]` whose example holds `N` items.
const MAX_EXAMPLE_ITEMS: usize = 64;

fn parse_ty(written: &str) -> Ty {
    let s = written.trim();
    if let Some(rest) = s.strip_prefix('&') {
        let rest = strip_lifetime(rest.trim_start());
        let rest = rest.strip_prefix("mut ").unwrap_or(rest);
        return parse_ty(rest);
    }
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        let inner = inner.trim();
        if inner.is_empty() {
            return Ty::Unit;
        }
        let parts = split_top(inner, ',');
        if parts.len() == 1 && !inner.ends_with(',') {
            return parse_ty(parts[0]);
        }
        return Ty::Tuple(parts.into_iter().map(parse_ty).collect());
    }
    if let Some(inner) = s.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        let parts = split_top(inner, ';');
        let item = Box::new(parse_ty(parts.first().copied().unwrap_or("")));
        let len = parts.get(1).and_then(|n| n.trim().parse::<usize>().ok());
        return Ty::Seq {
            item,
            unique: false,
            len: len.filter(|&n| n <= MAX_EXAMPLE_ITEMS),
        };
    }
    let s = s.strip_prefix("::").unwrap_or(s);
    if s.is_empty() || !s.starts_with(|c: char| c == '_' || c.is_alphabetic()) {
        return Ty::Any;
    }
    let segments = split_path(s);
    let Some((last, prefix)) = segments.split_last() else {
        return Ty::Any;
    };
    let (name, args) = match last.find('<') {
        Some(open) if last.ends_with('>') => {
            let args = split_top(&last[open + 1..last.len() - 1], ',')
                .into_iter()
                .filter(|a| !a.starts_with('\'') && !a.contains('='))
                .collect();
            (last[..open].trim(), args)
        }
        _ => (last.trim(), Vec::new()),
    };
    let arg = |i: usize| args.get(i).map_or(Ty::Any, |a: &&str| parse_ty(a));
    let int = |bits, unsigned: bool| Ty::Int {
        bits,
        min: unsigned.then_some(0),
        nonzero: false,
    };
    let nonzero = |bits, unsigned: bool| Ty::Int {
        bits,
        min: unsigned.then_some(1),
        nonzero: true,
    };
    match name {
        "u8" | "u16" | "u32" => int(32, true),
        "i8" | "i16" | "i32" => int(32, false),
        "u64" | "usize" => int(64, true),
        "i64" | "isize" => int(64, false),
        "u128" => int(128, true),
        "i128" => int(128, false),
        "NonZeroU8" | "NonZeroU16" | "NonZeroU32" => nonzero(32, true),
        "NonZeroI8" | "NonZeroI16" | "NonZeroI32" => nonzero(32, false),
        "NonZeroU64" | "NonZeroUsize" => nonzero(64, true),
        "NonZeroI64" | "NonZeroIsize" => nonzero(64, false),
        "NonZeroU128" => nonzero(128, true),
        "NonZeroI128" => nonzero(128, false),
        "NonZero" => match arg(0) {
            Ty::Int { bits, min, .. } => Ty::Int {
                bits,
                min: min.map(|_| 1),
                nonzero: true,
            },
            _ => Ty::Any,
        },
        "f32" => Ty::Float { double: false },
        "f64" => Ty::Float { double: true },
        "bool" => Ty::Bool,
        "char" => Ty::Char,
        "String" | "str" | "CompactString" | "SmolStr" | "PathBuf" | "Path" => Ty::Str,
        "Box" | "Rc" | "Arc" | "Cow" => arg(0),
        "Option" => Ty::Nullable(Box::new(arg(0))),
        "Vec" | "VecDeque" | "LinkedList" | "BinaryHeap" => Ty::Seq {
            item: Box::new(arg(0)),
            unique: false,
            len: None,
        },
        "SmallVec" => match arg(0) {
            Ty::Seq { item, .. } => Ty::Seq {
                item,
                unique: false,
                len: None,
            },
            _ => Ty::Any,
        },
        "HashSet" | "BTreeSet" | "IndexSet" => Ty::Seq {
            item: Box::new(arg(0)),
            unique: true,
            len: None,
        },
        "HashMap" | "BTreeMap" | "IndexMap" | "Map" if args.len() >= 2 => Ty::Map(Box::new(arg(1))),
        "Duration" if prefix.is_empty() || matches!(prefix, ["std" | "core", "time"]) => {
            Ty::Duration
        }
        "Uuid" => formatted("uuid", "00000000-0000-0000-0000-000000000000", true),
        "Url" => formatted("uri", "https://example.com/", true),
        "Ipv4Addr" => formatted("ipv4", "127.0.0.1", true),
        "Ipv6Addr" => formatted("ipv6", "::1", true),
        "IpAddr" => formatted("", "127.0.0.1", true),
        "DateTime" => formatted("date-time", "1970-01-01T00:00:00Z", false),
        "NaiveDate" => formatted("date", "1970-01-01", true),
        _ => Ty::Any,
    }
}

/// A schema every JSON value matches. Spelled as the list of JSON types
/// rather than `{}`, which utoipa cannot read back.
fn any_value() -> Schema {
    Object::with_type(SchemaType::from_iter([
        Type::Object,
        Type::Array,
        Type::String,
        Type::Number,
        Type::Boolean,
        Type::Null,
    ]))
    .into()
}

fn formatted(format: &'static str, example: &'static str, display: bool) -> Ty {
    Ty::Formatted {
        format,
        example,
        display,
    }
}

impl Ty {
    /// The example value: what a field of this type holds in examples.
    fn example(&self) -> Value {
        match self {
            Ty::Int { nonzero, .. } => Value::from(u8::from(*nonzero)),
            Ty::Float { .. } => Value::from(0.0),
            Ty::Bool => Value::Bool(false),
            Ty::Char => Value::from("a"),
            Ty::Str => Value::from("string"),
            Ty::Formatted { example, .. } => Value::from(*example),
            Ty::Seq { item, len, .. } => Value::Array(vec![item.example(); len.unwrap_or(0)]),
            Ty::Tuple(items) => Value::Array(items.iter().map(Ty::example).collect()),
            Ty::Map(_) => Value::Object(serde_json::Map::new()),
            Ty::Duration => serde_json::json!({"secs": 0, "nanos": 0}),
            Ty::Nullable(inner) => inner.example(),
            Ty::Unit | Ty::Any => Value::Null,
        }
    }

    fn schema(&self) -> Schema {
        match self {
            Ty::Int { bits, min, .. } => {
                let format = match bits {
                    32 => Some(SchemaFormat::KnownFormat(KnownFormat::Int32)),
                    64 => Some(SchemaFormat::KnownFormat(KnownFormat::Int64)),
                    _ => None,
                };
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .format(format)
                    .minimum(min.map(utoipa::Number::UInt))
                    .into()
            }
            Ty::Float { double } => ObjectBuilder::new()
                .schema_type(Type::Number)
                .format(Some(SchemaFormat::KnownFormat(if *double {
                    KnownFormat::Double
                } else {
                    KnownFormat::Float
                })))
                .into(),
            Ty::Bool => Object::with_type(Type::Boolean).into(),
            Ty::Char => ObjectBuilder::new()
                .schema_type(Type::String)
                .min_length(Some(1))
                .max_length(Some(1))
                .into(),
            Ty::Str => Object::with_type(Type::String).into(),
            Ty::Formatted { format, .. } => ObjectBuilder::new()
                .schema_type(Type::String)
                .format((!format.is_empty()).then(|| SchemaFormat::Custom((*format).to_owned())))
                .into(),
            Ty::Seq { item, unique, len } => ArrayBuilder::new()
                .items(ArrayItems::RefOrSchema(Box::new(item.schema().into())))
                .unique_items(*unique)
                .min_items(*len)
                .max_items(*len)
                .into(),
            Ty::Tuple(items) => ArrayBuilder::new()
                .prefix_items(items.iter().map(Ty::schema))
                .items(ArrayItems::False)
                .min_items(Some(items.len()))
                .into(),
            Ty::Map(value) => ObjectBuilder::new()
                .schema_type(Type::Object)
                .additional_properties(Some(AdditionalProperties::from(value.schema())))
                .into(),
            Ty::Duration => ObjectBuilder::new()
                .schema_type(Type::Object)
                .property(
                    "secs",
                    Ty::Int {
                        bits: 64,
                        min: Some(0),
                        nonzero: false,
                    }
                    .schema(),
                )
                .property(
                    "nanos",
                    Ty::Int {
                        bits: 32,
                        min: Some(0),
                        nonzero: false,
                    }
                    .schema(),
                )
                .required("secs")
                .required("nanos")
                .into(),
            Ty::Unit => Object::with_type(Type::Null).into(),
            Ty::Nullable(inner) => match inner.schema() {
                Schema::Object(mut object) => {
                    object.schema_type = match object.schema_type {
                        SchemaType::Type(ty) => SchemaType::from_iter([ty, Type::Null]),
                        other => other,
                    };
                    Schema::Object(object)
                }
                Schema::Array(mut array) => {
                    array.schema_type = SchemaType::from_iter([Type::Array, Type::Null]);
                    Schema::Array(array)
                }
                other => other,
            },
            Ty::Any => any_value(),
        }
    }

    /// The example value as `{}` writes it, when the type has `Display`.
    fn display(&self) -> Option<String> {
        Some(match self {
            Ty::Int { nonzero, .. } => u8::from(*nonzero).to_string(),
            Ty::Float { .. } => "0".to_owned(),
            Ty::Bool => "false".to_owned(),
            Ty::Char => "a".to_owned(),
            Ty::Str => "string".to_owned(),
            Ty::Formatted {
                example,
                display: true,
                ..
            } => (*example).to_owned(),
            _ => return None,
        })
    }

    /// The example value as `{:?}` writes it.
    fn debug(&self) -> Option<String> {
        Some(match self {
            Ty::Int { .. } | Ty::Bool => self.display()?,
            Ty::Float { .. } => "0.0".to_owned(),
            Ty::Char => "'a'".to_owned(),
            Ty::Str => "\"string\"".to_owned(),
            Ty::Seq { unique: true, .. } | Ty::Map(_) => "{}".to_owned(),
            Ty::Seq { item, len, .. } => {
                let items = match len.unwrap_or(0) {
                    0 => Vec::new(),
                    n => vec![item.debug()?; n],
                };
                format!("[{}]", items.join(", "))
            }
            Ty::Tuple(items) => {
                let items = items.iter().map(Ty::debug).collect::<Option<Vec<_>>>()?;
                match items.as_slice() {
                    [one] => format!("({one},)"),
                    _ => format!("({})", items.join(", ")),
                }
            }
            Ty::Duration => "0ns".to_owned(),
            Ty::Unit => "()".to_owned(),
            Ty::Nullable(inner) => format!("Some({})", inner.debug()?),
            Ty::Formatted { .. } | Ty::Any => return None,
        })
    }
}

// ---------------------------------------------------------------------------
// Messages

/// The message template with every placeholder that names a details field
/// filled with the field's example value; other placeholders (tuple fields,
/// renamed or skipped fields, specs this cannot reproduce) stay as written.
fn fill_message(template: &str, fields: &[Field]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        out.push_str(&rest[..at]);
        let brace = rest.as_bytes()[at];
        let after = &rest[at + 1..];
        if after.as_bytes().first() == Some(&brace) {
            out.push(char::from(brace));
            rest = &after[1..];
            continue;
        }
        if brace == b'}' {
            out.push('}');
            rest = after;
            continue;
        }
        let Some(close) = after.find('}') else {
            out.push_str(&rest[at..]);
            return out;
        };
        let inner = &after[..close];
        let (name, spec) = inner.split_once(':').unwrap_or((inner, ""));
        let name = name.trim();
        let name = name.strip_prefix("r#").unwrap_or(name);
        let value = fields
            .iter()
            .find(|f| f.key == name)
            .and_then(|field| format_spec(spec, field));
        match value {
            Some(value) => out.push_str(&value),
            None => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Formats a field's example value with a format spec, as `format!` would.
fn format_spec(spec: &str, field: &Field) -> Option<String> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut fill = ' ';
    let mut align = None;
    if chars.len() >= 2 && matches!(chars[1], '<' | '^' | '>') {
        fill = chars[0];
        align = Some(chars[1]);
        i = 2;
    } else if chars.first().is_some_and(|c| matches!(c, '<' | '^' | '>')) {
        align = Some(chars[0]);
        i = 1;
    }
    let plus = chars.get(i) == Some(&'+');
    if matches!(chars.get(i), Some('+' | '-')) {
        i += 1;
    }
    let alternate = chars.get(i) == Some(&'#');
    if alternate {
        i += 1;
    }
    let zero = chars.get(i) == Some(&'0');
    if zero {
        i += 1;
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while chars.get(*i).is_some_and(char::is_ascii_digit) {
            *i += 1;
        }
        chars[start..*i]
            .iter()
            .collect::<String>()
            .parse::<usize>()
            .ok()
    };
    let width = digits(&mut i);
    let precision = if chars.get(i) == Some(&'.') {
        i += 1;
        Some(digits(&mut i)?)
    } else {
        None
    };
    let kind: String = chars[i..].iter().collect();

    // An `Option` field is `None` in examples.
    let ty = if field.optional {
        if !kind.ends_with('?') || alternate {
            return None;
        }
        &Ty::Unit
    } else {
        &field.ty
    };
    let numeric = matches!(ty, Ty::Int { .. } | Ty::Float { .. });
    let mut body = match (kind.as_str(), ty) {
        (_, Ty::Unit) if field.optional => "None".to_owned(),
        ("", Ty::Float { .. }) | ("?", Ty::Float { .. }) if precision.is_some() => {
            format!("{:.*}", precision.unwrap_or(0), 0.0_f64)
        }
        ("", Ty::Str) if precision.is_some() => {
            "string".chars().take(precision.unwrap_or(0)).collect()
        }
        ("", _) => ty.display()?,
        ("?", _) if precision.is_none() => {
            // `{:#?}` spreads a non-empty composite value over lines.
            let flat = matches!(
                ty,
                Ty::Seq {
                    len: None | Some(0),
                    ..
                } | Ty::Seq { unique: true, .. }
                    | Ty::Map(_)
            ) || ty.display().is_some()
                || matches!(ty, Ty::Unit | Ty::Duration);
            if alternate && !flat {
                return None;
            }
            ty.debug()?
        }
        ("x" | "X" | "o" | "b", Ty::Int { nonzero, .. }) => {
            let prefix = if alternate {
                match kind.as_str() {
                    "x" | "X" => "0x",
                    "o" => "0o",
                    _ => "0b",
                }
            } else {
                ""
            };
            format!("{prefix}{}", u8::from(*nonzero))
        }
        ("e", Ty::Int { nonzero, .. }) => format!("{}e0", u8::from(*nonzero)),
        ("E", Ty::Int { nonzero, .. }) => format!("{}E0", u8::from(*nonzero)),
        ("e", Ty::Float { .. }) => "0e0".to_owned(),
        ("E", Ty::Float { .. }) => "0E0".to_owned(),
        _ => return None,
    };
    if plus && numeric {
        body.insert(0, '+');
    }
    let len = body.chars().count();
    let Some(width) = width.filter(|&w| w > len) else {
        return Some(body);
    };
    let pad = width - len;
    if zero && numeric {
        let sign = usize::from(body.starts_with('+'));
        let prefix = if body[sign..].starts_with("0x")
            || body[sign..].starts_with("0o")
            || body[sign..].starts_with("0b")
        {
            sign + 2
        } else {
            sign
        };
        body.insert_str(prefix, &"0".repeat(pad));
        return Some(body);
    }
    let fill = |n: usize| fill.to_string().repeat(n);
    Some(match align.unwrap_or(if numeric { '>' } else { '<' }) {
        '<' => body + &fill(pad),
        '>' => fill(pad) + &body,
        _ => fill(pad / 2) + &body + &fill(pad - pad / 2),
    })
}

// ---------------------------------------------------------------------------
// Shapes of rendered bodies

/// The shape of a rendered JSON value.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    /// A string equal to the error's code.
    Code,
    /// An integer equal to the HTTP status.
    Status,
    Text,
    Integer,
    Number,
    Boolean,
    Null,
    /// A details field, typed from its Rust type.
    Typed(Ty),
    Array(Box<Node>),
    Object(Vec<Prop>),
    Any,
}

#[derive(Debug, Clone, PartialEq)]
struct Prop {
    key: String,
    node: Node,
    required: bool,
}

/// What inference knows about the rendered variant.
struct Infer<'a> {
    code: &'a str,
    status: u16,
    fields: &'a [Field],
}

impl Infer<'_> {
    fn infer(&self, value: &Value) -> Node {
        match value {
            Value::String(s) if s == self.code => Node::Code,
            Value::String(_) => Node::Text,
            Value::Number(n) if n.as_u64() == Some(u64::from(self.status)) => Node::Status,
            Value::Number(n) if n.is_i64() || n.is_u64() => Node::Integer,
            Value::Number(_) => Node::Number,
            Value::Bool(_) => Node::Boolean,
            Value::Null => Node::Null,
            Value::Array(items) => Node::Array(Box::new(
                items
                    .iter()
                    .map(|item| self.infer(item))
                    .reduce(merge_nodes)
                    .unwrap_or(Node::Any),
            )),
            Value::Object(map) => {
                // The object the details were written into, alone or with
                // envelope members (RFC 9457 extension members).
                let details = map.contains_key(SENTINEL);
                let props = map
                    .iter()
                    .filter(|(key, _)| key.as_str() != SENTINEL)
                    .map(|(key, value)| {
                        let field = details
                            .then(|| self.fields.iter().find(|f| f.key == key))
                            .flatten();
                        let (node, required) = match field {
                            Some(field) if *value == field.ty.example() => {
                                (Node::Typed(field.ty.clone()), !field.optional)
                            }
                            // A format that writes details as text (AIP-193 metadata).
                            Some(field) if value.is_string() => (Node::Text, !field.optional),
                            _ => (self.infer(value), true),
                        };
                        Prop {
                            key: key.clone(),
                            node,
                            required,
                        }
                    })
                    .collect();
                Node::Object(props)
            }
        }
    }
}

/// One shape for two renders: members of only one are optional.
fn merge_nodes(a: Node, b: Node) -> Node {
    match (a, b) {
        (Node::Object(a), Node::Object(mut b)) => {
            let mut props = Vec::with_capacity(a.len().max(b.len()));
            for prop in a {
                match b.iter().position(|q| q.key == prop.key) {
                    Some(at) => {
                        let other = b.remove(at);
                        props.push(Prop {
                            key: prop.key,
                            node: merge_nodes(prop.node, other.node),
                            required: prop.required && other.required,
                        });
                    }
                    None => props.push(Prop {
                        required: false,
                        ..prop
                    }),
                }
            }
            props.extend(b.into_iter().map(|prop| Prop {
                required: false,
                ..prop
            }));
            Node::Object(props)
        }
        (Node::Array(a), Node::Array(b)) => Node::Array(Box::new(merge_nodes(*a, *b))),
        (Node::Any, other) => other,
        (a, _) => a,
    }
}

impl Node {
    fn has_code(&self) -> bool {
        match self {
            Node::Code => true,
            Node::Array(item) => item.has_code(),
            Node::Object(props) => props.iter().any(|p| p.node.has_code()),
            _ => false,
        }
    }

    fn schema(&self, codes: &[&str], status: u16) -> Schema {
        match self {
            Node::Code => ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some(codes.iter().copied()))
                .into(),
            Node::Status => ObjectBuilder::new()
                .schema_type(Type::Integer)
                .enum_values(Some([status]))
                .into(),
            Node::Text => Object::with_type(Type::String).into(),
            Node::Integer => Object::with_type(Type::Integer).into(),
            Node::Number => Object::with_type(Type::Number).into(),
            Node::Boolean => Object::with_type(Type::Boolean).into(),
            Node::Null => Object::with_type(Type::Null).into(),
            Node::Typed(ty) => ty.schema(),
            Node::Array(item) => Array::new(item.schema(codes, status)).into(),
            Node::Object(props) => {
                let mut object = ObjectBuilder::new().schema_type(Type::Object);
                for prop in props {
                    object = object.property(&prop.key, prop.node.schema(codes, status));
                    if prop.required {
                        object = object.required(&prop.key);
                    }
                }
                object.into()
            }
            Node::Any => any_value(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(key: &'static str, ty: &str) -> Field {
        Field::new(key, ty)
    }

    #[test]
    fn parses_written_types() {
        assert_eq!(
            parse_ty("u32"),
            Ty::Int {
                bits: 32,
                min: Some(0),
                nonzero: false
            }
        );
        assert_eq!(
            parse_ty("i64"),
            Ty::Int {
                bits: 64,
                min: None,
                nonzero: false
            }
        );
        assert_eq!(parse_ty("&'static str"), Ty::Str);
        assert_eq!(parse_ty("Cow<'static, str>"), Ty::Str);
        assert_eq!(parse_ty("std::borrow::Cow<'a, str>"), Ty::Str);
        assert_eq!(parse_ty("Box<str>"), Ty::Str);
        assert_eq!(parse_ty("Option<String>"), Ty::Nullable(Box::new(Ty::Str)));
        assert_eq!(
            parse_ty("Vec<Option<u8>>"),
            Ty::Seq {
                item: Box::new(Ty::Nullable(Box::new(Ty::Int {
                    bits: 32,
                    min: Some(0),
                    nonzero: false
                }))),
                unique: false,
                len: None
            }
        );
        assert_eq!(
            parse_ty("[u8; 4]"),
            Ty::Seq {
                item: Box::new(parse_ty("u8")),
                unique: false,
                len: Some(4)
            }
        );
        assert_eq!(
            parse_ty("&[String]"),
            Ty::Seq {
                item: Box::new(Ty::Str),
                unique: false,
                len: None
            }
        );
        assert_eq!(
            parse_ty("std::collections::HashMap<String, Vec<u32>>"),
            Ty::Map(Box::new(parse_ty("Vec<u32>")))
        );
        assert_eq!(
            parse_ty("BTreeSet<bool>"),
            Ty::Seq {
                item: Box::new(Ty::Bool),
                unique: true,
                len: None
            }
        );
        assert_eq!(parse_ty("std::time::Duration"), Ty::Duration);
        assert_eq!(parse_ty("time::Duration"), Ty::Any);
        assert_eq!(
            parse_ty("(u32, String)"),
            Ty::Tuple(vec![parse_ty("u32"), Ty::Str])
        );
        assert_eq!(parse_ty("()"), Ty::Unit);
        assert_eq!(parse_ty("MyStruct"), Ty::Any);
        assert_eq!(parse_ty("serde_json::Value"), Ty::Any);
        assert_eq!(parse_ty("T"), Ty::Any);
        assert_eq!(parse_ty("<T as Trait>::Out"), Ty::Any);
        assert_eq!(parse_ty("f32"), Ty::Float { double: false });
        assert_eq!(
            parse_ty("std::num::NonZeroU64"),
            Ty::Int {
                bits: 64,
                min: Some(1),
                nonzero: true
            }
        );
    }

    #[test]
    fn examples_follow_the_types() {
        assert_eq!(parse_ty("u16").example(), serde_json::json!(0));
        assert_eq!(parse_ty("f64").example(), serde_json::json!(0.0));
        assert_eq!(
            parse_ty("HashMap<String, u8>").example(),
            serde_json::json!({})
        );
        assert_eq!(parse_ty("[u8; 2]").example(), serde_json::json!([0, 0]));
        assert_eq!(parse_ty("Thing").example(), Value::Null);
        let optional = field("hint", "Option<String>");
        assert!(optional.optional);
        assert_eq!(optional.ty, Ty::Str);
    }

    #[test]
    fn messages_are_filled_with_example_values() {
        let fields = [
            field("name", "String"),
            field("price", "f64"),
            field("count", "u32"),
            field("hint", "Option<String>"),
            field("tags", "Vec<String>"),
        ];
        let fill = |t| fill_message(t, &fields);
        assert_eq!(
            fill("A CVM named '{name}' exists"),
            "A CVM named 'string' exists"
        );
        assert_eq!(fill("{{literal}} {name}}}"), "{literal} string}");
        assert_eq!(fill("{price:.2} {price} {price:?}"), "0.00 0 0.0");
        assert_eq!(
            fill("[{count:>4}] [{count:04}] [{count:<3}] [{count:+}]"),
            "[   0] [0000] [0  ] [+0]"
        );
        assert_eq!(fill("{count:#x} {count:#06b}"), "0x0 0b0000");
        assert_eq!(
            fill("{name:?} {name:.3} {name:*^10}"),
            "\"string\" str **string**"
        );
        assert_eq!(fill("{hint:?} {tags:?}"), "None []");
        assert_eq!(fill("{0} {unknown} {hint}"), "{0} {unknown} {hint}");
    }
}
