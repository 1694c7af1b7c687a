//! The application errors of an LLM gateway (coo-llm) as one `ApiError` enum,
//! rendered in the gateway's OpenAI-style format.
//!
//! `#[api_error(envelope = "openai")]` makes every response body look like the
//! documented example:
//!
//! ```json
//! {"error":{"message":"rate limit exceeded","type":"rate_limit_error","code":429,
//!   "details":{"retry_after":60,"limit":200,"remaining":0}}}
//! ```
//!
//! In this format `code` is the HTTP status as a number and `type` is the
//! variant's `#[api_error(kind = "...")]`. The kinds are the names OpenAI-style
//! APIs use (`authentication_error`, `permission_error`, `not_found_error`,
//! `rate_limit_error`, `api_error`); every variant states its kind, so the `type`
//! does not change if a status does.
//!
//! The documentation lists error messages and HTTP statuses but no
//! machine-readable codes, so the codes are derived from the variant names with
//! `code = "SCREAMING_SNAKE_CASE"` (`RateLimitExceeded` -> `RATE_LIMIT_EXCEEDED`).
//! They are in the catalog but not in the OpenAI-style body, which has no place
//! for them; `apierror::Render` can render the same error in another format,
//! such as `apierror::envelope::Standard`, where they are.
//! `RateLimitExceeded` carries the details of the documented JSON example, and
//! its `retry_after` field also feeds the `Retry-After` header.
//!
//! Run it with:
//!
//! ```text
//! cargo run --example llm_gateway
//! ```

use apierror::ApiError;

/// Errors returned by the gateway's HTTP API.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(code = "SCREAMING_SNAKE_CASE", envelope = "openai")]
pub enum GatewayError {
    // ---- Authentication & Authorization -----------------------------------
    /// API key not in config
    #[status(401)]
    #[message("invalid api key")]
    #[api_error(kind = "authentication_error")]
    InvalidApiKey,

    /// Key doesn't exist
    #[status(401)]
    #[message("api key not found")]
    #[api_error(kind = "authentication_error")]
    ApiKeyNotFound,

    /// Key restricted from provider
    #[status(403)]
    #[message("provider not allowed")]
    #[api_error(kind = "permission_error")]
    ProviderNotAllowed,

    /// Invalid model name
    #[status(404)]
    #[message("model not found")]
    #[api_error(kind = "not_found_error")]
    ModelNotFound,

    // ---- Rate Limiting ----------------------------------------------------
    /// Too many requests
    #[status(429)]
    #[message("rate limit exceeded")]
    #[api_error(kind = "rate_limit_error")]
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
    #[api_error(kind = "rate_limit_error")]
    TokenLimitExceeded,

    /// Session quota reached
    #[status(429)]
    #[message("session limit exceeded")]
    #[api_error(kind = "rate_limit_error")]
    SessionLimitExceeded,

    // ---- Provider Errors --------------------------------------------------
    // A failing upstream provider is `api_error`, the type OpenAI and Anthropic
    // give server-side failures, rather than a gateway-specific
    // `provider_error` that OpenAI-compatible clients would not recognise.
    /// Provider API failed
    #[status(500)]
    #[message("provider error")]
    #[api_error(kind = "api_error")]
    ProviderError,

    /// Unexpected API response
    #[status(500)]
    #[message("invalid provider response")]
    #[api_error(kind = "api_error")]
    InvalidProviderResponse,

    /// Provider slow/unavailable
    #[status(504)]
    #[message("provider timeout")]
    #[api_error(kind = "api_error")]
    ProviderTimeout,

    // ---- Configuration Errors ---------------------------------------------
    // The gateway's own misconfiguration: also `api_error`.
    /// Invalid config on startup
    #[status(500)]
    #[message("config validation failed")]
    #[api_error(kind = "api_error")]
    ConfigValidationFailed,

    /// Required config missing
    #[status(500)]
    #[message("missing required field")]
    #[api_error(kind = "api_error")]
    MissingRequiredField,

    /// YAML syntax error
    #[status(500)]
    #[message("invalid config format")]
    #[api_error(kind = "api_error")]
    InvalidConfigFormat,
}

fn main() {
    print!("{}", GatewayError::CATALOG);
    println!("{} codes\n", GatewayError::CATALOG.len());

    let limited = GatewayError::RateLimitExceeded {
        retry_after: 60,
        limit: 200,
        remaining: 0,
    };
    show(&limited);
    println!("Retry-After: {:?}\n", limited.retry_after());

    show(&GatewayError::ProviderNotAllowed);
    show(&GatewayError::ProviderTimeout);

    // The same error in the standard envelope, which carries the string code.
    let standard = apierror::Render::new(&limited)
        .format(&apierror::envelope::Standard)
        .to_string()
        .expect("error renders as JSON");
    println!("In the standard envelope:\n{standard}");
}

/// Prints one error the way the API sends it: status, code and JSON body.
fn show<E: ApiError>(err: &E) {
    let body = apierror::json::to_string(err).expect("error renders as JSON");
    println!("HTTP {} {}\n{body}\n", err.status().as_u16(), err.code());
}
