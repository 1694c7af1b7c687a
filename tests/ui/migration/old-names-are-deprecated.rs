#![deny(deprecated)]

use apierror::{ApiError, Render};

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
enum ShopError {
    #[status(404)]
    #[message("Order not found")]
    OrderNotFound,
}

fn main() {
    // rustc does not warn of a deprecated module in a path
    // (`apierror::envelope::Standard`): its alias `Envelope` warns.
    let _: Option<apierror::envelope::Envelope> = None;
    let _ = apierror::json::to_string(&ShopError::OrderNotFound);
    let _ = apierror::response::to_response(&ShopError::OrderNotFound);
    let _ = apierror::axum::into_response(&Render::new(&ShopError::OrderNotFound));
    let _ = apierror::actix::into_response(&Render::new(&ShopError::OrderNotFound));
    let _ = ShopError::CATALOG.envelope();
    let _ = ShopError::OrderNotFound.descriptor().message();
    let _: Option<apierror::Iter<'static>> = None;
    let _: Option<apierror::envelope::Rendered<'static, ShopError, apierror::format::Standard>> = None;
}
