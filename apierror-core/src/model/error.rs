//! The trait every derived error type implements.
//!
//! With it, the trait of the formats errors are rendered in: `ApiError`
//! hands its type's format to a [`FormatVisitor`], and every [`Format`]
//! method takes an `ApiError`. The two traits name each other, so they
//! share this file; the formats themselves are the rendering layer's.

use crate::catalog::{Catalog, Descriptor, Owner};
use crate::context::Context;
use crate::fields::{Count, FieldVisitor, FirstError, MapEntries};
use crate::message::Message;
use http::StatusCode;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// An error that is part of an HTTP API: it has a stable code, a status, a
/// public message and a details object, and its type has a static catalog.
///
/// Implement it with `#[derive(ApiError)]`; the derive checks the codes at
/// compile time and generates every method as a table lookup or a match.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an API error",
    label = "`{Self}` does not implement `ApiError`",
    note = "derive it with `#[derive(ApiError)]`; to wrap a foreign error, give the variant its own `#[code]` and mark the field `#[source]` instead of `#[api_error(transparent)]`"
)]
pub trait ApiError: std::error::Error {
    /// Every code the type can produce, in declaration order.
    const CATALOG: &'static Catalog;

    /// The codes the composition check reads: the derive lists them apart
    /// from the catalog, so that editing a message does not re-run the check
    /// of the types that include this one.
    #[doc(hidden)]
    const __CODES: &'static crate::composition::Codes =
        &crate::composition::Codes::__of(Self::CATALOG);

    /// The static description of this value's variant.
    fn descriptor(&self) -> &'static Descriptor;

    /// The stable machine code, e.g. `"ERR-02-003"`.
    fn code(&self) -> &'static str {
        self.descriptor().code()
    }

    /// The HTTP status of the response.
    fn status(&self) -> StatusCode {
        self.descriptor().status()
    }

    /// The public, client-facing message (distinct from the `Display` text
    /// when the type derives `thiserror::Error`).
    fn message(&self) -> Message<'_>;

    /// Serializes the details object: the variant's detail fields as a map,
    /// `None` options left out.
    fn serialize_details<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_details(self, serializer)
    }

    /// Hands each details field of this value, with its key, to `visitor`,
    /// in declaration order, `None` options left out: how a format of your
    /// own reads, skips or lifts single fields while streaming (see
    /// [`fields`](crate::fields)). Internal fields are never visited.
    fn visit_details<V: crate::fields::DetailVisitor + ?Sized>(
        &self,
        visitor: &mut V,
    ) -> Result<(), V::Error> {
        visit_fields(self, &mut crate::fields::Public::new(visitor))
    }

    /// Hands each details field of this value, with its key, to `visitor`.
    #[doc(hidden)]
    fn __visit_fields<V: crate::fields::FieldVisitor>(
        &self,
        visitor: &mut V,
    ) -> Result<(), V::Error>;

    /// The details object, ready to be serialized anywhere.
    fn details(&self) -> Details<'_, Self> {
        Details { error: self }
    }

    /// The documentation URL of this value's code, from the
    /// `#[api_error(doc_url = "...")]` of the type declaring the variant,
    /// else of the nearest type including it; see [`DocUrl`](crate::doc::DocUrl).
    /// RFC 9457's `type` (when no `type_url` is set) and AIP-193's `Help`
    /// link use it; a custom format reads it here.
    fn doc_url(&self) -> Option<crate::doc::DocUrl> {
        self.__setting(Owner::doc_url)
            .map(|template| crate::doc::DocUrl::new(template, self.code()))
    }

    /// Whether bodies carry a `details` key for this value: the variant
    /// declares detail fields, or `empty_details`.
    fn has_details(&self) -> bool {
        self.descriptor().has_details()
    }

    /// Seconds after which the client may retry, from a field marked
    /// `#[api_error(retry_after)]`; at most
    /// [`MAX_RETRY_AFTER`](crate::response::MAX_RETRY_AFTER), `None` for a
    /// negative value.
    fn retry_after(&self) -> Option<u64> {
        None
    }

    /// Adds the headers fields feed (`#[api_error(header = "...")]`): each
    /// field's `Display` text, left out when it is no valid header value.
    #[doc(hidden)]
    fn __headers(&self, headers: &mut http::HeaderMap) {
        let _ = headers;
    }

    /// Hands the type's default format to `visitor`: the built-in one of
    /// its catalog, or the user's own (`#[api_error(format = path)]`, for
    /// which the derive overrides this).
    #[doc(hidden)]
    fn __with_format<V: FormatVisitor>(visitor: V) -> V::Output {
        visitor.visit(const { Self::CATALOG.built_in() })
    }

    /// A setting written on a type (`www_authenticate`, `type_url`) for this
    /// value's variant: the declaring type's, else that of the types that
    /// include it through transparent variants, nearest first.
    #[doc(hidden)]
    fn __setting(&self, pick: fn(&Owner) -> Option<&'static str>) -> Option<&'static str> {
        pick(self.descriptor().0)
    }
}

