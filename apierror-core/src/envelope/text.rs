//! Values as text, for AIP-193 metadata: a string as itself, anything else
//! as its compact JSON.

use serde::ser::{self, Impossible, Serialize, Serializer};
use std::fmt;

/// A value as text: a string as itself, anything else as compact JSON.
pub(crate) struct Text<'a, T: ?Sized>(pub &'a T);

impl<T: Serialize + ?Sized> Serialize for Text<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if kind(self.0) == Kind::String {
            // A string (or char, or unit variant) is already its own text.
            self.0.serialize(serializer)
        } else {
            serializer.collect_str(&JsonText(self.0))
        }
    }
}

/// What a value serializes as, for writing it as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A JSON string: its text is itself.
    String,
    /// A number, bool or null: its JSON text needs no escaping.
    Scalar,
    /// An array or object.
    Compound,
}

/// Finds out, without allocating, what `value` serializes as.
pub(crate) fn kind<T: Serialize + ?Sized>(value: &T) -> Kind {
    value.serialize(IsString).unwrap_or(Kind::Compound)
}

/// Writes `value` as a JSON string of its text, straight into `writer`.
pub(crate) fn write_text<T: Serialize + ?Sized, W: std::io::Write>(
    writer: &mut W,
    value: &T,
) -> Result<(), serde_json::Error> {
    match kind(value) {
        Kind::String => value.serialize(&mut serde_json::Serializer::new(writer)),
        Kind::Scalar => {
            writer.write_all(b"\"").map_err(serde_json::Error::io)?;
            value.serialize(&mut serde_json::Serializer::new(&mut *writer))?;
            writer.write_all(b"\"").map_err(serde_json::Error::io)
        }
        Kind::Compound => serde::Serializer::collect_str(
            &mut serde_json::Serializer::new(writer),
            &JsonText(value),
        ),
    }
}

/// Writes a value's compact JSON text into a formatter.
struct JsonText<'a, T: ?Sized>(&'a T);

impl<T: Serialize + ?Sized> fmt::Display for JsonText<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        serde_json::to_writer(FmtWriter(f), self.0).map_err(|_| fmt::Error)
    }
}

struct FmtWriter<'a, 'b>(&'a mut fmt::Formatter<'b>);

impl std::io::Write for FmtWriter<'_, '_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // serde_json writes whole UTF-8 sequences per call.
        let text = std::str::from_utf8(buf).map_err(std::io::Error::other)?;
        self.0.write_str(text).map_err(std::io::Error::other)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The serializer behind [`kind`]: it writes nothing.
struct IsString;

#[derive(Debug)]
struct NotAString;

impl fmt::Display for NotAString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a string")
    }
}

impl std::error::Error for NotAString {}

impl ser::Error for NotAString {
    fn custom<T: fmt::Display>(_: T) -> Self {
        NotAString
    }
}

macro_rules! scalar {
    ($($method:ident($($arg:ty),*);)*) => {$(
        fn $method(self, $(_: $arg),*) -> Result<Kind, NotAString> {
            Ok(Kind::Scalar)
        }
    )*};
}

impl Serializer for IsString {
    type Ok = Kind;
    type Error = NotAString;
    type SerializeSeq = Impossible<Kind, NotAString>;
    type SerializeTuple = Impossible<Kind, NotAString>;
    type SerializeTupleStruct = Impossible<Kind, NotAString>;
    type SerializeTupleVariant = Impossible<Kind, NotAString>;
    type SerializeMap = Impossible<Kind, NotAString>;
    type SerializeStruct = Impossible<Kind, NotAString>;
    type SerializeStructVariant = Impossible<Kind, NotAString>;

    fn serialize_str(self, _: &str) -> Result<Kind, NotAString> {
        Ok(Kind::String)
    }

    fn serialize_char(self, _: char) -> Result<Kind, NotAString> {
        Ok(Kind::String)
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<Kind, NotAString> {
        Ok(Kind::String)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Kind, NotAString> {
        value.serialize(self)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Kind, NotAString> {
        value.serialize(self)
    }

    scalar! {
        serialize_bool(bool);
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(&'static str);
    }

    // Floats may be NaN or infinite (JSON null); bytes are an array.
    fn serialize_f32(self, _: f32) -> Result<Kind, NotAString> {
        Err(NotAString)
    }

    fn serialize_f64(self, _: f64) -> Result<Kind, NotAString> {
        Err(NotAString)
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<Kind, NotAString> {
        Err(NotAString)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Kind, NotAString> {
        Err(NotAString)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotAString> {
        Err(NotAString)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotAString> {
        Err(NotAString)
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotAString> {
        Err(NotAString)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotAString> {
        Err(NotAString)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotAString> {
        Err(NotAString)
    }

    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, NotAString> {
        Err(NotAString)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotAString> {
        Err(NotAString)
    }
}
