//! The Phala Cloud error code catalog (`ERR-{MODULE}-{CODE}`) as four module
//! enums composed into one service error.
//!
//! Shows per-module code patterns (`ERR-01-###`, ...), retired codes
//! (`ERR-03-003`, `ERR-03-004` are gaps in the catalog and may never be reused),
//! non-standard statuses (465..=468) that need an explicit message, a container
//! default status, a message interpolating a field (`ERR-01-004`), a permission
//! error masked as "not found" (`ERR-03-005`), and `#[api_error(transparent)]`
//! composition into `PhalaError`, whose catalog lists all 29 codes.
//!
//! The catalog gives HTTP statuses only for ERR-01-004..008; the others are our
//! choice (not found 404, invalid 400/422, capacity 409, quota 403, balance 402).
//!
//! The errors render in the standard format, the default:
//!
//! ```json
//! {"error":{"code":"ERR-03-001","message":"The requested CVM was not found",
//!   "details":{"cvm_id":"cvm-7f3a"}}}
//! ```
//!
//! Run it with:
//!
//! ```text
//! cargo run --example phala
//! ```

use apierror::ApiError;

/// Module 01 - CVM API / Preflight
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(pattern = "ERR-01-###")]
pub enum PreflightError {
    /// Raised when specified node is not found
    #[code("ERR-01-001")]
    #[api_error(class = "NodeNotFoundError")]
    #[status(404)]
    #[message("The requested node is not available")]
    NodeNotFound,

    /// Raised when compose_file is required but not provided
    #[code("ERR-01-002")]
    #[api_error(class = "ComposeFileRequiredError")]
    #[status(400)]
    #[message("The request contains invalid parameters")]
    ComposeFileRequired,

    /// Raised when Docker Compose file is invalid
    #[code("ERR-01-003")]
    #[api_error(class = "InvalidComposeFileError")]
    #[status(422)]
    #[message("The Docker Compose file contains errors")]
    InvalidComposeFile,

    /// Raised when a CVM name already exists in the workspace (HTTP 409)
    #[code("ERR-01-004")]
    #[api_error(class = "DuplicateCvmNameError")]
    #[status(409)]
    #[message("A CVM with name '{name}' already exists in this workspace")]
    DuplicateCvmName { name: String },

    /// Raised when compose hash needs to be registered on-chain (HTTP 465)
    #[code("ERR-01-005")]
    #[api_error(class = "HashRegistrationRequired")]
    #[status(465)]
    #[message("Compose hash registration required on-chain")]
    HashRegistrationRequired,

    /// Raised when compose hash is invalid or expired (HTTP 466)
    #[code("ERR-01-006")]
    #[api_error(class = "HashInvalidOrExpired")]
    #[status(466)]
    #[message("The provided compose hash is invalid or has expired")]
    HashInvalidOrExpired,

    /// Raised when transaction verification fails (HTTP 467)
    #[code("ERR-01-007")]
    #[api_error(class = "TxVerificationFailed")]
    #[status(467)]
    #[message("Transaction verification failed")]
    TxVerificationFailed,

    /// Raised when compose hash is not allowed by the contract (HTTP 468)
    #[code("ERR-01-008")]
    #[api_error(class = "HashNotAllowed")]
    #[status(468)]
    #[message("The compose hash is not allowed by the on-chain contract")]
    HashNotAllowed,
}

/// Module 02 - Inventory
///
/// Variants without `#[status]` are capacity errors and get the container
/// default, 409 Conflict.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(pattern = "ERR-02-###", status = 409)]
pub enum InventoryError {
    /// Raised when a requested instance type is not found.
    #[code("ERR-02-001")]
    #[api_error(class = "InstanceTypeNotFoundError")]
    #[status(404)]
    #[message("The requested instance type does not exist")]
    InstanceTypeNotFound { instance_type: String },

    /// Raised when no suitable resources are found
    #[code("ERR-02-002")]
    #[api_error(class = "ResourceNotAvailableError")]
    #[message("No available resources match your requirements")]
    ResourceNotAvailable,

    /// Raised when teepod has insufficient vCPU resources.
    #[code("ERR-02-003")]
    #[api_error(class = "InsufficientVcpuError")]
    #[message("The selected node does not have enough CPU capacity")]
    InsufficientVcpu { requested: u32, available: u32 },

    /// Raised when teepod has insufficient memory resources.
    #[code("ERR-02-004")]
    #[api_error(class = "InsufficientMemoryError")]
    #[message("The selected node does not have enough memory")]
    InsufficientMemory,

    /// Raised when teepod has no available CVM slots.
    #[code("ERR-02-005")]
    #[api_error(class = "InsufficientSlotsError")]
    #[message("The selected node has reached its maximum capacity")]
    InsufficientSlots,

    /// Raised when GPU allocation fails
    #[code("ERR-02-006")]
    #[api_error(class = "GpuAllocationError")]
    #[message("The selected node does not have enough GPU resources")]
    GpuAllocation,

    /// Raised when teepod has insufficient GPU resources.
    #[code("ERR-02-007")]
    #[api_error(class = "InsufficientGpuError")]
    #[message("The selected node does not have enough GPU resources")]
    InsufficientGpu,

    /// Raised when request parameters are invalid
    #[code("ERR-02-008")]
    #[api_error(class = "InvalidRequestError")]
    #[status(400)]
    #[message("The request contains invalid parameters")]
    InvalidRequest,

