//! The Hexabase KaaS API error codes: one `ApiError` enum per code prefix
//! (`AUTH_`, `VALIDATION_`, ... `WS_`), composed into the service-wide
//! `HexabaseError` with `#[api_error(transparent)]`.
//!
//! Each prefix enum derives its codes from the variant names
//! (`code = "SCREAMING_SNAKE_CASE", prefix = "AUTH_"`: `TokenExpired` ->
//! `AUTH_TOKEN_EXPIRED`) and declares the matching category. The detail fields
//! reproduce the `details` objects of the documented JSON examples, with their
//! JSON types (numbers as integers, `affected_services` as a list, the
//! validation `fields` as a map). Fields marked `#[api_error(retry_after)]` also
//! become the `Retry-After` header.
//!
//! The errors render in the standard format, the documented "Error Response
//! Format". Given the request's id and time in an `apierror::format::Context`,
//! the request id is also put in the error object and both go into `meta`:
//!
//! ```json
//! {"error":{"code":"RESOURCE_NOT_FOUND","message":"Resource not found",
//!   "details":{"resource_type":"workspace","resource_id":"ws-123"},"request_id":"req_123456"},
//!  "meta":{"request_id":"req_123456","timestamp":"2024-01-20T10:00:00Z"}}
//! ```
//!
//! The WebSocket errors (`WS_*`) are sent as frames,
//! `{"type":"error","error":{...}}`, by rendering them in the
//! `apierror::format::WebSocket` format. They have no HTTP status in the
//! documentation; the statuses given to them here (401, 429, 413) are our
//! choice, used when the error happens during the HTTP upgrade.
//!
//! Run it with:
//!
//! ```text
//! cargo run --example hexabase
//! ```

use std::collections::BTreeMap;

use apierror::format::{Context, WebSocket};
use apierror::{ApiError, Render};

/// Authentication and authorization errors (`AUTH_*`).
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "AUTH_")]
#[api_error(category(
    name = "auth",
    prefix = "AUTH_",
    title = "Authentication and authorization errors"
))]
pub enum AuthError {
    /// Authentication is required to access this resource
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "AUTH_REQUIRED",
    ///     "message": "Authentication required",
    ///     "details": {
    ///       "realm": "api"
    ///     }
    ///   }
    /// }
    /// ```
    #[status(401)]
    #[message("Authentication required")]
    Required { realm: String },

    /// The provided JWT token is invalid
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "AUTH_INVALID_TOKEN",
    ///     "message": "Invalid authentication token",
    ///     "details": {
    ///       "reason": "malformed_token"
    ///     }
    ///   }
    /// }
    /// ```
    #[status(401)]
    #[message("Invalid authentication token")]
    InvalidToken { reason: String },

    /// The JWT token has expired
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "AUTH_TOKEN_EXPIRED",
    ///     "message": "Authentication token has expired",
    ///     "details": {
    ///       "expired_at": "2024-01-20T09:00:00Z"
    ///     }
    ///   }
    /// }
    /// ```
    #[status(401)]
    #[message("Authentication token has expired")]
    TokenExpired { expired_at: String },

    /// Invalid login credentials provided
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "AUTH_INVALID_CREDENTIALS",
    ///     "message": "Invalid email or password",
    ///     "details": {}
    ///   }
    /// }
    /// ```
    #[status(401)]
    #[message("Invalid email or password")]
    #[api_error(empty_details)] // the API sends `"details": {}`
    InvalidCredentials,

    /// OAuth provider returned an error
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "AUTH_PROVIDER_ERROR",
    ///     "message": "Authentication provider error",
    ///     "details": {
    ///       "provider": "google",
    ///       "provider_error": "invalid_grant"
    ///     }
    ///   }
    /// }
    /// ```
    #[status(502)]
    #[message("Authentication provider error")]
    ProviderError {
        provider: String,
        provider_error: String,
    },

    /// Multi-factor authentication is required
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "AUTH_MFA_REQUIRED",
    ///     "message": "Multi-factor authentication required",
    ///     "details": {
    ///       "session_token": "mfa_session_123"
    ///     }
    ///   }
    /// }
    /// ```
    #[status(403)]
    #[message("Multi-factor authentication required")]
    MfaRequired { session_token: String },

