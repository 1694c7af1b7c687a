//! HTTP responses built from errors.

use crate::error::ApiError;
use crate::json;
use http::header::{HeaderValue, CACHE_CONTROL, CONTENT_TYPE, RETRY_AFTER};
use http::Response;

/// The error as an HTTP response in the standard envelope: its status,
/// `Content-Type: application/json`, `Cache-Control: no-store`, and
/// `Retry-After` when a field is marked for it.
///
/// Never fails: if a details field cannot be serialized, the body is the
/// envelope without `details`.
pub fn to_response<E: ApiError + ?Sized>(error: &E) -> Response<Vec<u8>> {
    let body = match json::to_vec(error) {
        Ok(body) => body,
        Err(_) => {
            let mut body = Vec::with_capacity(96);
            // Code and message are plain strings: this cannot fail into a Vec.
            let _ = serde::Serialize::serialize(
                &json::Envelope::new(error).without_details(),
                &mut serde_json::Serializer::new(&mut body),
            );
            body
        }
    };
    let mut response = Response::new(body);
    *response.status_mut() = error.status();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(json::MEDIA_TYPE));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(seconds) = error.retry_after() {
        headers.insert(RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}
