//! Checks the parsed input and resolves it into plain data for codegen:
//! codes against patterns, ranges, categories and retired codes, duplicates,
//! statuses, message placeholders against fields.

use crate::ast::{Field, Input, Internal, Variant};
use crate::attr::{EnvelopeAttr, RangeAttr, StatusAttr};
use crate::code::{self, Pattern, Rule};
use crate::ctxt::{closest, Ctxt};
use crate::doc;
use crate::message::{self, FieldRef, SpecTrait, Template};
use crate::status;
use proc_macro2::Span;
use std::collections::BTreeMap;
use syn::Member;

pub struct Model<'a> {
    pub krate: syn::Path,
    pub pattern: Option<String>,
    pub range: Option<(u64, u64)>,
    pub categories: Vec<Category>,
    pub retired: Vec<String>,
    pub entries: Vec<Entry<'a>>,
    pub envelope: Envelope,
    pub www_authenticate: Option<String>,
    pub decode: bool,
    /// No derived framework impls: the user writes them.
    pub manual_response: bool,
    /// The type's doc comment: introduction and appendices.
    pub doc: doc::TypeDoc,
    pub doc_url: Option<String>,
    /// An enum's `class`: the base class of its errors' classes.
    pub class: Option<String>,
    /// `(status, description, troubleshooting)`.
    pub status_docs: Vec<(u16, String, Option<String>)>,
}

/// The type's default format.
pub enum Envelope {
    Standard,
    Tagged,
    OpenAi,
    Problem {
        type_url: Option<String>,
    },
    Google {
        domain: String,
    },
    WebSocket,
    /// The user's own format: the path of a value whose type implements it.
    Custom(syn::Path),
}

const ENVELOPES: &[&str] = &[
    "standard",
    "tagged",
    "openai",
    "problem",
    "google",
    "websocket",
];

pub struct Category {
    pub name: String,
    pub title: Option<String>,
    pub range: Option<(u64, u64)>,
    pub prefix: Option<String>,
}

// Built once per derive and read by codegen: size does not matter, and
// codegen destructures `Own` in place.
#[allow(clippy::large_enum_variant)]
pub enum Entry<'a> {
    Own(Own<'a>),
    Transparent {
        variant: &'a Variant<'a>,
        field: &'a Field<'a>,
    },
}

pub struct Own<'a> {
    pub variant: &'a Variant<'a>,
    pub code: String,
    pub status: u16,
    /// The template as written, or the reason phrase.
    pub template: String,
    pub message: Message<'a>,
    /// The message has literal text besides its placeholders.
    pub literal: bool,
    pub category: Option<String>,
    pub details: Vec<(&'a Field<'a>, String)>,
    pub has_details: bool,
    pub retry_after: Option<&'a Field<'a>>,
    /// Fields that feed a header, with its lowercase name.
    pub headers: Vec<(&'a Field<'a>, String)>,
    pub source: Option<&'a Field<'a>>,
    pub title: Option<String>,
    pub kind: Option<String>,
    /// The log level bits of the descriptor flags: 0 the status's default.
    pub log: u8,
    pub class: Option<String>,
    /// The doc comment, read.
    pub doc: doc::VariantDoc,
}

pub enum Message<'a> {
    Static(String),
    /// A format string with `{__aN}` arguments, each bound to a field.
    Formatted {
        format: String,
        span: Span,
        args: Vec<(&'a Field<'a>, SpecTrait)>,
        /// Computed arguments, `{__cN}` in the format.
        computed: Vec<Computed<'a>>,
        /// The template's pieces, for the runtime's `Piece`s.
        pieces: Vec<Part<'a>>,
    },
}

/// A computed message argument: `.limit * 2`, `n = .items.len()`.
pub struct Computed<'a> {
    pub name: Option<syn::Ident>,
    pub expr: &'a proc_macro2::TokenStream,
    /// As written, for documentation.
    pub written: String,
    /// The fields it uses, to bind in the match arm.
    pub fields: Vec<&'a Field<'a>>,
    pub span: Span,
}

/// A piece of a formatted template, its placeholder bound to a field.
pub enum Part<'a> {
    Text(String),
    Arg {
        /// As written, braces included: `{price:.2}`.
        written: String,
        field: &'a Field<'a>,
        spec: String,
    },
    /// A computed argument, shown as its expression: `{.limit * 2}`.
    Computed {
        written: String,
    },
}

