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
//! The errors render in the standard envelope, the documented "Error Response
//! Format". Given the request's id and time in an `apierror::envelope::Context`,
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
//! `apierror::envelope::WebSocket` format. They have no HTTP status in the
//! documentation; the statuses given to them here (401, 429, 413) are our
//! choice, used when the error happens during the HTTP upgrade.
//!
//! Run it with:
//!
//! ```text
//! cargo run --example hexabase
//! ```

use std::collections::BTreeMap;

use apierror::envelope::{Context, WebSocket};
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
    #[status(401)]
    #[message("Authentication required")]
    Required { realm: String },

    /// The provided JWT token is invalid
    #[status(401)]
    #[message("Invalid authentication token")]
    InvalidToken { reason: String },

    /// The JWT token has expired
    #[status(401)]
    #[message("Authentication token has expired")]
    TokenExpired { expired_at: String },

    /// Invalid login credentials provided
    #[status(401)]
    #[message("Invalid email or password")]
    #[api_error(empty_details)] // the API sends `"details": {}`
    InvalidCredentials,

    /// OAuth provider returned an error
    #[status(502)]
    #[message("Authentication provider error")]
    ProviderError {
        provider: String,
        provider_error: String,
    },

    /// Multi-factor authentication is required
    #[status(403)]
    #[message("Multi-factor authentication required")]
    MfaRequired { session_token: String },

    /// User lacks required permissions
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
    #[code("VALIDATION_ERROR")] // the naming rule would give VALIDATION_FAILED
    #[status(400)]
    #[message("Validation failed")]
    Failed {
        /// Field name -> what is wrong with it.
        fields: BTreeMap<String, String>,
    },

    /// Required field is missing
    #[status(400)]
    #[message("Required field missing")]
    FieldRequired { field: String },

    /// Field value is invalid
    #[status(400)]
    #[message("Invalid field value")]
    FieldInvalid {
        field: String,
        value: String,
        reason: String,
    },

    /// Field value exceeds maximum length
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
    #[status(404)]
    #[message("Resource not found")]
    NotFound {
        resource_type: String,
        resource_id: String,
    },

    /// Resource with same identifier already exists
    #[status(409)]
    #[message("Resource already exists")]
    AlreadyExists {
        resource_type: String,
        field: String,
        value: String,
    },

    /// Resource cannot be deleted because it's in use
    #[status(409)]
    #[message("Resource is in use and cannot be deleted")]
    InUse {
        resource_type: String,
        resource_id: String,
        used_by: String,
    },

    /// Resource limit for the account has been exceeded
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
    #[status(403)]
    #[message("Subscription is not active")]
    SubscriptionInactive { status: String, ended_at: String },

    /// Action exceeds plan limits
    #[status(403)]
    #[message("Plan limit exceeded")]
    PlanLimitExceeded {
        plan: String,
        limit_type: String,
        limit: u32,
        requested: u32,
    },

    /// Payment method is invalid or expired
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
    #[status(500)]
    #[message("Failed to provision workspace")]
    ProvisioningFailed {
        workspace_id: String,
        stage: String,
        reason: String,
    },

    /// Workspace is not ready for operations
    #[status(503)]
    #[message("Workspace is not ready")]
    NotReady {
        workspace_id: String,
        status: String,
        #[api_error(retry_after)]
        retry_after: u64,
    },

    /// Workspace has been suspended
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
    #[status(422)]
    #[message("CPU quota exceeded")]
    CpuExceeded {
        requested: String,
        available: String,
        limit: String,
        current_usage: String,
    },

    /// Memory quota exceeded
    #[status(422)]
    #[message("Memory quota exceeded")]
    MemoryExceeded {
        requested: String,
        available: String,
        limit: String,
        current_usage: String,
    },

    /// Storage quota exceeded
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
    #[status(429)]
    #[message("Rate limit exceeded")]
    LimitExceeded {
        limit: u32,
        window: String,
        #[api_error(retry_after)]
        retry_after: u64,
    },

    /// Authentication rate limit exceeded
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
    #[status(500)]
    #[message("An internal error occurred")]
    InternalError { request_id: String },

    /// Service temporarily unavailable
    #[status(503)]
    #[message("Service temporarily unavailable")]
    ServiceUnavailable {
        service: String,
        #[api_error(retry_after)]
        retry_after: u64,
    },

    /// System under maintenance
    #[status(503)]
    #[message("System under maintenance")]
    Maintenance {
        maintenance_end: String,
        affected_services: Vec<String>,
    },

    /// Database operation failed
    #[status(500)]
    #[message("Database operation failed")]
    DatabaseError { operation: String, table: String },
}

/// WebSocket errors (`WS_*`), sent as `{"type": "error", "error": {...}}` frames
/// (render them with `apierror::envelope::WebSocket`).
///
/// The documentation gives them no HTTP status; ours are used when the error
/// happens during the HTTP upgrade.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "WS_")]
#[api_error(category(name = "websocket", prefix = "WS_", title = "WebSocket errors"))]
pub enum WsError {
    /// WebSocket authentication required
    #[status(401)] // chosen: not in the documentation
    #[message("Authentication required before subscribing")]
    AuthRequired,

    /// WebSocket subscription limit exceeded
    #[status(429)] // chosen: not in the documentation
    #[message("Maximum number of subscriptions exceeded")]
    SubscriptionLimitExceeded { limit: u32, current: u32 },

    /// WebSocket message size limit exceeded
    #[status(413)] // chosen: not in the documentation
    #[message("Message size exceeds limit")]
    MessageTooLarge { max_size: u64, actual_size: u64 },
}

/// Every error of the Hexabase KaaS API, one variant per code prefix.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
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
    let body = apierror::json::to_string(err).expect("error renders as JSON");
    println!("HTTP {} {}\n{body}\n", err.status().as_u16(), err.code());
}
