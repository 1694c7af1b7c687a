//! Runtime of [`apierror`](https://docs.rs/apierror): the [`ApiError`] trait,
//! static [`Catalog`]s, formats, rendering and HTTP responses.
//!
//! Depend on `apierror`, not on this crate: `apierror` re-exports all of it
//! together with the derive, and its documentation is the user guide.

// docs.rs builds with `--cfg docsrs`: feature-gated items say which feature.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs, unsafe_code)]

extern crate alloc;

mod bulk;
mod composition;
mod error;
mod facts;
mod html;
mod json_check;
mod message;
#[cfg(feature = "export")]
mod model;
mod render;
mod shape;

#[cfg(feature = "aide")]
pub mod aide;
pub mod catalog;
pub mod decode;
pub mod doc;
#[cfg(feature = "export")]
pub mod export;
pub mod fields;
pub mod format;
#[cfg(feature = "tonic")]
pub mod grpc;
#[doc(hidden)]
pub mod json;
pub mod locale;
#[cfg(feature = "utoipa")]
pub mod openapi;
pub mod report;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub mod request;
pub mod response;
#[cfg(feature = "stability")]
pub mod stability;
pub mod template;
pub mod violations;

/// Framework integrations, behind cargo features.
mod framework {
    #[cfg(feature = "actix-web")]
    pub mod actix;
    #[cfg(feature = "axum")]
    pub mod axum;
}

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
    #[cfg(feature = "tonic")]
    pub use crate::grpc::status as grpc_status;
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
pub use catalog::{Catalog, Category, Descriptor, Transparent};
pub use error::{ApiError, Details};
pub use http;
pub use message::Message;
pub use render::Render;
/// serde, for writing [`Format`](format::Format)s.
pub use serde;
pub use violations::{Violation, Violations};
