//! Code generation from the checked model. Nothing here re-reads attributes.
//!
//! This module holds the entry point, the `ApiError` impl and the small
//! helpers every part uses; the other impls and the catalog have a module
//! each.

mod bound;
mod catalog;
mod checks;
mod fallback;
mod framework;
mod message;
mod shape;
mod std_impls;
#[cfg(test)]
mod tests;
mod tokens;

use crate::base::ctxt::Ctxt;
use crate::parse::ast::Input;
use crate::valid::{self, Entry, Message, Model, Own};
use bound::Bounds;
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::DeriveInput;
use tokens::{at, binding, lit, pattern};

/// The derive as a plain function over token streams: what the proc macro
/// calls, and what tests and fuzzers drive. Never panics: bad input gives
/// `compile_error!` tokens.
pub fn derive_tokens(input: TokenStream) -> TokenStream {
    match syn::parse2::<DeriveInput>(input) {
        Ok(input) => derive(&input),
        Err(error) => error.to_compile_error(),
    }
}

pub fn derive(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::default();
    let Some(parsed) = Input::from_syn(&cx, input) else {
        return cx.into_compile_errors();
    };
    let model = valid::check(&cx, &parsed);
    if cx.has_errors() {
        // Still emit the impls, so that the user sees their mistake and not a
        // flood of "trait not implemented" at every use of the type.
        let fallback = fallback::fallback(&parsed, &model.krate);
        let errors = cx.into_compile_errors();
        return quote!(#errors #fallback);
    }
    impls(&parsed, &model)
}

fn impls(input: &Input, model: &Model) -> TokenStream {
    let krate = &model.krate;
    let ident = input.ident;
    let bounds = Bounds::new(input, model);
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();

    let (catalog_items, catalog) = catalog::catalog(input, model, |_| true);
    let codes = catalog::codes(input, model, |_| true);
    // Own variants map to their index in the catalog: one table lookup.
    // Their arms bind nothing (no span to keep): written as text, lexed in
    // one call per run of own variants.
    let mut descriptor_arms = TokenStream::new();
    let mut text = String::new();
    let mut own_index = 0usize;
    for entry in &model.entries {
        match entry {
            Entry::Own(o) => {
                use std::fmt::Write as _;
                let _ = if input.is_struct {
                    writeln!(text, "Self {{ .. }} => {own_index},")
                } else {
                    writeln!(text, "Self::{} {{ .. }} => {own_index},", o.variant.ident)
                };
                own_index += 1;
            }
            Entry::Transparent { variant, field } => {
                descriptor_arms.extend(tokens::source(&std::mem::take(&mut text)));
                let pat = pattern(input, variant, Some(*field));
                let inner = binding(field);
                let inner_ty = field.ty;
                descriptor_arms.extend(
                    quote!(#pat => return <#inner_ty as #krate::ApiError>::descriptor(#inner),),
                );
            }
        }
    }
    descriptor_arms.extend(tokens::source(&text));
    // Static messages are descriptor data: only transparent variants need an arm.
    let message_arms = model.entries.iter().filter_map(|entry| match entry {
        Entry::Own(_) => None,
        Entry::Transparent { variant, field } => {
            let pat = pattern(input, variant, Some(*field));
            let inner = binding(field);
            let inner_ty = field.ty;
            Some(quote!(#pat => <#inner_ty as #krate::ApiError>::message(#inner),))
        }
    });
    // The variants with an interpolated message: the message writer writes
    // those that are not the type's `Display` text.
    let formatted = || {
        model.entries.iter().filter_map(|e| match e {
            Entry::Own(
                own @ Own {
                    message: Message::Formatted { .. },
                    ..
                },
            ) => Some(own),
            _ => None,
        })
    };
    let interpolate = if formatted().any(|own| !own.message_is_display) {
        quote!(#krate::__private::Message::__formatted(self))
    } else if formatted().next().is_some() {
        // Every interpolated message is `Display`'s: no writer instantiated.
        quote!(#krate::__private::Message::__displayed(self))
    } else {
        quote!(#krate::__private::Message::from_static(""))
    };
    let empty_match = model
        .entries
        .is_empty()
        .then(|| quote!(_ => match *self {}));
    // Variants without details share one `_` arm (a third of a catalog,
    // often: measured 0.12 G of 2.63 G at 1 000 variants as arms of their
    // own).
    // Each arm with the variant's index among the own ones (`None` for a
    // transparent variant), which places it when the arms are chunked.
    let field_arms: Vec<(Option<usize>, TokenStream)> = model
        .entries
        .iter()
        .scan(0usize, |own, entry| {
            let index = matches!(entry, Entry::Own(_)).then(|| {
                *own += 1;
                *own - 1
            });
            Some(field_arm(input, krate, entry).map(|arm| (index, arm)))
        })
        .flatten()
        .collect();
    // `field_arm` leaves out exactly the variants without details.
    let rest_arm = (field_arms.len() < model.entries.len()).then(|| quote!(_ => __ApierrorOk(()),));
    let (visit_body, visit_chunks) = if field_arms.len() > VISIT_CHUNKED {
        let where_clause = bounds.where_clause(input, |b| &b.api_error);
        let (body, fns) = chunked_visit(input, krate, field_arms, &where_clause);
        (body, Some(fns))
    } else {
        let field_arms = field_arms.into_iter().map(|(_, arm)| arm);
        let body = quote! {
            #[allow(unreachable_patterns)]
            match self {
                #(#field_arms)*
                #rest_arm
                #empty_match
            }
        };
        (body, None)
    };
    // The message writer asks for the arguments of interpolated messages
    // (`V::ARGS`), every other visitor for the fields: once monomorphized,
    // only one of the two matches is generated, and the writer's is small.
    // The message is written at run time from the catalog's template and
    // these arguments, so no variant has a `format_args!` of its own.
    let args_arms: Vec<TokenStream> = model
        .entries
        .iter()
        .filter_map(|entry| match entry {
            Entry::Own(own) => args_arm(input, own),
            Entry::Transparent { .. } => None,
        })
        .collect();
    // With `thiserror`'s `Display`, variants whose string placeholders the
    // fields' visit fills go on to it below. Without it, this crate's own
    // `Display` instantiates the writer's visit here, and an instance of the
    // fields' match would cost more than the arms (1 000 variants: 3.297 G
    // -> 3.621 G): the writer stops here, as it does when no variant needs
    // the fields' visit.
    let rest = if input.thiserror
        && formatted().any(|own| !own.message_is_display && args_from_fields(own))
    {
        quote!({})
    } else {
        quote!(return __ApierrorOk(()))
    };
    let args_match = (!args_arms.is_empty()).then(|| {
        quote! {
            if __V::ARGS {
                #[allow(unreachable_patterns)]
                match self {
                    #(#args_arms)*
                    _ => #rest,
                }
            }
        }
    });
    let retry_arms = model.entries.iter().filter_map(|entry| match entry {
        Entry::Own(Own {
            variant,
            retry_after: Some(field),
            ..
        }) => {
            let pat = pattern(input, variant, Some(*field));
            let binding = binding(field);
            // Spanned on the field's type: a type that is not seconds is reported there.
            let call = quote_spanned!(at(field.ty.span())=> #krate::__private::RetryAfter::retry_after_secs(#binding));
            Some(quote!(#pat => #call,))
        }
        Entry::Own(_) => None,
        Entry::Transparent { variant, field } => {
            let pat = pattern(input, variant, Some(*field));
            let inner = binding(field);
            let inner_ty = field.ty;
            Some(quote!(#pat => <#inner_ty as #krate::ApiError>::retry_after(#inner),))
        }
    });
    let retry_fn = if model.entries.iter().any(|e| {
        matches!(
            e,
            Entry::Transparent { .. }
                | Entry::Own(Own {
                    retry_after: Some(_),
                    ..
                })
        )
    }) {
        quote! {
            fn retry_after(&self) -> ::core::option::Option<u64> {
                #[allow(unreachable_patterns)]
                match self {
                    #(#retry_arms)*
                    _ => ::core::option::Option::None,
                }
            }
        }
    } else {
        TokenStream::new()
    };
    let setting_arms: Vec<TokenStream> = model
        .entries
        .iter()
        .filter_map(|entry| match entry {
            Entry::Own(_) => None,
            Entry::Transparent { variant, field } => {
                let pat = pattern(input, variant, Some(*field));
                let inner = binding(field);
                let inner_ty = field.ty;
                Some(quote! {
                    #pat => <#inner_ty as #krate::ApiError>::__setting(#inner, __pick)
                        .or_else(|| __pick(__APIERROR_O)),
                })
            }
        })
        .collect();
    let setting_fn = (!setting_arms.is_empty()).then(|| {
        quote! {
            fn __setting(
                &self,
                __pick: fn(&#krate::__private::Owner) -> ::core::option::Option<&'static str>,
            ) -> ::core::option::Option<&'static str> {
                #[allow(unreachable_patterns)]
                match self {
                    #(#setting_arms)*
                    _ => __pick(__APIERROR_O),
                }
            }
        }
    });
    let header_arms: Vec<TokenStream> = model
        .entries
        .iter()
        .filter_map(|entry| match entry {
            Entry::Own(own) if !own.headers.is_empty() => {
                let pat = pattern(input, own.variant, own.headers.iter().map(|(f, _)| *f));
                let sets = own.headers.iter().map(|(field, name)| {
                    let binding = binding(field);
                    let set = quote_spanned!(at(field.ty.span())=> #krate::__private::header(__headers, #name, __value));
                    if field.is_option() {
                        quote!(if let ::core::option::Option::Some(__value) = #binding { #set; })
                    } else {
                        quote!({ let __value = #binding; #set; })
                    }
                });
                Some(quote!(#pat => { #(#sets)* }))
            }
            Entry::Own(_) => None,
            Entry::Transparent { variant, field } => {
                let pat = pattern(input, variant, Some(*field));
                let inner = binding(field);
                let inner_ty = field.ty;
                Some(quote!(#pat => <#inner_ty as #krate::ApiError>::__headers(#inner, __headers),))
            }
        })
        .collect();
    let headers_fn = (!header_arms.is_empty()).then(|| {
        quote! {
            fn __headers(&self, __headers: &mut #krate::__private::http::HeaderMap) {
                #[allow(unreachable_patterns)]
                match self {
                    #(#header_arms)*
                    _ => {}
                }
            }
        }
    });
    let format_fn = match &model.format {
        valid::BuiltIn::Custom(path) => {
            // Spanned on the path: a value that is no `Format` is reported there.
            let visit = quote_spanned!(at(path.span())=> __visitor.visit(&#path));
            Some(quote! {
                fn __with_format<__V: #krate::__private::FormatVisitor>(__visitor: __V) -> __V::Output {
                    #visit
                }
            })
        }
        _ => None,
    };
    let api_where = bounds.where_clause(input, |b| &b.api_error);

    let mut out = quote! {
        #[automatically_derived]
        impl #impl_generics #krate::ApiError for #ident #ty_generics #api_where {
            const CATALOG: &'static #krate::__private::Catalog = #catalog;
            #[doc(hidden)]
            const __CODES: &'static #krate::__private::Codes = #codes;

            #[inline]
            #[allow(unreachable_code)]
            fn descriptor(&self) -> &'static #krate::__private::Descriptor {
                let __index: usize = match self {
                    #descriptor_arms
                    #empty_match
                };
                &__APIERROR_OWN[__index]
            }

            #[inline]
            fn message(&self) -> #krate::__private::Message<'_> {
                #[allow(unreachable_patterns)]
                match self {
                    #(#message_arms)*
                    _ => match <Self as #krate::ApiError>::descriptor(self).__static_message() {
                        ::core::option::Option::Some(__message) => #krate::__private::Message::from_static(__message),
                        ::core::option::Option::None => #interpolate,
                    },
                }
            }

            fn __visit_fields<__V>(&self, __visitor: &mut __V) -> ::core::result::Result<(), __V::Error>
            where
                __V: #krate::__private::FieldVisitor,
            {
                #args_match
                #visit_body
            }

            #retry_fn
            #setting_fn
            #headers_fn
            #format_fn
        }
    };
    out.extend(visit_chunks);
    if !model.manual_response {
        out.extend(framework::framework_impls(input, krate, &api_where));
    }
    out.extend(checks::composition_check(input, model));
    out.extend(checks::internal_probes(input, model));
    out.extend(framework::decode_impl(input, model, &bounds));
    if !input.thiserror {
        out.extend(std_impls::std_impls(input, model, &bounds));
    }
    // The catalog's items and the impls that read them, out of the user's
    // namespace. A deprecated variant or field is the user's to keep: the
    // impls that match on it do not warn (as the standard derives do not).
    quote! {
        #[allow(deprecated)]
        const _: () = {
            use #krate::__private as __ApierrorP;
            // Short names for the paths every arm writes, unlike any a user's
            // tokens placed in this block would use.
            #[allow(unused_imports)]
            use ::core::{option::Option::Some as __ApierrorSome, result::Result::{Err as __ApierrorErr, Ok as __ApierrorOk}};
            #catalog_items
            #out
        };
    }
}

/// The most field arms `__visit_fields` holds in one match; more go into
/// hidden functions of this many each. The borrow checker's work on one
/// function grows faster than its number of arms (each arm reborrows the
/// visitor once per field): measured on the expanded crate at 1 000
/// variants, two thirds with fields, 3.927 G instructions with one match,
/// 3.708 G in functions of 64 arms (3.806 G of 16, 3.718 G of 256).
const VISIT_CHUNK: usize = 64;

/// The most field arms `__visit_fields` keeps in one match: below it the
/// functions cost more than they save (at 100 variants, 66 with fields, in
/// two functions: 0.357 G -> 0.368 G).
const VISIT_CHUNKED: usize = 2 * VISIT_CHUNK;

/// The body of `__visit_fields` for a type of more than [`VISIT_CHUNKED`]
/// variants with fields, and the inherent impl of the functions it calls.
/// An own variant's row in `__APIERROR_OWN` (where `descriptor()` found it,
/// one table lookup) says which function holds its arm; a transparent
/// variant's row belongs to the inner type, and its arm stays here.
fn chunked_visit(
    input: &Input,
    krate: &syn::Path,
    field_arms: Vec<(Option<usize>, TokenStream)>,
    where_clause: &TokenStream,
) -> (TokenStream, TokenStream) {
    // (chunk, its arms), in order, only chunks with arms.
    let mut chunks: Vec<(usize, Vec<TokenStream>)> = Vec::new();
    let mut transparent = Vec::new();
    for (index, arm) in field_arms {
        match index.map(|own| own / VISIT_CHUNK) {
            Some(k) => match chunks.last_mut() {
                Some((last, arms)) if *last == k => arms.push(arm),
                _ => chunks.push((k, vec![arm])),
            },
            None => transparent.push(arm),
        }
    }
    let name = |k: usize| quote::format_ident!("__apierror_visit_{}", k);
    let fns = chunks.iter().map(|(k, arms)| {
        let name = name(*k);
        quote! {
            #[doc(hidden)]
            fn #name<__V: #krate::__private::FieldVisitor>(
                &self,
                __visitor: &mut __V,
            ) -> ::core::result::Result<(), __V::Error> {
                #[allow(unreachable_patterns)]
                match self {
                    #(#arms)*
                    _ => __ApierrorOk(()),
                }
            }
        }
    });
    let dispatch = chunks.iter().map(|(k, _)| {
        let name = name(*k);
        quote!(#k => self.#name(__visitor),)
    });
    // The transparent variants are matched first: an inner type's row may
    // be one of `__APIERROR_OWN`'s own (a generic type nested in itself,
    // `Wide<Wide<_>>`, shares the one `static`), so the row alone cannot
    // tell an own variant from a transparent one. Every other variant is
    // own, and its row is in `__APIERROR_OWN`.
    let body = quote! {
        #[allow(unreachable_patterns)]
        match self {
            #(#transparent)*
            _ => {
                let __row = <Self as #krate::ApiError>::descriptor(self);
                let __at = (__row as *const __ApierrorP::Descriptor as usize)
                    .wrapping_sub(__APIERROR_OWN.as_ptr() as usize)
                    / ::core::mem::size_of::<__ApierrorP::Descriptor>();
                match __at / #VISIT_CHUNK {
                    #(#dispatch)*
                    _ => __ApierrorOk(()),
                }
            }
        }
    };
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let ident = &input.ident;
    let fns = quote! {
        #[automatically_derived]
        impl #impl_generics #ident #ty_generics #where_clause {
            #(#fns)*
        }
    };
    (body, fns)
}

/// `__visit_fields`: each details field of the variant, with its key, in
/// declaration order; a `None` option is skipped. `None` for a variant
/// without details (the `_` arm's).
fn field_arm(input: &Input, krate: &syn::Path, entry: &Entry) -> Option<TokenStream> {
    let own = match entry {
        Entry::Own(own) if own.details.is_empty() => return None,
        Entry::Own(own) => own,
        Entry::Transparent { variant, field } => {
            let pat = pattern(input, variant, Some(*field));
            let inner = binding(field);
            let inner_ty = field.ty;
            return Some(
                quote!(#pat => <#inner_ty as #krate::ApiError>::__visit_fields(#inner, __visitor),),
            );
        }
    };
    let pat = pattern(
        input,
        own.variant,
        own.details.iter().map(|(field, _)| *field),
    );
    let fields = own.details.iter().map(|(field, key)| {
        let binding = binding(field);
        let json_key = lit(&format!("{}:", crate::grammar::json::string(key)));
        let key = lit(key);
        // A string the byte writer copies without serde, as a `&str`.
        let list = field.is_violations();
        let visit = |value: TokenStream, ty: &syn::Type| {
            if list {
                // The type's span: a field that is no `Violations` is
                // reported there.
                let as_list =
                    quote_spanned!(ty.span()=> __ApierrorP::AsViolations::__as_violations);
                quote!(__visitor.violations_field(#key, #json_key, #as_list(#value)))
            } else if crate::base::types::is_str(ty) {
                // The binding as it is: deref coercion makes it a `&str`
                // (`String`, `Box<str>`, `Cow<str>`, `&str`, a string type of
                // another crate: each derefs to `str`), cheaper to type-check
                // than `AsRef::<str>::as_ref` (0.018 G for 333 fields).
                quote!(__visitor.str_field(#key, #json_key, #value))
            } else if crate::base::types::is_scalar(ty) {
                quote!(__visitor.scalar_field(#key, #json_key, #value))
            } else {
                quote!(__visitor.field(#key, #json_key, #value))
            }
        };
        if field.is_option() {
            // A `None` is left out.
            let inner = crate::base::types::option_inner(field.ty).unwrap_or(field.ty);
            let call = visit(quote!(__value), inner);
            quote!((if let __ApierrorSome(__value) = #binding { #call } else { __ApierrorOk(()) }))
        } else {
            visit(quote!(#binding), field.ty)
        }
    });
    // Every field visited, each call a statement but the last, whose result
    // is the arm's: the runtime visits through `fields::visit`, which keeps
    // the first error. No branch per field in this function (each `if let
    // Err(..) = .. { return .. }` cost the compiler as much as a field:
    // measured 0.18 G of 2.77 G at 1 000 variants), and no chain of results
    // (`Result::and` cost 0.05 G more than statements at 1 000 variants).
    let mut calls: Vec<TokenStream> = fields.collect();
    let last = calls.pop()?;
    if calls.is_empty() {
        return Some(quote!(#pat => #last,));
    }
    Some(quote!(#pat => { #(let _ = #calls;)* #last }))
}

/// Whether the runtime writes the variant's interpolated message from its
/// template and the fields' visit, so that it needs no arm of its own (a
/// match arm that binds fields costs the compiler about 1 M instructions;
/// the visit already binds them). Each placeholder is `{field}` naming a
/// details field that is never left out (no `Option`) and is a string, by
/// spelling (its text is its `&str`: a user's type named `String` shows that,
/// not its own `Display`; a number's text through serde would be generic
/// code built in the crate that defines the errors); the placeholders in
/// the fields' order, each field once (the writer fills them as the fields
/// go by); no escaped brace and no computed argument.
fn args_from_fields(own: &Own) -> bool {
    let Message::Formatted {
        pieces, computed, ..
    } = &own.message
    else {
        return false;
    };
    if !computed.is_empty() || own.template.contains("{{") || own.template.contains("}}") {
        return false;
    }
    // The template as the runtime splits it: text, and `{name}` where
    // `name` is the field as the field list names it.
    let mut split = String::new();
    let mut next = 0;
    for part in pieces {
        match part {
            valid::Part::Text(text) => split.push_str(text),
            valid::Part::Arg { field, spec, .. }
                if spec.is_empty()
                    && !field.is_option()
                    && crate::base::types::is_str(field.ty) =>
            {
                let at = own
                    .details
                    .iter()
                    .position(|(f, _)| std::ptr::eq(*f, *field));
                match at {
                    Some(at) if at >= next => next = at + 1,
                    _ => return false,
                }
                split.push('{');
                split.push_str(&catalog::ident(&field.member));
                split.push('}');
            }
            _ => return false,
        }
    }
    split == own.template
}

/// The arm of `__visit_fields` that hands a variant's message arguments to
/// the message writer, for a variant with an interpolated message.
fn args_arm(input: &Input, own: &Own) -> Option<TokenStream> {
    if own.message_is_display || input.thiserror && args_from_fields(own) {
        return None;
    }
    let (args, fields) = message_args(own);
    let args = args?;
    let pat = pattern(input, own.variant, tokens::unique(fields));
    Some(quote!(#pat => return #args,))
}

/// The call that hands an interpolated message's arguments to a visitor
/// that asks for them, one per placeholder in template order
/// (`&dyn Display`; a placeholder with a spec as `format_args!` of that
/// spec alone), and the fields it reads.
fn message_args<'a>(
    own: &'a Own<'a>,
) -> (Option<TokenStream>, Vec<&'a crate::parse::ast::Field<'a>>) {
    let Message::Formatted {
        pieces,
        computed,
        span,
        ..
    } = &own.message
    else {
        return (None, Vec::new());
    };
    let mut fields = Vec::new();
    let show = |value: TokenStream, spec: &str| {
        if spec.is_empty() {
            value
        } else {
            let format = syn::LitStr::new(&format!("{{:{spec}}}"), *span);
            quote!(&::core::format_args!(#format, #value))
        }
    };
    let args: Vec<TokenStream> = pieces
        .iter()
        .filter_map(|part| match part {
            valid::Part::Text(_) => None,
            valid::Part::Arg { field, spec, .. } => {
                fields.push(*field);
                let binding = binding(field);
                Some(show(quote!(#binding), spec))
            }
            valid::Part::Computed { index, spec, .. } => {
                let c = &computed[*index];
                fields.extend(c.fields.iter().copied());
                let expr = c.expr;
                Some(show(quote!(&(#expr)), spec))
            }
        })
        .collect();
    // The call spanned on the message; a field that is no `Display` is
    // reported at the field (its binding's span).
    let call = quote_spanned!(at(*span)=> __visitor.__args(&[#(#args),*]));
    (Some(call), fields)
}
