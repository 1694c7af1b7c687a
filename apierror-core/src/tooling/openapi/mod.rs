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
//! - a JSON schema of the body, read from what the format renders (the
//!   [model](crate::export#one-model-of-a-body-for-every-format)
//!   the JSON Schema and TypeScript exports print too): the code's member an
//!   `enum` of the codes, the status's an `enum` of it, a format's constants
//!   pinned, members that only appear with a request
//!   [`Context`](crate::format::Context) (`meta`, `instance`) or an `Option`
//!   field optional, a `request_id` that is `null` without a context
//!   nullable, and the details fields typed from their Rust types wherever
//!   the format puts them. Variants whose bodies differ only in their
//!   constants share one schema (those constants widened to their type); a
//!   status with several shapes gets a `oneOf` (an `anyOf` when the bodies
//!   do not always hold the code), each branch titled with its codes;
//! - the headers the responses of the status send, as the format's own
//!   responses make them: `Retry-After` for a variant with a `retry_after`
//!   field, `Content-Language` (an `enum` of the languages) for a
//!   translated type, `WWW-Authenticate` for 401 with the challenge the
//!   type sends (none with `www_authenticate = false`), `X-Request-Id`,
//!   the headers fields feed, and those the format adds in
//!   [`Format::headers`] (an `enum` when
//!   their value is a constant of the code).
//!
//! Details fields are typed from the [`Shape`](crate::fields::Shape) the
//! derive read from their types at compile time: integers to `integer`
//! (`int32` up to 32 bits, `int64` for 64; unsigned ones with `minimum: 0`),
//! `f32`/`f64` to `number`, `bool` to `boolean`, `String`, `&str`,
//! `Cow<str>` and `Box<str>` to `string`, `Option<T>` to `T` and not
//! required, `Vec<T>`, slices, `[T; N]` and sets to arrays of `T`,
//! `HashMap`/`BTreeMap` to objects whose `additionalProperties` is the
//! value's schema, `Uuid`, `Url`, IP addresses and chrono's
//! `DateTime`/`NaiveDate` to strings with a `format`, `std::time::Duration`
//! to serde's `{"secs","nanos"}`.
//!
//! Any other type (your own structs and enums, type aliases) is documented
//! by its [`utoipa::ToSchema`] impl: a struct, an enum or a composition
//! becomes a `$ref` to a component named by `ToSchema::name`, a type whose
//! schema is a plain primitive (an alias of `u32`) is inlined. Register the
//! components with [`ErrorSchemas`] (a `Modify` for `#[openapi(modifiers(...))]`),
//! [`ErrorSchemas::add_to`] or [`ErrorSchemas::of`]; [`ErrorResponses::add_to`]
//! leaves that to you too. A type
//! without `ToSchema` (or one that uses a type parameter of the error) gets
//! a schema without constraints that says so, and `null` as its example;
//! `#[api_error(schema = T)]` on the field documents it as `T` instead.
//!
//! Example messages fill each placeholder whose field has a known example
//! (the primitive and string types above) with it, formatted with the
//! placeholder's spec by `std::fmt` itself (`{price:.2}` of an `f64` is
//! `0.00`); other placeholders stay as written.
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
//! Without the macro, [`ErrorResponses::of`] builds the [`Responses`] for any
//! catalog and any [`Format`], and [`ErrorResponses::add_to`] merges them into
//! an operation of an existing document.
//!
//! A custom [`Format`] works as well as the built-in ones: its examples,
//! schemas and headers come from what it renders. It renders a stand-in
//! error whose [`ApiError::CATALOG`] is empty; a variant the format fails to
//! render gets neither an example nor a schema.

mod bulk;
mod field;
mod infer;
pub(crate) mod probe;
mod response;

#[allow(deprecated)]
#[doc(hidden)]
pub use bulk::bulk_response;
pub use bulk::BulkResponses;