    /// Raised when resource configuration is not compatible
    #[code("ERR-02-009")]
    #[api_error(class = "IncompatibleConfigurationError")]
    #[status(422)]
    #[message("The configuration parameters are not compatible with each other")]
    IncompatibleConfiguration,

    /// Raised when a requested OS image is not found.
    #[code("ERR-02-010")]
    #[api_error(class = "ImageNotFoundError")]
    #[status(404)]
    #[message("The requested operating system image is not available")]
    ImageNotFound,

    /// Raised when no matching KMS is found on teepod.
    #[code("ERR-02-011")]
    #[api_error(class = "KmsNotFoundError")]
    #[status(404)]
    #[message("The requested security configuration is not available on this node")]
    KmsNotFound,

    // Same public message as ERR-01-001, so the same status: a node the
    // caller may not use looks exactly like a node that does not exist.
    /// Raised when user doesn’t have permission to access a teepod.
    #[code("ERR-02-012")]
    #[api_error(class = "TeepodNotAccessibleError")]
    #[status(404)]
    #[message("The requested node is not available")]
    TeepodNotAccessible,

    /// Raised when no compatible OS image is found.
    #[code("ERR-02-013")]
    #[api_error(class = "OsImageNotCompatibleError")]
    #[status(404)]
    #[message("The requested operating system image is not available")]
    OsImageNotCompatible,

    // Public message says "not available", like ERR-01-001: keep 404.
    /// Raised when node capacity is not properly configured.
    #[code("ERR-02-014")]
    #[api_error(class = "NodeCapacityNotConfiguredError")]
    #[status(404)]
    #[message("The requested node is not available")]
    NodeCapacityNotConfigured,

    /// Raised when team resource quota would be exceeded.
    #[code("ERR-02-015")]
    #[api_error(class = "QuotaExceededError")]
    #[status(403)]
    #[message("Your account has reached its resource quota")]
    QuotaExceeded,
}

/// Module 03 - CVM Operations
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(pattern = "ERR-03-###", retired("ERR-03-003", "ERR-03-004"))]
pub enum CvmOperationError {
    /// Raised when a CVM is not found by the given identifier.
    #[code("ERR-03-001")]
    #[api_error(class = "CvmNotFoundError")]
    #[status(404)]
    #[message("The requested CVM was not found")]
    CvmNotFound { cvm_id: String },

    /// Raised when multiple CVMs share the same name in a workspace.
    #[code("ERR-03-002")]
    #[api_error(class = "MultipleCvmsWithSameNameError")]
    #[status(409)]
    #[message("Multiple CVMs have the same name in this workspace")]
    MultipleCvmsWithSameName,

    // Masked: to the caller this is indistinguishable from ERR-03-001
    // (same status, same message, same details), so it reveals nothing
    // about CVMs they may not see.
    /// Raised when user lacks permission for CVM operation.
    #[code("ERR-03-005")]
    #[api_error(class = "CvmAccessDeniedError")]
    #[status(404)]
    #[message("The requested CVM was not found")]
    CvmAccessDenied { cvm_id: String },
}

/// Module 04 - Workspace
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(pattern = "ERR-04-###")]
pub enum WorkspaceError {
    /// Raised when account balance is too low
    #[code("ERR-04-001")]
    #[api_error(class = "InsufficientBalanceError")]
    #[status(402)]
    #[message("Your account balance is too low to create new resources")]
    InsufficientBalance,

    /// Raised when VM count limit is reached
    #[code("ERR-04-002")]
    #[api_error(class = "MaxCvmLimitError")]
    #[status(403)]
    #[message("Your account has reached the maximum number of instances")]
    MaxCvmLimit,

    /// Raised when resource limits are exceeded
    #[code("ERR-04-003")]
    #[api_error(class = "ResourceLimitExceededError")]
    #[status(403)]
    #[message("The requested resources exceed your account limits")]
    ResourceLimitExceeded,
}

/// Every error the Phala Cloud API returns; each module keeps its own enum.
///
/// This document lists all error codes used by Phala Cloud API. Error codes follow the format
/// ERR-{MODULE}-{CODE} where:
/// - MODULE: Two-digit module identifier (01, 02, 03, …)
/// - CODE: Three-digit sequential error number within the module
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
pub enum PhalaError {
    #[api_error(transparent)]
    Preflight(PreflightError),
    #[api_error(transparent)]
    Inventory(InventoryError),
    #[api_error(transparent)]
    CvmOperation(CvmOperationError),
    #[api_error(transparent)]
    Workspace(WorkspaceError),
}

fn main() {
    print!("{}", PhalaError::CATALOG);
    println!("{} codes\n", PhalaError::CATALOG.len());
    println!(
        "Retired in module 03: {:?}\n",
        CvmOperationError::CATALOG.retired()
    );

    show(&PhalaError::Preflight(PreflightError::DuplicateCvmName {
        name: "my-app".into(),
    }));
    show(&PhalaError::Preflight(
        PreflightError::HashRegistrationRequired,
    ));
    show(&PhalaError::CvmOperation(
        CvmOperationError::CvmAccessDenied {
            cvm_id: "cvm-7f3a".into(),
        },
    ));
}

/// Prints one error the way the API sends it: status, code and JSON body.
fn show<E: ApiError>(err: &E) {
    let body = apierror::Render::new(err)
        .to_string()
        .expect("error renders as JSON");
    println!("HTTP {} {}\n{body}\n", err.status().as_u16(), err.code());
}
