//! The public message template: `"Instance type '{instance_type}' not found"`.

/// The runtime's reading of a template the catalog keeps without its pieces.
pub use crate::base::facts::{split, Split};

/// A parsed template: literal text and `{field}` / `{0}` placeholders.
#[derive(Debug, PartialEq)]
pub struct Template {
    pub pieces: Vec<Piece>,
}

#[derive(Debug, PartialEq)]
pub enum Piece {
    /// Literal text, braces unescaped.
    Text(String),
    /// A placeholder: the field it names and its format spec (after `:`).
    Arg { name: FieldRef, spec: String },
}

#[derive(Debug, PartialEq, Clone)]
pub enum FieldRef {
    Named(String),
    Index(usize),
    /// `{}`: the next positional argument after the message.
    Next,
}

impl std::fmt::Display for FieldRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FieldRef::Named(name) => f.write_str(name),
            FieldRef::Index(index) => write!(f, "{index}"),
            FieldRef::Next => Ok(()),
        }
    }
}

impl Template {
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            match c {
                '{' if chars.peek().map(|p| p.1) == Some('{') => {
                    chars.next();
                    literal.push('{');
                }
                '}' if chars.peek().map(|p| p.1) == Some('}') => {
                    chars.next();
                    literal.push('}');
                }
                '}' => {
                    return Err(format!(
                        "unmatched `}}` {}; write `}}}}` for a literal brace",
                        place(text, at)
                    ))
                }
                '{' => {
                    let close = text[at..].find('}').ok_or_else(|| {
                        format!(
                            "unclosed `{{` {}; write `{{{{` for a literal brace",
                            place(text, at)
                        )
                    })?;
                    let inner = &text[at + 1..at + close];
                    while chars.peek().is_some_and(|&(i, _)| i <= at + close) {
                        chars.next();
                    }
                    if !literal.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut literal)));
                    }
                    pieces.push(parse_placeholder(inner)?);
                }
                _ => literal.push(c),
            }
        }
        if !literal.is_empty() {
            pieces.push(Piece::Text(literal));
        }
        Ok(Template { pieces })
    }

    /// The message when it has no placeholder.
    pub fn as_static(&self) -> Option<String> {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Arg { .. } => return None,
            }
        }
        Some(out)
    }

    #[cfg(test)]
    pub fn args(&self) -> impl Iterator<Item = (&FieldRef, &str)> {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Arg { name, spec } => Some((name, spec.as_str())),
            Piece::Text(_) => None,
        })
    }
}

/// Where byte `at` of the message is, in words: the text just before it.
fn place(text: &str, at: usize) -> String {
    let before = &text[..at];
    if before.is_empty() {
        return "at the start of the message".to_owned();
    }
    let start = before
        .char_indices()
        .rev()
        .nth(19)
        .map_or(0, |(index, _)| index);
    let ellipsis = if start > 0 { "..." } else { "" };
    format!("after `{ellipsis}{}`", &before[start..])
}

fn parse_placeholder(inner: &str) -> Result<Piece, String> {
    let (name, spec) = match inner.split_once(':') {
        Some((name, spec)) => (name.trim(), spec),
        None => (inner.trim(), ""),
    };
    if spec.ends_with('?') {
        return Err(format!(
            "`{{{inner}}}` formats with Debug: public messages use Display (`{{{name}}}`), Debug is for logs"
        ));
    }
    if spec.ends_with('p') {
        return Err(format!(
            "`{{{inner}}}` formats a pointer: a memory address is never for clients"
        ));
    }
    // A fill character is any character before `<`, `^` or `>`.
    let flags = match spec.char_indices().nth(1) {
        Some((at, '<' | '^' | '>')) => &spec[at + 1..],
        _ => spec,
    };
    if flags.contains('$') || flags.contains('*') {
        return Err(format!(
            "`{{{inner}}}`: width and precision taken from arguments are not supported in messages"
        ));
    }
    let name = if name.is_empty() {
        FieldRef::Next
    } else if name.bytes().all(|b| b.is_ascii_digit()) {
        FieldRef::Index(
            name.parse()
                .map_err(|_| format!("`{{{inner}}}`: field index out of range"))?,
        )
    } else if is_identifier(name) {
        FieldRef::Named(name.trim_start_matches("r#").to_owned())
    } else {
        return Err(format!(
            "`{{{inner}}}` is not a field name; messages interpolate fields only, like `{{field}}`"
        ));
    };
    Ok(Piece::Arg {
        name,
        spec: spec.to_owned(),
    })
}

