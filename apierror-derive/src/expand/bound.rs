//! The where clauses of the generated impls.

use crate::parse::ast::{Field, Input};
use crate::valid::{Entry, Message, Model};
use proc_macro2::{Ident, Span, TokenStream, TokenTree};
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

/// Whether `tokens` use one of the names, at any depth of groups (walked
/// with a stack, not recursion: nesting depth is the user's).
pub(crate) fn mentions(tokens: TokenStream, names: &[impl std::borrow::Borrow<Ident>]) -> bool {
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

#[cfg(test)]
mod tests {
    use crate::ctxt::Ctxt;
    use crate::parse::ast::Input;
    use syn::{parse_quote, DeriveInput};

    /// The messages of every error the derive reports for `input`.
    fn errors(input: DeriveInput) -> Vec<String> {
        let cx = Ctxt::default();
        if let Some(parsed) = Input::from_syn(&cx, &input) {
            let _ = crate::valid::check(&cx, &parsed);
        }
        cx.messages()
    }

    /// The where clause of each impl the derive generates for `input`, as
    /// tokens printed: the impls it writes itself, and the four framework
    /// impls the runtime's `frameworks!` writes from the clause it is given
    /// (`[impl generics] [type] [where clause]`).
    fn where_clauses(input: &syn::DeriveInput) -> Vec<String> {
        let output = crate::expand::derive(input).to_string();
        assert!(!output.contains("compile_error"), "{output}");
        let mut clauses: Vec<String> = output
            .split("impl <")
            .skip(1)
            .map(|item| {
                let head = &item[..item.find('{').unwrap()];
                head.split_once(" where ")
                    .map_or_else(String::new, |(_, clause)| clause.trim().to_owned())
            })
            .collect();
        for call in output.split("frameworks ! {").skip(1) {
            let call = &call[..call.find('}').unwrap()];
            let clause = call.rsplit_once('[').unwrap().1;
            let clause = clause.trim_end().strip_suffix(']').unwrap();
            let clause = clause.trim().strip_prefix("where").unwrap_or(clause).trim();
            // IntoResponse, ResponseError, From<E> for Status, OperationOutput.
            clauses.extend(std::iter::repeat_n(clause.to_owned(), 4));
        }
        clauses
    }

    #[test]
    fn bound_replaces_the_inferred_predicates_on_every_impl() {
        let input = parse_quote! {
            #[api_error(bound = "T: Copy, U: Clone", decode)]
            enum E<T, U> {
                #[code("A")] #[status(400)] #[message("v {v}")] A { v: T },
                #[api_error(transparent)] B(U),
            }
        };
        let clauses = where_clauses(&input);
        // ApiError, PublicMessage, IntoResponse, ResponseError,
        // From<E> for tonic::Status, OperationOutput, Decode, Display, Error.
        assert_eq!(clauses.len(), 9, "{clauses:#?}");
        for clause in &clauses {
            assert!(clause.ends_with("T : Copy , U : Clone ,"), "{clause}");
            assert!(!clause.contains("apierror"), "{clause}");
            assert!(!clause.contains("Serialize"), "{clause}");
        }
        // Without `bound`, the predicates are the fields'.
        let inferred = where_clauses(&parse_quote! {
            #[api_error(decode)]
            enum E<T, U> {
                #[code("A")] #[status(400)] #[message("v {v}")] A { v: T },
                #[api_error(transparent)] B(U),
            }
        });
        assert!(
            inferred.iter().all(|c| !c.contains("Copy")),
            "{inferred:#?}"
        );
        assert!(inferred[0].contains("Serialize"), "{inferred:#?}");
    }

    #[test]
    fn an_empty_bound_leaves_the_types_own_where_clause() {
        let input = parse_quote! {
            #[api_error(bound = "")]
            enum E<T> where T: Default {
                #[code("A")] #[status(400)] #[message("v {v}")] A { v: T },
            }
        };
        let clauses = where_clauses(&input);
        assert_eq!(clauses.len(), 8, "{clauses:#?}");
        for clause in &clauses {
            // The type's own predicate, and what the type answers for itself.
            let rest = clause.strip_prefix("T : Default ,").expect(clause);
            let rest = rest.trim();
            assert!(
                rest.is_empty()
                    || rest == "E < T > : :: std :: error :: Error ,"
                    || rest == "E < T > : :: core :: fmt :: Debug + :: core :: fmt :: Display ,",
                "{clause}"
            );
        }
    }

    #[test]
    fn bound_on_a_type_without_parameters_is_kept_as_written() {
        let clauses = where_clauses(&parse_quote! {
            #[api_error(bound = "String: Clone")]
            enum E<'a> { #[code("A")] #[status(400)] #[message("{v}")] A { v: &'a str } }
        });
        assert!(!clauses.is_empty());
        assert!(
            clauses.iter().all(|c| c == "String : Clone ,"),
            "{clauses:#?}"
        );
    }

    #[test]
    fn bound_is_a_type_attribute_of_where_predicates() {
        for bound in [
            "T: std::fmt::Display + Clone, U: Copy",
            "T: Clone,",
            "",
            " ",
            "for<'x> &'x T: std::ops::Sub<Output = T>, 'a: 'static",
        ] {
            let input: DeriveInput = syn::parse_str(&format!(
                "#[api_error(bound = {bound:?}, status = 400)] enum E<'a, T, U> {{ #[code(\"A\")] A {{ t: &'a T, u: U }} }}"
            ))
            .unwrap();
            let found = errors(input);
            assert!(found.is_empty(), "{bound:?}: {found:#?}");
        }
        let cases: Vec<(DeriveInput, &str)> = vec![
            (
                parse_quote! { #[api_error(bound = "T Display", status = 400)] enum E<T> { #[code("A")] A(T) } },
                "invalid `bound`: expected `:`; write where-clause predicates separated by commas, as in `bound = \"T: std::fmt::Display\"`",
            ),
            (
                parse_quote! { #[api_error(bound = "T: Display;", status = 400)] enum E<T> { #[code("A")] A(T) } },
                "invalid `bound`",
            ),
            (
                parse_quote! { #[api_error(bound = T: Display, status = 400)] enum E<T> { #[code("A")] A(T) } },
                "expected where-clause predicates in a string: `bound = \"T: std::fmt::Display\"`",
            ),
            (
                parse_quote! { #[api_error(bound(api_error = "T: Clone"), status = 400)] enum E<T> { #[code("A")] A(T) } },
                "expected where-clause predicates in a string",
            ),
            (
                parse_quote! { #[api_error(bound = "T: Clone", status = 400)] #[api_error(bound = "")] enum E<T> { #[code("A")] A(T) } },
                "duplicate `bound` attribute",
            ),
            // A duplicate is reported even after a bound that does not parse.
            (
                parse_quote! { #[api_error(bound = "T", bound = "T: Clone", status = 400)] enum E<T> { #[code("A")] A(T) } },
                "invalid `bound`",
            ),
            (
                parse_quote! { #[api_error(status = 400)] enum E<T> { #[code("A")] #[api_error(bound = "T: Clone")] A(T) } },
                "`bound` has no meaning on a variant: `bound` is a type attribute: put it in #[api_error(...)] on the type",
            ),
            (
                parse_quote! { #[api_error(status = 400)] enum E<T> { #[code("A")] A { #[api_error(bound = "T: Clone")] t: T } } },
                "`bound` has no meaning on a field: `bound` is a type attribute: put it in #[api_error(...)] on the type",
            ),
            (
                parse_quote! { #[api_error(bond = "T: Clone", status = 400)] enum E<T> { #[code("A")] A(T) } },
                "did you mean `bound`?",
            ),
        ];
        for (input, expected) in cases {
            let found = errors(input);
            assert!(
                found.iter().any(|f| f.contains(expected)),
                "expected an error containing {expected:?}, found {found:#?}"
            );
        }
        let twice = errors(parse_quote! {
            #[api_error(bound = "T", bound = "T: Clone", status = 400)] enum E<T> { #[code("A")] A(T) }
        });
        assert_eq!(twice.len(), 2, "{twice:#?}");
        assert_eq!(twice[1], "duplicate `bound` attribute");
    }
}
