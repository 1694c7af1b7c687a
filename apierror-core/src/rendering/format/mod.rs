//! The JSON shapes an error is rendered in.
//!
//! A [`Format`] streams an error through any serde [`Serializer`]: nothing is
//! built in between. The built-in ones are gathered in [`BuiltIn`], which a
//! type picks with `#[api_error(format = "...")]`; any of them (or your own
//! [`Format`]) can render any error at run time.

mod context;
pub mod google;
pub mod openai;
pub mod problem;
mod standard;
mod tagged;
pub(crate) mod text;
mod websocket;
mod writer;

pub use google::Google;
pub use openai::OpenAi;
pub use problem::Problem;

pub use context::Context;
pub(crate) use standard::ErrorObject;
pub use standard::Standard;
pub use tagged::Tagged;
pub use websocket::WebSocket;
#[doc(hidden)]
pub use writer::JsonPart;
pub(crate) use writer::*;

use crate::error::ApiError;
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

/// A JSON shape for errors. Implement it for your own envelope.
///
/// ```
/// use apierror::format::{Context, Format};
/// use apierror::ApiError;
/// use serde::ser::{SerializeStruct, Serializer};
///
/// /// `{"ok":false,"reason":"<code>","text":"<message>"}`
/// struct Legacy;
///
/// impl Format for Legacy {
///     fn media_type(&self) -> &'static str {
///         "application/json"
///     }
///
///     fn serialize<E, S>(&self, error: &E, _: &Context<'_>, serializer: S) -> Result<S::Ok, S::Error>
///     where
///         E: ApiError + ?Sized,
///         S: Serializer,
///     {
///         let mut body = serializer.serialize_struct("Legacy", 3)?;
///         body.serialize_field("ok", &false)?;
///         body.serialize_field("reason", error.code())?;
///         body.serialize_field("text", &error.message())?;
///         body.end()
///     }
/// }
///
/// #[derive(Debug, ApiError)]
/// #[api_error(code = "SCREAMING_SNAKE_CASE")]
/// enum E { #[status(404)] #[message("No such thing")] Missing }
///
/// let body = apierror::Render::new(&E::Missing).format(&Legacy).to_vec()?;
/// assert_eq!(body, br#"{"ok":false,"reason":"MISSING","text":"No such thing"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an error format",
    label = "does not implement `apierror::format::Format`",
    note = "`#[api_error(format = ...)]` takes a built-in format's name (\"problem\") or the path of a value whose type implements `Format`: a unit struct or a const"
)]
pub trait Format {
    /// The `Content-Type` of rendered bodies.
    fn media_type(&self) -> &'static str;

    /// Headers this format adds to the response of `error`, after the ones
    /// every response has (GitHub's `X-RateLimit-*`, say). Values that are no
    /// valid header are for the format to leave out: build them with
    /// [`HeaderValue::from_str`](http::HeaderValue::from_str) and skip an
    /// `Err`. Adds nothing by default.
    fn headers<E>(&self, error: &E, context: &Context<'_>, headers: &mut http::HeaderMap)
    where
        E: ApiError + ?Sized,
    {
        let _ = (error, context, headers);
    }

    /// Whether this format writes `error`'s message in the language the
    /// context's `Accept-Language` chose, with
    /// [`PublicText`](crate::locale::PublicText) (see [`locale`](crate::locale)).
    /// Responses of a translated type then name that language in
    /// `Content-Language` and add `Vary: accept-language`; for a format that
    /// does not, they name the type's own language. The built-in formats
    /// do; `false` by default.
    fn localizes<E: ApiError + ?Sized>(&self, error: &E) -> bool {
        let _ = error;
        false
    }

    /// The `Content-Type` of `error`'s body: [`media_type`](Self::media_type)
    /// but for [`Declared`], whose media type is its error type's.
    #[doc(hidden)]
    fn __media_type_for<E: ApiError + ?Sized>(&self, error: &E) -> &'static str {
        let _ = error;
        self.media_type()
    }

    /// Writes the body of `error` as JSON bytes, when this format has a way
    /// faster than serde's (the built-in formats do, from the bytes the
    /// derive prepares); `None` to go through [`serialize`](Self::serialize).
    #[doc(hidden)]
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
        let _ = (error, context, writer);
        None
    }

    /// Serializes `error` in this format, with the request's `context`.
    fn serialize<E, S>(
        &self,
        error: &E,
        context: &Context<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error>
    where
        E: ApiError + ?Sized,
        S: Serializer;
}