    /// User lacks required permissions
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "AUTH_PERMISSION_DENIED",
    ///     "message": "Permission denied",
    ///     "details": {
    ///       "required_permission": "workspaces:write",
    ///       "resource": "workspace:ws-123"
    ///     }
    ///   }
    /// }
    /// ```
    #[status(403)]
    #[message("Permission denied")]
    PermissionDenied {
        required_permission: String,
        resource: String,
    },
}

/// Input validation errors (`VALIDATION_*`).
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "VALIDATION_")]
#[api_error(category(
    name = "validation",
    prefix = "VALIDATION_",
    title = "Input validation errors"
))]
pub enum ValidationError {
    /// General validation error
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "VALIDATION_ERROR",
    ///     "message": "Validation failed",
    ///     "details": {
    ///       "fields": {
    ///         "name": "Name is required",
    ///         "email": "Invalid email format"
    ///       }
    ///     }
    ///   }
    /// }
    /// ```
    #[code("VALIDATION_ERROR")] // the naming rule would give VALIDATION_FAILED
    #[status(400)]
    #[message("Validation failed")]
    Failed {
        /// Field name -> what is wrong with it.
        fields: BTreeMap<String, String>,
    },

    /// Required field is missing
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "VALIDATION_FIELD_REQUIRED",
    ///     "message": "Required field missing",
    ///     "details": {
    ///       "field": "organization_id"
    ///     }
    ///   }
    /// }
    /// ```
    #[status(400)]
    #[message("Required field missing")]
    FieldRequired { field: String },

    /// Field value is invalid
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "VALIDATION_FIELD_INVALID",
    ///     "message": "Invalid field value",
    ///     "details": {
    ///       "field": "email",
    ///       "value": "not-an-email",
    ///       "reason": "must be a valid email address"
    ///     }
    ///   }
    /// }
    /// ```
    #[status(400)]
    #[message("Invalid field value")]
    FieldInvalid {
        field: String,
        value: String,
        reason: String,
    },

    /// Field value exceeds maximum length
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "VALIDATION_FIELD_TOO_LONG",
    ///     "message": "Field value too long",
    ///     "details": {
    ///       "field": "name",
    ///       "max_length": 255,
    ///       "actual_length": 300
    ///     }
    ///   }
    /// }
    /// ```
    #[status(400)]
    #[message("Field value too long")]
    FieldTooLong {
        field: String,
        max_length: u32,
        actual_length: u32,
    },
}

/// Resource-related errors (`RESOURCE_*`).
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "RESOURCE_")]
#[api_error(category(
    name = "resource",
    prefix = "RESOURCE_",
    title = "Resource-related errors"
))]
pub enum ResourceError {
    /// Requested resource does not exist
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "RESOURCE_NOT_FOUND",
    ///     "message": "Resource not found",
    ///     "details": {
    ///       "resource_type": "workspace",
    ///       "resource_id": "ws-123"
    ///     }
    ///   }
    /// }
    /// ```
    #[status(404)]
    #[message("Resource not found")]
    NotFound {
        resource_type: String,
        resource_id: String,
    },

    /// Resource with same identifier already exists
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "RESOURCE_ALREADY_EXISTS",
    ///     "message": "Resource already exists",
    ///     "details": {
    ///       "resource_type": "project",
    ///       "field": "namespace",
    ///       "value": "frontend"
    ///     }
    ///   }
    /// }
    /// ```
    #[status(409)]
    #[message("Resource already exists")]
    // gRPC clients retry ABORTED, the code AIP-193 gives 409: a duplicate is
    // ALREADY_EXISTS.
    #[api_error(grpc = "ALREADY_EXISTS")]
    AlreadyExists {
        resource_type: String,
        field: String,
        value: String,
    },