/// A boxed error is the error: a transparent variant may hold its inner
/// error in a `Box` (`Inner(#[from] Box<InnerError>)`), to keep a large
/// inner type from growing the enum.
impl<T: ApiError> ApiError for Box<T> {
    const CATALOG: &'static Catalog = T::CATALOG;
    const __CODES: &'static crate::composition::Codes = T::__CODES;

    fn descriptor(&self) -> &'static Descriptor {
        (**self).descriptor()
    }

    fn code(&self) -> &'static str {
        (**self).code()
    }

    fn status(&self) -> StatusCode {
        (**self).status()
    }

    fn message(&self) -> Message<'_> {
        (**self).message()
    }

    fn serialize_details<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize_details(serializer)
    }

    fn visit_details<V: crate::fields::DetailVisitor + ?Sized>(
        &self,
        visitor: &mut V,
    ) -> Result<(), V::Error> {
        (**self).visit_details(visitor)
    }

    fn __visit_fields<V: crate::fields::FieldVisitor>(
        &self,
        visitor: &mut V,
    ) -> Result<(), V::Error> {
        (**self).__visit_fields(visitor)
    }

    fn doc_url(&self) -> Option<crate::doc::DocUrl> {
        (**self).doc_url()
    }

    fn has_details(&self) -> bool {
        (**self).has_details()
    }

    fn retry_after(&self) -> Option<u64> {
        (**self).retry_after()
    }

    fn __headers(&self, headers: &mut http::HeaderMap) {
        (**self).__headers(headers);
    }

    fn __with_format<V: FormatVisitor>(visitor: V) -> V::Output {
        T::__with_format(visitor)
    }

    fn __setting(&self, pick: fn(&Owner) -> Option<&'static str>) -> Option<&'static str> {
        (**self).__setting(pick)
    }
}

/// The details object of an error value; see [`ApiError::details`].
pub struct Details<'a, E: ?Sized> {
    pub(crate) error: &'a E,
}

impl<E: ApiError + ?Sized> Serialize for Details<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.error.serialize_details(serializer)
    }
}

/// Visits the details fields of `error` with `visitor`; the result is the
/// first error a method of `visitor` returned (see [`FirstError`]). The
/// runtime visits fields through this, never `__visit_fields` directly.
#[inline]
pub(crate) fn visit_fields<E, V>(error: &E, visitor: &mut V) -> Result<(), V::Error>
where
    E: ApiError + ?Sized,
    V: FieldVisitor,
{
    let mut first = FirstError::new(visitor);
    let last = error.__visit_fields(&mut first);
    first.finish(last)
}

/// The details object through any serde serializer: a map of the fields.
fn serialize_details<E, S>(error: &E, serializer: S) -> Result<S::Ok, S::Error>
where
    E: ApiError + ?Sized,
    S: Serializer,
{
    let mut count = Count(0);
    let Ok(()) = visit_fields(error, &mut count);
    let mut map = serializer.serialize_map(Some(count.0))?;
    visit_fields(
        error,
        &mut MapEntries {
            map: &mut map,
            reserved: &[],
        },
    )?;
    map.end()
}

impl<E: ?Sized> Clone for Details<'_, E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E: ?Sized> Copy for Details<'_, E> {}

/// A JSON shape for errors. Implement it for a format of your own.
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
    /// but for [`Declared`](crate::format::Declared), whose media type is its error type's.
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
/// type: see [`Declared`](crate::format::Declared). Generated code hands it the format.
#[doc(hidden)]
pub trait FormatVisitor {
    /// What the visit gives back.
    type Output;

    /// Called with the format.
    fn visit<F: Format + ?Sized>(self, format: &F) -> Self::Output;
}
