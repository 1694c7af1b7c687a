//! Values as text, for AIP-193 metadata: a string as itself, anything else
//! as its compact JSON.
//!
//! The value is serialized once, by serde_json with a [`TextFormatter`]
//! that writes a top-level string's characters as they are and everything
//! else as JSON text; a `Serialize` that answers differently on two calls
//! cannot make the body invalid, and one that fails is an error, never a
//! panic.

use crate::json_check::Keys;
use serde::ser::{Serialize, Serializer};
use serde_json::ser::{CharEscape, CompactFormatter, Formatter};
use std::fmt;
use std::io::{self, Write};

/// A value as text: a string as itself, anything else as compact JSON.
pub(crate) struct Text<'a, T: ?Sized>(pub &'a T);

impl<T: Serialize + ?Sized> Serialize for Text<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::message::collect_str(serializer, &RawText(self.0))
    }
}

/// Writes `value`'s text as a JSON string, straight into `writer`.
pub(crate) fn write_text<T: Serialize + ?Sized, W: Write>(
    writer: &mut W,
    value: &T,
) -> Result<(), serde_json::Error> {
    writer.write_all(b"\"").map_err(serde_json::Error::io)?;
    let mut keys = None;
    let formatter = TextFormatter {
        depth: 0,
        embedded: true,
        keys: &mut keys,
        in_key: false,
    };
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut *writer,
        formatter,
    ))?;
    writer.write_all(b"\"").map_err(serde_json::Error::io)
}

/// The text of a value, unescaped: what a serializer's `collect_str` escapes.
pub(crate) struct RawText<'a, T: ?Sized>(pub(crate) &'a T);

impl<T: Serialize + ?Sized> fmt::Display for RawText<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut keys = None;
        let formatter = TextFormatter {
            depth: 0,
            embedded: false,
            keys: &mut keys,
            in_key: false,
        };
        self.0
            .serialize(&mut serde_json::Serializer::with_formatter(
                FmtWriter(f),
                formatter,
            ))
            .map_err(|_| fmt::Error)
    }
}

/// Writes a value as its text: a top-level string (or char, or unit
/// variant) as its characters, anything else as compact JSON.
///
/// `embedded`: the text goes inside a JSON string being written, so it is
/// escaped once more (a nested `"` becomes `\"`, a nested `\n` escape
/// `\\n`); otherwise it is the raw text.
/// Objects in the text keep unique keys, as in every body: a value whose
/// `Serialize` writes a key twice fails the render.
struct TextFormatter<'k> {
    /// How many arrays and objects are open.
    depth: usize,
    embedded: bool,
    /// The keys of the open objects (in the caller's slot, set at the first
    /// key: a value that is no object costs nothing), and whether a key is
    /// being written.
    keys: &'k mut Option<Keys>,
    in_key: bool,
}

/// A number written as (part of) an object's key: its digits are the key.
macro_rules! key_numbers {
    ($($method:ident: $t:ty),*) => {$(
        fn $method<W: ?Sized + Write>(&mut self, writer: &mut W, value: $t) -> io::Result<()> {
            if self.in_key {
                let mut digits = Digits { bytes: [0; 40], len: 0 };
                let _ = fmt::Write::write_fmt(&mut digits, format_args!("{value}"));
                self.keys().text(&digits.bytes[..digits.len]);
            }
            CompactFormatter.$method(writer, value)
        }
    )*};
}

/// The digits of an integer, without allocating (an i128 has at most 40).
struct Digits {
    bytes: [u8; 40],
    len: usize,
}

impl fmt::Write for Digits {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let end = self.len + text.len();
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(text.as_bytes());
        self.len = end;
        Ok(())
    }
}

impl TextFormatter<'_> {
    /// The keys of the open objects, kept from the first key on.
    fn keys(&mut self) -> &mut Keys {
        self.keys.get_or_insert(Keys::EMPTY)
    }

    /// Writes bytes of JSON text, escaped for a JSON string when embedded.
    fn text<W: ?Sized + Write>(&self, writer: &mut W, bytes: &[u8]) -> io::Result<()> {
        if !self.embedded {
            return writer.write_all(bytes);
        }
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let escape: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                _ => continue,
            };
            writer.write_all(&bytes[start..i])?;
            writer.write_all(escape)?;
            start = i + 1;
        }
        writer.write_all(&bytes[start..])
    }

    fn top_level_string(&self) -> bool {
        self.depth == 0
    }
}

