//! actix-web integration: derived errors implement `ResponseError`.
//!
//! With the `actix-web` feature, every `#[derive(ApiError)]` type implements
//! [`actix_web::ResponseError`], with the same status, headers and body as
//! [`Render::to_response`](crate::Render::to_response).

use crate::error::ApiError;
use crate::format::Format;
use crate::render::Render;
use crate::request::RequestContext;
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use std::future::{ready, Future, Ready};
use std::pin::Pin;
use std::rc::Rc;

/// A [`Render`] is an actix-web responder: an error rendered with a chosen
/// format or context, as [`Render::to_response`] builds it.
impl<E: ApiError + ?Sized, F: Format + ?Sized> actix_web::Responder for Render<'_, E, F> {
    type Body = actix_web::body::BoxBody;

    fn respond_to(self, _: &actix_web::HttpRequest) -> HttpResponse {
        from_http(crate::request::respond_render(&self))
    }
}

/// The response of a [`Render`] where there is no request to respond to,
/// as in `ResponseError::error_response`:
///
/// ```
/// use apierror::format::Problem;
/// use apierror::{ApiError, Render};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(code = "SCREAMING_SNAKE_CASE")]
/// enum ShopError { #[status(404)] #[message("Order not found")] OrderNotFound }
///
/// let problem = Problem::new();
/// let response = actix_web::HttpResponse::from(Render::new(&ShopError::OrderNotFound).format(&problem));
/// assert_eq!(response.status(), 404);
/// assert_eq!(response.headers().get("content-type").unwrap(), "application/problem+json");
/// ```
impl<E: ApiError + ?Sized, F: Format + ?Sized> From<Render<'_, E, F>> for HttpResponse {
    fn from(render: Render<'_, E, F>) -> Self {
        from_http(render.to_response())
    }
}

/// An actix-web response for an error rendered with a chosen format or context.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "a `Render` is a `Responder`: return it from the handler, or call `HttpResponse::from(render)`"
)]
pub fn into_response<E: ApiError + ?Sized, F: Format + ?Sized>(
    render: &Render<'_, E, F>,
) -> HttpResponse {
    from_http(render.to_response())
}

/// The same response in actix-web's types: status, headers, body, and the
/// [`ErrorReport`](crate::report::ErrorReport) extension when there is one.
fn from_http(response: http::Response<Vec<u8>>) -> HttpResponse {
    let (mut parts, body) = response.into_parts();
    let mut response = HttpResponse::build(status(parts.status.as_u16()));
    for (name, value) in &parts.headers {
        // Both sides validate header names and values the same way (RFC 9110).
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_str().as_bytes()),
            HeaderValue::from_bytes(value.as_bytes()),
        ) {
            response.insert_header((name, value));
        }
    }
    let report = parts.extensions.remove::<crate::report::ErrorReport>();
    let mut response = response.body(body);
    if let Some(report) = report {
        response.extensions_mut().insert(report);
    }
    response
}

fn status(code: u16) -> StatusCode {
    StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

#[doc(hidden)]
pub fn __status<E: ApiError>(error: &E) -> StatusCode {
    status(error.status().as_u16())
}

#[doc(hidden)]
pub fn __derived<E: ApiError>(error: &E) -> HttpResponse {
    from_http(crate::request::respond(error))
}

/// A middleware that gives the error responses of the services it wraps
/// the request's context: every handler that returns `Err(e)` renders with
/// the request id (from the request's header, generated when absent), the
/// time and the request's path, and every response echoes the request id.
/// See [`RequestContext`] for the settings.
///
/// ```
/// use apierror::actix::ContextMiddleware;
/// use apierror::request::RequestContext;
///
/// let app = actix_web::App::new()
///     .wrap(ContextMiddleware::new(RequestContext::new().echo_as("request-id")))
///     .route("/", actix_web::web::get().to(|| async { "ok" }));
/// # let _ = app;
/// ```
#[derive(Debug, Clone, Default)]
pub struct ContextMiddleware {
    context: RequestContext,
}

impl ContextMiddleware {
    /// The middleware, with these settings.
    pub fn new(context: RequestContext) -> Self {
        ContextMiddleware { context }
    }
}

impl<S, B> Transform<S, ServiceRequest> for ContextMiddleware
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: 'static,
{
    type Response = ServiceResponse<B>;
    type Error = actix_web::Error;
    type Transform = ContextService<S>;
    type InitError = ();
    type Future = Ready<Result<ContextService<S>, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(ContextService {
            service: Rc::new(service),
            context: self.context.clone(),
        }))
    }
}

/// The service of [`ContextMiddleware`].
#[derive(Debug)]
pub struct ContextService<S> {
    service: Rc<S>,
    context: RequestContext,
}

impl<S, B> Service<ServiceRequest> for ContextService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: 'static,
{
    type Response = ServiceResponse<B>;
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<ServiceResponse<B>, actix_web::Error>>>>;

    actix_web::dev::forward_ready!(service);

    fn call(&self, request: ServiceRequest) -> Self::Future {
        let header = request
            .headers()
            .get(self.context.read_from.as_str())
            .and_then(|value| http::HeaderValue::from_bytes(value.as_bytes()).ok());
        let scope = self
            .context
            .scope(header.as_ref(), request.path())
            .with_accept_language(
                request
                    .headers()
                    .get(actix_web::http::header::ACCEPT_LANGUAGE)
                    .map(|value| value.as_bytes()),
            );
        let echo = scope.echo();
        let service = Rc::clone(&self.service);
        Box::pin(async move {
            let mut response = crate::request::within(scope, service.call(request)).await?;
            if let Some((name, value)) = echo {
                if let (Ok(name), Ok(value)) = (
                    HeaderName::from_bytes(name.as_str().as_bytes()),
                    HeaderValue::from_bytes(value.as_bytes()),
                ) {
                    let headers = response.headers_mut();
                    if !headers.contains_key(&name) {
                        headers.insert(name, value);
                    }
                }
            }
            Ok(response)
        })
    }
}