fn is_identifier(name: &str) -> bool {
    let name = name.strip_prefix("r#").unwrap_or(name);
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// The formatting trait a spec asks for (`x` for `LowerHex`...); never
/// `Debug` nor `Pointer`, which templates reject.
pub fn spec_trait(spec: &str) -> SpecTrait {
    match spec.chars().last() {
        Some('x') => SpecTrait::LowerHex,
        Some('X') => SpecTrait::UpperHex,
        Some('o') => SpecTrait::Octal,
        Some('b') => SpecTrait::Binary,
        Some('e') => SpecTrait::LowerExp,
        Some('E') => SpecTrait::UpperExp,
        _ => SpecTrait::Display,
    }
}

#[derive(Clone, Copy)]
pub enum SpecTrait {
    Display,
    LowerHex,
    UpperHex,
    Octal,
    Binary,
    LowerExp,
    UpperExp,
}

impl SpecTrait {
    pub fn path(self) -> &'static str {
        match self {
            SpecTrait::Display => "Display",
            SpecTrait::LowerHex => "LowerHex",
            SpecTrait::UpperHex => "UpperHex",
            SpecTrait::Octal => "Octal",
            SpecTrait::Binary => "Binary",
            SpecTrait::LowerExp => "LowerExp",
            SpecTrait::UpperExp => "UpperExp",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arg(name: &str, spec: &str) -> Piece {
        Piece::Arg {
            name: FieldRef::Named(name.to_owned()),
            spec: spec.to_owned(),
        }
    }

    #[test]
    fn parses_placeholders_and_escapes() {
        let t = Template::parse("Type '{instance_type}' costs {price:.2} {{USD}}").unwrap();
        assert_eq!(
            t.pieces,
            vec![
                Piece::Text("Type '".into()),
                arg("instance_type", ""),
                Piece::Text("' costs ".into()),
                arg("price", ".2"),
                Piece::Text(" {USD}".into()),
            ]
        );
        assert_eq!(t.as_static(), None);
        let positional = Template::parse("{0} and {1:x}").unwrap();
        let names: Vec<_> = positional.args().map(|(n, _)| n.clone()).collect();
        assert_eq!(names, vec![FieldRef::Index(0), FieldRef::Index(1)]);
    }

    #[test]
    fn static_messages_unescape() {
        assert_eq!(
            Template::parse("use {{braces}}")
                .unwrap()
                .as_static()
                .as_deref(),
            Some("use {braces}")
        );
    }

    #[test]
    fn rejects_bad_templates() {
        assert_eq!(
            Template::parse("a { b").unwrap_err(),
            "unclosed `{` after `a `; write `{{` for a literal brace"
        );
        assert_eq!(
            Template::parse("} b").unwrap_err(),
            "unmatched `}` at the start of the message; write `}}` for a literal brace"
        );
        assert!(Template::parse("The instance type 'x' does } not exist")
            .unwrap_err()
            .starts_with("unmatched `}` after `...tance type 'x' does `"));
        assert_eq!(
            Template::parse("a {} b {:>4}")
                .unwrap()
                .args()
                .collect::<Vec<_>>(),
            [(&FieldRef::Next, ""), (&FieldRef::Next, ">4")]
        );
        assert!(Template::parse("{x:>w$}")
            .unwrap_err()
            .contains("not supported"));
        for debug in ["{a:?}", "{a:#?}", "{0:>8?}", "{a:x?}"] {
            assert!(
                Template::parse(debug)
                    .unwrap_err()
                    .contains("Debug is for logs"),
                "{debug}"
            );
        }
        assert!(Template::parse("{a:p}").unwrap_err().contains("pointer"));
        assert!(Template::parse("{x:.*}")
            .unwrap_err()
            .contains("not supported"));
        assert!(Template::parse("{x:>1$}")
            .unwrap_err()
            .contains("not supported"));
        // A fill character is not an argument.
        for fill in ["{a:*^8}", "{a:$>4}", "{a:*<3.1}"] {
            assert!(Template::parse(fill).is_ok(), "{fill}");
        }
        assert!(Template::parse("{a.b}")
            .unwrap_err()
            .contains("not a field name"));
    }
}
