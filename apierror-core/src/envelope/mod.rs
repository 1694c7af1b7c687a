//! The JSON shapes an error is rendered in.
//!
//! A [`Format`] streams an error through any serde [`Serializer`]: nothing is
//! built in between. The built-in ones are gathered in [`Envelope`], which a
//! type picks with `#[api_error(envelope = "...")]`; any of them (or your own
//! [`Format`]) can render any error at run time.

pub mod google;
pub mod openai;
pub mod problem;
mod text;

pub use google::Google;
pub use openai::OpenAi;
pub use problem::Problem;

use crate::error::ApiError;
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

/// A JSON shape for errors. Implement it for your own envelope.
///
/// ```
/// use apierror::envelope::{Context, Format};
/// use apierror::ApiError;
/// use serde::ser::{SerializeStruct, Serializer};
///
/// /// `{"ok":false,"reason":"<code>","text":"<message>"}`
/// struct Legacy;
///
/// impl Format for Legacy {
///     fn media_type(&self) -> &'static str {
///         "application/json"
///     }
///
///     fn serialize<E, S>(&self, error: &E, _: &Context<'_>, serializer: S) -> Result<S::Ok, S::Error>
///     where
///         E: ApiError + ?Sized,
///         S: Serializer,
///     {
///         let mut body = serializer.serialize_struct("Legacy", 3)?;
///         body.serialize_field("ok", &false)?;
///         body.serialize_field("reason", error.code())?;
///         body.serialize_field("text", &error.message())?;
///         body.end()
///     }
/// }
///
/// #[derive(Debug, ApiError)]
/// #[api_error(code = "SCREAMING_SNAKE_CASE")]
/// enum E { #[status(404)] #[message("No such thing")] Missing }
///
/// let body = apierror::Render::new(&E::Missing).format(&Legacy).to_vec()?;
/// assert_eq!(body, br#"{"ok":false,"reason":"MISSING","text":"No such thing"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an error format",
    label = "does not implement `apierror::envelope::Format`",
    note = "`#[api_error(envelope = ...)]` takes a built-in format's name (\"problem\") or the path of a value whose type implements `Format`: a unit struct or a const"
)]
pub trait Format {
    /// The `Content-Type` of rendered bodies.
    fn media_type(&self) -> &'static str;

    /// Headers this format adds to the response of `error`, after the ones
    /// every response has (GitHub's `X-RateLimit-*`, say). Values that are no
    /// valid header are for the format to leave out: build them with
    /// [`HeaderValue::from_str`](http::HeaderValue::from_str) and skip an
    /// `Err`. Adds nothing by default.
    fn headers<E>(&self, error: &E, context: &Context<'_>, headers: &mut http::HeaderMap)
    where
        E: ApiError + ?Sized,
    {
        let _ = (error, context, headers);
    }

    /// The `Content-Type` of `error`'s body: [`media_type`](Self::media_type)
    /// but for [`Declared`], whose media type is its error type's.
    #[doc(hidden)]
    fn __media_type_for<E: ApiError + ?Sized>(&self, error: &E) -> &'static str {
        let _ = error;
        self.media_type()
    }

    /// Writes the body of `error` as JSON bytes, when this format has a way
    /// faster than serde's (the built-in formats do, from the bytes the
    /// derive prepares); `None` to go through [`serialize`](Self::serialize).
    #[doc(hidden)]
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
        let _ = (error, context, writer);
        None
    }

    /// Serializes `error` in this format, with the request's `context`.
    fn serialize<E, S>(
        &self,
        error: &E,
        context: &Context<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error>
    where
        E: ApiError + ?Sized,
        S: Serializer;
}

/// Receives the format an error type declares as its default, whatever its
/// type: see [`Declared`]. Generated code hands it the format.
#[doc(hidden)]
pub trait FormatVisitor {
    /// What the visit gives back.
    type Output;

    /// Called with the format.
    fn visit<F: Format + ?Sized>(self, format: &F) -> Self::Output;
}

/// The format an error's type declares as its default: a built-in one
/// (`#[api_error(envelope = "problem")]`), your own
/// (`#[api_error(envelope = my::STRIPE)]`), or the standard envelope.
///
/// [`Render::new`](crate::Render::new) renders in it, and so do
/// [`Render::to_response`](crate::Render::to_response) and the axum and
/// actix-web responses of derived types. Its [`media_type`](Format::media_type)
/// is that of the standard envelope: the real one depends on the error type
/// ([`Render::media_type`](crate::Render::media_type) tells it).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Declared;

