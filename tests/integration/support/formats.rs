//! Formats of the tests' own, shaped like three real APIs' error bodies,
//! for the exporters and the decoder to describe and read as they do the
//! built-in ones:
//!
//! - `StripeLike`: `{"error":{"code","decline_code"?,"details"?,"doc_url","message","param"?,"request_id","type"}}`,
//!   members in alphabetical order, two fields lifted out of the details,
//!   `request_id` `null` without a request context, a constant header;
//! - `JsonApiLike`: `{"errors":[...],"meta"?}`, one error object per entry
//!   of the validation list (one for the error itself without one), `meta`
//!   only with a request id;
//! - `StatusLike`: Kubernetes' `Status` object, `reason` the code, the
//!   validation list as `details.causes`, no challenge header.

use apierror::fields::Without;
use apierror::format::{Context, Format};
use apierror::http::{HeaderMap, HeaderValue};
use apierror::serde::ser::{SerializeMap, SerializeSeq, Serializer};
use apierror::serde::Serialize;
use apierror::ApiError;
use serde_json::json;

/// Stripe's error object.
#[derive(Debug, Clone, Copy, Default)]
pub struct StripeLike;

struct StripeObject<'a, E: ?Sized>(&'a E, &'a Context<'a>);

impl<E: ApiError + ?Sized> Serialize for StripeObject<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let StripeObject(error, context) = *self;
        let lifted = ["decline_code", "param"];
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("code", error.code())?;
        error.details().lift(&mut map, &["decline_code"])?;
        let rest = Without::new(error, &lifted);
        if error.has_details() && !rest.is_empty() {
            map.serialize_entry("details", &rest)?;
        }
        map.serialize_entry(
            "doc_url",
            &format_args!("https://docs.example.com/errors/{}", error.code()),
        )?;
        map.serialize_entry("message", &error.message())?;
        error.details().lift(&mut map, &["param"])?;
        map.serialize_entry("request_id", &context.request_id())?;
        let kind = if error.status().is_server_error() {
            "api_error"
        } else {
            "invalid_request_error"
        };
        map.serialize_entry("type", error.descriptor().kind().unwrap_or(kind))?;
        map.end()
    }
}

impl Format for StripeLike {
    fn media_type(&self) -> &'static str {
        "application/json"
    }

    fn headers<E: ApiError + ?Sized>(&self, error: &E, _: &Context<'_>, headers: &mut HeaderMap) {
        headers.insert("x-api-version", HeaderValue::from_static("2024-06-20"));
        if let Ok(code) = HeaderValue::from_str(error.code()) {
            headers.insert("x-error-code", code);
        }
    }

    fn serialize<E, S>(
        &self,
        error: &E,
        context: &Context<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error>
    where
        E: ApiError + ?Sized,
        S: Serializer,
    {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("error", &StripeObject(error, context))?;
        map.end()
    }
}

/// JSON:API's top-level `errors` list.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonApiLike;

struct JsonApiErrors<'a, E: ?Sized>(&'a E);

impl<E: ApiError + ?Sized> Serialize for JsonApiErrors<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error = self.0;
        let status = error.status().as_u16().to_string();
        let title = error.message().to_string();
        let mut list = serializer.serialize_seq(None)?;
        let written = error.details().with_violations(|violations| {
            for violation in violations {
                list.serialize_element(&json!({
                    "status": status,
                    "code": error.code(),
                    "title": title,
                    "detail": violation.message(),
                    "source": {"pointer": violation.pointer()},
                }))?;
            }
            Ok(())
        });
        match written {
            Some(result) => result?,
            None => list.serialize_element(&json!({
                "status": status,
                "code": error.code(),
                "title": title,
            }))?,
        }
        list.end()
    }
}

impl Format for JsonApiLike {
    fn media_type(&self) -> &'static str {
        "application/vnd.api+json"
    }

    fn serialize<E, S>(
        &self,
        error: &E,
        context: &Context<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error>
    where
        E: ApiError + ?Sized,
        S: Serializer,
    {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("errors", &JsonApiErrors(error))?;
        if let Some(id) = context.request_id() {
            map.serialize_entry("meta", &json!({"request_id": id}))?;
        }
        map.end()
    }
}

/// Kubernetes' `Status`.
#[derive(Debug, Clone, Copy, Default)]
pub struct StatusLike;

struct Causes<'a, E: ?Sized>(&'a E);

impl<E: ApiError + ?Sized> Serialize for Causes<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("kind", &self.0.descriptor().type_name())?;
        let causes = self.0.details().with_violations(|violations| {
            violations
                .iter()
                .map(|v| json!({"reason": v.code(), "message": v.message(), "field": v.field().to_string()}))
                .collect::<Vec<_>>()
        });
        if let Some(causes) = causes {
            map.serialize_entry("causes", &causes)?;
        }
        map.end()
    }
}

impl Format for StatusLike {
    fn media_type(&self) -> &'static str {
        "application/json"
    }

    fn serialize<E, S>(&self, error: &E, _: &Context<'_>, serializer: S) -> Result<S::Ok, S::Error>
    where
        E: ApiError + ?Sized,
        S: Serializer,
    {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("kind", "Status")?;
        map.serialize_entry("apiVersion", "v1")?;
        map.serialize_entry("metadata", &json!({}))?;
        map.serialize_entry("status", "Failure")?;
        map.serialize_entry("message", &error.message())?;
        map.serialize_entry("reason", error.code())?;
        map.serialize_entry("details", &Causes(error))?;
        map.serialize_entry("code", &error.status().as_u16())?;
        map.end()
    }
}

/// Any of the built-in formats and the three above, as one type.
#[derive(Debug, Clone, Copy)]
pub enum AnyFormat {
    BuiltIn(apierror::format::BuiltIn),
    Stripe(StripeLike),
    JsonApi(JsonApiLike),
    Status(StatusLike),
}

macro_rules! each {
    ($self:ident, $f:ident => $body:expr) => {
        match $self {
            AnyFormat::BuiltIn($f) => $body,
            AnyFormat::Stripe($f) => $body,
            AnyFormat::JsonApi($f) => $body,
            AnyFormat::Status($f) => $body,
        }
    };
}

impl Format for AnyFormat {
    fn media_type(&self) -> &'static str {
        each!(self, f => f.media_type())
    }

    fn headers<E: ApiError + ?Sized>(
        &self,
        error: &E,
        context: &Context<'_>,
        headers: &mut HeaderMap,
    ) {
        each!(self, f => f.headers(error, context, headers))
    }

    fn localizes<E: ApiError + ?Sized>(&self, error: &E) -> bool {
        each!(self, f => f.localizes(error))
    }

    fn serialize<E, S>(
        &self,
        error: &E,
        context: &Context<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error>
    where
        E: ApiError + ?Sized,
        S: Serializer,
    {
        each!(self, f => f.serialize(error, context, serializer))
    }
}
