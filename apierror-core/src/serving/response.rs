//! HTTP responses built from errors: [`Render::to_response`] builds them;
//! here are the headers' limits. The headers no details field or format may
//! set are [`Reserved::HEADERS`]; [`Reserved::of`] tells which a name is,
//! and why. The request id is echoed under
//! [`Context::REQUEST_ID_HEADER`](crate::format::Context::REQUEST_ID_HEADER)
//! unless the context names another header:
//!
//! ```
//! use apierror::response::Reserved;
//!
//! assert_eq!(Reserved::of("Transfer-Encoding"), Some(Reserved::Framing));
//! assert_eq!(Reserved::of("access-control-allow-origin"), Some(Reserved::Cors));
//! assert_eq!(Reserved::of("X-RateLimit-Remaining"), None);
//! ```

use crate::catalog::Owner;
use crate::error::ApiError;
use crate::format::Format;
use crate::render::Render;
use http::header::{
    HeaderName, HeaderValue, CACHE_CONTROL, CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE,
    X_CONTENT_TYPE_OPTIONS,
};
use http::{Response, StatusCode};

/// The header that echoes the request id of the render context.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::format::Context::REQUEST_ID_HEADER`"
)]
pub const X_REQUEST_ID: HeaderName = crate::context::Context::REQUEST_ID_HEADER;

pub use crate::facts::Reserved;

#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::response::Reserved::HEADERS`"
)]
pub const RESERVED_HEADERS: &[(&str, Reserved)] = Reserved::HEADERS;

/// Whether `name` is a reserved response header, and why.
#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "moved to `apierror::response::Reserved::of`")]
pub fn reserved(name: &str) -> Option<Reserved> {
    Reserved::of(name)
}

/// The largest `Retry-After` sent, in seconds (365 days): a larger field
/// value is sent as this, so that no client reads it as "never" or
/// overflows on it.
pub const MAX_RETRY_AFTER: u64 = 365 * 24 * 60 * 60;

/// The HTTP response of `error` in its type's default format.
#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "use `Render::new(&error).to_response()`")]
pub fn to_response<E: ApiError + ?Sized>(error: &E) -> Response<Vec<u8>> {
    Render::new(error).to_response()
}

/// A header value of a `'static` text: without copying it when it is
/// visible ASCII, spaces and tabs (what `from_static` accepts, checked first
/// so that it cannot panic), else copied when it is a valid value at all.
fn static_value(text: &'static str) -> Option<HeaderValue> {
    if crate::context::visible_ascii(text.as_bytes()) {
        Some(HeaderValue::from_static(text))
    } else {
        HeaderValue::from_str(text).ok()
    }
}

// `Render::to_response` is serving: it lives here and calls the render
// (its body, its format's headers, its context), which knows nothing of
// responses.
impl<E: ApiError + ?Sized, F: Format + ?Sized> Render<'_, E, F> {
    /// The error as an HTTP response, in the format and with the context of
    /// this render. The response has:
    /// - the error's status and the format's `Content-Type`;
    /// - `Cache-Control: no-store` and `X-Content-Type-Options: nosniff`;
    /// - `Retry-After` (seconds, at most [`MAX_RETRY_AFTER`]) when a field is
    ///   marked `retry_after` and holds a value that is not negative;
    /// - `WWW-Authenticate` on every 401: the `#[api_error(www_authenticate =
    ///   "...")]` challenge of the type that declares the variant, else of the
    ///   nearest type that includes it, else `Bearer`;
    /// - `X-Request-Id` (or the context's
    ///   [`request_id_header`](crate::format::Context::with_request_id_header))
    ///   when the context has a request id of visible ASCII.
    ///
    /// Header values go through [`HeaderValue`](http::HeaderValue) validation: a value that is not a
    /// valid header (a CR or LF in a request id, say) is left out, never sent.
    ///
    /// Never fails and never panics: if a details field cannot be serialized,
    /// the body is the format's body without `details`; if the public
    /// message cannot be formatted either (a field's `Display` that fails), the
    /// message is the status's reason phrase; if a custom format still fails or
    /// writes invalid JSON, the body is the standard format with the code and
    /// that message.
    pub fn to_response(&self) -> Response<Vec<u8>> {
        let mut response = build(self);
        if self.is_html_safe() {
            // The body is from `to_vec`, already escaped, unless a details
            // field failed to serialize and `build` wrote the fallback
            // body itself: escape that one here (it is valid JSON).
            crate::html::escape_json(response.body_mut());
        }
        response
    }
}

