//! Field attributes: where they have a meaning, details and their keys
//! (problem details members too), headers, `retry_after`, the source, and
//! log levels.

use crate::base::ctxt::{closest, Ctxt};
use crate::base::formats::PROBLEM_MEMBERS;
use crate::parse::ast::{Field, Input, Internal, Variant};
use proc_macro2::Span;
use syn::LitStr;

/// Field attributes that have no meaning on the field they are written on.
pub(super) fn field_rules(cx: &Ctxt, variant: &Variant) {
    for field in &variant.fields {
        let attrs = &field.attrs;
        if let Some(why) = field.internal() {
            let what = match why {
                Internal::Marked => "an internal field",
                Internal::Source => "a source field",
                Internal::ErrorType => "a field whose type is an error",
            };
            if let Some(lit) = &attrs.rename {
                cx.error_at(
                    lit.span(),
                    format_args!("`rename` has no meaning on {what}: it is never a detail"),
                );
            }
            if let Some(span) = attrs.skip {
                cx.error_at(
                    span,
                    format_args!("`skip` has no meaning on {what}: it is never a detail already"),
                );
            }
            if let Some(span) = attrs.retry_after {
                cx.error_at(
                    span,
                    format_args!(
                        "{what} cannot be `retry_after`: internal values never reach a header"
                    ),
                );
            }
            if let Some(lit) = &attrs.header {
                cx.error_at(
                    lit.span(),
                    format_args!(
                        "{what} cannot be a `header`: internal values never reach a header"
                    ),
                );
            }
            if let Some(ty) = &attrs.schema {
                cx.error_spanned_by(
                    ty,
                    format_args!("`schema` has no meaning on {what}: it is never a detail"),
                );
            }
            if let Some(span) = attrs.violations.or(attrs.not_violations) {
                cx.error_at(
                    span,
                    format_args!(
                        "`violations` has no meaning on {what}: internal values never reach a body"
                    ),
                );
            }
        } else if let (Some(span), Some(_)) =
            (attrs.violations.or(attrs.not_violations), attrs.skip)
        {
            cx.error_at(
                span,
                "`violations` has no meaning on a skipped field: it is never a detail",
            );
        } else if let (Some(span), None) = (
            attrs.violations.or(attrs.not_violations),
            field.detail_key(),
        ) {
            cx.error_at(
                span,
                "`violations` has no meaning on a field that is not a detail: tuple fields are details only when renamed",
            );
        } else if let (true, Some(span)) = (field.is_violations(), attrs.retry_after) {
            cx.error_at(
                span,
                "a validation list cannot be `retry_after`: it is no number of seconds",
            );
        } else if let (true, Some(ty)) = (field.is_violations(), &attrs.schema) {
            cx.error_spanned_by(
                ty,
                "`schema` has no meaning on a validation list: each format documents the list as it writes it",
            );
        } else if let (true, Some(lit)) = (field.is_violations(), &attrs.header) {
            cx.error_at(
                lit.span(),
                "a validation list cannot be a `header`: it has no one-line text",
            );
        } else if let (Some(ty), Some(_)) = (&attrs.schema, attrs.skip) {
            cx.error_spanned_by(
                ty,
                "`schema` has no meaning on a skipped field: it is never a detail",
            );
        } else if let (Some(ty), None) = (&attrs.schema, field.detail_key()) {
            cx.error_spanned_by(
                ty,
                "`schema` has no meaning on a field that is not a detail: tuple fields are details only when renamed",
            );
        } else if let (Some(span), None, syn::Member::Unnamed(_)) =
            (attrs.skip, &attrs.rename, &field.member)
        {
            cx.error_at(
                span,
                "`skip` has no meaning on a tuple field: tuple fields are details only when renamed",
            );
        }
    }
}

/// The field of a transparent variant is the inner error: its own derive
/// decides its details, headers and source.
pub(super) fn transparent_field(cx: &Ctxt, field: &Field) {
    let attrs = &field.attrs;
    let misplaced = [
        (attrs.rename.as_ref().map(syn::LitStr::span), "rename"),
        (attrs.skip, "skip"),
        (attrs.retry_after, "retry_after"),
        (attrs.violations.or(attrs.not_violations), "violations"),
        (attrs.header.as_ref().map(syn::LitStr::span), "header"),
        (attrs.internal, "internal"),
        (attrs.source, "#[source]"),
        (
            attrs.schema.as_ref().map(syn::spanned::Spanned::span),
            "schema",
        ),
    ];
    for (span, what) in misplaced {
        if let Some(span) = span {
            cx.error_at(
                span,
                format_args!("`{what}` has no meaning on the field of a transparent variant: the inner error decides its own details, headers and source"),
            );
        }
    }
}

