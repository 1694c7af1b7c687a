//! The Markdown error reference.

mod sections;
mod text;
use super::{all_categories, all_status_docs, Export, Settings};
use crate::catalog::{Catalog, Category, Descriptor};
use crate::doc::{Block, Section as DocSection};
use core::fmt::{self, Write};
use sections::*;
use text::*;

impl Export {
    /// The catalog as a Markdown error reference, in the style of published API
    /// error references, readable as plain text and on GitHub.
    ///
    /// The document has, in this order:
    ///
    /// - a title, the type's name, with its doc comment up to its first heading
    ///   as introduction, and the number of codes;
    /// - **Code format**: the code pattern and range, when the type declares them;
    /// - **Categories**: the declared categories (with those of included types)
    ///   and their ranges or prefixes; or, for a type composed of others through
    ///   `#[api_error(transparent)]` variants and declaring no category of its
    ///   own, **Modules**: a table of the included types;
    /// - **Index**: a table of every code with its status, variant and message,
    ///   each code linking to its entry;
    /// - **HTTP Status Codes**: every status the codes use or the type documents
    ///   (`#[api_error(status_doc(429, "...", "..."))]`), with its reason
    ///   phrase, the attached description and troubleshooting text, and its codes;
    /// - one section per category (or per included type, with its doc comment as
    ///   introduction and its appendices after its codes; or a single **Errors**
    ///   section for a plain type). A section whose codes document a
    ///   `# Solution` opens with a table of messages, causes and solutions. Then
    ///   every code has an entry `### CODE: Title` listing its HTTP status, Rust
    ///   variant, class (`#[api_error(class = "...")]`), message template, kind,
    ///   category, documentation URL (`doc_url`), details fields with their Rust
    ///   types and doc comments, and `Retry-After`, as they apply; then what its
    ///   doc comment says (see [`doc`](crate::doc)): **Description**, **Common
    ///   Causes**, **Example Error**, **Resolution Steps** with their command
    ///   blocks, **Solution**, and its other sections under `####` headings. The
    ///   title is the variant's `#[api_error(title = "...")]`, or else its message;
    /// - **Retired codes**: [`Catalog::all_retired`], with the type retiring each;
    /// - the sections of the type's doc comment (`# Getting Help`) as appendices,
    ///   under `##` headings (headings inside them moved down one level).
    ///
    /// Each entry is preceded by an HTML anchor named after the code
    /// (`<a id="ERR-01-001"></a>`), so `reference.md#ERR-01-001` links to it: a
    /// `type_url` such as `"https://docs.example.com/errors#{code}"` can point at
    /// the published reference.
    ///
    /// Doc comments are Markdown already and are copied as written; headings in
    /// them move down to sit under the entry's. Messages,
    /// titles and category titles are plain text: their Markdown-significant
    /// characters (`*`, `_`, `<`, `[`, `|`, `$`, ...) are backslash-escaped and
    /// line breaks become spaces. Where a message stands as prose (headings, the
    /// index), its placeholders are set as code (`` `{name}` ``); the
    /// **Message** line gives the template exactly, as a code span, and a
    /// translated type's **Translations** list each language's the same way.
    ///
    /// The output depends on the catalog alone (declaration order, no hashing):
    /// the same catalog always gives the same text.
    ///
    /// ```
    /// use apierror::export::Export;
    /// use apierror::ApiError;
    ///
    /// /// Errors of the inventory module.
    /// ///
    /// /// # Getting Help
    /// /// Note the `request_id` and contact support.
    /// #[derive(Debug, ApiError)]
    /// #[api_error(pattern = "INV-####", range = 1000..=2999)]
    /// #[api_error(category(name = "node", range = 1000..=1999, title = "Node errors"))]
    /// #[api_error(category(name = "quota", range = 2000..=2999, title = "Quota errors"))]
    /// #[api_error(status_doc(409, "Resource state conflict", "Pick another node"))]
    /// pub enum InventoryError {
    ///     /// Raised when the node has too few vCPUs.
    ///     ///
    ///     /// # Causes
    ///     /// - The instance type asks for more vCPUs than the node has free
    ///     ///
    ///     /// # Resolution
    ///     /// 1. **Pick a smaller instance type**
    ///     ///
    ///     /// ```sh
    ///     /// inventory nodes --free-cpu
    ///     /// ```
    ///     #[code("INV-1001")]
    ///     #[status(409)]
    ///     #[message("The selected node does not have enough CPU capacity")]
    ///     #[api_error(class = "InsufficientVcpuError")]
    ///     InsufficientVcpu {
    ///         /// vCPUs the request asks for.
    ///         requested: u32,
    ///         available: u32,
    ///     },
    ///
    ///     #[code("INV-2001")]
    ///     #[status(403)]
    ///     #[message("Your account has reached its resource quota")]
    ///     QuotaExceeded,
    /// }
    ///
    /// let markdown = Export::markdown(InventoryError::CATALOG);
    /// assert!(markdown.contains("\n## Node errors (1000-1999)\n"));
    /// assert!(markdown.contains(concat!(
    ///     "<a id=\"INV-1001\"></a>\n\n",
    ///     "### INV-1001: The selected node does not have enough CPU capacity\n\n",
    ///     "- **HTTP Status**: 409 Conflict\n",
    ///     "- **Variant**: `InventoryError::InsufficientVcpu`\n",
    ///     "- **Class**: `InsufficientVcpuError`\n",
    ///     "- **Message**: `The selected node does not have enough CPU capacity`\n",
    ///     "- **Category**: Node errors\n",
    ///     "- **Details**:\n",
    ///     "  - `requested`: `u32` — vCPUs the request asks for.\n",
    ///     "  - `available`: `u32`\n",
    ///     "\n**Description**: Raised when the node has too few vCPUs.\n",
    ///     "\n**Common Causes**:\n",
    ///     "- The instance type asks for more vCPUs than the node has free\n",
    ///     "\n**Resolution Steps**:\n",
    ///     "1. **Pick a smaller instance type**\n",
    ///     "\n```sh\ninventory nodes --free-cpu\n```\n",
    /// )));
    /// assert!(markdown.contains("| 409 | Conflict | Resource state conflict | Pick another node | [INV-1001](#INV-1001) |"));
    /// assert!(markdown.ends_with("\n## Getting Help\n\nNote the `request_id` and contact support.\n"));
    /// assert!(markdown.contains("| [INV-2001](#INV-2001) | 403 | `InventoryError::QuotaExceeded` |"));
    /// ```
    pub fn markdown(catalog: &Catalog) -> String {
        let mut out = String::new();
        write_markdown(&mut out, catalog).expect("writing into a String does not fail");
        out
    }
}