    /// Resource cannot be deleted because it's in use
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "RESOURCE_IN_USE",
    ///     "message": "Resource is in use and cannot be deleted",
    ///     "details": {
    ///       "resource_type": "organization",
    ///       "resource_id": "org-123",
    ///       "used_by": "3 active workspaces"
    ///     }
    ///   }
    /// }
    /// ```
    #[status(409)]
    #[message("Resource is in use and cannot be deleted")]
    InUse {
        resource_type: String,
        resource_id: String,
        used_by: String,
    },

    /// Resource limit for the account has been exceeded
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "RESOURCE_LIMIT_EXCEEDED",
    ///     "message": "Resource limit exceeded",
    ///     "details": {
    ///       "resource_type": "workspace",
    ///       "limit": 5,
    ///       "current": 5,
    ///       "plan": "standard"
    ///     }
    ///   }
    /// }
    /// ```
    #[status(422)]
    #[message("Resource limit exceeded")]
    LimitExceeded {
        resource_type: String,
        limit: u32,
        current: u32,
        plan: String,
    },
}

/// Billing and subscription errors (`BILLING_*`).
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "BILLING_")]
#[api_error(category(
    name = "billing",
    prefix = "BILLING_",
    title = "Billing and subscription errors"
))]
pub enum BillingError {
    /// Payment processing failed
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "BILLING_PAYMENT_FAILED",
    ///     "message": "Payment failed",
    ///     "details": {
    ///       "reason": "insufficient_funds",
    ///       "last4": "4242",
    ///       "amount": 9900,
    ///       "currency": "usd"
    ///     }
    ///   }
    /// }
    /// ```
    #[status(402)]
    #[message("Payment failed")]
    PaymentFailed {
        reason: String,
        last4: String,
        /// In the currency's smallest unit (cents).
        amount: u64,
        currency: String,
    },

    /// Subscription is not active
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "BILLING_SUBSCRIPTION_INACTIVE",
    ///     "message": "Subscription is not active",
    ///     "details": {
    ///       "status": "canceled",
    ///       "ended_at": "2024-01-15T00:00:00Z"
    ///     }
    ///   }
    /// }
    /// ```
    #[status(403)]
    #[message("Subscription is not active")]
    SubscriptionInactive { status: String, ended_at: String },

    /// Action exceeds plan limits
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "BILLING_PLAN_LIMIT_EXCEEDED",
    ///     "message": "Plan limit exceeded",
    ///     "details": {
    ///       "plan": "free",
    ///       "limit_type": "workspaces",
    ///       "limit": 1,
    ///       "requested": 2
    ///     }
    ///   }
    /// }
    /// ```
    #[status(403)]
    #[message("Plan limit exceeded")]
    PlanLimitExceeded {
        plan: String,
        limit_type: String,
        limit: u32,
        requested: u32,
    },

    /// Payment method is invalid or expired
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "BILLING_INVALID_PAYMENT_METHOD",
    ///     "message": "Invalid payment method",
    ///     "details": {
    ///       "reason": "card_expired",
    ///       "exp_month": 12,
    ///       "exp_year": 2023
    ///     }
    ///   }
    /// }
    /// ```
    #[status(400)]
    #[message("Invalid payment method")]
    InvalidPaymentMethod {
        reason: String,
        exp_month: u8,
        exp_year: u16,
    },
}

/// Workspace-specific errors (`WORKSPACE_*`).
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "WORKSPACE_")]
#[api_error(category(
    name = "workspace",
    prefix = "WORKSPACE_",
    title = "Workspace-specific errors"
))]
pub enum WorkspaceError {
    /// Workspace provisioning failed
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "WORKSPACE_PROVISIONING_FAILED",
    ///     "message": "Failed to provision workspace",
    ///     "details": {
    ///       "workspace_id": "ws-123",
    ///       "stage": "vcluster_creation",
    ///       "reason": "insufficient_resources"
    ///     }
    ///   }
    /// }
    /// ```
    #[status(500)]
    #[message("Failed to provision workspace")]
    ProvisioningFailed {
        workspace_id: String,
        stage: String,
        reason: String,
    },

