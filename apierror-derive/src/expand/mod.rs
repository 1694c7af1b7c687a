//! Code generation from the checked model. Nothing here re-reads attributes.

use crate::ast::{Field, Input, Variant};
use crate::ctxt::Ctxt;
use crate::valid::{self, Entry, Message, Model, Own};
use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::{DeriveInput, Member, WherePredicate};

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
        let fallback = fallback(&parsed, &model.krate);
        let errors = cx.into_compile_errors();
        return quote!(#errors #fallback);
    }
    impls(&parsed, &model)
}

/// A span that points at the user's tokens but resolves names as the
/// derive's own tokens do: `::core::...` spanned on a field of an edition
/// 2015 crate would look for `core` in that crate's root.
fn at(span: Span) -> Span {
    Span::call_site().located_at(span)
}

/// The 64-bit FNV-1a hash of a code, as `apierror::__private::code_hash`
/// computes it: composed catalogs are checked for duplicates by it.
fn code_hash(code: &str) -> u64 {
    code.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `Self::Variant` for an enum, `Self` for a struct.
fn path(input: &Input, variant: &Variant) -> TokenStream {
    if input.is_struct {
        quote!(Self)
    } else {
        let ident = variant.ident;
        quote!(Self::#ident)
    }
}

fn binding(field: &Field) -> Ident {
    match &field.member {
        Member::Named(ident) => format_ident!(
            "__field_{}",
            ident.to_string().trim_start_matches("r#"),
            span = field.span
        ),
        Member::Unnamed(index) => format_ident!("__field_{}", index.index, span = field.span),
    }
}

/// `Self::V { a: __field_a, 0: __field_0, .. }` binding the given fields.
fn pattern<'f>(
    input: &Input,
    variant: &Variant,
    fields: impl IntoIterator<Item = &'f Field<'f>>,
) -> TokenStream {
    let path = path(input, variant);
    let bindings = fields.into_iter().map(|field| {
        let member = &field.member;
        let binding = binding(field);
        quote!(#member: #binding)
    });
    quote!(#path { #(#bindings,)* .. })
}

fn lit(value: &str) -> syn::LitStr {
    syn::LitStr::new(value, Span::call_site())
}

fn option_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(value) => quote!(::core::option::Option::Some(#value)),
        None => quote!(::core::option::Option::None),
    }
}

fn option_range(value: Option<(u64, u64)>) -> TokenStream {
    match value {
        Some((lo, hi)) => quote!(::core::option::Option::Some((#lo, #hi))),
        None => quote!(::core::option::Option::None),
    }
}

fn impls(input: &Input, model: &Model) -> TokenStream {
    let krate = &model.krate;
    let ident = input.ident;
    let bounds = Bounds::new(input, model);
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();

    let catalog = catalog(input, model, |_| true);
    // Own variants map to their index in the catalog: one table lookup.
    let descriptor_arms = model.entries.iter().scan(0usize, |own, entry| {
        Some(match entry {
            Entry::Own(o) => {
                let index = *own;
                *own += 1;
                let pat = pattern(input, o.variant, None);
                quote!(#pat => #index,)
            }
            Entry::Transparent { variant, field } => {
                let pat = pattern(input, variant, Some(*field));
                let inner = binding(field);
                let inner_ty = field.ty;
                quote!(#pat => return <#inner_ty as #krate::ApiError>::descriptor(#inner),)
            }
        })
    });
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
    let formatted = model.entries.iter().any(|e| {
        matches!(
            e,
            Entry::Own(Own {
                message: Message::Formatted { .. },
                ..
            })
        )
    });
    let interpolate = if formatted {
        quote!(#krate::Message::__formatted(self))
    } else {
        quote!(#krate::Message::from_static(""))
    };
    let field_arms = model
        .entries
        .iter()
        .map(|entry| field_arm(input, krate, entry));
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
                        .or_else(|| __pick(<Self as #krate::ApiError>::CATALOG.__owner())),
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
                    _ => __pick(<Self as #krate::ApiError>::CATALOG.__owner()),
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
    let format_fn = match &model.envelope {
        valid::Envelope::Custom(path) => {
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
    let empty_match = model
        .entries
        .is_empty()
        .then(|| quote!(_ => match *self {}));

    let mut out = quote! {
        #[automatically_derived]
        impl #impl_generics #krate::ApiError for #ident #ty_generics #api_where {
            const CATALOG: &'static #krate::Catalog = #catalog;

            #[inline]
            #[allow(unreachable_code)]
            fn descriptor(&self) -> &'static #krate::Descriptor {
                let __index: usize = match self {
                    #(#descriptor_arms)*
                    #empty_match
                };
                &<Self as #krate::ApiError>::CATALOG.own()[__index]
            }

            #[inline]
            fn message(&self) -> #krate::Message<'_> {
                #[allow(unreachable_patterns)]
                match self {
                    #(#message_arms)*
                    _ => match <Self as #krate::ApiError>::descriptor(self).__static_message() {
                        ::core::option::Option::Some(__message) => #krate::Message::from_static(__message),
                        ::core::option::Option::None => #interpolate,
                    },
                }
            }

            fn __visit_fields<__V>(&self, __visitor: &mut __V) -> ::core::result::Result<(), __V::Error>
            where
                __V: #krate::__private::FieldVisitor,
            {
                match self {
                    #(#field_arms)*
                    #empty_match
                }
            }

            #retry_fn
            #setting_fn
            #headers_fn
            #format_fn
        }
    };
    out.extend(public_message(input, model, &bounds));
    if !model.manual_response {
        out.extend(framework_impls(input, krate, &api_where));
    }
    out.extend(composition_check(input, model));
    out.extend(internal_probes(input, model));
    out.extend(decode_impl(input, model, &bounds));
    if !input.thiserror {
        out.extend(std_impls(input, model, &bounds));
    }
    out
}

/// The type's catalog, as a constant expression. `include` picks the
/// transparent variants whose catalogs it lists (all of them, but for the
/// composition check of a generic type).
fn catalog(input: &Input, model: &Model, include: impl Fn(&Field) -> bool) -> TokenStream {
    let krate = &model.krate;
    let doc = &model.doc.intro;
    let appendices = model
        .doc
        .appendices
        .iter()
        .map(|(heading, body)| quote!(__P::Section::__new(#heading, #body)));
    let statuses = model
        .status_docs
        .iter()
        .map(|(status, description, troubleshooting)| {
            let troubleshooting = option_str(troubleshooting.as_deref());
            quote!(__P::StatusDoc::__new(#status, #description, #troubleshooting))
        });
    let class = option_str(model.class.as_deref());
    // What a function nested in the catalog cannot name.
    let mut generics: Vec<Ident> = input
        .generics
        .type_params()
        .map(|p| p.ident.clone())
        .chain(input.generics.const_params().map(|p| p.ident.clone()))
        .collect();
    generics.push(Ident::new("Self", Span::call_site()));
    let mut position = 0usize;
    let mut descriptors = Vec::new();
    let mut transparent = Vec::new();
    for entry in &model.entries {
        match entry {
            Entry::Own(own) => {
                position += 1;
                descriptors.push(descriptor(own, &generics));
            }
            Entry::Transparent { variant, field } if include(field) => {
                let name = variant.ident.to_string();
                let ty = field.ty;
                transparent.push(quote! {
                    #krate::Transparent::__new(#name, <#ty as #krate::ApiError>::CATALOG, #position)
                });
            }
            Entry::Transparent { .. } => {}
        }
    }
    let pattern = option_str(model.pattern.as_deref());
    let range = option_range(model.range);
    let categories = model.categories.iter().map(|c| {
        let name = &c.name;
        let title = option_str(c.title.as_deref());
        let range = option_range(c.range);
        let prefix = option_str(c.prefix.as_deref());
        quote!(#krate::Category::__new(#name, #title, #range, #prefix))
    });
    let retired = &model.retired;
    let envelope = envelope(krate, &model.envelope);
    let owner = owner(input, model);
    quote! {
        &{
            use #krate::Descriptor as __D;
            use #krate::__private as __P;
            const __O: &#krate::__private::Owner = #owner;
            #krate::Catalog::__from_parts(#krate::__private::CatalogParts {
                owner: __O,
                description: #doc,
                appendices: &[#(#appendices),*],
                statuses: &[#(#statuses),*],
                class: #class,
                descriptors: &[#(#descriptors),*],
                transparent: &[#(#transparent),*],
                pattern: #pattern,
                range: #range,
                categories: &[#(#categories),*],
                retired: &[#(#retired),*],
                envelope: #envelope,
            })
        }
    }
}

/// The type as its descriptors name it: its name, its full path, and the
/// settings its variants keep through composition.
fn owner(input: &Input, model: &Model) -> TokenStream {
    let krate = &model.krate;
    let name = input.ident.to_string();
    let suffix = format!("::{name}");
    let www_authenticate = option_str(model.www_authenticate.as_deref());
    let type_url = option_str(match &model.envelope {
        valid::Envelope::Problem { type_url } => type_url.as_deref(),
        _ => None,
    });
    let doc_url = model
        .doc_url
        .as_ref()
        .map(|url| quote!(.__with_doc_url(#url)));
    quote! {
        &#krate::__private::Owner::__new(
            #name,
            ::core::concat!(::core::module_path!(), #suffix),
            #www_authenticate,
            #type_url,
        ) #doc_url
    }
}

/// The flags of `DescriptorParts` (`tests::flags_agree_with_the_runtime`
/// checks them against apierror-core's).
pub(crate) mod flags {
    pub const HAS_DETAILS: u8 = 1;
    pub const RETRY_AFTER: u8 = 2;
    pub const STATIC: u8 = 4;
    pub const PLAIN: u8 = 8;
    /// Bits 4..=6: the log level.
    pub const LOG_SHIFT: u8 = 4;
}

/// A variant's descriptor, as a short const call (`__D` is `Descriptor`,
/// `__O` the type's owner):
/// `__D::__new(owner, code, hash, status, message, variant, flags)` and a
/// builder call for each field most variants leave empty.
fn descriptor(own: &Own, generics: &[Ident]) -> TokenStream {
    use flags::{HAS_DETAILS, PLAIN, RETRY_AFTER, STATIC};
    let code = &own.code;
    let hash = code_hash(code);
    let status = own.status;
    let message = &own.template;
    let variant = own.variant.ident.to_string();
    let mut flags = 0u8;
    let mut rest = Vec::new();
    if own.has_details {
        flags |= HAS_DETAILS;
    }
    if own.retry_after.is_some() {
        flags |= RETRY_AFTER;
    }
    // Bits 4..=6: the log level (`LOG` of `DescriptorParts`).
    flags |= own.log << flags::LOG_SHIFT;
    if let Message::Static(text) = &own.message {
        if *text == own.template {
            flags |= STATIC;
        } else {
            rest.push(quote!(.__unescaped(#text)));
        }
        // Written into JSON as it is when nothing in it needs escaping.
        if !text.chars().any(|c| c < ' ' || c == '"' || c == '\\') {
            flags |= PLAIN;
        }
    }
    if let Message::Formatted { pieces, .. } = &own.message {
        let pieces = pieces.iter().map(|part| match part {
            valid::Part::Text(text) => quote!(__P::Piece::Text(#text)),
            valid::Part::Arg {
                written,
                field,
                spec,
            } => {
                let detail = own
                    .details
                    .iter()
                    .find(|(f, _)| std::ptr::eq(*f, *field))
                    .map(|(_, key)| key);
                let detail = option_str(detail.map(String::as_str));
                let example = match crate::shape::example(field.ty, spec) {
                    Some(example) => quote!(::core::option::Option::Some(#example)),
                    None => quote!(::core::option::Option::None),
                };
                quote!(__P::Piece::Arg(__P::Arg::__new(#written, #detail, #example)))
            }
            valid::Part::Computed { written } => {
                let none = quote!(::core::option::Option::None);
                quote!(__P::Piece::Arg(__P::Arg::__new(#written, #none, #none)))
            }
        });
        rest.push(quote!(.__pieces(&[#(#pieces),*])));
    }
    if !own.details.is_empty() {
        let fields = own.details.iter().map(|(_, key)| key);
        let types = own.details.iter().map(|(field, _)| written_type(field.ty));
        let shapes = own
            .details
            .iter()
            .map(|(field, _)| crate::shape::field(field, generics));
        rest.push(quote!(.__fields(&[#(#fields),*], &[#(#types),*], &[#(#shapes),*])));
    }
    if let Some(docs) = docs(own) {
        rest.push(quote!(.__doc(&#docs)));
    }
    if let Some(category) = &own.category {
        rest.push(quote!(.__category(#category)));
    }
    if let Some(title) = &own.title {
        rest.push(quote!(.__title(#title)));
    }
    if let Some(kind) = &own.kind {
        rest.push(quote!(.__kind(#kind)));
    }
    if !own.headers.is_empty() {
        let names = own.headers.iter().map(|(_, name)| name);
        rest.push(quote!(.__headers(&[#(#names),*])));
    }
    quote!(__D::__new(__O, #code, #hash, #status, #message, #variant, #flags) #(#rest)*)
}

/// The variant's `Docs`, when it has any (`__P` is `__private`).
fn docs(own: &Own) -> Option<TokenStream> {
    let doc = &own.doc;
    let fields: Vec<&str> = own
        .details
        .iter()
        .map(|(field, _)| field.attrs.doc.as_str())
        .collect();
    let fields = if fields.iter().all(|f| f.is_empty()) {
        Vec::new()
    } else {
        fields
    };
    let empty = doc.description.is_empty()
        && doc.causes.is_empty()
        && doc.example.is_none()
        && doc.resolution.is_empty()
        && doc.commands.is_empty()
        && doc.solution.is_none()
        && doc.sections.is_empty()
        && own.class.is_none()
        && fields.is_empty();
    if empty {
        return None;
    }
    let block = |b: &crate::doc::Block| {
        let (lang, code) = (&b.lang, &b.code);
        quote!(__P::Block::__new(#lang, #code))
    };
    let description = &doc.description;
    let causes = &doc.causes;
    let example = match &doc.example {
        Some(b) => {
            let b = block(b);
            quote!(::core::option::Option::Some(#b))
        }
        None => quote!(::core::option::Option::None),
    };
    let resolution = &doc.resolution;
    let commands = doc.commands.iter().map(block);
    let solution = option_str(doc.solution.as_deref());
    let sections = doc
        .sections
        .iter()
        .map(|(heading, body)| quote!(__P::Section::__new(#heading, #body)));
    let class = option_str(own.class.as_deref());
    Some(quote! {
        __P::Docs::__new(
            #description,
            &[#(#causes),*],
            #example,
            &[#(#resolution),*],
            &[#(#commands),*],
            #solution,
            &[#(#sections),*],
            #class,
            &[#(#fields),*],
        )
    })
}

/// A type as written, without the token spacing: `Vec<Option<String>>`.
pub(crate) fn written_type(ty: &syn::Type) -> String {
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

fn envelope(krate: &syn::Path, envelope: &valid::Envelope) -> TokenStream {
    let private = quote!(#krate::__private);
    match envelope {
        valid::Envelope::Standard => quote!(#private::Envelope::Standard(#private::Standard)),
        valid::Envelope::Tagged => quote!(#private::Envelope::Tagged(#private::Tagged)),
        valid::Envelope::OpenAi => quote!(#private::Envelope::OpenAi(#private::OpenAi)),
        valid::Envelope::Problem { type_url: None } => {
            quote!(#private::Envelope::Problem(#private::Problem::new()))
        }
        valid::Envelope::Problem {
            type_url: Some(url),
        } => quote!(#private::Envelope::Problem(#private::Problem::with_type(#url))),
        valid::Envelope::Google { domain } => {
            quote!(#private::Envelope::Google(#private::Google::new(#domain)))
        }
        valid::Envelope::WebSocket => quote!(#private::Envelope::WebSocket(#private::WebSocket)),
        // The type's own format is handed out by `__with_format`.
        valid::Envelope::Custom(_) => quote!(#private::Envelope::Standard(#private::Standard)),
    }
}

/// `Decode` (`#[api_error(decode)]`): the variant of a code, rebuilt from the
/// details; fields that are not details take their `Default`.
fn decode_impl(input: &Input, model: &Model, bounds: &Bounds) -> TokenStream {
    if !model.decode {
        return TokenStream::new();
    }
    let krate = &model.krate;
    let private = quote!(#krate::__private);
    let ident = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = bounds.where_clause(input, |b| &b.decode);
    let mut arms = Vec::new();
    let mut nested = Vec::new();
    for entry in &model.entries {
        match entry {
            Entry::Own(own) => {
                let code = &own.code;
                let path = path(input, own.variant);
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
                    match key {
                        Some(key) => quote_spanned!(at(field.span)=> #member: __fields.field::<#ty>(#key)?),
                        None => quote_spanned!(at(field.span)=> #member: <#ty as ::core::default::Default>::default()),
                    }
                });
                arms.push(quote! {
                    #code => return ::core::option::Option::Some(#private::decode_build(|| {
                        ::core::result::Result::Ok(#path { #(#inits,)* })
                    })),
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
    quote! {
        #[automatically_derived]
        impl #impl_generics #private::Decode for #ident #ty_generics #where_clause {
            fn __decode(
                __code: &str,
                __fields: &#private::Fields<'_>,
            ) -> ::core::option::Option<::core::result::Result<Self, #private::DecodeError>> {
                match __code {
                    #(#arms)*
                    _ => {}
                }
                #(#nested)*
                ::core::option::Option::None
            }
        }
    }
}

/// A composed type's codes are checked across its modules by the compiler.
/// A `const` item cannot name a generic type, so for one the check covers
/// its own variants and the transparent fields whose types do not use its
/// parameters.
fn composition_check(input: &Input, model: &Model) -> TokenStream {
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
        quote!(<#ident as #krate::ApiError>::CATALOG)
    } else {
        catalog(input, model, |field| {
            !mentions(field.ty.to_token_stream(), &params)
        })
    };
    quote! {
        const _: () = {
            const ROOTS: &[&#krate::Catalog] = &[#root];
            #krate::__private::assert_unique_codes::<{ #krate::__private::table_size(ROOTS) }>(ROOTS)
        };
    }
}

/// A compile error for each details or message field whose type is an
/// error although it is not written as one (`ParseIntError`, a type alias
/// of `io::Error`): errors are internal. The compiler answers through
/// `Probe<T>::IS_ERROR`; fields whose type uses a parameter of the type
/// cannot be named in a `const` item and are left out.
fn internal_probes(input: &Input, model: &Model) -> TokenStream {
    let krate = &model.krate;
    let params = generic_names(input);
    let mut probes = Vec::new();
    for entry in &model.entries {
        let Entry::Own(own) = entry else {
            continue;
        };
        let mut fields: Vec<&Field> = own.details.iter().map(|(field, _)| *field).collect();
        if let Message::Formatted { args, computed, .. } = &own.message {
            let shown = args
                .iter()
                .map(|(field, _)| *field)
                .chain(computed.iter().flat_map(|c| c.fields.iter().copied()));
            for field in shown {
                if !fields.iter().any(|f| std::ptr::eq(*f, field)) {
                    fields.push(field);
                }
            }
        }
        for field in fields {
            if field.internal().is_some()
                || crate::ast::is_plain_type(field.ty)
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

/// The names a field type can use from the type's generics: its type,
/// lifetime and const parameters, and `Self`.
fn generic_names(input: &Input) -> Vec<Ident> {
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

/// `IntoResponse` (axum) and `ResponseError` (actix-web), emitted through
/// macros of `apierror` that keep them only when its features are on.
fn framework_impls(input: &Input, krate: &syn::Path, api_where: &TokenStream) -> TokenStream {
    let ident = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let private = quote!(#krate::__private);
    quote! {
        #private::if_axum! {
            #[automatically_derived]
            impl #impl_generics #private::axum_core::response::IntoResponse for #ident #ty_generics #api_where {
                fn into_response(self) -> #private::axum_core::response::Response {
                    #private::axum_response(&self)
                }
            }
        }
        #private::if_actix! {
            #[automatically_derived]
            impl #impl_generics #private::actix_web::ResponseError for #ident #ty_generics #api_where {
                fn status_code(&self) -> #private::actix_web::http::StatusCode {
                    #private::actix_status(self)
                }

                fn error_response(&self) -> #private::actix_web::HttpResponse {
                    #private::actix_response(self)
                }
            }
        }
    }
}

/// `__visit_fields`: each details field of the variant, with its key, in
/// declaration order; a `None` option is skipped.
fn field_arm(input: &Input, krate: &syn::Path, entry: &Entry) -> TokenStream {
    let own = match entry {
        Entry::Own(own) => own,
        Entry::Transparent { variant, field } => {
            let pat = pattern(input, variant, Some(*field));
            let inner = binding(field);
            let inner_ty = field.ty;
            return quote!(#pat => <#inner_ty as #krate::ApiError>::__visit_fields(#inner, __visitor),);
        }
    };
    let pat = pattern(
        input,
        own.variant,
        own.details.iter().map(|(field, _)| *field),
    );
    let last = own.details.len().checked_sub(1);
    let fields = own.details.iter().enumerate().map(|(index, (field, key))| {
        let binding = binding(field);
        let json_key = lit(&format!("{}:", crate::json::string(key)));
        let key = lit(key);
        let call = quote!(__visitor.field(#key, #json_key, #binding));
        match (field.is_option(), Some(index) == last) {
            (false, true) => call,
            (false, false) => quote!(#call?;),
            (true, _) => {
                let call = quote!(__visitor.field(#key, #json_key, __value));
                let done = (Some(index) == last).then(|| quote!(::core::result::Result::Ok(())));
                quote! {
                    if let ::core::option::Option::Some(__value) = #binding {
                        #call?;
                    }
                    #done
                }
            }
        }
    });
    // The last field's result is the arm's: no `?` and `Ok(())` after it.
    let empty = own
        .details
        .is_empty()
        .then(|| quote!(::core::result::Result::Ok(())));
    quote! {
        #pat => {
            #(#fields)*
            #empty
        }
    }
}

fn public_message(input: &Input, model: &Model, bounds: &Bounds) -> TokenStream {
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

/// `Display` (the public message), `Error` (the source field) and `From`
/// (`#[from]` fields), for types that do not also derive `thiserror::Error`.
fn std_impls(input: &Input, model: &Model, bounds: &Bounds) -> TokenStream {
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
        Entry::Own(Own { variant, .. }) => {
            let pat = pattern(input, variant, None);
            Some(quote!(#pat => #krate::__private::PublicMessage::fmt_message(self, __formatter),))
        }
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

/// Impls that keep the type usable when its input was rejected.
fn fallback(input: &Input, krate: &syn::Path) -> TokenStream {
    let ident = input.ident;
    let type_name = ident.to_string();
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let std = (!input.thiserror).then(|| {
        quote! {
            #[automatically_derived]
            impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::unreachable!()
                }
            }
            #[automatically_derived]
            impl #impl_generics ::std::error::Error for #ident #ty_generics #where_clause
            where
                Self: ::core::fmt::Debug,
            {}
        }
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::ApiError for #ident #ty_generics #where_clause {
            const CATALOG: &'static #krate::Catalog = &#krate::Catalog::__from_parts(#krate::__private::CatalogParts {
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
                envelope: #krate::__private::Envelope::Standard(#krate::__private::Standard),
            });
            fn descriptor(&self) -> &'static #krate::Descriptor {
                ::core::unreachable!()
            }
            fn message(&self) -> #krate::Message<'_> {
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

/// Where-clause predicates, added only for field types that mention a type
/// parameter: `T: Serialize` for details, `T: Display` for placeholders,
/// `T: ApiError` for transparent fields, `T: Error` for sources.
struct Bounds {
    api_error: Vec<WherePredicate>,
    message: Vec<WherePredicate>,
    display: Vec<WherePredicate>,
    error: Vec<WherePredicate>,
    decode: Vec<WherePredicate>,
}

impl Bounds {
    fn new(input: &Input, model: &Model) -> Self {
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

    fn where_clause(
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
