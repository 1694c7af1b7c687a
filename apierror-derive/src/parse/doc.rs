//! Doc comments read as structured documentation: a variant's description,
//! `# Causes`, `# Example`, `# Resolution`, `# Solution` and other sections;
//! a type's introduction and appendices. Parsed once, here; the runtime
//! only reads the result.

use crate::base::ctxt::Ctxt;
use proc_macro2::Span;

/// One line of a doc comment, one leading space removed, with the span of
/// the attribute it comes from.
pub type Line = (String, Span);

/// A fenced block.
pub struct Block {
    pub lang: String,
    pub code: String,
}

/// What a variant's doc comment says.
#[derive(Default)]
pub struct VariantDoc {
    pub description: String,
    pub causes: Vec<String>,
    pub example: Option<Block>,
    pub resolution: Vec<String>,
    pub commands: Vec<Block>,
    pub solution: Option<String>,
    /// Other sections, `(heading, body)`; the heading is empty for the
    /// paragraphs between the description and the first heading.
    pub sections: Vec<(String, String)>,
}

/// What a type's doc comment says: its reference's introduction (the text
/// before the first heading) and appendices (each `# Heading` section).
pub struct TypeDoc {
    pub intro: String,
    pub appendices: Vec<(String, String)>,
}

/// The headings a variant's doc comment may use for what the derive reads.
pub const HEADINGS: &[&str] = &["Causes", "Example", "Resolution", "Solution"];

/// A section of a doc comment: the level-1 heading (`None` before the
/// first), its span, and its lines.
struct Part<'a> {
    heading: Option<(&'a str, Span)>,
    lines: &'a [Line],
}

/// Splits a doc comment at its level-1 headings (`# Heading`), ignoring
/// lines inside fenced blocks.
fn split(lines: &[Line]) -> Vec<Part<'_>> {
    let mut parts = Vec::new();
    let mut fence: Option<String> = None;
    let mut start = 0;
    let mut heading = None;
    for (i, (line, span)) in lines.iter().enumerate() {
        if let Some(open) = &fence {
            if line.trim_start().starts_with(open.as_str()) && line.trim() == open.as_str() {
                fence = None;
            }
            continue;
        }
        if let Some(open) = fence_open(line) {
            fence = Some(open);
            continue;
        }
        if let Some(text) = line.strip_prefix("# ") {
            parts.push(Part {
                heading,
                lines: &lines[start..i],
            });
            heading = Some((text.trim(), *span));
            start = i + 1;
        }
    }
    parts.push(Part {
        heading,
        lines: &lines[start..],
    });
    parts
}

/// The fence a line opens (```` ``` ```` or `~~~`, three or more), if any.
fn fence_open(line: &str) -> Option<String> {
    let trimmed = line.trim_start();
    let marker = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = trimmed.chars().take_while(|c| *c == marker).count();
    (len >= 3).then(|| marker.to_string().repeat(len))
}

/// The text of some lines, trimmed of leading and trailing blank lines.
fn text(lines: &[Line]) -> String {
    let joined: Vec<&str> = lines.iter().map(|(l, _)| l.as_str()).collect();
    joined.join("\n").trim_matches('\n').trim_end().to_owned()
}

fn span_of(lines: &[Line], fallback: Span) -> Span {
    lines.first().map_or(fallback, |(_, span)| *span)
}

/// Reads a fenced block starting at `lines[0]`: the block and the number of
/// lines it spans. `None` when the fence is never closed.
fn block(lines: &[Line]) -> Option<(Block, usize)> {
    let (first, _) = lines.first()?;
    let open = fence_open(first)?;
    let lang = first.trim_start()[open.len()..].trim().to_owned();
    let mut code = Vec::new();
    for (i, (line, _)) in lines.iter().enumerate().skip(1) {
        if line.trim() == open {
            return Some((
                Block {
                    lang,
                    code: code.join("\n"),
                },
                i + 1,
            ));
        }
        code.push(line.as_str());
    }
    None
}