impl Format for Declared {
    fn media_type(&self) -> &'static str {
        JSON
    }

    fn __media_type_for<E: ApiError + ?Sized>(&self, error: &E) -> &'static str {
        struct MediaType<'e, E: ?Sized>(&'e E);
        impl<E: ApiError + ?Sized> FormatVisitor for MediaType<'_, E> {
            type Output = &'static str;
            fn visit<F: Format + ?Sized>(self, format: &F) -> &'static str {
                format.__media_type_for(self.0)
            }
        }
        E::__with_format(MediaType(error))
    }

    fn headers<E>(&self, error: &E, context: &Context<'_>, headers: &mut http::HeaderMap)
    where
        E: ApiError + ?Sized,
    {
        struct Headers<'a, 'c, E: ?Sized>(&'a E, &'a Context<'c>, &'a mut http::HeaderMap);
        impl<E: ApiError + ?Sized> FormatVisitor for Headers<'_, '_, E> {
            type Output = ();
            fn visit<F: Format + ?Sized>(self, format: &F) {
                format.headers(self.0, self.1, self.2);
            }
        }
        E::__with_format(Headers(error, context, headers));
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
        struct Write<'a, 'c, E: ?Sized, W>(&'a E, &'a Context<'c>, &'a mut W);
        impl<E: ApiError + ?Sized, W: std::io::Write> FormatVisitor for Write<'_, '_, E, W> {
            type Output = Option<Result<(), serde_json::Error>>;
            fn visit<F: Format + ?Sized>(self, format: &F) -> Self::Output {
                format.__write(self.0, self.1, self.2)
            }
        }
        E::__with_format(Write(error, context, writer))
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
        struct Serialize<'a, 'c, E: ?Sized, S>(&'a E, &'a Context<'c>, S);
        impl<E: ApiError + ?Sized, S: Serializer> FormatVisitor for Serialize<'_, '_, E, S> {
            type Output = Result<S::Ok, S::Error>;
            fn visit<F: Format + ?Sized>(self, format: &F) -> Self::Output {
                format.serialize(self.0, self.1, self.2)
            }
        }
        E::__with_format(Serialize(error, context, serializer))
    }
}

/// Per-request data that formats place where their shape puts it: the
/// request id, a timestamp, the instance URI (RFC 9457).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Context<'a> {
    request_id: Option<&'a str>,
    timestamp: Option<&'a str>,
    instance: Option<&'a str>,
    request_id_header: Option<&'a str>,
}

impl<'a> Context<'a> {
    /// An empty context.
    pub const fn new() -> Self {
        Context {
            request_id: None,
            timestamp: None,
            instance: None,
            request_id_header: None,
        }
    }

    /// The id of the request, e.g. `"req_123456"`, without surrounding
    /// whitespace. An id that is empty, or longer than
    /// [`MAX_REQUEST_ID`](Self::MAX_REQUEST_ID) bytes, is left out: request
    /// ids often come from a client's header, and are echoed in the body and
    /// the `X-Request-Id` header.
    pub const fn with_request_id(mut self, request_id: &'a str) -> Self {
        let id = request_id.trim_ascii();
        self.request_id = if id.is_empty() || id.len() > Self::MAX_REQUEST_ID {
            None
        } else {
            Some(id)
        };
        self
    }

    /// The longest request id a context keeps, in bytes.
    pub const MAX_REQUEST_ID: usize = 256;

    /// When the error happened, already formatted (RFC 3339 is usual).
    pub const fn with_timestamp(mut self, timestamp: &'a str) -> Self {
        self.timestamp = Some(timestamp);
        self
    }

    /// The URI of this occurrence of the problem (RFC 9457 `instance`).
    pub const fn with_instance(mut self, instance: &'a str) -> Self {
        self.instance = Some(instance);
        self
    }

    /// The response header the request id is echoed under: `X-Request-Id`
    /// unless set here (Stripe's `Request-Id`, say); `""` echoes it under
    /// none. A name that is no valid header name sends none.
    pub const fn with_request_id_header(mut self, name: &'a str) -> Self {
        self.request_id_header = Some(name);
        self
    }

    /// The header the request id is echoed under: see
    /// [`with_request_id_header`](Self::with_request_id_header).
    pub const fn request_id_header(&self) -> &'a str {
        match self.request_id_header {
            Some(name) => name,
            None => "x-request-id",
        }
    }

    /// The request id, if set.
    pub const fn request_id(&self) -> Option<&'a str> {
        self.request_id
    }

    /// The timestamp, if set.
    pub const fn timestamp(&self) -> Option<&'a str> {
        self.timestamp
    }

    /// The instance URI, if set.
    pub const fn instance(&self) -> Option<&'a str> {
        self.instance
    }
}

