//! The `Display` arm of a variant with an interpolated message, for generic
//! types only: their `Display` cannot require their `ApiError` impl, which
//! writes the message of every other type from the catalog's template and
//! the arguments `__visit_fields` hands over.

use super::tokens::{binding, pattern, unique};
use crate::parse::ast::Input;
use crate::valid::{Message, Own};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// `Self::V { .. } => write!(__formatter, "...", ...)`, `None` for a static
/// message.
pub(super) fn display_arm(input: &Input, own: &Own) -> Option<TokenStream> {
    let Message::Formatted {
        format,
        span,
        args,
        computed,
        ..
    } = &own.message
    else {
        return None;
    };
    let shown = args.iter().map(|(field, _)| *field);
    let bound = unique(shown.chain(computed.iter().flat_map(|c| c.fields.iter().copied())));
    let pat = pattern(input, own.variant, bound);
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
