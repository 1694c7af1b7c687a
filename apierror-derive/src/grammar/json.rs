//! JSON text the derive writes at expansion time: the runtime copies it into
//! bodies as it is, so it must be exactly what serde_json would write.

/// `"text"` as serde_json writes it: `"` and `\\` escaped, control characters
/// as `\\b \\f \\n \\r \\t` or `\\u00xx`, everything else as is.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
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
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_like_serde_json() {
        let texts = [
            "plain",
            "a \"q\" \\ b",
            "\u{8}\u{c}\n\r\t",
            "\u{0}\u{1f}\u{7f}",
            "é \u{2028} 😀",
        ];
        for text in texts {
            assert_eq!(
                super::string(text),
                serde_json::to_string(text).unwrap(),
                "{text:?}"
            );
        }
    }
}
