//! Compile-time checks emitted as `const` items: composed catalogs hold
//! each code once, and no detail or message field holds an error.

use super::bound::generic_names;
use super::catalog::codes;
use super::tokens::{at, mentions, written_type};
use crate::parse::ast::{Field, Input};
use crate::valid::{Entry, Message, Model};
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;

/// A composed type's codes are checked across its modules by the compiler.
/// A `const` item cannot name a generic type, so for one the check covers
/// its own variants and the transparent fields whose types do not use its
/// parameters.
pub(super) fn composition_check(input: &Input, model: &Model) -> TokenStream {
    let composed = model
        .entries
        .iter()
        .any(|e| matches!(e, Entry::Transparent { .. }));
    if !composed {
        return TokenStream::new();
    }
    let krate = &model.krate;
    let ident = input.ident;
    let params = generic_names(input);
    let root = if input.generics.params.is_empty() {
        quote!(<#ident as #krate::ApiError>::__CODES)
    } else {
        codes(input, model, |field| {
            !mentions(field.ty.to_token_stream(), &params)
        })
    };
    quote! {
        const _: () = {
            const ROOTS: &[&#krate::__private::Codes] = &[#root];
            #krate::__private::assert_unique_codes::<{ #krate::__private::table_size(ROOTS) }>(ROOTS)
        };
    }
}

/// A compile error for each details or message field whose type is an
/// error although it is not written as one (`ParseIntError`, a type alias
/// of `io::Error`): errors are internal. The compiler answers through
/// `Probe<T>::IS_ERROR`; fields whose type uses a parameter of the type
/// cannot be named in a `const` item and are left out.
pub(super) fn internal_probes(input: &Input, model: &Model) -> TokenStream {
    let krate = &model.krate;
    let params = generic_names(input);
    let mut probes = Vec::new();
    for entry in &model.entries {
        let Entry::Own(own) = entry else {
            continue;
        };
        let mut shown: Vec<&Field> = Vec::new();
        if let Message::Formatted { args, computed, .. } = &own.message {
            shown.extend(args.iter().map(|(field, _)| *field));
            shown.extend(computed.iter().flat_map(|c| c.fields.iter().copied()));
        }
        let details = own.details.iter().map(|(field, _)| *field);
        for field in super::tokens::unique(details.chain(shown)) {
            if field.internal().is_some()
                || crate::base::types::is_plain_type(field.ty)
                || mentions(field.ty.to_token_stream(), &params)
            {
                continue;
            }
            let ty = field.ty;
            let message = format!(
                "field `{}` of `{}` holds an error (`{}`): errors are internal, so it may be neither a detail nor shown in a message; mark it #[source] or #[api_error(internal)]",
                field.unraw,
                own.variant.ident,
                written_type(ty),
            );
            probes.push(quote_spanned! {at(ty.span())=>
                if <#krate::__private::Probe<#ty>>::IS_ERROR {
                    ::core::panic!(#message);
                }
            });
        }
    }
    if probes.is_empty() {
        return TokenStream::new();
    }
    quote! {
        const _: () = {
            #[allow(unused_imports)]
            use #krate::__private::NotAnError as _;
            #(#probes)*
        };
    }
}
