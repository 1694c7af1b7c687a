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
//! - extractor errors: the configs' error handlers,
//!   `JsonConfig::default().error_handler(json_error::<ServiceError>)`, and
//!   [`path_error`], [`query_error`], [`form_error`] for `PathConfig`,
//!   `QueryConfig` and `FormConfig`;
//! - unmatched routes: `App::default_service(web::to(route_not_found::<ServiceError>))`;
//! - a method a resource does not take:
//!   `web::resource(..).default_service(web::to(method_not_allowed::<ServiceError>("GET")))`.
//!
//! actix-web does not catch panics: a panicking handler takes its worker
//! down (actix restarts it) and the client gets no response.

pub use apierror_core::actix::*;

use crate::request_error::{innermost, PanicMessage};
use crate::RequestError;
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError, UrlencodedError};
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use std::borrow::Cow;
use std::marker::PhantomData;

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
///     .app_data(web::JsonConfig::default().error_handler(apierror::actix::json_error::<ServiceError>))
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

/// An error handler for `JsonConfig`: the failure as `E`.
pub fn json_error<E>(error: JsonPayloadError, _: &HttpRequest) -> actix_web::Error
where
    E: From<RequestError> + ResponseError + 'static,
{
    E::from(RequestError::from(error)).into()
}

/// An error handler for `PathConfig`: the failure as `E`.
pub fn path_error<E>(error: PathError, _: &HttpRequest) -> actix_web::Error
where
    E: From<RequestError> + ResponseError + 'static,
{
    E::from(RequestError::from(error)).into()
}

/// An error handler for `QueryConfig`: the failure as `E`.
pub fn query_error<E>(error: QueryPayloadError, _: &HttpRequest) -> actix_web::Error
where
    E: From<RequestError> + ResponseError + 'static,
{
    E::from(RequestError::from(error)).into()
}

/// An error handler for `FormConfig`: the failure as `E`.
pub fn form_error<E>(error: UrlencodedError, _: &HttpRequest) -> actix_web::Error
where
    E: From<RequestError> + ResponseError + 'static,
{
    E::from(RequestError::from(error)).into()
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
