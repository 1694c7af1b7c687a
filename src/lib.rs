// Most of this file is the user guide (the crate documentation docs.rs shows
// first); the code, re-exports and two macros, is at its end.
//! Define your HTTP API errors once.
//!
//! `#[derive(ApiError)]` on an error enum gives every variant a stable machine
//! code, an HTTP status, a public message and a details object. The compiler
//! rejects malformed, out-of-range, retired and duplicate codes, and the
//! runtime renders the error in the JSON envelope your API speaks (standard,
//! RFC 9457, Google AIP-193, OpenAI-style, discriminated union, WebSocket, or
//! your own) and as an [`http::Response`], for axum and actix-web too.
//!
//! ```
//! use apierror::ApiError;
//!
//! /// Module 02 — Inventory
//! #[derive(Debug, ApiError)]
//! #[api_error(pattern = "ERR-02-###", retired("ERR-02-016"))]
//! pub enum InventoryError {
//!     /// Raised when the node has too few vCPUs.
//!     #[code("ERR-02-003")]
//!     #[status(409)]
//!     #[message("The selected node does not have enough CPU capacity")]
//!     InsufficientVcpu { requested: u32, available: u32 },
//!
//!     #[code("ERR-02-001")]
//!     #[status(NOT_FOUND)]
//!     #[message("The requested instance type '{instance_type}' does not exist")]
//!     InstanceTypeNotFound { instance_type: String },
//! }
//!
//! let err = InventoryError::InsufficientVcpu { requested: 8, available: 2 };
//! assert_eq!(err.code(), "ERR-02-003");
//! assert_eq!(err.status(), 409);
//! assert_eq!(
//!     apierror::Render::new(&err).to_string()?,
//!     r#"{"error":{"code":"ERR-02-003","message":"The selected node does not have enough CPU capacity","details":{"requested":8,"available":2}}}"#
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Codes
//!
//! A variant's code is written with `#[code("...")]`, or derived from its name
//! by a naming rule on the type: `"SCREAMING_SNAKE_CASE"`, `"snake_case"`,
//! `"kebab-case"` or `"SCREAMING-KEBAB-CASE"`, with an optional `prefix`. An
//! explicit `#[code]` still wins over the rule.
//!
//! ```
//! # use apierror::ApiError;
//! #[derive(Debug, ApiError)]
//! #[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "AUTH_", status = 401)]
//! pub enum AuthError {
//!     #[message("Authentication token has expired")]
//!     TokenExpired { expired_at: String },
//!     #[code("AUTH_REQUIRED")]
//!     #[message("Authentication required")]
//!     Missing,
//! }
//!
//! assert_eq!(AuthError::TokenExpired { expired_at: "2024-01-20T09:00:00Z".into() }.code(), "AUTH_TOKEN_EXPIRED");
//! assert_eq!(AuthError::Missing.code(), "AUTH_REQUIRED");
//! ```
//!
//! Codes use ASCII letters, digits and `_-.:/` only, so they never need
//! escaping in JSON, headers or URLs.
//!
//! ## Patterns, ranges, categories and retired codes
//!
//! Container rules make the compiler check every code:
//!
//! | rule | meaning |
//! |---|---|
//! | `pattern = "CHOREO-####"` | literal text, `#` for one digit; every code must match |
//! | `range = 1000..=9999` | the number formed by the `#` digits must lie in the range |
//! | `category(name = "component", range = 1000..=1999, title = "Component errors")` | a named range; repeatable |
//! | `category(name = "auth", prefix = "AUTH_")` | a named group of codes by prefix |
//! | `retired("ERR-03-003", "ERR-03-004")` | codes that were used once and may never come back |
//!
//! A variant's category is inferred from its code, or named with
//! `#[api_error(category = "...")]`, in which case the code must lie in it.
//! Once a type declares categories, a code in none of them is an error.
//!
//! ```
//! # use apierror::ApiError;
//! #[derive(Debug, ApiError)]
//! #[api_error(pattern = "CHOREO-####", range = 1000..=9999, status = 500)]
//! #[api_error(category(name = "component", range = 1000..=1999, title = "Component errors"))]
//! #[api_error(category(name = "system", range = 9000..=9999, title = "System errors"))]
//! pub enum ChoreoError {
//!     #[code("CHOREO-1001")]
//!     #[status(400)]
//!     #[message("Component validation failed")]
//!     ComponentValidationFailed,
//!     #[code("CHOREO-9002")]
//!     #[status(504)]
//!     #[api_error(category = "system")]
//!     #[message("API server timeout")]
//!     ApiServerTimeout,
//! }
//!
//! let d = ChoreoError::ComponentValidationFailed.descriptor();
//! assert_eq!(d.category(), Some("component"));
//! ```
//!
//! Each of these is a compile error, spanned on the offending code:
//!
//! ```compile_fail
//! # use apierror::ApiError;
//! #[derive(Debug, ApiError)]
//! #[api_error(pattern = "ERR-03-###", retired("ERR-03-003"), status = 404)]
//! pub enum CvmError {
//!     #[code("ERR-03-003")] // error: error code `ERR-03-003` is retired and may not be used again
//!     Gone,
//! }
//! ```
//!
//! ```compile_fail
//! # use apierror::ApiError;
//! #[derive(Debug, ApiError)]
//! #[api_error(pattern = "ERR-02-###", status = 400)]
//! pub enum InventoryError {
//!     #[code("ERR-02-001")]
//!     A,
//!     #[code("ERR-02-001")] // error: duplicate error code `ERR-02-001`
//!     B,
//! }
//! ```
//!
//! # Statuses
//!
//! `#[status(409)]`, `#[status(CONFLICT)]` or `#[status(StatusCode::CONFLICT)]`
//! (the constant names of [`http::StatusCode`], with or without a path to
//! `StatusCode`), or a default for the type with `#[api_error(status = 400)]`.
//! Only error statuses, 400 to 599, are accepted; unregistered ones such as
//! 465 work too. The derive reads the number at compile time, so a constant
//! of your own (`#[status(MY_STATUS)]`, `#[status(Codes::GONE)]`) is an error,
//! not a silently different status.
//!
//! # Messages
//!
//! `#[message("...")]` is the public, client-facing message. It may
//! interpolate fields by name (`{field}`) or, in tuple variants, by position
//! (`{0}`), with format specs (`{price:.2}`); `{{` and `}}` are literal
//! braces. A static message is a `&'static str` and costs nothing; an
//! interpolated one is written straight into the output when rendered.
//! Without `#[message]`, the message is the status's reason phrase
//! ("Not Found"), which also keeps 5xx errors from leaking internals.
//!
//! Arguments after the template compute what a placeholder shows, as
//! thiserror's do: `{}` takes the next positional argument, `{n}` the one
//! named `n`, and `.field` or `.0` name the variant's fields:
//! `#[message("{} of {limit} left", .limit - .used)]`,
//! `#[message("{n} items invalid", n = .items.len())]`. The derive parses
//! each template once; [`Descriptor::pieces`] hands its literal text and
//! placeholders to exports and the OpenAPI document.
//!
//! A message is for clients, so the compiler holds it to that: it formats
//! with `Display` only (`{config:?}` is an error: Debug text is for logs, and
//! `{x:p}` would show an address, and so is an argument that formats with
//! Debug, `format!("{:?}", .x)` or `dbg!`), an argument names fields with
//! `.field`, never through `self`, it is not empty, and neither it nor an
//! argument ever shows an internal field (see [Details](#details)). What a
//! function called from an argument does is yours to keep public.
//!
//! ```
//! # use apierror::ApiError;
//! #[derive(Debug, ApiError)]
//! #[api_error(code = "SCREAMING_SNAKE_CASE", status = 422)]
//! pub enum BillingError {
//!     #[message("Amount {0:.2} {1} exceeds the limit")]
//!     OverLimit(f64, &'static str),
//!     #[status(500)]
//!     Internal,
//! }
//!
//! assert_eq!(BillingError::OverLimit(99.5, "USD").message().to_string(), "Amount 99.50 USD exceeds the limit");
//! assert_eq!(BillingError::Internal.message().as_static(), Some("Internal Server Error"));
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(code = "SCREAMING_SNAKE_CASE", status = 429)]
//! pub enum QuotaError {
//!     #[message("{} of {limit} requests left, {n} queued", .limit - .used, n = .queue.len())]
//!     QuotaLow { limit: u32, used: u32, #[api_error(skip)] queue: Vec<u64> },
//! }
//!
//! let low = QuotaError::QuotaLow { limit: 100, used: 97, queue: vec![1, 2] };
//! assert_eq!(low.message().to_string(), "3 of 100 requests left, 2 queued");
//! ```
//!
//! # Details
//!
//! Named fields form the `details` object, in declaration order. A field can
//! be renamed with `#[api_error(rename = "key")]` or left out with
//! `#[api_error(skip)]`; a `None` option is omitted. Tuple fields are
//! details only when given a key with `rename`. A variant without detail
//! fields has no `details` key, unless it (or its type) says
//! `#[api_error(empty_details)]`, which renders `"details": {}`.
//!
//! The derive reads each detail's type into a [`fields::Shape`] (integers,
//! strings, `Option`, sequences, maps, ...), from which the OpenAPI
//! document, the JSON Schema and the TypeScript declarations type it; a type
//! of your own is documented by its `utoipa::ToSchema` in OpenAPI and is
//! unconstrained elsewhere. `#[api_error(schema = String)]` documents a
//! field as another type everywhere (a newtype that serializes as a string).
//!
//! **Internal fields** never reach a body, a header or the details, in any
//! format: only logs (the value's `Debug`, and its `source()` chain). A field
//! is internal when it is
//! - marked `#[api_error(internal)]`: a connection string, a token, a path;
//! - the source error: `#[source]`, `#[from]`, or named `source` (`r#source` too);
//! - of a type that is plainly an error: a path ending in `Error`
//!   (`io::Error`, `anyhow::Error`), `eyre::Report`, a `dyn Error` object, or
//!   one of these in a `Box`, `Arc`, `Rc`, `Option` or reference.
//!
//! A message that interpolates an internal field is a compile error, whatever
//! the status. Any other field whose type implements [`std::error::Error`]
//! (`ParseIntError`, a type alias of `io::Error`) and that would be a detail
//! or shown in a message is a compile error too, found by the compiler: mark
//! it `#[api_error(internal)]` or `#[source]`. (A field whose type uses a
//! parameter of a generic type cannot be checked that way.) `skip`,
//! `rename` and `retry_after` on an internal field have no meaning and are
//! errors; `#[api_error(internal)]` on a field that is internal anyway is
//! allowed.
//!
//! ```compile_fail
//! # use apierror::ApiError;
//! #[derive(Debug, ApiError)]
//! #[api_error(code = "SCREAMING_SNAKE_CASE", status = 503)]
//! pub enum CacheError {
//!     // error: a public message may not show `dsn`: it is marked #[api_error(internal)]
//!     #[message("Cannot reach {dsn}")]
//!     Unreachable { #[api_error(internal)] dsn: String },
//! }
//! ```
//!
//! ```
//! # use apierror::ApiError;
//! #[derive(Debug, ApiError)]
//! #[api_error(code = "SCREAMING_SNAKE_CASE", status = 503)]
//! pub enum CacheError {
//!     #[message("The cache {name} is unavailable")]
//!     Unreachable {
//!         name: String,
//!         #[api_error(internal)]
//!         dsn: String,
//!         cause: std::io::Error,
//!     },
//! }
//!
//! let err = CacheError::Unreachable {
//!     name: "sessions".into(),
//!     dsn: "redis://:hunter2@10.0.0.7".into(),
//!     cause: std::io::Error::other("connection refused"),
//! };
//! let body = apierror::Render::new(&err).to_string()?;
//! assert_eq!(body, r#"{"error":{"code":"UNREACHABLE","message":"The cache sessions is unavailable","details":{"name":"sessions"}}}"#);
//! assert!(format!("{err:?}").contains("hunter2")); // for logs
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! A field marked `#[api_error(retry_after)]` (integer seconds, a
//! `Duration`, or an `Option` of either) also becomes the `Retry-After` header:
//! a negative value sends none, a value above
//! [`MAX_RETRY_AFTER`](response::MAX_RETRY_AFTER) (365 days) sends that, and
//! a `Duration` is rounded up to whole seconds. Another type is a compile
//! error (`` `String` cannot be a `retry_after` field ``).
//!
//! ```
//! # use apierror::ApiError;
//! #[derive(Debug, ApiError)]
//! #[api_error(code = "SCREAMING_SNAKE_CASE")]
//! pub enum RateError {
//!     #[status(429)]
//!     #[message("Rate limit exceeded")]
//!     RateLimitExceeded {
//!         limit: u32,
//!         #[api_error(rename = "window")]
//!         period: &'static str,
//!         #[api_error(retry_after)]
//!         retry_after: u64,
//!         #[api_error(skip)]
//!         internal_bucket: u64,
//!         hint: Option<String>,
//!     },
//! }
//!
//! let err = RateError::RateLimitExceeded { limit: 5000, period: "1h", retry_after: 1234, internal_bucket: 7, hint: None };
//! assert_eq!(err.retry_after(), Some(1234));
//! assert_eq!(
//!     serde_json::to_string(&err.details())?,
//!     r#"{"limit":5000,"window":"1h","retry_after":1234}"#
//! );
//! let response = apierror::Render::new(&err).to_response();
//! assert_eq!(response.headers()["retry-after"], "1234");
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! ## Validation error lists
//!
//! A details field of type [`Violations`] holds many field errors at once
//! (location, code, message); RFC 9457 renders it as its `errors` member,
//! AIP-193 as a `google.rpc.BadRequest`, the other formats under the
//! field's key. See [`violations`] for the formats' shapes and the
//! `validator` feature's conversion.
//!
//! ## Localized messages
//!
//! `language = "en"` says which language the messages are written in;
//! `locales("de", "fr")` names their translations, one TOML file per
//! language read at compile time from `locales/` next to `Cargo.toml` (or
//! the directory `translations = "..."` names). A code without a
//! translation, or a translation whose `{placeholder}` names no details
//! field, does not compile. The request-context layers read each request's
//! `Accept-Language`; responses answer in the language it prefers, with
//! `Content-Language`. See [`locale`] for the file format and the
//! negotiation.
//!
//! ```
//! use apierror::format::Context;
//! use apierror::{ApiError, Render};
//!
//! // examples/translations/de.toml has a [ResourceError] table:
//! // RESOURCE_ALREADY_EXISTS = "Eine Ressource mit {field} „{value}“ gibt es bereits"
//! #[derive(Debug, ApiError)]
//! #[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "RESOURCE_")]
//! #[api_error(language = "en", locales("de", "fr"), translations = "examples/translations")]
//! pub enum ResourceError {
//!     #[status(404)]
//!     #[message("Resource {resource_id} not found")]
//!     NotFound { resource_type: String, resource_id: String },
//!     #[status(409)]
//!     #[message("A resource with {field} \"{value}\" already exists")]
//!     AlreadyExists { resource_type: String, field: String, value: String },
//!     #[status(422)]
//!     #[message("Resource limit reached: {current} of {limit} on the {plan} plan")]
//!     LimitExceeded { resource_type: String, limit: u32, current: u32, plan: String },
//! }
//!
//! let error = ResourceError::AlreadyExists {
//!     resource_type: "project".into(),
//!     field: "namespace".into(),
//!     value: "frontend".into(),
//! };
//! let response = Render::new(&error)
//!     .context(Context::new().with_accept_language("de-CH, en;q=0.5"))
//!     .to_response();
//! assert_eq!(response.headers()["content-language"], "de");
//! let body = String::from_utf8(response.into_body()).unwrap();
//! assert!(body.contains(r#""message":"Eine Ressource mit namespace „frontend“ gibt es bereits""#));
//! ```
//!
//! # Composition
//!
//! A service error is made of module errors with transparent variants, which
//! take code, status, message, details and `Retry-After` from the inner error.
//! The service's catalog includes the modules' catalogs in place.
//!
//! ```
//! # use apierror::ApiError;
//! # #[derive(Debug, ApiError)]
//! # #[api_error(pattern = "ERR-01-###", status = 400)]
//! # pub enum PreflightError { #[code("ERR-01-001")] #[status(404)] #[message("The requested node is not available")] NodeNotFound }
//! # #[derive(Debug, ApiError)]
//! # #[api_error(pattern = "ERR-02-###", status = 400)]
//! # pub enum InventoryError { #[code("ERR-02-002")] #[message("No available resources match your requirements")] ResourceNotAvailable }
//! #[derive(Debug, ApiError)]
//! pub enum PhalaError {
//!     #[api_error(transparent)]
//!     Preflight(#[from] PreflightError),
//!     #[api_error(transparent)]
//!     Inventory(#[from] InventoryError),
//! }
//!
//! let err: PhalaError = InventoryError::ResourceNotAvailable.into();
//! assert_eq!(err.code(), "ERR-02-002");
//! let codes: Vec<_> = PhalaError::CATALOG.iter().map(|d| d.code()).collect();
//! assert_eq!(codes, ["ERR-01-001", "ERR-02-002"]);
//! ```
//!
//! Everything a variant decides survives the delegation: its code, status,
//! message, details, `title`, `kind` and `Retry-After`, and the settings of
//! the type that declares it: its `www_authenticate` challenge and its RFC
//! 9457 `type_url` apply to its variants wherever they are rendered, before
//! those of the types that include it (nearest first), which apply to the
//! variants that declare none. The format is the one of the type rendered.
//!
//! Codes stay unique across the composition: the derive of a composed type
//! has the compiler check every code of every module it includes (and that
//! modules sharing a pattern number their codes apart), and
//! [`assert_unique_codes!`] does the same for types that are independent in
//! Rust but served by one API. Types are told apart by their full path
//! (`my_service::users::Error` and `my_service::billing::Error` are two
//! types), and one type included twice (two transparent variants of it, or
//! two paths to it) is an error too: each code must have exactly one meaning,
//! for decoding and for `From`. The error names the code and both variants:
//!
//! ```text
//! error[E0080]: evaluation panicked: error code `ERR-01-001` is declared by both
//!               `phala::PreflightError::NodeNotFound` and `phala::LegacyError::DuplicateName`;
//!               codes must be unique across composed types
//! ```
//!
//! The check hashes each code into a table during constant evaluation, a few
//! steps per code: a service of 20 000 codes across 50 types compiles without
//! any lint to allow (`tests/scale` builds one on every CI run), in about 10%
//! more time than the 50 types alone. It reads a list of codes the derive
//! keeps apart from messages and docs, so an incremental build after editing
//! a message does not run it again. Transparent variants may nest 32 levels
//! deep.
//!
//! A generic type cannot be named in a `const` item, so for one the derive
//! checks its own codes against the transparent fields whose types do not use
//! its parameters (`Inner` in `enum E<T> { Inner(Inner), Other(T) }`); name
//! the instances you serve in [`assert_unique_codes!`] to check the rest:
//! `apierror::assert_unique_codes!(Wrapper<UserError>);`.
//!
//! ## Bounds of generic types
//!
//! For a generic type the derive adds where-clause predicates for the fields
//! that use a type parameter: `T: Display` for a `{value}` placeholder,
//! `T: Serialize` for a detail, `E: ApiError` for a transparent field. It cannot
//! see what a computed message argument does with a field, and it states its
//! bounds in terms of field types. `#[api_error(bound = "...")]`, as serde's
//! `bound`, replaces them on every impl it generates (`ApiError`, `Display`,
//! `Error`, `Decode`, the framework impls) with the predicates you write; the
//! type's own where clause is kept, and `bound = ""` adds nothing to it.
//!
//! ```
//! use apierror::ApiError;
//! use std::{fmt::Display, ops::Sub};
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(bound = "N: Copy + Sub<Output = N> + Display + apierror::serde::Serialize")]
//! pub enum QuotaError<N> {
//!     #[code("QUOTA_EXCEEDED")]
//!     #[status(429)]
//!     #[message("{} over the limit of {limit}", *.used - *.limit)]
//!     Exceeded { limit: N, used: N },
//! }
//!
//! let error = QuotaError::Exceeded { limit: 100u32, used: 120 };
//! assert_eq!(error.to_string(), "20 over the limit of 100");
//! ```
//!
//! The predicates must cover everything the impls use, or rustc reports the
//! missing one at the field that needs it (e.g. "the trait bound `T: Serialize`
//! is not satisfied" for a detail).
//!
//! # The catalog
//!
//! Every derived type has its whole catalog as static data,
//! [`ApiError::CATALOG`]: code, status, message template, documentation (read
//! from the variant's doc comment, see below), category, variant name and
//! details keys of every variant, in declaration order, plus the type's
//! pattern, range, categories and retired codes. No error value is needed to
//! read it.
//!
//! [`export::markdown`] turns a catalog into a Markdown reference (grouped by
//! category or module, with statuses, messages, the documentation of each
//! code and typed details fields), [`export::json`] into a JSON catalog for
//! SDK generators, [`export::typescript`] into TypeScript declarations of the
//! codes, details and bodies, and [`export::json_schema`] into the JSON
//! Schema of the bodies in a format. [`stability::assert_stable`] compares it with a committed
//! snapshot in a test, and fails with a readable report when a code
//! disappears without being retired, changes its status, or a retired code
//! comes back (`APIERROR_UPDATE_SNAPSHOTS=1` accepts intended changes):
//!
//! ```no_run
//! # use apierror::ApiError;
//! # #[derive(Debug, ApiError)]
//! # #[api_error(code = "SCREAMING_SNAKE_CASE", status = 404)]
//! # pub enum PhalaError { NotFound }
//! #[test]
//! fn error_codes_are_stable() {
//!     apierror::stability::assert_stable(PhalaError::CATALOG, "tests/snapshots/phala.catalog");
//! }
//! ```
//!
//! ## Documenting codes
//!
//! The derive reads doc comments at compile time into [`doc::Docs`]: the
//! first paragraph of a variant's doc comment is its description; sections
//! under `# Causes` (a `-` list), `# Example` (one fenced block: the error as
//! users see it), `# Resolution` (numbered steps, then command blocks) and
//! `# Solution` (one line) are read by name, other sections kept verbatim.
//! A field's doc comment is its description. The type's doc comment up to
//! its first heading introduces its reference; its sections are the
//! reference's appendices. Alongside them:
//!
//! - `#[api_error(class = "NodeNotFoundError")]` names the code's exception
//!   class in the service's own code (on an enum: the base class);
//! - `#[api_error(doc_url = "https://docs.example.com/errors/{code:kebab-case}")]`
//!   gives each code a documentation URL ([`doc::DocUrl`]: `{code}`,
//!   `{code:lowercase}`, `{code:UPPERCASE}`, `{code:kebab-case}`,
//!   `{code:snake_case}`), used as RFC 9457's `type` (without a `type_url`),
//!   AIP-193's `google.rpc.Help` link, in the references, and by custom
//!   formats through [`ApiError::doc_url`];
//! - `#[api_error(status_doc(429, "Rate limit exceeded", "Wait and retry"))]`
//!   attaches text to a status in the reference's status table;
//! - a `category(name = "...", title = "...")` without range or prefix holds
//!   the codes whose variants name it with `#[api_error(category = "...")]`.
//!
//! ```
//! use apierror::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(code = "snake_case", doc_url = "https://docs.example.com/errors/{code:kebab-case}")]
//! #[api_error(category(name = "auth", title = "Authentication & Authorization"))]
//! pub enum GatewayError {
//!     /// The key is not in the gateway's configuration.
//!     ///
//!     /// # Causes
//!     /// - API key not in config
//!     ///
//!     /// # Solution
//!     /// Add key to `api_keys` section
//!     #[status(401)]
//!     #[message("invalid api key")]
//!     #[api_error(category = "auth", class = "InvalidApiKeyError")]
//!     InvalidApiKey,
//! }
//!
//! let docs = GatewayError::InvalidApiKey.descriptor().docs();
//! assert_eq!(docs.causes(), ["API key not in config"]);
//! assert_eq!(docs.solution(), Some("Add key to `api_keys` section"));
//! assert_eq!(
//!     GatewayError::InvalidApiKey.doc_url().unwrap().to_string(),
//!     "https://docs.example.com/errors/invalid-api-key"
//! );
//! let entry = GatewayError::CATALOG.explain("invalid_api_key").unwrap();
//! assert!(entry.contains("**Common Causes**:\n- API key not in config\n"));
//! assert!(entry.contains("- **Class**: `InvalidApiKeyError`\n"));
//! ```
//!
//! Tag every fence in these doc comments with its language (```` ```text ````,
//! ```` ```bash ````, ```` ```json ````): in a library crate an untagged fence
//! is a Rust doctest, which an error message or a shell command fails. The
//! derive rejects untagged fences in the sections it reads, and every
//! malformed section, with a spanned error. Documentation is not contract:
//! [`stability`] snapshots ignore it.
//!
//! # Formats
//!
//! An error renders in the JSON envelope its API speaks. A type picks its
//! default with `#[api_error(format = "...")]`:
//!
//! | `format =` | shape | spoken by |
//! |---|---|---|
//! | `"standard"` (default) | `{"error":{"code","message","details"}}`, plus `"meta":{"request_id","timestamp"}` with a context | Hexabase, k0rdent |
//! | `"tagged"` | `{"success":false,"error":{...},"requestId"}` | k0rdent |
//! | `"openai"` | `{"error":{"message","type","code":<status>,"details"}}`; `type` from `#[api_error(kind = "...")]`, the category, or the status | LLM gateways |
//! | `"problem"` | RFC 9457 `application/problem+json`; `type_url = "https://.../{code}"`, `#[api_error(title = "...")]` | |
//! | `"google"` | Google AIP-193 with a `google.rpc.ErrorInfo`; needs `domain = "..."` | |
//! | `"websocket"` | `{"type":"error","error":{...}}` | Hexabase (WebSocket) |
//!
//! Your own format is the default just as well: `format = ` the path of a
//! value whose type implements [`Format`](format::Format), a unit struct or
//! a `const` with settings. [`Render::new`] and its responses, the
//! axum and actix-web responses and the OpenAPI responses all use it:
//!
//! ```
//! use apierror::format::{Context, Format};
//! use apierror::ApiError;
//! use serde::ser::{SerializeStruct, Serializer};
//!
//! /// `{"message","documentation_url"}`, GitHub's shape.
//! pub struct GitHub {
//!     pub docs: &'static str,
//! }
//!
//! pub const GITHUB: GitHub = GitHub { docs: "https://docs.github.com/rest" };
//!
//! impl Format for GitHub {
//!     fn media_type(&self) -> &'static str {
//!         "application/json; charset=utf-8"
//!     }
//!
//!     fn serialize<E, S>(&self, error: &E, _: &Context<'_>, serializer: S) -> Result<S::Ok, S::Error>
//!     where
//!         E: ApiError + ?Sized,
//!         S: Serializer,
//!     {
//!         let mut body = serializer.serialize_struct("Error", 2)?;
//!         body.serialize_field("message", &error.message())?;
//!         body.serialize_field("documentation_url", self.docs)?;
//!         body.end()
//!     }
//! }
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(code = "SCREAMING_SNAKE_CASE", format = GITHUB)]
//! pub enum RepoError {
//!     #[status(403)]
//!     #[message("API rate limit exceeded")]
//!     RateLimited {
//!         #[api_error(header = "X-RateLimit-Remaining")]
//!         remaining: u32,
//!     },
//! }
//!
//! let response = apierror::Render::new(&RepoError::RateLimited { remaining: 0 }).to_response();
//! assert_eq!(response.headers()["content-type"], "application/json; charset=utf-8");
//! assert_eq!(response.headers()["x-ratelimit-remaining"], "0");
//! assert_eq!(
//!     response.body(),
//!     br#"{"message":"API rate limit exceeded","documentation_url":"https://docs.github.com/rest"}"#
//! );
//! ```
//!
//! The envelope is the one of the type you render: a service error composed
//! of module errors through transparent variants speaks the service's format,
//! while code, status, message, `title` and `kind` come from the inner variant.
//!
//! [`Render`] renders any error in any format at run time, with a request
//! [`Context`](format::Context) (request id, timestamp, RFC 9457 instance):
//!
//! ```
//! use apierror::format::{Context, WebSocket};
//! use apierror::{ApiError, Render};
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "WS_", format = "openai")]
//! pub enum WsError {
//!     #[status(429)]
//!     #[api_error(kind = "rate_limit_error")]
//!     #[message("Maximum number of subscriptions exceeded")]
//!     SubscriptionLimitExceeded { limit: u32, current: u32 },
//! }
//!
//! let err = WsError::SubscriptionLimitExceeded { limit: 100, current: 100 };
//! // The type's own envelope.
//! assert_eq!(
//!     apierror::Render::new(&err).to_string()?,
//!     r#"{"error":{"message":"Maximum number of subscriptions exceeded","type":"rate_limit_error","code":429,"details":{"limit":100,"current":100}}}"#
//! );
//! // Another one, chosen at run time.
//! assert_eq!(
//!     Render::new(&err).format(&WebSocket).to_string()?,
//!     r#"{"type":"error","error":{"code":"WS_SUBSCRIPTION_LIMIT_EXCEEDED","message":"Maximum number of subscriptions exceeded","details":{"limit":100,"current":100}}}"#
//! );
//! // The standard envelope with request metadata.
//! let context = Context::new().with_request_id("req_123456").with_timestamp("2024-01-20T10:00:00Z");
//! let body = Render::new(&err).format(&apierror::format::Standard).context(context).to_string()?;
//! assert!(body.ends_with(r#""request_id":"req_123456"},"meta":{"request_id":"req_123456","timestamp":"2024-01-20T10:00:00Z"}}"#));
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! Rendering streams through serde into the caller's writer
//! ([`Render::to_writer`]): nothing is built in between.
//! Your own envelope is an implementation of [`format::Format`]; see its
//! documentation for a complete example.
//!
//! # HTTP responses
//!
//! [`Render::to_response`] builds an
//! [`http::Response`] with the error's status, the format's `Content-Type`,
//! `Cache-Control: no-store`, `X-Content-Type-Options: nosniff`,
//! `Retry-After` from a `retry_after` field, `WWW-Authenticate` on every 401
//! (`#[api_error(www_authenticate = "Bearer realm=\"api\"")]`, default
//! `Bearer`), and `X-Request-Id` from the context. Header values are
//! validated: a request id with a CR or LF is never sent as a header.
//!
//! A field can feed a header of its own with
//! `#[api_error(header = "X-RateLimit-Remaining")]`: its `Display` text, left
//! out when it is no valid header value (a CR, LF or non-ASCII character) or
//! the field is `None`. It stays a detail unless `skip`ped; internal fields
//! cannot be headers, nor can the headers the response sets itself. A
//! [`Format`](format::Format) adds headers of its own with its `headers`
//! method.
//!
//! ```
//! # use apierror::ApiError;
//! # #[derive(Debug, ApiError)]
//! # #[api_error(code = "SCREAMING_SNAKE_CASE")]
//! # pub enum E { #[status(404)] #[message("Resource not found")] ResourceNotFound { resource_id: String } }
//! let mut buffer = Vec::new();
//! let err = E::ResourceNotFound { resource_id: "ws-123".into() };
//! apierror::Render::new(&err).to_writer(&mut buffer)?;
//! assert_eq!(buffer, br#"{"error":{"code":"RESOURCE_NOT_FOUND","message":"Resource not found","details":{"resource_id":"ws-123"}}}"#);
//!
//! let response = apierror::Render::new(&err).to_response();
//! assert_eq!(response.status(), 404);
//! assert_eq!(response.headers()["content-type"], "application/json");
//! assert_eq!(response.headers()["cache-control"], "no-store");
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! [`Bulk`] collects per-item outcomes of a batch operation into a
//! `207 Multi-Status` response, `{"success":true,"results":[...]}`.
//!
//! # Decoding on the client
//!
//! With `#[api_error(decode)]`, a type can be rebuilt from a body in any
//! built-in format by [`decode::decode`]: the variant by its code (or, in the
//! OpenAI style, by status, `type` and message), the fields from the details.
//! A code the type does not know is a [`decode::Decoded::Unknown`] that keeps
//! the raw code, status and message; a body that is not an error envelope is
//! an error, never a panic.
//!
//! ```
//! use apierror::decode::{decode, Decoded};
//! use apierror::format::Google;
//! use apierror::{ApiError, Render};
//!
//! #[derive(Debug, PartialEq, ApiError)]
//! #[api_error(code = "SCREAMING_SNAKE_CASE", decode)]
//! pub enum QuotaError {
//!     #[status(422)]
//!     #[message("CPU quota exceeded")]
//!     CpuExceeded { requested: String, limit: String },
//! }
//!
//! let sent = QuotaError::CpuExceeded { requested: "5".into(), limit: "4".into() };
//! let body = Render::new(&sent).format(&Google::new("kaas.example")).to_vec()?;
//! assert_eq!(decode::<QuotaError>(&body)?, Decoded::Known(sent));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Detail fields must implement `Deserialize`; fields that are not details
//! (skipped, internal, sources) take their `Default`.
//!
//! The OpenAI style carries no code: a body in it is matched by status,
//! `type` and message, the template with the most literal text winning
//! (`"Model {name} not found"` over `"{message}"`); two templates that match
//! alike leave the error [`Unknown`](decode::Decoded::Unknown) rather than
//! guess. Within one type with `decode`, a message made only of placeholders
//! cannot share its status with another variant (a compile error).
//!
//! What the decoder takes: a UTF-8 byte order mark before the body is
//! skipped; a key repeated in any object is an error (a details value whose
//! own `Serialize` repeats a key renders it as it says, and such a body does
//! not decode); JSON has no NaN or infinity, so a non-finite float renders as
//! `null`, which decodes into an `Option<f64>` as `None` and fails for an
//! `f64`. Sizes and depths are bounded by [`decode::Limits`], for bodies
//! ([`decode_with_limits`](decode::decode_with_limits)) and responses
//! ([`decode_response_with_limits`](decode::decode_response_with_limits)).
//!
//! # gRPC
//!
//! With the `tonic` feature, derived errors convert into `tonic::Status`
//! (`From`), with `ErrorInfo`, `RetryInfo`, `BadRequest` and `Help` details;
//! `#[api_error(grpc = "ALREADY_EXISTS")]` on a variant (or a type, for all
//! of them) sets the code in place of the status's, for AIP-193 bodies too;
//! `grpc::decode_status` rebuilds the typed error. See `apierror::grpc`.
//!
//! # OpenAPI
//!
//! With the `utoipa` feature, `apierror::openapi::ErrorResponses<MyError>`
//! describes every error of a type in `#[utoipa::path(responses(...))]`:
//! one response per status, the format's media type, a body schema with each
//! variant's details fields typed from their Rust types, and one example per
//! code, rendered by the real format. `openapi::responses(catalog, &format)`
//! builds the same for any format.
//!
//! # axum and actix-web
//!
//! With the `axum` feature, every derived type implements axum's
//! `IntoResponse`; with `actix-web`, actix-web's `ResponseError`. Handlers
//! return `Result<T, MyError>` and the client gets the response above. For a
//! chosen format or context, a [`Render`] is itself an axum `IntoResponse`
//! and an actix-web `Responder`.
//!
//! To write those impls yourself, say `#[api_error(manual_response)]` on the
//! type: the derive then leaves `IntoResponse` and `ResponseError` to you
//! (otherwise yours would conflict with the derived ones, E0119).
//!
//! ## The request context and the logs of a service
//!
//! A handler that returns `Err(e)` has no request at hand; the layer
//! [`axum::ContextLayer`] and the middleware [`actix::ContextMiddleware`]
//! give it one. Inside them, every derived error response renders with the
//! request id (read from a request header, `X-Request-Id` by default, and
//! generated when absent or unusable), the time (RFC 3339, from a clock you
//! can replace) and the request's path as the RFC 9457 `instance`, where the
//! type's format puts them: the standard envelope's `meta`, the tagged
//! union's `requestId`. Every response of the service, errors or not, echoes
//! the id under the header you choose ([`request::RequestContext`]).
//!
//! ```
//! # #[cfg(feature = "axum")] {
//! use apierror::axum::ContextLayer;
//! use apierror::request::RequestContext;
//! use apierror::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(code = "SCREAMING_SNAKE_CASE")]
//! pub enum WorkspaceError {
//!     #[status(404)]
//!     #[message("Workspace not found")]
//!     NotFound,
//! }
//!
//! async fn show() -> Result<String, WorkspaceError> {
//!     Err(WorkspaceError::NotFound)
//! }
//!
//! let app: axum::Router = axum::Router::new()
//!     .route("/workspaces/{id}", axum::routing::get(show))
//!     .layer(ContextLayer::new(RequestContext::new().echo_as("request-id")));
//! // GET /workspaces/ws-1 with `X-Request-Id: req_1` answers
//! // {"error":{"code":"NOT_FOUND","message":"Workspace not found","request_id":"req_1"},
//! //  "meta":{"request_id":"req_1","timestamp":"2024-01-20T10:00:00Z"}}
//! // and `Request-Id: req_1`.
//! # }
//! ```
//!
//! The framework's own failures (a body that is no JSON, an unknown route,
//! a panic...) are a [`RequestError`]: include it in the service error as a
//! transparent variant, and the helpers of [`axum`] (the [`axum::Extract`]
//! extractor wrapper, the fallbacks, the panic response) and [`actix`] (the
//! extractor configs' error handlers, the default services) make every
//! failure answer in the service's one format, with the request's context.
//!
//! What a body hides, its operator needs: the derived responses of every
//! 5xx variant (and of variants marked `#[api_error(log = "warn")]`, `"info"`,
//! `"debug"`, `"trace"`; `log = "off"` silences one, and a type-level `log`
//! is the default of its variants) carry a [`report::ErrorReport`]
//! extension: the code, status, descriptor, request id and the internal
//! report, the error's `Display` and every `source()` of its chain. With the
//! `tracing` feature they are also logged through `tracing`, once per
//! response, at the variant's level, with the fields `code`, `status`,
//! `variant`, `request_id` and `error`. A service without `tracing` reads
//! the extension in a middleware of its own.
//!
//! ```toml
//! apierror = { version = "0.1", features = ["axum"] }
//! ```
//!
//! `examples/server.rs` is an axum service answering with the service catalogs'
//! errors in their formats.
//!
//! # Safety
//!
//! An error library sits on every failing request of a service; apierror
//! makes the safe way the only way:
//!
//! - **Nothing internal leaks.** A 5xx variant without `#[message]` answers
//!   with the generic reason phrase; internal fields (marked, sources, error
//!   types: see [Details](#details)) and `Debug` text never reach a body, a
//!   header or the details, and a message that would show one is a compile
//!   error, at any status:
//!
//! ```compile_fail
//! # use apierror::ApiError;
//! #[derive(Debug, ApiError)]
//! #[api_error(code = "SCREAMING_SNAKE_CASE", status = 500)]
//! pub enum StoreError {
//!     // error: a public message may not show `cause`: it is the source error
//!     #[message("database failed: {cause}")]
//!     Database { #[source] cause: std::io::Error },
//! }
//! ```
//!
//! - **Misuse is a compile error, never ignored**: an attribute where it
//!   has no meaning (`#[status]` on the enum, `#[code]` on a field, `skip` on
//!   a variant, `#[source]` on a variant...) says where it belongs; empty
//!   texts, a `type_url` that is not an `http(s)`, `urn:` or relative URL,
//!   unknown keys and repeated ones are rejected, each spanned on your tokens.
//! - **Rendering never panics on your data.** A details field whose
//!   `Serialize` fails or a message field whose `Display` fails makes
//!   [`Render::to_vec`] return an error; a response (`to_response`, axum,
//!   actix-web) then falls back to the format's body without details, then
//!   with the status's reason phrase as the message. Each value is serialized
//!   once per render. A custom [`Format`](format::Format) that drives serde
//!   into invalid JSON (a key without a value) is an error too, and its
//!   response falls back to the standard envelope.
//! - **JSON is always valid**, whatever the strings (quotes, control
//!   characters, U+2028/U+2029), and [`Render::html_safe`] also escapes
//!   `<`, `>`, `&` for bodies embedded in HTML.
//! - **Headers cannot be injected**: every header value goes through
//!   [`http::HeaderValue`] validation, and a request id that is not a valid
//!   header (CR, LF, NUL, non-ASCII) is left out of `X-Request-Id` rather than
//!   sent. A request id is trimmed, and an empty one or one longer than
//!   [`Context::MAX_REQUEST_ID`](format::Context::MAX_REQUEST_ID) bytes is
//!   dropped, from the body too. `Retry-After` is capped at 365 days. Codes,
//!   statuses and `WWW-Authenticate` challenges are checked at compile time.
//! - **RFC 9457 members stay intact**: with `format = "problem"`, a details
//!   field named `status`, `type`, `title`, `detail`, `instance` or `code`, or
//!   not a valid extension member name, is a compile error.
//! - **The derive never panics** on any input (property-tested and fuzzed),
//!   and the client decoder returns errors, never panics, on hostile bodies.
//!   Like every derive built on syn, it is bound by the compiler's own limits
//!   on nesting: a field type nested thousands of levels deep
//!   (`Vec<Vec<...>>`) overflows rustc's parser before the derive runs.
//! - **Every edition**: generated code builds in crates of edition 2015,
//!   2018, 2021 and 2024 (`tests/editions`).
//!
//! # `Display`, `Error` and thiserror
//!
//! On its own, `#[derive(ApiError)]` also implements [`Display`](core::fmt::Display)
//! (the public message), [`std::error::Error`] (with `source()` from the
//! `#[source]`/`#[from]` field, forwarded through transparent variants) and
//! `From` for `#[from]` fields. One derive is enough:
//!
//! ```
//! # use apierror::ApiError;
//! #[derive(Debug, ApiError)]
//! #[api_error(code = "SCREAMING_SNAKE_CASE", status = 500)]
//! pub enum StoreError {
//!     #[message("Database operation failed")]
//!     Database(#[from] std::io::Error),
//! }
//!
//! let err = StoreError::from(std::io::Error::other("connection reset"));
//! assert_eq!(err.to_string(), "Database operation failed");
//! assert_eq!(std::error::Error::source(&err).unwrap().to_string(), "connection reset");
//! ```
//!
//! When the type also derives `thiserror::Error`, the `Display` text is
//! thiserror's `#[error(...)]` (the internal text, for logs) while
//! `message()` stays the public one; ApiError then leaves `Display`, `Error`
//! and `From` to thiserror, so the two never conflict:
//!
//! ```
//! # use apierror::ApiError;
//! #[derive(Debug, thiserror::Error, ApiError)]
//! #[api_error(code = "SCREAMING_SNAKE_CASE")]
//! pub enum StoreError {
//!     #[error("insert into {table} failed: {source}")]
//!     #[status(500)]
//!     #[message("Database operation failed")]
//!     Database { table: &'static str, #[source] source: std::io::Error },
//! }
//!
//! let err = StoreError::Database { table: "workspaces", source: std::io::Error::other("disk full") };
//! assert_eq!(err.to_string(), "insert into workspaces failed: disk full");
//! assert_eq!(err.message().to_string(), "Database operation failed");
//! ```
//!
//! # Generated code
//!
//! The generated code reaches this crate only through `::apierror`; if you
//! rename or re-export it, say where it is with
//! `#[api_error(crate = "path::to::apierror")]`.

