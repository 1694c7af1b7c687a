//! Reference 004 (Phala Cloud): the catalog of `examples/phala.rs` against the published reference's
//! error code catalog: codes, exception classes, messages, retired gaps,
//! non-standard statuses and the masked access-denied error.

use crate::common;
#[allow(dead_code)]
use crate::services::phala as catalog;

use apierror::ApiError;
use catalog::{CvmOperationError, InventoryError, PhalaError, PreflightError, WorkspaceError};
use common::render;
use serde_json::{json, Value};

/// (code, status, variant, message, description). Variants are the published reference's
/// exception classes without `Error`. Statuses 409 (ERR-01-004) and 465..=468
/// are the published reference's; the others are ours.
#[rustfmt::skip]
const SEED: &[(&str, u16, &str, &str, &str)] = &[
    ("ERR-01-001", 404, "NodeNotFound", "The requested node is not available", "Raised when specified node is not found"),
    ("ERR-01-002", 400, "ComposeFileRequired", "The request contains invalid parameters", "Raised when compose_file is required but not provided"),
    ("ERR-01-003", 422, "InvalidComposeFile", "The Docker Compose file contains errors", "Raised when Docker Compose file is invalid"),
    ("ERR-01-004", 409, "DuplicateCvmName", "A CVM with name '{name}' already exists in this workspace", "Raised when a CVM name already exists in the workspace (HTTP 409)"),
    ("ERR-01-005", 465, "HashRegistrationRequired", "Compose hash registration required on-chain", "Raised when compose hash needs to be registered on-chain (HTTP 465)"),
    ("ERR-01-006", 466, "HashInvalidOrExpired", "The provided compose hash is invalid or has expired", "Raised when compose hash is invalid or expired (HTTP 466)"),
    ("ERR-01-007", 467, "TxVerificationFailed", "Transaction verification failed", "Raised when transaction verification fails (HTTP 467)"),
    ("ERR-01-008", 468, "HashNotAllowed", "The compose hash is not allowed by the on-chain contract", "Raised when compose hash is not allowed by the contract (HTTP 468)"),
    ("ERR-02-001", 404, "InstanceTypeNotFound", "The requested instance type does not exist", "Raised when a requested instance type is not found."),
    ("ERR-02-002", 409, "ResourceNotAvailable", "No available resources match your requirements", "Raised when no suitable resources are found"),
    ("ERR-02-003", 409, "InsufficientVcpu", "The selected node does not have enough CPU capacity", "Raised when teepod has insufficient vCPU resources."),
    ("ERR-02-004", 409, "InsufficientMemory", "The selected node does not have enough memory", "Raised when teepod has insufficient memory resources."),
    ("ERR-02-005", 409, "InsufficientSlots", "The selected node has reached its maximum capacity", "Raised when teepod has no available CVM slots."),
    ("ERR-02-006", 409, "GpuAllocation", "The selected node does not have enough GPU resources", "Raised when GPU allocation fails"),
    ("ERR-02-007", 409, "InsufficientGpu", "The selected node does not have enough GPU resources", "Raised when teepod has insufficient GPU resources."),
    ("ERR-02-008", 400, "InvalidRequest", "The request contains invalid parameters", "Raised when request parameters are invalid"),
    ("ERR-02-009", 422, "IncompatibleConfiguration", "The configuration parameters are not compatible with each other", "Raised when resource configuration is not compatible"),
    ("ERR-02-010", 404, "ImageNotFound", "The requested operating system image is not available", "Raised when a requested OS image is not found."),
    ("ERR-02-011", 404, "KmsNotFound", "The requested security configuration is not available on this node", "Raised when no matching KMS is found on teepod."),
    ("ERR-02-012", 404, "TeepodNotAccessible", "The requested node is not available", "Raised when user doesn’t have permission to access a teepod."),
    ("ERR-02-013", 404, "OsImageNotCompatible", "The requested operating system image is not available", "Raised when no compatible OS image is found."),
    ("ERR-02-014", 404, "NodeCapacityNotConfigured", "The requested node is not available", "Raised when node capacity is not properly configured."),
    ("ERR-02-015", 403, "QuotaExceeded", "Your account has reached its resource quota", "Raised when team resource quota would be exceeded."),
    ("ERR-03-001", 404, "CvmNotFound", "The requested CVM was not found", "Raised when a CVM is not found by the given identifier."),
    ("ERR-03-002", 409, "MultipleCvmsWithSameName", "Multiple CVMs have the same name in this workspace", "Raised when multiple CVMs share the same name in a workspace."),
    ("ERR-03-005", 404, "CvmAccessDenied", "The requested CVM was not found", "Raised when user lacks permission for CVM operation."),
    ("ERR-04-001", 402, "InsufficientBalance", "Your account balance is too low to create new resources", "Raised when account balance is too low"),
    ("ERR-04-002", 403, "MaxCvmLimit", "Your account has reached the maximum number of instances", "Raised when VM count limit is reached"),
    ("ERR-04-003", 403, "ResourceLimitExceeded", "The requested resources exceed your account limits", "Raised when resource limits are exceeded"),
];

#[test]
fn catalog_matches_published_in_declaration_order() {
    let catalog = PhalaError::CATALOG;
    assert_eq!(catalog.len(), 29);
    common::assert_catalog(catalog, SEED);
}

