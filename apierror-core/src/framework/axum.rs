//! axum integration: derived errors implement `IntoResponse`.
//!
//! With the `axum` feature, every `#[derive(ApiError)]` type implements
//! [`axum_core::response::IntoResponse`], so handlers return
//! `Result<T, MyError>` directly. The response is
//! [`to_response`](crate::response::to_response)'s: status, headers, body.

use crate::envelope::Format;
use crate::error::ApiError;
use crate::render::Render;
use axum_core::body::Body;
use axum_core::response::Response;

/// An axum response for an error rendered with a chosen format or context:
///
/// ```
/// use apierror::envelope::{Context, Problem};
/// use apierror::{ApiError, Render};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(code = "SCREAMING_SNAKE_CASE")]
/// enum ShopError { #[status(404)] #[message("Order not found")] OrderNotFound }
///
/// let (error, problem) = (ShopError::OrderNotFound, Problem::new());
/// let render = Render::new(&error)
///     .format(&problem)
///     .context(Context::new().with_request_id("req_1"));
/// let response = apierror::axum::into_response(&render);
/// assert_eq!(response.status(), 404);
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// assert_eq!(response.headers()["x-request-id"], "req_1");
/// ```
pub fn into_response<E: ApiError + ?Sized, F: Format + ?Sized>(
    render: &Render<'_, E, F>,
) -> Response {
    render.to_response().map(Body::from)
}

#[doc(hidden)]
pub fn __derived<E: ApiError>(error: &E) -> Response {
    into_response(&Render::new(error))
}
