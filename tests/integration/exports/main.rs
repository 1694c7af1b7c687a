//! The catalog as documentation and contract: Markdown and JSON references, TypeScript and JSON Schema, OpenAPI (utoipa and aide), stability snapshots.
//!
//! One test binary: `cargo test -p apierror-tests --test exports`.

#[path = "../support/common.rs"]
pub mod common;
#[path = "../support/formats.rs"]
pub mod formats;
#[path = "../support/http_client.rs"]
pub mod http_client;
#[path = "../support/services.rs"]
pub mod services;
#[path = "../support/translated.rs"]
pub mod translated;

pub mod aide_operations;
pub mod body_model;
pub mod docs;
pub mod export;
pub mod openapi;
pub mod reference;
pub mod stability;
pub mod typescript;