/// Receives the format an error type declares as its default, whatever its
/// type: see [`Declared`]. Generated code hands it the format.
#[doc(hidden)]
pub trait FormatVisitor {
    /// What the visit gives back.
    type Output;

    /// Called with the format.
    fn visit<F: Format + ?Sized>(self, format: &F) -> Self::Output;
}

/// The format an error's type declares as its default: a built-in one
/// (`#[api_error(format = "problem")]`), your own
/// (`#[api_error(format = my::STRIPE)]`), or the standard envelope.
///
/// [`Render::new`](crate::Render::new) renders in it, and so do
/// [`Render::to_response`](crate::Render::to_response) and the axum and
/// actix-web responses of derived types. Its [`media_type`](Format::media_type)
/// is that of the standard envelope: the real one depends on the error type
/// ([`Render::media_type`](crate::Render::media_type) tells it).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Declared;

impl Format for Declared {
    fn media_type(&self) -> &'static str {
        JSON
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

#[macro_use]
mod table;
pub(crate) use table::PROBLEM_MEMBERS;

/// Defines [`BuiltIn`] and its impls from the rows of the table.
macro_rules! define_built_in {
    ($($ty:ident $name:literal $doc:literal ($setting:expr) ($reserved:expr);)*) => {
        /// The built-in formats, as a type chooses its default with
        /// `#[api_error(format = "...")]`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum BuiltIn {
            $(#[doc = $doc] $ty($ty),)*
        }

        impl BuiltIn {
            /// The names `#[api_error(format = "...")]` takes, the default
            /// first: `"standard"`, `"tagged"`, `"openai"`, `"problem"`,
            /// `"google"`, `"websocket"`.
            pub const NAMES: &'static [&'static str] = &[$($name),*];

            /// The format's name in `#[api_error(format = "...")]`.
            pub const fn name(&self) -> &'static str {
                match self {
                    $(BuiltIn::$ty(_) => $name,)*
                }
            }

            /// The built-in format named `name` ([`NAMES`](Self::NAMES)),
            /// with its one setting: RFC 9457's `type` URL template for
            /// `"problem"` (optional), AIP-193's domain for `"google"`
            /// (required); the others take none. `None` for another name,
            /// a missing required setting, or a setting given to a format
            /// that takes none: for a format chosen at run time, from
            /// configuration.
            ///
            /// ```
            /// use apierror::format::{BuiltIn, Google};
            ///
            /// assert_eq!(BuiltIn::from_name("google", Some("api.example.com")), Some(BuiltIn::Google(Google::new("api.example.com"))));
            /// assert_eq!(BuiltIn::from_name("google", None), None);
            /// assert_eq!(BuiltIn::from_name("tagged", Some("x")), None);
            /// assert_eq!(BuiltIn::from_name("soap", None), None);
            /// for name in BuiltIn::NAMES {
            ///     let format = BuiltIn::from_name(name, Some("api.example.com")).or(BuiltIn::from_name(name, None));
            ///     assert_eq!(format.map(|f| f.name()), Some(*name));
            /// }
            /// ```
            pub fn from_name(name: &str, setting: Option<&'static str>) -> Option<BuiltIn> {
                $(
                    if name == $name {
                        let takes: Option<(&str, bool)> = $setting;
                        let fits = match (takes, setting) {
                            (None, Some(_)) => false,
                            (Some((_, true)), None) => false,
                            _ => true,
                        };
                        return fits.then(|| BuiltIn::$ty($ty::__built_in(setting)));
                    }
                )*
                None
            }

            /// The format's type name: `Standard`, `Problem`, ...
            #[cfg(feature = "export")]
            pub(crate) fn type_name(&self) -> &'static str {
                match self {
                    $(BuiltIn::$ty(_) => stringify!($ty),)*
                }
            }
        }

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

built_in_formats!(define_built_in);

impl Default for BuiltIn {
    fn default() -> Self {
        BuiltIn::Standard(Standard)
    }
}

/// The media type of JSON bodies.
pub const JSON: &str = "application/json";
