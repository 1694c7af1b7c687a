//! The k0rdent API's common error codes as one `ApiError` enum, rendered as the
//! API's discriminated union.
//!
//! `#[api_error(format = "tagged")]` gives every error body the shape clients
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

use apierror::format::Context;
use apierror::http::StatusCode;
use apierror::{ApiError, Bulk, Render};

/// Errors of the k0rdent API, as sent in `error.code`.
///
/// The k0rdent API uses standard HTTP status codes and structured error responses to
/// communicate failures clearly.
///
/// # Key Patterns
///
/// - Use 202 Accepted for all async operations (BMC, K8s interactions)
/// - Use 207 Multi-Status for all batch operations (indicates partial success possible)
/// - Use 409 Conflict for invalid state transitions (e.g., provisioning an already-provisioned server)
/// - Always include error codes in response body, not just HTTP status
///
/// # Bulk Operation Errors
///
/// Bulk operations use 207 Multi-Status with per-resource error details.
///
/// Note: Bulk operations always return success: true at the top level, with per-resource status
/// in the results array.
///
/// # Error Handling Best Practices
///
/// ## For API Consumers
///
/// - Check the success field - Use TypeScript discriminated unions for type safety
/// - Log requestId - Always log the request ID for debugging
/// - Handle specific error codes - Don't rely solely on HTTP status codes
/// - Parse details field - Provides additional context for validation errors
/// - Implement retries - For 500 and 429 errors with exponential backoff
///
/// # Typed Error Classes
///
/// The k0rdent API implementation uses typed error classes for consistency;
/// each code below names its own.
///
/// - `AppError`: Base error class for all application errors
///
/// # Rate Limiting
///
/// Rate limit errors return 429 Too Many Requests with a Retry-After header indicating when to
/// retry.
///
/// Check the Retry-After response header for the recommended retry delay in seconds.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = "tagged", class = "AppError")]
#[api_error(
    status_doc(200, "Success (GET, PATCH, DELETE)"),
    status_doc(201, "Created (POST that creates resource)"),
    status_doc(202, "Accepted (async operation started)"),
    status_doc(204, "No Content (DELETE with no body)"),
    status_doc(207, "Multi-Status (bulk operations)"),
    status_doc(400, "Bad Request (validation error)"),
    status_doc(401, "Unauthorized (no/invalid auth)"),
    status_doc(403, "Forbidden (valid auth, no permission)"),
    status_doc(404, "Not Found"),
    status_doc(409, "Conflict (resource state conflict)"),
    status_doc(422, "Unprocessable Entity (semantic error)"),
    status_doc(429, "Too Many Requests (rate limited)"),
    status_doc(500, "Internal Server Error")
)]
pub enum K0rdentError {
    /// Request validation failed
    ///
    /// Used for request validation failures.
    #[status(400)]
    #[message("Request validation failed")]
    #[api_error(class = "ValidationError")]
    ValidationError {
        /// Field name -> what is wrong with it.
        fields: BTreeMap<String, String>,
    },

    /// Resource not found
    ///
    /// Used when a resource cannot be found.
    #[status(404)]
    #[message("Resource not found")]
    #[api_error(class = "NotFoundError")]
    NotFound { resource: String, id: String },

    /// Insufficient permissions
    ///
    /// Used when the user lacks permission.
    #[status(403)]
    #[message("Insufficient permissions")]
    #[api_error(class = "ForbiddenError")]
    Forbidden,

    /// Invalid or missing authentication
    #[status(401)]
    #[message("Invalid or missing authentication")]
    Unauthorized,

    /// Resource state conflict
    ///
    /// Used for resource state conflicts.
    #[status(409)]
    #[message("Resource state conflict")]
    #[api_error(class = "ConflictError")]
    Conflict,

    /// Cannot transition resource to target state
    ///
    /// Used for invalid state transitions.
    #[status(409)]
    #[message("Cannot transition resource to target state")]
    #[api_error(class = "InvalidStateTransitionError")]
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
    let body = apierror::Render::new(err)
        .to_string()
        .expect("error renders as JSON");
    println!("HTTP {} {}\n{body}\n", err.status().as_u16(), err.code());
}