// docs.rs builds with `--cfg docsrs`: feature-gated items say which feature.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]

pub use apierror_core::{
    catalog, decode, doc, fields, format, locale, response, serde, template, violations, ApiError,
    Bulk, Catalog, Category, Descriptor, Details, Message, Render, Transparent, Violation,
    Violations,
};

#[allow(deprecated)]
pub use apierror_core::json;

/// Renamed to [`format`](crate::format): this alias of the old name stays
/// for one release.
// Hidden, so that compiler messages name the types by their new paths.
#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "renamed to `apierror::format`")]
pub mod envelope {
    pub use crate::format::*;

    /// Renamed to [`BuiltIn`](crate::format::BuiltIn).
    #[deprecated(since = "0.1.0", note = "renamed to `apierror::format::BuiltIn`")]
    pub type Envelope = crate::format::BuiltIn;
}

#[cfg(feature = "export")]
pub use apierror_core::export;
#[cfg(feature = "stability")]
pub use apierror_core::stability;

#[cfg(feature = "utoipa")]
pub use apierror_core::openapi;

#[cfg(feature = "tonic")]
pub use apierror_core::grpc;

pub use apierror_core::report;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub use apierror_core::request;

#[cfg(feature = "actix-web")]
#[path = "framework/actix.rs"]
pub mod actix;
#[cfg(feature = "axum")]
#[path = "framework/axum.rs"]
pub mod axum;

