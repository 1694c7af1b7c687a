//! The constant bytes of a variant's JSON, escaped at expansion time.
//!
//! The runtime writes these bytes as they are and runs serde only for the
//! fields, so they must be exactly what serde_json would write.

/// A JSON string's contents escaped as serde_json escapes them: `"` and `\`,
/// the short escapes `\b \f \n \r \t`, other control characters as
/// `\u00xx` (lowercase hex); everything else, non-ASCII included, as is.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// `"text"`, escaped.
pub fn string(text: &str) -> String {
    format!("\"{}\"", escape(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_serde_json() {
        assert_eq!(escape("plain"), "plain");
        assert_eq!(escape("a \"q\" \\ b"), "a \\\"q\\\" \\\\ b");
        assert_eq!(escape("\u{8}\u{c}\n\r\t"), "\\b\\f\\n\\r\\t");
        assert_eq!(escape("\u{0}\u{1f}\u{7f}"), "\\u0000\\u001f\u{7f}");
        assert_eq!(escape("é \u{2028} 😀"), "é \u{2028} 😀");
        assert_eq!(string("x"), "\"x\"");
    }
}
