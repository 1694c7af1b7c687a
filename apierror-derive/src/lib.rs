//! Implementation detail of the `apierror` crate: `#[derive(ApiError)]`.
//!
//! The derive runs in three stages, one module each: `ast`/`attr` parse the
//! input into plain data, `valid` checks it (codes, statuses, messages), and
//! `expand` generates the impls. All user errors are collected in a `Ctxt`
//! and reported together, spanned on the user's tokens.

/// The built-in formats' table, the runtime's own file (a link to
/// `apierror-core/src/format/table.rs`).
#[macro_use]
mod formats;
mod ctxt;
mod expand;
/// The facts the derive and the runtime share (flag bits, reserved
/// headers, gRPC codes, doc-URL transforms, the plain-text test, the code
/// hash, the template splitter): the runtime's own file (a link to
/// `apierror-core/src/facts.rs`).
#[allow(dead_code)]
mod facts;
mod grammar;
mod parse;
#[cfg(test)]
mod property;
mod symbol;
mod types;
mod valid;

use proc_macro::TokenStream;

/// Derives `apierror::ApiError`. See the `apierror` crate for the guide.
#[proc_macro_derive(ApiError, attributes(api_error, code, status, message, source, from))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    expand::derive_tokens(input.into()).into()
}
