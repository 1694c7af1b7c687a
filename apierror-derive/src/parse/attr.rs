// Over 600 lines: the parsers of the three places (type, variant, field) share the key tables, `misplaced_key` and the value helpers.
//! Attribute parsing: one small struct per attribute, keeping the user's
//! tokens for spans. Values are judged in `valid`; here only where an
//! attribute is written, whether it can be read, and that text is not empty.

use crate::base::ctxt::Ctxt;
#[allow(clippy::wildcard_imports)]
use crate::base::symbol::*;
pub use crate::grammar::status::{parse_status, StatusAttr};
use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::punctuated::Punctuated;
use syn::{Attribute, Ident, LitInt, LitStr, Token, WherePredicate};

/// `format = "problem"` (a built-in format) or `format = my::FORMAT`
/// (a value of the user's own `Format` type).
pub enum FormatAttr {
    Name(LitStr),
    Path(syn::Path),
}

/// `1000..=1999`, with its tokens, so errors underline the whole range.
#[derive(Clone)]
pub struct RangeAttr {
    pub lo: u64,
    pub hi: u64,
    pub tokens: proc_macro2::TokenStream,
}

pub struct CategoryAttr {
    pub name: LitStr,
    pub title: Option<LitStr>,
    pub range: Option<RangeAttr>,
    pub prefix: Option<LitStr>,
}

/// `status_doc(429, "Rate limit exceeded", "Wait and retry with backoff")`.
pub struct StatusDocAttr {
    pub status: LitInt,
    pub description: LitStr,
    pub troubleshooting: Option<LitStr>,
}

/// What a variant (or a struct) says about itself.
#[derive(Default)]
pub struct VariantAttrs {
    pub code: Option<LitStr>,
    pub status: Option<StatusAttr>,
    pub message: Option<LitStr>,
    /// Computed arguments after the message: `.limit * 2`, `n = expr`.
    pub message_args: Vec<crate::parse::args::MessageArg>,
    pub category: Option<LitStr>,
    pub empty_details: Option<Span>,
    pub transparent: Option<Span>,
    pub title: Option<LitStr>,
    pub kind: Option<LitStr>,
    /// `grpc = "ALREADY_EXISTS"`: the gRPC code in place of the status's.
    pub grpc: Option<LitStr>,
    /// `log = "warn"`: how loudly responses log the variant's report.
    pub log: Option<LitStr>,
    /// `class = "NodeNotFoundError"`: the name the service's code gives it.
    pub class: Option<LitStr>,
    /// The doc comment, line by line.
    pub doc: Vec<crate::parse::doc::Line>,
    /// A `#[code]` / `#[status]` / `#[message]` was written, even if it could
    /// not be read (then already reported): no error about its absence on top.
    pub code_written: bool,
    pub status_written: bool,
    pub message_written: bool,
    /// An `#[api_error(...)]` of the variant could not be read to its end.
    pub unreadable: bool,
    /// The type also derives `thiserror::Error` (it has `#[error(...)]`).
    pub thiserror: bool,
    /// thiserror's `#[error(..)]` when it is one literal, as a token: read
    /// (`error_text`) only for a message with placeholders.
    pub error_literal: Option<proc_macro2::Literal>,
}