    /// Workspace is not ready for operations
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "WORKSPACE_NOT_READY",
    ///     "message": "Workspace is not ready",
    ///     "details": {
    ///       "workspace_id": "ws-123",
    ///       "status": "provisioning",
    ///       "retry_after": 30
    ///     }
    ///   }
    /// }
    /// ```
    #[status(503)]
    #[message("Workspace is not ready")]
    NotReady {
        workspace_id: String,
        status: String,
        #[api_error(retry_after)]
        retry_after: u64,
    },

    /// Workspace has been suspended
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "WORKSPACE_SUSPENDED",
    ///     "message": "Workspace is suspended",
    ///     "details": {
    ///       "workspace_id": "ws-123",
    ///       "reason": "payment_overdue",
    ///       "suspended_at": "2024-01-15T00:00:00Z"
    ///     }
    ///   }
    /// }
    /// ```
    #[status(403)]
    #[message("Workspace is suspended")]
    Suspended {
        workspace_id: String,
        reason: String,
        suspended_at: String,
    },
}

/// Project-specific errors (`PROJECT_*`).
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "PROJECT_")]
#[api_error(category(
    name = "project",
    prefix = "PROJECT_",
    title = "Project-specific errors"
))]
pub enum ProjectError {
    /// Project resource quota exceeded
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "PROJECT_QUOTA_EXCEEDED",
    ///     "message": "Project resource quota exceeded",
    ///     "details": {
    ///       "project_id": "proj-123",
    ///       "resource": "memory",
    ///       "requested": "5Gi",
    ///       "limit": "4Gi",
    ///       "current_usage": "3.8Gi"
    ///     }
    ///   }
    /// }
    /// ```
    #[status(422)]
    #[message("Project resource quota exceeded")]
    QuotaExceeded {
        project_id: String,
        resource: String,
        /// Quantities are Kubernetes quantities such as `5Gi`.
        requested: String,
        limit: String,
        current_usage: String,
    },

    /// Maximum project hierarchy depth exceeded
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "PROJECT_HIERARCHY_DEPTH_EXCEEDED",
    ///     "message": "Maximum project hierarchy depth exceeded",
    ///     "details": {
    ///       "max_depth": 5,
    ///       "current_depth": 5
    ///     }
    ///   }
    /// }
    /// ```
    #[status(422)]
    #[message("Maximum project hierarchy depth exceeded")]
    HierarchyDepthExceeded { max_depth: u32, current_depth: u32 },
}

/// Resource quota errors (`QUOTA_*`).
///
/// Quantities are Kubernetes quantities (`"5"` CPUs, `"16Gi"`), sent as strings.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "QUOTA_")]
#[api_error(category(name = "quota", prefix = "QUOTA_", title = "Resource quota errors"))]
#[allow(clippy::enum_variant_names)] // the names mirror the wire codes
pub enum QuotaError {
    /// CPU quota exceeded
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "QUOTA_CPU_EXCEEDED",
    ///     "message": "CPU quota exceeded",
    ///     "details": {
    ///       "requested": "5",
    ///       "available": "2",
    ///       "limit": "10",
    ///       "current_usage": "8"
    ///     }
    ///   }
    /// }
    /// ```
    #[status(422)]
    #[message("CPU quota exceeded")]
    CpuExceeded {
        requested: String,
        available: String,
        limit: String,
        current_usage: String,
    },

    /// Memory quota exceeded
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "QUOTA_MEMORY_EXCEEDED",
    ///     "message": "Memory quota exceeded",
    ///     "details": {
    ///       "requested": "16Gi",
    ///       "available": "8Gi",
    ///       "limit": "32Gi",
    ///       "current_usage": "24Gi"
    ///     }
    ///   }
    /// }
    /// ```
    #[status(422)]
    #[message("Memory quota exceeded")]
    MemoryExceeded {
        requested: String,
        available: String,
        limit: String,
        current_usage: String,
    },

