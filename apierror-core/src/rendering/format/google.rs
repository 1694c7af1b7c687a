//! Google AIP-193 errors: the format [`Google`], with the table of its
//! `status` names ([`Google::RPC_CODES`], [`Google::rpc_code_of`]).

pub use crate::built_in::Google;

use super::text::Text;
use super::{Context, Format, Standard};
use crate::catalog::Descriptor;
use crate::error::ApiError;
use crate::fields::FieldVisitor;
use serde::ser::{SerializeMap, SerializeSeq, SerializeStruct, Serializer};
use serde::Serialize;

// `Descriptor::rpc_code` names a variant's code as AIP-193 does: it lives
// here, with the table it reads (`Google::rpc_code_of`), and the
// descriptor knows nothing of the format.
impl Descriptor {
    /// The canonical gRPC code's name (`google.rpc.Code`): the variant's
    /// `#[api_error(grpc = "ALREADY_EXISTS")]`, else the HTTP status's, as
    /// [`Google::rpc_code_of`] maps it. AIP-193's `status` and gRPC statuses
    /// use it.
    pub fn rpc_code(&self) -> &'static str {
        match self.6.grpc {
            Some(code) => code,
            None => Google::rpc_code_of(self.status().as_u16()),
        }
    }
}

impl Google {
    /// The names of the `google.rpc.Code`s an error can have (all but `OK`),
    /// in the order of their numbers: what `#[api_error(grpc = "...")]` takes.
    pub const RPC_CODES: &'static [&'static str] = crate::facts::GRPC_CODES;

    /// The `google.rpc.Code` name for an HTTP status, following the mapping in
    /// `google/rpc/code.proto`: 400 `INVALID_ARGUMENT`, 401 `UNAUTHENTICATED`,
    /// 403 `PERMISSION_DENIED`, 404 `NOT_FOUND`, 409 `ABORTED`, 429
    /// `RESOURCE_EXHAUSTED`, 499 `CANCELLED`, 500 `INTERNAL`, 501
    /// `UNIMPLEMENTED`, 503 `UNAVAILABLE`, 504 `DEADLINE_EXCEEDED`; other 4xx
    /// `FAILED_PRECONDITION`, other 5xx `UNKNOWN`.
    pub fn rpc_code_of(status: u16) -> &'static str {
        match status {
            400 => "INVALID_ARGUMENT",
            401 => "UNAUTHENTICATED",
            403 => "PERMISSION_DENIED",
            404 => "NOT_FOUND",
            409 => "ABORTED",
            429 => "RESOURCE_EXHAUSTED",
            499 => "CANCELLED",
            500 => "INTERNAL",
            501 => "UNIMPLEMENTED",
            503 => "UNAVAILABLE",
            504 => "DEADLINE_EXCEEDED",
            402 | 405..=408 | 410..=428 | 430..=498 => "FAILED_PRECONDITION",
            _ => "UNKNOWN",
        }
    }
}

#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::format::Google::RPC_CODES`"
)]
pub const RPC_CODES: &[&str] = Google::RPC_CODES;

/// The `google.rpc.Code` name for an HTTP status.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::format::Google::rpc_code_of`"
)]
pub fn rpc_code(status: u16) -> &'static str {
    Google::rpc_code_of(status)
}

impl Format for Google {
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
        // A translation adds a `LocalizedMessage`: serde writes that body.
        if crate::locale::translation(error, context).is_some() {
            return None;
        }
        Some(self.write(error, writer))
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
        // A translation is a `LocalizedMessage`; `message` stays the
        // developer-facing one.
        let localized = match error.descriptor().language_for(context) {
            Some((language, Some(template))) => Some((language, template)),
            _ => None,
        };
        let mut outer = serializer.serialize_struct("Body", 1)?;
        outer.serialize_field("error", &Status(error, self.domain, localized))?;
        outer.end()
    }
}

struct Status<'a, E: ?Sized>(&'a E, &'static str, Option<(&'static str, &'static str)>);

impl<E: ApiError + ?Sized> Serialize for Status<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error = self.0;
        let status = error.status().as_u16();
        let mut body = serializer.serialize_struct("Status", 4)?;
        body.serialize_field("code", &status)?;
        body.serialize_field("message", &error.message())?;
        body.serialize_field("status", error.descriptor().rpc_code())?;
        body.serialize_field("details", &Details(self))?;
        body.end()
    }
}

struct Details<'s, 'a, E: ?Sized>(&'s Status<'a, E>);

impl<E: ApiError + ?Sized> Serialize for Details<'_, '_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let help = self.0 .0.doc_url();
        let bad_request = crate::fields::has_list(self.0 .0);
        let localized = self.0 .2;
        let len = 1
            + usize::from(bad_request)
            + usize::from(localized.is_some())
            + usize::from(help.is_some());
        let mut list = serializer.serialize_seq(Some(len))?;
        list.serialize_element(&ErrorInfo(self.0))?;
        if bad_request {
            crate::fields::with_list(self.0 .0, |violations| {
                list.serialize_element(&BadRequest(violations))
            })?;
        }
        if let Some((locale, template)) = localized {
            list.serialize_element(&LocalizedMessage(
                locale,
                crate::locale::Translated::new(self.0 .0, template),
            ))?;
        }
        if let Some(url) = help {
            list.serialize_element(&Help(self.0 .0.code(), url))?;
        }
        list.end()
    }
}

