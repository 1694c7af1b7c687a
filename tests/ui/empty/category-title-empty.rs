use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 404)]
#[api_error(category(name = "orders", title = "", prefix = "ORDER_"))]
pub enum ShopError {
    OrderNotFound,
}

fn main() {}
