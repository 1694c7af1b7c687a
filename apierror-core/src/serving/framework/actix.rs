//! actix-web integration: derived errors implement `ResponseError`;
//! actix-web's extractor errors convert into [`RequestError`];
//! [`ContextMiddleware`] gives error responses the request's context.
//!
//! With the `actix-web` feature, every `#[derive(ApiError)]` type implements
//! `actix_web::ResponseError`, with the same status, headers and body as
//! [`Render::to_response`](crate::Render::to_response).
//!
//! For the failures actix-web answers itself, so that they come out in the
//! service's format too:
//! - extractor errors: one error handler for every config, [`rejection`]:
//!   `JsonConfig::default().error_handler(rejection::<ServiceError, _>)`, and
//!   the same for `PathConfig`, `QueryConfig` and `FormConfig`;
//! - unmatched routes: `App::default_service(web::to(route_not_found::<ServiceError>))`;
//! - a method a resource does not take:
//!   `web::resource(..).default_service(web::to(method_not_allowed::<ServiceError>("GET")))`.
//!
//! actix-web does not catch panics: a panicking handler takes its worker
//! down (actix restarts it) and the client gets no response.

use crate::error::ApiError;
use crate::format::Format;
use crate::render::Render;
use crate::request::RequestContext;
use crate::request_error::{innermost, PanicMessage};
use crate::RequestError;
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError, UrlencodedError};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use actix_web::{HttpRequest, ResponseError};
use std::borrow::Cow;
use std::future::{ready, Future, Ready};
use std::marker::PhantomData;
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
        crate::serving::metrics::response(render.error());
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
    crate::serving::metrics::response(render.error());
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

// The framework's own failures as RequestError, and the handlers that
// answer them in the service's format.

impl From<JsonPayloadError> for RequestError {
    fn from(error: JsonPayloadError) -> Self {
        match error {
            JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
                RequestError::PayloadTooLarge
            }
            JsonPayloadError::ContentType => RequestError::UnsupportedMediaType {
                expected: Cow::Borrowed("application/json"),
            },
            JsonPayloadError::Deserialize(error) if error.is_data() => RequestError::InvalidBody {
                path: None,
                reason: error.to_string(),
            },
            JsonPayloadError::Deserialize(error) => RequestError::InvalidJson {
                reason: error.to_string(),
            },
            JsonPayloadError::Payload(_) => RequestError::UnreadableBody,
            other => RequestError::Misconfigured {
                cause: PanicMessage(other.to_string()),
            },
        }
    }
}

impl From<PathError> for RequestError {
    fn from(error: PathError) -> Self {
        let reason = innermost(&error);
        // What actix-router's path deserializer says when the extractor does
        // not fit the route (as axum's 500s `WrongNumberOfParameters` and
        // `UnsupportedType`): a server bug, masked and logged, never a 400.
        const SERVER_FAULTS: &[&str] = &[
            "wrong number of parameters",
            "unsupported type",
            "expected at least one parameters",
            "not supported",
        ];
        if SERVER_FAULTS.iter().any(|fault| reason.starts_with(fault)) {
            RequestError::Misconfigured {
                cause: PanicMessage(reason),
            }
        } else {
            RequestError::InvalidPath { reason }
        }
    }
}

impl From<QueryPayloadError> for RequestError {
    fn from(error: QueryPayloadError) -> Self {
        RequestError::InvalidQuery {
            reason: innermost(&error),
        }
    }
}

impl From<UrlencodedError> for RequestError {
    fn from(error: UrlencodedError) -> Self {
        match error {
            UrlencodedError::Overflow { .. } | UrlencodedError::UnknownLength => {
                RequestError::PayloadTooLarge
            }
            UrlencodedError::ContentType => RequestError::UnsupportedMediaType {
                expected: Cow::Borrowed("application/x-www-form-urlencoded"),
            },
            UrlencodedError::Parse(error) => RequestError::InvalidForm {
                reason: error.to_string(),
            },
            UrlencodedError::Encoding => RequestError::InvalidForm {
                reason: "the form is not in a supported character encoding".to_owned(),
            },
            UrlencodedError::Chunked | UrlencodedError::Payload(_) => RequestError::UnreadableBody,
            other => RequestError::Misconfigured {
                cause: PanicMessage(other.to_string()),
            },
        }
    }
}

