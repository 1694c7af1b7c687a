//! The type's catalog as a constant expression: its owner, a descriptor per
//! variant (with its docs), and the format.

use super::shape::Example;
use super::tokens::{option_range, option_str, written_type};
use crate::base::facts::{code_hash, flags, json_plain};
use crate::parse::ast::{Field, Input};
use crate::valid::{self, Entry, Message, Model, Own};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// The type's catalog: the items generated code puts next to the impls
/// (`__APIERROR_O` the owner, `__APIERROR_OWN` the descriptors, the constants they share), and
/// the constant expression of `CATALOG`, which reads them (`__ApierrorP` is
/// `__private`). Out of the impl, the descriptors are a free constant:
/// `descriptor()` indexes it, and rustc's lints of associated constants do
/// not walk it. `include` picks the transparent variants the catalog lists.
pub(super) fn catalog(
    input: &Input,
    model: &Model,
    include: impl Fn(&Field) -> bool,
) -> (TokenStream, TokenStream) {
    let krate = &model.krate;
    let doc = &model.doc.intro;
    let appendices = model
        .doc
        .appendices
        .iter()
        .map(|(heading, body)| quote!(__ApierrorP::Docs::__section(#heading, #body)));
    let statuses = model
        .status_docs
        .iter()
        .map(|(status, description, troubleshooting)| {
            let troubleshooting = option_str(troubleshooting.as_deref());
            quote!(__ApierrorP::Docs::__status(#status, #description, #troubleshooting))
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
    let mut table = Table::default();
    let mut transparent = Vec::new();
    for entry in &model.entries {
        match entry {
            Entry::Own(own) => {
                position += 1;
                table.push(own, &generics);
            }
            Entry::Transparent { variant, field } if include(field) => {
                let name = variant.ident.to_string();
                let ty = field.ty;
                transparent.push(quote! {
                    #krate::__private::Catalog::__transparent(#name, <#ty as #krate::ApiError>::CATALOG, #position)
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
        quote!(#krate::__private::Catalog::__category(#name, #title, #range, #prefix))
    });
    let retired = &model.retired;
    let format = format_path(krate, &model.format);
    let owner = owner(input, model);
    let rows = table.rows.len();
    let (shared, descriptors) = table.finish();
    // The translation files, so that the build reruns when one changes.
    let files = &model.locale_files;
    let items = quote! {
        const __APIERROR_O: &__ApierrorP::Owner = #owner;
        #(const _: &[u8] = ::core::include_bytes!(#files);)*
        #shared
        // A `static` (a constant may refer to it since Rust 1.83): measured
        // 0.06 G cheaper to compile than a `const` at 1 000 variants.
        // Each row names the type by a short alias: 7 M instructions less for
        // the compiler at 1 000 variants than the path.
        use __ApierrorP::Descriptor as __ApierrorRow;
        static __APIERROR_OWN: [__ApierrorRow; #rows] = [#descriptors];
    };
    let catalog = quote! {
        &__ApierrorP::Catalog {
            owner: __APIERROR_O,
            description: #doc,
            appendices: &[#(#appendices),*],
            statuses: &[#(#statuses),*],
            class: #class,
            descriptors: &__APIERROR_OWN,
            transparent: &[#(#transparent),*],
            pattern: #pattern,
            range: #range,
            categories: &[#(#categories),*],
            retired: &[#(#retired),*],
            format: #format,
        }
    };
    (items, catalog)
}

/// The type's own codes as `Codes` lists them: each code's hash as eight
/// bytes (little-endian) in one byte string, and each code and its variant
/// in one string, `code` U+001F `variant` U+001E. Two literals whatever
/// the number of variants: a tuple per variant cost the compiler about
/// 0.09 M instructions each.
fn code_list(model: &Model) -> (proc_macro2::Literal, proc_macro2::Literal) {
    let mut hashes = Vec::new();
    let mut names = String::new();
    for entry in &model.entries {
        if let Entry::Own(own) = entry {
            hashes.extend_from_slice(&code_hash(&own.code).to_le_bytes());
            names.push_str(&own.code);
            names.push('\u{1f}');
            names.push_str(&own.variant.ident.to_string());
            names.push('\u{1e}');
        }
    }
    (
        proc_macro2::Literal::byte_string(&hashes),
        proc_macro2::Literal::string(&names),
    )
}

/// What the composition check reads of the type (`Codes`): its codes with
/// their hashes and variants, its numbering and the types it includes; no
/// message or doc, so that editing one leaves this constant (and the check
/// of every type that includes this one) as the incremental cache has it.
pub(super) fn codes(input: &Input, model: &Model, include: impl Fn(&Field) -> bool) -> TokenStream {
    let krate = &model.krate;
    let mut transparent = Vec::new();
    for entry in &model.entries {
        match entry {
            Entry::Own(_) => {}
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
    let (hashes, names) = code_list(model);
    quote! {
        &{
            use #krate::__private as __ApierrorP;
            __ApierrorP::Codes::__new(
                #path,
                #pattern,
                #range,
                &[#(#categories),*],
                #hashes,
                #names,
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
    let www_authenticate = option_str(model.response.www_authenticate.as_deref());
    let type_url = option_str(model.format.setting("type_url"));
    let doc_url = model
        .doc_url
        .as_ref()
        .map(|url| quote!(.__with_doc_url(#url)));
    let language = model
        .language
        .as_ref()
        .map(|language| quote!(.__with_language(#language)));
    let own_format =
        matches!(model.format, valid::BuiltIn::Custom(_)).then(|| quote!(.__with_own_format()));
    quote! {
        &#krate::__private::Owner::__new(
            #name,
            #path,
            #www_authenticate,
            #type_url,
        ) #doc_url #language #own_format
    }
}

/// The descriptors of a catalog, as tuple-struct literals of constants (a
/// constant-evaluated call per variant is what made big catalogs slow to
/// compile): each status is a number in its row, and each distinct set of
/// the rarely set parts (`Extra`; `Extra::NONE` when empty) one constant of
/// the block. The rows themselves are written as text (see `finish`).
#[derive(Default)]
struct Table {
    rows: Vec<Row>,
    /// Each distinct `Extra` expression: its key (`None`: its own) and
    /// tokens.
    extras: Vec<(Option<String>, TokenStream)>,
    /// Each distinct `FieldList` expression, as text, with its tokens: one
    /// constant each, which variants with the same fields share.
    field_lists: Vec<(String, TokenStream)>,
}

struct Row {
    code: String,
    status: u16,
    template: String,
    variant: String,
    flags: u16,
    extra: Option<usize>,
}

impl Table {
    fn push(&mut self, own: &Own, generics: &[Ident]) {
        let (flags, extra) = descriptor(own, generics, &mut self.field_lists);
        // A variant with pieces or docs has an `Extra` of its own (its template
        // and docs are its own); the others are compared by a key of their
        // parts, not by the text of their tokens, and their tokens are made
        // only for the first of equal ones (the derive runs unoptimized in
        // dev builds: making and printing tokens costs).
        let extra = extra.map(|(key, parts)| {
            let found = key.as_ref().and_then(|key| {
                self.extras
                    .iter()
                    .position(|(k, _)| k.as_ref() == Some(key))
            });
            found.unwrap_or_else(|| {
                self.extras.push((key, parts.tokens(own)));
                self.extras.len() - 1
            })
        });
        self.rows.push(Row {
            code: own.code.clone(),
            status: own.status,
            template: own.template.clone(),
            variant: own.variant.ident.to_string(),
            flags,
            extra,
        });
    }

    /// The block's constants, and the descriptors.
    fn finish(self) -> (TokenStream, TokenStream) {
        let extra_name = |i: usize| quote::format_ident!("__APIERROR_X{}", i);
        let mut shared = TokenStream::new();
        for (i, (_, tokens)) in self.field_lists.iter().enumerate() {
            let name = field_list_name(i);
            shared.extend(quote!(const #name: &__ApierrorP::FieldList = &#tokens;));
        }
        for (i, (_, tokens)) in self.extras.iter().enumerate() {
            let name = extra_name(i);
            shared.extend(quote!(const #name: &__ApierrorP::Extra = &#tokens;));
        }
        // The rows as source text, lexed by the compiler in one call: a
        // `quote!` per row costs a dozen calls across the proc-macro bridge.
        let mut text = String::new();
        for row in &self.rows {
            use std::fmt::Write as _;
            let Row {
                code,
                status,
                template,
                variant,
                flags,
                ..
            } = row;
            // Numbers without suffixes: the tuple struct's fields type them.
            let _ = write!(
                text,
                "__ApierrorRow(__APIERROR_O, {code:?}, {status}, {template:?}, {variant:?}, {flags}, ",
            );
            match row.extra {
                None => text.push_str("__ApierrorP::Extra::NONE"),
                Some(i) => {
                    let _ = write!(text, "__APIERROR_X{i}");
                }
            }
            text.push_str("),");
        }
        let rows = super::tokens::source(&text);
        (shared, rows)
    }
}

/// The constant of the `i`-th distinct field list.
fn field_list_name(i: usize) -> Ident {
    quote::format_ident!("__APIERROR_F{}", i)
}

/// A variant's flags, and its `Extra` when it has any of those parts (`__ApierrorP`
/// is `__private`), with the key that tells equal ones apart (`None` when
/// it has pieces or docs: its own); its fields are interned into
/// `field_lists`.
#[allow(clippy::type_complexity)]
fn descriptor(
    own: &Own,
    generics: &[Ident],
    field_lists: &mut Vec<(String, TokenStream)>,
) -> (u16, Option<(Option<String>, ExtraParts)>) {
    use flags::{HAS_DETAILS, PLAIN, PLAIN_CODE, PLAIN_TITLE, RETRY_AFTER, STATIC};
    let mut flags = 0u16;
    let mut parts = ExtraParts::default();
    // The parts of a shareable `Extra`, each tagged (`None` once it has
    // pieces or docs).
    let mut key = Some(String::new());
    let tag = |key: &mut Option<String>, part: char, text: &str| {
        if let Some(key) = key {
            key.push(part);
            key.push_str(text);
            key.push('\u{1f}');
        }
    };
    if own.has_details {
        flags |= HAS_DETAILS;
    }
    if own.retry_after.is_some() {
        flags |= RETRY_AFTER;
    }
    if own.details.iter().any(|(field, _)| field.is_violations()) {
        flags |= flags::VIOLATIONS;
    }
    if own.message_is_display {
        flags |= flags::DISPLAYED;
    }
    // Bits 4..=6: the log level (`LOG` of the runtime's flags).
    flags |= u16::from(own.log) << flags::LOG_SHIFT;
    // Derived codes are checked to need no escaping; checked again here so
    // that the flag never lies.
    if json_plain(&own.code) {
        flags |= PLAIN_CODE;
    }
    // The title, else the reason phrase (which needs no escaping).
    if own.title.as_deref().is_none_or(json_plain) {
        flags |= PLAIN_TITLE;
    }
    if let Message::Static(text) = &own.message {
        if *text == own.template {
            flags |= STATIC;
        } else {
            parts.unescaped = Some(text.clone());
            tag(&mut key, 'u', text);
        }
        // Written into JSON as it is when nothing in it needs escaping.
        if json_plain(text) {
            flags |= PLAIN;
        }
    }
    // The fields as placeholders name them: what the runtime looks a
    // placeholder up in when it splits the template.
    let idents: Vec<String> = own
        .details
        .iter()
        .map(|(field, _)| ident(&field.member))
        .collect();
    if !own.details.is_empty() {
        let types: Vec<String> = own
            .details
            .iter()
            .map(|(field, _)| written_type(field.ty))
            .collect();
        // What the list's tokens depend on: keys, types as written, the
        // `schema` type and optionality (which decide the shapes and
        // examples), the fields' names.
        let mut text = String::new();
        for (((field, name), ty), ident) in own.details.iter().zip(&types).zip(&idents) {
            let schema = field
                .attrs
                .schema
                .as_ref()
                .map(written_type)
                .unwrap_or_default();
            let option = if field.is_option() { "?" } else { "" };
            text.push_str(&format!(
                "{name}\u{1f}{ty}\u{1f}{schema}\u{1f}{option}\u{1f}{ident}\u{1e}"
            ));
        }
        let i = match field_lists.iter().position(|(t, _)| *t == text) {
            Some(i) => i,
            None => {
                let fields = own.details.iter().map(|(_, key)| key);
                let shapes = own
                    .details
                    .iter()
                    .map(|(field, _)| super::shape::field(field, generics));
                let examples = own
                    .details
                    .iter()
                    .map(|(field, _)| option_str(super::shape::example_text(field.ty).as_deref()));
                let list = quote! {
                    __ApierrorP::FieldList::__new(
                        &[#(#fields),*], &[#(#types),*], &[#(#shapes),*], &[#(#idents),*], &[#(#examples),*],
                    )
                };
                field_lists.push((text, list));
                field_lists.len() - 1
            }
        };
        parts.fields = Some(i);
        tag(&mut key, 'f', &i.to_string());
    }
    // Pieces the runtime cannot slice from the template are written out
    // (and make the `Extra` the variant's own).
    let written_out = match &own.message {
        Message::Formatted { pieces, .. } => {
            (!splits_alike(own, pieces, &idents)).then_some(pieces)
        }
        Message::Static(_) => None,
    };
    if let Some(pieces) = written_out {
        let pieces = pieces.iter().map(|part| match part {
            valid::Part::Text(text) => quote!(__ApierrorP::Piece::Text(#text)),
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
                match super::shape::example(field.ty, spec) {
                    Some(Example::Text(text)) => {
                        quote!(__ApierrorP::Piece::__arg_text(#written, #detail, #text))
                    }
                    Some(Example::Format(format)) => {
                        quote!(__ApierrorP::Piece::__arg_format(#written, #detail, #format))
                    }
                    None => quote!(__ApierrorP::Piece::__arg(#written, #detail)),
                }
            }
            valid::Part::Computed { written, .. } => {
                let none = quote!(::core::option::Option::None);
                quote!(__ApierrorP::Piece::__arg(#written, #none))
            }
        });
        parts.own.push(quote!(.__pieces(&[#(#pieces),*])));
        key = None;
    }
    if let Some(docs) = docs(own) {
        parts.own.push(quote!(.__doc(&#docs)));
        key = None;
    }
    if let Some(category) = &own.category {
        tag(&mut key, 'c', category);
    }
    if let Some(title) = &own.title {
        tag(&mut key, 't', title);
    }
    if let Some(grpc) = &own.grpc {
        tag(&mut key, 'g', grpc);
    }
    if let Some(kind) = &own.kind {
        tag(&mut key, 'k', kind);
    }
    for (language, text) in &own.translations {
        tag(&mut key, 'l', language);
        tag(&mut key, 'm', text);
    }
    for (_, name) in &own.headers {
        tag(&mut key, 'h', name);
    }
    // Every part tags the key, and pieces or docs make it `None`: an empty
    // key is an empty `Extra`.
    let any = key.as_deref() != Some("");
    (flags, any.then_some((key, parts)))
}

/// What a variant's `Extra` holds beyond what `Own` says (its category,
/// title, gRPC code, kind, translations and headers): its tokens are made
/// by [`tokens`](Self::tokens), only for an `Extra` not met before.
#[derive(Default)]
struct ExtraParts {
    /// The message, when it differs from the template.
    unescaped: Option<String>,
    /// The index of its field list.
    fields: Option<usize>,
    /// Its pieces and docs, which make the `Extra` the variant's own.
    own: Vec<TokenStream>,
}

impl ExtraParts {
    fn tokens(self, own: &Own) -> TokenStream {
        let mut rest = Vec::new();
        if let Some(text) = &self.unescaped {
            rest.push(quote!(.__unescaped(#text)));
        }
        if let Some(i) = self.fields {
            let name = field_list_name(i);
            rest.push(quote!(.__fields(#name)));
        }
        rest.extend(self.own);
        if let Some(category) = &own.category {
            rest.push(quote!(.__category(#category)));
        }
        if let Some(title) = &own.title {
            rest.push(quote!(.__title(#title)));
        }
        if let Some(grpc) = &own.grpc {
            rest.push(quote!(.__grpc(#grpc)));
        }
        if let Some(kind) = &own.kind {
            rest.push(quote!(.__kind(#kind)));
        }
        if !own.translations.is_empty() {
            let pairs = own
                .translations
                .iter()
                .map(|(language, text)| quote!((#language, #text)));
            rest.push(quote!(.__translations(&[#(#pairs),*])));
        }
        if !own.headers.is_empty() {
            let names = own.headers.iter().map(|(_, name)| name);
            rest.push(quote!(.__headers(&[#(#names),*])));
        }
        quote!(__ApierrorP::Extra::EMPTY #(#rest)*)
    }
}

/// Whether the runtime's split of the template (`template::split`, whose
/// copy is `message::split`), its placeholders looked up in the variant's
/// field list, gives the pieces the derive read: text for text, each
/// placeholder as written, with the same detail and example.
fn splits_alike(own: &Own, parts: &[valid::Part], idents: &[String]) -> bool {
    use crate::grammar::message::{split, Split};
    let mut rest = own.template.as_str();
    for part in parts {
        let Some((piece, after)) = split(rest) else {
            return false;
        };
        rest = after;
        match (part, piece) {
            (valid::Part::Text(text), Split::Text(sliced)) if text == sliced => {}
            (
                valid::Part::Arg {
                    written,
                    field,
                    spec,
                },
                Split::Arg {
                    written: sliced,
                    name,
                    spec: sliced_spec,
                },
            ) if written == sliced && spec == sliced_spec => {
                let detail = own
                    .details
                    .iter()
                    .find(|(f, _)| std::ptr::eq(*f, *field))
                    .map(|(_, key)| key.as_str());
                let example = if spec.is_empty() {
                    super::shape::example_text(field.ty)
                } else if super::shape::example(field.ty, spec).is_some() {
                    // A spec'd example is a function the runtime cannot make.
                    return false;
                } else {
                    None
                };
                let found = idents.iter().position(|ident| ident == name);
                let sliced_detail = found.map(|i| own.details[i].1.as_str());
                // The field list's example of the field found.
                let sliced_example = found
                    .filter(|_| spec.is_empty())
                    .and_then(|i| super::shape::example_text(own.details[i].0.ty));
                if detail != sliced_detail || example != sliced_example {
                    return false;
                }
            }
            _ => return false,
        }
    }
    split(rest).is_none()
}

/// A field as a placeholder names it: `instance_type` (for `r#type`,
/// `type`), `0`.
pub(super) fn ident(member: &syn::Member) -> String {
    match member {
        syn::Member::Named(ident) => {
            let name = ident.to_string();
            name.strip_prefix("r#").map(str::to_owned).unwrap_or(name)
        }
        syn::Member::Unnamed(index) => index.index.to_string(),
    }
}

/// The variant's `Docs`, when it has any (`__ApierrorP` is `__private`).
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
    let block = |b: &crate::parse::doc::Block| {
        let (lang, code) = (&b.lang, &b.code);
        quote!(__ApierrorP::Docs::__block(#lang, #code))
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
        .map(|(heading, body)| quote!(__ApierrorP::Docs::__section(#heading, #body)));
    let class = option_str(own.class.as_deref());
    Some(quote! {
        __ApierrorP::Docs::__new(
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

/// The catalog's `BuiltIn` value: the named built-in format with its
/// setting, or the standard one for a format of the type's own.
fn format_path(krate: &syn::Path, format: &valid::BuiltIn) -> TokenStream {
    let module = quote!(#krate::__private::format);
    match format {
        valid::BuiltIn::Named { row, setting } => {
            let ty = syn::Ident::new(row.ty, Span::call_site());
            let setting = option_str(setting.as_deref());
            quote!(#module::BuiltIn::#ty(#module::#ty::__built_in(#setting)))
        }
        // The type's own format is handed out by `__with_format`.
        valid::BuiltIn::Custom(_) => quote!(#module::BuiltIn::Standard(#module::Standard)),
    }
}
