//! The OpenAI style, as LLM gateways speak it: the format [`OpenAi`], with
//! the `type` it writes ([`OpenAi::error_type`], [`OpenAi::descriptor_type`]).

pub use crate::built_in::OpenAi;

use super::{Context, Format, Standard};
use crate::error::ApiError;
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

impl OpenAi {
    /// The `type` an error has in the OpenAI style.
    pub fn error_type<E: ApiError + ?Sized>(error: &E) -> &'static str {
        Self::descriptor_type(error.descriptor())
    }

    /// The `type` of a variant in the OpenAI style: see [`OpenAi`].
    pub fn descriptor_type(descriptor: &crate::Descriptor) -> &'static str {
        if let Some(kind) = descriptor.kind().or(descriptor.category()) {
            return kind;
        }
        match descriptor.status().as_u16() {
            401 => "authentication_error",
            403 => "permission_error",
            404 => "not_found_error",
            409 => "conflict_error",
            413 => "request_too_large",
            429 => "rate_limit_error",
            500..=599 => "api_error",
            _ => "invalid_request_error",
        }
    }
}

/// The `type` an error has in the OpenAI style.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::format::OpenAi::error_type`"
)]
pub fn error_type<E: ApiError + ?Sized>(error: &E) -> &'static str {
    OpenAi::error_type(error)
}

/// The `type` of a variant in the OpenAI style.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::format::OpenAi::descriptor_type`"
)]
pub fn descriptor_type(descriptor: &crate::Descriptor) -> &'static str {
    OpenAi::descriptor_type(descriptor)
}

impl Format for OpenAi {
    fn localizes<E: ApiError + ?Sized>(&self, _: &E) -> bool {
        true
    }

    fn __write<E, W>(
        &self,
        error: &E,
        context: &Context<'_>,
        writer: &mut W,
    ) -> Option<Result<(), serde_json::Error>>
    where
        E: ApiError + ?Sized,
        W: std::io::Write,
    {
        let translation = crate::locale::translation(error, context);
        let write = |writer: &mut W| -> Result<(), serde_json::Error> {
            let io = |r: std::io::Result<()>| r.map_err(serde_json::Error::io);
            io(writer.write_all(br#"{"error":{"message":"#))?;
            super::write_message(error, translation, writer)?;
            io(writer.write_all(br#","type":"#))?;
            super::write_str(writer, OpenAi::error_type(error))?;
            // A status is three digits.
            let status = error.status().as_u16();
            io(writer.write_all(&[
                b',',
                b'"',
                b'c',
                b'o',
                b'd',
                b'e',
                b'"',
                b':',
                b'0' + (status / 100) as u8,
                b'0' + (status / 10 % 10) as u8,
                b'0' + (status % 10) as u8,
            ]))?;
            if error.has_details() {
                io(writer.write_all(br#","details":"#))?;
                super::write_part(error, super::JsonPart::Details, writer)?;
            }
            io(writer.write_all(b"}}"))
        };
        Some(write(writer))
    }

    fn media_type(&self) -> &'static str {
        Standard::MEDIA_TYPE
    }

    fn serialize<E, S>(
        &self,
        error: &E,
        context: &Context<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error>
    where
        E: ApiError + ?Sized,
        S: Serializer,
    {
        let mut outer = serializer.serialize_struct("Body", 1)?;
        outer.serialize_field("error", &Body(error, context))?;
        outer.end()
    }
}

struct Body<'a, 'c, E: ?Sized>(&'a E, &'c Context<'c>);

impl<E: ApiError + ?Sized> Serialize for Body<'_, '_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error = self.0;
        let details = error.has_details();
        let mut body = serializer.serialize_struct("Error", 3 + usize::from(details))?;
        body.serialize_field("message", &crate::locale::PublicText::new(error, self.1))?;
        body.serialize_field("type", OpenAi::error_type(error))?;
        body.serialize_field("code", &error.status().as_u16())?;
        if details {
            body.serialize_field("details", &error.details())?;
        }
        body.end()
    }
}
