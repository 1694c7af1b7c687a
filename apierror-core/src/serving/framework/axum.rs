//! axum integration: derived errors implement `IntoResponse`; axum's own
//! failures convert into [`RequestError`]; [`ContextLayer`] gives error
//! responses the request's context.
//!
//! With the `axum` feature, every `#[derive(ApiError)]` type implements
//! `axum::response::IntoResponse`, so handlers return `Result<T, MyError>`.
//! The response is [`Render::to_response`](crate::Render::to_response)'s: status,
//! headers, body, in the type's format.
//!
//! For the failures axum answers itself, so that they come out in the
//! service's format too:
//! - extractor rejections: wrap the extractor in [`Extract`]
//!   (`Extract(Json(order), _): Extract<Json<Order>, ServiceError>`), which
//!   turns `JsonRejection`, `PathRejection`, `QueryRejection` and
//!   `FormRejection` into [`RequestError`] and that into your error;
//! - unmatched routes and methods: `.fallback(route_not_found::<ServiceError>)`
//!   and `.method_not_allowed_fallback(method_not_allowed::<ServiceError>)`
//!   (axum adds the `Allow` header);
//! - panics: `tower_http::catch_panic::CatchPanicLayer::custom(panic_response::<ServiceError>)`,
//!   inside [`ContextLayer`]: the generic 500 in the service's format, the
//!   panic's message in the logs.

use crate::error::ApiError;
use crate::format::Format;
use crate::render::Render;
use crate::request::RequestContext;
use crate::request_error::{innermost, PanicMessage};
use crate::RequestError;
use axum::extract::rejection::{
    BytesRejection, FormRejection, JsonRejection, PathRejection, QueryRejection,
};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum_core::body::Body;
use std::borrow::Cow;
use std::future::Future;
use std::marker::PhantomData;
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
    crate::serving::metrics::response(render.error());
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

// The framework's own failures as RequestError, and the handlers that
// answer them in the service's format.

impl From<BytesRejection> for RequestError {
    fn from(rejection: BytesRejection) -> Self {
        if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            RequestError::PayloadTooLarge
        } else {
            RequestError::UnreadableBody
        }
    }
}

impl From<JsonRejection> for RequestError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::JsonDataError(error) => {
                let path = json_path(&error);
                RequestError::InvalidBody {
                    path,
                    reason: innermost(&error),
                }
            }
            JsonRejection::JsonSyntaxError(error) => RequestError::InvalidJson {
                reason: innermost(&error),
            },
            JsonRejection::MissingJsonContentType(_) => RequestError::UnsupportedMediaType {
                expected: Cow::Borrowed("application/json"),
            },
            JsonRejection::BytesRejection(rejection) => rejection.into(),
            other => by_status(other.status(), other.body_text()),
        }
    }
}