#[test]
fn modules_have_their_patterns_and_codes() {
    let modules: [(&apierror::Catalog, &str, &str, usize); 4] = [
        (PreflightError::CATALOG, "PreflightError", "ERR-01-###", 8),
        (InventoryError::CATALOG, "InventoryError", "ERR-02-###", 15),
        (
            CvmOperationError::CATALOG,
            "CvmOperationError",
            "ERR-03-###",
            3,
        ),
        (WorkspaceError::CATALOG, "WorkspaceError", "ERR-04-###", 3),
    ];
    let mut flattened = Vec::new();
    for (catalog, type_name, pattern, len) in modules {
        assert_eq!(catalog.type_name(), type_name);
        assert_eq!(catalog.pattern(), Some(pattern));
        assert_eq!(catalog.len(), len, "{type_name}: number of codes");
        let module = &pattern[..7];
        for d in catalog.iter() {
            assert!(d.code().starts_with(module), "{} not in {module}", d.code());
            assert_eq!(d.type_name(), type_name);
            flattened.push(d.code());
        }
    }
    let service: Vec<&str> = PhalaError::CATALOG.iter().map(|d| d.code()).collect();
    assert_eq!(service, flattened, "transparent variants flatten in order");
}

#[test]
fn gaps_are_retired() {
    let retired = CvmOperationError::CATALOG.retired();
    assert_eq!(retired, ["ERR-03-003", "ERR-03-004"]);
    for code in retired {
        assert!(PhalaError::CATALOG.find(code).is_none(), "{code} in use");
    }
    // The service sees its modules' retired codes.
    assert!(PhalaError::CATALOG.retired().is_empty());
    let all: Vec<_> = PhalaError::CATALOG.all_retired().collect();
    assert_eq!(all, ["ERR-03-003", "ERR-03-004"]);
    assert!(PreflightError::CATALOG.retired().is_empty());
    assert!(InventoryError::CATALOG.retired().is_empty());
    assert!(WorkspaceError::CATALOG.retired().is_empty());
}

#[test]
fn on_chain_errors_use_statuses_465_to_468() {
    let errors = [
        PhalaError::Preflight(PreflightError::HashRegistrationRequired),
        PhalaError::Preflight(PreflightError::HashInvalidOrExpired),
        PhalaError::Preflight(PreflightError::TxVerificationFailed),
        PhalaError::Preflight(PreflightError::HashNotAllowed),
    ];
    for (err, status) in errors.iter().zip(465u16..=468) {
        assert_eq!(err.status().as_u16(), status, "{}", err.code());
        let response = apierror::Render::new(err).to_response();
        assert_eq!(response.status().as_u16(), status);
        assert_eq!(response.headers()["content-type"], "application/json");
        let body: Value = serde_json::from_slice(response.body()).unwrap();
        assert_eq!(body["error"]["code"], err.code());
    }
    let statuses: Vec<u16> = PreflightError::CATALOG
        .iter()
        .map(|d| d.status().as_u16())
        .filter(|s| (465..=468).contains(s))
        .collect();
    assert_eq!(statuses, [465, 466, 467, 468]);
    assert_eq!(
        render(&PreflightError::TxVerificationFailed),
        json!({"error": {"code": "ERR-01-007", "message": "Transaction verification failed"}})
    );
}

#[test]
fn access_denied_is_masked_as_not_found() {
    let denied = PhalaError::CvmOperation(CvmOperationError::CvmAccessDenied {
        cvm_id: "cvm-7f3a".into(),
    });
    let missing = PhalaError::CvmOperation(CvmOperationError::CvmNotFound {
        cvm_id: "cvm-7f3a".into(),
    });
    assert_eq!(denied.code(), "ERR-03-005");
    assert_eq!(denied.status().as_u16(), 404);
    assert_eq!(denied.to_string(), "The requested CVM was not found");
    assert_eq!(denied.status(), missing.status());
    assert_eq!(denied.to_string(), missing.to_string());

    let mut denied_json = render(&denied);
    let mut missing_json = render(&missing);
    assert_eq!(denied_json["error"]["code"], "ERR-03-005");
    assert_eq!(missing_json["error"]["code"], "ERR-03-001");
    denied_json["error"]["code"] = Value::Null;
    missing_json["error"]["code"] = Value::Null;
    assert_eq!(denied_json, missing_json, "only the code tells them apart");
}

#[test]
fn duplicate_name_message_interpolates_the_name() {
    let err = PhalaError::Preflight(PreflightError::DuplicateCvmName {
        name: "my-app".into(),
    });
    let expected = "A CVM with name 'my-app' already exists in this workspace";
    assert_eq!(err.code(), "ERR-01-004");
    assert_eq!(err.status().as_u16(), 409);
    assert_eq!(err.to_string(), expected);
    assert_eq!(err.message().to_string(), expected);
    assert_eq!(
        render(&err),
        json!({"error": {
            "code": "ERR-01-004",
            "message": expected,
            "details": {"name": "my-app"}
        }})
    );
}

#[test]
fn inventory_details_and_default_status() {
    let err = InventoryError::InsufficientVcpu {
        requested: 16,
        available: 4,
    };
    assert_eq!(err.status().as_u16(), 409, "container default");
    assert_eq!(err.retry_after(), None);
    assert_eq!(
        render(&err)["error"]["details"],
        json!({"requested": 16, "available": 4})
    );
}
