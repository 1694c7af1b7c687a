//! The where clauses of the generated impls.

use super::tokens::mentions;
use crate::parse::ast::{Field, Input};
use crate::valid::{Entry, Message, Model};
use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, ToTokens};
use syn::WherePredicate;

/// The names a field type can use from the type's generics: its type,
/// lifetime and const parameters, and `Self`.
pub(super) fn generic_names(input: &Input) -> Vec<Ident> {
    let mut names: Vec<Ident> = input
        .generics
        .params
        .iter()
        .map(|param| match param {
            syn::GenericParam::Type(p) => p.ident.clone(),
            syn::GenericParam::Lifetime(p) => p.lifetime.ident.clone(),
            syn::GenericParam::Const(p) => p.ident.clone(),
        })
        .collect();
    names.push(Ident::new("Self", Span::call_site()));
    names
}

/// Where-clause predicates, added only for field types that mention a type
/// parameter: `T: Serialize` for details, `T: Display` for placeholders,
/// `T: ApiError` for transparent fields, `T: Error` for sources. Or, with
/// `bound = "..."`, the user's predicates in place of those.
///
/// A generic type's impls also ask of the type itself what their traits
/// need (`Self: Error` for `ApiError` and `Decode`, `Self: Debug + Display`
/// for `Error`), with `bound` or without: that is then proven where the type
/// is used, where the bounds `#[derive(Debug)]` puts on its parameters hold,
/// and not at the impl, where they do not.
pub(super) struct Bounds {
    pub(super) api_error: Vec<WherePredicate>,
    pub(super) message: Vec<WherePredicate>,
    pub(super) display: Vec<WherePredicate>,
    pub(super) error: Vec<WherePredicate>,
    pub(super) decode: Vec<WherePredicate>,
}

impl Bounds {
    pub(super) fn new(input: &Input, model: &Model) -> Self {
        if let Some(given) = model.bound {
            return Self::given(input, given);
        }
        let mut bounds = Bounds {
            api_error: Vec::new(),
            message: Vec::new(),
            display: Vec::new(),
            error: Vec::new(),
            decode: Vec::new(),
        };
        let params: Vec<&Ident> = input.generics.type_params().map(|p| &p.ident).collect();
        if params.is_empty() {
            return bounds;
        }
        let generic = |field: &Field| mentions(field.ty.to_token_stream(), &params);
        let krate = &model.krate;
        let ident = input.ident;
        let (_, ty_generics, _) = input.generics.split_for_impl();
        bounds
            .api_error
            .push(syn::parse_quote!(#ident #ty_generics: ::std::error::Error));
        bounds.error.push(
            syn::parse_quote!(#ident #ty_generics: ::core::fmt::Debug + ::core::fmt::Display),
        );
        for entry in &model.entries {
            match entry {
                Entry::Transparent { field, .. } => {
                    let ty = field.ty;
                    if generic(field) {
                        bounds
                            .decode
                            .push(syn::parse_quote!(#ty: #krate::__private::Decode));
                        bounds
                            .api_error
                            .push(syn::parse_quote!(#ty: #krate::ApiError));
                        bounds
                            .message
                            .push(syn::parse_quote!(#ty: #krate::ApiError));
                        bounds
                            .display
                            .push(syn::parse_quote!(#ty: ::core::fmt::Display));
                        bounds
                            .error
                            .push(syn::parse_quote!(#ty: ::std::error::Error));
                    }
                }
                Entry::Own(own) => {
                    for (field, _) in own.details.iter().filter(|(field, _)| generic(field)) {
                        let ty = field.ty;
                        bounds
                            .api_error
                            .push(syn::parse_quote!(#ty: #krate::__private::serde::Serialize));
                        bounds.decode.push(
                            syn::parse_quote!(#ty: #krate::__private::serde::de::DeserializeOwned),
                        );
                    }
                    let undecoded = own.variant.fields.iter().filter(|field| {
                        generic(field) && !own.details.iter().any(|(d, _)| std::ptr::eq(*d, *field))
                    });
                    for field in undecoded {
                        let ty = field.ty;
                        bounds
                            .decode
                            .push(syn::parse_quote!(#ty: ::core::default::Default));
                    }
                    for (field, _) in own.headers.iter().filter(|(field, _)| generic(field)) {
                        let ty = field.ty;
                        bounds
                            .api_error
                            .push(syn::parse_quote!(#ty: ::core::fmt::Display));
                    }
                    if let Some(field) = own.retry_after.filter(|field| generic(field)) {
                        let ty = field.ty;
                        bounds
                            .api_error
                            .push(syn::parse_quote!(#ty: #krate::__private::RetryAfter));
                    }
                    if let Some(field) = own.source.filter(|field| generic(field)) {
                        let ty = field.ty;
                        bounds
                            .error
                            .push(syn::parse_quote!(#ty: #krate::__private::AsDynError));
                    }
                    if let Message::Formatted { args, .. } = &own.message {
                        for (field, spec) in args.iter().filter(|(field, _)| generic(field)) {
                            let ty = field.ty;
                            let fmt_trait = Ident::new(spec.path(), Span::call_site());
                            bounds
                                .message
                                .push(syn::parse_quote!(#ty: ::core::fmt::#fmt_trait));
                        }
                    }
                }
            }
        }
        // The public message is also the Display text, and ApiError needs both.
        let message = bounds.message.clone();
        bounds.display.extend(message.iter().cloned());
        bounds.api_error.extend(message);
        let api_error = bounds.api_error.clone();
        bounds.decode.extend(api_error);
        bounds
    }

    /// `bound = "..."`: the same predicates on every impl, after what the
    /// type answers for itself.
    fn given(input: &Input, given: &[WherePredicate]) -> Self {
        let mut bounds = Bounds {
            api_error: given.to_vec(),
            message: given.to_vec(),
            display: given.to_vec(),
            error: given.to_vec(),
            decode: given.to_vec(),
        };
        if input.generics.type_params().next().is_some() {
            let ident = input.ident;
            let (_, ty_generics, _) = input.generics.split_for_impl();
            let error: WherePredicate = syn::parse_quote!(#ident #ty_generics: ::std::error::Error);
            bounds.api_error.insert(0, error.clone());
            bounds.decode.insert(0, error);
            bounds.error.insert(
                0,
                syn::parse_quote!(#ident #ty_generics: ::core::fmt::Debug + ::core::fmt::Display),
            );
        }
        bounds
    }

    pub(super) fn where_clause(
        &self,
        input: &Input,
        pick: impl Fn(&Self) -> &Vec<WherePredicate>,
    ) -> TokenStream {
        let extra = pick(self);
        let existing = input.generics.where_clause.as_ref().map(|w| &w.predicates);
        if extra.is_empty() && existing.is_none_or(|p| p.is_empty()) {
            return TokenStream::new();
        }
        let existing = existing.into_iter().flatten();
        quote!(where #(#existing,)* #(#extra,)*)
    }
}
