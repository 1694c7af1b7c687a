//! A borrowed model of the derive input, attributes parsed.

use crate::attr::{self, ContainerAttrs, FieldAttrs, VariantAttrs};
use crate::ctxt::Ctxt;
use proc_macro2::Span;
use syn::{DeriveInput, Generics, Ident, Member, Type};

pub struct Input<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub attrs: ContainerAttrs,
    pub doc: String,
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
    pub ty: &'a Type,
    pub attrs: FieldAttrs,
    pub span: Span,
}

impl Field<'_> {
    /// A source error: `#[source]`, `#[from]`, or a field named `source`.
    pub fn is_source(&self) -> bool {
        self.attrs.source.is_some()
            || self.attrs.from.is_some()
            || matches!(&self.member, Member::Named(name) if name == "source")
    }

    /// The key in the details object, when the field is a detail.
    pub fn detail_key(&self) -> Option<String> {
        if self.attrs.skip.is_some() || self.is_source() {
            return None;
        }
        match (&self.attrs.rename, &self.member) {
            (Some(rename), _) => Some(rename.value()),
            (None, Member::Named(name)) => {
                Some(name.to_string().trim_start_matches("r#").to_owned())
            }
            (None, Member::Unnamed(_)) => None,
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
        let attrs = attr::parse_container(cx, &input.attrs);
        let doc = attr::doc_of(&input.attrs);
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
