//! The application errors of an LLM gateway (coo-llm) as one `ApiError` enum.
//!
//! The gateway's documentation lists error messages and HTTP statuses but no
//! machine-readable codes, so the codes are derived from the variant names with
//! `code = "SCREAMING_SNAKE_CASE"` (`RateLimitExceeded` -> `RATE_LIMIT_EXCEEDED`).
//! `RateLimitExceeded` carries the details of the documented JSON example, and its
//! `retry_after` field also feeds the `Retry-After` header.
//!
//! Run it with:
//!
//! ```text
//! cargo run --example llm_gateway
//! ```

use apierror::ApiError;

/// Errors returned by the gateway's HTTP API.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum GatewayError {
    // ---- Authentication & Authorization -----------------------------------
    /// API key not in config
    #[status(401)]
    #[message("invalid api key")]
    InvalidApiKey,

    /// Key doesn't exist
    #[status(401)]
    #[message("api key not found")]
    ApiKeyNotFound,

    /// Key restricted from provider
    #[status(403)]
    #[message("provider not allowed")]
    ProviderNotAllowed,

    /// Invalid model name
    #[status(404)]
    #[message("model not found")]
    ModelNotFound,

    // ---- Rate Limiting ----------------------------------------------------
    /// Too many requests
    #[status(429)]
    #[message("rate limit exceeded")]
    RateLimitExceeded {
        /// Seconds to wait before retrying; also sent as `Retry-After`.
        #[api_error(retry_after)]
        retry_after: u64,
        /// Requests allowed per window.
        limit: u32,
        /// Requests left in the current window.
        remaining: u32,
    },

    /// Too many tokens used
    #[status(429)]
    #[message("token limit exceeded")]
    TokenLimitExceeded,

    /// Session quota reached
    #[status(429)]
    #[message("session limit exceeded")]
    SessionLimitExceeded,

    // ---- Provider Errors --------------------------------------------------
    /// Provider API failed
    #[status(500)]
    #[message("provider error")]
    ProviderError,

    /// Unexpected API response
    #[status(500)]
    #[message("invalid provider response")]
    InvalidProviderResponse,

    /// Provider slow/unavailable
    #[status(504)]
    #[message("provider timeout")]
    ProviderTimeout,

    // ---- Configuration Errors ---------------------------------------------
    /// Invalid config on startup
    #[status(500)]
    #[message("config validation failed")]
    ConfigValidationFailed,

    /// Required config missing
    #[status(500)]
    #[message("missing required field")]
    MissingRequiredField,

    /// YAML syntax error
    #[status(500)]
    #[message("invalid config format")]
    InvalidConfigFormat,
}

fn main() {
    print_catalog(GatewayError::CATALOG);

    let limited = GatewayError::RateLimitExceeded {
        retry_after: 60,
        limit: 200,
        remaining: 0,
    };
    show(&limited);
    println!("Retry-After: {:?}\n", limited.retry_after());

    show(&GatewayError::ProviderNotAllowed);
    show(&GatewayError::ProviderTimeout);
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
