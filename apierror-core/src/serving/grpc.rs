//! gRPC statuses of errors (feature `tonic`): any `ApiError` as a
//! `tonic::Status`, what the derived `From` impls and generated code use.
//! The public module is [`grpc`](crate::grpc), which documents them and
//! adds the way back ([`Grpc::decode_status`], a decoder: tooling).

use crate::error::ApiError;
use crate::fields::FieldVisitor;
use crate::format::{BuiltIn, Google};
use serde::Serialize;
use std::collections::HashMap;
use tonic::{Code, Status};
use tonic_types::{ErrorDetails, FieldViolation, StatusExt};

/// Statuses of a service whose `ErrorInfo.domain` is set;
/// [`Grpc::status_of`] picks the domain itself.
///
/// The associated functions and constants are the rest of the module: the
/// code of an error ([`Grpc::code`]), the HTTP status of a code
/// ([`Grpc::http_status`]), the canonical codes ([`Grpc::CODES`]), the
/// limits of a status's parts ([`Grpc::MAX_MESSAGE`], ...), and the way back
/// ([`Grpc::decode_status`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grpc {
    domain: &'static str,
}

impl Grpc {
    /// The canonical codes by name, as `google.rpc.Code` spells them (all but
    /// `OK`), in the order of [`Google::RPC_CODES`](crate::format::Google::RPC_CODES).
    pub const CODES: &'static [(&'static str, Code)] = &[
        ("CANCELLED", Code::Cancelled),
        ("UNKNOWN", Code::Unknown),
        ("INVALID_ARGUMENT", Code::InvalidArgument),
        ("DEADLINE_EXCEEDED", Code::DeadlineExceeded),
        ("NOT_FOUND", Code::NotFound),
        ("ALREADY_EXISTS", Code::AlreadyExists),
        ("PERMISSION_DENIED", Code::PermissionDenied),
        ("RESOURCE_EXHAUSTED", Code::ResourceExhausted),
        ("FAILED_PRECONDITION", Code::FailedPrecondition),
        ("ABORTED", Code::Aborted),
        ("OUT_OF_RANGE", Code::OutOfRange),
        ("UNIMPLEMENTED", Code::Unimplemented),
        ("INTERNAL", Code::Internal),
        ("UNAVAILABLE", Code::Unavailable),
        ("DATA_LOSS", Code::DataLoss),
        ("UNAUTHENTICATED", Code::Unauthenticated),
    ];

    /// The most bytes of a status's message (`grpc-message`, and the
    /// `google.rpc.Status` in `grpc-status-details-bin`, which gRPC clients of
    /// some languages read instead) and of its `LocalizedMessage`. A longer
    /// message is cut at a character boundary and ends with
    /// [`TRUNCATED`](Self::TRUNCATED).
    ///
    /// Trailers travel as HTTP/2 headers, and clients refuse a header list
    /// over 16 KiB by default (hyper's, which tonic uses): every status stays
    /// under about 10 KiB of trailers, however large the error's fields.
    pub const MAX_MESSAGE: usize = 512;

    /// The most bytes of one `ErrorInfo.metadata` value, or of one field
    /// violation's field, description or reason.
    pub const MAX_TEXT: usize = 256;

    /// The most bytes of all `ErrorInfo.metadata` keys and values together:
    /// the fields after that are left out, and the key `truncated` (when no
    /// field is named so) says how many.
    pub const MAX_METADATA_BYTES: usize = 2048;

    /// The most bytes of the `BadRequest` field violations: the violations
    /// after that are left out, and a last one with the reason
    /// [`Violations::TRUNCATED`](crate::Violations::TRUNCATED) says how many.
    pub const MAX_VIOLATIONS_BYTES: usize = 2048;

    /// What ends a text cut short.
    pub const TRUNCATED: &'static str = "… (truncated)";

    /// Statuses whose `ErrorInfo.domain` is `domain`, e.g. `"pubsub.googleapis.com"`.
    pub const fn new(domain: &'static str) -> Self {
        Grpc { domain }
    }

    /// The `ErrorInfo.domain`.
    pub const fn domain(&self) -> &'static str {
        self.domain
    }

    /// The gRPC code of `error`: see the [module](crate::grpc).
    pub fn code<E: ApiError + ?Sized>(error: &E) -> Code {
        let name = error.descriptor().rpc_code();
        Self::CODES
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(Code::Unknown, |(_, code)| *code)
    }

    /// The HTTP status a gRPC code stands for, the reverse of AIP-193's
    /// mapping (`ALREADY_EXISTS` and `ABORTED` are 409, `OUT_OF_RANGE` 400,
    /// `DATA_LOSS` and `UNKNOWN` 500); `None` for `OK`.
    pub fn http_status(code: Code) -> Option<u16> {
        Some(match code {
            Code::Ok => return None,
            Code::Cancelled => 499,
            Code::InvalidArgument | Code::OutOfRange | Code::FailedPrecondition => 400,
            Code::DeadlineExceeded => 504,
            Code::NotFound => 404,
            Code::AlreadyExists | Code::Aborted => 409,
            Code::PermissionDenied => 403,
            Code::ResourceExhausted => 429,
            Code::Unimplemented => 501,
            Code::Unavailable => 503,
            Code::Unauthenticated => 401,
            Code::Internal | Code::Unknown | Code::DataLoss => 500,
        })
    }

    /// The `accept-language` of a request's metadata, when it is text: what
    /// [`Grpc::status_in`] takes.
    ///
    /// ```ignore
    /// let language = Grpc::accept_language(request.metadata());
    /// Err(Grpc::new("nodes.example.com").status_in(&error, language))
    /// ```
    pub fn accept_language(metadata: &tonic::metadata::MetadataMap) -> Option<&str> {
        metadata
            .get("accept-language")
            .and_then(|value| value.to_str().ok())
            .filter(|value| value.len() <= crate::format::Context::MAX_ACCEPT_LANGUAGE)
    }

    /// The `ErrorInfo.domain` of `error`'s statuses: its type's `domain` when
    /// its format is `"google"`, else the name of the crate that declares it.
    pub fn domain_of<E: ApiError + ?Sized>(error: &E) -> &'static str {
        match E::CATALOG.built_in() {
            BuiltIn::Google(google) => google.domain(),
            _ => {
                let path = error.descriptor().0.path;
                path.split("::").next().unwrap_or(path)
            }
        }
    }

    /// `error` as a status, in its own domain (see [`Grpc::domain_of`]): what
    /// the derived `From<E> for tonic::Status` returns. Behind the
    /// request-context layer (`apierror::axum::ContextLayer`, a tower layer:
    /// tonic's `Server::builder().layer(...)` takes it), a translated type
    /// adds the `LocalizedMessage` of the request's `accept-language`.
    pub fn status_of<E: ApiError + ?Sized>(error: &E) -> Status {
        #[cfg(any(feature = "axum", feature = "actix-web"))]
        let accept_language =
            crate::request::current(|scope| scope.and_then(|s| s.accept_language.clone()));
        #[cfg(not(any(feature = "axum", feature = "actix-web")))]
        let accept_language: Option<String> = None;
        Grpc::new(Self::domain_of(error)).status_in(error, accept_language.as_deref())
    }

    /// `error` as a status: see the [module](crate::grpc).
    pub fn status<E: ApiError + ?Sized>(&self, error: &E) -> Status {
        self.status_in(error, None)
    }

    /// `error` as a status for a caller that asked for `accept_language`
    /// (an `Accept-Language` value, e.g. from the request's
    /// [`Grpc::accept_language`] metadata): a translated type adds a
    /// `google.rpc.LocalizedMessage` in the language it prefers (see
    /// [`locale`](crate::locale)); the status message stays the type's own.
    pub fn status_in<E: ApiError + ?Sized>(
        &self,
        error: &E,
        accept_language: Option<&str>,
    ) -> Status {
        let mut metadata = Metadata::default();
        let _ = crate::error::visit_fields(error, &mut metadata);
        let mut details = ErrorDetails::new();
        details.set_error_info(error.code(), self.domain, metadata.into_map());
        if let Some(seconds) = error.retry_after() {
            details.set_retry_info(Some(std::time::Duration::from_secs(seconds)));
        }
        let _ = crate::fields::with_list::<E, ()>(error, |list| {
            let mut budget = Self::MAX_VIOLATIONS_BYTES;
            let mut violations: Vec<FieldViolation> = Vec::new();
            for v in list.iter() {
                let violation = FieldViolation {
                    field: bounded(v.field().to_string(), Self::MAX_TEXT),
                    description: bounded(v.message().to_owned(), Self::MAX_TEXT),
                    reason: bounded(v.code().to_owned(), Self::MAX_TEXT),
                    localized_message: None,
                };
                let size =
                    violation.field.len() + violation.description.len() + violation.reason.len();
                if size > budget {
                    break;
                }
                budget -= size;
                violations.push(violation);
            }
            let left = list.len() - violations.len();
            if left > 0 {
                violations.push(FieldViolation {
                    field: String::new(),
                    description: format!("{left} more violations left out{}", Self::TRUNCATED),
                    reason: crate::Violations::TRUNCATED.to_owned(),
                    localized_message: None,
                });
            }
            details.set_bad_request(violations);
            Ok(())
        });
        let mut context = crate::format::Context::new();
        if let Some(header) = accept_language {
            context = context.with_accept_language(header);
        }
        if let Some((locale, Some(template))) = error.descriptor().language_for(&context) {
            let message = crate::locale::Translated::new(error, template).to_string();
            details.set_localized_message(locale, bounded(message, Self::MAX_MESSAGE));
        }
        if let Some(url) = error.doc_url() {
            details.add_help_link(
                format!("Documentation of {}", error.code()),
                url.to_string(),
            );
        }
        let message = bounded(error.message().to_string(), Self::MAX_MESSAGE);
        let code = Self::code(error);
        // Every status made of an error passes here: counted once
        // (features `metrics`, `tracing`).
        crate::serving::metrics::status(error, code as i32);
        Status::with_error_details(code, message, details)
    }
}

