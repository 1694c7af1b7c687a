//! Attribute parsing: one small struct per attribute, keeping the user's
//! tokens for spans. Nothing here judges values; `valid.rs` does.

use crate::ctxt::Ctxt;
use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::punctuated::Punctuated;
use syn::{Attribute, Ident, LitInt, LitStr, Token};

/// `#[status(409)]`, `#[status(CONFLICT)]`, `status = 409`, `status = CONFLICT`.
#[derive(Clone)]
pub enum StatusAttr {
    Number(LitInt),
    Name(Ident),
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

/// What a variant (or a struct) says about itself.
#[derive(Default)]
pub struct VariantAttrs {
    pub code: Option<LitStr>,
    pub status: Option<StatusAttr>,
    pub message: Option<LitStr>,
    pub category: Option<LitStr>,
    pub empty_details: Option<Span>,
    pub transparent: Option<Span>,
    pub title: Option<LitStr>,
    pub kind: Option<LitStr>,
    pub doc: String,
    /// A `#[code]` / `#[status]` was written, even if it could not be read
    /// (then already reported): no "missing code/status" error on top of it.
    pub code_written: bool,
    pub status_written: bool,
    /// The type also derives `thiserror::Error` (it has `#[error(...)]`).
    pub thiserror: bool,
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
    pub envelope: Option<LitStr>,
    pub type_url: Option<LitStr>,
    pub domain: Option<LitStr>,
    pub www_authenticate: Option<LitStr>,
    /// A struct's own `title` and `kind` (an enum's go on its variants).
    pub title: Option<LitStr>,
    pub kind: Option<LitStr>,
    /// Implement `Decode`: rebuild the error from a rendered body.
    pub decode: Option<Span>,
}

#[derive(Default)]
pub struct FieldAttrs {
    pub rename: Option<LitStr>,
    pub skip: Option<Span>,
    pub retry_after: Option<Span>,
    pub source: Option<Span>,
    pub from: Option<Span>,
}

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

fn unknown_key(meta: &ParseNestedMeta, place: &str, known: &[&str]) -> syn::Error {
    let name = key_name(meta);
    let hint = match crate::ctxt::closest(&name, known.iter().copied()) {
        Some(close) => format!("; did you mean `{close}`?"),
        None => format!("; expected one of: {}", known.join(", ")),
    };
    meta.error(format_args!("unknown {place} attribute `{name}`{hint}"))
}

pub fn parse_status(input: ParseStream) -> syn::Result<StatusAttr> {
    if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        return Err(syn::Error::new(
            lit.span(),
            format_args!(
                "write the status without quotes: #[status({})]",
                lit.value()
            ),
        ));
    }
    let lookahead = input.lookahead1();
    if lookahead.peek(LitInt) {
        input.parse().map(StatusAttr::Number)
    } else if lookahead.peek(Ident) {
        // Accept `CONFLICT` as well as `StatusCode::CONFLICT`.
        let path: syn::Path = input.parse()?;
        match path.segments.last() {
            Some(last) if last.arguments.is_none() => Ok(StatusAttr::Name(last.ident.clone())),
            _ => Err(syn::Error::new_spanned(
                path,
                "expected a status name like `CONFLICT`",
            )),
        }
    } else {
        Err(syn::Error::new(
            input.span(),
            "expected a status code number like `409` or a name like `CONFLICT`",
        ))
    }
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

fn parse_str_list(meta: &ParseNestedMeta) -> syn::Result<Vec<LitStr>> {
    let content;
    syn::parenthesized!(content in meta.input);
    let list = Punctuated::<LitStr, Token![,]>::parse_terminated(&content)?;
    Ok(list.into_iter().collect())
}

pub fn is_thiserror_attr(attr: &Attribute) -> bool {
    attr.path().is_ident("error")
}

/// The doc comment of an item, one leading space per line removed.
pub fn doc_of(attrs: &[Attribute]) -> String {
    let mut lines = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        if let syn::Meta::NameValue(nv) = &attr.meta {
            if let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) = &nv.value
            {
                let line = s.value();
                lines.push(
                    line.strip_prefix(' ')
                        .unwrap_or(&line)
                        .trim_end()
                        .to_owned(),
                );
            }
        }
    }
    lines.join("\n").trim().to_owned()
}

