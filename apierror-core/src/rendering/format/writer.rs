//! The byte writer of the built-in formats' fast path: constant parts and
//! details fields written straight into the output, valid JSON by
//! construction.

#[allow(unused_imports)]
use super::*;
use crate::json_check::{Lazy, Slot};
use crate::json_text::plain_json;

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
    match part {
        JsonPart::Object => write_object(error, None, writer),
        JsonPart::Message => write_message(error, None, writer),
        JsonPart::Details => write_fields(error, writer, FieldStyle::Details),
        JsonPart::Members => write_fields(error, writer, FieldStyle::Members),
    }
}

/// Writes the public message as a JSON string: `translation` (one of the
/// descriptor's, see [`locale`](crate::locale)) filled in, else the static
/// message as it is when it needs no escaping, else serde's escaping.
pub(crate) fn write_message<E, W>(
    error: &E,
    translation: Option<&'static str>,
    writer: &mut W,
) -> Result<(), serde_json::Error>
where
    E: ApiError + ?Sized,
    W: std::io::Write,
{
    let io = |r: std::io::Result<()>| r.map_err(serde_json::Error::io);
    if let Some(template) = translation {
        let text = crate::locale::Translated::new(error, template);
        return Serialize::serialize(&text, &mut serde_json::Serializer::new(writer));
    }
    let descriptor = error.descriptor();
    match descriptor.__static_message() {
        Some(message) if descriptor.plain_message() => {
            io(writer.write_all(b"\""))?;
            io(writer.write_all(message.as_bytes()))?;
            io(writer.write_all(b"\""))
        }
        Some(_) => Serialize::serialize(&error.message(), &mut serde_json::Serializer::new(writer)),
        None => write_formatted(&error.message(), writer),
    }
}

/// Writes an interpolated message as a JSON string as it is formatted:
/// each piece copied when nothing in it needs escaping, else escaped by
/// serde, with no buffer and no second pass. A `Display` that fails on its
/// own is an error, as with serde's `collect_str`.
fn write_formatted<W: std::io::Write>(
    message: &crate::message::Message<'_>,
    writer: &mut W,
) -> Result<(), serde_json::Error> {
    use core::fmt::Write as _;
    writer.write_all(b"\"").map_err(serde_json::Error::io)?;
    let mut out = Escaping {
        writer: &mut *writer,
        failed: None,
    };
    if write!(out, "{message}").is_err() {
        return Err(out.failed.unwrap_or_else(|| {
            serde::ser::Error::custom("a Display implementation failed while writing the text")
        }));
    }
    writer.write_all(b"\"").map_err(serde_json::Error::io)
}

/// The inside of a JSON string, written piece by piece.
struct Escaping<'w, W> {
    writer: &'w mut W,
    /// The writer's own failure, told apart from a `Display`'s.
    failed: Option<serde_json::Error>,
}

impl<W: std::io::Write> core::fmt::Write for Escaping<'_, W> {
    fn write_str(&mut self, text: &str) -> core::fmt::Result {
        let written = if plain_json(text.as_bytes()) {
            self.writer
                .write_all(text.as_bytes())
                .map_err(serde_json::Error::io)
        } else {
            let mut inside = serde_json::Serializer::with_formatter(&mut *self.writer, Inside);
            Serialize::serialize(text, &mut inside)
        };
        written.map_err(|error| {
            self.failed = Some(error);
            core::fmt::Error
        })
    }
}

/// serde_json's compact output, strings without their quotes: serde's own
/// escaping of a piece of a longer string.
struct Inside;

impl serde_json::ser::Formatter for Inside {
    fn begin_string<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        Ok(())
    }

    fn end_string<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        Ok(())
    }
}

