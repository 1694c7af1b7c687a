//! The reference's outline: which codes go in which section (by category,
//! by module type), and the one-line summaries of sections.

use super::text::{code_span, escape};
use crate::catalog::{Catalog, Category, Descriptor};
use crate::doc::Section as DocSection;
use crate::export::all_categories;

/// A section of the reference: a heading, an optional introduction, and the
/// codes it documents.
pub(super) struct Section {
    pub(super) heading: String,
    pub(super) intro: &'static str,
    pub(super) notes: Vec<String>,
    pub(super) entries: Vec<&'static Descriptor>,
    /// The appendices of an included type, after its entries.
    pub(super) appendices: &'static [DocSection],
}

/// Where a code of a composed catalog comes from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Origin {
    /// Declared by the catalog's type itself.
    Own,
    /// Included through the transparent variant at this index.
    Module(usize),
}

/// Every code of `catalog` in declaration order, each with the top-level
/// transparent variant it was included through; the same order as
/// [`Catalog::iter`].
pub(super) fn entries(catalog: &Catalog) -> Vec<(Origin, &'static Descriptor)> {
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
pub(super) fn retired_by_type(catalog: &Catalog) -> Vec<(&'static str, &'static str)> {
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
pub(super) fn by_category(
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
                appendices: &[],
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
            appendices: &[],
        });
    }
    sections
}

/// One section per included type, and one for the type's own codes, in the
/// order they are declared.
pub(super) fn by_module(
    catalog: &Catalog,
    entries: &[(Origin, &'static Descriptor)],
) -> Vec<Section> {
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
                        appendices: &[],
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

pub(super) fn module_section(included: &Catalog) -> Section {
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
        appendices: included.appendices(),
    }
}

/// The first paragraph of a doc comment, on one line.
pub(super) fn summary(doc: &str) -> String {
    doc.lines()
        .take_while(|line| !line.trim().is_empty())
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The sentence describing a catalog's code pattern and range, if declared.
pub(super) fn code_format(catalog: &Catalog) -> Option<String> {
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
pub(super) fn module_span(catalog: &Catalog) -> Option<String> {
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
pub(super) fn category_span(category: &Category) -> Option<String> {
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
pub(super) fn category_item(category: &Category) -> String {
    let name = code_span(category.name(), false);
    match (category_span(category), category.title()) {
        (Some(span), Some(title)) => format!("**{span}**: {} ({name})", escape(title)),
        (Some(span), None) => format!("**{span}**: {name}"),
        (None, Some(title)) => format!("{name}: {}", escape(title)),
        (None, None) => name,
    }
}
