//! Seed 001 (LLM gateway): the catalog of `examples/llm_gateway.rs` against the
//! seed's "Application Errors" tables, and the documented rate-limit error.

#[allow(dead_code)]
#[path = "../examples/llm_gateway.rs"]
mod catalog;

use apierror::ApiError;
use catalog::GatewayError;
use serde_json::{json, Value};

/// (code, status, variant, message, description): the seed's error message,
/// HTTP code and cause; codes derived from the variant names.
#[rustfmt::skip]
const SEED: &[(&str, u16, &str, &str, &str)] = &[
    ("INVALID_API_KEY", 401, "InvalidApiKey", "invalid api key", "API key not in config"),
    ("API_KEY_NOT_FOUND", 401, "ApiKeyNotFound", "api key not found", "Key doesn't exist"),
    ("PROVIDER_NOT_ALLOWED", 403, "ProviderNotAllowed", "provider not allowed", "Key restricted from provider"),
    ("MODEL_NOT_FOUND", 404, "ModelNotFound", "model not found", "Invalid model name"),
    ("RATE_LIMIT_EXCEEDED", 429, "RateLimitExceeded", "rate limit exceeded", "Too many requests"),
    ("TOKEN_LIMIT_EXCEEDED", 429, "TokenLimitExceeded", "token limit exceeded", "Too many tokens used"),
    ("SESSION_LIMIT_EXCEEDED", 429, "SessionLimitExceeded", "session limit exceeded", "Session quota reached"),
    ("PROVIDER_ERROR", 500, "ProviderError", "provider error", "Provider API failed"),
    ("INVALID_PROVIDER_RESPONSE", 500, "InvalidProviderResponse", "invalid provider response", "Unexpected API response"),
    ("PROVIDER_TIMEOUT", 504, "ProviderTimeout", "provider timeout", "Provider slow/unavailable"),
    ("CONFIG_VALIDATION_FAILED", 500, "ConfigValidationFailed", "config validation failed", "Invalid config on startup"),
    ("MISSING_REQUIRED_FIELD", 500, "MissingRequiredField", "missing required field", "Required config missing"),
    ("INVALID_CONFIG_FORMAT", 500, "InvalidConfigFormat", "invalid config format", "YAML syntax error"),
];

/// The seed's "Error Response Format" example, verbatim.
const SEED_RATE_LIMIT_JSON: &str = r#"
{
  "error": {
    "message": "rate limit exceeded",
    "type": "rate_limit_error",
    "code": 429,
    "details": {
      "retry_after": 60,
      "limit": 200,
      "remaining": 0
    }
  }
}
"#;

fn render<E: ApiError>(err: &E) -> Value {
    let bytes = apierror::json::to_vec(err).expect("error renders as JSON");
    serde_json::from_slice(&bytes).expect("rendered JSON parses")
}

fn rate_limited() -> GatewayError {
    GatewayError::RateLimitExceeded {
        retry_after: 60,
        limit: 200,
        remaining: 0,
    }
}

#[test]
fn catalog_matches_seed_in_declaration_order() {
    let catalog = GatewayError::CATALOG;
    assert_eq!(catalog.len(), 13);
    assert_eq!(catalog.iter().count(), SEED.len());
    for (d, &(code, status, variant, message, description)) in catalog.iter().zip(SEED) {
        assert_eq!(d.code(), code);
        assert_eq!(d.status().as_u16(), status, "{code}: status");
        assert_eq!(d.variant(), variant, "{code}: variant");
        assert_eq!(d.message(), message, "{code}: message");
        assert_eq!(d.description(), description, "{code}: description");
        assert_eq!(catalog.find(code).map(|f| f.variant()), Some(variant));
    }
    let details: Vec<&str> = catalog
        .iter()
        .filter(|d| d.has_details())
        .map(|d| d.code())
        .collect();
    assert_eq!(details, ["RATE_LIMIT_EXCEEDED"]);
}

#[test]
fn rate_limit_renders_the_seed_message_and_details() {
    let seed: Value = serde_json::from_str(SEED_RATE_LIMIT_JSON).unwrap();
    let rendered = render(&rate_limited());
    let error = &rendered["error"];
    assert_eq!(error["code"], "RATE_LIMIT_EXCEEDED");
    assert_eq!(error["message"], seed["error"]["message"]);
    assert_eq!(error["details"], seed["error"]["details"]);
    // The seed's `type` and numeric `code` are not part of the standard envelope.
    assert_eq!(
        rendered,
        json!({"error": {
            "code": "RATE_LIMIT_EXCEEDED",
            "message": "rate limit exceeded",
            "details": {"retry_after": 60, "limit": 200, "remaining": 0}
        }})
    );
    assert_eq!(
        GatewayError::CATALOG
            .find("RATE_LIMIT_EXCEEDED")
            .unwrap()
            .fields(),
        ["retry_after", "limit", "remaining"]
    );
}

#[test]
fn retry_after_comes_from_the_field() {
    let err = rate_limited();
    assert_eq!(err.retry_after(), Some(60));
    assert_eq!(err.status().as_u16(), 429);
    let other = GatewayError::RateLimitExceeded {
        retry_after: 7,
        limit: 200,
        remaining: 0,
    };
    assert_eq!(other.retry_after(), Some(7));
    assert_eq!(GatewayError::TokenLimitExceeded.retry_after(), None);

    let response = apierror::response::to_response(&err);
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(response.headers()["retry-after"], "60");
}

#[test]
fn unit_variants_have_no_details() {
    let rendered = render(&GatewayError::ProviderTimeout);
    assert_eq!(
        rendered,
        json!({"error": {"code": "PROVIDER_TIMEOUT", "message": "provider timeout"}})
    );
    assert_eq!(
        GatewayError::ProviderTimeout.to_string(),
        "provider timeout"
    );
}
