//! Runtime of [`apierror`](https://docs.rs/apierror): the [`ApiError`] trait,
//! static [`Catalog`]s, formats, rendering and HTTP responses.
//!
//! Depend on `apierror`, not on this crate: `apierror` re-exports all of it
//! together with the derive, and its documentation is the user guide.

// docs.rs builds with `--cfg docsrs`: feature-gated items say which feature.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs, unsafe_code)]

extern crate alloc;

#[cfg(feature = "export")]
mod body;
mod bulk;
mod composition;
mod error;
mod html;
mod json_check;
mod message;
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

pub use bulk::Bulk;
pub use catalog::{Catalog, Category, Descriptor, Transparent};
pub use error::{ApiError, Details};
pub use http;
pub use message::Message;
pub use render::Render;
/// serde, for writing [`Format`](format::Format)s.
pub use serde;
pub use violations::{Violation, Violations};