/// In a problem details object the details are extension members: they may
/// not collide with the standard members, and RFC 9457 §3.2 asks that their
/// names start with a letter and hold only letters, digits and underscores.
/// Its "three characters or longer" is for XML only and is not enforced.
pub(super) fn problem_members(cx: &Ctxt, details: &[(&Field, String)]) {
    let list = details.iter().any(|(field, _)| field.is_violations());
    for (field, key) in details {
        if list && key == "errors" && !field.is_violations() {
            let span = field.attrs.rename.as_ref().map_or(field.span, LitStr::span);
            cx.error_at(
                span,
                "details key `errors` collides with the validation list, which RFC 9457 §3 writes as the `errors` member; rename the field",
            );
            continue;
        }
        let (span, fix) = match &field.attrs.rename {
            Some(lit) => (lit.span(), "choose another name"),
            None => (field.span, "rename it with #[api_error(rename = \"...\")]"),
        };
        if PROBLEM_MEMBERS.contains(&key.as_str()) {
            let whose = if key == "code" {
                "the error code's member `code`"
            } else {
                "a standard member of RFC 9457 problem details"
            };
            cx.error_at(
                span,
                format_args!(
                    "details key `{key}` collides with {whose}: the detail would be dropped from the response; {fix}"
                ),
            );
            continue;
        }
        let starts_with_letter = key.starts_with(|c: char| c.is_ascii_alphabetic());
        let plain = key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if starts_with_letter && plain {
            continue;
        }
        let hint = match member_suggestion(key) {
            Some(name) if field.attrs.rename.is_some() => format!("; e.g. \"{name}\""),
            Some(name) => format!("; e.g. #[api_error(rename = \"{name}\")]"),
            None => format!("; {fix}"),
        };
        cx.error_at(
            span,
            format_args!(
                "details key `{key}` is not a usable problem details member name: RFC 9457 §3.2 asks that extension members start with a letter and contain only letters, digits and underscores{hint}"
            ),
        );
    }
}

/// `retry-after` -> `retry_after`, `_id` -> `id`: a name RFC 9457 §3.2 accepts,
/// when one follows plainly from the key.
fn member_suggestion(key: &str) -> Option<String> {
    if !key.is_ascii() {
        return None;
    }
    let name: String = key
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let name = name.trim_start_matches('_').to_owned();
    let valid = name.starts_with(|c: char| c.is_ascii_alphabetic())
        && !PROBLEM_MEMBERS.contains(&name.as_str());
    valid.then_some(name)
}

pub(super) fn details<'a>(cx: &Ctxt, variant: &'a Variant<'a>) -> Vec<(&'a Field<'a>, String)> {
    let mut out: Vec<(&'a Field<'a>, String)> = Vec::new();
    for field in &variant.fields {
        let Some(key) = field.detail_key() else {
            continue;
        };
        if out.iter().any(|(_, k)| *k == key) {
            cx.error_at(field.span, format_args!("duplicate details key `{key}`"));
            continue;
        }
        if let (Some(lit), true) = (&field.attrs.rename, key.chars().any(char::is_control)) {
            cx.error_at(lit.span(), "a details key cannot hold control characters");
            continue;
        }
        out.push((field, key));
    }
    out
}

/// At most one details field of a variant is a validation list.
pub(super) fn violations(cx: &Ctxt, details: &[(&Field, String)]) {
    let lists = details
        .iter()
        .map(|(f, _)| *f)
        .filter(|f| f.is_violations());
    for extra in lists.skip(1) {
        cx.error_at(
            extra.attrs.violations.unwrap_or(extra.span),
            "only one field of a variant can be a validation list (`Violations`)",
        );
    }
}

/// The log levels `log = "..."` takes, as descriptor flag bits (`LOG` in
/// the runtime's descriptor flags, shifted): 1 off, 2 error ... 6 trace.
const LOG_LEVELS: &[(&str, u8)] = &[
    ("off", 1),
    ("error", 2),
    ("warn", 3),
    ("info", 4),
    ("debug", 5),
    ("trace", 6),
];

