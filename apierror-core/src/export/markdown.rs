//! The Markdown error reference.

use super::all_categories;
use crate::catalog::{Catalog, Category, Descriptor};
use core::fmt::{self, Write};

/// The catalog as a Markdown error reference, in the style of published API
/// error references, readable as plain text and on GitHub.
///
/// The document has, in this order:
///
/// - a title, the type's name, with its doc comment as introduction, and the
///   number of codes;
/// - **Code format**: the code pattern and range, when the type declares them;
/// - **Categories**: the declared categories (with those of included types)
///   and their ranges or prefixes; or, for a type composed of others through
///   `#[api_error(transparent)]` variants and declaring no category of its
///   own, **Modules**: a table of the included types;
/// - **Index**: a table of every code with its status, variant and message,
///   each code linking to its entry;
/// - one section per category (or per included type, with its doc comment as
///   introduction; or a single **Errors** section for a plain type), in which
///   every code has an entry `### CODE: Title` listing its HTTP status, Rust
///   variant, message template, description (the variant's doc comment),
///   details fields with their Rust types, and kind and `Retry-After` when
///   they apply. The title is the variant's `#[api_error(title = "...")]`, or
///   else its message;
/// - **Retired codes**: [`Catalog::all_retired`], with the type retiring each.
///
/// Each entry is preceded by an HTML anchor named after the code
/// (`<a id="ERR-01-001"></a>`), so `reference.md#ERR-01-001` links to it: a
/// `type_url` such as `"https://docs.example.com/errors#{code}"` can point at
/// the published reference.
///
/// Doc comments are Markdown already and are copied as written. Messages,
/// titles and category titles are plain text: their Markdown-significant
/// characters (`*`, `_`, `<`, `[`, `|`, `$`, ...) are backslash-escaped and
/// line breaks become spaces. Where a message stands as prose (headings, the
/// index), its placeholders are set as code (`` `{name}` ``); the
/// **Message** line gives the template exactly, as a code span.
///
/// The output depends on the catalog alone (declaration order, no hashing):
/// the same catalog always gives the same text.
///
/// ```
/// use apierror::ApiError;
///
/// /// Errors of the inventory module.
/// #[derive(Debug, ApiError)]
/// #[api_error(pattern = "INV-####", range = 1000..=2999)]
/// #[api_error(category(name = "node", range = 1000..=1999, title = "Node errors"))]
/// #[api_error(category(name = "quota", range = 2000..=2999, title = "Quota errors"))]
/// pub enum InventoryError {
///     /// Raised when the node has too few vCPUs.
///     #[code("INV-1001")]
///     #[status(409)]
///     #[message("The selected node does not have enough CPU capacity")]
///     InsufficientVcpu { requested: u32, available: u32 },
///
///     #[code("INV-2001")]
///     #[status(403)]
///     #[message("Your account has reached its resource quota")]
///     QuotaExceeded,
/// }
///
/// let markdown = apierror::export::markdown(InventoryError::CATALOG);
/// assert!(markdown.contains("\n## Node errors (1000-1999)\n"));
/// assert!(markdown.contains(concat!(
///     "<a id=\"INV-1001\"></a>\n\n",
///     "### INV-1001: The selected node does not have enough CPU capacity\n\n",
///     "- **HTTP Status**: 409 Conflict\n",
///     "- **Variant**: `InventoryError::InsufficientVcpu`\n",
///     "- **Message**: `The selected node does not have enough CPU capacity`\n",
///     "- **Description**: Raised when the node has too few vCPUs.\n",
///     "- **Details**:\n",
///     "  - `requested`: `u32`\n",
///     "  - `available`: `u32`\n",
/// )));
/// assert!(markdown.contains("| [INV-2001](#INV-2001) | 403 | `InventoryError::QuotaExceeded` |"));
/// ```
pub fn markdown(catalog: &Catalog) -> String {
    let mut out = String::new();
    write_markdown(&mut out, catalog).expect("writing into a String does not fail");
    out
}

/// A section of the reference: a heading, an optional introduction, and the
/// codes it documents.
struct Section {
    heading: String,
    intro: &'static str,
    notes: Vec<String>,
    entries: Vec<&'static Descriptor>,
}

/// Where a code of a composed catalog comes from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// Declared by the catalog's type itself.
    Own,
    /// Included through the transparent variant at this index.
    Module(usize),
}