/// Container rules, from `#[api_error(...)]` on the type.
#[derive(Default)]
pub struct ContainerAttrs {
    pub pattern: Option<LitStr>,
    pub range: Option<RangeAttr>,
    pub categories: Vec<CategoryAttr>,
    pub retired: Option<Vec<LitStr>>,
    pub rule: Option<LitStr>,
    pub prefix: Option<LitStr>,
    pub status: Option<StatusAttr>,
    pub empty_details: Option<Span>,
    pub krate: Option<syn::Path>,
    pub format: Option<FormatAttr>,
    /// `manual_response`: no derived `IntoResponse` / `ResponseError`.
    pub manual_response: Option<Span>,
    pub type_url: Option<LitStr>,
    pub domain: Option<LitStr>,
    /// The challenge (a string), or `false` for none.
    pub www_authenticate: Option<syn::Lit>,
    /// A struct's own `title`, `kind` and `category` (an enum's go on its variants).
    pub title: Option<LitStr>,
    pub kind: Option<LitStr>,
    /// The default `grpc` code of an enum's variants, a struct's own.
    pub grpc: Option<LitStr>,
    pub category: Option<LitStr>,
    /// Implement `Decode`: rebuild the error from a rendered body.
    pub decode: Option<Span>,
    /// The type's default log level (a struct's own).
    pub log: Option<LitStr>,
    /// A struct's own `class`.
    pub class: Option<LitStr>,
    /// `doc_url = "https://docs.example.com/errors/{code}"`.
    pub doc_url: Option<LitStr>,
    /// `status_doc(429, "description", "troubleshooting")`, in order.
    pub status_docs: Vec<StatusDocAttr>,
    /// `language = "en"`: the language of the messages as written.
    pub language: Option<LitStr>,
    /// `locales("de", "fr")`: the languages the messages are translated to.
    pub locales: Option<Vec<LitStr>>,
    /// `translations = "locales"`: the directory of the translation files,
    /// relative to the crate's `Cargo.toml`.
    pub translations: Option<LitStr>,
    /// `bound = "T: Display, U: Clone"`: the where-clause predicates of the
    /// generated impls, in place of those inferred from field types.
    pub bound: Option<Vec<WherePredicate>>,
    /// An `#[api_error(...)]` could not be read to its end (reported): keys
    /// after the error are unknown, so nothing is reported missing.
    pub unreadable: bool,
}

#[derive(Default)]
pub struct FieldAttrs {
    pub rename: Option<LitStr>,
    /// `header = "X-RateLimit-Remaining"`: the field's text is that header too.
    pub header: Option<LitStr>,
    /// `schema = Type`: the field is documented (OpenAPI, JSON Schema,
    /// TypeScript) as that type.
    pub schema: Option<syn::Type>,
    pub skip: Option<Span>,
    pub retry_after: Option<Span>,
    /// `violations`: the field is the variant's validation list, for a type
    /// not spelled `Violations` (an alias).
    pub violations: Option<Span>,
    /// `violations = false`: a type spelled `Violations` that is not the
    /// runtime's.
    pub not_violations: Option<Span>,
    pub internal: Option<Span>,
    pub source: Option<Span>,
    pub from: Option<Span>,
    /// The field's doc comment.
    pub doc: String,
}

/// Where an attribute is written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Enum,
    Struct,
    Variant,
    Field,
}

pub use crate::base::symbol::{CONTAINER_KEYS, FIELD_KEYS, VARIANT_KEYS};

/// Sets a once-only key, reporting a repeat at the second occurrence.
fn set_once<T>(cx: &Ctxt, slot: &mut Option<T>, value: T, span: Span, key: &str) {
    if slot.is_some() {
        cx.error_at(span, format_args!("duplicate `{key}` attribute"));
    } else {
        *slot = Some(value);
    }
}

fn key_name(meta: &ParseNestedMeta) -> String {
    meta.path
        .get_ident()
        .map_or_else(|| "?".to_owned(), Ident::to_string)
}

fn key_span(meta: &ParseNestedMeta) -> Span {
    meta.path
        .get_ident()
        .map_or_else(Span::call_site, Ident::span)
}

