//! Seed 003 (k0rdent): the catalog of `examples/k0rdent.rs` against the seed's
//! "Common Error Codes" table.

#[allow(dead_code)]
#[path = "../examples/k0rdent.rs"]
mod catalog;

use apierror::ApiError;
use catalog::K0rdentError;
use serde_json::{json, Value};

/// (code, status, variant, message, description), as in the seed's table.
#[rustfmt::skip]
const SEED: &[(&str, u16, &str, &str, &str)] = &[
    ("VALIDATION_ERROR", 400, "ValidationError", "Request validation failed", "Request validation failed"),
    ("NOT_FOUND", 404, "NotFound", "Resource not found", "Resource not found"),
    ("FORBIDDEN", 403, "Forbidden", "Insufficient permissions", "Insufficient permissions"),
    ("UNAUTHORIZED", 401, "Unauthorized", "Invalid or missing authentication", "Invalid or missing authentication"),
    ("CONFLICT", 409, "Conflict", "Resource state conflict", "Resource state conflict"),
    ("INVALID_STATE_TRANSITION", 409, "InvalidStateTransition", "Cannot transition resource to target state", "Cannot transition resource to target state"),
    ("POOL_CAPACITY_EXCEEDED", 409, "PoolCapacityExceeded", "Not enough resources in pool", "Not enough resources in pool"),
    ("QUOTA_EXCEEDED", 403, "QuotaExceeded", "Organization quota exceeded", "Organization quota exceeded"),
    ("BMC_CONNECTION_FAILED", 500, "BmcConnectionFailed", "Cannot connect to BMC", "Cannot connect to BMC"),
    ("INTERNAL_ERROR", 500, "InternalError", "Unexpected server error", "Unexpected server error"),
];

fn render<E: ApiError>(err: &E) -> Value {
    let bytes = apierror::json::to_vec(err).expect("error renders as JSON");
    serde_json::from_slice(&bytes).expect("rendered JSON parses")
}

#[test]
fn catalog_matches_seed_in_declaration_order() {
    let catalog = K0rdentError::CATALOG;
    assert_eq!(catalog.len(), 10);
    assert_eq!(catalog.iter().count(), SEED.len());
    for (d, &(code, status, variant, message, description)) in catalog.iter().zip(SEED) {
        assert_eq!(d.code(), code);
        assert_eq!(d.status().as_u16(), status, "{code}: status");
        assert_eq!(d.variant(), variant, "{code}: variant");
        assert_eq!(d.message(), message, "{code}: message");
        assert_eq!(d.description(), description, "{code}: description");
        assert_eq!(catalog.find(code).map(|f| f.variant()), Some(variant));
    }
    assert!(catalog.retired().is_empty());
    assert!(catalog.categories().is_empty());
    assert_eq!(catalog.pattern(), None);
}

#[test]
fn renders_standard_envelope() {
    let err = K0rdentError::InvalidStateTransition {
        from: "provisioned".into(),
        to: "provisioning".into(),
    };
    assert_eq!(
        render(&err),
        json!({"error": {
            "code": "INVALID_STATE_TRANSITION",
            "message": "Cannot transition resource to target state",
            "details": {"from": "provisioned", "to": "provisioning"}
        }})
    );
    assert_eq!(
        err.to_string(),
        "Cannot transition resource to target state"
    );

    let forbidden = render(&K0rdentError::Forbidden);
    assert_eq!(
        forbidden,
        json!({"error": {"code": "FORBIDDEN", "message": "Insufficient permissions"}})
    );
}

#[test]
fn response_carries_the_status() {
    let err = K0rdentError::PoolCapacityExceeded {
        pool: "gpu-h100".into(),
        requested: 8,
        available: 3,
    };
    let response = apierror::response::to_response(&err);
    assert_eq!(response.status(), apierror::http::StatusCode::CONFLICT);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert!(response.headers().get("retry-after").is_none());
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["error"]["details"]["available"], 3);
}