/// A JSON body, as `web::Json` reads it (the `JsonConfig` of the app: its
/// limit, content type and error handler), then turned into `T` so that a
/// body of the wrong shape answers `InvalidBody` as `E` **with the path** of
/// the offending field (`items[0].price`), as axum's `Json` does.
///
/// ```
/// use actix_web::{web, App};
/// use apierror::actix::Json;
/// use apierror::{ApiError, RequestError};
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
/// async fn create(Json(order, _): Json<Order, ServiceError>) -> String {
///     format!("{} ordered", order.quantity)
/// }
/// let _app = App::new()
///     .app_data(web::JsonConfig::default().error_handler(apierror::actix::rejection::<ServiceError, _>))
///     .route("/orders", web::post().to(create));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T, E = RequestError>(pub T, pub PhantomData<fn() -> E>);

impl<T, E> actix_web::FromRequest for Json<T, E>
where
    T: serde::de::DeserializeOwned,
    E: From<RequestError> + ResponseError + 'static,
{
    type Error = actix_web::Error;
    type Future =
        std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self, actix_web::Error>>>>;

    fn from_request(request: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let body = actix_web::web::Json::<Box<serde_json::value::RawValue>>::from_request(
            request, payload,
        );
        Box::pin(async move {
            let raw = body.await?.into_inner();
            let mut deserializer = serde_json::Deserializer::from_str(raw.get());
            match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
                Ok(value) => Ok(Json(value, PhantomData)),
                Err(error) => {
                    let path = error.path().to_string();
                    let reason = error.into_inner().to_string();
                    let error = RequestError::InvalidBody {
                        path: (path != ".").then_some(path),
                        reason,
                    };
                    Err(E::from(error).into())
                }
            }
        })
    }
}

/// The error handler of the extractor configs, `JsonConfig`, `PathConfig`,
/// `QueryConfig` and `FormConfig`: the failure (any error actix-web hands
/// them that [`RequestError`] converts from) as `E`.
///
/// ```
/// use actix_web::{web, App};
/// use apierror::actix::rejection;
/// use apierror::{ApiError, RequestError};
///
/// #[derive(Debug, ApiError)]
/// pub enum ServiceError {
///     #[api_error(transparent)]
///     Request(#[from] RequestError),
/// }
///
/// let _app = App::new()
///     .app_data(web::JsonConfig::default().error_handler(rejection::<ServiceError, _>))
///     .app_data(web::PathConfig::default().error_handler(rejection::<ServiceError, _>))
///     .app_data(web::QueryConfig::default().error_handler(rejection::<ServiceError, _>))
///     .app_data(web::FormConfig::default().error_handler(rejection::<ServiceError, _>));
/// ```
pub fn rejection<E, R>(error: R, _: &HttpRequest) -> actix_web::Error
where
    RequestError: From<R>,
    E: From<RequestError> + ResponseError + 'static,
{
    E::from(RequestError::from(error)).into()
}

/// The four error handlers `rejection` replaced, one per extractor config
/// (deprecated aliases, kept for one release).
macro_rules! deprecated_handlers {
    ($($name:ident($error:ty) $config:literal;)*) => {$(
        #[doc = concat!("An error handler for `", $config, "`: the failure as `E`.")]
        #[doc(hidden)]
        #[deprecated(
            since = "0.1.0",
            note = "moved to `apierror::actix::rejection::<E, _>`"
        )]
        pub fn $name<E>(error: $error, request: &HttpRequest) -> actix_web::Error
        where
            E: From<RequestError> + ResponseError + 'static,
        {
            rejection::<E, _>(error, request)
        }
    )*};
}

deprecated_handlers! {
    json_error(JsonPayloadError) "JsonConfig";
    path_error(PathError) "PathConfig";
    query_error(QueryPayloadError) "QueryConfig";
    form_error(UrlencodedError) "FormConfig";
}

/// A default service for requests no route matches: `RouteNotFound`, as `E`.
pub async fn route_not_found<E: From<RequestError>>(
    request: HttpRequest,
) -> Result<HttpResponse, E> {
    Err(E::from(RequestError::RouteNotFound {
        path: request.path().to_owned(),
    }))
}

/// A resource's default service for a method it does not take:
/// `MethodNotAllowed`, as `E`, with `Allow: {allow}` (actix-web does not
/// know a resource's methods at this point: say them).
/// `web::resource("/orders").route(web::get().to(list)).default_service(web::to(method_not_allowed::<ServiceError>("GET")))`.
pub fn method_not_allowed<E>(
    allow: &'static str,
) -> impl Fn(HttpRequest) -> std::future::Ready<HttpResponse> + Clone + 'static
where
    E: From<RequestError> + ResponseError,
{
    move |request: HttpRequest| {
        let error = E::from(RequestError::MethodNotAllowed {
            method: request.method().to_string(),
        });
        let mut response = error.error_response();
        if let Ok(value) = actix_web::http::header::HeaderValue::from_str(allow) {
            response
                .headers_mut()
                .insert(actix_web::http::header::ALLOW, value);
        }
        std::future::ready(response)
    }
}