/// A key that has no meaning where it is written: where it belongs, when it
/// has a meaning elsewhere, or the closest known key.
fn misplaced_key(meta: &ParseNestedMeta, place: Place) -> syn::Error {
    let name = key_name(meta);
    let known = match place {
        Place::Enum | Place::Struct => CONTAINER_KEYS,
        Place::Variant => VARIANT_KEYS,
        Place::Field => FIELD_KEYS,
    };
    let elsewhere = match (place, name.as_str()) {
        (Place::Variant, CODE) => Some(
            "a variant's code is written #[code(\"...\")]; `code = \"...\"` in #[api_error] is the type's naming rule".to_owned(),
        ),
        (Place::Variant, STATUS) => Some(
            "a variant's status is written #[status(404)]; `status = ...` in #[api_error] is the type's default".to_owned(),
        ),
        (Place::Field, CODE | STATUS) => Some(format!(
            "`{name}` describes the whole error: write #[{name}(...)] on the variant"
        )),
        (Place::Enum | Place::Struct, TRANSPARENT) => Some(
            "`transparent` marks an enum variant that delegates to its one field: put it on the variant".to_owned(),
        ),
        (Place::Field, TRANSPARENT) => Some(
            "`transparent` marks the variant that delegates to this field: put it on the variant".to_owned(),
        ),
        (Place::Field, CLASS) => Some(
            "`class` names one error: put it on the variant".to_owned(),
        ),
        (Place::Field, key) if CONTAINER_KEYS.contains(&key) && VARIANT_KEYS.contains(&key) => {
            Some(format!(
                "`{key}` is a variant or type attribute: put it on the variant, or on the type for all of them"
            ))
        }
        (_, key) if place != Place::Field && FIELD_KEYS.contains(&key) => Some(format!(
            "`{key}` is a field attribute: put it on the field, #[api_error({key})]"
        )),
        (Place::Variant | Place::Field, key) if CONTAINER_KEYS.contains(&key) => Some(format!(
            "`{key}` is a type attribute: put it in #[api_error(...)] on the type"
        )),
        (Place::Field, key) if VARIANT_KEYS.contains(&key) => Some(format!(
            "`{key}` is a variant attribute: put it on the variant"
        )),
        _ => None,
    };
    let what = match place {
        Place::Enum | Place::Struct => "type",
        Place::Variant => "variant",
        Place::Field => "field",
    };
    match elsewhere {
        Some(hint) => meta.error(format_args!("`{name}` has no meaning on a {what}: {hint}")),
        None => {
            let hint = match crate::base::ctxt::closest(&name, known.iter().copied()) {
                Some(close) => format!("; did you mean `{close}`?"),
                None => format!("; expected one of: {}", known.join(", ")),
            };
            meta.error(format_args!("unknown {what} attribute `{name}`{hint}"))
        }
    }
}

/// A key without a value, like `skip`: a value is an error, not ignored.
fn flag(meta: &ParseNestedMeta) -> syn::Result<Span> {
    if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
        let name = key_name(meta);
        return Err(meta.error(format_args!(
            "`{name}` takes no value: write #[api_error({name})]"
        )));
    }
    Ok(key_span(meta))
}

/// A string value, reported (and dropped) when it is empty.
fn text(cx: &Ctxt, meta: &ParseNestedMeta, key: &str) -> syn::Result<Option<LitStr>> {
    let lit: LitStr = meta.value()?.parse()?;
    Ok(non_empty(cx, lit, key))
}

fn non_empty(cx: &Ctxt, lit: LitStr, key: &str) -> Option<LitStr> {
    if lit.value().trim().is_empty() {
        cx.error_at(
            lit.span(),
            format_args!("`{key}` cannot be empty: write the text, or leave the attribute out"),
        );
        None
    } else {
        Some(lit)
    }
}

/// Sets a once-only text key; an empty one is reported and counts as written.
fn set_text(cx: &Ctxt, slot: &mut Option<LitStr>, meta: &ParseNestedMeta) -> syn::Result<()> {
    let key = key_name(meta);
    let span = key_span(meta);
    if let Some(lit) = text(cx, meta, &key)? {
        set_once(cx, slot, lit, span, &key);
    }
    Ok(())
}

