//! `IntoResponse` / `ResponseError` / aide's `OperationOutput`, and `Decode`.

use super::bound::Bounds;
use super::tokens::{at, path};
use crate::parse::ast::Input;
use crate::valid::{Entry, Model};
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

/// `Decode` (`#[api_error(decode)]`): the variant of a code, rebuilt from the
/// details; fields that are not details take their `Default`.
pub(super) fn decode_impl(input: &Input, model: &Model, bounds: &Bounds) -> TokenStream {
    if !model.decode {
        return TokenStream::new();
    }
    let krate = &model.krate;
    let private = quote!(#krate::__private);
    let ident = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = bounds.where_clause(input, |b| &b.decode);
    // One arm per own variant, matched by its index among the type's own
    // descriptors (found by hash): an integer match and one constructor
    // closure, not a string match of every code, which rustc compiles in
    // time and memory that grow faster than the number of variants.
    let mut arms = Vec::new();
    let mut by_hash = Vec::new();
    let mut nested = Vec::new();
    for entry in &model.entries {
        match entry {
            Entry::Own(own) => {
                let index = arms.len();
                by_hash.push((crate::base::facts::code_hash(&own.code), index as u32));
                let path = path(input, own.variant);
                // The leading two to eight details fields of types serde
                // always reads (`String`, scalars, `Option`s of them, by
                // spelling) are read in one call, as a tuple: one `match`
                // per arm instead of one per field (1 000 variants, a third
                // with two fields: 3.756 G -> 3.552 G for the expanded
                // crate). Leading, so that the first field to fail in
                // declaration order is still the one named; of those types,
                // so that another type that cannot be decoded is reported at
                // its field (a user's type spelled `String` or `u32` without
                // `Deserialize` is reported at the derive, its note naming
                // the tuple).
                let tuple: Vec<_> = own
                    .details
                    .iter()
                    .take_while(|(field, _)| {
                        !field.is_violations() && crate::base::types::is_plainly_decodable(field.ty)
                    })
                    .collect();
                let tuple = if (2..=8).contains(&tuple.len()) {
                    tuple
                } else {
                    Vec::new()
                };
                let in_tuple = |field: &crate::parse::ast::Field| {
                    tuple.iter().position(|(f, _)| std::ptr::eq(*f, field))
                };
                let value = |i: usize| quote::format_ident!("__value{}", i);
                let inits = own.variant.fields.iter().map(|field| {
                    let member = &field.member;
                    let key = own
                        .details
                        .iter()
                        .find(|(detail, _)| std::ptr::eq(*detail, field))
                        .map(|(_, key)| key);
                    // Spanned on the field: a type that cannot be decoded is
                    // reported there.
                    let ty = field.ty;
                    // A `match` rather than `?`: no `Try` conversion to
                    // resolve per field (measured cheaper to compile).
                    let read = |read: TokenStream| {
                        quote_spanned! {at(field.span)=>
                            #member: match #read {
                                __ApierrorOk(__value) => __value,
                                __ApierrorErr(__error) => return __ApierrorErr(__error),
                            }
                        }
                    };
                    if let Some(i) = in_tuple(field) {
                        let value = value(i);
                        return quote!(#member: #value);
                    }
                    match key {
                        Some(key) if field.is_violations() => read(quote_spanned!(at(field.span)=> __fields.violations::<#ty>(#key))),
                        Some(key) => read(quote_spanned!(at(field.span)=> __fields.field::<#ty>(#key))),
                        None => quote_spanned!(at(field.span)=> #member: <#ty as ::core::default::Default>::default()),
                    }
                });
                let inits: Vec<TokenStream> = inits.collect();
                arms.push(if tuple.is_empty() {
                    quote!(#index => #path { #(#inits,)* },)
                } else {
                    let types = tuple.iter().map(|(field, _)| field.ty);
                    let keys = tuple.iter().map(|(_, key)| key);
                    let values = (0..tuple.len()).map(value);
                    quote! {
                        #index => match __fields.__read::<(#(#types,)*)>([#(#keys),*]) {
                            __ApierrorOk((#(#values,)*)) => #path { #(#inits,)* },
                            __ApierrorErr(__error) => return __ApierrorErr(__error),
                        },
                    }
                });
            }
            Entry::Transparent { variant, field } => {
                let ty = field.ty;
                let path = path(input, variant);
                let member = &field.member;
                nested.push(quote! {
                    if let ::core::option::Option::Some(__result) =
                        <#ty as #private::Decode>::__decode(__code, __fields)
                    {
                        return ::core::option::Option::Some(
                            __result.map(|__inner| #path { #member: __inner }),
                        );
                    }
                });
            }
        }
    }
    by_hash.sort_unstable();
    // The (hash, index) table as text, lexed in one call (see `tokens::source`).
    let by_hash = {
        use std::fmt::Write as _;
        let mut text = String::from("&[");
        for (hash, index) in &by_hash {
            let _ = write!(text, "({hash}u64, {index}u32),");
        }
        text.push(']');
        super::tokens::source(&text)
    };
    // The constructor arms in functions of at most CHUNK arms each: the
    // compiler's type checking and MIR building of one match grow faster
    // than its number of arms (measured: 1 000 -> 3 000 variants cost 4x
    // and 5x), a function each keeps them linear. All `#[inline]`: their
    // machine code is generated in the crate that decodes (a client, a
    // test), as a generic function's would be, not in every build of the
    // crate that defines the errors (0.45 G of 1.54 G at 1 000 variants).
    const CHUNK: usize = 64;
    let chunk_name = |k: usize| quote::format_ident!("__apierror_decode_{}", k);
    let chunk_fns = arms.chunks(CHUNK).enumerate().map(|(k, arms)| {
        let name = chunk_name(k);
        quote! {
            #[doc(hidden)]
            #[inline]
            fn #name(
                __index: usize,
                __fields: &#private::Fields<'_>,
            ) -> ::core::result::Result<Self, #private::DecodeError> {
                ::core::result::Result::Ok(match __index {
                    #(#arms)*
                    // Not reached: `__index_of` returns indices of `by_hash`.
                    _ => return ::core::result::Result::Err(#private::DecodeError::NotAnError),
                })
            }
        }
    });
    let dispatch = (0..arms.len().div_ceil(CHUNK)).map(|k| {
        let name = chunk_name(k);
        quote!(#k => Self::#name(__index, __fields),)
    });
    // The dispatch in `__decode`, and the inherent impl of the functions.
    let (own, chunks) = if arms.is_empty() {
        (None, None)
    } else {
        let own = quote! {
            if let ::core::option::Option::Some(__index) = #private::Descriptor::__index_of(
                &__APIERROR_OWN,
                #by_hash,
                __code,
            ) {
                return ::core::option::Option::Some(match __index / #CHUNK {
                    #(#dispatch)*
                    _ => ::core::result::Result::Err(#private::DecodeError::NotAnError),
                });
            }
        };
        let chunks = quote! {
            #[automatically_derived]
            impl #impl_generics #ident #ty_generics #where_clause {
                #(#chunk_fns)*
            }
        };
        (Some(own), Some(chunks))
    };
    quote! {
        #chunks
        #[automatically_derived]
        impl #impl_generics #private::Decode for #ident #ty_generics #where_clause {
            #[inline]
            fn __decode(
                __code: &str,
                __fields: &#private::Fields<'_>,
            ) -> ::core::option::Option<::core::result::Result<Self, #private::DecodeError>> {
                #own
                #(#nested)*
                ::core::option::Option::None
            }
        }
    }
}

/// `IntoResponse` (axum), `ResponseError` (actix-web), `From<E> for
/// tonic::Status` and aide's `OperationOutput`: one call of the runtime's
/// `frameworks!`, which keeps each impl only when the feature of `apierror`
/// that brings the framework is on.
pub(super) fn framework_impls(
    input: &Input,
    krate: &syn::Path,
    api_where: &TokenStream,
) -> TokenStream {
    let ident = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    quote! {
        #krate::__private::frameworks! {
            [#impl_generics] [#ident #ty_generics] [#api_where]
        }
    }
}