/// The JSON escape of a character, and the character itself.
fn escape_of(escape: &CharEscape) -> ([u8; 6], usize, char) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let short = |c: u8, raw: char| ([b'\\', c, 0, 0, 0, 0], 2, raw);
    match *escape {
        CharEscape::Quote => short(b'"', '"'),
        CharEscape::ReverseSolidus => short(b'\\', '\\'),
        CharEscape::Solidus => short(b'/', '/'),
        CharEscape::Backspace => short(b'b', '\u{8}'),
        CharEscape::FormFeed => short(b'f', '\u{c}'),
        CharEscape::LineFeed => short(b'n', '\n'),
        CharEscape::CarriageReturn => short(b'r', '\r'),
        CharEscape::Tab => short(b't', '\t'),
        CharEscape::AsciiControl(byte) => (
            [
                b'\\',
                b'u',
                b'0',
                b'0',
                DIGITS[usize::from(byte >> 4)],
                DIGITS[usize::from(byte & 0xf)],
            ],
            6,
            char::from(byte),
        ),
    }
}

impl Formatter for TextFormatter<'_> {
    fn begin_string<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        if self.top_level_string() {
            return Ok(());
        }
        self.text(writer, b"\"")
    }

    fn end_string<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.begin_string(writer)
    }

    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if self.in_key {
            self.keys().text(fragment.as_bytes());
        }
        // Fragments hold no quote, backslash or control character.
        writer.write_all(fragment.as_bytes())
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.keys().start();
        self.in_key = true;
        if first {
            Ok(())
        } else {
            writer.write_all(b",")
        }
    }

    fn end_object_key<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.in_key = false;
        let depth = self.depth;
        if self.keys().end(depth) {
            Ok(())
        } else {
            Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "a value wrote a key twice in one object",
            ))
        }
    }

    key_numbers!(
        write_i8: i8, write_i16: i16, write_i32: i32, write_i64: i64, write_i128: i128,
        write_u8: u8, write_u16: u16, write_u32: u32, write_u64: u64, write_u128: u128
    );

    fn write_char_escape<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        escape: CharEscape,
    ) -> io::Result<()> {
        let (bytes, len, raw) = escape_of(&escape);
        let sequence = &bytes[..len];
        if self.in_key {
            self.keys().text(raw.encode_utf8(&mut [0; 4]).as_bytes());
        }
        match (self.top_level_string(), self.embedded) {
            // The character itself: the raw text of a string.
            (true, false) => writer.write_all(raw.encode_utf8(&mut [0; 4]).as_bytes()),
            // A string's character inside the JSON string being written.
            (true, true) | (false, false) => writer.write_all(sequence),
            // JSON text's escape inside the JSON string being written.
            (false, true) => self.text(writer, sequence),
        }
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth += 1;
        writer.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth -= 1;
        writer.write_all(b"]")
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth += 1;
        writer.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        if let Some(keys) = self.keys.as_mut() {
            keys.close(self.depth);
        }
        self.depth -= 1;
        writer.write_all(b"}")
    }

    fn write_raw_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        self.text(writer, fragment.as_bytes())
    }
}

/// An `io::Write` into a `fmt::Formatter`.
struct FmtWriter<'a, 'b>(&'a mut fmt::Formatter<'b>);

impl Write for FmtWriter<'_, '_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // serde_json and `TextFormatter` write whole UTF-8 sequences per call.
        let text = std::str::from_utf8(buf).map_err(io::Error::other)?;
        self.0.write_str(text).map_err(io::Error::other)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn embedded<T: Serialize + ?Sized>(value: &T) -> String {
        let mut out = Vec::new();
        write_text(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn through_serde<T: Serialize + ?Sized>(value: &T) -> String {
        serde_json::to_string(&Text(value)).unwrap()
    }

    #[test]
    fn strings_as_themselves_others_as_json() {
        let values = [
            json!("plain"),
            json!("quote \" backslash \\ newline \n tab \t nul \u{0} é"),
            json!(42),
            json!(-1.5),
            json!(true),
            json!(null),
            json!(["a", "b \" c", 1]),
            json!({"k\n": {"nested": "v\\"}}),
        ];
        for value in values {
            let expected = match &value {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let expected = serde_json::to_string(&expected).unwrap();
            assert_eq!(embedded(&value), expected, "{value}");
            assert_eq!(through_serde(&value), expected, "{value}");
        }
        assert_eq!(embedded(&'x'), r#""x""#);
        assert_eq!(embedded(&f64::NAN), r#""null""#);
    }

    /// A value whose `Serialize` fails half-way through a map.
    struct Failing;

    impl Serialize for Failing {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::{Error, SerializeMap};
            let mut map = serializer.serialize_map(None)?;
            map.serialize_entry("a", &1)?;
            Err(S::Error::custom("no"))
        }
    }

    #[test]
    fn a_failing_serialize_is_an_error() {
        assert!(write_text(&mut Vec::new(), &Failing).is_err());
        assert!(serde_json::to_string(&Text(&Failing)).is_err());
        let keys: std::collections::BTreeMap<(u8, u8), u32> = [((1, 2), 3)].into();
        assert!(write_text(&mut Vec::new(), &keys).is_err());
        assert!(serde_json::to_string(&Text(&keys)).is_err());
    }
}
