//! How a derived error writes its interpolated message: from its variant's
//! template (the catalog's pieces), each placeholder filled with the
//! argument its `__visit_fields` hands over. One match per type binds the
//! fields, and no variant has a `format_args!` of its own.

use crate::error::ApiError;
use crate::fields::FieldVisitor;
use crate::message::{Message, PublicMessage};
use crate::template::Piece;
use core::fmt;
use serde::Serialize;

impl<'a> Message<'a> {
    /// The interpolated message of a derived error's value, written when
    /// read (generated code's `message()`).
    #[doc(hidden)]
    pub fn __formatted<E: ApiError>(error: &'a E) -> Self {
        Message::from_source(error)
    }
}

impl<E: ApiError + ?Sized> PublicMessage for E {
    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let descriptor = self.descriptor();
        let mut writer = Writer {
            f,
            template: descriptor.template(),
            pieces: descriptor.written_pieces(),
        };
        self.__visit_fields(&mut writer)
    }
}

/// Writes the template, each placeholder with the next argument.
struct Writer<'f, 'g> {
    f: &'f mut fmt::Formatter<'g>,
    template: &'static str,
    /// The pieces when the derive wrote them out (a template with `{{`, a
    /// computed argument): else the template is split at its braces.
    pieces: &'static [Piece],
}

impl FieldVisitor for Writer<'_, '_> {
    type Error = fmt::Error;

    const ARGS: bool = true;

    fn field<T: Serialize + ?Sized>(&mut self, _: &str, _: &str, _: &T) -> fmt::Result {
        Ok(())
    }

    fn __args(&mut self, args: &[&dyn fmt::Display]) -> fmt::Result {
        // One argument per placeholder, in order (the derive's promise); a
        // missing one writes nothing rather than panic.
        let mut args = args.iter();
        if !self.pieces.is_empty() {
            for piece in self.pieces {
                match piece {
                    Piece::Text(text) => self.f.write_str(text)?,
                    Piece::Arg(_) => {
                        if let Some(arg) = args.next() {
                            arg.fmt(self.f)?;
                        }
                    }
                }
            }
            return Ok(());
        }
        // The pieces are the template split at its braces, as `split`
        // reads it (the derive wrote them out otherwise): text up to each
        // `{`, a placeholder up to its `}`, no escapes. One pass over the
        // bytes, no searcher set up per piece.
        let template = self.template;
        let bytes = template.as_bytes();
        let (mut start, mut at) = (0, 0);
        loop {
            at = find(bytes, at, b'{');
            if at == bytes.len() {
                break;
            }
            let close = find(bytes, at + 1, b'}');
            if close == bytes.len() {
                // An unclosed `{` is text.
                break;
            }
            self.f.write_str(&template[start..at])?;
            if let Some(arg) = args.next() {
                arg.fmt(self.f)?;
            }
            at = close + 1;
            start = at;
        }
        self.f.write_str(&template[start..])
    }
}

/// The index of the first `byte` at or after `from`, else the length:
/// eight bytes at a time (a word with a zero byte where the word XOR
/// `byte` repeated has one).
#[inline]
fn find(bytes: &[u8], from: usize, byte: u8) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let repeated = ONES * byte as u64;
    let mut at = from;
    while let Some(word) = bytes.get(at..at + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(word);
        let x = u64::from_le_bytes(eight) ^ repeated;
        // The lowest flagged byte is the first zero byte (a borrow only
        // flags bytes above a zero one).
        let zero = x.wrapping_sub(ONES) & !x & HIGH;
        if zero != 0 {
            return at + (zero.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < bytes.len() && bytes[at] != byte {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn the_word_scan_finds_what_the_byte_scan_finds() {
        let texts = [
            "",
            "{",
            "no brace at all, longer than one word",
            "Node {node} does not have {requested} free vCPUs",
            "0123456{",
            "01234567{",
            "012345678901234{x}",
            "\u{e9}t\u{e9} {a}",
            "é{ü}",
            "{{{",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            for byte in [b'{', b'}'] {
                for from in 0..=bytes.len() {
                    let naive = bytes[from..]
                        .iter()
                        .position(|b| *b == byte)
                        .map_or(bytes.len(), |i| from + i);
                    assert_eq!(find(bytes, from, byte), naive, "{text:?} from {from}");
                }
            }
        }
    }
}