fn parse_range(input: ParseStream) -> syn::Result<RangeAttr> {
    let lo: LitInt = input.parse()?;
    input.parse::<Token![..=]>()?;
    let hi: LitInt = input.parse()?;
    Ok(RangeAttr {
        lo: lo.base10_parse()?,
        hi: hi.base10_parse()?,
        tokens: quote::quote!(#lo..=#hi),
    })
}

fn parse_str_list(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Vec<LitStr>> {
    let content;
    syn::parenthesized!(content in meta.input);
    let list = Punctuated::<LitStr, Token![,]>::parse_terminated(&content)?;
    if list.is_empty() {
        let message = if meta.path.is_ident(LOCALES) {
            "`locales` lists languages: locales(\"de\", \"fr\")"
        } else {
            "`retired` lists codes: retired(\"ERR-01-003\", ...)"
        };
        cx.push(meta.error(message));
    }
    Ok(list.into_iter().collect())
}

pub fn is_thiserror_attr(attr: &Attribute) -> bool {
    attr.path().is_ident(ERROR)
}

/// The doc comment of an item, one leading space per line removed.
pub fn doc_of(attrs: &[Attribute]) -> String {
    let lines: Vec<String> = doc_lines(attrs).into_iter().map(|(l, _)| l).collect();
    lines.join("\n").trim().to_owned()
}

/// The lines of an item's doc comment, one leading space removed, trailing
/// spaces trimmed, each with the span of its attribute. `#[doc = ...]`
/// with other than a string literal (`include_str!`) is left out.
pub fn doc_lines(attrs: &[Attribute]) -> Vec<crate::parse::doc::Line> {
    let mut lines = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident(DOC) {
            continue;
        }
        if let syn::Meta::NameValue(nv) = &attr.meta {
            if let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) = &nv.value
            {
                let span = syn::spanned::Spanned::span(attr);
                // A `/** */` block is one attribute of many lines.
                for line in s.value().split('\n') {
                    let line = line.strip_suffix('\r').unwrap_or(line);
                    let line = line.strip_prefix(' ').unwrap_or(line).trim_end();
                    lines.push((line.to_owned(), span));
                }
            }
        }
    }
    lines
}

/// Reports the attributes of this derive that have no meaning at `place`:
/// `#[code]`, `#[status]`, `#[message]` describe an error (a variant, or a
/// struct); `#[source]` and `#[from]` mark a field.
fn check_placement(cx: &Ctxt, attrs: &[Attribute], place: Place) {
    for attr in attrs {
        if let syn::Meta::List(list) = &attr.meta {
            if list.path.is_ident(API_ERROR) && list.tokens.is_empty() {
                cx.error_spanned_by(
                    &attr.meta,
                    "empty #[api_error()]: write keys in it, or remove it",
                );
            }
        }
        let path = attr.path();
        let Some(name) = path.get_ident().map(Ident::to_string) else {
            continue;
        };
        let message = match (name.as_str(), place) {
            (CODE | STATUS | MESSAGE, Place::Enum) => match name.as_str() {
                CODE => "`#[code]` on an enum has no meaning: write it on each variant, or derive codes from variant names with #[api_error(code = \"SCREAMING_SNAKE_CASE\")]".to_owned(),
                STATUS => "`#[status]` on an enum has no meaning: write it on each variant, or give the type a default with #[api_error(status = 400)]".to_owned(),
                _ => "`#[message]` on an enum has no meaning: write it on each variant; a variant without one uses its status's reason phrase".to_owned(),
            },
            (CODE | STATUS | MESSAGE, Place::Field) => format!(
                "`#[{name}]` on a field has no meaning: it describes the whole error, write it on the variant"
            ),
            (SOURCE | FROM, Place::Enum | Place::Struct | Place::Variant) => format!(
                "`#[{name}]` marks a field: write it on the field that holds the source error"
            ),
            _ => continue,
        };
        cx.error_at(
            path.get_ident().map_or_else(Span::call_site, Ident::span),
            message,
        );
    }
}

