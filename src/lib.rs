// The crate documentation is the front page of the user guide, whose
// chapters are the Markdown files of src/guide/; the code, re-exports and a
// macro, follows it.
//! Define your HTTP API errors once.
//!
//! `#[derive(ApiError)]` on an error enum gives every variant a stable machine
//! code, an HTTP status, a public message and a details object. The compiler
//! rejects malformed, out-of-range, retired and duplicate codes, and the
//! runtime renders the error in the JSON format your API speaks (standard,
//! RFC 9457, Google AIP-193, OpenAI-style, discriminated union, WebSocket, or
//! your own) and as an [`http::Response`], for axum and actix-web too, while
//! the whole catalog of codes is static data for references, client types,
//! OpenAPI and stability checks.
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
//! # The guide
//!
//! | chapter | what it covers |
//! |---|---|
//! | [codes](crate::guide::codes) | written or derived codes; patterns, ranges, categories, retired codes; structs |
//! | [statuses and messages](crate::guide::statuses_and_messages) | `#[status]`; the public `#[message]`, its placeholders and computed arguments |
//! | [details](crate::guide::details) | the `details` object: rename, skip, schema; internal fields; `Retry-After` and other headers; validation lists |
//! | [composition](crate::guide::composition) | a service error made of module errors; codes unique across types; generic types and `bound` |
//! | [formats](crate::guide::formats) | the built-in JSON formats, rendering at run time, your own [`Format`](format::Format), the [`fields`] helpers |
//! | [responses and frameworks](crate::guide::responses_and_frameworks) | HTTP responses, axum and actix-web, the request context, [`RequestError`], logs, a production service |
//! | [localized messages](crate::guide::localized_messages) | translations read at compile time, chosen by `Accept-Language` |
//! | [gRPC](crate::guide::grpc) | `tonic::Status` with the richer error model's details, and back |
//! | [metrics and traces](crate::guide::metrics) | every error answered counted by code (`metrics`), the code on the request's span as `error.type` (`tracing`) |
//! | [catalog and documentation](crate::guide::catalog_and_documentation) | [`ApiError::CATALOG`]; doc comments as the reference; Markdown, JSON, TypeScript and JSON Schema exports; stability snapshots; OpenAPI |
//! | [a fleet of services](crate::guide::fleet) | `apierror-fleet`: many services' catalogs checked together, releases compared for breaking changes, one reference, TypeScript and Python SDKs |
//! | [decoding](crate::guide::decoding) | a response body back into the typed error, on the client |
//! | [safety](crate::guide::safety) | what never leaks, never panics and is never malformed |
//! | [`Display`, `Error` and thiserror](crate::guide::thiserror) | the std impls of the derive, and thiserror next to it |
//! | [attributes](crate::guide::attributes) | every attribute, where it goes, what it means |
//! | [compile errors](crate::guide::compile_errors) | every misuse the compiler rejects |

// docs.rs builds with `--cfg docsrs`: feature-gated items say which feature.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]

/// The user guide, one chapter per topic.
pub mod guide;

/// The Rust blocks of README.md, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

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

    /// A [`Render`](crate::Render) is `Serialize` itself.
    #[deprecated(
        since = "0.1.0",
        note = "a `Render` is `Serialize`: use `apierror::Render`"
    )]
    pub type Rendered<'a, E, F> = crate::Render<'a, E, F>;
}

/// Moved to [`catalog::Iter`](crate::catalog::Iter).
#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "moved to `apierror::catalog::Iter`")]
pub type Iter<'a> = apierror_core::catalog::Iter<'a>;

#[cfg(feature = "export")]
pub use apierror_core::export;
#[cfg(feature = "stability")]
pub use apierror_core::stability;

#[cfg(feature = "utoipa")]
pub use apierror_core::openapi;

#[cfg(feature = "aide")]
pub use apierror_core::aide;

#[cfg(feature = "tonic")]
pub use apierror_core::grpc;

#[cfg(feature = "metrics")]
pub use apierror_core::metrics;
pub use apierror_core::report;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub use apierror_core::request;

#[cfg(feature = "actix-web")]
pub use apierror_core::actix;
#[cfg(feature = "axum")]
pub use apierror_core::axum;

pub use apierror_core::{PanicMessage, RequestError};

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
