//! The JSON shapes an error is rendered in.
//!
//! A [`Format`] streams an error through any serde [`Serializer`]: nothing is
//! built in between. The built-in ones are gathered in [`BuiltIn`], which a
//! type picks with `#[api_error(format = "...")]`; any of them (or your own
//! [`Format`]) can render any error at run time.

pub mod google;
pub mod openai;
pub mod problem;
mod standard;
mod tagged;
pub(crate) mod text;
mod websocket;
mod writer;

// Shown as re-exports of the modules' types, as when those defined them.
#[doc(no_inline)]
pub use google::Google;
#[doc(no_inline)]
pub use openai::OpenAi;
#[doc(no_inline)]
pub use problem::Problem;

pub use crate::built_in::{BuiltIn, Standard, Tagged, WebSocket};
pub use crate::context::Context;
pub use crate::error::Format;
#[doc(hidden)]
pub use crate::error::FormatVisitor;
pub(crate) use standard::ErrorObject;
#[doc(hidden)]
pub use writer::JsonPart;
pub(crate) use writer::*;

pub(crate) use crate::built_in::PROBLEM_MEMBERS;

use crate::error::ApiError;
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

/// The format an error's type declares as its default: a built-in one
/// (`#[api_error(format = "problem")]`), your own
/// (`#[api_error(format = my::STRIPE)]`), or the standard format.
///
/// [`Render::new`](crate::Render::new) renders in it, and so do
/// [`Render::to_response`](crate::Render::to_response) and the axum and
/// actix-web responses of derived types. Its [`media_type`](Format::media_type)
/// is that of the standard format: the real one depends on the error type
/// ([`Render::media_type`](crate::Render::media_type) tells it).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Declared;

impl Format for Declared {
    fn media_type(&self) -> &'static str {
        Standard::MEDIA_TYPE
    }

    fn __media_type_for<E: ApiError + ?Sized>(&self, error: &E) -> &'static str {
        struct MediaType<'e, E: ?Sized>(&'e E);
        impl<E: ApiError + ?Sized> FormatVisitor for MediaType<'_, E> {
            type Output = &'static str;
            fn visit<F: Format + ?Sized>(self, format: &F) -> &'static str {
                format.__media_type_for(self.0)
            }
        }
        E::__with_format(MediaType(error))
    }

    fn localizes<E: ApiError + ?Sized>(&self, error: &E) -> bool {
        struct Localizes<'e, E: ?Sized>(&'e E);
        impl<E: ApiError + ?Sized> FormatVisitor for Localizes<'_, E> {
            type Output = bool;
            fn visit<F: Format + ?Sized>(self, format: &F) -> bool {
                format.localizes(self.0)
            }
        }
        E::__with_format(Localizes(error))
    }

    fn headers<E>(&self, error: &E, context: &Context<'_>, headers: &mut http::HeaderMap)
    where
        E: ApiError + ?Sized,
    {
        struct Headers<'a, 'c, E: ?Sized>(&'a E, &'a Context<'c>, &'a mut http::HeaderMap);
        impl<E: ApiError + ?Sized> FormatVisitor for Headers<'_, '_, E> {
            type Output = ();
            fn visit<F: Format + ?Sized>(self, format: &F) {
                format.headers(self.0, self.1, self.2);
            }
        }
        E::__with_format(Headers(error, context, headers));
    }

    fn __write<E, W>(
        &self,
        error: &E,
        context: &Context<'_>,
        writer: &mut W,
    ) -> Option<Result<(), serde_json::Error>>
    where
        E: ApiError + ?Sized,
        W: std::io::Write,
    {
        struct Write<'a, 'c, E: ?Sized, W>(&'a E, &'a Context<'c>, &'a mut W);
        impl<E: ApiError + ?Sized, W: std::io::Write> FormatVisitor for Write<'_, '_, E, W> {
            type Output = Option<Result<(), serde_json::Error>>;
            fn visit<F: Format + ?Sized>(self, format: &F) -> Self::Output {
                format.__write(self.0, self.1, self.2)
            }
        }
        E::__with_format(Write(error, context, writer))
    }

    fn serialize<E, S>(
        &self,
        error: &E,
        context: &Context<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error>
    where
        E: ApiError + ?Sized,
        S: Serializer,
    {
        struct Serialize<'a, 'c, E: ?Sized, S>(&'a E, &'a Context<'c>, S);
        impl<E: ApiError + ?Sized, S: Serializer> FormatVisitor for Serialize<'_, '_, E, S> {
            type Output = Result<S::Ok, S::Error>;
            fn visit<F: Format + ?Sized>(self, format: &F) -> Self::Output {
                format.serialize(self.0, self.1, self.2)
            }
        }
        E::__with_format(Serialize(error, context, serializer))
    }
}

/// The `Format` impl of [`BuiltIn`], from the rows of the table of built-in
/// formats: each method is the one of the variant's format.
macro_rules! impl_format_for_built_in {
    ($($ty:ident $name:literal $doc:literal ($setting:expr) ($reserved:expr);)*) => {
        impl Format for BuiltIn {
            fn localizes<E: ApiError + ?Sized>(&self, _: &E) -> bool {
                true
            }

            fn __write<E, W>(
                &self,
                error: &E,
                context: &Context<'_>,
                writer: &mut W,
            ) -> Option<Result<(), serde_json::Error>>
            where
                E: ApiError + ?Sized,
                W: std::io::Write,
            {
                match self {
                    $(BuiltIn::$ty(f) => f.__write(error, context, writer),)*
                }
            }

            fn media_type(&self) -> &'static str {
                match self {
                    $(BuiltIn::$ty(f) => f.media_type(),)*
                }
            }

            fn serialize<E, S>(
                &self,
                error: &E,
                context: &Context<'_>,
                serializer: S,
            ) -> Result<S::Ok, S::Error>
            where
                E: ApiError + ?Sized,
                S: Serializer,
            {
                match self {
                    $(BuiltIn::$ty(f) => f.serialize(error, context, serializer),)*
                }
            }
        }
    };
}

crate::built_in::built_in_formats!(impl_format_for_built_in);

/// The media type of JSON bodies.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::format::Standard::MEDIA_TYPE`"
)]
pub const JSON: &str = Standard::MEDIA_TYPE;
