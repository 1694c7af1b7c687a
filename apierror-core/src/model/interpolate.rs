//! How a derived error writes its interpolated message: from its variant's
//! template (the catalog's pieces), each placeholder filled with the
//! argument its `__visit_fields` hands over. One match per type binds the
//! fields, and no variant has a `format_args!` of its own.

use crate::error::ApiError;
use crate::fields::FieldVisitor;
use crate::json_text::find_byte;
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
            at = find_byte(bytes, at, b'{');
            if at == bytes.len() {
                break;
            }
            let close = find_byte(bytes, at + 1, b'}');
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