    /// Storage quota exceeded
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "QUOTA_STORAGE_EXCEEDED",
    ///     "message": "Storage quota exceeded",
    ///     "details": {
    ///       "requested": "50Gi",
    ///       "available": "20Gi",
    ///       "limit": "100Gi",
    ///       "current_usage": "80Gi"
    ///     }
    ///   }
    /// }
    /// ```
    #[status(422)]
    #[message("Storage quota exceeded")]
    StorageExceeded {
        requested: String,
        available: String,
        limit: String,
        current_usage: String,
    },
}

/// Rate limiting errors (`RATE_*`).
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "RATE_")]
#[api_error(category(name = "rate", prefix = "RATE_", title = "Rate limiting errors"))]
pub enum RateLimitError {
    /// API rate limit exceeded
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "RATE_LIMIT_EXCEEDED",
    ///     "message": "Rate limit exceeded",
    ///     "details": {
    ///       "limit": 5000,
    ///       "window": "1h",
    ///       "retry_after": 1234
    ///     }
    ///   }
    /// }
    /// ```
    #[status(429)]
    #[message("Rate limit exceeded")]
    LimitExceeded {
        limit: u32,
        window: String,
        #[api_error(retry_after)]
        retry_after: u64,
    },

    /// Authentication rate limit exceeded
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "RATE_LIMIT_AUTH_EXCEEDED",
    ///     "message": "Too many authentication attempts",
    ///     "details": {
    ///       "limit": 5,
    ///       "window": "1m",
    ///       "retry_after": 45
    ///     }
    ///   }
    /// }
    /// ```
    #[status(429)]
    #[message("Too many authentication attempts")]
    LimitAuthExceeded {
        limit: u32,
        window: String,
        #[api_error(retry_after)]
        retry_after: u64,
    },
}

/// System and infrastructure errors (`SYSTEM_*`).
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "SYSTEM_")]
#[api_error(category(
    name = "system",
    prefix = "SYSTEM_",
    title = "System and infrastructure errors"
))]
pub enum SystemError {
    /// Internal server error
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "SYSTEM_INTERNAL_ERROR",
    ///     "message": "An internal error occurred",
    ///     "details": {
    ///       "request_id": "req_123456"
    ///     }
    ///   }
    /// }
    /// ```
    #[status(500)]
    #[message("An internal error occurred")]
    InternalError { request_id: String },

    /// Service temporarily unavailable
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "SYSTEM_SERVICE_UNAVAILABLE",
    ///     "message": "Service temporarily unavailable",
    ///     "details": {
    ///       "service": "kubernetes_api",
    ///       "retry_after": 30
    ///     }
    ///   }
    /// }
    /// ```
    #[status(503)]
    #[message("Service temporarily unavailable")]
    ServiceUnavailable {
        service: String,
        #[api_error(retry_after)]
        retry_after: u64,
    },

    /// System under maintenance
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "SYSTEM_MAINTENANCE",
    ///     "message": "System under maintenance",
    ///     "details": {
    ///       "maintenance_end": "2024-01-20T12:00:00Z",
    ///       "affected_services": ["workspace_provisioning"]
    ///     }
    ///   }
    /// }
    /// ```
    #[status(503)]
    #[message("System under maintenance")]
    Maintenance {
        maintenance_end: String,
        affected_services: Vec<String>,
    },

    /// Database operation failed
    ///
    /// # Example
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "SYSTEM_DATABASE_ERROR",
    ///     "message": "Database operation failed",
    ///     "details": {
    ///       "operation": "insert",
    ///       "table": "workspaces"
    ///     }
    ///   }
    /// }
    /// ```
    #[status(500)]
    #[message("Database operation failed")]
    DatabaseError { operation: String, table: String },
}

/// WebSocket errors (`WS_*`), sent as `{"type": "error", "error": {...}}` frames
/// (render them with `apierror::format::WebSocket`).
///
/// The documentation gives them no HTTP status; ours are used when the error
/// happens during the HTTP upgrade.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "WS_")]
#[api_error(category(name = "websocket", prefix = "WS_", title = "WebSocket errors"))]
pub enum WsError {
    /// WebSocket authentication required
    ///
    /// # Example
    /// ```json
    /// {
    ///   "type": "error",
    ///   "error": {
    ///     "code": "WS_AUTH_REQUIRED",
    ///     "message": "Authentication required before subscribing"
    ///   }
    /// }
    /// ```
    #[status(401)] // chosen: not in the documentation
    #[message("Authentication required before subscribing")]
    AuthRequired,