fn write_markdown(out: &mut String, catalog: &Catalog) -> fmt::Result {
    let type_name = catalog.type_name();
    writeln!(out, "# {}", escape(type_name))?;
    if !catalog.description().is_empty() {
        writeln!(out, "\n{}", catalog.description())?;
    }

    let count = catalog.len();
    writeln!(
        out,
        "\n{count} error {}.",
        if count == 1 { "code" } else { "codes" }
    )?;

    if let Some(format) = code_format(catalog) {
        writeln!(out, "\n## Code format\n\n{format}")?;
    }

    let entries = entries(catalog);
    let sections = if !catalog.categories().is_empty() {
        let categories = all_categories(catalog);
        writeln!(out, "\n## Categories\n")?;
        for category in &categories {
            writeln!(out, "- {}", category_item(category))?;
        }
        by_category(&entries, &categories)
    } else if !catalog.transparent().is_empty() {
        writeln!(out, "\n## Modules\n")?;
        writeln!(out, "| Module | Code format | Codes | Description |")?;
        writeln!(out, "|--------|-------------|-------|-------------|")?;
        for transparent in catalog.transparent() {
            let included = transparent.catalog();
            writeln!(
                out,
                "| `{}` | {} | {} | {} |",
                included.type_name(),
                module_span(included)
                    .unwrap_or_default()
                    .replace('|', "\\|"),
                included.len(),
                summary(included.description()).replace('|', "\\|"),
            )?;
        }
        by_module(catalog, &entries)
    } else {
        vec![Section {
            heading: "Errors".to_owned(),
            intro: "",
            notes: Vec::new(),
            entries: entries.iter().map(|&(_, d)| d).collect(),
        }]
    };

    if count > 0 {
        writeln!(out, "\n## Index\n")?;
        writeln!(out, "| Code | HTTP Status | Variant | Message |")?;
        writeln!(out, "|------|-------------|---------|---------|")?;
        for section in &sections {
            for d in &section.entries {
                writeln!(
                    out,
                    "| [{code}](#{code}) | {} | {} | {} |",
                    d.status().as_u16(),
                    code_span(&variant_path(d), true),
                    escape_template(d.message(), true),
                    code = d.code(),
                )?;
            }
        }
    }

    for section in &sections {
        writeln!(out, "\n## {}", section.heading)?;
        if !section.intro.is_empty() {
            writeln!(out, "\n{}", section.intro)?;
        }
        for note in &section.notes {
            writeln!(out, "\n{note}")?;
        }
        for d in &section.entries {
            write_entry(out, d)?;
        }
    }

    writeln!(out, "\n## Retired codes\n")?;
    let retired = retired_by_type(catalog);
    if retired.is_empty() {
        writeln!(out, "No code has been retired.")?;
    } else {
        writeln!(
            out,
            "These codes were used once and are never reused, so that a code \
             always keeps the meaning it was published with.\n"
        )?;
        for (owner, code) in retired {
            writeln!(out, "- `{code}` (retired by `{owner}`)")?;
        }
    }
    Ok(())
}

/// One code's entry: anchor, heading and its facts as a list.
fn write_entry(out: &mut String, d: &Descriptor) -> fmt::Result {
    let title = match d.title() {
        Some(title) => escape(title),
        None => escape_template(d.message(), false),
    };
    writeln!(out, "\n<a id=\"{code}\"></a>\n", code = d.code())?;
    writeln!(out, "### {}: {title}\n", d.code())?;
    writeln!(out, "- **HTTP Status**: {}", status_text(d))?;
    writeln!(out, "- **Variant**: {}", code_span(&variant_path(d), false))?;
    writeln!(out, "- **Message**: {}", code_span(d.message(), false))?;
    if let Some(kind) = d.kind() {
        writeln!(out, "- **Kind**: {}", code_span(kind, false))?;
    }
    if !d.description().is_empty() {
        writeln!(out, "- **Description**: {}", indented(d.description()))?;
    }
    if !d.fields().is_empty() {
        writeln!(out, "- **Details**:")?;
        for (i, field) in d.fields().iter().enumerate() {
            write!(out, "  - {}", code_span(field, false))?;
            if let Some(ty) = d.field_types().get(i) {
                write!(out, ": {}", code_span(ty, false))?;
            }
            writeln!(out)?;
        }
    } else if d.has_details() {
        writeln!(out, "- **Details**: always sent, empty (`{{}}`)")?;
    }
    if d.has_retry_after() {
        writeln!(
            out,
            "- **Retry-After**: the response carries a `Retry-After` header, in seconds"
        )?;
    }
    Ok(())
}