use crate::catalog::Catalog;
use crate::error::ApiError;
use crate::format::Format;
use probe::Components;
use response::Variant;
use std::collections::BTreeMap;
use std::marker::PhantomData;
use utoipa::openapi::path::{HttpMethod, Operation};
use utoipa::openapi::response::{Response, Responses};
use utoipa::openapi::schema::Schema;
use utoipa::openapi::{OpenApi, RefOr};

/// The `utoipa` crate these functions build types of, for naming them
/// without a direct dependency of the same version.
pub use utoipa;

/// The error responses of `E` for `#[utoipa::path(responses(...))]`:
/// `ErrorResponses<MyError>` in the type's own format, or
/// `ErrorResponses<MyError, Tagged>` in a format that implements [`Default`]
/// (a format with settings, such as [`Problem::with_type`](crate::format::Problem::with_type)
/// or [`Google`](crate::format::Google), needs [`ErrorResponses::of`] or a
/// wrapper type of your own that implements [`Format`] and [`Default`]).
///
/// It is a type, never a value: utoipa calls
/// [`IntoResponses::responses`](utoipa::IntoResponses::responses) on it. See
/// the [module documentation](self) for an example. Its associated functions
/// build the same responses without the macro, for any catalog and format
/// ([`ErrorResponses::of`], [`ErrorResponses::built_in`]), and add them to
/// a document ([`ErrorResponses::add_to`], [`ErrorResponses::merge`]).
pub struct ErrorResponses<E, F = TypeFormat> {
    _types: PhantomData<fn() -> (E, F)>,
}

/// The format parameter of [`ErrorResponses`] that stands for the error
/// type's own format, from `#[api_error(format = ...)]`: a built-in one or
/// the type's own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TypeFormat;

/// The format parameter that stands for the type's own format.
#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "renamed to `TypeFormat`")]
pub type TypeEnvelope = TypeFormat;

/// Without the macro: the responses of any catalog in any format, and
/// where they go in a document. The `()` stands for no error type: the
/// catalog is an argument (`ErrorResponses::of(MyError::CATALOG, &format)`).
impl ErrorResponses<()> {
    /// The responses of every code of `catalog` as `format` renders them: one
    /// response per status, with a named example per code and the body's schema.
    ///
    /// See the [module documentation](self) for what they hold.
    ///
    /// ```
    /// use apierror::format::Problem;
    /// use apierror::openapi::ErrorResponses;
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
    /// let responses = ErrorResponses::of(RateError::CATALOG, &problem);
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
    pub fn of<F: Format + ?Sized>(catalog: &Catalog, format: &F) -> Responses {
        // The components are registered by `ErrorSchemas`.
        responses_and_schemas(catalog, format).0
    }

    /// [`of`](Self::of) in the catalog's built-in format
    /// ([`Catalog::built_in`]). For a type that declares a format of its
    /// own, use `ErrorResponses<MyError>` or [`of`](Self::of) with that
    /// format.
    pub fn built_in(catalog: &Catalog) -> Responses {
        ErrorResponses::of(catalog, catalog.built_in())
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

    /// Adds `responses` to the operation `method` `path` of `openapi`, as
    /// [`merge`](Self::merge) does; returns whether the document has that
    /// operation.
    ///
    /// For documents built elsewhere, e.g. by `#[derive(utoipa::OpenApi)]`:
    ///
    /// ```
    /// use apierror::openapi::utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem};
    /// use apierror::openapi::utoipa::openapi::{InfoBuilder, OpenApiBuilder, PathsBuilder};
    /// use apierror::openapi::ErrorResponses;
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
    /// let errors = ErrorResponses::built_in(CvmError::CATALOG);
    /// assert!(ErrorResponses::add_to(&mut doc, "/cvms/{id}", HttpMethod::Get, errors.clone()));
    /// assert!(!ErrorResponses::add_to(&mut doc, "/cvms", HttpMethod::Get, errors));
    ///
    /// let json = serde_json::to_value(&doc)?;
    /// assert_eq!(json["paths"]["/cvms/{id}"]["get"]["responses"]["404"]["description"], "Not Found");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn add_to(
        openapi: &mut OpenApi,
        path: &str,
        method: HttpMethod,
        responses: Responses,
    ) -> bool {
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
                ErrorResponses::merge(&mut operation.responses, responses);
                true
            }
            None => false,
        }
    }
}

