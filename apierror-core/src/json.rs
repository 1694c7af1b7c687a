//! The standard JSON envelope: `{"error":{"code","message","details"}}`.
//!
//! Rendering streams through serde into the caller's writer: nothing is built
//! in between, and a static message is copied straight from the binary.

use crate::error::ApiError;
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;
use std::io;

/// The media type of the standard envelope.
pub const MEDIA_TYPE: &str = "application/json";

/// An error in the standard envelope, ready to be serialized:
/// `{"error":{"code":"…","message":"…","details":{…}}}`.
///
/// `details` is present when the variant declares detail fields (or
/// `#[api_error(empty_details)]`).
pub struct Envelope<'a, E: ?Sized> {
    error: &'a E,
    details: bool,
}

impl<'a, E: ApiError + ?Sized> Envelope<'a, E> {
    /// Wraps an error for serialization.
    pub fn new(error: &'a E) -> Self {
        Envelope {
            error,
            details: true,
        }
    }

    /// The same envelope without its `details`, e.g. as a fallback when a
    /// details field fails to serialize.
    pub fn without_details(mut self) -> Self {
        self.details = false;
        self
    }
}

impl<E: ApiError + ?Sized> Serialize for Envelope<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut envelope = serializer.serialize_struct("Envelope", 1)?;
        envelope.serialize_field("error", &Body(self))?;
        envelope.end()
    }
}

struct Body<'e, 'a, E: ?Sized>(&'e Envelope<'a, E>);

impl<E: ApiError + ?Sized> Serialize for Body<'_, '_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error = self.0.error;
        let details = self.0.details && error.descriptor().has_details();
        let mut body = serializer.serialize_struct("Error", 2 + usize::from(details))?;
        body.serialize_field("code", error.code())?;
        body.serialize_field("message", &error.message())?;
        if details {
            body.serialize_field("details", &error.details())?;
        }
        body.end()
    }
}

/// Writes the standard envelope of `error` into `writer`.
///
/// Fails only when a details field's own `Serialize` implementation fails,
/// or when the writer does.
pub fn to_writer<W: io::Write, E: ApiError + ?Sized>(
    writer: W,
    error: &E,
) -> Result<(), serde_json::Error> {
    Envelope::new(error).serialize(&mut serde_json::Serializer::new(writer))
}

/// The standard envelope of `error` as bytes.
pub fn to_vec<E: ApiError + ?Sized>(error: &E) -> Result<Vec<u8>, serde_json::Error> {
    let mut out = Vec::with_capacity(128);
    to_writer(&mut out, error)?;
    Ok(out)
}

/// The standard envelope of `error` as a string.
pub fn to_string<E: ApiError + ?Sized>(error: &E) -> Result<String, serde_json::Error> {
    let bytes = to_vec(error)?;
    // serde_json only ever writes UTF-8.
    String::from_utf8(bytes).map_err(<serde_json::Error as serde::ser::Error>::custom)
}
