//! Serde adapters that write a details object's fields into an enclosing
//! map, as RFC 9457 extension members or as AIP-193 string metadata.

use serde::ser::{self, Impossible, Serialize, SerializeMap, SerializeStruct, Serializer};
use std::fmt;

/// How each detail value is written.
pub(crate) trait ValueMode {
    fn write<M: SerializeMap, T: Serialize + ?Sized>(
        map: &mut M,
        key: &str,
        value: &T,
    ) -> Result<(), M::Error>;
}

/// Values as they are.
pub(crate) struct AsIs;

impl ValueMode for AsIs {
    fn write<M: SerializeMap, T: Serialize + ?Sized>(
        map: &mut M,
        key: &str,
        value: &T,
    ) -> Result<(), M::Error> {
        map.serialize_entry(key, value)
    }
}

/// Values as strings: a string as itself, anything else as its JSON text.
pub(crate) struct AsText;

impl ValueMode for AsText {
    fn write<M: SerializeMap, T: Serialize + ?Sized>(
        map: &mut M,
        key: &str,
        value: &T,
    ) -> Result<(), M::Error> {
        map.serialize_entry(key, &Text(value))
    }
}

/// Writes the fields of a details object into `map`, skipping `reserved`
/// keys (members the envelope itself defines).
pub(crate) struct Entries<'m, M, V> {
    pub map: &'m mut M,
    pub reserved: &'static [&'static str],
    pub mode: std::marker::PhantomData<V>,
}

/// Why a details object could not be flattened.
#[derive(Debug)]
pub(crate) struct NotAMap;

impl fmt::Display for NotAMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("details must serialize as a map or struct")
    }
}

impl<'m, M: SerializeMap, V: ValueMode> Entries<'m, M, V> {
    fn entry<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), M::Error> {
        if self.reserved.contains(&key) {
            return Ok(());
        }
        V::write(self.map, key, value)
    }
}

macro_rules! not_a_map {
    ($($method:ident($($arg:ty),*);)*) => {$(
        fn $method(self, $(_: $arg),*) -> Result<(), M::Error> {
            Err(ser::Error::custom(NotAMap))
        }
    )*};
}

impl<'m, M: SerializeMap, V: ValueMode> Serializer for Entries<'m, M, V> {
    type Ok = ();
    type Error = M::Error;
    type SerializeSeq = Impossible<(), M::Error>;
    type SerializeTuple = Impossible<(), M::Error>;
    type SerializeTupleStruct = Impossible<(), M::Error>;
    type SerializeTupleVariant = Impossible<(), M::Error>;
    type SerializeMap = MapEntries<'m, M, V>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), M::Error>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, M::Error> {
        Ok(self)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<MapEntries<'m, M, V>, M::Error> {
        Ok(MapEntries {
            entries: self,
            key: None,
        })
    }

    // An absent details object (unit) contributes nothing.
    fn serialize_unit(self) -> Result<(), M::Error> {
        Ok(())
    }

    fn serialize_none(self) -> Result<(), M::Error> {
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), M::Error> {
        value.serialize(self)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), M::Error> {
        value.serialize(self)
    }

    not_a_map! {
        serialize_bool(bool);
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_f32(f32);
        serialize_f64(f64);
        serialize_char(char);
        serialize_str(&str);
        serialize_bytes(&[u8]);
        serialize_unit_struct(&'static str);
        serialize_unit_variant(&'static str, u32, &'static str);
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), M::Error> {
        Err(ser::Error::custom(NotAMap))
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, M::Error> {
        Err(ser::Error::custom(NotAMap))
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, M::Error> {
        Err(ser::Error::custom(NotAMap))
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, M::Error> {
        Err(ser::Error::custom(NotAMap))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, M::Error> {
        Err(ser::Error::custom(NotAMap))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, M::Error> {
        Err(ser::Error::custom(NotAMap))
    }
}

impl<M: SerializeMap, V: ValueMode> SerializeStruct for Entries<'_, M, V> {
    type Ok = ();
    type Error = M::Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), M::Error> {
        self.entry(key, value)
    }

    fn end(self) -> Result<(), M::Error> {
        Ok(())
    }
}

/// A details object that serializes as a map: keys must be strings.
pub(crate) struct MapEntries<'m, M, V> {
    entries: Entries<'m, M, V>,
    key: Option<String>,
}

impl<M: SerializeMap, V: ValueMode> ser::SerializeMap for MapEntries<'_, M, V> {
    type Ok = ();
    type Error = M::Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), M::Error> {
        let key = serde_json::to_value(key)
            .ok()
            .and_then(|k| k.as_str().map(str::to_owned))
            .ok_or_else(|| ser::Error::custom("details keys must be strings"))?;
        self.key = Some(key);
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), M::Error> {
        match self.key.take() {
            Some(key) => self.entries.entry(&key, value),
            None => Err(ser::Error::custom("details value without a key")),
        }
    }

    fn end(self) -> Result<(), M::Error> {
        Ok(())
    }
}

/// A value as text: a string as itself, anything else as compact JSON.
pub(crate) struct Text<'a, T: ?Sized>(pub &'a T);

impl<T: Serialize + ?Sized> Serialize for Text<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if IsString::check(self.0) {
            // A string (or char, or unit variant) is already its own text.
            self.0.serialize(serializer)
        } else {
            serializer.collect_str(&JsonText(self.0))
        }
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

/// Finds out, without allocating, whether a value serializes as a string.
struct IsString;

impl IsString {
    fn check<T: Serialize + ?Sized>(value: &T) -> bool {
        value.serialize(IsString).is_ok()
    }
}

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

macro_rules! not_a_string {
    ($($method:ident($($arg:ty),*);)*) => {$(
        fn $method(self, $(_: $arg),*) -> Result<(), NotAString> {
            Err(NotAString)
        }
    )*};
}

impl Serializer for IsString {
    type Ok = ();
    type Error = NotAString;
    type SerializeSeq = Impossible<(), NotAString>;
    type SerializeTuple = Impossible<(), NotAString>;
    type SerializeTupleStruct = Impossible<(), NotAString>;
    type SerializeTupleVariant = Impossible<(), NotAString>;
    type SerializeMap = Impossible<(), NotAString>;
    type SerializeStruct = Impossible<(), NotAString>;
    type SerializeStructVariant = Impossible<(), NotAString>;

    fn serialize_str(self, _: &str) -> Result<(), NotAString> {
        Ok(())
    }

    fn serialize_char(self, _: char) -> Result<(), NotAString> {
        Ok(())
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<(), NotAString> {
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), NotAString> {
        value.serialize(self)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), NotAString> {
        value.serialize(self)
    }

    not_a_string! {
        serialize_bool(bool);
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_f32(f32);
        serialize_f64(f64);
        serialize_bytes(&[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(&'static str);
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), NotAString> {
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
