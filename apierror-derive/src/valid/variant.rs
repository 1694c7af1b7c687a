//! One variant at a time: its code and category, and transparent variants;
//! and, across variants, what `decode` cannot tell apart.

use super::model::{Category, Entry, Message, Own, Rules};
use crate::base::ctxt::{closest, Ctxt};
use crate::grammar::code;
use crate::parse::ast::{Field, Variant};
use crate::parse::attr::StatusAttr;
use crate::parse::doc;
use proc_macro2::Span;

/// A transparent variant's codes are documented on the inner type's
/// variants: sections it would read here are reported, not dropped.
pub(super) fn transparent_doc(cx: &Ctxt, variant: &Variant) {
    let read = doc::variant(&Ctxt::default(), &variant.attrs.doc);
    let headings = read.causes.len()
        + read.resolution.len()
        + read.commands.len()
        + usize::from(read.example.is_some())
        + usize::from(read.solution.is_some());
    if headings > 0 {
        let span = variant
            .attrs
            .doc
            .iter()
            .find(|(line, _)| {
                line.strip_prefix("# ")
                    .is_some_and(|h| doc::HEADINGS.contains(&h.trim()))
            })
            .map_or_else(|| variant.ident.span(), |(_, span)| *span);
        cx.error_at(
            span,
            "a transparent variant's codes are documented on the inner type's variants: move `# Causes`, `# Example`, `# Resolution` and `# Solution` there",
        );
    }
}

pub(super) fn transparent<'a>(
    cx: &Ctxt,
    variant: &'a Variant<'a>,
    span: Span,
) -> Option<&'a Field<'a>> {
    let attrs = &variant.attrs;
    let conflicts = [
        (attrs.code.as_ref().map(syn::LitStr::span), "#[code]"),
        (attrs.message.as_ref().map(syn::LitStr::span), "#[message]"),
        (attrs.status.as_ref().map(StatusAttr::span), "#[status]"),
        (attrs.category.as_ref().map(syn::LitStr::span), "`category`"),
        (attrs.empty_details, "`empty_details`"),
        (attrs.title.as_ref().map(syn::LitStr::span), "`title`"),
        (attrs.kind.as_ref().map(syn::LitStr::span), "`kind`"),
        (attrs.grpc.as_ref().map(syn::LitStr::span), "`grpc`"),
        (attrs.log.as_ref().map(syn::LitStr::span), "`log`"),
        (attrs.class.as_ref().map(syn::LitStr::span), "`class`"),
    ];
    for (at, what) in conflicts {
        if let Some(at) = at {
            cx.error_at(
                at,
                format_args!("a transparent variant takes its code, status, message and details from the inner error: remove {what}"),
            );
        }
    }
    match variant.fields.as_slice() {
        [field] => Some(field),
        _ => {
            cx.error_at(
                span,
                format_args!(
                    "a transparent variant needs exactly one field, the inner error; `{}` has {}",
                    variant.ident,
                    variant.fields.len()
                ),
            );
            None
        }
    }
}

pub(super) fn variant_code(cx: &Ctxt, variant: &Variant, rules: &Rules) -> (Option<String>, Span) {
    if let Some(lit) = &variant.attrs.code {
        return (Some(lit.value()), lit.span());
    }
    if variant.attrs.code_written {
        // Written but unreadable: reported already.
        return (None, variant.ident.span());
    }
    let span = variant.ident.span();
    match rules.rule {
        Some(rule) => (
            Some(rule.apply(&rules.prefix, &variant.ident.to_string())),
            span,
        ),
        None if rules.rule_written || rules.unreadable || variant.attrs.unreadable => (None, span),
        None => {
            cx.error_at(
                span,
                format_args!(
                    "`{}` has no error code: add #[code(\"...\")] or a naming rule #[api_error(code = \"SCREAMING_SNAKE_CASE\")] on the type",
                    variant.ident
                ),
            );
            (None, span)
        }
    }
}

pub(super) fn check_code(
    cx: &Ctxt,
    code: &str,
    span: Span,
    rules: &Rules,
    retired: &[(String, Span)],
) {
    if let Err(message) = code::check_chars(code) {
        cx.error_at(span, message);
        return;
    }
    if retired.iter().any(|(r, _)| r == code) {
        cx.error_at(
            span,
            format_args!(
                "error code `{code}` is retired and may not be used again; choose a new code"
            ),
        );
    }
    let Some(pattern) = &rules.pattern else {
        return;
    };
    match pattern.number(code) {
        Err(message) => cx.error_at(span, message),
        Ok(number) => {
            if let Some(range) = &rules.range {
                if number < range.lo || number > range.hi {
                    cx.error_at(
                        span,
                        format_args!(
                            "code `{code}` lies outside the type's range {}..={}",
                            range.lo, range.hi
                        ),
                    );
                }
            }
        }
    }
}