/// The fence's language must be named: untagged, it is a Rust doctest.
fn check_lang(cx: &Ctxt, block: &Block, span: Span, section: &str) {
    if block.lang.is_empty() {
        cx.error_at(
            span,
            format_args!(
                "tag the fence in `# {section}` with its language (```text, ```bash, ```json): an untagged fence in a doc comment is a Rust doctest"
            ),
        );
    }
}

/// A list item's marker (`- `, `* `, `1. `, `1) `): the text after it.
fn item(line: &str, numbered: bool) -> Option<&str> {
    if numbered {
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let rest = &line[digits..];
        rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") "))
    } else {
        line.strip_prefix("- ").or_else(|| line.strip_prefix("* "))
    }
}

/// The items of a list section, continuation lines (indented) joined with
/// `\n`, and its fenced blocks. Anything else is reported.
fn list(
    cx: &Ctxt,
    lines: &[Line],
    heading: (&str, Span),
    numbered: bool,
) -> (Vec<String>, Vec<Block>) {
    let (name, heading_span) = heading;
    let mut items: Vec<String> = Vec::new();
    let mut blocks = Vec::new();
    let mut reported = false;
    let mut i = 0;
    while i < lines.len() {
        let (line, span) = &lines[i];
        if line.trim().is_empty() {
            i += 1;
            continue;
        }
        if fence_open(line).is_some() {
            match block(&lines[i..]) {
                Some((found, used)) => {
                    check_lang(cx, &found, *span, name);
                    if !numbered {
                        cx.error_at(
                            *span,
                            format_args!("`# {name}` is a list of causes: a fenced block belongs in `# Example` or `# Resolution`"),
                        );
                    }
                    blocks.push(found);
                    i += used;
                }
                None => {
                    cx.error_at(*span, "this fenced block is never closed");
                    return (items, blocks);
                }
            }
            continue;
        }
        if let Some(text) = item(line, numbered) {
            items.push(text.trim().to_owned());
        } else if line.starts_with(' ') && !items.is_empty() && blocks.is_empty() {
            let last = items.last_mut().expect("checked non-empty");
            last.push('\n');
            last.push_str(line.trim());
        } else {
            let expected = if numbered {
                "numbered steps (`1. ...`) and fenced command blocks"
            } else {
                "a list of causes, one per `- ...` item"
            };
            cx.error_at(
                *span,
                format_args!(
                    "`# {name}` holds {expected}; put other text under a heading of its own"
                ),
            );
            reported = true;
        }
        i += 1;
    }
    if items.is_empty() && blocks.is_empty() && !reported {
        cx.error_at(heading_span, format_args!("`# {name}` is empty"));
    }
    (items, blocks)
}

/// Reads a variant's (or a struct's) doc comment.
pub fn variant(cx: &Ctxt, lines: &[Line]) -> VariantDoc {
    let mut out = VariantDoc::default();
    let mut seen: Vec<&str> = Vec::new();
    for part in split(lines) {
        let Some((heading, span)) = part.heading else {
            // Before any heading: the first paragraph, then the rest.
            let body = text(part.lines);
            let (first, rest) = match body.find("\n\n") {
                Some(at) => (&body[..at], body[at..].trim()),
                None => (body.as_str(), ""),
            };
            out.description = first.to_owned();
            if !rest.is_empty() {
                out.sections.push((String::new(), rest.to_owned()));
            }
            continue;
        };
        if HEADINGS.contains(&heading) {
            if seen.contains(&heading) {
                cx.error_at(span, format_args!("duplicate `# {heading}` section"));
                continue;
            }
            seen.push(heading);
        }
        match heading {
            "Causes" => out.causes = list(cx, part.lines, (heading, span), false).0,
            "Resolution" => {
                (out.resolution, out.commands) = list(cx, part.lines, (heading, span), true);
            }
            "Example" => out.example = example(cx, part.lines, span),
            "Solution" => {
                let body = text(part.lines);
                if body.is_empty() {
                    cx.error_at(span, "`# Solution` is empty");
                } else if body.contains("\n\n") || fence_open(&body).is_some() {
                    cx.error_at(
                        span_of(part.lines, span),
                        "`# Solution` is one paragraph: a one-line fix; steps belong in `# Resolution`",
                    );
                } else {
                    out.solution = Some(body.lines().map(str::trim).collect::<Vec<_>>().join(" "));
                }
            }
            _ => {
                if let Some(close) = crate::base::ctxt::closest(heading, HEADINGS.iter().copied()) {
                    if close.eq_ignore_ascii_case(heading) || heading.ends_with(close) {
                        cx.error_at(
                            span,
                            format_args!("write the heading `# {close}`: it is read by name"),
                        );
                    }
                }
                out.sections.push((heading.to_owned(), text(part.lines)));
            }
        }
    }
    out
}