/// Every code of `catalog` in declaration order, each with the top-level
/// transparent variant it was included through; the same order as
/// [`Catalog::iter`].
fn entries(catalog: &Catalog) -> Vec<(Origin, &'static Descriptor)> {
    let mut out = Vec::with_capacity(catalog.len());
    let transparent = catalog.transparent();
    let mut next = 0;
    let mut include_up_to = |out: &mut Vec<_>, own: usize| {
        while let Some(t) = transparent.get(next) {
            if t.position > own {
                break;
            }
            out.extend(t.catalog.iter().map(|d| (Origin::Module(next), d)));
            next += 1;
        }
    };
    for (i, d) in catalog.own().iter().enumerate() {
        include_up_to(&mut out, i);
        out.push((Origin::Own, d));
    }
    include_up_to(&mut out, usize::MAX);
    out
}

/// `all_retired`, each code with the type that retired it.
fn retired_by_type(catalog: &Catalog) -> Vec<(&'static str, &'static str)> {
    fn walk(catalog: &Catalog, out: &mut Vec<(&'static str, &'static str)>) {
        out.extend(catalog.retired().iter().map(|&c| (catalog.type_name(), c)));
        for transparent in catalog.transparent() {
            walk(transparent.catalog(), out);
        }
    }
    let mut out = Vec::new();
    walk(catalog, &mut out);
    out
}