struct Rules {
    pattern: Option<Pattern>,
    range: Option<RangeAttr>,
    rule: Option<Rule>,
    /// A rule was written, even if it was not understood (already reported).
    rule_written: bool,
    prefix: String,
    status: Option<u16>,
    status_written: bool,
    /// The type's attributes could not all be read (reported already).
    unreadable: bool,
}

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
        entries.push(Entry::Own(Own {
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
            class: class.as_ref().map(syn::LitStr::value),
            doc: doc::variant(cx, &variant.attrs.doc),
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
    let envelope = envelope(cx, input);
    if matches!(envelope, Envelope::Problem { .. }) {
        for entry in &entries {
            if let Entry::Own(own) = entry {
                problem_members(cx, &own.details);
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
    Model {
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
            attrs.class.as_ref().map(syn::LitStr::value)
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
        envelope,
        decode: attrs.decode.is_some(),
        manual_response: attrs.manual_response.is_some(),
        www_authenticate: attrs.www_authenticate.as_ref().and_then(|lit| {
            let value = lit.value();
            let valid = !value.is_empty() && value.bytes().all(|b| b == b'\t' || (b' '..=b'~').contains(&b));
            if !valid {
                cx.error_at(
                    lit.span(),
                    "`www_authenticate` must be a valid header value: visible ASCII and spaces, e.g. \"Bearer realm=\\\"api\\\"\"",
                );
            }
            valid.then_some(value)
        }),
    }
}

fn envelope(cx: &Ctxt, input: &Input) -> Envelope {
    let attrs = &input.attrs;
    let (name, lit) = match &attrs.envelope {
        Some(EnvelopeAttr::Name(lit)) => (Some(lit.value()), Some(lit)),
        Some(EnvelopeAttr::Path(path)) => {
            for (lit, key) in [(&attrs.type_url, "type_url"), (&attrs.domain, "domain")] {
                if let Some(lit) = lit {
                    cx.error_at(
                        lit.span(),
                        format_args!("`{key}` configures a built-in format: your own format takes its settings in its own value"),
                    );
                }
            }
            return Envelope::Custom(path.clone());
        }
        None => (None, None),
    };
    let chosen = match name.as_deref() {
        None | Some("standard") => Envelope::Standard,
        Some("tagged") => Envelope::Tagged,
        Some("openai") => Envelope::OpenAi,
        Some("problem") => Envelope::Problem {
            type_url: attrs.type_url.as_ref().map(syn::LitStr::value),
        },
        Some("google") => match &attrs.domain {
            Some(domain) => Envelope::Google {
                domain: domain.value(),
            },
            None => {
                if let Some(lit) = lit {
                    cx.error_at(
                        lit.span(),
                        "envelope = \"google\" needs the ErrorInfo domain: add `domain = \"api.example.com\"`",
                    );
                }
                Envelope::Standard
            }
        },
        Some("websocket") => Envelope::WebSocket,
        Some(other) => {
            let hint = match closest(other, ENVELOPES.iter().copied()) {
                Some(close) => format!("did you mean \"{close}\"?"),
                None => format!(
                    "expected one of: {}, or the path of your own format without quotes (envelope = my::FORMAT)",
                    ENVELOPES.join(", ")
                ),
            };
            if let Some(lit) = lit {
                cx.error_at(
                    lit.span(),
                    format_args!("unknown envelope \"{other}\"; {hint}"),
                );
            }
            Envelope::Standard
        }
    };
    if let Some(lit) = &attrs.type_url {
        if !matches!(chosen, Envelope::Problem { .. }) {
            cx.error_at(
                lit.span(),
                "`type_url` is the RFC 9457 `type`: it needs envelope = \"problem\"",
            );
        } else if let Err(why) = type_url(&lit.value()) {
            cx.error_at(lit.span(), why);
        }
    }
    if let Some(lit) = &attrs.domain {
        if name.as_deref() != Some("google") {
            cx.error_at(
                lit.span(),
                "`domain` is the AIP-193 ErrorInfo domain: it needs envelope = \"google\"",
            );
        } else if lit.value().is_empty() {
            cx.error_at(lit.span(), "`domain` cannot be empty: write the service's name, like \"pubsub.googleapis.com\"");
        } else if !lit
            .value()
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._".contains(&b))
        {
            cx.error_at(
                lit.span(),
                "`domain` is a service name like \"pubsub.googleapis.com\": ASCII letters, digits, `-`, `.` and `_` only",
            );
        }
    }
    chosen
}

/// Checks an RFC 9457 `type` URL template: an `http(s)` URL, a `urn:`, or a
/// relative reference, with `{code}` as its only placeholder and only
/// characters a URI may hold.
fn type_url(template: &str) -> Result<(), String> {
    let url = template.replace("{code}", "CODE");
    if let Some(bad) = url.chars().find(|c| !uri_char(*c)) {
        let why = match bad {
            '{' | '}' => "`{code}` is the only placeholder it takes".to_owned(),
            c if c.is_whitespace() => "a URL has no spaces".to_owned(),
            c => format!("{c:?} is not a URI character (percent-encode it)"),
        };
        return Err(format!("`type_url` must be a URL template: {why}"));
    }
    // A scheme is what comes before the first `:`, if no `/`, `?` or `#` does.
    let scheme = url
        .split_once(':')
        .map(|(scheme, _)| scheme)
        .filter(|scheme| !scheme.contains(['/', '?', '#']));
    match scheme.map(str::to_ascii_lowercase).as_deref() {
        None | Some("http" | "https" | "urn") => Ok(()),
        Some(other) => Err(format!(
            "`type_url` must be an http(s) URL, a urn: or a relative reference, not a `{other}:` URL"
        )),
    }
}

fn container_rules(cx: &Ctxt, input: &Input) -> Rules {
    let attrs = &input.attrs;
    let pattern = attrs.pattern.as_ref().and_then(|lit| {
        Pattern::parse(&lit.value())
            .map_err(|message| cx.error_at(lit.span(), message))
            .ok()
    });
    // An empty range is reported once, and codes are not checked against it.
    let range = attrs.range.clone().filter(|range| {
        check_range(
            cx,
            range,
            attrs.pattern.is_some(),
            pattern.as_ref(),
            "`range`",
        )
    });
    let rule = attrs.rule.as_ref().and_then(|lit| {
        let rule = Rule::parse(&lit.value());
        if rule.is_none() {
            let hint = match closest(&lit.value(), code::RULES.iter().copied()) {
                Some(close) => format!("did you mean \"{close}\"?"),
                None => format!("expected one of: {}", code::RULES.join(", ")),
            };
            cx.error_at(
                lit.span(),
                format_args!("unknown naming rule \"{}\"; {hint}", lit.value()),
            );
        }
        rule
    });
    if let Some(prefix) = &attrs.prefix {
        if attrs.rule.is_none() {
            cx.error_at(
                prefix.span(),
                "`prefix` applies to codes derived from variant names: add a naming rule such as `code = \"SCREAMING_SNAKE_CASE\"`",
            );
        } else if let Err(message) = code::check_chars(&prefix.value()) {
            cx.error_at(prefix.span(), message);
        }
    }
    Rules {
        pattern,
        range,
        rule,
        rule_written: attrs.rule.is_some(),
        prefix: attrs
            .prefix
            .as_ref()
            .map(syn::LitStr::value)
            .unwrap_or_default(),
        status: attrs.status.as_ref().and_then(|s| status::resolve(cx, s)),
        status_written: attrs.status.is_some(),
        unreadable: attrs.unreadable,
    }
}

/// Reports what is wrong with a range; whether codes can be checked against it.
fn check_range(
    cx: &Ctxt,
    range: &RangeAttr,
    has_pattern: bool,
    pattern: Option<&Pattern>,
    what: &str,
) -> bool {
    if !has_pattern {
        cx.error_spanned_by(
            &range.tokens,
            format_args!(
                "{what} numbers codes by their `#` digits: add a `pattern` such as \"ERR-####\""
            ),
        );
    }
    if range.lo > range.hi {
        cx.error_spanned_by(
            &range.tokens,
            format_args!("{what} {}..={} is empty", range.lo, range.hi),
        );
        return false;
    }
    if let Some(pattern) = pattern {
        if range.hi > pattern.max() {
            cx.error_spanned_by(
                &range.tokens,
                format_args!(
                    "{what} ends at {} but the pattern's digits reach only {}",
                    range.hi,
                    pattern.max()
                ),
            );
        }
    }
    true
}

fn categories(cx: &Ctxt, input: &Input, rules: &Rules) -> Vec<Category> {
    let mut out: Vec<Category> = Vec::new();
    for attr in &input.attrs.categories {
        let name = attr.name.value();
        if out.iter().any(|c| c.name == name) {
            cx.error_at(
                attr.name.span(),
                format_args!("duplicate category `{name}`"),
            );
            continue;
        }
        if let Some(range) = &attr.range {
            let what = format!("category `{name}` range");
            check_range(
                cx,
                range,
                input.attrs.pattern.is_some(),
                rules.pattern.as_ref(),
                &what,
            );
            if let Some(outer) = &rules.range {
                if range.lo < outer.lo || range.hi > outer.hi {
                    cx.error_spanned_by(
                        &range.tokens,
                        format_args!(
                            "category `{name}` range {}..={} lies outside the type's range {}..={}",
                            range.lo, range.hi, outer.lo, outer.hi
                        ),
                    );
                }
            }
            for other in &out {
                if let Some((lo, hi)) = other.range {
                    if range.lo <= hi && lo <= range.hi {
                        cx.error_spanned_by(
                            &range.tokens,
                            format_args!(
                                "category `{name}` range {}..={} overlaps category `{}` ({lo}..={hi})",
                                range.lo, range.hi, other.name
                            ),
                        );
                    }
                }
            }
        }
        if let Some(prefix) = &attr.prefix {
            if let Err(message) = code::check_chars(&prefix.value()) {
                cx.error_at(prefix.span(), message);
            }
        }
        out.push(Category {
            name,
            title: attr.title.as_ref().map(syn::LitStr::value),
            range: attr.range.as_ref().map(|r| (r.lo, r.hi)),
            prefix: attr.prefix.as_ref().map(syn::LitStr::value),
        });
    }
    out
}

/// A character a URI may hold (RFC 3986 unreserved, reserved, `%`).
fn uri_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
}

/// A `doc_url` template: every `{` opens `{code}` or `{code:<transform>}`,
/// as `apierror::doc::DocUrl` writes it.
pub(crate) const TRANSFORMS: &[&str] = &["lowercase", "UPPERCASE", "kebab-case", "snake_case"];

fn doc_url(template: &str) -> Result<(), String> {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err("a `{` is never closed: write `{code}`".to_owned());
        };
        let inner = &after[..close];
        let known = match inner.strip_prefix("code") {
            Some("") => true,
            Some(transform) => transform
                .strip_prefix(':')
                .is_some_and(|t| TRANSFORMS.contains(&t)),
            None => false,
        };
        if !known {
            return Err(format!(
                "unknown placeholder `{{{inner}}}`: write `{{code}}`, or `{{code:<transform>}}` with one of {}",
                TRANSFORMS.join(", ")
            ));
        }
        rest = &after[close + 1..];
    }
    if !template.contains("{code") {
        return Err("the template has no `{code}`: every code would get the same URL".to_owned());
    }
    let mut outside = String::new();
    let mut depth = false;
    for c in template.chars() {
        match c {
            '{' => depth = true,
            '}' => depth = false,
            c if !depth => outside.push(c),
            _ => {}
        }
    }
    if let Some(c) = outside.chars().find(|c| !uri_char(*c)) {
        return Err(format!("{c:?} is not a URI character (percent-encode it)"));
    }
    Ok(())
}

/// `status_doc(...)`: statuses of 100..=599, each documented once.
fn status_docs(cx: &Ctxt, input: &Input) -> Vec<(u16, String, Option<String>)> {
    let mut out: Vec<(u16, String, Option<String>)> = Vec::new();
    for attr in &input.attrs.status_docs {
        let status = match attr.status.base10_parse::<u16>() {
            Ok(status) if (100..=599).contains(&status) => status,
            _ => {
                cx.error_at(
                    attr.status.span(),
                    "`status_doc` documents an HTTP status: a number from 100 to 599",
                );
                continue;
            }
        };
        if out.iter().any(|(s, ..)| *s == status) {
            cx.error_at(
                attr.status.span(),
                format_args!("status {status} is documented twice"),
            );
            continue;
        }
        out.push((
            status,
            attr.description.value(),
            attr.troubleshooting.as_ref().map(syn::LitStr::value),
        ));
    }
    out
}

/// A transparent variant's codes are documented on the inner type's
/// variants: sections it would read here are reported, not dropped.
fn transparent_doc(cx: &Ctxt, variant: &Variant) {
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

fn retired(cx: &Ctxt, input: &Input, rules: &Rules) -> Vec<(String, Span)> {
    let mut out: Vec<(String, Span)> = Vec::new();
    for lit in input.attrs.retired.iter().flatten() {
        let code = lit.value();
        let problem = code::check_chars(&code).err().or_else(|| {
            let pattern = rules.pattern.as_ref()?;
            pattern
                .number(&code)
                .err()
                .map(|why| format!("retired {why}"))
        });
        if let Some(problem) = problem {
            cx.error_at(lit.span(), problem);
        } else if out.iter().any(|(c, _)| *c == code) {
            cx.error_at(
                lit.span(),
                format_args!("`{code}` is listed as retired twice"),
            );
        } else {
            out.push((code, lit.span()));
        }
    }
    out
}

fn transparent<'a>(cx: &Ctxt, variant: &'a Variant<'a>, span: Span) -> Option<&'a Field<'a>> {
    let attrs = &variant.attrs;
    let conflicts = [
        (attrs.code.as_ref().map(syn::LitStr::span), "#[code]"),
        (attrs.message.as_ref().map(syn::LitStr::span), "#[message]"),
        (attrs.status.as_ref().map(StatusAttr::span), "#[status]"),
        (attrs.category.as_ref().map(syn::LitStr::span), "`category`"),
        (attrs.empty_details, "`empty_details`"),
        (attrs.title.as_ref().map(syn::LitStr::span), "`title`"),
        (attrs.kind.as_ref().map(syn::LitStr::span), "`kind`"),
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

fn variant_code(cx: &Ctxt, variant: &Variant, rules: &Rules) -> (Option<String>, Span) {
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

fn check_code(cx: &Ctxt, code: &str, span: Span, rules: &Rules, retired: &[(String, Span)]) {
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

fn variant_category(
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

fn variant_message<'a>(
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
                    let shown = match &c.name {
                        Some(name) => name.to_string(),
                        None => c.written.clone(),
                    };
                    parts.push(Part::Computed {
                        written: if spec.is_empty() {
                            format!("{{{shown}}}")
                        } else {
                            format!("{{{shown}:{spec}}}")
                        },
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
        if let Some(at) = crate::args::uses_self(&arg.expr) {
            cx.error_at(
                at,
                "a message argument names fields with `.field` or `.0`, not through `self`: the whole error may hold internal values",
            );
        }
        if let Some(at) = crate::args::debug_formatting(&arg.expr) {
            cx.error_at(
                at,
                "a message argument formats with Debug: public messages use Display, Debug is for logs",
            );
        }
        for (name, at) in crate::args::bare_idents(&arg.expr) {
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
        for (name, at) in crate::args::fields_used(&arg.expr) {
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
            written: arg.written.clone(),
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
fn internal_message(cx: &Ctxt, message: &Message) {
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

/// Field attributes that have no meaning on the field they are written on.
fn field_rules(cx: &Ctxt, variant: &Variant) {
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
fn transparent_field(cx: &Ctxt, field: &Field) {
    let attrs = &field.attrs;
    let misplaced = [
        (attrs.rename.as_ref().map(syn::LitStr::span), "rename"),
        (attrs.skip, "skip"),
        (attrs.retry_after, "retry_after"),
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

/// With `decode`, an OpenAI-style body (which carries no code) is matched
/// to its variant by status, `type` and message. A message made only of
/// placeholders matches every message, so it cannot share its status with
/// another variant.
fn decode_ambiguity(cx: &Ctxt, entries: &[Entry]) {
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

/// The members of a problem details object that details may not replace:
/// RFC 9457's own, and the error code. Kept in step with
/// `apierror_core::envelope::problem::RESERVED`.
pub(crate) const PROBLEM_MEMBERS: &[&str] =
    &["type", "title", "status", "detail", "instance", "code"];

/// In a problem details object the details are extension members: they may
/// not collide with the standard members, and RFC 9457 §3.2 asks that their
/// names start with a letter and hold only letters, digits and underscores.
/// Its "three characters or longer" is for XML only and is not enforced.
fn problem_members(cx: &Ctxt, details: &[(&Field, String)]) {
    for (field, key) in details {
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

fn details<'a>(cx: &Ctxt, variant: &'a Variant<'a>) -> Vec<(&'a Field<'a>, String)> {
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

/// The log levels `log = "..."` takes, as descriptor flag bits (`LOG` in
/// `DescriptorParts`, shifted): 1 off, 2 error ... 6 trace.
const LOG_LEVELS: &[(&str, u8)] = &[
    ("off", 1),
    ("error", 2),
    ("warn", 3),
    ("info", 4),
    ("debug", 5),
    ("trace", 6),
];

fn log_level(cx: &Ctxt, lit: &syn::LitStr) -> u8 {
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

/// Headers the response sets itself, and `Retry-After` (from `retry_after`).
const RESPONSE_HEADERS: &[&str] = &[
    "content-type",
    "content-length",
    "cache-control",
    "x-content-type-options",
    "retry-after",
    "www-authenticate",
    "x-request-id",
];

/// The fields that feed a header: a valid header name (RFC 9110 token),
/// none the response sets itself, none twice in a variant.
fn headers<'a>(cx: &Ctxt, variant: &'a Variant<'a>) -> Vec<(&'a Field<'a>, String)> {
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
        } else if RESPONSE_HEADERS.contains(&name.as_str()) {
            let hint = if name == "retry-after" {
                "mark the field #[api_error(retry_after)]"
            } else {
                "choose another header"
            };
            cx.error_at(
                lit.span(),
                format_args!("the response sets `{name}` itself: {hint}"),
            );
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

fn single<'a>(
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

fn source<'a>(cx: &Ctxt, input: &Input, variant: &'a Variant<'a>) -> Option<&'a Field<'a>> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use syn::{parse_quote, DeriveInput};

    /// The messages of every error the derive reports for `input`.
    fn errors(input: DeriveInput) -> Vec<String> {
        let cx = Ctxt::default();
        if let Some(parsed) = Input::from_syn(&cx, &input) {
            let _ = check(&cx, &parsed);
        }
        cx.messages()
    }

    fn assert_one(input: DeriveInput, expected: &str) {
        let found = errors(input);
        assert!(
            found.len() == 1 && found[0].contains(expected),
            "expected one error containing {expected:?}, found {found:#?}"
        );
    }

    #[test]
    fn valid_input_has_no_errors() {
        let found = errors(parse_quote! {
            #[api_error(pattern = "ERR-02-###", range = 1..=99, retired("ERR-02-016"), status = 400)]
            #[api_error(category(name = "low", range = 1..=49), category(name = "high", range = 50..=99))]
            enum E {
                #[code("ERR-02-003")] #[status(CONFLICT)] #[message("cpu {requested}")]
                A { requested: u32 },
                #[code("ERR-02-050")] #[api_error(category = "high")]
                B(#[source] std::io::Error),
                #[api_error(transparent)]
                C(Inner),
            }
        });
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn code_rules() {
        assert_one(
            parse_quote! {
                #[api_error(pattern = "ERR-02-###", status = 400)]
                enum E { #[code("ERR-03-001")] A }
            },
            "does not match the pattern `ERR-02-###`",
        );
        assert_one(
            parse_quote! {
                #[api_error(pattern = "C-####", range = 1000..=1999, status = 400)]
                enum E { #[code("C-2000")] A }
            },
            "outside the type's range 1000..=1999",
        );
        assert_one(
            parse_quote! {
                #[api_error(pattern = "E-###", retired("E-003"), status = 400)]
                enum E { #[code("E-003")] A }
            },
            "retired",
        );
        assert_one(
            parse_quote! {
                #[api_error(status = 400)]
                enum E { A }
            },
            "has no error code",
        );
        assert_one(
            parse_quote! {
                #[api_error(code = "SCREAMING_SNAKE", status = 400)]
                enum E { A }
            },
            "did you mean \"SCREAMING_SNAKE_CASE\"",
        );
    }

    #[test]
    fn duplicates_report_both_sites() {
        let found = errors(parse_quote! {
            #[api_error(code = "SCREAMING_SNAKE_CASE", status = 400)]
            enum E { NotFound, #[code("NOT_FOUND")] Other }
        });
        assert_eq!(
            found,
            [
                "duplicate error code `NOT_FOUND`",
                "`NOT_FOUND` is first used here"
            ]
        );
    }

    #[test]
    fn categories() {
        assert_one(
            parse_quote! {
                #[api_error(pattern = "C-####", status = 400)]
                #[api_error(category(name = "a", range = 1000..=1999))]
                enum E { #[code("C-5000")] A }
            },
            "is in no category",
        );
        assert_one(
            parse_quote! {
                #[api_error(pattern = "C-####", status = 400)]
                #[api_error(category(name = "a", range = 1000..=1999))]
                #[api_error(category(name = "b", range = 1500..=2999))]
                enum E { #[code("C-1001")] A }
            },
            "overlaps category `a`",
        );
        assert_one(
            parse_quote! {
                #[api_error(pattern = "C-####", status = 400)]
                #[api_error(category(name = "component", range = 1000..=1999))]
                enum E { #[code("C-1001")] #[api_error(category = "componet")] A }
            },
            "did you mean `component`?",
        );
    }

    #[test]
    fn statuses_and_messages() {
        assert_one(
            parse_quote! { enum E { #[code("A")] #[status(302)] A } },
            "not an error status",
        );
        assert_one(
            parse_quote! { enum E { #[code("A")] #[status(CONFLCT)] A } },
            "did you mean `CONFLICT`?",
        );
        assert_one(parse_quote! { enum E { #[code("A")] A } }, "has no status");
        assert_one(
            parse_quote! { enum E { #[code("A")] #[status(465)] A } },
            "no standard reason phrase",
        );
        assert_one(
            parse_quote! { enum E { #[code("A")] #[status(400)] #[message("{nope}")] A { yes: u8 } } },
            "`{nope}` names no field; `A` has one field: `{yes}`",
        );
        assert_one(
            parse_quote! { enum E { #[code("A")] #[status(400)] #[message("{1}")] A(u8) } },
            "`{1}` names no field",
        );
    }

    #[test]
    fn attributes() {
        assert_one(
            parse_quote! { #[api_error(patern = "E-#")] enum E {} },
            "unknown type attribute `patern`; did you mean `pattern`?",
        );
        assert_one(
            parse_quote! { #[api_error(status = 400, status = 401)] enum E {} },
            "duplicate `status` attribute",
        );
        assert_one(
            parse_quote! { union U { a: u8 } },
            "cannot be derived for a union",
        );
        assert_one(
            parse_quote! {
                enum E { #[api_error(transparent)] #[code("X")] A(Inner) }
            },
            "remove #[code]",
        );
        assert_one(
            parse_quote! { enum E { #[api_error(transparent)] A(Inner, u8) } },
            "exactly one field",
        );
    }

    #[test]
    fn every_error_of_one_derive_is_reported() {
        let found = errors(parse_quote! {
            #[api_error(pattern = "E-###")]
            enum E {
                #[code("X-001")] #[status(200)] A,
                #[code("E-002")] #[status(400)] #[message("{missing}")] B,
            }
        });
        assert_eq!(found.len(), 3, "{found:#?}");
    }

    #[test]
    fn messages_never_show_internal_fields() {
        let hidden = "a public message may not show";
        let cases: Vec<(DeriveInput, &str)> = vec![
            (
                parse_quote! { enum E { #[code("A")] #[status(500)] #[message("failed: {cause}")] A { #[source] cause: Io } } },
                "may not show `cause`: it is the source error",
            ),
            (
                parse_quote! { enum E { #[code("A")] #[status(502)] #[message("upstream: {0}")] A(#[from] Io) } },
                "may not show field `{0}`: it is the source error",
            ),
            (
                parse_quote! { enum E { #[code("A")] #[status(503)] #[message("down: {source}")] A { source: Io } } },
                "may not show `source`",
            ),
            // A raw identifier is the same name.
            (
                parse_quote! { enum E { #[code("A")] #[status(503)] #[message("down: {source}")] A { r#source: Io } } },
                "may not show `source`",
            ),
            // 4xx messages too: internal is internal.
            (
                parse_quote! { enum E { #[code("A")] #[status(400)] #[message("bad: {cause}")] A { #[source] cause: Io } } },
                hidden,
            ),
            (
                parse_quote! { enum E { #[code("A")] #[status(500)] #[message("dsn {dsn}")] A { #[api_error(internal)] dsn: String } } },
                "it is marked #[api_error(internal)]",
            ),
            (
                parse_quote! { enum E { #[code("A")] #[status(400)] A { #[api_error(internal, skip)] token: String } } },
                "`skip` has no meaning on an internal field",
            ),
            // Error types are internal without a mark, skipped or not.
            (
                parse_quote! { enum E { #[code("A")] #[status(500)] #[message("io: {e}")] A { e: std::io::Error } } },
                "its type is an error, internal by default",
            ),
            (
                parse_quote! { enum E { #[code("A")] #[status(500)] #[message("{e}")] A { e: Box<dyn std::error::Error + Send + Sync> } } },
                "its type is an error",
            ),
            (
                parse_quote! { enum E { #[code("A")] #[status(500)] #[message("{e}")] A { e: anyhow::Error } } },
                "its type is an error",
            ),
            (
                parse_quote! { enum E { #[code("A")] #[status(500)] #[message("{e}")] A { e: Option<std::sync::Arc<io::Error>> } } },
                "its type is an error",
            ),
            // The type's default status counts too.
            (
                parse_quote! { #[api_error(status = 500)] enum E { #[code("A")] #[message("{e}")] A { #[source] e: Io } } },
                hidden,
            ),
        ];
        for (input, expected) in cases {
            assert_one(input, expected);
        }
        let allowed = errors(parse_quote! {
            #[api_error(status = 500)]
            enum E {
                // Skipped fields are not secret: they are just not details.
                #[code("B")] #[message("node {node} failed")] B { #[api_error(skip)] node: String, #[source] cause: Io },
                // The source can be there, unnamed by the message.
                #[code("C")] #[message("storage failed")] C(#[from] Io),
                // Internal values can be held, and named internal redundantly.
                #[code("D")] D { #[api_error(internal)] dsn: String, #[api_error(internal)] e: std::io::Error },
            }
        });
        assert!(allowed.is_empty(), "{allowed:#?}");
    }

    #[test]
    fn internal_fields_are_never_details_or_headers() {
        assert_one(
            parse_quote! { enum E { #[code("A")] #[status(429)] A { #[api_error(internal, retry_after)] wait: u64 } } },
            "an internal field cannot be `retry_after`",
        );
        assert_one(
            parse_quote! { enum E { #[code("A")] #[status(429)] A { #[source] #[api_error(rename = "x")] e: Io } } },
            "`rename` has no meaning on a source field",
        );
        assert_one(
            parse_quote! { enum E { #[code("A")] #[status(400)] A(#[api_error(skip)] u8) } },
            "`skip` has no meaning on a tuple field",
        );
        assert_one(
            parse_quote! { enum E { #[api_error(transparent)] A(#[api_error(rename = "x")] Inner) } },
            "has no meaning on the field of a transparent variant",
        );
        assert_one(
            parse_quote! { enum E { #[api_error(transparent)] A(#[source] Inner) } },
            "`#[source]` has no meaning on the field of a transparent variant",
        );
    }

    #[test]
    fn attributes_in_the_wrong_place() {
        let cases: Vec<(DeriveInput, &str)> = vec![
            (
                parse_quote! { #[code("A")] #[api_error(status = 400)] enum E { #[code("A")] A } },
                "`#[code]` on an enum has no meaning",
            ),
            (
                parse_quote! { #[status(404)] enum E { #[code("A")] #[status(404)] A } },
                "`#[status]` on an enum has no meaning",
            ),
            (
                parse_quote! { #[message("x")] #[api_error(status = 400)] enum E { #[code("A")] A } },
                "`#[message]` on an enum has no meaning",
            ),
            (
                parse_quote! { #[source] #[api_error(status = 400)] enum E { #[code("A")] A } },
                "`#[source]` marks a field",
            ),
            (
                parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] #[from] A } },
                "`#[from]` marks a field",
            ),
            (
                parse_quote! { #[from] #[code("A")] #[status(400)] struct S; },
                "`#[from]` marks a field",
            ),
            (
                parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] A { #[code("B")] x: u8 } } },
                "`#[code]` on a field has no meaning",
            ),
            (
                parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] A { #[message("m")] x: u8 } } },
                "`#[message]` on a field has no meaning",
            ),
            (
                parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] #[api_error(pattern = "A")] A } },
                "`pattern` is a type attribute",
            ),
            (
                parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] #[api_error(status = 404)] A } },
                "a variant's status is written #[status(404)]",
            ),
            (
                parse_quote! { #[api_error(status = 400)] enum E { #[api_error(code = "A")] A } },
                "a variant's code is written #[code(\"...\")]",
            ),
            (
                parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] #[api_error(skip)] A } },
                "`skip` is a field attribute",
            ),
            (
                parse_quote! { #[api_error(status = 400, rename = "x")] enum E { #[code("A")] A } },
                "`rename` is a field attribute",
            ),
            (
                parse_quote! { #[api_error(transparent)] enum E { #[code("A")] #[status(400)] A } },
                "`transparent` marks an enum variant",
            ),
            (
                parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] A { #[api_error(transparent)] x: u8 } } },
                "`transparent` marks the variant",
            ),
            (
                parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] A { #[api_error(category = "c")] x: u8 } } },
                "`category` is a variant or type attribute",
            ),
            (
                parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] A { #[api_error(pattern = "c")] x: u8 } } },
                "`pattern` is a type attribute",
            ),
            (
                parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] A { #[api_error(status = 404)] x: u8 } } },
                "write #[status(...)] on the variant",
            ),
            (
                parse_quote! { #[api_error(status = 400, category = "x")] enum E { #[code("A")] A } },
                "on an enum, `category` declares a category",
            ),
            (
                parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] A { #[api_error(skip = true)] x: u8 } } },
                "`skip` takes no value",
            ),
            (
                parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] A { #[source(x)] x: Io } } },
                "`#[source]` takes no arguments",
            ),
        ];
        for (input, expected) in cases {
            assert_one(input, expected);
        }
    }

    #[test]
    fn empty_and_malformed_values() {
        let cases: Vec<(DeriveInput, &str)> = vec![
            (
                parse_quote! { enum E { #[code("A")] #[status(400)] #[message("")] A } },
                "`message` cannot be empty",
            ),
            (
                parse_quote! { enum E { #[code("A")] #[status(400)] #[message("  ")] A } },
                "`message` cannot be empty",
            ),
            (
                parse_quote! { enum E { #[code("A")] #[status(465)] #[message("")] A } },
                "`message` cannot be empty",
            ),
            (
                parse_quote! { enum E { #[code("A")] #[status(400)] A { #[api_error(rename = "")] x: u8 } } },
                "`rename` cannot be empty",
            ),
            (
                parse_quote! { enum E { #[code("A")] #[status(400)] #[api_error(title = "")] A } },
                "`title` cannot be empty",
            ),
            (
                parse_quote! { #[api_error(envelope = "google", domain = "")] enum E { #[code("A")] #[status(400)] A } },
                "`domain` cannot be empty",
            ),
            (
                parse_quote! { #[api_error(envelope = "google", domain = "a b")] enum E { #[code("A")] #[status(400)] A } },
                "`domain` is a service name",
            ),
            (
                parse_quote! { #[api_error(envelope = "problem", type_url = "")] enum E { #[code("A")] #[status(400)] A } },
                "`type_url` cannot be empty",
            ),
            (
                parse_quote! { #[api_error(envelope = "problem", type_url = "javascript:alert(1)")] enum E { #[code("A")] #[status(400)] A } },
                "not a `javascript:` URL",
            ),
            (
                parse_quote! { #[api_error(envelope = "problem", type_url = "file:///etc/{code}")] enum E { #[code("A")] #[status(400)] A } },
                "not a `file:` URL",
            ),
            (
                parse_quote! { #[api_error(envelope = "problem", type_url = "https://x/{id}")] enum E { #[code("A")] #[status(400)] A } },
                "`{code}` is the only placeholder",
            ),
            (
                parse_quote! { #[api_error(envelope = "problem", type_url = "https://x/\"{code}")] enum E { #[code("A")] #[status(400)] A } },
                "is not a URI character",
            ),
            (
                parse_quote! { #[api_error(category(name = "", prefix = "A"))] enum E { #[code("A")] #[status(400)] A } },
                "a category's `name` cannot be empty",
            ),
            (
                parse_quote! { #[api_error(retired())] enum E { #[code("A")] #[status(400)] A } },
                "`retired` lists codes",
            ),
            (
                parse_quote! { enum E { #[code("A")] #[status(400)] #[message("{}", x)] A { x: u8 } } },
                "write `.x` to name the field `x`",
            ),
            (
                parse_quote! { enum E { #[code("A")] #[status(400)] #[message("{x:?}")] A { x: u8 } } },
                "Debug is for logs",
            ),
            (
                parse_quote! { enum E { #[code("A")] #[status(400)] #[message("{x:p}")] A { x: &'static u8 } } },
                "pointer",
            ),
            (
                parse_quote! { enum E { #[code("A")] #[status(Foo::GONE)] A } },
                "a status path must name a constant of `StatusCode`",
            ),
            (
                parse_quote! { enum E { #[code("A")] #[status(MY_STATUS)] A } },
                "constants of your own are not read",
            ),
        ];
        for (input, expected) in cases {
            assert_one(input, expected);
        }
        let fine = errors(parse_quote! {
            #[api_error(envelope = "problem", type_url = "/errors/{code}")]
            enum E {
                #[code("A")] #[status(StatusCode::GONE)] A,
                #[code("B")] #[status(http::StatusCode::CONFLICT)] B,
                #[code("C")] #[status(::apierror::http::StatusCode::NOT_FOUND)] C,
            }
        });
        assert!(fine.is_empty(), "{fine:#?}");
        for url in [
            "https://docs.example.com/errors/{code}",
            "urn:example:error:{code}",
            "HTTP://X/{code}?a=b#c",
            "errors/{code}",
        ] {
            assert_eq!(type_url(url), Ok(()), "{url}");
        }
    }

    #[test]
    fn decode_rejects_messages_that_match_everything() {
        assert_one(
            parse_quote! {
                #[api_error(decode, status = 429)]
                enum E { #[code("A")] #[message("{detail}")] A { detail: String }, #[code("B")] #[message("Slow down")] B }
            },
            "`{detail}` is only placeholders and matches every message of status 429",
        );
        let fine = errors(parse_quote! {
            #[api_error(decode, status = 429)]
            enum E { #[code("A")] #[message("{detail}")] A { detail: String }, #[code("B")] #[status(400)] B }
        });
        assert!(fine.is_empty(), "{fine:#?}");
    }

    #[test]
    fn problem_members_are_checked() {
        assert_one(
            parse_quote! {
                #[api_error(envelope = "problem", status = 400)]
                enum E { #[code("A")] A { status: String } }
            },
            "details key `status` collides with a standard member of RFC 9457 problem details",
        );
        assert_one(
            parse_quote! {
                #[api_error(envelope = "problem", status = 400)]
                enum E { #[code("A")] A { #[api_error(rename = "code")] reason: String } }
            },
            "details key `code` collides with the error code's member `code`",
        );
        assert_one(
            parse_quote! {
                #[api_error(envelope = "problem", status = 400)]
                enum E { #[code("A")] A { r#type: String } }
            },
            "details key `type` collides",
        );
        assert_one(
            parse_quote! {
                #[api_error(envelope = "problem", status = 400)]
                enum E { #[code("A")] A { #[api_error(rename = "retry-after")] wait: u32 } }
            },
            "RFC 9457 §3.2 asks that extension members start with a letter and contain only letters, digits and underscores; e.g. \"retry_after\"",
        );
        assert_one(
            parse_quote! {
                #[api_error(envelope = "problem", status = 400)]
                enum E { #[code("A")] A { _internal: u32 } }
            },
            "e.g. #[api_error(rename = \"internal\")]",
        );
        assert_one(
            parse_quote! {
                #[api_error(envelope = "problem", status = 400)]
                #[code("A")]
                struct S { #[api_error(rename = "9lives")] lives: u32 }
            },
            "start with a letter",
        );
        // Short names, camelCase, skipped and source fields, other envelopes: all fine.
        let allowed = errors(parse_quote! {
            #[api_error(envelope = "problem", status = 400)]
            enum E {
                #[code("A")] A { id: u32, #[api_error(rename = "vmType")] vm: String },
                #[code("B")] B { #[api_error(skip)] status: u16, #[source] title: Io },
                #[code("C")] C(u8),
            }
        });
        assert!(allowed.is_empty(), "{allowed:#?}");
        let standard = errors(parse_quote! {
            #[api_error(status = 400)]
            enum E { #[code("A")] A { status: String, #[api_error(rename = "retry-after")] wait: u32 } }
        });
        assert!(standard.is_empty(), "{standard:#?}");
    }
}
