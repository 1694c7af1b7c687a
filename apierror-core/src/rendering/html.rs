//! JSON that is safe to embed in HTML: see [`Render::html_safe`](crate::Render::html_safe).

use serde_json::ser::Formatter;
use std::io;

/// A serde_json [`Formatter`], compact as the default one, that also escapes, inside strings, the
/// characters that could end a `<script>` element or start an HTML entity
/// (`<`, `>`, `&`) and the two line terminators that JavaScript before ES2019
/// does not accept in string literals (U+2028, U+2029): `\u003c`, `\u003e`,
/// `\u0026`, `\u2028`, `\u2029`. The JSON value is unchanged.
///
/// Outside strings, compact JSON never holds any of these characters, so
/// every one of them in the output is escaped.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct HtmlSafeFormatter;

/// The escape of a character that must not appear raw, if it is one.
fn escape(c: char) -> Option<&'static [u8]> {
    Some(match c {
        '<' => br"\u003c",
        '>' => br"\u003e",
        '&' => br"\u0026",
        '\u{2028}' => br"\u2028",
        '\u{2029}' => br"\u2029",
        _ => return None,
    })
}

impl Formatter for HtmlSafeFormatter {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if let Some(escaped) = escape(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                writer.write_all(escaped)?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

/// A serde_json serializer writing HTML-safe JSON into `writer`.
pub(crate) fn serializer<W: io::Write>(writer: W) -> serde_json::Serializer<W, HtmlSafeFormatter> {
    serde_json::Serializer::with_formatter(writer, HtmlSafeFormatter)
}

/// Escapes, in place, the characters [`HtmlSafeFormatter`] escapes, in a
/// body that is already valid compact JSON (where they can only occur inside
/// strings, never next to a backslash that would change their meaning).
/// For bodies written by code that did not use the formatter.
pub(crate) fn escape_json(body: &mut Vec<u8>) {
    if !needs_escape(body) {
        return;
    }
    let Ok(text) = std::str::from_utf8(body) else {
        return;
    };
    let mut out = Vec::with_capacity(body.len() + 16);
    let Ok(()) = HtmlSafeFormatter.write_string_fragment(&mut out, text) else {
        return;
    };
    *body = out;
}

/// Whether `body` holds a character that HTML-safe JSON escapes.
pub(crate) fn needs_escape(body: &[u8]) -> bool {
    body.iter().enumerate().any(|(i, &b)| match b {
        b'<' | b'>' | b'&' => true,
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
        0xE2 => matches!(body.get(i + 1..i + 3), Some([0x80, 0xA8 | 0xA9])),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    fn html_safe<T: Serialize>(value: &T) -> String {
        let mut out = Vec::new();
        value.serialize(&mut serializer(&mut out)).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_inside_strings_and_keys() {
        let value = serde_json::json!({"</script>": "a<b>&c\u{2028}d\u{2029}é\"\n"});
        let text = html_safe(&value);
        assert_eq!(
            text,
            r#"{"\u003c/script\u003e":"a\u003cb\u003e\u0026c\u2028d\u2029é\"\n"}"#
        );
        assert!(!needs_escape(text.as_bytes()));
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn escape_json_matches_the_formatter() {
        let value = serde_json::json!({"k<": ["&", "\u{2029}", 1, null, "plain"]});
        let mut plain = serde_json::to_vec(&value).unwrap();
        assert!(needs_escape(&plain));
        escape_json(&mut plain);
        assert_eq!(String::from_utf8(plain).unwrap(), html_safe(&value));
    }
}