const CONTAINER_KEYS: &[&str] = &[
    "pattern",
    "range",
    "category",
    "retired",
    "code",
    "prefix",
    "status",
    "empty_details",
    "crate",
    "envelope",
    "type_url",
    "domain",
    "www_authenticate",
    "title",
    "kind",
    "decode",
];

const VARIANT_KEYS: &[&str] = &["category", "empty_details", "transparent", "title", "kind"];

const FIELD_KEYS: &[&str] = &["rename", "skip", "retry_after"];

/// Parses the type's `#[api_error(...)]` attributes. For a struct, the
/// struct's own `#[code]`, `#[status]`, `#[message]` are read by
/// [`parse_variant`] on the same attributes.
pub fn parse_container(cx: &Ctxt, attrs: &[Attribute]) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("api_error")) {
        let result = attr.parse_nested_meta(|meta| {
            let span = meta
                .path
                .get_ident()
                .map_or_else(Span::call_site, Ident::span);
            let key = key_name(&meta);
            match key.as_str() {
                "pattern" => set_once(cx, &mut out.pattern, meta.value()?.parse()?, span, &key),
                "range" => set_once(cx, &mut out.range, parse_range(meta.value()?)?, span, &key),
                "retired" => set_once(cx, &mut out.retired, parse_str_list(&meta)?, span, &key),
                "code" => set_once(cx, &mut out.rule, meta.value()?.parse()?, span, &key),
                "prefix" => set_once(cx, &mut out.prefix, meta.value()?.parse()?, span, &key),
                "status" => set_once(
                    cx,
                    &mut out.status,
                    parse_status(meta.value()?)?,
                    span,
                    &key,
                ),
                "empty_details" => set_once(cx, &mut out.empty_details, span, span, &key),
                "crate" => {
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
                "category" => out.categories.push(parse_category(cx, &meta)?),
                "envelope" => set_once(cx, &mut out.envelope, meta.value()?.parse()?, span, &key),
                "type_url" => set_once(cx, &mut out.type_url, meta.value()?.parse()?, span, &key),
                "domain" => set_once(cx, &mut out.domain, meta.value()?.parse()?, span, &key),
                "www_authenticate" => set_once(
                    cx,
                    &mut out.www_authenticate,
                    meta.value()?.parse()?,
                    span,
                    &key,
                ),
                "title" => set_once(cx, &mut out.title, meta.value()?.parse()?, span, &key),
                "kind" => set_once(cx, &mut out.kind, meta.value()?.parse()?, span, &key),
                "decode" => set_once(cx, &mut out.decode, span, span, &key),
                _ => return Err(unknown_key(&meta, "container", CONTAINER_KEYS)),
            }
            Ok(())
        });
        if let Err(error) = result {
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
        let span = inner
            .path
            .get_ident()
            .map_or_else(Span::call_site, Ident::span);
        let key = key_name(&inner);
        match key.as_str() {
            "name" => set_once(cx, &mut name, inner.value()?.parse()?, span, &key),
            "title" => set_once(cx, &mut title, inner.value()?.parse()?, span, &key),
            "range" => set_once(cx, &mut range, parse_range(inner.value()?)?, span, &key),
            "prefix" => set_once(cx, &mut prefix, inner.value()?.parse()?, span, &key),
            _ => {
                return Err(unknown_key(
                    &inner,
                    "category",
                    &["name", "title", "range", "prefix"],
                ))
            }
        }
        Ok(())
    })?;
    let name: LitStr = name.ok_or_else(|| meta.error("a category needs `name = \"...\"`"))?;
    match (&range, &prefix) {
        (None, None) => {
            return Err(syn::Error::new(
                name.span(),
                "a category needs `range = 1000..=1999` or `prefix = \"...\"`",
            ))
        }
        (Some(range), Some(_)) => {
            cx.error_spanned_by(
                &range.tokens,
                "a category takes `range` or `prefix`, not both",
            );
        }
        _ => {}
    }
    Ok(CategoryAttr {
        name,
        title,
        range,
        prefix,
    })
}

