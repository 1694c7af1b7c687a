//! The protocol between the derive's generated code and the runtime. Not
//! public API.
//!
//! Generated code names the runtime only through this module
//! (`::apierror::__private`, or the path of `#[api_error(crate = ...)]`),
//! but for the `ApiError` trait it implements. Everything here is what the
//! derive writes; the facts both sides compute alike (flag bits, the code
//! hash, the plain-text test) live in `model/facts.rs`, which the derive includes,
//! and are written into generated code as literals. The count of names
//! offered here is checked by a test (`tests/integration/runtime/protocol.rs`).

pub use crate::catalog::{Catalog, Descriptor, Extra, FieldList, Owner};
pub use crate::composition::{assert_unique_codes, table_size, Codes};
pub use crate::decode::{Decode, DecodeError, Fields};
pub use crate::doc::Docs;
pub use crate::fields::FieldVisitor;
pub use crate::format::{self, FormatVisitor};
pub use crate::message::Message;
pub use crate::shape::{Named, Shape};
pub use crate::template::Piece;
pub use crate::violations::AsViolations;
pub use {http, serde};

use core::time::Duration;
use std::error::Error;

/// A value a `#[api_error(retry_after)]` field can hold: whole seconds,
/// at most [`MAX_RETRY_AFTER`](crate::response::MAX_RETRY_AFTER).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a `retry_after` field",
    label = "not a number of seconds",
    note = "`Retry-After` is a whole number of seconds, never negative: use an unsigned integer type, `std::time::Duration`, or an `Option` of one"
)]
pub trait RetryAfter {
    fn retry_after_secs(&self) -> Option<u64>;
}

/// Seconds as the header sends them: capped, so that a huge value never
/// reads as "never retry" or overflows a client's integer.
const fn capped(seconds: u64) -> u64 {
    if seconds > crate::response::MAX_RETRY_AFTER {
        crate::response::MAX_RETRY_AFTER
    } else {
        seconds
    }
}

macro_rules! retry_after_int {
    ($($t:ty)*) => {$(
        impl RetryAfter for $t {
            fn retry_after_secs(&self) -> Option<u64> {
                // Larger than u64 (a u128): the cap.
                Some(capped(u64::try_from(*self).unwrap_or(u64::MAX)))
            }
        }
    )*};
}

// Unsigned only: a signed field can hold a negative number, which no
// `Retry-After` can say (a compile error, not a header left out at run time).
retry_after_int!(u8 u16 u32 u64 u128 usize);

impl RetryAfter for Duration {
    fn retry_after_secs(&self) -> Option<u64> {
        // Round up: retrying early is the mistake to avoid.
        Some(capped(
            self.as_secs()
                .saturating_add(u64::from(self.subsec_nanos() > 0)),
        ))
    }
}

impl<T: RetryAfter> RetryAfter for Option<T> {
    fn retry_after_secs(&self) -> Option<u64> {
        self.as_ref().and_then(RetryAfter::retry_after_secs)
    }
}

impl<T: RetryAfter + ?Sized> RetryAfter for &T {
    fn retry_after_secs(&self) -> Option<u64> {
        (**self).retry_after_secs()
    }
}

/// Tells, at compile time, whether a field's type is an error: generated
/// code reads `<Probe<T>>::IS_ERROR`, which is the inherent constant (true)
/// when `T: Error` and the [`NotAnError`] one (false) otherwise.
pub struct Probe<T: ?Sized>(core::marker::PhantomData<T>);

/// The fallback of [`Probe`]: not an error.
pub trait NotAnError {
    const IS_ERROR: bool = false;
}

impl<T: ?Sized> NotAnError for Probe<T> {}

impl<T: ?Sized + Error> Probe<T> {
    pub const IS_ERROR: bool = true;
}

/// Sets header `name` (lowercase, checked by the derive) to `value`'s
/// `Display` text, when that is a valid header value of visible ASCII; an
/// invalid one is left out, never sent.
pub fn header<T: core::fmt::Display + ?Sized>(
    headers: &mut http::HeaderMap,
    name: &'static str,
    value: &T,
) {
    use core::fmt::Write as _;
    let mut text = String::new();
    if write!(text, "{value}").is_err() {
        return;
    }
    if !crate::context::visible_ascii(text.as_bytes()) {
        return;
    }
    let name = http::header::HeaderName::from_bytes(name.as_bytes());
    if let (Ok(name), Ok(value)) = (name, http::HeaderValue::from_str(text.trim())) {
        headers.insert(name, value);
    }
}

/// Turns a `#[source]` field into `&dyn Error`, boxed trait objects included.
pub trait AsDynError {
    fn as_dyn_error(&self) -> &(dyn Error + 'static);
}

impl<T: Error + 'static> AsDynError for T {
    fn as_dyn_error(&self) -> &(dyn Error + 'static) {
        self
    }
}

macro_rules! as_dyn_error_object {
    ($($object:ty),*) => {$(
        impl AsDynError for $object {
            fn as_dyn_error(&self) -> &(dyn Error + 'static) {
                self
            }
        }
    )*};
}

as_dyn_error_object!(
    dyn Error + 'static,
    dyn Error + Send + 'static,
    dyn Error + Sync + 'static,
    dyn Error + Send + Sync + 'static
);

