//! gRPC statuses (feature `tonic`): any [`ApiError`] as a `tonic::Status`
//! with the richer error model's details, and a status decoded back into
//! the typed error.
//!
//! A status carries, as `google.rpc.Status` details ([tonic-types]):
//!
//! - `ErrorInfo`: `reason` the error code, `domain` the service (see
//!   [`Grpc`]), `metadata` the details fields as strings (as AIP-193's JSON
//!   has them);
//! - `RetryInfo` from the `#[api_error(retry_after)]` field;
//! - `BadRequest` from the validation list ([`Violations`](crate::Violations)):
//!   `field` the field path, `description` the message, `reason` the code;
//! - `Help` with the error's documentation URL (`doc_url = "..."`).
//!
//! The status code is the variant's `#[api_error(grpc = "...")]`, else the
//! HTTP status's as AIP-193 maps it ([`Descriptor::rpc_code`]); the message
//! is the public message. Internal fields and sources never reach a status.
//!
//! Everything the module offers is on [`Grpc`]: a status in a domain
//! ([`Grpc::new`], [`Grpc::status`]) or in the error's own
//! ([`Grpc::status_of`], [`Grpc::domain_of`]), the code of an error
//! ([`Grpc::code`]) and the HTTP status of a code ([`Grpc::http_status`]),
//! the request's language ([`Grpc::accept_language`]), the limits of a
//! status's parts ([`Grpc::MAX_MESSAGE`], [`Grpc::MAX_TEXT`],
//! [`Grpc::MAX_METADATA_BYTES`], [`Grpc::MAX_VIOLATIONS_BYTES`],
//! [`Grpc::TRUNCATED`]), the canonical codes ([`Grpc::CODES`]), and the way
//! back ([`Grpc::decode_status`]).
//!
//! Derived errors convert with `From`, so a tonic handler uses `?`:
//!
//! ```
//! # #[cfg(feature = "tonic")] {
//! use apierror::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(format = "google", domain = "shop.example.com")]
//! enum ShopError {
//!     #[code("ORDER_EXISTS")]
//!     #[status(409)]
//!     #[api_error(grpc = "ALREADY_EXISTS")]
//!     #[message("Order {order} exists already")]
//!     OrderExists { order: String },
//! }
//!
//! let status = tonic::Status::from(ShopError::OrderExists { order: "o-17".into() });
//! assert_eq!(status.code(), tonic::Code::AlreadyExists);
//! assert_eq!(status.message(), "Order o-17 exists already");
//!
//! use tonic_types::StatusExt;
//! let info = status.get_details_error_info().unwrap();
//! assert_eq!(info.reason, "ORDER_EXISTS");
//! assert_eq!(info.domain, "shop.example.com");
//! assert_eq!(info.metadata["order"], "o-17");
//! # }
//! ```
//!
//! [tonic-types]: https://docs.rs/tonic-types
//! [`Descriptor::rpc_code`]: crate::Descriptor::rpc_code
//! [`ApiError`]: crate::ApiError

// The statuses are made by the serving layer (serving/grpc.rs, re-exported
// here); this module adds the way back, a decoder (`Grpc::decode_status`,
// an inherent impl here), and so is the public face of both, in the
// tooling layer.

pub use crate::serving::grpc::*;

use crate::decode::{decode_parts, Decode, DecodeError, Decoded, Parts};
use serde_json::{Map, Value};
use tonic::Status;
use tonic_types::StatusExt;

impl Grpc {
    /// A status back into `E`: the code from `ErrorInfo.reason`, the fields
    /// from its metadata, the validation list from `BadRequest`, as
    /// [`Decode::decode`](crate::decode::Decode::decode) reads an AIP-193 body. A status
    /// without an `ErrorInfo`, or whose details do not decode, is
    /// [`DecodeError::NotAnError`]; a reason the type does not know is
    /// [`Decoded::Unknown`].
    pub fn decode_status<E: Decode>(status: &Status) -> Result<Decoded<E>, DecodeError> {
        let details = status
            .check_error_details()
            .map_err(|_| DecodeError::NotAnError)?;
        let info = details.error_info().ok_or(DecodeError::NotAnError)?;
        let metadata: Map<String, Value> = info
            .metadata
            .iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect();
        let violations = details.bad_request().map(|bad| {
            Value::Array(
                bad.field_violations
                    .iter()
                    .map(|v| {
                        serde_json::json!({
                            "field": v.field,
                            "description": v.description,
                            "reason": v.reason,
                        })
                    })
                    .collect(),
            )
        });
        decode_parts(Parts {
            code: Some(info.reason.clone()),
            status: Grpc::http_status(status.code()),
            message: Some(status.message().to_owned()),
            details: Some(metadata),
            strings: true,
            kind: None,
            violations,
        })
    }
}

/// A status back into `E`.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::grpc::Grpc::decode_status`"
)]
pub fn decode_status<E: Decode>(status: &Status) -> Result<Decoded<E>, DecodeError> {
    Grpc::decode_status(status)
}