// The old paths, kept for one release: each moved into `Grpc`.

#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "moved to `apierror::grpc::Grpc::CODES`")]
pub const CODES: &[(&str, Code)] = Grpc::CODES;

#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "moved to `apierror::grpc::Grpc::MAX_MESSAGE`")]
pub const MAX_MESSAGE: usize = Grpc::MAX_MESSAGE;

#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "moved to `apierror::grpc::Grpc::MAX_TEXT`")]
pub const MAX_TEXT: usize = Grpc::MAX_TEXT;

#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::grpc::Grpc::MAX_METADATA_BYTES`"
)]
pub const MAX_METADATA_BYTES: usize = Grpc::MAX_METADATA_BYTES;

#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::grpc::Grpc::MAX_VIOLATIONS_BYTES`"
)]
pub const MAX_VIOLATIONS_BYTES: usize = Grpc::MAX_VIOLATIONS_BYTES;

#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "moved to `apierror::grpc::Grpc::TRUNCATED`")]
pub const TRUNCATED: &str = Grpc::TRUNCATED;

/// The gRPC code of `error`.
#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "moved to `apierror::grpc::Grpc::code`")]
pub fn code<E: ApiError + ?Sized>(error: &E) -> Code {
    Grpc::code(error)
}

/// The HTTP status a gRPC code stands for.
#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "moved to `apierror::grpc::Grpc::http_status`")]
pub fn http_status(code: Code) -> Option<u16> {
    Grpc::http_status(code)
}

