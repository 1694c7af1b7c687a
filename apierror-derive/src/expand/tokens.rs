//! Small helpers every part of code generation uses: spans, paths,
//! bindings and patterns of variants, literals, how a type is written, and
//! whether tokens mention a name. A leaf: it imports no other part.

use crate::parse::ast::{Field, Input, Variant};
use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use quote::{format_ident, quote, ToTokens};
use syn::Member;

/// A span that points at the user's tokens but resolves names as the
/// derive's own tokens do: `::core::...` spanned on a field of an edition
/// 2015 crate would look for `core` in that crate's root.
pub(super) fn at(span: Span) -> Span {
    Span::call_site().located_at(span)
}

/// `Self::Variant` for an enum, `Self` for a struct.
pub(super) fn path(input: &Input, variant: &Variant) -> TokenStream {
    if input.is_struct {
        quote!(Self)
    } else {
        let ident = variant.ident;
        quote!(Self::#ident)
    }
}

pub(super) fn binding(field: &Field) -> Ident {
    match &field.member {
        Member::Named(ident) => format_ident!(
            "__field_{}",
            ident.to_string().trim_start_matches("r#"),
            span = field.span
        ),
        Member::Unnamed(index) => format_ident!("__field_{}", index.index, span = field.span),
    }
}

/// `Self::V { a: __field_a, 0: __field_0, .. }` binding the given fields
/// (each once); without the `..` when they are all the variant's fields
/// (measured 4 M instructions less for the compiler at 1 000 variants).
pub(super) fn pattern<'f>(
    input: &Input,
    variant: &Variant,
    fields: impl IntoIterator<Item = &'f Field<'f>>,
) -> TokenStream {
    let path = path(input, variant);
    let bindings: Vec<TokenStream> = fields
        .into_iter()
        .map(|field| {
            let member = &field.member;
            let binding = binding(field);
            quote!(#member: #binding)
        })
        .collect();
    if bindings.len() == variant.fields.len() {
        quote!(#path { #(#bindings),* })
    } else {
        quote!(#path { #(#bindings,)* .. })
    }
}

/// The fields, each once, in their first order: what a pattern binds.
pub(super) fn unique<'f>(fields: impl IntoIterator<Item = &'f Field<'f>>) -> Vec<&'f Field<'f>> {
    let mut out: Vec<&Field> = Vec::new();
    for field in fields {
        if !out.iter().any(|f| std::ptr::eq(*f, field)) {
            out.push(field);
        }
    }
    out
}

pub(super) fn lit(value: &str) -> syn::LitStr {
    syn::LitStr::new(value, Span::call_site())
}

pub(super) fn option_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(value) => quote!(::core::option::Option::Some(#value)),
        None => quote!(::core::option::Option::None),
    }
}

pub(super) fn option_range(value: Option<(u64, u64)>) -> TokenStream {
    match value {
        Some((lo, hi)) => quote!(::core::option::Option::Some((#lo, #hi))),
        None => quote!(::core::option::Option::None),
    }
}

/// A type as written, without the token spacing: `Vec<Option<String>>`.
pub(super) fn written_type(ty: &syn::Type) -> String {
    let spaced = ty.to_token_stream().to_string();
    let mut out = String::with_capacity(spaced.len());
    let mut chars = spaced.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            let after_opening = out.ends_with(['<', '(', '[', ':', '&']);
            let before_closing = chars.peek().is_some_and(|n| ",;<>)]:".contains(*n));
            if after_opening || before_closing {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Whether `tokens` use one of the names, at any depth of groups (walked
/// with a stack, not recursion: nesting depth is the user's).
pub(super) fn mentions(tokens: TokenStream, names: &[impl std::borrow::Borrow<Ident>]) -> bool {
    let mut stack = vec![tokens.into_iter()];
    while let Some(tokens) = stack.last_mut() {
        match tokens.next() {
            Some(TokenTree::Ident(ident)) if names.iter().any(|n| *n.borrow() == ident) => {
                return true
            }
            Some(TokenTree::Group(group)) => stack.push(group.stream().into_iter()),
            Some(_) => {}
            None => {
                stack.pop();
            }
        }
    }
    false
}

// For `source`: also linked where these modules are built outside the
// proc macro (the fuzz targets), where `is_available` says false.
extern crate proc_macro;

/// Generated code written as text, lexed by the compiler in one call: many
/// repeated rows (the descriptors) cost less so than a `quote!` each, which
/// crosses the proc-macro bridge a dozen times. Spans are the call site's,
/// as `quote!`'s are. Outside a proc macro (unit tests, fuzzing),
/// proc-macro2's own lexer reads it; inside, the compiler's directly
/// (proc-macro2's `parse` first runs its own lexer, unoptimized in debug
/// builds, to validate the text).
pub(super) fn source(text: &str) -> TokenStream {
    if proc_macro::is_available() {
        match text.parse::<proc_macro::TokenStream>() {
            Ok(tokens) => tokens.into(),
            Err(error) => panic!("generated code does not lex: {error:?}"),
        }
    } else {
        match text.parse() {
            Ok(tokens) => tokens,
            Err(error) => panic!("generated code does not lex: {error:?}"),
        }
    }
}
