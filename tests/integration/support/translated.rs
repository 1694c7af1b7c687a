//! A translated catalog for the tests: Hexabase's resource errors, their
//! German and French messages in `locales/{de,fr}.toml`, and a
//! struct whose German table is in `locales/service/de.toml`.

use apierror::{ApiError, Violations};

/// Hexabase's resource errors, in English, German and French.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "RESOURCE_", decode)]
#[api_error(language = "en", locales("de", "fr"), translations = "locales")]
pub enum ResourceError {
    #[status(404)]
    #[message("Resource not found")]
    NotFound {
        resource_type: String,
        resource_id: String,
    },
    #[status(409)]
    #[message("Resource {value} already exists")]
    #[api_error(grpc = "ALREADY_EXISTS")]
    AlreadyExists {
        resource_type: String,
        value: String,
        /// Never in a body, in any language.
        #[api_error(internal)]
        owner: String,
    },
    #[status(422)]
    #[message("Resource limit of {limit} exceeded")]
    LimitExceeded { limit: u32, current: u32 },
    #[status(400)]
    #[message("Invalid request")]
    Invalid { violations: Violations },
    #[status(400)]
    #[message("Quoted {name}")]
    Quoted { name: String },
}

/// A struct: its one code; its table in `locales/service/de.toml`.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 429)]
#[api_error(language = "en", locales("de"), translations = "locales/service")]
#[message("Quota of {limit} requests exceeded; retry in {retry_after_secs} s")]
pub struct QuotaExceeded {
    pub limit: u32,
    #[api_error(retry_after)]
    pub retry_after_secs: u64,
}
