//! The services' errors: two categories by membership, a code that never
//! happens (it must still be listed, at zero), the framework's own failures
//! included transparently, and a type in the `google` format whose domain
//! is a label.

use apierror::{ApiError, RequestError};

/// The shop's errors.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
#[api_error(category(name = "orders", title = "Orders"))]
#[api_error(category(name = "storage", title = "Storage"))]
pub enum ShopError {
    /// The order does not exist.
    #[status(404)]
    #[message("Order {order_id} not found")]
    #[api_error(category = "orders", title = "Order not found")]
    OrderNotFound { order_id: String },
    /// The order was paid before.
    #[status(409)]
    #[message("Order {order_id} is already paid")]
    #[api_error(category = "orders")]
    AlreadyPaid { order_id: String },
    #[status(503)]
    #[message("The store is unavailable")]
    #[api_error(category = "storage")]
    StoreUnavailable(#[source] std::io::Error),
    /// Payment is required. Never answered by the tests: its series is
    /// there at zero because it was registered.
    #[status(402)]
    #[message("Payment required")]
    #[api_error(category = "orders")]
    PaymentRequired,
    /// Failures of the request itself.
    #[api_error(transparent)]
    Request(#[from] RequestError),
}

/// The inventory's errors, in AIP-193's format: its domain is a label.
#[derive(Debug, ApiError)]
#[api_error(
    code = "SCREAMING_SNAKE_CASE",
    format = "google",
    domain = "inventory.example.com"
)]
pub enum InventoryError {
    /// The item does not exist.
    #[status(404)]
    #[message("Item {sku} not found")]
    ItemNotFound { sku: String },
    #[status(503)]
    #[message("The inventory is unavailable")]
    Unavailable,
}

/// A marker put into every message, details value, path and request id of
/// the load: it must never reach a label.
pub const LEAK: &str = "LEAKMARK";
