//! The impls emitted when the derive reports errors.

use crate::parse::ast::Input;
use proc_macro2::TokenStream;
use quote::quote;

/// Impls that keep the type usable when its input was rejected.
pub(super) fn fallback(input: &Input, krate: &syn::Path) -> TokenStream {
    let ident = input.ident;
    let type_name = ident.to_string();
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let own: Vec<&syn::WherePredicate> = input
        .generics
        .where_clause
        .iter()
        .flat_map(|clause| &clause.predicates)
        .collect();
    // As the derived impls do, a generic type's `ApiError` asks for `Error`
    // where the type is used: proving it here would need the bounds of
    // `#[derive(Debug)]`, and fail with an error that hides the real one.
    let api_where = if input.generics.type_params().next().is_some() {
        quote!(where #(#own,)* Self: ::std::error::Error,)
    } else {
        quote!(#where_clause)
    };
    let std = (!input.thiserror).then(|| {
        quote! {
            #[automatically_derived]
            impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::unreachable!()
                }
            }
            #[automatically_derived]
            impl #impl_generics ::std::error::Error for #ident #ty_generics
            where
                #(#own,)*
                Self: ::core::fmt::Debug,
            {}
        }
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::ApiError for #ident #ty_generics #api_where {
            const CATALOG: &'static #krate::__private::Catalog = &#krate::__private::Catalog {
                owner: &#krate::__private::Owner::__new(#type_name, #type_name, ::core::option::Option::None, ::core::option::Option::None),
                description: "",
                appendices: &[],
                statuses: &[],
                class: ::core::option::Option::None,
                descriptors: &[],
                transparent: &[],
                pattern: ::core::option::Option::None,
                range: ::core::option::Option::None,
                categories: &[],
                retired: &[],
                format: #krate::__private::format::BuiltIn::Standard(#krate::__private::format::Standard),
            };
            fn descriptor(&self) -> &'static #krate::__private::Descriptor {
                ::core::unreachable!()
            }
            fn message(&self) -> #krate::__private::Message<'_> {
                ::core::unreachable!()
            }
            fn __visit_fields<__V>(&self, _: &mut __V) -> ::core::result::Result<(), __V::Error>
            where
                __V: #krate::__private::FieldVisitor,
            {
                ::core::unreachable!()
            }
        }
        #std
    }
}