    /// WebSocket subscription limit exceeded
    ///
    /// # Example
    /// ```json
    /// {
    ///   "type": "error",
    ///   "error": {
    ///     "code": "WS_SUBSCRIPTION_LIMIT_EXCEEDED",
    ///     "message": "Maximum number of subscriptions exceeded",
    ///     "details": {
    ///       "limit": 100,
    ///       "current": 100
    ///     }
    ///   }
    /// }
    /// ```
    #[status(429)] // chosen: not in the documentation
    #[message("Maximum number of subscriptions exceeded")]
    SubscriptionLimitExceeded { limit: u32, current: u32 },

    /// WebSocket message size limit exceeded
    ///
    /// # Example
    /// ```json
    /// {
    ///   "type": "error",
    ///   "error": {
    ///     "code": "WS_MESSAGE_TOO_LARGE",
    ///     "message": "Message size exceeds limit",
    ///     "details": {
    ///       "max_size": 1048576,
    ///       "actual_size": 2097152
    ///     }
    ///   }
    /// }
    /// ```
    #[status(413)] // chosen: not in the documentation
    #[message("Message size exceeds limit")]
    MessageTooLarge { max_size: u64, actual_size: u64 },
}

/// Every error of the Hexabase KaaS API, one variant per code prefix.
///
/// This document provides a comprehensive reference for all error codes returned by the
/// Hexabase KaaS API.
///
/// # Error Handling Best Practices
///
/// ## Client-Side Error Handling
///
/// ```javascript
/// async function makeApiRequest(url, options) {
///   try {
///     const response = await fetch(url, options);
///
///     if (!response.ok) {
///       const error = await response.json();
///
///       switch (error.error.code) {
///         case 'AUTH_TOKEN_EXPIRED':
///           // Refresh token and retry
///           await refreshToken();
///           return makeApiRequest(url, options);
///
///         case 'RATE_LIMIT_EXCEEDED':
///           // Wait and retry
///           const retryAfter = error.error.details.retry_after;
///           await sleep(retryAfter * 1000);
///           return makeApiRequest(url, options);
///
///         case 'RESOURCE_NOT_FOUND':
///           // Handle 404
///           throw new NotFoundError(error.error.message);
///
///         default:
///           // Handle other errors
///           throw new ApiError(error.error);
///       }
///     }
///
///     return response.json();
///   } catch (error) {
///     // Handle network errors
///     console.error('API request failed:', error);
///     throw error;
///   }
/// }
/// ```
///
/// ## Retry Strategy
///
/// For transient errors, implement exponential backoff:
///
/// ```javascript
/// async function retryWithBackoff(fn, maxRetries = 3) {
///   for (let i = 0; i < maxRetries; i++) {
///     try {
///       return await fn();
///     } catch (error) {
///       if (error.code === 'SYSTEM_SERVICE_UNAVAILABLE' && i < maxRetries - 1) {
///         const delay = Math.pow(2, i) * 1000; // Exponential backoff
///         await sleep(delay);
///         continue;
///       }
///       throw error;
///     }
///   }
/// }
/// ```
///
/// ## Error Logging
///
/// Always log the request ID for troubleshooting:
///
/// ```javascript
/// function logError(error) {
///   console.error('API Error:', {
///     code: error.code,
///     message: error.message,
///     request_id: error.request_id,
///     details: error.details
///   });
/// }
/// ```
///
/// # Common Error Scenarios
///
/// ## Scenario: Expired Token
///
/// ```text
/// 1. Client makes request with expired token
/// 2. Server returns AUTH_TOKEN_EXPIRED
/// 3. Client uses refresh token to get new access token
/// 4. Client retries original request with new token
/// ```
///
/// ## Scenario: Resource Creation Conflict
///
/// ```text
/// 1. Client attempts to create resource
/// 2. Server returns RESOURCE_ALREADY_EXISTS
/// 3. Client can either:
///    - Use existing resource
///    - Update existing resource
///    - Choose different identifier
/// ```
///
/// ## Scenario: Quota Exceeded
///
/// ```text
/// 1. Client requests resource allocation
/// 2. Server returns QUOTA_CPU_EXCEEDED
/// 3. Client can either:
///    - Request smaller allocation
///    - Upgrade plan for more resources
///    - Free up existing resources
/// ```
///
/// # Getting Help
///
/// If you encounter an error not documented here or need assistance:
///
/// 1. Note the `request_id` from the error response
/// 2. Check our [Status Page](https://status.hexabase.ai) for any ongoing issues
/// 3. Contact support with the request ID and error details
/// 4. For critical issues, use the emergency support channel
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(
    status_doc(200, "Request succeeded"),
    status_doc(201, "Resource created successfully"),
    status_doc(204, "Request succeeded with no response body"),
    status_doc(400, "Invalid request format or parameters"),
    status_doc(401, "Authentication required or failed"),
    status_doc(403, "Authenticated but not authorized"),
    status_doc(404, "Resource does not exist"),
    status_doc(409, "Resource already exists or state conflict"),
    status_doc(422, "Valid format but semantic errors"),
    status_doc(429, "Rate limit exceeded"),
    status_doc(500, "Server error"),
    status_doc(502, "Upstream service error"),
    status_doc(503, "Service temporarily unavailable")
)]
pub enum HexabaseError {
    #[api_error(transparent)]
    Auth(AuthError),
    #[api_error(transparent)]
    Validation(ValidationError),
    #[api_error(transparent)]
    Resource(ResourceError),
    #[api_error(transparent)]
    Billing(BillingError),
    #[api_error(transparent)]
    Workspace(WorkspaceError),
    #[api_error(transparent)]
    Project(ProjectError),
    #[api_error(transparent)]
    Quota(QuotaError),
    #[api_error(transparent)]
    RateLimit(RateLimitError),
    #[api_error(transparent)]
    System(SystemError),
    #[api_error(transparent)]
    Ws(WsError),
}

