//! The shop service of `examples/service` (axum) and
//! `examples/service-actix` (actix-web): its one error type, in its own
//! format, and what its handlers do.

use apierror::format::{Context, Format};
use apierror::{ApiError, RequestError};
use serde::ser::{SerializeStruct, Serializer};

/// The shop's format, Stripe-like:
/// `{"error":{"type","code","message","param","request_id","doc_url"}}`.
pub struct ShopFormat;

impl Format for ShopFormat {
    fn media_type(&self) -> &'static str {
        "application/json"
    }

    fn serialize<E, S>(
        &self,
        error: &E,
        context: &Context<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error>
    where
        E: ApiError + ?Sized,
        S: Serializer,
    {
        struct Body<'a, E: ?Sized>(&'a E, &'a Context<'a>);
        impl<E: ApiError + ?Sized> serde::Serialize for Body<'_, E> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let Body(error, context) = *self;
                let kind = if error.status().is_server_error() {
                    "api_error"
                } else {
                    "invalid_request_error"
                };
                let mut body = serializer.serialize_struct("Error", 6)?;
                body.serialize_field("type", error.descriptor().kind().unwrap_or(kind))?;
                body.serialize_field("code", error.code())?;
                body.serialize_field("message", &error.message())?;
                if error.has_details() {
                    body.serialize_field("details", &error.details())?;
                }
                body.serialize_field("request_id", &context.request_id())?;
                body.serialize_field(
                    "doc_url",
                    &format_args!("https://docs.shop.example/errors/{}", error.code()),
                )?;
                body.end()
            }
        }
        let mut outer = serializer.serialize_struct("BuiltIn", 1)?;
        outer.serialize_field("error", &Body(error, context))?;
        outer.end()
    }
}

/// Every error of the shop, its framework's failures included.
#[derive(Debug, ApiError)]
#[api_error(code = "snake_case", format = ShopFormat)]
pub enum ShopError {
    /// Bad JSON, unknown routes, panics, ...: the framework's failures.
    #[api_error(transparent)]
    Request(#[from] RequestError),

    /// No order has this id.
    #[status(404)]
    #[message("No such order: {id}")]
    OrderNotFound { id: u32 },

    /// An order needs at least one item.
    #[status(422)]
    #[api_error(kind = "invalid_request_error")]
    #[message("An order needs at least one item")]
    EmptyOrder,

    /// The order store is down; what went wrong is logged, never sent.
    #[status(503)]
    #[message("Orders are unavailable, try again shortly")]
    StoreUnavailable {
        #[api_error(retry_after)]
        retry_after: u32,
        #[source]
        cause: std::io::Error,
    },
}

/// A new order.
#[derive(Debug, serde::Deserialize)]
pub struct NewOrder {
    pub items: Vec<Item>,
}

/// An item of an order.
#[derive(Debug, serde::Deserialize)]
pub struct Item {
    pub sku: String,
    pub quantity: u32,
}

/// A search's query.
#[derive(Debug, serde::Deserialize)]
pub struct Search {
    pub limit: u8,
}

/// Creates an order.
pub fn create(order: NewOrder) -> Result<String, ShopError> {
    if order.items.is_empty() {
        return Err(ShopError::EmptyOrder);
    }
    let quantity: u32 = order.items.iter().map(|item| item.quantity).sum();
    let skus: Vec<&str> = order.items.iter().map(|item| item.sku.as_str()).collect();
    Ok(format!(
        "{{\"id\":17,\"quantity\":{quantity},\"skus\":{skus:?}}}"
    ))
}

/// Shows an order: 17 exists, 500 finds the store down.
pub fn show(id: u32) -> Result<String, ShopError> {
    match id {
        17 => Ok("{\"id\":17}".to_owned()),
        500 => Err(ShopError::StoreUnavailable {
            retry_after: 30,
            cause: std::io::Error::other("connect 10.0.3.7:5432: password authentication failed"),
        }),
        _ => Err(ShopError::OrderNotFound { id }),
    }
}

/// Searches orders.
pub fn search(search: Search) -> String {
    format!("{{\"limit\":{}}}", search.limit)
}

/// The listen address from `--addr`, 127.0.0.1:3000 by default.
pub fn addr(name: &str) -> String {
    let mut args = std::env::args().skip(1);
    let mut addr = String::from("127.0.0.1:3000");
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--addr", Some(value)) => addr = value,
            _ => {
                eprintln!("usage: {name} [--addr HOST:PORT]");
                std::process::exit(2);
            }
        }
    }
    addr
}
