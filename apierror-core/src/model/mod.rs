//! The model: what an error is. The catalog and its descriptors, message
//! templates, details fields and their shapes, documentation, validation
//! lists, the composition check, and the `ApiError` trait. Everything the
//! derive generates is data of this layer; it imports from no other.

pub(crate) mod built_in;
pub mod catalog;
pub(crate) mod composition;
pub(crate) mod context;
pub mod doc;
pub(crate) mod error;
pub(crate) mod facts;
pub mod fields;
pub(crate) mod interpolate;
pub(crate) mod json_text;
pub(crate) mod message;
pub(crate) mod shape;
pub mod template;
pub mod violations;
