//! Text as Markdown: escaping, code spans, table cells, headings shifted
//! under the reference's own.

use crate::catalog::Descriptor;
use crate::template::Piece;

/// Markdown written by the user, made to fit in one table cell.
pub(super) fn cell(text: &str) -> String {
    text.replace('\n', " ").replace('|', "\\|")
}

/// Lines of Markdown outside fenced blocks that are headings, `by` levels
/// deeper (at most 6).
pub(super) fn shift_headings(text: &str, by: usize) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut fence: Option<String> = None;
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        let marker = trimmed.chars().next().filter(|c| *c == '`' || *c == '~');
        let run = marker.map_or(0, |m| trimmed.chars().take_while(|c| *c == m).count());
        match (&fence, marker) {
            (Some(open), Some(m))
                if run >= open.len()
                    && open.starts_with(m)
                    && trimmed.trim_end().chars().all(|c| c == m) =>
            {
                fence = None;
            }
            (None, Some(m)) if run >= 3 => fence = Some(m.to_string().repeat(run)),
            (None, _) if line.starts_with('#') => {
                let level = line.chars().take_while(|c| *c == '#').count();
                if line[level..].starts_with(' ') {
                    out.push_str(&"#".repeat((level + by).min(6)));
                    out.push_str(&line[level..]);
                    continue;
                }
            }
            _ => {}
        }
        out.push_str(line);
    }
    out
}

/// A doc comment continued inside a list item: every line after the first
/// indented by `by` spaces.
pub(super) fn indented(text: &str, by: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(&" ".repeat(by));
            }
        }
        out.push_str(line);
    }
    out
}

/// Plain text made safe for Markdown inline content: characters that could
/// start emphasis, links, HTML, code, math or a table cell are
/// backslash-escaped, line breaks become spaces.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        match c {
            // `&` only where it would start an entity (`&amp;`, `&#38;`).
            '&' if !starts_entity(&text[i + 1..]) => out.push(c),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Whether text after a `&` makes it an HTML entity: `name;` or `#digits;`.
pub(super) fn starts_entity(rest: &str) -> bool {
    let body = rest.strip_prefix('#').unwrap_or(rest);
    let len = body.chars().take_while(char::is_ascii_alphanumeric).count();
    len > 0 && body[len..].starts_with(';')
}

/// A message template as prose: [`escape`]d, its placeholders (`{name}`,
/// `{0:.2}`) as code spans, `{{` and `}}` as the braces they stand for.
pub(super) fn escape_template(d: &Descriptor, in_table: bool) -> String {
    let mut out = String::with_capacity(d.template().len() + 8);
    for piece in d.pieces() {
        match piece {
            Piece::Text(text) => out.push_str(&escape(text)),
            Piece::Arg(arg) => out.push_str(&code_span(arg.placeholder(), in_table)),
        }
    }
    out
}

/// `text` as a Markdown code span, fenced with enough backticks; in a table
/// cell, pipes are escaped too (GitHub tables split on them even in code).
pub(super) fn code_span(text: &str, in_table: bool) -> String {
    let text = text.replace(['\r', '\n'], " ");
    let text = if in_table {
        text.replace('|', "\\|")
    } else {
        text
    };
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    let pad = text.starts_with('`')
        || text.ends_with('`')
        || (text.starts_with(' ') && text.ends_with(' ') && text.trim() != "");
    if pad {
        format!("{fence} {text} {fence}")
    } else {
        format!("{fence}{text}{fence}")
    }
}
