//! The application errors of an LLM gateway (coo-llm) as one `ApiError` enum,
//! rendered in the gateway's OpenAI-style format.
//!
//! `#[api_error(format = "openai")]` makes every response body look like the
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
//! such as `apierror::format::Standard`, where they are.
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
///
/// Complete reference of error codes and troubleshooting steps.
///
/// # Common Issues & Solutions
///
/// ## Connection Issues
///
/// **Problem**: `connection refused`
/// ```text
/// Failed to connect to provider API
/// ```
///
/// **Solutions**:
/// - Check network connectivity
/// - Verify provider API endpoints
/// - Check firewall/proxy settings
/// - Test with `curl https://api.openai.com`
///
/// ## Configuration Issues
///
/// **Problem**: Server won't start
/// ```text
/// config validation failed: missing admin_api_key
/// ```
///
/// **Solutions**:
/// - Add required fields to config
/// - Check YAML syntax
/// - Validate environment variables
/// - Use `coo-llm --config config.yaml --validate`
///
/// ## Performance Issues
///
/// **Problem**: High latency
/// ```text
/// Request taking >10 seconds
/// ```
///
/// **Solutions**:
/// - Check provider API status
/// - Monitor server resources (CPU, memory)
/// - Switch to different provider
/// - Enable caching in config
///
/// ## Memory Issues
///
/// **Problem**: Out of memory
/// ```text
/// runtime: out of memory: cannot allocate ...
/// ```
///
/// **Solutions**:
/// - Switch storage from `sql` to `redis`
/// - Reduce cache TTL
/// - Monitor goroutine leaks
/// - Increase container memory limits
///
/// # Logging Error Details
///
/// Enable debug logging for detailed error information:
///
/// ```yaml
/// logging:
///   level: "debug"
/// ```
///
/// Logs include:
/// - Request ID for tracing
/// - Stack traces for panics
/// - Provider response details
/// - Rate limit counters
///
/// # Monitoring Errors
///
/// ## Prometheus Metrics
///
/// ```promql
/// # Error rate by provider
/// rate(coo_llm_errors_total[5m]) / rate(coo_llm_requests_total[5m])
///
/// # Errors by type
/// coo_llm_errors_total{type="rate_limit"}
///
/// # Error rate over time
/// increase(coo_llm_errors_total[1h])
/// ```
///
/// ## Alerting
///
/// Recommended alerts:
/// ```yaml
/// - alert: HighErrorRate
///   expr: rate(coo_llm_errors_total[5m]) / rate(coo_llm_requests_total[5m]) > 0.1
///   for: 5m
///
/// - alert: ProviderDown
///   expr: up{job="coo-llm"} == 0
///   for: 1m
/// ```
///
/// # Getting Support
///
/// For persistent errors:
///
/// 1. **Collect diagnostics**:
///    - Full error logs
///    - Config file (redact secrets)
///    - System info: `go version`, `uname -a`
///
/// 2. **Test isolation**:
///    - Try with minimal config
///    - Test provider APIs directly
///    - Check network connectivity
///
/// 3. **Report issues**:
///    - GitHub Issues with reproduction steps
///    - Include error logs and config samples
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = "openai")]
#[api_error(
    category(name = "auth", title = "Authentication & Authorization"),
    category(name = "rate_limit", title = "Rate Limiting"),
    category(name = "provider", title = "Provider Errors"),
    category(name = "config", title = "Configuration Errors")
)]
#[api_error(
    status_doc(200, "Request successful"),
    status_doc(201, "Resource created"),
    status_doc(400, "Invalid request format", "Check JSON syntax, required fields"),
    status_doc(401, "Invalid API key", "Verify `Authorization: Bearer <key>` header"),
    status_doc(403, "Provider not allowed", "Check `allowed_providers` in config"),
    status_doc(404, "Endpoint/model not found", "Verify URL and model name"),
    status_doc(429, "Rate limit exceeded", "Wait and retry with backoff"),
    status_doc(500, "Server error", "Check server logs"),
    status_doc(502, "Provider API error", "Check provider status"),
    status_doc(503, "Server overloaded", "Wait and retry"),
    status_doc(504, "Request timeout", "Increase timeout, check network")
)]
pub enum GatewayError {
    // ---- Authentication & Authorization -----------------------------------
    /// API key not in config
    ///
    /// # Causes
    /// - API key not in config
    ///
    /// # Solution
    /// Add key to `api_keys` section
    #[status(401)]
    #[message("invalid api key")]
    #[api_error(kind = "authentication_error")]
    #[api_error(category = "auth")]
    InvalidApiKey,

