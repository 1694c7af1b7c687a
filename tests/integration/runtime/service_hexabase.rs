//! Reference 002 (Hexabase KaaS): the catalog of `examples/hexabase.rs` against the
//! published reference's error code reference, and every JSON example of the published reference against what
//! the matching variant renders: the "Error Response Format" with request
//! context, the 33 HTTP examples and the 3 WebSocket frames.

use crate::common;
#[allow(dead_code)]
use crate::services::hexabase as catalog;

use std::collections::BTreeMap;

use apierror::format::{Context, Format, WebSocket};
use apierror::{ApiError, Render};
use catalog::{
    AuthError, BillingError, HexabaseError, ProjectError, QuotaError, RateLimitError,
    ResourceError, SystemError, ValidationError, WorkspaceError, WsError,
};
use common::{compact, parse, render};
use serde_json::Value;

/// (code, status, enum, variant, message, description), in the published reference's order.
/// The WS_* statuses are not in the published reference (our choice, see the example).
#[rustfmt::skip]
const SEED: &[(&str, u16, &str, &str, &str, &str)] = &[
    ("AUTH_REQUIRED", 401, "AuthError", "Required", "Authentication required", "Authentication is required to access this resource"),
    ("AUTH_INVALID_TOKEN", 401, "AuthError", "InvalidToken", "Invalid authentication token", "The provided JWT token is invalid"),
    ("AUTH_TOKEN_EXPIRED", 401, "AuthError", "TokenExpired", "Authentication token has expired", "The JWT token has expired"),
    ("AUTH_INVALID_CREDENTIALS", 401, "AuthError", "InvalidCredentials", "Invalid email or password", "Invalid login credentials provided"),
    ("AUTH_PROVIDER_ERROR", 502, "AuthError", "ProviderError", "Authentication provider error", "OAuth provider returned an error"),
    ("AUTH_MFA_REQUIRED", 403, "AuthError", "MfaRequired", "Multi-factor authentication required", "Multi-factor authentication is required"),
    ("AUTH_PERMISSION_DENIED", 403, "AuthError", "PermissionDenied", "Permission denied", "User lacks required permissions"),
    ("VALIDATION_ERROR", 400, "ValidationError", "Failed", "Validation failed", "General validation error"),
    ("VALIDATION_FIELD_REQUIRED", 400, "ValidationError", "FieldRequired", "Required field missing", "Required field is missing"),
    ("VALIDATION_FIELD_INVALID", 400, "ValidationError", "FieldInvalid", "Invalid field value", "Field value is invalid"),
    ("VALIDATION_FIELD_TOO_LONG", 400, "ValidationError", "FieldTooLong", "Field value too long", "Field value exceeds maximum length"),
    ("RESOURCE_NOT_FOUND", 404, "ResourceError", "NotFound", "Resource not found", "Requested resource does not exist"),
    ("RESOURCE_ALREADY_EXISTS", 409, "ResourceError", "AlreadyExists", "Resource already exists", "Resource with same identifier already exists"),
    ("RESOURCE_IN_USE", 409, "ResourceError", "InUse", "Resource is in use and cannot be deleted", "Resource cannot be deleted because it's in use"),
    ("RESOURCE_LIMIT_EXCEEDED", 422, "ResourceError", "LimitExceeded", "Resource limit exceeded", "Resource limit for the account has been exceeded"),
    ("BILLING_PAYMENT_FAILED", 402, "BillingError", "PaymentFailed", "Payment failed", "Payment processing failed"),
    ("BILLING_SUBSCRIPTION_INACTIVE", 403, "BillingError", "SubscriptionInactive", "Subscription is not active", "Subscription is not active"),
    ("BILLING_PLAN_LIMIT_EXCEEDED", 403, "BillingError", "PlanLimitExceeded", "Plan limit exceeded", "Action exceeds plan limits"),
    ("BILLING_INVALID_PAYMENT_METHOD", 400, "BillingError", "InvalidPaymentMethod", "Invalid payment method", "Payment method is invalid or expired"),
    ("WORKSPACE_PROVISIONING_FAILED", 500, "WorkspaceError", "ProvisioningFailed", "Failed to provision workspace", "Workspace provisioning failed"),
    ("WORKSPACE_NOT_READY", 503, "WorkspaceError", "NotReady", "Workspace is not ready", "Workspace is not ready for operations"),
    ("WORKSPACE_SUSPENDED", 403, "WorkspaceError", "Suspended", "Workspace is suspended", "Workspace has been suspended"),
    ("PROJECT_QUOTA_EXCEEDED", 422, "ProjectError", "QuotaExceeded", "Project resource quota exceeded", "Project resource quota exceeded"),
    ("PROJECT_HIERARCHY_DEPTH_EXCEEDED", 422, "ProjectError", "HierarchyDepthExceeded", "Maximum project hierarchy depth exceeded", "Maximum project hierarchy depth exceeded"),
    ("QUOTA_CPU_EXCEEDED", 422, "QuotaError", "CpuExceeded", "CPU quota exceeded", "CPU quota exceeded"),
    ("QUOTA_MEMORY_EXCEEDED", 422, "QuotaError", "MemoryExceeded", "Memory quota exceeded", "Memory quota exceeded"),
    ("QUOTA_STORAGE_EXCEEDED", 422, "QuotaError", "StorageExceeded", "Storage quota exceeded", "Storage quota exceeded"),
    ("RATE_LIMIT_EXCEEDED", 429, "RateLimitError", "LimitExceeded", "Rate limit exceeded", "API rate limit exceeded"),
    ("RATE_LIMIT_AUTH_EXCEEDED", 429, "RateLimitError", "LimitAuthExceeded", "Too many authentication attempts", "Authentication rate limit exceeded"),
    ("SYSTEM_INTERNAL_ERROR", 500, "SystemError", "InternalError", "An internal error occurred", "Internal server error"),
    ("SYSTEM_SERVICE_UNAVAILABLE", 503, "SystemError", "ServiceUnavailable", "Service temporarily unavailable", "Service temporarily unavailable"),
    ("SYSTEM_MAINTENANCE", 503, "SystemError", "Maintenance", "System under maintenance", "System under maintenance"),
    ("SYSTEM_DATABASE_ERROR", 500, "SystemError", "DatabaseError", "Database operation failed", "Database operation failed"),
    ("WS_AUTH_REQUIRED", 401, "WsError", "AuthRequired", "Authentication required before subscribing", "WebSocket authentication required"),
    ("WS_SUBSCRIPTION_LIMIT_EXCEEDED", 429, "WsError", "SubscriptionLimitExceeded", "Maximum number of subscriptions exceeded", "WebSocket subscription limit exceeded"),
    ("WS_MESSAGE_TOO_LARGE", 413, "WsError", "MessageTooLarge", "Message size exceeds limit", "WebSocket message size limit exceeded"),
];