/// The built-in formats, as a type chooses its default with
/// `#[api_error(envelope = "...")]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Envelope {
    /// `{"error":{"code","message","details"}}`, see [`Standard`].
    Standard(Standard),
    /// `{"success":false,"error":{...},"requestId"}`, see [`Tagged`].
    Tagged(Tagged),
    /// `{"error":{"message","type","code":<status>,"details"}}`, see [`OpenAi`].
    OpenAi(OpenAi),
    /// RFC 9457 `application/problem+json`, see [`Problem`].
    Problem(Problem),
    /// Google AIP-193, see [`Google`].
    Google(Google),
    /// `{"type":"error","error":{...}}`, see [`WebSocket`].
    WebSocket(WebSocket),
}

impl Default for Envelope {
    fn default() -> Self {
        Envelope::Standard(Standard)
    }
}

impl Format for Envelope {
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
        match self {
            Envelope::Standard(f) => f.__write(error, context, writer),
            Envelope::Tagged(f) => f.__write(error, context, writer),
            Envelope::WebSocket(f) => f.__write(error, context, writer),
            Envelope::Problem(f) => f.__write(error, context, writer),
            Envelope::OpenAi(f) => f.__write(error, context, writer),
            Envelope::Google(f) => f.__write(error, context, writer),
        }
    }

    fn media_type(&self) -> &'static str {
        match self {
            Envelope::Standard(f) => f.media_type(),
            Envelope::Tagged(f) => f.media_type(),
            Envelope::OpenAi(f) => f.media_type(),
            Envelope::Problem(f) => f.media_type(),
            Envelope::Google(f) => f.media_type(),
            Envelope::WebSocket(f) => f.media_type(),
        }
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
        match self {
            Envelope::Standard(f) => f.serialize(error, context, serializer),
            Envelope::Tagged(f) => f.serialize(error, context, serializer),
            Envelope::OpenAi(f) => f.serialize(error, context, serializer),
            Envelope::Problem(f) => f.serialize(error, context, serializer),
            Envelope::Google(f) => f.serialize(error, context, serializer),
            Envelope::WebSocket(f) => f.serialize(error, context, serializer),
        }
    }
}

/// The media type of JSON bodies.
pub const JSON: &str = "application/json";

/// The parts of a body that generated code writes directly.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonPart {
    /// `{"code":"…","message":"…","details":{…}}`
    Object,
    /// `{…}`, the details object.
    Details,
    /// `,"key":value` for each details field, leaving out the names RFC 9457
    /// reserves: the extension members of a problem document.
    Members,
    /// The public message as a JSON string.
    Message,
}

