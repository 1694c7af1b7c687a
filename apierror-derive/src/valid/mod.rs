//! Checks the parsed input and resolves it into plain data for codegen:
//! codes against patterns, ranges, categories and retired codes, duplicates,
//! statuses, message placeholders against fields.

mod container;
mod fields;
mod locale;
#[cfg(test)]
mod locale_tests;
mod message;
mod model;
mod response;
#[cfg(test)]
pub(crate) mod tests;
mod toml_subset;
mod variant;

use crate::base::ctxt::Ctxt;
use crate::grammar::code;
use crate::grammar::status;
use crate::parse::ast::Input;
use crate::parse::doc;
use container::{categories, container_rules, doc_url, format_of, retired, status_docs};
use fields::{
    details, field_rules, headers, log_level, problem_members, single, source, transparent_field,
    violations,
};
use message::{internal_message, variant_message};
pub use model::*;
use proc_macro2::Span;
use std::collections::BTreeMap;
use variant::{
    check_code, decode_ambiguity, transparent, transparent_doc, variant_category, variant_code,
};

pub fn check<'a>(cx: &Ctxt, input: &'a Input<'a>) -> Model<'a> {
    let attrs = &input.attrs;
    let rules = container_rules(cx, input);
    let categories = categories(cx, input, &rules);
    let retired = retired(cx, input, &rules);

    let mut entries = Vec::new();
    let mut seen: BTreeMap<String, Span> = BTreeMap::new();
    for variant in &input.variants {
        if let Some(span) = variant.attrs.transparent {
            transparent_doc(cx, variant);
            if let Some(field) = transparent(cx, variant, span) {
                transparent_field(cx, field);
                entries.push(Entry::Transparent { variant, field });
            }
            continue;
        }
        let (code, code_span) = variant_code(cx, variant, &rules);
        if let Some(code) = &code {
            check_code(cx, code, code_span, &rules, &retired);
            if let Some(first) = seen.get(code) {
                cx.error_at(code_span, format_args!("duplicate error code `{code}`"));
                cx.error_at(*first, format_args!("`{code}` is first used here"));
            } else {
                seen.insert(code.clone(), code_span);
            }
        }
        // A struct names its category on itself.
        let named_category = if input.is_struct {
            attrs.category.as_ref()
        } else {
            variant.attrs.category.as_ref()
        };
        let category = code.as_deref().and_then(|code| {
            variant_category(cx, named_category, code, code_span, &rules, &categories)
        });
        let status = match &variant.attrs.status {
            Some(attr) => status::resolve(cx, attr),
            None if rules.status.is_some() => rules.status,
            // An unreadable status, here or on the type, is reported already.
            None if variant.attrs.status_written
                || rules.status_written
                || variant.attrs.unreadable
                || input.attrs.unreadable =>
            {
                None
            }
            None => {
                cx.error_spanned_by(
                    variant.ident,
                    format_args!(
                        "`{}` has no status: add #[status(404)] or a default #[api_error(status = 400)] on the type",
                        variant.ident
                    ),
                );
                None
            }
        };
        let (template, message, literal) = variant_message(cx, variant, status);
        internal_message(cx, &message);
        field_rules(cx, variant);
        let details = details(cx, variant);
        let retry_after = single(cx, variant, |f| f.attrs.retry_after, "retry_after");
        violations(cx, &details);
        let headers = headers(cx, variant);
        let source = source(cx, input, variant);
        let empty_details = variant
            .attrs
            .empty_details
            .or(attrs.empty_details)
            .is_some();
        let log = variant
            .attrs
            .log
            .as_ref()
            .or(attrs.log.as_ref())
            .map_or(0, |lit| log_level(cx, lit));
        // A struct's title, kind and class are written on the struct
        // itself; an enum's kind is the default of its variants.
        let grpc = variant.attrs.grpc.as_ref().or(attrs.grpc.as_ref());
        let (title, kind, class) = if input.is_struct {
            (&attrs.title, &attrs.kind, &attrs.class)
        } else {
            (
                &variant.attrs.title,
                if variant.attrs.kind.is_some() {
                    &variant.attrs.kind
                } else {
                    &attrs.kind
                },
                &variant.attrs.class,
            )
        };
        let message_is_display = matches!(&message, Message::Formatted { computed, .. } if computed.is_empty())
            && variant.attrs.error_text().as_ref() == Some(&template);
        entries.push(Entry::Own(Own {
            message_is_display,
            variant,
            code: code.unwrap_or_default(),
            status: status.unwrap_or(500),
            template,
            message,
            literal,
            category,
            has_details: !details.is_empty() || empty_details,
            details,
            retry_after,
            headers,
            source,
            log,
            title: title.as_ref().map(syn::LitStr::value),
            kind: kind.as_ref().and_then(|lit| {
                code::check_chars(&lit.value())
                    .map_err(|why| cx.error_at(lit.span(), why.replacen("error code", "kind", 1)))
                    .ok()
                    .map(|()| lit.value())
            }),
            class: class.as_ref().and_then(|lit| class_name(cx, lit)),
            grpc: grpc.and_then(|lit| grpc_code(cx, lit)),
            doc: doc::variant(cx, &variant.attrs.doc),
            translations: Vec::new(),
        }));
    }
    if !input.is_struct {
        if let Some(lit) = &attrs.title {
            cx.error_at(
                lit.span(),
                "`title` describes one error: put it on its variant",
            );
        }
    }
    if attrs.decode.is_some() {
        decode_ambiguity(cx, &entries);
    }
    let locales = locale::read(cx, input, &mut entries);
    let format = format_of(cx, input);
    if let BuiltIn::Named { row, .. } = &format {
        if !row.reserved.is_empty() {
            for entry in &entries {
                if let Entry::Own(own) = entry {
                    problem_members(cx, &own.details);
                }
            }
        }
    }

    let doc = if input.is_struct {
        // A struct's doc comment documents its one code, read above.
        let intro = entries.iter().find_map(|entry| match entry {
            Entry::Own(own) => Some(own.doc.description.clone()),
            Entry::Transparent { .. } => None,
        });
        doc::TypeDoc {
            intro: intro.unwrap_or_default(),
            appendices: Vec::new(),
        }
    } else {
        doc::type_doc(&input.doc)
    };
    let answers_401 = entries.iter().any(|entry| match entry {
        Entry::Own(own) => own.status == 401,
        // An included type may answer 401 with this challenge.
        Entry::Transparent { .. } => true,
    });
    let response = response::response_settings(cx, input, answers_401);
    Model {
        language: locales.language,
        locale_files: locales.files,
        doc,
        doc_url: attrs.doc_url.as_ref().and_then(|lit| {
            doc_url(&lit.value())
                .map_err(|why| cx.error_at(lit.span(), format_args!("invalid `doc_url`: {why}")))
                .ok()
                .map(|()| lit.value())
        }),
        status_docs: status_docs(cx, input),
        class: if input.is_struct {
            None
        } else {
            attrs.class.as_ref().and_then(|lit| class_name(cx, lit))
        },
        krate: attrs
            .krate
            .clone()
            .unwrap_or_else(|| syn::parse_quote!(::apierror)),
        pattern: attrs.pattern.as_ref().map(syn::LitStr::value),
        range: rules.range.as_ref().map(|r| (r.lo, r.hi)),
        categories,
        retired: retired.into_iter().map(|(code, _)| code).collect(),
        entries,
        format,
        decode: attrs.decode.is_some(),
        bound: attrs.bound.as_deref(),
        manual_response: attrs.manual_response.is_some(),
        response,
    }
}

