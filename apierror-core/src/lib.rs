//! Runtime of [`apierror`](https://docs.rs/apierror): the [`ApiError`] trait,
//! static [`Catalog`]s, formats, rendering and HTTP responses.
//!
//! Depend on `apierror`, not on this crate: `apierror` re-exports all of it
//! together with the derive, and its documentation is the user guide.

// docs.rs builds with `--cfg docsrs`: feature-gated items say which feature.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs, unsafe_code)]

extern crate alloc;

// The layers, each in its folder, each importing only from those before
// it (`cargo test -p apierror-tests --test runtime layers` checks it).
mod model;
mod rendering;
mod serving;
mod tooling;

// The public modules, at the paths users know.
pub use model::catalog;
pub use model::doc;
pub use model::fields;
pub use model::template;
pub use model::violations;
pub use rendering::format;
#[allow(deprecated)]
#[doc(hidden)]
pub use rendering::json;
pub use rendering::locale;
#[cfg(feature = "metrics")]
pub use serving::metrics;
pub use serving::report;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub use serving::request;
pub use serving::response;
#[cfg(feature = "aide")]
pub use tooling::aide;
pub use tooling::decode;
#[cfg(feature = "export")]
pub use tooling::export;
#[cfg(feature = "tonic")]
pub use tooling::grpc;
#[cfg(feature = "utoipa")]
pub use tooling::openapi;
#[cfg(feature = "stability")]
pub use tooling::stability;

// The private ones, by name, whatever their layer.
use model::{built_in, composition, context, error, facts, json_text, message, shape};
use rendering::{html, json_check, render};
#[cfg(any(feature = "axum", feature = "actix-web"))]
use serving::framework;
use serving::{bulk, request_error};
#[cfg(feature = "export")]
use tooling::body;

#[cfg(feature = "actix-web")]
pub use framework::actix;
#[cfg(feature = "axum")]
pub use framework::axum;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

/// What the runtime's own macros in `__private` (`frameworks!`, `schema!`)
/// name: the framework impls' helpers and crates, the schema probe.
/// Generated code never names this module. Not public API.
#[doc(hidden)]
pub mod __support {
    #[cfg(feature = "aide")]
    pub use crate::aide::inferred_responses as aide_responses;
    #[cfg(feature = "actix-web")]
    pub use crate::framework::actix::{__derived as actix_response, __status as actix_status};
    #[cfg(feature = "axum")]
    pub use crate::framework::axum::__derived as axum_response;
    /// `error` as a status in its own domain: what the derived
    /// `From<E> for tonic::Status` returns.
    #[cfg(feature = "tonic")]
    pub fn grpc_status<E: crate::ApiError + ?Sized>(error: &E) -> tonic::Status {
        crate::grpc::Grpc::status_of(error)
    }
    #[cfg(feature = "utoipa")]
    pub use crate::openapi::probe::{
        Components, SchemaOf, SchemaProbe, ViaToSchema, WithoutSchema,
    };
    #[cfg(feature = "utoipa")]
    pub use crate::shape::SchemaFn;
    #[cfg(feature = "actix-web")]
    pub use actix_web;
    #[cfg(feature = "aide")]
    pub use aide;
    #[cfg(feature = "axum")]
    pub use axum_core;
    #[cfg(feature = "tonic")]
    pub use tonic;
}

pub use bulk::Bulk;
pub use request_error::{PanicMessage, RequestError};
// Shown as re-exports of their modules' items, as when those defined them.
#[doc(no_inline)]
pub use catalog::{Catalog, Category, Descriptor, Transparent};
pub use error::{ApiError, Details};
pub use http;
pub use message::Message;
pub use render::Render;
/// serde, for writing [`Format`](format::Format)s.
pub use serde;
#[doc(no_inline)]
pub use violations::{Violation, Violations};
