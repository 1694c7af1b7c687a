//! Tooling: what is built from catalogs and rendered bodies rather than
//! served. The body model of each format, the exports (Markdown, JSON,
//! JSON Schema, TypeScript), OpenAPI and aide responses, stability
//! snapshots, decoding bodies back into errors. It imports from every
//! layer below.

#[cfg(feature = "aide")]
pub mod aide;
#[cfg(feature = "export")]
pub(crate) mod body;
pub mod decode;
#[cfg(feature = "export")]
pub mod export;
#[cfg(feature = "tonic")]
pub mod grpc;
#[cfg(feature = "utoipa")]
pub mod openapi;
#[cfg(feature = "stability")]
pub mod stability;
