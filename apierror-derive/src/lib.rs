//! Implementation detail of the `apierror` crate: `#[derive(ApiError)]`.
//!
//! The derive runs in three stages, one folder each: `parse` reads the input
//! into plain data, `valid` checks it (codes, statuses, messages) into a
//! model, and `expand` generates the impls from that model. Below them,
//! `grammar` holds the small languages of attribute values and `base` the
//! leaves every stage reads (the error collector, the attribute keys, type
//! predicates, the files shared with the runtime). All user errors are
//! collected in a `Ctxt` and reported together, spanned on the user's
//! tokens. Each folder imports only from those below it.

#[macro_use]
mod base;
mod expand;
mod grammar;
mod parse;
#[cfg(test)]
mod property;
mod valid;

use proc_macro::TokenStream;

/// Derives `apierror::ApiError`. See the `apierror` crate for the guide.
#[proc_macro_derive(ApiError, attributes(api_error, code, status, message, source, from))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    expand::derive_tokens(input.into()).into()
}