pub(super) fn log_level(cx: &Ctxt, lit: &syn::LitStr) -> u8 {
    let name = lit.value();
    match LOG_LEVELS.iter().find(|(level, _)| *level == name) {
        Some(&(_, bits)) => bits,
        None => {
            let names: Vec<&str> = LOG_LEVELS.iter().map(|(n, _)| *n).collect();
            let hint = match closest(&name, names.iter().copied()) {
                Some(close) => format!("did you mean \"{close}\"?"),
                None => format!("expected one of: {}", names.join(", ")),
            };
            cx.error_at(
                lit.span(),
                format_args!("unknown log level \"{name}\"; {hint}"),
            );
            0
        }
    }
}

use crate::base::facts::Reserved;

/// Why a field cannot feed the header `name` (lowercase), or `None`.
fn reserved_header(name: &str) -> Option<String> {
    let why = if name == "retry-after" {
        return Some(
            "the response sets `retry-after` itself: mark the field #[api_error(retry_after)]"
                .into(),
        );
    } else if name == "www-authenticate" {
        return Some("the response sets `www-authenticate` itself on 401: set #[api_error(www_authenticate = \"...\")] on the type".into());
    } else {
        Reserved::of(name)?
    };
    Some(match why {
        Reserved::Owned => {
            let hint = match name {
                "content-language" | "vary" => "it follows the type's `language` and the request's Accept-Language",
                "x-request-id" => "the request context echoes the request id",
                _ => "choose another header",
            };
            format!("the response sets `{name}` itself: {hint}")
        }
        Reserved::Framing => format!(
            "`{name}` frames the message (RFC 9112, RFC 9110 section 8): a value from a field would lose the response or make clients misread its body"
        ),
        Reserved::Connection => format!(
            "`{name}` manages the connection (RFC 9110 section 7.6.1): it is for the server and proxies, not an error's details"
        ),
        Reserved::Cookie => format!(
            "`{name}` sets a cookie (RFC 6265): an error response must not change the client's state"
        ),
        Reserved::Cors => format!(
            "`{name}` is a CORS header (the Fetch standard): the service's CORS layer sets it, for every response alike"
        ),
        Reserved::Redirect => format!(
            "`{name}` sends the client elsewhere (RFC 9110 section 10.2.2): an error is not a redirect"
        ),
    })
}

/// The fields that feed a header: a valid header name (RFC 9110 token),
/// none the response owns or that frames the message, manages the
/// connection, sets a cookie, is CORS or redirects; none twice in a variant.
pub(super) fn headers<'a>(cx: &Ctxt, variant: &'a Variant<'a>) -> Vec<(&'a Field<'a>, String)> {
    let mut out: Vec<(&'a Field<'a>, String)> = Vec::new();
    for field in &variant.fields {
        let Some(lit) = &field.attrs.header else {
            continue;
        };
        let name = lit.value().to_ascii_lowercase();
        let token = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
        if !name.bytes().all(token) {
            cx.error_at(
                lit.span(),
                "a header name is a token: ASCII letters, digits and !#$%&'*+-.^_`|~, as in \"X-RateLimit-Remaining\"",
            );
        } else if let Some(why) = reserved_header(&name) {
            cx.error_at(lit.span(), why);
        } else if out.iter().any(|(_, n)| *n == name) {
            cx.error_at(
                lit.span(),
                format_args!("two fields of `{}` feed the header `{name}`", variant.ident),
            );
        } else {
            out.push((field, name));
        }
    }
    out
}

pub(super) fn single<'a>(
    cx: &Ctxt,
    variant: &'a Variant<'a>,
    marker: impl Fn(&Field) -> Option<Span>,
    what: &str,
) -> Option<&'a Field<'a>> {
    let mut marked = variant.fields.iter().filter(|f| marker(f).is_some());
    let first = marked.next();
    for extra in marked {
        if let Some(span) = marker(extra) {
            cx.error_at(
                span,
                format_args!("only one field of a variant can be `{what}`"),
            );
        }
    }
    first
}

pub(super) fn source<'a>(
    cx: &Ctxt,
    input: &Input,
    variant: &'a Variant<'a>,
) -> Option<&'a Field<'a>> {
    let mut sources = variant.fields.iter().filter(|f| f.is_source());
    let first = sources.next();
    for extra in sources {
        cx.error_at(
            extra.span,
            "only one field of a variant can be its source error",
        );
    }
    if let Some(from) = first.and_then(|f| f.attrs.from) {
        if !input.thiserror && variant.fields.len() != 1 {
            cx.error_at(
                from,
                "#[from] builds the error from its source alone: the variant can have no other field",
            );
        }
    }
    first
}
