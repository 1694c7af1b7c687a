//! A variant's message: its template against the fields, its computed
//! arguments, and that it shows nothing internal.

use super::model::{Computed, Message, Part};
use crate::base::ctxt::Ctxt;
use crate::grammar::message::{self, FieldRef, SpecTrait, Template};
use crate::grammar::status;
use crate::parse::ast::{Field, Internal, Variant};
use crate::parse::attr::StatusAttr;
use syn::Member;

pub(super) fn variant_message<'a>(
    cx: &Ctxt,
    variant: &'a Variant<'a>,
    status: Option<u16>,
) -> (String, Message<'a>, bool) {
    let Some(lit) = &variant.attrs.message else {
        let reason = status.and_then(status::reason);
        // A message that was written but not read is reported already.
        if reason.is_none() && !variant.attrs.message_written {
            if let Some(status) = status {
                let at = variant
                    .attrs
                    .status
                    .as_ref()
                    .map_or_else(|| variant.ident.span(), StatusAttr::span);
                cx.error_at(
                    at,
                    format_args!(
                        "status {status} has no standard reason phrase to use as the message: add #[message(\"...\")]"
                    ),
                );
            }
        }
        let reason = reason.unwrap_or_default().to_owned();
        return (reason.clone(), Message::Static(reason), true);
    };
    let text = lit.value();
    let template = match Template::parse(&text) {
        Ok(template) => template,
        Err(problem) => {
            cx.error_at(lit.span(), format_args!("invalid message: {problem}"));
            return (text, Message::Static(String::new()), true);
        }
    };
    if let Some(fixed) = template.as_static() {
        for arg in &variant.attrs.message_args {
            cx.error_at(
                arg.span,
                "argument is never used: the message has no placeholder; write `{}` (or `{name}` for `name = ...`) where it goes",
            );
        }
        return (text, Message::Static(fixed), true);
    }
    let literal = template
        .pieces
        .iter()
        .any(|piece| matches!(piece, message::Piece::Text(text) if !text.trim().is_empty()));
    let computed = computed_args(cx, variant);
    let mut used = vec![false; computed.len()];
    let mut next = 0usize;
    let mut format = String::new();
    let mut args: Vec<(&'a Field<'a>, SpecTrait)> = Vec::new();
    let mut parts = Vec::new();
    for piece in &template.pieces {
        match piece {
            message::Piece::Text(text) => {
                format.push_str(&text.replace('{', "{{").replace('}', "}}"));
                parts.push(Part::Text(text.clone()));
            }
            message::Piece::Arg { name, spec } => {
                // `{}` takes the next positional argument, `{n}` the
                // argument named `n` before a field of that name.
                let argument = match name {
                    FieldRef::Next => {
                        let found = computed
                            .iter()
                            .enumerate()
                            .filter(|(_, c)| c.name.is_none())
                            .nth(next);
                        next += 1;
                        match found {
                            Some((index, _)) => Some(index),
                            None => {
                                cx.error_at(
                                    lit.span(),
                                    format_args!(
                                        "`{{{}}}` has no argument: write one after the message, as in #[message(\"{{}} left\", .limit - .used)], or name a field, as in {{field}}",
                                        if spec.is_empty() { String::new() } else { format!(":{spec}") }
                                    ),
                                );
                                continue;
                            }
                        }
                    }
                    FieldRef::Named(n) => computed
                        .iter()
                        .position(|c| c.name.as_ref().is_some_and(|i| i == n)),
                    FieldRef::Index(_) => None,
                };
                if let Some(index) = argument {
                    used[index] = true;
                    let c = &computed[index];
                    // Documentation shows a name, never the expression:
                    // `n = .items.len()` is `{n}`, an unnamed one `{arg1}`.
                    let shown = match &c.name {
                        Some(name) => name.to_string(),
                        None => format!("arg{}", index + 1),
                    };
                    parts.push(Part::Computed {
                        written: if spec.is_empty() {
                            format!("{{{shown}}}")
                        } else {
                            format!("{{{shown}:{spec}}}")
                        },
                        index,
                        spec: spec.clone(),
                    });
                    if spec.is_empty() {
                        format.push_str(&format!("{{__c{index}}}"));
                    } else {
                        format.push_str(&format!("{{__c{index}:{spec}}}"));
                    }
                    continue;
                }
                let Some(field) = find_field(variant, name) else {
                    let known: Vec<String> = variant
                        .fields
                        .iter()
                        .map(|f| format!("`{{{}}}`", member_name(&f.member)))
                        .collect();
                    let fields = match known.len() {
                        0 => format!("`{}` has no fields", variant.ident),
                        1 => format!("`{}` has one field: {}", variant.ident, known[0]),
                        n => format!("`{}` has {n} fields: {}", variant.ident, known.join(", ")),
                    };
                    cx.error_at(
                        lit.span(),
                        format_args!("message placeholder `{{{name}}}` names no field; {fields}"),
                    );
                    continue;
                };
                parts.push(Part::Arg {
                    written: if spec.is_empty() {
                        format!("{{{name}}}")
                    } else {
                        format!("{{{name}:{spec}}}")
                    },
                    field,
                    spec: spec.clone(),
                });
                let trait_ = message::spec_trait(spec);
                // One argument per field, however often the message uses it.
                let index = match args.iter().position(|(f, _)| std::ptr::eq(*f, field)) {
                    Some(index) => index,
                    None => {
                        args.push((field, trait_));
                        args.len() - 1
                    }
                };
                if spec.is_empty() {
                    format.push_str(&format!("{{__a{index}}}"));
                } else {
                    format.push_str(&format!("{{__a{index}:{spec}}}"));
                }
            }
        }
    }
    for (c, used) in computed.iter().zip(&used) {
        if !used {
            let what = match &c.name {
                Some(name) => {
                    format!("argument `{name}` is never used: write `{{{name}}}` in the message")
                }
                None => {
                    "argument is never used: write `{}` in the message for each positional argument"
                        .to_owned()
                }
            };
            cx.error_at(c.span, what);
        }
    }
    (
        text,
        Message::Formatted {
            format,
            span: lit.span(),
            args,
            computed,
            pieces: parts,
        },
        literal,
    )
}