/// Where in the body a data error is, from serde_path_to_error's path.
fn json_path(error: &(dyn std::error::Error + 'static)) -> Option<String> {
    let mut current = Some(error);
    while let Some(error) = current {
        if let Some(found) = error.downcast_ref::<serde_path_to_error::Error<serde_json::Error>>() {
            let path = found.path().to_string();
            return (path != ".").then_some(path);
        }
        current = error.source();
    }
    None
}

impl From<PathRejection> for RequestError {
    fn from(rejection: PathRejection) -> Self {
        match rejection {
            // A route whose extractor does not fit it (a wrong number of
            // parameters, a type the path cannot hold): axum's own 500, a
            // server bug whose text never reaches the client.
            PathRejection::FailedToDeserializePathParams(error)
                if error.status().is_server_error() =>
            {
                RequestError::Misconfigured {
                    cause: PanicMessage(error.body_text()),
                }
            }
            PathRejection::FailedToDeserializePathParams(error) => RequestError::InvalidPath {
                reason: error.body_text(),
            },
            other => by_status(other.status(), other.body_text()),
        }
    }
}

impl From<QueryRejection> for RequestError {
    fn from(rejection: QueryRejection) -> Self {
        match rejection {
            QueryRejection::FailedToDeserializeQueryString(error) => RequestError::InvalidQuery {
                reason: innermost(&error),
            },
            other => by_status(other.status(), other.body_text()),
        }
    }
}

impl From<FormRejection> for RequestError {
    fn from(rejection: FormRejection) -> Self {
        match rejection {
            FormRejection::InvalidFormContentType(_) => RequestError::UnsupportedMediaType {
                expected: Cow::Borrowed("application/x-www-form-urlencoded"),
            },
            FormRejection::FailedToDeserializeForm(error) => RequestError::InvalidForm {
                reason: innermost(&error),
            },
            FormRejection::FailedToDeserializeFormBody(error) => RequestError::InvalidForm {
                reason: innermost(&error),
            },
            FormRejection::BytesRejection(rejection) => rejection.into(),
            other => by_status(other.status(), other.body_text()),
        }
    }
}

/// A rejection this version does not know by name: by its status.
fn by_status(status: axum::http::StatusCode, text: String) -> RequestError {
    match status.as_u16() {
        413 => RequestError::PayloadTooLarge,
        415 => RequestError::UnsupportedMediaType {
            expected: Cow::Borrowed("a supported media type"),
        },
        400..=499 => RequestError::UnreadableBody,
        _ => RequestError::Misconfigured {
            cause: PanicMessage(text),
        },
    }
}

/// An extractor whose rejection is `E`, through [`RequestError`]: the
/// failures of `Json`, `Path`, `Query`, `Form` (and of any extractor whose
/// rejection converts into `RequestError`) answer in `E`'s format.
///
/// ```
/// use apierror::axum::Extract;
/// use apierror::{ApiError, RequestError};
/// use axum::Json;
///
/// #[derive(Debug, ApiError)]
/// pub enum ServiceError {
///     #[api_error(transparent)]
///     Request(#[from] RequestError),
/// }
///
/// #[derive(serde::Deserialize)]
/// struct Order { quantity: u32 }
///
/// async fn create(Extract(Json(order), _): Extract<Json<Order>, ServiceError>) -> String {
///     format!("{} ordered", order.quantity)
/// }
/// # let _: axum::Router = axum::Router::new().route("/", axum::routing::post(create));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Extract<X, E = RequestError>(pub X, pub PhantomData<fn() -> E>);

impl<S, X, E> FromRequest<S> for Extract<X, E>
where
    S: Send + Sync,
    X: FromRequest<S>,
    RequestError: From<X::Rejection>,
    E: From<RequestError> + IntoResponse,
{
    type Rejection = E;

    async fn from_request(request: Request, state: &S) -> Result<Self, E> {
        match X::from_request(request, state).await {
            Ok(value) => Ok(Extract(value, PhantomData)),
            Err(rejection) => Err(E::from(RequestError::from(rejection))),
        }
    }
}

impl<S, X, E> FromRequestParts<S> for Extract<X, E>
where
    S: Send + Sync,
    X: FromRequestParts<S>,
    RequestError: From<X::Rejection>,
    E: From<RequestError> + IntoResponse,
{
    type Rejection = E;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, E> {
        match X::from_request_parts(parts, state).await {
            Ok(value) => Ok(Extract(value, PhantomData)),
            Err(rejection) => Err(E::from(RequestError::from(rejection))),
        }
    }
}

/// A fallback handler for requests no route matches: `RouteNotFound`, as
/// `E`. `Router::fallback(route_not_found::<ServiceError>)`.
pub async fn route_not_found<E: From<RequestError>>(uri: axum::http::Uri) -> E {
    E::from(RequestError::RouteNotFound {
        path: uri.path().to_owned(),
    })
}

/// A fallback handler for a method a route does not take:
/// `MethodNotAllowed`, as `E`; axum adds the `Allow` header.
/// `Router::method_not_allowed_fallback(method_not_allowed::<ServiceError>)`.
pub async fn method_not_allowed<E: From<RequestError>>(method: axum::http::Method) -> E {
    E::from(RequestError::MethodNotAllowed {
        method: method.to_string(),
    })
}

/// The response to a handler's panic: `Panic` as `E`, its generic 500 in
/// `E`'s format, the panic's message in the report (logged). For
/// `tower_http::catch_panic::CatchPanicLayer::custom(panic_response::<ServiceError>)`.
pub fn panic_response<E: From<RequestError> + IntoResponse>(
    payload: Box<dyn std::any::Any + Send + 'static>,
) -> Response {
    E::from(RequestError::panic(&*payload)).into_response()
}