struct ErrorInfo<'s, 'a, E: ?Sized>(&'s Status<'a, E>);

impl<E: ApiError + ?Sized> Serialize for ErrorInfo<'_, '_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Status(error, domain, _) = *self.0;
        let metadata = error.has_details();
        let mut info = serializer.serialize_struct("ErrorInfo", 3 + usize::from(metadata))?;
        info.serialize_field("@type", "type.googleapis.com/google.rpc.ErrorInfo")?;
        info.serialize_field("reason", error.code())?;
        info.serialize_field("domain", domain)?;
        if metadata {
            info.serialize_field("metadata", &Metadata(error))?;
        }
        info.end()
    }
}

/// `google.rpc.BadRequest`: the validation list as field violations.
struct BadRequest<'a>(&'a crate::Violations);

impl Serialize for BadRequest<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use crate::violations::{Style, Styled};
        let mut bad = serializer.serialize_struct("BadRequest", 2)?;
        bad.serialize_field("@type", "type.googleapis.com/google.rpc.BadRequest")?;
        bad.serialize_field("fieldViolations", &Styled(self.0, Style::Google))?;
        bad.end()
    }
}

/// `google.rpc.LocalizedMessage`: the message in the request's language.
struct LocalizedMessage<'a, E: ?Sized>(&'static str, crate::locale::Translated<'a, E>);

impl<E: ApiError + ?Sized> Serialize for LocalizedMessage<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut message = serializer.serialize_struct("LocalizedMessage", 3)?;
        message.serialize_field("@type", "type.googleapis.com/google.rpc.LocalizedMessage")?;
        message.serialize_field("locale", self.0)?;
        message.serialize_field("message", &self.1)?;
        message.end()
    }
}

/// `google.rpc.Help` with one link, the error's documentation.
struct Help(&'static str, crate::doc::DocUrl);

impl Serialize for Help {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut help = serializer.serialize_struct("Help", 2)?;
        help.serialize_field("@type", "type.googleapis.com/google.rpc.Help")?;
        help.serialize_field("links", &[Link(self.0, self.1)])?;
        help.end()
    }
}

struct Link(&'static str, crate::doc::DocUrl);

impl Serialize for Link {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut link = serializer.serialize_struct("Link", 2)?;
        link.serialize_field("description", &format_args!("Documentation of {}", self.0))?;
        link.serialize_field("url", &format_args!("{}", self.1))?;
        link.end()
    }
}

struct Metadata<'a, E: ?Sized>(&'a E);

impl<E: ApiError + ?Sized> Serialize for Metadata<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        crate::error::visit_fields(self.0, &mut TextEntries(&mut map))?;
        map.end()
    }
}

/// Writes each field as a string entry: AIP-193 metadata values are strings.
struct TextEntries<'m, M>(&'m mut M);

impl<M: SerializeMap> FieldVisitor for TextEntries<'_, M> {
    type Error = M::Error;

    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &str,
        _: &str,
        value: &T,
    ) -> Result<(), M::Error> {
        self.0.serialize_entry(key, &Text(value))
    }

    /// Metadata values are strings: the list is a `BadRequest` instead.
    fn violations_field(
        &mut self,
        _: &str,
        _: &str,
        _: &crate::Violations,
    ) -> Result<(), M::Error> {
        Ok(())
    }
}

impl Google {
    fn write<E, W>(&self, error: &E, writer: &mut W) -> Result<(), serde_json::Error>
    where
        E: ApiError + ?Sized,
        W: std::io::Write,
    {
        let io = |r: std::io::Result<()>| r.map_err(serde_json::Error::io);
        let status = error.status().as_u16();
        io(writer.write_all(br#"{"error":{"code":"#))?;
        Serialize::serialize(&status, &mut serde_json::Serializer::new(&mut *writer))?;
        io(writer.write_all(br#","message":"#))?;
        super::write_part(error, super::JsonPart::Message, writer)?;
        io(writer.write_all(br#","status":""#))?;
        io(writer.write_all(error.descriptor().rpc_code().as_bytes()))?;
        io(writer.write_all(
            br#"","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"#,
        ))?;
        super::write_str(writer, error.code())?;
        io(writer.write_all(br#","domain":"#))?;
        super::write_str(writer, self.domain)?;
        if error.has_details() {
            io(writer.write_all(br#","metadata":"#))?;
            super::write_fields(error, writer, super::FieldStyle::Text)?;
        }
        io(writer.write_all(b"}"))?;
        crate::fields::with_list(error, |violations| {
            io(writer.write_all(
                br#",{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":"#,
            ))?;
            let styled = crate::violations::Styled(violations, crate::violations::Style::Google);
            Serialize::serialize(&styled, &mut serde_json::Serializer::new(&mut *writer))?;
            io(writer.write_all(b"}"))
        })?;
        if let Some(url) = error.doc_url() {
            // Codes and `doc_url`s hold nothing JSON escapes (the derive checks).
            io(write!(
                writer,
                r#",{{"@type":"type.googleapis.com/google.rpc.Help","links":[{{"description":"Documentation of {code}","url":"{url}"}}]}}"#,
                code = error.code()
            ))?;
        }
        io(writer.write_all(b"]}}"))
    }
}