/// Writes one part of an error's JSON body: constant bytes, the static
/// message as it is when it needs no escaping, serde for the fields.
pub(crate) fn write_part<E, W>(
    error: &E,
    part: JsonPart,
    writer: &mut W,
) -> Result<(), serde_json::Error>
where
    E: ApiError + ?Sized,
    W: std::io::Write,
{
    let io = |r: std::io::Result<()>| r.map_err(serde_json::Error::io);
    match part {
        JsonPart::Object => {
            io(writer.write_all(br#"{"code":"#))?;
            write_str(writer, error.code())?;
            io(writer.write_all(br#","message":"#))?;
            write_part(error, JsonPart::Message, writer)?;
            if error.has_details() {
                io(writer.write_all(br#","details":"#))?;
                write_part(error, JsonPart::Details, writer)?;
            }
            io(writer.write_all(b"}"))
        }
        JsonPart::Message => {
            let descriptor = error.descriptor();
            match descriptor.static_message {
                Some(message) if descriptor.plain_message => {
                    io(writer.write_all(b"\""))?;
                    io(writer.write_all(message.as_bytes()))?;
                    io(writer.write_all(b"\""))
                }
                _ => {
                    Serialize::serialize(&error.message(), &mut serde_json::Serializer::new(writer))
                }
            }
        }
        JsonPart::Details => write_fields(error, writer, FieldStyle::Details),
        JsonPart::Members => write_fields(error, writer, FieldStyle::Members),
    }
}

/// Writes a JSON string: as it is when nothing in it needs escaping.
#[inline]
pub(crate) fn write_str<W: std::io::Write>(
    writer: &mut W,
    text: &str,
) -> Result<(), serde_json::Error> {
    write_str_parts(writer, &[text])
}

/// Writes the concatenation of `parts` as one JSON string, without building
/// it when nothing in it needs escaping.
#[inline]
pub(crate) fn write_str_parts<W: std::io::Write>(
    writer: &mut W,
    parts: &[&str],
) -> Result<(), serde_json::Error> {
    let plain = parts
        .iter()
        .all(|part| part.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\'));
    if plain {
        let io = |r: std::io::Result<()>| r.map_err(serde_json::Error::io);
        io(writer.write_all(b"\""))?;
        for part in parts {
            io(writer.write_all(part.as_bytes()))?;
        }
        io(writer.write_all(b"\""))
    } else {
        Serialize::serialize(
            parts.concat().as_str(),
            &mut serde_json::Serializer::new(writer),
        )
    }
}

/// How [`write_fields`] writes the details fields.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldStyle {
    /// `{"key":value,...}`
    Details,
    /// `,"key":value` each, RFC 9457's own members left out.
    Members,
    /// `{"key":"text",...}`: values as strings (AIP-193 metadata).
    Text,
}

const DETAILS: u8 = 0;
const MEMBERS: u8 = 1;
const TEXT: u8 = 2;

/// Writes an error's details fields straight into `writer` as JSON.
pub(crate) fn write_fields<E, W>(
    error: &E,
    writer: &mut W,
    style: FieldStyle,
) -> Result<(), serde_json::Error>
where
    E: ApiError + ?Sized,
    W: std::io::Write,
{
    // One writer per style, so that no field pays for the others' branches.
    match style {
        FieldStyle::Details => FieldWriter::<W, DETAILS>::run(error, writer),
        FieldStyle::Members => FieldWriter::<W, MEMBERS>::run(error, writer),
        FieldStyle::Text => FieldWriter::<W, TEXT>::run(error, writer),
    }
}

struct FieldWriter<'w, W, const STYLE: u8> {
    writer: &'w mut W,
    first: bool,
}

impl<'w, W: std::io::Write, const STYLE: u8> FieldWriter<'w, W, STYLE> {
    fn run<E: ApiError + ?Sized>(error: &E, writer: &'w mut W) -> Result<(), serde_json::Error> {
        let mut fields = FieldWriter::<W, STYLE> {
            writer,
            first: true,
        };
        error.__visit_fields(&mut fields)?;
        let close: &[u8] = match (STYLE, fields.first) {
            (MEMBERS, _) => b"",
            (_, true) => b"{}",
            (_, false) => b"}",
        };
        fields
            .writer
            .write_all(close)
            .map_err(serde_json::Error::io)
    }
}

impl<W: std::io::Write, const STYLE: u8> crate::fields::FieldVisitor for FieldWriter<'_, W, STYLE> {
    type Error = serde_json::Error;

    #[inline]
    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &str,
        json_key: &str,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        if STYLE == MEMBERS && problem::RESERVED.contains(&key) {
            return Ok(());
        }
        let separator: &[u8] = if STYLE == MEMBERS || !self.first {
            b","
        } else {
            b"{"
        };
        self.first = false;
        self.writer
            .write_all(separator)
            .map_err(serde_json::Error::io)?;
        if json_key.is_empty() {
            write_str(self.writer, key)?;
            self.writer.write_all(b":").map_err(serde_json::Error::io)?;
        } else {
            self.writer
                .write_all(json_key.as_bytes())
                .map_err(serde_json::Error::io)?;
        }
        if STYLE == TEXT {
            text::write_text(self.writer, value)
        } else {
            value.serialize(&mut serde_json::Serializer::new(&mut *self.writer))
        }
    }
}

/// Writes `prefix`, the error object, then `suffix`: the envelopes that only
/// wrap the error object in constant bytes.
fn wrap_object<E, W>(
    error: &E,
    writer: &mut W,
    prefix: &[u8],
    suffix: &[u8],
) -> Result<(), serde_json::Error>
where
    E: ApiError + ?Sized,
    W: std::io::Write,
{
    writer.write_all(prefix).map_err(serde_json::Error::io)?;
    write_part(error, JsonPart::Object, writer)?;
    writer.write_all(suffix).map_err(serde_json::Error::io)
}

/// `{"code","message","details"}`: the error object shared by the standard,
/// tagged and WebSocket envelopes and by bulk results.
pub(crate) struct ErrorObject<'a, E: ?Sized> {
    pub error: &'a E,
    pub request_id: Option<&'a str>,
}

impl<'a, E: ApiError + ?Sized> ErrorObject<'a, E> {
    pub(crate) fn new(error: &'a E) -> Self {
        ErrorObject {
            error,
            request_id: None,
        }
    }
}

impl<E: ApiError + ?Sized> Serialize for ErrorObject<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error = self.error;
        let details = error.has_details();
        let len = 2 + usize::from(details) + usize::from(self.request_id.is_some());
        let mut body = serializer.serialize_struct("Error", len)?;
        body.serialize_field("code", error.code())?;
        body.serialize_field("message", &error.message())?;
        if details {
            body.serialize_field("details", &error.details())?;
        }
        if let Some(request_id) = self.request_id {
            body.serialize_field("request_id", request_id)?;
        }
        body.end()
    }
}

