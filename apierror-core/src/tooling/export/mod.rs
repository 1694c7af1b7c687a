//! Catalog export: a Markdown reference for people and a JSON catalog for
//! tools, from any derived type's [`Catalog`], composed ones included; the
//! JSON Schema ([`Export::json_schema`], [`Export::json_schema_of`]) and
//! TypeScript declarations ([`Export::typescript_for`],
//! [`Export::typescript_of`]) of the bodies a format renders, built-in or
//! your own, read from what it renders (see
//! [one model of a body](crate::export#one-model-of-a-body-for-every-format)).
//! Every export is an associated function of [`Export`].
//!
//! Both are built from the static catalog alone, in declaration order, so the
//! same catalog always exports to the same text: commit the output and review
//! its diff, or publish it as the API's error reference.
//!
//! ```
//! use apierror::export::Export;
//! use apierror::ApiError;
//!
//! /// Errors of the billing service.
//! #[derive(Debug, ApiError)]
//! #[api_error(pattern = "BILL-###", retired("BILL-002"))]
//! pub enum BillingError {
//!     /// The card was declined by the payment provider.
//!     #[code("BILL-001")]
//!     #[status(402)]
//!     #[message("Payment of {amount} cents failed")]
//!     PaymentFailed { amount: u64 },
//! }
//!
//! let markdown = Export::markdown(BillingError::CATALOG);
//! assert!(markdown.starts_with("# BillingError\n\nErrors of the billing service.\n"));
//! assert!(markdown.contains("### BILL-001: Payment of `{amount}` cents failed\n"));
//! assert!(markdown.contains("- **HTTP Status**: 402 Payment Required\n"));
//!
//! let json: serde_json::Value = serde_json::from_str(&Export::json(BillingError::CATALOG))?;
//! assert_eq!(json["errors"][0]["fields"][0]["type"], "u64");
//! assert_eq!(json["retired"][0], "BILL-002");
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # One model of a body, for every format
//!
//! The JSON Schema, the TypeScript declarations, the OpenAPI responses and
//! [`decode::Decoder`](crate::decode::Decoder) know no format by name: each
//! reads one model of the bodies a format writes for each code, built by
//! rendering a stand-in error of each variant through the format itself
//! with two sets of details values and messages, with its `Option` fields
//! left out, without a request context and with each of its members, and
//! in every language the type translates into. What every render of a code
//! holds alike is a constant of the code; a member some renders lack is
//! optional; a value that is `null` in some is nullable; where a details
//! value lands tells which field a member holds, and the member is typed
//! from the field's Rust type; the headers are those of the responses the
//! same renders make.

mod catalog_file;
mod json;
pub(crate) mod markdown;
pub(crate) mod schema;
mod typescript;

#[allow(deprecated)]
#[doc(hidden)]
pub use catalog_file::UPDATE_VAR;
pub use json::JsonCatalog;

use crate::catalog::{Catalog, Category, Descriptor, Owner};
use crate::doc::DocUrl;
use crate::doc::StatusDoc;
use crate::error::ApiError;
use crate::format::Format;
use std::collections::BTreeMap;
use std::path::Path;

/// The exports of a catalog, each an associated function: the Markdown
/// reference ([`Export::markdown`]), the JSON catalog ([`Export::json`],
/// kept in step with a committed file by [`Export::assert_catalog_file`]),
/// TypeScript declarations ([`Export::typescript`],
/// [`Export::typescript_for`], [`Export::typescript_of`]) and JSON Schema
/// ([`Export::json_schema`], [`Export::json_schema_of`]).
///
/// It is a name for the exports, never a value.
#[derive(Debug)]
pub struct Export(());

// The old paths, kept for one release: each moved into `Export`.

/// The catalog as a Markdown error reference.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::export::Export::markdown`"
)]
pub fn markdown(catalog: &Catalog) -> String {
    Export::markdown(catalog)
}

/// The catalog as pretty-printed JSON.
#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "moved to `apierror::export::Export::json`")]
pub fn json(catalog: &Catalog) -> String {
    Export::json(catalog)
}

/// Keeps the committed JSON catalog of a crate in step with the code.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::export::Export::assert_catalog_file`"
)]
#[track_caller]
pub fn assert_catalog_file(catalog: &Catalog, path: impl AsRef<Path>) {
    Export::assert_catalog_file(catalog, path)
}

