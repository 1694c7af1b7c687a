//! Implementation detail of the `apierror` crate: `#[derive(ApiError)]`.
//!
//! The derive runs in three stages, one module each: `ast`/`attr` parse the
//! input into plain data, `valid` checks it (codes, statuses, messages), and
//! `expand` generates the impls. All user errors are collected in a `Ctxt`
//! and reported together, spanned on the user's tokens.

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