/// The standard envelope, as the Hexabase and k0rdent APIs speak it:
///
/// ```json
/// {"error":{"code":"RESOURCE_NOT_FOUND","message":"Resource not found","details":{...}}}
/// ```
///
/// `details` is present when the variant declares detail fields (or
/// `empty_details`). With a request id or timestamp in the [`Context`], the
/// request id is added to the error object and both go into `"meta"`:
/// `"meta":{"request_id":"req_123456","timestamp":"2024-01-20T10:00:00Z"}`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Standard;

impl Format for Standard {
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
        let plain = context.request_id.is_none() && context.timestamp.is_none();
        plain.then(|| wrap_object(error, writer, br#"{"error":"#, b"}"))
    }

    fn media_type(&self) -> &'static str {
        JSON
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
        let meta = context.request_id.is_some() || context.timestamp.is_some();
        let mut envelope = serializer.serialize_struct("Envelope", 1 + usize::from(meta))?;
        let mut object = ErrorObject::new(error);
        object.request_id = context.request_id;
        envelope.serialize_field("error", &object)?;
        if meta {
            envelope.serialize_field("meta", &Meta(context))?;
        }
        envelope.end()
    }
}

struct Meta<'c, 'a>(&'c Context<'a>);

impl Serialize for Meta<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Context {
            request_id,
            timestamp,
            ..
        } = *self.0;
        let len = usize::from(request_id.is_some()) + usize::from(timestamp.is_some());
        let mut meta = serializer.serialize_struct("Meta", len)?;
        if let Some(request_id) = request_id {
            meta.serialize_field("request_id", request_id)?;
        }
        if let Some(timestamp) = timestamp {
            meta.serialize_field("timestamp", timestamp)?;
        }
        meta.end()
    }
}

/// The discriminated union of the k0rdent API, for clients that switch on `success`:
///
/// ```json
/// {"success":false,"error":{"code":"NOT_FOUND","message":"Resource not found"},"requestId":"req_1"}
/// ```
///
/// `requestId` is present when the [`Context`] has one.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tagged;

impl Format for Tagged {
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
        context
            .request_id
            .is_none()
            .then(|| wrap_object(error, writer, br#"{"success":false,"error":"#, b"}"))
    }

    fn media_type(&self) -> &'static str {
        JSON
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
        let len = 2 + usize::from(context.request_id.is_some());
        let mut envelope = serializer.serialize_struct("Envelope", len)?;
        envelope.serialize_field("success", &false)?;
        envelope.serialize_field("error", &ErrorObject::new(error))?;
        if let Some(request_id) = context.request_id {
            envelope.serialize_field("requestId", request_id)?;
        }
        envelope.end()
    }
}

/// The WebSocket error frame of the Hexabase API:
///
/// ```json
/// {"type":"error","error":{"code":"WS_AUTH_REQUIRED","message":"Authentication required before subscribing"}}
/// ```
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WebSocket;

impl Format for WebSocket {
    fn __write<E, W>(
        &self,
        error: &E,
        _: &Context<'_>,
        writer: &mut W,
    ) -> Option<Result<(), serde_json::Error>>
    where
        E: ApiError + ?Sized,
        W: std::io::Write,
    {
        Some(wrap_object(
            error,
            writer,
            br#"{"type":"error","error":"#,
            b"}",
        ))
    }

    fn media_type(&self) -> &'static str {
        JSON
    }

    fn serialize<E, S>(&self, error: &E, _: &Context<'_>, serializer: S) -> Result<S::Ok, S::Error>
    where
        E: ApiError + ?Sized,
        S: Serializer,
    {
        let mut frame = serializer.serialize_struct("Frame", 2)?;
        frame.serialize_field("type", "error")?;
        frame.serialize_field("error", &ErrorObject::new(error))?;
        frame.end()
    }
}
