//! Reference 001 (LLM gateway): the catalog of `examples/llm_gateway.rs` against the
//! published reference's "Application Errors" tables, and golden tests of its OpenAI-style
//! "Error Response Format".

use crate::common;
#[allow(dead_code)]
use crate::services::llm_gateway as catalog;

use apierror::ApiError;
use catalog::GatewayError;
use common::{compact, parse, render};
use serde_json::json;

/// (code, status, variant, message, description): the published reference's error message,
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

/// The published reference's "Error Response Format" example, verbatim.
const PUBLISHED_RATE_LIMIT_JSON: &str = r#"
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

/// (code, OpenAI `type`, numeric `code`) of every variant, in catalog order.
#[rustfmt::skip]
const TYPES: &[(&str, &str, u16)] = &[
    ("INVALID_API_KEY", "authentication_error", 401),
    ("API_KEY_NOT_FOUND", "authentication_error", 401),
    ("PROVIDER_NOT_ALLOWED", "permission_error", 403),
    ("MODEL_NOT_FOUND", "not_found_error", 404),
    ("RATE_LIMIT_EXCEEDED", "rate_limit_error", 429),
    ("TOKEN_LIMIT_EXCEEDED", "rate_limit_error", 429),
    ("SESSION_LIMIT_EXCEEDED", "rate_limit_error", 429),
    ("PROVIDER_ERROR", "api_error", 500),
    ("INVALID_PROVIDER_RESPONSE", "api_error", 500),
    ("PROVIDER_TIMEOUT", "api_error", 504),
    ("CONFIG_VALIDATION_FAILED", "api_error", 500),
    ("MISSING_REQUIRED_FIELD", "api_error", 500),
    ("INVALID_CONFIG_FORMAT", "api_error", 500),
];

/// One value of every variant, in declaration order.
fn every_variant() -> Vec<GatewayError> {
    vec![
        GatewayError::InvalidApiKey,
        GatewayError::ApiKeyNotFound,
        GatewayError::ProviderNotAllowed,
        GatewayError::ModelNotFound,
        rate_limited(),
        GatewayError::TokenLimitExceeded,
        GatewayError::SessionLimitExceeded,
        GatewayError::ProviderError,
        GatewayError::InvalidProviderResponse,
        GatewayError::ProviderTimeout,
        GatewayError::ConfigValidationFailed,
        GatewayError::MissingRequiredField,
        GatewayError::InvalidConfigFormat,
    ]
}

fn rate_limited() -> GatewayError {
    GatewayError::RateLimitExceeded {
        retry_after: 60,
        limit: 200,
        remaining: 0,
    }
}

#[test]
fn catalog_matches_published_in_declaration_order() {
    let catalog = GatewayError::CATALOG;
    assert_eq!(catalog.len(), 13);
    common::assert_catalog(catalog, SEED);
    let details: Vec<&str> = catalog
        .iter()
        .filter(|d| d.has_details())
        .map(|d| d.code())
        .collect();
    assert_eq!(details, ["RATE_LIMIT_EXCEEDED"]);
}

#[test]
fn renders_the_published_example_exactly() {
    let err = rate_limited();
    let body = apierror::Render::new(&err).to_vec().unwrap();
    let rendered: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(rendered, parse(PUBLISHED_RATE_LIMIT_JSON));
    // Byte for byte, so in the published reference's key order too.
    assert_eq!(
        std::str::from_utf8(&body).unwrap(),
        compact(PUBLISHED_RATE_LIMIT_JSON)
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
fn every_variant_has_its_type_and_numeric_code() {
    let errors = every_variant();
    let codes: Vec<&str> = errors.iter().map(|e| e.code()).collect();
    let catalog: Vec<&str> = GatewayError::CATALOG.iter().map(|d| d.code()).collect();
    assert_eq!(codes, catalog, "one value per variant");
    assert_eq!(errors.len(), TYPES.len());
    for (err, &(code, kind, status)) in errors.iter().zip(TYPES) {
        assert_eq!(err.code(), code);
        // Declared on the variant, not derived from the status.
        assert_eq!(err.descriptor().kind(), Some(kind), "{code}: kind");
        let rendered = render(err);
        let error = rendered["error"].as_object().unwrap();
        assert_eq!(error["type"], kind, "{code}: type");
        assert_eq!(error["code"], json!(status), "{code}: numeric code");
        assert!(error["code"].is_u64(), "{code}: code is a number");
        assert_eq!(error["message"], err.descriptor().template(), "{code}");
        let keys: Vec<&str> = error.keys().map(String::as_str).collect();
        if err.descriptor().has_details() {
            assert_eq!(keys, ["code", "details", "message", "type"], "{code}");
        } else {
            assert_eq!(keys, ["code", "message", "type"], "{code}");
        }
        assert_eq!(
            rendered.as_object().unwrap().len(),
            1,
            "{code}: only `error`"
        );
        assert_eq!(err.status().as_u16(), status, "{code}: HTTP status");
    }
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

    let response = apierror::Render::new(&err).to_response();
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(response.headers()["retry-after"], "60");
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(
        std::str::from_utf8(response.body()).unwrap(),
        compact(PUBLISHED_RATE_LIMIT_JSON),
        "the response body is the published reference's example"
    );
}

#[test]
fn unit_variants_have_no_details() {
    assert_eq!(
        apierror::Render::new(&GatewayError::ProviderTimeout)
            .to_string()
            .unwrap(),
        r#"{"error":{"message":"provider timeout","type":"api_error","code":504}}"#
    );
    assert_eq!(
        GatewayError::ProviderTimeout.to_string(),
        "provider timeout"
    );
}

#[test]
fn other_formats_at_run_time() {
    // The string code, absent from the OpenAI style, is in the standard format.
    let standard = apierror::Render::new(&rate_limited())
        .format(&apierror::format::Standard)
        .to_string()
        .unwrap();
    assert_eq!(
        standard,
        r#"{"error":{"code":"RATE_LIMIT_EXCEEDED","message":"rate limit exceeded","details":{"retry_after":60,"limit":200,"remaining":0}}}"#
    );
    // The OpenAI style has no place for a request id: the context is ignored.
    let with_context = apierror::Render::new(&rate_limited())
        .context(apierror::format::Context::new().with_request_id("req_123456"))
        .to_string()
        .unwrap();
    assert_eq!(with_context, compact(PUBLISHED_RATE_LIMIT_JSON));
}
