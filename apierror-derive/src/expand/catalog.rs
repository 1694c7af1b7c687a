//! The type's catalog as a constant expression: its owner, a descriptor per
//! variant (with its docs), and the envelope.

use super::{code_hash, option_range, option_str};
use crate::ast::{Field, Input};
use crate::valid::{self, Entry, Message, Model, Own};
use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, ToTokens};

/// The type's catalog, as a constant expression. `include` picks the
/// transparent variants whose catalogs it lists (all of them, but for the
/// composition check of a generic type).
pub(super) fn catalog(
    input: &Input,
    model: &Model,
    include: impl Fn(&Field) -> bool,
) -> TokenStream {
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
                    #krate::__private::Transparent::__new(#name, <#ty as #krate::ApiError>::CATALOG, #position)
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
        quote!(#krate::__private::Category::__new(#name, #title, #range, #prefix))
    });
    let retired = &model.retired;
    let envelope = envelope(krate, &model.envelope);
    let owner = owner(input, model);
    quote! {
        &{
            use #krate::__private::Descriptor as __D;
            use #krate::__private as __P;
            const __O: &#krate::__private::Owner = #owner;
            #krate::__private::Catalog::__from_parts(#krate::__private::CatalogParts {
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

/// What the composition check reads of the type (`Codes`): its codes with
/// their hashes and variants, its numbering and the types it includes; no
/// message or doc, so that editing one leaves this constant (and the check
/// of every type that includes this one) as the incremental cache has it.
pub(super) fn codes(input: &Input, model: &Model, include: impl Fn(&Field) -> bool) -> TokenStream {
    let krate = &model.krate;
    let mut codes = Vec::new();
    let mut transparent = Vec::new();
    for entry in &model.entries {
        match entry {
            Entry::Own(own) => {
                let code = &own.code;
                let hash = code_hash(code);
                let variant = own.variant.ident.to_string();
                codes.push(quote!(__P::Code::__new(#hash, #code, #variant)));
            }
            Entry::Transparent { variant, field } if include(field) => {
                let name = variant.ident.to_string();
                let ty = field.ty;
                transparent.push(quote!((#name, <#ty as #krate::ApiError>::__CODES)));
            }
            Entry::Transparent { .. } => {}
        }
    }
    let pattern = option_str(model.pattern.as_deref());
    let range = option_range(model.range);
    let categories = model.categories.iter().filter_map(|c| {
        let name = &c.name;
        c.range.map(|(lo, hi)| quote!((#name, (#lo, #hi))))
    });
    let path = type_path(input);
    quote! {
        &{
            use #krate::__private as __P;
            __P::Codes::__new(
                #path,
                #pattern,
                #range,
                &[#(#categories),*],
                &[#(#codes),*],
                &[#(#transparent),*],
            )
        }
    }
}

/// The type's full path, as its owner and its codes name it.
fn type_path(input: &Input) -> TokenStream {
    let suffix = format!("::{}", input.ident);
    quote!(::core::concat!(::core::module_path!(), #suffix))
}

/// The type as its descriptors name it: its name, its full path, and the
/// settings its variants keep through composition.
fn owner(input: &Input, model: &Model) -> TokenStream {
    let krate = &model.krate;
    let name = input.ident.to_string();
    let path = type_path(input);
    let www_authenticate = option_str(model.www_authenticate.as_deref());
    let type_url = option_str(match &model.envelope {
        valid::BuiltIn::Problem { type_url } => type_url.as_deref(),
        _ => None,
    });
    let doc_url = model
        .doc_url
        .as_ref()
        .map(|url| quote!(.__with_doc_url(#url)));
    quote! {
        &#krate::__private::Owner::__new(
            #name,
            #path,
            #www_authenticate,
            #type_url,
        ) #doc_url
    }
}

/// The flags of `DescriptorParts` (`agreement::flags_agree_with_the_runtime` in lib.rs
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

fn envelope(krate: &syn::Path, envelope: &valid::BuiltIn) -> TokenStream {
    let private = quote!(#krate::__private);
    match envelope {
        valid::BuiltIn::Standard => quote!(#private::BuiltIn::Standard(#private::Standard)),
        valid::BuiltIn::Tagged => quote!(#private::BuiltIn::Tagged(#private::Tagged)),
        valid::BuiltIn::OpenAi => quote!(#private::BuiltIn::OpenAi(#private::OpenAi)),
        valid::BuiltIn::Problem { type_url: None } => {
            quote!(#private::BuiltIn::Problem(#private::Problem::new()))
        }
        valid::BuiltIn::Problem {
            type_url: Some(url),
        } => quote!(#private::BuiltIn::Problem(#private::Problem::with_type(#url))),
        valid::BuiltIn::Google { domain } => {
            quote!(#private::BuiltIn::Google(#private::Google::new(#domain)))
        }
        valid::BuiltIn::WebSocket => quote!(#private::BuiltIn::WebSocket(#private::WebSocket)),
        // The type's own format is handed out by `__with_format`.
        valid::BuiltIn::Custom(_) => quote!(#private::BuiltIn::Standard(#private::Standard)),
    }
}
