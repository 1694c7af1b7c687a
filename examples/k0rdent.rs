//! The k0rdent API's common error codes as one `ApiError` enum.
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

use apierror::ApiError;

/// Errors of the k0rdent API, as sent in `error.code`.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
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
    print_catalog(K0rdentError::CATALOG);

    show(&K0rdentError::NotFound {
        resource: "server".into(),
        id: "srv-42".into(),
    });
    show(&K0rdentError::InvalidStateTransition {
        from: "provisioned".into(),
        to: "provisioning".into(),
    });
    show(&K0rdentError::PoolCapacityExceeded {
        pool: "gpu-h100".into(),
        requested: 8,
        available: 3,
    });
}

/// Prints every code of a catalog as an aligned table, in declaration order.
fn print_catalog(catalog: &'static apierror::Catalog) {
    let code_width = catalog.iter().map(|d| d.code().len()).max().unwrap_or(0);
    let variant_width = catalog.iter().map(|d| d.variant().len()).max().unwrap_or(0);
    println!(
        "{:<code_width$}  STATUS  {:<variant_width$}  MESSAGE",
        "CODE", "VARIANT"
    );
    for d in catalog.iter() {
        println!(
            "{:<code_width$}  {:<6}  {:<variant_width$}  {}",
            d.code(),
            d.status().as_u16(),
            d.variant(),
            d.message()
        );
    }
    println!("{} codes\n", catalog.len());
}

/// Prints one error the way the API sends it: status, code and JSON body.
fn show<E: ApiError>(err: &E) {
    let body = apierror::json::to_string(err).expect("error renders as JSON");
    println!("HTTP {} {}", err.status().as_u16(), err.code());
    println!("{body}\n");
}