/// The published reference's "Error Response Format", verbatim (its `details` holds only a
/// comment).
const PUBLISHED_ERROR_FORMAT: &str = r#"
{
  "error": {
    "code": "ERROR_CODE",
    "message": "Human-readable error message",
    "details": {
      // Additional context-specific information
    },
    "request_id": "req_123456"
  },
  "meta": {
    "request_id": "req_123456",
    "timestamp": "2024-01-20T10:00:00Z"
  }
}
"#;

/// The published reference's 33 HTTP examples, verbatim, each with the variant built from its values.
fn http_examples() -> Vec<(HexabaseError, &'static str)> {
    vec![
        (
            HexabaseError::Auth(AuthError::Required {
                realm: "api".into(),
            }),
            r#"
            {
              "error": {
                "code": "AUTH_REQUIRED",
                "message": "Authentication required",
                "details": {
                  "realm": "api"
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Auth(AuthError::InvalidToken {
                reason: "malformed_token".into(),
            }),
            r#"
            {
              "error": {
                "code": "AUTH_INVALID_TOKEN",
                "message": "Invalid authentication token",
                "details": {
                  "reason": "malformed_token"
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Auth(AuthError::TokenExpired {
                expired_at: "2024-01-20T09:00:00Z".into(),
            }),
            r#"
            {
              "error": {
                "code": "AUTH_TOKEN_EXPIRED",
                "message": "Authentication token has expired",
                "details": {
                  "expired_at": "2024-01-20T09:00:00Z"
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Auth(AuthError::InvalidCredentials),
            r#"
            {
              "error": {
                "code": "AUTH_INVALID_CREDENTIALS",
                "message": "Invalid email or password",
                "details": {}
              }
            }
            "#,
        ),
        (
            HexabaseError::Auth(AuthError::ProviderError {
                provider: "google".into(),
                provider_error: "invalid_grant".into(),
            }),
            r#"
            {
              "error": {
                "code": "AUTH_PROVIDER_ERROR",
                "message": "Authentication provider error",
                "details": {
                  "provider": "google",
                  "provider_error": "invalid_grant"
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Auth(AuthError::MfaRequired {
                session_token: "mfa_session_123".into(),
            }),
            r#"
            {
              "error": {
                "code": "AUTH_MFA_REQUIRED",
                "message": "Multi-factor authentication required",
                "details": {
                  "session_token": "mfa_session_123"
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Auth(AuthError::PermissionDenied {
                required_permission: "workspaces:write".into(),
                resource: "workspace:ws-123".into(),
            }),
            r#"
            {
              "error": {
                "code": "AUTH_PERMISSION_DENIED",
                "message": "Permission denied",
                "details": {
                  "required_permission": "workspaces:write",
                  "resource": "workspace:ws-123"
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Validation(ValidationError::Failed {
                fields: BTreeMap::from([
                    ("name".into(), "Name is required".into()),
                    ("email".into(), "Invalid email format".into()),
                ]),
            }),
            r#"
            {
              "error": {
                "code": "VALIDATION_ERROR",
                "message": "Validation failed",
                "details": {
                  "fields": {
                    "name": "Name is required",
                    "email": "Invalid email format"
                  }
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Validation(ValidationError::FieldRequired {
                field: "organization_id".into(),
            }),
            r#"
            {
              "error": {
                "code": "VALIDATION_FIELD_REQUIRED",
                "message": "Required field missing",
                "details": {
                  "field": "organization_id"
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Validation(ValidationError::FieldInvalid {
                field: "email".into(),
                value: "not-an-email".into(),
                reason: "must be a valid email address".into(),
            }),
            r#"
            {
              "error": {
                "code": "VALIDATION_FIELD_INVALID",
                "message": "Invalid field value",
                "details": {
                  "field": "email",
                  "value": "not-an-email",
                  "reason": "must be a valid email address"
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Validation(ValidationError::FieldTooLong {
                field: "name".into(),
                max_length: 255,
                actual_length: 300,
            }),
            r#"
            {
              "error": {
                "code": "VALIDATION_FIELD_TOO_LONG",
                "message": "Field value too long",
                "details": {
                  "field": "name",
                  "max_length": 255,
                  "actual_length": 300
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Resource(ResourceError::NotFound {
                resource_type: "workspace".into(),
                resource_id: "ws-123".into(),
            }),
            r#"
            {
              "error": {
                "code": "RESOURCE_NOT_FOUND",
                "message": "Resource not found",
                "details": {
                  "resource_type": "workspace",
                  "resource_id": "ws-123"
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Resource(ResourceError::AlreadyExists {
                resource_type: "project".into(),
                field: "namespace".into(),
                value: "frontend".into(),
            }),
            r#"
            {
              "error": {
                "code": "RESOURCE_ALREADY_EXISTS",
                "message": "Resource already exists",
                "details": {
                  "resource_type": "project",
                  "field": "namespace",
                  "value": "frontend"
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Resource(ResourceError::InUse {
                resource_type: "organization".into(),
                resource_id: "org-123".into(),
                used_by: "3 active workspaces".into(),
            }),
            r#"
            {
              "error": {
                "code": "RESOURCE_IN_USE",
                "message": "Resource is in use and cannot be deleted",
                "details": {
                  "resource_type": "organization",
                  "resource_id": "org-123",
                  "used_by": "3 active workspaces"
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Resource(ResourceError::LimitExceeded {
                resource_type: "workspace".into(),
                limit: 5,
                current: 5,
                plan: "standard".into(),
            }),
            r#"
            {
              "error": {
                "code": "RESOURCE_LIMIT_EXCEEDED",
                "message": "Resource limit exceeded",
                "details": {
                  "resource_type": "workspace",
                  "limit": 5,
                  "current": 5,
                  "plan": "standard"
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Billing(BillingError::PaymentFailed {
                reason: "insufficient_funds".into(),
                last4: "4242".into(),
                amount: 9900,
                currency: "usd".into(),
            }),
            r#"
            {
              "error": {
                "code": "BILLING_PAYMENT_FAILED",
                "message": "Payment failed",
                "details": {
                  "reason": "insufficient_funds",
                  "last4": "4242",
                  "amount": 9900,
                  "currency": "usd"
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Billing(BillingError::SubscriptionInactive {
                status: "canceled".into(),
                ended_at: "2024-01-15T00:00:00Z".into(),
            }),
            r#"
            {
              "error": {
                "code": "BILLING_SUBSCRIPTION_INACTIVE",
                "message": "Subscription is not active",
                "details": {
                  "status": "canceled",
                  "ended_at": "2024-01-15T00:00:00Z"
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Billing(BillingError::PlanLimitExceeded {
                plan: "free".into(),
                limit_type: "workspaces".into(),
                limit: 1,
                requested: 2,
            }),
            r#"
            {
              "error": {
                "code": "BILLING_PLAN_LIMIT_EXCEEDED",
                "message": "Plan limit exceeded",
                "details": {
                  "plan": "free",
                  "limit_type": "workspaces",
                  "limit": 1,
                  "requested": 2
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Billing(BillingError::InvalidPaymentMethod {
                reason: "card_expired".into(),
                exp_month: 12,
                exp_year: 2023,
            }),
            r#"
            {
              "error": {
                "code": "BILLING_INVALID_PAYMENT_METHOD",
                "message": "Invalid payment method",
                "details": {
                  "reason": "card_expired",
                  "exp_month": 12,
                  "exp_year": 2023
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Workspace(WorkspaceError::ProvisioningFailed {
                workspace_id: "ws-123".into(),
                stage: "vcluster_creation".into(),
                reason: "insufficient_resources".into(),
            }),
            r#"
            {
              "error": {
                "code": "WORKSPACE_PROVISIONING_FAILED",
                "message": "Failed to provision workspace",
                "details": {
                  "workspace_id": "ws-123",
                  "stage": "vcluster_creation",
                  "reason": "insufficient_resources"
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Workspace(WorkspaceError::NotReady {
                workspace_id: "ws-123".into(),
                status: "provisioning".into(),
                retry_after: 30,
            }),
            r#"
            {
              "error": {
                "code": "WORKSPACE_NOT_READY",
                "message": "Workspace is not ready",
                "details": {
                  "workspace_id": "ws-123",
                  "status": "provisioning",
                  "retry_after": 30
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Workspace(WorkspaceError::Suspended {
                workspace_id: "ws-123".into(),
                reason: "payment_overdue".into(),
                suspended_at: "2024-01-15T00:00:00Z".into(),
            }),
            r#"
            {
              "error": {
                "code": "WORKSPACE_SUSPENDED",
                "message": "Workspace is suspended",
                "details": {
                  "workspace_id": "ws-123",
                  "reason": "payment_overdue",
                  "suspended_at": "2024-01-15T00:00:00Z"
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Project(ProjectError::QuotaExceeded {
                project_id: "proj-123".into(),
                resource: "memory".into(),
                requested: "5Gi".into(),
                limit: "4Gi".into(),
                current_usage: "3.8Gi".into(),
            }),
            r#"
            {
              "error": {
                "code": "PROJECT_QUOTA_EXCEEDED",
                "message": "Project resource quota exceeded",
                "details": {
                  "project_id": "proj-123",
                  "resource": "memory",
                  "requested": "5Gi",
                  "limit": "4Gi",
                  "current_usage": "3.8Gi"
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Project(ProjectError::HierarchyDepthExceeded {
                max_depth: 5,
                current_depth: 5,
            }),
            r#"
            {
              "error": {
                "code": "PROJECT_HIERARCHY_DEPTH_EXCEEDED",
                "message": "Maximum project hierarchy depth exceeded",
                "details": {
                  "max_depth": 5,
                  "current_depth": 5
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Quota(QuotaError::CpuExceeded {
                requested: "5".into(),
                available: "2".into(),
                limit: "10".into(),
                current_usage: "8".into(),
            }),
            r#"
            {
              "error": {
                "code": "QUOTA_CPU_EXCEEDED",
                "message": "CPU quota exceeded",
                "details": {
                  "requested": "5",
                  "available": "2",
                  "limit": "10",
                  "current_usage": "8"
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Quota(QuotaError::MemoryExceeded {
                requested: "16Gi".into(),
                available: "8Gi".into(),
                limit: "32Gi".into(),
                current_usage: "24Gi".into(),
            }),
            r#"
            {
              "error": {
                "code": "QUOTA_MEMORY_EXCEEDED",
                "message": "Memory quota exceeded",
                "details": {
                  "requested": "16Gi",
                  "available": "8Gi",
                  "limit": "32Gi",
                  "current_usage": "24Gi"
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Quota(QuotaError::StorageExceeded {
                requested: "50Gi".into(),
                available: "20Gi".into(),
                limit: "100Gi".into(),
                current_usage: "80Gi".into(),
            }),
            r#"
            {
              "error": {
                "code": "QUOTA_STORAGE_EXCEEDED",
                "message": "Storage quota exceeded",
                "details": {
                  "requested": "50Gi",
                  "available": "20Gi",
                  "limit": "100Gi",
                  "current_usage": "80Gi"
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::RateLimit(RateLimitError::LimitExceeded {
                limit: 5000,
                window: "1h".into(),
                retry_after: 1234,
            }),
            r#"
            {
              "error": {
                "code": "RATE_LIMIT_EXCEEDED",
                "message": "Rate limit exceeded",
                "details": {
                  "limit": 5000,
                  "window": "1h",
                  "retry_after": 1234
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::RateLimit(RateLimitError::LimitAuthExceeded {
                limit: 5,
                window: "1m".into(),
                retry_after: 45,
            }),
            r#"
            {
              "error": {
                "code": "RATE_LIMIT_AUTH_EXCEEDED",
                "message": "Too many authentication attempts",
                "details": {
                  "limit": 5,
                  "window": "1m",
                  "retry_after": 45
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::System(SystemError::InternalError {
                request_id: "req_123456".into(),
            }),
            r#"
            {
              "error": {
                "code": "SYSTEM_INTERNAL_ERROR",
                "message": "An internal error occurred",
                "details": {
                  "request_id": "req_123456"
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::System(SystemError::ServiceUnavailable {
                service: "kubernetes_api".into(),
                retry_after: 30,
            }),
            r#"
            {
              "error": {
                "code": "SYSTEM_SERVICE_UNAVAILABLE",
                "message": "Service temporarily unavailable",
                "details": {
                  "service": "kubernetes_api",
                  "retry_after": 30
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::System(SystemError::Maintenance {
                maintenance_end: "2024-01-20T12:00:00Z".into(),
                affected_services: vec!["workspace_provisioning".into()],
            }),
            r#"
            {
              "error": {
                "code": "SYSTEM_MAINTENANCE",
                "message": "System under maintenance",
                "details": {
                  "maintenance_end": "2024-01-20T12:00:00Z",
                  "affected_services": ["workspace_provisioning"]
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::System(SystemError::DatabaseError {
                operation: "insert".into(),
                table: "workspaces".into(),
            }),
            r#"
            {
              "error": {
                "code": "SYSTEM_DATABASE_ERROR",
                "message": "Database operation failed",
                "details": {
                  "operation": "insert",
                  "table": "workspaces"
                }
              }
            }
            "#,
        ),
    ]
}

/// The published reference's 3 WebSocket frames, verbatim: `{"type": "error", "error": {...}}`.
fn ws_examples() -> Vec<(HexabaseError, &'static str)> {
    vec![
        (
            HexabaseError::Ws(WsError::AuthRequired),
            r#"
            {
              "type": "error",
              "error": {
                "code": "WS_AUTH_REQUIRED",
                "message": "Authentication required before subscribing"
              }
            }
            "#,
        ),
        (
            HexabaseError::Ws(WsError::SubscriptionLimitExceeded {
                limit: 100,
                current: 100,
            }),
            r#"
            {
              "type": "error",
              "error": {
                "code": "WS_SUBSCRIPTION_LIMIT_EXCEEDED",
                "message": "Maximum number of subscriptions exceeded",
                "details": {
                  "limit": 100,
                  "current": 100
                }
              }
            }
            "#,
        ),
        (
            HexabaseError::Ws(WsError::MessageTooLarge {
                max_size: 1048576,
                actual_size: 2097152,
            }),
            r#"
            {
              "type": "error",
              "error": {
                "code": "WS_MESSAGE_TOO_LARGE",
                "message": "Message size exceeds limit",
                "details": {
                  "max_size": 1048576,
                  "actual_size": 2097152
                }
              }
            }
            "#,
        ),
    ]
}

/// Runs `$body` on the prefix enum inside the service error, bypassing the
/// composition.
macro_rules! with_inner {
    ($err:expr, $e:ident => $body:expr) => {
        match $err {
            HexabaseError::Auth($e) => $body,
            HexabaseError::Validation($e) => $body,
            HexabaseError::Resource($e) => $body,
            HexabaseError::Billing($e) => $body,
            HexabaseError::Workspace($e) => $body,
            HexabaseError::Project($e) => $body,
            HexabaseError::Quota($e) => $body,
            HexabaseError::RateLimit($e) => $body,
            HexabaseError::System($e) => $body,
            HexabaseError::Ws($e) => $body,
        }
    };
}

/// Renders the prefix enum inside the service error in its default format.
fn render_inner(err: &HexabaseError) -> Value {
    with_inner!(err, e => render(e))
}

/// The exact text `err` renders as in `format`, with `context`.
fn render_text<E: ApiError, F: Format>(err: &E, format: &F, context: Context<'_>) -> String {
    Render::new(err)
        .format(format)
        .context(context)
        .to_string()
        .expect("error renders as JSON")
}

fn request_context() -> Context<'static> {
    Context::new()
        .with_request_id("req_123456")
        .with_timestamp("2024-01-20T10:00:00Z")
}

#[test]
fn catalog_matches_published_in_declaration_order() {
    let catalog = HexabaseError::CATALOG;
    assert_eq!(catalog.len(), 36, "33 HTTP codes + 3 WebSocket codes");
    common::assert_catalog(catalog, SEED);
    for (d, &(code, _, type_name, ..)) in catalog.iter().zip(SEED) {
        assert_eq!(d.type_name(), type_name, "{code}: type name");
    }
    assert!(catalog.find("VALIDATION_FAILED").is_none());
}

#[test]
fn each_prefix_enum_holds_its_codes() {
    let parts: [(&apierror::Catalog, &str, usize); 10] = [
        (AuthError::CATALOG, "AUTH_", 7),
        (ValidationError::CATALOG, "VALIDATION_", 4),
        (ResourceError::CATALOG, "RESOURCE_", 4),
        (BillingError::CATALOG, "BILLING_", 4),
        (WorkspaceError::CATALOG, "WORKSPACE_", 3),
        (ProjectError::CATALOG, "PROJECT_", 2),
        (QuotaError::CATALOG, "QUOTA_", 3),
        (RateLimitError::CATALOG, "RATE_", 2),
        (SystemError::CATALOG, "SYSTEM_", 4),
        (WsError::CATALOG, "WS_", 3),
    ];
    let mut flattened = Vec::new();
    for (catalog, prefix, len) in parts {
        assert_eq!(catalog.len(), len, "{prefix}: number of codes");
        let categories = catalog.categories();
        assert_eq!(categories.len(), 1, "{prefix}: one category");
        assert_eq!(categories[0].prefix(), Some(prefix));
        for d in catalog.iter() {
            assert!(d.code().starts_with(prefix), "{} lacks {prefix}", d.code());
            assert_eq!(d.category(), Some(categories[0].name()), "{}", d.code());
            flattened.push(d.code());
        }
    }
    let service: Vec<&str> = HexabaseError::CATALOG.iter().map(|d| d.code()).collect();
    assert_eq!(service, flattened, "transparent variants flatten in order");
}

#[test]
fn every_http_example_renders_exactly() {
    let examples = http_examples();
    assert_eq!(examples.len(), 33);
    for (err, published) in &examples {
        let expected = parse(published);
        assert_eq!(
            render(err),
            expected,
            "{} (through HexabaseError)",
            err.code()
        );
        assert_eq!(render_inner(err), expected, "{} (prefix enum)", err.code());
        // Byte for byte, so the details keep the published reference's key order; except the
        // validation `fields`, a `BTreeMap` that sorts its keys.
        if err.code() != "VALIDATION_ERROR" {
            assert_eq!(
                apierror::Render::new(err).to_string().unwrap(),
                compact(published),
                "{}",
                err.code()
            );
        }
        let d = HexabaseError::CATALOG.find(err.code()).unwrap();
        assert_eq!(err.status(), d.status(), "{}", err.code());
        assert_eq!(err.descriptor().code(), err.code());
        assert_eq!(err.to_string(), d.template(), "Display is the message");
    }
    // One example per HTTP code, in catalog order: none skipped.
    let codes: Vec<&str> = examples.iter().map(|(err, _)| err.code()).collect();
    let http_codes: Vec<&str> = HexabaseError::CATALOG
        .iter()
        .map(|d| d.code())
        .filter(|code| !code.starts_with("WS_"))
        .collect();
    assert_eq!(codes, http_codes);
}

#[test]
fn every_ws_example_renders_as_a_whole_frame() {
    let examples = ws_examples();
    assert_eq!(examples.len(), 3);
    for (err, published) in &examples {
        let code = err.code();
        let frame = render_text(err, &WebSocket, Context::new());
        assert_eq!(parse(&frame), parse(published), "{code}");
        // Byte for byte: `type` first, then the error object in the published reference's order.
        assert_eq!(frame, compact(published), "{code}");
        let inner = with_inner!(err, e => render_text(e, &WebSocket, Context::new()));
        assert_eq!(inner, compact(published), "{code} (prefix enum)");
    }
    let codes: Vec<&str> = examples.iter().map(|(err, _)| err.code()).collect();
    assert_eq!(
        codes,
        WsError::CATALOG
            .iter()
            .map(|d| d.code())
            .collect::<Vec<_>>()
    );
    // Over HTTP (the upgrade request) the same error is a standard format.
    assert_eq!(
        apierror::Render::new(&WsError::AuthRequired)
            .to_string()
            .unwrap(),
        r#"{"error":{"code":"WS_AUTH_REQUIRED","message":"Authentication required before subscribing"}}"#
    );
}

#[test]
fn error_response_format_with_request_context() {
    let format = parse(PUBLISHED_ERROR_FORMAT);
    // The published reference's placeholders are filled with the values of two real errors,
    // taken from their own published examples: RESOURCE_NOT_FOUND, and
    // SYSTEM_INTERNAL_ERROR, whose details carry a `request_id` of their own.
    let goldens = [
        (
            "RESOURCE_NOT_FOUND",
            r#"{"error":{"code":"RESOURCE_NOT_FOUND","message":"Resource not found","details":{"resource_type":"workspace","resource_id":"ws-123"},"request_id":"req_123456"},"meta":{"request_id":"req_123456","timestamp":"2024-01-20T10:00:00Z"}}"#,
        ),
        (
            "SYSTEM_INTERNAL_ERROR",
            r#"{"error":{"code":"SYSTEM_INTERNAL_ERROR","message":"An internal error occurred","details":{"request_id":"req_123456"},"request_id":"req_123456"},"meta":{"request_id":"req_123456","timestamp":"2024-01-20T10:00:00Z"}}"#,
        ),
    ];
    let examples = http_examples();
    for (code, golden) in goldens {
        let (err, example) = examples.iter().find(|(e, _)| e.code() == code).unwrap();
        let example = parse(example);
        let mut expected = format.clone();
        for key in ["code", "message", "details"] {
            expected["error"][key] = example["error"][key].clone();
        }

        let text = render_text(err, &apierror::format::Standard, request_context());
        let rendered = parse(&text);
        assert_eq!(rendered, expected, "{code}");
        assert_eq!(
            rendered["meta"], format["meta"],
            "{code}: the published reference's meta"
        );
        assert_eq!(
            rendered["error"]["request_id"], format["error"]["request_id"],
            "{code}"
        );
        // Byte for byte: keys in the published reference's order.
        assert_eq!(text, golden, "{code}");
        // The default format, through the service error and the prefix enum.
        assert_eq!(
            Render::new(err)
                .context(request_context())
                .to_string()
                .unwrap(),
            golden,
            "{code}"
        );
        let inner =
            with_inner!(err, e => Render::new(e).context(request_context()).to_string().unwrap());
        assert_eq!(inner, golden, "{code} (prefix enum)");
    }

    // The published reference's key sets, checked on the published reference itself so the goldens above
    // cannot drift from it.
    let keys = |v: &Value| {
        let mut keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    assert_eq!(keys(&format), ["error", "meta"]);
    assert_eq!(
        keys(&format["error"]),
        ["code", "details", "message", "request_id"]
    );
    assert_eq!(keys(&format["meta"]), ["request_id", "timestamp"]);
    for (_, golden) in goldens {
        let golden = parse(golden);
        assert_eq!(keys(&golden), keys(&format));
        assert_eq!(keys(&golden["error"]), keys(&format["error"]));
        assert_eq!(golden["meta"], format["meta"]);
    }
}

#[test]
fn request_context_in_the_response() {
    let err = HexabaseError::Resource(ResourceError::NotFound {
        resource_type: "workspace".into(),
        resource_id: "ws-123".into(),
    });
    let response = Render::new(&err).context(request_context()).to_response();
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(response.headers()["x-request-id"], "req_123456");
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["meta"]["timestamp"], "2024-01-20T10:00:00Z");

    // Only a request id: in `error` and `meta`, no timestamp.
    let id_only = Render::new(&err)
        .context(Context::new().with_request_id("req_9"))
        .to_string()
        .unwrap();
    assert!(
        id_only.ends_with(r#""request_id":"req_9"},"meta":{"request_id":"req_9"}}"#),
        "{id_only}"
    );
    // Without context: neither `meta` nor `request_id`.
    let bare = render(&err);
    assert!(bare.get("meta").is_none());
    assert!(bare["error"].get("request_id").is_none());
}

#[test]
fn empty_details_and_absent_details() {
    let credentials = render(&AuthError::InvalidCredentials);
    assert_eq!(credentials["error"]["details"], serde_json::json!({}));
    let ws = render(&WsError::AuthRequired);
    let error = ws["error"].as_object().unwrap();
    assert!(
        !error.contains_key("details"),
        "unit variant: no details key"
    );
}

#[test]
fn retry_after_fields() {
    let expected: &[(&str, Option<u64>)] = &[
        ("WORKSPACE_NOT_READY", Some(30)),
        ("RATE_LIMIT_EXCEEDED", Some(1234)),
        ("RATE_LIMIT_AUTH_EXCEEDED", Some(45)),
        ("SYSTEM_SERVICE_UNAVAILABLE", Some(30)),
    ];
    for (err, _) in http_examples().iter().chain(&ws_examples()) {
        let want = expected
            .iter()
            .find(|(code, _)| *code == err.code())
            .and_then(|&(_, secs)| secs);
        assert_eq!(err.retry_after(), want, "{}", err.code());
    }

    let limited = HexabaseError::RateLimit(RateLimitError::LimitExceeded {
        limit: 5000,
        window: "1h".into(),
        retry_after: 1234,
    });
    let response = apierror::Render::new(&limited).to_response();
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(response.headers()["retry-after"], "1234");
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(
        body["error"]["details"]["retry_after"], 1234,
        "stays in details"
    );
}

#[test]
fn validation_error_code_is_explicit() {
    let err = ValidationError::Failed {
        fields: BTreeMap::new(),
    };
    assert_eq!(err.code(), "VALIDATION_ERROR");
    assert_eq!(err.descriptor().fields(), ["fields"]);
}