/// Parses the type's `#[api_error(...)]` attributes. For a struct, the
/// struct's own `#[code]`, `#[status]`, `#[message]` are read by
/// [`parse_variant`] on the same attributes.
pub fn parse_container(cx: &Ctxt, attrs: &[Attribute], place: Place) -> ContainerAttrs {
    check_placement(cx, attrs, place);
    let mut out = ContainerAttrs::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident(API_ERROR)) {
        let result = attr.parse_nested_meta(|meta| {
            let span = key_span(&meta);
            let key = key_name(&meta);
            match key.as_str() {
                PATTERN => set_once(cx, &mut out.pattern, meta.value()?.parse()?, span, &key),
                RANGE => set_once(cx, &mut out.range, parse_range(meta.value()?)?, span, &key),
                RETIRED => set_once(cx, &mut out.retired, parse_str_list(cx, &meta)?, span, &key),
                CODE => set_once(cx, &mut out.rule, meta.value()?.parse()?, span, &key),
                PREFIX => set_once(cx, &mut out.prefix, meta.value()?.parse()?, span, &key),
                STATUS => set_once(
                    cx,
                    &mut out.status,
                    parse_status(meta.value()?)?,
                    span,
                    &key,
                ),
                EMPTY_DETAILS => set_once(cx, &mut out.empty_details, flag(&meta)?, span, &key),
                CRATE => {
                    let lit: LitStr = meta.value()?.parse().map_err(|e: syn::Error| {
                        syn::Error::new(
                            e.span(),
                            "expected the path in a string: `crate = \"::apierror\"`",
                        )
                    })?;
                    let path = lit.parse::<syn::Path>().map_err(|_| {
                        syn::Error::new(lit.span(), "expected a path like \"::apierror\"")
                    })?;
                    set_once(cx, &mut out.krate, path, span, &key);
                }
                // `category = "..."` names a struct's category; `category(...)` declares one.
                CATEGORY if meta.input.peek(Token![=]) => {
                    if place == Place::Enum {
                        return Err(meta.error(
                            "on an enum, `category` declares a category: category(name = \"...\", range = 1000..=1999); a variant names its category with #[api_error(category = \"...\")]",
                        ));
                    }
                    set_text(cx, &mut out.category, &meta)?;
                }
                CATEGORY => out.categories.push(parse_category(cx, &meta)?),
                ENVELOPE => {
                    return Err(meta.error(
                        "`envelope` is called `format`: write format = \"problem\", or format = my::FORMAT for your own",
                    ));
                }
                FORMAT => {
                    let value = meta.value()?;
                    let format = if value.peek(LitStr) {
                        FormatAttr::Name(value.parse()?)
                    } else {
                        FormatAttr::Path(value.parse().map_err(|e: syn::Error| {
                            syn::Error::new(
                                e.span(),
                                "expected a built-in format's name (format = \"problem\") or the path of your own format (format = my::FORMAT)",
                            )
                        })?)
                    };
                    set_once(cx, &mut out.format, format, span, &key);
                }
                MANUAL_RESPONSE => set_once(cx, &mut out.manual_response, flag(&meta)?, span, &key),
                TYPE_URL => set_text(cx, &mut out.type_url, &meta)?,
                DOMAIN => set_once(cx, &mut out.domain, meta.value()?.parse()?, span, &key),
                WWW_AUTHENTICATE => set_once(
                    cx,
                    &mut out.www_authenticate,
                    meta.value()?.parse()?,
                    span,
                    &key,
                ),
                TITLE => set_text(cx, &mut out.title, &meta)?,
                KIND => set_once(cx, &mut out.kind, meta.value()?.parse()?, span, &key),
                GRPC => set_once(cx, &mut out.grpc, meta.value()?.parse()?, span, &key),
                DECODE => set_once(cx, &mut out.decode, flag(&meta)?, span, &key),
                LOG => set_once(cx, &mut out.log, meta.value()?.parse()?, span, &key),
                // On an enum: the base class of its errors' classes.
                CLASS => set_text(cx, &mut out.class, &meta)?,
                DOC_URL => set_text(cx, &mut out.doc_url, &meta)?,
                STATUS_DOC => out.status_docs.push(parse_status_doc(cx, &meta)?),
                BOUND => set_once(cx, &mut out.bound, parse_bound(cx, &meta)?, span, &key),
                LANGUAGE => set_once(cx, &mut out.language, meta.value()?.parse()?, span, &key),
                LOCALES => set_once(cx, &mut out.locales, parse_str_list(cx, &meta)?, span, &key),
                TRANSLATIONS => set_text(cx, &mut out.translations, &meta)?,
                _ => return Err(misplaced_key(&meta, place)),
            }
            Ok(())
        });
        if let Err(error) = result {
            out.unreadable = true;
            cx.push(error);
        }
    }
    out
}