fn main() {
    print!("{}", HexabaseError::CATALOG);
    println!("{} codes\n", HexabaseError::CATALOG.len());

    show(&HexabaseError::Validation(ValidationError::Failed {
        fields: BTreeMap::from([
            ("name".to_owned(), "Name is required".to_owned()),
            ("email".to_owned(), "Invalid email format".to_owned()),
        ]),
    }));

    let limited = HexabaseError::RateLimit(RateLimitError::LimitExceeded {
        limit: 5000,
        window: "1h".into(),
        retry_after: 1234,
    });
    show(&limited);
    println!("Retry-After: {:?}\n", limited.retry_after());

    show(&HexabaseError::System(SystemError::Maintenance {
        maintenance_end: "2024-01-20T12:00:00Z".into(),
        affected_services: vec!["workspace_provisioning".into()],
    }));

    // With the request's id and time, as a handler would send it.
    let not_found = HexabaseError::Resource(ResourceError::NotFound {
        resource_type: "workspace".into(),
        resource_id: "ws-123".into(),
    });
    let context = Context::new()
        .with_request_id("req_123456")
        .with_timestamp("2024-01-20T10:00:00Z");
    let body = Render::new(&not_found)
        .context(context)
        .to_string()
        .expect("error renders as JSON");
    println!("With request context:\n{body}\n");

    // A WebSocket error frame.
    let frame = Render::new(&WsError::SubscriptionLimitExceeded {
        limit: 100,
        current: 100,
    })
    .format(&WebSocket)
    .to_string()
    .expect("error renders as JSON");
    println!("WebSocket frame:\n{frame}");
}

/// Prints one error the way the API sends it: status, code and JSON body.
fn show<E: ApiError>(err: &E) {
    let body = apierror::Render::new(err)
        .to_string()
        .expect("error renders as JSON");
    println!("HTTP {} {}\n{body}\n", err.status().as_u16(), err.code());
}