/// `{"code":"…","message":"…","details":{…},"request_id":"…"}`: the error
/// object, with the request id when there is one. The code is written as it
/// is (the derive checks its characters, const eval that it needs no
/// escaping), the request id escaped when it needs to be.
pub(crate) fn write_object<E, W>(
    error: &E,
    request_id: Option<&str>,
    writer: &mut W,
) -> Result<(), serde_json::Error>
where
    E: ApiError + ?Sized,
    W: std::io::Write,
{
    let request_id = request_id.map(|id| (id, plain_json(id.as_bytes())));
    write_object_after::<E, W, false>(error, request_id, None, writer, br#"{"code":""#, b"}")
}

/// [`write_object`] after `open`: the bytes before the object and the
/// object's own `{"code":"`, one constant (`{"error":{"code":"`), so that a
/// body is a few copies; the message in `translation` when `TRANSLATED`
/// (a constant, so that the untranslated writer checks nothing).
#[inline(always)]
pub(crate) fn write_object_after<E, W, const TRANSLATED: bool>(
    error: &E,
    request_id: Option<(&str, bool)>,
    translation: Option<&'static str>,
    writer: &mut W,
    open: &[u8],
    close: &[u8],
) -> Result<(), serde_json::Error>
where
    E: ApiError + ?Sized,
    W: std::io::Write,
{
    let translation = if TRANSLATED { translation } else { None };
    let io = |r: std::io::Result<()>| r.map_err(serde_json::Error::io);
    let descriptor = error.descriptor();
    io(writer.write_all(open))?;
    if descriptor.plain_code() {
        io(writer.write_all(descriptor.code().as_bytes()))?;
    } else {
        // `open` ends with the code's opening quote, and what follows
        // starts with its closing one: the code's escaped text between.
        Serialize::serialize(
            descriptor.code(),
            &mut serde_json::Serializer::with_formatter(&mut *writer, Inside),
        )?;
    }
    // Whether the static message's closing quote is still to write: it
    // goes with the constant that follows.
    let quote = match descriptor.__static_message() {
        Some(message) if descriptor.plain_message() && translation.is_none() => {
            io(writer.write_all(br#"","message":""#))?;
            io(writer.write_all(message.as_bytes()))?;
            true
        }
        _ => {
            io(writer.write_all(br#"","message":"#))?;
            write_message(error, translation, writer)?;
            false
        }
    };
    if error.has_details() {
        // The message's closing quote, the key and the object's `{` in one
        // copy; the details' `}` with what follows.
        if quote {
            io(writer.write_all(br#"","details":{"#))?;
        } else {
            io(writer.write_all(br#","details":{"#))?;
        }
        FieldWriter::<W, DETAILS>::run_opened(error, writer)?;
        return match (request_id, close) {
            (None, b"}") => io(writer.write_all(b"}}")),
            (None, b"}}") => io(writer.write_all(b"}}}")),
            (None, _) => {
                io(writer.write_all(b"}"))?;
                io(writer.write_all(close))
            }
            (Some(id), _) => {
                io(writer.write_all(b"}"))?;
                write_request_id(writer, id, false, close)
            }
        };
    }
    match (request_id, quote) {
        (Some(id), _) => write_request_id(writer, id, quote, close),
        (None, true) if close == b"}" => io(writer.write_all(br#""}"#)),
        (None, true) if close == b"}}" => io(writer.write_all(br#""}}"#)),
        (None, true) => {
            io(writer.write_all(b"\""))?;
            io(writer.write_all(close))
        }
        (None, false) => io(writer.write_all(close)),
    }
}

/// `,"request_id":` (after the quote that closes the message when
/// `quote`), the id as a JSON string, then `close`: the id's quotes with the
/// constant runs around it.
fn write_request_id<W: std::io::Write>(
    writer: &mut W,
    (request_id, plain): (&str, bool),
    quote: bool,
    close: &[u8],
) -> Result<(), serde_json::Error> {
    let io = |r: std::io::Result<()>| r.map_err(serde_json::Error::io);
    if !plain {
        let key: &[u8] = if quote {
            br#"","request_id":"#
        } else {
            br#","request_id":"#
        };
        io(writer.write_all(key))?;
        write_checked_str(writer, request_id, false)?;
        return io(writer.write_all(close));
    }
    let key: &[u8] = if quote {
        br#"","request_id":""#
    } else {
        br#","request_id":""#
    };
    io(writer.write_all(key))?;
    io(writer.write_all(request_id.as_bytes()))?;
    if close == b"}" {
        io(writer.write_all(br#""}"#))
    } else {
        io(writer.write_all(b"\""))?;
        io(writer.write_all(close))
    }
}

/// Writes a JSON string: as it is when nothing in it needs escaping.
#[inline]
pub(crate) fn write_str<W: std::io::Write>(
    writer: &mut W,
    text: &str,
) -> Result<(), serde_json::Error> {
    write_checked_str(writer, text, plain_json(text.as_bytes()))
}

/// Writes the concatenation of `parts` as one JSON string, without building
/// it when nothing in it needs escaping.
#[inline]
pub(crate) fn write_str_parts<W: std::io::Write>(
    writer: &mut W,
    parts: &[&str],
) -> Result<(), serde_json::Error> {
    let plain = parts.iter().all(|part| plain_json(part.as_bytes()));
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

/// Writes a JSON string already known to need no escaping (`plain`), or
/// escaped by serde.
#[inline(always)]
pub(crate) fn write_checked_str<W: std::io::Write>(
    writer: &mut W,
    text: &str,
    plain: bool,
) -> Result<(), serde_json::Error> {
    if !plain {
        return Serialize::serialize(text, &mut serde_json::Serializer::new(writer));
    }
    let io = |r: std::io::Result<()>| r.map_err(serde_json::Error::io);
    io(writer.write_all(b"\""))?;
    io(writer.write_all(text.as_bytes()))?;
    io(writer.write_all(b"\""))
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
    /// The caller wrote the object's `{` (with the bytes before it).
    opened: bool,
}

impl<'w, W: std::io::Write, const STYLE: u8> FieldWriter<'w, W, STYLE> {
    fn run<E: ApiError + ?Sized>(error: &E, writer: &'w mut W) -> Result<(), serde_json::Error> {
        let mut fields = FieldWriter::<W, STYLE> {
            writer,
            first: true,
            opened: false,
        };
        crate::error::visit_fields(error, &mut fields)?;
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

    /// The fields of an object whose `{` the caller wrote (with the bytes
    /// before it): the caller writes its `}` too, with what follows.
    fn run_opened<E: ApiError + ?Sized>(
        error: &E,
        writer: &'w mut W,
    ) -> Result<(), serde_json::Error> {
        let mut fields = FieldWriter::<W, STYLE> {
            writer,
            first: true,
            opened: true,
        };
        crate::error::visit_fields(error, &mut fields)
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
        if !self.key(key, json_key)? {
            return Ok(());
        }
        if STYLE == TEXT {
            text::write_text(self.writer, value)
        } else {
            // A value's own `Serialize` may write an object: checked for
            // keys written twice.
            let mut slot = Slot::default();
            let mut checked = Lazy::new(&mut *self.writer, &mut slot);
            value.serialize(&mut serde_json::Serializer::new(&mut checked))?;
            checked.finish().map_err(serde_json::Error::io)
        }
    }

    #[inline]
    fn scalar_field<T: Serialize + ?Sized>(
        &mut self,
        key: &str,
        json_key: &str,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        if !self.key(key, json_key)? {
            return Ok(());
        }
        if STYLE == TEXT {
            text::write_text(self.writer, value)
        } else {
            value.serialize(&mut serde_json::Serializer::new(&mut *self.writer))
        }
    }

    #[inline]
    fn str_field(
        &mut self,
        key: &str,
        json_key: &str,
        value: &str,
    ) -> Result<(), serde_json::Error> {
        if !self.key(key, json_key)? {
            return Ok(());
        }
        // A string is its own text (AIP-193 metadata) and its JSON string.
        write_str(self.writer, value)
    }

    fn violations_field(
        &mut self,
        key: &str,
        json_key: &str,
        value: &crate::Violations,
    ) -> Result<(), serde_json::Error> {
        use crate::violations::{Style, Styled};
        match STYLE {
            // AIP-193 metadata holds strings: the list is a `BadRequest`.
            TEXT => Ok(()),
            // RFC 9457 §3: the `errors` member.
            MEMBERS => {
                self.writer
                    .write_all(br#","errors":"#)
                    .map_err(serde_json::Error::io)?;
                Styled(value, Style::Problem)
                    .serialize(&mut serde_json::Serializer::new(&mut *self.writer))
            }
            _ => self.field(key, json_key, value),
        }
    }
}

impl<W: std::io::Write, const STYLE: u8> FieldWriter<'_, W, STYLE> {
    /// Writes the separator and the key; `false` for a member RFC 9457
    /// reserves, which is left out.
    #[inline]
    fn key(&mut self, key: &str, json_key: &str) -> Result<bool, serde_json::Error> {
        if STYLE == MEMBERS && Problem::RESERVED.contains(&key) {
            return Ok(false);
        }
        let io = |r: std::io::Result<()>| r.map_err(serde_json::Error::io);
        if STYLE == MEMBERS || !self.first {
            io(self.writer.write_all(b","))?;
        } else if !self.opened {
            io(self.writer.write_all(b"{"))?;
        }
        self.first = false;
        if json_key.is_empty() {
            write_str(self.writer, key)?;
            io(self.writer.write_all(b":"))
        } else {
            io(self.writer.write_all(json_key.as_bytes()))
        }?;
        Ok(true)
    }
}

/// Writes `prefix`, the error object, then `suffix`: the formats that only
/// wrap the error object in constant bytes. Inlined with the object's
/// writer into each format's, where `prefix` and `suffix` are constants:
/// the prefix a fixed-size copy, the comparisons of the suffix gone (the
/// standard render 514 -> 430 instructions).
#[inline(always)]
pub(crate) fn wrap_object<E, W, const TRANSLATED: bool>(
    error: &E,
    translation: Option<&'static str>,
    writer: &mut W,
    open: &[u8],
    suffix: &[u8],
) -> Result<(), serde_json::Error>
where
    E: ApiError + ?Sized,
    W: std::io::Write,
{
    // The object's `}` and a one-byte suffix in one copy.
    if suffix == b"}" {
        return write_object_after::<E, W, TRANSLATED>(
            error,
            None,
            translation,
            writer,
            open,
            b"}}",
        );
    }
    write_object_after::<E, W, TRANSLATED>(error, None, translation, writer, open, b"}")?;
    writer.write_all(suffix).map_err(serde_json::Error::io)
}
