//! axum integration: derived errors implement `IntoResponse`.
//!
//! With the `axum` feature, every `#[derive(ApiError)]` type implements
//! [`axum_core::response::IntoResponse`], so handlers return
//! `Result<T, MyError>` directly. The response is
//! [`Render::to_response`](crate::Render::to_response)'s: status, headers, body.

use crate::error::ApiError;
use crate::format::Format;
use crate::render::Render;
use crate::request::RequestContext;
use axum_core::body::Body;
use axum_core::response::Response;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// A [`Render`] is an axum response: an error rendered with a chosen format
/// or context, as [`Render::to_response`] builds it.
///
/// ```
/// use apierror::format::{Context, Problem};
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
/// let response = axum_core::response::IntoResponse::into_response(render);
/// assert_eq!(response.status(), 404);
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// assert_eq!(response.headers()["x-request-id"], "req_1");
/// ```
impl<E: ApiError + ?Sized, F: Format + ?Sized> axum_core::response::IntoResponse
    for Render<'_, E, F>
{
    fn into_response(self) -> Response {
        crate::request::respond_render(&self).map(Body::from)
    }
}

/// The axum response of an error rendered with a chosen format or context.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "a `Render` is an `IntoResponse`: return it from the handler, or call `IntoResponse::into_response(render)`"
)]
pub fn into_response<E: ApiError + ?Sized, F: Format + ?Sized>(
    render: &Render<'_, E, F>,
) -> Response {
    render.to_response().map(Body::from)
}

#[doc(hidden)]
pub fn __derived<E: ApiError>(error: &E) -> Response {
    crate::request::respond(error).map(Body::from)
}

/// A layer that gives the error responses of the service it wraps the
/// request's context: every handler that returns `Err(e)` (and every
/// derived error response made while the request is handled) renders with
/// the request id (from the request's header, generated when absent), the
/// time and the request's path, and every response echoes the request id.
/// See [`RequestContext`] for the settings.
///
/// ```
/// use apierror::axum::ContextLayer;
/// use apierror::request::RequestContext;
///
/// let app: axum::Router = axum::Router::new()
///     .route("/", axum::routing::get(|| async { "ok" }))
///     .layer(ContextLayer::new(RequestContext::new().echo_as("request-id")));
/// ```
#[derive(Debug, Clone, Default)]
pub struct ContextLayer {
    context: RequestContext,
}

impl ContextLayer {
    /// The layer, with these settings.
    pub fn new(context: RequestContext) -> Self {
        ContextLayer { context }
    }
}

impl<S> tower_layer::Layer<S> for ContextLayer {
    type Service = ContextService<S>;

    fn layer(&self, inner: S) -> ContextService<S> {
        ContextService {
            inner,
            context: self.context.clone(),
        }
    }
}

/// The service of [`ContextLayer`].
#[derive(Debug, Clone)]
pub struct ContextService<S> {
    inner: S,
    context: RequestContext,
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send + 'static>>;

impl<S, B, R> tower_service::Service<http::Request<B>> for ContextService<S>
where
    S: tower_service::Service<http::Request<B>, Response = http::Response<R>>,
    S::Future: Send + 'static,
{
    type Response = http::Response<R>;
    type Error = S::Error;
    type Future = BoxFuture<Result<http::Response<R>, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let scope = self
            .context
            .scope(
                request.headers().get(&self.context.read_from),
                request.uri().path(),
            )
            .with_accept_language(
                request
                    .headers()
                    .get(http::header::ACCEPT_LANGUAGE)
                    .map(http::HeaderValue::as_bytes),
            );
        let echo = scope.echo();
        let future = self.inner.call(request);
        Box::pin(async move {
            let mut response = crate::request::within(scope, future).await?;
            if let Some((name, value)) = echo {
                response.headers_mut().entry(name).or_insert(value);
            }
            Ok(response)
        })
    }
}
