//! A borrowed model of the derive input, attributes parsed.

use crate::base::ctxt::Ctxt;
use crate::base::types::is_error_type;
use crate::parse::attr::{self, ContainerAttrs, FieldAttrs, Place, VariantAttrs};
use proc_macro2::Span;
use syn::{DeriveInput, Generics, Ident, Member, Type};

pub struct Input<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub attrs: ContainerAttrs,
    pub doc: Vec<crate::parse::doc::Line>,
    pub is_struct: bool,
    pub variants: Vec<Variant<'a>>,
    /// `thiserror::Error` is derived too: it owns `Display`, `Error`, `From`.
    pub thiserror: bool,
}

pub struct Variant<'a> {
    /// The variant's name; the type's name for a struct.
    pub ident: &'a Ident,
    pub attrs: VariantAttrs,
    pub fields: Vec<Field<'a>>,
}

pub struct Field<'a> {
    pub member: Member,
    /// The name without `r#` (`type` for `r#type`), or the index.
    pub unraw: String,
    pub ty: &'a Type,
    pub attrs: FieldAttrs,
    pub span: Span,
}

impl Field<'_> {
    /// A source error: `#[source]`, `#[from]`, or a field named `source`
    /// (`r#source` too).
    pub fn is_source(&self) -> bool {
        self.attrs.source.is_some() || self.attrs.from.is_some() || self.name() == Some("source")
    }

    /// The field's name without `r#`, for a named field.
    pub fn name(&self) -> Option<&str> {
        match &self.member {
            Member::Named(_) => Some(self.unraw.as_str()),
            Member::Unnamed(_) => None,
        }
    }

    /// Why the field is internal, if it is: its value never reaches a body,
    /// a header or the details, only logs. Marked `#[api_error(internal)]`, a
    /// source, or of a type that is plainly an error.
    pub fn internal(&self) -> Option<Internal> {
        if self.attrs.internal.is_some() {
            Some(Internal::Marked)
        } else if self.is_source() {
            Some(Internal::Source)
        } else if is_error_type(self.ty) {
            Some(Internal::ErrorType)
        } else {
            None
        }
    }

    /// The key in the details object, when the field is a detail.
    pub fn detail_key(&self) -> Option<String> {
        if self.attrs.skip.is_some() || self.internal().is_some() {
            return None;
        }
        match (&self.attrs.rename, &self.member) {
            (Some(rename), _) => Some(rename.value()),
            (None, Member::Named(_)) => Some(self.unraw.clone()),
            (None, Member::Unnamed(_)) => None,
        }
    }

    /// Whether the field is a validation list: its type spelled `Violations`
    /// (in a `Box`, `Option`, reference...) and not marked `violations =
    /// false`, or marked `violations`.
    pub fn is_violations(&self) -> bool {
        self.attrs.violations.is_some()
            || self.attrs.not_violations.is_none() && {
                let ty = crate::base::types::option_inner(self.ty).unwrap_or(self.ty);
                crate::base::types::is_named(ty, "Violations")
            }
    }

    /// Whether the field's type is spelled `Option<...>`: `None` is left out of details.
    pub fn is_option(&self) -> bool {
        match self.ty {
            Type::Path(path) if path.qself.is_none() => path
                .path
                .segments
                .last()
                .is_some_and(|last| last.ident == "Option"),
            _ => false,
        }
    }
}

impl<'a> Input<'a> {
    pub fn from_syn(cx: &Ctxt, input: &'a DeriveInput) -> Option<Self> {
        let place = match &input.data {
            syn::Data::Struct(_) => Place::Struct,
            _ => Place::Enum,
        };
        let attrs = attr::parse_container(cx, &input.attrs, place);
        let doc = attr::doc_lines(&input.attrs);
        let (is_struct, variants) = match &input.data {
            syn::Data::Enum(data) => (
                false,
                data.variants
                    .iter()
                    .map(|v| Variant::from_syn(cx, &v.ident, &v.attrs, &v.fields, false))
                    .collect(),
            ),
            syn::Data::Struct(data) => (
                true,
                vec![Variant::from_syn(
                    cx,
                    &input.ident,
                    &input.attrs,
                    &data.fields,
                    true,
                )],
            ),
            syn::Data::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "ApiError cannot be derived for a union; use an enum or a struct",
                );
                return None;
            }
        };
        let thiserror = input.attrs.iter().any(attr::is_thiserror_attr)
            || variants.iter().any(|v: &Variant| v.attrs.thiserror);
        Some(Input {
            ident: &input.ident,
            generics: &input.generics,
            attrs,
            doc,
            is_struct,
            variants,
            thiserror,
        })
    }
}

impl<'a> Variant<'a> {
    fn from_syn(
        cx: &Ctxt,
        ident: &'a Ident,
        attrs: &'a [syn::Attribute],
        fields: &'a syn::Fields,
        is_struct: bool,
    ) -> Self {
        let fields = fields
            .iter()
            .enumerate()
            .map(|(index, field)| Field {
                member: match &field.ident {
                    Some(name) => Member::Named(name.clone()),
                    None => Member::Unnamed(syn::Index {
                        index: index as u32,
                        span: syn::spanned::Spanned::span(&field.ty),
                    }),
                },
                unraw: field.ident.as_ref().map_or_else(
                    || index.to_string(),
                    |name| name.to_string().trim_start_matches("r#").to_owned(),
                ),
                ty: &field.ty,
                attrs: attr::parse_field(cx, &field.attrs),
                span: field
                    .ident
                    .as_ref()
                    .map_or_else(|| syn::spanned::Spanned::span(&field.ty), Ident::span),
            })
            .collect();
        Variant {
            ident,
            attrs: attr::parse_variant(cx, attrs, is_struct),
            fields,
        }
    }
}

/// Why a field is internal.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Internal {
    /// `#[api_error(internal)]`.
    Marked,
    /// `#[source]`, `#[from]` or named `source`.
    Source,
    /// Its type is an error: `io::Error`, `anyhow::Error`, `Box<dyn Error>`...
    ErrorType,
}
