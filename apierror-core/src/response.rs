//! HTTP responses built from errors.

use crate::envelope::Format;
use crate::error::ApiError;
use crate::render::Render;
use http::header::{
    HeaderName, HeaderValue, CACHE_CONTROL, CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE,
    X_CONTENT_TYPE_OPTIONS,
};
use http::{Response, StatusCode};

/// The header that echoes the request id of the render context.
pub const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The error as an HTTP response in its type's default envelope.
///
/// See [`Render::to_response`] for other formats and request context. The
/// response has:
/// - the error's status and the format's `Content-Type`;
/// - `Cache-Control: no-store` and `X-Content-Type-Options: nosniff`;
/// - `Retry-After` (seconds) when a field is marked `retry_after`;
/// - `WWW-Authenticate` on every 401: the type's
///   `#[api_error(www_authenticate = "...")]` challenge, else `Bearer`;
/// - `X-Request-Id` when the context has a request id.
///
/// Header values go through [`HeaderValue`] validation: a value that is not a
/// valid header (a CR or LF in a request id, say) is left out, never sent.
/// Never fails: if a details field cannot be serialized, the body is the
/// envelope without `details`.
pub fn to_response<E: ApiError + ?Sized>(error: &E) -> Response<Vec<u8>> {
    Render::new(error).to_response()
}

pub(crate) fn build<E: ApiError + ?Sized, F: Format + ?Sized>(
    render: &Render<'_, E, F>,
) -> Response<Vec<u8>> {
    let error = render.error();
    let body = match render.to_vec() {
        Ok(body) => body,
        Err(_) => without_details(render),
    };
    let mut response = Response::new(body);
    *response.status_mut() = error.status();
    let headers = response.headers_mut();
    let media_type = HeaderValue::from_str(render.format_ref().media_type())
        .unwrap_or(HeaderValue::from_static("application/json"));
    headers.insert(CONTENT_TYPE, media_type);
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    if let Some(seconds) = error.retry_after() {
        headers.insert(RETRY_AFTER, HeaderValue::from(seconds));
    }
    if error.status() == StatusCode::UNAUTHORIZED {
        let challenge = E::CATALOG
            .www_authenticate()
            .and_then(|c| HeaderValue::from_str(c).ok())
            .unwrap_or(HeaderValue::from_static("Bearer"));
        headers.insert(WWW_AUTHENTICATE, challenge);
    }
    if let Some(id) = render.context_ref().request_id() {
        if let Ok(value) = HeaderValue::from_str(id) {
            headers.insert(X_REQUEST_ID, value);
        }
    }
    response
}

/// The format's body for the same code and message, without details.
fn without_details<E: ApiError + ?Sized, F: Format + ?Sized>(render: &Render<'_, E, F>) -> Vec<u8> {
    let stripped = Stripped(render.error());
    let mut body = Vec::with_capacity(96);
    let result = render.format_ref().serialize(
        &stripped,
        render.context_ref(),
        &mut serde_json::Serializer::new(&mut body),
    );
    if result.is_err() {
        // Only a custom format can fail here; fall back to the plainest body.
        body.clear();
        let _ = crate::envelope::Standard.serialize(
            &stripped,
            &crate::envelope::Context::new(),
            &mut serde_json::Serializer::new(&mut body),
        );
    }
    body
}

/// An error seen without its details.
struct Stripped<'a, E: ?Sized>(&'a E);

impl<E: ApiError + ?Sized> std::fmt::Debug for Stripped<'_, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.0, f)
    }
}

impl<E: ApiError + ?Sized> std::fmt::Display for Stripped<'_, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self.0, f)
    }
}

impl<E: ApiError + ?Sized> std::error::Error for Stripped<'_, E> {}

impl<E: ApiError + ?Sized> ApiError for Stripped<'_, E> {
    const CATALOG: &'static crate::Catalog = E::CATALOG;

    fn descriptor(&self) -> &'static crate::Descriptor {
        self.0.descriptor()
    }

    fn has_details(&self) -> bool {
        false
    }

    fn message(&self) -> crate::Message<'_> {
        self.0.message()
    }

    fn __visit_fields<V: crate::fields::FieldVisitor>(&self, _: &mut V) -> Result<(), V::Error> {
        Ok(())
    }
}