    /// Key doesn't exist
    ///
    /// # Causes
    /// - Key doesn't exist
    ///
    /// # Solution
    /// Check key spelling
    #[status(401)]
    #[message("api key not found")]
    #[api_error(kind = "authentication_error")]
    #[api_error(category = "auth")]
    ApiKeyNotFound,

    /// Key restricted from provider
    ///
    /// # Causes
    /// - Key restricted from provider
    ///
    /// # Solution
    /// Update `allowed_providers`
    #[status(403)]
    #[message("provider not allowed")]
    #[api_error(kind = "permission_error")]
    #[api_error(category = "auth")]
    ProviderNotAllowed,

    /// Invalid model name
    ///
    /// # Causes
    /// - Invalid model name
    ///
    /// # Solution
    /// Use `provider:model` format
    #[status(404)]
    #[message("model not found")]
    #[api_error(kind = "not_found_error")]
    #[api_error(category = "auth")]
    ModelNotFound,

    // ---- Rate Limiting ----------------------------------------------------
    /// Too many requests
    ///
    /// # Causes
    /// - Too many requests
    ///
    /// # Solution
    /// Wait, reduce request rate
    #[status(429)]
    #[message("rate limit exceeded")]
    #[api_error(kind = "rate_limit_error")]
    #[api_error(category = "rate_limit")]
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
    ///
    /// # Causes
    /// - Too many tokens used
    ///
    /// # Solution
    /// Check usage, add more keys
    #[status(429)]
    #[message("token limit exceeded")]
    #[api_error(kind = "rate_limit_error")]
    #[api_error(category = "rate_limit")]
    TokenLimitExceeded,

    /// Session quota reached
    ///
    /// # Causes
    /// - Session quota reached
    ///
    /// # Solution
    /// Wait for session reset
    #[status(429)]
    #[message("session limit exceeded")]
    #[api_error(kind = "rate_limit_error")]
    #[api_error(category = "rate_limit")]
    SessionLimitExceeded,

    // ---- Provider Errors --------------------------------------------------
    // A failing upstream provider is `api_error`, the type OpenAI and Anthropic
    // give server-side failures, rather than a gateway-specific
    // `provider_error` that OpenAI-compatible clients would not recognise.
    /// Provider API failed
    ///
    /// # Causes
    /// - Provider API failed
    ///
    /// # Solution
    /// Check provider status page
    #[status(500)]
    #[message("provider error")]
    #[api_error(kind = "api_error")]
    #[api_error(category = "provider")]
    ProviderError,

    /// Unexpected API response
    ///
    /// # Causes
    /// - Unexpected API response
    ///
    /// # Solution
    /// Update provider integration
    #[status(500)]
    #[message("invalid provider response")]
    #[api_error(kind = "api_error")]
    #[api_error(category = "provider")]
    InvalidProviderResponse,

    /// Provider slow/unavailable
    ///
    /// # Causes
    /// - Provider slow/unavailable
    ///
    /// # Solution
    /// Switch providers, increase timeout
    #[status(504)]
    #[message("provider timeout")]
    #[api_error(kind = "api_error")]
    #[api_error(category = "provider")]
    ProviderTimeout,

    // ---- Configuration Errors ---------------------------------------------
    // The gateway's own misconfiguration: also `api_error`.
    /// Invalid config on startup
    ///
    /// # Causes
    /// - Invalid config on startup
    ///
    /// # Solution
    /// Fix config, restart
    #[status(500)]
    #[message("config validation failed")]
    #[api_error(kind = "api_error")]
    #[api_error(category = "config")]
    ConfigValidationFailed,

    /// Required config missing
    ///
    /// # Causes
    /// - Required config missing
    ///
    /// # Solution
    /// Add missing fields
    #[status(500)]
    #[message("missing required field")]
    #[api_error(kind = "api_error")]
    #[api_error(category = "config")]
    MissingRequiredField,

    /// YAML syntax error
    ///
    /// # Causes
    /// - YAML syntax error
    ///
    /// # Solution
    /// Validate YAML
    #[status(500)]
    #[message("invalid config format")]
    #[api_error(kind = "api_error")]
    #[api_error(category = "config")]
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

    // The same error in the standard format, which carries the string code.
    let standard = apierror::Render::new(&limited)
        .format(&apierror::format::Standard)
        .to_string()
        .expect("error renders as JSON");
    println!("In the standard format:\n{standard}");
}

/// Prints one error the way the API sends it: status, code and JSON body.
fn show<E: ApiError>(err: &E) {
    let body = apierror::Render::new(err)
        .to_string()
        .expect("error renders as JSON");
    println!("HTTP {} {}\n{body}\n", err.status().as_u16(), err.code());
}
