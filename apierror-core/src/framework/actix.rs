//! actix-web integration: derived errors implement `ResponseError`.
//!
//! With the `actix-web` feature, every `#[derive(ApiError)]` type implements
//! [`actix_web::ResponseError`], with the same status, headers and body as
//! [`to_response`](crate::response::to_response).

use crate::envelope::Format;
use crate::error::ApiError;
use crate::render::Render;
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::HttpResponse;

/// An actix-web response for an error rendered with a chosen format or context.
pub fn into_response<E: ApiError + ?Sized, F: Format + ?Sized>(
    render: &Render<'_, E, F>,
) -> HttpResponse {
    let (parts, body) = render.to_response().into_parts();
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
    response.body(body)
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
    into_response(&Render::new(error))
}
