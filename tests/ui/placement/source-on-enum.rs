use apierror::ApiError;

#[derive(Debug, ApiError)]
#[source]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 400)]
pub enum ShopError {
    OrderNotFound,
}

fn main() {}