/// One section per category holding codes, in the categories' order, then
/// "Other errors" for codes in none of them.
fn by_category(
    entries: &[(Origin, &'static Descriptor)],
    categories: &[&'static Category],
) -> Vec<Section> {
    let mut sections: Vec<Section> = categories
        .iter()
        .map(|category| {
            let mut heading = match category.title() {
                Some(title) => escape(title),
                None => escape(category.name()),
            };
            if let Some(span) = category_span(category) {
                heading.push_str(&format!(" ({span})"));
            }
            Section {
                heading,
                intro: "",
                notes: Vec::new(),
                entries: Vec::new(),
            }
        })
        .collect();
    let mut other = Vec::new();
    for &(_, d) in entries {
        let index = d
            .category()
            .and_then(|name| categories.iter().position(|c| c.name() == name));
        match index {
            Some(i) => sections[i].entries.push(d),
            None => other.push(d),
        }
    }
    sections.retain(|s| !s.entries.is_empty());
    if !other.is_empty() {
        sections.push(Section {
            heading: "Other errors".to_owned(),
            intro: "",
            notes: Vec::new(),
            entries: other,
        });
    }
    sections
}

/// One section per included type, and one for the type's own codes, in the
/// order they are declared.
fn by_module(catalog: &Catalog, entries: &[(Origin, &'static Descriptor)]) -> Vec<Section> {
    let mut keys: Vec<Origin> = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    for &(origin, d) in entries {
        let index = match keys.iter().position(|&k| k == origin) {
            Some(index) => index,
            None => {
                let section = match origin {
                    Origin::Own => Section {
                        heading: escape(catalog.type_name()),
                        intro: "",
                        notes: Vec::new(),
                        entries: Vec::new(),
                    },
                    Origin::Module(t) => module_section(catalog.transparent()[t].catalog()),
                };
                keys.push(origin);
                sections.push(section);
                sections.len() - 1
            }
        };
        sections[index].entries.push(d);
    }
    sections
}

fn module_section(included: &Catalog) -> Section {
    let mut heading = escape(included.type_name());
    if let Some(span) = module_span(included) {
        heading.push_str(&format!(" ({span})"));
    }
    // The pattern is in the heading already; the range and the categories
    // are not.
    let mut notes = Vec::new();
    if let (Some(_), Some(_)) = (included.pattern(), included.range()) {
        notes.extend(code_format(included));
    }
    let categories = all_categories(included);
    if !categories.is_empty() {
        let list: Vec<String> = categories
            .iter()
            .map(|c| match category_span(c) {
                Some(span) => format!("{} ({span})", code_span(c.name(), false)),
                None => code_span(c.name(), false),
            })
            .collect();
        let label = if list.len() == 1 {
            "Category"
        } else {
            "Categories"
        };
        notes.push(format!("{label}: {}.", list.join(", ")));
    }
    Section {
        heading,
        intro: included.description(),
        notes,
        entries: Vec::new(),
    }
}

/// The first paragraph of a doc comment, on one line.
fn summary(doc: &str) -> String {
    doc.lines()
        .take_while(|line| !line.trim().is_empty())
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The sentence describing a catalog's code pattern and range, if declared.
fn code_format(catalog: &Catalog) -> Option<String> {
    match (catalog.pattern(), catalog.range()) {
        (Some(pattern), Some((lo, hi))) => Some(format!(
            "Codes follow the pattern `{pattern}`, where each `#` is a digit; \
             the number they form lies between {lo} and {hi}."
        )),
        (Some(pattern), None) => Some(format!(
            "Codes follow the pattern `{pattern}`, where each `#` is a digit."
        )),
        (None, Some((lo, hi))) => Some(format!("Code numbers lie between {lo} and {hi}.")),
        (None, None) => None,
    }
}

/// What an included type's codes look like, for its heading: its pattern, or
/// else the ranges and prefixes of its categories.
fn module_span(catalog: &Catalog) -> Option<String> {
    if let Some(pattern) = catalog.pattern() {
        return Some(format!("`{pattern}`"));
    }
    let spans: Vec<String> = all_categories(catalog)
        .iter()
        .filter_map(|c| category_span(c))
        .collect();
    (!spans.is_empty()).then(|| spans.join(", "))
}

/// `1000-1999`, `` `AUTH_*` ``, or both.
fn category_span(category: &Category) -> Option<String> {
    let mut parts = Vec::new();
    if let Some((lo, hi)) = category.range() {
        parts.push(format!("{lo}-{hi}"));
    }
    if let Some(prefix) = category.prefix() {
        parts.push(code_span(&format!("{prefix}*"), false));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// `**1000-1999**: Component errors (`component`)`
fn category_item(category: &Category) -> String {
    let name = code_span(category.name(), false);
    match (category_span(category), category.title()) {
        (Some(span), Some(title)) => format!("**{span}**: {} ({name})", escape(title)),
        (Some(span), None) => format!("**{span}**: {name}"),
        (None, Some(title)) => format!("{name}: {}", escape(title)),
        (None, None) => name,
    }
}

fn status_text(d: &Descriptor) -> String {
    let status = d.status();
    match status.canonical_reason() {
        Some(reason) => format!("{} {reason}", status.as_u16()),
        None => format!("{} (non-standard)", status.as_u16()),
    }
}

fn variant_path(d: &Descriptor) -> String {
    if d.variant() == d.type_name() {
        d.type_name().to_owned()
    } else {
        format!("{}::{}", d.type_name(), d.variant())
    }
}

/// A doc comment continued inside a list item: every line after the first
/// indented by two spaces.
fn indented(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str("  ");
            }
        }
        out.push_str(line);
    }
    out
}

/// Plain text made safe for Markdown inline content: characters that could
/// start emphasis, links, HTML, code, math or a table cell are
/// backslash-escaped, line breaks become spaces.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
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

/// A message template as prose: [`escape`]d, its placeholders (`{name}`,
/// `{0:.2}`) as code spans, `{{` and `}}` as the braces they stand for.
fn escape_template(template: &str, in_table: bool) -> String {
    let text = |s: &str| escape(&s.replace("}}", "}"));
    let mut out = String::with_capacity(template.len() + 8);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, from) = rest.split_at(open);
        out.push_str(&text(before));
        if let Some(after) = from.strip_prefix("{{") {
            out.push('{');
            rest = after;
            continue;
        }
        match from.find('}') {
            Some(close) => {
                out.push_str(&code_span(&from[..=close], in_table));
                rest = &from[close + 1..];
            }
            None => {
                out.push_str(&text(from));
                rest = "";
            }
        }
    }
    out.push_str(&text(rest));
    out
}

/// `text` as a Markdown code span, fenced with enough backticks; in a table
/// cell, pipes are escaped too (GitHub tables split on them even in code).
fn code_span(text: &str, in_table: bool) -> String {
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