impl<E: ApiError> utoipa::IntoResponses for ErrorResponses<E, TypeFormat> {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        /// The responses in the format `E` declares, built-in or its own.
        struct Build(&'static Catalog);
        impl crate::format::FormatVisitor for Build {
            type Output = Responses;
            fn visit<F: Format + ?Sized>(self, format: &F) -> Responses {
                ErrorResponses::of(self.0, format)
            }
        }
        E::__with_format(Build(E::CATALOG)).responses
    }
}

impl<E: ApiError, F: Format + Default> utoipa::IntoResponses for ErrorResponses<E, F> {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        ErrorResponses::of(E::CATALOG, &F::default()).responses
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

/// [`ErrorResponses::of`] and the components they refer to
/// ([`ErrorSchemas::of`]), from one walk of the catalog.
pub(crate) fn responses_and_schemas<F: Format + ?Sized>(
    catalog: &Catalog,
    format: &F,
) -> (Responses, Components) {
    let media_type = format.media_type();
    let mut by_status: BTreeMap<u16, Vec<Variant>> = BTreeMap::new();
    let mut components = Components::new();
    for model in crate::body::model(catalog, format) {
        by_status
            .entry(model.descriptor.status().as_u16())
            .or_default()
            .push(Variant::new(model, format, &mut components));
    }
    let mut responses = Responses::new();
    for (status, variants) in by_status {
        let response = response::response(status, &variants, media_type);
        responses
            .responses
            .insert(status.to_string(), RefOr::T(response));
    }
    (responses, components)
}

/// Registers the components the details of `E` refer to, as a utoipa
/// [`Modify`](utoipa::Modify) for `#[openapi(modifiers(&...))]`, next to
/// `ErrorResponses<MyError>` in the paths (utoipa takes modifiers by name:
/// a `const` of this type). Its associated functions do the same without
/// the macro, for any catalog ([`ErrorSchemas::of`],
/// [`ErrorSchemas::add_to`]).
///
/// ```
/// use apierror::openapi::{ErrorResponses, ErrorSchemas};
/// use apierror::ApiError;
/// use utoipa::OpenApi;
///
/// #[derive(Debug, serde::Serialize, utoipa::ToSchema)]
/// pub struct Quota { used: u64, limit: u64 }
///
/// #[derive(Debug, ApiError)]
/// #[api_error(code = "SCREAMING_SNAKE_CASE")]
/// pub enum StorageError {
///     #[status(507)]
///     #[message("The volume is full")]
///     VolumeFull { quota: Quota },
/// }
///
/// #[utoipa::path(put, path = "/files", responses(ErrorResponses<StorageError>))]
/// fn upload() {}
///
/// const STORAGE_SCHEMAS: ErrorSchemas<StorageError> = ErrorSchemas::NEW;
///
/// #[derive(OpenApi)]
/// #[openapi(paths(upload), modifiers(&STORAGE_SCHEMAS))]
/// struct ApiDoc;
///
/// let doc = serde_json::to_value(ApiDoc::openapi())?;
/// assert_eq!(doc["components"]["schemas"]["Quota"]["required"], serde_json::json!(["used", "limit"]));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub struct ErrorSchemas<E> {
    _type: PhantomData<fn() -> E>,
}

impl<E> ErrorSchemas<E> {
    /// The modifier.
    pub const NEW: Self = ErrorSchemas { _type: PhantomData };
}