/// Parses what a variant (or a struct, for its own code) declares.
pub fn parse_variant(cx: &Ctxt, attrs: &[Attribute], is_struct: bool) -> VariantAttrs {
    let mut out = VariantAttrs {
        doc: doc_of(attrs),
        thiserror: attrs.iter().any(is_thiserror_attr),
        ..VariantAttrs::default()
    };
    for attr in attrs {
        let path = attr.path();
        let span = path.get_ident().map_or_else(Span::call_site, Ident::span);
        let result = if path.is_ident("code") {
            out.code_written = true;
            attr.parse_args::<LitStr>()
                .map(|lit| set_once(cx, &mut out.code, lit, span, "code"))
                .map_err(|e| {
                    syn::Error::new(
                        e.span(),
                        "expected a string literal: #[code(\"ERR-01-001\")]",
                    )
                })
        } else if path.is_ident("status") {
            out.status_written = true;
            attr.parse_args_with(parse_status)
                .map(|status| set_once(cx, &mut out.status, status, span, "status"))
        } else if path.is_ident("message") {
            attr.parse_args::<LitStr>()
                .map(|lit| set_once(cx, &mut out.message, lit, span, "message"))
                .map_err(|e| {
                    syn::Error::new(
                        e.span(),
                        "expected a string literal: #[message(\"...{field}...\")]",
                    )
                })
        } else if path.is_ident("api_error") && !is_struct {
            attr.parse_nested_meta(|meta| {
                let span = meta
                    .path
                    .get_ident()
                    .map_or_else(Span::call_site, Ident::span);
                let key = key_name(&meta);
                match key.as_str() {
                    "category" => {
                        set_once(cx, &mut out.category, meta.value()?.parse()?, span, &key)
                    }
                    "empty_details" => set_once(cx, &mut out.empty_details, span, span, &key),
                    "transparent" => set_once(cx, &mut out.transparent, span, span, &key),
                    "title" => set_once(cx, &mut out.title, meta.value()?.parse()?, span, &key),
                    "kind" => set_once(cx, &mut out.kind, meta.value()?.parse()?, span, &key),
                    _ => return Err(unknown_key(&meta, "variant", VARIANT_KEYS)),
                }
                Ok(())
            })
        } else {
            Ok(())
        };
        if let Err(error) = result {
            cx.push(error);
        }
    }
    out
}

pub fn parse_field(cx: &Ctxt, attrs: &[Attribute]) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    for attr in attrs {
        let path = attr.path();
        let span = path.get_ident().map_or_else(Span::call_site, Ident::span);
        if path.is_ident("source") {
            set_once(cx, &mut out.source, span, span, "source");
        } else if path.is_ident("from") {
            set_once(cx, &mut out.from, span, span, "from");
        } else if path.is_ident("api_error") {
            let result = attr.parse_nested_meta(|meta| {
                let span = meta
                    .path
                    .get_ident()
                    .map_or_else(Span::call_site, Ident::span);
                let key = key_name(&meta);
                match key.as_str() {
                    "rename" => set_once(cx, &mut out.rename, meta.value()?.parse()?, span, &key),
                    "skip" => set_once(cx, &mut out.skip, span, span, &key),
                    "retry_after" => set_once(cx, &mut out.retry_after, span, span, &key),
                    _ => return Err(unknown_key(&meta, "field", FIELD_KEYS)),
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