fn parse_category(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<CategoryAttr> {
    let mut name = None;
    let mut title = None;
    let mut range = None;
    let mut prefix = None;
    meta.parse_nested_meta(|inner| {
        let span = key_span(&inner);
        let key = key_name(&inner);
        match key.as_str() {
            NAME => set_once(cx, &mut name, inner.value()?.parse()?, span, &key),
            TITLE => set_text(cx, &mut title, &inner)?,
            RANGE => set_once(cx, &mut range, parse_range(inner.value()?)?, span, &key),
            PREFIX => set_once(cx, &mut prefix, inner.value()?.parse()?, span, &key),
            _ => {
                let known = CATEGORY_KEYS;
                let hint = match crate::base::ctxt::closest(&key, known.iter().copied()) {
                    Some(close) => format!("; did you mean `{close}`?"),
                    None => format!("; expected one of: {}", known.join(", ")),
                };
                return Err(inner.error(format_args!("unknown category attribute `{key}`{hint}")));
            }
        }
        Ok(())
    })?;
    let name: LitStr = name.ok_or_else(|| meta.error("a category needs `name = \"...\"`"))?;
    if name.value().trim().is_empty() {
        return Err(syn::Error::new(
            name.span(),
            "a category's `name` cannot be empty",
        ));
    }
    if let (Some(range), Some(_)) = (&range, &prefix) {
        cx.error_spanned_by(
            &range.tokens,
            "a category takes `range` or `prefix`, not both",
        );
    }
    Ok(CategoryAttr {
        name,
        title,
        range,
        prefix,
    })
}

/// `bound = "T: Display, U: Clone"`: where-clause predicates in a string,
/// as serde's `bound` takes them; `""` is none. Predicates that do not parse
/// are reported and read as none, so that a second `bound` is still
/// reported as a duplicate.
fn parse_bound(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Vec<WherePredicate>> {
    const USAGE: &str =
        "expected where-clause predicates in a string: `bound = \"T: std::fmt::Display\"`";
    if !meta.input.peek(Token![=]) {
        return Err(meta.error(USAGE));
    }
    let lit: LitStr = meta
        .value()?
        .parse()
        .map_err(|e: syn::Error| syn::Error::new(e.span(), USAGE))?;
    let parser = Punctuated::<WherePredicate, Token![,]>::parse_terminated;
    match lit.parse_with(parser) {
        Ok(predicates) => Ok(predicates.into_iter().collect()),
        Err(error) => {
            cx.error_at(
                lit.span(),
                format_args!(
                    "invalid `bound`: {error}; write where-clause predicates separated by commas, as in `bound = \"T: std::fmt::Display\"`"
                ),
            );
            Ok(Vec::new())
        }
    }
}

/// `status_doc(429, "description")` or `status_doc(429, "description", "troubleshooting")`.
fn parse_status_doc(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<StatusDocAttr> {
    const USAGE: &str = "expected status_doc(429, \"what the status means\") or status_doc(429, \"what it means\", \"what a client does\")";
    let content;
    syn::parenthesized!(content in meta.input);
    let status: LitInt = content
        .parse()
        .map_err(|e| syn::Error::new(e.span(), USAGE))?;
    content
        .parse::<Token![,]>()
        .map_err(|e| syn::Error::new(e.span(), USAGE))?;
    let description: LitStr = content
        .parse()
        .map_err(|e| syn::Error::new(e.span(), USAGE))?;
    let mut troubleshooting = None;
    if content.parse::<Option<Token![,]>>()?.is_some() && !content.is_empty() {
        let lit: LitStr = content
            .parse()
            .map_err(|e| syn::Error::new(e.span(), USAGE))?;
        troubleshooting = non_empty(cx, lit, STATUS_DOC);
        content.parse::<Option<Token![,]>>()?;
    }
    if !content.is_empty() {
        return Err(content.error(USAGE));
    }
    let description = non_empty(cx, description.clone(), STATUS_DOC).unwrap_or(description);
    Ok(StatusDocAttr {
        status,
        description,
        troubleshooting,
    })
}

/// The attribute's argument when it is one literal in parentheses
/// (`#[code("E1")]`, `#[status(404)]`), read without syn's parse buffer,
/// which copies the tokens first (the derive runs unoptimized in dev
/// builds). Anything else is parsed in full, with its errors.
fn lone_literal(attr: &Attribute) -> Option<syn::Lit> {
    lone_token(attr).map(syn::Lit::new)
}

/// The attribute's argument when it is one literal in parentheses, as the
/// token (not read: reading a literal asks the compiler for its text).
fn lone_token(attr: &Attribute) -> Option<proc_macro2::Literal> {
    let syn::Meta::List(list) = &attr.meta else {
        return None;
    };
    if !matches!(list.delimiter, syn::MacroDelimiter::Paren(_)) {
        return None;
    }
    let mut tokens = list.tokens.clone().into_iter();
    match (tokens.next(), tokens.next()) {
        (Some(proc_macro2::TokenTree::Literal(lit)), None) => Some(lit),
        _ => None,
    }
}

impl VariantAttrs {
    /// The text of thiserror's `#[error("...")]`, which its `Display`
    /// writes, when the attribute is one string literal.
    pub fn error_text(&self) -> Option<String> {
        match syn::Lit::new(self.error_literal.clone()?) {
            syn::Lit::Str(lit) => Some(lit.value()),
            _ => None,
        }
    }
}

/// Parses what a variant (or a struct, for its own code) declares.
pub fn parse_variant(cx: &Ctxt, attrs: &[Attribute], is_struct: bool) -> VariantAttrs {
    if !is_struct {
        check_placement(cx, attrs, Place::Variant);
    }
    let mut out = VariantAttrs {
        doc: doc_lines(attrs),
        thiserror: attrs.iter().any(is_thiserror_attr),
        ..VariantAttrs::default()
    };
    for attr in attrs {
        let path = attr.path();
        let span = path.get_ident().map_or_else(Span::call_site, Ident::span);
        // The name printed once (`is_ident` prints it at each comparison).
        let name = path.get_ident().map(Ident::to_string);
        let is = |key: &str| name.as_deref() == Some(key);
        let result = if is(CODE) {
            out.code_written = true;
            match lone_literal(attr) {
                Some(syn::Lit::Str(lit)) => Ok(lit),
                _ => attr.parse_args::<LitStr>(),
            }
            .map(|lit| set_once(cx, &mut out.code, lit, span, CODE))
            .map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "expected a string literal: #[code(\"ERR-01-001\")]",
                )
            })
        } else if is(STATUS) {
            out.status_written = true;
            match lone_literal(attr) {
                Some(syn::Lit::Int(lit)) => Ok(crate::grammar::status::StatusAttr::Number(lit)),
                _ => attr.parse_args_with(parse_status),
            }
            .map(|status| set_once(cx, &mut out.status, status, span, STATUS))
        } else if is(MESSAGE) {
            out.message_written = true;
            match lone_literal(attr) {
                Some(syn::Lit::Str(lit)) => Ok((lit, Vec::new())),
                _ => attr.parse_args_with(crate::parse::args::parse_message),
            }
            .map(|(lit, args)| {
                if let Some(lit) = non_empty(cx, lit, MESSAGE) {
                    if out.message.is_none() {
                        out.message_args = args;
                    }
                    set_once(cx, &mut out.message, lit, span, MESSAGE);
                }
            })
        } else if is(ERROR) {
            // Only read: thiserror owns the attribute and reports it.
            out.error_literal = lone_token(attr);
            Ok(())
        } else if is(API_ERROR) && !is_struct {
            attr.parse_nested_meta(|meta| {
                let span = key_span(&meta);
                let key = key_name(&meta);
                match key.as_str() {
                    CATEGORY => set_text(cx, &mut out.category, &meta)?,
                    EMPTY_DETAILS => set_once(cx, &mut out.empty_details, flag(&meta)?, span, &key),
                    TRANSPARENT => set_once(cx, &mut out.transparent, flag(&meta)?, span, &key),
                    TITLE => set_text(cx, &mut out.title, &meta)?,
                    KIND => set_once(cx, &mut out.kind, meta.value()?.parse()?, span, &key),
                    GRPC => set_once(cx, &mut out.grpc, meta.value()?.parse()?, span, &key),
                    LOG => set_once(cx, &mut out.log, meta.value()?.parse()?, span, &key),
                    CLASS => set_text(cx, &mut out.class, &meta)?,
                    // Reported as misplaced; no "missing code/status" on top.
                    CODE => {
                        out.code_written = true;
                        return Err(misplaced_key(&meta, Place::Variant));
                    }
                    STATUS => {
                        out.status_written = true;
                        return Err(misplaced_key(&meta, Place::Variant));
                    }
                    _ => return Err(misplaced_key(&meta, Place::Variant)),
                }
                Ok(())
            })
        } else {
            Ok(())
        };
        if let Err(error) = result {
            out.unreadable = true;
            cx.push(error);
        }
    }
    out
}

