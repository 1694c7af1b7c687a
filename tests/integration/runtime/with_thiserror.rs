//! `#[derive(ApiError)]` next to `#[derive(thiserror::Error)]`: thiserror owns
//! `Display` (internal text), `Error` and `From`; ApiError owns the public side.

use apierror::ApiError;
use std::error::Error as _;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(pattern = "ERR-04-###", status = 500)]
pub enum WorkspaceError {
    #[error("balance {balance} below minimum for account {account}")]
    #[code("ERR-04-001")]
    #[status(402)]
    #[message("Your account balance is too low to create new resources")]
    InsufficientBalance { account: String, balance: i64 },

    #[error("billing backend failed")]
    #[code("ERR-04-009")]
    Backend(#[from] std::io::Error),

    #[error(transparent)]
    #[api_error(transparent)]
    Inventory(#[from] InventoryError),
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "INVENTORY_")]
pub enum InventoryError {
    #[error("no node has {requested} free vCPUs")]
    #[status(409)]
    #[message("The selected node does not have enough CPU capacity")]
    InsufficientVcpu { requested: u32 },
}

#[test]
fn display_is_thiserror_message_is_public() {
    let err = WorkspaceError::InsufficientBalance {
        account: "acct-9".into(),
        balance: -3,
    };
    assert_eq!(
        err.to_string(),
        "balance -3 below minimum for account acct-9"
    );
    assert_eq!(
        err.message(),
        "Your account balance is too low to create new resources"
    );
    assert_eq!(err.code(), "ERR-04-001");
    let json = apierror::Render::new(&err).to_string().unwrap();
    assert!(
        !json.contains("below minimum"),
        "internal text leaked: {json}"
    );
}

#[test]
fn thiserror_from_and_source_are_used() {
    let err: WorkspaceError = std::io::Error::other("socket closed").into();
    assert_eq!(err.code(), "ERR-04-009");
    assert_eq!(err.status(), 500);
    // 5xx without #[message]: the generic reason phrase, never the source.
    assert_eq!(err.message(), "Internal Server Error");
    assert_eq!(err.source().unwrap().to_string(), "socket closed");
    // The source is never serialized.
    assert_eq!(
        apierror::Render::new(&err).to_string().unwrap(),
        r#"{"error":{"code":"ERR-04-009","message":"Internal Server Error"}}"#
    );
}

#[test]
fn transparent_with_thiserror() {
    let err: WorkspaceError = InventoryError::InsufficientVcpu { requested: 8 }.into();
    assert_eq!(err.to_string(), "no node has 8 free vCPUs");
    assert_eq!(err.code(), "INVENTORY_INSUFFICIENT_VCPU");
    assert_eq!(err.status(), 409);
    assert_eq!(WorkspaceError::CATALOG.len(), 3);
}