/// The computed arguments of a variant's message, each with the fields it
/// uses: a field it names must exist and may not be internal, and it may
/// not use `self` nor format with Debug.
fn computed_args<'a>(cx: &Ctxt, variant: &'a Variant<'a>) -> Vec<Computed<'a>> {
    let mut out: Vec<Computed<'a>> = Vec::new();
    for arg in &variant.attrs.message_args {
        let span = arg.span;
        if let Some(name) = &arg.name {
            if out.iter().any(|c| c.name.as_ref() == Some(name)) {
                cx.error_at(name.span(), format_args!("duplicate argument `{name}`"));
            }
        }
        if let Some(at) = crate::parse::args::uses_self(&arg.expr) {
            cx.error_at(
                at,
                "a message argument names fields with `.field` or `.0`, not through `self`: the whole error may hold internal values",
            );
        }
        if let Some(at) = crate::parse::args::debug_formatting(&arg.expr) {
            cx.error_at(
                at,
                "a message argument formats with Debug: public messages use Display, Debug is for logs",
            );
        }
        for (name, at) in crate::parse::args::bare_idents(&arg.expr) {
            if variant
                .fields
                .iter()
                .any(|f| f.name() == Some(name.as_str()))
            {
                cx.error_at(
                    at,
                    format_args!("write `.{name}` to name the field `{name}` in a message argument, as thiserror does"),
                );
            }
        }
        let mut fields: Vec<&'a Field<'a>> = Vec::new();
        for (name, at) in crate::parse::args::fields_used(&arg.expr) {
            let reference = if name.bytes().all(|b| b.is_ascii_digit()) {
                name.parse().ok().map(FieldRef::Index)
            } else {
                Some(FieldRef::Named(name.clone()))
            };
            let Some(field) = reference.and_then(|r| find_field(variant, &r)) else {
                cx.error_at(
                    at,
                    format_args!("`.{name}` names no field of `{}`", variant.ident),
                );
                continue;
            };
            if let Some(why) = field.internal() {
                let reason = match why {
                    Internal::Marked => "it is marked #[api_error(internal)]",
                    Internal::Source => "it is the source error, internal by definition",
                    Internal::ErrorType => "its type is an error, internal by default",
                };
                cx.error_at(
                    at,
                    format_args!(
                        "a public message may not show `.{name}`: {reason}; internal values never reach clients, only logs: describe the failure without it"
                    ),
                );
            }
            if !fields.iter().any(|f| std::ptr::eq(*f, field)) {
                fields.push(field);
            }
        }
        out.push(Computed {
            name: arg.name.clone(),
            expr: &arg.expr,
            fields,
            span,
        });
    }
    out
}

/// A message never shows an internal field: one marked
/// `#[api_error(internal)]`, the source error, or a value whose type is an
/// error. What went wrong inside stays in the logs; the client sees only the
/// public message. (Skipped fields may be shown: `skip` means "not a
/// detail", not "secret".)
pub(super) fn internal_message(cx: &Ctxt, message: &Message) {
    let Message::Formatted { span, args, .. } = message else {
        return;
    };
    for (field, _) in args {
        let Some(why) = field.internal() else {
            continue;
        };
        let name = match field.name() {
            Some(name) => format!("`{name}`"),
            None => format!("field `{{{}}}`", field.unraw),
        };
        let reason = match why {
            Internal::Marked => "it is marked #[api_error(internal)]",
            Internal::Source => "it is the source error, internal by definition",
            Internal::ErrorType => "its type is an error, internal by default",
        };
        cx.error_at(
            *span,
            format_args!(
                "a public message may not show {name}: {reason}; internal values never reach clients, only logs: describe the failure without it"
            ),
        );
    }
}

fn find_field<'a>(variant: &'a Variant<'a>, name: &FieldRef) -> Option<&'a Field<'a>> {
    variant
        .fields
        .iter()
        .find(|field| match (name, &field.member) {
            (FieldRef::Named(name), Member::Named(ident)) => {
                ident.to_string().trim_start_matches("r#") == name
            }
            (FieldRef::Index(index), Member::Unnamed(member)) => member.index as usize == *index,
            _ => false,
        })
}

fn member_name(member: &Member) -> String {
    match member {
        Member::Named(ident) => ident.to_string(),
        Member::Unnamed(index) => index.index.to_string(),
    }
}