/// TypeScript declarations of `catalog` in its built-in format.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::export::Export::typescript`"
)]
pub fn typescript(catalog: &Catalog) -> String {
    Export::typescript(catalog)
}

/// TypeScript declarations of `catalog` as `format` renders it.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::export::Export::typescript_for`"
)]
pub fn typescript_for<F: Format + ?Sized>(catalog: &Catalog, format: &F) -> String {
    Export::typescript_for(catalog, format)
}

/// TypeScript declarations of `E`'s catalog in the format `E` declares.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::export::Export::typescript_of`"
)]
pub fn typescript_of<E: ApiError + ?Sized>() -> String {
    Export::typescript_of::<E>()
}

/// The JSON Schema of the bodies of `catalog` in `format`.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::export::Export::json_schema`"
)]
pub fn json_schema<F: Format + ?Sized>(catalog: &Catalog, format: &F) -> String {
    Export::json_schema(catalog, format)
}

/// The JSON Schema of the bodies of `E`'s catalog in the format `E` declares.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::export::Export::json_schema_of`"
)]
pub fn json_schema_of<E: ApiError + ?Sized>() -> String {
    Export::json_schema_of::<E>()
}

/// The categories of `catalog` and of every type it includes, in declaration
/// order, each once.
pub(crate) fn all_categories(catalog: &Catalog) -> Vec<&'static Category> {
    fn walk(catalog: &Catalog, out: &mut Vec<&'static Category>) {
        for category in catalog.categories() {
            if !out.contains(&category) {
                out.push(category);
            }
        }
        for transparent in catalog.transparent() {
            walk(transparent.catalog(), out);
        }
    }
    let mut out = Vec::new();
    walk(catalog, &mut out);
    out
}

/// The status docs of `catalog` and of every type it includes, the
/// including type's first.
pub(crate) fn all_status_docs(catalog: &Catalog) -> Vec<&'static StatusDoc> {
    fn walk(catalog: &Catalog, out: &mut Vec<&'static StatusDoc>) {
        for doc in catalog.statuses() {
            if !out.iter().any(|d| d.status() == doc.status()) {
                out.push(doc);
            }
        }
        for transparent in catalog.transparent() {
            walk(transparent.catalog(), out);
        }
    }
    let mut out = Vec::new();
    walk(catalog, &mut out);
    out
}

/// For each code of a catalog, the owners whose settings apply to it,
/// nearest first: the type that declares it, then the types that include
/// it, as [`ApiError::__setting`](crate::ApiError::__setting) resolves them
/// for a value. Built once per export.
pub(crate) struct Settings(BTreeMap<&'static str, Vec<&'static Owner>>);

impl Settings {
    pub(crate) fn new(catalog: &Catalog) -> Self {
        fn walk(
            catalog: &Catalog,
            includers: &mut Vec<&'static Owner>,
            out: &mut BTreeMap<&'static str, Vec<&'static Owner>>,
        ) {
            includers.push(catalog.__owner());
            for descriptor in catalog.own() {
                let owners = std::iter::once(descriptor.__owner())
                    .chain(includers.iter().rev().copied())
                    .collect();
                out.insert(descriptor.code(), owners);
            }
            for transparent in catalog.transparent() {
                walk(transparent.catalog(), includers, out);
            }
            includers.pop();
        }
        let mut out = BTreeMap::new();
        walk(catalog, &mut Vec::new(), &mut out);
        Settings(out)
    }

    /// The owners of `code`, nearest first.
    pub(crate) fn owners(&self, code: &str) -> &[&'static Owner] {
        self.0.get(code).map_or(&[], Vec::as_slice)
    }

    /// A setting of `d`: its own type's, else the nearest including type's.
    pub(crate) fn get(
        &self,
        d: &Descriptor,
        pick: fn(&Owner) -> Option<&'static str>,
    ) -> Option<&'static str> {
        match self.0.get(d.code()) {
            Some(owners) => owners.iter().find_map(|owner| pick(owner)),
            None => pick(d.__owner()),
        }
    }

    /// The documentation URL of `d`.
    pub(crate) fn doc_url(&self, d: &Descriptor) -> Option<DocUrl> {
        self.get(d, Owner::doc_url)
            .map(|template| DocUrl::new(template, d.code()))
    }
}
