//! `PublicMessage`: the formatted public message of each variant.

use super::bound::Bounds;
use super::tokens::{binding, pattern};
use crate::parse::ast::{Field, Input};
use crate::valid::{Entry, Message, Model, Own};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

pub(super) fn public_message(input: &Input, model: &Model, bounds: &Bounds) -> TokenStream {
    if !model.entries.iter().any(|e| {
        matches!(
            e,
            Entry::Own(Own {
                message: Message::Formatted { .. },
                ..
            })
        )
    }) {
        return TokenStream::new();
    }
    let krate = &model.krate;
    let ident = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = bounds.where_clause(input, |b| &b.message);
    let arms = model.entries.iter().filter_map(|entry| match entry {
        Entry::Own(Own {
            variant,
            message:
                Message::Formatted {
                    format,
                    span,
                    args,
                    computed,
                    ..
                },
            ..
        }) => {
            let mut bound: Vec<&Field> = args.iter().map(|(field, _)| *field).collect();
            for field in computed.iter().flat_map(|c| &c.fields) {
                if !bound.iter().any(|f| std::ptr::eq(*f, *field)) {
                    bound.push(field);
                }
            }
            let pat = pattern(input, variant, bound);
            let format = syn::LitStr::new(format, *span);
            let args = args.iter().enumerate().map(|(index, (field, _))| {
                let name = format_ident!("__a{}", index);
                let binding = binding(field);
                quote!(#name = #binding)
            });
            let computed = computed.iter().enumerate().map(|(index, c)| {
                let name = format_ident!("__c{}", index);
                let expr = c.expr;
                quote!(#name = (#expr))
            });
            Some(quote!(#pat => ::core::write!(__formatter, #format, #(#args,)* #(#computed),*),))
        }
        // Static and transparent messages never get here: `message()` has them.
        _ => None,
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::__private::PublicMessage for #ident #ty_generics #where_clause {
            fn fmt_message(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #[allow(unreachable_patterns)]
                match self {
                    #(#arms)*
                    _ => ::core::result::Result::Ok(()),
                }
            }
        }
    }
}