mod request_error;
pub use request_error::{PanicMessage, RequestError};

// The derived types of this crate refer to it by name, as users' do.
extern crate self as apierror;

/// Derives [`ApiError`](trait@ApiError); see the [crate documentation](crate).
pub use apierror_derive::ApiError;

/// The `http` crate, for [`http::StatusCode`] and [`http::Response`].
pub use apierror_core::http;

/// Fails compilation when two of the named error types (or the types they
/// compose) use the same code, or when types sharing a pattern declare
/// overlapping ranges or categories.
///
/// A type composed with `#[api_error(transparent)]` variants is checked by
/// its derive already; this macro is for types that are independent in Rust
/// but served by one API.
///
/// ```
/// # use apierror::ApiError;
/// #[derive(Debug, ApiError)]
/// #[api_error(pattern = "ERR-01-###", status = 400)]
/// pub enum PreflightError { #[code("ERR-01-001")] NodeNotFound }
///
/// #[derive(Debug, ApiError)]
/// #[api_error(pattern = "ERR-02-###", status = 400)]
/// pub enum InventoryError { #[code("ERR-02-001")] InstanceTypeNotFound }
///
/// apierror::assert_unique_codes!(PreflightError, InventoryError);
/// ```
///
/// ```compile_fail
/// # use apierror::ApiError;
/// #[derive(Debug, ApiError)]
/// #[api_error(code = "SCREAMING_SNAKE_CASE", status = 404)]
/// pub enum Billing { NotFound }
///
/// #[derive(Debug, ApiError)]
/// #[api_error(code = "SCREAMING_SNAKE_CASE", status = 404)]
/// pub enum Workspace { NotFound }
///
/// // error: error code `NOT_FOUND` is declared by both `Billing::NotFound` and `Workspace::NotFound`
/// apierror::assert_unique_codes!(Billing, Workspace);
/// ```
#[macro_export]
macro_rules! assert_unique_codes {
    ($($error:ty),+ $(,)?) => {
        const _: () = {
            const ROOTS: &[&$crate::__private::Codes] = &[$(<$error as $crate::ApiError>::__CODES),+];
            $crate::__private::assert_unique_codes::<{ $crate::__private::table_size(ROOTS) }>(ROOTS)
        };
    };
}

#[doc(hidden)]
pub mod __private {
    pub use apierror_core::__private::*;
}
