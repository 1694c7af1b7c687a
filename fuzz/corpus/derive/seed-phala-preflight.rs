#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(pattern = "ERR-01-###")]
pub enum PreflightError {
    /// Raised when specified node is not found
    #[code("ERR-01-001")]
    #[status(404)]
    #[message("The requested node is not available")]
    NodeNotFound,

    /// Raised when compose_file is required but not provided
    #[code("ERR-01-002")]
    #[status(400)]
    #[message("The request contains invalid parameters")]
    ComposeFileRequired,

    /// Raised when Docker Compose file is invalid
    #[code("ERR-01-003")]
    #[status(422)]
    #[message("The Docker Compose file contains errors")]
    InvalidComposeFile,

    /// Raised when a CVM name already exists in the workspace (HTTP 409)
    #[code("ERR-01-004")]
    #[status(409)]
    #[message("A CVM with name '{name}' already exists in this workspace")]
    DuplicateCvmName { name: String },

    /// Raised when compose hash needs to be registered on-chain (HTTP 465)
    #[code("ERR-01-005")]
    #[status(465)]
    #[message("Compose hash registration required on-chain")]
    HashRegistrationRequired,

    /// Raised when compose hash is invalid or expired (HTTP 466)
    #[code("ERR-01-006")]
    #[status(466)]
    #[message("The provided compose hash is invalid or has expired")]
    HashInvalidOrExpired,

    /// Raised when transaction verification fails (HTTP 467)
    #[code("ERR-01-007")]
    #[status(467)]
    #[message("Transaction verification failed")]
    TxVerificationFailed,

    /// Raised when compose hash is not allowed by the contract (HTTP 468)
    #[code("ERR-01-008")]
    #[status(468)]
    #[message("The compose hash is not allowed by the on-chain contract")]
    HashNotAllowed,
}
