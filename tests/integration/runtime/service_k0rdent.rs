//! Reference 003 (k0rdent): the catalog of `examples/k0rdent.rs` against the published reference's
//! "Common Error Codes" table, the discriminated union format and 207
//! Multi-Status bulk results.

use crate::common;
#[allow(dead_code)]
use crate::services::k0rdent as catalog;

use std::collections::BTreeMap;

use apierror::format::Context;
use apierror::http::StatusCode;
use apierror::{ApiError, Bulk, Render};
use catalog::K0rdentError;
use common::render;
use serde_json::{json, Value};

/// (code, status, variant, message, description), as in the published reference's table.
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

/// One value of every variant, in declaration order.
fn every_variant() -> Vec<K0rdentError> {
    vec![
        K0rdentError::ValidationError {
            fields: BTreeMap::from([("name".into(), "Name is required".into())]),
        },
        K0rdentError::NotFound {
            resource: "server".into(),
            id: "srv-42".into(),
        },
        K0rdentError::Forbidden,
        K0rdentError::Unauthorized,
        K0rdentError::Conflict,
        invalid_transition(),
        pool_exhausted(),
        K0rdentError::QuotaExceeded,
        K0rdentError::BmcConnectionFailed,
        K0rdentError::InternalError,
    ]
}

fn invalid_transition() -> K0rdentError {
    K0rdentError::InvalidStateTransition {
        from: "provisioned".into(),
        to: "provisioning".into(),
    }
}

fn pool_exhausted() -> K0rdentError {
    K0rdentError::PoolCapacityExceeded {
        pool: "gpu-h100".into(),
        requested: 8,
        available: 3,
    }
}

#[test]
fn catalog_matches_published_in_declaration_order() {
    let catalog = K0rdentError::CATALOG;
    assert_eq!(catalog.len(), 10);
    common::assert_catalog(catalog, SEED);
    assert!(catalog.retired().is_empty());
    assert!(catalog.categories().is_empty());
    assert_eq!(catalog.pattern(), None);
}

#[test]
fn renders_the_discriminated_union() {
    let err = invalid_transition();
    assert_eq!(
        apierror::Render::new(&err).to_string().unwrap(),
        r#"{"success":false,"error":{"code":"INVALID_STATE_TRANSITION","message":"Cannot transition resource to target state","details":{"from":"provisioned","to":"provisioning"}}}"#
    );
    assert_eq!(
        err.to_string(),
        "Cannot transition resource to target state"
    );

    let forbidden = render(&K0rdentError::Forbidden);
    assert_eq!(
        forbidden,
        json!({
            "success": false,
            "error": {"code": "FORBIDDEN", "message": "Insufficient permissions"}
        })
    );
}

#[test]
fn request_id_goes_to_the_top_level() {
    let err = invalid_transition();
    let context = Context::new()
        .with_request_id("req_123456")
        .with_timestamp("2024-01-20T10:00:00Z");
    let render = Render::new(&err).context(context);
    // `requestId` after `error`; the timestamp has no place in this shape.
    assert_eq!(
        render.to_string().unwrap(),
        r#"{"success":false,"error":{"code":"INVALID_STATE_TRANSITION","message":"Cannot transition resource to target state","details":{"from":"provisioned","to":"provisioning"}},"requestId":"req_123456"}"#
    );
    let response = render.to_response();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(response.headers()["x-request-id"], "req_123456");
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["requestId"], "req_123456");
    assert!(body["error"].get("request_id").is_none(), "only at the top");
}

