//! `Display`, `Error` and `From`, unless `thiserror` derives them.

use super::bound::Bounds;
use super::tokens::{at, binding, path, pattern};
use crate::parse::ast::Input;
use crate::valid::{Entry, Message, Model, Own};
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

/// `Display` (the public message), `Error` (the source field) and `From`
/// (`#[from]` fields), for types that do not also derive `thiserror::Error`.
pub(super) fn std_impls(input: &Input, model: &Model, bounds: &Bounds) -> TokenStream {
    let krate = &model.krate;
    let ident = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let display_where = bounds.where_clause(input, |b| &b.display);
    let error_where = bounds.where_clause(input, |b| &b.error);
    let generic = input.generics.type_params().next().is_some();
    let display_arms = model.entries.iter().filter_map(|entry| match entry {
        // The public message, read from the descriptor, for all but generic
        // types (whose Display cannot require their ApiError impl).
        Entry::Own(_) if !generic => None,
        Entry::Transparent { variant, field } => {
            let pat = pattern(input, variant, Some(*field));
            let inner = binding(field);
            let inner_ty = field.ty;
            Some(quote!(#pat => <#inner_ty as ::core::fmt::Display>::fmt(#inner, __formatter),))
        }
        Entry::Own(Own {
            variant,
            message: Message::Static(text),
            ..
        }) => {
            let pat = pattern(input, variant, None);
            Some(quote!(#pat => __formatter.write_str(#text),))
        }
        Entry::Own(own) => super::message::display_arm(input, own),
    });
    let display_rest = (!generic).then(|| {
        quote!(_ => ::core::fmt::Display::fmt(&<Self as #krate::ApiError>::message(self), __formatter),)
    });
    let empty_match = model
        .entries
        .is_empty()
        .then(|| quote!(_ => match *self {}));
    let source_arms = model.entries.iter().filter_map(|entry| match entry {
        Entry::Transparent { variant, field } => {
            let pat = pattern(input, variant, Some(*field));
            let inner = binding(field);
            let inner_ty = field.ty;
            Some(quote!(#pat => <#inner_ty as ::std::error::Error>::source(#inner),))
        }
        Entry::Own(Own {
            variant,
            source: Some(field),
            ..
        }) => {
            let pat = pattern(input, variant, Some(*field));
            let source = binding(field);
            Some(quote_spanned! {at(field.span)=>
                #pat => ::core::option::Option::Some(#source.as_dyn_error()),
            })
        }
        Entry::Own(_) => None,
    });
    let froms = model.entries.iter().filter_map(|entry| {
        let (variant, field) = match entry {
            Entry::Own(Own {
                variant,
                source: Some(field),
                ..
            }) => (*variant, *field),
            Entry::Transparent { variant, field } => (*variant, *field),
            Entry::Own(_) => return None,
        };
        field.attrs.from?;
        let ty = field.ty;
        let path = path(input, variant);
        let member = &field.member;
        let where_clause = &input.generics.where_clause;
        Some(quote! {
            #[automatically_derived]
            impl #impl_generics ::core::convert::From<#ty> for #ident #ty_generics #where_clause {
                #[inline]
                fn from(source: #ty) -> Self {
                    #path { #member: source }
                }
            }
        })
    });
    let froms: Vec<TokenStream> = froms.collect();
    quote! {
        #[automatically_derived]
        impl #impl_generics ::core::fmt::Display for #ident #ty_generics #display_where {
            fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #[allow(unreachable_patterns)]
                match self {
                    #(#display_arms)*
                    #display_rest
                    #empty_match
                }
            }
        }

        #[automatically_derived]
        impl #impl_generics ::std::error::Error for #ident #ty_generics #error_where {
            fn source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {
                // Method syntax, so that a `Box<dyn Error + Send + Sync>` field
                // derefs to the trait object that implements it.
                #[allow(unused_imports)]
                use #krate::__private::AsDynError as _;
                #[allow(unreachable_patterns)]
                match self {
                    #(#source_arms)*
                    _ => ::core::option::Option::None,
                }
            }
        }

        #(#froms)*
    }
}