pub fn parse_field(cx: &Ctxt, attrs: &[Attribute]) -> FieldAttrs {
    check_placement(cx, attrs, Place::Field);
    let mut out = FieldAttrs {
        doc: doc_of(attrs),
        ..FieldAttrs::default()
    };
    for attr in attrs {
        let path = attr.path();
        let span = path.get_ident().map_or_else(Span::call_site, Ident::span);
        let marker = if path.is_ident(SOURCE) {
            Some((SOURCE, &mut out.source))
        } else if path.is_ident(FROM) {
            Some((FROM, &mut out.from))
        } else {
            None
        };
        if let Some((name, slot)) = marker {
            if !matches!(attr.meta, syn::Meta::Path(_)) {
                cx.error_spanned_by(&attr.meta, format_args!("`#[{name}]` takes no arguments"));
            }
            set_once(cx, slot, span, span, name);
        } else if path.is_ident(API_ERROR) {
            let result = attr.parse_nested_meta(|meta| {
                let span = key_span(&meta);
                let key = key_name(&meta);
                match key.as_str() {
                    RENAME => set_text(cx, &mut out.rename, &meta)?,
                    SKIP => set_once(cx, &mut out.skip, flag(&meta)?, span, &key),
                    RETRY_AFTER => set_once(cx, &mut out.retry_after, flag(&meta)?, span, &key),
                    INTERNAL => set_once(cx, &mut out.internal, flag(&meta)?, span, &key),
                    VIOLATIONS => {
                        // `violations = false`: a type of the user's own
                        // that is spelled `Violations` is a plain detail.
                        let on = if meta.input.peek(Token![=]) {
                            meta.value()?.parse::<syn::LitBool>()?.value
                        } else {
                            flag(&meta)?;
                            true
                        };
                        let slot = if on {
                            &mut out.violations
                        } else {
                            &mut out.not_violations
                        };
                        set_once(cx, slot, span, span, &key);
                        if let (Some(_), Some(_)) = (out.violations, out.not_violations) {
                            cx.error_at(
                                span,
                                "a field is `violations` or `violations = false`, not both",
                            );
                        }
                    }
                    HEADER => set_text(cx, &mut out.header, &meta)?,
                    SCHEMA => {
                        let value = meta.value()?;
                        if value.peek(LitStr) {
                            let lit: LitStr = value.parse()?;
                            return Err(syn::Error::new(
                                lit.span(),
                                format_args!(
                                    "`schema` takes a type, not a string: write `schema = {}`",
                                    lit.value()
                                ),
                            ));
                        }
                        let ty: syn::Type = value.parse()?;
                        set_once(cx, &mut out.schema, ty, span, &key);
                    }
                    _ => return Err(misplaced_key(&meta, Place::Field)),
                }
                Ok(())
            });
            if let Err(error) = result {
                cx.push(error);
            }
        }
    }
    if let (Some(_), Some(skip)) = (&out.rename, out.skip) {
        cx.error_at(skip, "a field takes `rename` or `skip`, not both");
    }
    out
}