/// The `accept-language` of a request's metadata.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::grpc::Grpc::accept_language`"
)]
pub fn accept_language(metadata: &tonic::metadata::MetadataMap) -> Option<&str> {
    Grpc::accept_language(metadata)
}

/// The `ErrorInfo.domain` of `error`'s statuses.
#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "moved to `apierror::grpc::Grpc::domain_of`")]
pub fn domain<E: ApiError + ?Sized>(error: &E) -> &'static str {
    Grpc::domain_of(error)
}

/// `error` as a status, in its own domain.
#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "moved to `apierror::grpc::Grpc::status_of`")]
pub fn status<E: ApiError + ?Sized>(error: &E) -> Status {
    Grpc::status_of(error)
}

/// `text`, or its start and [`Grpc::TRUNCATED`] when it is longer than `max` bytes.
fn bounded(mut text: String, max: usize) -> String {
    if text.len() <= max {
        return text;
    }
    let mut end = max.saturating_sub(Grpc::TRUNCATED.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text.push_str(Grpc::TRUNCATED);
    text
}

impl From<Google> for Grpc {
    /// The statuses of a service that answers AIP-193 JSON in that domain.
    fn from(google: Google) -> Self {
        Grpc::new(google.domain())
    }
}

/// Each details field as a metadata string, the validation list left out,
/// each value at most [`Grpc::MAX_TEXT`] bytes and all at most
/// [`Grpc::MAX_METADATA_BYTES`].
#[derive(Default)]
struct Metadata {
    map: HashMap<String, String>,
    size: usize,
    left_out: usize,
}

impl Metadata {
    fn into_map(mut self) -> HashMap<String, String> {
        if self.left_out > 0 && !self.map.contains_key("truncated") {
            let note = format!("{} more fields left out{}", self.left_out, Grpc::TRUNCATED);
            self.map.insert("truncated".to_owned(), note);
        }
        self.map
    }
}

impl FieldVisitor for Metadata {
    type Error = std::fmt::Error;

    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &str,
        _: &str,
        value: &T,
    ) -> Result<(), Self::Error> {
        use std::fmt::Write;
        let mut text = String::new();
        // A value whose `Serialize` fails is left out, as in a body.
        if write!(text, "{}", crate::format::text::RawText(value)).is_ok() {
            let text = bounded(text, Grpc::MAX_TEXT);
            let size = key.len() + text.len();
            if self.size + size > Grpc::MAX_METADATA_BYTES {
                self.left_out += 1;
            } else {
                self.size += size;
                self.map.insert(key.to_owned(), text);
            }
        }
        Ok(())
    }

    fn violations_field(
        &mut self,
        _: &str,
        _: &str,
        _: &crate::Violations,
    ) -> Result<(), Self::Error> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_codes_are_google_rpc_codes_in_order() {
        let names: Vec<&str> = Grpc::CODES.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, crate::format::Google::RPC_CODES);
        for (i, (_, code)) in Grpc::CODES.iter().enumerate() {
            // google.rpc.Code numbers: CANCELLED is 1 ... UNAUTHENTICATED 16.
            assert_eq!(*code as i32, i as i32 + 1);
            assert!(Grpc::http_status(*code).is_some());
        }
        assert_eq!(Grpc::http_status(Code::Ok), None);
    }

    #[test]
    fn every_status_mapping_is_a_known_code() {
        for status in 400..=599u16 {
            let name = crate::format::Google::rpc_code_of(status);
            assert!(
                Grpc::CODES.iter().any(|(n, _)| *n == name),
                "{status}: {name}"
            );
        }
    }
}