fn write_markdown(out: &mut String, catalog: &Catalog) -> fmt::Result {
    let type_name = catalog.type_name();
    writeln!(out, "# {}", escape(type_name))?;
    if !catalog.description().is_empty() {
        writeln!(out, "\n{}", catalog.description())?;
    }

    if let Some(class) = catalog.class() {
        writeln!(
            out,
            "\nThe classes of these errors derive from {}.",
            code_span(class, false)
        )?;
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
            appendices: &[],
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
                    escape_template(d, true),
                    code = d.code(),
                )?;
            }
        }
    }

    if count > 0 {
        write_statuses(out, catalog)?;
    }

    let resolved = Resolved::new(catalog);
    for section in &sections {
        writeln!(out, "\n## {}", section.heading)?;
        if !section.intro.is_empty() {
            writeln!(out, "\n{}", section.intro)?;
        }
        for note in &section.notes {
            writeln!(out, "\n{note}")?;
        }
        write_solutions(out, &section.entries)?;
        for d in &section.entries {
            write_entry(out, &resolved, d, 3)?;
        }
        for appendix in section.appendices {
            write_appendix(out, appendix, 3)?;
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
    for appendix in catalog.appendices() {
        write_appendix(out, appendix, 2)?;
    }
    Ok(())
}

/// A section of a type's doc comment under a heading of `level`, the
/// headings in its body moved down to follow it.
fn write_appendix(out: &mut String, appendix: &DocSection, level: usize) -> fmt::Result {
    if appendix.heading().is_empty() {
        writeln!(out, "\n{}", shift_headings(appendix.body(), level - 1))?;
        return Ok(());
    }
    writeln!(out, "\n{} {}", "#".repeat(level), appendix.heading())?;
    if !appendix.body().is_empty() {
        writeln!(out, "\n{}", shift_headings(appendix.body(), level - 1))?;
    }
    Ok(())
}

/// `**HTTP Status Codes**`: each status the codes use, and each the type
/// documents, with its reason phrase, the text attached to it, and its codes.
fn write_statuses(out: &mut String, catalog: &Catalog) -> fmt::Result {
    let docs = all_status_docs(catalog);
    let mut statuses: Vec<u16> = catalog.iter().map(|d| d.status().as_u16()).collect();
    statuses.extend(docs.iter().map(|s| s.status()));
    statuses.sort_unstable();
    statuses.dedup();
    let described = !docs.is_empty();
    let troubleshooting = docs.iter().any(|s| s.troubleshooting().is_some());
    writeln!(out, "\n## HTTP Status Codes\n")?;
    let mut header = String::from("| Status | Meaning |");
    let mut rule = String::from("|--------|---------|");
    if described {
        header.push_str(" Description |");
        rule.push_str("-------------|");
    }
    if troubleshooting {
        header.push_str(" Troubleshooting |");
        rule.push_str("-----------------|");
    }
    header.push_str(" Codes |");
    rule.push_str("-------|");
    writeln!(out, "{header}\n{rule}")?;
    for status in statuses {
        let doc = docs.iter().find(|s| s.status() == status);
        let reason = http::StatusCode::from_u16(status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or("(non-standard)");
        write!(out, "| {status} | {reason} |")?;
        if described {
            write!(
                out,
                " {} |",
                doc.map_or(String::new(), |d| cell(d.description()))
            )?;
        }
        if troubleshooting {
            let text = doc
                .and_then(|d| d.troubleshooting())
                .map_or(String::new(), cell);
            write!(out, " {text} |")?;
        }
        let codes: Vec<String> = catalog
            .iter()
            .filter(|d| d.status().as_u16() == status)
            .map(|d| format!("[{code}](#{code})", code = d.code()))
            .collect();
        writeln!(out, " {} |", codes.join(", "))?;
    }
    Ok(())
}

/// A table of the section's messages with their cause and solution, when
/// its codes document one-line solutions: the shape of references that list
/// errors by message.
fn write_solutions(out: &mut String, entries: &[&'static Descriptor]) -> fmt::Result {
    if !entries.iter().any(|d| d.docs().solution().is_some()) {
        return Ok(());
    }
    writeln!(out, "\n| Error Message | HTTP Code | Cause | Solution |")?;
    writeln!(out, "|---------------|-----------|-------|----------|")?;
    for d in entries {
        let docs = d.docs();
        writeln!(
            out,
            "| [{}](#{}) | {} | {} | {} |",
            code_span(&crate::template::documented(d.pieces()), true),
            d.code(),
            d.status().as_u16(),
            cell(&docs.causes().join("; ")),
            docs.solution().map_or(String::new(), cell),
        )?;
    }
    Ok(())
}

// `Catalog::explain` is the reference's entry of one code: it lives here,
// with the reference, and the catalog (the model layer) knows nothing of
// Markdown.
impl Catalog {
    /// Everything the reference says about `code`, as Markdown, like
    /// `rustc --explain`: its status, variant, class, message, kind,
    /// category, documentation URL and details, then its description,
    /// causes, example, resolution steps and commands, solution and other
    /// sections. `None` for a code the type does not have.
    ///
    /// ```
    /// use apierror::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum ChoreoError {
    ///     /// Component specification contains invalid configuration.
    ///     ///
    ///     /// # Causes
    ///     /// - Unsupported runtime specified
    ///     ///
    ///     /// # Resolution
    ///     /// 1. **Verify runtime**: Use supported runtimes
    ///     ///
    ///     /// ```bash
    ///     /// choreo runtime list
    ///     /// ```
    ///     #[code("CHOREO-1001")]
    ///     #[status(400)]
    ///     #[message("Component validation failed")]
    ///     ValidationFailed,
    /// }
    ///
    /// let text = ChoreoError::CATALOG.explain("CHOREO-1001").unwrap();
    /// assert!(text.contains("# CHOREO-1001: Component validation failed\n"));
    /// assert!(text.contains("**Common Causes**:\n- Unsupported runtime specified\n"));
    /// assert!(text.contains("1. **Verify runtime**: Use supported runtimes\n"));
    /// assert!(text.contains("```bash\nchoreo runtime list\n```"));
    /// assert!(ChoreoError::CATALOG.explain("CHOREO-9999").is_none());
    /// ```
    #[cfg(feature = "export")]
    pub fn explain(&self, code: &str) -> Option<String> {
        // A code's whole entry, headed `# CODE: Title` (no anchor).
        let d = self.find(code)?;
        let mut out = String::new();
        write_entry(&mut out, &Resolved::new(self), d, 1)
            .expect("writing into a String does not fail");
        Some(out.trim_start_matches('\n').to_owned())
    }
}

/// What a code's doc comment says, as Markdown (its description, causes,
/// example, resolution steps and commands, solution, other sections): the
/// OpenAPI document's example descriptions.
#[cfg_attr(not(feature = "utoipa"), allow(dead_code))]
pub(crate) fn docs(d: &Descriptor) -> String {
    let mut out = String::new();
    write_docs(&mut out, d, 3, false).expect("writing into a String does not fail");
    out.trim().to_owned()
}

/// One code's entry: anchor, heading (of `level`), its facts as a list,
/// then what its doc comment says, section by section.
/// What entries read of the whole catalog, resolved once per export.
struct Resolved {
    settings: Settings,
    categories: Vec<&'static Category>,
}

impl Resolved {
    fn new(catalog: &Catalog) -> Self {
        Resolved {
            settings: Settings::new(catalog),
            categories: all_categories(catalog),
        }
    }
}

fn write_entry(out: &mut String, resolved: &Resolved, d: &Descriptor, level: usize) -> fmt::Result {
    let title = match d.title() {
        Some(title) => escape(title),
        None => escape_template(d, false),
    };
    let docs = d.docs();
    // Anchors are for links within the reference; a lone entry has none.
    if level > 1 {
        writeln!(out, "\n<a id=\"{code}\"></a>", code = d.code())?;
    }
    writeln!(out, "\n{} {}: {title}\n", "#".repeat(level), d.code())?;
    writeln!(out, "- **HTTP Status**: {}", status_text(d))?;
    writeln!(out, "- **Variant**: {}", code_span(&variant_path(d), false))?;
    if let Some(class) = docs.class() {
        writeln!(out, "- **Class**: {}", code_span(class, false))?;
    }
    writeln!(
        out,
        "- **Message**: {}",
        code_span(&crate::template::documented(d.pieces()), false)
    )?;
    if !d.translations().is_empty() {
        writeln!(out, "- **Translations**:")?;
        for (language, text) in d.translations() {
            writeln!(
                out,
                "  - {}: {}",
                code_span(language, false),
                code_span(text, false)
            )?;
        }
    }
    if let Some(kind) = d.kind() {
        writeln!(out, "- **Kind**: {}", code_span(kind, false))?;
    }
    if let Some(category) = d.category() {
        let title = resolved
            .categories
            .iter()
            .find(|c| c.name() == category)
            .and_then(|c| c.title());
        match title {
            Some(title) => writeln!(out, "- **Category**: {}", escape(title))?,
            None => writeln!(out, "- **Category**: {}", code_span(category, false))?,
        }
    }
    if let Some(url) = resolved.settings.doc_url(d) {
        writeln!(out, "- **Documentation**: <{url}>")?;
    }
    if !d.fields().is_empty() {
        writeln!(out, "- **Details**:")?;
        for (i, field) in d.fields().iter().enumerate() {
            write!(out, "  - {}", code_span(field, false))?;
            if let Some(ty) = d.field_types().get(i) {
                write!(out, ": {}", code_span(ty, false))?;
            }
            match docs.fields().get(i) {
                Some(doc) if !doc.is_empty() => writeln!(out, " — {}", indented(doc, 4))?,
                _ => writeln!(out)?,
            }
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
    write_docs(out, d, level, true)
}

/// What a code's doc comment says, as the reference shows it.
fn write_docs(out: &mut String, d: &Descriptor, level: usize, label: bool) -> fmt::Result {
    let docs = d.docs();
    if !docs.description().is_empty() {
        let label = if label { "**Description**: " } else { "" };
        writeln!(out, "\n{label}{}", docs.description())?;
    }
    let (untitled, titled): (Vec<&DocSection>, Vec<&DocSection>) =
        docs.sections().iter().partition(|s| s.heading().is_empty());
    for section in untitled {
        writeln!(out, "\n{}", shift_headings(section.body(), level))?;
    }
    if !docs.causes().is_empty() {
        writeln!(out, "\n**Common Causes**:")?;
        for cause in docs.causes() {
            writeln!(out, "- {}", indented(cause, 2))?;
        }
    }
    if let Some(example) = docs.example() {
        writeln!(out, "\n**Example Error**:")?;
        write_block(out, &example)?;
    }
    if !docs.resolution().is_empty() || !docs.commands().is_empty() {
        writeln!(out, "\n**Resolution Steps**:")?;
        for (i, step) in docs.resolution().iter().enumerate() {
            writeln!(out, "{}. {}", i + 1, indented(step, 3))?;
        }
        for block in docs.commands() {
            write_block(out, block)?;
        }
    }
    if let Some(solution) = docs.solution() {
        writeln!(out, "\n**Solution**: {solution}")?;
    }
    for section in titled {
        writeln!(
            out,
            "\n{} {}",
            "#".repeat((level + 1).min(6)),
            section.heading()
        )?;
        if !section.body().is_empty() {
            writeln!(out, "\n{}", shift_headings(section.body(), level))?;
        }
    }
    Ok(())
}

/// A fenced block, fenced with more backticks than it holds in a row.
fn write_block(out: &mut String, block: &Block) -> fmt::Result {
    let mut longest = 0;
    for line in block.code().lines() {
        let run = line.trim_start().chars().take_while(|c| *c == '`').count();
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest.max(2) + 1);
    writeln!(out, "\n{fence}{}\n{}\n{fence}", block.lang(), block.code())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_leaves_plain_ampersands() {
        assert_eq!(escape("a & b"), "a & b");
        assert_eq!(escape("a &amp; b &#38; c &x"), "a \\&amp; b \\&\\#38; c &x");
        assert_eq!(escape("*x* <y>"), "\\*x\\* \\<y\\>");
    }

    #[test]
    fn headings_move_down_outside_fences() {
        assert_eq!(
            shift_headings("# A\n```bash\n# comment\n```\n## B\n#nohead", 2),
            "### A\n```bash\n# comment\n```\n#### B\n#nohead"
        );
        assert_eq!(shift_headings("###### deep", 3), "###### deep");
    }
}