#[test]
fn every_variant_is_a_failure_with_its_error_object() {
    let errors = every_variant();
    let codes: Vec<&str> = errors.iter().map(|e| e.code()).collect();
    let catalog: Vec<&str> = K0rdentError::CATALOG.iter().map(|d| d.code()).collect();
    assert_eq!(codes, catalog, "one value per variant");
    for err in &errors {
        let code = err.code();
        for (context, request_id) in [
            (Context::new(), None),
            (Context::new().with_request_id("req_1"), Some("req_1")),
        ] {
            let body: Value =
                serde_json::from_slice(&Render::new(err).context(context).to_vec().unwrap())
                    .unwrap();
            let top = body.as_object().unwrap();
            assert_eq!(top["success"], false, "{code}");
            assert_eq!(top.get("requestId").and_then(Value::as_str), request_id);
            assert_eq!(top.len(), 2 + usize::from(request_id.is_some()), "{code}");
            let error = top["error"].as_object().unwrap();
            assert_eq!(error["code"], code);
            assert_eq!(error["message"], err.descriptor().template(), "{code}");
            assert_eq!(
                error.contains_key("details"),
                err.descriptor().has_details(),
                "{code}"
            );
            assert_eq!(error.len(), 2 + usize::from(err.descriptor().has_details()));
        }
    }
}

#[test]
fn bulk_operations_answer_207_with_per_item_results() {
    let mut bulk = Bulk::new();
    assert!(bulk.is_empty());
    bulk.ok("srv-1", StatusCode::OK, &json!({"state": "ready"}))
        .unwrap();
    bulk.ok("srv-2", StatusCode::CREATED, &json!({"id": "srv-2"}))
        .unwrap();
    bulk.ok(
        "srv-3",
        StatusCode::ACCEPTED,
        &json!({"state": "provisioning"}),
    )
    .unwrap();
    bulk.error("srv-4", &invalid_transition()).unwrap();
    bulk.error("srv-5", &pool_exhausted()).unwrap();
    bulk.error("srv-6", &K0rdentError::Forbidden).unwrap();
    assert_eq!(bulk.len(), 6);
    assert_eq!(bulk.failures(), 3);

    let response = bulk.into_response();
    assert_eq!(response.status(), StatusCode::MULTI_STATUS);
    assert_eq!(response.headers()["content-type"], "application/json");
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(
        body,
        json!({
            "success": true,
            "results": [
                {"id": "srv-1", "success": true, "status": 200, "data": {"state": "ready"}},
                {"id": "srv-2", "success": true, "status": 201, "data": {"id": "srv-2"}},
                {"id": "srv-3", "success": true, "status": 202, "data": {"state": "provisioning"}},
                {"id": "srv-4", "success": false, "status": 409, "error": {
                    "code": "INVALID_STATE_TRANSITION",
                    "message": "Cannot transition resource to target state",
                    "details": {"from": "provisioned", "to": "provisioning"}
                }},
                {"id": "srv-5", "success": false, "status": 409, "error": {
                    "code": "POOL_CAPACITY_EXCEEDED",
                    "message": "Not enough resources in pool",
                    "details": {"pool": "gpu-h100", "requested": 8, "available": 3}
                }},
                {"id": "srv-6", "success": false, "status": 403, "error": {
                    "code": "FORBIDDEN",
                    "message": "Insufficient permissions"
                }}
            ]
        })
    );
    // Key order of the body and of each result, as the published reference lists them.
    let text = std::str::from_utf8(response.body()).unwrap();
    assert!(text.starts_with(
        r#"{"success":true,"results":[{"id":"srv-1","success":true,"status":200,"data":"#
    ));
    assert!(text.contains(r#"{"id":"srv-6","success":false,"status":403,"error":{"code":"FORBIDDEN","message":"Insufficient permissions"}}]}"#));
}

#[test]
fn empty_bulk_is_still_a_207() {
    let response = Bulk::new().into_response();
    assert_eq!(response.status(), StatusCode::MULTI_STATUS);
    assert_eq!(response.body(), br#"{"success":true,"results":[]}"#);
}

#[test]
fn response_carries_the_status() {
    let response = apierror::Render::new(&pool_exhausted()).to_response();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert!(response.headers().get("retry-after").is_none());
    assert!(response.headers().get("x-request-id").is_none());
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["success"], false);
    assert_eq!(body["error"]["details"]["available"], 3);
}