/// Without the macro: the components of any catalog. The `()` stands for no
/// error type: the catalog is an argument (`ErrorSchemas::of(MyError::CATALOG)`).
impl ErrorSchemas<()> {
    /// The named schemas the details of `catalog` refer to (`$ref`s to your own
    /// types that implement `utoipa::ToSchema`, and the types those refer to),
    /// in first-use order, each once.
    ///
    /// ```
    /// use apierror::openapi::{ErrorResponses, ErrorSchemas};
    /// use apierror::ApiError;
    ///
    /// /// A page of a listing.
    /// #[derive(Debug, serde::Serialize, utoipa::ToSchema)]
    /// pub struct Page { number: u32, size: u32 }
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(code = "SCREAMING_SNAKE_CASE")]
    /// pub enum ListError {
    ///     #[status(416)]
    ///     #[message("The page is past the end of the list")]
    ///     PageOutOfRange { page: Page, last: u32 },
    /// }
    ///
    /// let schemas = ErrorSchemas::of(ListError::CATALOG);
    /// assert_eq!(schemas[0].0, "Page");
    /// let responses = serde_json::to_value(ErrorResponses::built_in(ListError::CATALOG))?;
    /// let details = &responses["416"]["content"]["application/json"]["schema"]["properties"]["error"]["properties"]["details"];
    /// assert_eq!(details["properties"]["page"]["$ref"], "#/components/schemas/Page");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn of(catalog: &Catalog) -> Vec<(String, RefOr<Schema>)> {
        let mut components = Components::new();
        for descriptor in catalog.iter() {
            response::fields(descriptor, &mut components);
        }
        components
    }

    /// Adds the schemas of `catalog` ([`of`](Self::of)) to the components of
    /// `openapi`, keeping any of the same name the document already has.
    pub fn add_to(openapi: &mut OpenApi, catalog: &Catalog) {
        let components = openapi.components.get_or_insert_with(Default::default);
        for (name, schema) in ErrorSchemas::of(catalog) {
            components.schemas.entry(name).or_insert(schema);
        }
    }
}

impl<E: ApiError> utoipa::Modify for ErrorSchemas<E> {
    fn modify(&self, openapi: &mut OpenApi) {
        ErrorSchemas::add_to(openapi, E::CATALOG);
    }
}

// The old paths, kept for one release: each moved into `ErrorResponses`,
// `ErrorSchemas` or `BulkResponses`.

/// The responses of every code of `catalog` as `format` renders them.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::openapi::ErrorResponses::of`"
)]
pub fn responses<F: Format + ?Sized>(catalog: &Catalog, format: &F) -> Responses {
    ErrorResponses::of(catalog, format)
}

/// The responses of `catalog` in its built-in format.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::openapi::ErrorResponses::built_in`"
)]
pub fn default_responses(catalog: &Catalog) -> Responses {
    ErrorResponses::built_in(catalog)
}

/// Merges `from` into `into` without overwriting anything `into` says.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::openapi::ErrorResponses::merge`"
)]
pub fn merge(into: &mut Responses, from: Responses) {
    ErrorResponses::merge(into, from)
}

/// Adds `responses` to the operation `method` `path` of `openapi`.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::openapi::ErrorResponses::add_to`"
)]
pub fn add_to(openapi: &mut OpenApi, path: &str, method: HttpMethod, responses: Responses) -> bool {
    ErrorResponses::add_to(openapi, path, method, responses)
}

/// The named schemas the details of `catalog` refer to.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::openapi::ErrorSchemas::of`"
)]
pub fn schemas(catalog: &Catalog) -> Vec<(String, RefOr<Schema>)> {
    ErrorSchemas::of(catalog)
}

/// Adds the schemas of `catalog` to the components of `openapi`.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::openapi::ErrorSchemas::add_to`"
)]
pub fn add_schemas(openapi: &mut OpenApi, catalog: &Catalog) {
    ErrorSchemas::add_to(openapi, catalog)
}
