//! Shortcuts that render an error in its type's default envelope, without
//! request context. [`Render`] chooses format and context.
//!
//! Rendering streams through serde into the writer: nothing is built in
//! between, and a static message is copied straight from the binary.

use crate::error::ApiError;
use crate::render::Render;
use std::io;

/// Writes `error` into `writer` in its type's default envelope.
///
/// Fails only when a details field's own `Serialize` implementation fails,
/// or when the writer does.
pub fn to_writer<W: io::Write, E: ApiError + ?Sized>(
    writer: W,
    error: &E,
) -> Result<(), serde_json::Error> {
    Render::new(error).to_writer(writer)
}

/// `error` in its type's default envelope, as bytes.
pub fn to_vec<E: ApiError + ?Sized>(error: &E) -> Result<Vec<u8>, serde_json::Error> {
    Render::new(error).to_vec()
}

/// `error` in its type's default envelope, as a string.
pub fn to_string<E: ApiError + ?Sized>(error: &E) -> Result<String, serde_json::Error> {
    Render::new(error).to_string()
}
