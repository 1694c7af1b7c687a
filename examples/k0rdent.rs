//! The k0rdent API's common error codes as one `ApiError` enum, rendered as the
//! API's discriminated union.
//!
//! `#[api_error(envelope = "tagged")]` gives every error body the shape clients
//! switch on, with the request id when the handler passes one in a
//! `Context`:
//!
//! ```json
//! {"success":false,"error":{"code":"NOT_FOUND","message":"Resource not found",
//!   "details":{"resource":"server","id":"srv-42"}},"requestId":"req_000042"}
//! ```
//!
//! Batch operations answer `207 Multi-Status` with `apierror::Bulk`:
//! `"success":true` at the top level and one result per item, failed items
//! carrying their error object.
//!
//! The codes (`VALIDATION_ERROR`, `NOT_FOUND`, ...) are derived from the variant
//! names with `code = "SCREAMING_SNAKE_CASE"`; statuses are the ones of the
//! documented table. The detail fields are illustrative: the documentation names
//! the error classes (`NotFoundError`, `InvalidStateTransitionError`, ...) but
//! not their payloads.
//!
//! The documentation also mentions 429 responses with a `Retry-After` header, but
//! gives them no error code, so there is no variant for them here.
//!
//! Run it with:
//!
//! ```text
//! cargo run --example k0rdent
//! ```

use std::collections::BTreeMap;

use apierror::envelope::Context;
use apierror::http::StatusCode;
use apierror::{ApiError, Bulk, Render};

/// Errors of the k0rdent API, as sent in `error.code`.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(code = "SCREAMING_SNAKE_CASE", envelope = "tagged")]
pub enum K0rdentError {
    /// Request validation failed
    #[status(400)]
    #[message("Request validation failed")]
    ValidationError {
        /// Field name -> what is wrong with it.
        fields: BTreeMap<String, String>,
    },

    /// Resource not found
    #[status(404)]
    #[message("Resource not found")]
    NotFound { resource: String, id: String },

    /// Insufficient permissions
    #[status(403)]
    #[message("Insufficient permissions")]
    Forbidden,

    /// Invalid or missing authentication
    #[status(401)]
    #[message("Invalid or missing authentication")]
    Unauthorized,

    /// Resource state conflict
    #[status(409)]
    #[message("Resource state conflict")]
    Conflict,

    /// Cannot transition resource to target state
    #[status(409)]
    #[message("Cannot transition resource to target state")]
    InvalidStateTransition { from: String, to: String },

    /// Not enough resources in pool
    #[status(409)]
    #[message("Not enough resources in pool")]
    PoolCapacityExceeded {
        pool: String,
        requested: u32,
        available: u32,
    },

    /// Organization quota exceeded
    #[status(403)]
    #[message("Organization quota exceeded")]
    QuotaExceeded,

    /// Cannot connect to BMC
    #[status(500)]
    #[message("Cannot connect to BMC")]
    BmcConnectionFailed,

    /// Unexpected server error
    #[status(500)]
    #[message("Unexpected server error")]
    InternalError,
}

fn main() {
    print!("{}", K0rdentError::CATALOG);
    println!("{} codes\n", K0rdentError::CATALOG.len());

    let not_found = K0rdentError::NotFound {
        resource: "server".into(),
        id: "srv-42".into(),
    };
    show(&not_found);
    show(&K0rdentError::InvalidStateTransition {
        from: "provisioned".into(),
        to: "provisioning".into(),
    });

    // With the request id, as a handler would send it.
    let body = Render::new(&not_found)
        .context(Context::new().with_request_id("req_000042"))
        .to_string()
        .expect("error renders as JSON");
    println!("With a request id:\n{body}\n");

    // A batch of three provisioning requests, one of which fails.
    let mut bulk = Bulk::new();
    let accepted = serde_json::json!({"state": "provisioning"});
    bulk.ok("srv-1", StatusCode::ACCEPTED, &accepted)
        .and_then(|()| bulk.ok("srv-2", StatusCode::ACCEPTED, &accepted))
        .and_then(|()| {
            bulk.error(
                "srv-3",
                &K0rdentError::PoolCapacityExceeded {
                    pool: "gpu-h100".into(),
                    requested: 8,
                    available: 3,
                },
            )
        })
        .expect("results render as JSON");
    let response = bulk.into_response();
    let body = String::from_utf8_lossy(response.body());
    println!("HTTP {} (bulk)\n{body}", response.status().as_u16());
}

/// Prints one error the way the API sends it: status, code and JSON body.
fn show<E: ApiError>(err: &E) {
    let body = apierror::json::to_string(err).expect("error renders as JSON");
    println!("HTTP {} {}\n{body}\n", err.status().as_u16(), err.code());
}