/// An exception class's name as the service's own code spells it: one or
/// more identifiers (ASCII letters, digits, `_`, not starting with a
/// digit) joined by `.` or `::` (`NodeNotFoundError`, `errors.NotFound`,
/// `api::NotFound`).
fn class_name(cx: &Ctxt, lit: &syn::LitStr) -> Option<String> {
    let name = lit.value();
    let identifier = |part: &str| {
        part.bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
            && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    };
    let valid = !name.is_empty() && name.replace("::", ".").split('.').all(identifier);
    if !valid {
        cx.error_at(
            lit.span(),
            "`class` names an exception class of the service's code, like \"NodeNotFoundError\" or \"errors.NotFound\": identifiers of ASCII letters, digits and `_`, joined by `.` or `::`",
        );
    }
    valid.then_some(name)
}

use crate::base::facts::GRPC_CODES;

/// `grpc = "..."`: one of [`GRPC_CODES`].
fn grpc_code(cx: &Ctxt, lit: &syn::LitStr) -> Option<String> {
    let name = lit.value();
    if GRPC_CODES.contains(&name.as_str()) {
        return Some(name);
    }
    let upper = name.to_ascii_uppercase().replace(['-', ' '], "_");
    let hint = if name == "OK" || upper == "OK" {
        "an error is never `OK`".to_owned()
    } else if GRPC_CODES.contains(&upper.as_str()) {
        format!("did you mean \"{upper}\"?")
    } else {
        match crate::base::ctxt::closest(&upper, GRPC_CODES.iter().copied()) {
            Some(close) => format!("did you mean \"{close}\"?"),
            None => format!("expected one of: {}", GRPC_CODES.join(", ")),
        }
    };
    cx.error_at(
        lit.span(),
        format_args!("`{name}` is not a gRPC status code name (google.rpc.Code): {hint}"),
    );
    None
}
