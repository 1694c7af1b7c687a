//! Rendering to JSON text, the way of earlier releases: [`Render`] does it now.
#![deprecated(
    since = "0.1.0",
    note = "use `Render::new(&error).to_string()`, `.to_vec()` or `.to_writer(w)`"
)]

use crate::error::ApiError;
use crate::render::Render;
use std::io;

/// `error` in its type's default format, written to `writer`.
#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "use `Render::new(&error).to_writer(writer)`")]
pub fn to_writer<W: io::Write, E: ApiError + ?Sized>(
    writer: W,
    error: &E,
) -> Result<(), serde_json::Error> {
    Render::new(error).to_writer(writer)
}

/// `error` in its type's default format, as bytes.
#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "use `Render::new(&error).to_vec()`")]
pub fn to_vec<E: ApiError + ?Sized>(error: &E) -> Result<Vec<u8>, serde_json::Error> {
    Render::new(error).to_vec()
}

/// `error` in its type's default format, as a string.
#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "use `Render::new(&error).to_string()`")]
pub fn to_string<E: ApiError + ?Sized>(error: &E) -> Result<String, serde_json::Error> {
    Render::new(error).to_string()
}
