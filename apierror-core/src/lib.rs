//! Runtime of [`apierror`](https://docs.rs/apierror): the [`ApiError`] trait,
//! static [`Catalog`]s, the JSON envelope and HTTP responses.
//!
//! Depend on `apierror`, not on this crate: `apierror` re-exports all of it
//! together with the derive, and its documentation is the user guide.

#![deny(missing_docs, unsafe_code)]

extern crate alloc;

mod catalog;
mod error;
mod message;

pub mod json;
pub mod response;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use catalog::{Catalog, Category, Descriptor, Iter, Transparent};
pub use error::{ApiError, Details};
pub use http;
pub use message::Message;