/// `# Example`: one fenced block, the error as users see it.
fn example(cx: &Ctxt, lines: &[Line], heading: Span) -> Option<Block> {
    let start = lines.iter().position(|(l, _)| !l.trim().is_empty());
    let Some(start) = start else {
        cx.error_at(
            heading,
            "`# Example` is empty: write the error in a fenced block",
        );
        return None;
    };
    let (line, span) = &lines[start];
    let found = match fence_open(line).and_then(|_| block(&lines[start..])) {
        Some((found, used))
            if lines[start + used..]
                .iter()
                .all(|(l, _)| l.trim().is_empty()) =>
        {
            found
        }
        Some(_) | None => {
            cx.error_at(
                *span,
                "`# Example` holds one fenced block: the error as users see it (```text or ```json)",
            );
            return None;
        }
    };
    check_lang(cx, &found, *span, "Example");
    Some(found)
}

/// Reads a type's doc comment.
pub fn type_doc(lines: &[Line]) -> TypeDoc {
    let mut out = TypeDoc {
        intro: String::new(),
        appendices: Vec::new(),
    };
    for part in split(lines) {
        match part.heading {
            None => out.intro = text(part.lines),
            Some((heading, _)) => out.appendices.push((heading.to_owned(), text(part.lines))),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        text.lines()
            .map(|l| (l.to_owned(), Span::call_site()))
            .collect()
    }

    fn read(text: &str) -> (VariantDoc, Vec<String>) {
        let cx = Ctxt::default();
        let doc = variant(&cx, &lines(text));
        (doc, cx.messages())
    }

    #[test]
    fn sections_are_read() {
        let (doc, errors) = read(
            "Component specification contains\ninvalid configuration.\n\nMore text.\n\n# Causes\n- Invalid name\n- Unsupported\n  runtime\n\n# Example\n```text\nfailed: x\n# not a heading\n```\n\n# Resolution\n1. **Check**: it\n2. Verify\n\n```bash\n# comment\nchoreo validate\n```\n\n# Solution\nAdd key to\n`api_keys`\n\n# Notes\n## Deeper\nkept",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            doc.description,
            "Component specification contains\ninvalid configuration."
        );
        assert_eq!(doc.causes, ["Invalid name", "Unsupported\nruntime"]);
        let example = doc.example.unwrap();
        assert_eq!(
            (example.lang.as_str(), example.code.as_str()),
            ("text", "failed: x\n# not a heading")
        );
        assert_eq!(doc.resolution, ["**Check**: it", "Verify"]);
        assert_eq!(doc.commands[0].code, "# comment\nchoreo validate");
        assert_eq!(doc.solution.as_deref(), Some("Add key to `api_keys`"));
        assert_eq!(
            doc.sections,
            [
                (String::new(), "More text.".to_owned()),
                ("Notes".to_owned(), "## Deeper\nkept".to_owned())
            ]
        );
    }

    #[test]
    fn misuse_is_reported() {
        for (text, expected) in [
            ("# Causes\nplain text", "`# Causes` holds a list of causes"),
            ("# Causes\n", "`# Causes` is empty"),
            ("# Example\n```\nx\n```", "tag the fence in `# Example`"),
            ("# Example\ntext only", "`# Example` holds one fenced block"),
            (
                "# Example\n```text\nx\n```\nmore",
                "`# Example` holds one fenced block",
            ),
            (
                "# Resolution\n1. a\n```\nx\n```",
                "tag the fence in `# Resolution`",
            ),
            ("# Resolution\n1. a\n```bash\nx", "never closed"),
            (
                "# Resolution\nsome prose",
                "`# Resolution` holds numbered steps",
            ),
            ("# Solution\na\n\nb", "`# Solution` is one paragraph"),
            ("# Causes\n- a\n# Causes\n- b", "duplicate `# Causes`"),
            ("# causes\n- a", "write the heading `# Causes`"),
        ] {
            let (_, errors) = read(text);
            assert!(
                errors.iter().any(|e| e.contains(expected)),
                "{text:?}: {errors:?}"
            );
        }
    }

    #[test]
    fn type_docs_split_at_headings() {
        let doc = type_doc(&lines(
            "Intro.\n\nMore intro.\n\n# Tools\n```bash\n# not a heading\n```\n\n# Getting Help\nAsk.",
        ));
        assert_eq!(doc.intro, "Intro.\n\nMore intro.");
        assert_eq!(
            doc.appendices,
            [
                (
                    "Tools".to_owned(),
                    "```bash\n# not a heading\n```".to_owned()
                ),
                ("Getting Help".to_owned(), "Ask.".to_owned())
            ]
        );
    }

    /// Any sequence of doc lines is read without panicking, twice alike;
    /// what is accepted keeps every cause it was given.
    #[test]
    fn any_doc_comment_is_read_without_panic() {
        use proptest::prelude::*;
        use proptest::test_runner::{Config, TestRunner};
        const LINES: &[&str] = &[
            "",
            " ",
            "text",
            "Description.",
            "# Causes",
            "# Example",
            "# Resolution",
            "# Solution",
            "# Notes",
            "# causes",
            "#",
            "# ",
            "## Sub",
            "- a cause",
            "* star",
            "-",
            "- ",
            "1. step",
            "2) step",
            "10. step",
            "1.",
            "  continued",
            "```",
            "```text",
            "```bash",
            "~~~",
            "~~~json",
            "````",
            "``` text",
            "# in a fence?",
            "é🦀",
            "\u{202e}",
            "{code}",
            "&amp;",
            "|",
            "\\",
        ];
        let mut runner = TestRunner::new(Config {
            cases: 1024,
            ..Config::default()
        });
        let strategy = proptest::collection::vec(proptest::sample::select(LINES), 0..24);
        runner
            .run(&strategy, |picked| {
                let lines: Vec<Line> = picked
                    .iter()
                    .map(|l| ((*l).to_owned(), Span::call_site()))
                    .collect();
                let cx = Ctxt::default();
                let first = variant(&cx, &lines);
                let errors = cx.messages();
                let cx = Ctxt::default();
                let second = variant(&cx, &lines);
                prop_assert_eq!(&errors, &cx.messages());
                prop_assert_eq!(&first.causes, &second.causes);
                prop_assert_eq!(&first.description, &second.description);
                if errors.is_empty() && first.causes.len() == 1 {
                    // Its first line is one of the lines given (continuations join it).
                    let head = first.causes[0].lines().next().unwrap_or("");
                    prop_assert!(picked.iter().any(|l| l.ends_with(head)));
                }
                let doc = type_doc(&lines);
                prop_assert!(doc.appendices.len() <= lines.len());
                Ok(())
            })
            .unwrap();
    }
}