pub(super) fn variant_category(
    cx: &Ctxt,
    named: Option<&syn::LitStr>,
    code: &str,
    span: Span,
    rules: &Rules,
    categories: &[Category],
) -> Option<String> {
    let number = rules.pattern.as_ref().and_then(|p| p.number(code).ok());
    // A category without range or prefix holds the codes that name it.
    let holds = |category: &Category| match (category.range, &category.prefix) {
        (Some((lo, hi)), _) => number.is_some_and(|n| lo <= n && n <= hi),
        (None, Some(prefix)) => code.starts_with(prefix.as_str()),
        (None, None) => named.is_some(),
    };
    if let Some(lit) = named {
        let name = lit.value();
        let Some(category) = categories.iter().find(|c| c.name == name) else {
            let hint = match closest(&name, categories.iter().map(|c| c.name.as_str())) {
                Some(close) => format!("; did you mean `{close}`?"),
                None if categories.is_empty() => {
                    "; declare it with #[api_error(category(name = \"...\", range = ...))]"
                        .to_owned()
                }
                None => format!(
                    "; declared categories: {}",
                    categories
                        .iter()
                        .map(|c| c.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            cx.error_at(lit.span(), format_args!("unknown category `{name}`{hint}"));
            return None;
        };
        if !holds(category) {
            cx.error_at(
                span,
                format_args!(
                    "code `{code}` lies outside category `{name}` ({})",
                    describe(category)
                ),
            );
        }
        return Some(name);
    }
    if categories.is_empty() {
        return None;
    }
    // The longest prefix, or the one range, that holds the code.
    let found = categories
        .iter()
        .filter(|c| holds(c))
        .max_by_key(|c| c.prefix.as_ref().map_or(0, String::len));
    match found {
        Some(category) => Some(category.name.clone()),
        None => {
            // Without a number, range categories cannot decide (already reported).
            let undecidable = number.is_none() && categories.iter().any(|c| c.range.is_some());
            if !undecidable {
                let all: Vec<String> = categories
                    .iter()
                    .map(|c| format!("{} ({})", c.name, describe(c)))
                    .collect();
                let hint = if categories
                    .iter()
                    .any(|c| c.range.is_none() && c.prefix.is_none())
                {
                    "; name its category with #[api_error(category = \"...\")]"
                } else {
                    ""
                };
                cx.error_at(
                    span,
                    format_args!(
                        "code `{code}` is in no category; categories: {}{hint}",
                        all.join(", ")
                    ),
                );
            }
            None
        }
    }
}

fn describe(category: &Category) -> String {
    match (category.range, &category.prefix) {
        (Some((lo, hi)), _) => format!("{lo}..={hi}"),
        (None, Some(prefix)) => format!("prefix `{prefix}`"),
        (None, None) => "by membership".to_owned(),
    }
}

/// With `decode`, an OpenAI-style body (which carries no code) is matched
/// to its variant by status, `type` and message. A message made only of
/// placeholders matches every message, so it cannot share its status with
/// another variant.
pub(super) fn decode_ambiguity(cx: &Ctxt, entries: &[Entry]) {
    let owns: Vec<&Own> = entries
        .iter()
        .filter_map(|entry| match entry {
            Entry::Own(own) => Some(own),
            Entry::Transparent { .. } => None,
        })
        .collect();
    for own in owns.iter().filter(|own| !own.literal) {
        let Some(other) = owns
            .iter()
            .find(|other| other.status == own.status && !std::ptr::eq(**other, *own))
        else {
            continue;
        };
        let Message::Formatted { span, .. } = &own.message else {
            continue;
        };
        cx.error_at(
            *span,
            format_args!(
                "with `decode`, an OpenAI-style body is matched to its variant by its message: `{}` is only placeholders and matches every message of status {}, so `{}` and `{}` cannot be told apart; add literal text to the message",
                own.template, own.status, own.variant.ident, other.variant.ident
            ),
        );
    }
}
