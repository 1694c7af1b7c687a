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