/// The framework impls of a derived type: `IntoResponse` (axum),
/// `ResponseError` (actix-web), `From<E> for tonic::Status` and aide's
/// `OperationOutput`, each kept only when the feature of `apierror` that
/// brings the framework is on (the `__apierror_if_*` macros are defined per
/// feature), not the user's crate's features.
///
/// `[impl generics] [type] [where clause]`.
#[doc(hidden)]
#[macro_export]
macro_rules! __apierror_frameworks {
    ([$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {
        $crate::__apierror_if_axum! {
            #[automatically_derived]
            impl $($generics)* $crate::__support::axum_core::response::IntoResponse for $($ty)* $($where)* {
                fn into_response(self) -> $crate::__support::axum_core::response::Response {
                    $crate::__support::axum_response(&self)
                }
            }
        }
        $crate::__apierror_if_actix! {
            #[automatically_derived]
            impl $($generics)* $crate::__support::actix_web::ResponseError for $($ty)* $($where)* {
                fn status_code(&self) -> $crate::__support::actix_web::http::StatusCode {
                    $crate::__support::actix_status(self)
                }

                fn error_response(&self) -> $crate::__support::actix_web::HttpResponse {
                    $crate::__support::actix_response(self)
                }
            }
        }
        $crate::__apierror_if_tonic! {
            #[automatically_derived]
            impl $($generics)* ::core::convert::From<$($ty)*> for $crate::__support::tonic::Status $($where)* {
                fn from(error: $($ty)*) -> Self {
                    $crate::__support::grpc_status(&error)
                }
            }
        }
        $crate::__apierror_if_aide! {
            #[automatically_derived]
            impl $($generics)* $crate::__support::aide::OperationOutput for $($ty)* $($where)* {
                type Inner = Self;

                fn inferred_responses(
                    ctx: &mut $crate::__support::aide::generate::GenContext,
                    _: &mut $crate::__support::aide::openapi::Operation,
                ) -> ::std::vec::Vec<(::core::option::Option<u16>, $crate::__support::aide::openapi::Response)> {
                    $crate::__support::aide_responses::<Self>(ctx)
                }
            }
        }
    };
}

/// Keeps the tokens when the `axum` feature is on, drops them otherwise.
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __apierror_if_axum {
    ($($tokens:tt)*) => { $($tokens)* };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __apierror_if_axum {
    ($($tokens:tt)*) => {};
}

/// Like `__apierror_if_axum`, for `actix-web`.
#[cfg(feature = "actix-web")]
#[doc(hidden)]
#[macro_export]
macro_rules! __apierror_if_actix {
    ($($tokens:tt)*) => { $($tokens)* };
}

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __apierror_if_actix {
    ($($tokens:tt)*) => {};
}

/// Like `__apierror_if_axum`, for `tonic`.
#[cfg(feature = "tonic")]
#[doc(hidden)]
#[macro_export]
macro_rules! __apierror_if_tonic {
    ($($tokens:tt)*) => { $($tokens)* };
}

#[cfg(not(feature = "tonic"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __apierror_if_tonic {
    ($($tokens:tt)*) => {};
}

/// Like `__apierror_if_axum`, for `aide`.
#[cfg(feature = "aide")]
#[doc(hidden)]
#[macro_export]
macro_rules! __apierror_if_aide {
    ($($tokens:tt)*) => { $($tokens)* };
}

#[cfg(not(feature = "aide"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __apierror_if_aide {
    ($($tokens:tt)*) => {};
}

/// The `SchemaFn` of a details field's type, from its `utoipa::ToSchema`
/// impl when it has one (autoref specialization picks `ViaToSchema` over
/// `WithoutSchema`); `None` without the `utoipa` feature.
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __apierror_schema {
    ($ty:ty) => {
        ::core::option::Option::Some({
            fn schema(
                components: &mut $crate::__support::Components,
            ) -> $crate::__support::SchemaOf {
                #[allow(unused_imports)]
                use $crate::__support::{ViaToSchema as _, WithoutSchema as _};
                (&$crate::__support::SchemaProbe::<$ty>::NEW).schema(components)
            }
            schema as $crate::__support::SchemaFn
        })
    };
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __apierror_schema {
    ($ty:ty) => {
        ::core::option::Option::None
    };
}

pub use crate::{__apierror_frameworks as frameworks, __apierror_schema as schema};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_conversions() {
        assert_eq!(30u32.retry_after_secs(), Some(30));
        assert_eq!(Duration::from_millis(1500).retry_after_secs(), Some(2));
        assert_eq!(Duration::from_secs(7).retry_after_secs(), Some(7));
        assert_eq!(Some(5u64).retry_after_secs(), Some(5));
        assert_eq!(None::<u64>.retry_after_secs(), None);
        let max = crate::response::MAX_RETRY_AFTER;
        assert_eq!(u64::MAX.retry_after_secs(), Some(max));
        assert_eq!(u128::MAX.retry_after_secs(), Some(max));
        assert_eq!(Duration::MAX.retry_after_secs(), Some(max));
        assert_eq!((max + 1).retry_after_secs(), Some(max));
        assert_eq!(max.retry_after_secs(), Some(max));
    }
}