fn build<E: ApiError + ?Sized, F: Format + ?Sized>(render: &Render<'_, E, F>) -> Response<Vec<u8>> {
    let error = render.error();
    let body = match render.to_vec() {
        Ok(body) => body,
        Err(_) => fallback(render),
    };
    let mut response = Response::new(body);
    *response.status_mut() = error.status();
    let headers = response.headers_mut();
    // The headers of the fields and of the format first, the reserved ones
    // left out; then the response's own, which no field or format overrides.
    error.__headers(headers);
    render
        .format_ref()
        .headers(error, render.context_ref(), headers);
    // Empty, without allocating, unless a format set a reserved header.
    let left_out: Vec<HeaderName> = headers
        .keys()
        .filter(|name| Reserved::of(name.as_str()).is_some())
        .cloned()
        .collect();
    for name in &left_out {
        headers.remove(name);
    }
    let media_type =
        static_value(render.media_type()).unwrap_or(HeaderValue::from_static("application/json"));
    headers.insert(CONTENT_TYPE, media_type);
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    if let Some(seconds) = error.retry_after() {
        headers.insert(RETRY_AFTER, HeaderValue::from(seconds));
    }
    if error.status() == StatusCode::UNAUTHORIZED {
        // `www_authenticate = false` (the empty setting): no challenge.
        match error.__setting(Owner::www_authenticate) {
            Some("") => {}
            setting => {
                let challenge = setting
                    .and_then(static_value)
                    .unwrap_or(HeaderValue::from_static("Bearer"));
                headers.insert(WWW_AUTHENTICATE, challenge);
            }
        }
    }
    // A type with a language says which its message is in: the one the
    // request chose when the format writes translations (and then the body
    // depends on `Accept-Language`, for caches), else its own.
    if let Some(own) = error.descriptor().language() {
        let localized =
            !error.descriptor().translations().is_empty() && render.format_ref().localizes(error);
        // Negotiated only when the body is in the chosen language.
        let language = match localized {
            true => error
                .descriptor()
                .language_for(render.context_ref())
                .map_or(own, |(l, _)| l),
            false => own,
        };
        if let Some(value) = static_value(language) {
            headers.insert(http::header::CONTENT_LANGUAGE, value);
        }
        if localized {
            headers.insert(
                http::header::VARY,
                HeaderValue::from_static("accept-language"),
            );
        }
    }
    let context = render.context_ref();
    if let Some(id) = context.request_id() {
        // Only visible ASCII (spaces and tabs allowed, as header values
        // have them) is echoed: `HeaderValue` would accept bytes 0x80..=0xFF,
        // which clients read as Latin-1 or reject. Checked once where the id
        // entered through the request-context layers (which also refuse
        // tabs in a client's id), else here, once per response.
        if context.request_id_checked || crate::context::visible_ascii(id.as_bytes()) {
            let name = HeaderName::from_bytes(context.request_id_header().as_bytes());
            if let (Ok(name), Ok(value)) = (name, HeaderValue::from_str(id)) {
                headers.insert(name, value);
            }
        }
    }
    response
}

/// The body when the full one cannot be written: the format's body
/// without details, then also with the reason phrase as the message, then
/// the standard format with both.
fn fallback<E: ApiError + ?Sized, F: Format + ?Sized>(render: &Render<'_, E, F>) -> Vec<u8> {
    let error = render.error();
    for reason in [false, true] {
        let stripped = Stripped { error, reason };
        let attempt = Render::new(&stripped)
            .format(render.format_ref())
            .context(*render.context_ref())
            .to_vec();
        if let Ok(body) = attempt {
            return body;
        }
    }
    let stripped = Stripped {
        error,
        reason: true,
    };
    // Constant strings and a checked code in the standard format: this
    // cannot fail.
    Render::new(&stripped)
        .format(&crate::format::Standard)
        .to_vec()
        .unwrap_or_default()
}

/// An error seen without its details, and with its status's reason phrase
/// as its message when `reason` is set.
struct Stripped<'a, E: ?Sized> {
    error: &'a E,
    reason: bool,
}

impl<E: ApiError + ?Sized> std::fmt::Debug for Stripped<'_, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.error, f)
    }
}

impl<E: ApiError + ?Sized> std::fmt::Display for Stripped<'_, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self.error, f)
    }
}

impl<E: ApiError + ?Sized> std::error::Error for Stripped<'_, E> {}

impl<E: ApiError + ?Sized> ApiError for Stripped<'_, E> {
    const CATALOG: &'static crate::Catalog = E::CATALOG;

    fn descriptor(&self) -> &'static crate::Descriptor {
        self.error.descriptor()
    }

    fn has_details(&self) -> bool {
        false
    }

    fn message(&self) -> crate::Message<'_> {
        if !self.reason {
            return self.error.message();
        }
        let status = self.error.status();
        crate::Message::from_static(status.canonical_reason().unwrap_or(
            if status.is_server_error() {
                "Server Error"
            } else {
                "Client Error"
            },
        ))
    }

    fn retry_after(&self) -> Option<u64> {
        self.error.retry_after()
    }

    fn __setting(&self, pick: fn(&Owner) -> Option<&'static str>) -> Option<&'static str> {
        self.error.__setting(pick)
    }

    fn __headers(&self, headers: &mut http::HeaderMap) {
        self.error.__headers(headers);
    }

    fn __with_format<V: crate::format::FormatVisitor>(visitor: V) -> V::Output {
        E::__with_format(visitor)
    }

    fn __visit_fields<V: crate::fields::FieldVisitor>(&self, _: &mut V) -> Result<(), V::Error> {
        Ok(())
    }
}

#[cfg(test)]
mod static_value_tests {
    use super::static_value;

    #[test]
    fn static_values_never_panic() {
        assert_eq!(
            static_value("application/json").unwrap(),
            "application/json"
        );
        assert_eq!(
            static_value("Bearer realm=\"a\"\tb").unwrap(),
            "Bearer realm=\"a\"\tb"
        );
        // Not visible ASCII, yet a valid value: copied, not `from_static`.
        assert_eq!(
            static_value("text/é").unwrap().as_bytes(),
            "text/é".as_bytes()
        );
        assert!(static_value("a\nb").is_none());
        assert!(static_value("a\u{7f}").is_none());
    }
}
